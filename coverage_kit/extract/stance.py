"""Stance of a reaction: ``condemn``, ``concern``, ``support`` or ``neutral``.

A rule-and-lexicon classifier for statements and reported actions about a crisis, in English,
German and French. It answers the question a media researcher asks of an international
reaction: does the reacting actor *condemn* the government's action, voice *concern* (calls for
restraint, de-escalation, an end to violence, dialogue, the release of detainees), *support* the
government (praise, backing, troops sent at its request, siding with its line that protesters
are "terrorists" or that unrest is foreign-made) or stay *neutral* (phone calls, meetings,
factual statements)?

How a statement is scored
-------------------------
* Every cue of the lexicon (``lexicon/stance.<language>.tsv``, one file per language, read by
  :func:`load_stance_lexicon`) has a class and a weight (2 for ordinary cues, 3 for
  unmistakable ones such as "crimes against humanity", 1 for weak ones such as "criticism").
  The cues are written for real statement language: "accused Beijing of", "a flagrant
  violation of", "politically motivated", "cannot be left without consequences", "will
  never accept", "spoke out against", "deeply disappointed", "offered condolences".
* **Negation** in the same clause, up to three words before the cue ("did *not* condemn",
  "refused to condemn", "played down concerns", "*keine* Unterstützung", French "ne ... pas")
  turns a cue into its weaker neighbour: condemn -> neutral, support -> concern,
  concern -> neutral.
* **Hedges** ("may", "could", "reportedly", "möglicherweise", "pourrait") halve a cue's weight
  and soften condemn to concern.
* **Intensifiers** ("strongly", "firmly", "in the strongest terms", "aufs Schärfste") add 1.
* **Targets** decide whom a cue is for: support "for the protesters" or "for the opposition",
  and welcoming "the release" or "talks", are concern; condemning the government's clear
  non-state opponents ("terrorists", "rioters", "foreign interference") is not a condemnation
  of the government and counts as neutral. **No rule turns a condemnation into support**: a
  condemnation of "the arrest ... on terrorism charges" or of a test "as provocative and
  destabilizing" stays a condemnation. Opposing "all forces that undermine stability" and
  rejecting foreign interference are support cues of their own.
* The class with the largest total wins; neutral cues only win when nothing else matched.
  Ties go to the stronger stance (condemn > concern > support). ``confidence`` says how
  clearly (see :func:`classify_stance`).

TextBlob polarity is *not* used here: a statement of deep concern and a condemnation both read
as negative, while praise of a crackdown reads as positive. The reaction table carries polarity
as a separate column.

The accuracy of these rules is measured on real news by ``benchmarks/bench_reactions_real.py``
(hand-annotated articles from ``../shared``), and on written statements, pinned as floors in
``tests/data/reactions_floors.json`` (``tests/test_reactions_stance.py``):

* the development set ``tests/data/reactions_stance_gold.csv`` (107 statements in English,
  German and French; the first rules were tuned on it): accuracy 0.99;
* the held-out set ``tests/data/reactions_stance_heldout.csv`` (52 statements written after
  the first rules were frozen, never tuned on): accuracy 0.87.

Examples
--------
>>> classify_stance("We condemn the use of lethal force against peaceful protesters.").stance
'condemn'
>>> classify_stance("We call on all sides to exercise restraint.").stance
'concern'
>>> classify_stance("Xi praised the decisive measures taken by the authorities.").stance
'support'
>>> classify_stance("Putin spoke to Tokayev several times by phone.").stance
'neutral'
>>> classify_stance("Berlin did not condemn the arrests.").stance
'neutral'
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..schema import STANCES

__all__ = ["Stance", "classify_stance", "find_cues", "load_stance_lexicon", "STANCE_ORDER"]

#: Stances from strongest to weakest (the one list, :data:`coverage_kit.schema.STANCES`);
#: ties in score go to the earlier one.
STANCE_ORDER = STANCES


@dataclass(frozen=True)
class Stance:
    """A stance decision with its evidence.

    Attributes
    ----------
    stance : str
        One of :data:`coverage_kit.schema.STANCES`.
    score : float
        Total weight of the winning class (0 when no cue matched).
    evidence : tuple of str
        The cues that counted for the winning class, as found in the text; negated, hedged or
        intensified cues are marked ``not:`` / ``hedged:`` / ``strong:``.
    confidence : float
        0..1: how clearly the cues point at ``stance`` (see :func:`classify_stance`).
    """

    stance: str
    score: float
    evidence: tuple[str, ...] = ()
    confidence: float = 0.5


# --------------------------------------------------------------------------------------------
# Lexicon: lexicon/stance.<language>.tsv (kind, weight, pattern), one home per language
# --------------------------------------------------------------------------------------------

_LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
_W = r"(?:\s+\S+){0,3}?\s+"  # "{W}" in a pattern: up to three words in between
_FLAGS = re.IGNORECASE | re.UNICODE
_CUE_KINDS = STANCES
_WORD_KINDS = ("negator", "near_negator", "det", "hedge", "intensifier")
_PATTERN_KINDS = ("refusal", "rejection", "government_line", "interference", "protest_side",
                  "government_noun", "government_action")


def load_stance_lexicon(folder: Path | None = None) -> dict[str, list[tuple[float, str]]]:
    """Read every ``stance.<language>.tsv`` in ``folder``: ``{kind: [(weight, pattern)]}``.

    Raises
    ------
    InputError
        A row with an unknown kind, a weight that is not a number or a pattern that does not
        compile, naming the file and line.

    Examples
    --------
    >>> lex = load_stance_lexicon()
    >>> sorted(k for k in lex if k in ("condemn", "negator"))
    ['condemn', 'negator']
    """
    folder = _LEXICON_DIR if folder is None else Path(folder)
    out: dict[str, list[tuple[float, str]]] = {}
    known = set(_CUE_KINDS) | set(_WORD_KINDS) | set(_PATTERN_KINDS)
    files = sorted(folder.glob("stance.*.tsv"))
    if not files:
        raise InputError(str(folder), None, "no stance.<language>.tsv lexicon found; "
                         "reinstall coverage-kit")
    for path in files:
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or parts[0] not in known:
                raise InputError(str(path), i, f"expected 'kind<TAB>weight<TAB>pattern' with a "
                                 f"kind among {', '.join(sorted(known))}; got {line[:60]!r}")
            kind, weight, pattern = parts
            try:
                w = float(weight)
                pattern = pattern.replace("{W}", _W)
                re.compile(pattern, _FLAGS)
            except (ValueError, re.error) as exc:
                raise InputError(str(path), i, f"bad weight or pattern: {exc}") from exc
            out.setdefault(kind, []).append((w, pattern))
    return out


_LEX = load_stance_lexicon()


def _words(kind: str) -> frozenset[str]:
    return frozenset(w for _, p in _LEX.get(kind, ()) for w in p.split("|"))


def _any(kind: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for _, p in _LEX[kind]), _FLAGS)


_LEXICON: list[tuple[str, float, str]] = [(k, w, p) for k in _CUE_KINDS
                                          for w, p in _LEX.get(k, ())]
# One pass over the text: every lexicon entry is a named group, strongest first, so where two
# cues start at the same place the stronger one wins ("deep concern" before "concern").
_BY_WEIGHT = sorted(range(len(_LEXICON)), key=lambda i: -_LEXICON[i][1])
_MASTER_SRC = r"(?<![\w-])(?:" + "|".join(f"(?P<g{i}>{_LEXICON[i][2]})" for i in _BY_WEIGHT) + ")"
_MASTER = re.compile(_MASTER_SRC, _FLAGS)
_GROUP_CLASS = {f"g{i}": (_LEXICON[i][0], _LEXICON[i][1]) for i in range(len(_LEXICON))}

# Where may a cue start? Trying the big alternation at every word is slow; a word whose first
# letters cannot begin any cue is skipped. Whether a prefix can begin a cue is asked once per
# prefix of the public ``regex`` module's partial matching, and remembered.
_PREFIX_LEN = 5
_SPACES = {ord(ch): " " for ch in "\t\n\r\x0b\x0c\xa0\u2009\u202f"}
_WORD_START = re.compile(r"(?<![\w-])\w")
_PARTIAL = None
_CAN_START: dict[str, bool] = {}
_SEEN: dict[str, bool] = {}  # the same, keyed by the text as written (before space folding)


def _can_start(prefix: str) -> bool:
    global _PARTIAL
    ok = _CAN_START.get(prefix)
    if ok is None and len(prefix) > 3 and not _can_start(prefix[:3]):
        ok = _CAN_START[prefix] = False  # fewer three-letter starts: most words stop here
    if ok is None:
        if _PARTIAL is None:
            import regex

            _PARTIAL = regex.compile(_MASTER_SRC.replace("(?<![\\w-])", "", 1), regex.I | regex.V0)
        ok = _PARTIAL.match(prefix, partial=True) is not None
        _CAN_START[prefix] = ok
    return ok


def _branches(pattern: str) -> list[str]:
    r"""The top-level alternatives of a regular expression (``"a|b(c|d)"`` -> ``a``, ``b(c|d)``).

    >>> _branches(r"condemn\w*|[|]x|(?:deep|grave)\s+concern")
    ['condemn\\w*', '[|]x', '(?:deep|grave)\\s+concern']
    """
    out, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += pattern.startswith("^", i + 1)
            i += pattern.startswith("]", i + 1)  # "[]" and "[^]": the ']' is a member
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


# The master pattern tried at a word start holds hundreds of alternatives, and the regex
# engine tries them one by one. The alternatives that cannot begin with the word's first
# character fail there anyway: a pattern per first character keeps only the others, in the
# same order and groups, so it matches exactly what the master matches, several times faster.
_SPLIT = [(f"g{i}", _branches(_LEXICON[i][2])) for i in _BY_WEIGHT]
_BY_FIRST: dict[str, re.Pattern] = {}
_BRANCH_PARTIAL: dict[str, object] = {}


def _partial(pattern: str):
    """``pattern`` compiled by the ``regex`` module, which can tell whether a string is the
    start of a possible match."""
    rx = _BRANCH_PARTIAL.get(pattern)
    if rx is None:
        import regex

        rx = _BRANCH_PARTIAL[pattern] = regex.compile(pattern, regex.I | regex.V0)
    return rx


def _master_for(ch: str) -> re.Pattern:
    pat = _BY_FIRST.get(ch)
    if pat is None:
        parts = []
        for name, branches in _SPLIT:
            keep = []
            for b in branches if _partial("|".join(branches)).match(ch, partial=True) else ():
                if _partial(b).match(ch, partial=True) is not None:
                    keep.append(b)
            if keep:
                parts.append(f"(?P<{name}>{'|'.join(keep)})")
        pat = _BY_FIRST[ch] = re.compile(r"(?<![\w-])(?:" + ("|".join(parts) or "(?!)") + ")",
                                         _FLAGS)
    return pat


def _cues(text: str, start: int = 0, end: int | None = None):
    """``(start, end, class, weight)`` of every cue, left to right, without overlaps."""
    end = len(text) if end is None else end
    done = start
    seen = _SEEN
    for ws in _WORD_START.finditer(text, start, end):
        pos = ws.start()
        if pos < done:
            continue
        w = text[pos:min(end, pos + _PREFIX_LEN)].lower()
        ok = seen.get(w)
        if ok is None:
            ok = seen[w] = _can_start(w.translate(_SPACES))
        if not ok:
            continue
        m = _master_for(text[pos]).match(text, pos, end)
        if m is None:
            continue
        cls, wt = _GROUP_CLASS[m.lastgroup]
        yield m.start(), m.end(), cls, wt
        done = m.end()


# Words that flip a cue when they come up to three words before it, in the same clause.
_NEGATORS = _words("negator")
_NEAR_NEGATORS = _words("near_negator")
_DETS = _words("det")
_NEG_PHRASE = _any("refusal")
_HEDGES = _words("hedge")
_INTENSIFIERS = _words("intensifier")
_CLAUSE = re.compile(r"[.;:!?\u2013\u2014]|,\s+(?:but|aber|mais)\b")
_WORD = re.compile(r"[\w'’-]+")

# Targets: whom a cue is about (looked for in the 80 characters after the cue).
_GOVERNMENT_LINE = _any("government_line")
_INTERFERENCE = _any("interference")
_PROTEST_SIDE = _any("protest_side")
_GOVERNMENT_NOUN = _any("government_noun")
_GOVERNMENT_ACTION = _any("government_action")
_REJECTION = re.compile(r"(?:" + _any("rejection").pattern + r")$", _FLAGS)

_WEAKER = {"condemn": "neutral", "support": "concern", "concern": "neutral", "neutral": "neutral"}


def _clause_before(text: str, start: int) -> str:
    left = text[max(0, start - 80):start]
    parts = _CLAUSE.split(left)
    return parts[-1] if parts else left


def _negated(text: str, start: int, end: int) -> bool:
    left = _clause_before(text, start)
    words = [w.lower().replace("’", "'") for w in _WORD.findall(left)][-3:]
    if any((w in _NEGATORS and w not in _NEAR_NEGATORS) or w.endswith("n't") for w in words):
        return True
    # "without", "no", "ohne", "sans" negate only the word right after them ("no support",
    # "without condemning"), not a later one ("shot without warning has left the circle ...")
    if words and (words[-1] in _NEAR_NEGATORS or (
            len(words) > 1 and words[-2] in _NEAR_NEGATORS and words[-1] in _DETS)):
        return True
    if _NEG_PHRASE.search(left):
        return True
    # French "ne condamne pas", "n'a pas condamné"
    if words and words[-1] in ("ne", "n'") or re.search(r"\bn['’]\w*$|\bne\s+$", left, _FLAGS):
        if re.match(r"\s+(?:pas|jamais|plus|point)\b", text[end:end + 12], _FLAGS):
            return True
    if re.search(r"\bn['’]a\s+pas\s+$|\bne\s+\w+\s+pas\s+$", left, _FLAGS):
        return True
    return False


def _hedged(text: str, start: int) -> bool:
    left = _clause_before(text, start)
    words = [w.lower() for w in _WORD.findall(left)][-5:]
    if any(w in _HEDGES for w in words):
        return True
    # conditional "would be a grave mistake" (but not reported future "would push for")
    return re.search(r"\bwould\s+(?:\w+\s+)?be\b(?:\s+\S+){0,3}\s*$", left, _FLAGS) is not None


def _intensified(text: str, start: int, end: int) -> bool:
    words = [w.lower() for w in _WORD.findall(_clause_before(text, start))][-2:]
    if any(w in _INTENSIFIERS for w in words):
        return True
    return re.match(r"[\w\s,]{0,40}?\b(?:in\s+the\s+strongest|aufs\s+Schärfste|"
                    r"avec\s+la\s+plus\s+grande\s+fermeté)", text[end:end + 60], _FLAGS) is not None


def _target(text: str, end: int) -> str | None:
    window = text[end:end + 80]
    window = _CLAUSE.split(window)[0]
    g = _GOVERNMENT_LINE.search(window)
    p = _PROTEST_SIDE.search(window)
    gov = _GOVERNMENT_NOUN.search(window)
    act = _GOVERNMENT_ACTION.search(window)
    if act and (not gov or act.start() < gov.start()):
        gov = act  # "condemns the arrest ... on terrorism charges": the state's own act
    if gov and (not p or gov.start() < p.start()) and (not g or gov.start() < g.start()):
        return "government"
    if g and (not p or g.start() < p.start()):
        if _INTERFERENCE.match(window, g.start()) or _INTERFERENCE.search(window[:g.end()]):
            return "interference"
        return "government-line"
    if p:
        return "protest-side"
    return None


def _confidence(best: str, scores: dict[str, float]) -> float:
    """How clearly the cues point at ``best``: its share of all cue weight, and how much
    weight there is (one weak cue is less sure than a strong one or several)."""
    total = sum(scores.values())
    if total == 0:
        return 0.5  # nothing to go on: neutral by default
    if best == "neutral":
        return round(min(0.9, 0.6 + 0.1 * scores["neutral"]), 2)
    share = scores[best] / total
    strength = 1 - math.exp(-scores[best] / 2)
    return round(0.5 * share + 0.5 * strength, 2)


def classify_stance(text: str, *, cue: str | None = None) -> Stance:
    """Classify the stance of one statement or reported action.

    Every cue of the lexicon (``lexicon/stance.<language>.tsv``) found in the statement adds
    its weight to its stance, after these rules:

    * **negation** within three words before the cue, in the same clause ("did *not*
      condemn", "refused to condemn", "ne ... pas") turns it into its weaker neighbour
      (condemn -> neutral, support -> concern, concern -> neutral);
    * **hedges** ("may", "reportedly", "könnte", "pourrait") halve its weight and soften
      condemn to concern;
    * **intensifiers** ("strongly", "firmly", "in the strongest terms") add 1;
    * **targets**: support "for the protesters", welcoming "the release", is concern; a
      condemnation of the government's opponents ("condemns the terrorist attacks on
      police") is not a condemnation of the government, so it counts as neutral, never as
      support: no rule turns a condemnation into support. Only rejecting foreign
      interference ("rejects foreign meddling") is support.

    The class with the largest total wins; neutral cues only win when nothing else matched;
    ties go to the stronger stance (condemn > concern > support). ``confidence`` is half the
    winner's share of all cue weight plus half ``1 - exp(-score / 2)``; 0.5 when no cue
    matched.

    Parameters
    ----------
    text : str
        The statement (a quote, an indirect quote or an action sentence).
    cue : str, optional
        The reporting verb or phrase the statement came with ("condemned", "urged", "praised",
        "warned"); it is scored as part of the statement.

    Returns
    -------
    Stance
        ``stance`` plus the score, the cues that decided it and a confidence.

    Examples
    --------
    >>> classify_stance("an end to the violence", cue="called for").stance
    'concern'
    >>> classify_stance("China rejects any attempt by foreign forces to provoke unrest").stance
    'support'
    >>> classify_stance("Die Bundesregierung verurteilt die Gewalt aufs Schärfste.").stance
    'condemn'
    >>> classify_stance("La France appelle à la retenue et au dialogue.").stance
    'concern'
    >>> st = classify_stance("We strongly condemn the detention.")
    >>> st.stance, st.evidence, st.confidence
    ('condemn', ('strong:condemn',), 0.93)
    """
    full = f"{cue} {text}" if cue else text
    scores = {s: 0.0 for s in STANCES}
    evidence: dict[str, list[str]] = {s: [] for s in STANCES}
    for s, e, cls, weight in _cues(full):
        found, label, w = cls, full[s:e], weight
        if cls in ("condemn", "concern") or (cls == "support" and weight < 3):
            tgt = _target(full, e)
            rejecting = _REJECTION.match(label) is not None
            if rejecting and tgt == "interference":
                found, label = "support", f"{label} (rejects interference)"
            elif cls == "condemn" and tgt in ("government-line", "interference"):
                # condemning the government's opponents is not condemning the government;
                # it is not support either
                found, label, w = "neutral", f"{label} (against government's opponents)", 1
            elif cls == "support" and tgt == "protest-side" and not re.match(
                    r"stabili|constitutional|restor|decisive|firm|highly", label, _FLAGS):
                found, label = "concern", f"{label} (for the protest side)"
        if _negated(full, s, e):
            found, label = _WEAKER[found], f"not:{label}"
            w = min(w, 1.5)
        elif _hedged(full, s):
            if found == "condemn":
                found = "concern"
            label, w = f"hedged:{label}", w / 2
        elif found != "neutral" and _intensified(full, s, e):
            label, w = f"strong:{label}", w + 1
        scores[found] += w
        evidence[found].append(label)
    substantive = [s for s in STANCES[:3] if scores[s] > 0]
    if substantive:
        best = max(substantive, key=lambda s: (scores[s], -STANCES.index(s)))
    else:
        best = "neutral"
    return Stance(best, scores[best], tuple(evidence[best]), _confidence(best, scores))


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Stance cues in ``text[start:end]`` as ``(start, end, stance)``, in text order.

    No negation, hedge or target rules are applied: this says *where* a statement takes a
    position (the reaction extractor uses it to find action sentences), not which one.

    Examples
    --------
    >>> t = "Politicians are appalled, support is coming from Moscow."
    >>> [(t[s:e], c) for s, e, c in find_cues(t)]
    [('appalled', 'condemn'), ('support', 'support')]
    """
    return [(s, e, cls) for s, e, cls, _ in _cues(text, start, end)]
