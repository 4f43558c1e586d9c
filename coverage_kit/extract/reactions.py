"""International reactions: who reacted to the event, for which country or organisation, and how.

A *reaction* is a statement, quoted or reported, or a reported action ("Lukashenko phoned
Nazarbayev", "the CSTO sent troops at the request of the government"), by an actor of a
country or organisation other than the *focus* country, about the event. Statements by the
focus country's own side are *domestic*: kept, marked ``domestic=True``, and left out of
reaction counts.

How reactions are found
-----------------------
:func:`extract_reactions` runs five named stages, each a function of the one before and
each testable on its own (``tests/test_reaction_stages.py``)::

    doc      = read_article(text, published=..., resolver=...)      # ArticleReading
    found    = find_candidates(doc, quotes)                         # Candidates
    # (focus: given, or detected here, reacting actors not counted)
    reactors = keep_reactors(doc, found, focus, domestic=...)       # Candidates
    relevant = relevance(doc, focus, title, found)                  # pos -> bool
    out      = judge_stance(doc, reactors, focus, relevant=relevant)  # list of Reaction

1. **Read** (:func:`read_article`): sentences, paragraphs, quotation spans, and the actor
   mentions of :class:`~coverage_kit.extract.actors.ActorResolver` (names learnt in the
   article, "the alliance" referring back to the last organisation).
2. **Candidate statements with their actors** (:func:`find_candidates`):

   * *quotes* from :func:`coverage_kit.extract.quotes.extract_quotes` whose speaker resolves
     to a country or organisation (the resolved name first, then the local mention, then the
     role). A quote credited to a news agency or platform ("according to Interfax") is not
     that agency's reaction; "according to the foreign ministry" is the ministry's.
   * *action sentences*: an actor phrase ("China's head of state Xi Jinping", "Politicians in
     Berlin", "the Kremlin") outside quotation marks that is the subject of a trigger close
     after it (a verb of saying or a stance cue: "praised", "phoned", "sent troops",
     "appalled"); or the agent after "from"/"by" right after a stance noun ("backing from
     Xi"); or the speaker of '"...", said X'. The object of "urged", "told", "called on",
     "pressed", any phrase after a preposition or a lower-case verb, and a phrase separated
     from the trigger by another actor, a pronoun or a name we cannot place, are not agents.
     A bare country or capital counts only as the subject of its clause.
3. **Who counts** (:func:`keep_reactors`, following REACTIONS_GUIDELINES): governments,
   their officials and diplomats, international organisations. Not former officials, people
   described by nationality ("a Canadian businessman", "Chinese parents"), journalists,
   analysts, companies, NGOs. An ambassador to an organisation speaks for their country
   ("China's ambassador to the UN").
4. **Relevance** (:func:`relevance`): a statement is a reaction only when it is about the focus.
   In an article about the focus (detected in it, named in its title, or mentioned at least
   half as often as the most-mentioned country, reacting actors not counted) every statement
   is; in an article about something else only a statement whose paragraph names the focus
   country, its capital, people or institutions is. Others are left out, or kept and marked
   ``relevant=False`` with ``off_topic=True``.
5. **Stance** (:func:`judge_stance`): one statement per sentence and country or organisation (the
   strongest wins; a quote over an action reading at equal strength; a named person is kept
   as the actor), classified by :func:`coverage_kit.extract.stance.classify_stance` with its
   ``stance_confidence``. TextBlob polarity and subjectivity are extra columns, not the
   classifier.

Accuracy on real news is measured by ``benchmarks/bench_reactions_real.py`` (hand-annotated
articles from ``../shared``; see ``tests/data/README_reactions_gold.md``).

Focus
-----
When ``focus`` is not given, it is the country an article mentions most, counting every
mention of a country's name, demonym, capital, metonyms or known officials, with mentions in
the title weighted x3 and in the lede (first paragraph) x2, and *not* counting the actors found
reacting (quote speakers, agents of action sentences, a headline's opening actor such as
"Kremlin says ..."): who reacts is not the place discussed (:func:`detect_focus`). On the
sample corpus this picks Veldavia in 133 of 139 articles, including "China urges calm in
Veldavia" stories. Organisations never are the focus. :func:`reactions_table` detects one focus
for the whole corpus (each article votes with its normalised mention shares) unless ``focus``
is given: one code, a mapping per article, or ``"per-article"``.

Examples
--------
>>> text = ("Chancellor Olaf Scholz (SPD) called for an end to the violence. "
...         "Kazakhstan's President Tokayev said the protesters were terrorists.")
>>> [(r.country, r.actor, r.stance) for r in extract_reactions(text, focus="KAZ")]
[('DEU', 'Olaf Scholz', 'concern')]
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ..errors import InputError
from ..schema import REACTIONS, REACTIONS_EXTRA, STANCES, conform, empty, require_columns
from . import _lexicon as lex
from . import stance as _stance_mod
from ._parallel import in_processes, map_in_order
from ._sentences import paragraphs, quote_stretches, sentences
from .actors import ActorResolver, Mention, Resolution, canonical_role
from .stance import Stance, classify_stance, find_cues

__all__ = [
    "Reaction",
    "extract_reactions",
    "reactions_table",
    "detect_focus",
    "focus_scores",
    "resolver_for",
    # the stages of extract_reactions, in order
    "ArticleReading",
    "Candidate",
    "Candidates",
    "read_article",
    "find_candidates",
    "keep_reactors",
    "counts_as_reactor",
    "relevance",
    "judge_stance",
]


@dataclass(frozen=True)
class Reaction:
    """One reaction (or domestic statement) found in an article.

    Attributes
    ----------
    country : str
        ISO 3166-1 alpha-3 code of the reacting actor's country, or an organisation code.
    actor : str
        The person's canonical name when known ("Olaf Scholz"), else the actor phrase as written
        ("Politicians in Berlin", "the Kremlin").
    actor_role : str or None
        Canonical role ("chancellor", "foreign minister", "spokesperson", ...).
    actor_kind : str
        ``"state"`` or ``"organisation"``.
    stance : str
        ``condemn``, ``concern``, ``support`` or ``neutral``.
    polarity, subjectivity : float
        TextBlob sentiment of ``text`` (an extra signal, not the stance).
    text : str
        The statement: the quoted or reported words, or the agent's clause of an action
        sentence.
    start, end : int
        Offsets of ``text`` in the article.
    cue : str or None
        Reporting verb or trigger ("called for", "praised", "phoned").
    domestic : bool
        The actor belongs to the focus country: not a reaction.
    focus : str or None
        The focus country the reaction was judged against.
    source : str
        ``"quote"`` or ``"action"``.
    evidence : tuple of str
        Stance cues that decided ``stance``.
    stance_confidence : float
        0..1, how clearly the cues point at ``stance``
        (:func:`~coverage_kit.extract.stance.classify_stance`).
    relevant : bool
        The statement is about the focus (see ``off_topic`` in :func:`extract_reactions`).
    """

    country: str
    actor: str
    actor_role: str | None
    actor_kind: str
    stance: str
    polarity: float
    subjectivity: float
    text: str
    start: int
    end: int
    cue: str | None
    domestic: bool = False
    focus: str | None = None
    source: str = "action"
    evidence: tuple[str, ...] = field(default=())
    stance_confidence: float = 0.5
    relevant: bool = True


# --------------------------------------------------------------------------------------------
# Resolver and focus
# --------------------------------------------------------------------------------------------

_RESOLVERS: dict = {}


def resolver_for(actors=None) -> ActorResolver:
    """The default resolver, extended with ``actors`` (cached per argument).

    ``actors`` may be a folder holding ``actors.csv`` and/or ``entities.csv`` (such as
    ``data/sample``), a CSV path, a DataFrame, a list of those, or a ready
    :class:`~coverage_kit.extract.actors.ActorResolver`.

    Examples
    --------
    >>> resolver_for(None) is ActorResolver.default()
    True
    """
    if actors is None:
        return ActorResolver.default()
    if isinstance(actors, ActorResolver):
        return actors
    items = actors if isinstance(actors, (list, tuple)) else [actors]
    if all(isinstance(a, (str, Path)) for a in items):
        key = tuple(str(Path(a).resolve()) for a in items)
        if key not in _RESOLVERS:
            _RESOLVERS[key] = ActorResolver.default().extend(*items)
        return _RESOLVERS[key]
    return ActorResolver.default().extend(*items)


def _state_mentions(ms: Iterable[Mention], resolver: ActorResolver) -> Iterable[Mention]:
    for m in ms:
        if m.code and m.type != "title" and resolver.kind_of(m.code) == "state" and \
                m.role not in ("state media",):
            yield m


def focus_scores(text: str, *, title: str | None = None, actors=None, published=None,
                 reacting: bool = False) -> dict[str, float]:
    """Weighted country mention counts behind :func:`detect_focus`.

    Every mention of a country (name, code, demonym, capital, metonym, or one of its
    officials) counts 1; in the first paragraph 2; in ``title`` 3. A headline's opening actor
    followed by a verb of saying or a stance ("Kremlin says ...", "Canada condemns ...") is
    not counted. With ``reacting=False`` (the default here), the actors found reacting in the
    body (speakers of quotes, agents of action sentences) are not counted either: who reacts
    is not the place discussed. ``reacting=True`` counts every mention (faster: no
    extraction).

    Examples
    --------
    >>> s = focus_scores("Protesters were shot in Astana. Moscow sent troops.",
    ...                  title="Kazakhstan: deadly unrest")
    >>> s
    {'KAZ': 5.0}
    >>> focus_scores("Protesters were shot in Astana.\\nMoscow sent troops.", reacting=True)
    {'KAZ': 2.0, 'RUS': 1.0}
    """
    resolver = resolver_for(actors)
    text = text or ""
    mentions = resolver.find_mentions(text, published=published)
    spans: list[tuple[int, int]] = []
    if not reacting and text.strip():
        from .quotes import extract_quotes

        doc = read_article(text, published=published, resolver=resolver)
        spans = find_candidates(doc, extract_quotes(text)).agent_spans
        mentions = doc.mentions
    scores = _focus_scores(text, mentions, title, resolver, published, spans)
    return {k: v for k, v in scores.items() if v > 0}


def detect_focus(text: str, *, title: str | None = None, actors=None,
                 published=None) -> str | None:
    """The country an article is about: its most-mentioned country, title and lede weighted,
    reacting actors not counted (see :func:`focus_scores`).

    Returns None when no country is mentioned. Ties go to the country mentioned first.

    Examples
    --------
    >>> detect_focus("Germany and France condemned the crackdown in Kazakhstan. "
    ...              "Kazakh police detained 4,000 people.", title="Kazakhstan unrest")
    'KAZ'
    >>> detect_focus("Canada condemned the crackdown. Ottawa summoned the Kazakh envoy and said "
    ...              "Canada would act.", title="Canada condemns Kazakhstan crackdown")
    'KAZ'
    """
    scores = focus_scores(text, title=title, actors=actors, published=published)
    if not scores:
        return None
    return max(scores, key=scores.get)


# --------------------------------------------------------------------------------------------
# Phrases and agents
# --------------------------------------------------------------------------------------------

_PREPS = frozenset(
    "in into to at with on against toward towards for over about from by of than between "
    "near across after under within throughout via inside outside among despite including "
    "like unlike upon onto during before through nach mit gegen für über von aus bei zu "
    "in im ins auf à avec contre pour sur depuis chez vers dans entre de d' du des".split()
)
_DETERMINERS = frozenset("the a an its his her their this that these those also".split())
_COORD = frozenset({"and", ",", "und", "et", "as", "well", "or"})
# what may stand before a preposition that opens a clause ("Later, in Berlin, Merkel said")
_CLAUSE_OPENERS = frozenset({",", ";", ":", "and", "but", "und", "aber", "et", "mais", "\u2014"})
_AGENT_AFTER = frozenset({"from", "by", "von", "par"})
# words allowed between mentions of one actor phrase
_GLUE = re.compile(
    r"^(?:['’]s)?[\s,()]*(?:(?:and|of|the|party|federal|former|deputy|acting|foreign|"
    r"affairs|interim|outgoing|incoming|state|de|du|des|der|die|von|la|le|then)\s+)*[\s(]*$",
    re.IGNORECASE)
_NAME_GAP = re.compile(r"^[\s,]*\(?$")
_WORDS = re.compile(r"[\w'’-]+|[,;:]")
_ANAPHOR = re.compile(r"\b(?:[Tt]he|[Dd]ie|[Dd]as|[Ll]e|[Ll]a|[Ll]')\s*"
                      r"(alliance|bloc|organi[sz]ation|grouping|union|commission|Bündnis|"
                      r"Allianz|Organisation)\b")
# "the commission", "the union", "the organisation" refer back only to an organisation whose
# own name has that word (not Veldavia's election commission to the EU); "the alliance",
# "the bloc" to any intergovernmental organisation named shortly before
_ANAPHOR_NAMED = {"commission": "commission", "union": "union", "organisation": "organi",
                  "organization": "organi"}
_ANAPHOR_REACH = 1500
_DATELINE = re.compile(r"[\s(]*(?:[A-Z][\w.]+(?:\s*/\s*[A-Z][\w.]+)*\)\s*[-\u2013\u2014]|"
                       r"[-\u2013\u2014]|,\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)"
                       r"\s*(?:\([^)]*\))?\s*[-\u2013\u2014])")
_MEDIA_ROLES = frozenset({"state media"})
_SUBSTANTIVE = frozenset(STANCES) - {"neutral"}  # condemn, concern, support
_MODIFIERS = frozenset(
    "regional military international western eastern european neighbouring neighboring allied "
    "powerful influential so-called main key major fellow".split())
# "is expected to agree sanctions": a prospective action is not (yet) a reaction
_PROSPECTIVE = re.compile(r"\b(?:is|are|was|were)\s+(?:expected|set|due|likely|poised|"
                          r"scheduled)\s+to\b", re.IGNORECASE)
_MEDIA_WORDS = re.compile(r"\b(?:agency|news|media|television|TV|radio|newspaper|Twitter|X|"
                          r"Facebook|Telegram|Instagram|website|broadcaster|Agentur|agence)\b",
                          re.IGNORECASE)


@dataclass
class _Phrase:
    start: int
    end: int
    mentions: list[Mention]

    @property
    def has_person(self) -> bool:
        return any(m.type == "person" for m in self.mentions)

    @property
    def coded(self) -> bool:
        return any(m.code for m in self.mentions)

    @property
    def bare_place(self) -> bool:
        """Only country names or capitals: a place unless it is a clause subject."""
        return all(m.type in ("country", "capital") for m in self.mentions if m.code) and \
            not any(m.type == "title" for m in self.mentions)

    @property
    def possessive_only(self) -> bool:
        last = self.mentions[-1]
        return last.possessive and last.type != "title"


def _phrases(text: str, ms: list[Mention]) -> list[_Phrase]:
    out: list[_Phrase] = []
    for m in ms:
        if out:
            p = out[-1]
            gap = text[p.end:m.start]
            glue = _GLUE.match(gap) is not None and len(gap) <= 24
            new_actor = (m.code is not None or m.type == "person") and (p.has_person or (
                p.coded and m.type != "person" and not p.mentions[-1].type == "title")) \
                and not (m.type == "party" and _NAME_GAP.match(gap)) \
                and not (p.mentions[-1].possessive and gap.strip() in ("'s", "’s"))
            coordinated = _COORD_WORD.search(gap) is not None and (
                p.coded or p.has_person) and m.type != "title"
            if glue and not new_actor and not (coordinated and (m.code or m.type == "person")
                                               and p.coded and m.type != "party"):
                p.mentions.append(m)
                p.end = m.end
                continue
            if m.type == "capital" and p.mentions[-1].type == "title" and \
                    p.mentions[-1].role in _SEATED and _IN_GAP.fullmatch(gap) and \
                    not p.coded:
                # "the foreign ministry in Berlin": an institution at home in its capital
                p.mentions.append(m)
                p.end = m.end
                continue
            if m.type == "party" and _NAME_GAP.match(gap) and p.has_person:
                p.mentions.append(m)
                p.end = m.end
                continue
        out.append(_Phrase(m.start, m.end, [m]))
    return out


# patterns of the per-phrase tests above and below, compiled once
_COORD_WORD = re.compile(r"\b(?:and|und|et|or)\b|,")
_IN_GAP = re.compile(r"\s+in\s+")
_WORD_RUN = re.compile(r"[\w'’-]+")
_NEW_PERSON = re.compile(r"(?:a|an|one)\s", re.IGNORECASE)
_LEAD_WORDS = re.compile(r"(?:[\w'’-]+\s+){0,2}$")
_LEAD_DET = re.compile(r"(?:the|The|der|die|le|la|les|l')\s*$")
_GROUP_BEFORE = re.compile(r"\b([\w-]+)\s+(?:in|from)\s+$")
_GROUP_PHRASE = re.compile(r"(\b[\w-]+\s+(?:in|from)\s+)$")
_COORD_PREV = re.compile(r"[\s,]*(?:(?:and|und|et|or|as\s+well\s+as)\s+)?(?:the\s+)?")
_NEXT_WORD = re.compile(r"\s+([\w-]+)")


_SEATED = frozenset({"foreign ministry", "defence ministry", "ministry", "government",
                     "parliament"})


def _prev_words(text: str, lo: int, pos: int, n: int = 3) -> list[str]:
    return [w.lower() for w in _WORDS.findall(text[max(lo, pos - 60):pos])[-n:]]


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Clause spans of a sentence: split at ``;``, ``:``, dashes and ``, `` + a new subject."""
    return [(s + a, s + b) for a, b in _sentence_clauses(text[s:e])]


