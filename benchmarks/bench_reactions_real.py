"""How well are international reactions found in real news? Scored on the hand-annotated dev set.

The gold set is ``tests/data/reactions_real_gold.jsonl`` (format and annotation decisions in
``tests/data/README_reactions_gold.md``): real articles from ``../shared`` (PolNeAR train/dev,
Giveme5W1H, the HTML pages, the seed), each with its focus country and its reactions; about
half are hard negatives that name foreign countries or officials without reacting.

Each article is loaded with :func:`coverage_kit.load_articles` (the PolNeAR folder with its
metadata, an HTML page, a Giveme5W1H JSON file, the seed page) and run through
:func:`coverage_kit.extract.reactions.reactions_table` with the annotated focus. When a source
does not load (today's loader rejects the Giveme5W1H JSON files), the article row is built here
from the JSON's ``title``, ``text``, ``date_publish`` and ``publisher``.

Figures:

- **reacting countries**: per article, the set of foreign reactors (countries and organisations;
  ``domestic`` rows, and rows marked ``relevant=False`` where the table has that column, left
  out) against the gold set; micro-averaged precision, recall, F1. Gold reactions marked
  ``optional`` neither count as a miss nor make a prediction wrong. Hard negatives contribute
  false positives only.
- **stance accuracy** over matched reactions: a prediction matches a gold reaction when the
  country is the same and the predicted statement overlaps the gold sentence (found in the
  loaded text by its evidence words); correct when the stance equals ``stance`` or
  ``alt_stance``. With a confusion table.
- the errors, article by article, with at most 12 words of evidence.
- articles/s of ``reactions_table`` on the set (one process).

    .venv/bin/python benchmarks/bench_reactions_real.py
    .venv/bin/python benchmarks/bench_reactions_real.py --errors 0     # figures only
    .venv/bin/python benchmarks/bench_reactions_real.py --json out.json
    .venv/bin/python benchmarks/bench_reactions_real.py --locate DOC "evidence words"

Targets (issue 10): country F1 >= 0.90, stance accuracy >= 0.85. The exit status is 0 whatever
the figures; the floors in ``tests/data/reactions_real_floors.json`` are pinned by
``tests/test_reactions_real.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coverage_kit.extract.reactions import reactions_table  # noqa: E402
from coverage_kit.loader import load_articles  # noqa: E402
from coverage_kit.schema import STANCES  # noqa: E402

SHARED = Path(os.environ.get("COVERAGE_KIT_SHARED", ROOT.parent / "shared"))
GOLD = ROOT / "tests" / "data" / "reactions_real_gold.jsonl"
TARGETS = {"country_f1": 0.90, "stance_accuracy": 0.85}

# a sentence ends at . ! ? (and a closing quote) before a capital, or at a line end
_SENT_END = re.compile(r"(?<=[.!?])(?:''|[\"\u201d\u2019\u00bb'])?\s+"
                       r"(?=(?:''|[\"\u201c\u2018\u00ab('])?[A-Z0-9\u00c0-\u00dd])|\n")


# --------------------------------------------------------------------------------------------
# gold
# --------------------------------------------------------------------------------------------

def load_gold(path: Path = GOLD) -> list[dict]:
    """The annotated articles, one dict per article (see the README beside the file)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}, line {n}: not JSON: {exc}") from exc
    return out


def raw_source(doc: str, shared: Path = SHARED) -> str:
    """The text the gold offsets point into: a .txt file, a JSON's ``text``, an HTML source."""
    path = shared / doc
    data = path.read_bytes()
    if path.suffix == ".json":
        return json.loads(data.decode("utf-8"))["text"]
    if path.suffix in (".html", ".htm"):
        from coverage_kit.readers import decode
        return decode(data)
    return data.decode("utf-8")


def evidence_pattern(evidence: str) -> re.Pattern:
    """The evidence words with any run of whitespace between them (NBSP, line breaks)."""
    return re.compile(r"\s+".join(re.escape(w) for w in evidence.split()))


# a period after these (or after a single capital, an initial) does not end a sentence
_ABBREV = {"mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "adm", "lt", "col", "sgt",
           "prof", "rev", "jr", "sr", "no", "vs", "u.s", "u.n", "e.u", "u.k", "d.c", "sept",
           "jan", "feb", "aug", "oct", "nov", "dec", "calif", "fla", "mass", "ariz", "n.h",
           "pa", "inc", "co", "corp", "ltd", "hr", "fr", "dipl", "nr", "bzw", "z.b", "mme"}


