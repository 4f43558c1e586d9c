"""Build a corpus store: load, tag and extract a corpus batch by batch into Parquet files.

>>> import coverage_kit as ck
>>> result = ck.build("data/sample", "sample-store", actors="data/sample")   # doctest: +SKIP
>>> store = ck.open_store(result)                                          # doctest: +SKIP

A build turns the inputs of :func:`coverage_kit.load_articles` into a store (layout in
:mod:`coverage_kit.store`) whose tables equal, row for row, what the in-memory pipeline gives::

    articles, rejects = load_articles(sources)
    quotes = quotes_table(articles)
    reactions = reactions_table(articles, quotes=quotes, focus=focus, actors=actors)

How it works. The inputs are cut into *batches* of about ``batch_articles`` articles: groups
of small files, and byte ranges of big JSON Lines files (cut every ``batch_articles`` lines, so
appending to a file leaves its earlier ranges, and their work, untouched). One picklable
function, :func:`process_batch`, runs every batch wherever the executor puts it (this process,
local processes, Dask workers; see :mod:`coverage_kit._executors`), in two steps:

1. *stage*: load and tag the batch, extract its quotes, and keep what the corpus-level steps
   need per article (a MinHash signature, the country-mention scores of focus detection).
2. *finish*: after the driver's corpus-level passes, write the batch's final articles, quotes
   and reactions part files.

The corpus-level values cannot be decided per batch; the driver decides them in cheap passes
over small per-article columns of the staged batches, never over the texts:

- exact duplicates across files (``duplicate`` rejects): the first copy in the loader's order
  (publication time, file, line) is kept;
- ``story_id`` (:func:`coverage_kit.syndication.story_roots` over the staged signatures);
- the reactions ``focus`` when none is given (the vote of :func:`coverage_kit.corpus_focus`
  over the staged per-article scores);
- ``speaker_id`` (:func:`coverage_kit.extract.speakers.assign_speaker_ids` over the speaker
  names and roles of every quote, in corpus order).

Incremental. ``manifest.json`` records every batch: its inputs (path, size, mtime, sha256),
its staged files and the keys of its final files. A rerun reuses a batch whose inputs are
unchanged (same size and mtime, or the same sha256); a new or changed batch is loaded again but
reuses the quotes of the articles it already had (same ``article_id``, a hash of outlet, day,
title and text, and same language). A batch's final files are rewritten only when what they
depend on changed: a new quotes extractor version (:data:`QUOTES_VERSION`) re-extracts the
quotes (and the reactions, which are read from them) from the staged articles without reading
the inputs; a new :data:`REACTIONS_VERSION` or focus re-extracts the reactions only; a corpus
change that moves a ``story_id``, a ``speaker_id`` or a duplicate rewrites just the batches
concerned. Inputs that are gone take their rows out of the store (the result lists them).

Interruption. The manifest is replaced atomically after batches complete (at most every few
seconds) and at the end; readers see only the files it lists, so Ctrl-C or ``kill -9`` leaves
the previous store readable, and the next build resumes from the batches already staged.
Files a killed build left behind are removed by the next build.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import secrets
import time
import warnings
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import schema, store as store_mod
from .errors import InputError

#: Version of what a batch's stage holds (loading, tagging, signatures, focus scores).
STAGE_VERSION = "1"
#: Version of the quotes extraction: a change re-extracts the quotes (and reactions) only.
QUOTES_VERSION = "1"
#: Version of the reactions extraction: a change re-extracts the reactions only.
REACTIONS_VERSION = "1"
#: Articles per batch (small files are grouped until about this many files or 16 MB).
BATCH_ARTICLES = 2000
#: JSON Lines files larger than this (64 KiB) are cut into ranges of ``batch_articles`` lines.
SPLIT_BYTES = 64 * 2**10
_GROUP_BYTES = 16 * 2**20
_STAGE = "_stage"
_COMMIT_EVERY = 3.0  # seconds between manifest commits while batches complete
_SYNDICATION = 0.3  # the loader's default threshold
#: Called with the name of each step as the build enters it ("stage", "corpus.read", ...,
#: "finish", "publish"); None by default. For benchmarks that record memory per step.
step_hook = None


def _enter(step: str) -> None:
    if step_hook is not None:
        step_hook(step)


def _versions() -> dict[str, str]:
    """The versions a table depends on; an extractor module may declare its own ``VERSION``."""
    from .extract import quotes as q, reactions as r

    return {"stage": STAGE_VERSION,
            "quotes": f"{QUOTES_VERSION}.{getattr(q, 'VERSION', '0')}",
            "reactions": f"{REACTIONS_VERSION}.{getattr(r, 'VERSION', '0')}"}


@dataclass
class BuildResult:
    """What :func:`build` did. ``os.fspath(result)`` is the store folder, so
    ``open_store(build(...))`` works."""

    store: Path
    counts: dict[str, int]
    rejects: dict[str, int]
    focus: str | None
    batches: int
    batches_staged: int
    batches_finished: int
    removed_inputs: list[str] = field(default_factory=list)
    seconds: float = 0.0
    #: wall seconds per step: plan, stage, corpus, finish, publish
    steps: dict[str, float] = field(default_factory=dict)
    #: CPU seconds per part of the batch steps, summed over the processes that ran them
    #: (``stage.load``, ``stage.signatures``, ``stage.focus``, ``stage.quotes``,
    #: ``stage.write``, ``finish.read``, ``finish.reactions``, ``finish.write``) and of the
    #: driver's own steps (``driver.plan``, ``driver.corpus``, ...)
    cpu: dict[str, float] = field(default_factory=dict)
    #: where the store was published (an fsspec URL) and what :func:`store.publish` did;
    #: ``store`` is then the local work folder
    published: str | None = None
    publish_counts: dict[str, int] = field(default_factory=dict)
    #: wall seconds of the parts of the driver's corpus pass (``read``, ``duplicates``,
    #: ``stories``, ``focus``, ``speakers``)
    corpus_steps: dict[str, float] = field(default_factory=dict)

    def __fspath__(self) -> str:
        return os.fspath(self.store)

    def summary(self) -> str:
        """A few lines: counts, rejects by reason, what was redone, the time taken."""
        c = self.counts
        lines = [f"store {self.store}: {c['articles']:,} articles, {c['quotes']:,} quotes, "
                 f"{c['reactions']:,} reactions (focus {self.focus or 'none'})"]
        problems = {k: v for k, v in self.rejects.items() if k != "ignored"}
        rej = f"{sum(problems.values()):,} rejects"
        if problems:
            rej += " (" + ", ".join(f"{v:,} {k}" for k, v in
                                   sorted(problems.items(), key=lambda kv: -kv[1])) + ")"
        if self.rejects.get("ignored"):
            rej += f"; {self.rejects['ignored']:,} file(s) ignored"
        lines.append(rej)
        noun = "batch" if self.batches == 1 else "batches"
        lines.append(f"{self.batches:,} {noun}: {self.batches_staged:,} loaded, "
                     f"{self.batches_finished:,} (re)written, the rest unchanged; "
                     f"{self.seconds:,.1f} s")
        if self.removed_inputs:
            shown = ", ".join(self.removed_inputs[:5])
            more = len(self.removed_inputs) - 5
            lines.append(f"{len(self.removed_inputs):,} input(s) gone, their rows removed: "
                         f"{shown}" + (f" and {more:,} more" if more > 0 else ""))
        if self.published:
            p = self.publish_counts
            lines.append(f"published to {self.published}: {p.get('uploaded', 0):,} file(s) "
                         f"uploaded ({p.get('bytes', 0) / 1e6:,.1f} MB), {p.get('kept', 0):,} "
                         f"unchanged, {p.get('deleted', 0):,} removed")
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Writing Parquet
# --------------------------------------------------------------------------------------------

def _arrow_table(df: pd.DataFrame):
    import pyarrow as pa

    df = df.copy(deep=False)
    for c in df.columns:
        if isinstance(df[c].dtype, pd.CategoricalDtype):
            df[c] = df[c].astype(object).astype("string")
    try:
        return pa.Table.from_pandas(df, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        pass
    for c in df.columns:  # an extra column mixing types: keep it as text
        if df[c].dtype == object and c != "wires":
            try:
                pa.array(df[c], from_pandas=True)
            except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
                df[c] = df[c].map(lambda v: v if v is None or (isinstance(v, float) and v != v)
                                  else str(v)).astype("string")
    return pa.Table.from_pandas(df, preserve_index=False)


def _write_parquet(df: pd.DataFrame, path: Path) -> None:
    """Write ``df`` to ``path`` through a temporary name (an interrupted write leaves no file
    under the final name)."""
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(_arrow_table(df), tmp, compression="zstd")
    os.replace(tmp, path)


def _read_parquet(path: Path, columns: list[str] | None = None) -> pd.DataFrame:
    import pyarrow.parquet as pq

    return pq.read_table(path, columns=columns).to_pandas()


def _months(published: pd.Series) -> pd.Series:
    return published.dt.strftime("%Y-%m").fillna("unknown")


def _write_by_month(df: pd.DataFrame, root: Path, table: str, name: str) -> list[str]:
    """Part files of ``df`` under ``table/month=YYYY-MM/name.parquet``; relative paths."""
    if not len(df):
        return []
    files = []
    months = _months(df["published"])
    for month in sorted(months.unique()):
        rel = f"{store_mod.month_dir(table, month)}/{name}.parquet"
        _write_parquet(df[months == month], root / rel)
        files.append(rel)
    return files


def _digest(*parts: Any) -> str:
    h = hashlib.blake2b(digest_size=10)
    for p in parts:
        h.update(json.dumps(p, sort_keys=True, default=str).encode("utf-8"))
        h.update(b"\x1e")
    return h.hexdigest()


# --------------------------------------------------------------------------------------------
# Batches: what to read
# --------------------------------------------------------------------------------------------

def _ident(task) -> str:
    """A task's identity apart from its content: path, metadata row, ignored/rejected."""
    from .loader import display_path

    meta = task.metadata
    return json.dumps([display_path(task.path), task.ignored, task.rejected,
                       sorted((str(k), str(v)) for k, v in meta.items()) if meta else None])


