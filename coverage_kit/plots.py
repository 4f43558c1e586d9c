"""Charts: the tables of :mod:`coverage_kit.tables` drawn with matplotlib.

Single-axes functions are named ``plot_*``: they take ``ax=``, draw only on it and return it.
Multi-panel functions are named ``*_figure``: they make and return their own Figure and refuse
``ax=``. None of them changes matplotlib's global state: each draws inside
:func:`coverage_kit.theme.theme` (unless the caller already opened one) and leaves the
rcParams as they were.

Every chart has a title, axis labels with units, one colour per outlet (from the outlet's
position in the ordered categorical) and, when ``source=`` is given, a source line under the
chart such as "n = 1,204 articles from 12 outlets, 5–21 Jan 2022"
(:func:`coverage_kit.tables.source_note`). A table with no rows gives a chart that says
"No data for this filter" instead of an empty frame.
"""

from __future__ import annotations

import contextlib
import functools
import textwrap
from collections.abc import Iterable, Mapping

import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.transforms import Bbox

from . import tables as _tables
from .errors import SchemaError
from .schema import STANCES, require_columns
from ._paths import data_file
from .theme import (INK, MUTED, OTHER_COLOR, fit_size, outlet_palette, stance_palette,
                    theme)

NO_DATA = "No data for this filter"
SOURCE_COLOR = "#595959"

STANCE_LABELS = {
    "condemn": "Condemns",
    "concern": "Voices concern",
    "support": "Supports",
    "neutral": "Neutral / calls for calm",
}

# --------------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------------

@contextlib.contextmanager
def _themed():
    """Apply the theme unless the caller already opened one (so ``theme(font_scale=...)``
    wins)."""
    from . import theme as _theme_module

    with contextlib.nullcontext() if _theme_module.active() else theme():
        yield


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    if ax is None:
        _, ax = plt.subplots(figsize=fit_size(*figsize), layout="constrained")
    return ax


def set_title(ax: Axes, title: str | None, subtitle: str | None = None) -> None:
    """The chart's title (bold, left) and, under it, a smaller grey ``subtitle`` (the active
    filters), both above the axes.

    Examples
    --------
    >>> fig, ax = plt.subplots()
    >>> set_title(ax, "Articles per day", "Outlets: Reuters, DW")
    >>> [t.get_text() for t in ax.texts if t.get_gid() == "subtitle"]
    ['Outlets: Reuters, DW']
    >>> plt.close(fig)
    """
    if not subtitle:
        if title is not None:
            ax.set_title(title)
        return
    fs = mpl.rcParams["font.size"] * 0.85
    ax.set_title(f"{title or ''}\n", linespacing=1.45)
    ax.annotate(_wrap(subtitle, 120, 1), xy=(0, 1), xycoords="axes fraction",
                xytext=(0, mpl.rcParams["axes.titlepad"] + 1.0), textcoords="offset points",
                ha="left", va="bottom", fontsize=fs, color=SOURCE_COLOR,
                annotation_clip=False, gid="subtitle")


def _reject_ax(ax: object, name: str, single: str) -> None:
    if ax is not None:
        raise TypeError(
            f"{name}() draws several panels and makes its own figure, so it takes no ax=; "
            f"to draw on your own Axes use {single}(..., ax=ax)"
        )


def _below_axes(ax: Axes):
    cache: dict[tuple, Bbox] = {}
    ax.figure.canvas.mpl_connect("draw_event", lambda event: cache.clear())

    def bbox(renderer) -> Bbox:
        # Measuring tick labels is costly and this is asked several times per draw: reuse the
        # answer while the renderer, the axes' place and its limits are unchanged.
        key = (id(renderer), getattr(renderer, "width", None), getattr(renderer, "height", None),
               tuple(ax.get_position().bounds), tuple(ax.viewLim.bounds))
        if key in cache:
            return cache[key]
        cache.clear()
        boxes = [ax.get_window_extent(renderer)]
        for axis in (ax.xaxis, ax.yaxis):
            if axis.get_visible():
                tb = axis.get_tightbbox(renderer)
                if tb is not None and tb.width > 0:
                    boxes.append(tb)
        cache[key] = Bbox.union(boxes)
        return cache[key]

    return bbox


def add_source(ax: Axes, text: str | None) -> None:
    """Write the source line under ``ax``, below its tick and axis labels, left-aligned.

    Examples
    --------
    >>> fig, ax = plt.subplots()
    >>> add_source(ax, "n = 3 articles from 2 outlets, 6–7 Mar 2025")
    >>> ax.texts[-1].get_text()
    'n = 3 articles from 2 outlets, 6–7 Mar 2025'
    >>> plt.close(fig)
    """
    if not text:
        return
    ax.annotate(text, xy=(0, 0), xycoords=_below_axes(ax), xytext=(0, -6),
                textcoords="offset points", ha="left", va="top",
                fontsize=mpl.rcParams["font.size"] * 0.8, color=SOURCE_COLOR,
                annotation_clip=False, gid="source")


def _figure_source(fig: Figure, text: str | None) -> None:
    if text:
        fig.supxlabel(text, x=0.01, ha="left", fontsize=mpl.rcParams["font.size"] * 0.8,
                      color=SOURCE_COLOR)


def _figure_title(fig: Figure, title: str | None, subtitle: str | None = None) -> None:
    if title:
        fig.suptitle(title, x=0.01, ha="left", fontweight="bold",
                     fontsize=mpl.rcParams["axes.titlesize"])
    if subtitle:
        # constrained layout keeps room for the suptitle only: the filters go in a second
        # (regular-weight) line of it
        fig.suptitle(f"{title or ''}\n", x=0.01, ha="left", fontweight="bold",
                     fontsize=mpl.rcParams["axes.titlesize"])
        fig.text(0.01, 1.0, _wrap(subtitle, 150, 1), ha="left", va="top", gid="subtitle",
                 fontsize=mpl.rcParams["font.size"] * 0.85, color=SOURCE_COLOR,
                 transform=fig.transFigure + mpl.transforms.ScaledTranslation(
                     0, -mpl.rcParams["axes.titlesize"] * 1.55 / 72, fig.dpi_scale_trans))


def no_data(ax: Axes, *, title: str | None = None, message: str = NO_DATA,
            hint: str | None = None, source: str | None = None) -> Axes:
    """Turn ``ax`` into a panel that says there is nothing to show, keeping the title.

    Examples
    --------
    >>> fig, ax = plt.subplots()
    >>> no_data(ax, title="Top speakers").texts[0].get_text()
    'No data for this filter'
    >>> plt.close(fig)
    """
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(True)
        side.set_color("#BBBBBB")
        side.set_linestyle((0, (4, 3)))
    ax.set_facecolor("#FAFAFA")
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center",
            fontsize=mpl.rcParams["font.size"] * 1.2, color="#666666", gid="no-data")
    if hint:
        ax.text(0.5, 0.42, hint, transform=ax.transAxes, ha="center", va="top",
                fontsize=mpl.rcParams["font.size"] * 0.9, color="#777777")
    if title:
        ax.set_title(title)
    add_source(ax, source)
    return ax


def _check(data: pd.DataFrame, columns: Iterable[str], name: str, expected: str) -> None:
    """A table with rows must have the columns a chart reads (SchemaError naming the table
    function that makes it); an empty table draws "No data" whatever its columns."""
    if not isinstance(data, pd.DataFrame) or len(data):
        require_columns(data, columns, f"{name}: the table", expected=f"tables.{expected}")


def _palette(values: pd.Series, palette: Mapping[str, str] | None) -> dict[str, str]:
    return dict(palette) if palette is not None else outlet_palette(values)


