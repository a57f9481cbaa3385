/* Author names from bylines and author fields: "By Jane Doe and John Roe, Staff Writers | Nov. 6"
 * becomes "Jane Doe", "John Roe". Works on words, without site-specific rules. */
#include "extract/metadata_parts.h"

#include <string.h>

/* A byline longer than this is a paragraph, not a byline. */
#define AUTHOR_INPUT_MAX 600
/* A name has at most this many words ("Maria de los Angeles Garcia Lopez"). */
#define NAME_MAX_WORDS 7
#define SEGMENT_MAX_WORDS 24

/* How a segment of a byline was set off from the one before it. */
typedef enum segment_start { AFTER_NOTHING, AFTER_CONJUNCTION, AFTER_PUNCTUATION } segment_start;

/* A word of a byline with its edge punctuation trimmed; s[len] is still readable (the text is a
 * NUL-terminated copy), which tells a label ("Text:") from a name. */
typedef struct word {
    const char *s;
    size_t len;
} word;

static bool in_list(const char *s, size_t len, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (onr_ascii_ieq(s, len, list[i], strlen(list[i])))
            return true;
    return false;
}

/* Nouns that make a segment a job title rather than a name. */
static const char *const role_nouns[] = {
    "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor",
    "editors", "contributor", "contributors", "columnist", "columnists", "photographer",
    "photographers", "journalist", "journalists", "producer", "producers", "analyst", "analysts",
    "intern", "staff", "desk", "team", "bureau", "newsroom", "critic", "commentator", "anchor",
    "host", NULL};

/* Words that qualify a role noun ("Senior Political Correspondent"), cut together with it. */
static const char *const role_qualifiers[] = {
    "senior", "chief", "staff", "political", "foreign", "contributing", "special", "deputy",
    "managing", "associate", "assistant", "executive", "national", "international", "freelance",
    "investigative", "business", "economics", "science", "health", "sports", "technology", "tech",
    "legal", "global", "digital", "lead", "head", "news", "editorial", "guest", "regular", "a", "an",
    "the", "our", "your", NULL};

/* Words that introduce the author's name. */
static const char *const name_prefixes[] = {"by", "author", "authors", "written", "reporting",
                                            "words", "story", "text", "posted", "byline", NULL};

/* Words after which comes a date or a sentence, never more of the name. */
static const char *const stop_words[] = {"updated", "published", "posted", "is", "was", "has",
                                         "last", "modified", "for", "via", NULL};

/* Words left hanging when a date is cut away ("Jane Doe on", "Jane Doe at"). */
static const char *const dangling_words[] = {
    "on", "at", "in", "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may",
    "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october",
    "nov", "november", "dec", "december", "and", NULL};

/* Day names end a name even when the date is in the next segment ("Jeff Roe Monday, Nov. 18"). */
static const char *const weekdays[] = {"mon", "monday", "tue", "tuesday", "wed", "wednesday", "thu",
                                       "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
                                       "today", "yesterday", NULL};

/* All-capital words that stay in a name. */
static const char *const capital_suffixes[] = {"II", "III", "IV", "JR", "SR", NULL};

/* Words of the page furniture around a byline ("View more articles", "Follow", "Email"). */
static const char *const noise_words[] = {"share", "email", "e-mail", "print", "twitter", "facebook",
                                          "linkedin", "follow", "contact", "more", "about", "comments",
                                          "comment", "bio", "profile", "view", "articles", "posts",
                                          "stories", "subscribe", "newsletter", "read", NULL};

/* Lowercase words that belong inside names ("Ludwig van Beethoven", "Maria de la Cruz"). */
static const char *const name_particles[] = {"de", "da", "das", "do", "dos", "di", "del", "della", "der",
                                             "den", "van", "von", "la", "le", "du", "des", "ten", "ter",
                                             "bin", "ibn", "al", "el", "y", "e", "zu", "St.", NULL};

static bool is_letter_byte(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

static bool is_one_of(char c, const char *set) { return c != '\0' && strchr(set, c) != NULL; }

/* Trims white space and the punctuation that separators leave behind. */
static word trim_word(const char *s, size_t len)
{
    while (len && (onr_ascii_space(*s) || is_one_of(*s, ".,:;-|*")))
        s++, len--;
    while (len && (onr_ascii_space(s[len - 1]) || is_one_of(s[len - 1], ",:;-|*")))
        len--;
    return (word){s, len};
}

static size_t split_words(const char *s, size_t len, word *words, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && s[i] == ' ')
            i++;
        size_t start = i;
        while (i < len && s[i] != ' ')
            i++;
        if (i == start)
            break;
        if (n == max)
            return max + 1;
        word w = trim_word(s + start, i - start);
        if (w.len)
            words[n++] = w;
    }
    return n;
}

