"""Reported speech: cue words -> source -> content span, one attribution per cue.

One stage of :func:`coverage_kit.extract.quotes.extract_quotes`, run after the direct and
headline stages. For each sentence (:class:`~coverage_kit.extract._sentences.SentenceIndex`)
it takes the cue words (:func:`~coverage_kit.extract.quotes.find_cues`) that are not inside
a quotation or a span an earlier stage claimed, and for each cue

1. finds the source: the subject before the cue ("X said …"), the phrase after it in an
   inverted attribution ("…, said X"), the subject of a participle ("…, saying …") or the
   phrase after "according to" / before "zufolge";
2. rejects cues that are nouns or not speech in context ("the city's plans for …", "added
   another goal", "a group called …", "reported from Los Angeles");
3. finds the content: after the cue (:func:`~coverage_kit.extract._content.content_start`,
   :func:`~coverage_kit.extract._content.content_end`) or, for "…, X said", the clause
   before the subject.

Special shapes: "When asked whether …, X said" (the question is the content), "X is
expected to …" and "X is reportedly …" (no source named; flagged ``expectation``), "X was
described as …" (the subject is the topic, not the source; flagged ``passive``). A closing
attribution governs its sentence ("The leaders agreed that …, he said."). Content that runs
into a quote claimed before is dropped, unless that quote is a short quoted fragment inside
the reported clause (then both become one attribution), or the cue is an outer "according
to" (flagged ``nested``).

Input: the extractor's sentence index, quote stretches, cue words, and the ``found`` and
``claimed`` spans of the earlier stages. Output: ``_Found`` records appended to the
extractor's ``found`` (origin ``"indirect"``, kind ``indirect`` or ``mixed``, or ``direct``
when quotation marks cover the content). :func:`find_indirect` runs the stage alone;
``tests/test_indirect_stage.py`` tests it.

Examples
--------
>>> t = "The minister said on Friday that talks would resume next week."
>>> [(t[f.start:f.end], t[f.sp[0]:f.sp[1]], t[f.cue[0]:f.cue[1]]) for f in find_indirect(t)]
[('that talks would resume next week', 'The minister', 'said')]
"""

from __future__ import annotations

import bisect
import re

from . import _lexicon as lex
from ._clauses import clause_shape
from ._content import TIME_PP as _TIME_PP
from ._content import clause_subject_start, content_end, content_start, expectation_aux
from ._content import hedge_adverbs
from ._mentions import first_subject, phrase_after
from .quotes import (
    _ACCORDING_CUE,
    _AND_BEFORE,
    _EVIDENCE_SOURCES,
    _FIRST_WORD,
    _NAMING,
    _NOUNISH,
    _ONLY_PUNCT,
    _POSTPOSED_CUE,
    _PREP_START,
    _SAY_OR_SPEECH,
    _WORDS_IN,
    _Extractor,
    _Found,
    _source_head,
    _strip_span,
    _word_count,
    subject_before,
)

__all__ = ["IndirectStage", "find_indirect"]

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
_SHORT_PP = re.compile(r"[ \t]+(?:in|at|of|from|on|for|with|who|during)\b")
_ASKED_OPEN = re.compile(r"\W*Asked[ \t]+(?=(?:whether|if|why|what|how|when|where|who|about)\b)")
_WHEN_ASKED = re.compile(r"\b(?:[Ww]hen|[Aa]fter being|[Bb]eing|[Ii]f|[Oo]nce|[Ww]as|[Ww]ere)\s+$")
_BY_AGENT = re.compile(r"[ \t]+by\b")
# cues whose passive subject is what is talked about: "Smith was described as …"
_PASSIVE_TOPIC = frozenset(
    "described called named labeled labelled dubbed branded accused criticized criticised "
    "praised quoted cited told asked urged warned reminded informed blamed attacked mocked "
    "thanked".split())
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be)[ \t]+(?:[a-z]+ly[ \t]+)?$")
_AUX_LEFT = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would)[ \t]+$")
_PRONOUN_S = re.compile(r"(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hat|[Tt]here|[Ww]ho|[Ww]hat)['\u2019]s$")
_ADD = frozenset("add adds added adding hint hints hinted hinting".split())
_COPULA_NEXT = frozenset("is are was were remain remains include includes".split())
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_NOUN_CUE_NEXT = frozenset("would will can could should may might must".split())
_PP_ONLY = re.compile(r"(?:from|by|at|in|on|during|after|before)\b")


