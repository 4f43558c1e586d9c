"""How long does ``coverage-kit report data/sample --out DIR`` take, step by step, how much
memory does it use, and how big is each chart? And the report of a corpus store.

Target (issue 5): the whole report on the bundled sample corpus in under a minute. Runs the
report into a temporary folder (nothing is left behind), prints the time of each step and
the total, and exits 1 when the total misses the target.

    .venv/bin/python benchmarks/bench_report.py
    .venv/bin/python benchmarks/bench_report.py --corpus path/to/corpus --keep reports/bench
    .venv/bin/python benchmarks/bench_report.py --corpus ../shared/examples/html   # 5 years

Peak memory is the process's maximum resident set (loading and extraction included). Every
chart must stay within 4,000 px on its longest side (a five-year daily heatmap once came out
67,076 px wide and the report was killed at 21.6 GB).

Store mode (issue 12: the report of a one-million-article store within 2 GB, not growing with
the corpus span). A store of ``--n`` generated articles (the dashboard benchmark's invented
Veldavia corpus, written 100,000 articles at a time, its dates stretched over ``--span-days``)
is made in ``--store DIR`` unless it is there already, then ``coverage-kit report --store DIR``
runs in a child process; its wall time and peak RSS are printed, and the exit code is 1 when
the peak passes 2 GB:

    .venv/bin/python benchmarks/bench_report.py --store /tmp/s100k --n 100000
    .venv/bin/python benchmarks/bench_report.py --store /tmp/s1m --n 1000000
    .venv/bin/python benchmarks/bench_report.py --store /tmp/s1m-5y --n 1000000 --span-days 1826

The generated articles carry ``polarity`` and ``subjectivity`` (as a build that scores article
tone would store them); a store without them has every article scored with TextBlob by the
report, in chunks (same memory, much longer).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import matplotlib  # noqa: E402

matplotlib.use("Agg")

TARGET_S = 60.0


TARGET_STORE_MB = 2048
CHUNK = 100_000


def make_store(root: Path, n: int, span_days: float) -> None:
    """Write ``n`` generated articles (with quotes and reactions) as a store at ``root``,
    ``CHUNK`` articles at a time, dates stretched from 18 days to ``span_days``."""
    import numpy as np
    import pandas as pd

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_dashboard import make_corpus

    from coverage_kit.store import write_tables

    t0 = pd.Timestamp("2025-03-03", tz="UTC")
    stretch = span_days / 18.0
    for k, first in enumerate(range(0, n, CHUNK)):
        articles, quotes, reactions = make_corpus(min(CHUNK, n - first), seed=6 + k)
        for df in (articles, quotes, reactions):
            df["published"] = t0 + (df["published"] - t0) * stretch
        # own stories ("a<i>") are numbered per chunk: keep them apart across chunks
        sid = articles["story_id"].astype("object")
        articles["story_id"] = sid.where(~sid.str.startswith("a"), f"c{k}-" + sid)
        rng = np.random.default_rng(k)
        articles["polarity"] = rng.uniform(-0.4, 0.4, len(articles))
        articles["subjectivity"] = rng.uniform(0, 1, len(articles))
        write_tables(root, part=f"part-{k:04d}", articles=articles, quotes=quotes,
                     reactions=reactions)
        print(f"  store: {first + len(articles):,} of {n:,} articles written", flush=True)


def store_main(args: argparse.Namespace) -> int:
    import resource
    import subprocess

    root = Path(args.store)
    if not (root / "manifest.json").is_file():
        t = time.perf_counter()
        make_store(root, args.n, args.span_days)
        print(f"generated store {root}: {args.n:,} articles over {args.span_days:g} days in "
              f"{time.perf_counter() - t:.0f} s")
    from coverage_kit.store import open_store

    with open_store(root) as store:
        print(store)
        lo, hi = store.sql("SELECT min(published), max(published) FROM articles").fetchone()
        print(f"  span {lo:%Y-%m-%d} to {hi:%Y-%m-%d}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.keep) if args.keep else Path(tmp) / "report"
        cmd = [sys.executable, "-m", "coverage_kit.cli", "report", "--store", str(root),
               "-o", str(out), "--no-progress"]
        t = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, env={**os.environ, "MPLBACKEND": "Agg",
                                                  "PYTHONPATH": str(ROOT)})
        wall = time.perf_counter() - t
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        n_files = sum(1 for p in out.rglob("*") if p.is_file()) if out.is_dir() else 0
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 1e6 \
            if out.is_dir() else 0
    ok = proc.returncode == 0 and peak_mb <= TARGET_STORE_MB
    print(f"report --store on {args.n:,} articles over {args.span_days:g} days: {wall:.0f} s "
          f"wall, peak RSS {peak_mb:,.0f} MB (target <= {TARGET_STORE_MB:,} MB), "
          f"{n_files} files, {size:,.0f} MB, exit {proc.returncode} "
          f"{'OK' if ok else 'MISSED'}")
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT / "data" / "sample"))
    parser.add_argument("--keep", metavar="DIR", help="write the report here and keep it")
    parser.add_argument("--store", metavar="DIR", help="report on this store (generated "
                                                       "first when it has no manifest)")
    parser.add_argument("--n", type=int, default=100_000, help="articles to generate")
    parser.add_argument("--span-days", type=float, default=18.0,
                        help="days the generated corpus spans (default 18; 1826 = 5 years)")
    args = parser.parse_args(argv)
    if args.store:
        return store_main(args)

    from coverage_kit import report as R
    from coverage_kit.loader import load_articles

    warnings.simplefilter("ignore")  # the sample's broken inputs warn by design
    t0 = time.perf_counter()
    loaded = load_articles(args.corpus, progress=False)
    t_load = time.perf_counter() - t0

    # Time the report's own steps by wrapping them (same code paths as the CLI).
    timings: dict[str, float] = {}

    def timed(name, fn):
        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                timings[name] = timings.get(name, 0.0) + time.perf_counter() - t
        return wrapper

    R._extract = timed("extract quotes + reactions", R._extract)
    R.report_tables = timed("tables", R.report_tables)
    import coverage_kit.theme as theme

    R_save = theme.save_figure
    theme.save_figure = timed("charts: PNG + SVG files", R_save)

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.keep) if args.keep else Path(tmp) / "report"
        t1 = time.perf_counter()
        result = R.write_report(loaded, out, progress=False)
        t_report = time.perf_counter() - t1
        from PIL import Image

        sizes = {name: Image.open(p).size for name, files in result.charts.items()
                 for p in files if p.suffix == ".png"}
    total = t_load + t_report
    rest = t_report - sum(timings.values())
    print(f"corpus: {args.corpus}: {result.counts['articles']:,} articles, "
          f"{result.counts['outlets']} outlets, {result.counts['quotes']:,} quotes, "
          f"{result.counts['reactions']:,} reaction statements")
    print(f"  load                          {t_load:6.1f} s")
    for name, secs in timings.items():
        print(f"  {name:<30}{secs:6.1f} s")
    print(f"  PDF pages, HTML, Excel, rest  {rest:6.1f} s")
    import resource

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"report: {total:.1f} s in all for {len(result.files)} files "
          f"({len(result.charts)} charts, {len(result.tables)} tables); target < {TARGET_S:.0f} s")
    print(f"peak memory (max RSS of this process): {peak_mb:,.0f} MB")
    for name, (w, h) in sizes.items():
        print(f"  {name:<32} {w:>5,} x {h:>5,} px")
    too_big = [n for n, wh in sizes.items() if max(wh) > 4000]
    if too_big:
        print(f"charts over 4,000 px: {', '.join(too_big)}")
    return 0 if total < TARGET_S and not too_big else 1


if __name__ == "__main__":
    raise SystemExit(main())
