"""The loader under hostile input: crashes, hangs and lost records, per format.

    python benchmarks/fuzz_loader.py                 # hostile corpus + 40 random folders/format
    python benchmarks/fuzz_loader.py --random 200 --seed 7
    python benchmarks/fuzz_loader.py --root /path/to/other/checkout   # measure another version

Two sources of cases, all written into a temporary folder:

* the hand-made hostile corpus of ``tests/_hostile.py`` (truncated archives, deep JSON, broken
  Parquet, symlink loops, FIFOs, ragged metadata tables, DST gaps...);
* random folders per format (JSON Lines, JSON, CSV, TSV, text, HTML, RSS, Parquet), whose
  records mix ordinary values with hostile ones (quotes, separators, stray bytes, surrogates,
  huge numbers, impossible dates), some files then truncated, gzipped or given a stray byte.

Each folder is loaded with ``on_error="skip"``. A **crash** is an exception that escapes; a
**hang** is a load that takes longer than ``--timeout`` seconds; a **loss** is a file on disk
that is in neither ``articles`` nor ``rejects``, or fewer rows than records written (for the
cases where that number is known). Prints one line per format and the failing cases.
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import os
import random
import signal
import sys
import tempfile
import time
import traceback
import warnings
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if "--root" in sys.argv:  # the coverage_kit to measure (the hostile corpus stays this one's)
    sys.path.insert(0, sys.argv[sys.argv.index("--root") + 1])
else:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import _hostile  # noqa: E402

from coverage_kit.loader import load_articles  # noqa: E402

try:  # the loader before issue 13 had no display_path: measure it with the same script
    from coverage_kit.loader import display_path  # noqa: E402
except ImportError:
    def display_path(p):
        s = os.fsdecode(p)
        return s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
from coverage_kit.readers import METADATA_NAMES  # noqa: E402

VALUES = [
    "Floods recede", 'He said "no"', '"Quoted" start', "semi;colon", "tab\there", "comma, here",
    "line\nbreak", "crlf\r\nbreak", "Z\u00fcrich", "caf\u00e9", "\u00e9\u00e8", "=HYPERLINK(1)",
    "", " ", "null", "NaN", "\u200b", "<b>bold</b>", "</summary>", "]]>", "&amp;", "\\",
    "x" * 300, "\ud800", "\U0001f600", "--- \n", "\x00", "\x1f", "日本語のニュース",
]
DATES = [
    "2024-05-01", "2024-05-01T08:00:00+02:00", "2024-05-01T08:00:00Z",
    "March 10, 2024 2:30 a.m. ET",
    "Nov 3, 2024 1:30 a.m. ET", "2024-05-01T08:00:00+15:00", "May 1, 2024 8:00 a.m. +15:00",
    "yesterday", "31.02.2024", "0000-01-01", "9999-12-31T23:59:59", "1" + "0" * 400,
    -1e10, 1e10, 1714550400, -1, 1e308, "-99999999999", "", None, "2024-13-45",
    "Tue Jan 28 15:28:56 CET 2020",
]


def _record(rng: random.Random, i: int) -> dict:
    rec = _hostile.article(i)
    for key in ("title", "text", "outlet"):
        if rng.random() < 0.4:
            rec[key] = rng.choice(VALUES) + (" " + _hostile.BODY if key == "text" else "")
    if rng.random() < 0.4:
        rec["published"] = rng.choice(DATES)
    if rng.random() < 0.1:
        rec.pop(rng.choice(list(rec)))
    if rng.random() < 0.1:
        rec[rng.choice(["body", "headline", "date", "extra"])] = rng.choice(VALUES)
    return rec


def _write_format(fmt: str, recs: list[dict], folder: Path, rng: random.Random) -> Path:
    p, data = _hostile.write_records(fmt, recs, folder, well_formed=False)
    return _corrupt(p, data, rng)


def _corrupt(p: Path, data: bytes, rng: random.Random) -> Path:
    roll = rng.random()
    if roll < 0.1:
        data = data[: rng.randrange(0, max(1, len(data)))]
    elif roll < 0.2:
        k = rng.randrange(0, max(1, len(data)))
        data = data[:k] + bytes([rng.choice([0xe9, 0x00, 0xff, 0x22, 0x0a])]) + data[k:]
    elif roll < 0.3:
        data = gzip.compress(data)
        if rng.random() < 0.5:
            data = data[: len(data) // 2]
        p = p.with_name(p.name + ".gz")
    elif roll < 0.35:
        data = bz2.compress(data)[:-5]
        p = p.with_name(p.name + ".bz2")
    p.write_bytes(data)
    return p


FORMATS = _hostile.FORMATS


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang()


def _files(folder: Path) -> set[str]:
    out = set()
    for dirpath, dirnames, filenames in os.walk(folder):
        for n in filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            out.add(os.path.join(dirpath, n))
    return out


def run_case(folder: Path, expected: int | None, timeout: float) -> tuple[str, str]:
    """('ok' | 'crash' | 'hang' | 'loss', detail)."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            articles, rejects = load_articles(folder, on_error="skip", syndication=None)
    except _Hang:
        return "hang", f"no answer after {timeout:.0f} s"
    except BaseException as exc:  # noqa: BLE001 - counting every escape is the point
        tb = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(tb.filename).name}:{tb.lineno}"
        return "crash", f"{type(exc).__name__}: {str(exc)[:120]} ({where})"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    seen = set(articles["source_path"].astype(str)) | set(rejects["source_path"].astype(str))
    described = (articles["format"].astype(str) == "folder").any()  # a metadata table's rows
    missing = sorted(f for f in _files(folder) if display_path(f) not in seen
                     and not (described and Path(f).name in METADATA_NAMES)
                     and Path(f).name != ".ckignore")  # the loader's instructions
    if missing:
        return "loss", f"not accounted for: {', '.join(Path(m).name for m in missing)}"
    if expected is not None and len(articles) + len(rejects) < expected:
        return "loss", f"{len(articles)} articles + {len(rejects)} rejects < {expected} records"
    return "ok", ""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--random", type=int, default=40, help="random folders per format")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--root", help="checkout whose coverage_kit is measured (default: this one)")
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--mem-gb", type=float, default=3.0,
                    help="address-space cap: a runaway read fails as MemoryError (a crash)")
    args = ap.parse_args(argv)
    import resource

    cap = int(args.mem_gb * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    stats: dict[str, Counter] = defaultdict(Counter)
    failures: list[tuple[str, str, str, str]] = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, fmt, folder, expected in _hostile.build_all(root / "hostile"):
            outcome, detail = run_case(folder, expected, args.timeout)
            stats["hostile:" + fmt][outcome] += 1
            if outcome != "ok":
                failures.append(("hostile", name, outcome, detail))
        rng = random.Random(args.seed)
        for fmt in FORMATS:
            for i in range(args.random):
                folder = root / "random" / fmt / str(i)
                folder.mkdir(parents=True)
                n = rng.randint(1, 6) if fmt not in ("text", "html") else 1
                recs = [_record(rng, j) for j in range(n)]
                p = _write_format(fmt, recs, folder, rng)
                outcome, detail = run_case(folder, None, args.timeout)
                stats["random:" + fmt][outcome] += 1
                if outcome != "ok":
                    failures.append(("random", f"{fmt} #{i} ({p.name})", outcome, detail))
    widths = []
    for n in (5_000, 10_000, 20_000):  # time must stay linear in the number of columns
        with tempfile.TemporaryDirectory() as tmp:
            p = Path(tmp) / "wide.csv"
            p.write_text(",".join(["title", "text", "published"] + [f"c{i}" for i in range(n)])
                         + "\n" + ",".join(["Floods", _hostile.BODY.replace(",", ""),
                                             "2024-05-01"] + ["x"] * n) + "\n")
            t = time.perf_counter()
            signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, args.timeout)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    load_articles(p, syndication=None)
                widths.append(f"{n:,} columns {time.perf_counter() - t:.1f} s")
            except _Hang:
                widths.append(f"{n:,} columns > {args.timeout:.0f} s")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
    print("one-row CSV: " + ", ".join(widths))
    print(f"{'source:format':22} {'cases':>6} {'ok':>5} {'crash':>6} {'hang':>5} {'loss':>5}")
    total = Counter()
    for key in sorted(stats):
        c = stats[key]
        total.update(c)
        print(f"{key:22} {sum(c.values()):6} {c['ok']:5} {c['crash']:6} {c['hang']:5} "
              f"{c['loss']:5}")
    print(f"{'total':22} {sum(total.values()):6} {total['ok']:5} {total['crash']:6} "
          f"{total['hang']:5} {total['loss']:5}   ({time.perf_counter() - t0:.0f} s)")
    for src, name, outcome, detail in failures:
        print(f"  {outcome:5} {src}: {name}: {detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
