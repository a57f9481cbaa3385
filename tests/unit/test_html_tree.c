/* Tree builder tests: the fixtures of spec/html-tree.txt (input and exact html5lib-format tree), the
 * query API, allocation failures, and pathological inputs that must stay linear and bounded. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/core.h"

#include <stdio.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>
#include <time.h>

/* ---- a html5lib-format dump on the public API ---- */

static void dump_indent(onr_buf *out, unsigned depth)
{
    onr_buf_puts(out, "| ");
    for (unsigned i = 0; i < depth; i++)
        onr_buf_puts(out, "  ");
}

typedef struct named_value {
    char name[64];
    const char *value;
    size_t value_len;
} named_value;

static int compare_named(const void *a, const void *b)
{
    return strcmp(((const named_value *)a)->name, ((const named_value *)b)->name);
}

static void dump_children(onr_buf *out, const onr_node *parent, unsigned depth);

static void dump_element(onr_buf *out, const onr_node *n, unsigned depth)
{
    size_t len;
    const char *name = onr_node_name(n, &len);
    onr_buf_putc(out, '<');
    if (onr_node_namespace(n) == ONR_NS_SVG)
        onr_buf_puts(out, "svg ");
    else if (onr_node_namespace(n) == ONR_NS_MATHML)
        onr_buf_puts(out, "math ");
    onr_buf_append(out, name, len);
    onr_buf_puts(out, ">\n");
    size_t count = onr_node_attribute_count(n);
    named_value attrs[32];
    assert_true(count <= 32);
    for (size_t i = 0; i < count; i++) {
        const char *an;
        size_t an_len;
        onr_node_attribute_at(n, i, &an, &an_len, &attrs[i].value, &attrs[i].value_len);
        snprintf(attrs[i].name, sizeof attrs[i].name, "%.*s", (int)an_len, an);
        char *colon = strchr(attrs[i].name, ':');
        if (colon && onr_node_namespace(n) != ONR_NS_HTML)
            *colon = ' ';
    }
    qsort(attrs, count, sizeof attrs[0], compare_named);
    for (size_t i = 0; i < count; i++) {
        dump_indent(out, depth + 1);
        onr_buf_printf(out, "%s=\"%.*s\"\n", attrs[i].name, (int)attrs[i].value_len, attrs[i].value);
    }
    const onr_node *content = onr_node_template_content(n);
    if (content) {
        dump_indent(out, depth + 1);
        onr_buf_puts(out, "content\n");
        dump_children(out, content, depth + 2);
    }
    dump_children(out, n, depth + 1);
}

static void dump_children(onr_buf *out, const onr_node *parent, unsigned depth)
{
    for (const onr_node *n = onr_node_first_child(parent); n; n = onr_node_next_sibling(n)) {
        size_t len;
        const char *s;
        dump_indent(out, depth);
        switch (onr_node_get_type(n)) {
        case ONR_NODE_DOCTYPE: {
            s = onr_node_name(n, &len);
            onr_buf_printf(out, "<!DOCTYPE %.*s", (int)len, s);
            size_t pl, sl;
            const char *p = onr_node_attribute(n, "public", 6, &pl);
            const char *y = onr_node_attribute(n, "system", 6, &sl);
            if (p || y)
                onr_buf_printf(out, " \"%.*s\" \"%.*s\"", (int)pl, p ? p : "", (int)sl, y ? y : "");
            onr_buf_puts(out, ">\n");
            break;
        }
        case ONR_NODE_TEXT:
            s = onr_node_data(n, &len);
            onr_buf_putc(out, '"');
            onr_buf_append(out, s, len);
            onr_buf_puts(out, "\"\n");
            break;
        case ONR_NODE_COMMENT:
            s = onr_node_data(n, &len);
            onr_buf_printf(out, "<!-- %.*s -->\n", (int)len, s);
            break;
        case ONR_NODE_ELEMENT: dump_element(out, n, depth); break;
        case ONR_NODE_DOCUMENT: break;
        }
    }
}

