"""A corpus store: the tables of a built corpus as Parquet files, read lazily with DuckDB.

``coverage-kit build SOURCES --store DIR`` (:func:`coverage_kit.build.build`) writes a store;
:func:`open_store` reads one. The in-memory functions (``load_articles``, ``quotes_table`` ...)
stay the way to work with small corpora; a store is for corpora too large to hold or to
recompute every time a notebook opens.

Layout (format 1)::

    DIR/
      manifest.json                          the commit point (see below)
      articles/month=YYYY-MM/<part>.parquet  ARTICLES rows, by month of ``published`` (UTC)
      quotes/month=YYYY-MM/<part>.parquet    QUOTES rows, by month of ``published``
      reactions/month=YYYY-MM/<part>.parquet REACTIONS (+ REACTIONS_EXTRA) rows
      rejects/<part>.parquet                 REJECTS rows
      <other files>                          work in progress of an unfinished build; ignored

Every Parquet file has the columns of :mod:`coverage_kit.schema` for its table (plus the
columns a build adds, such as ``content_hash``), in Arrow types: strings, ``timestamp[ns,
UTC]``, nullable integers, ``list<string>`` for ``wires``.

``manifest.json`` is replaced atomically at the end of every build step and is the only
record of which files belong to the store: a file it does not list is ignored by readers, so a
build that is killed halfway leaves the previous store intact. Its keys::

    format        1
    coverage_kit  version of the package that wrote it
    created, updated   ISO 8601 UTC times
    tables        {name: {"version": str, "files": [paths relative to DIR], "rows": int}}
                  ``version`` is the version of the step that made the table (an extractor's
                  version for quotes and reactions): a build re-makes a table whose version
                  changed and leaves the others alone
    inputs        [{"path", "size", "mtime", "sha256", "articles", "rejects"}]
    focus         reactions focus (ISO alpha-3) or null
    counts        {"articles": int, "rejects": int, "quotes": int, "reactions": int}

>>> store = open_store("corpus-store")                            # doctest: +SKIP
>>> store.articles.aggregate("outlet, count(*) AS n").df()         # doctest: +SKIP
>>> store.df("quotes", where="speaker = 'Joe Biden'")             # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pandas as pd

from . import schema
from .errors import InputError

FORMAT = 1
MANIFEST = "manifest.json"
#: The tables of a store and their declared columns.
TABLES: dict[str, dict[str, str]] = {
    "articles": schema.ARTICLES,
    "rejects": schema.REJECTS,
    "quotes": schema.QUOTES,
    "reactions": {**schema.REACTIONS, **schema.REACTIONS_EXTRA},
}
#: Tables partitioned by month of ``published`` (the others are one folder).
BY_MONTH = ("articles", "quotes", "reactions")


class StoreError(InputError):
    """A folder is not a usable coverage-kit store; the message names the file and the problem."""


def month_dir(table: str, month: str | None) -> str:
    """Relative folder of one partition: ``articles/month=2022-01`` (``rejects`` has none)."""
    if table not in BY_MONTH:
        return table
    return f"{table}/month={month or 'unknown'}"


def read_manifest(root: str | os.PathLike) -> dict[str, Any]:
    """The manifest of the store at ``root``; :class:`StoreError` if there is none or it is bad."""
    path = Path(root) / MANIFEST
    if not path.is_file():
        raise StoreError(path, None, "not a coverage-kit store (no manifest.json): build one "
                                     "with `coverage-kit build SOURCES --store DIR`")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StoreError(path, None, f"unreadable manifest: {exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise StoreError(path, None, f"unsupported store format {manifest.get('format')!r} "
                                     f"(this version reads format {FORMAT})"
                         if isinstance(manifest, dict) else "manifest is not a JSON object")
    return manifest


def write_manifest(root: str | os.PathLike, manifest: dict[str, Any]) -> None:
    """Replace ``root/manifest.json`` atomically (write, flush, fsync, rename)."""
    path = Path(root) / MANIFEST
    tmp = path.with_name(f".{MANIFEST}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=1, sort_keys=True, default=str)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class Store:
    """An opened store: lazy DuckDB relations over the Parquet files its manifest lists.

    ``store.articles``, ``.quotes``, ``.reactions`` and ``.rejects`` are
    :class:`duckdb.DuckDBPyRelation` objects: nothing is read until they are aggregated or
    fetched. ``store.sql(query)`` runs SQL in which those four names are views.
    :meth:`df` fetches (part of) a table as a pandas DataFrame in the schema's dtypes.
    """

    def __init__(self, root: str | os.PathLike):
        import duckdb

        self.root = Path(root)
        self.manifest = read_manifest(self.root)
        self.con = duckdb.connect()
        self.con.execute("SET TimeZone = 'UTC'")
        tables = self.manifest.get("tables", {})
        for name, columns in TABLES.items():
            files = [str(self.root / f) for f in tables.get(name, {}).get("files", [])]
            missing = [f for f in files if not os.path.isfile(f)]
            if missing:
                raise StoreError(missing[0], None, f"listed in {self.root / MANIFEST} but "
                                 f"missing ({len(missing)} file(s) of table {name!r} missing)")
            if files:
                listing = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
                self.con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet("
                                 f"[{listing}], union_by_name = true, hive_partitioning = false)")
            else:
                empty = schema.empty(columns)
                self.con.register(f"_empty_{name}", empty)
                self.con.execute(f"CREATE VIEW {name} AS SELECT * FROM _empty_{name}")

    def __repr__(self) -> str:
        counts = ", ".join(f"{k} {v:,}" for k, v in self.counts.items())
        return f"<coverage-kit store {self.root}: {counts}>"

    @property
    def counts(self) -> dict[str, int]:
        """Rows per table, from the manifest (no file is read)."""
        tables = self.manifest.get("tables", {})
        return {name: int(tables.get(name, {}).get("rows", 0)) for name in TABLES}

    def table(self, name: str):
        """The lazy DuckDB relation of table ``name``."""
        if name not in TABLES:
            raise KeyError(f"no table {name!r} in a store; tables: {', '.join(TABLES)}")
        return self.con.table(name)

    articles = property(lambda self: self.table("articles"))
    quotes = property(lambda self: self.table("quotes"))
    reactions = property(lambda self: self.table("reactions"))
    rejects = property(lambda self: self.table("rejects"))

    def sql(self, query: str, params: list | None = None):
        """Run SQL over the store's views (articles, quotes, reactions, rejects)."""
        return self.con.execute(query, params or [])

    def df(self, name: str, *, columns: list[str] | None = None, where: str | None = None,
           params: list | None = None) -> pd.DataFrame:
        """Table ``name`` (or the rows matching SQL ``where``) as a DataFrame in schema dtypes."""
        rel = self.table(name)
        cols = ", ".join(f'"{c}"' for c in columns) if columns else "*"
        query = f"SELECT {cols} FROM {name}" + (f" WHERE {where}" if where else "")
        out = self.con.execute(query, params or []).df()
        declared = {c: t for c, t in TABLES[name].items() if c in out.columns}
        del rel
        return _to_schema(out, declared)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _to_schema(df: pd.DataFrame, declared: dict[str, str]) -> pd.DataFrame:
    for col, dtype in declared.items():
        if dtype == "object":
            df[col] = df[col].map(lambda v: list(v) if v is not None and not isinstance(v, list)
                                  and hasattr(v, "__len__") else v)
            continue
        if dtype == schema.UTC_TS:
            df[col] = pd.to_datetime(df[col], utc=True).astype(schema.UTC_TS)
            continue
        try:
            df[col] = df[col].astype(dtype)
        except (TypeError, ValueError):
            pass
    return df


