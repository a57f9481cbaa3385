/* Last pass of the sourcing audit: reads each speaker mention (name, role, affiliation,
 * nationality), resolves pronouns and definite descriptions to earlier sources, groups the
 * mentions into sources, and writes the public result with the article's summary. */
#include "sources/sources_internal.h"

#include <stdlib.h>
#include <string.h>

typedef enum mention_type {
    MENTION_PRONOUN_PERSON, /* he, she, I */
    MENTION_PRONOUN_GROUP,  /* they, we */
    MENTION_PRONOUN_THING,  /* it */
    MENTION_RELATIVE,       /* who, which */
    MENTION_PERSON,
    MENTION_ORGANIZATION,
    MENTION_DOCUMENT,
    MENTION_DEFINITE,       /* "the Russian diplomat" */
    MENTION_NEW             /* "a Russian diplomat", "another official", "officials" */
} mention_type;

typedef struct mention {
    mention_type type;
    bool plural;
    long name_first, name_end;   /* token ranges, first < 0 when absent */
    long role;                   /* token of the role or document noun, or -1 */
    long nat_first, nat_end;
    long aff_first, aff_end;
    long last;                   /* the mention's last token: its head noun */
} mention;

static const src_token *tok(const src_doc *doc, long i) { return src_tok(doc, (size_t)i); }

static bool cap_word(const src_token *t)
{
    return t->type == TOK_WORD && (t->flags & TF_CAP) &&
           !(t->lex & (LEX_DEF | LEX_INDEF | LEX_NATIONALITY | LEX_PREP | LEX_CLAUSE | LEX_AUX));
}

/* After a capitalised name word, "May" or "Will" is a surname: "Theresa May". */
static bool surname_like_modal(const src_token *t)
{
    return t->type == TOK_WORD && (t->flags & TF_CAP) && (t->lex & LEX_AUX) && !(t->flags & TF_PARA);
}

static bool ieq_tokens(const src_doc *doc, const src_token *a, const src_token *b)
{
    return onr_ascii_ieq(doc->text + a->start, a->end - a->start, doc->text + b->start, b->end - b->start);
}

/* "some officials", "seven officials", "several sources": a group. */
static bool det_plural(const src_token *t)
{
    if (t->number > 1)
        return true;
    if (t->type == TOK_NUMBER && !(t->lex & LEX_NUMBER))
        return true;
    return (t->lists & LEXL_GROUP_WORD) != 0;
}


/* "VPost's sources", "CNN’s source": the possessor of "source(s)" is who has them (the outlet),
 * not where they work. */
static bool owner_of_sources(const src_doc *doc, long possessor, long noun)
{
    return src_possessive_word(doc, tok(doc, possessor)) && (src_word_is(doc, noun, "sources") || src_word_is(doc, noun, "source"));
}

/* "Gov. Tom Hale", "Senator Ana Ruiz": a title word (and its period) before a capitalised name. */
static bool title_before_name(const src_doc *doc, long k, long end)
{
    long next = k + 1 + (k + 1 < end && src_is_punct(tok(doc, k + 1), '.'));
    return next < end && cap_word(tok(doc, next));
}

/* "Mr. Dale", "Ms. Lund": a form of address, which says nothing of the person's role
 * (unlike "Gov." or "Senator"). */
static bool honorific(const src_doc *doc, long k)
{
    return src_listed(doc, (size_t)k, LEXL_HONORIFIC);
}

/* "a", "an", "another", "one" or a capitalised word: what opens one more member of a joint
 * speaker after "and". "the" does not: "a source close to the ministry and the Kremlin". */
static bool opens_member(const src_doc *doc, long k)
{
    const src_token *t = tok(doc, k);
    if (t->lex & LEX_INDEF)
        return src_word_is(doc, k, "a") || src_word_is(doc, k, "an") || src_word_is(doc, k, "another") || src_word_is(doc, k, "one");
    return cap_word(t);
}

/* After a preposition or "the", "and" with a capitalised word goes on with a name ("the Office of
 * Management and Budget", "the Growth and Opportunity Project"): only "a …" or a title ("Senator
 * Ted Cruz of Texas and Senator Rand Paul") opens a second person there. */
static bool opens_member_inside_name(const src_doc *doc, long k)
{
    const src_token *t = tok(doc, k);
    return opens_member(doc, k) && ((t->lex & LEX_INDEF) || ((t->lex & LEX_TITLE) && (t->flags & TF_CAP)));
}

/* Does the "and" before `k` join words of one phrase rather than a second person or group? After
 * a preposition, unless "a …" or a title follows; after "the" and a singular noun, when a plain
 * lowercase word follows ("the businessman and reality star", not "the candidate and her staff"). */
static bool joins_words(const src_doc *doc, long k, long end, bool after_link, bool singular_definite)
{
    if (k >= end)
        return false;
    if (after_link)
        return !opens_member_inside_name(doc, k);
    const src_token *t = tok(doc, k);
    return singular_definite && t->type == TOK_WORD && t->number == 0 && !(t->flags & TF_CAP) &&
           !(t->lex & (LEX_DEF | LEX_INDEF | LEX_POSSESSIVE | LEX_PRONOUN | LEX_NUMBER | LEX_PLURAL));
}