static char *parse_and_dump(const char *html, size_t len)
{
    onr_document *doc;
    assert_int_equal(onr_html_parse(html, len, NULL, NULL, &doc, NULL), ONR_OK);
    onr_buf out;
    onr_buf_init(&out, NULL);
    dump_children(&out, onr_document_root(doc), 0);
    onr_document_free(doc);
    assert_false(out.failed);
    return onr_buf_detach(&out, NULL);
}

/* ---- the fixtures file ---- */

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    onr_buf buf;
    onr_buf_init(&buf, NULL);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        onr_buf_append(&buf, chunk, n);
    fclose(f);
    return onr_buf_detach(&buf, len);
}

/* The text between `start` and the next line beginning with "#", without its last newline. */
static const char *section(const char *start, size_t *len)
{
    const char *end = start;
    while (*end && !(end[0] == '\n' && end[1] == '#'))
        end++;
    *len = (size_t)(end - start);
    return end;
}

static void test_spec_fixtures(void **state)
{
    (void)state;
    size_t file_len;
    char *file = read_all("spec/html-tree.txt", &file_len);
    int cases = 0, failures = 0;
    for (const char *p = strstr(file, "#name\n"); p; p = strstr(p, "#name\n")) {
        size_t name_len, data_len, doc_len;
        const char *name = p + 6;
        const char *after = section(name, &name_len);
        assert_true(!strncmp(after, "\n#data\n", 7));
        const char *data = after + 7;
        after = section(data, &data_len);
        assert_true(!strncmp(after, "\n#document\n", 11));
        const char *expected = after + 11;
        const char *end = strstr(expected, "\n\n#name\n");
        doc_len = end ? (size_t)(end - expected) + 1 : strlen(expected);
        onr_buf input;
        onr_buf_init(&input, NULL);
        for (size_t i = 0; i < data_len; i++) {
            if (data[i] == '\\' && i + 1 < data_len && data[i + 1] == '0') {
                onr_buf_putc(&input, '\0');
                i++;
            } else {
                onr_buf_putc(&input, data[i]);
            }
        }
        char *got = parse_and_dump(input.data, input.len);
        cases++;
        if (strlen(got) != doc_len || memcmp(got, expected, doc_len)) {
            failures++;
            print_message("FAIL %.*s\n--- expected\n%.*s--- got\n%s\n", (int)name_len, name, (int)doc_len, expected, got);
        }
        free(got);
        onr_buf_free(&input);
        p = expected;
    }
    free(file);
    print_message("html-tree fixtures: %d cases, %d failed\n", cases, failures);
    assert_true(cases >= 40);
    assert_int_equal(failures, 0);
}

/* ---- query API ---- */

static const char query_page[] =
    "<!DOCTYPE html><html><head><title>T</title></head><body>"
    "<div id=main class=' story  lead'><h1>Head</h1><p DATA-X=1>One <b>two</b></p><!-- note -->"
    "<p class=lead>Three</p><a href='/x'>link</a></div></body></html>";

