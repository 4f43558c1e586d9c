"""1 MB hostile inputs: the extractor stays linear (no catastrophic regex backtracking).

No timing asserts beyond a generous guard; a quadratic step or a backtracking pattern would
take minutes on these inputs, not the second or two they take.
"""

from __future__ import annotations

import time

import pytest

from coverage_kit.extract._sentences import quote_stretches, sentences
from coverage_kit.extract.quotes import extract_quotes

MB = 1_000_000
GUARD_S = 30.0  # generous: every case runs in about a second on one busy core


def _cases():
    return {
        "unbalanced quotes": ('He said "we will not leave the square and ' * (MB // 42))[:MB],
        "100k straight quote marks": '"' * 100_000 + "x" * (MB - 100_000),
        "100k curly marks, then text": "\u201c" * 50_000 + "\u201d" * 50_000 + " word" * 180_000,
        "100k NYT marks": "''" * 50_000 + " word" * 180_000,
        "no spaces": "a" * MB,
        "no spaces, dots and cues": "Mr.Smith.said" * (MB // 13),
        "apostrophes": "'tis Trump's 'quote " * (MB // 20),
        "one giant paragraph of clauses": "Smith, " * (MB // 7) + "said.",
    }


@pytest.mark.parametrize("name", list(_cases()))
def test_adversarial_input_finishes(name):
    text = _cases()[name]
    assert len(text) >= 0.99 * MB
    t0 = time.perf_counter()
    quotes = extract_quotes(text)
    elapsed = time.perf_counter() - t0
    assert elapsed < GUARD_S, f"{name}: {elapsed:.1f}s"
    for q in quotes[:1000]:
        assert text[q.start:q.end] == q.quote


def test_unclosed_quote_runs_to_paragraph_end():
    text = 'He said "we will stay\n\nThe police arrived.'
    (q,) = quote_stretches(text)
    assert not q.closed and q.inner(text) == "we will stay"
    assert [text[s:e] for s, e in sentences(text)] == ['He said "we will stay',
                                                       "The police arrived."]


@pytest.mark.slow
def test_cue_flood_is_linear():
    small = "he said, " * (MB // 72)
    big = small * 4
    t0 = time.perf_counter()
    extract_quotes(small)
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    extract_quotes(big)
    t_big = time.perf_counter() - t0
    assert t_big < 12 * max(t_small, 0.05), (t_small, t_big)
