/* Block building: walks the subtrees the content scorer kept and turns them into onr_block lists
 * with inline spans, white space collapsed as a browser renders it. Everything lands in the
 * article's arena; the walk's scratch buffers are reused from block to block. */
#include "extract/content.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define MAX_FRAMES 48
/* A body with more top-level blocks is cut there: no article has that many, and a hostile page of
 * a million empty paragraphs must stay within memory bounds. */
#define MAX_BLOCKS 10000

typedef struct pending_span {
    size_t start, len;
    onr_span_kind kind;
    unsigned style;
    onr_string href;
} pending_span;

typedef enum frame_kind { F_ROOT, F_QUOTE, F_LIST, F_TABLE, F_ROW, F_HEADING, F_ITEM, F_CELL, F_PRE } frame_kind;

typedef struct frame {
    frame_kind kind;
    unsigned level;
    bool ordered, header;
    onr_buf chars;
    pending_span *spans;
    size_t span_count, span_cap;
    onr_block *children;
    size_t child_count, child_cap;
    bool pending_space, span_open;
} frame;

typedef struct builder {
    const blocks_config *config;
    onr_arena *arena;
    const onr_mem *mem;
    frame frames[MAX_FRAMES];
    size_t depth;        /* frames in use; frames[0] is the root */
    unsigned style;
    onr_string href;
    bool failed;
    bool truncated;     /* MAX_BLOCKS reached */
    onr_buf scratch;
} builder;

static bool frame_is_leaf(frame_kind k) { return k >= F_HEADING; }
static frame *top_frame(builder *b) { return &b->frames[b->depth - 1]; }

/* ---- inline text ---- */

static void close_span(frame *f)
{
    if (f->span_open) {
        pending_span *s = &f->spans[f->span_count - 1];
        s->len = f->chars.len - s->start;
        f->span_open = false;
    }
}

static bool open_span(builder *b, frame *f, onr_span_kind kind, unsigned style, onr_string href)
{
    if (f->span_open && kind != ONR_SPAN_BREAK) {
        pending_span *s = &f->spans[f->span_count - 1];
        if (s->kind == kind && s->style == style && s->href.data == href.data)
            return true;
    }
    close_span(f);
    if (f->span_count == f->span_cap) {
        size_t ncap = f->span_cap ? f->span_cap * 2 : 16;
        pending_span *grown = onr_realloc(b->mem, f->spans, ncap * sizeof *grown);
        if (!grown) {
            b->failed = true;
            return false;
        }
        f->spans = grown;
        f->span_cap = ncap;
    }
    pending_span *s = &f->spans[f->span_count++];
    s->start = f->chars.len;
    s->len = 0;
    s->kind = kind;
    s->style = style;
    s->href = href;
    f->span_open = true;
    return true;
}

/* White space as the renderer collapses it: ASCII white space and U+00A0. `maybe_space` marks
 * the first bytes of those, so that the word loop below tests one table entry per byte. */
static const uint8_t maybe_space[256] = {[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1, [0xC2] = 1};

static size_t space_at(const char *s, size_t i, size_t len)
{
    unsigned char c = (unsigned char)s[i];
    if (c == 0xC2)
        return i + 1 < len && (unsigned char)s[i + 1] == 0xA0 ? 2 : 0;
    return maybe_space[c];
}

static bool is_space_at(const char *s, size_t i, size_t len)
{
    return maybe_space[(unsigned char)s[i]] && space_at(s, i, len);
}

#if defined(__SSE2__)
/* The first offset from i (or one from which fewer than 17 bytes are left) where a word run may
 * end: a white-space byte other than ' ' (or 0xC2, which may start U+00A0), or a ' ' followed by one
 * of those or by another ' '. Sixteen bytes at a time: article text is long runs of words. */
static size_t word_run_stop(const char *s, size_t i, size_t len)
{
    const __m128i space = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'),
                  cr = _mm_set1_epi8('\r'), ff = _mm_set1_epi8('\f'), c2 = _mm_set1_epi8((char)0xC2);
    for (; len - i >= 17; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i next = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
        __m128i other = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, lf)),
                                     _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, ff)),
                                                  _mm_cmpeq_epi8(v, c2)));
        __m128i next_space = _mm_or_si128(
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(next, space), _mm_cmpeq_epi8(next, tab)),
                         _mm_or_si128(_mm_cmpeq_epi8(next, lf), _mm_cmpeq_epi8(next, cr))),
            _mm_or_si128(_mm_cmpeq_epi8(next, ff), _mm_cmpeq_epi8(next, c2)));
        __m128i stop = _mm_or_si128(other, _mm_and_si128(_mm_cmpeq_epi8(v, space), next_space));
        unsigned mask = (unsigned)_mm_movemask_epi8(stop);
        if (mask)
            return i + (size_t)__builtin_ctz(mask);
    }
    return i;
}
#endif

