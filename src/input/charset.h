/* Charset detection and decoding, internal view: the encoding table (charset_labels.c) and the
 * steps of the WHATWG detection order (charset.c, prescan.c). */
#ifndef ONR_CHARSET_H
#define ONR_CHARSET_H

#include "input.h"

typedef enum onr_encoding_id {
    ONR_ENC_NONE = -1,
    ONR_ENC_UTF8 = 0,
    ONR_ENC_IBM866,
    ONR_ENC_ISO8859_2, ONR_ENC_ISO8859_3, ONR_ENC_ISO8859_4, ONR_ENC_ISO8859_5, ONR_ENC_ISO8859_6,
    ONR_ENC_ISO8859_7, ONR_ENC_ISO8859_8, ONR_ENC_ISO8859_8_I, ONR_ENC_ISO8859_10, ONR_ENC_ISO8859_13,
    ONR_ENC_ISO8859_14, ONR_ENC_ISO8859_15, ONR_ENC_ISO8859_16,
    ONR_ENC_KOI8_R, ONR_ENC_KOI8_U, ONR_ENC_MACINTOSH, ONR_ENC_WINDOWS_874,
    ONR_ENC_WINDOWS_1250, ONR_ENC_WINDOWS_1251, ONR_ENC_WINDOWS_1252, ONR_ENC_WINDOWS_1253,
    ONR_ENC_WINDOWS_1254, ONR_ENC_WINDOWS_1255, ONR_ENC_WINDOWS_1256, ONR_ENC_WINDOWS_1257,
    ONR_ENC_WINDOWS_1258, ONR_ENC_X_MAC_CYRILLIC,
    ONR_ENC_GBK, ONR_ENC_GB18030, ONR_ENC_BIG5, ONR_ENC_EUC_JP, ONR_ENC_ISO2022_JP,
    ONR_ENC_SHIFT_JIS, ONR_ENC_EUC_KR,
    ONR_ENC_REPLACEMENT, ONR_ENC_UTF16BE, ONR_ENC_UTF16LE, ONR_ENC_X_USER_DEFINED,
    ONR_ENC__COUNT
} onr_encoding_id;

typedef enum onr_decoder_kind {
    ONR_DECODE_UTF8,
    ONR_DECODE_WINDOWS_1252,
    ONR_DECODE_ICONV,          /* ASCII bytes stand for themselves */
    ONR_DECODE_ICONV_STATEFUL, /* escape sequences switch sets: ASCII bytes are not always ASCII */
    ONR_DECODE_UTF16,
    ONR_DECODE_REPLACEMENT,
    ONR_DECODE_USER_DEFINED
} onr_decoder_kind;

typedef struct onr_encoding {
    const char *name;   /* canonical WHATWG name */
    const char *iconv;  /* glibc iconv name, NULL when decoded here */
    onr_decoder_kind decoder;
} onr_encoding;

extern const onr_encoding onr_encodings[ONR_ENC__COUNT];

/* The encoding a WHATWG label names, or ONR_ENC_NONE. */
onr_encoding_id onr_encoding_from_label(const char *label, size_t len);
/* The steps of the detection order, each ONR_ENC_NONE when it says nothing. */
onr_encoding_id onr_charset_bom(const char *bytes, size_t len, size_t *bom_len);
onr_encoding_id onr_charset_from_content_type(const char *value, size_t len);
onr_encoding_id onr_charset_prescan_id(const char *bytes, size_t len);
/* The same scan over the first `window` bytes, optionally ending at "<body": finds the late
 * <meta> that a browser's tree builder would act on by reparsing. */
onr_encoding_id onr_charset_prescan_window(const char *bytes, size_t len, size_t window,
                                           bool stop_at_body);

#endif /* ONR_CHARSET_H */
