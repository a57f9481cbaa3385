/* The strict JSON reader of json_tree.h. Every rule below mirrors one of jansson 2.14's (lex_scan,
 * parse_value): where jansson reports an error this reader rejects, and jsonld.c then asks jansson
 * for its message. */
#include "extract/json_tree.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define JT_MAX_DEPTH 2048      /* jansson's JSON_PARSER_MAX_DEPTH */
#define JT_LINEAR_MEMBERS 16   /* past this many members, repeated names are found by hash */

typedef struct parser {
    const char *s;
    size_t len;
    size_t pos;
    onr_arena *arena;
    bool nomem;
} parser;

static bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static void skip_space(parser *p)
{
    while (p->pos < p->len && is_json_space(p->s[p->pos]))
        p->pos++;
}

/* jansson reads one byte past a number or a literal and puts it back; a NUL put back that way
 * is lost (its stream takes NUL for "buffer empty"), so one NUL right after them is skipped. */
static void skip_put_back_nul(parser *p)
{
    if (p->pos < p->len && p->s[p->pos] == '\0')
        p->pos++;
}

static jt_value *new_value(parser *p)
{
    jt_value *v = onr_arena_alloc(p->arena, sizeof *v);
    if (!v) {
        p->nomem = true;
        return NULL;
    }
    memset(v, 0, sizeof *v);
    return v;
}

/* ---- strings ---- */

