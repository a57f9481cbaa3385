/* Internal model of the sourcing audit: tokens, quotation regions, sentences, attributions and
 * sources, shared by the passes of src/sources/ (tokens -> attribution -> grouping -> api). */
#ifndef ONR_SOURCES_INTERNAL_H
#define ONR_SOURCES_INTERNAL_H

#include "core/core.h"
#include "sources/lexicon_table.h"

/* ---- growable arrays from the caller's allocator (scratch space of one analysis) ---- */

typedef struct src_vec {
    void *data;
    size_t len, cap, elem;
} src_vec;

/* The out-of-line part of src_vec_push_unset: doubling the capacity; false when allocation fails. */
bool src_vec_grow(const onr_mem *mem, src_vec *vec);
/* As src_vec_push, without zeroing the new element: for callers that set all of it. Inline, as
 * the tokenizer calls it once per token. */
static inline void *src_vec_push_unset(const onr_mem *mem, src_vec *vec)
{
    if (vec->len == vec->cap && !src_vec_grow(mem, vec))
        return NULL;
    return (char *)vec->data + vec->len++ * vec->elem;
}
/* A pointer to a new zeroed element at the end, or NULL when allocation fails. Inline, as the
 * passes push an attribution, piece or source per few tokens. */
static inline void *src_vec_push(const onr_mem *mem, src_vec *vec)
{
    void *slot = src_vec_push_unset(mem, vec);
    if (slot)
        memset(slot, 0, vec->elem);
    return slot;
}
void src_vec_free(const onr_mem *mem, src_vec *vec);

/* Sorts `n` elements of `size` bytes like qsort, but stably: equal elements keep their order
 * whatever the C library. False when allocation fails (the array is then left as it was). */
typedef int (*src_compare)(const void *a, const void *b);
bool src_stable_sort(const onr_mem *mem, void *base, size_t n, size_t size, src_compare cmp);

/* ---- lexicon ---- */

/* The classes (LEX_*) of a word compared in ASCII lowercase; 0 when not listed. `number`
 * receives the value of a number word ("seven" = 7), else 0. */
uint64_t src_lexicon_lookup(const char *word, size_t len, unsigned *number);

/* Four bytes as a number, the first lowest whatever the machine, each with bit 0x20 set: that
 * folds ASCII case, and the generator folds its lowercase words the same way. */