def _present(series: pd.Series) -> list[str]:
    """Values present, in categorical order when there is one."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        seen = set(series.dropna().astype("object"))
        return [str(c) for c in series.cat.categories if c in seen]
    return [str(v) for v in pd.unique(series.dropna())]


def _legend_right(ax: Axes, handles=None, labels=None, title: str | None = None, **kw):
    if handles is None:
        handles, labels = ax.get_legend_handles_labels()
    if not handles:
        return None
    return ax.legend(handles, labels, title=title, loc="upper left",
                     bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0, **kw)


OTHER_OUTLETS = "Other outlets"


def _group_minor(wide: pd.DataFrame, max_outlets: int | None,
                 colors: Mapping[str, str] | None = None) -> tuple[pd.DataFrame, int]:
    """Keep the ``max_outlets`` biggest columns (outlets) in their order; sum the rest into
    an "Other outlets" column, last. Returns the frame and how many outlets were grouped.

    With ``colors``, outlets the palette leaves grey are never drawn on their own (two grey
    series could not be told apart): they join "Other outlets" too."""
    grey = {c for c in wide.columns if colors is not None
            and str(colors.get(c, OTHER_COLOR)).upper() == OTHER_COLOR.upper()}
    if (max_outlets is None or wide.shape[1] <= max_outlets) and len(grey) <= 1:
        return wide, 0
    keep_n = max(1, (max_outlets or wide.shape[1]) - 1)
    totals = wide.drop(columns=list(grey)).sum(axis=0)
    top = set(totals.sort_values(ascending=False, kind="stable").index[:keep_n])
    kept = [c for c in wide.columns if c in top]
    rest = [c for c in wide.columns if c not in top]
    out = wide[kept].copy()
    out[OTHER_OUTLETS] = wide[rest].sum(axis=1)
    return out, len(rest)


def _colors_with_other(colors: Mapping[str, str]) -> dict[str, str]:
    return {**colors, OTHER_OUTLETS: OTHER_COLOR}


def _other_label(n: int) -> str:
    return f"{OTHER_OUTLETS} ({n})"


def _wrap(text: str, width: int, lines: int = 2) -> str:
    parts = textwrap.wrap(str(text), width=width, break_long_words=True)
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: max(0, width - 1)].rstrip() + "…"
    return "\n".join(parts)


_UNIT_OF = {"hour": "hour", "day": "day", "week": "week", "month": "month"}
_BIN_DAYS = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.4}


def _date_axis(ax: Axes, axis: str = "x", *, x=None, max_ticks: int = 8,
               freq: str | None = None) -> None:
    """Readable date ticks. When the dates cross a year boundary every label carries the
    year; otherwise the year is in the axis label (see :func:`_year_note`)."""
    target = ax.xaxis if axis == "x" else ax.yaxis
    locator = mdates.AutoDateLocator(minticks=3, maxticks=max_ticks)
    if freq in ("week", "month"):
        locator.intervald[mdates.DAILY] = [1, 7, 14, 28]  # week/month bins: no ticks between
    locator.intervald[mdates.HOURLY] = [1, 2, 3, 4, 6, 12, 24]  # 3 days in 4 ticks
    if freq == "hour":  # hour bins: no ticks at 10-minute steps inside one bar
        locator.intervald[mdates.MINUTELY] = [30, 60]
    target.set_major_locator(locator)
    years = _years(x)
    if freq == "hour":
        fmt = "%-d %b %H:%M" if len(years) <= 1 else "%-d %b %Y %H:%M"
    elif freq == "month":
        fmt = "%b" if len(years) <= 1 else "%b %Y"
    else:
        fmt = "%-d %b" if len(years) <= 1 else "%-d %b %Y"
        if len(years) > 1 and x is not None and len(x) and \
                (pd.Timestamp(np.max(x)) - pd.Timestamp(np.min(x))).days > 240:
            fmt = "%b %Y"
    target.set_major_formatter(mdates.DateFormatter(fmt))
    if len(years) > 1 and fmt.endswith("%Y") and axis == "x":
        for lab in ax.get_xticklabels():
            lab.set_rotation(0)


def _years(x) -> list[int]:
    if x is None or not len(x):
        return []
    return sorted({pd.Timestamp(np.min(x)).year, pd.Timestamp(np.max(x)).year})


def _year_note(x) -> str:
    """", 2025" for an axis label when every date is in one year (the ticks omit it)."""
    years = _years(x)
    return f", {years[0]}" if len(years) == 1 else ""


def _naive(ts: pd.Series) -> np.ndarray:
    """UTC timestamps as numpy datetimes matplotlib's date axis understands."""
    return pd.to_datetime(ts, utc=True).dt.tz_convert("UTC").dt.tz_localize(None).to_numpy()


def _freq_label(periods: pd.Series, attrs: Mapping | None = None) -> str:
    """The bin of a timeline: ``attrs["freq"]`` when the table says, else guessed."""
    if attrs and attrs.get("freq") in _UNIT_OF:
        return str(attrs["freq"])
    p = pd.Series(pd.to_datetime(periods).unique()).sort_values()
    if len(p) > 1:
        step = p.diff().dropna().min()
        if step < pd.Timedelta(days=1):
            return "hour"
        if step >= pd.Timedelta(days=28):
            return "month"
        if step >= pd.Timedelta(days=7):
            return "week"
    return "day"


def _edges(starts: np.ndarray, freq: str) -> np.ndarray:
    """Bin edges (numpy datetimes) for bins starting at ``starts``: one more than starts."""
    if not len(starts):
        return starts
    last = pd.Timestamp(starts[-1])
    if freq == "month":
        end = last + pd.offsets.MonthBegin(1)
    else:
        end = last + pd.Timedelta(days=_BIN_DAYS.get(freq, 1.0)) if freq != "hour" \
            else last + pd.Timedelta(hours=1)
    return np.append(starts, np.datetime64(end.to_datetime64()))


def _noun(attrs: Mapping | None, *, capital: bool = True) -> str:
    """"Stories" when syndicated copies are counted once, else "Articles"."""
    word = "stories" if attrs and attrs.get("dedupe_syndicated") else "articles"
    return word.capitalize() if capital else word


def add_events(ax: Axes, events: Iterable | Mapping | None) -> None:
    """Mark events on a date axis: a dashed line and a label at the top of the axes.

    ``events`` maps a date (or time) to its label, or is a list of ``(date, label)`` pairs
    or of ``"2025-03-08=Brask arrested"`` strings. Events outside the drawn span are skipped.

    Examples
    --------
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot(pd.to_datetime(["2025-03-05", "2025-03-10"]), [1, 2])
    >>> add_events(ax, {"2025-03-08": "Brask arrested"})
    >>> [t.get_text() for t in ax.texts if t.get_gid() == "event"]
    ['Brask arrested']
    >>> plt.close(fig)
    """
    for when, label in parse_events(events):
        x = mdates.date2num(when.tz_convert("UTC").tz_localize(None).to_datetime64())
        lo, hi = sorted(ax.get_xlim())
        if not lo <= x <= hi:
            continue
        ax.axvline(x, color="#444444", lw=0.9, ls=(0, (4, 2)), zorder=4, gid="event-line")
        ax.annotate(_wrap(label, 24, 2), xy=(x, 1.0), xycoords=("data", "axes fraction"),
                    xytext=(3, -3), textcoords="offset points", ha="left", va="top",
                    fontsize=mpl.rcParams["font.size"] * 0.78, color="#333333",
                    gid="event", annotation_clip=False,
                    bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1})


def parse_events(events: Iterable | Mapping | None) -> list[tuple[pd.Timestamp, str]]:
    """``events`` as sorted ``(UTC timestamp, label)`` pairs.

    Examples
    --------
    >>> parse_events(["2025-03-08=Brask arrested"])[0][1]
    'Brask arrested'
    """
    if not events:
        return []
    items = events.items() if isinstance(events, Mapping) else events
    out = []
    for item in items:
        if isinstance(item, str):
            when, _, label = item.partition("=")
        else:
            when, label = item
        ts = pd.Timestamp(str(when).strip() if isinstance(when, str) else when)
        ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
        out.append((ts, str(label).strip() or f"{ts:%-d %b %Y}"))
    return sorted(out, key=lambda e: e[0])


# --------------------------------------------------------------------------------------------
# Coverage
# --------------------------------------------------------------------------------------------


def _wide_timeline(timeline: pd.DataFrame) -> pd.DataFrame:
    outlets = _present(timeline["outlet"])
    return (timeline.assign(outlet=timeline["outlet"].astype("object"))
            .pivot_table(index="period", columns="outlet", values="n_articles",
                         aggfunc="sum", fill_value=0)
            .reindex(columns=outlets, fill_value=0).sort_index())


@contextlib.contextmanager
def _bar_limits_once(ax: Axes):
    """Add many bars, then widen the data limits once for all of them.

    Matplotlib measures each patch it adds by walking its outline as Bezier curves; for the
    hundred-odd bars of a stacked chart that was a third of the time spent building it. The
    bars are plain rectangles in data coordinates, so their corners give the same limits
    (zero-size bars are skipped, as matplotlib skips them)."""
    added: list = []
    ax._update_patch_limits = added.append  # an instance attribute: this Axes only
    try:
        yield
    finally:
        del ax._update_patch_limits
        corners = []
        for p in added:
            if not (isinstance(p, mpl.patches.Rectangle) and p.get_angle() == 0
                    and p.get_data_transform() == ax.transData):
                ax._update_patch_limits(p)  # anything else: matplotlib's own way
                continue
            w, h = p.get_width(), p.get_height()
            if not w and not h:
                continue
            x0, y0 = p.get_xy()
            corners += [(x0, y0), (x0 + w, y0 + h)]
        if corners:
            ax.update_datalim(np.asarray(corners, dtype=float))


def _bars(ax: Axes, x: np.ndarray, edges: np.ndarray, values: np.ndarray, series: list[str],
          labels: list[str], colors: Mapping[str, str]) -> list:
    """Stacked bars, one per bin (a bin's width, less a small gap); returns the handles in
    stack order, bottom first."""
    widths = (edges[1:] - edges[:-1]) / np.timedelta64(1, "D")
    gap = 0.12 if len(x) > 1 else 0.3
    bottom = np.zeros(len(x))
    handles = []
    with _bar_limits_once(ax):
        for i, (o, lab) in enumerate(zip(series, labels, strict=True)):
            h = ax.bar(x, values[:, i], width=widths * (1 - gap), bottom=bottom, align="edge",
                       color=colors[o], label=lab, edgecolor="white", linewidth=0.3)
            handles.append(h)
            bottom += values[:, i]
    return handles


