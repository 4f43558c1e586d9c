"""TextBlob's polarity and subjectivity, computed faster, with the same numbers.

``TextBlob(text).sentiment`` runs pattern's lexicon analyser: it tokenises the text with
pattern's tokenizer, looks every lower-cased token up in TextBlob's sentiment lexicon
(``textblob/en/en-sentiment.xml``) and averages the scores of the words it knows, a negation
("not good") flipping and halving a score and an adverb ("very good") scaling the next one.
Most of its time goes to the tokenizer's regular expressions and to the lexicon's lazy
dictionary, a Python method call per lookup.

:func:`sentiment` does the same computation over the lexicon of the installed TextBlob, read
at run time (nothing of it is copied here): the tokens are cut with ``str.split`` and the
punctuation rules, looked up in a plain dict, and the scores summed in the same order, so the
floats are identical. Texts whose tokens the sentence-level rules of the tokenizer could change
(paragraph breaks, emoticons such as ``:)`` and the sarcasm mark ``(!)``) are tokenised by
TextBlob's own tokenizer. At the first call, a few probe sentences are scored both ways; if
the installed TextBlob computes differently, :func:`sentiment` calls TextBlob instead.

>>> sentiment("The government's response was not good at all.")
(-0.35, 0.6000000000000001)
"""

from __future__ import annotations

import functools

__all__ = ["sentiment"]


class _Lexicon:
    """The installed TextBlob sentiment lexicon as plain Python containers."""

    def __init__(self) -> None:
        from textblob import _text
        from textblob.en import sentiment as tb

        "good" in tb  # noqa: B015 - the lexicon is a lazy dict: this loads it
        self.tb = tb
        #: word -> (polarity, subjectivity, intensity) over all its parts of speech
        self.scores = {w: tuple(pos[None]) for w, pos in dict.items(tb) if None in pos}
        #: words that modify the next known word (they have an adverb reading)
        self.modifying = frozenset(w for w, pos in dict.items(tb)
                                   if any(m in pos for m in tb.modifiers))
        self.negations = frozenset(tb.negations)
        self.modifier = tb.modifier
        self.punct_string = _text.PUNCTUATION
        self.punct = frozenset(_text.PUNCTUATION.replace(".", ""))
        self.replace = dict(_text.replacements)
        self.abbreviations = frozenset(_text.ABBREVIATIONS)
        self.abbr_res = (_text.RE_ABBR1, _text.RE_ABBR2, _text.RE_ABBR3)
        self.special = (_text.RE_EMOTICONS, _text.RE_SARCASM)
        self.eos = _text.EOS  # the tokenizer's own sentence mark, dropped between sentences
        self.find_tokens = tb.tokenizer
        # emoticon (lower-cased) -> polarity, the first set that holds it winning
        self.emoticons: dict[str, float] = {}
        for (_kind, p), faces in _text.EMOTICONS.items():
            for face in faces:
                self.emoticons.setdefault(face.lower(), p)
        #: tokens that add a score of their own besides the lexicon's words
        self.marks = frozenset(self.emoticons) | {"(!)"}
        self.quotes = (("\u201c", " \u201c "), ("\u201d", " \u201d "), ("\u2018", " \u2018 "),
                       ("\u2019", " \u2019 "), ("'", " ' "), ('"', ' " '))


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon | None:
    """The lexicon, or None when this TextBlob does not score the probes as we do."""
    try:
        lex = _Lexicon()
    except Exception:  # noqa: BLE001 - another TextBlob layout: use TextBlob itself
        return None
    for probe in _PROBES:
        want = lex.tb(probe)
        if (float(want[0]), float(want[1])) != _score(lex, probe):
            return None
    return lex


_PROBES = (
    "The decision is good.",
    "It was not a good decision, and never a wise one!",
    "We are very deeply concerned about the really terrible violence!!",
    "They don't support it; it isn't bad. Really not bad at all.",
    "He said: 'It's an extremely important step', the minister's office added.",
    "\u201cWe condemn this,\u201d she said. \u201cIt\u2019s unacceptable.\u201d",
    "Mr. Smith (U.S.) said e.g. the talks... were fine.\n\nNew paragraph: great :) (!)",
    "What a wonderful, wonderful day",
)


