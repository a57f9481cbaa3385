/* The batch runner behind `onrecord extract` and `onrecord sources`: the main thread reads inputs
 * in order and writes results in order; worker threads do the work in between (with several, a
 * .warc.gz is handed to them in stretches, so they inflate it too). The pages and results held
 * between reading and writing stay within jobs x 4 times the input size cap. */
#include "batch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
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

/* An item with the memory it owns: a file's bytes, or a WARC record's provenance and, unless the
 * payload is borrowed, a copy of it (the record dies at the reader's next call). */
typedef struct owned_item {
    batch_item item;
    char *data;
    batch_warc_origin origin;
    char *origin_strings;  /* one block holding the origin's strings */
} owned_item;

/* A result with what the summary counts about its item. */
typedef struct entry {
    batch_result result;
    bool warc, page;
    bool routine_skip;     /* a WARC record that holds no page: counted, not printed */
} entry;

/* A stretch of a .warc.gz between two member magics, read by a worker (onr_warc_open_at). */
typedef struct stretch {
    int fd;
    uint64_t offset, length;
    unsigned file;         /* which input file, for the writer's bookkeeping */
    bool closes_fd;        /* the file's last stretch: writing it closes the descriptor */
    uint64_t stop;         /* set by the worker: where the next stretch that counts starts */
} stretch;

/* Results of a slot go through a small ring, so a stretch holding many records (a file that is
 * one gzip member) is written as it is read, with bounded memory. */
#define SLOT_ENTRIES 16

typedef struct slot {
    slot_state state;
    owned_item in;         /* a file or record read by the main thread; unused for a stretch */
    bool is_stretch;
    stretch stretch;
    entry entries[SLOT_ENTRIES];
    size_t produced, written;
    bool judged, dropped;  /* the writer's verdict: a stretch that starts inside a member is dropped */
} slot;

/* Scanning a .warc.gz for member magics, to hand the stretches between them to workers. */
typedef struct stretch_scan {
    int fd;                /* -1 when no file is being split */
    unsigned file;
    char *buf;
    size_t len;
    uint64_t buf_pos;      /* file offset of buf[0] */
    bool eof;
    uint64_t next;         /* the next stretch's start */
} stretch_scan;

#define SCAN_CHUNK (1024 * 1024)

/* The reading side: walks the input paths and, inside WARC archives, their records. */
typedef struct producer {
    const path_list *inputs;
    size_t next_path;
    onr_warc_reader *warc;
    const char *warc_path;
    const onr_warc_options *warc_options;
    size_t max_input_size;
    bool split_gzip;       /* hand .warc.gz stretches to workers instead of reading records here */
    bool borrow_records;   /* one thread: each record is worked on before the next is read */
    stretch_scan scan;
    unsigned files;
} producer;

typedef struct batch {
    const batch_options *options;
    batch_work_fn work;
    void *arg;
    onr_warc_options warc_options;
    slot *slots;
    size_t window;
    size_t next_read, next_take, next_write;
    /* bytes of pages read by the main thread and of results not yet written: reading pauses above
     * `held_budget`, which bounds memory as the old window of jobs x 4 pages did, while small items
     * (most WARC records) may fill many more slots so that one slow page does not idle the others */
    size_t held, held_budget;
    bool reading_done, stopping;
    pthread_mutex_t lock;
    pthread_cond_t work_ready;    /* a slot became READY, or reading ended */
    pthread_cond_t work_done;     /* the head slot has a new result or became DONE */
    pthread_cond_t entry_written; /* the writer made room in a slot's ring */
} batch;

static void owned_item_release(owned_item *o)
{
    free(o->data);
    free(o->origin_strings);
    memset(o, 0, sizeof *o);
}

static void slot_release(slot *s)
{
    for (size_t i = s->written; i < s->produced; i++)
        free(s->entries[i % SLOT_ENTRIES].result.text);
    owned_item_release(&s->in);
    if (s->is_stretch && s->stretch.closes_fd)
        close(s->stretch.fd);
    memset(s, 0, sizeof *s);
}

static void read_file_item(const producer *p, const char *path, owned_item *o)
{
    size_t len = 0;
    if (onr_read_file(path, p->max_input_size, NULL, &o->data, &len, &o->item.read_error) == ONR_OK) {
        o->item.data = o->data;
        o->item.len = len;
    }
}

