/* Sourcing audit, the API: JSON and Markdown rendering, argument errors, empty and invalid
 * input, hostile input, and allocation failure at every allocation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>

#include "../support/test_mem.h"
#include "sources_test_util.h"

static const char article[] =
    "“We will not retreat,” said Dmitry Peskov, the Kremlin spokesman.\n\n"
    "Talks are frozen, a diplomatic source told VPost. The source spoke on condition of anonymity.\n";

static void json_follows_the_schema(void **state)
{
    (void)state;
    onr_sources *s = analyze(article);
    char *out;
    size_t len;
    assert_int_equal(onr_sources_render(s, ONR_SOURCES_JSON, NULL, &out, &len), ONR_OK);
    assert_int_equal(strlen(out), len);
    assert_null(memchr(out, '\n', len)); /* one line: fit for JSONL */
    json_error_t jerr;
    json_t *root = json_loads(out, 0, &jerr);
    assert_non_null(root);
    assert_string_equal(json_string_value(json_object_get(root, "text")), article);
    json_t *quotes = json_object_get(root, "quotes");
    assert_int_equal(json_array_size(quotes), 2);
    json_t *q = json_array_get(quotes, 0);
    assert_int_equal(json_integer_value(json_object_get(q, "start")), 0);
    assert_int_equal(json_integer_value(json_object_get(q, "end")), 22);
    assert_string_equal(json_string_value(json_object_get(q, "kind")), "direct");
    assert_string_equal(json_string_value(json_object_get(json_object_get(q, "speaker"), "text")),
                        "Dmitry Peskov, the Kremlin spokesman");
    assert_string_equal(json_string_value(json_object_get(json_object_get(q, "cue"), "text")), "said");
    assert_string_equal(json_string_value(json_object_get(q, "source_id")), "s1");
    assert_int_equal(json_array_size(json_object_get(q, "source_ids")), 1);
    assert_string_equal(json_string_value(json_array_get(json_object_get(q, "source_ids"), 0)), "s1");
    assert_true(json_is_false(json_object_get(q, "anonymous")));
    assert_true(json_is_true(json_object_get(json_array_get(quotes, 1), "anonymous")));
    json_t *sources = json_object_get(root, "sources");
    assert_int_equal(json_array_size(sources), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(sources, 0), "kind")), "named-person");
    assert_string_equal(json_string_value(json_object_get(json_array_get(sources, 1), "kind")),
                        "anonymous-individual");
    json_t *summary = json_object_get(root, "summary");
    assert_int_equal(json_integer_value(json_object_get(summary, "quotes")), 2);
    assert_int_equal(json_array_size(json_object_get(summary, "anonymity_justifications")), 1);
    assert_string_equal(json_string_value(json_array_get(json_object_get(summary, "publications"), 0)), "VPost");
    json_decref(root);
    free(out);
    onr_sources_free(s);
}

static void markdown_lists_sources_then_summary(void **state)
{
    (void)state;
    onr_sources *s = analyze(article);
    char *out;
    size_t len;
    assert_int_equal(onr_sources_render(s, ONR_SOURCES_MARKDOWN, NULL, &out, &len), ONR_OK);
    assert_string_equal(out,
                        "## Sources\n\n"
                        "1. **Dmitry Peskov**: named person; role: spokesman; affiliation: Kremlin; 1 quote\n"
                        "  - direct: “We will not retreat,” (Dmitry Peskov, the Kremlin spokesman, said)\n"
                        "2. **a diplomatic source**: anonymous individual; role: source; 1 quote\n"
                        "  - indirect: “Talks are frozen” (a diplomatic source, told)\n"
                        "\n## Summary\n\n"
                        "- Quotes: 2 (direct 1, indirect 1, mixed 0, partial 0)\n"
                        "- Sources: 2 (named 1, anonymous 1)\n"
                        "- Quotes from anonymous sources: 50%\n"
                        "- Anonymity justified: \"The source spoke on condition of anonymity\"\n"
                        "- Publications cited: VPost\n");
    free(out);
    onr_sources_free(s);
}

static void joint_quote_under_each_member(void **state)
{
    (void)state;
    onr_sources *s = analyze("According to a port official and a shipping agent, the dock is closed.\n");
    char *out;
    assert_int_equal(onr_sources_render(s, ONR_SOURCES_JSON, NULL, &out, NULL), ONR_OK);
    assert_non_null(strstr(out, "\"source_id\":\"s1\",\"source_ids\":[\"s1\",\"s2\"],\"anonymous\":true"));
    free(out);
    assert_int_equal(onr_sources_render(s, ONR_SOURCES_MARKDOWN, NULL, &out, NULL), ONR_OK);
    assert_string_equal(out,
                        "## Sources\n\n"
                        "1. **a port official**: anonymous individual; role: official; 1 quote\n"
                        "  - indirect: “the dock is closed” (a port official and a shipping agent, According to) "
                        "[joint: 1, 2]\n"
                        "2. **a shipping agent**: anonymous individual; role: agent; 1 quote\n"
                        "  - indirect: “the dock is closed” (a port official and a shipping agent, According to) "
                        "[joint: 1, 2]\n"
                        "\n## Summary\n\n"
                        "- Quotes: 1 (direct 0, indirect 1, mixed 0, partial 0)\n"
                        "- Sources: 2 (named 0, anonymous 2)\n"
                        "- Quotes from anonymous sources: 100%\n");
    free(out);
    onr_sources_free(s);
}

