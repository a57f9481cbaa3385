/* WARC records from a stream: header parsing, Content-Length framing, skip decisions and the
 * recovery from damage (garbage, wrong lengths, broken compressed members). */
#include "warc.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static const char *const type_names[] = {"warcinfo", "response", "resource",     "request", "metadata",
                                         "revisit",  "conversion", "continuation", "other"};

static const char *const skip_names[] = {"keep",      "not-response", "http-status", "not-html",
                                         "too-large", "truncated",    "empty"};

const char *onr_warc_type_name(onr_warc_type type)
{
    return (unsigned)type < sizeof type_names / sizeof type_names[0] ? type_names[type] : "other";
}

const char *onr_warc_skip_name(onr_warc_skip skip)
{
    return (unsigned)skip < sizeof skip_names / sizeof skip_names[0] ? skip_names[skip] : "unknown";
}

void onr_warc_options_init(onr_warc_options *options)
{
    if (!options)
        return;
    memset(options, 0, sizeof *options);
    options->size = sizeof *options;
    options->max_record_size = 16u * 1024 * 1024;
    options->max_header_size = 256u * 1024;
    options->min_status = 200;
    options->max_status = 299;
    options->html_only = true;
    options->keep_truncated = false;
}

/* ---- header blocks ---- */

static const char *find_crlf2(const char *s, size_t len)
{
    const char *end = s + len;
    for (const char *p = s; p + 4 <= end;) {
        const char *cr = memchr(p, '\r', (size_t)(end - p) - 3);
        if (!cr)
            return NULL;
        if (cr[1] == '\n' && cr[2] == '\r' && cr[3] == '\n')
            return cr;
        p = cr + 1;
    }
    return NULL;
}

static onr_string trim(const char *s, size_t len)
{
    while (len && (s[0] == ' ' || s[0] == '\t')) {
        s++;
        len--;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
        len--;
    onr_string r = {s, len};
    return r;
}

onr_string warc_find_header(const char *block, size_t len, const char *name, size_t name_len)
{
    onr_string none = {NULL, 0};
    const char *end = block + len;
    const char *line = block;
    while (line < end) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *line_end = nl ? nl : end;
        if ((size_t)(line_end - line) > name_len && line[name_len] == ':' &&
            onr_ascii_ieq(line, name_len, name, name_len))
            return trim(line + name_len + 1, (size_t)(line_end - line) - name_len - 1);
        line = nl ? nl + 1 : end;
    }
    return none;
}

onr_string onr_warc_header(const onr_warc_record *record, const char *name, size_t name_len)
{
    onr_string none = {NULL, 0};
    if (!record || !name || !record->headers.data)
        return none;
    return warc_find_header(record->headers.data, record->headers.len, name, name_len);
}

static onr_warc_type type_from_name(onr_string name)
{
    for (size_t i = 0; i + 1 < sizeof type_names / sizeof type_names[0]; i++)
        if (onr_ascii_ieq(name.data, name.len, type_names[i], strlen(type_names[i])))
            return (onr_warc_type)i;
    return ONR_WARC_OTHER;
}

static bool parse_length(onr_string v, uint64_t *out)
{
    if (!v.data || v.len == 0 || v.len > 19)
        return false;
    uint64_t n = 0;
    for (size_t i = 0; i < v.len; i++) {
        if (v.data[i] < '0' || v.data[i] > '9')
            return false;
        n = n * 10 + (uint64_t)(v.data[i] - '0');
    }
    *out = n;
    return true;
}

#define NAME_IS(lit) onr_ascii_ieq(name, name_len, lit, sizeof lit - 1)

