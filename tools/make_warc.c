/* make_warc: writes a WARC/1.1 file holding HTML pages as HTTP response records, for benchmarks and
 * end-to-end tests (the crawl benchmark reuses it). Pages may be gzipped (.gz, by magic bytes).
 *
 * usage: make_warc [--compress plain|gzip|zstd] [--cc] [--repeat N] OUT FILE_OR_DIR...
 *   --compress  one gzip member or zstd frame per record (default: by OUT's suffix)
 *   --cc        Common Crawl layout: a request and a metadata record around each response
 *   --repeat N  write the pages N times (default 1), for larger files */
#include "onrecord.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>
#include <zstd.h>

typedef struct writer {
    FILE *out;
    onr_warc_compression compression;
    unsigned long long records;
    char *record;          /* the record being assembled */
    size_t len, cap;
    char *packed;          /* its compressed form */
    size_t packed_cap;
    ZSTD_CCtx *zstd;
} writer;

static void die(const char *what)
{
    fprintf(stderr, "make_warc: %s\n", what);
    exit(1);
}

static void append(writer *w, const char *s, size_t n)
{
    if (w->len + n > w->cap) {
        while (w->len + n > w->cap)
            w->cap = w->cap ? 2 * w->cap : 1 << 16;
        w->record = realloc(w->record, w->cap);
        if (!w->record)
            die("out of memory");
    }
    memcpy(w->record + w->len, s, n);
    w->len += n;
}

static void header(writer *w, const char *name, const char *value)
{
    char line[4096];
    int k = snprintf(line, sizeof line, "%s: %s\r\n", name, value);
    if (k < 0 || (size_t)k >= sizeof line)
        die("header line too long");
    append(w, line, (size_t)k);
}

static void packed_room(writer *w, size_t n)
{
    if (n > w->packed_cap) {
        w->packed_cap = n;
        w->packed = realloc(w->packed, n);
        if (!w->packed)
            die("out of memory");
    }
}

