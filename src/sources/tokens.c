/* First passes of the sourcing audit: one scan of the text into word, punctuation and quotation
 * mark tokens and their paragraphs, then quotation regions and sentences over those tokens. */
#include "sources/sources_internal.h"

#include <string.h>

/* ---- characters ---- */

static bool cp_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
           cp == 0xFEFF;
}

/* Letters of the scripts news is written in; everything else outside ASCII is punctuation. */
static bool cp_is_letter(uint32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    if (cp == 0xD7 || cp == 0xF7)
        return false;
    return (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x370 && cp <= 0x1FFF && cp != 0x37E) ||
           (cp >= 0x3040 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF);
}

static bool cp_is_upper(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x100 && cp <= 0x17F && !(cp & 1)) ||
           (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
}

static bool cp_is_alnum(uint32_t cp) { return (cp >= '0' && cp <= '9') || cp_is_letter(cp); }

/* The family of a quotation mark and whether it can open or close; 0 when cp is no mark. */
static uint8_t quote_mark(uint32_t cp, uint8_t *flags)
{
    switch (cp) {
    case 0x201C: *flags = TF_OPEN; return MARK_DOUBLE;  /* “ also closes „ (see closes) */
    case 0x201D: *flags = TF_CLOSE; return MARK_DOUBLE;
    case 0x201E: *flags = TF_OPEN; return MARK_LOW;     /* „ */
    case 0x2018: *flags = TF_OPEN; return MARK_SINGLE;
    case 0x2019: *flags = TF_CLOSE; return MARK_SINGLE;
    case 0x201A: *flags = TF_OPEN; return MARK_SINGLE;             /* ‚ */
    case 0xAB: *flags = TF_OPEN; return MARK_GUILLEMET;
    case 0xBB: *flags = TF_CLOSE; return MARK_GUILLEMET;
    case 0x2039: *flags = TF_OPEN; return MARK_SINGLE_GUILLEMET;
    case 0x203A: *flags = TF_CLOSE; return MARK_SINGLE_GUILLEMET;
    case 0x300C: case 0x300E: *flags = TF_OPEN; return MARK_CORNER;
    case 0x300D: case 0x300F: *flags = TF_CLOSE; return MARK_CORNER;
    case '"': *flags = TF_OPEN | TF_CLOSE; return MARK_STRAIGHT_DOUBLE;
    case '\'': *flags = TF_OPEN | TF_CLOSE; return MARK_STRAIGHT_SINGLE;
    default: *flags = 0; return MARK_NONE;
    }
}

/* The code point at byte `at`, `*used` bytes long. The text is valid UTF-8 (the result holds a
 * repaired copy), so its lead byte tells the length, and nothing needs checking. */
