/* JSON form of the sourcing audit (schema in docs/sources.md), one object on one line: what
 * `onrecord sources --output-format json|jsonl` prints and `extract --sources` embeds. */
#include "render/sources_render.h"

static void put_span_fields(onr_buf *out, const onr_text_span *s)
{
    onr_buf_printf(out, "\"start\":%zu,\"end\":%zu,\"byte_start\":%zu,\"byte_end\":%zu", s->start, s->end,
                   s->byte_start, s->byte_end);
}

static void put_span(onr_buf *out, const onr_text_span *s, const onr_string *text)
{
    onr_buf_putc(out, '{');
    put_span_fields(out, s);
    if (text) {
        onr_buf_puts(out, ",\"text\":");
        onr_buf_json_string(out, text->data, text->len);
    }
    onr_buf_putc(out, '}');
}

static void put_source_id(onr_buf *out, size_t source)
{
    if (source == ONR_NO_SOURCE)
        onr_buf_puts(out, "null");
    else
        onr_buf_printf(out, "\"s%zu\"", source + 1);
}

static void put_quote(onr_buf *out, const onr_sources *s, const onr_quote *q)
{
    onr_buf_putc(out, '{');
    put_span_fields(out, &q->span);
    if (q->piece_count > 1) {
        onr_buf_puts(out, ",\"spans\":[");
        for (size_t i = 0; i < q->piece_count; i++)
            onr_buf_printf(out, "%s[%zu,%zu]", i ? "," : "", q->pieces[i].start, q->pieces[i].end);
        onr_buf_putc(out, ']');
    }
    onr_buf_printf(out, ",\"kind\":\"%s\",\"speaker\":", onr_quote_kind_name(q->kind));
    if (q->has_speaker)
        put_span(out, &q->speaker, &q->speaker_text);
    else
        onr_buf_puts(out, "null");
    onr_buf_puts(out, ",\"cue\":");
    if (q->has_cue)
        put_span(out, &q->cue, &q->cue_text);
    else
        onr_buf_puts(out, "null");
    onr_buf_puts(out, ",\"source_id\":");
    put_source_id(out, q->source);
    onr_buf_puts(out, ",\"source_ids\":[");
    for (size_t i = 0; i < q->source_count; i++) {
        if (i)
            onr_buf_putc(out, ',');
        put_source_id(out, q->sources[i]);
    }
    onr_buf_putc(out, ']');
    onr_buf_puts(out, ",\"anonymous\":");
    if (q->source == ONR_NO_SOURCE)
        onr_buf_puts(out, "null");
    else
        onr_buf_puts(out, q->anonymous ? "true" : "false");
    (void)s;
    onr_buf_putc(out, '}');
}

static void put_source(onr_buf *out, const onr_sources *s, size_t index)
{
    const onr_source *src = onr_sources_source(s, index);
    onr_buf_puts(out, "{\"id\":");
    put_source_id(out, index);
    onr_buf_printf(out, ",\"kind\":\"%s\",\"anonymous\":%s,\"name\":", onr_source_kind_name(src->kind),
                   src->anonymous ? "true" : "false");
    onr_buf_json_string_or_null(out, src->name);
    onr_buf_puts(out, ",\"role\":");
    onr_buf_json_string_or_null(out, src->role);
    onr_buf_puts(out, ",\"affiliation\":");
    onr_buf_json_string_or_null(out, src->affiliation);
    onr_buf_puts(out, ",\"nationality\":");
    onr_buf_json_string_or_null(out, src->nationality);
    onr_buf_puts(out, ",\"quotes\":[");
    for (size_t i = 0; i < src->quote_count; i++)
        onr_buf_printf(out, "%s%zu", i ? "," : "", src->quotes[i]);
    onr_buf_puts(out, "],\"mentions\":[");
    onr_string text = onr_sources_text(s);
    for (size_t i = 0; i < src->mention_count; i++) {
        const onr_text_span *m = &src->mentions[i];
        onr_string mt = {text.data + m->byte_start, m->byte_end - m->byte_start};
        if (i)
            onr_buf_putc(out, ',');
        put_span(out, m, &mt);
    }
    onr_buf_puts(out, "]}");
}

