/* Sourcing audit, reported speech (indirect and mixed attributions): where the reported clause
 * begins and ends, and the less common constructions that report speech. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sources_test_util.h"

static void clause_ends_before_the_writers_aside(void **state)
{
    (void)state;
    expect_quotes("The mayor said the bridge would reopen in May, even as the council cut its budget.\n\n"
                  "Ms. Ruiz said turnout rose by a tenth, compared with the last vote.\n\n"
                  "The company announced it would cut 300 jobs, a blow to the harbour town.\n",
                  (const char *const[]){
                      "indirect [the bridge would reopen in May] <- The mayor (said) #1 anonymous",
                      "indirect [turnout rose by a tenth] <- Ms. Ruiz (said) #2",
                      "indirect [it would cut 300 jobs] <- The company (announced) #3", NULL});
}

static void participle_aside_before_the_verb(void **state)
{
    (void)state;
    /* "X, citing Y, said Z": what was cited ends at the comma, the sentence's verb reports Z */
    expect_quotes("Mr. Dale, citing the new census, said the district would be split.\n",
                  (const char *const[]){
                      "indirect [the new census] <- Mr. Dale (citing) #1",
                      "indirect [the district would be split] <- Mr. Dale (said) #1", NULL});
}

static void adjunct_between_verb_and_clause(void **state)
{
    (void)state;
    /* "said in a statement on Monday they …": the clause opens with its subject pronoun */
    expect_quotes("The club said in a statement on Monday they would appeal the ban.\n\n"
                  "The club said in a statement.\n",
                  (const char *const[]){"indirect [they would appeal the ban] <- The club (said) #1 anonymous", NULL});
}

static void infinitive_and_gerund_after_a_preposition(void **state)
{
    (void)state;
    /* the subject of the clause speaks; an "it" of "It is hard to say" does not, nor a clause whose
     * infinitive has its own subject after "for" */
    expect_quotes("Older voters were more likely to say they trusted the mayor.\n\n"
                  "Ms. Lund won the seat by arguing that the port needed a new pier.\n\n"
                  "It is hard to say who will win.\n\n"
                  "Should the rain hold off, it would be easy for the council to propose a new date.\n",
                  (const char *const[]){
                      "indirect [they trusted the mayor] <- Older voters (say) #1 anonymous",
                      "indirect [that the port needed a new pier] <- Ms. Lund (arguing) #2", NULL});
}

static void raising_verb_hedges_the_whole_clause(void **state)
{
    (void)state;
    /* "appears", "seemed", "is expected": no one speaks, the clause keeps its subject */
    expect_quotes("The mayor appeared to lose his temper at the hearing.\n\n"
                  "The council is not expected to pass the budget this week.\n",
                  (const char *const[]){
                      "indirect [The mayor appeared to lose his temper at the hearing] (appeared)",
                      "indirect [The council is not expected to pass the budget this week] (expected)", NULL});
    expect_quotes("The old harbour is widely seen as the heart of the town.\n",
                  (const char *const[]){"indirect [The old harbour is widely seen as the heart of the town] (seen)", NULL});
    /* a currency sign before an amount belongs to the subject */
    expect_quotes("The \u00a348 million pier had been expected to open in May.\n",
                  (const char *const[]){"indirect [The \u00a348 million pier had been expected to open in May] (expected)", NULL});
}

static void learned_form_of_a_learned_verb(void **state)
{
    (void)state;
    /* "hope" alone is annotated on too few of its uses, "hopes" and "hoped" on many: the forms go together */
    expect_quotes("The residents hope the ferry will return next spring.\n",
                  (const char *const[]){"indirect [the ferry will return next spring] <- The residents (hope) #1 anonymous", NULL});
}

static void day_and_place_after_the_verb(void **state)
{
    (void)state;
    /* when and where it was said are not what was said */
    expect_quotes("Ms. Adler said Wednesday she wants an inquiry.\n\n"
                  "Mr. Brandt said Sunday in Leeds, England, that he hoped for a large turnout.\n\n"
                  "The fares are too high, Mr. Brandt said Tuesday in Paris.\n",
                  (const char *const[]){
                      "indirect [she wants an inquiry] <- Ms. Adler (said) #1",
                      "indirect [that he hoped for a large turnout] <- Mr. Brandt (said) #2",
                      "indirect [The fares are too high] <- Mr. Brandt (said) #2", NULL});
}

static void clause_ends_where_the_writer_starts_a_sentence(void **state)
{
    (void)state;
    /* a comma, then a subject pronoun and its verb; but not after an opening "if …," */
    expect_quotes("Mr. Ortiz said the new fares had hurt the ferry company badly, we will see more closures.\n\n"
                  "Ms. Lund said that if elected, she would cut the fares.\n",
                  (const char *const[]){
                      "indirect [the new fares had hurt the ferry company badly] <- Mr. Ortiz (said) #1",
                      "indirect [that if elected, she would cut the fares] <- Ms. Lund (said) #2", NULL});
}

static void clause_ends_at_a_lone_dash(void **state)
{
    (void)state;
    /* a dash with no partner adds the writer's comment; a pair encloses part of the clause */
    expect_quotes("Mr. Ortiz said the ferry would return to service — much as it did a decade ago.\n\n"
                  "Ms. Lund said the pier — built in 1920 — would be repaired.\n",
                  (const char *const[]){
                      "indirect [the ferry would return to service] <- Mr. Ortiz (said) #1",
                      "indirect [the pier — built in 1920 — would be repaired] <- Ms. Lund (said) #2", NULL});
    /* "— and that …" goes on with a second clause of what was said; "— that was …" does not */
    expect_quotes("The mayor said the pier would close — and that the ferry would stop in May.\n\n"
                  "Hale said the pier would close in May — that was the plan.\n",
                  (const char *const[]){
                      "indirect [the pier would close — and that the ferry would stop in May] <- The mayor (said) #1 anonymous",
                      "indirect [the pier would close in May] <- Hale (said) #2", NULL});
}

static void noun_cue_after_a_possessive(void **state)
{
    (void)state;
    /* the possessor speaks; an infinitive ends at the sentence's own verb */
    expect_quotes("Mr. Ortiz's promise to rebuild the old pier was popular.\n\n"
                  "Her claim that the ferry lost money surprised the council.\n",
                  (const char *const[]){
                      "indirect [to rebuild the old pier] <- Mr. Ortiz's (promise) #1",
                      "indirect [that the ferry lost money surprised the council] <- Her (claim) #1", NULL});
}

