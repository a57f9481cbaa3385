/* The walks over a page that gather metadata candidates: the head's meta and link tags, JSON-LD
 * scripts, the article's scope, then bylines, dates and images inside that scope. */
#include "extract/metadata_scan.h"
#include "html/tree.h"

#include <string.h>

/* ---- helpers ---- */

/* Attribute names in the tree are lowercase and so are ours: a plain comparison will do, which
 * matters on a path taken for every element. */
static onr_string attr_named(const onr_node *node, const char *name, size_t name_len)
{
    for (uint32_t i = 0; i < node->attr_count; i++) {
        const html_attr *a = &node->attrs[i];
        if (a->name_len == name_len && a->name[0] == name[0] && memcmp(a->name, name, name_len) == 0)
            return (onr_string){a->value, a->value_len};
    }
    return (onr_string){NULL, 0};
}

/* For literal names on the paths taken for every element. */
#define ATTR(node, literal) attr_named(node, literal, sizeof literal - 1)

onr_string extract_attr(const onr_node *node, const char *name)
{
    return attr_named(node, name, strlen(name));
}

#define TEXT_STACK_CAP 1024

static onr_status copy_collapsed(onr_arena *arena, const char *text, size_t len, onr_string *out)
{
    char *copy = onr_arena_alloc(arena, len + 1);
    if (!copy)
        return ONR_ERR_NOMEM;
    len = onr_collapse_space(copy, text, len);
    copy[len] = '\0';
    if (len)
        *out = (onr_string){copy, len};
    return ONR_OK;
}

onr_status extract_node_text(onr_arena *arena, const onr_node *node, size_t max, onr_string *out)
{
    out->data = NULL;
    out->len = 0;
    char stack[TEXT_STACK_CAP];
    size_t len = onr_node_text(node, stack, sizeof stack);
    if (len > max)
        return ONR_OK;
    if (len < sizeof stack)
        return copy_collapsed(arena, stack, len, out);
    char *copy = onr_arena_alloc(arena, len + 1);
    if (!copy)
        return ONR_ERR_NOMEM;
    onr_node_text(node, copy, len + 1);
    len = onr_collapse_space(copy, copy, len);
    copy[len] = '\0';
    if (len)
        *out = (onr_string){copy, len};
    return ONR_OK;
}

/* Whether a text ends or starts with white space, so that no separator is needed between it and
 * its neighbour. */
static bool ends_blank(const char *s, size_t len) { return len == 0 || onr_ascii_space(s[len - 1]); }
static bool starts_blank(const char *s, size_t len) { return len == 0 || onr_ascii_space(s[0]); }

onr_status extract_node_text_separated(onr_arena *arena, const onr_node *node, size_t max, onr_string *out)
{
    out->data = NULL;
    out->len = 0;
    char text[TEXT_STACK_CAP];
    size_t len = 0;
    const onr_node *previous_parent = NULL;
    if (max > sizeof text - 4)
        max = sizeof text - 4;
    for (const onr_node *n = node; n; n = onr_node_next_in(node, n)) {
        if (onr_node_tag(n) == ONR_TAG_BR) {
            previous_parent = NULL;
            if (len && !ends_blank(text, len))
                memcpy(text + len, " | ", 3), len += 3;
            continue;
        }
        if (onr_node_get_type(n) != ONR_NODE_TEXT)
            continue;
        size_t data_len;
        const char *data = onr_node_data(n, &data_len);
        if (len + data_len + 3 > max)
            return ONR_OK;
        bool boundary = previous_parent && onr_node_parent(n) != previous_parent;
        if (boundary && !ends_blank(text, len) && !starts_blank(data, data_len))
            memcpy(text + len, " | ", 3), len += 3;
        memcpy(text + len, data, data_len);
        len += data_len;
        previous_parent = onr_node_parent(n);
    }
    return copy_collapsed(arena, text, len, out);
}

static bool contains_ascii_ci(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (onr_ascii_ieq(s + i, n, needle, n))
            return true;
    return false;
}

/* The class, id and itemprop values of an element, lowercased and joined, so that all hint
 * lists are matched against one string read in one pass over the attributes. */
