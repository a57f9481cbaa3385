/* A page's bytes to UTF-8: the WHATWG detection order (BOM, HTTP charset, <meta> prescan,
 * sniffing, windows-1252) and the decoders (our own for UTF-8 repair, windows-1252 and
 * x-user-defined; glibc iconv for the rest). Input of any encoding becomes valid UTF-8. */
#include "charset.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <uchardet.h>

/* uchardet sees at most this much of a page: enough to be confident, and bounded. */
#define SNIFF_LIMIT (64 * 1024)
/* A <meta> past the first 1024 bytes is still looked for this far into the head. */
#define LATE_META_LIMIT (64 * 1024)

static const char *const source_names[] = {"bom", "http", "meta", "sniff", "default", "caller"};

const char *onr_charset_source_name(onr_charset_source source)
{
    return (unsigned)source < sizeof source_names / sizeof source_names[0] ? source_names[source]
                                                                           : "unknown";
}

onr_encoding_id onr_charset_bom(const char *bytes, size_t len, size_t *bom_len)
{
    const unsigned char *p = (const unsigned char *)bytes;
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        *bom_len = 3;
        return ONR_ENC_UTF8;
    }
    if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        *bom_len = 2;
        return ONR_ENC_UTF16BE;
    }
    if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
        *bom_len = 2;
        return ONR_ENC_UTF16LE;
    }
    *bom_len = 0;
    return ONR_ENC_NONE;
}

onr_encoding_id onr_charset_from_content_type(const char *value, size_t len)
{
    if (!value || !len)
        return ONR_ENC_NONE;
    onr_string charset = onr_mime_parameter(value, len, "charset", 7);
    return charset.data ? onr_encoding_from_label(charset.data, charset.len) : ONR_ENC_NONE;
}

/* Length of the leading run of ASCII bytes, eight at a time. */
static size_t ascii_prefix(const char *s, size_t len)
{
    size_t i = 0;
    while (i + 8 <= len) {
        uint64_t word;
        memcpy(&word, s + i, 8);
        if (word & UINT64_C(0x8080808080808080))
            break;
        i += 8;
    }
    while (i < len && !((unsigned char)s[i] & 0x80))
        i++;
    return i;
}

/* Whether the whole input is valid UTF-8, skipping ASCII runs quickly. */
static bool valid_utf8(const char *s, size_t len, bool *has_non_ascii)
{
    size_t i = ascii_prefix(s, len);
    *has_non_ascii = i < len;
    while (i < len) {
        size_t valid = onr_utf8_valid_prefix(s + i, len - i);
        if (valid == 0)
            return false;
        i += valid;
    }
    return true;
}

/* UTF-16 without a BOM shows itself by NUL bytes on one side of mostly-ASCII text. */
static onr_encoding_id sniff_utf16(const char *bytes, size_t len)
{
    size_t n = len < 4096 ? len & ~(size_t)1 : 4096;
    size_t even_nul = 0, odd_nul = 0;
    for (size_t i = 0; i < n; i += 2) {
        even_nul += bytes[i] == 0;
        odd_nul += bytes[i + 1] == 0;
    }
    size_t pairs = n / 2;
    if (pairs < 2)
        return ONR_ENC_NONE;
    if (odd_nul * 10 > pairs * 6 && even_nul * 10 < pairs)
        return ONR_ENC_UTF16LE;
    if (even_nul * 10 > pairs * 6 && odd_nul * 10 < pairs)
        return ONR_ENC_UTF16BE;
    return ONR_ENC_NONE;
}

/* The sniffing that is near certain: UTF-16 by its NUL bytes, UTF-8 by its validity. */
static onr_encoding_id sniff_strong(const char *bytes, size_t len, bool *non_ascii)
{
    onr_encoding_id utf16 = sniff_utf16(bytes, len);
    if (utf16 != ONR_ENC_NONE) {
        *non_ascii = true;
        return utf16;
    }
    if (valid_utf8(bytes, len, non_ascii))
        return *non_ascii ? ONR_ENC_UTF8 : ONR_ENC_NONE;
    *non_ascii = true;
    return ONR_ENC_NONE;
}

