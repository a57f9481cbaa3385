/* Article metadata: chooses among what the page says in JSON-LD, meta tags, markup and text,
 * preferring values that several sources agree on. Feeds extract_metadata to the content
 * extractor and the renderers. */
#include "extract/metadata.h"
#include "extract/metadata_scan.h"

#include <string.h>

#define TRY(expr)                              \
    do {                                       \
        onr_status try_status_ = (expr);       \
        if (try_status_ != ONR_OK)             \
            return try_status_;                \
    } while (0)

/* Longest text taken from an element for a headline, a byline or a dateline. */
#define HEADLINE_MAX 1000
#define BYLINE_MAX 400
#define DATELINE_MAX 300
#define CAPTION_MAX 2000

typedef struct chooser {
    onr_arena *arena;
    const page_scan *scan;
    onr_string base;
    onr_string page_url;
    bool site_is_guess; /* the site name is only the host name */
    extract_metadata *out;
} chooser;

static onr_string first_of(const onr_string *candidates, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (candidates[i].data && candidates[i].len)
            return candidates[i];
    return (onr_string){NULL, 0};
}

/* A copy in the arena with white space collapsed; absent when empty. */
static onr_status copy_clean(onr_arena *arena, onr_string s, onr_string *out)
{
    out->data = NULL;
    out->len = 0;
    if (!s.data)
        return ONR_OK;
    char *copy = onr_arena_strndup(arena, s.data, s.len);
    if (!copy)
        return ONR_ERR_NOMEM;
    size_t len = onr_collapse_space(copy, copy, s.len);
    copy[len] = '\0';
    if (len)
        *out = (onr_string){copy, len};
    return ONR_OK;
}

static bool is_url(onr_string s)
{
    return s.data && ((s.len >= 7 && onr_ascii_ieq(s.data, 7, "http://", 7)) ||
                      (s.len >= 8 && onr_ascii_ieq(s.data, 8, "https://", 8)));
}

static onr_status resolve(chooser *c, onr_string href, onr_string *out)
{
    out->data = NULL;
    out->len = 0;
    if (!href.data)
        return ONR_OK;
    onr_string url = extract_resolve_url(c->arena, c->base.data, c->base.len, href.data, href.len);
    if (!url.data)
        return ONR_ERR_NOMEM;
    if (url.len)
        *out = url;
    return ONR_OK;
}

/* ---- site, publisher, address ---- */

/* "news.example" from "https://www.news.example:8080/path". */
static onr_string host_of(onr_string url)
{
    const char *s = url.data;
    size_t len = url.len, i = 0;
    while (i < len && s[i] != ':' && s[i] != '/')
        i++;
    if (i + 2 >= len || s[i] != ':' || s[i + 1] != '/' || s[i + 2] != '/')
        return (onr_string){NULL, 0};
    size_t start = i + 3, end = start;
    while (end < len && s[end] != '/' && s[end] != ':' && s[end] != '?' && s[end] != '#')
        end++;
    if (end - start > 4 && onr_ascii_ieq(s + start, 4, "www.", 4))
        start += 4;
    return end > start ? (onr_string){s + start, end - start} : (onr_string){NULL, 0};
}

static onr_status choose_url(chooser *c)
{
    const page_scan *scan = c->scan;
    const onr_string candidates[] = {scan->canonical, scan->meta[META_URL], scan->jsonld.article.url,
                                     scan->jsonld.page.url, c->page_url};
    /* Without a page URL a relative canonical link stays relative: an absolute og:url or JSON-LD
     * url then serves better, and the relative one only when nothing else exists. */
    onr_string relative = {NULL, 0};
    for (size_t i = 0; i < sizeof candidates / sizeof *candidates; i++) {
        onr_string trimmed;
        TRY(copy_clean(c->arena, candidates[i], &trimmed));
        TRY(resolve(c, trimmed, &c->out->url));
        if (is_url(c->out->url))
            return ONR_OK;
        if (c->out->url.data && !relative.data)
            relative = c->out->url;
    }
    c->out->url = relative;
    return ONR_OK;
}