@functools.lru_cache(maxsize=20_000)
def _sentence_clauses(sent: str) -> tuple[tuple[int, int], ...]:
    cuts = [0]
    for m in re.finditer(r";|:\s|\s[\u2013\u2014-]\s|,[\"\u201d\u2019'»]?\s+(?!and\b|or\b|as\b)",
                         sent):
        cuts.append(m.end())
    cuts.append(len(sent))
    return tuple((a, b) for a, b in zip(cuts, cuts[1:]) if b > a)


# --------------------------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8192)
def _stance(text: str, cue: str | None):
    return classify_stance(text, cue=cue)


@functools.lru_cache(maxsize=8192)
def _sentiment(text: str) -> tuple[float, float]:
    """TextBlob polarity and subjectivity (cached: syndicated copies repeat statements).

    The numbers of ``TextBlob(text).sentiment``, computed faster over TextBlob's own lexicon
    (:mod:`coverage_kit.extract._sentiment`).
    """
    from ._sentiment import sentiment

    return sentiment(text)


def _after_preposition(text: str, pos: int) -> bool:
    """A place after a preposition ("ambassador in Washington") is not the speaker's country;
    after a title's "of" it is ("the foreign minister of France")."""
    words = _WORDS.findall(text[max(0, pos - 30):pos])
    if not words or words[-1].lower() not in _PREPS:
        return False
    if words[-1].lower() in ("of", "de", "du", "des"):
        return canonical_role(" ".join(words[-4:-1])) is None
    return True


def _media_source(q, text: str) -> bool:
    """The quote is credited to a news agency, state media or a platform, or has no speaker."""
    mention = q.speaker_mention or q.speaker or ""
    if not mention:
        return True
    if _MEDIA_WORDS.search(mention):
        return True
    return (q.cue or "").lower().replace("’", "'") in _SOURCE_CUES




def _is_media(res: Resolution | None, mention: str | None) -> bool:
    if res is None:
        return True
    if res.role in _MEDIA_ROLES:
        return True
    return bool(mention and _MEDIA_WORDS.search(mention)) and res.evidence != "actors table"


