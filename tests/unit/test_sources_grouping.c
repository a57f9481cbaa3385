/* Sourcing audit, sources: pronouns and definite descriptions resolved to earlier mentions,
 * "another official" a new source, appositions, named vs anonymous kinds, and the summary (claimed
 * source counts, anonymity justifications, publications cited, the anonymous share). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sources_test_util.h"

static void pronoun_resolves_to_earlier_speaker(void **state)
{
    (void)state;
    onr_sources *s = analyze("“The budget is balanced,” said Maria Lopez, the city treasurer.\n\n"
                             "Taxes will not rise, she added.\n");
    assert_int_equal(onr_sources_source_count(s), 1);
    assert_string_equal(describe_source(s, 0), "named-person: Maria Lopez; treasurer; ; ; 2");
    assert_string_equal(describe_quote(s, 1), "indirect [Taxes will not rise] <- she (added) #1");
    onr_sources_free(s);
}

static void apposition_belongs_to_the_mention(void **state)
{
    (void)state;
    onr_sources *s = analyze("Dmitry Peskov, the Kremlin spokesman, said the summit was off.\n\n"
                             "Later Peskov said it could be rescheduled.\n");
    assert_string_equal(describe_quote(s, 0),
                        "indirect [the summit was off] <- Dmitry Peskov, the Kremlin spokesman (said) #1");
    assert_string_equal(describe_quote(s, 1), "indirect [it could be rescheduled] <- Peskov (said) #1");
    assert_int_equal(onr_sources_source_count(s), 1);
    assert_string_equal(describe_source(s, 0), "named-person: Dmitry Peskov; spokesman; Kremlin; ; 2");
    onr_sources_free(s);
}

static void definite_description_and_another(void **state)
{
    (void)state;
    onr_sources *s = analyze("“Dialogue is frozen,” a diplomatic source said.\n\n"
                             "“It will thaw slowly,” the diplomatic source added.\n\n"
                             "“We are ready,” one official said. “So are we,” another official said.\n");
    assert_int_equal(onr_sources_quote_count(s), 4);
    assert_int_equal(onr_sources_quote(s, 0)->source, onr_sources_quote(s, 1)->source);
    assert_int_equal(onr_sources_source_count(s), 3);
    assert_string_equal(describe_source(s, 0), "anonymous-individual: a diplomatic source; source; ; ; 2");
    assert_string_equal(describe_source(s, 1), "anonymous-individual: one official; official; ; ; 1");
    assert_string_equal(describe_source(s, 2), "anonymous-individual: another official; official; ; ; 1");
    onr_sources_free(s);
}

/* The sources of quote `i` as "#1 #2". */
static const char *quote_sources(const onr_sources *s, size_t i)
{
    static char line[128];
    const onr_quote *q = onr_sources_quote(s, i);
    size_t n = 0;
    line[0] = '\0';
    for (size_t k = 0; k < q->source_count; k++)
        n += (size_t)snprintf(line + n, sizeof line - n, "%s#%zu", k ? " " : "", q->sources[k] + 1);
    return line;
}

static void joint_speaker_splits_into_its_members(void **state)
{
    (void)state;
    /* Two people speak together; "the Finnish official" is the first of them, not the pair. */
    onr_sources *s = analyze("According to a Finnish official and a source at the shipyard, the hull is cracked.\n\n"
                             "“Repairs will take a year,” the Finnish official said.\n");
    assert_int_equal(onr_sources_quote_count(s), 2);
    assert_string_equal(describe_quote(s, 0), "indirect [the hull is cracked] <- a Finnish official and a source at "
                                              "the shipyard (According to) #1 anonymous");
    assert_string_equal(quote_sources(s, 0), "#1 #2");
    assert_string_equal(quote_sources(s, 1), "#1");
    assert_int_equal(onr_sources_source_count(s), 2);
    assert_string_equal(describe_source(s, 0), "anonymous-individual: a Finnish official; official; ; Finnish; 2");
    assert_string_equal(describe_source(s, 1), "anonymous-individual: a source at the shipyard; source; the shipyard; ; 1");
    const onr_source *src = onr_sources_source(s, 1);
    assert_int_equal(src->mention_count, 1);
    assert_int_equal(src->mentions[0].end - src->mentions[0].start, strlen("a source at the shipyard"));
    /* the joint quote counts once */
    assert_int_equal(onr_sources_get_summary(s)->quote_count, 2);
    assert_true(onr_sources_get_summary(s)->anonymous_share == 1.0);
    onr_sources_free(s);
}

