"""Quotes: direct and reported speech, with cue, local speaker mention and resolved speaker.

:func:`extract_quotes` is a pure, rule-based function of one text: no model, no download,
linear time. :func:`quotes_table` runs it over an ARTICLES table and adds polarity,
subjectivity and a corpus-wide ``speaker_id`` (see :mod:`coverage_kit.extract.speakers`).

What counts as a quote
----------------------
* **direct**: words between quotation marks attributed by a reporting cue next to them
  (``"…," he said``, ``said X: "…"``, ``X wrote on Twitter: "…"``, headline ``X: '…'``), or a
  quoted sentence or paragraph that continues an attributed quote (``carried=True``).
* **indirect**: reported speech led by a cue (``X said on Friday that …``, ``…, X said``,
  ``according to X, …``, ``X told reporters …``); also reported beliefs and intentions
  (``X believes …``), which news attribution corpora such as PolNeAR count.
* **mixed**: reported speech that contains quoted words (``X called the plan "a disaster"``).

Scare quotes and quoted titles (``called it "nonsense"`` without a cue, a film's name) are not
quotes on their own. A cue counts only as a verb in context: "the city's *plans*", "the
team's *claims* were …" (nouns) and "*added* another goal", "*hinted* at a shuffle" (no
speech content) give nothing.

Speech or every attribution
---------------------------
``extract_quotes(text, reported="all")`` (the default) follows news attribution corpora such
as PolNeAR: beliefs, intentions and stances count too ("X wants …", "X endorsed Y", "polls
show …"). ``reported="speech"``, the default of :func:`quotes_table`, keeps what someone said
or wrote: direct quotes and reported speech whose content is a clause or a quotation; it
leaves out beliefs, intentions, stances, findings, bare noun objects ("announced his
retirement") and outer sources of a nested attribution ("…, X said, according to CNN").

Speakers
--------
``speaker_mention`` is the local mention; ``speaker`` the resolved name
(:mod:`coverage_kit.extract.speakers`): "he"/"she" go to the nearest person of compatible
gender (first names, honorifics, gendered roles), never to a place, an organisation or page
chrome; "they" to a group or organisation. "A and B said" gives ``speaker`` A and
``co_speakers`` (B,), and :func:`quotes_table` a row for each. ``speaker_type`` is
``person``, ``organisation``, ``group`` (collective sources: "the government", "officials",
"police"; :func:`coverage_kit.tables.speaker_counts` leaves them out unless
``groups=True``) or ``unknown``.

Stages
------
:class:`~coverage_kit.extract._sentences.SentenceIndex` (sentences, paragraphs, quote
stretches) -> :func:`find_cues` (cue words) -> :mod:`~coverage_kit.extract._direct` (direct
quotes, ``tests/test_direct_stage.py``) / ``headlines`` / ``indirect`` (content spans of
reported speech: :mod:`~coverage_kit.extract._content`, with
:func:`~coverage_kit.extract._clauses.clause_shape`) ->
``coordinate_sources`` and ``keep_speech`` (sources) -> :func:`~coverage_kit.extract.speakers.resolve_mentions`
(resolution). ``tests/test_quotes_stages.py`` tests them one by one, and
``tests/test_content_spans.py`` each content-span rule.

Languages
---------
Quote marks: straight and curly double quotes, NYT-style ``''``, German ``„…“`` and
``»…«``, French ``« … »``, headline single quotes. Reporting verbs: English (the reference),
German (*sagte, erklärte, betonte, schrieb, teilte mit …*, ``laut``/``zufolge``) and French
(*a dit, a déclaré, a affirmé, a estimé …*, ``selon``). The word lists live in
``extract/lexicon/<language>.txt`` (see :mod:`coverage_kit.extract._lexicon`).

Accuracy and speed
------------------
``benchmarks/bench_quotes.py`` scores PolNeAR dev with the shared scorer (strict match,
``reported="all"``): direct F1 0.92, all-attribution F1 0.68 (indirect precision 0.74),
speaker accuracy 0.92, cue accuracy 0.94; about 330 articles/s (1.6 MB/s) per core on a busy
machine, linear in text length. ``tests/test_quotes_polnear.py`` pins floors just under these
scores (``tests/test_quotes_floors.json``). Speakers are the
local mention as PolNeAR defines it; the resolved name is in ``speaker``.

Known limits
------------
Reported beliefs and intentions are covered only through a verb list ("believes",
"wants"); evidence ("polls show") only for poll-like subjects; attributions without a
named source only for "X is expected to …" and "reportedly"; content boundaries of reported
speech are rule-based (about a seventh of the reported speech found overlaps a PolNeAR
attribution but with the wrong extent; PolNeAR's own boundaries vary, so no simple cut rule
gains on balance); German "laut X" without a comma is missed.
"""

from __future__ import annotations

import bisect
import warnings
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from ..schema import QUOTES, conform, empty
from ._clauses import clause_shape
from ._content import TIME_PP as _TIME_PP
from ._content import QuoteLookup, content_end, content_start, expectation_aux
from ._content import clause_subject_start, hedge_adverbs
from . import _lexicon as lex
from ._mentions import first_subject, phrase_after
from ._mentions import subject_before as _np_before
from ._parallel import map_in_order
from ._sentences import SentenceIndex

__all__ = ["Quote", "extract_quotes", "quotes_table", "quote_records", "find_cues"]


@dataclass(frozen=True, slots=True)
class Quote:
    """One quote found in a text. Offsets are code-point offsets into that text.

    Attributes
    ----------
    quote, start, end
        The content; for a direct quote without the quotation marks.
    kind
        ``"direct"``, ``"indirect"`` or ``"mixed"``.
    speaker
        Resolved name of the person or organisation, None if unknown.
    speaker_mention, speaker_start, speaker_end
        The mention that presents the source in the quote's own sentence ("he" in '…, he
        said'); None when there is none.
    carried
        True when the speaker is carried over from context (a second quoted sentence).
    cue, cue_start, cue_end
        The reporting verb or phrase ("said", "according to", "wrote on Twitter", ":").
    speaker_role
        Role given with the speaker ("Chancellor", "Kremlin spokesman"), None if none.
    mark_start, mark_end
        For direct quotes, the span including the quotation marks.
    attribution
        Index shared by the quotes of one attribution (``"A," he said, "B."`` gives two
        quotes with one attribution; a carried quote shares its predecessor's).
    speaker_type
        ``"person"``, ``"organisation"``, ``"group"`` (a collective source: "the government",
        "officials", "police", "they") or ``"unknown"``.
    co_speakers
        Further speakers of a coordinated source ("Merkel and Macron said …": speaker
        "Angela Merkel", co_speakers ``("Emmanuel Macron",)``). :func:`quotes_table` gives
        each of them a row of their own.
    """

    quote: str
    start: int
    end: int
    kind: str
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    carried: bool = False
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_role: str | None = None
    mark_start: int | None = None
    mark_end: int | None = None
    attribution: int = 0
    speaker_type: str = "unknown"
    co_speakers: tuple[str, ...] = ()


# --------------------------------------------------------------------------------------------
# Cue lexicon, compiled once
# --------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_CUES_ALL = (
    lex.REPORTING_VERBS["en"] | lex.REPORTING_VERBS["de"] | lex.REPORTING_VERBS["fr"]
    | lex.EVIDENCE_VERBS
)
#: every source preposition is found as one cue, labelled "according to" (the English form)
_ACCORDING_CUE = "according to"
_POSTPOSED_CUE = "zufolge"


def _source_pattern(phrases) -> re.Pattern:
    alts = []
    for ph in sorted(phrases, key=len, reverse=True):
        if ph == "so":
            continue  # German "…, so Scholz": too common a word to be a cue on its own
        body = re.escape(ph[1:]).replace("'", "['\u2019]").replace("\\ ", r"\s+")
        alts.append(f"[{ph[0].upper()}{ph[0]}]{body}")
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b")


