"""coverage-kit: how news outlets cover an event.

Load a corpus, tag outlets and wire copy, extract quotes and international reactions, and
turn them into tables, charts and reports. Every step speaks pandas DataFrames whose columns
are declared in :mod:`coverage_kit.schema`.

>>> import coverage_kit as ck
>>> articles, rejects = ck.load_articles("data/sample")          # doctest: +SKIP
>>> quotes = ck.quotes_table(articles)                           # doctest: +SKIP
>>> reactions = ck.reactions_table(articles, focus="XVA")        # doctest: +SKIP

The pipeline steps (loading, tagging, extraction, tables) import no plotting or widget
library. Charts (``ck.plots``, ``ck.theme``, ``ck.save_figure``), the report
(``ck.write_report``) and the notebook widgets (``ck.widgets``) load matplotlib or ipywidgets
only when first used.
"""

from __future__ import annotations

import importlib
from typing import Any

from .errors import InputError, SchemaError
from .loader import LoadResult, load_articles

__version__ = "0.1.0"

#: Names served lazily: attribute -> (module, attribute or None for the module itself).
_LAZY: dict[str, tuple[str, str | None]] = {
    "schema": (".schema", None),
    "tables": (".tables", None),
    "plots": (".plots", None),
    "widgets": (".widgets", None),
    "queries": (".queries", None),
    "open_store": (".store", "open_store"),
    "extract_quotes": (".extract.quotes", "extract_quotes"),
    "quotes_table": (".extract.quotes", "quotes_table"),
    "Quote": (".extract.quotes", "Quote"),
    "extract_reactions": (".extract.reactions", "extract_reactions"),
    "reactions_table": (".extract.reactions", "reactions_table"),
    "Reaction": (".extract.reactions", "Reaction"),
    "detect_focus": (".extract.reactions", "detect_focus"),
    "corpus_focus": (".extract.reactions", "corpus_focus"),
    "classify_stance": (".extract.stance", "classify_stance"),
    "resolve_actor": (".extract.actors", "resolve_actor"),
    "ActorResolver": (".extract.actors", "ActorResolver"),
    "tag_articles": (".tagger", "tag_articles"),
    "OutletRegistry": (".tagger", "OutletRegistry"),
    "find_wires": (".tagger", "find_wires"),
    "parse_date": (".dates", "parse_date"),
    "write_table": (".export", "write_table"),
    "theme": (".theme", "theme"),
    "outlet_palette": (".theme", "outlet_palette"),
    "save_figure": (".theme", "save_figure"),
    "write_report": (".report", "write_report"),
    "build": (".build", "build"),
    "BuildResult": (".build", "BuildResult"),
    "dashboard": (".widgets", "dashboard"),
    "coverage_explorer": (".widgets", "coverage_explorer"),
    "quote_explorer": (".widgets", "quote_explorer"),
    "reaction_explorer": (".widgets", "reaction_explorer"),
    "FilterState": (".widgets", "FilterState"),
}

__all__ = ["InputError", "LoadResult", "SchemaError", "__version__", "load_articles",
           *_LAZY]


def __getattr__(name: str) -> Any:
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'coverage_kit' has no attribute {name!r}") from None
    mod = importlib.import_module(module, __name__)
    value = mod if attr is None else getattr(mod, attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
