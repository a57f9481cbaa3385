/* Fuzz target: charset detection and conversion to UTF-8 (onr_to_utf8, onr_convert_to_utf8,
 * onr_charset_detect, onr_charset_prescan, onr_charset_lookup). The output must be valid UTF-8
 * and point into the input or into the buffer the result owns.
 * Byte 0: bit 0 fail one allocation (its number is the next byte); bit 1 a Content-Type header
 * (its length is the next byte, its text the following bytes); bit 2 an encoding forced by the
 * caller (the next byte picks a label); bit 3 the next byte is a label length cut from the input,
 * looked up with onr_charset_lookup. */
#include "fuzz.h"

#include <string.h>

static const char *const labels[] = {
    "utf-8",    "latin1",     "windows-1251", "koi8-r",     "iso-8859-2", "iso-8859-8-i",
    "shift_jis", "euc-jp",    "iso-2022-jp",  "gbk",        "gb18030",    "big5",
    "euc-kr",   "utf-16le",   "utf-16be",     "utf-16",     "x-user-defined", "replacement",
    "macintosh", "windows-874", "ibm866",     "x-mac-cyrillic", " UTF-8 ", "no-such-label",
};

static void check_text(const onr_utf8_text *text, const uint8_t *input, size_t input_len)
{
    fuzz_require(text->encoding != NULL, "an encoding is named");
    fuzz_require(text->len == 0 || text->data != NULL, "data present");
    fuzz_require(fuzz_valid_utf8(text->data, text->len), "output is UTF-8");
    if (text->owned) {
        fuzz_require(text->data == text->owned && text->owned[text->len] == '\0',
                     "owned output is terminated");
    } else if (text->len > 0) {
        const char *start = (const char *)input;
        fuzz_require(text->data >= start && text->data + text->len <= start + input_len,
                     "unowned output points into the input");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    unsigned flags = fuzz_take_byte(&in);
    test_mem t;
    fuzz_mem_init(&t, flags, 1, &in);
    const char *content_type = NULL;
    size_t content_type_len = 0;
    if (flags & 2) {
        content_type_len = fuzz_take_byte(&in);
        if (content_type_len > in.len)
            content_type_len = in.len;
        content_type = (const char *)in.data;
        in.data += content_type_len;
        in.len -= content_type_len;
    }
    const char *label = labels[fuzz_take_byte(&in) % (sizeof labels / sizeof labels[0])];
    if (flags & 8) {
        size_t n = fuzz_take_byte(&in);
        (void)onr_charset_lookup((const char *)in.data, n < in.len ? n : in.len);
    }
    const char *bytes = (const char *)in.data;

    onr_utf8_text text;
    onr_error err;
    onr_status status;
    if (flags & 4) {
        status = onr_convert_to_utf8(bytes, in.len, label, strlen(label), &t.mem, &text, &err);
        if (status == ONR_ERR_UNSUPPORTED)
            fuzz_require(onr_charset_lookup(label, strlen(label)) == NULL, "only unknown labels fail");
        else
            fuzz_check_status(&t, status, "convert_to_utf8");
    } else {
        status = onr_to_utf8(bytes, in.len, content_type, content_type_len, &t.mem, &text, &err);
        fuzz_check_status(&t, status, "to_utf8");
    }
    if (status == ONR_OK) {
        check_text(&text, in.data, in.len);
        if (!(flags & 4)) {
            onr_charset_source source;
            const char *detected = onr_charset_detect(bytes, in.len, content_type, content_type_len,
                                                      &source);
            fuzz_require(detected && strcmp(detected, text.encoding) == 0 && source == text.source,
                         "detect agrees with the conversion");
        }
        onr_utf8_text_free(&text, &t.mem);
    } else {
        fuzz_require(t.failures > 0 || status == ONR_ERR_UNSUPPORTED, "conversion fails only on nomem");
    }
    (void)onr_charset_prescan(bytes, in.len);
    fuzz_check_no_leak(&t, "charset");
    return 0;
}
