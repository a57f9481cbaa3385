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
    batch_warc_origin origin;
    char *origin_strings;  /* one block holding the origin's strings */
    batch_result result;
} slot;

/* The reading side: walks the input paths and, inside WARC archives, their records. */
typedef struct producer {
    const path_list *inputs;
    size_t next_path;
    onr_warc_reader *warc;
    const char *warc_path;
    onr_warc_options warc_options;
    size_t max_input_size;
} producer;

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

static void slot_release(slot *s)
{
    free(s->result.text);
    free(s->data);
    free(s->origin_strings);
    memset(s, 0, sizeof *s);
}

static void read_file_item(const producer *p, const char *path, slot *s)
{
    size_t len = 0;
    if (onr_read_file(path, p->max_input_size, NULL, &s->data, &len, &s->item.read_error) == ONR_OK) {
        s->item.data = s->data;
        s->item.len = len;
    }
}

static void set_error(onr_error *err, onr_status status, uint64_t offset, const char *message)
{
    err->status = status;
    err->offset = (size_t)offset;
    snprintf(err->message, sizeof err->message, "%s", message);
}

/* Copies the record's provenance, since the record dies at the reader's next call. */
static bool copy_origin(const onr_warc_record *r, slot *s)
{
    const onr_string fields[] = {r->record_id, r->target_uri, r->date, r->http_content_type};
    size_t total = 0;
    for (size_t i = 0; i < 4; i++)
        total += fields[i].len + 1;
    char *block = malloc(total);
    if (!block)
        return false;
    const char **targets[] = {&s->origin.record_id, &s->origin.target_uri, &s->origin.date,
                              &s->origin.content_type};
    char *at = block;
    for (size_t i = 0; i < 4; i++) {
        if (fields[i].len)
            memcpy(at, fields[i].data, fields[i].len);
        at[fields[i].len] = '\0';
        *targets[i] = at;
        at += fields[i].len + 1;
    }
    s->origin_strings = block;
    s->origin.offset = r->offset;
    s->origin.length = r->length;
    s->item.warc = &s->origin;
    return true;
}

/* The next record of the open archive into `s`; false at the archive's end. */
static bool read_warc_item(producer *p, slot *s)
{
    const onr_warc_record *r = NULL;
    onr_status status = onr_warc_next(p->warc, &r, &s->item.read_error);
    s->item.input = p->warc_path;
    if (status == ONR_ERR_FORMAT)
        return true; /* a damaged stretch: an error item; the reader resumes after it */
    if (status != ONR_OK || !r) {
        bool had_error = status != ONR_OK;
        onr_warc_close(p->warc);
        p->warc = NULL;
        return had_error; /* a final I/O or memory error still gets its error item */
    }
    if (!copy_origin(r, s)) {
        set_error(&s->item.read_error, ONR_ERR_NOMEM, r->offset, "out of memory copying a record");
        return true;
    }
    if (r->skip != ONR_WARC_KEEP) {
        s->item.skip = onr_warc_skip_name(r->skip);
        return true;
    }
    s->data = malloc(r->payload_len + 1);
    if (!s->data) {
        set_error(&s->item.read_error, ONR_ERR_NOMEM, r->offset, "out of memory copying a record");
        return true;
    }
    memcpy(s->data, r->payload, r->payload_len);
    s->data[r->payload_len] = '\0';
    s->item.data = s->data;
    s->item.len = r->payload_len;
    return true;
}

