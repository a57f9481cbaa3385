/* The batch runner behind `onrecord extract` and `onrecord sources`: the main thread reads inputs
 * in order and writes results in order; worker threads do the work in between. At most `window`
 * inputs are in flight, so memory stays bounded by jobs times the input size cap. */
#include "batch.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- the list of input paths, folders expanded ---- */

typedef struct path_list {
    char **paths;
    size_t count, cap;
} path_list;

static bool path_list_add(path_list *list, const char *path)
{
    if (list->count == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 64;
        char **paths = realloc(list->paths, cap * sizeof *paths);
        if (!paths)
            return false;
        list->paths = paths;
        list->cap = cap;
    }
    char *copy = strdup(path);
    if (!copy)
        return false;
    list->paths[list->count++] = copy;
    return true;
}

static void path_list_free(path_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->paths[i]);
    free(list->paths);
}

static bool has_wanted_extension(const char *name, const char *const *extensions)
{
    if (!extensions)
        return true;
    size_t len = strlen(name);
    if (len > 3 && !strcmp(name + len - 3, ".gz"))
        len -= 3;
    for (const char *const *ext = extensions; *ext; ext++) {
        size_t ext_len = strlen(*ext);
        if (len > ext_len && !strncasecmp(name + len - ext_len, *ext, ext_len))
            return true;
    }
    return false;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the wanted files under `dir`, sorted by name at each level, so runs are reproducible. */
static bool walk_folder(const char *dir, const char *const *extensions, path_list *list, unsigned depth)
{
    DIR *d = opendir(dir);
    if (!d)
        return path_list_add(list, dir); /* reading it will report the error */
    path_list names = {0};
    bool ok = true;
    struct dirent *entry;
    while (ok && (entry = readdir(d)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;
        ok = path_list_add(&names, entry->d_name);
    }
    closedir(d);
    if (names.count)
        qsort(names.paths, names.count, sizeof *names.paths, compare_names);
    for (size_t i = 0; ok && i < names.count; i++) {
        size_t len = strlen(dir) + strlen(names.paths[i]) + 2;
        char *path = malloc(len);
        if (!path) {
            ok = false;
            break;
        }
        snprintf(path, len, "%s/%s", dir, names.paths[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (depth < 64)
                ok = walk_folder(path, extensions, list, depth + 1);
        } else if (has_wanted_extension(names.paths[i], extensions)) {
            ok = path_list_add(list, path);
        }
        free(path);
    }
    path_list_free(&names);
    return ok;
}

static bool expand_inputs(const char *const *paths, size_t count, const char *const *extensions,
                          path_list *list)
{
    for (size_t i = 0; i < count; i++) {
        struct stat st;
        bool ok = (strcmp(paths[i], "-") && stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
                      ? walk_folder(paths[i], extensions, list, 0)
                      : path_list_add(list, paths[i]);
        if (!ok)
            return false;
    }
    return true;
}

/* ---- in-flight inputs ---- */

typedef enum slot_state { SLOT_FREE, SLOT_READY, SLOT_TAKEN, SLOT_DONE } slot_state;

typedef struct slot {
    slot_state state;
    batch_item item;
    char *data;
    batch_result result;
} slot;

typedef struct batch {
    const batch_options *options;
    batch_work_fn work;
    void *arg;
    slot *slots;
    size_t window;
    size_t next_read, next_take, next_write;
    bool reading_done;
    pthread_mutex_t lock;
    pthread_cond_t work_ready; /* a slot became READY, or reading ended */
    pthread_cond_t work_done;  /* a slot became DONE */
} batch;

static void read_item(const batch *b, const char *path, size_t seq, slot *s)
{
    memset(s, 0, sizeof *s);
    s->item.seq = seq;
    s->item.input = path;
    size_t len = 0;
    if (onr_read_file(path, b->options->max_input_size, NULL, &s->data, &len, &s->item.read_error) == ONR_OK) {
        s->item.data = s->data;
        s->item.len = len;
    }
    s->state = SLOT_READY;
}

static void *worker_main(void *arg)
{
    batch *b = arg;
    pthread_mutex_lock(&b->lock);
    for (;;) {
        while (b->next_take == b->next_read && !b->reading_done)
            pthread_cond_wait(&b->work_ready, &b->lock);
        if (b->next_take == b->next_read)
            break;
        slot *s = &b->slots[b->next_take++ % b->window];
        s->state = SLOT_TAKEN;
        pthread_mutex_unlock(&b->lock);
        b->work(b->arg, &s->item, &s->result);
        pthread_mutex_lock(&b->lock);
        s->state = SLOT_DONE;
        pthread_cond_signal(&b->work_done);
    }
    pthread_mutex_unlock(&b->lock);
    return NULL;
}

static void progress(const batch *b, size_t done, size_t total, double started)
{
    if (b->options->quiet || !isatty(STDERR_FILENO))
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double elapsed = (double)now.tv_sec + (double)now.tv_nsec / 1e9 - started;
    fprintf(stderr, "\r%zu/%zu %s, %.0f/s  ", done, total, b->options->what, elapsed > 0 ? (double)done / elapsed : 0.0);
}

static void count_reason(batch_summary *summary, const char *reason)
{
    for (size_t i = 0; i < summary->reason_count; i++) {
        if (!strcmp(summary->reasons[i], reason)) {
            summary->reason_counts[i]++;
            return;
        }
    }
    /* The reason keys are a small fixed set; past the table, count them together. */
    size_t i = summary->reason_count < BATCH_MAX_REASONS ? summary->reason_count++ : BATCH_MAX_REASONS - 1;
    if (i == BATCH_MAX_REASONS - 1)
        reason = "other";
    summary->reasons[i] = reason;
    summary->reason_counts[i]++;
}

static bool write_result(slot *s, FILE *out, batch_summary *summary)
{
    batch_result *r = &s->result;
    bool ok = true;
    if (r->text && r->len)
        ok = fwrite(r->text, 1, r->len, out) == r->len;
    if (r->outcome != BATCH_OK && r->message[0])
        fprintf(stderr, "onrecord: %s\n", r->message);
    if (r->outcome != BATCH_OK)
        count_reason(summary, r->reason ? r->reason : "error");
    summary->ok += r->outcome == BATCH_OK;
    summary->skipped += r->outcome == BATCH_SKIPPED;
    summary->failed += r->outcome == BATCH_FAILED;
    free(r->text);
    free(s->data);
    memset(s, 0, sizeof *s);
    return ok;
}

static double monotonic_now(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

/* One thread: no locks, the same order, the same results. */
static bool run_inline(batch *b, const path_list *inputs, FILE *out, batch_summary *summary)
{
    double started = monotonic_now();
    bool ok = true;
    for (size_t i = 0; i < inputs->count && ok; i++) {
        slot *s = &b->slots[0];
        read_item(b, inputs->paths[i], i, s);
        b->work(b->arg, &s->item, &s->result);
        ok = write_result(s, out, summary);
        progress(b, i + 1, inputs->count, started);
    }
    return ok;
}

static bool run_threads(batch *b, unsigned jobs, const path_list *inputs, FILE *out, batch_summary *summary)
{
    pthread_t *threads = calloc(jobs, sizeof *threads);
    if (!threads)
        return false;
    unsigned started_threads = 0;
    while (started_threads < jobs && pthread_create(&threads[started_threads], NULL, worker_main, b) == 0)
        started_threads++;
    double started = monotonic_now();
    bool ok = started_threads > 0;
    pthread_mutex_lock(&b->lock);
    while (ok && b->next_write < inputs->count) {
        slot *head = &b->slots[b->next_write % b->window];
        if (head->state == SLOT_DONE) {
            pthread_mutex_unlock(&b->lock);
            ok = write_result(head, out, summary);
            progress(b, b->next_write + 1, inputs->count, started);
            pthread_mutex_lock(&b->lock);
            b->next_write++;
        } else if (b->next_read < inputs->count && b->next_read - b->next_write < b->window) {
            size_t seq = b->next_read;
            pthread_mutex_unlock(&b->lock);
            read_item(b, inputs->paths[seq], seq, &b->slots[seq % b->window]);
            pthread_mutex_lock(&b->lock);
            b->next_read++;
            pthread_cond_signal(&b->work_ready);
        } else {
            pthread_cond_wait(&b->work_done, &b->lock);
        }
    }
    b->reading_done = true;
    pthread_cond_broadcast(&b->work_ready);
    pthread_mutex_unlock(&b->lock);
    for (unsigned i = 0; i < started_threads; i++)
        pthread_join(threads[i], NULL);
    free(threads);
    return ok;
}

unsigned batch_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

bool batch_run(const char *const *paths, size_t count, const batch_options *options, batch_work_fn work,
               void *arg, FILE *out, batch_summary *summary)
{
    memset(summary, 0, sizeof *summary);
    path_list inputs = {0};
    if (!expand_inputs(paths, count, options->extensions, &inputs)) {
        path_list_free(&inputs);
        fprintf(stderr, "onrecord: out of memory listing the inputs\n");
        return false;
    }
    summary->inputs = inputs.count;
    unsigned jobs = options->jobs ? options->jobs : batch_default_jobs();
    if (jobs > inputs.count)
        jobs = inputs.count ? (unsigned)inputs.count : 1;
    batch b = {.options = options, .work = work, .arg = arg, .window = (size_t)jobs * 4};
    b.slots = calloc(b.window, sizeof *b.slots);
    if (!b.slots) {
        path_list_free(&inputs);
        return false;
    }
    pthread_mutex_init(&b.lock, NULL);
    pthread_cond_init(&b.work_ready, NULL);
    pthread_cond_init(&b.work_done, NULL);
    bool ok = jobs <= 1 ? run_inline(&b, &inputs, out, summary) : run_threads(&b, jobs, &inputs, out, summary);
    if (!options->quiet && isatty(STDERR_FILENO))
        fputc('\n', stderr);
    for (size_t i = 0; i < b.window; i++) {
        free(b.slots[i].data);
        free(b.slots[i].result.text);
    }
    pthread_cond_destroy(&b.work_done);
    pthread_cond_destroy(&b.work_ready);
    pthread_mutex_destroy(&b.lock);
    free(b.slots);
    path_list_free(&inputs);
    if (fflush(out) != 0)
        ok = false;
    return ok;
}

void batch_print_summary(const batch_options *options, const batch_summary *summary)
{
    fprintf(stderr, "onrecord: %zu %s: %zu ok, %zu skipped, %zu failed\n", summary->inputs, options->what,
            summary->ok, summary->skipped, summary->failed);
}

void batch_write_summary_json(const batch_options *options, const batch_summary *summary, FILE *out)
{
    fprintf(out, "{\"what\":\"%s\",\"inputs\":%zu,\"ok\":%zu,\"skipped\":%zu,\"failed\":%zu,\"reasons\":{",
            options->what, summary->inputs, summary->ok, summary->skipped, summary->failed);
    for (size_t i = 0; i < summary->reason_count; i++)
        fprintf(out, "%s\"%s\":%zu", i ? "," : "", summary->reasons[i], summary->reason_counts[i]);
    fputs("}}\n", out);
}
