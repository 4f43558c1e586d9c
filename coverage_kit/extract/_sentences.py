"""Paragraphs, quotation-mark stretches and sentences, in linear time and without NLTK data.

Three helpers that the quote and reaction extractors share. All offsets are 0-based,
end-exclusive code-point offsets into the text given.

* :func:`paragraphs` - one span per non-empty line (news text puts one paragraph per line).
* :func:`quote_stretches` - text enclosed in quotation marks, per paragraph, with the marks:
  straight ``"``, curly ``“ ”``, NYT ``''``, German ``„ “`` and ``» «``, French ``« »`` and
  ``‹ ›``; headline single quotes ``' '`` / ``‘ ’`` only outside double quotes. A quote left
  open at the end of a paragraph runs to its end; when the next paragraph opens with a quote
  mark (news style for quotes over several paragraphs) the two stretches are joined.
* :func:`sentences` - sentence spans. Boundaries inside a quotation are ignored, so
  ``"We won. They lost," he said.`` stays one sentence with its attribution.

Every function scans the text once with precompiled patterns that cannot backtrack
catastrophically; 1 MB of quote marks or of text without spaces takes milliseconds.

Examples
--------
>>> text = 'Scholz spoke. "We are ready. We act," he said. Then he left.'
>>> [text[s:e] for s, e in sentences(text)]
['Scholz spoke.', '"We are ready. We act," he said.', 'Then he left.']
>>> [(q.inner(text)) for q in quote_stretches(text)]
['We are ready. We act,']
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

__all__ = ["QuoteStretch", "paragraphs", "quote_stretches", "sentences", "SentenceIndex"]

_PARA = re.compile(r"[^\n]+")
_DQ_MARK = re.compile("''|[\"\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a]")
_SQ_OPEN = re.compile(r"(?<![\w'\u2019])['\u2018\u201a](?=\w)")
_SQ_CLOSE = re.compile(r"(?<=[\w.,!?])['\u2019](?!\w)")
_SQ_ANY = re.compile("['\u2018\u2019\u201a]")
# the two kinds of _DQ_MARK apart: a character class and a literal are found fast
_DQ_CHAR = re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a]")
_NYT_DQ = re.compile("''")

# Sentence boundary candidates: terminal punctuation, optional closing marks, then space and
# something that can start a sentence.
_BOUNDARY = re.compile(
    "[.!?]+(?:''|[\"'\u201d\u2019\u00bb)\\]])*"
    "(?=[ \t\u00a0]+(?:''|[\"'\u201c\u2018\u201e\u00ab(\\[])?[A-Z0-9\u00c0-\u00de])"
)
# after an abbreviation that can also end a sentence ("U.S."), these words start a new one
_STARTERS = frozenset(
    "he she it they we i the but and in on at this that these his her their its there "
    "a an if when while as after before so yet still however".split()
)
_END_ABBREV = frozenset("u.s u.k u.n e.u d.c inc co ltd jr sr corp".split())
_NEXT_WORD = re.compile(r"[ \t\u00a0]+(?:''|[\"'\u201c\u2018\u201e\u00ab(\\[])?(\w+)")
_ABBREV = frozenset(
    """mr mrs ms dr sen rep gov gen lt col sgt capt prof rev st jr sr inc corp co ltd no vs
    jan feb mar apr aug sept sep oct nov dec u.s u.k u.n e.u d.c n.y l.a a.m p.m approx
    dept est fig ft mt ave blvd univ assn bros messrs mmes pres supt adm cmdr maj brig
    """.split()
)
_WORD_BEFORE = re.compile(r"([\w.]+)\.*$")


@dataclass(frozen=True, slots=True)
class QuoteStretch:
    """A stretch of text between quotation marks.

    ``start``/``end`` include the marks; ``inner_start``/``inner_end`` exclude them. ``closed``
    is False when the paragraph ended before a closing mark. ``single`` marks headline-style
    single quotes. ``paragraphs`` counts the paragraphs the stretch runs over.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    single: bool = False
    paragraphs: int = 1

    def inner(self, text: str) -> str:
        """The quoted words, without the marks."""
        return text[self.inner_start : self.inner_end]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of ``text``.

    Examples
    --------
    >>> paragraphs("Title.\\n\\nBody one.\\nBody two.")
    [(0, 6), (8, 17), (18, 27)]
    """
    return [m.span() for m in _PARA.finditer(text)]


def _double_in_paragraph(text: str, ps: int, pe: int) -> list[list]:
    """[open_start, open_end, close_start, close_end, closed] for one paragraph."""
    out: list[list] = []
    para = text[ps:pe]
    german = "\u201e" in para
    gi, go = para.find("\u00ab"), para.find("\u00bb")
    guillemets_reversed = go != -1 and (gi == -1 or go < gi)  # German »...«
    opened: tuple[int, int, str] | None = None
    for m in _DQ_MARK.finditer(text, ps, pe):
        tok = m.group()
        s, e = m.span()
        if tok in ("\u00ab", "\u00bb", "\u2039", "\u203a"):
            is_open = (tok in ("\u00ab", "\u2039")) != guillemets_reversed
        elif tok == "\u201e":
            is_open = True
        elif tok == "\u201c":
            # German „…“ closes with it; so does a mistyped English closing mark ('…?“ he asked')
            is_open = not (opened is not None and (german or (
                s > ps and not text[s - 1].isspace() and (e >= pe or not text[e].isalnum())
            )))
        elif tok == "\u201d":
            is_open = False
        else:  # straight " or NYT '': toggles
            is_open = opened is None
            if is_open and tok == '"' and s > ps and (text[s - 1].isalnum() or text[s - 1] in "'\u2019") and (
                    e >= pe or text[e] in " \t\u00a0,.;:"):
                # 'review of [his] systems" including', "6'3\" tall": a mark that can only
                # close (after a word, before a space) opens nothing when no quote is open
                continue
        if is_open:
            if opened is None:
                opened = (s, e, tok)
        elif opened is not None:
            out.append([opened[0], opened[1], s, e, True])
            opened = None
    if opened is not None:
        out.append([opened[0], opened[1], pe, pe, False])
    return out


def _single_in_gaps(text: str, gaps: list[tuple[int, int]]) -> list[list]:
    out: list[list] = []
    for gs, ge in gaps:
        if ge <= gs or _SQ_ANY.search(text, gs, ge) is None:
            continue
        pending: int | None = None
        for m in _SQ_ANY.finditer(text, gs, ge):
            s = m.start()
            if pending is None:
                if _SQ_OPEN.match(text, s, ge):
                    pending = s
            elif _SQ_CLOSE.match(text, s, ge):
                out.append([pending, pending + 1, s, s + 1, True])
                pending = None
    return out


def quote_stretches(text: str, *, single: bool = True,
                    paras: list[tuple[int, int]] | None = None) -> list[QuoteStretch]:
    """Find the stretches of ``text`` enclosed in quotation marks.

    Parameters
    ----------
    text : str
        Any text; paragraphs are separated by newlines.
    single : bool, default True
        Also look for headline-style single quotes outside double quotes.
    paras : list of (start, end), optional
        ``paragraphs(text)``, when the caller has them already.

    Returns
    -------
    list of QuoteStretch
        In text order; a quote over several paragraphs is one stretch.

    Examples
    --------
    >>> t = 'Er sagte: „Wir sind bereit.“ Elle a dit : « Non. »'
    >>> [q.inner(t) for q in quote_stretches(t)]
    ['Wir sind bereit.', ' Non. ']
    """
    out: list[QuoteStretch] = []
    # where marks are at all (one scan each): most paragraphs have none and are skipped
    dq_at = sorted([m.start() for m in _DQ_CHAR.finditer(text)]
                   + [m.start() for m in _NYT_DQ.finditer(text)])
    sq_at = [m.start() for m in _SQ_ANY.finditer(text)] if single else []
    for ps, pe in paragraphs(text) if paras is None else paras:
        k = bisect.bisect_left(dq_at, ps)
        dq = _double_in_paragraph(text, ps, pe) if k < len(dq_at) and dq_at[k] < pe else []
        found = dq
        k = bisect.bisect_left(sq_at, ps)
        if single and k < len(sq_at) and sq_at[k] < pe:
            gaps, prev = [], ps
            for q in dq:
                gaps.append((prev, q[0]))
                prev = q[3]
            gaps.append((prev, pe))
            sq = _single_in_gaps(text, gaps)
            if sq:
                found = sorted(dq + [q + [True] for q in sq], key=lambda q: q[0])
        for q in found:
            is_single = len(q) > 5
            # a quote opening a paragraph continues one left open in the previous paragraph
            if (
                out
                and not out[-1].closed
                and not is_single
                and q[0] == ps
                and "\n" in text[out[-1].end : ps + 1]
                and text[out[-1].end : ps].strip() == ""
            ):
                prev_q = out[-1]
                out[-1] = QuoteStretch(
                    prev_q.start, q[3], prev_q.inner_start, q[2], q[4], False,
                    prev_q.paragraphs + 1,
                )
                continue
            out.append(QuoteStretch(q[0], q[3], q[1], q[2], q[4], is_single))
    return out


def sentences(text: str, *, quotes: list[QuoteStretch] | None = None,
              paras: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans, never inside a quotation.

    Parameters
    ----------
    text : str
        Text with one paragraph per line.
    quotes : list of QuoteStretch, optional
        Stretches already found by :func:`quote_stretches` (found here when omitted).
    paras : list of (start, end), optional
        ``paragraphs(text)``, when the caller has them already.

    Returns
    -------
    list of (start, end)
        Sentence spans without surrounding whitespace, in order.

    Examples
    --------
    >>> t = 'Mr. Putin said U.S. troops left. "No. Never," he said.'
    >>> [t[s:e] for s, e in sentences(t)]
    ['Mr. Putin said U.S. troops left.', '"No. Never," he said.']
    """
    if paras is None:
        paras = paragraphs(text)
    if quotes is None:
        quotes = quote_stretches(text, paras=paras)
    q_starts = [q.inner_start for q in quotes]
    out: list[tuple[int, int]] = []
    for ps, pe in paras:
        s = ps
        for m in _BOUNDARY.finditer(text, ps, pe):
            cut = m.end()
            # inside a quotation?  (the closing mark itself may end a sentence)
            i = bisect.bisect_right(q_starts, cut - 1) - 1
            if i >= 0 and quotes[i].inner_start <= m.start() < quotes[i].inner_end and (
                cut < quotes[i].end
            ):
                continue
            dot = text.rfind(".", m.start(), m.end())
            if dot != -1 and text[m.start()] == ".":
                w = _WORD_BEFORE.search(text, max(ps, m.start() - 12), m.start() + 1)
                if w is not None:
                    word = w.group(1).rstrip(".").lower()
                    if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                        nw = _NEXT_WORD.match(text, cut, pe)
                        if not (word in _END_ABBREV and nw and nw.group(1).lower() in _STARTERS):
                            continue
            if cut > s:
                out.append((s, cut))
            s = cut
            while s < pe and text[s] in " \t\u00a0":
                s += 1
        if pe > s:
            out.append((s, pe))
    return out


class SentenceIndex:
    """Find the sentence (and paragraph) that holds an offset, by bisection.

    Examples
    --------
    >>> t = "One. Two.\\nThree."
    >>> ix = SentenceIndex(t)
    >>> ix.sentence_at(6), ix.paragraph_at(12)
    ((5, 9), (10, 16))
    """

    def __init__(self, text: str, *, quotes: list[QuoteStretch] | None = None):
        self.text = text
        self.paras = paragraphs(text)
        self.quotes = quote_stretches(text, paras=self.paras) if quotes is None else quotes
        self.spans = sentences(text, quotes=self.quotes, paras=self.paras)
        self.starts = [s for s, _ in self.spans]
        self.para_starts = [s for s, _ in self.paras]

    def index_at(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (the previous one in a gap), -1 if none."""
        return bisect.bisect_right(self.starts, pos) - 1

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = self.index_at(pos)
        return self.spans[i] if i >= 0 else (0, 0)

    def paragraph_index(self, pos: int) -> int:
        return bisect.bisect_right(self.para_starts, pos) - 1

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        i = self.paragraph_index(pos)
        return self.paras[i] if i >= 0 else (0, 0)