/* Fills the record's WARC fields from a header block (without its final blank line). */
static bool parse_warc_headers(onr_warc_record *r, const char *block, size_t len)
{
    const char *end = block + len;
    const char *nl = memchr(block, '\n', len);
    const char *first_end = nl ? nl : end;
    r->version = trim(block, (size_t)(first_end - block));
    r->headers.data = block;
    r->headers.len = len;
    bool has_length = false;
    for (const char *line = nl ? nl + 1 : end; line < end;) {
        nl = memchr(line, '\n', (size_t)(end - line));
        const char *line_end = nl ? nl : end;
        const char *colon = memchr(line, ':', (size_t)(line_end - line));
        if (colon && line[0] != ' ' && line[0] != '\t') {
            const char *name = line;
            size_t name_len = (size_t)(colon - line);
            onr_string value = trim(colon + 1, (size_t)(line_end - colon - 1));
            if (NAME_IS("WARC-Type"))
                r->type_name = value;
            else if (NAME_IS("WARC-Record-ID"))
                r->record_id = value;
            else if (NAME_IS("WARC-Target-URI"))
                r->target_uri = value;
            else if (NAME_IS("WARC-Date"))
                r->date = value;
            else if (NAME_IS("WARC-Identified-Payload-Type"))
                r->identified_payload_type = value;
            else if (NAME_IS("Content-Type"))
                r->content_type = value;
            else if (NAME_IS("Content-Length"))
                has_length = parse_length(value, &r->content_length);
        }
        line = nl ? nl + 1 : end;
    }
    /* WARC/1.0 wrote the target URI in angle brackets */
    if (r->target_uri.len >= 2 && r->target_uri.data[0] == '<' &&
        r->target_uri.data[r->target_uri.len - 1] == '>') {
        r->target_uri.data++;
        r->target_uri.len -= 2;
    }
    r->type = r->type_name.data ? type_from_name(r->type_name) : ONR_WARC_OTHER;
    return has_length;
}

/* ---- filters ---- */

static bool html_type(onr_string content_type)
{
    onr_string e = onr_mime_essence(content_type.data, content_type.len);
    return onr_ascii_ieq(e.data, e.len, "text/html", 9) ||
           onr_ascii_ieq(e.data, e.len, "application/xhtml+xml", 21);
}

static bool contains_ci(const char *s, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    for (size_t i = 0; i + n <= len; i++)
        if (onr_ascii_ieq(s + i, n, lit, n))
            return true;
    return false;
}

static bool looks_like_html(const char *s, size_t len)
{
    size_t n = len < 1024 ? len : 1024;
    return contains_ci(s, n, "<html") || contains_ci(s, n, "<!doctype html") ||
           contains_ci(s, n, "<head") || contains_ci(s, n, "<body");
}

bool onr_warc_record_is_html(const onr_warc_record *record)
{
    if (!record)
        return false;
    if (record->identified_payload_type.data && record->identified_payload_type.len)
        return html_type(record->identified_payload_type);
    onr_string declared = {NULL, 0};
    if (record->type == ONR_WARC_RESPONSE)
        declared = record->http_content_type;
    else if (record->type == ONR_WARC_RESOURCE)
        declared = record->content_type;
    if (declared.data && declared.len)
        return html_type(declared);
    return record->payload && looks_like_html(record->payload, record->payload_len);
}

/* The verdicts that need only the WARC header. */
static onr_warc_skip classify_header(const onr_warc_record *r, const onr_warc_options *o)
{
    if (r->type != ONR_WARC_RESPONSE && r->type != ONR_WARC_RESOURCE)
        return ONR_WARC_SKIP_NOT_RESPONSE;
    if (!o->keep_truncated && onr_warc_header(r, "WARC-Truncated", 14).data)
        return ONR_WARC_SKIP_TRUNCATED;
    return ONR_WARC_KEEP;
}

onr_warc_skip onr_warc_classify(const onr_warc_record *record, const onr_warc_options *options)
{
    onr_warc_options defaults;
    if (!options) {
        onr_warc_options_init(&defaults);
        options = &defaults;
    }
    if (!record)
        return ONR_WARC_SKIP_EMPTY;
    onr_warc_skip skip = classify_header(record, options);
    if (skip != ONR_WARC_KEEP)
        return skip;
    /* the reader dropped the payload of a record too large for it: that verdict stands */
    if (record->skip == ONR_WARC_SKIP_TOO_LARGE || record->content_length > options->max_record_size)
        return ONR_WARC_SKIP_TOO_LARGE;
    if (record->type == ONR_WARC_RESPONSE && record->has_http && record->http_status &&
        (record->http_status < options->min_status || record->http_status > options->max_status))
        return ONR_WARC_SKIP_HTTP_STATUS;
    if (record->payload_len == 0)
        return ONR_WARC_SKIP_EMPTY;
    if (options->html_only && !onr_warc_record_is_html(record))
        return ONR_WARC_SKIP_NOT_HTML;
    return ONR_WARC_KEEP;
}

