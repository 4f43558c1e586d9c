"""Issue 13, item 8 (writers): ``coverage-kit report`` interrupted by SIGINT and SIGKILL at
random moments leaves the complete previous report or the complete new one, never a mix, and a
run that did not finish exits non-zero.

Each run reads four records of the invented sample corpus, so it takes a few seconds; the test
interrupts ``COVERAGE_KIT_INTERRUPTS`` runs (default 6, about a minute). For many more, run
``benchmarks/interrupt_report.py --trials 60``, which also prints the outcome counts.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample" / "newsplease" / "veldavia_2025-03.jsonl"
MARKER = ".coverage-kit-report.json"


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() or p.is_symlink()}


def _complete(folder: Path) -> bool:
    """Every file the report's own list names is there, and nothing else."""
    if not (folder / MARKER).is_file():
        return False
    listed = set(json.loads((folder / MARKER).read_text(encoding="utf-8"))["files"])
    return listed and set(_files(folder)) == listed | {MARKER}


def _default_sigint() -> None:
    # Ctrl-C as in a terminal: a job started in the background by a non-interactive shell
    # ignores SIGINT, and the children it starts would inherit that.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _run(args: list[str]) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT), MPLBACKEND="Agg")
    return subprocess.Popen([sys.executable, "-m", "coverage_kit.cli", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_default_sigint)


@pytest.mark.slow  # a minute: COVERAGE_KIT_INTERRUPTS runs, each killed at a random moment
def test_interrupted_reports_keep_the_previous_one_or_finish(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:4]
    (corpus / "four.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    work = tmp_path / "reports"
    work.mkdir()
    out = work / "report"
    args = ["report", str(corpus), "--out", str(out), "--no-progress"]

    t0 = time.monotonic()
    first = _run(args)
    _, err = first.communicate()
    full = time.monotonic() - t0
    assert first.returncode == 0, err
    assert _complete(out)

    rng = random.Random(int(os.environ.get("COVERAGE_KIT_INTERRUPT_SEED", "13")))
    trials = int(os.environ.get("COVERAGE_KIT_INTERRUPTS", "6"))
    outcomes = []
    for i in range(trials):
        before = _files(out)
        sig = signal.SIGKILL if i % 3 == 2 else signal.SIGINT
        proc = _run(args)
        time.sleep(rng.uniform(0.1, full))
        sent = proc.poll() is None
        if sent:
            proc.send_signal(sig)
        _, err = proc.communicate()
        now = _files(out)
        if now == before:
            kind = "previous kept"
        elif _complete(out):
            kind = "complete"
        else:
            kind = "partial"
        outcomes.append((sig.name, sent, proc.returncode, kind))
        assert kind != "partial", (outcomes, sorted(now), err[-2000:])
        if sent and proc.returncode == 0:
            # Only a run that finished may exit 0 after a Ctrl-C (the signal came after
            # the new report was in place); an unfinished one must say it was interrupted.
            assert kind == "complete", (outcomes, err[-2000:])
        if sent and sig == signal.SIGINT and kind == "previous kept":
            # 130, or killed by SIGINT itself when a second Ctrl-C lands while the process is
            # already exiting (Python then ends by the signal, as shells expect): never 0
            assert proc.returncode in (130, -signal.SIGINT), (outcomes, err[-2000:])
            assert "interrupted; no partial files were left behind" in err
        # Nothing but the report (and, after a SIGKILL, the killed run's staging folder).
        strays = [p.name for p in work.iterdir() if p.name != "report"]
        assert all(s.startswith(".coverage-kit-report.") for s in strays), strays
        assert not [p for p in out.iterdir() if p.name.startswith(".coverage-kit-report-")]

    last = _run(args)
    _, err = last.communicate()
    assert last.returncode == 0, err
    assert _complete(out)
    assert [p.name for p in work.iterdir()] == ["report"], "the next run cleans up"
    print(f"{trials} interrupts: " + "; ".join(
        f"{s}{'' if sent else ' (after the end)'} -> {rc} {kind}"
        for s, sent, rc, kind in outcomes))
