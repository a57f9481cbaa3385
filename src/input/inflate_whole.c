/* One-call inflation with libdeflate, the fast path in front of zlib. */
#include "inflate_whole.h"

bool inflate_whole(struct libdeflate_decompressor *d, whole_format format, const void *in, size_t in_len,
                   void *out, size_t room, size_t *used, size_t *produced)
{
    if (!d || !in_len || !room)
        return false;
    enum libdeflate_result rc;
    switch (format) {
    case WHOLE_GZIP:
        rc = libdeflate_gzip_decompress_ex(d, in, in_len, out, room, used, produced);
        break;
    case WHOLE_ZLIB:
        rc = libdeflate_zlib_decompress_ex(d, in, in_len, out, room, used, produced);
        break;
    default:
        rc = libdeflate_deflate_decompress_ex(d, in, in_len, out, room, used, produced);
        break;
    }
    return rc == LIBDEFLATE_SUCCESS;
}

size_t gzip_declared_size(const void *in, size_t len)
{
    if (len < 18) /* the smallest gzip member */
        return 0;
    const unsigned char *p = (const unsigned char *)in + len - 4;
    size_t declared = (size_t)p[0] | (size_t)p[1] << 8 | (size_t)p[2] << 16 | (size_t)p[3] << 24;
    /* deflate expands at most 1032 times: a larger claim is not this member's trailer */
    return declared / 1032 <= len ? declared : 0;
}