@dataclass
class Candidate:
    """A candidate statement (stage 2): who said or did it, what, and how it was found.

    Attributes
    ----------
    res : Resolution
        The actor resolved to a country or organisation code, with name, role and the
        evidence that resolved it (:class:`~coverage_kit.extract.actors.Resolution`).
    text, start, end : str, int, int
        The statement and its offsets in the article: a quote's words, or the agent's clause
        of an action sentence.
    cue : str or None
        The reporting verb or trigger ("said", "condemned", "according to").
    source : str
        ``"quote"`` or ``"action"``.
    stance_text, stance_cue : str, str or None
        What the stance stage classifies.
    person : bool
        The actor is a named person (kept as the actor when statements are merged).
    mention : str
        The actor phrase with a little context before it ("a Canadian businessman", "former
        ..."), read by :func:`counts_as_reactor`.
    phrase : str
        The words that resolved (a quote's speaker mention); empty for action sentences.
    """

    res: Resolution
    text: str
    start: int
    end: int
    cue: str | None
    source: str
    stance_text: str
    stance_cue: str | None
    person: bool
    mention: str = ""  # the actor phrase with a little context ("former", "a ... businessman")
    phrase: str = ""  # the words that resolved (a quote's speaker mention)


def _add_anaphora(text: str, ms: list[Mention], resolver: ActorResolver) -> list[Mention]:
    extra = []
    found = list(_ANAPHOR.finditer(text))
    if not found:
        return ms
    orgs = [m for m in ms if m.code and resolver.kind_of(m.code) == "organisation"]
    if not orgs:  # "the alliance" refers back to an organisation named before it
        return ms
    starts = [m.start for m in orgs]
    taken = [(m.start, m.end) for m in ms]
    for a in found:
        i = bisect.bisect_left(starts, a.start()) - 1
        if i < 0 or any(a.start() < te and a.end() > ts for ts, te in taken):
            continue
        ref = orgs[i]
        if a.start() - ref.end > _ANAPHOR_REACH:
            continue
        ent = resolver.entity(ref.code)
        need = _ANAPHOR_NAMED.get(a.group(1).lower())
        if need and need not in f"{ref.text} {ent.name if ent else ''}".lower():
            continue
        if ent is not None and ent.category == "ngo":
            continue
        extra.append(Mention(a.start(), a.end(), a.group(), "organisation", ref.code, ref.role))
    if not extra:
        return ms
    return sorted(ms + extra, key=lambda m: m.start)


def _load_words(path: Path = Path(__file__).resolve().parent / "lexicon" / "reactions.tsv"
                ) -> dict[str, frozenset[str]]:
    """``{kind: words}`` of ``lexicon/reactions.tsv`` (all languages together)."""
    out: dict[str, set[str]] = {}
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise InputError(str(path), i, "expected 'kind<TAB>language<TAB>words'")
        out.setdefault(parts[0], set()).update(parts[2].lower().split())
    return {k: frozenset(v) for k, v in out.items()}


_WORD_LISTS = _load_words()
_SPEECH = _WORD_LISTS["speech"]
_ACCORDING_SRC = r"\b(?:" + "|".join(map(lex.phrase_pattern, lex.SOURCE_BEFORE)) + r")\s"
_ACCORDING = re.compile(_ACCORDING_SRC, re.IGNORECASE)

# neutral cues that are nouns ("discussions", "a meeting"): no one's action by themselves
_NOUN_CUE = re.compile(r"(?:meeting|discussions?|talks|contact|monitoring|mediation|evacuation|"
                       r"travel|condolence|sympath|Gespräch|Treffen|Telefonat|entretien|"
                       r"rencontre)", re.IGNORECASE)


def _triggers(text: str, s: int, e: int, inside) -> list[tuple[int, int, str]]:
    """Trigger spans in a sentence outside quotation marks: reporting verbs and stance cues."""
    if not _CACHE_TRIGGERS:  # pragma: no cover (a lexicon whose look-behinds reach far)
        return [t for t in _scan_triggers(text, s, e) if not inside(t[0])]
    lo = max(0, s - _CONTEXT)
    cut = _LAST_BARRIER.search(text, lo, s)
    if cut is not None:
        lo = cut.start(1)
    return [(s + a, s + b, c) for a, b, c in _sentence_triggers(text[lo:e], s - lo)
            if not inside(s + a)]


def _scan_triggers(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """The triggers of ``text[s:e]`` in order, inside quotation marks or not."""
    out = [(a, b, c) for a, b, c in find_cues(text, s, e) if
           not (c == "neutral" and _NOUN_CUE.match(text, a, b))]
    for m in _WORD_RUN.finditer(text[s:e]):
        w = m.group().lower()
        if w in _SPEECH and not (m.group()[0].isupper() and m.start() > 0):  # "United States"
            out.append((s + m.start(), s + m.end(), "speech"))
    for m in _ACCORDING.finditer(text, s, e):
        out.append((m.start(), m.end(), "source"))
    out.sort()
    return out


@functools.lru_cache(maxsize=20_000)
def _sentence_triggers(chunk: str, s: int) -> tuple[tuple[int, int, str], ...]:
    """:func:`_scan_triggers` of the sentence ``chunk[s:]`` (``chunk[:s]``: the text before
    it that may matter), at offsets from ``s``. Remembered: wire copies and syndicated
    articles repeat sentences."""
    return tuple((a - s, b - s, c) for a, b, c in _scan_triggers(chunk, s, len(chunk)))


def _look_behinds(pattern: str) -> list[str]:
    """The bodies of the look-behind groups of a regular expression (none nested)."""
    return re.findall(r"\(\?<[!=]((?:[^()\\]|\\.)*)\)", pattern)


# The triggers of a sentence depend on the text before it only through look-behinds: the
# word start's ("(?<![\w-])", one character) and the stance lexicon's ("(?<!income\s)support").
# When each of those reads only letters and spaces (after a leading \b) and is shorter than
# _CONTEXT, the text before the sentence matters up to the last character that is neither a
# letter nor a space (".", a quotation mark) and at most _CONTEXT characters back: that much
# goes into the cache key, so a sentence that opens a paragraph after "... said.\n" reads the
# same in every article. Another lexicon turns the cache off.
_CONTEXT = 16
_LOOK_BEHINDS = _look_behinds(_stance_mod._MASTER_SRC) + _look_behinds(_ACCORDING_SRC)
_CACHE_TRIGGERS = len(_LOOK_BEHINDS) == sum(
    src.count("(?<!") + src.count("(?<=") for src in (_stance_mod._MASTER_SRC, _ACCORDING_SRC)
) and all(lb == r"[\w-]" or (re.fullmatch(r"(?:\\b)?(?:[a-z]|\\s)+", lb) is not None and
                            len(lb) < _CONTEXT) for lb in _LOOK_BEHINDS)
_LAST_BARRIER = re.compile(r".*([^\w\s])", re.DOTALL)


# --------------------------------------------------------------------------------------------
# Stages: sentences -> candidate statements (with their actors) -> who counts -> relevance
# -> stance. Each stage is a function of the one before, testable on its own.
# --------------------------------------------------------------------------------------------


@dataclass
class ArticleReading:
    """Output of stage 1 (:func:`read_article`): one article read for the later stages.

    Attributes
    ----------
    text : str
        The article body.
    published : date-like or None
        Publication date (picks the role an official held then).
    resolver : ActorResolver
        The resolver every stage uses.
    mentions : list of Mention
        Actor mentions in text order, with names learnt in the article and "the alliance"
        referring back to the last organisation named.
    names : dict
        Names learnt in the article (surname -> full name).
    stretches : list
        Quotation stretches (:func:`coverage_kit.extract._sentences.quote_stretches`).
    sents, paras : list of (start, end)
        Sentence and paragraph spans.
    """

    text: str
    published: object
    resolver: ActorResolver
    mentions: list[Mention]
    names: dict
    stretches: list
    sents: list[tuple[int, int]]
    paras: list[tuple[int, int]]
    _q_in: list[tuple[int, int]] = field(default_factory=list)
    _q_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._s_starts = [s for s, _ in self.sents]
        self._p_starts = [p for p, _ in self.paras]

    def inside(self, pos: int) -> bool:
        """Whether ``pos`` is inside quotation marks."""
        i = bisect.bisect_right(self._q_starts, pos) - 1
        return i >= 0 and self._q_in[i][0] <= pos < self._q_in[i][1]

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._s_starts, pos) - 1)

    def paragraph_of(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self._p_starts, pos) - 1)
        return self.paras[i] if self.paras else (0, len(self.text))


def read_article(text: str, *, published=None, resolver: ActorResolver | None = None,
                 mentions: list[Mention] | None = None) -> ArticleReading:
    """Stage 1, **read**: sentences, paragraphs, quotation spans and actor mentions.

    Parameters
    ----------
    text : str
        Article body, one paragraph per line.
    published : date-like, optional
        Publication date.
    resolver : ActorResolver, optional
        Defaults to :meth:`ActorResolver.default`; see :func:`resolver_for`.
    mentions : list of Mention, optional
        ``resolver.find_mentions(text, published=published)`` when already found (the focus
        pass of a build finds them), so they are not looked up again.

    Returns
    -------
    ArticleReading

    Examples
    --------
    >>> r = read_article("Germany condemned the arrests.\\nKazakh police fired on crowds.")
    >>> len(r.sents), len(r.paras), [m.code for m in r.mentions]
    (2, 2, ['DEU', 'KAZ'])
    """
    if resolver is None:
        resolver = ActorResolver.default()
    read = mentions is None
    if read:
        mentions = resolver.find_mentions(text, published=published)
    names = resolver.learn_names(text, published=published, mentions=mentions)
    if names:
        mentions = resolver.add_names(text, mentions, names, read=read)
    mentions = _add_anaphora(text, mentions, resolver)
    stretches = quote_stretches(text)
    q_in = sorted((q.inner_start, q.inner_end) for q in stretches)
    return ArticleReading(text, published, resolver, mentions, names, stretches,
                          sentences(text, quotes=stretches), paragraphs(text), q_in,
                          [a for a, _ in q_in])


