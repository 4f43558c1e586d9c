"""Aggregations over a corpus store, run in DuckDB.

The functions here take a :class:`coverage_kit.store.Store` and filters, and return the small
aggregated DataFrames that charts, the dashboard and the report draw: a million-article store
is never read into pandas. Each mirrors a function of :mod:`coverage_kit.tables` (named in its
docstring) and returns the same columns, so one chart function draws either.
"""

from __future__ import annotations


# ============================================================================================
# Report (coverage_kit.report over a store): the aggregates of every table and chart
# ============================================================================================
#
# Each ``report_*`` function takes a Store and a :class:`ReportFilter` and returns the table
# the in-memory function of :mod:`coverage_kit.tables` named in its docstring returns, in the
# same columns, dtypes and order, so the report draws and writes it the same way. Memory is
# bounded by the size of the result (outlets x time bins, speakers, countries), never by the
# number of rows or the span of the corpus.

import contextlib as _contextlib  # noqa: E402
import dataclasses as _dc  # noqa: E402
from collections.abc import Iterator as _Iterator  # noqa: E402
from typing import Any as _Any  # noqa: E402

import numpy as _np  # noqa: E402
import pandas as _pd  # noqa: E402

from . import schema as _schema  # noqa: E402
from . import tables as _T  # noqa: E402

#: Rows fetched at a time when a listing (articles, quotes, reactions) is streamed to files.
CHUNK_ROWS = 50_000
_BINS = {"hour": "hour", "day": "day", "week": "week", "month": "month"}


@_dc.dataclass(frozen=True)
class ReportFilter:
    """The report's filters as SQL: ``start``/``end`` (``end`` inclusive, a bare date is the
    whole day) and ``outlets`` (exact names), applied to every table by its own ``published``
    and ``outlet``."""

    start: _Any = None
    end: _Any = None
    outlets: tuple[str, ...] | None = None

    def where(self, alias: str = "") -> tuple[str, list]:
        a = f"{alias}." if alias else ""
        parts, params = ["TRUE"], []
        lo, hi = _T._utc(self.start), _T._end_bound(self.end)
        if lo is not None:
            parts.append(f"{a}published >= ?")
            params.append(lo.to_pydatetime())
        if hi is not None:
            parts.append(f"{a}published <= ?")
            params.append(hi.floor("us").to_pydatetime())  # DuckDB times are microseconds
        if self.outlets is not None:
            if not self.outlets:
                parts.append("FALSE")
            else:
                parts.append(f"CAST({a}outlet AS VARCHAR) IN ("
                             + ", ".join("?" * len(self.outlets)) + ")")
                params += list(self.outlets)
        return " AND ".join(parts), params


@_contextlib.contextmanager
def memory_limit(store, limit: str = "1GB") -> _Iterator[None]:
    """Cap DuckDB's memory on the store's connection for a block (sorts and joins past it
    spill to a temporary folder, removed after), then restore the previous settings.
    DuckDB's own default is 80 % of the machine's memory."""
    import shutil
    import tempfile

    old = {k: store.sql(f"SELECT current_setting('{k}')").fetchone()[0]
           for k in ("memory_limit", "temp_directory")}
    spill = tempfile.mkdtemp(prefix="coverage-kit-duckdb-")
    try:
        store.sql(f"SET memory_limit = '{limit}'")
        store.sql(f"SET temp_directory = '{spill}'")
        yield
    finally:
        for k, v in old.items():
            try:
                store.sql(f"SET {k} = '{v}'")
            except Exception:  # noqa: BLE001 - a setting DuckDB will not take back stays
                pass
        shutil.rmtree(spill, ignore_errors=True)


def _columns(store, table: str) -> list[str]:
    """The columns of a store table, in its order."""
    return [r[0] for r in store.sql(f"DESCRIBE {table}").fetchall()]


def _reader(store, sql: str, params: list, chunk_rows: int):
    """The result of ``sql`` as Arrow record batches of at most ``chunk_rows`` rows, fetched
    as they are read (never the whole result at once)."""
    return store.con.sql(sql, params=params).to_arrow_reader(chunk_rows)


def _ts(s: _pd.Series) -> _pd.Series:
    return _pd.to_datetime(s, utc=True).astype(_schema.UTC_TS)