#define HINT_TEXT_CAP 512

typedef struct hint_text {
    char text[HINT_TEXT_CAP];
    size_t len;
    uint32_t letters; /* bit c - 'a' for each letter c in text */
} hint_text;

/* Bit c - 'a' of each lowercase letter c, as a table: the hint text looks up every byte. */
#define LB(c) [c] = UINT32_C(1) << ((c) - 'a')
static const uint32_t letter_bits[256] = {
    LB('a'), LB('b'), LB('c'), LB('d'), LB('e'), LB('f'), LB('g'), LB('h'), LB('i'), LB('j'), LB('k'), LB('l'), LB('m'),
    LB('n'), LB('o'), LB('p'), LB('q'), LB('r'), LB('s'), LB('t'), LB('u'), LB('v'), LB('w'), LB('x'), LB('y'), LB('z'),
};
#undef LB

static uint32_t letter_bit(char c) { return letter_bits[(unsigned char)c]; }

/* Eight bytes with their ASCII capitals lowercased, in one go: a high bit per byte marks 'A'..'Z'
 * (at or above 'A', not above 'Z', below 0x80), and moved down two places it is the case bit. */
static uint64_t lower8(uint64_t w)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), high = ones * 0x80;
    uint64_t low7 = w & ~high;
    uint64_t from_a = low7 + ones * (0x80 - 'A');
    uint64_t above_z = low7 + ones * (0x7F - 'Z');
    return w | ((from_a & ~above_z & ~w & high) >> 2);
}

/* Appends value[0..len) lowercased to out, returning the letters seen: eight bytes at a time. */
static uint32_t lower_copy(char *out, const char *value, size_t len)
{
    uint32_t letters = 0;
    size_t k = 0;
    for (; k + 8 <= len; k += 8) {
        uint64_t w;
        memcpy(&w, value + k, 8);
        w = lower8(w);
        memcpy(out + k, &w, 8);
        for (unsigned shift = 0; shift < 64; shift += 8)
            letters |= letter_bits[(w >> shift) & 0xFF];
    }
    for (; k < len; k++) {
        char c = onr_ascii_lower(value[k]);
        out[k] = c;
        letters |= letter_bit(c);
    }
    return letters;
}

/* The length and letters are kept in locals: stores through `char *` may alias any field of *h,
 * which would make the compiler reload and store them at every byte. */
static void read_hint_text(const onr_node *node, hint_text *h)
{
    size_t len = 0;
    uint32_t letters = 0;
    for (uint32_t i = 0; i < node->attr_count; i++) {
        const char *name = node->attrs[i].name, *value = node->attrs[i].value;
        size_t name_len = node->attrs[i].name_len, value_len = node->attrs[i].value_len;
        bool wanted = (name_len == 5 && name[0] == 'c' && memcmp(name, "class", 5) == 0) ||
                      (name_len == 2 && name[0] == 'i' && name[1] == 'd') ||
                      (name_len == 8 && name[0] == 'i' && memcmp(name, "itemprop", 8) == 0);
        if (!wanted || len + value_len + 2 > sizeof h->text)
            continue;
        letters |= lower_copy(h->text + len, value, value_len);
        len += value_len;
        h->text[len++] = ' ';
    }
    h->text[len] = '\0';
    h->len = len;
    h->letters = letters;
}

static bool hint_matches(const hint_text *h, const char *const *hints)
{
    if (h->len == 0)
        return false;
    for (size_t i = 0; hints[i]; i++)
        if (strstr(h->text, hints[i]))
            return true;
    return false;
}

/* A hint list for the walks that match it against every element: with the letters of each word,
 * so that a word with a letter the element's text lacks is ruled out before strstr. */
#define HINT_LIST_LETTERS 8

typedef struct hint_list {
    const char *const *words; /* NULL-terminated */
    uint32_t letters[HINT_LIST_LETTERS];
} hint_list;

static hint_list hint_list_of(const char *const *words)
{
    hint_list list = {words, {0}};
    for (size_t i = 0; words[i] && i < HINT_LIST_LETTERS; i++)
        for (const char *c = words[i]; *c; c++)
            list.letters[i] |= letter_bit(*c);
    return list;
}

