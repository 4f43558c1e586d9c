"""Charts: assert on what is drawn (labels, bars, legend, colours), and on export formats."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import matplotlib

matplotlib.use("Agg")

import matplotlib as mpl  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from PIL import Image  # noqa: E402

from coverage_kit import plots as P  # noqa: E402
from coverage_kit import tables as T  # noqa: E402
from coverage_kit.theme import (OUTLET_COLORS, STANCE_COLORS, outlet_palette,  # noqa: E402
                                save_figure, theme)

from _frames import (OUTLETS, articles_frame, empty_like, entities_frame, one_row,  # noqa: E402
                     quotes_frame, reactions_frame)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def frames():
    return articles_frame(), quotes_frame(), reactions_frame()


def _texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def _legend(ax) -> list[str]:
    leg = ax.get_legend()
    return [t.get_text() for t in leg.get_texts()] if leg else []


def _all_text(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(mpl.text.Text) if t.get_text()]


def _series(ax) -> dict[str, tuple[str, list[float]]]:
    """Legend label -> (colour, values) of a timeline's steps or bars."""
    leg = ax.get_legend()
    out = {}
    for h, t in zip(leg.legend_handles, leg.get_texts(), strict=True):
        label = t.get_text()
        for step in ax.patches:
            if isinstance(step, mpl.patches.StepPatch) and step.get_label() == label:
                out[label] = (to_hex(step.get_edgecolor()), list(step.get_data().values))
        for cont in ax.containers:
            if cont.get_label() == label:
                out[label] = (to_hex(cont.patches[0].get_facecolor()),
                              [b.get_height() for b in cont.patches])
    return out


def _source_of(ax) -> str | None:
    for t in ax.texts:
        if t.get_gid() == "source":
            return t.get_text()
    return None


# Every chart: (name, how to build it from (articles, quotes, reactions), single-axes?)
CHARTS = {
    "timeline": (lambda a, q, r, **k: P.plot_coverage_timeline(T.coverage_timeline(a), **k),
                 True),
    "timeline_area": (lambda a, q, r, **k: P.plot_coverage_timeline(
        T.coverage_timeline(a, dedupe_syndicated=True), kind="area", **k), True),
    "small_multiples": (lambda a, q, r, **k: P.coverage_timeline_figure(
        T.coverage_timeline(a), **k), False),
    "outlet_day_heatmap": (lambda a, q, r, **k: P.plot_outlet_date_heatmap(
        T.outlet_date_matrix(a), **k), True),
    "top_speakers": (lambda a, q, r, **k: P.plot_top_speakers(T.speaker_counts(q), **k), True),
    "speaker_heatmap": (lambda a, q, r, **k: P.plot_speaker_outlet_heatmap(
        T.speaker_outlet_matrix(q), **k), True),
    "propagation": (lambda a, q, r, **k: P.plot_quote_propagation(
        T.quote_propagation(q), **k), True),
    "map": (lambda a, q, r, **k: P.plot_reactions_map(T.reactions_by_country_stance(r), **k),
            True),
    "map_figure": (lambda a, q, r, **k: P.reactions_map_figure(
        T.reactions_by_country_stance(r), **k), False),
    "by_country": (lambda a, q, r, **k: P.plot_reactions_by_country(
        T.reactions_by_country_stance(r), **k), True),
    "reaction_timeline": (lambda a, q, r, **k: P.plot_reaction_timeline(
        T.reaction_timeline(r), **k), True),
    "reactions_by_outlet": (lambda a, q, r, **k: P.plot_reactions_by_outlet(
        T.reactions_by_outlet(r), **k), True),
    "sentiment_outlet": (lambda a, q, r, **k: P.plot_sentiment_by_outlet(
        T.sentiment_by_outlet(q), **k), True),
    "sentiment_speaker": (lambda a, q, r, **k: P.plot_sentiment_by_speaker(
        T.sentiment_by_speaker(q, min_quotes=1), **k), True),
}

