/* Main-content extraction, internal: a flat pre-order copy of the visible tree with text
 * statistics (content.c scores it and picks the article's nodes), and the block builder
 * (blocks.c) that turns the kept nodes into onr_block lists. */
#ifndef ONR_EXTRACT_CONTENT_H
#define ONR_EXTRACT_CONTENT_H

#include "core/core.h"
#include "extract/metadata.h"
#include "html/tree.h"

#define XNONE UINT32_MAX

/* Bits of xnode.flags. */
enum {
    X_TEXT = 1,         /* a text node */
    X_BOILER = 2,       /* boilerplate by tag or class/id: nav, footer, share bar, related, ... */
    X_COMMENTS = 4,     /* a comment section */
    X_IN_LINK = 8,      /* inside an <a href> */
    X_CAPTION = 16,     /* class/id says caption or credit */
    X_CREDIT = 32,      /* class/id says credit or copyright */
    X_HIDDEN_ZONE = 64, /* inside boilerplate or comments: its paragraphs do not vote */
    X_DROP = 128,       /* removed by the cleaning pass */
    X_ARTICLE_BODY = 256 /* itemprop=articleBody */
};

typedef struct xnode {
    const onr_node *node;
    uint32_t parent;      /* index, XNONE for the root */
    uint32_t end;         /* one past the last descendant */
    uint16_t tag;
    uint16_t flags;
    int16_t hint;         /* class/id weight: +25 content-like, -25 boilerplate-like */
    uint16_t commas;      /* (capped) */
    uint32_t text;        /* visible non-space bytes in the subtree */
    uint32_t link_text;   /* of those, inside links */
    uint32_t inline_text; /* text not inside block-level descendants */
    uint32_t ptext;       /* text of scored paragraphs in the subtree (low link density) */
    uint16_t paragraphs;  /* <p> descendants (capped) */
    uint16_t items;       /* <li> descendants (capped) */
    float score;          /* Readability-style content score; < 0 when never scored */
} xnode;

typedef struct content_tree {
    xnode *nodes;
    uint32_t count;
    const onr_mem *mem;
} content_tree;

/* What the extractor chose: the subtrees forming the article, in document order. */
typedef struct content_choice {
    uint32_t *roots;
    uint32_t root_count;
    uint32_t comments;    /* the comment section's root, or XNONE */
} content_choice;

onr_status content_tree_build(const onr_document *doc, const onr_mem *mem, content_tree *out);
void content_tree_free(content_tree *tree);

/* Scores the tree, marks boilerplate to drop (X_DROP) and picks the article's subtrees. */
onr_status content_choose(content_tree *tree, const onr_options *options, const extract_metadata *meta,
                          content_choice *out);
void content_choice_free(content_choice *choice, const onr_mem *mem);

/* Whether an element starts a new block when rendered (p, div, li, h1, table, ...). */
bool content_tag_is_block(unsigned tag);

static inline float content_link_density(const xnode *x)
{
    return x->text ? (float)x->link_text / (float)x->text : 0.0f;
}

/* Block building. */
typedef struct blocks_result {
    onr_block *blocks;    /* the caller frees it with onr_free (it is not in the arena: a page of
                           * many short paragraphs must not hold two copies of its block list) */
    size_t count;
    onr_string text;      /* the blocks as plain text */
    bool truncated;       /* the body was cut at the block limit */
} blocks_result;

typedef struct blocks_config {
    const content_tree *tree;
    const extract_metadata *meta;
    const onr_options *options;
    onr_string base_url;
    bool comments;        /* building the comment section: no boilerplate filtering by hint */
} blocks_config;

/* Builds blocks from the subtrees roots[0..count), skipping X_DROP nodes, into `arena`. */
onr_status blocks_build(const blocks_config *config, const uint32_t *roots, size_t count, onr_arena *arena,
                        blocks_result *out);

/* Plain text of a block list: blocks separated by blank lines, figures left out. */
onr_string blocks_plain_text(onr_arena *arena, const onr_block *blocks, size_t count);

#endif
