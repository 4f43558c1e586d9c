"""Each DuckDB aggregation over a store equals its pandas counterpart in ``tables``.

The sample corpus (invented) is loaded and extracted in memory, written as a store (Parquet in
the store layout, see ``tests/_store.py``), and every function of ``coverage_kit.queries`` is
compared with the ``tables`` function the in-memory dashboard calls, on the rows the in-memory
dashboard selects, under several filter combinations.
"""

from __future__ import annotations

import datetime as dt
import warnings

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

from _store import store_from_frames  # noqa: E402

from coverage_kit import queries, tables  # noqa: E402
from coverage_kit.store import open_store  # noqa: E402
from coverage_kit.widgets import Dashboard, FilterState  # noqa: E402


@pytest.fixture(scope="module")
def corpus():
    from coverage_kit.extract.quotes import quotes_table
    from coverage_kit.extract.reactions import reactions_table
    from coverage_kit.loader import load_articles

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the sample's broken files, listed in rejects
        loaded = load_articles("data/sample")
    articles = loaded.articles
    quotes = quotes_table(articles)
    reactions = reactions_table(articles, focus="XVA", actors="data/sample", quotes=quotes)
    return articles, quotes, reactions


@pytest.fixture(scope="module")
def store(corpus, tmp_path_factory):
    articles, quotes, reactions = corpus
    root = store_from_frames(tmp_path_factory.mktemp("store"), articles=articles,
                             quotes=quotes, reactions=reactions, focus="XVA")
    with open_store(root) as s:
        yield s


@pytest.fixture(scope="module")
def memory(corpus, tmp_path_factory):
    articles, quotes, reactions = corpus
    return Dashboard(articles, quotes, reactions, views=("timeline",),
                     export_dir=tmp_path_factory.mktemp("exports"))


def _speaker(corpus, rank=0):
    q = corpus[1]
    ids = q["speaker_id"].fillna(q["speaker"]).dropna().value_counts()
    return ids.index[rank]


STATES = {
    "all": lambda c: FilterState(),
    "outlets": lambda c: FilterState(outlets=("Reuters", "BBC News", "TASS")),
    "dates": lambda c: FilterState(start=dt.date(2025, 3, 6), end=dt.date(2025, 3, 9)),
    "keyword": lambda c: FilterState(keyword="Korvany"),
    "once": lambda c: FilterState(syndicated_once=True),
    "once+dates": lambda c: FilterState(syndicated_once=True, start=dt.date(2025, 3, 7)),
    "outlet countries": lambda c: FilterState(outlet_countries=("GBR", "DEU", "USA")),
    "speakers": lambda c: FilterState(speakers=(_speaker(c, 0), _speaker(c, 2))),
    "stance": lambda c: FilterState(stances=("condemn",)),
    "reacting+keyword": lambda c: FilterState(countries=("DEU", "EU", "RUS"),
                                              keyword="Veldavia"),
    "everything": lambda c: FilterState(speakers=(_speaker(c, 0),), stances=("condemn",
                                        "concern"), syndicated_once=True,
                                        end=dt.date(2025, 3, 15)),
    "nothing": lambda c: FilterState(keyword="no such phrase anywhere"),
}


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True),
                                  check_dtype=True, check_categorical=True)