static int hex_value(char c)
{
    if (is_digit(c))
        return c - '0';
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The four hex digits at s[0..4), or -1. */
static long hex4(const char *s)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int d = hex_value(s[i]);
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Decodes the escape at s[i] == '\\' (before `end`) into out; returns the bytes read, 0 when
 * jansson would refuse it (unknown escape, bad hex, U+0000, a lone or broken surrogate). */
static size_t decode_escape(const char *s, size_t i, size_t end, char *out, size_t *written)
{
    static const char simple_from[] = "\"\\/bfnrt", simple_to[] = "\"\\/\b\f\n\r\t";
    char c = s[i + 1];
    const char *simple = strchr(simple_from, c);
    if (c && simple) {
        out[0] = simple_to[simple - simple_from];
        *written = 1;
        return 2;
    }
    if (c != 'u' || end - i < 6)
        return 0;
    long cp = hex4(s + i + 2);
    size_t used = 6;
    if (cp <= 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
        return 0;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (end - i < 12 || s[i + 6] != '\\' || s[i + 7] != 'u')
            return 0;
        long low = hex4(s + i + 8);
        if (low < 0xDC00 || low > 0xDFFF)
            return 0;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        used = 12;
    }
    *written = onr_utf8_encode((uint32_t)cp, out);
    return used;
}

/* Whether the bytes from s[i] (>= 0x80) start a valid UTF-8 sequence before `end`; *n is its length. */
static bool valid_sequence(const char *s, size_t i, size_t end, size_t *n)
{
    const unsigned char *u = (const unsigned char *)s + i;
    uint32_t cp;
    *n = onr_utf8_decode(u, end - i, &cp);
    return cp != ONR_REPLACEMENT_CHAR || (*n == 3 && u[0] == 0xEF && u[1] == 0xBF && u[2] == 0xBD);
}

/* The string whose opening quote was just read: decoded into the arena (never longer than its
 * source). Control characters, bad escapes and invalid UTF-8 reject it. */
static bool parse_string(parser *p, const char **out, size_t *out_len)
{
    const char *s = p->s;
    size_t start = p->pos, end = start;
    bool plain = true;
    for (;;) {
        end += onr_json_plain_run(s + end, p->len - end); /* JSON-LD holds whole article bodies */
        if (end >= p->len)
            return false;
        unsigned char c = (unsigned char)s[end];
        if (c == '"')
            break;
        if (c < 0x20)
            return false;
        plain = false;
        if (c == '\\')
            end += 2;
        else
            end++;
    }
    char *copy = onr_arena_alloc(p->arena, end - start + 1);
    if (!copy) {
        p->nomem = true;
        return false;
    }
    size_t o = 0;
    if (plain) {
        memcpy(copy, s + start, end - start);
        o = end - start;
    } else {
        for (size_t i = start; i < end;) {
            unsigned char c = (unsigned char)s[i];
            size_t n = 1, written;
            if (c == '\\') {
                n = decode_escape(s, i, end, copy + o, &written);
                if (n == 0)
                    return false;
                o += written;
            } else if (c >= 0x80) {
                if (!valid_sequence(s, i, end, &n))
                    return false;
                memcpy(copy + o, s + i, n);
                o += n;
            } else {
                copy[o++] = (char)c;
            }
            i += n;
        }
    }
    copy[o] = '\0';
    *out = copy;
    *out_len = o;
    p->pos = end + 1;
    return true;
}

/* ---- numbers ---- */

/* Whether digits[0..n) (an optional '-', then digits) fits a long long, as strtoll decides. */
static bool integer_value(const char *digits, size_t n, long long *out)
{
    bool negative = digits[0] == '-';
    unsigned long long limit = negative ? (unsigned long long)LLONG_MAX + 1 : (unsigned long long)LLONG_MAX;
    unsigned long long v = 0;
    for (size_t i = negative; i < n; i++) {
        unsigned d = (unsigned)(digits[i] - '0');
        if (v > (limit - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = negative ? (v == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN : -(long long)v) : (long long)v;
    return true;
}

/* Whether a real overflows a double: jansson's only error for reals. A real without exponent whose
 * integer part has at most 300 digits cannot; others are read with strtod, the decimal point
 * written the locale's way as jansson does. */
static bool real_overflows(parser *p, const char *text, size_t n, bool has_exponent, size_t integer_digits)
{
    if (!has_exponent && integer_digits <= 300)
        return false;
    char *copy = onr_arena_strndup(p->arena, text, n);
    if (!copy) {
        p->nomem = true;
        return true;
    }
    char point = localeconv()->decimal_point[0];
    char *dot = strchr(copy, '.');
    if (dot && point)
        *dot = point;
    errno = 0;
    double v = strtod(copy, NULL);
    return (v == HUGE_VAL || v == -HUGE_VAL) && errno == ERANGE;
}

static size_t skip_digits(const char *s, size_t i, size_t len)
{
    while (i < len && is_digit(s[i]))
        i++;
    return i;
}

static bool parse_number(parser *p, jt_value *v)
{
    const char *s = p->s;
    size_t start = p->pos, i = start, len = p->len;
    if (s[i] == '-')
        i++;
    if (i >= len || !is_digit(s[i]))
        return false;
    size_t digits_start = i;
    i = s[i] == '0' ? i + 1 : skip_digits(s, i, len);
    if (i < len && is_digit(s[i]))
        return false; /* a leading zero */
    size_t integer_digits = i - digits_start;
    bool fraction = false, exponent = false;
    if (i < len && s[i] == '.') {
        if (i + 1 >= len || !is_digit(s[i + 1]))
            return false;
        i = skip_digits(s, i + 1, len);
        fraction = true;
    }
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= len || !is_digit(s[i]))
            return false;
        i = skip_digits(s, i, len);
        exponent = true;
    }
    p->pos = i;
    skip_put_back_nul(p);
    if (!fraction && !exponent) {
        v->type = JT_INTEGER;
        return integer_value(s + start, i - start, &v->integer);
    }
    v->type = JT_REAL;
    return !real_overflows(p, s + start, i - start, exponent, integer_digits);
}

/* ---- containers ---- */

static bool parse_value(parser *p, jt_value *v, unsigned depth);

static void append(jt_value *container, jt_value **last, jt_value *v)
{
    if (*last)
        (*last)->next = v;
    else
        container->first = v;
    *last = v;
    container->len++;
}

/* Past an opening bracket: true, with the bracket's closing one read, when the container is empty. */
static bool empty_container(parser *p, char close)
{
    skip_space(p);
    if (p->pos < p->len && p->s[p->pos] == close) {
        p->pos++;
        return true;
    }
    return false;
}

/* After an item or member: a comma (and the white space after it), or the closing bracket
 * (*closed); false at anything else. */
static bool after_element(parser *p, char close, bool *closed)
{
    skip_space(p);
    if (p->pos >= p->len)
        return false;
    char c = p->s[p->pos++];
    *closed = c == close;
    if (!*closed && c != ',')
        return false;
    skip_space(p);
    return true;
}

static bool parse_array(parser *p, jt_value *array, unsigned depth)
{
    jt_value *last = NULL;
    bool closed = false;
    if (empty_container(p, ']'))
        return true;
    for (;;) {
        jt_value *item = new_value(p);
        if (!item || !parse_value(p, item, depth + 1))
            return false;
        append(array, &last, item);
        if (!after_element(p, ']', &closed))
            return false;
        if (closed)
            return true;
    }
}

/* The names of a large object, by hash, so that finding a repeated name stays cheap. */
typedef struct member_index {
    jt_value **slots;
    size_t cap; /* a power of two, at least twice the members */
} member_index;

static size_t name_slot(const char *name, size_t len, size_t cap)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)name[i]) * 16777619u;
    return h & (cap - 1);
}

static bool same_key(const jt_value *a, const jt_value *b)
{
    return a->key_len == b->key_len && memcmp(a->key, b->key, a->key_len) == 0;
}

