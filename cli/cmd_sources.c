/* Placeholder until the sources command lands. */
#include "cli.h"

#include <stdio.h>

int cmd_sources(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "onrecord sources: not built yet\n");
    return 1;
}
