/* Main-content scoring: a flat copy of the visible tree with text statistics, Readability-style
 * candidate scoring with sibling merging, then trafilatura-style cleaning of boilerplate subtrees
 * by tag, class/id hints and link density. No rule depends on a particular site. */
#include "extract/content.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ---- building the flat tree ---- */

static bool tag_is_invisible(unsigned tag)
{
    switch (tag) {
    case ONR_TAG_SCRIPT: case ONR_TAG_STYLE: case ONR_TAG_NOSCRIPT: case ONR_TAG_TEMPLATE:
    case ONR_TAG_HEAD: case ONR_TAG_TITLE: case ONR_TAG_META: case ONR_TAG_LINK: case ONR_TAG_SVG:
    case ONR_TAG_MATH: case ONR_TAG_IFRAME: case ONR_TAG_OBJECT: case ONR_TAG_EMBED: case ONR_TAG_CANVAS:
    case ONR_TAG_SELECT: case ONR_TAG_OPTION: case ONR_TAG_TEXTAREA: case ONR_TAG_BUTTON:
    case ONR_TAG_INPUT: case ONR_TAG_MAP: case ONR_TAG_AUDIO: case ONR_TAG_VIDEO: case ONR_TAG_DIALOG:
    case ONR_TAG_SOURCE: case ONR_TAG_TRACK: case ONR_TAG_PARAM: case ONR_TAG_BASE: case ONR_TAG_DATALIST:
    case ONR_TAG_NOFRAMES: case ONR_TAG_NOEMBED: case ONR_TAG_FRAMESET: case ONR_TAG_FRAME:
        return true;
    default:
        return false;
    }
}

/* Elements that start a new block when rendered. */
static bool tag_is_block(unsigned tag)
{
    switch (tag) {
    case ONR_TAG_ADDRESS: case ONR_TAG_ARTICLE: case ONR_TAG_ASIDE: case ONR_TAG_BLOCKQUOTE:
    case ONR_TAG_BODY: case ONR_TAG_CENTER: case ONR_TAG_DD: case ONR_TAG_DETAILS: case ONR_TAG_DIR:
    case ONR_TAG_DIV: case ONR_TAG_DL: case ONR_TAG_DT: case ONR_TAG_FIELDSET: case ONR_TAG_FIGCAPTION:
    case ONR_TAG_FIGURE: case ONR_TAG_FOOTER: case ONR_TAG_FORM: case ONR_TAG_H1: case ONR_TAG_H2:
    case ONR_TAG_H3: case ONR_TAG_H4: case ONR_TAG_H5: case ONR_TAG_H6: case ONR_TAG_HEADER:
    case ONR_TAG_HGROUP: case ONR_TAG_HR: case ONR_TAG_HTML: case ONR_TAG_LI: case ONR_TAG_LISTING:
    case ONR_TAG_MAIN: case ONR_TAG_MENU: case ONR_TAG_NAV: case ONR_TAG_OL: case ONR_TAG_P:
    case ONR_TAG_PLAINTEXT: case ONR_TAG_PRE: case ONR_TAG_SECTION: case ONR_TAG_SUMMARY:
    case ONR_TAG_TABLE: case ONR_TAG_TBODY: case ONR_TAG_TD: case ONR_TAG_TFOOT: case ONR_TAG_TH:
    case ONR_TAG_THEAD: case ONR_TAG_TR: case ONR_TAG_UL: case ONR_TAG_XMP: case ONR_TAG_CAPTION:
    case ONR_TAG_SEARCH:
        return true;
    default:
        return false;
    }
}

bool content_tag_is_block(unsigned tag) { return tag_is_block(tag); }

static bool style_hides(const html_attr *style)
{
    if (style->value_len > 512)
        return false;
    char buf[512];
    size_t k = 0;
    for (size_t i = 0; i < style->value_len; i++)
        if (!onr_ascii_space(style->value[i]))
            buf[k++] = onr_ascii_lower(style->value[i]);
    for (size_t i = 0; i + 12 <= k; i++)
        if (!memcmp(buf + i, "display:none", 12) || (i + 17 <= k && !memcmp(buf + i, "visibility:hidden", 17)))
            return true;
    return false;
}

/* Class/id words. A word matches a keyword it starts with ("sharebar" matches "share"). */
enum { HINT_NEG = 1, HINT_POS = 2, HINT_BOILER = 4, HINT_COMMENT = 8, HINT_CAPTION = 16, HINT_CREDIT = 32,
       HINT_HIDDEN = 64, HINT_HREF = 128, HINT_BODY = 256 };

typedef struct hint_word {
    const char *word;
    uint8_t len;
    uint8_t exact; /* must equal the whole word */
    uint8_t bits;
} hint_word;

