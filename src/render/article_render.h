/* Article renderers, one file per format, sharing a few helpers; onr_article_render dispatches. */
#ifndef ONR_RENDER_ARTICLE_RENDER_H
#define ONR_RENDER_ARTICLE_RENDER_H

#include "core/core.h"

void render_article_markdown(onr_buf *out, const onr_article *article, unsigned flags);
void render_article_text(onr_buf *out, const onr_article *article, unsigned flags);
void render_article_json(onr_buf *out, const onr_article *article, unsigned flags);
void render_article_xml(onr_buf *out, const onr_article *article, unsigned flags);

/* Whether a block is shown under `flags` (figures need ONR_RENDER_IMAGES, tables
 * ONR_RENDER_TABLES). */
bool render_block_shown(const onr_block *block, unsigned flags);

/* Authors joined with `sep` ("; " as trafilatura does, ", " for bylines). */
void render_authors(onr_buf *out, const onr_article_meta *meta, const char *sep);

#endif
