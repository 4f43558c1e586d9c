"""How much memory and time does the build's corpus pass (the driver's step between staging and
finishing the batches) take for N articles, without extracting N articles first?

The corpus pass reads small per-article columns of every staged batch (ids, times, MinHash
signatures, focus scores) and the speakers of every quote, and decides duplicates, story ids,
the focus and speaker ids. This benchmark builds a small store of generated articles (as
``bench_scale.py`` makes them) once, then writes N articles' worth of staged batches by copying
its batches with new article ids and times spread over a fortnight, and signatures of freshly
generated texts (so near-duplicates occur at the rate of ``bench_scale.py``'s corpus). It then
runs the corpus pass alone and prints its sub-steps' wall and CPU times and the driver's peak
RSS (sampled every 0.05 s), so the pass can be measured at a million articles in minutes.

    .venv/bin/python benchmarks/bench_corpus_pass.py --n 200000
    .venv/bin/python benchmarks/bench_corpus_pass.py --n 200000 --code /path/to/other/checkout
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="articles in the staged corpus")
    ap.add_argument("--work", metavar="DIR", help="folder for the template store and copies "
                                                   "(kept; default: a temporary folder)")
    ap.add_argument("--code", metavar="DIR", help="import coverage_kit from this checkout")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if args.code:
        sys.path.insert(0, str(Path(args.code).resolve()))
    import numpy as np
    import pandas as pd
    import psutil
    import pyarrow as pa
    import pyarrow.parquet as pq

    import coverage_kit.build  # noqa: F401 - the module (``ck.build`` is the function)
    from coverage_kit import store as store_mod
    from coverage_kit.loader import load_articles
    from coverage_kit.syndication import signatures
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_scale import SAMPLE, generate

    b = sys.modules["coverage_kit.build"]

    print(f"coverage_kit from {Path(b.__file__).parent}")
    work = Path(args.work or tempfile.mkdtemp(prefix="bench_corpus_"))
    template = work / "template"
    if not (template / "store" / store_mod.MANIFEST).exists():
        generate(template / "inputs", 4000)
        b.build(template / "inputs", template / "store", workers=2, actors=SAMPLE,
                progress=False)
    units = list(store_mod.read_manifest(template / "store")["build"]["units"].values())
    cols = ["_row", "article_id", "published", "source_path", "source_line", "format",
            "_sig_ok", "_focus"]
    arts = [pq.read_table(template / "store" / u["stage"]["articles"], columns=cols)
            .to_pandas() for u in units]
    quotes = [pq.read_table(template / "store" / u["quotes"]["file"],
                            columns=["article_id", "speaker", "speaker_role"]).to_pandas()
              for u in units]

    # texts as bench_scale generates them, for signatures with its rate of near-duplicates
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sample = load_articles(SAMPLE, detect_language=True).articles
    sample = sample[sample["language"] == "en"]
    paras = [p.strip() for t in sample["text"] for p in str(t).split("\n") if p.strip()]
    rng = random.Random(20250306)

    root = work / f"copies-{args.n}"
    listing = root / "batches.json"
    if listing.exists():  # made by an earlier run: the same staged corpus
        records = json.loads(listing.read_text())
        made = args.n
    else:
        records, made = [], 0
    (root / b._STAGE).mkdir(parents=True, exist_ok=True)
    start = pd.Timestamp("2025-03-06T12:00:00Z")
    step = pd.Timedelta(days=14) / args.n
    k = 0
    t0 = time.perf_counter()
    while made < args.n:
        a = arts[k % len(arts)].copy()
        q = quotes[k % len(quotes)].copy()
        a = a.iloc[:args.n - made]
        m = len(a)
        old_ids = a["article_id"].astype(str)
        a["article_id"] = old_ids + f"-{k}"
        a["published"] = start + step * np.arange(made, made + m)
        a["source_path"] = f"copies/generated_{k // 25:04d}.jsonl"
        a["source_line"] = np.arange(1, m + 1) + (k % 25) * 2000
        texts = ["\n".join(rng.choice(paras) for _ in range(rng.randint(4, 12)))
                 for _ in range(m)]
        sigs, ok = signatures(texts)
        a["_sig_ok"] = ok
        table = pa.Table.from_pandas(a, preserve_index=False).append_column(
            "_sig", pa.array([s.tobytes() for s in sigs], type=pa.binary()))
        rel = f"{b._STAGE}/copy{k:05d}.articles.parquet"
        pq.write_table(table, root / rel)
        q = q[q["article_id"].isin(set(old_ids))]
        q["article_id"] = q["article_id"].astype(str) + f"-{k}"
        qrel = f"{b._STAGE}/copy{k:05d}.quotes.parquet"
        pq.write_table(pa.Table.from_pandas(q, preserve_index=False), root / qrel)
        records.append({"stage": {"articles": rel}, "quotes": {"file": qrel}})
        made += m
        k += 1
    listing.write_text(json.dumps(records))
    print(f"{args.n:,} staged articles in {len(records):,} batches ready in "
          f"{time.perf_counter() - t0:.0f} s", flush=True)

    proc = psutil.Process()
    peaks: dict[str, int] = {}
    current = ["before"]
    stop = threading.Event()

    def sample_rss() -> None:
        while not stop.is_set():
            rss = proc.memory_info().rss
            peaks[current[0]] = max(peaks.get(current[0], 0), rss)
            stop.wait(0.05)

    def hook(name: str) -> None:
        current[0] = name
        peaks[name] = max(peaks.get(name, 0), proc.memory_info().rss)

    cpu_of: dict[str, float] = {}
    last = [time.process_time()]

    def timed_hook(name: str) -> None:
        now = time.process_time()
        cpu_of[current[0]] = cpu_of.get(current[0], 0.0) + now - last[0]
        last[0] = now
        hook(name)

    base = proc.memory_info().rss
    b.step_hook = timed_hook
    thread = threading.Thread(target=sample_rss, daemon=True)
    thread.start()
    c0, t0 = time.process_time(), time.perf_counter()
    last[0] = c0
    out = b._corpus_pass(root, records, focus=None, need_focus=True, on_error="skip")
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    timed_hook("done")
    stop.set()
    thread.join()
    b.step_hook = None
    moved = sum(len(v) for v in out["stories"].values())
    print(f"corpus pass: {wall:.1f} s wall, {cpu:.1f} s CPU; {out['articles']:,} articles, "
          f"{moved:,} joined to an earlier copy's story, focus {out['focus']}, "
          f"{len(out['speaker_map']):,} speakers")
    print(f"{'sub-step':<22}{'wall s':>9}{'CPU s':>9}{'peak RSS MB':>13}")
    for name, sec in out.get("times", {}).items():
        key = f"corpus.{name}"
        print(f"  {name:<20}{sec:>9.1f}{cpu_of.get(key, 0.0):>9.1f}"
              f"{peaks.get(key, 0) / 2**20:>13,.0f}")
    print(f"driver RSS before the pass {base / 2**20:,.0f} MB, peak during it "
          f"{max(peaks.values()) / 2**20:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
