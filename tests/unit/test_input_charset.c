/* Charsets: the WHATWG detection order, label mapping, the <meta> prescan and the decoders. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "../support/test_mem.h"
#include "core/core.h"

#define LIT(s) s, sizeof s - 1

static void decode_ok(const char *bytes, size_t len, const char *content_type, onr_utf8_text *out)
{
    onr_error err;
    assert_int_equal(onr_to_utf8(bytes, len, content_type, content_type ? strlen(content_type) : 0,
                                 NULL, out, &err),
                     ONR_OK);
    assert_int_equal(onr_utf8_valid_prefix(out->data, out->len), out->len);
}

static void assert_text(const onr_utf8_text *t, const char *expected)
{
    assert_int_equal(t->len, strlen(expected));
    assert_memory_equal(t->data, expected, t->len);
}

static void labels_map_as_the_encoding_standard_says(void **state)
{
    (void)state;
    assert_string_equal(onr_charset_lookup(LIT("latin1")), "windows-1252");
    assert_string_equal(onr_charset_lookup(LIT("US-ASCII")), "windows-1252");
    assert_string_equal(onr_charset_lookup(LIT("iso-8859-1")), "windows-1252");
    assert_string_equal(onr_charset_lookup(LIT(" \tUTF8\n")), "UTF-8");
    assert_string_equal(onr_charset_lookup(LIT("gb2312")), "GBK");
    assert_string_equal(onr_charset_lookup(LIT("gb18030")), "gb18030");
    assert_string_equal(onr_charset_lookup(LIT("sjis")), "Shift_JIS");
    assert_string_equal(onr_charset_lookup(LIT("ks_c_5601-1987")), "EUC-KR");
    assert_string_equal(onr_charset_lookup(LIT("utf-16")), "UTF-16LE");
    assert_string_equal(onr_charset_lookup(LIT("unicodefffe")), "UTF-16BE");
    assert_string_equal(onr_charset_lookup(LIT("iso-2022-kr")), "replacement");
    assert_string_equal(onr_charset_lookup(LIT("x-user-defined")), "x-user-defined");
    assert_string_equal(onr_charset_lookup(LIT("tis-620")), "windows-874");
    assert_null(onr_charset_lookup(LIT("utf-7")));
    assert_null(onr_charset_lookup(LIT("")));
    assert_null(onr_charset_lookup(NULL, 0));
}

static void ascii_and_utf8_need_no_copy(void **state)
{
    (void)state;
    static const char ascii[] = "<p>plain text</p>";
    onr_utf8_text t;
    decode_ok(ascii, sizeof ascii - 1, NULL, &t);
    assert_ptr_equal(t.data, ascii);
    assert_null(t.owned);
    assert_string_equal(t.encoding, "windows-1252");
    assert_int_equal(t.source, ONR_CHARSET_FROM_DEFAULT);
    onr_utf8_text_free(&t, NULL);

    static const char utf8[] = "<p>caf\xC3\xA9</p>";
    decode_ok(utf8, sizeof utf8 - 1, NULL, &t);
    assert_ptr_equal(t.data, utf8);
    assert_string_equal(t.encoding, "UTF-8");
    assert_int_equal(t.source, ONR_CHARSET_FROM_SNIFF);
    onr_utf8_text_free(&t, NULL);

    /* declared latin1 but pure ASCII: the same bytes either way */
    static const char declared[] = "<meta charset=latin1><p>x</p>";
    decode_ok(declared, sizeof declared - 1, NULL, &t);
    assert_ptr_equal(t.data, declared);
    assert_int_equal(t.source, ONR_CHARSET_FROM_META);
    onr_utf8_text_free(&t, NULL);
}

static void byte_order_marks_win_over_everything(void **state)
{
    (void)state;
    static const char utf8_bom[] = "\xEF\xBB\xBF<meta charset=shift_jis>\xC3\xA9";
    onr_utf8_text t;
    decode_ok(utf8_bom, sizeof utf8_bom - 1, "text/html; charset=iso-8859-2", &t);
    assert_int_equal(t.source, ONR_CHARSET_FROM_BOM);
    assert_ptr_equal(t.data, utf8_bom + 3);
    assert_text(&t, "<meta charset=shift_jis>\xC3\xA9");
    onr_utf8_text_free(&t, NULL);

    static const char le[] = "\xFF\xFE<\0p\0>\0\xE9\0";
    decode_ok(le, sizeof le - 1, NULL, &t);
    assert_string_equal(t.encoding, "UTF-16LE");
    assert_text(&t, "<p>\xC3\xA9");
    assert_non_null(t.owned);
    onr_utf8_text_free(&t, NULL);
    assert_null(t.owned);

    static const char be[] = "\xFE\xFF\0<\0p\0>\x20\xAC";
    decode_ok(be, sizeof be - 1, NULL, &t);
    assert_string_equal(t.encoding, "UTF-16BE");
    assert_text(&t, "<p>\xE2\x82\xAC");
    onr_utf8_text_free(&t, NULL);
}

