"""How long does ``coverage-kit report data/sample --out DIR`` take, step by step, how much
memory does it use, and how big is each chart?

Target (issue 5): the whole report on the bundled sample corpus in under a minute. Runs the
report into a temporary folder (nothing is left behind), prints the time of each step and
the total, and exits 1 when the total misses the target.

    .venv/bin/python benchmarks/bench_report.py
    .venv/bin/python benchmarks/bench_report.py --corpus path/to/corpus --keep reports/bench
    .venv/bin/python benchmarks/bench_report.py --corpus ../shared/examples/html   # 5 years

Peak memory is the process's maximum resident set (loading and extraction included). Every
chart must stay within 4,000 px on its longest side (a five-year daily heatmap once came out
67,076 px wide and the report was killed at 21.6 GB).
"""

from __future__ import annotations

import argparse
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT / "data" / "sample"))
    parser.add_argument("--keep", metavar="DIR", help="write the report here and keep it")
    args = parser.parse_args(argv)

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