def report_outlets(store, *, outlets: tuple[str, ...] | None = None) -> _pd.DataFrame:
    """Articles per outlet over the whole store (``outlet``, ``n``), outlets in the order
    the loader gives them (sorted by name): the categories of every table's ``outlet``."""
    rows = store.sql("SELECT CAST(outlet AS VARCHAR) AS outlet, count(*) AS n FROM articles "
                     "WHERE outlet IS NOT NULL GROUP BY 1").df()
    rows = rows.sort_values("outlet", key=lambda s: s.map(str)).reset_index(drop=True)
    return rows


def outlet_dtype(store) -> _pd.CategoricalDtype:
    """The ordered outlet categories of the store (as :func:`coverage_kit.load_articles`)."""
    return _pd.CategoricalDtype(sorted(report_outlets(store)["outlet"].tolist()), ordered=True)


def report_span(store, flt: ReportFilter) -> tuple[_pd.Timestamp | None, _pd.Timestamp | None]:
    """First and last ``published`` of the filtered articles."""
    where, params = flt.where()
    lo, hi = store.sql(f"SELECT min(published), max(published) FROM articles WHERE {where}",
                       params).fetchone()
    conv = (lambda v: None if v is None else _pd.Timestamp(v).tz_convert("UTC")
            if _pd.Timestamp(v).tzinfo else _pd.Timestamp(v).tz_localize("UTC"))
    return conv(lo), conv(hi)


def report_coverage_timeline(store, flt: ReportFilter, *, freq: str = "auto",
                             by: str | None = "outlet", dedupe_syndicated: bool = False,
                             dtype: _pd.CategoricalDtype | None = None) -> _pd.DataFrame:
    """:func:`coverage_kit.tables.coverage_timeline` over the store's filtered articles."""
    dtype = dtype or outlet_dtype(store)
    lo, hi = report_span(store, flt)
    step = _T.choose_freq(None, freq=freq, start=lo, end=hi) if lo is not None else \
        _T.choose_freq(None, freq=freq)
    where, params = flt.where()
    where += " AND published IS NOT NULL"
    n_date_only = 0
    if step == "hour" and "published_precision" in _columns(store, "articles"):
        n_date_only = int(store.sql(
            f"SELECT count(*) FROM articles WHERE {where} AND "
            "CAST(published_precision AS VARCHAR) = 'date'", params).fetchone()[0])
        where += " AND CAST(published_precision AS VARCHAR) IS DISTINCT FROM 'date'"
    source = f"(SELECT * FROM articles WHERE {where})"
    if dedupe_syndicated and "story_id" in _columns(store, "articles"):
        # one row per story: its earliest copy (ties: the outlet first in outlet order, which
        # is the name order); articles without a story_id are kept
        source = (f"(SELECT * FROM {source} WHERE story_id IS NULL UNION ALL "
                  f"SELECT * FROM {source} WHERE story_id IS NOT NULL QUALIFY row_number() "
                  "OVER (PARTITION BY story_id ORDER BY published, CAST(outlet AS VARCHAR)) "
                  "= 1)")
        params = params * 2
    outlet_sql = "CAST(outlet AS VARCHAR)" if by == "outlet" else f"'{_T.ALL_OUTLETS}'"
    counts = store.sql(
        f"SELECT {outlet_sql} AS outlet, date_trunc('{_BINS[step]}', published) AS period, "
        f"count(*) AS n_articles FROM {source} GROUP BY 1, 2", params).df()
    if by is None:
        dtype = _pd.CategoricalDtype([_T.ALL_OUTLETS], ordered=True)
    if counts.empty:
        out = _schema.conform(_pd.DataFrame({c: [] for c in _T.TIMELINE}), _T.TIMELINE,
                              name="timeline")
    else:
        counts["period"] = _ts(counts["period"])
        periods = _T.bin_range(counts["period"].min(), counts["period"].max(), step)
        present = [o for o in dtype.categories if o in set(counts["outlet"])]
        full = _pd.MultiIndex.from_product([present, periods], names=["outlet", "period"])
        counts = (counts.set_index(["outlet", "period"])["n_articles"]
                  .reindex(full, fill_value=0).reset_index())
        out = _schema.conform(counts[["period", "outlet", "n_articles"]], _T.TIMELINE,
                              name="timeline")
    out = _T._with_outlet_dtype(out, dtype)
    out.attrs.update(n_date_only=n_date_only, dedupe_syndicated=bool(dedupe_syndicated),
                     freq=step)
    return out