static mention read_mention(const src_doc *doc, long first, long end)
{
    mention m = {MENTION_NEW, false, -1, -1, -1, -1, -1, -1, -1, end - 1};
    const src_token *f = tok(doc, first);
    if (end - first == 1 && (f->lex & LEX_PRONOUN)) {
        m.type = (f->lex & LEX_RELATIVE) ? MENTION_RELATIVE
                 : (f->lex & LEX_NEUTER) ? MENTION_PRONOUN_THING
                 : (f->lex & LEX_PLURAL) ? MENTION_PRONOUN_GROUP : MENTION_PRONOUN_PERSON;
        return m;
    }
    if (end - first == 1 && (f->lex & LEX_POSSESSIVE)) {
        /* a possessive alone ("their chants of", "in her words") stands for its owner, as a pronoun */
        m.type = src_word_is(doc, first, "its")                                        ? MENTION_PRONOUN_THING
                 : src_word_is(doc, first, "their") || src_word_is(doc, first, "our") ? MENTION_PRONOUN_GROUP
                                                                                    : MENTION_PRONOUN_PERSON;
        return m;
    }
    /* The first conjunct and its apposition end at a comma or "and"; the rest is a second
     * person ("a Russian diplomat and a source close to ..."). But "and" joins the objects of a
     * preposition unless it opens another person ("a source close to the council and the union",
     * "a spokesman for the Parks and Recreation Department"), and one person's two roles after
     * "the" ("the businessman and reality star"). */
    long conj_end = end, appos = -1;
    bool after_link = false, plural_seen = false;
    for (long k = first; k < end; k++) {
        const src_token *t = tok(doc, k);
        if (t->type == TOK_PUNCT && t->punct == ',') {
            conj_end = k;
            appos = k + 1;
            break;
        }
        after_link = after_link || (t->lex & (LEX_ANONLINK | LEX_PREP | LEX_OF));
        plural_seen = plural_seen || (t->lex & LEX_PLURAL);
        if (t->lex & LEX_AND && k > first && !joins_words(doc, k + 1, end, after_link, (f->lex & LEX_DEF) && !plural_seen)) {
            conj_end = k;
            m.plural = true;
            break;
        }
    }
    bool definite = (f->lex & LEX_DEF) != 0;
    bool linked = false;
    for (long k = first; k < conj_end; k++) {
        const src_token *t = tok(doc, k);
        if (t->lex & (LEX_ANONLINK | LEX_PREP | LEX_OF)) {
            if (m.role >= 0 && m.aff_first < 0) {
                long a = k + 1;
                while (a < conj_end && (tok(doc, a)->lex & (LEX_PREP | LEX_OF)))
                    a++;
                if (a < conj_end && !(tok(doc, a)->lex & LEX_TIME)) {
                    m.aff_first = a;
                    m.aff_end = conj_end;
                }
            }
            linked = true;
            continue;
        }
        if (linked) {
            /* "the majority of VPost's sources": the role after "of" when none came before */
            if (m.role < 0 && (t->lex & LEX_ROLE) && !(t->flags & TF_CAP)) {
                m.role = k;
                m.plural = m.plural || (t->lex & LEX_PLURAL);
                if (k > first && cap_word(tok(doc, k - 1)) && m.aff_first < 0 && !owner_of_sources(doc, k - 1, k)) {
                    m.aff_first = k - 1;
                    m.aff_end = k;
                }
            }
            continue;
        }
        if (t->lex & LEX_NATIONALITY) {
            if (m.nat_first < 0)
                m.nat_first = k;
            m.nat_end = k + 1;
        } else if (t->lex & (LEX_ROLE | LEX_DOC) && !(t->flags & TF_CAP && k > first && cap_word(tok(doc, k - 1)) && !(t->lex & LEX_ROLE))) {
            m.role = k;
            if (t->lex & LEX_PLURAL)
                m.plural = true;
        } else if (cap_word(t) && !(t->lex & LEX_TITLE && m.name_first < 0 && title_before_name(doc, k, conj_end))) {
            long run = k;
            while (k + 1 < conj_end && (cap_word(tok(doc, k + 1)) || surname_like_modal(tok(doc, k + 1))) &&
                   !(tok(doc, k + 1)->lex & LEX_ROLE && !(tok(doc, k + 1)->flags & TF_CAP)))
                k++;
            bool modifier = k + 1 < conj_end && !(tok(doc, k + 1)->lex & (LEX_PREP | LEX_OF | LEX_ANONLINK)) &&
                            !src_is_punct(tok(doc, k + 1), '('); /* "Ana Ruiz (D)" */
            if (modifier) {
                if (m.aff_first < 0 && !owner_of_sources(doc, k, k + 1)) {
                    m.aff_first = run;
                    m.aff_end = k + 1;
                }
            } else {
                m.name_first = run;
                m.name_end = k + 1;
            }
        } else if (t->lex & LEX_TITLE && (t->flags & TF_CAP) && !honorific(doc, k)) {
            m.role = k;
        }
    }
    if (appos >= 0 && m.name_first < 0 && m.role >= 0 && appos < end && cap_word(tok(doc, appos))) {
        /* "Its chairman, Dougie MacLeod": the name follows the role */
        long run = appos;
        while (run < end && cap_word(tok(doc, run)))
            run++;
        if (run == end || (tok(doc, run)->type == TOK_PUNCT && tok(doc, run)->punct == ',')) {
            m.name_first = appos;
            m.name_end = run;
            m.plural = false;
        }
    } else if (appos >= 0 && m.name_first >= 0) {
        for (long k = appos; k < end; k++) {
            const src_token *t = tok(doc, k);
            if (t->lex & LEX_NATIONALITY && m.nat_first < 0) {
                m.nat_first = k;
                m.nat_end = k + 1;
            } else if (t->lex & LEX_ROLE && m.role < 0) {
                m.role = k;
            } else if (cap_word(t) && m.aff_first < 0) {
                m.aff_first = k;
                m.aff_end = k + 1;
                while (m.aff_end < end && cap_word(tok(doc, m.aff_end)))
                    m.aff_end++;
            }
        }
    }
    if (det_plural(f))
        m.plural = true;
    if (m.name_first >= 0) {
        bool org = false;
        for (long k = m.name_first; k < m.name_end; k++) {
            const src_token *t = tok(doc, k);
            /* "CNN", "VPost" are outlets; "Dougie MacLeod" is a person */
            if ((t->lex & LEX_ORG) || ((t->flags & TF_ODDCAPS) && m.name_end - m.name_first == 1))
                org = true;
        }
        if (definite && m.role < 0)
            org = true;
        m.type = org ? MENTION_ORGANIZATION : MENTION_PERSON;
        if (org && m.name_first == first + 1 && (f->flags & TF_CAP) && (f->lex & LEX_DEF))
            m.name_first = first; /* "The Moscow Times" keeps its article */
        return m;
    }
    if (m.role >= 0 && (tok(doc, m.role)->lex & LEX_DOC) && !(tok(doc, m.role)->lex & LEX_ROLE)) {
        m.type = MENTION_DOCUMENT;
        return m;
    }
    if (m.aff_first >= 0 && m.role < 0) {
        /* Only capitalised words used as a modifier ("Kremlin officials" lost its noun): a name. */
        m.type = MENTION_ORGANIZATION;
        m.name_first = m.aff_first;
        m.name_end = m.aff_end;
        m.aff_first = m.aff_end = -1;
        return m;
    }
    if (m.role < 0 && (tok(doc, conj_end - 1)->lex & LEX_ORG)) {
        /* "the customs service", "the ministry": an organization named by what it is */
        m.type = MENTION_ORGANIZATION;
        m.name_first = (f->lex & (LEX_DEF | LEX_INDEF)) ? first + 1 : first;
        m.name_end = conj_end;
        if (m.name_first < m.name_end)
            return m;
    }
    m.type = definite ? MENTION_DEFINITE : MENTION_NEW;
    return m;
}

