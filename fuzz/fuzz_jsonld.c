/* Fuzz target: JSON-LD metadata, through extraction of a page whose <script type=ld+json> holds
 * the input (or whose two scripts hold its two halves), then the JSON rendering.
 * Byte 0: bit 0 fail one allocation (its number is the next byte); bits 1-2 the page template. */
#include "extract_checks.h"

#include <string.h>

static const char head[] = "<!DOCTYPE html><html><head><title>Harbour wall vote - Example News</title>";
static const char script_open[] = "<script type=\"application/ld+json\">";
static const char script_close[] = "</script>";
static const char body[] =
    "</head><body><article><h1>Harbour wall vote</h1><p>The council voted seven to two on Tuesday "
    "to rebuild the harbour wall, ending a debate that had lasted three years and divided the "
    "town.</p><p>\"This is the right decision,\" said the mayor. Work starts in the spring and is "
    "expected to take two years.</p></article></body></html>";

typedef struct page {
    char *data;
    size_t len;
} page;

static void put(page *p, const void *s, size_t len)
{
    memcpy(p->data + p->len, s, len);
    p->len += len;
}

static void put_script(page *p, const uint8_t *json, size_t len, const char *open)
{
    put(p, open, strlen(open));
    put(p, json, len);
    put(p, script_close, sizeof script_close - 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    unsigned flags = fuzz_take_byte(&in);
    test_mem t;
    fuzz_mem_init(&t, flags, 1, &in);
    unsigned layout = (flags >> 1) & 3;

    /* Room for the input twice (layout 3) and two script tags. */
    page p = {malloc(sizeof head + sizeof body + 2 * in.len + 256), 0};
    if (!p.data)
        return 0;
    put(&p, head, sizeof head - 1);
    if (layout == 1) { /* two scripts: the input's halves */
        put_script(&p, in.data, in.len / 2, script_open);
        put_script(&p, in.data + in.len / 2, in.len - in.len / 2, script_open);
    } else if (layout == 2) { /* an unusual but accepted type attribute spelling */
        put_script(&p, in.data, in.len, "<script type='Application/LD+JSON ; charset=utf-8'>");
    } else {
        put_script(&p, in.data, in.len, script_open);
    }
    put(&p, body, sizeof body - 1);
    if (layout == 3) /* also a second copy after the body */
        put_script(&p, in.data, in.len, script_open);

    onr_context *ctx = NULL;
    onr_status status = onr_context_new(NULL, &t.mem, &ctx, NULL);
    fuzz_check_status(&t, status, "context");
    if (status == ONR_OK) {
        onr_article *article = NULL;
        status = onr_extract(ctx, p.data, p.len, "https://news.example.com/a", 26, &article, NULL);
        fuzz_require(extract_status_expected(status) || (status == ONR_ERR_NOMEM && t.failures > 0),
                     "extract status");
        if (status == ONR_OK) {
            check_article(article);
            check_render(article, ONR_FORMAT_JSON, ONR_RENDER_METADATA, &t);
            onr_article_free(article);
        }
        onr_context_free(ctx);
    }
    free(p.data);
    fuzz_check_no_leak(&t, "jsonld");
    return 0;
}
