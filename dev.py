#!/usr/bin/env python3
"""Set up coverage-kit and run its main jobs with nothing but Python 3.11.

    python3 dev.py demo    # .venv/ + install, then the report on the bundled sample corpus
    python3 dev.py test    # .venv/ + install (dev extras, Chromium), then the whole test suite
    python3 dev.py bench   # .venv/ + install, then every benchmark

Only the standard library is used here, so this works on a fresh machine. The virtual
environment lives in ``.venv/`` at the repository root and is reused when it is up to date.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def run(*cmd: str | Path, **kw) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def ensure_venv(extras: str) -> None:
    """Create ``.venv`` and install the project with ``extras`` unless already done."""
    if sys.version_info < (3, 11):
        sys.exit(f"coverage-kit needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PY.exists():
        run(sys.executable, "-m", "venv", VENV)
        run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    stamp = VENV / f".installed-{extras or 'base'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    target = f".[{extras}]" if extras else "."
    run(PY, "-m", "pip", "install", "--quiet", "-e", target, cwd=ROOT)
    stamp.write_text(digest)


FONTS = ("fonts-noto-core", "fonts-wqy-microhei")  # Arabic, Cyrillic, CJK ... in charts


def _missing_debian_packages(names: tuple[str, ...]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    missing = []
    for name in names:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name],
                             capture_output=True, text=True)
        if "install ok installed" not in out.stdout:
            missing.append(name)
    return missing


def ensure_system_packages(*, browser: bool) -> None:
    """Debian's fonts for non-Latin names in charts, and Chromium for the browser test.

    Installed with apt-get where we may (root on Debian); elsewhere we say what is missing.
    """
    wanted = FONTS + (("chromium",) if browser else ())
    missing = _missing_debian_packages(wanted)
    if browser and not (shutil.which("chromium") or Path("/usr/bin/chromium").exists()):
        missing = sorted(set(missing) | {"chromium"})
    if not missing:
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        try:
            run("apt-get", "update", "-qq", env=env)
            run("apt-get", "install", "-y", "-qq", *missing, env=env)
            return
        except subprocess.CalledProcessError:
            pass
    print(f"! missing system packages: {' '.join(missing)}; install them with your package "
          f"manager (Debian: sudo apt-get install {' '.join(missing)}). Charts still work; "
          "without Chromium the browser test fails and says how to install it.", flush=True)


def main(argv: list[str]) -> int:
    task = argv[0] if argv else "help"
    if task == "demo":
        ensure_venv("")
        ensure_system_packages(browser=False)
        run(BIN / "coverage-kit", "report", ROOT / "data" / "sample", "--out", ROOT / "reports"
            / "sample", *argv[1:])
        print("\nOpen the notebooks in JupyterLab with:\n"
              f"  {BIN / 'jupyter'} lab {ROOT / 'notebooks'}\n", flush=True)
        return 0
    if task == "test":
        ensure_venv("dev")
        ensure_system_packages(browser=True)
        return subprocess.call([str(PY), "-m", "pytest", *argv[1:]], cwd=ROOT)
    if task == "bench":
        ensure_venv("dev")
        return subprocess.call([str(PY), str(ROOT / "benchmarks" / "run_all.py"), *argv[1:]],
                               cwd=ROOT)
    print(__doc__)
    return 0 if task == "help" else 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
