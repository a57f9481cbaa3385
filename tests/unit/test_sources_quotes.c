/* Sourcing audit, direct quotes: every quotation style, quotes over several paragraphs, quotes
 * broken by their attribution, colon-introduced, nested and partial quotes; titles, nicknames and
 * scare quotes are not quotes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sources_test_util.h"

static void curly_quote_with_speaker_after(void **state)
{
    (void)state;
    expect_quotes("“We will rebuild the bridge by spring,” said Anna Petrova, the mayor.\n",
                  (const char *const[]){
                      "direct [“We will rebuild the bridge by spring,”] <- Anna Petrova, the mayor (said) #1", NULL});
}

static void every_quotation_style(void **state)
{
    (void)state;
    expect_quotes("\"The port stays open,\" the harbour master said.\n\n"
                  "‘The port stays open,’ the harbour master said.\n\n"
                  "«The port stays open», said an aide.\n\n"
                  "„The port stays open“, an official said.\n\n"
                  "‹The port stays open,› the pilot said.\n\n"
                  "「The port stays open,」 the captain said.\n",
                  (const char *const[]){
                      "direct [\"The port stays open,\"] <- the harbour master (said) #1 anonymous",
                      "direct [‘The port stays open,’] <- the harbour master (said) #1 anonymous",
                      "direct [«The port stays open»] <- an aide (said) #2 anonymous",
                      "direct [„The port stays open“] <- an official (said) #3 anonymous",
                      "direct [‹The port stays open,›] <- the pilot (said) #4 anonymous",
                      "direct [「The port stays open,」] <- the captain (said) #5 anonymous", NULL});
}

static void quote_over_several_paragraphs(void **state)
{
    (void)state;
    /* The newswire convention: the opening mark repeated, no closing mark until the end. */
    expect_quotes("“The budget is the first in ten years to balance.\n\n"
                  "“It pays for the schools and the roads,” the treasurer said.\n",
                  (const char *const[]){
                      "direct [“The budget is the first in ten years to balance. | “It pays for the schools and "
                      "the roads,”] <- the treasurer (said) #1 anonymous",
                      NULL});
}

static void quote_broken_by_attribution(void **state)
{
    (void)state;
    expect_quotes("“We tried,” she said, “but the vote was lost.” Then she left.\n",
                  (const char *const[]){
                      "direct [“We tried,” | “but the vote was lost.”] <- she (said) #1", NULL});
    expect_quotes("“We tried,” Maria Lopez said. “The vote was lost. We go on.”\n",
                  (const char *const[]){
                      "direct [“We tried,” | “The vote was lost. We go on.”] <- Maria Lopez (said) #1", NULL});
}

static void quote_introduced_by_colon(void **state)
{
    (void)state;
    expect_quotes("The minister told reporters: “Nothing has been decided yet.”\n\n"
                  "Another official shared his view: “It is too early to say.”\n",
                  (const char *const[]){
                      "direct [“Nothing has been decided yet.”] <- The minister (told) #1 anonymous",
                      "direct [“It is too early to say.”] <- Another official (shared his view) #2 anonymous", NULL});
}

static void nested_quote_stays_inside(void **state)
{
    (void)state;
    expect_quotes("“He told me ‘never again’ and walked out,” Ivan Sokolov said.\n",
                  (const char *const[]){
                      "direct [“He told me ‘never again’ and walked out,”] <- Ivan Sokolov (said) #1", NULL});
}

static void called_x_quote_is_mixed(void **state)
{
    (void)state;
    expect_quotes("The senator called the plan “a reckless gamble with our savings” on Tuesday.\n",
                  (const char *const[]){
                      "mixed [the plan “a reckless gamble with our savings”] <- The senator (called) #1 anonymous",
                      NULL});
    /* nine-tenths quotation: the speaker's words, as PolNeAR counts a direct quote */
    expect_quotes("The senator called it “a reckless gamble with our savings” on Tuesday.\n",
                  (const char *const[]){
                      "direct [it “a reckless gamble with our savings”] <- The senator (called) #1 anonymous",
                      NULL});
    expect_quotes("The mayor said that the harbour “will be dredged before the winter storms come.”\n",
                  (const char *const[]){
                      "mixed [that the harbour “will be dredged before the winter storms come.”] <- The mayor (said) #1 anonymous",
                      NULL});
}

static void paragraph_quote_goes_on_with_the_last_speaker(void **state)
{
    (void)state;
    /* a sentence of the writer's after the quote, then a paragraph that is only a quotation */
    expect_quotes("The families worried.\n\n“We have been sitting very quietly,” Anna Petrova said. When they went "
                  "out, the children came up to her.\n\n“They would say, we will be thrown out of this town.”\n",
                  (const char *const[]){"direct [“We have been sitting very quietly,”] <- Anna Petrova (said) #1",
                                        "direct [“They would say, we will be thrown out of this town.”] <- Anna "
                                        "Petrova #1",
                                        NULL});
}

static void titles_nicknames_and_scare_quotes_are_not_quotes(void **state)
{
    (void)state;
    /* a link after the closing mark: an excerpt a newsletter passes on */
    expect_quotes("HARBOUR BEAT—\"The show is leaving,\" by the Tribune's Ann Lee: \"The star of the musical is leaving "
                  "next month for a role in a new film.\" http://example.com/1RHi.\n",
                  (const char *const[]){NULL});
    /* a year in parentheses dates a slogan or a work */
    expect_quotes("The party ran posters.\n\n“Lose safety? Lose work? No to open borders” (2005) — “Free pass for all? "
                  "No.” (2007).\n\n“We will win the vote,” she said (2009).\n",
                  (const char *const[]){"direct [“We will win the vote,”] <- she (said) #1", NULL});
    expect_quotes("She starred in “Saturday Night Live” for years. The so-called “peace plan” failed. "
                  "His car, known as “the Beast,” waited outside. The “reform” changed nothing.\n",
                  (const char *const[]){NULL});
    /* markup cut by a line break: the text after the attribute's closing mark is not a quote */
    expect_quotes("The mayor posted at noon.\n\n<tweet author=\"@harbour\" date=\"May 9\n\">The ferry is late again "
                  "today, and nobody knows why.</tweet>\n",
                  (const char *const[]){NULL});
    expect_quotes("She starred in the hit play, “Harbour Lights.” The party kept its old slogan, “Stronger Together.”\n",
                  (const char *const[]){NULL});
}