/* As much of a file as onr_warc_sniff_file reads to tell a WARC by its content. */
enum { FILE_HEAD = 16384 };

/* True when the file at `path` is a WARC; else reads it into `o`. Its first bytes tell, and a
 * page that ends within them (most articles) is kept rather than opened and read again; a longer
 * one, a gzip or one over the size limit is read by onr_read_file, which also reports errors. */
static bool warc_else_read(const producer *p, const char *path, owned_item *o)
{
    char *head = malloc(FILE_HEAD + 1);
    int fd = head ? open(path, O_RDONLY | O_CLOEXEC) : -1;
    size_t len = 0;
    ssize_t got = -1;
    if (fd >= 0) {
        do {
            got = read(fd, head + len, FILE_HEAD - len);
            len += got > 0 ? (size_t)got : 0;
        } while ((got > 0 && len < FILE_HEAD) || (got < 0 && errno == EINTR));
        close(fd);
    }
    if (len > 0 && onr_warc_sniff(head, len)) {
        free(head);
        return true;
    }
    bool gzip = len >= 2 && (unsigned char)head[0] == 0x1f && (unsigned char)head[1] == 0x8b;
    if (got != 0 || gzip || (p->max_input_size && len > p->max_input_size)) {
        free(head);
        read_file_item(p, path, o);
        return false;
    }
    char *fit = realloc(head, len + 1);
    o->data = fit ? fit : head;
    o->data[len] = '\0';
    o->item.data = o->data;
    o->item.len = len;
    return false;
}

static void set_error(onr_error *err, onr_status status, uint64_t offset, const char *message)
{
    err->status = status;
    err->offset = (size_t)offset;
    snprintf(err->message, sizeof err->message, "%s", message);
}

/* Copies the record's provenance, since the record dies at the reader's next call. */
static bool copy_origin(const onr_warc_record *r, owned_item *o)
{
    const onr_string fields[] = {r->record_id, r->target_uri, r->date, r->http_content_type};
    size_t total = 0;
    for (size_t i = 0; i < 4; i++)
        total += fields[i].len + 1;
    char *block = malloc(total);
    if (!block)
        return false;
    const char **targets[] = {&o->origin.record_id, &o->origin.target_uri, &o->origin.date,
                              &o->origin.content_type};
    char *at = block;
    for (size_t i = 0; i < 4; i++) {
        if (fields[i].len)
            memcpy(at, fields[i].data, fields[i].len);
        at[fields[i].len] = '\0';
        *targets[i] = at;
        at += fields[i].len + 1;
    }
    o->origin_strings = block;
    o->origin.offset = r->offset;
    o->origin.length = r->length;
    o->item.warc = &o->origin;
    return true;
}

/* A record the reader returned, as an item: its provenance, and its payload when it holds a page.
 * The payload is borrowed when the item is worked on before the reader's next call, else copied
 * into memory the item owns. */
static void record_item(const onr_warc_record *r, owned_item *o, bool borrow)
{
    if (!copy_origin(r, o)) {
        set_error(&o->item.read_error, ONR_ERR_NOMEM, r->offset, "out of memory copying a record");
        return;
    }
    if (r->skip != ONR_WARC_KEEP) {
        o->item.skip = onr_warc_skip_name(r->skip);
        return;
    }
    o->item.len = r->payload_len;
    if (borrow) {
        o->item.data = r->payload;
        return;
    }
    if (!(o->data = malloc(r->payload_len + 1))) {
        o->item.len = 0;
        set_error(&o->item.read_error, ONR_ERR_NOMEM, r->offset, "out of memory copying a record");
        return;
    }
    memcpy(o->data, r->payload, r->payload_len);
    o->data[r->payload_len] = '\0';
    o->item.data = o->data;
}

/* The next record of the open archive into `o`; false at the archive's end. */
static bool read_warc_item(producer *p, owned_item *o)
{
    const onr_warc_record *r = NULL;
    onr_status status = onr_warc_next(p->warc, &r, &o->item.read_error);
    o->item.input = p->warc_path;
    if (status == ONR_ERR_FORMAT)
        return true; /* a damaged stretch: an error item; the reader resumes after it */
    if (status != ONR_OK || !r) {
        bool had_error = status != ONR_OK;
        onr_warc_close(p->warc);
        p->warc = NULL;
        return had_error; /* a final I/O or memory error still gets its error item */
    }
    record_item(r, o, p->borrow_records);
    return true;
}

