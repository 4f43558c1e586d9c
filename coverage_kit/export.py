"""Writing tables to files, atomically and safely for spreadsheets.

*Atomic*: every file is written to a hidden temporary file beside it and renamed into place in
one step, so an interrupted write (Ctrl-C, a kill, a full disk) leaves the previous file or
nothing, never half a file. A temporary file left by a killed process is removed by the next
write of the same file.

*Safe for spreadsheets*: titles, outlets, speakers and quotes come from the web. A text cell
that starts with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or a NUL would be run as
a formula by Excel, LibreOffice or Google Sheets (``=HYPERLINK(...)`` becomes a live link).
In CSV/TSV files such cells get a leading apostrophe (``'=HYPERLINK(...)``), as OWASP
recommends; spreadsheets show the text, and a program reading the CSV sees the apostrophe.
In Excel workbooks the text is kept exactly and the cell is marked as text ("quote prefix",
what typing a leading apostrophe in Excel does), so it is never a formula. Numbers stay
numbers (a -3 in a count column is -3). JSON Lines and Parquet are data formats, not
spreadsheets: they are written raw.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pandas as pd

TABLE_FORMATS = ("csv", "jsonl", "parquet", "xlsx")


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place only if the block succeeds.

    The temporary file is hidden (``.<name>.ck<pid>-*.part<suffix>``) and removed when the block
    fails or is interrupted; one left by a killed process is removed by the next write of
    ``path``. A Ctrl-C that Python dropped (see :func:`check_interrupted`) stops the move.

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
    prefix = f".{path.name}.ck{os.getpid()}-"
    clean_stale(path.parent, f".{path.name}.ck")
    # the real suffix last, so writers that take the format from it (save_figure) still can
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=f".part{path.suffix}", dir=path.parent)
    os.close(fd)
    STAGING.add(Path(tmp))
    try:
        yield Path(tmp)
        check_interrupted()
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
    finally:
        if not os.path.lexists(tmp):
            STAGING.discard(Path(tmp))


#: Temporary files and staging folders of writes in progress (or left by a failed cleanup):
#: the CLI says "no partial files were left behind" only when none of these exists.
STAGING: set[Path] = set()


def leftovers() -> list[Path]:
    """Staging files or folders of this process that still exist (normally none)."""
    return sorted(p for p in STAGING if os.path.lexists(p))


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


def clean_stale(folder: Path, prefix: str) -> list[Path]:
    """Remove entries of ``folder`` named ``<prefix><pid>-...`` whose process is gone (what a
    killed run left); return them. Symlinks are removed, never followed."""
    import shutil

    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        if not name.startswith(prefix):
            continue
        m = re.match(r"(\d+)-", name[len(prefix):])
        if not m or _pid_alive(int(m.group(1))):
            continue
        p = folder / name
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                p.unlink()
        removed.append(p)
    return removed


# --------------------------------------------------------------------------------------------
# Interrupts: never swallowed
# --------------------------------------------------------------------------------------------

_interrupts = {"n": 0}


def _on_interrupt(signum, frame):
    _interrupts["n"] += 1
    raise KeyboardInterrupt


def interrupted() -> int:
    """How many SIGINTs arrived while :func:`noting_interrupts` was active."""
    return _interrupts["n"]


def check_interrupted() -> None:
    """Raise ``KeyboardInterrupt`` if a Ctrl-C arrived, even one whose exception was lost.

    Python runs a signal handler between any two bytecodes, also inside a ``__del__`` or a
    garbage-collector callback (openpyxl and matplotlib make many); an exception raised there
    is printed as "Exception ignored" and dropped, and the run would go on as if nothing
    happened. Writers call this before they move a file into place.
    """
    if _interrupts["n"]:
        raise KeyboardInterrupt


@contextlib.contextmanager
def noting_interrupts() -> Iterator[None]:
    """Count every SIGINT (and still raise ``KeyboardInterrupt``) for the duration of the block,
    so :func:`check_interrupted` sees a Ctrl-C whose exception was swallowed. Outside the main
    thread (signals go to the main thread only) this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)
    if previous is _on_interrupt:  # nested
        yield
        return
    if previous in (signal.SIG_IGN, None):  # the caller ignores Ctrl-C: keep it that way
        yield
        return
    _interrupts["n"] = 0
    signal.signal(signal.SIGINT, _on_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        _interrupts["n"] = 0


# --------------------------------------------------------------------------------------------
# Spreadsheet-safe cells
# --------------------------------------------------------------------------------------------

#: A text cell starting with one of these is a formula to a spreadsheet.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")


def _risky(v: object) -> bool:
    return isinstance(v, str) and v.startswith(FORMULA_TRIGGERS)


def escape_formulas(df: pd.DataFrame) -> pd.DataFrame:
    r"""``df`` with every text cell (and column name) that a spreadsheet would run as a formula
    prefixed by an apostrophe. Numbers, times and missing values are left alone.

    Examples
    --------
    >>> df = pd.DataFrame({"outlet": ["=HYPERLINK(\"http://x\")", "Reuters", "-2+3"],
    ...                    "n": [-3, 1, 2]})
    >>> escape_formulas(df).to_dict("list")
    {'outlet': ['\'=HYPERLINK("http://x")', 'Reuters', "'-2+3"], 'n': [-3, 1, 2]}
    """
    out = df.copy()
    out.columns = ["'" + c if _risky(c) else c for c in out.columns]
    for col in out.columns:
        s = out[col]
        if isinstance(s.dtype, pd.CategoricalDtype):
            if not any(_risky(c) for c in s.cat.categories):
                continue
            s = s.astype("object")
        elif not (s.dtype == object or pd.api.types.is_string_dtype(s.dtype)):
            continue
        mask = s.map(_risky).astype(bool)
        if mask.any():
            s = s.astype("object").copy()
            s[mask] = "'" + s[mask].astype(str)
            out[col] = s
    return out


def write_csv(df: pd.DataFrame, path_or_buf, *, sep: str = ",") -> None:
    """Write ``df`` as a spreadsheet-safe CSV (or TSV with ``sep="\\t"``): flattened (see
    :func:`flatten`), formulas escaped (:func:`escape_formulas`), and rows ended by CRLF as
    RFC 4180 says, so that a carriage return inside a title is quoted and cannot start a new
    row in a spreadsheet (with bare LF endings it is written unquoted)."""
    escape_formulas(flatten(df)).to_csv(path_or_buf, index=False, sep=sep, lineterminator="\r\n")


def write_excel_sheet(df: pd.DataFrame, writer: pd.ExcelWriter, sheet_name: str) -> None:
    """Write ``flatten(df, excel=True)`` to one sheet of an openpyxl ``writer``; text that
    starts like a formula is kept as text (quote prefix), never turned into a formula."""
    flat = flatten(df, excel=True)
    flat.to_excel(writer, sheet_name=sheet_name, index=False)
    ws = writer.sheets[sheet_name]
    cells = [(1, j) for j, c in enumerate(flat.columns) if _risky(c)]
    for j, col in enumerate(flat.columns):
        s = flat[col]
        if isinstance(s.dtype, pd.CategoricalDtype):
            if not any(_risky(c) for c in s.cat.categories):
                continue
        elif not (s.dtype == object or pd.api.types.is_string_dtype(s.dtype)):
            continue
        rows = [i for i, v in enumerate(s.astype("object")) if _risky(v)]
        cells += [(i + 2, j) for i in rows]
    for row, j in cells:
        cell = ws.cell(row=row, column=j + 1)
        cell.data_type = "s"  # openpyxl took a leading "=" for a formula
        cell.quotePrefix = True


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
    atomically (see :func:`atomic_path`). CSV/TSV and Excel cells that a spreadsheet would take
    for a formula are escaped (see the module docstring); JSON Lines and Parquet are raw.
    """
    if path == "-" or hasattr(path, "write"):
        stream = sys.stdout if path == "-" else path
        fmt = (format or "csv").lower()
        if fmt == "jsonl":
            df.to_json(stream, orient="records", lines=True, date_format="iso", force_ascii=False)
        elif fmt == "csv":
            write_csv(df, stream)
        else:
            raise ValueError(f"cannot write {fmt} to a stream; give a file name")
        return
    fmt = table_format(path, format)
    with atomic_path(path) as tmp:
        if fmt == "csv":
            sep = "\t" if str(path).lower().endswith(".tsv") else ","
            write_csv(df, tmp, sep=sep)
        elif fmt == "jsonl":
            df.to_json(tmp, orient="records", lines=True, date_format="iso", force_ascii=False)
        elif fmt == "parquet":
            df.to_parquet(tmp, index=False)
        else:
            with pd.ExcelWriter(tmp, engine="openpyxl") as xl:
                write_excel_sheet(df, xl, "Sheet1")


#: Rows an Excel sheet holds below its header row (the format's limit is 1,048,576 rows).
EXCEL_MAX_ROWS = 1_048_575


class ExcelStream:
    """An Excel workbook written one sheet and one chunk of rows at a time (openpyxl's
    write-only mode): memory holds one chunk, whatever the size of the tables. Cells are what
    :func:`write_excel_sheet` writes: ``flatten(df, excel=True)``, header in bold, and text that
    starts like a formula kept as text (quote prefix), never turned into a formula.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "t.xlsx"
    >>> with ExcelStream(path) as book:
    ...     book.add_sheet("t", [pd.DataFrame({"n": [1, 2]}), pd.DataFrame({"n": [3]})])
    3
    """

    def __init__(self, path: str | os.PathLike):
        from openpyxl import Workbook

        self.path = Path(path)
        self.book = Workbook(write_only=True)

    def add_sheet(self, name: str, chunks, *, max_rows: int | None = None) -> int:
        """Append a sheet with the rows of the DataFrames ``chunks`` (an iterable; one header
        from the first). Returns the rows written; rows past ``max_rows`` (default
        :data:`EXCEL_MAX_ROWS`, what a sheet holds) are left out (the caller says so)."""
        max_rows = EXCEL_MAX_ROWS if max_rows is None else max_rows
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        ws = self.book.create_sheet(title=name)
        bold = Font(bold=True)
        written = 0
        header = False

        def text_cell(v: str) -> WriteOnlyCell:
            cell = WriteOnlyCell(ws, value=v)
            cell.data_type = "s"
            cell.quotePrefix = True
            return cell

        for chunk in chunks:
            flat = flatten(chunk, excel=True)
            if not header:
                row = []
                for c in flat.columns:
                    cell = text_cell(c) if _risky(c) else WriteOnlyCell(ws, value=c)
                    cell.font = bold
                    row.append(cell)
                ws.append(row)
                header = True
            take = min(len(flat), max_rows - written)
            if take <= 0:
                break
            cols = []
            for col in flat.columns:
                s = flat[col].iloc[:take]
                if isinstance(s.dtype, pd.DatetimeTZDtype):
                    s = s.dt.tz_localize(None)
                if pd.api.types.is_datetime64_dtype(s.dtype):
                    s = s.dt.floor("us")  # what a Python datetime holds (Excel: ms)
                vals = s.astype("object").tolist()
                cols.append([None if v is None or v is pd.NA or v is pd.NaT
                             or (isinstance(v, float) and v != v)
                             else text_cell(v) if _risky(v)
                             else v.to_pydatetime() if isinstance(v, pd.Timestamp)
                             else v.item() if hasattr(v, "item") and not isinstance(v, str)
                             else v for v in vals])
            for row in zip(*cols, strict=True):
                ws.append(row)
            written += take
        if not header:
            ws.append([])
        return written

    def close(self) -> None:
        self.book.save(self.path)

    def __enter__(self) -> ExcelStream:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is None:
            self.close()


def write_csv_chunks(chunks, path: str | os.PathLike, *, sep: str = ",") -> int:
    """Write the DataFrames ``chunks`` one after another as one spreadsheet-safe CSV (as
    :func:`write_csv`; the header from the first chunk). Returns the rows written."""
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        for i, chunk in enumerate(chunks):
            escape_formulas(flatten(chunk)).to_csv(fh, index=False, sep=sep, header=i == 0,
                                                   lineterminator="\r\n")
            n += len(chunk)
    return n
