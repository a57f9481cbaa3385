/* onrecord: dispatches to the subcommands. */
#include "cli.h"

#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"extract", cmd_extract, "turn news pages into clean articles (Markdown, text, JSON)"},
    {"sources", cmd_sources, "audit an article's sourcing: quotes, speakers, named and anonymous sources"},
    {"tree", cmd_tree, "print a page's HTML tree (html5lib test format), for debugging"},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: onrecord COMMAND [OPTIONS] [FILE|DIR|-]...\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'onrecord COMMAND --help' describes a command's options.\n");
}

/* Every page allocates and frees a few blocks of hundreds of KB (the file, the document's arena,
 * the output). Kept on the heap and not returned at each free, they are reused by the next page
 * instead of being mapped and zeroed again by the kernel every time. */
static void tune_malloc(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
#endif
}

int main(int argc, char **argv)
{
    tune_malloc();
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(name, "--version")) {
        printf("onrecord %s\n", ONR_VERSION_STRING);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(name, commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "onrecord: unknown command '%s'\n", name);
    usage(stderr);
    return 2;
}