/* The end of the words from s[i] on that are one ASCII space apart: copied as one run, they give
 * what copying them word by word, a space put between, gives. */
static size_t word_run_end(const char *s, size_t i, size_t len)
{
    for (;;) {
#if defined(__SSE2__)
        i = word_run_stop(s, i, len);
#endif
        while (i < len && !is_space_at(s, i, len))
            i++;
        if (i + 1 < len && s[i] == ' ' && !is_space_at(s, i + 1, len))
            i += 2;
        else
            return i;
    }
}

static void append_text(builder *b, const char *s, size_t len)
{
    frame *f = top_frame(b);
    onr_span_kind kind = b->href.data ? ONR_SPAN_LINK : ONR_SPAN_TEXT;
    if (f->kind == F_PRE) {
        if (!f->chars.len && len && s[0] == '\n') {
            s++;
            len--;
        }
        if (len && open_span(b, f, kind, b->style, b->href))
            onr_buf_append(&f->chars, s, len);
        return;
    }
    /* Room for every word and one space before each (a run of spaces becomes one): the words are
     * copied in without a check each. */
    if (!len || !onr_buf_reserve(&f->chars, len + 1))
        return;
    bool span_opened = false;
    size_t i = 0;
    while (i < len) {
        size_t space = space_at(s, i, len);
        if (space) {
            f->pending_space = true;
            i += space;
            continue;
        }
        size_t j = word_run_end(s, i + 1, len);
        onr_buf *chars = &f->chars;
        if (f->pending_space && chars->len && chars->data[chars->len - 1] != '\n')
            chars->data[chars->len++] = ' ';
        f->pending_space = false;
        /* the span stays open for the rest of this text: the next words join it */
        if (!span_opened && !open_span(b, f, kind, b->style, b->href))
            return;
        span_opened = true;
        memcpy(chars->data + chars->len, s + i, j - i);
        chars->len += j - i;
        chars->data[chars->len] = '\0';
        i = j;
    }
}

static void append_break(builder *b)
{
    frame *f = top_frame(b);
    if (!f->chars.len)
        return;
    if (open_span(b, f, ONR_SPAN_BREAK, 0, (onr_string){NULL, 0})) {
        onr_buf_putc(&f->chars, '\n');
        close_span(f);
    }
    f->pending_space = false;
}

/* Moves the frame's inline text into the arena as spans; returns false when empty. */
static bool take_spans(builder *b, frame *f, onr_span **spans, size_t *count, onr_string *text)
{
    close_span(f);
    /* Trailing breaks and spaces go. */
    while (f->span_count) {
        pending_span *s = &f->spans[f->span_count - 1];
        if (s->kind == ONR_SPAN_BREAK || s->len == 0) {
            f->chars.len = s->start;
            f->span_count--;
            continue;
        }
        while (s->len && f->chars.data[s->start + s->len - 1] == ' ')
            s->len--;
        f->chars.len = s->start + s->len;
        if (!s->len) {
            f->span_count--;
            continue;
        }
        break;
    }
    bool any = f->span_count > 0 && f->chars.len > 0 && !f->chars.failed;
    if (f->chars.failed)
        b->failed = true;
    if (any) {
        char *copy = onr_arena_strndup(b->arena, f->chars.data, f->chars.len);
        onr_span *out = onr_arena_alloc(b->arena, f->span_count * sizeof *out);
        if (!copy || !out) {
            b->failed = true;
            any = false;
        } else {
            for (size_t k = 0; k < f->span_count; k++) {
                const pending_span *s = &f->spans[k];
                out[k].kind = s->kind;
                out[k].style = s->style;
                out[k].text = (onr_string){copy + s->start, s->len};
                out[k].href = s->kind == ONR_SPAN_LINK ? s->href : (onr_string){NULL, 0};
            }
            *spans = out;
            *count = f->span_count;
            *text = (onr_string){copy, f->chars.len};
        }
    }
    onr_buf_clear(&f->chars);
    f->span_count = 0;
    f->pending_space = false;
    f->span_open = false;
    return any;
}

