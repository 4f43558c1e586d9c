"""Run every benchmark in this folder and print its figures: ``python3 dev.py bench``.

Arguments are passed to nothing; run a single benchmark directly for its own options
(``python benchmarks/bench_load.py --help``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    status = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n=== {script.name} ===", flush=True)
        status |= subprocess.call([sys.executable, str(script)], cwd=HERE.parent)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
