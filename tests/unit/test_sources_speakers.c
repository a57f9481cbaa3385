/* Sourcing audit, the speaker mention chosen for each quote: the span a reader would point at as
 * "who said it", which is the mention itself (a pronoun stays a pronoun; grouping resolves it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sources_test_util.h"

static void pronoun_after_a_reporting_verb_is_part_of_the_quote(void **state)
{
    (void)state;
    /* "Ruiz said she wants “…”": the quote is Ruiz's; "she wants" is what Ruiz said. */
    expect_quotes("Mara Ruiz said she wants “a full audit of the harbour accounts before the vote.”\n\n"
                  "Tom Hale, the union chief, said that he believes “There is no deal without the night crews.”\n",
                  (const char *const[]){
                      "direct [“a full audit of the harbour accounts before the vote.”] <- Mara Ruiz (said) #1",
                      "direct [“There is no deal without the night crews.”] <- Tom Hale, the union chief (said) #2",
                      NULL});
}

static void source_cited_with_according_to_is_the_speaker(void **state)
{
    (void)state;
    /* The writer relays the quote from the cited report: that is the source a reader can check. */
    expect_quotes("“We will not sign it,” Mara Ruiz told dockers on Monday, according to a union newsletter.\n",
                  (const char *const[]){"direct [“We will not sign it,”] <- a union newsletter (told dockers on Monday, "
                                        "according to) #1 anonymous",
                                        NULL});
}

static void expletive_it_names_no_speaker(void **state)
{
    (void)state;
    expect_quotes("It seems the harbour board has made up its mind about the ferry.\n\n"
                  "It’s unclear if the mayor is aware that the money comes from the state.\n",
                  (const char *const[]){"indirect [the harbour board has made up its mind about the ferry] (seems)",
                                        "indirect [that the money comes from the state] (aware)", NULL});
}

static void participle_takes_the_subject_of_the_main_clause(void **state)
{
    (void)state;
    /* The clause before ", citing" opens with a long phrase or a subordinate clause of its own. */
    expect_quotes("By Monday evening she had dropped the long-planned harbour festival in Dover, Kent, citing "
                  "the storm.\n\n"
                  "When the mayor finally spoke, Ana Ruiz struck a calm tone, saying the union would wait.\n",
                  (const char *const[]){"indirect [the storm] <- she (citing) #1",
                                        "indirect [the union would wait] <- Ana Ruiz (saying) #2", NULL});
}

static void time_phrase_before_the_verb_is_no_speaker(void **state)
{
    (void)state;
    expect_quotes("The dockers' union on Monday predicted a long strike.\n\n"
                  "Hale later Thursday told reporters the port would stay shut.\n\n"
                  "Sen. Ana Ruiz (D-Kent) on Wednesday criticized the harbour fees.\n",
                  (const char *const[]){"indirect [a long strike] <- The dockers' union (predicted) #1",
                                        "indirect [the port would stay shut] <- Hale (told) #2",
                                        "indirect [the harbour fees] <- Sen. Ana Ruiz (D-Kent) (criticized) #3", NULL});
}

static void participle_after_the_object_is_the_subjects(void **state)
{
    (void)state;
    expect_quotes("Minutes later, the mayor sent an email saying, “The ferry runs again.”\n\n"
                  "Ana Ruiz left a note on Facebook writing, “We will not give up the quay.”\n",
                  (const char *const[]){"direct [“The ferry runs again.”] <- the mayor (saying) #1 anonymous",
                                        "direct [“We will not give up the quay.”] <- Ana Ruiz (writing) #2", NULL});
}

static void reported_participle_after_an_object_or_a_preposition(void **state)
{
    (void)state;
    /* The statement is the union's act; "by announcing" is Hale's; but "a poll showing" shows it. */
    expect_quotes("On Friday the ferry union issued a statement saying the strike would go on.\n\n"
                  "Hale ended the meeting on Friday by announcing that the port would reopen.\n\n"
                  "The council met after a new poll showing most residents oppose the plan.\n",
                  (const char *const[]){"indirect [the strike would go on] <- the ferry union (saying) #1",
                                        "indirect [that the port would reopen] <- Hale (announcing) #2",
                                        "indirect [most residents oppose the plan] <- a new poll (showing) #3", NULL});
}

static void cue_in_an_opening_participle_phrase(void **state)
{
    (void)state;
    expect_quotes("Having announced that he would not close the port, Judge Berman turned to the union.\n",
                  (const char *const[]){"indirect [that he would not close the port] <- Judge Berman (announced) #1",
                                        "indirect [the union] <- Judge Berman (turned to) #1", NULL});
}

