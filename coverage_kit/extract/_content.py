"""Stage 3 of quote extraction, content spans: where reported speech starts and ends.

A cue and its source are found (:func:`~coverage_kit.extract.quotes.find_cues`,
:mod:`coverage_kit.extract._mentions`); this module decides how much of the sentence after
the cue is the reported content. News attribution corpora such as PolNeAR mark the content
as what the source said, thought or took a stance on, and no more:

* a clause runs until a new clause with its own verb or attribution starts ("…, but",
  "…, adding", "; ", " -- ", "… and vowed to …"), or a quotation is closed and a participle
  follows;
* a noun-phrase object ("criticized *the plan*", "endorsed *Clinton*") ends with the noun
  phrase: what follows it ("…, which passed in 1994", "… on Twitter", "… and pledged to …")
  is the writer's, not the source's;
* a cue inside a relative clause or an opening subordinate clause ("Reid, who endorsed
  Clinton in February, …", "After she endorsed Clinton, …") ends its content at that clause's
  comma.

Everything here is a pure function of the text and its quote stretches, with no state:
``tests/test_content_spans.py`` tests each rule on its own.

Examples
--------
>>> from coverage_kit.extract._sentences import SentenceIndex
>>> t = "The senator criticized the treaty, which passed in 1994, on Monday."
>>> q = QuoteLookup(SentenceIndex(t).quotes)
>>> lo = t.index("the treaty")
>>> t[lo:content_end(t, q, lo, len(t) - 1, cue="criticized")]
'the treaty'
"""

from __future__ import annotations

import bisect
import re

from . import _lexicon as lex
from ._clauses import clause_shape
from ._mentions import phrase_after

__all__ = ["QuoteLookup", "content_start", "content_end", "np_object_end", "expectation_aux",
           "clause_subject_start", "hedge_adverbs", "OBJECT_VERBS", "TIME_PP"]

# verbs that take an object before the content ("told reporters that")
OBJECT_VERBS = frozenset(
    "tell tells told telling ask asks asked asking urge urges urged urging warn warns warned "
    "warning assure assures assured assuring remind reminds reminded inform informs informed "
    "call calls called calling accuse accuses accused accusing praise praises praised "
    "criticize criticizes criticized blame blames blamed thank thanks thanked".split()
)
_CALL = frozenset("call calls called calling".split())
# verbs of judgement: their object is part of the content ("criticized *the treaty*",
# "accused *X of lying*"), unlike the addressee of "told" or "urged"
_JUDGE = frozenset(
    "accuse accuses accused accusing praise praises praised criticize criticizes criticized "
    "blame blames blamed thank thanks thanked".split()
)
_THAT_AFTER = re.compile(
    r"(?:[ \t]+[\w\u2019'.-]+){0,7}?[ \t]+(?:that|dass|que|qu['\u2019])\b"
    r"|(?:[ \t]+[\w\u2019'.-]+){0,2}?[ \t]+(?:whether|if|ob|si)\b"
)
# words that show a clause of its own before "that" (a relative "that", not the reported one)
_CLAUSE_WORDS = frozenset(
    "would will was were is are be been has have had can could should may might must did do "
    "does".split()
)
_TIME_NOUNS = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|weekend|month|year|"
    r"morning|afternoon|evening|night|day|today|yesterday|tonight|time|ago)"
)
#: a time, medium or audience phrase between a cue and its content: "in a statement", "on
#: Friday", "at a rally in Ohio", "to reporters", "last week"
TIME_PP = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:(?:on|in|at|during|to|via|over|through|before|after|from)[ \t]+"
    r"(?:(?:a|an|the|his|her|their|its)[ \t]+)?(?:[\w\u2019'.-]+[ \t]+){0,3}?"
    r"(?:statement|interview|speech|rally|email|e-mail|letter|tweet|post|Twitter|Facebook|"
    r"Instagram|X|conference|call|meeting|appearance|television|TV|radio|show|program|"
    r"broadcast|hearing|debate|event|address|release|message|op-ed|column|memo|video|remarks|"
    r"reporters|journalists|briefing|" + _TIME_NOUNS[3:-1] + r"))"
    r"|(?:(?:last|this|on|earlier|late|early|next)[ \t]+)?" + _TIME_NOUNS + r")\b"
)
_WORDS_IN = re.compile(r"[^\W_]+")
# where reported content stops: a new clause with its own verb or attribution
_CUT_LEAD = re.compile("(?=,(?:''|[\"\u201d\u2019'])+)," + "(?:''|[\"\u201d\u2019'])+")
_CUT = re.compile(
    r",(?:''|[\"\u201d\u2019'])*\s+(?:but|while|even as|saying|adding|according to|as well as|although|though)\b"
    r"|,\s+and\s+(?:[\w\u2019'-]+\s+){0,4}?(?:said|says|told|added|say)\b"
    r"|,\s+and\s+(?:he|she|they|it|we|I)\s+\w+"
    r"|[,;]\s+(?:and\s+|while\s+|but\s+)?(?:just\s+|only\s+)?\d+(?:\.\d+)?\s*(?:%|percent)\s+"
    r"(?:of\s+[\w\s]{0,40}?)?(?:said|say|says|think|thought|believe|want|call|agree|disagree)\b"
    r"|,\s+and\s+(?:also\s+|then\s+)?[a-z]+(?:ed|es)\b"
    r"|,\s+as\s+(?!well\b|much\b|many\b|long\b|soon\b)"
    r"|,\s+(?!including\b|regarding\b|concerning\b|according\b|during\b|following\b)"
    r"[a-z]+ing\b(?!\s+(?:to|that)\b)"
    r"|;\s|\s+--\s|\s+[\u2014\u2013]\s"
    r"|\s+and\s+(?:then\s+|also\s+|later\s+)?(?:[a-z]+ed|said|told|says|wrote|called|took|"
    r"gave|made|went|met|spent|sent|left|ran|won|lost|held|led|set)\b(?!\s+(?:by|to)\b)"
)
_AFTER_QUOTE_CLAUSE = re.compile(
    r"[ \t]*(?:,|--|\u2014|\u2013)?[ \t]+(?:(?!including|according)[a-z]+ing)\b"
)
_COMMA_AFTER = re.compile("[ \t]*(?:,|--|\u2014|\u2013)")
# a new predicate of the main subject after a closing quotation mark: '… calling it
# "disqualifying" and asserting that …', '… "an absolute disgrace," and threatened to …'
_NEW_CLAUSE_AFTER_QUOTE = re.compile(
    r"[ \t]*,?[ \t]+and[ \t]+(?:also[ \t]+|then[ \t]+|later[ \t]+)?"
    r"(?!(?:needed|used|supposed|based|related|committed|interested|concerned|involved|"
    r"determined|prepared|pleased|worried|excited|bring|thing|during|nothing|something|"
    r"anything|everything|evening|morning|being)\b)[a-z]+(?:ed|ing)\b")