#define HW(w, e, b) {w, sizeof w - 1, e, b}
static const hint_word hint_words[] = {
    HW("ad", 1, HINT_NEG | HINT_BOILER), HW("ads", 1, HINT_NEG | HINT_BOILER),
    HW("adv", 0, HINT_NEG | HINT_BOILER), HW("advert", 0, HINT_NEG | HINT_BOILER),
    HW("article", 0, HINT_POS), HW("banner", 0, HINT_NEG | HINT_BOILER), HW("blog", 0, HINT_POS),
    HW("body", 0, HINT_POS), HW("breadcrumb", 0, HINT_NEG | HINT_BOILER), HW("byline", 0, HINT_NEG),
    HW("caption", 0, HINT_CAPTION), HW("combx", 0, HINT_NEG), HW("comment", 0, HINT_NEG | HINT_COMMENT),
    HW("community", 0, HINT_NEG), HW("consent", 0, HINT_NEG | HINT_BOILER), HW("content", 0, HINT_POS),
    HW("cookie", 0, HINT_NEG | HINT_BOILER), HW("copyright", 0, HINT_NEG | HINT_CREDIT),
    HW("credit", 0, HINT_CREDIT), HW("disqus", 0, HINT_NEG | HINT_COMMENT), HW("entry", 0, HINT_POS),
    HW("footer", 0, HINT_NEG | HINT_BOILER), HW("gdpr", 0, HINT_NEG | HINT_BOILER),
    HW("hentry", 0, HINT_POS), HW("main", 0, HINT_POS), HW("masthead", 0, HINT_NEG | HINT_BOILER),
    HW("menu", 0, HINT_NEG | HINT_BOILER), HW("modal", 0, HINT_NEG | HINT_BOILER),
    HW("nav", 0, HINT_NEG | HINT_BOILER), HW("newsletter", 0, HINT_NEG | HINT_BOILER),
    HW("outbrain", 0, HINT_NEG | HINT_BOILER), HW("paywall", 0, HINT_NEG | HINT_BOILER),
    HW("popup", 0, HINT_NEG | HINT_BOILER), HW("post", 0, HINT_POS), HW("promo", 0, HINT_NEG | HINT_BOILER),
    HW("readmore", 0, HINT_NEG | HINT_BOILER), HW("recommend", 0, HINT_NEG | HINT_BOILER),
    HW("related", 0, HINT_NEG | HINT_BOILER), HW("share", 0, HINT_NEG | HINT_BOILER),
    HW("sharing", 0, HINT_NEG | HINT_BOILER), HW("shoutbox", 0, HINT_NEG),
    HW("sidebar", 0, HINT_NEG | HINT_BOILER), HW("signup", 0, HINT_NEG | HINT_BOILER),
    HW("skyscraper", 0, HINT_NEG | HINT_BOILER), HW("social", 0, HINT_NEG | HINT_BOILER),
    HW("sponsor", 0, HINT_NEG | HINT_BOILER), HW("story", 0, HINT_POS),
    HW("subscri", 0, HINT_NEG | HINT_BOILER), HW("taboola", 0, HINT_NEG | HINT_BOILER),
    HW("tags", 1, HINT_NEG), HW("text", 0, HINT_POS), HW("toolbar", 0, HINT_NEG | HINT_BOILER),
    HW("widget", 0, HINT_NEG | HINT_BOILER),
};
#undef HW
/* The hint words by their first two letters: for each pair, the range of hint_words starting with
 * it (the list is sorted; were it not, a range would only hold more words to compare), so that most
 * class/id words are ruled out by one look-up. Built per tree from the list: nothing to recount. */
typedef struct hint_index {
    uint8_t first[26 * 26], end[26 * 26];
} hint_index;

/* The pair number of two ASCII letters or digits (of any case), or -1 unless both are letters:
 * every hint word starts with two letters. */
static int letter_pair(char a, char b)
{
    unsigned x = (unsigned)((a | 0x20) - 'a'), y = (unsigned)((b | 0x20) - 'a');
    return x < 26 && y < 26 ? (int)(x * 26 + y) : -1;
}

static void hint_index_build(hint_index *index)
{
    memset(index, 0, sizeof *index);
    for (size_t i = 0; i < sizeof hint_words / sizeof *hint_words; i++) {
        int pair = letter_pair(hint_words[i].word[0], hint_words[i].word[1]);
        if (index->first[pair] == index->end[pair])
            index->first[pair] = (uint8_t)i;
        index->end[pair] = (uint8_t)(i + 1);
    }
}

/* `w` is a word of ASCII letters and digits, of any case: `| 0x20` lowercases its letters and
 * leaves its digits alone. */