def plot_coverage_timeline(timeline: pd.DataFrame, *, kind: str = "step",
                           max_outlets: int | None = None,
                           palette: Mapping[str, str] | None = None, title: str | None = None,
                           subtitle: str | None = None, events=None,
                           source: str | None = None, ax: Axes | None = None) -> Axes:
    """Articles per outlet and time bin, as steps (one per outlet) or stacked bars.

    Counts are drawn as steps or bars, never as areas or slopes: a bin with one article is
    one bar (or step) of height 1, however few bins there are.

    Parameters
    ----------
    timeline : DataFrame
        Output of :func:`coverage_kit.tables.coverage_timeline` (any ``freq``).
    kind : {"step", "bar"}
        One step line per outlet, or bars stacked to the total (``"line"`` and ``"area"``
        are accepted as the old names of these two).
    max_outlets : int, optional
        Draw at most this many series: the biggest outlets in their own colours and the rest
        summed as "Other outlets (n)" in grey. Default 6 for steps, 9 for bars; 0 draws
        every outlet.
    palette : mapping, optional
        Outlet to colour; default :func:`coverage_kit.theme.outlet_palette` of the outlet
        categories.
    title, subtitle, source : str, optional
        Chart title (a default is given), the active filters under it, and the source line
        under the chart.
    events : mapping or list, optional
        Dates to mark with a dashed line and a label (see :func:`add_events`).
    ax : Axes, optional
        Where to draw; a new figure otherwise.

    Returns
    -------
    Axes

    Examples
    --------
    >>> arts = pd.DataFrame({"outlet": pd.Categorical(["DW", "TASS", "DW"]),
    ...     "published": pd.to_datetime(["2025-03-06", "2025-03-06", "2025-03-07"], utc=True)})
    >>> ax = plot_coverage_timeline(_tables.coverage_timeline(arts))
    >>> [t.get_text() for t in ax.get_legend().get_texts()]  # two days: stacked bars, top first
    ['TASS', 'DW']
    >>> plt.close("all")
    """
    _check(timeline, ["period", "outlet", "n_articles"],
           "plot_coverage_timeline", "coverage_timeline(articles)")
    kind = {"line": "step", "area": "bar"}.get(kind, kind)
    if kind not in ("step", "bar"):
        raise ValueError(f"kind must be 'step' or 'bar', not {kind!r}")
    if max_outlets is None:
        max_outlets = 6 if kind == "step" else 9
    with _themed():
        ax = _axes(ax, (10, 4.4))
        noun = _noun(timeline.attrs)
        unit = _freq_label(timeline["period"], timeline.attrs) if not timeline.empty else "day"
        title = title or f"{noun} per {unit}, by outlet"
        if timeline.empty:
            set_title(ax, None, subtitle)
            return no_data(ax, title=title, source=source, hint=f"no {noun.lower()}")
        colors = _colors_with_other(_palette(timeline["outlet"], palette))
        wide = _wide_timeline(timeline)
        wide, n_other = _group_minor(wide, max_outlets or None, colors)
        series = list(wide.columns)
        labels = [_other_label(n_other) if c == OTHER_OUTLETS else c for c in series]
        x = _naive(pd.Series(wide.index))
        edges = _edges(x, unit)
        values = wide.to_numpy(dtype=float)
        if kind == "step" and len(x) <= 2:
            kind = "bar"  # one or two bins: steps would be flat lines; bars say it plainly
        if kind == "bar":
            handles = _bars(ax, x, edges, values, series, labels, colors)
            handles = handles[::-1]  # legend top to bottom = stack top to bottom
            labels = labels[::-1]
        else:
            handles = []
            for i, (o, lab) in enumerate(zip(series, labels, strict=True)):
                other = o == OTHER_OUTLETS
                h = ax.stairs(values[:, i], edges, baseline=None, label=lab, color=colors[o],
                              lw=1.3 if other else 1.8, ls="--" if other else "-",
                              zorder=1 if other else 2)
                handles.append(h)
        pad = (edges[-1] - edges[0]) * 0.02
        ax.set_xlim(edges[0] - pad, edges[-1] + pad)
        ax.ck_bins = edges  # what a click on the chart selects (see widgets.Dashboard.click)
        _date_axis(ax, x=x, max_ticks=10, freq=unit)
        ax.set_ylim(bottom=0, top=max(1.0, float(values.sum(axis=1).max() if kind == "bar"
                                                  else values.max())) * 1.08)
        ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
        ax.grid(axis="y")
        ax.set_ylabel(f"{noun} per {unit}")
        ax.set_xlabel(f"Publication {unit} (UTC){_year_note(x)}")
        set_title(ax, title, subtitle)
        _legend_right(ax, handles, labels,
                      title=f"Outlet (top {len(series) - 1} in colour)" if n_other
                      else "Outlet")
        add_events(ax, events)
        add_source(ax, source)
        return ax


def coverage_timeline_figure(timeline: pd.DataFrame, *, top: int = 12, ncols: int = 4,
                             palette: Mapping[str, str] | None = None,
                             title: str | None = None, subtitle: str | None = None,
                             events=None, source: str | None = None,
                             ax: object = None) -> Figure:
    """Small multiples: one panel per outlet (the ``top`` biggest), the rest summed in a
    last "Other outlets" panel; bars per time bin on a shared scale.

    Parameters
    ----------
    timeline : DataFrame
        Output of :func:`coverage_kit.tables.coverage_timeline` (``by="outlet"``).
    top : int
        Outlets with a panel of their own; the others share one panel.
    ncols : int
        Panels per row.
    palette, title, subtitle, events, source
        As in :func:`plot_coverage_timeline`.

    Returns
    -------
    Figure

    Examples
    --------
    >>> arts = pd.DataFrame({"outlet": pd.Categorical(["DW", "TASS", "DW"]),
    ...     "published": pd.to_datetime(["2025-03-06", "2025-03-06", "2025-03-07"], utc=True)})
    >>> fig = coverage_timeline_figure(_tables.coverage_timeline(arts))
    >>> [a.get_title(loc="left") for a in fig.axes if a.get_visible()]
    ['DW (2)', 'TASS (1)']
    >>> plt.close(fig)
    """
    _check(timeline, ["period", "outlet", "n_articles"],
           "coverage_timeline_figure", "coverage_timeline(articles)")
    _reject_ax(ax, "coverage_timeline_figure", "plot_coverage_timeline")
    with _themed():
        noun = _noun(timeline.attrs)
        unit = _freq_label(timeline["period"], timeline.attrs) if not timeline.empty else "day"
        title = title or f"{noun} per {unit}, one panel per outlet"
        outlets = _present(timeline["outlet"]) if not timeline.empty else []
        if not outlets:
            fig, one = plt.subplots(figsize=(9, 4), layout="constrained")
            set_title(one, None, subtitle)
            no_data(one, title=title, source=source)
            return fig
        wide, n_other = _group_minor(_wide_timeline(timeline), max(1, int(top)) + 1)
        panels = list(wide.columns)
        ncols = max(1, min(ncols, len(panels)))
        nrows = int(np.ceil(len(panels) / ncols))
        width, height = fit_size(2.9 * ncols + 0.9, 1.8 * nrows + 1.7)
        top_in = 1.05 if subtitle else 0.85
        # Fixed margins in inches instead of constrained layout: many panels lay out faster.
        fig, axes = plt.subplots(nrows, ncols, figsize=(width, height), sharex=True,
                                 sharey=True, squeeze=False,
                                 gridspec_kw={"left": 0.75 / width, "right": 1 - 0.15 / width,
                                              "top": 1 - top_in / height,
                                              "bottom": 0.8 / height,
                                              "hspace": 0.55, "wspace": 0.1})
        colors = _colors_with_other(_palette(timeline["outlet"], palette))
        x = _naive(pd.Series(wide.index))
        edges = _edges(x, unit)
        flat = axes.ravel()
        for i, o in enumerate(panels):
            a = flat[i]
            y = wide[o].to_numpy(float)
            _bars(a, x, edges, y[:, None], [o], [o], colors)
            name = f"{n_other} other outlets" if o == OTHER_OUTLETS else o
            a.set_title(f"{_wrap(name, 30, 1)} ({int(y.sum()):,})",
                        fontsize=mpl.rcParams["font.size"], color=INK)
            a.grid(axis="y")
            add_events(a, events if i == 0 else None)
        pad = (edges[-1] - edges[0]) * 0.02
        flat[0].set_xlim(edges[0] - pad, edges[-1] + pad)
        if events:
            for a in flat[1:len(panels)]:
                for when, _ in parse_events(events):
                    a.axvline(when.tz_convert("UTC").tz_localize(None), color="#444444",
                              lw=0.8, ls=(0, (4, 2)), zorder=4)
        _date_axis(flat[0], x=x, max_ticks=4, freq=unit)  # shared by every panel
        for k, a in enumerate(flat[len(panels):], start=len(panels)):
            a.set_visible(False)
            if k - ncols >= 0:  # the panel above now ends its column: give it date labels
                flat[k - ncols].xaxis.set_tick_params(labelbottom=True)
        flat[0].set_ylim(bottom=0)
        flat[0].yaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True, nbins=4))
        for r in range(nrows):
            axes[r, 0].set_ylabel(f"{noun} / {unit}")
        fs = mpl.rcParams["font.size"]
        fig.text(0.75 / width, 1 - 0.2 / height, title, ha="left", va="top",
                 fontweight="bold", fontsize=mpl.rcParams["axes.titlesize"])
        if subtitle:
            fig.text(0.75 / width, 1 - 0.5 / height, _wrap(subtitle, 140, 1), ha="left",
                     va="top", fontsize=fs * 0.85, color=SOURCE_COLOR, gid="subtitle")
        note = (f"panel titles give each outlet's total; {n_other} smaller outlets summed in "
                "the last panel; " if n_other else "panel titles give each outlet's total; ")
        fig.text(0.12 / width, 0.12 / height,
                 (source + " · " if source else "") + note + f"{unit}s in UTC{_year_note(x)}",
                 ha="left", va="bottom", fontsize=fs * 0.8, color=SOURCE_COLOR, gid="source")
        return fig