def _speaker_source(store, flt: ReportFilter, *, groups: bool = False) -> tuple[str, list]:
    """The quotes :func:`coverage_kit.tables.speaker_counts` counts, as a SQL subquery with
    ``sid`` (speaker_id, else the name)."""
    cols = _columns(store, "quotes")
    where, params = flt.where()
    where += " AND speaker IS NOT NULL"
    if not groups and "speaker_type" in cols:
        where += " AND CAST(speaker_type AS VARCHAR) IS DISTINCT FROM 'group'"
    sid = "coalesce(speaker_id, speaker)" if "speaker_id" in cols else "speaker"
    return (f"(SELECT *, {sid} AS sid FROM quotes WHERE {where})", params)


def _display_names(store, src: str, params: list) -> str:
    """SQL of the most frequent spelling per speaker id (ties: longest, then by name)."""
    return (f"(SELECT sid, speaker AS name FROM (SELECT sid, speaker, count(*) AS n FROM {src} "
            "GROUP BY sid, speaker) QUALIFY row_number() OVER (PARTITION BY sid ORDER BY n "
            "DESC, length(speaker) DESC, speaker) = 1)")


def report_speaker_counts(store, flt: ReportFilter, *, by: str | None = "outlet",
                          top: int | None = None,
                          dtype: _pd.CategoricalDtype | None = None) -> _pd.DataFrame:
    """:func:`coverage_kit.tables.speaker_counts` over the store's filtered quotes."""
    schema = dict(_T.SPEAKER_COUNTS)
    if by is None:
        schema.pop("outlet")
    src, params = _speaker_source(store, flt)
    names = _display_names(store, src, params)
    limit = f"LIMIT {int(top)}" if top is not None else ""
    totals_sql = (f"SELECT t.sid AS speaker_id, d.name AS speaker, t.n_quotes, t.n_articles "
                  f"FROM (SELECT sid, count(*) AS n_quotes, count(DISTINCT article_id) AS "
                  f"n_articles FROM {src} GROUP BY sid) t JOIN {names} d USING (sid) "
                  f"ORDER BY n_quotes DESC, n_articles DESC, speaker, speaker_id {limit}")
    totals = store.sql(totals_sql, params * 2).df()
    if by is None:
        return _schema.conform(totals, schema, name="speaker_counts")
    dtype = dtype or outlet_dtype(store)
    if totals.empty:
        return _T._with_outlet_dtype(_schema.conform(_pd.DataFrame({c: [] for c in schema}),
                                                     schema, name="speaker_counts"), dtype)
    per = store.sql(
        f"WITH top AS ({totals_sql}) SELECT q.sid AS speaker_id, top.speaker, "
        "CAST(q.outlet AS VARCHAR) AS outlet, count(*) AS n_quotes, count(DISTINCT "
        f"q.article_id) AS n_articles FROM {src} q JOIN top ON q.sid = top.speaker_id "
        "GROUP BY 1, 2, 3", params * 3).df()
    rank = {sid: i for i, sid in enumerate(totals["speaker_id"])}
    per = _T._with_outlet_dtype(per, dtype)
    per["_rank"] = per["speaker_id"].map(rank)
    per = per.sort_values(["_rank", "outlet"]).drop(columns="_rank")
    return _T._with_outlet_dtype(_schema.conform(per, schema, name="speaker_counts"), dtype)


def report_sentiment_by_speaker(store, flt: ReportFilter, *, top: int | None = 20,
                                min_quotes: int = 2) -> _pd.DataFrame:
    """:func:`coverage_kit.tables.sentiment_by_speaker` over the store's filtered quotes."""
    schema = {"speaker_id": "string", "speaker": "string", **_T.SENTIMENT}
    src, params = _speaker_source(store, flt)
    names = _display_names(store, src, params)
    limit = f"LIMIT {int(top)}" if top is not None else ""
    out = store.sql(
        f"SELECT g.*, d.name AS speaker FROM ({_sentiment_sql(src, 'sid', 'TRUE')}) g "
        f"JOIN {names} d USING (sid) WHERE n >= {int(min_quotes)} "
        f"ORDER BY n DESC, speaker, sid {limit}", params * 2).df()
    out = out.rename(columns={"sid": "speaker_id"})
    return _finish_sentiment(out, schema, "sentiment_by_speaker")


