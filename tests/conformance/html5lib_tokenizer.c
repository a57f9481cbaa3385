/* Conformance: runs every case of the html5lib tokenizer suite (its *.test JSON files) through
 * src/html/tokenizer.c. A case passes when its tokens (adjacent characters merged) are equal and
 * its number of parse errors is equal (error codes and positions are not compared).
 * Usage: html5lib_tokenizer DIR [-v] */
#include "html/tokenizer.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SKIP_CODE 77

typedef struct totals {
    size_t passed, failed, skipped;
    bool verbose;
} totals;

/* Undoes the suite's "doubleEscaped" \uXXXX escapes into UTF-8. False when the text holds a lone
 * surrogate, which UTF-8 input cannot carry. */
static bool unescape(const char *s, size_t len, onr_buf *out)
{
    for (size_t i = 0; i < len;) {
        if (s[i] == '\\' && i + 5 < len && s[i + 1] == 'u') {
            char hex[5] = {s[i + 2], s[i + 3], s[i + 4], s[i + 5], 0};
            uint32_t cp = (uint32_t)strtoul(hex, NULL, 16);
            i += 6;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 5 < len && s[i] == '\\' && s[i + 1] == 'u') {
                char low_hex[5] = {s[i + 2], s[i + 3], s[i + 4], s[i + 5], 0};
                uint32_t low = (uint32_t)strtoul(low_hex, NULL, 16);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    i += 6;
                }
            }
            if (cp >= 0xD800 && cp <= 0xDFFF)
                return false;
            char utf8[4];
            onr_buf_append(out, utf8, onr_utf8_encode(cp, utf8));
        } else {
            onr_buf_putc(out, s[i]);
            i++;
        }
    }
    return true;
}

/* A copy of an expected-output value with doubleEscaped strings undone. NULL on a lone surrogate. */
static json_t *unescape_value(json_t *value)
{
    if (json_is_string(value)) {
        onr_buf buf;
        onr_buf_init(&buf, NULL);
        json_t *copy = NULL;
        if (unescape(json_string_value(value), json_string_length(value), &buf))
            copy = json_stringn(buf.data ? buf.data : "", buf.len);
        onr_buf_free(&buf);
        return copy;
    }
    if (json_is_array(value)) {
        json_t *copy = json_array();
        size_t i;
        json_t *item;
        json_array_foreach(value, i, item) {
            json_t *c = unescape_value(item);
            if (!c) {
                json_decref(copy);
                return NULL;
            }
            json_array_append_new(copy, c);
        }
        return copy;
    }
    if (json_is_object(value)) {
        json_t *copy = json_object();
        const char *key;
        json_t *item;
        json_object_foreach(value, key, item) {
            json_t *c = unescape_value(item);
            onr_buf name;
            onr_buf_init(&name, NULL);
            bool ok = c && unescape(key, strlen(key), &name);
            if (!ok) {
                onr_buf_free(&name);
                json_decref(c);
                json_decref(copy);
                return NULL;
            }
            json_object_set_new(copy, name.data ? name.data : "", c);
            onr_buf_free(&name);
        }
        return copy;
    }
    return json_incref(value);
}

/* Appends a token in the suite's format, merging adjacent character tokens. */
static void append_token(json_t *list, json_t *token)
{
    size_t n = json_array_size(list);
    json_t *last = n ? json_array_get(list, n - 1) : NULL;
    if (last && strcmp(json_string_value(json_array_get(token, 0)), "Character") == 0 &&
        strcmp(json_string_value(json_array_get(last, 0)), "Character") == 0) {
        json_t *a = json_array_get(last, 1), *b = json_array_get(token, 1);
        size_t alen = json_string_length(a), blen = json_string_length(b);
        char *joined = malloc(alen + blen + 1);
        memcpy(joined, json_string_value(a), alen);
        memcpy(joined + alen, json_string_value(b), blen);
        json_array_set_new(last, 1, json_stringn(joined, alen + blen));
        free(joined);
        json_decref(token);
        return;
    }
    json_array_append_new(list, token);
}

