/* Markdown rendering: reads like a clean article. Headline, date and byline, the lead image's
 * credit line, the body with [text](url) links, optional comments and audit, the source URL last. */
#include "render/article_render.h"
#include "render/sources_render.h"

#include <stdio.h>
#include <string.h>

static void md_escaped(onr_buf *out, const char *s, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '*' || c == '_' || c == '[' || c == ']' || c == '`' || c == '\\') {
            onr_buf_append(out, s + start, i - start);
            onr_buf_putc(out, '\\');
            start = i;
        }
    }
    onr_buf_append(out, s + start, len - start);
}

static void md_url(onr_buf *out, onr_string url)
{
    for (size_t i = 0; i < url.len; i++) {
        char c = url.data[i];
        if (c == ' ')
            onr_buf_puts(out, "%20");
        else if (c == ')')
            onr_buf_puts(out, "%29");
        else if (c == '(')
            onr_buf_puts(out, "%28");
        else
            onr_buf_putc(out, c);
    }
}

/* `indent` is written after each line break inside the block (list items, quotes). */
static void md_spans(onr_buf *out, const onr_block *b, unsigned flags, const char *indent)
{
    for (size_t i = 0; i < b->span_count; i++) {
        const onr_span *s = &b->spans[i];
        if (s->kind == ONR_SPAN_BREAK) {
            onr_buf_puts(out, "  \n");
            onr_buf_puts(out, indent);
            continue;
        }
        /* Markers hug the words: spaces at either end stay outside them. */
        const char *t = s->text.data;
        size_t len = s->text.len, lead = 0, trail = 0;
        while (lead < len && t[lead] == ' ')
            lead++;
        while (trail < len - lead && t[len - 1 - trail] == ' ')
            trail++;
        const char *marker = (s->style & ONR_STYLE_STRONG) ? "**" : (s->style & ONR_STYLE_EMPHASIS) ? "*" : "";
        bool link = s->kind == ONR_SPAN_LINK && (flags & ONR_RENDER_LINKS);
        onr_buf_append(out, t, lead);
        if (len - lead - trail) {
            onr_buf_puts(out, marker);
            if (link)
                onr_buf_putc(out, '[');
            md_escaped(out, t + lead, len - lead - trail);
            if (link) {
                onr_buf_puts(out, "](");
                md_url(out, s->href);
                onr_buf_putc(out, ')');
            }
            onr_buf_puts(out, marker);
        }
        onr_buf_append(out, t + len - trail, trail);
    }
}

static void md_blocks(onr_buf *out, const onr_block *blocks, size_t count, unsigned flags, const char *indent);

static void md_quote(onr_buf *out, const onr_block *b, unsigned flags, const char *indent)
{
    char deeper[128];
    snprintf(deeper, sizeof deeper, "%s> ", indent);
    onr_buf_puts(out, "> ");
    md_blocks(out, b->children, b->child_count, flags, deeper);
}

static void md_list(onr_buf *out, const onr_block *b, unsigned flags, const char *indent)
{
    size_t number = 1;
    for (size_t i = 0; i < b->child_count; i++) {
        const onr_block *item = &b->children[i];
        if (i) {
            onr_buf_putc(out, '\n');
            onr_buf_puts(out, indent);
        }
        char deeper[128];
        if (b->ordered) {
            onr_buf_printf(out, "%zu. ", number++);
            snprintf(deeper, sizeof deeper, "%s   ", indent);
        } else {
            onr_buf_puts(out, "- ");
            snprintf(deeper, sizeof deeper, "%s  ", indent);
        }
        md_spans(out, item, flags, deeper);
        for (size_t k = 0; k < item->child_count; k++) {
            onr_buf_putc(out, '\n');
            onr_buf_puts(out, deeper);
            md_list(out, &item->children[k], flags, deeper);
        }
    }
}

static void md_table(onr_buf *out, const onr_block *b, unsigned flags, const char *indent)
{
    size_t columns = 0;
    for (size_t r = 0; r < b->child_count; r++)
        if (b->children[r].child_count > columns)
            columns = b->children[r].child_count;
    for (size_t r = 0; r < b->child_count; r++) {
        const onr_block *row = &b->children[r];
        if (r) {
            onr_buf_putc(out, '\n');
            onr_buf_puts(out, indent);
        }
        onr_buf_puts(out, "|");
        for (size_t c = 0; c < columns; c++) {
            onr_buf_putc(out, ' ');
            if (c < row->child_count) {
                onr_block cell = row->children[c];
                onr_buf line;
                onr_buf_init(&line, out->mem);
                md_spans(&line, &cell, flags, "");
                for (size_t k = 0; k < line.len; k++)
                    onr_buf_putc(out, line.data[k] == '\n' ? ' ' : line.data[k] == '|' ? '/' : line.data[k]);
                out->failed |= line.failed;
                onr_buf_free(&line);
            }
            onr_buf_puts(out, " |");
        }
        if (r == 0) {
            onr_buf_putc(out, '\n');
            onr_buf_puts(out, indent);
            onr_buf_puts(out, "|");
            for (size_t c = 0; c < columns; c++)
                onr_buf_puts(out, " --- |");
        }
    }
}

