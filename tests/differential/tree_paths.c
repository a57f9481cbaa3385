/* The onrecord side of the differential test: for each page, the element path and the text of every
 * text node, in the format of parse5_paths.mjs ("#page NAME", then "PATH\tTEXT", text as JSON). */
#include "onrecord.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct text_buf {
    char *data;
    size_t len, cap;
} text_buf;

static int append(text_buf *b, const char *s, size_t len)
{
    if (b->len + len + 1 > b->cap) {
        size_t cap = (b->len + len + 1) * 2;
        char *grown = realloc(b->data, cap);
        if (!grown)
            return -1;
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, len);
    b->len += len;
    return 0;
}

/* JSON string escaping as JavaScript's JSON.stringify does it. */
static void print_json(const char *s, size_t len)
{
    putchar('"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", stdout); break;
        case '\\': fputs("\\\\", stdout); break;
        case '\n': fputs("\\n", stdout); break;
        case '\r': fputs("\\r", stdout); break;
        case '\t': fputs("\\t", stdout); break;
        case '\b': fputs("\\b", stdout); break;
        case '\f': fputs("\\f", stdout); break;
        default:
            if (c < 0x20)
                printf("\\u%04x", c);
            else
                putchar(c);
        }
    }
    putchar('"');
}

static void print_path(const onr_node *element)
{
    const onr_node *chain[4096];
    size_t n = 0;
    for (const onr_node *e = element; e && onr_node_get_type(e) == ONR_NODE_ELEMENT && n < 4096;
         e = onr_node_parent(e))
        chain[n++] = e;
    for (size_t i = n; i > 0; i--) {
        size_t len;
        const char *name = onr_node_name(chain[i - 1], &len);
        fwrite(name, 1, len, stdout);
        if (i > 1)
            putchar('>');
    }
}

/* Adjacent text siblings print as one, as the DOM would hold them. */
static int print_page(const onr_document *doc)
{
    const onr_node *root = onr_document_root(doc);
    text_buf text = {0};
    for (const onr_node *n = root; n; n = onr_node_next_in(root, n)) {
        if (onr_node_get_type(n) != ONR_NODE_TEXT)
            continue;
        const onr_node *prev = onr_node_prev_sibling(n);
        if (prev && onr_node_get_type(prev) == ONR_NODE_TEXT)
            continue;
        text.len = 0;
        for (const onr_node *t = n; t && onr_node_get_type(t) == ONR_NODE_TEXT; t = onr_node_next_sibling(t)) {
            size_t len;
            const char *data = onr_node_data(t, &len);
            if (append(&text, data, len))
                return -1;
        }
        print_path(onr_node_parent(n));
        putchar('\t');
        print_json(text.data, text.len);
        putchar('\n');
    }
    free(text.data);
    return 0;
}

int main(int argc, char **argv)
{
    int status = 0;
    for (int i = 1; i < argc; i++) {
        onr_error err;
        char *html;
        size_t len;
        onr_document *doc;
        if (onr_read_file(argv[i], 0, NULL, &html, &len, &err) != ONR_OK ||
            onr_html_parse(html ? html : "", html ? len : 0, NULL, NULL, &doc, &err) != ONR_OK) {
            fprintf(stderr, "tree_paths: %s: %s\n", argv[i], err.message);
            return 1;
        }
        free(html);
        const char *base = strrchr(argv[i], '/');
        printf("#page %s\n", base ? base + 1 : argv[i]);
        if (print_page(doc))
            status = 1;
        onr_document_free(doc);
    }
    return status;
}