static bool hint_list_matches(const hint_text *h, const hint_list *list)
{
    if (h->len == 0)
        return false;
    for (size_t i = 0; list->words[i]; i++) {
        uint32_t needed = i < HINT_LIST_LETTERS ? list->letters[i] : 0;
        if (!(needed & ~h->letters) && strstr(h->text, list->words[i]))
            return true;
    }
    return false;
}

bool extract_node_hinted(const onr_node *node, const char *const *hints)
{
    hint_text h;
    read_hint_text(node, &h);
    return hint_matches(&h, hints);
}

bool extract_node_inside(const onr_node *node, const onr_node *ancestor)
{
    for (; node; node = onr_node_parent(node))
        if (node == ancestor)
            return true;
    return false;
}

/* Whether a space-separated attribute (rel) holds `word`. */
static bool attr_has_word(const onr_node *node, const char *name, const char *word)
{
    onr_string v = extract_attr(node, name);
    size_t n = strlen(word);
    for (size_t i = 0; v.data && i < v.len;) {
        while (i < v.len && onr_ascii_space(v.data[i]))
            i++;
        size_t start = i;
        while (i < v.len && !onr_ascii_space(v.data[i]))
            i++;
        if (i > start && onr_ascii_ieq(v.data + start, i - start, word, n))
            return true;
    }
    return false;
}

onr_string extract_image_src(const onr_node *img)
{
    static const char *const sources[] = {"src", "data-src", "data-lazy-src", "data-original"};
    for (size_t i = 0; i < sizeof sources / sizeof *sources; i++) {
        onr_string v = extract_attr(img, sources[i]);
        if (v.data && v.len && !(v.len >= 5 && onr_ascii_ieq(v.data, 5, "data:", 5)))
            return v;
    }
    onr_string set = extract_attr(img, "srcset");
    if (!set.data)
        set = extract_attr(img, "data-srcset");
    size_t start = 0;
    while (set.data && start < set.len && onr_ascii_space(set.data[start]))
        start++;
    size_t end = start;
    while (set.data && end < set.len && !onr_ascii_space(set.data[end]) && set.data[end] != ',')
        end++;
    return end > start ? (onr_string){set.data + start, end - start} : (onr_string){NULL, 0};
}

/* ---- meta tags ---- */

typedef struct meta_key {
    const char *key;
    size_t len;
    meta_field field;
} meta_key;

#define KEY(name, field) {name, sizeof name - 1, field}

