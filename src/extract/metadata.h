/* Article metadata from a parsed page: JSON-LD, Open Graph and other meta tags, bylines, dates,
 * the lead image. The content extractor (content.c) and the renderers read this struct. */
#ifndef ONR_EXTRACT_METADATA_H
#define ONR_EXTRACT_METADATA_H

#include "core/core.h"

typedef struct extract_image {
    onr_string url;      /* absolute */
    onr_string caption;
    onr_string credit;   /* e.g. "Evan Vucci / AP / TASS" */
    onr_string alt;
    unsigned width, height; /* 0 when unknown */
} extract_image;

typedef struct extract_metadata {
    onr_string title;          /* the headline, without the site's " | Site" suffix */
    onr_string description;
    onr_string sitename;
    onr_string publisher;
    onr_string url;            /* canonical URL, absolute */
    onr_string language;       /* BCP 47 tag as declared ("en", "en-US"), or empty */
    onr_string section;        /* the first of `categories` */
    onr_string date_published; /* ISO 8601: "2024-11-06" or "2024-11-06T09:30:00+03:00" */
    onr_string date_modified;
    onr_string *authors;       /* names only: no "By", no dates, no roles; at most 64 */
    size_t author_count;
    onr_string *tags;
    size_t tag_count;
    onr_string *categories;
    size_t category_count;
    extract_image image;       /* lead image; url.data == NULL when none */
    onr_string *warnings;      /* e.g. "ignored broken JSON-LD at byte 1234: ..." */
    size_t warning_count;
    /* Where the headline and byline sit in the page, so the body can leave them out; NULL when not
     * found in the page body. headline_node is the <h1> whose text agrees with a declared title
     * (or the article's only evidence of one); byline_node is the byline element that named the
     * authors, and may hold the dateline too. */
    const onr_node *headline_node;
    const onr_node *byline_node;
    onr_string base_href;      /* the page's first <base href>, in `doc`; data == NULL when none */
} extract_metadata;

/* Fills *out from `doc`. `page_url` (may be empty) is the address the page was fetched from; the
 * base for relative URLs is <base href> resolved against it. All strings are copied into `arena`,
 * white space collapsed; the nodes point into `doc`. Reads `doc` only, so several threads may read
 * one document. Fails only with ONR_ERR_NOMEM. */
onr_status extract_metadata_read(const onr_document *doc, const char *page_url, size_t page_url_len,
                                 onr_arena *arena, extract_metadata *out);

/* The URL `href` resolved against `base` (RFC 3986 section 5.2, with the WHATWG leniencies browsers
 * apply: backslashes, surrounding white space, scheme-relative "//host/path"). Writes into `arena`.
 * Returns the href unchanged (copied) when `base` is empty or not absolute; data == NULL on NOMEM. */
onr_string extract_resolve_url(onr_arena *arena, const char *base, size_t base_len, const char *href,
                               size_t href_len);

/* The document's base URL: `base_href` (extract_metadata's) resolved against the page URL, or
 * the page URL when it has no data. */
onr_string extract_base_url(onr_string base_href, const char *page_url, size_t page_url_len, onr_arena *arena);

#endif
