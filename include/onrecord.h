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

/* Writes `s` as a JSON string literal, quotes included, into dst[0..cap) (NUL-terminated when cap
 * > 0); invalid UTF-8 becomes U+FFFD. Returns the full length, so a caller can size a buffer. */
size_t onr_json_quote(const char *s, size_t len, char *dst, size_t cap);

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
    unsigned max_attributes;      /* further attributes of one element are dropped (default 256;
                                   * at most 65535 are kept, whatever is set) */
    size_t max_attribute_length;  /* longer values are cut to this many bytes (default 64 KiB) */
} onr_html_options;

void onr_html_options_init(onr_html_options *options);

typedef struct onr_document onr_document;
typedef struct onr_node onr_node;

/* Parses `html` (UTF-8) into a tree. `options` may be NULL for the defaults. Any byte string of
 * up to 1 GiB parses; the only failures are ONR_ERR_NOMEM, ONR_ERR_ARGUMENT, and ONR_ERR_LIMIT
 * for a larger input (node offsets and lengths are 32-bit). */
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
/* A <template>'s content: a fragment node (type ONR_NODE_DOCUMENT) holding what the template
 * contains, as in the DOM (the template element itself has no children); NULL for other nodes. */
const onr_node *onr_node_template_content(const onr_node *node);
/* Pre-order walk restricted to the subtree of `scope`: the node after `node`, or NULL. */
const onr_node *onr_node_next_in(const onr_node *scope, const onr_node *node);

/* Attributes in source order (duplicates already dropped). Names are lowercase, except the
 * adjusted SVG/MathML names ("viewBox", "xlink:href"). A doctype node has the attributes "public"
 * and "system" for the identifiers it declares. */
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
 *
 * onr_extract finds a page's main content and metadata and returns an article: metadata, the body
 * as a read-only list of blocks (paragraphs, headings, lists, quotes, preformatted text, tables,
 * figures) holding inline spans, the body as plain text, and, with options.comments, the comment
 * section kept apart. An article owns one arena: every string, block and span it hands out lives
 * until onr_article_free. An article is read-only, so several threads may read one at once;
 * onr_extract itself may run on many threads with one shared context.
 * ------------------------------------------------------------------------------------------- */

typedef struct onr_article onr_article;
typedef struct onr_sources onr_sources; /* see the sources section */

typedef enum onr_block_kind {
    ONR_BLOCK_PARAGRAPH,
    ONR_BLOCK_HEADING,    /* `level` 1..6 */
    ONR_BLOCK_LIST,       /* `ordered`; `children` are its items */
    ONR_BLOCK_LIST_ITEM,  /* spans; `children` may hold a nested list */
    ONR_BLOCK_QUOTE,      /* `children` are its blocks */
    ONR_BLOCK_PRE,        /* one text span, white space and line breaks as written */
    ONR_BLOCK_TABLE,      /* `children` are its rows */
    ONR_BLOCK_TABLE_ROW,  /* `children` are its cells */
    ONR_BLOCK_TABLE_CELL, /* spans; `header` for <th> */
    ONR_BLOCK_FIGURE      /* image_url, caption, credit, alt */
} onr_block_kind;

typedef enum onr_span_kind {
    ONR_SPAN_TEXT,
    ONR_SPAN_LINK,        /* text with an absolute `href` */
    ONR_SPAN_BREAK        /* a line break (<br>); `text` is "\n" */
} onr_span_kind;

/* Bits of onr_span.style. */
enum { ONR_STYLE_EMPHASIS = 1, ONR_STYLE_STRONG = 2 };

/* A run of inline text with one style. White space is as a browser renders it: runs collapsed
 * to one space, none at the start or end of a block. */
typedef struct onr_span {
    onr_span_kind kind;
    unsigned style;
    onr_string text;
    onr_string href;      /* links only */
} onr_span;

typedef struct onr_block {
    onr_block_kind kind;
    unsigned level;       /* headings: 1..6 */
    bool ordered;         /* lists */
    bool header;          /* table cells: <th> */
    const onr_span *spans;
    size_t span_count;
    const struct onr_block *children;
    size_t child_count;
    onr_string text;      /* the block's plain text (for containers, their children's) */
    onr_string image_url; /* figures: absolute; caption, credit and alt may be absent */
    onr_string caption;
    onr_string credit;
    onr_string alt;
} onr_block;

