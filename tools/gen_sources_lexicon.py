#!/usr/bin/python3
"""Generates src/sources/lexicon_table.h: the word lists of the sourcing audit as one table with
a hash index (the length and the first and last four bytes of a word, case folded; linear probing).

Usage: /usr/bin/python3 tools/gen_sources_lexicon.py > src/sources/lexicon_table.h
The lists below are the source of truth; edit them here, never the generated file. They were
written by hand from English news usage (reporting verbs, role nouns, anonymity markers); the
cues of tools/sources_cues_learned.tsv, learned from PolNeAR's split=train records by
tools/learn_sources_cues.py, fill in verbs they leave out.
"""
import os
import sys

# Reporting verbs in all their forms, one verb per "|" or line. Class CUE; "+TELL" marks a verb
# that takes a listener ("told reporters that …"); "+WEAK" one that reports speech only when "that",
# a colon or a quotation follows ("wrote that …", not "wrote the letter").
CUE_LEMMAS = """
say says said saying | tell tells told telling +TELL | add adds added adding | note notes noted noting
acknowledge acknowledges acknowledged acknowledging | warn warns warned warning +TELL
predict predicts predicted predicting | expect expects expected expecting | write writes wrote writing
ask asks asked asking +TELL | explain explains explained explaining | argue argues argued arguing
claim claims claimed claiming | insist insists insisted insisting | reply replies replied replying
recall recalls recalled recalling | declare declares declared declaring | announce announces announced announcing
tweet tweets tweeted tweeting | stated stating | suggest suggests suggested suggesting
report reports reported reporting | continued +WEAK | confirm confirms confirmed confirming
deny denies denied denying | admit admits admitted admitting | complain complains complained complaining
contend contends contended contending | emphasize emphasizes emphasized emphasizing | stress stresses stressed stressing
indicate indicates indicated indicating | testify testifies testified testifying | assert asserts asserted asserting
maintain maintains maintained maintaining +WEAK | concede concedes conceded conceding | boast boasts boasted boasting
observe observes observed observing | remark remarks remarked remarking | mention mentions mentioned mentioning
conclude concludes concluded concluding | believe believes believed believing | think thinks thought thinking
hope hopes hoped hoping | fear fears feared fearing | worry worries worried worrying | estimate estimates estimated estimating
promise promises promised promising +TELL | vow vows vowed vowing | pledge pledges pledged pledging
urge urges urged urging +TELL | reveal reveals revealed revealing | disclose discloses disclosed disclosing
agree agrees agreed agreeing | respond responds responded responding | allege alleges alleged alleging
charged +WEAK | recount recounts recounted recounting
inform informs informed informing +TELL | assure assures assured assuring +TELL | remind reminds reminded reminding +TELL
shows showed showing | joke jokes joked joking | quip quips quipped quipping
shout shouts shouted shouting | yell yells yelled yelling | chant chants chanted chanting
scream screams screamed screaming | cried | posted posts posting +WEAK | answered answers | retorted | mused | wondered | reacted | read reads +WEAK | offered | interject interjects interjected interjecting | points pointed |
quoted | reject rejects rejected rejecting | criticize criticizes criticized criticizing
criticise criticises criticised | praise praises praised praising | endorse endorses endorsed endorsing
supports supported | oppose opposes opposed opposing | dismiss dismisses dismissed dismissing
blame blames blamed blaming | defend defends defended defending | cite cites cited citing
decline declines declined declining | refuse refuses refused refusing | want wants wanted |
describe describes described describing | call calls called calling | label labels labeled labelled | exclaim exclaims exclaimed exclaiming | countered
caution cautions cautioned cautioning | propose proposes proposed proposing | demanded demanding
questioned | accuse accuses accused accusing +TELL | announce
beamed | exhort exhorts exhorted exhorting | chide chides chided chiding | opine opines opined
gushed | scoffed | snapped | sighed | marveled marvelled | lament laments lamented lamenting
muttered | whispered | grumbled | fumed | crowed | pleaded | begged | brag brags bragged bragging
""".replace("\n", "|").split("|")

