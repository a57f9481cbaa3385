/* Markdown report of the sourcing audit, for an editor: each source with its kind and quotes,
 * then the article's summary. */
#include "render/sources_render.h"

#include <string.h>

static const char *kind_label(onr_source_kind kind)
{
    switch (kind) {
    case ONR_SOURCE_NAMED_PERSON: return "named person";
    case ONR_SOURCE_NAMED_ORGANIZATION: return "named organization";
    case ONR_SOURCE_ANONYMOUS_INDIVIDUAL: return "anonymous individual";
    case ONR_SOURCE_ANONYMOUS_GROUP: return "anonymous group";
    case ONR_SOURCE_DOCUMENT: return "document";
    case ONR_SOURCE_UNKNOWN: break;
    }
    return "unknown";
}

/* The first line break in [s, s + len), or NULL: memchr, as most quotes have none. */
static const char *line_break(const char *s, size_t len)
{
    const char *n = memchr(s, '\n', len), *r = memchr(s, '\r', n ? (size_t)(n - s) : len);
    return r ? r : n;
}

/* A count in decimal: vsnprintf would cost more than the rest of its line. */
static void put_count(onr_buf *out, size_t n)
{
    char digits[24];
    size_t at = sizeof digits;
    do {
        digits[--at] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    onr_buf_append(out, digits + at, sizeof digits - at);
}

/* Each label followed by its count: the summary's lines without vsnprintf. */
static void put_counts(onr_buf *out, const char *const labels[], const size_t counts[], size_t n)
{
    for (size_t i = 0; i < n; i++) {
        onr_buf_puts(out, labels[i]);
        put_count(out, counts[i]);
    }
}

/* The sources neither named nor anonymous, so that the counts add up: ", documents 1, unknown 2". */
static void put_other_sources(onr_buf *out, const onr_sources *s)
{
    size_t counts[2] = {0, 0}; /* documents, unknown */
    for (size_t i = 0; i < onr_sources_source_count(s); i++) {
        onr_source_kind kind = onr_sources_source(s, i)->kind;
        if (kind == ONR_SOURCE_DOCUMENT || kind == ONR_SOURCE_UNKNOWN)
            counts[kind == ONR_SOURCE_UNKNOWN]++;
    }
    static const char *const labels[] = {", documents ", ", unknown "};
    for (size_t k = 0; k < 2; k++)
        if (counts[k]) {
            onr_buf_puts(out, labels[k]);
            put_count(out, counts[k]);
        }
}

/* Text on one line: line breaks become spaces, long quotes are cut with an ellipsis. */
static void put_inline(onr_buf *out, const char *s, size_t len, size_t max)
{
    size_t cut = len;
    if (len > max) {
        cut = max;
        while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
            cut--;
    }
    size_t run = 0;
    for (const char *b; run < cut && (b = line_break(s + run, cut - run));) {
        size_t i = (size_t)(b - s);
        onr_buf_append(out, s + run, i - run);
        if (i == 0 || (s[i - 1] != '\n' && s[i - 1] != '\r'))
            onr_buf_putc(out, ' ');
        run = i + 1;
    }
    onr_buf_append(out, s + run, cut - run);
    if (cut < len)
        onr_buf_puts(out, "…");
}

static void put_field(onr_buf *out, const char *label, onr_string value)
{
    if (!value.data)
        return;
    onr_buf_puts(out, "; "); /* appends, not printf: this runs for every field of every source */
    onr_buf_puts(out, label);
    onr_buf_puts(out, ": ");
    put_inline(out, value.data, value.len, 200);
}

static void put_quote_line(onr_buf *out, const onr_sources *s, const onr_quote *q)
{
    onr_string text = onr_sources_text(s);
    onr_buf_puts(out, "  - "); /* appends, not printf: this runs for every quote */
    onr_buf_puts(out, onr_quote_kind_name(q->kind));
    onr_buf_puts(out, ": ");
    onr_buf_puts(out, q->kind == ONR_QUOTE_DIRECT || q->kind == ONR_QUOTE_PARTIAL ? "" : "“");
    put_inline(out, text.data + q->span.byte_start, q->span.byte_end - q->span.byte_start, 400);
    onr_buf_puts(out, q->kind == ONR_QUOTE_DIRECT || q->kind == ONR_QUOTE_PARTIAL ? "" : "”");
    if (q->has_speaker) {
        onr_buf_puts(out, " (");
        put_inline(out, q->speaker_text.data, q->speaker_text.len, 200);
        if (q->has_cue) {
            onr_buf_puts(out, ", ");
            put_inline(out, q->cue_text.data, q->cue_text.len, 80);
        }
        onr_buf_putc(out, ')');
    }
    if (q->source_count > 1) { /* a joint statement, listed under each of its sources */
        onr_buf_puts(out, " [joint: ");
        for (size_t i = 0; i < q->source_count; i++)
            onr_buf_printf(out, "%s%zu", i ? ", " : "", q->sources[i] + 1);
        onr_buf_putc(out, ']');
    }
    onr_buf_putc(out, '\n');
}

void render_sources_markdown(onr_buf *out, const onr_sources *s)
{
    onr_string text = onr_sources_text(s);
    const onr_sources_summary *sum = onr_sources_get_summary(s);
    onr_buf_puts(out, "## Sources\n\n");
    if (onr_sources_source_count(s) == 0)
        onr_buf_puts(out, "No attributed quotes found.\n");
    for (size_t i = 0; i < onr_sources_source_count(s); i++) {
        const onr_source *src = onr_sources_source(s, i);
        put_count(out, i + 1); /* appends, not printf: this runs for every source */
        onr_buf_puts(out, ". **");
        if (src->name.data)
            put_inline(out, src->name.data, src->name.len, 200);
        else
            onr_buf_puts(out, "(unnamed)");
        onr_buf_puts(out, "**: ");
        onr_buf_puts(out, kind_label(src->kind));
        put_field(out, "role", src->role);
        put_field(out, "affiliation", src->affiliation);
        put_field(out, "nationality", src->nationality);
        onr_buf_puts(out, "; ");
        put_count(out, src->quote_count);
        onr_buf_puts(out, src->quote_count == 1 ? " quote\n" : " quotes\n");
        for (size_t k = 0; k < src->quote_count; k++)
            put_quote_line(out, s, onr_sources_quote(s, src->quotes[k]));
    }
    size_t unattributed = 0;
    for (size_t i = 0; i < onr_sources_quote_count(s); i++)
        unattributed += onr_sources_quote(s, i)->source == ONR_NO_SOURCE;
    if (unattributed) {
        onr_buf_printf(out, "\nQuotes without a speaker: %zu\n", unattributed);
        for (size_t i = 0; i < onr_sources_quote_count(s); i++)
            if (onr_sources_quote(s, i)->source == ONR_NO_SOURCE)
                put_quote_line(out, s, onr_sources_quote(s, i));
    }
    onr_buf_puts(out, "\n## Summary\n\n");
    put_counts(out, (const char *const[]){"- Quotes: ", " (direct ", ", indirect ", ", mixed ", ", partial "},
               (const size_t[]){sum->quote_count, sum->by_kind[ONR_QUOTE_DIRECT], sum->by_kind[ONR_QUOTE_INDIRECT],
                                sum->by_kind[ONR_QUOTE_MIXED], sum->by_kind[ONR_QUOTE_PARTIAL]}, 5);
    onr_buf_puts(out, ")\n");
    put_counts(out, (const char *const[]){"- Sources: ", " (named ", ", anonymous "},
               (const size_t[]){sum->source_count, sum->named_source_count, sum->anonymous_source_count}, 3);
    put_other_sources(out, s);
    onr_buf_puts(out, ")\n");
    onr_buf_printf(out, "- Quotes from anonymous sources: %.0f%%\n", sum->anonymous_share * 100.0);
    if (sum->claim_count) {
        onr_buf_printf(out, "- Sources the article says it spoke to: %u (", sum->claimed_source_count);
        for (size_t i = 0; i < sum->claim_count; i++) {
            const onr_text_span *c = &sum->claims[i].span;
            if (i)
                onr_buf_puts(out, "; ");
            onr_buf_putc(out, '"');
            put_inline(out, text.data + c->byte_start, c->byte_end - c->byte_start, 200);
            onr_buf_putc(out, '"');
        }
        onr_buf_puts(out, ")\n");
    }
    for (size_t i = 0; i < sum->justification_count; i++) {
        const onr_text_span *j = &sum->justifications[i];
        onr_buf_puts(out, "- Anonymity justified: \"");
        put_inline(out, text.data + j->byte_start, j->byte_end - j->byte_start, 300);
        onr_buf_puts(out, "\"\n");
    }
    if (sum->publication_count) {
        onr_buf_puts(out, "- Publications cited: ");
        for (size_t i = 0; i < sum->publication_count; i++) {
            if (i)
                onr_buf_puts(out, ", ");
            put_inline(out, sum->publications[i].data, sum->publications[i].len, 100);
        }
        onr_buf_putc(out, '\n');
    }
}