/* ---- sources ---- */

typedef enum gender { GENDER_UNKNOWN, GENDER_MALE, GENDER_FEMALE } gender;

/* Common first names of one gender, a hint only: "Hillary Clinton" is no "he". */
static const char *const male_names[] = {
    "barack", "ben", "bernie", "bill", "bob", "chris", "dan", "david", "donald", "george", "jeb", "jim",
    "joe", "john", "mark", "marco", "michael", "mike", "mitt", "paul", "peter", "rand", "richard", "rick",
    "robert", "scott", "steve", "ted", "tim", "tom"};
static const char *const female_names[] = {
    "anna", "carly", "debbie", "elizabeth", "hillary", "hope", "ivanka", "jane", "jennifer", "karen",
    "kellyanne", "linda", "lisa", "maria", "mary", "melania", "michelle", "nancy", "nikki", "sarah", "susan"};

/* "he", "she"; "Mr.", "Mrs.", "Ms."; "spokeswoman", "chairman"; a first name before a surname: what
 * a mention says of the person's gender, in its head only ("a spokeswoman for Mr. Hale"). A possessive
 * inside a longer mention is someone else's ("her spokesman"). */
static gender gender_of_mention(const src_doc *doc, long first, long end)
{
    if (end - first == 1) {
        if (src_word_is(doc, first, "he") || src_word_is(doc, first, "his") || src_word_is(doc, first, "him"))
            return GENDER_MALE;
        if (src_word_is(doc, first, "she") || src_word_is(doc, first, "her"))
            return GENDER_FEMALE;
    }
    for (long k = first; k < end && !src_is_punct(tok(doc, k), ',') && !(tok(doc, k)->lex & (LEX_PREP | LEX_OF)); k++) {
        bool first_name = k + 1 < end && cap_word(tok(doc, k)) && cap_word(tok(doc, k + 1));
        if (src_word_is(doc, k, "mr") || src_word_ends_in(doc, tok(doc, k), "sman", 3) || src_word_is(doc, k, "chairman") ||
            (first_name && SRC_WORD_AMONG(doc, tok(doc, k), male_names)))
            return GENDER_MALE;
        if (src_word_is(doc, k, "mrs") || src_word_is(doc, k, "ms") || src_word_ends_in(doc, tok(doc, k), "woman", 4) ||
            (first_name && SRC_WORD_AMONG(doc, tok(doc, k), female_names)))
            return GENDER_FEMALE;
    }
    return GENDER_UNKNOWN;
}

static bool genders_clash(gender a, gender b) { return a && b && a != b; }

typedef struct work_source {
    onr_source_kind kind;
    long name_first, name_end;   /* the name, or the descriptor of an anonymous source */
    long role, nat_first, nat_end, aff_first, aff_end;
    size_t quote_count, mention_count;
    long last_mention;           /* first token of the latest mention, to count each once */
    gender gender;               /* from a form of address, a role word or a pronoun resolved to it */
} work_source;

/* The most members a joint speaker is split into; one of more stays one mention. */
enum { MEMBERS_MAX = 8 };

/* One source a speaker mention stands for, with the tokens that name it. */
typedef struct member {
    long source;
    long first, end;
} member;

typedef struct resolver {
    src_doc *doc;
    src_vec sources;             /* work_source */
    long last_person, last_group, last_thing, last_any;
    long joint[MEMBERS_MAX];     /* the members of the latest joint speaker, for a later "they" */
    size_t joint_count;          /* 0 once a group source has been mentioned since */
} resolver;

static work_source *wsrc(resolver *r, long i) { return (work_source *)r->sources.data + i; }

static bool tokens_ieq(const src_doc *doc, long a_first, long a_end, long b_first, long b_end)
{
    if (a_end - a_first != b_end - b_first)
        return false;
    for (long k = 0; k < a_end - a_first; k++)
        if (!ieq_tokens(doc, tok(doc, a_first + k), tok(doc, b_first + k)))
            return false;
    return true;
}

static bool is_anonymous_kind(onr_source_kind k)
{
    return k == ONR_SOURCE_ANONYMOUS_INDIVIDUAL || k == ONR_SOURCE_ANONYMOUS_GROUP;
}

/* How far back a name or description is looked for: bounds the work on hostile input. */
enum { LOOKBACK = 256 };