static void unattributed_quote_is_kept_without_speaker(void **state)
{
    (void)state;
    expect_quotes("The crowd waited.\n\n“Nobody knows what happens next.”\n",
                  (const char *const[]){"direct [“Nobody knows what happens next.”]", NULL});
    /* but one or two words alone are a slogan or a sign */
    expect_quotes("The crowd waited.\n\n“Ferries now!”\n", (const char *const[]){NULL});
}

static void speaker_with_a_long_apposition_after_the_quote(void **state)
{
    (void)state;
    expect_quotes("“The ferry will run all winter,” Ilse Brandt, the director of the harbour board of the "
                  "northern islands, said.\n\n“We sold out by noon,” beamed Tomas Ek.\n",
                  (const char *const[]){
                      "direct [“The ferry will run all winter,”] <- Ilse Brandt, the director of the harbour board of "
                      "the northern islands (said) #1",
                      "direct [“We sold out by noon,”] <- Tomas Ek (beamed) #2", NULL});
}

static void short_fragment_without_speaker_is_not_a_quote(void **state)
{
    (void)state;
    expect_quotes("The protest signs were blunt.\n\n“Not again, not here”\n\n"
                  "The marchers left at noon, “tired but proud”\n",
                  (const char *const[]){NULL});
}

static void speaker_cut_from_verb_by_paragraph_break(void **state)
{
    (void)state;
    expect_quotes("“We will keep advancing,” a Russian government official\n\nsaid. “Then we decide.”\n",
                  (const char *const[]){
                      "direct [“We will keep advancing,” | “Then we decide.”] <- a Russian government official "
                      "(said) #1 anonymous",
                      NULL});
}

static void common_noun_speaker_after_said(void **state)
{
    (void)state;
    expect_quotes("“We need more water for the whole village,” said the woman, who lives by the well.\n",
                  (const char *const[]){
                      "direct [“We need more water for the whole village,”] <- the woman (said) #1 anonymous", NULL});
}

static void subject_of_a_coordinated_verb(void **state)
{
    (void)state;
    /* The subject of the clause the verb belongs to, after linking words. */
    expect_quotes("The debate turned sharp when he brought up the flood and later said, “It was not the river "
                  "that failed us.”\n\n"
                  "And then Anna Petrova went on the attack, saying, “Is the council going to resign over this?”\n",
                  (const char *const[]){
                      "direct [“It was not the river that failed us.”] <- he (said) #1",
                      "direct [“Is the council going to resign over this?”] <- Anna Petrova (saying) #2", NULL});
    expect_quotes("Ivan Sokolov went on to say, “The harbour will reopen in May, not before.”\n\n"
                  "A port official who spoke anonymously to discuss the plan said Monday, “The cranes are "
                  "already broken.”\n",
                  (const char *const[]){
                      "direct [“The harbour will reopen in May, not before.”] <- Ivan Sokolov (say) #1",
                      "direct [“The cranes are already broken.”] <- A port official (said) #2 anonymous", NULL});
    expect_quotes("Another source speaking to the harbour radio said, “The cranes were sold last week.”\n",
                  (const char *const[]){
                      "direct [“The cranes were sold last week.”] <- Another source (said) #1 anonymous", NULL});
    /* A subordinate clause closed by a comma opens the sentence; its subject is not the verb's. */
    expect_quotes("Pressed on whether she would run again, Marta Ruiz laughed and said, “Ask me in spring.”\n",
                  (const char *const[]){"direct [“Ask me in spring.”] <- Marta Ruiz (said) #1", NULL});
    expect_quotes("Pressed about the fare rise she had proposed, Marta Ruiz smiled and said, “It pays for the ferry.”\n",
                  (const char *const[]){"direct [“It pays for the ferry.”] <- Marta Ruiz (said) #1", NULL});
}

static void attribution_after_a_period_inside_the_quote(void **state)
{
    (void)state;
    /* A sloppy period for a comma: the short attribution after it still names the speaker, but a
     * new sentence about the quote does not. */
    expect_quotes("“I hope you are able to find the missing letters.” Ivan Sokolov said.\n\n"
                  "The mayor spoke next. “We will not sell the harbour to anyone.” Critics cited it as a broken "
                  "promise.\n",
                  (const char *const[]){
                      "direct [“I hope you are able to find the missing letters.”] <- Ivan Sokolov (said) #1",
                      "direct [“We will not sell the harbour to anyone.”] <- The mayor #2 anonymous",
                      "indirect [it as a broken promise] <- Critics (cited) #3 anonymous", NULL});
    /* After "!" or "?" too: a verb with a that-clause of its own reports that clause. */
    expect_quotes("Ivan Sokolov waved a banner that read “Open the pool!” His sister worried that the pool would "
                  "stay shut.\n",
                  (const char *const[]){
                      "direct [“Open the pool!”] <- Ivan Sokolov (read) #1",
                      "indirect [that the pool would stay shut] <- His sister (worried) #2 anonymous", NULL});
}

static void signature_line_under_a_quote(void **state)
{
    (void)state;
    expect_quotes("The claim needs context.\n\n“Our harbour handles more ships than any port in the north.”\n\n"
                  "- Anna Petrova.\n\nThe figures say otherwise.\n",
                  (const char *const[]){
                      "direct [“Our harbour handles more ships than any port in the north.”] <- Anna Petrova (-) #1",
                      NULL});
}