static void participle_after_a_long_opening_clause(void **state)
{
    (void)state;
    expect_quotes("Shortly after the vote, the union officials had gathered, warning that the deal would cost jobs.\n\n"
                  "While most of the members of the council wanted a bigger budget for the new quay, Hale kept to the "
                  "old plan, noting that the ferry still ran.\n",
                  (const char *const[]){
                      "indirect [that the deal would cost jobs] <- the union officials (warning) #1 anonymous",
                      "indirect [a bigger budget for the new quay] <- most of the members of the council (wanted) #2 "
                      "anonymous",
                      "indirect [that the ferry still ran] <- Hale (noting) #3", NULL});
}

static void time_after_an_inverted_cue_is_no_object(void **state)
{
    (void)state;
    /* "said this week" is not "cited this" (a verb with its own object), nor is "told them" (its
     * listener); an unknown source cited with according to is the words up to the punctuation. */
    expect_quotes("“The fees drive every price up,” the mayor said this week.\n\n"
                  "“The quay stays shut,” Hale says this time.\n\n"
                  "“Bring your own stories,” the organizer told them.\n\n"
                  "“We will open the quay,” Hale said, according to notes of the meeting.\n",
                  (const char *const[]){"direct [“The fees drive every price up,”] <- the mayor (said) #1 anonymous",
                                        "direct [“The quay stays shut,”] <- Hale (says) #2",
                                        "direct [“Bring your own stories,”] <- the organizer (told) #3 anonymous",
                                        "direct [“We will open the quay,”] <- notes of the meeting (said, according "
                                        "to) #4 anonymous",
                                        NULL});
}

static void quote_going_on_from_a_reported_clause(void **state)
{
    (void)state;
    expect_quotes("Hale said that once the council goes on recess, “We will picket every meeting it holds.”\n",
                  (const char *const[]){"indirect [that once the council goes on recess] <- Hale (said) #1",
                                        "direct [“We will picket every meeting it holds.”] <- Hale (said) #1", NULL});
}

static void as_someone_put_it(void **state)
{
    (void)state;
    expect_quotes("As Professor Lund put it: “The quay is the town.”\n\n"
                  "As the Harbour Singers sang back in the 1950s, “Haul away for the harbour.”\n",
                  (const char *const[]){"direct [“The quay is the town.”] <- Professor Lund (put) #1",
                                        "direct [“Haul away for the harbour.”] <- the Harbour Singers (sang) #2",
                                        NULL});
}

static void name_before_an_age_and_a_place(void **state)
{
    (void)state;
    expect_quotes("Cory Lund, 22, of Dover, Kent, said the ferry was late again.\n\n"
                  "Tom Hale, 57, a retired pilot, said the quay should stay open.\n",
                  (const char *const[]){"indirect [the ferry was late again] <- Cory Lund, 22, of Dover, Kent (said) #1",
                                        "indirect [the quay should stay open] <- Tom Hale, 57, a retired pilot (said) #2",
                                        NULL});
}

static void inverted_attribution_with_a_time_after_it(void **state)
{
    (void)state;
    expect_quotes("The port will close for the winter, the mayor said this week.\n",
                  (const char *const[]){"indirect [The port will close for the winter] <- the mayor (said) #1 anonymous",
                                        NULL});
}

static void reported_clause_cited_with_according_to(void **state)
{
    (void)state;
    expect_quotes("On Monday, Hale said he was glad the quay had reopened, according to the Dover Post.\n",
                  (const char *const[]){
                      "indirect [On Monday, Hale said he was glad the quay had reopened] <- the Dover Post (according to) #1",
                      "indirect [he was glad the quay had reopened] <- the Dover Post (said) #1", NULL});
}

static void participle_after_an_inverted_attribution(void **state)
{
    (void)state;
    expect_quotes("“The file is worth having,” said Hale, explaining he had hired two clerks.\n\n"
                  "~ As the Tribune put it, “The quay is the town.”\n",
                  (const char *const[]){"direct [“The file is worth having,”] <- Hale (said) #1",
                                        "indirect [he had hired two clerks] <- Hale (explaining) #1",
                                        "direct [“The quay is the town.”] <- the Tribune (put) #2", NULL});
}

static void coordinated_cue_after_a_long_opening_phrase(void **state)
{
    (void)state;
    /* "and added" takes the subject after an opening phrase of more than ten words */
    expect_quotes("In a long interview with the reporter Sam Lee last spring, Ortiz said she welcomed the audit and "
                  "added, “We will open every ledger.”\n",
                  (const char *const[]){"indirect [she welcomed the audit] <- Ortiz (said) #1",
                                        "direct [“We will open every ledger.”] <- Ortiz (added) #1", NULL});
}

