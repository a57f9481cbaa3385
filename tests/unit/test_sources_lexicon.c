/* Sourcing audit, the lexicon: its lookup folds ASCII case at every word length, matches whole
 * words only (the case folding of its hash confuses no other bytes), and finds two-word cues. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sources/sources_internal.h"

static uint64_t lookup(const char *word, unsigned *number)
{
    return src_lexicon_lookup(word, strlen(word), number);
}

static void folds_case_at_every_length(void **state)
{
    (void)state;
    unsigned number;
    assert_true(lookup("A", &number) & LEX_INDEF);                /* shorter than a head */
    assert_true(lookup("SAID", &number) & LEX_CUE);               /* head and tail alike */
    assert_true(lookup("According", &number) & LEX_ACCORDING);    /* past head and tail */
    assert_true(lookup("ADMINISTRATION", &number) & LEX_ORG);
    assert_true(lookup("So-Called", &number) & LEX_NAMING);       /* not only letters */
    assert_true(lookup("referring To", &number) & LEX_ABOUT);     /* a pair */
    assert_true(lookup("Seven", &number) & LEX_NUMBER);
    assert_int_equal(number, 7);
}

static void matches_whole_words_only(void **state)
{
    (void)state;
    unsigned number = 99;
    assert_int_equal(lookup("sai", &number), 0);
    assert_int_equal(number, 0);
    assert_int_equal(lookup("saidx", &number), 0);
    assert_int_equal(lookup("", &number), 0);
    assert_int_equal(lookup("accordingly", &number), 0);
    assert_int_equal(lookup("so\rcalled", &number), 0); /* '\r' | 0x20 is '-' */
    assert_int_equal(src_lexicon_lookup("referring\0to", 12, &number), 0); /* 0 | 0x20 is ' ' */
    assert_int_equal(lookup("s@id", &number), 0);
    assert_int_equal(lookup("a word longer than any listed", &number), 0);
}

/* The rule lists (LEXL_*): a word of a list carries it in any case, with or without a class of
 * its own, and a word of no list carries none. */
static uint32_t lists_of(const char *word)
{
    const lexicon_entry *e = src_lexicon_entry(word, strlen(word));
    return e ? e->lists : 0;
}

static void holds_rule_lists(void **state)
{
    (void)state;
    assert_true(lists_of("Weekend") & LEXL_TIME_ANCHOR);         /* no class of its own */
    assert_true(lists_of("were") & LEXL_BE);                      /* also LEX_CLAUSE */
    assert_true(lists_of("THE") & LEXL_TIME_FILLER);
    assert_true(lists_of("the") & LEXL_DETERMINER);
    assert_int_equal(lists_of("weeks"), 0);
    assert_int_equal(lists_of("harbour"), 0);
    unsigned number;
    assert_int_equal(src_lexicon_lookup("weekend", 7, &number), 0); /* a list is not a class */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(folds_case_at_every_length),
        cmocka_unit_test(matches_whole_words_only),
        cmocka_unit_test(holds_rule_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
