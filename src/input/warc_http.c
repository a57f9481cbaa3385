/* The HTTP message inside a WARC response record: status line, headers, and the payload with
 * chunked transfer coding and gzip/deflate content coding undone. Crawl archives often keep
 * headers that no longer describe the stored bytes (CC-NEWS stores decoded payloads under the
 * original headers), so each decoding is tried and the raw bytes kept when it does not apply. */
#include "warc.h"

#include <string.h>

/* End of the HTTP header block: after "\r\n\r\n" (or a bare "\n\n" from sloppy servers). */
static size_t header_end(const char *s, size_t len, size_t *block_len)
{
    for (size_t i = 0; i + 1 < len; i++) {
        if (s[i] != '\n')
            continue;
        if (s[i + 1] == '\n') {
            *block_len = i;
            return i + 2;
        }
        if (s[i + 1] == '\r' && i + 2 < len && s[i + 2] == '\n') {
            *block_len = i;
            return i + 3;
        }
    }
    *block_len = len;
    return len;
}

static int parse_status(const char *s, size_t len)
{
    const char *sp = memchr(s, ' ', len);
    if (!sp || (size_t)(sp - s) + 4 > len)
        return 0;
    int status = 0;
    for (int i = 1; i <= 3; i++) {
        char c = sp[i];
        if (c < '0' || c > '9')
            return 0;
        status = status * 10 + (c - '0');
    }
    return status;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = onr_ascii_lower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Undoes chunked transfer coding into `out`. False when the body does not start with a chunk
 * size line (it was stored dechunked). A body cut inside a chunk keeps what arrived. */
static bool dechunk(onr_buf *out, const char *s, size_t len)
{
    onr_buf_clear(out);
    size_t pos = 0;
    bool first = true;
    while (pos < len) {
        uint64_t size = 0;
        size_t digits = 0;
        while (pos < len && hex_value(s[pos]) >= 0 && digits < 16) {
            size = size * 16 + (uint64_t)hex_value(s[pos++]);
            digits++;
        }
        /* chunk extensions and spaces up to the line end, within a short line */
        size_t line_start = pos;
        while (pos < len && s[pos] != '\n' && pos - line_start < 256)
            pos++;
        if (digits == 0 || pos >= len || s[pos] != '\n' ||
            (pos > line_start && s[line_start] != ';' && s[line_start] != ' ' &&
             s[line_start] != '\t' && s[line_start] != '\r'))
            return !first;
        pos++;
        first = false;
        if (size == 0)
            return true;
        size_t take = size < len - pos ? (size_t)size : len - pos;
        onr_buf_append(out, s + pos, take);
        pos += take;
        if (pos < len && s[pos] == '\r')
            pos++;
        if (pos < len && s[pos] == '\n')
            pos++;
    }
    return true;
}

typedef enum inflate_result { INFLATED, NOT_COMPRESSED, TOO_LARGE, NO_MEMORY } inflate_result;

/* The fast path of inflate_body: the whole body in one libdeflate call, into room for the size a
 * gzip trailer declares (or four times the input), at most `max` bytes. False: zlib decides. */
static bool inflate_body_whole(onr_buf *out, struct libdeflate_decompressor *d, const char *s, size_t len,
                               int window_bits, size_t max)
{
    whole_format format = window_bits > 15 ? WHOLE_GZIP : window_bits > 0 ? WHOLE_ZLIB : WHOLE_DEFLATE;
    size_t room = format == WHOLE_GZIP ? gzip_declared_size(s, len) : len * 4;
    if (room < 64 * 1024)
        room = 64 * 1024;
    if (room > max)
        room = max;
    if (!d || !onr_buf_reserve(out, room)) {
        out->failed = false; /* a refused guess is no failure: zlib grows the buffer step by step */
        return false;
    }
    size_t used, produced;
    if (!inflate_whole(d, format, s, len, out->data, room, &used, &produced))
        return false;
    out->len = produced;
    out->data[produced] = '\0';
    return true;
}

/* Inflates a gzip (window_bits 16+15), zlib (15) or raw deflate (-15) body into `out`, at most
 * `max` bytes: bombs stop there. A stream cut short keeps what it produced. */
static inflate_result inflate_body(onr_buf *out, struct libdeflate_decompressor *d, const char *s, size_t len,
                                   int window_bits, size_t max)
{
    onr_buf_clear(out);
    if (inflate_body_whole(out, d, s, len, window_bits, max))
        return INFLATED;
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    warc_zlib_use_mem(&zs, out->mem);
    if (inflateInit2(&zs, window_bits) != Z_OK)
        return NO_MEMORY;
    zs.next_in = (Bytef *)(uintptr_t)s;
    zs.avail_in = len > UINT32_MAX ? UINT32_MAX : (uInt)len;
    inflate_result result = INFLATED;
    for (;;) {
        size_t chunk = len * 4 < 64 * 1024 ? 64 * 1024 : len * 4;
        if (out->len + chunk > max + 1)
            chunk = max + 1 - out->len;
        if (!onr_buf_reserve(out, chunk)) {
            result = NO_MEMORY;
            break;
        }
        zs.next_out = (Bytef *)(out->data + out->len);
        zs.avail_out = (uInt)(chunk > UINT32_MAX ? UINT32_MAX : chunk);
        uInt before = zs.avail_out;
        int rc = inflate(&zs, Z_NO_FLUSH);
        out->len += before - zs.avail_out;
        out->data[out->len] = '\0';
        if (out->len > max) {
            result = TOO_LARGE;
            break;
        }
        if (rc == Z_STREAM_END)
            break;
        if (rc == Z_MEM_ERROR) {
            result = NO_MEMORY;
            break;
        }
        if (rc == Z_BUF_ERROR || (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0)) {
            /* the input ended inside the stream */
            result = out->len ? INFLATED : NOT_COMPRESSED;
            break;
        }
        if (rc != Z_OK) {
            result = NOT_COMPRESSED;
            break;
        }
    }
    inflateEnd(&zs);
    return result;
}

/* The last coding of a comma-separated list ("gzip", "x-gzip", "deflate", ...). */
static onr_string last_token(onr_string v)
{
    size_t start = 0;
    for (size_t i = 0; i < v.len; i++)
        if (v.data[i] == ',')
            start = i + 1;
    onr_string t = onr_mime_essence(v.data + start, v.len - start);
    return t;
}

static bool is_token(onr_string t, const char *lit)
{
    return onr_ascii_ieq(t.data, t.len, lit, strlen(lit));
}

static onr_status undo_content_coding(onr_warc_reader *r, onr_warc_record *rec, onr_error *err)
{
    onr_string coding = last_token(rec->http_content_encoding);
    bool gzip = is_token(coding, "gzip") || is_token(coding, "x-gzip");
    bool deflate = is_token(coding, "deflate");
    if (!gzip && !deflate)
        return ONR_OK;
    const unsigned char *p = (const unsigned char *)rec->payload;
    size_t n = rec->payload_len;
    if (!r->body_inflater)
        r->body_inflater = libdeflate_alloc_decompressor(); /* NULL: zlib alone */
    inflate_result res;
    if (gzip) {
        /* without the magic bytes it was stored decoded: no need to try */
        res = n >= 2 && p[0] == 0x1f && p[1] == 0x8b
                  ? inflate_body(&r->decoded, r->body_inflater, rec->payload, n, 16 + 15,
                                 r->options.max_record_size)
                  : NOT_COMPRESSED;
    } else {
        /* "deflate" is zlib-wrapped by the standard and raw by many servers */
        bool zlib_header = n >= 2 && (p[0] & 0x0F) == 8 && ((p[0] << 8) | p[1]) % 31 == 0;
        res = inflate_body(&r->decoded, r->body_inflater, rec->payload, n, zlib_header ? 15 : -15,
                           r->options.max_record_size);
    }
    switch (res) {
    case INFLATED:
        rec->payload = r->decoded.data;
        rec->payload_len = r->decoded.len;
        rec->payload_decoded = true;
        break;
    case NOT_COMPRESSED:
        rec->coding_mismatch = true;
        break;
    case TOO_LARGE:
        rec->payload = NULL;
        rec->payload_len = 0;
        rec->skip = ONR_WARC_SKIP_TOO_LARGE;
        break;
    case NO_MEMORY:
        return onr_fail(err, ONR_ERR_NOMEM, (size_t)rec->offset, "out of memory while inflating");
    }
    return ONR_OK;
}

onr_status warc_decode_http(onr_warc_reader *r, onr_warc_record *rec, const char *block,
                            size_t len, onr_error *err)
{
    if (len < 5 || memcmp(block, "HTTP/", 5) != 0) {
        /* a response record without an HTTP message: the block is the payload */
        rec->payload = block;
        rec->payload_len = len;
        return ONR_OK;
    }
    size_t head_len;
    size_t body = header_end(block, len, &head_len);
    rec->has_http = true;
    const char *nl = memchr(block, '\n', head_len);
    size_t status_len = nl ? (size_t)(nl - block) : head_len;
    rec->http_status = parse_status(block, status_len);
    const char *headers = nl ? nl + 1 : block + head_len;
    size_t headers_len = (size_t)(block + head_len - headers);
    rec->http_headers.data = headers;
    rec->http_headers.len = headers_len;
    rec->http_content_type = warc_find_header(headers, headers_len, "Content-Type", 12);
    rec->http_content_encoding = warc_find_header(headers, headers_len, "Content-Encoding", 16);
    rec->http_transfer_encoding = warc_find_header(headers, headers_len, "Transfer-Encoding", 17);
    rec->payload = block + body;
    rec->payload_len = len - body;
    if (rec->http_transfer_encoding.data && is_token(last_token(rec->http_transfer_encoding), "chunked")) {
        if (dechunk(&r->dechunked, rec->payload, rec->payload_len)) {
            if (r->dechunked.failed)
                return onr_fail(err, ONR_ERR_NOMEM, (size_t)rec->offset, "out of memory");
            rec->payload = r->dechunked.data ? r->dechunked.data : "";
            rec->payload_len = r->dechunked.len;
            rec->payload_dechunked = true;
        } else {
            rec->coding_mismatch = true;
        }
    }
    if (rec->http_content_encoding.data && rec->payload_len)
        return undo_content_coding(r, rec, err);
    return ONR_OK;
}