/* The article's metadata. Absent strings have data == NULL; arrays may be empty. */
typedef struct onr_article_meta {
    onr_string title;          /* the headline, without the site's suffix */
    onr_string description;
    onr_string sitename;
    onr_string publisher;
    onr_string url;            /* canonical URL, else the page URL given */
    onr_string hostname;       /* of `url` */
    onr_string language;
    onr_string date;           /* published, ISO 8601 */
    onr_string date_modified;
    const onr_string *authors;
    size_t author_count;
    const onr_string *categories;
    size_t category_count;
    const onr_string *tags;
    size_t tag_count;
    onr_string image_url;      /* lead image */
    onr_string image_caption;
    onr_string image_credit;
    const onr_string *warnings; /* things the extractor skipped, e.g. broken JSON-LD */
    size_t warning_count;
} onr_article_meta;

/* Extracts the article of `html` (any bytes: the charset is detected and the text converted to
 * UTF-8). `url` (may be NULL/0) is the page's address, the base for relative links. `ctx` may be
 * NULL for the defaults. On success the caller frees *out with onr_article_free. Errors:
 * ONR_ERR_EMPTY (no bytes or only white space), ONR_ERR_BINARY (not text: NUL bytes, image or
 * archive magic), ONR_ERR_LIMIT (longer than options.max_page_size), ONR_ERR_NO_ARTICLE (no
 * article text found), ONR_ERR_NOMEM, ONR_ERR_ARGUMENT (NULL out, NULL html with len > 0). */
onr_status onr_extract(const onr_context *ctx, const char *html, size_t len, const char *url,
                       size_t url_len, onr_article **out, onr_error *err);
/* The same for a page fetched over HTTP (a WARC record): `content_type` is the Content-Type
 * header's value (may be NULL), whose charset parameter decides the encoding when the page has no
 * byte-order mark, as in browsers. */
onr_status onr_extract_http(const onr_context *ctx, const char *html, size_t len,
                            const char *content_type, size_t content_type_len, const char *url,
                            size_t url_len, onr_article **out, onr_error *err);
void onr_article_free(onr_article *article);

const onr_article_meta *onr_article_metadata(const onr_article *article);
/* The body's top-level blocks in reading order. */
const onr_block *onr_article_blocks(const onr_article *article, size_t *count);
/* The comment section's blocks (only with options.comments; else none). */
const onr_block *onr_article_comments(const onr_article *article, size_t *count);
/* The body as plain text: blocks separated by blank lines, list items and table rows by line
 * breaks. */
onr_string onr_article_text(const onr_article *article);
onr_string onr_article_comments_text(const onr_article *article);
/* The sourcing audit of the body text (options.sources), or NULL. Owned by the article. */
const onr_sources *onr_article_sources(const onr_article *article);

typedef enum onr_format {
    ONR_FORMAT_MARKDOWN,  /* a clean article: headline, date, byline, body, source URL last */
    ONR_FORMAT_TEXT,      /* plain text */
    ONR_FORMAT_JSON,      /* one object on one line; schema in docs/json-schema.md */
    ONR_FORMAT_XML        /* a <doc> element with metadata attributes, trafilatura-like */
} onr_format;

/* Bits of onr_article_render's `flags`. */
enum {
    ONR_RENDER_METADATA = 1, /* Markdown/text: headline, date, byline, credit, source URL */
    ONR_RENDER_LINKS = 2,    /* Markdown: links as [text](url) (JSON always lists them) */
    ONR_RENDER_IMAGES = 4,   /* figures in the body */
    ONR_RENDER_TABLES = 8,   /* tables in the body */
    ONR_RENDER_COMMENTS = 16,/* the comment section, when extracted */
    ONR_RENDER_SOURCES = 32  /* the sourcing audit, when run */
};

/* Renders the article. *out is NUL-terminated (the NUL not counted in *out_len) and allocated
 * from `mem` (NULL: the C library's); the caller frees it with mem->free. JSON is one line
 * without a newline at the end. Fails with ONR_ERR_NOMEM or ONR_ERR_ARGUMENT. */
onr_status onr_article_render(const onr_article *article, onr_format format, unsigned flags,
                              const onr_mem *mem, char **out, size_t *out_len);

