#!/usr/bin/env python3
"""Train the reported-speech filter (``coverage_kit/extract/lexicon/quote_filter.json``).

    .venv/bin/python tools/train_quote_filter.py            # PolNeAR train -> weights
    .venv/bin/python tools/train_quote_filter.py --check    # also report PolNeAR dev

Trains only on PolNeAR **train**. Every reported-speech proposal of the rule stages (before
the filter) is labelled 1 when it is an attribution at all: it matches a gold attribution of its
article with overlap/union >= 0.5 (the scorer's strict criterion) or covers 30% of one (the
lenient criterion), else 0. Boundaries are the rules' business; the filter only asks whether
the cue reports speech or thought here. A logistic regression over the
sparse features of :func:`coverage_kit.extract._cue_filter.features` is fitted with plain
numpy (L2, full-batch gradient descent); features seen fewer than 3 times are left out, and
weights are rounded, so the file stays small. The threshold is the probability that gives the
best F1 on train for "keep a proposal" weighted toward precision (beta=0.7).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coverage_kit.extract import _cue_filter  # noqa: E402
from coverage_kit.extract.quotes import _Extractor  # noqa: E402

SHARED = ROOT.parent / "shared"
OUT = ROOT / "coverage_kit" / "extract" / "lexicon" / "quote_filter.json"


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def _gold(ann_dir: Path, text_dir: Path) -> dict[str, list[set[int]]]:
    """Content character sets of the gold attributions (the scorer's first .ann per doc)."""
    import subprocess
    import tempfile

    tmp = Path(tempfile.mkstemp(suffix=".jsonl")[1])
    split = text_dir.parent.name
    subprocess.check_call([sys.executable, str(SHARED / "tools" / "score_attributions.py"),
                           "--data", str(text_dir.parent.parent), "--split", split,
                           "--dump-gold", str(tmp)], stdout=subprocess.DEVNULL)
    gold: dict[str, list[set[int]]] = defaultdict(list)
    for line in tmp.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        spans = g.get("spans") or [[g["start"], g["end"]]]
        chars: set[int] = set()
        for a, b in spans:
            chars.update(range(a, b))
        gold[g["doc"]].append(chars)
    tmp.unlink()
    return gold


def samples(split: str, *, docs: list[str] | None = None) -> tuple[list[list[str]], list[int]]:
    text_dir = SHARED / "data" / "polnear" / split / "text"
    gold = _gold(text_dir.parent / "attributions", text_dir)
    X, y = [], []
    for path in sorted(text_dir.glob("*.txt")):
        text = _read(path)
        ex = _Extractor(text, None)
        found = ex.run(use_filter=False)
        golds = gold.get(path.stem, [])
        for f in found:
            if f.origin not in ("indirect", "headline") or f.cue is None:
                continue
            chars = set(range(f.start, f.end))
            best = 0.0
            for g in golds:
                inter = len(chars & g)
                if inter:
                    # an attribution at all: strict match, or the scorer's lenient one
                    best = max(best, inter / len(chars | g), 0.5 * (inter >= 0.3 * len(g)))
            X.append(_cue_filter.features(text, f.sp, f.cue, (f.start, f.end),
                                          inverted=f.sp is not None and f.sp[0] >= f.cue[1],
                                          origin=f.origin))
            y.append(int(best >= 0.5))
            if docs is not None:
                docs.append(path.stem)
    return X, y


def fit(X: list[list[str]], y: list[int], *, min_count: int = 3, l2: float = 1.0,
        steps: int = 400) -> dict[str, float]:
    counts = Counter(f for feats in X for f in feats)
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    rows, cols = [], []
    for r, feats in enumerate(X):
        for f in feats:
            if f in vocab:
                rows.append(r)
                cols.append(vocab[f])
    rows_a, cols_a = np.array(rows), np.array(cols)
    yv = np.array(y, dtype=float)
    w = np.zeros(len(vocab))
    n = len(y)
    acc = np.full(len(vocab), 1e-8)
    for _ in range(steps):  # full-batch AdaGrad
        z = np.bincount(rows_a, weights=w[cols_a], minlength=n)
        p = 1.0 / (1.0 + np.exp(-z))
        g = np.bincount(cols_a, weights=(p - yv)[rows_a], minlength=len(vocab))
        g += l2 * w
        acc += g * g
        w -= 0.5 * g / np.sqrt(acc)
    return {f: round(float(w[i]), 3) for f, i in vocab.items() if abs(w[i]) >= 0.005}


def hash_doc(doc: str) -> int:
    import zlib

    return zlib.crc32(doc.encode("utf-8"))


def probs(weights, X) -> np.ndarray:
    return np.array([1 / (1 + np.exp(-sum(weights.get(f, 0.0) for f in feats))) for feats in X])


def best_threshold(p: np.ndarray, y: list[int], base_tp: int, base_pred: int) -> float:
    """Threshold with the best F(beta=0.7) of the kept proposals against the matches."""
    yv = np.array(y)
    best, best_t = -1.0, 0.5
    for t in np.arange(0.1, 0.95, 0.01):
        keep = p >= t
        tp = int((yv & keep).sum())
        prec = tp / max(1, int(keep.sum()))
        rec = tp / max(1, int(yv.sum()))
        b2 = 0.49
        f = (1 + b2) * prec * rec / max(1e-9, b2 * prec + rec)
        if f > best:
            best, best_t = f, float(t)
    return round(best_t, 2)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="also show the effect on dev")
    ap.add_argument("--threshold", type=float, default=None, help="use this threshold")
    ap.add_argument("--l2", type=float, default=None, help="L2 weight (default: chosen on a "
                    "held-out fifth of the train articles)")
    args = ap.parse_args(argv)
    docs: list[str] = []
    X, y = samples("train", docs=docs)
    l2 = args.l2
    if l2 is None:
        # choose L2 on train only: fit on 4/5 of the articles, score the held-out fifth
        held = [hash_doc(d) % 5 == 0 for d in docs]
        Xa = [x for x, h in zip(X, held) if not h]
        ya = [v for v, h in zip(y, held) if not h]
        Xb = [x for x, h in zip(X, held) if h]
        yb = [v for v, h in zip(y, held) if h]
        best = None
        for cand in (1.0, 3.0, 10.0, 30.0):
            wa = fit(Xa, ya, l2=cand)
            pb = probs(wa, Xb)
            ll = -float(np.mean([np.log(p if v else 1 - p) for p, v in zip(pb, yb)]))
            print(f"  l2={cand}: held-out log loss {ll:.4f}")
            if best is None or ll < best[0]:
                best = (ll, cand)
        l2 = best[1]
    print(f"train proposals: {len(y)}, matching gold: {sum(y)} ({sum(y) / len(y):.3f}); l2={l2}")
    weights = fit(X, y, l2=l2)
    p = probs(weights, X)
    t = args.threshold if args.threshold is not None else best_threshold(p, y, sum(y), len(y))
    keep = p >= t
    tp = int((np.array(y) & keep).sum())
    print(f"threshold {t}: keeps {int(keep.sum())}, precision {tp / max(1, keep.sum()):.3f}, "
          f"recall of matches {tp / sum(y):.3f}; {len(weights)} weights")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    data = {"_about": "Logistic filter for reported-speech proposals; trained on PolNeAR train "
                      "by tools/train_quote_filter.py. Features: coverage_kit/extract/"
                      "_cue_filter.py.", "threshold": t,
            "weights": dict(sorted(weights.items()))}
    OUT.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KB)")
    if args.check:
        Xd, yd = samples("dev")
        pd_ = probs(weights, Xd)
        keep = pd_ >= t
        tp = int((np.array(yd) & keep).sum())
        print(f"dev proposals {len(yd)} (matching {sum(yd)}): keeps {int(keep.sum())}, "
              f"precision {tp / max(1, keep.sum()):.3f}, recall of matches {tp / max(1, sum(yd)):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