static onr_status choose_site(chooser *c)
{
    const page_scan *scan = c->scan;
    onr_string og_site;
    TRY(copy_clean(c->arena, scan->meta[META_SITE_NAME], &og_site));
    onr_string app_name;
    TRY(copy_clean(c->arena, scan->meta[META_APPLICATION_NAME], &app_name));
    if (og_site.data && og_site.data[0] == '@')
        og_site.data = NULL; /* a social media handle, not the site's name */
    const onr_string sites[] = {og_site, scan->jsonld.site_name, scan->jsonld.publisher, app_name};
    c->out->sitename = first_of(sites, sizeof sites / sizeof *sites);
    if (!c->out->sitename.data || is_url(c->out->sitename)) {
        /* the host name stands in, lowercased and without "www." */
        onr_string host = host_of(c->out->sitename.data ? c->out->sitename
                                  : c->out->url.data    ? c->out->url
                                                        : c->page_url);
        TRY(copy_clean(c->arena, host, &c->out->sitename));
        for (size_t i = 0; i < c->out->sitename.len; i++)
            ((char *)c->out->sitename.data)[i] = onr_ascii_lower(c->out->sitename.data[i]);
        c->site_is_guess = true;
    }
    onr_string meta_publisher; /* profile URLs were left out by the scan */
    TRY(copy_clean(c->arena, scan->meta[META_PUBLISHER], &meta_publisher));
    const onr_string publishers[] = {scan->jsonld.publisher, meta_publisher, og_site, scan->jsonld.site_name};
    c->out->publisher = first_of(publishers, sizeof publishers / sizeof *publishers);
    return ONR_OK;
}

/* ---- headline ---- */

static onr_string strip_site(chooser *c, onr_string title)
{
    if (!title.data)
        return title;
    return extract_title_strip_site(title.data, title.len, c->out->sitename.data, c->out->sitename.len,
                                    c->site_is_guess);
}

/* The same text, or most of a declared title ("Opinion | Vote passes" for the <h1> "Vote
 * passes") as long as the <h1> is not just the site's name. */
static bool agrees_with_any(const chooser *c, onr_string text, const onr_string *candidates, size_t count)
{
    onr_string site = c->out->sitename;
    bool is_site = site.data && extract_same_text(text.data, text.len, site.data, site.len);
    for (size_t i = 0; i < count; i++) {
        onr_string d = candidates[i];
        if (!d.data)
            continue;
        if (extract_same_text(text.data, text.len, d.data, d.len))
            return true;
        bool most_of = text.len * 3 >= d.len * 2;
        if (!is_site && most_of && extract_text_contains(d.data, d.len, text.data, text.len))
            return true;
    }
    return false;
}

/* The visible <h1> when it agrees with a declared title; else the declared title, the JSON-LD
 * headline first; else the article's <h1>. */
static onr_status choose_headline(chooser *c)
{
    const page_scan *scan = c->scan;
    onr_string og, twitter;
    TRY(copy_clean(c->arena, scan->meta[META_TITLE], &og));
    TRY(copy_clean(c->arena, scan->meta[META_TWITTER_TITLE], &twitter));
    const onr_string declared[] = {strip_site(c, scan->jsonld.article.headline),
                                   strip_site(c, og),
                                   strip_site(c, twitter),
                                   strip_site(c, scan->title),
                                   strip_site(c, scan->jsonld.page.headline),
                                   og,
                                   twitter,
                                   scan->title};
    const size_t preferred = 5; /* the unstripped titles only help agreement */
    for (size_t i = 0; i < scan->h1_count; i++) {
        onr_string text;
        TRY(extract_node_text(c->arena, scan->h1[i], HEADLINE_MAX, &text));
        if (text.data && agrees_with_any(c, text, declared, sizeof declared / sizeof *declared)) {
            c->out->title = text;
            c->out->headline_node = scan->h1[i];
            return ONR_OK;
        }
    }
    c->out->title = first_of(declared, preferred);
    if (c->out->title.data || !scan->h1_count || !extract_node_inside(scan->h1[0], scan->scope))
        return ONR_OK;
    TRY(extract_node_text(c->arena, scan->h1[0], HEADLINE_MAX, &c->out->title));
    if (c->out->title.data)
        c->out->headline_node = scan->h1[0];
    return ONR_OK;
}

/* ---- authors ---- */

