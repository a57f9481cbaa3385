/* The WHATWG HTML tokenizer (HTML Living Standard, section 13.2.5): the first stage of parsing,
 * turning the page's bytes into tags, text, comments and doctypes for the tree builder. */
#include "html/tokenizer.h"

#include "html/entities.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The input is first normalized (CR and CRLF to LF, invalid UTF-8 to U+FFFD) into a private copy
 * when it needs it, so that every state below can work on bytes: all the characters the states
 * distinguish are ASCII, and any byte >= 0x80 is "anything else". Token strings point into that
 * text when they are a plain span of it, into `scratch` when something was decoded or changed. */

enum tok_state {
    ST_DATA,
    ST_RCDATA,
    ST_RAWTEXT,
    ST_SCRIPT,
    ST_PLAINTEXT,
    ST_CDATA,
    ST_TAG_OPEN,
    ST_END_TAG_OPEN,
    ST_TAG_NAME,
    ST_BEFORE_ATTR_NAME,
    ST_ATTR_NAME,
    ST_AFTER_ATTR_NAME,
    ST_BEFORE_ATTR_VALUE,
    ST_ATTR_VALUE_DQ,
    ST_ATTR_VALUE_SQ,
    ST_ATTR_VALUE_UQ,
    ST_AFTER_ATTR_VALUE_QUOTED,
    ST_SELF_CLOSING_START_TAG,
    ST_BOGUS_COMMENT,
    ST_MARKUP_DECLARATION_OPEN,
    ST_COMMENT_START,
    ST_COMMENT_START_DASH,
    ST_COMMENT,
    ST_COMMENT_LT,
    ST_COMMENT_LT_BANG,
    ST_COMMENT_LT_BANG_DASH,
    ST_COMMENT_LT_BANG_DASH_DASH,
    ST_COMMENT_END_DASH,
    ST_COMMENT_END,
    ST_COMMENT_END_BANG,
    ST_DOCTYPE,
    ST_BEFORE_DOCTYPE_NAME,
    ST_DOCTYPE_NAME,
    ST_AFTER_DOCTYPE_NAME,
    ST_AFTER_DOCTYPE_PUBLIC_KEYWORD,
    ST_BEFORE_DOCTYPE_PUBLIC_ID,
    ST_DOCTYPE_PUBLIC_ID_DQ,
    ST_DOCTYPE_PUBLIC_ID_SQ,
    ST_AFTER_DOCTYPE_PUBLIC_ID,
    ST_BETWEEN_DOCTYPE_IDS,
    ST_AFTER_DOCTYPE_SYSTEM_KEYWORD,
    ST_BEFORE_DOCTYPE_SYSTEM_ID,
    ST_DOCTYPE_SYSTEM_ID_DQ,
    ST_DOCTYPE_SYSTEM_ID_SQ,
    ST_AFTER_DOCTYPE_SYSTEM_ID,
    ST_BOGUS_DOCTYPE,
    ST_EOF
};

/* Sub-states of script data (the escaped and double-escaped states), tracked during one scan. */
enum script_state {
    SCRIPT_DATA,
    SCRIPT_LT,
    SCRIPT_ESCAPE_START,
    SCRIPT_ESCAPE_START_DASH,
    SCRIPT_ESCAPED,
    SCRIPT_ESCAPED_DASH,
    SCRIPT_ESCAPED_DASH_DASH,
    SCRIPT_ESCAPED_LT,
    SCRIPT_DOUBLE_ESCAPED,
    SCRIPT_DOUBLE_ESCAPED_DASH,
    SCRIPT_DOUBLE_ESCAPED_DASH_DASH,
    SCRIPT_DOUBLE_ESCAPED_LT
};

/* A string being built: a span of the input, or (once it needed a change) a span of scratch.
 * Only the most recently started piece grows, so a scratch piece always ends scratch. */
typedef struct tok_piece {
    size_t start;
    size_t len;
    bool scratch;
} tok_piece;

typedef struct tok_attr {
    tok_piece name;
    tok_piece value;
} tok_attr;

typedef struct attr_slot {
    uint32_t generation;
    uint32_t index;
} attr_slot;

#define LAST_START_TAG_MAX 64

struct html_tokenizer {
    const onr_mem *mem;
    const char *in;          /* the normalized input */
    size_t len;
    size_t pos;
    char *normalized;        /* owned copy when the input needed normalizing, else NULL */
    /* Offset map back to the caller's bytes: from normalized offset edit_norm[i] on, the
     * original offset is edit_orig[i] + (offset - edit_norm[i]). */
    size_t *edit_norm;
    size_t *edit_orig;
    size_t edit_count;

    enum tok_state state;
    bool cdata_allowed;
    bool failed;
    unsigned max_attributes;
    size_t max_attribute_length;
    size_t errors;
    char last_start[LAST_START_TAG_MAX];
    size_t last_start_len;   /* 0: no end tag is appropriate */
    /* The name of the start tag just emitted, valid until the next call: copied to last_start
     * only when the tree builder switches to a raw text state, which few tags do. */
    const char *emitted_start;
    size_t emitted_start_len;

    onr_buf scratch;         /* cleared at every call: tokens live until the next one */

    /* text run */
    tok_piece text;
    size_t text_start;
    bool text_has_nul;

    /* tag, comment or doctype being built */
    size_t token_start;
    bool end_tag;
    bool self_closing;
    tok_piece name;          /* tag name, doctype name */
    bool has_name;
    tok_piece data;          /* comment */
    tok_piece public_id, system_id;
    bool has_public_id, has_system_id, force_quirks;
    tok_attr current;
    bool current_active;
    tok_attr *attrs;
    html_attr *out_attrs;
    size_t attr_count;
    size_t attr_cap;
    uint64_t attr_names_seen; /* a bit per (first byte, length) class of the names kept */
    attr_slot *attr_table;    /* names kept, by hash, once a tag has many attributes */
    size_t attr_table_cap;
    uint32_t attr_generation; /* slots of this tag carry it */
    bool attr_table_built;
};

static const char replacement_utf8[3] = {(char)0xEF, (char)0xBF, (char)0xBD};

/* ---- byte classes ---- */

static inline bool is_space(int c) { return c == ' ' || c == '\n' || c == '\t' || c == '\f'; }
static inline bool is_alpha(int c) { return (unsigned)((c | 0x20) - 'a') < 26; }
static inline bool is_digit(int c) { return (unsigned)(c - '0') < 10; }
static inline bool is_alnum(int c) { return is_alpha(c) || is_digit(c); }
static inline bool is_upper(int c) { return (unsigned)(c - 'A') < 26; }
static inline bool is_hex(int c) { return is_digit(c) || (unsigned)((c | 0x20) - 'a') < 6; }

/* Bytes that end a fast run in the given state (everything else is copied as it is). */
#define RUN_TABLE(name, ...)                                                                        \
    static const bool name[256] = {__VA_ARGS__}
RUN_TABLE(stop_tag_name, ['\t'] = 1, ['\n'] = 1, ['\f'] = 1, [' '] = 1, ['/'] = 1, ['>'] = 1, [0] = 1,
          ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
          ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
          ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
          ['Y'] = 1, ['Z'] = 1);
RUN_TABLE(stop_attr_name, ['\t'] = 1, ['\n'] = 1, ['\f'] = 1, [' '] = 1, ['/'] = 1, ['>'] = 1, [0] = 1,
          ['='] = 1, ['"'] = 1, ['\''] = 1, ['<'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1,
          ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
          ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
          ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1);
RUN_TABLE(stop_value_uq, ['\t'] = 1, ['\n'] = 1, ['\f'] = 1, [' '] = 1, ['&'] = 1, ['>'] = 1, [0] = 1,
          ['"'] = 1, ['\''] = 1, ['<'] = 1, ['='] = 1, ['`'] = 1);
RUN_TABLE(stop_bogus_comment, ['>'] = 1, [0] = 1);
RUN_TABLE(stop_doctype_dq, ['"'] = 1, ['>'] = 1, [0] = 1);
RUN_TABLE(stop_doctype_sq, ['\''] = 1, ['>'] = 1, [0] = 1);

static inline size_t skip_run(const char *s, size_t pos, size_t len, const bool *stop)
{
    const unsigned char *u = (const unsigned char *)s;
    while (pos < len && !stop[u[pos]])
        pos++;
    return pos;
}

/* The first offset from pos whose byte is a, b or c (or len): the long runs of text, script and
 * attribute values, sixteen bytes at a time where SSE2 is available. */
static inline size_t find_any3(const char *s, size_t pos, size_t len, char a, char b, char c)
{
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
    while (len - pos >= 16) {
        __m128i chunk = _mm_loadu_si128((const __m128i *)(const void *)(s + pos));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, va), _mm_cmpeq_epi8(chunk, vb)),
                                   _mm_cmpeq_epi8(chunk, vc));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask)
            return pos + (size_t)__builtin_ctz(mask);
        pos += 16;
    }
#endif
    while (pos < len && s[pos] != a && s[pos] != b && s[pos] != c)
        pos++;
    return pos;
}

/* ---- pieces ---- */

static inline void piece_reset(tok_piece *p)
{
    p->start = 0;
    p->len = 0;
    p->scratch = false;
}

