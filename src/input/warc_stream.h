/* The byte stream under the WARC reader: a file or buffer, plain, gzip or zstd, decompressed
 * into a bounded sliding window. Compressed members (gzip) and frames (zstd) are remembered with
 * their file offsets so that records can say where they are; damage in the compressed data
 * becomes a "break" that the record layer reports before the stream resynchronises. */
#ifndef ONR_WARC_STREAM_H
#define ONR_WARC_STREAM_H

#include "inflate_whole.h"
#include "input.h"

#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

typedef enum warc_stream_state {
    WARC_STREAM_OK,
    WARC_STREAM_EOF,
    WARC_STREAM_BREAK, /* damaged compressed data: `problem` says what; warc_stream_resume next */
    WARC_STREAM_FATAL  /* I/O error or no memory: `problem` says what */
} warc_stream_state;

/* A gzip member or zstd frame: where its output starts and where it lies in the file. */
typedef struct warc_member {
    uint64_t out_pos;    /* absolute position of its first decompressed byte */
    uint64_t file_start;
    uint64_t file_end;   /* UINT64_MAX while it is being read */
    uint64_t out_end;    /* position just past its last decompressed byte; UINT64_MAX until known */
} warc_member;

typedef struct warc_stream {
    const onr_mem *mem;
    onr_warc_compression kind;
    int fd;                     /* -1 for a buffer */
    bool positional;            /* read with pread from in_file_pos: the descriptor is shared */
    bool one_member;            /* end where the next member starts after `first_member` */
    bool stopped_at_member;     /* one_member: the end came at the next member's magic */
    uint64_t first_member;
    uint64_t file_size;
    bool size_known;            /* a buffer or a regular file opened whole: file_size is where the input ends */

    /* compressed input (gzip, zstd): `in` is the caller's buffer or our read buffer */
    const unsigned char *in;
    unsigned char *in_owned;
    size_t in_cap, in_pos, in_len;
    size_t in_alloc;            /* bytes allocated for in_owned: at least in_cap, kept across stretches */
    uint64_t in_file_pos;       /* file offset of in[0] */
    bool in_eof;
    z_stream zs;
    bool zs_ready;
    struct libdeflate_decompressor *ld; /* whole members in one call; zlib when it refuses */
    bool member_fresh;          /* the current gzip member has produced nothing yet */
    ZSTD_DCtx *zd;
    bool in_member;             /* inside a gzip member or zstd frame */
    uint64_t resume_from;       /* file offset to search for the next member after a break */
    uint64_t furthest;          /* the furthest input offset reached, kept across seeks back */

    /* plain input from a buffer */
    const char *plain;
    size_t plain_len, plain_pos;

    /* decompressed window: bytes [pos, len) are unread; win[0] is at absolute `base` */
    char *win;
    size_t cap, pos, len, limit;
    uint64_t base;

    warc_member *members;
    size_t member_count, member_cap;

    warc_stream_state state;
    onr_error problem;
} warc_stream;

/* Makes zlib allocate through `mem` (zstd keeps its own allocator: its hook is not in the stable
 * API of the libzstd we build on). */
void warc_zlib_use_mem(z_stream *zs, const onr_mem *mem);

onr_status warc_stream_open_fd(warc_stream *s, int fd, size_t window_limit, const onr_mem *mem,
                               onr_error *err);
onr_status warc_stream_open_memory(warc_stream *s, const char *data, size_t len,
                                   size_t window_limit, const onr_mem *mem, onr_error *err);
/* A gzip stream over `fd` from `offset` on, read with pread; `length_hint` sizes the buffers.
 * With `one_member`, the stream ends at the first member magic after `offset`'s member. */
onr_status warc_stream_open_at(warc_stream *s, int fd, uint64_t offset, uint64_t length_hint, bool one_member,
                               size_t window_limit, const onr_mem *mem, onr_error *err);
/* The same on a stream opened with warc_stream_open_at, keeping its buffers and decoders. On
 * failure the stream must still be closed. */
onr_status warc_stream_reopen_at(warc_stream *s, int fd, uint64_t offset, uint64_t length_hint, bool one_member,
                                 onr_error *err);
void warc_stream_close(warc_stream *s);

/* Tries to have n unread bytes in the window (n <= limit); returns how many there are. Fewer
 * means the state is no longer OK. */
size_t warc_stream_ensure(warc_stream *s, size_t n);
/* Drops n bytes, reading through the stream when they are not all in the window; returns how
 * many were dropped (fewer at the end or a break). */
uint64_t warc_stream_discard(warc_stream *s, uint64_t n);
/* The same, but stops at the end of the gzip member or zstd frame holding the current position
 * (a record never spans members, so its damage ends there); like warc_stream_discard for plain
 * input. */
uint64_t warc_stream_discard_in_member(warc_stream *s, uint64_t n);
/* Inflates the rest of the gzip member or zstd frame being read into the window (within the
 * limit), so that a damaged member is known as such whatever room its reading was given. */
void warc_stream_finish_member(warc_stream *s);
/* After a break: forgets the window and continues at the next member found after the damage. */
void warc_stream_resume(warc_stream *s);

static inline const char *warc_stream_data(const warc_stream *s) { return s->win + s->pos; }
static inline size_t warc_stream_avail(const warc_stream *s) { return s->len - s->pos; }
static inline uint64_t warc_stream_tell(const warc_stream *s) { return s->base + s->pos; }

/* File offset of the member holding decompressed position `out_pos` (the position itself for a
 * plain file), and the file offset where that member ends (or the input consumed so far; the
 * next byte's offset for a plain file). */
uint64_t warc_stream_file_start(const warc_stream *s, uint64_t out_pos);
uint64_t warc_stream_file_end(const warc_stream *s, uint64_t out_pos);
/* The file offset of the next input byte: where a one-member stream stopped, once it has. */
uint64_t warc_stream_input_offset(const warc_stream *s);
/* Input bytes consumed so far: never decreases, even when resynchronising seeks back. */
uint64_t warc_stream_consumed(const warc_stream *s);
/* The input's size, 0 when unknown (a pipe). */
uint64_t warc_stream_file_size(const warc_stream *s);

#endif /* ONR_WARC_STREAM_H */
