"""How long does ``build`` take for N generated articles, with how much memory, and how fast is
the store it writes to query?

The articles are invented: each takes the title and outlet of an English article of the bundled
sample corpus (``data/sample``) and 4-12 paragraphs drawn from all of them, so quotes, foreign
reactions and datelines occur at the sample's rates and extraction does real work. They are
spread over a fortnight and written as JSON Lines files of at most 50,000 articles into a
temporary folder (``--keep DIR`` keeps the inputs and the store there).

Printed per step: wall time, CPU time of the whole process tree, articles/s, CPU time per part
of the batch steps (loading, signatures, focus scores, quotes, reactions, writing; summed over
the processes, so comparable on a busy machine), peak RSS of the
whole process tree (the sum over the driver and its workers, sampled every 0.2 s with psutil,
and the largest single process from ``getrusage``), the peak RSS per build step of the driver
and of each worker process (``--rss-log CSV`` writes the timeline), the store's size on disk,
then the time to open the store and a few DuckDB aggregations over it (``--no-queries`` skips
them and the rerun).

    .venv/bin/python benchmarks/bench_scale.py --n 20000              # quick
    .venv/bin/python benchmarks/bench_scale.py --n 1000000 --workers 2
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coverage_kit.build import build  # noqa: E402
from coverage_kit.loader import load_articles  # noqa: E402
from coverage_kit.store import open_store  # noqa: E402

SAMPLE = ROOT / "data" / "sample"
PER_FILE = 50_000


def generate(folder: Path, n: int, seed: int = 20250306) -> int:
    """``n`` invented articles as JSON Lines files in ``folder``; returns bytes written."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = load_articles(SAMPLE, detect_language=True).articles
    arts = arts[arts["language"] == "en"]
    rng = random.Random(seed)
    paras = [p.strip() for t in arts["text"] for p in str(t).split("\n") if p.strip()]
    heads = list(zip(arts["title"].astype(str), arts["outlet"].astype(str)))
    start = 1741262400  # 2025-03-06T12:00:00Z
    step = 14 * 86400 / max(n, 1)
    folder.mkdir(parents=True, exist_ok=True)
    nbytes = 0
    fh = None
    for i in range(n):
        if i % PER_FILE == 0:
            if fh:
                fh.close()
            fh = open(folder / f"generated_{i // PER_FILE:04d}.jsonl", "w", encoding="utf-8")
        title, outlet = heads[rng.randrange(len(heads))]
        body = "\n".join(rng.choice(paras) for _ in range(rng.randint(4, 12)))
        t = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(start + int(i * step)))
        line = json.dumps({"title": f"{title} ({i})", "text": body, "published": t,
                           "outlet": outlet, "language": "en",
                           "url": f"https://example.org/{i}"}, ensure_ascii=False) + "\n"
        fh.write(line)
        nbytes += len(line.encode("utf-8"))
    if fh:
        fh.close()
    return nbytes


class TreeRSS:
    """RSS of this process (the driver) and of each descendant (the pool workers), sampled in
    a thread every ``interval`` seconds and labelled with the build step the driver is in
    (``coverage_kit.build.step_hook``). Keeps the peak per step and process, the peak of the
    sum over the tree, and a timeline (written with ``--rss-log``)."""

    def __init__(self, interval: float = 0.2):
        import psutil

        self.proc = psutil.Process()
        self.interval = interval
        self.step = "start"
        self.peak = 0  # of the tree sum
        self.peaks: dict[tuple[str, str], int] = {}  # (step, process) -> bytes
        self.tree: dict[str, int] = {}  # step -> peak of the tree sum
        self.timeline: list[tuple[float, str, int, dict[int, int]]] = []
        self._names: dict[int, str] = {}
        self._t0 = time.perf_counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def set_step(self, step: str) -> None:
        self.step = step
        self.sample()

    def _name(self, pid: int) -> str:
        if pid not in self._names:
            self._names[pid] = f"worker {len(self._names) + 1}"
        return self._names[pid]

    def sample(self) -> None:
        import psutil

        step = self.step
        try:
            kids = self.proc.children(recursive=True)
        except psutil.Error:
            kids = []
        driver = self.proc.memory_info().rss
        workers: dict[int, int] = {}
        for p in kids:
            try:
                workers[p.pid] = p.memory_info().rss
            except psutil.Error:
                pass
        total = driver + sum(workers.values())
        self.peak = max(self.peak, total)
        self.tree[step] = max(self.tree.get(step, 0), total)
        for name, rss in [("driver", driver)] + [(self._name(k), v) for k, v in workers.items()]:
            self.peaks[(step, name)] = max(self.peaks.get((step, name), 0), rss)
        self.timeline.append((time.perf_counter() - self._t0, step, driver, workers))

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def report(self) -> str:
        names = ["driver"] + sorted({n for _, n in self.peaks if n != "driver"},
                                    key=lambda n: int(n.split()[1]))
        steps = list(dict.fromkeys(s for s, _ in self.peaks))
        shown = names[:6]
        lines = [f"{'peak RSS (MB) by step':<24}" + "".join(f"{n:>11}" for n in shown)
                 + f"{'tree sum':>11}"]
        for st in steps:
            cells = "".join(f"{self.peaks[(st, n)] / 2**20:>11,.0f}" if (st, n) in self.peaks
                            else f"{'-':>11}" for n in shown)
            lines.append(f"  {st:<22}{cells}{self.tree[st] / 2**20:>11,.0f}")
        if len(names) > len(shown):
            lines.append(f"  ({len(names) - len(shown)} more worker processes not shown)")
        return "\n".join(lines)

    def write_log(self, path: Path) -> None:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("seconds,step,process,rss_mb\n")
            for t, step, driver, workers in self.timeline:
                fh.write(f"{t:.2f},{step},driver,{driver / 2**20:.1f}\n")
                for pid, rss in workers.items():
                    fh.write(f"{t:.2f},{step},{self._name(pid)},{rss / 2**20:.1f}\n")

    def __enter__(self):
        import coverage_kit.build as b

        b.step_hook = self.set_step
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        import coverage_kit.build as b

        b.step_hook = None
        self._stop.set()
        self._thread.join()


