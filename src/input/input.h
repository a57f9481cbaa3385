/* Helpers shared inside the input stage: MIME header values (used by the charset detector and
 * the WARC/HTTP reader). */
#ifndef ONR_INPUT_H
#define ONR_INPUT_H

#include "../core/core.h"

/* The MIME type of a Content-Type value without parameters or surrounding white space
 * ("text/html"); an empty string when the value is empty. Points into `value`. */
onr_string onr_mime_essence(const char *value, size_t len);
/* The value of parameter `name` (any case; quotes removed) of a Content-Type value, or a string
 * with data == NULL. Points into `value`; a quoted value with backslash escapes keeps them. */
onr_string onr_mime_parameter(const char *value, size_t len, const char *name, size_t name_len);

#endif /* ONR_INPUT_H */