static void possessive_pronoun_after_a_verb_is_its_subjects(void **state)
{
    (void)state;
    /* "renewed his call to", "shared her belief that": the verb's subject is the speaker */
    expect_quotes("Mr. Lee renewed his call to close the old pier.\n\n"
                  "Ms. Hale shared her belief that the ferry would return.\n",
                  (const char *const[]){
                      "indirect [to close the old pier] <- Mr. Lee (call) #1",
                      "indirect [that the ferry would return] <- Ms. Hale (belief) #2", NULL});
}

static void learned_noun_cue_with_its_owner(void **state)
{
    (void)state;
    /* a learned noun before its preposition or "that": the possessor speaks, or the subject of the
     * verb whose object it is; the object ends at the sentence's verb; no owner, no attribution */
    expect_quotes("The ferry union launched fresh attacks on the new timetable.\n\n"
                  "Mr. Ortiz's attacks on the harbour board were sharp.\n\n"
                  "Ms. Lund spoke at the pier, voicing the suggestion that the fares be cut.\n\n"
                  "The attacks on the timetable grew.\n",
                  (const char *const[]){
                      "indirect [the new timetable] <- The ferry union (launched fresh attacks on) #1",
                      "indirect [the harbour board] <- Mr. Ortiz's (attacks on) #2",
                      "indirect [that the fares be cut] <- Ms. Lund (voicing the suggestion that) #3", NULL});
}

static void stance_noun_voiced_or_expressed(void **state)
{
    (void)state;
    /* a verb of expressing or holding, a stance noun and "that": the verb's subject holds it, or
     * after a comma the speaker of the clause before; a cue verb that took the clause keeps it */
    expect_quotes("The pier will reopen, a harbour official said, voicing the belief that the ferries will return.\n\n"
                  "Ms. Lund voiced strong doubts that the fares would fall.\n\n"
                  "The mayor expressed concern that the pier was unsafe.\n\n"
                  "However, Norwegian diplomats hold no illusions that the channel will be dredged.\n\n"
                  "The fares cover the view that the bay offers.\n",
                  (const char *const[]){
                      "indirect [The pier will reopen] <- a harbour official (said) #1 anonymous",
                      "indirect [that the ferries will return] <- a harbour official (voicing the belief) #1 anonymous",
                      "indirect [that the fares would fall] <- Ms. Lund (voiced strong doubts) #2",
                      "indirect [that the pier was unsafe] <- The mayor (expressed) #3 anonymous",
                      "indirect [that the channel will be dredged] <- Norwegian diplomats (hold no illusions) #4 anonymous", NULL});
}

static void learned_pair_with_its_subject_further_back(void **state)
{
    (void)state;
    /* "worried about" after "was (deeply)": the subject of "be" is the one worried */
    expect_quotes("Ms. Lund was deeply worried about the new fares.\n",
                  (const char *const[]){"indirect [the new fares] <- Ms. Lund (worried about) #1", NULL});
    expect_quotes("The union was sharply critical of the harbour board.\n",
                  (const char *const[]){"indirect [the harbour board] <- The union (critical of) #1", NULL});
    /* after a preposition, the subject of the verb before it: "began by talking about" */
    expect_quotes("The mayor began by talking about the harbour fees.\n",
                  (const char *const[]){"indirect [the harbour fees] <- The mayor (talking about) #1 anonymous", NULL});
    /* a pair whose first word is a noun with an owner reads as a noun cue */
    expect_quotes("Mr. Ortiz's concerns about the pier were noted.\n",
                  (const char *const[]){"indirect [the pier] <- Mr. Ortiz's (concerns about) #1", NULL});
}

static void reportedly_passes_on_an_unsourced_claim(void **state)
{
    (void)state;
    /* the sentence after its opening phrase is the claim, with no speaker; a reporting verb after
     * "reportedly" is the cue instead, and a participle phrase is no claim of its own */
    expect_quotes("In March, the ferry company was reportedly losing money on every crossing.\n\n"
                  "The harbour master reportedly told the council that the pier was unsafe.\n\n"
                  "With the mayor reportedly weighing a run, the council met.\n",
                  (const char *const[]){
                      "indirect [the ferry company was reportedly losing money on every crossing] (reportedly)",
                      "indirect [that the pier was unsafe] <- The harbour master (told) #1 anonymous", NULL});
}

static void speaker_with_an_aside_between_dashes(void **state)
{
    (void)state;
    expect_quotes("The harbour master — who has run the port for a decade — said the cranes were broken.\n",
                  (const char *const[]){
                      "indirect [the cranes were broken] <- The harbour master — who has run the port for a decade (said) #1 anonymous",
                      NULL});
    /* the dash typed as two hyphens */
    expect_quotes("The harbour master -- who has run the port for a decade -- said the cranes were broken.\n",
                  (const char *const[]){
                      "indirect [the cranes were broken] <- The harbour master -- who has run the port for a decade (said) #1 anonymous",
                      NULL});
}

static void attribution_inside_the_clause_before_its_verb(void **state)
{
    (void)state;
    expect_quotes("The goal, she said, is a ferry that runs all winter.\n",
                  (const char *const[]){"indirect [The goal | is a ferry that runs all winter] <- she (said) #1", NULL});
    expect_quotes("He backs the plan, he said, because the port needs work.\n",
                  (const char *const[]){"indirect [He backs the plan | because the port needs work] <- he (said) #1", NULL});
}

static void as_the_speaker_said(void **state)
{
    (void)state;
    expect_quotes("As Mr. Ortiz noted in a letter on Monday, the ferry has lost money for years.\n\n"
                  "As reported by the Harbour Gazette, the pier needs repairs.\n",
                  (const char *const[]){"indirect [the ferry has lost money for years] <- Mr. Ortiz (noted) #1",
                                        "indirect [the pier needs repairs] <- the Harbour Gazette (reported by) #2", NULL});
}

static void new_speaker_after_a_comma_ends_the_clause(void **state)
{
    (void)state;
    expect_quotes("While some critics said the ferry was too slow, others say it has never run better.\n",
                  (const char *const[]){
                      "indirect [the ferry was too slow] <- some critics (said) #1 anonymous",
                      "indirect [it has never run better] <- others (say) #2 anonymous", NULL});
}

static void subject_of_the_clause_is_no_listener(void **state)
{
    (void)state;
    /* "promised the town would …": a modal after the noun phrase makes it the clause's subject */
    expect_quotes("The governor promised the harbour town would get a new ferry.\n",
                  (const char *const[]){
                      "indirect [the harbour town would get a new ferry] <- The governor (promised) #1 anonymous", NULL});
}

