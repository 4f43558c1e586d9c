"""Extraction steps: quotes (with speakers) and international reactions.

Each step is a pure function of one article's text (:func:`extract_quotes`,
:func:`extract_reactions`) plus a table-level function over the ARTICLES table
(:func:`quotes_table`, :func:`reactions_table`) that returns a DataFrame declared in
:mod:`coverage_kit.schema`.
"""

from .quotes import Quote, extract_quotes, quotes_table
from .reactions import Reaction, extract_reactions, reactions_table

__all__ = ["Quote", "Reaction", "extract_quotes", "extract_reactions", "quotes_table",
           "reactions_table"]