/* ---- blocks ---- */

static onr_block *add_child(builder *b, frame *f)
{
    if (f->child_count == f->child_cap) {
        size_t ncap = f->child_cap ? f->child_cap * 2 : 16;
        /* the body stops at about MAX_BLOCKS: grow to that, not to the next power of two */
        if (f == &b->frames[0] && f->child_cap < MAX_BLOCKS && ncap > MAX_BLOCKS)
            ncap = MAX_BLOCKS;
        onr_block *grown = onr_realloc(b->mem, f->children, ncap * sizeof *grown);
        if (!grown) {
            b->failed = true;
            return NULL;
        }
        f->children = grown;
        f->child_cap = ncap;
    }
    onr_block *blk = &f->children[f->child_count++];
    memset(blk, 0, sizeof *blk);
    return blk;
}

/* Interface words that pages leave between paragraphs: widget labels, not article text. */
static bool is_stock_phrase(const onr_string *text)
{
    static const char *const phrases[] = {
        "advertisement", "advert", "ad", "caption", "close", "back to gallery", "comments", "share",
        "share this", "share this article", "print", "email", "read more", "tags", "related",
        "this slideshow requires javascript.", "continue reading", "loading...", "skip to content",
    };
    if (text->len > 40)
        return false;
    for (size_t k = 0; k < sizeof phrases / sizeof phrases[0]; k++)
        if (onr_ascii_ieq(text->data, text->len, phrases[k], strlen(phrases[k])))
            return true;
    return false;
}

static bool starts_with_word(const onr_string *text, const char *word)
{
    size_t n = strlen(word);
    return text->len > n && onr_ascii_ieq(text->data, n, word, n) && (text->data[n] == ' ' || text->data[n] == ':');
}

/* A line that is mostly a date and time: "20 Nov, 2019 05:47". */
static bool is_timestamp(const onr_string *text)
{
    if (text->len >= 40)
        return false;
    size_t digits = 0, letters = 0;
    for (size_t i = 0; i < text->len; i++) {
        char c = text->data[i];
        digits += c >= '0' && c <= '9';
        letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
    }
    return digits >= 4 && digits * 2 >= letters && text->data[text->len - 1] != '.';
}

/* Lines that are page furniture: a bare URL, bylines and "Updated 5:27 am ..." timestamps. */
static bool is_furniture(const onr_string *text)
{
    if (is_stock_phrase(text) || is_timestamp(text))
        return true;
    if (text->len > 3 && text->len < 100 && starts_with_word(text, "by") && text->data[3] >= 'A' && text->data[3] <= 'Z')
        return true;
    if (text->len >= 8 && (!memcmp(text->data, "http://", 7) || !memcmp(text->data, "https://", 8)) &&
        !memchr(text->data, ' ', text->len))
        return true;
    if (text->len < 100 && (starts_with_word(text, "updated") || starts_with_word(text, "published") ||
                            starts_with_word(text, "posted") || starts_with_word(text, "last updated"))) {
        for (size_t i = 0; i < text->len; i++)
            if (text->data[i] >= '0' && text->data[i] <= '9')
                return true;
    }
    return false;
}