static void cue_word_as_noun_or_with_a_particle(void **state)
{
    (void)state;
    /* "showed up", "called off", "his call", "the mayor's call", "of pledged delegates", the label
     * "Editor's note:", "found itself": no verb of saying */
    expect_quotes("Crowds of farmers showed up at the town hall on Friday.\n\n"
                  "The council called off the vote on the new pier.\n\n"
                  "His call came too late for the council to act.\n\n"
                  "Editor's note: The ferry timetable changes in May.\n\n"
                  "The council found itself at the centre of the dispute.\n\n"
                  "Ms. Hale won a majority of pledged delegates in May.\n\n"
                  "The mayor\u2019s call came too late.\n",
                  (const char *const[]){NULL});
}

static void measure_modifier_or_bare_passive_not_a_cue(void **state)
{
    (void)state;
    /* "by 8 points" is a measure, "pledged delegates" a kind of delegate; "are considered pests"
     * with no "as", "to" or "by" reports no one's view */
    expect_quotes("Ms. Hale leads the race by 8 points after the debate.\n\n"
                  "Ms. Hale leads Mr. Gray by 40 pledged delegates after the vote.\n\n"
                  "The count includes pledged delegates from the harbour ward.\n\n"
                  "Turnout rose four points since the last vote.\n\n"
                  "Gulls are considered pests in the harbour town.\n",
                  (const char *const[]){NULL});
    /* "adding to her lead" is a sum; the quotation's "added" still names its speaker */
    expect_quotes("Ms. Hale won the harbour ward, adding to her lead over Mr. Gray.\n\n"
                  "The storm added to the damage at the pier.\n\n"
                  "\"We will rebuild,\" she added to cheers.\n",
                  (const char *const[]){"direct [\"We will rebuild,\"] <- she (added) #1", NULL});
}

static void that_after_an_aside(void **state)
{
    (void)state;
    /* the verb's aside between commas or dashes, or with a quoted title, before "that" */
    expect_quotes("He said, however, that the ferry would run.\n\n"
                  "Mr. Dale said on WXYZ, where he is a guest host, that the pier was unsafe.\n\n"
                  "The mayor said \u2014 on Twitter, of all places \u2014 that the ferry would run.\n",
                  (const char *const[]){
                      "indirect [that the ferry would run] <- He (said) #1",
                      "indirect [that the pier was unsafe] <- Mr. Dale (said) #2",
                      "indirect [that the ferry would run] <- The mayor (said) #3 anonymous", NULL});
}

static void showing_after_a_modal_needs_a_clause(void **state)
{
    (void)state;
    /* "will also show more patience" is done, not said; "to show that …" still reports */
    expect_quotes("The union will also show more patience in the talks.\n\n"
                  "The figures would show that the ferry lost money.\n",
                  (const char *const[]){"indirect [that the ferry lost money] <- The figures (show) #1 anonymous", NULL});
}

static void topic_participle_after_a_comma(void **state)
{
    (void)state;
    /* "…, referring to …": the speaker of the sentence or of its quotation */
    expect_quotes("Ms. Lane spoke for an hour, referring to the new pier.\n\n"
                  "\"We will win,\" Mr. Dale added, referring to his party.\n\n"
                  "Mr. Dale said of the pier, \"It is sound,\" referring to the survey.\n",
                  (const char *const[]){
                      "indirect [the new pier] <- Ms. Lane (referring to) #1",
                      "direct [\"We will win,\"] <- Mr. Dale (added) #2",
                      "indirect [his party] <- Mr. Dale (referring to) #2",
                      "direct [\"It is sound,\"] <- Mr. Dale (said) #2",
                      "indirect [the survey] <- Mr. Dale (referring to) #2", NULL});
}

static void participle_after_a_quotation(void **state)
{
    (void)state;
    /* the comma inside the closing quotation mark: "…,” adding that …" */
    expect_quotes("The mayor said of the plan, \"I do not like it,\" adding that the port had waited long enough.\n",
                  (const char *const[]){
                      "direct [\"I do not like it,\"] <- The mayor (said) #1 anonymous",
                      "indirect [that the port had waited long enough] <- The mayor (adding) #1 anonymous", NULL});
}

static void question_of_a_passive_or_participle_asked(void **state)
{
    (void)state;
    /* the question is reported without a speaker, to the end of the sentence too */
    expect_quotes("The mayor smiled when asked about the ferry and its budget.\n\n"
                  "The mayor was asked about the ferry and its budget.\n\n"
                  "When asked which pier would close, the mayor smiled.\n",
                  (const char *const[]){
                      "indirect [the ferry and its budget] (asked)",
                      "indirect [the ferry and its budget] (asked)",
                      "indirect [which pier would close] (asked)", NULL});
}

static void passive_without_by_names_no_speaker(void **state)
{
    (void)state;
    /* "was declared", "has been accused of": the subject is the one spoken of, not the speaker */
    expect_quotes("Ms. Hale was declared the winner of the harbour vote.\n\n"
                  "Mr. Lee has been accused of hiding the ferry accounts.\n",
                  (const char *const[]){
                      "indirect [the winner of the harbour vote] (declared)",
                      "indirect [hiding the ferry accounts] (accused)", NULL});
}

static void raising_verb_before_a_reporting_verb(void **state)
{
    (void)state;
    /* "appeared to imply that": the hedged verb still reports its subject's words */
    expect_quotes("She appeared to imply that the ferry would close.\n",
                  (const char *const[]){"indirect [that the ferry would close] <- She (imply) #1", NULL});
}

static void asker_named_by_by_or_before_a_listener(void **state)
{
    (void)state;
    /* "asked by X whether" names who asked; so does the subject of "X asked Y whether", but not
     * "X, asked on Monday whether …", the one asked */
    expect_quotes("When asked by a reporter whether the pier would reopen, the mayor smiled.\n\n"
                  "Anna Ruiz, the council leader, asked Mr. Lee whether the ferry would run.\n\n"
                  "Ruiz, asked on Monday whether the ferry would run, smiled.\n",
                  (const char *const[]){
                      "indirect [whether the pier would reopen] <- a reporter (asked) #1 anonymous",
                      "indirect [whether the ferry would run] <- Anna Ruiz, the council leader (asked) #2",
                      "indirect [whether the ferry would run] (asked)", NULL});
}

