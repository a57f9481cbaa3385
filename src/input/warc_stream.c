/* The WARC reader's byte stream: buffered reads from a file or a buffer, gzip members and zstd
 * frames decompressed into a bounded window, with resynchronisation after damage. */
#include "warc_stream.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define READ_CHUNK (256 * 1024)
/* A file's compressed input is read in large pieces so that the unread rest moved to the front
 * before each read (at most MEMBER_LOOKAHEAD) stays a small share of the bytes read. */
#define INPUT_BUFFER (1024 * 1024)
#define MEMBER_LOOKAHEAD (256 * 1024)
#define FIRST_WINDOW (1024 * 1024)
/* A stretch between member magics longer than this is read in pieces (and streamed by zlib). */
#define MAX_STRETCH_READ (4 * 1024 * 1024)
/* A zstd dictionary frame larger than this is not a dictionary we will load. */
#define MAX_DICTIONARY (32 * 1024 * 1024)

static const unsigned char gzip_magic[3] = {0x1f, 0x8b, 0x08};
static const unsigned char zstd_magic[4] = {0x28, 0xb5, 0x2f, 0xfd};

static bool is_skippable_frame(const unsigned char *p)
{
    return (p[0] & 0xF0) == 0x50 && p[1] == 0x2A && p[2] == 0x4D && p[3] == 0x18;
}

static void set_problem(warc_stream *s, warc_stream_state state, onr_status status, uint64_t at,
                        const char *what)
{
    s->state = state;
    onr_fail(&s->problem, status, (size_t)at, "%s at offset %llu", what, (unsigned long long)at);
}

static voidpf zlib_alloc(voidpf mem, uInt items, uInt size)
{
    size_t n;
    return onr_size_mul(items, size, &n) ? onr_malloc(mem, n) : NULL;
}

static void zlib_free(voidpf mem, voidpf p) { onr_free(mem, p); }

void warc_zlib_use_mem(z_stream *zs, const onr_mem *mem)
{
    zs->zalloc = zlib_alloc;
    zs->zfree = zlib_free;
    zs->opaque = (voidpf)(uintptr_t)mem;
}

/* ---- compressed input ---- */

static uint64_t in_tell(const warc_stream *s) { return s->in_file_pos + s->in_pos; }

/* Makes at least n input bytes available when the input has them; returns how many there are. */
static size_t in_fill(warc_stream *s, size_t n)
{
    while (s->in_len - s->in_pos < n && !s->in_eof) {
        if (s->fd < 0) {
            s->in_eof = true;
            break;
        }
        if (s->in_pos > 0) {
            memmove(s->in_owned, s->in_owned + s->in_pos, s->in_len - s->in_pos);
            s->in_file_pos += s->in_pos;
            s->in_len -= s->in_pos;
            s->in_pos = 0;
        }
        ssize_t got = s->positional ? pread(s->fd, s->in_owned + s->in_len, s->in_cap - s->in_len,
                                            (off_t)(s->in_file_pos + s->in_len))
                                    : read(s->fd, s->in_owned + s->in_len, s->in_cap - s->in_len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            set_problem(s, WARC_STREAM_FATAL, ONR_ERR_IO, in_tell(s), "read error");
            s->in_eof = true;
            break;
        }
        if (got == 0)
            s->in_eof = true;
        s->in_len += (size_t)got;
    }
    return s->in_len - s->in_pos;
}

/* Moves the input to file offset `at` (backwards too, for resynchronisation). */
static void in_seek(warc_stream *s, uint64_t at)
{
    if (in_tell(s) > s->furthest)
        s->furthest = in_tell(s);
    if (at >= s->in_file_pos && at <= s->in_file_pos + s->in_len) {
        s->in_pos = (size_t)(at - s->in_file_pos);
        return;
    }
    if (s->fd < 0 || (!s->positional && lseek(s->fd, (off_t)at, SEEK_SET) < 0))
        return; /* a pipe: keep going from where we are */
    s->in_file_pos = at;
    s->in_pos = s->in_len = 0;
    s->in_eof = false;
}