/* ---------------------------------------------------------------------------------------------
 * Sourcing audit: quotes, speakers and sources                            (section: sources)
 *
 * onr_sources_analyze reads plain text (an extracted article, Markdown, or any text) and finds
 * its quotes (direct, partial, mixed and reported speech), the speaker mention and cue of each,
 * and groups the speakers into sources, named or anonymous. Deterministic rules, one pass over
 * the text's tokens. The result owns a copy of the text (invalid UTF-8 replaced by U+FFFD);
 * every span and string below points into the result and lives until onr_sources_free.
 * ------------------------------------------------------------------------------------------- */

typedef enum onr_quote_kind {
    ONR_QUOTE_DIRECT,   /* a whole statement inside quotation marks */
    ONR_QUOTE_INDIRECT, /* reported speech without quotation marks: "X said (that) ..." */
    ONR_QUOTE_MIXED,    /* reported speech that quotes some of its words */
    ONR_QUOTE_PARTIAL   /* a few quoted words inside the writer's own sentence */
} onr_quote_kind;

typedef enum onr_source_kind {
    ONR_SOURCE_UNKNOWN,
    ONR_SOURCE_NAMED_PERSON,         /* "Dmitry Peskov" */
    ONR_SOURCE_NAMED_ORGANIZATION,   /* "the Kremlin", "The Moscow Times" (also publications) */
    ONR_SOURCE_ANONYMOUS_INDIVIDUAL, /* "a source close to the Foreign Ministry", "one official" */
    ONR_SOURCE_ANONYMOUS_GROUP,      /* "officials", "people familiar with the matter" */
    ONR_SOURCE_DOCUMENT              /* "a report", "the indictment", "a statement" */
} onr_source_kind;

/* Stable lowercase names: "direct", ...; "named-person", "named-organization",
 * "anonymous-individual", "anonymous-group", "document", "unknown". */
const char *onr_quote_kind_name(onr_quote_kind kind);
const char *onr_source_kind_name(onr_source_kind kind);

/* A stretch of the analysed text, end exclusive, in Unicode code points (as Python and JSON
 * consumers count) and in bytes. */
typedef struct onr_text_span {
    size_t start, end;
    size_t byte_start, byte_end;
} onr_text_span;

#define ONR_NO_SOURCE ((size_t)-1)

typedef struct onr_quote {
    onr_text_span span;       /* direct quotes include their quotation marks */
    const onr_text_span *pieces; /* the quoted stretches when the quote is interrupted by its
                                    attribution (“A,” she said, “B.”); else one piece == span */
    size_t piece_count;
    onr_quote_kind kind;
    bool has_speaker;         /* false: no speaker found, `speaker` is all zero */
    onr_text_span speaker;    /* the mention next to the quote: "he", "Dmitry Peskov, the ..." */
    onr_string speaker_text;
    bool has_cue;
    onr_text_span cue;        /* "said", "according to", "told", the colon of "X said:" */
    onr_string cue_text;
    size_t source;            /* index for onr_sources_source, or ONR_NO_SOURCE */
    bool anonymous;           /* its sources are all anonymous */
    const size_t *sources;    /* every source the quote is credited to, `source` first: one per
                                 member of a joint speaker ("a diplomat and a source close to ...") */
    size_t source_count;      /* 0 when `source` is ONR_NO_SOURCE */
} onr_quote;

typedef struct onr_source {
    onr_source_kind kind;
    bool anonymous;
    onr_string name;          /* the name, or for anonymous sources the fullest descriptor */
    onr_string role;          /* "spokesman", "official", "diplomat"; empty when none */
    onr_string affiliation;   /* "the Foreign Ministry", "the Kremlin"; empty when none */
    onr_string nationality;   /* "Russian"; empty when none */
    const size_t *quotes;     /* indexes for onr_sources_quote, in text order */
    size_t quote_count;
    const onr_text_span *mentions; /* every mention resolved to this source, in text order */
    size_t mention_count;
} onr_source;

/* "seven senior officials and three members of the Russian business elite told": count 10. */
typedef struct onr_source_claim {
    onr_text_span span;
    unsigned count;
} onr_source_claim;