def _sentiment_sql(src: str, key: str, readable: str) -> str:
    """Per ``key``: the aggregates of :func:`coverage_kit.tables._sentiment` (polarity only
    where ``readable``; subjectivity and the shares over every row, as there)."""
    p = f"CASE WHEN {readable} THEN CAST(polarity AS DOUBLE) END"
    return (f"SELECT {key}, count({p}) AS n, avg({p}) AS mean_polarity, "
            f"sum(CASE WHEN {p} IS NULL THEN 1 ELSE 0 END) AS n_unscored, "
            f"stddev_samp({p}) AS sd, avg(CAST(subjectivity AS DOUBLE)) AS mean_subjectivity, "
            f"avg(CASE WHEN {p} < -0.05 THEN 1.0 ELSE 0.0 END) AS share_negative, "
            f"avg(CASE WHEN {p} > 0.05 THEN 1.0 ELSE 0.0 END) AS share_positive "
            f"FROM {src} GROUP BY {key}")


def _finish_sentiment(g: _pd.DataFrame, schema: dict[str, str], name: str) -> _pd.DataFrame:
    if g.empty:
        return _schema.conform(_pd.DataFrame({c: [] for c in schema}), schema)
    half = 1.96 * g["sd"] / _np.sqrt(g["n"].where(g["n"] > 1))
    g["ci_low"] = g["mean_polarity"] - half
    g["ci_high"] = g["mean_polarity"] + half
    return _schema.conform(g, schema, name=name)[list(schema)].reset_index(drop=True)


_READABLE = ("(lang IS NULL OR lang = '' OR split_part(split_part(lower(lang), '-', 1), "
             "'_', 1) IN ({}))".format(", ".join(f"'{x}'" for x in sorted(_T.SCORED_LANGUAGES))))


def report_sentiment_by_outlet_quotes(store, flt: ReportFilter, *,
                                      dtype: _pd.CategoricalDtype | None = None) \
        -> _pd.DataFrame:
    """:func:`coverage_kit.tables.sentiment_by_outlet` of the filtered quotes, each scored
    only if its article's ``language`` is one TextBlob reads."""
    where, params = flt.where("q")
    lang = "q.language" if "language" in _columns(store, "quotes") else "a.language"
    src = (f"(SELECT CAST(q.outlet AS VARCHAR) AS outlet, q.polarity, q.subjectivity, "
           f"{lang} AS lang FROM quotes q LEFT JOIN (SELECT article_id, any_value(language) "
           "AS language FROM articles GROUP BY article_id) a USING (article_id) "
           f"WHERE {where})")
    return _sentiment_outlets(store, src, params, dtype)


def _sentiment_outlets(store, src: str, params: list,
                       dtype: _pd.CategoricalDtype | None) -> _pd.DataFrame:
    dtype = dtype or outlet_dtype(store)
    schema = {"outlet": "category", **_T.SENTIMENT}
    g = store.sql(_sentiment_sql(src, "outlet", _READABLE), params).df()
    g = g[g["outlet"].notna()]
    out = _T._with_outlet_dtype(_finish_sentiment(g, schema, "sentiment_by_outlet"), dtype)
    return out.sort_values("outlet").reset_index(drop=True)


