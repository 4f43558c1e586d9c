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
quotes, ``tests/test_direct_stage.py``) / ``headlines`` / :mod:`~coverage_kit.extract._indirect`
(reported speech, ``tests/test_indirect_stage.py``; its content spans in
:mod:`~coverage_kit.extract._content`, with :func:`~coverage_kit.extract._clauses.clause_shape`)
-> :mod:`~coverage_kit.extract._sources` (``coordinate_sources`` and ``keep_speech``) ->
``orphans`` -> :func:`~coverage_kit.extract.speakers.resolve_mentions` (resolution).
``tests/test_quotes_stages.py`` tests them one by one, and ``tests/test_content_spans.py``
each content-span rule.

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
speaker accuracy 0.92, cue accuracy 0.94; about 400 articles/s (2 MB/s) per core of CPU time
on a shared machine, linear in text length (``--stages`` prints the time of each stage:
reported speech and speaker resolution take about a third each).
``tests/test_quotes_polnear.py`` pins floors just under these scores
(``tests/test_quotes_floors.json``). Speakers are the local mention as PolNeAR defines it;
the resolved name is in ``speaker``.

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
import itertools
import warnings
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from ..schema import QUOTES, conform, empty
from ._content import QuoteLookup
from . import _lexicon as lex
from ._mentions import first_subject
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
_PARTICLE_VERBS = ("point", "call", "went", "go", "refer")
_PREP_START = re.compile(
    r"(?:after|before|in|on|at|during|for|with|from|to|of|about|last|this|when|while|as)\b"
)
_SAY_OR_SPEECH = lex.SAY_VERBS | lex.SPEECH_VERBS
_INITIAL_CUES = frozenset("Said Says Added Asked Wrote".split())
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?\n][\"\u201d\u2019]?[ \t]*|\n[ \t]*)$")
_REPORTED = ("all", "speech")
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


def _cue_word_pattern(words, *, title: bool = True, after: bool = False) -> re.Pattern:
    """Whole ``_WORD`` tokens equal to a cue word or (``title``) to its Title Case form
    (what :func:`find_cues` looks at; every other token is skipped by the scan).

    ``after``: the token with the character before it, which is no letter. The regex engine
    then tries the words only after such characters (a fifth of a text) instead of testing
    a look-behind at every character; a token at offset 0 is not found this way."""
    forms = set(words)
    for w in words if title else ():
        for up in (w[0].upper(), _OTHER_UPPER.get(w[0], "")):
            if len(up) == 1 and up.isupper() and up.lower() == w[0]:
                forms.add(up + w[1:])
    before = r"[\W\d_]" if after else r"(?<![^\W\d_])"
    return re.compile(before + _trie(forms) + "(?![^\\W\\d_]|['\u2019][^\\W\\d_])")


#: the cue words a ``_WORD`` token can be (find_cues compares tokens with them)
_CUE_FORMS = {w for w in _CUES_ALL | _SPEAK | _INITIAL_CUES if _WORD.fullmatch(w)}
_CUE_LOWER = {w.lower() for w in _CUE_FORMS}
_CUE_WORD = _cue_word_pattern(_CUE_FORMS | _CUE_LOWER)
#: the same in lower case only, for a lower-cased text (half the branches to try)
_CUE_WORD_LOWER = _cue_word_pattern(_CUE_LOWER, title=False)
_CUE_WORD_LOWER_AFTER = _cue_word_pattern(_CUE_LOWER, title=False, after=True)


def _cue_words(text: str):
    """The matches of ``_WORD.finditer(text)`` that :func:`find_cues` can take as cues: tokens
    that are a cue word as written or in lower case (and a few more, such as "SAID", which
    it rejects). One scan for cue words only, instead of a Python loop over every word."""
    low = text.lower()
    if len(low) == len(text):  # one character for one: offsets carry over
        first = _CUE_WORD_LOWER.match(low)
        found = (_WORD.match(text, m.start() + 1) for m in _CUE_WORD_LOWER_AFTER.finditer(low))
        if first is not None:
            found = itertools.chain((_WORD.match(text, 0),), found)
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
            # only these take a particle ("pointed out", "called for", "referring to");
            # every _NEEDS_TO word is one of them
            p = _PARTICLE.match(text, e, hi) if w.startswith(_PARTICLE_VERBS) else None
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

    # -- reported speech: the stage lives in _indirect.py -----------------------------------
    def indirect(self) -> None:
        from ._indirect import IndirectStage

        IndirectStage(self).run()

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

    # -- sources: _sources.py ---------------------------------------------------------------
    def keep_speech(self) -> None:
        """Drop what is not speech (see :func:`~coverage_kit.extract._sources.keep_speech`)."""
        from ._sources import keep_speech

        self.found = keep_speech(self.text, self.found)

    def coordinate_sources(self) -> None:
        """Widen coordinated sources (see
        :func:`~coverage_kit.extract._sources.coordinate_sources`)."""
        from ._sources import coordinate_sources

        coordinate_sources(self.text, self.found)

    def stages(self, reported: str = "all") -> list:
        """The stages after sentences and cues, in order: direct quotes, headline
        attributions, reported speech, coordinated sources, (speech only) keep speech,
        orphan quotations. ``benchmarks/bench_quotes.py --stages`` times each."""
        steps = [self.direct, self.headlines, self.indirect, self.coordinate_sources]
        if reported == "speech":
            steps.append(self.keep_speech)
        steps.append(self.orphans)
        return steps

    def run(self, *, reported: str = "all") -> list[_Found]:
        """Run :meth:`stages`; the findings in text order."""
        for step in self.stages(reported):
            step()
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