/* ---- splitting a .warc.gz into stretches between member magics ---- */

/* Opens `path` for splitting when it is a regular gzip file; false leaves it to one reader. */
static bool scan_open(producer *p, const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    unsigned char head[2];
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || pread(fd, head, 2, 0) != 2 || head[0] != 0x1f ||
        head[1] != 0x8b || (!p->scan.buf && !(p->scan.buf = malloc(SCAN_CHUNK)))) {
        close(fd);
        return false;
    }
#ifdef POSIX_FADV_SEQUENTIAL
    posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    p->scan.fd = fd;
    p->scan.file = ++p->files;
    p->scan.len = 0;
    p->scan.buf_pos = p->scan.next = 0;
    p->scan.eof = false;
    return true;
}

/* The file offset of the first member magic at or after `from` (from >= buf_pos), or the end of the
 * file. A read error ends the scan there: the stretch's reader meets the error and reports it. */
static uint64_t scan_find(stretch_scan *sc, uint64_t from)
{
    for (;;) {
        if (from < sc->buf_pos + sc->len) {
            size_t at = (size_t)(from - sc->buf_pos);
            size_t hit = onr_warc_find_gzip_magic(sc->buf + at, sc->len - at);
            if (hit < sc->len - at)
                return from + hit;
        }
        if (sc->eof)
            return sc->buf_pos + sc->len;
        /* keep the last two bytes: a magic may straddle the chunks */
        size_t keep = sc->len < 2 ? sc->len : 2;
        memmove(sc->buf, sc->buf + sc->len - keep, keep);
        sc->buf_pos += sc->len - keep;
        sc->len = keep;
        if (from < sc->buf_pos)
            from = sc->buf_pos;
        ssize_t got;
        do
            got = read(sc->fd, sc->buf + sc->len, SCAN_CHUNK - sc->len);
        while (got < 0 && errno == EINTR);
        if (got <= 0)
            sc->eof = true;
        else
            sc->len += (size_t)got;
    }
}

/* The next stretch of the file being split into `s`; false (and the scan over) after the last. */
static bool next_stretch(producer *p, slot *s)
{
    stretch_scan *sc = &p->scan;
    uint64_t end = scan_find(sc, sc->next + 1);
    uint64_t file_end = sc->eof ? sc->buf_pos + sc->len : UINT64_MAX;
    if (sc->next >= end && end == file_end) { /* an empty file */
        close(sc->fd);
        sc->fd = -1;
        return false;
    }
    s->is_stretch = true;
    s->in.item.input = p->warc_path;
    s->stretch = (stretch){.fd = sc->fd, .offset = sc->next, .length = end - sc->next, .file = sc->file};
    sc->next = end;
    if (end == file_end) {
        s->stretch.closes_fd = true;
        sc->fd = -1;
    }
    return true;
}

/* Fills `s` with the next item; false when every input is done. */
static bool producer_next(producer *p, size_t seq, slot *s)
{
    memset(s, 0, sizeof *s);
    s->in.item.seq = seq;
    for (;;) {
        if (p->scan.fd >= 0 && next_stretch(p, s))
            break;
        if (p->warc && read_warc_item(p, &s->in))
            break;
        if (p->warc || p->scan.fd >= 0)
            continue;
        if (p->next_path == p->inputs->count)
            return false;
        const char *path = p->inputs->paths[p->next_path++];
        bool is_stdin = strcmp(path, "-") == 0;
        if (!is_stdin && warc_else_read(p, path, &s->in)) {
            p->warc_path = path;
            if (p->split_gzip && scan_open(p, path))
                continue;
            if (onr_warc_open(path, p->warc_options, NULL, &p->warc, &s->in.item.read_error) == ONR_OK)
                continue;
            s->in.item.input = path;
            break;
        }
        s->in.item.input = path;
        if (is_stdin)
            read_file_item(p, path, &s->in);
        break;
    }
    s->state = SLOT_READY;
    return true;
}

