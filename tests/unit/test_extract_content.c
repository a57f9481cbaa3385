/* Main-content extraction: boilerplate removal, lead and last paragraphs, comments kept apart,
 * captions into figures, modes, absolute links, white space, errors, allocation failures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "onrecord.h"

/* A small news page with every kind of furniture around a five-paragraph story. */
static const char news_page[] =
    "<!doctype html><html lang=en><head><title>Harbor vote passes | Coast Courier</title>"
    "<meta property='og:title' content='Harbor vote passes'>"
    "<meta name=author content='Mara Lindqvist'></head><body>"
    "<header class=site-header><a href='/'>Coast Courier</a><nav><ul><li><a href='/news'>News</a></li>"
    "<li><a href='/sport'>Sport</a></li><li><a href='/weather'>Weather</a></li></ul></nav></header>"
    "<div class=cookie-banner>We use cookies to improve your experience. Accept all cookies?</div>"
    "<main><article><h1>Harbor vote passes</h1>"
    "<div class=share-bar><a href='https://x.example/share'>Share on X</a> <a href='mailto:?'>Email</a></div>"
    "<p>The town council approved the harbor plan on Tuesday, ending a debate that lasted two years, "
    "and the first dredging work is due to start in the spring.</p>"
    "<figure><img src='/img/harbor.jpg' alt='The harbor at dawn' width=800>"
    "<figcaption>Fishing boats in the old harbor. <span class=credit>Photo: Ana Ruiz / Courier</span>"
    "</figcaption></figure>"
    "<p>Supporters said the plan would bring new jobs to the waterfront, while opponents warned about "
    "the cost to taxpayers and the noise from the works, which will last for months.</p>"
    "<p>“We listened to everyone,” said the mayor, Jonas Berg, who read out a long list of changes made "
    "since the first draft, including shorter working hours for the building crews.</p>"
    "<div class=newsletter-signup><p>Sign up for our morning newsletter and never miss a story.</p>"
    "<form><input type=email><button>Subscribe</button></form></div>"
    "<p>The vote was seven to two, with two members absent, and a final reading is planned for next "
    "month, after a public hearing in the town hall.</p>"
    "<p>The harbor office will publish the timetable for the works on its website next week.</p>"
    "</article>"
    "<aside class=related-stories><h2>Related stories</h2><ul>"
    "<li><a href='/a'>Council budget approved after long night of talks</a></li>"
    "<li><a href='/b'>New ferry line to open next summer, officials say</a></li>"
    "<li><a href='/c'>Fishing quotas cut again for the third year running</a></li></ul></aside>"
    "<section id=comments class=comments><h2>Comments</h2>"
    "<div class=comment><p>Finally some progress, this took far too long for everyone involved.</p></div>"
    "<div class=comment><p>I worry about the noise near the school during the works.</p></div></section>"
    "</main><footer><p>© 2024 Coast Courier. All rights reserved. Contact us about advertising.</p></footer>"
    "</body></html>";

static onr_article *extract_with(const char *html, const onr_options *options, const char *url)
{
    onr_context *ctx;
    onr_error err;
    assert_int_equal(onr_context_new(options, NULL, &ctx, &err), ONR_OK);
    onr_article *article = NULL;
    onr_status st = onr_extract(ctx, html, strlen(html), url, url ? strlen(url) : 0, &article, &err);
    if (st != ONR_OK)
        fail_msg("onr_extract failed: %s", err.message);
    onr_context_free(ctx);
    return article;
}

static bool text_has(const onr_article *article, const char *needle)
{
    onr_string text = onr_article_text(article);
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= text.len; i++)
        if (!memcmp(text.data + i, needle, n))
            return true;
    return false;
}

