"""Word lists shared by the quote, speaker and reaction extractors.

Everything here is plain data (frozensets, tuples and precompiled regular expressions), so
other extractors can import it cheaply::

    from coverage_kit.extract._lexicon import REPORTING_VERBS, PRONOUNS, is_title

Languages
---------
English is the reference. German and French reporting verbs and quote marks are covered
because aggregated foreign coverage is often translated or quoted in the original:

* quote marks: ``"…"``, ``“…”``, NYT-style ``''…''``, German ``„…“`` and ``»…«``, French and
  Swiss ``« … »`` and ``‹…›``, and headline-style single quotes ``'…'`` / ``‘…’``;
* German cues: *sagte, erklärte, betonte, schrieb, teilte mit, warnte, forderte, so* …;
* French cues: *a dit, a déclaré, a affirmé, a estimé, selon* …

Examples
--------
>>> "said" in REPORTING_VERBS["en"]
True
>>> is_title("Chancellor")
True
"""

from __future__ import annotations


# --------------------------------------------------------------------------------------------
# Quote marks
# --------------------------------------------------------------------------------------------

#: Marks that open a double quote (besides the ambiguous straight ``"`` and ``''``).
OPEN_MARKS = frozenset("\u201c\u201e\u00ab\u2039")  # “ „ « ‹
#: Marks that close a double quote.
CLOSE_MARKS = frozenset("\u201d\u00bb\u203a")  # ” » ›
#: Every character that can start or end a quotation (used to strip marks off a span).
QUOTE_CHARS = "\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2018\u2019\u201a"

# --------------------------------------------------------------------------------------------
# Reporting verbs (cues)
# --------------------------------------------------------------------------------------------

# Speech and writing verbs, English, every inflected form listed (no stemming at run time).
_EN_SPEECH = """
say says said saying
tell tells told telling
add adds added adding
write writes wrote writing written
ask asks asked asking
note notes noted noting
report reports reported reporting
announce announces announced announcing
suggest suggests suggested suggesting
argue argues argued arguing
explain explains explained explaining
claim claims claimed claiming
warn warns warned warning
insist insists insisted insisting
stated
reply replies replied replying
respond responds responded responding
acknowledge acknowledges acknowledged acknowledging
admit admits admitted admitting
declare declares declared declaring
predict predicts predicted predicting
promise promises promised promising
vow vows vowed vowing
pledge pledges pledged pledging
tweet tweets tweeted tweeting
post posts posted posting
recall recalls recalled recalling
concede concedes conceded conceding
contend contends contended contending
counter counters countered countering
caution cautions cautioned cautioning
urge urges urged urging
call calls called calling
describe describes described describing
accuse accuses accused accusing
criticize criticizes criticized criticizing criticise criticised
praise praises praised praising
deny denies denied denying
confirm confirms confirmed confirming
reveal reveals revealed revealing
emphasize emphasizes emphasized emphasizing emphasise emphasised
stress stresses stressed stressing
maintain maintains maintained maintaining
observe observes observed observing
complain complains complained complaining
question questions questioned questioning
wonder wonders wondered wondering
agree agrees agreed agreeing
indicate indicates indicated indicating
signal signals signaled signalled signaling
mention mentions mentioned mentioning
joke jokes joked joking
quip quips quipped quipping
boast boasts boasted boasting
lament laments lamented lamenting
allege alleges alleged alleging
assert asserts asserted asserting
charge charges charged charging
hint hints hinted hinting
demand demands demanded demanding
propose proposes proposed proposing
continue continues continued continuing
conclude concludes concluded concluding
explain explains explained
estimate estimates estimated estimating
testify testifies testified testifying
blame blames blamed blaming
dismiss dismisses dismissed dismissing
defend defends defended defending
condemn condemns condemned condemning
reject rejects rejected rejecting
attack attacks attacked attacking
slam slams slammed slamming
blast blasts blasted blasting
mock mocks mocked mocking
thank thanks thanked thanking
tout touts touted touting
assure assures assured assuring
remark remarks remarked remarking
declined refused
read reads
proclaim proclaims proclaimed
reiterate reiterates reiterated reiterating
exclaim exclaims exclaimed
shout shouts shouted
yell yells yelled
retort retorts retorted
muse muses mused
beam beamed
scoff scoffs scoffed
snap snapped
chant chanted chanting
cheer cheered
whisper whispered
grumble grumbled
recount recounts recounted
elaborate elaborated
interject interjected
chime chimed
gush gushed
complain complains complained
advise advises advised advising
endorse endorses endorsed endorsing
supported supports supporting
refer refers referred referring
cite cites cited citing
seek seeks sought seeking
oppose opposes opposed opposing
back backs backed backing
plan plans planned
offer offers offered
express expresses expressed
discuss discusses discussed
decide decides decided
order orders ordered
denounce denounces denounced denouncing
decry decries decried
echo echoes echoed echoing
repeat repeats repeated repeating
remind reminds reminded reminding
highlight highlights highlighted
compare compares compared comparing
consider considers considered
prefer prefers preferred
learn learns learned learnt
opine opines opined
label labels labeled labelled labeling
dub dubs dubbed
point points pointed pointing
brand brands branded
liken likens likened
exhort exhorts exhorted
sing sings sang
"""