SOURCE = "Source: 25 articles from 8 outlets, 3–20 Mar 2025"

# With one article, one quote and one reaction there is nothing to propagate, and the first
# reaction row is the domestic-free German one; everything else has data to draw.
_NO_ROW_FOR_ONE = {"propagation", "sentiment_speaker"}


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_chart_on_empty_input_says_no_data(frames, name):
    build, single = CHARTS[name]
    a, q, r = (empty_like(f) for f in frames)
    out = build(a, q, r, source=SOURCE)
    fig = out if single is False else out.figure
    texts = _all_text(fig)
    assert any(P.NO_DATA in t for t in texts), texts
    assert any(SOURCE in t for t in texts)


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_chart_on_one_row_draws_without_error(frames, name):
    build, single = CHARTS[name]
    a, q, r = (one_row(f) for f in frames)
    out = build(a, q, r, source=SOURCE)
    fig = out if not single else out.figure
    fig.set_dpi(50)
    fig.canvas.draw()  # layout and every artist, at low resolution
    assert fig.get_size_inches()[0] >= 3
    assert not any(P.NO_DATA in t for t in _all_text(fig)) or name in _NO_ROW_FOR_ONE


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_chart_has_a_title_and_the_source_line(frames, name):
    build, single = CHARTS[name]
    out = build(*frames, source=SOURCE)
    if single:
        assert out.get_title(loc="left")
        assert _source_of(out) == SOURCE
    else:
        texts = _all_text(out)
        assert any(t.startswith(("Articles per day", "International reactions"))
                   for t in texts), texts
        assert any(SOURCE in t for t in texts)


@pytest.mark.parametrize("name", [n for n, (_, single) in CHARTS.items() if single])
def test_single_axes_charts_draw_on_the_given_axes(frames, name):
    fig, ax = plt.subplots()
    out = CHARTS[name][0](*frames, ax=ax)
    assert out is ax
    assert len(plt.get_fignums()) == 1


@pytest.mark.parametrize("fn, single", [(P.coverage_timeline_figure, "plot_coverage_timeline"),
                                        (P.reactions_map_figure, "plot_reactions_map")])
def test_figure_functions_refuse_ax_and_point_to_the_axes_function(fn, single):
    _, ax = plt.subplots()
    with pytest.raises(TypeError, match=single):
        fn(pd.DataFrame(), ax=ax)


def test_charts_leave_rcparams_as_they_were(frames):
    before = dict(mpl.rcParams)
    for build, _ in CHARTS.values():
        build(*frames)
    after = dict(mpl.rcParams)
    assert {k for k in before if before[k] != after[k]} == set()


def test_outlet_keeps_its_colour_after_filtering(frames):
    a, q, _ = frames
    palette = outlet_palette(a["outlet"])
    assert palette["Reuters"] == OUTLET_COLORS[0]
    assert len(set(palette.values())) == len(OUTLETS)
    only_tass = T.filter_articles(a, outlets=["TASS"])
    ax = P.plot_coverage_timeline(T.coverage_timeline(only_tass), palette=palette)
    assert _series(ax)["TASS"][0] == palette["TASS"].lower()
    ax = P.plot_top_speakers(T.speaker_counts(T.filter_quotes(q, outlets=["Xinhua"])))
    assert {to_hex(p.get_facecolor()) for p in ax.patches} == {palette["Xinhua"].lower()}


def test_timeline_lines_and_legend_in_outlet_order(frames):
    ax = P.plot_coverage_timeline(T.coverage_timeline(frames[0]), max_outlets=0)
    assert _legend(ax) == OUTLETS
    assert ax.get_ylabel() == "Articles per day"
    assert sum(_series(ax)["Reuters"][1]) == 5
    # counts are steps, never slopes or areas
    assert not ax.get_lines() and not ax.collections