/* Inline text gathered directly in a root or quote becomes a paragraph. */
static void flush_paragraph(builder *b)
{
    frame *f = top_frame(b);
    if (frame_is_leaf(f->kind)) {
        f->pending_space = true;
        return;
    }
    onr_span *spans;
    size_t count;
    onr_string text;
    if (!take_spans(b, f, &spans, &count, &text))
        return;
    if (f->kind != F_ROOT && f->kind != F_QUOTE)
        return; /* stray text between list items or table cells */
    if (!b->config->comments && is_furniture(&text))
        return;
    onr_block *blk = add_child(b, f);
    if (blk) {
        blk->kind = ONR_BLOCK_PARAGRAPH;
        blk->spans = spans;
        blk->span_count = count;
        blk->text = text;
    }
}

static bool push_frame(builder *b, frame_kind kind)
{
    if (b->depth == MAX_FRAMES)
        return false;
    frame *f = &b->frames[b->depth++];
    f->kind = kind;
    f->level = 0;
    f->ordered = f->header = false;
    f->child_count = 0;
    f->span_count = 0;
    f->pending_space = f->span_open = false;
    onr_buf_clear(&f->chars);
    return true;
}

static void block_text(onr_buf *out, const onr_block *blk, unsigned depth);

static void children_text(onr_buf *out, const onr_block *children, size_t count, const char *sep, unsigned depth)
{
    bool first = true;
    for (size_t i = 0; i < count; i++) {
        if (children[i].kind == ONR_BLOCK_FIGURE)
            continue;
        if (!first)
            onr_buf_puts(out, sep);
        first = false;
        block_text(out, &children[i], depth);
    }
}

static void block_text(onr_buf *out, const onr_block *blk, unsigned depth)
{
    switch (blk->kind) {
    case ONR_BLOCK_LIST:
        children_text(out, blk->children, blk->child_count, "\n", depth + 1);
        break;
    case ONR_BLOCK_LIST_ITEM:
        for (unsigned k = 1; k < depth; k++)
            onr_buf_puts(out, "  ");
        onr_buf_append(out, blk->text.data, blk->text.len);
        if (blk->child_count) {
            onr_buf_putc(out, '\n');
            children_text(out, blk->children, blk->child_count, "\n", depth);
        }
        break;
    case ONR_BLOCK_QUOTE:
        children_text(out, blk->children, blk->child_count, "\n\n", depth);
        break;
    case ONR_BLOCK_TABLE:
        children_text(out, blk->children, blk->child_count, "\n", depth);
        break;
    case ONR_BLOCK_TABLE_ROW:
        children_text(out, blk->children, blk->child_count, " | ", depth);
        break;
    default:
        onr_buf_append(out, blk->text.data, blk->text.len);
        break;
    }
}

static void pop_frame(builder *b)
{
    frame *f = top_frame(b);
    onr_span *spans = NULL;
    size_t span_count = 0;
    onr_string text = {NULL, 0};
    bool has_text = false;
    if (frame_is_leaf(f->kind))
        has_text = take_spans(b, f, &spans, &span_count, &text);
    else
        flush_paragraph(b);
    b->depth--;
    if (!has_text && !f->child_count)
        return;
    onr_block *children = NULL;
    if (f->child_count) {
        children = onr_arena_alloc(b->arena, f->child_count * sizeof *children);
        if (!children) {
            b->failed = true;
            return;
        }
        memcpy(children, f->children, f->child_count * sizeof *children);
    }
    static const onr_block_kind kinds[] = {ONR_BLOCK_PARAGRAPH, ONR_BLOCK_QUOTE, ONR_BLOCK_LIST,
                                           ONR_BLOCK_TABLE, ONR_BLOCK_TABLE_ROW, ONR_BLOCK_HEADING,
                                           ONR_BLOCK_LIST_ITEM, ONR_BLOCK_TABLE_CELL, ONR_BLOCK_PRE};
    onr_block blk;
    memset(&blk, 0, sizeof blk);
    blk.kind = kinds[f->kind];
    blk.level = f->level;
    blk.ordered = f->ordered;
    blk.header = f->header;
    blk.spans = spans;
    blk.span_count = span_count;
    blk.children = children;
    blk.child_count = f->child_count;
    blk.text = text;
    if (!frame_is_leaf(f->kind)) {
        onr_buf_clear(&b->scratch);
        block_text(&b->scratch, &blk, 0);
        if (b->scratch.failed || !b->scratch.len) {
            b->failed |= b->scratch.failed;
            return;
        }
        blk.text.data = onr_arena_strndup(b->arena, b->scratch.data, b->scratch.len);
        blk.text.len = b->scratch.len;
        if (!blk.text.data) {
            b->failed = true;
            return;
        }
    }
    onr_block *slot = add_child(b, top_frame(b));
    if (slot)
        *slot = blk;
}

