/* Word lists of the sourcing audit: a lookup in the generated hash table. */
#include "sources/sources_internal.h"

#include <string.h>

/* memcmp for the few bytes of a word, inline: a call per token costs more than the comparison. */
static bool same_bytes(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

uint64_t src_lexicon_lookup(const char *word, size_t len, unsigned *number)
{
    char lower[24];
    *number = 0;
    if (len == 0 || len > sizeof lower)
        return 0;
    uint32_t hash = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        lower[i] = onr_ascii_lower(word[i]);
        hash = (hash ^ (unsigned char)lower[i]) * 16777619u;
    }
    for (uint32_t k = hash & (LEXICON_SLOTS - 1);; k = (k + 1) & (LEXICON_SLOTS - 1)) {
        unsigned slot = lexicon_slots[k];
        if (!slot)
            return 0;
        const lexicon_entry *e = &lexicon_table[slot - 1];
        if (e->len == len && same_bytes(e->word, lower, len)) {
            *number = e->number;
            return e->classes;
        }
    }
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
