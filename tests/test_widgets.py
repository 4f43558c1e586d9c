"""The filter panel and dashboards, driven the way a user drives them: by setting ``.value``.

The small corpus below is written for these tests (the invented Veldavia crisis): twelve
articles from six outlets, two copies of one Reuters wire story, quotes by four speakers and
reactions from six countries and organisations.
"""

from __future__ import annotations

import datetime as dt

import matplotlib
import numpy as np
import pandas as pd
import ipywidgets as widgets
import pytest

matplotlib.use("Agg")

from coverage_kit import schema, tables  # noqa: E402
from coverage_kit.widgets import (  # noqa: E402
    Dashboard,
    FilterPanel,
    FilterState,
    View,
    _first_copies,
    counts_text,
    coverage_explorer,
    dashboard,
    escaped_table,
    quote_explorer,
    reaction_explorer,
)

OUTLETS = ["Reuters", "BBC News", "DW", "Le Monde", "TASS", "Al Jazeera"]
COUNTRY = {"Reuters": "GBR", "BBC News": "GBR", "DW": "DEU", "Le Monde": "FRA", "TASS": "RUS",
           "Al Jazeera": "QAT"}

# (id, outlet, published, title, text, story)
ARTICLES = [
    ("a01", "Reuters", "2025-03-04 09:00", "Veldavia vote result disputed as crowds gather",
     "Tens of thousands gathered in Korvany after the disputed parliamentary vote. "
     '"The count was stolen," opposition leader Ilona Brask told the crowd.', "s1"),
    ("a02", "BBC News", "2025-03-04 11:30", "Protests swell in Korvany after disputed vote",
     "Tens of thousands gathered in Korvany after the disputed parliamentary vote. "
     '"The count was stolen," opposition leader Ilona Brask told the crowd.', "s1"),
    ("a03", "DW", "2025-03-05 08:00", "Berlin watches Veldavia protests with concern",
     "The German government said it was following events in Veldavia closely. "
     '"We call on all sides to show restraint," a foreign ministry spokesperson said.', "s2"),
    ("a04", "Reuters", "2025-03-06 06:10", "Troops clear Liberty Square in Korvany",
     "Troops moved into Liberty Square before dawn, witnesses said. "
     '"Order will be restored," President Teodor Valkan said in a televised address.', "s3"),
    ("a05", "TASS", "2025-03-06 09:40", "Valkan says order restored in the capital",
     '"Order will be restored," President Teodor Valkan said. The Kremlin said the matter '
     "was an internal affair of Veldavia.", "s4"),
    ("a06", "Le Monde", "2025-03-06 14:00", "Paris condemns the crackdown in Veldavia",
     "France condemned the use of force in Korvany. "
     '"This repression is unacceptable," the French foreign minister Claire Dumont said.', "s5"),
    ("a07", "Al Jazeera", "2025-03-07 10:00", "Q&A: What next for Veldavia <analysis>",
     "Internet access has been cut across Veldavia. The UN Secretary-General voiced deep "
     'concern. "Restraint is essential," said Anna Lindqvist, the UN spokesperson.', "s6"),
    ("a08", "BBC News", "2025-03-08 07:00", "Opposition leader Ilona Brask arrested",
     'Ilona Brask was detained at her home in Maresk. "They cannot arrest a whole '
     'nation," she wrote before her arrest.', "s7"),
    ("a09", "DW", "2025-03-08 12:00", "Germany condemns arrest of Brask",
     "Germany condemned the arrest of Ilona Brask and summoned the Veldavian ambassador. "
     '"Release her now," chancellor Jonas Adler said.', "s8"),
    ("a10", "TASS", "2025-03-09 08:00", "Eastern Security Compact sends peacekeepers",
     "The Eastern Security Compact sent peacekeepers at the request of President Valkan. "
     '"We support the legitimate government," the bloc said.', "s9"),
    ("a11", "Reuters", "2025-03-18 16:00", "Veldavia opens talks with opposition",
     "Talks began in Korvany as the curfew eased. "
     '"Dialogue is the only way out," Teodor Valkan said.', "s10"),
    ("a12", "Le Monde", "2025-03-19 09:00", "Le dialogue s'ouvre au Veldavia",
     "Les discussions ont commencé à Korvany. La France salue un premier pas.", "s11"),
]

