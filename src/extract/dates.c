/* Dates for the article metadata: the many ways pages write a date, read into one ISO 8601 form.
 * Every parser here reads from a position and ignores what follows, so meta values, URLs and
 * running text share the same code. */
#include "extract/metadata_parts.h"

#include <stdio.h>
#include <string.h>

#define MIN_YEAR 1900
#define MAX_YEAR 2100

typedef struct date_parts {
    int year, month, day;
    bool has_time;
    int hour, minute, second;
    enum { TZ_NONE, TZ_UTC, TZ_OFFSET } tz;
    int offset_minutes; /* east of UTC */
} date_parts;

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* Reads exactly `digits` digits at s[*pos]; the digit after them must not be one too. */
static bool read_fixed(const char *s, size_t len, size_t *pos, size_t digits, int *value)
{
    if (*pos + digits > len)
        return false;
    int v = 0;
    for (size_t i = 0; i < digits; i++) {
        char c = s[*pos + i];
        if (!is_digit(c))
            return false;
        v = v * 10 + (c - '0');
    }
    if (*pos + digits < len && is_digit(s[*pos + digits]))
        return false;
    *pos += digits;
    *value = v;
    return true;
}

/* Reads 1 or 2 digits (a day, an hour, a numeric month). */
static bool read_small(const char *s, size_t len, size_t *pos, int *value)
{
    return read_fixed(s, len, pos, 2, value) || read_fixed(s, len, pos, 1, value);
}

static void skip_spaces(const char *s, size_t len, size_t *pos)
{
    while (*pos < len && onr_ascii_space(s[*pos]))
        (*pos)++;
}

static bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

static bool valid_date(const date_parts *d)
{
    if (d->year < MIN_YEAR || d->year > MAX_YEAR || d->month < 1 || d->month > 12 || d->day < 1 ||
        d->day > days_in_month(d->year, d->month))
        return false;
    if (d->has_time && (d->hour > 23 || d->minute > 59 || d->second > 60))
        return false;
    return d->tz != TZ_OFFSET || (d->offset_minutes >= -14 * 60 && d->offset_minutes <= 14 * 60);
}

static size_t format_date(const date_parts *d, char out[EXTRACT_DATE_CAP])
{
    if (!valid_date(d)) {
        out[0] = '\0';
        return 0;
    }
    int n;
    if (!d->has_time) {
        n = snprintf(out, EXTRACT_DATE_CAP, "%04d-%02d-%02d", d->year, d->month, d->day);
    } else if (d->tz == TZ_NONE) {
        n = snprintf(out, EXTRACT_DATE_CAP, "%04d-%02d-%02dT%02d:%02d:%02d", d->year, d->month, d->day,
                     d->hour, d->minute, d->second);
    } else if (d->tz == TZ_UTC) {
        n = snprintf(out, EXTRACT_DATE_CAP, "%04d-%02d-%02dT%02d:%02d:%02dZ", d->year, d->month, d->day,
                     d->hour, d->minute, d->second);
    } else {
        int off = d->offset_minutes < 0 ? -d->offset_minutes : d->offset_minutes;
        n = snprintf(out, EXTRACT_DATE_CAP, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", d->year, d->month,
                     d->day, d->hour, d->minute, d->second, d->offset_minutes < 0 ? '-' : '+', off / 60,
                     off % 60);
    }
    return n > 0 && n < EXTRACT_DATE_CAP ? (size_t)n : 0;
}

/* ---- words ---- */

static size_t word_length(const char *s, size_t len, size_t pos)
{
    size_t end = pos;
    while (end < len && is_alpha(s[end]))
        end++;
    return end - pos;
}

static bool word_is(const char *w, size_t n, const char *lit)
{
    return onr_ascii_ieq(w, n, lit, strlen(lit));
}

/* 1..12 for an English month name or its abbreviation ("Sep", "Sept"), 0 otherwise. */
static int month_from_word(const char *w, size_t n)
{
    static const char *const names[12] = {"january", "february", "march", "april", "may", "june",
                                          "july", "august", "september", "october", "november",
                                          "december"};
    if (n < 3)
        return 0;
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(names[m]);
        if (n > full)
            continue;
        bool prefix = true;
        for (size_t i = 0; i < n && prefix; i++)
            prefix = onr_ascii_lower(w[i]) == names[m][i];
        if (prefix && (n == 3 || n == full || (m == 8 && n == 4)))
            return m + 1;
    }
    return 0;
}