/* ---- workers ---- */

static void entry_for(const batch_item *item, entry *e)
{
    memset(e, 0, sizeof *e);
    e->warc = item->warc != NULL;
    e->page = item->data != NULL;
    e->routine_skip = item->skip != NULL;
}

/* Wakes the main thread (under the lock) when the head slot has news for it and the workers' queue
 * of read items runs low, so that it writes and refills in bulk instead of at each record: a wakeup
 * per record costs a context switch and, with more threads than cores, a preempted worker. Any
 * slot's news re-checks, so the head's news waits at most until the queue runs low; a worker about
 * to wait itself (`worker_waits`) wakes it whatever the queue holds. */
static void wake_writer(batch *b, bool worker_waits)
{
    const slot *head = &b->slots[b->next_write % b->window];
    bool news = head->state == SLOT_DONE || head->written < head->produced;
    if (news && (worker_waits || b->next_read - b->next_take <= b->window / 4))
        pthread_cond_signal(&b->work_done);
}

/* Hands a result to the writer, waiting while the slot's ring is full; false when the slot was
 * dropped or the run is stopping (the result is then freed). */
static bool push_entry(batch *b, slot *s, entry *e)
{
    pthread_mutex_lock(&b->lock);
    while (s->produced - s->written == SLOT_ENTRIES && !s->dropped && !b->stopping) {
        wake_writer(b, true);
        pthread_cond_wait(&b->entry_written, &b->lock);
    }
    bool kept = !s->dropped && !b->stopping;
    if (kept) {
        b->held += e->result.len;
        s->entries[s->produced++ % SLOT_ENTRIES] = *e;
        wake_writer(b, false);
    }
    pthread_mutex_unlock(&b->lock);
    if (!kept)
        free(e->result.text);
    return kept;
}

/* Works on one record of a stretch (or the error that stands for it) and hands the result on; false
 * when the slot was dropped or the run is stopping. */
static bool work_record(batch *b, slot *s, onr_status status, const onr_warc_record *r, owned_item *o)
{
    if (status == ONR_OK)
        record_item(r, o, true);
    entry e;
    entry_for(&o->item, &e);
    b->work(b->arg, &o->item, &e.result);
    const char *input = o->item.input;
    owned_item_release(o);
    o->item.input = input;
    return push_entry(b, s, &e);
}

/* Opens a reader on a stretch: the worker's reader from the stretch before when it has one, else a
 * new one; *reader is NULL when that fails. */
static onr_status open_stretch(batch *b, const stretch *st, bool one_member, onr_warc_reader **reader,
                               onr_error *err)
{
    if (!*reader)
        return onr_warc_open_at(st->fd, st->offset, st->length, one_member, &b->warc_options, NULL, reader, err);
    onr_status status = onr_warc_reopen_at(*reader, st->fd, st->offset, st->length, one_member, err);
    if (status != ONR_OK) {
        onr_warc_close(*reader);
        *reader = NULL;
    }
    return status;
}

/* Works on every record of a stretch and sets where the next stretch that counts starts. A
 * one-member reader whose member spills into the next is replaced by a whole-file reader from the
 * same member, which repeats the records already done (skipped) and reads on to the end of the
 * file: that stretch then stands for the rest. */
static void work_stretch(batch *b, slot *s, onr_warc_reader **kept)
{
    stretch *st = &s->stretch;
    owned_item o = {.item = {.input = s->in.item.input}};
    bool whole_file = false;
    size_t done = 0, repeat = 0;
    onr_status status = open_stretch(b, st, true, kept, &o.item.read_error);
    onr_warc_reader *reader = *kept;
    for (bool more = status == ONR_OK; more;) {
        const onr_warc_record *r = NULL;
        status = onr_warc_next(reader, &r, &o.item.read_error);
        bool spilled = false;
        if (!whole_file)
            onr_warc_reader_stop(reader, &spilled);
        if (spilled) {
            whole_file = true;
            repeat = done;
            status = open_stretch(b, st, false, kept, &o.item.read_error);
            reader = *kept;
            more = status == ONR_OK;
        } else if (status == ONR_OK && !r) {
            more = false;
        } else if (repeat) {
            repeat--;
        } else {
            done++;
            more = work_record(b, s, status, r, &o) && (status == ONR_OK || status == ONR_ERR_FORMAT);
        }
    }
    uint64_t stop;
    if (status == ONR_OK || status == ONR_ERR_FORMAT) {
        stop = whole_file ? UINT64_MAX : onr_warc_reader_stop(reader, NULL);
    } else { /* a reader that could not start, or a final I/O or memory error, ends the file there */
        stop = UINT64_MAX;
        if (!reader)
            work_record(b, s, status, NULL, &o);
    }
    pthread_mutex_lock(&b->lock);
    st->stop = stop;
    pthread_mutex_unlock(&b->lock);
}