static uint32_t decode_at(const src_doc *doc, size_t at, size_t *used)
{
    const unsigned char *p = (const unsigned char *)doc->text + at;
    if (p[0] < 0x80) {
        *used = 1;
        return p[0];
    }
    if (p[0] < 0xE0) {
        *used = 2;
        return (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
    }
    if (p[0] < 0xF0) {
        *used = 3;
        return (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
    }
    *used = 4;
    return (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 | (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
}

/* The code point just before byte `at` (the text is valid UTF-8), or 0 at the start. */
static uint32_t decode_before(const src_doc *doc, size_t at)
{
    if (at == 0)
        return 0;
    size_t s = at - 1;
    while (s > 0 && ((unsigned char)doc->text[s] & 0xC0) == 0x80 && at - s < 4)
        s--;
    size_t used;
    return decode_at(doc, s, &used);
}

/* ---- paragraphs ---- */

static bool is_terminal(const src_token *t)
{
    return (t->type == TOK_PUNCT && (t->punct == '.' || t->punct == '!' || t->punct == '?' ||
                                     t->punct == ':')) ||
           t->type == TOK_QUOTE;
}

static bool is_lower_word(const src_token *t) { return t->type == TOK_WORD && !(t->flags & TF_CAP); }

/* The paragraph of token `t`, the first after a line break, pushed after `prev`. A paragraph that
 * stops mid-sentence ("…a Russian government official" / "said.") is joined to the next one: a
 * layout break, not the end of the thought. */
static void number_paragraph(const src_token *prev, src_token *t)
{
    t->para = prev->para;
    bool joined = !is_terminal(prev) && (is_lower_word(prev) || (prev->type == TOK_PUNCT && prev->punct == ',')) &&
                  (t->type == TOK_WORD || t->type == TOK_NUMBER);
    if (joined)
        t->flags &= (uint8_t)~TF_PARA;
    else
        t->para++;
}

/* ---- tokenizer ---- */

/* An apostrophe or dot or hyphen or comma continues a word when a letter or digit follows
 * ("don’t", "U.S", "Kremlin-linked", "185,000"). */
static bool joins_word(const src_doc *doc, size_t at, uint32_t cp, bool digits)
{
    if (cp != '\'' && cp != 0x2019 && cp != '-' && cp != '.' && cp != ',')
        return false;
    if (cp == ',' && !digits)
        return false;
    size_t used;
    decode_at(doc, at, &used);
    if (at + used >= doc->len)
        return false;
    size_t used2;
    uint32_t next = decode_at(doc, at + used, &used2);
    if (cp == ',' || (cp == '.' && digits))
        return next >= '0' && next <= '9';
    if (cp == '.')
        return cp_is_upper(next) && at + used + used2 < doc->len && doc->text[at + used + used2] == '.';
    return cp_is_alnum(next);
}

/* Pushes a token, numbering its paragraph as it goes (the token before it is complete); NULL when
 * allocation fails. The array's element is known here: no multiplication by its size, no memset. */
static inline src_token *push_token(src_doc *doc, size_t start, size_t end, uint8_t type, uint8_t flags)
{
    if (doc->tokens.len == doc->tokens.cap && !src_vec_grow(doc->mem, &doc->tokens))
        return NULL;
    src_token *t = (src_token *)doc->tokens.data + doc->tokens.len++;
    *t = (src_token){.start = (uint32_t)start, .end = (uint32_t)end, .type = type, .flags = flags, .region = -1};
    if (doc->tokens.len > 1) {
        t->para = t[-1].para;
        if (flags & TF_PARA)
            number_paragraph(t - 1, t);
    }
    return t;
}

/* The lexicon's classes of word token `t`, the `len` bytes at `word`. */
static void classify_word(src_token *t, const char *word, size_t len)
{
    const lexicon_entry *e = src_lexicon_entry(word, len);
    if (!e)
        return;
    t->lex = e->classes;
    t->lists = e->lists;
    t->number = e->number;
    if (e->starts_pair)
        t->flags |= TF_PAIR;
    if (t->lex & LEX_NUMBER)
        t->type = TOK_NUMBER;
}

static bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
static bool ascii_alnum(char c) { return ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* Does the word at `s` end after `len` bytes? */
static bool word_ends(const char *s, size_t n, size_t len)
{
    return len >= n || (!ascii_alnum(s[len]) && !((unsigned char)s[len] & 0x80));
}

/* The rest of a word whose start an apostrophe stands for: a year after its elided century ("70s",
 * "08") or a clipped word ("bout", "em", "cause"). */
static bool elided_word(const char *s, size_t n)
{
    static const char *const clipped[] = {"bout", "em", "cause", "til", "tis", "twas", "round", "n"};
    if (n >= 2 && ascii_digit(s[0]) && ascii_digit(s[1]))
        return word_ends(s, n, 2 + (n > 2 && s[2] == 's'));
    for (size_t i = 0; i < sizeof clipped / sizeof clipped[0]; i++) {
        size_t len = strlen(clipped[i]);
        if (len <= n && onr_ascii_ieq(s, len, clipped[i], len) && word_ends(s, n, len))
            return true;
    }
    return false;
}

/* What the tokenizer asks of a byte, in one load: an ASCII letter or digit (WB_WORD), a capital
 * (WB_UPPER too), a mark that may join words or a byte of a longer character (WB_DECODE, decoded),
 * white space (WB_SPACE; a line break WB_NEWLINE), or else punctuation. */
enum { WB_WORD = 1, WB_UPPER = 2, WB_DECODE = 4, WB_SPACE = 8, WB_NEWLINE = 16 };
#define W WB_WORD
#define U (WB_WORD | WB_UPPER)
#define X WB_DECODE
#define S WB_SPACE
#define X16 X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X
static const uint8_t word_byte[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, S, WB_NEWLINE, S, S, S, 0, 0, /* \t \n \v \f \r */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    S, 0, 0, 0, 0, 0, 0, X, 0, 0, 0, 0, X, X, X, 0, /* space ' , - . */
    W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, 0, 0, /* 0-9 */
    0, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, /* A-O */
    U, U, U, U, U, U, U, U, U, U, U, 0, 0, 0, 0, 0, /* P-Z */
    0, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, /* a-o */
    W, W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, 0, /* p-z */
    X16, X16, X16, X16, X16, X16, X16, X16,
};
#undef W
#undef U
#undef X
#undef S
#undef X16

/* Past the ASCII lowercase letters from `i`, eight bytes at a time (most of a word): a byte is
 * flagged when its high bit is set, or the sum with 0x05 sets it (past 'z'), or the difference with
 * 0x61 does (before 'a'); carries and borrows only reach the bytes after a flagged one. */
static size_t past_lowercase(const char *s, size_t i, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ /* the first byte lowest */
    while (i + 8 <= n) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t flagged = (x | (x + 0x0505050505050505u) | (x - 0x6161616161616161u)) & 0x8080808080808080u;
        if (flagged)
            return i + ((size_t)__builtin_ctzll(flagged) >> 3);
        i += 8;
    }
#else
    (void)s;
    (void)n;
#endif
    return i;
}

/* The end of the word whose first character ends before `i`; a capital past the first marks the
 * word TF_ODDCAPS. */
static size_t scan_word(const src_doc *doc, size_t i, bool digits, uint8_t *flags)
{
    const char *s = doc->text;
    size_t n = doc->len;
    for (;;) {
        i = past_lowercase(s, i, n);
        while (word_byte[(unsigned char)s[i]] == WB_WORD) /* most bytes of a word; the NUL after the text ends it */
            i++;
        if (i >= n)
            break;
        unsigned char c = (unsigned char)s[i];
        uint8_t b = word_byte[c];
        if (b & WB_UPPER) {
            *flags |= TF_ODDCAPS;
            i++;
            continue;
        }
        if (!(b & WB_DECODE))
            break;
        size_t used = 1;
        uint32_t d = c < 0x80 ? c : decode_at(doc, i, &used);
        if (c >= 0x80 && cp_is_alnum(d)) {
            if (cp_is_upper(d))
                *flags |= TF_ODDCAPS;
        } else if (!joins_word(doc, i, d, digits)) {
            break;
        }
        i += used;
    }
    return i;
}

/* Pushes the word or number (`digits`) that starts at `start` with a character `used` bytes long,
 * with `flags` so far; `*end` receives where it ends. False when allocation fails. */
static bool push_word(src_doc *doc, size_t start, size_t used, bool digits, uint8_t flags, size_t *end)
{
    *end = scan_word(doc, start + used, digits, &flags);
    src_token *t = push_token(doc, start, *end, digits ? TOK_NUMBER : TOK_WORD, flags);
    if (!t)
        return false;
    if (!digits)
        classify_word(t, doc->text + start, *end - start);
    return true;
}

/* Pushes the punctuation or quotation mark `cp` at `i`, `used` bytes long; `*end` receives where
 * it ends. False when allocation fails. */
static bool push_mark(src_doc *doc, size_t i, uint32_t cp, size_t used, uint8_t pending, size_t *end)
{
    const char *s = doc->text;
    size_t n = doc->len;
    unsigned char c = (unsigned char)s[i];
    uint8_t qflags;
    uint8_t mark = quote_mark(cp, &qflags);
    if ((c == '\'' || c == '`') && i + 1 < n && s[i + 1] == c) {
        /* '' and `` stand for double quotation marks in some newsroom and typeset text. */
        mark = MARK_STRAIGHT_DOUBLE;
        qflags = c == '`' ? TF_OPEN : TF_OPEN | TF_CLOSE;
        used = 2;
    }
    if (mark == MARK_DOUBLE && qflags == TF_CLOSE && (pending & TF_PARA))
        qflags = TF_OPEN; /* a paragraph that opens with ” (”… they are …”): nothing is open to close */
    if (mark == MARK_SINGLE || mark == MARK_STRAIGHT_SINGLE) {
        /* An apostrophe after a word ("Russians’ ") closes only; one before a word opens. */
        uint32_t before = decode_before(doc, i);
        size_t u2;
        uint32_t after = i + used < n ? decode_at(doc, i + used, &u2) : 0;
        if (cp_is_alnum(before))
            qflags &= (uint8_t)~TF_OPEN;
        if (!cp_is_alnum(after) && mark == MARK_STRAIGHT_SINGLE)
            qflags &= (uint8_t)~TF_OPEN;
        if ((!cp_is_alnum(before) && elided_word(s + i + used, n - i - used)) || !(qflags & (TF_OPEN | TF_CLOSE)))
            mark = MARK_NONE; /* "the late '70s", "how ‘bout", "CBS‘ show": an apostrophe, not a quotation mark */
    }
    src_token *t = push_token(doc, i, i + used, mark ? TOK_QUOTE : TOK_PUNCT, pending | (mark ? qflags : 0));
    if (!t)
        return false;
    t->mark = mark;
    if (!mark)
        t->punct = cp < 0x80 ? (char)cp : (cp == 0x2012 || cp == 0x2013 || cp == 0x2014 || cp == 0x2015) ? '-'
                                           : cp == 0x2026 ? '.'
                                           : (cp == 0xA3 || cp == 0xA5 || cp == 0x20AC) ? '$' /* £ ¥ € */
                                                                                          : '~';
    *end = i + used;
    return true;
}

bool src_tokenize(src_doc *doc)
{
    const char *s = doc->text;
    size_t i = 0, n = doc->len;
    /* About one token per five bytes of news text: reserve once instead of doubling. */
    size_t guess = n / 5 + 16, bytes;
    if (!onr_size_mul(guess, sizeof(src_token), &bytes) || !(doc->tokens.data = onr_malloc(doc->mem, bytes)))
        return false;
    doc->tokens.cap = guess;
    uint8_t pending = TF_PARA;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        uint8_t b = word_byte[c];
        if (b & (WB_SPACE | WB_NEWLINE)) {
            pending |= b == WB_NEWLINE ? TF_PARA | TF_SPACE : TF_SPACE;
            i++;
            continue;
        }
        uint32_t cp = c;
        size_t used = 1;
        uint8_t flags = pending | (b & WB_UPPER ? TF_CAP : 0);
        if (!(b & WB_WORD)) { /* punctuation, quotation marks, longer characters */
            if (c >= 0x80)
                cp = decode_at(doc, i, &used);
            if (cp_is_space(cp)) {
                pending |= TF_SPACE;
                i += used;
                continue;
            }
            if (!cp_is_alnum(cp)) {
                if (!push_mark(doc, i, cp, used, pending, &i))
                    return false;
                pending = 0;
                continue;
            }
            flags = pending | (cp_is_upper(cp) ? TF_CAP : 0); /* a letter beyond ASCII */
        }
        if (!push_word(doc, i, used, c <= '9', flags, &i)) /* an ASCII digit, or a letter */
            return false;
        pending = 0;
        if (s[i] == ' ') { /* the space after most words, without another turn of the loop */
            pending = TF_SPACE;
            i++;
        }
    }
    return true;
}

/* ---- quotation regions ---- */

static bool closes(uint8_t open_mark, const src_token *t)
{
    if (open_mark == MARK_LOW)
        return t->mark == MARK_DOUBLE;
    if (open_mark == MARK_DOUBLE && t->mark == MARK_DOUBLE && !(t->flags & TF_SPACE))
        return true; /* “…,“ : an opening mark typed where the closing one belongs */
    if (!(t->flags & TF_CLOSE))
        return false;
    if (open_mark == MARK_STRAIGHT_DOUBLE)
        return t->mark == MARK_STRAIGHT_DOUBLE || t->mark == MARK_DOUBLE;
    if (open_mark == MARK_DOUBLE)
        return t->mark == MARK_DOUBLE || t->mark == MARK_STRAIGHT_DOUBLE;
    if (open_mark == MARK_STRAIGHT_SINGLE)
        return t->mark == MARK_STRAIGHT_SINGLE || t->mark == MARK_SINGLE;
    return t->mark == open_mark;
}

static bool is_double_family(uint8_t mark)
{
    return mark == MARK_DOUBLE || mark == MARK_STRAIGHT_DOUBLE || mark == MARK_GUILLEMET ||
           mark == MARK_CORNER || mark == MARK_LOW;
}

static bool add_region(src_doc *doc, size_t open, size_t close, bool closed, bool *continues)
{
    src_region *r = src_vec_push(doc->mem, &doc->regions);
    if (!r)
        return false;
    r->open = open;
    r->close = close;
    r->closed = closed;
    r->continued = *continues;
    *continues = false;
    return true;
}

/* Pairs marks inside each paragraph. A top-level quote may hold one nested quote of another
 * family. A double quote still open at the paragraph's end runs to it, and continues into the
 * next paragraph when that one opens with the same mark (the newswire convention); an
 * unclosed single mark was an apostrophe. */
bool src_find_regions(src_doc *doc)
{
    size_t n = src_ntok(doc);
    long open = -1, nested = -1;
    uint8_t open_mark = 0, nested_mark = 0;
    bool continues = false;
    const src_token *tokens = doc->tokens.data;
    for (size_t i = 0; i <= n; i++) {
        /* Only a paragraph's first token and quotation marks (whose flags say open or close) count. */
        while (i < n && !(tokens[i].flags & (TF_PARA | TF_OPEN | TF_CLOSE)))
            i++;
        const src_token *t = i < n ? &tokens[i] : NULL;
        if (open >= 0 && (!t || (t->flags & TF_PARA))) {
            bool run_on = is_double_family(open_mark) && i - 1 > (size_t)open;
            if (run_on && !add_region(doc, (size_t)open, i - 1, false, &continues))
                return false;
            continues = run_on && t && t->type == TOK_QUOTE && (t->flags & TF_OPEN) && t->mark == open_mark;
            open = -1;
            nested = -1;
        } else if (t && (t->flags & TF_PARA)) {
            continues = false;
        }
        if (!t)
            break;
        if (t->type != TOK_QUOTE)
            continue;
        if (open < 0) {
            if (t->flags & TF_OPEN) {
                open = (long)i;
                open_mark = t->mark;
                nested = -1;
            }
        } else if (nested >= 0) {
            if (closes(nested_mark, t)) {
                nested = -1;
            } else if (closes(open_mark, t)) {
                nested = -1; /* the nested quote never closed */
                if (!add_region(doc, (size_t)open, i, true, &continues))
                    return false;
                open = -1;
            }
        } else if (closes(open_mark, t)) {
            if (!add_region(doc, (size_t)open, i, true, &continues))
                return false;
            open = -1;
        } else if ((t->flags & TF_OPEN) && t->mark != open_mark) {
            nested = (long)i;
            nested_mark = t->mark;
        }
    }
    src_region *regions = doc->regions.data;
    for (size_t r = 0; r < doc->regions.len; r++)
        for (size_t k = regions[r].open; k <= regions[r].close; k++)
            src_tok(doc, k)->region = (int32_t)r;
    return true;
}

/* ---- sentences ---- */

static bool is_abbreviation(const src_doc *doc, size_t dot)
{
    if (dot == 0)
        return false;
    const src_token *w = src_tok(doc, dot - 1);
    if (w->type != TOK_WORD || w->end != src_tok(doc, dot)->start)
        return false;
    if (w->end - w->start == 1 && (w->flags & TF_CAP))
        return true;  /* an initial: "John F. Kennedy" */
    if (memchr(doc->text + w->start, '.', w->end - w->start))
        return true;  /* "U.S." */
    return (w->lex & LEX_ABBREV) && (w->flags & TF_CAP);
}

static bool starts_sentence(const src_token *t)
{
    return (t->type == TOK_WORD && (t->flags & TF_CAP)) || t->type == TOK_NUMBER ||
           (t->type == TOK_QUOTE && (t->flags & TF_OPEN)) || (t->flags & TF_PARA) ||
           (t->type == TOK_PUNCT && (t->punct == '(' || t->punct == '['));
}

/* The reporting verb among the few words from token `i` up to punctuation, or 0 when there is
 * none: after a quotation that ends in "?" or "!", "Trump asked." continues the sentence. */
static size_t cue_after(const src_doc *doc, size_t i, bool apposition)
{
    size_t n = src_ntok(doc), words = 0;
    for (size_t k = i; k < n && k < i + 16 && words < (apposition ? 10 : 6); k++) {
        const src_token *t = src_tok(doc, k);
        if (t->type == TOK_QUOTE || (t->flags & TF_PARA && k > i))
            return 0;
        if (t->type == TOK_PUNCT) {
            /* a name with an apposition or abbreviations: "Rep. Glenn Thompson, R-Pa., said" */
            bool in_name = strchr(",-()", t->punct) ||
                           (t->punct == '.' && (is_abbreviation(doc, k) || (k + 1 < n && src_tok(doc, k + 1)->punct == ',')));
            if (!apposition || !in_name)
                return 0;
            continue;
        }
        words++;
        if ((t->lex & LEX_CUE) && !(t->flags & TF_CAP))
            return k;
    }
    return 0;
}

/* "“… the emails.” Trump said.": a period inside the quote still lets a short attribution close
 * its sentence when the verb ends the clause (punctuation or a preposition after it), unlike
 * "“….” Critics cited it", "“….” He added, “…”" (the next quote's) or "declined to". */
static bool attribution_follows(const src_doc *doc, size_t i)
{
    size_t n = src_ntok(doc), k = cue_after(doc, i, false);
    if (k <= i)
        return false;
    const src_token *after = k + 1 < n ? src_tok(doc, k + 1) : NULL;
    const src_token *after2 = k + 2 < n ? src_tok(doc, k + 2) : NULL;
    if (!after || (after->flags & TF_PARA))
        return true;
    if (after->type == TOK_PUNCT)
        return after->punct == '.' ||
               (after->punct == ',' && !(after2 && after2->type == TOK_QUOTE && !(after2->flags & TF_PARA)));
    return after->type == TOK_WORD && (after->lex & LEX_PREP) &&
           !(after->end - after->start == 2 && !memcmp(doc->text + after->start, "to", 2));
}

/* "“…!” Her father said that …": a verb with a that-clause of its own reports that clause, not the
 * quotation before it. */
static bool that_after(const src_doc *doc, size_t k)
{
    const src_token *t = k + 1 < src_ntok(doc) ? src_tok(doc, k + 1) : NULL;
    return t && t->type == TOK_WORD && t->end - t->start == 4 && !memcmp(doc->text + t->start, "that", 4);
}

static bool ends_sentence(const src_doc *doc, size_t i)
{
    size_t n = src_ntok(doc);
    if (i + 1 >= n)
        return true;
    const src_token *t = src_tok(doc, i), *next = src_tok(doc, i + 1);
    if (next->flags & TF_PARA)
        return true;
    if (t->region >= 0) {
        /* Inside a quotation only its closing mark can end a sentence. */
        const src_region *r = (const src_region *)doc->regions.data + t->region;
        if (i != r->close || !r->closed || i == 0)
            return false;
        const src_token *last = src_tok(doc, i - 1);
        if (last->type != TOK_PUNCT || (last->punct != '.' && last->punct != '!' && last->punct != '?'))
            return false;
        if (!starts_sentence(next))
            return false;
        if (last->punct == '.')
            return !attribution_follows(doc, i + 1);
        size_t cue = cue_after(doc, i + 1, true);
        return !cue || that_after(doc, cue);
    }
    if (t->type != TOK_PUNCT || (t->punct != '.' && t->punct != '!' && t->punct != '?'))
        return false;
    if (t->punct == '.' && is_abbreviation(doc, i))
        return false;
    return starts_sentence(next);
}

bool src_find_sentences(src_doc *doc)
{
    size_t n = src_ntok(doc), first = 0;
    src_token *tokens = doc->tokens.data;
    for (size_t i = 0; i < n; i++) {
        src_token *t = &tokens[i];
        t->sentence = (uint32_t)doc->sentences.len;
        /* Most tokens are words inside a paragraph: no sentence ends at them (a region closes on
         * its mark, or at its paragraph's end). */
        if ((t->type == TOK_WORD || t->type == TOK_NUMBER) && i + 1 < n && !(t[1].flags & TF_PARA))
            continue;
        if (ends_sentence(doc, i)) {
            src_sentence *s = src_vec_push_unset(doc->mem, &doc->sentences); /* both fields set */
            if (!s)
                return false;
            s->first = first;
            s->end = i + 1;
            first = i + 1;
        }
    }
    return true;
}
