/* The options every batch command shares (-j, --quiet, --summary, --max-page-size, --manifest,
 * --shard, --shard-count) and running a command's work over its inputs with them. */
#ifndef ONR_CLI_RUN_H
#define ONR_CLI_RUN_H

#include "batch.h"
#include "shard.h"

#include <getopt.h>

enum run_option_code {
    RUN_OPT_MANIFEST = 1000,
    RUN_OPT_SHARD,
    RUN_OPT_SHARD_COUNT,
    RUN_OPT_SUMMARY,
    RUN_OPT_MAX_PAGE_SIZE
};

/* Entries for a command's getopt_long table. */
#define RUN_LONG_OPTIONS                                                                            \
    {"jobs", required_argument, NULL, 'j'}, {"quiet", no_argument, NULL, 'q'},                      \
        {"manifest", required_argument, NULL, RUN_OPT_MANIFEST},                                    \
        {"shard", required_argument, NULL, RUN_OPT_SHARD},                                          \
        {"shard-count", required_argument, NULL, RUN_OPT_SHARD_COUNT},                              \
        {"summary", required_argument, NULL, RUN_OPT_SUMMARY},                                      \
        {"max-page-size", required_argument, NULL, RUN_OPT_MAX_PAGE_SIZE}

/* Short options for getopt_long's string. */
#define RUN_SHORT_OPTIONS "j:q"

/* Help text for the shared options. */
extern const char run_options_help[];

typedef struct run_config {
    batch_options batch;
    shard_spec shard;          /* shard.manifest is NULL when no --manifest was given */
    const char *summary_path;  /* --summary FILE: the counts as JSON */
    const char *command;       /* "extract", for messages */
} run_config;

void run_config_init(run_config *config, const char *command, const char *what,
                     const char *const *extensions);

/* Takes a getopt_long result that belongs to the shared options. Returns 1 when it did, 0 when
 * `opt` is not a shared option, -1 (with a message on stderr) for a bad value. */
int run_config_option(run_config *config, int opt, const char *value);

/* Runs `work` over the inputs (or the manifest's shard, written under `output_dir`), prints the
 * summary and writes --summary. Returns the exit status: 0, 1 (some inputs failed), 2. */
int run_config_execute(run_config *config, const char *const *inputs, size_t count, const char *output_dir,
                       batch_work_fn work, void *arg);

#endif
