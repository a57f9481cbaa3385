/* WARC reading: every record type, HTTP payload decoding, compression, and recovery from damage.
 * The WARC files are written here, in memory or in a temporary directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "../support/test_mem.h"
#include "../support/warc_events.h"
#include "core/core.h"

#define LIT(s) s, sizeof s - 1

static const char page[] = "<!DOCTYPE html><html><head><title>Harbour vote</title></head>"
                           "<body><p>The council voted on Tuesday.</p></body></html>";

/* ---- writing WARC files ---- */

/* A record; `uri` NULL leaves out WARC-Target-URI; `length` < 0 writes the true length. */
static void add_record(onr_buf *b, const char *version, const char *type, const char *uri,
                       const char *extra, const char *block, size_t block_len, long length)
{
    onr_buf_printf(b, "%s\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08zx-0000-0000-0000-000000000000>\r\n"
                      "WARC-Date: 2024-03-01T10:00:00Z\r\n",
                   version, type, b->len);
    if (uri)
        onr_buf_printf(b, "WARC-Target-URI: %s\r\n", uri);
    if (extra)
        onr_buf_puts(b, extra);
    onr_buf_printf(b, "Content-Length: %ld\r\n\r\n", length < 0 ? (long)block_len : length);
    onr_buf_append(b, block, block_len);
    onr_buf_puts(b, "\r\n\r\n");
}

static void http_block(onr_buf *b, const char *status_and_headers, const char *body, size_t len)
{
    onr_buf_clear(b);
    onr_buf_printf(b, "HTTP/1.1 %s\r\n\r\n", status_and_headers);
    onr_buf_append(b, body, len);
}

static void add_response(onr_buf *b, const char *uri, const char *headers, const char *body, size_t len)
{
    onr_buf block;
    onr_buf_init(&block, NULL);
    http_block(&block, headers, body, len);
    add_record(b, "WARC/1.1", "response", uri, "Content-Type: application/http; msgtype=response\r\n",
               block.data, block.len, -1);
    onr_buf_free(&block);
}

