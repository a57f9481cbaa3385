/* The onrecord command-line tool: one function per subcommand, all on the public API. */
#ifndef ONR_CLI_H
#define ONR_CLI_H

#include "onrecord.h"

/* Each returns the process exit status (see the README's "Exit status"). argv[0] is the
 * subcommand's name. */
int cmd_tree(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_sources(int argc, char **argv);

#endif