static bool has_digit(word w)
{
    for (size_t i = 0; i < w.len; i++)
        if (w.s[i] >= '0' && w.s[i] <= '9')
            return true;
    return false;
}

static bool looks_like_address(word w)
{
    return memchr(w.s, '@', w.len) || (w.len >= 4 && onr_ascii_ieq(w.s, 4, "http", 4)) ||
           (w.len >= 4 && onr_ascii_ieq(w.s, 4, "www.", 4));
}

static bool is_dangling(word w)
{
    size_t len = w.len && w.s[w.len - 1] == '.' ? w.len - 1 : w.len;
    return in_list(w.s, len, dangling_words) || in_list(w.s, len, weekdays);
}

static bool has_lowercase(word w)
{
    for (size_t i = 0; i < w.len; i++)
        if (w.s[i] >= 'a' && w.s[i] <= 'z')
            return true;
    return false;
}

/* An all-capital word of two or more letters: an agency or a paper ("AP", "USA TODAY"). */
static bool is_shouted(word w)
{
    size_t letters = 0;
    for (size_t i = 0; i < w.len; i++) {
        if (w.s[i] >= 'a' && w.s[i] <= 'z')
            return false;
        letters += w.s[i] >= 'A' && w.s[i] <= 'Z';
    }
    return letters >= 2 && !in_list(w.s, w.len, capital_suffixes);
}

/* "Kevin Roe USA TODAY": capital words after a name written in mixed case name its outlet. */
static size_t cut_outlet(const word *words, size_t start, size_t end)
{
    bool mixed = false;
    for (size_t i = start; i < end && !mixed; i++)
        mixed = has_lowercase(words[i]);
    if (!mixed)
        return end;
    while (end > start + 1 && is_shouted(words[end - 1]))
        end--;
    return end;
}

/* "Editor", and "Editor-at-large" by its first part. */
static bool is_role_noun(word w)
{
    const char *dash = memchr(w.s, '-', w.len);
    return in_list(w.s, dash ? (size_t)(dash - w.s) : w.len, role_nouns);
}

typedef struct name_cut {
    size_t start, end;  /* the name's words */
    bool role;          /* a job title followed */
    bool date;          /* a date or a number followed */
} name_cut;

/* Where the name lies in words[0..n) once prefixes, dates, addresses and roles are cut. */
static name_cut find_name(const word *words, size_t n)
{
    name_cut cut = {0, 0, false, false};
    while (cut.start < n && (in_list(words[cut.start].s, words[cut.start].len, name_prefixes) ||
                             words[cut.start].s[words[cut.start].len] == ':'))
        cut.start++; /* "By", "Written by", and labels in any language ("Text:") */
    size_t end = cut.start;
    while (end < n && !has_digit(words[end]) && !looks_like_address(words[end]) &&
           !in_list(words[end].s, words[end].len, stop_words))
        end++;
    cut.date = end < n && has_digit(words[end]);
    for (size_t i = cut.start; i < end; i++) {
        if (is_role_noun(words[i])) {
            cut.role = true;
            end = i;
            while (end > cut.start && in_list(words[end - 1].s, words[end - 1].len, role_qualifiers))
                end--;
            /* "Washington Correspondent": one word before a role is part of the title, not a name */
            if (end - cut.start < 2)
                end = cut.start;
            break;
        }
    }
    if (end < n)
        while (end > cut.start && is_dangling(words[end - 1]))
            end--;
    while (end > cut.start && in_list(words[end - 1].s, words[end - 1].len, weekdays))
        end--;
    cut.end = cut_outlet(words, cut.start, end);
    return cut;
}

/* Every word of a name starts with a capital (or a non-ASCII letter), or is a particle. */
static bool looks_like_name(const word *words, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)words[i].s[0];
        if (in_list(words[i].s, words[i].len, noise_words))
            return false;
        if (c >= 0x80 || (c >= 'A' && c <= 'Z'))
            continue;
        if (i == 0 || i == n - 1 || !in_list(words[i].s, words[i].len, name_particles))
            return false;
    }
    return true;
}

/* "JANE DOE" reads "Jane Doe"; mixed case and short abbreviations ("AP", "PTI") are left alone. */
static void title_case_if_shouting(char *s, size_t len)
{
    if (len <= 5 && !memchr(s, ' ', len))
        return;
    size_t letters = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] >= 'a' && s[i] <= 'z')
            return;
        letters += s[i] >= 'A' && s[i] <= 'Z';
    }
    if (letters < 2)
        return;
    for (size_t i = 1; i < len; i++)
        if (is_letter_byte((unsigned char)s[i - 1]))
            s[i] = onr_ascii_lower(s[i]);
}