static long find_source(resolver *r, const mention *m)
{
    src_doc *doc = r->doc;
    long n = (long)r->sources.len;
    for (long i = n - 1; i >= 0 && i >= n - LOOKBACK; i--) {
        const work_source *s = wsrc(r, i);
        switch (m->type) {
        case MENTION_PERSON:
            /* The surname: "Dmitry Peskov" ... "Peskov"; but "Betty Hale" is not "Tom Hale". */
            if (s->kind == ONR_SOURCE_NAMED_PERSON &&
                ieq_tokens(doc, tok(doc, s->name_end - 1), tok(doc, m->name_end - 1)) &&
                (s->name_end - s->name_first < 2 || m->name_end - m->name_first < 2 ||
                 ieq_tokens(doc, tok(doc, s->name_first), tok(doc, m->name_first))))
                return i;
            break;
        case MENTION_ORGANIZATION:
            if (s->kind == ONR_SOURCE_NAMED_ORGANIZATION && m->name_end - m->name_first == 1 &&
                !(tok(doc, m->name_first)->flags & TF_CAP) &&
                ieq_tokens(doc, tok(doc, s->name_end - 1), tok(doc, m->name_first)))
                return i; /* "the council" after "Harbour Council" */
            if (s->kind == ONR_SOURCE_NAMED_ORGANIZATION &&
                tokens_ieq(doc, s->name_first + src_word_is(doc, s->name_first, "the"), s->name_end,
                           m->name_first + src_word_is(doc, m->name_first, "the"), m->name_end))
                return i;
            break;
        case MENTION_DEFINITE:
        case MENTION_DOCUMENT:
            /* "the Russian diplomat" is one of "a Russian diplomat and a source …", not the pair */
            if (!m->plural && s->kind == ONR_SOURCE_ANONYMOUS_GROUP)
                break;
            if (m->role >= 0 && s->role >= 0 && s->kind != ONR_SOURCE_NAMED_PERSON &&
                ieq_tokens(doc, tok(doc, s->role), tok(doc, m->role)))
                return i;
            /* "the cooperative" after "The North Quay Fishing Cooperative" */
            if (m->role < 0 && s->kind == ONR_SOURCE_NAMED_ORGANIZATION && s->name_end > s->name_first &&
                ieq_tokens(doc, tok(doc, s->name_end - 1), tok(doc, m->last)))
                return i;
            /* "the harbour master" after "a harbour master": the same head noun */
            if (m->role < 0 && s->role < 0 && is_anonymous_kind(s->kind) && s->name_end > s->name_first &&
                ieq_tokens(doc, tok(doc, s->name_end - 1), tok(doc, m->last)))
                return i;
            break;
        default:
            return -1;
        }
    }
    return -1;
}

/* "Russian diplomats" again: a bare plural with the very words of an earlier group is that
 * group, as the reader cannot tell them apart ("seven officials", "some officials" count anew). */
static long same_bare_group(resolver *r, const mention *m, long first, long end)
{
    const src_token *f = tok(r->doc, first);
    if (m->type != MENTION_NEW || !m->plural || (f->lex & (LEX_DEF | LEX_INDEF)) || det_plural(f))
        return -1;
    long n = (long)r->sources.len;
    for (long i = n - 1; i >= 0 && i >= n - LOOKBACK; i--) {
        const work_source *s = wsrc(r, i);
        if (s->kind == ONR_SOURCE_ANONYMOUS_GROUP && tokens_ieq(r->doc, s->name_first, s->name_end, first, end))
            return i;
    }
    return -1;
}

static onr_source_kind kind_of(const mention *m)
{
    switch (m->type) {
    case MENTION_PERSON: return ONR_SOURCE_NAMED_PERSON;
    case MENTION_ORGANIZATION: return ONR_SOURCE_NAMED_ORGANIZATION;
    case MENTION_DOCUMENT: return ONR_SOURCE_DOCUMENT;
    case MENTION_DEFINITE:
    case MENTION_NEW: return m->plural ? ONR_SOURCE_ANONYMOUS_GROUP : ONR_SOURCE_ANONYMOUS_INDIVIDUAL;
    default: return ONR_SOURCE_UNKNOWN;
    }
}

/* A person a gender is known of; a source met only as a pronoun (of unknown kind) is not. */
static bool person_kind(onr_source_kind k)
{
    return k == ONR_SOURCE_NAMED_PERSON || k == ONR_SOURCE_ANONYMOUS_INDIVIDUAL;
}

/* "they" with no group before is not the one named person quoted last but a source of its own
 * ("the dockers" may have been read as one person; "we" may be that person speaking for others). */
static long they_alone(resolver *r, long first)
{
    long i = r->last_any;
    bool they = src_word_is(r->doc, first, "they") || src_word_is(r->doc, first, "their");
    return i >= 0 && they && wsrc(r, i)->kind == ONR_SOURCE_NAMED_PERSON ? -1 : i;
}

/* "she" after a man was last quoted: the latest person mentioned known to be a woman, or the
 * last person when none is. */
static long person_for_pronoun(resolver *r, gender g)
{
    long last = r->last_person;
    if (last < 0 || !genders_clash(wsrc(r, last)->gender, g))
        return last;
    long best = -1, n = (long)r->sources.len;
    for (long i = n - 1; i >= 0 && i >= n - LOOKBACK; i--) {
        const work_source *s = wsrc(r, i);
        if (person_kind(s->kind) && s->gender == g &&
            (best < 0 || s->last_mention > wsrc(r, best)->last_mention))
            best = i;
    }
    return best >= 0 ? best : last;
}

static long resolve(resolver *r, const mention *m, long first, long end)
{
    long found = -1;
    gender g = gender_of_mention(r->doc, first, end);
    switch (m->type) {
    case MENTION_PRONOUN_PERSON: found = r->last_person >= 0 ? person_for_pronoun(r, g) : r->last_any; break;
    case MENTION_PRONOUN_GROUP: found = r->last_group >= 0 ? r->last_group : they_alone(r, first); break;
    case MENTION_PRONOUN_THING: found = r->last_thing >= 0 ? r->last_thing : r->last_any; break;
    case MENTION_RELATIVE: found = r->last_any; break;
    case MENTION_NEW: found = same_bare_group(r, m, first, end); break;
    default: found = find_source(r, m); break;
    }
    if (found < 0) {
        work_source *s = src_vec_push(r->doc->mem, &r->sources);
        if (!s)
            return -2;
        s->kind = kind_of(m);
        bool named = m->type == MENTION_PERSON || m->type == MENTION_ORGANIZATION;
        s->name_first = named ? m->name_first : first;
        s->name_end = named ? m->name_end : end;
        s->role = m->role;
        s->nat_first = m->nat_first;
        s->nat_end = m->nat_end;
        s->aff_first = m->aff_first;
        s->aff_end = m->aff_end;
        s->last_mention = -1;
        s->gender = GENDER_UNKNOWN;
        found = (long)r->sources.len - 1;
    } else {
        work_source *s = wsrc(r, found);
        /* Keep the fullest name and any descriptor words a later mention adds. */
        if (m->type == MENTION_PERSON && s->kind == ONR_SOURCE_NAMED_PERSON &&
            m->name_end - m->name_first > s->name_end - s->name_first) {
            s->name_first = m->name_first;
            s->name_end = m->name_end;
        }
        if (s->role < 0)
            s->role = m->role;
        if (s->nat_first < 0) {
            s->nat_first = m->nat_first;
            s->nat_end = m->nat_end;
        }
        if (s->aff_first < 0) {
            s->aff_first = m->aff_first;
            s->aff_end = m->aff_end;
        }
    }
    work_source *s = wsrc(r, found);
    if (!s->gender && person_kind(s->kind))
        s->gender = g;
    r->last_any = found;
    /* a source known only as "they" is a group for the pronouns that follow */
    bool they_only = s->kind == ONR_SOURCE_UNKNOWN && m->type == MENTION_PRONOUN_GROUP;
    if ((person_kind(s->kind) || s->kind == ONR_SOURCE_UNKNOWN) && !they_only)
        r->last_person = found;
    else if (s->kind == ONR_SOURCE_ANONYMOUS_GROUP || they_only)
        r->last_group = found;
    else
        r->last_thing = found;
    if (s->kind == ONR_SOURCE_NAMED_ORGANIZATION)
        r->last_group = r->last_group >= 0 ? r->last_group : found;
    return found;
}