static unsigned hint_of_word(const hint_index *index, const char *w, size_t len)
{
    int pair = len >= 2 ? letter_pair(w[0], w[1]) : -1;
    if (pair < 0)
        return 0;
    unsigned bits = 0;
    for (size_t i = index->first[pair]; i < index->end[pair]; i++) {
        const hint_word *h = &hint_words[i];
        if (len < h->len || (h->exact && len != h->len))
            continue;
        size_t k = 2; /* the pair matched the first two */
        while (k < h->len && (w[k] | 0x20) == h->word[k])
            k++;
        if (k == h->len)
            bits |= h->bits;
    }
    return bits;
}

/* Letters and digits (the characters of class/id words), as a table: this runs over every byte of
 * every class and id. */
#define SET_6(c) [c] = 1, [(c) + 1] = 1, [(c) + 2] = 1, [(c) + 3] = 1, [(c) + 4] = 1, [(c) + 5] = 1
#define SET_10(c) SET_6(c), [(c) + 6] = 1, [(c) + 7] = 1, [(c) + 8] = 1, [(c) + 9] = 1
#define SET_26(c) SET_10(c), SET_10((c) + 10), SET_6((c) + 20)
static const uint8_t hint_word_chars[256] = {SET_10('0'), SET_26('A'), SET_26('a')};
#undef SET_26
#undef SET_10
#undef SET_6

/* Splits a class or id value (its first 400 bytes) into alphanumeric words, read in place. */
static unsigned hint_of_value(const hint_index *index, const char *v, size_t len)
{
    const unsigned char *u = (const unsigned char *)v;
    unsigned bits = 0;
    if (len > 400)
        len = 400;
    size_t i = 0;
    while (i < len) {
        while (i < len && !hint_word_chars[u[i]])
            i++;
        size_t start = i;
        while (i < len && hint_word_chars[u[i]])
            i++;
        if (i > start)
            bits |= hint_of_word(index, v + start, i - start);
    }
    return bits;
}

/* The class and id values a page repeats (list items, cards, menu entries): their bits, kept by
 * a cheap hash of length and end bytes, so that a repeated value costs a compare. */
#define HINT_MEMO_SLOTS 256

typedef struct hint_memo {
    hint_index index;
    struct {
        const char *value;
        size_t len;
        unsigned bits;
    } slots[HINT_MEMO_SLOTS];
} hint_memo;

static size_t memo_slot(const char *v, size_t len)
{
    uint64_t key = len;
    if (len >= 8) {
        uint64_t head, tail;
        memcpy(&head, v, 8);
        memcpy(&tail, v + len - 8, 8);
        key ^= head * UINT64_C(0x9E3779B97F4A7C15) ^ tail;
    } else {
        for (size_t i = 0; i < len; i++)
            key = key << 8 | (unsigned char)v[i];
    }
    key *= UINT64_C(0x9E3779B97F4A7C15);
    return (size_t)(key >> 56) % HINT_MEMO_SLOTS;
}

static unsigned hint_of_value_memo(hint_memo *memo, const char *v, size_t len)
{
    size_t i = memo_slot(v, len);
    if (memo->slots[i].value && memo->slots[i].len == len && memcmp(memo->slots[i].value, v, len) == 0)
        return memo->slots[i].bits;
    unsigned bits = hint_of_value(&memo->index, v, len);
    memo->slots[i].value = v;
    memo->slots[i].len = len;
    memo->slots[i].bits = bits;
    return bits;
}

/* Everything the extractor reads from an element's attributes, in one pass over them. */
static unsigned hint_of_node(hint_memo *memo, const onr_node *n)
{
    unsigned bits = 0;
    for (uint32_t i = 0; i < n->attr_count; i++) {
        const html_attr *a = &n->attrs[i];
        switch (a->name_len) {
        case 2:
            if (!memcmp(a->name, "id", 2))
                bits |= hint_of_value_memo(memo, a->value, a->value_len);
            break;
        case 4:
            if (!memcmp(a->name, "href", 4))
                bits |= HINT_HREF;
            else if (!memcmp(a->name, "role", 4) && (onr_ascii_ieq(a->value, a->value_len, "navigation", 10) ||
                                                     onr_ascii_ieq(a->value, a->value_len, "complementary", 13) ||
                                                     onr_ascii_ieq(a->value, a->value_len, "contentinfo", 11) ||
                                                     onr_ascii_ieq(a->value, a->value_len, "banner", 6)))
                bits |= HINT_NEG | HINT_BOILER;
            break;
        case 5:
            if (!memcmp(a->name, "class", 5))
                bits |= hint_of_value_memo(memo, a->value, a->value_len);
            else if (!memcmp(a->name, "style", 5) && style_hides(a))
                bits |= HINT_HIDDEN;
            break;
        case 6:
            if (!memcmp(a->name, "hidden", 6))
                bits |= HINT_HIDDEN;
            break;
        case 8:
            if (!memcmp(a->name, "itemprop", 8) && a->value_len >= 11 && onr_ascii_ieq(a->value, 11, "articlebody", 11))
                bits |= HINT_POS | HINT_BODY;
            break;
        default:
            break;
        }
    }
    return bits;
}