def _stat(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
        return st.st_size, st.st_mtime_ns
    except OSError:
        return 0, 0


def _sha256(path: Path, start: int = 0, end: int | None = None) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        fh.seek(start)
        left = None if end is None else end - start
        while left is None or left > 0:
            block = fh.read(2**22 if left is None else min(2**22, left))
            if not block:
                break
            h.update(block)
            if left is not None:
                left -= len(block)
    return h.hexdigest()


def _splittable(task, opts) -> bool:
    from . import readers

    if task.ignored or task.rejected or task.metadata is not None:
        return False
    suffix = task.path.suffix.lower()
    return (suffix in (".jsonl", ".ndjson") and readers.inner_suffix(task.path) == suffix
            and opts.format in ("auto", "table") and _stat(task.path)[0] > SPLIT_BYTES)


def _scan_ranges(path: Path, lines_per_range: int) -> tuple[list[tuple[int, int, int, str]], str]:
    """Cut a JSON Lines file every ``lines_per_range`` lines: [(start, end, first line,
    sha256 of the range)] and the sha256 of the whole file, in one read."""
    whole = hashlib.sha256()
    ranges = []
    start, first, lines, pos = 0, 1, 0, 0
    part = hashlib.sha256()
    with open(path, "rb") as fh:
        while True:
            block = fh.read(2**23)
            if not block:
                break
            whole.update(block)
            i = 0
            while True:
                need = lines_per_range - lines
                j = i
                for _ in range(need):
                    j = block.find(b"\n", j)
                    if j < 0:
                        break
                    j += 1
                    lines += 1
                if j < 0 or lines < lines_per_range:
                    part.update(block[i:])
                    break
                part.update(block[i:j])
                end = pos + j
                ranges.append((start, end, first, part.hexdigest()))
                start, first, lines, part = end, first + lines_per_range, 0, hashlib.sha256()
                i = j
            pos += len(block)
    if pos > start:
        ranges.append((start, pos, first, part.hexdigest()))
    return ranges, whole.hexdigest()


def _plan(tasks: list, opts, opts_key: str, previous: Mapping[str, dict],
          batch_articles: int) -> tuple[list[dict], dict[str, dict]]:
    """The batches of this build: previous ones whose inputs are unchanged, new ones for the
    rest. Returns (batches in input order, file records by path for the manifest)."""
    from .loader import display_path

    prev_by_ident: dict[str, list[dict]] = defaultdict(list)
    for unit in previous.values():
        for inp in unit["inputs"]:
            prev_by_ident[inp["ident"]].append(unit)
    out: list[dict] = []
    loose: list[tuple[Any, str, int, int]] = []
    files: dict[str, dict] = {}
    used: set[str] = set()

    def unchanged(inp: dict, size: int, mtime: int, path: Path) -> bool:
        if inp["size"] != size:
            return False
        if inp["mtime"] == mtime:
            return True
        if inp.get("sha256") and inp["sha256"] == _sha256(path):
            inp["mtime"] = mtime  # touched, not changed
            return True
        return False

    idents = {}
    for task in tasks:
        ident = _ident(task)
        size, mtime = (0, 0) if (task.ignored or task.rejected) else _stat(task.path)
        idents[ident] = (task, size, mtime)
    consumed: set[str] = set()
    for ident, (task, size, mtime) in idents.items():
        if ident in consumed:
            continue
        if _splittable(task, opts):
            path = display_path(task.path)
            old = [u for u in prev_by_ident.get(ident, []) if u.get("range")]
            same = old and all(unchanged(u["inputs"][0], size, mtime, task.path) for u in old)
            if same:
                ranges = sorted((u["range"] + [u["inputs"][0]["range_sha256"]]) for u in old)
                whole = old[0]["inputs"][0]["sha256"]
            else:
                ranges, whole = _scan_ranges(task.path, batch_articles)
                ranges = [list(r) for r in ranges]
            files[path] = {"path": path, "size": size, "mtime": mtime, "sha256": whole}
            old_ids = {u["uid"]: u for u in old}
            for start, end, first, rsha in ranges:
                uid = "r" + _digest(ident, start, end, rsha, opts_key)[:16]
                unit = {"uid": uid, "range": [start, end, first], "tasks": [task],
                        "inputs": [{"ident": ident, "path": path, "size": size, "mtime": mtime,
                                    "sha256": whole, "range_sha256": rsha}],
                        "bytes": end - start}
                if uid in previous:
                    unit["prev"] = previous[uid]
                else:  # reuse quotes of the old ranges it overlaps
                    unit["reuse"] = [u["uid"] for u in old_ids.values()
                                     if u["range"][0] < end and start < u["range"][1]]
                out.append(unit)
            consumed.add(ident)
            continue
        # a previous group of small files, reused whole when every file is unchanged
        for unit in prev_by_ident.get(ident, []):
            if unit["uid"] in used or unit.get("range"):
                continue
            ok = all(i["ident"] in idents and i["ident"] not in consumed and unchanged(
                i, idents[i["ident"]][1], idents[i["ident"]][2], idents[i["ident"]][0].path)
                for i in unit["inputs"])
            if ok:
                used.add(unit["uid"])
                tasks_of = [idents[i["ident"]][0] for i in unit["inputs"]]
                out.append({"uid": unit["uid"], "range": None, "tasks": tasks_of,
                            "inputs": [dict(i) for i in unit["inputs"]], "prev": unit,
                            "bytes": sum(i["size"] for i in unit["inputs"])})
                consumed.update(i["ident"] for i in unit["inputs"])
                break
        if ident not in consumed:
            loose.append((task, ident, size, mtime))
            consumed.add(ident)
    # new groups: consecutive loose tasks, up to batch_articles files or _GROUP_BYTES
    group: list = []
    nbytes = 0

    def flush() -> None:
        nonlocal group, nbytes
        if not group:
            return
        uid = "g" + _digest([(g[1], g[2], g[3]) for g in group], opts_key)[:16]
        reuse = sorted({u["uid"] for g in group for u in prev_by_ident.get(g[1], [])
                        if not u.get("range")})
        out.append({"uid": uid, "range": None, "tasks": [g[0] for g in group],
                    "inputs": [{"ident": g[1], "path": display_path(g[0].path), "size": g[2],
                                "mtime": g[3], "sha256": None} for g in group],
                    "reuse": reuse[:8], "bytes": nbytes})
        group, nbytes = [], 0

    for g in loose:
        group.append(g)
        nbytes += g[2]
        if len(group) >= batch_articles or nbytes >= _GROUP_BYTES:
            flush()
    flush()
    for unit in out:
        if not unit.get("range"):
            for inp in unit["inputs"]:
                files[inp["path"]] = inp
    return out, files


# --------------------------------------------------------------------------------------------
# The batch function
# --------------------------------------------------------------------------------------------

def process_batch(job: dict) -> dict:
    """Run one step of one batch (``job["step"]`` is ``"stage"`` or ``"finish"``); write its
    files under ``job["root"]`` and return a small summary. Top-level and picklable, so any
    executor (processes, Dask) can run it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # rejects and unread languages are summarised by the driver
        if job["step"] == "stage":
            return _stage(job)
        return _finish(job)


def _iter_range(task, start: int, end: int, first_line: int, opts):
    """Records of lines ``[start, end)`` of a JSON Lines file, numbered from ``first_line``."""
    from . import readers

    with open(task.path, "rb") as fh:
        fh.seek(start)
        data = fh.read(end - start)
    if start == 0:
        head = data[:8192]
        if not head.strip():
            yield readers.Skip(None, "empty", "the file is empty")
            return
        binary = readers.sniff_binary(head)
        if binary:
            yield readers.Skip(None, "binary", f"the file is {binary}, not JSON Lines")
            return
    lines = data.splitlines(keepends=True)
    for item in readers.read_jsonl(iter(lines), opts.mapping, opts.limits):
        if item.line is not None:
            item.line += first_line - 1
        if isinstance(item, readers.Record):
            item.format = "table"
        yield item


def _load_unit(job: dict) -> tuple[list[pd.DataFrame], list[dict]]:
    from . import loader, readers

    opts = job["opts"]
    if not job.get("range"):
        frames, skips = [], []
        for rows, sk, _ in loader._iter_tasks(job["tasks"], opts):
            if rows:
                frames.append(loader._pack(rows))
            skips.extend(sk)
        return frames, skips
    task = job["tasks"][0]
    start, end, first = job["range"]
    path = loader.display_path(task.path)
    normalise = loader._Normaliser(opts)
    rows, skips = [], []
    for item in _iter_range(task, start, end, first, opts):
        if isinstance(item, readers.Record):
            try:
                item = normalise(item, path, item.format)
            except Exception as exc:  # noqa: BLE001 - as the loader: one odd record never aborts
                item = readers.Skip(item.line, "malformed", f"the record cannot be read "
                                    f"({type(exc).__name__}: {str(exc)[:200]})")
        if isinstance(item, readers.Skip):
            if opts.on_error == "raise":
                raise InputError(path, item.line, item.reason)
            skips.append({"source_path": path, "source_line": item.line, "code": item.code,
                          "reason": item.reason})
        else:
            rows.append(item)
    return ([loader._pack(rows)] if rows else []), skips


def _articles_frame(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Loaded rows as ARTICLES columns (``story_id`` still each article's own), as the
    loader's ``_assemble`` makes them, minus the corpus-level steps."""
    frames = [f for f in frames if len(f)]
    if frames:
        arts = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    else:
        arts = schema.empty(schema.ARTICLES).drop(columns=["story_id"])
    arts["story_id"] = "s" + arts["article_id"].astype("string")
    arts = schema.conform(arts, schema.ARTICLES, name="articles")
    repairs = (arts["encoding_repairs"] if "encoding_repairs" in arts
               else pd.Series(0, index=arts.index))
    arts["encoding_repairs"] = repairs.fillna(0).astype("Int64")
    return arts


class _Clock:
    """CPU seconds of this process per named part of a batch step."""

    def __init__(self) -> None:
        self.parts: dict[str, float] = defaultdict(float)
        self._last = time.process_time()

    def lap(self, part: str) -> None:
        now = time.process_time()
        self.parts[part] += now - self._last
        self._last = now


def _stage(job: dict) -> dict:
    from .loader import display_path

    root = Path(job["root"])
    t0 = time.process_time()
    clock = _Clock()
    out: dict[str, Any] = {"uid": job["uid"]}
    nonce = secrets.token_hex(3)
    reuse_q, reuse_focus = _reusable(root, job.get("reuse_files", []))
    if not job.get("reuse_focus", True):
        reuse_focus = {}
    if job["load"]:
        frames, skips = _load_unit(job)
        arts = _articles_frame(frames)
        del frames
        arts["_row"] = np.arange(len(arts), dtype="int64")
        clock.lap("load")
        from .syndication import signatures

        sigs, ok = signatures(arts["text"])
        arts["_sig"] = [s.tobytes() for s in sigs]
        arts["_sig_ok"] = ok
        clock.lap("signatures")
        if job["focus_scores"]:
            arts["_focus"], arts["_mentions"] = _focus_scores(arts, job["actors"], reuse_focus)
            clock.lap("focus")
        rel = f"{_STAGE}/{job['uid']}-{nonce}.articles.parquet"
        _write_parquet(arts, root / rel)
        rejects = (pd.DataFrame(skips, columns=list(schema.REJECTS)) if skips
                   else schema.empty(schema.REJECTS))
        rejects = schema.conform(rejects, schema.REJECTS, name="rejects")
        rrel = None
        if len(rejects):
            rrel = f"rejects/{job['uid']}-{nonce}.parquet"
            _write_parquet(rejects, root / rrel)
        per_path: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for p, n in arts["source_path"].value_counts().items():
            per_path[str(p)][0] = int(n)
        for p, n in rejects["source_path"].value_counts().items():
            per_path[str(p)][1] = int(n)
        sha = {}
        if not job.get("range"):
            for t in job["tasks"]:
                if not (t.ignored or t.rejected):
                    try:
                        sha[display_path(t.path)] = _sha256(t.path)
                    except OSError:
                        pass
        out["stage"] = {"articles": rel, "rejects": rrel, "n_articles": len(arts),
                        "n_rejects": len(rejects), "focus_scores": job["focus_scores"],
                        # the actors its focus scores and mentions were found with
                        "actors_key": job.get("actors_key") if job["focus_scores"] else None,
                        "rejects_by": {str(k): int(v) for k, v in
                                       rejects["code"].astype(str).value_counts().items()},
                        "per_path": dict(per_path), "version": job["versions"]["stage"]}
        out["sha256"] = sha
        clock.lap("write")
    else:
        rel = job["stage"]["articles"]
        arts = _read_parquet(root / rel)
        clock.lap("read")
    # quotes of each distinct article once; a duplicate's quotes are its first copy's
    unique = arts.drop_duplicates("article_id")
    qrel = f"{_STAGE}/{job['uid']}-{nonce}.quotes.parquet"
    quotes = _stage_quotes(unique, reuse_q)
    clock.lap("quotes")
    _write_parquet(quotes, root / qrel)
    clock.lap("write")
    out["quotes"] = {"file": qrel, "rows": len(quotes), "version": job["versions"]["quotes"]}
    out["cpu"] = time.process_time() - t0
    out["cpu_parts"] = {f"stage.{k}": v for k, v in clock.parts.items()}
    return out


def _reusable(root: Path, files: list[tuple[str, str]]):
    """Quotes and focus scores already extracted, by (article_id, language), from the stage
    files of batches this one replaces."""
    quotes: dict[tuple, pd.DataFrame] = {}
    focus: dict[tuple, Any] = {}
    for arts_rel, quotes_rel in files:
        try:
            cols = ["article_id", "language"]
            import pyarrow.parquet as pq

            names = pq.read_schema(root / arts_rel).names
            if "_focus" in names:
                cols.append("_focus")
            a = _read_parquet(root / arts_rel, cols).drop_duplicates("article_id")
            lang = dict(zip(a["article_id"], a["language"]))
            if "_focus" in a:
                for aid, f in zip(a["article_id"], a["_focus"]):
                    focus[(aid, lang[aid])] = f
            if quotes_rel:
                q = _read_parquet(root / quotes_rel)
                for aid, rows in q.groupby("article_id", sort=False):
                    quotes[(aid, lang.get(aid))] = rows
                for aid in a["article_id"]:
                    quotes.setdefault((aid, lang[aid]), q.iloc[:0])
        except (OSError, ValueError, KeyError):
            continue  # a stage file of a killed build: extract again
    return quotes, focus


def _key(aid, lang) -> tuple:
    return aid, (None if lang is None or (isinstance(lang, float) and lang != lang)
                 or lang is pd.NA else lang)


def _stage_quotes(unique: pd.DataFrame, reuse: dict) -> pd.DataFrame:
    from .extract.quotes import quotes_table

    keys = [_key(a, l) for a, l in zip(unique["article_id"], unique["language"])]
    have = [k in reuse for k in keys]
    todo = unique.loc[~np.array(have, dtype=bool)]
    fresh = quotes_table(todo.drop(columns=["_sig", "_sig_ok", "_focus", "_mentions", "_row"],
                                   errors="ignore"))
    if not any(have):
        return fresh
    parts = {aid: rows for aid, rows in fresh.groupby("article_id", sort=False)}
    ordered = []
    for k, h in zip(keys, have):
        rows = reuse[k] if h else parts.get(k[0])
        if rows is not None and len(rows):
            ordered.append(rows)
    if not ordered:
        return fresh.iloc[:0]
    out = pd.concat(ordered, ignore_index=True)
    return schema.conform(out, schema.QUOTES, name="quotes")


def _focus_scores(arts: pd.DataFrame, actors, reuse: dict) -> tuple[list[str], list]:
    """Per article, the country-mention scores :func:`corpus_focus` votes with, as JSON, and
    the actor mentions they came from (:func:`_pack_mentions`; None for reused scores), so the
    reactions step does not look them up again."""
    from .extract.reactions import _focus_scores as scores_of, resolver_for

    resolver = resolver_for(actors)
    index = _actor_index(resolver)
    out, found = [], []
    for aid, lang, text, title, pub in zip(arts["article_id"], arts["language"], arts["text"],
                                           arts["title"], arts["published"]):
        k = _key(aid, lang)
        if k in reuse and reuse[k] is not None:
            out.append(reuse[k])
            found.append(None)
            continue
        # focus_scores(text, title=, actors=, published=, reacting=True), keeping the mentions
        text = text or ""
        pub = None if pd.isna(pub) else pub
        ms = resolver.find_mentions(text, published=pub)
        s = scores_of(text, ms, title if isinstance(title, str) else None, resolver, pub, [])
        out.append(json.dumps({k: v for k, v in s.items() if v > 0}))
        found.append(_pack_mentions(ms, index))
    return out, found


def _actor_index(resolver) -> dict:
    index: dict = {}
    for i, a in enumerate(resolver.actors):
        index.setdefault(a, i)
    return index


def _pack_mentions(ms: list, index: dict) -> str | None:
    """``find_mentions`` output as JSON (actors by their place in the resolver's table); None
    when an actor is not in the table."""
    rows = []
    for m in ms:
        a = None
        if m.actor is not None:
            a = index.get(m.actor)
            if a is None:
                return None
        rows.append((m.start, m.end, m.text, m.type, m.code, m.role, a, m.possessive))
    return json.dumps(rows, separators=(",", ":"))


def _unpack_mentions(packed, resolver) -> list | None:
    from .extract.actors import Mention

    if not isinstance(packed, str):
        return None
    actors = resolver.actors
    return [Mention(s, e, t, ty, c, r, None if a is None else actors[a], p)
            for s, e, t, ty, c, r, a, p in json.loads(packed)]


def _finish(job: dict) -> dict:
    root = Path(job["root"])
    t0 = time.process_time()
    clock = _Clock()
    arts = _read_parquet(root / job["stage_articles"])
    arts = arts[~arts["_row"].isin(job["drop"])]
    packed = arts.pop("_mentions").tolist() if "_mentions" in arts else None
    if not job.get("mentions"):  # staged with other actors
        packed = None
    arts = arts.drop(columns=[c for c in ("_row", "_sig", "_sig_ok", "_focus") if c in arts])
    stories = job["stories"]
    if stories:
        arts["story_id"] = [stories.get(a, s) for a, s in zip(arts["article_id"], arts["story_id"])]
    arts = arts.reset_index(drop=True)
    out: dict[str, Any] = {"uid": job["uid"], "tables": {}}
    name = job["uid"]
    if "articles" in job["write"]:
        key = job["write"]["articles"]
        out["tables"]["articles"] = {"key": key, "rows": len(arts),
                                     "files": _write_by_month(arts, root, "articles",
                                                              f"{name}-{key}")}
    quotes = None
    if "quotes" in job["write"] or "reactions" in job["write"]:
        quotes = _read_parquet(root / job["stage_quotes"])
        quotes = quotes[quotes["article_id"].isin(set(arts["article_id"]))]
        by_id = arts.set_index("article_id")
        ids = quotes["article_id"].astype(object)
        quotes["published"] = by_id["published"].reindex(ids).to_numpy()
        quotes["outlet"] = by_id["outlet"].astype(object).reindex(ids).to_numpy()
        ids = _read_parquet(root / job["speakers"]).set_index("speaker")["speaker_id"]
        quotes["speaker_id"] = ids.reindex(quotes["speaker"].astype(object)).to_numpy()
        quotes = schema.conform(quotes, schema.QUOTES, name="quotes")
    clock.lap("read")
    if "quotes" in job["write"]:
        key = job["write"]["quotes"]
        out["tables"]["quotes"] = {"key": key, "rows": len(quotes),
                                   "files": _write_by_month(quotes, root, "quotes",
                                                            f"{name}-{key}")}
    if "reactions" in job["write"]:
        from .extract.reactions import reactions_table, resolver_for

        key = job["write"]["reactions"]
        focus = job["focus"] if job["focus"] is not None else {}
        clock.lap("write")
        mentions = None
        if packed is not None:  # the mentions the focus pass found, not looked up again
            resolver = resolver_for(job["actors"])
            mentions = [_unpack_mentions(p, resolver) for p in packed]
        reactions = reactions_table(arts, focus=focus, actors=job["actors"], quotes=quotes,
                                    mentions=mentions)
        clock.lap("reactions")
        out["tables"]["reactions"] = {"key": key, "rows": len(reactions),
                                      "files": _write_by_month(reactions, root, "reactions",
                                                               f"{name}-{key}")}
    out["articles"] = len(arts)
    clock.lap("write")
    out["cpu"] = time.process_time() - t0
    out["cpu_parts"] = {f"finish.{k}": v for k, v in clock.parts.items()}
    return out


# --------------------------------------------------------------------------------------------
# Corpus-level passes (driver)
# --------------------------------------------------------------------------------------------

def _signature_matrix(column, width: int) -> np.ndarray:
    """The ``_sig`` column (binary, ``width`` uint32 each) as an (n, width) array, read from
    the Arrow buffers without a Python object per article."""
    parts = []
    for chunk in column.chunks:
        if not len(chunk):
            continue
        offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int32)[
            chunk.offset:chunk.offset + len(chunk) + 1]
        data = np.frombuffer(chunk.buffers()[2], dtype=np.uint8)[offsets[0]:offsets[-1]]
        parts.append(data.view(np.uint32).reshape(len(chunk), width))
    return np.concatenate(parts) if parts else np.zeros((0, width), np.uint32)