# (article, speaker, speaker_id, quote)
QUOTES = [
    ("a01", "Ilona Brask", "ilona-brask", "The count was stolen"),
    ("a02", "Ilona Brask", "ilona-brask", "The count was stolen"),
    ("a03", "foreign ministry spokesperson", "de-fm-spokesperson",
     "We call on all sides to show restraint"),
    ("a04", "Teodor Valkan", "teodor-valkan", "Order will be restored"),
    ("a05", "Teodor Valcan", "teodor-valkan", "Order will be restored"),
    ("a06", "Claire Dumont", "claire-dumont", "This repression is unacceptable"),
    ("a07", "Anna Lindqvist", "anna-lindqvist", "Restraint is essential"),
    ("a08", "Ilona Brask", "ilona-brask", "They cannot arrest a whole nation"),
    ("a09", "Jonas Adler", "jonas-adler", "Release her now"),
    ("a11", "Teodor Valkan", "teodor-valkan", "Dialogue is the only way out"),
]

# (article, country, actor, stance, domestic)
REACTIONS = [
    ("a03", "DEU", "German foreign ministry", "concern", False),
    ("a05", "RUS", "Kremlin", "support", False),
    ("a06", "FRA", "Claire Dumont", "condemn", False),
    ("a07", "UN", "Anna Lindqvist", "concern", False),
    ("a09", "DEU", "Jonas Adler", "condemn", False),
    ("a10", "ESC", "Eastern Security Compact", "support", False),
    ("a12", "FRA", "French government", "support", False),
    ("a04", "XVA", "Teodor Valkan", "neutral", True),
]


def _ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


@pytest.fixture
def articles() -> pd.DataFrame:
    rows = []
    for i, (aid, outlet, when, title, text, story) in enumerate(ARTICLES, start=1):
        rows.append({
            "article_id": aid, "title": title, "text": text, "published": _ts(when),
            "published_precision": "timestamp",
            "outlet": outlet, "outlet_country": COUNTRY[outlet],
            "outlet_language": "fr" if outlet == "Le Monde" else "en", "aggregator": None,
            "outlet_source": "registry",
            "wires": ["Reuters"] if story == "s1" else [], "author": None,
            "url": f"https://news.example/{aid}", "language": "en", "story_id": story,
            "source_path": "tests/veldavia.jsonl", "source_line": i,
            "n_words": len(text.split()), "format": "table",
            "published_offset": pd.NA, "language_source": "metadata", "chrome_lines": 0,
        })
    df = schema.conform(pd.DataFrame(rows), schema.ARTICLES, name="articles")
    df["outlet"] = pd.Categorical(df["outlet"], categories=OUTLETS, ordered=True)
    return df


def _by_id(articles):
    return articles.set_index("article_id")


@pytest.fixture
def quotes(articles) -> pd.DataFrame:
    a = _by_id(articles)
    rows = []
    for aid, speaker, sid, quote in QUOTES:
        text = a.loc[aid, "text"]
        start = text.index(quote)
        rows.append({
            "article_id": aid, "outlet": a.loc[aid, "outlet"], "published": a.loc[aid, "published"],
            "quote": quote, "start": start, "end": start + len(quote), "kind": "direct",
            "speaker": speaker, "speaker_id": sid, "speaker_mention": speaker,
            "speaker_start": None, "speaker_end": None, "carried": False, "cue": "said",
            "cue_start": None, "cue_end": None, "speaker_role": None, "speaker_type": "person",
            "polarity": 0.0, "subjectivity": 0.0,
        })
    q = schema.conform(pd.DataFrame(rows), schema.QUOTES, name="quotes")
    q["outlet"] = pd.Categorical(q["outlet"].astype(str), categories=OUTLETS, ordered=True)
    return q


@pytest.fixture
def reactions(articles) -> pd.DataFrame:
    a = _by_id(articles)
    rows = []
    for aid, country, actor, stance, domestic in REACTIONS:
        rows.append({
            "article_id": aid, "outlet": a.loc[aid, "outlet"],
            "outlet_country": a.loc[aid, "outlet_country"], "published": a.loc[aid, "published"],
            "focus": "XVA", "country": country, "actor": actor, "actor_role": None,
            "actor_kind": "organisation" if country in ("UN", "ESC") else "state",
            "stance": stance, "domestic": domestic, "polarity": 0.0, "subjectivity": 0.0,
            "text": a.loc[aid, "text"][:60], "start": 0, "end": 60, "cue": "said",
        })
    r = schema.conform(pd.DataFrame(rows), schema.REACTIONS, name="reactions")
    r["outlet"] = pd.Categorical(r["outlet"].astype(str), categories=OUTLETS, ordered=True)
    return r