static void piece_to_scratch(html_tokenizer *t, tok_piece *p)
{
    size_t at = t->scratch.len;
    onr_buf_append(&t->scratch, t->in + p->start, p->len);
    p->start = at;
    p->scratch = true;
}

/* Appends input bytes [start, start + n). */
static inline void piece_take(html_tokenizer *t, tok_piece *p, size_t start, size_t n)
{
    if (n == 0)
        return;
    if (!p->scratch) {
        if (p->len == 0) {
            p->start = start;
            p->len = n;
            return;
        }
        if (p->start + p->len == start) {
            p->len += n;
            return;
        }
        piece_to_scratch(t, p);
    }
    onr_buf_append(&t->scratch, t->in + start, n);
    p->len += n;
}

/* Appends bytes that are not a span of the input (decoded, lowercased, replaced). */
static void piece_add(html_tokenizer *t, tok_piece *p, const char *bytes, size_t n)
{
    if (!p->scratch)
        piece_to_scratch(t, p);
    onr_buf_append(&t->scratch, bytes, n);
    p->len += n;
}

static inline const char *piece_ptr(const html_tokenizer *t, const tok_piece *p)
{
    return p->scratch ? t->scratch.data + p->start : t->in + p->start;
}

static void piece_add_lower(html_tokenizer *t, tok_piece *p, int c)
{
    char lower = (char)(c + 32);
    piece_add(t, p, &lower, 1);
}

static void piece_add_replacement(html_tokenizer *t, tok_piece *p)
{
    piece_add(t, p, replacement_utf8, sizeof replacement_utf8);
}

static inline void text_take(html_tokenizer *t, size_t start, size_t n)
{
    if (t->text.len == 0)
        t->text_start = start;
    piece_take(t, &t->text, start, n);
}

/* ---- input normalization and offsets ---- */

static bool record_edit(html_tokenizer *t, size_t *cap, size_t norm, size_t orig)
{
    if (t->edit_count == *cap) {
        size_t new_cap = *cap ? *cap * 2 : 64, bytes;
        if (!onr_size_mul(new_cap, sizeof(size_t), &bytes))
            return false;
        size_t *a = onr_realloc(t->mem, t->edit_norm, bytes);
        if (!a)
            return false;
        t->edit_norm = a;
        size_t *b = onr_realloc(t->mem, t->edit_orig, bytes);
        if (!b)
            return false;
        t->edit_orig = b;
        *cap = new_cap;
    }
    t->edit_norm[t->edit_count] = norm;
    t->edit_orig[t->edit_count] = orig;
    t->edit_count++;
    return true;
}

/* Length of the valid UTF-8 sequence of two to four bytes at u, or 0 (WHATWG's decoder: no
 * overlongs, no surrogates, nothing past U+10FFFF). */
static inline size_t utf8_sequence(const unsigned char *u, size_t avail)
{
    unsigned c = u[0];
    if (c >= 0xC2 && c <= 0xDF)
        return avail >= 2 && (u[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (avail < 3 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xE0 && u[1] < 0xA0) || (c == 0xED && u[1] >= 0xA0))
            return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (avail < 4 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80 || (u[3] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xF0 && u[1] < 0x90) || (c == 0xF4 && u[1] >= 0x90))
            return 0;
        return 4;
    }
    return 0;
}

/* Offset of the first byte that starts an invalid UTF-8 sequence, or len. */
static size_t first_invalid_utf8(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
#if defined(__SSE2__)
        while (len - i >= 64) { /* most pages are long runs of ASCII: 64 bytes per test */
            const __m128i *p = (const __m128i *)(const void *)(u + i);
            __m128i a = _mm_loadu_si128(p), b = _mm_loadu_si128(p + 1);
            __m128i c = _mm_loadu_si128(p + 2), d = _mm_loadu_si128(p + 3);
            if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))))
                break; /* the 16-byte loop finds where */
            i += 64;
        }
        while (len - i >= 16) {
            unsigned mask = (unsigned)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(u + i)));
            if (mask) {
                i += (size_t)__builtin_ctz(mask);
                break;
            }
            i += 16;
        }
        if (i >= len)
            break;
#endif
        /* After the wide tests: a byte >= 0x80, or one of the last few bytes. */
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        /* A run of multi-byte sequences (a word of text that is not English, a curly quote), then
         * back to the wide tests: on English pages these come one at a time, far apart. */
        do {
            size_t n = utf8_sequence(u + i, len - i);
            if (n == 0)
                return i;
            i += n;
        } while (i < len && u[i] >= 0x80);
    }
    return len;
}

/* The offset of the first byte from `from` on that needs normalizing (a CR or invalid UTF-8), or
 * len. CRs are found by memchr: *next_cr is the offset of the next one at or after `from` (len when
 * there is none), searched again only once `from` has passed it, so that a long input with many
 * invalid bytes is not searched from each of them to its end. UTF-8 is checked only before the CR
 * (a sequence the CR cuts is invalid either way). */
static size_t next_irregular(const char *s, size_t len, size_t from, size_t *next_cr, bool valid_utf8)
{
    if (*next_cr < from) {
        const char *cr = memchr(s + from, '\r', len - from);
        *next_cr = cr ? (size_t)(cr - s) : len;
    }
    return valid_utf8 ? *next_cr : from + first_invalid_utf8(s + from, *next_cr - from);
}

static bool normalize_input(html_tokenizer *t, const char *input, size_t len, bool valid_utf8)
{
    const char *cr = memchr(input, '\r', len);
    size_t next_cr = cr ? (size_t)(cr - input) : len;
    size_t first = valid_utf8 ? next_cr : first_invalid_utf8(input, next_cr);
    if (first == len) {
        t->in = input;
        t->len = len;
        return true;
    }
    /* Each invalid byte grows to three: the copy is at most 3 * len. */
    size_t cap_bytes, edit_cap = 0;
    if (!onr_size_mul(len, 3, &cap_bytes) || cap_bytes > SIZE_MAX - 1)
        return false;
    char *out = onr_malloc(t->mem, cap_bytes + 1);
    if (!out)
        return false;
    t->normalized = out;
    memcpy(out, input, first);
    const unsigned char *u = (const unsigned char *)input;
    size_t i = first, o = first;
    while (i < len) {
        size_t next = next_irregular(input, len, i, &next_cr, valid_utf8);
        memcpy(out + o, input + i, next - i);
        o += next - i;
        i = next;
        if (i == len)
            break;
        if (u[i] == '\r') {
            out[o++] = '\n';
            i++;
            if (i < len && u[i] == '\n') {
                i++;
                if (!record_edit(t, &edit_cap, o, i))
                    return false;
            }
        } else {
            memcpy(out + o, replacement_utf8, 3);
            o += 3;
            i++;
            if (!record_edit(t, &edit_cap, o, i))
                return false;
        }
    }
    out[o] = '\0';
    t->in = out;
    t->len = o;
    return true;
}

