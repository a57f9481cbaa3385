/* What a WARC reader gives, as a fingerprint of its records and errors, and the same read stretch by
 * stretch between gzip member magics as `onrecord -j N` does: the unit test and the fuzz target check
 * that both agree. Header-only on purpose: each test is one program made from one file. */
#ifndef ONR_WARC_EVENTS_H
#define ONR_WARC_EVENTS_H

#include "onrecord.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct warc_events {
    uint64_t hash;   /* FNV-1a over every event's fields and payload */
    size_t count;
    char text[4096]; /* the first events as "R offset length skip payload_len;" or "E offset;" */
    size_t text_len;
} warc_events;

static inline void warc_events_mix(warc_events *e, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        e->hash = (e->hash ^ b[i]) * 1099511628211u;
}

static inline void warc_events_add(warc_events *e, onr_status st, const onr_warc_record *r, const onr_error *err)
{
    char line[96];
    int n = st == ONR_OK ? snprintf(line, sizeof line, "R %llu %llu %d %zu;", (unsigned long long)r->offset,
                                    (unsigned long long)r->length, (int)r->skip, r->payload_len)
                         : snprintf(line, sizeof line, "E %d %zu;", (int)st, err->offset);
    warc_events_mix(e, line, (size_t)n);
    if (st == ONR_OK && r->payload)
        warc_events_mix(e, r->payload, r->payload_len);
    if (e->text_len + (size_t)n < sizeof e->text) {
        memcpy(e->text + e->text_len, line, (size_t)n + 1);
        e->text_len += (size_t)n;
    }
    e->count++;
}

/* Adds the reader's events after the first `skip` until its end, or until it has spilled into the
 * next member (a one-member reader); returns how many events it read, skipped ones included. */
static inline size_t warc_events_read(onr_warc_reader *reader, size_t skip, warc_events *e)
{
    size_t n = 0;
    for (;;) {
        const onr_warc_record *r = NULL;
        onr_error err;
        memset(&err, 0, sizeof err);
        onr_status st = onr_warc_next(reader, &r, &err);
        bool spilled;
        onr_warc_reader_stop(reader, &spilled);
        if (spilled || (st == ONR_OK && !r))
            return n;
        if (n++ >= skip)
            warc_events_add(e, st, r, &err);
        if (st != ONR_OK && st != ONR_ERR_FORMAT)
            return n; /* final: the reader reports the end next */
    }
}

/* One reader for every stretch, as a worker of `onrecord -j N` keeps it: opened once, then reopened. */
static inline bool warc_events_open_stretch(onr_warc_reader **reader, int fd, uint64_t start, uint64_t length,
                                            bool one_member, const onr_warc_options *options)
{
    if (*reader)
        return onr_warc_reopen_at(*reader, fd, start, length, one_member, NULL) == ONR_OK;
    return onr_warc_open_at(fd, start, length, one_member, options, NULL, reader, NULL) == ONR_OK;
}

/* Reads the gzip WARC file `fd` (its bytes are data[0..len)) stretch by stretch into `e`, with
 * `options` (NULL: the defaults): false when
 * a reader could not be opened or a kept stretch does not start where the previous one stopped.
 * Stretches that start inside the member before them are read too, into a scratch list, and dropped. */
static inline bool warc_events_by_stretches(int fd, const char *data, size_t len,
                                            const onr_warc_options *options, warc_events *e)
{
    uint64_t expected = 0;
    onr_warc_reader *reader = NULL;
    bool ok = true;
    for (size_t start = 0; start < len;) {
        size_t next = start + 1 + onr_warc_find_gzip_magic(data + start + 1, len - start - 1);
        bool kept = start >= expected;
        warc_events scratch;
        memset(&scratch, 0, sizeof scratch);
        warc_events *into = kept ? e : &scratch;
        if ((kept && start != expected) || !warc_events_open_stretch(&reader, fd, start, next - start, true, options)) {
            ok = false;
            break;
        }
        size_t count = warc_events_read(reader, 0, into);
        bool spilled;
        uint64_t stop = onr_warc_reader_stop(reader, &spilled);
        if (kept && spilled) { /* the whole-file reader takes over from this member to the end */
            if (!warc_events_open_stretch(&reader, fd, start, next - start, false, options)) {
                ok = false;
                break;
            }
            warc_events_read(reader, count, e);
            stop = UINT64_MAX;
        }
        if (kept)
            expected = stop;
        start = next;
    }
    onr_warc_close(reader);
    return ok;
}

#endif /* ONR_WARC_EVENTS_H */