/* Advances the input to the next occurrence of `magic` at or after the current position;
 * false at the end of the input. */
static bool in_find(warc_stream *s, const unsigned char *magic, size_t magic_len)
{
    for (;;) {
        size_t have = in_fill(s, magic_len);
        if (have < magic_len)
            return false;
        const unsigned char *p = s->in + s->in_pos;
        size_t last = have - magic_len; /* the last index where a magic can start */
        for (size_t i = 0; i <= last;) {
            const unsigned char *hit = memchr(p + i, magic[0], last + 1 - i);
            if (!hit)
                break;
            i = (size_t)(hit - p);
            if (memcmp(hit, magic, magic_len) == 0) {
                s->in_pos += i;
                return true;
            }
            i++;
        }
        /* keep the last magic_len - 1 bytes: a magic may straddle the buffer's end */
        s->in_pos += last + 1;
    }
}

/* ---- members ---- */

static bool add_member(warc_stream *s)
{
    uint64_t out_pos = s->base + s->len;
    /* forget members that end before the unread data */
    size_t drop = 0;
    while (drop + 1 < s->member_count && s->members[drop + 1].out_pos <= s->base + s->pos)
        drop++;
    if (drop) {
        memmove(s->members, s->members + drop, (s->member_count - drop) * sizeof *s->members);
        s->member_count -= drop;
    }
    if (s->member_count == s->member_cap) {
        size_t cap = s->member_cap ? s->member_cap * 2 : 16;
        warc_member *grown = onr_realloc(s->mem, s->members, cap * sizeof *grown);
        if (!grown) {
            set_problem(s, WARC_STREAM_FATAL, ONR_ERR_NOMEM, in_tell(s), "out of memory");
            return false;
        }
        s->members = grown;
        s->member_cap = cap;
    }
    warc_member m = {out_pos, in_tell(s), UINT64_MAX, UINT64_MAX};
    s->members[s->member_count++] = m;
    return true;
}

static void end_member(warc_stream *s)
{
    s->in_member = false;
    if (s->member_count) {
        s->members[s->member_count - 1].file_end = in_tell(s);
        s->members[s->member_count - 1].out_end = s->base + s->len;
    }
}

static void member_damaged(warc_stream *s, const char *what)
{
    uint64_t start = s->member_count ? s->members[s->member_count - 1].file_start : in_tell(s);
    s->in_member = false;
    s->resume_from = start + 1;
    set_problem(s, WARC_STREAM_BREAK, ONR_ERR_FORMAT, start, what);
}

/* Bytes that are no member: skip to the next magic and report them as a break. */
static void garbage_between_members(warc_stream *s, const unsigned char *magic, size_t magic_len)
{
    uint64_t start = in_tell(s);
    s->in_pos++;
    if (!in_find(s, magic, magic_len))
        s->in_pos = s->in_len;
    s->resume_from = in_tell(s);
    s->state = WARC_STREAM_BREAK;
    onr_fail(&s->problem, ONR_ERR_FORMAT, (size_t)start,
             "%llu bytes of garbage between compressed records at offset %llu",
             (unsigned long long)(in_tell(s) - start), (unsigned long long)start);
}

/* ---- zstd dictionary (the zstd WARC convention: a skippable frame first in the file) ---- */