/* Keys in order of trust: for one field, an earlier key beats a later one. */
static const meta_key meta_keys[] = {
    KEY("og:title", META_TITLE),
    KEY("twitter:title", META_TWITTER_TITLE),
    KEY("og:site_name", META_SITE_NAME),
    KEY("application-name", META_APPLICATION_NAME),
    KEY("apple-mobile-web-app-title", META_APPLICATION_NAME),
    KEY("og:url", META_URL),
    KEY("og:description", META_OG_DESCRIPTION),
    KEY("description", META_DESCRIPTION),
    KEY("twitter:description", META_TWITTER_DESCRIPTION),
    KEY("dc.description", META_OTHER_DESCRIPTION),
    KEY("dcterms.description", META_OTHER_DESCRIPTION),
    KEY("article:published_time", META_PUBLISHED),
    KEY("og:article:published_time", META_PUBLISHED),
    KEY("article:published", META_PUBLISHED),
    KEY("datepublished", META_PUBLISHED),
    KEY("published_time", META_PUBLISHED),
    KEY("og:published_time", META_PUBLISHED),
    KEY("parsely-pub-date", META_PUBLISHED),
    KEY("sailthru.date", META_PUBLISHED),
    KEY("pubdate", META_PUBLISHED),
    KEY("publishdate", META_PUBLISHED),
    KEY("publish-date", META_PUBLISHED),
    KEY("publish_date", META_PUBLISHED),
    KEY("published-date", META_PUBLISHED),
    KEY("article.published", META_PUBLISHED),
    KEY("dc.date.issued", META_PUBLISHED),
    KEY("dcterms.issued", META_PUBLISHED),
    KEY("dc.date.created", META_PUBLISHED),
    KEY("dcterms.created", META_PUBLISHED),
    KEY("dc.date", META_PUBLISHED),
    KEY("dcterms.date", META_PUBLISHED),
    KEY("citation_publication_date", META_PUBLISHED),
    KEY("citation_date", META_PUBLISHED),
    KEY("original-publish-date", META_PUBLISHED),
    KEY("date", META_PUBLISHED),
    KEY("article:modified_time", META_MODIFIED),
    KEY("og:article:modified_time", META_MODIFIED),
    KEY("article:modified", META_MODIFIED),
    KEY("datemodified", META_MODIFIED),
    KEY("og:updated_time", META_MODIFIED),
    KEY("modified_time", META_MODIFIED),
    KEY("dc.date.modified", META_MODIFIED),
    KEY("dcterms.modified", META_MODIFIED),
    KEY("last-modified", META_MODIFIED),
    KEY("article:section", META_LIST_SECTIONS),
    KEY("og:article:section", META_LIST_SECTIONS),
    KEY("section", META_SECTION),
    KEY("parsely-section", META_SECTION),
    KEY("article.section", META_SECTION),
    KEY("og:image", META_IMAGE),
    KEY("og:image:url", META_IMAGE),
    KEY("og:image:secure_url", META_IMAGE),
    KEY("twitter:image", META_TWITTER_IMAGE),
    KEY("twitter:image:src", META_TWITTER_IMAGE),
    KEY("image", META_TWITTER_IMAGE),
    KEY("thumbnailurl", META_TWITTER_IMAGE),
    KEY("og:image:alt", META_IMAGE_ALT),
    KEY("twitter:image:alt", META_IMAGE_ALT),
    KEY("og:image:width", META_IMAGE_WIDTH),
    KEY("og:image:height", META_IMAGE_HEIGHT),
    KEY("content-language", META_LANGUAGE),
    KEY("language", META_LANGUAGE),
    KEY("dc.language", META_LANGUAGE),
    KEY("dcterms.language", META_LANGUAGE),
    KEY("og:locale", META_LOCALE),
    KEY("article:publisher", META_PUBLISHER),
    KEY("publisher", META_PUBLISHER),
    KEY("dc.publisher", META_PUBLISHER),
    KEY("dcterms.publisher", META_PUBLISHER),
    KEY("author", META_LIST_AUTHORS),
    KEY("article:author", META_LIST_AUTHORS),
    KEY("og:article:author", META_LIST_AUTHORS),
    KEY("dc.creator", META_LIST_AUTHORS),
    KEY("dcterms.creator", META_LIST_AUTHORS),
    KEY("parsely-author", META_LIST_AUTHORS),
    KEY("sailthru.author", META_LIST_AUTHORS),
    KEY("byl", META_LIST_AUTHORS),
    KEY("citation_author", META_LIST_AUTHORS),
    KEY("article:tag", META_LIST_TAGS),
    KEY("og:article:tag", META_LIST_TAGS),
    KEY("news_keywords", META_LIST_KEYWORDS),
    KEY("keywords", META_LIST_KEYWORDS),
    KEY("parsely-tags", META_LIST_KEYWORDS),
    KEY("sailthru.tags", META_LIST_KEYWORDS),
};

/* Values that cannot serve their field are dropped here, so that a weaker key with a usable
 * value still counts: a date that does not parse, a publisher that is a profile URL. */
static bool usable_for(meta_field field, onr_string content)
{
    char scratch[EXTRACT_DATE_CAP > 40 ? EXTRACT_DATE_CAP : 40];
    switch (field) {
    case META_PUBLISHED:
    case META_MODIFIED:
        return extract_date_normalize(content.data, content.len, scratch) > 0;
    case META_LANGUAGE:
    case META_LOCALE:
        return content.len < 64 && extract_language_normalize(content.data, content.len, scratch) > 0;
    case META_PUBLISHER:
        return !(content.len >= 4 && onr_ascii_ieq(content.data, 4, "http", 4));
    default:
        return true;
    }
}