static size_t original_offset(const html_tokenizer *t, size_t norm)
{
    size_t lo = 0, hi = t->edit_count;
    while (lo < hi) { /* last edit with edit_norm <= norm */
        size_t mid = lo + (hi - lo) / 2;
        if (t->edit_norm[mid] <= norm)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return norm;
    return t->edit_orig[lo - 1] + (norm - t->edit_norm[lo - 1]);
}

/* ---- lifetime and configuration ---- */

html_tokenizer *html_tokenizer_new(const char *input, size_t len, const html_tokenizer_limits *limits,
                                   const onr_mem *mem)
{
    mem = onr_mem_or_default(mem);
    html_tokenizer *t = onr_malloc(mem, sizeof *t);
    if (!t)
        return NULL;
    memset(t, 0, sizeof *t);
    t->mem = mem;
    t->max_attributes = limits && limits->max_attributes ? limits->max_attributes : 256;
    t->max_attribute_length =
        limits && limits->max_attribute_length ? limits->max_attribute_length : 64 * 1024;
    onr_buf_init(&t->scratch, mem);
    if (!input)
        len = 0;
    if (!normalize_input(t, input ? input : "", len, limits && limits->input_valid_utf8)) {
        html_tokenizer_free(t);
        return NULL;
    }
    t->state = ST_DATA;
    return t;
}

void html_tokenizer_free(html_tokenizer *t)
{
    if (!t)
        return;
    const onr_mem *mem = t->mem;
    onr_free(mem, t->normalized);
    onr_free(mem, t->edit_norm);
    onr_free(mem, t->edit_orig);
    onr_free(mem, t->attrs);
    onr_free(mem, t->out_attrs);
    onr_free(mem, t->attr_table);
    onr_buf_free(&t->scratch);
    onr_free(mem, t);
}

static void keep_last_start(html_tokenizer *t)
{
    if (!t->emitted_start)
        return;
    if (t->emitted_start_len < LAST_START_TAG_MAX) { /* already lowercase */
        memcpy(t->last_start, t->emitted_start, t->emitted_start_len);
        t->last_start_len = t->emitted_start_len;
    } else {
        t->last_start_len = 0;
    }
    t->emitted_start = NULL;
}

void html_tokenizer_set_state(html_tokenizer *t, html_text_state state)
{
    if (t->state == ST_EOF)
        return;
    if (state == HTML_STATE_RCDATA || state == HTML_STATE_RAWTEXT || state == HTML_STATE_SCRIPT)
        keep_last_start(t);
    switch (state) {
    case HTML_STATE_DATA: t->state = ST_DATA; break;
    case HTML_STATE_RCDATA: t->state = ST_RCDATA; break;
    case HTML_STATE_RAWTEXT: t->state = ST_RAWTEXT; break;
    case HTML_STATE_SCRIPT: t->state = ST_SCRIPT; break;
    case HTML_STATE_PLAINTEXT: t->state = ST_PLAINTEXT; break;
    case HTML_STATE_CDATA_SECTION: t->state = ST_CDATA; break;
    case HTML_STATE_CDATA_ALLOWED: break;
    }
}

void html_tokenizer_allow_cdata(html_tokenizer *t, bool allowed) { t->cdata_allowed = allowed; }

void html_tokenizer_set_last_start_tag(html_tokenizer *t, const char *name, size_t len)
{
    t->emitted_start = NULL;
    if (len >= LAST_START_TAG_MAX) {
        t->last_start_len = 0;
        return;
    }
    for (size_t i = 0; i < len; i++)
        t->last_start[i] = onr_ascii_lower(name[i]);
    t->last_start_len = len;
}

/* The input stream's own errors (controls and noncharacters, 13.2.3.5), counted on demand so that
 * tokenizing does not pay for them. */
static size_t preprocessing_errors(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t errors = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = u[i];
        size_t n = cp < 0x80 ? 1 : onr_utf8_decode(u + i, len - i, &cp);
        i += n;
        bool control = (cp < 0x20 && cp != 0 && !is_space((int)cp) && cp != '\r') || (cp >= 0x7F && cp <= 0x9F);
        bool noncharacter = (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
        errors += control || noncharacter;
    }
    return errors;
}

size_t html_tokenizer_error_count(const html_tokenizer *t)
{
    return t->errors + preprocessing_errors(t->in, t->pos < t->len ? t->pos : t->len);
}

/* ---- token emission ---- */

/* Every field of html_token, one by one: gcc turns a compound literal of this size, or a copy of a
 * blank token, into `rep stos`, whose start-up costs more than these stores. */
static inline void token_clear(html_token *tok, html_token_kind kind, size_t offset)
{
    tok->kind = kind;
    tok->offset = offset;
    tok->name = NULL;
    tok->name_len = 0;
    tok->tag = ONR_TAG_UNKNOWN;
    tok->self_closing = false;
    tok->attrs = NULL;
    tok->attr_count = 0;
    tok->attrs_in_input = false;
    tok->data = NULL;
    tok->data_len = 0;
    tok->whitespace_only = false;
    tok->has_nul = false;
    tok->public_id = NULL;
    tok->public_id_len = 0;
    tok->system_id = NULL;
    tok->system_id_len = 0;
    tok->force_quirks = false;
}

#if defined(__SSE2__)
/* A bit per byte of the 16 at s: set for the ASCII white space of HTML. */
static inline unsigned space_mask16(const char *s)
{
    const __m128i space = _mm_set1_epi8(' '), lf = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t'),
                  ff = _mm_set1_epi8('\f');
    __m128i c = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(c, space), _mm_cmpeq_epi8(c, lf)),
                               _mm_or_si128(_mm_cmpeq_epi8(c, tab), _mm_cmpeq_epi8(c, ff)));
    return (unsigned)_mm_movemask_epi8(hit);
}
#endif

/* `readable` bytes from s on may be read (at least len): the white space between tags is
 * shorter than sixteen bytes, and is tested in one step when the input goes on after it. */
static bool all_space(const char *s, size_t len, size_t readable)
{
    size_t i = 0;
#if defined(__SSE2__)
    for (; len - i >= 16; i += 16)
        if (space_mask16(s + i) != 0xFFFF)
            return false;
    if (i < len && readable - i >= 16) {
        unsigned want = (1u << (len - i)) - 1;
        return (space_mask16(s + i) & want) == want;
    }
#else
    (void)readable;
#endif
    for (; i < len; i++)
        if (!is_space((unsigned char)s[i]))
            return false;
    return true;
}

static onr_status emit_text(html_tokenizer *t, html_token *tok)
{
    if (t->scratch.failed) {
        t->failed = true;
        return ONR_ERR_NOMEM;
    }
    token_clear(tok, HTML_TOKEN_CHARACTERS, original_offset(t, t->text_start));
    tok->data = piece_ptr(t, &t->text);
    tok->data_len = t->text.len;
    tok->has_nul = t->text_has_nul;
    size_t readable = t->text.scratch ? t->text.len : t->len - t->text.start;
    tok->whitespace_only = all_space(tok->data, tok->data_len, readable);
    return ONR_OK;
}

static onr_status emit_eof(html_tokenizer *t, html_token *tok)
{
    if (t->text.len)
        return emit_text(t, tok);
    token_clear(tok, HTML_TOKEN_EOF, original_offset(t, t->len));
    return ONR_OK;
}

static size_t cut_utf8(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

static bool grow_attrs(html_tokenizer *t)
{
    size_t cap = t->attr_cap ? t->attr_cap * 2 : 8, a_bytes, o_bytes;
    if (cap > t->max_attributes)
        cap = t->max_attributes;
    if (!onr_size_mul(cap, sizeof(tok_attr), &a_bytes) || !onr_size_mul(cap, sizeof(html_attr), &o_bytes))
        return false;
    tok_attr *attrs = onr_realloc(t->mem, t->attrs, a_bytes);
    if (!attrs)
        return false;
    t->attrs = attrs;
    html_attr *out = onr_realloc(t->mem, t->out_attrs, o_bytes);
    if (!out)
        return false;
    t->out_attrs = out;
    t->attr_cap = cap;
    return true;
}

static bool same_name(const html_tokenizer *t, const tok_piece *a, const char *name, size_t len)
{
    if (a->len != len)
        return false;
    const char *other = piece_ptr(t, a);
    return other[0] == name[0] && memcmp(other, name, len) == 0;
}

static uint32_t name_hash(const char *name, size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)name[i]) * 16777619u;
    return h;
}

static void attr_table_insert(html_tokenizer *t, size_t index)
{
    const tok_piece *name = &t->attrs[index].name;
    size_t mask = t->attr_table_cap - 1;
    size_t slot = name_hash(piece_ptr(t, name), name->len) & mask;
    while (t->attr_table[slot].generation == t->attr_generation)
        slot = (slot + 1) & mask;
    t->attr_table[slot].generation = t->attr_generation;
    t->attr_table[slot].index = (uint32_t)index;
}

/* Makes the hash table hold every kept attribute of this tag, at most half full. Each build takes
 * a new generation, which makes the slots of earlier tags stale without clearing them. */
static bool attr_table_ready(html_tokenizer *t)
{
    size_t need = (t->attr_count + 1) * 2;
    if (t->attr_table_built && need <= t->attr_table_cap)
        return true;
    if (need > t->attr_table_cap) {
        size_t cap = t->attr_table_cap ? t->attr_table_cap : 64, bytes;
        while (cap < need)
            cap *= 2;
        if (!onr_size_mul(cap, sizeof *t->attr_table, &bytes))
            return false;
        attr_slot *table = onr_realloc(t->mem, t->attr_table, bytes);
        if (!table)
            return false;
        memset(table, 0, bytes);
        t->attr_table = table;
        t->attr_table_cap = cap;
        t->attr_generation = 1;
    } else if (++t->attr_generation == 0) { /* wrapped: stale slots would look current */
        memset(t->attr_table, 0, t->attr_table_cap * sizeof *t->attr_table);
        t->attr_generation = 1;
    }
    for (size_t i = 0; i < t->attr_count; i++)
        attr_table_insert(t, i);
    t->attr_table_built = true;
    return true;
}

/* Whether an attribute already kept has this name: a scan of the first few, a hash table past
 * them, so that a tag with a huge number of attributes stays linear. */
static bool attr_seen(html_tokenizer *t, const char *name, size_t len, uint64_t name_class)
{
    if (t->attr_count < 8) {
        if (!(t->attr_names_seen & name_class))
            return false;
        for (size_t i = 0; i < t->attr_count; i++)
            if (same_name(t, &t->attrs[i].name, name, len))
                return true;
        return false;
    }
    if (!attr_table_ready(t)) {
        t->failed = true;
        return true;
    }
    size_t mask = t->attr_table_cap - 1;
    for (size_t slot = name_hash(name, len) & mask; t->attr_table[slot].generation == t->attr_generation;
         slot = (slot + 1) & mask)
        if (same_name(t, &t->attrs[t->attr_table[slot].index].name, name, len))
            return true;
    return false;
}

/* Keeps the attribute just finished unless it repeats an earlier name or is over the limit. */
static void commit_attr(html_tokenizer *t)
{
    if (!t->current_active)
        return;
    t->current_active = false;
    if (t->scratch.failed)
        return;
    const char *name = piece_ptr(t, &t->current.name);
    size_t name_len = t->current.name.len;
    uint64_t name_class = 1ull << (((unsigned char)name[0] + name_len * 7) & 63);
    if (attr_seen(t, name, name_len, name_class)) {
        t->errors++; /* duplicate-attribute */
        return;
    }
    if (t->attr_count >= t->max_attributes)
        return;
    if (t->attr_count == t->attr_cap && !grow_attrs(t)) {
        t->failed = true;
        return;
    }
    t->attrs[t->attr_count++] = t->current;
    t->attr_names_seen |= name_class;
    if (t->attr_table_built)
        attr_table_insert(t, t->attr_count - 1);
}

