/* The WHATWG HTML tokenizer: bytes in, tokens out, one at a time. The tree builder drives it and
 * switches its state for raw text elements, as the specification's tree construction does. */
#ifndef ONR_HTML_TOKENIZER_H
#define ONR_HTML_TOKENIZER_H

#include "core/core.h"

typedef enum html_token_kind {
    HTML_TOKEN_DOCTYPE,
    HTML_TOKEN_START_TAG,
    HTML_TOKEN_END_TAG,
    HTML_TOKEN_COMMENT,
    HTML_TOKEN_CHARACTERS, /* a run of text; never empty; may contain U+0000 only as documented below */
    HTML_TOKEN_EOF
} html_token_kind;

/* Tokenizer states the tree builder may set (the specification's names). */
typedef enum html_text_state {
    HTML_STATE_DATA,
    HTML_STATE_RCDATA,     /* title, textarea */
    HTML_STATE_RAWTEXT,    /* style, xmp, iframe, noembed, noframes, (noscript when scripting) */
    HTML_STATE_SCRIPT,     /* script data, with its escaped sub-states */
    HTML_STATE_PLAINTEXT,
    HTML_STATE_CDATA_ALLOWED, /* not a state: see html_tokenizer_allow_cdata; ignored here */
    HTML_STATE_CDATA_SECTION  /* for tests (html5lib's initial state); the tokenizer enters it itself */
} html_text_state;

typedef struct html_attr {
    const char *name;   /* lowercase, UTF-8 */
    size_t name_len;
    const char *value;  /* character references decoded, UTF-8 */
    size_t value_len;
} html_attr;

/* Every pointer in a token stays valid until the next call to html_tokenizer_next. */
typedef struct html_token {
    html_token_kind kind;
    size_t offset;            /* byte offset of the token's first byte in the input */
    /* tags and doctype */
    const char *name;         /* lowercase tag name or doctype name; NULL for a doctype without one */
    size_t name_len;
    onr_tag tag;              /* interned tag name, ONR_TAG_UNKNOWN for others */
    bool self_closing;
    html_attr *attrs;         /* duplicates dropped, at most the configured count */
    size_t attr_count;
    bool attrs_in_input;      /* every attribute name and value is a span of the caller's input */
    /* characters and comments */
    const char *data;
    size_t data_len;
    /* characters: true when the run is all ASCII white space (lets the tree builder skip it fast);
     * `has_nul` when it contains U+0000 (kept in DATA state, as the spec hands it to tree
     * construction; other states already replaced it by U+FFFD). */
    bool whitespace_only;
    bool has_nul;
    /* doctype */
    const char *public_id;    /* NULL when missing */
    size_t public_id_len;
    const char *system_id;    /* NULL when missing */
    size_t system_id_len;
    bool force_quirks;
} html_token;

/* onr_tag_lookup for a name already in lowercase, as the tokenizer's tag names are. */
onr_tag html_tag_lookup_lowercase(const char *name, size_t len);

typedef struct html_tokenizer html_tokenizer;

typedef struct html_tokenizer_limits {
    unsigned max_attributes;
    size_t max_attribute_length;
    /* The caller has checked that the input is valid UTF-8 (a decoder's output, say): the
     * tokenizer then only normalizes line breaks and does not check it again. */
    bool input_valid_utf8;
} html_tokenizer_limits;

/* Creates a tokenizer over input[0..len) (not copied: it must outlive the tokenizer). Input bytes
 * that are not valid UTF-8 are read as U+FFFD (unless limits->input_valid_utf8 vouches there are
 * none). NULL when allocation fails. */
html_tokenizer *html_tokenizer_new(const char *input, size_t len, const html_tokenizer_limits *limits,
                                   const onr_mem *mem);
void html_tokenizer_free(html_tokenizer *t);

/* The next token into *token. Returns ONR_OK, or ONR_ERR_NOMEM (the tokenizer is then unusable).
 * After an HTML_TOKEN_EOF token every call returns EOF again. */
onr_status html_tokenizer_next(html_tokenizer *t, html_token *token);

/* Switches the state, as tree construction does after <script>, <style>, <title>, <textarea>,
 * <plaintext>, ...: the "appropriate end tag" is the last start tag's name. */
void html_tokenizer_set_state(html_tokenizer *t, html_text_state state);
/* Whether <![CDATA[ starts a CDATA section (adjusted current node is in foreign content). */
void html_tokenizer_allow_cdata(html_tokenizer *t, bool allowed);
/* For tests (html5lib's lastStartTag): the name that makes an end tag appropriate. */
void html_tokenizer_set_last_start_tag(html_tokenizer *t, const char *name, size_t len);

/* Number of parse errors seen so far (the conformance runner compares counts, not codes). Counting
 * the input stream's control/noncharacter errors costs a pass over the input read so far: for tests. */
size_t html_tokenizer_error_count(const html_tokenizer *t);

#endif
