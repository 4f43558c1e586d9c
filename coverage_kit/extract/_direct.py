"""Direct quotes: quotation marks -> attribution before or after -> speaker mention.

One stage of :func:`coverage_kit.extract.quotes.extract_quotes`, run first. For each
quotation stretch (:func:`~coverage_kit.extract._sentences.quote_stretches`) it looks, in
order, for

1. the attribution of the quote before it in the same sentence (``"A," he said, "B."``);
2. an attribution after the quote (``"…," he said`` / ``"…," said X`` / ``"…" — X``, a
   signature that ends the attribution);
3. an attribution before it (``X said: "…"`` / ``X: "…"`` / ``as X put it, "…"``);
4. an introducing paragraph ending in a colon, a sentence just before that says or ends in
   "X said", or the speaker of the previous quote when the quotation stands alone.

Interview transcripts inside quotation marks (``"WALLACE: …``) give one quote per turn,
the label as speaker and its colon as cue. Quoted words inside a clause ("you can't yell
"fire" in a theater") are not quotes. Long quotations with no attribution in reach are kept
for the ``orphans`` stage. Each quote found is a ``_Found`` with the quotation marks
(``marks``), the local speaker mention (``sp``) and cue (``cue``);
:mod:`coverage_kit.extract.speakers` resolves the mention later. ``tests/test_direct_stage.py``
tests the stage alone (:func:`find_direct`).

Examples
--------
>>> [(f.kind, f.sp is not None) for f in find_direct('"We are ready," the minister said.')]
[('direct', True)]
"""

from __future__ import annotations

import bisect
import re

from . import _lexicon as lex
from ._clauses import clause_shape
from ._content import OBJECT_VERBS as _OBJECT_VERBS
from ._content import TIME_PP as _TIME_PP
from ._mentions import FINITE_SAY, first_subject, phrase_after
from ._sentences import QuoteStretch
from .quotes import (
    _ACCORDING_CUE,
    _AND_BEFORE,
    _FIRST_WORD,
    _LEADING_JUNK,
    _NAMING,
    _NOUNISH,
    _ONLY_PUNCT,
    _PREP_START,
    _SAY_OR_SPEECH,
    _Extractor,
    _Found,
    _is_headline,
    _source_head,
    _strip_span,
    _word_count,
    subject_before,
)

__all__ = ["DirectStage", "find_direct"]

# the clause goes on after the quoted words ('claimed "Trump exaggerates" the level of …'),
# unless a conjunction opens a new clause ('… "The struggle continues" and vowing to …')
_LOWER_NEXT = re.compile(
    r"[ \t]+(?!(?:and|but|or|nor|while|whereas|so|then)\b)[a-z]+[ \t]+[a-z]")
_QUOTE_END_PUNCT = frozenset(",.!?\u2014\u2013-\u2026:;'\u2019\u201d\"")
_SEP = re.compile("[,\u2014\u2013-]")
_NOT_PROSE = re.compile(r"[<>=]|^\W*\d[\d\W]*$")
_CLAUSE_STOP = re.compile(r"[,.;:!?()\u2014\u2013]")
# "Mr." / "Sen." inside a speaker phrase: not a sentence mark
_HONORIFIC_DOT = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Prof|Rev|Sgt|Capt|Adm|Jr|Sr|St)\.")
_PUNCT_IN = re.compile(r"[,.;:!?()\u2014\u2013\"\u201c\u201d]")
_THAT_WORD = re.compile(r"\b(?:that|meaning|whether|if)\b")
_CONJUNCTIONS = frozenset(
    "but and or so while because which who when where if though although whereas yet nor "
    "in on at for with from by of to".split()
)
# a quotation signed with a dash and a name that ends the paragraph (testimonials, tweets)
_DASH_NAME = re.compile(
    r"[ \t\u00a0]*(?:[\u2015\u2014\u2013]{1,2}|--)[ \t\u00a0]*"
    r"((?:[A-Z][\w.'\u2019-]*[ \t]+){1,4}[A-Z][\w'\u2019-]*|[A-Z][\w'\u2019-]+(?=[ \t]*\())"
    r"(?=[ \t\u00a0]*(?:$|\n|[.,(]|\(@))", re.M)
# 'as The New Yorker put it in a lengthy expose, "…"': an attribution idiom
_PUT_IT = re.compile(r"\bputs? it\b(?=[^.!?\"\u201c\u201d]*[,:][ \t]*$)")
# what may follow the cue of a sentence that ends in its attribution: "said Paul Beck.",
# "Kasper told POLITICO before the interview."
_ATTRIBUTION_END = re.compile(r"[ \t]+[A-Z]")
_SENTENCE_TAIL = re.compile(r"(?:[ \t]+[\w.'\u2019-]+){0,8}?[ \t]*[.!?]?")
_SIGNATURE = re.compile("[\u2015\u2014\u2013]{1,2}|--")
_TO_BEFORE = re.compile(r"\bto[ \t]+$")
_VERB_BEFORE = re.compile(r"[A-Za-z]+(?:ed|[^s]s)[ \t]+$")
_THAT_OR_QUOTE = re.compile("\\bthat\\b|[\"\u201c\u201d]")
_NOT_BEFORE_QUOTE = lex.EVIDENCE_VERBS | frozenset("read reads".split())
_SENT_END = re.compile(r"[.!?](?:\s|$)")
_HEADLINE = re.compile(r"\s*((?:[A-Z][\w.'\u2019-]*\s+){0,4}[A-Z][\w.'\u2019-]*)\s*:\s*$")


