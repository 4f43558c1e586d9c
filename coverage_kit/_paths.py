"""Where the tables shipped with coverage-kit live.

In a source checkout (and the editable install ``dev.py`` makes) they are in ``data/`` at the
repository root, where users read and extend them. A built wheel carries the same files in
``coverage_kit/resources/`` (symbolic links to ``data/`` in the repository, copied at build).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_file(name: str) -> Path:
    """Path of the shipped table ``name`` (e.g. ``"outlets.csv"``).

    >>> data_file("outlets.csv").name
    'outlets.csv'
    """
    for folder in (_PACKAGE.parent / "data", _PACKAGE / "resources"):
        path = folder / name
        if path.is_file():
            return path
    raise FileNotFoundError(f"coverage-kit's table {name} is missing from {_PACKAGE.parent / 'data'} "
                            f"and {_PACKAGE / 'resources'}; reinstall coverage-kit")


def data_dir() -> Path:
    """The folder holding the shipped tables (``data/`` in a checkout)."""
    return data_file("outlets.csv").parent