static bool names_overlap(const extract_names *a, const extract_names *b)
{
    for (size_t i = 0; i < a->count; i++)
        if (extract_names_contains(b, a->items[i].data, a->items[i].len))
            return true;
    return false;
}

/* The first of `candidates` that names someone; its names go to *names. */
static onr_status first_naming(chooser *c, const onr_node *const *candidates, size_t count,
                               extract_names *names, const onr_node **byline)
{
    for (size_t i = 0; i < count && !*byline; i++) {
        onr_string text;
        TRY(extract_node_text_separated(c->arena, candidates[i], BYLINE_MAX, &text));
        if (text.data)
            TRY(extract_authors_add(names, c->arena, text.data, text.len));
        if (names->count)
            *byline = candidates[i];
    }
    return ONR_OK;
}

/* How far up from the headline a byline set above the article is looked for. */
#define HEADER_LEVELS 3

/* The byline in the article, else one next to the headline when that sits outside the article
 * (a page header holding the <h1> and the byline, then <article> with the text). */
static onr_status find_byline(chooser *c, extract_names *names, const onr_node **byline)
{
    const page_scan *scan = c->scan;
    *byline = NULL;
    TRY(first_naming(c, scan->bylines, scan->byline_count, names, byline));
    const onr_node *header = c->out->headline_node;
    if (*byline || !header || extract_node_inside(header, scan->scope))
        return ONR_OK;
    for (int level = 0; level < HEADER_LEVELS; level++) {
        const onr_node *parent = onr_node_parent(header);
        onr_tag tag = parent ? onr_node_tag(parent) : ONR_TAG_UNKNOWN;
        bool page_level = tag == ONR_TAG_BODY || tag == ONR_TAG_HTML;
        if (!parent || onr_node_get_type(parent) != ONR_NODE_ELEMENT || page_level)
            break;
        header = parent;
    }
    const onr_node *candidates[SCAN_MAX_CANDIDATES];
    size_t count = extract_find_bylines(header, scan->scope, candidates, SCAN_MAX_CANDIDATES);
    return first_naming(c, candidates, count, names, byline);
}

/* Author links without a byline element: their parent is the byline when it is short
 * ("<p>Story by <a rel=author>..</a> and <a rel=author>..</a></p>"). */
static onr_status byline_around_links(chooser *c)
{
    const onr_node *parent = onr_node_parent(c->scan->author_links[0]);
    onr_tag tag = parent ? onr_node_tag(parent) : ONR_TAG_UNKNOWN;
    if (!parent || onr_node_get_type(parent) != ONR_NODE_ELEMENT || tag == ONR_TAG_BODY ||
        tag == ONR_TAG_ARTICLE || tag == ONR_TAG_MAIN || tag == ONR_TAG_SECTION || parent == c->scan->scope)
        return ONR_OK;
    onr_string text;
    TRY(extract_node_text(c->arena, parent, BYLINE_MAX, &text));
    if (text.data)
        c->out->byline_node = parent;
    return ONR_OK;
}

static onr_status choose_authors(chooser *c)
{
    const page_scan *scan = c->scan;
    extract_names byline_names = {NULL, 0, 0};
    const onr_node *byline;
    TRY(find_byline(c, &byline_names, &byline));
    extract_names link_names = {NULL, 0, 0};
    for (size_t i = 0; i < scan->author_link_count; i++) {
        onr_string text;
        TRY(extract_node_text(c->arena, scan->author_links[i], BYLINE_MAX, &text));
        if (text.data)
            TRY(extract_authors_add(&link_names, c->arena, text.data, text.len));
    }
    const extract_names *sources[] = {&scan->jsonld.persons, &scan->meta_authors, &byline_names, &link_names,
                                      &scan->jsonld.organizations};
    const extract_names *chosen = NULL;
    for (size_t i = 0; i < sizeof sources / sizeof *sources && !chosen; i++)
        if (sources[i]->count)
            chosen = sources[i];
    if (!chosen)
        return ONR_OK;
    c->out->authors = chosen->items;
    c->out->author_count = chosen->count;
    if (byline && (chosen == &byline_names || names_overlap(&byline_names, chosen)))
        c->out->byline_node = byline;
    else if (!byline && chosen == &link_names)
        TRY(byline_around_links(c));
    return ONR_OK;
}

/* ---- dates ---- */