static void place_and_state_inside_an_aside(void **state)
{
    (void)state;
    /* "in Dover, Delaware," is one stretch of the aside between the name and its verb */
    expect_quotes("Ortiz, during a meeting in Dover, Delaware, said “We will open every ledger.”\n",
                  (const char *const[]){"direct [“We will open every ledger.”] <- Ortiz (said) #1", NULL});
}

static void subordinate_aside_between_cue_and_quote(void **state)
{
    (void)state;
    /* "when the depot story broke" is an aside: the quote is the subject's of "said" before it */
    expect_quotes("Ortiz said in the spring, when the depot story broke, “I did not hide any ledger.”\n",
                  (const char *const[]){"direct [“I did not hide any ledger.”] <- Ortiz (said) #1", NULL});
}

static void verb_of_a_coordinated_or_subordinate_clause(void **state)
{
    (void)state;
    /* ", but X …, asking" and "when X … and called" are X's; "went after Ms. Hale on Monday,
     * calling" is still the subject's, the name after "after" its object */
    expect_quotes("The mayor spoke about the budget, but Ms. Hale turned the talk to the pier, asking him to "
                  "explain the closures.\n\n"
                  "Mr. Lee went after Ms. Hale on Monday, calling her plan reckless.\n\n"
                  "There were sharp words, such as when Ms. Hale mocked the pier and called it a ruin.\n",
                  (const char *const[]){"indirect [the budget] <- The mayor (spoke about) #1 anonymous",
                                        "indirect [him to explain the closures] <- Ms. Hale (asking) #2",
                                        "indirect [her plan reckless] <- Mr. Lee (calling) #3",
                                        "indirect [the pier] <- Ms. Hale (mocked) #2",
                                        "indirect [it a ruin] <- Ms. Hale (called) #2", NULL});
}

static void subject_with_a_plain_noun_or_after_an_opening_adverb(void **state)
{
    (void)state;
    /* "the judge sounded off …, saying": a determiner and a plain noun before the verb; "Now,",
     * "Back in 1999," open the sentence before its subject; "a couple of years later" is a time */
    expect_quotes("In three interviews, the judge sounded off on the harbour plan, saying she did not want to "
                  "contemplate its effects.\n\n"
                  "Now, many have trouble finding work and fear that the pier will close.\n\n"
                  "Back in 1999, Mr. Lee praised the mayor, telling reporters that he admired her.\n\n"
                  "And a couple of years later, he repeated that praise, recalling a speech at the pier.\n",
                  (const char *const[]){
                      "indirect [she did not want to contemplate its effects] <- the judge (saying) #1 anonymous",
                      "indirect [that the pier will close] <- many (fear) #2 anonymous",
                      "indirect [the mayor] <- Mr. Lee (praised) #3",
                      "indirect [that he admired her] <- Mr. Lee (telling) #3",
                      "indirect [a speech at the pier] <- he (recalling) #3", NULL});
}

static void participle_after_a_place_and_state_or_a_dateline(void **state)
{
    (void)state;
    /* "in Ames, Iowa, on Sunday," and "Leeds (AFP) –" open the sentence before its subject */
    expect_quotes("At a town hall in Ames, Iowa, on Sunday, Ms. Ruiz defended the harbour plan, saying that the "
                  "fees were fair.\n\n"
                  "Leeds (AFP) – Mayor Ana Ruiz has criticised the ferry plan, saying that it ignores the tides.\n",
                  (const char *const[]){"indirect [the harbour plan] <- Ms. Ruiz (defended) #1",
                                        "indirect [that the fees were fair] <- Ms. Ruiz (saying) #1",
                                        "indirect [the ferry plan] <- Mayor Ana Ruiz (criticised) #1",
                                        "indirect [that it ignores the tides] <- Mayor Ana Ruiz (saying) #1", NULL});
}

static void subject_past_a_place_a_time_or_a_preposition(void **state)
{
    (void)state;
    /* "in Leeds, calling for", "her speech Friday to criticise", "on Radio Leeds to defend", "the
     * pier by calling for": the clause's subject, not the noun next to the verb */
    expect_quotes("The union launched a petition in Leeds, calling for a new ferry.\n\n"
                  "Mayor Ana Ruiz used her speech Friday to criticise the ferry plan.\n\n"
                  "Mr. Lee went on Radio Leeds to defend the ferry plan.\n\n"
                  "Ms. Hale won support for the pier by calling for lower fees.\n",
                  (const char *const[]){"indirect [a new ferry] <- The union (calling for) #1",
                                        "indirect [the ferry plan] <- Mayor Ana Ruiz (criticise) #2",
                                        "indirect [the ferry plan] <- Mr. Lee (defend) #3",
                                        "indirect [lower fees] <- Ms. Hale (calling for) #4", NULL});
}