/* ---- the reader ---- */

static onr_status new_reader(const onr_warc_options *options, const onr_mem *mem,
                             onr_warc_reader **out, onr_error *err)
{
    if (!out)
        return onr_fail(err, ONR_ERR_ARGUMENT, (size_t)-1, "onr_warc_open: NULL out");
    *out = NULL;
    onr_warc_options o;
    if (options) {
        if (options->size != sizeof o)
            return onr_fail(err, ONR_ERR_ARGUMENT, (size_t)-1, "onr_warc_options of unknown size");
        o = *options;
    } else {
        onr_warc_options_init(&o);
    }
    if (o.max_record_size == 0 || o.max_header_size < 1024 ||
        o.max_record_size > SIZE_MAX / 4 || o.max_header_size > SIZE_MAX / 4)
        return onr_fail(err, ONR_ERR_ARGUMENT, (size_t)-1, "bad WARC reader limits");
    mem = onr_mem_or_default(mem);
    onr_warc_reader *r = onr_malloc(mem, sizeof *r);
    if (!r)
        return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory");
    memset(r, 0, sizeof *r);
    r->mem = mem;
    r->options = o;
    r->fd = -1;
    onr_buf_init(&r->header_copy, mem);
    onr_buf_init(&r->dechunked, mem);
    onr_buf_init(&r->decoded, mem);
    *out = r;
    return ONR_OK;
}

/* The window holds a whole record (headers, block, the start of the next record's header). */
static size_t window_limit(const onr_warc_options *o)
{
    size_t limit = o->max_record_size + o->max_header_size + 64 * 1024;
    return limit < 2 * 1024 * 1024 ? 2 * 1024 * 1024 : limit;
}

onr_status onr_warc_open(const char *path, const onr_warc_options *options, const onr_mem *mem,
                         onr_warc_reader **out, onr_error *err)
{
    if (!path)
        return onr_fail(err, ONR_ERR_ARGUMENT, (size_t)-1, "onr_warc_open: NULL path");
    onr_status st = new_reader(options, mem, out, err);
    if (st != ONR_OK)
        return st;
    onr_warc_reader *r = *out;
    r->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (r->fd < 0) {
        st = onr_fail(err, ONR_ERR_IO, (size_t)-1, "cannot open %s: %s", path, strerror(errno));
    } else {
#ifdef POSIX_FADV_SEQUENTIAL
        posix_fadvise(r->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
        st = warc_stream_open_fd(&r->stream, r->fd, window_limit(&r->options), r->mem, err);
    }
    if (st != ONR_OK) {
        onr_warc_close(r);
        *out = NULL;
    }
    return st;
}

onr_status onr_warc_open_memory(const char *data, size_t len, const onr_warc_options *options,
                                const onr_mem *mem, onr_warc_reader **out, onr_error *err)
{
    if (!data && len)
        return onr_fail(err, ONR_ERR_ARGUMENT, (size_t)-1, "onr_warc_open_memory: NULL data");
    onr_status st = new_reader(options, mem, out, err);
    if (st != ONR_OK)
        return st;
    st = warc_stream_open_memory(&(*out)->stream, data ? data : "", len,
                                 window_limit(&(*out)->options), (*out)->mem, err);
    if (st != ONR_OK) {
        onr_warc_close(*out);
        *out = NULL;
    }
    return st;
}

onr_status onr_warc_open_at(int fd, uint64_t offset, uint64_t length_hint, bool one_member,
                            const onr_warc_options *options, const onr_mem *mem, onr_warc_reader **out,
                            onr_error *err)
{
    if (fd < 0)
        return onr_fail(err, ONR_ERR_ARGUMENT, (size_t)-1, "onr_warc_open_at: bad descriptor");
    onr_status st = new_reader(options, mem, out, err);
    if (st != ONR_OK)
        return st;
    st = warc_stream_open_at(&(*out)->stream, fd, offset, length_hint, one_member,
                             window_limit(&(*out)->options), (*out)->mem, err);
    if (st != ONR_OK) {
        onr_warc_close(*out);
        *out = NULL;
    }
    return st;
}

onr_status onr_warc_reopen_at(onr_warc_reader *reader, int fd, uint64_t offset, uint64_t length_hint,
                              bool one_member, onr_error *err)
{
    if (!reader || !reader->stream.positional || fd < 0)
        return onr_fail(err, ONR_ERR_ARGUMENT, (size_t)-1, "onr_warc_reopen_at: not a reader from onr_warc_open_at");
    memset(&reader->record, 0, sizeof reader->record);
    reader->pending_discard = 0;
    reader->quiet_resync = reader->spilled = false;
    onr_status st = warc_stream_reopen_at(&reader->stream, fd, offset, length_hint, one_member, err);
    reader->finished = st != ONR_OK; /* a failed reopening reads nothing until the next */
    return st;
}

uint64_t onr_warc_reader_stop(const onr_warc_reader *reader, bool *spilled)
{
    if (spilled)
        *spilled = reader && reader->spilled;
    return reader ? warc_stream_input_offset(&reader->stream) : 0;
}

size_t onr_warc_find_gzip_magic(const char *data, size_t len)
{
    size_t i = 0;
#if defined(__SSE2__)
    /* compressed data holds a 0x1f every 256 bytes or so, which keeps stopping memchr: look for the
     * first two bytes together, sixteen positions at a time */
    const __m128i first = _mm_set1_epi8(0x1f), second = _mm_set1_epi8((char)0x8b);
    for (; len - i >= 19; i += 16) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(data + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(data + i + 1));
        __m128i both = _mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, second));
        unsigned pairs = (unsigned)_mm_movemask_epi8(both);
        for (; pairs; pairs &= pairs - 1) {
            size_t at = i + (size_t)__builtin_ctz(pairs);
            if (data[at + 2] == 0x08)
                return at;
        }
    }