static void joint_speaker_named_and_anonymous(void **state)
{
    (void)state;
    /* A statement that a named person stands behind is not anonymous; "they" is the pair again. */
    onr_sources *s = analyze("Anna Petrova and a council aide said the vote was delayed.\n\n"
                             "They added that it would be held in May.\n");
    assert_int_equal(onr_sources_source_count(s), 2);
    assert_string_equal(describe_source(s, 0), "named-person: Anna Petrova; ; ; ; 2");
    assert_string_equal(describe_source(s, 1), "anonymous-individual: a council aide; aide; ; ; 2");
    assert_string_equal(describe_quote(s, 0),
                        "indirect [the vote was delayed] <- Anna Petrova and a council aide (said) #1");
    assert_string_equal(quote_sources(s, 0), "#1 #2");
    assert_string_equal(quote_sources(s, 1), "#1 #2");
    assert_true(onr_sources_get_summary(s)->anonymous_share == 0.0);
    onr_sources_free(s);
}

static void plural_conjuncts_stay_one_group(void **state)
{
    (void)state;
    /* Counted or plural conjuncts are one group, and "the" does not open a second speaker. */
    onr_sources *s = analyze("The port will close, four dock workers and one city official said.\n\n"
                             "According to Russian officials and diplomats, the port will close.\n\n"
                             "The port will close, a source close to the council and the union said.\n");
    assert_int_equal(onr_sources_source_count(s), 3);
    assert_string_equal(describe_source(s, 0), "anonymous-group: four dock workers and one city official; workers; ; ; 1");
    assert_string_equal(describe_source(s, 1), "anonymous-group: Russian officials and diplomats; officials; ; Russian; 1");
    assert_string_equal(describe_source(s, 2),
                        "anonymous-individual: a source close to the council and the union; source; the council and the union; ; 1");
    assert_string_equal(quote_sources(s, 0), "#1");
    assert_int_equal(onr_sources_get_summary(s)->claimed_source_count, 5);
    onr_sources_free(s);
}

static void joint_speaker_only_in_the_head_phrase(void **state)
{
    (void)state;
    /* an apposition's "and" or a name's is no second speaker; a title after a preposition is, and
     * "both" opens the pair without being a name */
    onr_sources *s = analyze("The bridge will close, Anna Petrova, the harbour chair and a former pilot, said.\n\n"
                             "The bridge will close, the Sea and Rail Council said.\n\n"
                             "The bridge will close, Senator Ana Ruiz of Leeds and Senator Tom Hale of York said.\n\n"
                             "The tolls will rise, both Ruiz and Hale said.\n");
    assert_int_equal(onr_sources_quote_count(s), 4);
    assert_string_equal(quote_sources(s, 0), "#1");
    assert_string_equal(quote_sources(s, 1), "#2");
    assert_string_equal(quote_sources(s, 2), "#3 #4");
    assert_string_equal(quote_sources(s, 3), "#3 #4");
    assert_int_equal(onr_sources_source_count(s), 4);
    assert_string_equal(describe_source(s, 0), "named-person: Anna Petrova; chair; ; ; 1");
    assert_string_equal(describe_source(s, 2), "named-person: Ana Ruiz; Senator; Leeds; ; 2");
    assert_string_equal(describe_source(s, 3), "named-person: Tom Hale; Senator; York; ; 2");
    onr_sources_free(s);
}

static void one_person_with_and_in_the_descriptor(void **state)
{
    (void)state;
    /* "and" inside a name after a preposition, or between one person's two roles after "the" */
    onr_sources *s = analyze("The pool will close, a spokesman for the Parks and Recreation Department said.\n\n"
                             "The pool will close, the businessman and reality star said.\n\n"
                             "The pool will close, the candidate and her staff said.\n");
    assert_int_equal(onr_sources_source_count(s), 3);
    assert_string_equal(describe_source(s, 0), "anonymous-individual: a spokesman for the Parks and Recreation "
                                               "Department; spokesman; the Parks and Recreation Department; ; 1");
    assert_string_equal(describe_source(s, 1), "anonymous-individual: the businessman and reality star; businessman; ; ; 1");
    assert_string_equal(describe_source(s, 2), "anonymous-group: the candidate and her staff; candidate; ; ; 1");
    onr_sources_free(s);
}