static void keep_best(page_scan *scan, meta_field field, unsigned rank, onr_string content)
{
    bool better = !scan->meta[field].data || rank < scan->meta_rank[field];
    if (better && usable_for(field, content)) {
        scan->meta[field] = content;
        scan->meta_rank[field] = rank;
    }
}

static onr_status take_meta(page_scan *scan, onr_arena *arena, onr_string key, onr_string content)
{
    for (unsigned rank = 0; rank < sizeof meta_keys / sizeof *meta_keys; rank++) {
        const meta_key *k = &meta_keys[rank];
        if (key.len != k->len || !onr_ascii_ieq(key.data, key.len, k->key, k->len))
            continue;
        switch (k->field) {
        case META_LIST_AUTHORS:
            return extract_authors_add(&scan->meta_authors, arena, content.data, content.len);
        case META_LIST_TAGS:
            return extract_names_add(&scan->meta_tags, arena, content.data, content.len);
        case META_LIST_KEYWORDS:
            return extract_names_add_split(&scan->meta_keywords, arena, content.data, content.len);
        case META_LIST_SECTIONS:
            return extract_names_add(&scan->meta_sections, arena, content.data, content.len);
        default:
            keep_best(scan, k->field, rank, content);
            return ONR_OK;
        }
    }
    return ONR_OK;
}

static onr_status read_meta(page_scan *scan, onr_arena *arena, const onr_node *meta)
{
    static const char *const key_attributes[] = {"property", "name", "itemprop", "http-equiv"};
    onr_string content = extract_attr(meta, "content");
    size_t start = 0;
    while (content.data && start < content.len && onr_ascii_space(content.data[start]))
        start++;
    if (!content.data || start == content.len)
        return ONR_OK;
    content.data += start;
    content.len -= start;
    for (size_t i = 0; i < sizeof key_attributes / sizeof *key_attributes; i++) {
        onr_string key = extract_attr(meta, key_attributes[i]);
        if (!key.data)
            continue;
        onr_status st = take_meta(scan, arena, key, content);
        if (st != ONR_OK)
            return st;
    }
    return ONR_OK;
}

/* ---- the whole-page walk ---- */

typedef struct structure {
    const onr_node *body, *first_article, *first_main, *article_body, *article_with_h1, *headline_prop;
    const onr_node *h1[SCAN_MAX_CANDIDATES];
    size_t h1_count;
} structure;

static const onr_node *enclosing(const onr_node *node, onr_tag tag)
{
    for (; node; node = onr_node_parent(node))
        if (onr_node_get_type(node) == ONR_NODE_ELEMENT && onr_node_tag(node) == tag)
            return node;
    return NULL;
}

static onr_status read_script(page_scan *scan, onr_arena *arena, const onr_node *script)
{
    onr_string type = extract_attr(script, "type");
    if (!type.data || !contains_ascii_ci(type.data, type.len, "ld+json"))
        return ONR_OK;
    const onr_node *child = onr_node_first_child(script);
    size_t len = 0;
    const char *json = NULL;
    if (child && !onr_node_next_sibling(child) && onr_node_get_type(child) == ONR_NODE_TEXT) {
        json = onr_node_data(child, &len);
    } else if (child) {
        len = onr_node_text(script, NULL, 0);
        char *copy = onr_arena_alloc(arena, len + 1);
        if (!copy)
            return ONR_ERR_NOMEM;
        onr_node_text(script, copy, len + 1);
        json = copy;
    }
    if (!json)
        return ONR_OK;
    size_t offset = onr_node_source_offset(script);
    return extract_jsonld_read(json, len, offset, arena, &scan->jsonld, &scan->warnings);
}

static onr_status read_link(page_scan *scan, const onr_node *link)
{
    if (!scan->canonical.data && attr_has_word(link, "rel", "canonical"))
        scan->canonical = extract_attr(link, "href");
    return ONR_OK;
}