static void boilerplate_goes_and_story_stays(void **state)
{
    (void)state;
    onr_article *a = extract_with(news_page, NULL, "https://courier.example/news/harbor");
    assert_true(text_has(a, "The town council approved the harbor plan"));  /* lead */
    assert_true(text_has(a, "will publish the timetable"));                  /* last paragraph */
    assert_true(text_has(a, "We listened to everyone"));
    static const char *const gone[] = {"Sport", "cookies", "Share on X", "newsletter", "Related stories",
                                       "ferry line", "Finally some progress", "All rights reserved",
                                       "Fishing boats", "Ana Ruiz", "Harbor vote passes"};
    for (size_t k = 0; k < sizeof gone / sizeof gone[0]; k++)
        if (text_has(a, gone[k]))
            fail_msg("boilerplate kept: %s", gone[k]);
    const onr_article_meta *m = onr_article_metadata(a);
    assert_non_null(m->title.data);
    assert_memory_equal(m->title.data, "Harbor vote passes", m->title.len);
    assert_string_equal(m->hostname.data ? "courier.example" : "", "courier.example");
    assert_int_equal(m->hostname.len, strlen("courier.example"));
    onr_string text = onr_article_text(a);
    /* Five paragraphs, separated by blank lines. */
    size_t blank_lines = 0;
    for (size_t i = 0; i + 1 < text.len; i++)
        blank_lines += text.data[i] == '\n' && text.data[i + 1] == '\n';
    assert_int_equal(blank_lines, 4);
    onr_article_free(a);
}

/* Class words are split at any character that is not a letter or digit, '|' and '{' included. */
static void class_words_split_at_punctuation(void **state)
{
    (void)state;
    static const char from[] = "class=newsletter-signup", to[] = "class='box|newsletter'";
    const char *at = strstr(news_page, from);
    assert_non_null(at);
    char page[sizeof news_page + sizeof to];
    snprintf(page, sizeof page, "%.*s%s%s", (int)(at - news_page), news_page, to, at + strlen(from));
    onr_article *a = extract_with(page, NULL, "https://courier.example/news/harbor");
    assert_true(text_has(a, "The town council approved the harbor plan"));
    assert_false(text_has(a, "Sign up for our morning newsletter"));
    onr_article_free(a);
}

static void captions_go_to_figures(void **state)
{
    (void)state;
    onr_article *a = extract_with(news_page, NULL, "https://courier.example/news/harbor");
    size_t count;
    const onr_block *blocks = onr_article_blocks(a, &count);
    const onr_block *figure = NULL;
    for (size_t i = 0; i < count; i++)
        if (blocks[i].kind == ONR_BLOCK_FIGURE)
            figure = &blocks[i];
    assert_non_null(figure);
    assert_int_equal(figure->image_url.len, strlen("https://courier.example/img/harbor.jpg"));
    assert_memory_equal(figure->image_url.data, "https://courier.example/img/harbor.jpg", figure->image_url.len);
    assert_int_equal(figure->caption.len, strlen("Fishing boats in the old harbor."));
    assert_memory_equal(figure->caption.data, "Fishing boats in the old harbor.", figure->caption.len);
    assert_int_equal(figure->credit.len, strlen("Photo: Ana Ruiz / Courier"));
    assert_memory_equal(figure->alt.data, "The harbor at dawn", figure->alt.len);
    onr_article_free(a);
}

static void comments_kept_apart(void **state)
{
    (void)state;
    onr_options options;
    onr_options_init(&options);
    onr_article *plain = extract_with(news_page, &options, NULL);
    size_t count;
    onr_article_comments(plain, &count);
    assert_int_equal(count, 0);
    onr_article_free(plain);

    options.comments = true;
    onr_article *a = extract_with(news_page, &options, NULL);
    onr_string comments = onr_article_comments_text(a);
    assert_non_null(comments.data);
    assert_non_null(strstr(comments.data, "Finally some progress"));
    assert_false(text_has(a, "Finally some progress"));
    char *out;
    size_t len;
    assert_int_equal(onr_article_render(a, ONR_FORMAT_MARKDOWN, ONR_RENDER_COMMENTS, NULL, &out, &len), ONR_OK);
    assert_non_null(strstr(out, "## Comments"));
    assert_non_null(strstr(out, "I worry about the noise"));
    free(out);
    onr_article_free(a);
}