# a cue inside a non-restrictive relative clause: "Reid, who has endorsed …"
_NONRESTRICTIVE = re.compile(r",[ \t]+(?:who|which)(?:[ \t]+[a-z]+){0,2}[ \t]+$")
_SUBORDINATE = re.compile(
    r"\W*(?:However,?\s+|But\s+|And\s+)?(?:[Ww]hile|[Aa]lthough|[Tt]hough|[Ii]f|[Ww]hen|[Aa]s|"
    r"[Bb]ecause|[Ss]ince|[Ww]hereas|[Ee]ven though)\b"
)
_SAY_OR_SPEECH = lex.SAY_VERBS | lex.SPEECH_VERBS
# the same subject goes on to report something else: "… and vowed to …", "…, and also said …"
_AND_SAY = re.compile(r",?[ \t]+and[ \t]+(?:(?:also|then|later|has|have|had)[ \t]+)?([a-z]+)\b")
#: cues that report a clause ("said they empathize with her"), whose content
#: :func:`~coverage_kit.extract._clauses.clause_shape` may take for a noun phrase
_CLAUSE_VERBS = lex.SAY_VERBS | lex.COGNITION_VERBS | lex.EVIDENCE_VERBS
_SUBJECT_START = re.compile(
    r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Yy]ou|[Ii]t|[Tt]here|[Tt]his|[Tt]hat)\b"
    r"|[\w-]+['\u2019](?:s|re|ve|d|ll|t)\b")


_PARTICLE_BEFORE = re.compile(r"\b(?:for|on|upon|out)[ \t]+$")


