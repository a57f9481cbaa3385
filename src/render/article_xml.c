/* XML rendering, close to trafilatura's: a <doc> element with the metadata as attributes, <main>
 * holding <p>, <head>, <list>/<item>, <quote>, <code>, <table>/<row>/<cell>, <graphic>, inline
 * <hi>, <ref> and <lb/>, then <comments>. */
#include "render/article_render.h"

static void x_escaped(onr_buf *out, const char *s, size_t len, bool attribute)
{
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        const char *rep = NULL;
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = attribute ? "&quot;" : NULL; break;
        case '\n': rep = attribute ? "&#10;" : NULL; break;
        default:
            /* Control characters other than tab/newline are not allowed in XML 1.0. */
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                rep = "";
            break;
        }
        if (rep) {
            onr_buf_append(out, s + start, i - start);
            onr_buf_puts(out, rep);
            start = i + 1;
        }
    }
    onr_buf_append(out, s + start, len - start);
}

static void x_attr(onr_buf *out, const char *name, onr_string value)
{
    if (!value.data)
        return;
    onr_buf_printf(out, " %s=\"", name);
    x_escaped(out, value.data, value.len, true);
    onr_buf_putc(out, '"');
}

static void x_list_attr(onr_buf *out, const char *name, const onr_string *items, size_t count, const char *sep)
{
    if (!count)
        return;
    onr_buf_printf(out, " %s=\"", name);
    for (size_t i = 0; i < count; i++) {
        if (i)
            onr_buf_puts(out, sep);
        x_escaped(out, items[i].data, items[i].len, true);
    }
    onr_buf_putc(out, '"');
}

static void x_spans(onr_buf *out, const onr_block *b, unsigned flags)
{
    for (size_t i = 0; i < b->span_count; i++) {
        const onr_span *s = &b->spans[i];
        if (s->kind == ONR_SPAN_BREAK) {
            onr_buf_puts(out, "<lb/>");
            continue;
        }
        bool link = s->kind == ONR_SPAN_LINK && (flags & ONR_RENDER_LINKS);
        if (link) {
            onr_buf_puts(out, "<ref");
            x_attr(out, "target", s->href);
            onr_buf_putc(out, '>');
        }
        if (s->style & ONR_STYLE_STRONG)
            onr_buf_puts(out, "<hi rend=\"#b\">");
        if (s->style & ONR_STYLE_EMPHASIS)
            onr_buf_puts(out, "<hi rend=\"#i\">");
        x_escaped(out, s->text.data, s->text.len, false);
        if (s->style & ONR_STYLE_EMPHASIS)
            onr_buf_puts(out, "</hi>");
        if (s->style & ONR_STYLE_STRONG)
            onr_buf_puts(out, "</hi>");
        if (link)
            onr_buf_puts(out, "</ref>");
    }
}

static void x_blocks(onr_buf *out, const onr_block *blocks, size_t count, unsigned flags);

static void x_block(onr_buf *out, const onr_block *b, unsigned flags)
{
    switch (b->kind) {
    case ONR_BLOCK_HEADING:
        onr_buf_printf(out, "<head rend=\"h%u\">", b->level);
        x_spans(out, b, flags);
        onr_buf_puts(out, "</head>\n");
        break;
    case ONR_BLOCK_LIST:
        onr_buf_puts(out, b->ordered ? "<list rend=\"ol\">\n" : "<list rend=\"ul\">\n");
        x_blocks(out, b->children, b->child_count, flags);
        onr_buf_puts(out, "</list>\n");
        break;
    case ONR_BLOCK_LIST_ITEM:
        onr_buf_puts(out, "<item>");
        x_spans(out, b, flags);
        if (b->child_count) {
            onr_buf_putc(out, '\n');
            x_blocks(out, b->children, b->child_count, flags);
        }
        onr_buf_puts(out, "</item>\n");
        break;
    case ONR_BLOCK_QUOTE:
        onr_buf_puts(out, "<quote>\n");
        x_blocks(out, b->children, b->child_count, flags);
        onr_buf_puts(out, "</quote>\n");
        break;
    case ONR_BLOCK_PRE:
        onr_buf_puts(out, "<code>");
        x_escaped(out, b->text.data, b->text.len, false);
        onr_buf_puts(out, "</code>\n");
        break;
    case ONR_BLOCK_TABLE:
        onr_buf_puts(out, "<table>\n");
        x_blocks(out, b->children, b->child_count, flags);
        onr_buf_puts(out, "</table>\n");
        break;
    case ONR_BLOCK_TABLE_ROW:
        onr_buf_puts(out, "<row>");
        x_blocks(out, b->children, b->child_count, flags);
        onr_buf_puts(out, "</row>\n");
        break;
    case ONR_BLOCK_TABLE_CELL:
        onr_buf_puts(out, b->header ? "<cell role=\"head\">" : "<cell>");
        x_spans(out, b, flags);
        onr_buf_puts(out, "</cell>");
        break;
    case ONR_BLOCK_FIGURE:
        onr_buf_puts(out, "<graphic");
        x_attr(out, "src", b->image_url);
        x_attr(out, "alt", b->alt);
        x_attr(out, "title", b->caption);
        x_attr(out, "credit", b->credit);
        onr_buf_puts(out, "/>\n");
        break;
    default:
        onr_buf_puts(out, "<p>");
        x_spans(out, b, flags);
        onr_buf_puts(out, "</p>\n");
        break;
    }
}

static void x_blocks(onr_buf *out, const onr_block *blocks, size_t count, unsigned flags)
{
    for (size_t i = 0; i < count; i++)
        if (render_block_shown(&blocks[i], flags))
            x_block(out, &blocks[i], flags);
}

void render_article_xml(onr_buf *out, const onr_article *article, unsigned flags)
{
    const onr_article_meta *m = onr_article_metadata(article);
    onr_buf_puts(out, "<doc");
    x_attr(out, "title", m->title);
    x_list_attr(out, "author", m->authors, m->author_count, "; ");
    x_attr(out, "date", m->date);
    x_attr(out, "date_modified", m->date_modified);
    x_attr(out, "url", m->url);
    x_attr(out, "hostname", m->hostname);
    x_attr(out, "sitename", m->sitename);
    x_attr(out, "publisher", m->publisher);
    x_attr(out, "description", m->description);
    x_list_attr(out, "categories", m->categories, m->category_count, ",");
    x_list_attr(out, "tags", m->tags, m->tag_count, ",");
    x_attr(out, "language", m->language);
    x_attr(out, "image", m->image_url);
    onr_buf_puts(out, ">\n<main>\n");
    size_t count;
    const onr_block *blocks = onr_article_blocks(article, &count);
    x_blocks(out, blocks, count, flags);
    onr_buf_puts(out, "</main>\n");
    const onr_block *comments = onr_article_comments(article, &count);
    if ((flags & ONR_RENDER_COMMENTS) && count) {
        onr_buf_puts(out, "<comments>\n");
        x_blocks(out, comments, count, flags);
        onr_buf_puts(out, "</comments>\n");
    }
    onr_buf_puts(out, "</doc>\n");
}
