"""Near-duplicate detection: copies of one wire story share a ``story_id``.

Outlets republish agency copy with a new headline, a trimmed last paragraph or a rewritten
lede. Word 5-gram shingles of the body are hashed into MinHash signatures (datasketch) and
candidate pairs come from locality-sensitive hashing; pairs whose estimated Jaccard similarity
reaches the threshold are joined, and each connected group takes the id of its earliest
article. Counting articles once per ``story_id`` gives coverage "without syndicated copies".
"""

from __future__ import annotations

import re
from collections import deque
import zlib

import numpy as np
import pandas as pd

_WORD = re.compile(r"\w+", re.UNICODE)
NUM_PERM = 64
SHINGLE = 5
#: Only the first characters of a text are shingled: copies of one wire story share their
#: opening paragraphs even when outlets trim or extend the end.
MAX_CHARS = 2500
_rng = np.random.RandomState(20220107)
_A = _rng.randint(0, 2**62, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)  # odd multipliers
_B = _rng.randint(0, 2**62, size=NUM_PERM, dtype=np.uint64)
_POW = np.array([1000003**k % 2**32 for k in range(SHINGLE)], dtype=np.uint64)


def signature(text: str) -> np.ndarray | None:
    """MinHash signature (``NUM_PERM`` uint64) of the word 5-gram shingles of ``text``.

    Words are hashed with CRC-32 (stable across runs and machines), shingles by a polynomial
    over their words, and the permutations are fixed multiply-shift hash functions, evaluated
    for all shingles at once with numpy. None for a text without words.
    """
    words = _WORD.findall(text, 0, MAX_CHARS)
    if not words:
        return None
    wh = np.fromiter(map(zlib.crc32, map(str.encode, map(str.lower, words))),
                     dtype=np.uint64, count=len(words))
    if len(wh) >= SHINGLE:
        n = len(wh) - SHINGLE + 1
        sh = np.zeros(n, dtype=np.uint64)
        for k in range(SHINGLE):
            sh += wh[k:k + n] * _POW[k]
        sh &= np.uint64(0xFFFFFFFF)
    else:
        sh = (wh * _POW[:len(wh)]).sum(keepdims=True) & np.uint64(0xFFFFFFFF)
    sh = np.unique(sh)
    with np.errstate(over="ignore"):  # multiply-shift hashing wraps modulo 2**64 on purpose
        return ((sh[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)).min(axis=0)


def story_ids(articles: pd.DataFrame, *, threshold: float | None = 0.3,
              window: str | pd.Timedelta | None = "7D") -> pd.Series:
    """One ``story_id`` per article; near-duplicates (Jaccard >= ``threshold``) share one.

    ``articles`` needs ``article_id`` and ``text`` and should be sorted by ``published``: the
    group takes the id of its first article, prefixed ``s``.

    Only articles published within ``window`` of each other are compared (when ``articles``
    has a ``published`` column): outlets republish agency copy within hours or days, and the
    LSH index then holds one window of articles at a time instead of the whole corpus, so its
    memory does not grow with the length of the corpus. ``window=None`` compares everything.

    Examples
    --------
    >>> df = pd.DataFrame({"article_id": ["a1", "a2", "a3"], "text": [
    ...     "Troops cleared the square in the capital overnight, witnesses said on Friday.",
    ...     "Troops cleared the square in the capital overnight, witnesses said on Friday. More.",
    ...     "The central bank left interest rates unchanged at its monthly meeting."]})
    >>> story_ids(df).tolist()
    ['sa1', 'sa1', 'sa3']
    """
    ids = articles["article_id"].astype("string")
    n = len(ids)
    if threshold is None or n < 2:
        return ("s" + ids).set_axis(articles.index)
    from datasketch import LeanMinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    parent = np.arange(n)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    sigs = np.zeros((n, NUM_PERM), dtype=np.uint32)  # 256 bytes per article
    if window is not None and "published" in articles:
        times = pd.to_datetime(articles["published"], utc=True).to_numpy(dtype="datetime64[ns]")
        span = pd.Timedelta(window).to_timedelta64()
    else:
        times = None
    indexed: deque[int] = deque()
    for i, text in enumerate(articles["text"]):  # Arrow strings, converted one at a time
        sig = signature(text)
        if sig is None:
            continue
        sigs[i] = sig
        if times is not None:
            while indexed and times[indexed[0]] < times[i] - span:
                lsh.remove(indexed.popleft())
            indexed.append(i)
        lean = LeanMinHash(seed=1, hashvalues=sig, scheme="affine32")
        for j in lsh.query(lean):
            if np.mean(sigs[j] == sigs[i]) >= threshold:
                a, b = find(i), find(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        lsh.insert(i, lean, check_duplication=False)
    roots = np.fromiter((find(i) for i in range(n)), dtype=np.int64, count=n)
    return ("s" + ids.iloc[roots].reset_index(drop=True)).set_axis(articles.index)