def _corpus_pass(root: Path, units: list[dict], *, focus: str | None, need_focus: bool,
                 on_error: str) -> dict:
    """Duplicates, story ids, focus and speaker ids, from small columns of the staged batches."""
    from .extract.speakers import assign_speaker_ids
    from .syndication import NUM_PERM, story_roots

    import pyarrow.parquet as pq

    walls: dict[str, float] = {}
    clock = [time.perf_counter()]

    def lap(done: str, following: str | None) -> None:
        now = time.perf_counter()
        walls[done] = now - clock[0]
        clock[0] = now
        if following:
            _enter(f"corpus.{following}")

    _enter("corpus.read")
    cols = ["_row", "article_id", "published", "source_path", "source_line", "format",
            "_sig_ok"] + (["_focus"] if need_focus else [])
    frames = []
    for ui, unit in enumerate(units):
        f = pq.read_table(root / unit["stage"]["articles"], columns=cols,
                          read_dictionary=["source_path", "format"]).to_pandas()
        f["_unit"] = np.int32(ui)
        frames.append(f)
    meta = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=cols + ["_unit"])
    del frames
    n = len(meta)
    # the loader's order: publication time, then file, then line (paths compared as codes of
    # their sorted order, not as a million Python strings)
    path_codes, _ = pd.factorize(meta["source_path"].astype(object), sort=True)
    order = np.lexsort((meta["source_line"].fillna(0).to_numpy(dtype="int64"), path_codes,
                        pd.to_datetime(meta["published"], utc=True).to_numpy(
                            dtype="datetime64[ns]")))
    del path_codes
    meta = meta.take(order).reset_index(drop=True)
    # signatures straight into corpus order, one batch at a time (one n x 64 array in all)
    where = np.empty(n, dtype=np.int64)
    where[order] = np.arange(n)
    sigs = np.zeros((n, NUM_PERM), np.uint32)
    start = 0
    for unit in units:
        part = _signature_matrix(pq.read_table(root / unit["stage"]["articles"],
                                               columns=["_sig"]).column("_sig"), NUM_PERM)
        sigs[where[start:start + len(part)]] = part
        start += len(part)
    del where, order
    lap("read", "duplicates")
    dup = meta["article_id"].duplicated(keep="first").to_numpy()
    dup_rejects = []
    drops: dict[int, list[int]] = defaultdict(list)
    if dup.any():
        first = meta.loc[~dup].set_index("article_id")
        d = meta.loc[dup]
        kept = first.reindex(d["article_id"])  # the kept copy of each duplicate, in one lookup
        for aid, path, line, unit, row, k_path, k_line, k_format in zip(
                d["article_id"], d["source_path"], d["source_line"], d["_unit"], d["_row"],
                kept["source_path"], kept["source_line"], kept["format"]):
            where = str(k_path) + (f":{k_line}" if k_format in ("table", "feed") else "")
            if on_error == "raise":
                raise InputError(path, line, f"exact duplicate of {where}")
            dup_rejects.append({"source_path": path, "source_line": line,
                                "code": "duplicate", "duplicate_of": aid,
                                "reason": f"exact duplicate of {where}"})
            drops[int(unit)].append(int(row))
        del first
        sigs = sigs[~dup]  # a copy only when there are duplicates
    kept = meta.loc[~dup, ["article_id", "published", "_sig_ok", "_unit"]
                    + (["_focus"] if need_focus else [])].reset_index(drop=True)
    del meta
    lap("duplicates", "stories")
    # story ids
    stories: dict[int, dict[str, str]] = defaultdict(dict)
    if len(kept) >= 2:
        times = pd.to_datetime(kept["published"], utc=True).to_numpy(
            dtype="datetime64[ns]").astype("int64")
        roots = story_roots(sigs, kept["_sig_ok"].to_numpy(dtype=bool), times,
                            threshold=_SYNDICATION)
        ids = kept["article_id"].astype(object).to_numpy()
        moved = np.flatnonzero(roots != np.arange(len(kept)))
        units_of = kept["_unit"].to_numpy()
        for i in moved:
            stories[int(units_of[i])][ids[i]] = "s" + ids[roots[i]]
        del ids
    del sigs
    lap("stories", "focus")
    # focus: corpus_focus's vote, in corpus order
    if focus is None and need_focus:
        votes: Counter = Counter()
        for s in kept["_focus"]:
            if not isinstance(s, str):
                continue
            scores = json.loads(s)
            total = sum(scores.values())
            for k, v in scores.items():
                votes[k] += v / total
        focus = max(votes, key=votes.get) if votes else None
    lap("focus", "speakers")
    # speaker ids: every quote of a kept article, in corpus order. Each batch contributes its
    # distinct (speaker, role) pairs with their counts and first position; the pairs of the
    # whole corpus, in order of first appearance and weighted by their counts, give the ids
    # of the full quotes table without holding one row per quote.
    # each batch's kept articles and their ranks (a batch looks its quotes up among its own
    # articles, not among the whole corpus's)
    all_ids = kept["article_id"].astype(object).to_numpy()
    unit_of = kept["_unit"].to_numpy()
    by_unit = np.argsort(unit_of, kind="stable")
    bounds = np.searchsorted(unit_of[by_unit], np.arange(len(units) + 1))
    del kept, unit_of
    pairs = []
    for ui, unit in enumerate(units):
        q = _read_parquet(root / unit["quotes"]["file"], ["article_id", "speaker",
                                                          "speaker_role"])
        mine_ranks = by_unit[bounds[ui]:bounds[ui + 1]]
        rank = pd.Series(mine_ranks, index=all_ids[mine_ranks])
        r = rank.reindex(q["article_id"].astype(object)).to_numpy()
        mine = ~np.isnan(r)
        keep_rows = mine & q["speaker"].notna().to_numpy()
        q = q.loc[keep_rows]
        if not len(q):
            continue
        q = pd.DataFrame({"speaker": q["speaker"].astype(object),
                          "role": q["speaker_role"].astype(object),
                          "rank": r[keep_rows].astype(np.int64),
                          "pos": np.arange(len(q))})
        q["role"] = q["role"].where(q["role"].notna(), None)
        g = q.groupby(["speaker", "role"], dropna=False, sort=False).agg(
            n=("rank", "size"), rank=("rank", "min"), pos=("pos", "min")).reset_index()
        g["unit"] = ui
        pairs.append(g)
    speaker_map = pd.DataFrame({"speaker": pd.Series([], dtype=object),
                                "speaker_id": pd.Series([], dtype=object)})
    speaker_keys: dict[int, str] = {}
    if pairs:
        p = pd.concat(pairs, ignore_index=True)
        del pairs
        # a pair's first appearance: its earliest article, then its place in that batch
        first = p.sort_values(["rank", "unit", "pos"], kind="stable")
        agg = first.groupby(["speaker", "role"], dropna=False, sort=False).agg(
            n=("n", "sum"), rank=("rank", "first"), unit=("unit", "first"),
            pos=("pos", "first")).reset_index()
        agg = agg.sort_values(["rank", "unit", "pos"], kind="stable").reset_index(drop=True)
        ids = assign_speaker_ids(pd.DataFrame({"speaker": agg["speaker"],
                                               "speaker_role": agg["role"]}),
                                 weights=agg["n"].tolist())
        speaker_map = pd.DataFrame({"speaker": agg["speaker"], "speaker_id": ids}
                                   ).drop_duplicates("speaker").reset_index(drop=True)
        del agg, first
        # what each batch's quotes depend on: the ids of its own speakers, as one digest
        p = p.drop_duplicates(["unit", "speaker"])[["unit", "speaker"]]
        p["speaker_id"] = speaker_map.set_index("speaker")["speaker_id"].reindex(
            p["speaker"]).to_numpy()
        h = pd.util.hash_pandas_object(p[["speaker", "speaker_id"]].astype(str), index=False)
        sums = pd.Series(h.to_numpy(dtype=np.uint64), index=p["unit"].to_numpy()).groupby(
            level=0).sum()
        speaker_keys = {int(u): f"{int(v):016x}" for u, v in sums.items()}
    lap("speakers", None)
    return {"drops": drops, "dup_rejects": dup_rejects, "stories": stories, "focus": focus,
            "speaker_map": speaker_map, "speaker_keys": speaker_keys,
            "articles": n - int(dup.sum()), "times": walls}


