/* Attribution pass of the sourcing audit: which quotation regions are quotes, who says each
 * (the speaker mention and its cue), and reported speech ("X said that ...") with its clause. */
#include "sources/sources_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct span {
    long first, end; /* token range; first < 0 when absent */
} span;

static const span no_span = {-1, -1};

/* Is token `i` one of the words of the array `words` (compared as word_is does)? */
#define WORD_AMONG(doc, i, words) SRC_WORD_AMONG((doc), src_tok((doc), (i)), (words))

/* may_start_attribution passes over most words before attribute_cue; only the check build of
 * tools/check_sources_gate.sh tries every word, to show that the gate changes nothing. */
#ifdef ONR_SOURCES_UNGATED
#define GATE_ATTRIBUTION_STARTS false
#else
#define GATE_ATTRIBUTION_STARTS true
#endif

static bool is_wordlike(const src_token *t) { return t->type == TOK_WORD || t->type == TOK_NUMBER; }
/* Does a dollar sign before a number start an amount at `j` ("$1 trillion")? The caller checks
 * that a token follows. */
static bool currency_amount(const src_doc *doc, long j)
{
    return src_is_punct(src_tok(doc, (size_t)j), '$') && src_tok(doc, (size_t)j + 1)->type == TOK_NUMBER;
}
static bool is_cap(const src_token *t) { return t->type == TOK_WORD && (t->flags & TF_CAP); }

static bool is_cue(const src_token *t)
{
    return t->type == TOK_WORD && (t->lex & LEX_CUE) && !(t->flags & TF_CAP) && t->region < 0;
}

/* "according to" at token `k`, within [.., end). */
static bool according_to(const src_doc *doc, long k, long end)
{
    return k + 1 < end && (src_tok(doc, (size_t)k)->lex & LEX_ACCORDING) && src_tok(doc, (size_t)k)->type == TOK_WORD &&
           src_word_is(doc, (size_t)k + 1, "to");
}

static bool ends_in_ly(const src_doc *doc, const src_token *t) { return src_word_ends_in(doc, t, "ly", 3); }

static bool has_ing(const src_doc *doc, const src_token *t) { return src_word_ends_in(doc, t, "ing", 4); }

/* "voicing", "adding": a participle phrase, not the rest of a clause */
static bool ends_in_ing(const src_doc *doc, const src_token *t) { return !(t->flags & TF_CAP) && has_ing(doc, t); }

/* "not", "didn’t", "hasn't": a negation between a speaker and the verb. */
static bool is_negation(const src_doc *doc, const src_token *t)
{
    size_t n = t->end - t->start;
    const char *w = doc->text + t->start;
    return (n == 3 && onr_ascii_ieq(w, n, "not", 3)) || (n > 3 && w[n - 1] == 't' && w[n - 2] == '\'' && w[n - 3] == 'n') ||
           (n > 5 && w[n - 1] == 't' && !memcmp(w + n - 4, "\xe2\x80\x99", 3) && w[n - 5] == 'n');
}

static bool is_be(const src_doc *doc, long i)
{
    return src_listed(doc, (size_t)i, LEXL_BE);
}

/* A word that may sit between a speaker and its verb: "he also said", "Putin repeatedly said",
 * "a spokesman did not say". */
static bool is_adverb(const src_doc *doc, const src_token *t)
{
    return t->type == TOK_WORD && !(t->flags & TF_CAP) && ((t->lex & LEX_AUX) || ends_in_ly(doc, t) || is_negation(doc, t));
}

/* Can this word be inside a speaker's noun phrase? */
static bool np_word(const src_token *t)
{
    if (t->type == TOK_NUMBER)
        return true;
    if (t->type != TOK_WORD || t->region >= 0)
        return false;
    if (t->lex & (LEX_CLAUSE | LEX_PREP | LEX_RELATIVE | LEX_ACCORDING))
        return false;
    if ((t->lex & LEX_AUX) && !(t->flags & TF_CAP))
        return false; /* "has", "may", but the names "Theresa May", "George Will" */
    if ((t->lex & LEX_PRONOUN) && !(t->flags & TF_CAP) )
        return false;
    if ((t->lex & LEX_CUE) && !(t->lex & (LEX_ROLE | LEX_DOC)) && !(t->flags & TF_CAP))
        return false;
    return true;
}

static bool is_head(const src_token *t)
{
    if (t->type != TOK_WORD)
        return false;
    if (t->lex & (LEX_ROLE | LEX_DOC | LEX_ORG | LEX_PRONOUN))
        return true;
    return (t->flags & TF_CAP) && !(t->lex & (LEX_DEF | LEX_INDEF | LEX_PREP | LEX_CLAUSE | LEX_OF | LEX_AND));
}

/* A speaker phrase names someone: a role, a name, a pronoun, or a noun after a determiner
 * ("the fact-checker"); a bare common noun ("business agreed") is not a speaker. */
static bool has_head(const src_doc *doc, span s)
{
    const src_token *last = src_tok(doc, (size_t)s.end - 1);
    if (last->type == TOK_NUMBER || src_is_punct(last, '%') ||
        ((last->lex & (LEX_INDEF | LEX_NUMBER)) && last->end - last->start > 2) ||
        (src_listed(doc, (size_t)s.end - 1, LEXL_QUANTIFIER) &&
         !((size_t)s.end < src_ntok(doc) && ends_in_ly(doc, src_tok(doc, (size_t)s.end)))))
        return true; /* a share of those asked: "26% say", "43 said", "few believe", "many said", "most said",
                      * but not "most recently said" */
    if (last->type == TOK_WORD && !(last->flags & TF_CAP) && !last->lex && last->end - last->start > 3 &&
        doc->text[last->end - 1] == 's' && doc->text[last->end - 2] != 's')
        return true; /* a plural noun: "callers asked", "opponents say" */
    if (s.end - s.first >= 3 && (src_word_is(doc, (size_t)s.end - 1, "them") || src_word_is(doc, (size_t)s.end - 1, "us")) &&
        src_word_is(doc, (size_t)s.end - 2, "of"))
        return true; /* "most of them said", "some of us believe" */
    bool determiner = false;
    for (long k = s.first; k < s.end; k++) {
        const src_token *t = src_tok(doc, (size_t)k);
        if ((t->lex & (LEX_DEF | LEX_INDEF | LEX_NUMBER)) || t->type == TOK_NUMBER) {
            determiner = true;
            continue;
        }
        if (t->lex & (LEX_OF | LEX_AND | LEX_PREP))
            continue;
        if (is_head(t) || (determiner && t->type == TOK_WORD) || (t->flags & TF_ODDCAPS))
            return true;
    }
    return false;
}

/* A period that belongs to an abbreviation inside a name ("Sen. Bernie Sanders"). */
static bool abbreviation_dot(const src_doc *doc, long i)
{
    if (i <= 0)
        return false;
    if ((size_t)i + 1 < src_ntok(doc) && src_is_punct(src_tok(doc, (size_t)i + 1), ','))
        return true; /* "McConnell, R-Ky., said" */
    const src_token *w = src_tok(doc, (size_t)i - 1);
    return w->type == TOK_WORD && w->end == src_tok(doc, (size_t)i)->start &&
           ((w->lex & (LEX_TITLE | LEX_ABBREV)) || w->end - w->start == 1);
}

/* The apostrophe of a plural possessive ("Sanders’ campaign manager"): a closing mark outside
 * any quotation, right after a word in s. */
static bool possessive_mark(const src_doc *doc, long i)
{
    const src_token *t = src_tok(doc, (size_t)i);
    if (t->type != TOK_QUOTE || t->region >= 0 || (t->flags & TF_OPEN) || i == 0)
        return false;
    const src_token *w = src_tok(doc, (size_t)i - 1);
    return w->type == TOK_WORD && w->end == t->start && (doc->text[w->end - 1] | 0x20) == 's';
}

/* Does a determiner or a possessor stand before cue word `c` ("the note", "Trump's claims"),
 * making it a noun? */
static bool determined_noun(const src_doc *doc, long c)
{
    if (c == 0)
        return false;
    const src_token *t = src_tok(doc, (size_t)c), *p = src_tok(doc, (size_t)c - 1);
    return src_listed(doc, (size_t)(c - 1), LEXL_DETERMINER) ||
           (!has_ing(doc, t) && (src_word_is(doc, (size_t)c - 1, "of") || possessive_mark(doc, c - 1) || src_possessive_word(doc, p)));
}

/* Is the cue word at `c` something other than a verb of saying? A noun after a determiner ("the
 * show", "his call", "the mayor's call", "a planning report"), an adjective after "of" ("a
 * majority of pledged delegates"), a measure ("by 8 points"), "pledged delegates", a verb with a
 * particle ("showed up", "called off", "adding to her lead"), "found itself", or a label opening the
 * paragraph ("Editor's note:"). */
static bool noun_not_cue(const src_doc *doc, long c)
{
    static const char *const finding[] = {"find", "finds", "found"};
    static const char *const adding[] = {"adding", "added", "adds"};
    static const char *const show_kinds[] = {"talk", "radio", "tv", "television", "award", "awards", "game",
                                             "reality", "news", "cooking", "comedy", "cable", "morning", "another"};
    if (c == 0)
        return false;
    const src_token *t = src_tok(doc, (size_t)c), *p = src_tok(doc, (size_t)c - 1);
    bool has_next = c + 1 < (long)doc->tokens.len;
    if (determined_noun(doc, c))
        return true;
    if (has_next && (src_listed(doc, (size_t)(c + 1), LEXL_PARTICLE) ||
                     (src_listed(doc, (size_t)(c + 1), LEXL_REFLEXIVE) &&
                      WORD_AMONG(doc, (size_t)c, finding))))
        return true;
    if (has_next && (t->lex & LEX_LABEL) && src_is_punct(src_tok(doc, (size_t)c + 1), ':') && (p->flags & TF_PARA))
        return true;
    if (src_word_is(doc, (size_t)c, "points") && (p->type == TOK_NUMBER || (p->lex & LEX_NUMBER) || src_word_is(doc, (size_t)c - 1, "percentage")))
        return true; /* "by 8 points", "five percentage points": a measure */
    if (has_next && src_word_is(doc, (size_t)c, "pledged") &&
        (src_word_is(doc, (size_t)c + 1, "delegates") || src_word_is(doc, (size_t)c + 1, "delegate")))
        return true; /* "leads by 270 pledged delegates": a kind of delegate */
    if (has_next && WORD_AMONG(doc, (size_t)c, adding) && src_word_is(doc, (size_t)c + 1, "to"))
        return true; /* "adding to her lead": a sum, not a remark */
    if ((src_word_is(doc, (size_t)c, "show") || src_word_is(doc, (size_t)c, "shows")) &&
        (WORD_AMONG(doc, (size_t)(c - 1), show_kinds) || (has_next && src_word_is(doc, (size_t)c + 1, "host"))))
        return true; /* "a radio show", "the award show has been", "talk show host": a programme */
    if (!(t->lex & LEX_DOC))
        return false;
    return p->type == TOK_WORD && ((p->lex & (LEX_DEF | LEX_INDEF)) ||
                                   (!(p->flags & TF_CAP) && !(p->lex & (LEX_ROLE | LEX_PRONOUN | LEX_PLURAL | LEX_AUX))));
}

/* ---- noun phrases around a cue ---- */

/* A noun that is also a cue, after its determiner and right before a verb of saying: "the note
 * says", "one tweet said"; not "a claim not recognized", "the remarks suggest" (a judgement). */
static bool cue_noun_at_end(const src_doc *doc, long j, long last, long limit)
{
    static const char *const saying[] = {"says", "said", "reads", "read", "states", "stated", "writes", "wrote"};
    const src_token *t = src_tok(doc, (size_t)j);
    return j == last && j > limit && (size_t)j + 1 < src_ntok(doc) && t->type == TOK_WORD && (t->lex & LEX_CUE) &&
           !(t->flags & TF_CAP) && (src_tok(doc, (size_t)j - 1)->lex & (LEX_DEF | LEX_INDEF)) &&
           WORD_AMONG(doc, (size_t)j + 1, saying);
}

/* Past forms without "-ed": a verb, not the next word of a noun phrase ("Ms. Lund began"), and
 * no noun ("a statement said"). */
static const char *const irregular_pasts[] = {
    "began", "became", "brought", "came", "cut", "drew", "felt", "fought", "found", "gave", "got", "heard",
    "held", "kept", "knew", "laid", "led", "lost", "made", "met", "put", "ran", "read", "said", "sat", "saw",
    "set", "sought", "spent", "spoke", "stood", "struck", "swore", "thought", "told", "took", "went", "won",
    "wrote"};

/* A lowercase word the lexicon does not know that is most likely a past-tense verb: an -ed form
 * ("rallied"), a common irregular past ("began", "went"), or a verb of talking ("spoke"). */
static bool past_verb(const src_doc *doc, long j)
{
    const src_token *t = src_tok(doc, (size_t)j);
    if (t->type != TOK_WORD || (t->flags & TF_CAP))
        return false;
    return (!t->lex || t->lex == LEX_ABOUT) && (src_word_ends_in(doc, t, "ed", 3) || WORD_AMONG(doc, (size_t)j, irregular_pasts));
}

/* Descriptors between a title word and a name: "Republican presidential front-runner Ben Carson":
 * up to three plain lowercase words from `j`, then a capitalized word in the same sentence; no
 * verb among them ("Trump attacks Cruz", "Jinping chose Kazakhstan's"). */
static bool descriptors_before_name(const src_doc *doc, long j, long limit)
{
    for (long k = j; k < limit && k < j + 4; k++) {
        const src_token *t = src_tok(doc, (size_t)k);
        if (is_cap(t))
            return k > j && !(t->flags & TF_PARA) && np_word(t) && !(t->lex & (LEX_DEF | LEX_INDEF)) &&
                   !src_possessive_word(doc, t);
        if (t->type != TOK_WORD || t->region >= 0 || !np_word(t) || past_verb(doc, k) ||
            (t->lex & ~(LEX_ROLE | LEX_ANONADJ | LEX_NATIONALITY | LEX_ORG)) || doc->text[t->end - 1] == 's')
            return false;
    }
    return false;
}

/* The start of the noun phrase ending at token `last`, not before `limit`. */
static long np_left(const src_doc *doc, long last, long limit)
{
    long first = last + 1;
    int count = 0;
    for (long j = last; j >= limit && count < 12; j--, count++) {
        const src_token *t = src_tok(doc, (size_t)j);
        if (possessive_mark(doc, j))
            continue;
        if (t->region >= 0 || t->type == TOK_QUOTE)
            break;
        if (t->type == TOK_PUNCT) {
            if ((t->punct == '.' && abbreviation_dot(doc, j)) || t->punct == '%' || (j < last && currency_amount(doc, j))) {
                first = j; /* "Gov. Hale", "a 5% share", "the £48 million terminal" */
                continue;
            }
            if (t->punct == ')' && first == last + 1) {
                /* "Sen. Jason Holsman (D) said" */
                long open = j - 1;
                while (open >= limit && open > j - 6 && !src_is_punct(src_tok(doc, (size_t)open), '('))
                    open--;
                if (open >= limit && open > j - 6 && src_is_punct(src_tok(doc, (size_t)open), '(')) {
                    j = open;
                    first = open;
                    continue;
                }
            }
            break;
        }
        const src_token *left = j > limit ? src_tok(doc, (size_t)j - 1) : NULL;
        if (t->lex & LEX_OF) {
            /* accepted: "members of the elite" */
        } else if (t->lex & LEX_AND) {
            const src_token *f = first <= last ? src_tok(doc, (size_t)first) : NULL;
            const src_token *left2 = j - 2 >= limit ? src_tok(doc, (size_t)j - 2) : NULL;
            bool nouns = f && left && left2 && left->type == TOK_WORD && np_word(left) && (left2->lex & LEX_DEF);
            if (!nouns && (!f || !left || !(f->lex & (LEX_INDEF | LEX_NUMBER | LEX_DEF) || is_cap(f)) ||
                           !(is_cap(left) || (left->lex & (LEX_ROLE | LEX_PLURAL)))))
                break; /* "officials and three members", "the government and business" */
        } else if (t->lex & LEX_PREP) {
            bool share = left && (left->type == TOK_NUMBER || (left->lex & LEX_NUMBER)) && src_word_is(doc, (size_t)j, "in");
            if (!left || !(share || (left->lex & (LEX_ANONLINK | LEX_ROLE)) || (is_cap(left) && !(left->flags & TF_PARA))))
                break; /* but "officials in Kyiv", "nine in 10" */
        } else if (t->lex & (LEX_DEF | LEX_INDEF) && !(t->lex & LEX_NUMBER && !(t->lex & LEX_INDEF))) {
            first = j;
            if (!left || left->type != TOK_WORD || !(left->lex & (LEX_OF | LEX_AND | LEX_PREP | LEX_ANONLINK)))
                break;
            continue;
        } else if (!(np_word(t) || cue_noun_at_end(doc, j, last, limit)) ||
                   ((t->lex & LEX_AUX) && !(left && is_cap(left) && !(t->flags & TF_PARA)))) {
            break; /* "Later Peskov said", but "Theresa May said", "the note says" */
        }
        first = j;
    }
    while (first <= last && (src_tok(doc, (size_t)first)->lex & (LEX_OF | LEX_AND | LEX_PREP)))
        first++;
    return first;
}

/* A question word opening a noun phrase is not part of it ("What Washington wants", "what Mr.
 * Hedge called", "Why not just say"); these words alone name nobody ("Each election cycle, there
 * is a threat …:", "No wonder"). */
static bool question_word(const src_doc *doc, long i)
{
    static const char *const questions[] = {"why", "what", "how"};
    return WORD_AMONG(doc, (size_t)i, questions);
}

static bool names_nobody(const src_doc *doc, span s)
{
    static const char *const alone[] = {"each", "every", "such", "no", "there", "here"};
    return s.end == s.first + 1 && (question_word(doc, s.first) || WORD_AMONG(doc, (size_t)s.first, alone));
}

/* "Hillary Clinton’s right-hand woman": a name or noun with "'s", whose own noun follows; not a
 * contraction ("It’s unclear", "That’s", "What’s"). */
static bool possessor(const src_doc *doc, const src_token *t)
{
    if (!src_possessive_word(doc, t))
        return false;
    size_t stem = (size_t)(doc->text[t->end - 2] == '\'' ? 2 : 4);
    unsigned number;
    uint64_t lex = src_lexicon_lookup(doc->text + t->start, t->end - t->start - stem, &number);
    static const char *const contracted[] = {"that", "there", "here", "what", "let"};
    for (size_t k = 0; k < sizeof contracted / sizeof contracted[0]; k++)
        if (onr_ascii_ieq(doc->text + t->start, t->end - t->start - stem, contracted[k], strlen(contracted[k])))
            return false;
    return !(lex & (LEX_PRONOUN | LEX_CLAUSE | LEX_RELATIVE));
}

/* The noun phrase that starts at token `i`, up to `limit` (exclusive). */
static span np_right(const src_doc *doc, long i, long limit)
{
    if (i >= limit)
        return no_span;
    const src_token *t0 = src_tok(doc, (size_t)i);
    if (t0->type == TOK_WORD && (t0->lex & LEX_PRONOUN) && !(t0->lex & LEX_RELATIVE))
        return (span){i, i + 1};
    long j = i, end = i;
    bool seen_head = false, after_link = true;
    int count = 0;
    for (; j < limit && count < 14; j++, count++) {
        const src_token *t = src_tok(doc, (size_t)j);
        if (possessive_mark(doc, j))
            continue;
        if (t->region >= 0 || t->type == TOK_QUOTE)
            break;
        if (t->type == TOK_PUNCT) {
            if (t->punct == '.' && abbreviation_dot(doc, j) && j + 1 < limit && is_cap(src_tok(doc, (size_t)j + 1)))
                continue;
            if (t->punct == ',' && seen_head && j + 1 < limit) {
                /* An apposition: "Dmitry Peskov, the Kremlin spokesman," */
                const src_token *n = src_tok(doc, (size_t)j + 1);
                if (n->type == TOK_WORD && (n->lex & (LEX_DEF | LEX_INDEF | LEX_TITLE | LEX_ROLE)) && !(n->lex & LEX_PRONOUN)) {
                    span app = np_right(doc, j + 1, limit);
                    if (app.first >= 0 && app.end > j + 2)
                        end = app.end;
                }
            }
            break;
        }
        if (t->lex & LEX_OF) {
            after_link = true;
            continue;
        }
        if (t->lex & LEX_AND) {
            if (!seen_head || j + 1 >= limit)
                break;
            const src_token *n = src_tok(doc, (size_t)j + 1);
            if (!(n->lex & (LEX_INDEF | LEX_DEF | LEX_NUMBER)) && !is_cap(n))
                break;
            after_link = true;
            continue;
        }
        if (t->lex & LEX_PREP) {
            const src_token *p = j > i ? src_tok(doc, (size_t)j - 1) : NULL;
            if (!p || !(p->lex & (LEX_ANONLINK | LEX_ROLE)))
                break;
            after_link = true;
            continue;
        }
        if (t->lex & (LEX_DEF | LEX_INDEF) && !(t->flags & TF_CAP && j > i && !after_link)) {
            if (!after_link && j > i)
                break;
            after_link = false;
            continue;
        }
        if (!np_word(t))
            break;
        if (seen_head && t->type == TOK_WORD && !(t->flags & TF_CAP) && !after_link &&
            !(t->lex & (LEX_ROLE | LEX_DOC | LEX_ANONLINK | LEX_ANONADJ | LEX_NATIONALITY | LEX_ORG))) {
            /* A plain word after the noun ends the phrase: "an official expressed". */
            const src_token *p = src_tok(doc, (size_t)j - 1);
            if (((p->lex & LEX_ROLE) || (is_cap(p) && !(p->lex & LEX_NATIONALITY))) &&
                !descriptors_before_name(doc, j, limit))
                break;
        }
        if (seen_head && !after_link && past_verb(doc, j))
            break; /* "The mayor’s chief of staff rallied", "the union spoke": the verb, past the noun */
        if (is_head(t))
            seen_head = true;
        after_link = (t->lex & LEX_ANONLINK) != 0 || possessor(doc, t);
        end = j + 1;
    }
    while (end > i && (src_tok(doc, (size_t)end - 1)->lex & (LEX_OF | LEX_AND | LEX_PREP | LEX_DEF | LEX_INDEF)) &&
           !(src_tok(doc, (size_t)end - 1)->lex & LEX_ROLE))
        end--;
    if (end <= i || !seen_head || names_nobody(doc, (span){i, end}))
        return no_span;
    return (span){i + (end > i + 1 && question_word(doc, i)), end};
}

/* The speaker after an inverted cue ("…,” said the woman, who …"): the noun phrase there, or a
 * determiner and the words after it up to the punctuation, or a determiner alone ("tweeted
 * another."), which after "said" can only name the speaker. */
static span speaker_after_cue(const src_doc *doc, long i, long limit)
{
    span s = np_right(doc, i, limit);
    if (s.first >= 0 || i >= limit || !(src_tok(doc, (size_t)i)->lex & (LEX_DEF | LEX_INDEF)))
        return s;
    long end = i + 1;
    while (end < limit && end < i + 5 && np_word(src_tok(doc, (size_t)end)))
        end++;
    if (end == i + 1 && (src_tok(doc, (size_t)i)->lex & LEX_INDEF) && (end == limit || src_tok(doc, (size_t)end)->type == TOK_PUNCT))
        return (span){i, end}; /* "…,” tweeted another." */
    return end > i + 1 ? (span){i, end} : no_span;
}

/* Does a name or a pronoun stand in tokens [first, end)? */
static bool has_name(const src_doc *doc, long first, long end)
{
    for (long k = first; k < end; k++)
        if (is_cap(src_tok(doc, (size_t)k)) || (src_tok(doc, (size_t)k)->lex & LEX_PRONOUN))
            return true;
    return false;
}

/* The speaker before cue `c`: "a Russian official [also] said", "Peskov, the spokesman, said",
 * "he said", "who said". */
static bool dash_break(const src_doc *doc, long q)
{
    const src_token *t = src_tok(doc, (size_t)q);
    return src_is_punct(t, '-') && ((t->flags & TF_SPACE) || t->end - t->start > 1); /* not "self-defense" */
}

/* Is token `q` the second hyphen of a dash typed as two ("--")? */
static bool second_hyphen(const src_doc *doc, long q, long limit)
{
    return q > limit && src_is_punct(src_tok(doc, (size_t)q), '-') && !(src_tok(doc, (size_t)q)->flags & TF_SPACE) &&
           src_is_punct(src_tok(doc, (size_t)q - 1), '-');
}

/* "The justice -- who has been in a scuffle with Trump -- said", closing dash at `close`: the name
 * before the opening dash, the aside with it; no_span when there is none. */
static span speaker_before_dashes(const src_doc *doc, long close, long limit)
{
    close -= second_hyphen(doc, close, limit);
    long open = close - 1;
    while (open > limit && open > close - 30 && !dash_break(doc, open) && !second_hyphen(doc, open, limit) &&
           src_tok(doc, (size_t)open)->region < 0 && src_tok(doc, (size_t)open)->type != TOK_QUOTE)
        open--;
    open -= second_hyphen(doc, open, limit);
    if (open <= limit || !dash_break(doc, open) || open + 1 >= close)
        return no_span;
    long name = np_left(doc, open - 1, limit);
    if (name > open - 1 || !has_head(doc, (span){name, open}))
        return no_span;
    return (span){name, close};
}

/* Is token `k` inside a quotation of a few words that modifies the noun after it ("wearing
 * “Vote Cruz” pins")? */
static bool short_quotation(const src_doc *doc, long k)
{
    int32_t ri = src_tok(doc, (size_t)k)->region;
    if (ri < 0)
        return false;
    const src_region *r = (const src_region *)doc->regions.data + ri;
    if (!r->closed || r->close - r->open > 5 || r->close + 1 >= src_ntok(doc))
        return false;
    const src_token *last = src_tok(doc, r->close - 1), *next = src_tok(doc, r->close + 1);
    return last->type != TOK_PUNCT && next->type == TOK_WORD && !(next->flags & (TF_CAP | TF_PARA));
}

/* A day or month name, or "week", "night", "today", "past", …: the word a time phrase hangs on ("earlier in
 * the day", "in the past"). */
static bool time_anchor(const src_doc *doc, long k)
{
    const src_token *t = src_tok(doc, (size_t)k);
    if (t->type != TOK_WORD)
        return false;
    return ((t->lex & LEX_TIME) && !(t->lex & LEX_AUX)) /* not "May" */ || (t->lists & LEXL_TIME_ANCHOR);
}

static bool time_filler(const src_doc *doc, long k)
{
    return src_listed(doc, (size_t)k, LEXL_TIME_FILLER);
}

/* Is `s` nothing but a time phrase: "this week", "on Tuesday night", "last month"? */
static bool only_time_phrase(const src_doc *doc, span s)
{
    bool anchored = false;
    for (long k = s.first; k < s.end; k++) {
        if (time_anchor(doc, k))
            anchored = true;
        else if (!time_filler(doc, k))
            return false;
    }
    return anchored;
}

/* Is [first, end) a time phrase with its numbers, "in July 2012", "on Jan. 5", set off by commas? */
static bool time_aside(const src_doc *doc, long first, long end)
{
    bool anchored = false;
    for (long k = first; k < end; k++) {
        const src_token *t = src_tok(doc, (size_t)k);
        if (time_anchor(doc, k))
            anchored = true;
        else if (!time_filler(doc, k) && t->type != TOK_NUMBER && !abbreviation_dot(doc, k))
            return false;
    }
    return anchored;
}

/* Where the words before cue `c` end once a time phrase just before it is set aside ("Ruiz on
 * Monday said", "Priebus later Thursday told", "The poll in June showed", "Ruiz, the mayor, on
 * Tuesday said"): the token before the phrase, or `c` - 1 when there is none. */
static long before_time_phrase(const src_doc *doc, long c, long limit)
{
    long k = c - 1;
    bool anchored = false;
    for (; k >= limit && k > c - 5; k--) {
        if (time_anchor(doc, k))
            anchored = true;
        else if (!time_filler(doc, k))
            break;
    }
    if (!anchored || k < limit || k == c - 1)
        return c - 1;
    const src_token *t = src_tok(doc, (size_t)k);
    return t->type == TOK_WORD || src_is_punct(t, ',') || src_is_punct(t, ')') ? k : c - 1; /* "Grassley (R-Iowa) on Monday" */
}

/* Is [first, end) before a comma an age or the place after "of" or "from" in "Cory James, 22, of
 * Flint, Mich., said", not the name the appositions belong to? */
static bool age_or_place(const src_doc *doc, long first, long end, long limit)
{
    if (end == first + 1 && src_tok(doc, (size_t)first)->type == TOK_NUMBER)
        return true;
    return first > limit + 1 && (src_word_is(doc, (size_t)first - 1, "of") || src_word_is(doc, (size_t)first - 1, "from")) &&
           src_is_punct(src_tok(doc, (size_t)first - 2), ','); /* not "Exit polls from the primary, which …," */
}

/* Is the comma at `comma` the one between a place after a preposition and its state, the one
 * word before `close` ("in Dover, Delaware,", "in Dover, Del.,")? */
static bool state_comma(const src_doc *doc, long comma, long close)
{
    long state_end = close - src_is_punct(src_tok(doc, (size_t)close - 1), '.');
    const src_token *before = src_tok(doc, (size_t)comma - 2);
    return src_is_punct(src_tok(doc, (size_t)comma), ',') && state_end == comma + 2 && is_cap(src_tok(doc, (size_t)comma + 1)) &&
           is_cap(src_tok(doc, (size_t)comma - 1)) && before->type == TOK_WORD && !(before->flags & TF_CAP) &&
           (before->lex & LEX_PREP);
}

/* "has always maintained", "does not always reject", "have both endorsed": words between a
 * speaker and the verb that look like nouns ("always" ends in -s like a plural). */
static bool frequency_adverb(const src_doc *doc, long k)
{
    return !(src_tok(doc, (size_t)k)->flags & TF_CAP) && src_listed(doc, (size_t)k, LEXL_FREQUENCY);
}

/* A name or role right before a past verb ends the subject ("Ms. Lund began"); a pronoun may
 * start a relative clause instead ("the scholars I interviewed thought"). */
static bool verb_after_name(const src_token *t)
{
    return (is_cap(t) || (t->lex & LEX_ROLE)) && !(t->lex & LEX_PRONOUN);
}