/* A member of a joint speaker is one person or one named body: "a Russian diplomat", "the
 * mayor", "Anna Petrova", "Reuters"; not a group ("officials", "two council members"), a bare
 * title ("Former prosecutor and New York City Mayor Rudy Giuliani" is one man) or a body's
 * officer ("Fox News Vice President and …"). */
static bool member_mention(const src_doc *doc, const mention *m, long first, bool leading)
{
    switch (m->type) {
    case MENTION_PERSON: return !m->plural;
    case MENTION_ORGANIZATION: return !m->plural && m->role < 0;
    case MENTION_NEW: return !m->plural && (tok(doc, first)->lex & LEX_INDEF);
    case MENTION_DEFINITE: return leading && !m->plural;
    default: return false;
    }
}

/* A comma, colon or spaced dash outside parentheses: what follows is an apposition ("Jeb Bush,
 * the former governor and a candidate") or a list after its heading, not a second speaker. */
static bool ends_head(const src_token *t)
{
    return t->type == TOK_PUNCT && (t->punct == ',' || t->punct == ';' || t->punct == ':' ||
                                    (t->punct == '-' && (t->flags & TF_SPACE)));
}

/* Splits "a Russian diplomat and a source close to the Foreign Ministry" at each "and" of the
 * head phrase (before any apposition) that opens a member, outside parentheses. Returns the
 * number of members (2 or more) with their token ranges and mentions in `out`, or 1 when the
 * speaker is one mention. */
static size_t joint_members(const src_doc *doc, long first, long end, member *out, mention *mentions)
{
    size_t n = 0;
    if (end - first > 2 && src_word_is(doc, first, "both"))
        first++; /* "Both Cruz and Fiorina" */
    long start = first;
    int depth = 0;
    bool inside_name = (tok(doc, first)->lex & LEX_DEF) != 0;
    for (long k = first; k < end && n + 1 < MEMBERS_MAX; k++) {
        const src_token *t = tok(doc, k);
        depth += src_is_punct(t, '(') - src_is_punct(t, ')');
        if (depth == 0 && ends_head(t))
            break;
        inside_name = inside_name || (t->lex & (LEX_PREP | LEX_OF | LEX_ANONLINK));
        if (depth > 0 || !(t->lex & LEX_AND) || k == start || k + 1 >= end ||
            !(inside_name ? opens_member_inside_name(doc, k + 1) : opens_member(doc, k + 1)))
            continue;
        out[n++] = (member){-1, start, k};
        start = k + 1;
        inside_name = false;
    }
    if (n == 0)
        return 1;
    out[n++] = (member){-1, start, end};
    for (size_t i = 0; i < n; i++) {
        mentions[i] = read_mention(doc, out[i].first, out[i].end);
        if (!member_mention(doc, &mentions[i], out[i].first, i == 0))
            return 1;
    }
    return n;
}

/* Can the word end or continue a noun phrase read backwards from a relative pronoun: a name,
 * a title, a role or a noun with their modifiers ("the Daily Beast editor", "Gov. Chris Christie")? */
static bool antecedent_word(const src_token *t)
{
    if (t->type == TOK_PUNCT)
        return t->punct == '.'; /* of an abbreviated title */
    if (t->lex & LEX_PRONOUN) /* "He, who": no chain of relatives to follow */
        return false;
    return cap_word(t) || (t->lex & (LEX_ROLE | LEX_NATIONALITY | LEX_TITLE | LEX_ORG | LEX_ANONADJ |
                                     LEX_NOUN | LEX_NUMBER | LEX_AND));
}

/* The noun phrase a relative pronoun at `rel` stands for, right before it and its comma
 * ("Barkley, who said", "officials that expect"), with its determiner; false when none is there. */
static bool antecedent_of(const src_doc *doc, long rel, long *first, long *end)
{
    long k = rel - 1;
    if (k >= 0 && src_is_punct(tok(doc, k), ','))
        k--;
    *end = k + 1;
    uint32_t sentence = tok(doc, rel)->sentence;
    /* "Sen. Ted Cruz of Texas, who": "of" between names belongs to the phrase */
    while (k >= 0 && tok(doc, k)->sentence == sentence &&
           (antecedent_word(tok(doc, k)) ||
            (k > 0 && (tok(doc, k)->lex & LEX_OF) && cap_word(tok(doc, k - 1)) && cap_word(tok(doc, k + 1)))))
        k--;
    /* "a moderate Indiana Democrat who": one unlisted adjective after the determiner */
    const src_token *adj = k >= 1 && k + 1 < *end ? tok(doc, k) : NULL;
    if (adj && adj->type == TOK_WORD && !adj->lex && !(adj->flags & TF_CAP) && tok(doc, k - 1)->sentence == sentence &&
        (tok(doc, k - 1)->lex & (LEX_DEF | LEX_INDEF)))
        k--;
    if (k >= 0 && tok(doc, k)->sentence == sentence && (tok(doc, k)->lex & (LEX_DEF | LEX_INDEF)))
        k--;
    *first = k + 1;
    if (k >= 1 && (tok(doc, k + 1)->lex & (LEX_DEF | LEX_INDEF)) && src_is_punct(tok(doc, k), ',') &&
        cap_word(tok(doc, k - 1))) {
        /* "Sandra Sucher, a professor who": the apposition of a name is that name's */
        for (k--; k >= 0 && tok(doc, k)->sentence == sentence && cap_word(tok(doc, k)); k--)
            ;
        *first = k + 1;
    }
    while (*first < *end && (tok(doc, *first)->type == TOK_PUNCT || (tok(doc, *first)->lex & LEX_AND)))
        (*first)++;
    return *first < *end && tok(doc, *end - 1)->type == TOK_WORD && !(tok(doc, *end - 1)->lex & LEX_AND);
}