static void frequency_adverb_between_speaker_and_verb(void **state)
{
    (void)state;
    /* "always" ends in -s like a plural noun, but it only qualifies the verb */
    expect_quotes("The harbour board has always maintained that the pier is safe.\n\n"
                  "The fishermen have both endorsed the ferry plan.\n",
                  (const char *const[]){"indirect [that the pier is safe] <- The harbour board (maintained) #1",
                                        "indirect [the ferry plan] <- The fishermen (endorsed) #2 anonymous", NULL});
}

static void topic_participle_after_an_object(void **state)
{
    (void)state;
    /* "started a petition calling on": the petition is the object, the subject calls */
    expect_quotes("Ms. Hale started a petition this week calling on the council to save the pier.\n",
                  (const char *const[]){"indirect [the council to save the pier] <- Ms. Hale (calling on) #1", NULL});
}

static void noun_after_there_is(void **state)
{
    (void)state;
    /* "There were also emails showing …": "there" only fills the subject's place */
    expect_quotes("There were also emails that night showing that the mayor knew of the plan.\n",
                  (const char *const[]){"indirect [that the mayor knew of the plan] <- emails (showing) #1", NULL});
}

static void participle_after_an_inverted_cue_and_a_long_apposition(void **state)
{
    (void)state;
    /* "said X, the …, echoing": the speaker after the inverted cue, however long its apposition */
    expect_quotes("''The pier is safe. We know what the storm did to it, and we will keep it open,'' said Tom Reed, "
                  "the harbour master, echoing comments made earlier by the mayor.\n",
                  (const char *const[]){
                      "direct [''The pier is safe. We know what the storm did to it, and we will keep it open,''] <- "
                      "Tom Reed (said) #1",
                      "indirect [comments made earlier by the mayor] <- Tom Reed (echoing) #1", NULL});
}

static void coordinated_cue_after_a_plain_noun_subject(void **state)
{
    (void)state;
    /* "clerk" is no role the lexicon knows, "mayor" is: both subjects take the quote after "and added" */
    expect_quotes("The clerk closed the hearing and added, “We will meet again next week.”\n\n"
                  "The mayor closed the hearing and added, “We will meet again next week.”\n",
                  (const char *const[]){"direct [“We will meet again next week.”] <- The clerk (added) #1 anonymous",
                                        "direct [“We will meet again next week.”] <- The mayor (added) #2 anonymous",
                                        NULL});
}

static void name_line_under_an_open_pull_quote(void **state)
{
    (void)state;
    /* the quotation stays open to its paragraph's end; the name on the next line is closed by the mark */
    expect_quotes("The port will stay open.\n\n"
                  "\"We will not close the quay while I am mayor. Not this year and not the next.\n"
                  "Ana Ruiz, Dock Workers Union.\"\n",
                  (const char *const[]){"direct [\"We will not close the quay while I am mayor. Not this year and not "
                                        "the next.] <- Ana Ruiz #1",
                                        NULL});
}

static void coordinated_cue_after_an_opening_phrase_with_commas(void **state)
{
    (void)state;
    /* the opening phrase has commas of its own: the subject is the name after the last of them */
    expect_quotes("In a long, late-night interview with the reporter Sam Lee, Ortiz said she welcomed the audit and "
                  "added, “We will open every ledger.”\n",
                  (const char *const[]){"indirect [she welcomed the audit] <- Ortiz (said) #1",
                                        "direct [“We will open every ledger.”] <- Ortiz (added) #1", NULL});
}

static void in_someones_words(void **state)
{
    (void)state;
    expect_quotes("The schools closed because, in the governor’s words, “the roads are simply not safe.”\n\n"
                  "In the words of the harbour master, “This is the worst winter in forty years.”\n",
                  (const char *const[]){"direct [“the roads are simply not safe.”] <- the governor’s (words) #1 anonymous",
                                        "direct [“This is the worst winter in forty years.”] <- the harbour master "
                                        "(words) #2 anonymous",
                                        NULL});
}

static void passive_cue_names_the_one_spoken_to(void **state)
{
    (void)state;
    /* Ruiz is asked the question, not its asker; her answer stays a quote of its own */
    expect_quotes("Ruiz was asked, “Would you close the port again?” She answered, “Not this winter.”\n",
                  (const char *const[]){"direct [“Would you close the port again?”] (asked)",
                                        "direct [“Not this winter.”] <- She (answered) #1", NULL});
}

