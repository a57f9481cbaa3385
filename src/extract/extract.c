/* onr_extract: bytes to UTF-8, parse, metadata, main content, blocks, optional comments and
 * sourcing audit; the article's accessors and its one arena. */
#include "extract/content.h"

#include <string.h>

struct onr_article {
    const onr_mem *mem;
    onr_arena arena;
    onr_article_meta meta;
    onr_block *blocks;
    size_t block_count;
    onr_block *comments;
    size_t comment_count;
    onr_string text;
    onr_string comments_text;
    onr_sources *sources;
};

/* Whether one of the eight bytes of `w` is below 0x20 (exact: no false answers either way). */
static bool has_byte_below_space(uint64_t w)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);
    return ((w - ones * 0x20) & ~w & high) != 0;
}

static bool looks_binary(const char *s, size_t len)
{
    static const struct { const char *magic; size_t len; } magics[] = {
        {"\x89PNG", 4}, {"\xff\xd8\xff", 3}, {"GIF8", 4}, {"%PDF", 4}, {"PK\x03\x04", 4},
        {"\x1f\x8b", 2}, {"\x28\xb5\x2f\xfd", 4}, {"RIFF", 4}, {"\x7f" "ELF", 4}, {"BZh", 3},
    };
    for (size_t k = 0; k < sizeof magics / sizeof magics[0]; k++)
        if (len >= magics[k].len && !memcmp(s, magics[k].magic, magics[k].len))
            return true;
    /* UTF-16 text has NULs too, but starts with a byte-order mark the charset step handles. */
    if (len >= 2 && (((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) ||
                     ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF)))
        return false;
    size_t n = len < 4096 ? len : 4096, nul = 0, control = 0;
    size_t i = 0;
    while (i < n) {
        uint64_t w;
        if (n - i >= 8) {
            memcpy(&w, s + i, 8);
            if (!has_byte_below_space(w)) { /* nothing to count in these eight */
                i += 8;
                continue;
            }
        }
        unsigned char c = (unsigned char)s[i++];
        nul += c == 0;
        control += c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b;
    }
    return nul > 0 || control * 10 > n;
}

static bool only_space(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!onr_ascii_space(s[i]))
            return false;
    return true;
}

static onr_string host_of(const onr_string url)
{
    if (!url.data)
        return url;
    const char *s = url.data, *end = url.data + url.len;
    const char *p = memchr(s, ':', url.len);
    if (!p || p + 3 > end || p[1] != '/' || p[2] != '/')
        return (onr_string){NULL, 0};
    p += 3;
    const char *h = p;
    while (p < end && *p != '/' && *p != '?' && *p != '#')
        p++;
    const char *at = NULL;
    for (const char *q = h; q < p; q++)
        if (*q == '@')
            at = q;
    if (at)
        h = at + 1;
    const char *colon = p;
    for (const char *q = h; q < p; q++)
        if (*q == ':')
            colon = q;
    if (colon - h > 4 && !memcmp(h, "www.", 4))
        h += 4;
    return colon > h ? (onr_string){h, (size_t)(colon - h)} : (onr_string){NULL, 0};
}

static void fill_meta(onr_article *a, const extract_metadata *m, const char *url, size_t url_len)
{
    onr_article_meta *o = &a->meta;
    o->title = m->title;
    o->description = m->description;
    o->sitename = m->sitename;
    o->publisher = m->publisher;
    o->url = m->url;
    if (!o->url.data && url_len)
        o->url = (onr_string){onr_arena_strndup(&a->arena, url, url_len), url_len};
    o->hostname = host_of(o->url);
    o->language = m->language;
    o->date = m->date_published;
    o->date_modified = m->date_modified;
    o->authors = m->authors;
    o->author_count = m->author_count;
    o->categories = m->categories;
    o->category_count = m->category_count;
    o->tags = m->tags;
    o->tag_count = m->tag_count;
    o->image_url = m->image.url;
    o->image_caption = m->image.caption;
    o->image_credit = m->image.credit;
    o->warnings = m->warnings;
    o->warning_count = m->warning_count;
}

static onr_status add_warning(onr_article *a, const char *warning)
{
    onr_article_meta *m = &a->meta;
    onr_string *grown = onr_arena_alloc(&a->arena, (m->warning_count + 1) * sizeof *grown);
    if (!grown)
        return ONR_ERR_NOMEM;
    if (m->warning_count)
        memcpy(grown, m->warnings, m->warning_count * sizeof *grown);
    grown[m->warning_count] = (onr_string){warning, strlen(warning)};
    m->warnings = grown;
    m->warning_count++;
    return ONR_OK;
}