static void quotation_inside_a_later_reported_clause(void **state)
{
    (void)state;
    /* The second quotation continues the writer's sentence: it belongs to the reported clause
     * (direct: nearly all of it is quotation), not to the first quote. */
    expect_quotes("The mood was grim.\n\n“People are angry,” said Anna Petrova, who says the council “needs to be "
                  "more open with the whole community about the harbour and the money it spends on the new piers at the quay.”\n",
                  (const char *const[]){
                      "direct [“People are angry,”] <- Anna Petrova (said) #1",
                      "direct [the council “needs to be more open with the whole community about the harbour and the "
                      "money it spends on the new piers at the quay.”] <- who (says) #1",
                      NULL});
}

static void subject_after_an_opening_phrase(void **state)
{
    (void)state;
    expect_quotes("Hours later, Anna Petrova returned the compliment, telling reporters, “He is an amazing man and a "
                  "good friend.”\n\nThe minister, Ivan Sokolov, was blunter: “The harbour deal is dead and buried.”\n",
                  (const char *const[]){
                      "direct [“He is an amazing man and a good friend.”] <- Anna Petrova (telling) #1",
                      "direct [“The harbour deal is dead and buried.”] <- Ivan Sokolov (was blunter) #2", NULL});
    expect_quotes("On Thursday, after a long silence, Anna Petrova endorsed the plan, saying, “It is the best we "
                  "can do this year.”\n",
                  (const char *const[]){
                      "indirect [the plan] <- Anna Petrova (endorsed) #1",
                      "direct [“It is the best we can do this year.”] <- Anna Petrova (saying) #1", NULL});
    expect_quotes("HARBOUR TALKS STALL AGAIN AS THE COUNCIL WAITS - Anna Petrova: “Nobody expected a deal this week.”\n",
                  (const char *const[]){"direct [“Nobody expected a deal this week.”] <- Anna Petrova (:) #1", NULL});
    expect_quotes("Speaking at the harbour on Monday morning, Anna Petrova was blunt: “The cranes stay.”\n",
                  (const char *const[]){"direct [“The cranes stay.”] <- Anna Petrova (was blunt) #1", NULL});
    /* a state abbreviation after the place belongs to the opening phrase */
    expect_quotes("At a diner in Salem, Ore., Anna Petrova reached for the microphone and said, “The cranes stay.”\n",
                  (const char *const[]){"direct [“The cranes stay.”] <- Anna Petrova (said) #1", NULL});
    /* the subject before a few quoted words of the writer's sentence */
    expect_quotes("Ivan Sokolov needled the council “experts,” saying, “Nobody there has ever seen a crane.”\n",
                  (const char *const[]){
                      "direct [“Nobody there has ever seen a crane.”] <- Ivan Sokolov (saying) #1", NULL});
}

static void attribution_just_before_the_quote(void **state)
{
    (void)state;
    /* An aside between the verb and the quote, an inverted verb before it, a sentence that is only
     * the speaker and the verb; not any sentence that happens to end in a reporting word. */
    expect_quotes("The plan has critics.\n\nAnna Petrova acknowledged, however, “Past results are no guide to the "
                  "next winter.”\n\nIvan Sokolov, who ran the port, praised the mayor. But, said Sokolov, “I cannot "
                  "fight the council on this.”\n\nThe harbour board met on Monday. Its chairman, Tomas Ek, agreed. "
                  "“We have to sell the old cranes this year.”\n\nThe ferry was late, he said, and he had trailed the "
                  "others by 50 points. “Nobody knows why the ferry is late.”\n",
                  (const char *const[]){
                      "direct [“Past results are no guide to the next winter.”] <- Anna Petrova (acknowledged) #1",
                      "indirect [the mayor] <- Ivan Sokolov, who ran the port (praised) #2",
                      "direct [“I cannot fight the council on this.”] <- Sokolov (said) #2",
                      "direct [“We have to sell the old cranes this year.”] <- Its chairman, Tomas Ek (agreed) #3",
                      "indirect [The ferry was late] <- he (said) #3",
                      "direct [“Nobody knows why the ferry is late.”] <- he #3", NULL});
}

static void plural_possessive_inside_the_speaker(void **state)
{
    (void)state;
    expect_quotes("“We raised more than we hoped,” Ivan Sokolov, the Greens’ campaign manager, said in a statement. "
                  "“The volunteers did it.”\n",
                  (const char *const[]){
                      "direct [“We raised more than we hoped,” | “The volunteers did it.”] <- Ivan Sokolov, the "
                      "Greens’ campaign manager (said) #1",
                      NULL});
}

static void attribution_with_a_verb_outside_the_lexicon(void **state)
{
    (void)state;
    expect_quotes("“The council is claiming today that the harbour is safe,” Anna Petrova pressed.\n\n"
                  "“We have seen the reports, and they are old,” she shot back.\n\nThe crowd cheered.\n\n"
                  "“It was a good year for the harbour,” Ivan Sokolov walked to the podium.\n\nThe crowd cheered.\n\n"
                  "“They are all here for the free food,” Tomas Ek shot back with a laugh.\n",
                  (const char *const[]){
                      "direct [“The council is claiming today that the harbour is safe,”] <- Anna Petrova (pressed) #1",
                      "direct [“We have seen the reports, and they are old,”] <- she (shot back) #1",
                      "direct [“It was a good year for the harbour,”]",
                      "direct [“They are all here for the free food,”] <- Tomas Ek (shot back) #2", NULL});
    /* before the quote: a name or pronoun and the verb, nothing else */
    expect_quotes("Anna Petrova shot back, “I could have stayed home, but I chose to fight for the harbour.”\n\n"
                  "The report came out before a 2014 Senate harbour hearing, “The cranes were never inspected at all.”\n",
                  (const char *const[]){
                      "direct [“I could have stayed home, but I chose to fight for the harbour.”] <- Anna Petrova "
                      "(shot back) #1",
                      "direct [“The cranes were never inspected at all.”]", NULL});
    expect_quotes("The talks failed again.\n\nAs The Harbour Times put it, “Nobody in this town believes the council any "
                  "more.”\n",
                  (const char *const[]){
                      "direct [“Nobody in this town believes the council any more.”] <- The Harbour Times (put) #1",
                      NULL});
}

