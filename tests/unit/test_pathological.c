/* Hostile inputs through every stage: each must finish without a crash, with memory bounded by the
 * input (the test allocator's peak) and in time linear in the input, checked as the ratio between
 * an input and one four times its size (CPU time, the best of a few runs; never an absolute time).
 * test_html_tree.c times the parser on its own shapes (deep nesting, unclosed elements, formatting
 * bombs); this file adds the memory bound, the sizes issue 6 names, and every other stage. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "onrecord.h"
#include "../support/test_mem.h"

/* Linear work gives a ratio near 4; quadratic work near 16. The bound leaves room for noise and
 * for caches that a larger input outgrows. */
#define MAX_TIME_RATIO 10.0
/* Times under this are noise: the ratio is taken against at least this much. */
#define MIN_MEASURED_SECONDS 0.002
#define REPETITIONS 3
/* Memory may be this many times the input, plus a constant for arenas and tables. */
#define MAX_MEMORY_FACTOR 64
#define MEMORY_CONSTANT ((size_t)16 << 20)

typedef struct page {
    char *data;
    size_t len;
} page;

/* ---- building inputs ---- */

static void page_append(page *p, size_t *cap, const char *s, size_t len)
{
    if (p->len + len + 1 > *cap) {
        while (p->len + len + 1 > *cap)
            *cap = *cap ? *cap * 2 : 4096;
        p->data = realloc(p->data, *cap);
        assert_non_null(p->data);
    }
    memcpy(p->data + p->len, s, len);
    p->len += len;
    p->data[p->len] = '\0';
}

/* head, then the unit_len bytes of `unit` n times, then tail. */
static page repeat_bytes(const char *head, const char *unit, size_t unit_len, size_t n, const char *tail)
{
    page p = {NULL, 0};
    size_t cap = 0;
    page_append(&p, &cap, head, strlen(head));
    for (size_t i = 0; i < n; i++)
        page_append(&p, &cap, unit, unit_len);
    page_append(&p, &cap, tail, strlen(tail));
    return p;
}

static page repeat(const char *head, const char *unit, size_t n, const char *tail)
{
    return repeat_bytes(head, unit, strlen(unit), n, tail);
}

/* head, then n copies of byte c, then tail. */
static page filled(const char *head, char c, size_t n, const char *tail)
{
    page p = {NULL, 0};
    size_t cap = strlen(head) + n + strlen(tail) + 1;
    p.data = malloc(cap);
    assert_non_null(p.data);
    memcpy(p.data, head, strlen(head));
    p.len = strlen(head);
    memset(p.data + p.len, c, n);
    p.len += n;
    page_append(&p, &cap, tail, strlen(tail));
    return p;
}

static void page_free(page *p)
{
    free(p->data);
    p->data = NULL;
}

/* ---- running and measuring ---- */

/* Runs a stage over `p` with allocator `t`, frees what it made and says whether the outcome was
 * an acceptable one. */
typedef bool (*runner)(const page *p, test_mem *t);
typedef page (*generator)(size_t n);

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The best time of a few runs; every run must succeed and free everything. */
static double measure(runner run, const page *p, size_t *peak)
{
    double best = 1e30;
    *peak = 0;
    for (int r = 0; r < REPETITIONS; r++) {
        test_mem t;
        test_mem_init(&t, 0);
        double start = cpu_seconds();
        bool ok = run(p, &t);
        double spent = cpu_seconds() - start;
        assert_true(ok);
        assert_int_equal(t.live_blocks, 0);
        if (spent < best)
            best = spent;
        if (t.peak_bytes > *peak)
            *peak = t.peak_bytes;
    }
    return best;
}

/* Runs the input of scale n and of scale 4n: both bounded in memory, the time ratio linear.
 * Returns the number of broken bounds (each printed), so that a test reports every input. */
