"""Aggregations over a corpus store, run in DuckDB.

The functions here take a :class:`coverage_kit.store.Store` and filters, and return the small
aggregated DataFrames that charts, the dashboard and the report draw: a million-article store
is never read into pandas. Each mirrors a function of :mod:`coverage_kit.tables` (named in its
docstring) and returns the same columns, so one chart function draws either.
"""

from __future__ import annotations