static void offered_takes_its_object(void **state)
{
    (void)state;
    /* what was offered is a view or a proposal, PolNeAR's attribution of "offered …" */
    expect_quotes("The governor offered a defence of the new harbour plan.\n",
                  (const char *const[]){"indirect [a defence of the new harbour plan] <- The governor (offered) #1 anonymous", NULL});
}

static void called_for_is_no_naming(void **state)
{
    (void)state;
    /* "called for" reports a topic; only "called X “Y”" ends at the quotation */
    expect_quotes("She has called for tighter rules on the \"shadow harbour\" that runs the docks.\n",
                  (const char *const[]){
                      "mixed [tighter rules on the \"shadow harbour\" that runs the docks] <- She (called for) #1", NULL});
}

static void amount_in_dollars_is_what_is_called_for(void **state)
{
    (void)state;
    /* a dollar sign before a number opens the object, as a word would */
    expect_quotes("The mayor calls for $40 million in new spending on the docks.\n",
                  (const char *const[]){
                      "indirect [$40 million in new spending on the docks] <- The mayor (calls for) #1 anonymous", NULL});
}

static void what_clause_object_is_reported_by_the_outer_subject(void **state)
{
    (void)state;
    /* "what he sees as …" as the object of another verb: the whole clause, by that verb's subject;
     * not after "is", where the clause is a predicate */
    expect_quotes("Mr. Dale spoke at length about what he sees as a failing harbour.\n\n"
                  "Ms. Lund turned again to what they called a costly pier.\n",
                  (const char *const[]){
                      "indirect [what he sees as a failing harbour] <- Mr. Dale (sees) #1",
                      "indirect [what they called a costly pier] <- Ms. Lund (called) #2", NULL});
}

static void spoke_out_reports_the_prepositions_object(void **state)
{
    (void)state;
    /* "spoke out against", "in favor of", "lashed out at": the object of the preposition */
    expect_quotes("Sanders has spoken out against the new trade deal.\n\n"
                  "More recently, Ms. Lund spoke out in favor of the port workers.\n\n"
                  "The mayor lashed out at the council on Monday.\n",
                  (const char *const[]){
                      "indirect [the new trade deal] <- Sanders (spoken out against) #1",
                      "indirect [the port workers] <- Ms. Lund (spoke out in favor of) #2",
                      "indirect [the council] <- The mayor (lashed out at) #3 anonymous", NULL});
}

static void topic_gerund_finds_its_subject(void **state)
{
    (void)state;
    /* "talking about" away from its subject: after an adverb, a verb, or in an opening phrase */
    expect_quotes("Mr. Dale is now talking about the harbour levy.\n\n"
                  "Ms. Lund started talking about the new pier.\n\n"
                  "After talking about the budget, Ms. Ruiz left the hall.\n",
                  (const char *const[]){
                      "indirect [the harbour levy] <- Mr. Dale (talking about) #1",
                      "indirect [the new pier] <- Ms. Lund (started talking about) #2",
                      "indirect [the budget] <- Ms. Ruiz (talking about) #3", NULL});
}

static void reason_for_anonymity_is_not_said(void **state)
{
    (void)state;
    /* "anonymity to discuss X", "not authorized to discuss X": why the source is unnamed */
    expect_quotes("An official, speaking on the condition of anonymity to discuss the talks, said the port would close.\n\n"
                  "Two aides, who were not authorized to discuss the budget, said it would fail.\n",
                  (const char *const[]){
                      "indirect [the port would close] <- An official (said) #1 anonymous",
                      "indirect [it would fail] <- Two aides, who were not authorized to discuss the budget (said) #2 anonymous",
                      NULL});
}

static void listener_before_another_verbs_that(void **state)
{
    (void)state;
    /* "told the paper … after hinting that …": the "that" clause is the second verb's; a listener
     * is the determiner and its plain noun words */
    expect_quotes("Dale told the paper on Monday after hinting that big changes could come.\n\n"
                  "The pastor asked the congregation to stand for the mayor.\n\n"
                  "Ms. Hale told a packed hall in Leeds that the pier would close.\n",
                  (const char *const[]){
                      "indirect [that big changes could come] <- Dale (hinting) #1",
                      "indirect [the congregation to stand for the mayor] <- The pastor (asked) #2 anonymous",
                      "indirect [that the pier would close] <- Ms. Hale (told) #3", NULL});
}

static void one_attribution_per_clause(void **state)
{
    (void)state;
    /* "expressed doubt that …": the noun cue after the verb reports the same clause again */
    expect_quotes("The mayor expressed doubt that the ferry would run.\n",
                  (const char *const[]){"indirect [that the ferry would run] <- The mayor (expressed) #1 anonymous", NULL});
}

static void title_case_headline_with_scare_quotes(void **state)
{
    (void)state;
    /* quoted words after the verb of a title-case headline are part of what was said */
    expect_quotes("Hale Says Ferry \u2018Will Run\u2019 Again.\n\nThe ferry runs on time.\n",
                  (const char *const[]){"indirect [Ferry \u2018Will Run\u2019 Again] <- Hale (Says) #1", NULL});
}

static void view_of_something_as_something(void **state)
{
    (void)state;
    /* "see X as Y" states a view; "saw it coming" does not */
    expect_quotes("Many dock workers see the mayor as the best hope for the pier.\n\n"
                  "She saw it coming.\n",
                  (const char *const[]){"indirect [the mayor as the best hope for the pier] <- Many dock workers (see) #1 anonymous", NULL});
}

static void that_far_after_the_verb_is_a_relative(void **state)
{
    (void)state;
    /* "said the new plan for the pier that …": six words on, "that" opens a relative clause */
    expect_quotes("The mayor said the new plan for the pier that the council drafted was too costly.\n",
                  (const char *const[]){
                      "indirect [the new plan for the pier that the council drafted was too costly] <- The mayor (said) #1 anonymous", NULL});
}

static void one_word_object_ends_at_a_new_clause(void **state)
{
    (void)state;
    /* "backed Hale, and the mayor praised …": the stops apply right after a one-word object too */
    expect_quotes("The union backed Hale, and the mayor praised the new plan.\n",
                  (const char *const[]){
                      "indirect [Hale] <- The union (backed) #1",
                      "indirect [the new plan] <- the mayor (praised) #2 anonymous", NULL});
}