static void test_query_api(void **state)
{
    (void)state;
    onr_document *doc;
    assert_int_equal(onr_html_parse(query_page, sizeof query_page - 1, NULL, NULL, &doc, NULL), ONR_OK);
    const onr_node *root = onr_document_root(doc);
    assert_int_equal(onr_node_get_type(root), ONR_NODE_DOCUMENT);
    assert_int_equal(onr_node_get_type(onr_node_first_child(root)), ONR_NODE_DOCTYPE);
    const onr_node *html = onr_node_last_child(root);
    assert_int_equal(onr_node_tag(html), ONR_TAG_HTML);

    onr_query by_id = {.id = "main"};
    const onr_node *div = onr_find_next(root, NULL, &by_id);
    assert_non_null(div);
    assert_int_equal(onr_node_tag(div), ONR_TAG_DIV);
    assert_true(onr_node_has_class(div, "story", 5));
    assert_true(onr_node_has_class(div, "lead", 4));
    assert_false(onr_node_has_class(div, "stor", 4));
    assert_true(onr_node_has_id(div, "main", 4));
    assert_true(onr_node_parent(div) != NULL);
    assert_int_equal(onr_node_tag(onr_node_parent(div)), ONR_TAG_BODY);

    size_t len;
    const onr_node *h1 = onr_node_first_child(div);
    assert_int_equal(onr_node_tag(h1), ONR_TAG_H1);
    const onr_node *p = onr_node_next_sibling(h1);
    assert_ptr_equal(onr_node_prev_sibling(p), h1);
    const char *v = onr_node_attribute(p, "data-x", 6, &len);
    assert_non_null(v);
    assert_int_equal(len, 1);
    assert_non_null(onr_node_attribute(p, "Data-X", 6, NULL));
    assert_null(onr_node_attribute(p, "class", 5, NULL));
    const char *name;
    assert_true(onr_node_attribute_at(p, 0, &name, &len, NULL, NULL));
    assert_int_equal(len, 6);
    assert_memory_equal(name, "data-x", 6);
    assert_false(onr_node_attribute_at(p, 1, NULL, NULL, NULL, NULL));

    char text[64];
    assert_int_equal(onr_node_text(div, text, sizeof text), strlen("HeadOne twoThreelink"));
    assert_string_equal(text, "HeadOne twoThreelink");
    char small[5];
    assert_int_equal(onr_node_text(div, small, sizeof small), 20);
    assert_string_equal(small, "Head");

    onr_query by_class = {.class_name = "lead"};
    const onr_node *first = onr_find_next(root, NULL, &by_class);
    assert_ptr_equal(first, div);
    const onr_node *second = onr_find_next(root, first, &by_class);
    assert_int_equal(onr_node_tag(second), ONR_TAG_P);
    assert_null(onr_find_next(root, second, &by_class));

    onr_query by_tag = {.tag = ONR_TAG_P};
    assert_ptr_equal(onr_find_next(div, NULL, &by_tag), p);
    onr_query by_attr = {.attribute = "href", .value = "/x"};
    const onr_node *a = onr_find_next(root, NULL, &by_attr);
    assert_int_equal(onr_node_tag(a), ONR_TAG_A);
    onr_query wrong_value = {.attribute = "href", .value = "/y"};
    assert_null(onr_find_next(root, NULL, &wrong_value));

    const onr_node *comment = onr_node_next_sibling(p);
    assert_int_equal(onr_node_get_type(comment), ONR_NODE_COMMENT);
    const char *note = onr_node_data(comment, &len);
    assert_int_equal(len, 6);
    assert_memory_equal(note, " note ", 6);
    assert_null(onr_node_name(comment, NULL));

    /* the source offset of <h1> is where its start tag begins */
    assert_memory_equal(query_page + onr_node_source_offset(h1), "<h1>", 4);

    /* next_in never leaves its scope */
    size_t inside = 0;
    for (const onr_node *n = p; n; n = onr_node_next_in(p, n))
        inside++;
    assert_int_equal(inside, 4); /* p, "One ", b, "two" */
    onr_document_free(doc);
}

static void test_arguments_and_empty(void **state)
{
    (void)state;
    onr_document *doc;
    onr_error err;
    assert_int_equal(onr_html_parse(NULL, 3, NULL, NULL, &doc, &err), ONR_ERR_ARGUMENT);
    onr_html_options bad;
    onr_html_options_init(&bad);
    bad.size = 3;
    assert_int_equal(onr_html_parse("x", 1, &bad, NULL, &doc, &err), ONR_ERR_ARGUMENT);
    char *tree = parse_and_dump("", 0);
    assert_string_equal(tree, "| <html>\n|   <head>\n|   <body>\n");
    free(tree);
    tree = parse_and_dump("\xEF\xBB\xBFx\xFFy", 6);
    assert_string_equal(tree, "| <html>\n|   <head>\n|   <body>\n|     \"x\xEF\xBF\xBDy\"\n");
    free(tree);
    /* Over 1 GiB is refused before a byte is read (nodes keep 32-bit offsets and lengths). */
    assert_int_equal(onr_html_parse("x", ((size_t)1 << 30) + 1, NULL, NULL, &doc, &err), ONR_ERR_LIMIT);
    assert_null(doc);
}