typedef struct onr_sources_summary {
    size_t quote_count;
    size_t by_kind[4];             /* indexed by onr_quote_kind */
    size_t source_count;
    size_t named_source_count;
    size_t anonymous_source_count;
    double anonymous_share;        /* share of attributed quotes whose source is anonymous, 0..1 */
    unsigned claimed_source_count; /* the sum of `claims`, 0 when the article states none */
    const onr_source_claim *claims;
    size_t claim_count;
    const onr_text_span *justifications; /* "spoke on condition of anonymity as they are ..." */
    size_t justification_count;
    const onr_string *publications;      /* outlets the article cites ("VPost"), distinct */
    size_t publication_count;
} onr_sources_summary;

typedef struct onr_sources onr_sources;

/* Analyses `text` (UTF-8, need not be NUL-terminated) with the context's allocator. `ctx` may be
 * NULL for the defaults. On success the caller frees *out with onr_sources_free. Fails only with
 * ONR_ERR_ARGUMENT (NULL out, or NULL text with len > 0), ONR_ERR_LIMIT (a text of 4 GiB or
 * more) and ONR_ERR_NOMEM. */
onr_status onr_sources_analyze(const onr_context *ctx, const char *text, size_t len,
                               onr_sources **out, onr_error *err);
void onr_sources_free(onr_sources *sources);

/* The analysed text (the input, with invalid UTF-8 replaced), which all spans index. */
onr_string onr_sources_text(const onr_sources *sources);
size_t onr_sources_quote_count(const onr_sources *sources);
/* The quote at `index` (in text order), or NULL past the end. */
const onr_quote *onr_sources_quote(const onr_sources *sources, size_t index);
size_t onr_sources_source_count(const onr_sources *sources);
/* The source at `index` (in order of first mention), or NULL past the end. */
const onr_source *onr_sources_source(const onr_sources *sources, size_t index);
const onr_sources_summary *onr_sources_get_summary(const onr_sources *sources);

typedef enum onr_sources_format {
    ONR_SOURCES_JSON,     /* one JSON object on one line; schema in docs/sources.md */
    ONR_SOURCES_MARKDOWN  /* a report for an editor: each source with its quotes, then a summary */
} onr_sources_format;

/* Renders the audit. *out is NUL-terminated (the NUL not counted in *len) and allocated from
 * `mem` (NULL: the C library's); the caller frees it with mem->free. Fails with ONR_ERR_NOMEM or
 * ONR_ERR_ARGUMENT. */
onr_status onr_sources_render(const onr_sources *sources, onr_sources_format format,
                              const onr_mem *mem, char **out, size_t *len);


/* ---------------------------------------------------------------------------------------------
 * Crawl input: WARC archives and charsets                                 (section: warc)
 * ------------------------------------------------------------------------------------------- */

/* -- Charsets: any page's bytes to UTF-8, in the WHATWG order (HTML standard, "determining the
 * character encoding"): byte-order mark, the HTTP Content-Type charset, a <meta> prescan of the
 * first 1024 bytes, sniffing (UTF-16 by its NULs, valid UTF-8), a <meta> later in the head (what a
 * browser reparses for), uchardet's guess, then windows-1252. Labels map as the WHATWG Encoding
 * standard says ("latin1" and "ascii" are windows-1252, "gb2312" is GBK decoded as gb18030,
 * "shift_jis" is decoded as CP932, ...). Invalid sequences become U+FFFD. Encoding names handed
 * out are the standard's canonical names ("UTF-8", "windows-1252", "Shift_JIS", "GBK",
 * "UTF-16LE", "replacement", ...), static strings. Details: docs/warc.md. */

typedef enum onr_charset_source {
    ONR_CHARSET_FROM_BOM,      /* a byte-order mark (it is not part of the output) */
    ONR_CHARSET_FROM_HTTP,     /* the charset parameter of the Content-Type given */
    ONR_CHARSET_FROM_META,     /* <meta charset> or <meta http-equiv=content-type> */
    ONR_CHARSET_FROM_SNIFF,    /* guessed from the bytes (valid UTF-8, or uchardet) */
    ONR_CHARSET_FROM_DEFAULT,  /* nothing said anything: windows-1252 */
    ONR_CHARSET_FROM_CALLER    /* onr_convert_to_utf8 with an explicit encoding */
} onr_charset_source;

/* "bom", "http", "meta", "sniff", "default", "caller". */
const char *onr_charset_source_name(onr_charset_source source);