static void thing_being_named_is_no_speaker(void **state)
{
    (void)state;
    /* "a website called Harbour Watch" names a thing; "A reporter called the plan “…”" speaks */
    expect_quotes("The mayor set up a website called Harbour Watch last year.\n\n"
                  "A reporter called the plan \"a folly.\"\n",
                  (const char *const[]){"mixed [the plan \"a folly.\"] <- A reporter (called) #1 anonymous", NULL});
}

static void labelled_turn_runs_to_the_end_of_its_paragraph(void **state)
{
    (void)state;
    /* a transcript's "NAME:" speaks the whole paragraph, not just its first sentence */
    expect_quotes("The interview was edited for length.\n\n"
                  "HALE: I think the pier is sound. It will stand for years.\n",
                  (const char *const[]){"indirect [I think the pier is sound. It will stand for years] <- HALE (:) #1", NULL});
}

static void according_to_at_the_end_covers_the_sentence(void **state)
{
    (void)state;
    /* a clause inside the sentence ends before ", according to X", which keeps the sentence (its
     * closing "with" phrase, as annotators mark it: see with_phrase_before_a_closing_according_to) */
    expect_quotes("The mayor is weak, with most voters saying she cannot be trusted, according to the latest Gazette poll.\n",
                  (const char *const[]){
                      "indirect [most voters saying she cannot be trusted] <- the latest Gazette poll (according to) #1",
                      "indirect [she cannot be trusted] <- most voters (saying) #2 anonymous", NULL});
}

static void opening_phrase_comma_keeps_the_nested_speaker_inside(void **state)
{
    (void)state;
    /* "that during the visit, the mayor reiterated …": the comma closes the clause's opening
     * phrase, the inner speaker does not start a new clause */
    expect_quotes("Local media reported that during the visit to the port this week, Mayor Ana Hale reiterated "
                  "her request for a new pier.\n",
                  (const char *const[]){
                      "indirect [that during the visit to the port this week, Mayor Ana Hale reiterated her request for a "
                      "new pier] <- Local media (reported) #1", NULL});
    /* so does one after an adverb or between commas: "that ultimately, …", "that, for a fee, …" */
    expect_quotes("Hale said that ultimately, it was the fault of the council.\n\n"
                  "Mr. Dale said that, for a small fee, they could stay.\n",
                  (const char *const[]){"indirect [that ultimately, it was the fault of the council] <- Hale (said) #1",
                                        "indirect [that, for a small fee, they could stay] <- Mr. Dale (said) #2", NULL});
}

static void according_to_after_a_conjunction(void **state)
{
    (void)state;
    /* "… after, according to him, Y": what follows the aside is his account */
    expect_quotes("He left the port years ago after, according to him, the council closed his shop.\n",
                  (const char *const[]){"indirect [the council closed his shop] <- him (according to) #1 anonymous", NULL});
}

static void participle_opening_the_sentence(void **state)
{
    (void)state;
    /* a reporting participle opening the sentence is the main subject's; "Walking home" reports nothing */
    expect_quotes("Declaring that the pier was safe, the mayor reopened it.\n\n"
                  "Walking home, the mayor met Hale.\n",
                  (const char *const[]){"indirect [that the pier was safe] <- the mayor (Declaring) #1 anonymous", NULL});
}

static void one_word_topic(void **state)
{
    (void)state;
    /* a topic of a single word closing the sentence: "was calling for calm." (not a pronoun) */
    expect_quotes("The mayor was calling for calm.\n",
                  (const char *const[]){"indirect [calm] <- The mayor (calling for) #1 anonymous", NULL});
}

static void stance_on_a_single_noun(void **state)
{
    (void)state;
    /* a stance verb's one-word object may be a plain noun, not an object pronoun */
    expect_quotes("The union backed reform.\n\n"
                  "The union backed her.\n",
                  (const char *const[]){"indirect [reform] <- The union (backed) #1", NULL});
}

static void clause_goes_on_after_a_coordinated_that_or_list(void **state)
{
    (void)state;
    /* ", and that …", ", and in May …" and the last item of a list go on with what was said; ", and"
     * before a new subject is the writer's */
    expect_quotes("The mayor said the pier needed repairs, and that the council would pay for them.\n\n"
                  "Hale said the ferry would run again, and in May the pier would reopen.\n\n"
                  "Ms. Ruiz said the town needed schools, clinics, and roads.\n\n"
                  "Mr. Dale said the pier was safe, and the council left.\n",
                  (const char *const[]){
                      "indirect [the pier needed repairs, and that the council would pay for them] <- The mayor (said) #1 anonymous",
                      "indirect [the ferry would run again, and in May the pier would reopen] <- Hale (said) #2",
                      "indirect [the town needed schools, clinics, and roads] <- Ms. Ruiz (said) #3",
                      "indirect [the pier was safe] <- Mr. Dale (said) #4", NULL});
    /* "that" before an auxiliary is a pronoun, the writer's new clause */
    expect_quotes("The mayor said the pier would close, but that could change.\n",
                  (const char *const[]){"indirect [the pier would close] <- The mayor (said) #1 anonymous", NULL});
}

static void clause_in_an_opening_subordinate_or_relative_ends_at_its_comma(void **state)
{
    (void)state;
    /* "While X praised Y, the council …": the main clause after the comma is the writer's; "As
     * reported by X, …" reports that main clause */
    expect_quotes("While the mayor praised the new pier, residents of the harbour stayed away.\n\n"
                  "As reported by the Herald, the pier will close in May.\n",
                  (const char *const[]){"indirect [the new pier] <- the mayor (praised) #1 anonymous",
                                        "indirect [the pier will close in May] <- the Herald (reported by) #2", NULL});
    /* so does a clause in a relative clause on the subject: "Ms. Ruiz, who said …, left" */
    expect_quotes("Ms. Ruiz, who said the pier was unsafe, left the hall early.\n",
                  (const char *const[]){"indirect [the pier was unsafe] <- who (said) #1", NULL});
    /* a hedge in an opening subordinate clause keeps its subject and ends at the comma */
    expect_quotes("While the pier is expected to reopen in May, residents of the harbour stayed away.\n",
                  (const char *const[]){"indirect [the pier is expected to reopen in May] (expected)", NULL});
}

