/* A test allocator for the onr_mem hook: counts allocations, live blocks and peak bytes, and can
 * fail the Nth allocation, or every one from the Nth on. Shared by the tests of allocation
 * failures and pathological input and by the fuzz targets, which check that every run frees everything it allocated. Header-only on purpose: each
 * test is one program made from one file. */
#ifndef ONR_TEST_MEM_H
#define ONR_TEST_MEM_H

#include "onrecord.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef struct test_mem {
    onr_mem mem;          /* hand &t->mem to the library; its ctx points back here */
    size_t fail_at;       /* the allocation (1-based, malloc or realloc) to fail; 0: none */
    size_t fail_from;     /* the first of the allocations that all fail from then on; 0: none */
    size_t calls;         /* malloc and realloc calls so far */
    size_t failures;      /* how many were failed */
    size_t live_blocks;
    size_t live_bytes;
    size_t peak_bytes;
} test_mem;

/* Each block carries its size in front, so that frees and reallocs keep the byte counts exact. */
typedef union test_mem_header {
    size_t size;
    max_align_t align;
} test_mem_header;

static inline int test_mem_should_fail(test_mem *t)
{
    t->calls++;
    if ((t->fail_at && t->calls == t->fail_at) || (t->fail_from && t->calls >= t->fail_from)) {
        t->failures++;
        return 1;
    }
    return 0;
}

static inline void test_mem_grew(test_mem *t, size_t old_size, size_t new_size)
{
    t->live_bytes = t->live_bytes - old_size + new_size;
    if (t->live_bytes > t->peak_bytes)
        t->peak_bytes = t->live_bytes;
}

static inline void *test_mem_malloc(void *ctx, size_t size)
{
    test_mem *t = ctx;
    if (test_mem_should_fail(t) || size > (size_t)-1 - sizeof(test_mem_header))
        return NULL;
    test_mem_header *h = malloc(sizeof *h + size);
    if (!h)
        return NULL;
    h->size = size;
    t->live_blocks++;
    test_mem_grew(t, 0, size);
    return h + 1;
}

static inline void test_mem_free(void *ctx, void *ptr)
{
    test_mem *t = ctx;
    if (!ptr)
        return;
    test_mem_header *h = (test_mem_header *)ptr - 1;
    t->live_blocks--;
    t->live_bytes -= h->size;
    free(h);
}

static inline void *test_mem_realloc(void *ctx, void *ptr, size_t size)
{
    test_mem *t = ctx;
    if (!ptr)
        return test_mem_malloc(ctx, size);
    if (test_mem_should_fail(t) || size > (size_t)-1 - sizeof(test_mem_header))
        return NULL;
    test_mem_header *h = (test_mem_header *)ptr - 1;
    size_t old_size = h->size;
    test_mem_header *moved = realloc(h, sizeof *h + size);
    if (!moved)
        return NULL;
    moved->size = size;
    test_mem_grew(t, old_size, size);
    return moved + 1;
}

/* A fresh allocator that fails allocation number `fail_at` (0: never). */
static inline void test_mem_init(test_mem *t, size_t fail_at)
{
    memset(t, 0, sizeof *t);
    t->mem.malloc = test_mem_malloc;
    t->mem.realloc = test_mem_realloc;
    t->mem.free = test_mem_free;
    t->mem.ctx = t;
    t->fail_at = fail_at;
}

/* A fresh allocator whose first `allowed` allocations succeed and all later ones fail. */
static inline void test_mem_init_allowing(test_mem *t, size_t allowed)
{
    test_mem_init(t, 0);
    t->fail_from = allowed + 1;
}

#endif /* ONR_TEST_MEM_H */