static void gzip_level_into(onr_buf *out, const char *data, size_t len, int level)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    assert_int_equal(deflateInit2(&zs, level, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t bound = deflateBound(&zs, (uLong)len) + 32;
    assert_true(onr_buf_reserve(out, bound));
    zs.next_in = (Bytef *)(uintptr_t)data;
    zs.avail_in = (uInt)len;
    zs.next_out = (Bytef *)(out->data + out->len);
    zs.avail_out = (uInt)bound;
    assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
    out->len += bound - zs.avail_out;
    deflateEnd(&zs);
}

static void gzip_into(onr_buf *out, const char *data, size_t len) { gzip_level_into(out, data, len, 6); }

/* Splits a plain WARC into records (at each "WARC/1." line start) and compresses each alone. */
static void compress_per_record(onr_buf *out, const onr_buf *plain, bool zstd, size_t *offsets,
                                size_t *count)
{
    size_t starts[128], n = 0;
    for (size_t i = 0; i + 7 <= plain->len && n < 128; i++)
        if ((i == 0 || plain->data[i - 1] == '\n') && memcmp(plain->data + i, "WARC/1.", 7) == 0)
            starts[n++] = i;
    for (size_t k = 0; k < n; k++) {
        size_t end = k + 1 < n ? starts[k + 1] : plain->len;
        if (offsets)
            offsets[k] = out->len;
        if (zstd) {
            size_t bound = ZSTD_compressBound(end - starts[k]);
            assert_true(onr_buf_reserve(out, bound));
            size_t got = ZSTD_compress(out->data + out->len, bound, plain->data + starts[k],
                                       end - starts[k], 3);
            assert_false(ZSTD_isError(got));
            out->len += got;
        } else {
            gzip_into(out, plain->data + starts[k], end - starts[k]);
        }
    }
    if (count)
        *count = n;
}

/* ---- reading ---- */

typedef struct seen seen;
static void read_file_all(const char *data, size_t len, seen *out);

struct seen {
    int records, errors;
    onr_warc_type types[128];
    onr_warc_skip skips[128];
    uint64_t offsets[128], lengths[128];
    size_t error_offsets[32];
    char uris[32][64];
    char payloads[32][256];
};

static void read_all(const char *data, size_t len, const onr_warc_options *options, seen *out)
{
    memset(out, 0, sizeof *out);
    onr_warc_reader *reader;
    onr_error err;
    assert_int_equal(onr_warc_open_memory(data, len, options, NULL, &reader, &err), ONR_OK);
    uint64_t position = 0;
    for (int guard = 0; guard < 1000; guard++) {
        const onr_warc_record *r;
        onr_status st = onr_warc_next(reader, &r, &err);
        /* progress never goes back, even when resynchronising re-reads a damaged member */
        assert_true(onr_warc_reader_position(reader) >= position);
        position = onr_warc_reader_position(reader);
        if (st == ONR_ERR_FORMAT) {
            if (out->errors < 32)
                out->error_offsets[out->errors] = err.offset;
            out->errors++;
            continue;
        }
        assert_int_equal(st, ONR_OK);
        if (!r)
            break;
        /* the filters alone give the reader's verdict */
        assert_int_equal(onr_warc_classify(r, options), r->skip);
        int i = out->records++;
        if (i >= 128)
            continue;
        out->types[i] = r->type;
        out->skips[i] = r->skip;
        out->offsets[i] = r->offset;
        out->lengths[i] = r->length;
        if (i >= 32)
            continue;
        if (r->target_uri.data)
            snprintf(out->uris[i], sizeof out->uris[i], "%.*s", (int)r->target_uri.len, r->target_uri.data);
        if (r->payload)
            snprintf(out->payloads[i], sizeof out->payloads[i], "%.*s", (int)r->payload_len, r->payload);
    }
    onr_warc_close(reader);
}

static void every_record_type_is_returned_with_its_fields(void **state)
{
    (void)state;
    onr_buf w;
    onr_buf_init(&w, NULL);
    add_record(&w, "WARC/1.1", "warcinfo", NULL, "Content-Type: application/warc-fields\r\n",
               LIT("software: onrecord-test\r\n"), -1);
    size_t request_at = w.len;
    add_record(&w, "WARC/1.1", "request", "https://example.org/a", NULL,
               LIT("GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n"), -1);
    size_t response_at = w.len;
    add_response(&w, "https://example.org/a", "200 OK\r\nContent-Type: text/html; charset=utf-8", LIT(page));
    add_record(&w, "WARC/1.1", "metadata", "https://example.org/a", NULL, LIT("fetchTimeMs: 12\r\n"), -1);
    add_record(&w, "WARC/1.1", "revisit", "https://example.org/b", NULL, LIT("HTTP/1.1 304 Not Modified\r\n\r\n"), -1);
    add_record(&w, "WARC/1.1", "resource", "file:///local/page.html", "Content-Type: text/html\r\n", LIT(page), -1);
    add_record(&w, "WARC/1.1", "conversion", "https://example.org/c", NULL, LIT("text"), -1);

    seen s;
    read_all(w.data, w.len, NULL, &s);
    assert_int_equal(s.errors, 0);
    assert_int_equal(s.records, 7);
    const onr_warc_type types[] = {ONR_WARC_WARCINFO, ONR_WARC_REQUEST,  ONR_WARC_RESPONSE, ONR_WARC_METADATA,
                                   ONR_WARC_REVISIT,  ONR_WARC_RESOURCE, ONR_WARC_CONVERSION};
    const onr_warc_skip skips[] = {ONR_WARC_SKIP_NOT_RESPONSE, ONR_WARC_SKIP_NOT_RESPONSE, ONR_WARC_KEEP,
                                   ONR_WARC_SKIP_NOT_RESPONSE, ONR_WARC_SKIP_NOT_RESPONSE, ONR_WARC_KEEP,
                                   ONR_WARC_SKIP_NOT_RESPONSE};
    for (int i = 0; i < 7; i++) {
        assert_int_equal(s.types[i], types[i]);
        assert_int_equal(s.skips[i], skips[i]);
    }
    assert_int_equal(s.offsets[0], 0);
    assert_int_equal(s.offsets[1], request_at);
    assert_int_equal(s.offsets[2], response_at);
    assert_int_equal(s.offsets[1] + s.lengths[1], response_at);
    assert_string_equal(s.uris[2], "https://example.org/a");
    assert_string_equal(s.payloads[2], page);
    assert_string_equal(s.payloads[5], page);
    assert_string_equal(s.uris[5], "file:///local/page.html");

    /* the record itself, once more, field by field */
    onr_warc_reader *reader;
    onr_error err;
    const onr_warc_record *r = NULL;
    assert_int_equal(onr_warc_open_memory(w.data, w.len, NULL, NULL, &reader, &err), ONR_OK);
    assert_int_equal(onr_warc_reader_compression(reader), ONR_WARC_PLAIN);
    for (int i = 0; i < 3; i++)
        assert_int_equal(onr_warc_next(reader, &r, &err), ONR_OK);
    assert_non_null(r);
    assert_true(r->has_http);
    assert_int_equal(r->http_status, 200);
    assert_memory_equal(r->http_content_type.data, "text/html; charset=utf-8", r->http_content_type.len);
    assert_memory_equal(r->version.data, "WARC/1.1", 8);
    assert_memory_equal(r->date.data, "2024-03-01T10:00:00Z", r->date.len);
    assert_int_equal(r->record_id.data[0], '<');
    onr_string ct = onr_warc_header(r, LIT("content-type"));
    assert_memory_equal(ct.data, "application/http; msgtype=response", ct.len);
    assert_null(onr_warc_header(r, LIT("WARC-Payload-Digest")).data);
    /* a copy outlives the reader */
    onr_warc_record *copy;
    assert_int_equal(onr_warc_record_clone(r, NULL, &copy, &err), ONR_OK);
    onr_warc_close(reader);
    assert_string_equal(copy->payload, page);
    assert_string_equal(copy->target_uri.data, "https://example.org/a");
    assert_int_equal(copy->http_status, 200);
    assert_int_equal(copy->offset, response_at);
    assert_null(copy->identified_payload_type.data);
    assert_memory_equal(onr_warc_header(copy, LIT("WARC-Type")).data, "response", 8);
    onr_warc_record_free(copy, NULL);
    onr_buf_free(&w);
}

static void warc_1_0_with_bracketed_uri(void **state)
{
    (void)state;
    onr_buf w, block;
    onr_buf_init(&w, NULL);
    onr_buf_init(&block, NULL);
    http_block(&block, "200 OK\r\nContent-Type: text/html", LIT(page));
    add_record(&w, "WARC/1.0", "response", "<http://example.org/old>", NULL, block.data, block.len, -1);
    seen s;
    read_all(w.data, w.len, NULL, &s);
    assert_int_equal(s.records, 1);
    assert_int_equal(s.errors, 0);
    assert_string_equal(s.uris[0], "http://example.org/old");
    assert_int_equal(s.skips[0], ONR_WARC_KEEP);
    onr_buf_free(&w);
    onr_buf_free(&block);
}

static void chunked_gzip_content_is_decoded(void **state)
{
    (void)state;
    onr_buf gz, body, w;
    onr_buf_init(&gz, NULL);
    onr_buf_init(&body, NULL);
    onr_buf_init(&w, NULL);
    gzip_into(&gz, page, sizeof page - 1);
    /* two chunks, the first with an extension */
    size_t half = gz.len / 2;
    onr_buf_printf(&body, "%zx;name=value\r\n", half);
    onr_buf_append(&body, gz.data, half);
    onr_buf_printf(&body, "\r\n%zX\r\n", gz.len - half);
    onr_buf_append(&body, gz.data + half, gz.len - half);
    onr_buf_puts(&body, "\r\n0\r\n\r\n");
    add_response(&w, "https://example.org/gz",
                 "200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip",
                 body.data, body.len);

    onr_warc_reader *reader;
    onr_error err;
    const onr_warc_record *r;
    assert_int_equal(onr_warc_open_memory(w.data, w.len, NULL, NULL, &reader, &err), ONR_OK);
    assert_int_equal(onr_warc_next(reader, &r, &err), ONR_OK);
    assert_non_null(r);
    assert_true(r->payload_dechunked);
    assert_true(r->payload_decoded);
    assert_false(r->coding_mismatch);
    assert_int_equal(r->payload_len, sizeof page - 1);
    assert_memory_equal(r->payload, page, r->payload_len);
    assert_int_equal(r->skip, ONR_WARC_KEEP);
    assert_int_equal(onr_warc_next(reader, &r, &err), ONR_OK);
    assert_null(r);
    onr_warc_close(reader);
    onr_buf_free(&gz);
    onr_buf_free(&body);
    onr_buf_free(&w);
}

static void cc_news_quirk_keeps_the_raw_payload(void **state)
{
    (void)state;
    onr_buf w;
    onr_buf_init(&w, NULL);
    /* headers claim chunked gzip, the stored bytes are plain HTML */
    add_response(&w, "https://news.example/1",
                 "200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip",
                 LIT(page));
    /* deflate claimed, plain stored */
    add_response(&w, "https://news.example/2", "200 OK\r\nContent-Type: text/html\r\nContent-Encoding: deflate",
                 LIT(page));
    onr_warc_reader *reader;
    onr_error err;
    const onr_warc_record *r;
    assert_int_equal(onr_warc_open_memory(w.data, w.len, NULL, NULL, &reader, &err), ONR_OK);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(onr_warc_next(reader, &r, &err), ONR_OK);
        assert_non_null(r);
        assert_true(r->coding_mismatch);
        assert_false(r->payload_decoded);
        assert_int_equal(r->payload_len, sizeof page - 1);
        assert_memory_equal(r->payload, page, r->payload_len);
        assert_int_equal(r->skip, ONR_WARC_KEEP);
    }
    onr_warc_close(reader);
    onr_buf_free(&w);
}

