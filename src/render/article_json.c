/* JSON rendering: one object per page with trafilatura's field names (title, author, date,
 * sitename, text, ...) and richer ones (authors, blocks, links, figures, comments, warnings).
 * Schema: docs/json-schema.md. */
#include "render/article_render.h"
#include "render/sources_render.h"

static void j_key(onr_buf *out, bool *first, const char *key)
{
    if (!*first)
        onr_buf_putc(out, ',');
    *first = false;
    onr_buf_putc(out, '"');
    onr_buf_puts(out, key);
    onr_buf_puts(out, "\":");
}

static void j_field(onr_buf *out, bool *first, const char *key, onr_string s)
{
    j_key(out, first, key);
    onr_buf_json_string_or_null(out, s);
}

static void j_array(onr_buf *out, bool *first, const char *key, const onr_string *items, size_t count)
{
    j_key(out, first, key);
    onr_buf_putc(out, '[');
    for (size_t i = 0; i < count; i++) {
        if (i)
            onr_buf_putc(out, ',');
        onr_buf_json_string_or_null(out, items[i]);
    }
    onr_buf_putc(out, ']');
}

static const char *kind_name(onr_block_kind kind)
{
    static const char *const names[] = {"paragraph", "heading", "list", "item", "quote",
                                        "pre", "table", "row", "cell", "figure"};
    return names[kind];
}

static bool spans_plain(const onr_block *b)
{
    for (size_t i = 0; i < b->span_count; i++)
        if (b->spans[i].kind != ONR_SPAN_TEXT || b->spans[i].style)
            return false;
    return true;
}

static void j_spans(onr_buf *out, const onr_block *b)
{
    onr_buf_putc(out, '[');
    for (size_t i = 0; i < b->span_count; i++) {
        const onr_span *s = &b->spans[i];
        if (i)
            onr_buf_putc(out, ',');
        if (s->kind == ONR_SPAN_BREAK) {
            onr_buf_puts(out, "{\"break\":true}");
            continue;
        }
        onr_buf_puts(out, "{\"text\":");
        onr_buf_json_string_or_null(out, s->text);
        if (s->kind == ONR_SPAN_LINK) {
            onr_buf_puts(out, ",\"href\":");
            onr_buf_json_string_or_null(out, s->href);
        }
        if (s->style & ONR_STYLE_EMPHASIS)
            onr_buf_puts(out, ",\"emphasis\":true");
        if (s->style & ONR_STYLE_STRONG)
            onr_buf_puts(out, ",\"strong\":true");
        onr_buf_putc(out, '}');
    }
    onr_buf_putc(out, ']');
}

static void j_blocks(onr_buf *out, const onr_block *blocks, size_t count, unsigned flags);

static void j_block(onr_buf *out, const onr_block *b, unsigned flags)
{
    bool first = true;
    onr_buf_putc(out, '{');
    j_key(out, &first, "type");
    onr_buf_putc(out, '"'); /* a name from our table: nothing to escape, and no printf per block */
    onr_buf_puts(out, kind_name(b->kind));
    onr_buf_putc(out, '"');
    if (b->kind == ONR_BLOCK_HEADING) {
        j_key(out, &first, "level");
        onr_buf_printf(out, "%u", b->level);
    }
    if (b->kind == ONR_BLOCK_LIST) {
        j_key(out, &first, "ordered");
        onr_buf_puts(out, b->ordered ? "true" : "false");
    }
    if (b->kind == ONR_BLOCK_TABLE_CELL && b->header) {
        j_key(out, &first, "header");
        onr_buf_puts(out, "true");
    }
    if (b->kind == ONR_BLOCK_FIGURE) {
        j_field(out, &first, "src", b->image_url);
        j_field(out, &first, "caption", b->caption);
        j_field(out, &first, "credit", b->credit);
        j_field(out, &first, "alt", b->alt);
    } else {
        j_field(out, &first, "text", b->text);
    }
    if (b->span_count && !spans_plain(b)) {
        j_key(out, &first, "spans");
        j_spans(out, b);
    }
    if (b->child_count) {
        j_key(out, &first, b->kind == ONR_BLOCK_TABLE ? "rows" : b->kind == ONR_BLOCK_TABLE_ROW ? "cells"
                                                          : b->kind == ONR_BLOCK_LIST ? "items" : "children");
        j_blocks(out, b->children, b->child_count, flags);
    }
    onr_buf_putc(out, '}');
}

