/* Placeholder until the extract command lands. */
#include "cli.h"

#include <stdio.h>

int cmd_extract(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "onrecord extract: not built yet\n");
    return 1;
}
