"""Loading speed and memory: 100k small text files and a 1 GB JSON Lines file.

    python benchmarks/bench_load.py                 # full size (about 4 minutes on 2 cores)
    python benchmarks/bench_load.py --files 20000 --jsonl-mb 200   # quicker

The corpora are generated on the fly in a temporary folder (invented text, realistic length
and structure: front matter, dateline, paragraphs, quotes) and deleted afterwards. Each
scenario runs in a fresh subprocess so that its peak resident memory (ru_maxrss) is its own.
"per CPU-second" divides by the CPU time the loader used (all its processes), which is the
per-core rate even on a busy machine. Targets: >= 2,000 articles/s per core for text and JSONL; memory bounded by streaming (the
JSONL peak grows with the resulting table, not with the file).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OUTLETS = ["Reuters", "AP", "AFP", "BBC News", "The Guardian", "Der Spiegel", "Le Monde",
           "El País", "NHK", "Al Jazeera", "The Hindu", "CBC News"]
CITIES = ["KORVANY", "MARESK", "BERLIN", "PARIS", "BRUSSELS", "MOSCOW", "BEIJING", "GENEVA"]
_SYL = ("ka ra lo mi ne to va sen dor ber lin gra vos tel mar an is ol un ter pa ri ko "
        "sta ven dal mo ru che vin").split()


def _vocabulary(n: int, seed: int = 7) -> list[str]:
    """An invented vocabulary of ``n`` pseudo-words, most frequent first (Zipf-like use)."""
    rng = random.Random(seed)
    words = {"".join(rng.choices(_SYL, k=rng.randint(1, 4))) for _ in range(n * 2)}
    return sorted(words, key=lambda w: (len(w), w))[:n]


WORDS = _vocabulary(30_000)
_CUM = list(__import__('itertools').accumulate(1 / (rank + 1) for rank in range(len(WORDS))))


def _paragraph(rng: random.Random) -> str:
    words = rng.choices(WORDS, cum_weights=_CUM, k=rng.randint(25, 45))
    words[0] = words[0].capitalize()
    sent = " ".join(words)
    if rng.random() < 0.4:
        q = " ".join(rng.choices(WORDS, cum_weights=_CUM, k=rng.randint(8, 16)))
        sent += f'. "{q.capitalize()}," the minister said'
    return sent + "."


def _article(rng: random.Random, i: int, paragraphs: int) -> dict:
    outlet = rng.choice(OUTLETS)
    day = 3 + i % 18
    body = f"{rng.choice(CITIES)} ({rng.choice(['Reuters', 'AFP', 'AP'])}) — " + "\n\n".join(
        _paragraph(rng) for _ in range(paragraphs))
    return {"title": f"Crisis update {i}: {' '.join(rng.choices(WORDS, cum_weights=_CUM, k=6))}",
            "text": body, "published": f"2025-03-{day:02d}T{i % 24:02d}:{i % 60:02d}:00Z",
            "outlet": outlet, "url": f"https://example.org/{i}"}


def make_text_files(folder: Path, n: int) -> None:
    rng = random.Random(1)
    for i in range(n):
        a = _article(rng, i, rng.randint(2, 4))
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:06d}.txt").write_text(
            f"---\noutlet: {a['outlet']}\npublished: {a['published']}\nurl: {a['url']}\n---\n"
            f"{a['title']}\n\n{a['text']}\n", encoding="utf-8")


def make_jsonl(path: Path, megabytes: int) -> int:
    rng = random.Random(2)
    target = megabytes * 1_000_000
    n = size = 0
    with open(path, "w", encoding="utf-8") as fh:
        while size < target:
            line = json.dumps(_article(rng, n, rng.randint(4, 10)), ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode())
            n += 1
    return n


def _child(path: str, workers: int) -> None:
    """Run in a subprocess: load, print JSON with timings and peak memory."""
    import warnings

    from coverage_kit.loader import load_articles

    t0 = time.perf_counter()
    cpu0 = time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles, rejects = load_articles(path, workers=workers, progress=False)
    dt = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    if workers > 1:
        ru = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu += ru.ru_utime + ru.ru_stime
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if workers > 1:
        peak_mb += resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    table_mb = articles.memory_usage(deep=True).sum() / 1e6
    print(json.dumps({"n": len(articles), "rejects": len(rejects), "seconds": dt, "cpu": cpu,
                      "peak_mb": peak_mb, "table_mb": table_mb}))


def run(label: str, path: Path, workers: int, input_mb: float) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(path), str(workers)],
                         capture_output=True, text=True, check=True)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    rate = r["n"] / r["seconds"]
    per_cpu = r["n"] / r["cpu"]
    print(f"{label:<30} {r['n']:>9,} articles {r['seconds']:7.1f} s wall {rate:7,.0f}/s  "
          f"{per_cpu:6,.0f} per CPU-second  input {input_mb:6.0f} MB  "
          f"peak RSS {r['peak_mb']:6.0f} MB  table {r['table_mb']:6.0f} MB", flush=True)
    return r


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--files", type=int, default=100_000)
    p.add_argument("--jsonl-mb", type=int, default=1000)
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        _child(args.child[0], int(args.child[1]))
        return 0
    with tempfile.TemporaryDirectory(prefix="ck-bench-") as tmp:
        tmp = Path(tmp)
        t = time.perf_counter()
        make_text_files(tmp / "texts", args.files)
        text_mb = sum(f.stat().st_size for f in (tmp / "texts").rglob("*.txt")) / 1e6
        print(f"generated {args.files:,} text files ({text_mb:.0f} MB) in "
              f"{time.perf_counter() - t:.0f} s", flush=True)
        run("text files, 1 process", tmp / "texts", 1, text_mb)
        if args.workers > 1:
            run(f"text files, {args.workers} processes", tmp / "texts", args.workers, text_mb)
        t = time.perf_counter()
        n = make_jsonl(tmp / "big.jsonl", args.jsonl_mb)
        print(f"generated {n:,} JSON Lines records ({args.jsonl_mb} MB) in "
              f"{time.perf_counter() - t:.0f} s", flush=True)
        small = tmp / "small.jsonl"
        with open(tmp / "big.jsonl", "rb") as src, open(small, "wb") as dst:
            for _ in range(max(1, n // 10)):
                dst.write(src.readline())
        r_small = run("JSONL 1/10 size, 1 process", small, 1, args.jsonl_mb / 10)
        r_big = run("JSONL full size, 1 process", tmp / "big.jsonl", 1, args.jsonl_mb)
        growth = (r_big["peak_mb"] - r_small["peak_mb"]) / max(
            1.0, r_big["table_mb"] - r_small["table_mb"])
        print(f"JSONL memory: peak grows {growth:.1f} MB per MB of resulting table "
              f"(streaming: the input file itself is never held in memory)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