static void links_are_absolute(void **state)
{
    (void)state;
    const char *page = "<html><head><base href='https://news.example/world/'></head><body><article>"
                       "<p>The report, <a href='../docs/report.pdf'>published on Monday</a>, runs to ninety pages "
                       "and covers every port on the coast, from the largest to the smallest ones.</p>"
                       "<p>Officials said more details would follow <a href='//cdn.example/x'>later</a>, "
                       "once the ministers have read it and agreed on what to do next.</p></article></body></html>";
    onr_article *a = extract_with(page, NULL, "https://news.example/world/story.html");
    size_t count;
    const onr_block *blocks = onr_article_blocks(a, &count);
    assert_true(count >= 2);
    const onr_span *link = NULL;
    for (size_t i = 0; i < blocks[0].span_count; i++)
        if (blocks[0].spans[i].kind == ONR_SPAN_LINK)
            link = &blocks[0].spans[i];
    assert_non_null(link);
    assert_int_equal(link->text.len, strlen("published on Monday"));
    assert_int_equal(link->href.len, strlen("https://news.example/docs/report.pdf"));
    assert_memory_equal(link->href.data, "https://news.example/docs/report.pdf", link->href.len);
    char *out;
    size_t len;
    assert_int_equal(onr_article_render(a, ONR_FORMAT_MARKDOWN, ONR_RENDER_LINKS, NULL, &out, &len), ONR_OK);
    assert_non_null(strstr(out, "[published on Monday](https://news.example/docs/report.pdf)"));
    assert_non_null(strstr(out, "[later](https://cdn.example/x)"));
    free(out);
    onr_article_free(a);
}

static void white_space_as_rendered(void **state)
{
    (void)state;
    const char *page = "<html><body><article><p>\n   Rain   fell <em>all</em>\tnight,<br>  and the river\n"
                       "rose <strong>two metres</strong> by the morning, flooding the lower streets of the town "
                       "and closing the old bridge.</p><pre>  line one\n    line two</pre>"
                       "<p>The next day the water went down again and people began to clear the mud from their "
                       "houses and shops.</p></article></body></html>";
    onr_article *a = extract_with(page, NULL, NULL);
    size_t count;
    const onr_block *blocks = onr_article_blocks(a, &count);
    assert_int_equal(count, 3);
    const char *first = "Rain fell all night,\nand the river rose two metres by the morning, flooding the lower "
                        "streets of the town and closing the old bridge.";
    assert_int_equal(blocks[0].text.len, strlen(first));
    assert_memory_equal(blocks[0].text.data, first, strlen(first));
    assert_int_equal(blocks[0].spans[1].style, ONR_STYLE_EMPHASIS);
    assert_int_equal(blocks[0].spans[3].kind, ONR_SPAN_BREAK);
    assert_int_equal(blocks[1].kind, ONR_BLOCK_PRE);
    assert_memory_equal(blocks[1].text.data, "  line one\n    line two", blocks[1].text.len);
    char *out;
    size_t len;
    assert_int_equal(onr_article_render(a, ONR_FORMAT_MARKDOWN, 0, NULL, &out, &len), ONR_OK);
    assert_non_null(strstr(out, "Rain fell *all* night,  \nand the river rose **two metres** by"));
    free(out);
    onr_article_free(a);
}

