/* onrecord sources: the sourcing audit of articles given as HTML pages (extracted first), plain
 * text, Markdown or JSONL records ({"id","text"}), printed as JSON, JSONL or a Markdown report. */
#include "cli.h"
#include "run.h"
#include "text_buf.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum input_format { INPUT_AUTO, INPUT_TEXT, INPUT_HTML, INPUT_JSONL } input_format;

typedef struct sources_job {
    input_format input;
    onr_sources_format output; /* json and jsonl print the same: one object per line */
    const onr_context *ctx;
} sources_job;

static void usage(FILE *out)
{
    fputs("usage: onrecord sources [OPTIONS] [FILE|DIR|WARC|-]...\n"
          "Audits the sourcing of articles: quotes, speakers, named and anonymous sources.\n\n"
          "      --input-format text|html|jsonl   text (also Markdown); html: the page's article is\n"
          "                         extracted first; jsonl: records {\"id\",\"text\"}, one per line,\n"
          "                         the text analysed as given (default: jsonl for *.jsonl, html for\n"
          "                         *.htm(l) and WARC records, else text)\n"
          "      --output-format json|jsonl|markdown   (default: json, one object per line)\n"
          "  -o, --output-dir DIR   with --manifest: where the shard's files go\n",
          out);
    fputs(run_options_help, out);
    fputs("  -h, --help\n"
          "Folders are searched for *.txt, *.md, *.text, *.jsonl, *.html and *.htm files; WARC files\n"
          "(.warc, .warc.gz, .warc.zst) are recognised by their content.\n",
          out);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

static input_format format_of(const sources_job *job, const char *input)
{
    if (job->input != INPUT_AUTO)
        return job->input;
    if (ends_with(input, ".jsonl") || ends_with(input, ".jsonl.gz"))
        return INPUT_JSONL;
    if (ends_with(input, ".html") || ends_with(input, ".htm") || ends_with(input, ".html.gz"))
        return INPUT_HTML;
    return INPUT_TEXT;
}

/* Appends the audit of `text`; `id_json` (a JSON value, may be NULL) is put first as "id". */
static bool render_one(const sources_job *job, const batch_item *item, const char *text, size_t len,
                       const char *id_json, text_buf *out, onr_error *err)
{
    onr_sources *s;
    if (onr_sources_analyze(job->ctx, text, len, &s, err) != ONR_OK)
        return false;
    char *rendered;
    size_t rendered_len;
    onr_status st = onr_sources_render(s, job->output, NULL, &rendered, &rendered_len);
    onr_sources_free(s);
    if (st != ONR_OK) {
        err->status = st;
        snprintf(err->message, sizeof err->message, "cannot render the audit: %s", onr_status_name(st));
        return false;
    }
    if (job->output == ONR_SOURCES_JSON) {
        batch_json_record(item, id_json, rendered, rendered_len, out);
    } else {
        if (id_json) {
            text_puts(out, "# ");
            text_puts(out, id_json);
            text_puts(out, "\n\n");
        }
        text_append(out, rendered, rendered_len);
        text_puts(out, "\n");
    }
    free(rendered);
    return true;
}

/* A page: its article is extracted first, then the article's plain text is audited. */
static void run_html(const sources_job *job, const batch_item *item, text_buf *out, batch_result *result)
{
    onr_article *article;
    onr_error err = {0};
    const char *url = item->warc ? item->warc->target_uri : NULL;
    if (onr_extract(job->ctx, item->data, item->len, url, url ? strlen(url) : 0, &article, &err) != ONR_OK) {
        batch_fail(result, item->input, onr_status_name(err.status), err.message);
        return;
    }
    onr_string text = onr_article_text(article);
    if (!render_one(job, item, text.data ? text.data : "", text.len, NULL, out, &err))
        batch_fail(result, item->input, onr_status_name(err.status), err.message);
    onr_article_free(article);
}

/* Each line a record; a bad line is reported and skipped, the rest go on. */
static void run_jsonl(const sources_job *job, const batch_item *item, text_buf *out, batch_result *result)
{
    const char *p = item->data, *end = item->data + item->len;
    size_t line_no = 0, bad = 0;
    char first_problem[200] = "";
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = nl ? nl : end;
        line_no++;
        size_t n = (size_t)(line_end - p);
        bool blank = true;
        for (size_t k = 0; k < n && blank; k++)
            blank = p[k] == ' ' || p[k] == '\t' || p[k] == '\r';
        if (!blank) {
            json_error_t jerr;
            json_t *rec = json_loadb(p, n, JSON_ALLOW_NUL, &jerr);
            json_t *text = rec ? json_object_get(rec, "text") : NULL;
            json_t *id = rec ? json_object_get(rec, "id") : NULL;
            const char *problem = !rec ? jerr.text : !json_is_object(rec) ? "not a JSON object"
                                  : !json_is_string(text)                ? "no \"text\" string"
                                                                         : NULL;
            char *id_json = id ? json_dumps(id, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
            onr_error err = {0};
            if (!problem && !render_one(job, item, json_string_value(text), json_string_length(text), id_json, out, &err))
                problem = err.message;
            if (problem) {
                bad++;
                fprintf(stderr, "onrecord sources: %s:%zu: %s\n", item->input, line_no, problem);
                if (!first_problem[0])
                    snprintf(first_problem, sizeof first_problem, "line %zu: %.160s", line_no, problem);
            }
            free(id_json);
            json_decref(rec);
        }
        p = nl ? nl + 1 : end;
    }
    if (bad)
        batch_fail(result, item->input, "bad-record", first_problem);
}

/* In JSON output every input and record gets a line, so the lines add up to the summary's counts. */
static void outcome_line(const sources_job *job, const batch_item *item, batch_result *result)
{
    if (job->output != ONR_SOURCES_JSON)
        return;
    text_buf out = {0};
    batch_outcome_json(item, result, &out);
    if (out.failed) {
        text_free(&out);
        return;
    }
    result->text = out.data;
    result->len = out.len;
}

static void work(void *arg, const batch_item *item, batch_result *result)
{
    const sources_job *job = arg;
    if (!item->data && item->skip) {
        result->outcome = BATCH_SKIPPED;
        result->reason = item->skip;
        snprintf(result->message, sizeof result->message, "%s: skipped (%s)", item->input, item->skip);
        outcome_line(job, item, result);
        return;
    }
    if (!item->data) {
        batch_fail(result, item->input, onr_status_name(item->read_error.status), item->read_error.message);
        outcome_line(job, item, result);
        return;
    }
    text_buf out = {0};
    input_format format = item->warc ? INPUT_HTML : format_of(job, item->input);
    onr_error err = {0};
    if (format == INPUT_JSONL) {
        run_jsonl(job, item, &out, result);
    } else if (format == INPUT_HTML) {
        run_html(job, item, &out, result);
    } else if (!render_one(job, item, item->data, item->len, NULL, &out, &err)) {
        batch_fail(result, item->input, onr_status_name(err.status), err.message);
    }
    if (out.failed)
        batch_fail(result, item->input, "nomem", "out of memory");
    if (result->outcome == BATCH_FAILED && format != INPUT_JSONL) {
        text_free(&out);
        outcome_line(job, item, result);
        return;
    }
    result->text = out.data;
    result->len = out.len;
}

enum { OPT_INPUT_FORMAT = 1, OPT_OUTPUT_FORMAT };

static bool parse_format_option(int opt, const char *value, sources_job *job)
{
    if (opt == OPT_INPUT_FORMAT) {
        job->input = !strcmp(value, "text") || !strcmp(value, "markdown") ? INPUT_TEXT
                     : !strcmp(value, "html")                            ? INPUT_HTML
                     : !strcmp(value, "jsonl")                           ? INPUT_JSONL
                                                                         : INPUT_AUTO;
    } else if (!strcmp(value, "json") || !strcmp(value, "jsonl")) {
        job->output = ONR_SOURCES_JSON;
        return true;
    } else if (!strcmp(value, "markdown")) {
        job->output = ONR_SOURCES_MARKDOWN;
        return true;
    } else {
        return false;
    }
    return job->input != INPUT_AUTO;
}

int cmd_sources(int argc, char **argv)
{
    static const char *const extensions[] = {".txt", ".md", ".text", ".jsonl", ".html", ".htm", NULL};
    static const struct option long_options[] = {
        {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
        {"output-format", required_argument, NULL, OPT_OUTPUT_FORMAT},
        {"output-dir", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        RUN_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    sources_job job = {INPUT_AUTO, ONR_SOURCES_JSON, NULL};
    run_config config;
    run_config_init(&config, "sources", "audits", extensions);
    const char *output_dir = NULL;
    int opt;
    while ((opt = getopt_long(argc, argv, "ho:" RUN_SHORT_OPTIONS, long_options, NULL)) != -1) {
        if (opt == 'h') {
            usage(stdout);
            return 0;
        }
        if (opt == 'o') {
            output_dir = optarg;
            continue;
        }
        if ((opt == OPT_INPUT_FORMAT || opt == OPT_OUTPUT_FORMAT) && parse_format_option(opt, optarg, &job))
            continue;
        int taken = opt == '?' ? -1 : run_config_option(&config, opt, optarg);
        if (taken <= 0) {
            if (opt == OPT_INPUT_FORMAT || opt == OPT_OUTPUT_FORMAT)
                fprintf(stderr, "onrecord sources: unknown format '%s'\n", optarg);
            usage(stderr);
            return 2;
        }
    }
    onr_context *ctx;
    onr_error err;
    if (onr_context_new(NULL, NULL, &ctx, &err) != ONR_OK) {
        fprintf(stderr, "onrecord sources: %s\n", err.message);
        return 2;
    }
    job.ctx = ctx;
    int status = run_config_execute(&config, (const char *const *)argv + optind, (size_t)(argc - optind),
                                    output_dir, work, &job);
    onr_context_free(ctx);
    return status;
}
