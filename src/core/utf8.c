/* UTF-8 decoding, encoding and repair: every string the library hands out is valid UTF-8. */
#include "core.h"

#include <string.h>

size_t onr_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t need;
    uint32_t min, v;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1; min = 0x80; v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2; min = 0x800; v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3; min = 0x10000; v = c & 0x07;
    } else {
        *cp = ONR_REPLACEMENT_CHAR;
        return 1;
    }
    if (len <= need) {
        *cp = ONR_REPLACEMENT_CHAR;
        return 1;
    }
    for (size_t i = 1; i <= need; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = ONR_REPLACEMENT_CHAR;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = ONR_REPLACEMENT_CHAR;
        return 1;
    }
    *cp = v;
    return need + 1;
}

size_t onr_utf8_encode(uint32_t cp, char *out)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = ONR_REPLACEMENT_CHAR;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A two-byte character, or a three-byte one that is neither a surrogate nor overlong (lead
 * E1-EC or EE-EF: curly quotes, dashes, most scripts), all its bytes there: valid without decoding. */
static bool common_sequence(const unsigned char *p, size_t len)
{
    if (p[0] >= 0xC2 && p[0] <= 0xDF)
        return len >= 2 && (p[1] & 0xC0) == 0x80;
    return p[0] >= 0xE1 && p[0] <= 0xEF && p[0] != 0xED && len >= 3 && (p[1] & 0xC0) == 0x80 &&
           (p[2] & 0xC0) == 0x80;
}

size_t onr_utf8_valid_prefix(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        /* Pages are mostly ASCII: skip it eight bytes at a time, and straight to the first byte
         * beyond ASCII of the eight that hold one (on little-endian machines, its lowest). */
        while (i + 8 <= len) {
            uint64_t word;
            memcpy(&word, p + i, 8);
            uint64_t high = word & 0x8080808080808080ull;
            if (high) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                i += (size_t)__builtin_ctzll(high) >> 3;
#endif
                break;
            }
            i += 8;
        }
        if (i >= len)
            break;
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        if (common_sequence(p + i, len - i)) {
            i += p[i] < 0xE0 ? 2 : 3;
            continue;
        }
        uint32_t cp;
        size_t n = onr_utf8_decode(p + i, len - i, &cp);
        if (cp == ONR_REPLACEMENT_CHAR && !(n == 3 && p[i] == 0xEF && p[i + 1] == 0xBF && p[i + 2] == 0xBD))
            break;
        i += n;
    }
    return i;
}

void onr_buf_append_utf8_clean(onr_buf *buf, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t valid = onr_utf8_valid_prefix(s + i, len - i);
        onr_buf_append(buf, s + i, valid);
        i += valid;
        if (i < len) {
            onr_buf_append(buf, "\xEF\xBF\xBD", 3);
            i++;
        }
    }
}

size_t onr_utf8_count(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t count = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += p[i] < 0x80 ? 1 : onr_utf8_decode(p + i, len - i, &cp);
        count++;
    }
    return count;
}