@dataclass
class Candidates:
    """Output of stage 2 (:func:`find_candidates`) and of stage 3 (:func:`keep_reactors`).

    Attributes
    ----------
    by_sent : dict of int to list of Candidate
        Candidate statements per sentence index (into ``ArticleReading.sents``).
    agent_spans : list of (start, end)
        Where the reacting actors stand (quote speakers, agents of action sentences): focus
        detection and relevance do not count these mentions as the place discussed.
    """

    by_sent: dict[int, list[Candidate]] = field(default_factory=lambda: defaultdict(list))
    agent_spans: list[tuple[int, int]] = field(default_factory=list)

    def all(self) -> list[Candidate]:
        """Every candidate, sentence by sentence."""
        return [c for si in sorted(self.by_sent) for c in self.by_sent[si]]


_SOURCE_CUES = frozenset(c.replace("’", "'") for c in lex.SOURCE_PREPOSITIONS)


def _heads(phrase: str, resolver: ActorResolver) -> bool:
    """An actor mention opens the phrase (determiners, titles and adjectives aside): "the
    foreign ministry in Berlin", not "the so-called Benn Act ... the EU"."""
    ms = resolver.find_mentions(phrase)
    first = next((m for m in ms if m.code or m.type == "title"), None)
    if first is None:
        return False
    return len(_WORDS.findall(phrase[:first.start])) <= 2


def _quote_candidates(doc: ArticleReading, quotes, found: Candidates):
    """Stage 2a: quotes whose speaker resolves to a country or organisation.

    Returns the quotes left without an actor (per sentence) and the spans of generic
    speakers ("..., he said"), which the action stage reads.
    """
    text, resolver = doc.text, doc.resolver
    cache: dict[str, Resolution | None] = {}
    orphans: dict[int, list] = defaultdict(list)
    generic: list[tuple[int, int]] = []
    resolved: list[tuple[int, int]] = []
    for q in quotes:
        res = None
        speaker = q.speaker
        if speaker and speaker in q.quote and q.speaker_start is not None and \
                not (q.start <= q.speaker_start < q.end):
            # a name taken from inside the reported words is not who said them
            speaker = None
        if q.speaker_mention and _NEW_PERSON.match(q.speaker_mention):
            # "a spokesperson said" introduces someone new: never a person named earlier
            speaker = None
        used = ""
        sourced = (q.cue or "").lower().replace("’", "'") in _SOURCE_CUES
        # "according to the foreign ministry" is the ministry's statement; "according to
        # Interfax" is not the agency's (media sources are left out below)
        for cand in (speaker, q.speaker_mention,
                     f"{q.speaker_role} {speaker}" if q.speaker_role and speaker else None):
            if not cand:
                continue
            if cand not in cache:
                cache[cand] = resolver.resolve(cand, published=doc.published, names=doc.names)
            r = cache[cand]
            if r is not None and r.evidence in ("capital", "country") and \
                    q.speaker_start is not None and cand == q.speaker_mention and \
                    _after_preposition(text, q.speaker_start):
                # "Veldavia's ambassador in Washington, X, said": a place, not the speaker
                r = None
            if r is not None and sourced and not _heads(cand, resolver):
                # "laut dem sogenannten Benn-Gesetz die EU ...": the source is the law
                r = None
            if r is not None and not _is_media(r, cand):
                res, used = r, cand
                break
        si = doc.sentence_of(q.start)
        if res is None:
            orphans[si].append(q)
            if not _media_source(q, text):
                # "..., he said", "..., a spokesman said": only the subject that opens the
                # reported words ("Britain's Foreign Office summoned ...") may be the actor
                generic.append((q.start, q.end))
            continue
        if res.evidence == "organisation" and res.role is None:
            ent = resolver.entity(res.code)  # "The EU fully" (a speaker span): the EU
            if ent is not None:
                res = replace(res, actor=ent.name)
        mention = " ".join(x for x in (q.speaker_mention, used) if x)
        found.by_sent[si].append(Candidate(res, q.quote, q.start, q.end, q.cue, "quote", q.quote,
                                       q.cue, res.evidence == "actors table" or res.actor != used,
                                       mention, used))
        resolved.append((q.start, q.end))
        if q.speaker_start is not None and q.speaker_end is not None:
            found.agent_spans.append((q.speaker_start, q.speaker_end))
    return orphans, generic, sorted(resolved)


def _action_candidates(doc: ArticleReading, found: Candidates, orphans, generic, resolved) -> None:
    """Stage 2b: action sentences: an actor phrase as the subject of a trigger ("Germany
    condemned ...", "backing came from Moscow", '"...", said Macron')."""
    text, resolver, mentions = doc.text, doc.resolver, doc.mentions
    rs_starts = [a for a, _ in resolved]

    def in_resolved(pos: int) -> bool:
        i = bisect.bisect_right(rs_starts, pos) - 1
        return i >= 0 and resolved[i][0] <= pos < resolved[i][1]

    m_starts = [m.start for m in mentions]
    para_starts = {p[0] for p in doc.paras}
    generic = sorted(generic)  # the spans starting at or before a phrase are a prefix
    g_starts = [a for a, _ in generic]
    for si, (s, e) in enumerate(doc.sents):
        lo = bisect.bisect_left(m_starts, s)
        hi = bisect.bisect_left(m_starts, e)
        ms = [m for m in mentions[lo:hi] if not doc.inside(m.start) and
              (not in_resolved(m.start) or _new_attribution(text, m, s, e))]
        if not any(m.code or m.type == "person" for m in ms):
            continue  # no phrase here can be an agent (see _agent_mode)
        trig = _triggers(text, s, e, doc.inside)
        if not trig:
            continue
        clauses = _clauses(text, s, e)

        def clause_of(pos, clauses=clauses, s=s, e=e):
            return next((c for c in clauses if c[0] <= pos < c[1]), (s, e))
        prev_agent: _Phrase | None = None
        prev_mode = None
        coded_before: list[_Phrase] = []
        phrases = _phrases(text, ms)
        for ph in phrases:
            if any(ph.start < b and not _starts_clause(text, a, ph.start)
                   for a, b in generic[:bisect.bisect_right(g_starts, ph.start)]):
                continue
            mode = _agent_mode(text, s, ph, trig, prev_agent, prev_mode, para_starts,
                               clause_of)
            if mode == "before" and (_is_object(ph, trig, coded_before, clause_of) or
                                     _addressed(text, s, ph, trig)):
                mode = None
            if ph.coded or ph.has_person:
                coded_before.append(ph)
            prev_agent, prev_mode = (ph, mode) if mode else (ph, None)
            if not mode:
                continue
            phrase = _phrase_text(text, s, ph)
            res = resolver.resolve_mentions(ph.mentions, fallback=phrase)
            if res is None:
                continue
            if mode == "before":
                t = next((t for t in trig if t[0] >= ph.end), None)
                if t is None or _PROSPECTIVE.search(text, ph.end, t[0] + 1) or \
                        not _close_trigger(text, ph.end, t[0]) or \
                        _RECEIVED.search(text, ph.end, t[0]) or \
                        _other_subject(text, ph, t[0], phrases) or \
                        (t[2] == "speech" and _INVERTED.match(text, ph.end, t[1] + 40) and
                         _INVERTED_SUBJECT.match(text, t[1])):
                    continue
                st = ph.start - (len(phrase) - len(text[ph.start:ph.end]))
                en = clause_of(t[0])[1]
            elif mode == "inverted":  # '"...", said X' / '..., wrote X'
                t = [t for t in trig if t[1] <= ph.start][-1]
                st, en = s, t[0]
            elif mode == "source":  # "..., according to the foreign ministry"
                t = next(t for t in trig if t[2] == "source" and t[1] <= ph.start)
                if _is_media(res, phrase):
                    continue
                st, en = s, t[0]
                if en - st < 15:  # "According to X, ...": the rest of the sentence
                    st, en = clause_of(ph.end)[1] if clause_of(ph.end)[1] < e else ph.end, e
            else:  # "after": from/by agent, trigger before it
                t = [t for t in trig if t[1] <= ph.start and t[2] in _SUBSTANTIVE][-1]
                cs = clause_of(t[0])[0]
                st, en = cs, clause_of(ph.start)[1]
            found.agent_spans.append((ph.start, ph.end))
            seg = text[st:en].strip(" ,;:")
            st = text.find(seg, st) if seg else st
            cue = text[t[0]:t[1]]
            res = _refine(res, text, s, ph, resolver)
            lead = _LEAD_WORDS.search(text[max(s, ph.start - 30):ph.start])
            mention = (lead.group() if lead else "") + text[ph.start:ph.end]
            q = next((q for q in orphans.get(si, ())
                      if (mode != "inverted" and t[0] <= q.start <= t[1] + 30) or
                      (mode == "inverted" and 0 <= t[0] - q.end <= 6)), None)
            if q is not None and t[2] == "speech":
                found.by_sent[si].append(Candidate(res, q.quote, q.start, q.end, q.cue or cue,
                                               "quote", q.quote, q.cue or cue, ph.has_person,
                                               mention))
                continue
            found.by_sent[si].append(Candidate(res, seg, st, st + len(seg), cue, "action", seg, None,
                                           ph.has_person, mention))


# "..., says political scientist X": the speaker comes after the verb, not before
_INVERTED = re.compile(r".*,\s*[\w'’-]+(?:\s+|$)", re.DOTALL)
_INVERTED_SUBJECT = re.compile(r"\s+(?:the\s+|a\s+|an\s+)?(?:[A-Z]\w|(?:political\s+)?"
                               r"(?:scientist|analyst|expert|professor|researcher|official|"
                               r"spokes\w+|minister|president)\b)")


def _lead(text: str, pos: int) -> int:
    """Length of the determiner before ``pos`` ("the "), 0 if none."""
    m = _LEAD_DET.search(text[max(0, pos - 5):pos])
    return len(m.group()) if m else 0


