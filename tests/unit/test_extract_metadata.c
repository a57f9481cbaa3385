/* Article metadata: date normalization, author clean-up, URL resolution, JSON-LD, and one small
 * page per metadata source. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../support/test_mem.h"
#include "extract/metadata.h"
#include "extract/metadata_parts.h"

/* ---- white space ---- */

static void white_space_collapses(void **state)
{
    (void)state;
    char text[] = "  Pier\t\n vote\xC2\xA0pas\xE2\x80\x8Bses\xE2\x80\x89now\xE3\x80\x80 ";
    size_t len = onr_collapse_space(text, text, strlen(text));
    assert_int_equal(len, 20);
    assert_memory_equal(text, "Pier vote passes now", 20);
    assert_int_equal(onr_collapse_space(text, " \t ", 3), 0);
}

/* ---- dates ---- */

typedef struct date_case {
    const char *input;
    const char *expected; /* "" when no date must be found */
} date_case;

static void dates_normalize_to_iso_8601(void **state)
{
    (void)state;
    static const date_case cases[] = {
        {"2024-11-06", "2024-11-06"},
        {"  2024-11-06  ", "2024-11-06"},
        {"2024-11-06T09:30:00Z", "2024-11-06T09:30:00Z"},
        {"2024-11-06T09:30:00.123+03:00", "2024-11-06T09:30:00+03:00"},
        {"2024-11-06T09:30:00+0300", "2024-11-06T09:30:00+03:00"},
        {"2024-11-06T09:30-05:00", "2024-11-06T09:30:00-05:00"},
        {"2024-11-06T09:30:00", "2024-11-06T09:30:00"},
        {"2024-11-06 09:30:00", "2024-11-06T09:30:00"},
        {"2024-11-06T09:30:00+00:00", "2024-11-06T09:30:00+00:00"},
        {"2024/11/06", "2024-11-06"},
        {"20241106", "2024-11-06"},
        {"2024-1-6", "2024-01-06"},
        {"Wed, 06 Nov 2024 09:30:00 GMT", "2024-11-06T09:30:00Z"},
        {"Wed, 06 Nov 2024 09:30:00 +0100", "2024-11-06T09:30:00+01:00"},
        {"November 06, 2024", "2024-11-06"},
        {"November 6 2024", "2024-11-06"},
        {"Nov. 6, 2024", "2024-11-06"},
        {"Sept 30, 2024", "2024-09-30"},
        {"November 6th, 2024", "2024-11-06"},
        {"6 Nov 2024", "2024-11-06"},
        {"6 November 2024", "2024-11-06"},
        {"06-Nov-2024", "2024-11-06"},
        {"Wednesday, November 6, 2024 at 9:30 pm", "2024-11-06T21:30:00"},
        {"November 6, 2024, 12:05 AM", "2024-11-06T00:05:00"},
        {"November 6, 2024 9:30 UTC", "2024-11-06T09:30:00Z"},
        {"06.11.2024", "2024-11-06"},
        {"11/06/2024", "2024-11-06"},
        {"25/12/2024", "2024-12-25"},
        {"1730885400", "2024-11-06T09:30:00Z"},
        {"6. M\xC3\xA4rz 2024", "2024-03-06"},
        {"6 de noviembre de 2024", "2024-11-06"},
        {"6 novembre 2024 \xC3\xA0 09:30", "2024-11-06"},
        {"06 de novembro de 2024, 09:30", "2024-11-06T09:30:00"},
        {"6 \xD0\xBD\xD0\xBE\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F 2024", "2024-11-06"},
        {"2024\xE5\xB9\xB4" "11\xE6\x9C\x88" "6\xE6\x97\xA5", "2024-11-06"},
        {"2018\xEB\x85\x84 8\xEC\x9B\x94 25\xEC\x9D\xBC", "2018-08-25"},
        {"1730885400000", "2024-11-06T09:30:00Z"},
        {"2024-02-29", "2024-02-29"},
        /* out of range */
        {"2023-02-29", ""},
        {"2024-13-01", ""},
        {"2024-00-10", ""},
        {"2024-04-31", ""},
        {"1850-01-01", ""},
        {"2024-11-06T25:00:00Z", "2024-11-06"},
        {"2024-11-06T09:30:00+15:00", "2024-11-06"},
        {"Smarch 6, 2024", ""},
        {"yesterday", ""},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[EXTRACT_DATE_CAP];
        size_t n = extract_date_normalize(cases[i].input, strlen(cases[i].input), out);
        if (strcmp(out, cases[i].expected) != 0)
            fail_msg("\"%s\": got \"%s\", expected \"%s\"", cases[i].input, out, cases[i].expected);
        assert_int_equal(n, strlen(cases[i].expected));
    }
}