/* A page as UTF-8. `data` either points into the input given (no copy: the input was valid UTF-8
 * in an encoding compatible with it; a UTF-8 BOM is skipped) or into `owned`, a NUL-terminated
 * buffer from the allocator given, which onr_utf8_text_free releases. */
typedef struct onr_utf8_text {
    const char *data;
    size_t len;
    char *owned;                /* NULL when `data` points into the input */
    const char *encoding;       /* canonical name of the encoding decoded */
    onr_charset_source source;  /* which step chose it */
    size_t replacements;        /* U+FFFD written for invalid input sequences */
} onr_utf8_text;

/* Decodes `bytes` to UTF-8. `content_type` is the HTTP Content-Type header value (its charset
 * parameter is used) or NULL; content_type_len its length. The result keeps pointing into `bytes`
 * when no conversion is needed, so `bytes` must outlive it. Any byte string decodes; fails only
 * with ONR_ERR_NOMEM or ONR_ERR_ARGUMENT, and then *out holds nothing to free. */
onr_status onr_to_utf8(const char *bytes, size_t len, const char *content_type,
                       size_t content_type_len, const onr_mem *mem, onr_utf8_text *out,
                       onr_error *err);
/* The same with the encoding forced by the caller: `label` is any WHATWG label ("latin1",
 * "sjis", ...). A BOM still wins, as in browsers. Fails with ONR_ERR_UNSUPPORTED on an unknown
 * label. */
onr_status onr_convert_to_utf8(const char *bytes, size_t len, const char *label, size_t label_len,
                               const onr_mem *mem, onr_utf8_text *out, onr_error *err);
/* Releases `owned` (with the `mem` given to the conversion) and clears the struct. */
void onr_utf8_text_free(onr_utf8_text *text, const onr_mem *mem);

/* The canonical name for a WHATWG label (any case, surrounding white space ignored), or NULL
 * when the label is unknown. */
const char *onr_charset_lookup(const char *label, size_t len);
/* The encoding that onr_to_utf8 would decode with, without decoding. */
const char *onr_charset_detect(const char *bytes, size_t len, const char *content_type,
                               size_t content_type_len, onr_charset_source *source);
/* The WHATWG "prescan a byte stream to determine its encoding" over the first 1024 bytes:
 * the encoding a <meta> declares (UTF-16 declarations mean UTF-8; x-user-defined means
 * windows-1252), or NULL when none does. */
const char *onr_charset_prescan(const char *bytes, size_t len);

/* -- WARC archives (WARC/1.0 and 1.1): uncompressed, gzip with a member per record (.warc.gz) and
 * zstd (.warc.zst, with the dictionary frame of the zstd WARC convention), told apart by their
 * magic bytes. The reader streams: memory stays bounded by the record size cap, whatever the
 * file. A reader is used by one thread; hand records to other threads by copying what they need.
 * Details: docs/warc.md. */

typedef enum onr_warc_type {
    ONR_WARC_WARCINFO,
    ONR_WARC_RESPONSE,
    ONR_WARC_RESOURCE,
    ONR_WARC_REQUEST,
    ONR_WARC_METADATA,
    ONR_WARC_REVISIT,
    ONR_WARC_CONVERSION,
    ONR_WARC_CONTINUATION,
    ONR_WARC_OTHER          /* a type this reader does not know; see `type_name` */
} onr_warc_type;

/* "warcinfo", "response", ..., "other". */
const char *onr_warc_type_name(onr_warc_type type);

typedef enum onr_warc_compression { ONR_WARC_PLAIN, ONR_WARC_GZIP, ONR_WARC_ZSTD } onr_warc_compression;

/* Why a record holds no page to extract. */
typedef enum onr_warc_skip {
    ONR_WARC_KEEP = 0,           /* an HTML page: extract it */
    ONR_WARC_SKIP_NOT_RESPONSE,  /* request, metadata, revisit, warcinfo, ... ("not-response") */
    ONR_WARC_SKIP_HTTP_STATUS,   /* an HTTP status outside the kept range ("http-status") */
    ONR_WARC_SKIP_NOT_HTML,      /* neither HTML nor XHTML ("not-html") */
    ONR_WARC_SKIP_TOO_LARGE,     /* block or decoded payload above max_record_size ("too-large") */
    ONR_WARC_SKIP_TRUNCATED,     /* WARC-Truncated says the crawler cut it ("truncated") */
    ONR_WARC_SKIP_EMPTY          /* no payload bytes ("empty") */
} onr_warc_skip;