def test_timeline_groups_small_outlets_as_other_in_grey(frames):
    ax = P.plot_coverage_timeline(T.coverage_timeline(frames[0]), max_outlets=4)
    # the three biggest outlets (Reuters 5, BBC 4, DW 4) keep their colours, in outlet order
    assert _legend(ax) == ["Reuters", "BBC News", "Deutsche Welle", "Other outlets (5)"]
    colour, values = _series(ax)["Other outlets (5)"]
    assert colour == P.OTHER_COLOR.lower()
    assert sum(values) == 25 - 13
    stories = P.plot_coverage_timeline(T.coverage_timeline(frames[0], dedupe_syndicated=True),
                                       kind="bar")
    assert stories.get_ylabel() == "Stories per day"
    assert stories.get_title(loc="left").startswith("Stories per day")
    # the legend lists the stack from the top down
    assert _legend(stories)[0] == "Other outlets (1)" or _legend(stories)[-1] == "Reuters"
    hourly = P.plot_coverage_timeline(T.coverage_timeline(frames[0], freq="hour"))
    assert hourly.get_ylabel() == "Articles per hour"


def test_small_multiples_one_panel_per_outlet_with_totals(frames):
    fig = P.coverage_timeline_figure(T.coverage_timeline(frames[0]), ncols=3)
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_visible()]
    assert titles[:3] == ["Reuters (5)", "AP (3)", "BBC News (4)"]
    assert len(titles) == 8
    assert sum(not ax.get_visible() for ax in fig.axes) == 1  # 3x3 grid, one spare
    # the panel above the empty slot ends its column, so it carries the date labels
    above_spare = fig.axes[5]
    fig.canvas.draw()
    assert any(t.get_text() for t in above_spare.get_xticklabels() if t.get_visible())


def test_top_speakers_bars_sorted_and_stacked(frames):
    ax = P.plot_top_speakers(T.speaker_counts(frames[1]), top=3)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[:2] == ["Ilona Brask", "Teodor Valkan"]
    assert len(labels) == 4 and labels[3] == "All other speakers (4)"  # top 3 + the rest
    assert len(P.plot_top_speakers(T.speaker_counts(frames[1]), top=3, other=False)
               .get_yticklabels()) == 3
    assert " 4" in _texts(ax)  # total printed at the bar's end
    assert _legend(ax)[0] == "Reuters"
    grouped = P.plot_top_speakers(T.speaker_counts(frames[1]), max_outlets=3)
    assert _legend(grouped)[-1].startswith("Other outlets (")
    assert len(_legend(grouped)) == 3


def test_heatmap_cells_and_labels(frames):
    ax = P.plot_outlet_date_heatmap(T.outlet_date_matrix(frames[0]))
    assert [t.get_text() for t in ax.get_yticklabels()] == OUTLETS
    assert ax.get_xticklabels()[0].get_text() == "3 Mar"
    assert _texts(ax).count("1") == 25 - 0  # one annotated cell per article (no day has 2)
    sp = P.plot_speaker_outlet_heatmap(T.speaker_outlet_matrix(frames[1]))
    assert "林浩" in [t.get_text() for t in sp.get_yticklabels()]


def test_quote_propagation_lanes_and_first_carrier(frames):
    ax = P.plot_quote_propagation(T.quote_propagation(frames[1]))
    lanes = [t.get_text() for t in ax.get_yticklabels()]
    assert lanes[0].startswith("“We will restore order")
    assert "4 timed outlets, first: Reuters" in lanes[0]
    assert _legend(ax)[-1] == "first carrier"
    assert "hours" in ax.get_xlabel()


def test_reactions_map_shows_each_countrys_mix_of_stances(frames):
    t = T.reactions_by_country_stance(frames[2])
    ax = P.plot_reactions_map(t)
    assert _legend(ax)[:2] == ["Condemns", "Voices concern"]
    assert "no reported reaction" in _legend(ax)
    faces = {to_hex(p.get_facecolor()) for p in ax.patches}
    for stance in ("condemn", "concern", "support", "neutral"):
        assert STANCE_COLORS[stance].lower() in faces


