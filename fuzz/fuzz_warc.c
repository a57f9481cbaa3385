/* Fuzz target: the WARC reader, from onr_warc_open_memory (or a file) through onr_warc_next until
 * the end, with HTTP parsing, de-chunking and content decoding. Damage must be reported and skipped,
 * never loop, and payloads must respect the record size cap.
 * Byte 0: bit 0 fail one allocation (its number is the next byte); bit 1 small limits (the next two
 * bytes); bit 2 keep non-HTML payloads; bit 3 keep truncated records; bit 4 clone each record;
 * bits 5-6 the feeding mode: the bytes in memory, from a file, gzip-compressed as one member, or
 * zstd-compressed as one frame; bit 7, for gzip bytes, read them from a file stretch by stretch
 * between member magics too (as `onrecord -j N` does) and require the records and errors of one
 * whole-file reader. */
#include "fuzz.h"
#include "warc_events.h"

#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

enum { FEED_MEMORY, FEED_FILE, FEED_GZIP, FEED_ZSTD };

/* The input wrapped as one gzip member, so that the fuzzer reaches the gzip path with plain
 * records. */
static uint8_t *gzip_wrap(const uint8_t *data, size_t len, size_t *out_len)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return NULL;
    size_t cap = deflateBound(&zs, (uLong)len) + 32;
    uint8_t *out = malloc(cap);
    if (out) {
        zs.next_in = (Bytef *)(uintptr_t)data;
        zs.avail_in = (uInt)len;
        zs.next_out = out;
        zs.avail_out = (uInt)cap;
        if (deflate(&zs, Z_FINISH) != Z_STREAM_END) {
            free(out);
            out = NULL;
        }
        *out_len = cap - zs.avail_out;
    }
    deflateEnd(&zs);
    return out;
}

static uint8_t *zstd_wrap(const uint8_t *data, size_t len, size_t *out_len)
{
    size_t cap = ZSTD_compressBound(len);
    uint8_t *out = malloc(cap ? cap : 1);
    if (!out)
        return NULL;
    size_t n = ZSTD_compress(out, cap, data, len, 1);
    if (ZSTD_isError(n)) {
        free(out);
        return NULL;
    }
    *out_len = n;
    return out;
}

static onr_status open_reader(int feed, const uint8_t *data, size_t len, const onr_warc_options *opt,
                              test_mem *t, onr_warc_reader **reader)
{
    if (feed != FEED_FILE)
        return onr_warc_open_memory((const char *)data, len, opt, &t->mem, reader, NULL);
    char path[] = "/tmp/onr-fuzz-warc-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return ONR_ERR_IO;
    bool written = write(fd, data, len) == (ssize_t)len;
    close(fd);
    onr_status st = written ? onr_warc_open(path, opt, &t->mem, reader, NULL) : ONR_ERR_IO;
    unlink(path); /* the reader keeps its descriptor open */
    return st;
}

/* Reads every byte a record hands out, so that the sanitizers see any that point outside. */
static void touch(const char *s, size_t len, unsigned *sum)
{
    for (size_t i = 0; i < len; i++)
        *sum += (unsigned char)s[i];
}

static void check_record(const onr_warc_record *r, const onr_warc_options *opt, unsigned flags,
                         test_mem *t, unsigned *sum)
{
    const onr_string strings[] = {r->type_name, r->version, r->record_id, r->target_uri, r->date,
                                  r->identified_payload_type, r->content_type, r->headers,
                                  r->http_headers, r->http_content_type, r->http_content_encoding,
                                  r->http_transfer_encoding};
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
        touch(strings[i].data, strings[i].len, sum);
    touch(r->payload, r->payload_len, sum);
    fuzz_require(r->payload_len <= opt->max_record_size, "payload within the record cap");
    fuzz_require(onr_warc_classify(r, opt) == r->skip, "classify agrees with the reader");
    (void)onr_warc_record_is_html(r);
    onr_string ct = onr_warc_header(r, "content-TYPE", 12);
    touch(ct.data, ct.len, sum);
    (void)onr_warc_type_name(r->type);
    (void)onr_warc_skip_name(r->skip);
    if (flags & 16) {
        onr_warc_record *copy = NULL;
        onr_status st = onr_warc_record_clone(r, &t->mem, &copy, NULL);
        fuzz_check_status(t, st, "warc clone");
        if (st == ONR_OK) {
            fuzz_require(copy->payload_len == r->payload_len &&
                             (r->payload_len == 0 || memcmp(copy->payload, r->payload, r->payload_len) == 0),
                         "clone keeps the payload");
            onr_warc_record_free(copy, &t->mem);
        }
    }
}