def cpu_seconds() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def largest_process_mb() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return max(s.ru_maxrss, c.ru_maxrss) / 1024  # Linux: kilobytes


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000, help="articles to generate")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--keep", metavar="DIR", help="keep inputs and store in DIR")
    ap.add_argument("--no-progress", action="store_true")
    ap.add_argument("--rss-log", metavar="CSV", help="write the RSS timeline per process here")
    ap.add_argument("--no-queries", action="store_true",
                    help="skip the store queries and the rerun")
    args = ap.parse_args(argv)
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench_scale_"))
    inputs, store = base / "inputs", base / "store"
    shutil.rmtree(store, ignore_errors=True)
    shutil.rmtree(inputs, ignore_errors=True)
    rows = []
    try:
        t0 = time.perf_counter()
        nbytes = generate(inputs, args.n)
        rows.append(("generate", time.perf_counter() - t0, None, None))
        print(f"{args.n:,} articles, {nbytes / 2**20:,.1f} MB of JSON Lines in {inputs}",
              flush=True)

        c0, t0 = cpu_seconds(), time.perf_counter()
        with TreeRSS() as rss:
            result = build(inputs, store, workers=args.workers, focus=None,
                           actors=SAMPLE, progress=not args.no_progress)
        wall, cpu = time.perf_counter() - t0, cpu_seconds() - c0
        print(result.summary())
        print(f"\n{'step':<28}{'wall s':>9}{'CPU s':>9}{'articles/s':>12}")
        print(f"{'build (all)':<28}{wall:>9.1f}{cpu:>9.1f}{args.n / wall:>12,.0f}")
        for step, sec in result.steps.items():
            print(f"  {step:<26}{sec:>9.1f}")
            if step == "corpus":
                for sub, s2 in result.corpus_steps.items():
                    print(f"    {sub:<24}{s2:>9.1f}")
        print("\nCPU by part (summed over the processes; articles per CPU-second, i.e. per core)")
        print(f"{'part':<28}{'CPU s':>9}{'ms/article':>12}{'art/CPU-s':>12}")
        for part, sec in sorted(result.cpu.items()):
            rate = f"{args.n / sec:>12,.0f}" if sec > 0 else f"{'-':>12}"
            print(f"  {part:<26}{sec:>9.1f}{sec * 1000 / args.n:>12.2f}{rate}")
        print(f"  {'whole process tree':<26}{cpu:>9.1f}{cpu * 1000 / args.n:>12.2f}"
              f"{args.n / cpu:>12,.0f}")
        try:
            import os

            load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
            print(f"load average (1, 5, 15 min) at the end: {load}")
        except OSError:
            pass
        print(f"peak RSS, whole process tree: {rss.peak / 2**20:,.0f} MB; largest single "
              f"process: {largest_process_mb():,.0f} MB")
        print(rss.report())
        if args.rss_log:
            rss.write_log(Path(args.rss_log))
        print(f"store size: {folder_mb(store):,.1f} MB (inputs {nbytes / 2**20:,.1f} MB)")
        if args.no_queries:
            return 0

        t0 = time.perf_counter()
        st = open_store(store)
        print(f"\nopen store: {time.perf_counter() - t0:.3f} s  ({st!r})")
        queries = {
            "articles per outlet": "SELECT outlet, count(*) FROM articles GROUP BY 1",
            "articles per day": "SELECT date_trunc('day', published) d, count(*) FROM articles "
                                "GROUP BY 1 ORDER BY 1",
            "top 20 speakers": "SELECT speaker_id, count(*) n FROM quotes WHERE speaker_id IS "
                               "NOT NULL GROUP BY 1 ORDER BY n DESC LIMIT 20",
            "reactions country x stance": "SELECT country, stance, count(*) FROM reactions "
                                          "WHERE NOT domestic GROUP BY 1, 2",
            "stories (syndication)": "SELECT count(DISTINCT story_id) FROM articles",
        }
        for label, sql in queries.items():
            t0 = time.perf_counter()
            out = st.sql(sql).fetchall()
            print(f"  {label:<30}{(time.perf_counter() - t0) * 1000:>8.1f} ms  "
                  f"({len(out):,} rows)")
        st.close()

        print("\nrerun with nothing changed:")
        t0 = time.perf_counter()
        again = build(inputs, store, workers=args.workers, actors=SAMPLE, progress=False)
        print(f"  {time.perf_counter() - t0:.1f} s; {again.batches_staged} batches loaded, "
              f"{again.batches_finished} rewritten")
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