static bool load_dictionary(warc_stream *s, size_t size)
{
    char *dict = onr_malloc(s->mem, size ? size : 1);
    if (!dict)
        return false;
    size_t got = 0;
    while (got < size) {
        size_t have = in_fill(s, 1);
        if (!have)
            break;
        size_t take = have < size - got ? have : size - got;
        memcpy(dict + got, s->in + s->in_pos, take);
        s->in_pos += take;
        got += take;
    }
    bool ok = got == size;
    const char *use = dict;
    size_t use_len = size;
    char *inflated = NULL;
    if (ok && size >= 4 && memcmp(dict, zstd_magic, 4) == 0) {
        /* the dictionary itself may be zstd-compressed */
        unsigned long long n = ZSTD_getFrameContentSize(dict, size);
        ok = n != ZSTD_CONTENTSIZE_ERROR && n != ZSTD_CONTENTSIZE_UNKNOWN && n <= MAX_DICTIONARY;
        if (ok)
            inflated = onr_malloc(s->mem, (size_t)n ? (size_t)n : 1);
        if (ok && inflated) {
            size_t r = ZSTD_decompress(inflated, (size_t)n, dict, size);
            ok = !ZSTD_isError(r);
            use = inflated;
            use_len = (size_t)n;
        } else {
            ok = false;
        }
    }
    if (ok)
        ok = !ZSTD_isError(ZSTD_DCtx_loadDictionary(s->zd, use, use_len));
    onr_free(s->mem, inflated);
    onr_free(s->mem, dict);
    return ok;
}

/* ---- producing decompressed bytes ---- */

static void produce_plain(warc_stream *s)
{
    size_t room = s->cap - s->len;
    if (s->fd < 0) {
        size_t take = s->plain_len - s->plain_pos < room ? s->plain_len - s->plain_pos : room;
        memcpy(s->win + s->len, s->plain + s->plain_pos, take);
        s->plain_pos += take;
        s->len += take;
        if (s->plain_pos == s->plain_len)
            s->state = WARC_STREAM_EOF;
        return;
    }
    ssize_t got;
    do
        got = read(s->fd, s->win + s->len, room);
    while (got < 0 && errno == EINTR);
    if (got < 0)
        set_problem(s, WARC_STREAM_FATAL, ONR_ERR_IO, s->base + s->len, "read error");
    else if (got == 0)
        s->state = WARC_STREAM_EOF;
    else
        s->len += (size_t)got;
}

/* At a member boundary: starts the next member, or reports the end or garbage. */
static bool start_member(warc_stream *s)
{
    size_t have = in_fill(s, 8);
    if (s->state != WARC_STREAM_OK)
        return false;
    if (have == 0) {
        s->state = WARC_STREAM_EOF;
        return false;
    }
    const unsigned char *p = s->in + s->in_pos;
    if (s->kind == ONR_WARC_GZIP) {
        if (have < 3 || memcmp(p, gzip_magic, 3) != 0) {
            garbage_between_members(s, gzip_magic, 3);
            return false;
        }
        if (s->one_member && in_tell(s) != s->first_member) {
            s->stopped_at_member = true;
            s->state = WARC_STREAM_EOF;
            return false;
        }
        inflateReset(&s->zs);
        s->member_fresh = true;
    } else {
        if (have >= 8 && is_skippable_frame(p)) {
            size_t size = (size_t)p[4] | (size_t)p[5] << 8 | (size_t)p[6] << 16 | (size_t)p[7] << 24;
            bool dictionary = p[0] == 0x5D && in_tell(s) == 0 && size <= MAX_DICTIONARY;
            s->in_pos += 8;
            if (dictionary) {
                if (!load_dictionary(s, size))
                    set_problem(s, WARC_STREAM_BREAK, ONR_ERR_FORMAT, 0,
                                "unusable zstd dictionary frame");
                s->resume_from = in_tell(s);
                return false;
            }
            in_seek(s, in_tell(s) + size);
            return false; /* the caller loops */
        }
        if (have < 4 || memcmp(p, zstd_magic, 4) != 0) {
            garbage_between_members(s, zstd_magic, 4);
            return false;
        }
        ZSTD_DCtx_reset(s->zd, ZSTD_reset_session_only);
    }
    if (!add_member(s))
        return false;
    s->in_member = true;
    return true;
}