static int check_linear(const char *what, generator gen, size_t n, runner run)
{
    page small = gen(n), large = gen(4 * n);
    size_t small_peak, large_peak;
    double small_time = measure(run, &small, &small_peak);
    double large_time = measure(run, &large, &large_peak);
    double base = small_time > MIN_MEASURED_SECONDS ? small_time : MIN_MEASURED_SECONDS;
    double ratio = large_time / base;
    print_message("%-36s %9zu B %8.4f s | %9zu B %8.4f s | ratio %5.2f | peak %zu B (%.0fx)\n", what,
                  small.len, small_time, large.len, large_time, ratio, large_peak,
                  (double)large_peak / (double)large.len);
    int broken = 0;
    if (ratio >= MAX_TIME_RATIO) {
        print_message("FAIL %s: time ratio %.2f for 4x the input (bound %.0f)\n", what, ratio, MAX_TIME_RATIO);
        broken++;
    }
    if (small_peak > MAX_MEMORY_FACTOR * small.len + MEMORY_CONSTANT ||
        large_peak > MAX_MEMORY_FACTOR * large.len + MEMORY_CONSTANT) {
        print_message("FAIL %s: peak memory %zu B for %zu B of input (bound %dx + %zu)\n", what,
                      large_peak, large.len, MAX_MEMORY_FACTOR, MEMORY_CONSTANT);
        broken++;
    }
    page_free(&small);
    page_free(&large);
    return broken;
}

/* ---- stages ---- */

static bool run_html(const page *p, test_mem *t)
{
    onr_document *doc = NULL;
    onr_status st = onr_html_parse(p->data, p->len, NULL, &t->mem, &doc, NULL);
    onr_document_free(doc);
    return st == ONR_OK;
}

static bool run_charset(const page *p, test_mem *t)
{
    onr_utf8_text text;
    onr_status st = onr_to_utf8(p->data, p->len, NULL, 0, &t->mem, &text, NULL);
    onr_utf8_text_free(&text, &t->mem);
    return st == ONR_OK;
}

/* The UTF-16 page decoded as the HTTP header says, then parsed. */
static bool run_charset_utf16_then_html(const page *p, test_mem *t)
{
    static const char content_type[] = "text/html; charset=utf-16le";
    onr_utf8_text text;
    onr_status st = onr_to_utf8(p->data, p->len, content_type, sizeof content_type - 1, &t->mem,
                                &text, NULL);
    if (st != ONR_OK)
        return false;
    page utf8 = {(char *)(uintptr_t)text.data, text.len};
    bool ok = run_html(&utf8, t);
    onr_utf8_text_free(&text, &t->mem);
    return ok;
}

/* Extraction and the JSON rendering; a hostile page may hold no article, or be binary. */
static bool run_extract(const page *p, test_mem *t)
{
    onr_options options;
    onr_options_init(&options);
    options.comments = true;
    onr_context *ctx = NULL;
    if (onr_context_new(&options, &t->mem, &ctx, NULL) != ONR_OK)
        return false;
    onr_article *article = NULL;
    onr_status st = onr_extract(ctx, p->data, p->len, NULL, 0, &article, NULL);
    if (st == ONR_OK) {
        char *json = NULL;
        size_t json_len = 0;
        st = onr_article_render(article, ONR_FORMAT_JSON, ONR_RENDER_METADATA, &t->mem, &json, &json_len);
        if (json)
            t->mem.free(t->mem.ctx, json);
    }
    onr_article_free(article);
    onr_context_free(ctx);
    return st == ONR_OK || st == ONR_ERR_NO_ARTICLE || st == ONR_ERR_BINARY || st == ONR_ERR_EMPTY;
}

static bool run_sources(const page *p, test_mem *t)
{
    onr_context *ctx = NULL;
    if (onr_context_new(NULL, &t->mem, &ctx, NULL) != ONR_OK)
        return false;
    onr_sources *audit = NULL;
    onr_status st = onr_sources_analyze(ctx, p->data, p->len, &audit, NULL);
    char *json = NULL;
    size_t json_len = 0;
    if (st == ONR_OK)
        st = onr_sources_render(audit, ONR_SOURCES_JSON, &t->mem, &json, &json_len);
    if (json)
        t->mem.free(t->mem.ctx, json);
    onr_sources_free(audit);
    onr_context_free(ctx);
    return st == ONR_OK;
}

/* Reads every record to the end; damage (ONR_ERR_FORMAT) is reported and read past. */
static bool run_warc(const page *p, test_mem *t)
{
    onr_warc_reader *reader = NULL;
    if (onr_warc_open_memory(p->data, p->len, NULL, &t->mem, &reader, NULL) != ONR_OK)
        return false;
    bool ok = true;
    for (size_t calls = 0;; calls++) {
        const onr_warc_record *record = NULL;
        onr_status st = onr_warc_next(reader, &record, NULL);
        if (calls > p->len) { /* no progress: a loop */
            ok = false;
            break;
        }
        if (st == ONR_ERR_FORMAT)
            continue;
        if (st != ONR_OK) {
            ok = false;
            break;
        }
        if (!record)
            break;
        /* Touch the payload so that a pointer past the input shows under ASan. */
        volatile char sink = record->payload_len ? record->payload[record->payload_len - 1] : 0;
        (void)sink;
    }
    onr_warc_close(reader);
    return ok;
}