def _source_tails(phrases) -> list[re.Pattern]:
    """Each phrase of :func:`_source_pattern` without its first letter: a literal that the
    regex engine finds fast, where an alternation is tried at every position."""
    return [re.compile(re.escape(ph[1:]).replace("'", "['\u2019]").replace("\\ ", r"\s+"))
            for ph in phrases if ph != "so"]


def _source_matches(text: str, pattern: re.Pattern, tails) -> list[re.Match]:
    """``list(pattern.finditer(text))``, tried only where a phrase's tail follows."""
    starts = set()
    for tail in tails:
        m = tail.search(text, 1)
        while m is not None:
            starts.add(m.start() - 1)
            m = tail.search(text, m.start() + 1)
    out: list[re.Match] = []
    end = 0
    for p in sorted(starts):
        if p >= end:
            m = pattern.match(text, p)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


_ACCORDING = _source_pattern(lex.SOURCE_BEFORE)
_ZUFOLGE = _source_pattern(lex.SOURCE_AFTER)
_ACCORDING_TAILS = _source_tails(lex.SOURCE_BEFORE)
_ZUFOLGE_TAILS = _source_tails(lex.SOURCE_AFTER)
_PARTICLE = re.compile(r"\s+(?:out|on|for|up|back|to)\b")
_TELL = frozenset("tell tells told assure assures assured inform informs informed".split())
# lower-case words between a comma and the subject: "…, a school spokesman told …"
_LOWER_LEFT = re.compile(
    r"(?<=[,\u2014])(?:[ \t]+(?:a|an|the|many|some|most|other|several|few|all|both|two|three))"
    r"{1,2}[ \t]*$"
)
_SUBJECT_PRONOUNS = frozenset("i you he she it we they who that which".split())
# a lower-case modifier right before a noun-like cue: "social media posts", "bold promises"
_MODIFIER_BEFORE = re.compile(r"(?<![\w'\u2019-])[a-z][a-z-]+[ \t]+$")
_CALL = frozenset("call calls called calling".split())
_NAMING = frozenset("call calls called calling dub dubs dubbed label labels labeled labelled "
                    "brand brands branded term terms termed titled entitled named".split())
_EVIDENCE_SOURCES = frozenset(
    "poll polls survey surveys study studies data report reports analysis research results "
    "numbers figures review audit investigation records documents findings estimates "
    "polling emails tallies filings memo memos".split()
)
# base forms that are mostly nouns: need a clear subject to count
_NOUNISH = frozenset(
    "report reports post posts read reads call calls question questions state states charge "
    "charges counter counters signal signals attack attacks hope hopes fear fears want wants "
    "promise promises claim claims demand demands note notes estimate estimates reply "
    "remarks remark thanks thank post estimate tweet tweets blast blasts stress lament "
    "laments slam slams joke jokes boast vow vows pledge pledges mention mentions".split()
)
_HEADLINE_PARA = re.compile(
    r"(?:[A-Z]{3,}\s*[\u2013\u2014-]\s*)?((?:[A-Z][\w.'\u2019-]*[ \t]+){0,3}[A-Z][\w.'\u2019-]*)"
    r":[ \t]+(?=[^\s\"'\u201c\u2018\u201e\u00ab])"
)
_TITLE_SMALL = frozenset("a an the of and or in on at to for with de la le von der".split())
_FIRST_WORD = re.compile(r"\w+")
# cues that count only with their particle: "referring to", "pointed out"
_NEEDS_TO = frozenset("referring referred refers refer point points pointed pointing".split())
_SHORT_PP = re.compile(r"[ \t]+(?:in|at|of|from|on|for|with|who|during)\b")
_ASKED_OPEN = re.compile(r"\W*Asked[ \t]+(?=(?:whether|if|why|what|how|when|where|who|about)\b)")
_WHEN_ASKED = re.compile(r"\b(?:[Ww]hen|[Aa]fter being|[Bb]eing|[Ii]f|[Oo]nce|[Ww]as|[Ww]ere)\s+$")
_BY_AGENT = re.compile(r"[ \t]+by\b")
_PREP_START = re.compile(
    r"(?:after|before|in|on|at|during|for|with|from|to|of|about|last|this|when|while|as)\b"
)
_SAY_OR_SPEECH = lex.SAY_VERBS | lex.SPEECH_VERBS
# a cue word followed by one of these is a noun or a passive participle, not a reporting verb
#: beliefs, intentions, stances and findings: attributions, but not speech
_NOT_SPEECH = lex.COGNITION_VERBS | lex.EVIDENCE_VERBS | lex.words("not_speech")
_NP_SPEECH = lex.words("noun_object_speech")
# cues whose passive subject is what is talked about: "Smith was described as …"
_PASSIVE_TOPIC = frozenset(
    "described called named labeled labelled dubbed branded accused criticized criticised "
    "praised quoted cited told asked urged warned reminded informed blamed attacked mocked "
    "thanked".split())
_INITIAL_CUES = frozenset("Said Says Added Asked Wrote".split())
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?\n][\"\u201d\u2019]?[ \t]*|\n[ \t]*)$")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be)[ \t]+(?:[a-z]+ly[ \t]+)?$")
_AND_NAME = re.compile(r"[ \t]+and[ \t]+(?=[A-Z])")
_COMMA_BEFORE = re.compile(r",[ \t]+$")
_REPORTED = ("all", "speech")
_AUX_LEFT = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would)[ \t]+$")
_PRONOUN_S = re.compile(r"(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hat|[Tt]here|[Ww]ho|[Ww]hat)['\u2019]s$")
_ADD = frozenset("add adds added adding hint hints hinted hinting".split())
_COPULA_NEXT = frozenset("is are was were remain remains include includes".split())
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_NOUN_CUE_NEXT = frozenset("would will can could should may might must".split())
_PP_ONLY = re.compile(r"(?:from|by|at|in|on|during|after|before)\b")
_SPEAK = frozenset("speak speaks spoke speaking talk talks talked talking".split())
_OF_AFTER = re.compile(r"[ \t]+(?:of|about)\b")
_AND_BEFORE = re.compile(r"\b(?:and|but)(?:\s+(?:also|then|later))?\s+$")
_AUX_BEFORE = re.compile(r"\b(?:a|ont|avait|avaient|hat|haben|hatte)\s+$")
_LEADING_JUNK = re.compile(r"[\s,:\u2014\u2013-]+")
_WORDS_IN = re.compile(r"[^\W_]+")
_ONLY_PUNCT = re.compile(r"[\s.,;:!?\u2014\u2013()\[\]-]*")


# "Iowa: Tim Albrecht, Brad Anderson, Rob Barron": three or more names in a row
_NAME_LIST = re.compile(r"(?:[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*)*,[ \t]+){2,}[A-Z]")
_NOT_HEADLINE = frozenset(
    "update updated watch video photos exclusive breaking note editor's note correction "
    "contributing contributors "
    "related read more source sources see also transcript q a live".split()
)


# adverbs between a subject and its verb: "have long insisted", "rarely asks", "wrongly suggesting"
_SHARE_SUBJECT = re.compile(
    r"(?:^|(?<=[\s(:;,\u2014]))((?:(?:[Nn]early|[Aa]lmost|[Aa]bout|[Jj]ust|[Oo]nly|[Rr]oughly|[Mm]ore "
    r"than|[Ff]ewer than|[Ll]ess than|[Oo]ver|[Uu]nder)[ \t]+)?(?:\d+(?:\.\d+)?[ \t]*(?:%|percent"
    r"|per cent)|(?:\d+|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine)"
    r"[ \t]+(?:in|out of)[ \t]+(?:10|ten|\d+)|(?:[Nn]early|[Aa]lmost|[Aa]bout|[Mm]ore than)?[ \t]*"
    r"half))[ \t]*$"
)
_ADVERB_LEFT = re.compile(r"[ \t]+(?:[a-z]{3,}ly|long|ever|never|not|just|even|only|all)[ \t]*$")
_NOT_ADVERB = frozenset("family ally rally supply italy july assembly reply apply".split())