# --------------------------------------------------------------------------------------------
# The driver
# --------------------------------------------------------------------------------------------

def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def _actors_key(actors) -> Any:
    if actors is None:
        return None
    items = actors if isinstance(actors, (list, tuple)) else [actors]
    key = []
    for a in items:
        if isinstance(a, (str, os.PathLike)):
            p = Path(a)
            files = sorted(p.glob("*.csv")) if p.is_dir() else [p]
            key.append([(str(f.resolve()), *_stat(f)) for f in files])
        elif isinstance(a, pd.DataFrame):
            key.append(int(pd.util.hash_pandas_object(a, index=False).sum()))
        else:
            key.append(repr(a))
    return key


def _clean(root: Path, manifest: dict) -> int:
    """Remove part and stage files no manifest entry lists (what a killed or superseded build
    left); never anything else. Returns how many."""
    keep = set()
    for t in manifest.get("tables", {}).values():
        keep.update(t.get("files", []))
    if (manifest.get("build", {}).get("corpus") or {}).get("speakers"):
        keep.add(manifest["build"]["corpus"]["speakers"])
    for unit in manifest.get("build", {}).get("units", {}).values():
        st = unit.get("stage") or {}
        keep.update(v for v in (st.get("articles"), st.get("rejects")) if v)
        if unit.get("quotes"):
            keep.add(unit["quotes"]["file"])
        for t in (unit.get("final") or {}).values():
            keep.update(t.get("files", []))
    removed = 0
    for table in (*store_mod.TABLES, _STAGE):
        folder = root / table
        if not folder.is_dir():
            continue
        for dirpath, _dirs, names in os.walk(folder):
            for name in names:
                if not (name.endswith(".parquet") or name.endswith(".tmp")):
                    continue
                p = Path(dirpath) / name
                rel = p.relative_to(root).as_posix()
                if rel not in keep:
                    try:
                        p.unlink()
                        removed += 1
                    except OSError:
                        pass
        for dirpath, dirs, names in os.walk(folder, topdown=False):
            if dirpath != str(folder) and not os.listdir(dirpath):
                try:
                    os.rmdir(dirpath)
                except OSError:
                    pass
    for p in root.glob(f".{store_mod.MANIFEST}.*.tmp"):
        try:
            pid = int(p.name.split(".")[-2])
        except ValueError:
            continue
        if pid != os.getpid():
            try:
                p.unlink()
            except OSError:
                pass
    return removed