/* Moves the unread bytes to the window's start. */
static void compact(warc_stream *s)
{
    if (s->pos == 0)
        return;
    memmove(s->win, s->win + s->pos, s->len - s->pos);
    s->base += s->pos;
    s->len -= s->pos;
    s->pos = 0;
}

/* Grows the window so that `room` bytes fit after the unread ones, within the limit; false when
 * they cannot (the room there is stays usable). */
static bool reserve_room(warc_stream *s, size_t room)
{
    if (s->cap - s->len >= room)
        return true;
    compact(s);
    if (s->cap - s->len >= room)
        return true;
    if (room > s->limit - s->len)
        return false;
    size_t cap = s->cap;
    while (cap - s->len < room)
        cap = cap > s->limit / 2 ? s->limit : cap * 2;
    char *grown = onr_realloc(s->mem, s->win, cap);
    if (!grown)
        return false;
    s->win = grown;
    s->cap = cap;
    return true;
}

/* The output size the member starting at the input position declares in its trailer: the four
 * bytes before the next member magic (or the input's end). Zero when its end is not in the
 * input buffer or the size is not one deflate can reach (a magic inside the compressed data). */
static size_t member_declared_size(const warc_stream *s, size_t have)
{
    const char *p = (const char *)s->in + s->in_pos;
    size_t end = have;
    if (have > 18) /* the smallest member */
        end = 18 + onr_warc_find_gzip_magic(p + 18, have - 18);
    if (end == have && !s->in_eof)
        return 0;
    return gzip_declared_size(p, end);
}

/* One libdeflate call for the member at the input position, out of the first `have` input bytes
 * into the window's room; false when it does not fit there (or is damaged). */
static bool inflate_member_into_room(warc_stream *s, size_t have)
{
    size_t used, produced;
    if (!inflate_whole(s->ld, WHOLE_GZIP, s->in + s->in_pos, have, s->win + s->len, s->cap - s->len, &used,
                       &produced))
        return false;
    s->in_pos += used;
    s->len += produced;
    end_member(s);
    return true;
}

/* The fast path: the whole member in one libdeflate call, when all of it is in the input buffer.
 * The window only grows, so after the first pages it has room for most: that is tried first;
 * otherwise room is made for the size the member's trailer declares (found by looking for the next
 * member's magic). False leaves everything as it was (the room may have grown), for zlib to
 * stream. */
static bool inflate_whole_member(warc_stream *s)
{
    if (!s->ld)
        return false;
    /* most members lie whole within the look-ahead; longer ones are checked against a full buffer */
    size_t have = in_fill(s, s->in_cap / 2 < MEMBER_LOOKAHEAD ? s->in_cap / 2 : MEMBER_LOOKAHEAD);
    if (s->state != WARC_STREAM_OK)
        return false;
    if (s->pos == s->len)
        compact(s); /* nothing unread: free */
    if (s->cap - s->len >= FIRST_WINDOW / 2 && inflate_member_into_room(s, have))
        return true;
    size_t declared = member_declared_size(s, have);
    if (!declared && have < s->in_cap && !s->in_eof) { /* a long member: is all of it in a full buffer? */
        have = in_fill(s, s->in_cap);
        declared = member_declared_size(s, have);
    }
    if (s->state != WARC_STREAM_OK)
        return false;
    /* the trailer counts modulo 2^32 and may be garbage: a wrong size only sends the member to zlib,
     * and one that cannot fit goes there without a try */
    if (!declared)
        compact(s);
    else if (!reserve_room(s, declared))
        return false;
    return inflate_member_into_room(s, have);
}

