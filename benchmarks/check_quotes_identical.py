#!/usr/bin/env python3
"""Check that quote extraction gives exactly the same quotes as a saved baseline.

    .venv/bin/python benchmarks/check_quotes_identical.py --save /tmp/quotes_base.json
    .venv/bin/python benchmarks/check_quotes_identical.py --compare /tmp/quotes_base.json

Runs ``extract_quotes`` (``reported="all"`` and ``"speech"``) over PolNeAR train and dev, the
Giveme5W1H articles, the 29 HTML pages and the bundled sample, and writes every field of
every Quote (``--save``) or compares them with a saved file (``--compare``), printing the
first differences. Speed work must leave this at zero differences. Keep the baseline outside
the repository: it holds offsets and quoted words of real articles.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coverage_kit.extract.quotes import extract_quotes, quote_records  # noqa: E402

SHARED = ROOT.parent / "shared"


def corpus() -> list[tuple[str, str]]:
    """(name, text) of every article checked, in a fixed order."""
    docs = []
    for split in ("train", "dev"):
        for p in sorted((SHARED / "data" / "polnear" / split / "text").glob("*.txt")):
            with open(p, encoding="utf-8", newline="") as fh:
                docs.append((f"polnear/{split}/{p.stem}", fh.read()))
    from coverage_kit.loader import load_articles

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, src in (("giveme5w1h", SHARED / "data" / "giveme5w1h_gold"),
                          ("html", SHARED / "examples" / "html"),
                          ("sample", ROOT / "data" / "sample")):
            if not Path(src).exists():
                print(f"{src}: absent, skipped", file=sys.stderr)
                continue
            arts, _ = load_articles(src, on_error="skip")
            for aid, text in zip(arts["article_id"], arts["text"]):
                if isinstance(text, str):
                    docs.append((f"{name}/{aid}", text))
    return docs


def run(docs) -> dict[str, list]:
    out = {}
    for name, text in docs:
        for reported in ("all", "speech"):
            recs = quote_records(extract_quotes(text, reported=reported))
            for r in recs:
                r["co_speakers"] = list(r["co_speakers"])
            out[f"{reported}:{name}"] = recs
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", type=Path)
    g.add_argument("--compare", type=Path)
    args = ap.parse_args(argv)
    docs = corpus()
    got = run(docs)
    n_quotes = sum(len(v) for v in got.values())
    if args.save:
        args.save.write_text(json.dumps(got), encoding="utf-8")
        print(f"{len(docs)} articles, {n_quotes} quotes saved to {args.save}")
        return 0
    base = json.loads(args.compare.read_text(encoding="utf-8"))
    n_diff = 0
    for key in sorted(set(base) | set(got)):
        a, b = base.get(key), got.get(key)
        if a == b:
            continue
        n_diff += 1
        if n_diff <= 10:
            print(f"DIFF {key}")
            a, b = a or [], b or []
            for i in range(max(len(a), len(b))):
                x = a[i] if i < len(a) else None
                y = b[i] if i < len(b) else None
                if x != y:
                    print(f"  quote {i}:\n    base {x}\n    now  {y}")
                    break
    print(f"{len(docs)} articles, {n_quotes} quotes; {n_diff} article(s) differ")
    return 1 if n_diff else 0


if __name__ == "__main__":
    raise SystemExit(main())
