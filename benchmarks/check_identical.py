"""Do loading, quotes and reactions give the same tables as a saved baseline? (speed-work guard)

Speed work must not change output. This script loads the real corpora in ``../shared``
(PolNeAR train and dev, Giveme5W1H, the HTML pages, the seed page), the bundled sample, a
generated JSON Lines file and generated text files (``benchmarks/bench_load.py``'s
generators) and articles recombined from the sample (``benchmarks/bench_reactions.py``'s
generator), then extracts quotes and reactions (quotes reused, with the detected corpus focus
and with a per-article focus). Every table, all columns, is pickled.

    # once, with the code before the change (e.g. a `git worktree` of the base commit):
    python benchmarks/check_identical.py --save /tmp/ck-baseline
    # after the change:
    python benchmarks/check_identical.py --compare /tmp/ck-baseline

``--compare`` prints, per table, the rows that differ and exits 1 when any does.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from coverage_kit.extract.quotes import quotes_table  # noqa: E402
from coverage_kit.extract.reactions import reactions_table  # noqa: E402
from coverage_kit.loader import load_articles  # noqa: E402

SHARED = Path(os.environ.get("COVERAGE_KIT_SHARED", ROOT.parent / "shared"))
SAMPLE = ROOT / "data" / "sample"


def _load(path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = load_articles(path, on_error="skip", progress=False)
    return res.articles, res.rejects


def corpora(tmp: Path) -> dict[str, tuple[Path | None, dict]]:
    """name -> (source to load or None, options for reactions)."""
    import bench_load

    bench_load.make_jsonl(tmp / "gen.jsonl", 3)
    bench_load.make_text_files(tmp / "texts", 300)
    out = {
        "polnear": (SHARED / "data" / "polnear", {}),  # train and dev, with the metadata
        "giveme5w1h": (SHARED / "data" / "giveme5w1h_gold", {}),
        "html": (SHARED / "examples" / "html", {}),
        "seed": (SHARED / "examples" / "limited_times_kazakhstan_2022-01-07.txt", {}),
        "sample": (SAMPLE, {"actors": SAMPLE}),
        "gen_jsonl": (tmp / "gen.jsonl", {}),
        "gen_texts": (tmp / "texts", {}),
    }
    return {k: v for k, v in out.items() if v[0].exists()}


def tables() -> dict[str, pd.DataFrame]:
    out: dict[str, pd.DataFrame] = {}
    with tempfile.TemporaryDirectory(prefix="ck-ident-") as tmp:
        tmp = Path(tmp)
        for name, (src, opts) in corpora(tmp).items():
            t = time.perf_counter()
            arts, rejects = _load(src)
            for df in (arts, rejects):  # the checkout and temp folder differ between runs
                for col in ("source_path", "reason"):
                    if col in df.columns:
                        df[col] = df[col].astype(object).map(
                            lambda v: v.replace(str(tmp), "TMP").replace(str(ROOT), "ROOT")
                            if isinstance(v, str) else v).astype(df[col].dtype)
            out[f"{name}/articles"] = arts
            out[f"{name}/rejects"] = rejects
            if name.startswith("gen_"):
                print(f"{name}: {len(arts)} articles ({time.perf_counter() - t:.1f} s)",
                      flush=True)
                continue
            q = quotes_table(arts)
            out[f"{name}/quotes"] = q
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out[f"{name}/reactions"] = reactions_table(arts, quotes=q, **opts)
                out[f"{name}/reactions_per_article"] = reactions_table(
                    arts, quotes=q, focus="per-article", off_topic=True, **opts)
                if name == "polnear":
                    out[f"{name}/reactions_usa"] = reactions_table(arts, quotes=q, focus="USA")
            print(f"{name}: {len(arts)} articles, {len(q)} quotes, "
                  f"{len(out[f'{name}/reactions'])} reactions ({time.perf_counter() - t:.1f} s)",
                  flush=True)
        # articles recombined from the sample's paragraphs, as bench_reactions.py times them
        import bench_reactions

        gen = bench_reactions.generate(out["sample/articles"], 1500)
        q = quotes_table(gen)
        out["gen_sample/quotes"] = q
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out["gen_sample/reactions"] = reactions_table(gen, quotes=q, actors=SAMPLE,
                                                          focus="XVA")
            out["gen_sample/reactions_detected"] = reactions_table(gen, quotes=q, actors=SAMPLE)
    return out


def _eq(u, v) -> bool:
    nu = pd.api.types.is_scalar(u) and pd.isna(u)
    nv = pd.api.types.is_scalar(v) and pd.isna(v)
    if nu or nv:
        return nu and nv
    return bool(u == v) and type(u) is type(v)


def _diff(a: pd.DataFrame, b: pd.DataFrame) -> str | None:
    if list(a.columns) != list(b.columns):
        return f"columns differ: {list(a.columns)} vs {list(b.columns)}"
    if len(a) != len(b):
        return f"{len(a)} rows vs {len(b)} in the baseline"
    dt = [c for c in a.columns if str(a[c].dtype) != str(b[c].dtype)]
    if dt:
        return "dtypes differ: " + ", ".join(f"{c} {a[c].dtype} vs {b[c].dtype}" for c in dt)
    bad = []
    for c in a.columns:
        x = a[c].astype(object).reset_index(drop=True)
        y = b[c].astype(object).reset_index(drop=True)
        same = [_eq(u, v) for u, v in zip(x, y)]
        n = sum(not s for s in same)
        if n:
            i = same.index(False)
            bad.append(f"{c}: {n} rows (first row {i}: {x[i]!r} vs {y[i]!r})")
    if a.attrs != b.attrs:
        bad.append(f"attrs: {a.attrs} vs {b.attrs}")
    return "; ".join(bad) or None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", type=Path, help="write the tables to this folder")
    g.add_argument("--compare", type=Path, help="compare with the tables in this folder")
    args = ap.parse_args(argv)
    t = time.perf_counter()
    got = tables()
    print(f"{len(got)} tables in {time.perf_counter() - t:.0f} s")
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        with open(args.save / "tables.pkl", "wb") as fh:
            pickle.dump(got, fh)
        print(f"saved to {args.save}")
        return 0
    with open(args.compare / "tables.pkl", "rb") as fh:
        base = pickle.load(fh)
    bad = 0
    for name in sorted(set(base) | set(got)):
        if name not in got or name not in base:
            print(f"{name}: only in {'baseline' if name in base else 'this run'}")
            bad += 1
            continue
        d = _diff(got[name], base[name])
        if d:
            print(f"{name}: {d}")
            bad += 1
    print(f"{len(got)} tables compared, {bad} differ" if bad else
          f"{len(got)} tables compared: all identical")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
