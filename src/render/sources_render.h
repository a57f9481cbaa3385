/* Writers for the sourcing audit, shared by onr_sources_render and the article renderers (which
 * embed the audit in `onrecord extract --sources` output). */
#ifndef ONR_RENDER_SOURCES_RENDER_H
#define ONR_RENDER_SOURCES_RENDER_H

#include "core/core.h"

/* Appends one JSON object, on one line, no trailing newline: {"text", "quotes", "sources",
 * "summary"} as documented in docs/sources.md. Allocation failure sets out->failed. */
void render_sources_json(onr_buf *out, const onr_sources *s);

/* Appends the Markdown report: a "Sources" list (each source with its kind and quotes), then a
 * "Summary" list. Headings start at level 2 ("## Sources"), ending with a newline. */
void render_sources_markdown(onr_buf *out, const onr_sources *s);

#endif