/* The number of bytes of `w` whose high bit is set, when no other bit is: a multiply adds them
 * up in the top byte (no popcount instruction is assumed). */
static uint32_t high_bits(uint64_t w)
{
    return (uint32_t)(((w >> 7) * UINT64_C(0x0101010101010101)) >> 56);
}

/* Counts visible bytes (above ' ') and commas, sixteen bytes at a time where SSE2 is available,
 * then eight: this runs over every text byte of the page. */
static void count_text(xnode *x, const char *s, size_t len)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);
    const uint64_t low7 = UINT64_C(0x7F7F7F7F7F7F7F7F);
    uint32_t t = 0, c = 0;
    size_t i = 0;
#if defined(__SSE2__)
    if (len >= 16) {
        const __m128i min_visible = _mm_set1_epi8(0x21), comma = _mm_set1_epi8(','), one = _mm_set1_epi8(1);
        const __m128i zero = _mm_setzero_si128();
        __m128i visible_sum = zero, comma_sum = zero; /* two 64-bit sums each (psadbw) */
        for (; i + 16 <= len; i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i visible = _mm_cmpeq_epi8(_mm_max_epu8(v, min_visible), v); /* v >= 0x21 */
            visible_sum = _mm_add_epi64(visible_sum, _mm_sad_epu8(_mm_and_si128(visible, one), zero));
            comma_sum = _mm_add_epi64(comma_sum, _mm_sad_epu8(_mm_and_si128(_mm_cmpeq_epi8(v, comma), one), zero));
        }
        /* a text node is at most 4 GB (its length is stored in 32 bits) */
        t = (uint32_t)_mm_cvtsi128_si32(visible_sum) + (uint32_t)_mm_cvtsi128_si32(_mm_srli_si128(visible_sum, 8));
        c = (uint32_t)_mm_cvtsi128_si32(comma_sum) + (uint32_t)_mm_cvtsi128_si32(_mm_srli_si128(comma_sum, 8));
    }
#endif
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        /* High bit of each byte: set when the byte is above 0x20 (or is not ASCII). */
        uint64_t visible = (((w & low7) + ones * 0x5F) | w) & high;
        uint64_t comma = w ^ (ones * ',');
        uint64_t nonzero = (((comma & low7) + low7) | comma) & high;
        t += high_bits(visible);
        c += high_bits(~nonzero & high);
    }
    for (; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        t += ch > ' ';
        c += ch == ',';
    }
    x->text = t;
    x->inline_text = t;
    x->commas = c > 0xffff ? 0xffff : (uint16_t)c;
}

/* Element flags and class/id weight from its tag and attribute bits. */
static void apply_hints(xnode *x, unsigned bits)
{
    int hint = 0;
    if (bits & HINT_NEG)
        hint -= 25;
    if (bits & HINT_POS)
        hint += 25;
    x->hint = (int16_t)hint;
    if (x->tag == ONR_TAG_A && (bits & HINT_HREF))
        x->flags |= X_IN_LINK;
    if (bits & HINT_BODY)
        x->flags |= X_ARTICLE_BODY;
    bool positive = (bits & HINT_POS) || x->tag == ONR_TAG_ARTICLE || x->tag == ONR_TAG_MAIN;
    if ((bits & HINT_COMMENT) && !positive)
        x->flags |= X_COMMENTS;
    else if (((bits & HINT_BOILER) && !positive) || x->tag == ONR_TAG_NAV || x->tag == ONR_TAG_ASIDE ||
             x->tag == ONR_TAG_FOOTER)
        x->flags |= X_BOILER;
    if (bits & HINT_CAPTION)
        x->flags |= X_CAPTION;
    if (bits & HINT_CREDIT)
        x->flags |= X_CREDIT;
}

/* Room was made for every node of the document (content_tree_build), so a push never fails. */
static xnode *push_node(content_tree *t, const onr_node *n, uint32_t parent)
{
    xnode *x = &t->nodes[t->count++];
    memset(x, 0, sizeof *x);
    x->node = n;
    x->parent = parent;
    if (parent != XNONE)
        x->flags = t->nodes[parent].flags & X_IN_LINK;
    x->tag = n->tag;
    x->score = -1.0f;
    return x;
}

static uint16_t add16(uint16_t a, uint32_t b)
{
    uint32_t s = a + b;
    return s > 0xffff ? 0xffff : (uint16_t)s;
}

