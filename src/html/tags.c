/* Interned names of the known HTML elements (onr_tag). */
#include "html/tokenizer.h"

#include "tag_hash.h"

#include <string.h>

static const char *const tag_names[ONR_TAG__COUNT] = {
    NULL,
    [ONR_TAG_A] = "a",
    [ONR_TAG_ABBR] = "abbr",
    [ONR_TAG_ADDRESS] = "address",
    [ONR_TAG_APPLET] = "applet",
    [ONR_TAG_AREA] = "area",
    [ONR_TAG_ARTICLE] = "article",
    [ONR_TAG_ASIDE] = "aside",
    [ONR_TAG_AUDIO] = "audio",
    [ONR_TAG_B] = "b",
    [ONR_TAG_BASE] = "base",
    [ONR_TAG_BASEFONT] = "basefont",
    [ONR_TAG_BDI] = "bdi",
    [ONR_TAG_BDO] = "bdo",
    [ONR_TAG_BGSOUND] = "bgsound",
    [ONR_TAG_BIG] = "big",
    [ONR_TAG_BLINK] = "blink",
    [ONR_TAG_BLOCKQUOTE] = "blockquote",
    [ONR_TAG_BODY] = "body",
    [ONR_TAG_BR] = "br",
    [ONR_TAG_BUTTON] = "button",
    [ONR_TAG_CANVAS] = "canvas",
    [ONR_TAG_CAPTION] = "caption",
    [ONR_TAG_CENTER] = "center",
    [ONR_TAG_CITE] = "cite",
    [ONR_TAG_CODE] = "code",
    [ONR_TAG_COL] = "col",
    [ONR_TAG_COLGROUP] = "colgroup",
    [ONR_TAG_DATA] = "data",
    [ONR_TAG_DATALIST] = "datalist",
    [ONR_TAG_DD] = "dd",
    [ONR_TAG_DEL] = "del",
    [ONR_TAG_DETAILS] = "details",
    [ONR_TAG_DFN] = "dfn",
    [ONR_TAG_DIALOG] = "dialog",
    [ONR_TAG_DIR] = "dir",
    [ONR_TAG_DIV] = "div",
    [ONR_TAG_DL] = "dl",
    [ONR_TAG_DT] = "dt",
    [ONR_TAG_EM] = "em",
    [ONR_TAG_EMBED] = "embed",
    [ONR_TAG_FIELDSET] = "fieldset",
    [ONR_TAG_FIGCAPTION] = "figcaption",
    [ONR_TAG_FIGURE] = "figure",
    [ONR_TAG_FONT] = "font",
    [ONR_TAG_FOOTER] = "footer",
    [ONR_TAG_FORM] = "form",
    [ONR_TAG_FRAME] = "frame",
    [ONR_TAG_FRAMESET] = "frameset",
    [ONR_TAG_H1] = "h1",
    [ONR_TAG_H2] = "h2",
    [ONR_TAG_H3] = "h3",
    [ONR_TAG_H4] = "h4",
    [ONR_TAG_H5] = "h5",
    [ONR_TAG_H6] = "h6",
    [ONR_TAG_HEAD] = "head",
    [ONR_TAG_HEADER] = "header",
    [ONR_TAG_HGROUP] = "hgroup",
    [ONR_TAG_HR] = "hr",
    [ONR_TAG_HTML] = "html",
    [ONR_TAG_I] = "i",
    [ONR_TAG_IFRAME] = "iframe",
    [ONR_TAG_IMAGE] = "image",
    [ONR_TAG_IMG] = "img",
    [ONR_TAG_INPUT] = "input",
    [ONR_TAG_INS] = "ins",
    [ONR_TAG_KBD] = "kbd",
    [ONR_TAG_KEYGEN] = "keygen",
    [ONR_TAG_LABEL] = "label",
    [ONR_TAG_LEGEND] = "legend",
    [ONR_TAG_LI] = "li",
    [ONR_TAG_LINK] = "link",
    [ONR_TAG_LISTING] = "listing",
    [ONR_TAG_MAIN] = "main",
    [ONR_TAG_MAP] = "map",
    [ONR_TAG_MARK] = "mark",
    [ONR_TAG_MARQUEE] = "marquee",
    [ONR_TAG_MATH] = "math",
    [ONR_TAG_MENU] = "menu",
    [ONR_TAG_META] = "meta",
    [ONR_TAG_METER] = "meter",
    [ONR_TAG_NAV] = "nav",
    [ONR_TAG_NOBR] = "nobr",
    [ONR_TAG_NOEMBED] = "noembed",
    [ONR_TAG_NOFRAMES] = "noframes",
    [ONR_TAG_NOSCRIPT] = "noscript",
    [ONR_TAG_OBJECT] = "object",
    [ONR_TAG_OL] = "ol",
    [ONR_TAG_OPTGROUP] = "optgroup",
    [ONR_TAG_OPTION] = "option",
    [ONR_TAG_OUTPUT] = "output",
    [ONR_TAG_P] = "p",
    [ONR_TAG_PARAM] = "param",
    [ONR_TAG_PICTURE] = "picture",
    [ONR_TAG_PLAINTEXT] = "plaintext",
    [ONR_TAG_PRE] = "pre",
    [ONR_TAG_PROGRESS] = "progress",
    [ONR_TAG_Q] = "q",
    [ONR_TAG_RB] = "rb",
    [ONR_TAG_RP] = "rp",
    [ONR_TAG_RT] = "rt",
    [ONR_TAG_RTC] = "rtc",
    [ONR_TAG_RUBY] = "ruby",
    [ONR_TAG_S] = "s",
    [ONR_TAG_SAMP] = "samp",
    [ONR_TAG_SCRIPT] = "script",
    [ONR_TAG_SEARCH] = "search",
    [ONR_TAG_SECTION] = "section",
    [ONR_TAG_SELECT] = "select",
    [ONR_TAG_SLOT] = "slot",
    [ONR_TAG_SMALL] = "small",
    [ONR_TAG_SOURCE] = "source",
    [ONR_TAG_SPAN] = "span",
    [ONR_TAG_STRIKE] = "strike",
    [ONR_TAG_STRONG] = "strong",
    [ONR_TAG_STYLE] = "style",
    [ONR_TAG_SUB] = "sub",
    [ONR_TAG_SUMMARY] = "summary",
    [ONR_TAG_SUP] = "sup",
    [ONR_TAG_SVG] = "svg",
    [ONR_TAG_TABLE] = "table",
    [ONR_TAG_TBODY] = "tbody",
    [ONR_TAG_TD] = "td",
    [ONR_TAG_TEMPLATE] = "template",
    [ONR_TAG_TEXTAREA] = "textarea",
    [ONR_TAG_TFOOT] = "tfoot",
    [ONR_TAG_TH] = "th",
    [ONR_TAG_THEAD] = "thead",
    [ONR_TAG_TIME] = "time",
    [ONR_TAG_TITLE] = "title",
    [ONR_TAG_TR] = "tr",
    [ONR_TAG_TRACK] = "track",
    [ONR_TAG_TT] = "tt",
    [ONR_TAG_U] = "u",
    [ONR_TAG_UL] = "ul",
    [ONR_TAG_VAR] = "var",
    [ONR_TAG_VIDEO] = "video",
    [ONR_TAG_WBR] = "wbr",
    [ONR_TAG_XMP] = "xmp",
};