# Verbs whose reported topic is the object of a preposition: "talked about the economy", "called
# for an inquiry". A word here need not be a reporting verb otherwise. Not "vote for", mostly an
# intention a poll counts ("would vote for"): on train 7 of its 27 readings were annotated.
TOPIC_ABOUT = """talk talks talked talking speak speaks spoke speaking spoken ask asks asked asking
joke jokes joked joking worry worries worried worrying complain complains complained complaining
write writes wrote writing written tweet tweets tweeted tweeting warn warns warned warning
comment comments commented commenting boast boasts boasted boasting testify testifies testified
testifying""".split()
TOPIC_FOR = """call calls called calling voted voting advocate advocates advocated advocating
push pushes pushed pushing argue argues argued arguing apologize apologizes apologized apologizing
apologise apologises apologised apologising""".split()
# Stances that may take a bare name as all their content: "endorsed Trump", "opposes Clinton".
STANCE = """endorse endorses endorsed endorsing supports supported supporting support oppose opposes opposed
opposing praise praises praised praising criticize criticizes criticized criticizing criticise
criticises criticised blame blames blamed blaming defend defends defended defending""".split()
ROLE_SG = """official source spokesman spokeswoman spokesperson diplomat analyst executive aide adviser advisor
minister secretary president director member person expert insider lawmaker senator representative governor
mayor chairman chairwoman chair officer employee worker resident voter supporter critic researcher economist
strategist consultant lawyer attorney negotiator envoy ambassador commander leader candidate staffer observer
witness friend colleague manager banker businessman businesswoman investor activist journalist reporter
editor professor scientist doctor judge prosecutor investigator agent soldier general deputy lobbyist
organizer operative donor pollster historian scholar participant associate relative neighbor
treasurer councillor councilor commissioner chief founder owner teacher student farmer nurse
politician diplomat narrator host moderator anchor columnist correspondent commentator pundit writer
""".split()
ROLE_PL = """officials sources spokesmen diplomats analysts executives aides advisers advisors ministers
members people persons experts insiders lawmakers senators representatives governors officers employees
workers residents voters supporters critics researchers economists strategists consultants lawyers attorneys
negotiators envoys ambassadors commanders leaders candidates staffers observers witnesses friends colleagues
managers bankers businessmen investors activists journalists reporters editors professors scientists doctors
judges prosecutors investigators agents soldiers generals deputies lobbyists organizers operatives donors
pollsters historians scholars participants associates relatives neighbors elite
treasurers councillors councilors commissioners founders owners teachers students farmers nurses
politicians protesters demonstrators moderators anchors columnists correspondents commentators pundits
writers
""".split()
DOCS = """report reports statement statements study studies survey surveys poll polls document documents letter
memo memorandum filing filings indictment lawsuit complaint release analysis data records email emails
transcript ruling order affidavit assessment review audit article editorial post""".split()
PRONOUN_SG = "he she i".split()
PRONOUN_PL = "they we".split()
PRONOUN_NEUTER = "it".split()
RELATIVE = "who which".split()
DET_INDEF = "a an another one some several many few multiple various other two three four five six seven eight nine ten".split()
DET_DEF = "the this these those his her their its our my".split()
# Possessive pronouns that stand for an owner the text names ("their chants of", "his criticism of").
POSSESSIVE = "his her their its our".split()
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
           "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
           "twenty": 20, "dozen": 12, "thirty": 30, "forty": 40, "fifty": 50}
