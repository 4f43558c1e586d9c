"""Sources: what the finding stages hand on, widened and filtered before resolution.

Two steps of :func:`coverage_kit.extract.quotes.extract_quotes`, run on the ``_Found``
records of the direct, headline and reported-speech stages:

* :func:`coordinate_sources` widens a speaker mention to every name of a coordination
  ("A, B and C said", "said A and B"); :func:`coverage_kit.extract.speakers.coordinated`
  later splits it into ``speaker`` and ``co_speakers``.
* :func:`keep_speech` (``reported="speech"`` only) keeps what someone said or wrote: it
  drops reported beliefs, intentions, stances and findings, bare noun-phrase objects
  ("announced his retirement"), passive topics ("X was described as …"), expectations and
  hedges with no source, and outer sources of a nested attribution.

Both take the text and the list of ``_Found``; neither looks for new quotes.
``tests/test_indirect_stage.py`` tests them.

Examples
--------
>>> from coverage_kit.extract._indirect import find_indirect
>>> t = "Smith, Jones and Brown said the plant would close. Officials believe it will."
>>> found = find_indirect(t)
>>> coordinate_sources(t, found)
>>> [t[f.sp[0]:f.sp[1]] for f in found]
['Smith, Jones and Brown', 'Officials']
>>> [t[f.start:f.end] for f in keep_speech(t, found)]
['the plant would close']
"""

from __future__ import annotations

import re

from . import _lexicon as lex
from ._clauses import clause_shape
from ._mentions import phrase_after
from .quotes import _ACCORDING_CUE, _POSTPOSED_CUE, _Found, subject_before

__all__ = ["coordinate_sources", "keep_speech"]

#: beliefs, intentions, stances and findings: attributions, but not speech
_NOT_SPEECH = lex.COGNITION_VERBS | lex.EVIDENCE_VERBS | lex.words("not_speech")
_NP_SPEECH = lex.words("noun_object_speech")
_AND_NAME = re.compile(r"[ \t]+and[ \t]+(?=[A-Z])")
_COMMA_BEFORE = re.compile(r",[ \t]+$")


def keep_speech(text: str, found: list[_Found]) -> list[_Found]:
    """Keep reported *speech* only: drop beliefs, intentions and stances ("X wants …",
    "X endorsed Y", "the study found …") and cues with a bare noun-phrase object
    ("announced his retirement", "reported a loss"). Direct quotes stay."""
    keep = []
    for f in found:
        if f.origin == "indirect" and (f.extra.get("passive") or f.extra.get("nested")
                                       or f.extra.get("expectation")):
            continue
        if f.origin == "indirect" and f.cue is not None:
            w = text[f.cue[0] : f.cue[1]].lower()
            # a source preposition in any language ("laut X", "selon X", "X zufolge") is
            # speech; its cue span holds the words as written
            if w != _ACCORDING_CUE and w != _POSTPOSED_CUE and f.extra.get("cue_word") is None:
                if w in _NOT_SPEECH or w.split()[0] in _NOT_SPEECH:
                    continue
                after = f.start >= f.cue[1]
                if (after and f.kind == "indirect" and w not in _NP_SPEECH
                        and clause_shape(text, f.start, f.end) == "np"):
                    continue
        keep.append(f)
    return keep


def coordinate_sources(text: str, found: list[_Found]) -> None:
    """Widen a source to every name of a coordination: "A, B and C said" (the mention
    walk stops at commas) and "said A and B"."""
    for f in found:
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