def _tokens(lex: _Lexicon, text: str) -> list[str] | None:
    """The lower-cased tokens TextBlob's tokenizer gives for ``text``, or None when its
    sentence-level rules might change them (then TextBlob's tokenizer is used)."""
    for a, b in lex.replace.items():
        if a in text:
            text = text.replace(a, b)
    for a, b in lex.quotes:
        if a in text:
            text = text.replace(a, b)
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    if "\n\n" in text or lex.eos in text:
        return None  # a paragraph break becomes a sentence mark
    punct, repl = lex.punct, lex.replace
    out: list[str] = []
    for t in text.split():
        first, last = t[0], t[-1]
        if first not in punct and last not in punct and last != ".":
            out.append(t)
            continue
        # leading punctuation marks, one token each (a contraction such as "'s" stays whole)
        while t and t[0] in punct and t not in repl:
            out.append(t[0])
            t = t[1:]
        tail: list[str] = []
        while t and (t[-1] in punct or t[-1] == ".") and t not in repl:
            if t[-1] in punct:
                tail.append(t[-1])
                t = t[:-1]
            if t.endswith("..."):
                tail.append("...")
                t = t[:-3].rstrip(".")
            if t.endswith("."):
                if t in lex.abbreviations or any(r.match(t) for r in lex.abbr_res):
                    break
                tail.append(".")
                t = t[:-1]
        if t:
            out.append(t)
        out.extend(reversed(tail))
    joined = " ".join(out)
    if any(r.search(joined) for r in lex.special):
        return None  # an emoticon or a sarcasm mark may be rejoined
    return joined.lower().split()


def _score(lex: _Lexicon, text: str) -> tuple[float, float]:
    words = _tokens(lex, text)
    if words is None:
        words = " ".join(lex.find_tokens(text)).lower().split()
    scores, negations, modifying = lex.scores, lex.negations, lex.modifying
    if scores.keys().isdisjoint(words) and lex.marks.isdisjoint(words):
        return 0.0, 0.0  # no scored word: TextBlob's average of nothing
    found: list[list] = []  # [polarity, subjectivity, intensity, negated]
    mod = None  # the preceding modifier word
    neg = None  # the preceding negation
    for w in words:
        known = scores.get(w)
        if known is not None:
            p, s, i = known
            if mod is None:
                found.append([p, s, i, False])
            else:  # "really good": the modifier's intensity scales this word's scores
                last = found[-1]
                last[0] = max(-1.0, min(p * last[2], +1.0))
                last[1] = max(-1.0, min(s * last[2], +1.0))
                last[2] = i
            if neg is not None:  # "not (really) good"
                last = found[-1]
                last[2] = 1.0 / last[2]
                last[3] = True
            mod = w if w in modifying else None
            neg = w if w in negations else None
            continue
        if w in negations:
            neg = w
        elif neg and len(w.strip("'")) > 1:
            neg = None  # a negation reaches across short words only ("not a good")
        if neg is not None and mod is not None and lex.modifier(mod):
            found[-1][3] = True  # "really not good"
            neg = None
        elif mod and len(w) > 2:
            mod = None
        if w == "!" and found:
            found[-1][0] = max(-1.0, min(found[-1][0] * 1.25, +1.0))
        if w == "(!)":
            found.append([0.0, 1.0, 1.0, False])
        if not w.isalpha() and len(w) <= 5 and w not in lex.punct_string:
            p = lex.emoticons.get(w)
            if p is not None:
                found.append([p, 1.0, 1.0, False])
    pol = subj = 0
    for p, s, _i, negated in found:
        pol += p * -0.5 if negated else p
        subj += s
    n = float(len(found) or 1)
    return pol / n, subj / n


def sentiment(text: str) -> tuple[float, float]:
    """``(polarity, subjectivity)`` of ``text``, as ``TextBlob(text).sentiment`` gives them.

    Examples
    --------
    >>> sentiment("This is a terrible, brutal attack.")
    (-0.9375, 1.0)
    >>> sentiment("Talks will continue on Friday.")
    (0.0, 0.0)
    """
    lex = _lexicon()
    if lex is None:
        from textblob.en import sentiment as tb

        p, s = tb(text)
        return float(p), float(s)
    p, s = _score(lex, text)
    return float(p), float(s)
