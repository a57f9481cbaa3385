/* Status names and the error record that failing functions fill. */
#include "core.h"

#include <stdio.h>
#include <string.h>

const char *onr_status_name(onr_status status)
{
    switch (status) {
    case ONR_OK: return "ok";
    case ONR_ERR_NOMEM: return "nomem";
    case ONR_ERR_ARGUMENT: return "argument";
    case ONR_ERR_IO: return "io";
    case ONR_ERR_EMPTY: return "empty";
    case ONR_ERR_BINARY: return "binary";
    case ONR_ERR_FORMAT: return "format";
    case ONR_ERR_LIMIT: return "limit";
    case ONR_ERR_NO_ARTICLE: return "no-article";
    case ONR_ERR_UNSUPPORTED: return "unsupported";
    }
    return "unknown";
}

onr_status onr_fail(onr_error *err, onr_status status, size_t offset, const char *fmt, ...)
{
    if (!err)
        return status;
    err->status = status;
    err->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}
