/* What the walks over a page collect for metadata.c to choose from: meta tags by field, JSON-LD,
 * the article's scope and the candidate nodes for headline, byline, dates and lead image. Values
 * point into the document or the arena and live as long as both. */
#ifndef ONR_EXTRACT_METADATA_SCAN_H
#define ONR_EXTRACT_METADATA_SCAN_H

#include "extract/metadata_parts.h"

typedef enum meta_field {
    META_TITLE,
    META_TWITTER_TITLE,
    META_SITE_NAME,
    META_APPLICATION_NAME,
    META_URL,
    META_OG_DESCRIPTION,
    META_DESCRIPTION,
    META_TWITTER_DESCRIPTION,
    META_OTHER_DESCRIPTION,
    META_PUBLISHED,
    META_MODIFIED,
    META_SECTION,
    META_IMAGE,
    META_TWITTER_IMAGE,
    META_IMAGE_ALT,
    META_IMAGE_WIDTH,
    META_IMAGE_HEIGHT,
    META_LANGUAGE,
    META_LOCALE,
    META_PUBLISHER,
    META_FIELD_COUNT,
    /* keys whose every occurrence counts go to lists instead */
    META_LIST_AUTHORS,
    META_LIST_TAGS,
    META_LIST_KEYWORDS,
    META_LIST_SECTIONS
} meta_field;

#define SCAN_MAX_CANDIDATES 8

typedef struct page_scan {
    onr_string meta[META_FIELD_COUNT]; /* the best-ranked value of each field */
    unsigned meta_rank[META_FIELD_COUNT];
    extract_names meta_authors;
    extract_names meta_tags;      /* article:tag */
    extract_names meta_keywords;  /* keywords, news_keywords and the like */
    extract_names meta_sections;  /* article:section */
    extract_jsonld jsonld;
    extract_names warnings;
    onr_string html_lang;
    onr_string title;             /* <title>, white space collapsed, in the arena */
    onr_string canonical;         /* <link rel=canonical href>, as written */
    onr_string base_href;         /* the first <base href>, as written */
    /* the article's scope: the element that holds the article, or <body> */
    const onr_node *scope;
    /* headline candidates: an itemprop=headline element, then the <h1>s in the scope, then the
     * rest of the page's */
    const onr_node *h1[SCAN_MAX_CANDIDATES + 1];
    size_t h1_count;
    const onr_node *bylines[SCAN_MAX_CANDIDATES];
    size_t byline_count;
    const onr_node *author_links[SCAN_MAX_CANDIDATES]; /* rel=author */
    size_t author_link_count;
    const onr_node *time_published; /* <time pubdate> or itemprop=datePublished (any element) */
    const onr_node *time_modified;
    const onr_node *first_time;     /* the first <time datetime> in the scope */
    const onr_node *first_time_in_page;
    const onr_node *date_hints[SCAN_MAX_CANDIDATES]; /* class or id like "date", "dateline" */
    size_t date_hint_count;
    const onr_node *first_figure;   /* in the scope */
    const onr_node *first_image;    /* the first <img> in the scope with a usable src */
} page_scan;

/* Walks the document once for the head, the JSON-LD and the scope, then the scope for
 * candidates. Fails only with ONR_ERR_NOMEM. */
onr_status extract_scan_page(const onr_document *doc, onr_arena *arena, page_scan *scan);

/* Byline candidates in the subtree of `root` but not in that of `skip` (may be NULL), in
 * document order, at most `max`. For bylines set above the article, next to its headline. */
size_t extract_find_bylines(const onr_node *root, const onr_node *skip, const onr_node **out, size_t max);

/* ---- helpers shared with metadata.c ---- */

/* An attribute's value, data == NULL when absent; `name` is lowercase. */
onr_string extract_attr(const onr_node *node, const char *name);
/* The node's text content, white space collapsed, copied into the arena; data == NULL when it
 * is empty or longer than `max` bytes (a byline or a headline is never a page long). */
onr_status extract_node_text(onr_arena *arena, const onr_node *node, size_t max, onr_string *out);
/* The same for bylines and captions: where two elements' texts touch without white space
 * ("<a>Jane Doe</a><time>Nov 6</time>") or at a <br>, " | " is put between them. */
onr_status extract_node_text_separated(onr_arena *arena, const onr_node *node, size_t max, onr_string *out);
/* Whether the class, id or itemprop attribute contains one of `hints` (ASCII, any case). */
bool extract_node_hinted(const onr_node *node, const char *const *hints);
bool extract_node_inside(const onr_node *node, const onr_node *ancestor);
/* The image address of an <img> (src, or the lazy-loading data-src and the first srcset entry). */
onr_string extract_image_src(const onr_node *img);

#endif