/* A statistical guess at a legacy encoding (uchardet). */
static onr_encoding_id sniff_legacy(const char *bytes, size_t len)
{
    uchardet_t detector = uchardet_new();
    if (!detector)
        return ONR_ENC_NONE;
    onr_encoding_id found = ONR_ENC_NONE;
    if (uchardet_handle_data(detector, bytes, len < SNIFF_LIMIT ? len : SNIFF_LIMIT) == 0) {
        uchardet_data_end(detector);
        const char *name = uchardet_get_charset(detector);
        found = onr_encoding_from_label(name, name ? strlen(name) : 0);
        /* uchardet names a few encodings outside the WHATWG labels. */
        if (found == ONR_ENC_NONE && name && onr_ascii_ieq(name, strlen(name), "ISO-2022-JP", 11))
            found = ONR_ENC_ISO2022_JP;
    }
    uchardet_delete(detector);
    /* A UTF-8 guess for invalid UTF-8 adds nothing over the fallback. */
    return found == ONR_ENC_UTF8 ? ONR_ENC_NONE : found;
}

static onr_encoding_id detect(const char *bytes, size_t len, const char *content_type,
                              size_t content_type_len, onr_charset_source *source, size_t *bom_len)
{
    onr_encoding_id e = onr_charset_bom(bytes, len, bom_len);
    if (e != ONR_ENC_NONE) {
        *source = ONR_CHARSET_FROM_BOM;
        return e;
    }
    e = onr_charset_from_content_type(content_type, content_type_len);
    if (e != ONR_ENC_NONE) {
        *source = ONR_CHARSET_FROM_HTTP;
        return e;
    }
    e = onr_charset_prescan_id(bytes, len);
    if (e != ONR_ENC_NONE) {
        *source = ONR_CHARSET_FROM_META;
        return e;
    }
    /* Sniffing is tentative: a browser that meets a <meta> later in the head reparses with it.
     * UTF-16 and valid non-ASCII UTF-8 are strong evidence, though, and win over it. */
    bool non_ascii;
    e = sniff_strong(bytes, len, &non_ascii);
    if (e != ONR_ENC_NONE) {
        *source = ONR_CHARSET_FROM_SNIFF;
        return e;
    }
    if (len > 1024) {
        e = onr_charset_prescan_window(bytes, len, LATE_META_LIMIT, true);
        if (e != ONR_ENC_NONE) {
            *source = ONR_CHARSET_FROM_META;
            return e;
        }
    }
    e = non_ascii ? sniff_legacy(bytes, len) : ONR_ENC_NONE;
    if (e != ONR_ENC_NONE) {
        *source = ONR_CHARSET_FROM_SNIFF;
        return e;
    }
    *source = ONR_CHARSET_FROM_DEFAULT;
    return ONR_ENC_WINDOWS_1252;
}

const char *onr_charset_detect(const char *bytes, size_t len, const char *content_type,
                               size_t content_type_len, onr_charset_source *source)
{
    onr_charset_source ignored;
    size_t bom_len;
    if (!bytes)
        len = 0;
    return onr_encodings[detect(bytes ? bytes : "", len, content_type, content_type_len,
                                source ? source : &ignored, &bom_len)]
        .name;
}

/* ---- decoders: each appends UTF-8 to `out` and counts replacements ---- */

static const uint16_t windows_1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

static void decode_single_byte(onr_buf *out, const char *s, size_t len, bool user_defined)
{
    size_t room;
    if (!onr_size_mul(len, 3, &room) || !onr_buf_reserve(out, room)) {
        out->failed = true;
        return;
    }
    char *w = out->data + out->len;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp = c < 0x80 ? c
                      : user_defined ? 0xF780u + (c - 0x80u)
                      : c < 0xA0 ? windows_1252_high[c - 0x80]
                                 : c;
        w += onr_utf8_encode(cp, w);
    }
    out->len = (size_t)(w - out->data);
    out->data[out->len] = '\0';
}