static void bare_plural_again_is_the_same_group(void **state)
{
    (void)state;
    /* the very words of an earlier group name it again; a counted or determined group is new */
    onr_sources *s = analyze("Norwegian diplomats said the channel was closed.\n\n"
                             "The ferry is late, a port official said.\n\n"
                             "The channel will reopen, Norwegian diplomats added.\n\n"
                             "The channel will reopen, some Norwegian diplomats said.\n");
    assert_int_equal(onr_sources_source_count(s), 3);
    assert_string_equal(describe_source(s, 0), "anonymous-group: Norwegian diplomats; diplomats; ; Norwegian; 2");
    assert_string_equal(describe_source(s, 2), "anonymous-group: some Norwegian diplomats; diplomats; ; Norwegian; 1");
    assert_int_equal(onr_sources_source(s, 0)->mention_count, 2);
    onr_sources_free(s);
}

static void outlet_owning_sources_is_no_affiliation(void **state)
{
    (void)state;
    /* "CNN's sources" are CNN's, not CNN people: the affiliation is where they are, if said */
    onr_sources *s = analyze("The fares will rise, CNN's sources said.\n\n"
                             "The fares will rise, most of CNN's sources in the port authority said.\n\n"
                             "The fares will rise, NATO's spokesman said.\n");
    assert_int_equal(onr_sources_source_count(s), 3);
    assert_string_equal(describe_source(s, 0), "anonymous-group: CNN's sources; sources; ; ; 1");
    assert_string_equal(describe_source(s, 1),
                        "anonymous-group: most of CNN's sources in the port authority; sources; the port authority; ; 1");
    assert_string_equal(describe_source(s, 2), "anonymous-individual: NATO's spokesman; spokesman; NATO's; ; 1");
    onr_sources_free(s);
}

static void country_speaks_as_an_organization(void **state)
{
    (void)state;
    /* "Russia sees …": a state speaking through its government, not a person named Russia. */
    onr_sources *s = analyze("Russia sees the vote as a turning point.\n");
    assert_int_equal(onr_sources_source_count(s), 1);
    assert_string_equal(describe_source(s, 0), "named-organization: Russia; ; ; ; 1");
    onr_sources_free(s);
}

static void anonymous_and_named_kinds(void **state)
{
    (void)state;
    onr_sources *s = analyze("The plan is dead, a source close to the Foreign Ministry said.\n\n"
                             "The plan is dead, people familiar with the matter said.\n\n"
                             "The plan is dead, officials said.\n\n"
                             "The plan is dead, Reuters reported.\n\n"
                             "The plan is dead, a Russian diplomat said.\n");
    assert_int_equal(onr_sources_source_count(s), 5);
    assert_string_equal(describe_source(s, 0),
                        "anonymous-individual: a source close to the Foreign Ministry; source; the Foreign Ministry; ; 1");
    assert_string_equal(describe_source(s, 1), "anonymous-group: people familiar with the matter; people; the matter; ; 1");
    assert_string_equal(describe_source(s, 2), "anonymous-group: officials; officials; ; ; 1");
    assert_string_equal(describe_source(s, 3), "named-organization: Reuters; ; ; ; 1");
    assert_string_equal(describe_source(s, 4), "anonymous-individual: a Russian diplomat; diplomat; ; Russian; 1");
    const onr_sources_summary *sum = onr_sources_get_summary(s);
    assert_int_equal(sum->named_source_count, 1);
    assert_int_equal(sum->anonymous_source_count, 4);
    assert_true(sum->anonymous_share > 0.79 && sum->anonymous_share < 0.81);
    onr_sources_free(s);
}

static void documents_are_sources(void **state)
{
    (void)state;
    onr_sources *s = analyze("According to the report, the dam was never inspected.\n");
    assert_string_equal(describe_source(s, 0), "document: the report; report; ; ; 1");
    onr_sources_free(s);
}

static void claims_justifications_and_publications(void **state)
{
    (void)state;
    onr_sources *s = analyze("Moscow expects a quick deal, seven senior officials and three members of the "
                             "business elite told VPost.\n\n"
                             "All of them spoke on condition of anonymity as they are not authorized to talk "
                             "to foreign media.\n\n"
                             "The Moscow Times previously reported that talks had begun.\n");
    const onr_sources_summary *sum = onr_sources_get_summary(s);
    assert_int_equal(sum->claimed_source_count, 10);
    assert_int_equal(sum->claim_count, 1);
    assert_int_equal(sum->justification_count, 1);
    onr_string text = onr_sources_text(s);
    const onr_text_span *j = &sum->justifications[0];
    assert_int_equal(j->byte_end - j->byte_start, strlen("All of them spoke on condition of anonymity as they are "
                                                         "not authorized to talk to foreign media"));
    assert_memory_equal(text.data + j->byte_start, "All of them", 11);
    assert_int_equal(sum->publication_count, 2);
    assert_memory_equal(sum->publications[0].data, "VPost", 5);
    assert_memory_equal(sum->publications[1].data, "The Moscow Times", 16);
    assert_string_equal(describe_source(s, 0),
                        "anonymous-group: seven senior officials and three members of the business elite; "
                        "officials; ; ; 1");
    onr_sources_free(s);
}

