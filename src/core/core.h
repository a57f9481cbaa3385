/* Core services every stage uses: the allocator hook, arenas, growable buffers, errors, UTF-8.
 * Internal to the library; the public API is include/onrecord.h. */
#ifndef ONR_CORE_H
#define ONR_CORE_H

#include "onrecord.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define ONR_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define ONR_LIKELY(x) __builtin_expect(!!(x), 1)
#define ONR_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define ONR_PRINTF(f, a)
#define ONR_LIKELY(x) (x)
#define ONR_UNLIKELY(x) (x)
#endif

/* ---- allocation ---- */

/* `mem` or the default allocator when NULL. */
const onr_mem *onr_mem_or_default(const onr_mem *mem);
void *onr_malloc(const onr_mem *mem, size_t size);
void *onr_realloc(const onr_mem *mem, void *ptr, size_t size);
void onr_free(const onr_mem *mem, void *ptr);
/* Multiplies with an overflow check: false when a*b does not fit. */
bool onr_size_mul(size_t a, size_t b, size_t *out);

/* ---- arena: bump allocation in chunks, freed all at once ---- */

typedef struct onr_arena_chunk onr_arena_chunk;
typedef struct onr_arena {
    const onr_mem *mem;
    onr_arena_chunk *chunk;   /* the chunk being filled; older ones follow its `prev` */
    size_t next_size;         /* size of the next chunk to allocate; doubles up to a cap */
    size_t total;             /* bytes obtained from `mem`, for memory accounting */
} onr_arena;

void onr_arena_init(onr_arena *arena, const onr_mem *mem, size_t first_chunk);
/* Memory aligned for any object, or NULL when the allocator fails. */
void *onr_arena_alloc(onr_arena *arena, size_t size);
void *onr_arena_calloc(onr_arena *arena, size_t count, size_t size);
char *onr_arena_strndup(onr_arena *arena, const char *s, size_t len);
void onr_arena_free(onr_arena *arena);

/* ---- growable byte buffer ---- */

typedef struct onr_buf {
    const onr_mem *mem;
    char *data;     /* NUL-terminated whenever ok is true and data is not NULL */
    size_t len;
    size_t cap;
    bool failed;    /* an allocation failed; further appends do nothing */
} onr_buf;

void onr_buf_init(onr_buf *buf, const onr_mem *mem);
void onr_buf_free(onr_buf *buf);
void onr_buf_clear(onr_buf *buf);
/* Room for `extra` more bytes (plus a NUL). False, and `failed` set, when allocation fails. */
bool onr_buf_reserve(onr_buf *buf, size_t extra);
/* The out-of-line part of onr_buf_append: growing the buffer first. */
void onr_buf_append_growing(onr_buf *buf, const char *s, size_t len);
/* Inline while there is room: the JSON writer appends runs between escapes by the hundred thousand. */
static inline void onr_buf_append(onr_buf *buf, const char *s, size_t len)
{
    if (buf->cap - buf->len > len && !buf->failed) {
        if (len)
            memcpy(buf->data + buf->len, s, len);
        buf->len += len;
        buf->data[buf->len] = '\0';
        return;
    }
    onr_buf_append_growing(buf, s, len);
}
/* Inline: the length of a literal is then known at compile time. */
static inline void onr_buf_puts(onr_buf *buf, const char *s) { onr_buf_append(buf, s, strlen(s)); }
/* Inline while there is room: the renderers write punctuation a byte at a time. */
static inline void onr_buf_putc(onr_buf *buf, char c)
{
    if (buf->cap - buf->len >= 2 && !buf->failed) {
        buf->data[buf->len++] = c;
        buf->data[buf->len] = '\0';
        return;
    }
    onr_buf_append(buf, &c, 1);
}
void onr_buf_printf(onr_buf *buf, const char *fmt, ...) ONR_PRINTF(2, 3);
/* Hands the bytes to the caller (free with the buffer's allocator) and resets the buffer. */
char *onr_buf_detach(onr_buf *buf, size_t *len);

/* ---- JSON writing into a buffer ---- */

/* A JSON string literal with quotes; invalid UTF-8 is written as U+FFFD. */
void onr_buf_json_string(onr_buf *buf, const char *s, size_t len);
/* The string literal, or null for a string without data (an absent field). */
void onr_buf_json_string_or_null(onr_buf *buf, onr_string s);
/* The length of the run at s that a JSON string holds as it is: printable ASCII but '"' and '\\'. */
size_t onr_json_plain_run(const char *s, size_t len);

/* ---- errors ---- */

/* Fills `err` (may be NULL) and returns `status`, so that `return onr_fail(...)` reads well. */
onr_status onr_fail(onr_error *err, onr_status status, size_t offset, const char *fmt, ...)
    ONR_PRINTF(4, 5);

/* ---- UTF-8 ---- */

#define ONR_REPLACEMENT_CHAR 0xFFFDu

/* Decodes one code point at s[0..len). Returns the bytes used (>= 1 when len > 0); an invalid or
 * truncated sequence yields U+FFFD and consumes one byte (WHATWG decoder behaviour for maximal
 * subparts is approximated by one byte per error). */
size_t onr_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
/* Writes the UTF-8 form of `cp` (surrogates and values past U+10FFFF become U+FFFD) into out[4];
 * returns the length. */
size_t onr_utf8_encode(uint32_t cp, char *out);
/* Length of the longest valid UTF-8 prefix of s. */
size_t onr_utf8_valid_prefix(const char *s, size_t len);
/* Appends s to buf, replacing invalid sequences by U+FFFD. */
void onr_buf_append_utf8_clean(onr_buf *buf, const char *s, size_t len);
/* Number of code points in s (each invalid byte counts as one). */
size_t onr_utf8_count(const char *s, size_t len);

/* ---- ASCII helpers (locale-independent) ---- */

static inline char onr_ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c; }
static inline bool onr_ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
/* Inline: the extractor compares attribute names and values with it by the hundred thousand, most
 * of them ruled out by their length. */
static inline bool onr_ascii_ieq(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen != blen)
        return false;
    for (size_t i = 0; i < alen; i++)
        if (onr_ascii_lower(a[i]) != onr_ascii_lower(b[i]))
            return false;
    return true;
}

/* ---- text ---- */

/* Copies src to dst with runs of white space (ASCII and Unicode spaces such as NBSP) turned into
 * one ASCII space, zero-width characters dropped, and no space at either end. dst may be src;
 * it needs room for len bytes. Returns the new length. */
size_t onr_collapse_space(char *dst, const char *src, size_t len);

#endif /* ONR_CORE_H */
