/* Running one command over many inputs: files, folders and '-' in argument order, each turned into
 * one result by a worker function on N threads, results written in input order with bounded
 * buffering, a progress line on a terminal and a summary at the end. */
#ifndef ONR_CLI_BATCH_H
#define ONR_CLI_BATCH_H

#include "onrecord.h"
#include "text_buf.h"

#include <stdbool.h>
#include <stdio.h>

/* Where a WARC record came from; every field is NUL-terminated (empty when absent). */
typedef struct batch_warc_origin {
    uint64_t offset;       /* the record's start in the file (its gzip member or zstd frame) */
    uint64_t length;       /* bytes it takes in the file */
    const char *record_id;
    const char *target_uri;
    const char *date;
    const char *content_type; /* the HTTP Content-Type, for the charset */
} batch_warc_origin;

/* One unit of work: a page read from a file, or one record of a WARC archive. */
typedef struct batch_item {
    size_t seq;            /* position in input order, from 0 */
    const char *input;     /* the path as given, or found inside a given folder */
    const char *data;      /* the bytes (NUL-terminated for a file, not always for a WARC record's
                              payload); NULL when reading failed or skipped */
    size_t len;
    onr_error read_error;  /* why reading failed, when data is NULL and skip is NULL */
    const char *skip;      /* a WARC record that holds no page: the reason ("not-html", ...) */
    const batch_warc_origin *warc; /* NULL for plain files */
} batch_item;

typedef enum batch_outcome { BATCH_OK, BATCH_SKIPPED, BATCH_FAILED } batch_outcome;

/* What the worker hands back: the text to write (in input order) and how it went. */
typedef struct batch_result {
    char *text;            /* malloc'ed by the worker, freed by the batch; NULL writes nothing */
    size_t len;
    batch_outcome outcome;
    char message[300];     /* for SKIPPED and FAILED: "INPUT: reason", printed on stderr */
    const char *reason;    /* for SKIPPED and FAILED: a short static key counted in the summary */
} batch_result;

typedef void (*batch_work_fn)(void *arg, const batch_item *item, batch_result *result);

typedef struct batch_options {
    unsigned jobs;          /* worker threads; 0: one per core */
    size_t max_input_size;  /* larger inputs fail with a "too large" message */
    const char *const *extensions; /* file names kept when walking folders, NULL-terminated */
    bool quiet;             /* no progress line */
    const char *what;       /* noun for the summary: "pages" */
} batch_options;

#define BATCH_MAX_REASONS 32

typedef struct batch_summary {
    size_t inputs;         /* items: files, plus WARC records and damaged stretches */
    size_t warc_records;   /* of those, WARC records */
    size_t pages;          /* items that held a page for the worker */
    size_t ok, skipped, failed;
    /* skips and failures by reason key, in order of first appearance */
    const char *reasons[BATCH_MAX_REASONS];
    size_t reason_counts[BATCH_MAX_REASONS];
    size_t reason_count;
} batch_summary;

/* Runs `work` over every input named in paths[0..count) and writes the results to `out`.
 * Returns false only when the run itself could not go on (out of memory, a write error); each
 * input's failure is in the summary and on stderr, never a reason to stop. */
bool batch_run(const char *const *paths, size_t count, const batch_options *options, batch_work_fn work,
               void *arg, FILE *out, batch_summary *summary);

/* Prints "N pages: N ok, N skipped, N failed" on stderr. */
void batch_print_summary(const batch_options *options, const batch_summary *summary);

/* Appends the item's provenance as JSON members: "input" (for a record, its WARC file) and, for WARC records,
 * "warc_offset", "warc_length", "warc_record_id", "target_uri", "warc_date" (each preceded by a
 * comma except the first, so it can open an object). */
void batch_provenance_json(const batch_item *item, text_buf *out);

/* Appends the rendered JSON object `json` with members put in front of its own, then a newline:
 * {"id":ID_JSON (when not NULL), the item's provenance, then the members of `json`. */
void batch_json_record(const batch_item *item, const char *id_json, const char *json, size_t len, text_buf *out);

/* Marks `result` failed with `reason` (a short static key) and the message "INPUT: detail"; a
 * detail that already starts with "INPUT: " (reading errors do) is not prefixed again. */
void batch_fail(batch_result *result, const char *input, const char *reason, const char *detail);

/* The JSON line that stands for a skipped or failed input, so that JSON output has one line per
 * input and record: {provenance,"skipped":reason} or {provenance,"error":detail,"reason":reason}. */
void batch_outcome_json(const batch_item *item, const batch_result *result, text_buf *out);

/* Writes the summary as one JSON object ({"inputs","ok","skipped","failed","reasons":{...}}). */
void batch_write_summary_json(const batch_options *options, const batch_summary *summary, FILE *out);

/* Number of online cores, at least 1. */
unsigned batch_default_jobs(void);

#endif
