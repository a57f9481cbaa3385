/* Benchmark: tokenizer speed alone on real pages. Reads every *.html.gz of a folder into memory
 * (default: the scrapinghub benchmark pages), then times only html_tokenizer_new/next/free over
 * all of them, best of several rounds. Usage: tokenize_bench [DIR] [ROUNDS]
 * Instructions per MB, stable on a busy machine:
 *   valgrind --tool=callgrind --toggle-collect='tokenize_page*' tokenize_bench DIR 1 */
#include "html/tokenizer.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DEFAULT_DIR "../shared/bench/extraction/scrapinghub/html"

typedef struct page {
    char *data;
    size_t len;
} page;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Tokenizes one page; returns a checksum so the work cannot be optimized away. Kept out of line
 * so that callgrind can count its instructions alone (--toggle-collect='tokenize_page*'). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t tokenize_page(const page *pg, size_t *tokens)
{
    html_tokenizer *t = html_tokenizer_new(pg->data, pg->len, NULL, NULL);
    if (!t)
        return 0;
    size_t sum = 0;
    html_token tok;
    while (html_tokenizer_next(t, &tok) == ONR_OK && tok.kind != HTML_TOKEN_EOF) {
        sum += tok.name_len + tok.data_len + tok.attr_count + (size_t)tok.tag;
        (*tokens)++;
    }
    html_tokenizer_free(t);
    return sum;
}

int main(int argc, char **argv)
{
    const char *dir_path = argc > 1 ? argv[1] : DEFAULT_DIR;
    int rounds = argc > 2 ? atoi(argv[2]) : 10;
    DIR *dir = opendir(dir_path);
    if (!dir) {
        fprintf(stderr, "tokenize_bench: cannot open %s\n", dir_path);
        return 1;
    }
    page *pages = NULL;
    size_t count = 0, cap = 0, total = 0;
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        size_t n = strlen(entry->d_name);
        if (n < 8 || strcmp(entry->d_name + n - 8, ".html.gz") != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir_path, entry->d_name);
        if (count == cap) {
            cap = cap ? cap * 2 : 64;
            pages = realloc(pages, cap * sizeof *pages);
            if (!pages)
                return 1;
        }
        onr_error err;
        if (onr_read_file(path, 0, NULL, &pages[count].data, &pages[count].len, &err) != ONR_OK) {
            fprintf(stderr, "tokenize_bench: %s: %s\n", path, err.message);
            continue;
        }
        total += pages[count].len;
        count++;
    }
    closedir(dir);
    if (count == 0) {
        fprintf(stderr, "tokenize_bench: no .html.gz pages in %s\n", dir_path);
        return 1;
    }
    double best = 1e30;
    size_t checksum = 0, tokens = 0;
    for (int r = 0; r < rounds; r++) {
        tokens = 0;
        double start = now_seconds();
        for (size_t i = 0; i < count; i++)
            checksum += tokenize_page(&pages[i], &tokens);
        double elapsed = now_seconds() - start;
        if (elapsed < best)
            best = elapsed;
    }
    printf("%zu pages, %.1f MB, %zu tokens per round; best of %d rounds: %.2f ms\n", count, (double)total / 1e6,
           tokens, rounds, best * 1e3);
    printf("tokenizer: %.0f MB/s, %.0f pages/s (checksum %zu)\n", (double)total / 1e6 / best, (double)count / best,
           checksum % 1000);
    for (size_t i = 0; i < count; i++)
        free(pages[i].data);
    free(pages);
    return 0;
}
