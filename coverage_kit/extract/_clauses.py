"""What follows a cue: a clause, an infinitive, a quotation or a bare noun phrase.

A cue word reports speech only when what follows it is speech content: "said *that the
talks would resume*", "said *the talks would resume*", "urged *Congress to act*". After
"announced *his retirement*", "reported *a loss of $3 million*" or "added *another goal*" it is
an ordinary verb with an object. :func:`clause_shape` tells these apart with word lists, no
tagger.

Examples
--------
>>> t = "The Canucks added another goal. She added that talks would resume."
>>> clause_shape(t, 18, 30), clause_shape(t, 42, 66)
('np', 'comp')
"""

from __future__ import annotations

import re

__all__ = ["clause_shape"]

_TOK = re.compile(r"[\w\u2019'.-]+|[^\w\s]")
_DETS = frozenset("the a an this that these those his her their its our my your".split())
_MODALS = frozenset("would will can could should may might must".split())
_AUX = frozenset("is are was were be been being has have had do does did".split())


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