/* An element keeps at most 65535 attributes, even when the options allow more. */
static void test_attribute_count_cap(void **state)
{
    (void)state;
    onr_buf html;
    onr_buf_init(&html, NULL);
    onr_buf_puts(&html, "<b");
    for (unsigned i = 0; i < 70000; i++)
        onr_buf_printf(&html, " a%u", i);
    onr_buf_puts(&html, ">x");
    assert_false(html.failed);
    onr_html_options options;
    onr_html_options_init(&options);
    options.max_attributes = 100000;
    onr_document *doc;
    assert_int_equal(onr_html_parse(html.data, html.len, &options, NULL, &doc, NULL), ONR_OK);
    onr_query b_tag = {.tag = ONR_TAG_B};
    const onr_node *b = onr_find_next(onr_document_root(doc), NULL, &b_tag);
    assert_non_null(b);
    assert_int_equal(onr_node_attribute_count(b), 65535);
    const char *name;
    size_t name_len;
    assert_true(onr_node_attribute_at(b, 65534, &name, &name_len, NULL, NULL));
    assert_int_equal(name_len, 6);
    assert_memory_equal(name, "a65534", 6);
    onr_document_free(doc);
    onr_buf_free(&html);
}

/* ---- allocation failures: every failing allocation gives ONR_ERR_NOMEM, nothing leaks ---- */

typedef struct failing_mem {
    long left;
} failing_mem;

static void *fail_malloc(void *ctx, size_t size)
{
    failing_mem *f = ctx;
    return f->left-- > 0 ? malloc(size) : NULL;
}
static void *fail_realloc(void *ctx, void *ptr, size_t size)
{
    failing_mem *f = ctx;
    return f->left-- > 0 ? realloc(ptr, size) : NULL;
}
static void fail_free(void *ctx, void *ptr)
{
    (void)ctx;
    free(ptr);
}

static void test_allocation_failures(void **state)
{
    (void)state;
    static const char page[] = "<table><b>x<tr><td>&amp;<svg><p>y</table><template><i>z</template><p>last";
    bool succeeded = false;
    for (long n = 0; n < 1000 && !succeeded; n++) {
        failing_mem f = {n};
        onr_mem mem = {fail_malloc, fail_realloc, fail_free, &f};
        onr_document *doc = NULL;
        onr_status status = onr_html_parse(page, sizeof page - 1, NULL, &mem, &doc, NULL);
        if (status == ONR_OK) {
            succeeded = true;
            onr_document_free(doc);
        } else {
            assert_int_equal(status, ONR_ERR_NOMEM);
            assert_null(doc);
        }
    }
    assert_true(succeeded);
}

/* ---- limits ---- */

static size_t tree_depth(const onr_node *root)
{
    size_t depth = 1, max = 0;
    for (const onr_node *n = onr_node_first_child(root); n;) {
        if (depth > max)
            max = depth;
        if (onr_node_first_child(n)) {
            n = onr_node_first_child(n);
            depth++;
            continue;
        }
        while (n != root && !onr_node_next_sibling(n)) {
            n = onr_node_parent(n);
            depth--;
        }
        n = n == root ? NULL : onr_node_next_sibling(n);
    }
    return max;
}

/* The page parsed with max_depth 50, which its tree must keep to. */
static onr_document *parse_capped(const onr_buf *html)
{
    onr_html_options options;
    onr_html_options_init(&options);
    options.max_depth = 50;
    onr_document *doc;
    assert_int_equal(onr_html_parse(html->data, html->len, &options, NULL, &doc, NULL), ONR_OK);
    assert_true(tree_depth(onr_document_root(doc)) <= 50);
    return doc;
}