def _heatmap(ax: Axes, matrix: pd.DataFrame, *, cmap: str, xlabels: list[str],
             ylabels: list[str], cbar_label: str, annotate: bool | None) -> None:
    values = matrix.to_numpy(dtype=float, na_value=0.0)
    vmax = max(1.0, float(np.nanmax(values)) if values.size else 1.0)
    im = ax.imshow(values, aspect="auto", cmap=cmap, vmin=0, vmax=vmax,
                   interpolation="nearest")
    ax.set_yticks(range(len(ylabels)), ylabels)
    ax.set_xticks(range(len(xlabels)), xlabels)
    ax.tick_params(length=0)
    for s in ax.spines.values():
        s.set_visible(False)
    ax.set_xticks(np.arange(-0.5, len(xlabels), 1), minor=True)
    ax.set_yticks(np.arange(-0.5, len(ylabels), 1), minor=True)
    ax.grid(which="minor", color="white", linewidth=1.0)
    ax.tick_params(which="minor", length=0)
    if annotate is None:
        annotate = values.size <= 1000 and len(xlabels) <= 35
    if annotate:
        cm = mpl.colormaps[cmap]
        fs = mpl.rcParams["font.size"] * (0.75 if len(xlabels) > 20 else 0.85)
        for (r, c), v in np.ndenumerate(values):
            if v == 0:
                continue
            rgba = cm(v / vmax)
            lum = 0.299 * rgba[0] + 0.587 * rgba[1] + 0.114 * rgba[2]
            ax.text(c, r, f"{int(v):,}" if float(v).is_integer() else f"{v:.1f}",
                    ha="center", va="center", fontsize=fs,
                    color="white" if lum < 0.5 else INK)
    cb = ax.figure.colorbar(im, ax=ax, shrink=0.8, pad=0.02, aspect=30, fraction=0.04)
    cb.set_label(cbar_label)
    cb.outline.set_visible(False)
    cb.locator = mpl.ticker.MaxNLocator(integer=True)
    cb.update_ticks()


def _top_rows(matrix: pd.DataFrame, top: int | None, other: str) -> tuple[pd.DataFrame, int]:
    """The ``top`` rows with the largest totals (in their order), the rest summed in a last
    row labelled ``other``."""
    if top is None or len(matrix) <= top + 1:
        return matrix, 0
    values = matrix.astype("float64").fillna(0.0)
    totals = values.sum(axis=1)
    keep = set(totals.sort_values(ascending=False, kind="stable").index[:top])
    kept = values.loc[[i for i in values.index if i in keep]]
    rest = values.loc[[i for i in values.index if i not in keep]]
    out = pd.concat([kept, rest.sum(axis=0).to_frame(f"{other} ({len(rest)})").T])
    return out, len(rest)


def _bin_label(c: pd.Timestamp, unit: str, years: int) -> str:
    if unit == "hour":
        return f"{c:%d %b %H:00}"
    if unit == "month":
        return f"{c:%b %Y}" if years > 1 else f"{c:%b}"
    if unit == "week":
        return f"{c.day} {c:%b %Y}" if years > 1 else f"{c.day} {c:%b}"
    return f"{c.day} {c:%b %Y}" if years > 1 else f"{c.day} {c:%b}"


def plot_outlet_date_heatmap(matrix: pd.DataFrame, *, top: int | None = 15,
                             annotate: bool | None = None, title: str | None = None,
                             subtitle: str | None = None, source: str | None = None,
                             ax: Axes | None = None) -> Axes:
    """Articles per outlet (rows) and time bin (columns) as a heatmap.

    Parameters
    ----------
    matrix : DataFrame
        Output of :func:`coverage_kit.tables.outlet_date_matrix` (use ``freq="auto"`` for a
        long span: a cell per week or month instead of thousands of days).
    top : int, optional
        Outlets with a row of their own (most articles); the rest are summed in an
        "Other outlets" row. None keeps every outlet.
    annotate : bool, optional
        Print the count in each cell; by default when the cells are few enough to read.
    title, subtitle, source, ax
        As in :func:`plot_coverage_timeline`.

    Examples
    --------
    >>> arts = pd.DataFrame({"outlet": ["DW", "TASS", "DW"],
    ...     "published": pd.to_datetime(["2025-03-06", "2025-03-06", "2025-03-07"], utc=True)})
    >>> ax = plot_outlet_date_heatmap(_tables.outlet_date_matrix(arts))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['DW', 'TASS']
    >>> plt.close("all")
    """
    with _themed():
        noun = _noun(matrix.attrs)
        if matrix.empty or matrix.shape[1] == 0:
            title = title or f"{noun} per outlet and day"
            ax = _axes(ax, (9, 4))
            set_title(ax, None, subtitle)
            return no_data(ax, title=title, source=source)
        try:
            cols = pd.to_datetime(list(matrix.columns))
        except (TypeError, ValueError) as exc:
            raise SchemaError(
                f"plot_outlet_date_heatmap: the matrix's columns are not time bins (it has: "
                f"{', '.join(map(repr, list(matrix.columns)[:5]))}); expected "
                "tables.outlet_date_matrix(articles)") from exc
        unit = _freq_label(pd.Series(cols), matrix.attrs)
        title = title or f"{noun} per outlet and {unit}"
        m, n_other = _top_rows(matrix, top, OTHER_OUTLETS)
        ax = _axes(ax, (min(14.0, max(6.5, 0.3 * len(cols) + 3.5)),
                        max(2.6, 0.36 * len(m) + 1.8)))
        step = max(1, int(np.ceil(len(cols) / 24)))
        years = len({c.year for c in cols})
        labels = [("" if i % step else _bin_label(c, unit, years)) for i, c in enumerate(cols)]
        _heatmap(ax, m, cmap="Blues", xlabels=labels,
                 ylabels=[_wrap(str(o), 30, 1) for o in m.index], cbar_label=noun,
                 annotate=annotate)
        if len(cols) > 12 or unit == "hour":
            ax.tick_params(axis="x", rotation=90)
        ax.set_xlabel(f"Publication {unit} (UTC)" + (f", {cols[0].year}" if years == 1
                                                     else ""))
        set_title(ax, title, subtitle)
        add_source(ax, source)
        return ax


# --------------------------------------------------------------------------------------------
# Speakers and quotes
# --------------------------------------------------------------------------------------------


OTHER_SPEAKERS = "All other speakers"


def plot_top_speakers(counts: pd.DataFrame, *, top: int = 15, value: str = "n_quotes",
                      max_outlets: int | None = 9, other: bool = True,
                      palette: Mapping[str, str] | None = None, title: str | None = None,
                      subtitle: str | None = None, source: str | None = None,
                      ax: Axes | None = None) -> Axes:
    """The most-quoted speakers, bars stacked by outlet.

    Parameters
    ----------
    counts : DataFrame
        Output of :func:`coverage_kit.tables.speaker_counts` with ``by="outlet"``.
    top : int
        How many speakers; the others are summed in a last grey "All other speakers (n)" bar
        (when ``other``).
    other : bool
        Add that bar.
    value : {"n_quotes", "n_articles"}
        Count quotes, or articles quoting the speaker.
    max_outlets : int, optional
        Colour at most this many outlets (those quoting these speakers most); the others
        are one grey "Other outlets" segment. None colours every outlet.
    palette, title, source, ax
        As in :func:`plot_coverage_timeline`.

    Examples
    --------
    >>> q = pd.DataFrame({"article_id": ["a1", "a2", "a3"], "outlet": ["DW", "TASS", "DW"],
    ...     "speaker": ["Ilona Brask", "Ilona Brask", "Teodor Valkan"]})
    >>> ax = plot_top_speakers(_tables.speaker_counts(q))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Ilona Brask', 'Teodor Valkan']
    >>> plt.close("all")
    """
    _check(counts, ["speaker_id", "speaker", "outlet", value],
           "plot_top_speakers", "speaker_counts(quotes, by='outlet')")
    with _themed():
        noun = "quotes" if value == "n_quotes" else "articles quoting them"
        title = title or f"Most-quoted speakers ({noun}), by outlet"
        if counts.empty:
            return no_data(_axes(ax, (9, 4)), title=title, source=source,
                           hint="no quote with a resolved speaker")
        if "outlet" not in counts.columns:
            raise ValueError("plot_top_speakers needs speaker_counts(quotes, by='outlet')")
        colors = _palette(counts["outlet"], palette)
        c = counts.assign(outlet=counts["outlet"].astype("object"))
        totals = (c.groupby("speaker_id", sort=False)[value].sum()
                  .sort_values(ascending=False, kind="stable").head(top))
        names = c.drop_duplicates("speaker_id").set_index("speaker_id")["speaker"]
        ids = list(totals.index)
        present = set(c["outlet"])
        outlets = [o for o in _present(counts["outlet"]) if o in present]
        in_top = c["speaker_id"].isin(ids).to_numpy(bool)
        top_rows, rest = c[in_top], c[~in_top]
        # pivot only the bars drawn: pivoting thousands of speakers to draw 15 is slow
        wide = (top_rows.pivot_table(index="speaker_id", columns="outlet", values=value,
                                     aggfunc="sum", fill_value=0)
                .reindex(index=ids, columns=outlets, fill_value=0))
        n_rest = int(rest["speaker_id"].nunique())
        if n_rest and other:
            other_id = f"{OTHER_SPEAKERS} ({n_rest:,})"
            wide.loc[other_id] = (rest.groupby("outlet")[value].sum()
                                  .reindex(outlets, fill_value=0).to_numpy())
            names = pd.concat([names, pd.Series({other_id: other_id})])
            ids = [*ids, other_id]
        wide, n_other = _group_minor(wide, max_outlets, colors)
        colors = _colors_with_other(colors)
        ax = _axes(ax, (9, max(3.0, 0.34 * len(ids) + 1.6)))
        y = np.arange(len(ids))
        left = np.zeros(len(ids))
        with _bar_limits_once(ax):
            for o in wide.columns:
                w = wide[o].to_numpy(float)
                ax.barh(y, w, left=left, color=colors[o], height=0.72, edgecolor="white",
                        label=_other_label(n_other) if o == OTHER_OUTLETS else o,
                        linewidth=0.4)
                left += w
        for yi, total in zip(y, left, strict=True):
            ax.text(total, yi, f" {int(total):,}", va="center", ha="left",
                    fontsize=mpl.rcParams["font.size"] * 0.85, color=INK)
        ax.set_yticks(y, [_wrap(names.get(i, i), 32, 1) for i in ids])
        ax.ck_keys = list(ids)  # the speaker id of each bar, for a click on the chart
        if n_rest and other:
            ax.get_yticklabels()[-1].set_color(SOURCE_COLOR)
            ax.get_yticklabels()[-1].set_fontstyle("italic")
        ax.invert_yaxis()
        ax.set_xlim(0, left.max() * 1.1 + 0.5)
        ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
        ax.grid(axis="x")
        ax.set_xlabel("Quotes" if value == "n_quotes" else "Articles quoting the speaker")
        ax.tick_params(axis="y", length=0)
        set_title(ax, title, subtitle)
        _legend_right(ax, title="Outlet")
        add_source(ax, source)
        return ax