static span noun_phrase_before(const src_doc *doc, long c, long limit)
{
    static const char *const all_of_them[] = {"both", "all"};
    long i = before_time_phrase(doc, c, limit), quantifier = -1;
    int skipped = 0;
    while (i >= limit && skipped < 3 && (is_adverb(doc, src_tok(doc, (size_t)i)) || frequency_adverb(doc, i))) {
        if (WORD_AMONG(doc, (size_t)i, all_of_them))
            quantifier = i;
        i--;
        skipped++;
    }
    if (i > limit && past_verb(doc, i) &&
        ((i == c - 1 && has_ing(doc, src_tok(doc, (size_t)c))) || verb_after_name(src_tok(doc, (size_t)i - 1))))
        i--; /* "Ms. Lund began talking about", "she kept saying": the verb before the cue, not the name */
    const src_token *t = i >= limit ? src_tok(doc, (size_t)i) : NULL;
    if (quantifier == i + 1 && (!t || t->type == TOK_QUOTE || src_is_punct(t, ',') || src_is_punct(t, ';') || (t->lex & LEX_AND)))
        return (span){quantifier, quantifier + 1}; /* "“…,” both said", "and all agreed": not "they both said" */
    if (i < limit)
        return no_span;
    if (t->region >= 0 || (t->type == TOK_WORD && (t->lex & LEX_PREP) && !src_word_is(doc, (size_t)i, "to")))
        return no_span; /* "Trump in hopes of", "the Islamic State by calling": a phrase, no subject */
    if (t->type == TOK_WORD && (t->lex & LEX_PRONOUN))
        return (span){i, i + 1};
    if (src_is_punct(t, ')')) {
        /* "Kasich (who has 25 delegates) said", "Sen. Tim Kaine (D-Va.) said": the name before
         * the parenthesis, the parenthesis with it. */
        long open = i - 1;
        while (open > limit && open > i - 24 && !src_is_punct(src_tok(doc, (size_t)open), '(') &&
               !src_is_punct(src_tok(doc, (size_t)open), ')') && src_tok(doc, (size_t)open)->region < 0)
            open--;
        if (open <= limit || !src_is_punct(src_tok(doc, (size_t)open), '('))
            return no_span;
        long name = np_left(doc, open - 1, limit);
        if (name <= open - 1 && has_name(doc, name, open) && has_head(doc, (span){name, open}))
            return (span){name, i + 1}; /* also "state Sen. Jason Holsman (D) said" */
        return no_span;
    }
    if (dash_break(doc, i) || second_hyphen(doc, i, limit))
        return speaker_before_dashes(doc, i, limit);
    if (src_is_punct(t, ',')) {
        /* "Dmitry Peskov, the Kremlin spokesman, said", "Jim Bennett, 57, a veteran who …, told",
         * "Blunt, after a long pause, said": up to three comma-delimited stretches back to a name. */
        long close = i;
        bool apposition = true;
        for (int level = 0; level < 4; level++) {
            long open = close - 1;
            while (open >= limit && open > close - 26 && !src_is_punct(src_tok(doc, (size_t)open), ',') &&
                   ((src_tok(doc, (size_t)open)->region < 0 &&
                     (src_tok(doc, (size_t)open)->type != TOK_QUOTE || possessive_mark(doc, open))) ||
                    short_quotation(doc, open)) &&
                   !(src_tok(doc, (size_t)open)->type == TOK_PUNCT && strchr(".;:!?", src_tok(doc, (size_t)open)->punct) &&
                     !abbreviation_dot(doc, open)))
                open--;
            if (open > limit + 1 && open > close - 26 && state_comma(doc, open, close)) {
                close = open--; /* "Ruiz, at a rally in Dover, Delaware, said": one stretch */
                level--;
                continue;
            }
            if (open > limit + 1 && open > close - 26 && open + 1 < close && src_is_punct(src_tok(doc, (size_t)open), ',') &&
                time_aside(doc, open + 1, close)) {
                close = open; /* "Ruiz, who lost a son in Dover, Delaware, in July 2012, said": a time aside */
                level--;
                continue;
            }
            if (open < limit + 1 || open <= close - 26 || !src_is_punct(src_tok(doc, (size_t)open), ',') || open + 1 >= close)
                break;
            const src_token *a = src_tok(doc, (size_t)open + 1);
            bool this_apposition = (a->lex & (LEX_DEF | LEX_INDEF | LEX_TITLE | LEX_ROLE | LEX_RELATIVE | LEX_OF)) ||
                                   a->type == TOK_NUMBER || (is_cap(a) && np_left(doc, close - 1, open + 1) == open + 1) ||
                                   src_word_is(doc, (size_t)open + 1, "from");
            if (level == 0)
                apposition = this_apposition;
            else if (!this_apposition)
                break;
            long name = np_left(doc, open - 1, limit);
            if (name <= open - 1 && !age_or_place(doc, name, open, limit) &&
                (has_name(doc, name, open) || has_head(doc, (span){name, open})))
                return apposition ? (span){name, i} : (span){name, open};
            if (!apposition)
                break;
            close = open;
        }
        /* A stray comma: "Gov. John Kasich (R-OH), said" */
        long name = np_left(doc, i - 1, limit);
        if (name <= i - 1 && is_cap(src_tok(doc, (size_t)name)) && has_head(doc, (span){name, i}))
            return (span){name, i};
        return no_span;
    }
    long first = np_left(doc, i, limit);
    if (first > i)
        return no_span;
    span s = {first, i + 1};
    /* "the two write": a number standing alone after its article */
    if (first == i && (t->lex & LEX_NUMBER) && i > limit && (src_tok(doc, (size_t)i - 1)->lex & LEX_DEF))
        return (span){i - 1, i + 1};
    s.first += s.end > s.first + 1 && question_word(doc, s.first);
    if (has_head(doc, s) && !names_nobody(doc, s))
        return s;
    /* "Another tweeted", "Some chanted": a determiner standing alone */
    if (first == i && (t->lex & LEX_INDEF) && is_cap(t))
        return s;
    return no_span;
}

/* The speaker just before cue `c`. Before "to", the infinitive's own subject ("prompted Lee to
 * accuse", "for Clinton to highlight"), not a place or time ("went on CNN to declare", "used his
 * platform Friday to discuss"). */
static span speaker_left(const src_doc *doc, long c, long limit)
{
    span s = noun_phrase_before(doc, c, limit);
    if (s.first < 0 || s.end - s.first < 2 || !src_word_is(doc, (size_t)s.end - 1, "to"))
        return s;
    if (time_anchor(doc, s.end - 2) ||
        (s.first > limit && (src_tok(doc, (size_t)s.first - 1)->lex & LEX_PREP) && !src_word_is(doc, (size_t)s.first - 1, "for")))
        return no_span;
    return s;
}

/* Does a time phrase end at token `k`: "Minutes later", "Two days ago", "Last Monday"? */
static bool ends_time_phrase(const src_doc *doc, long k)
{
    static const char *const words[] = {"later", "earlier", "ago"};
    return time_anchor(doc, k) || WORD_AMONG(doc, (size_t)k, words);
}

/* Past one opening phrase of a clause: an adverbial up to a comma ("In a statement, ..."), or a
 * short phrase before a comma or dash with a name or pronoun after it ("Hours later, Trump
 * returned", "WASHINGTON — Clinton's aide rallied"; an apposition after a name starts with a
 * determiner or a role instead). `first` itself when there is none. */
/* "Likewise, …", "Finally, …", "Alongside the protests, …": a sentence adverb, not a subject (a
 * list: "-ly" alone would take "Kelly" too) */