static void test_depth_cap_keeps_content(void **state)
{
    (void)state;
    onr_buf html;
    onr_buf_init(&html, NULL);
    for (int i = 0; i < 2000; i++)
        onr_buf_printf(&html, "<div>%d", i % 10);
    onr_document *doc = parse_capped(&html);
    size_t text_len = onr_node_text(onr_document_root(doc), NULL, 0);
    assert_int_equal(text_len, 2000);
    onr_document_free(doc);
    onr_buf_free(&html);
}

/* The adoption agency moves nodes under new elements: the tree it deepens is capped too, as is
 * one whose deep stack a </form> reshaped. */
static void test_depth_cap_after_adoption(void **state)
{
    (void)state;
    static const char *const units[] = {"<b><div></b>", "<form><div><p>x</form>"};
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        onr_buf html;
        onr_buf_init(&html, NULL);
        for (int i = 0; i < 500; i++)
            onr_buf_puts(&html, units[u]);
        onr_document_free(parse_capped(&html));
        onr_buf_free(&html);
    }
}

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* `count` repetitions of `unit`, then `tail` once. */
static onr_buf repeated(const char *unit, size_t count, const char *tail)
{
    onr_buf html;
    onr_buf_init(&html, NULL);
    size_t unit_len = strlen(unit);
    for (size_t i = 0; i < count; i++)
        onr_buf_append(&html, unit, unit_len);
    onr_buf_puts(&html, tail);
    assert_false(html.failed);
    return html;
}

/* The depth of the tree below `node` counting a template's content children one level below the
 * template (the fragment node is not a level), and the text in it, contents included. Recursive: the
 * cap keeps it shallow. */
static size_t depth_with_contents(const onr_node *node, size_t depth, size_t *text_len)
{
    size_t max = depth;
    const onr_node *content = onr_node_template_content(node);
    if (content) {
        size_t d = depth_with_contents(content, depth, text_len);
        max = d > max ? d : max;
    }
    for (const onr_node *c = onr_node_first_child(node); c; c = onr_node_next_sibling(c)) {
        if (onr_node_get_type(c) == ONR_NODE_TEXT) {
            size_t len;
            onr_node_data(c, &len);
            *text_len += len;
        }
        size_t d = depth_with_contents(c, depth + 1, text_len);
        max = d > max ? d : max;
    }
    return max;
}

/* Templates nest inside template contents, which the cap reaches as well: the tree stays within one
 * level of the cap (a template at the cap holds its content one level below it) and keeps its text,
 * whether the templates nest directly or inside elements that sit at the cap. */
static void test_depth_cap_reaches_template_contents(void **state)
{
    (void)state;
    static const char *const units[] = {"<template>x", "<template><b><template><form><li><form><form>x"};
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        onr_buf html = repeated(units[u], 100000, "");
        onr_html_options options;
        onr_html_options_init(&options);
        options.max_depth = 4;
        onr_document *doc;
        assert_int_equal(onr_html_parse(html.data, html.len, &options, NULL, &doc, NULL), ONR_OK);
        size_t text_len = 0;
        assert_true(depth_with_contents(onr_document_root(doc), 0, &text_len) <= 5);
        assert_int_equal(text_len, 100000);
        onr_document_free(doc);
        onr_buf_free(&html);
    }
}

/* CPU seconds of one parse + free. A fast input is parsed again until 20 ms have been spent, so
 * that the clock's granularity and one interruption weigh little against the measured time. */
static double time_parse(const onr_buf *html)
{
    size_t runs = 0;
    double start = cpu_seconds(), spent;
    do {
        onr_document *doc;
        assert_int_equal(onr_html_parse(html->data, html->len, NULL, NULL, &doc, NULL), ONR_OK);
        onr_document_free(doc);
        runs++;
        spent = cpu_seconds() - start;
    } while (spent < 0.02);
    return spent / (double)runs;
}