static void j_blocks(onr_buf *out, const onr_block *blocks, size_t count, unsigned flags)
{
    onr_buf_putc(out, '[');
    bool first = true;
    for (size_t i = 0; i < count; i++) {
        if (!render_block_shown(&blocks[i], flags))
            continue;
        if (!first)
            onr_buf_putc(out, ',');
        first = false;
        j_block(out, &blocks[i], flags);
    }
    onr_buf_putc(out, ']');
}

/* Every link of the body, in reading order. */
static void j_links(onr_buf *out, const onr_block *blocks, size_t count, bool *first_link)
{
    for (size_t i = 0; i < count; i++) {
        const onr_block *b = &blocks[i];
        for (size_t k = 0; k < b->span_count; k++) {
            const onr_span *s = &b->spans[k];
            if (s->kind != ONR_SPAN_LINK)
                continue;
            if (!*first_link)
                onr_buf_putc(out, ',');
            *first_link = false;
            onr_buf_puts(out, "{\"text\":");
            onr_buf_json_string_or_null(out, s->text);
            onr_buf_puts(out, ",\"href\":");
            onr_buf_json_string_or_null(out, s->href);
            onr_buf_putc(out, '}');
        }
        j_links(out, b->children, b->child_count, first_link);
    }
}

static void j_figures(onr_buf *out, const onr_block *blocks, size_t count, bool *first_figure)
{
    for (size_t i = 0; i < count; i++) {
        const onr_block *b = &blocks[i];
        if (b->kind == ONR_BLOCK_FIGURE) {
            if (!*first_figure)
                onr_buf_putc(out, ',');
            *first_figure = false;
            bool first = true;
            onr_buf_putc(out, '{');
            j_field(out, &first, "src", b->image_url);
            j_field(out, &first, "caption", b->caption);
            j_field(out, &first, "credit", b->credit);
            j_field(out, &first, "alt", b->alt);
            onr_buf_putc(out, '}');
        }
        j_figures(out, b->children, b->child_count, first_figure);
    }
}

void render_article_json(onr_buf *out, const onr_article *article, unsigned flags)
{
    const onr_article_meta *m = onr_article_metadata(article);
    bool first = true;
    onr_buf_putc(out, '{');
    j_field(out, &first, "title", m->title);
    j_key(out, &first, "author");
    if (m->author_count) {
        onr_buf buf;
        onr_buf_init(&buf, out->mem);
        render_authors(&buf, m, "; ");
        onr_buf_json_string_or_null(out, (onr_string){buf.data ? buf.data : "", buf.len});
        out->failed |= buf.failed;
        onr_buf_free(&buf);
    } else {
        onr_buf_puts(out, "null");
    }
    j_array(out, &first, "authors", m->authors, m->author_count);
    j_field(out, &first, "date", m->date);
    j_field(out, &first, "date_modified", m->date_modified);
    j_field(out, &first, "sitename", m->sitename);
    j_field(out, &first, "publisher", m->publisher);
    j_field(out, &first, "url", m->url);
    j_field(out, &first, "hostname", m->hostname);
    j_field(out, &first, "description", m->description);
    j_array(out, &first, "categories", m->categories, m->category_count);
    j_array(out, &first, "tags", m->tags, m->tag_count);
    j_field(out, &first, "language", m->language);
    j_field(out, &first, "image", m->image_url);
    j_field(out, &first, "image_caption", m->image_caption);
    j_field(out, &first, "image_credit", m->image_credit);
    j_field(out, &first, "text", onr_article_text(article));
    size_t count;
    const onr_block *blocks = onr_article_blocks(article, &count);
    j_key(out, &first, "blocks");
    j_blocks(out, blocks, count, flags);
    j_key(out, &first, "links");
    onr_buf_putc(out, '[');
    bool first_item = true;
    j_links(out, blocks, count, &first_item);
    onr_buf_putc(out, ']');
    j_key(out, &first, "figures");
    onr_buf_putc(out, '[');
    first_item = true;
    j_figures(out, blocks, count, &first_item);
    onr_buf_putc(out, ']');
    if (flags & ONR_RENDER_COMMENTS) {
        const onr_block *comments = onr_article_comments(article, &count);
        j_field(out, &first, "comments", count ? onr_article_comments_text(article) : (onr_string){NULL, 0});
        j_key(out, &first, "comment_blocks");
        j_blocks(out, comments, count, flags);
    }
    j_array(out, &first, "warnings", m->warnings, m->warning_count);
    const onr_sources *sources = onr_article_sources(article);
    if ((flags & ONR_RENDER_SOURCES) && sources) {
        j_key(out, &first, "sources");
        render_sources_json(out, sources);
    }
    onr_buf_putc(out, '}');
}