#endif
    while (i + 3 <= len) {
        const char *hit = memchr(data + i, 0x1f, len - 2 - i);
        if (!hit)
            break;
        i = (size_t)(hit - data);
        if ((unsigned char)hit[1] == 0x8b && hit[2] == 0x08)
            return i;
        i++;
    }
    return len;
}

void onr_warc_close(onr_warc_reader *reader)
{
    if (!reader)
        return;
    warc_stream_close(&reader->stream);
    if (reader->fd >= 0)
        close(reader->fd);
    onr_buf_free(&reader->header_copy);
    onr_buf_free(&reader->dechunked);
    onr_buf_free(&reader->decoded);
    if (reader->body_inflater)
        libdeflate_free_decompressor(reader->body_inflater);
    onr_free(reader->mem, reader);
}

onr_warc_compression onr_warc_reader_compression(const onr_warc_reader *reader)
{
    return reader ? reader->stream.kind : ONR_WARC_PLAIN;
}

uint64_t onr_warc_reader_position(const onr_warc_reader *reader)
{
    return reader ? warc_stream_consumed(&reader->stream) : 0;
}

uint64_t onr_warc_reader_file_size(const onr_warc_reader *reader)
{
    return reader ? warc_stream_file_size(&reader->stream) : 0;
}

static uint64_t file_offset(const onr_warc_reader *r, uint64_t stream_pos)
{
    return warc_stream_file_start(&r->stream, stream_pos);
}

static bool at_version(const char *p, size_t avail)
{
    return avail >= 6 && memcmp(p, "WARC/", 5) == 0 && p[5] >= '0' && p[5] <= '9';
}

/* The stream has nothing more: the end, or a break to report and step over. */
static onr_status stream_stopped(onr_warc_reader *r, onr_error *err)
{
    warc_stream *s = &r->stream;
    if (s->state == WARC_STREAM_BREAK) {
        if (err)
            *err = s->problem;
        warc_stream_resume(s);
        r->quiet_resync = false;
        return ONR_ERR_FORMAT;
    }
    r->finished = true;
    if (s->state == WARC_STREAM_FATAL) {
        if (err)
            *err = s->problem;
        return s->problem.status;
    }
    return ONR_OK;
}

