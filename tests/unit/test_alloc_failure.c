/* Allocation-failure torture: each stage runs a few small inputs once for every N from 1 to the
 * number of allocations a successful run makes, with the Nth allocation failing. Every run must
 * end in success or ONR_ERR_NOMEM, free everything it allocated and never crash (the ASan build's
 * LeakSanitizer checks the same from the outside). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "onrecord.h"
#include "../support/test_mem.h"

/* Runs one stage over an input with allocator `t` and frees what it made. */
typedef onr_status (*stage_run)(const char *input, size_t len, test_mem *t);

/* Fails allocation 1, 2, ... until a run makes no more allocations than N; returns how many
 * allocations the successful run made. */
static size_t torture(const char *what, stage_run run, const char *input, size_t len)
{
    test_mem clean;
    test_mem_init(&clean, 0);
    assert_int_equal(run(input, len, &clean), ONR_OK);
    assert_int_equal(clean.live_blocks, 0);
    size_t total = clean.calls;
    size_t nomem_runs = 0;
    for (size_t n = 1; n <= total; n++) {
        test_mem t;
        test_mem_init(&t, n);
        onr_status st = run(input, len, &t);
        if (st != ONR_OK && st != ONR_ERR_NOMEM)
            fail_msg("%s: allocation %zu of %zu failed and the status was %s", what, n, total,
                     onr_status_name(st));
        if (t.live_blocks != 0)
            fail_msg("%s: allocation %zu of %zu failed and %zu blocks leaked", what, n, total,
                     t.live_blocks);
        nomem_runs += st == ONR_ERR_NOMEM;
    }
    print_message("%-32s %5zu allocations, %5zu failures reported as nomem\n", what, total,
                  nomem_runs);
    return total;
}

/* ---- stages ---- */

static onr_status run_html(const char *input, size_t len, test_mem *t)
{
    onr_document *doc = NULL;
    onr_error err;
    onr_status st = onr_html_parse(input, len, NULL, &t->mem, &doc, &err);
    if (st == ONR_OK)
        assert_non_null(onr_document_root(doc));
    else
        assert_null(doc);
    onr_document_free(doc);
    return st;
}

static onr_status run_charset(const char *input, size_t len, test_mem *t)
{
    onr_utf8_text text;
    onr_error err;
    onr_status st = onr_to_utf8(input, len, NULL, 0, &t->mem, &text, &err);
    if (st == ONR_OK)
        onr_utf8_text_free(&text, &t->mem);
    return st;
}

static onr_status run_charset_forced(const char *input, size_t len, test_mem *t)
{
    onr_utf8_text text;
    onr_status st = onr_convert_to_utf8(input, len, "shift_jis", 9, &t->mem, &text, NULL);
    if (st == ONR_OK)
        onr_utf8_text_free(&text, &t->mem);
    return st;
}

static onr_status run_gunzip(const char *input, size_t len, test_mem *t)
{
    char *out = NULL;
    size_t out_len;
    onr_status st = onr_gunzip(input, len, 0, &t->mem, &out, &out_len, NULL);
    if (st == ONR_OK)
        t->mem.free(t->mem.ctx, out);
    return st;
}

/* Extraction with comments and the sourcing audit, then every rendering. */
static onr_status run_extract(const char *input, size_t len, test_mem *t)
{
    onr_options options;
    onr_options_init(&options);
    options.comments = true;
    options.sources = true;
    onr_context *ctx = NULL;
    onr_status st = onr_context_new(&options, &t->mem, &ctx, NULL);
    if (st != ONR_OK)
        return st;
    onr_article *article = NULL;
    st = onr_extract(ctx, input, len, "https://example.org/news/vote.html", 34, &article, NULL);
    if (st == ONR_OK)
        assert_non_null(article);
    else
        assert_null(article);
    for (int format = ONR_FORMAT_MARKDOWN; st == ONR_OK && format <= ONR_FORMAT_XML; format++) {
        char *out = NULL;
        size_t out_len;
        st = onr_article_render(article, (onr_format)format, 63, &t->mem, &out, &out_len);
        if (st == ONR_OK)
            t->mem.free(t->mem.ctx, out);
    }
    onr_article_free(article);
    onr_context_free(ctx);
    return st;
}

