/* The allocator hook and the arena that every document and article allocates from. */
#include "core.h"

#include <stdlib.h>
#include <string.h>

static void *std_malloc(void *ctx, size_t size)
{
    (void)ctx;
    return malloc(size);
}

static void *std_realloc(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    return realloc(ptr, size);
}

static void std_free(void *ctx, void *ptr)
{
    (void)ctx;
    free(ptr);
}

static const onr_mem default_mem = {std_malloc, std_realloc, std_free, NULL};

const onr_mem *onr_default_mem(void) { return &default_mem; }

const onr_mem *onr_mem_or_default(const onr_mem *mem) { return mem ? mem : &default_mem; }

void *onr_malloc(const onr_mem *mem, size_t size)
{
    mem = onr_mem_or_default(mem);
    return mem->malloc(mem->ctx, size ? size : 1);
}

void *onr_realloc(const onr_mem *mem, void *ptr, size_t size)
{
    mem = onr_mem_or_default(mem);
    return mem->realloc(mem->ctx, ptr, size ? size : 1);
}

void onr_free(const onr_mem *mem, void *ptr)
{
    if (!ptr)
        return;
    mem = onr_mem_or_default(mem);
    mem->free(mem->ctx, ptr);
}

bool onr_size_mul(size_t a, size_t b, size_t *out)
{
    if (b && a > SIZE_MAX / b)
        return false;
    *out = a * b;
    return true;
}

/* ---- arena ---- */

struct onr_arena_chunk {
    onr_arena_chunk *prev;
    size_t used;
    size_t size;
    max_align_t data[];
};

#define ARENA_ALIGN (_Alignof(max_align_t))

/* Under AddressSanitizer the unused part of each chunk is poisoned and every allocation is followed
 * by a poisoned red zone, so that an overrun of one arena object into the next is reported as
 * malloc'ed memory would be. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ONR_ARENA_ASAN 1
#endif
#endif
#if !defined(ONR_ARENA_ASAN) && defined(__SANITIZE_ADDRESS__)
#define ONR_ARENA_ASAN 1
#endif
#ifdef ONR_ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define ARENA_RED_ZONE ARENA_ALIGN
#define ARENA_POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define ARENA_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define ARENA_RED_ZONE 0
#define ARENA_POISON(p, n) ((void)(p), (void)(n))
#define ARENA_UNPOISON(p, n) ((void)(p), (void)(n))
#endif
#define ARENA_MAX_CHUNK ((size_t)4 << 20)

void onr_arena_init(onr_arena *arena, const onr_mem *mem, size_t first_chunk)
{
    arena->mem = onr_mem_or_default(mem);
    arena->chunk = NULL;
    arena->next_size = first_chunk ? first_chunk : 4096;
    arena->total = 0;
}

static onr_arena_chunk *arena_grow(onr_arena *arena, size_t need)
{
    size_t size = arena->next_size;
    if (size < need)
        size = need;
    if (size > SIZE_MAX - sizeof(onr_arena_chunk))
        return NULL;
    onr_arena_chunk *chunk = onr_malloc(arena->mem, sizeof(onr_arena_chunk) + size);
    if (!chunk)
        return NULL;
    chunk->prev = arena->chunk;
    chunk->used = 0;
    chunk->size = size;
    ARENA_POISON(chunk->data, size);
    arena->chunk = chunk;
    arena->total += sizeof(onr_arena_chunk) + size;
    if (arena->next_size < ARENA_MAX_CHUNK) /* doubling, but never past the cap: 3 MB grows to 4 */
        arena->next_size = arena->next_size < ARENA_MAX_CHUNK / 2 ? arena->next_size * 2 : ARENA_MAX_CHUNK;
    return chunk;
}

void *onr_arena_alloc(onr_arena *arena, size_t size)
{
    if (size > SIZE_MAX - 2 * ARENA_ALIGN - ARENA_RED_ZONE)
        return NULL;
    size_t asked = size;
    size = (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
    if (size == 0)
        size = ARENA_ALIGN;
    size += ARENA_RED_ZONE;
    onr_arena_chunk *chunk = arena->chunk;
    if (!chunk || chunk->size - chunk->used < size) {
        chunk = arena_grow(arena, size);
        if (!chunk)
            return NULL;
    }
    void *p = (char *)chunk->data + chunk->used;
    chunk->used += size;
    ARENA_UNPOISON(p, asked);
    return p;
}

void *onr_arena_calloc(onr_arena *arena, size_t count, size_t size)
{
    size_t total;
    if (!onr_size_mul(count, size, &total))
        return NULL;
    void *p = onr_arena_alloc(arena, total);
    if (p)
        memset(p, 0, total);
    return p;
}

char *onr_arena_strndup(onr_arena *arena, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *p = onr_arena_alloc(arena, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void onr_arena_free(onr_arena *arena)
{
    onr_arena_chunk *chunk = arena->chunk;
    while (chunk) {
        onr_arena_chunk *prev = chunk->prev;
        ARENA_UNPOISON(chunk->data, chunk->size);
        onr_free(arena->mem, chunk);
        chunk = prev;
    }
    arena->chunk = NULL;
    arena->total = 0;
}
