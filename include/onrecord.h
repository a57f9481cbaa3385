/* onrecord: news pages to clean articles, with an audit of their sourcing.
 *
 * This header is the whole public API and its manual. Conventions, everywhere:
 *  - Inputs are (const char *, size_t); output strings are sized and owned by the object that
 *    returned them unless a function says otherwise.
 *  - Every object that allocates takes an onr_mem (NULL means malloc/realloc/free) and keeps it;
 *    there is no process-wide state, so separate objects may be used from separate threads.
 *  - Functions that can fail return an onr_status and, when given an onr_error, fill it with a
 *    message and a byte offset. No function aborts on bad input or on allocation failure.
 */
#ifndef ONRECORD_H
#define ONRECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ONR_VERSION_STRING "0.1.0"

/* ---------------------------------------------------------------------------------------------
 * Memory, status codes and errors
 * ------------------------------------------------------------------------------------------- */

/* Allocator hook. `ctx` is passed back unchanged. realloc(ctx, NULL, n) must act as malloc and
 * free(ctx, NULL) must do nothing. A function that returns NULL makes the library fail with
 * ONR_ERR_NOMEM and release what it had allocated. */
typedef struct onr_mem {
    void *(*malloc)(void *ctx, size_t size);
    void *(*realloc)(void *ctx, void *ptr, size_t size);
    void (*free)(void *ctx, void *ptr);
    void *ctx;
} onr_mem;

/* A sized string. Unless a function says otherwise it points into memory owned by the object it
 * came from, is valid UTF-8, and is not NUL-terminated. An absent value has data == NULL. */
typedef struct onr_string {
    const char *data;
    size_t len;
} onr_string;

/* The allocator used when NULL is passed: the C library's. */
const onr_mem *onr_default_mem(void);

typedef enum onr_status {
    ONR_OK = 0,
    ONR_ERR_NOMEM,      /* an allocation failed */
    ONR_ERR_ARGUMENT,   /* a caller error: NULL where an object is required, bad option value */
    ONR_ERR_IO,         /* a file could not be opened or read */
    ONR_ERR_EMPTY,      /* the input holds no bytes, or only white space */
    ONR_ERR_BINARY,     /* the input is not text (NUL-heavy, image, archive) */
    ONR_ERR_FORMAT,     /* a container is malformed: gzip, zstd, WARC, HTTP, JSON */
    ONR_ERR_LIMIT,      /* a configured limit was exceeded (page size, record size) */
    ONR_ERR_NO_ARTICLE, /* the page parsed but no article text was found */
    ONR_ERR_UNSUPPORTED /* the input is of a kind this build does not handle */
} onr_status;

/* A short, stable, lowercase name for a status ("nomem", "io", "no-article", ...). */
const char *onr_status_name(onr_status status);

/* Filled by functions that fail. `offset` is the byte offset in the input that the message is
 * about, or (size_t)-1 when none applies. */
typedef struct onr_error {
    onr_status status;
    size_t offset;
    char message[240];
} onr_error;

/* ---------------------------------------------------------------------------------------------
 * Input: files and compressed data
 * ------------------------------------------------------------------------------------------- */

/* Reads a whole file into memory from `mem`; gzip files (by their magic bytes) are inflated.
 * At most `max_size` bytes after decompression are accepted (0 means no limit): past it the call
 * fails with ONR_ERR_LIMIT. On success the caller frees *out with mem->free (or free() when `mem`
 * is NULL). The returned buffer is NUL-terminated; *out_len does not count the NUL. */
onr_status onr_read_file(const char *path, size_t max_size, const onr_mem *mem, char **out,
                         size_t *out_len, onr_error *err);

/* Inflates a gzip buffer (one or several members). The same size limit and ownership rules as
 * onr_read_file. A truncated stream fails with ONR_ERR_FORMAT and the offset where it ended. */
onr_status onr_gunzip(const char *data, size_t len, size_t max_size, const onr_mem *mem, char **out,
                      size_t *out_len, onr_error *err);

