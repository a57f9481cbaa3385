/* Checks shared by the extract and jsonld fuzz targets: an extracted article's blocks, metadata and
 * renderings must be valid UTF-8, and its JSON must parse. */
#ifndef ONR_FUZZ_EXTRACT_CHECKS_H
#define ONR_FUZZ_EXTRACT_CHECKS_H

#include "fuzz.h"


static inline void check_string(onr_string s, const char *what)
{
    fuzz_require(s.len == 0 || s.data != NULL, what);
    fuzz_require(fuzz_valid_utf8(s.data, s.len), what);
}

static inline void check_blocks(const onr_block *blocks, size_t count, unsigned depth)
{
    fuzz_require(count == 0 || blocks != NULL, "blocks present");
    fuzz_require(depth < 1000, "block nesting bounded");
    for (size_t i = 0; i < count; i++) {
        const onr_block *b = &blocks[i];
        fuzz_require((unsigned)b->kind <= ONR_BLOCK_FIGURE, "block kind");
        fuzz_require(b->kind != ONR_BLOCK_HEADING || (b->level >= 1 && b->level <= 6), "heading level");
        check_string(b->text, "block text");
        check_string(b->image_url, "figure url");
        check_string(b->caption, "figure caption");
        check_string(b->credit, "figure credit");
        check_string(b->alt, "figure alt");
        for (size_t k = 0; k < b->span_count; k++) {
            fuzz_require((unsigned)b->spans[k].kind <= ONR_SPAN_BREAK, "span kind");
            check_string(b->spans[k].text, "span text");
            check_string(b->spans[k].href, "span href");
        }
        check_blocks(b->children, b->child_count, depth + 1);
    }
}

static inline void check_string_list(const onr_string *list, size_t count, const char *what)
{
    for (size_t i = 0; i < count; i++)
        check_string(list[i], what);
}

static inline void check_article(const onr_article *article)
{
    const onr_article_meta *m = onr_article_metadata(article);
    const onr_string strings[] = {m->title, m->description, m->sitename, m->publisher, m->url,
                                  m->hostname, m->language, m->date, m->date_modified,
                                  m->image_url, m->image_caption, m->image_credit};
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
        check_string(strings[i], "metadata string");
    check_string_list(m->authors, m->author_count, "author");
    check_string_list(m->categories, m->category_count, "category");
    check_string_list(m->tags, m->tag_count, "tag");
    check_string_list(m->warnings, m->warning_count, "warning");
    size_t count = 0;
    const onr_block *blocks = onr_article_blocks(article, &count);
    check_blocks(blocks, count, 0);
    blocks = onr_article_comments(article, &count);
    check_blocks(blocks, count, 0);
    check_string(onr_article_text(article), "article text");
    check_string(onr_article_comments_text(article), "comments text");
    const onr_sources *sources = onr_article_sources(article);
    if (sources) {
        onr_string text = onr_sources_text(sources);
        check_string(text, "audited text");
    }
}

/* Renders in `format`; JSON must parse, every format must be UTF-8 and NUL-terminated. */
static inline void check_render(const onr_article *article, onr_format format, unsigned flags, test_mem *t)
{
    char *out = NULL;
    size_t len = 0;
    onr_status status = onr_article_render(article, format, flags, &t->mem, &out, &len);
    fuzz_check_status(t, status, "article render");
    if (status != ONR_OK)
        return;
    fuzz_check_rendering(out, len, format == ONR_FORMAT_JSON);
    t->mem.free(t->mem.ctx, out);
}

/* The statuses onr_extract may return for a page that is not an article. */
static inline bool extract_status_expected(onr_status status)
{
    return status == ONR_OK || status == ONR_ERR_EMPTY || status == ONR_ERR_BINARY ||
           status == ONR_ERR_NO_ARTICLE || status == ONR_ERR_LIMIT;
}

#endif /* ONR_FUZZ_EXTRACT_CHECKS_H */