static void work_slot(batch *b, slot *s, onr_warc_reader **reader)
{
    if (s->is_stretch) {
        work_stretch(b, s, reader);
        return;
    }
    entry e;
    entry_for(&s->in.item, &e);
    b->work(b->arg, &s->in.item, &e.result);
    push_entry(b, s, &e);
}

static void *worker_main(void *arg)
{
    batch *b = arg;
    onr_warc_reader *reader = NULL; /* kept from stretch to stretch */
    pthread_mutex_lock(&b->lock);
    for (;;) {
        while (b->next_take == b->next_read && !b->reading_done)
            pthread_cond_wait(&b->work_ready, &b->lock);
        if (b->next_take == b->next_read)
            break;
        slot *s = &b->slots[b->next_take++ % b->window];
        s->state = SLOT_TAKEN;
        pthread_mutex_unlock(&b->lock);
        work_slot(b, s, &reader);
        pthread_mutex_lock(&b->lock);
        s->state = SLOT_DONE;
        wake_writer(b, false);
    }
    pthread_mutex_unlock(&b->lock);
    onr_warc_close(reader);
    return NULL;
}

/* ---- writing ---- */

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

static bool write_entry(entry *e, FILE *out, batch_summary *summary)
{
    batch_result *r = &e->result;
    bool ok = true;
    if (r->text && r->len)
        ok = fwrite(r->text, 1, r->len, out) == r->len;
    free(r->text);
    r->text = NULL;
    if (r->outcome == BATCH_FAILED || (r->outcome == BATCH_SKIPPED && !e->routine_skip))
        if (r->message[0])
            fprintf(stderr, "onrecord: %s\n", r->message);
    if (r->outcome != BATCH_OK)
        count_reason(summary, r->reason ? r->reason : "error");
    summary->inputs++;
    summary->warc_records += e->warc;
    summary->pages += e->page;
    summary->ok += r->outcome == BATCH_OK;
    summary->skipped += r->outcome == BATCH_SKIPPED;
    summary->failed += r->outcome == BATCH_FAILED;
    return ok;
}

/* Where reading a split file goes on: stretches that start before it lie inside a member. */
typedef struct split_progress {
    unsigned file;
    uint64_t expected;
} split_progress;

static void judge(slot *s, split_progress *split)
{
    s->judged = true;
    if (!s->is_stretch)
        return;
    if (s->stretch.file != split->file) {
        split->file = s->stretch.file;
        split->expected = 0;
    }
    s->dropped = s->stretch.offset < split->expected;
}

static void finish_slot(slot *s, split_progress *split)
{
    if (s->is_stretch && !s->dropped)
        split->expected = s->stretch.stop;
    slot_release(s);
}

/* One thread: no locks, the same order, the same results. */
static bool run_inline(batch *b, producer *p, FILE *out, batch_summary *summary)
{
    double started = monotonic_now();
    bool ok = true;
    slot *s = &b->slots[0];
    for (size_t seq = 0; ok && producer_next(p, seq, s); seq++) {
        entry *e = &s->entries[0];
        entry_for(&s->in.item, e);
        b->work(b->arg, &s->in.item, &e->result);
        ok = write_entry(e, out, summary);
        slot_release(s);
        progress(b, summary, started);
    }
    return ok;
}

/* The main thread's turn at the head slot: writes (or, for a dropped stretch, discards) its next
 * result, or retires it when done. False when there was nothing to do. */
