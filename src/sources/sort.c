/* A stable sort for the arrays of the sourcing audit: the order qsort gives equal elements
 * differs between C libraries (glibc 2.37 gave up its merge sort), and that order shows in
 * the output, so equal elements keep their input order here on every platform. */
#include <string.h>

#include "sources/sources_internal.h"

/* The end of the ascending run that starts at `lo`: the sort merges the runs the input has. */
static size_t run_end(const char *base, size_t lo, size_t n, size_t size, src_compare cmp)
{
    size_t i = lo + 1;
    while (i < n && cmp(base + (i - 1) * size, base + i * size) <= 0)
        i++;
    return i;
}

/* Merges the sorted runs [lo, mid) and [mid, hi) of `from` into `to`; on ties the left run's
 * element goes first, which keeps the sort stable. */
static void merge_runs(const char *from, char *to, size_t lo, size_t mid, size_t hi, size_t size,
                       src_compare cmp)
{
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
        const char *take = cmp(from + j * size, from + i * size) < 0 ? from + j++ * size : from + i++ * size;
        memcpy(to + k++ * size, take, size);
    }
    memcpy(to + k * size, from + i * size, (mid - i) * size);
    k += mid - i;
    memcpy(to + k * size, from + j * size, (hi - j) * size);
}

bool src_stable_sort(const onr_mem *mem, void *base, size_t n, size_t size, src_compare cmp)
{
    size_t bytes;
    if (n < 2 || run_end(base, 0, n, size, cmp) == n)
        return true;
    if (!onr_size_mul(n, size, &bytes))
        return false;
    char *scratch = onr_malloc(mem, bytes), *from = base, *to = scratch;
    if (!scratch)
        return false;
    /* Natural merge sort: each pass merges neighbouring runs pairwise, back and forth between the
     * two arrays; attributions come as a few long runs (direct quotes, then reported speech). */
    for (size_t runs = 2; runs > 1;) {
        runs = 0;
        for (size_t lo = 0; lo < n; runs++) {
            size_t mid = run_end(from, lo, n, size, cmp);
            size_t hi = mid < n ? run_end(from, mid, n, size, cmp) : n;
            merge_runs(from, to, lo, mid, hi, size, cmp);
            lo = hi;
        }
        char *swap = from;
        from = to;
        to = swap;
    }
    if (from != base)
        memcpy(base, from, bytes);
    onr_free(mem, scratch);
    return true;
}
