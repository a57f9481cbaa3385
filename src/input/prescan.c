/* The HTML standard's "prescan a byte stream to determine its encoding": finds the <meta> that
 * declares a page's encoding in its first 1024 bytes, skipping comments and other tags. */
#include "charset.h"

#include <string.h>

#define PRESCAN_LIMIT 1024
/* Attribute names and values longer than this cannot matter (labels are short; a content value
 * holds one), so the rest is scanned but not kept. */
#define ATTR_KEEP 256

typedef struct prescan {
    const unsigned char *p;
    size_t len, pos;
} prescan;

typedef struct attribute {
    char name[ATTR_KEEP];
    size_t name_len;
    char value[ATTR_KEEP];
    size_t value_len;
} attribute;

static bool prescan_space(unsigned char c)
{
    return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}

static bool ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

static void keep(char *dst, size_t *len, unsigned char c)
{
    if (*len < ATTR_KEEP)
        dst[*len] = onr_ascii_lower((char)c);
    (*len)++;
}

static bool starts_with_ci(const prescan *s, const char *lit, size_t n)
{
    if (s->len - s->pos < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (onr_ascii_lower((char)s->p[s->pos + i]) != lit[i])
            return false;
    return true;
}

/* "Get an attribute": false when there is none (a '>' or the end of the window). */
static bool get_attribute(prescan *s, attribute *a)
{
    while (s->pos < s->len && (prescan_space(s->p[s->pos]) || s->p[s->pos] == '/'))
        s->pos++;
    if (s->pos >= s->len || s->p[s->pos] == '>')
        return false;
    a->name_len = a->value_len = 0;
    for (;;) { /* the name */
        if (s->pos >= s->len)
            return false;
        unsigned char c = s->p[s->pos];
        if (c == '=' && a->name_len > 0) {
            s->pos++;
            goto value;
        }
        if (prescan_space(c))
            break;
        if (c == '/' || c == '>')
            return true;
        keep(a->name, &a->name_len, c);
        s->pos++;
    }
    while (s->pos < s->len && prescan_space(s->p[s->pos]))
        s->pos++;
    if (s->pos >= s->len)
        return false;
    if (s->p[s->pos] != '=')
        return true;
    s->pos++;
value:
    while (s->pos < s->len && prescan_space(s->p[s->pos]))
        s->pos++;
    if (s->pos >= s->len)
        return false;
    unsigned char c = s->p[s->pos];
    if (c == '"' || c == '\'') {
        unsigned char quote = c;
        for (;;) {
            s->pos++;
            if (s->pos >= s->len)
                return false;
            if (s->p[s->pos] == quote) {
                s->pos++;
                return true;
            }
            keep(a->value, &a->value_len, s->p[s->pos]);
        }
    }
    if (c == '>')
        return true;
    keep(a->value, &a->value_len, c);
    s->pos++;
    for (;;) {
        if (s->pos >= s->len)
            return false;
        c = s->p[s->pos];
        if (prescan_space(c) || c == '>')
            return true;
        keep(a->value, &a->value_len, c);
        s->pos++;
    }
}

static bool attr_is(const attribute *a, const char *name)
{
    size_t n = strlen(name);
    return a->name_len == n && memcmp(a->name, name, n) == 0;
}

/* The HTML standard's "extracting a character encoding from a meta element" on a content
 * attribute value (already lowercase). */
static onr_encoding_id encoding_from_content(const char *v, size_t len)
{
    size_t i = 0;
    for (;;) {
        const char *found = NULL;
        for (size_t j = i; j + 7 <= len; j++)
            if (memcmp(v + j, "charset", 7) == 0) {
                found = v + j;
                break;
            }
        if (!found)
            return ONR_ENC_NONE;
        i = (size_t)(found - v) + 7;
        while (i < len && prescan_space((unsigned char)v[i]))
            i++;
        if (i >= len)
            return ONR_ENC_NONE;
        if (v[i] != '=')
            continue;
        i++;
        while (i < len && prescan_space((unsigned char)v[i]))
            i++;
        if (i >= len)
            return ONR_ENC_NONE;
        if (v[i] == '"' || v[i] == '\'') {
            const char *close = memchr(v + i + 1, v[i], len - i - 1);
            if (!close)
                return ONR_ENC_NONE;
            return onr_encoding_from_label(v + i + 1, (size_t)(close - v) - i - 1);
        }
        size_t end = i;
        while (end < len && !prescan_space((unsigned char)v[end]) && v[end] != ';')
            end++;
        return onr_encoding_from_label(v + i, end - i);
    }
}

/* After "<meta" and a space or slash: the encoding it declares, or ONR_ENC_NONE. */
static onr_encoding_id meta_encoding(prescan *s)
{
    /* Attribute names seen, to ignore repeats; only the three that matter are tracked. */
    bool seen_http_equiv = false, seen_content = false, seen_charset = false;
    bool got_pragma = false;
    int need_pragma = -1; /* -1: null, 0: false, 1: true */
    onr_encoding_id charset = ONR_ENC_NONE;
    attribute a;
    while (get_attribute(s, &a)) {
        if (a.name_len > ATTR_KEEP)
            continue;
        if (attr_is(&a, "http-equiv")) {
            if (seen_http_equiv)
                continue;
            seen_http_equiv = true;
            if (a.value_len == 12 && memcmp(a.value, "content-type", 12) == 0)
                got_pragma = true;
        } else if (attr_is(&a, "content")) {
            if (seen_content)
                continue;
            seen_content = true;
            if (a.value_len > ATTR_KEEP)
                continue;
            onr_encoding_id e = encoding_from_content(a.value, a.value_len);
            if (e != ONR_ENC_NONE && charset == ONR_ENC_NONE) {
                charset = e;
                need_pragma = 1;
            }
        } else if (attr_is(&a, "charset")) {
            if (seen_charset)
                continue;
            seen_charset = true;
            charset = a.value_len > ATTR_KEEP ? ONR_ENC_NONE
                                              : onr_encoding_from_label(a.value, a.value_len);
            need_pragma = 0;
        }
    }
    if (need_pragma == -1 || (need_pragma == 1 && !got_pragma) || charset == ONR_ENC_NONE)
        return ONR_ENC_NONE;
    if (charset == ONR_ENC_UTF16BE || charset == ONR_ENC_UTF16LE)
        return ONR_ENC_UTF8;
    if (charset == ONR_ENC_X_USER_DEFINED)
        return ONR_ENC_WINDOWS_1252;
    return charset;
}

static void skip_past(prescan *s, unsigned char c)
{
    const void *hit = memchr(s->p + s->pos, c, s->len - s->pos);
    s->pos = hit ? (size_t)((const unsigned char *)hit - s->p) : s->len;
}

onr_encoding_id onr_charset_prescan_window(const char *bytes, size_t len, size_t window,
                                           bool stop_at_body)
{
    prescan s = {(const unsigned char *)bytes, len < window ? len : window, 0};
    /* An XML declaration in UTF-16 ("<?x" in either byte order). */
    if (s.len >= 6 && memcmp(bytes, "<\0?\0x\0", 6) == 0)
        return ONR_ENC_UTF16LE;
    if (s.len >= 6 && memcmp(bytes, "\0<\0?\0x", 6) == 0)
        return ONR_ENC_UTF16BE;
    while (s.pos < s.len) {
        if (s.p[s.pos] != '<') {
            const void *lt = memchr(s.p + s.pos, '<', s.len - s.pos);
            if (!lt)
                break;
            s.pos = (size_t)((const unsigned char *)lt - s.p);
        }
        if (starts_with_ci(&s, "<!--", 4)) {
            /* The first '>' preceded by "--", counting the dashes of "<!--" itself. */
            size_t i = s.pos + 4;
            while (i < s.len && !(s.p[i] == '>' && s.p[i - 1] == '-' && s.p[i - 2] == '-'))
                i++;
            s.pos = i;
        } else if (starts_with_ci(&s, "<meta", 5) && s.pos + 5 < s.len &&
                   (prescan_space(s.p[s.pos + 5]) || s.p[s.pos + 5] == '/')) {
            s.pos += 5;
            onr_encoding_id e = meta_encoding(&s);
            if (e != ONR_ENC_NONE)
                return e;
        } else if (stop_at_body && starts_with_ci(&s, "<body", 5)) {
            break;
        } else if (s.pos + 1 < s.len &&
                   (ascii_alpha(s.p[s.pos + 1]) ||
                    (s.p[s.pos + 1] == '/' && s.pos + 2 < s.len && ascii_alpha(s.p[s.pos + 2])))) {
            while (s.pos < s.len && !prescan_space(s.p[s.pos]) && s.p[s.pos] != '>')
                s.pos++;
            attribute ignored;
            while (get_attribute(&s, &ignored))
                ;
        } else if (s.pos + 1 < s.len &&
                   (s.p[s.pos + 1] == '!' || s.p[s.pos + 1] == '/' || s.p[s.pos + 1] == '?')) {
            skip_past(&s, '>');
        }
        s.pos++;
    }
    return ONR_ENC_NONE;
}

onr_encoding_id onr_charset_prescan_id(const char *bytes, size_t len)
{
    return onr_charset_prescan_window(bytes, len, PRESCAN_LIMIT, false);
}

const char *onr_charset_prescan(const char *bytes, size_t len)
{
    onr_encoding_id id = bytes ? onr_charset_prescan_id(bytes, len) : ONR_ENC_NONE;
    return id == ONR_ENC_NONE ? NULL : onr_encodings[id].name;
}
