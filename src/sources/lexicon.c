/* Word lists of the sourcing audit: a lookup in the generated hash table. */
#include "sources/sources_internal.h"

#include <string.h>

/* Four bytes as a number, the first lowest whatever the machine, each with bit 0x20 set: that
 * folds ASCII case, and the generator folds its lowercase words the same way. */
static uint32_t folded4(const unsigned char *b)
{
    return ((uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24) | 0x20202020u;
}

/* As folded4 for the one to three bytes of a short word, the missing ones zero. */
static uint32_t folded_short(const unsigned char *b, size_t n)
{
    uint32_t v = b[0];
    if (n > 1)
        v |= (uint32_t)b[1] << 8;
    if (n > 2)
        v |= (uint32_t)b[2] << 16;
    return v | 0x20202020u;
}

/* Is `word` the entry's word, compared in ASCII lowercase? Its head and tail (see
 * src_lexicon_lookup) first: they are all of a plain word of up to eight letters. */
static bool same_word(const lexicon_entry *e, const char *word, size_t len, uint32_t head, uint32_t tail)
{
    if (e->head != head || e->tail != tail || e->len != len)
        return false;
    if (e->plain && len <= 8)
        return true;
    for (size_t i = 0; i < len; i++)
        if (e->word[i] != onr_ascii_lower(word[i]))
            return false;
    return true;
}

/* The hash of tools/gen_sources_lexicon.py: the length and the head and tail of the word, its
 * first and last four bytes (all of a shorter word) case folded; it reads two numbers of every
 * token instead of each byte. */
const lexicon_entry *src_lexicon_entry(const char *word, size_t len)
{
    if (len == 0 || len > LEXICON_MAX_LEN)
        return NULL;
    const unsigned char *b = (const unsigned char *)word;
    uint32_t head = len < 4 ? folded_short(b, len) : folded4(b), tail = len < 4 ? head : folded4(b + len - 4);
    uint32_t hash = head * 0x9E3779B1u + tail * 0x85EBCA77u + (uint32_t)len * 0xC2B2AE3Du;
    for (uint32_t k = hash >> (32 - LEXICON_BITS);; k = (k + 1) & (LEXICON_SLOTS - 1)) {
        unsigned slot = lexicon_slots[k];
        if (!slot)
            return NULL;
        const lexicon_entry *e = &lexicon_table[slot - 1];
        if (same_word(e, word, len, head, tail))
            return e;
    }
}

uint64_t src_lexicon_lookup(const char *word, size_t len, unsigned *number)
{
    const lexicon_entry *e = src_lexicon_entry(word, len);
    *number = e ? e->number : 0;
    return e ? e->classes : 0;
}

bool src_vec_grow(const onr_mem *mem, src_vec *vec)
{
    size_t cap = vec->cap ? vec->cap * 2 : 64, bytes;
    if (!onr_size_mul(cap, vec->elem, &bytes))
        return false;
    void *data = onr_realloc(mem, vec->data, bytes);
    if (!data)
        return false;
    vec->data = data;
    vec->cap = cap;
    return true;
}

void *src_vec_push(const onr_mem *mem, src_vec *vec)
{
    void *slot = src_vec_push_unset(mem, vec);
    if (slot)
        memset(slot, 0, vec->elem);
    return slot;
}

void src_vec_free(const onr_mem *mem, src_vec *vec)
{
    onr_free(mem, vec->data);
    vec->data = NULL;
    vec->len = vec->cap = 0;
}
