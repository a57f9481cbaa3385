/* Conformance: the html5lib encoding tests (tests1.dat, tests2.dat, test-yahoo-jp.dat) run through
 * onr_charset_detect without an HTTP header. Usage: html5lib_encoding DIR [-v]. Exit 77 (skip)
 * when DIR is absent, 1 when a test fails. The "scripted" tests need a script engine: not run. */
#include "onrecord.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *data = malloc(cap);
    size_t got;
    while (data && (got = fread(data + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(data, cap *= 2);
            if (!bigger) {
                free(data);
                data = NULL;
            }
            data = bigger;
        }
    }
    fclose(f);
    *len = n;
    return data;
}

/* Finds "\n#encoding\n" style markers; a test is "#data\n<data>\n#encoding\n<name>\n". */
static const char *find_line(const char *p, const char *end, const char *line)
{
    size_t n = strlen(line);
    for (const char *q = p; q + n <= end; q++)
        if ((q == p || q[-1] == '\n') && memcmp(q, line, n) == 0 && (q + n == end || q[n] == '\n'))
            return q;
    return NULL;
}

static void run_file(const char *path, int verbose, int *passed, int *failed)
{
    size_t len;
    char *text = read_all(path, &len);
    if (!text) {
        fprintf(stderr, "cannot read %s\n", path);
        (*failed)++;
        return;
    }
    const char *end = text + len, *p = text;
    int index = 0;
    while ((p = find_line(p, end, "#data")) != NULL) {
        const char *data = p + 6;
        const char *marker = find_line(data, end, "#encoding");
        if (!marker)
            break;
        size_t data_len = (size_t)(marker - data);
        if (data_len > 0 && data[data_len - 1] == '\n')
            data_len--;
        const char *name = marker + 10, *name_end = name;
        while (name_end < end && *name_end != '\n' && *name_end != '\r')
            name_end++;
        const char *expected = onr_charset_lookup(name, (size_t)(name_end - name));
        onr_charset_source source;
        const char *got = onr_charset_detect(data, data_len, NULL, 0, &source);
        index++;
        if (expected && strcmp(expected, got) == 0) {
            (*passed)++;
        } else {
            (*failed)++;
            if (verbose)
                fprintf(stderr, "FAIL %s #%d: expected %.*s, got %s (%s)\n", path, index,
                        (int)(name_end - name), name, got, onr_charset_source_name(source));
        }
        p = name_end;
    }
    free(text);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: html5lib_encoding DIR [-v]\n");
        return 2;
    }
    int verbose = argc > 2 && strcmp(argv[2], "-v") == 0;
    static const char *const files[] = {"tests1.dat", "tests2.dat", "test-yahoo-jp.dat"};
    int passed = 0, failed = 0, skipped = 0, found = 0;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], files[i]);
        FILE *f = fopen(path, "rb");
        if (!f) {
            skipped++;
            continue;
        }
        fclose(f);
        found++;
        run_file(path, verbose, &passed, &failed);
    }
    printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
    if (!found)
        return 77;
    return failed ? 1 : 0;
}