static json_t *string_or_null(const char *s, size_t len)
{
    return s ? json_stringn(s, len) : json_null();
}

static json_t *token_json(const html_token *tok)
{
    switch (tok->kind) {
    case HTML_TOKEN_DOCTYPE:
        return json_pack("[s o o o b]", "DOCTYPE", string_or_null(tok->name, tok->name_len),
                         string_or_null(tok->public_id, tok->public_id_len),
                         string_or_null(tok->system_id, tok->system_id_len), !tok->force_quirks);
    case HTML_TOKEN_START_TAG: {
        json_t *attrs = json_object();
        for (size_t i = 0; i < tok->attr_count; i++) {
            char *name = strndup(tok->attrs[i].name, tok->attrs[i].name_len);
            json_object_set_new(attrs, name, json_stringn(tok->attrs[i].value, tok->attrs[i].value_len));
            free(name);
        }
        json_t *t = json_pack("[s s% o]", "StartTag", tok->name, tok->name_len, attrs);
        if (tok->self_closing)
            json_array_append_new(t, json_true());
        return t;
    }
    case HTML_TOKEN_END_TAG:
        return json_pack("[s s%]", "EndTag", tok->name, tok->name_len);
    case HTML_TOKEN_COMMENT:
        return json_pack("[s s%]", "Comment", tok->data, tok->data_len);
    case HTML_TOKEN_CHARACTERS:
        return json_pack("[s s%]", "Character", tok->data, tok->data_len);
    case HTML_TOKEN_EOF:
        break;
    }
    return NULL;
}

static bool state_by_name(const char *name, html_text_state *state)
{
    static const struct {
        const char *name;
        html_text_state state;
    } states[] = {{"Data state", HTML_STATE_DATA},
                  {"PLAINTEXT state", HTML_STATE_PLAINTEXT},
                  {"RCDATA state", HTML_STATE_RCDATA},
                  {"RAWTEXT state", HTML_STATE_RAWTEXT},
                  {"Script data state", HTML_STATE_SCRIPT},
                  {"CDATA section state", HTML_STATE_CDATA_SECTION}};
    for (size_t i = 0; i < sizeof states / sizeof states[0]; i++)
        if (strcmp(states[i].name, name) == 0) {
            *state = states[i].state;
            return true;
        }
    return false;
}

/* Tokenizes `input` from `state`; the tokens in the suite's format, or NULL on failure. */
static json_t *tokenize(const char *input, size_t len, html_text_state state, const char *last_start_tag,
                        size_t *errors)
{
    html_tokenizer *t = html_tokenizer_new(input, len, NULL, NULL);
    if (!t)
        return NULL;
    html_tokenizer_set_state(t, state);
    if (last_start_tag)
        html_tokenizer_set_last_start_tag(t, last_start_tag, strlen(last_start_tag));
    json_t *list = json_array();
    html_token tok;
    for (size_t guard = 0; guard <= 4 * len + 8; guard++) {
        if (html_tokenizer_next(t, &tok) != ONR_OK) {
            json_decref(list);
            list = NULL;
            break;
        }
        if (tok.kind == HTML_TOKEN_EOF)
            break;
        append_token(list, token_json(&tok));
    }
    *errors = html_tokenizer_error_count(t);
    html_tokenizer_free(t);
    return list;
}

static json_t *coalesced(json_t *expected)
{
    json_t *list = json_array();
    size_t i;
    json_t *token;
    json_array_foreach(expected, i, token) append_token(list, json_deep_copy(token));
    return list;
}