static void lowercase_quotation_after_the_verb_is_mixed(void **state)
{
    (void)state;
    expect_quotes("The mayor said “it makes me angry” every time the ferry is late.\n\n"
                  "The mayor said: “It makes me angry every time the ferry is late.”\n",
                  (const char *const[]){
                      "mixed [“it makes me angry” every time the ferry is late] <- The mayor (said) #1 anonymous",
                      "direct [“It makes me angry every time the ferry is late.”] <- The mayor (said) #1 anonymous",
                      NULL});
}

static void short_fragment_outside_the_reported_clause_is_a_scare_quote(void **state)
{
    (void)state;
    /* The sentence has a speaker, but the quoted words are not in what she said: a few words are
     * a scare quote, a longer stretch is still her partial quote. */
    expect_quotes("After the “law and order” campaign, Anna Petrova said the vote was close.\n\n"
                  "After the “campaign that nobody in the town wanted” ended, Anna Petrova said the vote was close.\n",
                  (const char *const[]){
                      "indirect [the vote was close] <- Anna Petrova (said) #1",
                      "partial [“campaign that nobody in the town wanted”] <- Anna Petrova (said) #1",
                      "indirect [the vote was close] <- Anna Petrova (said) #1", NULL});
}

static void quote_after_a_speaking_sentence_in_the_paragraph(void **state)
{
    (void)state;
    expect_quotes("Anna Petrova tweeted a warning on Monday morning. “Remember in May who voted to close the "
                  "harbour.”\n",
                  (const char *const[]){
                      "indirect [a warning on Monday morning] <- Anna Petrova (tweeted) #1",
                      "direct [“Remember in May who voted to close the harbour.”] <- Anna Petrova #1", NULL});
}

static void quotation_inside_the_writers_words_after_an_attribution(void **state)
{
    (void)state;
    /* After "she said", a quotation that goes on from the writer's own words is not more of her
     * quote; one joined by a comma or "and" is. */
    expect_quotes("“Savage and proud,” she said, meaning that he is “radical enough and does not care at all.”\n\n"
                  "“We tried,” she said, and “we will try again next year.”\n",
                  (const char *const[]){
                      "direct [“Savage and proud,”] <- she (said) #1",
                      "direct [“We tried,” | “we will try again next year.”] <- she (said) #1", NULL});
}

static void waiting_quote_is_not_joined_across_the_writers_sentence(void **state)
{
    (void)state;
    expect_quotes("The hearing began late.\n\n“Is the harbour open?” The mayor looked at me and waited. “Yes,” I said, "
                  "“it is open again.”\n\n“We are ready for the winter season.” Anna Petrova said. “The cranes are "
                  "fixed.”\n",
                  (const char *const[]){
                      "direct [“Is the harbour open?”]",
                      "direct [“Yes,” | “it is open again.”] <- I (said) #1",
                      "direct [“We are ready for the winter season.” | “The cranes are fixed.”] <- Anna Petrova (said) #2",
                      NULL});
}

static void reporting_verb_inside_a_relative_clause_is_passed_over(void **state)
{
    (void)state;
    expect_quotes("“The harbour needs a new crane before the winter,” Anna Petrova, who has not endorsed anyone, "
                  "told reporters.\n",
                  (const char *const[]){
                      "direct [“The harbour needs a new crane before the winter,”] <- Anna Petrova, who has not "
                      "endorsed anyone (told) #1",
                      NULL});
}

static void determiner_alone_as_speaker(void **state)
{
    (void)state;
    expect_quotes("Readers wrote in all week.\n\nAnother tweeted, “The harbour deserves better than this council.”\n\n"
                  "“Nobody asked the fishermen about the cranes,” wrote one.\n",
                  (const char *const[]){
                      "direct [“The harbour deserves better than this council.”] <- Another (tweeted) #1 anonymous",
                      "direct [“Nobody asked the fishermen about the cranes,”] <- one (wrote) #2 anonymous", NULL});
}

static void speaker_with_apposition_after_a_question(void **state)
{
    (void)state;
    expect_quotes("The fee was high.\n\n\"Perpetual motion for the whole week!\" Rep. Glenn Thompson, R-Pa., said of "
                  "the parties.\n\n\"How are you today?\" Miller, a retired worker from the harbour, said into the "
                  "phone.\n\nThe letter was long.\n\n“You seem to have picked a new standard out of thin air,” the two "
                  "write.\n",
                  (const char *const[]){
                      "direct [\"Perpetual motion for the whole week!\"] <- Rep. Glenn Thompson, R-Pa. (said) #1",
                      "direct [\"How are you today?\"] <- Miller, a retired worker from the harbour (said) #2",
                      "direct [“You seem to have picked a new standard out of thin air,”] <- the two (write) #3 anonymous",
                      NULL});
}