class QuoteLookup:
    """The quote stretches of a text (from
    :class:`~coverage_kit.extract._sentences.SentenceIndex`), looked up by offset."""

    __slots__ = ("items", "starts")

    def __init__(self, stretches):
        self.items = stretches
        self.starts = [q.start for q in stretches]

    def inside(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation (marks included)."""
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and self.items[k].start <= pos < self.items[k].end

    def label_end(self, text: str, lo: int, hi: int) -> int:
        """End of the content of "called" when it is a quotation right after the verb ('what
        he called "the prior economy model," the Marsh Landing …'): what was said is the
        quoted label. ("called for", "called on" report a demand: not here.)"""
        k = bisect.bisect_left(self.starts, lo)
        if k < len(self.items):
            q = self.items[k]
            if (q.closed and q.start == lo and q.end < hi
                    and not _PARTICLE_BEFORE.search(text, max(0, lo - 8), lo)):
                return q.end
        return hi

    def cut_after(self, text: str, lo: int, hi: int) -> int:
        """End content at a closing quote that a new clause follows:
        'that "the way to proceed is to work together," suggesting that …'."""
        k = bisect.bisect_left(self.starts, lo)
        while k < len(self.items):
            q = self.items[k]
            if q.start >= hi or q.end >= hi:
                break
            if q.closed and _AFTER_QUOTE_CLAUSE.match(text, q.end, hi) and (
                _COMMA_AFTER.match(text, q.end, hi)
                or text[q.inner_start : q.inner_end].rstrip().endswith(",")
            ):
                return q.end
            if q.closed and q.start > lo and _NEW_CLAUSE_AFTER_QUOTE.match(text, q.end, hi):
                return q.end
            k += 1
        return hi


def content_start(text: str, ce: int, c_end: int, *, cue: str) -> int | None:
    """Start of the content that follows the cue ending at ``ce`` (``c_end``: the end of the
    sentence): after "that"/"whether" when one follows within a few words ("said on Friday
    *that* …"), else past time, medium and audience phrases ("said in a statement …") and,
    for verbs that take a person first, past that object ("told reporters …", "urged
    Congress *to act*"). None when the cue reports speech only with a clause and none
    follows ("wrote a book").
    """
    lo = ce
    t = _THAT_AFTER.match(text, ce, c_end)
    if t is not None and any(
        x in _CLAUSE_WORDS or x.endswith("ed") and cue not in OBJECT_VERBS
        for x in t.group().lower().split()[:-1]
    ):
        t = None  # "said the bill that Congress passed would …": a relative "that"
    elif t is not None and len(t.group().split()) > 1:
        nxt = _WORDS_IN.match(text, t.end() + 1) if text[t.end() : t.end() + 1] == " " else None
        if nxt is not None and nxt.group() in _CLAUSE_WORDS:
            t = None  # "said the law that was passed last year is unfair": a relative "that"
    if t is not None:
        return t.end() - len(t.group().split()[-1])
    if cue in lex.CLAUSE_CUES and not text.startswith(":", ce):
        return None
    far = _PP_THEN_THAT.match(text, ce, c_end)
    if far is not None:
        # "was telling customers at a popular breakfast spot that "I need you"": a place or
        # time phrase of any length before the "that" of the content
        return far.end() - len("that")
    for _ in range(3):
        pp = TIME_PP.match(text, lo, c_end)
        if pp is None or pp.end() == lo:
            break
        lo = pp.end()
    if cue in OBJECT_VERBS and cue not in _CALL:
        ob = phrase_after(text, lo, c_end, max_tokens=5)
        if ob is not None and cue in _JUDGE:
            ob = None  # "criticized the treaty", "accused him of lying": what is judged
        if ob is not None and len(_WORDS_IN.findall(text, ob[1], min(c_end, ob[1] + 300))) >= 3:
            lo = ob[1]
            pp = TIME_PP.match(text, lo, c_end)
            if pp is not None:
                lo = pp.end()
    return lo


# an object of at most three words, then an adjunct opening with a preposition, up to the
# "that" of the content, which a quotation follows
_PP_THEN_THAT = re.compile(
    r"(?:[ \t]+[\w'\u2019.-]+){0,3}?[ \t]+(?:at|after|in|on|during|before|outside|near|from)"
    r"(?:[ \t,]+[\w'\u2019.-]+){1,14}?[ \t]+that(?=[ \t]+(?:[\"\u201c]|''))")


_EXPECTED_AUX = re.compile(
    r"\b(?:is|are|was|were|be|been|being)[ \t]+(?:(?:widely|also|now|still|not|generally|"
    r"largely|broadly|initially|originally)[ \t]+)?$")


def expectation_aux(text: str, s_start: int, cs: int, ce: int) -> int | None:
    """Where the auxiliary of a passive expectation starts ("Trump *is* expected to win"),
    or None. PolNeAR counts "X is expected to …" as an attribution with no source named;
    its content is the clause, subject included (see ``_Extractor._expected``)."""
    if not text.startswith(" to ", ce):
        return None
    m = _EXPECTED_AUX.search(text, max(s_start, cs - 24), cs)
    return None if m is None else m.start()


_HEDGE = re.compile(r"\b[Rr]eportedly\b")


def hedge_adverbs(text: str) -> list[int]:
    """Offsets of "reportedly" in ``text``: a report whose source is not named ("The club
    is *reportedly* spending $1.5 million"), which PolNeAR counts as an attribution."""
    if "eportedly" not in text:
        return []
    return [m.start() for m in _HEDGE.finditer(text)]


_CLAUSE_OPEN = re.compile(r"[,;:(\u2014\u2013]|\s--\s|\n")
_NP_OF = re.compile(r"(?:[\w'\u2019.-]+[ \t]+){1,5}(?:of|for|in|from|at|on|with)[ \t]+")
_LEAD_WORDS = re.compile(r"(?:(?:But|And|So|Yet|Still|Now|However|Instead|Meanwhile),?[ \t]+)+")


def clause_subject_start(text: str, s_start: int, head: int) -> int:
    """Start of the subject whose head noun phrase starts at ``head``: back to the clause's
    opening ("*The birth of* the newest Clinton is expected …"), without a leading "But"."""
    lo = s_start
    for m in _CLAUSE_OPEN.finditer(text, s_start, head):
        lo = m.end()
    while lo < head and text[lo] in " \t\"'\u201c\u201d":
        lo += 1
    m = _LEAD_WORDS.match(text, lo, head)
    if m is not None:
        lo = m.end()
    # only a noun phrase with a preposition may come first: "The birth of", "Voters in"
    return lo if _NP_OF.fullmatch(text, lo, head) else head


def content_end(text: str, quotes: QuoteLookup, lo: int, hi: int, *, cue: str,
                s_start: int | None = None, cue_start: int | None = None,
                subject: tuple[int, int] | None = None, after_comma: bool = False) -> int:
    """End of the content that follows a cue: ``text[lo:hi]`` runs from after the cue (and
    its "that", object or time phrase) to the end of the sentence.

    ``cue`` is the cue word in lower case; ``s_start`` the sentence start, ``cue_start`` the
    cue's offset and ``subject`` the source span, when known; ``after_comma`` tells that the
    cue follows a comma or a dash ("…, saying …").
    """
    if s_start is None:
        s_start = lo
    if cue_start is None:
        cue_start = lo
    if _NONRESTRICTIVE.search(text, max(s_start, cue_start - 40), cue_start):
        # "Reid, who endorsed Clinton in February, reiterated …": the relative clause ends at
        # its comma
        comma = text.find(",", lo, hi)
        if comma != -1 and not quotes.inside(comma):
            hi = comma
    elif (cue.endswith("ing") and not after_comma and cue not in _SAY_OR_SPEECH
          and subject is not None and subject[1] >= cue_start - 1):
        # "the super PAC supporting Jeb Bush spent …": a participle that modifies a noun
        # takes only its object
        ob = phrase_after(text, lo, hi)
        if ob is not None:
            hi = ob[1]
    cut = _CUT.search(text, lo + 8, hi) if hi - lo > 8 else None
    if cut is not None and not quotes.inside(cut.end() - 1):
        closing = _CUT_LEAD.match(cut.group())
        hi = cut.start() + (closing.end() if closing else 0)
    hi = quotes.cut_after(text, lo, hi)
    if cue in _CALL:
        hi = quotes.label_end(text, lo, hi)
    for m in _AND_SAY.finditer(text, lo + 8, hi):
        if m.group(1) in lex.SAY_VERBS and not quotes.inside(m.start()):
            hi = m.start()  # "announced that … and vowed to …": a second attribution
            break
    if subject is not None and _SUBORDINATE.match(text, s_start, subject[0]):
        # "While she criticized the deal, Clinton …": the opening clause ends at its comma
        comma = text.find(", ", lo, hi)
        if comma != -1:
            hi = comma
    if cue not in _CLAUSE_VERBS and not quotes.inside(lo) and not _SUBJECT_START.match(text, lo, hi):
        hi = np_object_end(text, lo, hi)
    return hi


# what ends a noun-phrase object: a relative or participle clause, a new verb, an adjunct
_NP_END = re.compile(
    r",[ \t]+(?:which|who|whom|whose|where)\b"
)


def np_object_end(text: str, lo: int, hi: int) -> int:
    """End of a noun-phrase object at ``lo`` (the content of "endorsed *Clinton*, who …"):
    before a non-restrictive relative clause. (Adjuncts such as "on Monday" or "with rival
    X" stay: PolNeAR's content keeps them more often than not.)

    >>> t = "Sanders endorsed Clinton, who won the state in 2008"
    >>> t[17:np_object_end(t, 17, len(t))]
    'Clinton'
    """
    m = _NP_END.search(text, lo, hi)
    if m is None or m.start() == lo or clause_shape(text, lo, m.start()) != "np":
        return hi  # "said the treaty, which passed in 1994, was a mistake": a clause
    return m.start()