static onr_status set_date(chooser *c, const char *normalized, size_t len, onr_string *field)
{
    char *copy = onr_arena_strndup(c->arena, normalized, len);
    if (!copy)
        return ONR_ERR_NOMEM;
    *field = (onr_string){copy, len};
    return ONR_OK;
}

/* Tries `value` as a date; sets *field when it is one and *field is still empty. */
static onr_status try_date(chooser *c, onr_string value, onr_string *field)
{
    if (field->data || !value.data)
        return ONR_OK;
    char iso[EXTRACT_DATE_CAP];
    size_t n = extract_date_normalize(value.data, value.len, iso);
    return n ? set_date(c, iso, n, field) : ONR_OK;
}

/* Whether the words just before text[at] label a date as an update ("Updated:", "Last modified"). */
static bool labelled_update(onr_string text, size_t at)
{
    size_t from = at > 24 ? at - 24 : 0;
    for (size_t i = from; i + 5 <= at; i++)
        if (onr_ascii_ieq(text.data + i, 5, "updat", 5) || onr_ascii_ieq(text.data + i, 5, "modif", 5))
            return true;
    return false;
}

/* Dates written out in text: one labelled as an update goes to *update, the first other one to
 * *plain ("Updated: Nov 20, 09:41 | Published Nov 20, 09:38"). */
static onr_status dates_in_text(chooser *c, onr_string text, onr_string *plain, onr_string *update)
{
    size_t pos = 0;
    for (int found = 0; found < 3 && text.data && pos < text.len && !plain->data; found++) {
        char iso[EXTRACT_DATE_CAP];
        size_t at;
        size_t n = extract_date_in_text(text.data + pos, text.len - pos, iso, &at);
        if (!n)
            break;
        at += pos;
        onr_string *field = labelled_update(text, at) ? update : plain;
        if (!field->data)
            TRY(set_date(c, iso, n, field));
        pos = at + 1;
    }
    return ONR_OK;
}

static const char *const update_hints[] = {"updat", "modif", NULL};
static const char *const publish_hints[] = {"publish", NULL};

/* A date element's value: datetime, content or title (a tooltip with the full date), else its
 * text. Elements marked as the update (class "updated") fill *update instead of *plain. */
static onr_status try_date_node(chooser *c, const onr_node *node, onr_string *plain, onr_string *update)
{
    if (plain->data || !node)
        return ONR_OK;
    /* WordPress marks the first version "published updated" */
    bool only_update = extract_node_hinted(node, update_hints) && !extract_node_hinted(node, publish_hints);
    onr_string *field = only_update ? update : plain;
    static const char *const attributes[] = {"datetime", "content", "title"};
    for (size_t i = 0; i < sizeof attributes / sizeof *attributes; i++) {
        onr_string value = extract_attr(node, attributes[i]);
        char iso[EXTRACT_DATE_CAP];
        size_t n = value.data ? extract_date_normalize(value.data, value.len, iso) : 0;
        if (n)
            return field->data ? ONR_OK : set_date(c, iso, n, field);
    }
    onr_string text;
    TRY(extract_node_text(c->arena, node, DATELINE_MAX, &text));
    return dates_in_text(c, text, field, update);
}

static onr_status choose_dates(chooser *c)
{
    const page_scan *scan = c->scan;
    onr_string *published = &c->out->date_published, *modified = &c->out->date_modified;
    TRY(try_date(c, scan->jsonld.article.date_published, published));
    TRY(try_date(c, scan->meta[META_PUBLISHED], published));
    TRY(try_date(c, scan->jsonld.page.date_published, published));
    TRY(try_date_node(c, scan->time_published, published, modified));
    const onr_string urls[] = {c->out->url, c->page_url};
    for (size_t i = 0; i < 2 && !published->data; i++) {
        char iso[EXTRACT_DATE_CAP];
        size_t n = urls[i].data ? extract_date_in_url(urls[i].data, urls[i].len, iso) : 0;
        if (n)
            TRY(set_date(c, iso, n, published));
    }
    TRY(try_date_node(c, scan->first_time, published, modified));
    if (c->out->byline_node && !published->data) {
        onr_string text;
        TRY(extract_node_text_separated(c->arena, c->out->byline_node, DATELINE_MAX, &text));
        TRY(dates_in_text(c, text, published, modified));
    }
    for (size_t i = 0; i < scan->date_hint_count && !published->data; i++)
        TRY(try_date_node(c, scan->date_hints[i], published, modified));
    TRY(try_date_node(c, scan->first_time_in_page, published, modified)); /* outside the article: last */

    TRY(try_date(c, scan->jsonld.article.date_modified, modified));
    TRY(try_date(c, scan->meta[META_MODIFIED], modified));
    TRY(try_date(c, scan->jsonld.page.date_modified, modified));
    return try_date_node(c, scan->time_modified, modified, modified);
}