static void lists_tables_and_headings(void **state)
{
    (void)state;
    const char *page = "<html><body><article><p>The budget lists three priorities for the coming year, all of them "
                       "agreed by the committee after a long debate.</p><h2>Priorities</h2><ol><li>Roads, "
                       "especially the coast road</li><li>Schools<ul><li>new roofs</li></ul></li><li>Harbor</li></ol>"
                       "<table><tr><th>Item</th><th>Cost</th></tr><tr><td>Roads</td><td>4.1m</td></tr></table>"
                       "<blockquote><p>It is a fair budget for a difficult year, and we will stand by it.</p></blockquote>"
                       "<p>The council will vote on the budget at its next meeting, in two weeks' time.</p>"
                       "</article></body></html>";
    onr_article *a = extract_with(page, NULL, NULL);
    size_t count;
    const onr_block *b = onr_article_blocks(a, &count);
    assert_int_equal(count, 6);
    assert_int_equal(b[1].kind, ONR_BLOCK_HEADING);
    assert_int_equal(b[1].level, 2);
    assert_int_equal(b[2].kind, ONR_BLOCK_LIST);
    assert_true(b[2].ordered);
    assert_int_equal(b[2].child_count, 3);
    assert_int_equal(b[2].children[1].child_count, 1); /* the nested list */
    assert_int_equal(b[3].kind, ONR_BLOCK_TABLE);
    assert_int_equal(b[3].child_count, 2);
    assert_true(b[3].children[0].children[0].header);
    assert_int_equal(b[4].kind, ONR_BLOCK_QUOTE);
    char *out;
    size_t len;
    assert_int_equal(onr_article_render(a, ONR_FORMAT_MARKDOWN, ONR_RENDER_TABLES, NULL, &out, &len), ONR_OK);
    assert_non_null(strstr(out, "## Priorities\n\n1. Roads, especially the coast road\n2. Schools\n   - new roofs\n3. Harbor"));
    assert_non_null(strstr(out, "| Item | Cost |\n| --- | --- |\n| Roads | 4.1m |"));
    assert_non_null(strstr(out, "> It is a fair budget"));
    free(out);
    assert_int_equal(onr_article_render(a, ONR_FORMAT_MARKDOWN, 0, NULL, &out, &len), ONR_OK);
    assert_null(strstr(out, "| Item"));
    free(out);
    onr_article_free(a);
}

static void modes_order_by_length(void **state)
{
    (void)state;
    onr_options options;
    onr_options_init(&options);
    size_t lengths[3];
    const onr_mode modes[3] = {ONR_MODE_PRECISION, ONR_MODE_BALANCED, ONR_MODE_RECALL};
    for (int k = 0; k < 3; k++) {
        options.mode = modes[k];
        onr_article *a = extract_with(news_page, &options, NULL);
        lengths[k] = onr_article_text(a).len;
        assert_true(text_has(a, "The town council approved"));
        onr_article_free(a);
    }
    assert_true(lengths[0] <= lengths[1]);
    assert_true(lengths[1] <= lengths[2]);
}

static void renders_json_and_xml(void **state)
{
    (void)state;
    onr_article *a = extract_with(news_page, NULL, "https://courier.example/news/harbor");
    char *out;
    size_t len;
    assert_int_equal(onr_article_render(a, ONR_FORMAT_JSON, ONR_RENDER_IMAGES, NULL, &out, &len), ONR_OK);
    assert_int_equal(strlen(out), len);
    assert_non_null(strstr(out, "{\"title\":\"Harbor vote passes\",\"author\":\"Mara Lindqvist\",\"authors\":[\"Mara Lindqvist\"]"));
    assert_non_null(strstr(out, "\"hostname\":\"courier.example\""));
    assert_non_null(strstr(out, "\"figures\":[{\"src\":\"https://courier.example/img/harbor.jpg\""));
    assert_null(strchr(out, '\n'));
    free(out);
    assert_int_equal(onr_article_render(a, ONR_FORMAT_XML, 0, NULL, &out, &len), ONR_OK);
    assert_non_null(strstr(out, "<doc title=\"Harbor vote passes\" author=\"Mara Lindqvist\""));
    assert_non_null(strstr(out, "<p>The town council approved"));
    free(out);
    assert_int_equal(onr_article_render(a, ONR_FORMAT_MARKDOWN, ONR_RENDER_METADATA, NULL, &out, &len), ONR_OK);
    assert_memory_equal(out, "# Harbor vote passes\n\nBy Mara Lindqvist\n\n", 41);
    assert_non_null(strstr(out, "\nSource: <https://courier.example/news/harbor>\n"));
    free(out);
    assert_int_equal(onr_article_render(a, ONR_FORMAT_TEXT, 0, NULL, &out, &len), ONR_OK);
    assert_memory_equal(out, "The town council approved", 25);
    free(out);
    onr_article_free(a);
}

