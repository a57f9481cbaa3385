/* Placeholder until the tree command lands. */
#include "cli.h"

#include <stdio.h>

int cmd_tree(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "onrecord tree: not built yet\n");
    return 1;
}