static void produce_gzip(warc_stream *s)
{
    bool fresh = s->member_fresh;
    s->member_fresh = false;
    if (fresh && inflate_whole_member(s))
        return;
    size_t have = in_fill(s, 1);
    if (s->state != WARC_STREAM_OK)
        return;
    uInt given = have > UINT32_MAX ? UINT32_MAX : (uInt)have;
    s->zs.next_in = (Bytef *)(uintptr_t)(s->in + s->in_pos);
    s->zs.avail_in = given;
    size_t room = s->cap - s->len;
    uInt out_room = room > UINT32_MAX ? UINT32_MAX : (uInt)room;
    s->zs.next_out = (Bytef *)(s->win + s->len);
    s->zs.avail_out = out_room;
    int rc = inflate(&s->zs, Z_NO_FLUSH);
    s->in_pos += given - s->zs.avail_in;
    s->len += out_room - s->zs.avail_out;
    if (rc == Z_STREAM_END)
        end_member(s);
    else if (rc == Z_MEM_ERROR)
        set_problem(s, WARC_STREAM_FATAL, ONR_ERR_NOMEM, in_tell(s), "out of memory in inflate");
    else if (rc == Z_BUF_ERROR && s->zs.avail_in == 0 && s->in_eof)
        member_damaged(s, "truncated gzip member");
    else if (rc != Z_OK && rc != Z_BUF_ERROR)
        member_damaged(s, "corrupt gzip member");
    else if (have == 0 && s->in_eof)
        member_damaged(s, "truncated gzip member");
}

static void produce_zstd(warc_stream *s)
{
    size_t have = in_fill(s, 1);
    if (s->state != WARC_STREAM_OK)
        return;
    if (have == 0) {
        member_damaged(s, "truncated zstd frame");
        return;
    }
    ZSTD_inBuffer in = {s->in + s->in_pos, have, 0};
    ZSTD_outBuffer out = {s->win + s->len, s->cap - s->len, 0};
    size_t rc = ZSTD_decompressStream(s->zd, &out, &in);
    s->in_pos += in.pos;
    s->len += out.pos;
    if (ZSTD_isError(rc))
        member_damaged(s, ZSTD_getErrorCode(rc) == ZSTD_error_memory_allocation
                              ? "out of memory in zstd"
                              : "corrupt zstd frame");
    else if (rc == 0)
        end_member(s);
    else if (in.pos == 0 && out.pos == 0 && s->in_eof)
        member_damaged(s, "truncated zstd frame");
}

static void produce(warc_stream *s)
{
    if (s->kind == ONR_WARC_PLAIN) {
        produce_plain(s);
        return;
    }
    if (!s->in_member && !start_member(s))
        return;
    if (s->kind == ONR_WARC_GZIP)
        produce_gzip(s);
    else
        produce_zstd(s);
}

/* Room for n unread bytes: compact, then grow up to the limit. */
static bool make_room(warc_stream *s, size_t n)
{
    if (s->pos > 0 && s->cap - s->pos < n + READ_CHUNK / 4)
        compact(s);
    if (s->len < s->cap)
        return true;
    if (s->cap >= s->limit)
        return false;
    size_t cap = s->cap * 2 > s->limit ? s->limit : s->cap * 2;
    char *grown = onr_realloc(s->mem, s->win, cap);
    if (!grown) {
        set_problem(s, WARC_STREAM_FATAL, ONR_ERR_NOMEM, s->base + s->len, "out of memory");
        return false;
    }
    s->win = grown;
    s->cap = cap;
    return true;
}

size_t warc_stream_ensure(warc_stream *s, size_t n)
{
    if (n > s->limit)
        n = s->limit;
    while (s->len - s->pos < n) {
        if (s->state != WARC_STREAM_OK || !make_room(s, n))
            break;
        produce(s);
    }
    return s->len - s->pos;
}

void warc_stream_finish_member(warc_stream *s)
{
    while (s->kind != ONR_WARC_PLAIN && s->in_member && s->state == WARC_STREAM_OK &&
           make_room(s, s->len - s->pos + 1))
        produce(s);
}

