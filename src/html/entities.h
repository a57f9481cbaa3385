/* The named character reference table (generated into entities.c by tools/gen_entities.py) and its
 * exact-name lookup; the tokenizer does the spec's longest-prefix matching on top of it. */
#ifndef ONR_HTML_ENTITIES_H
#define ONR_HTML_ENTITIES_H

#include <stddef.h>
#include <stdint.h>

/* Longest name (with its semicolon), and longest name valid without a semicolon. */
#define HTML_ENTITY_MAX_NAME 32
#define HTML_ENTITY_MAX_LEGACY_NAME 6

typedef struct html_entity {
    const char *name;   /* without the '&'; ends with ';' except for the legacy names */
    uint8_t name_len;
    char value[8];      /* UTF-8 of one or two code points (at most 7 bytes) */
    uint8_t value_len;
} html_entity;

extern const html_entity html_entities[];
extern const size_t html_entity_count;
/* The names starting with byte c are html_entities[html_entity_start[c] .. html_entity_start[c + 1]). */
extern const uint16_t html_entity_start[129];
/* Bit k of html_entity_legacy_lengths[c]: a name valid without semicolon has k bytes and starts with c. */
extern const uint8_t html_entity_legacy_lengths[128];

/* The entity named exactly name[0..len), or NULL. */
const html_entity *html_entity_find(const char *name, size_t len);

#endif
