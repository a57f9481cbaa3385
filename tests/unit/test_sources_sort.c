/* Sourcing audit, the stable sort: equal keys keep their input order (qsort promises nothing
 * there, and glibc 2.37 and later do reorder them), and a failed allocation leaves the array. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sources/sources_internal.h"

typedef struct keyed {
    int key;
    int input; /* the position before sorting */
} keyed;

static int compare_keys(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}

static void keeps_equal_keys_in_input_order(void **state)
{
    (void)state;
    enum { N = 103 };
    keyed items[N];
    for (int i = 0; i < N; i++)
        items[i] = (keyed){(i * 37) % 5, i}; /* five keys, interleaved */
    assert_true(src_stable_sort(NULL, items, N, sizeof *items, compare_keys));
    for (int i = 1; i < N; i++) {
        assert_true(items[i - 1].key <= items[i].key);
        if (items[i - 1].key == items[i].key)
            assert_true(items[i - 1].input < items[i].input);
    }
}

static void merges_two_runs_as_src_attribute_makes_them(void **state)
{
    (void)state;
    /* Two direct quotes first, then reported speech over the same spans, as src_attribute
     * makes them: each span's direct quote stays before its reported clause. */
    keyed spans[] = {{40, 0}, {10, 1}, {10, 2}, {40, 3}, {25, 4}};
    assert_true(src_stable_sort(NULL, spans, 5, sizeof *spans, compare_keys));
    const int inputs[] = {1, 2, 4, 0, 3};
    for (int i = 0; i < 5; i++)
        assert_int_equal(spans[i].input, inputs[i]);
}

static void *fail_malloc(void *ctx, size_t size)
{
    (void)ctx;
    (void)size;
    return NULL;
}

static void fails_without_memory_and_leaves_the_array(void **state)
{
    (void)state;
    const onr_mem failing = {fail_malloc, NULL, NULL, NULL};
    keyed items[] = {{2, 0}, {1, 1}, {0, 2}};
    assert_false(src_stable_sort(&failing, items, 3, sizeof *items, compare_keys));
    for (int i = 0; i < 3; i++)
        assert_int_equal(items[i].input, i);
    keyed sorted[] = {{0, 0}, {0, 1}, {1, 2}}; /* already in order: nothing to allocate */
    assert_true(src_stable_sort(&failing, sorted, 3, sizeof *sorted, compare_keys));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keeps_equal_keys_in_input_order),
        cmocka_unit_test(merges_two_runs_as_src_attribute_makes_them),
        cmocka_unit_test(fails_without_memory_and_leaves_the_array),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
