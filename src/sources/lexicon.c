/* Word lists of the sourcing audit: the generated hash table, defined here once. */
#define LEXICON_DEFINE_TABLES
#include "sources/sources_internal.h"


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

void src_vec_free(const onr_mem *mem, src_vec *vec)
{
    onr_free(mem, vec->data);
    vec->data = NULL;
    vec->len = vec->cap = 0;
}