static void verb_with_a_possessive_object_reports_no_quote_before(void **state)
{
    (void)state;
    /* the critics praise her refusal: they do not say “Tear down this fence!” */
    expect_quotes("The mayor spoke at the pier.\n\n"
                  "“Tear down this fence!” Critics still praise her refusal to back down.\n",
                  (const char *const[]){"direct [“Tear down this fence!”]",
                                        "indirect [her refusal to back down] <- Critics (praise) #1 anonymous", NULL});
}

static void quantifier_or_a_noun_that_is_also_a_cue_as_speaker(void **state)
{
    (void)state;
    /* "most" and "none" stand for people; "note" is a cue word but here the noun before "says";
     * "most recently" is an adverb, the speaker is before it. */
    expect_quotes("Dockers feared for their jobs; most said the port would close.\n\n"
                  "The unions met the board, and none has said it will strike.\n\n"
                  "The note says the ferry will stop in May.\n\n"
                  "Ruiz, who most recently said the pier was safe, left.\n",
                  (const char *const[]){"indirect [the port would close] <- most (said) #1 anonymous",
                                        "indirect [it will strike] <- none (said) #2 anonymous",
                                        "indirect [the ferry will stop in May] <- The note (says) #3 anonymous",
                                        "indirect [the pier was safe] <- Ruiz (said) #4", NULL});
    /* after a quotation too: "the note" is the speaker of "says", not a cue of its own */
    expect_quotes("The mayor left.\n\n“The ferry is late again,” the note says.\n",
                  (const char *const[]){"direct [“The ferry is late again,”] <- the note (says) #1 anonymous", NULL});
}

static void inverted_cue_before_a_colon_with_a_media_role(void **state)
{
    (void)state;
    /* "moderator", "columnist", "anchor": roles of the press, inside the speaker's name */
    expect_quotes("The debate went on.\n\nIn other words, explained Harbour TV moderator Nancy Cordes: “Is this a plan or "
                  "a wish?”\n",
                  (const char *const[]){
                      "direct [“Is this a plan or a wish?”] <- Harbour TV moderator Nancy Cordes (explained) #1", NULL});
}

static void excerpt_line_or_according_to_a_plain_noun(void **state)
{
    (void)state;
    /* newsletter excerpts ("From the report:", "More from Jones:"); "according to" a determiner
     * and a plain noun */
    expect_quotes("The vote was close.\n\nFrom the report: “The harbour vote was the closest in the history of the "
                  "council.”\n\nMore from Jones: “Turnout fell in every ward.”\n\nAccording to the newspaper, “The "
                  "port will close in May.”\n",
                  (const char *const[]){
                      "direct [“The harbour vote was the closest in the history of the council.”] <- the report "
                      "(From) #1",
                      "direct [“Turnout fell in every ward.”] <- Jones (from) #2",
                      "direct [“The port will close in May.”] <- the newspaper (According to) #3 anonymous", NULL});
}

static void possessor_and_its_noun_stop_at_the_verb(void **state)
{
    (void)state;
    /* the noun after a possessor goes on with the phrase ("right-hand woman"); a verb in -ed after
     * the noun ends it ("chief of staff rallied") */
    expect_quotes("The rally began.\n\nAnna Petrova’s right-hand woman rallied supporters, saying: “We have to be "
                  "ready to stop him.”\n\nThe mayor’s chief of staff rallied supporters, saying: “We are ready.”\n",
                  (const char *const[]){
                      "direct [“We have to be ready to stop him.”] <- Anna Petrova’s right-hand woman (saying) #1",
                      "direct [“We are ready.”] <- The mayor’s chief of staff (saying) #2 anonymous", NULL});
}

static void question_word_or_lone_quantifier_names_nobody(void **state)
{
    (void)state;
    /* "What" opens the phrase without being part of it; "Why" and "Each" alone are nobody */
    expect_quotes("The club changed in 2009, under what Mr. Hedge called the old model of golf.\n\n"
                  "Why not just say: “The ferry will come back the same way it left”?\n\n"
                  "Each election cycle, there is a threat many people make: “If she wins, I am moving away!”\n",
                  (const char *const[]){"indirect [the old model of golf] <- Mr. Hedge (called) #1",
                                        "direct [“The ferry will come back the same way it left”]",
                                        "direct [“If she wins, I am moving away!”]", NULL});
}

