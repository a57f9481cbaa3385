/* A growable string for the command-line tool's own output lines. Allocation failure is sticky:
 * `failed` is set and further appends do nothing. */
#ifndef ONR_CLI_TEXT_BUF_H
#define ONR_CLI_TEXT_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct text_buf {
    char *data;
    size_t len, cap;
    bool failed;
} text_buf;

void text_append(text_buf *b, const char *s, size_t len);
void text_puts(text_buf *b, const char *s);
void text_printf(text_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* `s` as a JSON string literal. */
void text_json(text_buf *b, const char *s, size_t len);
void text_free(text_buf *b);

#endif