def plot_speaker_outlet_heatmap(matrix: pd.DataFrame, *, top_outlets: int | None = 12,
                                annotate: bool | None = None, title: str | None = None,
                                subtitle: str | None = None, source: str | None = None,
                                ax: Axes | None = None) -> Axes:
    """Quotes per speaker (rows) and outlet (columns) as a heatmap.

    Parameters
    ----------
    matrix : DataFrame
        Output of :func:`coverage_kit.tables.speaker_outlet_matrix` (its ``top`` sets the
        number of speakers).
    top_outlets : int, optional
        Outlets with a column of their own; the rest are summed in "Other outlets".
    annotate, title, subtitle, source, ax
        As in :func:`plot_outlet_date_heatmap`.

    Examples
    --------
    >>> q = pd.DataFrame({"article_id": ["a1", "a2", "a3"], "outlet": ["DW", "TASS", "DW"],
    ...     "speaker": ["Ilona Brask", "Ilona Brask", "Teodor Valkan"]})
    >>> ax = plot_speaker_outlet_heatmap(_tables.speaker_outlet_matrix(q))
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['DW', 'TASS']
    >>> plt.close("all")
    """
    with _themed():
        title = title or "Who is quoted where: quotes per speaker and outlet"
        if matrix.empty or matrix.shape[1] == 0:
            return no_data(_axes(ax, (9, 4)), title=title, source=source)
        m = matrix.copy()
        m.columns = [str(c) for c in m.columns]
        t, _n = _top_rows(m.T, top_outlets, OTHER_OUTLETS)
        matrix = t.T
        ax = _axes(ax, (max(6.0, 0.4 * matrix.shape[1] + 4.0),
                        max(3.0, 0.3 * len(matrix) + 2.4)))
        _heatmap(ax, matrix, cmap="Purples", xlabels=[str(c) for c in matrix.columns],
                 ylabels=[_wrap(s, 30, 1) for s in matrix.index], cbar_label="Quotes",
                 annotate=annotate)
        ax.tick_params(axis="x", rotation=40)
        for t in ax.get_xticklabels():
            t.set_ha("right")
            t.set_rotation_mode("anchor")
        set_title(ax, title, subtitle)
        add_source(ax, source)
        return ax


def plot_quote_propagation(propagation: pd.DataFrame, *, top: int = 8,
                           palette: Mapping[str, str] | None = None, title: str | None = None,
        subtitle: str | None = None,
                           source: str | None = None, ax: Axes | None = None) -> Axes:
    """Swimlanes: one lane per widely carried quote, one dot per outlet at its pick-up lag.

    The first carrier sits at 0 with a black ring; the other outlets follow at the hours they
    took to carry the quote.

    Parameters
    ----------
    propagation : DataFrame
        Output of :func:`coverage_kit.tables.quote_propagation`.
    top : int
        How many quotes (lanes), the most widely carried first.
    palette, title, source, ax
        As in :func:`plot_coverage_timeline`.

    Examples
    --------
    >>> q = pd.DataFrame({"article_id": ["a1", "a2"], "outlet": ["Reuters", "DW"],
    ...     "speaker": ["Ilona Brask"] * 2, "quote": ["We will not leave the square"] * 2,
    ...     "published": pd.to_datetime(["2025-03-06 08:00", "2025-03-06 11:30"], utc=True)})
    >>> ax = plot_quote_propagation(_tables.quote_propagation(q))
    >>> len(ax.get_yticks())
    1
    >>> plt.close("all")
    """
    _check(propagation, ["quote_group", "quote", "speaker", "outlet", "order", "lag_hours"],
           "plot_quote_propagation", "quote_propagation(quotes)")
    with _themed():
        title = title or "How quotes travelled: pick-up by other outlets"
        if propagation.empty:
            return no_data(_axes(ax, (9, 4)), title=title, source=source,
                           hint="no quote was carried by two or more outlets")
        colors = _palette(propagation["outlet"], palette)
        dated_col = (propagation["date_only"].fillna(False).to_numpy(bool)
                     if "date_only" in propagation.columns else np.zeros(len(propagation), bool))
        undated = propagation[dated_col]
        timed = propagation[~dated_col]
        # a lane needs two timed pick-ups; quotes with fewer are listed in the note
        n_timed = timed.groupby("quote_group")["outlet"].transform("size")
        timed = timed[n_timed >= 2]
        if timed.empty:
            ax = _axes(ax, (9, 4))
            set_title(ax, None, subtitle)
            return no_data(ax, title=title, source=source,
                           hint="no quote was carried by two outlets that give a time")
        p = timed[timed["quote_group"] <= timed["quote_group"]
                  .drop_duplicates().nsmallest(top).max()]
        groups = list(p["quote_group"].drop_duplicates())
        ax = _axes(ax, (10, max(3.0, 0.78 * len(groups) + 1.6)))
        max_lag = float(p["lag_hours"].max()) if len(p) else 0.0
        scale, unit = (24.0, "days") if max_lag > 96 else (1.0, "hours")
        labels = []
        any_date_only = False
        for lane, g in enumerate(groups):
            rows = p[p["quote_group"] == g].sort_values(["order", "outlet"])
            lag = rows["lag_hours"].to_numpy(float) / scale
            ax.plot([0, lag.max()], [lane, lane], color="#BBBBBB", lw=1.2, zorder=1)
            # spread outlets that picked the quote up at the same moment
            offsets = rows.groupby("lag_hours").cumcount().to_numpy()
            counts = rows.groupby("lag_hours")["outlet"].transform("size").to_numpy()
            dy = (offsets - (counts - 1) / 2.0) * 0.16
            for (_, r), x, d in zip(rows.iterrows(), lag, dy, strict=True):
                first = int(r["order"]) == 1
                ax.scatter(x, lane + d, s=70 if first else 48, marker="o",
                           color=colors[str(r["outlet"])],
                           edgecolor=INK if first else "white",
                           linewidth=1.4 if first else 0.6, zorder=3)
            first_row = rows.iloc[0]
            speaker = first_row["speaker"] if pd.notna(first_row["speaker"]) else "unknown"
            words = str(first_row["quote"]).strip().strip("\"'“”„«»‘’ ,.")
            n_first = int((rows["order"] == 1).sum())
            first_by = (str(first_row["outlet"]) if n_first == 1
                        else f"{n_first} outlets at the same time")
            nd = undated[undated["quote_group"] == g]
            extra = ""
            if len(nd):
                any_date_only = True
                extra = f"\n+ {len(nd)} with a date only: " + _wrap(
                    ", ".join(nd["outlet"].astype(str)), 40, 1)
            labels.append(f"“{_wrap(words, 46, 2)}”\n— {_wrap(speaker, 34, 1)}; "
                          f"{len(rows)} timed outlets, first: {_wrap(first_by, 28, 1)}{extra}")
        ax.set_yticks(range(len(groups)), labels, fontsize=mpl.rcParams["font.size"] * 0.8)
        ax.set_ylim(len(groups) - 0.5, -0.5)
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        ax.set_xlim(left=-0.04 * max(max_lag / scale, 1.0))
        ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True, steps=[1, 2, 3, 6, 10]))
        ax.grid(axis="x")
        ax.set_xlabel(f"Lag after the first outlet carried the quote ({unit})")
        set_title(ax, title, subtitle)
        present = [o for o in _present(p["outlet"]) if o in set(p["outlet"].astype("object"))]
        named = [o for o in present if colors[o].upper() != OTHER_COLOR.upper()]
        grey = [o for o in present if o not in named]
        handles = [mpl.lines.Line2D([], [], ls="", marker="o", ms=7, color=colors[o])
                   for o in named]
        names = list(named)
        if grey:  # grey outlets cannot be told apart by colour: one entry, named in the lanes
            handles.append(mpl.lines.Line2D([], [], ls="", marker="o", ms=7, color=OTHER_COLOR))
            names.append(f"{len(grey)} other outlet{'s' if len(grey) != 1 else ''}")
        handles.append(mpl.lines.Line2D([], [], ls="", marker="o", ms=8, mfc="white",
                                        mec=INK, mew=1.4))
        names = names + ["first carrier"]
        _legend_right(ax, handles, names, title="Outlet")
        if any_date_only or len(undated):
            ax.set_xlabel(ax.get_xlabel() + "\nOnly pick-ups with a publication time are "
                          "placed; outlets that give only a date are listed under the quote")
        add_source(ax, source)
        return ax