static jt_value **index_find(const member_index *index, const jt_value *member)
{
    size_t slot = name_slot(member->key, member->key_len, index->cap);
    while (index->slots[slot] && !same_key(index->slots[slot], member))
        slot = (slot + 1) & (index->cap - 1);
    return &index->slots[slot];
}

/* Makes the index hold every member of `object`, at most half full. */
static bool index_ready(parser *p, member_index *index, const jt_value *object)
{
    if (index->cap >= 2 * (object->len + 1))
        return true;
    size_t cap = index->cap ? index->cap * 2 : 4 * JT_LINEAR_MEMBERS;
    index->slots = onr_arena_calloc(p->arena, cap, sizeof *index->slots);
    if (!index->slots) {
        p->nomem = true;
        return false;
    }
    index->cap = cap;
    for (jt_value *m = object->first; m; m = m->next)
        *index_find(index, m) = m;
    return true;
}

/* The earlier member with the same name as `member`, or NULL; the index is used past a few members. */
static jt_value *earlier_member(parser *p, member_index *index, const jt_value *object, jt_value *member,
                                bool *failed)
{
    if (object->len < JT_LINEAR_MEMBERS) {
        for (jt_value *m = object->first; m; m = m->next)
            if (same_key(m, member))
                return m;
        return NULL;
    }
    if (!index_ready(p, index, object)) {
        *failed = true;
        return NULL;
    }
    jt_value **slot = index_find(index, member);
    if (*slot)
        return *slot;
    *slot = member; /* the caller appends it */
    return NULL;
}

static bool parse_member(parser *p, jt_value *object, jt_value **last, member_index *index, unsigned depth)
{
    if (p->pos >= p->len || p->s[p->pos] != '"')
        return false;
    p->pos++;
    jt_value *member = new_value(p);
    if (!member || !parse_string(p, &member->key, &member->key_len))
        return false;
    skip_space(p);
    if (p->pos >= p->len || p->s[p->pos] != ':')
        return false;
    p->pos++;
    skip_space(p);
    if (!parse_value(p, member, depth + 1))
        return false;
    bool failed = false;
    jt_value *same = earlier_member(p, index, object, member, &failed);
    if (failed)
        return false;
    if (same) { /* jansson's json_object_set: the new value, in the old place */
        jt_value *next = same->next;
        *same = *member;
        same->next = next;
    } else {
        append(object, last, member);
    }
    return true;
}

static bool parse_object(parser *p, jt_value *object, unsigned depth)
{
    jt_value *last = NULL;
    member_index index = {NULL, 0};
    bool closed = false;
    if (empty_container(p, '}'))
        return true;
    for (;;) {
        if (!parse_member(p, object, &last, &index, depth))
            return false;
        if (!after_element(p, '}', &closed))
            return false;
        if (closed)
            return true;
    }
}

static bool parse_literal(parser *p, const char *word, size_t n)
{
    if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n) != 0)
        return false;
    p->pos += n;
    skip_put_back_nul(p);
    return true;
}

/* The value at p->pos (white space already skipped); `depth` counts it, as jansson counts levels. */
static bool parse_value(parser *p, jt_value *v, unsigned depth)
{
    if (depth > JT_MAX_DEPTH || p->pos >= p->len)
        return false;
    char c = p->s[p->pos];
    switch (c) {
    case '{':
        p->pos++;
        v->type = JT_OBJECT;
        return parse_object(p, v, depth);
    case '[':
        p->pos++;
        v->type = JT_ARRAY;
        return parse_array(p, v, depth);
    case '"':
        p->pos++;
        v->type = JT_STRING;
        return parse_string(p, &v->string, &v->len);
    case 't':
        v->type = JT_TRUE;
        return parse_literal(p, "true", 4);
    case 'f':
        v->type = JT_FALSE;
        return parse_literal(p, "false", 5);
    case 'n':
        v->type = JT_NULL;
        return parse_literal(p, "null", 4);
    default:
        return (c == '-' || is_digit(c)) && parse_number(p, v);
    }
}

jt_result jt_parse(const char *text, size_t len, onr_arena *arena, const jt_value **root)
{
    parser p = {text, len, 0, arena, false};
    *root = NULL;
    skip_space(&p);
    if (p.pos >= len || (text[p.pos] != '{' && text[p.pos] != '['))
        return JT_REJECTED; /* jansson's "'[' or '{' expected" */
    jt_value *v = new_value(&p);
    if (v && parse_value(&p, v, 1)) {
        *root = v;
        return JT_PARSED;
    }
    return p.nomem ? JT_NOMEM : JT_REJECTED;
}

const jt_value *jt_get(const jt_value *object, const char *key)
{
    if (!jt_is(object, JT_OBJECT))
        return NULL;
    for (const jt_value *m = object->first; m; m = m->next)
        if (strcmp(m->key, key) == 0)
            return m;
    return NULL;
}