/* "who", or "that" alone as a speaker: "officials that expect". */
static bool relative_speaker(const src_doc *doc, const mention *m, long first, long end)
{
    return m->type == MENTION_RELATIVE || (end - first == 1 && src_word_is(doc, first, "that"));
}

/* Is the antecedent someone who speaks: a role, a full name, or a source met before? A lone
 * capitalised word may be a place or a month ("in Berkeley, who"). */
static bool speaking_antecedent(resolver *r, long first, long end)
{
    mention m = read_mention(r->doc, first, end);
    long found = find_source(r, &m);
    bool full_name = m.type == MENTION_PERSON && m.name_end - m.name_first >= 2;
    if (found >= 0 && full_name)
        /* "his daughter Ivanka Trump, who" is not the "Trump" quoted before */
        return wsrc(r, found)->name_end - wsrc(r, found)->name_first >= 2;
    return m.role >= 0 || m.plural || full_name || found >= 0;
}

/* The sources a speaker mention stands for: one, or each member of a joint speaker, whose
 * words are credited to all of them; "they" after a joint speaker is its members again.
 * Returns how many are in `out`, or 0 when allocation fails. */
static size_t resolve_speaker(resolver *r, long first, long end, member *out)
{
    mention mentions[MEMBERS_MAX];
    size_t n = joint_members(r->doc, first, end, out, mentions);
    if (n == 1) {
        mentions[0] = read_mention(r->doc, first, end);
        long ante_first, ante_end;
        if (relative_speaker(r->doc, &mentions[0], first, end) &&
            antecedent_of(r->doc, first, &ante_first, &ante_end) &&
            speaking_antecedent(r, ante_first, ante_end)) {
            n = resolve_speaker(r, ante_first, ante_end, out);
            if (n == 1) /* the quote's mention stays the pronoun */
                out[0] = (member){out[0].source, first, end};
            return n;
        }
        if (mentions[0].type == MENTION_PRONOUN_GROUP && r->joint_count > 0) {
            for (size_t i = 0; i < r->joint_count; i++)
                out[i] = (member){r->joint[i], first, end};
            return r->joint_count;
        }
        out[0] = (member){-1, first, end};
    }
    for (size_t i = 0; i < n; i++) {
        out[i].source = resolve(r, &mentions[i], out[i].first, out[i].end);
        if (out[i].source == -2)
            return 0;
    }
    if (n > 1) {
        for (size_t i = 0; i < n; i++)
            r->joint[i] = out[i].source;
        r->joint_count = n;
    } else if (wsrc(r, out[0].source)->kind == ONR_SOURCE_ANONYMOUS_GROUP)
        r->joint_count = 0;
    return n;
}

/* ---- writing the result ---- */

static onr_string text_of(const src_doc *doc, long first, long end)
{
    if (first < 0 || end <= first)
        return (onr_string){NULL, 0};
    size_t a = tok(doc, first)->start, b = tok(doc, end - 1)->end;
    return (onr_string){doc->text + a, b - a};
}

static onr_text_span span_of(const src_doc *doc, const src_offsets *map, long first, long end)
{
    return src_text_span(map, tok(doc, first)->start, tok(doc, end - 1)->end);
}

/* "seven senior officials and three members of ...": numbers that count people. */
static unsigned claimed_count(const src_doc *doc, long first, long end)
{
    unsigned total = 0;
    for (long k = first; k < end; k++) {
        const src_token *t = tok(doc, k);
        unsigned value = t->number;
        if (t->type == TOK_NUMBER && !(t->lex & LEX_NUMBER)) {
            value = 0;
            for (size_t b = t->start; b < t->end && value < 100000; b++)
                if (doc->text[b] >= '0' && doc->text[b] <= '9')
                    value = value * 10 + (unsigned)(doc->text[b] - '0');
        }
        if (value < 1)
            continue;
        for (long j = k + 1; j < end && j <= k + 3; j++)
            if ((tok(doc, j)->lex & LEX_ROLE) && (value == 1 || (tok(doc, j)->lex & LEX_PLURAL))) {
                total += value;
                break;
            }
    }
    return total;
}

/* "spoke on condition of anonymity", "not authorized to speak", "asked not to be named". */
static bool justifies_anonymity(const src_doc *doc, long k, long first)
{
    const src_token *t = tok(doc, k);
    if (!(t->lex & LEX_JUSTIFY))
        return false;
    if (src_word_is(doc, k, "anonymity") || src_word_is(doc, k, "anonymously"))
        return true;
    for (long j = k - 1; j >= first && j >= k - 3; j--)
        if (src_word_is(doc, j, "not") || src_word_is(doc, j, "declined") || src_word_is(doc, j, "unauthorized"))
            return true;
    return false;
}

/* An outlet: "VPost", "The Moscow Times", "CNN". */
static bool outlet_name(const src_doc *doc, long first, long end)
{
    for (long k = first; k < end; k++)
        if (tok(doc, k)->flags & TF_ODDCAPS || tok(doc, k)->lex & LEX_ORG)
            return true;
    return false;
}

/* `list` has room for PUBLICATIONS_MAX names; further outlets are not listed. */
#define PUBLICATIONS_MAX 64