#define GUNZIP_LIMIT ((size_t)1 << 20)

/* A gzip bomb must stop at the limit, whatever its inflated size. */
static bool run_gunzip_limited(const page *p, test_mem *t)
{
    char *out = NULL;
    size_t out_len = 0;
    onr_status st = onr_gunzip(p->data, p->len, GUNZIP_LIMIT, &t->mem, &out, &out_len, NULL);
    if (st == ONR_OK)
        t->mem.free(t->mem.ctx, out);
    /* The buffer may double once past the limit before the check stops it. */
    return st == ONR_ERR_LIMIT && t->peak_bytes <= 2 * GUNZIP_LIMIT + (1 << 20);
}

/* ---- inputs ---- */

static page nested_divs(size_t n) { return repeat("<body>", "<div>", n, "deep"); }
static page nested_inline(size_t n) { return repeat("<body>", "<span>x", n, ""); }
static page misnested_formatting(size_t n) { return repeat("<body>", "<b><i></b></i>", n, ""); }
static page formatting_with_attributes(size_t n)
{
    page p = {NULL, 0};
    size_t cap = 0;
    char unit[64];
    for (size_t i = 0; i < n; i++) {
        int len = snprintf(unit, sizeof unit, "<b class=c%zu><i>", i % 1000);
        page_append(&p, &cap, unit, (size_t)len);
    }
    for (size_t i = 0; i < n; i++)
        page_append(&p, &cap, "<p>text</b></i>", 15);
    return p;
}
static page many_attributes(size_t n)
{
    page p = {NULL, 0};
    size_t cap = 0;
    char unit[32];
    page_append(&p, &cap, "<div", 4);
    for (size_t i = 0; i < n; i++) {
        int len = snprintf(unit, sizeof unit, " a%zu=v", i);
        page_append(&p, &cap, unit, (size_t)len);
    }
    page_append(&p, &cap, ">x</div>", 8);
    return p;
}
static page duplicate_attributes(size_t n) { return repeat("<div", " class=x", n, ">x</div>"); }
static page huge_attribute(size_t n) { return filled("<div title=\"", 'v', n, "\">x</div>"); }
static page unquoted_huge_attribute(size_t n) { return filled("<a href=", 'h', n, ">x</a>"); }
static page unclosed_paragraphs(size_t n) { return repeat("<body>", "<p>x", n, ""); }
static page unclosed_links(size_t n) { return repeat("<body>", "<a href=x>y", n, ""); }
static page unclosed_tables(size_t n) { return repeat("<body>", "<table><tr><td>x", n, ""); }
static page unclosed_bare_tables(size_t n) { return repeat("<body>", "<table>", n, ""); }
static page nul_bytes(size_t n) { return filled("<p>", '\0', n, "</p>"); }
static page nul_bytes_in_markup(size_t n)
{
    static const char unit[] = "<p\0 a\0=\0>\0<!--\0-->&\0;<\0/p>";
    return repeat_bytes("", unit, sizeof unit - 1, n, "");
}
static page invalid_utf8(size_t n) { return repeat("<p>", "\xff\xfe\xc3(\xe2\x82\xed\xa0\x80\xf4\x90\x80\x80\x80", n, "</p>"); }
static page long_word(size_t n) { return filled("<p>", 'w', n, "</p>"); }
static page unterminated_comment(size_t n) { return repeat("<!--", "- -- --!", n, ""); }
static page unterminated_script(size_t n) { return repeat("<script>", "<!--<script></scrip", n, ""); }
static page many_entities(size_t n) { return repeat("<p>", "&amp&notin;&#x110000;&#99999999999;&zz", n, "</p>"); }
static page deep_foreign(size_t n) { return repeat("<svg>", "<g><foreignObject><math><mi>", n, ""); }

