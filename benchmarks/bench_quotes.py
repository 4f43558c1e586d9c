#!/usr/bin/env python3
"""Quote extraction on PolNeAR: accuracy (the shared scorer) and speed.

    .venv/bin/python benchmarks/bench_quotes.py              # dev split
    .venv/bin/python benchmarks/bench_quotes.py --split train --by-publisher
    .venv/bin/python benchmarks/bench_quotes.py --split train --stages   # time per stage

Writes the predictions as JSON Lines (``--pred``, default a temporary file), runs
``../shared/tools/score_attributions.py`` on them and prints its scores, then the speed of
``extract_quotes`` in articles/s and MB/s per core (CPU time of one process), that of
``quotes_table`` end to end (speaker ids and TextBlob polarity included), and a linearity
check: the time for the
same article concatenated 1x, 4x and 16x.

PolNeAR conventions applied when writing predictions (see the scorer's README): a direct
quote's span includes its quotation marks; the parts of one attribution (``"A," he said,
"B."``) and quotes carried over within one paragraph are written as one prediction with
several ``spans``; a prediction counts as direct when quotation marks cover at least half of
its non-blank characters (the scorer's definition of DIRECT).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coverage_kit.extract._sentences import quote_stretches  # noqa: E402
from coverage_kit.extract.quotes import extract_quotes  # noqa: E402

SHARED = ROOT.parent / "shared"


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def polnear_predictions(doc: str, text: str) -> list[dict]:
    """extract_quotes output in the scorer's prediction format (PolNeAR conventions)."""
    quotes = extract_quotes(text)
    stretches = quote_stretches(text)
    groups: dict[int, list] = {}
    order: list[int] = []
    para_of = _para_finder(text)
    for q in quotes:
        key = q.attribution
        if q.carried and key in groups:
            # PolNeAR joins a carried quote to its attribution only within one paragraph;
            # in a new paragraph it is an attribution of its own, sourced by the same mention
            if para_of(q.start) - para_of(groups[key][-1].start) > 2:
                src = next((x for x in groups[key] if x.speaker_start is not None), None)
                key = -len(order) - 1
                if src is not None:
                    q = replace(q, speaker_start=src.speaker_start, speaker_end=src.speaker_end,
                                speaker=src.speaker)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(q)
    preds = []
    for key in order:
        qs = groups[key]
        spans = []
        for q in qs:
            s, e = (q.mark_start, q.mark_end) if q.mark_start is not None else (q.start, q.end)
            spans.append([s, e])
        spans.sort()
        head = next((q for q in qs if q.speaker_start is not None), qs[0])
        cue = next((q for q in qs if q.cue_start is not None), qs[0])
        quoted = _quoted_chars(text, spans, stretches)
        total = sum(e - s - _blanks(text, s, e) for s, e in spans)
        rec = {
            "doc": doc,
            "start": spans[0][0],
            "end": spans[-1][1],
            "kind": "direct" if total and quoted >= 0.5 * total else "indirect",
            "speaker_start": head.speaker_start,
            "speaker_end": head.speaker_end,
            "cue_start": cue.cue_start,
            "cue_end": cue.cue_end,
            "speaker": head.speaker,
        }
        if len(spans) > 1:
            rec["spans"] = spans
        preds.append(rec)
    return preds


def _para_finder(text: str):
    import bisect

    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return lambda pos: bisect.bisect_right(starts, pos)


def _blanks(text: str, s: int, e: int) -> int:
    return sum(1 for c in text[s:e] if c.isspace())


def _quoted_chars(text: str, spans, stretches) -> int:
    """Non-whitespace characters of ``spans`` inside quotation marks (the scorer's rule)."""
    import bisect

    starts = [q.start for q in stretches]
    n = 0
    for s, e in spans:
        for q in stretches[max(0, bisect.bisect_right(starts, s) - 1) :]:
            if q.start >= e:
                break
            if q.end > s:
                a, b = max(q.start, s), min(q.end, e)
                n += b - a - _blanks(text, a, b)
    return n