static void begin_attr(html_tokenizer *t)
{
    commit_attr(t);
    piece_reset(&t->current.name);
    piece_reset(&t->current.value);
    t->current_active = true;
}

static void begin_tag(html_tokenizer *t, bool end_tag)
{
    t->end_tag = end_tag;
    t->self_closing = false;
    piece_reset(&t->name);
    t->attr_count = 0;
    t->attr_names_seen = 0;
    t->current_active = false;
    t->attr_table_built = false;
}

static onr_status emit_tag(html_tokenizer *t, html_token *tok)
{
    commit_attr(t);
    if (t->failed || t->scratch.failed) {
        t->failed = true;
        return ONR_ERR_NOMEM;
    }
    token_clear(tok, t->end_tag ? HTML_TOKEN_END_TAG : HTML_TOKEN_START_TAG,
                original_offset(t, t->token_start));
    tok->name = piece_ptr(t, &t->name);
    tok->name_len = t->name.len;
    tok->tag = html_tag_lookup_lowercase(tok->name, tok->name_len);
    tok->self_closing = t->self_closing;
    if (t->end_tag) {
        if (t->attr_count)
            t->errors++; /* end-tag-with-attributes */
        if (t->self_closing)
            t->errors++; /* end-tag-with-trailing-solidus */
        return ONR_OK;
    }
    t->emitted_start = tok->name;
    t->emitted_start_len = tok->name_len;
    /* Only values are cut: a cut name could collide with another and undo duplicate removal. */
    size_t max = t->max_attribute_length;
    for (size_t i = 0; i < t->attr_count; i++) {
        html_attr *out = &t->out_attrs[i];
        out->name = piece_ptr(t, &t->attrs[i].name);
        out->name_len = t->attrs[i].name.len;
        out->value = piece_ptr(t, &t->attrs[i].value);
        out->value_len = cut_utf8(out->value, t->attrs[i].value.len, max);
    }
    tok->attrs = t->attr_count ? t->out_attrs : NULL;
    tok->attr_count = t->attr_count;
    /* the scratch buffer is emptied for each token, and every piece moved there makes it longer */
    tok->attrs_in_input = !t->normalized && t->scratch.len == 0;
    return ONR_OK;
}

static void begin_comment(html_tokenizer *t) { piece_reset(&t->data); }

static onr_status emit_comment(html_tokenizer *t, html_token *tok)
{
    if (t->scratch.failed) {
        t->failed = true;
        return ONR_ERR_NOMEM;
    }
    token_clear(tok, HTML_TOKEN_COMMENT, original_offset(t, t->token_start));
    tok->data = t->data.len ? piece_ptr(t, &t->data) : "";
    tok->data_len = t->data.len;
    return ONR_OK;
}

static void begin_doctype(html_tokenizer *t)
{
    piece_reset(&t->name);
    piece_reset(&t->public_id);
    piece_reset(&t->system_id);
    t->has_name = t->has_public_id = t->has_system_id = t->force_quirks = false;
}

static onr_status emit_doctype(html_tokenizer *t, html_token *tok)
{
    if (t->scratch.failed) {
        t->failed = true;
        return ONR_ERR_NOMEM;
    }
    token_clear(tok, HTML_TOKEN_DOCTYPE, original_offset(t, t->token_start));
    if (t->has_name) {
        tok->name = t->name.len ? piece_ptr(t, &t->name) : "";
        tok->name_len = t->name.len;
    }
    if (t->has_public_id) {
        tok->public_id = t->public_id.len ? piece_ptr(t, &t->public_id) : "";
        tok->public_id_len = t->public_id.len;
    }
    if (t->has_system_id) {
        tok->system_id = t->system_id.len ? piece_ptr(t, &t->system_id) : "";
        tok->system_id_len = t->system_id.len;
    }
    tok->force_quirks = t->force_quirks;
    return ONR_OK;
}

/* ---- character references ---- */