static void http_charset_beats_meta(void **state)
{
    (void)state;
    static const char page[] = "<meta charset=\"iso-8859-2\"><p>\xB1</p>";
    onr_utf8_text t;
    decode_ok(page, sizeof page - 1, "text/html; Charset=\"windows-1250\"", &t);
    assert_int_equal(t.source, ONR_CHARSET_FROM_HTTP);
    assert_string_equal(t.encoding, "windows-1250");
    /* 0xB1 is U+00B1 in windows-1250 but U+0105 in ISO-8859-2 */
    assert_text(&t, "<meta charset=\"iso-8859-2\"><p>\xC2\xB1</p>");
    onr_utf8_text_free(&t, NULL);

    /* an unknown HTTP label is ignored: the meta decides */
    decode_ok(page, sizeof page - 1, "text/html; charset=bogus-7", &t);
    assert_int_equal(t.source, ONR_CHARSET_FROM_META);
    assert_string_equal(t.encoding, "ISO-8859-2");
    onr_utf8_text_free(&t, NULL);
}

static void meta_prescan_variants(void **state)
{
    (void)state;
    assert_string_equal(onr_charset_prescan(LIT("<meta charset=koi8-r>")), "KOI8-R");
    assert_string_equal(onr_charset_prescan(LIT("<META CHARSET='Shift_JIS'>")), "Shift_JIS");
    assert_string_equal(onr_charset_prescan(LIT("<meta/charset=euc-kr>")), "EUC-KR");
    assert_string_equal(
        onr_charset_prescan(LIT("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">")),
        "GBK");
    assert_string_equal(
        onr_charset_prescan(LIT("<meta content='text/html;charset = \"big5\"' http-equiv=content-type>")),
        "Big5");
    /* content without http-equiv does not count */
    assert_null(onr_charset_prescan(LIT("<meta content=\"text/html; charset=big5\">")));
    /* a meta inside a comment or an attribute value is not one */
    assert_null(onr_charset_prescan(LIT("<!-- <meta charset=koi8-r> --><p>")));
    assert_null(onr_charset_prescan(LIT("<div title=\"<meta charset=koi8-r>\"></div>")));
    assert_string_equal(onr_charset_prescan(LIT("<!--><meta charset=koi8-u>")), "KOI8-U");
    /* the first charset attribute counts; a UTF-16 declaration means UTF-8 */
    assert_string_equal(onr_charset_prescan(LIT("<meta charset=utf-16le charset=koi8-r>")), "UTF-8");
    assert_string_equal(onr_charset_prescan(LIT("<meta charset=x-user-defined>")), "windows-1252");
    assert_null(onr_charset_prescan(LIT("<metacharset=koi8-r>")));
    /* only the first 1024 bytes are prescanned */
    char late[1200];
    memset(late, ' ', sizeof late);
    memcpy(late + 1100, "<meta charset=koi8-r>", 21);
    assert_null(onr_charset_prescan(late, sizeof late));
    /* ... but a late meta in the head still decides before the fallback, as a reparse would */
    assert_string_equal(onr_charset_detect(late, sizeof late, NULL, 0, NULL), "KOI8-R");
}

static void windows_1252_is_the_fallback(void **state)
{
    (void)state;
    /* a Latin-1 page without any declaration */
    static const char page[] = "<p>Caf\xE9 cr\xE8me br\xFBl\xE9" "e, na\xEF" "ve fa\xE7" "ade, \x80 5</p>";
    onr_utf8_text t;
    decode_ok(page, sizeof page - 1, NULL, &t);
    assert_string_equal(t.encoding, "windows-1252");
    assert_text(&t, "<p>Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e, na\xC3\xAFve fa\xC3\xA7" "ade, \xE2\x82\xAC 5</p>");
    onr_utf8_text_free(&t, NULL);

    /* the five bytes CP1252 leaves undefined are C1 controls in the standard */
    decode_ok(LIT("<meta charset=ascii>\x81\x9D"), NULL, &t);
    assert_text(&t, "<meta charset=ascii>\xC2\x81\xC2\x9D");
    onr_utf8_text_free(&t, NULL);
}

static void east_asian_encodings_convert(void **state)
{
    (void)state;
    onr_utf8_text t;
    decode_ok(LIT("<meta charset=shift_jis>\x93\xFA\x96\x7B"), NULL, &t);
    assert_string_equal(t.encoding, "Shift_JIS");
    assert_text(&t, "<meta charset=shift_jis>\xE6\x97\xA5\xE6\x9C\xAC");
    onr_utf8_text_free(&t, NULL);

    /* CP932 extension: the circled digit one (0x8740) */
    decode_ok(LIT("<meta charset=sjis>\x87\x40"), NULL, &t);
    assert_text(&t, "<meta charset=sjis>\xE2\x91\xA0");
    onr_utf8_text_free(&t, NULL);

    decode_ok(LIT("\xC7\xD1\xB1\xB9"), "text/html; charset=euc-kr", &t);
    assert_text(&t, "\xED\x95\x9C\xEA\xB5\xAD");
    onr_utf8_text_free(&t, NULL);

    decode_ok(LIT("\xD6\xD0\xCE\xC4"), "text/html; charset=gb2312", &t);
    assert_string_equal(t.encoding, "GBK");
    assert_text(&t, "\xE4\xB8\xAD\xE6\x96\x87");
    onr_utf8_text_free(&t, NULL);

    decode_ok(LIT("\x1B$B$3$s\x1B(B!"), "text/html; charset=iso-2022-jp", &t);
    assert_text(&t, "\xE3\x81\x93\xE3\x82\x93!");
    onr_utf8_text_free(&t, NULL);
}

static void invalid_sequences_become_replacement_characters(void **state)
{
    (void)state;
    onr_utf8_text t;
    decode_ok(LIT("a\xFF" "b\xC3"), "text/html; charset=utf-8", &t);
    assert_text(&t, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
    assert_int_equal(t.replacements, 2);
    onr_utf8_text_free(&t, NULL);

    /* a Shift_JIS lead byte followed by an invalid trail byte, then text that goes on */
    decode_ok(LIT("\x81\x20x\x93\xFA"), "text/html; charset=shift_jis", &t);
    assert_true(t.replacements >= 1);
    assert_true(t.len >= 3 && memcmp(t.data + t.len - 3, "\xE6\x97\xA5", 3) == 0);
    onr_utf8_text_free(&t, NULL);

    /* a sequence cut by the end of the input */
    decode_ok(LIT("ok\xC7"), "text/html; charset=euc-kr", &t);
    assert_text(&t, "ok\xEF\xBF\xBD");
    onr_utf8_text_free(&t, NULL);

    /* an encoding used in attacks decodes to a single U+FFFD */
    decode_ok(LIT("<p>\x1B$)Chello"), "text/html; charset=iso-2022-kr", &t);
    assert_string_equal(t.encoding, "replacement");
    assert_text(&t, "\xEF\xBF\xBD");
    onr_utf8_text_free(&t, NULL);
}

static void a_wrong_declaration_still_gives_valid_utf8(void **state)
{
    (void)state;
    /* declared UTF-8, written in windows-1252: the declaration wins and the bad bytes show */
    onr_utf8_text t;
    decode_ok(LIT("<meta charset=utf-8><p>Z\xFCrich</p>"), NULL, &t);
    assert_string_equal(t.encoding, "UTF-8");
    assert_int_equal(t.replacements, 1);
    assert_text(&t, "<meta charset=utf-8><p>Z\xEF\xBF\xBDrich</p>");
    onr_utf8_text_free(&t, NULL);
}

static void utf16_without_bom_is_sniffed(void **state)
{
    (void)state;
    static const char ascii[] = "<html><body><p>Hello, world. This is UTF-16.</p></body></html>";
    char le[2 * sizeof ascii], be[2 * sizeof ascii];
    size_t n = sizeof ascii - 1;
    for (size_t i = 0; i < n; i++) {
        le[2 * i] = ascii[i];
        le[2 * i + 1] = 0;
        be[2 * i] = 0;
        be[2 * i + 1] = ascii[i];
    }
    onr_utf8_text t;
    decode_ok(le, 2 * n, NULL, &t);
    assert_string_equal(t.encoding, "UTF-16LE");
    assert_int_equal(t.source, ONR_CHARSET_FROM_SNIFF);
    assert_text(&t, ascii);
    onr_utf8_text_free(&t, NULL);
    decode_ok(be, 2 * n, NULL, &t);
    assert_string_equal(t.encoding, "UTF-16BE");
    assert_int_equal(t.source, ONR_CHARSET_FROM_SNIFF);
    assert_text(&t, ascii);
    onr_utf8_text_free(&t, NULL);
    /* no byte-order mark: detection says it sniffed, not "bom" */
    onr_charset_source source;
    assert_string_equal(onr_charset_detect(le, 2 * n, NULL, 0, &source), "UTF-16LE");
    assert_int_equal(source, ONR_CHARSET_FROM_SNIFF);
    assert_string_equal(onr_charset_detect(be, 2 * n, NULL, 0, &source), "UTF-16BE");
    assert_int_equal(source, ONR_CHARSET_FROM_SNIFF);
}

static void sniffing_recognises_a_legacy_encoding(void **state)
{
    (void)state;
    /* Cyrillic in windows-1251, long enough for uchardet to be sure */
    static const char word[] = "\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0! \xdd\xf2\xee \xed\xee\xe2\xee\xf1\xf2\xe8 "
                               "\xe4\xed\xff \xe8 \xf0\xe5\xe4\xe0\xea\xf6\xe8\xff \xe3\xe0\xe7\xe5\xf2\xfb. ";
    char page[2048] = "<p>";
    for (int i = 0; i < 10; i++)
        strcat(page, word);
    onr_charset_source source;
    const char *enc = onr_charset_detect(page, strlen(page), NULL, 0, &source);
    assert_int_equal(source, ONR_CHARSET_FROM_SNIFF);
    assert_string_equal(enc, "windows-1251");
}

static void forced_labels_and_user_defined(void **state)
{
    (void)state;
    onr_utf8_text t;
    onr_error err;
    assert_int_equal(onr_convert_to_utf8(LIT("\xE9"), LIT("latin1"), NULL, &t, &err), ONR_OK);
    assert_int_equal(t.source, ONR_CHARSET_FROM_CALLER);
    assert_text(&t, "\xC3\xA9");
    onr_utf8_text_free(&t, NULL);
    assert_int_equal(onr_convert_to_utf8(LIT("a\x80"), LIT("x-user-defined"), NULL, &t, &err), ONR_OK);
    assert_text(&t, "a\xEF\x9E\x80");
    onr_utf8_text_free(&t, NULL);
    assert_int_equal(onr_convert_to_utf8(LIT("a"), LIT("klingon"), NULL, &t, &err), ONR_ERR_UNSUPPORTED);
    assert_int_equal(err.status, ONR_ERR_UNSUPPORTED);
    assert_int_equal(onr_to_utf8(NULL, 3, NULL, 0, NULL, &t, &err), ONR_ERR_ARGUMENT);
    assert_int_equal(onr_to_utf8(NULL, 0, NULL, 0, NULL, &t, &err), ONR_OK);
    assert_int_equal(t.len, 0);
}

static void allocation_failures_are_reported_cleanly(void **state)
{
    (void)state;
    static const char page[] = "<meta charset=shift_jis>\x93\xFA\x96\x7B and \xE9";
    for (int n = 0; n < 8; n++) {
        test_mem mem;
        test_mem_init_allowing(&mem, (size_t)n);
        onr_utf8_text t;
        onr_error err;
        onr_status st = onr_to_utf8(page, sizeof page - 1, NULL, 0, &mem.mem, &t, &err);
        assert_true(st == ONR_OK || st == ONR_ERR_NOMEM);
        if (st == ONR_OK)
            onr_utf8_text_free(&t, &mem.mem);
        else
            assert_null(t.owned);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(labels_map_as_the_encoding_standard_says),
        cmocka_unit_test(ascii_and_utf8_need_no_copy),
        cmocka_unit_test(byte_order_marks_win_over_everything),
        cmocka_unit_test(http_charset_beats_meta),
        cmocka_unit_test(meta_prescan_variants),
        cmocka_unit_test(windows_1252_is_the_fallback),
        cmocka_unit_test(east_asian_encodings_convert),
        cmocka_unit_test(invalid_sequences_become_replacement_characters),
        cmocka_unit_test(a_wrong_declaration_still_gives_valid_utf8),
        cmocka_unit_test(utf16_without_bom_is_sniffed),
        cmocka_unit_test(sniffing_recognises_a_legacy_encoding),
        cmocka_unit_test(forced_labels_and_user_defined),
        cmocka_unit_test(allocation_failures_are_reported_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