static void filters_give_their_reasons(void **state)
{
    (void)state;
    onr_buf w;
    onr_buf_init(&w, NULL);
    add_response(&w, "https://e.org/404", "404 Not Found\r\nContent-Type: text/html", LIT(page));
    add_response(&w, "https://e.org/img", "200 OK\r\nContent-Type: image/png", LIT("\x89PNG...."));
    add_response(&w, "https://e.org/x", "200 OK\r\nContent-Type: application/xhtml+xml", LIT(page));
    /* the identified payload type overrules the server's claim */
    onr_buf block;
    onr_buf_init(&block, NULL);
    http_block(&block, "200 OK\r\nContent-Type: text/html", LIT("%PDF-1.4 ..."));
    add_record(&w, "WARC/1.1", "response", "https://e.org/pdf", "WARC-Identified-Payload-Type: application/pdf\r\n",
               block.data, block.len, -1);
    add_response(&w, "https://e.org/empty", "200 OK\r\nContent-Type: text/html", "", 0);
    add_record(&w, "WARC/1.1", "response", "https://e.org/cut", "WARC-Truncated: length\r\n", block.data, block.len, -1);
    /* a response without HTTP headers: the block is the payload, recognised by its bytes */
    add_record(&w, "WARC/1.1", "response", "https://e.org/raw", NULL, LIT(page), -1);
    /* no WARC-Target-URI at all */
    add_response(&w, NULL, "200 OK\r\nContent-Type: text/html", LIT(page));
    seen s;
    read_all(w.data, w.len, NULL, &s);
    assert_int_equal(s.errors, 0);
    assert_int_equal(s.records, 8);
    assert_int_equal(s.skips[0], ONR_WARC_SKIP_HTTP_STATUS);
    assert_int_equal(s.skips[1], ONR_WARC_SKIP_NOT_HTML);
    assert_int_equal(s.skips[2], ONR_WARC_KEEP);
    assert_int_equal(s.skips[3], ONR_WARC_SKIP_NOT_HTML);
    assert_int_equal(s.skips[4], ONR_WARC_SKIP_EMPTY);
    assert_int_equal(s.skips[5], ONR_WARC_SKIP_TRUNCATED);
    assert_int_equal(s.skips[6], ONR_WARC_KEEP);
    assert_string_equal(s.payloads[6], page);
    assert_int_equal(s.skips[7], ONR_WARC_KEEP);
    assert_string_equal(s.uris[7], "");
    assert_string_equal(onr_warc_skip_name(ONR_WARC_SKIP_NOT_HTML), "not-html");
    assert_string_equal(onr_warc_skip_name(ONR_WARC_SKIP_TOO_LARGE), "too-large");
    assert_string_equal(onr_warc_type_name(ONR_WARC_REVISIT), "revisit");

    /* the same file with every status and type kept */
    onr_warc_options o;
    onr_warc_options_init(&o);
    o.min_status = 100;
    o.max_status = 599;
    o.html_only = false;
    o.keep_truncated = true;
    read_all(w.data, w.len, &o, &s);
    assert_int_equal(s.skips[0], ONR_WARC_KEEP);
    assert_int_equal(s.skips[1], ONR_WARC_KEEP);
    assert_int_equal(s.skips[5], ONR_WARC_KEEP);
    onr_buf_free(&block);
    onr_buf_free(&w);
}

static void a_wrongly_declared_charset_still_decodes(void **state)
{
    (void)state;
    onr_buf w;
    onr_buf_init(&w, NULL);
    /* the server says UTF-8, the page is windows-1252; the page's own meta is right */
    add_response(&w, "https://e.org/latin", "200 OK\r\nContent-Type: text/html; charset=UTF-8",
                 LIT("<meta charset=windows-1252><p>Z\xFCrich</p>"));
    /* the server says nothing, the meta says Shift_JIS, the bytes are UTF-8 */
    add_response(&w, "https://e.org/sjis", "200 OK\r\nContent-Type: text/html",
                 LIT("<meta charset=shift_jis><p>\xE6\x97\xA5</p>"));
    onr_warc_reader *reader;
    onr_error err;
    const onr_warc_record *r;
    assert_int_equal(onr_warc_open_memory(w.data, w.len, NULL, NULL, &reader, &err), ONR_OK);
    assert_int_equal(onr_warc_next(reader, &r, &err), ONR_OK);
    onr_utf8_text text;
    assert_int_equal(onr_to_utf8(r->payload, r->payload_len, r->http_content_type.data,
                                 r->http_content_type.len, NULL, &text, &err),
                     ONR_OK);
    /* HTTP wins, as in browsers: the bad byte shows as U+FFFD, the text stays valid UTF-8 */
    assert_int_equal(text.source, ONR_CHARSET_FROM_HTTP);
    assert_int_equal(text.replacements, 1);
    assert_int_equal(onr_utf8_valid_prefix(text.data, text.len), text.len);
    onr_utf8_text_free(&text, NULL);
    assert_int_equal(onr_warc_next(reader, &r, &err), ONR_OK);
    assert_int_equal(onr_to_utf8(r->payload, r->payload_len, r->http_content_type.data,
                                 r->http_content_type.len, NULL, &text, &err),
                     ONR_OK);
    assert_int_equal(text.source, ONR_CHARSET_FROM_META);
    assert_string_equal(text.encoding, "Shift_JIS");
    assert_int_equal(onr_utf8_valid_prefix(text.data, text.len), text.len);
    onr_utf8_text_free(&text, NULL);
    onr_warc_close(reader);
    onr_buf_free(&w);
}