static void lowercase_quotation_continuing_a_that_clause_is_mixed(void **state)
{
    (void)state;
    expect_quotes("The mayor said that if the council sells the harbour, “our town is going to lose its heart.”\n\n"
                  "The mayor said, “our town is going to lose its heart.”\n",
                  (const char *const[]){
                      "mixed [that if the council sells the harbour, “our town is going to lose its heart.”] <- The mayor "
                      "(said) #1 anonymous",
                      "direct [“our town is going to lose its heart.”] <- The mayor (said) #1 anonymous", NULL});
    /* also after a reported clause without "that", but not after "said," alone */
    expect_quotes("Anna Petrova said the closure was not the fault of the union, “not by a long shot.”\n",
                  (const char *const[]){
                      "mixed [the closure was not the fault of the union, “not by a long shot.”] <- Anna Petrova "
                      "(said) #1", NULL});
    /* a lowercase quotation that the writer's words lead into after the reported clause finishes it */
    expect_quotes("Ivan Sokolov said the ferry fares were fair, but “nobody wants to pay them in winter.”\n",
                  (const char *const[]){
                      "mixed [the ferry fares were fair, but “nobody wants to pay them in winter.”] <- Ivan Sokolov "
                      "(said) #1", NULL});
    expect_quotes("Anna Petrova argued that the port needs cranes, and that 2030 “is the year it runs out of room.”\n",
                  (const char *const[]){
                      "mixed [that the port needs cranes, and that 2030 “is the year it runs out of room.”] <- Anna "
                      "Petrova (argued) #1", NULL});
}

static void quote_after_an_action_beat(void **state)
{
    (void)state;
    /* The person the sentence before is about speaks; not after a question of the writer's. */
    expect_quotes("The hearing went on.\n\nThe judge turned to me. “Mr. Sokolov, why are you here today?”\n\n"
                  "Why was he out in the heat? “My mom says I have to save up for college.”\n",
                  (const char *const[]){
                      "direct [“Mr. Sokolov, why are you here today?”] <- The judge #1 anonymous",
                      "direct [“My mom says I have to save up for college.”]", NULL});
}

static void newsroom_double_apostrophes(void **state)
{
    (void)state;
    expect_quotes("''We are not done yet,'' Mr. King said.\n",
                  (const char *const[]){"direct [''We are not done yet,''] <- Mr. King (said) #1", NULL});
}

static void offsets_count_code_points(void **state)
{
    (void)state;
    onr_sources *s = analyze("Café owner: «Ça suffit», said Zoë Brandt.");
    assert_int_equal(onr_sources_quote_count(s), 1);
    const onr_quote *q = onr_sources_quote(s, 0);
    /* "Café owner: " is 12 code points and 13 bytes; «Ça suffit» is 11 code points, 14 bytes. */
    assert_int_equal(q->kind, ONR_QUOTE_DIRECT);
    assert_int_equal(q->span.start, 12);
    assert_int_equal(q->span.end, 23);
    assert_int_equal(q->span.byte_start, 13);
    assert_int_equal(q->span.byte_end, 27);
    assert_int_equal(q->speaker.start, 30);
    assert_int_equal(q->speaker.end, 40);
    assert_int_equal(q->speaker.byte_start, 34);
    assert_int_equal(q->speaker.byte_end, 45);
    onr_sources_free(s);
}

static void speaker_with_a_lowercase_title_and_a_party(void **state)
{
    (void)state;
    expect_quotes("“The bill ties our hands,” state Sen. Ana Ruiz (D) said on Monday. “We know better.”\n",
                  (const char *const[]){
                      "direct [“The bill ties our hands,” | “We know better.”] <- state Sen. Ana Ruiz (D) (said) #1", NULL});
}

static void cue_before_an_aside(void **state)
{
    (void)state;
    /* The cue is found past a prepositional aside or a "before"/"after" phrase before the quote. */
    expect_quotes("Sen. Tom Hale, R-Ohio, said in a column before a 2014 harbour hearing, “The council failed to "
                  "dredge.”\n\n"
                  "Recently Ana Ruiz announced on her blog, in capital letters, “I'm boarding the tram!”\n",
                  (const char *const[]){
                      "direct [“The council failed to dredge.”] <- Sen. Tom Hale, R-Ohio (said) #1",
                      "direct [“I'm boarding the tram!”] <- Ana Ruiz (announced) #2", NULL});
}

static void participle_after_an_inverted_attribution(void **state)
{
    (void)state;
    expect_quotes("“The port is fine,” said Tom Hale at the time, adding that “we have run ferries from this quay for a "
                  "long time.”\n",
                  (const char *const[]){
                      "direct [“The port is fine,”] <- Tom Hale (said) #1",
                      "direct [“we have run ferries from this quay for a long time.”] <- Tom Hale (adding) #1", NULL});
}

static void continued_paragraph_ending_in_its_attribution(void **state)
{
    (void)state;
    expect_quotes("“We need calm hands,” Ana Ruiz told the council. “Not a mayor who says one thing on Monday and "
                  "another on Tuesday.\n\n“The harbour is not for sale!” she said.\n",
                  (const char *const[]){
                      "direct [“We need calm hands,” | “Not a mayor who says one thing on Monday and another on Tuesday. | "
                      "“The harbour is not for sale!”] <- Ana Ruiz (told) #1", NULL});
}

static void relative_clause_after_a_quote_is_no_attribution(void **state)
{
    (void)state;
    expect_quotes("“We are frustrated with the council,” said Tom Hale, a spokesman for the ferry union. “It has been "
                  "very slow with the permits,” which Hale thinks will cost jobs.\n",
                  (const char *const[]){
                      "direct [“We are frustrated with the council,” | “It has been very slow with the permits,”] <- "
                      "Tom Hale, a spokesman for the ferry union (said) #1",
                      "indirect [will cost jobs] <- Hale (thinks) #1", NULL});
}

static void quoted_name_after_a_naming_verb_is_no_speech(void **state)
{
    (void)state;
    expect_quotes("The firm is proud of a culture called “The Harbour Way.”\n", (const char *const[]){NULL});
}

static void clause_led_by_a_quotation_ends_with_it(void **state)
{
    (void)state;
    expect_quotes("The mayor cautioned “let us not get ahead of ourselves,” before predicting a quick deal.\n\n"
                  "At a town hall, Ana Ruiz said she was “going to close the old port,” while explaining her plan.\n",
                  (const char *const[]){
                      "direct [“let us not get ahead of ourselves,”] <- The mayor (cautioned) #1 anonymous",
                      "indirect [a quick deal] <- The mayor (predicting) #1 anonymous",
                      "mixed [she was “going to close the old port,”] <- Ana Ruiz (said) #2",
                      "indirect [her plan] <- Ana Ruiz (explaining) #2", NULL});
    /* ", and that …" after it is a second clause of what was said */
    expect_quotes("The mayor said “the pier is far too old,” and that it would close in May.\n",
                  (const char *const[]){
                      "mixed [“the pier is far too old,” and that it would close in May] <- The mayor (said) #1 anonymous", NULL});
}