/* ---------------------------------------------------------------------------------------------
 * HTML: tokenizer and tree
 *
 * onr_html_parse builds a tree from a page in UTF-8 (invalid sequences become U+FFFD). The tree is
 * read-only once built; it and every string it hands out live until onr_document_free. A document
 * may be read from several threads at once.
 * ------------------------------------------------------------------------------------------- */

typedef enum onr_node_type {
    ONR_NODE_DOCUMENT,
    ONR_NODE_DOCTYPE,
    ONR_NODE_ELEMENT,
    ONR_NODE_TEXT,
    ONR_NODE_COMMENT
} onr_node_type;

typedef enum onr_namespace { ONR_NS_HTML, ONR_NS_SVG, ONR_NS_MATHML } onr_namespace;

/* Known HTML element names, interned. Elements outside this list are ONR_TAG_UNKNOWN and keep
 * their name (onr_node_name). */
typedef enum onr_tag {
    ONR_TAG_UNKNOWN = 0,
    ONR_TAG_A, ONR_TAG_ABBR, ONR_TAG_ADDRESS, ONR_TAG_APPLET, ONR_TAG_AREA, ONR_TAG_ARTICLE,
    ONR_TAG_ASIDE, ONR_TAG_AUDIO, ONR_TAG_B, ONR_TAG_BASE, ONR_TAG_BASEFONT, ONR_TAG_BDI,
    ONR_TAG_BDO, ONR_TAG_BGSOUND, ONR_TAG_BIG, ONR_TAG_BLINK, ONR_TAG_BLOCKQUOTE, ONR_TAG_BODY,
    ONR_TAG_BR, ONR_TAG_BUTTON, ONR_TAG_CANVAS, ONR_TAG_CAPTION, ONR_TAG_CENTER, ONR_TAG_CITE,
    ONR_TAG_CODE, ONR_TAG_COL, ONR_TAG_COLGROUP, ONR_TAG_DATA, ONR_TAG_DATALIST, ONR_TAG_DD,
    ONR_TAG_DEL, ONR_TAG_DETAILS, ONR_TAG_DFN, ONR_TAG_DIALOG, ONR_TAG_DIR, ONR_TAG_DIV,
    ONR_TAG_DL, ONR_TAG_DT, ONR_TAG_EM, ONR_TAG_EMBED, ONR_TAG_FIELDSET, ONR_TAG_FIGCAPTION,
    ONR_TAG_FIGURE, ONR_TAG_FONT, ONR_TAG_FOOTER, ONR_TAG_FORM, ONR_TAG_FRAME, ONR_TAG_FRAMESET,
    ONR_TAG_H1, ONR_TAG_H2, ONR_TAG_H3, ONR_TAG_H4, ONR_TAG_H5, ONR_TAG_H6, ONR_TAG_HEAD,
    ONR_TAG_HEADER, ONR_TAG_HGROUP, ONR_TAG_HR, ONR_TAG_HTML, ONR_TAG_I, ONR_TAG_IFRAME,
    ONR_TAG_IMAGE, ONR_TAG_IMG, ONR_TAG_INPUT, ONR_TAG_INS, ONR_TAG_KBD, ONR_TAG_KEYGEN,
    ONR_TAG_LABEL, ONR_TAG_LEGEND, ONR_TAG_LI, ONR_TAG_LINK, ONR_TAG_LISTING, ONR_TAG_MAIN,
    ONR_TAG_MAP, ONR_TAG_MARK, ONR_TAG_MARQUEE, ONR_TAG_MATH, ONR_TAG_MENU, ONR_TAG_META,
    ONR_TAG_METER, ONR_TAG_NAV, ONR_TAG_NOBR, ONR_TAG_NOEMBED, ONR_TAG_NOFRAMES,
    ONR_TAG_NOSCRIPT, ONR_TAG_OBJECT, ONR_TAG_OL, ONR_TAG_OPTGROUP, ONR_TAG_OPTION,
    ONR_TAG_OUTPUT, ONR_TAG_P, ONR_TAG_PARAM, ONR_TAG_PICTURE, ONR_TAG_PLAINTEXT, ONR_TAG_PRE,
    ONR_TAG_PROGRESS, ONR_TAG_Q, ONR_TAG_RB, ONR_TAG_RP, ONR_TAG_RT, ONR_TAG_RTC, ONR_TAG_RUBY,
    ONR_TAG_S, ONR_TAG_SAMP, ONR_TAG_SCRIPT, ONR_TAG_SEARCH, ONR_TAG_SECTION, ONR_TAG_SELECT,
    ONR_TAG_SLOT, ONR_TAG_SMALL, ONR_TAG_SOURCE, ONR_TAG_SPAN, ONR_TAG_STRIKE, ONR_TAG_STRONG,
    ONR_TAG_STYLE, ONR_TAG_SUB, ONR_TAG_SUMMARY, ONR_TAG_SUP, ONR_TAG_SVG, ONR_TAG_TABLE,
    ONR_TAG_TBODY, ONR_TAG_TD, ONR_TAG_TEMPLATE, ONR_TAG_TEXTAREA, ONR_TAG_TFOOT, ONR_TAG_TH,
    ONR_TAG_THEAD, ONR_TAG_TIME, ONR_TAG_TITLE, ONR_TAG_TR, ONR_TAG_TRACK, ONR_TAG_TT, ONR_TAG_U,
    ONR_TAG_UL, ONR_TAG_VAR, ONR_TAG_VIDEO, ONR_TAG_WBR, ONR_TAG_XMP,
    ONR_TAG__COUNT
} onr_tag;