_LOCK = ".build.lock"


def _lock(root: Path) -> Path:
    """Take the store's build lock (a file holding the builder's process id): two builds
    writing one store at once would undo each other's manifest. A lock whose process is gone
    (a killed build) is taken over. The check sees processes of this machine only."""
    from .export import _pid_alive

    path = root / _LOCK
    for _ in range(3):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            try:
                pid = int(path.read_text(encoding="ascii").strip() or 0)
            except (OSError, ValueError):
                pid = 0
            if pid and pid != os.getpid() and _pid_alive(pid):
                raise InputError(root, None, f"another build (process {pid}) is writing this "
                                             "store; wait for it to finish or stop it") from None
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            continue
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(str(os.getpid()))
        return path
    raise InputError(root, None, f"cannot take the build lock {path}")


def build(sources, store, *, workers: int = 1, scheduler: str | None = None, client=None,
          focus: str | None = None, actors=None, progress: bool | None = None,
          batch_articles: int = BATCH_ARTICLES, format: str = "auto",
          on_error: str = "skip", outlets=None, detect_language: bool = True,
          work=None, storage_options: dict | None = None) -> BuildResult:
    """Build (or update) the corpus store at ``store`` from ``sources``.

    Parameters
    ----------
    sources : path, glob or list of these
        As for :func:`coverage_kit.load_articles`. The store holds exactly these inputs:
        inputs of an earlier build that are not given again leave the store.
    store : path or URL
        Folder of the store (created if needed), or an fsspec URL on object storage
        (``s3://bucket/corpus``): the build then runs in the local folder ``work`` and
        publishes the store to the URL (:func:`coverage_kit.store.publish`: changed part
        files, then the manifest).
    workers : int
        Local processes that run the batches (1: this process).
    scheduler, client
        Run the batches on Dask instead: a scheduler address (``"tcp://host:8786"``) or
        ``"local"``, or an existing ``dask.distributed.Client`` (see
        :func:`coverage_kit._executors.make_executor`). The store folder must then be
        reachable at the same path from every worker.
    focus : str, optional
        ISO alpha-3 focus of the reactions; None detects one for the corpus, as
        :func:`coverage_kit.reactions_table` does.
    actors : optional
        Extra actors tables, as for :func:`coverage_kit.reactions_table`.
    progress : bool, optional
        Show progress bars with an ETA (default: for builds of 20 batches or 50 MB or more).
    batch_articles : int
        Articles per batch (memory per worker grows with it; about 2,000 keeps a worker well
        under 1 GB).
    format, on_error, outlets, detect_language
        As for :func:`coverage_kit.load_articles`.
    work : path, optional
        Local work folder for a store given as a URL (default
        :func:`coverage_kit.store.work_folder`); keep it to rebuild incrementally.
    storage_options : dict, optional
        Passed to fsspec for a store given as a URL (credentials, endpoint).

    Returns
    -------
    BuildResult
        Counts, rejects by reason, what was redone, the inputs that left the store.
        ``os.fspath(result)`` is the store folder.
    """
    from . import loader, readers

    if store_mod.is_url(store):
        local = Path(work) if work is not None else store_mod.work_folder(store)
        result = build(sources, local, workers=workers, scheduler=scheduler, client=client,
                       focus=focus, actors=actors, progress=progress,
                       batch_articles=batch_articles, format=format, on_error=on_error,
                       outlets=outlets, detect_language=detect_language)
        result.publish_counts = store_mod.publish(local, store, storage_options=storage_options,
                                                  progress=progress)
        result.published = store.rstrip("/")
        return result
    if work is not None:
        raise ValueError("work= is for a store given as a URL (s3://...); a local store is "
                         "its own work folder")
    t_start = time.perf_counter()
    if format not in loader.FORMATS:
        raise ValueError(f"format={format!r}; expected one of {', '.join(loader.FORMATS)}")
    if on_error not in ("skip", "raise"):
        raise ValueError(f"on_error={on_error!r}; expected 'skip' or 'raise'")
    if not isinstance(batch_articles, int) or batch_articles < 1:
        raise ValueError(f"batch_articles must be a positive int, got {batch_articles!r}")
    if focus is not None and not (isinstance(focus, str) and len(focus) == 3):
        raise ValueError(f"focus must be an ISO alpha-3 code such as 'KAZ', got {focus!r}")
    root = Path(store)
    if root.exists() and not root.is_dir():
        raise InputError(root, None, "the store must be a folder; this is a file")
    if root.is_dir() and not (root / store_mod.MANIFEST).exists() and any(
            p for p in root.iterdir() if p.name not in (*store_mod.TABLES, _STAGE, _LOCK)):
        raise InputError(root, None, "the folder exists and is not a coverage-kit store; "
                                     "give an empty or new folder")
    tasks = loader.expand_sources(sources)
    inside = os.path.realpath(root)
    # a store inside one of its sources (`build . --store store`) is not read as articles
    tasks = [t for t in tasks if not os.path.realpath(t.path).startswith(inside + os.sep)
             and os.path.realpath(t.path) != inside]
    opts = loader._Options(format, on_error, None, outlets, detect_language, readers.Limits())
    versions = _versions()
    opts_key = _digest(format, _actors_key(outlets) if outlets is not None else None,
                       detect_language, versions["stage"])
    root.mkdir(parents=True, exist_ok=True)
    lock = _lock(root)
    try:
        return _build(root, tasks, opts, versions, opts_key, t_start, workers=workers,
                      scheduler=scheduler, client=client, focus=focus, actors=actors,
                      progress=progress, batch_articles=batch_articles, on_error=on_error)
    finally:
        try:
            lock.unlink()
        except OSError:
            pass


