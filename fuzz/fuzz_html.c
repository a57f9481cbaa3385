/* Fuzz target: the HTML tokenizer and tree builder (onr_html_parse), then a walk of the whole tree
 * through the query API, checking the tree's links, the parser limits and that every string is
 * valid UTF-8.
 * Byte 0: bit 0 fail one allocation (its number is the next byte); bit 1 small limits (the next
 * three bytes: depth, attribute count, attribute length); bit 2 pass NULL options.
 * Next byte: the tag that onr_find_next looks for. */
#include "fuzz.h"

#include <string.h>

static void check_attributes(const onr_node *node, const onr_html_options *opt)
{
    size_t count = onr_node_attribute_count(node);
    fuzz_require(count <= opt->max_attributes, "attribute count within the limit");
    const char *name, *value;
    size_t name_len, value_len;
    for (size_t i = 0; i < count; i++) {
        fuzz_require(onr_node_attribute_at(node, i, &name, &name_len, &value, &value_len),
                     "attribute_at inside the count");
        fuzz_require(fuzz_valid_utf8(name, name_len) && fuzz_valid_utf8(value, value_len),
                     "attribute is UTF-8");
        fuzz_require(value_len <= opt->max_attribute_length, "attribute length within the limit");
        size_t found_len = 0;
        const char *found = onr_node_attribute(node, name, name_len, &found_len);
        fuzz_require(found && found_len == value_len && memcmp(found, value, value_len) == 0,
                     "attribute lookup finds the attribute's own value");
    }
    fuzz_require(!onr_node_attribute_at(node, count, &name, &name_len, &value, &value_len),
                 "attribute_at past the count");
    (void)onr_node_has_class(node, "a", 1);
    (void)onr_node_has_id(node, "a", 1);
}

static void check_node(const onr_node *node, const onr_html_options *opt)
{
    size_t len = 0;
    const char *s;
    switch (onr_node_get_type(node)) {
    case ONR_NODE_ELEMENT:
        s = onr_node_name(node, &len);
        fuzz_require(s && len > 0 && fuzz_valid_utf8(s, len), "element name");
        if (onr_node_tag(node) != ONR_TAG_UNKNOWN && onr_node_namespace(node) == ONR_NS_HTML)
            fuzz_require(onr_tag_lookup(s, len) == onr_node_tag(node), "element tag matches name");
        check_attributes(node, opt);
        break;
    case ONR_NODE_TEXT:
    case ONR_NODE_COMMENT:
        s = onr_node_data(node, &len);
        fuzz_require(s != NULL && fuzz_valid_utf8(s, len), "text is UTF-8");
        break;
    case ONR_NODE_DOCTYPE:
        s = onr_node_name(node, &len);
        fuzz_require(!s || fuzz_valid_utf8(s, len), "doctype name");
        break;
    case ONR_NODE_DOCUMENT:
        break;
    }
    const onr_node *child = onr_node_first_child(node), *prev = NULL;
    for (; child; prev = child, child = onr_node_next_sibling(child)) {
        fuzz_require(onr_node_parent(child) == node, "child's parent");
        fuzz_require(onr_node_prev_sibling(child) == prev, "sibling links");
    }
    fuzz_require(onr_node_last_child(node) == prev, "last child");
}

/* Pre-order walk with the depth, compared step by step with onr_node_next_in. `root` sits at `depth`
 * and nothing below it may pass `limit`: the cap for the document, one more for template contents
 * (those of a template at the cap sit one level below it). Contents are walked in turn: the cap keeps
 * the recursion within max_depth. */
static size_t walk(const onr_node *root, size_t depth, size_t limit, const onr_html_options *opt,
                   size_t input_len)
{
    size_t nodes = 0;
    const onr_node *node = root;
    while (node) {
        nodes++;
        fuzz_require(depth <= limit, "depth within the limit");
        check_node(node, opt);
        const onr_node *content = onr_node_template_content(node);
        if (content)
            nodes += walk(content, depth, (size_t)opt->max_depth + 1, opt, input_len);
        const onr_node *next = onr_node_first_child(node);
        if (next) {
            depth++;
        } else {
            const onr_node *up = node;
            while (up != root && !onr_node_next_sibling(up)) {
                up = onr_node_parent(up);
                depth--;
            }
            next = up == root ? NULL : onr_node_next_sibling(up);
        }
        fuzz_require(onr_node_next_in(root, node) == next, "next_in follows pre-order");
        node = next;
    }
    /* Misnested formatting tags make the parser clone elements; a bounded list of active
     * formatting elements keeps the tree linear in the input all the same. */
    fuzz_require(nodes <= 64 * input_len + 64, "node count bounded by the input");
    return nodes;
}

static void check_text(const onr_node *root)
{
    size_t full = onr_node_text(root, NULL, 0);
    char *text = malloc(full + 1);
    if (!text)
        return;
    fuzz_require(onr_node_text(root, text, full + 1) == full && text[full] == '\0', "text length");
    fuzz_require(fuzz_valid_utf8(text, full), "text content is UTF-8");
    char small[8];
    fuzz_require(onr_node_text(root, small, sizeof small) == full, "truncated text length");
    fuzz_require(strlen(small) < sizeof small, "truncated text is terminated");
    free(text);
}

static void check_queries(const onr_node *root, onr_tag tag, size_t nodes)
{
    onr_query query = {tag, NULL, NULL, NULL, NULL};
    size_t found = 0;
    for (const onr_node *n = onr_find_next(root, NULL, &query); n; n = onr_find_next(root, n, &query)) {
        fuzz_require(onr_node_get_type(n) == ONR_NODE_ELEMENT, "query matches elements");
        fuzz_require(tag == ONR_TAG_UNKNOWN || onr_node_tag(n) == tag, "query matches the tag");
        fuzz_require(++found <= nodes, "query ends");
    }
    onr_query by_class = {ONR_TAG_UNKNOWN, "a", NULL, "href", NULL};
    found = 0;
    for (const onr_node *n = onr_find_next(root, NULL, &by_class); n;
         n = onr_find_next(root, n, &by_class))
        fuzz_require(++found <= nodes && onr_node_has_class(n, "a", 1), "class query");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    unsigned flags = fuzz_take_byte(&in);
    test_mem t;
    fuzz_mem_init(&t, flags, 1, &in);
    onr_html_options opt;
    onr_html_options_init(&opt);
    if (flags & 2) {
        opt.max_depth = 1 + fuzz_take_byte(&in) % 64;
        /* Zero means the default in onr_html_options, so the small limits start at one. */
        opt.max_attributes = 1 + fuzz_take_byte(&in) % 8;
        opt.max_attribute_length = 1 + fuzz_take_byte(&in);
    }
    onr_tag tag = (onr_tag)(fuzz_take_byte(&in) % ONR_TAG__COUNT);

    onr_document *doc = NULL;
    onr_error err;
    onr_status status = onr_html_parse((const char *)in.data, in.len, (flags & 4) ? NULL : &opt,
                                       &t.mem, &doc, &err);
    fuzz_check_status(&t, status, "html parse");
    if (status == ONR_OK) {
        if (flags & 4)
            onr_html_options_init(&opt);
        const onr_node *root = onr_document_root(doc);
        fuzz_require(onr_node_get_type(root) == ONR_NODE_DOCUMENT, "root is the document");
        size_t nodes = walk(root, 0, opt.max_depth, &opt, in.len);
        check_text(root);
        check_queries(root, tag, nodes);
        onr_document_free(doc);
    } else {
        fuzz_require(t.failures > 0, "parse fails only when an allocation did");
    }
    fuzz_check_no_leak(&t, "html parse");
    return 0;
}