static void put_summary(onr_buf *out, const onr_sources *s)
{
    const onr_sources_summary *sum = onr_sources_get_summary(s);
    onr_string text = onr_sources_text(s);
    onr_buf_printf(out, "{\"quotes\":%zu,\"by_kind\":{", sum->quote_count);
    for (int k = ONR_QUOTE_DIRECT; k <= ONR_QUOTE_PARTIAL; k++)
        onr_buf_printf(out, "%s\"%s\":%zu", k ? "," : "", onr_quote_kind_name((onr_quote_kind)k), sum->by_kind[k]);
    onr_buf_printf(out, "},\"sources\":%zu,\"named_sources\":%zu,\"anonymous_sources\":%zu,"
                        "\"anonymous_share\":%.4f,\"claimed_sources\":%u,\"claims\":[",
                   sum->source_count, sum->named_source_count, sum->anonymous_source_count, sum->anonymous_share,
                   sum->claimed_source_count);
    for (size_t i = 0; i < sum->claim_count; i++) {
        const onr_text_span *c = &sum->claims[i].span;
        onr_string ct = {text.data + c->byte_start, c->byte_end - c->byte_start};
        onr_buf_printf(out, "%s{\"count\":%u,", i ? "," : "", sum->claims[i].count);
        put_span_fields(out, c);
        onr_buf_puts(out, ",\"text\":");
        onr_buf_json_string(out, ct.data, ct.len);
        onr_buf_putc(out, '}');
    }
    onr_buf_puts(out, "],\"anonymity_justifications\":[");
    for (size_t i = 0; i < sum->justification_count; i++) {
        const onr_text_span *j = &sum->justifications[i];
        onr_string jt = {text.data + j->byte_start, j->byte_end - j->byte_start};
        if (i)
            onr_buf_putc(out, ',');
        put_span(out, j, &jt);
    }
    onr_buf_puts(out, "],\"publications\":[");
    for (size_t i = 0; i < sum->publication_count; i++) {
        if (i)
            onr_buf_putc(out, ',');
        onr_buf_json_string(out, sum->publications[i].data, sum->publications[i].len);
    }
    onr_buf_puts(out, "]}");
}

void render_sources_json(onr_buf *out, const onr_sources *s)
{
    onr_string text = onr_sources_text(s);
    onr_buf_puts(out, "{\"text\":");
    onr_buf_json_string(out, text.data ? text.data : "", text.len);
    onr_buf_puts(out, ",\"quotes\":[");
    for (size_t i = 0; i < onr_sources_quote_count(s); i++) {
        if (i)
            onr_buf_putc(out, ',');
        put_quote(out, s, onr_sources_quote(s, i));
    }
    onr_buf_puts(out, "],\"sources\":[");
    for (size_t i = 0; i < onr_sources_source_count(s); i++) {
        if (i)
            onr_buf_putc(out, ',');
        put_source(out, s, i);
    }
    onr_buf_puts(out, "],\"summary\":");
    put_summary(out, s);
    onr_buf_putc(out, '}');
}

onr_status onr_sources_render(const onr_sources *sources, onr_sources_format format, const onr_mem *mem,
                              char **out, size_t *len)
{
    if (!sources || !out || (format != ONR_SOURCES_JSON && format != ONR_SOURCES_MARKDOWN))
        return ONR_ERR_ARGUMENT;
    onr_buf buf;
    onr_buf_init(&buf, mem);
    /* Room for what the text usually renders to (JSON: about three times the text, with quotes and
     * mentions spelt out; Markdown: less than the text) instead of doubling up from 64 bytes. */
    onr_buf_reserve(&buf, (format == ONR_SOURCES_JSON ? 3 : 1) * onr_sources_text(sources).len + 4096);
    if (format == ONR_SOURCES_JSON)
        render_sources_json(&buf, sources);
    else
        render_sources_markdown(&buf, sources);
    if (buf.failed || !onr_buf_reserve(&buf, 0)) {
        onr_buf_free(&buf);
        *out = NULL;
        return ONR_ERR_NOMEM;
    }
    size_t n;
    *out = onr_buf_detach(&buf, &n);
    if (len)
        *len = n;
    return ONR_OK;
}