static void flush_record(writer *w)
{
    const char *data = w->record;
    size_t n = w->len;
    if (w->compression == ONR_WARC_GZIP) {
        z_stream zs;
        memset(&zs, 0, sizeof zs);
        if (deflateInit2(&zs, 6, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            die("deflateInit2 failed");
        packed_room(w, deflateBound(&zs, (uLong)n) + 64);
        zs.next_in = (Bytef *)(uintptr_t)w->record;
        zs.avail_in = (uInt)n;
        zs.next_out = (Bytef *)w->packed;
        zs.avail_out = (uInt)w->packed_cap;
        if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
            die("deflate failed");
        n = w->packed_cap - zs.avail_out;
        deflateEnd(&zs);
        data = w->packed;
    } else if (w->compression == ONR_WARC_ZSTD) {
        packed_room(w, ZSTD_compressBound(n));
        size_t got = ZSTD_compressCCtx(w->zstd, w->packed, w->packed_cap, w->record, n, 3);
        if (ZSTD_isError(got))
            die("zstd compression failed");
        n = got;
        data = w->packed;
    }
    if (fwrite(data, 1, n, w->out) != n)
        die("write failed");
    w->len = 0;
    w->records++;
}

static void record(writer *w, const char *type, const char *uri, const char *content_type,
                   const char *block, size_t block_len, const char *block2, size_t block2_len)
{
    char id[80];
    snprintf(id, sizeof id, "<urn:uuid:00000000-0000-4000-8000-%012llx>", w->records);
    append(w, "WARC/1.1\r\n", 10);
    header(w, "WARC-Type", type);
    header(w, "WARC-Record-ID", id);
    header(w, "WARC-Date", "2024-03-01T10:00:00Z");
    if (uri)
        header(w, "WARC-Target-URI", uri);
    header(w, "Content-Type", content_type);
    char length[64];
    int k = snprintf(length, sizeof length, "Content-Length: %zu\r\n\r\n", block_len + block2_len);
    append(w, length, (size_t)k);
    append(w, block, block_len);
    append(w, block2, block2_len);
    append(w, "\r\n\r\n", 4);
    flush_record(w);
}

static void page_records(writer *w, const char *path, bool cc, unsigned round)
{
    char *html;
    size_t len;
    onr_error err;
    if (onr_read_file(path, 0, NULL, &html, &len, &err) != ONR_OK) {
        fprintf(stderr, "make_warc: %s: %s\n", path, err.message);
        exit(1);
    }
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char uri[1024];
    snprintf(uri, sizeof uri, "https://bench.example/%u/%s", round, base);
    char head[2048];
    if (cc) {
        int k = snprintf(head, sizeof head,
                         "GET /%u/%s HTTP/1.1\r\nHost: bench.example\r\nUser-Agent: CCBot/2.0\r\n"
                         "Accept: text/html\r\n\r\n", round, base);
        record(w, "request", uri, "application/http; msgtype=request", head, (size_t)k, "", 0);
    }
    int k = snprintf(head, sizeof head,
                     "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %zu\r\n"
                     "Server: nginx\r\n\r\n", len);
    record(w, "response", uri, "application/http; msgtype=response", head, (size_t)k, html, len);
    if (cc) {
        static const char meta[] = "fetchTimeMs: 120\r\ncharset-detected: UTF-8\r\n";
        record(w, "metadata", uri, "application/warc-fields", meta, sizeof meta - 1, "", 0);
    }
    free(html);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files of a directory, sorted, so that the WARC is the same on every machine. */
static void directory_records(writer *w, const char *dir, bool cc, unsigned round)
{
    DIR *d = opendir(dir);
    if (!d)
        die("cannot open a directory");
    char **names = NULL;
    size_t n = 0, cap = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 256;
            names = realloc(names, cap * sizeof *names);
            if (!names)
                die("out of memory");
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        if (!names[n])
            die("out of memory");
        snprintf(names[n++], len, "%s/%s", dir, e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        page_records(w, names[i], cc, round);
        free(names[i]);
    }
    free(names);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

int main(int argc, char **argv)
{
    writer w;
    memset(&w, 0, sizeof w);
    const char *compress = NULL;
    bool cc = false;
    unsigned repeat = 1;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--compress") == 0 && i + 1 < argc)
            compress = argv[++i];
        else if (strcmp(argv[i], "--cc") == 0)
            cc = true;
        else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = (unsigned)atoi(argv[++i]);
        else
            die("usage: make_warc [--compress plain|gzip|zstd] [--cc] [--repeat N] OUT FILE_OR_DIR...");
    }
    if (argc - i < 2)
        die("usage: make_warc [--compress plain|gzip|zstd] [--cc] [--repeat N] OUT FILE_OR_DIR...");
    const char *out = argv[i++];
    if (!compress)
        compress = ends_with(out, ".gz") ? "gzip" : ends_with(out, ".zst") ? "zstd" : "plain";
    w.compression = strcmp(compress, "gzip") == 0   ? ONR_WARC_GZIP
                    : strcmp(compress, "zstd") == 0 ? ONR_WARC_ZSTD
                                                    : ONR_WARC_PLAIN;
    if (w.compression == ONR_WARC_ZSTD && !(w.zstd = ZSTD_createCCtx()))
        die("out of memory");
    w.out = fopen(out, "wb");
    if (!w.out)
        die("cannot create the output file");
    static const char info[] = "software: onrecord make_warc\r\nformat: WARC File Format 1.1\r\n";
    record(&w, "warcinfo", NULL, "application/warc-fields", info, sizeof info - 1, "", 0);
    for (unsigned round = 0; round < (repeat ? repeat : 1); round++) {
        for (int k = i; k < argc; k++) {
            struct stat st;
            if (stat(argv[k], &st) != 0)
                die("cannot stat an input");
            if (S_ISDIR(st.st_mode))
                directory_records(&w, argv[k], cc, round);
            else
                page_records(&w, argv[k], cc, round);
        }
    }
    if (fclose(w.out) != 0)
        die("write failed");
    fprintf(stderr, "make_warc: %s: %llu records (%s)\n", out, w.records, compress);
    ZSTD_freeCCtx(w.zstd);
    free(w.record);
    free(w.packed);
    return 0;
}