NATIONALITY = """russian american ukrainian european chinese british french german israeli iranian syrian turkish
western eastern japanese korean indian polish italian spanish canadian mexican saudi arab palestinian
belarusian georgian armenian kazakh soviet nato african asian australian dutch swedish finnish norwegian
danish greek hungarian czech swiss austrian belgian irish scottish brazilian venezuelan cuban egyptian
iraqi afghan pakistani qatari emirati lebanese jordanian moldovan latvian lithuanian estonian romanian
bulgarian serbian croatian""".split()
ORG = """ministry times post news agency party committee department office council commission institute
university bank corporation corp inc group service press journal tribune herald reuters bloomberg kremlin
pentagon government administration campaign foundation association union court senate congress house
parliament duma company network television tv radio magazine daily gazette telegraph guardian monitor review
center centre fund board bureau police army navy ap afp tass interfax ria cnn bbc nbc cbs abc fox msnbc
npr vpost kommersant vedomosti rbc politico axios cooperative council fund courier chronicle examiner
inquirer dispatch bulletin globe moscow kyiv kiev beijing tehran brussels russia ukraine china iran israel
germany france britain japan india turkey syria poland belarus
whitehall""".split()
# Words that end a noun phrase when scanning for a speaker: clause openers, conjunctions, be.
CLAUSE = """that which whom whose because but while when if as since although though where after before so
than whether until unless or nor yet however meanwhile is was are were be been being am not""".split()
PREP = """in on at for with from by to about over during into through against among under within without via
outside inside near across around behind beyond despite amid following throughout""".split()
# Between a speaker and the verb: "he also said", "Putin repeatedly said", "has said".
AUX = """also has have had will would could should may might must did does do later previously repeatedly
reportedly recently then once publicly privately already still never often further again earlier
just even later separately initially first""".split()
# Inside a descriptor: "a source close to the ministry", "people familiar with the matter".
ANON_LINK = "close familiar knowledgeable briefed involved linked connected".split()
ANON_ADJ = "anonymous unnamed unidentified senior high-ranking".split()
# Introduce names, not quotes: "dubbed “the Beast”", "the so-called “peace plan”".
NAMING = "called dubbed nicknamed titled entitled named so-called known branded labeled labelled headlined".split()
TITLE = """mr mrs ms dr sen rep gov gen lt col capt prof president senator governor secretary minister
prime premier chancellor king queen prince pope judge justice mayor chairman ceo director ambassador
spokesman spokeswoman vice deputy foreign general""".split()
ABBREV = """mr mrs ms dr sen rep gov gen lt col capt prof st jr sr inc co corp ltd no vs jan feb mar apr
aug sep sept oct nov dec u s n k e g i ft mt rev""".split()
JUSTIFY = "anonymity anonymously authorized identified named sensitivity".split()
# Paragraph labels that are not speakers: "Correction: …", "Breaking: …", "Editor's note: …".
NOT_SPEAKER = """breaking correction update updated look watch read related revealed exclusive video photos
photo image note credit see also more tags published listen byline contributing email""".split()

