"""What does Dask cost or give a build on one machine? The same N generated articles built three
ways: local processes (``--workers``), a Dask ``LocalCluster`` of as many worker processes
(``scheduler="local"``), and one process; wall time and articles/s for each, and whether the
three stores hold the same counts. (Row-for-row equality is tested in
``tests/test_dask_build.py``.) The articles come from ``bench_scale.generate``.

    .venv/bin/python benchmarks/bench_dask.py --n 20000 --workers 2
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
sys.path.insert(0, str(ROOT / "benchmarks"))


def main(argv: list[str] | None = None) -> int:
    from bench_scale import generate

    from coverage_kit.build import build

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000, help="articles to generate")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--serial", action="store_true", help="also build in one process")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "inputs"
        generate(inputs, args.n)
        runs = [("processes", {"workers": args.workers}),
                ("dask LocalCluster", {"workers": args.workers, "scheduler": "local"})]
        if args.serial:
            runs.append(("one process", {"workers": 1}))
        counts = {}
        print(f"{args.n:,} generated articles, {args.workers} workers")
        for name, kw in runs:
            t0 = time.perf_counter()
            result = build(inputs, Path(tmp) / name.replace(" ", "_"), progress=False, **kw)
            wall = time.perf_counter() - t0
            counts[name] = result.counts
            print(f"{name:>18}: {wall:7.1f} s wall, {args.n / wall:6.0f} articles/s, "
                  f"{result.batches} batches, {result.counts}")
        same = len({tuple(sorted(c.items())) for c in counts.values()}) == 1
        print("same counts:", same)
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
