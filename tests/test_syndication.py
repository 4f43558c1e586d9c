"""story_roots: the vectorised grouping equals its definition, pair by pair."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from coverage_kit import syndication
from coverage_kit.syndication import signatures, story_roots


def _reference_roots(sigs, ok, times, *, threshold, window):
    """The definition, one pair at a time: within each LSH bucket (in time order) an article
    is compared with its ``MAX_BUCKET_LINKS`` predecessors, back to the first one published
    more than ``window`` before it; pairs agreeing on ``threshold`` of the signature join,
    and a group takes its earliest article (time, then position)."""
    n = len(sigs)
    span = pd.Timedelta(window).value if window is not None else np.iinfo("int64").max
    need = int(np.ceil(threshold * syndication.NUM_PERM))
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    idx = np.flatnonzero(ok)
    for band in range(syndication.BANDS):
        keys = syndication._band_keys(sigs, band)[idx]
        order = np.lexsort((times[idx], keys))
        buckets: dict[int, list[int]] = {}
        for pos in order:
            buckets.setdefault(int(keys[pos]), []).append(int(idx[pos]))
        for members in buckets.values():
            for p in range(1, len(members)):
                j = members[p]
                for i in members[max(0, p - syndication.MAX_BUCKET_LINKS):p][::-1]:
                    with np.errstate(over="ignore"):
                        if times[j] - times[i] > span:
                            break
                    if np.count_nonzero(sigs[i] == sigs[j]) >= need:
                        a, b = find(i), find(j)
                        if a != b:
                            if (times[a], a) < (times[b], b):
                                parent[b] = a
                            else:
                                parent[a] = b
    return np.array([find(i) for i in range(n)])


@pytest.fixture(scope="module")
def wire_corpus(sample_load):
    """The sample's texts plus wire copies of them (trimmed, new lede, unchanged), published
    hours to weeks later, some without a date, and one without words."""
    arts = sample_load.articles
    texts = [str(t) for t in arts["text"]]
    base = pd.to_datetime(arts["published"], utc=True).to_numpy(dtype="datetime64[ns]")
    times = list(base.astype("int64"))
    rng = random.Random(7)
    for _ in range(400):
        j = rng.randrange(len(texts))
        paras = texts[j].split("\n")
        kind = rng.random()
        if kind < 0.3 and len(paras) > 1:
            paras = paras[:-1]
        elif kind < 0.6:
            paras = [texts[rng.randrange(len(texts))].split("\n")[0]] + paras[1:]
        texts.append("\n".join(paras))
        times.append(times[j] + rng.choice([0, 3600, 86400 * 2, 86400 * 6, 86400 * 20]) * 10**9)
    times = np.array(times, dtype="int64")
    times[rng.sample(range(len(times)), 15)] = np.iinfo("int64").min  # NaT
    texts[3] = "—"
    sigs, ok = signatures(texts)
    return sigs, ok, times


@pytest.mark.parametrize("window", ["7D", "1D", None])
@pytest.mark.parametrize("links", [50, 2])
def test_story_roots_equal_the_pairwise_definition(wire_corpus, monkeypatch, window, links):
    sigs, ok, times = wire_corpus
    monkeypatch.setattr(syndication, "MAX_BUCKET_LINKS", links)
    got = story_roots(sigs, ok, times, threshold=0.3, window=window)
    want = _reference_roots(sigs, ok, times, threshold=0.3, window=window)
    assert (got != np.arange(len(got))).sum() > 200  # the copies do join their stories
    np.testing.assert_array_equal(got, want)


def test_story_roots_without_times_use_positions(wire_corpus):
    sigs, ok, _ = wire_corpus
    got = story_roots(sigs, ok, None)
    want = _reference_roots(sigs, ok, np.arange(len(sigs), dtype="int64"), threshold=0.3,
                            window=None)
    np.testing.assert_array_equal(got, want)
    assert (got <= np.arange(len(got))).all()  # the earliest position carries the id
