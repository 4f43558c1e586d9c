#!/usr/bin/env python3
"""Would a learned filter make reported speech more precise? A cross-validated answer.

    .venv/bin/python benchmarks/cue_filter_cv.py

Issue 10 asks whether a small learned filter over reported-speech candidates ("a cue counts
only when it is a verb in context") would raise precision on PolNeAR. This script answers it
without shipping anything: it runs the rule stages of ``extract_quotes`` on PolNeAR train,
collects every reported-speech candidate of the indirect stage, labels it by whether its
content matches a gold attribution strictly (overlap/union >= 0.5, the shared scorer's rule),
describes it by sparse context features (cue word and class, the words around the cue, the
shape and length of the content, the kind of source) and fits an L2-regularised logistic
regression with plain numpy, 5-fold cross-validated by document.

It prints the threshold that maximises all-attribution F1 and, for a few thresholds, the
estimated all-F1 and indirect precision if candidates below it were dropped. On the qind
branch (issue 10): the best threshold drops 16 of 8,848 candidates and leaves all-F1 where it
is (0.6513 -> 0.6514 on train); indirect precision 0.78 would cost 0.019 of all-F1 and 0.81
would cost 0.051. The features do not separate PolNeAR's matched candidates from the rest
(74% of the candidates match), so no filter is shipped.
Only the split's texts and annotations are read; nothing is written.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coverage_kit.extract import _lexicon as lex  # noqa: E402
from coverage_kit.extract._clauses import clause_shape  # noqa: E402
from coverage_kit.extract.quotes import _Extractor  # noqa: E402

SHARED = ROOT.parent / "shared"

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")
_DETS = frozenset("the a an this that these those his her their its our my your".split())
_MODALS = frozenset("would will can could should may might must".split())
_AUX = frozenset("is are was were be been being has have had do does did not never also".split())
_SAY = lex.SAY_VERBS
_COGNITION = lex.COGNITION_VERBS
_EVIDENCE = lex.EVIDENCE_VERBS
_NOT_SPEECH = lex.words("not_speech")
_SPEECH = lex.SPEECH_VERBS


def _bucket(n: int) -> str:
    for edge in (2, 5, 10, 20, 40):
        if n <= edge:
            return str(edge)
    return "more"


def _cue_class(w: str) -> str:
    if w.startswith("according") or w in ("zufolge", "laut", "selon"):
        return "source"
    first = w.split()[0]
    for name, words in (("say", _SAY), ("cog", _COGNITION), ("evid", _EVIDENCE),
                        ("stance", _NOT_SPEECH), ("speech", _SPEECH)):
        if w in words or first in words:
            return name
    return "other"


def _word_class(w: str) -> str:
    wl = w.lower()
    if wl in _DETS:
        return "det"
    if wl in lex.PRONOUNS:
        return "pron"
    if wl in _MODALS or wl in _AUX:
        return "aux"
    if wl.endswith(("'s", "\u2019s")):
        return "poss"
    if w[:1].isupper():
        return "cap"
    if wl.endswith("ly"):
        return "adv"
    return "low"


def features(text: str, content: tuple[int, int], cue: tuple[int, int],
             source: tuple[int, int] | None, kind: str) -> list[str]:
    """Sparse features of one reported-speech candidate: ``content`` and ``cue`` are
    ``(start, end)`` offsets into ``text``, ``source`` the source mention or None, ``kind``
    ``"indirect"`` or ``"mixed"``."""
    lo, hi = content
    cs, ce = cue
    w = " ".join(text[cs:ce].lower().split())
    first = w.split()[0] if w else ""
    cls = _cue_class(w)
    out = [f"cue={w}", f"cls={cls}", f"kind={kind}"]
    if first != w:
        out.append(f"cue1={first}")
    before = _WORD.findall(text, max(0, cs - 40), cs)
    prev = before[-1] if before else "^"
    gap = text[cs - 2 : cs] if cs >= 2 else ""
    if "," in gap:
        prev = ","
    out.append(f"prevc={_word_class(prev) if prev not in ('^', ',') else prev}")
    out.append(f"prev={prev.lower()}")
    nxt_m = _WORD.search(text, ce, min(len(text), ce + 30))
    nxt = nxt_m.group().lower() if nxt_m is not None and not text[ce:nxt_m.start()].strip() else "<p>"
    out.append(f"next={nxt}")
    out.append(f"nextc={_word_class(nxt) if nxt != '<p>' else nxt}")
    inverted = hi <= cs
    out.append("inv" if inverted else "fwd")
    shape = clause_shape(text, lo, hi)
    out.append(f"shape={shape}")
    out.append(f"{cls}|{shape}|{'inv' if inverted else 'fwd'}")
    n = len(_WORD.findall(text, lo, min(hi, lo + 2000)))
    out.append(f"len={_bucket(n)}")
    out.append(f"{cls}|len={_bucket(n)}")
    if source is None:
        out.append("src=none")
    else:
        words = text[source[0] : source[1]].split()
        head = words[-1] if words else ""
        out.append(f"src={_word_class(head) if len(words) == 1 else 'np-' + _word_class(head)}")
        near = source[1] >= cs - 1 or source[0] >= ce
        out.append("src=adjacent" if near else "src=apart")
    para = text.rfind("\n", 0, cs) + 1
    if cs - para < 3:
        out.append("para_start")
    nl = text.find("\n", ce)
    if nl != -1 and nl - para < 90:
        out.append("short_para")
    return out


def _scorer():
    sys.path.insert(0, str(SHARED / "tools"))
    import score_attributions

    return score_attributions


def candidates(sp, S):
    """(doc, features, label) of every reported-speech candidate of the split."""
    gold_by_doc: dict[str, list] = {}
    for g in sp.gold:
        gold_by_doc.setdefault(g.doc, []).append(g.content)
    out = []
    for doc, text in sp.texts.items():
        ex = _Extractor(text, None)
        ex.direct()
        ex.headlines()
        ex.indirect()
        golds = gold_by_doc.get(doc, [])
        for f in ex.found:
            if f.origin != "indirect" or f.kind == "direct" or f.cue is None:
                continue
            iv = [(f.start, f.end)]
            best = 0.0
            for g in golds:
                ov = S.inter_len(g, iv)
                if ov:
                    best = max(best, ov / (S.total(g) + (f.end - f.start) - ov))
            feats = features(text, (f.start, f.end), f.cue, f.sp, f.kind)
            out.append((doc, feats, int(best >= 0.5)))
    return out


def design(rows, vocab):
    X = np.zeros((len(rows), len(vocab)))
    for i, (_, feats, _) in enumerate(rows):
        for f in feats:
            j = vocab.get(f)
            if j is not None:
                X[i, j] = 1.0
    return X


def fit(X, y, l2: float, iters: int = 400, lr: float = 0.5):
    """Logistic regression by full-batch gradient descent with Adam steps."""
    n, d = X.shape
    w = np.zeros(d)
    b = float(np.log((y.mean() + 1e-6) / (1 - y.mean() + 1e-6)))
    m = np.zeros(d + 1)
    v = np.zeros(d + 1)
    for t in range(1, iters + 1):
        z = X @ w + b
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        g = np.concatenate([(X.T @ (p - y)) / n + l2 * w, [np.mean(p - y)]])
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        step = lr * 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        w -= step[:-1]
        b -= step[-1]
    return w, b


def predict(X, w, b):
    return 1 / (1 + np.exp(-np.clip(X @ w + b, -30, 30)))


def best_threshold(prob, y, n_pred, n_match, n_gold):
    """The threshold that maximises all-attribution F1 when candidates below it are dropped
    (``n_pred``/``n_match``: the split's predictions and strict matches with no filter)."""
    order = np.argsort(prob)
    best = (2 * n_match / (n_pred + n_gold), 0.0)
    dropped = lost = 0
    for i in order:
        dropped += 1
        lost += y[i]
        f1 = 2 * (n_match - lost) / (n_pred - dropped + n_gold)
        if f1 > best[0]:
            best = (f1, float(prob[i]) + 1e-9)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "polnear")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--l2", type=float, default=1e-3)
    args = ap.parse_args(argv)

    S = _scorer()
    sp = S.load_split(str(args.data), "train")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_quotes import polnear_predictions

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        for doc, text in sp.texts.items():
            for rec in polnear_predictions(doc, text):
                fh.write(json.dumps(rec) + "\n")
    preds = S.load_preds(fh.name, sp)
    res = S.evaluate(sp.gold, preds)
    Path(fh.name).unlink()
    allrow = res["content"]["strict/all"]
    n_pred, n_match, n_gold = allrow["pred"], allrow["matched"], allrow["gold"]
    print(f"no filter: {n_pred} predictions, {n_match} strict matches, {n_gold} gold; "
          f"all F1 {allrow['f1']:.4f}")

    rows = candidates(sp, S)
    y = np.array([r[2] for r in rows], dtype=float)
    print(f"{len(rows)} reported-speech candidates, {int(y.sum())} positive ({y.mean():.3f})")

    docs = sorted({r[0] for r in rows})
    fold_of = {d: i % 5 for i, d in enumerate(docs)}
    prob = np.zeros(len(rows))
    for k in range(5):
        tr = [i for i, r in enumerate(rows) if fold_of[r[0]] != k]
        te = [i for i, r in enumerate(rows) if fold_of[r[0]] == k]
        counts = Counter(f for i in tr for f in rows[i][1])
        vocab = {f: j for j, f in enumerate(sorted(f for f, c in counts.items()
                                                   if c >= args.min_count))}
        w, b = fit(design([rows[i] for i in tr], vocab), y[tr], args.l2)
        prob[te] = predict(design([rows[i] for i in te], vocab), w, b)
    f1, thr = best_threshold(prob, y, n_pred, n_match, n_gold)
    drop = prob < thr
    print(f"cross-validated: threshold {thr:.3f} drops {int(drop.sum())} candidates "
          f"({int(y[drop].sum())} of them matches); all F1 {f1:.4f}")
    ind = res["content"]["strict/indirect"]
    print("threshold  dropped  lost  all-F1  indirect-P (estimates from the CV probabilities)")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        d = prob < t
        lost = int(y[d].sum())
        mf = 2 * (n_match - lost) / (n_pred - int(d.sum()) + n_gold)
        ip = (ind["matched"] - lost) / max(1, ind["pred"] - int(d.sum()))
        print(f"{t:9.2f} {int(d.sum()):8d} {lost:5d} {mf:7.4f} {ip:10.4f}")

    return 0


if __name__ == "__main__":
    raise SystemExit(main())