static void aside_inside_or_after_what_was_said(void **state)
{
    (void)state;
    /* ", who …" after a name to the end of the sentence describes that person; a relative closed by
     * a comma stays inside the clause */
    expect_quotes("The mayor said the pier would go to Anna Petrova, who has run the harbour for years.\n\n"
                  "Mr. Dale said the pier would go to Hale, who runs the harbour, and her son.\n",
                  (const char *const[]){
                      "indirect [the pier would go to Anna Petrova] <- The mayor (said) #1 anonymous",
                      "indirect [the pier would go to Hale, who runs the harbour, and her son] <- Mr. Dale (said) #2", NULL});
    /* ", which …," and ", the …," followed by the clause's own verb are inside it; a closing ", which
     * …" is not */
    expect_quotes("Hale said the pipeline, which the council backs, would not pass.\n\n"
                  "Hale said the council backed the pipeline, which ran for miles.\n\n"
                  "Hale said Mr. Dale, the new mayor, would reopen the pier.\n",
                  (const char *const[]){"indirect [the pipeline, which the council backs, would not pass] <- Hale (said) #1",
                                        "indirect [the council backed the pipeline] <- Hale (said) #1",
                                        "indirect [Mr. Dale, the new mayor, would reopen the pier] <- Hale (said) #1", NULL});
}

static void clause_before_the_attribution_takes_the_whole_sentence(void **state)
{
    (void)state;
    /* ", and …" before "…, the mayor said" is part of what the mayor said; ";" starts a new clause */
    expect_quotes("The pier will close in May, and the ferry will stop, the mayor said.\n\n"
                  "The pier will close; the ferry will stop, Mr. Dale said.\n",
                  (const char *const[]){
                      "indirect [The pier will close in May, and the ferry will stop] <- the mayor (said) #1 anonymous",
                      "indirect [the ferry will stop] <- Mr. Dale (said) #2", NULL});
}

static void object_ends_before_the_verbs_adjunct(void **state)
{
    (void)state;
    /* a noun phrase object ends where the verb's adjunct begins; after "said" the same words are
     * the subject of the reported clause */
    expect_quotes("Ms. Lund endorsed the harbour plan last week.\n\n"
                  "The council vetoed the ferry levy because of its cost.\n\n"
                  "Mr. Dale has not backed Ms. Lund and has been a critic of hers.\n\n"
                  "The mayor said the ferry levy during the winter would double.\n",
                  (const char *const[]){
                      "indirect [the harbour plan] <- Ms. Lund (endorsed) #1",
                      "indirect [the ferry levy] <- The council (vetoed) #2",
                      "indirect [Ms. Lund] <- Mr. Dale (backed) #3",
                      "indirect [the ferry levy during the winter would double] <- The mayor (said) #4 anonymous", NULL});
}

static void stance_participle_after_a_noun(void **state)
{
    (void)state;
    /* a stance participle as a noun's modifier: its object ends before the sentence's verb */
    expect_quotes("A super PAC opposing Ms. Lund has spent $2 million on ferry ads.\n\n"
                  "The dockers union is opposing Ms. Lund.\n",
                  (const char *const[]){
                      "indirect [Ms. Lund] <- A super PAC (opposing) #1",
                      "indirect [Ms. Lund] <- The dockers union (opposing) #2", NULL});
}

static void aside_between_subject_and_verb_of_what_was_said(void **state)
{
    (void)state;
    expect_quotes("The mayor warned that the levy, even at half the rate, would close the port.\n",
                  (const char *const[]){
                      "indirect [that the levy, even at half the rate, would close the port] <- The mayor (warned) #1 anonymous",
                      NULL});
}

static void quantified_pronoun_and_verb_before_an_infinitive(void **state)
{
    (void)state;
    /* "most of them" names its speakers after an opening phrase too; "continued to insist" is its
     * subject's, after the opening phrase */
    expect_quotes("Until the closure, most of them said they had liked the night shift.\n\n"
                  "Even after the audit was filed, Ms. Lund continued to insist she had never seen the ledger.\n",
                  (const char *const[]){"indirect [they had liked the night shift] <- most of them (said) #1 anonymous",
                                        "indirect [she had never seen the ledger] <- Ms. Lund (insist) #2", NULL});
}

static void topic_put_to_a_listener_and_that_after_an_adjunct(void **state)
{
    (void)state;
    expect_quotes("The host asked Ms. Lund about the harbour levy.\n\n"
                  "Mr. Dale said in an interview with the local radio station last week that the ferry would stop in May.\n",
                  (const char *const[]){
                      "indirect [the harbour levy] <- The host (asked) #1 anonymous",
                      "indirect [that the ferry would stop in May] <- Mr. Dale (said) #2", NULL});
}

static void with_phrase_before_a_closing_according_to(void **state)
{
    (void)state;
    expect_quotes("The ferry is still the harbour's main earner, with $2 million in fares last year, according to the port's accounts.\n",
                  (const char *const[]){"indirect [$2 million in fares last year] <- the port's accounts (according to) #1 anonymous", NULL});
}

static void a_vote_cast_is_a_stance_an_intended_one_is_not(void **state)
{
    (void)state;
    expect_quotes("In the poll, most dockers would vote for Ms. Lund.\n\n"
                  "Mr. Dale voted for the new levy.\n",
                  (const char *const[]){"indirect [most dockers would vote for Ms. Lund] <- the poll (In) #1",
                                        "indirect [the new levy] <- Mr. Dale (voted for) #2", NULL});
}

static void but_also_goes_on(void **state)
{
    (void)state;
    expect_quotes("Mr. Dale said the levy was needed not only for the pier but also for the ferry.\n\n"
                  "Ms. Lund says the town is angry, but also hopeful about the harbour.\n",
                  (const char *const[]){
                      "indirect [the levy was needed not only for the pier but also for the ferry] <- Mr. Dale (said) #1",
                      "indirect [the town is angry, but also hopeful about the harbour] <- Ms. Lund (says) #2", NULL});
}

static void inverted_verb_before_a_name_and_its_apposition(void **state)
{
    (void)state;
    expect_quotes("The ferry ran at a loss on the winter routes, fuel and crews, said harbour master Anna Petrova, a partner of the firm.\n\n"
                  "He also had a say in the plans for the new pier in Leith, said a former spokesman for the council, Jon Dale.\n",
                  (const char *const[]){
                      "indirect [The ferry ran at a loss on the winter routes, fuel and crews] <- harbour master Anna Petrova (said) #1",
                      "indirect [He also had a say in the plans for the new pier in Leith] <- a former spokesman for the council (said) #2 anonymous",
                      NULL});
}

static void listener_of_a_name_and_a_noun(void **state)
{
    (void)state;
    expect_quotes("The pier needs a new crane, harbour master Anna Petrova told a Senate panel Wednesday.\n",
                  (const char *const[]){"indirect [The pier needs a new crane] <- harbour master Anna Petrova (told) #1", NULL});
}