_COORD_GAP = re.compile(r"\s*,?\s*(?:(?:and|or|as\s+well\s+as|und|et|ou)\s+)?(?:the\s+)?$|"
                        r"\s*,\s*(?:the|its|a)\s+[^,]{0,60}$", re.IGNORECASE)
# "Obama has endured criticism for ...": the subject is the target, not the critic
_RECEIVED = re.compile(r"\b(?:endur\w*|fac(?:ed|es|ing)|dr[ae]w[ns]?|receiv\w+|came\s+under|"
                       r"comes?\s+under|attract\w*|weather\w*|sparked|prompted|provoked)\b",
                       re.IGNORECASE)
_NAME_BEFORE_VERB = re.compile(r"(?<![.!?]\s)\b([A-Z][a-z][\w'’-]*)\s+$")
_CALENDAR = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Today Yesterday".split())
_PRONOUN = re.compile(r"\b(?:he|she|they|we|I|it)\b")


def _other_subject(text: str, ph: _Phrase, t0: int, phrases: list[_Phrase]) -> bool:
    """Another actor or a pronoun stands between the phrase and its trigger ("Asked about
    Putin, Mr. Trump said ...", "Putin, he said"): the trigger is not the phrase's."""
    gap = text[ph.end:t0]
    if _PRONOUN.search(gap):
        return True
    name = _NAME_BEFORE_VERB.search(gap)
    if name and name.group(1) not in _CALENDAR:
        pos = ph.end + name.start(1)
        if not any(o.start <= pos < o.end for o in phrases):
            return True  # "..., Sheldon Adelson said": a name we cannot place is the subject
    for other in phrases:
        if ph.end <= other.start and other.end <= t0 and (other.coded or other.has_person):
            before = _prev_words(text, ph.end, other.start, 3)
            while before and before[-1] in _DETERMINERS:
                before.pop()
            if before and (before[-1] in _PREPS or before[-1] in ("'s", "’s")):
                continue  # "moved to Kazakhstan", "ambassador in Washington": not a subject
            if other.possessive_only:
                continue
            if not _COORD_GAP.fullmatch(text[ph.end:other.start]):
                return True
    return False


def _close_trigger(text: str, end: int, t0: int) -> bool:
    """The trigger follows the subject closely, an apposition aside ("Peskov, the
    Kremlin's spokesman, said")."""
    gap = text[end:t0]
    if len(gap) <= _BEFORE_GAP:
        return True
    inner = re.sub(r",[^,]*,|\([^)]*\)", " ", gap)
    return len(inner) <= _BEFORE_GAP


def find_candidates(doc: ArticleReading, quotes) -> Candidates:
    """Stage 2, **candidates**: statements with their resolved actors, quotes then actions.

    Quotes (2a) whose speaker resolves to a country or organisation; then action sentences
    (2b) whose agent is an actor phrase as the subject of a trigger (see the module notes).
    The object of "urged", "told", "called on", "pressed" is never the agent; every actor
    that resolves is kept here, whether it speaks for a state or not (that is stage 3).

    Parameters
    ----------
    doc : ArticleReading
        Stage 1's output.
    quotes : list
        The article's quotes: :class:`~coverage_kit.extract.quotes.Quote` objects or rows of
        the QUOTES table with the same attributes.

    Returns
    -------
    Candidates

    Examples
    --------
    >>> from coverage_kit.extract.quotes import extract_quotes
    >>> text = "Germany's foreign minister urged China to release the two men."
    >>> found = find_candidates(read_article(text), extract_quotes(text))
    >>> sorted({c.res.code for c in found.all()})  # not China: the object of "urged"
    ['DEU']
    """
    found = Candidates()
    orphans, generic, resolved = _quote_candidates(doc, quotes, found)
    _action_candidates(doc, found, orphans, generic, resolved)
    return found


# verbs whose object is addressed, not speaking: "urged China to", "told Moscow"
_ADDRESS_VERBS = frozenset(
    "urged urges urging told tells telling asked asks asking pressed presses pressing "
    "implored implores warned warns warning summoned summons invited invites congratulated "
    "thanked criticised criticized condemned praised accused blamed called calls "
    "pressure pressured pressuring push pushed pushing persuade persuaded convince convinced "
    "force forced allow allowed encourage encouraged want wants wanted expect expects "
    "expected help helped "
    "forderte fordert appellierte warnte exhorte exhorté appelle demandé".split())


_DET_GAP = re.compile(r"\s*(?:(?:the|its|his|her|their|a|an)\s+)?", re.IGNORECASE)


def _addressed(text: str, s: int, ph: _Phrase, trig) -> bool:
    """The phrase is the object of a verb of addressing or of a trigger right before it:
    "the minister urged China to release ...", "called on Russia to", "Merkel told Putin"."""
    prev = _prev_words(text, s, ph.start, 3)
    while prev and prev[-1] in _DETERMINERS:
        prev.pop()
    if not prev:
        return False
    if prev[-1] in _ADDRESS_VERBS:
        return True
    if prev[-1] in ("on", "upon", "to") and len(prev) > 1 and prev[-2] in (
            "called", "calls", "calling", "call", "appealed", "appeals", "appealing"):
        return True
    # a trigger that ends right before the phrase (only determiners between) governs it
    return any(t[1] <= ph.start and ph.start - t[1] <= 12 and _DET_GAP.fullmatch(
        text[t[1]:ph.start]) and t[2] != "speech" for t in trig)


# ---- stage 3: who counts as a reacting actor (REACTIONS_GUIDELINES: governments, their
# officials and diplomats, international organisations; not journalists, analysts, former
# officials, companies, NGOs or private people described by nationality)

_FORMER = re.compile(r"\b(?:former|ex|onetime|one-time|erstwhile|retired|late|"
                     r"ehemalig\w*|frühere\w*|Alt|ancien\w*|ex-\w+)\b|\bex-", re.IGNORECASE)
_NOT_OFFICIAL = re.compile(
    r"\b(?:journalist|reporter|correspondent|columnist|editor|writer|author|analyst|expert|"
    r"scholar|professor|academic|researcher|economist|strategist|commentator|historian|"
    r"think[\s-]tank|businessm[ae]n|businesswom[ae]n|business|executive|CEO|chief\s+executive|"
    r"company|firm|bank|investor|banker|trader|lawyer|attorney(?!\s+general)|activist|"
    r"student|tourist|citizens?|nationals?|resident|residents|man|woman|men|women|people|"
    r"family|father|mother|son|daughter|wife|husband|voters?|fans?|players?|coach|actor|"
    r"actress|singer|artist|billionaire|entrepreneur|worker|workers|immigrant|refugee|"
    r"hacker|survivor|victim|witness|priest|cleric|imam|rabbi|bishop|athlete|owner|"
    r"parents?|students?|children|families|tourists|travell?ers|shoppers|consumers|"
    r"Journalist\w*|Experte\w*|Analyst\w*|Unternehmer\w*|Geschäftsm\w+|Bürger\w*|"
    r"journaliste|expert|chercheur|homme\s+d'affaires|ressortissant\w*)\b", re.IGNORECASE)
_PRIVATE_NAME = re.compile(r"^(?:an?\s+|the\s+)?[A-Z][\w-]+\s+(?:[A-Z][\w'’-]+\s*){1,3}$")
_BARE_DEMONYM = re.compile(r"^(?:an?\s+|the\s+)?[A-Z][\w-]+(?:\s+(?:an?\s+|the\s+)?[A-Z][\w-]+)?$")
_NOT_REACTOR_CATEGORIES = frozenset({"ngo", "company", "media", "humanitarian"})


def counts_as_reactor(c: Candidate, resolver: ActorResolver) -> bool:
    """Stage 3 for one candidate: whether its actor speaks for a state or an international
    organisation (REACTIONS_GUIDELINES).

    Not former officials, people described by nationality ("a Canadian businessman"),
    journalists, analysts, companies, NGOs or media; an ambassador to an organisation
    speaks for their country.
    """
    res = c.res
    if res.category in _NOT_REACTOR_CATEGORIES:
        return False
    role = res.role or ""
    if role.startswith("former") or _FORMER.search(c.mention or ""):
        return False
    if res.evidence == "actors table":
        return True
    if _NOT_OFFICIAL.search(c.mention or "") and not res.role and \
            res.evidence in ("demonym", "country", "capital", "title"):
        # "a Canadian businessman", "Russian journalists": nationality is not a government
        return False
    if res.evidence == "demonym" and not res.role and _PRIVATE_NAME.match(c.mention or ""):
        # "Canadian Michael Kovrig said": a person described by nationality
        return False
    if c.phrase and not res.role and res.evidence in ("demonym", "country", "capital") and \
            not _place_and_state_noun(c.phrase, resolver):
        # a quote's speaker "German", "the Syrian crisis", "Britain's emotionally ...": a
        # place or nationality with words that are not a state body
        return False
    return True


def keep_reactors(doc: ArticleReading, found: Candidates, focus: str | None, *,
                  domestic: bool = True) -> Candidates:
    """Stage 3, **who counts**: the candidates whose actor counts as a reactor
    (:func:`counts_as_reactor`); without ``domestic``, the focus country's own statements
    are left out too.

    Parameters
    ----------
    doc : ArticleReading
        Stage 1's output.
    found : Candidates
        Stage 2's output.
    focus : str or None
        ISO alpha-3 code of the focus country.
    domestic : bool, default True
        Keep the focus country's own statements (stage 5 marks them ``domestic``).

    Returns
    -------
    Candidates
        The kept candidates; ``agent_spans`` unchanged (every actor found reacting).

    Examples
    --------
    >>> from coverage_kit.extract.quotes import extract_quotes
    >>> text = "A Canadian businessman said he was worried. Germany condemned the arrests."
    >>> doc = read_article(text)
    >>> found = find_candidates(doc, extract_quotes(text))
    >>> sorted({c.res.code for c in found.all()})
    ['CAN', 'DEU']
    >>> sorted({c.res.code for c in keep_reactors(doc, found, "KAZ").all()})
    ['DEU']
    """
    kept = Candidates(agent_spans=found.agent_spans)
    for si in sorted(found.by_sent):
        for c in found.by_sent[si]:
            if not domestic and focus is not None and c.res.code == focus:
                continue
            if not counts_as_reactor(c, doc.resolver):
                continue
            kept.by_sent[si].append(c)
    return kept