/* ---- figures ---- */

static const char *attr(const onr_node *n, const char *name, size_t len, size_t *vlen)
{
    for (uint32_t i = 0; i < n->attr_count; i++)
        if (n->attrs[i].name_len == len && !memcmp(n->attrs[i].name, name, len)) {
            *vlen = n->attrs[i].value_len;
            return n->attrs[i].value;
        }
    return NULL;
}

static unsigned attr_number(const onr_node *n, const char *name, size_t len)
{
    size_t vlen;
    const char *v = attr(n, name, len, &vlen);
    if (!v)
        return 0;
    unsigned value = 0;
    for (size_t i = 0; i < vlen && i < 6 && v[i] >= '0' && v[i] <= '9'; i++)
        value = value * 10 + (unsigned)(v[i] - '0');
    return value;
}

/* The image's address: src, or the lazy-loading attributes, or the first srcset candidate. */
static onr_string image_source(const onr_node *img)
{
    static const char *const names[] = {"data-src", "data-lazy-src", "data-original", "src"};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        size_t len;
        const char *v = attr(img, names[k], strlen(names[k]), &len);
        while (v && len && onr_ascii_space(*v)) {
            v++;
            len--;
        }
        if (v && len && !(len >= 5 && onr_ascii_ieq(v, 5, "data:", 5)))
            return (onr_string){v, len};
    }
    size_t len;
    const char *v = attr(img, "srcset", 6, &len);
    if (v) {
        size_t i = 0;
        while (i < len && onr_ascii_space(v[i]))
            i++;
        size_t j = i;
        while (j < len && !onr_ascii_space(v[j]) && v[j] != ',')
            j++;
        if (j > i)
            return (onr_string){v + i, j - i};
    }
    return (onr_string){NULL, 0};
}

/* Collapsed text of a subtree into scratch; `credit` selects the credit parts or everything else. */
static void gather_text(builder *b, uint32_t root, int credit_mode)
{
    const content_tree *t = b->config->tree;
    for (uint32_t i = root; i < t->nodes[root].end;) {
        const xnode *x = &t->nodes[i];
        if (i != root && credit_mode == 0 && (x->flags & X_CREDIT)) {
            i = x->end;
            continue;
        }
        if (credit_mode == 1 && (x->flags & X_CREDIT) && !(x->flags & X_TEXT)) {
            gather_text(b, i, 2);
            i = x->end;
            continue;
        }
        if ((x->flags & X_TEXT) && credit_mode != 1) {
            onr_buf_append(&b->scratch, x->node->name, x->node->name_len);
            onr_buf_putc(&b->scratch, ' ');
        }
        i++;
    }
}

static onr_string scratch_string(builder *b)
{
    if (b->scratch.failed) {
        b->failed = true;
        return (onr_string){NULL, 0};
    }
    size_t len = onr_collapse_space(b->scratch.data ? b->scratch.data : "", b->scratch.data ? b->scratch.data : "",
                                    b->scratch.len);
    if (!len)
        return (onr_string){NULL, 0};
    char *copy = onr_arena_strndup(b->arena, b->scratch.data, len);
    if (!copy)
        b->failed = true;
    return (onr_string){copy, copy ? len : 0};
}