static onr_status run_sources(const char *input, size_t len, test_mem *t)
{
    onr_context *ctx = NULL;
    onr_status st = onr_context_new(NULL, &t->mem, &ctx, NULL);
    if (st != ONR_OK)
        return st;
    onr_sources *audit = NULL;
    st = onr_sources_analyze(ctx, input, len, &audit, NULL);
    if (st == ONR_OK)
        assert_non_null(audit);
    else
        assert_null(audit);
    for (int format = ONR_SOURCES_JSON; st == ONR_OK && format <= ONR_SOURCES_MARKDOWN; format++) {
        char *out = NULL;
        size_t out_len;
        st = onr_sources_render(audit, (onr_sources_format)format, &t->mem, &out, &out_len);
        if (st == ONR_OK)
            t->mem.free(t->mem.ctx, out);
    }
    onr_sources_free(audit);
    onr_context_free(ctx);
    return st;
}

/* Reads every record and clones each; a failed allocation may end the file early (reported as
 * ONR_ERR_NOMEM, after which the reader reports the end). */
static onr_status run_warc(const char *input, size_t len, test_mem *t)
{
    onr_warc_reader *reader = NULL;
    onr_status st = onr_warc_open_memory(input, len, NULL, &t->mem, &reader, NULL);
    if (st != ONR_OK)
        return st;
    onr_status result = ONR_OK;
    size_t records = 0;
    for (;;) {
        const onr_warc_record *record = NULL;
        st = onr_warc_next(reader, &record, NULL);
        if (st == ONR_ERR_FORMAT)
            continue;
        if (st != ONR_OK) {
            result = st;
            continue; /* the next call must report the end */
        }
        if (!record)
            break;
        assert_true(++records <= 3);
        if (record->type == ONR_WARC_RESPONSE && t->failures == 0)
            assert_int_equal(record->payload_len, 44);
        onr_warc_record *copy = NULL;
        st = onr_warc_record_clone(record, &t->mem, &copy, NULL);
        if (st == ONR_OK)
            onr_warc_record_free(copy, &t->mem);
        else
            result = st;
    }
    onr_warc_close(reader);
    /* A run without failures reads all three records, the response decoded. */
    if (t->failures == 0)
        assert_int_equal(records, 3);
    return result;
}

/* ---- inputs: small pages written for these tests ---- */

static const char news_page[] =
    "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Harbour plan approved</title>"
    "<meta property=\"og:title\" content=\"Harbour plan approved\">"
    "<meta name=author content=\"Ana Lopes\">"
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Harbour plan "
    "approved\",\"datePublished\":\"2024-03-05T10:00:00Z\",\"author\":{\"name\":\"Ana Lopes\"}}"
    "</script></head><body><nav><a href=/>Home</a> <a href=/news>News</a></nav>"
    "<article><h1>Harbour plan approved</h1><p class=byline>By Ana Lopes</p>"
    "<p>The council voted 7 to 2 on Tuesday to rebuild the old harbour wall, ending a debate that "
    "had lasted three years.</p>"
    "<p>\xe2\x80\x9cThis is the right decision for the town,\xe2\x80\x9d said Mayor Tom Reyes. "
    "\xe2\x80\x9cWe cannot wait for the next storm.\xe2\x80\x9d</p>"
    "<p>A council official, who asked not to be named, said the cost could rise. According to a "
    "report by the port authority, repairs will take two years.</p>"
    "<figure><img src=wall.jpg alt=\"The harbour wall\"><figcaption>The wall in "
    "March</figcaption></figure><table><tr><th>Vote</th><td>7-2</td></tr></table>"
    "</article><aside>Related: <a href=/b>Other story</a></aside>"
    "<div id=comments><p>Great news! &mdash; reader</p></div><footer>&copy; 2024</footer></body>";

static const char misnested_page[] =
    "<p><b>bold <i>both</b> italic</i><table><tr><td>cell<p>para</table><a href=x><div>block</a>"
    "</div><svg><desc><p>html in svg</desc><math><mi>x</mi></math></svg><template><td>t</template>"
    "<select><option>a<option>b</select><frameset></frameset>&notit; &#x0; \x00 \xff";

