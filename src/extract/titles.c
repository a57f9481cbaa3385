/* Text judgements for the metadata: whether two titles agree, the site name after a headline,
 * language tags, and photo credits inside captions. */
#include "extract/metadata_parts.h"

#include <string.h>

/* Bytes of punctuation at s that comparisons skip: ASCII non-alphanumerics, U+2000..U+206F
 * (quotes, dashes, ellipsis), NBSP, guillemets, the middle dot. 0 for a letter or digit. */
static size_t ignorable_length(const unsigned char *s, size_t len)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') ? 0 : 1;
    if (c == 0xC2 && len >= 2 && (s[1] == 0xA0 || s[1] == 0xAB || s[1] == 0xBB || s[1] == 0xB7))
        return 2;
    if (c == 0xE2 && len >= 3 && (s[1] == 0x80 || s[1] == 0x81))
        return 3;
    return 0;
}

/* Next significant byte of s at *pos (lowercased), advancing past it; -1 at the end. */
static int next_significant(const char *s, size_t len, size_t *pos)
{
    const unsigned char *u = (const unsigned char *)s;
    while (*pos < len) {
        size_t skip = ignorable_length(u + *pos, len - *pos);
        if (!skip)
            return (unsigned char)onr_ascii_lower(s[(*pos)++]);
        *pos += skip;
    }
    return -1;
}

bool extract_same_text(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0, j = 0;
    for (;;) {
        int ca = next_significant(a, alen, &i), cb = next_significant(b, blen, &j);
        if (ca != cb)
            return false;
        if (ca < 0)
            return true;
    }
}

/* Whether the significant bytes of `needle` follow from hay[start] on. */
static bool matches_at(const char *hay, size_t hlen, size_t start, const char *needle, size_t nlen)
{
    size_t i = start, j = 0;
    for (;;) {
        int cn = next_significant(needle, nlen, &j);
        if (cn < 0)
            return true;
        if (next_significant(hay, hlen, &i) != cn)
            return false;
    }
}

bool extract_text_contains(const char *haystack, size_t hlen, const char *needle, size_t nlen)
{
    size_t probe = 0;
    int first = next_significant(needle, nlen, &probe);
    if (hlen > 4096 || first < 0)
        return false; /* titles and names are short; anything longer is not worth the search */
    const unsigned char *u = (const unsigned char *)haystack;
    for (size_t start = 0; start < hlen; start++) {
        /* A start at punctuation matches as the start after it does, which is tried too; at a
         * significant byte, that byte must be the needle's first. */
        if (ignorable_length(u + start, hlen - start) || (unsigned char)onr_ascii_lower(haystack[start]) != first)
            continue;
        if (matches_at(haystack, hlen, start, needle, nlen))
            return true;
    }
    return false;
}

/* ---- site names in titles ---- */

typedef struct title_separator {
    const char *text;
    size_t len;
} title_separator;

#define SEP(s) {s, sizeof s - 1}
static const title_separator title_separators[] = {
    SEP(" | "), SEP(" - "), SEP(" \xE2\x80\x93 "), SEP(" \xE2\x80\x94 "), SEP(" :: "),
    SEP(" \xC2\xB7 "), SEP(" \xE2\x80\xA2 "), SEP(" // "), SEP(" \xC2\xBB "),
};
#undef SEP

/* The first (or last) separator in the title; every separator starts with a space, and the byte
 * after it rules most out before a compare. */
static bool find_separator(const char *s, size_t len, bool last, size_t *at, size_t *sep_len)
{
    bool found = false;
    for (size_t p = 0; p + 1 < len; p++) {
        if (s[p] != ' ')
            continue;
        for (size_t i = 0; i < sizeof title_separators / sizeof *title_separators; i++) {
            const title_separator *sep = &title_separators[i];
            if (s[p + 1] != sep->text[1] || p + sep->len > len || memcmp(s + p, sep->text, sep->len) != 0)
                continue;
            *at = p;
            *sep_len = sep->len;
            found = true;
            if (!last)
                return true;
            break;
        }
    }
    return found;
}

/* "vortexcannon" from "vortexcannon.org", "news" from "news.example.co.uk": the longest label
 * before the last, which names the site better than the whole host. */
static onr_string host_label(const char *host, size_t len)
{
    onr_string best = {NULL, 0};
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && host[i] != '.')
            continue;
        if (i < len && i - start > best.len)
            best = (onr_string){host + start, i - start};
        start = i + 1;
    }
    return best;
}