static onr_status visit_element(page_scan *scan, onr_arena *arena, structure *st, const onr_node *node)
{
    switch ((onr_tag)node->tag) { /* an element: the walks skip other nodes */
    case ONR_TAG_HTML:
        if (!scan->html_lang.data)
            scan->html_lang = extract_attr(node, "lang");
        if (!scan->html_lang.data)
            scan->html_lang = extract_attr(node, "xml:lang");
        return ONR_OK;
    case ONR_TAG_TITLE:
        if (scan->title.data || onr_node_namespace(node) != ONR_NS_HTML)
            return ONR_OK;
        return extract_node_text(arena, node, 2048, &scan->title);
    case ONR_TAG_META:
        return read_meta(scan, arena, node);
    case ONR_TAG_LINK:
        return read_link(scan, node);
    case ONR_TAG_BASE:
        if (!scan->base_href.data)
            scan->base_href = extract_attr(node, "href");
        return ONR_OK;
    case ONR_TAG_SCRIPT:
        return read_script(scan, arena, node);
    case ONR_TAG_BODY:
        if (!st->body)
            st->body = node;
        return ONR_OK;
    case ONR_TAG_ARTICLE:
        if (!st->first_article)
            st->first_article = node;
        return ONR_OK;
    case ONR_TAG_MAIN:
        if (!st->first_main)
            st->first_main = node;
        return ONR_OK;
    case ONR_TAG_H1:
        if (st->h1_count < SCAN_MAX_CANDIDATES)
            st->h1[st->h1_count++] = node;
        if (!st->article_with_h1)
            st->article_with_h1 = enclosing(node, ONR_TAG_ARTICLE);
        return ONR_OK;
    default:
        break;
    }
    return ONR_OK;
}

/* The element holding the article: the <article> around itemprop=articleBody, the <article>
 * with the <h1>, the first <article> of a page without <h1>, <main>, or <body>. */
static const onr_node *choose_scope(const structure *st, const onr_node *root)
{
    if (st->article_body) {
        const onr_node *article = enclosing(st->article_body, ONR_TAG_ARTICLE);
        return article ? article : onr_node_parent(st->article_body);
    }
    if (st->article_with_h1)
        return st->article_with_h1;
    /* with the <h1> outside every <article>, those are teasers ("related stories") */
    if (st->first_article && st->h1_count == 0)
        return st->first_article;
    if (st->first_main)
        return st->first_main;
    return st->body ? st->body : root;
}

/* ---- the walk over the scope ---- */

static const char *const byline_hints[] = {"byline", "by-line", "author", "writer", "contributor", NULL};
static const char *const date_hints[] = {"date", "time", "published", "posted", NULL};
static const char *const not_byline_hints[] = {"comment", "avatar", "photo", "image", "related", NULL};

static bool is_structural(onr_tag tag)
{
    return tag == ONR_TAG_BODY || tag == ONR_TAG_ARTICLE || tag == ONR_TAG_MAIN || tag == ONR_TAG_SECTION ||
           tag == ONR_TAG_IMG || tag == ONR_TAG_SCRIPT || tag == ONR_TAG_STYLE || tag == ONR_TAG_META ||
           tag == ONR_TAG_LINK || tag == ONR_TAG_FIGURE || tag == ONR_TAG_H1;
}

static void add_node(const onr_node **list, size_t *count, const onr_node *node)
{
    if (*count < SCAN_MAX_CANDIDATES)
        list[(*count)++] = node;
}

typedef struct scope_hints {
    hint_list byline, not_byline, date;
} scope_hints;

static scope_hints scope_hints_make(void)
{
    return (scope_hints){hint_list_of(byline_hints), hint_list_of(not_byline_hints), hint_list_of(date_hints)};
}

static bool is_byline(const hint_text *h, const scope_hints *hints)
{
    return hint_list_matches(h, &hints->byline) && !hint_list_matches(h, &hints->not_byline);
}