def stage_times(texts: list[str], *, reported: str = "all", rounds: int = 3) -> dict[str, float]:
    """CPU milliseconds per article of each stage of ``extract_quotes`` (best of ``rounds``):
    sentences (paragraphs, quote stretches, sentences), cues, the finding stages in the
    extractor's own order (``_Extractor.stages``; ``direct`` includes nothing of the cue scan,
    which is timed first), and speaker resolution."""
    from coverage_kit.extract.quotes import Quote, _Extractor
    from coverage_kit.extract.speakers import resolve_mentions

    best: dict[str, float] = {}
    clock = time.process_time
    for _ in range(rounds):
        acc: dict[str, float] = {}
        for text in texts:
            t0 = clock()
            ex = _Extractor(text, None)
            t1 = clock()
            ex.cue_tokens(0, 0)
            t2 = clock()
            acc["sentences"] = acc.get("sentences", 0.0) + t1 - t0
            acc["cues"] = acc.get("cues", 0.0) + t2 - t1
            for step in ex.stages(reported):
                t1 = clock()
                step()
                t2 = clock()
                acc[step.__name__] = acc.get(step.__name__, 0.0) + t2 - t1
            ex.found.sort(key=lambda f: (f.start, f.end))
            t1 = clock()
            resolve_mentions(text, ex.found, Quote, index=ex.ix)
            acc["resolution"] = acc.get("resolution", 0.0) + clock() - t1
        for k, v in acc.items():
            best[k] = min(best.get(k, float("inf")), v * 1000 / len(texts))
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "polnear")
    ap.add_argument("--pred", type=Path, default=None, help="where to write predictions")
    ap.add_argument("--by-publisher", action="store_true")
    ap.add_argument("--json", type=Path, default=None, help="write the scores as JSON")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed measurements")
    ap.add_argument("--stages", action="store_true",
                    help="also print the CPU time of each extraction stage")
    args = ap.parse_args(argv)

    text_dir = args.data / args.split / "text"
    if not text_dir.is_dir():
        print(f"{text_dir}: no PolNeAR texts here; pass --data", file=sys.stderr)
        return 2
    paths = sorted(text_dir.glob("*.txt"))
    docs = [(p.stem, read_text(p)) for p in paths]
    pred_path = args.pred or Path(tempfile.mkstemp(suffix=".jsonl", prefix="quotes-")[1])
    n_pred = 0
    with open(pred_path, "w", encoding="utf-8") as fh:
        for doc, text in docs:
            for rec in polnear_predictions(doc, text):
                fh.write(json.dumps(rec) + "\n")
                n_pred += 1
    print(f"{len(docs)} {args.split} articles, {n_pred} predictions -> {pred_path}")
    scorer = SHARED / "tools" / "score_attributions.py"
    cmd = [sys.executable, str(scorer), "--data", str(args.data), "--split", args.split,
           "--pred", str(pred_path)]
    if args.by_publisher:
        cmd.append("--by-publisher")
    if args.json:
        cmd += ["--json", str(args.json)]
    rc = subprocess.call(cmd)
    if rc != 0 or args.no_speed:
        return rc

    # speed: extract_quotes only, one core
    texts = [t for _, t in docs]
    n_chars = sum(len(t) for t in texts)
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)
    best = best_cpu = float("inf")
    for _ in range(3):
        t0, c0 = time.perf_counter(), time.process_time()
        for t in texts:
            extract_quotes(t)
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    print(f"speed: {len(texts) / best_cpu:.0f} articles/s per core, {n_bytes / best_cpu / 1e6:.2f} "
          f"MB/s per core (CPU time of one process; {len(texts) / best:.0f} articles/s wall "
          f"clock; {len(texts)} articles, {n_chars / len(texts):.0f} chars/article)")
    if args.stages:
        times = stage_times(texts)
        total = sum(times.values())
        print("stages (CPU ms per article, best of 3): " + ", ".join(
            f"{k} {v:.3f} ({v / total:.0%})" for k, v in times.items()))
    best_cpu = float("inf")
    for _ in range(3):
        c0 = time.process_time()
        for t in texts:
            extract_quotes(t, reported="speech")
        best_cpu = min(best_cpu, time.process_time() - c0)
    print(f"speed, reported='speech' (quotes_table's default): "
          f"{len(texts) / best_cpu:.0f} articles/s per core")
    # quotes_table end to end: extraction, rows per speaker, speaker ids, TextBlob
    # polarity/subjectivity per quote, the typed table
    import pandas as pd

    from coverage_kit.extract.quotes import quotes_table

    arts = pd.DataFrame({"article_id": [d for d, _ in docs], "outlet": "PolNeAR",
                         "published": pd.Timestamp("2016-11-01", tz="UTC"), "text": texts})
    best_cpu = float("inf")
    for _ in range(3):
        c0 = time.process_time()
        table = quotes_table(arts)
        best_cpu = min(best_cpu, time.process_time() - c0)
    print(f"speed, quotes_table: {len(texts) / best_cpu:.0f} articles/s per core "
          f"({len(table)} rows)")
    # linearity: the longest article repeated
    base = max(texts, key=len)
    times = []
    for k in (1, 4, 16):
        big = "\n\n".join([base] * k)
        t0 = time.perf_counter()
        extract_quotes(big)
        times.append(time.perf_counter() - t0)
    ratios = [t / times[0] for t in times]
    print("linearity: " + ", ".join(f"{k}x {t * 1000:.1f} ms" for k, t in zip((1, 4, 16), times))
          + f" (16x/1x = {ratios[-1]:.1f}; linear is 16)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