static bool names_site(const char *part, size_t len, const char *site, size_t site_len)
{
    if (!site_len || !len)
        return false;
    if (extract_same_text(part, len, site, site_len) || extract_text_contains(site, site_len, part, len) ||
        extract_text_contains(part, len, site, site_len))
        return true;
    if (memchr(site, ' ', site_len) || !memchr(site, '.', site_len))
        return false;
    onr_string label = host_label(site, site_len);
    return label.len >= 4 && extract_text_contains(part, len, label.data, label.len);
}

/* A suffix that reads like a name: a few words, each capitalized, a digit or a domain. */
static bool looks_like_short_name(const char *s, size_t len, size_t rest_len)
{
    if (len == 0 || len > 40 || len * 2 > rest_len)
        return false;
    size_t words = 0;
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && s[i - 1] != ' ')
            continue;
        if (s[i] == ' ')
            continue;
        words++;
        unsigned char c = (unsigned char)s[i];
        if (c >= 'a' && c <= 'z' && !memchr(s + i, '.', len - i))
            return false;
    }
    return words <= 4;
}

onr_string extract_title_strip_site(const char *title, size_t len, const char *site, size_t site_len,
                                    bool site_is_guess)
{
    size_t at = 0, sep = 0;
    if (find_separator(title, len, true, &at, &sep)) {
        const char *suffix = title + at + sep;
        size_t suffix_len = len - at - sep;
        if (names_site(suffix, suffix_len, site, site_len) ||
            (site_is_guess && looks_like_short_name(suffix, suffix_len, at)))
            return (onr_string){title, at};
    }
    if (find_separator(title, len, false, &at, &sep) && names_site(title, at, site, site_len))
        return (onr_string){title + at + sep, len - at - sep};
    return (onr_string){title, len};
}

/* ---- languages ---- */

static bool all_alpha(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
            return false;
    return true;
}

size_t extract_language_normalize(const char *s, size_t len, char *out)
{
    while (len && onr_ascii_space(*s))
        s++, len--;
    size_t end = 0;
    while (end < len && s[end] != ',' && s[end] != ';' && !onr_ascii_space(s[end]))
        end++;
    if (end == 0 || end > 35)
        return 0;
    size_t o = 0, subtag = 0;
    for (size_t start = 0; start < end;) {
        size_t stop = start;
        while (stop < end && s[stop] != '-' && s[stop] != '_')
            stop++;
        size_t n = stop - start;
        if (n == 0 || n > 8)
            return 0;
        for (size_t i = 0; i < n; i++)
            if (!((s[start + i] | 0x20) >= 'a' && (s[start + i] | 0x20) <= 'z') &&
                !(s[start + i] >= '0' && s[start + i] <= '9'))
                return 0;
        if (subtag == 0 && (n < 2 || n > 3 || !all_alpha(s + start, n)))
            return 0;
        if (subtag)
            out[o++] = '-';
        for (size_t i = 0; i < n; i++) {
            char c = onr_ascii_lower(s[start + i]);
            if (subtag && ((n == 2 && all_alpha(s + start, n)) || (n == 4 && i == 0)))
                c = (char)(c >= 'a' && c <= 'z' ? c - 32 : c); /* region "US", script "Hant" */
            out[o++] = c;
        }
        subtag++;
        start = stop + (stop < end);
    }
    out[o] = '\0';
    return o;
}

/* ---- photo credits ---- */

static const char *const credit_markers[] = {"photograph by", "photographs by", "photo by", "photos by",
                                             "image by", "picture by", "photograph:", "photographs:",
                                             "photo:", "photos:", "image:", "picture:", "credit:",
                                             "photo credit:", "foto:", "source:", NULL};

static onr_string trim_span(const char *s, size_t len)
{
    while (len && (onr_ascii_space(*s) || *s == '(' || *s == '|'))
        s++, len--;
    while (len && (onr_ascii_space(s[len - 1]) || s[len - 1] == ')' || s[len - 1] == '|' ||
                   s[len - 1] == '('))
        len--;
    return (onr_string){len ? s : NULL, len};
}

/* A credit names a person or an agency: a few words, not a sentence. */
static bool credit_sized(onr_string credit)
{
    size_t words = 1;
    for (size_t i = 0; i < credit.len; i++)
        words += credit.data[i] == ' ';
    return credit.data && credit.len <= 100 && words <= 8;
}

/* "(AP Photo/Jeffrey Roe)", "(Reed Saxon / Associated Press)", "[File: Harbour Archive]" closing
 * a caption. */
