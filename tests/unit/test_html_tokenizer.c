/* HTML tokenizer: each state and construct, limits, NUL, invalid UTF-8, hostile inputs and
 * allocation failures. Tokens are rendered into a compact text form to compare. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "../support/test_mem.h"
#include "html/entities.h"
#include "html/tokenizer.h"

/* Renders a token stream: <tag a="v"/>, </tag>, "text" (adjacent runs merged), <!--c-->,
 * <!DOCTYPE name "public" "system" quirks>. */
static void render_token(onr_buf *out, const html_token *tok, bool *in_text)
{
    bool text = tok->kind == HTML_TOKEN_CHARACTERS;
    if (*in_text && !text)
        onr_buf_putc(out, '"');
    if (text && !*in_text)
        onr_buf_putc(out, '"');
    *in_text = text;
    switch (tok->kind) {
    case HTML_TOKEN_START_TAG:
        onr_buf_putc(out, '<');
        onr_buf_append(out, tok->name, tok->name_len);
        for (size_t i = 0; i < tok->attr_count; i++) {
            onr_buf_putc(out, ' ');
            onr_buf_append(out, tok->attrs[i].name, tok->attrs[i].name_len);
            onr_buf_puts(out, "=\"");
            onr_buf_append(out, tok->attrs[i].value, tok->attrs[i].value_len);
            onr_buf_putc(out, '"');
        }
        onr_buf_puts(out, tok->self_closing ? "/>" : ">");
        break;
    case HTML_TOKEN_END_TAG:
        onr_buf_puts(out, "</");
        onr_buf_append(out, tok->name, tok->name_len);
        onr_buf_putc(out, '>');
        break;
    case HTML_TOKEN_COMMENT:
        onr_buf_puts(out, "<!--");
        onr_buf_append(out, tok->data, tok->data_len);
        onr_buf_puts(out, "-->");
        break;
    case HTML_TOKEN_DOCTYPE:
        onr_buf_puts(out, "<!DOCTYPE");
        if (tok->name) {
            onr_buf_putc(out, ' ');
            onr_buf_append(out, tok->name, tok->name_len);
        }
        if (tok->public_id) {
            onr_buf_puts(out, " \"");
            onr_buf_append(out, tok->public_id, tok->public_id_len);
            onr_buf_putc(out, '"');
        }
        if (tok->system_id) {
            onr_buf_puts(out, " \"");
            onr_buf_append(out, tok->system_id, tok->system_id_len);
            onr_buf_putc(out, '"');
        }
        onr_buf_puts(out, tok->force_quirks ? " quirks>" : ">");
        break;
    case HTML_TOKEN_CHARACTERS:
        onr_buf_append(out, tok->data, tok->data_len);
        break;
    case HTML_TOKEN_EOF:
        break;
    }
}

typedef struct run_options {
    html_text_state state;
    const char *last_start_tag;
    bool cdata;
    html_tokenizer_limits limits;
    bool tree_switches; /* switch to RCDATA/RAWTEXT/script/PLAINTEXT after those start tags */
} run_options;

static html_text_state text_state_after(onr_tag tag)
{
    switch (tag) {
    case ONR_TAG_TITLE:
    case ONR_TAG_TEXTAREA: return HTML_STATE_RCDATA;
    case ONR_TAG_STYLE:
    case ONR_TAG_XMP:
    case ONR_TAG_IFRAME:
    case ONR_TAG_NOEMBED:
    case ONR_TAG_NOFRAMES: return HTML_STATE_RAWTEXT;
    case ONR_TAG_SCRIPT: return HTML_STATE_SCRIPT;
    case ONR_TAG_PLAINTEXT: return HTML_STATE_PLAINTEXT;
    default: return HTML_STATE_DATA;
    }
}

/* The rendered tokens of input[0..len); the caller frees the result. */
static char *render_with(const char *input, size_t len, const run_options *opt, size_t *errors)
{
    html_tokenizer *t = html_tokenizer_new(input, len, &opt->limits, NULL);
    assert_non_null(t);
    html_tokenizer_set_state(t, opt->state);
    if (opt->last_start_tag)
        html_tokenizer_set_last_start_tag(t, opt->last_start_tag, strlen(opt->last_start_tag));
    html_tokenizer_allow_cdata(t, opt->cdata);
    onr_buf out;
    onr_buf_init(&out, NULL);
    bool in_text = false;
    html_token tok;
    for (;;) {
        assert_int_equal(html_tokenizer_next(t, &tok), ONR_OK);
        render_token(&out, &tok, &in_text);
        if (tok.kind == HTML_TOKEN_EOF)
            break;
        if (opt->tree_switches && tok.kind == HTML_TOKEN_START_TAG)
            html_tokenizer_set_state(t, text_state_after(tok.tag));
    }
    if (errors)
        *errors = html_tokenizer_error_count(t);
    html_tokenizer_free(t);
    onr_buf_putc(&out, '\0'); /* an empty result still needs its NUL */
    return onr_buf_detach(&out, NULL);
}