# Word lists of single rules in attribution.c and grouping.c, kept here so that a rule reads its
# list in the token (src_token.lists, LEXL_*, src_listed) instead of comparing the word with each
# entry: these run around every cue. Not number words (the tokenizer makes those TOK_NUMBER, which a
# rule's list never matched). A list stays in its rule when it is not hot.
RULE_LISTS = {
    "BE": "is was are were been be",                                                   # is_be
    "TIME_ANCHOR": """week month year night morning afternoon evening time today yesterday day past
        weekend""",                                                                     # time_anchor
    "TIME_FILLER": "on in earlier later last this next the",                            # time_filler
    "OPENER": "to that whether if how why what who which where",                        # clause_word
    "ADJUNCT": """during after before since because while when despite amid following throughout
        yesterday today earlier later again""",                                         # object_stops_at
    "BEFORE_TIME": "last this next on in at",                                           # object_stops_at
    "DETERMINER": "a an the his their its our my your",                                 # determined_noun
    "HEDGE": "seen viewed considered regarded",                                         # hedge_after_be
    "STANCE_NOUN": """belief beliefs hope hopes view views fear fears concern concerns confidence doubt
        doubts skepticism optimism conviction opinion worry worries expectation illusion illusions""",  # expressed_stance
    "EXPRESSING": """voice voices voiced voicing express expresses expressed expressing share shares
        shared sharing reiterate reiterates reiterated reiterating convey conveys conveyed conveying air
        airs aired airing hold holds held holding harbor harbors harbored harboring have has had
        having""",                                                                      # expressed_stance
    "SEEING": "see sees saw view views viewed regard regards regarded",                 # seen_as
    "CLAUSE_VERB": """say says said saying believe believes believed think thinks thought hope hopes
        hoped expect expects expected reported reports added adding noted noting argued argues arguing
        claimed claims warned stated stating suggested suggests predicted predicts insisted insists fear
        fears feared worry worries worried know knows knew feel feels felt recalled estimated estimates
        wrote writes concluded found finds show shows showed showing indicated indicates""",  # takes_an_object
    "QUANTIFIER": "most none half each neither nobody",                                 # has_head
    "FREQUENCY": "always sometimes both ever too all",                                  # frequency_adverb
    "PARTICLE": "up off down away",                                                     # noun_not_cue
    "REFLEXIVE": "himself herself itself themselves myself ourselves",                  # noun_not_cue
    "POSSESSED": """claim statement promise pledge vow plan proposal call decision suggestion argument
        assertion insistence refusal warning threat demand belief contention allegation accusation
        admission effort efforts attempt bid push desire willingness unwillingness determination""",  # possessed_cue
    "CLAUSE_LINK": "but and yet so",                                                    # cue_in_opening_subordinate
    "SUBORDINATOR": """while when whenever though although if because since after before until unless
        whereas once as""",                                                             # cue_in_opening_subordinate
    "AFTER_EVEN": "though if as when",                                                  # cue_in_opening_subordinate
    "OPENING_LINK": "now but and so",                                                   # opening_phrase_subject
    "OPENING_SUBORDINATOR": "after while before since when upon by",                    # opening_phrase_subject
    "OPENING_ADVERB": "now well perhaps soon today overall back",                       # after_opening_adverb
    "FOCUSING": "even just right soon long",                                            # skip_opening_phrase
    "PASSIVE_IRREGULAR": "told shown said known seen given taken thought",              # agentless_passive
    "MINDED": """convinced concerned worried shocked pleased disappointed surprised frustrated alarmed
        interested determined committed opposed dedicated excited thrilled troubled satisfied prepared
        inclined relieved encouraged dismayed impressed offended embarrassed outraged annoyed angered
        confused scared terrified obsessed tired unconvinced amused""",                 # agentless_passive
    "NOUN_LINK": "of on about for against over to with at that",                        # noun_cue (as NOUN_LINKS)
    "AFTER_COMMA": """and but which while even though although when because after just compared
        however where despite according""",                                             # clause_stops_at
    "GROUP_WORD": "some several many few multiple various",                             # grouping.c det_plural
    "HONORIFIC": "mr mrs ms miss mx",                                                   # grouping.c honorific
}

classes = {}
values = {}


def add(words, *cls):
    for w in words:
        classes.setdefault(w, set()).update(cls)


for group in CUE_LEMMAS:
    toks = group.split()
    extra = [t[1:] for t in toks if t.startswith("+")]
    words = [t for t in toks if not t.startswith("+")]
    add(words, "CUE", *extra)
    add([w for w in words if w.endswith("ing")], "PARTICIPLE")