static bool add_publication(const src_doc *doc, onr_sources *out, onr_string *list, long first, long end)
{
    onr_string name = text_of(doc, first, end);
    for (size_t i = 0; i < out->summary.publication_count; i++)
        if (onr_ascii_ieq(list[i].data, list[i].len, name.data, name.len))
            return true;
    if (out->summary.publication_count < PUBLICATIONS_MAX)
        list[out->summary.publication_count++] = name;
    return true;
}

/* The capitalised run at token k: the outlet after "told", "by", "according to". */
static long cap_run_end(const src_doc *doc, long k, long limit)
{
    if (k < limit && src_word_is(doc, k, "the") && k + 1 < limit && cap_word(tok(doc, k + 1)))
        k++;
    long e = k;
    while (e < limit && cap_word(tok(doc, e)) && tok(doc, e)->region < 0)
        e++;
    return e;
}

static bool fill_summary(src_doc *doc, const src_offsets *map, onr_sources *out)
{
    onr_sources_summary *sum = &out->summary;
    sum->quote_count = out->quote_count;
    size_t attributed = 0, anonymous = 0;
    for (size_t i = 0; i < out->quote_count; i++) {
        sum->by_kind[out->quotes[i].kind]++;
        if (out->quotes[i].source != ONR_NO_SOURCE) {
            attributed++;
            anonymous += out->quotes[i].anonymous;
        }
    }
    sum->anonymous_share = attributed ? (double)anonymous / (double)attributed : 0.0;
    sum->source_count = out->source_count;
    for (size_t i = 0; i < out->source_count; i++) {
        onr_source_kind k = out->sources[i].kind;
        sum->named_source_count += k == ONR_SOURCE_NAMED_PERSON || k == ONR_SOURCE_NAMED_ORGANIZATION;
        sum->anonymous_source_count += is_anonymous_kind(k);
    }
    /* Claims, one per distinct speaker mention. */
    const src_attr *attrs = doc->attrs.data;
    onr_source_claim *claims = onr_arena_calloc(&out->arena, doc->attrs.len + 1, sizeof *claims);
    onr_string *pubs = onr_arena_calloc(&out->arena, PUBLICATIONS_MAX, sizeof *pubs);
    onr_text_span *just = onr_arena_calloc(&out->arena, doc->sentences.len + 1, sizeof *just);
    if (!claims || !pubs || !just)
        return false;
    long last_mention = -1;
    for (size_t i = 0; i < doc->attrs.len; i++) {
        const src_attr *a = &attrs[i];
        if (a->speaker_first < 0 || a->speaker_first == last_mention)
            continue;
        last_mention = a->speaker_first;
        unsigned count = claimed_count(doc, a->speaker_first, a->speaker_end);
        if (count >= 2) {
            claims[sum->claim_count].span = span_of(doc, map, a->speaker_first, a->speaker_end);
            claims[sum->claim_count].count = count;
            sum->claim_count++;
            sum->claimed_source_count += count;
        }
    }
    sum->claims = claims;
    /* Justifications and outlets, sentence by sentence. */
    const src_sentence *sents = doc->sentences.data;
    const src_token *tokens = doc->tokens.data; /* not reloaded for every token */
    for (size_t si = 0; si < doc->sentences.len; si++) {
        long first = (long)sents[si].first, end = (long)sents[si].end;
        bool justified = false;
        for (long k = first; k < end; k++) {
            const src_token *t = &tokens[k];
            if (t->region >= 0 || !(t->lex & (LEX_CUE | LEX_PREP | LEX_ACCORDING | LEX_JUSTIFY)))
                continue;
            if (!justified && justifies_anonymity(doc, k, first)) {
                long e = end;
                while (e > first && tok(doc, e - 1)->type == TOK_PUNCT)
                    e--;
                just[sum->justification_count++] = span_of(doc, map, first, e > first ? e : end);
                justified = true;
            }
            long name = -1;
            if (src_word_is(doc, k, "told") || (src_word_is(doc, k, "by") && k > first && (src_word_is(doc, k - 1, "published") || src_word_is(doc, k - 1, "reported") ||
                                                                              (k > first + 2 && src_word_is(doc, k - 3, "published")))))
                name = k + 1;
            else if (src_word_is(doc, k, "according") && k + 1 < end && src_word_is(doc, k + 1, "to"))
                name = k + 2;
            else if ((src_word_is(doc, k, "reported") || src_word_is(doc, k, "reports")) && k > first) {
                long e = k;
                while (e > first && (tok(doc, e - 1)->lex & LEX_AUX))
                    e--;
                long s = e;
                while (s > first && cap_word(tok(doc, s - 1)))
                    s--;
                if (s > first && src_word_is(doc, s - 1, "the"))
                    s--;
                if (s < e && outlet_name(doc, s, e) && !add_publication(doc, out, pubs, s, e))
                    return false;
            }
            if (name >= 0) {
                long e = cap_run_end(doc, name, end);
                if (e > name && outlet_name(doc, name, e) && !add_publication(doc, out, pubs, name, e))
                    return false;
            }
        }
    }
    sum->justifications = just;
    sum->publications = pubs;
    return true;
}