def report_sentiment_by_outlet_articles(store, flt: ReportFilter, *,
                                        dtype: _pd.CategoricalDtype | None = None,
                                        chunk_rows: int = CHUNK_ROWS) -> _pd.DataFrame:
    """:func:`coverage_kit.tables.sentiment_by_outlet` of the filtered articles. A store whose
    articles carry ``polarity`` and ``subjectivity`` is aggregated in SQL; otherwise each
    article's title and text are scored with TextBlob, ``chunk_rows`` articles at a time
    (memory holds one chunk and three numbers per article)."""
    dtype = dtype or outlet_dtype(store)
    where, params = flt.where()
    if {"polarity", "subjectivity"} <= set(_columns(store, "articles")):
        src = (f"(SELECT CAST(outlet AS VARCHAR) AS outlet, polarity, subjectivity, language "
               f"AS lang FROM articles WHERE {where})")
        return _sentiment_outlets(store, src, params, dtype)
    parts = []
    reader = _reader(store, f"SELECT CAST(outlet AS VARCHAR) AS outlet, title, text, "
                     f"language FROM articles WHERE {where}", params, chunk_rows)
    for batch in reader:
        chunk = batch.to_pandas()
        scored = _T.article_polarity(chunk)
        parts.append(scored[["outlet", "language", "polarity", "subjectivity"]])
    data = (_pd.concat(parts, ignore_index=True) if parts else
            _pd.DataFrame({"outlet": [], "language": [], "polarity": [], "subjectivity": []}))
    data["outlet"] = _pd.Categorical(data["outlet"].astype("object"), dtype=dtype)
    return _T.sentiment_by_outlet(data)


def _reaction_source(store, flt: ReportFilter, include_domestic: bool = False) \
        -> tuple[str, list]:
    where, params = flt.where()
    where += " AND country IS NOT NULL"
    if not include_domestic and "domestic" in _columns(store, "reactions"):
        where += " AND NOT coalesce(domestic, FALSE)"
    return (f"(SELECT *, upper(CAST(country AS VARCHAR)) AS ucountry, CAST(outlet AS VARCHAR) "
            f"AS voutlet FROM reactions WHERE {where})", params)


def _kind_hint(store, flt: ReportFilter, src: str, params: list) -> dict[str, str]:
    if "actor_kind" not in _columns(store, "reactions"):
        return {}
    rows = store.sql(f"SELECT DISTINCT ucountry FROM {src} WHERE CAST(actor_kind AS VARCHAR) "
                     "= 'organisation'", params).fetchall()
    return {r[0]: "organisation" for r in rows if r[0] is not None}


def report_reactions_by_country_stance(store, flt: ReportFilter, *, entities=None) \
        -> _pd.DataFrame:
    """:func:`coverage_kit.tables.reactions_by_country_stance` over the store."""
    src, params = _reaction_source(store, flt)
    g = store.sql(f"SELECT ucountry AS country, CAST(stance AS VARCHAR) AS stance, count(*) AS "
                  "n_statements, count(DISTINCT article_id) AS n_articles, count(DISTINCT "
                  f"voutlet) AS n_outlets FROM {src} GROUP BY 1, 2", params).df()
    if g.empty:
        return _T._empty(_T.COUNTRY_STANCE, "reactions_by_country_stance")
    # the in-memory hint reads the domestic-filtered rows too
    hint = _kind_hint(store, flt, src, params)
    g["country_name"], g["kind"] = _T._names(g["country"].astype("string"), entities, hint)
    g["_total"] = g.groupby("country")["n_statements"].transform("sum")
    g["_stance"] = _pd.Categorical(g["stance"], dtype=_T._stance_dtype()).codes
    g = g.sort_values(["_total", "country_name", "_stance"], ascending=[False, True, True])
    return _T._finish(g, _T.COUNTRY_STANCE, "reactions_by_country_stance")


def report_reaction_timeline(store, flt: ReportFilter, *, start: _Any = None, entities=None,
                             dtype: _pd.CategoricalDtype | None = None) -> _pd.DataFrame:
    """:func:`coverage_kit.tables.reaction_timeline` over the store, T0 the given ``start``
    or the first filtered article."""
    dtype = dtype or outlet_dtype(store)
    src, params = _reaction_source(store, flt)
    lo, _ = report_span(store, flt)
    t0 = _T._utc(start) if start is not None else lo
    has_actor = "actor" in _columns(store, "reactions")
    actor = "actor" if has_actor else "NULL"
    first = store.sql(
        f"SELECT ucountry AS country, published, {actor} AS actor, CAST(stance AS VARCHAR) AS "
        f"stance, voutlet AS outlet, article_id, start, \"end\" FROM {src} "
        "WHERE published IS NOT NULL "
        "QUALIFY row_number() OVER (PARTITION BY ucountry ORDER BY published, voutlet, "
        "article_id, start, \"end\") = 1", params).df()
    if first.empty or t0 is None:
        out = _T._empty(_T.REACTION_TIMELINE, "reaction_timeline", dtype)
        out.attrs["start"] = t0
        return out
    first["published"] = _ts(first["published"])
    first = first.sort_values(["published", "outlet", "article_id", "start", "end"],
                              kind="stable")
    first = first.assign(first_published=first["published"],
                         hours=(first["published"] - t0).dt.total_seconds() / 3600.0)
    # the hint of the in-memory function reads every reaction, domestic ones included
    all_src, all_params = _reaction_source(store, flt, include_domestic=True)
    first["country_name"], first["kind"] = _T._names(
        first["country"].astype("string"), entities, _kind_hint(store, flt, all_src, all_params))
    out = _T._finish(first, _T.REACTION_TIMELINE, "reaction_timeline", dtype)
    out.attrs["start"] = t0
    return out


