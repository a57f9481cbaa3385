/* JSON-LD (schema.org) in <script type="application/ld+json">: the article's headline, authors,
 * dates, publisher and image. Parsed by json_tree.c (jansson words the errors of broken blocks);
 * @graph, arrays, nesting and @id references are followed, with bounds on depth and object count
 * so hostile pages stay cheap. */
#include "extract/json_tree.h"
#include "extract/metadata_parts.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#define JSONLD_MAX_DEPTH 16
#define JSONLD_MAX_OBJECTS 4096
#define JSONLD_MAX_IDS 128

typedef struct id_entry {
    const char *id;
    const jt_value *object;
} id_entry;

typedef struct jsonld_reader {
    onr_arena *arena;
    extract_jsonld *info;
    id_entry ids[JSONLD_MAX_IDS];
    size_t id_count;
    size_t visited;
} jsonld_reader;

/* ---- strings ---- */

/* Numeric character reference value at s (after "&#"), or -1. */
static long numeric_reference(const char *s, size_t len, size_t *used)
{
    size_t i = 0;
    int base = 10;
    if (i < len && (s[i] == 'x' || s[i] == 'X')) {
        base = 16;
        i++;
    }
    long v = 0;
    size_t digits = 0;
    for (; i < len && digits < 7; i++, digits++) {
        char c = onr_ascii_lower(s[i]);
        int d = c >= '0' && c <= '9' ? c - '0' : (base == 16 && c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
        if (d < 0)
            break;
        v = v * base + d;
    }
    if (!digits || i >= len || s[i] != ';')
        return -1;
    *used = i + 1;
    return v;
}

/* Sites often HTML-escape the strings inside their JSON-LD; the common references are decoded
 * in place (each is longer than its UTF-8 form). */
static size_t decode_entities(char *s, size_t len)
{
    static const struct { const char *name; const char *text; } named[] = {
        {"amp;", "&"}, {"quot;", "\""}, {"apos;", "'"}, {"lt;", "<"}, {"gt;", ">"}, {"nbsp;", "\xC2\xA0"}};
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] != '&') {
            s[o++] = s[i++];
            continue;
        }
        size_t used = 0;
        if (i + 1 < len && s[i + 1] == '#') {
            long cp = numeric_reference(s + i + 2, len - i - 2, &used);
            if (cp > 0) {
                char utf8[4];
                size_t n = onr_utf8_encode((uint32_t)cp, utf8);
                memcpy(s + o, utf8, n);
                o += n;
                i += 2 + used;
                continue;
            }
        }
        bool matched = false;
        for (size_t k = 0; k < sizeof named / sizeof *named && !matched; k++) {
            size_t n = strlen(named[k].name);
            if (i + 1 + n <= len && memcmp(s + i + 1, named[k].name, n) == 0) {
                size_t t = strlen(named[k].text);
                memcpy(s + o, named[k].text, t);
                o += t;
                i += 1 + n;
                matched = true;
            }
        }
        if (!matched)
            s[o++] = s[i++];
    }
    return o;
}

/* A copy of a JSON string in the arena, entities decoded and white space collapsed; an empty
 * string is absent. */
static onr_status copy_text(onr_arena *arena, const jt_value *value, onr_string *out)
{
    if (!jt_is(value, JT_STRING))
        return ONR_OK;
    size_t len = value->len;
    char *copy = onr_arena_strndup(arena, value->string, len);
    if (!copy)
        return ONR_ERR_NOMEM;
    len = decode_entities(copy, len);
    len = onr_collapse_space(copy, copy, len);
    copy[len] = '\0';
    if (len)
        *out = (onr_string){copy, len};
    return ONR_OK;
}

/* Sets *field from `value` unless an earlier object already set it. */
static onr_status set_once(onr_arena *arena, onr_string *field, const jt_value *value)
{
    return field->data ? ONR_OK : copy_text(arena, value, field);
}

/* ---- types and references ---- */