uint64_t warc_stream_discard(warc_stream *s, uint64_t n)
{
    uint64_t done = 0;
    while (done < n) {
        size_t avail = s->len - s->pos;
        if (avail == 0) {
            s->base += s->len;
            s->pos = s->len = 0;
            if (warc_stream_ensure(s, 1) == 0)
                break;
            continue;
        }
        size_t take = n - done < avail ? (size_t)(n - done) : avail;
        s->pos += take;
        done += take;
    }
    return done;
}

static const warc_member *member_at(const warc_stream *s, uint64_t out_pos)
{
    for (size_t i = s->member_count; i-- > 0;)
        if (s->members[i].out_pos <= out_pos)
            return &s->members[i];
    return NULL;
}

uint64_t warc_stream_discard_in_member(warc_stream *s, uint64_t n)
{
    const warc_member *m = member_at(s, warc_stream_tell(s));
    if (s->kind == ONR_WARC_PLAIN || !m)
        return warc_stream_discard(s, n);
    uint64_t member_start = m->out_pos, done = 0;
    while (done < n) {
        if (s->pos == s->len) {
            s->base += s->len;
            s->pos = s->len = 0;
            if (warc_stream_ensure(s, 1) == 0)
                break;
        }
        /* one produce() never crosses a member's end, and the end is known before the next
         * member starts; looked up again since starting a member may move the list */
        m = member_at(s, warc_stream_tell(s));
        if (!m || m->out_pos != member_start)
            break;
        uint64_t take = n - done;
        if (take > s->len - s->pos)
            take = s->len - s->pos;
        if (m->out_end != UINT64_MAX) {
            if (warc_stream_tell(s) >= m->out_end)
                break;
            if (take > m->out_end - warc_stream_tell(s))
                take = m->out_end - warc_stream_tell(s);
        }
        s->pos += (size_t)take;
        done += take;
    }
    return done;
}

void warc_stream_resume(warc_stream *s)
{
    if (s->state != WARC_STREAM_BREAK)
        return;
    s->base += s->len;
    s->pos = s->len = 0;
    memset(&s->problem, 0, sizeof s->problem);
    s->state = WARC_STREAM_OK;
    s->in_member = false;
    if (s->kind == ONR_WARC_PLAIN)
        return;
    /* the rest of a damaged member is part of the damage already reported: skip it silently */
    in_seek(s, s->resume_from);
    bool found = s->kind == ONR_WARC_GZIP ? in_find(s, gzip_magic, 3) : in_find(s, zstd_magic, 4);
    if (!found)
        s->in_pos = s->in_len;
}

uint64_t warc_stream_file_start(const warc_stream *s, uint64_t out_pos)
{
    if (s->kind == ONR_WARC_PLAIN)
        return out_pos;
    for (size_t i = s->member_count; i-- > 0;)
        if (s->members[i].out_pos <= out_pos)
            return s->members[i].file_start;
    return 0;
}

uint64_t warc_stream_file_end(const warc_stream *s, uint64_t out_pos)
{
    if (s->kind == ONR_WARC_PLAIN)
        return out_pos + 1;
    for (size_t i = s->member_count; i-- > 0;)
        if (s->members[i].out_pos <= out_pos)
            return s->members[i].file_end != UINT64_MAX ? s->members[i].file_end : in_tell(s);
    return in_tell(s);
}

uint64_t warc_stream_input_offset(const warc_stream *s) { return in_tell(s); }

uint64_t warc_stream_consumed(const warc_stream *s)
{
    if (s->kind == ONR_WARC_PLAIN)
        return s->fd < 0 ? s->plain_pos : s->base + s->len;
    return in_tell(s) > s->furthest ? in_tell(s) : s->furthest;
}

uint64_t warc_stream_file_size(const warc_stream *s)
{
    if (s->size_known)
        return s->file_size;
    struct stat st; /* a stretch's reader: a stat per stretch would cost more than its asking */
    return s->positional && fstat(s->fd, &st) == 0 && S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
}

/* ---- opening ---- */