static void run_case(json_t *test, const char *file, totals *sum)
{
    const char *description = json_string_value(json_object_get(test, "description"));
    json_t *input_value = json_object_get(test, "input");
    json_t *output = json_object_get(test, "output");
    bool double_escaped = json_is_true(json_object_get(test, "doubleEscaped"));
    json_t *states = json_object_get(test, "initialStates");
    const char *last_start_tag = json_string_value(json_object_get(test, "lastStartTag"));
    size_t expected_errors = json_array_size(json_object_get(test, "errors"));
    size_t state_count = states ? json_array_size(states) : 1;

    onr_buf input;
    onr_buf_init(&input, NULL);
    json_t *expected = NULL;
    bool representable = true;
    if (double_escaped) {
        representable = unescape(json_string_value(input_value), json_string_length(input_value), &input);
        expected = representable ? unescape_value(output) : NULL;
        representable = representable && expected;
    } else {
        onr_buf_append(&input, json_string_value(input_value), json_string_length(input_value));
        expected = json_incref(output);
    }
    if (!representable) {
        sum->skipped += state_count;
        if (sum->verbose)
            printf("SKIP %s: %s (lone surrogate, not representable in UTF-8)\n", file, description);
        onr_buf_free(&input);
        json_decref(expected);
        return;
    }
    json_t *want = coalesced(expected);
    for (size_t i = 0; i < state_count; i++) {
        const char *state_name = states ? json_string_value(json_array_get(states, i)) : "Data state";
        html_text_state state;
        if (!state_by_name(state_name, &state)) {
            sum->skipped++;
            printf("SKIP %s: %s (unknown state %s)\n", file, description, state_name);
            continue;
        }
        size_t errors = 0;
        json_t *got = tokenize(input.data ? input.data : "", input.len, state, last_start_tag, &errors);
        bool tokens_equal = got && json_equal(got, want);
        if (tokens_equal && errors == expected_errors) {
            sum->passed++;
        } else {
            sum->failed++;
            char *w = json_dumps(want, JSON_COMPACT | JSON_ENCODE_ANY);
            char *g = got ? json_dumps(got, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
            printf("FAIL %s: %s [%s]\n  want %s, %zu errors\n  got  %s, %zu errors\n", file, description,
                   state_name, w, expected_errors, g ? g : "(failure)", errors);
            free(w);
            free(g);
        }
        json_decref(got);
    }
    json_decref(want);
    json_decref(expected);
    onr_buf_free(&input);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s DIR [-v]\n", argv[0]);
        return 2;
    }
    totals sum = {0};
    sum.verbose = argc > 2 && strcmp(argv[2], "-v") == 0;
    DIR *dir = opendir(argv[1]);
    if (!dir) {
        printf("html5lib tokenizer tests: %s is absent, skipped\n", argv[1]);
        return SKIP_CODE;
    }
    char *names[256];
    size_t count = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) && count < 256) {
        size_t n = strlen(entry->d_name);
        if (n > 5 && strcmp(entry->d_name + n - 5, ".test") == 0)
            names[count++] = strdup(entry->d_name);
    }
    closedir(dir);
    qsort(names, count, sizeof names[0], compare_names);
    int status = 0;
    for (size_t f = 0; f < count; f++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], names[f]);
        json_error_t error;
        json_t *root = json_load_file(path, JSON_ALLOW_NUL, &error);
        if (!root) {
            printf("ERROR %s: %s (line %d)\n", names[f], error.text, error.line);
            status = 1;
        } else {
            /* Only "tests": xmlViolation.test's "xmlViolationTests" are for an XML-compatible mode. */
            json_t *tests = json_object_get(root, "tests");
            size_t i;
            json_t *test;
            json_array_foreach(tests, i, test) run_case(test, names[f], &sum);
            json_decref(root);
        }
        free(names[f]);
    }
    size_t run = sum.passed + sum.failed;
    printf("%zu passed, %zu failed, %zu skipped\n", sum.passed, sum.failed, sum.skipped);
    if (run == 0 || (double)sum.passed < 0.99 * (double)run)
        status = 1;
    return status;
}
