#!/usr/bin/env python3
"""Outlets and wire credits on the real corpora in ../shared: coverage, provenance, precision.

    .venv/bin/python benchmarks/bench_tagging.py          # all figures
    .venv/bin/python benchmarks/bench_tagging.py -v       # also list every wire credit found

Prints:

* the registry: news outlets, agencies, countries, and outlets and agencies per G20 country;
* per corpus (the seed, the 29 HTML pages, the Giveme5W1H gold set, PolNeAR train+dev): how
  many articles got their outlet from the registry, from publisher metadata or from the web
  domain, how many have no outlet or no outlet country, and how many carry wires;
* the fallbacks alone: the HTML pages named with an empty registry (metadata, then domain);
* wire credits on PolNeAR train+dev against its ``wire`` column (articles marked ``NA`` are left
  out): precision and recall from the text alone and from the text plus the ``author`` field,
  read straight from the files so that the gold column cannot leak in;
* precision on mentions: every PolNeAR line that names an agency, and how many of them the
  reader took for a credit (each such line is printed, to be read).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coverage_kit.loader import load_articles  # noqa: E402
from coverage_kit.tagger import default_registry, tag_record, wire_credit_lines  # noqa: E402

SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "data" / "polnear"
G20 = ("ARG AUS BRA CAN CHN DEU FRA GBR IDN IND ITA JPN KOR MEX RUS SAU TUR USA ZAF").split()
GOLD_WIRE = {"AP": "AP", "UPI": "UPI", "reuters": "Reuters", "Reuters": "Reuters", "AFP": "AFP"}


def registry_figures() -> None:
    reg = default_registry()
    news = [o for o in reg if o.kind not in ("agency", "aggregator")]
    agencies = [o for o in reg if o.is_agency]
    per_news = Counter(o.country for o in news)
    per_agency = Counter(o.country for o in agencies)
    print(f"registry: {len(reg)} rows; {len(news)} news outlets in {len(per_news)} countries, "
          f"{len(agencies)} agencies in {len(per_agency)} countries, "
          f"{len(reg) - len(news) - len(agencies)} aggregators")
    print("  G20 (news outlets/agencies): " + ", ".join(
        f"{c} {per_news[c]}/{per_agency[c]}" for c in G20))


def corpus_figures(verbose: bool) -> None:
    corpora = [("seed", SHARED / "examples" / "limited_times_kazakhstan_2022-01-07.txt"),
               ("html pages", SHARED / "examples" / "html"),
               ("giveme5w1h gold", SHARED / "data" / "giveme5w1h_gold"),
               ("polnear train+dev", POLNEAR)]
    for name, path in corpora:
        if not path.exists():
            print(f"{name}: {path} not found, skipped")
            continue
        t0 = time.process_time()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            articles, _rejects = load_articles(path)
        src = articles["outlet_source"].value_counts(dropna=False)
        wired = articles[articles["wires"].map(len) > 0]
        print(f"{name}: {len(articles)} articles, {articles['outlet'].nunique()} outlets; "
              f"outlet from registry {src.get('registry', 0)}, metadata "
              f"{src.get('metadata', 0)}, domain {src.get('domain', 0)}, none "
              f"{int(articles['outlet'].isna().sum())}; no outlet country "
              f"{int(articles['outlet_country'].isna().sum())}; with wires {len(wired)}"
              + (" (the loader also reads PolNeAR's own wire column)" if path == POLNEAR else "")
              + f"  [{time.process_time() - t0:.1f} s CPU]")
        if verbose and path != POLNEAR:
            for _, a in wired.iterrows():
                print(f"    {a['outlet']}: {a['wires']}  {a['url'] if isinstance(a['url'], str) else ''}")


def registry_blind_html(verbose: bool) -> None:
    """The fallbacks alone: the 29 HTML pages named with an empty registry."""
    from coverage_kit import readers
    from coverage_kit.tagger import OutletRegistry, identify_outlet

    folder = SHARED / "examples" / "html"
    if not folder.exists():
        return
    blind = OutletRegistry([])
    tags = []
    for path in sorted(folder.glob("*.html")):
        rec = next(readers.read_html(readers.decode(path.read_bytes())), None)
        fields = getattr(rec, "fields", None)
        if fields is None:
            continue
        tag = identify_outlet(fields.get("outlet"), url=fields.get("url"),
                              hostname=rec.extra.get("hostname"), registry=blind)
        tags.append(tag)
        if verbose:
            print(f"    {path.name[:34]:34} {tag.name!r:34} {tag.country} {tag.source}")
    src = Counter(t.source for t in tags)
    print(f"html pages with an empty registry: {len(tags)} pages; named from metadata "
          f"{src['metadata']}, from the domain {src['domain']}, not named {src[None]}; "
          f"with a country {sum(t.country is not None for t in tags)}")


def polnear_rows() -> list[tuple[dict, str]]:
    rows = list(csv.DictReader(open(POLNEAR / "metadata.tsv", encoding="utf-8"), delimiter="\t"))
    out = []
    for r in rows:
        text = (POLNEAR / r["compartment"] / "text" / f"{r['filename']}.txt").read_text("utf-8")
        out.append((r, text.split("\n", 1)[1] if "\n" in text else ""))
    return out


def polnear_wires(verbose: bool) -> None:
    rows = polnear_rows()
    for label, use_author in (("text", False), ("text + author", True)):
        tp = fp = fn = 0
        misses, extras = [], []
        for r, body in rows:
            if r["wire"] == "NA":
                continue
            gold = {GOLD_WIRE[r["wire"]]} if r["wire"] != "None" else set()
            found = set(tag_record(text=body, outlet=r["publisher"],
                                   author=r["author"] if use_author else None).wires)
            if gold and gold & found:
                tp += 1
            elif gold:
                fn += 1
                misses.append(r["filename"])
            if found - gold:
                fp += 1
                extras.append((r["filename"], sorted(found - gold)))
        n = sum(r["wire"] != "NA" for r, _ in rows)
        print(f"polnear wires from {label}: {n} articles with a known wire label, "
              f"{tp + fn} wire copies; found {tp}, missed {fn}, credited wrongly {fp}; "
              f"precision {tp / max(1, tp + fp):.3f}, recall {tp / max(1, tp + fn):.3f}")
        if verbose:
            for x in extras:
                print("    not in the wire column:", *x)
            for x in misses:
                print("    missed:", x)


def polnear_mentions(verbose: bool) -> None:
    reg = default_registry()
    spellings = sorted({s for o in reg if o.is_agency for s in (o.name, *o.aliases)},
                       key=len, reverse=True)
    names = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, spellings)) + r")(?!\w)", re.I)
    naming = credited = 0
    for r, body in polnear_rows():
        credits = {n: agencies for n, _line, agencies in wire_credit_lines(body)}
        for n, line in enumerate(body.splitlines(), start=1):
            if not any(reg.match_agency(m.group(0)) for m in names.finditer(line)):
                continue
            naming += 1
            got = credits.get(n)
            if got:
                credited += 1
                if verbose:
                    print(f"    credit {got} (wire column: {r['wire']}): {line[:110]}")
    print(f"polnear lines naming an agency: {naming}; read as credits: {credited}; "
          f"mentions left alone: {naming - credited}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list the credits found")
    args = parser.parse_args(argv)
    registry_figures()
    corpus_figures(args.verbose)
    registry_blind_html(args.verbose)
    if POLNEAR.exists():
        polnear_wires(args.verbose)
        polnear_mentions(args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