static void expect(const char *input, const char *rendered)
{
    run_options opt = {.tree_switches = true};
    char *got = render_with(input, strlen(input), &opt, NULL);
    assert_string_equal(got, rendered);
    free(got);
}

static void expect_in(html_text_state state, const char *last_start_tag, const char *input, const char *rendered)
{
    run_options opt = {.state = state, .last_start_tag = last_start_tag};
    char *got = render_with(input, strlen(input), &opt, NULL);
    assert_string_equal(got, rendered);
    free(got);
}

static size_t errors_of(const char *input)
{
    run_options opt = {0};
    size_t errors = 0;
    free(render_with(input, strlen(input), &opt, &errors));
    return errors;
}

/* The first token of input (its strings stay valid while the tokenizer lives). */
static html_tokenizer *first_token(const char *input, size_t len, html_token *tok)
{
    html_tokenizer *t = html_tokenizer_new(input, len, NULL, NULL);
    assert_non_null(t);
    assert_int_equal(html_tokenizer_next(t, tok), ONR_OK);
    return t;
}

static void text_and_tags(void **state)
{
    (void)state;
    expect("", "");
    expect("plain text", "\"plain text\"");
    expect("<p>Hello <b>world</b></p>", "<p>\"Hello \"<b>\"world\"</b></p>");
    expect("<BR/><Div CLASS=x>", "<br/><div class=\"x\">");
    expect("a < b <3 c", "\"a < b <3 c\"");
    expect("a</>b", "\"ab\"");
    expect("x</", "\"x</\"");
    expect("x<", "\"x<\"");
    expect("<div", "");
    expect("<div class=\"a", "");
    expect("</p foo=bar>", "</p>");
}

static void attribute_quoting_styles(void **state)
{
    (void)state;
    expect("<a href=\"x y\" title='it''s' id=z disabled data-x = 1>",
           "<a href=\"x y\" title=\"it\" 's'=\"\" id=\"z\" disabled=\"\" data-x=\"1\">");
    expect("<a b=c/>", "<a b=\"c/\">");
    expect("<a b='c'/>", "<a b=\"c\"/>");
    expect("<a =x>", "<a =x=\"\">");
    expect("<a b=>", "<a b=\"\">");
    expect("<a b=\"1\"c=2>", "<a b=\"1\" c=\"2\">");
    expect("<a x=a\"b'c<d=e`f>", "<a x=\"a\"b'c<d=e`f\">");
    expect("<a B=\"Q\" b=\"second\" B=third>", "<a b=\"Q\">");
}