static void name_after_role_and_organizations_by_their_noun(void **state)
{
    (void)state;
    onr_sources *s = analyze("The North Quay Fishing Cooperative says the design would remove berths. Its chairman, "
                             "Dougie MacLeod, said the cooperative had hired lawyers.\n\n"
                             "“We have fished from that quay for four generations.”\n\n"
                             "The moorings are too shallow, the cooperative says.\n");
    assert_int_equal(onr_sources_source_count(s), 2);
    assert_string_equal(describe_source(s, 0), "named-organization: The North Quay Fishing Cooperative; ; ; ; 2");
    assert_string_equal(describe_source(s, 1), "named-person: Dougie MacLeod; chairman; ; ; 2");
    /* The paragraph that is only a quotation belongs to the speaker just before it. */
    assert_string_equal(describe_quote(s, 2),
                        "direct [“We have fished from that quay for four generations.”] <- Its chairman, Dougie MacLeod #2");
    onr_sources_free(s);
}

/* "Mr." and "Ms." address the person; unlike "Sen.", they are no role. */
static void form_of_address_is_no_role(void **state)
{
    (void)state;
    onr_sources *s = analyze("Mr. Dale said the ferry would be late.\n\n"
                             "Ms. Lund, the harbour director, said the tide was too low.\n");
    assert_int_equal(onr_sources_source_count(s), 2);
    assert_string_equal(describe_source(s, 0), "named-person: Dale; ; ; ; 1");
    assert_string_equal(describe_source(s, 1), "named-person: Lund; director; ; ; 1");
    onr_sources_free(s);
}

static void title_and_party_around_a_name(void **state)
{
    (void)state;
    onr_sources *s = analyze("Sen. Ana Ruiz said the bridge would reopen.\n\n"
                             "Ana Ruiz (D) said the tram would run.\n\n"
                             "Gov. Tom Hale (R-Ohio) said the port would close.\n");
    assert_int_equal(onr_sources_source_count(s), 2);
    assert_string_equal(describe_source(s, 0), "named-person: Ana Ruiz; Sen; D; ; 2");
    assert_string_equal(describe_source(s, 1), "named-person: Tom Hale; Gov; R-Ohio; ; 1");
    onr_sources_free(s);
}

static void same_surname_other_first_name(void **state)
{
    (void)state;
    onr_sources *s = analyze("Tom Hale said the ferry was late. Betty Hale said it was not. Hale said he would wait.\n");
    assert_int_equal(onr_sources_source_count(s), 2);
    assert_string_equal(describe_source(s, 0), "named-person: Tom Hale; ; ; ; 1");
    assert_string_equal(describe_source(s, 1), "named-person: Betty Hale; ; ; ; 2");
    onr_sources_free(s);
}

static void one_mention_speaking_twice_is_one_source(void **state)
{
    (void)state;
    onr_sources *s = analyze("A spokesperson for the fund declined to comment but said applications would be "
                             "assessed on their merits.\n");
    assert_int_equal(onr_sources_quote_count(s), 2);
    assert_int_equal(onr_sources_source_count(s), 1);
    onr_sources_free(s);
}

static void possessive_alone_resolves_as_a_pronoun(void **state)
{
    (void)state;
    /* "their" in "their chants of" is the dockers, not a source named "their" */
    onr_sources *s = analyze("“We want a vote,” said the dockers.\n\n"
                             "But their chants of “Vote now!” were cut short.\n");
    assert_int_equal(onr_sources_source_count(s), 1);
    assert_string_equal(describe_quote(s, 1), "direct [“Vote now!”] <- their (chants) #1 anonymous");
    onr_sources_free(s);
}

static void relative_pronoun_resolves_to_its_antecedent(void **state)
{
    (void)state;
    /* "who" is Tom Hale right before it and "that" the harbour officials, not the mayor quoted last */
    onr_sources *s = analyze("Mayor Ana Ruiz said the pier would reopen.\n\n"
                             "The mayor met Tom Hale, who said the work was done early.\n\n"
                             "She also met harbour officials that expect more ships.\n");
    assert_int_equal(onr_sources_source_count(s), 3);
    assert_string_equal(describe_quote(s, 1), "indirect [the work was done early] <- who (said) #2");
    assert_string_equal(describe_source(s, 1), "named-person: Tom Hale; ; ; ; 1");
    assert_string_equal(describe_quote(s, 2), "indirect [more ships] <- that (expect) #3 anonymous");
    assert_string_equal(describe_source(s, 2), "anonymous-group: officials; officials; ; ; 1");
    onr_sources_free(s);
}