@pytest.mark.parametrize("name", list(STATES))
def test_aggregations_equal_the_pandas_tables(name, corpus, store, memory):
    state = STATES[name](corpus)
    f = memory.apply(state)
    for freq in ("day", "hour", "week", "month", "auto"):
        step = tables.choose_freq(f.articles["published"], freq=freq)
        assert queries.choose_freq(store, state, freq=freq) == step
        for by in ("outlet", None):
            for once in (False, True):
                want = tables.coverage_timeline(f.articles, freq=step, by=by,
                                                dedupe_syndicated=once)
                got = queries.coverage_timeline(store, state, freq=step, by=by,
                                                dedupe_syndicated=once)
                _same(got, want)
                assert got.attrs == want.attrs
    pd.testing.assert_frame_equal(queries.outlet_date_matrix(store, state, freq="day"),
                                  tables.outlet_date_matrix(f.articles, freq="day"))
    for by in ("outlet", None):
        for top in (None, 5):
            _same(queries.speaker_counts(store, state, by=by, top=top),
                  tables.speaker_counts(f.quotes, by=by, top=top))
    pd.testing.assert_frame_equal(queries.speaker_outlet_matrix(store, state, top=15),
                                  tables.speaker_outlet_matrix(f.quotes, top=15))
    for domestic in (False, True):
        _same(queries.reactions_by_country_stance(store, state, include_domestic=domestic),
              tables.reactions_by_country_stance(f.reactions, include_domestic=domestic))
        _same(queries.reactions_by_outlet(store, state, include_domestic=domestic),
              tables.reactions_by_outlet(f.reactions, include_domestic=domestic))
    t0 = queries.event_start(store)
    assert t0 == f.t0
    got = queries.reaction_timeline(store, state, start=t0)
    want = tables.reaction_timeline(f.reactions, start=t0)
    _same(got, want)
    assert got.attrs == want.attrs
    for stories in (False, True):
        assert queries.source_note(store, state, stories=stories) == \
            tables.source_note(f.articles, stories=stories)
    s = queries.summary(store, state)
    assert (s["articles"], s["quotes"]) == (len(f.articles), len(f.quotes))
    intl = f.reactions[~f.reactions["domestic"].fillna(False).astype(bool)]
    assert (s["reactions"], s["reacting"]) == (len(intl), intl["country"].nunique())


@pytest.mark.parametrize("name", ["all", "keyword", "speakers", "everything"])
def test_exported_rows_are_the_selected_rows(name, corpus, store, memory):
    state = STATES[name](corpus)
    f = memory.apply(state)
    for table, frame in (("articles", f.articles), ("quotes", f.quotes),
                         ("reactions", f.reactions)):
        got = pd.concat(list(queries.rows(store, state, table=table, batch=7)) or
                        [pd.DataFrame({"article_id": []})])
        key = ["article_id"] + (["start"] if table != "articles" else [])
        want = frame[key].astype("object").sort_values(key).values.tolist()
        assert got[key].astype("object").sort_values(key).values.tolist() == want, table


def test_drill_down_fetches_only_the_rows_shown(corpus, store, memory):
    state = FilterState(keyword="Korvany")
    f = memory.apply(state)
    sid = f.quotes["speaker_id"].value_counts().index[0]
    rows, n = queries.drill_rows(store, state, table="quotes", key="speaker_id", value=sid,
                                 limit=3)
    assert n == int((f.quotes["speaker_id"] == sid).sum())
    assert len(rows) == min(3, n)
    assert rows["published"].is_monotonic_increasing
    assert {"quote", "title", "article_text"} <= set(rows.columns)
    # every quote shown is in its article's text, where the offsets say
    for text, s, e, q in zip(rows["article_text"], rows["start"], rows["end"], rows["quote"]):
        assert q in text or text[int(s):int(e)]


def test_a_lean_drill_down_listing_opens_each_row_in_full(corpus, store, memory):
    state = FilterState(keyword="Korvany")
    f = memory.apply(state)
    sid = f.quotes["speaker_id"].value_counts().index[0]
    full, n = queries.drill_rows(store, state, table="quotes", key="speaker_id", value=sid)
    lean, n_lean = queries.drill_rows(store, state, table="quotes", key="speaker_id",
                                      value=sid, text=False)
    assert n_lean == n and len(lean) == len(full)
    assert not {"article_text", "author", "url"} & set(lean.columns)
    same = ["article_id", "published", "outlet", "speaker", "quote", "title", "start"]
    assert lean[same].astype("object").equals(full[same].astype("object"))
    for ref, (_, want) in zip(lean["_ref"], full.iterrows()):
        got = queries.drill_detail(store, ref)
        for col in ("article_id", "title", "article_text", "quote", "start", "end", "url"):
            assert (pd.isna(got[col]) and pd.isna(want[col])) or got[col] == want[col], col


def test_filter_values_are_parameters_not_sql(corpus, store):
    state = FilterState(keyword="'; DROP TABLE articles; --", outlets=("x' OR '1'='1",),
                        speakers=("') OR 1=1 --",))
    assert queries.summary(store, state)["articles"] == 0
    assert queries.summary(store, FilterState())["articles"] == len(corpus[0])