static size_t count_replacements(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i + 3 <= len; i++)
        if ((unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBF &&
            (unsigned char)s[i + 2] == 0xBD)
            n++;
    return n;
}

/* iconv stops at an invalid sequence (EILSEQ) or a truncated one at the end (EINVAL): we write
 * U+FFFD, step over one code unit and go on, so no input is ever refused. */
static onr_status decode_iconv(onr_buf *out, const char *s, size_t len, const onr_encoding *enc,
                               size_t *replacements, onr_error *err)
{
    iconv_t cd = iconv_open("UTF-8", enc->iconv);
    if (cd == (iconv_t)-1)
        return onr_fail(err, ONR_ERR_UNSUPPORTED, (size_t)-1, "iconv cannot decode %s", enc->name);
    size_t unit = enc->decoder == ONR_DECODE_UTF16 ? 2 : 1;
    char *in = (char *)(uintptr_t)s;
    size_t in_left = len;
    onr_status status = ONR_OK;
    while (in_left > 0) {
        if (!onr_buf_reserve(out, in_left * 2 + 16)) {
            status = onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory while decoding");
            break;
        }
        char *w = out->data + out->len;
        size_t room = out->cap - out->len - 1;
        size_t rc = iconv(cd, &in, &in_left, &w, &room);
        out->len = (size_t)(w - out->data);
        out->data[out->len] = '\0';
        if (rc != (size_t)-1)
            break;
        if (errno == E2BIG)
            continue;
        onr_buf_append(out, "\xEF\xBF\xBD", 3);
        (*replacements)++;
        size_t skip = in_left < unit ? in_left : unit;
        if (errno == EINVAL)
            skip = in_left; /* a sequence cut by the end of the input */
        in += skip;
        in_left -= skip;
        iconv(cd, NULL, NULL, NULL, NULL); /* back to the initial shift state */
    }
    /* Flush a stateful decoder. */
    if (status == ONR_OK && onr_buf_reserve(out, 16)) {
        char *w = out->data + out->len;
        size_t room = out->cap - out->len - 1;
        iconv(cd, NULL, NULL, &w, &room);
        out->len = (size_t)(w - out->data);
        out->data[out->len] = '\0';
    }
    iconv_close(cd);
    return status;
}

static onr_status decode(onr_buf *out, const char *s, size_t len, onr_encoding_id id,
                         size_t *replacements, onr_error *err)
{
    const onr_encoding *enc = &onr_encodings[id];
    switch (enc->decoder) {
    case ONR_DECODE_UTF8: {
        size_t before = out->len;
        onr_buf_append_utf8_clean(out, s, len);
        if (!out->failed)
            *replacements += count_replacements(out->data + before, out->len - before) -
                             count_replacements(s, len);
        break;
    }
    case ONR_DECODE_WINDOWS_1252:
    case ONR_DECODE_USER_DEFINED:
        decode_single_byte(out, s, len, enc->decoder == ONR_DECODE_USER_DEFINED);
        break;
    case ONR_DECODE_REPLACEMENT:
        /* Encodings that were used for attacks decode to one U+FFFD, as browsers do. */
        if (len > 0) {
            onr_buf_append(out, "\xEF\xBF\xBD", 3);
            (*replacements)++;
        }
        break;
    case ONR_DECODE_ICONV:
    case ONR_DECODE_ICONV_STATEFUL:
    case ONR_DECODE_UTF16:
        if (len > 0) {
            onr_status st = decode_iconv(out, s, len, enc, replacements, err);
            if (st != ONR_OK)
                return st;
        }
        break;
    }
    if (out->failed)
        return onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory while decoding");
    return ONR_OK;
}