static bool sentence_adverb(const src_doc *doc, long k)
{
    static const char *const words[] = {"likewise", "alongside", "instead", "indeed", "similarly", "otherwise",
                                        "finally", "additionally", "separately"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (src_word_is(doc, (size_t)k, words[i]))
            return true;
    return false;
}

/* "Now, …", "Perhaps most important, …", "Back in 1999, …": a short adverbial before a comma
 * opening the sentence; past its comma, or `first` when there is none. */
static long after_opening_adverb(const src_doc *doc, long first, long limit)
{
    if (!src_listed(doc, (size_t)first, LEXL_OPENING_ADVERB))
        return first;
    for (long k = first + 1; k < limit && k < first + 5; k++) {
        const src_token *w = src_tok(doc, (size_t)k);
        if (src_is_punct(w, ','))
            return k + 1;
        if (!is_wordlike(w))
            break;
    }
    return first;
}

/* Past the comma at `comma` and a state abbreviation after it: "In Dover, Del., the mayor …" */
static long state_after_place(const src_doc *doc, long comma, long limit)
{
    long k = comma + 1;
    if (k + 2 < limit && is_cap(src_tok(doc, (size_t)k)) && src_is_punct(src_tok(doc, (size_t)k + 1), '.') &&
        src_is_punct(src_tok(doc, (size_t)k + 2), ','))
        return k + 3;
    if (k + 1 < limit && comma > 0 && is_cap(src_tok(doc, (size_t)comma - 1)) && is_cap(src_tok(doc, (size_t)k)) &&
        !(src_tok(doc, (size_t)k)->lex & (LEX_DEF | LEX_INDEF | LEX_TITLE | LEX_ROLE)) && src_is_punct(src_tok(doc, (size_t)k + 1), ',') &&
        k + 2 < limit && !(src_tok(doc, (size_t)k + 2)->lex & (LEX_DEF | LEX_INDEF)))
        return k + 2; /* "In Ames, Iowa, on Sunday, …", not "In Iowa, Clinton, the nominee, …" */
    return k;
}

/* Does a subject pronoun or an auxiliary stand in [first, end]: a clause, not a phrase? */
static bool phrase_has_clause(const src_doc *doc, long first, long end)
{
    for (long k = first; k <= end; k++)
        if (src_tok(doc, (size_t)k)->type == TOK_WORD && (src_tok(doc, (size_t)k)->lex & (LEX_PRONOUN | LEX_AUX)))
            return true;
    return false;
}

/* "When he returned he began by saying": a subordinator, a subject pronoun and one plain verb, then
 * the main clause's own subject pronoun, with no comma between. */
static bool short_clause_without_comma(const src_doc *doc, long first, long limit)
{
    static const char *const subordinators[] = {"when", "after", "before", "once", "as", "while"};
    static const char *const subjects[] = {"he", "she", "they", "we", "i"};
    if (first + 4 >= limit || !WORD_AMONG(doc, (size_t)first, subordinators) ||
        !WORD_AMONG(doc, (size_t)first + 1, subjects) || !WORD_AMONG(doc, (size_t)first + 3, subjects))
        return false;
    const src_token *verb = src_tok(doc, (size_t)first + 2);
    return verb->type == TOK_WORD && !(verb->flags & TF_CAP) && src_word_ends_in(doc, verb, "ed", 3) &&
           !(verb->lex & (LEX_PREP | LEX_AUX | LEX_CUE));
}

/* "Adopting the advice of a panel that met last week, …", "Rallying hundreds of workers who are
 * struggling, …": a participle opening the sentence before its object or preposition has no subject
 * of its own, however long it runs (not a name: "Jennings told", "Manning, the mayor"). */
static bool participle_phrase(const src_doc *doc, long first, long limit)
{
    const src_token *t = src_tok(doc, (size_t)first), *n = first + 1 < limit ? src_tok(doc, (size_t)first + 1) : NULL;
    return n && (t->flags & TF_CAP) && has_ing(doc, t) && !t->lex && n->type == TOK_WORD && !(n->flags & TF_CAP) &&
           !(n->lex & (LEX_CUE | LEX_AUX));
}

static long skip_opening_phrase(const src_doc *doc, long first, long limit)
{
    long adverbial = after_opening_adverb(doc, first, limit);
    if (adverbial > first)
        return adverbial;
    const src_token *t = src_tok(doc, (size_t)first);
    bool before_prep = first + 1 < limit && (src_tok(doc, (size_t)first + 1)->lex & (LEX_PREP | LEX_CLAUSE));
    bool adverb = ends_in_ly(doc, t) && (before_prep || (first + 1 < limit && src_is_punct(src_tok(doc, (size_t)first + 1), ',')));
    bool participle = before_prep && (src_word_ends_in(doc, t, "ed", 4) || src_word_is(doc, (size_t)first, "led")); /* "Asked about the vote, …" */
    /* "Even after the complaint was filed, …", "Soon after the vote, …" */
    bool focused = before_prep && src_listed(doc, (size_t)first, LEXL_FOCUSING);
    /* "Like Mr. Lee, she has …": a comparison opening the sentence */
    bool comparison = (t->flags & TF_CAP) && src_word_is(doc, (size_t)first, "like");
    /* "Wednesday at the debate, Clinton …": a day before its place */
    bool dated = before_prep && (t->lex & LEX_TIME) && !(t->lex & LEX_AUX);
    if (t->type == TOK_WORD && ((t->lex & (LEX_PREP | LEX_CLAUSE)) || has_ing(doc, t) || adverb || participle || focused ||
                                 comparison || dated || sentence_adverb(doc, first))) {
        /* "Speaking in Yangon, …", "Shortly after the vote, …"; a subordinate clause may run longer:
         * "While most of his rivals called for a bigger military effort, …", and so may a phrase
         * without a subject or an auxiliary in it ("In a long interview with the reporter Sam Lee
         * last spring, …", not "By Monday she had left the festival in Dover, Kent, citing") */
        if (short_clause_without_comma(doc, first, limit))
            return first + 3;
        long reach = ((t->lex & LEX_CLAUSE) && !(t->lex & LEX_PREP)) || participle_phrase(doc, first, limit) ? 24 : 10;
        for (long k = first; k < limit && k < first + reach; k++) {
            const src_token *w = src_tok(doc, (size_t)k);
            if (src_is_punct(w, ','))
                return state_after_place(doc, k, limit);
            if (dated && w->region >= 0)
                return first; /* "Tuesday on the “Midday Show,” while …": the comma may be the title's */
            if (reach == 10 && k == first + 9 && !phrase_has_clause(doc, first, k))
                reach = 14;
        }
        return first;
    }
    if (t->lex & LEX_PRONOUN)
        return first;
    for (long k = first + 1; k + 3 < limit && k < first + 4 && is_cap(src_tok(doc, (size_t)k - 1)); k++) {
        /* a dateline: "Washington (AFP) – Ms. Ruiz said …" */
        if (src_is_punct(src_tok(doc, (size_t)k), '(') && is_cap(src_tok(doc, (size_t)k + 1)) &&
            src_is_punct(src_tok(doc, (size_t)k + 2), ')') && dash_break(doc, k + 3))
            return k + 4;
    }
    if (t->flags & TF_ODDCAPS) {
        /* a headline in capitals before a dash: "NEW POLL SHOWS A LEAD - Jones writes: “…”" */
        for (long k = first + 1; k + 1 < limit && k < first + 24; k++)
            if (src_is_punct(src_tok(doc, (size_t)k), '-') && is_cap(src_tok(doc, (size_t)k + 1)))
                return k + 1;
    }
    for (long k = first + 1; k < limit && k < first + 6; k++) {
        const src_token *d = src_tok(doc, (size_t)k), *n = k + 1 < limit ? src_tok(doc, (size_t)k + 1) : NULL;
        if (d->type == TOK_QUOTE || (d->type == TOK_PUNCT && !strchr(",-", d->punct)))
            break;
        if (d->type != TOK_PUNCT)
            continue;
        if (n && n->type == TOK_WORD && (is_cap(n) || (n->lex & LEX_PRONOUN)) &&
            !(n->lex & (LEX_DEF | LEX_INDEF | LEX_TITLE | LEX_ROLE | LEX_RELATIVE | LEX_AND | LEX_CLAUSE)) &&
            !(k + 2 < limit && src_is_punct(src_tok(doc, (size_t)k + 2), '-'))) /* "McConnell, R-Ky.," */
            return k + 1;
        if (n && src_is_punct(d, ',') && ends_time_phrase(doc, k - 1))
            return k + 1; /* "Minutes later, the mayor sent": no apposition */
        break;
    }
    return first;
}

/* A subject the noun-phrase rules leave out, a determiner and the plain words up to its verb
 * ("the justice sounded off", "his team is suggesting", "many have"): no_span when none. */
static span plain_subject(const src_doc *doc, long first, long limit)
{
    const src_token *t = src_tok(doc, (size_t)first);
    if (first >= limit || t->type != TOK_WORD || t->region >= 0 || !(t->lex & (LEX_DEF | LEX_INDEF | LEX_NUMBER | LEX_POSSESSIVE)))
        return no_span;
    long end = first + 1;
    for (; end < limit && end < first + 5; end++) {
        const src_token *w = src_tok(doc, (size_t)end);
        if (!np_word(w) || w->type != TOK_WORD || (w->lex & (LEX_AUX | LEX_DEF | LEX_INDEF)) || (w->flags & TF_CAP) ||
            src_word_ends_in(doc, w, "ed", 3) || ends_in_ing(doc, w))
            break;
    }
    span s = {first, end};
    const src_token *verb = end < limit ? src_tok(doc, (size_t)end) : NULL;
    if (!verb || verb->type != TOK_WORD || (verb->flags & TF_CAP) || (verb->lex & (LEX_PREP | LEX_CLAUSE | LEX_OF | LEX_AND)) ||
        ends_time_phrase(doc, end))
        return no_span; /* not "a couple of years later, he …", "The event with Obama …", "The place is …" */
    return has_head(doc, s) ? s : no_span;
}

/* Where the subject of a clause starts: "Another official shared his view: ...", after up to two
 * opening phrases ("On Thursday, after a long silence, Warren endorsed …"). */
static long clause_start(const src_doc *doc, long first, long limit)
{
    /* "But Sen. Ruiz, noting the crowd, said": a linking word before a name opens no clause of its own */
    if (first + 1 < limit && (src_tok(doc, (size_t)first)->lex & (LEX_CLAUSE | LEX_AND)) && is_cap(src_tok(doc, (size_t)first + 1)) &&
        !(src_tok(doc, (size_t)first + 1)->lex & (LEX_CLAUSE | LEX_PREP)) &&
        (src_word_is(doc, (size_t)first, "but") || src_word_is(doc, (size_t)first, "and")))
        first++;
    for (int n = 0; n < 2 && first < limit; n++)
        first = skip_opening_phrase(doc, first, limit);
    /* "And then Trump went on the attack, saying", "But he said": the linking words are not the subject. */
    for (int n = 0; n < 2 && first + 1 < limit; n++, first++) {
        const src_token *w = src_tok(doc, (size_t)first);
        if (w->type != TOK_WORD || (w->lex & LEX_PRONOUN) ||
            !((w->lex & (LEX_AND | LEX_AUX)) || src_word_is(doc, (size_t)first, "but") || src_word_is(doc, (size_t)first, "so")))
            break;
    }
    return first;
}

static span clause_subject(const src_doc *doc, long first, long limit)
{
    long start = clause_start(doc, first, limit);
    long be = start + 1;
    if (be + 1 < limit && src_word_is(doc, (size_t)start, "there") && is_be(doc, be)) {
        /* "There were also emails showing …": the noun after "there is", not "there" */
        while (be + 2 < limit && is_adverb(doc, src_tok(doc, (size_t)be + 1)))
            be++;
        span s = np_right(doc, be + 1, limit);
        if (s.first < 0 && be + 2 < limit) { /* a plain plural noun: "emails", "reports" */
            long k = be + 1;
            s = (span){k, k + 1};
            if (!has_head(doc, s) || !np_word(src_tok(doc, (size_t)k)))
                s = no_span;
        }
        return s;
    }
    return np_right(doc, start, limit);
}

/* The subject starting at `first`: a noun phrase, else a determiner and plain words before a verb. */
static span subject_at(const src_doc *doc, long first, long limit)
{
    span s = np_right(doc, first, limit);
    return s.first >= 0 ? s : plain_subject(doc, first, limit);
}

/* A subject phrase that ran on into its verb, a plain lowercase word before an object's
 * determiner ("the ferry union issued a statement", "his campaign sent the"), without that verb. */
static span without_its_verb(const src_doc *doc, span s)
{
    if (s.first < 0 || s.end - s.first < 2 || (size_t)s.end >= src_ntok(doc))
        return s;
    const src_token *verb = src_tok(doc, (size_t)s.end - 1), *next = src_tok(doc, (size_t)s.end);
    if (verb->type != TOK_WORD || (verb->flags & TF_CAP) ||
        (verb->lex & (LEX_ROLE | LEX_ORG | LEX_PLURAL | LEX_DOC | LEX_ANONADJ | LEX_NATIONALITY)) ||
        !(next->lex & (LEX_DEF | LEX_INDEF)) || (next->lex & LEX_PRONOUN) || (next->flags & TF_CAP))
        return s;
    return (span){s.first, s.end - 1};
}

/* Does a subordinator open the sentence at `first` ("When he …, she …", "As the votes …, he …")? */
static bool opens_with_subordinate(const src_doc *doc, long first)
{
    static const char *const words[] = {"when", "as", "while", "after", "before", "because", "if", "although",
                                        "though", "since", "once", "until", "whether"};
    return WORD_AMONG(doc, (size_t)first, words);
}

/* The first noun phrase in [first, limit) that stands where a subject does (at the start or after
 * a comma, not after a preposition) with a plain word after it, its verb: "In a speech on Tuesday,
 * Mr. Lee struck a measured tone", "By noon she had left". Past the opening subordinate clause of
 * "When X did it, Y …". */
static span main_clause_subject(const src_doc *doc, long first, long limit)
{
    long k = first;
    if (opens_with_subordinate(doc, first)) {
        while (k < limit && !src_is_punct(src_tok(doc, (size_t)k), ','))
            k++;
        if (k >= limit)
            return no_span;
    }
    for (; k + 1 < limit; k++) {
        const src_token *t = src_tok(doc, (size_t)k), *p = k > first ? src_tok(doc, (size_t)k - 1) : NULL;
        if (t->type != TOK_WORD || t->region >= 0 || (p && p->type == TOK_WORD && (p->lex & (LEX_PREP | LEX_OF | LEX_DEF | LEX_INDEF))))
            continue;
        bool pronoun = (t->lex & LEX_PRONOUN) && !(t->lex & LEX_RELATIVE) && !src_word_is(doc, (size_t)k, "it");
        if (!pronoun && !is_cap(t) && !(t->lex & LEX_DEF))
            continue;
        span s = without_its_verb(doc, np_right(doc, k, limit));
        if (s.first < 0 || s.end >= limit)
            continue;
        const src_token *v = src_tok(doc, (size_t)s.end);
        if (v->type == TOK_WORD && !(v->flags & TF_CAP) &&
            !(v->lex & (LEX_PREP | LEX_OF | LEX_DEF | LEX_INDEF | LEX_AND | LEX_CLAUSE | LEX_PRONOUN)))
            return s;
        k = s.end - 1;
    }
    return no_span;
}

/* Where the clause holding token `last` starts: after the nearest subordinator with a subject
 * after it ("when he brought up X and later said") before it, else at `first`. A subordinate
 * clause closed by a comma opens the sentence instead ("Asked whether she would come, Ruiz
 * laughed and said"): its subject is not the verb's. */
/* Does a subject with its verb follow the subordinator at `k` ("when Cruz knocked", "while Lee,
 * the mayor, said"), not an object ("went after Bush, calling") nor a question ("whether he
 * would", unless a comma closed it before the main clause: `closed`)? */
static bool subordinate_clause_at(const src_doc *doc, long k, long last, bool closed)
{
    static const char *const complements[] = {"that", "whether", "if"};
    const src_token *t = src_tok(doc, (size_t)k);
    const src_token *n = src_tok(doc, (size_t)k + 1);
    if (t->type != TOK_WORD || !(t->lex & LEX_CLAUSE) || (t->flags & TF_CAP) || src_word_is(doc, (size_t)k, "that") ||
        is_be(doc, k) || !(is_cap(n) || (n->type == TOK_WORD && (n->lex & LEX_PRONOUN))))
        return false;
    if (closed)
        return true;
    span subject = np_right(doc, k + 1, last + 1);
    if (WORD_AMONG(doc, (size_t)k, complements) || subject.first < 0 || subject.end > last)
        return false;
    const src_token *v = src_tok(doc, (size_t)subject.end);
    bool apposition = false; /* a comma after the subject closes its apposition, inside the span */
    for (long j = subject.first + 1; j < subject.end && src_is_punct(v, ','); j++)
        apposition |= src_is_punct(src_tok(doc, (size_t)j), ',');
    return apposition || (v->type == TOK_WORD && v->region < 0 && !(v->flags & TF_CAP) &&
                          !(v->lex & (LEX_PREP | LEX_OF | LEX_AND | LEX_DEF | LEX_INDEF)));
}

static long local_clause(const src_doc *doc, long first, long last)
{
    long after_comma = -1; /* the nearest subject after a comma: the main clause's */
    for (long k = last - 2; k > first; k--) {
        const src_token *t = src_tok(doc, (size_t)k), *n = src_tok(doc, (size_t)k + 1);
        if (t->region >= 0)
            continue;
        if (src_is_punct(t, ',') && (is_cap(n) || (n->type == TOK_WORD && (n->lex & LEX_PRONOUN))) && after_comma < 0)
            after_comma = k + 1;
        if (subordinate_clause_at(doc, k, last, after_comma >= 0))
            return after_comma >= 0 ? after_comma : k + 1;
    }
    return first;
}

/* The speaker of "…, saying" / "…, adding": the one of the verb just before ("Nefzi said,
 * adding, …"), else the subject of the clause ("Sanders compared himself to Clinton, saying"). */
static span participle_speaker(const src_doc *doc, long c, long pre)
{
    if (c >= pre + 2 && is_cue(src_tok(doc, (size_t)c - 2))) {
        span s = speaker_left(doc, c - 2, pre);
        if (s.first >= 0)
            return s;
    }
    for (long v = c - 3; v >= pre && v > c - 20; v--) {
        /* "“…,” said Skelly, explaining": the speaker after an inverted cue */
        if (!is_cue(src_tok(doc, (size_t)v)))
            continue;
        if (v == 0 || src_tok(doc, (size_t)v - 1)->type != TOK_QUOTE)
            break; /* not "endorsed Senator Cruz of Texas, urging": an object after its verb */
        span s = np_right(doc, v + 1, c - 1);
        if (s.first >= 0 && s.end == c - 1)
            return s;
        break;
    }
    span s = without_its_verb(doc, subject_at(doc, clause_start(doc, local_clause(doc, pre, c - 1), c), c));
    /* "“A,” said Tom Hale at the time, adding that “B”": the nearest speaker before it in the
     * sentence, among the last few attributions */
    const src_attr *attrs = doc->attrs.data;
    uint32_t sentence = src_tok(doc, (size_t)c)->sentence;
    for (size_t a = doc->attrs.len, seen = 0; s.first < 0 && a-- > 0 && seen < 16; seen++)
        if (attrs[a].speaker_first >= 0 && attrs[a].speaker_end <= c && attrs[a].speaker_first >= pre &&
            src_tok(doc, (size_t)attrs[a].speaker_first)->sentence == sentence)
            s = (span){attrs[a].speaker_first, attrs[a].speaker_end};
    return s.first >= 0 ? s : main_clause_subject(doc, pre, c - 1);
}

/* "An official who spoke anonymously to discuss the plan said", "Another source speaking to Fox
 * News said": the noun before "who" or the participle in the words up to token `last`, else none. */
static span relative_antecedent(const src_doc *doc, long pre, long last)
{
    for (long w = last; w > pre && w > last - 16 && src_tok(doc, (size_t)w)->type == TOK_WORD; w--) {
        if (src_word_is(doc, (size_t)w, "who") || ends_in_ing(doc, src_tok(doc, (size_t)w))) {
            long first = np_left(doc, w - 1, pre);
            return first <= w - 1 && has_head(doc, (span){first, w}) ? (span){first, w} : no_span;
        }
    }
    return no_span;
}

/* Is token `c` the verb of a relative clause ("who has not endorsed") that starts after `first`? */
static bool in_relative_clause(const src_doc *doc, long first, long c)
{
    for (long w = c - 1; w > first && w > c - 8 && src_tok(doc, (size_t)w)->type == TOK_WORD; w--)
        if (src_tok(doc, (size_t)w)->lex & LEX_RELATIVE)
            return true;
    return false;
}

static bool past_tense_verb(const src_doc *doc, long i);

/* "In an interview in prison last year, Lazar said he welcomed it and added": the subject after
 * the last comma before token `k` that a name or a pronoun follows, when the opening phrase
 * before it hides the clause's start. */
static span subject_after_comma(const src_doc *doc, long first, long k, long c)
{
    for (long j = k - 1; j > first && j > k - 24; j--) {
        const src_token *n = src_tok(doc, (size_t)j + 1);
        if (src_is_punct(src_tok(doc, (size_t)j), ',') && (is_cap(n) || (n->type == TOK_WORD && (n->lex & LEX_PRONOUN))))
            return clause_subject(doc, j + 1, c);
    }
    return no_span;
}

/* The subject of cue `c` when no noun phrase stands just before it: the subject of the clause
 * after a linking word or before an infinitive ("Carson did not name them, but told", "and later
 * said", "went on to say"), or the noun before a relative clause ("An official who spoke
 * anonymously said"). */
static span subject_of_verb(const src_doc *doc, long pre, long c)
{
    long k = c - 1;
    while (k > pre && is_adverb(doc, src_tok(doc, (size_t)k)))
        k--;
    if (k < pre)
        return no_span;
    const src_token *t = src_tok(doc, (size_t)k);
    if ((src_tok(doc, (size_t)c)->lex & LEX_PARTICIPLE) || (t->lex & (LEX_AND | LEX_CLAUSE)) || src_word_is(doc, (size_t)k, "to")) {
        long clause = local_clause(doc, pre, k);
        span s = clause_subject(doc, clause, c);
        if (s.first < 0)
            s = subject_after_comma(doc, clause, k, c);
        return s.first >= 0 ? s : plain_subject(doc, clause_start(doc, clause, c), c);
    }
    return relative_antecedent(doc, pre, k);
}

/* ---- building attributions ---- */

static span verb_speaker(const src_doc *doc, long c, long limit);
static bool comma_before(const src_doc *doc, long c, long sfirst);

/* Is `speaker` only a determiner and a describing word or two that make cue `cue` a noun ("a
 * snappy retort", "the harsh talk about", "a statement of concern"), no one speaking? The cue is a
 * base form ("retort", not "says", "shouted" nor "found"), which a singular subject could not take,
 * and names no speaker itself ("the congressional report said"). */
static bool describes_the_cue(const src_doc *doc, span speaker, span cue)
{
    static const char *const singular[] = {"a", "an", "the", "this", "another", "every", "each"};
    /* plural or collective nouns without an "s": "the women say", "a third say" */
    static const char *const plurals[] = {"women", "men", "people", "police", "children", "public", "staff",
                                          "crowd", "media", "press", "third", "half", "majority", "minority"};
    /* "several negative comments about", "other public promises to": a plural noun after them */
    static const char *const plural_determiners[] = {"several", "other", "many", "some", "numerous"};
    if (speaker.first < 0 || cue.first != speaker.end || speaker.end - speaker.first < 2)
        return false;
    bool plural = WORD_AMONG(doc, (size_t)speaker.first, plural_determiners);
    if (!plural && !WORD_AMONG(doc, (size_t)speaker.first, singular))
        return false;
    const src_token *before = speaker.first > 0 ? src_tok(doc, (size_t)speaker.first - 1) : NULL;
    if (before && (before->lex & (LEX_PREP | LEX_OF | LEX_RELATIVE | LEX_AUX)))
        return false; /* the tail of a longer phrase ("officials on the island believe"), a question ("does a rebel persuade") */
    const src_token *c = src_tok(doc, (size_t)cue.first);
    if (c->type != TOK_WORD || (c->lex & (LEX_DOC | LEX_ROLE | LEX_ORG)) || src_word_ends_in(doc, c, "ed", 3) || has_ing(doc, c) ||
        WORD_AMONG(doc, (size_t)cue.first, irregular_pasts) || src_word_ends_in(doc, c, "s", 2) != plural || src_word_ends_in(doc, c, "ss", 3))
        return false;
    const src_token *last = src_tok(doc, (size_t)speaker.end - 1);
    if (last->lex & LEX_OF)
        return true; /* "a statement of concern about", "a lot of talk about" */
    if (speaker.end - speaker.first > 3)
        return false;
    for (long k = speaker.first + 1; k < speaker.end; k++) {
        const src_token *w = src_tok(doc, (size_t)k);
        if (w->type != TOK_WORD || (w->flags & TF_CAP) || w->lex || src_word_ends_in(doc, w, "s", 2) ||
            WORD_AMONG(doc, (size_t)k, plurals))
            return false;
    }
    return true;
}

/* The speaker of a noun cue that describes_the_cue found: the subject of the verb before its
 * determiner ("Sanders delivered a snappy retort"), else no one ("a passing promise raised …"). */
static span speaker_of_described_cue(const src_doc *doc, span speaker)
{
    long sfirst = (long)((const src_sentence *)doc->sentences.data)[src_tok(doc, (size_t)speaker.first)->sentence].first;
    long v = speaker.first - 1;
    const src_token *w = v >= sfirst ? src_tok(doc, (size_t)v) : NULL;
    if (!w || w->type != TOK_WORD || (w->flags & TF_CAP) || w->region >= 0 ||
        (w->lex & ~(LEX_CUE | LEX_PARTICIPLE | LEX_WEAK | LEX_TELL | LEX_STANCE)))
        return no_span;
    if (v > sfirst && comma_before(doc, v, sfirst) && ends_in_ing(doc, w))
        return participle_speaker(doc, v, sfirst);
    return verb_speaker(doc, v, sfirst);
}

static bool raising_verb(const src_doc *doc, long c, long sfirst);

/* Is the "that" at `r` a relative pronoun, after the noun it stands for ("county leaders that
 * ratify", "polls by Quinnipiac University that showed"), not a verb's "said that"? */
static bool relative_that(const src_doc *doc, long r, long sfirst)
{
    if (r <= sfirst || !src_word_is(doc, (size_t)r, "that"))
        return false;
    const src_token *n = src_tok(doc, (size_t)r - 1);
    return n->type == TOK_WORD && n->region < 0 && !(n->lex & (LEX_CUE | LEX_AUX | LEX_PREP | LEX_CLAUSE | LEX_PRONOUN)) &&
           !is_be(doc, r - 1) &&
           ((n->flags & TF_CAP) || (n->lex & (LEX_ROLE | LEX_ORG | LEX_DOC | LEX_PLURAL)) || src_word_ends_in(doc, n, "s", 4));
}

/* Do people or a name stand right before the participle `c`, doing it: "included staff members
 * suggesting", "quoted Ruiz saying"? (Not "a statement Tuesday questioning", "his speech defending".) */
static bool after_people(const src_doc *doc, long c)
{
    const src_token *p = src_tok(doc, (size_t)c - 1);
    return p->type == TOK_WORD && !(p->lex & LEX_TIME) &&
           ((p->lex & (LEX_ROLE | LEX_PLURAL)) || (p->flags & TF_CAP) || (!p->lex && src_word_ends_in(doc, p, "s", 4)));
}

/* The relative pronoun whose clause cue `c` is the verb of, whoever it stands for: "leaders that
 * typically ratify", "Hale, who, on a call Friday, criticized", "who spent the speech defending";
 * -1 when none. Not the main verb after a relative clause ("dockers who praised the plan warned"),
 * nor a verb after "and", which goes with either clause as often. */
static long relative_subject_of(const src_doc *doc, long c, long sfirst)
{
    long r = c - 1;
    for (; r >= sfirst && r > c - 16; r--) {
        const src_token *t = src_tok(doc, (size_t)r);
        if (t->region >= 0 || t->type == TOK_QUOTE || (t->type == TOK_PUNCT && !src_is_punct(t, ',')))
            return -1;
        if (t->type != TOK_WORD || !(t->lex & (LEX_CLAUSE | LEX_RELATIVE)))
            continue;
        if (((t->lex & LEX_RELATIVE) && !(t->flags & TF_CAP) && !src_word_is(doc, (size_t)r, "whom")) || relative_that(doc, r, sfirst))
            break;
        return -1; /* another clause: "who told Congress when asked" */
    }
    if (r < sfirst || r <= c - 16)
        return -1;
    long start = r + 1;
    if (src_is_punct(src_tok(doc, (size_t)start), ',')) { /* an aside after the pronoun: "who, on a call Friday," */
        start++;
        while (start < c && !src_is_punct(src_tok(doc, (size_t)start), ','))
            start++;
        if (start >= c)
            return -1;
        start++;
    }
    bool adverbs_only = true;
    for (long k = start; k < c; k++) {
        if (src_is_punct(src_tok(doc, (size_t)k), ','))
            return -1; /* "Lee, who did not respond to a request, has denied": the main verb */
        adverbs_only &= is_adverb(doc, src_tok(doc, (size_t)k));
    }
    const src_token *n = src_tok(doc, (size_t)start);
    if (raising_verb(doc, c, sfirst) || (n->type == TOK_WORD && (n->flags & TF_CAP)) ||
        (n->lex & (LEX_DEF | LEX_INDEF | LEX_PRONOUN | LEX_POSSESSIVE)))
        return -1; /* "words which appear to have hurt her": no one's view; "that the state could": a subject of its own */
    return adverbs_only || (ends_in_ing(doc, src_tok(doc, (size_t)c)) && !after_people(doc, c)) ? r : -1;
}

/* Is the speaker found for a cue in a relative clause ("Ruiz, who later criticized") a noun further
 * before it or a fragment of the clause ("spent much of her speech defending"), where the relative pronoun
 * at `r` is the speaker? Not a subject of its own inside: "the union, which the mayor criticized". */
static bool speaker_outside_relative(const src_doc *doc, span speaker, long r)
{
    if (speaker.first >= 0 && (speaker.end == r || (speaker.end == r - 1 && src_is_punct(src_tok(doc, (size_t)r - 1), ','))))
        return false; /* the noun it stands for, as annotators take it as often: "The polls that show" */
    if (speaker.first < 0 || speaker.first < r)
        return true;
    const src_token *t = src_tok(doc, (size_t)speaker.first);
    bool time = (t->lex & LEX_TIME) && !(t->lex & LEX_AUX); /* "who, on a call Friday, criticized" */
    return speaker.first > r && t->type == TOK_WORD &&
           (time || (!(t->flags & TF_CAP) && !(t->lex & (LEX_PRONOUN | LEX_DEF | LEX_INDEF | LEX_POSSESSIVE | LEX_NUMBER | LEX_ROLE))));
}

/* "the league, whose political arm has endorsed", "Mr. Lee, whose new book boasts of": "whose" and
 * its noun speak for a cue that only adverbs or auxiliaries separate from them; no_span else. */
static span whose_subject(const src_doc *doc, long c, long sfirst)
{
    long w = c - 1;
    while (w > sfirst && w > c - 8 && src_tok(doc, (size_t)w)->type == TOK_WORD &&
           !((src_tok(doc, (size_t)w)->lex & LEX_CLAUSE) && src_word_is(doc, (size_t)w, "whose")))
        w--;
    if (w <= sfirst || !src_word_is(doc, (size_t)w, "whose"))
        return no_span;
    long end = w + 1;
    while (end < c && end < w + 3 && np_word(src_tok(doc, (size_t)end)) && !(src_tok(doc, (size_t)end)->flags & TF_CAP) &&
           !is_adverb(doc, src_tok(doc, (size_t)end)))
        end++;
    for (long k = end; k < c; k++)
        if (!is_adverb(doc, src_tok(doc, (size_t)k)))
            return no_span;
    return end > w + 1 ? (span){w, end} : no_span;
}

static src_attr *new_attr(src_doc *doc, onr_quote_kind kind, long first, long end, span speaker, span cue)
{
    if (describes_the_cue(doc, speaker, cue))
        speaker = speaker_of_described_cue(doc, speaker);
    if (cue.first > 0) {
        long sfirst = (long)((const src_sentence *)doc->sentences.data)[src_tok(doc, (size_t)cue.first)->sentence].first;
        long r = relative_subject_of(doc, cue.first, sfirst);
        span whose = r < 0 ? whose_subject(doc, cue.first, sfirst) : no_span;
        if (r >= 0 && speaker_outside_relative(doc, speaker, r))
            speaker = (span){r, r + 1};
        else if (whose.first >= 0 && (speaker.first < 0 || speaker.first < whose.first))
            speaker = whose;
    }
    src_attr *a = src_vec_push(doc->mem, &doc->attrs);
    if (!a)
        return NULL;
    a->kind = kind;
    a->first = (size_t)first;
    a->end = (size_t)end;
    a->speaker_first = speaker.first;
    a->speaker_end = speaker.end;
    a->cue_first = cue.first;
    a->cue_end = cue.end;
    a->source = ONR_NO_SOURCE;
    a->id = doc->attrs.len - 1;
    src_piece *p = src_vec_push(doc->mem, &doc->pieces);
    if (!p)
        return NULL;
    p->attr_id = a->id;
    p->first = (size_t)first;
    p->end = (size_t)end;
    a->piece_count = 1;
    for (long k = cue.first; k >= 0 && k < cue.end; k++)
        src_tok(doc, (size_t)k)->flags |= TF_USED;
    return a;
}

static bool add_piece(src_doc *doc, src_attr *a, size_t first, size_t end)
{
    src_piece *p = src_vec_push(doc->mem, &doc->pieces);
    if (!p)
        return false;
    p->attr_id = a->id;
    p->first = first;
    p->end = end;
    a->piece_count++;
    if (first < a->first)
        a->first = first;
    if (end > a->end)
        a->end = end;
    return true;
}

/* ---- quotation regions: quote, partial quote or title ---- */

static bool title_word(const src_token *t)
{
    return (t->flags & TF_CAP) || (t->lex & (LEX_OF | LEX_AND | LEX_PREP | LEX_DEF | LEX_INDEF));
}

/* Is token `open` inside a reported clause of its sentence: "said that …", or the nearest verb and
 * at least three words of its clause ("said the closure was not their fault, “not by a long
 * shot.”") in a sentence with no quotation before (not the second half of "“A,” X said …, “b …”")? */
static bool after_reported_that(const src_doc *doc, size_t open)
{
    uint32_t sentence = src_tok(doc, open)->sentence;
    bool that = false, cue_seen = false, clause = false;
    size_t words = 0;
    for (size_t k = open; k-- > 0 && k + 40 > open && src_tok(doc, k)->sentence == sentence;) {
        if (src_tok(doc, k)->region >= 0)
            return false;
        if (src_word_is(doc, k, "that"))
            that = true;
        else if (is_cue(src_tok(doc, k))) {
            if (that)
                return true;
            clause = clause || (!cue_seen && words >= 3);
            cue_seen = true;
        }
        words += is_wordlike(src_tok(doc, k));
    }
    return clause;
}

/* "the reality show “The Apprentice,”", "his new book, “Crippled America,”": the name of a work after
 * the noun for its kind. */
static bool names_a_work(const src_doc *doc, const src_region *r, size_t words, size_t caps)
{
    static const char *const kinds[] = {"show", "book", "movie", "film", "series", "program", "programme",
                                        "musical", "play", "song", "album", "novel", "documentary", "sitcom",
                                        "memoir", "podcast", "episode", "opera", "poem"};
    size_t k = r->open;
    if (k > 0 && src_is_punct(src_tok(doc, k - 1), ','))
        k--;
    const src_token *first = src_tok(doc, r->open + 1);
    if (k == 0 || (src_tok(doc, r->open)->flags & TF_PARA) || caps * 2 < words ||
        !(is_cap(first) || first->type == TOK_NUMBER))
        return false;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (src_word_is(doc, k - 1, kinds[i]))
            return true;
    return false;
}

/* "“Lose safety? Lose work? No to Schengen” (2005)": a year in parentheses after the closing mark
 * dates a work, a slogan or a poster, not somebody's words. */
static bool dated_title(const src_doc *doc, const src_region *r)
{
    size_t k = r->close + 1;
    if (!r->closed || k + 2 >= src_ntok(doc) || !src_is_punct(src_tok(doc, k), '(') ||
        !src_is_punct(src_tok(doc, k + 2), ')') || src_tok(doc, k + 1)->type != TOK_NUMBER)
        return false;
    const src_token *year = src_tok(doc, k + 1);
    const char *y = doc->text + year->start;
    return year->end - year->start == 4 && (y[0] == '1' || y[0] == '2') && (y[1] == '9' || y[1] == '0' || y[1] == '8');
}

/* "“…” http://bit.ly/1Qz0RCt": an excerpt that a link follows is another publication's text that
 * a newsletter passes on, not somebody's words. */
static bool linked_excerpt(const src_doc *doc, const src_region *r)
{
    size_t k = r->close + 1;
    if (!r->closed || k >= src_ntok(doc) || (src_tok(doc, k)->flags & TF_PARA))
        return false;
    const src_token *t = src_tok(doc, k);
    size_t n = doc->len - t->start;
    const char *w = doc->text + t->start;
    return (n >= 7 && !memcmp(w, "http://", 7)) || (n >= 8 && !memcmp(w, "https://", 8)) || (n >= 4 && !memcmp(w, "www.", 4));
}

/* A paragraph of a few words alone in single quotation marks ("'A fight from start to finish.'") is
 * a heading in the newspapers' headline style, not somebody's quote. */
enum { HEADING_MAX_WORDS = 8 };

static bool single_quoted_heading(const src_doc *doc, const src_region *r, size_t words)
{
    const src_token *open = src_tok(doc, r->open);
    size_t after = r->close + 1;
    return r->closed && !r->continued && words <= HEADING_MAX_WORDS && (open->flags & TF_PARA) &&
           (open->mark == MARK_SINGLE || open->mark == MARK_STRAIGHT_SINGLE) &&
           (after >= src_ntok(doc) || (src_tok(doc, after)->flags & TF_PARA));
}

/* A word in capitals only ("CHINA’S", "HOW"), or a number, as newsletters set their headlines. */
static bool in_capitals(const src_doc *doc, const src_token *t)
{
    if (t->type == TOK_NUMBER)
        return true;
    if (t->type != TOK_WORD || !(t->flags & TF_CAP))
        return false;
    for (uint32_t b = t->start; b < t->end; b++)
        if (doc->text[b] >= 'a' && doc->text[b] <= 'z')
            return false;
    return true;
}

/* The headline in capitals that opens the paragraph of the quotation at `open` and runs up to it,
 * as newsletters print an item ("HOW THE OLD PORT WAS SAVED “…” [Tribune.]"): the item's
 * excerpt, cited by its headline. */
static span caps_headline_before(const src_doc *doc, size_t open)
{
    if (open == 0 || (src_tok(doc, open)->flags & TF_PARA) || !in_capitals(doc, src_tok(doc, open - 1)) ||
        src_tok(doc, open)->region < 0)
        return no_span;
    const src_region *r = (const src_region *)doc->regions.data + src_tok(doc, open)->region;
    size_t w = open + 1;
    while (w < r->close && (!is_wordlike(src_tok(doc, w)) || in_capitals(doc, src_tok(doc, w))))
        w++;
    if (w >= r->close)
        return no_span; /* not the title in "GEEKING OUT OVER THE ‘WONDER WOMAN’ TRAILER" */
    size_t words = 0;
    for (size_t k = open; k-- > 0 && open - k <= 40;) {
        const src_token *t = src_tok(doc, k);
        if (in_capitals(doc, t))
            words++;
        else if (t->type != TOK_QUOTE && !(t->type == TOK_PUNCT && strchr(",:-", t->punct)))
            return no_span;
        if (t->flags & TF_PARA)
            return words >= 3 ? (span){(long)k, (long)open} : no_span;
    }
    return no_span;
}

/* "his", "their": a possessive that stands for its owner ("their chants of"). */
static bool possessive_determiner(const src_doc *doc, long k) { return (src_tok(doc, (size_t)k)->lex & LEX_POSSESSIVE) != 0; }

/* The token before the quotation opening at `open`, past a comma ("chanted, “…”"). */
static size_t word_before_quote(const src_doc *doc, size_t open) { return open - 1 - src_is_punct(src_tok(doc, open - 1), ','); }

/* The noun of "chants of “Four more years”", "their shouts of “…”" before the quotation opening
 * at `open`, or -1. */
static long chant_noun(const src_doc *doc, size_t open)
{
    static const char *const nouns[] = {"chants", "chant", "shouts"};
    if (open < 3 || (src_tok(doc, open)->flags & TF_PARA))
        return -1;
    size_t of = word_before_quote(doc, open);
    return src_word_is(doc, of, "of") && WORD_AMONG(doc, of - 1, nouns) ? (long)of - 1 : -1;
}

/* "chanting “Lock the gates!”", "chants of “Four more years”": what a crowd chants or shouts is
 * its speech, however short, not a title. */
static bool after_a_chant(const src_doc *doc, size_t open)
{
    static const char *const verbs[] = {"chanting", "chanted", "shouting", "shouted", "yelling", "yelled", "screaming", "screamed"};
    if (open < 2 || (src_tok(doc, open)->flags & TF_PARA))
        return false;
    return WORD_AMONG(doc, word_before_quote(doc, open), verbs) || chant_noun(doc, open) >= 0;
}

static void classify_region(src_doc *doc, src_region *r)
{
    size_t words = 0, caps = 0;
    bool ends_clause = false;
    for (size_t k = r->open + 1; k < r->close || (!r->closed && k <= r->close); k++) {
        const src_token *t = src_tok(doc, k);
        if (is_wordlike(t)) {
            words++;
            caps += title_word(t);
        }
    }
    if (r->close > r->open + 1) {
        const src_token *last = src_tok(doc, r->close - 1);
        ends_clause = last->type == TOK_PUNCT && strchr(".!?,", last->punct);
    }
    const src_token *open = src_tok(doc, r->open);
    const src_token *prev = r->open > 0 && !(open->flags & TF_PARA) ? src_tok(doc, r->open - 1) : NULL;
    const src_token *prev2 = prev && r->open > 1 && !(prev->flags & TF_PARA) ? src_tok(doc, r->open - 2) : NULL;
    const src_token *next = r->closed && r->close + 1 < src_ntok(doc) ? src_tok(doc, r->close + 1) : NULL;
    /* what a crowd chants, and a newsletter item's excerpt after its headline, are quotes */
    if (words > 0 && (after_a_chant(doc, r->open) || caps_headline_before(doc, r->open).first >= 0)) {
        r->role = REGION_FULL;
        return;
    }
    /* Names and titles: “…” after "called" or "the so-called", a headline credited "by" someone,
     * an attribute value in embedded markup (author="@name") or the text after one (…">text). */
    if (words == 0 || (prev && (prev->lex & LEX_NAMING)) || names_a_work(doc, r, words, caps) || dated_title(doc, r) || linked_excerpt(doc, r) ||
        single_quoted_heading(doc, r, words) ||
        (prev2 && (prev2->lex & LEX_NAMING) && prev && (prev->lex & (LEX_DEF | LEX_INDEF | LEX_PREP))) ||
        (prev && prev->type == TOK_PUNCT && prev->punct == '=') ||
        (r->open + 1 < src_ntok(doc) && src_is_punct(src_tok(doc, r->open + 1), '>')) ||
        (next && next->type == TOK_WORD && !(next->flags & TF_PARA) && src_word_is(doc, r->close + 1, "by") &&
         !(src_tok(doc, r->close - 1)->type == TOK_PUNCT && src_tok(doc, r->close - 1)->punct == '.'))) {
        r->role = REGION_TITLE;
        return;
    }
    /* "said “it makes me angry” every time": a quotation that opens in lowercase right after the
     * verb goes on with the writer's clause, unlike "said: “It …”" or "said “It …”". */
    bool lower_start = r->open + 1 < r->close && src_tok(doc, r->open + 1)->type == TOK_WORD &&
                       !(src_tok(doc, r->open + 1)->flags & TF_CAP);
    /* "said that, whatever he does, “his word does not …”": the clause goes on after the comma */
    bool starts_clause = !prev || (prev->type == TOK_PUNCT && strchr(":,;-([.", prev->punct) &&
                                   !(lower_start && src_is_punct(prev, ',') && after_reported_that(doc, r->open))) ||
                         prev->type == TOK_QUOTE || (is_cue(prev) && !lower_start) ||
                         (prev->sentence != open->sentence) ||
                         ((prev2 == NULL || prev2->sentence != prev->sentence) && (prev->lex & (LEX_CLAUSE | LEX_AND)));
    const src_token *last_inner = r->close > r->open + 1 ? src_tok(doc, r->close - 1) : open;
    bool ends_sentence = last_inner->type == TOK_PUNCT && strchr(".!?", last_inner->punct);
    /* "the hit play, “Eclipsed.”", "their slogan, “Stronger Together.”": a title in apposition to a
     * plain noun, unlike "she said, “Thank You.”" */
    bool apposed = prev && src_is_punct(prev, ',') && prev2 && prev2->type == TOK_WORD && !(prev2->flags & TF_CAP) &&
                   !(prev2->lex & (LEX_CUE | LEX_PRONOUN | LEX_CLAUSE | LEX_AUX | LEX_PREP));
    if (caps == words && words <= 6 && (!starts_clause || apposed || (!ends_sentence && !ends_clause))) {
        r->role = REGION_TITLE; /* “Saturday Night Live”, “America’s Bitter Pill,” */
        return;
    }
    const src_token *after = r->closed && r->close + 1 < src_ntok(doc) ? src_tok(doc, r->close + 1) : NULL;
    bool clause_follows = !after || (after->flags & TF_PARA) || (after->type == TOK_PUNCT && strchr(",.;!?-", after->punct));
    for (size_t k = r->close + 1; after && !clause_follows && k < src_ntok(doc) && k < r->close + 5; k++) {
        const src_token *t = src_tok(doc, k);
        if (t->type != TOK_WORD || (t->flags & TF_PARA))
            break;
        clause_follows = is_cue(t); /* “We won” she said */
    }
    if (starts_clause && (words >= 3 || ends_clause || clause_follows))
        r->role = REGION_FULL;
    else if (!starts_clause && words >= 10 && ends_clause) {
        r->role = REGION_FULL;
        r->embedded = true;
    }
    else
        r->role = REGION_PARTIAL;
}

/* "“…,” Oliver barked.", "“…?” Hannity pressed.", "“…,” she shot back": after a quotation
 * that ends in a comma, "?" or "!", a pronoun or a name and one plain verb (and a particle) that
 * end the clause are its attribution, whatever the verb. */
static bool unlisted_verb_attribution(const src_doc *doc, const src_region *r, span *speaker, span *cue)
{
    size_t n = src_ntok(doc);
    long k = (long)r->close + 1;
    if (!r->closed || r->close < r->open + 2 || (size_t)k >= n || (src_tok(doc, (size_t)k)->flags & TF_PARA))
        return false;
    const src_token *last = src_tok(doc, r->close - 1), *t = src_tok(doc, (size_t)k);
    if (last->type != TOK_PUNCT || !strchr(",?!", last->punct))
        return false;
    span who = no_span;
    if (t->type == TOK_WORD && (t->lex & LEX_PRONOUN) && !(t->lex & LEX_RELATIVE))
        who = (span){k, k + 1};
    else if (is_cap(t) || (t->type == TOK_WORD && (t->lex & (LEX_DEF | LEX_INDEF))))
        who = np_right(doc, k, (long)n < k + 12 ? (long)n : k + 12);
    if (who.first < 0 || (who.end - who.first > 1 && !is_cap(src_tok(doc, (size_t)who.end - 1))))
        return false; /* "Trump", "he", "Sen. Tim Kaine", "an angry Hollande", not "Her critics" */
    long v = who.end, end = v + 1;
    const uint64_t not_verb = LEX_PREP | LEX_DEF | LEX_INDEF | LEX_AND | LEX_CLAUSE | LEX_PRONOUN | LEX_AUX | LEX_OF;
    if ((size_t)v >= n || src_tok(doc, (size_t)v)->type != TOK_WORD || (src_tok(doc, (size_t)v)->flags & (TF_CAP | TF_PARA)) ||
        (src_tok(doc, (size_t)v)->lex & not_verb))
        return false;
    if ((size_t)end < n && src_tok(doc, (size_t)end)->type == TOK_WORD && !(src_tok(doc, (size_t)end)->flags & (TF_CAP | TF_PARA)))
        end++; /* "shot back", "went on" */
    const src_token *after = (size_t)end < n ? src_tok(doc, (size_t)end) : NULL;
    if (after && !(after->flags & TF_PARA) && !(after->type == TOK_PUNCT && strchr(".,;!?", after->punct)) &&
        !(after->type == TOK_WORD && (after->lex & LEX_PREP) && !src_word_is(doc, (size_t)end, "to")))
        return false; /* "shot back with a laugh", not "walked to the podium" */
    *speaker = who;
    *cue = (span){v, end};
    return true;
}

/* A signature under a quotation, as fact-checks and vox pops print them: "“…”" / "- Hillary
 * Clinton." / "—President Obama, tweeting after the speech." on the next line, or "“…” ― Ana Ruiz"
 * ending the quotation's own paragraph. `dash` is the token right after the quotation. */
static bool signature_line(const src_doc *doc, long dash, span *speaker)
{
    if ((size_t)dash + 2 >= src_ntok(doc) || !src_is_punct(src_tok(doc, (size_t)dash), '-') ||
        !is_cap(src_tok(doc, (size_t)dash + 1)))
        return false;
    bool own_line = src_tok(doc, (size_t)dash)->flags & TF_PARA;
    long end = (long)((const src_sentence *)doc->sentences.data)[src_tok(doc, (size_t)dash)->sentence].end;
    span name = np_right(doc, dash + 1, end);
    if (name.first < 0)
        return false;
    bool paragraph_ends = (size_t)name.end >= src_ntok(doc) || (src_tok(doc, (size_t)name.end)->flags & TF_PARA);
    if (own_line ? name.end >= end || paragraph_ends ||
                       !(src_is_punct(src_tok(doc, (size_t)name.end), '.') || src_is_punct(src_tok(doc, (size_t)name.end), ','))
                 : !paragraph_ends && !(name.end < end && src_is_punct(src_tok(doc, (size_t)name.end), '.') &&
                                         ((size_t)name.end + 1 >= src_ntok(doc) ||
                                          (src_tok(doc, (size_t)name.end + 1)->flags & TF_PARA))))
        return false;
    *speaker = name;
    return true;
}

/* A pull quote as some sites print them: the quotation left open at its paragraph's end, then a
 * line of only a name, perhaps with its affiliation, that a period and the closing mark end
 * ("“…" / "Ana Ruiz, Dock Workers Union.""). */
static bool name_line_under(const src_doc *doc, const src_region *r, span *speaker)
{
    size_t n = src_ntok(doc), first = r->close + 1, close = first;
    if (r->closed || first >= n || !is_cap(src_tok(doc, first)) || !(src_tok(doc, first)->flags & TF_PARA))
        return false;
    while (close < n && close < first + 16 && src_tok(doc, close)->type != TOK_QUOTE &&
           (close == first || !(src_tok(doc, close)->flags & TF_PARA)))
        close++;
    if (close >= n || close < first + 2 || src_tok(doc, close)->type != TOK_QUOTE || (src_tok(doc, close)->flags & TF_PARA) ||
        !src_is_punct(src_tok(doc, close - 1), '.') || (close + 1 < n && !(src_tok(doc, close + 1)->flags & TF_PARA)))
        return false;
    span name = np_right(doc, (long)first, (long)close - 1);
    if (name.first < 0 || (name.end < (long)close - 1 && !src_is_punct(src_tok(doc, (size_t)name.end), ',')))
        return false;
    *speaker = name;
    return true;
}

/* "Iowa State's Dianne Bystrom agreed. “…”": a sentence that is only a speaker and a reporting
 * verb, ending at the period `dot`, introduces the quote after it. */
static bool bare_attribution(const src_doc *doc, long dot, span *speaker, span *cue)
{
    if (dot < 2 || !src_is_punct(src_tok(doc, (size_t)dot), '.') || !is_cue(src_tok(doc, (size_t)dot - 1)) ||
        (src_tok(doc, (size_t)dot - 1)->flags & TF_USED))
        return false;
    long first = (long)((const src_sentence *)doc->sentences.data)[src_tok(doc, (size_t)dot)->sentence].first;
    span s = speaker_left(doc, dot - 1, first);
    const src_token *before = s.first > first ? src_tok(doc, (size_t)s.first - 1) : NULL;
    if (s.first < 0 || (before && before->type != TOK_QUOTE && s.first != skip_opening_phrase(doc, first, dot)))
        return false; /* "“A,” Wilcox said.", but not "… he had trailed Clinton by 50 points." */
    *speaker = s;
    *cue = (span){dot - 1, dot};
    return true;
}

/* Does a past-tense verb stand just before or inside the phrase `s` (from `pre` on): "emailed
 * supporters", "The senator rallied supporters"? */
static bool follows_a_verb(const src_doc *doc, span s, long pre)
{
    for (long k = s.first > pre ? s.first - 1 : s.first; k < s.end - 1; k++)
        if (past_tense_verb(doc, k))
            return true;
    return false;
}

/* Does the phrase `s` stand after a verb or a preposition of its clause, as its object: "sent an
 * email saying", "posted a message on Twitter reading"? Not after "with" ("with Trump tweeting"). */
static bool object_of_the_clause(const src_doc *doc, span s, long pre)
{
    if (s.first <= pre)
        return false;
    const src_token *b = src_tok(doc, (size_t)s.first - 1);
    return b->type == TOK_WORD && !(b->flags & TF_CAP) && !src_word_is(doc, (size_t)s.first - 1, "with") &&
           !(b->lex & (LEX_AND | LEX_CLAUSE | LEX_RELATIVE | LEX_PRONOUN | LEX_DEF | LEX_INDEF));
}

/* "hinted at it by mentioning", "took the step of criticizing": an -ing form right after a
 * preposition is the act of the clause's subject. */
static bool gerund_after_preposition(const src_doc *doc, long c, long pre)
{
    return c > pre && (src_tok(doc, (size_t)c)->lex & LEX_PARTICIPLE) &&
           (src_tok(doc, (size_t)c - 1)->lex & (LEX_PREP | LEX_OF)) && !(src_tok(doc, (size_t)c - 1)->flags & TF_CAP);
}

/* Is `s` the object of a verb just before it ("issued a statement saying"), not of a preposition
 * ("a video of her slamming", "in the wake of a poll showing": the noun acts there)? */
static bool object_of_a_verb(const src_doc *doc, span s, long pre)
{
    static const char *const not_verbs[] = {"now", "then", "also", "even", "still", "just", "only", "what", "including"};
    if (s.first <= pre || !object_of_the_clause(doc, s, pre))
        return false;
    const src_token *b = src_tok(doc, (size_t)s.first - 1);
    return !(b->lex & (LEX_PREP | LEX_OF)) && !is_adverb(doc, b) && !WORD_AMONG(doc, (size_t)s.first - 1, not_verbs);
}

/* "The senator emailed supporters saying: “…”": a participle `c` whose `speaker` just before it
 * is the object of the clause is the subject's; `speaker` itself otherwise. */
static span subject_over_object(const src_doc *doc, long c, long pre, span speaker)
{
    bool after_preposition = speaker.first < 0 && gerund_after_preposition(doc, c, pre); /* "Trump by calling" */
    if (!(src_tok(doc, (size_t)c)->lex & LEX_PARTICIPLE) ||
        (!after_preposition && (speaker.first < pre || !(follows_a_verb(doc, speaker, pre) || object_of_the_clause(doc, speaker, pre)))))
        return speaker;
    span subject = participle_speaker(doc, c, pre);
    if (subject.first < 0 || (subject.end == subject.first + 1 &&
                              (has_ing(doc, src_tok(doc, (size_t)subject.first)) ||
                               ends_in_ly(doc, src_tok(doc, (size_t)subject.first)))))
        return speaker; /* not "Looking back, …", "Shortly after, …" */
    return subject;
}

/* "Ruiz said, “A,” adding, “B.”": a participle right after a quotation (a comma between or not)
 * is the speaker's of that quotation, if it has one yet. */
static span speaker_of_quote_before(const src_doc *doc, long c)
{
    long close = c - 1 - (c > 1 && src_is_punct(src_tok(doc, (size_t)c - 1), ','));
    if (close < 1 || src_tok(doc, (size_t)close)->type != TOK_QUOTE || src_tok(doc, (size_t)close)->region < 0)
        return no_span;
    size_t open = ((const src_region *)doc->regions.data)[src_tok(doc, (size_t)close)->region].open;
    const src_attr *attrs = doc->attrs.data;
    for (size_t a = doc->attrs.len, seen = 0; a-- > 0 && seen < 8; seen++)
        if (attrs[a].kind == ONR_QUOTE_DIRECT && attrs[a].first <= open && open < attrs[a].end)
            return (span){attrs[a].speaker_first, attrs[a].speaker_end};
    return no_span;
}

/* The speaker of cue `c` in the words from `pre` to the quote at `pre_end` ("She said: “…”");
 * `sentence_first` is where the sentence starts when a quotation of the writer's cut it at `pre`. */
static span speaker_before_quote(const src_doc *doc, long c, long pre, long pre_end, long sentence_first)
{
    const src_token *t = src_tok(doc, (size_t)c);
    bool participle = (t->lex & LEX_PARTICIPLE) && c > pre && src_is_punct(src_tok(doc, (size_t)c - 1), ',');
    span speaker = participle ? participle_speaker(doc, c, pre) : subject_over_object(doc, c, pre, speaker_left(doc, c, pre));
    if (speaker.first < 0 && (t->lex & LEX_PARTICIPLE))
        speaker = speaker_of_quote_before(doc, c);
    if (speaker.first < 0 && c + 1 < pre_end && is_cap(src_tok(doc, (size_t)c + 1))) {
        span after = np_right(doc, c + 1, pre_end); /* "But, said Solovey, “…”" */
        if (after.first >= 0 && after.end >= pre_end - 1)
            speaker = after;
    }
    if (speaker.first > pre && !(src_tok(doc, (size_t)speaker.first)->lex & LEX_PRONOUN)) {
        span antecedent = relative_antecedent(doc, pre, speaker.first - 1);
        if (antecedent.first >= 0)
            speaker = antecedent; /* the noun phrase was the relative clause's object */
    }
    if (speaker.first < 0)
        speaker = subject_of_verb(doc, pre, c);
    if (speaker.first < 0 && (t->lex & LEX_PARTICIPLE) && sentence_first < pre && src_tok(doc, (size_t)pre - 1)->region >= 0 &&
        ((const src_region *)doc->regions.data)[src_tok(doc, (size_t)pre - 1)->region].role != REGION_FULL)
        speaker = clause_subject(doc, sentence_first, c); /* "Kerpen needled the CNN “reporter,” saying" */
    return speaker;
}

/* "Ruiz said (that) she wants “…”": a pronoun speaker that a reporting verb introduces is part of
 * what the one before the verb said, so that one is the speaker and the verb the cue. */
static void reported_by_outer_cue(const src_doc *doc, long pre, long pre_end, long sentence_first, span *speaker,
                                  span *cue)
{
    long outer = speaker->first - 1;
    if (speaker->end != speaker->first + 1 || !(src_tok(doc, (size_t)speaker->first)->lex & LEX_PRONOUN) ||
        (src_tok(doc, (size_t)speaker->first)->lex & LEX_RELATIVE) || outer < pre)
        return;
    if (outer > pre && src_word_is(doc, (size_t)outer, "that"))
        outer--;
    outer = before_time_phrase(doc, outer + 1, pre + 1); /* "said on Thursday he" */
    const src_token *t = src_tok(doc, (size_t)outer);
    if (!is_cue(t) || (t->flags & TF_USED) || (t->lex & LEX_PARTICIPLE))
        return;
    span by = speaker_before_quote(doc, outer, pre, pre_end, sentence_first);
    if (by.first < 0)
        return;
    *speaker = by;
    *cue = (span){outer, outer + 1};
}

/* "Hillary shot back, “…”", "As Vulture put it, “…”": the words from `clause` to the comma at
 * `comma` are only a name or a pronoun and one or two plain words, a verb the lexicon lacks. */
static bool unlisted_verb_before(const src_doc *doc, long clause, long comma, span *speaker, span *cue)
{
    /* "As The Post's Dana Milbank puts it, “…”" */
    bool as_put_it = src_word_is(doc, (size_t)clause, "as") && comma - clause > 3 && src_word_is(doc, (size_t)comma - 1, "it");
    if (as_put_it)
        comma--;
    span who = clause_subject(doc, clause + as_put_it, comma);
    long verb = who.end;
    if (who.first < 0 || (!as_put_it && (src_tok(doc, (size_t)who.first)->lex & (LEX_DEF | LEX_INDEF))) ||
        !(is_cap(src_tok(doc, (size_t)who.end - 1)) || (src_tok(doc, (size_t)who.first)->lex & LEX_PRONOUN)) ||
        verb >= comma || comma - verb > 2)
        return false; /* a name or a pronoun, not "before a 2014 Senate hearing," */
    for (long w = verb; w < comma; w++)
        if (src_tok(doc, (size_t)w)->type != TOK_WORD || (src_tok(doc, (size_t)w)->flags & (TF_CAP | TF_USED)) ||
            (src_tok(doc, (size_t)w)->lex & (LEX_CUE | LEX_PREP | LEX_DEF | LEX_INDEF | LEX_AND | LEX_CLAUSE |
                                              LEX_PRONOUN | LEX_AUX)))
            return false; /* not "“A,” Brafman said, “B.”": the verb is A's */
    *speaker = who;
    *cue = (span){verb, comma};
    return true;
}

/* The cue of "Another official shared his view: “…”": the few plain words from the speaker (and
 * the comma closing its apposition) to the colon at `colon`, else the colon ("Anna Petrova: “…”"). */
static span colon_cue(const src_doc *doc, span speaker, long colon)
{
    long verb = speaker.end + (speaker.first >= 0 && speaker.end < colon && src_is_punct(src_tok(doc, (size_t)speaker.end), ','));
    if (speaker.first < 0 || verb >= colon || colon - verb > 6)
        return (span){colon, colon + 1};
    for (long k = verb; k < colon; k++)
        if (src_tok(doc, (size_t)k)->type != TOK_WORD)
            return (span){colon, colon + 1};
    return (span){verb, colon};
}

/* "before a hearing", "after the vote": a subordinator that is a preposition here. */
static bool temporal_preposition(const src_doc *doc, long k)
{
    static const char *const words[] = {"after", "before", "since", "until"};
    const src_token *n = src_tok(doc, (size_t)k + 1);
    if (!((n->lex & (LEX_DEF | LEX_INDEF)) || n->type == TOK_NUMBER) || (n->lex & LEX_PRONOUN))
        return false;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (src_word_is(doc, (size_t)k, words[i]))
            return true;
    return false;
}

/* Does the backward search for the cue of a quote that opens at `pre_end` stop at token `c`, a
 * comma or a clause opener ("…, but he gave him a compliment:")? Not at the comma of "said, “…”"
 * or ", saying", nor around an aside: "acknowledged, however,", "announced on her blog, in
 * capital letters,", "said in a column before a hearing,". */
/* Is token `c` the comma or the subordinator that opens a short clause closed by the comma just
 * before the quote ("said in the spring, when the story broke, “…”"): an aside, the cue before it? */
static bool subordinate_aside(const src_doc *doc, long c, long pre_end)
{
    if (c < 1 || pre_end - c > 12 || !src_is_punct(src_tok(doc, (size_t)pre_end - 1), ','))
        return false;
    long sub = src_is_punct(src_tok(doc, (size_t)c), ',') ? c + 1 : c;
    return sub < pre_end - 2 && src_is_punct(src_tok(doc, (size_t)sub - 1), ',') &&
           !(src_tok(doc, (size_t)sub)->flags & TF_CAP) && opens_with_subordinate(doc, sub);
}

static bool ends_cue_search(const src_doc *doc, long c, long pre_end)
{
    const src_token *t = src_tok(doc, (size_t)c), *last = src_tok(doc, (size_t)pre_end - 1);
    if (c >= pre_end - 1 || src_word_is(doc, (size_t)c, "however"))
        return false;
    const src_token *next = src_tok(doc, (size_t)c + 1);
    bool lower_next = next->type == TOK_WORD && !(next->flags & TF_CAP);
    if (subordinate_aside(doc, c, pre_end))
        return false;
    if (c == pre_end - 3 && src_is_punct(last, ',') && lower_next)
        return false;
    if (t->type == TOK_PUNCT && strchr(",;", t->punct))
        return !(c == pre_end - 2 && is_cue(last)) && !(is_cue(next) && (next->lex & LEX_PARTICIPLE)) &&
               !(src_is_punct(t, ',') && src_is_punct(last, ',') && c >= pre_end - 8 && lower_next && (next->lex & LEX_PREP));
    return t->type == TOK_WORD && (t->lex & (LEX_CLAUSE | LEX_AND)) && !(t->flags & TF_CAP) && !temporal_preposition(doc, c);
}

/* "cited it", "repeated them": a verb after a quotation with an object pronoun of its own does
 * not report that quotation. */
static bool takes_own_object(const src_doc *doc, long c)
{
    size_t n = src_ntok(doc), o = (size_t)c + 1;
    if (o >= n || (src_tok(doc, (size_t)c)->lex & LEX_TELL))
        return false; /* "told them", "assured it": a listener, not an object */
    /* "wrote this week": "this" before a plain noun is its determiner */
    const src_token *after = o + 1 < n ? src_tok(doc, o + 1) : NULL;
    bool determiner = after && after->type == TOK_WORD && !(after->flags & TF_PARA) &&
                      !(after->lex & (LEX_PREP | LEX_CLAUSE | LEX_AND));
    return src_word_is(doc, o, "it") || src_word_is(doc, o, "them") || (src_word_is(doc, o, "this") && !determiner) ||
           (possessive_determiner(doc, (long)o) && determiner); /* "praise his refusal" */
}

/* The source named after "according to", from token `from`: its noun phrase, or a word, run on to
 * the punctuation a few words on ("a transcript of the show", "excerpts of his speech"). */
static span cited_source(const src_doc *doc, long from, long end)
{
    span by = np_right(doc, from, end);
    if (by.first < 0 && (from >= end || src_tok(doc, (size_t)from)->type != TOK_WORD))
        return no_span;
    if (by.first < 0)
        by = (span){from, from + 1};
    long stop = by.end;
    while (stop < end && stop < by.first + 10 && src_tok(doc, (size_t)stop)->type != TOK_PUNCT &&
           src_tok(doc, (size_t)stop)->region < 0)
        stop++;
    if (stop == end || src_tok(doc, (size_t)stop)->type == TOK_PUNCT)
        by.end = stop;
    return by;
}

/* "“…,” Ruiz said at a rally, according to the Tribune.": the writer's source is the one cited, so
 * a later "according to X" in the clause of cue `cue` makes X, up to the next punctuation, the
 * speaker, and the cue runs from the verb to "according to" (none of it reports anything else). */
static void cited_by_according_to(const src_doc *doc, long end, span *speaker, span *cue)
{
    long from = speaker->end > cue->end ? speaker->end : cue->end;
    for (long k = from; k + 2 < end && k < from + 12; k++) {
        const src_token *t = src_tok(doc, (size_t)k);
        if (t->type == TOK_PUNCT && !src_is_punct(t, ',') && !abbreviation_dot(doc, k))
            return;
        if (!src_is_punct(t, ',') || !according_to(doc, k + 1, end))
            continue;
        span by = cited_source(doc, k + 3, end);
        if (by.first < 0)
            return;
        *speaker = by;
        cue->end = k + 3;
        return;
    }
}

/* The attribution of quotation region `r` in the words after it ("…,” she said), or a signature
 * line under it. */
/* "“…,” the ad states.", "“…,” the Saudis state in the paper": "state" reports a quotation when a
 * plain noun before it is its subject and the sentence or an adjunct follows; not "the 50 states". */
static bool stating_verb(const src_doc *doc, long c, long k, long end)
{
    static const char *const forms[] = {"state", "states", "stated"};
    const src_token *t = src_tok(doc, (size_t)c), *prev = src_tok(doc, (size_t)c - 1);
    if (c <= k || c + 1 >= end || t->type != TOK_WORD || (t->flags & TF_CAP) || !WORD_AMONG(doc, (size_t)c, forms) ||
        prev->type != TOK_WORD || (prev->lex & (LEX_DEF | LEX_INDEF | LEX_PREP | LEX_OF | LEX_AND | LEX_CLAUSE)))
        return false;
    const src_token *next = src_tok(doc, (size_t)c + 1);
    return (next->type == TOK_PUNCT && strchr(".,", next->punct)) || src_word_is(doc, (size_t)c + 1, "in");
}

static bool attribution_after(const src_doc *doc, const src_region *r, span *speaker, span *cue)
{
    const src_sentence *sents = doc->sentences.data;
    const src_sentence *s_end = &sents[src_tok(doc, r->close)->sentence];
    long post = (long)r->close + 1, post_end = (long)s_end->end;
    for (long k = post; k < post_end; k++)
        if (src_tok(doc, (size_t)k)->region >= 0 && (k == post || !short_quotation(doc, k))) {
            post_end = k;
            break;
        }
    *speaker = no_span;
    *cue = no_span;
    long k = post;
    while (k < post_end && src_tok(doc, (size_t)k)->type == TOK_PUNCT && strchr(",-", src_tok(doc, (size_t)k)->punct))
        k++;
    /* "“…,” which Mozloom thinks will cut hours": a relative clause about what was said */
    long post_search_end = k < post_end && src_word_is(doc, (size_t)k, "which") ? k : post_end;
    for (long c = k; c < post_search_end && c < k + 30; c++) {
        const src_token *t = src_tok(doc, (size_t)c);
        if (src_is_punct(t, '(')) {
            /* "Rep. Jim McDermott (D-Wash.) said" */
            long close = c + 1;
            while (close < post_end && close < c + 8 && !src_is_punct(src_tok(doc, (size_t)close), ')'))
                close++;
            if (close < post_end && src_is_punct(src_tok(doc, (size_t)close), ')'))
                c = close;
            continue;
        }
        if (t->type == TOK_PUNCT && strchr(".;!?", t->punct) && !abbreviation_dot(doc, c))
            break;
        if (according_to(doc, c, post_end)) {
            *speaker = speaker_after_cue(doc, c + 2, post_end); /* "according to the newspaper" */
            *cue = (span){c, c + 2};
            return speaker->first >= 0;
        }
        if (!(is_cue(t) || stating_verb(doc, c, k, post_end)) || (t->flags & TF_USED) || determined_noun(doc, c))
            continue; /* "“…,” the note says": a noun, the subject of the cue after it */
        if (c == k ? (t->lex & LEX_PARTICIPLE) != 0 : takes_own_object(doc, c))
            break; /* "“…,” referencing the workers", "“…?” Her critics cited it as evidence" */
        *speaker = c == k ? speaker_after_cue(doc, c + 1, post_end) : speaker_left(doc, c, k);
        if (speaker->first > k && !(src_tok(doc, (size_t)speaker->first)->lex & LEX_PRONOUN)) {
            span antecedent = relative_antecedent(doc, k, speaker->first - 1);
            if (antecedent.first >= 0)
                *speaker = antecedent; /* "the expert who founded the site tweeted": not "the site" */
        }
        bool relative = speaker->first >= 0 && c != k && (src_tok(doc, (size_t)speaker->first)->lex & LEX_RELATIVE);
        if (speaker->first >= 0 && !relative) {
            *cue = (span){c, c + 1};
            cited_by_according_to(doc, post_end, speaker, cue);
            return true;
        }
        if (!in_relative_clause(doc, k, c))
            break; /* but go on past "Warren, who has not endorsed anyone, told reporters" */
    }
    if (unlisted_verb_attribution(doc, r, speaker, cue))
        return true;
    if (signature_line(doc, post, speaker)) {
        *cue = (span){post, post + 1};
        return true;
    }
    return name_line_under(doc, r, speaker);
}

/* "As Foner put it: “…”", "as the columnist had written a few years earlier, “…”": "as", its
 * subject and a verb of any kind (an auxiliary before it) open the clause that the comma or colon
 * at `pre_end` - 1 ends. */
static bool as_someone_put_it(const src_doc *doc, long pre, long pre_end, span *speaker, span *cue)
{
    long end = pre_end - 1;
    if (end <= pre || !(src_is_punct(src_tok(doc, (size_t)end), ',') || src_is_punct(src_tok(doc, (size_t)end), ':')))
        return false;
    for (long k = end - 2; k >= pre && k > end - 24; k--) {
        if (!src_word_is(doc, (size_t)k, "as"))
            continue;
        const src_token *before = k > pre ? src_tok(doc, (size_t)k - 1) : NULL;
        if (before && before->type != TOK_PUNCT && !(before->lex & LEX_AND) && !src_word_is(doc, (size_t)k - 1, "but"))
            return false; /* "such as", "as well as": not a clause of its own */
        static const char *const irregular[] = {"put", "puts", "wrote", "writes", "sang", "sings", "said", "says"};
        span who = np_right(doc, k + 1, end);
        if (who.first < 0 || who.end >= end)
            return false;
        long verb = who.end + src_is_punct(src_tok(doc, (size_t)who.end), ','); /* "As Amar, a professor, put it" */
        bool aux = verb < end && (src_tok(doc, (size_t)verb)->lex & LEX_AUX);
        verb += aux;
        const src_token *v = src_tok(doc, (size_t)verb);
        if (verb >= end || v->type != TOK_WORD || (v->flags & TF_CAP) ||
            (v->lex & (LEX_PREP | LEX_OF | LEX_DEF | LEX_INDEF | LEX_AND | LEX_CLAUSE | LEX_PRONOUN)) ||
            !(aux || (v->lex & LEX_CUE) || past_tense_verb(doc, verb) || WORD_AMONG(doc, (size_t)verb, irregular)))
            return false; /* a verb, not the rest of a name: "the Hollywood columnist Parsons" */
        for (long j = verb + 1; j < end; j++)
            if (src_tok(doc, (size_t)j)->type == TOK_PUNCT && strchr(",:;", src_tok(doc, (size_t)j)->punct))
                return false; /* "As Earnest explained, taxes were cut, “…”": the clause ended before */
        *speaker = who;
        *cue = (span){verb, verb + 1};
        return true;
    }
    return false;
}

/* "in the governor’s words, “…”", "in her words, “…”", "in the words of the mayor, “…”": the one
 * whose words they are, in the phrase that the comma or colon at `pre_end` - 1 closes. */
static bool in_someones_words(const src_doc *doc, long pre, long pre_end, span *speaker, span *cue)
{
    long end = pre_end - 1;
    if (end - 3 < pre || !(src_is_punct(src_tok(doc, (size_t)end), ',') || src_is_punct(src_tok(doc, (size_t)end), ':')))
        return false;
    if (src_word_is(doc, (size_t)end - 1, "words")) { /* "in Forbes’ words," */
        long in = end - 2;
        while (in > pre && in > end - 8 && (src_tok(doc, (size_t)in)->type == TOK_WORD || possessive_mark(doc, in)) &&
               !src_word_is(doc, (size_t)in, "in"))
            in--;
        span who = {in + 1, end - 1};
        bool pronoun = who.end == who.first + 1 && possessive_determiner(doc, who.first);
        bool possessive = src_possessive_word(doc, src_tok(doc, (size_t)end - 2)) || possessive_mark(doc, end - 2);
        if (!src_word_is(doc, (size_t)in, "in") || who.end <= who.first || !(pronoun || (possessive && has_head(doc, who))))
            return false;
        *speaker = who;
        *cue = (span){end - 1, end};
        return true;
    }
    for (long k = end - 2; k - 3 >= pre && k > end - 12; k--) /* "in the words of the mayor," */
        if (src_word_is(doc, (size_t)k, "of") && src_word_is(doc, (size_t)k - 1, "words") && src_word_is(doc, (size_t)k - 3, "in")) {
            span who = {k + 1, end};
            for (long w = who.first; w < end; w++)
                if (!np_word(src_tok(doc, (size_t)w)) && !(src_tok(doc, (size_t)w)->lex & (LEX_DEF | LEX_INDEF | LEX_OF)))
                    return false;
            if (who.end <= who.first || !has_head(doc, who))
                return false;
            *speaker = who;
            *cue = (span){k - 1, k};
            return true;
        }
    return false;
}

/* "From the report: “…”", "More from Jones: “…”": a line that only names where the excerpt
 * after its colon comes from, as newsletters and blogs print them. */
static bool excerpt_from(const src_doc *doc, long pre, long pre_end, span *speaker, span *cue)
{
    long from = pre + src_word_is(doc, (size_t)pre, "more");
    if (pre_end - from < 3 || !src_is_punct(src_tok(doc, (size_t)pre_end - 1), ':') || !src_word_is(doc, (size_t)from, "from"))
        return false;
    span who = speaker_after_cue(doc, from + 1, pre_end - 1);
    if (who.first < 0 || who.end != pre_end - 1)
        return false;
    *speaker = who;
    *cue = (span){from, from + 1};
    return true;
}

/* The attribution of quotation region `r` in the words before it ("She said: “…”"). */
static bool attribution_before(const src_doc *doc, const src_region *r, span *speaker, span *cue)
{
    const src_sentence *sents = doc->sentences.data;
    long pre = (long)sents[src_tok(doc, r->open)->sentence].first;
    long pre_end = (long)r->open;
    if (pre_end == pre && pre > 0 && src_is_punct(src_tok(doc, (size_t)pre - 1), ':')) {
        /* "In a 1963 speech, he declared:" / a paragraph that opens with the quote */
        const src_sentence *before = &sents[src_tok(doc, (size_t)pre - 1)->sentence];
        pre = (long)before->first;
    }
    if (pre_end == pre && pre > 0 && !(src_tok(doc, (size_t)pre)->flags & TF_PARA) &&
        bare_attribution(doc, pre - 1, speaker, cue))
        return true;
    long sentence_first = pre;
    const src_region *regions = doc->regions.data;
    for (long q = pre_end - 1; q >= pre; q--)
        if (src_tok(doc, (size_t)q)->region >= 0 && regions[src_tok(doc, (size_t)q)->region].role != REGION_TITLE) {
            pre = q + 1;
            break;
        }
    if (pre_end <= pre)
        return false;
    const src_token *last = src_tok(doc, (size_t)pre_end - 1);
    bool introduces = (last->type == TOK_PUNCT && strchr(":,-", last->punct)) || is_cue(last) ||
                      src_word_is(doc, (size_t)pre_end - 1, "that");
    if (!introduces)
        return false;
    /* "Said Dorothy Poynter, who grew up with him, “…”" */
    const src_token *opener = src_tok(doc, (size_t)pre);
    if (opener->type == TOK_WORD && (opener->flags & TF_CAP) && (opener->lex & LEX_CUE) && !(opener->flags & TF_USED) &&
        pre + 1 < pre_end && is_cap(src_tok(doc, (size_t)pre + 1))) {
        *speaker = np_right(doc, pre + 1, pre_end);
        *cue = (span){pre, pre + 1};
        if (speaker->first >= 0)
            return true;
    }
    /* The cue is in the clause just before the quote: the search stops at a comma (other than
     * the one of "said, “…") or at a clause opener ("…, but he gave him a compliment:"). */
    long clause = pre;
    bool documented = false; /* "Trump issued a statement, “…”" */
    for (long c = pre_end - 1; c >= pre && c >= pre_end - 14; c--) {
        const src_token *t = src_tok(doc, (size_t)c);
        if (ends_cue_search(doc, c, pre_end)) {
            clause = c + 1;
            break;
        }
        documented = documented || (t->type == TOK_WORD && (t->lex & LEX_DOC) && !(t->lex & LEX_CUE));
        if (according_to(doc, c, pre_end)) {
            *speaker = speaker_after_cue(doc, c + 2, pre_end);
            *cue = (span){c, c + 2};
            return speaker->first >= 0;
        }
        if (!is_cue(t) || (t->flags & TF_USED))
            continue;
        if (c > pre && is_be(doc, c - 1) && (src_word_ends_in(doc, t, "ed", 4) || src_word_is(doc, (size_t)c, "told"))) {
            *speaker = no_span; /* "Blumenthal was asked, “…?”": the one asked, not the one asking */
            *cue = (span){c, c + 1};
            return true;
        }
        *speaker = speaker_before_quote(doc, c, pre, pre_end, sentence_first);
        if (speaker->first < 0)
            break;
        *cue = (span){c, c + 1};
        reported_by_outer_cue(doc, pre, pre_end, sentence_first, speaker, cue);
        return true;
    }
    if (as_someone_put_it(doc, pre, pre_end, speaker, cue) || in_someones_words(doc, pre, pre_end, speaker, cue) ||
        excerpt_from(doc, pre, pre_end, speaker, cue))
        return true;
    if (src_is_punct(last, ':') || (src_is_punct(last, ',') && documented)) {
        *speaker = clause_subject(doc, clause, pre_end - 1);
        if (speaker->first < 0 && clause > pre)
            *speaker = clause_subject(doc, pre, pre_end - 1); /* "He told them, to applause:" */
        if (speaker->first < 0 && clause + 1 < pre_end && (src_tok(doc, (size_t)clause)->lex & LEX_CLAUSE))
            *speaker = clause_subject(doc, clause + 1, pre_end - 1); /* "As Foner put it:" */
        *cue = colon_cue(doc, *speaker, pre_end - 1);
        return speaker->first >= 0;
    }
    return src_is_punct(last, ',') && unlisted_verb_before(doc, clause, pre_end - 1, speaker, cue);
}

/* The chanters of "chants of “…”" (`noun` the chant): its possessive ("their chants of") or the
 * subject of an active verb before "with" ("Her supporters responded with loud chants of"), else
 * nobody ("to chants of", "was met with chants of"). The words after the quotation are the
 * writer's: "…,” the senator said" is not the crowd. */
static bool chanters(const src_doc *doc, long noun, span *speaker, span *cue)
{
    long first = (long)((const src_sentence *)doc->sentences.data)[src_tok(doc, (size_t)noun)->sentence].first;
    long d = noun - 1;
    while (d > first && d > noun - 3 && src_tok(doc, (size_t)d)->type == TOK_WORD && !src_tok(doc, (size_t)d)->lex &&
           !(src_tok(doc, (size_t)d)->flags & TF_CAP))
        d--; /* "loud chants of" */
    *cue = (span){noun, noun + 1};
    if (d >= first && possessive_determiner(doc, d)) {
        *speaker = (span){d, d + 1};
        return true;
    }
    if (d - 1 <= first || !src_word_is(doc, (size_t)d, "with") || !past_tense_verb(doc, d - 1) || is_be(doc, d - 2))
        return false;
    *speaker = clause_subject(doc, first, d - 1);
    return speaker->first >= 0 && speaker->end == d - 1;
}

/* The attribution of one quotation region from the words after it ("…,” she said) or before it
 * ("She said: “…”"). A finished sentence that a colon or comma introduces ("told the agency
 * simply, “We lost.”") is the introducer's: what follows it is a new clause. */
static bool attribute_region(src_doc *doc, size_t ri, span *speaker, span *cue)
{
    const src_region *r = (const src_region *)doc->regions.data + ri;
    const src_token *last = r->close > r->open + 1 ? src_tok(doc, r->close - 1) : NULL;
    const src_token *before = r->open > 0 && !(src_tok(doc, r->open)->flags & TF_PARA) ? src_tok(doc, r->open - 1) : NULL;
    span headline = caps_headline_before(doc, r->open);
    if (headline.first >= 0) {
        *speaker = headline;
        *cue = no_span;
        return true;
    }
    long chant = chant_noun(doc, r->open);
    if (chant >= 0)
        return chanters(doc, chant, speaker, cue);
    bool introduced = r->closed && last && last->type == TOK_PUNCT && strchr(".?!", last->punct) && before &&
                      before->type == TOK_PUNCT && strchr(",:", before->punct);
    if (introduced)
        return attribution_before(doc, r, speaker, cue) || attribution_after(doc, r, speaker, cue);
    return attribution_after(doc, r, speaker, cue) || attribution_before(doc, r, speaker, cue);
}

static bool same_para(const src_doc *doc, size_t a, size_t b) { return src_tok(doc, a)->para == src_tok(doc, b)->para; }

/* A few words in quotation marks, not a sentence, with nobody to say them: a title or a scare
 * quote (“the new normal”), not a quote. “Nobody knows.” alone is someone's sentence, but a sentence
 * of one or two words (“Dump Trump!”, “Relationships that last.”) is a slogan or a sign. */
enum { SPEAKERLESS_MIN_WORDS = 6, SLOGAN_MAX_WORDS = 2 };

static bool speakerless_fragment(const src_doc *doc, const src_region *r)
{
    size_t n = 0;
    for (size_t k = r->open + 1; k < r->close; k++)
        n += is_wordlike(src_tok(doc, k));
    const src_token *last = r->close > r->open + 1 ? src_tok(doc, r->close - 1) : NULL;
    bool sentence = last && last->type == TOK_PUNCT && strchr(".!?", last->punct);
    return n < SPEAKERLESS_MIN_WORDS && (!sentence || n <= SLOGAN_MAX_WORDS);
}

/* The unattributed full regions from `first` to `end` (exclusive), when no attribution will come
 * for them: each continues the quote of the paragraph before, or is a quote without speaker, or a
 * speakerless fragment (a title). */
static bool flush_pending(src_doc *doc, size_t first, size_t end, long *last_attr)
{
    src_region *regions = doc->regions.data;
    for (size_t q = first; q < end; q++) {
        if (regions[q].role != REGION_FULL)
            continue;
        if (regions[q].embedded) {
            regions[q].role = REGION_PARTIAL; /* left to the reported clause around it */
            continue;
        }
        src_attr *prev = *last_attr >= 0 ? (src_attr *)doc->attrs.data + *last_attr : NULL;
        uint32_t para = src_tok(doc, regions[q].open)->para;
        /* A paragraph-opening quote goes on from a previous paragraph that ended with the quote's
         * sentence, whether or not that quote has a speaker yet; one without a speaker only when
         * nothing stands between them (not a signature line: "“…” ― Ana Ruiz"). */
        size_t open_tok = regions[q].open;
        if (prev && prev->kind == ONR_QUOTE_DIRECT &&
            (regions[q].continued ||
             ((src_tok(doc, open_tok)->flags & TF_PARA) && src_tok(doc, prev->end - 1)->para + 1 == para &&
              open_tok > 0 && src_tok(doc, open_tok - 1)->sentence == src_tok(doc, prev->end - 1)->sentence &&
              (prev->speaker_first >= 0 || open_tok == (size_t)prev->end)))) {
            /* The speaker goes on in the next paragraph. */
            if (!add_piece(doc, prev, regions[q].open, regions[q].close + 1))
                return false;
            regions[q].consumed = true;
            continue;
        }
        if (speakerless_fragment(doc, &regions[q]) && !after_a_chant(doc, regions[q].open)) {
            regions[q].role = REGION_TITLE;
            continue;
        }
        if (!new_attr(doc, ONR_QUOTE_DIRECT, (long)regions[q].open, (long)regions[q].close + 1, no_span, no_span))
            return false;
        regions[q].consumed = true;
        *last_attr = (long)doc->attrs.len - 1;
    }
    return true;
}

/* Does a sentence of the writer's own stand between the waiting regions from `first` and region
 * `ri`? "“Mr. D’Souza?” I had prepared a statement. “Your Honor,” I said": the first quote is
 * not the later speaker's. */
static bool narrative_between(const src_doc *doc, size_t first, size_t ri)
{
    const src_region *regions = doc->regions.data;
    for (size_t q = ri; q-- > first;)
        if (regions[q].role == REGION_FULL)
            return src_tok(doc, regions[ri].open)->sentence > src_tok(doc, regions[q].close)->sentence + 1;
    return false;
}

/* Does a sentence of the writer's own stand between attribution `a` and the quotation opening at
 * `open`? "“A,” she said. The hall emptied. “B.”": “B.” is a quote of its own, not a piece of A. */
static bool writer_sentence_after(const src_doc *doc, const src_attr *a, size_t open)
{
    size_t last = a->end;
    if (a->speaker_end > (long)last)
        last = (size_t)a->speaker_end;
    if (a->cue_end > (long)last)
        last = (size_t)a->cue_end;
    return src_tok(doc, open)->sentence > src_tok(doc, last - 1)->sentence + 1;
}

/* Direct quotes: each full region with its own attribution starts a quote; a region without one
 * joins the quote before it in the paragraph (“A,” she said. “B.”), or the one after it; a
 * paragraph that continues a quote keeps its speaker. */
static bool attribute_direct(src_doc *doc)
{
    src_region *regions = doc->regions.data;
    size_t nreg = doc->regions.len;
    long last_attr = -1;       /* attribution of the previous full region */
    long pending = -1;         /* first of the unattributed regions waiting for a speaker */
    for (size_t ri = 0; ri <= nreg; ri++) {
        src_region *r = ri < nreg ? &regions[ri] : NULL;
        if (r) {
            classify_region(doc, r);
            if (r->role != REGION_FULL)
                continue;
        }
        /* Flush the waiting regions when the paragraph changes. */
        if (pending >= 0 && (!r || (!same_para(doc, regions[pending].open, r->open) && !r->continued))) {
            if (!flush_pending(doc, (size_t)pending, ri, &last_attr))
                return false;
            pending = -1;
        }
        if (!r)
            break;
        span speaker, cue;
        bool attributed = attribute_region(doc, ri, &speaker, &cue);
        if (attributed && r->continued && pending < 0 && last_attr >= 0 && ri > 0 && regions[ri - 1].consumed &&
            ((src_attr *)doc->attrs.data)[last_attr].end == regions[ri - 1].close + 1) {
            /* A paragraph that goes on with the quote of the one before ends with the attribution
             * of the whole: the quote keeps growing. */
            if (!add_piece(doc, (src_attr *)doc->attrs.data + last_attr, r->open, r->close + 1))
                return false;
            r->consumed = true;
            continue;
        }
        if (attributed) {
            if (pending >= 0 && narrative_between(doc, (size_t)pending, ri)) {
                if (!flush_pending(doc, (size_t)pending, ri, &last_attr))
                    return false;
                pending = -1;
            }
            size_t start = pending >= 0 ? (size_t)pending : ri;
            src_attr *a = NULL;
            for (size_t q = start; q <= ri; q++) {
                if (regions[q].role != REGION_FULL)
                    continue;
                if (!a) {
                    a = new_attr(doc, ONR_QUOTE_DIRECT, (long)regions[q].open, (long)regions[q].close + 1, speaker, cue);
                    if (!a)
                        return false;
                } else if (!add_piece(doc, a, regions[q].open, regions[q].close + 1)) {
                    return false;
                }
                regions[q].consumed = true;
            }
            last_attr = (long)doc->attrs.len - 1;
            pending = -1;
            continue;
        }
        if (r->embedded) {
            r->role = REGION_PARTIAL; /* "who thinks the city “needs …”": the reported clause's */
            continue;
        }
        src_attr *prev = last_attr >= 0 ? (src_attr *)doc->attrs.data + last_attr : NULL;
        if (prev && pending < 0 && same_para(doc, prev->first, r->open) && prev->speaker_first >= 0 &&
            !writer_sentence_after(doc, prev, r->open)) {
            if (!add_piece(doc, prev, r->open, r->close + 1))
                return false;
            r->consumed = true;
            continue;
        }
        if (pending < 0)
            pending = (long)ri;
    }
    return true;
}

/* ---- reported speech ---- */

static long trim_end(const src_doc *doc, long first, long end)
{
    while (end > first) {
        const src_token *t = src_tok(doc, (size_t)end - 1);
        if (t->type == TOK_PUNCT && t->region < 0 && strchr(".,;:-!?~", t->punct))
            end--;
        else
            break;
    }
    return end;
}

static size_t count_words(const src_doc *doc, long first, long end)
{
    size_t n = 0;
    for (long k = first; k < end; k++)
        n += is_wordlike(src_tok(doc, (size_t)k));
    return n;
}

/* "Ryan endorsed Trump", "Hale seeks reelection": a stance on a single name or noun is what was said. */
static bool stance_object(const src_doc *doc, const src_token *cue, long k)
{
    static const char *const objects[] = {"him", "her", "them"}; /* pronouns, rarely marked alone */
    const src_token *o = src_tok(doc, (size_t)k);
    return (cue->lex & LEX_STANCE) && o->type == TOK_WORD && o->end - o->start > 2 &&
           !(o->lex & (LEX_TIME | LEX_PRONOUN | LEX_CLAUSE)) && !WORD_AMONG(doc, k, objects);
}

static bool question_opener(const src_doc *doc, long k);

/* "75 percent said yes": an answer of one word is what was said. */
static bool yes_or_no(const src_doc *doc, long k)
{
    return src_word_is(doc, (size_t)k, "yes") || src_word_is(doc, (size_t)k, "no");
}

static bool is_modal(const src_doc *doc, long i)
{
    static const char *const modals[] = {"would", "will", "could", "should", "may", "might", "must", "can"};
    return !(src_tok(doc, (size_t)i)->flags & TF_CAP) && WORD_AMONG(doc, (size_t)i, modals);
}

/* Is the comma at `q` one between the items of a list ("taxes, trade, and jobs"): another comma a
 * few plain words before it? */
static bool list_comma(const src_doc *doc, long q)
{
    for (long k = q - 1; k > 0 && k >= q - 5; k--) {
        const src_token *t = src_tok(doc, (size_t)k);
        if (src_is_punct(t, ','))
            return k < q - 1;
        if (t->type != TOK_WORD || t->region >= 0 || (t->lex & (LEX_AND | LEX_CLAUSE | LEX_AUX)))
            return false;
    }
    return false;
}

/* Does "that" at `i` open a clause, rather than stand for something ("…, but that could change")? */
static bool clause_that(const src_doc *doc, long i, long send)
{
    return src_word_is(doc, (size_t)i, "that") &&
           (i + 1 >= send || !((src_tok(doc, (size_t)i + 1)->lex & LEX_AUX) || is_be(doc, i + 1)));
}

/* After ", and" / ", but" at `q`, does the speaker's clause go on: ", but also …", a second "that" clause ("said
 * X, and that Y"), an adjunct ("…, and in May …"), a verb after a modal or a participle (the
 * reported clause's: "…, and could damage …"), or the last item of a list? */
static bool coordination_goes_on(const src_doc *doc, long q, long send)
{
    bool after_and = src_word_is(doc, (size_t)q + 1, "and");
    if (q + 2 >= send || !(after_and || src_word_is(doc, (size_t)q + 1, "but")))
        return false;
    const src_token *n = src_tok(doc, (size_t)q + 2);
    if (src_word_is(doc, (size_t)q + 2, "that"))
        return clause_that(doc, q + 2, send);
    static const char *const contrasts[] = {"also", "not", "rather", "never", "instead"};
    if (!after_and && WORD_AMONG(doc, (size_t)q + 2, contrasts))
        return true; /* "…, but also …", "…, but not …": the second half of what was said */
    return after_and && ((n->type == TOK_WORD && !(n->flags & TF_CAP) && ((n->lex & LEX_PREP) || ends_in_ing(doc, n))) ||
                         is_modal(doc, q + 2) || list_comma(doc, q));
}

/* Could the word at `k`, after an aside's closing comma, be the clause's own verb: an auxiliary,
 * "be", or a plain lowercase word that neither opens a phrase nor is a participle ("Hale, the new
 * mayor, held …"; not "…, however, appearing …", "…, and …", "…, the …")? */
static bool verb_after_aside(const src_doc *doc, long k)
{
    const src_token *n = src_tok(doc, (size_t)k);
    if (n->type != TOK_WORD || (n->flags & TF_CAP))
        return false;
    if ((n->lex & LEX_AUX) || is_be(doc, k))
        return true;
    return !(n->lex & (LEX_DEF | LEX_INDEF | LEX_PREP | LEX_AND | LEX_CLAUSE | LEX_PRONOUN | LEX_OF)) && !has_ing(doc, n);
}

/* An aside from the comma `q` closed by a second comma, after which the clause's own verb comes
 * ("the pipeline, which Republicans support, would not pass", "Hale, the new mayor, has said",
 * "the levy, even at half the rate, would close the port", "Petrova, the captain, held two
 * licenses"): the aside is inside what was said. */
static bool enclosed_aside(const src_doc *doc, long q, long send)
{
    for (long k = q + 2; k + 1 < send && k < q + 30; k++) {
        const src_token *t = src_tok(doc, (size_t)k);
        if (t->region >= 0 || t->type != TOK_PUNCT)
            continue;
        return src_is_punct(t, ',') && verb_after_aside(doc, k + 1);
    }
    return false;
}

/* "…, throwing the race open", "…, putting them ahead": a participle after a comma adds the writer's
 * account of what the reported words did ("including" lists what was said). */
static bool free_participle(const src_doc *doc, long k, long send)
{
    if (k + 1 >= send)
        return false;
    const src_token *o = src_tok(doc, (size_t)k + 1);
    return ends_in_ing(doc, src_tok(doc, (size_t)k)) && !src_word_is(doc, (size_t)k, "including") &&
           o->type == TOK_WORD && (o->lex & (LEX_DEF | LEX_INDEF | LEX_PRONOUN | LEX_POSSESSIVE));
}

/* The classes of the words ("and", "but") at which clause_stops_at can end a clause. */
#define CLAUSE_STOP_WORDS (LEX_AND | LEX_CLAUSE)

/* Does a reported clause end before token `q` (outside quotations), where the sentence goes on with
 * something the speaker did not say: "…, arguing that …", "…, and three-quarters said …", "…,
 * which …", "… but did not say", "… and said …"? ("… and would reopen" goes on: annotators mark
 * the second verb as said four times in five.) */
static bool clause_stops_at(const src_doc *doc, long q, long send)
{
    /* "…, even as …", "…, though …", "…, compared with …": the writer's aside; "…, according to
     * X": the source of the whole sentence (LEXL_AFTER_COMMA) */
    const src_token *t = src_tok(doc, (size_t)q);
    if (q + 1 >= send)
        return false;
    const src_token *n = src_tok(doc, (size_t)q + 1);
    if (n->type != TOK_WORD || (n->flags & TF_CAP))
        return false;
    if (src_is_punct(t, ',')) {
        /* "X, citing Y, said Z": the sentence's own verb comes back */
        if ((n->lex & LEX_PARTICIPLE) || ((n->lex & LEX_CUE) && !(n->lex & (LEX_NAMING | LEX_ROLE | LEX_DOC))))
            return true;
        if (free_participle(doc, q + 1, send))
            return true;
        return (n->lists & LEXL_AFTER_COMMA) && !coordination_goes_on(doc, q, send) && !enclosed_aside(doc, q, send);
    }
    /* clause_after skips words outside CLAUSE_STOP_WORDS: a new word to stop at goes in there */
    if (!(t->type == TOK_WORD && (t->lex & CLAUSE_STOP_WORDS) && (src_word_is(doc, (size_t)q, "and") || src_word_is(doc, (size_t)q, "but"))))
        return false;
    return (n->lex & LEX_CUE) || ((n->lex & LEX_AUX) && src_word_is(doc, (size_t)q, "but") &&
                                  !src_word_is(doc, (size_t)q + 1, "also")); /* "not only X but also Y" goes on */
}

/* "said in a statement on Monday they would appeal": after the verb's adjunct, the subject pronoun
 * that opens the reported clause; -1 when there is none. */
static long subject_after_adjunct(const src_doc *doc, long k, long end)
{
    for (long q = k + 1; q + 1 < end && q < k + 12; q++) {
        const src_token *t = src_tok(doc, (size_t)q);
        if ((t->type == TOK_PUNCT && !src_is_punct(t, ',')) || t->region >= 0)
            return -1;
        if (src_word_is(doc, (size_t)q, "that") && src_is_punct(src_tok(doc, (size_t)q - 1), ','))
            return q; /* "said in Madison, Wisconsin, that …" */
        if ((t->lex & LEX_PRONOUN) && !(t->lex & LEX_RELATIVE) && src_tok(doc, (size_t)q + 1)->type == TOK_WORD)
            return q;
    }
    return -1;
}

/* "said Tuesday (that) …", "told reporters yesterday they …": the day is when it was said. */
static long skip_day(const src_doc *doc, long k, long send)
{
    const src_token *t = src_tok(doc, (size_t)k);
    if (k + 1 < send && t->type == TOK_WORD && t->region < 0 && src_word_ends_in(doc, t, "day", 5) &&
        (is_cap(t) || src_word_is(doc, (size_t)k, "yesterday") || src_word_is(doc, (size_t)k, "today")))
        return k + 1;
    return k;
}

/* Is the comma at `q` the end of the opening phrase of the clause from `first`: "that during the
 * visit, the president reiterated …", "that if elected, she would …"? */
static bool opening_phrase_comma(const src_doc *doc, long first, long q)
{
    long opener = first + src_word_is(doc, (size_t)first, "that");
    if (opener < q && src_is_punct(src_tok(doc, (size_t)opener), ',')) /* "that, for a fee, they …" */
        opener++;
    if (opener < q && is_adverb(doc, src_tok(doc, (size_t)opener))) /* "that even after …", "that ultimately, …" */
        opener++;
    const src_token *o = src_tok(doc, (size_t)opener);
    if (!src_is_punct(src_tok(doc, (size_t)q), ',') || opener > q ||
        !(opener == q || (o->type == TOK_WORD && (o->lex & (LEX_CLAUSE | LEX_PREP)))))
        return false;
    for (long k = opener + 1; k < q; k++)
        if (src_tok(doc, (size_t)k)->type == TOK_PUNCT && src_tok(doc, (size_t)k)->region < 0)
            return false;
    return true;
}

/* Does the writer take over at the comma `q` of the clause that starts at `k`: an apposition ("…, a
 * blow to the town", "…, the latter a reference to …") or a sentence of the writer's own ("…a new
 * high, we will see …")? Not when the comma closes the clause's opening phrase ("that with the
 * new budget, the clinics …", "that if elected, she would …"). */
static bool writer_after_comma(const src_doc *doc, long k, long q, long send)
{
    /* only at a comma: clause_after's may_end_clause relies on it */
    if (!src_is_punct(src_tok(doc, (size_t)q), ',') || q + 2 >= send || opening_phrase_comma(doc, k, q))
        return false;
    const src_token *n = src_tok(doc, (size_t)q + 1), *v = src_tok(doc, (size_t)q + 2);
    if (n->type != TOK_WORD || (n->flags & TF_CAP))
        return false;
    if (src_word_is(doc, (size_t)q + 1, "a") || src_word_is(doc, (size_t)q + 1, "an") || src_word_is(doc, (size_t)q + 1, "the"))
        return !enclosed_aside(doc, q, send);
    return (n->lex & LEX_PRONOUN) && !(n->lex & LEX_RELATIVE) && v->type == TOK_WORD &&
           (v->lex & (LEX_AUX | LEX_CLAUSE | LEX_CUE)) && !(v->lex & LEX_PRONOUN);
}

/* "… to power — much as he had a decade earlier": a dash not paired with another in the clause
 * from `first` to the end of the sentence adds the writer's comment ("the plan — drafted in May —
 * would pass" goes on). */
static bool lone_dash(const src_doc *doc, long first, long q, long send)
{
    /* only at a dash: clause_after's may_end_clause relies on it */
    long n = q + 1 + (q + 1 < send && src_word_is(doc, (size_t)q + 1, "and"));
    if (!dash_break(doc, q) || (n < send && (clause_that(doc, n, send) || src_word_is(doc, (size_t)n, "including"))))
        return false; /* "… — and that …", "… — including …": more of what was said */
    for (long k = first; k < send; k++)
        if (k != q && dash_break(doc, k))
            return false;
    return true;
}

static bool modal_or_have(const src_doc *doc, long i)
{
    static const char *const have[] = {"has", "have", "had"};
    return is_modal(doc, i) || (!(src_tok(doc, (size_t)i)->flags & TF_CAP) && WORD_AMONG(doc, (size_t)i, have));
}

/* A modal or a form of "have" ("would", "will", "had") a few plain words after `k`: "promised the
 * town would rebuild" has no listener, the noun phrase is the subject of the reported clause. */
static bool modal_after_words(const src_doc *doc, long k, long send)
{
    for (long i = k + 1; i < send && i < k + 5; i++) {
        const src_token *t = src_tok(doc, (size_t)i);
        if (t->type != TOK_WORD || t->region >= 0 || (t->lex & (LEX_PREP | LEX_CLAUSE | LEX_CUE)))
            return false;
        if (t->lex & (LEX_DEF | LEX_INDEF | LEX_PRONOUN))
            return false; /* "told reporters the port would": a noun phrase after the listener */
        if (modal_or_have(doc, i))
            return true;
    }
    return false;
}

/* "will show", "to prove", "would not show": evidence verbs after a modal or "to" are
 * something done, not something said, unless "that" or a quotation follows. */
static bool intended_showing(const src_doc *doc, long c)
{
    static const char *const verbs[] = {"show", "prove", "demonstrate"};
    if (c < 2 || !WORD_AMONG(doc, (size_t)c, verbs))
        return false;
    long m = c - 1 - is_adverb(doc, src_tok(doc, (size_t)c - 1)); /* "will also show" */
    return is_modal(doc, m) || src_word_is(doc, (size_t)m, "to");
}

/* "said, however, that …", "said on CNN, where he is a paid contributor, that …", "said on the
 * show “Meet the Press” that …": the "that" after an aside that opens with a comma, a dash or a
 * preposition and closes with punctuation or a quotation; -1 when there is none. */
static long that_after_aside(const src_doc *doc, long k, long send)
{
    const src_token *o = src_tok(doc, (size_t)k);
    if (k >= send || !(src_is_punct(o, ',') || dash_break(doc, k) || (o->type == TOK_WORD && (o->lex & LEX_PREP))))
        return -1;
    for (long q = k + 1; q < send && q < k + 25; q++) {
        const src_token *t = src_tok(doc, (size_t)q);
        if (t->region >= 0)
            continue;
        if (t->type == TOK_PUNCT && strchr(".;:!?", t->punct))
            return -1;
        if (is_cue(t))
            return -1;
        if (src_word_is(doc, (size_t)q, "that")) {
            const src_token *p = src_tok(doc, (size_t)q - 1);
            return (src_is_punct(p, ',') || dash_break(doc, q - 1) || p->type == TOK_QUOTE || p->region >= 0) ? q : -1;
        }
    }
    return -1;
}

/* The end of the listener "the paper", "a packed crowd" from its determiner at `k`: the plain
 * lowercase words after it (just the word at `k` when it is no determiner). */
static long plain_noun_end(const src_doc *doc, long k, long send)
{
    long end = k + 1;
    if (!(src_tok(doc, (size_t)k)->lex & (LEX_DEF | LEX_INDEF)))
        return end;
    while (end < send && end < k + 4) {
        const src_token *t = src_tok(doc, (size_t)end);
        if (t->type != TOK_WORD || (t->flags & TF_CAP) || t->lex || t->region >= 0)
            break;
        end++;
    }
    return end;
}

/* ", who has been outspoken …" to the end of the sentence after a name: the writer's description of
 * that person, not what was said about them. */
static bool closing_relative(const src_doc *doc, long q, long send)
{
    /* only at a comma: clause_after's may_end_clause relies on it */
    if (q < 1 || q + 2 >= send || !src_is_punct(src_tok(doc, (size_t)q), ',') || !is_cap(src_tok(doc, (size_t)q - 1)) ||
        !src_word_is(doc, (size_t)q + 1, "who"))
        return false;
    for (long k = q + 2; k < send; k++) {
        const src_token *t = src_tok(doc, (size_t)k);
        if (t->type == TOK_PUNCT && t->region < 0 && !strchr(".!?", t->punct))
            return false;
    }
    return true;
}

/* A word that makes the words from the start of a bare object a clause of their own ("said the
 * plan would fail", "urged voters to stay"), so the object's end is not the clause's. */
static bool clause_word(const src_doc *doc, long q)
{
    const src_token *t = src_tok(doc, (size_t)q);
    if (t->type != TOK_WORD || (t->flags & TF_CAP))
        return false;
    if ((t->lex & (LEX_AUX | LEX_CUE)) || is_be(doc, q) || is_negation(doc, t) || src_word_ends_in(doc, t, "ed", 4))
        return true;
    if ((t->lex & LEX_PRONOUN) && !(t->lex & LEX_RELATIVE))
        return true; /* "said they", "believes we" */
    return src_listed(doc, (size_t)q, LEXL_OPENER);
}

/* Does a name or an object pronoun end the words before `q` ("endorsed Ms. Ruiz", "praised her")? */
static bool name_or_pronoun_before(const src_doc *doc, long q)
{
    static const char *const objects[] = {"him", "her", "them", "it", "us", "me"};
    const src_token *p = src_tok(doc, (size_t)q - 1);
    return p->region < 0 && (is_cap(p) || WORD_AMONG(doc, (size_t)q - 1, objects));
}

/* Does the object of a verb end before token `q`: an adjunct of the verb's ("endorsed Cruz last
 * week", "vetoed the bill because …", "announced the plan during a rally", "endorsed Ms. Ruiz at a
 * rally"), a comma, or "and" before another verb ("has not endorsed Trump and has been …")? */
static bool object_stops_at(const src_doc *doc, long q, long send)
{
    static const char *const settings[] = {"in", "at", "on", "with", "through", "from"};
    const src_token *t = src_tok(doc, (size_t)q);
    if (t->region >= 0)
        return false;
    if (t->type == TOK_PUNCT)
        return false; /* "endorsed Cruz, who …", "praised his rivals, especially …": annotators differ */
    if (t->type != TOK_WORD || (t->flags & TF_CAP))
        return false;
    if (src_word_is(doc, (size_t)q, "and") || src_word_is(doc, (size_t)q, "but"))
        return q + 1 < send && clause_word(doc, q + 1);
    if (q + 1 < send && src_listed(doc, (size_t)q, LEXL_BEFORE_TIME) && time_anchor(doc, q + 1))
        return true; /* "last week", "on Monday" */
    if (WORD_AMONG(doc, (size_t)q, settings) && name_or_pronoun_before(doc, q) && q + 1 < send &&
        (src_tok(doc, (size_t)q + 1)->lex & (LEX_DEF | LEX_INDEF)))
        return true; /* "endorsed Ms. Ruiz at a rally", "praised her in an interview": where it was done */
    return src_listed(doc, (size_t)q, LEXL_ADJUNCT);
}

/* Does cue `c` take a noun phrase as its object ("endorsed Cruz", "talked about the economy"),
 * rather than a clause, as verbs of saying, thinking and finding do ("said the plan …", "told her
 * the plan …", "believes the plan …")? */
static bool takes_an_object(const src_doc *doc, long c)
{
    const src_token *t = src_tok(doc, (size_t)c);
    return (t->lex & (LEX_STANCE | LEX_PREP | LEX_OF)) || (!(t->lex & LEX_TELL) && !src_listed(doc, (size_t)c, LEXL_CLAUSE_VERB));
}

/* Is the participle `c` a noun's modifier, "a super PAC supporting Cruz", "groups backing him":
 * after a plain word, not after "is", an auxiliary or a preposition ("is supporting", "for backing")? */
static bool modifies_a_noun(const src_doc *doc, long c)
{
    if (c < 1 || !ends_in_ing(doc, src_tok(doc, (size_t)c)))
        return false;
    const src_token *p = src_tok(doc, (size_t)c - 1);
    return p->type == TOK_WORD && p->region < 0 && !(p->lex & (LEX_AUX | LEX_CLAUSE | LEX_PREP | LEX_DEF | LEX_INDEF | LEX_OF |
                                                                  LEX_AND | LEX_CUE | LEX_PRONOUN)) &&
           !is_negation(doc, p) && !ends_in_ly(doc, p);
}

/* Where a reported content from `k` that no "that" introduces ends when it is the verb's object, a
 * noun phrase with no verb of its own: at the first adjunct after it ("endorsed [Cruz] last
 * week"); `end` when a verb comes first (a clause: "said [the plan would fail in May]"). After a
 * stance participle `c` that modifies a noun, the next comma or auxiliary is the sentence's own
 * ("the PAC supporting [Cruz] has spent …", "the PAC supporting [Cruz], Keep the Promise, …"). */
static long object_end(const src_doc *doc, long c, long k, long end)
{
    bool relative = (src_tok(doc, (size_t)c)->lex & LEX_STANCE) && modifies_a_noun(doc, c);
    for (long q = k; q < end; q++) {
        const src_token *t = src_tok(doc, (size_t)q);
        if (relative && q > k &&
            (src_is_punct(t, ',') || (t->type == TOK_WORD && !(t->flags & TF_CAP) && ((t->lex & LEX_AUX) || is_be(doc, q)))))
            return q;
        if (t->region >= 0 || clause_word(doc, q))
            return end;
        if (q > k && object_stops_at(doc, q, end))
            return q;
    }
    return end;
}

/* The end of a listener whose phrase ends at `end` with a name the noun it qualifies follows: "a
 * Senate panel", "the House committee" (one plain lowercase word, then punctuation or a day). */
static long noun_after_name(const src_doc *doc, long end, long send)
{
    if (end + 1 >= send || !is_cap(src_tok(doc, (size_t)end - 1)))
        return end;
    const src_token *n = src_tok(doc, (size_t)end), *after = src_tok(doc, (size_t)end + 1);
    if (n->type != TOK_WORD || (n->flags & TF_CAP) || n->lex || n->region >= 0 || has_ing(doc, n) ||
        src_word_ends_in(doc, n, "ed", 4))
        return end;
    return after->type == TOK_PUNCT || time_anchor(doc, end + 1) || src_word_is(doc, (size_t)end + 1, "that") ? end + 1 : end;
}

/* Is `q` the closing mark of a quotation that ends in a comma, a participle after it ("said the
 * system was “corrupt,” noting that …")? The comma inside the marks ends the clause as one outside
 * them would. */
static bool participle_after_quoted_comma(const src_doc *doc, long q, long send)
{
    /* only at a quotation mark: clause_after's may_end_clause relies on it */
    const src_token *t = src_tok(doc, (size_t)q);
    if (t->type != TOK_QUOTE || t->region < 0 || q + 1 >= send ||
        ((const src_region *)doc->regions.data)[t->region].close != (size_t)q || !src_is_punct(src_tok(doc, (size_t)q - 1), ','))
        return false;
    const src_token *n = src_tok(doc, (size_t)q + 1);
    return n->type == TOK_WORD && n->region < 0 && !(n->flags & TF_CAP) &&
           ((n->lex & LEX_PARTICIPLE) || free_participle(doc, q + 1, send));
}

/* Has the reported clause from `k` begun by token `q`: a subject pronoun opens it ("said he …") or a
 * verb comes ("said the plan was so weak that …"), so a "that" after it is the clause's own? */
static bool reported_verb_begins(const src_doc *doc, long k, long q)
{
    const src_token *t = src_tok(doc, (size_t)q);
    if (q == k)
        return (t->lex & LEX_PRONOUN) && !(t->lex & LEX_RELATIVE);
    return !(t->flags & TF_CAP) && (is_be(doc, q) || modal_or_have(doc, q));
}

/* Can the end-of-clause checks of clause_after stop at token `t`? Each stops only at punctuation,
 * a quotation mark or a word of CLAUSE_STOP_WORDS (each says so where it tests its token), so the
 * loop skips the other words, most of a sentence, in one test. */
static bool may_end_clause(const src_token *t)
{
    return t->type != TOK_WORD || (t->lex & CLAUSE_STOP_WORDS);
}

/* The reported clause after cue `c`: "said (that) …", "told reporters (on Tuesday) that …". */
static span clause_after(const src_doc *doc, long c, long send)
{
    long k = c + 1;
    const src_token *cue = src_tok(doc, (size_t)c);
    if (k < send && (cue->lex & LEX_TELL) && !src_word_is(doc, (size_t)k, "that") && !question_opener(doc, k)) {
        const src_token *o = src_tok(doc, (size_t)k);
        if (o->type == TOK_WORD && !(o->lex & (LEX_CLAUSE | LEX_PREP))) {
            span obj = np_right(doc, k, send);
            /* "told reporters that …", but "accused him of sexism", "urged voters to stay home":
             * the listener is part of what is said (a "that" further on still starts the clause) */
            if (obj.first < 0)
                obj = (span){k, plain_noun_end(doc, k, send)};
            else
                obj.end = noun_after_name(doc, obj.end, send); /* "told a Senate panel" */
            bool object_said = modal_after_words(doc, k, send);
            for (long q = obj.first + 1; q <= obj.end && q < send && !object_said; q++)
                object_said = src_word_is(doc, (size_t)q, "of") || src_word_is(doc, (size_t)q, "to");
            if (!object_said)
                k = obj.end;
        }
    }
    k = skip_day(doc, k, send);
    bool introduced = false; /* by "that", a colon or a quotation */
    if (k > c + 1 && k + 1 < send && (cue->lex & LEX_TELL) && src_word_is(doc, (size_t)k, "about")) {
        k++; /* "asked Ruiz about the levy": the topic put to the listener */
        introduced = true;
    }
    /* further on, "that" is more often a relative, but not after the verb's adjunct ("said in an
     * interview with the AP last week that …") when a subject follows it */
    long reach = k < send && !(cue->lex & LEX_PREP) && (src_tok(doc, (size_t)k)->lex & LEX_PREP) ? 12 : 6;
    for (long q = k; q < send && q < k + reach; q++) {
        const src_token *t = src_tok(doc, (size_t)q);
        if (t->type == TOK_PUNCT || t->region >= 0 || (q > k && is_cue(t)))
            break; /* "told the paper after hinting that …": the "that" is the other verb's */
        if (reported_verb_begins(doc, k, q))
            break; /* "said he was glad that …": the clause began at "he" */
        if (src_word_is(doc, (size_t)q, "that") && (q < k + 6 || clause_that(doc, q, send))) {
            k = q; /* the clause keeps its "that", as annotators mark it */
            introduced = true;
            break;
        }
    }
    long aside_that = introduced ? -1 : that_after_aside(doc, k, send);
    if (aside_that >= 0) {
        k = aside_that;
        introduced = true;
    } else if (k < send && src_is_punct(src_tok(doc, (size_t)k), ':')) {
        k++;
        introduced = true;
    } else if (k < send && src_tok(doc, (size_t)k)->type == TOK_PUNCT && !(k + 1 < send && currency_amount(doc, k))) {
        return no_span; /* "…, another official said, voicing …": the clause came before; but "calls for [$1 trillion …]" */
    }
    if (((cue->lex & LEX_WEAK) || intended_showing(doc, c)) && !introduced && !(k < send && src_tok(doc, (size_t)k)->region >= 0))
        return no_span; /* "wrote the letter", "maintains a lead", "will show more resolve" */
    long end = send;
    for (long q = k + 1; q < send; q++) {
        /* The clause ends where the speaker does something else: "…; she left", "… but did not
         * say", "… and would not name them". */
        const src_token *t = src_tok(doc, (size_t)q);
        if (!may_end_clause(t))
            continue;
        if (participle_after_quoted_comma(doc, q, send)) {
            end = q + 1;
            break;
        }
        if (t->region >= 0)
            continue;
        if (src_is_punct(t, ';')) {
            end = q; /* "…; she left" (a dash goes on: "the plan — drafted in May — would pass") */
            break;
        }
        if (clause_stops_at(doc, q, send) || writer_after_comma(doc, k, q, send) || lone_dash(doc, k, q, send) ||
            closing_relative(doc, q, send)) {
            end = q;
            break;
        }
    }
    if (!introduced && takes_an_object(doc, c))
        end = object_end(doc, c, k, end);
    end = trim_end(doc, k, end);
    if (count_words(doc, k, end) < 2 && !(end == k + 1 && (stance_object(doc, cue, k) || yes_or_no(doc, k))))
        return no_span;
    const src_token *first = src_tok(doc, (size_t)k);
    if (!introduced && first->type == TOK_WORD && (first->lex & LEX_PREP) && !src_word_is(doc, (size_t)k, "to")) {
        k = subject_after_adjunct(doc, k, end);
        if (k < 0 || count_words(doc, k, end) < 2)
            return no_span; /* "said in a statement.", but "said that with the delegates …" */
    }
    return (span){k, end};
}

/* The reported clause before the attribution: "Talks are frozen, a diplomat said." */
static span clause_before(const src_doc *doc, long sfirst, long before)
{
    /* The clause starts after the last ";" or ":" of the sentence (", and …" goes on: the speaker's
     * sentence is theirs as a whole, as annotators mark it) */
    for (long k = before - 2; k > sfirst; k--) {
        const src_token *t = src_tok(doc, (size_t)k);
        if (t->region < 0 && (src_is_punct(t, ';') || src_is_punct(t, ':'))) {
            sfirst = k + 1;
            break;
        }
    }
    long end = trim_end(doc, sfirst, before);
    if (end == before && before - 2 >= sfirst) {
        /* The comma inside a closing quotation: The media are “manipulating us,” Gilmore said. */
        const src_token *mark = src_tok(doc, (size_t)before - 1);
        if (mark->type == TOK_QUOTE && mark->region >= 0 && src_is_punct(src_tok(doc, (size_t)before - 2), ','))
            return count_words(doc, sfirst, end) >= 3 ? (span){sfirst, end} : no_span;
    }
    if (end >= before || count_words(doc, sfirst, end) < 3)
        return no_span; /* no comma or dash between clause and attribution */
    return (span){sfirst, end};
}

/* Ends the one-piece attribution `a` at token `end`, its piece with it. */
static void end_clause(src_doc *doc, src_attr *a, size_t end)
{
    a->end = end;
    src_piece *pieces = doc->pieces.data;
    for (size_t p = doc->pieces.len; p-- > 0;)
        if (pieces[p].attr_id == a->id) {
            pieces[p].end = end;
            break;
        }
}

/* The earlier reported clause that the speaker or cue `at` is inside ("He said they want a ban":
 * "they want" is part of what he said), that clause not being itself inside `content` ("Moscow
 * believes X, officials said"); NULL when none. */
static src_attr *enclosing_clause(const src_doc *doc, span content, span at)
{
    src_attr *attrs = doc->attrs.data;
    for (size_t a = doc->attrs.len, seen = 0; a-- > 0 && seen < 8; seen++) {
        src_attr *o = &attrs[a];
        if (o->kind == ONR_QUOTE_DIRECT || o->kind == ONR_QUOTE_PARTIAL || at.first < (long)o->first ||
            at.first >= (long)o->end)
            continue;
        if (o->cue_first < 0 || o->cue_first < content.first || o->cue_first >= content.end)
            return o;
    }
    return NULL;
}

/* Is the cue `at` inside a recent attribution's speaker: "“…,” Anna Petrova, who has not endorsed
 * anyone, told reporters" (the relative clause describes the speaker, it reports nothing)? */
static bool inside_a_speaker(const src_doc *doc, span at)
{
    const src_attr *attrs = doc->attrs.data;
    for (size_t a = doc->attrs.len, seen = 0; a-- > 0 && seen < 8; seen++)
        if (at.first >= attrs[a].speaker_first && at.first < attrs[a].speaker_end)
            return true;
    return false;
}

/* Speech nested in a reported clause is part of it (annotators mark it one time in four), unless
 * a new clause starts with its speaker: "Four in 10 said X, while nine in 10 said Y" ends the
 * first clause before "while", "While critics said X, others say Y" before the comma. Returns whether the nested speech stands on its own. */
static bool nested_speech_stands(src_doc *doc, src_attr *outer, long speaker)
{
    long conj = speaker - 1;
    if (conj <= (long)outer->first + 1)
        return false;
    const src_token *c = src_tok(doc, (size_t)conj), *before = src_tok(doc, (size_t)conj - 1);
    bool coordinated = src_is_punct(c, ';') || src_is_punct(c, ',') ||
                       ((src_word_is(doc, (size_t)conj, "and") || src_word_is(doc, (size_t)conj, "but") ||
                         src_word_is(doc, (size_t)conj, "while") || src_word_is(doc, (size_t)conj, "whereas")) &&
                        (src_is_punct(before, ',') || src_is_punct(before, ';')));
    long end = trim_end(doc, (long)outer->first, conj);
    if (!coordinated || outer->piece_count != 1 || count_words(doc, (long)outer->first, end) < 2 ||
        opening_phrase_comma(doc, (long)outer->first, conj))
        return false;
    end_clause(doc, outer, (size_t)end);
    return true;
}

/* "cautioned “let’s not get ahead of ourselves,” before predicting …", "said she was “going to
 * close the port,” while …": a clause led by a quotation that ends its own sentence or clause
 * ends with it; what follows is the writer's. Returns the end of `content`. */
static long quote_led_end(const src_doc *doc, span content)
{
    for (long k = content.first; k < content.end && k < content.first + 4; k++) {
        const src_token *t = src_tok(doc, (size_t)k);
        if (t->region < 0) {
            if (t->type != TOK_WORD)
                return content.end;
            continue;
        }
        const src_region *r = (const src_region *)doc->regions.data + t->region;
        if ((long)r->open != k || !r->closed || r->role == REGION_TITLE || (long)r->close + 1 >= content.end ||
            r->close < r->open + 2)
            return content.end;
        const src_token *last = src_tok(doc, r->close - 1);
        long after = (long)r->close + 1;
        if (after + 1 < content.end && src_word_is(doc, (size_t)after, "and") && clause_that(doc, after + 1, content.end))
            return content.end; /* "said that she was ''tired,'' and that …": a second clause of what was said */
        return last->type == TOK_PUNCT && strchr(",.!?", last->punct) ? after : content.end;
    }
    return content.end;
}

/* Does the sentence open with a subordinate clause that holds the cue `c` ("While the mayor
 * praised the plan, the council …", "But if she drops her plan …"): a subordinator first, no
 * punctuation up to the cue? */
static bool cue_in_opening_subordinate(const src_doc *doc, long c)
{
    long k = (long)((const src_sentence *)doc->sentences.data)[src_tok(doc, (size_t)c)->sentence].first;
    if (k + 1 < c && src_listed(doc, (size_t)k, LEXL_CLAUSE_LINK))
        k++;
    if (k + 1 < c && src_word_is(doc, (size_t)k, "even") && src_listed(doc, (size_t)k + 1, LEXL_AFTER_EVEN))
        k++;
    if (k >= c || !src_listed(doc, (size_t)k, LEXL_SUBORDINATOR))
        return false;
    for (long i = k + 1; i < c; i++)
        if (src_tok(doc, (size_t)i)->type == TOK_PUNCT && src_tok(doc, (size_t)i)->region < 0)
            return false;
    return true;
}

/* Is the cue `c` in a relative clause on the sentence's subject ("Norton, which declined to
 * comment, returned …", "Ms. Ruiz, who said …, left"): a short name or noun phrase opening the
 * sentence, a comma, "who" or "which", no punctuation up to the cue? */
static bool cue_in_subject_relative(const src_doc *doc, long c)
{
    static const char *const relatives[] = {"who", "which"};
    long first = (long)((const src_sentence *)doc->sentences.data)[src_tok(doc, (size_t)c)->sentence].first;
    long rel = -1;
    for (long k = c - 1; k > first && k > c - 24; k--) {
        const src_token *t = src_tok(doc, (size_t)k);
        if (t->region >= 0)
            return false;
        if (t->type == TOK_PUNCT) {
            if (!src_is_punct(t, ',') || k + 1 >= c || !WORD_AMONG(doc, (size_t)k + 1, relatives))
                return false;
            rel = k;
            break;
        }
    }
    if (rel < 0 || rel - first > 8)
        return false;
    for (long k = first; k < rel; k++) {
        const src_token *t = src_tok(doc, (size_t)k);
        if (t->region >= 0 || (t->type == TOK_PUNCT && !abbreviation_dot(doc, k)) || (t->lex & (LEX_CUE | LEX_CLAUSE | LEX_AUX)))
            return false;
    }
    return true;
}

/* A clause after a cue inside an opening subordinate clause or a relative clause on the subject
 * ends with that clause, at its comma: what follows is the main clause, the writer's. Returns the
 * end of `content`. */
static long subordinate_end(const src_doc *doc, span content, span cue)
{
    if (cue.first < 0 || content.end <= cue.end ||
        !(cue_in_opening_subordinate(doc, cue.first) || cue_in_subject_relative(doc, cue.first)))
        return content.end;
    for (long k = cue.end; k < content.first; k++)
        if (src_is_punct(src_tok(doc, (size_t)k), ','))
            return content.end; /* "As reported by X, …": the main clause is what was said */
    for (long k = (content.first > cue.end ? content.first : cue.end) + 1; k < content.end; k++) {
        const src_token *t = src_tok(doc, (size_t)k);
        if (src_is_punct(t, ',') && t->region < 0)
            return trim_end(doc, content.first, k);
    }
    return content.end;
}

/* "It seems (that) …", "It’s unclear if …": an "it" that only fills the subject's place names no
 * one; the clause is reported with no speaker. */
static bool expletive_it(const src_doc *doc, span speaker, span cue)
{
    if (speaker.first < 0 || speaker.end != speaker.first + 1)
        return false;
    const src_token *t = src_tok(doc, (size_t)speaker.first);
    const char *w = doc->text + t->start;
    size_t n = t->end - t->start;
    if (t->type != TOK_WORD || n < 2 || !onr_ascii_ieq(w, 2, "it", 2))
        return false;
    if (n == 2)
        return cue.first >= 0 && raising_verb(doc, cue.first, speaker.first);
    bool apostrophe = (n == 4 && w[2] == '\'') || (n == 6 && memcmp(w + 2, "\xE2\x80\x99", 3) == 0);
    return apostrophe && (w[n - 1] == 's' || w[n - 1] == 'S');
}

/* "expressed doubt that …", "it would call …, he said": a second cue for the same clause, whose
 * attribution one of the last few already is. */
static bool same_content_as_recent(const src_doc *doc, span content)
{
    const src_attr *attrs = doc->attrs.data;
    for (size_t a = doc->attrs.len, seen = 0; a-- > 0 && seen < 4; seen++)
        if (attrs[a].first == (size_t)content.first && attrs[a].end == (size_t)content.end)
            return true;
    return false;
}

/* Characters of a token, as the annotators count them (code points, not bytes). */
static size_t token_chars(const src_doc *doc, const src_token *t)
{
    size_t n = 0;
    for (uint32_t b = t->start; b < t->end; b++)
        n += ((unsigned char)doc->text[b] & 0xC0) != 0x80;
    return n;
}

/* PolNeAR calls an attribution direct when at least nine-tenths of its characters (white space
 * aside) are inside quotation marks: "called it “an incredibly significant development”" is direct,
 * "called Trump “unhinged”" mixed. */
static bool mostly_quoted(const src_doc *doc, long first, long end)
{
    size_t quoted = 0, all = 0;
    for (long k = first; k < end; k++) {
        const src_token *t = src_tok(doc, (size_t)k);
        size_t n = token_chars(doc, t);
        all += n;
        if (t->region >= 0 && ((const src_region *)doc->regions.data)[t->region].role != REGION_TITLE)
            quoted += n;
    }
    return quoted * 10 >= all * 9;
}

static bool add_reported(src_doc *doc, span content, span speaker, span cue)
{
    if (expletive_it(doc, speaker, cue))
        speaker = no_span;
    if (content.first < 0 || (src_tok(doc, (size_t)content.first)->flags & TF_USED) ||
        (content.first + 1 < content.end && (src_tok(doc, (size_t)content.first + 1)->flags & TF_USED) &&
         (src_word_is(doc, (size_t)content.first, "when") || src_word_is(doc, (size_t)content.first, "if"))))
        return true; /* "(When) asked whether X, 60 percent said yes": not "Asked whether X" as what they said */
    if ((cue.first >= 0 && inside_a_speaker(doc, cue)) || same_content_as_recent(doc, content))
        return true;
    src_attr *outer = speaker.first >= 0 ? enclosing_clause(doc, content, speaker) : NULL;
    if (outer && !nested_speech_stands(doc, outer, speaker.first))
        return true;
    if (!outer && cue.first >= 0 && enclosing_clause(doc, content, cue))
        return true; /* "The mayor said the deal was reported to be near": one attribution */
    for (long k = content.first; k < content.end; k++) {
        /* A direct quote with its own attribution ends the clause: "She said that X, to which
         * O'Malley interjected: “…”" */
        const src_token *t = src_tok(doc, (size_t)k);
        if (t->region >= 0 && ((const src_region *)doc->regions.data)[t->region].consumed) {
            long end = trim_end(doc, content.first, k);
            while (end > content.first && src_tok(doc, (size_t)end - 1)->type == TOK_WORD &&
                   (src_tok(doc, (size_t)end - 1)->lex & (LEX_CLAUSE | LEX_AND | LEX_PREP)))
                end = trim_end(doc, content.first, end - 1);
            if (count_words(doc, content.first, end) < 2)
                return true;
            content.end = end;
            break;
        }
    }
    const src_token *verb = cue.first >= 0 ? src_tok(doc, (size_t)cue.first) : NULL;
    if (verb && (verb->lex & LEX_NAMING) && cue.end == cue.first + 1) { /* not "called for" */
        /* "She called his actions “a crucial step forward.”": the writer's object and the quoted
         * words are a mixed quote, the rest of the sentence is not what she said. */
        for (long k = content.first; k < content.end; k++) {
            const src_token *t = src_tok(doc, (size_t)k);
            if (t->region < 0)
                continue;
            src_region *r = (src_region *)doc->regions.data + t->region;
            if (r->role == REGION_TITLE || (long)r->close >= content.end)
                break;
            r->consumed = true;
            onr_quote_kind kind = mostly_quoted(doc, content.first, (long)r->close + 1) ? ONR_QUOTE_DIRECT : ONR_QUOTE_MIXED;
            return new_attr(doc, kind, content.first, (long)r->close + 1, speaker, cue) != NULL;
        }
    }
    content.end = quote_led_end(doc, content);
    content.end = subordinate_end(doc, content, cue);
    onr_quote_kind kind = ONR_QUOTE_INDIRECT;
    src_region *regions = doc->regions.data;
    size_t titled = 0, words = 0;
    for (long k = content.first; k < content.end; k++) {
        const src_token *t = src_tok(doc, (size_t)k);
        words += is_wordlike(t);
        if (t->region >= 0 && regions[t->region].role == REGION_TITLE) {
            titled += is_wordlike(t); /* "a culture called “The Harbour Way”": a name, not speech */
        } else if (t->region >= 0) {
            kind = ONR_QUOTE_MIXED;
            regions[t->region].consumed = true;
        }
    }
    if (titled == words)
        return true;
    /* "said that Bush “has to bring his mother out …”": a clause nearly all quotation is the
     * speaker's words, a direct quote with a word or two of the writer's before it. */
    if (kind == ONR_QUOTE_MIXED && mostly_quoted(doc, content.first, content.end)) {
        kind = ONR_QUOTE_DIRECT;
        content.first += src_word_is(doc, (size_t)content.first, "that");
    }
    return new_attr(doc, kind, content.first, content.end, speaker, cue) != NULL;
}

static bool attribute_clauses(src_doc *doc, const src_sentence *s);

/* "Moscow believes that X, officials told VPost": the belief is reported by the officials, so
 * its clause ends where their attribution begins. Bounded to a few attributions per sentence. */
static void trim_nested(src_doc *doc, size_t from)
{
    src_attr *attrs = doc->attrs.data;
    size_t to = doc->attrs.len;
    if (to - from > 16)
        return;
    for (size_t a = from; a < to; a++)
        for (size_t b = from; b < to; b++) {
            src_attr *outer = &attrs[a], *inner = &attrs[b];
            if (a == b || inner->speaker_first < 0 || outer->cue_first < 0 ||
                (size_t)inner->speaker_first <= outer->first || (size_t)inner->speaker_first >= outer->end ||
                (size_t)outer->cue_first < inner->first || (size_t)outer->cue_first >= inner->end)
                continue;
            long end = trim_end(doc, (long)outer->first, inner->speaker_first);
            if (end > (long)outer->first && count_words(doc, (long)outer->first, end) >= 2 && outer->piece_count == 1)
                end_clause(doc, outer, (size_t)end);
        }
}

static bool attribute_reported(src_doc *doc, const src_sentence *s)
{
    size_t from = doc->attrs.len;
    bool ok = attribute_clauses(doc, s);
    if (ok)
        trim_nested(doc, from);
    return ok;
}

/* "Poll: Sanders leads in Iowa", "BENENSON: Senator Sanders doesn't get to decide": a short name at
 * the start of a paragraph, a colon, then what that one says, three words at least (not a list of
 * goals: "Rubio: Finish second."). */
static bool attribute_label(src_doc *doc, long sfirst, long send)
{
    if (!(src_tok(doc, (size_t)sfirst)->flags & TF_PARA))
        return true;
    long colon = sfirst;
    while (colon < send && colon < sfirst + 5 && is_cap(src_tok(doc, (size_t)colon)) &&
           !(src_tok(doc, (size_t)colon)->lex & (LEX_CLAUSE | LEX_PREP | LEX_DEF | LEX_INDEF | LEX_AUX)))
        colon++;
    for (long k = sfirst; k < colon; k++)
        if (src_tok(doc, (size_t)k)->lex & LEX_LABEL)
            return true; /* "Correction:", "Editor's note:" */
    if (colon == sfirst || colon >= send || !src_is_punct(src_tok(doc, (size_t)colon), ':') ||
        src_tok(doc, (size_t)colon + 1 < (size_t)send ? (size_t)colon + 1 : (size_t)colon)->region >= 0)
        return true;
    /* "Q: … ? …", "FALLIN: I think … . I think …": the speaker's turn is the whole paragraph */
    long para_end = send;
    while (para_end < (long)doc->tokens.len && para_end < send + 400 && same_para(doc, (size_t)colon, (size_t)para_end))
        para_end++;
    long end = trim_end(doc, colon + 1, para_end);
    if (count_words(doc, colon + 1, end) < 3)
        return true;
    return add_reported(doc, (span){colon + 1, end}, (span){sfirst, colon}, (span){colon, colon + 1});
}

/* "Hewitt writes:" / "The movie mentions neither …": a paragraph that ends with a speaker, a
 * reporting verb and a colon introduces the next paragraph, a block quotation printed without
 * marks (not a quotation, a tweet or other markup: those have their own rules). */
static bool attribute_block_after_colon(src_doc *doc, long sfirst, long send)
{
    size_t n = src_ntok(doc);
    long colon = send - 1, verb = send - 2;
    if (verb <= sfirst || (size_t)send >= n || !src_is_punct(src_tok(doc, (size_t)colon), ':') ||
        !is_cue(src_tok(doc, (size_t)verb)) || (src_tok(doc, (size_t)verb)->flags & TF_USED) ||
        (src_tok(doc, (size_t)verb)->lex & LEX_PARTICIPLE))
        return true;
    const src_token *next = src_tok(doc, (size_t)send);
    if (!(next->flags & TF_PARA) || next->type == TOK_QUOTE || next->region >= 0 || src_is_punct(next, '<'))
        return true;
    span speaker = speaker_left(doc, verb, sfirst);
    if (speaker.first < 0)
        return true;
    long end = send + 1;
    while ((size_t)end < n && end < send + 400 && same_para(doc, (size_t)send, (size_t)end))
        end++;
    end = trim_end(doc, send, end);
    if (count_words(doc, send, end) < 6)
        return true;
    return add_reported(doc, (span){send, end}, speaker, (span){verb, verb + 1});
}

/* Might word `p` be one of the particles of topic_pair ("out", "up", "off", "back")? Its cheap
 * test: this runs for every word. */
static inline bool particle_shaped(const src_doc *doc, const src_token *p)
{
    char initial = (char)(doc->text[p->start] | 0x20); /* lowercase, for a letter */
    return p->type == TOK_WORD && p->end - p->start <= 4 && (initial == 'o' || initial == 'u' || initial == 'b');
}

/* Is "verb particle" at `verb` a cue learned as a pair ("referring to", "pointed out")? */
static bool topic_pair(const src_doc *doc, long verb)
{
    const src_token *v = src_tok(doc, (size_t)verb), *p = src_tok(doc, (size_t)verb + 1);
    size_t vn = v->end - v->start, pn = p->end - p->start;
    char pair[24];
    if (!(v->flags & TF_PAIR) || p->type != TOK_WORD || vn + 1 + pn > sizeof pair)
        return false;
    if (!(p->lex & (LEX_PREP | LEX_OF)) && (!particle_shaped(doc, p) ||
                                 !(src_word_is(doc, (size_t)verb + 1, "out") || src_word_is(doc, (size_t)verb + 1, "up") ||
                                   src_word_is(doc, (size_t)verb + 1, "off") || src_word_is(doc, (size_t)verb + 1, "back"))))
        return false; /* checked cheaply: this runs for every word */
    memcpy(pair, doc->text + v->start, vn);
    pair[vn] = ' ';
    memcpy(pair + vn + 1, doc->text + p->start, pn);
    unsigned number;
    return (src_lexicon_lookup(pair, vn + 1 + pn, &number) & LEX_ABOUT) != 0;
}

/* Does the preposition after verb `c` introduce what the verb is about: "talked about", "called
 * for", "referring to"? */
static inline bool topic_preposition(const src_doc *doc, long c)
{
    const src_token *t = src_tok(doc, (size_t)c);
    return ((t->lex & LEX_ABOUT) && src_word_is(doc, (size_t)c + 1, "about")) ||
           ((t->lex & LEX_FOR) && src_word_is(doc, (size_t)c + 1, "for")) || topic_pair(doc, c);
}

/* "Sanders talked about the country's problems", "Trump called for an inquiry": the object of
 * the preposition is what the subject said. The preposition stands in for the cue so that the
 * clause ends by the same rules as after "said". */
/* The speaker before verb `c`, also of a progressive: "she was referring to", "they are saying". */
static span verb_speaker(const src_doc *doc, long c, long limit)
{
    span speaker = speaker_left(doc, c, limit);
    if (speaker.first < 0 && c > limit && ends_in_ing(doc, src_tok(doc, (size_t)c)) && is_be(doc, c - 1))
        speaker = speaker_left(doc, c - 1, limit);
    return speaker;
}

/* "raised", "voiced": a past-tense verb before a noun cue ("raised doubts about") belongs to the cue,
 * not to the speaker's noun phrase. */
static bool past_tense_verb(const src_doc *doc, long i)
{
    const src_token *t = src_tok(doc, (size_t)i);
    return !(t->flags & TF_CAP) && !(t->lex & (LEX_DEF | LEX_INDEF | LEX_PRONOUN)) && src_word_ends_in(doc, t, "ed", 3);
}

/* "a program called Sandy Hook Promise", "a website named …": an indefinite noun phrase before a
 * naming verb and a name after it is a thing being named, no one speaking. */
static bool named_thing(const src_doc *doc, span speaker, long c, long send)
{
    if (speaker.first < 0 || !(src_tok(doc, (size_t)c)->lex & LEX_NAMING) || c + 1 >= send ||
        !(src_word_is(doc, (size_t)speaker.first, "a") || src_word_is(doc, (size_t)speaker.first, "an")))
        return false;
    for (long k = speaker.first; k < speaker.end; k++)
        if (src_tok(doc, (size_t)k)->lex & LEX_ROLE)
            return false; /* "a spokesman called it …" */
    const src_token *n = src_tok(doc, (size_t)c + 1);
    return is_cap(n) || n->type == TOK_QUOTE || n->region >= 0;
}

/* A comma right before token `c`, or inside the quotation that closes there: "…,” adding that …". */
static bool comma_before(const src_doc *doc, long c, long sfirst)
{
    const src_token *p = src_tok(doc, (size_t)c - 1);
    if (src_is_punct(p, ','))
        return true;
    return c - 2 > sfirst && p->type == TOK_QUOTE && (p->flags & TF_CLOSE) && src_is_punct(src_tok(doc, (size_t)c - 2), ',');
}

/* The subject of an adjective after "be": "Clinton was especially critical of", "voters are
 * deeply skeptical of". */
static span subject_before_be(const src_doc *doc, long c, long sfirst)
{
    long k = c - 1;
    while (k > sfirst && k > c - 3 && is_adverb(doc, src_tok(doc, (size_t)k)))
        k--;
    return k > sfirst && is_be(doc, k) ? speaker_left(doc, k, sfirst) : no_span;
}

static long possessor_before(const src_doc *doc, long c, long sfirst);
static bool attribute_noun_cue(src_doc *doc, long c, long sfirst, long send, bool *added);
static span opening_phrase_subject(const src_doc *doc, long c, long sfirst, long send);

/* The verb at `c`, its preposition at `prep` (c + 1, or further: "spoke out about"). */
static bool attribute_topic(src_doc *doc, long c, long prep, long sfirst, long send)
{
    bool added;
    bool adjacent = prep == c + 1; /* only a preposition right after may follow a noun */
    if (adjacent && possessor_before(doc, c, sfirst) >= 0) /* "Trump's concerns about", "their chants of": a noun */
        return attribute_noun_cue(doc, c, sfirst, send, &added);
    long verb = c > sfirst + 1 && past_tense_verb(doc, c - 1) ? c - 1 : c;
    /* "…, she said, referring to …", "launched a vote in Bern, calling for …": the participle's subject */
    bool participle = verb > sfirst && (comma_before(doc, verb, sfirst) || gerund_after_preposition(doc, verb, sfirst)) &&
                      ends_in_ing(doc, src_tok(doc, (size_t)verb));
    span speaker = participle ? participle_speaker(doc, verb, sfirst) : verb_speaker(doc, verb, sfirst);
    if (!participle && object_of_a_verb(doc, speaker, sfirst))
        speaker = subject_over_object(doc, verb, sfirst, speaker); /* "started a petition calling on" */
    if (speaker.first < 0 && c > sfirst + 1 && (src_word_is(doc, (size_t)c - 1, "and") || src_word_is(doc, (size_t)c - 1, "but")))
        speaker = clause_subject(doc, sfirst, c - 1); /* "… and spoke about …" */
    if (speaker.first < 0)
        speaker = subject_before_be(doc, c, sfirst);
    if (speaker.first < 0 && c > sfirst + 2 && (src_tok(doc, (size_t)c - 1)->lex & LEX_PREP) &&
        src_tok(doc, (size_t)c - 2)->type == TOK_WORD && !(src_tok(doc, (size_t)c - 2)->flags & TF_CAP) &&
        !src_tok(doc, (size_t)c - 2)->lex)
        speaker = verb_speaker(doc, c - 2, sfirst); /* "voted in favor of", "began by talking about" */
    if (speaker.first < 0 && ends_in_ing(doc, src_tok(doc, (size_t)verb))) {
        /* "After talking about security, Netanyahu …", "he began talking about", "is now talking about" */
        speaker = opening_phrase_subject(doc, verb, sfirst, send);
        if (speaker.first < 0)
            speaker = participle_speaker(doc, verb, sfirst);
    }
    if (speaker.first < 0) /* "raising fresh questions about": a noun's owner */
        return adjacent ? attribute_noun_cue(doc, c, sfirst, send, &added) : true;
    span content = clause_after(doc, prep, send);
    const src_token *w = prep + 1 < send ? src_tok(doc, (size_t)prep + 1) : NULL;
    if (content.first < 0 && w && is_wordlike(w) && w->region < 0 && !(w->lex & LEX_PRONOUN) && w->end - w->start > 2 &&
        (prep + 2 == send || src_tok(doc, (size_t)prep + 2)->type == TOK_PUNCT))
        content = (span){prep + 1, prep + 2}; /* "was calling for calm.", but "turned to me." */
    return add_reported(doc, content, speaker, (span){verb, prep + 1});
}

/* "He has spoken out against the law", "she spoke out in favor of the plan", "Trump lashed out
 * at Khan": on train, 13 of 20 such phrases are annotated as their subject's words, the object
 * of the preposition. The preposition's token (the "of" of "in favor of"), else -1. */
static inline __attribute__((always_inline)) long spoke_out(const src_doc *doc, long c, long send)
{
    static const char *const verbs[] = {"speak", "speaks", "spoke", "spoken", "speaking", "lash", "lashes", "lashed", "lashing"};
    static const char *const preps[] = {"about", "against", "for", "on", "at"};
    /* the gate asks at most words: "out" first, a test of its length */
    if (c + 3 >= send || !src_word_is(doc, (size_t)c + 1, "out") || !WORD_AMONG(doc, (size_t)c, verbs))
        return -1;
    if (WORD_AMONG(doc, (size_t)c + 2, preps))
        return c + 2;
    bool in_favor = c + 4 < send && src_word_is(doc, (size_t)c + 2, "in") && src_word_is(doc, (size_t)c + 4, "of") &&
                    (src_word_is(doc, (size_t)c + 3, "favor") || src_word_is(doc, (size_t)c + 3, "support"));
    return in_favor ? c + 4 : -1;
}

/* Does the question put to the speaker start at token `k`: "about", "whether", "why" …? */
static bool question_opener(const src_doc *doc, long k)
{
    static const char *const openers[] = {"about", "if", "whether", "why", "how", "what", "when", "which", "who", "whom", "where"};
    return WORD_AMONG(doc, (size_t)k, openers);
}

/* The question opener ("about", "whether", …) a few words after "asked" ("on Monday", "by the
 * host"), or -1. */
static long question_after(const src_doc *doc, long c, long send)
{
    long k = c + 1;
    while (k < send && k < c + 8 && src_tok(doc, (size_t)k)->type == TOK_WORD && !question_opener(doc, k))
        k++;
    return k < send && question_opener(doc, k) ? k : -1;
}

/* "Asked about his plans, Ryan said …", "When asked on Monday whether X, 72 percent said yes":
 * the question put to the speaker, by an asker the sentence does not name. Its clause ends at
 * the first comma or the end of the sentence. */
/* Who put the question asked at `c` before the opener at `q`: the one after "by" ("was asked by
 * the host whether …"), or the subject before it when the one asked stands between ("Ruiz, the
 * mayor, asked Lee whether …", not "Ruiz, asked on Monday whether …"); else none. */
static span asker(const src_doc *doc, long c, long q, long sfirst)
{
    if (c + 2 < q && src_word_is(doc, (size_t)c + 1, "by"))
        return np_right(doc, c + 2, q);
    if (c <= sfirst || q <= c + 1 || is_be(doc, c - 1) || !has_name(doc, c + 1, q) || only_time_phrase(doc, (span){c + 1, q}))
        return no_span;
    return speaker_left(doc, c, sfirst);
}

static bool attribute_asked(src_doc *doc, long c, long sfirst, long send)
{
    long k = question_after(doc, c, send);
    if (k < 0)
        return true;
    span speaker = asker(doc, c, k, sfirst);
    k += src_word_is(doc, (size_t)k, "about");
    long end = k;
    for (; end < send && end < k + 60; end++) {
        const src_token *t = src_tok(doc, (size_t)end);
        if (src_is_punct(t, ',') && t->region < 0)
            break;
        if (t->type == TOK_QUOTE && end > k && src_is_punct(src_tok(doc, (size_t)end - 1), ',')) {
            end++; /* Asked whether the plan was “fair,” …: the comma inside the closing mark */
            break;
        }
    }
    if (end > send || end >= k + 60 || count_words(doc, k, end) < 1)
        return true;
    return add_reported(doc, (span){k, trim_end(doc, k, end)}, speaker, (span){c, c + 1});
}

/* What "according to X" (at token `c`) attributes to X, whose phrase it may lengthen to the comma
 * that closes it: after it at the start of a sentence ("According to X, Y"), else the sentence
 * around it ("Y, according to X", "Since May, according to X, Y"), a leading "But," aside. */
/* "Fox is a cash generator, with [$1.6 billion in profit], according to X": the "with" phrase that
 * closes the clause before "according to" at `c` is what the source gives; from `lead` otherwise. */
static long after_closing_with(const src_doc *doc, long lead, long c)
{
    for (long k = c - 2; k > lead + 2 && k > c - 30; k--) {
        const src_token *t = src_tok(doc, (size_t)k);
        if (t->region >= 0 || (t->type == TOK_PUNCT && strchr(";:()", t->punct)) || dash_break(doc, k))
            return lead;
        if (src_is_punct(t, ','))
            return src_word_is(doc, (size_t)k + 1, "with") && count_words(doc, k + 2, c) >= 2 ? k + 2 : lead;
    }
    return lead;
}

static span according_content(const src_doc *doc, long c, long sfirst, long send, span *speaker)
{
    long comma = speaker->end;
    while (comma < send && comma < speaker->end + 30 && !src_is_punct(src_tok(doc, (size_t)comma), ',') &&
           !src_is_punct(src_tok(doc, (size_t)comma), ':'))
        comma++;
    bool closed = comma < send && comma < speaker->end + 30 && count_words(doc, comma + 1, send) >= 2;
    long lead = sfirst;
    if (c >= sfirst + 2 && src_is_punct(src_tok(doc, (size_t)c - 1), ',') &&
        (src_tok(doc, (size_t)c - 2)->lex & (LEX_AND | LEX_CLAUSE)) && !(src_tok(doc, (size_t)c - 2)->lex & LEX_PRONOUN))
        lead = c; /* "But, according to X, Y", "… after, according to him, Y" */
    if (lead == c) {
        if (!closed)
            return no_span;
        if (trim_end(doc, speaker->first, comma) > speaker->end)
            speaker->end = trim_end(doc, speaker->first, comma);
        return (span){comma + 1, trim_end(doc, comma + 1, send)};
    }
    if (!closed || speaker->end != comma)
        return (span){after_closing_with(doc, lead, c), trim_end(doc, lead, c)};
    return (span){lead, trim_end(doc, lead, send)}; /* "Since May, according to X, Y" */
}

/* "…in Boston, said Democratic strategist Hank Sheinkopf.": after a comma and cue `c`, a noun
 * phrase that ends the sentence, or an apposition or relative clause after its comma ("…, said
 * Ruiz, who …", "…, said a port official, Anna Petrova."), is the one speaking, whatever
 * `speaker` the words before the comma gave; else no_span. */
static span name_ending_sentence(const src_doc *doc, long c, long send, span speaker)
{
    if (!src_is_punct(src_tok(doc, (size_t)c - 1), ','))
        return no_span;
    for (long k = speaker.first; k < speaker.end; k++)
        if (src_is_punct(src_tok(doc, (size_t)k), ','))
            return no_span; /* "Sokolov, who ran the port, praised the mayor": the comma closes an apposition */
    span after = np_right(doc, c + 1, send);
    if (after.first < 0)
        return no_span;
    long end = trim_end(doc, c + 1, send);
    if (after.end >= end)
        return after;
    if (after.end + 1 >= end || !src_is_punct(src_tok(doc, (size_t)after.end), ','))
        return no_span;
    for (long k = after.end + 1; k < end; k++)
        if (src_tok(doc, (size_t)k)->type == TOK_PUNCT && src_tok(doc, (size_t)k)->region < 0 && !abbreviation_dot(doc, k))
            return no_span; /* "…, says Ruiz, the historian, is that …": the sentence goes on */
    return after;
}

/* "were more likely to say they …", "won by saying that …": an infinitive or a gerund after a
 * preposition, whose speaker is the subject of the clause. */
static bool verb_after_its_particle(const src_doc *doc, long c, long sfirst)
{
    if (c < sfirst + 2)
        return false;
    const src_token *p = src_tok(doc, (size_t)c - 1);
    if (p->type != TOK_WORD || (p->flags & TF_CAP) || in_relative_clause(doc, sfirst, c))
        return false; /* "An official who spoke anonymously to discuss the plan said" */
    return src_word_is(doc, (size_t)c - 1, "to") || ((p->lex & LEX_PREP) && ends_in_ing(doc, src_tok(doc, (size_t)c)));
}

/* "The bill appears to have the votes", "Turnout is expected to rise": a verb that reports no
 * one's speech but the writer's hedge about the whole clause, its subject included. */
static bool raising_verb(const src_doc *doc, long c, long sfirst)
{
    static const char *const raising[] = {"appear", "appears", "appeared", "seem", "seems", "seemed"};
    for (size_t i = 0; i < sizeof raising / sizeof raising[0]; i++)
        if (src_word_is(doc, (size_t)c, raising[i]))
            return true;
    long be = c - 1;
    while (be > sfirst && is_adverb(doc, src_tok(doc, (size_t)be)))
        be--;
    return be > sfirst && is_be(doc, be) && src_word_is(doc, (size_t)c, "expected"); /* "is not expected to" */
}

/* Is the token after `c` the word `a` or `b`? Lengths first: the checks that use it run on every
 * token. */
static inline bool next_word_either(const src_doc *doc, long c, const char *a, size_t alen, const char *b, size_t blen)
{
    const src_token *n = src_tok(doc, (size_t)c + 1);
    size_t len = n->end - n->start;
    const char *w = doc->text + n->start;
    return n->type == TOK_WORD && ((len == alen && onr_ascii_ieq(w, len, a, len)) || (len == blen && onr_ascii_ieq(w, len, b, len)));
}

/* The possessive before the noun at `c`, a word or two describing the noun aside ("his
 * controversial pledge", "Trump's plan", "Sanders' call"); -1 when none. */
static long possessor_before(const src_doc *doc, long c, long sfirst)
{
    for (long p = c - 1; p >= sfirst && p >= c - 3; p--) {
        const src_token *w = src_tok(doc, (size_t)p);
        if (w->type == TOK_QUOTE)
            return possessive_mark(doc, p) ? p : -1;
        if (w->type != TOK_WORD)
            return -1;
        if (src_possessive_word(doc, w) || (w->lex & LEX_POSSESSIVE))
            return p;
        if ((w->flags & TF_CAP) || w->lex)
            return -1;
    }
    return -1;
}

/* "his promise to build a wall", "Clinton's claim that …", "Trump's controversial pledge to …": a
 * noun of saying or intending after a possessive, then its "that" or "to" clause; the token of the
 * possessive, else -1. */
static inline long possessed_cue(const src_doc *doc, long c, long sfirst, long send)
{
    const src_token *t = src_tok(doc, (size_t)c);
    if (c + 2 >= send || !(src_tok(doc, (size_t)c + 1)->lex & (LEX_CLAUSE | LEX_PREP)) || t->type != TOK_WORD ||
        (t->flags & TF_CAP) || t->region >= 0 || !(t->lists & LEXL_POSSESSED) || !next_word_either(doc, c, "that", 4, "to", 2) ||
        src_tok(doc, (size_t)c + 2)->type != TOK_WORD)
        return -1; /* the cheapest tests first: this runs on every token */
    return possessor_before(doc, c, sfirst);
}

/* The possessor's phrase ending at possessive `p`: "his", "Donald Trump's". */
static span possessor_span(const src_doc *doc, long p, long sfirst)
{
    span speaker = {p, p + 1};
    const src_token *verb = p > sfirst ? src_tok(doc, (size_t)p - 1) : NULL;
    if ((src_tok(doc, (size_t)p)->lex & LEX_DEF) && verb && verb->type == TOK_WORD && !(verb->flags & TF_CAP) &&
        !(verb->lex & (LEX_PREP | LEX_OF | LEX_AND | LEX_CLAUSE | LEX_DEF | LEX_INDEF)) && !src_word_is(doc, (size_t)p - 1, "including")) {
        /* "Trump renewed his call to …", "she shared her belief that …": the verb's subject */
        span subject = verb_speaker(doc, p - 1, sfirst);
        if (subject.first < 0)
            subject = clause_subject(doc, local_clause(doc, sfirst, p - 1), p - 1);
        if (subject.first >= 0)
            speaker = subject;
    } else if (!(src_tok(doc, (size_t)p)->lex & LEX_DEF)) {
        long w = possessive_mark(doc, p) ? p - 1 : p;
        speaker = (span){np_left(doc, w, sfirst), p + 1};
        if (speaker.first > w)
            speaker.first = w;
    }
    return speaker;
}

static bool attribute_possessed_cue(src_doc *doc, long c, long sfirst, long send)
{
    long p = possessed_cue(doc, c, sfirst, send);
    span speaker = possessor_span(doc, p, sfirst);
    /* The clause ends at punctuation, or for an infinitive at the sentence's own verb: "his
     * promise to build a wall was …" */
    long end = c + 3;
    bool infinitive = src_word_is(doc, (size_t)c + 1, "to");
    for (; end < send; end++) {
        const src_token *e = src_tok(doc, (size_t)end);
        if ((e->type == TOK_PUNCT && e->region < 0 && !abbreviation_dot(doc, end) && (!src_is_punct(e, '-') || dash_break(doc, end))) ||
            (infinitive && (is_be(doc, end) || (e->lex & LEX_AUX))))
            break;
    }
    end = trim_end(doc, c + 1, end);
    if (count_words(doc, c + 1, end) < 3)
        return true;
    return add_reported(doc, (span){c + 1, end}, speaker, (span){c, c + 1});
}

/* The verb whose object the noun at `c` is, over a determiner and up to two describing words
 * before the noun ("voiced strong support for", "hold no illusions that"); -1 when none. */
static long verb_before_noun(const src_doc *doc, long c, long sfirst)
{
    long k = c - 1;
    for (int n = 0; n < 2 && k > sfirst; n++, k--) {
        const src_token *w = src_tok(doc, (size_t)k);
        if (w->type != TOK_WORD || w->lex || (w->flags & TF_CAP) || src_word_ends_in(doc, w, "ed", 3) || has_ing(doc, w))
            break; /* "fresh", "harsh", but not the verb "voiced" */
    }
    if (k > sfirst && ((src_tok(doc, (size_t)k)->lex & (LEX_DEF | LEX_INDEF)) || src_word_is(doc, (size_t)k, "no")))
        k--;
    const src_token *v = src_tok(doc, (size_t)k);
    if (k < sfirst || v->type != TOK_WORD || (v->flags & TF_CAP) || v->region >= 0 ||
        (v->lex & ~(LEX_CUE | LEX_PARTICIPLE | LEX_WEAK | LEX_TELL | LEX_STANCE)))
        return -1;
    return k;
}

/* Whose words the noun cue at `c` reports: the possessive before it ("Trump's support for"), but
 * the subject when a pronoun's noun is the object of a verb ("Sanders toned down his criticism
 * of": his is Sanders); else the subject of the verb whose object it is (`verb`, else -1: "Ruiz
 * voiced support for", "…, voicing the belief that"). */
static span noun_owner(const src_doc *doc, long c, long sfirst, long *verb)
{
    /* a possessive pronoun stands where the determiner would: "toned down his criticism of" */
    long p = possessor_before(doc, c, sfirst), v = verb_before_noun(doc, p >= 0 ? p + 1 : c, sfirst);
    *verb = v;
    if (p >= 0 && !((src_tok(doc, (size_t)p)->lex & LEX_DEF) && v >= 0))
        return possessor_span(doc, p, sfirst);
    if (v < 0)
        return no_span;
    if (v > sfirst && comma_before(doc, v, sfirst) && ends_in_ing(doc, src_tok(doc, (size_t)v)))
        return participle_speaker(doc, v, sfirst);
    return verb_speaker(doc, v, sfirst);
}

/* "…, another official said, voicing the belief that …", "Ruiz voiced confidence that …", "they hold
 * no illusions that …": a verb of expressing or holding, then a stance noun (after a determiner or
 * "no" and a describing word at most) and "that";
 * the verb's token, else -1. On train, 13 of the 16 such phrases are annotated as their subject's
 * words (the others: "claim", which this list leaves out). A verb that made its own attribution
 * ("expressed concern that") is left to it, and a possessive to possessed_cue. */
static inline long expressed_stance(const src_doc *doc, long c, long sfirst, long send)
{
    if (c + 2 >= send || !(src_tok(doc, (size_t)c + 1)->lex & LEX_CLAUSE) || !src_word_is(doc, (size_t)c + 1, "that") ||
        !src_listed(doc, (size_t)c, LEXL_STANCE_NOUN))
        return -1; /* the cheapest tests first: this runs on every token */
    long v = c - 1;
    if (v > sfirst && !src_tok(doc, (size_t)v)->lex && !src_listed(doc, (size_t)v, LEXL_EXPRESSING))
        v--; /* "voiced strong confidence that" */
    if (v > sfirst && (((src_tok(doc, (size_t)v)->lex & (LEX_DEF | LEX_INDEF)) && !(src_tok(doc, (size_t)v)->lex & LEX_POSSESSIVE)) ||
                       src_word_is(doc, (size_t)v, "no")))
        v--; /* "voicing the belief that", "hold no illusions that" */
    const src_token *t = src_tok(doc, (size_t)v);
    if (v < sfirst || (t->flags & (TF_CAP | TF_USED)) || t->region >= 0 || !src_listed(doc, (size_t)v, LEXL_EXPRESSING))
        return -1;
    return v;
}

/* "Lee guessed that the ferry …", "she suspects that it …": a verb the lexicon does not know (a
 * past form, or a present one right after a name or "he"/"she", not the plural of "the services
 * that"), then "that" and the subject of a clause (a pronoun, a determiner or a name, so not the
 * relative of "the things that happened"): the verb's subject reports or holds the clause. */
static bool unlisted_verb_that(const src_doc *doc, long c, long sfirst, long send)
{
    static const char *const he_or_she[] = {"he", "she"};
    const src_token *t = src_tok(doc, (size_t)c);
    if (c + 2 >= send || c <= sfirst || t->lex || (t->flags & TF_CAP) ||
        !(src_tok(doc, (size_t)c + 1)->lex & LEX_CLAUSE) || !src_word_is(doc, (size_t)c + 1, "that"))
        return false;
    if (!src_word_ends_in(doc, t, "ed", 4) &&
        !(src_word_ends_in(doc, t, "s", 4) && !src_word_ends_in(doc, t, "ss", 4) &&
          (is_cap(src_tok(doc, (size_t)c - 1)) || WORD_AMONG(doc, (size_t)c - 1, he_or_she))))
        return false;
    const src_token *n = src_tok(doc, (size_t)c + 2);
    return n->type == TOK_WORD && n->region < 0 &&
           ((n->lex & (LEX_PRONOUN | LEX_DEF | LEX_INDEF | LEX_POSSESSIVE)) || (n->flags & TF_CAP));
}

static bool attribute_unlisted_verb_that(src_doc *doc, long c, long sfirst, long send)
{
    span speaker = verb_speaker(doc, c, sfirst);
    if (speaker.first < 0 || (speaker.end == speaker.first + 1 && src_word_is(doc, (size_t)speaker.first, "it")))
        return true;
    return add_reported(doc, clause_after(doc, c, send), speaker, (span){c, c + 1});
}

/* "Ruiz made (it) clear that …", "dockers are hopeful that …": a judgement of the subject's own
 * before "that" (on train, 22 of 40 such phrases are annotated, as the subject's words); the token
 * of "made" or of the form of "be", else -1. Not "it is clear that": no one's view is named. */
static long stance_adjective(const src_doc *doc, long c, long sfirst, long send)
{
    static const char *const adjectives[] = {"hopeful", "optimistic", "concerned"};
    static const char *const making[] = {"made", "make", "makes", "making"};
    static const char *const degrees[] = {"very", "so", "more", "increasingly", "abundantly", "crystal", "perfectly"};
    if (c + 2 >= send || c < sfirst + 2 || !(src_tok(doc, (size_t)c + 1)->lex & LEX_CLAUSE) ||
        !src_word_is(doc, (size_t)c + 1, "that"))
        return -1; /* the cheapest tests first: this runs on every token */
    bool clear = src_word_is(doc, (size_t)c, "clear");
    if (!clear && !WORD_AMONG(doc, (size_t)c, adjectives))
        return -1;
    long v = c - 1;
    if (v > sfirst && (is_adverb(doc, src_tok(doc, (size_t)v)) || WORD_AMONG(doc, (size_t)v, degrees)))
        v--;
    if (clear && v > sfirst && src_word_is(doc, (size_t)v, "it"))
        v--;
    if (src_tok(doc, (size_t)v)->flags & TF_CAP)
        return -1;
    return (clear ? WORD_AMONG(doc, (size_t)v, making) : is_be(doc, v)) ? v : -1;
}

static bool attribute_stance_adjective(src_doc *doc, long c, long v, long sfirst, long send)
{
    span speaker = verb_speaker(doc, v, sfirst);
    if (speaker.first < 0 || (speaker.end == speaker.first + 1 && src_word_is(doc, (size_t)speaker.first, "it")))
        return true;
    return add_reported(doc, clause_after(doc, c, send), speaker, (span){v, c + 1});
}

/* The stance clause after expressed_stance's verb `v`, the words of the verb's subject (or, for a
 * participle after a comma, of its clause's speaker). */
static bool attribute_expressed_stance(src_doc *doc, long c, long v, long sfirst, long send)
{
    span speaker = v > sfirst && comma_before(doc, v, sfirst) && ends_in_ing(doc, src_tok(doc, (size_t)v))
                       ? participle_speaker(doc, v, sfirst)
                       : verb_speaker(doc, v, sfirst);
    if (speaker.first < 0)
        return true;
    return add_reported(doc, clause_after(doc, c, send), speaker, (span){v, c + 1});
}

/* "his criticism of the plan", "Ruiz voiced support for Cruz", "…, voicing the belief that …":
 * a noun learned as a cue (tools/learn_sources_cues.py, NOUN) before a preposition or "that". */
static bool noun_cue(const src_doc *doc, long c, long send)
{
    /* LEXL_NOUN_LINK: as tools/learn_sources_cues.py counts them (NOUN_LINKS), not "attacks in the capital" */
    const src_token *t = src_tok(doc, (size_t)c);
    return c + 2 < send && (t->lex & LEX_NOUN) && t->type == TOK_WORD && !(t->flags & TF_CAP) && t->region < 0 &&
           src_listed(doc, (size_t)c + 1, LEXL_NOUN_LINK);
}

/* Where the object of a noun cue that is no verb's object ends: "Trump's attacks on Curiel
 * | were …", "His rulings on same-sex marriage | have …": at punctuation or the sentence's verb
 * when the lexicon knows it. */
static long subject_object_end(const src_doc *doc, span content)
{
    long k = content.first;
    for (; k < content.end; k++) {
        const src_token *t = src_tok(doc, (size_t)k);
        if ((t->type == TOK_PUNCT && t->region < 0 && !abbreviation_dot(doc, k)) ||
            (t->type == TOK_WORD && !(t->flags & TF_CAP) && k > content.first && ((t->lex & LEX_AUX) || is_be(doc, k))))
            break;
    }
    return trim_end(doc, content.first, k);
}

/* What follows the noun cue at `c` was said, ending by the same rules as after "said". `added` stays
 * false when the noun has no owner ("The attacks on X grew"): the word is then read as any other.
 * False only when memory runs out. */
static bool attribute_noun_cue(src_doc *doc, long c, long sfirst, long send, bool *added)
{
    long verb;
    span speaker = noun_owner(doc, c, sfirst, &verb);
    bool object = verb >= 0;
    *added = speaker.first >= 0;
    if (!*added)
        return true;
    bool that = src_word_is(doc, (size_t)c + 1, "that");
    span content = clause_after(doc, that ? c : c + 1, send);
    const src_token *w = src_tok(doc, (size_t)c + 2);
    if (content.first < 0 && !that && is_wordlike(w) && w->region < 0 && !(w->lex & LEX_PRONOUN) &&
        (c + 3 == send || src_tok(doc, (size_t)c + 3)->type == TOK_PUNCT))
        content = (span){c + 2, c + 3}; /* "voiced support for Cruz." */
    if (content.first >= 0 && !object && !that) {
        content.end = subject_object_end(doc, content);
        if (content.end <= content.first)
            return true;
    }
    size_t before = doc->attrs.len;
    if (!add_reported(doc, content, speaker, (span){c, c + 2}))
        return false;
    if (object && doc->attrs.len > before) /* the cue reads with its verb: "pinning its hopes on" */
        ((src_attr *)doc->attrs.data)[before].cue_first = verb;
    return true;
}

/* "In the new Post-ABC poll, Ruiz leads by nine points.": a sentence that opens (at `c`) with "In"
 * and a poll or survey reports the poll's finding, the clause after the comma (on train, 10 of 19 such
 * openings are annotated), unless a verb of saying in it makes its own; the comma's token, else -1. */
static long poll_opening(const src_doc *doc, long c, long send)
{
    static const char *const polls[] = {"poll", "polls", "survey", "surveys"};
    const src_token *in = src_tok(doc, (size_t)c);
    if (in->region >= 0 || (in->flags & TF_USED) || !src_word_is(doc, (size_t)c, "in"))
        return -1;
    bool poll = false;
    for (long k = c + 1; k < send && k < c + 20; k++) {
        const src_token *t = src_tok(doc, (size_t)k);
        if (t->region >= 0 || (t->type == TOK_PUNCT && !src_is_punct(t, ',') && !abbreviation_dot(doc, k) && !src_is_punct(t, '-')))
            return -1;
        if (src_is_punct(t, ','))
            return poll && k > c + 2 ? k : -1;
        poll = poll || ((t->lex & LEX_DOC) && WORD_AMONG(doc, (size_t)k, polls));
    }
    return -1;
}

static bool attribute_poll_opening(src_doc *doc, long c, long send)
{
    long comma = poll_opening(doc, c, send);
    if (comma < 0)
        return true;
    long end = trim_end(doc, comma + 1, send);
    if (count_words(doc, comma + 1, end) < 3)
        return true;
    for (long k = comma + 1; k < end; k++)
        if (is_cue(src_tok(doc, (size_t)k)) && !noun_not_cue(doc, k))
            return true; /* "In the poll, 21 percent said …": the verb's own attribution */
    return add_reported(doc, (span){comma + 1, end}, (span){c + 1, comma}, (span){c, c + 1});
}

/* "The agency is reportedly planning cuts.": the writer passes on a claim whose source is not named;
 * the sentence is the claim, with no speaker (on train, 13 of the 27 uses of "reportedly" are
 * annotated so). A reporting verb after it ("reportedly told") is the cue instead. */
static bool attribute_reportedly(src_doc *doc, long c, long sfirst, long send)
{
    long first = sfirst, k = c + 1;
    for (int n = 0; n < 2 && first < c; n++)
        first = skip_opening_phrase(doc, first, send); /* "In total, the hackers have reportedly …" */
    while (k < send && (src_tok(doc, (size_t)k)->lex & LEX_AUX))
        k++;
    if (k >= send || is_cue(src_tok(doc, (size_t)k)) || c <= first || (src_tok(doc, (size_t)c)->flags & TF_CAP))
        return true; /* not "With Bloomberg reportedly considering a run, …", nor a headline */
    long end = first;
    for (; end < send && !src_is_punct(src_tok(doc, (size_t)end), ';'); end++)
        if (src_tok(doc, (size_t)end)->region >= 0 || src_tok(doc, (size_t)end)->type == TOK_QUOTE)
            return true; /* a quotation has its own attribution */
    end = trim_end(doc, first, end);
    if (count_words(doc, first, end) < 4)
        return true;
    return add_reported(doc, (span){first, end}, no_span, (span){c, c + 1});
}

/* "is (widely) seen", "are not considered": a hedging participle after a form of "be". */
static bool hedge_after_be(const src_doc *doc, long c, long sfirst)
{
    if (!src_listed(doc, (size_t)c, LEXL_HEDGE))
        return false;
    long be = c - 1;
    while (be > sfirst && is_adverb(doc, src_tok(doc, (size_t)be)))
        be--;
    return be > sfirst && is_be(doc, be);
}

/* "The kingdom is widely viewed as a bulwark", "He is not considered to be a contender": a passive
 * that names no one's view but hedges the whole clause, like a raising verb. */
static inline bool passive_hedge(const src_doc *doc, long c, long sfirst, long send)
{
    if (c + 1 >= send || !(src_tok(doc, (size_t)c + 1)->lex & (LEX_CLAUSE | LEX_PREP)) || !next_word_either(doc, c, "as", 2, "to", 2) ||
        (src_tok(doc, (size_t)c)->flags & TF_CAP))
        return false;
    return hedge_after_be(doc, c, sfirst);
}

/* The subject of a raising verb, before it or before its "is" ("Turnout is not expected to"); not
 * the "it" of "it appears that X", where X alone is the clause. */
static span raising_subject(const src_doc *doc, long c, long sfirst)
{
    span subject = verb_speaker(doc, c, sfirst);
    long be = c - 1;
    while (subject.first < 0 && be > sfirst && is_adverb(doc, src_tok(doc, (size_t)be)))
        be--;
    if (subject.first < 0 && be > sfirst && is_be(doc, be))
        subject = speaker_left(doc, be, sfirst);
    if (subject.first >= 0 && subject.end == subject.first + 1 && src_word_is(doc, (size_t)subject.first, "it"))
        return no_span;
    return subject;
}

/* The clause of a raising verb or hedging passive `c`, from its subject to the end of what follows
 * the verb, attributed to no one. */
static bool attribute_hedge(src_doc *doc, long c, long sfirst, long send)
{
    span rest = clause_after(doc, c, send);
    span clause = rest.first < 0 ? no_span : (span){raising_subject(doc, c, sfirst).first, rest.end};
    return add_reported(doc, clause, no_span, (span){c, c + 1});
}

/* "As Crane said, the two have become …", "But as the tabloid noted in an op-ed, …": after "as X
 * said" and its comma, the rest of the sentence is what was said. */
/* After "X, he said," does the word at `k` go on with the clause ("…, he said, is …", "…, he said,
 * because …"), rather than start the speaker's next act ("…, he said, adding …", "…, and …")? */
static bool clause_goes_on(const src_doc *doc, long k)
{
    static const char *const subordinators[] = {"because", "if", "since", "although", "though", "unless", "so",
                                                "not", "than", "whether", "until"};
    const src_token *t = src_tok(doc, (size_t)k);
    if (ends_in_ing(doc, t))
        return false;
    if (!(t->lex & (LEX_PARTICIPLE | LEX_AND | LEX_CLAUSE)) || is_be(doc, k))
        return true;
    for (size_t i = 0; i < sizeof subordinators / sizeof subordinators[0]; i++)
        if (src_word_is(doc, (size_t)k, subordinators[i]))
            return true;
    return false;
}

static span as_clause(const src_doc *doc, span speaker, long c, long send)
{
    if (speaker.first < 1 || !src_word_is(doc, (size_t)speaker.first - 1, "as"))
        return no_span;
    for (long k = c + 1; k < send && k < c + 12; k++) {
        const src_token *t = src_tok(doc, (size_t)k);
        if (t->region >= 0 || (t->type == TOK_PUNCT && !src_is_punct(t, ',')))
            return no_span;
        if (src_is_punct(t, ',')) {
            long end = trim_end(doc, k + 1, send);
            return count_words(doc, k + 1, end) >= 3 ? (span){k + 1, end} : no_span;
        }
    }
    return no_span;
}

/* "easy for the new administration to propose talks": the infinitive's subject is the noun after
 * "for", not the clause's, and the clause is a supposition, not speech. */
static bool infinitive_has_own_subject(const src_doc *doc, long from, long to)
{
    for (long t = from; t < to; t++)
        if (src_word_is(doc, (size_t)t, "for"))
            return true;
    return false;
}

/* "Having announced that X, Judge Lee handed down …", "While discussing X, Ruiz said …", "Using a
 * crude word to describe X, he said …": a cue `c` in a participle phrase that opens the sentence is
 * the act of the main clause's subject, after the phrase's comma; no_span when `c` is not in such a
 * phrase. */
static span opening_phrase_subject(const src_doc *doc, long c, long sfirst, long send)
{
    long k = sfirst;
    if (k + 1 < c && src_listed(doc, (size_t)k, LEXL_OPENING_LINK))
        k += 1 + src_is_punct(src_tok(doc, (size_t)k + 1), ',');
    if (k < c && src_listed(doc, (size_t)k, LEXL_OPENING_SUBORDINATOR))
        k++;
    if (k > c || !has_ing(doc, src_tok(doc, (size_t)k)) || c - k > 6)
        return no_span;
    long comma = c + 1;
    while (comma < send && comma < c + 40 && !src_is_punct(src_tok(doc, (size_t)comma), ',') &&
           src_tok(doc, (size_t)comma)->region < 0)
        comma++;
    if (comma >= send || comma >= c + 40 || !src_is_punct(src_tok(doc, (size_t)comma), ','))
        return no_span;
    span subject = np_right(doc, comma + 1, send);
    if (subject.first < 0 || subject.end >= send || src_is_punct(src_tok(doc, (size_t)subject.end), ','))
        return no_span; /* an apposition or a list, not the subject of the main clause */
    return subject;
}

/* "Trump said he was happy, according to the Times.": as for a quote, the source cited at the end
 * of the sentence is the speaker of the clause `content`, which ends before it (the clause of
 * "according to" itself stays too, the whole sentence before it). */
static void cited_at_the_end(const src_doc *doc, span *content, long send, span *speaker)
{
    for (long k = content->first + 1; k + 3 < send; k++) {
        if (!src_is_punct(src_tok(doc, (size_t)k), ',') || !according_to(doc, k + 1, send))
            continue;
        span by = cited_source(doc, k + 3, send);
        if (by.first < 0 || trim_end(doc, by.first, send) > by.end || trim_end(doc, content->first, k) <= content->first)
            return; /* the source must end the sentence */
        *speaker = by;
        content->end = trim_end(doc, content->first, k);
        return;
    }
}

/* "Democrats see Sanders as a spoiler", "voters viewed the plan as a gamble": a view, whose
 * content is the object and what it is seen as. */
static bool seen_as(const src_doc *doc, long c, long send)
{
    if (c + 2 >= send || !src_listed(doc, (size_t)c, LEXL_SEEING))
        return false;
    for (long k = c + 2; k < send && k < c + 10; k++) {
        const src_token *w = src_tok(doc, (size_t)k);
        if (w->type != TOK_WORD || w->region >= 0)
            return false;
        if (src_word_is(doc, (size_t)k, "as"))
            return true;
    }
    return false;
}

static bool attribute_seen_as(src_doc *doc, long c, long sfirst, long send)
{
    span speaker = verb_speaker(doc, c, sfirst);
    if (speaker.first < 0)
        return true;
    long end = trim_end(doc, c + 1, send);
    for (long q = c + 3; q < end; q++)
        if (clause_stops_at(doc, q, send) || src_is_punct(src_tok(doc, (size_t)q), ';')) {
            end = trim_end(doc, c + 1, q);
            break;
        }
    return add_reported(doc, (span){c + 1, end}, speaker, (span){c, c + 1});
}

/* "Declaring that he alone can fix it, the mogul …", "Recalling that moment, Axelrod said …": a
 * participle opening the sentence reports what follows it up to its comma, by the subject after. */
/* Does the participle at `c` open its sentence, alone or after a preposition ("Saying …,", "In
 * criticizing …,", "After thanking …,": on train, 15 of 19 such openings are annotated as the
 * words of the main clause's subject)? */
static bool opening_participle(const src_doc *doc, long c, long sfirst)
{
    static const char *const openers[] = {"in", "after", "before", "while", "since", "upon", "by", "from", "when"};
    if (c == sfirst)
        return (src_tok(doc, (size_t)c)->flags & TF_CAP) != 0;
    return c == sfirst + 1 && !(src_tok(doc, (size_t)c)->flags & TF_CAP) && WORD_AMONG(doc, (size_t)sfirst, openers);
}

static bool attribute_opening_participle(src_doc *doc, long c, long send)
{
    long comma = c + 1;
    while (comma < send && comma < c + 40 && !(src_is_punct(src_tok(doc, (size_t)comma), ',') && src_tok(doc, (size_t)comma)->region < 0))
        comma++;
    if (comma >= send || comma >= c + 40 || count_words(doc, c + 1, comma) < 1)
        return true;
    span speaker = np_right(doc, comma + 1, send);
    if (speaker.first < 0)
        return true;
    return add_reported(doc, (span){c + 1, comma}, speaker, (span){c, c + 1});
}

/* "The messages seem to show that …", "She appeared to imply …": a raising verb before the
 * infinitive of a reporting verb hedges that verb, whose subject is still its speaker; the
 * reporting verb makes the attribution. */
static bool reports_through_infinitive(const src_doc *doc, long c, long send)
{
    return c + 2 < send && src_word_is(doc, (size_t)c + 1, "to") && is_cue(src_tok(doc, (size_t)c + 2)) &&
           !noun_not_cue(doc, c + 2);
}

/* "Respondents were asked to …", "He was declared the winner": a passive with no "by" names who
 * was asked or told, not who spoke; its clause is reported with no speaker. Not the adjectives of a
 * state of mind ("they are convinced that …", "some are concerned that …"), whose subject holds it. */
static bool agentless_passive(const src_doc *doc, long c, long sfirst, long send)
{
    const src_token *t = src_tok(doc, (size_t)c);
    if ((t->flags & TF_CAP) || !(src_word_ends_in(doc, t, "ed", 3) || (t->lists & LEXL_PASSIVE_IRREGULAR)) ||
        (t->lists & LEXL_MINDED) || (c + 1 < send && src_word_is(doc, (size_t)c + 1, "by")))
        return false;
    long be = c - 1;
    while (be > sfirst && is_adverb(doc, src_tok(doc, (size_t)be)))
        be--;
    return be >= sfirst && (is_be(doc, be) || src_word_is(doc, (size_t)be, "being"));
}

/* "The plan drew sharp criticism from rivals", "Trump faced criticism from rivals that …": the
 * verb of drawing or facing before "criticism from", over up to two describing words; -1 else. */
static inline long criticism_drawn(const src_doc *doc, long c, long sfirst, long send)
{
    static const char *const verbs[] = {"drew", "drawn", "draws", "draw", "drawing", "faced", "faces", "face",
                                        "facing", "gotten", "got", "received", "receives", "attracted"};
    if (c + 2 >= send || c - 1 <= sfirst || !src_word_is(doc, (size_t)c, "criticism") || !src_word_is(doc, (size_t)c + 1, "from"))
        return -1;
    long v = c - 1;
    while (v > sfirst && v > c - 3 && !WORD_AMONG(doc, (size_t)v, verbs) && src_tok(doc, (size_t)v)->type == TOK_WORD &&
           !(src_tok(doc, (size_t)v)->flags & TF_CAP) && !(src_tok(doc, (size_t)v)->lex & (LEX_DEF | LEX_INDEF | LEX_PREP)))
        v--;
    return WORD_AMONG(doc, (size_t)v, verbs) ? v : -1;
}

/* The critics after "from" said the "that" clause after them, else spoke about the subject that
 * drew the criticism: "The plan has drawn criticism from the union." */
static bool attribute_criticism_drawn(src_doc *doc, long c, long sfirst, long send)
{
    long v = criticism_drawn(doc, c, sfirst, send);
    span speaker = np_right(doc, c + 2, send);
    if (speaker.first < 0) { /* "from both sides", "from some other quarters": the plain words */
        long end = c + 2;
        while (end < send && end < c + 10 && src_tok(doc, (size_t)end)->type == TOK_WORD &&
               src_tok(doc, (size_t)end)->region < 0 && !(src_tok(doc, (size_t)end)->lex & LEX_CLAUSE))
            end++;
        if (end == c + 2)
            return true;
        speaker = (span){c + 2, end};
    }
    span content = no_span;
    if (speaker.end + 2 < send && src_word_is(doc, (size_t)speaker.end, "that")) {
        long end = speaker.end + 1;
        while (end < send && !(src_tok(doc, (size_t)end)->type == TOK_PUNCT && src_tok(doc, (size_t)end)->region < 0 &&
                               !abbreviation_dot(doc, end)))
            end++;
        content = (span){speaker.end + 1, trim_end(doc, speaker.end + 1, end)};
    } else {
        long last = v - 1;
        while (last > sfirst && (is_adverb(doc, src_tok(doc, (size_t)last)) || is_be(doc, last) ||
                                 (src_tok(doc, (size_t)last)->lex & LEX_AUX)))
            last--;
        if (last >= sfirst && src_tok(doc, (size_t)last)->type == TOK_WORD)
            content = (span){np_left(doc, last, sfirst), last + 1};
    }
    /* not the tail of a longer subject: "comments on everything from Muslims to Russia have drawn …" */
    if (content.first < 0 || content.first >= content.end ||
        (content.first > sfirst && (src_tok(doc, (size_t)content.first - 1)->lex & (LEX_PREP | LEX_OF))))
        return true;
    return add_reported(doc, content, speaker, (span){c, c + 1});
}

/* Can a rule of attribute_cue start at token `c`, within [sfirst, send)? Each needs a word of
 * one of these classes, or one whose rule holds: a topic preposition (topic_preposition), a
 * possessed noun of saying (possessed_cue), a stance noun (expressed_stance), a judgement before
 * "that" (stance_adjective), an unlisted verb before "that" (unlisted_verb_that), a hedging passive
 * (passive_hedge), a verb of seeing (seen_as); most tokens are none of these and are passed over
 * at once, before the rules' cheap first tests. A rule that starts from other words must be let
 * in here: tools/check_sources_gate.sh compares the output with a build that has no gate. */
static bool may_start_attribution(const src_doc *doc, long c, long sfirst, long send)
{
    const src_token *t = src_tok(doc, (size_t)c);
    if (t->type != TOK_WORD || t->region >= 0)
        return false;
    if (t->lex & (LEX_CUE | LEX_ACCORDING | LEX_AUX | LEX_NOUN))
        return true;
    if (c + 1 >= send)
        return false;
    const src_token *next = src_tok(doc, (size_t)c + 1);
    if (((next->lex & (LEX_PREP | LEX_CLAUSE | LEX_OF)) || (t->flags & TF_PAIR)) && /* TF_PAIR: topic_pair */
        (topic_preposition(doc, c) || possessed_cue(doc, c, sfirst, send) >= 0 || passive_hedge(doc, c, sfirst, send) ||
         expressed_stance(doc, c, sfirst, send) >= 0 || stance_adjective(doc, c, sfirst, send) >= 0 ||
         unlisted_verb_that(doc, c, sfirst, send) ||
         criticism_drawn(doc, c, sfirst, send) >= 0))
        return true;
    return ((t->lists & LEXL_SEEING) && seen_as(doc, c, send)) || spoke_out(doc, c, send) >= 0;
}

/* The reported speech around cue `c`, within [sfirst, send): the caller bounds that window so
 * that a sentence without end ("officials said that officials said that …") stays linear. */
/* "Ruiz says, win or lose, she is staying": a comma after the verb of a speaker who opens the
 * sentence (no opening phrase before it) introduces what was said, the rest of the sentence;
 * no_span otherwise. */
static span clause_after_comma(const src_doc *doc, span speaker, long c, long sfirst, long send)
{
    if (c + 2 >= send || !src_is_punct(src_tok(doc, (size_t)c + 1), ',') ||
        skip_opening_phrase(doc, sfirst, speaker.first) != speaker.first)
        return no_span;
    long end = trim_end(doc, c + 2, send);
    return count_words(doc, c + 2, end) >= 3 ? (span){c + 2, end} : no_span;
}

/* "He believes, she said, that …", "Cost estimates, he added, were …": is cue `c` right before a
 * parenthetical attribution (a comma, a pronoun or a name, a reporting verb, a few words, a
 * comma), and so part of the clause that one reports? */
static bool before_a_parenthetical_cue(const src_doc *doc, long c, long send)
{
    if (c + 4 >= send || !src_is_punct(src_tok(doc, (size_t)c + 1), ','))
        return false;
    long k = c + 2;
    const src_token *t = src_tok(doc, (size_t)k);
    if (t->type == TOK_WORD && (t->lex & LEX_PRONOUN) && !(t->lex & LEX_RELATIVE))
        k++;
    else
        while (k < send && k < c + 5 && is_cap(src_tok(doc, (size_t)k)) && !src_tok(doc, (size_t)k)->lex)
            k++;
    if (k == c + 2 || k + 1 >= send || !is_cue(src_tok(doc, (size_t)k)) || (src_tok(doc, (size_t)k)->lex & LEX_PARTICIPLE))
        return false;
    for (long j = k + 1; j < send && j < k + 8; j++) {
        const src_token *w = src_tok(doc, (size_t)j);
        if (src_is_punct(w, ','))
            return true;
        if (!is_wordlike(w) || w->region >= 0)
            return false;
    }
    return false;
}

/* "Sanders pivoted to talk about what he sees as a rigged system", "She criticized what they
 * called a giveaway": a "what" clause with a third-person pronoun is the object of the sentence's
 * verb; annotators take it whole, as often as not as what that verb's subject said (on train,
 * the outer subject wins over the pronoun). A named speaker ("what Ms. Ruiz called …") stays. */
static void reported_as_an_object(const src_doc *doc, long sfirst, span *speaker, span *content)
{
    long what = speaker->first - 1;
    if (what <= sfirst || content->first < speaker->end || !src_word_is(doc, (size_t)what, "what") ||
        src_tok(doc, (size_t)what - 1)->type != TOK_WORD || is_be(doc, what - 1))
        return; /* not "the point is what he said": a predicate, not an object */
    static const char *const third_persons[] = {"he", "she", "they"};
    if (speaker->end != speaker->first + 1 || !WORD_AMONG(doc, (size_t)speaker->first, third_persons))
        return;
    content->first = what;
    span outer = clause_subject(doc, local_clause(doc, sfirst, what), what);
    if (outer.first >= 0 && outer.end <= what)
        *speaker = outer;
}

/* "speaking on the condition of anonymity to discuss the talks", "not authorized to discuss the
 * case": why a source goes unnamed, not what it said (on train, 1 of 10 such is annotated). */
static bool anonymity_reason(const src_doc *doc, long c, long sfirst)
{
    static const char *const reasons[] = {"anonymity", "anonymously", "authorized"};
    return c >= sfirst + 2 && src_word_is(doc, (size_t)c - 1, "to") && WORD_AMONG(doc, (size_t)c - 2, reasons);
}

static bool attribute_cue(src_doc *doc, long c, long sfirst, long send)
{
    const src_token *t = src_tok(doc, (size_t)c);
    if (t->type != TOK_WORD || t->region >= 0 || (t->flags & TF_USED) || before_a_parenthetical_cue(doc, c, send))
        return true;
    if ((t->lex & LEX_CUE) && src_word_is(doc, (size_t)c, "asked") &&
        ((c == sfirst && (t->flags & TF_CAP)) ||
         (c > sfirst && !(t->flags & TF_CAP) &&
          (src_word_is(doc, (size_t)c - 1, "when") || src_word_is(doc, (size_t)c - 1, "if") ||
           ((is_be(doc, c - 1) || comma_before(doc, c, sfirst)) && question_after(doc, c, send) >= 0)))))
        return attribute_asked(doc, c, sfirst, send); /* "When asked …", "was asked about …", "…, asked whether …" */
    if (c + 1 < send && !(t->flags & TF_CAP) && topic_preposition(doc, c))
        return attribute_topic(doc, c, c + 1, sfirst, send);
    long out_prep = spoke_out(doc, c, send);
    if (out_prep >= 0)
        return attribute_topic(doc, c, out_prep, sfirst, send);
    if (according_to(doc, c, send)) {
        span speaker = np_right(doc, c + 2, send);
        if (speaker.first < 0) {
            /* "according to a count by the AP": whatever names the source, up to punctuation */
            long end = c + 2;
            while (end < send && end < c + 14 && is_wordlike(src_tok(doc, (size_t)end)) && src_tok(doc, (size_t)end)->region < 0)
                end++;
            if (end == c + 2)
                return true;
            speaker = (span){c + 2, end};
        }
        span content = according_content(doc, c, sfirst, send, &speaker);
        if (content.first < 0 || count_words(doc, content.first, content.end) < (c == sfirst ? 2u : 1u))
            return true; /* "That's according to X": one word is enough after the fact */
        return add_reported(doc, content, speaker, (span){c, c + 2});
    }
    if (possessed_cue(doc, c, sfirst, send) >= 0)
        return attribute_possessed_cue(doc, c, sfirst, send);
    if (criticism_drawn(doc, c, sfirst, send) >= 0)
        return attribute_criticism_drawn(doc, c, sfirst, send);
    long expressing = expressed_stance(doc, c, sfirst, send);
    if (expressing >= 0)
        return attribute_expressed_stance(doc, c, expressing, sfirst, send);
    if (unlisted_verb_that(doc, c, sfirst, send))
        return attribute_unlisted_verb_that(doc, c, sfirst, send);
    long judging = stance_adjective(doc, c, sfirst, send);
    if (judging >= 0)
        return attribute_stance_adjective(doc, c, judging, sfirst, send);
    if ((t->lex & LEX_AUX) && src_word_is(doc, (size_t)c, "reportedly")) /* the class first: this runs on every token */
        return attribute_reportedly(doc, c, sfirst, send);
    if (noun_cue(doc, c, send)) {
        bool added = false;
        if (!attribute_noun_cue(doc, c, sfirst, send, &added))
            return false;
        if (added)
            return true;
    }
    if (passive_hedge(doc, c, sfirst, send) && raising_subject(doc, c, sfirst).first >= 0)
        return attribute_hedge(doc, c, sfirst, send);
    if (seen_as(doc, c, send))
        return attribute_seen_as(doc, c, sfirst, send);
    if ((t->lex & LEX_CUE) && (t->lex & LEX_PARTICIPLE) && t->region < 0 && opening_participle(doc, c, sfirst))
        return attribute_opening_participle(doc, c, send);
    if (!is_cue(t) || noun_not_cue(doc, c) || anonymity_reason(doc, c, sfirst))
        return true;
    if (c + 1 < send && !src_word_is(doc, (size_t)c + 1, "by") && hedge_after_be(doc, c, sfirst))
        return true; /* "Gulls are considered pests", "is considered an asset": no one's view is reported */
    if (c > sfirst && c + 1 < send && src_word_is(doc, (size_t)c + 1, "by")) {
        /* The passive: "It was reported by TASS that …", "The deal was first reported by X." */
        long be = c - 1;
        while (be > sfirst && is_adverb(doc, src_tok(doc, (size_t)be)))
            be--;
        const src_token *b = src_tok(doc, (size_t)be);
        if (b->type == TOK_WORD && (b->lex & LEX_CLAUSE) && !(b->lex & LEX_PRONOUN)) {
            span speaker = np_right(doc, c + 2, send);
            if (speaker.first < 0)
                return true;
            span content = no_span;
            if (be == sfirst + 1 && src_word_is(doc, (size_t)sfirst, "it"))
                content = clause_after(doc, speaker.end - 1, send);
            else if (be == sfirst && src_word_is(doc, (size_t)be, "as"))
                content = as_clause(doc, (span){be + 1, be + 2}, c, send); /* "As reported by X, …" */
            else if (be > sfirst)
                content = (span){sfirst, be};
            if (!add_reported(doc, content, speaker, (span){c, c + 2}))
                return false;
            return true;
        }
    }
    bool participle = (t->lex & LEX_PARTICIPLE) && c > sfirst && comma_before(doc, c, sfirst);
    span speaker = participle ? no_span : verb_speaker(doc, c, sfirst), content = no_span;
    if (!participle && (gerund_after_preposition(doc, c, sfirst) || object_of_a_verb(doc, speaker, sfirst)))
        speaker = subject_over_object(doc, c, sfirst, speaker);
    if (named_thing(doc, speaker, c, send))
        return true;
    if (!participle && raising_verb(doc, c, sfirst) && raising_subject(doc, c, sfirst).first >= 0)
        return reports_through_infinitive(doc, c, send) ? true : attribute_hedge(doc, c, sfirst, send);
    if (speaker.first > sfirst + 1 && c + 2 < send && src_is_punct(src_tok(doc, (size_t)c + 1), ',') &&
        src_is_punct(src_tok(doc, (size_t)speaker.first - 1), ',') &&
        clause_goes_on(doc, c + 2)) {
        /* "Many of the closures, he said, involved public courses.": the clause around it */
        long end = trim_end(doc, c + 2, send);
        if (count_words(doc, c + 2, end) >= 2) {
            if (!add_reported(doc, (span){sfirst, end}, speaker, (span){c, c + 1}))
                return false;
            src_attr *a = (src_attr *)doc->attrs.data + doc->attrs.len - 1;
            src_piece *first_piece = (src_piece *)doc->pieces.data + doc->pieces.len - 1;
            if (a->speaker_first == speaker.first && first_piece->attr_id == a->id && a->end == (size_t)end &&
                a->first == (size_t)sfirst) {
                first_piece->end = (size_t)speaker.first - 1;
                if (!add_piece(doc, a, (size_t)c + 2, (size_t)end))
                    return false;
            }
            return true;
        }
    }
    if (speaker.first < 0 && c > sfirst + 1 && (src_tok(doc, (size_t)c - 1)->lex & (LEX_AND | LEX_CLAUSE)) &&
        (src_word_is(doc, (size_t)c - 1, "and") || src_word_is(doc, (size_t)c - 1, "but"))) {
        /* "Graham called them “crazy” and said …": the subject of the sentence, or of the clause
         * the verb ends ("…, such as when Cruz knocked Rubio and called him …") */
        speaker = subject_at(doc, clause_start(doc, local_clause(doc, sfirst, c - 1), c - 1), c - 1);
        if (speaker.first >= 0) {
            content = clause_after(doc, c, send);
            if (!add_reported(doc, content, speaker, (span){c, c + 1}))
                return false;
        }
        return true;
    }
    span inverted = speaker.first >= 0 ? name_ending_sentence(doc, c, send, speaker) : no_span;
    if (inverted.first >= 0) {
        speaker = inverted;
        content = clause_before(doc, sfirst, c);
    } else if (speaker.first >= 0) {
        content = as_clause(doc, speaker, c, send);
        if (content.first < 0)
            content = clause_after(doc, c, send);
        if (content.first >= 0 && only_time_phrase(doc, content))
            content = no_span; /* "…, Bill Clinton said this week.": the clause before is what he said */
        if (content.first < 0 && !reports_through_infinitive(doc, c, send) &&
            (count_words(doc, c + 1, send) <= 8 || (c + 1 < send && src_is_punct(src_tok(doc, (size_t)c + 1), ','))))
            content = clause_before(doc, sfirst, speaker.first); /* "…, a diplomat said on Monday.", "…, he said, and …" */
        if (content.first < 0)
            content = clause_after_comma(doc, speaker, c, sfirst, send);
    } else if (!participle && c > sfirst + 1 && src_tok(doc, (size_t)c - 1)->type == TOK_QUOTE &&
               src_is_punct(src_tok(doc, (size_t)c - 2), ',')) {
        /* No Child Left Behind was “very assertive,” said Gary Orfield. */
        speaker = np_right(doc, c + 1, send);
        if (speaker.first >= 0)
            content = clause_before(doc, sfirst, c);
    } else if (c > sfirst && comma_before(doc, c, sfirst)) {
        if (t->lex & LEX_PARTICIPLE) {
            speaker = participle_speaker(doc, c, sfirst);
            content = clause_after(doc, c, send);
        } else {
            speaker = np_right(doc, c + 1, send);
            if (speaker.first >= 0 && !(src_tok(doc, (size_t)speaker.first)->lex & LEX_PRONOUN)) {
                content = clause_before(doc, sfirst, c);
            } else {
                /* "Wilcox, whose education the Army paid for, said he would …": "he" starts the
                 * clause; the speaker is the subject of the sentence */
                speaker = clause_subject(doc, sfirst, c);
                if (speaker.first >= 0)
                    content = clause_after(doc, c, send);
            }
        }
    } else if (verb_after_its_particle(doc, c, sfirst)) {
        speaker = clause_subject(doc, local_clause(doc, sfirst, c - 1), c - 1);
        if (speaker.first >= 0 && !(speaker.end == speaker.first + 1 && src_word_is(doc, (size_t)speaker.first, "it")) &&
            !infinitive_has_own_subject(doc, speaker.end, c - 1))
            content = clause_after(doc, c, send);
    } else if (c > sfirst && src_tok(doc, (size_t)c - 1)->type == TOK_WORD &&
               !(src_tok(doc, (size_t)c - 1)->lex & (LEX_PREP | LEX_DEF | LEX_INDEF))) {
        /* "Friends, lobbyists and former foes say that …": the subject of the clause, but not
         * the "it" of "It is widely expected that …" */
        speaker = clause_subject(doc, sfirst, c);
        if (speaker.first >= 0 && speaker.end == speaker.first + 1 && src_word_is(doc, (size_t)speaker.first, "it") &&
            (src_tok(doc, (size_t)speaker.end)->lex & LEX_CLAUSE))
            speaker = no_span;
        if (speaker.first >= 0)
            content = clause_after(doc, c, send);
    }
    span opening = opening_phrase_subject(doc, c, sfirst, send);
    if (opening.first >= 0 && speaker.first < opening.first) {
        speaker = opening;
        if (content.first >= 0 && content.end > opening.first)
            content.end = trim_end(doc, content.first, opening.first - 1);
    }
    if (content.first < 0 || (speaker.first < 0 && !participle))
        return true; /* "…, saying that …" is reported speech even when its subject is not found */
    if (agentless_passive(doc, c, sfirst, send))
        speaker = no_span;
    if (speaker.first >= 0 && !(t->lex & LEX_PARTICIPLE))
        cited_at_the_end(doc, &content, send, &speaker); /* not "with most voters saying …, according to X" */
    if (speaker.first >= 0)
        reported_as_an_object(doc, sfirst, &speaker, &content);
    if (!add_reported(doc, content, speaker, (span){c, c + 1}))
        return false;
    return true;
}

/* "Clinton Says Crash Seems Like Terrorism", "Trump Is A Dumb Client, Trevor Noah Says": a
 * headline in title case, where the reporting verb is capitalized like every other word. */
static bool attribute_headline(src_doc *doc, long sfirst, long send)
{
    long end = trim_end(doc, sfirst, send), cue = -1;
    if (end - sfirst > 40 || end - sfirst < 4)
        return true;
    for (long k = sfirst; k < end; k++) {
        const src_token *t = src_tok(doc, (size_t)k);
        if ((t->region >= 0 && cue < 0) || (t->type == TOK_WORD && !(t->flags & TF_CAP) && t->end - t->start > 3))
            return true; /* a quotation before the verb, or a long word in lowercase: not a headline */
        if (cue < 0 && k > sfirst && t->type == TOK_WORD && (t->lex & LEX_CUE) && !(t->lex & (LEX_ROLE | LEX_DOC)))
            cue = k;
    }
    if (cue < 0)
        return true;
    if (cue + 1 == end) {
        long comma = cue - 1;
        while (comma > sfirst && comma > cue - 5 && !src_is_punct(src_tok(doc, (size_t)comma), ','))
            comma--;
        if (comma <= sfirst || !src_is_punct(src_tok(doc, (size_t)comma), ',') || count_words(doc, sfirst, comma) < 2)
            return true;
        return add_reported(doc, (span){sfirst, comma}, (span){comma + 1, cue}, (span){cue, cue + 1});
    }
    for (long k = sfirst; k < cue; k++)
        if (!is_wordlike(src_tok(doc, (size_t)k)) || cue - sfirst > 4)
            return true; /* the speaker is a short name: "Hillary Clinton Says" */
    if (count_words(doc, cue + 1, end) < 2)
        return true;
    return add_reported(doc, (span){cue + 1, end}, (span){sfirst, cue}, (span){cue, cue + 1});
}

/* Longest stretch a reported clause or its speaker may take on either side of the cue. */
enum { CLAUSE_WINDOW = 160 };

/* "Officials Hope Trump Will Hand Putin an Advantage": a paragraph of its own in title case with
 * no sentence punctuation and no quotation is a display headline, the writer's, not anyone's
 * speech. (Headlines that end in a period, as some sites print them, are read as sentences.) */
static bool display_headline(const src_doc *doc, long sfirst, long send)
{
    const src_token *last = src_tok(doc, (size_t)send - 1);
    if (!(src_tok(doc, (size_t)sfirst)->flags & TF_PARA) || !is_wordlike(last) || send - sfirst < 3 ||
        ((size_t)send < src_ntok(doc) && !(src_tok(doc, (size_t)send)->flags & TF_PARA)))
        return false;
    for (long k = sfirst; k < send; k++) {
        const src_token *t = src_tok(doc, (size_t)k);
        if (t->region >= 0 || t->type == TOK_QUOTE || (t->type == TOK_PUNCT && strchr(".!?:;", t->punct)) ||
            (t->type == TOK_WORD && !(t->flags & TF_CAP) && t->end - t->start > 3))
            return false;
    }
    return true;
}

static bool attribute_clauses(src_doc *doc, const src_sentence *s)
{
    long sfirst = (long)s->first, send = (long)s->end;
    if (display_headline(doc, sfirst, send))
        return true;
    if (!attribute_label(doc, sfirst, send) || !attribute_headline(doc, sfirst, send) ||
        !attribute_block_after_colon(doc, sfirst, send) ||
        !attribute_poll_opening(doc, sfirst, send < sfirst + CLAUSE_WINDOW ? send : sfirst + CLAUSE_WINDOW))
        return false;
    const src_region *regions = doc->regions.data;
    for (long c = sfirst; c < send; c++) {
        int32_t region = src_tok(doc, (size_t)c)->region;
        if (region >= 0) { /* attribute_cue passes over quoted words: past the quotation at once */
            c = (long)regions[region].close < send ? (long)regions[region].close : send - 1;
            continue;
        }
        long lo = c - CLAUSE_WINDOW > sfirst ? c - CLAUSE_WINDOW : sfirst;
        long hi = c + CLAUSE_WINDOW < send ? c + CLAUSE_WINDOW : send;
        if ((!GATE_ATTRIBUTION_STARTS || may_start_attribution(doc, c, lo, hi)) && !attribute_cue(doc, c, lo, hi))
            return false;
    }
    return true;
}

/* Per sentence, the first attribution with a speaker that starts in it (with `latest`, the one
 * whose speaker stands last: "Her friends mocked the plan, Ruiz said"), or -1; NULL on NOMEM. */
static long *speaking_sentences(const src_doc *doc, bool latest)
{
    size_t nsent = doc->sentences.len, bytes;
    if (!onr_size_mul(nsent + 1, sizeof(long), &bytes))
        return NULL;
    long *speaking = onr_malloc(doc->mem, bytes);
    if (!speaking)
        return NULL;
    for (size_t i = 0; i <= nsent; i++)
        speaking[i] = -1;
    for (size_t a = 0; a < doc->attrs.len; a++) {
        const src_attr *at = (const src_attr *)doc->attrs.data + a;
        uint32_t sent = src_tok(doc, at->first)->sentence;
        if (at->speaker_first >= 0 &&
            (speaking[sent] < 0 ||
             (latest && at->speaker_first > ((const src_attr *)doc->attrs.data)[speaking[sent]].speaker_first)))
            speaking[sent] = (long)a;
    }
    return speaking;
}

/* "The judge turned to me. “Mr. D’Souza?”": a quote that opens a sentence after one of the
 * writer's in its paragraph that starts with a name, a pronoun or a role is that one's. */
static span action_beat(const src_doc *doc, size_t open)
{
    if (src_tok(doc, open)->flags & TF_PARA)
        return no_span;
    const src_sentence *prev = (const src_sentence *)doc->sentences.data + src_tok(doc, open - 1)->sentence;
    for (size_t k = prev->first; k < prev->end; k++)
        if (src_tok(doc, k)->region >= 0)
            return no_span;
    span who = np_right(doc, (long)prev->first, (long)prev->end);
    if (who.first < 0 || !same_para(doc, prev->first, open) || src_is_punct(src_tok(doc, prev->end - 1), '?'))
        return no_span; /* not "Why was he out in the heat? “…”" */
    const src_token *t = src_tok(doc, (size_t)who.end - 1);
    return (t->lex & (LEX_PRONOUN | LEX_ROLE)) || is_cap(t) ? who : no_span;
}

/* A quotation that opens a paragraph or a sentence with no attribution of its own belongs to
 * whoever spoke in the sentence just before: "Its chairman said the cooperative had hired
 * lawyers." / "“We have fished from that quay for four generations.”" */
/* The latest direct quote with a speaker before attribution `a` in its paragraph, or -1:
 * "“A,” she said. The hall emptied. “B.”" – B is hers. */
static long paragraph_speaker(const src_doc *doc, size_t a)
{
    const src_attr *attrs = doc->attrs.data;
    for (size_t b = a; b-- > 0;) {
        if (!same_para(doc, attrs[b].first, attrs[a].first))
            return -1;
        if (attrs[b].kind == ONR_QUOTE_DIRECT && attrs[b].speaker_first >= 0)
            return (long)b;
    }
    return -1;
}

/* "“…,” Khan said. When they went out, children came up to him." / "“They would say …": a
 * paragraph that opens with a quotation nobody is named for goes on with the last quoted speaker
 * of the paragraph before. */
static long previous_paragraph_speaker(const src_doc *doc, size_t a)
{
    const src_attr *attrs = doc->attrs.data;
    uint32_t para = src_tok(doc, attrs[a].first)->para;
    for (size_t b = a; b-- > 0 && a - b <= 8;) {
        uint32_t at = src_tok(doc, attrs[b].first)->para;
        if (at + 1 < para)
            return -1;
        if (at + 1 == para && attrs[b].kind == ONR_QUOTE_DIRECT && attrs[b].speaker_first >= 0)
            return (long)b;
    }
    return -1;
}

static bool attribute_orphans(src_doc *doc)
{
    long *speaking = speaking_sentences(doc, true);
    if (!speaking)
        return false;
    for (size_t a = 0; a < doc->attrs.len; a++) {
        src_attr *at = (src_attr *)doc->attrs.data + a;
        if (at->kind != ONR_QUOTE_DIRECT || at->speaker_first >= 0 || at->first == 0 ||
            !((src_tok(doc, at->first)->flags & TF_PARA) ||
              src_tok(doc, at->first - 1)->sentence != src_tok(doc, at->first)->sentence))
            continue;
        long by = speaking[src_tok(doc, at->first - 1)->sentence];
        span beat = by < 0 ? action_beat(doc, at->first) : no_span;
        if (by < 0 && beat.first < 0)
            by = paragraph_speaker(doc, a);
        if (by < 0 && beat.first < 0 && (src_tok(doc, at->first)->flags & TF_PARA))
            by = previous_paragraph_speaker(doc, a);
        if (by >= 0) {
            const src_attr *prev = (const src_attr *)doc->attrs.data + by;
            beat = (span){prev->speaker_first, prev->speaker_end};
        }
        at->speaker_first = beat.first;
        at->speaker_end = beat.end;
    }
    onr_free(doc->mem, speaking);
    return true;
}

/* "…, and that she would “keep the old system in place.”", "…, but “we are still counting.”": a
 * lowercase quotation that the writer's words lead into after the sentence's reported clause
 * finishes what was reported, so the clause runs on over it as one mixed quote. */
static bool finishes_the_clause(const src_doc *doc, const src_attr *at, const src_region *r)
{
    if ((at->kind != ONR_QUOTE_INDIRECT && at->kind != ONR_QUOTE_MIXED) || at->piece_count != 1 || at->end > r->open ||
        r->open - at->end > 24 || r->open == 0 || r->open + 1 >= r->close)
        return false;
    const src_token *before = src_tok(doc, r->open - 1), *first = src_tok(doc, r->open + 1);
    return is_wordlike(before) && !is_cue(before) && first->type == TOK_WORD && !(first->flags & TF_CAP);
}

/* Partial quotes outside any reported clause keep the speaker of their sentence, if it has one;
 * without one they are scare quotes. */
static bool attribute_partial(src_doc *doc)
{
    long *speaking = speaking_sentences(doc, false);
    if (!speaking)
        return false;
    bool ok = true;
    src_region *regions = doc->regions.data;
    for (size_t ri = 0; ri < doc->regions.len && ok; ri++) {
        src_region *r = &regions[ri];
        long a = speaking[src_tok(doc, r->open)->sentence];
        if (r->role == REGION_TITLE || r->consumed || a < 0 || count_words(doc, (long)r->open, (long)r->close) < 2)
            continue;
        src_attr *at = (src_attr *)doc->attrs.data + a;
        const src_token *before = r->open > 0 ? src_tok(doc, r->open - 1) : NULL;
        if (at->kind == ONR_QUOTE_DIRECT) {
            /* “A,” she said, and “B.”; but not "…, meaning that he is “B.”", the writer's words */
            if (!(before && (before->type == TOK_QUOTE || (before->type == TOK_PUNCT && strchr(",:;-", before->punct)) ||
                             (before->lex & LEX_AND))))
                continue;
            ok = add_piece(doc, at, r->open, r->close + 1);
        } else if (finishes_the_clause(doc, at, r)) {
            end_clause(doc, at, r->close + 1);
            at->kind = ONR_QUOTE_MIXED;
        } else if (speakerless_fragment(doc, r)) {
            continue; /* "a “law and order” candidate" outside what the speaker said: a scare quote */
        } else {
            src_attr copy = *at;
            ok = new_attr(doc, ONR_QUOTE_PARTIAL, (long)r->open, (long)r->close + 1,
                          (span){copy.speaker_first, copy.speaker_end}, (span){copy.cue_first, copy.cue_end}) != NULL;
        }
        r->consumed = true;
    }
    onr_free(doc->mem, speaking);
    return ok;
}

static int compare_attrs(const void *a, const void *b)
{
    const src_attr *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return x->end < y->end ? -1 : x->end > y->end;
}

/* Does reported clause `clause` end just before quote `quote`, a comma, colon or dash between? */
static bool clause_runs_into(const src_doc *doc, const src_attr *clause, const src_attr *quote)
{
    if (clause->kind == ONR_QUOTE_DIRECT || clause->speaker_first < 0 || clause->end > quote->first ||
        quote->first - clause->end > 2)
        return false;
    for (size_t k = clause->end; k < quote->first; k++)
        if (src_tok(doc, k)->type != TOK_PUNCT || !strchr(",:-", src_tok(doc, k)->punct))
            return false;
    return true;
}

/* "Rubio said that once the Senate goes on recess, “I intend to help.”": a quote with no speaker
 * of its own that goes on from a reported clause of its sentence is the same speaker's. The
 * reported clauses come after the `direct` direct quotes, in sentence order. */
static bool attribute_quotes_after_clauses(src_doc *doc, size_t direct)
{
    size_t nsent = doc->sentences.len, bytes;
    if (!onr_size_mul(nsent + 1, sizeof(size_t), &bytes))
        return false;
    size_t *first = onr_malloc(doc->mem, bytes); /* per sentence, its first reported clause */
    if (!first)
        return false;
    src_attr *attrs = doc->attrs.data;
    for (size_t i = 0; i <= nsent; i++)
        first[i] = SIZE_MAX;
    for (size_t b = doc->attrs.len; b-- > direct;)
        first[src_tok(doc, attrs[b].first)->sentence] = b;
    for (size_t a = 0; a < direct; a++) {
        uint32_t sentence = src_tok(doc, attrs[a].first)->sentence;
        if (attrs[a].kind != ONR_QUOTE_DIRECT || attrs[a].speaker_first >= 0 || first[sentence] == SIZE_MAX)
            continue;
        for (size_t b = first[sentence]; b < doc->attrs.len && src_tok(doc, attrs[b].first)->sentence == sentence; b++)
            if (clause_runs_into(doc, &attrs[b], &attrs[a])) {
                attrs[a].speaker_first = attrs[b].speaker_first;
                attrs[a].speaker_end = attrs[b].speaker_end;
                attrs[a].cue_first = attrs[b].cue_first;
                attrs[a].cue_end = attrs[b].cue_end;
                break;
            }
    }
    onr_free(doc->mem, first);
    return true;
}

bool src_attribute(src_doc *doc)
{
    if (!attribute_direct(doc))
        return false;
    size_t direct = doc->attrs.len;
    const src_sentence *sents = doc->sentences.data;
    for (size_t i = 0; i < doc->sentences.len; i++)
        if (!attribute_reported(doc, &sents[i]))
            return false;
    if (!attribute_quotes_after_clauses(doc, direct) || !attribute_orphans(doc) || !attribute_partial(doc))
        return false;
    /* Attributions are made in sentence order but direct quotes come first; pieces stay put. */
    return src_stable_sort(doc->mem, doc->attrs.data, doc->attrs.len, sizeof(src_attr), compare_attrs);
}