static bool type_name_is(const char *name, const char *wanted)
{
    const char *colon = strrchr(name, ':'); /* "schema:NewsArticle" */
    const char *slash = strrchr(name, '/'); /* "http://schema.org/NewsArticle" */
    if (slash && (!colon || slash > colon))
        colon = slash;
    if (colon)
        name = colon + 1;
    return strcmp(name, wanted) == 0;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* In order of preference when an object has several types. */
typedef enum jsonld_kind {
    KIND_OTHER,
    KIND_ARTICLE,
    KIND_PAGE,
    KIND_SITE,
    KIND_ORGANIZATION,
    KIND_PERSON
} jsonld_kind;

static jsonld_kind kind_of_name(const char *t)
{
    static const char *const articles[] = {"BlogPosting", "LiveBlogPosting", "SocialMediaPosting",
                                           "DiscussionForumPosting", "Report", "Review", NULL};
    static const char *const organizations[] = {"Organization", "NewsMediaOrganization", "Corporation",
                                                "GovernmentOrganization", "EducationalOrganization",
                                                "NGO", NULL};
    for (size_t i = 0; articles[i]; i++)
        if (type_name_is(t, articles[i]))
            return KIND_ARTICLE;
    if (ends_with(t, "Article"))
        return KIND_ARTICLE;
    if (ends_with(t, "WebPage") || type_name_is(t, "ItemPage") || type_name_is(t, "AboutPage") ||
        type_name_is(t, "CollectionPage") || type_name_is(t, "QAPage"))
        return KIND_PAGE;
    if (type_name_is(t, "WebSite"))
        return KIND_SITE;
    for (size_t i = 0; organizations[i]; i++)
        if (type_name_is(t, organizations[i]))
            return KIND_ORGANIZATION;
    if (type_name_is(t, "Person"))
        return KIND_PERSON;
    return KIND_OTHER;
}

/* The items of an array; nothing for any other value. */
static const jt_value *items_of(const jt_value *v) { return jt_is(v, JT_ARRAY) ? v->first : NULL; }

/* The items of an array or the members of an object. */
static const jt_value *children_of(const jt_value *v)
{
    return jt_is(v, JT_ARRAY) || jt_is(v, JT_OBJECT) ? v->first : NULL;
}

/* The most specific kind among the object's @type values (a string or an array of them). */
static jsonld_kind kind_of(const jt_value *object)
{
    const jt_value *type = jt_get(object, "@type");
    if (jt_is(type, JT_STRING))
        return kind_of_name(type->string);
    jsonld_kind best = KIND_OTHER;
    for (const jt_value *t = items_of(type); t; t = t->next) {
        if (!jt_is(t, JT_STRING))
            continue;
        jsonld_kind k = kind_of_name(t->string);
        if (k != KIND_OTHER && (best == KIND_OTHER || k < best))
            best = k;
    }
    return best;
}

/* An object that only points at another ({"@id": "#author"}) is replaced by the object it names. */
static const jt_value *resolve(const jsonld_reader *r, const jt_value *value)
{
    if (!jt_is(value, JT_OBJECT) || value->len != 1)
        return value;
    const jt_value *id = jt_get(value, "@id");
    if (!jt_is(id, JT_STRING))
        return value;
    for (size_t i = 0; i < r->id_count; i++)
        if (strcmp(r->ids[i].id, id->string) == 0 && r->ids[i].object != value)
            return r->ids[i].object;
    return value;
}

static void index_ids(jsonld_reader *r, const jt_value *value, int depth)
{
    if (depth > JSONLD_MAX_DEPTH)
        return;
    if (jt_is(value, JT_OBJECT)) {
        const jt_value *id = jt_get(value, "@id");
        if (jt_is(id, JT_STRING) && value->len > 1 && r->id_count < JSONLD_MAX_IDS)
            r->ids[r->id_count++] = (id_entry){id->string, value};
    }
    for (const jt_value *child = children_of(value); child; child = child->next)
        index_ids(r, child, depth + 1);
}

/* ---- field readers ---- */

/* The "name" of an object, or the string itself. */
static const jt_value *name_of(const jsonld_reader *r, const jt_value *value)
{
    value = resolve(r, value);
    return jt_is(value, JT_OBJECT) ? jt_get(value, "name") : value;
}

/* url / contentUrl / @id of an object, or the string itself. */
static const jt_value *url_of(const jsonld_reader *r, const jt_value *value)
{
    value = resolve(r, value);
    if (!jt_is(value, JT_OBJECT))
        return value;
    const jt_value *url = jt_get(value, "url");
    if (!jt_is(url, JT_STRING))
        url = jt_get(value, "contentUrl");
    if (!jt_is(url, JT_STRING))
        url = jt_get(value, "@id");
    return url;
}

static const jt_value *first_of(const jt_value *value)
{
    return jt_is(value, JT_ARRAY) ? value->first : value;
}

static unsigned dimension(const jt_value *value)
{
    if (jt_is(value, JT_INTEGER) && value->integer > 0 && value->integer < 100000)
        return (unsigned)value->integer;
    if (jt_is(value, JT_STRING)) {
        unsigned v = 0;
        for (const char *s = value->string; *s >= '0' && *s <= '9' && v < 100000; s++)
            v = v * 10 + (unsigned)(*s - '0');
        return v < 100000 ? v : 0;
    }
    return 0;
}

static onr_status add_author(jsonld_reader *r, const jt_value *value, int depth)
{
    value = resolve(r, value);
    if (depth > 4)
        return ONR_OK;
    if (jt_is(value, JT_ARRAY)) {
        for (const jt_value *item = value->first; item; item = item->next) {
            onr_status st = add_author(r, item, depth + 1);
            if (st != ONR_OK)
                return st;
        }
        return ONR_OK;
    }
    const jt_value *name = name_of(r, value);
    if (!jt_is(name, JT_STRING))
        return ONR_OK;
    if (jt_is(value, JT_OBJECT) && kind_of(value) == KIND_ORGANIZATION)
        return extract_names_add(&r->info->organizations, r->arena, name->string,
                                 name->len);
    onr_string text = {NULL, 0};
    onr_status st = copy_text(r->arena, name, &text);
    if (st != ONR_OK || !text.data)
        return st;
    return extract_authors_add(&r->info->persons, r->arena, text.data, text.len);
}

static onr_status add_strings(jsonld_reader *r, extract_names *list, const jt_value *value, bool split)
{
    if (jt_is(value, JT_ARRAY)) {
        for (const jt_value *item = value->first; item; item = item->next) {
            onr_status st = add_strings(r, list, name_of(r, item), false);
            if (st != ONR_OK)
                return st;
        }
        return ONR_OK;
    }
    onr_string text = {NULL, 0};
    onr_status st = copy_text(r->arena, value, &text);
    if (st != ONR_OK || !text.data)
        return st;
    return split ? extract_names_add_split(list, r->arena, text.data, text.len)
                 : extract_names_add(list, r->arena, text.data, text.len);
}

/* ImageObject credit: creditText, else the copyright holder's or the author's name. */
static const jt_value *image_credit(const jsonld_reader *r, const jt_value *image)
{
    const jt_value *credit = jt_get(image, "creditText");
    if (!jt_is(credit, JT_STRING))
        credit = name_of(r, first_of(jt_get(image, "copyrightHolder")));
    if (!jt_is(credit, JT_STRING))
        credit = name_of(r, first_of(jt_get(image, "author")));
    return credit;
}

static onr_status read_image(jsonld_reader *r, extract_jsonld_item *item, const jt_value *value)
{
    const jt_value *image = resolve(r, first_of(value));
    if (item->image_url.data || !image)
        return ONR_OK;
    onr_status st = copy_text(r->arena, url_of(r, image), &item->image_url);
    if (st != ONR_OK || !item->image_url.data || !jt_is(image, JT_OBJECT))
        return st;
    if ((st = copy_text(r->arena, jt_get(image, "caption"), &item->image_caption)) != ONR_OK)
        return st;
    if (!item->image_caption.data &&
        (st = copy_text(r->arena, jt_get(image, "description"), &item->image_caption)) != ONR_OK)
        return st;
    item->image_width = dimension(jt_get(image, "width"));
    item->image_height = dimension(jt_get(image, "height"));
    return copy_text(r->arena, image_credit(r, image), &item->image_credit);
}

/* inLanguage: "en-US", or a Language object whose alternateName is the code. */
static const jt_value *language_of(const jsonld_reader *r, const jt_value *value)
{
    value = resolve(r, first_of(value));
    if (!jt_is(value, JT_OBJECT))
        return value;
    const jt_value *code = jt_get(value, "alternateName");
    return jt_is(code, JT_STRING) ? code : jt_get(value, "name");
}

static onr_status read_item(jsonld_reader *r, extract_jsonld_item *item, const jt_value *object)
{
    const jt_value *headline = jt_get(object, "headline");
    if (!jt_is(headline, JT_STRING))
        headline = jt_get(object, "name");
    const jt_value *url = jt_get(object, "url");
    if (!jt_is(url, JT_STRING))
        url = url_of(r, jt_get(object, "mainEntityOfPage"));
    const jt_value *published = jt_get(object, "datePublished");
    if (!jt_is(published, JT_STRING))
        published = jt_get(object, "dateCreated");
    onr_status st;
    if ((st = set_once(r->arena, &item->headline, headline)) != ONR_OK ||
        (st = set_once(r->arena, &item->description, jt_get(object, "description"))) != ONR_OK ||
        (st = set_once(r->arena, &item->date_published, published)) != ONR_OK ||
        (st = set_once(r->arena, &item->date_modified, jt_get(object, "dateModified"))) != ONR_OK ||
        (st = set_once(r->arena, &item->url, url)) != ONR_OK ||
        (st = set_once(r->arena, &item->language, language_of(r, jt_get(object, "inLanguage")))) !=
            ONR_OK)
        return st;
    const jt_value *image = jt_get(object, "image");
    if (!image)
        image = jt_get(object, "thumbnailUrl");
    return read_image(r, item, image);
}

static onr_status read_article(jsonld_reader *r, const jt_value *object)
{
    extract_jsonld *info = r->info;
    onr_status st = read_item(r, &info->article, object);
    if (st != ONR_OK)
        return st;
    if (!info->found_article) {
        const jt_value *author = jt_get(object, "author");
        if (!author)
            author = jt_get(object, "creator");
        if ((st = add_author(r, author, 0)) != ONR_OK ||
            (st = add_strings(r, &info->sections, jt_get(object, "articleSection"), false)) !=
                ONR_OK ||
            (st = add_strings(r, &info->keywords, jt_get(object, "keywords"), true)) != ONR_OK)
            return st;
    }
    info->found_article = true;
    return set_once(r->arena, &info->publisher, name_of(r, first_of(jt_get(object, "publisher"))));
}

static onr_status read_object(jsonld_reader *r, const jt_value *object)
{
    extract_jsonld *info = r->info;
    switch (kind_of(object)) {
    case KIND_ARTICLE:
        return read_article(r, object);
    case KIND_PAGE: {
        onr_status st = read_item(r, &info->page, object);
        if (st == ONR_OK && !info->persons.count)
            st = add_author(r, jt_get(object, "author"), 0);
        return st;
    }
    case KIND_SITE:
        return set_once(r->arena, &info->site_name, jt_get(object, "name"));
    case KIND_ORGANIZATION:
        return set_once(r->arena, &info->publisher, jt_get(object, "name"));
    case KIND_PERSON:
    case KIND_OTHER:
        break;
    }
    return ONR_OK;
}

/* Visits every object in document order, articles before what they contain. */
static onr_status visit(jsonld_reader *r, const jt_value *value, int depth)
{
    if (depth > JSONLD_MAX_DEPTH || r->visited >= JSONLD_MAX_OBJECTS)
        return ONR_OK;
    r->visited++;
    onr_status st = ONR_OK;
    if (jt_is(value, JT_OBJECT)) {
        if ((st = read_object(r, value)) != ONR_OK)
            return st;
        for (const jt_value *child = value->first; child; child = child->next) {
            if (jt_is(child, JT_OBJECT) || jt_is(child, JT_ARRAY))
                if ((st = visit(r, child, depth + 1)) != ONR_OK)
                    return st;
        }
    } else if (jt_is(value, JT_ARRAY)) {
        for (const jt_value *child = value->first; child; child = child->next) {
            if ((st = visit(r, child, depth + 1)) != ONR_OK)
                return st;
        }
    }
    return st;
}

/* Pages wrap their JSON in HTML comments or CDATA markers; skip those. */
static void strip_wrappers(const char **json, size_t *len)
{
    static const char *const openers[] = {"<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["};
    static const char *const closers[] = {"-->", "//]]>", "/*]]>*/", "]]>"};
    const char *s = *json;
    size_t n = *len;
    for (int pass = 0; pass < 2; pass++) {
        while (n && onr_ascii_space(*s))
            s++, n--;
        while (n && onr_ascii_space(s[n - 1]))
            n--;
        for (size_t i = 0; i < sizeof openers / sizeof *openers; i++) {
            size_t m = strlen(openers[i]);
            if (n >= m && memcmp(s, openers[i], m) == 0)
                s += m, n -= m;
            m = strlen(closers[i]);
            if (n >= m && memcmp(s + n - m, closers[i], m) == 0)
                n -= m;
        }
    }
    *json = s;
    *len = n;
}

/* A block jt_parse refused, which jansson refuses too: jansson says why, for the warning. Raw line
 * breaks and tabs inside strings are the most common fault, and browsers and search engines read
 * past them: the text is read once more with control characters as spaces, *root its tree then. */
static onr_status read_broken(const char *json, size_t len, size_t source_offset, onr_arena *arena,
                              extract_names *warnings, const jt_value **root)
{
    json_error_t error;
    json_t *tree = json_loadb(json, len, JSON_DISABLE_EOF_CHECK, &error);
    if (tree) { /* only if jansson and jt_parse disagreed: the block is left out */
        json_decref(tree);
        return ONR_OK;
    }
    if (json_error_code(&error) == json_error_out_of_memory)
        return ONR_ERR_NOMEM;
    if (json_error_code(&error) == json_error_invalid_syntax) {
        char *relaxed = onr_arena_alloc(arena, len);
        if (!relaxed)
            return ONR_ERR_NOMEM;
        for (size_t i = 0; i < len; i++)
            relaxed[i] = (unsigned char)json[i] < 0x20 ? ' ' : json[i];
        jt_result again = jt_parse(relaxed, len, arena, root);
        if (again != JT_REJECTED)
            return again == JT_NOMEM ? ONR_ERR_NOMEM : ONR_OK;
    }
    /* jansson quotes raw input bytes in its message: repair them, strings we hand out are UTF-8. */
    onr_buf message;
    onr_buf_init(&message, arena->mem);
    onr_buf_printf(&message, "ignored broken JSON-LD at byte %zu: ",
                   source_offset + (error.position > 0 ? (size_t)error.position : 0));
    onr_buf_append_utf8_clean(&message, error.text, strnlen(error.text, sizeof error.text));
    onr_status st = message.failed ? ONR_ERR_NOMEM : extract_names_add(warnings, arena, message.data, message.len);
    onr_buf_free(&message);
    return st;
}

onr_status extract_jsonld_read(const char *json, size_t len, size_t source_offset, onr_arena *arena,
                               extract_jsonld *info, extract_names *warnings)
{
    strip_wrappers(&json, &len);
    if (len == 0)
        return ONR_OK;
    const jt_value *root = NULL;
    jt_result parsed = jt_parse(json, len, arena, &root);
    if (parsed == JT_NOMEM)
        return ONR_ERR_NOMEM;
    if (parsed == JT_REJECTED) {
        onr_status st = read_broken(json, len, source_offset, arena, warnings, &root);
        if (st != ONR_OK || !root)
            return st;
    }
    jsonld_reader r = {.arena = arena, .info = info, .id_count = 0, .visited = 0};
    index_ids(&r, root, 0);
    return visit(&r, root, 0);
}
