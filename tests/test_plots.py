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

SOURCE = "n = 25 articles from 8 outlets, 3–20 Mar 2025"

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
    ax = P.plot_coverage_timeline(T.coverage_timeline(only_tass))
    assert to_hex(ax.get_lines()[0].get_color()) == palette["TASS"].lower()
    ax = P.plot_top_speakers(T.speaker_counts(T.filter_quotes(q, outlets=["Xinhua"])))
    assert {to_hex(p.get_facecolor()) for p in ax.patches} == {palette["Xinhua"].lower()}


def test_timeline_lines_and_legend_in_outlet_order(frames):
    ax = P.plot_coverage_timeline(T.coverage_timeline(frames[0]), max_outlets=0)
    assert _legend(ax) == OUTLETS
    assert ax.get_ylabel() == "Articles per day"
    reuters = ax.get_lines()[0].get_ydata()
    assert sum(reuters) == 5


def test_timeline_groups_small_outlets_as_other_in_grey(frames):
    ax = P.plot_coverage_timeline(T.coverage_timeline(frames[0]), max_outlets=4)
    # the three biggest outlets (Reuters 5, BBC 4, DW 4) keep their colours, in outlet order
    assert _legend(ax) == ["Reuters", "BBC News", "Deutsche Welle", "Other outlets (5)"]
    other = ax.get_lines()[-1]
    assert to_hex(other.get_color()) == P.OTHER_COLOR.lower()
    assert sum(other.get_ydata()) == 25 - 13
    stories = P.plot_coverage_timeline(T.coverage_timeline(frames[0], dedupe_syndicated=True),
                                       kind="area")
    assert stories.get_ylabel() == "Stories per day"
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
    assert len(labels) == 3
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
    assert "4 outlets, first: Reuters" in lanes[0]
    assert _legend(ax)[-1] == "first carrier"
    assert "hours" in ax.get_xlabel()


def test_reactions_map_colours_countries_by_stance(frames):
    t = T.reactions_by_country_stance(frames[2])
    ax = P.plot_reactions_map(t)
    assert _legend(ax)[:2] == ["Condemns", "Voices concern"]
    assert "no reported reaction" in _legend(ax)
    faces = {to_hex(c) for coll in ax.collections for c in coll.get_facecolors()}
    for stance in ("condemn", "concern", "support", "neutral"):
        assert STANCE_COLORS[stance].lower() in faces


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


def test_save_figure_rejects_unknown_suffix(tmp_path):
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match=r"chart\.docx: cannot tell the format"):
        save_figure(fig, tmp_path / "chart.docx")


def test_world_map_is_offline_and_has_reacting_countries():
    world = P.world_countries()
    assert len(world) > 150
    assert {"DEU", "RUS", "CHN", "QAT", "LUX"} <= set(world["iso_a3"])
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
        assert list(mpl.rcParams["font.family"]) == ["DejaVu Sans"]