static void bad_inputs_have_their_codes(void **state)
{
    (void)state;
    onr_article *a = (onr_article *)1;
    onr_error err;
    assert_int_equal(onr_extract(NULL, "", 0, NULL, 0, &a, &err), ONR_ERR_EMPTY);
    assert_null(a);
    assert_int_equal(onr_extract(NULL, " \n\t ", 4, NULL, 0, &a, &err), ONR_ERR_EMPTY);
    assert_int_equal(onr_extract(NULL, "\x89PNG\r\n\x1a\n\0\0", 10, NULL, 0, &a, &err), ONR_ERR_BINARY);
    assert_int_equal(onr_extract(NULL, "ab\0\0cd", 6, NULL, 0, &a, &err), ONR_ERR_BINARY);
    const char *blank = "<html><body><nav><a href=/>Home</a></nav></body></html>";
    assert_int_equal(onr_extract(NULL, blank, strlen(blank), NULL, 0, &a, &err), ONR_ERR_NO_ARTICLE);
    assert_int_equal(err.status, ONR_ERR_NO_ARTICLE);
    assert_int_equal(onr_extract(NULL, NULL, 3, NULL, 0, &a, &err), ONR_ERR_ARGUMENT);
    onr_options options;
    onr_options_init(&options);
    options.max_page_size = 100;
    onr_context *ctx;
    assert_int_equal(onr_context_new(&options, NULL, &ctx, &err), ONR_OK);
    assert_int_equal(onr_extract(ctx, news_page, strlen(news_page), NULL, 0, &a, &err), ONR_ERR_LIMIT);
    onr_context_free(ctx);
}

static void legacy_charsets_are_decoded(void **state)
{
    (void)state;
    const char *declared = "<html><head><meta charset=windows-1252></head><body><article><p>The caf\xe9 on the "
                           "square reopened on Monday after a long winter, and the owners said business was good "
                           "from the first hour.</p></article></body></html>";
    onr_article *a = extract_with(declared, NULL, NULL);
    assert_true(text_has(a, "The caf\xc3\xa9 on the square"));
    onr_article_free(a);
    const char *undeclared = "<html><body><article><p>Na\xefve readers of the old gazette wrote to the editor "
                             "every week, and the letters page grew until it filled two whole pages.</p>"
                             "</article></body></html>";
    onr_error err;
    const char *type = "text/html; charset=iso-8859-1";
    assert_int_equal(onr_extract_http(NULL, undeclared, strlen(undeclared), type, strlen(type), NULL, 0, &a, &err),
                     ONR_OK);
    assert_true(text_has(a, "Na\xc3\xafve readers"));
    onr_article_free(a);
}

/* Page UTF-8 is checked once on the way through (by the charset step or by the parser): however
 * the encoding is found, an invalid byte comes out as U+FFFD and valid text as it was. */
