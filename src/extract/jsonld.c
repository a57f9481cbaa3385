/* JSON-LD (schema.org) in <script type="application/ld+json">: the article's headline, authors,
 * dates, publisher and image. Parsed with jansson; @graph, arrays, nesting and @id references are
 * followed, with bounds on depth and object count so hostile pages stay cheap. */
#include "extract/metadata_parts.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#define JSONLD_MAX_DEPTH 16
#define JSONLD_MAX_OBJECTS 4096
#define JSONLD_MAX_IDS 128

typedef struct id_entry {
    const char *id;
    json_t *object;
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
static onr_status copy_text(onr_arena *arena, const json_t *value, onr_string *out)
{
    if (!json_is_string(value))
        return ONR_OK;
    size_t len = json_string_length(value);
    char *copy = onr_arena_strndup(arena, json_string_value(value), len);
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
static onr_status set_once(onr_arena *arena, onr_string *field, const json_t *value)
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

/* The most specific kind among the object's @type values (a string or an array of them). */
static jsonld_kind kind_of(const json_t *object)
{
    const json_t *type = json_object_get(object, "@type");
    if (json_is_string(type))
        return kind_of_name(json_string_value(type));
    jsonld_kind best = KIND_OTHER;
    size_t i;
    const json_t *t;
    json_array_foreach(type, i, t) {
        if (!json_is_string(t))
            continue;
        jsonld_kind k = kind_of_name(json_string_value(t));
        if (k != KIND_OTHER && (best == KIND_OTHER || k < best))
            best = k;
    }
    return best;
}

/* An object that only points at another ({"@id": "#author"}) is replaced by the object it names. */
static const json_t *resolve(const jsonld_reader *r, const json_t *value)
{
    if (!json_is_object(value) || json_object_size(value) != 1)
        return value;
    const json_t *id = json_object_get(value, "@id");
    if (!json_is_string(id))
        return value;
    for (size_t i = 0; i < r->id_count; i++)
        if (strcmp(r->ids[i].id, json_string_value(id)) == 0 && r->ids[i].object != value)
            return r->ids[i].object;
    return value;
}

static void index_ids(jsonld_reader *r, json_t *value, int depth)
{
    if (depth > JSONLD_MAX_DEPTH)
        return;
    if (json_is_object(value)) {
        const json_t *id = json_object_get(value, "@id");
        if (json_is_string(id) && json_object_size(value) > 1 && r->id_count < JSONLD_MAX_IDS)
            r->ids[r->id_count++] = (id_entry){json_string_value(id), value};
        const char *key;
        json_t *child;
        json_object_foreach(value, key, child)
            index_ids(r, child, depth + 1);
    } else if (json_is_array(value)) {
        size_t i;
        json_t *child;
        json_array_foreach(value, i, child)
            index_ids(r, child, depth + 1);
    }
}

/* ---- field readers ---- */

/* The "name" of an object, or the string itself. */
static const json_t *name_of(const jsonld_reader *r, const json_t *value)
{
    value = resolve(r, value);
    return json_is_object(value) ? json_object_get(value, "name") : value;
}

/* url / contentUrl / @id of an object, or the string itself. */
static const json_t *url_of(const jsonld_reader *r, const json_t *value)
{
    value = resolve(r, value);
    if (!json_is_object(value))
        return value;
    const json_t *url = json_object_get(value, "url");
    if (!json_is_string(url))
        url = json_object_get(value, "contentUrl");
    if (!json_is_string(url))
        url = json_object_get(value, "@id");
    return url;
}

static const json_t *first_of(const json_t *value)
{
    return json_is_array(value) ? json_array_get(value, 0) : value;
}

static unsigned dimension(const json_t *value)
{
    if (json_is_integer(value) && json_integer_value(value) > 0 && json_integer_value(value) < 100000)
        return (unsigned)json_integer_value(value);
    if (json_is_string(value)) {
        unsigned v = 0;
        for (const char *s = json_string_value(value); *s >= '0' && *s <= '9' && v < 100000; s++)
            v = v * 10 + (unsigned)(*s - '0');
        return v < 100000 ? v : 0;
    }
    return 0;
}

static onr_status add_author(jsonld_reader *r, const json_t *value, int depth)
{
    value = resolve(r, value);
    if (depth > 4)
        return ONR_OK;
    if (json_is_array(value)) {
        size_t i;
        const json_t *item;
        json_array_foreach(value, i, item) {
            onr_status st = add_author(r, item, depth + 1);
            if (st != ONR_OK)
                return st;
        }
        return ONR_OK;
    }
    const json_t *name = name_of(r, value);
    if (!json_is_string(name))
        return ONR_OK;
    if (json_is_object(value) && kind_of(value) == KIND_ORGANIZATION)
        return extract_names_add(&r->info->organizations, r->arena, json_string_value(name),
                                 json_string_length(name));
    onr_string text = {NULL, 0};
    onr_status st = copy_text(r->arena, name, &text);
    if (st != ONR_OK || !text.data)
        return st;
    return extract_authors_add(&r->info->persons, r->arena, text.data, text.len);
}

static onr_status add_strings(jsonld_reader *r, extract_names *list, const json_t *value, bool split)
{
    if (json_is_array(value)) {
        size_t i;
        const json_t *item;
        json_array_foreach(value, i, item) {
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
static const json_t *image_credit(const jsonld_reader *r, const json_t *image)
{
    const json_t *credit = json_object_get(image, "creditText");
    if (!json_is_string(credit))
        credit = name_of(r, first_of(json_object_get(image, "copyrightHolder")));
    if (!json_is_string(credit))
        credit = name_of(r, first_of(json_object_get(image, "author")));
    return credit;
}

static onr_status read_image(jsonld_reader *r, extract_jsonld_item *item, const json_t *value)
{
    const json_t *image = resolve(r, first_of(value));
    if (item->image_url.data || !image)
        return ONR_OK;
    onr_status st = copy_text(r->arena, url_of(r, image), &item->image_url);
    if (st != ONR_OK || !item->image_url.data || !json_is_object(image))
        return st;
    if ((st = copy_text(r->arena, json_object_get(image, "caption"), &item->image_caption)) != ONR_OK)
        return st;
    if (!item->image_caption.data &&
        (st = copy_text(r->arena, json_object_get(image, "description"), &item->image_caption)) != ONR_OK)
        return st;
    item->image_width = dimension(json_object_get(image, "width"));
    item->image_height = dimension(json_object_get(image, "height"));
    return copy_text(r->arena, image_credit(r, image), &item->image_credit);
}

/* inLanguage: "en-US", or a Language object whose alternateName is the code. */
static const json_t *language_of(const jsonld_reader *r, const json_t *value)
{
    value = resolve(r, first_of(value));
    if (!json_is_object(value))
        return value;
    const json_t *code = json_object_get(value, "alternateName");
    return json_is_string(code) ? code : json_object_get(value, "name");
}

static onr_status read_item(jsonld_reader *r, extract_jsonld_item *item, const json_t *object)
{
    const json_t *headline = json_object_get(object, "headline");
    if (!json_is_string(headline))
        headline = json_object_get(object, "name");
    const json_t *url = json_object_get(object, "url");
    if (!json_is_string(url))
        url = url_of(r, json_object_get(object, "mainEntityOfPage"));
    const json_t *published = json_object_get(object, "datePublished");
    if (!json_is_string(published))
        published = json_object_get(object, "dateCreated");
    onr_status st;
    if ((st = set_once(r->arena, &item->headline, headline)) != ONR_OK ||
        (st = set_once(r->arena, &item->description, json_object_get(object, "description"))) != ONR_OK ||
        (st = set_once(r->arena, &item->date_published, published)) != ONR_OK ||
        (st = set_once(r->arena, &item->date_modified, json_object_get(object, "dateModified"))) != ONR_OK ||
        (st = set_once(r->arena, &item->url, url)) != ONR_OK ||
        (st = set_once(r->arena, &item->language, language_of(r, json_object_get(object, "inLanguage")))) !=
            ONR_OK)
        return st;
    const json_t *image = json_object_get(object, "image");
    if (!image)
        image = json_object_get(object, "thumbnailUrl");
    return read_image(r, item, image);
}

static onr_status read_article(jsonld_reader *r, const json_t *object)
{
    extract_jsonld *info = r->info;
    onr_status st = read_item(r, &info->article, object);
    if (st != ONR_OK)
        return st;
    if (!info->found_article) {
        const json_t *author = json_object_get(object, "author");
        if (!author)
            author = json_object_get(object, "creator");
        if ((st = add_author(r, author, 0)) != ONR_OK ||
            (st = add_strings(r, &info->sections, json_object_get(object, "articleSection"), false)) !=
                ONR_OK ||
            (st = add_strings(r, &info->keywords, json_object_get(object, "keywords"), true)) != ONR_OK)
            return st;
    }
    info->found_article = true;
    return set_once(r->arena, &info->publisher, name_of(r, first_of(json_object_get(object, "publisher"))));
}

static onr_status read_object(jsonld_reader *r, const json_t *object)
{
    extract_jsonld *info = r->info;
    switch (kind_of(object)) {
    case KIND_ARTICLE:
        return read_article(r, object);
    case KIND_PAGE: {
        onr_status st = read_item(r, &info->page, object);
        if (st == ONR_OK && !info->persons.count)
            st = add_author(r, json_object_get(object, "author"), 0);
        return st;
    }
    case KIND_SITE:
        return set_once(r->arena, &info->site_name, json_object_get(object, "name"));
    case KIND_ORGANIZATION:
        return set_once(r->arena, &info->publisher, json_object_get(object, "name"));
    case KIND_PERSON:
    case KIND_OTHER:
        break;
    }
    return ONR_OK;
}

/* Visits every object in document order, articles before what they contain. */
static onr_status visit(jsonld_reader *r, const json_t *value, int depth)
{
    if (depth > JSONLD_MAX_DEPTH || r->visited >= JSONLD_MAX_OBJECTS)
        return ONR_OK;
    r->visited++;
    onr_status st = ONR_OK;
    if (json_is_object(value)) {
        if ((st = read_object(r, value)) != ONR_OK)
            return st;
        const char *key;
        const json_t *child;
        json_object_foreach((json_t *)value, key, child) {
            if (json_is_object(child) || json_is_array(child))
                if ((st = visit(r, child, depth + 1)) != ONR_OK)
                    return st;
        }
    } else if (json_is_array(value)) {
        size_t i;
        const json_t *child;
        json_array_foreach(value, i, child) {
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

onr_status extract_jsonld_read(const char *json, size_t len, size_t source_offset, onr_arena *arena,
                               extract_jsonld *info, extract_names *warnings)
{
    strip_wrappers(&json, &len);
    if (len == 0)
        return ONR_OK;
    json_error_t error;
    json_t *root = json_loadb(json, len, JSON_DISABLE_EOF_CHECK, &error);
    if (!root && json_error_code(&error) == json_error_invalid_syntax) {
        /* Raw line breaks and tabs inside strings are the most common fault, and browsers and
         * search engines read past them: try once more with control characters as spaces. */
        char *relaxed = onr_arena_alloc(arena, len);
        if (!relaxed)
            return ONR_ERR_NOMEM;
        for (size_t i = 0; i < len; i++)
            relaxed[i] = (unsigned char)json[i] < 0x20 ? ' ' : json[i];
        json_error_t second;
        root = json_loadb(relaxed, len, JSON_DISABLE_EOF_CHECK, &second);
        if (!root && json_error_code(&second) == json_error_out_of_memory)
            return ONR_ERR_NOMEM;
    }
    if (!root) {
        if (json_error_code(&error) == json_error_out_of_memory)
            return ONR_ERR_NOMEM;
        /* jansson quotes raw input bytes in its message: repair them, strings we hand out are UTF-8. */
        onr_buf message;
        onr_buf_init(&message, arena->mem);
        onr_buf_printf(&message, "ignored broken JSON-LD at byte %zu: ",
                       source_offset + (error.position > 0 ? (size_t)error.position : 0));
        onr_buf_append_utf8_clean(&message, error.text, strnlen(error.text, sizeof error.text));
        onr_status st = message.failed ? ONR_ERR_NOMEM
                                       : extract_names_add(warnings, arena, message.data, message.len);
        onr_buf_free(&message);
        return st;
    }
    jsonld_reader r = {.arena = arena, .info = info, .id_count = 0, .visited = 0};
    index_ids(&r, root, 0);
    onr_status st = visit(&r, root, 0);
    json_decref(root);
    return st;
}