def open_store(root: str | os.PathLike) -> Store:
    """Open the store built at ``root`` (see the module docstring for its layout)."""
    return Store(root)


# --------------------------------------------------------------------------------------------
# Writing in-memory tables as a store (tests, benchmarks, small corpora)
# --------------------------------------------------------------------------------------------


def write_tables(root: str | os.PathLike, *, part: str = "part-0", **tables: pd.DataFrame) -> \
        dict[str, Any]:
    """Add in-memory tables (``articles=``, ``quotes=``, ``reactions=``, ``rejects=``) to the
    store at ``root`` as Parquet part files named ``part`` in the store layout, and commit
    them in the manifest (created if there is none). Call it once per chunk, with a new
    ``part`` name each time, to write a large corpus in bounded memory. This is not the build
    (no inputs, hashes or versions are recorded): the tables are taken as given.

    >>> write_tables("corpus-store", articles=articles, quotes=quotes)   # doctest: +SKIP
    """
    import datetime as _dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    from . import __version__

    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    try:
        manifest = read_manifest(root)
    except StoreError:
        now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
        manifest = {"format": FORMAT, "coverage_kit": __version__, "created": now,
                    "tables": {}, "inputs": [], "focus": None, "counts": {}}
    for name, df in tables.items():
        if name not in TABLES:
            raise KeyError(f"no table {name!r} in a store; tables: {', '.join(TABLES)}")
        entry = manifest["tables"].setdefault(name, {"version": "given", "files": [],
                                                     "rows": 0})
        if name in BY_MONTH and "published" in df.columns:
            month = pd.to_datetime(df["published"], utc=True).dt.strftime("%Y-%m")
            groups = df.groupby(month.fillna("unknown").to_numpy(), sort=True)
        else:
            groups = [(None, df)]
        for key, chunk in groups:
            rel = f"{month_dir(name, key)}/{part}.parquet"
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(pa.Table.from_pandas(chunk.reset_index(drop=True),
                                                preserve_index=False), root / rel)
            if rel not in entry["files"]:
                entry["files"].append(rel)
        entry["rows"] = int(entry["rows"]) + len(df)
    manifest["updated"] = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
    manifest["counts"] = {n: int(t.get("rows", 0)) for n, t in manifest["tables"].items()}
    write_manifest(root, manifest)
    return manifest