static void comma_after_the_verb_of_an_opening_speaker(void **state)
{
    (void)state;
    expect_quotes("Mr. Dale says, win or lose in the vote, he is staying in the race.\n",
                  (const char *const[]){"indirect [win or lose in the vote, he is staying in the race] <- Mr. Dale (says) #1", NULL});
}

static void critics_after_criticism_from(void **state)
{
    (void)state;
    /* the critics after "from" spoke of the subject, or said the "that" clause after them */
    expect_quotes("The ferry plan has drawn sharp criticism from the union.\n\n"
                  "The mayor faced criticism from rivals that the bridge is unsafe.\n\n"
                  "Talks on everything from ferries to Oslo drew criticism from the union.\n",
                  (const char *const[]){"indirect [The ferry plan] <- the union (criticism) #1",
                                        "indirect [the bridge is unsafe] <- rivals (criticism) #2 anonymous", NULL});
}

static void show_as_a_programme_is_no_cue(void **state)
{
    (void)state;
    expect_quotes("The annual harbour award show has been aired on local TV since 2010.\n\n"
                  "Radio talk show host Ana Ruiz said the ferry was late.\n\n"
                  "New figures show the ferry runs late twice a week.\n",
                  (const char *const[]){"indirect [the ferry was late] <- host Ana Ruiz (said) #1",
                                        "indirect [the ferry runs late twice a week] <- New figures (show) #2", NULL});
}

static void participle_after_a_comma_is_the_writers(void **state)
{
    (void)state;
    /* ", putting …" tells what the words did; ", including …" lists what was said */
    expect_quotes("The mayor said the levy passed, putting the harbour ahead of the mill.\n\n"
                  "Ms. Hale said three piers would close, including the old ferry dock.\n",
                  (const char *const[]){
                      "indirect [the levy passed] <- The mayor (said) #1 anonymous",
                      "indirect [three piers would close, including the old ferry dock] <- Ms. Hale (said) #2", NULL});
}

static void that_after_the_clauses_own_verb_stays_inside(void **state)
{
    (void)state;
    /* "said he was …, that …": the clause began at its subject, the "that" is its own */
    expect_quotes("Ms. Hale said he was tickled that the ferry would run.\n\n"
                  "Mr. Dale said the pier was so old that nobody used it.\n",
                  (const char *const[]){
                      "indirect [he was tickled that the ferry would run] <- Ms. Hale (said) #1",
                      "indirect [the pier was so old that nobody used it] <- Mr. Dale (said) #2", NULL});
}

static void object_name_ends_before_the_setting(void **state)
{
    (void)state;
    /* "endorsed Ms. Ruiz at a rally": where it was done, after a name; after a plain noun the
     * phrase may be the object's own ("the ferry crews in the harbour") */
    expect_quotes("The union endorsed Ms. Ruiz at a rally in the harbour.\n\n"
                  "The mayor praised the ferry crews in the harbour.\n",
                  (const char *const[]){
                      "indirect [Ms. Ruiz] <- The union (endorsed) #1",
                      "indirect [the ferry crews in the harbour] <- The mayor (praised) #2 anonymous", NULL});
}

static void apposition_before_the_clauses_verb_stays_inside(void **state)
{
    (void)state;
    /* "Petrova, the captain, held …": the verb after the apposition is the reported clause's;
     * ", however, pointing to …" is not */
    expect_quotes("Officials say Anna Petrova, the captain, held two licenses.\n\n"
                  "Mr. Dale denied that the pier was unsafe, however, pointing to the survey.\n",
                  (const char *const[]){
                      "indirect [Anna Petrova, the captain, held two licenses] <- Officials (say) #1 anonymous",
                      "indirect [that the pier was unsafe] <- Mr. Dale (denied) #2",
                      "indirect [the survey] <- Mr. Dale (pointing to) #2", NULL});
}

static void quoted_comma_before_a_participle_ends_the_clause(void **state)
{
    (void)state;
    /* the comma inside the closing marks ends the clause as one outside them would */
    expect_quotes("The mayor said the levy was \"unfair,\" noting that the mill had closed.\n",
                  (const char *const[]){
                      "mixed [the levy was \"unfair,\"] <- The mayor (said) #1 anonymous",
                      "indirect [that the mill had closed] <- The mayor (noting) #1 anonymous", NULL});
}

static void but_not_or_rather_goes_on(void **state)
{
    (void)state;
    /* ", but not …", ", but rather …" qualify what was said; ", but he left" is the writer's */
    expect_quotes("Ms. Hale said the pier should be mended, but not the old jetty.\n\n"
                  "Mr. Dale said the ferry would run, but he left early.\n",
                  (const char *const[]){
                      "indirect [the pier should be mended, but not the old jetty] <- Ms. Hale (said) #1",
                      "indirect [the ferry would run] <- Mr. Dale (said) #2", NULL});
}

static void dash_before_including_goes_on(void **state)
{
    (void)state;
    /* a lone dash adds the writer's comment, but "— including …" lists more of what was said */
    expect_quotes("Ms. Hale said the council would cut three services — including the night ferry.\n\n"
                  "Mr. Dale said the pier would close — much as it had a decade earlier.\n",
                  (const char *const[]){
                      "indirect [the council would cut three services — including the night ferry] <- Ms. Hale (said) #1",
                      "indirect [the pier would close] <- Mr. Dale (said) #2", NULL});
}

static void participle_after_an_opening_preposition(void **state)
{
    (void)state;
    /* "In criticizing …," reports the words of the main clause's subject */
    expect_quotes("In criticizing the mayor, Ms. Varga spoke for many dock workers.\n",
                  (const char *const[]){"indirect [the mayor] <- Ms. Varga (criticizing) #1", NULL});
}

static void finding_of_a_poll_named_at_the_opening(void **state)
{
    (void)state;
    /* "In the … poll," names who found the clause after the comma; "In March," names no one */
    expect_quotes("In the new Harbour Times poll, Ruiz leads Hale by nine points.\n\nIn March, Ruiz led by two points.\n",
                  (const char *const[]){"indirect [Ruiz leads Hale by nine points] <- the new Harbour Times poll (In) #1",
                                        NULL});
}

