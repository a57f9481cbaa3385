/* Helpers shared by the sourcing audit's unit tests: analyse a short article and describe its
 * quotes and sources as strings, so that each test states its expected output in one place. */
#ifndef ONR_TEST_SOURCES_UTIL_H
#define ONR_TEST_SOURCES_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "onrecord.h"

static inline onr_sources *analyze(const char *text)
{
    onr_sources *s = NULL;
    onr_error err;
    assert_int_equal(onr_sources_analyze(NULL, text, strlen(text), &s, &err), ONR_OK);
    assert_non_null(s);
    return s;
}

/* "kind [quoted text] <- speaker (cue) #source" for quote `i`: the whole expected output of one
 * quote in one comparable string. Pieces of an interrupted quote are joined by " | ". */
static inline const char *describe_quote(const onr_sources *s, size_t i)
{
    static char line[1024];
    const onr_quote *q = onr_sources_quote(s, i);
    assert_non_null(q);
    onr_string text = onr_sources_text(s);
    size_t n = (size_t)snprintf(line, sizeof line, "%s [", onr_quote_kind_name(q->kind));
    for (size_t p = 0; p < q->piece_count; p++)
        n += (size_t)snprintf(line + n, sizeof line - n, "%s%.*s", p ? " | " : "",
                              (int)(q->pieces[p].byte_end - q->pieces[p].byte_start), text.data + q->pieces[p].byte_start);
    n += (size_t)snprintf(line + n, sizeof line - n, "]");
    if (q->has_speaker)
        n += (size_t)snprintf(line + n, sizeof line - n, " <- %.*s", (int)q->speaker_text.len, q->speaker_text.data);
    if (q->has_cue)
        n += (size_t)snprintf(line + n, sizeof line - n, " (%.*s)", (int)q->cue_text.len, q->cue_text.data);
    if (q->source != ONR_NO_SOURCE)
        snprintf(line + n, sizeof line - n, " #%zu%s", q->source + 1, q->anonymous ? " anonymous" : "");
    return line;
}

/* "kind: name; role; affiliation; nationality; N quotes" for source `i`. */
static inline const char *describe_source(const onr_sources *s, size_t i)
{
    static char line[512];
    const onr_source *src = onr_sources_source(s, i);
    assert_non_null(src);
    snprintf(line, sizeof line, "%s: %.*s; %.*s; %.*s; %.*s; %zu", onr_source_kind_name(src->kind),
             (int)src->name.len, src->name.data ? src->name.data : "", (int)src->role.len,
             src->role.data ? src->role.data : "", (int)src->affiliation.len,
             src->affiliation.data ? src->affiliation.data : "", (int)src->nationality.len,
             src->nationality.data ? src->nationality.data : "", src->quote_count);
    return line;
}

/* Asserts that `text` yields exactly the quotes in `expected` (NULL-terminated). */
static inline void expect_quotes(const char *text, const char *const *expected)
{
    onr_sources *s = analyze(text);
    size_t n = 0;
    while (expected[n])
        n++;
    for (size_t i = 0; i < onr_sources_quote_count(s) && i < n; i++)
        assert_string_equal(describe_quote(s, i), expected[i]);
    if (onr_sources_quote_count(s) != n && onr_sources_quote_count(s) > 0)
        print_message("last quote: %s\n", describe_quote(s, onr_sources_quote_count(s) - 1));
    assert_int_equal(onr_sources_quote_count(s), n);
    onr_sources_free(s);
}

#endif