static void large_records_and_bombs_are_skipped(void **state)
{
    (void)state;
    onr_warc_options o;
    onr_warc_options_init(&o);
    o.max_record_size = 4096;
    char *big = malloc(10000);
    assert_non_null(big);
    memset(big, 'a', 10000);
    memcpy(big, "<html>", 6);
    onr_buf w, bomb, zeros;
    onr_buf_init(&w, NULL);
    onr_buf_init(&bomb, NULL);
    onr_buf_init(&zeros, NULL);
    add_response(&w, "https://e.org/big", "200 OK\r\nContent-Type: text/html", big, 10000);
    /* a small gzip body that inflates past the cap */
    char *z = calloc(1, 1 << 20);
    assert_non_null(z);
    gzip_into(&bomb, z, 1 << 20);
    assert_true(bomb.len < 4000);
    add_response(&w, "https://e.org/bomb", "200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip",
                 bomb.data, bomb.len);
    add_response(&w, "https://e.org/ok", "200 OK\r\nContent-Type: text/html", LIT(page));
    seen s;
    read_all(w.data, w.len, &o, &s);
    assert_int_equal(s.errors, 0);
    assert_int_equal(s.records, 3);
    assert_int_equal(s.skips[0], ONR_WARC_SKIP_TOO_LARGE);
    assert_string_equal(s.uris[0], "https://e.org/big");
    assert_int_equal(s.skips[1], ONR_WARC_SKIP_TOO_LARGE);
    assert_int_equal(s.skips[2], ONR_WARC_KEEP);
    assert_int_equal(s.offsets[1], s.offsets[0] + s.lengths[0]);
    /* the same as .warc.gz: the skipped record keeps its member's offset and length */
    onr_buf gz;
    onr_buf_init(&gz, NULL);
    size_t offsets[8], n;
    compress_per_record(&gz, &w, false, offsets, &n);
    read_all(gz.data, gz.len, &o, &s);
    assert_int_equal(s.errors, 0);
    assert_int_equal(s.records, 3);
    assert_int_equal(s.skips[0], ONR_WARC_SKIP_TOO_LARGE);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(s.offsets[i], offsets[i]);
        assert_int_equal(s.offsets[i] + s.lengths[i], i < 2 ? offsets[i + 1] : gz.len);
    }
    onr_buf_free(&gz);
    free(big);
    free(z);
    onr_buf_free(&w);
    onr_buf_free(&bomb);
    onr_buf_free(&zeros);
}

static void three_records(onr_buf *w)
{
    add_response(w, "https://e.org/1", "200 OK\r\nContent-Type: text/html", LIT(page));
    add_response(w, "https://e.org/2", "200 OK\r\nContent-Type: text/html", LIT(page));
    add_response(w, "https://e.org/3", "200 OK\r\nContent-Type: text/html", LIT(page));
}

static void gzip_members_give_offsets_and_lengths(void **state)
{
    (void)state;
    onr_buf plain, gz;
    onr_buf_init(&plain, NULL);
    onr_buf_init(&gz, NULL);
    three_records(&plain);
    size_t offsets[8], n;
    compress_per_record(&gz, &plain, false, offsets, &n);
    assert_int_equal(n, 3);
    seen s;
    read_all(gz.data, gz.len, NULL, &s);
    assert_int_equal(s.errors, 0);
    assert_int_equal(s.records, 3);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(s.offsets[i], offsets[i]);
        assert_int_equal(s.offsets[i] + s.lengths[i], i < 2 ? offsets[i + 1] : gz.len);
        assert_string_equal(s.payloads[i], page);
    }
    assert_true(onr_warc_sniff(gz.data, gz.len));
    assert_true(onr_warc_sniff(plain.data, plain.len));
    assert_false(onr_warc_sniff(LIT("<html>")));
    onr_buf_free(&plain);
    onr_buf_free(&gz);
}

static void truncated_gzip_member_is_reported_and_skipped(void **state)
{
    (void)state;
    onr_buf plain, gz, cut;
    onr_buf_init(&plain, NULL);
    onr_buf_init(&gz, NULL);
    onr_buf_init(&cut, NULL);
    three_records(&plain);
    size_t offsets[8], n;
    compress_per_record(&gz, &plain, false, offsets, &n);
    /* the second member loses its second half */
    size_t second_len = offsets[2] - offsets[1];
    onr_buf_append(&cut, gz.data, offsets[1] + second_len / 2);
    onr_buf_append(&cut, gz.data + offsets[2], gz.len - offsets[2]);
    seen s;
    read_all(cut.data, cut.len, NULL, &s);
    assert_int_equal(s.records, 2);
    assert_int_equal(s.errors, 1);
    assert_int_equal(s.error_offsets[0], offsets[1]);
    assert_string_equal(s.uris[0], "https://e.org/1");
    assert_string_equal(s.uris[1], "https://e.org/3");
    assert_int_equal(s.offsets[1], offsets[1] + second_len / 2);

    /* the last member cut: one error, then the end */
    read_all(gz.data, gz.len - (gz.len - offsets[2]) / 2, NULL, &s);
    assert_int_equal(s.records, 2);
    assert_int_equal(s.errors, 1);
    assert_int_equal(s.error_offsets[0], offsets[2]);
    onr_buf_free(&plain);
    onr_buf_free(&gz);
    onr_buf_free(&cut);
}

static void garbage_between_records_is_reported(void **state)
{
    (void)state;
    onr_buf w;
    onr_buf_init(&w, NULL);
    add_response(&w, "https://e.org/1", "200 OK\r\nContent-Type: text/html", LIT(page));
    size_t garbage_at = w.len;
    onr_buf_puts(&w, "this is not a record\r\nnor is WARC/1.1 in mid line\r\n");
    add_response(&w, "https://e.org/2", "200 OK\r\nContent-Type: text/html", LIT(page));
    seen s;
    read_all(w.data, w.len, NULL, &s);
    assert_int_equal(s.records, 2);
    assert_int_equal(s.errors, 1);
    assert_int_equal(s.error_offsets[0], garbage_at);
    assert_string_equal(s.uris[1], "https://e.org/2");

    /* garbage between gzip members */
    onr_buf plain, gz;
    onr_buf_init(&plain, NULL);
    onr_buf_init(&gz, NULL);
    three_records(&plain);
    size_t offsets[8], n;
    compress_per_record(&gz, &plain, false, offsets, &n);
    onr_buf junk;
    onr_buf_init(&junk, NULL);
    onr_buf_append(&junk, gz.data, offsets[1]);
    onr_buf_puts(&junk, "JUNKJUNK\x1f\x8bJUNK");
    onr_buf_append(&junk, gz.data + offsets[1], gz.len - offsets[1]);
    read_all(junk.data, junk.len, NULL, &s);
    assert_int_equal(s.records, 3);
    assert_int_equal(s.errors, 1);
    assert_int_equal(s.error_offsets[0], offsets[1]);
    assert_int_equal(s.offsets[1], offsets[1] + 14);
    onr_buf_free(&w);
    onr_buf_free(&plain);
    onr_buf_free(&gz);
    onr_buf_free(&junk);
}

