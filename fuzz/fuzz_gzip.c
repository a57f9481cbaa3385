/* Fuzz target: gzip inflation (onr_gunzip) with a size limit chosen by the first byte.
 * Byte 0: bits 0-1 the limit (none, 1 KiB, 64 KiB, 1 MiB); bit 2 fail one allocation (its number
 * is the next byte). */
#include "fuzz.h"

#include <string.h>

static const size_t limits[4] = {0, 1024, 64 * 1024, 1024 * 1024};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    unsigned flags = fuzz_take_byte(&in);
    size_t limit = limits[flags & 3];
    test_mem t;
    fuzz_mem_init(&t, flags, 4, &in);

    char *out = NULL;
    size_t out_len = 0;
    onr_error err;
    onr_status status = onr_gunzip((const char *)in.data, in.len, limit, &t.mem, &out, &out_len, &err);
    fuzz_check_status(&t, status, "gunzip");
    if (status == ONR_OK) {
        if ((limit && out_len > limit) || out[out_len] != '\0')
            abort();
        t.mem.free(t.mem.ctx, out);
    }
    fuzz_check_no_leak(&t, "gunzip");
    return 0;
}