/* Fills `s` with the next item; false when every input is done. */
static bool producer_next(producer *p, size_t seq, slot *s)
{
    memset(s, 0, sizeof *s);
    s->item.seq = seq;
    for (;;) {
        if (p->warc && read_warc_item(p, s))
            break;
        if (p->warc)
            continue;
        if (p->next_path == p->inputs->count)
            return false;
        const char *path = p->inputs->paths[p->next_path++];
        if (strcmp(path, "-") != 0 && onr_warc_sniff_file(path)) {
            onr_warc_options_init(&p->warc_options);
            if (p->max_input_size)
                p->warc_options.max_record_size = p->max_input_size;
            p->warc_path = path;
            if (onr_warc_open(path, &p->warc_options, NULL, &p->warc, &s->item.read_error) == ONR_OK)
                continue;
            s->item.input = path;
            break;
        }
        s->item.input = path;
        read_file_item(p, path, s);
        break;
    }
    s->state = SLOT_READY;
    return true;
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

static double monotonic_now(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static void progress(const batch *b, const batch_summary *summary, double started)
{
    if (b->options->quiet || !isatty(STDERR_FILENO))
        return;
    double elapsed = monotonic_now() - started;
    size_t done = summary->ok + summary->skipped + summary->failed;
    fprintf(stderr, "\r%zu %s done (%zu failed), %.0f/s  ", done, b->options->what, summary->failed,
            elapsed > 0 ? (double)done / elapsed : 0.0);
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
    /* WARC skips are routine (most records are not pages): counted, not printed. */
    if (r->outcome == BATCH_FAILED || (r->outcome == BATCH_SKIPPED && !s->item.skip))
        if (r->message[0])
            fprintf(stderr, "onrecord: %s\n", r->message);
    if (r->outcome != BATCH_OK)
        count_reason(summary, r->reason ? r->reason : "error");
    summary->inputs++;
    summary->warc_records += s->item.warc != NULL;
    summary->pages += s->item.data != NULL;
    summary->ok += r->outcome == BATCH_OK;
    summary->skipped += r->outcome == BATCH_SKIPPED;
    summary->failed += r->outcome == BATCH_FAILED;
    slot_release(s);
    return ok;
}

/* One thread: no locks, the same order, the same results. */
static bool run_inline(batch *b, producer *p, FILE *out, batch_summary *summary)
{
    double started = monotonic_now();
    bool ok = true;
    slot *s = &b->slots[0];
    for (size_t seq = 0; ok && producer_next(p, seq, s); seq++) {
        b->work(b->arg, &s->item, &s->result);
        ok = write_result(s, out, summary);
        progress(b, summary, started);
    }
    return ok;
}

static bool run_threads(batch *b, unsigned jobs, producer *p, FILE *out, batch_summary *summary)
{
    pthread_t *threads = calloc(jobs, sizeof *threads);
    if (!threads)
        return false;
    unsigned started_threads = 0;
    while (started_threads < jobs && pthread_create(&threads[started_threads], NULL, worker_main, b) == 0)
        started_threads++;
    double started = monotonic_now();
    bool ok = started_threads > 0, producing = true;
    pthread_mutex_lock(&b->lock);
    while (ok && (producing || b->next_write < b->next_read)) {
        slot *head = &b->slots[b->next_write % b->window];
        if (b->next_write < b->next_read && head->state == SLOT_DONE) {
            pthread_mutex_unlock(&b->lock);
            ok = write_result(head, out, summary);
            progress(b, summary, started);
            pthread_mutex_lock(&b->lock);
            b->next_write++;
        } else if (producing && b->next_read - b->next_write < b->window) {
            size_t seq = b->next_read;
            pthread_mutex_unlock(&b->lock);
            producing = producer_next(p, seq, &b->slots[seq % b->window]);
            pthread_mutex_lock(&b->lock);
            if (producing) {
                b->next_read++;
                pthread_cond_signal(&b->work_ready);
            }
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
    unsigned jobs = options->jobs ? options->jobs : batch_default_jobs();
    batch b = {.options = options, .work = work, .arg = arg, .window = (size_t)jobs * 4};
    b.slots = calloc(b.window, sizeof *b.slots);
    if (!b.slots) {
        path_list_free(&inputs);
        return false;
    }
    pthread_mutex_init(&b.lock, NULL);
    pthread_cond_init(&b.work_ready, NULL);
    pthread_cond_init(&b.work_done, NULL);
    producer p = {.inputs = &inputs, .max_input_size = options->max_input_size};
    bool ok = jobs <= 1 ? run_inline(&b, &p, out, summary) : run_threads(&b, jobs, &p, out, summary);
    if (p.warc)
        onr_warc_close(p.warc);
    if (!options->quiet && isatty(STDERR_FILENO))
        fputc('\n', stderr);
    for (size_t i = 0; i < b.window; i++)
        slot_release(&b.slots[i]);
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
    fprintf(stderr, "onrecord: %zu inputs", summary->inputs);
    if (summary->warc_records)
        fprintf(stderr, " (%zu WARC records)", summary->warc_records);
    fprintf(stderr, ", %zu pages, %zu %s, %zu skipped, %zu failed", summary->pages, summary->ok, options->what,
            summary->skipped, summary->failed);
    for (size_t i = 0; i < summary->reason_count; i++)
        fprintf(stderr, "%s%s %zu", i ? ", " : " (", summary->reasons[i], summary->reason_counts[i]);
    fputs(summary->reason_count ? ")\n" : "\n", stderr);
}

void batch_write_summary_json(const batch_options *options, const batch_summary *summary, FILE *out)
{
    fprintf(out, "{\"inputs\":%zu,\"warc_records\":%zu,\"pages\":%zu,\"%s\":%zu,\"skipped\":%zu,"
                 "\"failed\":%zu,\"reasons\":{",
            summary->inputs, summary->warc_records, summary->pages, options->what, summary->ok, summary->skipped,
            summary->failed);
    for (size_t i = 0; i < summary->reason_count; i++)
        fprintf(out, "%s\"%s\":%zu", i ? "," : "", summary->reasons[i], summary->reason_counts[i]);
    fputs("}}\n", out);
}

void batch_provenance_json(const batch_item *item, text_buf *out)
{
    text_puts(out, "\"input\":");
    text_json(out, item->input, strlen(item->input));
    const batch_warc_origin *w = item->warc;
    if (!w)
        return;
    text_printf(out, ",\"warc_offset\":%llu,\"warc_length\":%llu", (unsigned long long)w->offset,
                (unsigned long long)w->length);
    const char *names[] = {"warc_record_id", "target_uri", "warc_date"};
    const char *values[] = {w->record_id, w->target_uri, w->date};
    for (size_t i = 0; i < 3; i++) {
        if (!values[i][0])
            continue;
        text_printf(out, ",\"%s\":", names[i]);
        text_json(out, values[i], strlen(values[i]));
    }
}

void batch_fail(batch_result *result, const char *input, const char *reason, const char *detail)
{
    result->outcome = BATCH_FAILED;
    result->reason = reason;
    size_t n = strlen(input);
    if (!strncmp(detail, input, n) && !strncmp(detail + n, ": ", 2))
        detail += n + 2;
    snprintf(result->message, sizeof result->message, "%.120s: %.170s", input, detail);
}

void batch_outcome_json(const batch_item *item, const batch_result *result, text_buf *out)
{
    text_puts(out, "{");
    batch_provenance_json(item, out);
    if (result->outcome == BATCH_SKIPPED) {
        text_puts(out, ",\"skipped\":");
        text_json(out, result->reason, strlen(result->reason));
    } else {
        /* The message is "INPUT: detail"; the record names the input already. */
        size_t n = strlen(item->input);
        const char *detail = result->message;
        if (!strncmp(detail, item->input, n) && !strncmp(detail + n, ": ", 2))
            detail += n + 2;
        text_puts(out, ",\"error\":");
        text_json(out, detail, strlen(detail));
        text_puts(out, ",\"reason\":");
        text_json(out, result->reason, strlen(result->reason));
    }
    text_puts(out, "}\n");
}
