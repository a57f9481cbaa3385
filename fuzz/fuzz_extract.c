/* Fuzz target: extraction from a page to an article (onr_extract) and its renderings
 * (onr_article_render), with the sourcing audit when the flags ask for it.
 * Byte 0: bit 0 fail one allocation (its number is the next byte); bits 1-2 the mode; bit 3
 * comments; bit 4 no tables or images; bit 5 the sourcing audit; bit 6 a page URL; bit 7 every
 * format (else JSON and the one the next byte picks).
 * Next byte: the render flags (ONR_RENDER_*), then the format. */
#include "extract_checks.h"

#include <string.h>

static const char *const urls[] = {"https://news.example.com/2024/03/05/harbour-vote.html",
                                   "http://x", "not a url", "//host/path", "https://h/%zz?q#f"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    unsigned flags = fuzz_take_byte(&in);
    test_mem t;
    fuzz_mem_init(&t, flags, 1, &in);
    unsigned render_flags = fuzz_take_byte(&in) & 63;
    onr_format format = (onr_format)(fuzz_take_byte(&in) % 4);
    const char *url = urls[fuzz_take_byte(&in) % (sizeof urls / sizeof urls[0])];

    onr_options options;
    onr_options_init(&options);
    options.mode = (onr_mode)(((flags >> 1) & 3) % 3);
    options.comments = (flags & 8) != 0;
    options.tables = options.images = !(flags & 16);
    options.sources = (flags & 32) != 0;
    onr_context *ctx = NULL;
    onr_status status = onr_context_new(&options, &t.mem, &ctx, NULL);
    fuzz_check_status(&t, status, "context");
    if (status == ONR_OK) {
        onr_article *article = NULL;
        onr_error err;
        status = onr_extract(ctx, (const char *)in.data, in.len, (flags & 64) ? url : NULL,
                             (flags & 64) ? strlen(url) : 0, &article, &err);
        fuzz_require(extract_status_expected(status) || (status == ONR_ERR_NOMEM && t.failures > 0),
                     "extract status");
        if (status == ONR_OK) {
            check_article(article);
            if (flags & 128) {
                for (int f = ONR_FORMAT_MARKDOWN; f <= ONR_FORMAT_XML; f++)
                    check_render(article, (onr_format)f, render_flags, &t);
            } else {
                check_render(article, ONR_FORMAT_JSON, render_flags, &t);
                if (format != ONR_FORMAT_JSON)
                    check_render(article, format, render_flags, &t);
            }
            onr_article_free(article);
        }
        onr_context_free(ctx);
    }
    fuzz_check_no_leak(&t, "extract");
    return 0;
}
