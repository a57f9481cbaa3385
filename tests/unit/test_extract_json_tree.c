/* The JSON-LD reader's JSON parser: the trees it builds, and that it accepts exactly what jansson
 * accepts (jsonld.c leaves the refused blocks to jansson for the warning). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "extract/json_tree.h"

static const jt_value *parse(onr_arena *arena, const char *text, size_t len)
{
    const jt_value *root = NULL;
    jt_result result = jt_parse(text, len, arena, &root);
    return result == JT_PARSED ? root : NULL;
}

static void builds_the_tree(void **state)
{
    (void)state;
    onr_arena arena;
    onr_arena_init(&arena, NULL, 0);
    const char *text = " {\"@type\": \"NewsArticle\", \"headline\": \"Caf\\u00e9 \\ud83d\\ude00 \\\"open\\\"\\n\","
                       " \"width\": 640, \"ratio\": 1.5e2, \"ok\": true, \"no\": false, \"none\": null,"
                       " \"author\": [{\"name\": \"Ana\"}, \"B\"]} trailing text";
    const jt_value *root = parse(&arena, text, strlen(text));
    assert_non_null(root);
    assert_int_equal(root->type, JT_OBJECT);
    assert_int_equal(root->len, 8);
    const jt_value *headline = jt_get(root, "headline");
    assert_true(jt_is(headline, JT_STRING));
    assert_string_equal(headline->string, "Caf\xC3\xA9 \xF0\x9F\x98\x80 \"open\"\n");
    assert_int_equal(headline->len, strlen(headline->string));
    assert_int_equal(jt_get(root, "width")->integer, 640);
    assert_true(jt_is(jt_get(root, "ratio"), JT_REAL));
    assert_true(jt_is(jt_get(root, "ok"), JT_TRUE));
    assert_true(jt_is(jt_get(root, "no"), JT_FALSE));
    assert_true(jt_is(jt_get(root, "none"), JT_NULL));
    const jt_value *author = jt_get(root, "author");
    assert_int_equal(author->len, 2);
    assert_string_equal(jt_get(author->first, "name")->string, "Ana");
    assert_string_equal(author->first->next->string, "B");
    assert_null(jt_get(root, "missing"));
    assert_null(jt_get(author, "name"));
    onr_arena_free(&arena);
}

/* As jansson's json_object_set: the first place, the last value; the size counts names. */
static void repeated_names_keep_their_place_and_last_value(void **state)
{
    (void)state;
    onr_arena arena;
    onr_arena_init(&arena, NULL, 0);
    const char *small = "{\"a\": 1, \"b\": 2, \"a\": [3]}";
    const jt_value *root = parse(&arena, small, strlen(small));
    assert_non_null(root);
    assert_int_equal(root->len, 2);
    assert_string_equal(root->first->key, "a");
    assert_true(jt_is(root->first, JT_ARRAY));
    assert_string_equal(root->first->next->key, "b");
    /* past the linear search: 40 names, each given twice */
    char large[2048];
    size_t n = 0;
    large[n++] = '{';
    for (int i = 0; i < 80; i++)
        n += (size_t)snprintf(large + n, sizeof large - n, "%s\"k%d\":%d", i ? "," : "", i % 40, i);
    large[n++] = '}';
    root = parse(&arena, large, n);
    assert_non_null(root);
    assert_int_equal(root->len, 40);
    assert_string_equal(root->first->key, "k0");
    assert_int_equal(root->first->integer, 40);
    assert_int_equal(jt_get(root, "k39")->integer, 79);
    onr_arena_free(&arena);
}

typedef struct acceptance_case {
    const char *text;
    size_t len; /* 0: strlen */
    bool accepted;
} acceptance_case;

static const acceptance_case acceptance_cases[] = {
    {"[1]", 0, true},
    {"1", 0, false},                            /* jansson wants an object or an array first */
    {"\"text\"", 0, false},
    {"[01]", 0, false},
    {"[-0, 0.5, -1.25e-3, 1E+2]", 0, true},
    {"[1.]", 0, false},
    {"[.5]", 0, false},
    {"[1e]", 0, false},
    {"[1,]", 0, false},
    {"{\"a\":1,}", 0, false},
    {"[9223372036854775807, -9223372036854775808]", 0, true},
    {"[9223372036854775808]", 0, false},        /* too big integer */
    {"[-9223372036854775809]", 0, false},
    {"[1e999]", 0, false},                      /* real number overflow */
    {"[1e-999]", 0, true},                      /* underflow is no error */
    {"[\"\\u0000\"]", 0, false},
    {"[\"\\ud800\"]", 0, false},
    {"[\"\\udc00\"]", 0, false},
    {"[\"\\ud800\\u0041\"]", 0, false},
    {"[\"\\x\"]", 0, false},
    {"[\"a\tb\"]", 0, false},                   /* raw control character */
    {"[\"\xC3\xA9\"]", 0, true},
    {"[\"\xC3\"]", 0, false},                   /* invalid UTF-8 */
    {"[\"\xED\xA0\x80\"]", 0, false},           /* an encoded surrogate */
    {"[\"\xC0\x80\"]", 0, false},               /* overlong */
    {"[truex]", 0, false},
    {"[nul]", 0, false},
    {"[0\0]", 4, true},                         /* jansson loses a NUL put back after a token */
    {"[true\0]", 7, true},
    {"[0\0\0]", 5, false},
    {"[0 \0]", 5, false},
    {"[\"a\"\0]", 6, false},
    {"{\"a\" 1}", 0, false},
    {"[1 2]", 0, false},
    {"  \r\n\t[ ]", 0, true},
    {"[\f1]", 0, false},
    {"", 0, false},
};

static bool jansson_accepts(const char *text, size_t len)
{
    json_error_t error;
    json_t *root = json_loadb(text, len, JSON_DISABLE_EOF_CHECK, &error);
    json_decref(root);
    return root != NULL;
}

static void accepts_what_jansson_accepts(void **state)
{
    (void)state;
    onr_arena arena;
    onr_arena_init(&arena, NULL, 0);
    for (size_t i = 0; i < sizeof acceptance_cases / sizeof *acceptance_cases; i++) {
        const acceptance_case *c = &acceptance_cases[i];
        size_t len = c->len ? c->len : strlen(c->text);
        if ((parse(&arena, c->text, len) != NULL) != c->accepted || jansson_accepts(c->text, len) != c->accepted)
            fail_msg("case %zu (%s): expected %s", i, c->text, c->accepted ? "accepted" : "refused");
    }
    onr_arena_free(&arena);
}

/* jansson counts every value as a level and stops past 2048. */
static void nesting_stops_where_jansson_stops(void **state)
{
    (void)state;
    onr_arena arena;
    onr_arena_init(&arena, NULL, 0);
    char *text = malloc(2 * 2049 + 2);
    assert_non_null(text);
    for (size_t levels = 2047; levels <= 2049; levels++) {
        size_t n = 0;
        for (size_t i = 0; i < levels; i++)
            text[n++] = '[';
        text[n++] = '1';
        for (size_t i = 0; i < levels; i++)
            text[n++] = ']';
        bool expected = levels + 1 <= 2048;
        assert_int_equal(parse(&arena, text, n) != NULL, expected);
        assert_int_equal(jansson_accepts(text, n), expected);
    }
    free(text);
    onr_arena_free(&arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(builds_the_tree),
        cmocka_unit_test(repeated_names_keep_their_place_and_last_value),
        cmocka_unit_test(accepts_what_jansson_accepts),
        cmocka_unit_test(nesting_stops_where_jansson_stops),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