static void introduced_sentence_is_the_introducers(void **state)
{
    (void)state;
    /* A finished sentence after "told …, " or ":" is the introducer's; the clause after it or a
     * verb with its own object is no attribution, a participle after the quote ("…,” referencing
     * …") reports its own topic. */
    expect_quotes("Its chairman, Ivan Sokolov, told the agency simply, “We lost.” Anna Petrova said nothing.\n\n"
                  "Ana Ruiz fired back: “If they sue us in Leeds, they will lose,” referencing the many ferry workers "
                  "there.\n\n"
                  "Ana Ruiz famously responded: “What difference does it make?” Her critics cited it for years.\n",
                  (const char *const[]){
                      "direct [“We lost.”] <- Its chairman, Ivan Sokolov (told) #1",
                      "direct [“If they sue us in Leeds, they will lose,”] <- Ana Ruiz (fired back) #2",
                      "indirect [the many ferry workers there] <- Ana Ruiz (referencing) #2",
                      "direct [“What difference does it make?”] <- Ana Ruiz (responded) #2",
                      "indirect [it for years] <- Her critics (cited) #3 anonymous", NULL});
}

static void participle_after_a_verb_and_its_object(void **state)
{
    (void)state;
    expect_quotes("The senator rallied supporters saying: “The struggle continues.”\n",
                  (const char *const[]){"direct [“The struggle continues.”] <- The senator (saying) #1 anonymous", NULL});
}

static void paragraph_quote_takes_the_last_speaker_before_it(void **state)
{
    (void)state;
    onr_sources *s = analyze("Her friends have mocked the tram plan, calling it “a folly,” Ana Ruiz said as she left.\n\n"
                             "“But it is our folly, and we love it!”\n");
    size_t n = onr_sources_quote_count(s);
    assert_true(n > 0);
    assert_string_equal(describe_quote(s, n - 1), "direct [“But it is our folly, and we love it!”] <- Ana Ruiz #2");
    onr_sources_free(s);
}

static void speaker_described_by_a_relative_clause(void **state)
{
    (void)state;
    expect_quotes("“The tide is turning,” Nate Hale, the polling expert who founded the site tweeted on Wednesday.\n\n"
                  "“We will see,” the mayor, who had been silent for weeks, finally admitted.\n",
                  (const char *const[]){
                      "direct [“The tide is turning,”] <- the polling expert (tweeted) #1 anonymous",
                      "direct [“We will see,”] <- the mayor, who had been silent for weeks (admitted) #2 anonymous",
                      NULL});
}

static void writers_sentence_after_the_attribution_ends_the_quote(void **state)
{
    (void)state;
    /* The quotation after the writer's own sentence is a new quote, still the speaker's. */
    expect_quotes("“We tried hard,” Maria Lopez said on the radio. The vote was held on Tuesday. "
                  "“We lost the vote but not the fight.”\n",
                  (const char *const[]){"direct [“We tried hard,”] <- Maria Lopez (said) #1",
                                        "direct [“We lost the vote but not the fight.”] <- Maria Lopez #1", NULL});
}

static void listener_pronoun_after_the_verb(void **state)
{
    (void)state;
    /* "told them" names who heard the quote; "cited it" would be a verb with an object of its own. */
    expect_quotes("“Bring your neighbours to the meeting,” the organiser told them. “We need every vote.”\n",
                  (const char *const[]){"direct [“Bring your neighbours to the meeting,” | “We need every vote.”] <- "
                                        "the organiser (told) #1 anonymous",
                                        NULL});
}

static void unattributed_quote_paragraphs_are_one_quote(void **state)
{
    (void)state;
    /* Paragraphs that are each a quotation, with nobody named: one speech, still without speaker. */
    expect_quotes("The mayor took no questions at the opening.\n\n"
                  "“We built this hall for everyone in the valley.”\n\n"
                  "“It will stay open every night of the year.”\n",
                  (const char *const[]){"direct [“We built this hall for everyone in the valley.” | "
                                        "“It will stay open every night of the year.”]",
                                        NULL});
}

static void name_of_a_work_after_its_kind_is_no_quote(void **state)
{
    (void)state;
    expect_quotes("“We open in May,” said Lena Holt, the star of the cooking series “Kitchen Wars,” who lives nearby.\n\n"
                  "The film, “Nine Days in the Harbour,” is based on her novel “Salt and Rope.”\n",
                  (const char *const[]){"direct [“We open in May,”] <- Lena Holt (said) #1", NULL});
}

static void participle_after_the_object_of_a_preposition(void **state)
{
    (void)state;
    /* The participle's subject is the clause's, not the noun after "on" or "to"; "with X yelling"
     * is X's. */
    expect_quotes("Mayor Ines Ortega posted a message on Facebook reading “Thank you, Riverside.”\n\n"
                  "The crowd cheered, with Ortega shouting: “We did it together!”\n",
                  (const char *const[]){"direct [“Thank you, Riverside.”] <- Mayor Ines Ortega (reading) #1",
                                        "direct [“We did it together!”] <- Ortega (shouting) #1", NULL});
}

static void sentence_adverb_before_the_subject(void **state)
{
    (void)state;
    expect_quotes("Likewise, a report from the council had this to say about the plan: “Families would pay more.”\n",
                  (const char *const[]){"direct [“Families would pay more.”] <- a report (say) #1", NULL});
}