static void wrong_content_lengths_are_reported(void **state)
{
    (void)state;
    onr_buf block;
    onr_buf_init(&block, NULL);
    http_block(&block, "200 OK\r\nContent-Type: text/html", LIT(page));
    for (int variant = 0; variant < 6; variant++) {
        onr_buf w, gz;
        onr_buf_init(&w, NULL);
        onr_buf_init(&gz, NULL);
        add_response(&w, "https://e.org/1", "200 OK\r\nContent-Type: text/html", LIT(page));
        size_t bad_at = w.len;
        int kind = variant % 3;
        long claimed = kind == 0 ? (long)block.len - 20 : kind == 1 ? (long)block.len + 50 : 1000000;
        add_record(&w, "WARC/1.1", "response", "https://e.org/2", NULL, block.data, block.len, claimed);
        add_response(&w, "https://e.org/3", "200 OK\r\nContent-Type: text/html", LIT(page));
        if (variant >= 3) { /* the same in a .warc.gz: offsets are those of the members */
            size_t offsets[8], n;
            compress_per_record(&gz, &w, false, offsets, &n);
            bad_at = offsets[1];
        }
        const onr_buf *in = variant >= 3 ? &gz : &w;
        seen s;
        read_all(in->data, in->len, NULL, &s);
        assert_int_equal(s.errors, 1);
        assert_int_equal(s.error_offsets[0], bad_at);
        assert_int_equal(s.records, 2);
        assert_string_equal(s.uris[0], "https://e.org/1");
        assert_string_equal(s.uris[1], "https://e.org/3");
        onr_buf_free(&w);
        onr_buf_free(&gz);
    }
    /* the last record claims more than the file has */
    onr_buf w;
    onr_buf_init(&w, NULL);
    add_response(&w, "https://e.org/1", "200 OK\r\nContent-Type: text/html", LIT(page));
    add_record(&w, "WARC/1.1", "response", "https://e.org/2", NULL, block.data, block.len, (long)block.len + 4000);
    seen s;
    read_all(w.data, w.len, NULL, &s);
    assert_int_equal(s.records, 1);
    assert_int_equal(s.errors, 1);
    onr_buf_free(&w);
    onr_buf_free(&block);
}

/* A block claimed past the end of the file (and beyond max_record_size) swallows no record: from
 * memory and from disk reading resumes after its start; in a .warc.gz its member bounds it. */
static void content_length_past_the_end_loses_no_record(void **state)
{
    (void)state;
    onr_buf w, gz;
    onr_buf_init(&w, NULL);
    onr_buf_init(&gz, NULL);
    add_response(&w, "https://e.org/1", "200 OK\r\nContent-Type: text/html", LIT(page));
    size_t bad_at = w.len;
    add_record(&w, "WARC/1.1", "resource", "https://e.org/2", NULL, "y", 1, 99999999);
    add_response(&w, "https://e.org/3", "200 OK\r\nContent-Type: text/html", LIT(page));
    add_response(&w, "https://e.org/4", "200 OK\r\nContent-Type: text/html", LIT(page));
    size_t offsets[8], n;
    compress_per_record(&gz, &w, false, offsets, &n);
    assert_int_equal(n, 4);
    for (int variant = 0; variant < 3; variant++) {
        seen s;
        if (variant == 0)
            read_all(w.data, w.len, NULL, &s);
        else if (variant == 1)
            read_file_all(w.data, w.len, &s);
        else
            read_all(gz.data, gz.len, NULL, &s);
        assert_int_equal(s.errors, 1);
        assert_int_equal(s.error_offsets[0], variant == 2 ? offsets[1] : bad_at);
        assert_int_equal(s.records, 3);
        if (variant != 1) /* the file reader here keeps no URIs */
            assert_string_equal(s.uris[2], "https://e.org/4");
    }
    onr_buf_free(&w);
    onr_buf_free(&gz);
}

static void zstd_files_with_and_without_dictionary(void **state)
{
    (void)state;
    onr_buf plain, zst;
    onr_buf_init(&plain, NULL);
    onr_buf_init(&zst, NULL);
    three_records(&plain);
    size_t offsets[8], n;
    compress_per_record(&zst, &plain, true, offsets, &n);
    seen s;
    read_all(zst.data, zst.len, NULL, &s);
    assert_int_equal(s.errors, 0);
    assert_int_equal(s.records, 3);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(s.offsets[i], offsets[i]);
        assert_string_equal(s.payloads[i], page);
    }

    /* a raw-content dictionary in a skippable frame first, frames compressed with it */
    static const char dict[] = "WARC/1.1\r\nWARC-Type: response\r\nContent-Type: text/html\r\n"
                               "<!DOCTYPE html><html><head><title></title></head><body><p></p></body></html>";
    onr_buf d;
    onr_buf_init(&d, NULL);
    unsigned char frame_header[8] = {0x5D, 0x2A, 0x4D, 0x18, (unsigned char)(sizeof dict - 1), 0, 0, 0};
    onr_buf_append(&d, (const char *)frame_header, 8);
    onr_buf_append(&d, dict, sizeof dict - 1);
    ZSTD_CCtx *cctx = ZSTD_createCCtx();
    assert_non_null(cctx);
    size_t start = 0;
    for (size_t k = 0; k < n; k++) {
        size_t end = k + 1 < n ? (size_t)(strstr(plain.data + start + 1, "WARC/1.1") - plain.data) : plain.len;
        size_t bound = ZSTD_compressBound(end - start);
        assert_true(onr_buf_reserve(&d, bound));
        size_t got = ZSTD_compress_usingDict(cctx, d.data + d.len, bound, plain.data + start, end - start,
                                             dict, sizeof dict - 1, 3);
        assert_false(ZSTD_isError(got));
        d.len += got;
        start = end;
    }
    ZSTD_freeCCtx(cctx);
    read_all(d.data, d.len, NULL, &s);
    assert_int_equal(s.errors, 0);
    assert_int_equal(s.records, 3);
    assert_string_equal(s.payloads[2], page);
    assert_true(onr_warc_sniff(d.data, d.len));
    assert_true(onr_warc_sniff(zst.data, zst.len));
    /* zstd data that is no WARC */
    char other[64];
    size_t other_len = ZSTD_compress(other, sizeof other, LIT("<html>just a page</html>"), 3);
    assert_false(ZSTD_isError(other_len));
    assert_false(onr_warc_sniff(other, other_len));
    onr_buf_free(&plain);
    onr_buf_free(&zst);
    onr_buf_free(&d);
}

