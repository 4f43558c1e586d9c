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

Object storage: a store can also live at an fsspec URL (``s3://bucket/corpus``,
``gs://…``, ``az://…``, with that storage's fsspec package installed, e.g. ``s3fs``). A build
runs in a local work folder and :func:`publish` copies the store there: part files first,
the manifest last. An object store writes one object atomically, so the manifest is still the
commit point and a reader never sees half a publish. :func:`open_store` reads such a URL with
DuckDB through the same fsspec filesystem.

>>> store = open_store("corpus-store")                            # doctest: +SKIP
>>> store.articles.aggregate("outlet, count(*) AS n").df()         # doctest: +SKIP
>>> store.df("quotes", where="speaker = 'Joe Biden'")             # doctest: +SKIP
>>> publish("corpus-store", "s3://my-bucket/kazakhstan-2022")      # doctest: +SKIP
>>> open_store("s3://my-bucket/kazakhstan-2022")                   # doctest: +SKIP
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


def is_url(root) -> bool:
    """True for an fsspec URL of a store elsewhere (``s3://bucket/x``); False for a local path
    (``file://`` URLs included)."""
    if not isinstance(root, str) or "://" not in root:
        return False
    protocol = root.split("://", 1)[0]
    return protocol.isidentifier() and protocol.lower() not in ("file", "local")


def _remote(url: str, storage_options: dict | None):
    """(fsspec filesystem, path without protocol) for a store URL; a clear error when the
    storage's fsspec package is missing."""
    try:
        import fsspec
        fs, path = fsspec.core.url_to_fs(url, **(storage_options or {}))
    except ImportError as exc:
        raise StoreError(url, None, f"cannot reach this storage: {exc} (install the fsspec "
                                    "package for it, e.g. `pip install s3fs` for s3://)") from None
    except ValueError as exc:  # unknown protocol
        raise StoreError(url, None, f"cannot reach this storage: {exc}") from None
    return fs, path.rstrip("/")


def read_manifest(root: str | os.PathLike, *,
                  storage_options: dict | None = None) -> dict[str, Any]:
    """The manifest of the store at ``root`` (a folder or an fsspec URL); :class:`StoreError`
    if there is none or it is bad."""
    if is_url(root):
        fs, base = _remote(root, storage_options)
        path = f"{root.rstrip('/')}/{MANIFEST}"
        try:
            raw = fs.cat_file(f"{base}/{MANIFEST}")
        except FileNotFoundError:
            raw = None
        except OSError as exc:
            raise StoreError(path, None, f"unreadable manifest: {exc}") from None
    else:
        path = Path(root) / MANIFEST
        raw = path.read_bytes() if path.is_file() else None
    if raw is None:
        raise StoreError(path, None, "not a coverage-kit store (no manifest.json): build one "
                                     "with `coverage-kit build SOURCES --store DIR`")
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
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

    def __init__(self, root: str | os.PathLike, *, storage_options: dict | None = None):
        import duckdb

        self.con = duckdb.connect()
        self.con.execute("SET TimeZone = 'UTC'")
        if is_url(root):
            #: where the store is: a Path, or the URL of a store on object storage
            self.root: Path | str = root.rstrip("/")
            fs, base = _remote(self.root, storage_options)
            self.manifest = read_manifest(self.root, storage_options=storage_options)
            self.con.register_filesystem(fs)
            # file URLs in the form DuckDB reports them back (its ``filename`` column)
            self._url = lambda rel: fs.unstrip_protocol(f"{base}/{rel}")  # noqa: E731
            present = {fs.unstrip_protocol(p.rstrip("/")) for p in fs.find(base)}
            exists = present.__contains__
        else:
            self.root = Path(root)
            self.manifest = read_manifest(self.root)
            exists = os.path.isfile
        for name, columns in TABLES.items():
            files = self.paths(name)
            missing = [f for f in files if not exists(f)]
            if missing:
                raise StoreError(missing[0], None, f"listed in {self.location(MANIFEST)} but "
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

    def location(self, relative: str) -> str:
        """Full path (or URL) of a file given relative to the store."""
        if isinstance(self.root, Path):
            return str(self.root / relative)
        return self._url(relative)

    def paths(self, name: str) -> list[str]:
        """Full paths (or URLs) of the Parquet files of table ``name`` the manifest lists."""
        files = self.manifest.get("tables", {}).get(name, {}).get("files", [])
        return [self.location(f) for f in files]

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


def open_store(root: str | os.PathLike, *, storage_options: dict | None = None) -> Store:
    """Open the store built at ``root``: a folder, or the fsspec URL a store was published to
    (``s3://bucket/corpus``; ``storage_options`` go to fsspec, e.g. credentials). See the
    module docstring for the layout."""
    return Store(root, storage_options=storage_options)


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


# --------------------------------------------------------------------------------------------
# Publishing a store to object storage
# --------------------------------------------------------------------------------------------


def publish(root: str | os.PathLike, url: str, *, storage_options: dict | None = None,
            progress: bool | None = None) -> dict[str, int]:
    """Copy the store in folder ``root`` to the fsspec URL ``url`` (``s3://bucket/corpus``).

    Only what changed travels: a part file is uploaded when the URL has no file of that name
    and size (a build names part files by the inputs and versions they hold, so a name and
    size that match are the same file). The manifest is written last, as one object, so
    readers see the previous store until the new one is complete; an interrupted publish
    leaves it readable, and the next publish finishes the job. Part files the new manifest
    does not list are deleted afterwards (a reader that opened the old manifest should reopen).

    Returns ``{"uploaded": files, "bytes": bytes uploaded, "kept": files already there,
    "deleted": files removed}``.
    """
    from tqdm.auto import tqdm

    if not is_url(url):
        raise ValueError(f"publish needs an fsspec URL such as s3://bucket/corpus, got {url!r}")
    root = Path(root)
    manifest = read_manifest(root)
    fs, base = _remote(url, storage_options)
    files = [f for t in manifest.get("tables", {}).values() for f in t.get("files", [])]
    size = {}
    for f in files:
        if not (root / f).is_file():
            raise StoreError(root / f, None, f"listed in {root / MANIFEST} but missing")
        size[f] = (root / f).stat().st_size
    try:  # what is at the URL now, relative to it, with sizes
        there = {p.rstrip("/")[len(base) + 1:]: (info.get("size") if isinstance(info, dict)
                                                 else None)
                 for p, info in fs.find(base, detail=True).items()
                 if p.startswith(base + "/")}
    except FileNotFoundError:
        there = {}
    todo = [f for f in files if there.get(f) != size[f]]
    sent = 0
    bar = tqdm(total=sum(size[f] for f in todo), unit="B", unit_scale=True,
               desc=f"publish to {url}",
               disable=(not todo) if progress is None else not progress)
    try:
        for f in todo:
            fs.makedirs(f"{base}/{f.rsplit('/', 1)[0]}", exist_ok=True)
            fs.put_file(str(root / f), f"{base}/{f}")
            sent += size[f]
            bar.update(size[f])
    finally:
        bar.close()
    body = json.dumps(manifest, indent=1, sort_keys=True, default=str).encode("utf-8")
    fs.pipe_file(f"{base}/{MANIFEST}", body)
    # part files no longer listed: the old manifest's, and any of an interrupted publish
    stale = [f for f in there if f.endswith(".parquet") and f.split("/", 1)[0] in TABLES
             and f not in size]
    for f in stale:
        fs.rm_file(f"{base}/{f}")
    return {"uploaded": len(todo), "bytes": sent, "kept": len(files) - len(todo),
            "deleted": len(stale)}


def work_folder(url: str) -> Path:
    """The local folder a build for the store at ``url`` works in when none is given:
    ``$XDG_CACHE_HOME/coverage-kit/stores/<name>-<hash>`` (``~/.cache`` by default). Keep it
    to rebuild incrementally: the staged batches live there, not at the URL."""
    import hashlib
    import re

    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", url.rstrip("/").rsplit("/", 1)[-1]) or "store"
    digest = hashlib.sha256(url.rstrip("/").encode("utf-8")).hexdigest()[:10]
    return cache / "coverage-kit" / "stores" / f"{name}-{digest}"