/* A few NULs in ordinary text after a clean first 4 KB (where the binary test looks). */
static page scattered_nul_bytes(size_t n)
{
    static const char clean[] = "<p>Words of the story, and more words, and then some more of them.</p>";
    static const char stray[] = "<p>Words of the story and then a stray\0byte in the middle of it.</p>";
    page p = repeat("<html><body><article>", clean, 80, "");
    size_t cap = p.len + 1;
    for (size_t i = 0; i < n; i++)
        page_append(&p, &cap, stray, sizeof stray - 1);
    page_append(&p, &cap, "</article></body></html>", 24);
    return p;
}

static page utf16le_without_bom(size_t n)
{
    page ascii = repeat("<html><body>", "<p>hello, world</p>", n, "</body></html>");
    page p = {malloc(ascii.len * 2 + 1), ascii.len * 2};
    assert_non_null(p.data);
    for (size_t i = 0; i < ascii.len; i++) {
        p.data[2 * i] = ascii.data[i];
        p.data[2 * i + 1] = '\0';
    }
    p.data[p.len] = '\0';
    page_free(&ascii);
    return p;
}

static page windows_1252_page(size_t n) { return repeat("<p>", "caf\xe9 na\xefve \x93quoted\x94 \x80 ", n, "</p>"); }

static page quote_marks(size_t n) { return repeat("", "\"", n, ""); }
static page mixed_quote_marks(size_t n) { return repeat("He said ", "\xe2\x80\x9c\" \xc2\xab'", n, ""); }
static page quotes_with_speakers(size_t n)
{
    return repeat("", "\"We will not stop,\" said Ana Lopes, a spokeswoman for the council. ", n, "");
}
static page accented_words(size_t n) { return repeat("", "caf\xc3\xa9 ", n, ""); }
static page sentence_without_stop(size_t n) { return repeat("", "officials said that ", n, ""); }

static page tiny_warc_records(size_t n)
{
    return repeat("", "WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: 1\r\n\r\nx\r\n\r\n",
                  n, "");
}
/* Each record claims a block that runs past the end of the file. */
static page warc_lengths_past_end(size_t n)
{
    return repeat("", "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 999999999999\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x",
                  n, "");
}
static page warc_garbage(size_t n) { return repeat("", "WARC/1.1 garbage\r\nWARC/1.0\r\n\r\n\n", n, ""); }
static page warc_chunked_bodies(size_t n)
{
    return repeat("", "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 96\r\n\r\n"
                  "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "1\r\na\r\n1\r\nb\r\nfffff\r\nc\r\n\r\n\r\n",
                  n, "");
}

/* n gzip members each inflating to 1 MiB of zeros: one stream, n MiB in all. */
static page gzip_bomb(size_t n)
{
    size_t plain_len = (size_t)1 << 20;
    unsigned char *plain = calloc(1, plain_len);
    assert_non_null(plain);
    unsigned char member[4096];
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    assert_int_equal(deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY), Z_OK);
    zs.next_in = plain;
    zs.avail_in = (uInt)plain_len;
    zs.next_out = member;
    zs.avail_out = sizeof member;
    assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
    size_t member_len = sizeof member - zs.avail_out;
    deflateEnd(&zs);
    free(plain);
    page p = {NULL, 0};
    size_t cap = 0;
    for (size_t i = 0; i < n; i++)
        page_append(&p, &cap, (const char *)member, member_len);
    return p;
}

/* ---- tests ---- */

static void deep_trees(void **state)
{
    (void)state;
    int broken = 0;
    broken += check_linear("100,000-deep nesting", nested_divs, 25000, run_html);
    broken += check_linear("a million nested elements", nested_inline, 250000, run_html);
    assert_int_equal(broken, 0);
}

static void formatting_bombs(void **state)
{
    (void)state;
    int broken = 0;
    /* 82 KB: the size of the misnested-formatting bomb that made other parsers quadratic. */
    broken += check_linear("misnested <b><i> (82 KB)", misnested_formatting, 82 * 1024 / 14, run_html);
    broken += check_linear("formatting with distinct attributes", formatting_with_attributes, 3000, run_html);
    assert_int_equal(broken, 0);
}

static void attributes(void **state)
{
    (void)state;
    int broken = 0;
    broken += check_linear("a million attributes", many_attributes, 250000, run_html);
    broken += check_linear("a million duplicate attributes", duplicate_attributes, 250000, run_html);
    broken += check_linear("10 MB attribute value", huge_attribute, (size_t)10 << 20 >> 2, run_html);
    broken += check_linear("10 MB unquoted attribute", unquoted_huge_attribute, (size_t)10 << 20 >> 2, run_html);
    assert_int_equal(broken, 0);
}