static onr_string subtree_text(builder *b, uint32_t root, int credit_mode)
{
    onr_buf_clear(&b->scratch);
    gather_text(b, root, credit_mode);
    return scratch_string(b);
}

static bool image_too_small(const onr_node *img)
{
    unsigned w = attr_number(img, "width", 5), h = attr_number(img, "height", 6);
    return (w && w < 80) || (h && h < 60);
}

static void add_figure(builder *b, uint32_t img, uint32_t figure)
{
    const onr_node *n = b->config->tree->nodes[img].node;
    onr_string src = image_source(n);
    if (!src.data || image_too_small(n))
        return;
    flush_paragraph(b);
    frame *f = top_frame(b);
    if (frame_is_leaf(f->kind) || f->kind == F_LIST || f->kind == F_TABLE || f->kind == F_ROW)
        return;
    onr_block *fig = add_child(b, f);
    if (!fig)
        return;
    fig->kind = ONR_BLOCK_FIGURE;
    const onr_string *base = &b->config->base_url;
    fig->image_url = extract_resolve_url(b->arena, base->data, base->len, src.data, src.len);
    if (!fig->image_url.data)
        b->failed = true;
    size_t alt_len;
    const char *alt = attr(n, "alt", 3, &alt_len);
    if (alt && alt_len) {
        onr_buf_clear(&b->scratch);
        onr_buf_append(&b->scratch, alt, alt_len);
        fig->alt = scratch_string(b);
    }
    if (figure != XNONE) {
        const content_tree *t = b->config->tree;
        for (uint32_t i = figure + 1; i < t->nodes[figure].end; i++)
            if (t->nodes[i].tag == ONR_TAG_FIGCAPTION && !(t->nodes[i].flags & X_TEXT)) {
                fig->caption = subtree_text(b, i, 0);
                fig->credit = subtree_text(b, i, 1);
                break;
            }
        if (!fig->credit.data)
            fig->credit = subtree_text(b, figure, 1);
    }
}

/* A caption or credit outside a <figure> belongs to the figure just before it; never to the text. */
static void attach_caption(builder *b, uint32_t i)
{
    frame *f = top_frame(b);
    if (!f->child_count || f->children[f->child_count - 1].kind != ONR_BLOCK_FIGURE)
        return;
    onr_block *fig = &f->children[f->child_count - 1];
    const xnode *x = &b->config->tree->nodes[i];
    if ((x->flags & X_CREDIT) && !(x->flags & X_CAPTION)) {
        if (!fig->credit.data)
            fig->credit = subtree_text(b, i, 0);
    } else if (!fig->caption.data) {
        fig->caption = subtree_text(b, i, 0);
        if (!fig->credit.data)
            fig->credit = subtree_text(b, i, 1);
    }
}

/* ---- the walk ---- */

static bool is_data_table(const content_tree *t, uint32_t i)
{
    const xnode *x = &t->nodes[i];
    if (x->paragraphs || x->text > 5000)
        return false;
    for (uint32_t k = i + 1; k < x->end; k++)
        if (t->nodes[k].tag == ONR_TAG_TABLE && !(t->nodes[k].flags & X_TEXT))
            return false;
    return true;
}

static void walk(builder *b, uint32_t i);

static void walk_children(builder *b, uint32_t i)
{
    const content_tree *t = b->config->tree;
    for (uint32_t c = i + 1; c < t->nodes[i].end && !b->failed && !b->truncated; c = t->nodes[c].end) {
        walk(b, c);
        b->truncated = b->frames[0].child_count >= MAX_BLOCKS;
    }
}

static void walk_frame(builder *b, uint32_t i, frame_kind kind, unsigned level, bool flag)
{
    flush_paragraph(b);
    if (!push_frame(b, kind)) {
        walk_children(b, i);
        return;
    }
    frame *f = top_frame(b);
    f->level = level;
    f->ordered = flag;
    f->header = flag;
    walk_children(b, i);
    pop_frame(b);
}