# Cognition and stance verbs: PolNeAR counts "Trump believes ..." as an attribution.
_EN_COGNITION = """
think thinks thought
believe believes believed
expect expects expected
hope hopes hoped
fear fears feared
know knows knew
want wants wanted
worry worries worried
feel feels felt
seem seems seemed
appear appears appeared
see sees saw
"""

_EN_MULTI = (
    "according to",
    "pointed out",
    "points out",
    "pointing out",
    "went on",
    "goes on",
    "called for",
    "calls for",
    "called on",
    "calls on",
)

# Evidence cues whose source is a poll, survey or report ("polls show ...").
_EN_EVIDENCE = "show shows showed showing find finds found"

_DE = """
sagte sagt sagten gesagt sagen erklärte erklärt erklärten betonte betont betonten
schrieb schreibt schrieben meinte meint warnte warnt forderte fordert kritisierte kritisiert
teilte mitteilte berichtete berichtet verkündete kündigte sprach spricht fügte ergänzte
bekräftigte räumte versicherte unterstrich
"""

_FR = """
dit déclaré déclare affirmé affirme estimé estime expliqué explique ajouté ajoute souligné
souligne indiqué indique assuré assure annoncé annonce averti avertit écrit écrivait
"""

REPORTING_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset(_EN_SPEECH.split()) | frozenset(_EN_COGNITION.split()),
    "de": frozenset(_DE.split()),
    "fr": frozenset(_FR.split()),
}
"""Single-word reporting verbs per language (ISO 639-1), every inflected form listed."""

SPEECH_VERBS = frozenset(_EN_SPEECH.split()) | REPORTING_VERBS["de"] | REPORTING_VERBS["fr"]
COGNITION_VERBS = frozenset(_EN_COGNITION.split())
EVIDENCE_VERBS = frozenset(_EN_EVIDENCE.split())
MULTIWORD_CUES = _EN_MULTI

#: Cues that are mostly nouns or light verbs in running text; never used for reported speech
#: (PolNeAR train precision below 0.35), still fine next to a quotation.
DIRECT_ONLY_CUES = frozenset(
    "attack attacks remarks remark question questions call continue continues continuing "
    "note report respond proclaim exclaim shout yell beam beamed cheer cheered chant "
    "chanted chanting whisper whispered grumble grumbled interject interjected chime chimed "
    "back backing appear order orders decides denouncing compares reminds "
    "gush gushed snap snapped muse mused scoff scoffs scoffed retort".split()
)
#: Cues that report speech only with a clause: "wrote that …", not "wrote a book".
CLAUSE_CUES = frozenset(
    "wrote write writes writing pledged pledge expected know knew knows thought wanted "
    "declared continued read reads posted tweet tweets tweeted".split()
)

#: The core "say" verbs: the ones that reliably attribute a direct quote.
SAY_VERBS = frozenset(
    "say says said saying tell tells told telling add adds added adding write writes wrote "
    "writing ask asks asked asking tweet tweets tweeted tweeting continue continues continued "
    "reply replies replied respond responds responded explain explains explained note notes "
    "noted noting declare declares declared insist insists insisted argue argues argued "
    "warn warns warned recall recalls recalled quip quips quipped joke jokes joked "
    "post posts posted state states stated claim claims claimed remark remarks remarked "
    "predict predicts predicted announce announces announced conclude concludes concluded "
    "acknowledge acknowledges acknowledged admit admits admitted concede concedes conceded "
    "counter countered counters boast boasted boasts promise promised promises vow vowed "
    "suggest suggested suggests caution cautioned cautions read reads lament lamented "
    "sagte sagt schrieb erklärte betonte meinte dit déclaré affirmé ajouté estimé".split()
)

