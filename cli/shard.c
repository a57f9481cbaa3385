/* Manifest sharding for map jobs on a cluster; see shard.h for the contract. */
#include "shard.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool parse_long(const char *text, long *out)
{
    if (!text || !*text)
        return false;
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno || *end || v < 0)
        return false;
    *out = v;
    return true;
}

bool shard_parse(const char *text, shard_spec *spec)
{
    char copy[64];
    if (strlen(text) >= sizeof copy)
        return false;
    strcpy(copy, text);
    char *slash = strchr(copy, '/');
    if (slash) {
        *slash = '\0';
        if (!parse_long(slash + 1, &spec->count))
            return false;
    }
    return parse_long(copy, &spec->index);
}

/* The array index and size that schedulers put in the environment. */
static void index_from_environment(shard_spec *spec)
{
    long v, min = 0;
    if (spec->index < 0) {
        if (parse_long(getenv("SLURM_ARRAY_TASK_ID"), &v)) {
            if (parse_long(getenv("SLURM_ARRAY_TASK_MIN"), &min) && min <= v)
                v -= min;
            spec->index = v;
        } else if (parse_long(getenv("AWS_BATCH_JOB_ARRAY_INDEX"), &v) ||
                   parse_long(getenv("JOB_COMPLETION_INDEX"), &v)) {
            spec->index = v;
        }
    }
    if (spec->count < 0 && parse_long(getenv("SLURM_ARRAY_TASK_COUNT"), &v))
        spec->count = v;
}

bool shard_resolve(shard_spec *spec)
{
    index_from_environment(spec);
    if (spec->index < 0 || spec->count <= 0) {
        fprintf(stderr, "onrecord: --manifest needs --shard I/N (or SLURM_ARRAY_TASK_ID and "
                        "SLURM_ARRAY_TASK_COUNT, or an array index with --shard-count)\n");
        return false;
    }
    if (spec->index >= spec->count) {
        fprintf(stderr, "onrecord: shard %ld is out of range for %ld shards\n", spec->index, spec->count);
        return false;
    }
    if (!spec->output_dir) {
        fprintf(stderr, "onrecord: --manifest needs -o DIR for the shard's output\n");
        return false;
    }
    return true;
}

typedef struct manifest {
    char *text;
    char **paths;
    size_t count;
} manifest;

/* Lines of the manifest, without blank lines and # comments. */
static bool manifest_read(const char *path, manifest *m)
{
    onr_error err;
    size_t len;
    memset(m, 0, sizeof *m);
    if (onr_read_file(path, 0, NULL, &m->text, &len, &err) != ONR_OK) {
        fprintf(stderr, "onrecord: manifest %s\n", err.message);
        return false;
    }
    size_t cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += m->text[i] == '\n';
    m->paths = malloc(cap * sizeof *m->paths);
    if (!m->paths) {
        fprintf(stderr, "onrecord: out of memory reading manifest %s\n", path);
        return false;
    }
    for (char *line = m->text; line && *line;) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
            line[--n] = '\0';
        if (n && line[0] != '#')
            m->paths[m->count++] = line;
        line = next;
    }
    return true;
}

static void manifest_free(manifest *m)
{
    free(m->paths);
    free(m->text);
}

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Writes `summary` as JSON to `path` through a temporary name. */
static bool write_summary_file(const char *path, const char *tmp, const batch_options *options,
                               const batch_summary *summary)
{
    FILE *f = fopen(tmp, "w");
    if (!f)
        return false;
    batch_write_summary_json(options, summary, f);
    return fclose(f) == 0 && rename(tmp, path) == 0;
}

int shard_run(const shard_spec *spec, const batch_options *options, batch_work_fn work, void *arg)
{
    char base[4096], final_out[4200], tmp_out[4200], summary_out[4200], tmp_summary[4300], done[4200];
    snprintf(base, sizeof base, "%s/shard-%05ld-of-%05ld", spec->output_dir, spec->index, spec->count);
    snprintf(final_out, sizeof final_out, "%s.jsonl", base);
    snprintf(tmp_out, sizeof tmp_out, "%s/.shard-%05ld-of-%05ld.jsonl.tmp", spec->output_dir, spec->index,
             spec->count);
    snprintf(summary_out, sizeof summary_out, "%s.summary.json", base);
    snprintf(tmp_summary, sizeof tmp_summary, "%s.tmp", summary_out);
    snprintf(done, sizeof done, "%s.done", base);
    if (file_exists(done)) {
        fprintf(stderr, "onrecord: shard %ld/%ld already done (%s)\n", spec->index, spec->count, done);
        return 0;
    }
    if (mkdir(spec->output_dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "onrecord: cannot create %s: %s\n", spec->output_dir, strerror(errno));
        return 2;
    }
    manifest m;
    if (!manifest_read(spec->manifest, &m)) {
        manifest_free(&m);
        return 2;
    }
    size_t first = (size_t)((unsigned long long)spec->index * m.count / (unsigned long long)spec->count);
    size_t last = (size_t)((unsigned long long)(spec->index + 1) * m.count / (unsigned long long)spec->count);
    FILE *out = fopen(tmp_out, "w");
    if (!out) {
        fprintf(stderr, "onrecord: cannot write %s: %s\n", tmp_out, strerror(errno));
        manifest_free(&m);
        return 2;
    }
    batch_summary summary;
    bool ran = batch_run((const char *const *)m.paths + first, last - first, options, work, arg, out, &summary);
    ran = (fclose(out) == 0) && ran;
    manifest_free(&m);
    if (!ran || !write_summary_file(summary_out, tmp_summary, options, &summary) ||
        rename(tmp_out, final_out) != 0) {
        fprintf(stderr, "onrecord: shard %ld/%ld failed writing %s\n", spec->index, spec->count, final_out);
        return 2;
    }
    FILE *marker = fopen(done, "w");
    if (!marker || fclose(marker) != 0) {
        fprintf(stderr, "onrecord: cannot write %s\n", done);
        return 2;
    }
    batch_print_summary(options, &summary);
    return summary.failed ? 1 : 0;
}
