/* Map jobs over a manifest of inputs: `--manifest FILE --shard I/N -o DIR`. Shard I takes the
 * contiguous block [I*M/N, (I+1)*M/N) of the M paths, so concatenating the shard outputs in order
 * equals a single run. Outputs appear complete or not at all (temporary name, then rename), and a
 * done-marker makes a rerun of a finished shard a no-op. Slurm job arrays, AWS Batch array jobs and
 * Kubernetes indexed jobs set the shard index in the environment. */
#ifndef ONR_CLI_SHARD_H
#define ONR_CLI_SHARD_H

#include "batch.h"

typedef struct shard_spec {
    const char *manifest;
    const char *output_dir;
    long index;        /* -1: from the environment */
    long count;        /* -1: from the environment */
} shard_spec;

/* Parses "I/N" or "I" into spec (N then comes from --shard-count or the environment). */
bool shard_parse(const char *text, shard_spec *spec);

/* Fills index and count from the environment where the flags left them unset; false with a
 * message on stderr when they remain unknown or out of range. */
bool shard_resolve(shard_spec *spec);

/* Runs the shard; returns the process exit status (0: done or already done, 1: some inputs failed,
 * 2: the shard could not run). */
int shard_run(const shard_spec *spec, const batch_options *options, batch_work_fn work, void *arg);

#endif