# --------------------------------------------------------------------------------------------
# Reactions
# --------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _world():
    import geopandas as gpd

    path = data_file("world_countries.geojson")
    world = gpd.read_file(path)
    return world[["iso_a3", "name", "geometry"]].set_crs("EPSG:4326", allow_override=True)


def world_countries():
    """Country outlines (GeoDataFrame with ``iso_a3``, ``name``, ``geometry``), offline.

    Natural Earth admin-0 countries at 1:110m (public domain), 176 countries without
    Antarctica, shipped in ``data/world_countries.geojson`` (see ``data/README.md``).
    Nothing is downloaded.

    Examples
    --------
    >>> {"DEU", "HUN", "FRA", "NOR"} <= set(world_countries()["iso_a3"])
    True
    """
    return _world().copy()


def _stance_summary(country_stance: pd.DataFrame) -> pd.DataFrame:
    if "share" in country_stance.columns:  # already one row per country
        return country_stance
    return _tables.prevailing_stances(country_stance)


def _stance_legend(ax: Axes, stances: list[str], extra: list[tuple[str, str]] = (),
                   **kw) -> None:
    colors = stance_palette()
    handles = [Patch(facecolor=colors[s], label=STANCE_LABELS.get(s, s)) for s in stances]
    handles += [Patch(facecolor=c, edgecolor="#AAAAAA", label=lab) for lab, c in extra]
    ax.legend(handles=handles, **kw)


WORLD_EXTENT = (-170.0, 190.0, -58.0, 84.0)
EUROPE_EXTENT = (-12.0, 42.0, 34.0, 71.0)


def _pies(ax: Axes, centres: pd.DataFrame, wide: pd.DataFrame, *, rmax: float,
          rmin: float) -> None:
    """One pie per country at its centre: slices are the stance shares, the area is
    proportional to the number of statements."""
    from matplotlib.patches import Wedge

    colors = stance_palette()
    nmax = float(wide.sum(axis=1).max()) or 1.0
    for code, row in wide.iterrows():
        if code not in centres.index:
            continue
        total = float(row.sum())
        if total <= 0:
            continue
        x, y = centres.loc[code, "x"], centres.loc[code, "y"]
        r = max(rmin, rmax * np.sqrt(total / nmax))
        start = 90.0
        for st in STANCES:
            v = float(row.get(st, 0))
            if v <= 0:
                continue
            sweep = 360.0 * v / total
            ax.add_patch(Wedge((x, y), r, start, start + sweep, facecolor=colors[st],
                               edgecolor="white", linewidth=0.5, zorder=5))
            start += sweep
        ax.add_patch(mpl.patches.Circle((x, y), r, facecolor="none", edgecolor=INK,
                                        linewidth=0.5, zorder=6))


def plot_reactions_map(country_stance: pd.DataFrame, *, focus: str | None = None,
                       extent: tuple[float, float, float, float] = WORLD_EXTENT,
                       legend: bool = True, title: str | None = None,
                       subtitle: str | None = None, source: str | None = None,
                       ax: Axes | None = None) -> Axes:
    """World map of reacting countries: a pie per country shows its mix of stances.

    Every country is outlined (Natural Earth admin-0); reacting countries are shaded and
    carry a pie whose slices are the shares of their statements by stance and whose area
    grows with the number of statements, so a country with 23 condemnations, 15 concerns and
    17 neutral statements is not shown as simply "condemns". Organisations (EU, UN, ...) are
    not countries and are not drawn; see :func:`reactions_map_figure` for a map with them
    beside it.

    Parameters
    ----------
    country_stance : DataFrame
        Output of :func:`coverage_kit.tables.reactions_by_country_stance`.
    focus : str, optional
        Code of the country the event is about; drawn hatched when it is on the map.
    extent : (lon_min, lon_max, lat_min, lat_max)
        The part of the world to show; ``EUROPE_EXTENT`` zooms on Europe.
    legend : bool
        Draw the stance legend.
    title, subtitle, source, ax
        As in :func:`plot_coverage_timeline`.

    Examples
    --------
    >>> t = pd.DataFrame({"country": ["DEU", "DEU"], "country_name": ["Germany"] * 2,
    ...     "kind": ["country"] * 2, "stance": ["condemn", "concern"],
    ...     "n_statements": [3, 2], "n_articles": [2, 2], "n_outlets": [2, 2]})
    >>> ax = plot_reactions_map(t)
    >>> [t.get_text() for t in ax.get_legend().get_texts()][:2]
    ['Condemns', 'Voices concern']
    >>> plt.close("all")
    """
    _check(country_stance, ["country", "stance", "n_statements"],
           "plot_reactions_map", "reactions_by_country_stance(reactions)")
    with _themed():
        title = ("Who reacted, and how: each country's mix of stances" if title is None
                 else title)
        ax = _axes(ax, (10, 5.2))
        world = world_countries()
        codes = set(world["iso_a3"])
        cs = country_stance if not country_stance.empty else None
        states = cs[cs["country"].isin(codes)] if cs is not None else None
        ax.set_xlim(*extent[:2])
        ax.set_ylim(*extent[2:])
        if states is None or states.empty:
            world.plot(ax=ax, color=MUTED, edgecolor="#A8A8A8", linewidth=0.3)
            ax.set_axis_off()
            ax.text(0.5, 0.5, NO_DATA + "\n(no country reactions)", transform=ax.transAxes,
                    ha="center", va="center", fontsize=mpl.rcParams["font.size"] * 1.2,
                    color="#555555", gid="no-data",
                    bbox={"facecolor": "white", "edgecolor": "#BBBBBB", "alpha": 0.9})
            set_title(ax, title, subtitle)
            ax.set_xlim(*extent[:2])
            ax.set_ylim(*extent[2:])
            add_source(ax, source)
            return ax
        wide = (states.assign(stance=states["stance"].astype("object"))
                .pivot_table(index="country", columns="stance", values="n_statements",
                             aggfunc="sum", fill_value=0)
                .reindex(columns=list(STANCES), fill_value=0))
        reacting = set(wide.index[wide.sum(axis=1) > 0])
        world["color"] = np.where(world["iso_a3"].isin(reacting), "#CFD8E3", MUTED)
        world.plot(ax=ax, color=world["color"], edgecolor="#8C8C8C", linewidth=0.3)
        if focus and (focus.upper() in codes):
            world[world["iso_a3"] == focus.upper()].plot(ax=ax, facecolor="none",
                                                         edgecolor=INK, hatch="////",
                                                         linewidth=0.8)
        sub = world[world["iso_a3"].isin(reacting)]
        pts = sub.geometry.representative_point()
        centres = pd.DataFrame({"x": pts.x.to_numpy(), "y": pts.y.to_numpy()},
                               index=sub["iso_a3"].to_numpy())
        centres = centres[~centres.index.duplicated()]
        width = extent[1] - extent[0]
        zoomed = width < 300
        _pies(ax, centres, wide, rmax=width / (16 if zoomed else 32),
              rmin=width / (60 if zoomed else 150))
        ax.set_xlim(*extent[:2])
        ax.set_ylim(*extent[2:])
        ax.set_aspect("equal")
        ax.set_axis_off()
        if width < 300:  # a zoomed map gets a thin frame so it reads as a detail
            ax.set_axis_on()
            ax.set_xticks([])
            ax.set_yticks([])
            ax.set_xlabel("")
            ax.set_ylabel("")
            for side in ax.spines.values():
                side.set_visible(True)
                side.set_color("#BBBBBB")
        present = [st for st in STANCES if wide[st].sum() > 0]
        if legend:
            _stance_legend(ax, present, [("reacted (pie: share of statements by stance; "
                                          "area: number)", "#CFD8E3"),
                                         ("no reported reaction", MUTED)], loc="lower left",
                           title="Stance of statements", fontsize=mpl.rcParams["font.size"] * 0.8)
        set_title(ax, title, subtitle)
        add_source(ax, source)
        return ax