static bool trailing_parenthetical_credit(const char *s, size_t len, onr_string *text, onr_string *credit)
{
    static const char *const signs[] = {"photo", "/", "\xC2\xA9", "image", "courtesy", "credit", " via ",
                                        "file:", NULL};
    while (len && onr_ascii_space(s[len - 1]))
        len--;
    onr_string whole = {s, len};
    if (!len || (s[len - 1] != ')' && s[len - 1] != ']'))
        return false;
    char opener = s[len - 1] == ')' ? '(' : '[';
    size_t open = whole.len - 1;
    while (open > 0 && whole.data[open - 1] != opener)
        open--;
    if (open == 0)
        return false;
    onr_string inside = trim_span(whole.data + open, whole.len - 1 - open);
    bool signed_credit = false;
    for (size_t k = 0; signs[k] && inside.data && !signed_credit; k++) {
        size_t n = strlen(signs[k]);
        for (size_t i = 0; i + n <= inside.len && !signed_credit; i++)
            signed_credit = onr_ascii_ieq(inside.data + i, n, signs[k], n);
    }
    if (!signed_credit || !credit_sized(inside))
        return false;
    *credit = inside;
    *text = trim_span(whole.data, open - 1);
    return true;
}

bool extract_caption_split_credit(const char *s, size_t len, onr_string *text, onr_string *credit)
{
    size_t first = 0, last = len;
    while (first < last && onr_ascii_space(s[first]))
        first++;
    while (last > first && onr_ascii_space(s[last - 1]))
        last--;
    *text = (onr_string){last > first ? s + first : NULL, last - first};
    credit->data = NULL;
    credit->len = 0;
    for (size_t p = 0; p < len; p++) {
        if (p > 0 && s[p - 1] != ' ' && s[p - 1] != '(' && s[p - 1] != '|')
            continue;
        for (size_t k = 0; credit_markers[k]; k++) {
            size_t n = strlen(credit_markers[k]);
            if (p + n > len || !onr_ascii_ieq(s + p, n, credit_markers[k], n))
                continue;
            size_t end = p + n;
            const char *close = memchr(s + end, p > 0 && s[p - 1] == '(' ? ')' : '|', len - end);
            size_t credit_end = close ? (size_t)(close - s) : len;
            *credit = trim_span(s + end, credit_end - end);
            if (!credit_sized(*credit)) {
                credit->data = NULL;
                credit->len = 0;
                continue;
            }
            /* the caption is what surrounds the credit */
            size_t before = p > 0 && s[p - 1] == '(' ? p - 1 : p;
            onr_string head = trim_span(s, before);
            *text = head.data ? head : trim_span(s + credit_end, len - credit_end);
            return true;
        }
    }
    return trailing_parenthetical_credit(s, len, text, credit);
}

/* Labels that open a credit line: "Image copyright Getty Images", "Photo via Harbour Archive". */
static const char *const credit_labels[] = {"image copyright", "photo copyright", "copyright", "photographs",
                                            "photograph", "photos", "photo", "images", "image", "picture",
                                            "credit", "source", "foto", "file", "by", "via", NULL};

static size_t label_length(const char *s, size_t len)
{
    for (size_t k = 0; credit_labels[k]; k++) {
        size_t n = strlen(credit_labels[k]);
        if (n < len && onr_ascii_ieq(s, n, credit_labels[k], n) && (s[n] == ' ' || s[n] == ':'))
            return n + 1;
    }
    return 0;
}

onr_string extract_credit_clean(onr_string credit)
{
    const char *s = credit.data;
    size_t len = credit.len;
    while (len >= 2 && ((s[0] == '(' && s[len - 1] == ')') || (s[0] == '[' && s[len - 1] == ']')))
        s++, len -= 2;
    for (;;) {
        while (len && (onr_ascii_space(*s) || *s == ':'))
            s++, len--;
        size_t n = label_length(s, len);
        if (!n)
            break;
        s += n;
        len -= n;
    }
    while (len && onr_ascii_space(s[len - 1]))
        len--;
    return (onr_string){len ? s : NULL, len};
}

onr_string extract_caption_trim_marker(onr_string caption)
{
    for (size_t k = 0; credit_markers[k] && caption.data; k++) {
        size_t n = strlen(credit_markers[k]);
        if (caption.len < n || !onr_ascii_ieq(caption.data + caption.len - n, n, credit_markers[k], n))
            continue;
        size_t len = caption.len - n;
        char before = len ? caption.data[len - 1] : ' ';
        if (before != ' ' && before != '.' && before != '(')
            continue; /* "...photo:" inside a word is not a marker */
        while (len && (onr_ascii_space(caption.data[len - 1]) || caption.data[len - 1] == '(' ||
                       caption.data[len - 1] == '|'))
            len--;
        return (onr_string){len ? caption.data : NULL, len};
    }
    return caption;
}
