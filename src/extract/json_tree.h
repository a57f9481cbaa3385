/* A strict JSON reader for JSON-LD blocks: the text becomes a tree in an arena, in one pass and
 * without an allocation per value. It accepts exactly what jansson's json_loadb(...,
 * JSON_DISABLE_EOF_CHECK, ...) accepts, so that jansson is only needed to word the errors of the
 * rare broken block (jsonld.c). Internal to the extract stage. */
#ifndef ONR_EXTRACT_JSON_TREE_H
#define ONR_EXTRACT_JSON_TREE_H

#include "core/core.h"

typedef enum jt_type { JT_NULL, JT_FALSE, JT_TRUE, JT_INTEGER, JT_REAL, JT_STRING, JT_ARRAY, JT_OBJECT } jt_type;

typedef struct jt_value jt_value;
struct jt_value {
    jt_type type;
    const char *key;    /* the member's name when the value is in an object; NUL-terminated */
    size_t key_len;
    const char *string; /* JT_STRING: UTF-8, NUL-terminated, without NUL inside */
    size_t len;         /* the string's length; the items or (distinct) members of a container */
    long long integer;  /* JT_INTEGER */
    jt_value *first;    /* a container's items or members, in order */
    jt_value *next;
};

typedef enum jt_result { JT_PARSED, JT_REJECTED, JT_NOMEM } jt_result;

/* Parses the object or array at the start of text[0..len) (what follows it is ignored). As in
 * jansson: values per RFC 8259, strings of valid UTF-8 without U+0000, integers that fit a long
 * long, reals that do not overflow a double, at most JSON_PARSER_MAX_DEPTH (2048) levels, and a
 * repeated member name keeps its first place with its last value. */
jt_result jt_parse(const char *text, size_t len, onr_arena *arena, const jt_value **root);

/* The member named `key` of an object; NULL when `object` is NULL, not an object, or lacks it. */
const jt_value *jt_get(const jt_value *object, const char *key);

static inline bool jt_is(const jt_value *v, jt_type type) { return v && v->type == type; }

#endif