def plot_reactions_by_country(country_stance: pd.DataFrame, *, top: int = 25,
                              title: str | None = None,
        subtitle: str | None = None, source: str | None = None,
                              ax: Axes | None = None) -> Axes:
    """Statements per reacting country or organisation, bars stacked by stance.

    Organisations are labelled in italics.

    Parameters
    ----------
    country_stance : DataFrame
        Output of :func:`coverage_kit.tables.reactions_by_country_stance`.
    top : int
        How many countries and organisations, the most vocal first.
    title, source, ax
        As in :func:`plot_coverage_timeline`.

    Examples
    --------
    >>> t = pd.DataFrame({"country": ["DEU", "EU"], "country_name": ["Germany", "European Union"],
    ...     "kind": ["country", "organisation"], "stance": ["condemn", "concern"],
    ...     "n_statements": [3, 1], "n_articles": [2, 1], "n_outlets": [2, 1]})
    >>> ax = plot_reactions_by_country(t)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Germany', 'European Union']
    >>> plt.close("all")
    """
    _check(country_stance, ["country", "country_name", "kind", "stance", "n_statements"],
           "plot_reactions_by_country", "reactions_by_country_stance(reactions)")
    with _themed():
        title = title or "Reactions by country and organisation, by stance"
        if country_stance.empty:
            return no_data(_axes(ax, (9, 4)), title=title, source=source,
                           hint="no international reactions")
        t = country_stance.assign(stance=country_stance["stance"].astype("object"))
        totals = (t.groupby("country", sort=False)["n_statements"].sum()
                  .sort_values(ascending=False, kind="stable").head(top))
        codes = list(totals.index)
        meta = t.drop_duplicates("country").set_index("country")
        wide = (t.pivot_table(index="country", columns="stance", values="n_statements",
                              aggfunc="sum", fill_value=0)
                .reindex(index=codes, columns=list(STANCES), fill_value=0))
        ax = _axes(ax, (9, max(3.0, 0.32 * len(codes) + 1.6)))
        colors = stance_palette()
        y = np.arange(len(codes))
        left = np.zeros(len(codes))
        with _bar_limits_once(ax):
            for s in STANCES:
                w = wide[s].to_numpy(float)
                if w.sum() == 0:
                    continue
                ax.barh(y, w, left=left, color=colors[s], label=STANCE_LABELS[s],
                        height=0.72, edgecolor="white", linewidth=0.4)
                left += w
        for yi, total in zip(y, left, strict=True):
            ax.text(total, yi, f" {int(total):,}", va="center", ha="left",
                    fontsize=mpl.rcParams["font.size"] * 0.85)
        ax.set_yticks(y, [_wrap(meta.loc[c, "country_name"], 30, 1) for c in codes])
        ax.ck_keys = list(codes)  # the country of each bar, for a click on the chart
        for label, c in zip(ax.get_yticklabels(), codes, strict=True):
            if str(meta.loc[c, "kind"]) == "organisation":
                label.set_fontstyle("italic")
        ax.set_ylim(max(len(codes), 6) - 0.5, -0.5)  # few bars stay bar-sized, at the top
        ax.set_xlim(0, left.max() * 1.1 + 0.5)
        ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
        ax.grid(axis="x")
        ax.tick_params(axis="y", length=0)
        ax.set_xlabel("Statements reported (organisations in italics)")
        set_title(ax, title, subtitle)
        _legend_right(ax, title="Stance")
        add_source(ax, source)
        return ax


def _in_extent(codes: Iterable[str], extent: tuple[float, float, float, float]) -> int:
    world = _world()
    sub = world[world["iso_a3"].isin(set(codes))]
    if sub.empty:
        return 0
    pts = sub.geometry.representative_point()
    inside = ((pts.x >= extent[0]) & (pts.x <= extent[1]) & (pts.y >= extent[2])
              & (pts.y <= extent[3]))
    return int(sub.loc[inside, "iso_a3"].nunique())


def reactions_map_figure(country_stance: pd.DataFrame, *, focus: str | None = None,
                         focus_name: str | None = None, title: str | None = None,
                         subtitle: str | None = None, source: str | None = None,
                         top: int = 12, ax: object = None) -> Figure:
    """The reactions map with, beside it, the organisations and off-map countries as bars.

    When three or more reacting countries are in Europe, a zoomed map of Europe is added
    above the bars, so small European states can be told apart.

    Parameters
    ----------
    country_stance : DataFrame
        Output of :func:`coverage_kit.tables.reactions_by_country_stance`.
    focus : str, optional
        Code of the country the event is about.
    focus_name : str, optional
        Its name, for the note when it is not on the map (e.g. a fictional country).
    title, source
        As in :func:`plot_coverage_timeline`.

    Examples
    --------
    >>> t = pd.DataFrame({"country": ["DEU", "EU"], "country_name": ["Germany", "European Union"],
    ...     "kind": ["country", "organisation"], "stance": ["condemn", "concern"],
    ...     "n_statements": [3, 1], "n_articles": [2, 1], "n_outlets": [2, 1]})
    >>> fig = reactions_map_figure(t)
    >>> len(fig.axes)
    2
    >>> plt.close(fig)
    """
    _check(country_stance, ["country", "country_name", "kind", "stance", "n_statements"],
           "reactions_map_figure", "reactions_by_country_stance(reactions)")
    _reject_ax(ax, "reactions_map_figure", "plot_reactions_map")
    with _themed():
        title = title or "International reactions: each country's mix of stances"
        codes = set(country_stance["country"]) if not country_stance.empty else set()
        zoom = _in_extent(codes, EUROPE_EXTENT) >= 3
        fig = plt.figure(figsize=(14, 6.6) if zoom else (13, 5.8), layout="constrained")
        if zoom:
            gs = fig.add_gridspec(2, 2, width_ratios=[2.5, 1.0], height_ratios=[1.15, 1.0])
            map_ax = fig.add_subplot(gs[:, 0])
            eu_ax = fig.add_subplot(gs[0, 1])
            side = fig.add_subplot(gs[1, 1])
        else:
            gs = fig.add_gridspec(1, 2, width_ratios=[3.1, 1.0])
            map_ax = fig.add_subplot(gs[0, 0])
            side = fig.add_subplot(gs[0, 1])
        plot_reactions_map(country_stance, focus=focus, title="", ax=map_ax)
        if zoom:
            plot_reactions_map(country_stance, focus=focus, extent=EUROPE_EXTENT, legend=False,
                               title="Europe", ax=eu_ax)
            eu_ax.set_title("Europe", fontsize=mpl.rcParams["font.size"])
        on_map = set(world_countries()["iso_a3"])
        off = (country_stance[~country_stance["country"].isin(on_map)]
               if not country_stance.empty else country_stance)
        side_title = "Organisations and countries not on the map"
        if off.empty:
            no_data(side, title=side_title, message="None reported")
        else:
            plot_reactions_by_country(off, top=min(top, 8) if zoom else top, title=side_title,
                                      ax=side)
        side.set_title(side.get_title(loc="left"), fontsize=mpl.rcParams["font.size"])
        if side.get_legend() is not None:
            side.get_legend().remove()
        side.set_xlabel("Statements")
        notes = []
        if focus and focus.upper() not in on_map:
            notes.append(f"{focus_name or focus} (the country the event is about) is not on "
                         "the map")
        notes.append("statements by the focus country's own side are not counted as reactions")
        _figure_title(fig, title, subtitle)
        _figure_source(fig, " · ".join(([source] if source else []) + notes))
        return fig


def plot_reaction_timeline(timeline: pd.DataFrame, *, top: int = 30, title: str | None = None,
        subtitle: str | None = None,
                           source: str | None = None, ax: Axes | None = None) -> Axes:
    """When each country or organisation first reacted, in hours (or days) after T0.

    Parameters
    ----------
    timeline : DataFrame
        Output of :func:`coverage_kit.tables.reaction_timeline`; its ``attrs["start"]`` (T0)
        is printed in the axis label.
    top : int
        Show the first ``top`` reactions.
    title, source, ax
        As in :func:`plot_coverage_timeline`.

    Examples
    --------
    >>> r = pd.DataFrame({"article_id": ["a1", "a2"], "outlet": ["DW", "TASS"],
    ...     "country": ["DEU", "RUS"], "stance": ["condemn", "support"], "actor": ["x", "y"],
    ...     "published": pd.to_datetime(["2025-03-06 12:00", "2025-03-07 06:00"], utc=True)})
    >>> ax = plot_reaction_timeline(_tables.reaction_timeline(r, start="2025-03-06"))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Germany', 'Russia']
    >>> plt.close("all")
    """
    _check(timeline, ["country_name", "kind", "hours", "stance", "outlet"],
           "plot_reaction_timeline", "reaction_timeline(reactions)")
    with _themed():
        title = title or "How fast the world reacted: first reported reaction"
        if timeline.empty:
            return no_data(_axes(ax, (9, 4)), title=title, source=source,
                           hint="no international reactions")
        t = timeline.sort_values(["hours", "country_name"]).head(top).reset_index(drop=True)
        ax = _axes(ax, (9, max(3.0, 0.3 * len(t) + 1.7)))
        scale, unit = (24.0, "days") if float(t["hours"].max()) > 72 else (1.0, "hours")
        x = t["hours"].to_numpy(float) / scale
        y = np.arange(len(t))
        colors = stance_palette()
        col = [colors.get(str(s), colors["neutral"]) for s in t["stance"].astype("object")]
        ax.hlines(y, min(0.0, x.min()), x, color="#D5D5D5", lw=1.0, zorder=1)
        ax.scatter(x, y, color=col, s=46, zorder=3, edgecolor="white", linewidth=0.5)
        fs = mpl.rcParams["font.size"] * 0.75
        for xi, yi, o in zip(x, y, t["outlet"].astype("object"), strict=True):
            ax.annotate(f"{o}", (xi, yi), xytext=(6, 0), textcoords="offset points",
                        va="center", fontsize=fs, color="#555555")
        ax.set_yticks(y, [_wrap(n, 28, 1) for n in t["country_name"]])
        for label, k in zip(ax.get_yticklabels(), t["kind"].astype("object"), strict=True):
            if k == "organisation":
                label.set_fontstyle("italic")
        ax.invert_yaxis()
        ax.axvline(0, color=INK, lw=0.8)
        ax.set_xlim(left=min(0.0, x.min()) - 0.02 * max(x.max(), 1), right=x.max() * 1.18 + 0.3)
        ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
        ax.grid(axis="x")
        ax.tick_params(axis="y", length=0)
        t0 = timeline.attrs.get("start")
        t0_text = f" (T0 = {t0:%-d %b %Y %H:%M} UTC)" if t0 is not None else ""
        ax.set_xlabel(f"{unit.capitalize()} after the event start{t0_text}; "
                      "label: first outlet reporting it")
        set_title(ax, title, subtitle)
        present = [s for s in STANCES if s in set(t["stance"].astype("object"))]
        _stance_legend(ax, present, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                       borderaxespad=0.0, title="Stance of first reaction")
        add_source(ax, source)
        return ax