/* A one-member reader whose record or garbage runs to its member's end cannot tell what comes
 * next: the whole-file reader must take over from the member's start. */
static void note_spill(onr_warc_reader *r)
{
    if (r->stream.stopped_at_member)
        r->spilled = true;
}

/* Bytes that are not a record: skip to the next "WARC/" at a line start. Returns whether they
 * are to be reported (not when they follow damage already reported). */
static bool skip_garbage(onr_warc_reader *r, onr_error *err)
{
    warc_stream *s = &r->stream;
    uint64_t start = warc_stream_tell(s);
    uint64_t offset = file_offset(r, start);
    warc_stream_discard(s, 1);
    for (;;) {
        size_t avail = warc_stream_ensure(s, 64 * 1024);
        const char *p = warc_stream_data(s);
        const char *hit = NULL;
        for (size_t i = 0; i + 6 <= avail;) {
            const char *nl = memchr(p + i, '\n', avail - i - 5);
            if (!nl)
                break;
            if (memcmp(nl + 1, "WARC/", 5) == 0) {
                hit = nl;
                break;
            }
            i = (size_t)(nl - p) + 1;
        }
        if (hit) {
            warc_stream_discard(s, (size_t)(hit - p) + 1);
            break;
        }
        if (s->state != WARC_STREAM_OK) { /* nothing more will come: all of it is garbage */
            note_spill(r);
            warc_stream_discard(s, avail);
            break;
        }
        warc_stream_discard(s, avail - 5); /* "\nWARC" may straddle the window's end */
    }
    if (r->quiet_resync)
        return false;
    uint64_t skipped = warc_stream_tell(s) - start;
    onr_fail(err, ONR_ERR_FORMAT, (size_t)offset,
             "%llu bytes of garbage at offset %llu instead of a WARC record",
             (unsigned long long)skipped, (unsigned long long)offset);
    return true;
}

/* Damage inside a record: report it, step one byte in and let the garbage scan find the next
 * record without reporting again. A broken member explains the damage instead: its rest is
 * inflated first, since how far zlib had got when the record was read depends on the room it had
 * (and -j N must report what -j 1 reports). */
static onr_status record_damaged(onr_warc_reader *r, onr_error *err)
{
    warc_stream *s = &r->stream;
    note_spill(r);
    warc_stream_finish_member(s);
    if (s->state == WARC_STREAM_BREAK)
        return stream_stopped(r, err); /* the broken member explains it */
    warc_stream_discard(s, 1);
    r->quiet_resync = true;
    return ONR_ERR_FORMAT;
}

/* Whether the bytes after a block end the record properly: CR/LF, then the next record or the
 * end. Sets *trailer to the CR/LF bytes to drop with the record. */
static bool record_end_ok(const warc_stream *s, uint64_t block_end, size_t *trailer)
{
    size_t avail = warc_stream_avail(s);
    const char *p = warc_stream_data(s) + block_end;
    size_t rest = avail - (size_t)block_end, k = 0;
    while (k < 4 && k < rest && (p[k] == '\r' || p[k] == '\n'))
        k++;
    *trailer = k;
    if (k == 4 && memcmp(p, "\r\n\r\n", 4) == 0)
        return true;
    if (k == rest)
        return s->state != WARC_STREAM_OK;
    return at_version(p + k, rest - k);
}

static void cut_short(onr_warc_reader *r, const onr_warc_record *rec, uint64_t offset, onr_error *err)
{
    note_spill(r);
    onr_fail(err, ONR_ERR_FORMAT, (size_t)offset,
             "record at offset %llu is cut short: Content-Length %llu runs past the end",
             (unsigned long long)offset, (unsigned long long)rec->content_length);
}