#: Words that introduce the source after the content: "…, so Scholz." (de), "selon X" (fr).
SOURCE_PREPOSITIONS = ("according to", "laut", "zufolge", "selon", "d'après", "so")

# --------------------------------------------------------------------------------------------
# Mentions
# --------------------------------------------------------------------------------------------

PRONOUNS = frozenset(
    "he she they it we i you who which that his her their its er sie il elle ils elles".split()
)
MALE_PRONOUNS = frozenset("he him his himself er il".split())
FEMALE_PRONOUNS = frozenset("she her hers herself sie elle".split())
PLURAL_PRONOUNS = frozenset("they them their we ils elles".split())

#: Honorifics written before a name ("Mr. Trump", "Sen. Warren").
HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen gen. lt lt. col col. "
    "prof prof. rev rev. sir dame lord lady herr frau m. mme mme. monsieur madame".split()
)

#: Role words: a capitalised sequence ending in one of these is a title, not a name.
TITLE_WORDS = frozenset(
    """
    president vice-president chancellor minister secretary senator congressman congresswoman
    governor mayor spokesman spokeswoman spokesperson speaker leader chairman chairwoman chair
    director chief head ambassador envoy commissioner premier king queen prince emperor pope
    general admiral judge justice attorney prosecutor candidate nominee adviser advisor aide
    manager strategist pollster analyst professor representative delegate official officials
    sheriff commander colonel captain lieutenant sergeant ceo founder executive correspondent
    reporter editor anchor host columnist economist expert spokespeople politician lawmaker
    legislator diplomat ayatollah imam sheikh emir sultan chief-of-staff deputy
    kanzler kanzlerin präsident präsidentin ministerin sprecher sprecherin ministre président
    porte-parole dirigeant chef
    """.split()
)

#: Nouns that stand for an organisation ("the ministry", "the Kremlin").
ORG_WORDS = frozenset(
    """
    ministry department office agency kremlin government administration campaign committee
    commission council party house senate congress parliament court police army military
    company firm group organization organisation union alliance bank fund foundation institute
    university network newspaper paper magazine channel service bureau embassy cabinet
    white-house pentagon coalition association federation league board team state
    xinhua interfax belta tass reuters afp ap dpa
    """.split()
)

#: Nouns for a single person ("the spokesman", "the SPD politician").
PERSON_NOUNS = TITLE_WORDS | frozenset(
    "man woman boy girl person father mother son daughter wife husband friend lawyer doctor "
    "activist protester supporter critic voter resident witness worker farmer student "
    "teacher businessman businesswoman billionaire mogul veteran republican democrat".split()
)

#: Words that can never head a speaker phrase (function words, time words).
NOT_SPEAKER = frozenset(
    """
    the a an and or but nor so yet if then than as at by for from in into of on onto to with
    without about after before during since until while when where whether because although
    though not no never also has have had was were is are be been being do does did will
    would can could may might must shall should just only even still already again later
    once often this these those there here what whom whose how why all both each either
    neither some any many much more most such other another same own very too rather quite
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    morning afternoon evening night week month year ago last next recently previously
    earlier first also reportedly publicly privately repeatedly quickly
    am im auf bei mit nach vor seit zu zum zur gegen montag dienstag mittwoch donnerstag
    freitag samstag sonntag heute gestern à au aux lors pendant après avant devant lundi
    mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui
    """.split()
)


def is_title(word: str) -> bool:
    """True when ``word`` is a role word such as "President", "spokesman" or "Kanzlerin".

    Examples
    --------
    >>> is_title("spokeswoman"), is_title("Tokayev")
    (True, False)
    """
    return word.lower().strip(".,") in TITLE_WORDS


def is_org_word(word: str) -> bool:
    """True when ``word`` names a kind of organisation ("Ministry", "Kremlin", "Belta").

    Examples
    --------
    >>> is_org_word("Ministry"), is_org_word("Scholz")
    (True, False)
    """
    return word.lower().strip(".,") in ORG_WORDS