def _place_and_state_noun(phrase: str, resolver: ActorResolver) -> bool:
    """The phrase is a place ("Britain", "the Kremlin") or a place and a state body
    ("Kazakh police", "Russian troops"); not a nationality alone ("German") or with other
    words ("Chinese parents", "the Syrian crisis")."""
    ms = resolver.find_mentions(phrase)
    rest = phrase
    for m in sorted(ms, key=lambda m: -m.start):
        rest = rest[:m.start] + " " + rest[m.end:]
    words = [w.lower() for w in _WORDS.findall(rest) if w.lower() not in _OPENER_DETS and
             w.lower() not in _CLAUSE_OPENERS and w.lower() != "that"]
    if not words:
        return any(m.type != "demonym" for m in ms if m.code)
    return words[0] in _STATE_NOUNS


# ---- stage 4: relevance: about the focus party's action

def relevance(doc: ArticleReading, focus: str | None, title: str | None, found: Candidates,
              about_focus: bool = False) -> Callable[[int], bool]:
    """Stage 4, **relevance**: is a statement at a given offset about the focus?

    True everywhere when the article is about the focus: the focus was detected in it, the
    title names it, or, not counting the reacting actors, the focus is the article's
    most-mentioned country or has at least half as many mentions (title and lede weighted).
    An article that never names the focus (nor its capital, people, leaders or institutions)
    is not about it. Otherwise a statement is about the focus only when its paragraph names
    the focus.

    Parameters
    ----------
    doc : ArticleReading
        Stage 1's output.
    focus : str or None
        ISO alpha-3 code of the focus country; None: everything is relevant.
    title : str or None
        The headline: naming the focus there makes the whole article relevant.
    found : Candidates
        Stage 2's output (its ``agent_spans``: reacting actors are not the place discussed).
    about_focus : bool, default False
        The focus was detected in this article: everything in it is relevant.

    Returns
    -------
    callable
        ``relevant(pos) -> bool`` for a character offset in ``doc.text``.

    Examples
    --------
    >>> text = ("Spain's parliament passed Spain's budget in Madrid.\\n"
    ...         "Germany condemned the arrests in Kazakhstan.")
    >>> doc = read_article(text)
    >>> relevant = relevance(doc, "KAZ", None, Candidates())
    >>> relevant(text.index("Germany")), relevant(text.index("Spain"))
    (True, False)
    """
    if focus is None or about_focus:
        return lambda pos: True
    if title and any(m.code == focus for m in doc.resolver.find_mentions(
            title, published=doc.published)):
        return lambda pos: True
    starts = [m.start for m in doc.mentions if m.code == focus]
    if not starts:
        return lambda pos: False  # the article never names the focus
    scores = {k: v for k, v in _focus_scores(doc.text, doc.mentions, None, doc.resolver,
                                             doc.published, found.agent_spans).items() if v > 0}
    if not scores or scores.get(focus, 0) >= 0.5 * max(scores.values()):
        return lambda pos: True

    def relevant(pos: int) -> bool:
        ps, pe = doc.paragraph_of(pos)
        i = bisect.bisect_left(starts, ps)
        return i < len(starts) and starts[i] < pe
    return relevant


# ---- stage 5: one statement per sentence and actor, with its stance

def judge_stance(doc: ArticleReading, reactors: Candidates, focus: str | None, *,
                 relevant: Callable[[int], bool] | None = None,
                 off_topic: bool = False) -> list[Reaction]:
    """Stage 5, **stance**: one reaction per sentence and country or organisation, with its
    stance and confidence.

    The candidates of one sentence and code are merged: the strongest statement wins, a
    quote over an action reading at equal strength, and a named person is kept as the actor.
    Each is classified by :func:`~coverage_kit.extract.stance.classify_stance`; support for
    a party other than the focus ("stands with Canada" when the focus is China) is concern.

    Parameters
    ----------
    doc : ArticleReading
        Stage 1's output.
    reactors : Candidates
        Stage 3's output (:func:`keep_reactors`).
    focus : str or None
        ISO alpha-3 code of the focus country: its own statements are marked ``domestic``.
    relevant : callable, optional
        Stage 4's output; None: every statement is relevant.
    off_topic : bool, default False
        Keep statements that are not relevant, marked ``relevant=False``.

    Returns
    -------
    list of Reaction
        In text order.

    Examples
    --------
    >>> from coverage_kit.extract.quotes import extract_quotes
    >>> text = "France strongly condemned the violence against the government's opponents."
    >>> doc = read_article(text)
    >>> found = keep_reactors(doc, find_candidates(doc, extract_quotes(text)), "KAZ")
    >>> [(r.country, r.stance) for r in judge_stance(doc, found, "KAZ")]
    [('FRA', 'condemn')]
    """
    if relevant is None:
        def relevant(pos: int) -> bool:
            return True
    out: list[Reaction] = []
    for si in sorted(reactors.by_sent):
        groups: dict[str, list] = defaultdict(list)
        for c in reactors.by_sent[si]:
            groups[c.res.code].append((_stance(c.stance_text, c.stance_cue), c))
        for key, items in groups.items():
            st, c = min(items, key=lambda x: (x[0].stance == "neutral", x[1].source != "quote",
                                              x[1].start))
            person = next((x[1] for x in items if x[1].person), None)
            if person is not None and not c.person:
                c = Candidate(person.res, c.text, c.start, c.end, c.cue, c.source, c.stance_text,
                          c.stance_cue, True, person.mention)
            on_topic = relevant(c.start)
            if not on_topic and not off_topic:
                continue
            if st.stance == "support" and focus is not None and \
                    _backs_another(doc, c, focus, set(groups)):
                st = Stance("concern", st.score, st.evidence + ("(backs another party)",),
                            st.confidence)
            pol, subj = _sentiment(c.text)
            out.append(Reaction(country=key, actor=c.res.actor, actor_role=c.res.role,
                                actor_kind=c.res.kind, stance=st.stance, polarity=pol,
                                subjectivity=subj, text=c.text, start=c.start, end=c.end,
                                cue=c.cue, domestic=focus is not None and key == focus,
                                focus=focus, source=c.source, evidence=st.evidence,
                                stance_confidence=st.confidence, relevant=on_topic))
    out.sort(key=lambda r: (r.start, r.country))
    return out


def _backs_another(doc: ArticleReading, c: Candidate, focus: str, reactors: set) -> bool:
    """Support for a party other than the focus ("the EU fully supports the Canadian
    government", "stands with Canada") when the focus is China: backing the victim against
    the focus party is concern, never support (REACTIONS_GUIDELINES)."""
    cues = [(a, b) for a, b, cls in find_cues(doc.text, c.start, c.end) if cls == "support"]
    if cues:
        after = cues[0][1]
    elif c.cue and any(cls == "support" for _, _, cls in find_cues(c.cue)):
        after = c.start  # "supports | the Canadian government ..."
    else:
        return False
    nxt = next((m for m in doc.mentions if after <= m.start < min(after + 60, c.end) and m.code and
                m.type != "title" and m.code not in reactors), None)
    return nxt is not None and nxt.code != focus


