/* Reading inputs into memory: plain files and gzip (.gz) files, with a size cap. */
#include "../core/core.h"
#include "inflate_whole.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

static bool is_gzip(const char *data, size_t len)
{
    return len >= 2 && (unsigned char)data[0] == 0x1f && (unsigned char)data[1] == 0x8b;
}

/* The fast path: a single gzip member (anything but another member may follow) inflated by one
 * libdeflate call into room for the size its trailer declares. False leaves zlib to decide. */
static bool gunzip_whole(const char *data, size_t len, size_t max_size, onr_buf *buf)
{
    size_t declared = gzip_declared_size(data, len);
    if (!declared || (max_size && declared > max_size))
        return false;
    struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
    bool ok = d && onr_buf_reserve(buf, declared);
    size_t used = 0, produced = 0;
    ok = ok && inflate_whole(d, WHOLE_GZIP, data, len, buf->data, declared, &used, &produced) &&
         !(used < len && is_gzip(data + used, len - used));
    if (d)
        libdeflate_free_decompressor(d);
    if (ok) {
        buf->len = produced;
        buf->data[produced] = '\0';
    }
    buf->failed = false; /* a refused guess is no failure: zlib grows the buffer step by step */
    return ok;
}

onr_status onr_gunzip(const char *data, size_t len, size_t max_size, const onr_mem *mem, char **out,
                      size_t *out_len, onr_error *err)
{
    onr_buf buf;
    onr_buf_init(&buf, mem);
    if (is_gzip(data, len) && gunzip_whole(data, len, max_size, &buf)) {
        *out = onr_buf_detach(&buf, out_len);
        return *out ? ONR_OK : onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory");
    }
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    /* 15 + 32: zlib or gzip header, detected automatically. */
    if (inflateInit2(&zs, 15 + 32) != Z_OK)
        return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "cannot start the gzip decoder");
    zs.next_in = (Bytef *)(uintptr_t)data;
    onr_status status = ONR_OK;
    size_t consumed = 0;
    for (;;) {
        size_t remaining = len - consumed;
        zs.next_in = (Bytef *)(uintptr_t)(data + consumed);
        zs.avail_in = remaining > UINT32_MAX ? UINT32_MAX : (uInt)remaining;
        if (!onr_buf_reserve(&buf, 64 * 1024)) {
            status = onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory while inflating");
            break;
        }
        size_t room = buf.cap - buf.len - 1;
        if (room > UINT32_MAX)
            room = UINT32_MAX; /* zlib counts in 32 bits */
        zs.next_out = (Bytef *)(buf.data + buf.len);
        zs.avail_out = (uInt)room;
        uInt before_in = zs.avail_in;
        int rc = inflate(&zs, Z_NO_FLUSH);
        consumed += before_in - zs.avail_in;
        buf.len += room - zs.avail_out;
        buf.data[buf.len] = '\0';
        if (max_size && buf.len > max_size) {
            status = onr_fail(err, ONR_ERR_LIMIT, consumed, "inflated size exceeds the limit of %zu bytes",
                              max_size);
            break;
        }
        if (rc == Z_STREAM_END) {
            /* Concatenated members are one stream (gzip's rule); anything else after is ignored. */
            if (consumed < len && is_gzip(data + consumed, len - consumed)) {
                inflateReset(&zs);
                continue;
            }
            break;
        }
        if (rc == Z_BUF_ERROR && zs.avail_in == 0 && consumed >= len) {
            status = onr_fail(err, ONR_ERR_FORMAT, consumed, "truncated gzip data at byte %zu", consumed);
            break;
        }
        if (rc == Z_MEM_ERROR) {
            status = onr_fail(err, ONR_ERR_NOMEM, consumed, "out of memory while inflating");
            break;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            status = onr_fail(err, ONR_ERR_FORMAT, consumed, "corrupt gzip data at byte %zu: %s", consumed,
                              zs.msg ? zs.msg : "inflate failed");
            break;
        }
    }
    inflateEnd(&zs);
    if (status != ONR_OK) {
        onr_buf_free(&buf);
        return status;
    }
    *out = onr_buf_detach(&buf, out_len);
    if (!*out)
        return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory");
    return ONR_OK;
}

static onr_status read_stream(FILE *f, const char *path, size_t max_size, onr_buf *buf, onr_error *err)
{
    for (;;) {
        if (buf->cap - buf->len <= 1 && !onr_buf_reserve(buf, 256 * 1024))
            return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "%s: out of memory", path);
        size_t n = fread(buf->data + buf->len, 1, buf->cap - buf->len - 1, f);
        buf->len += n;
        buf->data[buf->len] = '\0';
        if (max_size && buf->len > max_size && !is_gzip(buf->data, buf->len))
            return onr_fail(err, ONR_ERR_LIMIT, (size_t)-1, "%s: larger than the limit of %zu bytes", path,
                            max_size);
        if (n == 0)
            break;
    }
    if (ferror(f))
        return onr_fail(err, ONR_ERR_IO, (size_t)-1, "%s: read error: %s", path, strerror(errno));
    return ONR_OK;
}

/* A regular file's size is known: one allocation of the right size instead of doubling as it is read.
 * Pipes, failures and files over the cap (gzip may still fit) fall back to growth. */
static void reserve_file_size(FILE *f, size_t max_size, onr_buf *buf)
{
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0)
        return;
    size_t size = (size_t)st.st_size;
    if (max_size && size > max_size)
        return;
    onr_buf_reserve(buf, size + 1); /* + 1: room for the read that sees the end of the file */
}

onr_status onr_read_file(const char *path, size_t max_size, const onr_mem *mem, char **out,
                         size_t *out_len, onr_error *err)
{
    if (!path || !out || !out_len)
        return onr_fail(err, ONR_ERR_ARGUMENT, (size_t)-1, "onr_read_file: NULL argument");
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return onr_fail(err, ONR_ERR_IO, (size_t)-1, "%s: %s", path, strerror(errno));
    onr_buf buf;
    onr_buf_init(&buf, mem);
    reserve_file_size(f, max_size, &buf);
    onr_status status = read_stream(f, path, max_size, &buf, err);
    if (!is_stdin)
        fclose(f);
    if (status == ONR_OK && is_gzip(buf.data, buf.len)) {
        onr_error gz_err;
        status = onr_gunzip(buf.data, buf.len, max_size, mem, out, out_len, &gz_err);
        onr_buf_free(&buf);
        if (status != ONR_OK)
            return onr_fail(err, status, gz_err.offset, "%s: %s", path, gz_err.message);
        return ONR_OK;
    }
    if (status != ONR_OK) {
        onr_buf_free(&buf);
        return status;
    }
    *out = onr_buf_detach(&buf, out_len);
    if (!*out)
        return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "%s: out of memory", path);
    return ONR_OK;
}
