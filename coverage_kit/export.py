"""Writing tables to files, atomically: an interrupted write leaves no half-written file."""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pandas as pd

TABLE_FORMATS = ("csv", "jsonl", "parquet", "xlsx")


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place only if the block succeeds.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "t.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("done")
    >>> target.read_text()
    'done'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        # mkstemp makes the file readable by its owner only; a table is a normal file
        # (0644 under the usual umask 022).
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, path)
    except BaseException:  # also KeyboardInterrupt: never leave a partial file behind
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def flatten(df: pd.DataFrame, *, excel: bool = False) -> pd.DataFrame:
    """``df`` ready for a flat file: lists (``wires``) joined with ``|``; a labelled index
    (wide tables such as an outlet x day matrix) turned into columns; times as ISO 8601 UTC
    text (``2025-03-06T08:00:00Z``); for Excel, times without zone (they are UTC) and text cut
    to what a cell holds, without control characters.

    Examples
    --------
    >>> flatten(pd.DataFrame({"wires": [["dpa", "AFP"], []]}))["wires"].tolist()
    ['dpa|AFP', '']
    >>> flatten(pd.DataFrame({"n": [1, 2]}, index=[7, 3])).columns.tolist()  # no index column
    ['n']
    >>> flatten(pd.DataFrame({"t": pd.to_datetime(["2025-03-06 08:00"], utc=True)}))["t"][0]
    '2025-03-06T08:00:00Z'
    """
    out = df.copy()
    if all(n is None for n in out.index.names):  # row positions, not data: no index column
        out = out.reset_index(drop=True)
    else:
        out.columns = [_iso(c) if isinstance(c, pd.Timestamp) else str(c)
                       for c in out.columns]
        out = out.reset_index()
        out.columns = [str(c) for c in out.columns]
    for col in out.columns:
        s = out[col]
        if s.dtype == object and s.map(lambda v: isinstance(v, (list, tuple))).any():
            out[col] = s = s.map(lambda v: "|".join(map(str, v))
                                 if isinstance(v, (list, tuple)) else v)
        if excel and isinstance(s.dtype, pd.DatetimeTZDtype):
            out[col] = s.dt.tz_convert("UTC").dt.tz_localize(None)
        elif isinstance(s.dtype, pd.DatetimeTZDtype):
            out[col] = s.dt.tz_convert("UTC").dt.strftime("%Y-%m-%dT%H:%M:%SZ")
        elif excel and (s.dtype == object or pd.api.types.is_string_dtype(s.dtype)):
            # Excel cells hold at most 32,767 characters and no control characters.
            out[col] = s.map(lambda v: _ILLEGAL.sub("", v)[:32000] if isinstance(v, str) else v)
    return out


def _iso(ts: pd.Timestamp) -> str:
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC")
        return f"{ts:%Y-%m-%dT%H:%M:%SZ}"
    return f"{ts:%Y-%m-%dT%H:%M:%S}"


def table_format(path: str | os.PathLike, format: str | None = None) -> str:
    """The table format named by ``format`` or by the suffix of ``path``."""
    if format:
        fmt = format.lower()
    else:
        suffix = Path(path).suffix.lower().lstrip(".")
        fmt = {"ndjson": "jsonl", "pq": "parquet", "xls": "xlsx", "tsv": "csv"}.get(suffix, suffix)
    if fmt not in TABLE_FORMATS:
        raise ValueError(f"{path}: cannot tell the table format from {fmt or 'no suffix'!r}; "
                         f"use one of {', '.join(TABLE_FORMATS)}")
    return fmt


def write_table(df: pd.DataFrame, path: str | os.PathLike | IO[str], *,
                format: str | None = None) -> None:
    """Write ``df`` as CSV, JSON Lines, Parquet or Excel (by ``format`` or the suffix).

    ``path`` may be ``"-"`` or an open text stream (CSV and JSONL only). Files are written
    atomically.
    """
    if path == "-" or hasattr(path, "write"):
        stream = sys.stdout if path == "-" else path
        fmt = (format or "csv").lower()
        if fmt == "jsonl":
            df.to_json(stream, orient="records", lines=True, date_format="iso", force_ascii=False)
        elif fmt == "csv":
            flatten(df).to_csv(stream, index=False)
        else:
            raise ValueError(f"cannot write {fmt} to a stream; give a file name")
        return
    fmt = table_format(path, format)
    with atomic_path(path) as tmp:
        if fmt == "csv":
            sep = "\t" if str(path).lower().endswith(".tsv") else ","
            flatten(df).to_csv(tmp, index=False, sep=sep)
        elif fmt == "jsonl":
            df.to_json(tmp, orient="records", lines=True, date_format="iso", force_ascii=False)
        elif fmt == "parquet":
            df.to_parquet(tmp, index=False)
        else:
            flatten(df, excel=True).to_excel(tmp, index=False, engine="openpyxl")