static void dates_are_found_in_running_text(void **state)
{
    (void)state;
    static const date_case cases[] = {
        {"Published November 06, 2024 at 10:15 am", "2024-11-06T10:15:00"},
        {"By Jane Doe | 6 Nov 2024", "2024-11-06"},
        {"Updated: 2024-11-06T09:30:00Z", "2024-11-06T09:30:00Z"},
        {"Posted on 06.11.2024", "2024-11-06"},
        {"Publicado el 6 de noviembre de 2024", "2024-11-06"},
        {"\xD0\x9E\xD0\xBF\xD1\x83\xD0\xB1\xD0\xBB\xD0\xB8\xD0\xBA\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE 6 \xD0\xBD\xD0\xBE\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F 2024", "2024-11-06"},
        {"12 people met in May 2024", ""},
        {"No date here, only 42 numbers", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[EXTRACT_DATE_CAP];
        extract_date_in_text(cases[i].input, strlen(cases[i].input), out, NULL);
        if (strcmp(out, cases[i].expected) != 0)
            fail_msg("\"%s\": got \"%s\", expected \"%s\"", cases[i].input, out, cases[i].expected);
    }
}

static void dates_are_read_from_url_paths(void **state)
{
    (void)state;
    static const date_case cases[] = {
        {"https://news.example/2024/11/06/council-vote", "2024-11-06"},
        {"https://news.example/world/2024-11-06-council-vote.html", "2024-11-06"},
        {"https://news.example/a/20241106/council", "2024-11-06"},
        {"https://news.example/2024_11_06_council", "2024-11-06"},
        {"https://news.example/2024/13/45/not-a-date", ""},
        {"https://news.example/story/123456789012", ""},
        {"https://news.example/story?d=2024/11/06", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[EXTRACT_DATE_CAP];
        extract_date_in_url(cases[i].input, strlen(cases[i].input), out);
        if (strcmp(out, cases[i].expected) != 0)
            fail_msg("\"%s\": got \"%s\", expected \"%s\"", cases[i].input, out, cases[i].expected);
    }
}

/* ---- authors ---- */

typedef struct author_case {
    const char *input;
    const char *expected; /* names joined with "; " */
} author_case;

static void join_names(const extract_names *list, char *out, size_t cap)
{
    out[0] = '\0';
    size_t used = 0;
    for (size_t i = 0; i < list->count; i++) {
        int n = snprintf(out + used, cap - used, "%s%.*s", i ? "; " : "", (int)list->items[i].len,
                         list->items[i].data);
        if (n < 0 || (size_t)n >= cap - used)
            break;
        used += (size_t)n;
    }
}

static void authors_are_cleaned(void **state)
{
    (void)state;
    static const author_case cases[] = {
        {"Jane Doe", "Jane Doe"},
        {"By Jane Doe", "Jane Doe"},
        {"by: Jane Doe", "Jane Doe"},
        {"BY JANE DOE", "Jane Doe"},
        {"Written by Jane Doe", "Jane Doe"},
        {"By Jane Doe and John Roe", "Jane Doe; John Roe"},
        {"Jane Doe, John Roe and Ana Lima", "Jane Doe; John Roe; Ana Lima"},
        {"Jane Doe & John Roe", "Jane Doe; John Roe"},
        {"Jane Doe, Staff Writer", "Jane Doe"},
        {"Jane Doe Senior Political Correspondent", "Jane Doe"},
        {"By Jane Doe, Washington Correspondent", "Jane Doe"},
        {"Jane Doe | November 6, 2024", "Jane Doe"},
        {"By Jane Doe Nov. 6, 2024", "Jane Doe"},
        {"By Jane Doe on November 6, 2024 10:15 am", "Jane Doe"},
        {"By Jane Doe Updated 2 hours ago", "Jane Doe"},
        {"Jane Doe (Reuters)", "Jane Doe"},
        {"Jane Doe jane.doe@news.example", "Jane Doe"},
        {"Jane Doe @janedoe", "Jane Doe"},
        {"@janedoe", ""},
        {"https://www.facebook.com/JaneDoe", ""},
        {"www.news.example/authors/JaneDoe", ""},
        {"Jane Doe is a reporter covering the city council.", "Jane Doe"},
        {"Jane Doe – Reporter", "Jane Doe"},
        {"admin", ""},
        {"Staff", ""},
        {"Jean-Luc Picard", "Jean-Luc Picard"},
        {"Jane Doe and jane doe", "Jane Doe"},
        {"José Álvarez", "José Álvarez"},
        {"Associated Press", "Associated Press"},
        {"TOM ROE, AP Auto Writer", "Tom Roe"},
        {"Jane Doe and John Roe Staff Writers", "Jane Doe; John Roe"},
        {"Jane Doe | 27/09/2018 | Comment | Politics, Local News", "Jane Doe"},
        {"Jane Doe. Harbour Post", "Jane Doe; Harbour Post"},
        {"Sarah E. Needleman", "Sarah E. Needleman"},
        {"Ludwig van Beethoven", "Ludwig van Beethoven"},
        {"The Russian and Syrian defense ministries", "The Russian"},
        {"Jane Doe View More Articles", ""},
        {"Jane Doe for Harbour Post", "Jane Doe"},
        {"Kevin Roe and Ana Lima HARBOUR POST", "Kevin Roe; Ana Lima"},
        {"John Roe III", "John Roe III"},
        {"by Jeff Roe Monday, November 18, 2019", "Jeff Roe"},
        {"Brian May", "Brian May"},
        {"Rachael Roe, MS, RD", "Rachael Roe"},
        {"PTI", "PTI"},
        {"Text: Ana Lima", "Ana Lima"},
        {"\xD0\xA2\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82: Ana Lima", "Ana Lima"},
        {"HPN Editor-at-large", ""},
        {"Jane Doe Editor-at-large", "Jane Doe"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        onr_arena arena;
        onr_arena_init(&arena, NULL, 0);
        extract_names list = {NULL, 0, 0};
        assert_int_equal(extract_authors_add(&list, &arena, cases[i].input, strlen(cases[i].input)), ONR_OK);
        char joined[256];
        join_names(&list, joined, sizeof joined);
        if (strcmp(joined, cases[i].expected) != 0)
            fail_msg("\"%s\": got \"%s\", expected \"%s\"", cases[i].input, joined, cases[i].expected);
        onr_arena_free(&arena);
    }
}

static void name_lists_skip_duplicates_and_split_keywords(void **state)
{
    (void)state;
    onr_arena arena;
    onr_arena_init(&arena, NULL, 0);
    extract_names list = {NULL, 0, 0};
    const char *keywords = " Politics, harbour;  city council ,politics,, ";
    assert_int_equal(extract_names_add_split(&list, &arena, keywords, strlen(keywords)), ONR_OK);
    char joined[256];
    join_names(&list, joined, sizeof joined);
    assert_string_equal(joined, "Politics; harbour; city council");
    for (int i = 0; i < 100; i++) {
        char tag[16];
        int n = snprintf(tag, sizeof tag, "tag%d", i);
        assert_int_equal(extract_names_add(&list, &arena, tag, (size_t)n), ONR_OK);
    }
    assert_int_equal(list.count, EXTRACT_NAMES_MAX);
    onr_arena_free(&arena);
}

/* ---- URLs ---- */

typedef struct url_case {
    const char *href;
    const char *expected;
} url_case;

static void check_urls(const char *base, const url_case *cases, size_t count)
{
    onr_arena arena;
    onr_arena_init(&arena, NULL, 0);
    for (size_t i = 0; i < count; i++) {
        onr_string got = extract_resolve_url(&arena, base, strlen(base), cases[i].href, strlen(cases[i].href));
        assert_non_null(got.data);
        if (got.len != strlen(cases[i].expected) || memcmp(got.data, cases[i].expected, got.len) != 0)
            fail_msg("\"%s\" against \"%s\": got \"%.*s\", expected \"%s\"", cases[i].href, base, (int)got.len,
                     got.data, cases[i].expected);
    }
    onr_arena_free(&arena);
}

/* RFC 3986 section 5.4: the normal and abnormal examples (strict parser). */
static void urls_resolve_as_rfc_3986_examples(void **state)
{
    (void)state;
    static const url_case cases[] = {
        {"g:h", "g:h"},
        {"g", "http://a/b/c/g"},
        {"./g", "http://a/b/c/g"},
        {"g/", "http://a/b/c/g/"},
        {"/g", "http://a/g"},
        {"//g", "http://g"},
        {"?y", "http://a/b/c/d;p?y"},
        {"g?y", "http://a/b/c/g?y"},
        {"#s", "http://a/b/c/d;p?q#s"},
        {"g#s", "http://a/b/c/g#s"},
        {"g?y#s", "http://a/b/c/g?y#s"},
        {";x", "http://a/b/c/;x"},
        {"g;x", "http://a/b/c/g;x"},
        {"g;x?y#s", "http://a/b/c/g;x?y#s"},
        {"", "http://a/b/c/d;p?q"},
        {".", "http://a/b/c/"},
        {"./", "http://a/b/c/"},
        {"..", "http://a/b/"},
        {"../", "http://a/b/"},
        {"../g", "http://a/b/g"},
        {"../..", "http://a/"},
        {"../../", "http://a/"},
        {"../../g", "http://a/g"},
        {"../../../g", "http://a/g"},
        {"../../../../g", "http://a/g"},
        {"/./g", "http://a/g"},
        {"/../g", "http://a/g"},
        {"g.", "http://a/b/c/g."},
        {".g", "http://a/b/c/.g"},
        {"g..", "http://a/b/c/g.."},
        {"..g", "http://a/b/c/..g"},
        {"./../g", "http://a/b/g"},
        {"./g/.", "http://a/b/c/g/"},
        {"g/./h", "http://a/b/c/g/h"},
        {"g/../h", "http://a/b/c/h"},
        {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
        {"g;x=1/../y", "http://a/b/c/y"},
        {"g?y/./x", "http://a/b/c/g?y/./x"},
        {"g?y/../x", "http://a/b/c/g?y/../x"},
        {"g#s/./x", "http://a/b/c/g#s/./x"},
        {"g#s/../x", "http://a/b/c/g#s/../x"},
        {"http:g", "http:g"},
    };
    check_urls("http://a/b/c/d;p?q", cases, sizeof cases / sizeof *cases);
}

static void urls_get_browser_leniencies(void **state)
{
    (void)state;
    static const url_case cases[] = {
        {"  /news/story.html \n", "https://news.example/news/story.html"},
        {"/news/\tstory\n.html", "https://news.example/news/story.html"},
        {"\\images\\photo.jpg", "https://news.example/images/photo.jpg"},
        {"//cdn.example/img.jpg", "https://cdn.example/img.jpg"},
        {"HTTPS://Other.example/a/../b", "HTTPS://Other.example/b"},
        {"javascript:void(0)", "javascript:void(0)"},
        {"data:image/gif;base64,R0lGOD", "data:image/gif;base64,R0lGOD"},
        {"mailto:desk@news.example", "mailto:desk@news.example"},
        {"photo.jpg?w=800&h=600", "https://news.example/world/photo.jpg?w=800&h=600"},
    };
    check_urls("https://news.example/world/story", cases, sizeof cases / sizeof *cases);
    static const url_case no_base[] = {{" story.html ", "story.html"}, {"/a/../b", "/a/../b"}};
    check_urls("", no_base, 2);
    static const url_case root_base[] = {{"story.html", "https://news.example/story.html"}};
    check_urls("https://news.example", root_base, 1);
}

/* ---- JSON-LD ---- */

static onr_string read_jsonld(onr_arena *arena, extract_jsonld *info, extract_names *warnings, const char *json)
{
    memset(info, 0, sizeof *info);
    memset(warnings, 0, sizeof *warnings);
    assert_int_equal(extract_jsonld_read(json, strlen(json), 100, arena, info, warnings), ONR_OK);
    return info->article.headline;
}

static void assert_str(onr_string got, const char *expected)
{
    if (!expected) {
        if (got.data)
            fail_msg("expected nothing, got \"%.*s\"", (int)got.len, got.data);
        return;
    }
    if (!got.data)
        fail_msg("expected \"%s\", got nothing", expected);
    if (got.len != strlen(expected) || memcmp(got.data, expected, got.len) != 0)
        fail_msg("expected \"%s\", got \"%.*s\"", expected, (int)got.len, got.data);
}

static void assert_names(const extract_names *list, const char *expected)
{
    char joined[512];
    join_names(list, joined, sizeof joined);
    assert_string_equal(joined, expected);
}

static void jsonld_reads_a_news_article(void **state)
{
    (void)state;
    onr_arena arena;
    onr_arena_init(&arena, NULL, 0);
    extract_jsonld info;
    extract_names warnings;
    read_jsonld(&arena, &info, &warnings,
                "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
                "\"headline\":\"Harbour  council &amp; mayor agree\",\"datePublished\":\"2024-11-06T09:30:00+03:00\","
                "\"dateModified\":\"2024-11-07\",\"inLanguage\":\"en-GB\",\"description\":\"A vote.\","
                "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"},\"By John Roe\","
                "{\"@type\":\"Organization\",\"name\":\"Harbour Post\"}],"
                "\"articleSection\":[\"Local\",\"Politics\"],\"keywords\":\"harbour, council\","
                "\"mainEntityOfPage\":{\"@id\":\"https://post.example/harbour\"},"
                "\"publisher\":{\"@type\":\"NewsMediaOrganization\",\"name\":\"Harbour Post\"},"
                "\"image\":{\"@type\":\"ImageObject\",\"url\":\"https://post.example/a.jpg\",\"width\":1200,"
                "\"height\":\"800\",\"caption\":\"The council chamber.\",\"creditText\":\"Ana Lima / Harbour Post\"}}");
    assert_true(info.found_article);
    assert_str(info.article.headline, "Harbour council & mayor agree");
    assert_str(info.article.date_published, "2024-11-06T09:30:00+03:00");
    assert_str(info.article.date_modified, "2024-11-07");
    assert_str(info.article.language, "en-GB");
    assert_str(info.article.description, "A vote.");
    assert_str(info.article.url, "https://post.example/harbour");
    assert_str(info.publisher, "Harbour Post");
    assert_names(&info.persons, "Jane Doe; John Roe");
    assert_names(&info.organizations, "Harbour Post");
    assert_names(&info.sections, "Local; Politics");
    assert_names(&info.keywords, "harbour; council");
    assert_str(info.article.image_url, "https://post.example/a.jpg");
    assert_str(info.article.image_caption, "The council chamber.");
    assert_str(info.article.image_credit, "Ana Lima / Harbour Post");
    assert_int_equal(info.article.image_width, 1200);
    assert_int_equal(info.article.image_height, 800);
    assert_int_equal(warnings.count, 0);
    onr_arena_free(&arena);
}

static void jsonld_follows_graph_and_references(void **state)
{
    (void)state;
    onr_arena arena;
    onr_arena_init(&arena, NULL, 0);
    extract_jsonld info;
    extract_names warnings;
    read_jsonld(&arena, &info, &warnings,
                "<!-- {\"@context\":\"https://schema.org\",\"@graph\":["
                "{\"@type\":\"WebSite\",\"@id\":\"#site\",\"name\":\"The Harbour Post\"},"
                "{\"@type\":\"WebPage\",\"@id\":\"#page\",\"name\":\"Council vote - The Harbour Post\","
                "\"url\":\"https://post.example/vote\",\"datePublished\":\"2024-11-01\"},"
                "{\"@type\":[\"ReportageNewsArticle\",\"schema:Thing\"],\"headline\":\"Council vote\","
                "\"author\":{\"@id\":\"#p1\"},\"image\":[\"https://post.example/1.jpg\",\"https://post.example/2.jpg\"],"
                "\"inLanguage\":{\"@type\":\"Language\",\"name\":\"English\",\"alternateName\":\"en\"},"
                "\"keywords\":[\"harbour\",\"vote\"],\"articleSection\":\"Local\"},"
                "{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Ana Lima\"},"
                "{\"@type\":\"ImageObject\",\"url\":\"https://post.example/logo.png\"}]} -->");
    assert_str(info.article.headline, "Council vote");
    assert_str(info.page.headline, "Council vote - The Harbour Post");
    assert_str(info.page.url, "https://post.example/vote");
    assert_str(info.page.date_published, "2024-11-01");
    assert_str(info.article.date_published, NULL);
    assert_str(info.site_name, "The Harbour Post");
    assert_str(info.article.language, "en");
    assert_str(info.article.image_url, "https://post.example/1.jpg");
    assert_names(&info.persons, "Ana Lima");
    assert_names(&info.keywords, "harbour; vote");
    assert_names(&info.sections, "Local");
    onr_arena_free(&arena);
}

static void jsonld_image_credit_from_copyright_holder_and_blog_posting(void **state)
{
    (void)state;
    onr_arena arena;
    onr_arena_init(&arena, NULL, 0);
    extract_jsonld info;
    extract_names warnings;
    read_jsonld(&arena, &info, &warnings,
                "[{\"@type\":\"BlogPosting\",\"name\":\"Notes from the harbour\",\"author\":\"Jane Doe, John Roe\","
                "\"image\":{\"@type\":\"ImageObject\",\"contentUrl\":\"/img/boats.jpg\","
                "\"copyrightHolder\":{\"@type\":\"Organization\",\"name\":\"Harbour Photo Agency\"}}}]");
    assert_str(info.article.headline, "Notes from the harbour");
    assert_names(&info.persons, "Jane Doe; John Roe");
    assert_str(info.article.image_url, "/img/boats.jpg");
    assert_str(info.article.image_credit, "Harbour Photo Agency");
    read_jsonld(&arena, &info, &warnings,
                "{\"@type\":\"Article\",\"image\":{\"@type\":\"ImageObject\",\"url\":\"/a.jpg\","
                "\"author\":{\"@type\":\"Person\",\"name\":\"Ana Lima\"}}}");
    assert_str(info.article.image_credit, "Ana Lima");
    onr_arena_free(&arena);
}

static void broken_jsonld_is_ignored_with_a_warning(void **state)
{
    (void)state;
    onr_arena arena;
    onr_arena_init(&arena, NULL, 0);
    extract_jsonld info;
    extract_names warnings;
    onr_string headline = read_jsonld(&arena, &info, &warnings, "{\"@type\":\"NewsArticle\",\"headline\":\"Cut");
    assert_null(headline.data);
    assert_false(info.found_article);
    assert_int_equal(warnings.count, 1);
    assert_true(strncmp(warnings.items[0].data, "ignored broken JSON-LD at byte ", 31) == 0);
    onr_arena_free(&arena);
}

static void jsonld_with_raw_line_breaks_is_read(void **state)
{
    (void)state;
    onr_arena arena;
    onr_arena_init(&arena, NULL, 0);
    extract_jsonld info;
    extract_names warnings;
    onr_string headline = read_jsonld(&arena, &info, &warnings,
                                      "{\"@type\":\"NewsArticle\",\"headline\":\"Pier\n\tvote\"}");
    assert_str(headline, "Pier vote");
    assert_int_equal(warnings.count, 0);
    onr_arena_free(&arena);
}

static void deep_jsonld_is_bounded(void **state)
{
    (void)state;
    char json[8192];
    size_t n = 0;
    for (int i = 0; i < 1000; i++)
        json[n++] = '[';
    for (int i = 0; i < 1000; i++)
        json[n++] = ']';
    json[n] = '\0';
    onr_arena arena;
    onr_arena_init(&arena, NULL, 0);
    extract_jsonld info;
    extract_names warnings;
    read_jsonld(&arena, &info, &warnings, json);
    assert_false(info.found_article);
    onr_arena_free(&arena);
}

/* ---- titles, languages, captions (pure) ---- */

typedef struct strip_case {
    const char *title;
    const char *site;
    bool guess;
    const char *expected;
} strip_case;

static void titles_lose_the_site_name(void **state)
{
    (void)state;
    static const strip_case cases[] = {
        {"Vote passes | Harbour Post", "Harbour Post", false, "Vote passes"},
        {"Vote passes - Harbour Post", "Harbour Post", false, "Vote passes"},
        {"Vote passes \xE2\x80\x93 The Harbour Post", "Harbour Post", false, "Vote passes"},
        {"Vote passes :: Harbour Post", "Harbour Post", false, "Vote passes"},
        {"Vote passes | harbourpost.example", "harbourpost.example", true, "Vote passes"},
        {"Harbour Post | Vote passes on the new pier", "Harbour Post", false, "Vote passes on the new pier"},
        {"Officials hope for a deal \xE2\x80\x93 and Europe", "Harbour Post", false,
         "Officials hope for a deal \xE2\x80\x93 and Europe"},
        {"The council votes on the pier plan - HPN", "news.example", true, "The council votes on the pier plan"},
        {"A vote - and then a long night", "news.example", true, "A vote - and then a long night"},
        {"No separator here", "Harbour Post", false, "No separator here"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        onr_string got = extract_title_strip_site(cases[i].title, strlen(cases[i].title), cases[i].site,
                                                  strlen(cases[i].site), cases[i].guess);
        if (got.len != strlen(cases[i].expected) || memcmp(got.data, cases[i].expected, got.len) != 0)
            fail_msg("\"%s\": got \"%.*s\", expected \"%s\"", cases[i].title, (int)got.len, got.data,
                     cases[i].expected);
    }
    const char *curly = "\xE2\x80\x9CIt\xE2\x80\x99s done,\xE2\x80\x9D she said";
    const char *straight = "\"It's done\" she said!";
    assert_true(extract_same_text(curly, strlen(curly), straight, strlen(straight)));
    assert_false(extract_same_text("Vote passes", 11, "Vote fails", 10));
}

static void languages_are_normalized(void **state)
{
    (void)state;
    static const date_case cases[] = {
        {"en", "en"}, {"EN-us", "en-US"}, {"en_GB", "en-GB"}, {"zh-hant-tw", "zh-Hant-TW"},
        {" fr, en", "fr"}, {"de-DE-1996", "de-DE-1996"}, {"english", ""}, {"e", ""}, {"", ""}, {"12", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[40];
        size_t n = extract_language_normalize(cases[i].input, strlen(cases[i].input), out);
        if (n != strlen(cases[i].expected) || (n && strcmp(out, cases[i].expected) != 0))
            fail_msg("\"%s\": got \"%.*s\", expected \"%s\"", cases[i].input, (int)n, out, cases[i].expected);
    }
}

static void credits_lose_their_labels(void **state)
{
    (void)state;
    static const date_case cases[] = {
        {"Image copyright Getty Images", "Getty Images"},
        {"(Reed Roe / Harbour Press)", "Reed Roe / Harbour Press"},
        {"Photo: Ana Lima", "Ana Lima"},
        {"Photograph by Ana Lima", "Ana Lima"},
        {"Image via Harbour Archive", "Harbour Archive"},
        {"[File: Harbour Archive]", "Harbour Archive"},
        {"Evan Vucci / AP / TASS", "Evan Vucci / AP / TASS"},
        {"\xC2\xA9 Harbour Archive", "\xC2\xA9 Harbour Archive"},
        {"Photo", "Photo"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_str(extract_credit_clean((onr_string){cases[i].input, strlen(cases[i].input)}), cases[i].expected);
    static const date_case captions[] = {
        {"Boats at dawn. Photograph:", "Boats at dawn."},
        {"Boats at dawn.Photograph by", "Boats at dawn."},
        {"Boats at telephoto:", "Boats at telephoto:"},
        {"Boats at dawn", "Boats at dawn"},
    };
    for (size_t i = 0; i < sizeof captions / sizeof *captions; i++)
        assert_str(extract_caption_trim_marker((onr_string){captions[i].input, strlen(captions[i].input)}),
                   captions[i].expected);
}

static void captions_give_up_their_credit(void **state)
{
    (void)state;
    static const struct {
        const char *caption, *text, *credit;
    } cases[] = {
        {"Boats at dawn. Photo: Ana Lima / Harbour Post", "Boats at dawn.", "Ana Lima / Harbour Post"},
        {"Boats at dawn (Photo by Ana Lima)", "Boats at dawn", "Ana Lima"},
        {"Boats at dawn. Credit: Harbour Archive", "Boats at dawn.", "Harbour Archive"},
        {"Photograph: Ana Lima | Boats at dawn", "Boats at dawn", "Ana Lima"},
        {"Boats at dawn.", "Boats at dawn.", NULL},
        {"Boats at dawn, Tuesday, Nov. 19, 2024. (AP Photo/Ana Lima)", "Boats at dawn, Tuesday, Nov. 19, 2024.",
         "AP Photo/Ana Lima"},
        {"Boats at dawn (Reed Roe / Harbour Press)", "Boats at dawn", "Reed Roe / Harbour Press"},
        {"Boats at dawn (left to right)", "Boats at dawn (left to right)", NULL},
        {"Boats at dawn [File: Harbour Archive]", "Boats at dawn", "File: Harbour Archive"},
        {"Image: Boats leave the harbour at dawn for the last time this season", 
         "Image: Boats leave the harbour at dawn for the last time this season", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        onr_string text, credit;
        bool found = extract_caption_split_credit(cases[i].caption, strlen(cases[i].caption), &text, &credit);
        assert_int_equal(found, cases[i].credit != NULL);
        assert_str(text, cases[i].text);
        assert_str(credit, cases[i].credit);
    }
}

/* ---- pages: one small page per metadata source ---- */

typedef enum field {
    F_NONE, F_TITLE, F_HEADLINE_NODE, F_AUTHORS, F_BYLINE_NODE, F_PUBLISHED, F_MODIFIED, F_SITENAME,
    F_PUBLISHER, F_URL, F_LANGUAGE, F_DESCRIPTION, F_SECTION, F_TAGS, F_CATEGORIES, F_IMAGE, F_CAPTION,
    F_CREDIT, F_ALT, F_WIDTH, F_WARNINGS
} field;

typedef struct check {
    field field;
    const char *expected; /* NULL: absent; for nodes, the node's text */
} check;

typedef struct page_case {
    const char *name;
    const char *url;
    const char *html;
    check checks[5];
} page_case;

static void join_strings(const onr_string *items, size_t count, char *out, size_t cap)
{
    extract_names list = {(onr_string *)items, count, count};
    join_names(&list, out, cap);
}

static const char *field_value(const extract_metadata *m, field f, char *buf, size_t cap)
{
    const onr_string *s = NULL;
    const onr_node *node = NULL;
    switch (f) {
    case F_TITLE: s = &m->title; break;
    case F_SITENAME: s = &m->sitename; break;
    case F_PUBLISHER: s = &m->publisher; break;
    case F_URL: s = &m->url; break;
    case F_LANGUAGE: s = &m->language; break;
    case F_DESCRIPTION: s = &m->description; break;
    case F_SECTION: s = &m->section; break;
    case F_PUBLISHED: s = &m->date_published; break;
    case F_MODIFIED: s = &m->date_modified; break;
    case F_IMAGE: s = &m->image.url; break;
    case F_CAPTION: s = &m->image.caption; break;
    case F_CREDIT: s = &m->image.credit; break;
    case F_ALT: s = &m->image.alt; break;
    case F_AUTHORS: join_strings(m->authors, m->author_count, buf, cap); return m->author_count ? buf : NULL;
    case F_TAGS: join_strings(m->tags, m->tag_count, buf, cap); return m->tag_count ? buf : NULL;
    case F_CATEGORIES: join_strings(m->categories, m->category_count, buf, cap); return m->category_count ? buf : NULL;
    case F_WARNINGS: join_strings(m->warnings, m->warning_count, buf, cap); return m->warning_count ? buf : NULL;
    case F_WIDTH: snprintf(buf, cap, "%ux%u", m->image.width, m->image.height); return buf;
    case F_HEADLINE_NODE: node = m->headline_node; break;
    case F_BYLINE_NODE: node = m->byline_node; break;
    case F_NONE: return NULL;
    }
    if (s) {
        if (!s->data)
            return NULL;
        snprintf(buf, cap, "%.*s", (int)s->len, s->data);
        return buf;
    }
    if (!node)
        return NULL;
    onr_node_text(node, buf, cap);
    return buf;
}

static void check_page(const page_case *pc)
{
    onr_document *doc = NULL;
    assert_int_equal(onr_html_parse(pc->html, strlen(pc->html), NULL, NULL, &doc, NULL), ONR_OK);
    onr_arena arena;
    onr_arena_init(&arena, NULL, 0);
    extract_metadata meta;
    const char *url = pc->url ? pc->url : "";
    assert_int_equal(extract_metadata_read(doc, url, strlen(url), &arena, &meta), ONR_OK);
    for (size_t i = 0; i < sizeof pc->checks / sizeof *pc->checks && pc->checks[i].field != F_NONE; i++) {
        char buf[512];
        const char *got = field_value(&meta, pc->checks[i].field, buf, sizeof buf);
        const char *expected = pc->checks[i].expected;
        bool ok = expected ? got && (pc->checks[i].field == F_WARNINGS ? strstr(got, expected) != NULL
                                                                         : strcmp(got, expected) == 0)
                           : got == NULL;
        if (!ok)
            fail_msg("page \"%s\", check %zu: got \"%s\", expected \"%s\"", pc->name, i, got ? got : "(none)",
                     expected ? expected : "(none)");
    }
    onr_arena_free(&arena);
    onr_document_free(doc);
}

#define LD(json) "<script type=\"application/ld+json\">" json "</script>"

static const page_case headline_pages[] = {
    {"h1 agreeing with og:title", NULL,
     "<title>Pier vote passes | Harbour Post</title><meta property=og:title content='Pier vote passes'>"
     "<meta property=og:site_name content='Harbour Post'><h1>Site menu</h1><article><h1>Pier  vote passes</h1></article>",
     {{F_TITLE, "Pier vote passes"}, {F_HEADLINE_NODE, "Pier  vote passes"}}},
    {"title with the site suffix", NULL,
     "<title>Pier vote passes - Harbour Post</title><meta property=og:site_name content='Harbour Post'><p>x",
     {{F_TITLE, "Pier vote passes"}, {F_HEADLINE_NODE, NULL}}},
    {"title with an en dash suffix", NULL,
     "<title>Pier vote passes \xE2\x80\x93 Harbour Post</title><meta name=application-name content='Harbour Post'>",
     {{F_TITLE, "Pier vote passes"}}},
    {"title with a :: suffix and the host as site", "https://harbourpost.example/a",
     "<title>Pier vote passes :: Harbour Post</title>", {{F_TITLE, "Pier vote passes"}}},
    {"twitter:title", NULL, "<meta name=twitter:title content='Pier vote passes'><title>Home</title>",
     {{F_TITLE, "Pier vote passes"}}},
    {"JSON-LD headline over og:title", NULL,
     LD("{\"@type\":\"NewsArticle\",\"headline\":\"Council approves the pier\"}")
     "<meta property=og:title content='Pier vote: what you need to know'><h1>Breaking</h1>",
     {{F_TITLE, "Council approves the pier"}, {F_HEADLINE_NODE, NULL}}},
    {"h1 agreeing with the JSON-LD name of a WebPage", NULL,
     LD("{\"@type\":\"WebPage\",\"name\":\"Council approves the pier | Harbour Post\"}")
     "<meta property=og:site_name content='Harbour Post'><main><h1>Council approves the pier</h1></main>",
     {{F_TITLE, "Council approves the pier"}, {F_HEADLINE_NODE, "Council approves the pier"}}},
    {"h1 that is most of og:title", NULL,
     "<meta property=og:title content='Opinion | Republicans follow the mayor'><h1><span>Republicans follow the mayor</span></h1>",
     {{F_TITLE, "Republicans follow the mayor"}, {F_HEADLINE_NODE, "Republicans follow the mayor"}}},
    {"site-name h1 does not agree", NULL,
     "<meta property=og:site_name content='Harbour Post'><title>Vote | Harbour Post</title><h1>Harbour Post</h1>",
     {{F_TITLE, "Vote"}, {F_HEADLINE_NODE, NULL}}},
    {"title suffix matching the host's label", "https://www.vortexcannon.example/a",
     "<title>About bugs \xE2\x80\x93 Vortex Cannon Entertainment</title>", {{F_TITLE, "About bugs"}}},
    {"itemprop=headline", NULL,
     "<meta property=og:title content='Pier vote passes'><div class=title><h2 itemprop=headline>Pier vote passes</h2></div>",
     {{F_TITLE, "Pier vote passes"}, {F_HEADLINE_NODE, "Pier vote passes"}}},
    {"h1 only", NULL, "<article><h1> Council approves\nthe pier </h1><p>Text.</p></article>",
     {{F_TITLE, "Council approves the pier"}, {F_HEADLINE_NODE, " Council approves\nthe pier "}}},
};

static const page_case author_pages[] = {
    {"JSON-LD author over meta", NULL,
     LD("{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":"
        "\"Person\",\"name\":\"Ana Lima\"},{\"@type\":\"Person\",\"name\":\"John Roe\"}]}]}")
     "<meta name=author content='Harbour Post Staff'>",
     {{F_AUTHORS, "Ana Lima; John Roe"}}},
    {"meta name=author", NULL, "<meta name=author content='By Jane Doe and John Roe'>",
     {{F_AUTHORS, "Jane Doe; John Roe"}}},
    {"article:author as a URL, name from the byline", NULL,
     "<meta property=article:author content='https://social.example/janedoe'>"
     "<article><h1>Pier</h1><div class=\"article-byline\">By <a href=/jane>Jane Doe</a><time>Nov 6, 2024</time></div><p>Text</p></article>",
     {{F_AUTHORS, "Jane Doe"}, {F_BYLINE_NODE, "By Jane DoeNov 6, 2024"}, {F_PUBLISHED, "2024-11-06"}}},
    {"rel=author links", NULL,
     "<article><p>Story by <a rel=author href=/a>Ana Lima</a> and <a rel=\"author external\" href=/b>John Roe</a></p></article>",
     {{F_AUTHORS, "Ana Lima; John Roe"}, {F_BYLINE_NODE, "Story by Ana Lima and John Roe"}}},
    {"itemprop=author with a nested name", NULL,
     "<article><span itemprop=author itemscope><span itemprop=name>Ana Lima</span></span>"
     "<p>Text</p></article>",
     {{F_AUTHORS, "Ana Lima"}, {F_BYLINE_NODE, "Ana Lima"}}},
    {"byline with roles, handles and a date", NULL,
     "<body><p class=author-byline>BY JANE DOE, STAFF WRITER &amp; John Roe @jroe | Updated November 6, 2024</p>",
     {{F_AUTHORS, "Jane Doe; John Roe"}, {F_PUBLISHED, NULL}, {F_MODIFIED, "2024-11-06"}}},
    {"byline next to a headline above the article", NULL,
     "<meta name=author content='Jane Doe'><meta property=og:title content='Pier vote'><div class=top><header><h1>Pier vote</h1></header>"
     "<div class='byline flex'><a class=author href=/jd>Jane Doe</a><span class=byline-date>November 19, 2019</span>"
     "</div></div><article><p>Text</p></article>",
     {{F_AUTHORS, "Jane Doe"}, {F_BYLINE_NODE, "Jane DoeNovember 19, 2019"}, {F_PUBLISHED, "2019-11-19"}}},
    {"teaser articles after a headline outside them", NULL,
     "<body><h1>Pier vote</h1><div class=byline>By Jane Doe</div><p>Text</p>"
     "<article class=related><h2>Other story</h2><span class=author>Teaser Person</span></article>",
     {{F_AUTHORS, "Jane Doe"}, {F_BYLINE_NODE, "By Jane Doe"}, {F_TITLE, "Pier vote"}}},
    {"comment authors are not bylines", NULL,
     "<article><p>Text</p><div class=comment-author>Troll Person</div></article>", {{F_AUTHORS, NULL}}},
    {"JSON-LD creator", NULL, LD("{\"@type\":\"BlogPosting\",\"creator\":[\"Ana Lima\"]}"),
     {{F_AUTHORS, "Ana Lima"}}},
    {"JSON-LD organization as the last resort", NULL,
     LD("{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Organization\",\"name\":\"Harbour Post\"}}"),
     {{F_AUTHORS, "Harbour Post"}}},
};

static const page_case date_pages[] = {
    {"JSON-LD dates", NULL,
     LD("{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-11-06T09:30:00+03:00\",\"dateModified\":\"2024-11-07T10:00:00Z\"}")
     "<meta property=article:published_time content=2020-01-01>",
     {{F_PUBLISHED, "2024-11-06T09:30:00+03:00"}, {F_MODIFIED, "2024-11-07T10:00:00Z"}}},
    {"Open Graph article times", NULL,
     "<meta property=article:published_time content='2024-11-06T09:30:00.000Z'>"
     "<meta property=article:modified_time content='2024-11-06T11:00:00+0100'>",
     {{F_PUBLISHED, "2024-11-06T09:30:00Z"}, {F_MODIFIED, "2024-11-06T11:00:00+01:00"}}},
    {"meta date", NULL, "<meta name=date content='2024-11-06'>", {{F_PUBLISHED, "2024-11-06"}}},
    {"meta pubdate", NULL, "<meta name=pubdate content='20241106'>", {{F_PUBLISHED, "2024-11-06"}}},
    {"meta DC.date.issued", NULL, "<meta name=DC.date.issued content='2024-11-06'>", {{F_PUBLISHED, "2024-11-06"}}},
    {"meta parsely-pub-date", NULL, "<meta name=parsely-pub-date content='2024-11-06T09:30:00Z'>",
     {{F_PUBLISHED, "2024-11-06T09:30:00Z"}}},
    {"meta sailthru.date", NULL, "<meta name=sailthru.date content='Wed, 06 Nov 2024 09:30:00 GMT'>",
     {{F_PUBLISHED, "2024-11-06T09:30:00Z"}}},
    {"og:updated_time", NULL, "<meta property=og:updated_time content=1730885400>",
     {{F_MODIFIED, "2024-11-06T09:30:00Z"}}},
    {"a better key wins over an earlier weaker one", NULL,
     "<meta name=date content=2020-01-01><meta property=article:published_time content=2024-11-06>",
     {{F_PUBLISHED, "2024-11-06"}}},
    {"an invalid meta date falls through", NULL,
     "<meta property=article:published_time content='soon'><meta name=dc.date content=2024-11-06>",
     {{F_PUBLISHED, "2024-11-06"}}},
    {"time pubdate", NULL, "<body><time datetime=2024-10-01>Oct 1</time><time pubdate datetime='2024-11-06T09:30'>x</time>",
     {{F_PUBLISHED, "2024-11-06T09:30:00"}}},
    {"itemprop datePublished and dateModified", NULL,
     "<body><span itemprop=datePublished content=2024-11-06>6 Nov</span><time itemprop=dateModified>7 November 2024</time>",
     {{F_PUBLISHED, "2024-11-06"}, {F_MODIFIED, "2024-11-07"}}},
    {"URL pattern", "https://news.example/world/2024/11/06/pier-vote", "<p>Text</p>", {{F_PUBLISHED, "2024-11-06"}}},
    {"first time in the article", NULL, "<article><time datetime=2024-11-06>Wednesday</time><p>Text</p></article>",
     {{F_PUBLISHED, "2024-11-06"}}},
    {"visible dateline", NULL, "<article><h1>Pier</h1><div class=dateline>November 06, 2024</div><p>Text</p></article>",
     {{F_PUBLISHED, "2024-11-06"}, {F_MODIFIED, NULL}}},
    {"date in a title attribute", NULL,
     "<article><span class=published title='2024-11-06 17:19:53 GMT'>2 hours ago</span><p>Text</p></article>",
     {{F_PUBLISHED, "2024-11-06T17:19:53Z"}}},
    {"time outside the article", NULL,
     "<body><div><time datetime=2024-11-06T09:30:00Z>1 day ago</time></div><article><p>Text</p></article>",
     {{F_PUBLISHED, "2024-11-06T09:30:00Z"}}},
    {"dateline with an update first", NULL,
     "<article><div class=dates>Updated: Nov 20, 2019 01:41 PM | Published on Nov 20, 2019 01:38 pm</div><p>x</p></article>",
     {{F_PUBLISHED, "2019-11-20T13:38:00"}, {F_MODIFIED, "2019-11-20T13:41:00"}}},
    {"time marked as the update", NULL,
     "<article><time class=updated datetime=2024-11-07>7 Nov</time><time class=published datetime=2024-11-06>"
     "6 Nov</time><p>x</p></article>",
     {{F_PUBLISHED, "2024-11-06"}, {F_MODIFIED, "2024-11-07"}}},
    {"time marked both published and updated", NULL,
     "<article><time class='entry-date published updated' datetime=2024-11-06T08:00:00+00:00>6 Nov</time>"
     "<p>x</p></article>",
     {{F_PUBLISHED, "2024-11-06T08:00:00+00:00"}}},
    {"no date", NULL, "<article><p>Text from 2024 about 12 boats</p></article>", {{F_PUBLISHED, NULL}}},
};

static const page_case site_pages[] = {
    {"og:site_name", "https://www.news.example/a", "<meta property=og:site_name content=' Harbour  Post '>",
     {{F_SITENAME, "Harbour Post"}, {F_PUBLISHER, "Harbour Post"}}},
    {"JSON-LD WebSite and publisher", NULL,
     LD("[{\"@type\":\"WebSite\",\"name\":\"Harbour Post Online\"},{\"@type\":\"NewsArticle\",\"publisher\":"
        "{\"@type\":\"Organization\",\"name\":\"Harbour Media Group\"}}]"),
     {{F_SITENAME, "Harbour Post Online"}, {F_PUBLISHER, "Harbour Media Group"}}},
    {"JSON-LD publisher as the site", NULL,
     LD("{\"@type\":\"NewsArticle\",\"publisher\":{\"@type\":\"NewsMediaOrganization\",\"name\":\"Harbour Post\"}}"),
     {{F_SITENAME, "Harbour Post"}}},
    {"application-name", NULL, "<meta name=application-name content='Harbour Post'>", {{F_SITENAME, "Harbour Post"}}},
    {"handle as og:site_name", "https://www.factcheck.example/a",
     "<meta property=og:site_name content='@factcheck'>", {{F_SITENAME, "factcheck.example"}}},
    {"site name given as a URL", NULL, "<meta property=og:site_name content='https://www.harbourpost.example'>",
     {{F_SITENAME, "harbourpost.example"}}},
    {"host name", "https://WWW.News.Example:8443/a/b", "<p>x", {{F_SITENAME, "news.example"}, {F_PUBLISHER, NULL}}},
    {"meta publisher, not a URL", NULL,
     "<meta property=article:publisher content='https://social.example/harbourpost'><meta name=publisher content='Harbour Media'>",
     {{F_PUBLISHER, "Harbour Media"}}},
};

static const page_case url_pages[] = {
    {"relative canonical", "https://news.example/world/pier?utm=x",
     "<link rel=canonical href='/world/pier'><meta property=og:url content='https://other.example/'>",
     {{F_URL, "https://news.example/world/pier"}}},
    {"og:url", "https://news.example/x", "<meta property=og:url content='https://news.example/world/pier'>",
     {{F_URL, "https://news.example/world/pier"}}},
    {"JSON-LD url", NULL, LD("{\"@type\":\"NewsArticle\",\"url\":\"https://news.example/world/pier\"}"),
     {{F_URL, "https://news.example/world/pier"}}},
    {"JSON-LD mainEntityOfPage", NULL,
     LD("{\"@type\":\"NewsArticle\",\"mainEntityOfPage\":\"https://news.example/world/pier\"}"),
     {{F_URL, "https://news.example/world/pier"}}},
    {"base href", "https://news.example/x/y",
     "<base href='https://static.example/base/'><link rel=canonical href='pier.html'>",
     {{F_URL, "https://static.example/base/pier.html"}}},
    {"page URL", "https://news.example/world/pier", "<p>x", {{F_URL, "https://news.example/world/pier"}}},
    {"relative canonical without a page URL: og:url", NULL,
     "<link rel=canonical href='/world/pier'><meta property=og:url content='https://news.example/world/pier'>",
     {{F_URL, "https://news.example/world/pier"}}},
    {"relative canonical alone stays relative", NULL, "<link rel=canonical href='/world/pier'>",
     {{F_URL, "/world/pier"}}},
};

static const page_case language_pages[] = {
    {"html lang", NULL, "<html lang=en-us><meta http-equiv=content-language content=fr>", {{F_LANGUAGE, "en-US"}}},
    {"content-language", NULL, "<meta http-equiv=Content-Language content='de, en'>", {{F_LANGUAGE, "de"}}},
    {"og:locale", NULL, "<meta property=og:locale content=en_GB>", {{F_LANGUAGE, "en-GB"}}},
    {"JSON-LD inLanguage", NULL, LD("{\"@type\":\"NewsArticle\",\"inLanguage\":\"ru-RU\"}"), {{F_LANGUAGE, "ru-RU"}}},
    {"nonsense lang falls through", NULL, "<html lang='{{lang}}'><meta property=og:locale content=es_ES>",
     {{F_LANGUAGE, "es-ES"}}},
};

static const page_case text_pages[] = {
    {"og:description", NULL, "<meta name=description content='Meta'><meta property=og:description content=' The  pier. '>",
     {{F_DESCRIPTION, "The pier."}}},
    {"meta description", NULL, "<meta name=description content='The pier.'>", {{F_DESCRIPTION, "The pier."}}},
    {"JSON-LD description", NULL, LD("{\"@type\":\"NewsArticle\",\"description\":\"The pier.\"}"),
     {{F_DESCRIPTION, "The pier."}}},
    {"article:section and tags", NULL,
     "<meta property=article:section content=Local><meta property=article:tag content=Harbour>"
     "<meta property=article:tag content='City council'><meta name=keywords content='a, b'>",
     {{F_SECTION, "Local"}, {F_TAGS, "Harbour; City council"}, {F_CATEGORIES, "Local"}}},
    {"JSON-LD articleSection and keywords", NULL,
     LD("{\"@type\":\"NewsArticle\",\"articleSection\":[\"World\",\"Europe\"],\"keywords\":\"pier, vote\"}")
     "<meta name=keywords content='a, b'>",
     {{F_SECTION, "World"}, {F_CATEGORIES, "World; Europe"}, {F_TAGS, "pier; vote"}}},
    {"meta keywords", NULL, "<meta name=news_keywords content='pier; vote , council'>",
     {{F_TAGS, "pier; vote; council"}, {F_SECTION, NULL}}},
};

static const page_case image_pages[] = {
    {"JSON-LD ImageObject", "https://news.example/a/",
     LD("{\"@type\":\"NewsArticle\",\"image\":{\"@type\":\"ImageObject\",\"url\":\"/img/pier.jpg\",\"caption\":"
        "\"The pier.\",\"creditText\":\"Ana Lima\",\"width\":1200,\"height\":800}}")
     "<meta property=og:image content=/img/other.jpg>",
     {{F_IMAGE, "https://news.example/img/pier.jpg"}, {F_CAPTION, "The pier."}, {F_CREDIT, "Ana Lima"},
      {F_WIDTH, "1200x800"}}},
    {"og:image with size and alt", "https://news.example/a",
     "<meta property=og:image content='https://cdn.example/pier.jpg'><meta property=og:image:width content=1200>"
     "<meta property=og:image:height content=630><meta property=og:image:alt content='The pier'>",
     {{F_IMAGE, "https://cdn.example/pier.jpg"}, {F_WIDTH, "1200x630"}, {F_ALT, "The pier"}, {F_CAPTION, NULL}}},
    {"twitter:image", NULL, "<meta name=twitter:image content='https://cdn.example/pier.jpg'>",
     {{F_IMAGE, "https://cdn.example/pier.jpg"}}},
    {"lead figure with caption and credit", "https://news.example/world/pier",
     "<meta property=og:image content='https://cdn.example/1200x630/pier-at-dawn.jpg?v=2'><article><h1>Pier</h1>"
     "<figure><img src='//cdn.example/800/pier-at-dawn.jpg' alt='Boats'><figcaption>Boats at the pier at dawn."
     "<span class=credit>Evan Vucci / AP / TASS</span></figcaption></figure><p>Text</p></article>",
     {{F_IMAGE, "https://cdn.example/1200x630/pier-at-dawn.jpg?v=2"}, {F_CAPTION, "Boats at the pier at dawn."},
      {F_CREDIT, "Evan Vucci / AP / TASS"}, {F_ALT, "Boats"}}},
    {"first figure without meta", "https://news.example/world/pier",
     "<article><p>Intro</p><figure><img data-src='/img/pier.jpg' width=640 height=480><figcaption>The pier."
     " Photo: Ana Lima</figcaption></figure></article>",
     {{F_IMAGE, "https://news.example/img/pier.jpg"}, {F_CAPTION, "The pier."}, {F_CREDIT, "Ana Lima"},
      {F_WIDTH, "640x480"}}},
    {"a later figure of another image is not the lead's", NULL,
     "<meta property=og:image content='https://cdn.example/pier.jpg'><article><p>Text</p><figure>"
     "<img src='https://cdn.example/chart.png'><figcaption>A chart</figcaption></figure></article>",
     {{F_IMAGE, "https://cdn.example/pier.jpg"}, {F_CAPTION, NULL}}},
    {"copyright element in the figure", NULL,
     "<article><figure><img src='https://cdn.example/pier.jpg'><figcaption>The pier.</figcaption>"
     "<small class=image-copyright>\xC2\xA9 Harbour Archive</small></figure><p>Text</p></article>",
     {{F_CAPTION, "The pier."}, {F_CREDIT, "\xC2\xA9 Harbour Archive"}}},
    {"credit in parentheses", NULL,
     "<article><figure><img src='https://cdn.example/pier.jpg'><figcaption>The pier. <span class=credit>(Reed Roe / "
     "Harbour Press)</span></figcaption></figure><p>Text</p></article>",
     {{F_CAPTION, "The pier."}, {F_CREDIT, "Reed Roe / Harbour Press"}}},
    {"JSON-LD caption holding its credit, label left in a figcaption", "https://news.example/a",
     LD("{\"@type\":\"NewsArticle\",\"image\":{\"url\":\"/pier.jpg\",\"caption\":\"The pier (Credit: Harbour Archive)\"}}")
     "<article><figure><img src=/pier.jpg><figcaption>The pier. Photograph: <span class=credit>Ana Lima</span>"
     "</figcaption></figure><p>Text</p></article>",
     {{F_CAPTION, "The pier"}, {F_CREDIT, "Harbour Archive"}}},
    {"label left after the credit element is cut", "https://news.example/a",
     "<article><figure><img src=/pier.jpg><figcaption>The pier. Photograph: <span class=credit>Ana Lima</span>"
     "</figcaption></figure><p>Text</p></article>",
     {{F_CAPTION, "The pier."}, {F_CREDIT, "Ana Lima"}}},
    {"plain img", NULL, "<article><img src='data:image/gif;base64,R0l'><img src='https://cdn.example/pier.jpg'></article>",
     {{F_IMAGE, "https://cdn.example/pier.jpg"}}},
};

static const page_case warning_pages[] = {
    {"broken JSON-LD", NULL,
     "<title>Pier</title>" LD("{\"@type\":\"NewsArticle\",\"headline\":\"Pier\",}")
     LD("{\"@type\":\"NewsArticle\",\"headline\":\"Pier vote\"}"),
     {{F_WARNINGS, "ignored broken JSON-LD at byte "}, {F_TITLE, "Pier vote"}}},
    {"empty page", NULL, "", {{F_TITLE, NULL}, {F_AUTHORS, NULL}, {F_WARNINGS, NULL}, {F_IMAGE, NULL}}},
};

#define PAGE_TEST(name, table)                                    \
    static void name(void **state)                                \
    {                                                             \
        (void)state;                                              \
        for (size_t i = 0; i < sizeof table / sizeof *table; i++) \
            check_page(&table[i]);                                \
    }

PAGE_TEST(pages_headline, headline_pages)
PAGE_TEST(pages_authors, author_pages)
PAGE_TEST(pages_dates, date_pages)
PAGE_TEST(pages_site_and_publisher, site_pages)
PAGE_TEST(pages_canonical_url, url_pages)
PAGE_TEST(pages_language, language_pages)
PAGE_TEST(pages_description_sections_tags, text_pages)
PAGE_TEST(pages_lead_image, image_pages)
PAGE_TEST(pages_warnings, warning_pages)

/* ---- allocation failures ---- */

/* Every allocation of the metadata's arena fails in turn: each run ends in ONR_ERR_NOMEM or
 * success, and the sanitizers see no leak. */
static void allocation_failures_end_cleanly(void **state)
{
    (void)state;
    const char *html =
        "<html lang=en><title>Pier vote | Harbour Post</title><meta property=og:site_name content='Harbour Post'>"
        "<meta name=keywords content='pier, vote'><meta property=article:tag content=Harbour>"
        "<meta name=author content='Jane Doe and John Roe'><link rel=canonical href=/pier>"
        LD("{\"@type\":\"NewsArticle\",\"headline\":\"Pier vote\",\"author\":{\"@type\":\"Person\",\"name\":\"Ana Lima\"},"
           "\"image\":{\"url\":\"/a.jpg\",\"caption\":\"The pier\"},\"articleSection\":[\"Local\"]}")
        LD("{broken")
        "<article><h1>Pier vote</h1><div class=byline>By Ana Lima | Nov 6, 2024</div><figure><img src=/a.jpg>"
        "<figcaption>The pier. Photo: Ana Lima</figcaption></figure><p>Text</p></article>";
    onr_document *doc = NULL;
    assert_int_equal(onr_html_parse(html, strlen(html), NULL, NULL, &doc, NULL), ONR_OK);
    bool succeeded = false;
    for (size_t allowed = 0; allowed < 1000 && !succeeded; allowed++) {
        test_mem mem;
        test_mem_init_allowing(&mem, allowed);
        onr_arena arena;
        onr_arena_init(&arena, &mem.mem, 64);
        extract_metadata meta;
        onr_status st = extract_metadata_read(doc, "https://news.example/x", 22, &arena, &meta);
        assert_true(st == ONR_OK || st == ONR_ERR_NOMEM);
        succeeded = st == ONR_OK;
        if (succeeded) {
            assert_str(meta.title, "Pier vote");
            assert_int_equal(meta.warning_count, 1);
        }
        onr_arena_free(&arena);
    }
    assert_true(succeeded);
    onr_document_free(doc);
}

/* ---- hostile pages ---- */

static void hostile_pages_stay_bounded(void **state)
{
    (void)state;
    onr_buf page;
    onr_buf_init(&page, NULL);
    for (int i = 0; i < 5000; i++)
        onr_buf_printf(&page, "<meta property=article:tag content='tag %d'><meta name=author content='Ana %c%c'>", i,
                       'A' + i % 26, 'a' + i / 26 % 26);
    onr_buf_puts(&page, "<meta property=og:title content='");
    for (int i = 0; i < 100000; i++)
        onr_buf_puts(&page, "long ");
    onr_buf_puts(&page, "'><script type=application/ld+json>[");
    for (int i = 0; i < 20000; i++)
        onr_buf_printf(&page, "%s{\"@type\":\"Thing\",\"author\":{\"@id\":\"#a\"}}", i ? "," : "");
    onr_buf_puts(&page, "]</script><body>");
    for (int i = 0; i < 3000; i++)
        onr_buf_puts(&page, "<div class=byline>");
    onr_buf_puts(&page, "By Jane Doe");
    assert_false(page.failed);
    onr_document *doc = NULL;
    assert_int_equal(onr_html_parse(page.data, page.len, NULL, NULL, &doc, NULL), ONR_OK);
    onr_arena arena;
    onr_arena_init(&arena, NULL, 0);
    extract_metadata meta;
    assert_int_equal(extract_metadata_read(doc, "", 0, &arena, &meta), ONR_OK);
    assert_int_equal(meta.tag_count, EXTRACT_NAMES_MAX);
    assert_int_equal(meta.author_count, EXTRACT_NAMES_MAX);
    assert_non_null(meta.title.data);
    onr_arena_free(&arena);
    onr_document_free(doc);
    onr_buf_free(&page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(white_space_collapses),
        cmocka_unit_test(dates_normalize_to_iso_8601),
        cmocka_unit_test(dates_are_found_in_running_text),
        cmocka_unit_test(dates_are_read_from_url_paths),
        cmocka_unit_test(authors_are_cleaned),
        cmocka_unit_test(name_lists_skip_duplicates_and_split_keywords),
        cmocka_unit_test(urls_resolve_as_rfc_3986_examples),
        cmocka_unit_test(urls_get_browser_leniencies),
        cmocka_unit_test(jsonld_reads_a_news_article),
        cmocka_unit_test(jsonld_follows_graph_and_references),
        cmocka_unit_test(jsonld_image_credit_from_copyright_holder_and_blog_posting),
        cmocka_unit_test(broken_jsonld_is_ignored_with_a_warning),
        cmocka_unit_test(jsonld_with_raw_line_breaks_is_read),
        cmocka_unit_test(deep_jsonld_is_bounded),
        cmocka_unit_test(titles_lose_the_site_name),
        cmocka_unit_test(languages_are_normalized),
        cmocka_unit_test(captions_give_up_their_credit),
        cmocka_unit_test(credits_lose_their_labels),
        cmocka_unit_test(pages_headline),
        cmocka_unit_test(pages_authors),
        cmocka_unit_test(pages_dates),
        cmocka_unit_test(pages_site_and_publisher),
        cmocka_unit_test(pages_canonical_url),
        cmocka_unit_test(pages_language),
        cmocka_unit_test(pages_description_sections_tags),
        cmocka_unit_test(pages_lead_image),
        cmocka_unit_test(pages_warnings),
        cmocka_unit_test(allocation_failures_end_cleanly),
        cmocka_unit_test(hostile_pages_stay_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
