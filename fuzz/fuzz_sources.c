/* Fuzz target: the sourcing audit (onr_sources_analyze) over any text, then both renderings. Every
 * span must lie inside the analysed text, indexes must be in range, the summary must add up and
 * the JSON must parse.
 * Byte 0: bit 0 fail one allocation (its number is the next byte); bit 1 no context (the default
 * allocator, so no injected failure); bits 2-3 the extraction mode of the context; bit 4 render
 * Markdown as well as JSON. */
#include "fuzz.h"

#include <string.h>

static void check_span(const onr_text_span *span, onr_string text, const char *what)
{
    fuzz_require(span->byte_start <= span->byte_end && span->byte_end <= text.len, what);
    fuzz_require(span->start <= span->end && span->end - span->start <= span->byte_end - span->byte_start,
                 what);
    /* Spans start and end on character boundaries. */
    const unsigned char *p = (const unsigned char *)text.data;
    fuzz_require(span->byte_start == text.len || (p[span->byte_start] & 0xC0) != 0x80, what);
    fuzz_require(span->byte_end == text.len || (p[span->byte_end] & 0xC0) != 0x80, what);
}

static void check_string(onr_string s, const char *what)
{
    fuzz_require(s.data != NULL || s.len == 0, what);
    fuzz_require(fuzz_valid_utf8(s.data, s.len), what);
}

static void check_audit(const onr_sources *audit)
{
    onr_string text = onr_sources_text(audit);
    fuzz_require(fuzz_valid_utf8(text.data, text.len), "analysed text is UTF-8");
    size_t quotes = onr_sources_quote_count(audit), sources = onr_sources_source_count(audit);
    size_t previous_start = 0;
    for (size_t i = 0; i < quotes; i++) {
        const onr_quote *q = onr_sources_quote(audit, i);
        fuzz_require(q != NULL, "quote inside the count");
        check_span(&q->span, text, "quote span");
        fuzz_require(q->span.byte_start >= previous_start, "quotes in text order");
        previous_start = q->span.byte_start;
        fuzz_require((unsigned)q->kind <= ONR_QUOTE_PARTIAL, "quote kind");
        if (q->has_speaker) {
            check_span(&q->speaker, text, "speaker span");
            check_string(q->speaker_text, "speaker text");
        }
        if (q->has_cue) {
            check_span(&q->cue, text, "cue span");
            check_string(q->cue_text, "cue text");
        }
        fuzz_require(q->source == ONR_NO_SOURCE || q->source < sources, "quote's source index");
    }
    fuzz_require(onr_sources_quote(audit, quotes) == NULL, "no quote past the count");
    for (size_t i = 0; i < sources; i++) {
        const onr_source *s = onr_sources_source(audit, i);
        fuzz_require(s != NULL, "source inside the count");
        check_string(s->name, "source name");
        check_string(s->role, "source role");
        check_string(s->affiliation, "source affiliation");
        check_string(s->nationality, "source nationality");
        for (size_t k = 0; k < s->quote_count; k++)
            fuzz_require(s->quotes[k] < quotes, "source's quote index");
        for (size_t k = 0; k < s->mention_count; k++)
            check_span(&s->mentions[k], text, "mention span");
    }
    fuzz_require(onr_sources_source(audit, sources) == NULL, "no source past the count");
    const onr_sources_summary *sum = onr_sources_get_summary(audit);
    fuzz_require(sum->quote_count == quotes && sum->source_count == sources, "summary counts");
    fuzz_require(sum->by_kind[0] + sum->by_kind[1] + sum->by_kind[2] + sum->by_kind[3] == quotes,
                 "summary kinds add up");
    fuzz_require(sum->named_source_count + sum->anonymous_source_count <= sources, "named + anonymous");
    fuzz_require(sum->anonymous_share >= 0.0 && sum->anonymous_share <= 1.0, "anonymous share");
    for (size_t k = 0; k < sum->claim_count; k++)
        check_span(&sum->claims[k].span, text, "claim span");
    for (size_t k = 0; k < sum->justification_count; k++)
        check_span(&sum->justifications[k], text, "justification span");
    for (size_t k = 0; k < sum->publication_count; k++)
        check_string(sum->publications[k], "publication");
}

static void check_render(const onr_sources *audit, onr_sources_format format, test_mem *t)
{
    char *out = NULL;
    size_t len = 0;
    onr_status status = onr_sources_render(audit, format, &t->mem, &out, &len);
    fuzz_check_status(t, status, "sources render");
    if (status != ONR_OK)
        return;
    fuzz_check_rendering(out, len, format == ONR_SOURCES_JSON);
    t->mem.free(t->mem.ctx, out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    unsigned flags = fuzz_take_byte(&in);
    test_mem t;
    fuzz_mem_init(&t, flags, 1, &in);
    onr_context *ctx = NULL;
    if (!(flags & 2)) {
        onr_options options;
        onr_options_init(&options);
        options.mode = (onr_mode)((flags >> 2) % 3);
        onr_status st = onr_context_new(&options, &t.mem, &ctx, NULL);
        fuzz_check_status(&t, st, "context");
        if (st != ONR_OK) {
            fuzz_check_no_leak(&t, "context");
            return 0;
        }
    }
    onr_sources *audit = NULL;
    onr_error err;
    onr_status status = onr_sources_analyze(ctx, (const char *)in.data, in.len, &audit, &err);
    fuzz_check_status(&t, status, "sources analyze");
    if (status == ONR_OK) {
        check_audit(audit);
        check_render(audit, ONR_SOURCES_JSON, &t);
        if (flags & 16)
            check_render(audit, ONR_SOURCES_MARKDOWN, &t);
        onr_sources_free(audit);
    } else {
        fuzz_require(t.failures > 0, "the audit fails only when an allocation did");
    }
    onr_context_free(ctx);
    fuzz_check_no_leak(&t, "sources");
    return 0;
}