static void both_standing_alone_is_the_speaker(void **state)
{
    (void)state;
    /* "both" after a comma, a quote or "and" is the subject; after a noun phrase it is an adverb */
    expect_quotes("On the ferry, both said the fees must fall.\n\n"
                  "The mayor and the harbour master both said the pier was safe.\n\n"
                  "“We will stay,” both said.\n",
                  (const char *const[]){"indirect [the fees must fall] <- both (said) #1 anonymous",
                                        "indirect [the pier was safe] <- The mayor and the harbour master (said) #2 anonymous",
                                        "direct [“We will stay,”] <- both (said) #3 anonymous", NULL});
}

static void time_phrase_with_an_article_before_the_verb(void **state)
{
    (void)state;
    expect_quotes("Ms. Lund earlier in the day praised the harbour plan.\n\n"
                  "Mr. Dale in the past criticized the levy.\n",
                  (const char *const[]){
                      "indirect [the harbour plan] <- Ms. Lund (praised) #1",
                      "indirect [the levy] <- Mr. Dale (criticized) #2", NULL});
}

static void state_reports_a_quotation_after_a_plain_noun(void **state)
{
    (void)state;
    /* "state" as a verb of saying after its subject, not the noun after a number */
    expect_quotes("“The ferry must run all year,” the flyer states.\n\n"
                  "“We sail at noon,” the mayor said of the 50 states.\n",
                  (const char *const[]){"direct [“The ferry must run all year,”] <- the flyer (states) #1 anonymous",
                                        "direct [“We sail at noon,”] <- the mayor (said) #2 anonymous", NULL});
}

static void short_opening_clause_without_comma(void **state)
{
    (void)state;
    expect_quotes("The hall fell quiet.\n\n"
                  "When she returned she began by saying, “The ferry will sail again in May.”\n",
                  (const char *const[]){"direct [“The ferry will sail again in May.”] <- she (saying) #1", NULL});
}

static void adjective_before_a_noun_cue_is_no_speaker(void **state)
{
    (void)state;
    /* "a sharp rebuke", "a statement of concern": the describing words make the cue a noun; the
     * subject of the verb before it speaks, else no one is named. */
    expect_quotes("The mayor delivered a sharp rebuke: “The ferry cannot wait another year.”\n\n"
                  "The union issued a statement of concern about the night shifts at the port.\n\n"
                  "There was a lot of talk about the harbour fees at the meeting.\n\n"
                  "Ana Ruiz made a forceful promise that the ferry would run all year.\n\n"
                  "The union account has been busy this week, sharing several angry comments about the ferry fees.\n",
                  (const char *const[]){"direct [“The ferry cannot wait another year.”] <- The mayor (rebuke) #1 anonymous",
                                        "indirect [the night shifts at the port] <- The union (concern about) #2",
                                        "indirect [the harbour fees at the meeting] (talk about)",
                                        "indirect [that the ferry would run all year] <- Ana Ruiz (promise) #3",
                                        "indirect [the ferry fees] <- The union account (comments about) #4 anonymous", NULL});
}

static void long_opening_participle_phrase_is_no_subject(void **state)
{
    (void)state;
    /* The participle has no subject of its own, however long its phrase: the subject follows its comma. */
    expect_quotes("Adopting the advice of a hearing officer who looked at the ferry case on the island last week, the "
                  "harbour board on Monday rejected the plan and ordered that the ferry keep running.\n\n"
                  "Rallying hundreds of dock workers from the night shift at the eastern port, Ana Ruiz spoke for an hour and "
                  "promised to keep the port open.\n",
                  (const char *const[]){"indirect [the plan] <- the harbour board (rejected) #1",
                                        "indirect [that the ferry keep running] <- the harbour board (ordered) #1",
                                        "indirect [to keep the port open] <- Ana Ruiz (promised) #2", NULL});
}

static void relative_pronoun_speaks_for_its_clause(void **state)
{
    (void)state;
    /* The cue is the verb of a relative clause: "who"/"that" is the speaker, as annotated, not a
     * subject further back nor a fragment of the clause. */
    expect_quotes("The mayor met county clerks that typically endorse the ferry fees.\n\n"
                  "The board sat with Ana Ruiz, who last week upset the race by questioning the port budget.\n\n"
                  "The union thanked Tom Hale, who spent much of his speech defending the ferry plan.\n",
                  (const char *const[]){"indirect [the ferry fees] <- that (endorse) #1 anonymous",
                                        "indirect [the port budget] <- who (questioning) #2",
                                        "indirect [Tom Hale] <- The union (thanked) #3",
                                        "indirect [the ferry plan] <- who (defending) #4", NULL});
}