def test_a_mixed_record_is_drawn_as_a_mix_and_hungary_has_an_outline():
    # Germany: 23 condemn, 15 concern, 17 neutral; Hungary: 8 statements, mostly support
    t = pd.DataFrame({"country": ["DEU"] * 3 + ["HUN"] * 2,
                      "country_name": ["Germany"] * 3 + ["Hungary"] * 2,
                      "kind": ["country"] * 5,
                      "stance": ["condemn", "concern", "neutral", "support", "neutral"],
                      "n_statements": [23, 15, 17, 6, 2], "n_articles": [9, 7, 8, 3, 1],
                      "n_outlets": [5, 4, 4, 2, 1]})
    ax = P.plot_reactions_map(t)
    wedges = [p for p in ax.patches if isinstance(p, mpl.patches.Wedge)]
    sweeps = sorted(round(w.theta2 - w.theta1) for w in wedges)
    assert len(wedges) == 5  # three slices for Germany, two for Hungary
    assert sweeps == sorted([round(360 * k / 55) for k in (23, 15, 17)]
                            + [round(360 * k / 8) for k in (6, 2)])
    assert "HUN" in set(P.world_countries()["iso_a3"])


def test_reactions_map_figure_lists_organisations_beside_the_map(frames):
    t = T.reactions_by_country_stance(frames[2], entities=entities_frame())
    fig = P.reactions_map_figure(t, focus="XVA", focus_name="Veldavia", source=SOURCE)
    titles = {ax.get_title(loc="left"): ax for ax in fig.axes}
    assert "Europe" in titles  # DEU, FRA, GBR and LUX reacted: Europe gets a zoomed map
    side = titles["Organisations and countries not on the map"]
    names = [x.get_text() for x in side.get_yticklabels()]
    assert set(names) == {"Eastern Security Compact", "European Union", "United Nations"}
    assert all(x.get_fontstyle() == "italic" for x in side.get_yticklabels())
    assert any("Veldavia (the country the event is about) is not on the map" in t
               for t in _all_text(fig))


def test_reactions_by_country_bars_by_stance(frames):
    ax = P.plot_reactions_by_country(T.reactions_by_country_stance(frames[2]))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 10 and "Veldavia" not in labels and "XVA" not in labels
    assert set(_legend(ax)) == {P.STANCE_LABELS[s] for s in STANCE_COLORS}


def test_reaction_timeline_earliest_first_with_t0(frames):
    a, _, r = frames
    ax = P.plot_reaction_timeline(T.reaction_timeline(r, articles=a))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "United Kingdom"
    assert "T0 = 3 Mar 2025 09:12 UTC" in ax.get_xlabel()
    assert "BBC News" in _texts(ax)


def test_sentiment_by_outlet_dots_in_outlet_colours(frames):
    ax = P.plot_sentiment_by_outlet(T.sentiment_by_outlet(frames[1]))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "Reuters (n = 4)"
    assert "Mean polarity" in ax.get_xlabel()
    lo, hi = ax.get_xlim()
    assert lo < 0 < hi and lo == pytest.approx(-hi)