def _real_ends(text: str, lo: int, hi: int):
    for m in _SENT_END.finditer(text, lo, hi):
        if "\n" not in m.group(0):  # a line end always ends a sentence
            head = text[max(0, m.start() - 12):m.start() + 1].rstrip("\"\u201d\u2019\u00bb'")
            word = head.split()[-1].rstrip(".").lower() if head.split() else ""
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
        yield m


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]`` (widened to sentence ends on both sides)."""
    lo = 0
    for m in _real_ends(text, 0, min(len(text), start + 3)):
        if m.end() <= start:
            lo = m.end()
    hi = len(text)
    # start a little before ``end``: evidence may end with the sentence's own '."'
    for m in _real_ends(text, max(start, end - 3), len(text)):
        g = m.group(0)
        hi = m.start() + len(g) - len(g.lstrip('"\u201d\u2019\u00bb\''))
        break
    return lo, hi


def locate(text: str, reaction: dict) -> tuple[int, int] | None:
    """The gold reaction's sentence in ``text`` (the loaded article), or None if not found.

    The evidence is searched whitespace-insensitively; when it occurs more than once, the
    occurrence whose position relative to the text length is closest to the gold offset's in
    the raw source is taken.
    """
    hits = list(evidence_pattern(reaction["evidence"]).finditer(text))
    if not hits:
        return None
    m = hits[0]
    if len(hits) > 1 and reaction.get("_raw_len"):
        rel = reaction["start"] / reaction["_raw_len"]
        m = min(hits, key=lambda h: abs(h.start() / max(len(text), 1) - rel))
    return sentence_span(text, m.start(), m.end())


# --------------------------------------------------------------------------------------------
# articles
# --------------------------------------------------------------------------------------------

def _json_row(path: Path) -> dict:
    """An ARTICLES-like row built from a Giveme5W1H JSON file (fallback when it does not load)."""
    d = json.loads(path.read_text(encoding="utf-8"))
    published = pd.to_datetime(d.get("date_publish"), errors="coerce", utc=True)
    return {"article_id": "g5w1h-" + path.stem[:12], "title": d.get("title"),
            "text": d.get("text") or "", "published": published,
            "outlet": d.get("publisher"), "outlet_country": None, "source_path": str(path)}


def _quiet_load(source: Path) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = load_articles(source, on_error="skip", progress=False)
    return res.articles


def load_dev_articles(gold: list[dict], shared: Path = SHARED) -> tuple[pd.DataFrame, dict]:
    """One loaded row per gold article (same order) and how each was loaded.

    Returns ``(articles, how)``: ``articles`` has the loader's columns plus ``doc`` (the gold
    key); ``how`` maps each doc to ``"loader"`` or ``"fallback"``.
    """
    rows, how = [], {}
    polnear = None
    for entry in gold:
        doc = entry["doc"]
        path = (shared / doc).resolve()
        df = None
        if doc.startswith("data/polnear/"):
            if polnear is None:
                polnear = _quiet_load(shared / "data" / "polnear")
                polnear = polnear.assign(_p=polnear["source_path"].map(lambda p: Path(p).resolve()))
            df = polnear[polnear["_p"] == path].drop(columns="_p")
        else:
            try:
                df = _quiet_load(path)
            except Exception:  # the loader may reject a source; the fallback below covers it
                df = None
        if df is not None and len(df) == 1:
            row = df.iloc[0].to_dict()
            how[doc] = "loader"
        elif path.suffix == ".json":
            row = _json_row(path)
            how[doc] = "fallback"
        else:
            raise RuntimeError(f"{doc}: the loader gave {0 if df is None else len(df)} articles, "
                               f"expected 1")
        row["doc"] = doc
        rows.append(row)
    arts = pd.DataFrame(rows)
    # keep article ids unique even if two sources gave the same id
    arts["article_id"] = [f"{i:03d}-{a}" for i, a in enumerate(arts["article_id"].astype(str))]
    return arts, how


# --------------------------------------------------------------------------------------------
# scoring
# --------------------------------------------------------------------------------------------

def _source(doc: str) -> str:
    """A short name for the corpus an article comes from."""
    if "/polnear/" in doc:
        return "PolNeAR"
    if "giveme5w1h" in doc:
        return "Giveme5W1H"
    if "/html/" in doc:
        return "HTML pages"
    return "seed"


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _words(s: str, n: int = 12) -> str:
    w = str(s).split()
    return " ".join(w[:n]) + (" ..." if len(w) > n else "")


@dataclass
class Scores:
    n_articles: int = 0
    n_negatives: int = 0
    n_hard_negatives: int = 0
    n_gold_reactions: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    stance_matched: int = 0
    stance_correct: int = 0
    gold_not_located: int = 0
    negatives_with_fp: int = 0
    confusion: Counter = field(default_factory=Counter)
    by_source: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def stance_accuracy(self) -> float:
        return self.stance_correct / self.stance_matched if self.stance_matched else 0.0

    def figures(self) -> dict:
        return {"articles": self.n_articles, "negatives": self.n_negatives,
                "hard_negatives": self.n_hard_negatives,
                "gold_reactions": self.n_gold_reactions,
                "country_precision": round(self.precision, 4),
                "country_recall": round(self.recall, 4), "country_f1": round(self.f1, 4),
                "stance_matched": self.stance_matched,
                "stance_accuracy": round(self.stance_accuracy, 4),
                "negatives_with_false_positive": self.negatives_with_fp,
                "gold_not_located": self.gold_not_located,
                "articles_per_s": (round(self.n_articles / self.seconds, 2) if self.seconds
                                   else None)}


def score(gold: list[dict], arts: pd.DataFrame, table: pd.DataFrame) -> Scores:
    """Compare ``reactions_table`` output with the gold set (see the module notes)."""
    sc = Scores(n_articles=len(gold))
    preds = table[~table["domestic"].astype(bool)] if len(table) else table
    if "relevant" in preds.columns and len(preds):  # rows marked off-topic are not reactions
        preds = preds[preds["relevant"].fillna(True).astype(bool)]
    by_art = {a: g for a, g in preds.groupby("article_id", sort=False)} if len(preds) else {}
    for entry, (_, art) in zip(gold, arts.iterrows()):
        text = art["text"]
        doc = entry["doc"]
        required = [r for r in entry["reactions"] if not r.get("optional")]
        optional = {r["country"] for r in entry["reactions"] if r.get("optional")}
        gold_set = {r["country"] for r in required}
        sc.n_gold_reactions += len(required)
        sc.n_negatives += not required
        sc.n_hard_negatives += bool(entry.get("hard_negative"))
        pred = by_art.get(art["article_id"])
        pred = pred if pred is not None else preds.iloc[0:0]
        got = set(pred["country"].astype(str))
        tp, fp, fn = got & gold_set, got - gold_set - optional, gold_set - got
        sc.tp, sc.fp, sc.fn = sc.tp + len(tp), sc.fp + len(fp), sc.fn + len(fn)
        part = sc.by_source.setdefault(_source(doc), Counter())
        part["articles"] += 1
        part["tp"], part["fp"], part["fn"] = (part["tp"] + len(tp), part["fp"] + len(fp),
                                              part["fn"] + len(fn))
        if not required and fp:
            sc.negatives_with_fp += 1
        for c in sorted(fp):
            rows = pred[pred["country"] == c]
            first = rows.iloc[0]
            more = f", {len(rows)} rows" if len(rows) > 1 else ""
            stances = "/".join(sorted(set(rows["stance"].astype(str))))
            sc.errors.append((doc, "false country", f"{c} {stances} ({first['actor']}{more})",
                              _words(first["text"])))
        for c in sorted(fn):
            r = next(r for r in required if r["country"] == c)
            sc.errors.append((doc, "missed country", f"{c} {r['stance']} ({r['speaker']})",
                              r["evidence"]))
        # stance over matched reactions
        for r in required:
            span = locate(text, r)
            if span is None:
                sc.gold_not_located += 1
                continue
            cand = pred[(pred["country"] == r["country"]) & (pred["start"] < span[1])
                        & (pred["end"] > span[0])]
            if cand.empty:
                continue
            ok = {r["stance"], r.get("alt_stance")}
            overlap = [(min(int(e), span[1]) - max(int(s), span[0]), st)
                       for s, e, st in zip(cand["start"], cand["end"], cand["stance"])]
            hit = next((st for _, st in sorted(overlap, reverse=True) if st in ok), None)
            got_stance = hit or max(overlap)[1]
            sc.stance_matched += 1
            sc.stance_correct += hit is not None
            sc.confusion[(r["stance"], str(got_stance))] += 1
            if hit is None:
                alt = f"/{r['alt_stance']}" if r.get("alt_stance") else ""
                sc.errors.append((doc, "stance", f"{r['country']} gold {r['stance']}{alt}, "
                                  f"predicted {got_stance} ({r['speaker']})", r["evidence"]))
    return sc


def run(gold_path: Path = GOLD, shared: Path = SHARED, *, quotes: str = "inside"
        ) -> tuple[Scores, dict]:
    """Load, extract and score the dev set; returns the scores and how each article loaded.

    ``quotes="table"`` gives ``reactions_table`` the speech-only ``quotes_table`` instead of
    letting it extract quotes itself: what ``coverage-kit build`` stores.
    """
    gold = load_gold(gold_path)
    for entry in gold:
        n = None
        for r in entry["reactions"]:
            if n is None:
                n = len(raw_source(entry["doc"], shared))
            r["_raw_len"] = n
    arts, how = load_dev_articles(gold, shared)
    focus = dict(zip(arts["article_id"], (e["focus"] for e in gold)))
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        given = None
        if quotes == "table":
            from coverage_kit.extract.quotes import quotes_table

            given = quotes_table(arts.drop(columns="doc"))
        table = reactions_table(arts.drop(columns="doc"), focus=focus, quotes=given)
    seconds = time.perf_counter() - t0
    sc = score(gold, arts, table)
    sc.seconds = seconds
    return sc, how


def print_report(sc: Scores, how: dict, *, errors: int = 200) -> None:
    f = sc.figures()
    fallback = sum(v == "fallback" for v in how.values())
    print(f"real reactions dev set: {f['articles']} articles ({f['negatives']} without a "
          f"reaction, {f['hard_negatives']} of them hard negatives), "
          f"{f['gold_reactions']} gold reactions; {fallback} article(s) built from JSON because "
          f"the loader rejected them")
    print(f"reacting countries: P={sc.precision:.3f} R={sc.recall:.3f} F1={sc.f1:.3f} "
          f"(tp {sc.tp}, fp {sc.fp}, fn {sc.fn}; {sc.negatives_with_fp} of {sc.n_negatives} "
          f"negatives have a false reactor)   target F1 >= {TARGETS['country_f1']:.2f}")
    print(f"stance accuracy over matched reactions: {sc.stance_accuracy:.3f} "
          f"({sc.stance_correct}/{sc.stance_matched}; {sc.gold_not_located} gold sentences not "
          f"found in the loaded text)   target >= {TARGETS['stance_accuracy']:.2f}")
    parts = []
    for name, v in sorted(sc.by_source.items()):
        f1 = f"{_f1(v['tp'], v['fp'], v['fn']):.2f}" if v["tp"] + v["fp"] + v["fn"] else "-"
        parts.append(f"{name} {f1} ({v['articles']} articles, fp {v['fp']}, fn {v['fn']})")
    print("country F1 by source: " + ", ".join(parts))
    print("confusion (rows gold, columns predicted):")
    print("           " + "".join(f"{s:>9}" for s in STANCES))
    for g in STANCES:
        print(f"  {g:<9}" + "".join(f"{sc.confusion[(g, p)]:>9}" for p in STANCES))
    print(f"speed: {f['articles']} articles in {sc.seconds:.2f} s = {f['articles_per_s']} "
          f"articles/s (reactions_table, quotes included, one process)")
    if errors:
        print(f"\nerrors ({len(sc.errors)}):")
        for doc, kind, what, ev in sc.errors[:errors]:
            print(f"  {doc}\n      {kind}: {what}: \"{ev}\"")


def _locate_cli(doc: str, evidence: str) -> int:
    raw = raw_source(doc)
    hits = list(evidence_pattern(evidence).finditer(raw))
    if len(hits) != 1:
        print(f"{doc}: the evidence occurs {len(hits)} times; it must occur once")
        return 1
    if len(evidence.split()) > 12:
        print("evidence is limited to 12 words")
        return 1
    start, end = sentence_span(raw, hits[0].start(), hits[0].end())
    print(json.dumps({"start": start, "end": end, "evidence": hits[0].group(0)},
                     ensure_ascii=False))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD, help="gold JSONL file")
    ap.add_argument("--errors", type=int, default=200, help="errors to list (0: none)")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    ap.add_argument("--quotes", choices=("inside", "table"), default="inside",
                    help="inside: reactions_table extracts its own quotes (default); table: it "
                         "reuses quotes_table's speech-only quotes, as a store build does")
    ap.add_argument("--locate", nargs=2, metavar=("DOC", "EVIDENCE"),
                    help="annotation aid: print the start/end of the sentence holding EVIDENCE "
                         "in DOC (a path relative to ../shared), as stored in the gold file")
    args = ap.parse_args(argv)
    if not SHARED.exists():
        print(f"{SHARED} not found: the real corpora are needed (set COVERAGE_KIT_SHARED)")
        return 0
    if args.locate:
        return _locate_cli(*args.locate)
    sc, how = run(args.gold, quotes=args.quotes)
    print_report(sc, how, errors=args.errors)
    if args.json:
        args.json.write_text(json.dumps(sc.figures(), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
