/* Whole-buffer inflation with libdeflate: about 2.4 times the speed of zlib's streaming inflate,
 * but it needs the whole compressed stream in memory and room for the whole output. Callers try
 * it first and fall back to zlib when it refuses (output larger than the room, input cut short,
 * damage), so that zlib keeps deciding every error and every partial result. */
#ifndef ONR_INFLATE_WHOLE_H
#define ONR_INFLATE_WHOLE_H

#include <libdeflate.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum whole_format { WHOLE_GZIP, WHOLE_ZLIB, WHOLE_DEFLATE } whole_format;

/* Inflates the first stream (one gzip member) of in[0..in_len) into out[0..room); true when it is
 * complete and intact, with the bytes it took and gave in *used and *produced. Never writes past
 * `room`. A NULL decompressor (its allocation failed) refuses everything. */
bool inflate_whole(struct libdeflate_decompressor *d, whole_format format, const void *in, size_t in_len,
                   void *out, size_t room, size_t *used, size_t *produced);

/* The size a gzip stream ending at in[len - 1] declares in its trailer (modulo 2^32), or 0 when
 * deflate could not produce that much from `len` bytes: a hint for the output room, to be checked
 * since the trailer may belong to another member or be garbage. */
size_t gzip_declared_size(const void *in, size_t len);

#endif /* ONR_INFLATE_WHOLE_H */
