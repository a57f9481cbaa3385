/* Sourcing audit, reported speech: "X said (that) …", "X told Y …", "according to X, …", other
 * reporting verbs, a spokesman of X, the passive; the content span is the reported clause. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sources_test_util.h"

static void said_that(void **state)
{
    (void)state;
    expect_quotes("The mayor said that the bridge will reopen in May.\n",
                  (const char *const[]){"indirect [the bridge will reopen in May] <- The mayor (said) #1 anonymous", NULL});
    expect_quotes("Dmitry Peskov said the talks would resume next week.\n",
                  (const char *const[]){"indirect [the talks would resume next week] <- Dmitry Peskov (said) #1", NULL});
}

static void told_someone(void **state)
{
    (void)state;
    expect_quotes("A senior diplomat told reporters on Monday that no date had been set.\n",
                  (const char *const[]){"indirect [no date had been set] <- A senior diplomat (told) #1 anonymous", NULL});
    expect_quotes("Moscow is ready for a quick deal, two officials told the newspaper.\n",
                  (const char *const[]){"indirect [Moscow is ready for a quick deal] <- two officials (told) #1 anonymous", NULL});
}

static void according_to(void **state)
{
    (void)state;
    expect_quotes("According to USA TODAY contributor David Marsh, rates moved apart seven times.\n\n"
                  "According to the report, exports fell by a third.\n\n"
                  "Exports fell by a third, according to the customs service.\n",
                  (const char *const[]){
                      "indirect [rates moved apart seven times] <- USA TODAY contributor David Marsh (According to) #1",
                      "indirect [exports fell by a third] <- the report (According to) #2",
                      "indirect [Exports fell by a third] <- the customs service (according to) #3", NULL});
}

static void other_reporting_verbs(void **state)
{
    (void)state;
    expect_quotes("Ms. Okafor added that the schools would stay open.\n\n"
                  "The analyst warned that prices could double.\n\n"
                  "Officials expect the storm to weaken by Friday.\n\n"
                  "The talks had stalled, a Kremlin-linked analyst acknowledged.\n",
                  (const char *const[]){
                      "indirect [the schools would stay open] <- Ms. Okafor (added) #1",
                      "indirect [prices could double] <- The analyst (warned) #2 anonymous",
                      "indirect [the storm to weaken by Friday] <- Officials (expect) #3 anonymous",
                      "indirect [The talks had stalled] <- a Kremlin-linked analyst (acknowledged) #4 anonymous",
                      NULL});
}

static void spokesman_of_someone(void **state)
{
    (void)state;
    expect_quotes("Putin's spokesman said the president had no plans to travel.\n",
                  (const char *const[]){
                      "indirect [the president had no plans to travel] <- Putin's spokesman (said) #1 anonymous", NULL});
}

static void inverted_attribution(void **state)
{
    (void)state;
    expect_quotes("The vote will be close, said Ana Ruiz, a pollster in Madrid.\n",
                  (const char *const[]){
                      "indirect [The vote will be close] <- Ana Ruiz, a pollster in Madrid (said) #1", NULL});
}

static void passive_forms(void **state)
{
    (void)state;
    expect_quotes("It was reported by TASS that the talks had failed.\n\n"
                  "The merger was first reported by the Financial Times.\n",
                  (const char *const[]){
                      "indirect [the talks had failed] <- TASS (reported by) #1",
                      "indirect [The merger] <- the Financial Times (reported by) #2", NULL});
}

static void mixed_when_the_clause_quotes_some_words(void **state)
{
    (void)state;
    expect_quotes("Russian diplomats predict that Trump will be “desperate” to find a deal.\n",
                  (const char *const[]){
                      "mixed [Trump will be “desperate” to find a deal] <- Russian diplomats (predict) #1 anonymous",
                      NULL});
}

static void attribution_inside_the_clause(void **state)
{
    (void)state;
    expect_quotes("Many of the closures, he said, involved public courses.\n",
                  (const char *const[]){"indirect [Many of the closures | involved public courses] <- he (said) #1", NULL});
}

static void clause_ends_when_the_speaker_acts_again(void **state)
{
    (void)state;
    expect_quotes("She said she has no plans to change her vote and would not name any issue.\n",
                  (const char *const[]){"indirect [she has no plans to change her vote] <- She (said) #1", NULL});
}

static void labels_at_the_start_of_a_paragraph(void **state)
{
    (void)state;
    expect_quotes("Poll: Sanders leads in New Hampshire.\n\nBENENSON: We will debate in April.\n",
                  (const char *const[]){
                      "indirect [Sanders leads in New Hampshire] <- Poll (:) #1",
                      "indirect [We will debate in April] <- BENENSON (:) #2", NULL});
}

static void no_speaker_no_attribution(void **state)
{
    (void)state;
    /* A reporting verb without a speaker, or used in another sense, attributes nothing. */
    expect_quotes("It is widely expected that rates will rise. The said agreement expired.\n",
                  (const char *const[]){NULL});
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(said_that),
        cmocka_unit_test(told_someone),
        cmocka_unit_test(according_to),
        cmocka_unit_test(other_reporting_verbs),
        cmocka_unit_test(spokesman_of_someone),
        cmocka_unit_test(inverted_attribution),
        cmocka_unit_test(passive_forms),
        cmocka_unit_test(mixed_when_the_clause_quotes_some_words),
        cmocka_unit_test(attribution_inside_the_clause),
        cmocka_unit_test(clause_ends_when_the_speaker_acts_again),
        cmocka_unit_test(labels_at_the_start_of_a_paragraph),
        cmocka_unit_test(no_speaker_no_attribution),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