def extract_reactions(text: str, *, focus: str | None = None, published=None,
                      title: str | None = None, actors=None, domestic: bool = False,
                      off_topic: bool = False, quotes: list | None = None,
                      mentions: list[Mention] | None = None) -> list[Reaction]:
    """Find the international reactions in one article.

    Runs the stages in turn: read the article (sentences, mentions), find candidate
    statements with their actors (quotes, then action sentences), keep the actors that speak
    for a state or an international organisation, keep the statements about the focus, and
    decide each one's stance.

    Parameters
    ----------
    text : str
        Article body, one paragraph per line.
    focus : str, optional
        ISO alpha-3 code of the country the event is about; detected when None
        (:func:`detect_focus`).
    published : date-like, optional
        Publication date: picks the role an official held then.
    title : str, optional
        Headline, used to detect the focus and to judge relevance.
    actors : optional
        Extra actors/entities tables (see :func:`resolver_for`), e.g. ``"data/sample"``.
    domestic : bool, default False
        Also return statements by the focus country's own side (marked ``domestic=True``).
    off_topic : bool, default False
        Also return statements that are not about the focus (marked ``relevant=False``): in
        an article not about the focus, a statement is about it only when its paragraph
        names the focus country, its capital, people or institutions.
    quotes : list of Quote, optional
        Quotes already extracted from ``text`` (extracted here when None).
    mentions : list of Mention, optional
        Actor mentions already found in ``text`` (see :func:`read_article`).

    Returns
    -------
    list of Reaction
        In text order.

    Examples
    --------
    >>> text = ('Support from Putin and Xi. Xi praised the "decisive measures" of the '
    ...         'government. Lukashenko also phoned Nazarbayev on Friday.')
    >>> [(r.country, r.stance) for r in extract_reactions(text, focus="KAZ")]
    [('CHN', 'support'), ('RUS', 'support'), ('CHN', 'support'), ('BLR', 'neutral')]
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_reactions expects a str, got {type(text).__name__}")
    if not text.strip():
        return []
    resolver = resolver_for(actors)
    doc = read_article(text, published=published, resolver=resolver, mentions=mentions)
    if quotes is None:
        from .quotes import extract_quotes

        quotes = extract_quotes(text)
    found = find_candidates(doc, quotes)
    about = focus is None  # a focus read from this article is what it is about
    if focus is None:
        focus = _focus(text, doc.mentions, title, resolver, published, found.agent_spans)
    reactors = keep_reactors(doc, found, focus, domestic=domestic)
    relevant = relevance(doc, focus, title, found, about)
    return judge_stance(doc, reactors, focus, relevant=relevant, off_topic=off_topic)


def _refine(res: Resolution, text: str, s: int, ph: _Phrase,
            resolver: ActorResolver) -> Resolution:
    """Name organisations referred to as "the alliance"; give group nouns a role."""
    from dataclasses import replace as _replace

    if all(m.type == "organisation" for m in ph.mentions):
        # "the alliance", "The Collective Security Treaty Organization (CSTO)", "the EU":
        # one name per organisation
        ent = resolver.entity(res.code)
        if ent is not None:
            res = _replace(res, actor=ent.name)
    if res.role is None:
        pw = _GROUP_BEFORE.search(text[max(s, ph.start - 40):ph.start])
        if pw and pw.group(1).lower() in _GROUP_NOUNS:
            from .actors import role_of

            res = _replace(res, role=role_of(pw.group(1)) or "official")
    return res


def _phrase_text(text: str, s: int, ph: _Phrase) -> str:
    start = ph.start
    # include a leading group noun: "Politicians in Berlin"
    pw = _GROUP_PHRASE.search(text[max(s, start - 40):start])
    if pw and pw.group(1).split()[0].lower() in _GROUP_NOUNS:
        start -= len(pw.group(1))
    return text[start:ph.end].strip()


_GROUP_NOUNS = lex.GROUP_NOUNS


def _starts_clause(text: str, cs: int, pos: int) -> bool:
    words = [w.lower() for w in _WORDS.findall(text[cs:pos])]
    return all(w in _OPENER_DETS or w in _CLAUSE_OPENERS for w in words)


_HONORIFICS = frozenset("mr mrs ms dr sir dame lord lady m mme herr frau".split())
_OPENER_DETS = frozenset("the a an its his her their also".split())
_SUBJECT_OK = frozenset("the a an its his her their also both neither either even only "
                        "while whereas but and or as when where so yet meanwhile however then "
                        "now today yesterday later earlier instead too separately der die das "
                        "den dem auch aber und le la les un une des du aussi mais et".split()) | \
    _MODIFIERS | _COORD


_CLAUSE_OPENERS = frozenset(
    "according to , on in a statement separately earlier later meanwhile however but and while "
    "whereas as when where so yet instead also too even then now today yesterday monday "
    "tuesday wednesday thursday friday saturday sunday".split())


_NEW_CLAUSE = re.compile(r"(?:[,;]\s*|\s)(?:while|whereas|but|and|as)\s+(?:the\s+)?$",
                         re.IGNORECASE)


def _new_attribution(text: str, m: Mention, s: int, e: int) -> bool:
    """Inside reported words, "..., while Moscow said ..." starts a statement of its own."""
    if not _NEW_CLAUSE.search(text, max(s, m.start - 12), m.start):
        return False
    nxt = re.match(r"[\w\s'’-]{0,40}?\b([\w'’-]+)", text[m.end:min(e, m.end + 60)])
    return bool(nxt) and nxt.group(1).lower() in _SPEECH


def _is_object(ph: _Phrase, trig, coded_before: list[_Phrase], clause_of) -> bool:
    """An actor after the verb of an earlier actor in its clause is that verb's object:
    "Valcan asked the Eastern Security Compact for military assistance"."""
    cs = clause_of(ph.start)[0]
    subj = [p for p in coded_before if p.start >= cs]
    if not subj:
        return False
    return any(subj[0].end <= t[0] and t[1] <= ph.start for t in trig)


def _agent_mode(text, s, ph: _Phrase, trig, prev_agent, prev_mode, para_starts, clause_of):
    """``"before"`` (subject before its trigger), ``"after"`` (from/by agent) or None."""
    if not ph.coded and not ph.has_person:
        return None
    # datelines: "ALMATY (dpa/AFP) -", "Korvany, March 6 (Reuters) -"
    if ph.start in para_starts or ph.start == s:
        if _DATELINE.match(text, ph.end):
            return None
    if ph.possessive_only:
        return None
    prev = _prev_words(text, s, ph.start, 4)
    # drop determiners and honorifics right before the phrase ("under Mr. Putin")
    while prev and (prev[-1] in _DETERMINERS or prev[-1] in _HONORIFICS):
        prev.pop()
    # "from the Moscow-led ESC", "of the regional bloc": skip modifiers back to a preposition
    k = len(prev) - 1
    while k > 0 and (("-" in prev[k] and prev[k][0].isalpha()) or prev[k] in _MODIFIERS
                     or prev[k] in _DETERMINERS):
        k -= 1
    if k < len(prev) - 1 and k >= 0 and prev[k] in _PREPS:
        prev = prev[:k + 1]  # the preposition decides, as if the modifiers were not there
    p1 = prev[-1] if prev else None
    p2 = prev[-2] if len(prev) > 1 else None
    has_before = any(t[0] >= ph.end for t in trig)
    has_trigger_before = any(t[1] <= ph.start for t in trig)
    gap_prev = text[prev_agent.end:ph.start] if prev_agent else ""
    # "In Berlin, Merkel said": a prepositional phrase that opens the clause, then its subject;
    # not a list after a preposition ("serving in Iran, Turkey and France, praised")
    before_prev = _prev_words(text, s, prev_agent.start, 2) if prev_agent is not None else []
    intro = prev_agent is not None and p1 == "," and prev_mode is None and \
        bool(before_prev) and before_prev[-1] in _PREPS and \
        (len(before_prev) < 2 or before_prev[-2] in _CLAUSE_OPENERS)
    if p1 in _COORD and prev_agent is not None and not intro and \
            _COORD_PREV.fullmatch(gap_prev):
        return prev_mode
    if p1 in _SPEECH and p2 in (",", "\u201d", '"') and has_trigger_before:
        # '"...", said Macron'; not "X, a strategist, said the British vote ..."
        return None if _demonym_without_state_noun(text, ph) else "inverted"
    if p1 in ("in", "from", "aus") and p2 in _GROUP_NOUNS and has_before:
        return "before"
    if p1 in _AGENT_AFTER and not _demonym_without_state_noun(text, ph) and any(t[1] <= ph.start and t[2] in _SUBSTANTIVE and
                                  ph.start - t[1] <= _AFTER_GAP for t in trig):
        return "after"
    if any(t[2] == "source" and t[1] == ph.start - _lead(text, ph.start) for t in trig) and \
            (ph.has_person or any(m.type == "title" for m in ph.mentions) or
             not ph.bare_place):
        return "source"  # "..., according to the foreign ministry in Berlin"
    if p1 in _PREPS or (p1 == "'s") or (p1 in ("according",)):
        return None
    if not has_before:
        return None
    if ph.bare_place:
        cs = clause_of(ph.start)[0]
        if not _starts_clause(text, cs, ph.start):
            return None
    if _demonym_without_state_noun(text, ph):
        return None
    if p1 is not None and p1.isalpha() and p1 not in _SUBJECT_OK and \
            ph.mentions[0].type != "title" and _lower_word_before(text, s, ph.start):
        # "to leave the European Union in ...", "offers Russia": a lower-case word that is
        # neither a determiner nor a clause opener: the phrase is an object, not a subject
        return None
    return "before"


def _lower_word_before(text: str, s: int, pos: int) -> bool:
    """The word before ``pos`` (determiners and honorifics skipped) is written in lower case."""
    for w in reversed(_WORDS.findall(text[max(s, pos - 50):pos])):
        low = w.lower()
        if low in _DETERMINERS or low in _HONORIFICS:
            continue
        return w == low
    return False


def _demonym_without_state_noun(text: str, ph: _Phrase) -> bool:
    """ "Russian troops arrived" acts for the state; "German carmaker BMW said", "concerns
    from Chinese parents" do not."""
    if not all(m.type == "demonym" for m in ph.mentions):
        return False
    nxt = _NEXT_WORD.match(text[ph.end:ph.end + 30])
    return not nxt or nxt.group(1).lower() not in _STATE_NOUNS


# "support is coming from Moscow", "condemnation by Paris": the cue is close to its agent
_AFTER_GAP = 16
# "Germany condemned", "The White House said it was": the trigger follows its subject closely
_BEFORE_GAP = 70

_STATE_NOUNS = frozenset(
    "troops forces soldiers military army navy paratroopers peacekeepers side state police "
    "authorities officials diplomats leadership leaders delegation regime administration "
    "establishment security intelligence embassy consulate mission junta parliament "
    "Polizei Behörden Regierung Führung police autorités gouvernement "
    "Truppen Soldaten Armee Streitkräfte troupes soldats armée forces".lower().split())


#: Weight of a mention that is a reacting actor (a quote's speaker, an action's agent,
#: a headline's opening actor) in focus detection: the place discussed counts fully.
AGENT_WEIGHT = 0.0


def _title_agent(title: str, ms: list[Mention]) -> tuple[int, int] | None:
    """The headline's opening actor when a trigger follows it ("Kremlin says ...",
    "Canada condemns ...", "Wehrmann: ..."): a reacting actor, not the place discussed."""
    phrases = _phrases(title, ms)
    if not phrases:
        return None
    ph = phrases[0]
    if not _starts_clause(title, 0, ph.start):
        return None
    rest = title[ph.end:ph.end + 40]
    if re.match(r"\s*[:\u2013\u2014-]\s", rest):
        # "Wehrmann: ..." quotes a person; "Kazakhstan: deadly unrest" names the place
        return (ph.start, ph.end) if not ph.bare_place else None
    trig = _triggers(title, ph.end, min(len(title), ph.end + 40), lambda p: False)
    if trig and not re.search(r"\b(?:in|on|over|to|against|for|with)\b",
                              title[ph.end:trig[0][0]]):
        return ph.start, ph.end
    return None


def _focus_scores(text, mentions, title, resolver, published, exclude) -> Counter:
    spans = sorted(exclude)
    starts = [a for a, _ in spans]

    def excluded(m: Mention) -> bool:
        i = bisect.bisect_right(starts, m.start) - 1
        return i >= 0 and spans[i][0] <= m.start < spans[i][1]

    scores: Counter = Counter()
    paras = paragraphs(text)
    lede_end = paras[0][1] if paras else 0
    for m in _state_mentions(mentions, resolver):
        w = 2.0 if m.start < lede_end else 1.0
        scores[m.code] += w * AGENT_WEIGHT if excluded(m) else w
    if title:
        tms = resolver.find_mentions(title, published=published)
        skip = _title_agent(title, tms)
        for m in _state_mentions(tms, resolver):
            agent = skip is not None and skip[0] <= m.start < skip[1]
            scores[m.code] += 3.0 * AGENT_WEIGHT if agent else 3.0
    return scores