static inline uint32_t lexicon_folded4(const unsigned char *b)
{
    return ((uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24) | 0x20202020u;
}

/* As lexicon_folded4 for the one to three bytes of a short word, the missing ones zero. */
static inline uint32_t lexicon_folded_short(const unsigned char *b, size_t n)
{
    uint32_t v = b[0];
    if (n > 1)
        v |= (uint32_t)b[1] << 8;
    if (n > 2)
        v |= (uint32_t)b[2] << 16;
    return v | 0x20202020u;
}

/* Is `word` the entry's word, compared in ASCII lowercase? Its head and tail (see
 * src_lexicon_entry) first: they are all of a plain word of up to eight letters. */
static inline bool lexicon_same_word(const lexicon_entry *e, const char *word, size_t len, uint32_t head, uint32_t tail)
{
    if (e->head != head || e->tail != tail || e->len != len)
        return false;
    if (e->plain && len <= 8)
        return true;
    for (size_t i = 0; i < len; i++)
        if (e->word[i] != onr_ascii_lower(word[i]))
            return false;
    return true;
}

/* The lexicon's entry for a word compared in ASCII lowercase, or NULL. The hash of
 * tools/gen_sources_lexicon.py: the length and the head and tail of the word, its first and last
 * four bytes (all of a shorter word) case folded; it reads two numbers of every token instead of
 * each byte. Inline: the tokenizer looks up every word. */
static inline const lexicon_entry *src_lexicon_entry(const char *word, size_t len)
{
    if (len == 0 || len > LEXICON_MAX_LEN)
        return NULL;
    const unsigned char *b = (const unsigned char *)word;
    uint32_t head = len < 4 ? lexicon_folded_short(b, len) : lexicon_folded4(b);
    uint32_t tail = len < 4 ? head : lexicon_folded4(b + len - 4);
    uint32_t hash = head * 0x9E3779B1u + tail * 0x85EBCA77u + (uint32_t)len * 0xC2B2AE3Du;
    for (uint32_t k = hash >> (32 - LEXICON_BITS);; k = (k + 1) & (LEXICON_SLOTS - 1)) {
        unsigned slot = lexicon_slots[k];
        if (!slot)
            return NULL;
        const lexicon_entry *e = &lexicon_table[slot - 1];
        if (lexicon_same_word(e, word, len, head, tail))
            return e;
    }
}

/* ---- tokens ---- */

typedef enum src_tok_type { TOK_WORD, TOK_NUMBER, TOK_PUNCT, TOK_QUOTE } src_tok_type;

enum {
    TF_CAP = 1,       /* starts with an uppercase letter */
    TF_PARA = 2,      /* first token of a paragraph (after a line break) */
    TF_OPEN = 4,      /* a quotation mark that may open */
    TF_CLOSE = 8,     /* a quotation mark that may close */
    TF_USED = 16,     /* a cue already given to an attribution */
    TF_ODDCAPS = 32,  /* capitals past the first letter: "CNN", "VPost" */
    TF_SPACE = 64,    /* white space before the token */
    TF_PAIR = 128     /* the first word of a two-word entry of the lexicon ("referring" of "referring to") */
};

/* Quotation mark families: an opening mark is closed by a mark of the same family. */
enum { MARK_NONE, MARK_DOUBLE, MARK_SINGLE, MARK_GUILLEMET, MARK_SINGLE_GUILLEMET, MARK_CORNER,
       MARK_STRAIGHT_DOUBLE, MARK_STRAIGHT_SINGLE, MARK_LOW };

typedef struct src_token {
    uint32_t start, end; /* bytes (texts are below 4 GiB) */
    uint64_t lex;       /* LEX_* classes */
    int32_t region;     /* the top-level quotation region holding the token, or -1 */
    uint32_t para;      /* paragraph number (a paragraph cut mid-sentence joins the next) */
    uint32_t sentence;
    uint8_t type, flags, mark, number;
    char punct;         /* ASCII punctuation; '-' for dashes, '.' for an ellipsis */
    uint32_t lists;     /* LEXL_*: the rule word lists that hold the word */
} src_token;

typedef struct src_region {
    size_t open, close;  /* token indexes of the marks; when unclosed, `close` is the last token */
    bool closed;
    bool continued;      /* continues the previous region (a quote run over paragraphs) */
    uint8_t role;        /* REGION_* */
    bool consumed;       /* part of an attribution already */
    bool embedded;       /* a long quote that continues the writer's sentence ("said on CNN that Bush “…”") */
} src_region;

enum { REGION_FULL, REGION_PARTIAL, REGION_TITLE };

typedef struct src_sentence {
    size_t first, end;   /* token range */
} src_sentence;

/* One attribution: a quote or reported clause with its speaker mention and cue. */
typedef struct src_attr {
    size_t id;                  /* creation order: pieces name their attribution by it */
    onr_quote_kind kind;
    size_t first, end;          /* content token range (direct: the marks included) */
    size_t piece_count;         /* 1 unless merged: “A,” she said, “B.” */
    long speaker_first, speaker_end; /* token range, -1 when none */
    long cue_first, cue_end;
    size_t source;              /* ONR_NO_SOURCE until grouping */
} src_attr;

typedef struct src_piece {
    size_t attr_id;             /* src_attr.id */
    size_t first, end;          /* token range */
} src_piece;

typedef struct src_doc {
    const onr_mem *mem;
    const char *text;   /* NUL-terminated, for scans that stop at the end without counting */
    size_t len;
    src_vec tokens, regions, sentences, attrs, pieces;
} src_doc;

static inline src_token *src_tok(const src_doc *doc, size_t i) { return (src_token *)doc->tokens.data + i; }

/* Is token `i` the word `w` in ASCII lowercase? Always inline: the length of the literal `w` is
 * then known, and most tokens differ from it in length. */
static inline __attribute__((always_inline)) bool src_word_is(const src_doc *doc, size_t i, const char *w)
{
    const src_token *t = src_tok(doc, i);
    return t->type == TOK_WORD && onr_ascii_ieq(doc->text + t->start, t->end - t->start, w, strlen(w));
}

/* A word longer than `min_len` bytes that ends in `suffix`: "-ly", "-ing", "-ed", "-sman" word shapes. */
static inline bool src_word_ends_in(const src_doc *doc, const src_token *t, const char *suffix, size_t min_len)
{
    size_t k = strlen(suffix);
    return t->type == TOK_WORD && t->end - t->start > min_len && !memcmp(doc->text + t->end - k, suffix, k);
}

static inline bool src_is_punct(const src_token *t, char c) { return t->type == TOK_PUNCT && t->punct == c; }

/* "Trump's", "Clinton’s": a word with its possessive "'s". */
static inline bool src_possessive_word(const src_doc *doc, const src_token *w)
{
    const char *e = doc->text + w->end;
    size_t n = w->end - w->start;
    return w->type == TOK_WORD && n > 2 && e[-1] == 's' && (e[-2] == '\'' || (n > 4 && !memcmp(e - 4, "\xe2\x80\x99", 3)));
}
static inline size_t src_ntok(const src_doc *doc) { return doc->tokens.len; }

/* Are the `len` bytes of `text` the NUL-terminated word `w`, in ASCII lowercase? As onr_ascii_ieq
 * without a strlen call first: most words of a list differ within a byte or two. */
static inline bool src_text_is_word(const char *text, size_t len, const char *w)
{
    for (size_t i = 0; i < len; i++)
        if (!w[i] || onr_ascii_lower(text[i]) != onr_ascii_lower(w[i]))
            return false;
    return !w[len];
}

/* Is word token `t` one of the `n` lowercase words of `words`, ASCII case folded? */
static inline bool src_word_among(const src_doc *doc, const src_token *t, const char *const *words, size_t n)
{
    if (t->type != TOK_WORD)
        return false;
    const char *text = doc->text + t->start;
    size_t len = t->end - t->start;
    char first = onr_ascii_lower(text[0]);
    for (size_t w = 0; w < n; w++) /* the first letter before the whole word: this runs around every cue */
        if (words[w][0] == first && src_text_is_word(text, len, words[w]))
            return true;
    return false;
}
#define SRC_WORD_AMONG(doc, t, words) src_word_among((doc), (t), (words), sizeof(words) / sizeof((words)[0]))

/* Is token `i` a word of the rule list `list` (LEXL_*, tools/gen_sources_lexicon.py)? As
 * src_word_among, from the lexicon's entry for the word. */
static inline bool src_listed(const src_doc *doc, size_t i, uint32_t list) { return (src_tok(doc, i)->lists & list) != 0; }

/* The finished audit (the public onr_sources): everything lives in `arena`. */
struct onr_sources {
    const onr_mem *mem;
    onr_arena arena;
    onr_string text;
    onr_quote *quotes;
    size_t quote_count;
    onr_source *sources;
    size_t source_count;
    onr_sources_summary summary;
};

/* Maps byte offsets of the text to code point offsets in O(32) each. */
typedef struct src_offsets {
    const char *text;
    uint32_t *every32; /* code points before byte k * 32 (texts are below 4 GiB) */
    size_t last;       /* the last index of every32: the block the text ends in */
} src_offsets;

onr_text_span src_text_span(const src_offsets *map, size_t byte_start, size_t byte_end);

/* Passes; each returns false only when allocation fails. */
bool src_tokenize(src_doc *doc);
bool src_find_regions(src_doc *doc);
bool src_find_sentences(src_doc *doc);
bool src_attribute(src_doc *doc);
/* Groups the speakers into sources and fills `out` (quotes, sources, summary) from its arena. */
bool src_build_result(src_doc *doc, const src_offsets *map, onr_sources *out);

#endif
