"""Near-duplicate detection: copies of one wire story share a ``story_id``.

Outlets republish agency copy with a new headline, a trimmed last paragraph or a rewritten
lede. Word 5-gram shingles of the opening of each text are hashed into 64-value MinHash
signatures; locality-sensitive hashing (21 bands of 3 values) proposes candidate pairs, a pair
is joined when its estimated Jaccard similarity reaches the threshold and the two were
published within a window of each other, and each connected group takes the id of its earliest
article. Counting articles once per ``story_id`` gives coverage "without syndicated copies".

Both steps are vectorised with numpy over the whole corpus: signatures take ~70 µs per
article and the index 8 bytes per article and band. (datasketch's MinHash and MinHashLSH give
the same groups but cost 5x the time per signature and ~7.5 KB of index per article, which
dominated loading time and memory on 100k-article corpora.)
"""

from __future__ import annotations

import re
import zlib

import numpy as np
import pandas as pd

from .schema import require_columns

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


BANDS, ROWS = 21, 3  # LSH banding: a pair with Jaccard 0.3 becomes a candidate with p ~ 0.44,
#                     0.4 with p ~ 0.75, 0.5 with p ~ 0.94; candidates are then verified.
MAX_BUCKET_LINKS = 50  # each article is compared with at most this many earlier bucket mates


def signatures(texts) -> tuple[np.ndarray, np.ndarray]:
    """(n x NUM_PERM uint32 signatures, n bool "has words") for an iterable of texts."""
    sigs: list[np.ndarray] = []
    ok: list[bool] = []
    for text in texts:  # Arrow strings are converted one at a time
        sig = signature(text)
        ok.append(sig is not None)
        sigs.append(sig.astype(np.uint32) if sig is not None else np.zeros(NUM_PERM, np.uint32))
    if not sigs:
        return np.zeros((0, NUM_PERM), np.uint32), np.zeros(0, bool)
    return np.vstack(sigs), np.array(ok)