onr_status content_tree_build(const onr_document *doc, const onr_mem *mem, content_tree *out)
{
    memset(out, 0, sizeof *out);
    out->mem = mem;
    const onr_node *root = onr_document_root(doc);
    const onr_node *body = NULL;
    for (const onr_node *h = root->first_child; h && !body; h = h->next)
        if (h->type == ONR_NODE_ELEMENT && h->tag == ONR_TAG_HTML)
            for (const onr_node *b = h->first_child; b; b = b->next)
                if (b->type == ONR_NODE_ELEMENT && (b->tag == ONR_TAG_BODY || b->tag == ONR_TAG_FRAMESET))
                    body = b;
    if (!body)
        body = root;
    /* One allocation: the document's node count (plus its root) bounds the visible nodes (every
     * node was counted when created), and a page of a million tiny elements must not pay for a
     * doubling array's slack and copies. */
    size_t nodes = doc->node_count + 1;
    size_t bytes;
    if (nodes > UINT32_MAX / 2 || !onr_size_mul(nodes, sizeof(xnode), &bytes))
        return ONR_ERR_NOMEM;
    out->nodes = onr_malloc(mem, bytes);
    if (!out->nodes)
        return ONR_ERR_NOMEM;
    push_node(out, body, XNONE);
    hint_memo memo;
    hint_index_build(&memo.index);
    memset(memo.slots, 0, sizeof memo.slots);
    /* Iterative pre-order walk; `cur` is the index of the element whose children are walked. */
    uint32_t cur = 0;
    const onr_node *n = body->first_child;
    while (cur != XNONE) {
        if (n) {
            const onr_node *next_sibling = n->next;
            bool enter = false;
            if (n->type == ONR_NODE_TEXT) {
                xnode *x = push_node(out, n, cur);
                x->flags |= X_TEXT;
                count_text(x, n->name, n->name_len);
                x->end = out->count;
            } else if (n->type == ONR_NODE_ELEMENT && n->ns == ONR_NS_HTML && !tag_is_invisible(n->tag)) {
                unsigned bits = n->attr_count ? hint_of_node(&memo, n) : 0;
                if (!(bits & HINT_HIDDEN)) {
                    apply_hints(push_node(out, n, cur), bits);
                    enter = true;
                }
            }
            if (enter) {
                cur = out->count - 1;
                n = n->first_child;
                if (!n) {
                    out->nodes[cur].end = out->count;
                    n = next_sibling;
                    cur = out->nodes[cur].parent;
                }
            } else {
                n = next_sibling;
            }
        } else {
            /* End of `cur`'s children: close it and continue after it. */
            xnode *x = &out->nodes[cur];
            x->end = out->count;
            n = x->node->next;
            cur = x->parent;
        }
    }
    /* Statistics flow up (reverse pre-order: children come last). */
    for (uint32_t i = out->count; i-- > 1;) {
        xnode *x = &out->nodes[i];
        xnode *p = &out->nodes[x->parent];
        if (x->flags & X_TEXT) {
            if (x->flags & X_IN_LINK)
                x->link_text = x->text;
        } else {
            switch (x->tag) {
            case ONR_TAG_P: x->paragraphs = add16(x->paragraphs, 1); break;
            case ONR_TAG_LI: x->items = add16(x->items, 1); break;
            default: break;
            }
        }
        p->text += x->text;
        p->link_text += x->link_text;
        p->commas = add16(p->commas, x->commas);
        if ((x->flags & X_TEXT) || !tag_is_block(x->tag))
            p->inline_text += x->inline_text;
        p->paragraphs = add16(p->paragraphs, x->paragraphs);
        p->items = add16(p->items, x->items);
    }
    /* A "boilerplate" element holding most of the page's text is a page-wide class ("has-sidebar"
     * on a wrapper), not boilerplate. Zones then flow down. */
    uint32_t page_text = out->nodes[0].text;
    for (uint32_t i = 0; i < out->count; i++) {
        xnode *x = &out->nodes[i];
        if (i == 0 || (x->text > page_text / 2 && x->tag != ONR_TAG_NAV))
            x->flags &= (uint16_t)~(X_BOILER | X_COMMENTS);
        if (x->flags & (X_BOILER | X_COMMENTS))
            x->flags |= X_HIDDEN_ZONE;
        if (x->parent != XNONE)
            x->flags |= out->nodes[x->parent].flags & X_HIDDEN_ZONE;
    }
    return ONR_OK;
}

void content_tree_free(content_tree *tree)
{
    onr_free(tree->mem, tree->nodes);
    tree->nodes = NULL;
    tree->count = 0;
}

/* ---- scoring ---- */

