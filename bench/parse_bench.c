/* HTML parsing benchmark: parse + walk + free of every page of a folder on one core, pages preloaded
 * and gunzipped, for onrecord and, in the same run, gumbo and libxml2's HTML parser.
 *
 * usage: parse_bench [--parser onrecord|gumbo|libxml2|all] [--rounds N] DIR_OR_FILE...
 * With --parser onrecord --rounds 1 it is the workload to run under callgrind (instructions/MB). */
#include "onrecord.h"

#include <dirent.h>
#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct page {
    char *data;
    size_t len;
} page;

typedef struct corpus {
    page *pages;
    size_t count, cap;
    size_t bytes;
} corpus;

static void add_file(corpus *c, const char *path)
{
    onr_error err;
    page p;
    if (onr_read_file(path, 0, NULL, &p.data, &p.len, &err) != ONR_OK) {
        fprintf(stderr, "parse_bench: %s: %s\n", path, err.message);
        exit(1);
    }
    if (c->count == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 256;
        c->pages = realloc(c->pages, c->cap * sizeof *c->pages);
        if (!c->pages)
            exit(1);
    }
    c->pages[c->count++] = p;
    c->bytes += p.len;
}

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void add_path(corpus *c, const char *path)
{
    DIR *dir = opendir(path);
    if (!dir) {
        add_file(c, path);
        return;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (!strstr(e->d_name, ".htm"))
            continue;
        names = realloc(names, (n + 1) * sizeof *names);
        names[n] = malloc(strlen(path) + strlen(e->d_name) + 2);
        sprintf(names[n++], "%s/%s", path, e->d_name);
    }
    closedir(dir);
    qsort(names, n, sizeof *names, compare_names);
    for (size_t i = 0; i < n; i++) {
        add_file(c, names[i]);
        free(names[i]);
    }
    free(names);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Each parser's run returns a count of nodes visited, so that the walk cannot be optimized away. */

static size_t run_onrecord(const page *p)
{
    onr_document *doc;
    if (onr_html_parse(p->data, p->len, NULL, NULL, &doc, NULL) != ONR_OK)
        return 0;
    size_t nodes = 0;
    const onr_node *root = onr_document_root(doc);
    for (const onr_node *n = root; n; n = onr_node_next_in(root, n))
        nodes++;
    onr_document_free(doc);
    return nodes;
}

static size_t gumbo_walk(const GumboNode *node)
{
    size_t nodes = 1;
    const GumboVector *children = node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children
                                  : (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE)
                                      ? &node->v.element.children
                                      : NULL;
    for (unsigned i = 0; children && i < children->length; i++)
        nodes += gumbo_walk(children->data[i]);
    return nodes;
}

static size_t run_gumbo(const page *p)
{
    GumboOutput *out = gumbo_parse_with_options(&kGumboDefaultOptions, p->data, p->len);
    size_t nodes = gumbo_walk(out->document);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    return nodes;
}

static size_t xml_walk(xmlNode *node)
{
    size_t nodes = 0;
    for (; node; node = node->next)
        nodes += 1 + xml_walk(node->children);
    return nodes;
}

static size_t run_libxml2(const page *p)
{
    htmlDocPtr doc = htmlReadMemory(p->data, (int)p->len, NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    size_t nodes = doc ? xml_walk(doc->children) : 0;
    xmlFreeDoc(doc);
    return nodes;
}

typedef struct parser {
    const char *name;
    size_t (*run)(const page *p);
} parser;

static const parser parsers[] = {{"onrecord", run_onrecord}, {"gumbo", run_gumbo}, {"libxml2", run_libxml2}};

/* Best of `rounds` passes over the corpus. */
static void measure(const parser *ps, const corpus *c, int rounds)
{
    double best = 1e30;
    size_t nodes = 0;
    for (int r = 0; r < rounds; r++) {
        double start = now();
        nodes = 0;
        for (size_t i = 0; i < c->count; i++)
            nodes += ps->run(&c->pages[i]);
        double elapsed = now() - start;
        if (elapsed < best)
            best = elapsed;
    }
    printf("%-9s %8.1f MB/s %9.1f pages/s  (%zu pages, %.1f MB, %zu nodes, best of %d: %.3f s)\n", ps->name,
           (double)c->bytes / 1e6 / best, (double)c->count / best, c->count, (double)c->bytes / 1e6, nodes, rounds,
           best);
}

int main(int argc, char **argv)
{
    const char *which = "all";
    int rounds = 5;
    corpus c = {0};
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--parser") && i + 1 < argc)
            which = argv[++i];
        else if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else
            add_path(&c, argv[i]);
    }
    if (!c.count || rounds < 1) {
        fprintf(stderr, "usage: parse_bench [--parser onrecord|gumbo|libxml2|all] [--rounds N] DIR_OR_FILE...\n");
        return 2;
    }
    bool found = false;
    for (size_t i = 0; i < sizeof parsers / sizeof parsers[0]; i++)
        if (!strcmp(which, "all") || !strcmp(which, parsers[i].name)) {
            measure(&parsers[i], &c, rounds);
            found = true;
        }
    for (size_t i = 0; i < c.count; i++)
        free(c.pages[i].data);
    free(c.pages);
    return found ? 0 : 2;
}