static int compare_pieces(const void *a, const void *b)
{
    const src_piece *x = a, *y = b;
    if (x->attr_id != y->attr_id)
        return x->attr_id < y->attr_id ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

/* A member of the joint speaker of attribution `attr`. */
typedef struct joint_link {
    size_t attr;
    member member;
} joint_link;

/* Counts a quote and, once per mention, its mention for the source of `m`. */
static void count_for_source(resolver *r, const member *m)
{
    work_source *w = wsrc(r, m->source);
    w->quote_count++;
    if (w->last_mention != m->first) {
        w->mention_count++;
        w->last_mention = m->first;
    }
}

/* Resolves every speaker to its sources: a->source is the first; the members of joint speakers
 * go to `links`, in attribution order. */
static bool group_speakers(resolver *r, src_vec *links)
{
    src_attr *attrs = r->doc->attrs.data;
    member members[MEMBERS_MAX];
    size_t count = 0;
    long last_first = -1;
    for (size_t i = 0; i < r->doc->attrs.len; i++) {
        src_attr *a = &attrs[i];
        if (a->speaker_first < 0)
            continue;
        if (a->speaker_first != last_first) { /* one mention may speak twice: "declined … but said" */
            count = resolve_speaker(r, a->speaker_first, a->speaker_end, members);
            if (count == 0)
                return false;
        }
        last_first = a->speaker_first;
        a->source = (size_t)members[0].source;
        for (size_t k = 0; k < count; k++)
            count_for_source(r, &members[k]);
        for (size_t k = 0; count > 1 && k < count; k++) {
            joint_link *link = src_vec_push(r->doc->mem, links);
            if (!link)
                return false;
            *link = (joint_link){i, members[k]};
        }
    }
    return true;
}

/* Credits quote `i` to the source of `m`: its quote list and, once per mention, its mentions. */
static void credit_source(const src_doc *doc, const src_offsets *map, onr_sources *out, resolver *r, size_t i,
                          const member *m)
{
    onr_source *s = &out->sources[m->source];
    work_source *w = wsrc(r, m->source);
    ((size_t *)s->quotes)[s->quote_count++] = i;
    if (w->last_mention != m->first) {
        ((onr_text_span *)s->mentions)[s->mention_count++] = span_of(doc, map, m->first, m->end);
        w->last_mention = m->first;
    }
    out->quotes[i].anonymous = out->quotes[i].anonymous && s->anonymous;
}

/* Fills the quote's list of sources (from `links` for a joint speaker) and credits each. */
static void credit_sources(const src_doc *doc, const src_offsets *map, onr_sources *out, resolver *r, size_t i,
                           const joint_link *links, size_t nlinks, size_t *cursor, size_t *ids)
{
    const src_attr *a = (const src_attr *)doc->attrs.data + i;
    onr_quote *q = &out->quotes[i];
    q->sources = ids;
    if (a->source == ONR_NO_SOURCE)
        return;
    q->anonymous = true;
    if (*cursor < nlinks && links[*cursor].attr == i) {
        for (; *cursor < nlinks && links[*cursor].attr == i; (*cursor)++) {
            ids[q->source_count++] = (size_t)links[*cursor].member.source;
            credit_source(doc, map, out, r, i, &links[*cursor].member);
        }
        return;
    }
    member single = {(long)a->source, a->speaker_first, a->speaker_end};
    ids[q->source_count++] = a->source;
    credit_source(doc, map, out, r, i, &single);
}

bool src_build_result(src_doc *doc, const src_offsets *map, onr_sources *out)
{
    resolver r = {doc, {NULL, 0, 0, sizeof(work_source)}, -1, -1, -1, -1, {0}, 0};
    src_vec links = {NULL, 0, 0, sizeof(joint_link)};
    src_attr *attrs = doc->attrs.data;
    size_t nattr = doc->attrs.len;
    bool ok = false;
    out->quotes = onr_arena_calloc(&out->arena, nattr + 1, sizeof(onr_quote));
    onr_text_span *pieces = onr_arena_calloc(&out->arena, doc->pieces.len + 1, sizeof(onr_text_span));
    if (!out->quotes || !pieces || !group_speakers(&r, &links))
        goto done;
    out->quote_count = nattr;
    out->source_count = r.sources.len;
    out->sources = onr_arena_calloc(&out->arena, r.sources.len + 1, sizeof(onr_source));
    size_t *ids = onr_arena_calloc(&out->arena, nattr + links.len + 1, sizeof(size_t));
    if (!out->sources || !ids)
        goto done;
    for (size_t i = 0; i < r.sources.len; i++) {
        work_source *w = wsrc(&r, (long)i);
        onr_source *s = &out->sources[i];
        s->kind = w->kind;
        s->anonymous = is_anonymous_kind(w->kind);
        s->name = text_of(doc, w->name_first, w->name_end);
        s->role = text_of(doc, w->role, w->role >= 0 ? w->role + 1 : -1);
        s->affiliation = text_of(doc, w->aff_first, w->aff_end);
        s->nationality = text_of(doc, w->nat_first, w->nat_end);
        s->quotes = onr_arena_calloc(&out->arena, w->quote_count + 1, sizeof(size_t));
        s->mentions = onr_arena_calloc(&out->arena, w->mention_count + 1, sizeof(onr_text_span));
        if (!s->quotes || !s->mentions)
            goto done;
        w->last_mention = -1;
    }
    /* Pieces grouped by attribution, in text order; piece_start[id] is where each group begins. */
    src_piece *src_pieces = doc->pieces.data;
    if (!src_stable_sort(doc->mem, src_pieces, doc->pieces.len, sizeof *src_pieces, compare_pieces))
        goto done;
    size_t *piece_start = onr_arena_calloc(&out->arena, nattr + 1, sizeof(size_t));
    if (!piece_start)
        goto done;
    for (size_t p = doc->pieces.len; p-- > 0;)
        piece_start[src_pieces[p].attr_id] = p;
    size_t cursor = 0;
    for (size_t i = 0; i < nattr; i++) {
        const src_attr *a = &attrs[i];
        onr_quote *q = &out->quotes[i];
        q->span = span_of(doc, map, (long)a->first, (long)a->end);
        size_t at = piece_start[a->id];
        q->pieces = pieces + at;
        q->piece_count = a->piece_count;
        for (size_t p = at; p < at + a->piece_count; p++)
            pieces[p] = span_of(doc, map, (long)src_pieces[p].first, (long)src_pieces[p].end);
        q->kind = a->kind;
        q->source = a->source;
        if (a->speaker_first >= 0) {
            q->has_speaker = true;
            q->speaker = span_of(doc, map, a->speaker_first, a->speaker_end);
            q->speaker_text = text_of(doc, a->speaker_first, a->speaker_end);
        }
        if (a->cue_first >= 0) {
            q->has_cue = true;
            q->cue = span_of(doc, map, a->cue_first, a->cue_end);
            q->cue_text = text_of(doc, a->cue_first, a->cue_end);
        }
        credit_sources(doc, map, out, &r, i, links.data, links.len, &cursor, ids);
        ids += q->source_count;
    }
    ok = fill_summary(doc, map, out);
done:
    src_vec_free(doc->mem, &r.sources);
    src_vec_free(doc->mem, &links);
    return ok;
}