static onr_warc_compression detect_kind(const unsigned char *p, size_t len)
{
    if (len >= 2 && p[0] == 0x1f && p[1] == 0x8b)
        return ONR_WARC_GZIP;
    if (len >= 4 && (memcmp(p, zstd_magic, 4) == 0 || is_skippable_frame(p)))
        return ONR_WARC_ZSTD;
    return ONR_WARC_PLAIN;
}

static onr_status setup(warc_stream *s, size_t window_limit, size_t first_window, onr_error *err)
{
    s->limit = window_limit;
    s->cap = window_limit < first_window ? window_limit : first_window;
    s->win = onr_malloc(s->mem, s->cap);
    if (!s->win)
        return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory");
    if (s->kind == ONR_WARC_GZIP) {
        warc_zlib_use_mem(&s->zs, s->mem);
        if (inflateInit2(&s->zs, 16 + 15) != Z_OK)
            return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "cannot start the gzip decoder");
        s->zs_ready = true;
        s->ld = libdeflate_alloc_decompressor(); /* NULL: zlib alone, slower but the same */
    } else if (s->kind == ONR_WARC_ZSTD) {
        s->zd = ZSTD_createDCtx();
        if (!s->zd)
            return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "cannot start the zstd decoder");
        /* frames that want a larger window than 128 MiB are refused, bounding memory */
        ZSTD_DCtx_setParameter(s->zd, ZSTD_d_windowLogMax, 27);
    }
    s->state = WARC_STREAM_OK;
    return ONR_OK;
}

onr_status warc_stream_open_fd(warc_stream *s, int fd, size_t window_limit, const onr_mem *mem,
                               onr_error *err)
{
    memset(s, 0, sizeof *s);
    s->mem = mem;
    s->fd = fd;
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        s->file_size = (uint64_t)st.st_size;
        s->size_known = true;
    }
    s->in_cap = s->in_alloc = INPUT_BUFFER;
    s->in_owned = onr_malloc(mem, s->in_cap);
    if (!s->in_owned)
        return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory");
    s->in = s->in_owned;
    in_fill(s, 8);
    if (s->state == WARC_STREAM_FATAL)
        return onr_fail(err, ONR_ERR_IO, 0, "cannot read the WARC file: %s", strerror(errno));
    s->kind = detect_kind(s->in, s->in_len);
    if (s->kind == ONR_WARC_PLAIN) {
        /* the bytes already read become the window's first bytes */
        onr_status st2 = setup(s, window_limit, FIRST_WINDOW, err);
        if (st2 != ONR_OK)
            return st2;
        memcpy(s->win, s->in, s->in_len);
        s->len = s->in_len;
        onr_free(mem, s->in_owned);
        s->in_owned = NULL;
        s->in = NULL;
        s->in_len = 0;
        return ONR_OK;
    }
    return setup(s, window_limit, FIRST_WINDOW, err);
}

onr_status warc_stream_open_memory(warc_stream *s, const char *data, size_t len,
                                   size_t window_limit, const onr_mem *mem, onr_error *err)
{
    memset(s, 0, sizeof *s);
    s->mem = mem;
    s->fd = -1;
    s->file_size = len;
    s->size_known = true;
    s->kind = detect_kind((const unsigned char *)data, len);
    if (s->kind == ONR_WARC_PLAIN) {
        s->plain = data;
        s->plain_len = len;
    } else {
        s->in = (const unsigned char *)data;
        s->in_len = len;
        s->in_eof = true;
    }
    return setup(s, window_limit, FIRST_WINDOW, err);
}

/* The window a stretch starts with: the size its member's trailer declares, so that the member
 * inflates in one call, or FIRST_WINDOW when that is unknown or implausible. */
