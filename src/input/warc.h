/* WARC reader internals shared by the record parser (warc.c) and the HTTP payload decoder
 * (warc_http.c). */
#ifndef ONR_WARC_H
#define ONR_WARC_H

#include "warc_stream.h"

struct onr_warc_reader {
    const onr_mem *mem;
    onr_warc_options options;
    int fd;                   /* owned when opened from a path; -1 otherwise */
    warc_stream stream;
    onr_warc_record record;
    uint64_t pending_discard; /* the previous record's bytes, dropped at the next call */
    bool quiet_resync;        /* the damage being skipped was already reported */
    bool finished;
    bool spilled;             /* one-member reader: a record or damage ran into the next member */
    onr_buf header_copy;      /* the header block of a record too large to keep in the window */
    onr_buf dechunked;
    onr_buf decoded;
    struct libdeflate_decompressor *body_inflater; /* for gzip/deflate HTTP bodies, made on first use */
};

/* The value of the first "Name: value" line called `name` (any case) in a header block, trimmed,
 * or data == NULL. Continuation lines are not joined: the fields read here are one-line. */
onr_string warc_find_header(const char *block, size_t len, const char *name, size_t name_len);

/* Parses the HTTP message of a response record's block and sets the record's HTTP fields and
 * payload (decoded into the reader's buffers when needed). */
onr_status warc_decode_http(onr_warc_reader *reader, onr_warc_record *record, const char *block,
                            size_t len, onr_error *err);

#endif /* ONR_WARC_H */
