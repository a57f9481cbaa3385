/* The document tree's layout, shared inside the library so that later stages (the extractor) can
 * walk nodes through plain fields instead of accessor calls. The public API is in onrecord.h. */
#ifndef ONR_HTML_TREE_H
#define ONR_HTML_TREE_H

#include "core/core.h"
#include "html/tokenizer.h"

/* Bits of onr_node.flags. */
enum {
    NODE_OPEN = 1,              /* on the stack of open elements while parsing */
    NODE_HTML_INTEGRATION = 2,  /* svg foreignObject/desc/title, annotation-xml with an HTML encoding */
    NODE_MATHML_TEXT = 4,       /* MathML mi, mo, mn, ms, mtext */
    NODE_FOREIGN_SCOPE = 8      /* foreign elements that bound "in scope" searches */
};

/* 80 bytes (the arena rounds to 16): lengths and offsets are 32-bit, as onr_html_parse refuses
 * inputs over HTML_MAX_INPUT, and a page's tree is often most of its extraction's memory. */
struct onr_node {
    onr_node *parent;
    onr_node *first_child;
    onr_node *last_child;
    onr_node *prev;
    onr_node *next;
    /* Element or doctype name; the data of a text or comment node. Never NULL for those. */
    const char *name;
    /* An element's attributes. A doctype keeps its public and system identifiers here as
     * attributes named "public" and "system" (absent ones are left out). */
    html_attr *attrs;
    onr_node *content; /* a <template>'s content: a fragment node of type ONR_NODE_DOCUMENT */
    uint32_t name_len;
    uint32_t offset;   /* byte offset of the node's token in the input */
    uint16_t attr_count; /* at most HTML_MAX_ATTRIBUTES */
    uint16_t tag;      /* onr_tag; ONR_TAG_UNKNOWN for foreign elements other than svg and math */
    uint8_t type;      /* onr_node_type */
    uint8_t ns;        /* onr_namespace */
    uint8_t flags;
};

/* The largest input onr_html_parse takes: every node's text (at most three times the input, when
 * each byte becomes U+FFFD) and offset then fit in 32 bits. */
#define HTML_MAX_INPUT ((size_t)1 << 30)
/* The most attributes an element keeps, whatever onr_html_options.max_attributes says. */
#define HTML_MAX_ATTRIBUTES 65535u

struct onr_document {
    const onr_mem *mem;
    onr_arena arena;  /* every node, string and attribute of the document */
    onr_node root;
    const char *source;  /* the input (a copy, unless parsed borrowing); many text spans point into it */
    size_t source_len;
    size_t node_count;   /* nodes created: a bound on the nodes of any part of the tree */
};

/* onr_node_next_in, inline for the walks of later stages. */
static inline const onr_node *node_next_in(const onr_node *scope, const onr_node *node)
{
    if (node->first_child)
        return node->first_child;
    while (node != scope) {
        if (node->next)
            return node->next;
        node = node->parent;
        if (!node)
            return NULL;
    }
    return NULL;
}

/* onr_html_parse without the copy of the input: the document points into `html`, which must
 * outlive it (the extractor parses, reads and frees the tree within one call). With
 * `valid_utf8` the caller vouches that `html` is valid UTF-8, which is then not checked again. */
onr_status html_parse_borrowing(const char *html, size_t len, bool valid_utf8,
                                const onr_html_options *options, const onr_mem *mem,
                                onr_document **out, onr_error *err);

#endif
