/* Lists of short distinct strings (authors, tags, categories, warnings) kept in the arena. */
#include "extract/metadata_parts.h"

#include <string.h>

bool extract_names_contains(const extract_names *list, const char *s, size_t len)
{
    for (size_t i = 0; i < list->count; i++)
        if (onr_ascii_ieq(list->items[i].data, list->items[i].len, s, len))
            return true;
    return false;
}

static bool names_grow(extract_names *list, onr_arena *arena)
{
    size_t cap = list->cap ? list->cap * 2 : 4;
    onr_string *items = onr_arena_alloc(arena, cap * sizeof *items);
    if (!items)
        return false;
    if (list->count)
        memcpy(items, list->items, list->count * sizeof *items);
    list->items = items;
    list->cap = cap;
    return true;
}

onr_status extract_names_add(extract_names *list, onr_arena *arena, const char *s, size_t len)
{
    if (list->count >= EXTRACT_NAMES_MAX || !s)
        return ONR_OK;
    char *copy = onr_arena_strndup(arena, s, len);
    if (!copy)
        return ONR_ERR_NOMEM;
    len = onr_collapse_space(copy, copy, len);
    copy[len] = '\0';
    if (len == 0 || extract_names_contains(list, copy, len))
        return ONR_OK;
    if (list->count == list->cap && !names_grow(list, arena))
        return ONR_ERR_NOMEM;
    list->items[list->count++] = (onr_string){copy, len};
    return ONR_OK;
}

onr_status extract_names_add_split(extract_names *list, onr_arena *arena, const char *s, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] != ',' && s[i] != ';')
            continue;
        onr_status st = extract_names_add(list, arena, s + start, i - start);
        if (st != ONR_OK)
            return st;
        start = i + 1;
    }
    return ONR_OK;
}