static float base_score(const xnode *x)
{
    float s = (float)x->hint;
    switch (x->tag) {
    case ONR_TAG_DIV: case ONR_TAG_ARTICLE: case ONR_TAG_MAIN: case ONR_TAG_SECTION: s += 5; break;
    case ONR_TAG_PRE: case ONR_TAG_TD: case ONR_TAG_BLOCKQUOTE: s += 3; break;
    case ONR_TAG_ADDRESS: case ONR_TAG_OL: case ONR_TAG_UL: case ONR_TAG_DL: case ONR_TAG_DD:
    case ONR_TAG_DT: case ONR_TAG_LI: case ONR_TAG_FORM: s -= 3; break;
    case ONR_TAG_H1: case ONR_TAG_H2: case ONR_TAG_H3: case ONR_TAG_H4: case ONR_TAG_H5: case ONR_TAG_H6:
    case ONR_TAG_TH: s -= 5; break;
    default: break;
    }
    if (x->tag == ONR_TAG_ARTICLE || x->tag == ONR_TAG_MAIN)
        s += 10;
    if (x->flags & X_ARTICLE_BODY)
        s += 30;
    return s;
}

static bool is_paragraph_like(const xnode *x, uint32_t *len)
{
    if (x->flags & (X_TEXT | X_HIDDEN_ZONE))
        return false;
    switch (x->tag) {
    case ONR_TAG_P: case ONR_TAG_PRE: case ONR_TAG_TD:
        *len = x->text;
        return x->text >= 25;
    case ONR_TAG_DIV: case ONR_TAG_SECTION: case ONR_TAG_ARTICLE: case ONR_TAG_SPAN: case ONR_TAG_FONT:
    case ONR_TAG_BLOCKQUOTE: case ONR_TAG_DD: case ONR_TAG_LI:
        *len = x->inline_text;
        return x->inline_text >= 25 && (x->tag != ONR_TAG_SPAN || x->inline_text == x->text);
    default:
        return false;
    }
}

static void score_paragraphs(content_tree *t)
{
    for (uint32_t i = 0; i < t->count; i++) {
        xnode *x = &t->nodes[i];
        uint32_t len;
        if (!is_paragraph_like(x, &len))
            continue;
        float linkless = 1.0f - content_link_density(x);
        if (linkless > 0.5f)
            x->ptext = len;
        float s = (1.0f + (float)x->commas + (float)(len / 100 > 3 ? 3 : len / 100)) * linkless;
        /* Text written straight into a container makes the container its own paragraph holder. */
        bool own = x->tag != ONR_TAG_P && x->tag != ONR_TAG_PRE && x->tag != ONR_TAG_TD;
        uint32_t a = own ? i : x->parent;
        for (int level = 0; level < 5 && a != XNONE; level++, a = t->nodes[a].parent) {
            xnode *anc = &t->nodes[a];
            if (anc->score < 0)
                anc->score = base_score(anc);
            float divider = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f;
            anc->score += s / divider;
        }
    }
    for (uint32_t i = t->count; i-- > 1;)
        t->nodes[t->nodes[i].parent].ptext += t->nodes[i].ptext;
}

static float final_score(const xnode *x)
{
    return x->score * (1.0f - content_link_density(x));
}

static uint32_t pick_top(const content_tree *t, uint32_t *alternatives, size_t *alt_count)
{
    uint32_t best[5];
    float best_score[5];
    size_t n = 0;
    for (uint32_t i = 0; i < t->count; i++) {
        const xnode *x = &t->nodes[i];
        if (x->score < 0 || (x->flags & X_HIDDEN_ZONE))
            continue;
        float s = final_score(x);
        size_t pos = n;
        while (pos > 0 && best_score[pos - 1] < s)
            pos--;
        if (pos >= 5)
            continue;
        size_t last = n < 5 ? n : 4;
        for (size_t k = last; k > pos; k--) {
            best[k] = best[k - 1];
            best_score[k] = best_score[k - 1];
        }
        best[pos] = i;
        best_score[pos] = s;
        if (n < 5)
            n++;
    }
    *alt_count = 0;
    if (!n)
        return XNONE;
    for (size_t k = 1; k < n; k++)
        if (best_score[k] >= 0.75f * best_score[0])
            alternatives[(*alt_count)++] = best[k];
    return best[0];
}

static bool contains(const content_tree *t, uint32_t anc, uint32_t i)
{
    return i >= anc && i < t->nodes[anc].end;
}

/* Readability's refinements: an ancestor holding most of the strong alternatives, then climbing
 * while the parent is just a wrapper or scores higher. */
