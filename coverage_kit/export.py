"""Writing tables to files, atomically: an interrupted write leaves no half-written file."""

from __future__ import annotations

import contextlib
import os
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
        os.replace(tmp, path)
    except BaseException:  # also KeyboardInterrupt: never leave a partial file behind
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _flat(df: pd.DataFrame) -> pd.DataFrame:
    """Lists (``wires``) joined with ``|`` for formats without list cells."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object and out[col].map(lambda v: isinstance(v, (list, tuple))).any():
            out[col] = out[col].map(lambda v: "|".join(map(str, v))
                                    if isinstance(v, (list, tuple)) else v)
    return out


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
            _flat(df).to_csv(stream, index=False)
        else:
            raise ValueError(f"cannot write {fmt} to a stream; give a file name")
        return
    fmt = table_format(path, format)
    with atomic_path(path) as tmp:
        if fmt == "csv":
            sep = "\t" if str(path).lower().endswith(".tsv") else ","
            _flat(df).to_csv(tmp, index=False, sep=sep)
        elif fmt == "jsonl":
            df.to_json(tmp, orient="records", lines=True, date_format="iso", force_ascii=False)
        elif fmt == "parquet":
            df.to_parquet(tmp, index=False)
        else:
            flat = _flat(df)
            for col in flat.select_dtypes(include=["datetimetz"]).columns:
                flat[col] = flat[col].dt.tz_localize(None)  # Excel has no time zones (UTC)
            flat.to_excel(tmp, index=False, engine="openpyxl")