static void visit_scope_element(page_scan *scan, const onr_node *node, const scope_hints *hints)
{
    onr_tag tag = (onr_tag)node->tag;
    if (tag == ONR_TAG_TIME && !scan->first_time && ATTR(node, "datetime").data)
        scan->first_time = node;
    if (tag == ONR_TAG_FIGURE && !scan->first_figure)
        scan->first_figure = node;
    if (tag == ONR_TAG_IMG && !scan->first_image && extract_image_src(node).data)
        scan->first_image = node;
    if (tag == ONR_TAG_A && attr_has_word(node, "rel", "author")) {
        add_node(scan->author_links, &scan->author_link_count, node);
        return; /* the links are a source of their own */
    }
    if (is_structural(tag))
        return;
    hint_text h;
    read_hint_text(node, &h);
    if (is_byline(&h, hints))
        add_node(scan->bylines, &scan->byline_count, node);
    else if (hint_list_matches(&h, &hints->date))
        add_node(scan->date_hints, &scan->date_hint_count, node);
}

size_t extract_find_bylines(const onr_node *root, const onr_node *skip, const onr_node **out, size_t max)
{
    size_t count = 0;
    scope_hints hints = scope_hints_make();
    for (const onr_node *node = root; node && count < max; node = onr_node_next_in(root, node)) {
        if (onr_node_get_type(node) != ONR_NODE_ELEMENT || is_structural(onr_node_tag(node)))
            continue;
        if (skip && extract_node_inside(node, skip))
            continue;
        hint_text h;
        read_hint_text(node, &h);
        if (is_byline(&h, &hints))
            out[count++] = node;
    }
    return count;
}

/* Microdata anywhere in the page: itemprop=articleBody marks the article, datePublished and
 * dateModified (or <time pubdate>) its dates. */
static void visit_microdata(page_scan *scan, structure *st, const onr_node *node)
{
    onr_tag tag = (onr_tag)node->tag;
    if (tag == ONR_TAG_META)
        return; /* read with the other meta tags */
    if (tag == ONR_TAG_TIME && !scan->time_published && ATTR(node, "pubdate").data)
        scan->time_published = node;
    if (tag == ONR_TAG_TIME && !scan->first_time_in_page && ATTR(node, "datetime").data)
        scan->first_time_in_page = node;
    onr_string itemprop = ATTR(node, "itemprop");
    if (!itemprop.data)
        return;
    if (!st->article_body && onr_ascii_ieq(itemprop.data, itemprop.len, "articleBody", 11))
        st->article_body = node;
    else if (!st->headline_prop && onr_ascii_ieq(itemprop.data, itemprop.len, "headline", 8))
        st->headline_prop = node;
    else if (!scan->time_published && onr_ascii_ieq(itemprop.data, itemprop.len, "datePublished", 13))
        scan->time_published = node;
    else if (!scan->time_modified && onr_ascii_ieq(itemprop.data, itemprop.len, "dateModified", 12))
        scan->time_modified = node;
}

onr_status extract_scan_page(const onr_document *doc, onr_arena *arena, page_scan *scan)
{
    memset(scan, 0, sizeof *scan);
    structure st;
    memset(&st, 0, sizeof st);
    const onr_node *root = onr_document_root(doc);
    for (const onr_node *node = root; node; node = node_next_in(root, node)) {
        if (node->type != ONR_NODE_ELEMENT)
            continue;
        onr_status status = visit_element(scan, arena, &st, node);
        if (status != ONR_OK)
            return status;
        visit_microdata(scan, &st, node);
    }
    scan->scope = choose_scope(&st, root);
    if (st.headline_prop && onr_node_tag(st.headline_prop) != ONR_TAG_H1)
        scan->h1[scan->h1_count++] = st.headline_prop;
    for (size_t i = 0; i < st.h1_count && scan->h1_count < SCAN_MAX_CANDIDATES + 1; i++)
        if (extract_node_inside(st.h1[i], scan->scope))
            scan->h1[scan->h1_count++] = st.h1[i];
    for (size_t i = 0; i < st.h1_count && scan->h1_count < SCAN_MAX_CANDIDATES + 1; i++)
        if (!extract_node_inside(st.h1[i], scan->scope))
            scan->h1[scan->h1_count++] = st.h1[i];
    scope_hints hints = scope_hints_make();
    for (const onr_node *node = scan->scope; node; node = node_next_in(scan->scope, node))
        if (node->type == ONR_NODE_ELEMENT)
            visit_scope_element(scan, node, &hints);
    return ONR_OK;
}