/* "keep", "not-response", "http-status", "not-html", "too-large", "truncated", "empty". */
const char *onr_warc_skip_name(onr_warc_skip skip);

typedef struct onr_warc_options {
    size_t size;              /* sizeof(onr_warc_options), set by onr_warc_options_init */
    size_t max_record_size;   /* larger blocks and decoded payloads are skipped (default 16 MiB) */
    size_t max_header_size;   /* a longer WARC or HTTP header block is an error (default 256 KiB) */
    int min_status;           /* HTTP statuses kept: min_status..max_status (default 200..299) */
    int max_status;
    bool html_only;           /* keep only HTML and XHTML payloads (default true) */
    bool keep_truncated;      /* keep records marked WARC-Truncated (default false) */
} onr_warc_options;

void onr_warc_options_init(onr_warc_options *options);

/* One record. Every string and the payload point into the reader and stay valid until the next
 * onr_warc_next or onr_warc_close; absent headers have data == NULL. Header values are as
 * written (not necessarily UTF-8). */
typedef struct onr_warc_record {
    onr_warc_type type;
    onr_string type_name;              /* WARC-Type as written */
    onr_string version;                /* "WARC/1.1" */
    onr_string record_id;              /* WARC-Record-ID, with its angle brackets */
    onr_string target_uri;             /* WARC-Target-URI (angle brackets of WARC/1.0 removed) */
    onr_string date;                   /* WARC-Date */
    onr_string identified_payload_type;/* WARC-Identified-Payload-Type */
    onr_string content_type;           /* the record's Content-Type */
    onr_string headers;                /* the whole WARC header block, for other fields */
    uint64_t offset;                   /* where the record starts in the file: its gzip member or
                                        * zstd frame in a compressed file */
    uint64_t length;                   /* bytes it takes in the file (compressed, for .gz/.zst) */
    uint64_t content_length;           /* the block's declared Content-Length */

    /* HTTP, for response records whose block starts with a status line. */
    bool has_http;
    int http_status;                   /* 0 when there is no status line */
    onr_string http_headers;           /* the HTTP header block, status line excluded */
    onr_string http_content_type;
    onr_string http_content_encoding;
    onr_string http_transfer_encoding;

    /* The payload: the HTTP body with chunked transfer coding and gzip/deflate content coding
     * undone (response), or the block (resource and others). Empty for skipped large records. */
    const char *payload;
    size_t payload_len;
    bool payload_dechunked;            /* chunked transfer coding was undone */
    bool payload_decoded;              /* gzip/deflate content coding was undone */
    bool coding_mismatch;              /* the headers claim a coding the bytes do not have (kept
                                        * raw: the CC-NEWS quirk) */
    onr_warc_skip skip;                /* the filters' verdict with the reader's options */
} onr_warc_record;

typedef struct onr_warc_reader onr_warc_reader;

/* Opens a WARC file for streaming (buffered reads; the file is never loaded whole). `options`
 * may be NULL for the defaults. The caller frees the reader with onr_warc_close. Fails with
 * ONR_ERR_IO, ONR_ERR_NOMEM or ONR_ERR_ARGUMENT. */
onr_status onr_warc_open(const char *path, const onr_warc_options *options, const onr_mem *mem,
                         onr_warc_reader **out, onr_error *err);
/* The same over bytes in memory, which must outlive the reader. */
onr_status onr_warc_open_memory(const char *data, size_t len, const onr_warc_options *options,
                                const onr_mem *mem, onr_warc_reader **out, onr_error *err);
/* Reads the next record into *record. At the end of the file it returns ONR_OK with *record set
 * to NULL. ONR_ERR_FORMAT reports damage (a truncated gzip member, a wrong Content-Length,
 * garbage between records) with err->offset where it starts; the reader has already moved on,
 * so call again to resume at the next record it finds. ONR_ERR_IO and ONR_ERR_NOMEM are final:
 * later calls report the end. */
onr_status onr_warc_next(onr_warc_reader *reader, const onr_warc_record **record,
                         onr_error *err);
void onr_warc_close(onr_warc_reader *reader);