static void walk_inline(builder *b, uint32_t i, unsigned style, onr_string href)
{
    unsigned saved_style = b->style;
    onr_string saved_href = b->href;
    b->style |= style;
    if (href.data)
        b->href = href;
    walk_children(b, i);
    b->style = saved_style;
    b->href = saved_href;
}

static void walk_link(builder *b, uint32_t i, const onr_node *n)
{
    size_t len;
    const char *v = attr(n, "href", 4, &len);
    onr_string href = {NULL, 0};
    if (v && b->config->options->links && !(len >= 11 && onr_ascii_ieq(v, 11, "javascript:", 11)) &&
        !(len >= 1 && v[0] == '#')) {
        const onr_string *base = &b->config->base_url;
        href = extract_resolve_url(b->arena, base->data, base->len, v, len);
        if (!href.data)
            b->failed = true;
    }
    walk_inline(b, i, 0, href);
}

static void walk(builder *b, uint32_t i)
{
    const content_tree *t = b->config->tree;
    const xnode *x = &t->nodes[i];
    if (x->flags & X_TEXT) {
        append_text(b, x->node->name, x->node->name_len);
        return;
    }
    if ((x->flags & X_DROP) || (!b->config->comments && (x->flags & X_COMMENTS)))
        return;
    frame_kind in = top_frame(b)->kind;
    if ((x->flags & (X_CAPTION | X_CREDIT)) && x->tag != ONR_TAG_FIGURE && x->text < 400 && x->paragraphs < 2 &&
        !frame_is_leaf(in)) {
        attach_caption(b, i);
        return;
    }
    const onr_node *n = x->node;
    switch (x->tag) {
    case ONR_TAG_BR:
        append_break(b);
        return;
    case ONR_TAG_HR:
        flush_paragraph(b);
        return;
    case ONR_TAG_IMG:
        if (b->config->options->images && !frame_is_leaf(in))
            add_figure(b, i, XNONE);
        return;
    case ONR_TAG_FIGURE:
        if (b->config->options->images && !frame_is_leaf(in)) {
            for (uint32_t k = i + 1; k < x->end; k++)
                if (t->nodes[k].tag == ONR_TAG_IMG && !(t->nodes[k].flags & X_TEXT)) {
                    add_figure(b, k, i);
                    break;
                }
        }
        /* Figures may also wrap text (pull quotes, embedded posts): keep it, captions apart. */
        if (x->text > 2 * 200 || x->paragraphs) {
            for (uint32_t c = i + 1; c < x->end && !b->failed; c = t->nodes[c].end)
                if (t->nodes[c].tag != ONR_TAG_FIGCAPTION)
                    walk(b, c);
        }
        flush_paragraph(b);
        return;
    case ONR_TAG_FIGCAPTION:
        flush_paragraph(b);
        return;
    case ONR_TAG_H1: case ONR_TAG_H2: case ONR_TAG_H3: case ONR_TAG_H4: case ONR_TAG_H5: case ONR_TAG_H6:
        if (frame_is_leaf(in)) {
            flush_paragraph(b);
            walk_children(b, i);
            flush_paragraph(b);
        } else {
            walk_frame(b, i, F_HEADING, (unsigned)(x->tag - ONR_TAG_H1 + 1), false);
        }
        return;
    case ONR_TAG_UL: case ONR_TAG_OL: case ONR_TAG_MENU: case ONR_TAG_DL:
        if (in == F_ROOT || in == F_QUOTE || in == F_ITEM)
            walk_frame(b, i, F_LIST, 0, x->tag == ONR_TAG_OL);
        else
            walk_children(b, i);
        return;
    case ONR_TAG_LI: case ONR_TAG_DT: case ONR_TAG_DD:
        if (in == F_LIST)
            walk_frame(b, i, F_ITEM, 0, false);
        else {
            flush_paragraph(b);
            walk_children(b, i);
            flush_paragraph(b);
        }
        return;
    case ONR_TAG_BLOCKQUOTE:
        if (in == F_ROOT || in == F_QUOTE)
            walk_frame(b, i, F_QUOTE, 0, false);
        else
            walk_children(b, i);
        return;
    case ONR_TAG_PRE: case ONR_TAG_LISTING: case ONR_TAG_XMP:
        if (!frame_is_leaf(in))
            walk_frame(b, i, F_PRE, 0, false);
        else
            walk_children(b, i);
        return;
    case ONR_TAG_TABLE:
        if (is_data_table(t, i) && (in == F_ROOT || in == F_QUOTE)) {
            if (b->config->options->tables)
                walk_frame(b, i, F_TABLE, 0, false);
            return;
        }
        break;
    case ONR_TAG_TR:
        if (in == F_TABLE) {
            walk_frame(b, i, F_ROW, 0, false);
            return;
        }
        break;
    case ONR_TAG_TD: case ONR_TAG_TH:
        if (in == F_ROW) {
            walk_frame(b, i, F_CELL, 0, x->tag == ONR_TAG_TH);
            return;
        }
        break;
    case ONR_TAG_A:
        walk_link(b, i, n);
        return;
    case ONR_TAG_EM: case ONR_TAG_I: case ONR_TAG_CITE: case ONR_TAG_DFN: case ONR_TAG_VAR:
        walk_inline(b, i, ONR_STYLE_EMPHASIS, (onr_string){NULL, 0});
        return;
    case ONR_TAG_STRONG: case ONR_TAG_B:
        walk_inline(b, i, ONR_STYLE_STRONG, (onr_string){NULL, 0});
        return;
    default:
        break;
    }
    if (content_tag_is_block(x->tag)) {
        flush_paragraph(b);
        walk_children(b, i);
        flush_paragraph(b);
    } else {
        walk_children(b, i);
    }
}

