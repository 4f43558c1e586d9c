"""PolNeAR dev scores, pinned: a regression in quote extraction fails CI.

Runs ``extract_quotes`` on the 84 dev articles, writes predictions the way
``benchmarks/bench_quotes.py`` does and scores them with the shared scorer. Floors live in
``tests/test_quotes_floors.json``.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from _shared import ROOT, SHARED, need_shared

POLNEAR = SHARED / "data" / "polnear"
SCORER = SHARED / "tools" / "score_attributions.py"
FLOORS = json.loads((Path(__file__).with_name("test_quotes_floors.json")).read_text())


def _bench():
    spec = importlib.util.spec_from_file_location("bench_quotes", ROOT / "benchmarks" / "bench_quotes.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory):
    need_shared(POLNEAR / "dev" / "text")
    need_shared(SCORER)
    bench = _bench()
    out = tmp_path_factory.mktemp("polnear")
    pred = out / "pred.jsonl"
    n = 0
    with open(pred, "w", encoding="utf-8") as fh:
        for path in sorted((POLNEAR / "dev" / "text").glob("*.txt")):
            for rec in bench.polnear_predictions(path.stem, bench.read_text(path)):
                fh.write(json.dumps(rec) + "\n")
                n += 1
    assert n > 1000
    scores = out / "scores.json"
    proc = subprocess.run(
        [sys.executable, str(SCORER), "--data", str(POLNEAR), "--split", "dev",
         "--pred", str(pred), "--json", str(scores)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(scores.read_text())


@pytest.mark.parametrize(
    "name, path",
    [
        ("direct_f1", ("content", "strict/direct", "f1")),
        ("direct_precision", ("content", "strict/direct", "precision")),
        ("direct_recall", ("content", "strict/direct", "recall")),
        ("all_f1", ("content", "strict/all", "f1")),
        ("all_precision", ("content", "strict/all", "precision")),
        ("indirect_precision", ("content", "strict/indirect", "precision")),
        ("speaker_acc", ("speaker", "strict", "accuracy")),
        ("cue_acc", ("cue", "strict", "accuracy")),
    ],
)
def test_polnear_dev_floor(dev_scores, name, path):
    value = dev_scores
    for key in path:
        value = value[key]
    assert value >= FLOORS[name], f"{name} fell to {value:.4f} (floor {FLOORS[name]})"
