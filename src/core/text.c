/* Text tidying shared by the stages: white space collapsed and trimmed the way titles, names and
 * other one-line strings are shown. */
#include "core.h"

/* Bytes of a Unicode white-space character at s (NBSP, the U+2000 spaces, U+202F, U+205F, U+3000),
 * or 0. */
static size_t unicode_space_len(const unsigned char *s, size_t len)
{
    if (len >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (len >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
        (s[2] <= 0x8A || s[2] == 0xA8 || s[2] == 0xA9 || s[2] == 0xAF))
        return 3;
    if (len >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F)
        return 3;
    if (len >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3;
    return 0;
}

/* Zero-width characters that only get in the way of comparisons: U+200B..U+200D, U+2060, U+FEFF. */
static size_t zero_width_len(const unsigned char *s, size_t len)
{
    if (len >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x8B && s[2] <= 0x8D)
        return 3;
    if (len >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0xA0)
        return 3;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        return 3;
    return 0;
}

size_t onr_collapse_space(char *dst, const char *src, size_t len)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t out = 0;
    bool pending_space = false;
    for (size_t i = 0; i < len;) {
        size_t n;
        if (onr_ascii_space((char)s[i])) {
            pending_space = true;
            i++;
        } else if (s[i] >= 0x80 && (n = unicode_space_len(s + i, len - i)) > 0) {
            pending_space = true;
            i += n;
        } else if (s[i] >= 0x80 && (n = zero_width_len(s + i, len - i)) > 0) {
            i += n;
        } else {
            if (pending_space && out > 0)
                dst[out++] = ' ';
            pending_space = false;
            dst[out++] = (char)s[i++];
        }
    }
    return out;
}