def test_non_latin_names_render_with_installed_fonts(tmp_path, recwarn):
    q = quotes_frame()
    q.loc[0, "speaker"] = "Тодор Валкан"
    q.loc[1, "speaker"] = "林浩"
    q.loc[2, "speaker"] = "سامي الحسن"
    q.loc[3, "speaker"] = "佐藤 健"
    q["speaker_id"] = q["speaker"]
    with theme():
        ax = P.plot_top_speakers(T.speaker_counts(q))
        ax.figure.canvas.draw()
    missing = [str(w.message) for w in recwarn if "missing from font" in str(w.message)]
    assert missing == []
    labels = {t.get_text() for t in ax.get_yticklabels()}
    assert {"Тодор Валкан", "林浩", "سامي الحسن", "佐藤 健"} <= labels


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_save_figure_by_suffix(tmp_path, suffix):
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1], [0, 1])
    path = save_figure(fig, tmp_path / "nested" / f"chart{suffix}", dpi=72)
    data = path.read_bytes()
    if suffix == ".png":
        img = Image.open(path)
        dpi = img.info.get("dpi", (0, 0))[0]
        assert round(dpi) >= 200  # raised to the minimum
        assert img.size[0] >= 4 * 200 * 0.9
    elif suffix == ".svg":
        root = ET.fromstring(data)
        assert root.tag.endswith("svg")
        assert b"<dc:date>" not in data  # no timestamp: same bytes every run
    else:
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert path.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_svg_keeps_its_text_editable_with_a_generic_family_last(tmp_path):
    with theme():
        ax = P.plot_coverage_timeline(T.coverage_timeline(articles_frame()), source=SOURCE,
                                      subtitle="Outlets: Reuters, TASS")
        path = save_figure(ax.figure, tmp_path / "timeline.svg")
    svg = path.read_text(encoding="utf-8")
    assert "Articles per day, by outlet" in svg and "Outlets: Reuters, TASS" in svg
    assert SOURCE in svg
    assert "sans-serif" in svg.split("font-family", 1)[1].split(";", 1)[0]


def test_no_figure_exceeds_4000_px_even_over_five_years_of_days(tmp_path):
    days = pd.date_range("2018-06-19", "2023-11-02", freq="5D", tz="UTC")
    a = pd.DataFrame({"outlet": pd.Categorical([f"Outlet {i % 40:02d}" for i in range(len(days))]),
                      "published": days})
    daily = T.outlet_date_matrix(a, freq="day")  # the user insisted on days
    assert daily.shape[1] > 1900
    ax = P.plot_outlet_date_heatmap(daily, top=10)
    assert max(ax.figure.get_size_inches()) <= 20
    assert len(ax.get_yticklabels()) == 11  # top 10 + "Other outlets (30)"
    assert ax.get_yticklabels()[-1].get_text() == "Other outlets (30)"
    out = save_figure(ax.figure, tmp_path / "heatmap.png")
    assert max(Image.open(out).size) <= 4000
    fig = P.coverage_timeline_figure(T.coverage_timeline(a, freq="auto"), top=5)
    assert sum(ax.get_visible() for ax in fig.axes) == 6  # five outlets and "35 other outlets"
    assert max(fig.get_size_inches()) <= 20


def test_a_span_across_years_puts_the_year_in_every_tick_label():
    a = pd.DataFrame({"outlet": pd.Categorical(["DW", "DW", "TASS"]),
                      "published": pd.to_datetime(["2019-03-01", "2020-07-01", "2023-11-02"],
                                                  utc=True)})
    tl = T.coverage_timeline(a, freq="auto")
    assert tl.attrs["freq"] == "month"
    ax = P.plot_coverage_timeline(tl)
    ax.figure.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert labels and all(any(str(y) in lab for y in range(2018, 2025)) for lab in labels)
    assert ax.get_ylabel() == "Articles per month"


def test_one_article_is_one_bar():
    a = pd.DataFrame({"outlet": pd.Categorical(["Reuters"]),
                      "published": pd.to_datetime(["2025-03-06 14:00"], utc=True)})
    ax = P.plot_coverage_timeline(T.coverage_timeline(a, freq="auto"))
    bars = [b for c in ax.containers for b in c.patches]
    assert [b.get_height() for b in bars] == [1]
    lo, hi = ax.get_xlim()
    assert lo < bars[0].get_x() and bars[0].get_x() + bars[0].get_width() < hi
    assert P.NO_DATA not in _texts(ax)