def _band_keys(sigs: np.ndarray, band: int) -> np.ndarray:
    cols = sigs[:, band * ROWS:(band + 1) * ROWS].astype(np.uint64)
    key = np.zeros(len(sigs), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(ROWS):
            key = key * np.uint64(0x9E3779B97F4A7C15) + cols[:, k] + np.uint64(k + 1)
    return key


def story_ids(articles: pd.DataFrame, *, threshold: float | None = 0.3,
              window: str | pd.Timedelta | None = "7D") -> pd.Series:
    """One ``story_id`` per article; near-duplicates (Jaccard >= ``threshold``) share one.

    ``articles`` needs ``article_id`` and ``text``: each group takes the id of its earliest
    article (by ``published`` when present, else by position), prefixed ``s``.

    Only articles published within ``window`` of each other are joined (when ``articles`` has
    a ``published`` column): outlets republish agency copy within hours or days, while an
    anniversary piece that reuses old background paragraphs is a new story. ``window=None``
    compares everything.

    Examples
    --------
    >>> df = pd.DataFrame({"article_id": ["a1", "a2", "a3"], "text": [
    ...     "Troops cleared the square in the capital overnight, witnesses said on Friday.",
    ...     "Troops cleared the square in the capital overnight, witnesses said on Friday. More.",
    ...     "The central bank left interest rates unchanged at its monthly meeting."]})
    >>> story_ids(df).tolist()
    ['sa1', 'sa1', 'sa3']
    """
    require_columns(articles, ["article_id"] if threshold is None else ["article_id", "text"],
                    "articles")
    ids = articles["article_id"].astype("string")
    if threshold is None or len(ids) < 2:
        return ("s" + ids).set_axis(articles.index)
    times = (pd.to_datetime(articles["published"], utc=True).to_numpy(dtype="datetime64[ns]")
             .astype("int64") if "published" in articles else None)
    sigs, ok = signatures(articles["text"])
    roots = story_roots(sigs, ok, times, threshold=threshold, window=window)
    return ("s" + ids.iloc[roots].reset_index(drop=True)).set_axis(articles.index)


def story_roots(sigs: np.ndarray, ok: np.ndarray, times: np.ndarray | None, *,
                threshold: float = 0.3, window: str | pd.Timedelta | None = "7D") -> np.ndarray:
    """For each article (a row of ``sigs``, see :func:`signatures`), the position of the
    earliest article of its group: the core of :func:`story_ids`, for callers that keep
    signatures instead of texts (a corpus store computes them batch by batch).

    ``times`` are publication times in int64 nanoseconds (None: positions stand for times and
    no window applies). Ties in time go to the earlier position.

    The groups are the connected components of the pairs that (a) share an LSH bucket in some
    band, (b) are at most :data:`MAX_BUCKET_LINKS` apart in that bucket's time order, with no
    member between them (in time order) published more than ``window`` after the earlier one,
    and (c) agree on at least ``threshold`` of their signature values. Candidates are made
    per band and per distance in the bucket as numpy arrays, pairs already in one group are
    dropped before they are verified, and groups are merged with a vectorised union-find, so
    memory stays a few arrays of the corpus's length however many copies a story has.
    """
    n = len(sigs)
    if times is None:
        times = np.arange(n, dtype="int64")
        span = np.iinfo("int64").max
    else:
        times = np.asarray(times, dtype="int64")
        span = pd.Timedelta(window).value if window is not None else np.iinfo("int64").max
    need = int(np.ceil(threshold * NUM_PERM))
    # union-find over ranks in (time, position) order: a root is its group's smallest rank,
    # that is the earliest article
    by_time = np.lexsort((np.arange(n), times))
    rank = np.empty(n, dtype=np.int64)
    rank[by_time] = np.arange(n)
    parent = np.arange(n, dtype=np.int64)  # in rank space, kept flat (parent of a root)

    idx = np.flatnonzero(ok)
    for band in range(BANDS):
        keys = _band_keys(sigs, band)[idx]
        order = np.lexsort((times[idx], keys))
        k_sorted = keys[order]
        members = idx[order]  # bucket by bucket, each in time order
        del keys, order
        t_sorted = times[members]
        r_sorted = rank[members]
        # positions whose predecessor at distance d is still a candidate: same bucket, and no
        # one between them later than the window (the reference loop stops there)
        active = np.arange(1, len(members))
        for d in range(1, MAX_BUCKET_LINKS + 1):
            if d > 1:
                active = active[active >= d]
            if not len(active):
                break
            prev = active - d
            with np.errstate(over="ignore"):  # a missing time (NaT) wraps, as it always did
                keep = (k_sorted[active] == k_sorted[prev]) & (
                    t_sorted[active] - t_sorted[prev] <= span)
            active = active[keep]
            if not len(active):
                break
            _join(parent, r_sorted[active - d], r_sorted[active], members[active - d],
                  members[active], sigs, need)
    roots = parent[rank]  # flat: every entry points at its root (rank space)
    return by_time[roots]


def _hook(parent: np.ndarray, hi: np.ndarray, lo: np.ndarray) -> None:
    """Hook each root ``hi`` onto the smallest ``lo`` paired with it (``lo < hi``), then make
    ``parent`` flat again: the hooked roots point at their new roots, and everyone at theirs."""
    np.minimum.at(parent, hi, lo)
    hooked = np.unique(hi)
    top = parent[hooked]
    while True:  # follow chains among the roots hooked together
        up = parent[top]
        if (up == top).all():
            break
        top = up
    parent[hooked] = top
    parent[:] = parent[parent]  # one step: every node pointed at a root before


def _join(parent: np.ndarray, ra: np.ndarray, rb: np.ndarray, a: np.ndarray, b: np.ndarray,
          sigs: np.ndarray, need: int, chunk: int = 1 << 16) -> None:
    """Verify the candidate pairs (``a``, ``b``) (positions; ``ra``, ``rb`` their ranks) that
    are not yet in one group, and merge the groups of those whose signatures agree on at least
    ``need`` values. ``parent`` is flat before and after."""
    ga, gb = parent[ra], parent[rb]
    todo = np.flatnonzero(ga != gb)
    if not len(todo):
        return
    passed = []
    for s in range(0, len(todo), chunk):
        t = todo[s:s + chunk]
        agree = np.count_nonzero(sigs[a[t]] == sigs[b[t]], axis=1)
        passed.append(t[agree >= need])
    t = np.concatenate(passed)
    if not len(t):
        return
    x, y = ga[t], gb[t]
    while len(x):  # hook the later root onto the earlier, until every pair shares a root
        lo, hi = np.minimum(x, y), np.maximum(x, y)
        _hook(parent, hi, lo)
        x, y = parent[lo], parent[hi]
        m = x != y
        x, y = x[m], y[m]