# a speaker label opening a turn of an interview transcript: 'WALLACE: …', 'MR. TRUMP: …'
_TURN = re.compile(r"[ \t]*((?:[A-Z][A-Z.'\u2019-]+[ \t]){0,3}[A-Z][A-Z.'\u2019-]+):[ \t\u00a0]+(?=\S)")
_TURN_PARA = re.compile(
    r"(?<=\n)[\"\u201c](?:(?:[A-Z][A-Z.'\u2019-]+[ \t]){0,3}[A-Z][A-Z.'\u2019-]+:|\()")
# a name and a verb right after a quotation, then a comma or the sentence end: an
# attribution whose verb is not a cue ('"…?" Trump went on, as if …')
_UNREAD_AFTER = re.compile(
    r"[ \t]+(?:(?:an?|the)[ \t]+[a-z]+[ \t]+)?([A-Z][\w.'\u2019-]+)(?:[ \t]+[A-Z][\w.'\u2019-]+){0,3}"
    r"[ \t]+[a-z]{3,}(?:[ \t]+(?:on|back|up|in))?(?=[,.])")
_ONLY_DASHES = re.compile("[\\s.\u2013\u2014-]*")
# a possessive name right before a quotation: "NBC's", "Fox News Channel's", "Wednesday's"
_POSSESSOR = re.compile("[A-Z][\\w&.-]*['\u2019]s[ \t]+$")
_WORDS_ONLY = re.compile(r"[^\W\d_]+")
# a name someone gave, in quotation marks: 'what one conservative has dubbed "the yuca
# primary"', 'the slogan "Axe the tax."' (the title of a work or a programme, 'a series
# titled "The Hidden Hand"', is nobody's words: not here)
_NAMED_AS = re.compile(r"\b((?:dubbed|nicknamed|slogan))[ \t]*,?[ \t]*$")
# a gerund is never a speaker: '"Women in Power," answering questions'
_GERUND = re.compile(r"[a-z]+ing")
# what opens the rest of a quoted sentence after '"…," he said,': a that-clause, an
# infinitive or a finite verb
_TAIL_AFTER_ASIDE = re.compile(
    r",[ \t]+((?:that|to|would|could|will|is|was|are|were|has|have|had|should|can|must|may|"
    r"might)\b)")
# a lower-case word right after a quotation: the clause goes on
_LOWER_AFTER = re.compile(r"[ \t]+[a-z]")
# "back" after a verb is its particle, not the cue: "writes back", "shot back", "fired back"
# (the verb "back" follows "to", a modal, a negation or its subject: "to back", "won't back")
_VERB_BEFORE_BACK = re.compile(r"\b([a-z]+)[ \t]+$")
_NOT_PARTICLE_VERB = frozenset(
    "to not never will would could should can may might must do does did also both all "
    "and or who which that they we i you the a an his her their its my our your this".split())
_WORD = re.compile(r"[A-Za-z]+")
# words that open an adjunct after a cue, not a reported clause: "said as he left", "told
# reporters in an interview", "asked with a smile"
_NOT_CLAUSE_OPENERS = frozenset(
    "as when while after before because since until during with without in at on of for to "
    "from by about over through after again later earlier then".split())


def _words_to_comma(text: str, lo: int, hi: int) -> int:
    """Words from ``lo`` to the first comma before ``hi`` (a large number without one)."""
    comma = text.find(",", lo, hi)
    return 10**6 if comma == -1 else _word_count(text, lo, comma)


def _part(text: str, q: QuoteStretch, lo: int, hi: int) -> QuoteStretch:
    """The part ``lo``-``hi`` of the stretch ``q`` (``lo`` at an opening mark or at q's)."""
    inner_s = q.inner_start if lo == q.start else lo + 1
    closed = hi == q.end and q.closed
    inner_e = q.inner_end if closed else hi
    n = sum(1 for line in text[lo:hi].split("\n") if line.strip())
    return QuoteStretch(lo, hi, inner_s, inner_e, closed, False, n)


def find_direct(text: str) -> list[_Found]:
    """The direct quotes of ``text`` that this stage finds, alone (no other stage runs).

    Examples
    --------
    >>> t = 'Smith said: "The plan will fail." She left.'
    >>> [(t[f.start:f.end], t[f.sp[0]:f.sp[1]], t[f.cue[0]:f.cue[1]]) for f in find_direct(t)]
    [('The plan will fail.', 'Smith', 'said')]
    """
    ex = _Extractor(text, None)
    DirectStage(ex).run()
    return ex.found


