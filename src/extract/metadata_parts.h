/* The pieces metadata.c assembles: date normalization, name and tag lists, author clean-up,
 * JSON-LD reading. Internal to the extract stage; the unit tests call them directly. */
#ifndef ONR_EXTRACT_METADATA_PARTS_H
#define ONR_EXTRACT_METADATA_PARTS_H

#include "core/core.h"

/* ---- dates (dates.c) ---- */

/* Room for the longest normalized date, "2024-11-06T09:30:00+03:00", and its NUL. */
#define EXTRACT_DATE_CAP 32

/* A date written in one of the usual forms ("2024-11-06T09:30:00.000+0300", "Wed, 06 Nov 2024
 * 09:30:00 GMT", "November 6, 2024", "6 Nov. 2024", "06.11.2024", a Unix time in seconds or
 * milliseconds) as ISO 8601: "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SS" followed by "Z" or "+HH:MM"
 * when the offset is known. Leading weekday names and trailing text are ignored. Writes a
 * NUL-terminated string to `out` and returns its length; 0 when no valid date starts the text. */
size_t extract_date_normalize(const char *s, size_t len, char out[EXTRACT_DATE_CAP]);

/* The first date written out anywhere in `s` ("Published 6 Nov 2024, 09:30"), as above; *at
 * (when not NULL) receives the byte offset where it starts. */
size_t extract_date_in_text(const char *s, size_t len, char out[EXTRACT_DATE_CAP], size_t *at);

/* A date in a URL's path: "/2024/11/06/", "/2024-11-06-", "/20241106/". Day precision only. */
size_t extract_date_in_url(const char *url, size_t len, char out[EXTRACT_DATE_CAP]);

/* ---- lists of short strings (names.c) ---- */

/* A growable list of distinct strings in an arena; duplicates (ignoring ASCII case) are skipped. */
typedef struct extract_names {
    onr_string *items;
    size_t count;
    size_t cap;
} extract_names;

/* The most entries a list keeps: a page with hundreds of tags is not describing itself. */
#define EXTRACT_NAMES_MAX 64

/* Copies `s` (white space collapsed) into the arena and appends it unless empty, present or the
 * list is full. Fails only with ONR_ERR_NOMEM. */
onr_status extract_names_add(extract_names *list, onr_arena *arena, const char *s, size_t len);
/* Splits a keyword string on commas and semicolons and adds each part. */
onr_status extract_names_add_split(extract_names *list, onr_arena *arena, const char *s, size_t len);
bool extract_names_contains(const extract_names *list, const char *s, size_t len);

/* ---- authors (authors.c) ---- */

/* Adds the person names in a byline or author field: "By Jane Doe and John Roe, Staff Writers |
 * Nov. 6, 2024" gives "Jane Doe", "John Roe". Drops "By", dates, roles, e-mail addresses,
 * @handles and URLs. Fails only with ONR_ERR_NOMEM. */
onr_status extract_authors_add(extract_names *list, onr_arena *arena, const char *s, size_t len);

/* ---- titles, captions and languages (titles.c) ---- */

/* Whether two strings say the same thing once case, punctuation, quotes and dashes are ignored. */
bool extract_same_text(const char *a, size_t alen, const char *b, size_t blen);
/* Whether `needle`, compared as above, occurs in `haystack`. */
bool extract_text_contains(const char *haystack, size_t hlen, const char *needle, size_t nlen);

/* The title without a site name after (or before) a separator: "Vote passes | Harbour Post" gives
 * "Vote passes" when `site` (may be empty) matches "Harbour Post", or, when `site_is_guess` (the
 * name is only the host name), when the suffix is short and capitalized. Points into `title`. */
onr_string extract_title_strip_site(const char *title, size_t len, const char *site, size_t site_len,
                                    bool site_is_guess);

/* A language tag in BCP 47 case ("en", "en-US", "zh-Hant-TW") from "en_us", "EN-us, fr" and the
 * like, written to out (at least 36 bytes). Returns its length; 0 when it is not a language tag. */
size_t extract_language_normalize(const char *s, size_t len, char *out);

/* Splits a caption into its text and its credit when it names one: "Boats at dawn. Photo: Ana
 * Lima / Harbour Post" gives "Boats at dawn." and "Ana Lima / Harbour Post". False when there is
 * no credit marker; then *text is the whole caption. */
bool extract_caption_split_credit(const char *s, size_t len, onr_string *text, onr_string *credit);

/* A credit without its wrapping parentheses and labels: "(Image copyright Getty Images)" gives
 * "Getty Images". Points into `credit`. */
onr_string extract_credit_clean(onr_string credit);
/* A caption without a dangling credit label at its end ("Boats at dawn. Photograph:"), left when
 * the credit itself sat in an element of its own. Points into `caption`. */
onr_string extract_caption_trim_marker(onr_string caption);

/* ---- JSON-LD (jsonld.c) ---- */

/* Fields an Article-like object or a WebPage object gives; absent ones have data == NULL. */
typedef struct extract_jsonld_item {
    onr_string headline;
    onr_string description;
    onr_string date_published; /* as written; metadata.c normalizes it */
    onr_string date_modified;
    onr_string url;
    onr_string language;
    onr_string image_url;
    onr_string image_caption;
    onr_string image_credit;
    unsigned image_width, image_height;
} extract_jsonld_item;

/* What the page's JSON-LD says about the article, its site and its lead image. All strings are in
 * the arena with white space collapsed. The article's fields come from the first Article-like
 * object (NewsArticle, BlogPosting, ...), the page's from the first WebPage. */
typedef struct extract_jsonld {
    extract_jsonld_item article;
    extract_jsonld_item page;
    onr_string publisher;        /* publisher.name, or an Organization's name */
    onr_string site_name;        /* the WebSite's name */
    extract_names persons;       /* authors that are people (Person or a plain string) */
    extract_names organizations; /* authors that are organizations */
    extract_names sections;      /* articleSection */
    extract_names keywords;
    bool found_article;
} extract_jsonld;

/* Reads one <script type="application/ld+json"> body into *info; the first block that names a
 * field wins. Broken JSON adds a warning to `warnings` naming `source_offset` (the script's byte
 * offset in the page) and leaves *info as it was. Fails only with ONR_ERR_NOMEM. */
onr_status extract_jsonld_read(const char *json, size_t len, size_t source_offset, onr_arena *arena,
                               extract_jsonld *info, extract_names *warnings);

#endif