static void participle_aside_after_but_and_a_name(void **state)
{
    (void)state;
    /* "But" before a name opens no clause: the name is the subject the participle aside reports for. */
    expect_quotes("But Sen. Ana Ruiz (D-Kent), noting the size of the crowd, said the port would stay open.\n",
                  (const char *const[]){"indirect [the size of the crowd] <- Sen. Ana Ruiz (noting) #1",
                                        "indirect [the port would stay open] <- Sen. Ana Ruiz (D-Kent) (said) #1", NULL});
}

static void time_aside_after_a_relative_clause(void **state)
{
    (void)state;
    /* ", in July 2012," closes the aside: the name before "who" speaks, not the place before the date. */
    expect_quotes("Ana Ruiz, who lost her brother during the storm in Dover, Delaware, in July 2012, said that the port "
                  "had failed them.\n",
                  (const char *const[]){"indirect [that the port had failed them] <- Ana Ruiz, who lost her brother during "
                                        "the storm in Dover, Delaware, in July 2012 (said) #1",
                                        NULL});
}

static void cue_before_a_parenthetical_attribution(void **state)
{
    (void)state;
    /* "believes, he said," and "estimates, he added,": the parenthetical speaker reports the clause;
     * the cue before it is part of what was said, not a speaker of its own. */
    expect_quotes("He sincerely believes, he said, that the ferry will run again next spring.\n\n"
                  "Cost estimates, Ruiz added, were based on the old route.\n",
                  (const char *const[]){"indirect [that the ferry will run again next spring] <- he (said) #1",
                                        "indirect [Cost estimates | were based on the old route] <- Ruiz (added) #2", NULL});
}

static void comparison_opening_the_sentence_is_no_subject(void **state)
{
    (void)state;
    expect_quotes("Like Mr. Hale, she has fought the ferry cuts for years, saying the port must stay open.\n",
                  (const char *const[]){"indirect [the port must stay open] <- she (saying) #1", NULL});
}

static void infinitive_cue_in_an_opening_participle_phrase(void **state)
{
    (void)state;
    expect_quotes("Using a crude word to describe the ferry board, he said the port was badly run.\n",
                  (const char *const[]){"indirect [the ferry board] <- he (describe) #1",
                                        "indirect [the port was badly run] <- he (said) #1", NULL});
}

static void day_and_place_opening_the_sentence_is_no_subject(void **state)
{
    (void)state;
    expect_quotes("Wednesday at the harbour debate, the mayor said Tom Hale was wrong, saying the ferry ran fine.\n",
                  (const char *const[]){"indirect [Tom Hale was wrong] <- the mayor (said) #1 anonymous",
                                        "indirect [the ferry ran fine] <- the mayor (saying) #1 anonymous", NULL});
}

static void whose_and_its_noun_or_who_before_an_aside(void **state)
{
    (void)state;
    /* "whose political arm" speaks for its verb; a day inside the aside after "who," is no speaker. */
    expect_quotes("Tom Hale met the dockers league, whose political arm has endorsed Ana Ruiz.\n\n"
                  "Her tone was milder than that of the union leadership, who, on a call Friday, criticized the ferry fees.\n",
                  (const char *const[]){"indirect [Ana Ruiz] <- whose political arm (endorsed) #1 anonymous",
                                        "indirect [the ferry fees] <- who (criticized) #1 anonymous", NULL});
}

static void past_verb_after_a_name_ends_the_speaker(void **state)
{
    (void)state;
    /* A verb the lexicon does not know ("began", "spoke") is not part of the name before it; plain
     * descriptors between a title word and a name are ("Republican harbour commissioner Tom Hale"). */
    expect_quotes("Ms. Lund began talking about the levy on Tuesday, saying it was unfair.\n\n"
                  "The union spoke about the plan, saying it would cost jobs.\n\n"
                  "“The ferry will stay,” said Republican harbour commissioner Tom Hale.\n\n"
                  "A retired pilot said the runway was too short.\n",
                  (const char *const[]){"indirect [the levy] <- Ms. Lund (talking about) #1",
                                        "indirect [it was unfair] <- Ms. Lund (saying) #1",
                                        "indirect [the plan] <- The union (spoke about) #2",
                                        "indirect [it would cost jobs] <- The union (saying) #2",
                                        "direct [“The ferry will stay,”] <- Republican harbour commissioner Tom Hale (said) #3",
                                        "indirect [the runway was too short] <- A retired pilot (said) #4 anonymous",
                                        NULL});
}

