/* Core: arenas, buffers, JSON strings, UTF-8 and gzip reading. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "core/core.h"

static void arena_allocations_are_aligned_and_large_ones_fit(void **state)
{
    (void)state;
    onr_arena arena;
    onr_arena_init(&arena, NULL, 64);
    for (int i = 1; i < 100; i++) {
        char *p = onr_arena_alloc(&arena, (size_t)i * 7);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
        memset(p, 'x', (size_t)i * 7);
    }
    assert_non_null(onr_arena_alloc(&arena, 1 << 20));
    assert_null(onr_arena_alloc(&arena, SIZE_MAX - 4));
    assert_string_equal(onr_arena_strndup(&arena, "hello", 3), "hel");
    onr_arena_free(&arena);
}

static void json_strings_are_escaped_and_repaired(void **state)
{
    (void)state;
    onr_buf buf;
    onr_buf_init(&buf, NULL);
    onr_buf_json_string(&buf, "a\"b\\c\n\x01 \xC3\xA9 \xFF end", 16);
    assert_string_equal(buf.data, "\"a\\\"b\\\\c\\n\\u0001 \xC3\xA9 \xEF\xBF\xBD end\"");
    onr_buf_free(&buf);
}

/* Every kind of byte at every offset of a long plain run (the fast paths look 8 or 16 bytes at a
 * time), and sequences cut short by the string's end. */
