/* The read-only query API over a parsed document: navigation, attributes, text and searches, for
 * the extractor and for library users. */
#include "html/tree.h"

#include <string.h>

const onr_node *onr_document_root(const onr_document *doc) { return doc ? &doc->root : NULL; }

onr_node_type onr_node_get_type(const onr_node *node) { return (onr_node_type)node->type; }

onr_tag onr_node_tag(const onr_node *node) { return node->type == ONR_NODE_ELEMENT ? (onr_tag)node->tag : ONR_TAG_UNKNOWN; }

onr_namespace onr_node_namespace(const onr_node *node) { return (onr_namespace)node->ns; }

const char *onr_node_name(const onr_node *node, size_t *len)
{
    bool named = node->type == ONR_NODE_ELEMENT || node->type == ONR_NODE_DOCTYPE;
    if (len)
        *len = named ? node->name_len : 0;
    return named ? node->name : NULL;
}

const char *onr_node_data(const onr_node *node, size_t *len)
{
    bool has_data = node->type == ONR_NODE_TEXT || node->type == ONR_NODE_COMMENT;
    if (len)
        *len = has_data ? node->name_len : 0;
    return has_data ? node->name : NULL;
}

size_t onr_node_source_offset(const onr_node *node) { return node->offset; }

const onr_node *onr_node_parent(const onr_node *node) { return node->parent; }
const onr_node *onr_node_first_child(const onr_node *node) { return node->first_child; }
const onr_node *onr_node_last_child(const onr_node *node) { return node->last_child; }
const onr_node *onr_node_next_sibling(const onr_node *node) { return node->next; }
const onr_node *onr_node_prev_sibling(const onr_node *node) { return node->prev; }
const onr_node *onr_node_template_content(const onr_node *node) { return node->content; }

const onr_node *onr_node_next_in(const onr_node *scope, const onr_node *node) { return node_next_in(scope, node); }

size_t onr_node_attribute_count(const onr_node *node)
{
    return node->type == ONR_NODE_ELEMENT || node->type == ONR_NODE_DOCTYPE ? node->attr_count : 0;
}

bool onr_node_attribute_at(const onr_node *node, size_t index, const char **name, size_t *name_len,
                           const char **value, size_t *value_len)
{
    if (index >= onr_node_attribute_count(node))
        return false;
    const html_attr *a = &node->attrs[index];
    if (name)
        *name = a->name;
    if (name_len)
        *name_len = a->name_len;
    if (value)
        *value = a->value;
    if (value_len)
        *value_len = a->value_len;
    return true;
}

const char *onr_node_attribute(const onr_node *node, const char *name, size_t name_len, size_t *value_len)
{
    size_t count = onr_node_attribute_count(node);
    for (size_t i = 0; i < count; i++) {
        const html_attr *a = &node->attrs[i];
        if (onr_ascii_ieq(a->name, a->name_len, name, name_len)) {
            if (value_len)
                *value_len = a->value_len;
            return a->value;
        }
    }
    if (value_len)
        *value_len = 0;
    return NULL;
}

/* Whether the white-space separated list `list` holds `word`. */
static bool has_word(const char *list, size_t list_len, const char *word, size_t len)
{
    if (!len)
        return false;
    size_t i = 0;
    while (i < list_len) {
        while (i < list_len && onr_ascii_space(list[i]))
            i++;
        size_t start = i;
        while (i < list_len && !onr_ascii_space(list[i]))
            i++;
        if (i - start == len && !memcmp(list + start, word, len))
            return true;
    }
    return false;
}

bool onr_node_has_class(const onr_node *node, const char *class_name, size_t len)
{
    size_t value_len;
    const char *value = onr_node_attribute(node, "class", 5, &value_len);
    return value && has_word(value, value_len, class_name, len);
}

bool onr_node_has_id(const onr_node *node, const char *id, size_t len)
{
    size_t value_len;
    const char *value = onr_node_attribute(node, "id", 2, &value_len);
    return value && value_len == len && !memcmp(value, id, len);
}

size_t onr_node_text(const onr_node *node, char *dst, size_t cap)
{
    size_t total = 0;
    for (const onr_node *n = node; n; n = onr_node_next_in(node, n)) {
        if (n->type != ONR_NODE_TEXT && !(n == node && n->type == ONR_NODE_COMMENT))
            continue;
        if (cap && total < cap - 1) {
            size_t room = cap - 1 - total;
            memcpy(dst + total, n->name, n->name_len < room ? n->name_len : room);
        }
        total += n->name_len;
    }
    if (cap)
        dst[total < cap - 1 ? total : cap - 1] = '\0';
    return total;
}

static bool matches(const onr_node *n, const onr_query *q)
{
    if (n->type != ONR_NODE_ELEMENT)
        return false;
    if (q->tag != ONR_TAG_UNKNOWN && (n->tag != q->tag || n->ns != ONR_NS_HTML))
        return false;
    if (q->class_name && !onr_node_has_class(n, q->class_name, strlen(q->class_name)))
        return false;
    if (q->id && !onr_node_has_id(n, q->id, strlen(q->id)))
        return false;
    if (q->attribute) {
        size_t len;
        const char *value = onr_node_attribute(n, q->attribute, strlen(q->attribute), &len);
        if (!value)
            return false;
        if (q->value && (strlen(q->value) != len || memcmp(q->value, value, len)))
            return false;
    }
    return true;
}

const onr_node *onr_find_next(const onr_node *scope, const onr_node *after, const onr_query *query)
{
    if (!scope || !query)
        return NULL;
    const onr_node *n = after ? onr_node_next_in(scope, after) : scope;
    for (; n; n = onr_node_next_in(scope, n))
        if (matches(n, query))
            return n;
    return NULL;
}
