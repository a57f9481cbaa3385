/* Tree construction: drives the tokenizer and builds the document with the WHATWG insertion modes
 * (scripting off), bounded so that every input parses in linear time and memory. */
#include "html/tree.h"

#include <string.h>

/* Bounds that keep every token's work constant. The stack of open elements may grow with the input,
 * but searches in it look at most max(max_depth, MIN_SCAN_LIMIT) entries down from the top (an
 * element deeper than that counts as out of scope)... */
#define MIN_SCAN_LIMIT 64
/* ...and the list of active formatting elements keeps at most this many entries. */
#define MAX_FORMATTING 64
/* A text node this long is not moved to extend it; a new text node follows it instead. */
#define MAX_TEXT_MOVE 4096
#define TEXT_CHUNK (64 * 1024)
/* Nodes are taken from the arena this many at a time: a page has thousands. */
#define NODE_BATCH 64

typedef enum insertion_mode {
    MODE_INITIAL,
    MODE_BEFORE_HTML,
    MODE_BEFORE_HEAD,
    MODE_IN_HEAD,
    MODE_IN_HEAD_NOSCRIPT,
    MODE_AFTER_HEAD,
    MODE_IN_BODY,
    MODE_TEXT,
    MODE_IN_TABLE,
    MODE_IN_TABLE_TEXT,
    MODE_IN_CAPTION,
    MODE_IN_COLUMN_GROUP,
    MODE_IN_TABLE_BODY,
    MODE_IN_ROW,
    MODE_IN_CELL,
    MODE_IN_SELECT,
    MODE_IN_SELECT_IN_TABLE,
    MODE_IN_TEMPLATE,
    MODE_AFTER_BODY,
    MODE_IN_FRAMESET,
    MODE_AFTER_FRAMESET,
    MODE_AFTER_AFTER_BODY,
    MODE_AFTER_AFTER_FRAMESET
} insertion_mode;

typedef enum scope_kind { SCOPE_DEFAULT, SCOPE_LIST_ITEM, SCOPE_BUTTON, SCOPE_TABLE, SCOPE_SELECT } scope_kind;

/* Per-tag properties (bits of tag_props). */
enum {
    P_SPECIAL = 1,
    P_FORMATTING = 2,
    P_SCOPE = 4,          /* bounds the default scope */
    P_IMPLIED_END = 8,
    P_IMPLIED_END_ALL = 16, /* "thoroughly" */
    P_HEADING = 32,
    P_BREAKOUT = 64,      /* leaves foreign content */
    P_CLOSES_P = 128      /* in-body start tags that close a p and insert */
};

#define SP P_SPECIAL
static const uint8_t tag_props[ONR_TAG__COUNT] = {
    [ONR_TAG_A] = P_FORMATTING,
    [ONR_TAG_ADDRESS] = SP | P_CLOSES_P,
    [ONR_TAG_APPLET] = SP | P_SCOPE,
    [ONR_TAG_AREA] = SP,
    [ONR_TAG_ARTICLE] = SP | P_CLOSES_P,
    [ONR_TAG_ASIDE] = SP | P_CLOSES_P,
    [ONR_TAG_B] = P_FORMATTING | P_BREAKOUT,
    [ONR_TAG_BASE] = SP,
    [ONR_TAG_BASEFONT] = SP,
    [ONR_TAG_BGSOUND] = SP,
    [ONR_TAG_BIG] = P_FORMATTING | P_BREAKOUT,
    [ONR_TAG_BLOCKQUOTE] = SP | P_CLOSES_P | P_BREAKOUT,
    [ONR_TAG_BODY] = SP | P_BREAKOUT,
    [ONR_TAG_BR] = SP | P_BREAKOUT,
    [ONR_TAG_BUTTON] = SP,
    [ONR_TAG_CAPTION] = SP | P_SCOPE | P_IMPLIED_END_ALL,
    [ONR_TAG_CENTER] = SP | P_CLOSES_P | P_BREAKOUT,
    [ONR_TAG_CODE] = P_FORMATTING | P_BREAKOUT,
    [ONR_TAG_COL] = SP,
    [ONR_TAG_COLGROUP] = SP | P_IMPLIED_END_ALL,
    [ONR_TAG_DD] = SP | P_IMPLIED_END | P_IMPLIED_END_ALL | P_BREAKOUT,
    [ONR_TAG_DETAILS] = SP | P_CLOSES_P,
    [ONR_TAG_DIALOG] = P_CLOSES_P,
    [ONR_TAG_DIR] = SP | P_CLOSES_P,
    [ONR_TAG_DIV] = SP | P_CLOSES_P | P_BREAKOUT,
    [ONR_TAG_DL] = SP | P_CLOSES_P | P_BREAKOUT,
    [ONR_TAG_DT] = SP | P_IMPLIED_END | P_IMPLIED_END_ALL | P_BREAKOUT,
    [ONR_TAG_EM] = P_FORMATTING | P_BREAKOUT,
    [ONR_TAG_EMBED] = SP | P_BREAKOUT,
    [ONR_TAG_FIELDSET] = SP | P_CLOSES_P,
    [ONR_TAG_FIGCAPTION] = SP | P_CLOSES_P,
    [ONR_TAG_FIGURE] = SP | P_CLOSES_P,
    [ONR_TAG_FONT] = P_FORMATTING,
    [ONR_TAG_FOOTER] = SP | P_CLOSES_P,
    [ONR_TAG_FORM] = SP,
    [ONR_TAG_FRAME] = SP,
    [ONR_TAG_FRAMESET] = SP,
    [ONR_TAG_H1] = SP | P_HEADING | P_BREAKOUT,
    [ONR_TAG_H2] = SP | P_HEADING | P_BREAKOUT,
    [ONR_TAG_H3] = SP | P_HEADING | P_BREAKOUT,
    [ONR_TAG_H4] = SP | P_HEADING | P_BREAKOUT,
    [ONR_TAG_H5] = SP | P_HEADING | P_BREAKOUT,
    [ONR_TAG_H6] = SP | P_HEADING | P_BREAKOUT,
    [ONR_TAG_HEAD] = SP | P_BREAKOUT,
    [ONR_TAG_HEADER] = SP | P_CLOSES_P,
    [ONR_TAG_HGROUP] = SP | P_CLOSES_P,
    [ONR_TAG_HR] = SP | P_BREAKOUT,
    [ONR_TAG_HTML] = SP | P_SCOPE,
    [ONR_TAG_I] = P_FORMATTING | P_BREAKOUT,
    [ONR_TAG_IFRAME] = SP,
    [ONR_TAG_IMG] = SP | P_BREAKOUT,
    [ONR_TAG_INPUT] = SP,
    [ONR_TAG_KEYGEN] = SP,
    [ONR_TAG_LI] = SP | P_IMPLIED_END | P_IMPLIED_END_ALL | P_BREAKOUT,
    [ONR_TAG_LINK] = SP,
    [ONR_TAG_LISTING] = SP | P_BREAKOUT,
    [ONR_TAG_MAIN] = SP | P_CLOSES_P,
    [ONR_TAG_MARQUEE] = SP | P_SCOPE,
    [ONR_TAG_MENU] = SP | P_CLOSES_P | P_BREAKOUT,
    [ONR_TAG_META] = SP | P_BREAKOUT,
    [ONR_TAG_NAV] = SP | P_CLOSES_P,
    [ONR_TAG_NOBR] = P_FORMATTING | P_BREAKOUT,
    [ONR_TAG_NOEMBED] = SP,
    [ONR_TAG_NOFRAMES] = SP,
    [ONR_TAG_NOSCRIPT] = SP,
    [ONR_TAG_OBJECT] = SP | P_SCOPE,
    [ONR_TAG_OL] = SP | P_CLOSES_P | P_BREAKOUT,
    [ONR_TAG_OPTGROUP] = P_IMPLIED_END | P_IMPLIED_END_ALL,
    [ONR_TAG_OPTION] = P_IMPLIED_END | P_IMPLIED_END_ALL,
    [ONR_TAG_P] = SP | P_CLOSES_P | P_IMPLIED_END | P_IMPLIED_END_ALL | P_BREAKOUT,
    [ONR_TAG_PARAM] = SP,
    [ONR_TAG_PLAINTEXT] = SP,
    [ONR_TAG_PRE] = SP | P_BREAKOUT,
    [ONR_TAG_RB] = P_IMPLIED_END | P_IMPLIED_END_ALL,
    [ONR_TAG_RP] = P_IMPLIED_END | P_IMPLIED_END_ALL,
    [ONR_TAG_RT] = P_IMPLIED_END | P_IMPLIED_END_ALL,
    [ONR_TAG_RTC] = P_IMPLIED_END | P_IMPLIED_END_ALL,
    [ONR_TAG_RUBY] = P_BREAKOUT,
    [ONR_TAG_S] = P_FORMATTING | P_BREAKOUT,
    [ONR_TAG_SCRIPT] = SP,
    [ONR_TAG_SEARCH] = SP | P_CLOSES_P,
    [ONR_TAG_SECTION] = SP | P_CLOSES_P,
    [ONR_TAG_SELECT] = SP,
    [ONR_TAG_SMALL] = P_FORMATTING | P_BREAKOUT,
    [ONR_TAG_SOURCE] = SP,
    [ONR_TAG_SPAN] = P_BREAKOUT,
    [ONR_TAG_STRIKE] = P_FORMATTING | P_BREAKOUT,
    [ONR_TAG_STRONG] = P_FORMATTING | P_BREAKOUT,
    [ONR_TAG_STYLE] = SP,
    [ONR_TAG_SUB] = P_BREAKOUT,
    [ONR_TAG_SUMMARY] = SP | P_CLOSES_P,
    [ONR_TAG_SUP] = P_BREAKOUT,
    [ONR_TAG_TABLE] = SP | P_SCOPE | P_BREAKOUT,
    [ONR_TAG_TBODY] = SP | P_IMPLIED_END_ALL,
    [ONR_TAG_TD] = SP | P_SCOPE | P_IMPLIED_END_ALL,
    [ONR_TAG_TEMPLATE] = SP | P_SCOPE,
    [ONR_TAG_TEXTAREA] = SP,
    [ONR_TAG_TFOOT] = SP | P_IMPLIED_END_ALL,
    [ONR_TAG_TH] = SP | P_SCOPE | P_IMPLIED_END_ALL,
    [ONR_TAG_THEAD] = SP | P_IMPLIED_END_ALL,
    [ONR_TAG_TITLE] = SP,
    [ONR_TAG_TR] = SP | P_IMPLIED_END_ALL,
    [ONR_TAG_TRACK] = SP,
    [ONR_TAG_TT] = P_FORMATTING | P_BREAKOUT,
    [ONR_TAG_U] = P_FORMATTING | P_BREAKOUT,
    [ONR_TAG_UL] = SP | P_CLOSES_P | P_BREAKOUT,
    [ONR_TAG_VAR] = P_BREAKOUT,
    [ONR_TAG_WBR] = SP,
    [ONR_TAG_XMP] = SP,
};
#undef SP

typedef struct builder {
    onr_document *doc;
    html_tokenizer *tokenizer;
    size_t scan_limit;
    unsigned max_attributes;
    insertion_mode mode;
    insertion_mode original_mode;
    onr_node **open;            /* the stack of open elements */
    size_t open_len, open_cap;
    /* While elements join the stack only on top of their parent and leave it only from the top,
     * an element's depth is at most its place in the stack plus one: then no node is deeper than
     * max_open + 1, and the depth cap has nothing to do. */
    size_t max_open;
    bool stack_reshaped;        /* an element left from below the top, or the adoption agency moved nodes */
    onr_node **formatting;      /* active formatting elements; NULL entries are markers */
    size_t formatting_len;
    uint8_t *template_modes;
    size_t template_len, template_cap;
    size_t open_templates;      /* templates on the stack of open elements */
    bool reprocess;             /* the token goes round again: an end of file that closed a template */
    size_t open_paragraphs;     /* HTML <p> elements on it: "a p in button scope" is asked at
                                 * every block start tag, and usually there is none */
    onr_node *head;
    onr_node *form;
    bool frameset_ok;
    bool foster_parenting;
    bool quirks;
    bool skip_newline;          /* after <pre>, <listing>, <textarea> */
    bool cdata_allowed;
    bool failed;
    onr_buf pending;            /* "in table text" characters */
    bool pending_visible;
    size_t pending_offset;
    onr_buf scratch;            /* characters with U+0000 removed or replaced */
    char *text_chunk;           /* arena space that decoded text and moved text nodes go to */
    size_t text_used, text_cap;
    onr_node *spare_nodes;      /* arena space for the next nodes, NODE_BATCH at a time */
    size_t spare_count;
    onr_node sink;              /* handed out when an allocation fails; the parse then stops */
} builder;

static void process(builder *b, html_token *t);
static void process_in(builder *b, insertion_mode mode, html_token *t);

/* ---- small predicates ---- */

static inline bool is_html(const onr_node *n, onr_tag tag) { return n->ns == ONR_NS_HTML && n->tag == tag; }

static inline unsigned props_of(const onr_node *n) { return n->ns == ONR_NS_HTML ? tag_props[n->tag] : 0; }

static inline bool is_special(const onr_node *n)
{
    return n->ns == ONR_NS_HTML ? (tag_props[n->tag] & P_SPECIAL) != 0 : (n->flags & NODE_FOREIGN_SCOPE) != 0;
}

static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

static size_t leading_ws(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && is_ws(s[i]))
        i++;
    return i;
}

static bool same_name(const onr_node *n, const html_token *t)
{
    if (n->ns != ONR_NS_HTML)
        return false;
    if (t->tag != ONR_TAG_UNKNOWN)
        return n->tag == t->tag;
    return n->tag == ONR_TAG_UNKNOWN && n->name_len == t->name_len && !memcmp(n->name, t->name, t->name_len);
}

static onr_node *current(builder *b) { return b->open_len ? b->open[b->open_len - 1] : &b->doc->root; }

static bool in_source(const builder *b, const char *p, size_t len)
{
    const char *s = b->doc->source;
    return p >= s && p <= s + b->doc->source_len && len <= (size_t)(s + b->doc->source_len - p);
}

/* ---- allocation ---- */

static void *arena_alloc(builder *b, size_t size)
{
    void *p = onr_arena_alloc(&b->doc->arena, size);
    if (!p)
        b->failed = true;
    return p;
}

/* Room for `len` bytes at the end of the text chunk. */
static char *text_space(builder *b, size_t len)
{
    if (b->text_cap - b->text_used < len) {
        size_t cap = len > TEXT_CHUNK / 2 ? 2 * len : TEXT_CHUNK;
        char *chunk = arena_alloc(b, cap);
        if (!chunk)
            return NULL;
        b->text_chunk = chunk;
        b->text_cap = cap;
        b->text_used = 0;
    }
    char *p = b->text_chunk + b->text_used;
    b->text_used += len;
    return p;
}

/* Room for an element's attributes in the text chunk (aligned for them): elements have them by
 * the hundred thousand, and the chunk spares an arena call each. */
static html_attr *attr_space(builder *b, size_t count)
{
    size_t align = _Alignof(html_attr);
    b->text_used = (b->text_used + align - 1) & ~(align - 1); /* the chunk itself is aligned */
    if (b->text_used > b->text_cap)
        b->text_used = b->text_cap;
    return (html_attr *)(void *)text_space(b, count * sizeof(html_attr));
}