/* Code points 0x80..0x9F as windows-1252 reads them (0: no remapping). */
static const uint16_t windows_1252_c1[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

const html_entity *html_entity_find(const char *name, size_t len)
{
    unsigned char first = len ? (unsigned char)name[0] : 0;
    if (first >= 128)
        return NULL;
    size_t lo = html_entity_start[first], hi = html_entity_start[first + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const html_entity *e = &html_entities[mid];
        size_t common = len < e->name_len ? len : e->name_len;
        int cmp = memcmp(name, e->name, common);
        if (cmp == 0)
            cmp = len < e->name_len ? -1 : len > e->name_len;
        if (cmp == 0)
            return e;
        if (cmp < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

static size_t numeric_reference(html_tokenizer *t, size_t amp, tok_piece *out)
{
    const char *s = t->in;
    size_t p = amp + 2; /* after "&#" */
    bool hex = p < t->len && (s[p] == 'x' || s[p] == 'X');
    if (hex)
        p++;
    size_t digits = p;
    uint32_t value = 0;
    while (p < t->len && (hex ? is_hex((unsigned char)s[p]) : is_digit((unsigned char)s[p]))) {
        int c = (unsigned char)s[p];
        uint32_t d = is_digit(c) ? (uint32_t)(c - '0') : (uint32_t)((c | 0x20) - 'a' + 10);
        value = value * (hex ? 16 : 10) + d;
        if (value > 0x10FFFF)
            value = 0x110000; /* saturate: any longer run is out of range too */
        p++;
    }
    if (p == digits) {
        t->errors++; /* absence-of-digits-in-numeric-character-reference */
        piece_take(t, out, amp, p - amp);
        return p;
    }
    if (p < t->len && s[p] == ';')
        p++;
    else
        t->errors++; /* missing-semicolon-after-character-reference */
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        t->errors++;
        value = ONR_REPLACEMENT_CHAR;
    } else if ((value >= 0xFDD0 && value <= 0xFDEF) || (value & 0xFFFE) == 0xFFFE) {
        t->errors++; /* noncharacter-character-reference */
    } else if (value == 0x0D || (value < 0x20 && !is_space((int)value)) || (value >= 0x7F && value <= 0x9F)) {
        t->errors++; /* control-character-reference */
        if (value >= 0x80 && windows_1252_c1[value - 0x80])
            value = windows_1252_c1[value - 0x80];
    }
    char utf8[4];
    piece_add(t, out, utf8, onr_utf8_encode(value, utf8));
    return p;
}

/* Consumes the character reference at s[amp] == '&', appending its characters to `out`; returns
 * the offset where the return state resumes. */
static size_t char_reference(html_tokenizer *t, size_t amp, tok_piece *out, bool in_attribute)
{
    const char *s = t->in;
    size_t p = amp + 1;
    if (p < t->len && s[p] == '#')
        return numeric_reference(t, amp, out);
    size_t run = p;
    while (run < t->len && run - p <= HTML_ENTITY_MAX_NAME && is_alnum((unsigned char)s[run]))
        run++;
    size_t run_len = run - p;
    if (run_len == 0) {
        piece_take(t, out, amp, 1);
        return p;
    }
    const html_entity *match = NULL;
    if (run_len < HTML_ENTITY_MAX_NAME && run < t->len && s[run] == ';')
        match = html_entity_find(s + p, run_len + 1);
    unsigned legacy_lengths = html_entity_legacy_lengths[(unsigned char)s[p]]; /* s[p] is ASCII */
    for (size_t k = run_len < HTML_ENTITY_MAX_LEGACY_NAME ? run_len : HTML_ENTITY_MAX_LEGACY_NAME;
         !match && k > 0; k--)
        if (legacy_lengths & (1u << k))
            match = html_entity_find(s + p, k);
    if (!match) {
        /* Ambiguous ampersand: the text stays; an error only when a ';' ends the name. */
        while (run < t->len && is_alnum((unsigned char)s[run]))
            run++;
        if (run < t->len && s[run] == ';')
            t->errors++;
        piece_take(t, out, amp, 1);
        return p;
    }
    size_t end = p + match->name_len;
    if (match->name[match->name_len - 1] != ';') {
        if (in_attribute && end < t->len && (s[end] == '=' || is_alnum((unsigned char)s[end]))) {
            piece_take(t, out, amp, end - amp); /* historical: left as written */
            return end;
        }
        t->errors++; /* missing-semicolon-after-character-reference */
    }
    piece_add(t, out, match->value, match->value_len);
    return end;
}

/* ---- text states ---- */

/* Whether s[p..] is "</" + the last start tag's name + a character that ends a tag name. */
static bool appropriate_end_tag(const html_tokenizer *t, size_t p)
{
    size_t n = t->last_start_len;
    if (n == 0 || t->len - p < n + 3 || t->in[p + 1] != '/')
        return false;
    for (size_t i = 0; i < n; i++)
        if (onr_ascii_lower(t->in[p + 2 + i]) != t->last_start[i])
            return false;
    int c = (unsigned char)t->in[p + 2 + n];
    return is_space(c) || c == '/' || c == '>';
}

static inline bool starts_markup(int c) { return is_alpha(c) || c == '/' || c == '!' || c == '?'; }

/* Runs the data state; true when a token is ready (the text before a tag). */
static bool run_data(html_tokenizer *t)
{
    const char *s = t->in;
    size_t p = t->pos, len = t->len;
    for (;;) {
        size_t stop = find_any3(s, p, len, '<', '&', '\0');
        text_take(t, p, stop - p);
        p = stop;
        if (p >= len) {
            t->state = ST_EOF;
            break;
        }
        int c = (unsigned char)s[p];
        if (c == '<') {
            if (p + 1 < len && starts_markup((unsigned char)s[p + 1])) {
                t->token_start = p;
                t->state = ST_TAG_OPEN;
                p++;
                break;
            }
            t->errors++; /* invalid-first-character-of-tag-name, eof-before-tag-name */
            text_take(t, p, 1);
            p++;
        } else if (c == '&') {
            if (t->text.len == 0)
                t->text_start = p;
            p = char_reference(t, p, &t->text, false);
        } else { /* NUL: kept for tree construction, which decides */
            t->errors++;
            t->text_has_nul = true;
            text_take(t, p, 1);
            p++;
        }
    }
    t->pos = p;
    return t->text.len > 0 && t->state != ST_EOF;
}

/* RCDATA, RAWTEXT and PLAINTEXT: text up to the appropriate end tag (never, for PLAINTEXT). */
static bool run_raw_text(html_tokenizer *t, bool references, bool plaintext)
{
    const char *s = t->in;
    size_t p = t->pos, len = t->len;
    for (;;) {
        size_t stop = find_any3(s, p, len, '<', references ? '&' : '\0', '\0');
        text_take(t, p, stop - p);
        p = stop;
        if (p >= len) {
            t->state = ST_EOF;
            break;
        }
        int c = (unsigned char)s[p];
        if (c == '<') {
            if (!plaintext && appropriate_end_tag(t, p)) {
                t->token_start = p;
                t->state = ST_END_TAG_OPEN;
                p += 2;
                break;
            }
            text_take(t, p, 1);
            p++;
        } else if (c == '&' && references) {
            if (t->text.len == 0)
                t->text_start = p;
            p = char_reference(t, p, &t->text, false);
        } else { /* NUL */
            t->errors++;
            if (t->text.len == 0)
                t->text_start = p;
            piece_add_replacement(t, &t->text);
            p++;
        }
    }
    t->pos = p;
    return t->text.len > 0 && t->state != ST_EOF;
}

/* Whether s[p..] is "script" (any case) followed by white space, '/' or '>'. */
static bool script_word(const html_tokenizer *t, size_t p, size_t *after)
{
    if (t->len - p < 7 || !onr_ascii_ieq(t->in + p, 6, "script", 6))
        return false;
    int c = (unsigned char)t->in[p + 6];
    *after = p + 7;
    return is_space(c) || c == '/' || c == '>';
}

/* Script data with its escaped and double-escaped sub-states; every character stays as written
 * except NUL, so the scan only tracks the sub-state to know whether "</script" ends the text. */
static bool run_script(html_tokenizer *t)
{
    const char *s = t->in;
    size_t p = t->pos, len = t->len;
    enum script_state st = SCRIPT_DATA;
    for (;;) {
        if (st == SCRIPT_DATA) {
            size_t stop = find_any3(s, p, len, '<', '\0', '\0');
            text_take(t, p, stop - p);
            p = stop;
        }
        if (p >= len) {
            if (st >= SCRIPT_ESCAPED)
                t->errors++; /* eof-in-script-html-comment-like-text */
            t->state = ST_EOF;
            break;
        }
        int c = (unsigned char)s[p];
        if (c == 0) {
            t->errors++;
            if (t->text.len == 0)
                t->text_start = p;
            piece_add_replacement(t, &t->text);
            p++;
            if (st == SCRIPT_LT || st == SCRIPT_ESCAPE_START || st == SCRIPT_ESCAPE_START_DASH)
                st = SCRIPT_DATA;
            else if (st >= SCRIPT_ESCAPED && st <= SCRIPT_ESCAPED_LT)
                st = SCRIPT_ESCAPED;
            else if (st >= SCRIPT_DOUBLE_ESCAPED)
                st = SCRIPT_DOUBLE_ESCAPED;
            continue;
        }
        size_t after;
        switch (st) {
        case SCRIPT_DATA: /* c == '<' */
            if (appropriate_end_tag(t, p))
                goto end_tag;
            st = SCRIPT_LT;
            break;
        case SCRIPT_LT:
            st = c == '!' ? SCRIPT_ESCAPE_START : SCRIPT_DATA;
            if (c != '!')
                continue; /* reconsume */
            break;
        case SCRIPT_ESCAPE_START:
            if (c != '-') {
                st = SCRIPT_DATA;
                continue;
            }
            st = SCRIPT_ESCAPE_START_DASH;
            break;
        case SCRIPT_ESCAPE_START_DASH:
            if (c != '-') {
                st = SCRIPT_DATA;
                continue;
            }
            st = SCRIPT_ESCAPED_DASH_DASH;
            break;
        case SCRIPT_ESCAPED:
        case SCRIPT_ESCAPED_DASH:
        case SCRIPT_ESCAPED_DASH_DASH:
            if (c == '-')
                st = st == SCRIPT_ESCAPED ? SCRIPT_ESCAPED_DASH : SCRIPT_ESCAPED_DASH_DASH;
            else if (c == '<') {
                if (appropriate_end_tag(t, p))
                    goto end_tag;
                st = SCRIPT_ESCAPED_LT;
            } else if (c == '>' && st == SCRIPT_ESCAPED_DASH_DASH)
                st = SCRIPT_DATA;
            else
                st = SCRIPT_ESCAPED;
            break;
        case SCRIPT_ESCAPED_LT:
            if (is_alpha(c)) {
                /* Double escape start: the letters are text; "script" + delimiter enters. */
                size_t q = p;
                while (q < len && is_alpha((unsigned char)s[q]))
                    q++;
                st = script_word(t, p, &after) && after == q + 1 ? SCRIPT_DOUBLE_ESCAPED : SCRIPT_ESCAPED;
                if (q < len && (is_space((unsigned char)s[q]) || s[q] == '/' || s[q] == '>'))
                    q++;
                else
                    st = SCRIPT_ESCAPED;
                text_take(t, p, q - p);
                p = q;
                continue;
            }
            st = SCRIPT_ESCAPED;
            continue;
        case SCRIPT_DOUBLE_ESCAPED:
        case SCRIPT_DOUBLE_ESCAPED_DASH:
        case SCRIPT_DOUBLE_ESCAPED_DASH_DASH:
            if (c == '-')
                st = st == SCRIPT_DOUBLE_ESCAPED ? SCRIPT_DOUBLE_ESCAPED_DASH : SCRIPT_DOUBLE_ESCAPED_DASH_DASH;
            else if (c == '<')
                st = SCRIPT_DOUBLE_ESCAPED_LT;
            else if (c == '>' && st == SCRIPT_DOUBLE_ESCAPED_DASH_DASH)
                st = SCRIPT_DATA;
            else
                st = SCRIPT_DOUBLE_ESCAPED;
            break;
        case SCRIPT_DOUBLE_ESCAPED_LT:
            if (c == '/') {
                /* Double escape end: "/script" + delimiter returns to escaped. */
                size_t q = p + 1;
                while (q < len && is_alpha((unsigned char)s[q]))
                    q++;
                bool is_script = script_word(t, p + 1, &after) && after == q + 1;
                if (q < len && (is_space((unsigned char)s[q]) || s[q] == '/' || s[q] == '>')) {
                    st = is_script ? SCRIPT_ESCAPED : SCRIPT_DOUBLE_ESCAPED;
                    q++;
                } else
                    st = SCRIPT_DOUBLE_ESCAPED;
                text_take(t, p, q - p);
                p = q;
                continue;
            }
            st = SCRIPT_DOUBLE_ESCAPED;
            continue;
        }
        text_take(t, p, 1);
        p++;
        continue;
    end_tag:
        t->token_start = p;
        t->state = ST_END_TAG_OPEN;
        p += 2;
        break;
    }
    t->pos = p;
    return t->text.len > 0 && t->state != ST_EOF;
}

/* CDATA section: text up to "]]>", NUL kept as in the data state. */
static bool run_cdata(html_tokenizer *t)
{
    const char *s = t->in;
    size_t p = t->pos, end = p;
    for (;;) {
        const char *bracket = memchr(s + end, ']', t->len - end);
        if (!bracket) {
            end = t->len;
            break;
        }
        end = (size_t)(bracket - s);
        if (t->len - end >= 3 && s[end + 1] == ']' && s[end + 2] == '>')
            break;
        end++;
    }
    text_take(t, p, end - p);
    if (memchr(s + p, '\0', end - p))
        t->text_has_nul = true;
    if (end == t->len) {
        t->errors++; /* eof-in-cdata */
        t->state = ST_EOF;
        t->pos = end;
    } else {
        t->state = ST_DATA;
        t->pos = end + 3;
    }
    return false;
}

/* ---- the state machine ---- */

static inline size_t skip_spaces(const char *s, size_t p, size_t len)
{
    while (p < len && is_space((unsigned char)s[p]))
        p++;
    return p;
}

/* The fast path for the tags real pages are made of: lowercase names, quoted or plain values
 * without references, no errors. It runs the same steps as the states below, without a dispatch
 * per state; at anything else it stops, leaving the state and position where the general machine
 * takes over with the same partial token. True when the tag is complete (t->pos after '>'). */
static bool scan_plain_tag(html_tokenizer *t, size_t p)
{
    const char *s = t->in;
    const size_t len = t->len;
    size_t q = skip_run(s, p, len, stop_tag_name);
    piece_take(t, &t->name, p, q - p);
    if (q >= len || !(is_space((unsigned char)s[q]) || s[q] == '>' || s[q] == '/')) {
        t->state = ST_TAG_NAME;
        t->pos = q;
        return false;
    }
    for (;;) {
        q = skip_spaces(s, q, len);
        if (q >= len)
            break;
        int c = (unsigned char)s[q];
        if (c == '>') {
            t->pos = q + 1;
            t->state = ST_DATA;
            return true;
        }
        if (c == '/') {
            if (len - q >= 2 && s[q + 1] == '>') {
                t->self_closing = true;
                t->pos = q + 2;
                t->state = ST_DATA;
                return true;
            }
            break;
        }
        if (c == '=')
            break;
        begin_attr(t);
        size_t name_end = skip_run(s, q, len, stop_attr_name);
        piece_take(t, &t->current.name, q, name_end - q);
        q = name_end;
        if (q >= len || !(is_space((unsigned char)s[q]) || s[q] == '>' || s[q] == '/' || s[q] == '=')) {
            t->state = ST_ATTR_NAME;
            t->pos = q;
            return false;
        }
        q = skip_spaces(s, q, len);
        if (q >= len || s[q] != '=')
            continue; /* no value: the next attribute, '/' or '>' */
        q = skip_spaces(s, q + 1, len);
        if (q >= len)
            break;
        c = (unsigned char)s[q];
        if (c == '"' || c == '\'') {
            size_t end = find_any3(s, q + 1, len, (char)c, '&', '\0');
            piece_take(t, &t->current.value, q + 1, end - q - 1);
            if (end >= len || s[end] != c) {
                t->state = c == '"' ? ST_ATTR_VALUE_DQ : ST_ATTR_VALUE_SQ;
                t->pos = end;
                return false;
            }
            q = end + 1;
            if (q >= len || !(is_space((unsigned char)s[q]) || s[q] == '>' || s[q] == '/')) {
                t->state = ST_AFTER_ATTR_VALUE_QUOTED;
                t->pos = q;
                return false;
            }
        } else if (c == '>') {
            t->state = ST_BEFORE_ATTR_VALUE;
            t->pos = q;
            return false;
        } else {
            size_t end = skip_run(s, q, len, stop_value_uq);
            piece_take(t, &t->current.value, q, end - q);
            q = end;
            if (q >= len || !(is_space((unsigned char)s[q]) || s[q] == '>')) {
                t->state = ST_ATTR_VALUE_UQ;
                t->pos = q;
                return false;
            }
        }
    }
    t->state = ST_BEFORE_ATTR_NAME;
    t->pos = q;
    return false;
}

static bool starts_with_ci(const html_tokenizer *t, size_t p, const char *word, size_t n)
{
    return t->len - p >= n && onr_ascii_ieq(t->in + p, n, word, n);
}

#define EOF_CHAR (-1)

onr_status html_tokenizer_next(html_tokenizer *t, html_token *tok)
{
    if (t->failed)
        return ONR_ERR_NOMEM;
    if (t->scratch.len)
        onr_buf_clear(&t->scratch);
    t->emitted_start = NULL; /* its string may be gone */
    piece_reset(&t->text);
    t->text_has_nul = false;
    t->text_start = t->pos;
    const char *s = t->in;
    const size_t len = t->len;
    for (;;) {
        size_t p = t->pos;
        int c = p < len ? (unsigned char)s[p] : EOF_CHAR;
        switch (t->state) {
        case ST_DATA:
            if (run_data(t))
                return emit_text(t, tok);
            break;
        case ST_RCDATA:
            if (run_raw_text(t, true, false))
                return emit_text(t, tok);
            break;
        case ST_RAWTEXT:
            if (run_raw_text(t, false, false))
                return emit_text(t, tok);
            break;
        case ST_PLAINTEXT:
            run_raw_text(t, false, true);
            break;
        case ST_SCRIPT:
            if (run_script(t))
                return emit_text(t, tok);
            break;
        case ST_CDATA:
            run_cdata(t);
            break;
        case ST_EOF:
            return emit_eof(t, tok);

        case ST_TAG_OPEN:
            if (c == '!') {
                t->state = ST_MARKUP_DECLARATION_OPEN;
                t->pos++;
            } else if (c == '/') {
                t->state = ST_END_TAG_OPEN;
                t->pos++;
                if (p + 1 < len && is_alpha((unsigned char)s[p + 1])) { /* the common "</name" */
                    begin_tag(t, true);
                    if (scan_plain_tag(t, p + 1))
                        return emit_tag(t, tok);
                }
            } else if (c != EOF_CHAR && is_alpha(c)) {
                begin_tag(t, false);
                if (scan_plain_tag(t, p))
                    return emit_tag(t, tok);
            } else if (c == '?') {
                t->errors++; /* unexpected-question-mark-instead-of-tag-name */
                begin_comment(t);
                t->state = ST_BOGUS_COMMENT;
            } else {
                t->errors++; /* invalid-first-character-of-tag-name / eof-before-tag-name */
                text_take(t, p - 1, 1);
                t->state = ST_DATA;
            }
            break;
        case ST_END_TAG_OPEN:
            if (c != EOF_CHAR && is_alpha(c)) {
                begin_tag(t, true);
                if (scan_plain_tag(t, p))
                    return emit_tag(t, tok);
            } else if (c == '>') {
                t->errors++; /* missing-end-tag-name */
                t->pos++;
                t->state = ST_DATA;
            } else if (c == EOF_CHAR) {
                t->errors++; /* eof-before-tag-name */
                text_take(t, p - 2, 2);
                t->state = ST_EOF;
            } else {
                t->errors++; /* invalid-first-character-of-tag-name */
                begin_comment(t);
                t->state = ST_BOGUS_COMMENT;
            }
            break;
        case ST_TAG_NAME: {
            size_t stop = skip_run(s, p, len, stop_tag_name);
            piece_take(t, &t->name, p, stop - p);
            t->pos = stop;
            if (stop >= len) {
                t->errors++; /* eof-in-tag */
                t->state = ST_EOF;
                break;
            }
            c = (unsigned char)s[stop];
            t->pos++;
            if (is_upper(c))
                piece_add_lower(t, &t->name, c);
            else if (c == 0) {
                t->errors++;
                piece_add_replacement(t, &t->name);
            } else if (c == '/')
                t->state = ST_SELF_CLOSING_START_TAG;
            else if (c == '>') {
                t->state = ST_DATA;
                return emit_tag(t, tok);
            } else
                t->state = ST_BEFORE_ATTR_NAME;
            break;
        }
        case ST_BEFORE_ATTR_NAME:
            while (p < len && is_space((unsigned char)s[p]))
                p++;
            t->pos = p;
            c = p < len ? (unsigned char)s[p] : EOF_CHAR;
            if (c == '/' || c == '>' || c == EOF_CHAR) {
                t->state = ST_AFTER_ATTR_NAME;
            } else if (c == '=') {
                t->errors++; /* unexpected-equals-sign-before-attribute-name */
                begin_attr(t);
                piece_take(t, &t->current.name, p, 1);
                t->pos++;
                t->state = ST_ATTR_NAME;
            } else {
                begin_attr(t);
                t->state = ST_ATTR_NAME;
            }
            break;
        case ST_ATTR_NAME: {
            size_t stop = skip_run(s, p, len, stop_attr_name);
            piece_take(t, &t->current.name, p, stop - p);
            t->pos = stop;
            c = stop < len ? (unsigned char)s[stop] : EOF_CHAR;
            if (c == EOF_CHAR || is_space(c) || c == '/' || c == '>') {
                t->state = ST_AFTER_ATTR_NAME;
                break;
            }
            t->pos++;
            if (c == '=')
                t->state = ST_BEFORE_ATTR_VALUE;
            else if (is_upper(c))
                piece_add_lower(t, &t->current.name, c);
            else if (c == 0) {
                t->errors++;
                piece_add_replacement(t, &t->current.name);
            } else { /* '"', '\'' or '<' */
                t->errors++; /* unexpected-character-in-attribute-name */
                piece_take(t, &t->current.name, stop, 1);
            }
            break;
        }
        case ST_AFTER_ATTR_NAME:
            while (p < len && is_space((unsigned char)s[p]))
                p++;
            t->pos = p;
            c = p < len ? (unsigned char)s[p] : EOF_CHAR;
            if (c == EOF_CHAR) {
                t->errors++; /* eof-in-tag */
                t->state = ST_EOF;
            } else if (c == '/') {
                t->pos++;
                t->state = ST_SELF_CLOSING_START_TAG;
            } else if (c == '=') {
                t->pos++;
                t->state = ST_BEFORE_ATTR_VALUE;
            } else if (c == '>') {
                t->pos++;
                t->state = ST_DATA;
                return emit_tag(t, tok);
            } else {
                begin_attr(t);
                t->state = ST_ATTR_NAME;
            }
            break;
        case ST_BEFORE_ATTR_VALUE:
            while (p < len && is_space((unsigned char)s[p]))
                p++;
            t->pos = p;
            c = p < len ? (unsigned char)s[p] : EOF_CHAR;
            if (c == '"') {
                t->pos++;
                t->state = ST_ATTR_VALUE_DQ;
            } else if (c == '\'') {
                t->pos++;
                t->state = ST_ATTR_VALUE_SQ;
            } else if (c == '>') {
                t->errors++; /* missing-attribute-value */
                t->pos++;
                t->state = ST_DATA;
                return emit_tag(t, tok);
            } else
                t->state = ST_ATTR_VALUE_UQ;
            break;
        case ST_ATTR_VALUE_DQ:
        case ST_ATTR_VALUE_SQ: {
            bool dq = t->state == ST_ATTR_VALUE_DQ;
            size_t stop = find_any3(s, p, len, dq ? '"' : '\'', '&', '\0');
            piece_take(t, &t->current.value, p, stop - p);
            t->pos = stop;
            c = stop < len ? (unsigned char)s[stop] : EOF_CHAR;
            if (c == EOF_CHAR) {
                t->errors++; /* eof-in-tag */
                t->state = ST_EOF;
            } else if (c == '&') {
                t->pos = char_reference(t, stop, &t->current.value, true);
            } else if (c == 0) {
                t->errors++;
                piece_add_replacement(t, &t->current.value);
                t->pos++;
            } else {
                t->pos++;
                t->state = ST_AFTER_ATTR_VALUE_QUOTED;
            }
            break;
        }
        case ST_ATTR_VALUE_UQ: {
            size_t stop = skip_run(s, p, len, stop_value_uq);
            piece_take(t, &t->current.value, p, stop - p);
            t->pos = stop;
            c = stop < len ? (unsigned char)s[stop] : EOF_CHAR;
            if (c == EOF_CHAR) {
                t->errors++; /* eof-in-tag */
                t->state = ST_EOF;
                break;
            }
            if (c == '&') {
                t->pos = char_reference(t, stop, &t->current.value, true);
                break;
            }
            t->pos++;
            if (is_space(c))
                t->state = ST_BEFORE_ATTR_NAME;
            else if (c == '>') {
                t->state = ST_DATA;
                return emit_tag(t, tok);
            } else if (c == 0) {
                t->errors++;
                piece_add_replacement(t, &t->current.value);
            } else {
                t->errors++; /* unexpected-character-in-unquoted-attribute-value */
                piece_take(t, &t->current.value, stop, 1);
            }
            break;
        }
        case ST_AFTER_ATTR_VALUE_QUOTED:
            if (c != EOF_CHAR && is_space(c)) {
                t->pos++;
                t->state = ST_BEFORE_ATTR_NAME;
            } else if (c == '/') {
                t->pos++;
                t->state = ST_SELF_CLOSING_START_TAG;
            } else if (c == '>') {
                t->pos++;
                t->state = ST_DATA;
                return emit_tag(t, tok);
            } else if (c == EOF_CHAR) {
                t->errors++; /* eof-in-tag */
                t->state = ST_EOF;
            } else {
                t->errors++; /* missing-whitespace-between-attributes */
                t->state = ST_BEFORE_ATTR_NAME;
            }
            break;
        case ST_SELF_CLOSING_START_TAG:
            if (c == '>') {
                t->self_closing = true;
                t->pos++;
                t->state = ST_DATA;
                return emit_tag(t, tok);
            }
            t->errors++; /* eof-in-tag / unexpected-solidus-in-tag */
            t->state = c == EOF_CHAR ? ST_EOF : ST_BEFORE_ATTR_NAME;
            break;

        case ST_BOGUS_COMMENT: {
            size_t stop = skip_run(s, p, len, stop_bogus_comment);
            piece_take(t, &t->data, p, stop - p);
            t->pos = stop;
            if (stop >= len) {
                t->state = ST_EOF;
                return emit_comment(t, tok);
            }
            t->pos++;
            if (s[stop] == '>') {
                t->state = ST_DATA;
                return emit_comment(t, tok);
            }
            t->errors++;
            piece_add_replacement(t, &t->data);
            break;
        }
        case ST_MARKUP_DECLARATION_OPEN:
            begin_comment(t);
            if (len - p >= 2 && s[p] == '-' && s[p + 1] == '-') {
                t->pos += 2;
                t->state = ST_COMMENT_START;
            } else if (starts_with_ci(t, p, "doctype", 7)) {
                t->pos += 7;
                t->state = ST_DOCTYPE;
            } else if (len - p >= 7 && memcmp(s + p, "[CDATA[", 7) == 0) {
                t->pos += 7;
                if (t->cdata_allowed) {
                    t->state = ST_CDATA;
                } else {
                    t->errors++; /* cdata-in-html-content */
                    piece_take(t, &t->data, p, 7);
                    t->state = ST_BOGUS_COMMENT;
                }
            } else {
                t->errors++; /* incorrectly-opened-comment */
                t->state = ST_BOGUS_COMMENT;
            }
            break;
        case ST_COMMENT_START:
            if (c == '-') {
                t->pos++;
                t->state = ST_COMMENT_START_DASH;
            } else if (c == '>') {
                t->errors++; /* abrupt-closing-of-empty-comment */
                t->pos++;
                t->state = ST_DATA;
                return emit_comment(t, tok);
            } else
                t->state = ST_COMMENT;
            break;
        case ST_COMMENT_START_DASH:
            if (c == '-') {
                t->pos++;
                t->state = ST_COMMENT_END;
            } else if (c == '>') {
                t->errors++; /* abrupt-closing-of-empty-comment */
                t->pos++;
                t->state = ST_DATA;
                return emit_comment(t, tok);
            } else if (c == EOF_CHAR) {
                t->errors++; /* eof-in-comment */
                t->state = ST_EOF;
                return emit_comment(t, tok);
            } else {
                piece_take(t, &t->data, p - 1, 1); /* the '-' */
                t->state = ST_COMMENT;
            }
            break;
        case ST_COMMENT: {
            size_t stop = find_any3(s, p, len, '<', '-', '\0');
            piece_take(t, &t->data, p, stop - p);
            t->pos = stop;
            if (stop >= len) {
                t->errors++; /* eof-in-comment */
                t->state = ST_EOF;
                return emit_comment(t, tok);
            }
            t->pos++;
            if (s[stop] == '<') {
                piece_take(t, &t->data, stop, 1);
                t->state = ST_COMMENT_LT;
            } else if (s[stop] == '-') {
                t->state = ST_COMMENT_END_DASH;
            } else {
                t->errors++;
                piece_add_replacement(t, &t->data);
            }
            break;
        }
        case ST_COMMENT_LT:
            if (c == '!') {
                piece_take(t, &t->data, p, 1);
                t->pos++;
                t->state = ST_COMMENT_LT_BANG;
            } else if (c == '<') {
                piece_take(t, &t->data, p, 1);
                t->pos++;
            } else
                t->state = ST_COMMENT;
            break;
        case ST_COMMENT_LT_BANG:
            if (c == '-') {
                t->pos++;
                t->state = ST_COMMENT_LT_BANG_DASH;
            } else
                t->state = ST_COMMENT;
            break;
        case ST_COMMENT_LT_BANG_DASH:
            if (c == '-') {
                t->pos++;
                t->state = ST_COMMENT_LT_BANG_DASH_DASH;
            } else
                t->state = ST_COMMENT_END_DASH;
            break;
        case ST_COMMENT_LT_BANG_DASH_DASH:
            if (c != '>' && c != EOF_CHAR)
                t->errors++; /* nested-comment */
            t->state = ST_COMMENT_END;
            break;
        case ST_COMMENT_END_DASH:
            if (c == '-') {
                t->pos++;
                t->state = ST_COMMENT_END;
            } else if (c == EOF_CHAR) {
                t->errors++; /* eof-in-comment */
                t->state = ST_EOF;
                return emit_comment(t, tok);
            } else {
                piece_take(t, &t->data, p - 1, 1); /* the '-' */
                t->state = ST_COMMENT;
            }
            break;
        case ST_COMMENT_END:
            if (c == '>') {
                t->pos++;
                t->state = ST_DATA;
                return emit_comment(t, tok);
            } else if (c == '!') {
                t->pos++;
                t->state = ST_COMMENT_END_BANG;
            } else if (c == '-') {
                piece_take(t, &t->data, p - 2, 1); /* the first of the pending dashes */
                t->pos++;
            } else if (c == EOF_CHAR) {
                t->errors++; /* eof-in-comment */
                t->state = ST_EOF;
                return emit_comment(t, tok);
            } else {
                piece_take(t, &t->data, p - 2, 2); /* "--" */
                t->state = ST_COMMENT;
            }
            break;
        case ST_COMMENT_END_BANG:
            if (c == '-') {
                piece_take(t, &t->data, p - 3, 3); /* "--!" */
                t->pos++;
                t->state = ST_COMMENT_END_DASH;
            } else if (c == '>') {
                t->errors++; /* incorrectly-closed-comment */
                t->pos++;
                t->state = ST_DATA;
                return emit_comment(t, tok);
            } else if (c == EOF_CHAR) {
                t->errors++; /* eof-in-comment */
                t->state = ST_EOF;
                return emit_comment(t, tok);
            } else {
                piece_take(t, &t->data, p - 3, 3); /* "--!" */
                t->state = ST_COMMENT;
            }
            break;

        case ST_DOCTYPE:
            begin_doctype(t);
            if (c == EOF_CHAR) {
                t->errors++; /* eof-in-doctype */
                t->force_quirks = true;
                t->state = ST_EOF;
                return emit_doctype(t, tok);
            }
            if (is_space(c))
                t->pos++;
            else if (c != '>')
                t->errors++; /* missing-whitespace-before-doctype-name */
            t->state = ST_BEFORE_DOCTYPE_NAME;
            break;
        case ST_BEFORE_DOCTYPE_NAME:
            while (p < len && is_space((unsigned char)s[p]))
                p++;
            t->pos = p;
            c = p < len ? (unsigned char)s[p] : EOF_CHAR;
            if (c == '>') {
                t->errors++; /* missing-doctype-name */
                t->force_quirks = true;
                t->pos++;
                t->state = ST_DATA;
                return emit_doctype(t, tok);
            }
            if (c == EOF_CHAR) {
                t->errors++; /* eof-in-doctype */
                t->force_quirks = true;
                t->state = ST_EOF;
                return emit_doctype(t, tok);
            }
            t->has_name = true;
            t->state = ST_DOCTYPE_NAME;
            break;
        case ST_DOCTYPE_NAME:
            if (c == EOF_CHAR) {
                t->errors++; /* eof-in-doctype */
                t->force_quirks = true;
                t->state = ST_EOF;
                return emit_doctype(t, tok);
            }
            t->pos++;
            if (is_space(c))
                t->state = ST_AFTER_DOCTYPE_NAME;
            else if (c == '>') {
                t->state = ST_DATA;
                return emit_doctype(t, tok);
            } else if (is_upper(c))
                piece_add_lower(t, &t->name, c);
            else if (c == 0) {
                t->errors++;
                piece_add_replacement(t, &t->name);
            } else
                piece_take(t, &t->name, p, 1);
            break;
        case ST_AFTER_DOCTYPE_NAME:
            while (p < len && is_space((unsigned char)s[p]))
                p++;
            t->pos = p;
            c = p < len ? (unsigned char)s[p] : EOF_CHAR;
            if (c == '>') {
                t->pos++;
                t->state = ST_DATA;
                return emit_doctype(t, tok);
            }
            if (c == EOF_CHAR) {
                t->errors++; /* eof-in-doctype */
                t->force_quirks = true;
                t->state = ST_EOF;
                return emit_doctype(t, tok);
            }
            if (starts_with_ci(t, p, "public", 6)) {
                t->pos += 6;
                t->state = ST_AFTER_DOCTYPE_PUBLIC_KEYWORD;
            } else if (starts_with_ci(t, p, "system", 6)) {
                t->pos += 6;
                t->state = ST_AFTER_DOCTYPE_SYSTEM_KEYWORD;
            } else {
                t->errors++; /* invalid-character-sequence-after-doctype-name */
                t->force_quirks = true;
                t->state = ST_BOGUS_DOCTYPE;
            }
            break;
        case ST_AFTER_DOCTYPE_PUBLIC_KEYWORD:
        case ST_AFTER_DOCTYPE_SYSTEM_KEYWORD:
        case ST_BEFORE_DOCTYPE_PUBLIC_ID:
        case ST_BEFORE_DOCTYPE_SYSTEM_ID: {
            bool public = t->state == ST_AFTER_DOCTYPE_PUBLIC_KEYWORD || t->state == ST_BEFORE_DOCTYPE_PUBLIC_ID;
            bool after_keyword =
                t->state == ST_AFTER_DOCTYPE_PUBLIC_KEYWORD || t->state == ST_AFTER_DOCTYPE_SYSTEM_KEYWORD;
            if (after_keyword && c != EOF_CHAR && is_space(c)) {
                t->pos++;
                t->state = public ? ST_BEFORE_DOCTYPE_PUBLIC_ID : ST_BEFORE_DOCTYPE_SYSTEM_ID;
                break;
            }
            while (p < len && is_space((unsigned char)s[p]))
                p++;
            t->pos = p;
            c = p < len ? (unsigned char)s[p] : EOF_CHAR;
            if (c == '"' || c == '\'') {
                if (after_keyword)
                    t->errors++; /* missing-whitespace-after-doctype-*-keyword */
                t->pos++;
                if (public) {
                    t->has_public_id = true;
                    t->state = c == '"' ? ST_DOCTYPE_PUBLIC_ID_DQ : ST_DOCTYPE_PUBLIC_ID_SQ;
                } else {
                    t->has_system_id = true;
                    t->state = c == '"' ? ST_DOCTYPE_SYSTEM_ID_DQ : ST_DOCTYPE_SYSTEM_ID_SQ;
                }
            } else if (c == '>') {
                t->errors++; /* missing-doctype-*-identifier */
                t->force_quirks = true;
                t->pos++;
                t->state = ST_DATA;
                return emit_doctype(t, tok);
            } else if (c == EOF_CHAR) {
                t->errors++; /* eof-in-doctype */
                t->force_quirks = true;
                t->state = ST_EOF;
                return emit_doctype(t, tok);
            } else {
                t->errors++; /* missing-quote-before-doctype-*-identifier */
                t->force_quirks = true;
                t->state = ST_BOGUS_DOCTYPE;
            }
            break;
        }
        case ST_DOCTYPE_PUBLIC_ID_DQ:
        case ST_DOCTYPE_PUBLIC_ID_SQ:
        case ST_DOCTYPE_SYSTEM_ID_DQ:
        case ST_DOCTYPE_SYSTEM_ID_SQ: {
            bool public = t->state == ST_DOCTYPE_PUBLIC_ID_DQ || t->state == ST_DOCTYPE_PUBLIC_ID_SQ;
            bool dq = t->state == ST_DOCTYPE_PUBLIC_ID_DQ || t->state == ST_DOCTYPE_SYSTEM_ID_DQ;
            tok_piece *id = public ? &t->public_id : &t->system_id;
            size_t stop = skip_run(s, p, len, dq ? stop_doctype_dq : stop_doctype_sq);
            piece_take(t, id, p, stop - p);
            t->pos = stop;
            if (stop >= len) {
                t->errors++; /* eof-in-doctype */
                t->force_quirks = true;
                t->state = ST_EOF;
                return emit_doctype(t, tok);
            }
            t->pos++;
            if (s[stop] == 0) {
                t->errors++;
                piece_add_replacement(t, id);
            } else if (s[stop] == '>') {
                t->errors++; /* abrupt-doctype-*-identifier */
                t->force_quirks = true;
                t->state = ST_DATA;
                return emit_doctype(t, tok);
            } else
                t->state = public ? ST_AFTER_DOCTYPE_PUBLIC_ID : ST_AFTER_DOCTYPE_SYSTEM_ID;
            break;
        }
        case ST_AFTER_DOCTYPE_PUBLIC_ID:
        case ST_BETWEEN_DOCTYPE_IDS: {
            bool between = t->state == ST_BETWEEN_DOCTYPE_IDS;
            if (!between && c != EOF_CHAR && is_space(c)) {
                t->pos++;
                t->state = ST_BETWEEN_DOCTYPE_IDS;
                break;
            }
            while (p < len && is_space((unsigned char)s[p]))
                p++;
            t->pos = p;
            c = p < len ? (unsigned char)s[p] : EOF_CHAR;
            if (c == '>') {
                t->pos++;
                t->state = ST_DATA;
                return emit_doctype(t, tok);
            } else if (c == '"' || c == '\'') {
                if (!between)
                    t->errors++; /* missing-whitespace-between-doctype-public-and-system-identifiers */
                t->has_system_id = true;
                t->pos++;
                t->state = c == '"' ? ST_DOCTYPE_SYSTEM_ID_DQ : ST_DOCTYPE_SYSTEM_ID_SQ;
            } else if (c == EOF_CHAR) {
                t->errors++; /* eof-in-doctype */
                t->force_quirks = true;
                t->state = ST_EOF;
                return emit_doctype(t, tok);
            } else {
                t->errors++; /* missing-quote-before-doctype-system-identifier */
                t->force_quirks = true;
                t->state = ST_BOGUS_DOCTYPE;
            }
            break;
        }
        case ST_AFTER_DOCTYPE_SYSTEM_ID:
            while (p < len && is_space((unsigned char)s[p]))
                p++;
            t->pos = p;
            c = p < len ? (unsigned char)s[p] : EOF_CHAR;
            if (c == '>') {
                t->pos++;
                t->state = ST_DATA;
                return emit_doctype(t, tok);
            }
            if (c == EOF_CHAR) {
                t->errors++; /* eof-in-doctype */
                t->force_quirks = true;
                t->state = ST_EOF;
                return emit_doctype(t, tok);
            }
            t->errors++; /* unexpected-character-after-doctype-system-identifier */
            t->state = ST_BOGUS_DOCTYPE;
            break;
        case ST_BOGUS_DOCTYPE: {
            const char *gt = memchr(s + p, '>', len - p);
            if (memchr(s + p, '\0', (gt ? (size_t)(gt - s) : len) - p))
                t->errors++; /* unexpected-null-character (counted once per run) */
            if (!gt) {
                t->pos = len;
                t->state = ST_EOF;
            } else {
                t->pos = (size_t)(gt - s) + 1;
                t->state = ST_DATA;
            }
            return emit_doctype(t, tok);
        }
        }
    }
}
