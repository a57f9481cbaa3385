/* onrecord extract: news pages (files, folders, WARC archives, stdin) to clean articles in
 * Markdown, text, JSON, JSONL or XML; option names follow trafilatura's. */
#include "cli.h"
#include "run.h"
#include "text_buf.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef enum output_format { OUT_MARKDOWN, OUT_TEXT, OUT_JSON, OUT_XML } output_format;

typedef struct extract_job {
    const onr_context *ctx;
    output_format format;
    unsigned flags;
    const char *url;          /* --url, for every input */
    const char *output_dir;   /* -o: one file per input */
} extract_job;

static void usage(FILE *out)
{
    fputs("usage: onrecord extract [OPTIONS] [FILE|DIR|WARC|-]...\n"
          "Extracts the main article of news pages: text, metadata, links, figures.\n\n"
          "  --output-format markdown|txt|json|jsonl|xml   (default: markdown)\n"
          "                         json and jsonl both print one object per line\n"
          "  --with-metadata        Markdown/text: headline, date, byline, credit, source URL\n"
          "  --links                Markdown/XML: keep link targets ([text](url))\n"
          "  --images               keep figures (image, caption, credit) in the body\n"
          "  --no-tables            leave tables out\n"
          "  --comments             extract the comment section too, kept apart\n"
          "  --precision            drop doubtful blocks\n"
          "  --recall               keep doubtful blocks\n"
          "  --sources              add the sourcing audit (quotes, speakers, sources)\n"
          "  --url URL              the page's address: the base for relative links\n"
          "  -o, --output-dir DIR   write one file per input into DIR instead of stdout (with\n"
          "                         --manifest: the shard's JSONL, summary and done-marker)\n",
          out);
    fputs(run_options_help, out);
    fputs("  -h, --help\n"
          "Folders are searched for *.html, *.htm, *.xhtml, WARC files (and .gz of them); WARC files\n"
          "are recognised by content and read record by record. Exit status: 0 all inputs extracted,\n"
          "1 some failed, 2 usage error or the run could not go on.\n",
          out);
}

static const char *format_extension(output_format f)
{
    static const char *const ext[] = {".md", ".txt", ".json", ".xml"};
    return ext[f];
}

/* The output file for `input` under -o: its base name with the format's extension. */
static void output_path(const extract_job *job, const batch_item *item, char *path, size_t cap)
{
    const char *base = strrchr(item->input, '/');
    base = base ? base + 1 : item->input;
    char name[256];
    snprintf(name, sizeof name, "%s", strcmp(base, "-") ? base : "stdin");
    static const char *const strip[] = {".gz", ".html", ".htm", ".xhtml"};
    for (size_t k = 0; k < sizeof strip / sizeof strip[0]; k++) {
        size_t n = strlen(name), m = strlen(strip[k]);
        if (n > m && !strcmp(name + n - m, strip[k]))
            name[n - m] = '\0';
    }
    if (item->warc)
        snprintf(path, cap, "%s/%s-%llu%s", job->output_dir, name, (unsigned long long)item->warc->offset,
                 format_extension(job->format));
    else
        snprintf(path, cap, "%s/%s%s", job->output_dir, name, format_extension(job->format));
}

static bool write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

static void render(const extract_job *job, const batch_item *item, const onr_article *article, text_buf *out,
                   onr_error *err)
{
    static const onr_format formats[] = {ONR_FORMAT_MARKDOWN, ONR_FORMAT_TEXT, ONR_FORMAT_JSON, ONR_FORMAT_XML};
    char *text;
    size_t len;
    onr_status st = onr_article_render(article, formats[job->format], job->flags, NULL, &text, &len);
    if (st != ONR_OK) {
        err->status = st;
        snprintf(err->message, sizeof err->message, "cannot render: %s", onr_status_name(st));
        return;
    }
    if (job->format == OUT_JSON)
        batch_json_record(item, NULL, text, len, out);
    else
        text_append(out, text, len);
    free(text);
}

static void work(void *arg, const batch_item *item, batch_result *result)
{
    const extract_job *job = arg;
    text_buf out = {0};
    const char *reason = NULL;
    char message[256] = "";
    if (!item->data && item->skip) {
        result->outcome = BATCH_SKIPPED;
        result->reason = item->skip;
        snprintf(result->message, sizeof result->message, "%s: skipped (%s)", item->input, item->skip);
        if (job->format == OUT_JSON && !job->output_dir)
            batch_outcome_json(item, result, &out);
        result->text = out.data;
        result->len = out.len;
        return;
    }
    if (!item->data) {
        reason = onr_status_name(item->read_error.status);
        snprintf(message, sizeof message, "%s", item->read_error.message);
    } else {
        const char *url = job->url;
        const char *content_type = NULL;
        if (item->warc && item->warc->target_uri[0])
            url = item->warc->target_uri;
        if (item->warc && item->warc->content_type[0])
            content_type = item->warc->content_type;
        onr_article *article;
        onr_error err = {0};
        if (onr_extract_http(job->ctx, item->data, item->len, content_type, content_type ? strlen(content_type) : 0,
                             url, url ? strlen(url) : 0, &article, &err) == ONR_OK) {
            render(job, item, article, &out, &err);
            onr_article_free(article);
        }
        if (err.status != ONR_OK) {
            reason = onr_status_name(err.status);
            snprintf(message, sizeof message, "%s", err.message);
        }
    }
    if (reason) {
        batch_fail(result, item->input, reason, message);
        text_free(&out);
        if (job->format == OUT_JSON && !job->output_dir)
            batch_outcome_json(item, result, &out);
    }
    if (out.failed) {
        text_free(&out);
        batch_fail(result, item->input, "nomem", "out of memory");
        return;
    }
    if (job->output_dir && out.len) {
        char path[4096];
        output_path(job, item, path, sizeof path);
        if (!write_file(path, out.data, out.len))
            batch_fail(result, item->input, "io", strerror(errno));
        text_free(&out);
        return;
    }
    result->text = out.data;
    result->len = out.len;
}