/* The lowercase name of a known tag ("div"), or NULL for ONR_TAG_UNKNOWN. */
const char *onr_tag_name(onr_tag tag);
/* The tag for a name of any case, or ONR_TAG_UNKNOWN. */
onr_tag onr_tag_lookup(const char *name, size_t len);

/* Limits that keep every input bounded. Set by onr_html_options_init; `size` must be
 * sizeof(onr_html_options) so that later versions can add fields. */
typedef struct onr_html_options {
    size_t size;
    unsigned max_depth;           /* deeper elements are attached at this depth (default 400) */
    unsigned max_attributes;      /* further attributes of one element are dropped (default 256) */
    size_t max_attribute_length;  /* longer values are cut to this many bytes (default 64 KiB) */
} onr_html_options;

void onr_html_options_init(onr_html_options *options);

typedef struct onr_document onr_document;
typedef struct onr_node onr_node;

/* Parses `html` (UTF-8) into a tree. `options` may be NULL for the defaults. Any byte string
 * parses; the only failures are ONR_ERR_NOMEM and ONR_ERR_ARGUMENT. */
onr_status onr_html_parse(const char *html, size_t len, const onr_html_options *options,
                          const onr_mem *mem, onr_document **out, onr_error *err);
void onr_document_free(onr_document *doc);

/* The document node; its children are the doctype, comments and the <html> element. */
const onr_node *onr_document_root(const onr_document *doc);

onr_node_type onr_node_get_type(const onr_node *node);
onr_tag onr_node_tag(const onr_node *node);
onr_namespace onr_node_namespace(const onr_node *node);
/* Element name, lowercase (for foreign elements, the adjusted SVG/MathML case); the doctype's
 * name for a doctype node; NULL for other nodes. */
const char *onr_node_name(const onr_node *node, size_t *len);
/* Text of a text or comment node, UTF-8; NULL for other nodes. */
const char *onr_node_data(const onr_node *node, size_t *len);
/* Byte offset in the input where the node's token began. */
size_t onr_node_source_offset(const onr_node *node);

const onr_node *onr_node_parent(const onr_node *node);
const onr_node *onr_node_first_child(const onr_node *node);
const onr_node *onr_node_last_child(const onr_node *node);
const onr_node *onr_node_next_sibling(const onr_node *node);
const onr_node *onr_node_prev_sibling(const onr_node *node);
/* Pre-order walk restricted to the subtree of `scope`: the node after `node`, or NULL. */
const onr_node *onr_node_next_in(const onr_node *scope, const onr_node *node);

