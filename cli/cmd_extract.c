/* onrecord extract: news pages (files, folders, WARC archives, stdin) to clean articles in
 * Markdown, text, JSON, JSONL or XML; option names follow trafilatura's. */
#include "batch.h"
#include "cli.h"
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
    fputs("usage: onrecord extract [OPTIONS] [FILE|DIR|-]...\n"
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
          "  -o, --output-dir DIR   write one file per input into DIR instead of stdout\n"
          "  -j, --jobs N           inputs processed in parallel (default: one per core)\n"
          "  -q, --quiet            no progress line or summary on stderr\n"
          "  -h, --help\n"
          "Folders are searched for *.html, *.htm, *.xhtml (and .gz of them); WARC files are read\n"
          "record by record. Exit status: 0 all inputs extracted, 1 some failed, 2 usage error.\n",
          out);
}

static const char *format_extension(output_format f)
{
    static const char *const ext[] = {".md", ".txt", ".json", ".xml"};
    return ext[f];
}

static void fail(batch_result *result, const char *input, const char *reason, const char *detail)
{
    result->outcome = BATCH_FAILED;
    result->reason = reason;
    snprintf(result->message, sizeof result->message, "%.140s: %.150s", input, detail);
}

/* The JSON error record that stands for a failed input in json/jsonl output. */
static void error_record(const batch_item *item, const char *reason, const char *message, text_buf *out)
{
    text_puts(out, "{");
    batch_provenance_json(item, out);
    text_puts(out, ",\"error\":");
    text_json(out, message, strlen(message));
    text_puts(out, ",\"reason\":");
    text_json(out, reason, strlen(reason));
    text_puts(out, "}\n");
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
    if (job->format == OUT_JSON) {
        /* {"input":…, then the rendered object without its opening brace. */
        text_puts(out, "{");
        batch_provenance_json(item, out);
        text_puts(out, ",");
        text_append(out, text + 1, len - 1);
        text_puts(out, "\n");
    } else {
        text_append(out, text, len);
    }
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
        fail(result, item->input, reason, message);
        text_free(&out);
        if (job->format == OUT_JSON && !job->output_dir)
            error_record(item, reason, message, &out);
    }
    if (out.failed) {
        text_free(&out);
        fail(result, item->input, "nomem", "out of memory");
        return;
    }
    if (job->output_dir && out.len) {
        char path[4096];
        output_path(job, item, path, sizeof path);
        if (!write_file(path, out.data, out.len))
            fail(result, item->input, "io", strerror(errno));
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
static int parse_args(int argc, char **argv, extract_job *job, onr_options *options, batch_options *batch)
{
    static const struct option longs[] = {
        {"output-format", required_argument, NULL, OPT_FORMAT}, {"with-metadata", no_argument, NULL, OPT_METADATA},
        {"links", no_argument, NULL, OPT_LINKS},               {"images", no_argument, NULL, OPT_IMAGES},
        {"no-tables", no_argument, NULL, OPT_NO_TABLES},       {"comments", no_argument, NULL, OPT_COMMENTS},
        {"precision", no_argument, NULL, OPT_PRECISION},       {"recall", no_argument, NULL, OPT_RECALL},
        {"sources", no_argument, NULL, OPT_SOURCES},           {"url", required_argument, NULL, OPT_URL},
        {"output-dir", required_argument, NULL, 'o'},          {"jobs", required_argument, NULL, 'j'},
        {"quiet", no_argument, NULL, 'q'},                     {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "o:j:qh", longs, NULL)) != -1) {
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
        case 'j': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 4096) {
                fprintf(stderr, "onrecord extract: bad job count '%s'\n", optarg);
                return 2;
            }
            batch->jobs = (unsigned)n;
            break;
        }
        case 'q': batch->quiet = true; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
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
    batch_options batch = {0, 0, extensions, false, "pages"};
    int status = parse_args(argc, argv, &job, &options, &batch);
    if (status >= 0)
        return status;
    batch.max_input_size = options.max_page_size;
    if (job.output_dir) {
        struct stat st;
        if (stat(job.output_dir, &st) != 0 && mkdir(job.output_dir, 0777) != 0) {
            fprintf(stderr, "onrecord extract: cannot create %s: %s\n", job.output_dir, strerror(errno));
            return 2;
        }
    }
    const char *stdin_only[] = {"-"};
    const char *const *inputs = optind < argc ? (const char *const *)argv + optind : stdin_only;
    size_t count = optind < argc ? (size_t)(argc - optind) : 1;
    onr_context *ctx;
    onr_error err;
    if (onr_context_new(&options, NULL, &ctx, &err) != ONR_OK) {
        fprintf(stderr, "onrecord extract: %s\n", err.message);
        return 2;
    }
    job.ctx = ctx;
    batch_summary summary;
    bool ran = batch_run(inputs, count, &batch, work, &job, stdout, &summary);
    if (!batch.quiet && summary.inputs > 1)
        batch_print_summary(&batch, &summary);
    onr_context_free(ctx);
    if (!ran)
        return 2;
    return summary.failed ? 1 : 0;
}
