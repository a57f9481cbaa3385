/* The WHATWG Encoding standard's encodings and every label that names them (encodings.json),
 * with the glibc iconv name used to decode each. */
#include "charset.h"

#include <string.h>

const onr_encoding onr_encodings[] = {
    [ONR_ENC_UTF8] = {"UTF-8", "UTF-8", ONR_DECODE_UTF8},
    [ONR_ENC_IBM866] = {"IBM866", "IBM866", ONR_DECODE_ICONV},
    [ONR_ENC_ISO8859_2] = {"ISO-8859-2", "ISO-8859-2", ONR_DECODE_ICONV},
    [ONR_ENC_ISO8859_3] = {"ISO-8859-3", "ISO-8859-3", ONR_DECODE_ICONV},
    [ONR_ENC_ISO8859_4] = {"ISO-8859-4", "ISO-8859-4", ONR_DECODE_ICONV},
    [ONR_ENC_ISO8859_5] = {"ISO-8859-5", "ISO-8859-5", ONR_DECODE_ICONV},
    [ONR_ENC_ISO8859_6] = {"ISO-8859-6", "ISO-8859-6", ONR_DECODE_ICONV},
    [ONR_ENC_ISO8859_7] = {"ISO-8859-7", "ISO-8859-7", ONR_DECODE_ICONV},
    [ONR_ENC_ISO8859_8] = {"ISO-8859-8", "ISO-8859-8", ONR_DECODE_ICONV},
    /* Logical order only changes rendering; the bytes decode as ISO-8859-8. */
    [ONR_ENC_ISO8859_8_I] = {"ISO-8859-8-I", "ISO-8859-8", ONR_DECODE_ICONV},
    [ONR_ENC_ISO8859_10] = {"ISO-8859-10", "ISO-8859-10", ONR_DECODE_ICONV},
    [ONR_ENC_ISO8859_13] = {"ISO-8859-13", "ISO-8859-13", ONR_DECODE_ICONV},
    [ONR_ENC_ISO8859_14] = {"ISO-8859-14", "ISO-8859-14", ONR_DECODE_ICONV},
    [ONR_ENC_ISO8859_15] = {"ISO-8859-15", "ISO-8859-15", ONR_DECODE_ICONV},
    [ONR_ENC_ISO8859_16] = {"ISO-8859-16", "ISO-8859-16", ONR_DECODE_ICONV},
    [ONR_ENC_KOI8_R] = {"KOI8-R", "KOI8-R", ONR_DECODE_ICONV},
    [ONR_ENC_KOI8_U] = {"KOI8-U", "KOI8-U", ONR_DECODE_ICONV},
    [ONR_ENC_MACINTOSH] = {"macintosh", "MACINTOSH", ONR_DECODE_ICONV},
    [ONR_ENC_WINDOWS_874] = {"windows-874", "CP874", ONR_DECODE_ICONV},
    [ONR_ENC_WINDOWS_1250] = {"windows-1250", "CP1250", ONR_DECODE_ICONV},
    [ONR_ENC_WINDOWS_1251] = {"windows-1251", "CP1251", ONR_DECODE_ICONV},
    /* The web's most common legacy encoding: decoded by our own table, which also maps the five
     * bytes glibc's CP1252 leaves undefined to C1 controls, as the standard does. */
    [ONR_ENC_WINDOWS_1252] = {"windows-1252", NULL, ONR_DECODE_WINDOWS_1252},
    [ONR_ENC_WINDOWS_1253] = {"windows-1253", "CP1253", ONR_DECODE_ICONV},
    [ONR_ENC_WINDOWS_1254] = {"windows-1254", "CP1254", ONR_DECODE_ICONV},
    [ONR_ENC_WINDOWS_1255] = {"windows-1255", "CP1255", ONR_DECODE_ICONV},
    [ONR_ENC_WINDOWS_1256] = {"windows-1256", "CP1256", ONR_DECODE_ICONV},
    [ONR_ENC_WINDOWS_1257] = {"windows-1257", "CP1257", ONR_DECODE_ICONV},
    [ONR_ENC_WINDOWS_1258] = {"windows-1258", "CP1258", ONR_DECODE_ICONV},
    [ONR_ENC_X_MAC_CYRILLIC] = {"x-mac-cyrillic", "MAC-CYRILLIC", ONR_DECODE_ICONV},
    /* GBK and gb2312 pages are decoded with the gb18030 superset, as browsers do. */
    [ONR_ENC_GBK] = {"GBK", "GB18030", ONR_DECODE_ICONV},
    [ONR_ENC_GB18030] = {"gb18030", "GB18030", ONR_DECODE_ICONV},
    [ONR_ENC_BIG5] = {"Big5", "BIG5-HKSCS", ONR_DECODE_ICONV},
    [ONR_ENC_EUC_JP] = {"EUC-JP", "EUC-JP", ONR_DECODE_ICONV},
    [ONR_ENC_ISO2022_JP] = {"ISO-2022-JP", "ISO-2022-JP", ONR_DECODE_ICONV_STATEFUL},
    /* Shift_JIS pages use Microsoft's extensions (CP932); EUC-KR pages use Microsoft's UHC. */
    [ONR_ENC_SHIFT_JIS] = {"Shift_JIS", "CP932", ONR_DECODE_ICONV},
    [ONR_ENC_EUC_KR] = {"EUC-KR", "CP949", ONR_DECODE_ICONV},
    [ONR_ENC_REPLACEMENT] = {"replacement", NULL, ONR_DECODE_REPLACEMENT},
    [ONR_ENC_UTF16BE] = {"UTF-16BE", "UTF-16BE", ONR_DECODE_UTF16},
    [ONR_ENC_UTF16LE] = {"UTF-16LE", "UTF-16LE", ONR_DECODE_UTF16},
    [ONR_ENC_X_USER_DEFINED] = {"x-user-defined", NULL, ONR_DECODE_USER_DEFINED},
};