def _build(root: Path, tasks: list, opts, versions: dict, opts_key: str, t_start: float, *,
           workers, scheduler, client, focus, actors, progress, batch_articles,
           on_error) -> BuildResult:
    from . import __version__
    from ._executors import make_executor

    manifest = (store_mod.read_manifest(root) if (root / store_mod.MANIFEST).exists()
                else {"format": store_mod.FORMAT, "created": _now(), "tables": {}})
    _clean(root, manifest)
    previous = manifest.get("build", {}).get("units", {})
    units, files = _plan(tasks, opts, opts_key, previous, batch_articles)
    steps = {"plan": time.perf_counter() - t_start}
    cpu: dict[str, float] = defaultdict(float)
    c_driver = [time.process_time()]

    def driver_lap(step: str | None) -> None:
        # the batch steps are counted by the processes that run them (with the serial
        # executor, this one): only the driver's own steps are counted here
        now = time.process_time()
        if step is not None:
            cpu[f"driver.{step}"] += now - c_driver[0]
        c_driver[0] = now

    def add_cpu(res: dict) -> None:
        for k, v in (res.get("cpu_parts") or {}).items():
            cpu[k] += v
    need_focus = focus is None
    akey = _actors_key(actors)
    staged_with = _digest(akey)  # the actors staged focus scores and mentions depend on

    state_units: dict[str, dict] = {}  # uid -> manifest record, committed as batches complete
    for u in units:
        prev = u.get("prev")
        rec = {"uid": u["uid"], "range": u["range"], "inputs": u["inputs"]}
        if prev:
            rec.update({k: prev[k] for k in ("stage", "quotes", "final") if k in prev})
        state_units[u["uid"]] = rec
    # keep the records of batches that are gone until the end, so their files stay listed
    keep_old = {k: v for k, v in previous.items() if k not in state_units}
    manifest.setdefault("build", {})

    corpus_record = dict(manifest.get("build", {}).get("corpus") or {})
    last = [0.0, 0.0]  # time of the last commit, and what it cost

    def commit(force: bool = False) -> None:
        # after every batch while the manifest is cheap to write; at most every few seconds
        # once it is large (a corpus of many small files lists them all)
        wait = min(_COMMIT_EVERY, 20 * last[1])
        if not force and time.monotonic() - last[0] < wait:
            return
        t = time.monotonic()
        manifest["build"] = {"units": {**keep_old, **state_units}, "versions": versions,
                             "options": opts_key, "corpus": corpus_record}
        manifest["updated"] = _now()
        manifest["coverage_kit"] = __version__
        store_mod.write_manifest(root, manifest)
        last[0] = time.monotonic()
        last[1] = last[0] - t

    # ---- step 1: stage (load, tag, quotes) the batches that need it
    jobs = []
    for u in units:
        rec = state_units[u["uid"]]
        st = rec.get("stage")
        load = not st or st.get("version") != versions["stage"] or (
            need_focus and (not st.get("focus_scores") or st.get("actors_key") != staged_with))
        q = rec.get("quotes")
        redo_quotes = load or not q or q.get("version") != versions["quotes"]
        if not (load or redo_quotes):
            continue
        reuse_files = []
        same_actors = True  # focus scores are reused only from stages with these actors
        for old in ([rec] if st else []) + [previous[r] for r in u.get("reuse", [])
                                            if r in previous]:
            if old.get("stage") and (not redo_quotes or load):
                qfile = (old.get("quotes") or {}).get("file") if (
                    (old.get("quotes") or {}).get("version") == versions["quotes"]) else None
                reuse_files.append((old["stage"]["articles"], qfile))
                same_actors = same_actors and old["stage"].get("actors_key") == staged_with
        jobs.append({"step": "stage", "root": str(root), "uid": u["uid"], "tasks": u["tasks"],
                     "range": u["range"], "opts": opts, "load": load, "stage": st,
                     "focus_scores": need_focus, "actors": actors, "versions": versions,
                     "actors_key": staged_with, "reuse_focus": same_actors,
                     "reuse_files": reuse_files, "bytes": u["bytes"]})
    show = progress if progress is not None else (len(jobs) >= 20 or
                                                  sum(j["bytes"] for j in jobs) >= 50_000_000)
    staged = finished = 0
    corpus_steps: dict[str, float] = {}
    try:
        _enter("stage")
        with make_executor(workers=workers, scheduler=scheduler, client=client) as ex:
            if jobs:
                from tqdm.auto import tqdm

                bar = tqdm(total=sum(j["bytes"] for j in jobs), unit="B", unit_scale=True,
                           unit_divisor=1024, desc="loading + quotes", disable=not show)
                try:
                    for i, res in ex.map_unordered(process_batch, jobs):
                        rec = state_units[res["uid"]]
                        if "stage" in res:
                            rec["stage"] = res["stage"]
                            for inp in rec["inputs"]:
                                if inp["path"] in res.get("sha256", {}):
                                    inp["sha256"] = res["sha256"][inp["path"]]
                        rec["quotes"] = res["quotes"]
                        add_cpu(res)
                        rec.pop("final", None) if "stage" in res else None
                        staged += 1
                        bar.update(jobs[i]["bytes"])
                        commit()
                finally:
                    bar.close()
                commit(force=True)
            steps["stage"] = time.perf_counter() - t_start - sum(steps.values())
            driver_lap(None)
            # ---- corpus-level passes
            ordered = [state_units[u["uid"]] for u in units]
            corpus_key = _digest([(r["stage"]["articles"], r["quotes"]["file"]) for r in ordered],
                                 focus, need_focus, on_error, akey, versions)
            prev_corpus = manifest.get("build", {}).get("corpus") or {}
            if prev_corpus.get("key") == corpus_key and all(
                    {"articles", "quotes", "reactions"} <= set(r.get("final") or {})
                    for r in ordered):
                # nothing staged changed since the last published build: the corpus-level
                # values and every final file stand
                corpus = {"dup_rel": prev_corpus.get("dup_rel"), "dup_n": prev_corpus["dup_n"],
                          "focus": prev_corpus.get("focus"), "drops": {}}
                todo = []
            else:
                corpus = _corpus_pass(root, ordered, focus=focus, need_focus=need_focus,
                                      on_error=on_error)
                corpus_steps = corpus["times"]
                todo = ordered
            the_focus = focus if focus is not None else corpus["focus"]
            steps["corpus"] = time.perf_counter() - t_start - sum(steps.values())
            driver_lap("corpus")
            _enter("finish")
            # ---- step 2: finish the batches whose final files are out of date
            fjobs = []
            speakers_rel = None
            if todo:
                speakers_rel = (f"{_STAGE}/speakers-"
                                f"{_digest(sorted(corpus['speaker_keys'].items()))}.parquet")
                _write_parquet(corpus["speaker_map"], root / speakers_rel)
                corpus_record["speakers"] = speakers_rel
            for ui, rec in enumerate(todo):
                drop = sorted(corpus["drops"].get(ui, []))
                stories = corpus["stories"].get(ui, {})
                speakers = corpus["speaker_keys"].get(ui, "")
                base = (rec["stage"]["articles"], drop)
                keys = {
                    "articles": _digest("a", base, sorted(stories.items())),
                    "quotes": _digest("q", base, rec["quotes"]["file"], speakers),
                    "reactions": _digest("r", base, rec["quotes"]["file"], versions["reactions"],
                                         the_focus, akey),
                }
                final = rec.get("final") or {}
                write = {t: k for t, k in keys.items() if (final.get(t) or {}).get("key") != k}
                if write:
                    fjobs.append({"step": "finish", "root": str(root), "uid": rec["uid"],
                                  "stage_articles": rec["stage"]["articles"],
                                  "stage_quotes": rec["quotes"]["file"], "drop": drop,
                                  "stories": stories, "speakers": speakers_rel,
                                  "focus": the_focus,
                                  "actors": actors, "write": write,
                                  "mentions": rec["stage"].get("actors_key") == staged_with,
                                  "n": rec["stage"]["n_articles"]})
            if fjobs:
                from tqdm.auto import tqdm

                bar = tqdm(total=sum(j["n"] for j in fjobs), unit="article",
                           desc="reactions + tables", disable=not show)
                try:
                    for i, res in ex.map_unordered(process_batch, fjobs):
                        rec = state_units[res["uid"]]
                        rec.setdefault("final", {}).update(res["tables"])
                        add_cpu(res)
                        finished += 1
                        bar.update(fjobs[i]["n"])
                        commit()
                finally:
                    bar.close()
        steps["finish"] = time.perf_counter() - t_start - sum(steps.values())
        driver_lap(None)
        _enter("publish")
        # ---- publish
        if "dup_rejects" in corpus:
            dup_rel, dup_n = None, len(corpus["dup_rejects"])
            if corpus["dup_rejects"]:
                df = schema.conform(pd.DataFrame(corpus["dup_rejects"],
                                                 columns=list(schema.REJECTS)),
                                    schema.REJECTS, name="rejects")
                dup_rel = f"rejects/duplicates-{_digest(corpus['dup_rejects'])}.parquet"
                _write_parquet(df, root / dup_rel)
        else:
            dup_rel, dup_n = corpus["dup_rel"], corpus["dup_n"]
        corpus_record.update({"key": corpus_key, "focus": the_focus, "dup_rel": dup_rel,
                              "dup_n": dup_n})
        tables: dict[str, dict] = {}
        for t in ("articles", "quotes", "reactions"):
            tv = {"articles": versions["stage"], "quotes": versions["quotes"],
                  "reactions": versions["reactions"]}[t]
            fl, rows = [], 0
            for rec in ordered:
                part = rec["final"][t]
                fl.extend(part["files"])
                rows += part["rows"]
            tables[t] = {"version": tv, "files": fl, "rows": rows}
        rfiles = [rec["stage"]["rejects"] for rec in ordered if rec["stage"].get("rejects")]
        rejects_by: Counter = Counter()
        for rec in ordered:
            rejects_by.update(rec["stage"].get("rejects_by", {}))
        if dup_rel:
            rfiles.append(dup_rel)
            rejects_by["duplicate"] += dup_n
        tables["rejects"] = {"version": versions["stage"], "files": rfiles,
                             "rows": sum(rejects_by.values())}
        inputs = []
        per_path: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for rec in ordered:
            for p, (na, nr) in rec["stage"].get("per_path", {}).items():
                per_path[p][0] += na
                per_path[p][1] += nr
        for rec in ordered:
            for inp in rec["inputs"]:
                if not rec.get("range"):
                    files[inp["path"]] = inp
        for path, inp in files.items():
            inputs.append({"path": path, "size": inp["size"], "mtime": inp["mtime"],
                           "sha256": inp.get("sha256"), "articles": per_path[path][0],
                           "rejects": per_path[path][1]})
        old_paths = {i["path"] for i in manifest.get("inputs", [])}
        removed = sorted(old_paths - set(files))
        counts = {"articles": tables["articles"]["rows"], "rejects": tables["rejects"]["rows"],
                  "quotes": tables["quotes"]["rows"], "reactions": tables["reactions"]["rows"]}
        manifest.update({"tables": tables, "inputs": inputs, "focus": the_focus,
                         "counts": counts})
        keep_old.clear()
        commit(force=True)
        _clean(root, manifest)
        driver_lap("publish")
    except BaseException:
        # Ctrl-C or an error: what completed is committed, the published tables are untouched
        try:
            commit(force=True)
        except BaseException:  # noqa: BLE001 - a second Ctrl-C while committing
            pass
        raise
    return BuildResult(store=root, counts=counts, rejects=dict(rejects_by), focus=the_focus,
                       batches=len(units), batches_staged=staged, batches_finished=finished,
                       removed_inputs=removed, seconds=time.perf_counter() - t_start,
                       steps={**steps, "publish": time.perf_counter() - t_start
                              - sum(steps.values())}, cpu=dict(cpu),
                       corpus_steps=corpus_steps)


class _CallableModule(type(os)):
    """``import coverage_kit.build`` makes the package attribute ``coverage_kit.build`` this
    module (Python sets a package's attribute to a submodule it imports), while
    ``ck.build(...)`` is the function: calling the module calls :func:`build`, so both
    spellings work in any import order."""

    def __call__(self, *args, **kwargs):
        return build(*args, **kwargs)


import sys as _sys  # noqa: E402

_sys.modules[__name__].__class__ = _CallableModule