def _focus(text, mentions, title, resolver, published, exclude) -> str | None:
    scores = _focus_scores(text, mentions, title, resolver, published, exclude)
    scores = {k: v for k, v in scores.items() if v > 0}
    if not scores:
        return None
    return max(scores, key=scores.get)


# --------------------------------------------------------------------------------------------
# Table
# --------------------------------------------------------------------------------------------

_ARTICLE_COLS = ("article_id", "outlet", "published", "text")
_REACTION_FIELDS = ("country", "actor", "actor_role", "actor_kind", "stance",
                    "stance_confidence", "relevant", "polarity", "subjectivity", "text", "start",
                    "end", "cue", "domestic", "focus", "source")


def reactions_table(articles: pd.DataFrame, *, focus: str | Mapping[str, str] | None = None,
                    actors=None, domestic: bool = True, off_topic: bool = False,
                    progress: bool = False, workers: int = 1,
                    quotes: pd.DataFrame | None = None,
                    mentions: Sequence[list[Mention] | None] | None = None) -> pd.DataFrame:
    """One row per reaction (and, by default, per domestic statement) in every article.

    Parameters
    ----------
    articles : DataFrame
        Table with the ARTICLES schema; ``article_id``, ``outlet``, ``published`` and
        ``text`` are required; ``title`` (focus detection) and ``outlet_country`` are used
        when present.
    focus : str, mapping or None
        ISO alpha-3 code of the event's country for the whole corpus; or a mapping
        ``article_id -> code``; None detects one focus for the corpus (see the module notes);
        ``"per-article"`` detects it in each article (:func:`detect_focus`), for corpora
        about several events.
    actors : optional
        Extra actors/entities tables, e.g. ``"data/sample"`` (see :func:`resolver_for`).
    domestic : bool, default True
        Keep the focus country's own statements, marked ``domestic=True``. Filter with
        ``table[~table["domestic"]]`` for reactions only.
    off_topic : bool, default False
        Keep statements that are not about the focus, marked ``relevant=False`` (see
        :func:`extract_reactions`). Off by default: in a corpus about several events, a
        statement on another matter is not a reaction to this one.
    progress : bool, default False
        Show a ``tqdm`` progress bar.
    workers : int, default 1
        Processes to spread the articles over (``actors`` must then be paths, not a
        DataFrame). The rows come out in the same order as with one process.
    quotes : DataFrame, optional
        The QUOTES table of the same articles (:func:`coverage_kit.quotes_table`), to reuse
        instead of extracting the quotes again.
    mentions : sequence, optional
        Per row of ``articles``, the actor mentions of its text as
        ``ActorResolver.find_mentions(text, published=...)`` gives them with the same
        ``actors``, found already (a build's focus pass finds them); None (for the table or
        a row) finds them here.

    Returns
    -------
    DataFrame
        REACTIONS schema (see :mod:`coverage_kit.schema`), then the ``REACTIONS_EXTRA``
        columns ``stance_confidence``, ``relevant``, ``source`` and ``evidence``.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a1"], "outlet": ["Example Post"],
    ...     "published": [pd.Timestamp("2022-01-07", tz="UTC")], "title": ["Kazakhstan unrest"],
    ...     "text": ["Xi praised Tokayev's decisive measures. Germany condemned the killings."]})
    >>> reactions_table(arts)[["focus", "country", "stance"]].values.tolist()
    [['KAZ', 'CHN', 'support'], ['KAZ', 'DEU', 'condemn']]
    """
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(f"reactions_table expects the articles DataFrame, got "
                        f"{type(articles).__name__}; use extract_reactions(text) for one string")
    require_columns(articles, _ARTICLE_COLS, "articles")
    resolver = resolver_for(actors)
    texts = articles["text"].tolist()
    titles = articles["title"].tolist() if "title" in articles.columns else [None] * len(texts)
    ids = articles["article_id"].tolist()
    pubs = articles["published"].tolist()
    if focus is None:
        focus = corpus_focus(articles, actors=resolver)
    elif focus == "per-article":
        focus = {}
    outlet_country = (articles["outlet_country"].tolist() if "outlet_country" in articles.columns
                      else [None] * len(texts))
    given = _quotes_by_article(quotes) if quotes is not None else None
    readable, skipped = lex.unsupported_languages(
        articles["language"].tolist() if "language" in articles.columns else [None] * len(texts))
    note = lex.unsupported_note(skipped, "reactions")
    if note:
        warnings.warn(note, stacklevel=2)
    jobs = [(i, texts[i], titles[i] if isinstance(titles[i], str) else None,
             None if pd.isna(pubs[i]) else pubs[i],
             focus.get(ids[i]) if isinstance(focus, Mapping) else focus,
             None if given is None else given.get(ids[i], []),
             None if mentions is None else mentions[i])
            for i in range(len(texts))
            if isinstance(texts[i], str) and texts[i].strip() and readable[i]]
    outlets = articles["outlet"].tolist()
    rows = []
    if in_processes(len(jobs), workers) and (
            isinstance(actors, (pd.DataFrame, ActorResolver)) or (
                isinstance(actors, (list, tuple)) and
                any(isinstance(a, pd.DataFrame) for a in actors))):
        raise ValueError("with workers > 1, pass actors as file or folder paths")
    for i, recs in map_in_order(_records, jobs,
                                args=(actors if workers > 1 else resolver, (domestic, off_topic)),
                                workers=workers, progress=progress, desc="reactions"):
        for rec in recs:
            rec["article_id"] = ids[i]
            rec["outlet"] = outlets[i]
            rec["outlet_country"] = outlet_country[i]
            rec["published"] = pubs[i]
            rows.append(rec)
    if not rows:
        out = empty(REACTIONS)
        for col, dtype in REACTIONS_EXTRA.items():
            out[col] = pd.Series([], dtype=dtype)
    else:
        df = pd.DataFrame(rows)
        out = conform(df, REACTIONS, name="reactions")
        out = out[list(REACTIONS)]
        for col, dtype in REACTIONS_EXTRA.items():
            out[col] = df[col].astype(dtype).to_numpy()
    if isinstance(articles["outlet"].dtype, pd.CategoricalDtype):
        out["outlet"] = pd.Categorical(out["outlet"].astype(object),
                                       dtype=articles["outlet"].dtype)
    out["stance"] = pd.Categorical(out["stance"].astype(object), categories=list(STANCES))
    out["actor_kind"] = pd.Categorical(out["actor_kind"].astype(object),
                                       categories=["state", "organisation"])
    out.attrs["unextracted_languages"] = skipped
    return out


_QUOTE_FIELDS = ("quote", "start", "end", "kind", "speaker", "speaker_mention",
                 "speaker_start", "speaker_end", "carried", "cue", "cue_start", "cue_end",
                 "speaker_role")


class _QuoteRow(NamedTuple):
    """A QUOTES-table row with the attributes :func:`extract_reactions` reads (a tuple: built
    per row of the table, so it has to be cheap)."""

    quote: str
    start: int
    end: int
    kind: str
    speaker: str | None
    speaker_mention: str | None
    speaker_start: int | None
    speaker_end: int | None
    carried: bool
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker_role: str | None


def _quotes_by_article(quotes: pd.DataFrame) -> dict[str, list[_QuoteRow]]:
    require_columns(quotes, ("article_id", *_QUOTE_FIELDS), "quotes",
                    expected="the QUOTES table of coverage_kit.quotes_table")
    out: dict[str, list[_QuoteRow]] = defaultdict(list)
    cols = {c: quotes[c].astype(object).where(quotes[c].notna(), None).tolist()
            for c in ("article_id", *_QUOTE_FIELDS)}
    rows = map(functools.partial(tuple.__new__, _QuoteRow), zip(*(cols[c] for c in _QUOTE_FIELDS)))
    for aid, row in zip(cols["article_id"], rows):
        out[aid].append(row)
    for rows in out.values():
        rows.sort(key=_START)
    return out


_START = operator.attrgetter("start")


def _records(job, actors, options) -> tuple[int, list[dict]]:
    row, text, title, pub, focus, quotes, mentions = job
    domestic, off_topic = options
    out = []
    for r in extract_reactions(text, focus=focus, published=pub, title=title, actors=actors,
                               domestic=domestic, off_topic=off_topic, quotes=quotes,
                               mentions=mentions):
        rec = {f: getattr(r, f) for f in _REACTION_FIELDS}
        rec["evidence"] = "; ".join(r.evidence)
        out.append(rec)
    return row, out


def corpus_focus(articles: pd.DataFrame, *, actors=None) -> str | None:
    """One focus country for a whole corpus: each article votes with its mention shares.

    Examples
    --------
    >>> arts = pd.DataFrame({"title": ["Unrest in Kazakhstan", "Moscow sends troops"],
    ...     "text": ["Kazakh police fired.", "Troops flew to Almaty, Kazakhstan."]})
    >>> corpus_focus(arts)
    'KAZ'
    """
    resolver = resolver_for(actors)
    votes: Counter = Counter()
    titles = articles["title"].tolist() if "title" in articles.columns else [None] * len(articles)
    pubs = articles["published"].tolist() if "published" in articles.columns else \
        [None] * len(articles)
    for text, title, pub in zip(articles["text"].tolist(), titles, pubs):
        if not isinstance(text, str):
            continue
        s = focus_scores(text, title=title if isinstance(title, str) else None,
                         actors=resolver, published=None if pd.isna(pub) else pub,
                         reacting=True)
        total = sum(s.values())
        for k, v in s.items():
            votes[k] += v / total
    if not votes:
        return None
    return max(votes, key=votes.get)