/* A document is neither named nor anonymous: the summary counts it apart, so the counts add up. */
static void summary_counts_documents_apart(void **state)
{
    (void)state;
    onr_sources *s = analyze("The ferry will be late, a council report said.\n\n"
                             "\"We are doing our best,\" said Ana Ruiz, the harbour master.\n");
    char *out;
    assert_int_equal(onr_sources_render(s, ONR_SOURCES_MARKDOWN, NULL, &out, NULL), ONR_OK);
    assert_non_null(strstr(out, "1. **a council report**: document; role: report; 1 quote\n"));
    assert_non_null(strstr(out, "- Sources: 2 (named 1, anonymous 0, documents 1)\n"));
    free(out);
    onr_sources_free(s);
}

static void argument_errors(void **state)
{
    (void)state;
    onr_sources *s = NULL;
    onr_error err;
    assert_int_equal(onr_sources_analyze(NULL, "x", 1, NULL, &err), ONR_ERR_ARGUMENT);
    assert_int_equal(onr_sources_analyze(NULL, NULL, 3, &s, &err), ONR_ERR_ARGUMENT);
    assert_null(s);
    assert_int_equal(onr_sources_render(NULL, ONR_SOURCES_JSON, NULL, NULL, NULL), ONR_ERR_ARGUMENT);
    onr_sources_free(NULL);
}

static void empty_and_invalid_text(void **state)
{
    (void)state;
    onr_sources *s = NULL;
    onr_error err;
    assert_int_equal(onr_sources_analyze(NULL, NULL, 0, &s, &err), ONR_OK);
    assert_int_equal(onr_sources_quote_count(s), 0);
    assert_null(onr_sources_quote(s, 0));
    assert_null(onr_sources_source(s, 0));
    onr_sources_free(s);
    /* Invalid UTF-8 is replaced, so that offsets index the text that is rendered. */
    const char bad[] = "\xFF\n“We won,\xC3” she said.";
    assert_int_equal(onr_sources_analyze(NULL, bad, sizeof bad - 1, &s, &err), ONR_OK);
    onr_string text = onr_sources_text(s);
    assert_memory_equal(text.data, "\xEF\xBF\xBD\n“We won,\xEF\xBF\xBD”", 19);
    assert_int_equal(onr_sources_quote_count(s), 1);
    assert_int_equal(onr_sources_quote(s, 0)->span.start, 2);
    assert_int_equal(onr_sources_quote(s, 0)->span.byte_start, 4);
    onr_sources_free(s);
}

static void hostile_input_is_bounded(void **state)
{
    (void)state;
    /* Unbalanced marks, endless noun phrases and cue words, deep runs without sentence ends. */
    size_t n = 200000;
    char *text = malloc(n + 1);
    assert_non_null(text);
    static const char *const pieces[] = {"“", "said ", "the ", "official ", ", ", "\"", "and ", "of ", "‘", "\n",
                                         "according to ", "he ", "Smith ", ": ", "«"};
    size_t at = 0;
    for (unsigned seed = 1; at + 20 < n; seed = seed * 1103515245u + 12345u) {
        const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
        memcpy(text + at, p, strlen(p));
        at += strlen(p);
    }
    onr_sources *s = NULL;
    onr_error err;
    assert_int_equal(onr_sources_analyze(NULL, text, at, &s, &err), ONR_OK);
    char *out;
    assert_int_equal(onr_sources_render(s, ONR_SOURCES_JSON, NULL, &out, NULL), ONR_OK);
    free(out);
    onr_sources_free(s);
    free(text);
}

static void every_allocation_failure_is_clean(void **state)
{
    (void)state;
    test_mem mem;
    test_mem_init(&mem, 0);
    onr_context *ctx;
    assert_int_equal(onr_context_new(NULL, &mem.mem, &ctx, NULL), ONR_OK);
    for (size_t n = 1;; n++) {
        mem.fail_at = mem.calls + n; /* the nth allocation of this run */
        size_t failures = mem.failures;
        onr_sources *s = NULL;
        onr_error err;
        onr_status st = onr_sources_analyze(ctx, article, strlen(article), &s, &err);
        char *out = NULL;
        if (st == ONR_OK)
            st = onr_sources_render(s, ONR_SOURCES_JSON, &mem.mem, &out, NULL);
        test_mem_free(&mem, out);
        onr_sources_free(s);
        if (mem.failures == failures) {
            assert_int_equal(st, ONR_OK); /* no allocation failed: every one has been tried */
            break;
        }
        assert_int_equal(st, ONR_ERR_NOMEM);
    }
    onr_context_free(ctx);
    assert_int_equal(mem.live_blocks, 0); /* nothing kept from the failed runs */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_follows_the_schema),
        cmocka_unit_test(markdown_lists_sources_then_summary),
        cmocka_unit_test(joint_quote_under_each_member),
        cmocka_unit_test(summary_counts_documents_apart),
        cmocka_unit_test(argument_errors),
        cmocka_unit_test(empty_and_invalid_text),
        cmocka_unit_test(hostile_input_is_bounded),
        cmocka_unit_test(every_allocation_failure_is_clean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