static void files_are_streamed_from_disk(void **state)
{
    (void)state;
    onr_buf plain, gz;
    onr_buf_init(&plain, NULL);
    onr_buf_init(&gz, NULL);
    /* enough records to cross the reader's buffers */
    for (int i = 0; i < 400; i++)
        three_records(&plain);
    for (int pass = 0; pass < 2; pass++) {
        const onr_buf *data = &plain;
        if (pass == 1) {
            gzip_into(&gz, plain.data, plain.len / 2);
            gzip_into(&gz, plain.data + plain.len / 2, plain.len - plain.len / 2);
            data = &gz;
        }
        char path[] = "/tmp/onr_warc_test_XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        assert_int_equal(write(fd, data->data, data->len), (ssize_t)data->len);
        close(fd);
        assert_true(onr_warc_sniff_file(path));
        onr_warc_reader *reader;
        onr_error err;
        assert_int_equal(onr_warc_open(path, NULL, NULL, &reader, &err), ONR_OK);
        int records = 0;
        const onr_warc_record *r;
        while (onr_warc_next(reader, &r, &err) == ONR_OK && r) {
            assert_int_equal(r->payload_len, sizeof page - 1);
            records++;
        }
        assert_int_equal(records, 1200);
        assert_int_equal(onr_warc_reader_position(reader), data->len);
        assert_int_equal(onr_warc_reader_file_size(reader), data->len);
        onr_warc_close(reader);
        unlink(path);
    }
    onr_warc_reader *reader;
    onr_error err;
    assert_int_equal(onr_warc_open("/nonexistent/x.warc", NULL, NULL, &reader, &err), ONR_ERR_IO);
    assert_null(reader);
    onr_buf_free(&plain);
    onr_buf_free(&gz);
}

/* Reads `gz` from memory and from disk: `count` records at `offsets`, with payloads of `sizes`
 * bytes that start with the test page. */
static void assert_members_read_whole(const onr_buf *gz, const size_t *offsets, const size_t *sizes, size_t count)
{
    char path[] = "/tmp/onr_warc_test_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, gz->data, gz->len), (ssize_t)gz->len);
    close(fd);
    for (int from_disk = 0; from_disk < 2; from_disk++) {
        onr_warc_reader *reader;
        onr_error err;
        assert_int_equal(from_disk ? onr_warc_open(path, NULL, NULL, &reader, &err)
                                   : onr_warc_open_memory(gz->data, gz->len, NULL, NULL, &reader, &err),
                         ONR_OK);
        const onr_warc_record *r;
        size_t i = 0;
        while (onr_warc_next(reader, &r, &err) == ONR_OK && r) {
            assert_true(i < count);
            assert_int_equal(r->offset, offsets[i]);
            assert_int_equal(r->payload_len, sizes[i]);
            assert_memory_equal(r->payload, page, sizeof page - 1);
            i++;
        }
        assert_int_equal(i, count);
        onr_warc_close(reader);
    }
    unlink(path);
}

/* gzip members are inflated in one call when they fit the reader's buffers, streamed otherwise: a
 * member larger than the input buffer (incompressible) or than the first window (1 MiB of output)
 * between small ones reads the same, from disk and from memory. */
static void members_of_every_size_are_read_whole(void **state)
{
    (void)state;
    size_t sizes[] = {sizeof page - 1, 2048 * 1024, 1536 * 1024, sizeof page - 1};
    onr_buf plain, gz, body;
    onr_buf_init(&plain, NULL);
    onr_buf_init(&gz, NULL);
    onr_buf_init(&body, NULL);
    uint32_t seed = 12345;
    for (size_t i = 0; i < 4; i++) {
        onr_buf_clear(&body);
        onr_buf_puts(&body, page);
        while (body.len < sizes[i]) { /* letters from an LCG for the 2 MiB one, a repeated page for the other */
            seed = seed * 1103515245u + 12345u;
            onr_buf_putc(&body, i == 1 ? (char)('a' + (seed >> 16) % 26) : page[body.len % (sizeof page - 1)]);
        }
        add_response(&plain, "https://e.org/x", "200 OK\r\nContent-Type: text/html", body.data, body.len);
    }
    size_t offsets[8], n;
    compress_per_record(&gz, &plain, false, offsets, &n);
    assert_int_equal(n, 4);
    assert_members_read_whole(&gz, offsets, sizes, 4);
    onr_buf_free(&plain);
    onr_buf_free(&gz);
    onr_buf_free(&body);
}

/* The output room for a member comes from the size in its trailer, found before the next member
 * magic: a magic inside stored data gives a size too small or too large, which must not matter. */
static void false_magics_do_not_misread_members(void **state)
{
    (void)state;
    static const char *const sizes_before_magic[] = {"\x10\x00\x00\x00", "\x00\x00\x30\x00"};
    size_t sizes[2] = {1536 * 1024, 300 * 1024}, offsets[2];
    onr_buf plain, gz, body;
    onr_buf_init(&plain, NULL);
    onr_buf_init(&gz, NULL);
    onr_buf_init(&body, NULL);
    for (size_t i = 0; i < 2; i++) {
        onr_buf_clear(&body);
        onr_buf_puts(&body, page);
        onr_buf_append(&body, sizes_before_magic[i], 4);
        onr_buf_puts(&body, "\x1f\x8b\x08");
        while (body.len < sizes[i])
            onr_buf_putc(&body, page[body.len % (sizeof page - 1)]);
        onr_buf_clear(&plain);
        add_response(&plain, "https://e.org/m", "200 OK\r\nContent-Type: text/html", body.data, body.len);
        offsets[i] = gz.len;
        gzip_level_into(&gz, plain.data, plain.len, 0); /* stored: the magic stays visible */
    }
    assert_members_read_whole(&gz, offsets, sizes, 2);
    onr_buf_free(&plain);
    onr_buf_free(&gz);
    onr_buf_free(&body);
}

/* The magic at every offset of buffers of every length, behind near misses (the search looks at
 * sixteen positions at a time). */