/* Month names of other languages that write dates the same way ("6. März 2024", "6 de
 * noviembre de 2024", "6 ноября 2024"): full names, compared ignoring ASCII case. */
static const struct {
    const char *name;
    int month;
} foreign_months[] = {
    /* German */
    {"januar", 1}, {"j\xC3\xA4nner", 1}, {"februar", 2}, {"m\xC3\xA4rz", 3}, {"mai", 5}, {"juni", 6},
    {"juli", 7}, {"oktober", 10}, {"dezember", 12},
    /* French */
    {"janvier", 1}, {"f\xC3\xA9vrier", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
    {"juillet", 7}, {"ao\xC3\xBBt", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
    {"d\xC3\xA9" "cembre", 12}, {"decembre", 12},
    /* Spanish */
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7},
    {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11},
    {"diciembre", 12},
    /* Portuguese */
    {"janeiro", 1}, {"fevereiro", 2}, {"mar\xC3\xA7o", 3}, {"maio", 5}, {"junho", 6}, {"julho", 7},
    {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12},
    /* Italian */
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6}, {"luglio", 7},
    {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
    /* Dutch */
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8},
    /* Russian, in the genitive that dates use */
    {"\xD1\x8F\xD0\xBD\xD0\xB2\xD0\xB0\xD1\x80\xD1\x8F", 1},
    {"\xD1\x84\xD0\xB5\xD0\xB2\xD1\x80\xD0\xB0\xD0\xBB\xD1\x8F", 2},
    {"\xD0\xBC\xD0\xB0\xD1\x80\xD1\x82\xD0\xB0", 3},
    {"\xD0\xB0\xD0\xBF\xD1\x80\xD0\xB5\xD0\xBB\xD1\x8F", 4},
    {"\xD0\xBC\xD0\xB0\xD1\x8F", 5},
    {"\xD0\xB8\xD1\x8E\xD0\xBD\xD1\x8F", 6},
    {"\xD0\xB8\xD1\x8E\xD0\xBB\xD1\x8F", 7},
    {"\xD0\xB0\xD0\xB2\xD0\xB3\xD1\x83\xD1\x81\xD1\x82\xD0\xB0", 8},
    {"\xD1\x81\xD0\xB5\xD0\xBD\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 9},
    {"\xD0\xBE\xD0\xBA\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 10},
    {"\xD0\xBD\xD0\xBE\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 11},
    {"\xD0\xB4\xD0\xB5\xD0\xBA\xD0\xB0\xD0\xB1\xD1\x80\xD1\x8F", 12},
};

static int foreign_month(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof foreign_months / sizeof *foreign_months; i++)
        if (word_is(w, n, foreign_months[i].name))
            return foreign_months[i].month;
    return 0;
}

/* Length of a word that may hold non-ASCII letters ("März", "ноября"). */
static size_t name_length(const char *s, size_t len, size_t pos)
{
    size_t end = pos;
    while (end < len && (is_alpha(s[end]) || (unsigned char)s[end] >= 0x80))
        end++;
    return end - pos;
}

static bool is_weekday(const char *w, size_t n)
{
    static const char *const days[7] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday"};
    for (int d = 0; d < 7; d++) {
        size_t full = strlen(days[d]);
        if (n != 3 && n != full && !(n == 4 && (d == 1 || d == 3)))
            continue;
        if (n <= full && onr_ascii_ieq(w, n, days[d], n))
            return true;
    }
    return false;
}

/* Reads a month name at s[*pos], with an optional abbreviation dot. */
static bool read_month_word(const char *s, size_t len, size_t *pos, int *month)
{
    size_t n = word_length(s, len, *pos);
    int m = month_from_word(s + *pos, n);
    if (!m) {
        n = name_length(s, len, *pos);
        m = foreign_month(s + *pos, n);
    }
    if (!m)
        return false;
    *pos += n;
    if (*pos < len && s[*pos] == '.')
        (*pos)++;
    *month = m;
    return true;
}

/* ---- time of day and offset ---- */

/* "Z", "UTC", "GMT", "+03:00", "+0300", "+03", "-05:30", optionally after one space. */
static void read_zone(const char *s, size_t len, size_t *pos, date_parts *d)
{
    size_t p = *pos;
    if (p < len && s[p] == 'Z' && (p + 1 >= len || !is_alpha(s[p + 1]))) {
        d->tz = TZ_UTC;
        *pos = p + 1;
        return;
    }
    if (p < len && s[p] == ' ')
        p++;
    size_t n = word_length(s, len, p);
    if ((n == 3 && (word_is(s + p, 3, "utc") || word_is(s + p, 3, "gmt"))) || (n == 1 && s[p] == 'Z')) {
        d->tz = TZ_UTC;
        p += n;
        if (p >= len || (s[p] != '+' && s[p] != '-')) {
            *pos = p;
            return;
        }
    }
    if (p >= len || (s[p] != '+' && s[p] != '-'))
        return;
    int sign = s[p] == '-' ? -1 : 1;
    size_t q = p + 1;
    int hours, minutes = 0;
    if (read_fixed(s, len, &q, 4, &hours)) {
        minutes = hours % 100;
        hours /= 100;
    } else if (!read_fixed(s, len, &q, 2, &hours)) {
        return;
    } else if (q < len && s[q] == ':') {
        q++;
        if (!read_fixed(s, len, &q, 2, &minutes))
            return;
    }
    if (minutes > 59)
        return;
    d->tz = TZ_OFFSET;
    d->offset_minutes = sign * (hours * 60 + minutes);
    *pos = q;
}

/* Skips "am", "a.m.", "pm", "p.m." and returns 12 for pm, 0 for am, -1 when absent. */
static int read_meridiem(const char *s, size_t len, size_t *pos)
{
    size_t p = *pos;
    skip_spaces(s, len, &p);
    if (p >= len)
        return -1;
    char c = onr_ascii_lower(s[p]);
    if (c != 'a' && c != 'p')
        return -1;
    size_t q = p + 1;
    if (q < len && s[q] == '.')
        q++;
    if (q >= len || onr_ascii_lower(s[q]) != 'm')
        return -1;
    q++;
    if (q < len && s[q] == '.')
        q++;
    if (q < len && is_alpha(s[q]))
        return -1;
    *pos = q;
    return c == 'p' ? 12 : 0;
}

/* "09:30", "09:30:15", "09:30:15.123", "9:30 pm", then a zone. */
static bool read_time(const char *s, size_t len, size_t *pos, date_parts *d)
{
    size_t p = *pos;
    int hour, minute, second = 0;
    if (!read_small(s, len, &p, &hour) || p >= len || s[p] != ':')
        return false;
    p++;
    if (!read_fixed(s, len, &p, 2, &minute))
        return false;
    if (p + 1 < len && s[p] == ':' && is_digit(s[p + 1])) {
        p++;
        if (!read_fixed(s, len, &p, 2, &second))
            return false;
        if (p < len && (s[p] == '.' || s[p] == ',')) {
            p++;
            while (p < len && is_digit(s[p]))
                p++;
        }
    }
    int meridiem = read_meridiem(s, len, &p);
    if (meridiem >= 0) {
        if (hour < 1 || hour > 12)
            return false;
        hour = hour % 12 + meridiem;
    }
    d->has_time = true;
    d->hour = hour;
    d->minute = minute;
    d->second = second;
    read_zone(s, len, &p, d);
    *pos = p;
    return true;
}

/* An optional time after a written date: ", 09:30", " at 9:30 pm", " 09:30:00 GMT". */
static void read_trailing_time(const char *s, size_t len, size_t pos, date_parts *d)
{
    size_t p = pos;
    if (p < len && s[p] == ',')
        p++;
    skip_spaces(s, len, &p);
    if (word_length(s, len, p) == 2 && word_is(s + p, 2, "at")) {
        p += 2;
        skip_spaces(s, len, &p);
    }
    date_parts with_time = *d;
    if (read_time(s, len, &p, &with_time) && valid_date(&with_time))
        *d = with_time;
}

/* ---- whole dates ---- */

/* "2024-11-06", "2024/11/06", "20241106", each optionally with "T09:30:00+03:00". */
static bool read_iso(const char *s, size_t len, size_t pos, date_parts *d)
{
    size_t p = pos;
    if (!read_fixed(s, len, &p, 4, &d->year)) {
        if (!read_fixed(s, len, &p, 8, &d->year))
            return false;
        d->day = d->year % 100;
        d->month = d->year / 100 % 100;
        d->year /= 10000;
    } else {
        if (p >= len || (s[p] != '-' && s[p] != '/' && s[p] != '.'))
            return false;
        char sep = s[p++];
        if (!read_small(s, len, &p, &d->month) || p >= len || s[p] != sep)
            return false;
        p++;
        if (!read_small(s, len, &p, &d->day))
            return false;
    }
    if (p + 1 < len && (s[p] == 'T' || s[p] == ' ') && is_digit(s[p + 1])) {
        p++;
        date_parts with_time = *d;
        if (read_time(s, len, &p, &with_time) && valid_date(&with_time))
            *d = with_time;
    }
    return valid_date(d);
}

/* "of" in "6th of November", "de" in "6 de noviembre de 2024". */
static void skip_connector(const char *s, size_t len, size_t *pos)
{
    size_t n = word_length(s, len, *pos);
    if ((n == 2 && (word_is(s + *pos, 2, "of") || word_is(s + *pos, 2, "de"))) ||
        (n == 3 && word_is(s + *pos, 3, "del"))) {
        *pos += n;
        skip_spaces(s, len, pos);
    }
}

/* "2024年11月6日" and "2018년 8월 25일": year, month and day each followed by its sign. */
static bool read_cjk(const char *s, size_t len, size_t pos, date_parts *d, size_t *end)
{
    static const char *const signs[2][3] = {{"\xE5\xB9\xB4", "\xE6\x9C\x88", "\xE6\x97\xA5"},
                                            {"\xEB\x85\x84", "\xEC\x9B\x94", "\xEC\x9D\xBC"}};
    for (int script = 0; script < 2; script++) {
        size_t p = pos;
        int *fields[3] = {&d->year, &d->month, &d->day};
        bool ok = true;
        for (int f = 0; f < 3 && ok; f++) {
            ok = f == 0 ? read_fixed(s, len, &p, 4, fields[f]) : read_small(s, len, &p, fields[f]);
            ok = ok && p + 3 <= len && memcmp(s + p, signs[script][f], 3) == 0;
            if (ok) {
                p += 3;
                if (f < 2)
                    skip_spaces(s, len, &p);
            }
        }
        if (ok) {
            *end = p;
            return valid_date(d);
        }
    }
    return false;
}

/* "November 6, 2024", "Nov. 06 2024", "6 November 2024", "6. November 2024", "06-Nov-2024". */
static bool read_written(const char *s, size_t len, size_t pos, date_parts *d, size_t *end)
{
    size_t p = pos;
    if (read_month_word(s, len, &p, &d->month)) {
        skip_spaces(s, len, &p);
        if (!read_small(s, len, &p, &d->day))
            return false;
        if (p + 1 < len && is_alpha(s[p]) && is_alpha(s[p + 1]) && word_length(s, len, p) == 2)
            p += 2; /* "6th", "1st" */
        if (p < len && s[p] == ',')
            p++;
        skip_spaces(s, len, &p);
    } else {
        if (!read_small(s, len, &p, &d->day))
            return false;
        if (p + 1 < len && is_alpha(s[p]) && is_alpha(s[p + 1]) && word_length(s, len, p) == 2)
            p += 2;
        if (p < len && (s[p] == '.' || s[p] == '-'))
            p++;
        skip_spaces(s, len, &p);
        skip_connector(s, len, &p);
        if (!read_month_word(s, len, &p, &d->month))
            return false;
        if (p < len && (s[p] == ',' || s[p] == '-'))
            p++;
        skip_spaces(s, len, &p);
        skip_connector(s, len, &p);
    }
    if (!read_fixed(s, len, &p, 4, &d->year))
        return false;
    *end = p;
    return valid_date(d);
}

/* "06.11.2024" (day first, as written with dots), "11/06/2024" (month first unless it cannot be). */
static bool read_numeric(const char *s, size_t len, size_t pos, date_parts *d, size_t *end)
{
    size_t p = pos;
    int first, second;
    if (!read_small(s, len, &p, &first) || p >= len || (s[p] != '.' && s[p] != '/'))
        return false;
    char sep = s[p++];
    if (!read_small(s, len, &p, &second) || p >= len || s[p] != sep)
        return false;
    p++;
    if (!read_fixed(s, len, &p, 4, &d->year))
        return false;
    if (sep == '.' || first > 12) {
        d->day = first;
        d->month = second;
    } else {
        d->month = first;
        d->day = second;
    }
    *end = p;
    return valid_date(d);
}

/* Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm). */
static void civil_from_days(long long z, int *year, int *month, int *day)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = (int)(mp < 10 ? mp + 3 : mp - 9);
    *year = (int)(yoe + era * 400 + (*month <= 2));
}

/* A Unix time of 10 digits (seconds) or 13 (milliseconds) and nothing else. */
static bool read_unix_time(const char *s, size_t len, date_parts *d)
{
    if (len != 10 && len != 13)
        return false;
    long long t = 0;
    for (size_t i = 0; i < len; i++) {
        if (!is_digit(s[i]))
            return false;
        t = t * 10 + (s[i] - '0');
    }
    if (len == 13)
        t /= 1000;
    long long days = t / 86400, rest = t % 86400;
    civil_from_days(days, &d->year, &d->month, &d->day);
    d->has_time = true;
    d->hour = (int)(rest / 3600);
    d->minute = (int)(rest / 60 % 60);
    d->second = (int)(rest % 60);
    d->tz = TZ_UTC;
    return valid_date(d);
}

/* A date starting exactly at s[pos]. */
static bool read_date_at(const char *s, size_t len, size_t pos, date_parts *d)
{
    memset(d, 0, sizeof *d);
    if (read_iso(s, len, pos, d))
        return true;
    size_t end;
    memset(d, 0, sizeof *d);
    if (read_written(s, len, pos, d, &end)) {
        read_trailing_time(s, len, end, d);
        return true;
    }
    memset(d, 0, sizeof *d);
    if (read_numeric(s, len, pos, d, &end)) {
        read_trailing_time(s, len, end, d);
        return true;
    }
    memset(d, 0, sizeof *d);
    if (read_cjk(s, len, pos, d, &end)) {
        read_trailing_time(s, len, end, d);
        return true;
    }
    return false;
}

size_t extract_date_normalize(const char *s, size_t len, char out[EXTRACT_DATE_CAP])
{
    out[0] = '\0';
    size_t p = 0;
    skip_spaces(s, len, &p);
    while (len > p && onr_ascii_space(s[len - 1]))
        len--;
    date_parts d;
    memset(&d, 0, sizeof d);
    if (read_unix_time(s + p, len - p, &d))
        return format_date(&d, out);
    size_t n = word_length(s, len, p);
    if (n && is_weekday(s + p, n)) {
        p += n;
        if (p < len && (s[p] == ',' || s[p] == '.'))
            p++;
        skip_spaces(s, len, &p);
    }
    return read_date_at(s, len, p, &d) ? format_date(&d, out) : 0;
}

/* Scanning text: only the start of a word or number can begin a date. */
#define TEXT_SCAN_LIMIT 4096

size_t extract_date_in_text(const char *s, size_t len, char out[EXTRACT_DATE_CAP], size_t *at)
{
    out[0] = '\0';
    if (len > TEXT_SCAN_LIMIT)
        len = TEXT_SCAN_LIMIT;
    date_parts d;
    for (size_t p = 0; p < len; p++) {
        bool starts_token = p == 0 || !(is_alpha(s[p - 1]) || is_digit(s[p - 1]));
        if (!starts_token || !(is_alpha(s[p]) || is_digit(s[p])))
            continue;
        if (read_date_at(s, len, p, &d)) {
            if (at)
                *at = p;
            return format_date(&d, out);
        }
    }
    return 0;
}

/* Path segments "2024/11/06" or a segment holding "2024-11-06" / "20241106" / "2024_11_06". */
size_t extract_date_in_url(const char *url, size_t len, char out[EXTRACT_DATE_CAP])
{
    out[0] = '\0';
    size_t end = 0;
    while (end < len && url[end] != '?' && url[end] != '#')
        end++;
    date_parts d;
    for (size_t p = 0; p + 8 <= end; p++) {
        if (!is_digit(url[p]) || (p > 0 && is_digit(url[p - 1])))
            continue;
        size_t q = p;
        memset(&d, 0, sizeof d);
        if (!read_fixed(url, end, &q, 4, &d.year)) {
            if (read_fixed(url, end, &q, 8, &d.year) && (p == 0 || url[p - 1] == '/' || url[p - 1] == '-')) {
                d.day = d.year % 100;
                d.month = d.year / 100 % 100;
                d.year /= 10000;
                if (valid_date(&d))
                    return format_date(&d, out);
            }
            continue;
        }
        if (q >= end || (url[q] != '/' && url[q] != '-' && url[q] != '_'))
            continue;
        char sep = url[q++];
        if (!read_fixed(url, end, &q, 2, &d.month) || q >= end || url[q] != sep)
            continue;
        q++;
        if (read_fixed(url, end, &q, 2, &d.day) && valid_date(&d))
            return format_date(&d, out);
    }
    return 0;
}
