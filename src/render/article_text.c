/* Plain-text rendering: the body as text (blocks separated by blank lines), optionally headed by
 * the title, date and byline and followed by the comments. */
#include "render/article_render.h"

static void text_blocks(onr_buf *out, const onr_block *blocks, size_t count, unsigned flags, const char *sep,
                        unsigned depth);

static void text_block(onr_buf *out, const onr_block *b, unsigned flags, unsigned depth)
{
    switch (b->kind) {
    case ONR_BLOCK_LIST:
        text_blocks(out, b->children, b->child_count, flags, "\n", depth + 1);
        break;
    case ONR_BLOCK_LIST_ITEM:
        for (unsigned k = 1; k < depth; k++)
            onr_buf_puts(out, "  ");
        onr_buf_puts(out, "- ");
        onr_buf_append(out, b->text.data, b->text.len);
        if (b->child_count) {
            onr_buf_putc(out, '\n');
            text_blocks(out, b->children, b->child_count, flags, "\n", depth);
        }
        break;
    case ONR_BLOCK_QUOTE:
        text_blocks(out, b->children, b->child_count, flags, "\n\n", depth);
        break;
    case ONR_BLOCK_TABLE:
        text_blocks(out, b->children, b->child_count, flags, "\n", depth);
        break;
    case ONR_BLOCK_TABLE_ROW:
        text_blocks(out, b->children, b->child_count, flags, " | ", depth);
        break;
    case ONR_BLOCK_FIGURE:
        if (b->caption.data)
            onr_buf_append(out, b->caption.data, b->caption.len);
        if (b->credit.data) {
            onr_buf_puts(out, b->caption.data ? " (" : "(");
            onr_buf_append(out, b->credit.data, b->credit.len);
            onr_buf_putc(out, ')');
        }
        break;
    default:
        onr_buf_append(out, b->text.data, b->text.len);
        break;
    }
}

static void text_blocks(onr_buf *out, const onr_block *blocks, size_t count, unsigned flags, const char *sep,
                        unsigned depth)
{
    bool first = true;
    for (size_t i = 0; i < count; i++) {
        const onr_block *b = &blocks[i];
        if (!render_block_shown(b, flags) || (b->kind == ONR_BLOCK_FIGURE && !b->caption.data && !b->credit.data))
            continue;
        if (!first)
            onr_buf_puts(out, sep);
        first = false;
        text_block(out, b, flags, depth);
    }
}

void render_article_text(onr_buf *out, const onr_article *article, unsigned flags)
{
    const onr_article_meta *m = onr_article_metadata(article);
    if (flags & ONR_RENDER_METADATA) {
        if (m->title.data) {
            onr_buf_append(out, m->title.data, m->title.len);
            onr_buf_puts(out, "\n");
        }
        if (m->date.data || m->author_count) {
            if (m->date.data)
                onr_buf_append(out, m->date.data, m->date.len);
            if (m->date.data && m->author_count)
                onr_buf_puts(out, " - ");
            if (m->author_count) {
                onr_buf_puts(out, "By ");
                render_authors(out, m, ", ");
            }
            onr_buf_puts(out, "\n");
        }
        onr_buf_puts(out, "\n");
    }
    size_t count;
    const onr_block *blocks = onr_article_blocks(article, &count);
    text_blocks(out, blocks, count, flags, "\n\n", 0);
    onr_buf_putc(out, '\n');
    const onr_block *comments = onr_article_comments(article, &count);
    if ((flags & ONR_RENDER_COMMENTS) && count) {
        onr_buf_puts(out, "\nComments\n\n");
        text_blocks(out, comments, count, flags, "\n\n", 0);
        onr_buf_putc(out, '\n');
    }
    if ((flags & ONR_RENDER_METADATA) && m->url.data) {
        onr_buf_puts(out, "\nSource: ");
        onr_buf_append(out, m->url.data, m->url.len);
        onr_buf_putc(out, '\n');
    }
}