/* A copy of a record that outlives the reader, for handing to another thread: one allocation
 * from `mem` holding the struct and every string and the payload (each NUL-terminated). Free it
 * with onr_warc_record_free and the same `mem`. Fails only with ONR_ERR_NOMEM/ONR_ERR_ARGUMENT. */
onr_status onr_warc_record_clone(const onr_warc_record *record, const onr_mem *mem,
                                 onr_warc_record **out, onr_error *err);
void onr_warc_record_free(onr_warc_record *record, const onr_mem *mem);

onr_warc_compression onr_warc_reader_compression(const onr_warc_reader *reader);
/* Bytes of the file consumed so far and the file's size (0 when unknown), for progress. */
uint64_t onr_warc_reader_position(const onr_warc_reader *reader);
uint64_t onr_warc_reader_file_size(const onr_warc_reader *reader);

/* -- Reading one .warc.gz on several threads. Inflating is most of the cost of reading a .warc.gz,
 * and a gzip member's end is only known by inflating it; but every member starts with the magic
 * bytes 1f 8b 08, which the reader also resynchronises on. So a scan for them splits the file into
 * stretches that readers on other threads take one each; a magic that lies inside compressed data
 * (a false start) gives a stretch that the previous member's reader runs past: its stop offset
 * says where the next useful stretch starts, and the stretches before that are dropped. Reading
 * stretch by stretch in this way gives the records and errors of one onr_warc_open reader. */

/* The offset of the first gzip member magic (1f 8b 08) in data[0..len), or len. */
size_t onr_warc_find_gzip_magic(const char *data, size_t len);

/* Opens a reader over the gzip WARC file open as `fd` from `offset` on (0, or where a magic is),
 * reading with pread so that several readers share the descriptor; it never closes it.
 * `length_hint` is the stretch's expected length (to the next magic), for buffer sizes. With
 * `one_member`, the reader ends where the next member starts after the first one (or after the
 * damage or garbage that replaces it); otherwise it reads to the end of the file. Records and
 * errors give file offsets. Fails with ONR_ERR_IO, ONR_ERR_NOMEM or ONR_ERR_ARGUMENT. */
onr_status onr_warc_open_at(int fd, uint64_t offset, uint64_t length_hint, bool one_member,
                            const onr_warc_options *options, const onr_mem *mem, onr_warc_reader **out,
                            onr_error *err);
/* Points a reader made by onr_warc_open_at at another stretch (arguments as there), keeping its
 * buffers and decompressors: a thread that reads stretch after stretch saves an open and a close
 * for each. On failure (ONR_ERR_IO, ONR_ERR_NOMEM, ONR_ERR_ARGUMENT) the reader returns no records
 * until reopened, and must still be closed. */
onr_status onr_warc_reopen_at(onr_warc_reader *reader, int fd, uint64_t offset, uint64_t length_hint,
                              bool one_member, onr_error *err);
/* For a one-member reader that has ended: the file offset where reading goes on (the next
 * member's magic, or the end of the file). *spilled (when not NULL) tells that a record or damage
 * ran into the next member: the member must then be read again with `one_member` false, which
 * gives the same records and errors up to that point and reads on through the following
 * members. */
uint64_t onr_warc_reader_stop(const onr_warc_reader *reader, bool *spilled);

/* Whether a file or buffer starts like a WARC file (plain, gzip or zstd): the magic bytes and,
 * for compressed data, a first record header. For picking WARC inputs by content. */
bool onr_warc_sniff(const char *data, size_t len);
bool onr_warc_sniff_file(const char *path);

/* The filters alone: the verdict for `record` under `options` (NULL: the defaults). A record the
 * reader marked too-large keeps that verdict: its payload is gone. */
onr_warc_skip onr_warc_classify(const onr_warc_record *record, const onr_warc_options *options);
/* Whether the payload is HTML or XHTML by its HTTP (or resource) Content-Type and, when present,
 * WARC-Identified-Payload-Type; without either, by its first bytes. */
bool onr_warc_record_is_html(const onr_warc_record *record);
/* The value of any WARC header of the record (name in any case), or data == NULL. */
onr_string onr_warc_header(const onr_warc_record *record, const char *name, size_t name_len);

#ifdef __cplusplus
}
#endif

#endif /* ONRECORD_H */
