"""The fast scans of quote extraction give what the plain scans they replace give.

find_cues looks only at cue words (one prefix-tree regex) instead of at every word; source
prepositions are tried only where their tail occurs; names are matched only at capital
letters; word counts are cached. Each is compared here with the straightforward version, on
edge cases and on real PolNeAR texts.
"""

from __future__ import annotations

import pytest

from _shared import SHARED, need_shared
from coverage_kit.extract import quotes as Q
from coverage_kit.extract import speakers as S

TRICKY = [
    "Hollande Says Trump Must Go\nShe pointed out that, laut Scholz, talks failed.",
    "o'said it; a'b'said so; said'x; SAID; sAid; Said Dorothy Poynter, who said no.",
    "\u212aritisierte er. Kritisierte sie. \u0130stanbul said. \u1e9eAGTE. Told you, told.",
    "According to X, yes. according  to Y. d\u2019apr\u00e8s Le Monde, selon lui; Z zufolge.",
    "3said _said -said said- <said> /said said/ said= \u00e9said sa\u00efd",
    # a cue word at offset 0 and right after another one
    "said said. Said,said;told\ntold",
    "",
]


def _could_be_cue(w: str) -> bool:
    """What find_cues can take as a cue: a cue word as written, or in Title Case."""
    words = Q._CUES_ALL | Q._SPEAK
    return w in words or (w[:1].isupper() and w[1:].islower() and w.lower() in words)


def _plain_cue_words(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in Q._WORD.finditer(text) if _could_be_cue(m.group())]


def _fast_cue_words(text: str) -> list[tuple[int, int]]:
    # the scan may also give tokens find_cues then rejects ("SAID")
    return [m.span() for m in Q._cue_words(text) if _could_be_cue(m.group())]


def _texts() -> list[str]:
    folder = need_shared(SHARED / "data" / "polnear" / "dev" / "text")
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:40]]


@pytest.mark.parametrize("text", TRICKY)
def test_cue_scan_matches_word_loop(text):
    assert _fast_cue_words(text) == _plain_cue_words(text)


def test_cue_scan_matches_word_loop_on_news():
    for text in _texts():
        assert _fast_cue_words(text) == _plain_cue_words(text)


@pytest.mark.parametrize("text", TRICKY)
def test_source_prepositions_match_their_pattern(text):
    for pattern, tails in ((Q._ACCORDING, Q._ACCORDING_TAILS), (Q._ZUFOLGE, Q._ZUFOLGE_TAILS)):
        got = [m.span() for m in Q._source_matches(text, pattern, tails)]
        assert got == [m.span() for m in pattern.finditer(text)]


def test_name_runs_match_name_pattern():
    for text in _texts() + ["Mr. John Smith and A. B. Jones (D-Md.) met McDonald's CEO."]:
        assert [m.span() for m in S._name_runs(text)] == [
            m.span() for m in S._NAME_SEQ.finditer(text)]


def test_word_count_counts_up_to_cap():
    text = "One two, three-four five's 6 seven. " * 40
    for lo, hi in [(0, 0), (0, 30), (5, 200), (0, len(text))]:
        plain = len(Q._WORDS_IN.findall(text, lo, hi))
        for cap in (1, 4, 40):
            assert Q._word_count(text, lo, hi, cap) == min(plain, cap)
            assert Q._word_count(text, lo, hi, cap) == min(plain, cap)  # kept answer


def _plain_tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The mention tokens as one regex scan gives them, trailing dots split off."""
    from coverage_kit.extract._lexicon import HONORIFICS
    from coverage_kit.extract._mentions import _TOKEN, _is_initials

    out = []
    for m in _TOKEN.finditer(text, lo, hi):
        (s, e), w = m.span(), m.group()
        if len(w) > 1 and w[-1] == "." and w.lower() not in HONORIFICS and not _is_initials(w):
            out += [(s, e - 1, w[:-1]), (e - 1, e, ".")]
        else:
            out.append((s, e, w))
    return out


@pytest.mark.parametrize("text", TRICKY + [
    "  Mr. Putin's aide, too.\u00a0 Sen.\tWarren (D-Mass.) said: U.S. etc.. \n\n  ",
    "\u201cWe won,\u201d said J. R. Smith\u2014the coach\u2026 & co. \u00bbJa.\u00ab",
])
def test_mention_tokens_match_their_pattern(text):
    from coverage_kit.extract._mentions import tokens

    for lo, hi in [(0, len(text)), (1, len(text) - 1), (3, 17), (5, 5)]:
        hi = max(lo, min(hi, len(text)))
        assert tokens(text, lo, hi) == _plain_tokens(text, lo, hi)


def test_mention_tokens_match_their_pattern_on_news():
    from coverage_kit.extract._mentions import tokens

    for text in _texts()[:10]:
        for lo in range(0, len(text), 97):
            assert tokens(text, lo, lo + 220) == _plain_tokens(text, lo, lo + 220)


def test_cues_that_need_a_particle_are_looked_at_for_one():
    # find_cues looks for a particle only after these verbs
    assert all(w.startswith(Q._PARTICLE_VERBS) for w in Q._NEEDS_TO)
    text = "He pointed out the flaw, referred to the memo and called for calm; she pointed."
    assert [(text[s:e], w) for s, e, w in Q.find_cues(text)] == [
        ("pointed out", "pointed"), ("referred to", "referred"), ("called for", "called")]