static void past_verb_right_before_an_ing_cue_is_skipped(void **state)
{
    (void)state;
    /* "kept saying": the subject is before the past verb, even a pronoun; a verb with an object
     * between it and the cue is no such pair ("entered the year predicting"). */
    expect_quotes("After the vote she kept saying the ferry would stay.\n\n"
                  "The harbour board, which entered the year predicting a surplus, cut fees.\n",
                  (const char *const[]){"indirect [the ferry would stay] <- she (saying) #1",
                                        "indirect [a surplus] <- The harbour board (predicting) #2", NULL});
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pronoun_after_a_reporting_verb_is_part_of_the_quote),
        cmocka_unit_test(source_cited_with_according_to_is_the_speaker),
        cmocka_unit_test(expletive_it_names_no_speaker),
        cmocka_unit_test(participle_takes_the_subject_of_the_main_clause),
        cmocka_unit_test(time_phrase_before_the_verb_is_no_speaker),
        cmocka_unit_test(participle_after_the_object_is_the_subjects),
        cmocka_unit_test(reported_participle_after_an_object_or_a_preposition),
        cmocka_unit_test(cue_in_an_opening_participle_phrase),
        cmocka_unit_test(participle_after_a_long_opening_clause),
        cmocka_unit_test(time_after_an_inverted_cue_is_no_object),
        cmocka_unit_test(quote_going_on_from_a_reported_clause),
        cmocka_unit_test(as_someone_put_it),
        cmocka_unit_test(name_before_an_age_and_a_place),
        cmocka_unit_test(inverted_attribution_with_a_time_after_it),
        cmocka_unit_test(reported_clause_cited_with_according_to),
        cmocka_unit_test(participle_after_an_inverted_attribution),
        cmocka_unit_test(coordinated_cue_after_a_long_opening_phrase),
        cmocka_unit_test(place_and_state_inside_an_aside),
        cmocka_unit_test(subordinate_aside_between_cue_and_quote),
        cmocka_unit_test(verb_of_a_coordinated_or_subordinate_clause),
        cmocka_unit_test(subject_with_a_plain_noun_or_after_an_opening_adverb),
        cmocka_unit_test(participle_after_a_place_and_state_or_a_dateline),
        cmocka_unit_test(subject_past_a_place_a_time_or_a_preposition),
        cmocka_unit_test(frequency_adverb_between_speaker_and_verb),
        cmocka_unit_test(topic_participle_after_an_object),
        cmocka_unit_test(noun_after_there_is),
        cmocka_unit_test(participle_after_an_inverted_cue_and_a_long_apposition),
        cmocka_unit_test(coordinated_cue_after_a_plain_noun_subject),
        cmocka_unit_test(name_line_under_an_open_pull_quote),
        cmocka_unit_test(coordinated_cue_after_an_opening_phrase_with_commas),
        cmocka_unit_test(in_someones_words),
        cmocka_unit_test(passive_cue_names_the_one_spoken_to),
        cmocka_unit_test(verb_with_a_possessive_object_reports_no_quote_before),
        cmocka_unit_test(quantifier_or_a_noun_that_is_also_a_cue_as_speaker),
        cmocka_unit_test(inverted_cue_before_a_colon_with_a_media_role),
        cmocka_unit_test(excerpt_line_or_according_to_a_plain_noun),
        cmocka_unit_test(possessor_and_its_noun_stop_at_the_verb),
        cmocka_unit_test(question_word_or_lone_quantifier_names_nobody),
        cmocka_unit_test(both_standing_alone_is_the_speaker),
        cmocka_unit_test(time_phrase_with_an_article_before_the_verb),
        cmocka_unit_test(state_reports_a_quotation_after_a_plain_noun),
        cmocka_unit_test(short_opening_clause_without_comma),
        cmocka_unit_test(adjective_before_a_noun_cue_is_no_speaker),
        cmocka_unit_test(long_opening_participle_phrase_is_no_subject),
        cmocka_unit_test(relative_pronoun_speaks_for_its_clause),
        cmocka_unit_test(participle_aside_after_but_and_a_name),
        cmocka_unit_test(time_aside_after_a_relative_clause),
        cmocka_unit_test(cue_before_a_parenthetical_attribution),
        cmocka_unit_test(comparison_opening_the_sentence_is_no_subject),
        cmocka_unit_test(infinitive_cue_in_an_opening_participle_phrase),
        cmocka_unit_test(day_and_place_opening_the_sentence_is_no_subject),
        cmocka_unit_test(whose_and_its_noun_or_who_before_an_aside),
        cmocka_unit_test(past_verb_after_a_name_ends_the_speaker),
        cmocka_unit_test(past_verb_right_before_an_ing_cue_is_skipped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
