/* The context: options and allocator, immutable once made, shared by threads. */
#include "core.h"

#include <string.h>

struct onr_context {
    onr_options options;
    const onr_mem *mem;
};

void onr_html_options_init(onr_html_options *options)
{
    options->size = sizeof *options;
    options->max_depth = 400;
    options->max_attributes = 256;
    options->max_attribute_length = 64 * 1024;
}

void onr_options_init(onr_options *options)
{
    memset(options, 0, sizeof *options);
    options->size = sizeof *options;
    options->mode = ONR_MODE_BALANCED;
    options->tables = true;
    options->images = true;
    options->links = true;
    options->max_page_size = (size_t)32 << 20;
    onr_html_options_init(&options->html);
}

onr_status onr_context_new(const onr_options *options, const onr_mem *mem, onr_context **out,
                           onr_error *err)
{
    if (!out)
        return onr_fail(err, ONR_ERR_ARGUMENT, (size_t)-1, "onr_context_new: NULL output");
    *out = NULL;
    if (options && (options->size != sizeof *options || options->html.size != sizeof options->html))
        return onr_fail(err, ONR_ERR_ARGUMENT, (size_t)-1,
                        "onr_context_new: options not set up by onr_options_init");
    mem = onr_mem_or_default(mem);
    onr_context *ctx = onr_malloc(mem, sizeof *ctx);
    if (!ctx)
        return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory");
    if (options)
        ctx->options = *options;
    else
        onr_options_init(&ctx->options);
    ctx->mem = mem;
    *out = ctx;
    return ONR_OK;
}

void onr_context_free(onr_context *ctx)
{
    if (ctx)
        onr_free(ctx->mem, ctx);
}

const onr_options *onr_context_options(const onr_context *ctx) { return &ctx->options; }

const onr_mem *onr_context_mem(const onr_context *ctx) { return ctx->mem; }
