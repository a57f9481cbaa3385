/* WARC reading benchmark: reads each file through onr_warc_next (payloads decoded, filters applied)
 * and prints records/s and MB/s, best of N rounds. With --charset, each kept page also goes
 * through onr_to_utf8, the step extraction runs next.
 *
 * usage: warc_bench [--rounds N] [--charset] FILE... */
#include "onrecord.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct tally {
    unsigned long long records, kept, payload_bytes, errors;
    double seconds;
} tally;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int read_once(const char *path, bool charset, tally *t)
{
    memset(t, 0, sizeof *t);
    onr_warc_reader *reader;
    onr_error err;
    double start = now();
    if (onr_warc_open(path, NULL, NULL, &reader, &err) != ONR_OK) {
        fprintf(stderr, "warc_bench: %s: %s\n", path, err.message);
        return 1;
    }
    for (;;) {
        const onr_warc_record *r;
        onr_status st = onr_warc_next(reader, &r, &err);
        if (st == ONR_ERR_FORMAT) {
            t->errors++;
            continue;
        }
        if (st != ONR_OK) {
            fprintf(stderr, "warc_bench: %s: %s\n", path, err.message);
            onr_warc_close(reader);
            return 1;
        }
        if (!r)
            break;
        t->records++;
        if (r->skip != ONR_WARC_KEEP)
            continue;
        t->kept++;
        t->payload_bytes += r->payload_len;
        if (charset) {
            onr_utf8_text text;
            if (onr_to_utf8(r->payload, r->payload_len, r->http_content_type.data,
                            r->http_content_type.len, NULL, &text, &err) == ONR_OK)
                onr_utf8_text_free(&text, NULL);
        }
    }
    t->seconds = now() - start;
    onr_warc_close(reader);
    return 0;
}

int main(int argc, char **argv)
{
    int rounds = 5, i = 1;
    bool charset = false;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else if (strcmp(argv[i], "--charset") == 0)
            charset = true;
        else
            break;
    }
    if (i >= argc) {
        fprintf(stderr, "usage: warc_bench [--rounds N] [--charset] FILE...\n");
        return 2;
    }
    for (; i < argc; i++) {
        tally best = {0};
        for (int k = 0; k < (rounds > 0 ? rounds : 1); k++) {
            tally t;
            if (read_once(argv[i], charset, &t) != 0)
                return 1;
            if (k == 0 || t.seconds < best.seconds)
                best = t;
        }
        FILE *f = fopen(argv[i], "rb");
        double file_mb = 0;
        if (f) {
            fseek(f, 0, SEEK_END);
            file_mb = (double)ftell(f) / 1e6;
            fclose(f);
        }
        printf("%s: %llu records (%llu HTML pages, %.1f MB of payload), %llu errors, file %.1f MB\n"
               "  best of %d: %.3f s, %.0f records/s, %.0f MB/s of file, %.0f MB/s of payload%s\n",
               argv[i], best.records, best.kept, (double)best.payload_bytes / 1e6, best.errors, file_mb,
               rounds, best.seconds, (double)best.records / best.seconds, file_mb / best.seconds,
               (double)best.payload_bytes / 1e6 / best.seconds, charset ? " (with onr_to_utf8)" : "");
    }
    return 0;
}