/* Reading by stretches gives what one reader gives (no allocation failures here: they would make
 * the two differ). */
static void check_stretches(const uint8_t *bytes, size_t len, const onr_warc_options *opt)
{
    if (len < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b)
        return;
    char path[] = "/tmp/onr-fuzz-warc-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return;
    onr_warc_reader *reader = NULL;
    if (write(fd, bytes, len) == (ssize_t)len) {
        if (onr_warc_open(path, opt, NULL, &reader, NULL) == ONR_OK) {
            warc_events whole, stretches;
            memset(&whole, 0, sizeof whole);
            memset(&stretches, 0, sizeof stretches);
            warc_events_read(reader, 0, &whole);
            onr_warc_close(reader);
            fuzz_require(warc_events_by_stretches(fd, (const char *)bytes, len, opt, &stretches),
                         "every stretch opens and starts where the one before stopped");
            fuzz_require(stretches.count == whole.count && stretches.hash == whole.hash,
                         "stretches give the records and errors of one reader");
        }
    }
    close(fd);
    unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    unsigned flags = fuzz_take_byte(&in);
    test_mem t;
    fuzz_mem_init(&t, flags, 1, &in);
    onr_warc_options opt;
    onr_warc_options_init(&opt);
    if (flags & 2) {
        opt.max_record_size = 64 * (size_t)fuzz_take_byte(&in);
        opt.max_header_size = 16 + 16 * (size_t)fuzz_take_byte(&in);
    }
    opt.html_only = !(flags & 4);
    opt.keep_truncated = (flags & 8) != 0;
    int feed = (int)((flags >> 5) & 3);

    const uint8_t *bytes = in.data;
    size_t len = in.len;
    uint8_t *wrapped = NULL;
    if (feed == FEED_GZIP)
        bytes = wrapped = gzip_wrap(in.data, in.len, &len);
    else if (feed == FEED_ZSTD)
        bytes = wrapped = zstd_wrap(in.data, in.len, &len);
    if (feed >= FEED_GZIP && !wrapped)
        return 0;
    (void)onr_warc_sniff((const char *)bytes, len);

    onr_warc_reader *reader = NULL;
    onr_status status = open_reader(feed, bytes, len, &opt, &t, &reader);
    fuzz_check_status(&t, status, "warc open");
    unsigned sum = 0;
    if (status == ONR_OK) {
        /* Each call consumes input or ends the file, so the calls are bounded by the bytes. */
        size_t calls = 0;
        uint64_t position = 0;
        for (;;) {
            fuzz_require(++calls <= len + 2, "the reader makes progress");
            const onr_warc_record *record = NULL;
            onr_error err;
            onr_status st = onr_warc_next(reader, &record, &err);
            uint64_t now = onr_warc_reader_position(reader);
            fuzz_require(now >= position, "the position only moves forward");
            position = now;
            if (st == ONR_ERR_FORMAT)
                continue;
            if (st != ONR_OK) {
                fuzz_require(st == ONR_ERR_NOMEM && t.failures > 0, "only nomem ends a memory read");
                const onr_warc_record *after = NULL;
                fuzz_require(onr_warc_next(reader, &after, &err) == ONR_OK && after == NULL,
                             "after a final error the reader reports the end");
                break;
            }
            if (!record)
                break;
            fuzz_require(record->offset + record->length <= len || feed >= FEED_GZIP,
                         "the record lies inside the file");
            check_record(record, &opt, flags, &t, &sum);
        }
        (void)onr_warc_reader_compression(reader);
        (void)onr_warc_reader_file_size(reader);
        onr_warc_close(reader);
    }
    if ((flags & 128) && !(flags & 1))
        check_stretches(bytes, len, &opt);
    free(wrapped);
    fuzz_check_no_leak(&t, "warc");
    /* Keeps the reads in touch() from being optimised away. */
    volatile unsigned sink = sum;
    (void)sink;
    return 0;
}