static bool parse_format(const char *value, output_format *format)
{
    if (!strcmp(value, "markdown") || !strcmp(value, "md"))
        *format = OUT_MARKDOWN;
    else if (!strcmp(value, "txt") || !strcmp(value, "text"))
        *format = OUT_TEXT;
    else if (!strcmp(value, "json") || !strcmp(value, "jsonl"))
        *format = OUT_JSON;
    else if (!strcmp(value, "xml"))
        *format = OUT_XML;
    else
        return false;
    return true;
}

enum { OPT_FORMAT = 256, OPT_METADATA, OPT_LINKS, OPT_IMAGES, OPT_NO_TABLES, OPT_COMMENTS, OPT_PRECISION,
       OPT_RECALL, OPT_SOURCES, OPT_URL };

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, extract_job *job, onr_options *options, run_config *run)
{
    static const struct option longs[] = {
        {"output-format", required_argument, NULL, OPT_FORMAT}, {"with-metadata", no_argument, NULL, OPT_METADATA},
        {"links", no_argument, NULL, OPT_LINKS},               {"images", no_argument, NULL, OPT_IMAGES},
        {"no-tables", no_argument, NULL, OPT_NO_TABLES},       {"comments", no_argument, NULL, OPT_COMMENTS},
        {"precision", no_argument, NULL, OPT_PRECISION},       {"recall", no_argument, NULL, OPT_RECALL},
        {"sources", no_argument, NULL, OPT_SOURCES},           {"url", required_argument, NULL, OPT_URL},
        {"output-dir", required_argument, NULL, 'o'},          {"help", no_argument, NULL, 'h'},
        RUN_LONG_OPTIONS,                                      {NULL, 0, NULL, 0}};
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "o:h" RUN_SHORT_OPTIONS, longs, NULL)) != -1) {
        switch (c) {
        case OPT_FORMAT:
            if (!parse_format(optarg, &job->format)) {
                fprintf(stderr, "onrecord extract: unknown output format '%s'\n", optarg);
                return 2;
            }
            break;
        case OPT_METADATA: job->flags |= ONR_RENDER_METADATA; break;
        case OPT_LINKS: job->flags |= ONR_RENDER_LINKS; break;
        case OPT_IMAGES: job->flags |= ONR_RENDER_IMAGES; break;
        case OPT_NO_TABLES:
            job->flags &= ~(unsigned)ONR_RENDER_TABLES;
            options->tables = false;
            break;
        case OPT_COMMENTS:
            job->flags |= ONR_RENDER_COMMENTS;
            options->comments = true;
            break;
        case OPT_PRECISION: options->mode = ONR_MODE_PRECISION; break;
        case OPT_RECALL: options->mode = ONR_MODE_RECALL; break;
        case OPT_SOURCES:
            job->flags |= ONR_RENDER_SOURCES;
            options->sources = true;
            break;
        case OPT_URL: job->url = optarg; break;
        case 'o': job->output_dir = optarg; break;
        case 'h': usage(stdout); return 0;
        default:
            if (c == '?' || run_config_option(run, c, optarg) <= 0) {
                usage(stderr);
                return 2;
            }
        }
    }
    return -1;
}

int cmd_extract(int argc, char **argv)
{
    static const char *const extensions[] = {".html", ".htm", ".xhtml", ".warc", ".warc.gz", ".warc.zst", NULL};
    extract_job job = {NULL, OUT_MARKDOWN, ONR_RENDER_TABLES, NULL, NULL};
    onr_options options;
    onr_options_init(&options);
    run_config run;
    run_config_init(&run, "extract", "articles", extensions);
    int status = parse_args(argc, argv, &job, &options, &run);
    if (status >= 0)
        return status;
    options.max_page_size = run.batch.max_input_size;
    const char *output_dir = job.output_dir;
    if (run.shard.manifest) {
        /* A shard's output is one JSONL file in the -o folder. */
        job.format = OUT_JSON;
        job.output_dir = NULL;
    } else if (job.output_dir) {
        struct stat st;
        if (stat(job.output_dir, &st) != 0 && mkdir(job.output_dir, 0777) != 0) {
            fprintf(stderr, "onrecord extract: cannot create %s: %s\n", job.output_dir, strerror(errno));
            return 2;
        }
    }
    onr_context *ctx;
    onr_error err;
    if (onr_context_new(&options, NULL, &ctx, &err) != ONR_OK) {
        fprintf(stderr, "onrecord extract: %s\n", err.message);
        return 2;
    }
    job.ctx = ctx;
    status = run_config_execute(&run, (const char *const *)argv + optind, (size_t)(argc - optind), output_dir,
                                work, &job);
    onr_context_free(ctx);
    return status;
}