static void json_escapes_do_not_depend_on_their_offset(void **state)
{
    (void)state;
    static const char *const pieces[][2] = {
        {"\"", "\\\""}, {"\x1f", "\\u001f"}, {"\x7f", "\x7f"}, {"\xC3\xA9", "\xC3\xA9"},
        {"\xE2\x80\x9C", "\xE2\x80\x9C"}, {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},
        {"\xE0\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"}, /* overlong */
        {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"}, /* surrogate */
        {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"}};
    onr_buf in, want, got;
    onr_buf_init(&in, NULL);
    onr_buf_init(&want, NULL);
    onr_buf_init(&got, NULL);
    for (size_t p = 0; p < sizeof pieces / sizeof pieces[0]; p++) {
        for (size_t at = 0; at < 40; at++) {
            onr_buf_clear(&in);
            onr_buf_clear(&want);
            onr_buf_clear(&got);
            for (size_t k = 0; k < at; k++)
                onr_buf_putc(&in, (char)('a' + k % 26));
            onr_buf_printf(&want, "\"%s%s", in.data ? in.data : "", pieces[p][1]);
            onr_buf_puts(&in, pieces[p][0]);
            onr_buf_puts(&in, "0123456789abcdefghij");
            onr_buf_puts(&want, "0123456789abcdefghij\"");
            onr_buf_json_string(&got, in.data, in.len);
            assert_string_equal(got.data, want.data);
        }
    }
    onr_buf_clear(&got);
    onr_buf_json_string(&got, "abc\xE2\x80", 5);
    assert_string_equal(got.data, "\"abc\xEF\xBF\xBD\xEF\xBF\xBD\"");
    onr_buf_free(&in);
    onr_buf_free(&want);
    onr_buf_free(&got);
}

static void buf_printf_handles_long_output(void **state)
{
    (void)state;
    onr_buf buf;
    onr_buf_init(&buf, NULL);
    char big[1000];
    memset(big, 'q', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    onr_buf_printf(&buf, "%d:%s", 42, big);
    assert_int_equal(buf.len, 3 + 999);
    assert_memory_equal(buf.data, "42:qqq", 6);
    onr_buf_free(&buf);
}

static void utf8_decoding_replaces_invalid_sequences(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(onr_utf8_decode((const unsigned char *)"\xE2\x80\x9C", 3, &cp), 3);
    assert_int_equal(cp, 0x201C);
    assert_int_equal(onr_utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp), 1); /* surrogate */
    assert_int_equal(cp, ONR_REPLACEMENT_CHAR);
    assert_int_equal(onr_utf8_decode((const unsigned char *)"\xC0\xAF", 2, &cp), 1); /* overlong */
    assert_int_equal(onr_utf8_decode((const unsigned char *)"\xE2\x80", 2, &cp), 1);   /* truncated */
    assert_int_equal(onr_utf8_count("a\xE2\x80\x9C\xFF", 5), 3);
    char out[4];
    assert_int_equal(onr_utf8_encode(0x1F600, out), 4);
    assert_int_equal(onr_utf8_encode(0xD800, out), 3);
    assert_memory_equal(out, "\xEF\xBF\xBD", 3);
}

/* The validator's shortcuts (eight ASCII bytes at a time, common two- and three-byte characters
 * without decoding) stop at the same byte as decoding would. */
static void utf8_validation_stops_at_the_first_invalid_byte(void **state)
{
    (void)state;
    const char ok[] = "He said \xE2\x80\x9Cyes\xE2\x80\x9D to caf\xC3\xA9 \xEF\xBF\xBD \xF0\x9F\x98\x80.";
    assert_int_equal(onr_utf8_valid_prefix(ok, sizeof ok - 1), sizeof ok - 1);
    assert_int_equal(onr_utf8_valid_prefix("abcdefghij\xED\xA0\x80", 13), 10); /* surrogate */
    assert_int_equal(onr_utf8_valid_prefix("abc\xE0\x80\xAF", 6), 3);          /* overlong */
    assert_int_equal(onr_utf8_valid_prefix("abcdefgh\xE2\x80", 10), 8);         /* truncated */
    assert_int_equal(onr_utf8_valid_prefix("ab\xC3", 3), 2);
    assert_int_equal(onr_utf8_valid_prefix("a\xC3\xA9" "b\xC3(", 6), 4);         /* no continuation */
    assert_int_equal(onr_utf8_valid_prefix("abcdefg\xC3\xA9\xFF", 10), 9);
}

static void gunzip_inflates_and_reports_truncation(void **state)
{
    (void)state;
    const char *text = "<p>hello, gzip</p>";
    unsigned char packed[128];
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    assert_int_equal(deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    zs.next_in = (Bytef *)text;
    zs.avail_in = (uInt)strlen(text);
    zs.next_out = packed;
    zs.avail_out = sizeof packed;
    assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
    size_t packed_len = sizeof packed - zs.avail_out;
    deflateEnd(&zs);

    char *out;
    size_t len;
    onr_error err;
    assert_int_equal(onr_gunzip((char *)packed, packed_len, 0, NULL, &out, &len, &err), ONR_OK);
    assert_int_equal(len, strlen(text));
    assert_string_equal(out, text);
    free(out);

    assert_int_equal(onr_gunzip((char *)packed, packed_len - 6, 0, NULL, &out, &len, &err), ONR_ERR_FORMAT);
    assert_non_null(strstr(err.message, "truncated"));
    assert_int_equal(onr_gunzip((char *)packed, packed_len, 5, NULL, &out, &len, &err), ONR_ERR_LIMIT);
}

static void read_file_names_the_missing_path(void **state)
{
    (void)state;
    char *out;
    size_t len;
    onr_error err;
    assert_int_equal(onr_read_file("/nonexistent/page.html", 0, NULL, &out, &len, &err), ONR_ERR_IO);
    assert_non_null(strstr(err.message, "/nonexistent/page.html"));
    assert_string_equal(onr_status_name(ONR_ERR_NO_ARTICLE), "no-article");
}

typedef struct {
    unsigned allocations; /* malloc and realloc calls */
} alloc_counter;

static void *counting_malloc(void *ctx, size_t size)
{
    ((alloc_counter *)ctx)->allocations++;
    return malloc(size);
}

static void *counting_realloc(void *ctx, void *ptr, size_t size)
{
    ((alloc_counter *)ctx)->allocations++;
    return realloc(ptr, size);
}

static void counting_free(void *ctx, void *ptr)
{
    (void)ctx;
    free(ptr);
}

/* A regular file is read into one buffer of its size, not grown by doubling; the cap still holds. */
static void read_file_allocates_once_for_a_regular_file(void **state)
{
    (void)state;
    char path[] = "/tmp/onr-read-file-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    assert_non_null(f);
    for (int i = 0; i < 100000; i++)
        fputs("<p>page text</p>\n", f); /* 1.7 MB: several doublings if grown */
    fclose(f);

    alloc_counter counter = {0};
    const onr_mem mem = {counting_malloc, counting_realloc, counting_free, &counter};
    char *out;
    size_t len;
    onr_error err;
    assert_int_equal(onr_read_file(path, 0, &mem, &out, &len, &err), ONR_OK);
    assert_int_equal(len, 100000 * strlen("<p>page text</p>\n"));
    assert_memory_equal(out + len - 17, "<p>page text</p>\n", 17);
    assert_int_equal(out[len], '\0');
    assert_int_equal(counter.allocations, 1);
    free(out);

    assert_int_equal(onr_read_file(path, 1000, &mem, &out, &len, &err), ONR_ERR_LIMIT);
    assert_non_null(strstr(err.message, path));
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_allocations_are_aligned_and_large_ones_fit),
        cmocka_unit_test(json_strings_are_escaped_and_repaired),
        cmocka_unit_test(json_escapes_do_not_depend_on_their_offset),
        cmocka_unit_test(buf_printf_handles_long_output),
        cmocka_unit_test(utf8_decoding_replaces_invalid_sequences),
        cmocka_unit_test(utf8_validation_stops_at_the_first_invalid_byte),
        cmocka_unit_test(gunzip_inflates_and_reports_truncation),
        cmocka_unit_test(read_file_names_the_missing_path),
        cmocka_unit_test(read_file_allocates_once_for_a_regular_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
