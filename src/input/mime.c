/* Content-Type values: the MIME type and its parameters, as HTTP headers and <meta> give them. */
#include "input.h"

static bool http_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

onr_string onr_mime_essence(const char *value, size_t len)
{
    size_t start = 0;
    while (start < len && http_space(value[start]))
        start++;
    size_t end = start;
    while (end < len && value[end] != ';')
        end++;
    while (end > start && http_space(value[end - 1]))
        end--;
    onr_string s = {value + start, end - start};
    return s;
}

onr_string onr_mime_parameter(const char *value, size_t len, const char *name, size_t name_len)
{
    onr_string none = {NULL, 0};
    size_t i = 0;
    while (i < len && value[i] != ';')
        i++;
    while (i < len) {
        i++; /* past ';' */
        while (i < len && http_space(value[i]))
            i++;
        size_t key = i;
        while (i < len && value[i] != '=' && value[i] != ';')
            i++;
        size_t key_end = i;
        while (key_end > key && http_space(value[key_end - 1]))
            key_end--;
        if (i >= len || value[i] == ';')
            continue;
        i++; /* past '=' */
        while (i < len && http_space(value[i]))
            i++;
        size_t val = i, val_end;
        if (i < len && value[i] == '"') {
            val = ++i;
            while (i < len && value[i] != '"') {
                if (value[i] == '\\' && i + 1 < len)
                    i++;
                i++;
            }
            val_end = i;
            while (i < len && value[i] != ';')
                i++;
        } else {
            while (i < len && value[i] != ';')
                i++;
            val_end = i;
            while (val_end > val && http_space(value[val_end - 1]))
                val_end--;
        }
        if (onr_ascii_ieq(value + key, key_end - key, name, name_len)) {
            onr_string s = {value + val, val_end - val};
            return s;
        }
    }
    return none;
}