static void gzip_magics_are_found_at_every_offset(void **state)
{
    (void)state;
    char buf[64];
    for (size_t len = 0; len <= sizeof buf; len++) {
        for (size_t at = 0; at + 3 <= len; at++) {
            for (size_t k = 0; k < len; k++)
                buf[k] = (char)(k % 3 == 0 ? 0x1f : k % 3 == 1 ? 0x8b : 0x09); /* 1f 8b 09: no magic */
            memcpy(buf + at, "\x1f\x8b\x08", 3);
            assert_int_equal(onr_warc_find_gzip_magic(buf, len), at);
        }
        memset(buf, 0x1f, sizeof buf);
        assert_int_equal(onr_warc_find_gzip_magic(buf, len), len);
    }
}

static void assert_stretches_agree(const char *data, size_t len)
{
    char path[] = "/tmp/onr_warc_test_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, len), (ssize_t)len);
    warc_events whole, stretches;
    memset(&whole, 0, sizeof whole);
    memset(&stretches, 0, sizeof stretches);
    onr_warc_reader *reader;
    onr_error err;
    assert_int_equal(onr_warc_open(path, NULL, NULL, &reader, &err), ONR_OK);
    warc_events_read(reader, 0, &whole);
    onr_warc_close(reader);
    /* a stretch's reader knows the whole file's size too, for progress */
    assert_int_equal(onr_warc_open_at(fd, 0, len, true, NULL, NULL, &reader, &err), ONR_OK);
    assert_int_equal(onr_warc_reader_file_size(reader), len);
    onr_warc_close(reader);
    assert_true(warc_events_by_stretches(fd, data, len, NULL, &stretches));
    assert_string_equal(stretches.text, whole.text);
    assert_int_equal(stretches.count, whole.count);
    assert_true(stretches.hash == whole.hash);
    close(fd);
    unlink(path);
}

/* Reading a .warc.gz stretch by stretch between member magics (onr_warc_open_at) gives what one
 * whole-file reader gives: whole members, damaged ones, garbage, records spanning members, and a
 * member that holds the magic bytes in its stored (uncompressed) data. */
static void stretch_readers_agree_with_the_whole_file_reader(void **state)
{
    (void)state;
    onr_buf plain, gz, odd;
    onr_buf_init(&plain, NULL);
    onr_buf_init(&gz, NULL);
    onr_buf_init(&odd, NULL);
    three_records(&plain);
    size_t offsets[8], n;
    compress_per_record(&gz, &plain, false, offsets, &n);
    assert_stretches_agree(gz.data, gz.len);
    /* the second member loses its second half */
    onr_buf_append(&odd, gz.data, offsets[1] + (offsets[2] - offsets[1]) / 2);
    onr_buf_append(&odd, gz.data + offsets[2], gz.len - offsets[2]);
    assert_stretches_agree(odd.data, odd.len);
    /* garbage between members, with a false magic in it; the last member cut short */
    onr_buf_clear(&odd);
    onr_buf_append(&odd, gz.data, offsets[1]);
    onr_buf_puts(&odd, "JUNK\x1f\x8bJUNK\x1f\x8b\x08JUNK");
    onr_buf_append(&odd, gz.data + offsets[1], gz.len - offsets[1] - 9);
    assert_stretches_agree(odd.data, odd.len);
    /* two members that split a record, then one per record */
    onr_buf_clear(&odd);
    gzip_into(&odd, plain.data, plain.len / 2);
    gzip_into(&odd, plain.data + plain.len / 2, plain.len - plain.len / 2);
    onr_buf_append(&odd, gz.data, gz.len);
    assert_stretches_agree(odd.data, odd.len);
    /* stored members whose pages hold the magic: false starts inside them; and two records in one */
    onr_buf_clear(&plain);
    static const char magic_page[] = "<html><body><p>\x1f\x8b\x08 binary-looking \x1f\x8b\x08\x00</p></body></html>";
    add_response(&plain, "https://e.org/m", "200 OK\r\nContent-Type: text/html", LIT(magic_page));
    onr_buf_clear(&odd);
    gzip_level_into(&odd, plain.data, plain.len, 0);
    onr_buf_append(&odd, gz.data, offsets[1]);
    gzip_level_into(&odd, plain.data, plain.len, 0);
    three_records(&plain);
    gzip_into(&odd, plain.data, plain.len);
    assert_stretches_agree(odd.data, odd.len);
    onr_buf_free(&plain);
    onr_buf_free(&gz);
    onr_buf_free(&odd);
}

/* Writes `data` to a temporary file and reads it from there; the caller frees nothing. */
static void read_file_all(const char *data, size_t len, seen *out)
{
    char path[] = "/tmp/onr_warc_test_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, len), (ssize_t)len);
    close(fd);
    memset(out, 0, sizeof *out);
    onr_warc_reader *reader;
    onr_error err;
    assert_int_equal(onr_warc_open(path, NULL, NULL, &reader, &err), ONR_OK);
    for (int guard = 0; guard < 1000; guard++) {
        const onr_warc_record *r;
        onr_status st = onr_warc_next(reader, &r, &err);
        if (st == ONR_ERR_FORMAT) {
            if (out->errors < 32)
                out->error_offsets[out->errors] = err.offset;
            out->errors++;
            continue;
        }
        assert_int_equal(st, ONR_OK);
        if (!r)
            break;
        int i = out->records++;
        if (i < 128) {
            out->offsets[i] = r->offset;
            out->lengths[i] = r->length;
            out->skips[i] = r->skip;
        }
    }
    onr_warc_close(reader);
    unlink(path);
}

/* Damage in a gzip file larger than the reader's input buffer: resynchronising may seek back
 * across buffers; the file reader must find what the memory reader finds. */
