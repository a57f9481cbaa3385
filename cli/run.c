/* Shared options of the batch commands and the common way they run. */
#include "run.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

const char run_options_help[] =
    "  -j, --jobs N           worker threads (default: one per core)\n"
    "  -q, --quiet            no progress line and no summary on stderr\n"
    "      --summary FILE     write the run's counts as JSON to FILE\n"
    "      --max-page-size N  skip pages and records larger than N bytes (suffix k, M; default 32M)\n"
    "      --manifest FILE    inputs listed in FILE, one per line, for cluster map jobs; with\n"
    "      --shard I/N        ...process the I-th of N contiguous blocks into -o DIR (I and N default\n"
    "                         to SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT)\n"
    "      --shard-count N    N, when the index comes from AWS_BATCH_JOB_ARRAY_INDEX or\n"
    "                         JOB_COMPLETION_INDEX\n";

void run_config_init(run_config *config, const char *command, const char *what,
                     const char *const *extensions)
{
    memset(config, 0, sizeof *config);
    config->command = command;
    config->batch.what = what;
    config->batch.extensions = extensions;
    config->batch.max_input_size = (size_t)32 << 20;
    config->shard.index = -1;
    config->shard.count = -1;
}

static bool parse_size(const char *text, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno || end == text || text[0] == '-')
        return false;
    unsigned long long scale = 1;
    if (*end == 'k' || *end == 'K')
        scale = 1024, end++;
    else if (*end == 'm' || *end == 'M')
        scale = 1024 * 1024, end++;
    else if (*end == 'g' || *end == 'G')
        scale = 1024ULL * 1024 * 1024, end++;
    if (*end || v == 0 || v > SIZE_MAX / scale)
        return false;
    *out = (size_t)(v * scale);
    return true;
}

static int bad_value(const run_config *config, const char *option, const char *value)
{
    fprintf(stderr, "onrecord %s: bad value '%s' for %s\n", config->command, value, option);
    return -1;
}

int run_config_option(run_config *config, int opt, const char *value)
{
    char *end;
    switch (opt) {
    case 'j': {
        long n = strtol(value, &end, 10);
        if (*end || n < 1 || n > 1024)
            return bad_value(config, "-j", value);
        config->batch.jobs = (unsigned)n;
        return 1;
    }
    case 'q': config->batch.quiet = true; return 1;
    case RUN_OPT_SUMMARY: config->summary_path = value; return 1;
    case RUN_OPT_MANIFEST: config->shard.manifest = value; return 1;
    case RUN_OPT_SHARD:
        return shard_parse(value, &config->shard) ? 1 : bad_value(config, "--shard", value);
    case RUN_OPT_SHARD_COUNT: {
        long n = strtol(value, &end, 10);
        if (*end || n < 1)
            return bad_value(config, "--shard-count", value);
        config->shard.count = n;
        return 1;
    }
    case RUN_OPT_MAX_PAGE_SIZE:
        return parse_size(value, &config->batch.max_input_size) ? 1 : bad_value(config, "--max-page-size", value);
    default: return 0;
    }
}

static bool write_summary(const run_config *config, const batch_summary *summary)
{
    FILE *f = fopen(config->summary_path, "w");
    if (!f) {
        fprintf(stderr, "onrecord %s: cannot write %s: %s\n", config->command, config->summary_path, strerror(errno));
        return false;
    }
    batch_write_summary_json(&config->batch, summary, f);
    if (fclose(f) != 0) {
        fprintf(stderr, "onrecord %s: cannot write %s\n", config->command, config->summary_path);
        return false;
    }
    return true;
}

int run_config_execute(run_config *config, const char *const *inputs, size_t count, const char *output_dir,
                       batch_work_fn work, void *arg)
{
    if (config->shard.manifest) {
        if (count) {
            fprintf(stderr, "onrecord %s: give inputs either on the command line or in --manifest\n",
                    config->command);
            return 2;
        }
        config->shard.output_dir = output_dir;
        if (!shard_resolve(&config->shard))
            return 2;
        return shard_run(&config->shard, &config->batch, work, arg);
    }
    static const char *const standard_input[] = {"-"};
    if (count == 0) {
        inputs = standard_input;
        count = 1;
    }
    batch_summary summary;
    bool ran = batch_run(inputs, count, &config->batch, work, arg, stdout, &summary);
    /* One input needs no summary: its result or its error line says it all. */
    if (!config->batch.quiet && summary.inputs > 1)
        batch_print_summary(&config->batch, &summary);
    if (config->summary_path && !write_summary(config, &summary))
        return 2;
    if (!ran)
        return 2;
    return summary.failed ? 1 : 0;
}