/* Parse, choose, build: everything that needs the tree. */
static onr_status extract_document(onr_article *a, const onr_options *options, const onr_utf8_text *page,
                                   bool valid_utf8, const char *url, size_t url_len, onr_error *err)
{
    onr_document *doc;
    onr_status st = html_parse_borrowing(page->data, page->len, valid_utf8, &options->html, a->mem, &doc, err);
    if (st != ONR_OK)
        return st;
    extract_metadata meta;
    content_tree tree = {0};
    content_choice choice = {0};
    st = extract_metadata_read(doc, url ? url : "", url_len, &a->arena, &meta);
    if (st == ONR_OK) {
        fill_meta(a, &meta, url, url_len);
        st = content_tree_build(doc, a->mem, &tree);
    }
    if (st == ONR_OK)
        st = content_choose(&tree, options, &meta, &choice);
    blocks_config config = {&tree, &meta, options, {NULL, 0}, false};
    if (st == ONR_OK) {
        config.base_url = extract_base_url(meta.base_href, url ? url : "", url_len, &a->arena);
        blocks_result body;
        st = blocks_build(&config, choice.roots, choice.root_count, &a->arena, &body);
        a->blocks = body.blocks;
        a->block_count = body.count;
        a->text = body.text;
        if (st == ONR_OK && body.truncated)
            st = add_warning(a, "the body was cut at its block limit");
    }
    if (st == ONR_OK && options->comments && choice.comments != XNONE) {
        config.comments = true;
        blocks_result comments;
        st = blocks_build(&config, &choice.comments, 1, &a->arena, &comments);
        a->comments = comments.blocks;
        a->comment_count = comments.count;
        a->comments_text = comments.text;
    }
    content_choice_free(&choice, a->mem);
    content_tree_free(&tree);
    onr_document_free(doc);
    if (st == ONR_ERR_NOMEM)
        return onr_fail(err, st, (size_t)-1, "out of memory");
    return st;
}

onr_status onr_extract(const onr_context *ctx, const char *html, size_t len, const char *url, size_t url_len,
                       onr_article **out, onr_error *err)
{
    return onr_extract_http(ctx, html, len, NULL, 0, url, url_len, out, err);
}

onr_status onr_extract_http(const onr_context *ctx, const char *html, size_t len, const char *content_type,
                            size_t content_type_len, const char *url, size_t url_len, onr_article **out,
                            onr_error *err)
{
    if (!out || (!html && len) || (!url && url_len) || (!content_type && content_type_len))
        return onr_fail(err, ONR_ERR_ARGUMENT, (size_t)-1, "onr_extract: NULL argument");
    *out = NULL;
    onr_options defaults;
    onr_options_init(&defaults);
    const onr_options *options = ctx ? onr_context_options(ctx) : &defaults;
    const onr_mem *mem = onr_mem_or_default(ctx ? onr_context_mem(ctx) : NULL);
    if (options->max_page_size && len > options->max_page_size)
        return onr_fail(err, ONR_ERR_LIMIT, (size_t)-1, "page of %zu bytes is larger than the limit of %zu", len,
                        options->max_page_size);
    if (!len || only_space(html, len))
        return onr_fail(err, ONR_ERR_EMPTY, (size_t)-1, "empty page");
    /* UTF-16 without a byte-order mark has a NUL in every other byte; the charset stage knows it
     * by that pattern, so it is asked (only about pages that look binary) before refusing. */
    if (looks_binary(html, len) &&
        strncmp(onr_charset_detect(html, len, content_type, content_type_len, NULL), "UTF-16", 6) != 0)
        return onr_fail(err, ONR_ERR_BINARY, 0, "not a text page (binary data)");
    /* Pages in UTF-8 go to the parser as they are (it replaces invalid sequences itself), which
     * saves a validating pass; others are decoded with the encoding detected. The UTF-8 is checked
     * once: the parser skips its check when the charset step has made it (by sniffing, which
     * picks UTF-8 only for valid bytes) or produced the text (a decoder writes valid UTF-8). */
    onr_charset_source source;
    const char *encoding = onr_charset_detect(html, len, content_type, content_type_len, &source);
    onr_utf8_text text = {html, len, NULL, encoding, source, 0};
    onr_status st = ONR_OK;
    bool decoded = source == ONR_CHARSET_FROM_BOM || strcmp(encoding, "UTF-8") != 0;
    if (decoded)
        st = onr_convert_to_utf8(html, len, encoding, strlen(encoding), mem, &text, err);
    if (st != ONR_OK)
        return st;
    bool valid_utf8 = decoded || source == ONR_CHARSET_FROM_SNIFF;
    onr_article *a = onr_malloc(mem, sizeof *a);
    if (!a) {
        onr_utf8_text_free(&text, mem);
        return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory");
    }
    memset(a, 0, sizeof *a);
    a->mem = mem;
    onr_arena_init(&a->arena, mem, 16 * 1024);
    st = extract_document(a, options, &text, valid_utf8, url, url_len, err);
    onr_utf8_text_free(&text, mem);
    if (st == ONR_OK && !a->text.len)
        st = onr_fail(err, ONR_ERR_NO_ARTICLE, (size_t)-1, "no article text found");
    if (st == ONR_OK && options->sources)
        st = onr_sources_analyze(ctx, a->text.data, a->text.len, &a->sources, err);
    if (st != ONR_OK) {
        onr_article_free(a);
        return st;
    }
    *out = a;
    return ONR_OK;
}

void onr_article_free(onr_article *article)
{
    if (!article)
        return;
    onr_free(article->mem, article->blocks);
    onr_free(article->mem, article->comments);
    if (article->sources)
        onr_sources_free(article->sources);
    onr_arena_free(&article->arena);
    onr_free(article->mem, article);
}

const onr_article_meta *onr_article_metadata(const onr_article *article) { return &article->meta; }

const onr_block *onr_article_blocks(const onr_article *article, size_t *count)
{
    *count = article->block_count;
    return article->blocks;
}

const onr_block *onr_article_comments(const onr_article *article, size_t *count)
{
    *count = article->comment_count;
    return article->comments;
}

onr_string onr_article_text(const onr_article *article) { return article->text; }
onr_string onr_article_comments_text(const onr_article *article) { return article->comments_text; }
const onr_sources *onr_article_sources(const onr_article *article) { return article->sources; }