static void md_figure(onr_buf *out, const onr_block *b, const char *indent)
{
    onr_buf_puts(out, "![");
    if (b->alt.data)
        md_escaped(out, b->alt.data, b->alt.len);
    onr_buf_puts(out, "](");
    md_url(out, b->image_url);
    onr_buf_putc(out, ')');
    if (b->caption.data || b->credit.data) {
        onr_buf_puts(out, "\n");
        onr_buf_puts(out, indent);
        onr_buf_putc(out, '*');
        if (b->caption.data)
            md_escaped(out, b->caption.data, b->caption.len);
        if (b->caption.data && b->credit.data)
            onr_buf_puts(out, " — ");
        if (b->credit.data)
            md_escaped(out, b->credit.data, b->credit.len);
        onr_buf_putc(out, '*');
    }
}

static void md_block(onr_buf *out, const onr_block *b, unsigned flags, const char *indent)
{
    switch (b->kind) {
    case ONR_BLOCK_HEADING: {
        unsigned level = b->level < 2 ? 2 : b->level;
        for (unsigned k = 0; k < level; k++)
            onr_buf_putc(out, '#');
        onr_buf_putc(out, ' ');
        md_spans(out, b, flags & ~(unsigned)ONR_RENDER_LINKS, indent);
        break;
    }
    case ONR_BLOCK_LIST: md_list(out, b, flags, indent); break;
    case ONR_BLOCK_QUOTE: md_quote(out, b, flags, indent); break;
    case ONR_BLOCK_TABLE: md_table(out, b, flags, indent); break;
    case ONR_BLOCK_FIGURE: md_figure(out, b, indent); break;
    case ONR_BLOCK_PRE:
        onr_buf_puts(out, "```\n");
        onr_buf_puts(out, indent);
        for (size_t k = 0; k < b->text.len; k++) {
            onr_buf_putc(out, b->text.data[k]);
            if (b->text.data[k] == '\n')
                onr_buf_puts(out, indent);
        }
        onr_buf_puts(out, "\n");
        onr_buf_puts(out, indent);
        onr_buf_puts(out, "```");
        break;
    default:
        md_spans(out, b, flags, indent);
        break;
    }
}

static void md_blocks(onr_buf *out, const onr_block *blocks, size_t count, unsigned flags, const char *indent)
{
    bool first = true;
    for (size_t i = 0; i < count; i++) {
        if (!render_block_shown(&blocks[i], flags))
            continue;
        if (!first) {
            onr_buf_puts(out, "\n");
            onr_buf_puts(out, indent);
            onr_buf_puts(out, "\n");
            onr_buf_puts(out, indent);
        }
        first = false;
        md_block(out, &blocks[i], flags, indent);
    }
}

static void md_header(onr_buf *out, const onr_article_meta *m, unsigned flags)
{
    if (m->title.data) {
        onr_buf_puts(out, "# ");
        md_escaped(out, m->title.data, m->title.len);
        onr_buf_puts(out, "\n\n");
    }
    if (m->date.data || m->author_count) {
        if (m->date.data)
            onr_buf_append(out, m->date.data, m->date.len);
        if (m->date.data && m->author_count)
            onr_buf_puts(out, " · ");
        if (m->author_count) {
            onr_buf_puts(out, "By ");
            render_authors(out, m, ", ");
        }
        onr_buf_puts(out, "\n\n");
    }
    if (m->image_url.data && (flags & ONR_RENDER_IMAGES)) {
        onr_block lead;
        memset(&lead, 0, sizeof lead);
        lead.kind = ONR_BLOCK_FIGURE;
        lead.image_url = m->image_url;
        lead.caption = m->image_caption;
        lead.credit = m->image_credit;
        md_figure(out, &lead, "");
        onr_buf_puts(out, "\n\n");
    } else if (m->image_credit.data) {
        onr_buf_puts(out, "*Photo: ");
        md_escaped(out, m->image_credit.data, m->image_credit.len);
        onr_buf_puts(out, "*\n\n");
    }
}

void render_article_markdown(onr_buf *out, const onr_article *article, unsigned flags)
{
    const onr_article_meta *m = onr_article_metadata(article);
    if (flags & ONR_RENDER_METADATA)
        md_header(out, m, flags);
    size_t count;
    const onr_block *blocks = onr_article_blocks(article, &count);
    md_blocks(out, blocks, count, flags, "");
    onr_buf_putc(out, '\n');
    const onr_block *comments = onr_article_comments(article, &count);
    if ((flags & ONR_RENDER_COMMENTS) && count) {
        onr_buf_puts(out, "\n## Comments\n\n");
        md_blocks(out, comments, count, flags, "");
        onr_buf_putc(out, '\n');
    }
    const onr_sources *sources = onr_article_sources(article);
    if ((flags & ONR_RENDER_SOURCES) && sources) {
        onr_buf_putc(out, '\n');
        render_sources_markdown(out, sources);
    }
    if ((flags & ONR_RENDER_METADATA) && m->url.data) {
        onr_buf_puts(out, "\nSource: <");
        onr_buf_append(out, m->url.data, m->url.len);
        onr_buf_puts(out, ">\n");
    }
}