def subject_before(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The subject noun phrase ending before the cue at ``hi``, past adverbs between it and
    the verb ("Clinton's advisers have long insisted", "he rarely asks")."""
    for _ in range(3):
        m = _ADVERB_LEFT.search(text, max(lo, hi - 24), hi)
        if m is None or text[m.start():hi].split()[0] in _NOT_ADVERB:
            break
        hi = m.start()
    sp = _np_before(text, lo, hi)
    if sp is None:
        # poll shares: "42% say …", "Six in 10 say …", "nearly half said …"
        m = _SHARE_SUBJECT.search(text, max(lo, hi - 40), hi)
        if m is not None:
            return m.start(1), m.end(1)
    return sp


def _common_noun_phrase(mention: str) -> bool:
    """'State media', 'critics', 'the group': no pronoun and no proper name after word one."""
    words = mention.split()
    if not words or mention.lower() in lex.PRONOUNS:
        return False
    if len(words) == 1 and words[0][:1].isupper() and not words[0].endswith("s"):
        return False  # a name: "Beck"
    return not any(w[:1].isupper() for w in words[1:])


def _source_head(phrase: str) -> bool:
    """Whether a phrase can be a source: a name, a pronoun, or a person, group or
    organisation noun at its head ("Peskov", "the spokesman", "officials")."""
    words = phrase.split()
    if not words:
        return False
    head = words[-1].strip(".,;:").lower()
    if words[-1][:1].isupper() or head in lex.PRONOUNS:
        return True
    for h in (head, head[:-1] if head.endswith("s") else head):
        if (h in lex.PERSON_NOUNS or h in lex.ORG_WORDS or h in lex.COLLECTIVE_SOURCES
                or h in _EVIDENCE_SOURCES):
            return True
    return False


def _iou(a, b) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0.0
    return inter / (max(a.end, b.end) - min(a.start, b.start))



def _word_count(text: str, lo: int, hi: int, cap: int = 40) -> int:
    """Words in text[lo:hi], counting at most ``cap`` (callers compare with small numbers).
    The stages often ask the same count twice in a row: the last answer is kept."""
    global _LAST_COUNT
    last = _LAST_COUNT
    if last[0] is text and last[1] == lo and last[2] == hi and last[3] == cap:
        return last[4]
    if hi - lo <= 300:
        n = min(len(_WORDS_IN.findall(text, lo, hi)), max(cap, 1))
    else:
        n = 0
        for _ in _WORDS_IN.finditer(text, lo, hi):
            n += 1
            if n >= cap:
                break
    _LAST_COUNT = (text, lo, hi, cap, n)
    return n


_LAST_COUNT: tuple = (None, 0, 0, 0, 0)


def _strip_span(text: str, lo: int, hi: int) -> tuple[int, int]:
    m = _LEADING_JUNK.match(text, lo, hi)
    if m:
        lo = m.end()
    while hi > lo and text[hi - 1] in " \t,;:\u2014\u2013-":
        hi -= 1
    return lo, hi


def _headline_paragraphs(text: str, paras) -> list[int]:
    """[start, end, start, end, …] of short paragraphs written in Title Case."""
    out: list[int] = []
    for ps, pe in paras:
        if _is_headline(text, ps, pe):
            out += [ps, pe]
    return out


def _is_headline(text: str, ps: int, pe: int) -> bool:
    """Whether the paragraph text[ps:pe] is short and written in Title Case."""
    if pe - ps > 250:
        return False
    words = _WORDS_IN.findall(text, ps, pe)
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w.lower() in _TITLE_SMALL)
    return caps >= 0.8 * len(words)


def _in_headline(text: str, paras, pos: int, seen: dict) -> bool:
    """Whether ``pos`` lies inside (not at the start of) a Title Case headline paragraph;
    ``seen`` keeps the answer per paragraph for the next cue word."""
    i = bisect.bisect_right(paras, (pos, len(text) + 1)) - 1
    if i < 0 or not paras[i][0] < pos < paras[i][1]:
        return False
    if i not in seen:
        seen[i] = _is_headline(text, *paras[i])
    return seen[i]

def _trie(words) -> str:
    """A regex alternation of ``words`` shaped as a prefix tree (one branch per letter):
    Python's ``re`` tries the alternatives of a flat list one by one at each position."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(tree)


#: upper-case letters whose lower case is not the lower case of their ``str.upper()`` twin
_OTHER_UPPER = {"\u03b8": "\u03f4", "\u00df": "\u1e9e", "\u03c9": "\u2126", "k": "\u212a",
                "\u00e5": "\u212b"}


def _cue_word_pattern(words, *, title: bool = True) -> re.Pattern:
    """Whole ``_WORD`` tokens equal to a cue word or (``title``) to its Title Case form
    (what :func:`find_cues` looks at; every other token is skipped by the scan)."""
    forms = set(words)
    for w in words if title else ():
        for up in (w[0].upper(), _OTHER_UPPER.get(w[0], "")):
            if len(up) == 1 and up.isupper() and up.lower() == w[0]:
                forms.add(up + w[1:])
    return re.compile(r"(?<![^\W\d_])" + _trie(forms) + "(?![^\\W\\d_]|['\u2019][^\\W\\d_])")


#: the cue words a ``_WORD`` token can be (find_cues compares tokens with them)
_CUE_FORMS = {w for w in _CUES_ALL | _SPEAK | _INITIAL_CUES if _WORD.fullmatch(w)}
_CUE_LOWER = {w.lower() for w in _CUE_FORMS}
_CUE_WORD = _cue_word_pattern(_CUE_FORMS | _CUE_LOWER)
#: the same in lower case only, for a lower-cased text (half the branches to try)
_CUE_WORD_LOWER = _cue_word_pattern(_CUE_LOWER, title=False)


def _cue_words(text: str):
    """The matches of ``_WORD.finditer(text)`` that :func:`find_cues` can take as cues: tokens
    that are a cue word as written or in lower case (and a few more, such as "SAID", which
    it rejects). One scan for cue words only, instead of a Python loop over every word."""
    low = text.lower()
    if len(low) == len(text):  # one character for one: offsets carry over
        found = (_WORD.match(text, m.start()) for m in _CUE_WORD_LOWER.finditer(low))
    else:
        found = _CUE_WORD.finditer(text)
    for m in found:
        s = m.start()
        if s >= 2 and text[s - 1] in "'\u2019" and _WORD.match(text, s - 2, s - 1):
            # "o'said": whether a token starts here depends on the tokens before it
            lo = s - 1
            while lo > 0 and (text[lo - 1] in "'\u2019" or _WORD.match(text, lo - 1, lo)):
                lo -= 1
            tok = next((t for t in _WORD.finditer(text, lo) if t.end() > s - 1), None)
            if tok is None or tok.span() != m.span():
                continue
        yield m


def find_cues(text: str, paras=None) -> list[tuple[int, int, str]]:
    """Stage 2, cues: every cue word of ``text`` as ``(start, end, word)``, in text order.

    ``word`` is the lower-case form ("said"); every source preposition is labelled
    "according to" and "X zufolge" "zufolge". Particles belong to the cue ("pointed
    out", "called for"); "a déclaré" and "hat gesagt" start at the auxiliary. ``paras``
    are the paragraph spans (from :class:`~coverage_kit.extract._sentences.SentenceIndex`);
    cues in Title Case headlines are found in them.

    Examples
    --------
    >>> t = "Hollande Says Trump Must Go\\nShe pointed out that, laut Scholz, talks failed."
    >>> [w for _, _, w in find_cues(t)]
    ['says', 'pointed', 'according to']
    """
    out = []
    lo, hi = 0, len(text)
    headline: dict[int, bool] = {}  # paragraph -> Title Case headline, for cue words only
    for m in _cue_words(text):
        w = m.group()
        if w[:1].isupper() and w[1:].islower() and w.lower() in _CUES_ALL:
            # "Hollande Says Trump 'Makes You Want To Retch'": cues in a Title Case headline
            if paras is None:
                paras = SentenceIndex(text).paras
            if _in_headline(text, paras, m.start(), headline):
                w = w.lower()
                if w in lex.DIRECT_ONLY_CUES or w in _NOUNISH:
                    continue
        if w in _INITIAL_CUES and _SENTENCE_OPEN.search(text, max(0, m.start() - 3), m.start()):
            w = w.lower()  # 'Said Dorothy Poynter, who grew up with Ali, "We were …"'
        if w in _CUES_ALL or w in _SPEAK:
            s, e = m.span()
            if w in _SPEAK:
                of = _OF_AFTER.match(text, e)
                if of is None:
                    continue
                e = of.end()  # "spoke of a massacre"
            if text[s - 1 : s] in ("<", "/", "-") or text[e : e + 1] in ("-", "/", "=", ">"):
                continue  # markup such as <tweet tweet-id=…> or a compound
            if w in lex.REPORTING_VERBS["fr"] or w in ("gesagt", "erklärt", "betont"):
                aux = _AUX_BEFORE.search(text, max(lo, s - 12), s)
                if aux is not None:
                    s = aux.start()  # "a déclaré", "hat gesagt"
            p = _PARTICLE.match(text, e, hi)
            if p is not None:
                particle = p.group().split()[-1]
                if particle in ("out", "for", "on") and w.startswith(("point", "call", "went", "go")) or (
                    particle == "to" and w.startswith(("refer", "point"))
                ):
                    e = p.end()
                elif w in _NEEDS_TO:
                    continue
            elif w in _NEEDS_TO:
                continue
            out.append((s, e, w))
    for m in _source_matches(text, _ACCORDING, _ACCORDING_TAILS):
        out.append((m.start(), m.end(), _ACCORDING_CUE))
    for m in _source_matches(text, _ZUFOLGE, _ZUFOLGE_TAILS):
        out.append((m.start(), m.end(), _POSTPOSED_CUE))
    out.sort()
    return out


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    kind: str
    sp: tuple[int, int] | None
    cue: tuple[int, int] | None
    carried: bool = False
    marks: tuple[int, int] | None = None
    attribution: int = -1
    speaker: str | None = None
    role: str | None = None
    extra: dict = field(default_factory=dict)
    origin: str = "direct"  # the stage that found it: direct, headline, indirect, orphan


class _Extractor:
    """State for one text: sentences, quote stretches and what has been claimed."""

    def __init__(self, text: str, language: str | None):
        self.text = text
        self.language = language
        self.ix = SentenceIndex(text)
        self.stretches = self.ix.quotes
        self._q_starts = [q.start for q in self.stretches]
        self.quotes = QuoteLookup(self.stretches)
        self.found: list[_Found] = []
        self.claimed: list[tuple[int, int]] = []
        self._n_attr = 0
        self._orphans: list = []
        self._cues: list | None = None
        self._cue_starts: list[int] = []
        self._claim_index = None
        self._before_indirect: tuple[list, list, int] = ([], [], 0)

    # -- helpers ------------------------------------------------------------------------------
    def new_attr(self) -> int:
        self._n_attr += 1
        return self._n_attr

    def cue_tokens(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """Cue words starting in text[lo:hi] (found once per text, then looked up)."""
        if self._cues is None:
            self._cues = self._all_cues()
            self._cue_starts = [c[0] for c in self._cues]
        a = bisect.bisect_left(self._cue_starts, lo)
        b = bisect.bisect_left(self._cue_starts, hi, a)
        return [c for c in self._cues[a:b] if c[1] <= hi]

    def _all_cues(self) -> list[tuple[int, int, str]]:
        return find_cues(self.text, self.ix.paras)

    # -- direct quotes: the stage lives in _direct.py ---------------------------------------
    def direct(self) -> None:
        from ._direct import DirectStage

        DirectStage(self).run()

    # -- indirect quotes ----------------------------------------------------------------------
    def indirect(self) -> None:
        claimed = sorted(self.claimed)
        self.claimed = claimed
        before = sorted(self.found, key=lambda g: g.start)
        self._before_indirect = (before, [g.start for g in before],
                                 max((g.end - g.start for g in before), default=0))
        quotes_by_start = [(q.start, q.end) for q in self.stretches]
        q_starts = [s for s, _ in quotes_by_start]
        c_starts = [s for s, _ in claimed]

        def inside(pos: int, starts, spans) -> bool:
            i = bisect.bisect_right(starts, pos) - 1
            return i >= 0 and spans[i][0] <= pos < spans[i][1]

        def overlaps_claim(lo: int, hi: int) -> bool:
            i = bisect.bisect_right(c_starts, hi) - 1
            while i >= 0:
                cs, ce = claimed[i]
                if ce > lo and cs < hi:
                    return True
                if ce <= lo and i < len(claimed) - 1 and cs < lo - 2000:
                    break
                i -= 1
            return False

        def usable(cs: int) -> bool:
            return not (inside(cs, q_starts, quotes_by_start) or inside(cs, c_starts, claimed))

        def accept(f: _Found | None) -> bool:
            if f is None:
                return False
            # "…," Sanders said, according to CNN: CNN reports what Sanders said, an
            # attribution around the inner one (PolNeAR counts both; speech counts Sanders)
            outer = f.cue is not None and f.end <= f.cue[0] and self.text.startswith(
                ("according", "According"), f.cue[0])
            if overlaps_claim(f.start, f.end) or (self.found and _iou(self.found[-1], f) > 0.5):
                if not outer:
                    inner = self._fragments_inside(f)
                    if not inner:
                        return False  # content running into a quote claimed before
                    # 'He said that he would offer "a prayer" for the nominee but …': the
                    # quoted words are part of the reported clause, one attribution
                    for g in inner:
                        g.extra["merged"] = True
                    self.found = [g for g in self.found if not g.extra.get("merged")]
                    self.found.append(f)
                    return True
                f.extra["nested"] = True
            self.found.append(f)
            return True

        hedges = hedge_adverbs(self.text)
        taken_until = -1
        for s_start, s_end in self.ix.spans:
            cues = [c for c in self.cue_tokens(s_start, s_end) if usable(c[0])]
            if len(cues) > 1 and cues[-1][2] != _ACCORDING_CUE:
                # "The leaders agreed that …, he said.": the closing attribution governs
                cs, ce, w = cues[-1]
                f = self.one_indirect(cs, ce, w, max(s_start, cs - 600), min(s_end, ce + 2000))
                if f is not None and f.end <= cs and f.start <= s_start + 3 and accept(f):
                    taken_until = max(f.end, cs + 1)
                    continue
            for cs, ce, w in cues:
                if cs < taken_until:
                    continue
                # a cue looks at most this far: keeps giant "sentences" linear
                f = self.one_indirect(cs, ce, w, max(s_start, cs - 600), min(s_end, ce + 2000))
                if accept(f):
                    taken_until = max(f.end, cs + 1)
            if hedges:
                k = bisect.bisect_left(hedges, s_start)
                if k < len(hedges) and hedges[k] < s_end and hedges[k] >= taken_until and usable(
                        hedges[k]):
                    f = self._hedged(hedges[k], s_start, s_end)
                    if accept(f):
                        taken_until = max(f.end, hedges[k] + 1)

    def one_indirect(self, cs: int, ce: int, w: str, s_start: int, s_end: int):
        text = self.text
        c_end = s_end
        # content end: drop the sentence's final period (keep it inside a closing quote)
        while c_end > ce and text[c_end - 1] in " \t\n.!?":
            c_end -= 1
        if w == _ACCORDING_CUE:
            sp = phrase_after(text, ce, s_end)
            if sp is None:
                return None
            lead_words = _word_count(text, s_start, cs)
            lead = text[s_start:cs].rstrip()
            if lead_words <= 2 and "," not in lead or lead_words <= 3 and lead.endswith(",") and (
                    0 <= text.find(",", sp[1], s_end) - sp[1] <= 120):
                # "According to X, CONTENT." / "In addition, according to X, CONTENT."
                # "According to X, CONTENT."
                comma = text.find(",", sp[1], s_end)
                if comma == -1 or comma - sp[1] > 120:
                    return None
                lo, hi = _strip_span(text, comma + 1, c_end)
                # "According to Interfax, Peskov said that …": Peskov's own attribution wins
                for _, _, w2 in self.cue_tokens(lo, hi):
                    if w2 in lex.SAY_VERBS:
                        return None
            else:
                # "CONTENT, according to X."
                lo, hi = _strip_span(text, s_start, cs)
            if _word_count(text, lo, hi) < 3:
                return None
            return self._indirect(lo, hi, sp, (cs, ce))
        if w == _POSTPOSED_CUE:
            sp = subject_before(text, s_start, cs)
            if sp is None:
                return None
            lo, hi = _strip_span(text, ce, c_end)
            if _word_count(text, lo, hi) < 3:
                return None
            return self._indirect(lo, hi, sp, (sp[0], ce))
        if w == "expected":
            aux = expectation_aux(text, s_start, cs, ce)
            if aux is not None:
                return self._expected(aux, cs, ce, s_start, c_end)
        if w == "asked" and (_WHEN_ASKED.search(text, max(s_start, cs - 12), cs)
                             or _ASKED_OPEN.match(text, s_start, ce + 9)):
            # "When asked whether …, X said" / "Asked why he …, X said"
            return self._when_asked(cs, ce, s_start, s_end)
        # participle cue after a comma: subject of the clause ("…, saying that …")
        prev_char = text[max(s_start, cs - 2) : cs].strip()
        sp = None
        inverted = False
        if w.endswith("ing") and prev_char == ",":
            sp = first_subject(text, s_start, cs)
        elif prev_char in (",", "\u201d", '"', "''", "\u00bb", "\u201c"):
            sp = phrase_after(text, ce, s_end)
            if sp is not None and not _source_head(text[sp[0] : sp[1]]):
                sp = None  # "X, a local doctor, said two people died": content, not a source
            inverted = sp is not None
            if sp is not None:
                # '…, said Peskov.' : the speaker must end the clause
                tail = _ONLY_PUNCT.match(text, sp[1], s_end)
                if tail is None or tail.end() < s_end and "," not in tail.group():
                    t2 = _TIME_PP.match(text, sp[1], s_end)
                    pp = _SHORT_PP.match(text, sp[1], s_end)
                    if not (t2 and _ONLY_PUNCT.fullmatch(text, t2.end(), s_end)) and not (
                        pp and _word_count(text, sp[1], s_end) <= 6
                    ):
                        sp = None
                        inverted = False
        if sp is None:
            sp = subject_before(text, s_start, cs)
            if sp is None and w.endswith("ing"):
                sp = first_subject(text, s_start, cs)
            if sp is None and _AND_BEFORE.search(text, max(s_start, cs - 12), cs):
                prev = self.found[-1] if self.found else None
                if prev is not None and prev.sp is not None and prev.sp[0] >= s_start:
                    sp = prev.sp
                else:
                    sp = first_subject(text, s_start, cs)  # "Fields tweeted … and said …"
        if sp is None:
            return None
        head = text[sp[0] : sp[1]].split()[-1].lower()
        if w in lex.EVIDENCE_VERBS and not _EVIDENCE_SOURCES.intersection(
                text[max(s_start, sp[0] - 24) : sp[1]].lower().split()) and not (
                    w.startswith("f") and text.startswith(" that ", ce)):
            # "polls show …", "a new poll from Suffolk University found …", "they found
            # that …"; not "Cleveland showed an appetite for …"
            return None
        if (not inverted and w in _NOUNISH and sp[1] >= cs - 1
                and _MODIFIER_BEFORE.search(text, max(s_start, cs - 30), cs)
                and not any(x.lower() in _SUBJECT_PRONOUNS or x[:1].isdigit()
                            for x in text[sp[0] : sp[1]].split())
                and not _source_head(text[sp[0] : sp[1]])):
            return None  # "social media posts", "bold promises", "trade offers": nouns
        passive = (not inverted and sp[1] <= cs and w in _PASSIVE_TOPIC
                   and _PASSIVE_BEFORE.search(text, max(s_start, cs - 16), cs) is not None)
        if w in lex.DIRECT_ONLY_CUES:
            return None
        if w in _NOUNISH and (head in ("a", "an", "the") or text[sp[0]:sp[1]].lower() in lex.NOT_SPEAKER):
            return None
        if not inverted:
            nxt = _FIRST_WORD.match(text, ce + 1, s_end) if ce < s_end else None
            if nxt is not None and text[ce:nxt.start()].strip() == "":
                nw = nxt.group().lower()
                if nw in _NOUN_CUE_NEXT or (nw == "by" and w.endswith(("ed", "ing"))) or (
                    nw == "to" and w in ("add", "adds", "added", "adding")
                ):
                    return None  # "the tax plans would …", "groups backed by Ankara"
                if nw in _COPULA_NEXT and w.endswith("s"):
                    return None  # "the team's claims were disputed": a noun
            if (_POSSESSIVE.search(text, sp[0], sp[1]) and sp[1] >= cs - 1
                    and not _PRONOUN_S.match(text, sp[0], sp[1])):
                return None  # "the city's plans for …", "Ford's promise": a noun
        if inverted:
            lo, hi = _strip_span(text, s_start, cs)
        else:
            # content after the cue: after its "that", time phrase or object
            lo = content_start(text, ce, c_end, cue=w)
            if lo is None:
                return None
            if lo <= ce + 1 and (text.startswith(",", lo) or text.startswith(" ,", lo)):
                before = text[max(s_start, sp[0] - 3) : sp[0]].rstrip()
                if (
                    before.endswith(",")
                    and w in lex.SAY_VERBS
                    and not w.endswith("ing")
                    and _word_count(text, lo, c_end) >= 2
                    and _word_count(text, s_start, sp[0]) >= 1
                ):
                    # "The goal, he said, is to forge a cease-fire.": the sentence around it
                    lo2, hi2 = _strip_span(text, s_start, c_end)
                    return self._indirect(lo2, hi2, sp, (cs, ce))
                if (not before.endswith(",") and not _word_count(text, s_start, sp[0])
                        and not w.endswith("ing") and w in lex.SAY_VERBS
                        and _word_count(text, lo, c_end) >= 5):
                    # "Rubio says, win or lose in Florida, he's staying in the race.": the
                    # subject opens the sentence, so what follows the comma is the content
                    lo2, hi2 = _strip_span(text, lo + 1, c_end)
                    return self._indirect(lo2, hi2, sp, (cs, ce))
                lo = c_end  # '…, he said, wiping his face': the content came before
            lo, hi = _strip_span(text, lo, c_end)
            hi = content_end(text, self.quotes, lo, hi, cue=w, s_start=s_start, cue_start=cs,
                             subject=sp, after_comma=prev_char in (",", "\u2014"))
            if (
                _word_count(text, lo, hi) <= 4
                and _PREP_START.match(text, lo, hi)
                and text[s_start : sp[0]].rstrip().endswith((",", "\u2014"))
            ):
                lo = hi  # '"Boots on the ground" would be right, Carson said after the attacks.'
            if _word_count(text, lo, hi) < 2 or (
                w in _TELL and "," not in text[lo:hi] and _word_count(text, lo, hi) <= 6
                and clause_shape(text, lo, hi) == "np"
            ):
                # "…, X said." / "…, X told reporters on Friday." : content is the clause
                # before the subject
                before = _LOWER_LEFT.sub("", text[s_start : sp[0]]).rstrip()
                if before.endswith((",", "\u2014")) and _word_count(text, s_start, sp[0]) >= 3:
                    lo, hi = _strip_span(text, s_start, s_start + len(before))
                else:
                    return None
        if hi - lo < 3:
            return None
        if w in _ADD and not inverted and lo > cs and clause_shape(text, lo, hi) == "np":
            return None  # "the Canucks added another goal": not speech without a clause
        if w in _CALL and not inverted and lo > cs and ce - cs == len(w) and (
                text.startswith(" to mind", ce)
                or w == "called" and sp[1] >= cs - 1
                and text[sp[0] : sp[1]].split()[0].lower() in ("a", "an")
                or _word_count(text, lo, hi) <= 4 and not self._in_quote(hi - 1)
                and all(x[:1].isupper() for x in _WORDS_IN.findall(text, lo, hi))):
            # "a group called Citizens for Trump", "called to mind", "Obama called Naghmeh
            # Abedini" (a phone call): naming or calling, not speech
            return None
        if (
            not inverted
            and lo > cs
            and _word_count(text, lo, hi) <= 4
            and _PP_ONLY.match(text, lo, hi)
            and not self._in_quote(hi - 1)
        ):
            return None  # "Lerer reported from Los Angeles": a place, not what was reported
        if w in _NAMING and _common_noun_phrase(text[sp[0] : sp[1]]) and (
            self._is_label(lo, hi, titles_only=True) or self._is_label(lo, hi)
        ):
            return None  # 'State media called the protests "terrorism"': a label, not speech
        f = self._indirect(lo, hi, None if passive else sp, (cs, ce))
        if passive:
            # "Smith was described as …": the subject is what is talked about, not the source
            f.extra["passive"] = True
        return f

    def _clause_end(self, ce: int, c_end: int, cue: str, s_start: int, cs: int, sp) -> int:
        """End of the clause after a cue whose content starts before it (at its subject)."""
        lo = _strip_span(self.text, ce, c_end)[0]
        return content_end(self.text, self.quotes, lo, c_end, cue=cue, s_start=s_start,
                           cue_start=cs, subject=sp)

    def _hedged(self, pos: int, s_start: int, s_end: int):
        """'The club is reportedly spending $1.5 million': a report with no source named;
        the content is the clause around the adverb, its subject included."""
        text = self.text
        ce = pos + len("reportedly")
        aux = _AUX_LEFT.search(text, max(s_start, pos - 12), pos)
        sp = subject_before(text, max(s_start, pos - 600), aux.start() if aux else pos)
        if sp is None:
            return None
        c_end = s_end
        while c_end > ce and text[c_end - 1] in " \t\n.!?":
            c_end -= 1
        lo = clause_subject_start(text, s_start, sp[0])
        hi = self._clause_end(ce, c_end, "reportedly", s_start, pos, sp)
        if _word_count(text, ce, hi) < 2:
            return None
        f = self._indirect(lo, hi, None, (pos, ce))
        f.extra["expectation"] = True  # a hedge, not anybody's speech: keep_speech drops it
        return f

    def _expected(self, aux: int, cs: int, ce: int, s_start: int, c_end: int):
        """'Trump is expected to win Ohio': an expectation with no source named; the
        content is the clause, its subject included."""
        sp = subject_before(self.text, s_start, aux)
        if sp is None:
            return None
        lo = clause_subject_start(self.text, s_start, sp[0])
        hi = self._clause_end(ce, c_end, "expected", s_start, cs, sp)
        if _word_count(self.text, ce, hi) < 2:
            return None
        f = self._indirect(lo, hi, None, (aux, ce))
        f.extra["expectation"] = True  # not speech: keep_speech leaves it out
        return f

    def _when_asked(self, cs: int, ce: int, s_start: int, s_end: int):
        """'When asked (by a reporter) whether …, X said': the question is the content."""
        text = self.text
        lo = ce
        sp = None
        by = _BY_AGENT.match(text, lo, s_end)
        if by is not None:
            sp = phrase_after(text, by.end(), s_end, max_tokens=5)
            if sp is not None:
                lo = sp[1]
                pp = _TIME_PP.match(text, lo, s_end)
                if pp is not None:
                    lo = pp.end()
        hi = s_end
        while hi > lo and text[hi - 1] in " \t.!?":
            hi -= 1
        comma = text.find(",", lo, hi)
        if comma != -1 and not self._in_quote(comma):
            hi = comma
        lo, hi = _strip_span(text, lo, hi)
        if _word_count(text, lo, hi) < 2:
            return None
        return _Found(lo, hi, "indirect", sp, (cs, ce), attribution=self.new_attr(),
                      origin="indirect")

    def _is_label(self, lo: int, hi: int, *, titles_only: bool = False) -> bool:
        """Content that opens with 'NP "short label"' (or, titles_only, a quoted Title)."""
        text = self.text
        k = bisect.bisect_left(self._q_starts, lo)
        if k >= len(self.stretches):
            return False
        q = self.stretches[k]
        if q.start >= hi or _word_count(text, lo, q.start) > 4:
            return False
        n = _word_count(text, q.inner_start, q.inner_end)
        if titles_only:
            words = _WORDS_IN.findall(text, q.inner_start, q.inner_end)
            return 0 < n <= 6 and all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in words)
        return n <= 3

    def _in_quote(self, pos: int) -> bool:
        return self.quotes.inside(pos)

    def _indirect(self, lo, hi, sp, cue) -> _Found:
        text = self.text
        kind = "indirect"
        quoted = 0
        k = max(0, bisect.bisect_right(self._q_starts, lo) - 1)
        for q in self.stretches[k:]:
            if q.start >= hi:
                break
            if q.end > lo:
                quoted += min(q.end, hi) - max(q.start, lo)
        if quoted:
            nonspace = hi - lo - text.count(" ", lo, hi)
            kind = "direct" if quoted >= 0.9 * nonspace else "mixed"
        return _Found(lo, hi, kind, sp, cue, attribution=self.new_attr(), origin="indirect")

    def _fragments_inside(self, f: _Found) -> list[_Found]:
        """The short direct quotes that lie inside reported content ``f`` and leave at least
        three words of it unquoted, when they are all that ``f`` overlaps."""
        out = []
        # the quotes found before the indirect stage, by start (bisect keeps this linear)
        before, starts, longest = self._before_indirect
        k = bisect.bisect_left(starts, f.start - longest)
        near = before[k : bisect.bisect_left(starts, f.end, k)]
        if self.found and self.found[-1].origin == "indirect":
            near = near + [self.found[-1]]
        for g in near:
            if g.end <= f.start or g.start >= f.end or g.extra.get("merged"):
                continue
            if not (g.origin == "direct" and g.marks is not None and not g.carried
                    and f.start <= g.marks[0] and g.marks[1] <= f.end
                    and _word_count(self.text, g.start, g.end) <= 8
                    and g.cue is not None and f.start <= g.cue[0] and g.cue[1] <= g.marks[0]
                    and not self.text[g.cue[1] : g.marks[0]].strip()
                    and not (self.text[g.cue[0] : g.cue[1]].lower() in _SAY_OR_SPEECH
                             and g.sp is not None and f.start <= g.sp[0]
                             and self.text[g.sp[0] : g.sp[1]].lower() not in lex.PRONOUNS)):
                # only a quote that is the object of a verb inside the content ("would
                # offer "a prayer""), not one with an attribution of its own, nor one that
                # another speaker says in it ('… a man yelled "Stay there!"')
                return []
            out.append(g)
        if not out:
            return []
        quoted = sum(_word_count(self.text, g.marks[0], g.marks[1]) for g in out)
        return out if _word_count(self.text, f.start, f.end) - quoted >= 3 else []

    def _claimed_overlap(self, lo: int, hi: int) -> bool:
        if self._claim_index is None or self._claim_index[0] != len(self.claimed):
            spans = sorted(self.claimed)
            ends = []
            m = -1
            for _, e in spans:
                m = max(m, e)
                ends.append(m)
            self._claim_index = (len(self.claimed), [a for a, _ in spans], ends)
        _, starts, max_ends = self._claim_index
        k = bisect.bisect_left(starts, hi) - 1
        return k >= 0 and max_ends[k] > lo

    def headlines(self) -> None:
        """'Gingrich: Trump Must Decide …' - a paragraph that opens with "Name: "."""
        text = self.text
        for ps, pe in self.ix.paras:
            m = _HEADLINE_PARA.match(text, ps, pe)
            if m is None:
                continue
            name = m.group(1)
            if (name.split()[0].lower() in lex.NOT_SPEAKER
                    or name.lower().replace("\u2019", "'") in _NOT_HEADLINE):
                continue
            lo, hi = _strip_span(text, m.end(), pe)
            while hi > lo and text[hi - 1] in ".":
                hi -= 1
            n_words = _word_count(text, lo, hi)
            if n_words < 3 or self._claimed_overlap(lo, hi):
                continue
            if ps > 0 and n_words <= 4:
                continue  # "Christie: A closing surge.": a section heading in the body
            if _NAME_LIST.match(text, lo, hi):
                continue  # "Iowa: Tim Albrecht, Brad Anderson, …": a list of names

            colon = m.end(1)
            f = _Found(lo, hi, "indirect", m.span(1), (colon, colon + 1),
                       attribution=self.new_attr(), origin="headline")
            self.found.append(f)
            self.claimed.append((m.start(1), hi))

    def orphans(self) -> None:
        """Long quotations no attribution claimed (and no reported speech contains)."""
        if not self._orphans:
            return
        ordered = sorted(self.found, key=lambda f: f.start)
        spans = [(f.start, f.end) for f in ordered]
        starts = [a for a, _ in spans]
        for q, s, e in self._orphans:
            k = bisect.bisect_right(starts, e) - 1
            if k >= 0 and spans[k][1] > s:
                continue
            if k >= 1 and max(b for _, b in spans[max(0, k - 20) : k + 1]) > s:
                continue
            prev = ordered[k] if k >= 0 else None
            if (
                prev is not None
                and prev.kind == "direct"
                and (prev.sp is not None or prev.carried)
                and self.ix.paragraph_index(prev.start) == self.ix.paragraph_index(q.start)
            ):
                # a long quotation in the paragraph of an attributed one: same speaker
                f = _Found(s, e, "direct", None, None, carried=True, marks=(q.start, q.end),
                           attribution=prev.attribution)
                f.extra["carried_from"] = prev.extra.get("carried_from", prev)
                self.found.append(f)
                continue
            # best guess at the source: the subject of the sentence, if it is not the quote
            s_start = self.ix.sentence_at(q.start)[0]
            sp = first_subject(self.text, s_start, q.start) if s_start < q.start else None
            self.found.append(_Found(s, e, "direct", sp, None, marks=(q.start, q.end),
                                     attribution=self.new_attr()))

    def keep_speech(self) -> None:
        """Keep reported *speech* only: drop beliefs, intentions and stances ("X wants …",
        "X endorsed Y", "the study found …") and cues with a bare noun-phrase object
        ("announced his retirement", "reported a loss"). Direct quotes stay."""
        text = self.text
        keep = []
        for f in self.found:
            if f.origin == "indirect" and (f.extra.get("passive") or f.extra.get("nested")
                                           or f.extra.get("expectation")):
                continue
            if f.origin == "indirect" and f.cue is not None:
                w = text[f.cue[0] : f.cue[1]].lower()
                if w != _ACCORDING_CUE and w != _POSTPOSED_CUE:
                    if w in _NOT_SPEECH or w.split()[0] in _NOT_SPEECH:
                        continue
                    after = f.start >= f.cue[1]
                    if (after and f.kind == "indirect" and w not in _NP_SPEECH
                            and clause_shape(text, f.start, f.end) == "np"):
                        continue
            keep.append(f)
        self.found = keep

    def coordinate_sources(self) -> None:
        """Widen a source to every name of a coordination: "A, B and C said" (the mention
        walk stops at commas) and "said A and B"."""
        text = self.text
        for f in self.found:
            if f.sp is None:
                continue
            s, e = f.sp
            m = _AND_NAME.match(text, e)
            if m is not None and (f.cue is None or e <= f.cue[0] or s >= f.cue[1]):
                nxt = phrase_after(text, m.end(), min(len(text), m.end() + 80))
                if nxt is not None and text[nxt[0]].isupper() and (
                        f.cue is None or not nxt[0] < f.cue[0] < nxt[1]):
                    e = nxt[1]
            if " and " in text[s:e]:
                while True:
                    c = _COMMA_BEFORE.search(text, max(0, s - 3), s)
                    if c is None:
                        break
                    prev = subject_before(text, max(0, c.start() - 60), c.start())
                    if prev is None or prev[1] != c.start() or not text[prev[0]].isupper():
                        break
                    s = prev[0]
            f.sp = (s, e)

    def run(self, *, reported: str = "all") -> list[_Found]:
        """The stages in order: direct quotes, headline attributions, reported speech,
        (speech only), orphan quotations."""
        self.direct()
        self.headlines()
        self.indirect()
        self.coordinate_sources()
        if reported == "speech":
            self.keep_speech()
        self.orphans()
        self.found.sort(key=lambda f: (f.start, f.end))
        return self.found


def extract_quotes(text: str, *, language: str | None = None,
                   reported: str = "all") -> list[Quote]:
    """Find the direct, indirect and mixed quotes in ``text``, with cues and speakers.

    Parameters
    ----------
    text : str
        One article body; paragraphs on separate lines.
    language : str, optional
        ISO 639-1 code of the text. Cues of English, German and French are always looked
        for; the argument is accepted for symmetry with ``quotes_table`` and future rules.
    reported : {"all", "speech"}, default "all"
        ``"all"`` keeps every attribution as news attribution corpora (PolNeAR) define it,
        including reported beliefs, intentions and stances ("X believes …", "X wants …",
        "X endorsed Y"). ``"speech"`` keeps what someone said or wrote: direct quotes and
        reported speech with a clause or quotation as content (what :func:`quotes_table`
        counts by default).

    Returns
    -------
    list of Quote
        In text order. Pure: the same text always gives the same quotes.

    Examples
    --------
    >>> text = ('Chancellor Olaf Scholz (SPD) spoke in Berlin. "There must be no violence," '
    ...         'said the SPD politician. The ministry said that talks would continue.')
    >>> for q in extract_quotes(text):
    ...     print(q.kind, repr(q.quote), q.speaker_mention, "->", q.speaker)
    direct 'There must be no violence' the SPD politician -> Olaf Scholz
    indirect 'that talks would continue' The ministry -> ministry
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_quotes expects a str, got {type(text).__name__}")
    if not text:
        return []
    from .speakers import resolve_mentions

    if reported not in _REPORTED:
        raise ValueError(f"reported must be one of {_REPORTED}, got {reported!r}")
    extractor = _Extractor(text, language)
    found = extractor.run(reported=reported)
    return resolve_mentions(text, found, Quote, index=extractor.ix)


# --------------------------------------------------------------------------------------------
# Table
# --------------------------------------------------------------------------------------------

_ARTICLE_COLS = ("article_id", "outlet", "published", "text")


def quote_records(quotes: Iterable[Quote]) -> list[dict]:
    """Quotes as plain dicts (one per quote), e.g. for JSON Lines.

    Examples
    --------
    >>> quote_records(extract_quotes('"We will help," she said.'))[0]["speaker_mention"]
    'she'
    """
    keys = Quote.__slots__
    return [{k: getattr(q, k) for k in keys} for q in quotes]


def quotes_table(
    articles: pd.DataFrame,
    *,
    aliases: pd.DataFrame | Mapping[str, str] | str | None = None,
    progress: bool = False,
    workers: int = 1,
    reported: str = "speech",
) -> pd.DataFrame:
    """One row per quote and speaker in every article, with a corpus-wide ``speaker_id``.

    A coordinated source ("Merkel and Macron said …") gives one row per speaker, sharing the
    quote's offsets; count quotes rather than speaker credits with
    ``table.drop_duplicates(["article_id", "start", "end"])``.

    Parameters
    ----------
    articles : DataFrame
        Table with the ARTICLES schema; ``article_id``, ``outlet``, ``published`` and
        ``text`` are required, ``language`` is used when present.
    aliases : DataFrame, mapping, path or None
        Speaker alias table that overrides the automatic merging (see
        :func:`coverage_kit.extract.speakers.read_aliases`; ``data/speaker_aliases.csv`` is
        an example). None uses the automatic ids only.
    progress : bool, default False
        Show a ``tqdm`` progress bar over articles.
    workers : int, default 1
        Processes to spread the articles over. The rows come out in the same order as with
        one process.
    reported : {"speech", "all"}, default "speech"
        What counts as a quote (see :func:`extract_quotes`): ``"speech"`` leaves out reported
        beliefs, intentions and stances; ``"all"`` keeps them.

    Returns
    -------
    DataFrame
        QUOTES schema (see :mod:`coverage_kit.schema`); offsets refer to
        ``articles["text"]``. Interrupting (Ctrl-C) raises before any table is returned.

    Raises
    ------
    SchemaError
        When a required column is missing (the message lists the columns present).

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a1"], "outlet": ["Example Post"],
    ...     "published": [pd.Timestamp("2022-01-07", tz="UTC")],
    ...     "text": ['"We are ready to help," said Ursula von der Leyen.']})
    >>> quotes_table(arts)[["speaker", "speaker_id", "kind", "speaker_type"]].iloc[0].tolist()
    ['Ursula von der Leyen', 'ursula-von-der-leyen', 'direct', 'person']
    """
    from ..errors import SchemaError
    from .speakers import assign_speaker_ids, read_aliases

    if not isinstance(articles, pd.DataFrame):
        raise TypeError(
            f"quotes_table expects the articles DataFrame, got {type(articles).__name__}; "
            "use extract_quotes(text) for a single string"
        )
    missing = [c for c in _ARTICLE_COLS if c not in articles.columns]
    if missing:
        raise SchemaError(
            f"articles is missing column(s) {', '.join(map(repr, missing))}; "
            f"it has: {', '.join(map(repr, articles.columns))}"
        )
    if not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive int, got {workers!r}")
    if reported not in _REPORTED:
        raise ValueError(f"reported must be one of {_REPORTED}, got {reported!r}")
    alias_map = read_aliases(aliases) if aliases is not None else None
    langs = articles["language"] if "language" in articles.columns else None
    ids = articles["article_id"].to_numpy()
    outlets = articles["outlet"].to_numpy()
    published = articles["published"].to_numpy()
    texts = articles["text"].to_numpy()
    readable, skipped = lex.unsupported_languages(
        langs.tolist() if langs is not None else [None] * len(articles))
    note = lex.unsupported_note(skipped, "quotes")
    if note:
        warnings.warn(note, stacklevel=2)
    jobs = []
    for i in range(len(articles)):
        text = texts[i]
        if not isinstance(text, str) or not text or not readable[i]:
            continue
        lang = langs.iloc[i] if langs is not None else None
        jobs.append((i, text, lang if isinstance(lang, str) else None, reported))
    rows: list[dict] = []
    for i, recs in map_in_order(_article_rows, jobs, workers=workers, progress=progress,
                                desc="quotes"):
        for rec in recs:
            rec["article_id"] = ids[i]
            rec["outlet"] = outlets[i]
            rec["published"] = published[i]
            rows.append(rec)
    if not rows:
        out = empty(QUOTES)
        if "outlet" in articles and isinstance(articles["outlet"].dtype, pd.CategoricalDtype):
            out["outlet"] = out["outlet"].astype(articles["outlet"].dtype)
        out.attrs["unextracted_languages"] = skipped
        return out
    df = pd.DataFrame(rows)
    df["speaker_id"] = assign_speaker_ids(df, aliases=alias_map)
    if alias_map is not None:
        from .speakers import apply_alias_names

        df["speaker"] = apply_alias_names(df, alias_map)
    pol, subj = _sentiment(df["quote"].tolist())
    df["polarity"] = pol
    df["subjectivity"] = subj
    if isinstance(articles["outlet"].dtype, pd.CategoricalDtype):
        df["outlet"] = pd.Categorical(df["outlet"], dtype=articles["outlet"].dtype)
    out = conform(df, QUOTES, name="quotes")
    out.attrs["unextracted_languages"] = skipped
    return out


def _article_rows(job: tuple[int, str, str | None, str]) -> tuple[int, list[dict]]:
    """The rows of one article (without its article columns): one per quote and speaker."""
    from .speakers import plausible_speaker, speaker_type

    i, text, lang, reported = job
    recs = []
    for q in extract_quotes(text, language=lang, reported=reported):
        rec = {k: getattr(q, k) for k in _ROW_FIELDS}
        if not plausible_speaker(rec["speaker"]):
            rec["speaker"] = None  # a fragment, not a source: the speaker is unknown
            rec["speaker_type"] = "unknown"
        recs.append(rec)
        for other in q.co_speakers:
            if plausible_speaker(other):
                recs.append(dict(rec, speaker=other, speaker_type=speaker_type(other)))
    return i, recs


_ROW_FIELDS = (
    "quote", "start", "end", "kind", "speaker", "speaker_mention", "speaker_start",
    "speaker_end", "carried", "cue", "cue_start", "cue_end", "speaker_role", "speaker_type",
)


def _sentiment(texts: list[str]) -> tuple[list[float], list[float]]:
    """TextBlob pattern-lexicon polarity and subjectivity (needs no NLTK data).

    The numbers of ``TextBlob(t).sentiment``, computed faster over TextBlob's own lexicon
    (:mod:`coverage_kit.extract._sentiment`), once per distinct text: a coordinated source's
    rows share their quote."""
    from ._sentiment import sentiment

    pol, subj = [], []
    seen: dict[str, tuple[float, float]] = {}
    for t in texts:
        got = seen.get(t)
        if got is None:
            got = seen[t] = sentiment(t)
        pol.append(got[0])
        subj.append(got[1])
    return pol, subj