static onr_status read_too_large(onr_warc_reader *r, onr_warc_record *rec, size_t header_len,
                                 onr_error *err)
{
    warc_stream *s = &r->stream;
    uint64_t start = warc_stream_tell(s);
    uint64_t offset = file_offset(r, start); /* before dropping forgets the record's member */
    /* keep the header: the window moves on while the block is dropped */
    onr_buf_clear(&r->header_copy);
    onr_buf_append(&r->header_copy, warc_stream_data(s), header_len - 4);
    if (r->header_copy.failed)
        return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory");
    memset(rec, 0, sizeof *rec);
    parse_warc_headers(rec, r->header_copy.data, header_len - 4);
    uint64_t total = header_len + rec->content_length;
    if (s->kind == ONR_WARC_PLAIN && s->size_known && rec->content_length > s->file_size - start) {
        /* known before reading the block: the records it would swallow are still ahead */
        cut_short(r, rec, offset, err);
        return record_damaged(r, err);
    }
    if (warc_stream_discard_in_member(s, total) < total) {
        /* the end of the input (the rest is lost: a pipe cannot go back), of the record's gzip
         * member or zstd frame (reading goes on with the next), or a broken member */
        cut_short(r, rec, offset, err);
        if (s->state == WARC_STREAM_BREAK)
            return stream_stopped(r, err);
        return ONR_ERR_FORMAT;
    }
    warc_stream_ensure(s, 4 + 6);
    size_t trailer;
    if (!record_end_ok(s, 0, &trailer)) {
        onr_fail(err, ONR_ERR_FORMAT, (size_t)offset,
                 "Content-Length %llu of the record at offset %llu does not match its end",
                 (unsigned long long)rec->content_length, (unsigned long long)offset);
        return record_damaged(r, err);
    }
    warc_stream_discard(s, trailer);
    rec->offset = offset;
    rec->length = warc_stream_file_end(s, warc_stream_tell(s) - 1) - rec->offset;
    rec->skip = classify_header(rec, &r->options);
    if (rec->skip == ONR_WARC_KEEP)
        rec->skip = ONR_WARC_SKIP_TOO_LARGE;
    return ONR_OK;
}

static onr_status read_record(onr_warc_reader *r, const onr_warc_record **out, onr_error *err)
{
    warc_stream *s = &r->stream;
    onr_warc_record *rec = &r->record;
    uint64_t start = warc_stream_tell(s);
    size_t want = 4096, scanned = 0, limit = r->options.max_header_size;
    const char *end;
    for (;;) {
        size_t avail = warc_stream_ensure(s, want);
        const char *p = warc_stream_data(s);
        size_t from = scanned > 3 ? scanned - 3 : 0;
        end = find_crlf2(p + from, avail - from);
        if (end)
            break;
        scanned = avail;
        if (avail < want || want >= limit) {
            onr_fail(err, ONR_ERR_FORMAT, (size_t)file_offset(r, start),
                     "WARC header at offset %llu has no end within %zu bytes",
                     (unsigned long long)file_offset(r, start), avail);
            return record_damaged(r, err);
        }
        want = want * 4 < limit ? want * 4 : limit;
    }
    size_t header_len = (size_t)(end - warc_stream_data(s)) + 4;
    if (!parse_warc_headers(rec, warc_stream_data(s), header_len - 4)) {
        onr_fail(err, ONR_ERR_FORMAT, (size_t)file_offset(r, start),
                 "WARC record at offset %llu has no valid Content-Length",
                 (unsigned long long)file_offset(r, start));
        return record_damaged(r, err);
    }
    if (rec->content_length > r->options.max_record_size) {
        onr_status st = read_too_large(r, rec, header_len, err);
        if (st == ONR_OK) {
            r->quiet_resync = false;
            *out = rec;
        }
        return st;
    }
    size_t total = header_len + (size_t)rec->content_length;
    /* A proper "\r\n\r\n" after the block settles the end without looking further, so the next
     * gzip member is not inflated (and this record moved in the window) before it is needed. */
    size_t avail = warc_stream_ensure(s, total + 4);
    if (avail < total + 4 || memcmp(warc_stream_data(s) + total, "\r\n\r\n", 4) != 0)
        avail = warc_stream_ensure(s, total + 4 + 6);
    if (avail < total) {
        onr_fail(err, ONR_ERR_FORMAT, (size_t)file_offset(r, start),
                 "record at offset %llu is cut short: Content-Length %llu, %zu bytes follow",
                 (unsigned long long)file_offset(r, start), (unsigned long long)rec->content_length,
                 avail - header_len);
        return record_damaged(r, err);
    }
    size_t trailer;
    if (!record_end_ok(s, total, &trailer)) {
        onr_fail(err, ONR_ERR_FORMAT, (size_t)file_offset(r, start),
                 "Content-Length %llu of the record at offset %llu does not match its end",
                 (unsigned long long)rec->content_length, (unsigned long long)file_offset(r, start));
        return record_damaged(r, err);
    }
    /* the window may have moved while growing: parse again where the header now is */
    const char *base = warc_stream_data(s);
    memset(rec, 0, sizeof *rec);
    parse_warc_headers(rec, base, header_len - 4);
    const char *block = base + header_len;
    size_t block_len = (size_t)rec->content_length;
    rec->offset = file_offset(r, start);
    rec->length = warc_stream_file_end(s, start + total + trailer - 1) - rec->offset;
    r->pending_discard = total + trailer;
    r->quiet_resync = false;
    rec->skip = classify_header(rec, &r->options);
    if (rec->skip == ONR_WARC_KEEP) {
        onr_status st = ONR_OK;
        if (rec->type == ONR_WARC_RESPONSE)
            st = warc_decode_http(r, rec, block, block_len, err);
        else {
            rec->payload = block;
            rec->payload_len = block_len;
        }
        if (st != ONR_OK)
            return st;
        if (rec->skip == ONR_WARC_KEEP)
            rec->skip = onr_warc_classify(rec, &r->options);
    }
    *out = rec;
    return ONR_OK;
}