/* ---- language, description, sections, tags ---- */

static onr_status choose_language(chooser *c)
{
    const page_scan *scan = c->scan;
    const onr_string candidates[] = {scan->html_lang, scan->meta[META_LANGUAGE], scan->meta[META_LOCALE],
                                     scan->jsonld.article.language, scan->jsonld.page.language};
    for (size_t i = 0; i < sizeof candidates / sizeof *candidates; i++) {
        char tag[40];
        size_t n = candidates[i].data && candidates[i].len < 64
                       ? extract_language_normalize(candidates[i].data, candidates[i].len, tag)
                       : 0;
        if (n) {
            char *copy = onr_arena_strndup(c->arena, tag, n);
            if (!copy)
                return ONR_ERR_NOMEM;
            c->out->language = (onr_string){copy, n};
            return ONR_OK;
        }
    }
    return ONR_OK;
}

static onr_status choose_description(chooser *c)
{
    const page_scan *scan = c->scan;
    const onr_string candidates[] = {scan->meta[META_OG_DESCRIPTION], scan->meta[META_DESCRIPTION],
                                     scan->meta[META_TWITTER_DESCRIPTION], scan->jsonld.article.description,
                                     scan->meta[META_OTHER_DESCRIPTION], scan->jsonld.page.description};
    for (size_t i = 0; i < sizeof candidates / sizeof *candidates && !c->out->description.data; i++)
        TRY(copy_clean(c->arena, candidates[i], &c->out->description));
    return ONR_OK;
}

static onr_status append_all(extract_names *to, onr_arena *arena, const extract_names *from)
{
    for (size_t i = 0; i < from->count; i++)
        TRY(extract_names_add(to, arena, from->items[i].data, from->items[i].len));
    return ONR_OK;
}

static onr_status choose_sections_and_tags(chooser *c)
{
    const page_scan *scan = c->scan;
    extract_names categories = {NULL, 0, 0};
    TRY(append_all(&categories, c->arena, &scan->meta_sections));
    TRY(append_all(&categories, c->arena, &scan->jsonld.sections));
    onr_string other_section = scan->meta[META_SECTION];
    if (other_section.data)
        TRY(extract_names_add(&categories, c->arena, other_section.data, other_section.len));
    c->out->categories = categories.items;
    c->out->category_count = categories.count;
    if (categories.count)
        c->out->section = categories.items[0];
    const extract_names *tag_sources[] = {&scan->meta_tags, &scan->jsonld.keywords, &scan->meta_keywords};
    for (size_t i = 0; i < 3; i++) {
        if (tag_sources[i]->count) {
            c->out->tags = tag_sources[i]->items;
            c->out->tag_count = tag_sources[i]->count;
            break;
        }
    }
    return ONR_OK;
}

/* ---- lead image ---- */

static const char *const credit_hints[] = {"credit", "copyright", "source", "photographer", "attribution",
                                           "author", NULL};

/* The file name of an image address without extension and query: "harbour-vote" from
 * "https://cdn.example/img/harbour-vote.jpg?w=800". */
static onr_string image_stem(onr_string url)
{
    size_t end = 0;
    while (end < url.len && url.data[end] != '?' && url.data[end] != '#')
        end++;
    size_t start = end;
    while (start > 0 && url.data[start - 1] != '/')
        start--;
    size_t dot = end;
    while (dot > start && url.data[dot - 1] != '.')
        dot--;
    if (dot > start)
        end = dot - 1;
    return (onr_string){url.data + start, end - start};
}