static void pronoun_skips_a_person_of_the_other_gender(void **state)
{
    (void)state;
    /* "she" is Ms. Ruiz, not the spokesman quoted last; "he" then is the spokesman */
    onr_sources *s = analyze("“The pier is safe,” said Ms. Ruiz.\n\n"
                             "“Repairs start Monday,” said Tom Hale, the harbour spokesman.\n\n"
                             "The budget is fixed, she added. The dredging is late, he said.\n");
    assert_int_equal(onr_sources_source_count(s), 2);
    assert_string_equal(describe_quote(s, 2), "indirect [The budget is fixed] <- she (added) #1");
    assert_string_equal(describe_quote(s, 3), "indirect [The dredging is late] <- he (said) #2");
    onr_sources_free(s);
}

static void they_is_not_a_single_person(void **state)
{
    (void)state;
    /* no group was quoted before "They": not the harbour master */
    onr_sources *s = analyze("“The pier is safe,” said Tom Hale.\n\n"
                             "The fishermen disagree. They say the pier is cracked.\n");
    assert_int_equal(onr_sources_source_count(s), 2);
    assert_string_equal(describe_quote(s, 1), "indirect [the pier is cracked] <- They (say) #2");
    onr_sources_free(s);
}

static void first_name_tells_the_gender(void **state)
{
    (void)state;
    /* "she" is Mary Hale; "Ms." inside "a spokesman for Ms. Hale" is not the spokesman's */
    onr_sources *s = analyze("“The pier is safe,” said Mary Hale.\n\n"
                             "“Repairs start Monday,” said a spokesman for Ms. Hale.\n\n"
                             "The budget is fixed, she added.\n");
    assert_int_equal(onr_sources_source_count(s), 2);
    assert_string_equal(describe_quote(s, 2), "indirect [The budget is fixed] <- she (added) #1");
    onr_sources_free(s);
}

static void relative_after_an_apposition_with_an_adjective(void **state)
{
    (void)state;
    /* "a cautious official who" is Tom Hale's apposition, with a word the lexicon does not list */
    onr_sources *s = analyze("Mayor Ana Ruiz said the pier would reopen.\n\n"
                             "The mayor met Tom Hale, a cautious official who said the channel was too shallow.\n");
    assert_int_equal(onr_sources_source_count(s), 2);
    assert_string_equal(describe_source(s, 1), "named-person: Tom Hale; official; ; ; 1");
    onr_sources_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pronoun_resolves_to_earlier_speaker),
        cmocka_unit_test(apposition_belongs_to_the_mention),
        cmocka_unit_test(definite_description_and_another),
        cmocka_unit_test(joint_speaker_splits_into_its_members),
        cmocka_unit_test(joint_speaker_named_and_anonymous),
        cmocka_unit_test(plural_conjuncts_stay_one_group),
        cmocka_unit_test(joint_speaker_only_in_the_head_phrase),
        cmocka_unit_test(one_person_with_and_in_the_descriptor),
        cmocka_unit_test(bare_plural_again_is_the_same_group),
        cmocka_unit_test(outlet_owning_sources_is_no_affiliation),
        cmocka_unit_test(anonymous_and_named_kinds),
        cmocka_unit_test(country_speaks_as_an_organization),
        cmocka_unit_test(documents_are_sources),
        cmocka_unit_test(claims_justifications_and_publications),
        cmocka_unit_test(name_after_role_and_organizations_by_their_noun),
        cmocka_unit_test(form_of_address_is_no_role),
        cmocka_unit_test(one_mention_speaking_twice_is_one_source),
        cmocka_unit_test(title_and_party_around_a_name),
        cmocka_unit_test(same_surname_other_first_name),
        cmocka_unit_test(possessive_alone_resolves_as_a_pronoun),
        cmocka_unit_test(relative_pronoun_resolves_to_its_antecedent),
        cmocka_unit_test(pronoun_skips_a_person_of_the_other_gender),
        cmocka_unit_test(they_is_not_a_single_person),
        cmocka_unit_test(first_name_tells_the_gender),
        cmocka_unit_test(relative_after_an_apposition_with_an_adjective),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