static onr_status next_record(onr_warc_reader *reader, const onr_warc_record **record,
                              onr_error *err);

onr_status onr_warc_next(onr_warc_reader *reader, const onr_warc_record **record,
                         onr_error *err)
{
    onr_status st = next_record(reader, record, err);
    if (st != ONR_OK && st != ONR_ERR_FORMAT && st != ONR_ERR_ARGUMENT && reader) {
        /* out of memory or an I/O error: the reader's state is no longer trustworthy */
        reader->finished = true;
        *record = NULL;
    }
    return st;
}

static onr_status next_record(onr_warc_reader *reader, const onr_warc_record **record,
                              onr_error *err)
{
    if (!reader || !record)
        return onr_fail(err, ONR_ERR_ARGUMENT, (size_t)-1, "onr_warc_next: NULL argument");
    *record = NULL;
    if (reader->finished)
        return ONR_OK;
    warc_stream *s = &reader->stream;
    if (reader->pending_discard) {
        warc_stream_discard(s, reader->pending_discard);
        reader->pending_discard = 0;
    }
    memset(&reader->record, 0, sizeof reader->record);
    for (;;) {
        /* blank lines between records are tolerated */
        while (warc_stream_ensure(s, 1) && (warc_stream_data(s)[0] == '\r' ||
                                            warc_stream_data(s)[0] == '\n'))
            warc_stream_discard(s, 1);
        if (warc_stream_avail(s) == 0) {
            onr_status st = stream_stopped(reader, err);
            if (st != ONR_OK || reader->finished)
                return st;
            continue;
        }
        size_t avail = warc_stream_ensure(s, 6);
        if (!at_version(warc_stream_data(s), avail)) {
            if (skip_garbage(reader, err))
                return ONR_ERR_FORMAT;
            continue;
        }
        return read_record(reader, record, err);
    }
}

/* ---- sniffing ---- */