static bool same_image(onr_string a, onr_string b)
{
    onr_string sa = image_stem(a), sb = image_stem(b);
    if (sa.len < 6 || sb.len < 6)
        return sa.len == sb.len && sa.len && memcmp(sa.data, sb.data, sa.len) == 0;
    const onr_string *shorter = sa.len <= sb.len ? &sa : &sb, *longer = sa.len <= sb.len ? &sb : &sa;
    for (size_t i = 0; i + shorter->len <= longer->len; i++)
        if (memcmp(longer->data + i, shorter->data, shorter->len) == 0)
            return true;
    return false;
}

static const onr_node *first_element(const onr_node *scope, onr_tag tag)
{
    const onr_query query = {tag, NULL, NULL, NULL, NULL};
    return onr_find_next(scope, NULL, &query);
}

/* The figure whose image is the lead image, or the scope's first figure when it comes before
 * the text (a lead photo usually does). */
static const onr_node *lead_figure(chooser *c, onr_string lead_url)
{
    const onr_node *figure = c->scan->first_figure;
    if (!figure)
        return NULL;
    const onr_node *img = first_element(figure, ONR_TAG_IMG);
    onr_string src = img ? extract_image_src(img) : (onr_string){NULL, 0};
    if (!lead_url.data || (src.data && same_image(src, lead_url)))
        return figure;
    const onr_node *paragraph = first_element(c->scan->scope, ONR_TAG_P);
    return !paragraph || onr_node_source_offset(figure) < onr_node_source_offset(paragraph) ? figure : NULL;
}

static void cut_credit_from_caption(onr_string *caption, onr_string credit)
{
    if (!caption->data || !credit.data || credit.len > caption->len)
        return;
    const char *s = caption->data;
    size_t len = caption->len;
    if (memcmp(s + len - credit.len, credit.data, credit.len) == 0)
        len -= credit.len;
    else if (memcmp(s, credit.data, credit.len) == 0)
        s += credit.len, len -= credit.len;
    else
        return;
    while (len && (onr_ascii_space(*s) || *s == '|' || *s == '/'))
        s++, len--;
    while (len && (onr_ascii_space(s[len - 1]) || s[len - 1] == '|' || s[len - 1] == '/'))
        len--;
    *caption = (onr_string){len ? s : NULL, len};
}

static onr_status credit_in_figure(chooser *c, const onr_node *figure, onr_string *credit)
{
    credit->data = NULL;
    credit->len = 0;
    for (const onr_node *node = figure; node; node = onr_node_next_in(figure, node)) {
        if (node == figure || onr_node_get_type(node) != ONR_NODE_ELEMENT)
            continue;
        if (!extract_node_hinted(node, credit_hints))
            continue;
        TRY(extract_node_text(c->arena, node, DATELINE_MAX, credit));
        if (credit->data) {
            onr_string text, marked;
            if (extract_caption_split_credit(credit->data, credit->len, &text, &marked) && marked.data)
                *credit = marked;
            return ONR_OK;
        }
    }
    return ONR_OK;
}

static onr_status read_figure(chooser *c, const onr_node *figure, extract_image *image)
{
    onr_string credit;
    TRY(credit_in_figure(c, figure, &credit));
    const onr_node *figcaption = first_element(figure, ONR_TAG_FIGCAPTION);
    onr_string caption = {NULL, 0};
    if (figcaption)
        TRY(extract_node_text(c->arena, figcaption, CAPTION_MAX, &caption));
    cut_credit_from_caption(&caption, credit);
    if (!image->caption.data)
        image->caption = caption;
    if (!image->credit.data)
        image->credit = credit;
    const onr_node *img = first_element(figure, ONR_TAG_IMG);
    if (img && !image->alt.data)
        TRY(copy_clean(c->arena, extract_attr(img, "alt"), &image->alt));
    return ONR_OK;
}

/* Whatever the sources, a caption ends up without its credit and a credit without labels. */
static void finish_caption(extract_image *image)
{
    image->caption = extract_caption_trim_marker(image->caption);
    onr_string text, marked;
    if (image->caption.data &&
        extract_caption_split_credit(image->caption.data, image->caption.len, &text, &marked)) {
        image->caption = text;
        if (!image->credit.data)
            image->credit = marked;
    }
    if (image->credit.data)
        image->credit = extract_credit_clean(image->credit);
}