@pytest.fixture
def db(articles, quotes, reactions, tmp_path) -> Dashboard:
    board = dashboard(articles, quotes, reactions, export_dir=tmp_path / "exports")
    assert board.errors.last is None, board.errors.widget.value
    return board


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


# --------------------------------------------------------------------------------------------
# FilterState
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("state, slug", [
    (FilterState(), "all"),
    (FilterState(outlets=("BBC News", "Le Monde")), "outlets-bbc-news+le-monde"),
    (FilterState(start=dt.date(2025, 3, 6), end=dt.date(2025, 3, 9), keyword="Liberty Square",
                 syndicated_once=True), "2025-03-06--2025-03-09_kw-liberty-square_once"),
    (FilterState(countries=("DEU",), stances=("condemn", "concern")),
     "reacting-deu_stance-condemn+concern"),
])
def test_state_slug_names_the_filters(state, slug):
    assert state.slug() == slug


def test_long_slugs_are_cut_but_stay_distinct():
    a = FilterState(speakers=tuple(f"Speaker number {i}" for i in range(30)))
    b = FilterState(speakers=tuple(f"Speaker number {i}" for i in range(31)))
    assert len(a.slug()) <= 80 and len(b.slug()) <= 80
    assert a.slug() != b.slug()


def test_state_rejects_mistakes():
    with pytest.raises(TypeError, match="tuple of names, not the string 'Reuters'"):
        FilterState(outlets="Reuters")
    with pytest.raises(ValueError, match="start 2025-03-09 is after end 2025-03-06"):
        FilterState(start=dt.date(2025, 3, 9), end=dt.date(2025, 3, 6))


def test_state_describe_reads_as_words():
    s = FilterState(outlets=("DW",), keyword="Brask", syndicated_once=True)
    assert s.describe() == 'outlets: DW; keyword "Brask"; syndicated copies counted once'
    assert FilterState().describe() == "all articles"


@pytest.mark.parametrize("shown, total, unit, text", [
    (312, 1204, "articles", "312 of 1,204 articles"),
    (1204, 1204, "articles", "all 1,204 articles"),
    (0, 11, "stories", "0 of 11 stories"),
])
def test_counts_text(shown, total, unit, text):
    assert counts_text(shown, total, unit) == text


# --------------------------------------------------------------------------------------------
# The panel
# --------------------------------------------------------------------------------------------


def test_panel_offers_what_the_corpus_holds(articles, quotes, reactions):
    panel = FilterPanel(articles, quotes, reactions)
    # category order, as in every chart, each with its number of articles
    assert [v for _, v in panel.outlets.options] == OUTLETS
    assert panel.outlets.options[0] == ("Reuters · 3", "Reuters")
    assert set(panel.outlet_countries._options_values) == {"GBR", "DEU", "FRA", "RUS", "QAT"}
    assert ("Germany · 2", "DEU") in panel.outlet_countries.options or any(
        lab.startswith("Germany · ") and v == "DEU" for lab, v in panel.outlet_countries.options)
    # the most quoted speaker comes first; spellings as written in the quotes
    assert panel.speakers.options[0] == ("Ilona Brask · 3", "ilona-brask")
    assert ("Teodor Valkan · 3", "teodor-valkan") in panel.speakers.options  # and "Valcan"
    # Veldavia's own side (domestic) is not a reacting country
    assert "XVA" not in panel.countries._options_values
    assert set(panel.countries._options_values) == {"DEU", "RUS", "FRA", "UN", "ESC"}
    assert panel.dates.options[0] == ("4 Mar", dt.date(2025, 3, 4))
    assert panel.dates.options[-1][1] == dt.date(2025, 3, 19)
    assert panel.keyword.continuous_update is False
    assert panel.dates.continuous_update is False
    assert panel.state == FilterState()