def report_reactions_by_outlet(store, flt: ReportFilter, *, entities=None,
                               dtype: _pd.CategoricalDtype | None = None) -> _pd.DataFrame:
    """:func:`coverage_kit.tables.reactions_by_outlet` over the store."""
    dtype = dtype or outlet_dtype(store)
    src, params = _reaction_source(store, flt)
    g = store.sql(f"SELECT voutlet AS outlet, ucountry AS country, count(*) AS n_statements, "
                  f"count(DISTINCT article_id) AS n_articles FROM {src} GROUP BY 1, 2",
                  params).df()
    if g.empty:
        return _T._empty(_T.REACTIONS_BY_OUTLET, "reactions_by_outlet", dtype)
    g["country_name"], _ = _T._names(g["country"].astype("string"), entities)
    g = _T._with_outlet_dtype(g, dtype)
    g = g.sort_values(["outlet", "n_statements", "country_name"], ascending=[True, False, True])
    return _T._finish(g, _T.REACTIONS_BY_OUTLET, "reactions_by_outlet", dtype)


def report_quote_propagation(store, flt: ReportFilter, *, min_outlets: int = 2,
                             min_words: int = 4,
                             dtype: _pd.CategoricalDtype | None = None) -> _pd.DataFrame:
    """:func:`coverage_kit.tables.quote_propagation` over the store. DuckDB reduces the quotes
    to one row per wording, speaker, outlet and date precision (its first article and how
    many quotes it stands for); the matching of wordings then runs on those rows, so memory
    follows the number of distinct wordings, not of quotes."""
    dtype = dtype or outlet_dtype(store)
    cols = _columns(store, "quotes")
    where, params = flt.where("q")
    spk = "q.speaker_id" if "speaker_id" in cols else "q.speaker"
    speaker = "q.speaker" if "speaker" in cols else "NULL"
    if "published_precision" in _columns(store, "articles"):
        date_only = ("coalesce(CAST(a.published_precision AS VARCHAR) = 'date', FALSE)")
        join = ("LEFT JOIN (SELECT article_id, any_value(published_precision) AS "
                "published_precision FROM articles GROUP BY article_id) a USING (article_id)")
    else:
        date_only, join = "FALSE", ""
    rows = store.sql(
        f"SELECT q.quote, {spk} AS spk, {speaker} AS speaker, CAST(q.outlet AS VARCHAR) AS "
        f"outlet, {date_only} AS date_only, min(q.published) AS published, "
        "first(q.article_id ORDER BY q.published, q.article_id) AS article_id, "
        "count(*) AS n_rows "
        f"FROM quotes q {join} WHERE {where} AND q.published IS NOT NULL AND q.quote IS NOT NULL "
        "GROUP BY ALL", params).df()
    rows["published"] = _ts(rows["published"])
    rows["outlet"] = _pd.Categorical(rows["outlet"].astype("object"), dtype=dtype)
    rows = rows.sort_values(["published", "outlet", "article_id"], kind="stable")
    q = _pd.DataFrame({"article_id": rows["article_id"].astype("string"),
                       "outlet": rows["outlet"], "published": rows["published"],
                       "quote": rows["quote"].astype("string"),
                       "speaker": rows["speaker"].astype("string"),
                       "speaker_id": rows["spk"].astype("string"),
                       "published_precision": _np.where(rows["date_only"], "date",
                                                        "timestamp"),
                       "_weight": rows["n_rows"].astype("int64")})
    return _T.quote_propagation(q.reset_index(drop=True), min_outlets=min_outlets,
                                min_words=min_words)


