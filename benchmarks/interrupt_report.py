"""Interrupt ``coverage-kit report`` at random moments and classify what is left in ``--out``.

    python benchmarks/interrupt_report.py                 # 10 interrupts on a small subset
    python benchmarks/interrupt_report.py --trials 60     # the long version
    python benchmarks/interrupt_report.py --paths data/sample --trials 30
    python benchmarks/interrupt_report.py --pythonpath /path/to/other/checkout   # before/after

One complete report is written first (the "previous" report) and timed. Each trial then starts
the same command into the same ``--out``, sends SIGINT or SIGKILL after a random delay between
0 and the complete run's duration (SIGINT twice in one trial in a third of the SIGINT cases,
as an impatient user does), and looks at what is left:

complete       ``--out`` holds a whole new report (the run finished before the signal)
previous kept  ``--out`` holds the previous report, byte for byte
partial        anything else: files missing, a mix of old and new, stray staging folders
               inside ``--out``
swallowed      the run was interrupted (a SIGINT arrived before it finished writing) but
               exited 0

It also counts the exit codes of interrupted runs and the hidden staging folders left
beside ``--out`` *after the next run* (a later run must clean what a killed one left).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def snapshot(folder: Path) -> dict[str, str]:
    """Relative path -> sha1 of every file under ``folder`` (symlinks as their target)."""
    out: dict[str, str] = {}
    if not folder.is_dir():
        return out
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            p = Path(dirpath) / name
            rel = str(p.relative_to(folder))
            if p.is_symlink():
                out[rel] = "link:" + os.readlink(p)
            else:
                out[rel] = hashlib.sha1(p.read_bytes()).hexdigest()
    return out


def is_complete(files: dict[str, str]) -> bool:
    """A whole report: the page, the PDF, the workbook, the methods note, tables and charts."""
    need = {"report.html", "report.pdf", "tables.xlsx", "methods.md"}
    visible = {k for k in files if not any(part.startswith(".") for part in k.split(os.sep))}
    hidden_dirs = {k.split(os.sep)[0] for k in files
                   if k.split(os.sep)[0].startswith(".coverage-kit-report-")}
    return (need <= visible and any(k.startswith("tables" + os.sep) for k in visible)
            and any(k.startswith("charts" + os.sep) for k in visible) and not hidden_dirs)


def _default_sigint() -> None:
    """In the child: Ctrl-C as in a terminal. A process started in the background by a
    non-interactive shell (``cmd &``) ignores SIGINT, and its children inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def command(paths: list[str], out: Path) -> list[str]:
    return [sys.executable, "-m", "coverage_kit.cli", "report", *paths, "--out", str(out),
            "--no-progress"]


def run_trials(paths: list[str], trials: int, seed: int, pythonpath: str) -> dict:
    rng = random.Random(seed)
    env = dict(os.environ, PYTHONPATH=pythonpath, MPLBACKEND="Agg")
    work = Path(tempfile.mkdtemp(prefix="ck-interrupts-"))
    run = {"env": env, "cwd": work, "preexec_fn": _default_sigint}  # cwd: -m imports the
    # package from PYTHONPATH, not from the current folder
    out = work / "report"
    t0 = time.perf_counter()
    first = subprocess.run(command(paths, out), capture_output=True, text=True, **run)
    full = time.perf_counter() - t0
    if first.returncode != 0:
        raise SystemExit(f"the first, uninterrupted run failed:\n{first.stderr}")
    previous = snapshot(out)
    outcomes: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    stray_after_next = 0
    by_signal: Counter[str] = Counter()
    for i in range(trials):
        sig = signal.SIGKILL if rng.random() < 0.3 else signal.SIGINT
        twice = sig == signal.SIGINT and rng.random() < 1 / 3
        delay = rng.uniform(0.0, full * 1.05)
        proc = subprocess.Popen(command(paths, out), stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, **run)
        time.sleep(delay)
        sent = proc.poll() is None
        if sent:
            proc.send_signal(sig)
            if twice:
                time.sleep(rng.uniform(0.0, 0.3))
                if proc.poll() is None:
                    proc.send_signal(sig)
        _, err = proc.communicate()
        rc = proc.returncode
        now = snapshot(out)
        if not sent:  # it finished before the signal
            kind = "complete" if is_complete(now) else "partial"
        elif rc == 0:
            kind = "swallowed"
        elif now == previous:
            kind = "previous kept"
        elif is_complete(now):
            kind = "complete"
        elif not now:
            kind = "nothing"
        else:
            kind = "partial"
        outcomes[kind] += 1
        if sent:
            by_signal[f"{signal.Signals(sig).name}{' x2' if twice else ''}"] += 1
            codes[str(rc)] += 1
        # Restore a complete report for the next trial (and see that a new run cleans up).
        again = subprocess.run(command(paths, out), capture_output=True, text=True, **run)
        if again.returncode != 0:
            outcomes["next run failed"] += 1
            print(again.stderr[-2000:], file=sys.stderr)
        stray = [p.name for p in work.iterdir() if p.name != "report"]
        stray += [k for k in snapshot(out)
                  if k.startswith(".coverage-kit") and k != ".coverage-kit-report.json"]
        stray_after_next += bool(stray)
        previous = snapshot(out)
        print(f"trial {i + 1:3d}: {signal.Signals(sig).name:7s}{' x2' if twice else '   '} "
              f"after {delay:5.1f} s -> exit {rc:4d}, {kind}"
              + (f" [{err.strip().splitlines()[-1][:90]}]" if err.strip() else ""),
              flush=True)
    shutil.rmtree(work, ignore_errors=True)
    return {"full_run_s": full, "outcomes": outcomes, "exit_codes": codes,
            "signals": by_signal, "stray_after_next_run": stray_after_next}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--paths", nargs="+", help="corpus to report on (default: the first "
                    "--records records of the sample's news-please file)")
    ap.add_argument("--records", type=int, default=4)
    ap.add_argument("--trials", type=int,
                    default=int(os.environ.get("COVERAGE_KIT_INTERRUPTS", "10")))
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--pythonpath", default=str(ROOT),
                    help="where coverage_kit is imported from (to measure another checkout)")
    args = ap.parse_args(argv)
    if not args.paths:
        corpus = Path(tempfile.mkdtemp(prefix="ck-interrupt-corpus-"))
        lines = (ROOT / "data/sample/newsplease/veldavia_2025-03.jsonl").read_text(
            encoding="utf-8").splitlines()[:args.records]
        (corpus / "subset.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        args.paths = [str(corpus)]
    res = run_trials(args.paths, args.trials, args.seed, args.pythonpath)
    print(f"\nuninterrupted run: {res['full_run_s']:.1f} s; interrupts tried: {args.trials} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(res['signals'].items()))})")
    order = ["complete", "previous kept", "nothing", "partial", "swallowed", "next run failed"]
    print("outcomes: " + ", ".join(f"{k} {res['outcomes'].get(k, 0)}" for k in order))
    print("exit codes of signalled runs: "
          + ", ".join(f"{k}: {v}" for k, v in sorted(res["exit_codes"].items())))
    print(f"trials after which the next run still left staging folders: "
          f"{res['stray_after_next_run']}")
    bad = res["outcomes"].get("partial", 0) + res["outcomes"].get("swallowed", 0)
    return 1 if bad or res["stray_after_next_run"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