static void invalid_utf8_becomes_replacement(void **state)
{
    (void)state;
    static const char story[] = "<article><p>Z\xFCrich readers of the old gazette wrote to the editor every week, and "
                                "the letters page grew until it filled two whole pages.</p></article>";
    static const char sniffed[] = "<article><p>Z\xC3\xBCrich readers of the old gazette wrote to the editor\r\nevery "
                                  "week, and the letters page grew until it filled two whole pages.</p></article>";
    const char *http_utf8 = "text/html; charset=utf-8";
    struct {
        const char *prefix, *content_type, *page, *expected;
    } cases[] = {
        {"", http_utf8, story, "Z\xEF\xBF\xBDrich readers"},                     /* HTTP says UTF-8 */
        {"<meta charset=utf-8>", NULL, story, "Z\xEF\xBF\xBDrich readers"},      /* the meta does */
        {"\xEF\xBB\xBF", NULL, story, "Z\xEF\xBF\xBDrich readers"},             /* a BOM does */
        {"", NULL, sniffed, "Z\xC3\xBCrich readers of the old gazette wrote to the editor every week"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char page[512];
        int len = snprintf(page, sizeof page, "%s<html><body>%s</body></html>", cases[i].prefix, cases[i].page);
        const char *type = cases[i].content_type;
        onr_article *a = NULL;
        onr_error err;
        assert_int_equal(onr_extract_http(NULL, page, (size_t)len, type, type ? strlen(type) : 0, NULL, 0, &a, &err),
                         ONR_OK);
        assert_true(text_has(a, cases[i].expected));
        onr_string text = onr_article_text(a);
        assert_int_equal(onr_utf8_valid_prefix(text.data, text.len), text.len);
        onr_article_free(a);
    }
}

/* Hostile shapes stay bounded: deep nesting, a huge list, long runs of links, odd bytes. */
static void hostile_pages_are_bounded(void **state)
{
    (void)state;
    size_t cap = 4 * 1024 * 1024, len = 0;
    char *page = malloc(cap);
    assert_non_null(page);
    len += (size_t)snprintf(page + len, cap - len, "<html><body>");
    for (int i = 0; i < 20000; i++)
        len += (size_t)snprintf(page + len, cap - len, "<div><blockquote><ul><li>");
    len += (size_t)snprintf(page + len, cap - len, "deep text, with commas, that is long enough to count");
    for (int i = 0; i < 30000; i++)
        len += (size_t)snprintf(page + len, cap - len, "<p>Item %d, <a href='/x%d'>link</a>, <em>e</em><br>\xff\xfe</p>", i, i);
    onr_article *a = NULL;
    onr_error err;
    onr_status st = onr_extract(NULL, page, len, "https://example.com/", 20, &a, &err);
    assert_true(st == ONR_OK || st == ONR_ERR_NO_ARTICLE);
    if (a) {
        for (int f = 0; f < 4; f++) {
            char *out;
            size_t out_len;
            assert_int_equal(onr_article_render(a, (onr_format)f, 63, NULL, &out, &out_len), ONR_OK);
            free(out);
        }
        onr_article_free(a);
    }
    free(page);
}

/* ---- allocation failure: fail the Nth allocation for every N ---- */

typedef struct failing_mem {
    long budget; /* allocations left before failing; < 0: never fail */
} failing_mem;

static void *fail_malloc(void *ctx, size_t size)
{
    failing_mem *f = ctx;
    if (f->budget == 0)
        return NULL;
    if (f->budget > 0)
        f->budget--;
    return malloc(size);
}

static void *fail_realloc(void *ctx, void *ptr, size_t size)
{
    failing_mem *f = ctx;
    if (f->budget == 0)
        return NULL;
    if (f->budget > 0)
        f->budget--;
    return realloc(ptr, size);
}

static void fail_free(void *ctx, void *ptr)
{
    (void)ctx;
    free(ptr);
}

static void allocation_failures_are_clean(void **state)
{
    (void)state;
    failing_mem f = {-1};
    onr_mem mem = {fail_malloc, fail_realloc, fail_free, &f};
    onr_options options;
    onr_options_init(&options);
    options.comments = true;
    onr_context *ctx;
    onr_error err;
    assert_int_equal(onr_context_new(&options, &mem, &ctx, &err), ONR_OK);
    bool succeeded = false;
    for (long n = 0; n < 5000 && !succeeded; n++) {
        f.budget = n;
        onr_article *a = NULL;
        onr_status st = onr_extract(ctx, news_page, strlen(news_page), "https://courier.example/", 24, &a, &err);
        if (st == ONR_OK) {
            succeeded = true;
            onr_article_free(a);
        } else {
            assert_int_equal(st, ONR_ERR_NOMEM);
            assert_null(a);
        }
    }
    f.budget = -1;
    assert_true(succeeded);
    onr_context_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(boilerplate_goes_and_story_stays),
        cmocka_unit_test(class_words_split_at_punctuation),
        cmocka_unit_test(captions_go_to_figures),
        cmocka_unit_test(comments_kept_apart),
        cmocka_unit_test(links_are_absolute),
        cmocka_unit_test(white_space_as_rendered),
        cmocka_unit_test(lists_tables_and_headings),
        cmocka_unit_test(modes_order_by_length),
        cmocka_unit_test(renders_json_and_xml),
        cmocka_unit_test(bad_inputs_have_their_codes),
        cmocka_unit_test(legacy_charsets_are_decoded),
        cmocka_unit_test(invalid_utf8_becomes_replacement),
        cmocka_unit_test(hostile_pages_are_bounded),
        cmocka_unit_test(allocation_failures_are_clean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