static void unclosed_elements(void **state)
{
    (void)state;
    int broken = 0;
    broken += check_linear("100,000 unclosed <p>", unclosed_paragraphs, 25000, run_html);
    broken += check_linear("100,000 unclosed <a>", unclosed_links, 25000, run_html);
    broken += check_linear("100,000 unclosed <table><tr><td>", unclosed_tables, 25000, run_html);
    broken += check_linear("100,000 unclosed <table>", unclosed_bare_tables, 25000, run_html);
    broken += check_linear("nested svg/math integration points", deep_foreign, 25000, run_html);
    assert_int_equal(broken, 0);
}

static void tokenizer_states(void **state)
{
    (void)state;
    int broken = 0;
    broken += check_linear("unterminated comment", unterminated_comment, 100000, run_html);
    broken += check_linear("unterminated script", unterminated_script, 50000, run_html);
    broken += check_linear("entities, broken and out of range", many_entities, 20000, run_html);
    broken += check_linear("10 MB word without spaces", long_word, (size_t)10 << 20 >> 2, run_html);
    assert_int_equal(broken, 0);
}

static void bad_bytes(void **state)
{
    (void)state;
    int broken = 0;
    broken += check_linear("NUL bytes in text (html)", nul_bytes, (size_t)1 << 20, run_html);
    broken += check_linear("NUL bytes in markup (html)", nul_bytes_in_markup, 50000, run_html);
    broken += check_linear("invalid UTF-8 (html)", invalid_utf8, 100000, run_html);
    broken += check_linear("NUL bytes (charset)", nul_bytes, (size_t)1 << 20, run_charset);
    broken += check_linear("invalid UTF-8 (charset)", invalid_utf8, 100000, run_charset);
    broken += check_linear("windows-1252 (charset)", windows_1252_page, 100000, run_charset);
    assert_int_equal(broken, 0);
}

static void utf16_without_bom(void **state)
{
    (void)state;
    int broken = 0;
    broken += check_linear("UTF-16 without BOM (sniffed)", utf16le_without_bom, 20000, run_charset);
    broken += check_linear("UTF-16 without BOM (html as bytes)", utf16le_without_bom, 20000, run_html);
    broken += check_linear("UTF-16 by header, then html", utf16le_without_bom, 20000, run_charset_utf16_then_html);
    assert_int_equal(broken, 0);
}

static page paragraphs_with_words(size_t n)
{
    return repeat("<html><body><article>", "<p>The council voted on the harbour plan again today.</p>", n,
                  "</article></body></html>");
}
static page nested_sections(size_t n) { return repeat("<body>", "<div class=content><p>Some words here.", n, ""); }
static page many_links(size_t n) { return repeat("<body><div>", "<a href=/x>link</a> | ", n, "</div>"); }
static page many_jsonld_scripts(size_t n)
{
    return repeat("<head>", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"h\","
                  "\"author\":[{\"name\":\"A\"}]}</script>", n, "</head><body><p>Text of the page.</p>");
}
static page deep_jsonld(size_t n)
{
    page open = repeat("<script type=application/ld+json>", "[", n, "");
    page p = repeat(open.data, "]", n, "</script><p>Body text of the page.</p>");
    page_free(&open);
    return p;
}

static void extraction(void **state)
{
    (void)state;
    int broken = 0;
    broken += check_linear("10 MB paragraph without spaces", long_word, (size_t)10 << 20 >> 2, run_extract);
    broken += check_linear("many ordinary paragraphs", paragraphs_with_words, 5000, run_extract);
    broken += check_linear("unclosed content divs", nested_sections, 10000, run_extract);
    broken += check_linear("100,000-deep nesting (extract)", nested_divs, 25000, run_extract);
    broken += check_linear("a million nested elements (extract)", nested_inline, 250000, run_extract);
    broken += check_linear("misnested <b><i> (extract)", misnested_formatting, 82 * 1024 / 14, run_extract);
    broken += check_linear("100,000 unclosed <table> (extract)", unclosed_tables, 25000, run_extract);
    broken += check_linear("link lists", many_links, 20000, run_extract);
    broken += check_linear("many JSON-LD scripts", many_jsonld_scripts, 2000, run_extract);
    broken += check_linear("deeply nested JSON-LD", deep_jsonld, 25000, run_extract);
    broken += check_linear("NUL bytes (extract)", nul_bytes, (size_t)1 << 20, run_extract);
    broken += check_linear("scattered NUL bytes (extract)", scattered_nul_bytes, 5000, run_extract);
    broken += check_linear("invalid UTF-8 (extract)", invalid_utf8, 100000, run_extract);
    broken += check_linear("UTF-16 without BOM (extract)", utf16le_without_bom, 20000, run_extract);
    broken += check_linear("100,000 unclosed <p> (extract)", unclosed_paragraphs, 25000, run_extract);
    assert_int_equal(broken, 0);
}