/* A stable copy of a token's string: spans of the document's source are kept as they are. */
static const char *keep_string(builder *b, const char *s, size_t len)
{
    if (len == 0)
        return "";
    if (in_source(b, s, len))
        return s;
    char *p = onr_arena_alloc(&b->doc->arena, len + 1);
    if (!p) {
        b->failed = true;
        return "";
    }
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

static onr_node *new_node(builder *b, onr_node_type type, size_t offset)
{
    if (!b->spare_count) {
        b->spare_nodes = arena_alloc(b, NODE_BATCH * sizeof *b->spare_nodes);
        if (!b->spare_nodes) {
            memset(&b->sink, 0, sizeof b->sink);
            return &b->sink;
        }
        b->spare_count = NODE_BATCH;
    }
    onr_node *n = b->spare_nodes++;
    b->spare_count--;
    memset(n, 0, sizeof *n);
    n->type = (uint8_t)type;
    n->offset = offset;
    b->doc->node_count++;
    return n;
}

/* ---- tree edits ---- */

static void detach(onr_node *n)
{
    onr_node *p = n->parent;
    if (!p)
        return;
    if (n->prev)
        n->prev->next = n->next;
    else
        p->first_child = n->next;
    if (n->next)
        n->next->prev = n->prev;
    else
        p->last_child = n->prev;
    n->parent = n->prev = n->next = NULL;
}

static void append_child(onr_node *parent, onr_node *n)
{
    detach(n);
    n->parent = parent;
    n->prev = parent->last_child;
    if (parent->last_child)
        parent->last_child->next = n;
    else
        parent->first_child = n;
    parent->last_child = n;
}

static void insert_before(onr_node *parent, onr_node *n, onr_node *ref)
{
    if (!ref) {
        append_child(parent, n);
        return;
    }
    detach(n);
    n->parent = parent;
    n->next = ref;
    n->prev = ref->prev;
    if (ref->prev)
        ref->prev->next = n;
    else
        parent->first_child = n;
    ref->prev = n;
}

/* ---- the stack of open elements ---- */

/* Keeps the counts of templates and paragraphs on the stack as `n` enters or leaves it. */
static void count_open(builder *b, const onr_node *n, bool enters)
{
    if (n->ns != ONR_NS_HTML)
        return;
    size_t *count = n->tag == ONR_TAG_TEMPLATE ? &b->open_templates
                    : n->tag == ONR_TAG_P      ? &b->open_paragraphs
                                               : NULL;
    if (count)
        *count = enters ? *count + 1 : *count - 1;
}

/* The array `items` doubled (`first` entries of `elem` bytes when it has none), *cap updated; NULL,
 * with the array as it was, when allocation fails. The stacks and lists of the builder and of the
 * depth cap grow so. */
static void *grow_array(const onr_mem *mem, void *items, size_t *cap, size_t elem, size_t first)
{
    size_t want = *cap ? 2 * *cap : first, bytes;
    void *grown = onr_size_mul(want, elem, &bytes) ? onr_realloc(mem, items, bytes) : NULL;
    if (grown)
        *cap = want;
    return grown;
}

static bool grow_open(builder *b)
{
    onr_node **grown = grow_array(b->doc->mem, b->open, &b->open_cap, sizeof *grown, 64);
    if (!grown) {
        b->failed = true;
        return false;
    }
    b->open = grown;
    return true;
}

/* Inline, with the growth apart: every element is pushed. */
static inline void push(builder *b, onr_node *n)
{
    if (b->open_len == b->open_cap && !grow_open(b))
        return;
    b->open[b->open_len++] = n;
    if (b->open_len > b->max_open)
        b->max_open = b->open_len;
    n->flags |= NODE_OPEN;
    count_open(b, n, true);
}

static void pop(builder *b)
{
    if (!b->open_len)
        return;
    onr_node *n = b->open[--b->open_len];
    n->flags = (uint8_t)(n->flags & ~NODE_OPEN);
    count_open(b, n, false);
}

/* Index of `n` in the stack, searched from the top within the scan limit; -1 when not found. */
static long stack_index(const builder *b, const onr_node *n)
{
    if (!(n->flags & NODE_OPEN))
        return -1;
    size_t stop = b->open_len > b->scan_limit ? b->open_len - b->scan_limit : 0;
    for (size_t i = b->open_len; i > stop; i--)
        if (b->open[i - 1] == n)
            return (long)(i - 1);
    return -1;
}

static void remove_from_stack(builder *b, onr_node *n)
{
    long i = stack_index(b, n);
    if (i < 0)
        return;
    count_open(b, n, false);
    n->flags = (uint8_t)(n->flags & ~NODE_OPEN);
    if ((size_t)i + 1 < b->open_len)
        b->stack_reshaped = true;
    memmove(b->open + i, b->open + i + 1, (b->open_len - (size_t)i - 1) * sizeof *b->open);
    b->open_len--;
}

static void pop_until_node(builder *b, const onr_node *n)
{
    while (b->open_len) {
        onr_node *top = current(b);
        pop(b);
        if (top == n)
            return;
    }
}

/* Pops until an HTML element with `tag` has been popped. Callers check first that it is in scope. */
static void pop_until_tag(builder *b, onr_tag tag)
{
    while (b->open_len) {
        onr_node *top = current(b);
        pop(b);
        if (is_html(top, tag))
            return;
    }
}

static bool scope_boundary(const onr_node *n, scope_kind scope)
{
    if (n->ns != ONR_NS_HTML) {
        if (scope == SCOPE_SELECT)
            return true;
        return scope != SCOPE_TABLE && (n->flags & NODE_FOREIGN_SCOPE);
    }
    switch (scope) {
    case SCOPE_TABLE:
        return n->tag == ONR_TAG_HTML || n->tag == ONR_TAG_TABLE || n->tag == ONR_TAG_TEMPLATE;
    case SCOPE_SELECT:
        return n->tag != ONR_TAG_OPTGROUP && n->tag != ONR_TAG_OPTION;
    case SCOPE_LIST_ITEM:
        if (n->tag == ONR_TAG_OL || n->tag == ONR_TAG_UL)
            return true;
        break;
    case SCOPE_BUTTON:
        if (n->tag == ONR_TAG_BUTTON)
            return true;
        break;
    case SCOPE_DEFAULT:
        break;
    }
    return (tag_props[n->tag] & P_SCOPE) != 0;
}

/* "Has an element in scope": the HTML element `tag` (or the node `target`, when given). */
static bool in_scope(const builder *b, onr_tag tag, const onr_node *target, scope_kind scope)
{
    if (!target && tag == ONR_TAG_P && !b->open_paragraphs)
        return false;
    size_t stop = b->open_len > b->scan_limit ? b->open_len - b->scan_limit : 0;
    for (size_t i = b->open_len; i > stop; i--) {
        const onr_node *n = b->open[i - 1];
        if (target ? n == target : is_html(n, tag))
            return true;
        if (scope_boundary(n, scope))
            return false;
    }
    return false;
}

static bool heading_in_scope(const builder *b)
{
    size_t stop = b->open_len > b->scan_limit ? b->open_len - b->scan_limit : 0;
    for (size_t i = b->open_len; i > stop; i--) {
        const onr_node *n = b->open[i - 1];
        if (props_of(n) & P_HEADING)
            return true;
        if (scope_boundary(n, SCOPE_DEFAULT))
            return false;
    }
    return false;
}

static void generate_implied_end_tags(builder *b, onr_tag except)
{
    while (b->open_len) {
        onr_node *n = current(b);
        if (!(props_of(n) & P_IMPLIED_END) || n->tag == except)
            return;
        pop(b);
    }
}

static void generate_all_implied_end_tags(builder *b)
{
    while (b->open_len && (props_of(current(b)) & P_IMPLIED_END_ALL))
        pop(b);
}

static void close_p(builder *b)
{
    generate_implied_end_tags(b, ONR_TAG_P);
    pop_until_tag(b, ONR_TAG_P);
}

static void close_p_if_in_button_scope(builder *b)
{
    if (in_scope(b, ONR_TAG_P, NULL, SCOPE_BUTTON))
        close_p(b);
}

/* ---- the list of active formatting elements ---- */

static void formatting_remove_at(builder *b, size_t i)
{
    memmove(b->formatting + i, b->formatting + i + 1, (b->formatting_len - i - 1) * sizeof *b->formatting);
    b->formatting_len--;
}

static long formatting_index(const builder *b, const onr_node *n)
{
    for (size_t i = b->formatting_len; i > 0; i--)
        if (b->formatting[i - 1] == n)
            return (long)(i - 1);
    return -1;
}

static void formatting_insert_at(builder *b, size_t i, onr_node *n)
{
    if (b->formatting_len == MAX_FORMATTING) {
        /* The oldest entry goes, so that a tag bomb cannot make the list (and its scans) grow. */
        formatting_remove_at(b, 0);
        if (i > 0)
            i--;
    }
    memmove(b->formatting + i + 1, b->formatting + i, (b->formatting_len - i) * sizeof *b->formatting);
    b->formatting[i] = n;
    b->formatting_len++;
}

static void push_marker(builder *b) { formatting_insert_at(b, b->formatting_len, NULL); }

static bool same_attributes(const onr_node *a, const onr_node *b)
{
    if (a->attr_count != b->attr_count)
        return false;
    for (uint32_t i = 0; i < a->attr_count; i++) {
        const html_attr *x = &a->attrs[i], *y = &b->attrs[i];
        if (x->name_len != y->name_len || x->value_len != y->value_len || memcmp(x->name, y->name, x->name_len) ||
            memcmp(x->value, y->value, x->value_len))
            return false;
    }
    return true;
}

/* Pushes with the "Noah's Ark" clause: at most three identical entries after the last marker.
 * (Attributes are compared in order, which keeps the check linear in the token's size.) */
static void push_formatting(builder *b, onr_node *n)
{
    size_t count = 0, earliest = 0;
    for (size_t i = b->formatting_len; i > 0; i--) {
        const onr_node *e = b->formatting[i - 1];
        if (!e)
            break;
        if (e->tag == n->tag && e->name == n->name && same_attributes(e, n)) {
            count++;
            earliest = i - 1;
        }
    }
    if (count >= 3)
        formatting_remove_at(b, earliest);
    formatting_insert_at(b, b->formatting_len, n);
}

static void clear_formatting_to_marker(builder *b)
{
    while (b->formatting_len) {
        onr_node *e = b->formatting[--b->formatting_len];
        if (!e)
            return;
    }
}

/* ---- creating and inserting nodes ---- */

/* SVG names that the parser gives their camel case back (sorted, for fixed_name). */
static const char *const svg_tag_fixes[][2] = {
    {"altglyph", "altGlyph"}, {"altglyphdef", "altGlyphDef"}, {"altglyphitem", "altGlyphItem"},
    {"animatecolor", "animateColor"}, {"animatemotion", "animateMotion"},
    {"animatetransform", "animateTransform"}, {"clippath", "clipPath"}, {"feblend", "feBlend"},
    {"fecolormatrix", "feColorMatrix"}, {"fecomponenttransfer", "feComponentTransfer"},
    {"fecomposite", "feComposite"}, {"feconvolvematrix", "feConvolveMatrix"},
    {"fediffuselighting", "feDiffuseLighting"}, {"fedisplacementmap", "feDisplacementMap"},
    {"fedistantlight", "feDistantLight"}, {"fedropshadow", "feDropShadow"}, {"feflood", "feFlood"},
    {"fefunca", "feFuncA"}, {"fefuncb", "feFuncB"}, {"fefuncg", "feFuncG"}, {"fefuncr", "feFuncR"},
    {"fegaussianblur", "feGaussianBlur"}, {"feimage", "feImage"}, {"femerge", "feMerge"},
    {"femergenode", "feMergeNode"}, {"femorphology", "feMorphology"}, {"feoffset", "feOffset"},
    {"fepointlight", "fePointLight"}, {"fespecularlighting", "feSpecularLighting"},
    {"fespotlight", "feSpotLight"}, {"fetile", "feTile"}, {"feturbulence", "feTurbulence"},
    {"foreignobject", "foreignObject"}, {"glyphref", "glyphRef"}, {"lineargradient", "linearGradient"},
    {"radialgradient", "radialGradient"}, {"textpath", "textPath"},
};

/* Sorted, for fixed_name. */
static const char *const svg_attribute_fixes[][2] = {
    {"attributename", "attributeName"}, {"attributetype", "attributeType"},
    {"basefrequency", "baseFrequency"}, {"baseprofile", "baseProfile"}, {"calcmode", "calcMode"},
    {"clippathunits", "clipPathUnits"}, {"diffuseconstant", "diffuseConstant"}, {"edgemode", "edgeMode"},
    {"filterunits", "filterUnits"}, {"glyphref", "glyphRef"}, {"gradienttransform", "gradientTransform"},
    {"gradientunits", "gradientUnits"}, {"kernelmatrix", "kernelMatrix"},
    {"kernelunitlength", "kernelUnitLength"}, {"keypoints", "keyPoints"}, {"keysplines", "keySplines"},
    {"keytimes", "keyTimes"}, {"lengthadjust", "lengthAdjust"}, {"limitingconeangle", "limitingConeAngle"},
    {"markerheight", "markerHeight"}, {"markerunits", "markerUnits"}, {"markerwidth", "markerWidth"},
    {"maskcontentunits", "maskContentUnits"}, {"maskunits", "maskUnits"}, {"numoctaves", "numOctaves"},
    {"pathlength", "pathLength"}, {"patterncontentunits", "patternContentUnits"},
    {"patterntransform", "patternTransform"}, {"patternunits", "patternUnits"}, {"pointsatx", "pointsAtX"},
    {"pointsaty", "pointsAtY"}, {"pointsatz", "pointsAtZ"}, {"preservealpha", "preserveAlpha"},
    {"preserveaspectratio", "preserveAspectRatio"}, {"primitiveunits", "primitiveUnits"}, {"refx", "refX"},
    {"refy", "refY"}, {"repeatcount", "repeatCount"}, {"repeatdur", "repeatDur"},
    {"requiredextensions", "requiredExtensions"}, {"requiredfeatures", "requiredFeatures"},
    {"specularconstant", "specularConstant"}, {"specularexponent", "specularExponent"},
    {"spreadmethod", "spreadMethod"}, {"startoffset", "startOffset"}, {"stddeviation", "stdDeviation"},
    {"stitchtiles", "stitchTiles"}, {"surfacescale", "surfaceScale"}, {"systemlanguage", "systemLanguage"},
    {"tablevalues", "tableValues"}, {"targetx", "targetX"}, {"targety", "targetY"},
    {"textlength", "textLength"}, {"viewbox", "viewBox"}, {"viewtarget", "viewTarget"},
    {"xchannelselector", "xChannelSelector"}, {"ychannelselector", "yChannelSelector"},
    {"zoomandpan", "zoomAndPan"},
};

/* `name` (len bytes, no NUL among them) against a NUL-terminated literal, in memcmp order with
 * the shorter of two equal prefixes first: one pass, no strlen per probe. */
static int compare_to_literal(const char *name, size_t len, const char *lit)
{
    size_t i = 0;
    for (; i < len && lit[i]; i++)
        if (name[i] != lit[i])
            return (unsigned char)name[i] < (unsigned char)lit[i] ? -1 : 1;
    return i < len ? 1 : lit[i] ? -1 : 0;
}

/* The fix-up of `name` in `table` (sorted by its lowercase names), by binary search: SVG-heavy pages
 * look up every element and attribute name. */
static const char *fixed_name(const char *const (*table)[2], size_t count, const char *name, size_t len)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = compare_to_literal(name, len, table[mid][0]);
        if (c == 0)
            return table[mid][1];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

static bool name_is(const char *name, size_t len, const char *lit)
{
    return strlen(lit) == len && !memcmp(name, lit, len);
}

static void copy_attributes(builder *b, onr_node *n, const html_token *t)
{
    if (!t->attr_count)
        return;
    html_attr *attrs = attr_space(b, t->attr_count);
    if (!attrs)
        return;
    n->attrs = attrs;
    n->attr_count = (uint16_t)t->attr_count;
    if (t->attrs_in_input && n->ns == ONR_NS_HTML) { /* the common case: nothing to keep or fix */
        for (size_t i = 0; i < t->attr_count; i++) /* a call costs more than the few copies */
            attrs[i] = t->attrs[i];
        return;
    }
    for (size_t i = 0; i < t->attr_count; i++) {
        const html_attr *a = &t->attrs[i];
        attrs[i].name = keep_string(b, a->name, a->name_len);
        attrs[i].name_len = a->name_len;
        attrs[i].value = keep_string(b, a->value, a->value_len);
        attrs[i].value_len = a->value_len;
        if (n->ns == ONR_NS_SVG) {
            const char *fix = fixed_name(svg_attribute_fixes,
                                         sizeof svg_attribute_fixes / sizeof svg_attribute_fixes[0], a->name,
                                         a->name_len);
            if (fix)
                attrs[i].name = fix;
        } else if (n->ns == ONR_NS_MATHML && name_is(a->name, a->name_len, "definitionurl")) {
            attrs[i].name = "definitionURL";
        }
    }
}

static const html_attr *token_attribute(const html_token *t, const char *name)
{
    for (size_t i = 0; i < t->attr_count; i++)
        if (name_is(t->attrs[i].name, t->attrs[i].name_len, name))
            return &t->attrs[i];
    return NULL;
}

static void mark_foreign(onr_node *n)
{
    if (n->ns == ONR_NS_MATHML) {
        static const char *const text_points[] = {"mi", "mo", "mn", "ms", "mtext"};
        for (size_t i = 0; i < 5; i++)
            if (name_is(n->name, n->name_len, text_points[i]))
                n->flags |= NODE_MATHML_TEXT | NODE_FOREIGN_SCOPE;
        if (name_is(n->name, n->name_len, "annotation-xml")) {
            n->flags |= NODE_FOREIGN_SCOPE;
            for (uint32_t i = 0; i < n->attr_count; i++) {
                const html_attr *a = &n->attrs[i];
                if (name_is(a->name, a->name_len, "encoding") &&
                    (onr_ascii_ieq(a->value, a->value_len, "text/html", 9) ||
                     onr_ascii_ieq(a->value, a->value_len, "application/xhtml+xml", 21)))
                    n->flags |= NODE_HTML_INTEGRATION;
            }
        }
    } else if (name_is(n->name, n->name_len, "foreignObject") || name_is(n->name, n->name_len, "desc") ||
               name_is(n->name, n->name_len, "title")) {
        n->flags |= NODE_HTML_INTEGRATION | NODE_FOREIGN_SCOPE;
    }
}

static onr_node *create_element(builder *b, const html_token *t, onr_namespace ns)
{
    onr_node *n = new_node(b, ONR_NODE_ELEMENT, t->offset);
    n->ns = (uint8_t)ns;
    if (ns == ONR_NS_HTML) {
        n->tag = (uint16_t)t->tag;
        const char *known = onr_tag_name(t->tag);
        n->name = known ? known : keep_string(b, t->name, t->name_len);
    } else {
        n->tag = (uint16_t)((t->tag == ONR_TAG_SVG || t->tag == ONR_TAG_MATH) ? t->tag : ONR_TAG_UNKNOWN);
        const char *fix = ns == ONR_NS_SVG ? fixed_name(svg_tag_fixes, sizeof svg_tag_fixes / sizeof svg_tag_fixes[0],
                                                         t->name, t->name_len)
                                           : NULL;
        n->name = fix ? fix : keep_string(b, t->name, t->name_len);
    }
    n->name_len = t->name_len;
    copy_attributes(b, n, t);
    if (ns != ONR_NS_HTML)
        mark_foreign(n);
    if (is_html(n, ONR_TAG_TEMPLATE)) {
        n->content = new_node(b, ONR_NODE_DOCUMENT, t->offset);
        if (n->content == &b->sink)
            n->content = NULL;
    }
    return n;
}

/* A new element like `n` (for reconstruction and the adoption agency): attributes are shared,
 * since nodes never change them after creation. */
static onr_node *clone_element(builder *b, const onr_node *n)
{
    onr_node *c = new_node(b, ONR_NODE_ELEMENT, n->offset);
    c->ns = n->ns;
    c->tag = n->tag;
    c->name = n->name;
    c->name_len = n->name_len;
    c->attrs = n->attrs;
    c->attr_count = n->attr_count;
    return c;
}

/* The appropriate place for inserting a node: a parent, and the child to insert before (or NULL). */
static void insertion_place(builder *b, onr_node *target, onr_node **parent, onr_node **before)
{
    if (!target)
        target = current(b);
    *before = NULL;
    if (b->foster_parenting && target->ns == ONR_NS_HTML &&
        (target->tag == ONR_TAG_TABLE || target->tag == ONR_TAG_TBODY || target->tag == ONR_TAG_TFOOT ||
         target->tag == ONR_TAG_THEAD || target->tag == ONR_TAG_TR)) {
        size_t stop = b->open_len > b->scan_limit ? b->open_len - b->scan_limit : 0;
        long table = -1, template = -1;
        for (size_t i = b->open_len; i > stop && table < 0; i--) {
            onr_node *n = b->open[i - 1];
            if (is_html(n, ONR_TAG_TABLE))
                table = (long)(i - 1);
            else if (template < 0 && is_html(n, ONR_TAG_TEMPLATE))
                template = (long)(i - 1);
        }
        if (template >= 0 && b->open[template]->content) {
            *parent = b->open[template]->content;
            return;
        }
        if (table < 0) {
            *parent = b->open_len ? b->open[0] : target;
            return;
        }
        onr_node *t = b->open[table];
        if (t->parent) {
            *parent = t->parent;
            *before = t;
            return;
        }
        *parent = table > 0 ? b->open[table - 1] : t;
        return;
    }
    *parent = target;
    if (is_html(target, ONR_TAG_TEMPLATE) && target->content)
        *parent = target->content;
}

static void insert_node(builder *b, onr_node *n, onr_node *target)
{
    onr_node *parent, *before;
    insertion_place(b, target, &parent, &before);
    if (parent->type == ONR_NODE_DOCUMENT && parent == &b->doc->root && n->type == ONR_NODE_ELEMENT &&
        parent->last_child && parent->last_child->type == ONR_NODE_ELEMENT)
        parent = parent->last_child; /* a document holds one element */
    insert_before(parent, n, before);
}

static onr_node *insert_element(builder *b, const html_token *t, onr_namespace ns)
{
    onr_node *n = create_element(b, t, ns);
    insert_node(b, n, NULL);
    push(b, n);
    return n;
}

/* Inserts an HTML element the parser implies (html, head, body, tbody, tr, colgroup, p). */
static onr_node *insert_implied(builder *b, onr_tag tag, size_t offset)
{
    html_token t;
    memset(&t, 0, sizeof t);
    t.kind = HTML_TOKEN_START_TAG;
    t.tag = tag;
    t.name = onr_tag_name(tag);
    t.name_len = strlen(t.name);
    t.offset = offset;
    return insert_element(b, &t, ONR_NS_HTML);
}

/* Extends text node `n` with more characters, when that stays cheap. */
static bool extend_text(builder *b, onr_node *n, const char *data, size_t len)
{
    if (n->name + n->name_len == data && in_source(b, n->name, n->name_len) && in_source(b, data, len)) {
        n->name_len += len;
        return true;
    }
    if (b->text_chunk && n->name + n->name_len == b->text_chunk + b->text_used && b->text_cap - b->text_used >= len) {
        memcpy(b->text_chunk + b->text_used, data, len);
        b->text_used += len;
        n->name_len += len;
        return true;
    }
    if (n->name_len > MAX_TEXT_MOVE)
        return false;
    char *p = text_space(b, n->name_len + len);
    if (!p)
        return true;
    memcpy(p, n->name, n->name_len);
    memcpy(p + n->name_len, data, len);
    n->name = p;
    n->name_len += len;
    return true;
}

static void insert_text(builder *b, const char *data, size_t len, size_t offset)
{
    if (!len)
        return;
    onr_node *parent, *before;
    insertion_place(b, NULL, &parent, &before);
    if (parent == &b->doc->root)
        return;
    onr_node *prev = before ? before->prev : parent->last_child;
    if (prev && prev->type == ONR_NODE_TEXT && extend_text(b, prev, data, len))
        return;
    onr_node *n = new_node(b, ONR_NODE_TEXT, offset);
    if (in_source(b, data, len)) {
        n->name = data;
    } else {
        char *p = text_space(b, len);
        if (!p)
            return;
        memcpy(p, data, len);
        n->name = p;
    }
    n->name_len = len;
    insert_before(parent, n, before);
}

static void insert_comment(builder *b, const html_token *t, onr_node *parent)
{
    onr_node *n = new_node(b, ONR_NODE_COMMENT, t->offset);
    n->name = keep_string(b, t->data, t->data_len);
    n->name_len = t->data_len;
    if (parent)
        append_child(parent, n);
    else
        insert_node(b, n, NULL);
}

/* ---- reconstruction and the adoption agency ---- */

/* The reconstruction proper, once the last entry is known to be a closed element. */
static void reopen_formatting(builder *b)
{
    size_t i = b->formatting_len - 1;
    onr_node *e;
    while (i > 0) {
        e = b->formatting[i - 1];
        if (!e || (e->flags & NODE_OPEN))
            break;
        i--;
    }
    for (; i < b->formatting_len && !b->failed; i++) {
        onr_node *n = clone_element(b, b->formatting[i]);
        insert_node(b, n, NULL);
        push(b, n);
        b->formatting[i] = n;
    }
}

/* Inline: it runs before every text and most start tags, and there is nearly never anything to do. */
static inline void reconstruct_formatting(builder *b)
{
    if (!b->formatting_len)
        return;
    const onr_node *last = b->formatting[b->formatting_len - 1];
    if (last && !(last->flags & NODE_OPEN))
        reopen_formatting(b);
}

static void any_other_end_tag(builder *b, const html_token *t)
{
    size_t stop = b->open_len > b->scan_limit ? b->open_len - b->scan_limit : 0;
    for (size_t i = b->open_len; i > stop; i--) {
        onr_node *n = b->open[i - 1];
        if (same_name(n, t)) {
            generate_implied_end_tags(b, t->tag == ONR_TAG_UNKNOWN ? (onr_tag)ONR_TAG__COUNT : t->tag);
            pop_until_node(b, n);
            return;
        }
        if (is_special(n))
            return;
    }
}

/* The adoption agency algorithm, for an end tag of a formatting element (and <a>, <nobr>). Every
 * loop is bounded: 8 outer rounds, and inner walks within the scan limit. */
static void adoption_agency(builder *b, const html_token *t)
{
    onr_node *top = current(b);
    if (same_name(top, t) && formatting_index(b, top) < 0) {
        pop(b);
        return;
    }
    for (int round = 0; round < 8 && !b->failed; round++) {
        onr_node *fe = NULL;
        long fe_list = -1;
        for (size_t i = b->formatting_len; i > 0; i--) {
            onr_node *e = b->formatting[i - 1];
            if (!e)
                break;
            if (same_name(e, t)) {
                fe = e;
                fe_list = (long)(i - 1);
                break;
            }
        }
        if (!fe) {
            any_other_end_tag(b, t);
            return;
        }
        long fe_stack = stack_index(b, fe);
        if (fe_stack < 0) {
            formatting_remove_at(b, (size_t)fe_list);
            return;
        }
        if (!in_scope(b, ONR_TAG_UNKNOWN, fe, SCOPE_DEFAULT))
            return;
        long fb_stack = -1;
        for (size_t i = (size_t)fe_stack + 1; i < b->open_len; i++)
            if (is_special(b->open[i])) {
                fb_stack = (long)i;
                break;
            }
        if (fb_stack < 0) {
            pop_until_node(b, fe);
            formatting_remove_at(b, (size_t)fe_list);
            return;
        }
        onr_node *furthest = b->open[fb_stack];
        b->stack_reshaped = true;
        onr_node *common = b->open[fe_stack - 1 >= 0 ? fe_stack - 1 : 0];
        size_t bookmark = (size_t)fe_list;
        onr_node *last = furthest;
        long i = fb_stack;
        for (int inner = 1;; inner++) {
            i--;
            onr_node *node = b->open[i];
            if (node == fe)
                break;
            long node_list = formatting_index(b, node);
            if (inner > 3 && node_list >= 0) {
                formatting_remove_at(b, (size_t)node_list);
                if ((size_t)node_list < bookmark)
                    bookmark--;
                node_list = -1;
            }
            if (node_list < 0) {
                count_open(b, node, false);
                node->flags = (uint8_t)(node->flags & ~NODE_OPEN);
                memmove(b->open + i, b->open + i + 1, (b->open_len - (size_t)i - 1) * sizeof *b->open);
                b->open_len--;
                fb_stack--;
                continue;
            }
            onr_node *clone = clone_element(b, node);
            b->formatting[node_list] = clone;
            b->open[i] = clone;
            clone->flags |= NODE_OPEN;
            node->flags = (uint8_t)(node->flags & ~NODE_OPEN);
            if (last == furthest)
                bookmark = (size_t)node_list + 1;
            append_child(clone, last);
            last = clone;
        }
        insert_node(b, last, common);
        onr_node *adopted = clone_element(b, fe);
        while (furthest->first_child)
            append_child(adopted, furthest->first_child);
        append_child(furthest, adopted);
        /* fe leaves the list, the clone enters at the bookmark */
        fe_list = formatting_index(b, fe);
        if (fe_list >= 0) {
            formatting_remove_at(b, (size_t)fe_list);
            if ((size_t)fe_list < bookmark)
                bookmark--;
        }
        if (bookmark > b->formatting_len)
            bookmark = b->formatting_len;
        formatting_insert_at(b, bookmark, adopted);
        remove_from_stack(b, fe);
        long fb_now = stack_index(b, furthest);
        if (fb_now >= 0 && b->open_len < b->open_cap) {
            size_t at = (size_t)fb_now + 1;
            memmove(b->open + at + 1, b->open + at, (b->open_len - at) * sizeof *b->open);
            b->open[at] = adopted;
            b->open_len++;
            adopted->flags |= NODE_OPEN;
            count_open(b, adopted, true);
        } else if (fb_now >= 0) {
            push(b, adopted); /* the stack is full: grow it, then move the entry into place */
            if (!b->failed) {
                size_t at = (size_t)fb_now + 1;
                memmove(b->open + at + 1, b->open + at, (b->open_len - 1 - at) * sizeof *b->open);
                b->open[at] = adopted;
            }
        }
    }
}

/* ---- modes: shared steps ---- */

static void reset_insertion_mode(builder *b)
{
    size_t stop = b->open_len > b->scan_limit ? b->open_len - b->scan_limit : 0;
    for (size_t i = b->open_len; i > stop; i--) {
        onr_node *n = b->open[i - 1];
        bool last = i == 1;
        if (n->ns != ONR_NS_HTML)
            continue;
        switch (n->tag) {
        case ONR_TAG_SELECT:
            for (size_t j = i - 1; j > stop && !last; j--) {
                onr_node *a = b->open[j - 1];
                if (is_html(a, ONR_TAG_TEMPLATE))
                    break;
                if (is_html(a, ONR_TAG_TABLE)) {
                    b->mode = MODE_IN_SELECT_IN_TABLE;
                    return;
                }
            }
            b->mode = MODE_IN_SELECT;
            return;
        case ONR_TAG_TD:
        case ONR_TAG_TH:
            if (!last) {
                b->mode = MODE_IN_CELL;
                return;
            }
            break;
        case ONR_TAG_TR: b->mode = MODE_IN_ROW; return;
        case ONR_TAG_TBODY:
        case ONR_TAG_THEAD:
        case ONR_TAG_TFOOT: b->mode = MODE_IN_TABLE_BODY; return;
        case ONR_TAG_CAPTION: b->mode = MODE_IN_CAPTION; return;
        case ONR_TAG_COLGROUP: b->mode = MODE_IN_COLUMN_GROUP; return;
        case ONR_TAG_TABLE: b->mode = MODE_IN_TABLE; return;
        case ONR_TAG_TEMPLATE:
            b->mode = b->template_len ? (insertion_mode)b->template_modes[b->template_len - 1] : MODE_IN_BODY;
            return;
        case ONR_TAG_HEAD:
            if (!last) {
                b->mode = MODE_IN_HEAD;
                return;
            }
            break;
        case ONR_TAG_BODY: b->mode = MODE_IN_BODY; return;
        case ONR_TAG_FRAMESET: b->mode = MODE_IN_FRAMESET; return;
        case ONR_TAG_HTML: b->mode = b->head ? MODE_AFTER_HEAD : MODE_BEFORE_HEAD; return;
        default: break;
        }
    }
    b->mode = MODE_IN_BODY;
}

static void push_template_mode(builder *b, insertion_mode mode)
{
    if (b->template_len == b->template_cap) {
        uint8_t *grown = grow_array(b->doc->mem, b->template_modes, &b->template_cap, 1, 16);
        if (!grown) {
            b->failed = true;
            return;
        }
        b->template_modes = grown;
    }
    b->template_modes[b->template_len++] = (uint8_t)mode;
}

static void raw_text_element(builder *b, const html_token *t, html_text_state state)
{
    insert_element(b, t, ONR_NS_HTML);
    html_tokenizer_set_state(b->tokenizer, state);
    b->original_mode = b->mode;
    b->mode = MODE_TEXT;
}

/* The characters of `t` without U+0000 (in body and tables the spec drops them). */
static void drop_nuls(builder *b, html_token *t)
{
    if (!t->has_nul)
        return;
    onr_buf_clear(&b->scratch);
    for (size_t i = 0; i < t->data_len; i++)
        if (t->data[i])
            onr_buf_putc(&b->scratch, t->data[i]);
    if (b->scratch.failed) {
        b->failed = true;
        t->data_len = 0;
        return;
    }
    t->data = b->scratch.data ? b->scratch.data : "";
    t->data_len = b->scratch.len;
    t->has_nul = false;
}

static bool all_ws(const char *s, size_t len) { return leading_ws(s, len) == len; }

/* Handles leading white space of a character token with `ws`, and leaves the rest in `t`. Returns
 * whether anything is left. */
static bool take_leading_ws(builder *b, html_token *t, bool insert)
{
    size_t n = leading_ws(t->data, t->data_len);
    if (n && insert)
        insert_text(b, t->data, n, t->offset);
    t->data += n;
    t->data_len -= n;
    t->offset += n;
    return t->data_len > 0;
}

/* ---- the insertion modes ---- */

static bool doctype_is_quirky(const html_token *t)
{
    static const char *const quirky_prefixes[] = {
        "+//silmaril//", "-//as//", "-//advasoft", "-//ietf//dtd html", "-//metrius//",
        "-//microsoft//dtd internet explorer", "-//netscape comm. corp.//", "-//o'reilly and associates//",
        "-//sq//", "-//softquad", "-//spyglass//", "-//sun microsystems corp.//", "-//w3c//dtd html 3",
        "-//w3c//dtd html 4.0 frameset//", "-//w3c//dtd html 4.0 transitional//", "-//w3c//dtd html experimental",
        "-//w3c//dtd w3 html//", "-//w3o//dtd w3 html 3.0//", "-//webtechs//dtd mozilla html",
    };
    if (t->force_quirks || !t->name || !name_is(t->name, t->name_len, "html"))
        return true;
    if (t->public_id) {
        const char *p = t->public_id;
        size_t len = t->public_id_len;
        if (onr_ascii_ieq(p, len, "html", 4) || onr_ascii_ieq(p, len, "-//w3o//dtd w3 html strict 3.0//en//", 36) ||
            onr_ascii_ieq(p, len, "-/w3c/dtd html 4.0 transitional/en", 34))
            return true;
        for (size_t i = 0; i < sizeof quirky_prefixes / sizeof quirky_prefixes[0]; i++) {
            size_t n = strlen(quirky_prefixes[i]);
            if (len >= n && onr_ascii_ieq(p, n, quirky_prefixes[i], n))
                return true;
        }
        if (!t->system_id && len >= 32 &&
            (onr_ascii_ieq(p, 32, "-//w3c//dtd html 4.01 frameset//", 32) ||
             (len >= 36 && onr_ascii_ieq(p, 36, "-//w3c//dtd html 4.01 transitional//", 36))))
            return true;
    }
    if (t->system_id && onr_ascii_ieq(t->system_id, t->system_id_len,
                                      "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd", 58))
        return true;
    return false;
}

static void insert_doctype(builder *b, const html_token *t)
{
    onr_node *n = new_node(b, ONR_NODE_DOCTYPE, t->offset);
    n->name = t->name ? keep_string(b, t->name, t->name_len) : "";
    n->name_len = t->name ? t->name_len : 0;
    html_attr *ids = arena_alloc(b, 2 * sizeof *ids);
    if (ids) {
        uint32_t count = 0;
        if (t->public_id)
            ids[count++] = (html_attr){"public", 6, keep_string(b, t->public_id, t->public_id_len), t->public_id_len};
        if (t->system_id)
            ids[count++] = (html_attr){"system", 6, keep_string(b, t->system_id, t->system_id_len), t->system_id_len};
        n->attrs = ids;
        n->attr_count = count;
    }
    append_child(&b->doc->root, n);
}

static void mode_initial(builder *b, html_token *t)
{
    if (t->kind == HTML_TOKEN_CHARACTERS && !take_leading_ws(b, t, false))
        return;
    if (t->kind == HTML_TOKEN_COMMENT) {
        insert_comment(b, t, &b->doc->root);
        return;
    }
    if (t->kind == HTML_TOKEN_DOCTYPE) {
        insert_doctype(b, t);
        b->quirks = doctype_is_quirky(t);
        b->mode = MODE_BEFORE_HTML;
        return;
    }
    b->quirks = true;
    b->mode = MODE_BEFORE_HTML;
    process(b, t);
}

static bool is_end_of(const html_token *t, onr_tag a, onr_tag bb, onr_tag c, onr_tag d)
{
    return t->kind == HTML_TOKEN_END_TAG && (t->tag == a || t->tag == bb || t->tag == c || t->tag == d);
}

static void mode_before_html(builder *b, html_token *t)
{
    switch (t->kind) {
    case HTML_TOKEN_DOCTYPE: return;
    case HTML_TOKEN_COMMENT: insert_comment(b, t, &b->doc->root); return;
    case HTML_TOKEN_CHARACTERS:
        if (!take_leading_ws(b, t, false))
            return;
        break;
    case HTML_TOKEN_START_TAG:
        if (t->tag == ONR_TAG_HTML) {
            onr_node *n = create_element(b, t, ONR_NS_HTML);
            append_child(&b->doc->root, n);
            push(b, n);
            b->mode = MODE_BEFORE_HEAD;
            return;
        }
        break;
    case HTML_TOKEN_END_TAG:
        if (!is_end_of(t, ONR_TAG_HEAD, ONR_TAG_BODY, ONR_TAG_HTML, ONR_TAG_BR))
            return;
        break;
    case HTML_TOKEN_EOF: break;
    }
    onr_node *html = new_node(b, ONR_NODE_ELEMENT, t->offset);
    html->tag = ONR_TAG_HTML;
    html->name = "html";
    html->name_len = 4;
    append_child(&b->doc->root, html);
    push(b, html);
    b->mode = MODE_BEFORE_HEAD;
    process(b, t);
}

static void mode_before_head(builder *b, html_token *t)
{
    switch (t->kind) {
    case HTML_TOKEN_CHARACTERS:
        if (!take_leading_ws(b, t, false))
            return;
        break;
    case HTML_TOKEN_COMMENT: insert_comment(b, t, NULL); return;
    case HTML_TOKEN_DOCTYPE: return;
    case HTML_TOKEN_START_TAG:
        if (t->tag == ONR_TAG_HTML) {
            process_in(b, MODE_IN_BODY, t);
            return;
        }
        if (t->tag == ONR_TAG_HEAD) {
            b->head = insert_element(b, t, ONR_NS_HTML);
            b->mode = MODE_IN_HEAD;
            return;
        }
        break;
    case HTML_TOKEN_END_TAG:
        if (!is_end_of(t, ONR_TAG_HEAD, ONR_TAG_BODY, ONR_TAG_HTML, ONR_TAG_BR))
            return;
        break;
    case HTML_TOKEN_EOF: break;
    }
    b->head = insert_implied(b, ONR_TAG_HEAD, t->offset);
    b->mode = MODE_IN_HEAD;
    process(b, t);
}

static void end_template(builder *b)
{
    if (!b->open_templates)
        return;
    generate_all_implied_end_tags(b);
    pop_until_tag(b, ONR_TAG_TEMPLATE);
    clear_formatting_to_marker(b);
    if (b->template_len)
        b->template_len--;
    reset_insertion_mode(b);
}

/* The in-head rules for a start tag; false when the tag is not one of them. */
static bool in_head_start_tag(builder *b, html_token *t)
{
    switch (t->tag) {
    case ONR_TAG_BASE:
    case ONR_TAG_BASEFONT:
    case ONR_TAG_BGSOUND:
    case ONR_TAG_LINK:
    case ONR_TAG_META:
        insert_element(b, t, ONR_NS_HTML);
        pop(b);
        return true;
    case ONR_TAG_TITLE: raw_text_element(b, t, HTML_STATE_RCDATA); return true;
    case ONR_TAG_NOFRAMES:
    case ONR_TAG_STYLE: raw_text_element(b, t, HTML_STATE_RAWTEXT); return true;
    case ONR_TAG_SCRIPT: raw_text_element(b, t, HTML_STATE_SCRIPT); return true;
    case ONR_TAG_TEMPLATE:
        insert_element(b, t, ONR_NS_HTML);
        push_marker(b);
        b->frameset_ok = false;
        b->mode = MODE_IN_TEMPLATE;
        push_template_mode(b, MODE_IN_TEMPLATE);
        return true;
    default: return false;
    }
}

static void mode_in_head(builder *b, html_token *t)
{
    switch (t->kind) {
    case HTML_TOKEN_CHARACTERS:
        if (!take_leading_ws(b, t, true))
            return;
        break;
    case HTML_TOKEN_COMMENT: insert_comment(b, t, NULL); return;
    case HTML_TOKEN_DOCTYPE: return;
    case HTML_TOKEN_START_TAG:
        if (t->tag == ONR_TAG_HTML) {
            process_in(b, MODE_IN_BODY, t);
            return;
        }
        if (in_head_start_tag(b, t))
            return;
        if (t->tag == ONR_TAG_NOSCRIPT) {
            insert_element(b, t, ONR_NS_HTML);
            b->mode = MODE_IN_HEAD_NOSCRIPT;
            return;
        }
        if (t->tag == ONR_TAG_HEAD)
            return;
        break;
    case HTML_TOKEN_END_TAG:
        if (t->tag == ONR_TAG_HEAD) {
            pop(b);
            b->mode = MODE_AFTER_HEAD;
            return;
        }
        if (t->tag == ONR_TAG_TEMPLATE) {
            end_template(b);
            return;
        }
        if (!is_end_of(t, ONR_TAG_BODY, ONR_TAG_HTML, ONR_TAG_BR, ONR_TAG_BR))
            return;
        break;
    case HTML_TOKEN_EOF: break;
    }
    pop(b);
    b->mode = MODE_AFTER_HEAD;
    process(b, t);
}

static void mode_in_head_noscript(builder *b, html_token *t)
{
    switch (t->kind) {
    case HTML_TOKEN_DOCTYPE: return;
    case HTML_TOKEN_COMMENT: process_in(b, MODE_IN_HEAD, t); return;
    case HTML_TOKEN_CHARACTERS:
        if (!take_leading_ws(b, t, true))
            return;
        break;
    case HTML_TOKEN_START_TAG:
        switch (t->tag) {
        case ONR_TAG_HTML: process_in(b, MODE_IN_BODY, t); return;
        case ONR_TAG_BASEFONT:
        case ONR_TAG_BGSOUND:
        case ONR_TAG_LINK:
        case ONR_TAG_META:
        case ONR_TAG_NOFRAMES:
        case ONR_TAG_STYLE: process_in(b, MODE_IN_HEAD, t); return;
        case ONR_TAG_HEAD:
        case ONR_TAG_NOSCRIPT: return;
        default: break;
        }
        break;
    case HTML_TOKEN_END_TAG:
        if (t->tag == ONR_TAG_NOSCRIPT) {
            pop(b);
            b->mode = MODE_IN_HEAD;
            return;
        }
        if (t->tag != ONR_TAG_BR)
            return;
        break;
    case HTML_TOKEN_EOF: break;
    }
    pop(b);
    b->mode = MODE_IN_HEAD;
    process(b, t);
}

static void mode_after_head(builder *b, html_token *t)
{
    switch (t->kind) {
    case HTML_TOKEN_CHARACTERS:
        if (!take_leading_ws(b, t, true))
            return;
        break;
    case HTML_TOKEN_COMMENT: insert_comment(b, t, NULL); return;
    case HTML_TOKEN_DOCTYPE: return;
    case HTML_TOKEN_START_TAG:
        switch (t->tag) {
        case ONR_TAG_HTML: process_in(b, MODE_IN_BODY, t); return;
        case ONR_TAG_BODY:
            insert_element(b, t, ONR_NS_HTML);
            b->frameset_ok = false;
            b->mode = MODE_IN_BODY;
            return;
        case ONR_TAG_FRAMESET:
            insert_element(b, t, ONR_NS_HTML);
            b->mode = MODE_IN_FRAMESET;
            return;
        case ONR_TAG_BASE:
        case ONR_TAG_BASEFONT:
        case ONR_TAG_BGSOUND:
        case ONR_TAG_LINK:
        case ONR_TAG_META:
        case ONR_TAG_NOFRAMES:
        case ONR_TAG_SCRIPT:
        case ONR_TAG_STYLE:
        case ONR_TAG_TEMPLATE:
        case ONR_TAG_TITLE:
            if (b->head) {
                onr_node *head = b->head;
                push(b, head);
                process_in(b, MODE_IN_HEAD, t);
                remove_from_stack(b, head);
            }
            return;
        case ONR_TAG_HEAD: return;
        default: break;
        }
        break;
    case HTML_TOKEN_END_TAG:
        if (t->tag == ONR_TAG_TEMPLATE) {
            process_in(b, MODE_IN_HEAD, t);
            return;
        }
        if (!is_end_of(t, ONR_TAG_BODY, ONR_TAG_HTML, ONR_TAG_BR, ONR_TAG_BR))
            return;
        break;
    case HTML_TOKEN_EOF: break;
    }
    insert_implied(b, ONR_TAG_BODY, t->offset);
    b->mode = MODE_IN_BODY;
    process(b, t);
}

/* Adds the token's attributes that `n` lacks (for a second <html> or <body>). */
static void merge_attributes(builder *b, onr_node *n, const html_token *t, unsigned max_attributes)
{
    size_t count = n->attr_count;
    if (!t->attr_count || count >= max_attributes)
        return;
    html_attr *merged = arena_alloc(b, (count + t->attr_count) * sizeof *merged);
    if (!merged)
        return;
    if (count)
        memcpy(merged, n->attrs, count * sizeof *merged);
    for (size_t i = 0; i < t->attr_count && count < max_attributes; i++) {
        const html_attr *a = &t->attrs[i];
        bool present = false;
        for (size_t j = 0; j < n->attr_count && !present; j++)
            present = merged[j].name_len == a->name_len && !memcmp(merged[j].name, a->name, a->name_len);
        if (present)
            continue;
        merged[count].name = keep_string(b, a->name, a->name_len);
        merged[count].name_len = a->name_len;
        merged[count].value = keep_string(b, a->value, a->value_len);
        merged[count].value_len = a->value_len;
        count++;
    }
    n->attrs = merged;
    n->attr_count = (uint16_t)count;
}

static void body_characters(builder *b, html_token *t)
{
    drop_nuls(b, t);
    if (!t->data_len)
        return;
    if (b->skip_newline) {
        b->skip_newline = false;
        if (t->data[0] == '\n') {
            t->data++;
            t->data_len--;
            t->offset++;
            if (!t->data_len)
                return;
        }
    }
    reconstruct_formatting(b);
    insert_text(b, t->data, t->data_len, t->offset);
    if (b->frameset_ok && !all_ws(t->data, t->data_len))
        b->frameset_ok = false;
}

static void start_list_item(builder *b, html_token *t)
{
    b->frameset_ok = false;
    size_t stop = b->open_len > b->scan_limit ? b->open_len - b->scan_limit : 0;
    for (size_t i = b->open_len; i > stop; i--) {
        onr_node *n = b->open[i - 1];
        bool match = t->tag == ONR_TAG_LI ? is_html(n, ONR_TAG_LI) : (is_html(n, ONR_TAG_DD) || is_html(n, ONR_TAG_DT));
        if (match) {
            generate_implied_end_tags(b, n->tag);
            pop_until_node(b, n);
            break;
        }
        if (is_special(n) && !is_html(n, ONR_TAG_ADDRESS) && !is_html(n, ONR_TAG_DIV) && !is_html(n, ONR_TAG_P))
            break;
    }
    close_p_if_in_button_scope(b);
    insert_element(b, t, ONR_NS_HTML);
}

static void start_foreign_root(builder *b, html_token *t, onr_namespace ns)
{
    reconstruct_formatting(b);
    insert_element(b, t, ns);
    if (t->self_closing)
        pop(b);
}

static void body_start_tag(builder *b, html_token *t)
{
    onr_tag tag = t->tag;
    unsigned props = tag_props[tag];
    if (props & P_CLOSES_P) {
        close_p_if_in_button_scope(b);
        insert_element(b, t, ONR_NS_HTML);
        return;
    }
    switch (tag) {
    case ONR_TAG_HTML:
        if (!b->open_templates && b->open_len)
            merge_attributes(b, b->open[0], t, b->max_attributes);
        return;
    case ONR_TAG_BASE:
    case ONR_TAG_BASEFONT:
    case ONR_TAG_BGSOUND:
    case ONR_TAG_LINK:
    case ONR_TAG_META:
    case ONR_TAG_NOFRAMES:
    case ONR_TAG_SCRIPT:
    case ONR_TAG_STYLE:
    case ONR_TAG_TEMPLATE:
    case ONR_TAG_TITLE: in_head_start_tag(b, t); return;
    case ONR_TAG_BODY:
        if (b->open_len < 2 || !is_html(b->open[1], ONR_TAG_BODY) || b->open_templates)
            return;
        b->frameset_ok = false;
        merge_attributes(b, b->open[1], t, b->max_attributes);
        return;
    case ONR_TAG_FRAMESET:
        if (b->open_len < 2 || !is_html(b->open[1], ONR_TAG_BODY) || !b->frameset_ok)
            return;
        detach(b->open[1]);
        while (b->open_len > 1)
            pop(b);
        insert_element(b, t, ONR_NS_HTML);
        b->mode = MODE_IN_FRAMESET;
        return;
    case ONR_TAG_H1:
    case ONR_TAG_H2:
    case ONR_TAG_H3:
    case ONR_TAG_H4:
    case ONR_TAG_H5:
    case ONR_TAG_H6:
        close_p_if_in_button_scope(b);
        if (props_of(current(b)) & P_HEADING)
            pop(b);
        insert_element(b, t, ONR_NS_HTML);
        return;
    case ONR_TAG_PRE:
    case ONR_TAG_LISTING:
        close_p_if_in_button_scope(b);
        insert_element(b, t, ONR_NS_HTML);
        b->skip_newline = true;
        b->frameset_ok = false;
        return;
    case ONR_TAG_FORM:
        if (b->form && !b->open_templates)
            return;
        close_p_if_in_button_scope(b);
        {
            onr_node *form = insert_element(b, t, ONR_NS_HTML);
            if (!b->open_templates)
                b->form = form;
        }
        return;
    case ONR_TAG_LI:
    case ONR_TAG_DD:
    case ONR_TAG_DT: start_list_item(b, t); return;
    case ONR_TAG_PLAINTEXT:
        close_p_if_in_button_scope(b);
        insert_element(b, t, ONR_NS_HTML);
        html_tokenizer_set_state(b->tokenizer, HTML_STATE_PLAINTEXT);
        return;
    case ONR_TAG_BUTTON:
        if (in_scope(b, ONR_TAG_BUTTON, NULL, SCOPE_DEFAULT)) {
            generate_implied_end_tags(b, ONR_TAG__COUNT);
            pop_until_tag(b, ONR_TAG_BUTTON);
        }
        reconstruct_formatting(b);
        insert_element(b, t, ONR_NS_HTML);
        b->frameset_ok = false;
        return;
    case ONR_TAG_A:
        for (size_t i = b->formatting_len; i > 0; i--) {
            onr_node *e = b->formatting[i - 1];
            if (!e)
                break;
            if (is_html(e, ONR_TAG_A)) {
                html_token end = *t;
                end.kind = HTML_TOKEN_END_TAG;
                adoption_agency(b, &end);
                long at = formatting_index(b, e);
                if (at >= 0)
                    formatting_remove_at(b, (size_t)at);
                remove_from_stack(b, e);
                break;
            }
        }
        reconstruct_formatting(b);
        push_formatting(b, insert_element(b, t, ONR_NS_HTML));
        return;
    case ONR_TAG_NOBR:
        reconstruct_formatting(b);
        if (in_scope(b, ONR_TAG_NOBR, NULL, SCOPE_DEFAULT)) {
            html_token end = *t;
            end.kind = HTML_TOKEN_END_TAG;
            adoption_agency(b, &end);
            reconstruct_formatting(b);
        }
        push_formatting(b, insert_element(b, t, ONR_NS_HTML));
        return;
    case ONR_TAG_APPLET:
    case ONR_TAG_MARQUEE:
    case ONR_TAG_OBJECT:
        reconstruct_formatting(b);
        insert_element(b, t, ONR_NS_HTML);
        push_marker(b);
        b->frameset_ok = false;
        return;
    case ONR_TAG_TABLE:
        if (!b->quirks)
            close_p_if_in_button_scope(b);
        insert_element(b, t, ONR_NS_HTML);
        b->frameset_ok = false;
        b->mode = MODE_IN_TABLE;
        return;
    case ONR_TAG_AREA:
    case ONR_TAG_BR:
    case ONR_TAG_EMBED:
    case ONR_TAG_IMG:
    case ONR_TAG_KEYGEN:
    case ONR_TAG_WBR:
    case ONR_TAG_INPUT:
        reconstruct_formatting(b);
        insert_element(b, t, ONR_NS_HTML);
        pop(b);
        if (tag == ONR_TAG_INPUT) {
            const html_attr *type = token_attribute(t, "type");
            if (type && onr_ascii_ieq(type->value, type->value_len, "hidden", 6))
                return;
        }
        b->frameset_ok = false;
        return;
    case ONR_TAG_PARAM:
    case ONR_TAG_SOURCE:
    case ONR_TAG_TRACK:
        insert_element(b, t, ONR_NS_HTML);
        pop(b);
        return;
    case ONR_TAG_HR:
        close_p_if_in_button_scope(b);
        insert_element(b, t, ONR_NS_HTML);
        pop(b);
        b->frameset_ok = false;
        return;
    case ONR_TAG_IMAGE:
        t->tag = ONR_TAG_IMG;
        t->name = "img";
        t->name_len = 3;
        process(b, t);
        return;
    case ONR_TAG_TEXTAREA:
        insert_element(b, t, ONR_NS_HTML);
        html_tokenizer_set_state(b->tokenizer, HTML_STATE_RCDATA);
        b->skip_newline = true;
        b->original_mode = b->mode;
        b->frameset_ok = false;
        b->mode = MODE_TEXT;
        return;
    case ONR_TAG_XMP:
        close_p_if_in_button_scope(b);
        reconstruct_formatting(b);
        b->frameset_ok = false;
        raw_text_element(b, t, HTML_STATE_RAWTEXT);
        return;
    case ONR_TAG_IFRAME:
        b->frameset_ok = false;
        raw_text_element(b, t, HTML_STATE_RAWTEXT);
        return;
    case ONR_TAG_NOEMBED: raw_text_element(b, t, HTML_STATE_RAWTEXT); return;
    case ONR_TAG_SELECT:
        reconstruct_formatting(b);
        insert_element(b, t, ONR_NS_HTML);
        b->frameset_ok = false;
        b->mode = (b->mode == MODE_IN_TABLE || b->mode == MODE_IN_CAPTION || b->mode == MODE_IN_TABLE_BODY ||
                   b->mode == MODE_IN_ROW || b->mode == MODE_IN_CELL)
                      ? MODE_IN_SELECT_IN_TABLE
                      : MODE_IN_SELECT;
        return;
    case ONR_TAG_OPTGROUP:
    case ONR_TAG_OPTION:
        if (is_html(current(b), ONR_TAG_OPTION))
            pop(b);
        reconstruct_formatting(b);
        insert_element(b, t, ONR_NS_HTML);
        return;
    case ONR_TAG_RB:
    case ONR_TAG_RTC:
        if (in_scope(b, ONR_TAG_RUBY, NULL, SCOPE_DEFAULT))
            generate_implied_end_tags(b, ONR_TAG__COUNT);
        insert_element(b, t, ONR_NS_HTML);
        return;
    case ONR_TAG_RP:
    case ONR_TAG_RT:
        if (in_scope(b, ONR_TAG_RUBY, NULL, SCOPE_DEFAULT))
            generate_implied_end_tags(b, ONR_TAG_RTC);
        insert_element(b, t, ONR_NS_HTML);
        return;
    case ONR_TAG_MATH: start_foreign_root(b, t, ONR_NS_MATHML); return;
    case ONR_TAG_SVG: start_foreign_root(b, t, ONR_NS_SVG); return;
    case ONR_TAG_CAPTION:
    case ONR_TAG_COL:
    case ONR_TAG_COLGROUP:
    case ONR_TAG_FRAME:
    case ONR_TAG_HEAD:
    case ONR_TAG_TBODY:
    case ONR_TAG_TD:
    case ONR_TAG_TFOOT:
    case ONR_TAG_TH:
    case ONR_TAG_THEAD:
    case ONR_TAG_TR: return;
    default:
        reconstruct_formatting(b);
        if (props & P_FORMATTING)
            push_formatting(b, insert_element(b, t, ONR_NS_HTML));
        else
            insert_element(b, t, ONR_NS_HTML);
        return;
    }
}

static void close_block(builder *b, onr_tag tag)
{
    if (!in_scope(b, tag, NULL, SCOPE_DEFAULT))
        return;
    generate_implied_end_tags(b, ONR_TAG__COUNT);
    pop_until_tag(b, tag);
}

static void body_end_tag(builder *b, html_token *t)
{
    onr_tag tag = t->tag;
    switch (tag) {
    case ONR_TAG_TEMPLATE: end_template(b); return;
    case ONR_TAG_BODY:
    case ONR_TAG_HTML:
        if (!in_scope(b, ONR_TAG_BODY, NULL, SCOPE_DEFAULT))
            return;
        b->mode = MODE_AFTER_BODY;
        if (tag == ONR_TAG_HTML)
            process(b, t);
        return;
    case ONR_TAG_ADDRESS:
    case ONR_TAG_ARTICLE:
    case ONR_TAG_ASIDE:
    case ONR_TAG_BLOCKQUOTE:
    case ONR_TAG_BUTTON:
    case ONR_TAG_CENTER:
    case ONR_TAG_DETAILS:
    case ONR_TAG_DIALOG:
    case ONR_TAG_DIR:
    case ONR_TAG_DIV:
    case ONR_TAG_DL:
    case ONR_TAG_FIELDSET:
    case ONR_TAG_FIGCAPTION:
    case ONR_TAG_FIGURE:
    case ONR_TAG_FOOTER:
    case ONR_TAG_HEADER:
    case ONR_TAG_HGROUP:
    case ONR_TAG_LISTING:
    case ONR_TAG_MAIN:
    case ONR_TAG_MENU:
    case ONR_TAG_NAV:
    case ONR_TAG_OL:
    case ONR_TAG_PRE:
    case ONR_TAG_SEARCH:
    case ONR_TAG_SECTION:
    case ONR_TAG_SUMMARY:
    case ONR_TAG_UL: close_block(b, tag); return;
    case ONR_TAG_FORM:
        if (!b->open_templates) {
            onr_node *form = b->form;
            b->form = NULL;
            if (!form || !in_scope(b, ONR_TAG_UNKNOWN, form, SCOPE_DEFAULT))
                return;
            generate_implied_end_tags(b, ONR_TAG__COUNT);
            remove_from_stack(b, form);
        } else {
            close_block(b, ONR_TAG_FORM);
        }
        return;
    case ONR_TAG_P:
        if (!in_scope(b, ONR_TAG_P, NULL, SCOPE_BUTTON))
            insert_implied(b, ONR_TAG_P, t->offset);
        close_p(b);
        return;
    case ONR_TAG_LI:
        if (!in_scope(b, ONR_TAG_LI, NULL, SCOPE_LIST_ITEM))
            return;
        generate_implied_end_tags(b, ONR_TAG_LI);
        pop_until_tag(b, ONR_TAG_LI);
        return;
    case ONR_TAG_DD:
    case ONR_TAG_DT:
        if (!in_scope(b, tag, NULL, SCOPE_DEFAULT))
            return;
        generate_implied_end_tags(b, tag);
        pop_until_tag(b, tag);
        return;
    case ONR_TAG_H1:
    case ONR_TAG_H2:
    case ONR_TAG_H3:
    case ONR_TAG_H4:
    case ONR_TAG_H5:
    case ONR_TAG_H6:
        if (!heading_in_scope(b))
            return;
        generate_implied_end_tags(b, ONR_TAG__COUNT);
        while (b->open_len) {
            onr_node *n = current(b);
            pop(b);
            if (props_of(n) & P_HEADING)
                return;
        }
        return;
    case ONR_TAG_APPLET:
    case ONR_TAG_MARQUEE:
    case ONR_TAG_OBJECT:
        if (!in_scope(b, tag, NULL, SCOPE_DEFAULT))
            return;
        generate_implied_end_tags(b, ONR_TAG__COUNT);
        pop_until_tag(b, tag);
        clear_formatting_to_marker(b);
        return;
    case ONR_TAG_BR: {
        html_token start = *t;
        start.kind = HTML_TOKEN_START_TAG;
        start.attr_count = 0;
        body_start_tag(b, &start);
        return;
    }
    default:
        if (tag_props[tag] & P_FORMATTING)
            adoption_agency(b, t);
        else
            any_other_end_tag(b, t);
        return;
    }
}

static void stop_parsing(builder *b)
{
    while (b->open_len)
        pop(b);
}

static void mode_in_body(builder *b, html_token *t)
{
    switch (t->kind) {
    case HTML_TOKEN_CHARACTERS: body_characters(b, t); return;
    case HTML_TOKEN_COMMENT: insert_comment(b, t, NULL); return;
    case HTML_TOKEN_DOCTYPE: return;
    case HTML_TOKEN_START_TAG: body_start_tag(b, t); return;
    case HTML_TOKEN_END_TAG: body_end_tag(b, t); return;
    case HTML_TOKEN_EOF:
        if (b->template_len)
            process_in(b, MODE_IN_TEMPLATE, t);
        else
            stop_parsing(b);
        return;
    }
}

static void mode_text(builder *b, html_token *t)
{
    switch (t->kind) {
    case HTML_TOKEN_CHARACTERS:
        if (b->skip_newline) {
            b->skip_newline = false;
            if (t->data[0] == '\n') {
                t->data++;
                t->data_len--;
                t->offset++;
            }
        }
        insert_text(b, t->data, t->data_len, t->offset);
        return;
    case HTML_TOKEN_EOF:
        pop(b);
        b->mode = b->original_mode;
        process(b, t);
        return;
    case HTML_TOKEN_END_TAG:
        pop(b);
        b->mode = b->original_mode;
        return;
    default: return;
    }
}

static bool current_is_table_like(builder *b)
{
    const onr_node *n = current(b);
    return n->ns == ONR_NS_HTML && (n->tag == ONR_TAG_TABLE || n->tag == ONR_TAG_TBODY || n->tag == ONR_TAG_TEMPLATE ||
                                    n->tag == ONR_TAG_TFOOT || n->tag == ONR_TAG_THEAD || n->tag == ONR_TAG_TR);
}

static void clear_to_context(builder *b, onr_tag a, onr_tag bb, onr_tag c)
{
    while (b->open_len) {
        const onr_node *n = current(b);
        if (n->ns == ONR_NS_HTML &&
            (n->tag == a || n->tag == bb || n->tag == c || n->tag == ONR_TAG_TEMPLATE || n->tag == ONR_TAG_HTML))
            return;
        pop(b);
    }
}

static void clear_to_table(builder *b) { clear_to_context(b, ONR_TAG_TABLE, ONR_TAG_TABLE, ONR_TAG_TABLE); }
static void clear_to_table_body(builder *b) { clear_to_context(b, ONR_TAG_TBODY, ONR_TAG_TFOOT, ONR_TAG_THEAD); }
static void clear_to_row(builder *b) { clear_to_context(b, ONR_TAG_TR, ONR_TAG_TR, ONR_TAG_TR); }

static void in_table_anything_else(builder *b, html_token *t)
{
    bool saved = b->foster_parenting;
    b->foster_parenting = true;
    process_in(b, MODE_IN_BODY, t);
    b->foster_parenting = saved;
}

static bool close_table(builder *b)
{
    if (!in_scope(b, ONR_TAG_TABLE, NULL, SCOPE_TABLE))
        return false;
    pop_until_tag(b, ONR_TAG_TABLE);
    reset_insertion_mode(b);
    return true;
}

static void mode_in_table(builder *b, html_token *t)
{
    switch (t->kind) {
    case HTML_TOKEN_CHARACTERS:
        if (current_is_table_like(b)) {
            onr_buf_clear(&b->pending);
            b->pending_visible = false;
            b->pending_offset = t->offset;
            b->original_mode = b->mode;
            b->mode = MODE_IN_TABLE_TEXT;
            process(b, t);
            return;
        }
        break;
    case HTML_TOKEN_COMMENT: insert_comment(b, t, NULL); return;
    case HTML_TOKEN_DOCTYPE: return;
    case HTML_TOKEN_START_TAG:
        switch (t->tag) {
        case ONR_TAG_CAPTION:
            clear_to_table(b);
            push_marker(b);
            insert_element(b, t, ONR_NS_HTML);
            b->mode = MODE_IN_CAPTION;
            return;
        case ONR_TAG_COLGROUP:
            clear_to_table(b);
            insert_element(b, t, ONR_NS_HTML);
            b->mode = MODE_IN_COLUMN_GROUP;
            return;
        case ONR_TAG_COL:
            clear_to_table(b);
            insert_implied(b, ONR_TAG_COLGROUP, t->offset);
            b->mode = MODE_IN_COLUMN_GROUP;
            process(b, t);
            return;
        case ONR_TAG_TBODY:
        case ONR_TAG_TFOOT:
        case ONR_TAG_THEAD:
            clear_to_table(b);
            insert_element(b, t, ONR_NS_HTML);
            b->mode = MODE_IN_TABLE_BODY;
            return;
        case ONR_TAG_TD:
        case ONR_TAG_TH:
        case ONR_TAG_TR:
            clear_to_table(b);
            insert_implied(b, ONR_TAG_TBODY, t->offset);
            b->mode = MODE_IN_TABLE_BODY;
            process(b, t);
            return;
        case ONR_TAG_TABLE:
            if (close_table(b))
                process(b, t);
            return;
        case ONR_TAG_STYLE:
        case ONR_TAG_SCRIPT:
        case ONR_TAG_TEMPLATE: process_in(b, MODE_IN_HEAD, t); return;
        case ONR_TAG_INPUT: {
            const html_attr *type = token_attribute(t, "type");
            if (!type || !onr_ascii_ieq(type->value, type->value_len, "hidden", 6))
                break;
            insert_element(b, t, ONR_NS_HTML);
            pop(b);
            return;
        }
        case ONR_TAG_FORM:
            if (b->open_templates || b->form)
                return;
            b->form = insert_element(b, t, ONR_NS_HTML);
            pop(b);
            return;
        default: break;
        }
        break;
    case HTML_TOKEN_END_TAG:
        switch (t->tag) {
        case ONR_TAG_TABLE: close_table(b); return;
        case ONR_TAG_BODY:
        case ONR_TAG_CAPTION:
        case ONR_TAG_COL:
        case ONR_TAG_COLGROUP:
        case ONR_TAG_HTML:
        case ONR_TAG_TBODY:
        case ONR_TAG_TD:
        case ONR_TAG_TFOOT:
        case ONR_TAG_TH:
        case ONR_TAG_THEAD:
        case ONR_TAG_TR: return;
        case ONR_TAG_TEMPLATE: process_in(b, MODE_IN_HEAD, t); return;
        default: break;
        }
        break;
    case HTML_TOKEN_EOF: process_in(b, MODE_IN_BODY, t); return;
    }
    in_table_anything_else(b, t);
}

static void flush_pending_text(builder *b)
{
    if (!b->pending.len)
        return;
    html_token chars;
    memset(&chars, 0, sizeof chars);
    chars.kind = HTML_TOKEN_CHARACTERS;
    chars.data = b->pending.data;
    chars.data_len = b->pending.len;
    chars.offset = b->pending_offset;
    if (b->pending_visible) {
        in_table_anything_else(b, &chars);
    } else {
        insert_text(b, chars.data, chars.data_len, chars.offset);
    }
    onr_buf_clear(&b->pending);
}

static void mode_in_table_text(builder *b, html_token *t)
{
    if (t->kind == HTML_TOKEN_CHARACTERS) {
        drop_nuls(b, t);
        onr_buf_append(&b->pending, t->data, t->data_len);
        if (b->pending.failed)
            b->failed = true;
        if (!b->pending_visible && !all_ws(t->data, t->data_len))
            b->pending_visible = true;
        return;
    }
    flush_pending_text(b);
    b->mode = b->original_mode;
    process(b, t);
}

static bool close_caption(builder *b)
{
    if (!in_scope(b, ONR_TAG_CAPTION, NULL, SCOPE_TABLE))
        return false;
    generate_implied_end_tags(b, ONR_TAG__COUNT);
    pop_until_tag(b, ONR_TAG_CAPTION);
    clear_formatting_to_marker(b);
    b->mode = MODE_IN_TABLE;
    return true;
}

static void mode_in_caption(builder *b, html_token *t)
{
    if (t->kind == HTML_TOKEN_END_TAG && t->tag == ONR_TAG_CAPTION) {
        close_caption(b);
        return;
    }
    if ((t->kind == HTML_TOKEN_START_TAG &&
         (t->tag == ONR_TAG_CAPTION || t->tag == ONR_TAG_COL || t->tag == ONR_TAG_COLGROUP || t->tag == ONR_TAG_TBODY ||
          t->tag == ONR_TAG_TD || t->tag == ONR_TAG_TFOOT || t->tag == ONR_TAG_TH || t->tag == ONR_TAG_THEAD ||
          t->tag == ONR_TAG_TR)) ||
        (t->kind == HTML_TOKEN_END_TAG && t->tag == ONR_TAG_TABLE)) {
        if (close_caption(b))
            process(b, t);
        return;
    }
    if (t->kind == HTML_TOKEN_END_TAG &&
        (t->tag == ONR_TAG_BODY || t->tag == ONR_TAG_COL || t->tag == ONR_TAG_COLGROUP || t->tag == ONR_TAG_HTML ||
         t->tag == ONR_TAG_TBODY || t->tag == ONR_TAG_TD || t->tag == ONR_TAG_TFOOT || t->tag == ONR_TAG_TH ||
         t->tag == ONR_TAG_THEAD || t->tag == ONR_TAG_TR))
        return;
    process_in(b, MODE_IN_BODY, t);
}

static void mode_in_column_group(builder *b, html_token *t)
{
    switch (t->kind) {
    case HTML_TOKEN_CHARACTERS:
        if (!take_leading_ws(b, t, true))
            return;
        break;
    case HTML_TOKEN_COMMENT: insert_comment(b, t, NULL); return;
    case HTML_TOKEN_DOCTYPE: return;
    case HTML_TOKEN_START_TAG:
        if (t->tag == ONR_TAG_HTML) {
            process_in(b, MODE_IN_BODY, t);
            return;
        }
        if (t->tag == ONR_TAG_COL) {
            insert_element(b, t, ONR_NS_HTML);
            pop(b);
            return;
        }
        if (t->tag == ONR_TAG_TEMPLATE) {
            process_in(b, MODE_IN_HEAD, t);
            return;
        }
        break;
    case HTML_TOKEN_END_TAG:
        if (t->tag == ONR_TAG_COLGROUP) {
            if (is_html(current(b), ONR_TAG_COLGROUP)) {
                pop(b);
                b->mode = MODE_IN_TABLE;
            }
            return;
        }
        if (t->tag == ONR_TAG_COL)
            return;
        if (t->tag == ONR_TAG_TEMPLATE) {
            process_in(b, MODE_IN_HEAD, t);
            return;
        }
        break;
    case HTML_TOKEN_EOF: process_in(b, MODE_IN_BODY, t); return;
    }
    if (!is_html(current(b), ONR_TAG_COLGROUP))
        return;
    pop(b);
    b->mode = MODE_IN_TABLE;
    process(b, t);
}

static bool table_section_in_scope(builder *b)
{
    return in_scope(b, ONR_TAG_TBODY, NULL, SCOPE_TABLE) || in_scope(b, ONR_TAG_THEAD, NULL, SCOPE_TABLE) ||
           in_scope(b, ONR_TAG_TFOOT, NULL, SCOPE_TABLE);
}

static void mode_in_table_body(builder *b, html_token *t)
{
    if (t->kind == HTML_TOKEN_START_TAG) {
        switch (t->tag) {
        case ONR_TAG_TR:
            clear_to_table_body(b);
            insert_element(b, t, ONR_NS_HTML);
            b->mode = MODE_IN_ROW;
            return;
        case ONR_TAG_TH:
        case ONR_TAG_TD:
            clear_to_table_body(b);
            insert_implied(b, ONR_TAG_TR, t->offset);
            b->mode = MODE_IN_ROW;
            process(b, t);
            return;
        case ONR_TAG_CAPTION:
        case ONR_TAG_COL:
        case ONR_TAG_COLGROUP:
        case ONR_TAG_TBODY:
        case ONR_TAG_TFOOT:
        case ONR_TAG_THEAD:
            if (!table_section_in_scope(b))
                return;
            clear_to_table_body(b);
            pop(b);
            b->mode = MODE_IN_TABLE;
            process(b, t);
            return;
        default: break;
        }
    } else if (t->kind == HTML_TOKEN_END_TAG) {
        switch (t->tag) {
        case ONR_TAG_TBODY:
        case ONR_TAG_TFOOT:
        case ONR_TAG_THEAD:
            if (!in_scope(b, t->tag, NULL, SCOPE_TABLE))
                return;
            clear_to_table_body(b);
            pop(b);
            b->mode = MODE_IN_TABLE;
            return;
        case ONR_TAG_TABLE:
            if (!table_section_in_scope(b))
                return;
            clear_to_table_body(b);
            pop(b);
            b->mode = MODE_IN_TABLE;
            process(b, t);
            return;
        case ONR_TAG_BODY:
        case ONR_TAG_CAPTION:
        case ONR_TAG_COL:
        case ONR_TAG_COLGROUP:
        case ONR_TAG_HTML:
        case ONR_TAG_TD:
        case ONR_TAG_TH:
        case ONR_TAG_TR: return;
        default: break;
        }
    }
    mode_in_table(b, t);
}

static bool close_row(builder *b)
{
    if (!in_scope(b, ONR_TAG_TR, NULL, SCOPE_TABLE))
        return false;
    clear_to_row(b);
    pop(b);
    b->mode = MODE_IN_TABLE_BODY;
    return true;
}

static void mode_in_row(builder *b, html_token *t)
{
    if (t->kind == HTML_TOKEN_START_TAG) {
        switch (t->tag) {
        case ONR_TAG_TH:
        case ONR_TAG_TD:
            clear_to_row(b);
            insert_element(b, t, ONR_NS_HTML);
            b->mode = MODE_IN_CELL;
            push_marker(b);
            return;
        case ONR_TAG_CAPTION:
        case ONR_TAG_COL:
        case ONR_TAG_COLGROUP:
        case ONR_TAG_TBODY:
        case ONR_TAG_TFOOT:
        case ONR_TAG_THEAD:
        case ONR_TAG_TR:
            if (close_row(b))
                process(b, t);
            return;
        default: break;
        }
    } else if (t->kind == HTML_TOKEN_END_TAG) {
        switch (t->tag) {
        case ONR_TAG_TR: close_row(b); return;
        case ONR_TAG_TABLE:
            if (close_row(b))
                process(b, t);
            return;
        case ONR_TAG_TBODY:
        case ONR_TAG_TFOOT:
        case ONR_TAG_THEAD:
            if (!in_scope(b, t->tag, NULL, SCOPE_TABLE))
                return;
            if (close_row(b))
                process(b, t);
            return;
        case ONR_TAG_BODY:
        case ONR_TAG_CAPTION:
        case ONR_TAG_COL:
        case ONR_TAG_COLGROUP:
        case ONR_TAG_HTML:
        case ONR_TAG_TD:
        case ONR_TAG_TH: return;
        default: break;
        }
    }
    mode_in_table(b, t);
}

static void close_cell(builder *b)
{
    generate_implied_end_tags(b, ONR_TAG__COUNT);
    while (b->open_len) {
        onr_node *n = current(b);
        pop(b);
        if (is_html(n, ONR_TAG_TD) || is_html(n, ONR_TAG_TH))
            break;
    }
    clear_formatting_to_marker(b);
    b->mode = MODE_IN_ROW;
}

static void mode_in_cell(builder *b, html_token *t)
{
    if (t->kind == HTML_TOKEN_END_TAG) {
        switch (t->tag) {
        case ONR_TAG_TD:
        case ONR_TAG_TH:
            if (!in_scope(b, t->tag, NULL, SCOPE_TABLE))
                return;
            generate_implied_end_tags(b, ONR_TAG__COUNT);
            pop_until_tag(b, t->tag);
            clear_formatting_to_marker(b);
            b->mode = MODE_IN_ROW;
            return;
        case ONR_TAG_BODY:
        case ONR_TAG_CAPTION:
        case ONR_TAG_COL:
        case ONR_TAG_COLGROUP:
        case ONR_TAG_HTML: return;
        case ONR_TAG_TABLE:
        case ONR_TAG_TBODY:
        case ONR_TAG_TFOOT:
        case ONR_TAG_THEAD:
        case ONR_TAG_TR:
            if (!in_scope(b, t->tag, NULL, SCOPE_TABLE))
                return;
            close_cell(b);
            process(b, t);
            return;
        default: break;
        }
    } else if (t->kind == HTML_TOKEN_START_TAG) {
        switch (t->tag) {
        case ONR_TAG_CAPTION:
        case ONR_TAG_COL:
        case ONR_TAG_COLGROUP:
        case ONR_TAG_TBODY:
        case ONR_TAG_TD:
        case ONR_TAG_TFOOT:
        case ONR_TAG_TH:
        case ONR_TAG_THEAD:
        case ONR_TAG_TR:
            if (!in_scope(b, ONR_TAG_TD, NULL, SCOPE_TABLE) && !in_scope(b, ONR_TAG_TH, NULL, SCOPE_TABLE))
                return;
            close_cell(b);
            process(b, t);
            return;
        default: break;
        }
    }
    process_in(b, MODE_IN_BODY, t);
}

static bool close_select(builder *b)
{
    if (!in_scope(b, ONR_TAG_SELECT, NULL, SCOPE_SELECT))
        return false;
    pop_until_tag(b, ONR_TAG_SELECT);
    reset_insertion_mode(b);
    return true;
}

static void mode_in_select(builder *b, html_token *t)
{
    switch (t->kind) {
    case HTML_TOKEN_CHARACTERS:
        drop_nuls(b, t);
        insert_text(b, t->data, t->data_len, t->offset);
        return;
    case HTML_TOKEN_COMMENT: insert_comment(b, t, NULL); return;
    case HTML_TOKEN_DOCTYPE: return;
    case HTML_TOKEN_START_TAG:
        switch (t->tag) {
        case ONR_TAG_HTML: process_in(b, MODE_IN_BODY, t); return;
        case ONR_TAG_OPTION:
            if (is_html(current(b), ONR_TAG_OPTION))
                pop(b);
            insert_element(b, t, ONR_NS_HTML);
            return;
        case ONR_TAG_OPTGROUP:
        case ONR_TAG_HR:
            if (is_html(current(b), ONR_TAG_OPTION))
                pop(b);
            if (is_html(current(b), ONR_TAG_OPTGROUP))
                pop(b);
            insert_element(b, t, ONR_NS_HTML);
            if (t->tag == ONR_TAG_HR)
                pop(b);
            return;
        case ONR_TAG_SELECT: close_select(b); return;
        case ONR_TAG_INPUT:
        case ONR_TAG_KEYGEN:
        case ONR_TAG_TEXTAREA:
            if (close_select(b))
                process(b, t);
            return;
        case ONR_TAG_SCRIPT:
        case ONR_TAG_TEMPLATE: process_in(b, MODE_IN_HEAD, t); return;
        default: return;
        }
    case HTML_TOKEN_END_TAG:
        switch (t->tag) {
        case ONR_TAG_OPTGROUP:
            if (is_html(current(b), ONR_TAG_OPTION) && b->open_len >= 2 &&
                is_html(b->open[b->open_len - 2], ONR_TAG_OPTGROUP))
                pop(b);
            if (is_html(current(b), ONR_TAG_OPTGROUP))
                pop(b);
            return;
        case ONR_TAG_OPTION:
            if (is_html(current(b), ONR_TAG_OPTION))
                pop(b);
            return;
        case ONR_TAG_SELECT: close_select(b); return;
        case ONR_TAG_TEMPLATE: process_in(b, MODE_IN_HEAD, t); return;
        default: return;
        }
    case HTML_TOKEN_EOF: process_in(b, MODE_IN_BODY, t); return;
    }
}

static bool is_table_part(onr_tag tag)
{
    return tag == ONR_TAG_CAPTION || tag == ONR_TAG_TABLE || tag == ONR_TAG_TBODY || tag == ONR_TAG_TFOOT ||
           tag == ONR_TAG_THEAD || tag == ONR_TAG_TR || tag == ONR_TAG_TD || tag == ONR_TAG_TH;
}

static void mode_in_select_in_table(builder *b, html_token *t)
{
    if ((t->kind == HTML_TOKEN_START_TAG || t->kind == HTML_TOKEN_END_TAG) && is_table_part(t->tag)) {
        if (t->kind == HTML_TOKEN_END_TAG && !in_scope(b, t->tag, NULL, SCOPE_TABLE))
            return;
        pop_until_tag(b, ONR_TAG_SELECT);
        reset_insertion_mode(b);
        process(b, t);
        return;
    }
    mode_in_select(b, t);
}

static void mode_in_template(builder *b, html_token *t)
{
    insertion_mode next;
    switch (t->kind) {
    case HTML_TOKEN_CHARACTERS:
    case HTML_TOKEN_COMMENT:
    case HTML_TOKEN_DOCTYPE: process_in(b, MODE_IN_BODY, t); return;
    case HTML_TOKEN_START_TAG:
        switch (t->tag) {
        case ONR_TAG_BASE:
        case ONR_TAG_BASEFONT:
        case ONR_TAG_BGSOUND:
        case ONR_TAG_LINK:
        case ONR_TAG_META:
        case ONR_TAG_NOFRAMES:
        case ONR_TAG_SCRIPT:
        case ONR_TAG_STYLE:
        case ONR_TAG_TEMPLATE:
        case ONR_TAG_TITLE: process_in(b, MODE_IN_HEAD, t); return;
        case ONR_TAG_CAPTION:
        case ONR_TAG_COLGROUP:
        case ONR_TAG_TBODY:
        case ONR_TAG_TFOOT:
        case ONR_TAG_THEAD: next = MODE_IN_TABLE; break;
        case ONR_TAG_COL: next = MODE_IN_COLUMN_GROUP; break;
        case ONR_TAG_TR: next = MODE_IN_TABLE_BODY; break;
        case ONR_TAG_TD:
        case ONR_TAG_TH: next = MODE_IN_ROW; break;
        default: next = MODE_IN_BODY; break;
        }
        if (b->template_len)
            b->template_len--;
        push_template_mode(b, next);
        b->mode = next;
        process(b, t);
        return;
    case HTML_TOKEN_END_TAG:
        if (t->tag == ONR_TAG_TEMPLATE)
            process_in(b, MODE_IN_HEAD, t);
        return;
    case HTML_TOKEN_EOF:
        if (!b->open_templates) {
            stop_parsing(b);
            return;
        }
        pop_until_tag(b, ONR_TAG_TEMPLATE);
        clear_formatting_to_marker(b);
        if (b->template_len)
            b->template_len--;
        reset_insertion_mode(b);
        b->reprocess = true; /* by the token loop, not by recursion: one round per open template */
        return;
    }
}

static void mode_after_body(builder *b, html_token *t)
{
    switch (t->kind) {
    case HTML_TOKEN_CHARACTERS:
        if (all_ws(t->data, t->data_len)) {
            process_in(b, MODE_IN_BODY, t);
            return;
        }
        break;
    case HTML_TOKEN_COMMENT: insert_comment(b, t, b->open_len ? b->open[0] : &b->doc->root); return;
    case HTML_TOKEN_DOCTYPE: return;
    case HTML_TOKEN_START_TAG:
        if (t->tag == ONR_TAG_HTML) {
            process_in(b, MODE_IN_BODY, t);
            return;
        }
        break;
    case HTML_TOKEN_END_TAG:
        if (t->tag == ONR_TAG_HTML) {
            b->mode = MODE_AFTER_AFTER_BODY;
            return;
        }
        break;
    case HTML_TOKEN_EOF: stop_parsing(b); return;
    }
    b->mode = MODE_IN_BODY;
    process(b, t);
}

/* Frameset modes keep only the white space of character tokens. */
static void insert_frameset_ws(builder *b, const html_token *t)
{
    for (size_t i = 0; i < t->data_len; i++)
        if (is_ws(t->data[i]))
            insert_text(b, t->data + i, 1, t->offset + i);
}

static void mode_frameset(builder *b, html_token *t, bool after)
{
    switch (t->kind) {
    case HTML_TOKEN_CHARACTERS: insert_frameset_ws(b, t); return;
    case HTML_TOKEN_COMMENT: insert_comment(b, t, NULL); return;
    case HTML_TOKEN_DOCTYPE: return;
    case HTML_TOKEN_START_TAG:
        if (t->tag == ONR_TAG_HTML)
            process_in(b, MODE_IN_BODY, t);
        else if (t->tag == ONR_TAG_NOFRAMES)
            process_in(b, MODE_IN_HEAD, t);
        else if (!after && t->tag == ONR_TAG_FRAMESET)
            insert_element(b, t, ONR_NS_HTML);
        else if (!after && t->tag == ONR_TAG_FRAME) {
            insert_element(b, t, ONR_NS_HTML);
            pop(b);
        }
        return;
    case HTML_TOKEN_END_TAG:
        if (after && t->tag == ONR_TAG_HTML) {
            b->mode = MODE_AFTER_AFTER_FRAMESET;
        } else if (!after && t->tag == ONR_TAG_FRAMESET) {
            if (b->open_len <= 1)
                return;
            pop(b);
            if (!is_html(current(b), ONR_TAG_FRAMESET))
                b->mode = MODE_AFTER_FRAMESET;
        }
        return;
    case HTML_TOKEN_EOF: stop_parsing(b); return;
    }
}

static void mode_after_after(builder *b, html_token *t, bool frameset)
{
    switch (t->kind) {
    case HTML_TOKEN_COMMENT: insert_comment(b, t, &b->doc->root); return;
    case HTML_TOKEN_DOCTYPE: process_in(b, MODE_IN_BODY, t); return;
    case HTML_TOKEN_CHARACTERS:
        if (all_ws(t->data, t->data_len)) {
            process_in(b, MODE_IN_BODY, t);
            return;
        }
        if (frameset) {
            insert_frameset_ws(b, t);
            return;
        }
        break;
    case HTML_TOKEN_START_TAG:
        if (t->tag == ONR_TAG_HTML) {
            process_in(b, MODE_IN_BODY, t);
            return;
        }
        if (frameset) {
            if (t->tag == ONR_TAG_NOFRAMES)
                process_in(b, MODE_IN_HEAD, t);
            return;
        }
        break;
    case HTML_TOKEN_END_TAG:
        if (frameset)
            return;
        break;
    case HTML_TOKEN_EOF: stop_parsing(b); return;
    }
    b->mode = MODE_IN_BODY;
    process(b, t);
}

/* ---- foreign content ---- */

static bool breaks_out_of_foreign(const html_token *t)
{
    if (t->kind == HTML_TOKEN_END_TAG)
        return t->tag == ONR_TAG_BR || t->tag == ONR_TAG_P;
    if (tag_props[t->tag] & P_BREAKOUT)
        return true;
    if (t->tag == ONR_TAG_FONT)
        return token_attribute(t, "color") || token_attribute(t, "face") || token_attribute(t, "size");
    return false;
}

static void foreign_content(builder *b, html_token *t)
{
    switch (t->kind) {
    case HTML_TOKEN_CHARACTERS:
        if (t->has_nul) {
            onr_buf_clear(&b->scratch);
            for (size_t i = 0; i < t->data_len; i++) {
                if (t->data[i])
                    onr_buf_putc(&b->scratch, t->data[i]);
                else
                    onr_buf_append(&b->scratch, "\xEF\xBF\xBD", 3);
            }
            if (b->scratch.failed) {
                b->failed = true;
                return;
            }
            t->data = b->scratch.data;
            t->data_len = b->scratch.len;
        }
        insert_text(b, t->data, t->data_len, t->offset);
        if (b->frameset_ok && !all_ws(t->data, t->data_len))
            b->frameset_ok = false;
        return;
    case HTML_TOKEN_COMMENT: insert_comment(b, t, NULL); return;
    case HTML_TOKEN_DOCTYPE: return;
    case HTML_TOKEN_START_TAG:
    case HTML_TOKEN_END_TAG:
        if (breaks_out_of_foreign(t)) {
            while (b->open_len) {
                const onr_node *n = current(b);
                if (n->ns == ONR_NS_HTML || (n->flags & (NODE_MATHML_TEXT | NODE_HTML_INTEGRATION)))
                    break;
                pop(b);
            }
            process_in(b, b->mode, t);
            return;
        }
        if (t->kind == HTML_TOKEN_START_TAG) {
            onr_namespace ns = (onr_namespace)current(b)->ns;
            insert_element(b, t, ns);
            if (t->self_closing)
                pop(b);
            return;
        }
        {
            size_t stop = b->open_len > b->scan_limit ? b->open_len - b->scan_limit : 0;
            for (size_t i = b->open_len; i > stop && i > 1; i--) {
                onr_node *n = b->open[i - 1];
                if (onr_ascii_ieq(n->name, n->name_len, t->name, t->name_len)) {
                    pop_until_node(b, n);
                    return;
                }
                if (b->open[i - 2]->ns == ONR_NS_HTML) {
                    process_in(b, b->mode, t);
                    return;
                }
            }
        }
        return;
    case HTML_TOKEN_EOF: return;
    }
}

/* Whether a token goes to the insertion mode rather than to the foreign content rules. */
static bool html_rules_apply(builder *b, const html_token *t)
{
    if (!b->open_len || t->kind == HTML_TOKEN_EOF)
        return true;
    const onr_node *n = current(b);
    if (n->ns == ONR_NS_HTML)
        return true;
    bool start = t->kind == HTML_TOKEN_START_TAG;
    if (n->flags & NODE_MATHML_TEXT) {
        if (t->kind == HTML_TOKEN_CHARACTERS)
            return true;
        if (start && !name_is(t->name, t->name_len, "mglyph") && !name_is(t->name, t->name_len, "malignmark"))
            return true;
    }
    if (start && t->tag == ONR_TAG_SVG && n->ns == ONR_NS_MATHML && name_is(n->name, n->name_len, "annotation-xml"))
        return true;
    if ((n->flags & NODE_HTML_INTEGRATION) && (start || t->kind == HTML_TOKEN_CHARACTERS))
        return true;
    return false;
}

static void process_in(builder *b, insertion_mode mode, html_token *t)
{
    if (b->failed)
        return;
    switch (mode) {
    case MODE_INITIAL: mode_initial(b, t); return;
    case MODE_BEFORE_HTML: mode_before_html(b, t); return;
    case MODE_BEFORE_HEAD: mode_before_head(b, t); return;
    case MODE_IN_HEAD: mode_in_head(b, t); return;
    case MODE_IN_HEAD_NOSCRIPT: mode_in_head_noscript(b, t); return;
    case MODE_AFTER_HEAD: mode_after_head(b, t); return;
    case MODE_IN_BODY: mode_in_body(b, t); return;
    case MODE_TEXT: mode_text(b, t); return;
    case MODE_IN_TABLE: mode_in_table(b, t); return;
    case MODE_IN_TABLE_TEXT: mode_in_table_text(b, t); return;
    case MODE_IN_CAPTION: mode_in_caption(b, t); return;
    case MODE_IN_COLUMN_GROUP: mode_in_column_group(b, t); return;
    case MODE_IN_TABLE_BODY: mode_in_table_body(b, t); return;
    case MODE_IN_ROW: mode_in_row(b, t); return;
    case MODE_IN_CELL: mode_in_cell(b, t); return;
    case MODE_IN_SELECT: mode_in_select(b, t); return;
    case MODE_IN_SELECT_IN_TABLE: mode_in_select_in_table(b, t); return;
    case MODE_IN_TEMPLATE: mode_in_template(b, t); return;
    case MODE_AFTER_BODY: mode_after_body(b, t); return;
    case MODE_IN_FRAMESET: mode_frameset(b, t, false); return;
    case MODE_AFTER_FRAMESET: mode_frameset(b, t, true); return;
    case MODE_AFTER_AFTER_BODY: mode_after_after(b, t, false); return;
    case MODE_AFTER_AFTER_FRAMESET: mode_after_after(b, t, true); return;
    }
}

static void process(builder *b, html_token *t)
{
    if (html_rules_apply(b, t))
        process_in(b, b->mode, t);
    else
        foreign_content(b, t);
}

/* ---- the depth cap ---- */

/* The document and each template content are capped as separate trees, taken from a list of pending
 * trees rather than by recursion: templates nest inside template contents without limit. A content
 * gets the levels its template leaves below the cap; one with none left (its template sits at the
 * cap) is flattened whole, the contents of templates inside it included, so that its nodes sit one
 * level below the cap and nested templates are left empty. */
typedef struct {
    onr_node *top;
    unsigned budget; /* levels allowed below top; 0: everything below it becomes one level */
} cap_job;

typedef struct {
    const onr_mem *mem;
    cap_job *jobs;
    size_t len, cap;
} cap_jobs;

static bool push_cap_job(cap_jobs *w, onr_node *top, unsigned budget)
{
    if (!top->first_child)
        return true;
    if (w->len == w->cap) {
        cap_job *grown = grow_array(w->mem, w->jobs, &w->cap, sizeof *grown, 16);
        if (!grown)
            return false;
        w->jobs = grown;
    }
    w->jobs[w->len++] = (cap_job){top, budget};
    return true;
}

/* The levels left for a template content whose template sits at `depth` of a tree allowed `budget`. */
static unsigned content_budget(unsigned budget, unsigned depth) { return budget > depth ? budget - depth : 0; }

typedef struct {
    onr_node **items;
    size_t len, cap;
} node_list;

static bool node_list_push(const onr_mem *mem, node_list *l, onr_node *n)
{
    if (l->len == l->cap) {
        onr_node **grown = grow_array(mem, l->items, &l->cap, sizeof *grown, 256);
        if (!grown)
            return false;
        l->items = grown;
    }
    l->items[l->len++] = n;
    return true;
}

/* Appends the nodes below `top` (not those of template contents) in document order. */
static bool collect_tree(const onr_mem *mem, onr_node *top, node_list *all)
{
    for (onr_node *n = top->first_child; n;) {
        if (!node_list_push(mem, all, n))
            return false;
        if (n->first_child) {
            n = n->first_child;
            continue;
        }
        while (n != top && !n->next)
            n = n->parent;
        n = n == top ? NULL : n->next;
    }
    return true;
}

/* Makes every node below `top` a direct child of it, in document order. With `whole`, the nodes of
 * template contents below it join them (after the nodes of the tree they sat in) and those contents
 * are left empty; otherwise each content is queued with `budget`, the levels its template leaves. */
static bool flatten(cap_jobs *w, onr_node *top, bool whole, unsigned budget)
{
    node_list all = {NULL, 0, 0};
    bool ok = collect_tree(w->mem, top, &all);
    for (size_t i = 0; ok && whole && i < all.len; i++)
        if (all.items[i]->content)
            ok = collect_tree(w->mem, all.items[i]->content, &all);
    if (ok) {
        top->first_child = top->last_child = NULL;
        for (size_t i = 0; i < all.len; i++) {
            onr_node *n = all.items[i];
            n->parent = n->prev = n->next = n->first_child = n->last_child = NULL;
            if (whole && n->content)
                n->content->first_child = n->content->last_child = NULL;
            append_child(top, n);
        }
    }
    for (size_t i = 0; ok && !whole && i < all.len; i++)
        if (all.items[i]->content)
            ok = push_cap_job(w, all.items[i]->content, budget);
    onr_free(w->mem, all.items);
    return ok;
}

/* `n`'s children sit at the cap: what is below them is flattened into them; their template contents,
 * which the walk does not reach, are queued with `budget`. */
static bool cap_children(cap_jobs *w, onr_node *n, unsigned budget)
{
    bool deep = false;
    for (const onr_node *c = n->first_child; c && !deep; c = c->next)
        deep = c->first_child != NULL;
    if (deep)
        return flatten(w, n, false, budget);
    for (onr_node *c = n->first_child; c; c = c->next)
        if (c->content && !push_cap_job(w, c->content, budget))
            return false;
    return true;
}

/* Caps the tree below `root` at `budget` levels; template contents are queued. */
static bool cap_tree(cap_jobs *w, onr_node *root, unsigned budget)
{
    unsigned depth = 1; /* of n */
    for (onr_node *n = root->first_child; n;) {
        if (n->content && !push_cap_job(w, n->content, content_budget(budget, depth)))
            return false;
        if (n->first_child && depth + 1 >= budget) {
            if (!cap_children(w, n, content_budget(budget, depth + 1)))
                return false;
        } else if (n->first_child) {
            n = n->first_child;
            depth++;
            continue;
        }
        while (n != root && !n->next) {
            n = n->parent;
            depth--;
        }
        n = n == root ? NULL : n->next;
    }
    return true;
}

static bool cap_depth(const onr_mem *mem, onr_node *root, unsigned max_depth)
{
    cap_jobs w = {mem, NULL, 0, 0};
    bool ok = push_cap_job(&w, root, max_depth);
    while (ok && w.len) {
        cap_job job = w.jobs[--w.len];
        /* One level allowed: every node below top becomes its child, and its templates sit at the cap. */
        ok = job.budget > 1 ? cap_tree(&w, job.top, job.budget) : flatten(&w, job.top, job.budget == 0, 0);
    }
    onr_free(mem, w.jobs);
    return ok;
}

/* ---- entry point ---- */

static void builder_free(builder *b)
{
    const onr_mem *mem = b->doc->mem;
    onr_free(mem, b->open);
    onr_free(mem, b->formatting);
    onr_free(mem, b->template_modes);
    onr_buf_free(&b->pending);
    onr_buf_free(&b->scratch);
    if (b->tokenizer)
        html_tokenizer_free(b->tokenizer);
}

static onr_status build(builder *b)
{
    html_token t;
    bool first = true;
    bool foreign = false; /* the current node is not an HTML element (none is open at first) */
    for (;;) {
        if (html_tokenizer_next(b->tokenizer, &t) != ONR_OK)
            return ONR_ERR_NOMEM;
        if (first && t.kind == HTML_TOKEN_CHARACTERS && t.data_len >= 3 && !memcmp(t.data, "\xEF\xBB\xBF", 3)) {
            t.data += 3; /* a byte order mark is not content */
            t.data_len -= 3;
            t.offset += 3;
            if (!t.data_len)
                continue;
        }
        first = false;
        /* The newline after <pre>, <listing> or <textarea> is dropped only from the very next token. */
        bool newline_armed = b->skip_newline;
        /* most tokens of a page: in body, under an HTML element, where process() would end up */
        if (b->mode == MODE_IN_BODY && b->open_len && !foreign)
            mode_in_body(b, &t);
        else
            process(b, &t);
        while (b->reprocess && !b->failed) {
            b->reprocess = false;
            process(b, &t);
        }
        if (newline_armed)
            b->skip_newline = false;
        if (b->failed)
            return ONR_ERR_NOMEM;
        foreign = b->open_len && current(b)->ns != ONR_NS_HTML;
        if (foreign != b->cdata_allowed) {
            b->cdata_allowed = foreign;
            html_tokenizer_allow_cdata(b->tokenizer, foreign);
        }
        if (t.kind == HTML_TOKEN_EOF)
            return ONR_OK;
    }
}

/* With `copy` false the document's source is `html` itself, which must then outlive it. */
static onr_status parse(const char *html, size_t len, const onr_html_options *options, const onr_mem *mem,
                        bool copy, bool valid_utf8, onr_document **out, onr_error *err)
{
    if (!out || (!html && len))
        return onr_fail(err, ONR_ERR_ARGUMENT, (size_t)-1, "onr_html_parse: NULL argument");
    *out = NULL;
    onr_html_options defaults;
    onr_html_options_init(&defaults);
    if (options && options->size != sizeof *options)
        return onr_fail(err, ONR_ERR_ARGUMENT, (size_t)-1, "onr_html_parse: options of unknown size %zu",
                        options->size);
    if (!options)
        options = &defaults;
    if (len > HTML_MAX_INPUT)
        return onr_fail(err, ONR_ERR_LIMIT, (size_t)-1, "onr_html_parse: input of %zu bytes is over the limit of %zu",
                        len, HTML_MAX_INPUT);
    mem = onr_mem_or_default(mem);

    onr_document *doc = onr_malloc(mem, sizeof *doc);
    if (!doc)
        return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory");
    memset(doc, 0, sizeof *doc);
    doc->mem = mem;
    doc->root.type = ONR_NODE_DOCUMENT;
    onr_arena_init(&doc->arena, mem, len / 2 + 4096);
    const char *source = len ? html : "";
    if (copy) {
        char *own = onr_arena_alloc(&doc->arena, len + 1);
        if (!own) {
            onr_document_free(doc);
            return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory");
        }
        if (len)
            memcpy(own, html, len);
        own[len] = '\0';
        source = own;
    }
    doc->source = source;
    doc->source_len = len;

    builder b;
    memset(&b, 0, sizeof b);
    b.doc = doc;
    b.scan_limit = options->max_depth > MIN_SCAN_LIMIT ? options->max_depth : MIN_SCAN_LIMIT;
    unsigned max_attributes = options->max_attributes < HTML_MAX_ATTRIBUTES ? options->max_attributes
                                                                             : HTML_MAX_ATTRIBUTES;
    b.max_attributes = max_attributes;
    b.mode = MODE_INITIAL;
    b.frameset_ok = true;
    onr_buf_init(&b.pending, mem);
    onr_buf_init(&b.scratch, mem);
    html_tokenizer_limits limits = {max_attributes, options->max_attribute_length, valid_utf8};
    b.tokenizer = html_tokenizer_new(source, len, &limits, mem);
    b.formatting = onr_malloc(mem, MAX_FORMATTING * sizeof *b.formatting);
    onr_status status = b.tokenizer && b.formatting ? build(&b) : ONR_ERR_NOMEM;
    builder_free(&b);
    unsigned max_depth = options->max_depth ? options->max_depth : 1;
    bool maybe_too_deep = b.stack_reshaped || b.max_open + 1 > max_depth;
    if (status == ONR_OK && maybe_too_deep && !cap_depth(mem, &doc->root, max_depth))
        status = ONR_ERR_NOMEM;
    if (status != ONR_OK) {
        onr_document_free(doc);
        return onr_fail(err, status, (size_t)-1, "out of memory while parsing HTML");
    }
    *out = doc;
    return ONR_OK;
}

onr_status onr_html_parse(const char *html, size_t len, const onr_html_options *options, const onr_mem *mem,
                          onr_document **out, onr_error *err)
{
    return parse(html, len, options, mem, true, false, out, err);
}

onr_status html_parse_borrowing(const char *html, size_t len, bool valid_utf8,
                                const onr_html_options *options, const onr_mem *mem,
                                onr_document **out, onr_error *err)
{
    return parse(html, len, options, mem, false, valid_utf8, out, err);
}

void onr_document_free(onr_document *doc)
{
    if (!doc)
        return;
    onr_arena_free(&doc->arena);
    onr_free(doc->mem, doc);
}
