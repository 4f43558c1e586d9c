"""Write in-memory tables as a corpus store (the layout of :mod:`coverage_kit.store`).

The real writer is ``coverage-kit build``; tests and the dashboard benchmark use this one to
turn tables they already hold (the sample corpus, generated articles) into a store: Parquet
part files under ``TABLE/month=YYYY-MM/`` and a manifest listing them. Writing happens in
parts, so a benchmark can write a million articles chunk by chunk.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from coverage_kit import store as ck_store


def write_parts(root: str | os.PathLike, name: str, df: pd.DataFrame, part: str) -> list[str]:
    """Write ``df`` (rows of table ``name``) as ``part``.parquet files, one per month of
    ``published``; return their paths relative to ``root``."""
    root = Path(root)
    if df is None or df.empty:
        return []
    if name not in ck_store.BY_MONTH:
        groups = [(None, df)]
    else:
        month = pd.to_datetime(df["published"], utc=True).dt.strftime("%Y-%m")
        groups = list(df.groupby(month.fillna("unknown").to_numpy(), sort=True))
    written = []
    for month, rows in groups:
        rel = f"{ck_store.month_dir(name, month)}/{part}.parquet"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        rows.reset_index(drop=True).to_parquet(root / rel, index=False)
        written.append(rel)
    return written


def commit(root: str | os.PathLike, files: dict[str, list[str]], rows: dict[str, int], *,
           focus: str | None = None) -> None:
    """Write the manifest that makes ``files`` the store's tables."""
    import coverage_kit

    now = pd.Timestamp.now(tz="UTC").isoformat()
    ck_store.write_manifest(root, {
        "format": ck_store.FORMAT, "coverage_kit": coverage_kit.__version__,
        "created": now, "updated": now, "focus": focus, "inputs": [],
        "tables": {name: {"version": "test", "files": files.get(name, []),
                          "rows": int(rows.get(name, 0))} for name in ck_store.TABLES
                   if name in files},
        "counts": {name: int(rows.get(name, 0)) for name in ck_store.TABLES},
    })


def store_from_frames(root: str | os.PathLike, *, articles: pd.DataFrame,
                      quotes: pd.DataFrame | None = None,
                      reactions: pd.DataFrame | None = None,
                      rejects: pd.DataFrame | None = None,
                      focus: str | None = None) -> Path:
    """A store at ``root`` holding the tables given (tables not given are absent)."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    files, rows = {}, {}
    for name, df in (("articles", articles), ("quotes", quotes), ("reactions", reactions),
                     ("rejects", rejects)):
        if df is not None:
            files[name] = write_parts(root, name, df, "part-0")
            rows[name] = len(df)
    commit(root, files, rows, focus=focus)
    return root