/* Adds the name in one segment; *saw_date tells the caller that a date ended it. */
static onr_status add_segment(extract_names *list, onr_arena *arena, const char *s, size_t len,
                              segment_start how, bool *saw_date)
{
    word words[SEGMENT_MAX_WORDS];
    size_t n = split_words(s, len, words, SEGMENT_MAX_WORDS);
    if (n > SEGMENT_MAX_WORDS)
        return ONR_OK;
    name_cut cut = find_name(words, n);
    *saw_date = cut.date;
    /* "Jane Doe, Senior Editor": a title set off by punctuation has no name in it */
    if (cut.role && how == AFTER_PUNCTUATION)
        return ONR_OK;
    n = cut.end - cut.start;
    if (n == 0 || n > NAME_MAX_WORDS || !looks_like_name(words + cut.start, n))
        return ONR_OK;
    /* "Rachael Roe, MS, RD": short capitals after a name are credentials */
    if (n == 1 && how != AFTER_NOTHING && words[cut.start].len <= 5 && is_shouted(words[cut.start]))
        return ONR_OK;
    const char *start = words[cut.start].s;
    size_t name_len = (size_t)(words[cut.end - 1].s + words[cut.end - 1].len - start);
    if (name_len > 80)
        return ONR_OK;
    char *name = onr_arena_strndup(arena, start, name_len);
    if (!name)
        return ONR_ERR_NOMEM;
    title_case_if_shouting(name, name_len);
    return extract_names_add(list, arena, name, name_len);
}

/* A sentence end inside a byline ("Finian Cunningham. Sputnik"), not an initial or "Jr.". */
static bool sentence_end_at(const char *s, size_t len, size_t i)
{
    if (s[i] != '.' || i + 1 >= len || s[i + 1] != ' ')
        return false;
    size_t start = i;
    while (start > 0 && is_letter_byte((unsigned char)s[start - 1]))
        start--;
    static const char *const abbreviations[] = {"jr", "sr", "dr", "mr", "ms", "mrs", "st", "prof", NULL};
    return i - start > 2 && !in_list(s + start, i - start, abbreviations) &&
           !in_list(s + start, i - start, dangling_words); /* "Nov. 6" */
}

/* Length of a separator between names at s[i]: punctuation, dashes with spaces around, " and ",
 * " & "; 0 when none. *conjunction tells "and" and "&" from punctuation. */
static size_t separator_at(const char *s, size_t len, size_t i, bool *conjunction)
{
    unsigned char c = (unsigned char)s[i];
    *conjunction = false;
    if (is_one_of((char)c, ",;|/()[]\n") || sentence_end_at(s, len, i))
        return 1;
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xB7) /* middle dot */
        return 2;
    if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0xA2 || (unsigned char)s[i + 2] == 0x93 ||
         (unsigned char)s[i + 2] == 0x94)) /* bullet, en and em dashes */
        return 3;
    if (c != ' ')
        return 0;
    if (i + 2 < len && s[i + 1] == '-' && s[i + 2] == ' ')
        return 3;
    *conjunction = true;
    if (i + 2 < len && s[i + 1] == '&' && s[i + 2] == ' ')
        return 3;
    if (i + 4 < len && onr_ascii_ieq(s + i + 1, 3, "and", 3) && s[i + 4] == ' ')
        return 5;
    return 0;
}

static bool contains_text(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, needle, n) == 0)
            return true;
    return false;
}

/* Text inside parentheses is an affiliation or a note: "(AP)", "(Reuters)". */
static size_t skip_parenthesis(const char *s, size_t len, size_t i)
{
    const char *close = memchr(s + i, ')', len - i);
    return close ? (size_t)(close - s) + 1 : len;
}

onr_status extract_authors_add(extract_names *list, onr_arena *arena, const char *s, size_t len)
{
    if (!s || len > AUTHOR_INPUT_MAX)
        return ONR_OK;
    char *text = onr_arena_strndup(arena, s, len);
    if (!text)
        return ONR_ERR_NOMEM;
    len = onr_collapse_space(text, text, len);
    bool one_word = !memchr(text, ' ', len);
    if (one_word && (contains_text(text, len, "://") || (len > 4 && memcmp(text, "www.", 4) == 0)))
        return ONR_OK; /* a profile URL in place of a name */
    size_t start = 0, count_before = list->count;
    segment_start how = AFTER_NOTHING;
    for (size_t i = 0; i <= len;) {
        bool conjunction = false;
        size_t sep = i < len ? separator_at(text, len, i, &conjunction) : 1;
        if (!sep) {
            i++;
            continue;
        }
        bool saw_date;
        onr_status st = add_segment(list, arena, text + start, i - start, how, &saw_date);
        if (st != ONR_OK)
            return st;
        /* after the names comes the date, and after the date only page furniture */
        if (saw_date && list->count > count_before)
            break;
        how = conjunction ? AFTER_CONJUNCTION : AFTER_PUNCTUATION;
        i = i < len && text[i] == '(' ? skip_parenthesis(text, len, i) : i + sep;
        start = i;
    }
    return ONR_OK;
}