static void sourcing_audit(void **state)
{
    (void)state;
    int broken = 0;
    broken += check_linear("100,000 quote marks", quote_marks, 25000, run_sources);
    broken += check_linear("quotes with speakers", quotes_with_speakers, 2500, run_sources);
    broken += check_linear("one sentence of reported speech", sentence_without_stop, 2500, run_sources);
    broken += check_linear("10 MB word without spaces (sources)", long_word, (size_t)10 << 20 >> 2, run_sources);
    broken += check_linear("NUL bytes (sources)", nul_bytes, (size_t)1 << 19, run_sources);
    broken += check_linear("invalid UTF-8 (sources)", invalid_utf8, 50000, run_sources);
    broken += check_linear("mixed quotation marks", mixed_quote_marks, 2500, run_sources);
    broken += check_linear("non-ASCII text as JSON", accented_words, 4000, run_sources);
    assert_int_equal(broken, 0);
}

static void warc_archives(void **state)
{
    (void)state;
    int broken = 0;
    broken += check_linear("a WARC of 100,000 tiny records", tiny_warc_records, 25000, run_warc);
    broken += check_linear("Content-Length past the end", warc_lengths_past_end, 25000, run_warc);
    broken += check_linear("garbage between records", warc_garbage, 25000, run_warc);
    broken += check_linear("chunked bodies cut short", warc_chunked_bodies, 10000, run_warc);
    assert_int_equal(broken, 0);
}

/* A record whose Content-Length runs past the end of the file must not swallow the records after
 * it (docs/warc.md: reading resumes at the next WARC/ line after its start). */
static void content_length_past_the_end_loses_no_record(void **state)
{
    (void)state;
    static const char good[] = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: text/html\r\n"
                               "Content-Length: 1\r\n\r\nx\r\n\r\n";
    static const char past_end[] = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: text/html\r\n"
                                   "Content-Length: 99999999\r\n\r\ny\r\n\r\n";
    char file[sizeof good * 3 + sizeof past_end];
    snprintf(file, sizeof file, "%s%s%s%s", good, past_end, good, good);
    onr_warc_reader *reader = NULL;
    assert_int_equal(onr_warc_open_memory(file, strlen(file), NULL, NULL, &reader, NULL), ONR_OK);
    size_t records = 0, damaged = 0;
    for (int calls = 0; calls < 100; calls++) {
        const onr_warc_record *record = NULL;
        onr_status st = onr_warc_next(reader, &record, NULL);
        if (st == ONR_ERR_FORMAT) {
            damaged++;
            continue;
        }
        assert_int_equal(st, ONR_OK);
        if (!record)
            break;
        records++;
    }
    onr_warc_close(reader);
    print_message("records read %zu, damage reported %zu\n", records, damaged);
    assert_int_equal(damaged, 1);
    assert_int_equal(records, 3);
}

static void gzip_bomb_is_bounded(void **state)
{
    (void)state;
    int broken = 0;
    broken += check_linear("gzip bomb (limit 1 MiB)", gzip_bomb, 16, run_gunzip_limited);
    assert_int_equal(broken, 0);
}

int main(void)
{
#ifdef __GLIBC__
    /* Keep freed memory in the heap instead of returning it to the system, so that every
     * repetition after the first reuses pages instead of faulting fresh ones in: page faults
     * otherwise dominate the timing of the large inputs and blur the ratio. */
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(deep_trees),         cmocka_unit_test(formatting_bombs),   cmocka_unit_test(attributes),
        cmocka_unit_test(unclosed_elements),  cmocka_unit_test(tokenizer_states),
        cmocka_unit_test(bad_bytes),          cmocka_unit_test(utf16_without_bom),
        cmocka_unit_test(gzip_bomb_is_bounded), cmocka_unit_test(sourcing_audit),
        cmocka_unit_test(warc_archives),      cmocka_unit_test(content_length_past_the_end_loses_no_record),      cmocka_unit_test(extraction),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