def test_multi_selects_search_select_all_and_none(articles, quotes, reactions):
    panel = FilterPanel(articles, quotes, reactions)
    seen = []
    panel.observe(seen.append)
    panel.outlets.search.value = "deut"
    assert [v for _, v in panel.outlets.options] == ["Deutsche Welle"] or \
        len(panel.outlets.options) < len(OUTLETS)
    assert seen == []  # searching is not a filter change
    panel.outlets.all_button.click()
    assert panel.state.outlets == tuple(v for _, v in panel.outlets.options)
    panel.outlets.none_button.click()
    assert panel.state.outlets == ()
    # countries are named, never shown as bare codes; organisations are marked as such
    labels = dict((v, lab) for lab, v in panel.countries.options)
    assert labels["DEU"].startswith("Germany · ")
    assert labels["UN"].startswith("United Nations (organisation)")
    assert "(organisation)" in labels["ESC"]


def test_speaker_search_narrows_the_list_and_keeps_the_chosen(articles, quotes):
    panel = FilterPanel(articles, quotes)
    seen = []
    panel.observe(seen.append)
    panel.speakers.value = ("teodor-valkan",)
    panel.speaker_search.value = "bras"
    assert panel.speakers._options_values == ("ilona-brask", "teodor-valkan")
    assert panel.speakers.value == ("teodor-valkan",)
    panel.speaker_search.value = "VALCAN"  # any spelling finds the speaker
    assert panel.speakers._options_values == ("teodor-valkan",)
    # searching is not a filter change: one notification, from the selection
    assert [s.speakers for s in seen] == [("teodor-valkan",)]


def test_panel_state_round_trip_and_unknown_names(articles, quotes, reactions):
    panel = FilterPanel(articles, quotes, reactions)
    state = FilterState(start=dt.date(2025, 3, 6), end=dt.date(2025, 3, 8), outlets=("DW",),
                        speakers=("jonas-adler",), stances=("condemn",), keyword="arrest",
                        syndicated_once=True)
    panel.state = state
    assert panel.state == state
    with pytest.raises(ValueError, match="unknown outlets: Fox News; known: Reuters, BBC News"):
        panel.state = FilterState(outlets=("Fox News",))


# --------------------------------------------------------------------------------------------
# The dashboard
# --------------------------------------------------------------------------------------------


def test_outlet_filter_updates_counts_chart_and_tables(db):
    before_png = db.charts["timeline"].value
    before_table = db.tables["timeline"]
    assert db.panel.counts.value == "all 12 articles"
    db.panel.outlets.value = ("Reuters", "DW")
    assert db.panel.counts.value == "5 of 12 articles"
    assert db.charts["timeline"].value != before_png
    assert set(db.tables["timeline"]["outlet"].astype(str)) == {"Reuters", "DW"}
    assert not db.tables["timeline"].equals(before_table)
    assert set(db.filtered.quotes["outlet"].astype(str)) <= {"Reuters", "DW"}
    assert db.errors.last is None


def test_keyword_searches_titles_and_text_case_insensitively(db):
    db.panel.keyword.value = "LIBERTY square"
    assert db.filtered.articles["article_id"].tolist() == ["a04"]
    db.panel.keyword.value = "peacekeepers"  # only in a title and text of a10
    assert db.filtered.articles["article_id"].tolist() == ["a10"]
    db.panel.keyword.value = "nothing like this"
    assert db.panel.counts.value == "0 of 12 articles"
    assert db.errors.last is None  # empty charts are drawn, not errors
    db.panel.keyword.value = ""
    assert db.panel.counts.value == "all 12 articles"


def test_syndicated_copies_counted_once(db, articles):
    db.panel.syndicated_once.value = True
    # a01 and a02 are one Reuters story: 11 stories in 12 articles
    assert db.panel.counts.value == "all 11 stories"
    assert "a02" not in set(db.filtered.articles["article_id"])
    assert int(db.tables["timeline"]["n_articles"].sum()) == 11
    # the quote carried by both copies is counted once
    assert (db.filtered.quotes["quote"] == "The count was stolen").sum() == 1
    db.panel.outlets.value = ("BBC News",)  # the BBC copy is the earliest one left
    assert db.filtered.articles["article_id"].tolist() == ["a02", "a08"]


def test_first_copies_matches_the_tables_module(db, articles):
    rng = np.random.default_rng(1)
    arts = db._arts
    for _ in range(20):
        sub = arts[rng.random(len(arts)) < 0.7]
        fast = _first_copies(sub)["article_id"].tolist()
        slow = tables._dedupe_stories(sub)["article_id"].tolist()
        assert sorted(fast) == sorted(slow)


