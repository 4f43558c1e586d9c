"""Errors that name the file, the line and what was expected."""

from __future__ import annotations

from pathlib import Path


class InputError(ValueError):
    """A bad input record, reported like a compiler error: ``path:line: problem``.

    Parameters
    ----------
    path : str or Path
        The file the record came from.
    line : int or None
        1-based line (or record) number inside ``path``; ``None`` for the whole file.
    message : str
        What is wrong and, where it helps, what was expected.

    Examples
    --------
    >>> str(InputError("feed.jsonl", 57, 'field "published" is "yesterday"'))
    'feed.jsonl:57: field "published" is "yesterday"'
    """

    def __init__(self, path: str | Path, line: int | None, message: str):
        self.path = str(path)
        self.line = line
        self.message = message
        where = self.path if line is None else f"{self.path}:{line}"
        super().__init__(f"{where}: {message}")


class SchemaError(ValueError):
    """A table does not have the columns or types declared in :mod:`coverage_kit.schema`."""
