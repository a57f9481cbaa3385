/* Shared by the fuzz targets: leading bytes that choose options, and the allocator check that
 * every run frees what it allocated. Each target is a libFuzzer entry point; replay_main.c turns
 * it into a plain program that replays a corpus (for ctest). */
#ifndef ONR_FUZZ_H
#define ONR_FUZZ_H

#include "onrecord.h"
#include "test_mem.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input left after the leading option bytes have been taken. */
typedef struct fuzz_input {
    const uint8_t *data;
    size_t len;
} fuzz_input;

/* The next leading byte, or 0 once the input is used up. */
static inline unsigned fuzz_take_byte(fuzz_input *in)
{
    if (in->len == 0)
        return 0;
    unsigned b = in->data[0];
    in->data++;
    in->len--;
    return b;
}

/* The allocator a run uses. When the flags ask for it, the allocation numbered by the next byte
 * fails, so that the fuzzer explores the error paths too (1..256). */
static inline void fuzz_mem_init(test_mem *t, unsigned flags, unsigned fail_bit, fuzz_input *in)
{
    size_t fail_at = 0;
    if (flags & fail_bit)
        fail_at = 1 + fuzz_take_byte(in);
    test_mem_init(t, fail_at);
}

/* A status is acceptable after an injected failure only if it is success or ONR_ERR_NOMEM. */
static inline void fuzz_check_status(const test_mem *t, onr_status status, const char *what)
{
    if (t->failures > 0 && status != ONR_OK && status != ONR_ERR_NOMEM) {
        fprintf(stderr, "%s: allocation %zu failed but the status was %s, not nomem\n", what,
                t->fail_at, onr_status_name(status));
        abort();
    }
}

/* Every block must be back once the objects of a run are freed. */
static inline void fuzz_check_no_leak(const test_mem *t, const char *what)
{
    if (t->live_blocks != 0) {
        fprintf(stderr, "%s: %zu blocks (%zu bytes) still allocated after freeing\n", what,
                t->live_blocks, t->live_bytes);
        abort();
    }
}

/* Strict UTF-8 check (no overlong forms, surrogates or values past U+10FFFF), written here so the
 * targets test the library's promise of valid UTF-8 against an independent reading. */
static inline int fuzz_valid_utf8(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned c = p[i];
        size_t n;
        unsigned min, cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 1, min = 0x80, cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2, min = 0x800, cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3, min = 0x10000, cp = c & 0x07;
        } else {
            return 0;
        }
        if (len - i <= n)
            return 0;
        for (size_t k = 1; k <= n; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += n + 1;
    }
    return 1;
}

/* Stops the run, naming what broke, so that the fuzzer records the input as a crash. */
static inline void fuzz_require(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz check failed: %s\n", what);
        abort();
    }
}

/* A rendering's bytes: terminated, UTF-8 and, for JSON, one value that parses. */
static inline void fuzz_check_rendering(const char *out, size_t len, int json)
{
    fuzz_require(out[len] == '\0', "rendering is terminated");
    fuzz_require(fuzz_valid_utf8(out, len), "rendering is UTF-8");
    if (!json)
        return;
    json_error_t jerr;
    json_t *value = json_loadb(out, len, JSON_ALLOW_NUL, &jerr);
    if (!value)
        fprintf(stderr, "JSON error at %d: %s\n", jerr.position, jerr.text);
    fuzz_require(value != NULL, "JSON rendering parses");
    json_decref(value);
}

#endif /* ONR_FUZZ_H */