/* Attributes in source order (duplicates already dropped). Names are lowercase. */
size_t onr_node_attribute_count(const onr_node *node);
bool onr_node_attribute_at(const onr_node *node, size_t index, const char **name, size_t *name_len,
                           const char **value, size_t *value_len);
/* The value of the attribute named `name` (any case), or NULL when absent. */
const char *onr_node_attribute(const onr_node *node, const char *name, size_t name_len,
                               size_t *value_len);
/* Whether the class attribute holds `class_name` as one of its white-space separated words. */
bool onr_node_has_class(const onr_node *node, const char *class_name, size_t len);
bool onr_node_has_id(const onr_node *node, const char *id, size_t len);

/* The concatenated text of the subtree, as in DOM textContent, copied into `dst` (at most `cap`
 * bytes, NUL-terminated when cap > 0). Returns the full length, so a caller can size a buffer. */
size_t onr_node_text(const onr_node *node, char *dst, size_t cap);

/* What onr_find_next matches: every field that is set must match. Strings are NUL-terminated
 * here for convenience; `attribute` alone tests presence, with `value` an exact value. */
typedef struct onr_query {
    onr_tag tag;               /* ONR_TAG_UNKNOWN: any */
    const char *class_name;    /* NULL: any */
    const char *id;            /* NULL: any */
    const char *attribute;     /* NULL: any */
    const char *value;         /* NULL: any value of `attribute` */
} onr_query;

/* The next element after `after` (or the first, when `after` is NULL) in the subtree of `scope`,
 * in document order, that matches `query`; NULL when there is none. */
const onr_node *onr_find_next(const onr_node *scope, const onr_node *after, const onr_query *query);

/* ---------------------------------------------------------------------------------------------
 * Context: options and allocator, shared by every stage
 *
 * A context is immutable once made and may be shared by any number of threads; each call that
 * uses it allocates its results from the context's allocator.
 * ------------------------------------------------------------------------------------------- */

typedef enum onr_mode {
    ONR_MODE_BALANCED,  /* the default trade-off between keeping and dropping text */
    ONR_MODE_PRECISION, /* drop doubtful blocks (trafilatura's --precision) */
    ONR_MODE_RECALL     /* keep doubtful blocks (trafilatura's --recall) */
} onr_mode;

typedef struct onr_options {
    size_t size;             /* sizeof(onr_options), set by onr_options_init */
    onr_mode mode;
    bool comments;           /* extract the comment section, kept apart from the body */
    bool tables;             /* keep tables in the body (default true) */
    bool images;             /* keep figures in the body (default true) */
    bool links;              /* keep link targets on inline links (default true) */
    bool sources;            /* run the sourcing audit on each extracted article */
    size_t max_page_size;    /* larger pages are refused with ONR_ERR_LIMIT (default 32 MiB) */
    onr_html_options html;   /* parser limits */
} onr_options;

void onr_options_init(onr_options *options);

typedef struct onr_context onr_context;

/* Copies `options` (NULL: the defaults) and keeps `mem` (NULL: the C library's; it must outlive
 * the context). Fails with ONR_ERR_ARGUMENT on an options struct of unknown size. */
onr_status onr_context_new(const onr_options *options, const onr_mem *mem, onr_context **out,
                           onr_error *err);
void onr_context_free(onr_context *ctx);
const onr_options *onr_context_options(const onr_context *ctx);
const onr_mem *onr_context_mem(const onr_context *ctx);

/* ---------------------------------------------------------------------------------------------
 * Extraction: from a page to an article                                   (section: extract)
 * ------------------------------------------------------------------------------------------- */

/* ---------------------------------------------------------------------------------------------
 * Sourcing audit: quotes, speakers and sources                            (section: sources)
 * ------------------------------------------------------------------------------------------- */

/* ---------------------------------------------------------------------------------------------
 * Crawl input: WARC archives and charsets                                 (section: warc)
 * ------------------------------------------------------------------------------------------- */

#ifdef __cplusplus
}
#endif

#endif /* ONRECORD_H */