static void file_and_memory_readers_agree_on_damage(void **state)
{
    (void)state;
    onr_buf plain, gz, damaged;
    onr_buf_init(&plain, NULL);
    onr_buf_init(&gz, NULL);
    onr_buf_init(&damaged, NULL);
    char body[24000];
    uint32_t x = 12345;
    for (int k = 0; k < 100; k++) {
        memcpy(body, "<html><body><p>", 15);
        for (size_t i = 15; i < sizeof body; i++) { /* barely compressible letters */
            x = x * 1103515245u + 12345u;
            body[i] = (char)('a' + (x >> 16) % 26);
        }
        add_response(&plain, "https://e.org/r", "200 OK\r\nContent-Type: text/html", body, sizeof body);
    }
    size_t offsets[128], n;
    compress_per_record(&gz, &plain, false, offsets, &n);
    assert_int_equal(n, 100);
    assert_true(gz.len > 1200 * 1024); /* more than the reader's 1 MiB input buffer */
    /* cut members 30 and 60 in half, put garbage before member 80 */
    size_t cuts[2] = {30, 60};
    size_t from = 0;
    for (int c = 0; c < 2; c++) {
        size_t k = cuts[c];
        onr_buf_append(&damaged, gz.data + from, offsets[k] + (offsets[k + 1] - offsets[k]) / 2 - from);
        from = offsets[k + 1];
    }
    onr_buf_append(&damaged, gz.data + from, offsets[80] - from);
    onr_buf_puts(&damaged, "garbage!");
    onr_buf_append(&damaged, gz.data + offsets[80], gz.len - offsets[80]);
    seen mem, file;
    read_all(damaged.data, damaged.len, NULL, &mem);
    read_file_all(damaged.data, damaged.len, &file);
    assert_int_equal(mem.records, 98);
    assert_int_equal(mem.errors, 3);
    assert_int_equal(file.records, mem.records);
    assert_int_equal(file.errors, mem.errors);
    for (int i = 0; i < mem.errors; i++)
        assert_int_equal(file.error_offsets[i], mem.error_offsets[i]);
    for (int i = 0; i < 98; i++) {
        assert_int_equal(file.offsets[i], mem.offsets[i]);
        assert_int_equal(file.lengths[i], mem.lengths[i]);
        assert_int_equal(file.skips[i], ONR_WARC_KEEP);
    }
    onr_buf_free(&plain);
    onr_buf_free(&gz);
    onr_buf_free(&damaged);
}

/* Every truncation and many byte flips of a small gzip WARC: no crash, no hang, and each call
 * either returns a record, an error or the end. */
static void damaged_files_never_hang(void **state)
{
    (void)state;
    onr_buf plain, gz;
    onr_buf_init(&plain, NULL);
    onr_buf_init(&gz, NULL);
    three_records(&plain);
    compress_per_record(&gz, &plain, false, NULL, NULL);
    const onr_buf *inputs[2] = {&plain, &gz};
    for (int which = 0; which < 2; which++) {
        const onr_buf *in = inputs[which];
        char *copy = malloc(in->len);
        assert_non_null(copy);
        for (size_t cut = 0; cut <= in->len; cut += 7) {
            for (int flip = 0; flip < 2; flip++) {
                memcpy(copy, in->data, in->len);
                if (flip && cut < in->len)
                    copy[cut] ^= 0x5A;
                size_t len = flip ? in->len : cut;
                onr_warc_reader *reader;
                onr_error err;
                assert_int_equal(onr_warc_open_memory(copy, len, NULL, NULL, &reader, &err), ONR_OK);
                int calls = 0;
                for (;;) {
                    const onr_warc_record *r;
                    onr_status st = onr_warc_next(reader, &r, &err);
                    assert_true(st == ONR_OK || st == ONR_ERR_FORMAT);
                    if (st == ONR_OK && !r)
                        break;
                    assert_true(++calls < 50);
                }
                onr_warc_close(reader);
            }
        }
        free(copy);
    }
    onr_buf_free(&plain);
    onr_buf_free(&gz);
}

static void allocation_failures_are_reported_cleanly(void **state)
{
    (void)state;
    onr_buf plain, gz;
    onr_buf_init(&plain, NULL);
    onr_buf_init(&gz, NULL);
    add_response(&plain, "https://e.org/1", "200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked",
                 LIT("5\r\n<html\r\n1\r\n>\r\n0\r\n\r\n"));
    onr_buf body;
    onr_buf_init(&body, NULL);
    gzip_into(&body, page, sizeof page - 1);
    add_response(&plain, "https://e.org/z", "200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip",
                 body.data, body.len);
    onr_buf_free(&body);
    three_records(&plain);
    compress_per_record(&gz, &plain, false, NULL, NULL);
    bool completed = false; /* some budget is enough for the whole file */
    for (int n = 0; n < 60 && !completed; n++) {
        test_mem mem;
        test_mem_init_allowing(&mem, (size_t)n);
        onr_warc_reader *reader;
        onr_error err;
        onr_status st = onr_warc_open_memory(gz.data, gz.len, NULL, &mem.mem, &reader, &err);
        if (st != ONR_OK) {
            assert_int_equal(st, ONR_ERR_NOMEM);
            continue;
        }
        int records = 0;
        for (int calls = 0; calls < 20; calls++) {
            const onr_warc_record *r;
            st = onr_warc_next(reader, &r, &err);
            assert_true(st == ONR_OK || st == ONR_ERR_NOMEM || st == ONR_ERR_FORMAT);
            if (st == ONR_ERR_NOMEM) { /* final: the end follows */
                assert_int_equal(onr_warc_next(reader, &r, &err), ONR_OK);
                assert_null(r);
                st = ONR_ERR_NOMEM;
                break;
            }
            if (st == ONR_OK && !r)
                break;
            records += st == ONR_OK;
        }
        completed = st == ONR_OK && records == 5;
        onr_warc_close(reader);
    }
    assert_true(completed);
    onr_buf_free(&plain);
    onr_buf_free(&gz);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_record_type_is_returned_with_its_fields),
        cmocka_unit_test(warc_1_0_with_bracketed_uri),
        cmocka_unit_test(chunked_gzip_content_is_decoded),
        cmocka_unit_test(cc_news_quirk_keeps_the_raw_payload),
        cmocka_unit_test(filters_give_their_reasons),
        cmocka_unit_test(a_wrongly_declared_charset_still_decodes),
        cmocka_unit_test(large_records_and_bombs_are_skipped),
        cmocka_unit_test(gzip_members_give_offsets_and_lengths),
        cmocka_unit_test(members_of_every_size_are_read_whole),
        cmocka_unit_test(false_magics_do_not_misread_members),
        cmocka_unit_test(gzip_magics_are_found_at_every_offset),
        cmocka_unit_test(stretch_readers_agree_with_the_whole_file_reader),
        cmocka_unit_test(truncated_gzip_member_is_reported_and_skipped),
        cmocka_unit_test(garbage_between_records_is_reported),
        cmocka_unit_test(wrong_content_lengths_are_reported),
        cmocka_unit_test(content_length_past_the_end_loses_no_record),
        cmocka_unit_test(zstd_files_with_and_without_dictionary),
        cmocka_unit_test(files_are_streamed_from_disk),
        cmocka_unit_test(file_and_memory_readers_agree_on_damage),
        cmocka_unit_test(damaged_files_never_hang),
        cmocka_unit_test(allocation_failures_are_reported_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
