/* Growable strings for output lines built by the CLI. */
#include "text_buf.h"

#include "onrecord.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool text_reserve(text_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *data = realloc(b->data, cap);
    if (!data) {
        b->failed = true;
        return false;
    }
    b->data = data;
    b->cap = cap;
    return true;
}

void text_append(text_buf *b, const char *s, size_t len)
{
    if (!text_reserve(b, len))
        return;
    memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void text_puts(text_buf *b, const char *s) { text_append(b, s, strlen(s)); }

void text_printf(text_buf *b, const char *fmt, ...)
{
    /* most lines fit the room there is: one formatting pass, a second only when it did not */
    if (!text_reserve(b, 64))
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n < b->cap - b->len) {
        if (n > 0)
            b->len += (size_t)n;
        b->data[b->len] = '\0';
        return;
    }
    if (!text_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void text_json(text_buf *b, const char *s, size_t len)
{
    /* escaping at most sextuples a byte: short strings are escaped once, into room reserved for that */
    size_t worst = len < 4096 ? len * 6 + 2 : 0;
    size_t need = worst ? worst : onr_json_quote(s, len, NULL, 0);
    if (!text_reserve(b, need))
        return;
    b->len += onr_json_quote(s, len, b->data + b->len, need + 1);
}

void text_free(text_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}
