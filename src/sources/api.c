/* The public face of the sourcing audit: runs the passes over a copy of the text and answers
 * the accessors of include/onrecord.h. */
#include "sources/sources_internal.h"

#include <string.h>

const char *onr_quote_kind_name(onr_quote_kind kind)
{
    switch (kind) {
    case ONR_QUOTE_DIRECT: return "direct";
    case ONR_QUOTE_INDIRECT: return "indirect";
    case ONR_QUOTE_MIXED: return "mixed";
    case ONR_QUOTE_PARTIAL: return "partial";
    }
    return "direct";
}

const char *onr_source_kind_name(onr_source_kind kind)
{
    switch (kind) {
    case ONR_SOURCE_NAMED_PERSON: return "named-person";
    case ONR_SOURCE_NAMED_ORGANIZATION: return "named-organization";
    case ONR_SOURCE_ANONYMOUS_INDIVIDUAL: return "anonymous-individual";
    case ONR_SOURCE_ANONYMOUS_GROUP: return "anonymous-group";
    case ONR_SOURCE_DOCUMENT: return "document";
    case ONR_SOURCE_UNKNOWN: break;
    }
    return "unknown";
}

/* Lead bytes (those not 10xxxxxx) among the eight bytes at p: the continuation bytes are summed
 * in one multiplication. */
static size_t lead_bytes8(const char *p)
{
    uint64_t x;
    memcpy(&x, p, 8);
    uint64_t continuation = x & ~(x << 1) & 0x8080808080808080u;
    return 8 - (size_t)(((continuation >> 7) * 0x0101010101010101u) >> 56);
}

/* Are the 32 bytes at p all ASCII (most blocks of news text), each a code point? */
static bool ascii_block(const char *p)
{
    uint64_t x[4];
    memcpy(x, p, 32);
    return !((x[0] | x[1] | x[2] | x[3]) & 0x8080808080808080u);
}

/* Code points before byte b: a checkpoint every 32 bytes, then a count of lead bytes, eight at a
 * time. A block of 32 code points before the next checkpoint is all ASCII (most blocks of news
 * text): its bytes before b are as many code points. */
static inline size_t code_point_at(const src_offsets *map, size_t b)
{
    size_t slot = b >> 5, k = b & ~(size_t)31, n = map->every32[slot];
    if (slot < map->last && map->every32[slot + 1] - n == 32)
        return n + (b & 31);
    for (; k + 8 <= b; k += 8)
        n += lead_bytes8(map->text + k);
    for (; k < b; k++)
        n += ((unsigned char)map->text[k] & 0xC0) != 0x80;
    return n;
}

onr_text_span src_text_span(const src_offsets *map, size_t byte_start, size_t byte_end)
{
    onr_text_span s = {code_point_at(map, byte_start), code_point_at(map, byte_end), byte_start, byte_end};
    return s;
}

static bool build_offsets(const onr_mem *mem, const char *text, size_t len, src_offsets *map)
{
    size_t slots = (len >> 5) + 1, bytes;
    map->text = text;
    if (!onr_size_mul(slots, sizeof(uint32_t), &bytes) || !(map->every32 = onr_malloc(mem, bytes)))
        return false;
    uint32_t n = 0;
    size_t last = slots - 1; /* the block the text ends in: nothing needs the count past it */
    map->last = last;
    for (size_t slot = 0; slot < last; slot++) {
        const char *block = text + (slot << 5);
        map->every32[slot] = n;
        n += (uint32_t)(ascii_block(block) ? 32 : lead_bytes8(block) + lead_bytes8(block + 8) + lead_bytes8(block + 16) +
                                                   lead_bytes8(block + 24));
    }
    map->every32[last] = n;
    return true;
}

/* The text as valid UTF-8 in the result's arena, so that every span indexes what is rendered. */
static bool copy_text(onr_sources *s, const char *text, size_t len)
{
    if (onr_utf8_valid_prefix(text, len) == len) {
        char *copy = onr_arena_strndup(&s->arena, text, len);
        s->text = (onr_string){copy, len};
        return copy != NULL;
    }
    onr_buf clean;
    onr_buf_init(&clean, s->mem);
    onr_buf_append_utf8_clean(&clean, text, len);
    char *copy = clean.failed ? NULL : onr_arena_strndup(&s->arena, clean.data, clean.len);
    s->text = (onr_string){copy, clean.len};
    onr_buf_free(&clean);
    return copy != NULL;
}

static bool run_passes(onr_sources *s)
{
    src_doc doc = {s->mem, s->text.data, s->text.len,
                   {NULL, 0, 0, sizeof(src_token)}, {NULL, 0, 0, sizeof(src_region)},
                   {NULL, 0, 0, sizeof(src_sentence)}, {NULL, 0, 0, sizeof(src_attr)},
                   {NULL, 0, 0, sizeof(src_piece)}};
    src_offsets map = {NULL, NULL, 0};
    bool ok = build_offsets(s->mem, doc.text, doc.len, &map) && src_tokenize(&doc) &&
              src_find_regions(&doc) && src_find_sentences(&doc) && src_attribute(&doc) &&
              src_build_result(&doc, &map, s);
    onr_free(s->mem, map.every32);
    src_vec_free(s->mem, &doc.tokens);
    src_vec_free(s->mem, &doc.regions);
    src_vec_free(s->mem, &doc.sentences);
    src_vec_free(s->mem, &doc.attrs);
    src_vec_free(s->mem, &doc.pieces);
    return ok;
}

onr_status onr_sources_analyze(const onr_context *ctx, const char *text, size_t len, onr_sources **out,
                               onr_error *err)
{
    if (!out || (!text && len > 0))
        return onr_fail(err, ONR_ERR_ARGUMENT, (size_t)-1, "onr_sources_analyze: NULL %s", out ? "text" : "out");
    *out = NULL;
    if (len >= UINT32_MAX)
        return onr_fail(err, ONR_ERR_LIMIT, (size_t)-1, "text of %zu bytes: the audit takes texts below 4 GiB", len);
    const onr_mem *mem = onr_mem_or_default(ctx ? onr_context_mem(ctx) : NULL);
    onr_sources *s = onr_malloc(mem, sizeof *s);
    if (!s)
        return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory");
    memset(s, 0, sizeof *s);
    s->mem = mem;
    onr_arena_init(&s->arena, mem, len + 4096);
    if (!copy_text(s, text ? text : "", len) || !run_passes(s)) {
        onr_sources_free(s);
        return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory analysing %zu bytes", len);
    }
    *out = s;
    return ONR_OK;
}

void onr_sources_free(onr_sources *sources)
{
    if (!sources)
        return;
    onr_arena_free(&sources->arena);
    onr_free(sources->mem, sources);
}

onr_string onr_sources_text(const onr_sources *sources) { return sources->text; }
size_t onr_sources_quote_count(const onr_sources *sources) { return sources->quote_count; }
size_t onr_sources_source_count(const onr_sources *sources) { return sources->source_count; }
const onr_sources_summary *onr_sources_get_summary(const onr_sources *sources) { return &sources->summary; }

const onr_quote *onr_sources_quote(const onr_sources *sources, size_t index)
{
    return index < sources->quote_count ? &sources->quotes[index] : NULL;
}

const onr_source *onr_sources_source(const onr_sources *sources, size_t index)
{
    return index < sources->source_count ? &sources->sources[index] : NULL;
}
