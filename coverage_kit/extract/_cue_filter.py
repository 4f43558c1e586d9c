"""A small learned filter for reported speech: is this cue a reporting verb in context?

The rule stages of :mod:`coverage_kit.extract.quotes` propose indirect attributions around
every cue word. Many cue words are also nouns or non-speech verbs ("the city's *plans*",
"a team that *added* another goal", "brand *names*"). This filter scores each proposal with a
logistic model over a few dozen sparse features of its context (the cue word, the words
around it, the shape of the speaker mention and of the content) and drops the proposals
below a threshold.

The weights are plain JSON in ``lexicon/quote_filter.json``, trained on PolNeAR *train* only
by ``tools/train_quote_filter.py`` (label: the proposal matches a gold attribution with
overlap/union >= 0.5). Nothing is downloaded; scoring is a dictionary lookup per feature.

Examples
--------
>>> text = "The city's plans for the park were approved on Monday."
>>> feats = features(text, (0, 10), (11, 16), (17, 53), inverted=False)
>>> "w=plans" in feats and "p=city's" in feats
True
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache

from pathlib import Path

_LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"

__all__ = ["features", "score", "threshold", "clause_shape"]

_TOK = re.compile(r"[\w\u2019'.-]+|[^\w\s]")
_PRON = frozenset("he she they it we i you who which that".split())
_DETS = frozenset("the a an this that these those his her their its our my your".split())
_MODALS = frozenset("would will can could should may might must".split())
_AUX = frozenset("is are was were be been being has have had do does did".split())


def _tok_before(text: str, pos: int, n: int = 2) -> list[str]:
    lo = max(0, pos - 60)
    return [t.lower() for t in _TOK.findall(text, lo, pos)][-n:]


def _tok_after(text: str, pos: int, n: int = 2) -> list[str]:
    return [t.lower() for t in _TOK.findall(text, pos, pos + 60)][:n]


def _bucket(n: int) -> str:
    for b in (0, 1, 2, 3, 5, 8, 12, 20, 35):
        if n <= b:
            return str(b)
    return "big"


def _shape(word: str) -> str:
    if word in _PRON:
        return "pron"
    if word in _DETS:
        return "det"
    if word.endswith(("'s", "\u2019s")):
        return "poss"
    if word[:1].isupper():
        return "cap"
    if word[:1].isalpha():
        return "low"
    return "punct"


def features(text: str, sp: tuple[int, int] | None, cue: tuple[int, int],
             content: tuple[int, int], *, inverted: bool, origin: str = "indirect") -> list[str]:
    """Sparse features of one proposed attribution (names, no values: each counts 1)."""
    cs, ce = cue
    lo, hi = content
    w = text[cs:ce].lower()
    out = ["bias", "o=" + origin, "w=" + w, "inv=" + str(inverted)]
    before = _tok_before(text, cs)
    after = _tok_after(text, ce)
    raw_before = text[max(0, cs - 40) : cs].split()
    p1 = before[-1] if before else "<s>"
    n1 = after[0] if after else "</s>"
    n2 = after[1] if len(after) > 1 else "</s>"
    out += ["p=" + p1, "n=" + n1, "w=%s|n=%s" % (w, n1), "w=%s|p=%s" % (w, p1),
            "n12=%s_%s" % (n1, n2)]
    pshape = _shape(raw_before[-1]) if raw_before else "<s>"
    out.append("ps=" + pshape)
    out.append("w=%s|ps=%s" % (w, pshape))
    if n1 in _MODALS or n1 in _AUX:
        out.append("n_is_verb")
    if p1 in _DETS or p1.endswith(("'s", "\u2019s")):
        out.append("p_is_det")
        out.append("w=%s|p_is_det" % w)
    if p1 in _MODALS or p1 in ("to", "not", "n't", "also"):
        out.append("p_is_aux")
    if sp is not None:
        s_words = text[sp[0] : sp[1]].split()
        head = s_words[-1].lower() if s_words else ""
        out += ["sh=" + _shape(s_words[0]) if s_words else "sh=none", "shead=" + head,
                "slen=" + _bucket(len(s_words)), "sgap=" + _bucket(len(text[sp[1] : cs].split()))
                if sp[1] <= cs else "sgap=after"]
        if head in _PRON:
            out.append("w=%s|spron" % w)
    else:
        out.append("sp=none")
    n_words = len(text[lo:hi].split())
    out.append("clen=" + _bucket(n_words))
    out.append("w=%s|clen=%s" % (w, _bucket(n_words)))
    first = text[lo : lo + 12].split()
    out.append("c0=" + (first[0].lower() if first else ""))
    out.append("cbefore=" + str(hi <= cs))
    out.append("cquote=" + str(any(c in text[lo:hi] for c in "\"\u201c\u201d")))
    out.append("suffix=" + (w[-3:] if len(w) > 3 else w))
    clause = clause_shape(text, lo, hi)
    out.append("cshape=" + clause)
    out.append("w=%s|cshape=%s" % (w, clause))
    return out


_COMPS = frozenset("that whether if how why what when where who which".split())
_FINITE = _MODALS | _AUX | frozenset(
    "isn't aren't wasn't weren't won't can't don't doesn't didn't has hasn't haven't".split())


def clause_shape(text: str, lo: int, hi: int) -> str:
    """What the content is: a that-clause, an infinitive, a finite clause or a bare noun
    phrase ("another goal", "his retirement": not speech content)."""
    words = [t.lower() for t in _TOK.findall(text, lo, min(hi, lo + 160))][:14]
    if not words:
        return "empty"
    if words[0] in _COMPS:
        return "comp"
    if words[0] == "to":
        return "inf"
    if text[lo : lo + 1] in "\"\u201c'\u2018":
        return "quote"
    for i, t in enumerate(words[1:], 1):
        if t in _FINITE or (t.endswith(("ed", "es")) and words[i - 1] not in _DETS and i <= 8):
            return "fin"
        if t in (",", ";", ".") and i > 6:
            break
    return "np"


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, float], float]:
    with open(_LEXICON_DIR / "quote_filter.json", encoding="utf-8") as fh:
        data = json.load(fh)
    return data["weights"], float(data["threshold"])


def threshold() -> float:
    """The probability below which a proposal is dropped."""
    return _model()[1]


def score(feats: list[str]) -> float:
    """Probability that a proposal with these features is a real attribution."""
    weights = _model()[0]
    z = sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