def report_facts(store, flt: ReportFilter) -> dict[str, _Any]:
    """The numbers of the report's methods note and lead over the store's filtered tables."""
    where, params = flt.where()
    acols = _columns(store, "articles")
    story = "count(DISTINCT story_id)" if "story_id" in acols else "count(*)"
    date_only = ("sum(CASE WHEN CAST(published_precision AS VARCHAR) = 'date' THEN 1 ELSE 0 "
                 "END)" if "published_precision" in acols else "0")
    n, n_out, stories, n_date = store.sql(
        f"SELECT count(*), count(DISTINCT outlet), {story}, {date_only} "
        f"FROM articles WHERE {where}", params).fetchone()
    n_all = int(store.sql("SELECT count(*) FROM articles").fetchone()[0])
    qcols = _columns(store, "quotes")
    sid = "speaker_id" if "speaker_id" in qcols else "speaker"
    n_q, n_spk, n_ids = store.sql(
        f"SELECT count(*), count(speaker), count(DISTINCT {sid}) FROM quotes WHERE {where}",
        params).fetchone()
    rcols = _columns(store, "reactions")
    dom = ("sum(CASE WHEN coalesce(domestic, FALSE) THEN 1 ELSE 0 END)"
           if "domestic" in rcols else "0")
    n_r, n_dom = store.sql(f"SELECT count(*), {dom} FROM reactions WHERE {where}",
                           params).fetchone()
    rejects = store.sql("SELECT CAST(code AS VARCHAR) AS code, count(*) AS n FROM rejects "
                        "GROUP BY 1").df()
    lo, hi = report_span(store, flt)
    return {"n_articles": int(n), "n_loaded": n_all, "n_outlets": int(n_out),
            "n_stories": int(stories), "n_date_only": int(n_date or 0),
            "n_quotes": int(n_q), "n_with_speaker": int(n_spk), "n_speakers": int(n_ids),
            "n_reactions": int(n_r), "n_domestic": int(n_dom or 0),
            "reject_codes": dict(zip(rejects["code"], rejects["n"].astype(int), strict=True)),
            "first": lo, "last": hi}


_LISTING_ORDER = {"articles": ("published", "outlet", "article_id"),
                  "quotes": ("published", "article_id", "start", "end"),
                  "reactions": ("published", "article_id", "start", "end"),
                  "rejects": ("source_path", "source_line")}


def report_listing(store, name: str, flt: ReportFilter | None, *,
                   columns: list[str] | None = None, limit: int | None = None,
                   chunk_rows: int = CHUNK_ROWS,
                   dtype: _pd.CategoricalDtype | None = None) -> _Iterator[_pd.DataFrame]:
    """The rows of table ``name`` that pass the filter (``rejects``: every row), in a fixed
    order (by publication time), as DataFrames of at most ``chunk_rows`` rows in the schema's
    dtypes; ``limit`` keeps the first rows only. At least one (maybe empty) frame."""
    from .store import TABLES, _to_schema

    have = _columns(store, name)
    # ``month`` is the partition folder's name (hive partitioning), not a column of the table
    cols = [c for c in (columns or have) if c in have
            and (c != "month" or c in TABLES[name])]
    order = ", ".join(f'CAST("{c}" AS VARCHAR)' if c == "outlet" else f'"{c}"'
                      for c in _LISTING_ORDER[name] if c in have)
    where, params = flt.where() if flt is not None and name != "rejects" else ("TRUE", [])
    sql = (f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {name} "
           f"WHERE {where}" + (f" ORDER BY {order}" if order else "")
           + (f" LIMIT {int(limit)}" if limit is not None else ""))
    declared = {c: t for c, t in TABLES[name].items() if c in cols}
    reader = _reader(store, sql, params, chunk_rows)
    sent = False
    for batch in reader:
        df = _to_schema(batch.to_pandas(), dict(declared))
        if dtype is not None and "outlet" in df.columns:
            df["outlet"] = _pd.Categorical(df["outlet"].astype("object"), dtype=dtype)
        sent = True
        yield df[cols]
    if not sent:
        yield _schema.empty({c: TABLES[name].get(c, "object") for c in cols})