static void clear_or_hopeful_that(void **state)
{
    (void)state;
    /* the subject's own judgement before "that"; not the "it" of "It is clear that" */
    expect_quotes("Ms. Lund made it very clear that she will run.\n\nThe dockers were hopeful that the pier would "
                  "open.\n\nIt is clear that the pier is closed.\n",
                  (const char *const[]){"indirect [that she will run] <- Ms. Lund (made it very clear) #1",
                                        "indirect [that the pier would open] <- The dockers (were hopeful) #2 anonymous",
                                        NULL});
}

static void unlisted_verb_before_a_that_clause(void **state)
{
    (void)state;
    /* a verb the lexicon does not know, then "that" and a clause's subject; not a relative "that" */
    expect_quotes("Ms. Lund guessed that the ferry was late. The sheds that Ruiz painted were sold. The port "
                  "services that the town pays for are slow.\n",
                  (const char *const[]){"indirect [that the ferry was late] <- Ms. Lund (guessed) #1", NULL});
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clause_ends_before_the_writers_aside),
        cmocka_unit_test(participle_aside_before_the_verb),
        cmocka_unit_test(adjunct_between_verb_and_clause),
        cmocka_unit_test(infinitive_and_gerund_after_a_preposition),
        cmocka_unit_test(raising_verb_hedges_the_whole_clause),
        cmocka_unit_test(learned_form_of_a_learned_verb),
        cmocka_unit_test(day_and_place_after_the_verb),
        cmocka_unit_test(clause_ends_where_the_writer_starts_a_sentence),
        cmocka_unit_test(clause_ends_at_a_lone_dash),
        cmocka_unit_test(noun_cue_after_a_possessive),
        cmocka_unit_test(possessive_pronoun_after_a_verb_is_its_subjects),
        cmocka_unit_test(learned_noun_cue_with_its_owner),
        cmocka_unit_test(stance_noun_voiced_or_expressed),
        cmocka_unit_test(learned_pair_with_its_subject_further_back),
        cmocka_unit_test(reportedly_passes_on_an_unsourced_claim),
        cmocka_unit_test(speaker_with_an_aside_between_dashes),
        cmocka_unit_test(participle_after_an_opening_preposition),
        cmocka_unit_test(finding_of_a_poll_named_at_the_opening),
        cmocka_unit_test(clear_or_hopeful_that),
        cmocka_unit_test(unlisted_verb_before_a_that_clause),
        cmocka_unit_test(attribution_inside_the_clause_before_its_verb),
        cmocka_unit_test(as_the_speaker_said),
        cmocka_unit_test(new_speaker_after_a_comma_ends_the_clause),
        cmocka_unit_test(subject_of_the_clause_is_no_listener),
        cmocka_unit_test(cue_word_as_noun_or_with_a_particle),
        cmocka_unit_test(measure_modifier_or_bare_passive_not_a_cue),
        cmocka_unit_test(that_after_an_aside),
        cmocka_unit_test(showing_after_a_modal_needs_a_clause),
        cmocka_unit_test(topic_participle_after_a_comma),
        cmocka_unit_test(participle_after_a_quotation),
        cmocka_unit_test(question_of_a_passive_or_participle_asked),
        cmocka_unit_test(asker_named_by_by_or_before_a_listener),
        cmocka_unit_test(passive_without_by_names_no_speaker),
        cmocka_unit_test(raising_verb_before_a_reporting_verb),
        cmocka_unit_test(offered_takes_its_object),
        cmocka_unit_test(called_for_is_no_naming),
        cmocka_unit_test(listener_before_another_verbs_that),
        cmocka_unit_test(one_attribution_per_clause),
        cmocka_unit_test(title_case_headline_with_scare_quotes),
        cmocka_unit_test(view_of_something_as_something),
        cmocka_unit_test(that_far_after_the_verb_is_a_relative),
        cmocka_unit_test(one_word_object_ends_at_a_new_clause),
        cmocka_unit_test(thing_being_named_is_no_speaker),
        cmocka_unit_test(labelled_turn_runs_to_the_end_of_its_paragraph),
        cmocka_unit_test(according_to_at_the_end_covers_the_sentence),
        cmocka_unit_test(opening_phrase_comma_keeps_the_nested_speaker_inside),
        cmocka_unit_test(according_to_after_a_conjunction),
        cmocka_unit_test(participle_opening_the_sentence),
        cmocka_unit_test(one_word_topic),
        cmocka_unit_test(stance_on_a_single_noun),
        cmocka_unit_test(clause_goes_on_after_a_coordinated_that_or_list),
        cmocka_unit_test(clause_in_an_opening_subordinate_or_relative_ends_at_its_comma),
        cmocka_unit_test(aside_inside_or_after_what_was_said),
        cmocka_unit_test(clause_before_the_attribution_takes_the_whole_sentence),
        cmocka_unit_test(object_ends_before_the_verbs_adjunct),
        cmocka_unit_test(stance_participle_after_a_noun),
        cmocka_unit_test(aside_between_subject_and_verb_of_what_was_said),
        cmocka_unit_test(quantified_pronoun_and_verb_before_an_infinitive),
        cmocka_unit_test(topic_put_to_a_listener_and_that_after_an_adjunct),
        cmocka_unit_test(with_phrase_before_a_closing_according_to),
        cmocka_unit_test(a_vote_cast_is_a_stance_an_intended_one_is_not),
        cmocka_unit_test(but_also_goes_on),
        cmocka_unit_test(inverted_verb_before_a_name_and_its_apposition),
        cmocka_unit_test(listener_of_a_name_and_a_noun),
        cmocka_unit_test(comma_after_the_verb_of_an_opening_speaker),
        cmocka_unit_test(critics_after_criticism_from),
        cmocka_unit_test(show_as_a_programme_is_no_cue),
        cmocka_unit_test(participle_after_a_comma_is_the_writers),
        cmocka_unit_test(that_after_the_clauses_own_verb_stays_inside),
        cmocka_unit_test(object_name_ends_before_the_setting),
        cmocka_unit_test(apposition_before_the_clauses_verb_stays_inside),
        cmocka_unit_test(quoted_comma_before_a_participle_ends_the_clause),
        cmocka_unit_test(but_not_or_rather_goes_on),
        cmocka_unit_test(dash_before_including_goes_on),
        cmocka_unit_test(amount_in_dollars_is_what_is_called_for),
        cmocka_unit_test(what_clause_object_is_reported_by_the_outer_subject),
        cmocka_unit_test(spoke_out_reports_the_prepositions_object),
        cmocka_unit_test(topic_gerund_finds_its_subject),
        cmocka_unit_test(reason_for_anonymity_is_not_said),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