static void attribute_limits(void **state)
{
    (void)state;
    run_options opt = {.limits = {.max_attributes = 2, .max_attribute_length = 4}};
    const char *input = "<a one=1 two=\"22222\" three=3 one=4>";
    char *got = render_with(input, strlen(input), &opt, NULL);
    assert_string_equal(got, "<a one=\"1\" two=\"2222\">");
    free(got);
    /* Cut at a character boundary: "\xC3\xA9" is not split. */
    const char *accented = "<a v=\"ab\xC3\xA9\xC3\xA9\">";
    got = render_with(accented, strlen(accented), &opt, NULL);
    assert_string_equal(got, "<a v=\"ab\xC3\xA9\">");
    free(got);

    /* A hundred thousand attributes: only the first 256 (the default) kept. */
    onr_buf big;
    onr_buf_init(&big, NULL);
    onr_buf_puts(&big, "<x");
    for (int i = 0; i < 100000; i++)
        onr_buf_printf(&big, " a%d=%d", i, i);
    onr_buf_puts(&big, ">");
    html_token tok;
    html_tokenizer *t = first_token(big.data, big.len, &tok);
    assert_int_equal(tok.kind, HTML_TOKEN_START_TAG);
    assert_int_equal(tok.attr_count, 256);
    assert_memory_equal(tok.attrs[255].name, "a255", 4);
    html_tokenizer_free(t);

    /* Duplicates are found past the first few attributes too, and a huge limit stays linear:
     * 200,000 distinct names, each repeated, in two tags (the second reuses the hash table). */
    onr_buf_clear(&big);
    for (int tag = 0; tag < 2; tag++) {
        onr_buf_puts(&big, "<x");
        for (int i = 0; i < 200000; i++)
            onr_buf_printf(&big, " a%d=%d", i, i);
        for (int i = 0; i < 200000; i += 7)
            onr_buf_printf(&big, " a%d=dup", i);
        onr_buf_puts(&big, "><y b c d e f g h i j k l b l>");
    }
    html_tokenizer_limits many = {.max_attributes = 1000000};
    t = html_tokenizer_new(big.data, big.len, &many, NULL);
    assert_non_null(t);
    for (int tag = 0; tag < 2; tag++) {
        assert_int_equal(html_tokenizer_next(t, &tok), ONR_OK);
        assert_int_equal(tok.attr_count, 200000);
        assert_memory_equal(tok.attrs[7].value, "7", 1);
        assert_int_equal(html_tokenizer_next(t, &tok), ONR_OK);
        assert_int_equal(tok.attr_count, 11);
    }
    assert_int_equal(html_tokenizer_error_count(t), 2 * (200000 / 7 + 1) + 2 * 2);
    html_tokenizer_free(t);
    onr_buf_free(&big);
}

static void tag_interning(void **state)
{
    (void)state;
    html_token tok;
    html_tokenizer *t = first_token("<BLOCKQUOTE>", 12, &tok);
    assert_int_equal(tok.tag, ONR_TAG_BLOCKQUOTE);
    html_tokenizer_free(t);
    t = first_token("<my-widget>", 11, &tok);
    assert_int_equal(tok.tag, ONR_TAG_UNKNOWN);
    assert_int_equal(tok.name_len, 9);
    assert_memory_equal(tok.name, "my-widget", 9);
    html_tokenizer_free(t);
    for (int tag = 1; tag < ONR_TAG__COUNT; tag++) {
        const char *name = onr_tag_name((onr_tag)tag);
        assert_int_equal(onr_tag_lookup(name, strlen(name)), tag);
        char upper[16];
        size_t n = strlen(name);
        for (size_t i = 0; i < n; i++)
            upper[i] = (char)(name[i] >= 'a' && name[i] <= 'z' ? name[i] - 32 : name[i]);
        assert_int_equal(onr_tag_lookup(upper, n), tag);
        char longer[20];
        memcpy(longer, name, n);
        longer[n] = 'x';
        assert_int_not_equal(onr_tag_lookup(longer, n + 1), tag);
    }
    assert_int_equal(onr_tag_lookup("divx", 4), ONR_TAG_UNKNOWN);
    assert_int_equal(onr_tag_lookup("d\0v", 3), ONR_TAG_UNKNOWN);
    assert_int_equal(onr_tag_lookup("", 0), ONR_TAG_UNKNOWN);
    assert_int_equal(onr_tag_lookup("blockquotes", 11), ONR_TAG_UNKNOWN);
}

static void comments(void **state)
{
    (void)state;
    expect("<!-- a -->", "<!-- a -->");
    expect("<!---->", "<!---->");
    expect("<!-->x", "<!---->\"x\"");
    expect("<!--->x", "<!---->\"x\"");
    expect("<!--a--!>b", "<!--a-->\"b\"");
    expect("<!--a--b-->", "<!--a--b-->");
    expect("<!--a---->", "<!--a---->"); /* data "a--" */
    expect("<!--<!--x-->", "<!--<!--x-->");
    expect("<!--x", "<!--x-->");
    expect("<?xml version=1?>", "<!--?xml version=1?-->");
    expect("</ x>", "<!-- x-->");
    expect("<!x>", "<!--x-->");
    expect("<!DOC>", "<!--DOC-->");
    assert_int_equal(errors_of("<!--a--!>"), 1);
    assert_int_equal(errors_of("<!--<!---->"), 1);
}

