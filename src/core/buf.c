/* Growable byte buffers: where renderers and builders write their output. An allocation failure
 * is remembered in the buffer, so callers check once at the end instead of after every append. */
#include "core.h"

#include <stdio.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

void onr_buf_init(onr_buf *buf, const onr_mem *mem)
{
    buf->mem = onr_mem_or_default(mem);
    buf->data = NULL;
    buf->len = 0;
    buf->cap = 0;
    buf->failed = false;
}

void onr_buf_free(onr_buf *buf)
{
    onr_free(buf->mem, buf->data);
    buf->data = NULL;
    buf->len = buf->cap = 0;
}

void onr_buf_clear(onr_buf *buf)
{
    buf->len = 0;
    if (buf->data)
        buf->data[0] = '\0';
}

bool onr_buf_reserve(onr_buf *buf, size_t extra)
{
    if (buf->failed)
        return false;
    if (extra >= SIZE_MAX - buf->len) {
        buf->failed = true;
        return false;
    }
    size_t need = buf->len + extra + 1;
    if (need <= buf->cap)
        return true;
    size_t cap = buf->cap ? buf->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *data = onr_realloc(buf->mem, buf->data, cap);
    if (!data) {
        buf->failed = true;
        return false;
    }
    buf->data = data;
    buf->cap = cap;
    return true;
}

void onr_buf_append_growing(onr_buf *buf, const char *s, size_t len)
{
    if (!onr_buf_reserve(buf, len))
        return;
    if (len)
        memcpy(buf->data + buf->len, s, len);
    buf->len += len;
    buf->data[buf->len] = '\0';
}

void onr_buf_printf(onr_buf *buf, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        buf->failed = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        onr_buf_append(buf, small, (size_t)n);
        return;
    }
    if (!onr_buf_reserve(buf, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    buf->len += (size_t)n;
}

char *onr_buf_detach(onr_buf *buf, size_t *len)
{
    if (!buf->data && !buf->failed)
        onr_buf_reserve(buf, 0);
    char *data = buf->data;
    if (len)
        *len = buf->len;
    buf->data = NULL;
    buf->len = buf->cap = 0;
    return data;
}

/* Whether any of the eight bytes in `w` needs a look in a JSON string: a control character, '"',
 * '\\' or a byte of a multi-byte sequence. The tests are exact (no false answers), so the byte
 * loop after it only has to find which byte it was. */
static bool json_word_special(uint64_t w)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);
    uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
    uint64_t below_space = (w - ones * 0x20) & ~w;
    uint64_t zero_quote = (quote - ones) & ~quote, zero_backslash = (backslash - ones) & ~backslash;
    return ((w | below_space | zero_quote | zero_backslash) & high) != 0;
}

void onr_buf_json_string_or_null(onr_buf *buf, onr_string s)
{
    if (s.data)
        onr_buf_json_string(buf, s.data, s.len);
    else
        onr_buf_puts(buf, "null");
}

size_t onr_json_plain_run(const char *s, size_t len)
{
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    for (; len - i >= 16; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        /* compared as signed, the bytes from 0x80 up are below the space too */
        __m128i special = _mm_or_si128(_mm_cmplt_epi8(v, space),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
        unsigned mask = (unsigned)_mm_movemask_epi8(special);
        if (mask)
            return i + (size_t)__builtin_ctz(mask);
    }
#endif
    for (uint64_t w; len - i >= 8; i += 8) {
        memcpy(&w, s + i, 8);
        if (json_word_special(w))
            break;
    }
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80)
            break;
        i++;
    }
    return i;
}

/* The length of the well-formed two- or three-byte sequence at s (most non-ASCII text), or 0:
 * four-byte and ill-formed sequences take onr_utf8_decode. */
static size_t utf8_short_sequence(const unsigned char *s, size_t len)
{
    unsigned c = s[0];
    if (c >= 0xC2 && c <= 0xDF)
        return len >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c < 0xE0 || c > 0xEF || len < 3 || (s[2] & 0xC0) != 0x80)
        return 0;
    unsigned low = c == 0xE0 ? 0xA0 : 0x80, high = c == 0xED ? 0x9F : 0xBF; /* no overlongs, no surrogates */
    return s[1] >= low && s[1] <= high ? 3 : 0;
}

/* Copies the non-ASCII run at s[*i], ill-formed bytes replaced by U+FFFD. Decoding one sequence
 * at a time, copying valid runs in one go: validating ahead run by run goes quadratic on long runs
 * of invalid bytes. */
static void json_non_ascii_run(onr_buf *buf, const char *s, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t at = *i, start = at;
    while (at < len && u[at] >= 0x80) {
        size_t n = utf8_short_sequence(u + at, len - at);
        if (n) {
            at += n;
            continue;
        }
        uint32_t cp;
        n = onr_utf8_decode(u + at, len - at, &cp);
        if (cp == ONR_REPLACEMENT_CHAR && n == 1) {
            onr_buf_append(buf, s + start, at - start);
            onr_buf_append(buf, "\xEF\xBF\xBD", 3);
            start = at + 1;
        }
        at += n;
    }
    onr_buf_append(buf, s + start, at - start);
    *i = at;
}

void onr_buf_json_string(onr_buf *buf, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    onr_buf_reserve(buf, len + 2); /* most strings need no escapes: one growth at most */
    onr_buf_putc(buf, '"');
    size_t i = 0;
    while (i < len) {
        size_t run = i + onr_json_plain_run(s + i, len - i);
        onr_buf_append(buf, s + i, run - i);
        i = run;
        if (i >= len)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            json_non_ascii_run(buf, s, len, &i);
            continue;
        }
        switch (c) {
        case '"': onr_buf_append(buf, "\\\"", 2); break;
        case '\\': onr_buf_append(buf, "\\\\", 2); break;
        case '\n': onr_buf_append(buf, "\\n", 2); break;
        case '\r': onr_buf_append(buf, "\\r", 2); break;
        case '\t': onr_buf_append(buf, "\\t", 2); break;
        default: {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            onr_buf_append(buf, esc, 6);
        }
        }
        i++;
    }
    onr_buf_putc(buf, '"');
}

size_t onr_json_quote(const char *s, size_t len, char *dst, size_t cap)
{
    /* Escaping at most sextuples a byte, so a stack buffer serves short strings without the heap. */
    char small[512];
    onr_buf buf = {.mem = onr_default_mem()};
    if (len <= (sizeof small - 3) / 6) {
        buf.data = small;
        buf.cap = sizeof small;
    }
    onr_buf_json_string(&buf, s, len);
    size_t need = buf.failed ? 0 : buf.len;
    if (cap) {
        size_t n = need < cap ? need : cap - 1;
        if (n)
            memcpy(dst, buf.data, n);
        dst[n] = '\0';
    }
    if (buf.data != small)
        onr_buf_free(&buf);
    return need;
}