static unsigned parse_dimension(onr_string s)
{
    unsigned v = 0;
    for (size_t i = 0; s.data && i < s.len && s.data[i] >= '0' && s.data[i] <= '9' && v < 100000; i++)
        v = v * 10 + (unsigned)(s.data[i] - '0');
    return v < 100000 ? v : 0;
}

static onr_status choose_image(chooser *c)
{
    const page_scan *scan = c->scan;
    extract_image *image = &c->out->image;
    const extract_jsonld_item *items[] = {&scan->jsonld.article, &scan->jsonld.page};
    const extract_jsonld_item *from_jsonld = NULL;
    onr_string href = {NULL, 0};
    if (items[0]->image_url.data)
        from_jsonld = items[0];
    else if (!scan->meta[META_IMAGE].data && !scan->meta[META_TWITTER_IMAGE].data && items[1]->image_url.data)
        from_jsonld = items[1];
    if (from_jsonld) {
        href = from_jsonld->image_url;
        image->caption = from_jsonld->image_caption;
        image->credit = from_jsonld->image_credit;
        image->width = from_jsonld->image_width;
        image->height = from_jsonld->image_height;
    } else if (scan->meta[META_IMAGE].data || scan->meta[META_TWITTER_IMAGE].data) {
        href = scan->meta[META_IMAGE].data ? scan->meta[META_IMAGE] : scan->meta[META_TWITTER_IMAGE];
        image->width = parse_dimension(scan->meta[META_IMAGE_WIDTH]);
        image->height = parse_dimension(scan->meta[META_IMAGE_HEIGHT]);
    }
    TRY(copy_clean(c->arena, scan->meta[META_IMAGE_ALT], &image->alt));
    onr_string trimmed;
    TRY(copy_clean(c->arena, href, &trimmed));
    TRY(resolve(c, trimmed, &image->url));
    const onr_node *figure = lead_figure(c, image->url);
    const onr_node *img = figure ? first_element(figure, ONR_TAG_IMG) : NULL;
    if (!image->url.data && !img)
        img = scan->first_image;
    if (!image->url.data && img) {
        TRY(resolve(c, extract_image_src(img), &image->url));
        image->width = parse_dimension(extract_attr(img, "width"));
        image->height = parse_dimension(extract_attr(img, "height"));
        if (!image->alt.data)
            TRY(copy_clean(c->arena, extract_attr(img, "alt"), &image->alt));
    }
    finish_caption(image); /* the JSON-LD caption's own credit goes before the figure's */
    if (figure && image->url.data)
        TRY(read_figure(c, figure, image));
    finish_caption(image);
    return ONR_OK;
}

/* ---- entry points ---- */

onr_string extract_base_url(onr_string base_href, const char *page_url, size_t page_url_len, onr_arena *arena)
{
    if (base_href.data)
        return extract_resolve_url(arena, page_url, page_url_len, base_href.data, base_href.len);
    return extract_resolve_url(arena, "", 0, page_url ? page_url : "", page_url ? page_url_len : 0);
}

onr_status extract_metadata_read(const onr_document *doc, const char *page_url, size_t page_url_len,
                                 onr_arena *arena, extract_metadata *out)
{
    memset(out, 0, sizeof *out);
    page_scan scan;
    TRY(extract_scan_page(doc, arena, &scan));
    chooser c = {arena, &scan, {NULL, 0}, {NULL, 0}, false, out};
    if (page_url && page_url_len)
        TRY(copy_clean(arena, (onr_string){page_url, page_url_len}, &c.page_url));
    onr_string base_href = scan.base_href.data ? scan.base_href : c.page_url;
    c.base = extract_resolve_url(arena, c.page_url.data, c.page_url.len, base_href.data ? base_href.data : "",
                                 base_href.len);
    if (!c.base.data)
        return ONR_ERR_NOMEM;
    TRY(choose_url(&c));
    TRY(choose_site(&c));
    TRY(choose_headline(&c));
    TRY(choose_authors(&c));
    TRY(choose_dates(&c));
    TRY(choose_language(&c));
    TRY(choose_description(&c));
    TRY(choose_sections_and_tags(&c));
    TRY(choose_image(&c));
    out->warnings = scan.warnings.items;
    out->warning_count = scan.warnings.count;
    out->base_href = scan.base_href;
    return ONR_OK;
}