/* Sorted by name for binary search. */
const char *onr_tag_name(onr_tag tag)
{
    return (unsigned)tag < ONR_TAG__COUNT ? tag_names[tag] : NULL;
}

/* One probe of a collision-free hash table on the length and three letters, then one compare.
 * `lower` maps a byte to the case the table is in: identity for a name known to be lowercase. */
static inline onr_tag tag_lookup(const char *name, size_t len, char (*lower)(char))
{
    if (len == 0 || len > TAG_HASH_MAX_LEN)
        return ONR_TAG_UNKNOWN;
    unsigned first = (unsigned char)lower(name[0]);
    unsigned second = (unsigned char)lower(name[len > 1 ? 1 : 0]);
    unsigned last = (unsigned char)lower(name[len - 1]);
    unsigned slot = (first * TAG_HASH_A + second * TAG_HASH_B + last * TAG_HASH_C + (unsigned)len * 7) %
                    TAG_HASH_SLOTS;
    onr_tag tag = (onr_tag)tag_hash_slots[slot];
    if (tag == ONR_TAG_UNKNOWN)
        return ONR_TAG_UNKNOWN;
    if (tag_name_lengths[tag] != len)
        return ONR_TAG_UNKNOWN;
    const char *known = tag_names[tag];
    for (size_t i = 0; i < len; i++) /* names are short: a loop beats a call to memcmp */
        if (lower(name[i]) != known[i])
            return ONR_TAG_UNKNOWN;
    return tag;
}

static char same_case(char c) { return c; }

onr_tag onr_tag_lookup(const char *name, size_t len) { return tag_lookup(name, len, onr_ascii_lower); }

onr_tag html_tag_lookup_lowercase(const char *name, size_t len) { return tag_lookup(name, len, same_case); }