static const char windows_1252_page[] =
    "<html><head><meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\"></head>"
    "<body><p>\x93" "Caf\xe9\x94, he said \x96 na\xefve \x80</p></body></html>";

static const char shift_jis_text[] = "<p>\x82\xa0\x82\xa2\x82\xa4 \x93\xfa\x96\x7b</p>";

static const char article_text[] =
    "\xe2\x80\x9cThis is the right decision for the town,\xe2\x80\x9d said Mayor Tom Reyes. "
    "\"We cannot wait for the next storm,\" he told reporters on Tuesday.\n\n"
    "A council official, who asked not to be named because the talks were private, said the cost "
    "could rise. Seven senior officials told The Harbour Post that the vote was close. According to "
    "a report by the port authority, repairs will take two years. Ana Lopes, a spokeswoman for the "
    "Ministry of Transport, said that the ministry would \"look closely\" at the plan.";

/* Three records: warcinfo, a chunked and gzip-encoded HTML response, and a resource. */
static const char warc_file[] =
    "WARC/1.1\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
    "Content-Type: application/warc-fields\r\nContent-Length: 16\r\n\r\n"
    "software: tests\n\r\n\r\n"
    "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:2>\r\n"
    "WARC-Target-URI: https://example.org/vote\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n"
    "Content-Type: application/http; msgtype=response\r\nContent-Length: 148\r\n\r\n"
    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"
    "19\r\n<p>The council voted.</p>\r\n13\r\n<p>Work starts.</p>\r\n0\r\n\r\n\r\n\r\n"
    "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:3>\r\n"
    "WARC-Target-URI: file:///page.html\r\nContent-Type: text/html\r\nContent-Length: 19\r\n\r\n"
    "<p>Local page.</p>\n\r\n\r\n";

static void extraction_survives_every_failure(void **state)
{
    (void)state;
    assert_true(torture("extract: news page", run_extract, news_page, sizeof news_page - 1) > 0);
    assert_true(torture("extract: windows-1252 page", run_extract, windows_1252_page,
                        sizeof windows_1252_page - 1) > 0);
}

static void sources_audit_survives_every_failure(void **state)
{
    (void)state;
    assert_true(torture("sources: article text", run_sources, article_text, sizeof article_text - 1) > 0);
    torture("sources: empty text", run_sources, "", 0);
    torture("sources: broken quotes", run_sources, "\"a\" \xe2\x80\x9c b, he said \xff", 20);
}

static void warc_reading_survives_every_failure(void **state)
{
    (void)state;
    assert_true(torture("warc: three records", run_warc, warc_file, sizeof warc_file - 1) > 0);
}

static void html_parse_survives_every_failure(void **state)
{
    (void)state;
    assert_true(torture("html: news page", run_html, news_page, sizeof news_page - 1) > 0);
    assert_true(torture("html: misnested page", run_html, misnested_page, sizeof misnested_page - 1) > 0);
    torture("html: empty page", run_html, "", 0);
}

static void charset_conversion_survives_every_failure(void **state)
{
    (void)state;
    torture("charset: windows-1252 page", run_charset, windows_1252_page, sizeof windows_1252_page - 1);
    torture("charset: forced shift_jis", run_charset_forced, shift_jis_text, sizeof shift_jis_text - 1);
    static const char utf16[] = "\xff\xfe<\0p\0>\0h\0i\0";
    torture("charset: utf-16 with bom", run_charset, utf16, sizeof utf16 - 1);
}

static void gunzip_survives_every_failure(void **state)
{
    (void)state;
    unsigned char packed[2048];
    uLongf packed_len = sizeof packed;
    /* compress() writes zlib format, which onr_gunzip accepts alongside gzip. */
    assert_int_equal(compress(packed, &packed_len, (const Bytef *)news_page, sizeof news_page - 1), Z_OK);
    torture("gunzip: news page", run_gunzip, (const char *)packed, packed_len);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(html_parse_survives_every_failure),
        cmocka_unit_test(charset_conversion_survives_every_failure),
        cmocka_unit_test(gunzip_survives_every_failure),
        cmocka_unit_test(extraction_survives_every_failure),
        cmocka_unit_test(sources_audit_survives_every_failure),
        cmocka_unit_test(warc_reading_survives_every_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
