"""Columns and dtypes of every table coverage-kit produces, in one place.

Every pipeline step returns a long-form :class:`pandas.DataFrame` whose columns are declared
here and checked on the way out with :func:`conform`. Columns a user brought along (for
example PolNeAR's ``compartment``) are kept *after* the declared ones.

Character offsets (``start``/``end`` and friends) are 0-based, end-exclusive Unicode code
point offsets into the article's ``text`` exactly as stored in the ARTICLES table.

ARTICLES
    article_id        string    stable id: hash of outlet, publication date, title and text
                                (not of the file path), the same on every run and machine
    title             string    headline
    text              string    body text, site chrome removed
    published         datetime  tz-aware UTC
    published_precision category "timestamp" or "date" (a date-only source is stored at 00:00 UTC)
    outlet            category  canonical outlet name (see ``data/outlets.csv``); ordered
    outlet_country    string    ISO 3166-1 alpha-3 of the outlet
    outlet_language   string    ISO 639-1 of the outlet's main language
    outlet_source     category  where ``outlet`` came from: "registry" (``data/outlets.csv`` or
                                the user's table, with country and language), "metadata" (the
                                source's publisher or site-name field, as given) or "domain" (a
                                name made from the web domain, ``express.co.uk`` -> "Express",
                                country from the domain's country code). Add "metadata" and
                                "domain" outlets to your own registry table to fix their names
                                and countries; <NA> when the article names no outlet at all
    aggregator        string    site that republished the article (e.g. "The Limited Times")
    wires             object    list of canonical wire agencies credited (may be empty)
    author            string    byline as given
    url               string
    language          string    ISO 639-1 of the text (detected when the source has none)
    story_id          string    shared by near-duplicate (syndicated) copies of one story
    source_path       string    file the article came from
    source_line       Int64     1-based line or record number inside ``source_path``
    n_words           Int64     words in ``text``
    format            category  loader that read it: aggregator, text, html, feed, table, folder
    published_offset  Int64     UTC offset of the publisher's local time, in minutes east of
                                UTC (540 for +09:00): as the source gave it; when the source
                                gave the time in UTC ("Z") and the outlet's country has one
                                offset at that moment (all its zones agree), that offset. <NA> when the
                                source gave no zone, or only a day. ``published + offset`` is
                                the publisher's local time: its calendar day is the day
                                printed on the page. A day written as
                                a midnight timestamp without zone (news-please's
                                "2016-11-09 00:00:00") is a date, not a time.
    language_source   category  where ``language`` comes from: "metadata" (the source's field,
                                confirmed or not contradicted by the text), "detected" (the
                                source had none), "corrected" (the source's field contradicted
                                a confident detection on a long enough text and was replaced);
                                <NA> when the language is unknown
    chrome_lines      Int64     lines of page chrome (newsletter sign-ups, cookie notices,
                                share/follow prompts, "Read more" boxes) removed from ``text``
                                before anything else reads it

Extra columns a source brings (``category`` and ``description`` in news-please/Giveme5W1H
exports, ``compartment`` in PolNeAR, ``date_modify``) are kept after these; nested values are
kept as JSON text. ``published_from`` says where a publication time came from when it was not
the source's own publication field: ``date_modify`` (the source gave only a modification
date), ``url`` (a day in the URL path) or ``htmldate`` (a page with no publication metadata,
dated by trafilatura/htmldate).

``encoding_repairs`` (Int64, always present after the declared columns) counts the repairs
made to the record's text: lines of a mostly-UTF-8 file that were not valid UTF-8 and were
decoded on their own (as Windows-1252 when that fits, else with U+FFFD), and lone surrogates
(broken UTF-16 escapes in JSON) replaced by U+FFFD. 0 for a clean record; filter on
``articles["encoding_repairs"] > 0`` to check or drop repaired text. A file with no UTF-8 in
it at all is read in its one legacy encoding and counts no repairs.

REJECTS
    source_path, source_line  where the input was
    code              category  machine-readable reason (see :data:`REJECT_CODES`)
    reason            string    a sentence a person understands
    duplicate_of      string    article_id kept instead, for ``code == "duplicate"``

QUOTES  (one row per quote, see :func:`coverage_kit.quotes_table`)
REACTIONS  (one row per statement, see :func:`coverage_kit.reactions_table`)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from .errors import SchemaError

UTC_TS = "datetime64[ns, UTC]"

ARTICLES: dict[str, str] = {
    "article_id": "string",
    "title": "string",
    "text": "string",
    "published": UTC_TS,
    "published_precision": "category",
    "outlet": "category",
    "outlet_country": "string",
    "outlet_language": "string",
    "outlet_source": "category",
    "aggregator": "string",
    "wires": "object",
    "author": "string",
    "url": "string",
    "language": "string",
    "story_id": "string",
    "source_path": "string",
    "source_line": "Int64",
    "n_words": "Int64",
    "format": "category",
    "published_offset": "Int64",
    "language_source": "category",
    "chrome_lines": "Int64",
}

REJECTS: dict[str, str] = {
    "source_path": "string",
    "source_line": "Int64",
    "code": "category",
    "reason": "string",
    "duplicate_of": "string",
}

#: Reject codes and what they mean.
REJECT_CODES: dict[str, str] = {
    "unreadable": "the file could not be read (permissions, I/O error)",
    "encoding": "the bytes are not text in any encoding we could verify",
    "binary": "the file is binary, not text",
    "empty": "the file or record has no text",
    "malformed": "the file or record is not valid in its format (JSON, CSV, XML, ...)",
    "missing_title": "no title could be found",
    "missing_date": "no publication date was given",
    "bad_date": "the date could not be parsed, or is relative ('yesterday')",
    "unsupported": "not an article format coverage-kit reads",
    "duplicate": "an exact duplicate of an article already loaded",
    "no_metadata": "a text file with no usable row in its folder's metadata table (no row, "
                   "several rows, a bare name shared by two files, or a table that cannot be "
                   "read: the reason says which)",
    "no_file": "a metadata-table row that names no file on disk (source_path is the table, "
               "source_line the row)",
    "ignored": "not an article and not a problem: a hidden file (name starting with a dot), a "
               "system or temporary file (Thumbs.db, desktop.ini, *~), a README/LICENSE, or a "
               "file matched by .ckignore; listed so that every file is accounted for",
    "too_large": "the input passes a resource limit (bytes per file after decompression, "
                 "characters per field, columns per table; see coverage_kit.readers.Limits)",
    "not_a_file": "a FIFO, device or socket found where a file was expected: never read, "
                  "since reading it could block forever or never end",
}

QUOTES: dict[str, str] = {
    "article_id": "string",
    "outlet": "category",
    "published": UTC_TS,
    "quote": "string",
    "start": "Int64",
    "end": "Int64",
    "kind": "category",  # direct | indirect | mixed
    "speaker": "string",  # resolved name, <NA> when unknown
    "speaker_id": "string",  # one id for every spelling of one speaker across the corpus
    "speaker_mention": "string",  # local mention: "he" in '..., he said'
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "carried": "boolean",  # speaker carried over from context
    "cue": "string",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "speaker_role": "string",
    "speaker_type": "category",  # person | organisation | group | unknown
    "polarity": "float64",  # TextBlob, -1..1
    "subjectivity": "float64",  # TextBlob, 0..1
}

REACTIONS: dict[str, str] = {
    "article_id": "string",
    "outlet": "category",
    "outlet_country": "string",  # geography 1: where the outlet is
    "published": UTC_TS,
    "focus": "string",  # geography 3: the country the event is about (ISO alpha-3)
    "country": "string",  # geography 2: the reacting actor's country or organisation code
    "actor": "string",
    "actor_role": "string",
    "actor_kind": "category",  # state | organisation
    "stance": "category",  # condemn | concern | support | neutral
    "domestic": "boolean",  # statement by the focus country's own side: not a reaction
    "polarity": "float64",
    "subjectivity": "float64",
    "text": "string",
    "start": "Int64",
    "end": "Int64",
    "cue": "string",
}

#: Columns :func:`coverage_kit.reactions_table` adds after the REACTIONS columns. Tables built
#: elsewhere may lack them; functions that read them check first.
REACTIONS_EXTRA: dict[str, str] = {
    "stance_confidence": "float64",  # 0..1, how clearly the cues point at the stance
    "relevant": "boolean",  # about the focus (False rows only with off_topic=True)
    "source": "string",  # "quote" or "action"
    "evidence": "string",  # the stance cues that decided it, "; "-separated
}

#: The stances, strongest first: the one list every module uses.
STANCES = ("condemn", "concern", "support", "neutral")
OUTLET_SOURCES = ("registry", "metadata", "domain")
QUOTE_KINDS = ("direct", "indirect", "mixed")


def require_columns(df: pd.DataFrame, columns: Iterable[str], name: str = "table", *,
                    expected: str | None = None) -> None:
    """Raise :class:`~coverage_kit.errors.SchemaError` unless ``df`` has every one of
    ``columns``: the check every public function that takes a table makes first.

    Parameters
    ----------
    df : DataFrame
        The table given.
    columns : iterable of str
        The columns the function reads.
    name : str, default "table"
        What the message calls the table ("articles", "quotes", "plot_reactions_map: data").
    expected : str, optional
        Where such a table comes from ("the table of tables.speaker_counts(quotes)"), added
        to the message.

    Raises
    ------
    TypeError
        When ``df`` is not a DataFrame.
    SchemaError
        When a column is missing; the message lists the columns present.

    Examples
    --------
    >>> require_columns(pd.DataFrame({"outlet": ["DW"]}), ["outlet", "published"], "articles")
    Traceback (most recent call last):
    ...
    coverage_kit.errors.SchemaError: articles is missing column(s) 'published'; it has: 'outlet'
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, not {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        have = ", ".join(repr(c) for c in df.columns) or "no columns"
        where = f"; expected {expected}" if expected else ""
        raise SchemaError(f"{name} is missing column(s) {', '.join(repr(c) for c in missing)}; "
                          f"it has: {have}{where}")


def empty(schema: Mapping[str, str]) -> pd.DataFrame:
    """An empty table with the columns and dtypes of ``schema``.

    Examples
    --------
    >>> empty(REJECTS).columns.tolist()
    ['source_path', 'source_line', 'code', 'reason', 'duplicate_of']
    """
    return conform(pd.DataFrame({c: pd.Series([], dtype="object") for c in schema}), schema)


def conform(df: pd.DataFrame, schema: Mapping[str, str], *, name: str = "table") -> pd.DataFrame:
    """Check that ``df`` has every column of ``schema`` and cast them to the declared dtypes.

    Declared columns come first, in schema order; any other columns follow unchanged.

    Raises
    ------
    SchemaError
        When a declared column is missing (the message lists those present) or cannot be cast.

    Examples
    --------
    >>> conform(pd.DataFrame({"a": [1]}), {"a": "Int64", "b": "string"})
    Traceback (most recent call last):
    ...
    coverage_kit.errors.SchemaError: table is missing column(s) 'b'; it has: 'a'
    """
    require_columns(df, schema, name)
    out = {}
    for col, dtype in schema.items():
        s = df[col]
        try:
            if dtype == UTC_TS:
                s = pd.to_datetime(s, utc=True).astype(UTC_TS)
            elif dtype == "object":
                s = s.astype("object")
            elif str(s.dtype) != dtype:
                s = s.astype(dtype)
        except (TypeError, ValueError) as exc:
            raise SchemaError(f"{name}: column {col!r} cannot be read as {dtype}: {exc}") from exc
        out[col] = s
    extra = [c for c in df.columns if c not in schema]
    result = pd.DataFrame(out, index=df.index)
    if extra:  # in one step: column by column is quadratic in a 20,000-column table
        result = pd.concat([result, df[extra]], axis=1)
    return result.reset_index(drop=True)