/* Whether the bytes read the same in UTF-8, so that no copy is needed. */
static bool needs_no_copy(const char *s, size_t len, onr_encoding_id id)
{
    const onr_encoding *enc = &onr_encodings[id];
    bool non_ascii;
    switch (enc->decoder) {
    case ONR_DECODE_UTF8:
        return valid_utf8(s, len, &non_ascii);
    case ONR_DECODE_WINDOWS_1252:
    case ONR_DECODE_USER_DEFINED:
    case ONR_DECODE_ICONV:
        return ascii_prefix(s, len) == len;
    case ONR_DECODE_ICONV_STATEFUL: /* ESC switches character sets */
        return ascii_prefix(s, len) == len && !memchr(s, 0x1B, len);
    case ONR_DECODE_UTF16:
    case ONR_DECODE_REPLACEMENT:
        return len == 0;
    }
    return false;
}

static onr_status convert(const char *bytes, size_t len, onr_encoding_id id,
                          onr_charset_source source, size_t bom_len, const onr_mem *mem,
                          onr_utf8_text *out, onr_error *err)
{
    const char *body = bytes + bom_len;
    size_t body_len = len - bom_len;
    out->encoding = onr_encodings[id].name;
    out->source = source;
    if (needs_no_copy(body, body_len, id)) {
        out->data = body;
        out->len = body_len;
        return ONR_OK;
    }
    onr_buf buf;
    onr_buf_init(&buf, mem);
    onr_status st = decode(&buf, body, body_len, id, &out->replacements, err);
    if (st == ONR_OK && !onr_buf_reserve(&buf, 0))
        st = onr_fail(err, ONR_ERR_NOMEM, (size_t)-1, "out of memory while decoding");
    if (st != ONR_OK) {
        onr_buf_free(&buf);
        memset(out, 0, sizeof *out);
        return st;
    }
    size_t n;
    out->owned = onr_buf_detach(&buf, &n);
    out->data = out->owned;
    out->len = n;
    return ONR_OK;
}

onr_status onr_to_utf8(const char *bytes, size_t len, const char *content_type,
                       size_t content_type_len, const onr_mem *mem, onr_utf8_text *out,
                       onr_error *err)
{
    if (!out || (!bytes && len > 0))
        return onr_fail(err, ONR_ERR_ARGUMENT, (size_t)-1, "onr_to_utf8: NULL argument");
    memset(out, 0, sizeof *out);
    if (!bytes)
        bytes = "";
    onr_charset_source source;
    size_t bom_len;
    onr_encoding_id id = detect(bytes, len, content_type, content_type_len, &source, &bom_len);
    onr_status st = convert(bytes, len, id, source, bom_len, mem, out, err);
    if (st == ONR_ERR_UNSUPPORTED) /* an iconv without that table: keep the text readable */
        st = convert(bytes, len, ONR_ENC_WINDOWS_1252, ONR_CHARSET_FROM_DEFAULT, bom_len, mem, out,
                     err);
    return st;
}

onr_status onr_convert_to_utf8(const char *bytes, size_t len, const char *label, size_t label_len,
                               const onr_mem *mem, onr_utf8_text *out, onr_error *err)
{
    if (!out || (!bytes && len > 0))
        return onr_fail(err, ONR_ERR_ARGUMENT, (size_t)-1, "onr_convert_to_utf8: NULL argument");
    memset(out, 0, sizeof *out);
    if (!bytes)
        bytes = "";
    onr_encoding_id id = onr_encoding_from_label(label, label_len);
    if (id == ONR_ENC_NONE)
        return onr_fail(err, ONR_ERR_UNSUPPORTED, (size_t)-1, "unknown encoding label \"%.*s\"",
                        (int)(label_len > 64 ? 64 : label_len), label ? label : "");
    size_t bom_len;
    onr_encoding_id bom = onr_charset_bom(bytes, len, &bom_len);
    if (bom != ONR_ENC_NONE)
        return convert(bytes, len, bom, ONR_CHARSET_FROM_BOM, bom_len, mem, out, err);
    return convert(bytes, len, id, ONR_CHARSET_FROM_CALLER, 0, mem, out, err);
}

void onr_utf8_text_free(onr_utf8_text *text, const onr_mem *mem)
{
    if (!text)
        return;
    onr_free(mem, text->owned);
    memset(text, 0, sizeof *text);
}
