"""coverage-kit: how news outlets cover an event.

Load a corpus, tag outlets and wire copy, extract quotes and international reactions, and
turn them into tables, charts and reports. Every step speaks pandas DataFrames whose columns
are declared in :mod:`coverage_kit.schema`.
"""

from __future__ import annotations

from .errors import InputError, SchemaError

__version__ = "0.1.0"

__all__ = ["InputError", "SchemaError", "__version__"]