def plot_reactions_by_outlet(table: pd.DataFrame, *, top: int = 20,
                             top_outlets: int | None = 15, title: str | None = None,
        subtitle: str | None = None,
                             source: str | None = None, ax: Axes | None = None) -> Axes:
    """Which outlets reported which countries' reactions: a country x outlet heatmap.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`coverage_kit.tables.reactions_by_outlet`.
    top : int
        Countries with most statements to show.

    Examples
    --------
    >>> r = pd.DataFrame({"article_id": ["a1", "a2"], "outlet": ["DW", "TASS"],
    ...     "country": ["DEU", "RUS"], "stance": ["condemn", "support"],
    ...     "published": pd.to_datetime(["2025-03-06"] * 2, utc=True)})
    >>> ax = plot_reactions_by_outlet(_tables.reactions_by_outlet(r))
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['DW', 'TASS']
    >>> plt.close("all")
    """
    _check(table, ["outlet", "country_name", "n_statements"],
           "plot_reactions_by_outlet", "reactions_by_outlet(reactions)")
    with _themed():
        title = title or "Whose reactions each outlet reported"
        if table.empty:
            return no_data(_axes(ax, (9, 4)), title=title, source=source,
                           hint="no international reactions")
        outlets = _present(table["outlet"])
        t = table.assign(outlet=table["outlet"].astype("object"))
        order = (t.groupby("country_name")["n_statements"].sum()
                 .sort_values(ascending=False, kind="stable").head(top).index)
        wide = (t.pivot_table(index="country_name", columns="outlet", values="n_statements",
                              aggfunc="sum", fill_value=0)
                .reindex(index=order, columns=outlets, fill_value=0))
        wide = _top_rows(wide.T, top_outlets, OTHER_OUTLETS)[0].T
        outlets = [str(c) for c in wide.columns]
        ax = _axes(ax, (min(14.0, max(6.0, 0.4 * len(outlets) + 4.0)),
                        max(3.0, 0.3 * len(wide) + 2.4)))
        _heatmap(ax, wide, cmap="Oranges", xlabels=outlets,
                 ylabels=[_wrap(n, 28, 1) for n in wide.index], cbar_label="Statements",
                 annotate=None)
        ax.tick_params(axis="x", rotation=40)
        for lab in ax.get_xticklabels():
            lab.set_ha("right")
            lab.set_rotation_mode("anchor")
        set_title(ax, title, subtitle)
        add_source(ax, source)
        return ax


# --------------------------------------------------------------------------------------------
# Sentiment
# --------------------------------------------------------------------------------------------


def _sentiment_dots(ax: Axes, t: pd.DataFrame, labels: list[str], colors: list[str]) -> None:
    y = np.arange(len(t))
    m = t["mean_polarity"].to_numpy(float)
    lo = t["ci_low"].to_numpy(float)
    hi = t["ci_high"].to_numpy(float)
    ax.axvline(0, color="#888888", lw=0.8, zorder=1)
    for yi, mi, l, h, c in zip(y, m, lo, hi, colors, strict=True):
        if np.isfinite(l) and np.isfinite(h):  # one score: a dot without an interval
            ax.plot([l, h], [yi, yi], color=c, lw=2.2, alpha=0.55, solid_capstyle="round",
                    zorder=2)
        ax.scatter([mi], [yi], color=c, s=52, zorder=3, edgecolor="white", linewidth=0.6)
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ends = np.abs(np.concatenate([lo, hi, m]))
    span = max(0.15, float(np.nanmax(ends)) * 1.15 if np.isfinite(ends).any() else 0.15)
    ax.set_xlim(-span, span)
    ax.grid(axis="x")
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("Mean polarity (TextBlob: −1 negative … +1 positive), with 95 % interval "
                  "(none for a single score)")


def plot_sentiment_by_outlet(table: pd.DataFrame, *, what: str = "quotes", top: int = 15,
                             palette: Mapping[str, str] | None = None, title: str | None = None,
                             subtitle: str | None = None, source: str | None = None,
                             ax: Axes | None = None) -> Axes:
    """Mean polarity per outlet, a dot with its 95 % interval, for the ``top`` outlets with
    most scored rows.

    Rows in languages TextBlob cannot read are not scored (``n_unscored``): an outlet with
    nothing scorable is listed as "not scored" instead of being drawn at 0.0.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`coverage_kit.tables.sentiment_by_outlet`.
    what : str
        What was scored ("quotes", "articles", "reactions"), for the title.
    top : int
        Outlets to show (most scored rows first); how many more there are is noted.

    Examples
    --------
    >>> q = pd.DataFrame({"outlet": ["DW", "DW", "TASS"], "polarity": [-0.5, -0.3, 0.4]})
    >>> ax = plot_sentiment_by_outlet(_tables.sentiment_by_outlet(q))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['DW (n = 2)', 'TASS (n = 1)']
    >>> plt.close("all")
    """
    _check(table, ["outlet", "n", "mean_polarity", "ci_low", "ci_high"],
           "plot_sentiment_by_outlet", "sentiment_by_outlet(data)")
    with _themed():
        title = title or f"Tone of {what} by outlet"
        if table.empty:
            ax = _axes(ax, (8, 4))
            set_title(ax, None, subtitle)
            return no_data(ax, title=title, source=source)
        t = table.copy()
        if "n_unscored" not in t.columns:
            t["n_unscored"] = 0
        t["n_unscored"] = t["n_unscored"].fillna(0).astype(int)
        scored = t[t["n"] > 0].sort_values(["n", "outlet"], ascending=[False, True],
                                            kind="stable")
        unscored = t[(t["n"] == 0) & (t["n_unscored"] > 0)]
        shown = scored.head(top)
        n_hidden = len(scored) - len(shown)
        shown = shown.sort_values("outlet").reset_index(drop=True)
        ax = _axes(ax, (8, max(2.6, 0.36 * len(shown) + 1.9)))
        if shown.empty:
            set_title(ax, None, subtitle)
            return no_data(ax, title=title, source=source,
                           hint=f"no {what} in a language TextBlob reads (English)")
        labels = []
        for o, n, u in zip(shown["outlet"], shown["n"], shown["n_unscored"], strict=True):
            lab = f"{_wrap(o, 28, 1)} (n = {int(n):,})"
            if u:
                lab = f"{_wrap(o, 28, 1)} (n = {int(n):,}; {int(u):,} not scored)"
            labels.append(lab)
        _sentiment_dots(ax, shown, labels, ["#332288"] * len(shown))
        notes = []
        if n_hidden:
            notes.append(f"{n_hidden} more outlet{'s' if n_hidden != 1 else ''} with fewer "
                         f"scored {what} not shown")
        if len(unscored):
            names = ", ".join(str(o) for o in unscored["outlet"].head(8))
            more = f" and {len(unscored) - 8} more" if len(unscored) > 8 else ""
            notes.append(f"not scored (not English, TextBlob cannot read it): {names}{more}")
        if notes:
            ax.set_xlabel(ax.get_xlabel() + "\n" + "\n".join(_wrap(x, 110, 2) for x in notes))
        set_title(ax, title, subtitle)
        add_source(ax, source)
        return ax


def plot_sentiment_by_speaker(table: pd.DataFrame, *, title: str | None = None,
        subtitle: str | None = None,
                              source: str | None = None, ax: Axes | None = None) -> Axes:
    """Mean polarity of each speaker's quotes, most-quoted speakers first.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`coverage_kit.tables.sentiment_by_speaker`.

    Examples
    --------
    >>> q = pd.DataFrame({"article_id": ["a1", "a2"], "outlet": ["DW", "DW"],
    ...     "speaker": ["Ilona Brask"] * 2, "polarity": [-0.2, 0.0]})
    >>> ax = plot_sentiment_by_speaker(_tables.sentiment_by_speaker(q))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Ilona Brask (n = 2)']
    >>> plt.close("all")
    """
    _check(table, ["speaker", "n", "mean_polarity", "ci_low", "ci_high"],
           "plot_sentiment_by_speaker", "sentiment_by_speaker(quotes)")
    with _themed():
        title = title or "Tone of each speaker's quotes"
        if table.empty:
            return no_data(_axes(ax, (8, 4)), title=title, source=source,
                           hint="no speaker with enough quotes")
        t = table.reset_index(drop=True)
        ax = _axes(ax, (8, max(2.6, 0.34 * len(t) + 1.5)))
        _sentiment_dots(ax, t, [f"{_wrap(s, 28, 1)} (n = {int(n):,})"
                                for s, n in zip(t["speaker"], t["n"], strict=True)],
                        ["#332288"] * len(t))
        set_title(ax, title, subtitle)
        add_source(ax, source)
        return ax