def test_sentiment_marks_unreadable_languages_instead_of_zero():
    q = pd.DataFrame({"outlet": pd.Categorical(["DW", "DW", "Le Monde"]),
                      "language": ["en", "de", "fr"], "polarity": [-0.4, 0.0, 0.0]})
    ax = P.plot_sentiment_by_outlet(T.sentiment_by_outlet(q))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["DW (n = 1; 1 not scored)"]
    assert "not scored (not English, TextBlob cannot read it): Le Monde" in ax.get_xlabel()


def test_propagation_places_timed_pickups_and_lists_date_only_ones():
    q = pd.DataFrame({"article_id": ["a1", "a2", "a3"],
                      "outlet": pd.Categorical(["Le Monde", "Reuters", "DW"]),
                      "speaker": ["Ilona Brask"] * 3,
                      "quote": ["We will not leave the square tonight"] * 3,
                      "published": pd.to_datetime(["2025-03-06 00:00", "2025-03-06 08:00",
                                                   "2025-03-06 11:30"], utc=True),
                      "published_precision": ["date", "timestamp", "timestamp"]})
    ax = P.plot_quote_propagation(T.quote_propagation(q))
    lane = ax.get_yticklabels()[0].get_text()
    assert "2 timed outlets, first: Reuters" in lane
    assert "+ 1 with a date only: Le Monde" in lane
    xs = sorted(float(x) for c in ax.collections for x, _ in c.get_offsets())
    assert xs == [0.0, 3.5]


def test_save_figure_rejects_unknown_suffix(tmp_path):
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match=r"chart\.docx: cannot tell the format"):
        save_figure(fig, tmp_path / "chart.docx")


def test_world_map_is_offline_and_has_reacting_countries():
    world = P.world_countries()
    assert len(world) > 150
    assert {"DEU", "RUS", "CHN", "QAT", "LUX", "HUN", "FRA", "NOR"} <= set(world["iso_a3"])
    assert "XVA" not in set(world["iso_a3"])


@pytest.mark.slow
def test_every_chart_draws_the_sample_corpus(tmp_path):
    import warnings
    from pathlib import Path

    from coverage_kit.extract.quotes import quotes_table
    from coverage_kit.extract.reactions import reactions_table
    from coverage_kit.loader import load_articles

    sample = Path(__file__).resolve().parents[1] / "data" / "sample"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = load_articles(sample).articles
    frames = (a, quotes_table(a), reactions_table(a, actors=sample))
    source = T.source_note(a)
    for name, (build, single) in CHARTS.items():
        out = build(*frames, source=source)
        fig = out if not single else out.figure
        fig.set_dpi(40)
        fig.canvas.draw()
        texts = _all_text(fig)
        assert not any(P.NO_DATA in t for t in texts), name
        assert any(source in t for t in texts), name
        plt.close(fig)


def test_package_theme_is_the_context_manager_even_after_the_module_is_imported():
    import coverage_kit as ck
    import coverage_kit.theme  # noqa: F401  (binds the submodule to ck.theme)

    with ck.theme(font_scale=2.0):
        assert mpl.rcParams["font.size"] == pytest.approx(19.0)
    assert mpl.rcParams["font.size"] != pytest.approx(19.0)


def test_plot_functions_keep_an_open_theme(frames):
    with theme(font_scale=2.0):
        big = P.plot_top_speakers(T.speaker_counts(frames[1]))
    normal = P.plot_top_speakers(T.speaker_counts(frames[1]))
    size = big._left_title.get_fontsize()
    assert size == pytest.approx(2.0 * normal._left_title.get_fontsize())


def test_theme_loads_only_the_fallback_fonts_the_texts_need():
    from coverage_kit.theme import families_for, font_families

    assert families_for(["Reuters", "Тодор Валкан", "Türkiye", "Ilona Brask"]) == ["DejaVu Sans"]
    if "WenQuanYi Micro Hei" in font_families():
        assert families_for(["林浩"]) == ["DejaVu Sans", "WenQuanYi Micro Hei"]
    with theme(texts=["Reuters"]):
        assert list(mpl.rcParams["font.family"]) == ["DejaVu Sans", "sans-serif"]