/* Linear means 4x the input takes about 4x the time; quadratic would take 16x. Sizes start at
 * 100,000 units: below that, timings sit in cache transitions (50,000 to 200,000 measured 9-16x
 * while 200,000 to 800,000 measured 4x). The bound is
 * generous because a 4x larger tree also falls out of the caches (a deep tree of 200,000 nodes
 * measures about 8x here). Times are CPU time, each size the best of five runs, so that other
 * processes on a busy machine do not count. */
static void check_linear(const char *what, const char *unit, size_t n, const char *tail)
{
    onr_buf small_html = repeated(unit, n, tail), large_html = repeated(unit, 4 * n, tail);
    double small = 1e9, large = 1e9;
    for (int r = 0; r < 5; r++) {
        double s = time_parse(&small_html), l = time_parse(&large_html);
        small = s < small ? s : small;
        large = l < large ? l : large;
    }
    onr_buf_free(&small_html);
    onr_buf_free(&large_html);
    double ratio = large / small;
    print_message("%-28s n=%zu: %.4f s, 4n: %.4f s, ratio %.1f\n", what, n, small, large, ratio);
    assert_true(ratio < 10.0);
}

static void test_pathological_inputs(void **state)
{
    (void)state;
    check_linear("deep nesting <div>", "<div>", 100000, "x");
    check_linear("nested <span> with text", "<span>x", 100000, "");
    check_linear("unclosed <p>", "<p>x", 100000, "");
    check_linear("unclosed <a>", "<a href=x>x", 100000, "");
    check_linear("unclosed <table>", "<table>", 100000, "x");
    check_linear("table cells text", "<table><tr><td>x", 100000, "");
    check_linear("formatting bomb <b><i>", "<b><i></b></i>", 100000, "x");
    check_linear("formatting with blocks", "<b><p><i><div></b>x</i>", 100000, "");
    check_linear("distinct <b> attributes", "<b id=1><b id=2><b class=x>y", 100000, "");
    check_linear("nested <select>/<option>", "<select><option>", 100000, "x");
    check_linear("foster parented text", "<table>x<tr><td>y</td></tr>z", 100000, "");
    check_linear("svg nesting", "<svg><g>", 100000, "x");
    check_linear("nested <li>/<dd>", "<ul><li><dl><dd>", 100000, "x");
}

static void test_million_nested_elements(void **state)
{
    (void)state;
    onr_buf html;
    onr_buf_init(&html, NULL);
    for (int i = 0; i < 1000000; i++)
        onr_buf_puts(&html, "<i>");
    onr_buf_puts(&html, "deep");
    onr_document *doc;
    assert_int_equal(onr_html_parse(html.data, html.len, NULL, NULL, &doc, NULL), ONR_OK);
    const onr_node *root = onr_document_root(doc);
    assert_true(tree_depth(root) <= 400);
    char text[8];
    assert_int_equal(onr_node_text(root, text, sizeof text), 4);
    assert_string_equal(text, "deep");
    onr_document_free(doc);
    onr_buf_free(&html);
}

int main(void)
{
#ifdef __GLIBC__
    /* Keep freed memory in the heap, so that repeated parses reuse pages instead of faulting
     * fresh ones in: page faults otherwise dominate the large inputs' times and blur the ratio. */
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec_fixtures),
        cmocka_unit_test(test_query_api),
        cmocka_unit_test(test_arguments_and_empty),
        cmocka_unit_test(test_attribute_count_cap),
        cmocka_unit_test(test_allocation_failures),
        cmocka_unit_test(test_depth_cap_keeps_content),
        cmocka_unit_test(test_depth_cap_after_adoption),
        cmocka_unit_test(test_depth_cap_reaches_template_contents),
        cmocka_unit_test(test_pathological_inputs),
        cmocka_unit_test(test_million_nested_elements),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
