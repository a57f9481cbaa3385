/* onrecord tree: prints a page's HTML tree in html5lib's tree-construction test format, for
 * debugging the parser and for the tree tests. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct printed_attr {
    char name[128];
    const char *value;
    size_t value_len;
} printed_attr;

static int compare_attrs(const void *a, const void *b)
{
    return strcmp(((const printed_attr *)a)->name, ((const printed_attr *)b)->name);
}

static void indent(FILE *out, unsigned depth)
{
    fputs("| ", out);
    for (unsigned i = 0; i < depth; i++)
        fputs("  ", out);
}

/* "xlink:href" on a foreign element prints as "xlink href", as html5lib shows namespaced names. */
static void printed_name(printed_attr *p, const char *name, size_t len, bool foreign)
{
    if (len >= sizeof p->name)
        len = sizeof p->name - 1;
    memcpy(p->name, name, len);
    p->name[len] = '\0';
    if (!foreign)
        return;
    static const char *const prefixes[] = {"xlink:", "xml:", "xmlns:"};
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(prefixes[i]);
        if (len > n && !memcmp(p->name, prefixes[i], n))
            p->name[n - 1] = ' ';
    }
}

static bool print_attributes(FILE *out, const onr_node *node, unsigned depth)
{
    size_t count = onr_node_attribute_count(node);
    if (!count)
        return true;
    printed_attr *attrs = calloc(count, sizeof *attrs);
    if (!attrs)
        return false;
    bool foreign = onr_node_namespace(node) != ONR_NS_HTML;
    for (size_t i = 0; i < count; i++) {
        const char *name;
        size_t name_len;
        onr_node_attribute_at(node, i, &name, &name_len, &attrs[i].value, &attrs[i].value_len);
        printed_name(&attrs[i], name, name_len, foreign);
    }
    qsort(attrs, count, sizeof *attrs, compare_attrs);
    for (size_t i = 0; i < count; i++) {
        indent(out, depth);
        fprintf(out, "%s=\"", attrs[i].name);
        fwrite(attrs[i].value, 1, attrs[i].value_len, out);
        fputs("\"\n", out);
    }
    free(attrs);
    return true;
}

static void print_doctype(FILE *out, const onr_node *node)
{
    size_t len;
    const char *name = onr_node_name(node, &len);
    fputs("<!DOCTYPE ", out);
    fwrite(name, 1, len, out);
    size_t public_len, system_len;
    const char *public_id = onr_node_attribute(node, "public", 6, &public_len);
    const char *system_id = onr_node_attribute(node, "system", 6, &system_len);
    if (public_id || system_id) {
        fputs(" \"", out);
        fwrite(public_id ? public_id : "", 1, public_len, out);
        fputs("\" \"", out);
        fwrite(system_id ? system_id : "", 1, system_len, out);
        fputc('"', out);
    }
    fputs(">\n", out);
}

static bool print_children(FILE *out, const onr_node *parent, unsigned depth);

static bool print_node(FILE *out, const onr_node *node, unsigned depth)
{
    size_t len;
    const char *s;
    indent(out, depth);
    switch (onr_node_get_type(node)) {
    case ONR_NODE_DOCTYPE: print_doctype(out, node); return true;
    case ONR_NODE_TEXT:
        s = onr_node_data(node, &len);
        fputc('"', out);
        fwrite(s, 1, len, out);
        fputs("\"\n", out);
        return true;
    case ONR_NODE_COMMENT:
        s = onr_node_data(node, &len);
        fputs("<!-- ", out);
        fwrite(s, 1, len, out);
        fputs(" -->\n", out);
        return true;
    case ONR_NODE_DOCUMENT: fputs("#document\n", out); return true;
    case ONR_NODE_ELEMENT: break;
    }
    s = onr_node_name(node, &len);
    fputc('<', out);
    if (onr_node_namespace(node) == ONR_NS_SVG)
        fputs("svg ", out);
    else if (onr_node_namespace(node) == ONR_NS_MATHML)
        fputs("math ", out);
    fwrite(s, 1, len, out);
    fputs(">\n", out);
    if (!print_attributes(out, node, depth + 1))
        return false;
    const onr_node *content = onr_node_template_content(node);
    if (content) {
        indent(out, depth + 1);
        fputs("content\n", out);
        if (!print_children(out, content, depth + 2))
            return false;
    }
    return print_children(out, node, depth + 1);
}

static bool print_children(FILE *out, const onr_node *parent, unsigned depth)
{
    for (const onr_node *c = onr_node_first_child(parent); c; c = onr_node_next_sibling(c))
        if (!print_node(out, c, depth))
            return false;
    return true;
}

int cmd_tree(int argc, char **argv)
{
    if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        printf("usage: onrecord tree FILE\n\nPrints the HTML tree of FILE (gzip allowed; '-' reads standard input)\n"
               "in html5lib's tree-construction test format.\n");
        return 0;
    }
    if (argc != 2) {
        fprintf(stderr, "usage: onrecord tree FILE\n");
        return 2;
    }
    const char *path = strcmp(argv[1], "-") ? argv[1] : "/dev/stdin";
    onr_error err;
    char *html;
    size_t len;
    if (onr_read_file(path, 0, NULL, &html, &len, &err) != ONR_OK) {
        fprintf(stderr, "onrecord tree: %s\n", err.message); /* the message names the file */
        return 1;
    }
    onr_document *doc;
    onr_status status = onr_html_parse(html, len, NULL, NULL, &doc, &err);
    free(html);
    if (status != ONR_OK) {
        fprintf(stderr, "onrecord tree: %s: %s\n", argv[1], err.message);
        return 1;
    }
    bool ok = print_children(stdout, onr_document_root(doc), 0);
    onr_document_free(doc);
    if (!ok) {
        fprintf(stderr, "onrecord tree: %s: out of memory\n", argv[1]);
        return 1;
    }
    return fflush(stdout) == 0 ? 0 : 1;
}