typedef struct charset_label {
    const char *label;
    onr_encoding_id encoding;
} charset_label;

static const charset_label labels[] = {
    {"unicode-1-1-utf-8", ONR_ENC_UTF8}, {"unicode11utf8", ONR_ENC_UTF8},
    {"unicode20utf8", ONR_ENC_UTF8}, {"utf-8", ONR_ENC_UTF8}, {"utf8", ONR_ENC_UTF8},
    {"x-unicode20utf8", ONR_ENC_UTF8},
    {"866", ONR_ENC_IBM866}, {"cp866", ONR_ENC_IBM866}, {"csibm866", ONR_ENC_IBM866},
    {"ibm866", ONR_ENC_IBM866},
    {"csisolatin2", ONR_ENC_ISO8859_2}, {"iso-8859-2", ONR_ENC_ISO8859_2},
    {"iso-ir-101", ONR_ENC_ISO8859_2}, {"iso8859-2", ONR_ENC_ISO8859_2},
    {"iso88592", ONR_ENC_ISO8859_2}, {"iso_8859-2", ONR_ENC_ISO8859_2},
    {"iso_8859-2:1987", ONR_ENC_ISO8859_2}, {"l2", ONR_ENC_ISO8859_2}, {"latin2", ONR_ENC_ISO8859_2},
    {"csisolatin3", ONR_ENC_ISO8859_3}, {"iso-8859-3", ONR_ENC_ISO8859_3},
    {"iso-ir-109", ONR_ENC_ISO8859_3}, {"iso8859-3", ONR_ENC_ISO8859_3},
    {"iso88593", ONR_ENC_ISO8859_3}, {"iso_8859-3", ONR_ENC_ISO8859_3},
    {"iso_8859-3:1988", ONR_ENC_ISO8859_3}, {"l3", ONR_ENC_ISO8859_3}, {"latin3", ONR_ENC_ISO8859_3},
    {"csisolatin4", ONR_ENC_ISO8859_4}, {"iso-8859-4", ONR_ENC_ISO8859_4},
    {"iso-ir-110", ONR_ENC_ISO8859_4}, {"iso8859-4", ONR_ENC_ISO8859_4},
    {"iso88594", ONR_ENC_ISO8859_4}, {"iso_8859-4", ONR_ENC_ISO8859_4},
    {"iso_8859-4:1988", ONR_ENC_ISO8859_4}, {"l4", ONR_ENC_ISO8859_4}, {"latin4", ONR_ENC_ISO8859_4},
    {"csisolatincyrillic", ONR_ENC_ISO8859_5}, {"cyrillic", ONR_ENC_ISO8859_5},
    {"iso-8859-5", ONR_ENC_ISO8859_5}, {"iso-ir-144", ONR_ENC_ISO8859_5},
    {"iso8859-5", ONR_ENC_ISO8859_5}, {"iso88595", ONR_ENC_ISO8859_5},
    {"iso_8859-5", ONR_ENC_ISO8859_5}, {"iso_8859-5:1988", ONR_ENC_ISO8859_5},
    {"arabic", ONR_ENC_ISO8859_6}, {"asmo-708", ONR_ENC_ISO8859_6}, {"csiso88596e", ONR_ENC_ISO8859_6},
    {"csiso88596i", ONR_ENC_ISO8859_6}, {"csisolatinarabic", ONR_ENC_ISO8859_6},
    {"ecma-114", ONR_ENC_ISO8859_6}, {"iso-8859-6", ONR_ENC_ISO8859_6},
    {"iso-8859-6-e", ONR_ENC_ISO8859_6}, {"iso-8859-6-i", ONR_ENC_ISO8859_6},
    {"iso-ir-127", ONR_ENC_ISO8859_6}, {"iso8859-6", ONR_ENC_ISO8859_6},
    {"iso88596", ONR_ENC_ISO8859_6}, {"iso_8859-6", ONR_ENC_ISO8859_6},
    {"iso_8859-6:1987", ONR_ENC_ISO8859_6},
    {"csisolatingreek", ONR_ENC_ISO8859_7}, {"ecma-118", ONR_ENC_ISO8859_7},
    {"elot_928", ONR_ENC_ISO8859_7}, {"greek", ONR_ENC_ISO8859_7}, {"greek8", ONR_ENC_ISO8859_7},
    {"iso-8859-7", ONR_ENC_ISO8859_7}, {"iso-ir-126", ONR_ENC_ISO8859_7},
    {"iso8859-7", ONR_ENC_ISO8859_7}, {"iso88597", ONR_ENC_ISO8859_7},
    {"iso_8859-7", ONR_ENC_ISO8859_7}, {"iso_8859-7:1987", ONR_ENC_ISO8859_7},
    {"sun_eu_greek", ONR_ENC_ISO8859_7},
    {"csiso88598e", ONR_ENC_ISO8859_8}, {"csisolatinhebrew", ONR_ENC_ISO8859_8},
    {"hebrew", ONR_ENC_ISO8859_8}, {"iso-8859-8", ONR_ENC_ISO8859_8},
    {"iso-8859-8-e", ONR_ENC_ISO8859_8}, {"iso-ir-138", ONR_ENC_ISO8859_8},
    {"iso8859-8", ONR_ENC_ISO8859_8}, {"iso88598", ONR_ENC_ISO8859_8},
    {"iso_8859-8", ONR_ENC_ISO8859_8}, {"iso_8859-8:1988", ONR_ENC_ISO8859_8},
    {"visual", ONR_ENC_ISO8859_8},
    {"csiso88598i", ONR_ENC_ISO8859_8_I}, {"iso-8859-8-i", ONR_ENC_ISO8859_8_I},
    {"logical", ONR_ENC_ISO8859_8_I},
    {"csisolatin6", ONR_ENC_ISO8859_10}, {"iso-8859-10", ONR_ENC_ISO8859_10},
    {"iso-ir-157", ONR_ENC_ISO8859_10}, {"iso8859-10", ONR_ENC_ISO8859_10},
    {"iso885910", ONR_ENC_ISO8859_10}, {"l6", ONR_ENC_ISO8859_10}, {"latin6", ONR_ENC_ISO8859_10},
    {"iso-8859-13", ONR_ENC_ISO8859_13}, {"iso8859-13", ONR_ENC_ISO8859_13},
    {"iso885913", ONR_ENC_ISO8859_13},
    {"iso-8859-14", ONR_ENC_ISO8859_14}, {"iso8859-14", ONR_ENC_ISO8859_14},
    {"iso885914", ONR_ENC_ISO8859_14},
    {"csisolatin9", ONR_ENC_ISO8859_15}, {"iso-8859-15", ONR_ENC_ISO8859_15},
    {"iso8859-15", ONR_ENC_ISO8859_15}, {"iso885915", ONR_ENC_ISO8859_15},
    {"iso_8859-15", ONR_ENC_ISO8859_15}, {"l9", ONR_ENC_ISO8859_15},
    {"iso-8859-16", ONR_ENC_ISO8859_16},
    {"cskoi8r", ONR_ENC_KOI8_R}, {"koi", ONR_ENC_KOI8_R}, {"koi8", ONR_ENC_KOI8_R},
    {"koi8-r", ONR_ENC_KOI8_R}, {"koi8_r", ONR_ENC_KOI8_R},
    {"koi8-ru", ONR_ENC_KOI8_U}, {"koi8-u", ONR_ENC_KOI8_U},
    {"csmacintosh", ONR_ENC_MACINTOSH}, {"mac", ONR_ENC_MACINTOSH}, {"macintosh", ONR_ENC_MACINTOSH},
    {"x-mac-roman", ONR_ENC_MACINTOSH},
    {"dos-874", ONR_ENC_WINDOWS_874}, {"iso-8859-11", ONR_ENC_WINDOWS_874},
    {"iso8859-11", ONR_ENC_WINDOWS_874}, {"iso885911", ONR_ENC_WINDOWS_874},
    {"tis-620", ONR_ENC_WINDOWS_874}, {"windows-874", ONR_ENC_WINDOWS_874},
    {"cp1250", ONR_ENC_WINDOWS_1250}, {"windows-1250", ONR_ENC_WINDOWS_1250},
    {"x-cp1250", ONR_ENC_WINDOWS_1250},
    {"cp1251", ONR_ENC_WINDOWS_1251}, {"windows-1251", ONR_ENC_WINDOWS_1251},
    {"x-cp1251", ONR_ENC_WINDOWS_1251},
    {"ansi_x3.4-1968", ONR_ENC_WINDOWS_1252}, {"ascii", ONR_ENC_WINDOWS_1252},
    {"cp1252", ONR_ENC_WINDOWS_1252}, {"cp819", ONR_ENC_WINDOWS_1252},
    {"csisolatin1", ONR_ENC_WINDOWS_1252}, {"ibm819", ONR_ENC_WINDOWS_1252},
    {"iso-8859-1", ONR_ENC_WINDOWS_1252}, {"iso-ir-100", ONR_ENC_WINDOWS_1252},
    {"iso8859-1", ONR_ENC_WINDOWS_1252}, {"iso88591", ONR_ENC_WINDOWS_1252},
    {"iso_8859-1", ONR_ENC_WINDOWS_1252}, {"iso_8859-1:1987", ONR_ENC_WINDOWS_1252},
    {"l1", ONR_ENC_WINDOWS_1252}, {"latin1", ONR_ENC_WINDOWS_1252},
    {"us-ascii", ONR_ENC_WINDOWS_1252}, {"windows-1252", ONR_ENC_WINDOWS_1252},
    {"x-cp1252", ONR_ENC_WINDOWS_1252},
    {"cp1253", ONR_ENC_WINDOWS_1253}, {"windows-1253", ONR_ENC_WINDOWS_1253},
    {"x-cp1253", ONR_ENC_WINDOWS_1253},
    {"cp1254", ONR_ENC_WINDOWS_1254}, {"csisolatin5", ONR_ENC_WINDOWS_1254},
    {"iso-8859-9", ONR_ENC_WINDOWS_1254}, {"iso-ir-148", ONR_ENC_WINDOWS_1254},
    {"iso8859-9", ONR_ENC_WINDOWS_1254}, {"iso88599", ONR_ENC_WINDOWS_1254},
    {"iso_8859-9", ONR_ENC_WINDOWS_1254}, {"iso_8859-9:1989", ONR_ENC_WINDOWS_1254},
    {"l5", ONR_ENC_WINDOWS_1254}, {"latin5", ONR_ENC_WINDOWS_1254},
    {"windows-1254", ONR_ENC_WINDOWS_1254}, {"x-cp1254", ONR_ENC_WINDOWS_1254},
    {"cp1255", ONR_ENC_WINDOWS_1255}, {"windows-1255", ONR_ENC_WINDOWS_1255},
    {"x-cp1255", ONR_ENC_WINDOWS_1255},
    {"cp1256", ONR_ENC_WINDOWS_1256}, {"windows-1256", ONR_ENC_WINDOWS_1256},
    {"x-cp1256", ONR_ENC_WINDOWS_1256},
    {"cp1257", ONR_ENC_WINDOWS_1257}, {"windows-1257", ONR_ENC_WINDOWS_1257},
    {"x-cp1257", ONR_ENC_WINDOWS_1257},
    {"cp1258", ONR_ENC_WINDOWS_1258}, {"windows-1258", ONR_ENC_WINDOWS_1258},
    {"x-cp1258", ONR_ENC_WINDOWS_1258},
    {"x-mac-cyrillic", ONR_ENC_X_MAC_CYRILLIC}, {"x-mac-ukrainian", ONR_ENC_X_MAC_CYRILLIC},
    {"chinese", ONR_ENC_GBK}, {"csgb2312", ONR_ENC_GBK}, {"csiso58gb231280", ONR_ENC_GBK},
    {"gb2312", ONR_ENC_GBK}, {"gb_2312", ONR_ENC_GBK}, {"gb_2312-80", ONR_ENC_GBK},
    {"gbk", ONR_ENC_GBK}, {"iso-ir-58", ONR_ENC_GBK}, {"x-gbk", ONR_ENC_GBK},
    {"gb18030", ONR_ENC_GB18030},
    {"big5", ONR_ENC_BIG5}, {"big5-hkscs", ONR_ENC_BIG5}, {"cn-big5", ONR_ENC_BIG5},
    {"csbig5", ONR_ENC_BIG5}, {"x-x-big5", ONR_ENC_BIG5},
    {"cseucpkdfmtjapanese", ONR_ENC_EUC_JP}, {"euc-jp", ONR_ENC_EUC_JP}, {"x-euc-jp", ONR_ENC_EUC_JP},
    {"csiso2022jp", ONR_ENC_ISO2022_JP}, {"iso-2022-jp", ONR_ENC_ISO2022_JP},
    {"csshiftjis", ONR_ENC_SHIFT_JIS}, {"ms932", ONR_ENC_SHIFT_JIS}, {"ms_kanji", ONR_ENC_SHIFT_JIS},
    {"shift-jis", ONR_ENC_SHIFT_JIS}, {"shift_jis", ONR_ENC_SHIFT_JIS}, {"sjis", ONR_ENC_SHIFT_JIS},
    {"windows-31j", ONR_ENC_SHIFT_JIS}, {"x-sjis", ONR_ENC_SHIFT_JIS},
    {"cseuckr", ONR_ENC_EUC_KR}, {"csksc56011987", ONR_ENC_EUC_KR}, {"euc-kr", ONR_ENC_EUC_KR},
    {"iso-ir-149", ONR_ENC_EUC_KR}, {"korean", ONR_ENC_EUC_KR}, {"ks_c_5601-1987", ONR_ENC_EUC_KR},
    {"ks_c_5601-1989", ONR_ENC_EUC_KR}, {"ksc5601", ONR_ENC_EUC_KR}, {"ksc_5601", ONR_ENC_EUC_KR},
    {"windows-949", ONR_ENC_EUC_KR},
    {"csiso2022kr", ONR_ENC_REPLACEMENT}, {"hz-gb-2312", ONR_ENC_REPLACEMENT},
    {"iso-2022-cn", ONR_ENC_REPLACEMENT}, {"iso-2022-cn-ext", ONR_ENC_REPLACEMENT},
    {"iso-2022-kr", ONR_ENC_REPLACEMENT}, {"replacement", ONR_ENC_REPLACEMENT},
    {"unicodefffe", ONR_ENC_UTF16BE}, {"utf-16be", ONR_ENC_UTF16BE},
    {"csunicode", ONR_ENC_UTF16LE}, {"iso-10646-ucs-2", ONR_ENC_UTF16LE}, {"ucs-2", ONR_ENC_UTF16LE},
    {"unicode", ONR_ENC_UTF16LE}, {"unicodefeff", ONR_ENC_UTF16LE}, {"utf-16", ONR_ENC_UTF16LE},
    {"utf-16le", ONR_ENC_UTF16LE},
    {"x-user-defined", ONR_ENC_X_USER_DEFINED},
};

/* Longer than any label: "cseucpkdfmtjapanese" has 19 bytes. */
#define MAX_LABEL 24

onr_encoding_id onr_encoding_from_label(const char *label, size_t len)
{
    if (!label)
        return ONR_ENC_NONE;
    while (len && onr_ascii_space(label[0])) {
        label++;
        len--;
    }
    while (len && onr_ascii_space(label[len - 1]))
        len--;
    if (len == 0 || len >= MAX_LABEL)
        return ONR_ENC_NONE;
    char lower[MAX_LABEL];
    for (size_t i = 0; i < len; i++)
        lower[i] = onr_ascii_lower(label[i]);
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (labels[i].label[0] == lower[0] && strlen(labels[i].label) == len &&
            memcmp(labels[i].label, lower, len) == 0)
            return labels[i].encoding;
    return ONR_ENC_NONE;
}

const char *onr_charset_lookup(const char *label, size_t len)
{
    onr_encoding_id id = onr_encoding_from_label(label, len);
    return id == ONR_ENC_NONE ? NULL : onr_encodings[id].name;
}