add(["according"], "ACCORDING")
add(TOPIC_ABOUT, "ABOUT")
add(TOPIC_FOR, "FOR")
add(STANCE, "STANCE")
add(ROLE_SG, "ROLE")
add(ROLE_PL, "ROLE", "PLURAL")
add(DOCS, "DOC")
add(PRONOUN_SG, "PRONOUN")
add(PRONOUN_PL, "PRONOUN", "PLURAL")
add(PRONOUN_NEUTER, "PRONOUN", "NEUTER")
add(RELATIVE, "PRONOUN", "RELATIVE")
add(DET_INDEF, "INDEF")
add(DET_DEF, "DEF")
add(POSSESSIVE, "POSSESSIVE")
add(NATIONALITY, "NATIONALITY")
add(ORG, "ORG")
add(CLAUSE, "CLAUSE")
add(PREP, "PREP")
add(AUX, "AUX")
add(ANON_LINK, "ANONLINK")
add(ANON_ADJ, "ANONADJ")
add(NAMING, "NAMING")
add(TITLE, "TITLE")
add(ABBREV, "ABBREV")
add(JUSTIFY, "JUSTIFY")
add(NOT_SPEAKER, "LABEL")
# Dates are not affiliations: "a report published in February".
add("""january february march april may june july august september october november december monday
tuesday wednesday thursday friday saturday sunday""".split(), "TIME")
add(list(NUMBERS), "NUMBER")
add(["and"], "AND")
add(["of"], "OF")
# Cues learned from annotated news (tools/learn_sources_cues.py writes the file and says how):
# they fill in words the lists above leave out, and never change a listed word, except one listed
# only for the preposition of its topic ("talked", "pushed", "commented"): it becomes a cue too.
# Not a listed stance ("supporting": train precision .34 as a cue, F1 .7093 without, .7091 with).
CUE_READING = {"ABOUT", "FOR"}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "sources_cues_learned.tsv"), encoding="utf-8") as f:
    for row in f:
        if row.startswith("#"):
            continue
        word, _, _, cls = row.rstrip("\n").split("\t")
        if cls == "TOPIC":
            add([word], "ABOUT")  # "referring to": a two-word entry, looked up as such
        elif cls == "NOUN":
            add([word], "NOUN")  # "criticism of", "the belief that": a class of its own, for any word
        elif word in classes and classes[word] <= CUE_READING:
            add([word], "CUE", *(["PARTICIPLE"] if word.endswith("ing") else []))
        elif word not in classes:
            add([word], *cls.split(), *(["PARTICIPLE"] if word.endswith("ing") else []))
# Rule lists: a word that is in no class gets an entry of its own, with no class.
lists = {}
for bit, (name, text) in enumerate(RULE_LISTS.items()):
    for w in text.split():
        assert w not in NUMBERS, w
        lists.setdefault(w, set()).add(name)
        classes.setdefault(w, set())
# The first word of each two-word entry is an entry too (with no class when it has none), marked so
# that the tokenizer flags it (TF_PAIR) and topic_pair looks the pair up only after such a word.
PAIR_FIRST = {w.split()[0] for w in classes if " " in w}
for w in PAIR_FIRST:
    classes.setdefault(w, set())
# "who" is a relative pronoun, not a clause opener; "that" is both but must stop a noun phrase.
ORDER = ["CUE", "TELL", "WEAK", "PARTICIPLE", "ACCORDING", "ROLE", "PLURAL", "DOC", "PRONOUN", "NEUTER",
         "RELATIVE", "INDEF", "DEF", "NATIONALITY", "ORG", "CLAUSE", "PREP", "AUX", "ANONLINK",
         "ANONADJ", "NAMING", "TITLE", "ABBREV", "JUSTIFY", "NUMBER", "AND", "OF", "LABEL", "TIME", "ABOUT", "FOR", "STANCE", "NOUN", "POSSESSIVE"]
assert set().union(*classes.values()) <= set(ORDER)
words = sorted(classes, key=lambda w: w.encode())
out = sys.stdout
out.write("/* Generated by tools/gen_sources_lexicon.py; do not edit. The word lists of the sourcing\n"
          " * audit and their hash index. */\n")
