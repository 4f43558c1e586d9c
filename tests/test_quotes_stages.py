"""The quote extractor's stages, one by one: sentences -> cues -> content -> sources ->
resolution (texts invented here)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from coverage_kit.extract._clauses import clause_shape
from coverage_kit.extract._sentences import SentenceIndex
from coverage_kit.extract.quotes import Quote, find_cues
from coverage_kit.extract.speakers import coordinated, resolve_mentions


def test_stage_sentences_keep_quotes_and_abbreviations_whole():
    text = 'Sen. Warren spoke. "We are ready. We act," she said. The U.S. team left.'
    ix = SentenceIndex(text)
    assert [text[s:e].strip() for s, e in ix.spans] == [
        "Sen. Warren spoke.", '"We are ready. We act," she said.', "The U.S. team left."]
    assert [text[q.inner_start:q.inner_end] for q in ix.quotes] == ["We are ready. We act,"]


@pytest.mark.parametrize("text, cues", [
    ("The minister said talks would resume.", ["said"]),
    ("According to police, two people died.", ["according to"]),
    ("Laut Polizei starben zwei Menschen.", ["according to"]),
    ("Der Polizei zufolge starben zwei Menschen.", ["zufolge"]),
    ("Elle a déclaré que les négociations reprendraient.", ["déclaré"]),
    ("He pointed out that the bridge had failed.", ["pointed"]),
    # candidates only: the content and source stages decide that these are not quotes
    ("The report was written by staff.", ["report", "written"]),
    ("Nobody spoke to the press.", []),
])
def test_stage_cues(text, cues):
    assert [w for _, _, w in find_cues(text)] == cues


def test_stage_cue_spans_cover_auxiliaries_and_particles():
    text = "Elle a déclaré que la situation était calme. He called for calm."
    spans = [text[s:e] for s, e, _ in find_cues(text)]
    assert spans == ["a déclaré", "called for"]


@pytest.mark.parametrize("content, shape", [
    ("that the talks would resume", "comp"),
    ("the talks would resume on Monday", "fin"),
    ("Congress to act before the recess", "np"),
    ("to act before the recess", "inf"),
    ('"We will act," before leaving', "quote"),
    ("another goal in the third period", "np"),
    ("his retirement after 20 years", "np"),
])
def test_stage_content_shape(content, shape):
    assert clause_shape(content, 0, len(content)) == shape


@pytest.mark.parametrize("mention, parts", [
    ("Angela Merkel and Emmanuel Macron", ["Angela Merkel", "Emmanuel Macron"]),
    ("Sen. Amy Klobuchar, Sen. Cory Booker and Sen. Chris Coons",
     ["Sen. Amy Klobuchar", "Sen. Cory Booker", "Sen. Chris Coons"]),
    ("Hawkins and others", ["Hawkins and others"]),
    ("Procter & Gamble", ["Procter & Gamble"]),
    ("the mayor", ["the mayor"]),
])
def test_stage_sources_split_coordinations(mention, parts):
    assert [p for p, _ in coordinated(mention)] == parts


@dataclass
class _Raw:
    """What the extraction stages hand to resolution."""

    start: int
    end: int
    kind: str
    sp: tuple[int, int] | None
    cue: tuple[int, int] | None
    carried: bool = False
    marks: tuple[int, int] | None = None
    attribution: int = 1
    extra: dict = field(default_factory=dict)


def _raw(text: str, quote: str, mention: str, cue: str) -> _Raw:
    qs = text.index(quote)
    ms = text.index(mention, qs + len(quote))
    cs = text.index(cue, ms)
    return _Raw(qs, qs + len(quote), "direct", (ms, ms + len(mention)), (cs, cs + len(cue)))


def test_stage_resolution_alone():
    text = ("Chancellor Olaf Scholz (SPD) met Ursula von der Leyen in Berlin. "
            '"We agree," she said. "We act now," the SPD politician said.')
    raw = [_raw(text, "We agree,", "she", "said"),
           _raw(text, "We act now,", "the SPD politician", "said")]
    quotes = resolve_mentions(text, raw, Quote)
    assert [(q.speaker, q.speaker_type) for q in quotes] == [
        ("Ursula von der Leyen", "person"), ("Olaf Scholz", "person")]