static bool serve_head(batch *b, slot *head, split_progress *split, FILE *out, batch_summary *summary, bool *ok)
{
    if (head->state == SLOT_READY)
        return false;
    if (!head->judged)
        judge(head, split);
    if (head->written < head->produced) {
        entry *e = &head->entries[head->written % SLOT_ENTRIES];
        bool dropped = head->dropped;
        size_t len = e->result.len;
        pthread_mutex_unlock(&b->lock);
        if (dropped)
            free(e->result.text);
        else
            *ok = write_entry(e, out, summary);
        pthread_mutex_lock(&b->lock);
        b->held -= len;
        head->written++;
        pthread_cond_broadcast(&b->entry_written);
        return true;
    }
    if (head->state != SLOT_DONE)
        return false;
    b->held -= head->in.item.len;
    finish_slot(head, split);
    b->next_write++;
    return true;
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
    split_progress split = {0};
    pthread_mutex_lock(&b->lock);
    while (ok && (producing || b->next_write < b->next_read)) {
        if (b->next_write < b->next_read &&
            serve_head(b, &b->slots[b->next_write % b->window], &split, out, summary, &ok)) {
            progress(b, summary, started);
        } else if (producing && b->next_read - b->next_write < b->window &&
                   (b->held < b->held_budget || b->next_read == b->next_write)) {
            size_t seq = b->next_read;
            pthread_mutex_unlock(&b->lock);
            producing = producer_next(p, seq, &b->slots[seq % b->window]);
            pthread_mutex_lock(&b->lock);
            if (producing) {
                b->held += b->slots[seq % b->window].in.item.len;
                b->next_read++;
                pthread_cond_signal(&b->work_ready);
            }
        } else {
            pthread_cond_wait(&b->work_done, &b->lock);
        }
    }
    b->reading_done = true;
    b->stopping = !ok; /* workers waiting on a full ring give up */
    pthread_cond_broadcast(&b->work_ready);
    pthread_cond_broadcast(&b->entry_written);
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
    size_t page_cap = options->max_input_size ? options->max_input_size : (size_t)32 << 20;
    batch b = {.options = options, .work = work, .arg = arg, .window = (size_t)jobs * 64,
               .held_budget = page_cap > SIZE_MAX / 4 / jobs ? SIZE_MAX : (size_t)jobs * 4 * page_cap};
    onr_warc_options_init(&b.warc_options);
    if (options->max_input_size)
        b.warc_options.max_record_size = options->max_input_size;
    b.slots = calloc(b.window, sizeof *b.slots);
    if (!b.slots) {
        path_list_free(&inputs);
        return false;
    }
    pthread_mutex_init(&b.lock, NULL);
    pthread_cond_init(&b.work_ready, NULL);
    pthread_cond_init(&b.work_done, NULL);
    pthread_cond_init(&b.entry_written, NULL);
    /* one worker gains nothing from splitting: the reader's own buffering is cheaper */
    producer p = {.inputs = &inputs, .warc_options = &b.warc_options, .max_input_size = options->max_input_size,
                  .split_gzip = jobs > 1, .borrow_records = jobs <= 1, .scan = {.fd = -1}};
    bool ok = jobs <= 1 ? run_inline(&b, &p, out, summary) : run_threads(&b, jobs, &p, out, summary);
    if (p.warc)
        onr_warc_close(p.warc);
    if (p.scan.fd >= 0)
        close(p.scan.fd);
    free(p.scan.buf);
    if (!options->quiet && isatty(STDERR_FILENO))
        fputc('\n', stderr);
    for (size_t i = 0; i < b.window; i++)
        slot_release(&b.slots[i]);
    pthread_cond_destroy(&b.entry_written);
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
        text_puts(out, ",\"");
        text_puts(out, names[i]);
        text_puts(out, "\":");
        text_json(out, values[i], strlen(values[i]));
    }
}

void batch_json_record(const batch_item *item, const char *id_json, const char *json, size_t len, text_buf *out)
{
    text_puts(out, "{");
    if (id_json) {
        text_puts(out, "\"id\":");
        text_puts(out, id_json);
        text_puts(out, ",");
    }
    batch_provenance_json(item, out);
    text_puts(out, ",");
    text_append(out, json + 1, len - 1); /* its members, without the opening brace */
    text_puts(out, "\n");
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