bool onr_warc_sniff(const char *data, size_t len)
{
    if (!data)
        return false;
    const unsigned char *p = (const unsigned char *)data;
    if (at_version(data, len))
        return true;
    if (len >= 2 && p[0] == 0x1f && p[1] == 0x8b) {
        /* inflate the start of the first member and look for a WARC version line */
        char head[16];
        z_stream zs;
        memset(&zs, 0, sizeof zs);
        if (inflateInit2(&zs, 16 + 15) != Z_OK)
            return false;
        zs.next_in = (Bytef *)(uintptr_t)data;
        zs.avail_in = len > UINT32_MAX ? UINT32_MAX : (uInt)len;
        zs.next_out = (Bytef *)head;
        zs.avail_out = sizeof head;
        int rc = inflate(&zs, Z_SYNC_FLUSH);
        size_t got = sizeof head - zs.avail_out;
        inflateEnd(&zs);
        return (rc == Z_OK || rc == Z_STREAM_END || rc == Z_BUF_ERROR) && at_version(head, got);
    }
    if (len >= 4 && (p[0] & 0xF0) == 0x50 && p[1] == 0x2A && p[2] == 0x4D && p[3] == 0x18)
        return true; /* the zstd WARC convention's dictionary frame comes first */
    if (len >= 4 && p[0] == 0x28 && p[1] == 0xb5 && p[2] == 0x2f && p[3] == 0xfd) {
        ZSTD_DCtx *zd = ZSTD_createDCtx();
        if (!zd)
            return false;
        char head[16];
        ZSTD_inBuffer in = {data, len, 0};
        ZSTD_outBuffer out = {head, sizeof head, 0};
        size_t rc = ZSTD_decompressStream(zd, &out, &in);
        ZSTD_freeDCtx(zd);
        if (ZSTD_isError(rc))
            return false;
        /* no output yet: the first block is longer than what we were given; trust the magic */
        return out.pos == 0 || at_version(head, out.pos);
    }
    return false;
}

bool onr_warc_sniff_file(const char *path)
{
    if (!path)
        return false;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    char head[16384];
    ssize_t got;
    do
        got = read(fd, head, sizeof head);
    while (got < 0 && errno == EINTR);
    close(fd);
    return got > 0 && onr_warc_sniff(head, (size_t)got);
}

/* ---- copies ---- */

static size_t string_room(onr_string s) { return s.data ? s.len + 1 : 0; }

static onr_string copy_string(char **at, onr_string s)
{
    if (!s.data)
        return s;
    memcpy(*at, s.data, s.len);
    (*at)[s.len] = '\0';
    onr_string copy = {*at, s.len};
    *at += s.len + 1;
    return copy;
}

onr_status onr_warc_record_clone(const onr_warc_record *record, const onr_mem *mem,
                                 onr_warc_record **out, onr_error *err)
{
    if (!record || !out)
        return onr_fail(err, ONR_ERR_ARGUMENT, (size_t)-1, "onr_warc_record_clone: NULL argument");
    *out = NULL;
    const onr_warc_record *r = record;
    onr_string payload = {r->payload, r->payload_len};
    size_t strings = string_room(r->type_name) + string_room(r->version) +
                     string_room(r->record_id) + string_room(r->target_uri) +
                     string_room(r->date) + string_room(r->identified_payload_type) +
                     string_room(r->content_type) + string_room(r->headers) +
                     string_room(r->http_headers) + string_room(r->http_content_type) +
                     string_room(r->http_content_encoding) +
                     string_room(r->http_transfer_encoding) + string_room(payload);
    onr_warc_record *copy = onr_malloc(mem, sizeof *copy + strings);
    if (!copy)
        return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory copying a WARC record");
    *copy = *r;
    char *at = (char *)(copy + 1);
    copy->type_name = copy_string(&at, r->type_name);
    copy->version = copy_string(&at, r->version);
    copy->record_id = copy_string(&at, r->record_id);
    copy->target_uri = copy_string(&at, r->target_uri);
    copy->date = copy_string(&at, r->date);
    copy->identified_payload_type = copy_string(&at, r->identified_payload_type);
    copy->content_type = copy_string(&at, r->content_type);
    copy->headers = copy_string(&at, r->headers);
    copy->http_headers = copy_string(&at, r->http_headers);
    copy->http_content_type = copy_string(&at, r->http_content_type);
    copy->http_content_encoding = copy_string(&at, r->http_content_encoding);
    copy->http_transfer_encoding = copy_string(&at, r->http_transfer_encoding);
    payload = copy_string(&at, payload);
    copy->payload = payload.data;
    copy->payload_len = payload.len;
    *out = copy;
    return ONR_OK;
}

void onr_warc_record_free(onr_warc_record *record, const onr_mem *mem)
{
    onr_free(mem, record);
}
