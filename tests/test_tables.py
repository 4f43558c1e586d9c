"""Tables: what researchers read off them, on realistic, empty and one-row input."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from coverage_kit import tables as T
from coverage_kit.errors import SchemaError

from _frames import (OUTLETS, articles_frame, empty_like, entities_frame, one_row,
                     quotes_frame, reactions_frame)


@pytest.fixture(scope="module")
def arts():
    return articles_frame()


@pytest.fixture(scope="module")
def quotes():
    return quotes_frame()


@pytest.fixture(scope="module")
def reactions():
    return reactions_frame()


# ------------------------------------------------------------------------------ filters

def test_filter_articles_by_day_outlet_country_and_phrase(arts):
    day = T.filter_articles(arts, start="2025-03-06", end="2025-03-06")
    assert len(day) == 7  # a bare end date means the whole day
    assert day["published"].dt.day.eq(6).all()
    wires = T.filter_articles(arts, outlets=["Reuters", "AP"])
    assert set(wires["outlet"]) == {"Reuters", "AP"}
    assert list(wires["outlet"].cat.categories) == OUTLETS  # colours stay stable
    gbr = T.filter_articles(arts, outlet_countries="gbr")
    assert set(gbr["outlet"]) == {"Reuters", "BBC News"}
    hit = T.filter_articles(arts, text="LIBERTY square")
    assert hit["article_id"].tolist() == ["a003", "a005"]  # in the body or in the title
    assert T.filter_articles(arts, text="no such phrase at all").empty


def test_filter_articles_text_is_literal_not_regex(arts):
    odd = arts.copy()
    odd.loc[0, "title"] = "Veldavia (ESC) deploys? troops"
    assert len(T.filter_articles(odd, text="(esc) deploys?")) == 1


def test_filter_articles_missing_column_lists_columns():
    with pytest.raises(SchemaError, match=r"missing column\(s\) 'published'.*'outlet'"):
        T.filter_articles(pd.DataFrame({"outlet": ["DW"]}))


def test_filter_quotes_matches_any_spelling_through_speaker_id(quotes):
    valkan = T.filter_quotes(quotes, speakers=["valkan"])
    assert len(valkan) == 4
    assert set(valkan["speaker"]) == {"Teodor Valkan", "Todor Valkan"}
    assert len(T.filter_quotes(quotes, speakers="TODOR VALKAN")) == 1
    assert T.filter_quotes(quotes, text="restore order", outlets="TASS")["outlet"].tolist() \
        == ["TASS"]


def test_filter_reactions_by_country_stance_and_domestic(reactions):
    assert len(T.filter_reactions(reactions)) == 11
    assert len(T.filter_reactions(reactions, include_domestic=False)) == 10
    assert T.filter_reactions(reactions, countries=["deu", "FRA"])["stance"].tolist() == [
        "condemn", "condemn"]
    support = T.filter_reactions(reactions, stances="support", include_domestic=False)
    assert sorted(support["country"]) == ["ESC", "RUS"]


def test_filters_are_fast_on_100k_rows(arts):
    big = pd.concat([arts] * 4000, ignore_index=True)  # 100,000 rows
    big["text_lower"] = (big["title"] + " " + big["text"]).str.lower()
    t0 = time.perf_counter()
    out = T.filter_articles(big, start="2025-03-05", end="2025-03-10",
                            outlets=["Reuters", "BBC News"], text="korvany")
    elapsed = time.perf_counter() - t0
    assert len(out) == 4000 * len(T.filter_articles(arts, start="2025-03-05", end="2025-03-10",
                                                    outlets=["Reuters", "BBC News"],
                                                    text="korvany"))
    assert elapsed < 2.0, f"filtering 100k rows took {elapsed:.2f} s"


# ------------------------------------------------------------------------------ coverage

def test_coverage_timeline_counts_and_fills_zero_days(arts):
    tl = T.coverage_timeline(arts)
    assert tl.columns.tolist() == ["period", "outlet", "n_articles"]
    assert tl["n_articles"].sum() == len(arts)
    reuters = tl[tl["outlet"] == "Reuters"].set_index("period")["n_articles"]
    assert len(reuters) == 18  # 3..20 March, zeros included
    assert reuters[pd.Timestamp("2025-03-06", tz="UTC")] == 1
    assert reuters[pd.Timestamp("2025-03-10", tz="UTC")] == 0
    assert tl["outlet"].cat.categories.tolist() == OUTLETS


def test_coverage_timeline_dedupes_syndicated_copies_to_first_carrier(arts):
    all_outlets = T.coverage_timeline(arts, by=None)
    stories = T.coverage_timeline(arts, by=None, dedupe_syndicated=True)
    assert all_outlets["n_articles"].sum() - stories["n_articles"].sum() == 3  # 3 AP copies
    per_outlet = T.coverage_timeline(arts, dedupe_syndicated=True)
    ap = per_outlet[per_outlet["outlet"] == "AP"]
    assert ap.empty or ap["n_articles"].sum() == 0  # AP was never first with its wire story


def test_coverage_timeline_hourly_leaves_out_date_only_articles(arts):
    tl = T.coverage_timeline(arts, freq="hour", by=None)
    assert tl.attrs["n_date_only"] == 1
    assert tl["n_articles"].sum() == len(arts) - 1
    assert (tl["period"].diff().dropna() == pd.Timedelta(hours=1)).all()


def test_coverage_timeline_rejects_unknown_freq(arts):
    with pytest.raises(ValueError, match="freq must be 'auto', 'hour', 'day', 'week'"):
        T.coverage_timeline(arts, freq="fortnight")


@pytest.mark.parametrize("days, expected", [(1, "hour"), (14, "day"), (200, "week"),
                                            (5 * 365, "month")])
def test_the_bin_follows_the_span(days, expected):
    first = pd.Timestamp("2019-01-03 09:00", tz="UTC")
    arts = pd.DataFrame({"outlet": pd.Categorical(["BBC News", "Reuters"]),
                         "published": [first, first + pd.Timedelta(days=days)]})
    tl = T.coverage_timeline(arts, freq="auto")
    assert tl.attrs["freq"] == expected
    assert tl["n_articles"].sum() == 2
    # the user's choice wins over the span
    assert T.coverage_timeline(arts, freq="month").attrs["freq"] == "month"


def test_weekly_and_monthly_bins_start_on_monday_and_the_first():
    arts = pd.DataFrame({"outlet": pd.Categorical(["DW"] * 3),
                         "published": pd.to_datetime(["2024-12-30 08:00", "2025-01-05 23:59",
                                                      "2025-02-14 12:00"], utc=True)})
    wk = T.coverage_timeline(arts, freq="week")
    assert wk["period"].iloc[0] == pd.Timestamp("2024-12-30", tz="UTC")
    assert wk["n_articles"].iloc[0] == 2  # Monday to Sunday is one week across the new year
    assert (wk["period"].dt.day_of_week == 0).all()
    mo = T.coverage_timeline(arts, freq="month")
    assert [str(p.date()) for p in mo["period"]] == ["2024-12-01", "2025-01-01", "2025-02-01"]
    assert mo["n_articles"].tolist() == [1, 1, 1]


def test_propagation_times_only_timestamped_pickups():
    q = pd.DataFrame({"article_id": ["a1", "a2", "a3"],
                      "outlet": pd.Categorical(["Le Monde", "Reuters", "DW"]),
                      "speaker": ["Ilona Brask"] * 3,
                      "quote": ["We will not leave the square tonight"] * 3,
                      "published": pd.to_datetime(["2025-03-06 00:00", "2025-03-06 08:00",
                                                   "2025-03-06 11:30"], utc=True)})
    arts = pd.DataFrame({"article_id": ["a1", "a2", "a3"],
                         "published_precision": ["date", "timestamp", "timestamp"]})
    p = T.quote_propagation(q, articles=arts)
    timed = p[~p["date_only"]]
    # Le Monde's 00:00 is a placeholder: the clock starts with Reuters at 08:00
    assert timed[["outlet", "lag_hours"]].astype({"outlet": object}).values.tolist() == [
        ["Reuters", 0.0], ["DW", 3.5]]
    assert p.loc[p["date_only"], "outlet"].astype(object).tolist() == ["Le Monde"]
    assert p.loc[p["date_only"], "lag_hours"].isna().all()
    assert (p["first_outlet"] == "Reuters").all()
    s = T.propagation_summary(p)
    assert s["pickup_order"].iloc[0] == "Reuters > DW (date only: Le Monde)"
    assert s["n_date_only"].iloc[0] == 1


@pytest.mark.parametrize("make", [empty_like, one_row])
def test_coverage_tables_on_empty_and_one_row(arts, make):
    a = make(arts)
    tl = T.coverage_timeline(a)
    m = T.outlet_date_matrix(a)
    assert tl["n_articles"].sum() == len(a)
    assert int(np.nansum(m.to_numpy(dtype=float))) == len(a)
    assert tl.columns.tolist() == ["period", "outlet", "n_articles"]


def test_outlet_date_matrix_rows_in_outlet_order(arts):
    m = T.outlet_date_matrix(arts)
    assert list(m.index) == OUTLETS
    assert m.shape == (8, 18)
    assert int(m.loc["Reuters"].sum()) == 5


@pytest.mark.parametrize("first, last, expected", [
    ("2022-01-05", "2022-01-21", "5–21 Jan 2022"),
    ("2025-02-28", "2025-03-03", "28 Feb – 3 Mar 2025"),
    ("2024-12-30", "2025-01-02", "30 Dec 2024 – 2 Jan 2025"),
    ("2025-03-06 01:00", "2025-03-06 23:00", "6 Mar 2025"),
])
def test_date_span(first, last, expected):
    assert T.date_span(pd.Timestamp(first), pd.Timestamp(last)) == expected


def test_source_note_has_thousands_separator_and_singulars(arts):
    assert T.source_note(arts) == "Source: 25 articles from 8 outlets, 3–20 Mar 2025"
    assert T.source_note(one_row(arts)) == "Source: 1 article from 1 outlet, 3 Mar 2025"
    big = pd.DataFrame({"outlet": ["DW"] * 1204,
                        "published": pd.Timestamp("2022-01-05", tz="UTC")})
    assert T.source_note(big).startswith("Source: 1,204 articles from 1 outlet")
    assert T.source_note(empty_like(arts)) == "Source: 0 articles from 0 outlets"


# ------------------------------------------------------------------------------ speakers

def test_speaker_counts_merge_spellings_and_count_articles(quotes):
    c = T.speaker_counts(quotes, by=None)
    top = c.iloc[0:2].set_index("speaker_id")
    assert set(top.index) == {"valkan", "brask"}
    assert top.loc["valkan", "speaker"] == "Teodor Valkan"  # the most frequent spelling
    assert top.loc["valkan", "n_quotes"] == 4 and top.loc["valkan", "n_articles"] == 4
    assert "Todor Valkan" not in set(c["speaker"])
    assert c["speaker"].notna().all()  # the unattributed quote is not a speaker


def test_speaker_counts_by_outlet_sum_to_totals(quotes):
    per = T.speaker_counts(quotes)
    tot = T.speaker_counts(quotes, by=None).set_index("speaker_id")["n_quotes"]
    assert per.groupby("speaker_id")["n_quotes"].sum().sort_index().tolist() \
        == tot.sort_index().tolist()
    assert T.speaker_counts(quotes, top=2)["speaker_id"].nunique() == 2


def test_speaker_outlet_matrix_keeps_non_latin_names(quotes):
    m = T.speaker_outlet_matrix(quotes)
    assert "林浩" in m.index
    assert int(m.loc["林浩", "Xinhua"]) == 1
    assert int(m.loc["Teodor Valkan"].sum()) == 4
    attributed = set(quotes.loc[quotes["speaker"].notna(), "outlet"])
    assert list(m.columns) == [o for o in OUTLETS if o in attributed]  # France 24's is not


@pytest.mark.parametrize("make", [empty_like, one_row])
def test_speaker_tables_on_empty_and_one_row(quotes, make):
    q = make(quotes)
    assert len(T.speaker_counts(q)) == len(q)
    assert T.speaker_outlet_matrix(q).to_numpy().sum() == len(q)
    assert T.quote_propagation(q).empty  # one outlet cannot propagate anything
    assert T.sentiment_by_speaker(q, min_quotes=1)["n"].sum() == len(q)


# ------------------------------------------------------------------------------ propagation

@pytest.mark.parametrize("a, b", [
    ("“We will not leave Liberty Square!”", '"we will not leave liberty square"'),
    ("We will  NOT leave — Liberty Square.", "we will not leave liberty square"),
    ("Мы не уйдём с площади Свободы!", "мы не уйдём с площади свободы"),
])
def test_normalise_quote(a, b):
    assert T.normalise_quote(a) == T.normalise_quote(b)


def test_quote_propagation_first_carrier_order_and_lag(quotes):
    p = T.quote_propagation(quotes)
    valkan = p[p["quote_group"] == 1]
    assert valkan["outlet"].astype(str).tolist() == ["Reuters", "AP", "TASS", "Al Jazeera"]
    assert valkan["order"].tolist() == [1, 2, 3, 4]
    assert valkan["first_outlet"].unique().tolist() == ["Reuters"]
    assert valkan["lag_hours"].tolist() == pytest.approx([0.0, 47 / 60, 4.5, 8.75])
    assert valkan["speaker"].unique().tolist() == ["Teodor Valkan"]
    assert (valkan["n_outlets"] == 4).all()
    # Brask's quote travels from Reuters to AP; BBC carried another Brask quote twice
    groups = p.groupby("quote_group")["outlet"].apply(lambda s: s.astype(str).tolist())
    assert ["Reuters", "AP"] in groups.tolist()
    assert all(len(g) >= 2 for g in groups)


def test_quote_propagation_matches_a_trimmed_quote_of_the_same_speaker():
    q = pd.DataFrame({
        "article_id": ["a1", "a2", "a3"], "outlet": ["Reuters", "DW", "TASS"],
        "speaker": ["Ilona Brask", "Ilona Brask", "Teodor Valkan"],
        "speaker_id": ["brask", "brask", "valkan"],
        "quote": ["We will not leave the square until the law is withdrawn",
                  "we will not leave the square",
                  "we will not leave the square"],
        "published": pd.to_datetime(["2025-03-05 08:00", "2025-03-05 10:00",
                                     "2025-03-05 11:00"], utc=True)})
    p = T.quote_propagation(q)
    assert p["outlet"].astype(str).tolist() == ["Reuters", "DW"]  # Valkan's words differ
    assert p["quote"].iloc[0].startswith("We will not leave the square until")


def test_quote_propagation_ignores_short_quotes():
    q = pd.DataFrame({"article_id": ["a1", "a2"], "outlet": ["Reuters", "AP"],
                      "speaker": ["x", "x"], "quote": ["No comment.", "No comment"],
                      "published": pd.to_datetime(["2025-03-05", "2025-03-06"], utc=True)})
    assert T.quote_propagation(q).empty
    assert len(T.quote_propagation(q, min_words=1)) == 2


# ------------------------------------------------------------------------------ reactions

def test_reactions_by_country_stance_excludes_domestic_and_names_entities(reactions):
    t = T.reactions_by_country_stance(reactions, entities=entities_frame())
    assert "XVA" not in set(t["country"])
    names = dict(zip(t["country"], t["country_name"]))
    assert names["ESC"] == "Eastern Security Compact"
    assert names["RUS"] == "Russia" and names["GBR"] == "United Kingdom"
    kinds = dict(zip(t["country"], t["kind"].astype(str)))
    assert kinds["EU"] == kinds["UN"] == kinds["ESC"] == "organisation"
    assert kinds["DEU"] == "country"
    assert t["n_statements"].sum() == 10
    with_dom = T.reactions_by_country_stance(reactions, include_domestic=True)
    assert with_dom["n_statements"].sum() == 11


def test_prevailing_stance_ties_go_to_the_stronger_stance():
    r = pd.DataFrame({"article_id": ["a1", "a2", "a3"], "outlet": ["DW", "DW", "AP"],
                      "country": ["FRA", "FRA", "FRA"],
                      "stance": ["concern", "condemn", "neutral"],
                      "published": pd.to_datetime(["2025-03-06"] * 3, utc=True)})
    s = T.country_stances(r)
    assert s["stance"].tolist() == ["condemn"]
    assert s["n_statements"].tolist() == [3]
    assert s["share"].iloc[0] == pytest.approx(1 / 3)


def test_reaction_timeline_hours_from_first_article(arts, reactions):
    tl = T.reaction_timeline(reactions, articles=arts, entities=entities_frame())
    assert tl.attrs["start"] == pd.Timestamp("2025-03-03 09:12", tz="UTC")
    assert tl["hours"].is_monotonic_increasing
    first = tl.iloc[0]
    assert (first["country"], first["outlet"]) == ("GBR", "BBC News")
    assert first["hours"] == pytest.approx((pd.Timestamp("2025-03-04 18:05")
                                           - pd.Timestamp("2025-03-03 09:12")).total_seconds()
                                          / 3600)
    assert "XVA" not in set(tl["country"])
    given = T.reaction_timeline(reactions, start="2025-03-06 00:00")
    assert given.set_index("country").loc["DEU", "hours"] == pytest.approx(13.5)


def test_reactions_by_outlet(reactions):
    t = T.reactions_by_outlet(reactions)
    dw = t[t["outlet"] == "Deutsche Welle"]
    assert sorted(dw["country"]) == ["DEU", "LUX"]
    assert t["n_statements"].sum() == 10


@pytest.mark.parametrize("make", [empty_like, one_row])
def test_reaction_tables_on_empty_and_one_row(reactions, make):
    r = make(reactions)
    for fn in (T.reactions_by_country_stance, T.country_stances, T.reactions_by_outlet,
               T.reaction_timeline):
        out = fn(r)
        assert len(out) == len(r)
        assert out.columns.size >= 4


# ------------------------------------------------------------------------------ sentiment

def test_sentiment_by_outlet_from_quotes(quotes):
    s = T.sentiment_by_outlet(quotes).set_index("outlet")
    assert s.loc["Deutsche Welle", "mean_polarity"] == pytest.approx(-0.5)
    assert s.loc["Reuters", "n"] == 4
    several = s[s["n"] > 1]
    assert (several["ci_low"] <= several["mean_polarity"]).all()
    assert (several["mean_polarity"] <= several["ci_high"]).all()
    # one quote has no spread: no interval, rather than a zero-width one
    assert s.loc[s["n"] == 1, ["ci_low", "ci_high"]].isna().all().all()
    assert list(s.index) == [o for o in OUTLETS if o in set(quotes["outlet"])]


def test_sentiment_by_outlet_scores_articles_with_textblob():
    a = pd.DataFrame({"outlet": ["DW", "TASS"],
                      "title": ["A brutal, terrible crackdown", "A great and successful day"],
                      "text": ["Awful violence.", "Wonderful progress."]})
    s = T.sentiment_by_outlet(a).set_index("outlet")
    assert s.loc["DW", "mean_polarity"] < 0 < s.loc["TASS", "mean_polarity"]
    assert s.loc["DW", "share_negative"] == 1.0


def test_sentiment_by_speaker_min_quotes(quotes):
    s = T.sentiment_by_speaker(quotes)
    assert set(s["speaker_id"]) == {"valkan", "brask"}
    assert s.set_index("speaker_id").loc["brask", "n"] == 4


def test_propagation_summary_names_tied_first_carriers(quotes, arts):
    tied = quotes.copy()
    # AP's copy of the Valkan quote now carries Reuters' exact time: both are first
    tied.loc[tied["article_id"] == "a006", "published"] = pd.Timestamp("2025-03-06 02:15",
                                                                       tz="UTC")
    s = T.propagation_summary(T.quote_propagation(tied, articles=arts)).set_index("quote_group")
    assert s.loc[1, "first_outlets"] == "Reuters; AP"
    assert s.loc[1, "pickup_order"] == "Reuters > AP > TASS > Al Jazeera"
    assert s.loc[1, "last_lag_hours"] == pytest.approx(8.75)
    assert T.propagation_summary(T.quote_propagation(empty_like(quotes))).empty


def test_quote_propagation_flags_date_only_carriers(quotes, arts):
    a = arts.copy()
    a.loc[a["article_id"] == "a009", "published_precision"] = "date"
    p = T.quote_propagation(quotes, articles=a)
    flagged = p.loc[p["date_only"], "article_id"].tolist()
    assert flagged == ["a009"]
    assert p.loc[p["date_only"], "lag_hours"].isna().all()
    assert not T.quote_propagation(quotes)["date_only"].any()  # no precision known


# ------------------------------------------------------------------------------ sample corpus

SAMPLE_DIR = __import__("pathlib").Path(__file__).resolve().parents[1] / "data" / "sample"


@pytest.fixture(scope="module")
def sample():
    import json
    import warnings

    from coverage_kit.extract.quotes import quotes_table
    from coverage_kit.extract.reactions import reactions_table
    from coverage_kit.loader import load_articles

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the sample's broken inputs warn by design
        a = load_articles(SAMPLE_DIR).articles
    key = json.loads((SAMPLE_DIR / "answer_key.json").read_text(encoding="utf-8"))
    return a, quotes_table(a), reactions_table(a, actors=SAMPLE_DIR), key


@pytest.mark.slow
def test_sample_coverage_matches_the_answer_key(sample):
    a, _, _, key = sample
    # the key's per-day counts leave out the articles recovered from broken/ files
    outside = a[~a["source_path"].str.contains("/broken/", regex=False)]
    per_day = T.coverage_timeline(outside, by=None)
    got = {f"{p:%Y-%m-%d}": int(n) for p, n in zip(per_day["period"], per_day["n_articles"])}
    assert got == key["corpus"]["articles_per_day"]
    first, last = key["corpus"]["date_range"]
    assert T.source_note(a).startswith(f"Source: {key['corpus']['n_articles']} articles from "
                                       f"{key['corpus']['n_outlets']} outlets")
    m = T.outlet_date_matrix(a)
    assert m.shape == (key["corpus"]["n_outlets"], len(key["corpus"]["articles_per_day"]))
    stories = T.coverage_timeline(a, by=None, dedupe_syndicated=True)["n_articles"].sum()
    assert stories == a["story_id"].nunique() < len(a)


@pytest.mark.slow
def test_sample_reactions_cover_the_gold_reacting_countries(sample):
    a, q, r, key = sample
    gold = pd.Series([x["country"] for art in key["articles"] for x in art.get("reactions", [])
                      if x.get("country") and x["country"] != "XVA"])
    frequent = set(gold.value_counts()[lambda s: s >= 2].index)
    stances = T.country_stances(r, entities=pd.read_csv(SAMPLE_DIR / "entities.csv", dtype=str))
    found = set(stances["country"])
    assert "XVA" not in found
    assert len(frequent & found) >= 0.8 * len(frequent), sorted(frequent - found)
    names = dict(zip(stances["country"], stances["country_name"]))
    assert names.get("ESC") == "Eastern Security Compact"
    tl = T.reaction_timeline(r, articles=a)
    assert tl.attrs["start"] == a["published"].min() and (tl["hours"] >= 0).all()
    top = T.speaker_counts(q, by=None, top=5)
    assert "Teodor Valkan" in set(top["speaker"])  # the president is among the most quoted
    prop = T.propagation_summary(T.quote_propagation(q, articles=a))
    assert len(prop) > 5 and (prop["n_outlets"] >= 2).all()


def test_quote_propagation_matches_whole_words_only():
    q = pd.DataFrame({
        "article_id": ["a1", "a2"], "outlet": ["Reuters", "DW"],
        "speaker": ["Ilona Brask", "Ilona Brask"],
        "quote": ["we will not leave the squares of Korvany", "will not leave the square"],
        "published": pd.to_datetime(["2025-03-05 08:00", "2025-03-05 10:00"], utc=True)})
    assert T.quote_propagation(q).empty  # "square" is not "squares"


def test_sentiment_leaves_out_languages_textblob_cannot_read():
    q = pd.DataFrame({"outlet": pd.Categorical(["DW", "DW", "DW", "El País"]),
                      "language": ["en", "de", "de", "es"],
                      "polarity": [-0.5, 0.0, 0.0, 0.0]})
    s = T.sentiment_by_outlet(q).set_index("outlet")
    assert s.loc["DW", "n"] == 1 and s.loc["DW", "n_unscored"] == 2
    assert s.loc["DW", "mean_polarity"] == -0.5  # the two German zeros are not averaged in
    assert s.loc["El País", "n"] == 0 and pd.isna(s.loc["El País", "mean_polarity"])