static size_t stretch_window(const warc_stream *s, uint64_t length_hint, size_t have, size_t window_limit)
{
    size_t stretch = length_hint < have ? (size_t)length_hint : have;
    size_t declared = gzip_declared_size(s->in, stretch);
    if (declared && declared < window_limit - 4096)
        return declared + 4096 < 64 * 1024 ? 64 * 1024 : declared + 4096;
    return FIRST_WINDOW;
}

/* Points `s` (zeroed, or holding the buffers and decoders of an earlier stretch) at the stretch
 * of `fd` from `offset` and reads it; returns the window it wants. */
static onr_status begin_stretch(warc_stream *s, int fd, uint64_t offset, uint64_t length_hint, bool one_member,
                                size_t window_limit, size_t *first_window, onr_error *err)
{
    s->fd = fd;
    s->positional = true;
    s->one_member = one_member;
    s->first_member = offset;
    s->in_file_pos = s->furthest = offset;
    s->kind = ONR_WARC_GZIP; /* the file's size is asked of the descriptor when wanted (warc_stream_file_size) */
    /* the stretch and the next magic in one read, when it is not too long to fit whole */
    uint64_t want = length_hint + 64;
    s->in_cap = want < 4096 ? 4096 : want > MAX_STRETCH_READ ? MAX_STRETCH_READ : (size_t)want;
    if (s->in_alloc < s->in_cap) {
        unsigned char *grown = onr_realloc(s->mem, s->in_owned, s->in_cap);
        if (!grown)
            return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory");
        s->in_owned = grown;
        s->in_alloc = s->in_cap;
    }
    s->in = s->in_owned;
    size_t have = in_fill(s, s->in_cap);
    if (s->state == WARC_STREAM_FATAL)
        return onr_fail(err, ONR_ERR_IO, (size_t)offset, "cannot read the WARC file: %s", strerror(errno));
    *first_window = stretch_window(s, length_hint, have, window_limit);
    return ONR_OK;
}

onr_status warc_stream_open_at(warc_stream *s, int fd, uint64_t offset, uint64_t length_hint, bool one_member,
                               size_t window_limit, const onr_mem *mem, onr_error *err)
{
    memset(s, 0, sizeof *s);
    s->mem = mem;
    size_t first = FIRST_WINDOW;
    onr_status st = begin_stretch(s, fd, offset, length_hint, one_member, window_limit, &first, err);
    return st == ONR_OK ? setup(s, window_limit, first, err) : st;
}

onr_status warc_stream_reopen_at(warc_stream *s, int fd, uint64_t offset, uint64_t length_hint, bool one_member,
                                 onr_error *err)
{
    warc_stream kept = *s;
    memset(s, 0, sizeof *s);
    s->mem = kept.mem;
    s->limit = kept.limit;
    s->in_owned = kept.in_owned;
    s->in_alloc = kept.in_alloc;
    s->win = kept.win;
    s->cap = kept.cap;
    s->zs = kept.zs; /* back at its own address: zlib's state points at it */
    s->zs_ready = kept.zs_ready;
    s->ld = kept.ld;
    s->members = kept.members;
    s->member_cap = kept.member_cap;
    size_t first = FIRST_WINDOW;
    onr_status st = begin_stretch(s, fd, offset, length_hint, one_member, s->limit, &first, err);
    if (st != ONR_OK)
        return st;
    if (s->cap < first) {
        char *grown = onr_realloc(s->mem, s->win, first);
        if (!grown)
            return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory");
        s->win = grown;
        s->cap = first;
    }
    s->state = WARC_STREAM_OK;
    return ONR_OK;
}

void warc_stream_close(warc_stream *s)
{
    if (s->zs_ready)
        inflateEnd(&s->zs);
    if (s->ld)
        libdeflate_free_decompressor(s->ld);
    ZSTD_freeDCtx(s->zd);
    onr_free(s->mem, s->in_owned);
    onr_free(s->mem, s->win);
    onr_free(s->mem, s->members);
    memset(s, 0, sizeof *s);
    s->fd = -1;
}