class DirectStage:
    """The direct-quote stage over one text; writes into the extractor's ``found``,
    ``claimed`` and ``_orphans``."""

    def __init__(self, ex: _Extractor):
        self.ex = ex
        self.text = ex.text
        self.ix = ex.ix
        self._turns: dict[int, tuple[int, int]] = {}
        self._unread: list[int] = []  # quotations that open a sentence of an unread attribution
        self.stretches = self._split(ex.stretches)
        self._q_starts = [q.start for q in self.stretches]

    # -- quotation stretches ------------------------------------------------------------------
    def _split(self, stretches: list[QuoteStretch]) -> list[QuoteStretch]:
        """Stretches as quotes: a quotation over several paragraphs is cut before each
        paragraph that opens with a speaker label (an interview transcript, '"WALLACE: …'),
        and a stretch that opens with one becomes that speaker's turn."""
        text = self.text
        out: list[QuoteStretch] = []
        for q in stretches:
            if q.single:
                out.append(q)
                continue
            parts = [q]
            if q.paragraphs > 1:
                parts = []
                lo = q.start
                for m in _TURN_PARA.finditer(text, q.start + 1, q.end):
                    cut = text.rfind("\n", lo, m.start())
                    while cut > lo and text[cut - 1] in " \t\n\u00a0":
                        cut -= 1
                    parts.append(_part(text, q, lo, cut))
                    lo = m.start()
                parts.append(_part(text, q, lo, q.end))
            for part in parts:
                m = _TURN.match(text, part.inner_start, part.inner_end)
                if m is not None and m.group(1).split()[0].lower() not in lex.NOT_SPEAKER:
                    self._turns[part.start] = m.span(1)
                out.append(part)
        return out

    def attribution_after(self, q: QuoteStretch, s_end: int, limit: int):
        """'"…," he said' / '"…," said X' / '"…," according to X'.  -> (speaker, cue) or None."""
        text = self.text
        d = _DASH_NAME.match(text, q.end, min(len(text), q.end + 120))
        if d is not None and d.group(1).split()[0].lower() not in lex.NOT_SPEAKER:
            # '"…" ― Pamela Padilla', '"…" — Mark Titus (@clubtrillion) November 3, 2016'
            dash = d.start(0) + len(d.group(0)) - len(d.group(0).lstrip(" \t\u00a0"))
            return d.span(1), (dash, dash + (2 if text[dash + 1 : dash + 2] in "-\u2014" else 1))
        hi = min(s_end, limit, q.end + 160)
        lead = _LEADING_JUNK.match(text, q.end, hi)
        lo = lead.end() if lead else q.end
        if lo >= hi:
            return None
        # '"…," he said': the quote ends in punctuation, or a comma/dash follows it
        inner_last = text[q.inner_start : q.inner_end].rstrip()[-1:]
        if inner_last not in _QUOTE_END_PUNCT and not (lead and _SEP.search(lead.group())):
            return None
        first = _FIRST_WORD.match(text, lo, hi)
        if first is not None and first.group().lower() in _CONJUNCTIONS:
            return None  # '"…," but he also noted …': a new clause, not this quote's source
        cues = self.ex.cue_tokens(lo, hi)
        if not cues:
            return None
        cs, ce, w = cues[0]
        cs, ce = self._particle_cue(cs, ce, w)
        if any(c in text[lo:cs] for c in "!?"):
            return None
        if _word_count(text, lo, cs) > 16:
            # '"…," Leonard E. Burman, director of the … Center and a professor at …, said':
            # a long apposition between commas after the name
            comma = text.find(",", lo, cs)
            sp2 = subject_before(text, lo, comma) if comma != -1 else None
            if (sp2 is None or sp2[0] != lo or not text[lo].isupper()
                    or not text[lo:cs].rstrip().endswith(",") or _word_count(text, lo, cs) > 40):
                return None
        if w == _ACCORDING_CUE:
            sp = phrase_after(text, ce, hi)
            return (sp, (cs, ce)) if sp else None
        if w.endswith("ing"):
            return None  # '"The Hidden Hand", accusing X': a title, not an attribution
        if cs == lo:  # inversion: said X
            sp = phrase_after(text, ce, hi)
            if sp is None:
                return None
            return sp, (cs, ce)
        sp = subject_before(text, lo, cs)
        if sp is None or sp[0] != lo:
            # "Mr. Smith, the campaign manager, said": take the part before the first comma
            comma = text.find(",", lo, cs)
            sp2 = subject_before(text, lo, comma) if comma != -1 else None
            if sp2 is not None and sp2[0] == lo:
                sp = sp2
        if sp is None or _GERUND.fullmatch(text, sp[0], sp[1]):
            return None  # '"Women in Power," answering questions': no speaker
        if sp[0] != lo:
            # only a few more words of the same noun phrase may come first
            if _word_count(text, lo, sp[0]) > 4 or _PUNCT_IN.search(
                    _HONORIFIC_DOT.sub("", text[lo : sp[0]])):
                return None  # the words after the quote are not "speaker + verb"
            sp = (lo, sp[1])
        if self.ex._is_label(q.start, q.end, titles_only=True) and self._clause_follows(
                ce, w, s_end):
            # 'on Fox News' "Hannity," Gingrich said if Trump picked him it would …': the
            # verb reports the clause after it, not the quoted title before it
            return None
        return sp, (cs, ce)

    def _past_object(self, ce: int, w: str, s_end: int) -> int:
        """Where a clause reported by the cue ``w`` (ending at ``ce``) can begin: after the
        object of a verb that takes one ("told reporters"), else right after the cue."""
        if w in _OBJECT_VERBS:
            ob = phrase_after(self.text, ce, s_end, max_tokens=5)
            if ob is not None:
                return ob[1]
        return ce

    def _clause_follows(self, ce: int, w: str, s_end: int) -> bool:
        """Whether a reported clause of its own follows the cue ending at ``ce``."""
        text = self.text
        lo = self._past_object(ce, w, s_end)
        if not text.startswith(" ", lo) or _PREP_START.match(text, lo + 1, s_end):
            return False
        pp = _TIME_PP.match(text, lo, s_end)
        if pp is not None and pp.end() > lo:
            return False
        stop = _CLAUSE_STOP.search(text, lo, s_end)
        hi = stop.start() if stop is not None else s_end
        return _word_count(text, lo, hi) >= 4 and clause_shape(text, lo + 1, hi) in ("fin", "comp")

    def attribution_before(self, q: QuoteStretch, s_start: int):
        """'He said: "…"' / 'X wrote on Twitter: "…"' / 'X: "…"'.  -> (speaker, cue) or None."""
        text = self.text
        lo = max(s_start, q.start - 300)
        before = text[lo : q.start]
        stripped = before.rstrip()
        if not stripped:
            return None
        last = stripped[-1]
        h = _HEADLINE.match(text, lo, q.start)
        if h and last == ":":
            name_s, name_e = h.span(1)
            if text[name_s:name_e].split()[0].lower() not in lex.NOT_SPEAKER:
                colon = text.rfind(":", lo, q.start)
                return (name_s, name_e), (colon, colon + 1)
        if last not in ":,\u2014":
            if stripped.rsplit(None, 1)[-1] not in _SAY_OR_SPEECH:
                return None
            if text[q.inner_end - 1 : q.inner_end].isalnum() and _LOWER_AFTER.match(
                    text, q.end) and _word_count(text, q.inner_start, q.inner_end) <= 3:
                return None  # 'you can't yell "fire" in a theater': quoted words, not speech
        cues = self.ex.cue_tokens(lo, q.start)
        put = _PUT_IT.search(text, max(lo, q.start - 120), q.start)
        if put is not None and (not cues or cues[-1][0] < put.start()):
            cues = cues + [(put.start(), put.end(), "put it")]  # 'As X put it, "…"'
        if not cues or _word_count(text, cues[-1][1], q.start) > 9:
            if last == ":" and _word_count(text, s_start, q.start) <= 16:
                # "Perez lobbies for a higher minimum wage: "…"": the colon is the cue
                sp = first_subject(text, s_start, q.start)
                if sp is not None and not _PUNCT_IN.search(text, s_start, sp[0]):
                    colon = text.rfind(":", lo, q.start)
                    return sp, (colon, colon + 1)
            return None
        cs, ce, w = cues[-1]
        cs, ce = self._particle_cue(cs, ce, w)
        gap = text[ce : q.start]
        if re.search(r"\b(?:that|whether|if|dass|que)\b", gap):
            return None
        if w in _NAMING or w in _NOT_BEFORE_QUOTE or (last != ":" and w in _NOUNISH):
            return None  # 'a play called "Sons of Trump"', 'a shirt that read "…"': names
        if w == _ACCORDING_CUE:
            sp = phrase_after(text, ce, q.start)
            return (sp, (cs, ce)) if sp else None
        if last != ":" and self._reported_tail(cues[:-1], cs, w):
            return None
        if w.endswith("ing") and text[max(lo, cs - 2) : cs].strip() == ",":
            # "Trump …, asserting, "…"": the subject of the sentence, also when an earlier
            # quotation of the sentence stands between ("treating it as a compliment --
            # "…" -- and, when questioned, asserting, "…"")
            sp = self._clip_subject(first_subject(text, s_start, cs) or first_subject(
                text, self.ix.sentence_at(q.start)[0], cs), forward=True)
        else:
            sp = self._clip_subject(subject_before(text, lo, cs), forward=False)
        if sp is None:
            sp = self._subject_of_and(lo, cs)  # "I laughed and said, "…""
        if sp is None and (w.endswith("ing") or _AND_BEFORE.search(text, max(lo, cs - 12), cs)
                           or _TO_BEFORE.search(text, max(lo, cs - 4), cs)):
            # "X went so far as to say: …", "X was quick to add: …"
            sp = self._clip_subject(first_subject(text, s_start, cs), forward=True)
        if sp is None:
            sp2 = phrase_after(text, ce, q.start)
            if sp2 and text[cs - 2 : cs].strip() in ("", ","):
                sp = sp2
        if sp is None:
            return None
        return sp, (cs, ce)

    def _reported_tail(self, earlier, cs: int, w: str) -> bool:
        """Whether the quote after the cue at ``cs`` ends a clause that an earlier reporting
        verb of the sentence reports: 'The senator said the agency was seeking "economic
        advantage."' is one mixed attribution by the senator, left to the reported-speech
        stage, not a direct quote with "seeking" as its cue. Not when a reporting verb opens
        the quote's own clause ('…, a man yelled "Stay there!"') or follows the first one
        ("writes back"), nor after a parenthetical ('…, he said, it could help … "…"'), whose
        content has a quoted share of its own."""
        if w in lex.SAY_VERBS:
            return False
        text = self.text
        for c in earlier:
            if c[2] not in lex.SAY_VERBS or c[1] >= cs:
                continue
            gap = text[c[1] : cs]
            return "," not in gap and _word_count(text, c[1], cs) >= 2
        return False

    def _lead_before_aside(self, q, inner_s: int, sp, cue, s_start: int, before_lo: int) -> bool:
        """'LEAD, X said, "quotation in lower case …"': the attribution is an aside between
        commas, the sentence opens before it and the quotation goes on with it."""
        text = self.text
        if before_lo != s_start or sp is None or cue[1] > q.start or sp[1] > cue[0]:
            return False
        if not text[inner_s : inner_s + 1].islower():
            return False
        if text[cue[1] : q.start].strip() != ",":
            return False
        head = text[s_start : sp[0]].rstrip()
        if not head.endswith(","):
            return False
        comma = s_start + len(head) - 1
        return (2 <= _word_count(text, s_start, comma) <= 30
                and "," not in text[s_start:comma]
                and not self.ex.cue_tokens(s_start, comma)
                and not _THAT_OR_QUOTE.search(text, s_start, comma))

    def _headline_goes_on(self, q, inner_e: int, cue, para_i: int) -> int | None:
        """End of a Title Case headline that goes on after the quotation its colon opens
        ('Name: 'Quoted Words' Rest Of The Claim'), or None."""
        text = self.text
        if text[cue[0] : cue[1]] != ":" or not text[inner_e - 1 : inner_e].isalnum():
            return None
        ps, pe = self.ix.paras[para_i]
        if not _is_headline(text, ps, pe):
            return None
        hi = pe
        while hi > q.end and text[hi - 1] in " \t\n.!?":
            hi -= 1
        if _word_count(text, q.end, hi) < 2 or _SENT_END.search(text, q.end, hi):
            return None
        j = bisect.bisect_right(self._q_starts, q.start)
        if j < len(self.stretches) and self.stretches[j].start < hi:
            return None
        return hi

    def _tail_after_aside(self, q, sp, cue, s_end: int):
        """'"…," X said, that/to/would … .': the unquoted rest of the sentence that goes on
        with the quotation after an attribution between commas -> its span, or None."""
        text = self.text
        if sp is None or cue[0] < q.end or text[q.inner_start : q.inner_end].rstrip()[-1:] != ",":
            return None  # the quotation must stop mid-sentence: '"…," he said, that …'
        m = _TAIL_AFTER_ASIDE.match(text, max(sp[1], cue[1]), s_end)
        if m is None:
            return None
        lo = m.start(1)
        hi = s_end
        while hi > lo and text[hi - 1] in " \t\n.!?":
            hi -= 1
        j = bisect.bisect_left(self._q_starts, lo)
        if j < len(self.stretches) and self.stretches[j].start < hi:
            return None  # a quotation follows: the direct stage takes it
        if _word_count(text, lo, hi) < 3:
            return None
        return lo, hi

    def _reports_clause(self, ce: int, w: str, s_end: int) -> bool:
        """Whether the cue ending at ``ce`` reports a clause of its own: '"It is over." Smith
        said *the talks had failed*.' (that sentence is not the quotation's attribution)."""
        text = self.text
        lo = self._past_object(ce, w, s_end)
        for _ in range(3):
            pp = _TIME_PP.match(text, lo, s_end)
            if pp is None or pp.end() == lo:
                break
            lo = pp.end()
        hi = s_end
        while hi > lo and text[hi - 1] in " \t\n.!?":
            hi -= 1
        if not text.startswith(" ", lo):
            return False  # '… LeVell declared, a point he likes to make': an aside
        first = _FIRST_WORD.match(text, lo + 1, hi)
        if first is not None and first.group().lower() in _NOT_CLAUSE_OPENERS:
            return False  # '… Sessions said as he launched the process.'
        if _THAT_WORD.match(text, lo + 1, hi) is not None:
            return True
        return _word_count(text, lo, hi) >= 3 and clause_shape(text, lo + 1, hi) in ("fin", "comp")

    def _particle_cue(self, cs: int, ce: int, w: str) -> tuple[int, int]:
        """The cue span, with the verb before a particle "back" ("writes back", "shot back"):
        -> (start, end)."""
        if w != "back":
            return cs, ce
        m = _VERB_BEFORE_BACK.search(self.text, max(0, cs - 20), cs)
        if m is None or m.group(1) in _NOT_PARTICLE_VERB or m.group(1).endswith("n't"):
            return cs, ce
        return m.start(1), ce

    def _clip_subject(self, sp, *, forward: bool, past: bool = False):
        """A speaker phrase cut at a finite "say" verb inside it: a phrase found running
        forward from the sentence start ends before it ("The senator | said Monday he"), one
        found running back from the cue starts after it ("… said | officials"). None when
        nothing is left. With ``past``, any past tense ("The campaign | launched") ends it too."""
        if sp is None:
            return None
        text = self.text
        for m in _WORD.finditer(text, sp[0], sp[1]):
            w = m.group()
            if (w in FINITE_SAY or past and w.endswith("ed") and w.islower()) and m.start() > sp[0]:
                if forward:
                    hi = m.start()
                    while hi > sp[0] and text[hi - 1] in " \t,":
                        hi -= 1
                    return (sp[0], hi) if hi > sp[0] else None
                lo = m.end()
                while lo < sp[1] and text[lo] in " \t,":
                    lo += 1
                return self._clip_subject((lo, sp[1]), forward=False) if lo < sp[1] else None
        return sp

    def _subject_of_and(self, lo: int, cs: int):
        """The subject of the verb before "and" in "X laughed and said": X, when it stands
        right before that verb."""
        text = self.text
        m = _AND_BEFORE.search(text, max(lo, cs - 12), cs)
        if m is None:
            return None
        v = _VERB_BEFORE.search(text, max(lo, m.start() - 30), m.start())
        if v is None:
            return None
        sp = subject_before(text, max(lo, v.start() - 120), v.start())
        if sp is None or not _source_head(text[sp[0] : sp[1]]):
            return None
        return sp

    def run(self) -> None:
        text = self.text
        ix = self.ix
        prev: _Found | None = None
        prev_para = -10
        stretches = self.stretches
        for n, q in enumerate(stretches):
            inner_s, inner_e = _strip_span(text, q.inner_start, q.inner_end)
            n_words = _word_count(text, inner_s, inner_e)
            if n_words == 0:
                continue
            turn = self._turns.get(q.start)
            if turn is not None:
                # '"WALLACE: Will she be there?': the label is the speaker, its colon the cue
                lo = _LEADING_JUNK.match(text, turn[1]).end()
                if _word_count(text, lo, inner_e):
                    # the turn runs to the end of its paragraph, past quotations inside it
                    hi = max(inner_e, ix.paragraph_at(max(q.start, q.end - 1))[1])
                    while hi > lo and text[hi - 1] in "\"\u201d":
                        hi -= 1
                    self._add_direct(q, *_strip_span(text, lo, hi), turn,
                                     (turn[1], turn[1] + 1))
                    prev = self.ex.found[-1]
                    prev.marks = None
                    prev_para = ix.paragraph_index(q.start)
                continue
            s_start, s_end = ix.sentence_at(q.start)
            s_end = max(s_end, ix.sentence_at(max(q.end - 1, q.start))[1])
            if (s_end <= q.end + 1 and q.end + 2 < len(text) and text[q.end] in " \t"
                    and _ONLY_PUNCT.fullmatch(text, s_start, q.start)):
                # '"… Really?" Bush said.': the splitter ended the sentence inside the quote.
                # Only for a quotation that opens its sentence: after 'They chanted "Lock her
                # up."' or 'The sign read "Vote."' the next sentence is a new one
                s2 = ix.sentence_at(q.end + 1)[1]
                cues = self.ex.cue_tokens(q.end, s2)
                if (cues and cues[0][2] in lex.SAY_VERBS
                        and not self._reports_clause(cues[0][1], cues[0][2], s2)
                        and _word_count(text, q.end, cues[0][0]) <= 4
                        and (_word_count(text, cues[0][1], s2) <= 5
                             or text.startswith(",", cues[0][1])
                             or _PREP_START.match(text, cues[0][1] + 1, s2) is not None
                             and (_word_count(text, cues[0][1], s2) <= 12
                                  # '"…?" Trump said of Apple in February, when …'
                                  or _words_to_comma(text, cues[0][1], s2) <= 8)
                             # '"…?" Trump asked reporters during a news conference.'
                             or cues[0][2] in _OBJECT_VERBS
                             and not self._clause_follows(cues[0][1], cues[0][2], s2))
                        and not _THAT_OR_QUOTE.search(text, cues[0][1], s2)):
                    s_end = s2
            nxt = stretches[n + 1].start if n + 1 < len(stretches) else len(text)
            before_lo = s_start
            if n > 0 and stretches[n - 1].end > s_start:
                before_lo = stretches[n - 1].end
            para_i = ix.paragraph_index(q.start)
            if _NOT_PROSE.search(text, inner_s, inner_e) or text[q.start - 1 : q.start] == "=":
                continue
            if self._subheading(q, inner_s, inner_e, n_words):
                continue  # "'A change warrior.'" alone on a line: a section heading
            if self._show_title(q, inner_s, inner_e, n_words):
                continue  # 'told NBC's "Today"': the title of a programme or a work
            # '"A," he said, "B."': the previous quote's attribution sits between the two
            if (
                prev is not None
                and prev.cue is not None
                and prev.marks is not None
                and prev.marks[1] <= prev.cue[0] < q.start
                and prev.marks[1] >= before_lo - 1
                and not _SENT_END.search(text, prev.marks[1], q.start)
                and _word_count(text, prev.cue[1], q.start) <= 8
                and not _THAT_WORD.search(text, prev.cue[1], q.start)
            ):
                # a reporting verb of its own ("adding") starts a new attribution; an aside
                # ("speaking of politicians") does not
                more = [c for c in self.ex.cue_tokens(prev.cue[1], q.start) if c[2] in lex.SAY_VERBS]
                if more:  # '"A," she said, adding: "B."' - a second attribution, same speaker
                    self._add_direct(q, inner_s, inner_e, prev.sp, more[-1][:2])
                else:
                    self._add_direct(q, inner_s, inner_e, prev.sp, prev.cue,
                                     attr=prev.attribution)
                prev = self.ex.found[-1]
                prev_para = para_i
                continue
            after = self.attribution_after(q, s_end, nxt)
            before = None if after else self.attribution_before(q, before_lo)
            attr = None
            if after or before:
                sp, cue = after or before
                # same attribution as the previous quote: '"A," he said, "B."'
                if prev is not None and prev.cue == cue:
                    attr = prev.attribution
                lead = _strip_span(text, before_lo, q.start) if after else None
                if (
                    after
                    and before_lo == s_start
                    and lead[1] > lead[0]
                    and not text[before_lo : q.start].rstrip().endswith(":")
                    and (not any(c[2] not in lex.DIRECT_ONLY_CUES
                                 for c in self.ex.cue_tokens(s_start, q.start))
                         or text[inner_s : inner_s + 1].islower()
                         and not any(c[2] in lex.SAY_VERBS
                                     for c in self.ex.cue_tokens(s_start, q.start)))
                    and 2 <= _word_count(text, lead[0], lead[1]) <= 25
                ):
                    # 'The new strategy is a "very welcome tack," he said.': the reported
                    # content is the whole clause, partly quoted
                    self._add_direct(q, inner_s, inner_e, sp, cue, attr=attr)
                    f = self.ex.found[-1]
                    f.start, f.end, f.kind, f.marks = lead[0], q.end, "mixed", None
                    self.ex.claimed[-1] = (min(lead[0], self.ex.claimed[-1][0]), self.ex.claimed[-1][1])
                elif before and self._lead_before_aside(q, inner_s, sp, cue, s_start, before_lo):
                    # 'The club's investment, Ms. Tanner said, "is a perfect example of
                    # adapting."': the quotation finishes the sentence the lead began; the
                    # lead is a part of the same attribution
                    lead = _strip_span(text, s_start, text.rfind(",", s_start, sp[0]))
                    self._add_direct(q, inner_s, inner_e, sp, cue, attr=attr)
                    f = self.ex.found[-1]
                    if text[inner_e - 1 : inner_e].isalnum() and _LOWER_NEXT.match(text, q.end, s_end):
                        # '… "is a perfect example of adapting" to the economics of golf.'
                        hi = s_end
                        while hi > q.end and text[hi - 1] in " \t\n.!?":
                            hi -= 1
                        f.start, f.end, f.kind, f.marks = q.start, hi, "mixed", None
                        self.ex.claimed[-1] = (self.ex.claimed[-1][0], max(hi, self.ex.claimed[-1][1]))
                    g = _Found(lead[0], lead[1], "mixed", sp, cue, attribution=f.attribution)
                    self.ex.found.insert(len(self.ex.found) - 1, g)
                    self.ex.claimed[-1] = (min(lead[0], self.ex.claimed[-1][0]),
                                           self.ex.claimed[-1][1])
                elif before and self._headline_goes_on(q, inner_e, cue, para_i) is not None:
                    # 'Sanders: 'It Is Not A Radical Idea' To Ask For A $15 Wage': the
                    # headline's claim is the whole line after the colon, partly quoted
                    hi = self._headline_goes_on(q, inner_e, cue, para_i)
                    self._add_direct(q, inner_s, inner_e, sp, cue, attr=attr)
                    f = self.ex.found[-1]
                    f.start, f.end, f.kind, f.marks = q.start, hi, "mixed", None
                    self.ex.claimed[-1] = (self.ex.claimed[-1][0], max(hi, self.ex.claimed[-1][1]))
                elif (before and cue[1] <= q.start and text[inner_e - 1 : inner_e].isalnum()
                      and text[q.inner_start : q.inner_end].rstrip()[-1:] != ","
                      and _LOWER_NEXT.match(text, q.end, s_end)
                      and text[cue[0] : cue[1]].lower() in lex.SAY_VERBS):
                    # 'PolitiFact claimed "Trump exaggerates" the level of …': the quoted
                    # words open a clause that goes on; the clause is the content
                    self._add_direct(q, inner_s, inner_e, sp, cue, attr=attr)
                    f = self.ex.found[-1]
                    hi = s_end
                    while hi > q.end and text[hi - 1] in " \t\n.!?":
                        hi -= 1
                    f.start, f.end, f.kind, f.marks = q.start, hi, "mixed", None
                    self.ex.claimed[-1] = (self.ex.claimed[-1][0], max(hi, self.ex.claimed[-1][1]))
                else:
                    self._add_direct(q, inner_s, inner_e, sp, cue, attr=attr)
                    tail = self._tail_after_aside(q, sp, cue, s_end) if after else None
                    if tail is not None:
                        # '"It was our bad luck," he said, that both men had ties to it.':
                        # the clause after the attribution goes on with the quotation
                        f = self.ex.found[-1]
                        self.ex.found.append(_Found(tail[0], tail[1], "mixed", sp, cue,
                                                    attribution=f.attribution))
                        self.ex.claimed[-1] = (self.ex.claimed[-1][0],
                                               max(tail[1], self.ex.claimed[-1][1]))
                prev = self.ex.found[-1]
                prev_para = para_i
                continue
            named = _NAMED_AS.search(text, max(before_lo, q.start - 40), q.start)
            if named is not None and n_words <= 16:
                # 'what one conservative has dubbed "the yuca primary"', 'the slogan "Axe
                # the tax."': the quoted words are a name someone gave, which news
                # attribution counts as a quote of its own
                cue = named.span(1)
                sp = None
                if cue[0] > before_lo and not text.startswith("slogan", cue[0]):
                    sp = subject_before(text, before_lo, cue[0])  # "who he dubbed"
                far = None
                if sp is None or not _source_head(text[sp[0] : sp[1]]):
                    # 'Nixon ran on the slogan "…"': who gave the name (the clause before
                    # stays free for an attribution of its own)
                    sp = None
                    far = self._clip_subject(first_subject(text, s_start, cue[0]), forward=True,
                                             past=True)
                    if far is not None and (not _source_head(text[far[0] : far[1]])
                                            or text[far[0] : far[1]].split()[-1].lower()
                                            in lex.NOT_SPEAKER):
                        far = None
                self._add_direct(q, inner_s, inner_e, sp, cue)
                if far is not None:
                    self.ex.found[-1].sp = far
                prev = self.ex.found[-1]
                prev_para = para_i
                continue
            # a quote standing alone as a sentence: continues the previous speaker
            opens = _ONLY_PUNCT.fullmatch(text, s_start, q.start) is not None
            alone = opens and _ONLY_PUNCT.fullmatch(text, q.end, max(q.end, s_end)) is not None
            if (
                opens
                and not alone
                and prev is not None
                and prev.marks is not None
                and para_i == prev_para
                and ix.index_at(q.start) - ix.index_at(prev.marks[0]) == 1
                and n_words >= 3
                and not self.ex.cue_tokens(q.end, s_end)
            ):
                # '"…," he said. "There were deniers" of the science.' continues the speaker
                alone = True
            intro = self.intro_paragraph(para_i) if q.start == ix.paras[para_i][0] else None
            short_ok = n_words >= 3 or (
                n_words == 2 and prev is not None and para_i == prev_para
            )
            if intro is None and (not alone or not short_ok):
                last = text[inner_s:inner_e].rstrip()[-1:]
                if n_words >= 12 or (n_words >= 9 and last in ".,!?"):
                    # a long quotation with no cue in reach: a quote, speaker unknown
                    self.ex._orphans.append((q, inner_s, inner_e))
                elif opens and n_words >= 3:
                    # '"France will always be France," an angry Hollande retaliated.': an
                    # attribution not read; the quotes after it are not the last speaker's
                    self._unread.append(q.start)
                continue
            said = self._said_before(q, para_i, prev) if intro is None else None
            if intro is not None:
                sp, cue = intro
                self._add_direct(q, inner_s, inner_e, sp, cue)
            elif said is not None:
                # 'Smith said the plan would fail. "It is a disaster."': the speaker of the
                # sentence before, not of an older quote
                self._add_direct(q, inner_s, inner_e, said[0], said[1])
            elif (prev is not None and para_i - prev_para <= 1
                  and not (prev.cue and _SIGNATURE.fullmatch(text, *prev.cue))
                  and not self._chain_broken(prev, q)):
                # (a quotation signed "― Name" ends its attribution: testimonials, letters)
                self._add_direct(q, inner_s, inner_e, None, None, attr=prev.attribution,
                                 carried=True, speaker_from=prev)
            else:
                self._add_direct(q, inner_s, inner_e, None, None)
            prev = self.ex.found[-1]
            prev_para = para_i

    def _subheading(self, q: QuoteStretch, inner_s: int, inner_e: int, n_words: int) -> bool:
        """Whether quotation ``q`` is a section heading: alone on its line (past the title),
        at most 8 words, in single quotation marks or in capitals ("'A change warrior.'",
        "– 'Who cares?' –", '"DIVISIVE, STUPID AND WRONG"'). Quoted speech on a line of its
        own comes in double marks and in sentence case."""
        text = self.text
        if n_words > 8:
            return False
        ps, pe = self.ix.paras[self.ix.paragraph_index(q.start)]
        if ps == 0 or not _ONLY_DASHES.fullmatch(text, ps, q.start) or not _ONLY_DASHES.fullmatch(
                text, q.end, pe):
            return False
        inner = text[inner_s:inner_e]
        return q.single or (inner.upper() == inner and sum(c.isalpha() for c in inner) >= 6)

    def _show_title(self, q: QuoteStretch, inner_s: int, inner_e: int, n_words: int) -> bool:
        """Whether quotation ``q`` is a title after a possessive name ('on CNN's "State of the
        Union,"', 'told NBC's "Today"', 'POLITICO's "Off Message"'): a few words in Title
        Case, outside a Title Case headline."""
        text = self.text
        if n_words > 8 or not _POSSESSOR.search(text, max(0, q.start - 40), q.start):
            return False
        words = _WORDS_ONLY.findall(text, inner_s, inner_e)
        if not words or not all(w[:1].isupper() or len(w) <= 3 for w in words):
            return False
        ps, pe = self.ix.paras[self.ix.paragraph_index(q.start)]
        return ps > 0 and not _is_headline(text, ps, pe)

    def _chain_broken(self, prev: _Found, q: QuoteStretch) -> bool:
        """Whether quote ``q`` cannot carry on ``prev``'s speaker: a quotation with an
        attribution that was not read stands between them, or one follows ``q`` itself
        ('"You know, it happens, right?" Trump went on, as if …')."""
        k = bisect.bisect_right(self._unread, prev.end)
        if k < len(self._unread) and self._unread[k] < q.start:
            return True
        m = _UNREAD_AFTER.match(self.text, q.end)
        if m is None:
            return False
        first = m.group(1).lower()
        # 'He added, …', 'For instance, …' are not a name and a verb
        return first not in lex.NOT_SPEAKER and first not in lex.PRONOUNS and first not in (
            "that", "it", "its", "that's", "it's", "this", "there")

    def _said_before(self, q: QuoteStretch, para_i: int, prev: _Found | None):
        """(speaker, cue) of "X said …" in the sentence before quote ``q`` in its paragraph,
        when that sentence holds no quotation of its own and comes after ``prev``."""
        ix = self.ix
        k = ix.index_at(q.start) - 1
        if k < 0:
            return None
        s0, s1 = ix.spans[k]
        if ix.paragraph_index(s0) != para_i or prev is not None and (
                prev.end > s0 or prev.cue is not None and prev.cue[1] > s0):
            return None  # '"Why?" Trump asked. "…"': the sentence is the last quote's own
        j = bisect.bisect_left(self._q_starts, s0)
        quoted = j < len(self.stretches) and self.stretches[j].start < s1
        cues = [c for c in self.ex.cue_tokens(s0, s1) if c[2] in lex.SAY_VERBS]
        if not cues:
            return None
        cs, ce, _ = cues[-1]
        if quoted:
            # 'Clinton "drew well" in the primary, said Professor Paul Beck. "…"': a sentence
            # that ends in its attribution, after the quoted words it holds
            last = max(q2.end for q2 in self.stretches[j:] if q2.start < s1)
            if last > cs:
                return None
            w = self.text[cs:ce].lower()
            if (w not in _OBJECT_VERBS and self.text[max(s0, cs - 2) : cs].strip() == ","
                    and _ATTRIBUTION_END.match(self.text, ce, s1)):
                sp = phrase_after(self.text, ce, s1)  # "…, said Paul Beck."
                return (sp, (cs, ce)) if sp is not None else None
        sp = subject_before(self.text, s0, cs)
        if sp is None or not _source_head(self.text[sp[0] : sp[1]]):
            return None
        if quoted and not _SENTENCE_TAIL.fullmatch(self.text, ce, s1):
            return None
        return sp, (cs, ce)

    def intro_paragraph(self, para_i: int):
        """A paragraph ending in "He said:" introduces the quote paragraph after it."""
        if para_i == 0:
            return None
        ps, pe = self.ix.paras[para_i - 1]
        if not self.text[ps:pe].rstrip().endswith(":"):
            return None
        s_start, _ = self.ix.sentence_at(pe - 1)
        cues = self.ex.cue_tokens(s_start, pe)
        colon = self.text.rfind(":", ps, pe)
        if not cues:
            h = _HEADLINE.search(self.text, s_start, pe)
            if h:
                return h.span(1), (colon, colon + 1)
            return None
        cs, ce, w = cues[-1]
        if w == _ACCORDING_CUE:
            sp = phrase_after(self.text, ce, pe)
        else:
            sp = subject_before(self.text, s_start, cs)
            if sp is None and w.endswith("ing"):
                sp = first_subject(self.text, s_start, cs)
        if sp is None:
            return None
        # the whole "said about …:" stretch is the cue's context; keep the verb as the cue
        return sp, (cs, ce)

    def _add_direct(self, q, s, e, sp, cue, *, attr=None, carried=False, speaker_from=None):
        if attr is None:
            attr = self.ex.new_attr()
        f = _Found(s, e, "direct", sp, cue, carried=carried, marks=(q.start, q.end),
                   attribution=attr)
        if speaker_from is not None:
            f.extra["carried_from"] = speaker_from
        self.ex.found.append(f)
        lo = min([q.start] + [x[0] for x in (sp, cue) if x])
        hi = max([q.end] + [x[1] for x in (sp, cue) if x])
        self.ex.claimed.append((lo, hi))