static void this_as_a_determiner_after_the_verb(void **state)
{
    (void)state;
    /* "wrote this week": "this" is the time's determiner, not an object of the verb. */
    expect_quotes("“Small shocks can shake the whole market,” analyst Tom Reed wrote this week.\n",
                  (const char *const[]){"direct [“Small shocks can shake the whole market,”] <- analyst Tom Reed (wrote) #1",
                                        NULL});
}

static void short_quotation_inside_the_speakers_apposition(void **state)
{
    (void)state;
    expect_quotes("“We have had better meetings,” delegate Bill Eastland, wearing a hat and “Vote Cruz” pins, said calmly.\n",
                  (const char *const[]){"direct [“We have had better meetings,”] <- delegate Bill Eastland (said) #1", NULL});
}

static void unlisted_verb_after_a_described_name(void **state)
{
    (void)state;
    expect_quotes("“The harbour will always be ours,” an angry Petrova bristled. “Nobody takes it from us.”\n",
                  (const char *const[]){"direct [“The harbour will always be ours,” | “Nobody takes it from us.”] <- "
                                        "an angry Petrova (bristled) #1",
                                        NULL});
}

static void vox_pop_signatures_end_each_quote(void **state)
{
    (void)state;
    /* Each paragraph a quotation signed after a quotation dash (U+2015) or an em dash: one quote per
     * paragraph, each with its signer, not one long speakerless quote. */
    expect_quotes("“We are tired of waiting for the council.” \u2015 Ana Ruiz\n\n"
                  "“The harbour needs a new wall before winter.” \u2014 Tom Hale\n\n"
                  "“Nobody listens to the fishermen.” \u2015 Mary Kerr\n",
                  (const char *const[]){"direct [“We are tired of waiting for the council.”] <- Ana Ruiz (\u2015) #1",
                                        "direct [“The harbour needs a new wall before winter.”] <- Tom Hale (\u2014) #2",
                                        "direct [“Nobody listens to the fishermen.”] <- Mary Kerr (\u2015) #3", NULL});
}

static void single_quoted_paragraph_is_a_heading(void **state)
{
    (void)state;
    expect_quotes("“We kept the mill open,” the owner said.\n\n'A town that works.'\n\nThe mill employs 300 people.\n",
                  (const char *const[]){"direct [“We kept the mill open,”] <- the owner (said) #1 anonymous", NULL});
}

static void pronoun_reported_by_the_verb_before_it(void **state)
{
    (void)state;
    /* "X said she wants “…”": the pronoun is X, and X's is the attribution the reader sees. */
    expect_quotes("Mayor Ines Ortega said on Monday she wants “a full and open review of every contract the city signed.”\n",
                  (const char *const[]){"direct [“a full and open review of every contract the city signed.”] <- "
                                        "Mayor Ines Ortega (said) #1",
                                        NULL});
}

static void colon_after_an_as_clause(void **state)
{
    (void)state;
    expect_quotes("As Professor Lind put it: “A harbour town never stops trading.”\n",
                  (const char *const[]){"direct [“A harbour town never stops trading.”] <- Professor Lind (put) #1", NULL});
}

static void elided_century_is_no_quotation_mark(void **state)
{
    (void)state;
    /* The apostrophe of "the late '70s" opens nothing: the quotation after it stays a quote. */
    expect_quotes("Reed, who has covered the port since the late '70s, doubted it would last: "
                  "\"Once the winter comes, it won't make it,\" Reed predicted.\n",
                  (const char *const[]){"indirect [it would last] <- Reed, who has covered the port since the late '70s "
                                        "(doubted) #1",
                                        "direct [\"Once the winter comes, it won't make it,\"] <- Reed (predicted) #1", NULL});
}

static void curly_apostrophe_after_a_word_opens_nothing(void **state)
{
    (void)state;
    /* A mistyped ‘ after a word ("NBC‘ show") and the ‘ of "in ‘08" or "‘bout" are apostrophes. */
    expect_quotes("On NBC‘ morning show in ‘08, how ‘bout that, she stated, “The harbour will stay open all winter.”\n",
                  (const char *const[]){"direct [“The harbour will stay open all winter.”] <- she (stated) #1", NULL});
}

static void chanted_words_are_quotes_however_short(void **state)
{
    (void)state;
    /* the chanters are the possessive or the active subject before "with"; the words after the
     * quotation ("the mayor smiled") are not theirs */
    expect_quotes("Her supporters responded with chants of “Four more years” until she left the stage.\n\n"
                  "But their chants of “Ana! Ana!” were cut short.\n\n"
                  "Walking into the hall to chants of “Ana! Ana!,” the mayor smiled.\n\n"
                  "Dockers gathered on Monday, chanting “no contract, no ships” after the talks failed.\n",
                  (const char *const[]){"direct [“Four more years”] <- Her supporters (chants) #1 anonymous",
                                        "direct [“Ana! Ana!”] <- their (chants) #1 anonymous",
                                        "direct [“Ana! Ana!,”]",
                                        "direct [“no contract, no ships”] <- Dockers (chanting) #2", NULL});
}

static void title_between_the_attribution_and_the_next_quote(void **state)
{
    (void)state;
    /* the show's name does not cut the clause of "adding": the second quote is Ruiz's own */
    expect_quotes("“We will win this port,” Ruiz said on WKRB’s “Harbour Hour,” adding, “Nobody can stop us "
                  "now.”\n",
                  (const char *const[]){"direct [“We will win this port,”] <- Ruiz (said) #1",
                                        "direct [“Nobody can stop us now.”] <- Ruiz (adding) #1", NULL});
}

static void participle_right_after_a_quote_starts_a_new_one(void **state)
{
    (void)state;
    /* "adding" after the first quotation is Ruiz's, so what it introduces is a quote of its own */
    expect_quotes("Ruiz said, “We will win this port,” adding, “Nobody can stop us now.”\n",
                  (const char *const[]){"direct [“We will win this port,”] <- Ruiz (said) #1",
                                        "direct [“Nobody can stop us now.”] <- Ruiz (adding) #1", NULL});
}

