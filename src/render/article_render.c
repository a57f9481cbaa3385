/* onr_article_render: picks the format's writer and hands the bytes to the caller's allocator. */
#include "render/article_render.h"

bool render_block_shown(const onr_block *block, unsigned flags)
{
    if (block->kind == ONR_BLOCK_FIGURE)
        return (flags & ONR_RENDER_IMAGES) != 0;
    if (block->kind == ONR_BLOCK_TABLE)
        return (flags & ONR_RENDER_TABLES) != 0;
    return true;
}

void render_authors(onr_buf *out, const onr_article_meta *meta, const char *sep)
{
    for (size_t i = 0; i < meta->author_count; i++) {
        if (i)
            onr_buf_puts(out, sep);
        onr_buf_append(out, meta->authors[i].data, meta->authors[i].len);
    }
}

onr_status onr_article_render(const onr_article *article, onr_format format, unsigned flags, const onr_mem *mem,
                              char **out, size_t *out_len)
{
    if (!article || !out || !out_len)
        return ONR_ERR_ARGUMENT;
    onr_buf buf;
    onr_buf_init(&buf, onr_mem_or_default(mem));
    /* room for the text twice (JSON has it whole and in blocks) and the metadata: few regrowths */
    onr_buf_reserve(&buf, 2 * onr_article_text(article).len + 4096);
    switch (format) {
    case ONR_FORMAT_MARKDOWN: render_article_markdown(&buf, article, flags); break;
    case ONR_FORMAT_TEXT: render_article_text(&buf, article, flags); break;
    case ONR_FORMAT_JSON: render_article_json(&buf, article, flags); break;
    case ONR_FORMAT_XML: render_article_xml(&buf, article, flags); break;
    default:
        onr_buf_free(&buf);
        return ONR_ERR_ARGUMENT;
    }
    if (!buf.failed)
        onr_buf_reserve(&buf, 0);
    if (buf.failed) {
        onr_buf_free(&buf);
        return ONR_ERR_NOMEM;
    }
    *out = onr_buf_detach(&buf, out_len);
    return ONR_OK;
}