out.write("#ifndef ONR_SOURCES_LEXICON_TABLE_H\n#define ONR_SOURCES_LEXICON_TABLE_H\n\n")
for i, c in enumerate(ORDER):
    out.write("#define LEX_%s (UINT64_C(1) << %d)\n" % (c, i))
out.write("\n")
assert len(RULE_LISTS) <= 32
for i, c in enumerate(RULE_LISTS):
    out.write("#define LEXL_%s (UINT32_C(1) << %d)\n" % (c, i))
# An open-addressing hash table over the sorted entries, linear probing; slots hold entry index + 1,
# 0 is empty. The hash is lexicon.c's word_hash, of the length and the head and tail of a word: its
# first and last four bytes (all of a shorter word, padded with zeros), each byte with bit 0x20 set,
# which folds ASCII case; the top bits pick the slot. It reads two numbers of every token instead of
# all its bytes. Each entry keeps its head and tail: a probe compares them before any bytes, and
# they are the whole comparison for a word of up to eight letters ("plain": folding is exact for
# letters).
BITS = 13
SIZE = 1 << BITS
assert len(words) < SIZE // 2
MAX_LEN = max(len(w.encode()) for w in words)


def head_tail(w):
    b = w.encode()
    head, tail = (b[:4], b[-4:]) if len(b) >= 4 else (b.ljust(4, b"\0"),) * 2
    return int.from_bytes(head, "little") | 0x20202020, int.from_bytes(tail, "little") | 0x20202020


def word_hash(w):
    head, tail = head_tail(w)
    return (head * 0x9E3779B1 + tail * 0x85EBCA77 + len(w.encode()) * 0xC2B2AE3D) & 0xFFFFFFFF


out.write("\ntypedef struct lexicon_entry {\n    const char *word;\n    uint32_t head, tail;\n    unsigned char len;\n"
          "    unsigned char number; /* value of a number word, else 0 */\n"
          "    bool plain;           /* letters a-z only */\n"
          "    bool starts_pair;     /* the first word of a two-word entry */\n    uint64_t classes;\n"
          "    uint32_t lists;       /* LEXL_*: the rule lists that hold the word */\n} lexicon_entry;\n\n")
# The tables are defined once, in lexicon.c (which defines LEXICON_DEFINE_TABLES): every pass sees
# them, for the inline lookup of sources_internal.h, without a copy of its own.
out.write("#define LEXICON_BITS %d\n#define LEXICON_SLOTS %d\n#define LEXICON_MAX_LEN %d\n" % (BITS, SIZE, MAX_LEN))
out.write("extern const lexicon_entry lexicon_table[%d];\n" % len(words))
out.write("extern const unsigned short lexicon_slots[LEXICON_SLOTS];\n\n#ifdef LEXICON_DEFINE_TABLES\n")
out.write("const lexicon_entry lexicon_table[%d] = {\n" % len(words))
for w in words:
    cls = " | ".join("LEX_" + c for c in ORDER if c in classes[w]) or "0"
    plain = "true" if all("a" <= ch <= "z" for ch in w) else "false"
    pair = "true" if w in PAIR_FIRST else "false"
    lst = " | ".join("LEXL_" + c for c in RULE_LISTS if c in lists.get(w, ())) or "0"
    out.write('    {"%s", %du, %du, %d, %d, %s, %s, %s, %s},\n' %
              ((w,) + head_tail(w) + (len(w.encode()), NUMBERS.get(w, 0), plain, pair, cls, lst)))
out.write("};\n\n")
slots = [0] * SIZE
for i, w in enumerate(words):
    k = word_hash(w) >> (32 - BITS)
    while slots[k]:
        k = (k + 1) & (SIZE - 1)
    slots[k] = i + 1
out.write("const unsigned short lexicon_slots[LEXICON_SLOTS] = {\n")
for i in range(0, SIZE, 16):
    out.write("    " + ", ".join(str(x) for x in slots[i:i + 16]) + ",\n")
out.write("};\n#endif\n\n")
out.write("#endif\n")