static void closing_mark_opening_a_paragraph_opens_the_quote(void **state)
{
    (void)state;
    expect_quotes("She spoke in December.\n\n"
                  "” … they are so unlike him,” she said. “My father would be appalled.”\n",
                  (const char *const[]){"direct [” … they are so unlike him,” | “My father would be appalled.”] <- she "
                                        "(said) #1",
                                        NULL});
}

static void excerpt_after_a_newsletter_headline(void **state)
{
    (void)state;
    /* the item's excerpt is cited by the headline in capitals before it */
    expect_quotes("HOW THE OLD PORT WAS SAVED “The town raised the money in a single winter, one bake sale at a "
                  "time.” [Tribune.]\n\n"
                  "WE ARE WATCHING THE ‘HARBOUR HOUR’ TRAILER AGAIN Enjoy it here.\n",
                  (const char *const[]){"direct [“The town raised the money in a single winter, one bake sale at a "
                                        "time.”] <- HOW THE OLD PORT WAS SAVED #1",
                                        NULL});
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(curly_quote_with_speaker_after),
        cmocka_unit_test(every_quotation_style),
        cmocka_unit_test(quote_over_several_paragraphs),
        cmocka_unit_test(quote_broken_by_attribution),
        cmocka_unit_test(quote_introduced_by_colon),
        cmocka_unit_test(nested_quote_stays_inside),
        cmocka_unit_test(called_x_quote_is_mixed),
        cmocka_unit_test(paragraph_quote_goes_on_with_the_last_speaker),
        cmocka_unit_test(titles_nicknames_and_scare_quotes_are_not_quotes),
        cmocka_unit_test(unattributed_quote_is_kept_without_speaker),
        cmocka_unit_test(speaker_with_a_long_apposition_after_the_quote),
        cmocka_unit_test(short_fragment_without_speaker_is_not_a_quote),
        cmocka_unit_test(speaker_cut_from_verb_by_paragraph_break),
        cmocka_unit_test(common_noun_speaker_after_said),
        cmocka_unit_test(subject_of_a_coordinated_verb),
        cmocka_unit_test(attribution_after_a_period_inside_the_quote),
        cmocka_unit_test(signature_line_under_a_quote),
        cmocka_unit_test(quotation_inside_a_later_reported_clause),
        cmocka_unit_test(subject_after_an_opening_phrase),
        cmocka_unit_test(attribution_just_before_the_quote),
        cmocka_unit_test(plural_possessive_inside_the_speaker),
        cmocka_unit_test(attribution_with_a_verb_outside_the_lexicon),
        cmocka_unit_test(lowercase_quotation_after_the_verb_is_mixed),
        cmocka_unit_test(short_fragment_outside_the_reported_clause_is_a_scare_quote),
        cmocka_unit_test(quote_after_a_speaking_sentence_in_the_paragraph),
        cmocka_unit_test(quotation_inside_the_writers_words_after_an_attribution),
        cmocka_unit_test(waiting_quote_is_not_joined_across_the_writers_sentence),
        cmocka_unit_test(reporting_verb_inside_a_relative_clause_is_passed_over),
        cmocka_unit_test(determiner_alone_as_speaker),
        cmocka_unit_test(speaker_with_apposition_after_a_question),
        cmocka_unit_test(lowercase_quotation_continuing_a_that_clause_is_mixed),
        cmocka_unit_test(quote_after_an_action_beat),
        cmocka_unit_test(newsroom_double_apostrophes),
        cmocka_unit_test(offsets_count_code_points),
        cmocka_unit_test(speaker_with_a_lowercase_title_and_a_party),
        cmocka_unit_test(cue_before_an_aside),
        cmocka_unit_test(participle_after_an_inverted_attribution),
        cmocka_unit_test(continued_paragraph_ending_in_its_attribution),
        cmocka_unit_test(relative_clause_after_a_quote_is_no_attribution),
        cmocka_unit_test(quoted_name_after_a_naming_verb_is_no_speech),
        cmocka_unit_test(clause_led_by_a_quotation_ends_with_it),
        cmocka_unit_test(introduced_sentence_is_the_introducers),
        cmocka_unit_test(participle_after_a_verb_and_its_object),
        cmocka_unit_test(paragraph_quote_takes_the_last_speaker_before_it),
        cmocka_unit_test(speaker_described_by_a_relative_clause),
        cmocka_unit_test(writers_sentence_after_the_attribution_ends_the_quote),
        cmocka_unit_test(listener_pronoun_after_the_verb),
        cmocka_unit_test(unattributed_quote_paragraphs_are_one_quote),
        cmocka_unit_test(vox_pop_signatures_end_each_quote),
        cmocka_unit_test(name_of_a_work_after_its_kind_is_no_quote),
        cmocka_unit_test(participle_after_the_object_of_a_preposition),
        cmocka_unit_test(sentence_adverb_before_the_subject),
        cmocka_unit_test(this_as_a_determiner_after_the_verb),
        cmocka_unit_test(short_quotation_inside_the_speakers_apposition),
        cmocka_unit_test(unlisted_verb_after_a_described_name),
        cmocka_unit_test(single_quoted_paragraph_is_a_heading),
        cmocka_unit_test(pronoun_reported_by_the_verb_before_it),
        cmocka_unit_test(colon_after_an_as_clause),
        cmocka_unit_test(elided_century_is_no_quotation_mark),
        cmocka_unit_test(curly_apostrophe_after_a_word_opens_nothing),
        cmocka_unit_test(chanted_words_are_quotes_however_short),
        cmocka_unit_test(title_between_the_attribution_and_the_next_quote),
        cmocka_unit_test(participle_right_after_a_quote_starts_a_new_one),
        cmocka_unit_test(closing_mark_opening_a_paragraph_opens_the_quote),
        cmocka_unit_test(excerpt_after_a_newsletter_headline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