static void doctypes(void **state)
{
    (void)state;
    expect("<!DOCTYPE html>", "<!DOCTYPE html>");
    expect("<!doctype HTML>", "<!DOCTYPE html>");
    expect("<!DOCTYPE>", "<!DOCTYPE quirks>");
    expect("<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\" 'http://www.w3.org/TR/html4/strict.dtd'>",
           "<!DOCTYPE html \"-//W3C//DTD HTML 4.01//EN\" \"http://www.w3.org/TR/html4/strict.dtd\">");
    expect("<!DOCTYPE html SYSTEM \"about:legacy-compat\">", "<!DOCTYPE html \"about:legacy-compat\">");
    expect("<!DOCTYPE html PUBLIC>", "<!DOCTYPE html quirks>");
    expect("<!DOCTYPE html bogus stuff>x", "<!DOCTYPE html quirks>\"x\"");
    expect("<!DOCTYPE html PUBLIC \"abc>x", "<!DOCTYPE html \"abc\" quirks>\"x\"");
    expect("<!DOCTYPE html", "<!DOCTYPE html quirks>");
}

static void character_references(void **state)
{
    (void)state;
    expect("&amp;&lt;&gt;&quot;", "\"&<>\"\"");
    expect("&copy 2024", "\"\xC2\xA9 2024\"");
    expect("&notin; &notit; &not", "\"\xE2\x88\x89 \xC2\xACit; \xC2\xAC\"");
    expect("&nosuch; & &#", "\"&nosuch; & &#\"");
    expect("&#65;&#x42;&#X43&#68", "\"ABCD\"");
    expect("&#x80;&#x9F;&#x81;", "\"\xE2\x82\xAC\xC5\xB8\xC2\x81\"");
    expect("&#0;&#xD800;&#x110000;&#99999999999999999999;", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
    expect("&#xFFFF;", "\"\xEF\xBF\xBF\"");
    expect("&NotNestedGreaterGreater;", "\"\xE2\xAA\xA2\xCC\xB8\"");
    expect("&CounterClockwiseContourIntegral;", "\"\xE2\x88\xB3\"");
    /* In attribute values a legacy name followed by '=' or an alphanumeric stays as written. */
    expect("<a href=\"?a=1&copy=2&copy;&copyx&copy\">", "<a href=\"?a=1&copy=2\xC2\xA9&copyx\xC2\xA9\">");
    expect("<a v=&amp>", "<a v=\"&\">");
    assert_int_equal(errors_of("&copy"), 1);
    assert_int_equal(errors_of("&nosuch;"), 1);
    assert_int_equal(errors_of("&#x80;"), 1);
    assert_int_equal(errors_of("&amp;"), 0);
    assert_non_null(html_entity_find("amp;", 4));
    assert_null(html_entity_find("amp;x", 5));
    assert_int_equal(html_entity_count, 2231);
    for (size_t i = 1; i < html_entity_count; i++) /* sorted, as the binary search needs */
        assert_true(strcmp(html_entities[i - 1].name, html_entities[i].name) < 0);
}

static void rcdata_rawtext_plaintext(void **state)
{
    (void)state;
    expect("<title>a<b>&amp;</b></title>x", "<title>\"a<b>&</b>\"</title>\"x\"");
    expect("<TEXTAREA>x</textareax></TEXTAREA >y", "<textarea>\"x</textareax>\"</textarea>\"y\"");
    expect("<style>p > a { x: '&amp;' }</style>", "<style>\"p > a { x: '&amp;' }\"</style>");
    expect("<xmp><b></xmp", "<xmp>\"<b></xmp\"");
    expect("<plaintext>a</plaintext><b>", "<plaintext>\"a</plaintext><b>\"");
    expect_in(HTML_STATE_RCDATA, NULL, "a</title>", "\"a</title>\"");
    expect_in(HTML_STATE_RAWTEXT, "style", "a</style x=1/>b", "\"a\"</style>\"b\"");
}

static void script_states(void **state)
{
    (void)state;
    expect("<script>if (a<b) x = '</div>';</script>", "<script>\"if (a<b) x = '</div>';\"</script>");
    expect("<script><!-- x </script> y", "<script>\"<!-- x \"</script>\" y\"");
    /* Double escaped: an inner <script> hides the first </script>. */
    expect("<script><!--<script>a</script>b--></script>c",
           "<script>\"<!--<script>a</script>b-->\"</script>\"c\"");
    expect("<script><!--<script>a</script>b</script>", "<script>\"<!--<script>a</script>b\"</script>");
    expect("<script><!--<scripts>a</script>b", "<script>\"<!--<scripts>a\"</script>\"b\"");
    expect("<script><!--<script>--></script>z", "<script>\"<!--<script>-->\"</script>\"z\"");
    expect("<script>a", "<script>\"a\"");
    assert_int_equal(errors_of("<script>"), 0);
    expect_in(HTML_STATE_SCRIPT, "script", "<!--<script>", "\"<!--<script>\"");
}

static void cdata_sections(void **state)
{
    (void)state;
    run_options opt = {.cdata = true};
    const char *input = "<![CDATA[x<y]]z]]>w";
    char *got = render_with(input, strlen(input), &opt, NULL);
    assert_string_equal(got, "\"x<y]]zw\"");
    free(got);
    expect(input, "<!--[CDATA[x<y]]z]]-->\"w\"");
    expect_in(HTML_STATE_CDATA_SECTION, NULL, "a]]>b", "\"ab\"");
}

static void nul_characters(void **state)
{
    (void)state;
    html_token tok;
    /* In the data state NUL is handed on as it is (tree construction decides). */
    html_tokenizer *t = first_token("a\0b", 3, &tok);
    assert_int_equal(tok.kind, HTML_TOKEN_CHARACTERS);
    assert_int_equal(tok.data_len, 3);
    assert_memory_equal(tok.data, "a\0b", 3);
    assert_true(tok.has_nul);
    html_tokenizer_free(t);
    t = first_token("abc", 3, &tok);
    assert_false(tok.has_nul);
    html_tokenizer_free(t);
    /* Elsewhere it becomes U+FFFD. */
    run_options opt = {.tree_switches = true};
    const char input[] = "<a\0 b\0=\"\0\"><!--\0--><title>\0</title>";
    char *got = render_with(input, sizeof input - 1, &opt, NULL);
    assert_string_equal(got, "<a\xEF\xBF\xBD b\xEF\xBF\xBD=\"\xEF\xBF\xBD\"><!--\xEF\xBF\xBD--><title>\"\xEF\xBF\xBD\"</title>");
    free(got);
}

static void input_normalization(void **state)
{
    (void)state;
    expect("a\r\nb\rc\n\rd", "\"a\nb\nc\n\nd\"");
    expect("<a b='x\r\ny'>", "<a b=\"x\ny\">");
    expect("x\xFFy\xC3(z\xED\xA0\x80", "\"x\xEF\xBF\xBDy\xEF\xBF\xBD(z\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
    expect("\xF0\x9F\x98\x80 \xE2\x82\xAC", "\"\xF0\x9F\x98\x80 \xE2\x82\xAC\"");
    /* Offsets are in the caller's bytes, past CRLF pairs and replaced bytes. */
    const char *input = "a\r\n\r\n\xFF<p>";
    html_tokenizer *t = html_tokenizer_new(input, strlen(input), NULL, NULL);
    html_token tok;
    assert_int_equal(html_tokenizer_next(t, &tok), ONR_OK);
    assert_int_equal(tok.kind, HTML_TOKEN_CHARACTERS);
    assert_int_equal(tok.offset, 0);
    assert_int_equal(html_tokenizer_next(t, &tok), ONR_OK);
    assert_int_equal(tok.kind, HTML_TOKEN_START_TAG);
    assert_int_equal(tok.offset, 6);
    assert_int_equal(html_tokenizer_next(t, &tok), ONR_OK);
    assert_int_equal(tok.kind, HTML_TOKEN_EOF);
    assert_int_equal(tok.offset, strlen(input));
    html_tokenizer_free(t);
}

static void token_flags_and_eof(void **state)
{
    (void)state;
    html_token tok;
    html_tokenizer *t = first_token(" \n\t<p>x <br>", 12, &tok);
    assert_true(tok.whitespace_only);
    assert_int_equal(html_tokenizer_next(t, &tok), ONR_OK);
    assert_int_equal(tok.kind, HTML_TOKEN_START_TAG);
    assert_int_equal(tok.offset, 3);
    assert_int_equal(html_tokenizer_next(t, &tok), ONR_OK);
    assert_false(tok.whitespace_only);
    assert_int_equal(html_tokenizer_next(t, &tok), ONR_OK);
    assert_int_equal(tok.tag, ONR_TAG_BR);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(html_tokenizer_next(t, &tok), ONR_OK);
        assert_int_equal(tok.kind, HTML_TOKEN_EOF);
        html_tokenizer_set_state(t, HTML_STATE_RAWTEXT); /* no effect after the end */
    }
    html_tokenizer_free(t);
}

/* Every token string must be valid UTF-8 and the stream must end, whatever the bytes. */
static void check_stream(const char *input, size_t len, html_text_state state)
{
    html_tokenizer *t = html_tokenizer_new(input, len, NULL, NULL);
    assert_non_null(t);
    html_tokenizer_set_state(t, state);
    html_tokenizer_allow_cdata(t, len % 2 == 0);
    html_token tok;
    size_t tokens = 0;
    do {
        assert_int_equal(html_tokenizer_next(t, &tok), ONR_OK);
        assert_true(++tokens <= len + 2);
        const char *strings[] = {tok.name, tok.data, tok.public_id, tok.system_id};
        size_t lens[] = {tok.name_len, tok.data_len, tok.public_id_len, tok.system_id_len};
        for (int i = 0; i < 4; i++)
            if (strings[i])
                assert_int_equal(onr_utf8_valid_prefix(strings[i], lens[i]), lens[i]);
        for (size_t i = 0; i < tok.attr_count; i++) {
            assert_int_equal(onr_utf8_valid_prefix(tok.attrs[i].value, tok.attrs[i].value_len),
                             tok.attrs[i].value_len);
            assert_true(tok.attrs[i].name_len > 0);
        }
        if (tok.kind == HTML_TOKEN_CHARACTERS)
            assert_true(tok.data_len > 0);
    } while (tok.kind != HTML_TOKEN_EOF);
    html_tokenizer_free(t);
}

static void hostile_inputs(void **state)
{
    (void)state;
    static const char alphabet[] = "<>/!-?&#;=\"' \n\r\tabSCRIPTx[]CDAT\0\x80\xC3\xA9\xFF";
    uint32_t seed = 12345;
    char input[200];
    for (int round = 0; round < 20000; round++) {
        size_t len = (size_t)(round % 199) + 1;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            input[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        check_stream(input, len, (html_text_state)(round % 6 == 5 ? HTML_STATE_CDATA_SECTION : round % 5));
    }
    /* Long runs of each construct stay linear (these would take minutes if they were not). */
    static const char *const units[] = {"&a", "&#1", "<", "</", "<a ", "a=", "<!--", "<!-", "--!", "<!DOCTYPE ",
                                        "\r", "\xFF", "<script>", "<!--<script>"};
    size_t n = 1 << 18;
    char *big = malloc(n * 12);
    assert_non_null(big);
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
        size_t unit_len = strlen(units[u]), len = 0;
        while (len + unit_len <= n)
            memcpy(big + len, units[u], unit_len), len += unit_len;
        check_stream(big, len, HTML_STATE_DATA);
        check_stream(big, len, HTML_STATE_SCRIPT);
    }
    free(big);
}

static void allocation_failures(void **state)
{
    (void)state;
    const char *input = "a\r\nb<A B=1 C='&amp;' D=\xFF>&copy;<!--x\0-->";
    bool completed = false;
    for (int n = 0; !completed && n < 200; n++) {
        test_mem mem;
        test_mem_init_allowing(&mem, (size_t)n);
        html_tokenizer *t = html_tokenizer_new(input, strlen(input), NULL, &mem.mem);
        if (!t)
            continue;
        html_token tok;
        onr_status status;
        do
            status = html_tokenizer_next(t, &tok);
        while (status == ONR_OK && tok.kind != HTML_TOKEN_EOF);
        if (status != ONR_OK) {
            assert_int_equal(status, ONR_ERR_NOMEM);
            assert_int_equal(html_tokenizer_next(t, &tok), ONR_ERR_NOMEM); /* stays failed */
        } else
            completed = true;
        html_tokenizer_free(t);
    }
    assert_true(completed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_and_tags),
        cmocka_unit_test(attribute_quoting_styles),
        cmocka_unit_test(attribute_limits),
        cmocka_unit_test(tag_interning),
        cmocka_unit_test(comments),
        cmocka_unit_test(doctypes),
        cmocka_unit_test(character_references),
        cmocka_unit_test(rcdata_rawtext_plaintext),
        cmocka_unit_test(script_states),
        cmocka_unit_test(cdata_sections),
        cmocka_unit_test(nul_characters),
        cmocka_unit_test(input_normalization),
        cmocka_unit_test(token_flags_and_eof),
        cmocka_unit_test(hostile_inputs),
        cmocka_unit_test(allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