static uint32_t refine_top(const content_tree *t, uint32_t top, const uint32_t *alt, size_t alt_count,
                           onr_mode mode)
{
    if (alt_count >= 3) {
        for (uint32_t a = t->nodes[top].parent; a != XNONE && a != 0; a = t->nodes[a].parent) {
            size_t inside = 0;
            for (size_t k = 0; k < alt_count; k++)
                inside += contains(t, a, alt[k]);
            if (inside >= 3) {
                top = a;
                break;
            }
        }
    }
    for (;;) {
        uint32_t p = t->nodes[top].parent;
        if (p == XNONE || p == 0)
            break;
        const xnode *pn = &t->nodes[p], *tn = &t->nodes[top];
        if (pn->text <= tn->text + 10) {
            top = p;
            continue;
        }
        /* An article split into sections: the parent adds text that is mostly paragraphs. */
        float share = mode == ONR_MODE_RECALL ? 0.4f : mode == ONR_MODE_PRECISION ? 0.85f : 0.75f;
        uint32_t added_text = pn->text - tn->text, added_ptext = pn->ptext - tn->ptext;
        if (added_ptext >= 200 && (float)added_ptext >= share * (float)added_text && content_link_density(pn) < 0.25f) {
            top = p;
            continue;
        }
        break;
    }
    return top;
}

static bool sentence_like(const content_tree *t, const xnode *x)
{
    (void)t;
    return x->text >= 80 || (x->text > 0 && x->commas > 0);
}

static onr_status add_root(content_choice *c, const onr_mem *mem, size_t *cap, uint32_t i)
{
    if (c->root_count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        uint32_t *grown = onr_realloc(mem, c->roots, ncap * sizeof *grown);
        if (!grown)
            return ONR_ERR_NOMEM;
        c->roots = grown;
        *cap = ncap;
    }
    c->roots[c->root_count++] = i;
    return ONR_OK;
}

/* Siblings of the top candidate that belong to the article (Readability's merge). */
static onr_status merge_siblings(const content_tree *t, uint32_t top, onr_mode mode, content_choice *c,
                                 const onr_mem *mem)
{
    size_t cap = 0;
    uint32_t parent = t->nodes[top].parent;
    if (parent == XNONE)
        return add_root(c, mem, &cap, top);
    float top_score = t->nodes[top].score > 0 ? final_score(&t->nodes[top]) : 0;
    float factor = mode == ONR_MODE_RECALL ? 0.1f : mode == ONR_MODE_PRECISION ? 0.35f : 0.2f;
    float threshold = top_score * factor > 10 ? top_score * factor : 10;
    for (uint32_t i = parent + 1; i < t->nodes[parent].end; i = t->nodes[i].end) {
        const xnode *x = &t->nodes[i];
        bool keep = i == top;
        if (!keep && !(x->flags & (X_TEXT | X_HIDDEN_ZONE))) {
            float ld = content_link_density(x);
            if (x->score > 0 && final_score(x) >= threshold)
                keep = true;
            else if (x->tag == ONR_TAG_P || (tag_is_block(x->tag) && x->inline_text == x->text && x->tag != ONR_TAG_UL &&
                                             x->tag != ONR_TAG_OL && x->tag < ONR_TAG__COUNT &&
                                             !(x->tag >= ONR_TAG_H1 && x->tag <= ONR_TAG_H6)))
                keep = (x->text > 80 && ld < 0.25f) ||
                       (x->text > 0 && x->text <= 80 && ld == 0 && sentence_like(t, x) && mode != ONR_MODE_PRECISION);
        }
        if (keep && add_root(c, mem, &cap, i) != ONR_OK)
            return ONR_ERR_NOMEM;
    }
    return ONR_OK;
}

/* ---- cleaning ---- */

static bool is_heading(unsigned tag) { return tag >= ONR_TAG_H1 && tag <= ONR_TAG_H6 && tag != ONR_TAG_HEAD && tag != ONR_TAG_HEADER && tag != ONR_TAG_HGROUP; }

/* Readability's conditional cleaning, with trafilatura's link-density view of lists and short
 * blocks. */
static bool drop_conditionally(const content_tree *t, const xnode *x, onr_mode mode, uint32_t article_text)
{
    int weight = x->hint;
    /* Never the bulk of the article: a negative word on the main container is a page-wide class. */
    uint32_t bulk = mode == ONR_MODE_PRECISION ? article_text / 5 * 4 : article_text / 2;
    if (weight < 0 && x->text < bulk)
        return true;
    float ld = content_link_density(x);
    float ld_limit = mode == ONR_MODE_RECALL ? 0.5f : mode == ONR_MODE_PRECISION ? 0.25f : 0.33f;
    if (x->commas >= 10 && ld < 0.5f)
        return false;
    bool is_list = x->tag == ONR_TAG_UL || x->tag == ONR_TAG_OL;
    if (x->tag == ONR_TAG_TABLE || is_list || x->tag == ONR_TAG_DL) {
        /* Lists of links: menus, related stories, tag clouds. */
        if (ld > (weight >= 25 ? 0.5f : ld_limit))
            return true;
        return false;
    }
    if (weight < 25 && ld > ld_limit && x->text < 2000)
        return true;
    if (weight >= 25 && ld > 0.5f)
        return true;
    if (!is_list && x->items > 2 * x->paragraphs + 3 && ld > 0.2f)
        return true;
    (void)t;
    return false;
}