onr_status blocks_build(const blocks_config *config, const uint32_t *roots, size_t count, onr_arena *arena,
                        blocks_result *out)
{
    memset(out, 0, sizeof *out);
    builder b;
    memset(&b, 0, sizeof b);
    b.config = config;
    b.arena = arena;
    b.mem = config->tree->mem;
    for (size_t k = 0; k < MAX_FRAMES; k++)
        onr_buf_init(&b.frames[k].chars, b.mem);
    onr_buf_init(&b.scratch, b.mem);
    push_frame(&b, F_ROOT);
    for (size_t k = 0; k < count && !b.failed && !b.truncated; k++) {
        walk(&b, roots[k]);
        flush_paragraph(&b);
    }
    frame *root = &b.frames[0];
    /* A heading with nothing after it introduced something the cleaning removed. */
    while (root->child_count && root->children[root->child_count - 1].kind == ONR_BLOCK_HEADING)
        root->child_count--;
    if (!b.failed && root->child_count) {
        onr_block *fitted = onr_realloc(b.mem, root->children, root->child_count * sizeof *fitted);
        out->blocks = fitted ? fitted : root->children;
        out->count = root->child_count;
        out->truncated = b.truncated;
        root->children = NULL;
        out->text = blocks_plain_text(arena, out->blocks, out->count);
        if (!out->text.data)
            b.failed = true;
    }
    for (size_t k = 0; k < MAX_FRAMES; k++) {
        onr_buf_free(&b.frames[k].chars);
        onr_free(b.mem, b.frames[k].spans);
        onr_free(b.mem, b.frames[k].children);
    }
    onr_buf_free(&b.scratch);
    if (b.failed) {
        onr_free(b.mem, out->blocks);
        out->blocks = NULL;
        out->count = 0;
        return ONR_ERR_NOMEM;
    }
    return ONR_OK;
}

onr_string blocks_plain_text(onr_arena *arena, const onr_block *blocks, size_t count)
{
    onr_buf buf;
    onr_buf_init(&buf, arena->mem);
    children_text(&buf, blocks, count, "\n\n", 0);
    onr_string s = {NULL, 0};
    if (!buf.failed) {
        s.data = onr_arena_strndup(arena, buf.data ? buf.data : "", buf.len);
        s.len = s.data ? buf.len : 0;
    }
    onr_buf_free(&buf);
    return s;
}