def _common_noun_phrase(mention: str) -> bool:
    """'State media', 'critics', 'the group': no pronoun and no proper name after word one."""
    words = mention.split()
    if not words or mention.lower() in lex.PRONOUNS:
        return False
    if len(words) == 1 and words[0][:1].isupper() and not words[0].endswith("s"):
        return False  # a name: "Beck"
    return not any(w[:1].isupper() for w in words[1:])


def _iou(a, b) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0.0
    return inter / (max(a.end, b.end) - min(a.start, b.start))


def find_indirect(text: str) -> list[_Found]:
    """The reported speech of ``text`` that this stage finds, alone (no direct, headline or
    orphan stage runs before it, so quotation marks claim nothing).

    Examples
    --------
    >>> t = "Prices will rise, the central bank warned."
    >>> [(t[f.start:f.end], t[f.sp[0]:f.sp[1]]) for f in find_indirect(t)]
    [('Prices will rise', 'the central bank')]
    """
    ex = _Extractor(text, None)
    IndirectStage(ex).run()
    return ex.found


class IndirectStage:
    """The reported-speech stage over one text; appends to the extractor's ``found`` (and
    may drop short direct quotes it merges into a reported clause)."""

    def __init__(self, ex: _Extractor):
        self.ex = ex
        self.text = ex.text
        self.ix = ex.ix
        self.stretches = ex.stretches
        self._q_starts = ex._q_starts
        self.quotes = ex.quotes
        self._before_indirect: tuple[list, list, int] = ([], [], 0)
        self._read_prev = False

    def run(self) -> None:
        claimed = sorted(self.ex.claimed)
        self.ex.claimed = claimed
        before = sorted(self.ex.found, key=lambda g: g.start)
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
            if overlaps_claim(f.start, f.end) or (self.ex.found and _iou(self.ex.found[-1], f) > 0.5):
                if not outer:
                    inner = self._fragments_inside(f)
                    if not inner:
                        return False  # content running into a quote claimed before
                    # 'He said that he would offer "a prayer" for the nominee but …': the
                    # quoted words are part of the reported clause, one attribution
                    for g in inner:
                        g.extra["merged"] = True
                    self.ex.found = [g for g in self.ex.found if not g.extra.get("merged")]
                    self.ex.found.append(f)
                    return True
                f.extra["nested"] = True
            self.ex.found.append(f)
            return True

        hedges = hedge_adverbs(self.text)
        self.ex.cue_tokens(0, 0)  # find the cues once
        cue_starts = self.ex._cue_starts
        n_cues = len(cue_starts)
        k_cue = 0
        taken_until = -1
        for s_start, s_end in self.ix.spans:
            # sentences without a cue word (most) and without a hedge need no look
            while k_cue < n_cues and cue_starts[k_cue] < s_start:
                k_cue += 1
            if (k_cue == n_cues or cue_starts[k_cue] >= s_end) and not hedges:
                continue
            cues = [c for c in self.ex.cue_tokens(s_start, s_end) if usable(c[0])]
            closing = None
            if len(cues) > 1 and cues[-1][2] != _ACCORDING_CUE:
                # "The leaders agreed that …, he said.": the closing attribution governs
                cs, ce, w = cues[-1]
                self._read_prev = False
                f = self.one_indirect(cs, ce, w, max(s_start, cs - 600), min(s_end, ce + 2000))
                if f is not None and f.end <= cs and f.start <= s_start + 3 and accept(f):
                    taken_until = max(f.end, cs + 1)
                    continue
                if not self._read_prev:
                    closing = (cs, f)  # the same answer when the loop reaches this cue
            for cs, ce, w in cues:
                if cs < taken_until:
                    continue
                if closing is not None and cs == closing[0]:
                    f = closing[1]
                    if f is not None:
                        f.attribution = self.ex.new_attr()  # the number it would get now
                else:
                    # a cue looks at most this far: keeps giant "sentences" linear
                    f = self.one_indirect(cs, ce, w, max(s_start, cs - 600),
                                          min(s_end, ce + 2000))
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
        """The attribution of the cue ``w`` at ``cs``-``ce`` in the sentence (window)
        ``s_start``-``s_end``, or None. Pure but for attribution numbers; sets
        ``_read_prev`` when the answer depended on the last attribution found."""
        if w in lex.DIRECT_ONLY_CUES:
            return None  # '"…," he shrugged': only with a quotation (the direct stage)
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
                for _, _, w2 in self.ex.cue_tokens(lo, hi):
                    if w2 in lex.SAY_VERBS:
                        return None
            else:
                # "CONTENT, according to X."
                lo, hi = _strip_span(text, s_start, cs)
            if _word_count(text, lo, hi) < 3:
                return None
            f = self._indirect(lo, hi, sp, (cs, ce))
            f.extra["cue_word"] = _ACCORDING_CUE  # "laut", "selon" as well
            return f
        if w == _POSTPOSED_CUE:
            sp = subject_before(text, s_start, cs)
            if sp is None:
                return None
            lo, hi = _strip_span(text, ce, c_end)
            if _word_count(text, lo, hi) < 3:
                return None
            f = self._indirect(lo, hi, sp, (sp[0], ce))
            f.extra["cue_word"] = _POSTPOSED_CUE
            return f
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
                self._read_prev = True
                prev = self.ex.found[-1] if self.ex.found else None
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
                or _word_count(text, lo, hi) <= 4 and not self.ex._in_quote(hi - 1)
                and all(x[:1].isupper() for x in _WORDS_IN.findall(text, lo, hi))):
            # "a group called Citizens for Trump", "called to mind", "Obama called Naghmeh
            # Abedini" (a phone call): naming or calling, not speech
            return None
        if (
            not inverted
            and lo > cs
            and _word_count(text, lo, hi) <= 4
            and _PP_ONLY.match(text, lo, hi)
            and not self.ex._in_quote(hi - 1)
        ):
            return None  # "Lerer reported from Los Angeles": a place, not what was reported
        if w in _NAMING and _common_noun_phrase(text[sp[0] : sp[1]]) and (
            self.ex._is_label(lo, hi, titles_only=True) or self.ex._is_label(lo, hi)
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
        if comma != -1 and not self.ex._in_quote(comma):
            hi = comma
        lo, hi = _strip_span(text, lo, hi)
        if _word_count(text, lo, hi) < 2:
            return None
        return _Found(lo, hi, "indirect", sp, (cs, ce), attribution=self.ex.new_attr(),
                      origin="indirect")


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
        return _Found(lo, hi, kind, sp, cue, attribution=self.ex.new_attr(), origin="indirect")

    def _fragments_inside(self, f: _Found) -> list[_Found]:
        """The short direct quotes that lie inside reported content ``f`` and leave at least
        three words of it unquoted, when they are all that ``f`` overlaps."""
        out = []
        # the quotes found before the indirect stage, by start (bisect keeps this linear)
        before, starts, longest = self._before_indirect
        k = bisect.bisect_left(starts, f.start - longest)
        near = before[k : bisect.bisect_left(starts, f.end, k)]
        if self.ex.found and self.ex.found[-1].origin == "indirect":
            near = near + [self.ex.found[-1]]
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

