/* URL resolution for links, images and the canonical address: RFC 3986 section 5.2 with the
 * leniencies browsers apply (surrounding white space, tabs and newlines inside, backslashes). */
#include "extract/metadata.h"

#include <string.h>

typedef struct url_parts {
    onr_string scheme;    /* without ":" */
    onr_string authority; /* without "//"; data == NULL when absent */
    onr_string path;
    onr_string query;     /* with "?"; data == NULL when absent */
    onr_string fragment;  /* with "#"; data == NULL when absent */
} url_parts;

static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* Length of "scheme" when s starts with "scheme:", else 0. */
static size_t scheme_length(const char *s, size_t len)
{
    if (len == 0 || !is_alpha(s[0]))
        return 0;
    for (size_t i = 1; i < len; i++) {
        char c = s[i];
        if (c == ':')
            return i;
        if (!is_alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.')
            return 0;
    }
    return 0;
}

static bool is_special_scheme(onr_string scheme)
{
    static const char *const special[] = {"http", "https", "ftp", "ws", "wss", "file"};
    for (size_t i = 0; i < sizeof special / sizeof *special; i++)
        if (onr_ascii_ieq(scheme.data, scheme.len, special[i], strlen(special[i])))
            return true;
    return false;
}

/* The offset of the first of the stop bytes in s (or len): one memchr per stop byte, each over what
 * is left before the earliest found so far. Links run to hundreds of bytes (tracking queries, data:
 * URLs), and memchr passes them 32 bytes at a time. */
static size_t span_until(const char *s, size_t len, const char *stops)
{
    for (const char *stop = stops; *stop && len; stop++) {
        const char *hit = memchr(s, *stop, len);
        if (hit)
            len = (size_t)(hit - s);
    }
    return len;
}

/* Splits a URL (or a relative reference, when has_scheme is false) into its parts. */
static url_parts split_url(const char *s, size_t len)
{
    url_parts u = {{NULL, 0}, {NULL, 0}, {NULL, 0}, {NULL, 0}, {NULL, 0}};
    size_t scheme = scheme_length(s, len);
    size_t i = 0;
    if (scheme) {
        u.scheme = (onr_string){s, scheme};
        i = scheme + 1;
    }
    if (len - i >= 2 && s[i] == '/' && s[i + 1] == '/') {
        size_t n = span_until(s + i + 2, len - i - 2, "/?#");
        u.authority = (onr_string){s + i + 2, n};
        i += 2 + n;
    }
    size_t n = span_until(s + i, len - i, "?#");
    u.path = (onr_string){s + i, n};
    i += n;
    if (i < len && s[i] == '?') {
        n = 1 + span_until(s + i + 1, len - i - 1, "#");
        u.query = (onr_string){s + i, n};
        i += n;
    }
    if (i < len)
        u.fragment = (onr_string){s + i, len - i};
    return u;
}

/* Removes the last segment and its "/" from out[0..*o). */
static void pop_segment(const char *out, size_t *o)
{
    while (*o > 0 && out[*o - 1] != '/')
        (*o)--;
    if (*o > 0)
        (*o)--;
}

/* RFC 3986 5.2.4, writing at most n bytes to out; returns the output length. */
static size_t remove_dot_segments(const char *in, size_t n, char *out)
{
    size_t i = 0, o = 0;
    while (i < n) {
        const char *p = in + i;
        size_t rest = n - i;
        if (rest >= 3 && memcmp(p, "../", 3) == 0) {
            i += 3;
        } else if (rest >= 2 && memcmp(p, "./", 2) == 0) {
            i += 2;
        } else if (rest >= 3 && memcmp(p, "/./", 3) == 0) {
            i += 2;
        } else if (rest == 2 && memcmp(p, "/.", 2) == 0) {
            out[o++] = '/';
            break;
        } else if (rest >= 4 && memcmp(p, "/../", 4) == 0) {
            i += 3;
            pop_segment(out, &o);
        } else if (rest == 3 && memcmp(p, "/..", 3) == 0) {
            pop_segment(out, &o);
            out[o++] = '/';
            break;
        } else if ((rest == 1 && p[0] == '.') || (rest == 2 && memcmp(p, "..", 2) == 0)) {
            break;
        } else {
            size_t j = i + (in[i] == '/');
            while (j < n && in[j] != '/')
                j++;
            memcpy(out + o, in + i, j - i);
            o += j - i;
            i = j;
        }
    }
    return o;
}

/* The href without surrounding white space and C0 controls, and without tabs and newlines inside;
 * backslashes become slashes before the query when `special`. Returns a copy in the arena. */
static char *clean_href(onr_arena *arena, const char *href, size_t len, bool special, size_t *out_len)
{
    while (len && (unsigned char)href[0] <= ' ')
        href++, len--;
    while (len && (unsigned char)href[len - 1] <= ' ')
        len--;
    char *copy = onr_arena_alloc(arena, len + 1);
    if (!copy)
        return NULL;
    /* most links have nothing to drop or turn: copied in one go */
    size_t plain = 0;
    while (plain < len && href[plain] != '\\' && (unsigned char)href[plain] > '\r')
        plain++;
    if (plain == len) {
        memcpy(copy, href, len);
        copy[len] = '\0';
        *out_len = len;
        return copy;
    }
    size_t o = 0;
    bool in_path = true;
    for (size_t i = 0; i < len; i++) {
        char c = href[i];
        if (c == '\t' || c == '\n' || c == '\r')
            continue;
        if (c == '?' || c == '#')
            in_path = false;
        copy[o++] = (c == '\\' && special && in_path) ? '/' : c;
    }
    copy[o] = '\0';
    *out_len = o;
    return copy;
}

static void put(char *out, size_t *o, const char *s, size_t len)
{
    if (len)
        memcpy(out + *o, s, len);
    *o += len;
}

/* Writes scheme, authority, the dot-free path, query and fragment; `path` is already merged. */
static onr_string assemble(onr_arena *arena, onr_string scheme, onr_string authority, const char *path,
                           size_t path_len, onr_string query, onr_string fragment)
{
    size_t cap = scheme.len + authority.len + path_len + query.len + fragment.len + 8;
    char *out = onr_arena_alloc(arena, cap);
    if (!out)
        return (onr_string){NULL, 0};
    size_t o = 0;
    put(out, &o, scheme.data, scheme.len);
    out[o++] = ':';
    if (authority.data) {
        put(out, &o, "//", 2);
        put(out, &o, authority.data, authority.len);
    }
    o += remove_dot_segments(path, path_len, out + o);
    put(out, &o, query.data, query.len);
    put(out, &o, fragment.data, fragment.len);
    out[o] = '\0';
    return (onr_string){out, o};
}

/* RFC 3986 5.2.3: the reference path appended to the base path's directory. */
static char *merge_paths(onr_arena *arena, const url_parts *base, onr_string ref_path, size_t *len)
{
    size_t dir = base->path.len;
    while (dir > 0 && base->path.data[dir - 1] != '/')
        dir--;
    bool root = base->authority.data && base->path.len == 0;
    char *merged = onr_arena_alloc(arena, dir + ref_path.len + 2);
    if (!merged)
        return NULL;
    size_t o = 0;
    if (root)
        merged[o++] = '/';
    else
        put(merged, &o, base->path.data, dir);
    put(merged, &o, ref_path.data, ref_path.len);
    *len = o;
    return merged;
}

onr_string extract_resolve_url(onr_arena *arena, const char *base, size_t base_len, const char *href,
                               size_t href_len)
{
    url_parts b = split_url(base ? base : "", base ? base_len : 0);
    bool base_ok = b.scheme.data && (b.authority.data || (b.path.len && b.path.data[0] == '/'));
    size_t ref_scheme = scheme_length(href, href_len);
    bool special = ref_scheme ? is_special_scheme((onr_string){href, ref_scheme})
                              : base_ok && is_special_scheme(b.scheme);
    size_t len;
    char *ref = clean_href(arena, href, href_len, special, &len);
    if (!ref)
        return (onr_string){NULL, 0};
    url_parts r = split_url(ref, len);
    bool hierarchical = r.scheme.data && (r.authority.data || (r.path.len && r.path.data[0] == '/'));
    if (r.scheme.data && !hierarchical)
        return (onr_string){ref, len}; /* mailto:, javascript:, data: are taken as written */
    if (hierarchical)
        return assemble(arena, r.scheme, r.authority, r.path.data, r.path.len, r.query, r.fragment);
    if (!base_ok)
        return (onr_string){ref, len};
    if (r.authority.data)
        return assemble(arena, b.scheme, r.authority, r.path.data, r.path.len, r.query, r.fragment);
    if (r.path.len == 0)
        return assemble(arena, b.scheme, b.authority, b.path.data, b.path.len,
                        r.query.data ? r.query : b.query, r.fragment);
    if (r.path.data[0] == '/')
        return assemble(arena, b.scheme, b.authority, r.path.data, r.path.len, r.query, r.fragment);
    size_t merged_len;
    char *merged = merge_paths(arena, &b, r.path, &merged_len);
    if (!merged)
        return (onr_string){NULL, 0};
    return assemble(arena, b.scheme, b.authority, merged, merged_len, r.query, r.fragment);
}