def test_speaker_filter_keeps_articles_quoting_them_under_any_spelling(db):
    db.panel.speakers.value = ("teodor-valkan",)
    # "Teodor Valcan" (a05) is the same speaker
    assert sorted(db.filtered.articles["article_id"]) == ["a04", "a05", "a11"]
    assert set(db.filtered.quotes["speaker_id"]) == {"teodor-valkan"}
    assert db.panel.counts.value == "3 of 12 articles"


def test_reacting_country_and_stance_filters(db):
    db.panel.countries.value = ("DEU",)
    assert sorted(db.filtered.articles["article_id"]) == ["a03", "a09"]
    db.panel.stances.value = ("condemn",)
    assert db.filtered.articles["article_id"].tolist() == ["a09"]
    assert db.filtered.reactions["actor"].tolist() == ["Jonas Adler"]
    db.panel.countries.value = ()
    assert sorted(db.filtered.reactions["country"]) == ["DEU", "FRA"]


def test_date_range_is_inclusive(db):
    opts = [d for _, d in db.panel.dates.options]
    db.panel.dates.value = (dt.date(2025, 3, 6), dt.date(2025, 3, 8))
    assert sorted(db.filtered.articles["article_id"]) == ["a04", "a05", "a06", "a07", "a08", "a09"]
    assert db.panel.state.start == dt.date(2025, 3, 6) and db.panel.state.end == dt.date(2025, 3, 8)
    db.panel.dates.value = (opts[0], opts[-1])
    assert db.panel.state.start is None and db.panel.state.end is None


def test_reset_restores_everything_in_one_redraw(db):
    db.panel.outlets.value = ("TASS",)
    db.panel.keyword.value = "order"
    calls = []
    db.panel.observe(calls.append)
    db.panel.reset_button.click()
    assert calls == [FilterState()]
    assert db.panel.counts.value == "all 12 articles"


def test_hidden_tabs_are_drawn_when_opened(db):
    assert isinstance(db.chart_area, __import__("ipywidgets").Tab)
    assert db.charts["speakers"].value == b""  # not drawn until its tab is opened
    db.chart_area.selected_index = 1
    assert bytes(db.charts["speakers"].value).startswith(b"\x89PNG")
    # the drill-down follows the open tab
    assert db.drill_view.value == "speakers"
    png = db.charts["speakers"].value
    db.panel.speakers.value = ("ilona-brask",)  # on screen: redrawn at once
    assert db.charts["speakers"].value != png


def test_drill_down_lists_the_quotes_behind_a_bar_with_their_article(db):
    db.chart_area.selected_index = 1
    labels = [label for label, _ in db.drill_item.options]
    assert labels[0] == "Ilona Brask · 3"  # most quoted first
    db.drill_item.value = "teodor-valkan"
    rows = db.drill_rows()
    assert rows["quote"].tolist() == ["Order will be restored", "Order will be restored",
                                      "Dialogue is the only way out"]
    assert rows["title"].iloc[0] == "Troops clear Liberty Square in Korvany"
    assert "context" not in rows.columns  # the listing stays short; a row opens in full
    assert db.drill_caption.value == "3 quotes"
    assert "Dialogue is the only way out" in db.drill_table.value
    labels = [label for label, _ in db.drill_open.options]
    assert labels[1].startswith("1. ") and "Order will be restored" in labels[1]
    db.drill_open.value = 0
    detail = db.drill_detail()
    assert detail["title"] == "Troops clear Liberty Square in Korvany"
    assert "President Teodor Valkan said" in detail["context"]
    assert "President Teodor Valkan said" in db.drill_detail_box.value
    db.drill_item.value = "ilona-brask"  # another bar: nothing open
    assert db.drill_open.value is None and db.drill_detail_box.value == ""


def test_untrusted_text_is_escaped(db):
    db.panel.outlets.value = ("Al Jazeera",)
    db.chart_area.selected_index = 2  # reactions: the UN statement reported by Al Jazeera
    db.drill_item.value = "UN"
    table = db.drill_table.value
    assert "Q&amp;A: What next for Veldavia &lt;analysis&gt;" in table
    assert "<analysis>" not in table


@pytest.mark.parametrize("text", ['<img src=x onerror="alert(1)">', "<script>x()</script>"])
def test_escaped_table_never_emits_markup_from_cells(text):
    out = escaped_table(pd.DataFrame({"title": [text], "n": [1]}))
    assert "<img" not in out and "<script" not in out
    assert "&lt;" in out


