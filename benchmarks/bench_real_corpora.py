"""Every real corpus in ../shared, loaded whole: what loads, what is rejected and why, and what
the loader and tagger made of each article.

    python benchmarks/bench_real_corpora.py            # all corpora (about a minute)
    python benchmarks/bench_real_corpora.py --only html giveme5w1h

For each corpus it prints files, articles loaded and rejects by code; outlets named from the
registry, from the record's metadata and from the domain (the ``outlet_source`` column, when
the tagger provides it); dates with a time and with a day only, and offsets kept; wires
found; languages (and where they came from); chrome lines removed. Every file must be
accounted for: each file on disk is the source of an article or of a reject (``ignored``
included). For the 29 HTML pages it also checks the publication day against
``manifest.csv`` (the publisher's local day: ``published + published_offset``) and lists the
misses. Nothing is written; the corpora are read in place.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("COVERAGE_KIT_SHARED", ROOT.parent / "shared"))

CORPORA = {
    "seed": SHARED / "examples" / "limited_times_kazakhstan_2022-01-07.txt",
    "html": SHARED / "examples" / "html",
    "polnear": SHARED / "data" / "polnear",
    "giveme5w1h": SHARED / "data" / "giveme5w1h_gold",
}


def _files(path: Path) -> set[str]:
    if path.is_file():
        return {str(path)}
    # metadata.tsv describes the folder's texts: it is read, not loaded as articles
    return {str(p) for p in path.rglob("*") if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
            and p.name not in ("metadata.tsv", "metadata.csv", "index.csv", "index.tsv")}


def _counts(series: pd.Series, top: int = 8) -> str:
    c = series.dropna().astype(str).value_counts()
    text = ", ".join(f"{k} {v}" for k, v in c.head(top).items())
    if len(c) > top:
        text += f", ... ({len(c)} values)"
    return text or "none"


def _outlets(articles: pd.DataFrame) -> str:
    if "outlet_source" in articles.columns:
        return _counts(articles["outlet_source"]) + (
            f"; unnamed {int(articles['outlet'].isna().sum())}")
    from coverage_kit.tagger import default_registry

    registry = default_registry()
    names = articles["outlet"].astype("object")
    known = names.map(lambda n: n is not None and n == n and registry.resolve(n) is not None)
    return (f"(no outlet_source column yet) registry {int(known.sum())}, not in registry "
            f"{int((~known & names.notna()).sum())}, unnamed {int(names.isna().sum())}; "
            f"with a country {int(articles['outlet_country'].notna().sum())}")


def _report(name: str, path: Path) -> pd.DataFrame | None:
    from coverage_kit.loader import RejectWarning, load_articles

    print(f"\n--- {name}: {path}")
    if not path.exists():
        print("    absent (no ../shared beside the checkout?)")
        return None
    files = _files(path)
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RejectWarning)
        articles, rejects = load_articles(path, progress=False)
    seconds = time.perf_counter() - t0
    from_articles = set(articles["source_path"].astype(str))
    from_rejects = set(rejects["source_path"].astype(str))
    accounted = files & (from_articles | from_rejects)
    print(f"    files {len(files):,}; articles {len(articles):,} (from "
          f"{len(from_articles):,} files); rejects {len(rejects):,}: "
          f"{_counts(rejects['code'], 12)}  [{seconds:.1f} s]")
    lost = sorted(files - accounted)
    print(f"    accounted for: {len(accounted):,} of {len(files):,} files"
          + (f"  LOST: {', '.join(lost[:5])}" if lost else "  (articles + rejects = files)"))
    problems = rejects[rejects["code"].astype(str) != "ignored"]
    for code, group in problems.groupby(problems["code"].astype(str)):
        r = group.iloc[0]
        print(f"      {code}: {Path(str(r['source_path'])).name}: {str(r['reason'])[:110]}")
    if not len(articles):
        return articles
    print(f"    outlets: {articles['outlet'].nunique()} named; by source: {_outlets(articles)}")
    print(f"      {_counts(articles['outlet'], 6)}")
    precision = articles["published_precision"].astype(str)
    offsets = articles["published_offset"]
    line = (f"    dates: with a time {int((precision == 'timestamp').sum())}, a day only "
            f"{int((precision == 'date').sum())}; offset kept {int(offsets.notna().sum())} "
            f"({_counts(offsets.map(_fmt_offset), 4)})")
    if "published_from" in articles.columns:
        line += f"; not from a publication field: {_counts(articles['published_from'])}"
    print(line)
    wired = articles["wires"].map(len) > 0
    wires = Counter(w for ws in articles["wires"] for w in ws)
    print(f"    wires: {int(wired.sum())} articles credit a wire "
          f"({', '.join(f'{k} {v}' for k, v in wires.most_common(6)) or 'none'})")
    print(f"    languages: {_counts(articles['language'])}; from: "
          f"{_counts(articles['language_source'])}")
    chrome = articles["chrome_lines"].fillna(0)
    print(f"    chrome lines removed: {int(chrome.sum())} from {int((chrome > 0).sum())} articles")
    return articles


def _fmt_offset(minutes) -> str | None:
    if pd.isna(minutes):
        return None
    m = int(minutes)
    return f"{'+' if m >= 0 else '-'}{abs(m) // 60:02d}:{abs(m) % 60:02d}"


def _manifest_check(articles: pd.DataFrame, folder: Path) -> None:
    manifest = pd.read_csv(folder / "manifest.csv", dtype=str, keep_default_na=False)
    got = articles.assign(file=articles["source_path"].astype(str).str.rsplit("/", n=1).str[-1])
    offset = pd.to_timedelta(got["published_offset"].fillna(0).astype("int64"), unit="min")
    got["local_day"] = (got["published"] + offset).dt.strftime("%Y-%m-%d")
    merged = manifest.merge(got[["file", "local_day", "published", "published_offset"]],
                            on="file", how="left")
    ok = merged["local_day"] == merged["published_x"].str[:10]
    print(f"    manifest day check: {int(ok.sum())} of {len(merged)} pages get the "
          "publisher's day")
    for r in merged[~ok].itertuples():
        print(f"      miss: {r.file}: manifest {r.published_x}, loaded {r.published_y} "
              f"(offset {_fmt_offset(r.published_offset)}); {r.notes[:90]}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", choices=list(CORPORA), help="corpora to load")
    args = parser.parse_args(argv)
    names = args.only or list(CORPORA)
    if not SHARED.exists():
        print(f"real corpora not found at {SHARED}; set COVERAGE_KIT_SHARED")
        return 0
    for name in names:
        articles = _report(name, CORPORA[name])
        if name == "html" and articles is not None and len(articles):
            _manifest_check(articles, CORPORA[name])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