static void clean(content_tree *t, const content_choice *c, onr_mode mode, const extract_metadata *meta)
{
    uint32_t article_text = 0;
    for (uint32_t k = 0; k < c->root_count; k++)
        article_text += t->nodes[c->roots[k]].text;
    for (uint32_t k = 0; k < c->root_count; k++) {
        uint32_t root = c->roots[k];
        for (uint32_t i = root + 1; i < t->nodes[root].end;) {
            xnode *x = &t->nodes[i];
            bool drop = false;
            if (!(x->flags & X_TEXT)) {
                const onr_node *n = x->node;
                if (n == meta->headline_node || n == meta->byline_node)
                    drop = true;
                else if (x->flags & X_COMMENTS)
                    drop = true;
                else if (x->flags & X_BOILER)
                    drop = x->text < (mode == ONR_MODE_PRECISION ? article_text / 5 * 4 : article_text / 2) ||
                           content_link_density(x) > 0.3f;
                else if (x->tag == ONR_TAG_FORM || x->tag == ONR_TAG_FIELDSET)
                    drop = x->paragraphs == 0 || drop_conditionally(t, x, mode, article_text);
                else if (x->tag == ONR_TAG_HEADER)
                    drop = mode != ONR_MODE_RECALL && x->paragraphs == 0 && x->text < article_text / 2;
                else if (x->tag == ONR_TAG_H1)
                    drop = mode != ONR_MODE_RECALL;
                else if (x->tag == ONR_TAG_DIV || x->tag == ONR_TAG_SECTION || x->tag == ONR_TAG_UL ||
                         x->tag == ONR_TAG_OL || x->tag == ONR_TAG_TABLE || x->tag == ONR_TAG_DL ||
                         x->tag == ONR_TAG_ASIDE || x->tag == ONR_TAG_CENTER)
                    drop = drop_conditionally(t, x, mode, article_text);
                else if (x->tag == ONR_TAG_P || x->tag == ONR_TAG_LI || is_heading(x->tag)) {
                    float ld = content_link_density(x);
                    float limit = mode == ONR_MODE_PRECISION ? 0.4f : mode == ONR_MODE_RECALL ? 0.9f : 0.6f;
                    drop = ld > limit && (x->text < 300 || ld > 0.8f) && x->tag != ONR_TAG_LI;
                }
            }
            if (drop) {
                x->flags |= X_DROP;
                i = x->end;
            } else {
                i++;
            }
        }
    }
}

/* The comment section with the most text. */
static uint32_t find_comments(const content_tree *t)
{
    uint32_t best = XNONE;
    for (uint32_t i = 0; i < t->count; i++) {
        const xnode *x = &t->nodes[i];
        if (!(x->flags & X_COMMENTS) || (x->parent != XNONE && (t->nodes[x->parent].flags & X_COMMENTS)))
            continue;
        if (x->text >= 20 && (best == XNONE || x->text > t->nodes[best].text))
            best = i;
    }
    return best;
}

onr_status content_choose(content_tree *t, const onr_options *options, const extract_metadata *meta,
                          content_choice *out)
{
    memset(out, 0, sizeof *out);
    out->comments = XNONE;
    score_paragraphs(t);
    uint32_t alternatives[5];
    size_t alt_count;
    uint32_t top = pick_top(t, alternatives, &alt_count);
    onr_status st;
    if (top == XNONE) {
        size_t cap = 0;
        st = add_root(out, t->mem, &cap, 0);
    } else {
        top = refine_top(t, top, alternatives, alt_count, options->mode);
        st = merge_siblings(t, top, options->mode, out, t->mem);
    }
    if (st != ONR_OK)
        return st;
    clean(t, out, options->mode, meta);
    /* A poor candidate: fall back to the whole body, cleaned the same way. */
    uint32_t kept = 0;
    for (uint32_t k = 0; k < out->root_count; k++)
        kept += t->nodes[out->roots[k]].text;
    if (kept < 250 && t->nodes[0].text > kept * 3 && out->roots[0] != 0) {
        out->roots[0] = 0;
        out->root_count = 1;
        for (uint32_t i = 0; i < t->count; i++)
            t->nodes[i].flags &= (uint16_t)~X_DROP;
        clean(t, out, options->mode, meta);
    }
    out->comments = find_comments(t);
    return ONR_OK;
}

void content_choice_free(content_choice *choice, const onr_mem *mem)
{
    onr_free(mem, choice->roots);
    choice->roots = NULL;
}