def test_export_writes_charts_and_tables_named_after_the_filters(db, tmp_path):
    db.panel.outlets.value = ("Reuters", "BBC News")
    db.export_formats.value = ("png", "svg")
    db.export_button.click()
    assert db.errors.last is None, db.errors.widget.value
    folder = tmp_path / "exports"
    names = sorted(p.name for p in folder.iterdir())
    slug = "outlets-reuters+bbc-news"
    for view in ("timeline", "speakers", "reaction_countries"):  # hidden tabs are exported too
        assert f"{view}__{slug}.png" in names
        assert f"{view}__{slug}.svg" in names
        assert f"{view}__{slug}.csv" in names
    for table in ("articles", "quotes", "reactions"):
        assert f"{table}__{slug}.csv" in names
    exported = pd.read_csv(folder / f"articles__{slug}.csv")
    assert sorted(exported["article_id"]) == ["a01", "a02", "a04", "a08", "a11"]
    assert "_row" not in exported.columns and "text" in exported.columns
    assert (folder / f"timeline__{slug}.png").read_bytes().startswith(b"\x89PNG")
    # the log lists every path written
    for name in names:
        assert name in db.export_log.value
    # exported charts carry their context: the filters under the title, the Source line
    svg = (folder / f"timeline__{slug}.svg").read_text(encoding="utf-8")
    assert "Filters: outlets: Reuters, BBC News" in svg
    assert "Source: 5 articles from 2 outlets" in svg
    # tables: no index column, ISO dates, normal permissions
    header = (folder / f"articles__{slug}.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("article_id,")
    assert exported["published"].str.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ").all()
    import os
    mask = os.umask(0)
    os.umask(mask)
    for p in folder.iterdir():
        assert p.stat().st_mode & 0o777 == 0o666 & ~mask, p


def test_stance_filter_counts_what_the_reactions_chart_shows(db, reactions):
    # a04's neutral statement comes from Veldavia's own side: it is not a reaction
    db.panel.stances.value = ("neutral",)
    f = db.filtered
    table = db._table(next(v for v in db.views if v.name == "reaction_countries"))
    shown = int(table["n_statements"].sum())
    assert not f.reactions["domestic"].any()
    assert set(f.articles["article_id"]) == set(f.reactions["article_id"])
    assert f"{shown} reaction statement" in db.status.value
    assert db.summary.value.count(f"{shown} reaction statement") == 1


def test_status_names_people_and_countries_and_counts_in_the_right_number(db):
    db.panel.state = FilterState(speakers=("teodor-valkan",), countries=("DEU",))
    assert "Teodor Valkan" in db.status.value and "teodor-valkan" not in db.status.value
    assert "reacting: Germany" in db.status.value and "DEU" not in db.status.value
    db.panel.state = FilterState(keyword="Liberty Square")
    assert "Showing 1 article ·" in db.status.value
    assert db.panel.counts.value == "1 of 12 articles"


def test_time_bin_and_events_reach_the_timeline(db):
    db.freq.value = "week"
    assert db.tables["timeline"].attrs["freq"] == "week"
    assert db.figures["timeline"].axes[0].get_ylabel() == "Articles per week"
    db.freq.value = "day"
    db.events.value = "2025-03-08=Brask arrested"
    texts = [t.get_text() for t in db.figures["timeline"].axes[0].texts]
    assert "Brask arrested" in texts
    assert db.errors.last is None


def test_explorers_stack_their_charts(articles, quotes):
    from coverage_kit.widgets import quote_explorer

    ex = quote_explorer(articles, quotes)
    assert isinstance(ex.chart_area, widgets.VBox) and len(ex.chart_area.children) == 2


def test_export_rejects_unknown_formats(db, tmp_path):
    with pytest.raises(ValueError, match="unknown export format.*gif.*png, svg, pdf"):
        db.export(tmp_path, formats=["gif"])


def test_errors_in_callbacks_are_shown_not_lost(articles, tmp_path):
    def draw(table, ax):
        if table["n_articles"].sum() < 12:
            raise RuntimeError("cannot draw fewer than 12 articles")
        ax.plot(table["period"], table["n_articles"])

    view = View("fragile", "Fragile chart", "articles",
                lambda f: tables.coverage_timeline(f.articles, by=None), draw)
    board = Dashboard(articles, views=[view], export_dir=tmp_path)
    assert board.errors.last is None
    board.panel.outlets.value = ("DW",)  # must not raise out of the widget callback
    assert isinstance(board.errors.last, RuntimeError)
    assert "cannot draw fewer than 12 articles" in board.errors.widget.value
    assert board.errors.widget.layout.display != "none"
    board.panel.outlets.value = ()
    assert board.errors.last is None and board.errors.widget.value == ""


@pytest.mark.parametrize("build, charts", [
    (lambda a, q, r: coverage_explorer(a), {"timeline", "outlet_days"}),
    (lambda a, q, r: quote_explorer(a, q), {"speakers", "speaker_outlets"}),
    (lambda a, q, r: reaction_explorer(a, r), {"reaction_countries", "reaction_timeline"}),
])
def test_explorers_draw_their_charts(build, charts, articles, quotes, reactions):
    ex = build(articles, quotes, reactions)
    assert ex.errors.last is None, ex.errors.widget.value
    assert set(ex.charts) == charts
    assert all(bytes(img.value).startswith(b"\x89PNG") for img in ex.charts.values())
    before = {k: v.value for k, v in ex.charts.items()}
    ex.panel.outlets.value = ("DW", "Le Monde")
    assert ex.errors.last is None, ex.errors.widget.value
    assert any(ex.charts[k].value != before[k] for k in charts)


def test_dashboard_explains_missing_columns(articles):
    with pytest.raises(ValueError, match="articles is missing column\\(s\\) 'outlet_country'"):
        dashboard(articles.drop(columns=["outlet_country"]))


def test_view_names_cannot_overwrite_the_exported_tables(articles):
    view = View("articles", "Articles", "articles",
                lambda f: tables.coverage_timeline(f.articles), lambda t, ax: None)
    with pytest.raises(ValueError, match="view name\\(s\\) articles would overwrite"):
        Dashboard(articles, views=[view])


def test_escaped_table_shows_missing_values_as_blank():
    out = escaped_table(pd.DataFrame({"author": [None, "Ana Ruiz"], "wires": [[], ["AFP", "dpa"]]}))
    assert "None" not in out and "AFP, dpa" in out


def test_a_bad_state_changes_nothing(articles, quotes, reactions):
    panel = FilterPanel(articles, quotes, reactions)
    panel.outlets.value = ("DW",)
    with pytest.raises(ValueError, match="unknown speakers: nobody"):
        panel.state = FilterState(outlets=("TASS",), speakers=("nobody",))
    assert panel.state == FilterState(outlets=("DW",))


def test_the_panel_offers_only_filters_the_data_can_answer(articles, quotes):
    panel = FilterPanel(articles, quotes)  # no reactions: no reacting-country or stance lists
    headings = [column.children[0].value for column in panel.widget.children[1].children]
    assert headings == ["<b>Outlets</b>", "<b>Outlet countries</b>", "<b>Speakers</b>"]


def _pixel_of(fig, bar):
    """Where ``bar``'s centre is in the chart's PNG (what a click reports)."""
    x0, y0, rows = fig.ck_crop
    cx, cy = bar.get_window_extent().get_points().mean(axis=0)
    return cx - x0, rows - cy - y0


def test_clicking_a_bar_drills_down_to_the_rows_behind_it(db):
    db.chart_area.selected_index = 1  # the quotes tab
    fig = db.figures["speakers"]
    ax = fig.axes[0]
    first = ax.containers[0].patches[0]  # Ilona Brask's first segment
    caption = db.click("speakers", *_pixel_of(fig, first))
    assert db.drill_view.value == "speakers" and db.drill_item.value == "ilona-brask"
    assert caption == "3 quotes"
    assert set(db.drill_rows()["speaker"]) == {"Ilona Brask"}
    # a day's bar on the timeline: that outlet's articles of that day
    fig = db.figures["timeline"]
    ax = fig.axes[0]
    bar = next(b for c in ax.containers if c.get_label() == "Reuters" for b in c.patches
               if b.get_height() > 0)
    caption = db.click("timeline", *_pixel_of(fig, bar))
    rows = db.drill_rows()
    assert db.drill_item.value == "Reuters" and len(rows) == int(bar.get_height())
    assert caption.endswith("2025") and set(rows["outlet"].astype(str)) == {"Reuters"}
    # outside any bar: nothing changes
    assert db.click("timeline", 1, 1) is None


def test_going_back_to_a_filter_state_shows_its_chart_again_and_clicks_still_work(db):
    first = bytes(db.charts["timeline"].value)
    db.panel.outlets.value = ("TASS",)
    tass = bytes(db.charts["timeline"].value)
    assert tass != first
    db.panel.outlets.value = ()  # back to no filter: the picture from before, not redrawn
    assert bytes(db.charts["timeline"].value) == first
    assert "timeline" not in db.timings or db.timings["timeline"] < 1000
    # a click reads the Figure, which is brought up to the picture first
    assert db.click("timeline", 1, 1) is None
    fig = db.figures["timeline"]
    assert {c.get_label() for c in fig.axes[0].containers} >= {"Reuters", "TASS"}
    bar = next(b for c in fig.axes[0].containers if c.get_label() == "Reuters"
               for b in c.patches if b.get_height() > 0)
    db.click("timeline", *_pixel_of(fig, bar))
    assert db.drill_item.value == "Reuters"
    db.panel.outlets.value = ("TASS",)
    assert bytes(db.charts["timeline"].value) == tass
    assert db.click("timeline", 1, 1) is None
    assert {c.get_label() for c in db.figures["timeline"].axes[0].containers} == {"TASS"}


def test_counting_copies_once_says_stories_on_the_axis_and_in_the_source(db):
    db.panel.syndicated_once.value = True
    ax = db.figures["timeline"].axes[0]
    assert ax.get_ylabel().startswith("Stories per ")
    assert ax.get_title(loc="left").startswith("Stories per ")
    source = [t.get_text() for t in ax.texts if t.get_gid() == "source"][0]
    assert "distinct stor" in source
    assert "stories" in db.panel.counts.value


# --------------------------------------------------------------------------------------------
# The same dashboard over a corpus store
# --------------------------------------------------------------------------------------------


@pytest.fixture
def store_db(articles, quotes, reactions, tmp_path) -> Dashboard:
    from _store import store_from_frames

    root = store_from_frames(tmp_path / "store", articles=articles, quotes=quotes,
                             reactions=reactions, focus="XVA")
    board = dashboard(str(root), export_dir=tmp_path / "store-exports")
    assert board.errors.last is None, board.errors.widget.value
    return board


def _sorted(t: pd.DataFrame) -> list:
    t = t.assign(**{c: t[c].astype("object") for c in t.columns})
    return sorted(map(repr, t.to_numpy().tolist()))


@pytest.mark.parametrize("change", [
    ("outlets", ("Reuters", "TASS")), ("keyword", "liberty square"),
    ("syndicated_once", True), ("speakers", ("teodor-valkan",)), ("stances", ("condemn",)),
    ("countries", ("RUS", "ESC")), ("outlet_countries", ("GBR",)),
])
def test_a_store_dashboard_shows_what_the_in_memory_one_shows(change, db, store_db):
    name, value = change
    for tab in range(3):
        for board in (db, store_db):
            board.panel.reset()
            board.chart_area.selected_index = tab
            getattr(board.panel, name).value = value
            assert board.errors.last is None, board.errors.widget.value
        assert store_db.panel.counts.value == db.panel.counts.value
        assert store_db.selection_text() == db.selection_text()
        view = db.visible_views()[0]
        assert _sorted(store_db.tables[view.name]) == _sorted(db.tables[view.name])
        assert store_db.drill_caption.value == db.drill_caption.value
        assert store_db.drill_item.value == db.drill_item.value
        assert store_db.drill_table.value == db.drill_table.value  # the rows, as shown
        if len(db.drill_open.options) > 1:  # the first row opened: the same article
            for board in (db, store_db):
                board.drill_open.value = 0
            assert store_db.drill_detail_box.value == db.drill_detail_box.value


def test_a_store_dashboard_escapes_text_and_exports_the_selection(store_db, tmp_path):
    store_db.panel.outlets.value = ("Al Jazeera",)
    assert "<analysis>" not in store_db.drill_table.value
    assert "&lt;analysis&gt;" in store_db.drill_table.value
    paths = store_db.export(tmp_path / "out", formats=("png",))
    names = sorted(p.name for p in paths)
    assert "articles__outlets-al-jazeera.csv" in names
    exported = pd.read_csv(tmp_path / "out" / "articles__outlets-al-jazeera.csv")
    assert exported["outlet"].unique().tolist() == ["Al Jazeera"]
    assert "month" not in exported.columns  # the store's partition column stays inside


def test_a_store_dashboard_takes_no_separate_tables(store_db, quotes):
    with pytest.raises(TypeError, match="only the store"):
        dashboard(store_db.store, quotes)
