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
import shapely
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.transforms import Bbox

from . import tables as _tables
from .schema import STANCES
from .theme import INK, MUTED, OTHER_COLOR, outlet_palette, stance_palette, theme

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
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


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


def _figure_title(fig: Figure, title: str | None) -> None:
    if title:
        fig.suptitle(title, x=0.01, ha="left", fontweight="bold",
                     fontsize=mpl.rcParams["axes.titlesize"])


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


def _group_minor(wide: pd.DataFrame, max_outlets: int | None) -> tuple[pd.DataFrame, int]:
    """Keep the ``max_outlets`` biggest columns (outlets) in their order; sum the rest into
    an "Other outlets" column, last. Returns the frame and how many outlets were grouped."""
    if max_outlets is None or wide.shape[1] <= max_outlets:
        return wide, 0
    keep_n = max(1, max_outlets - 1)
    totals = wide.sum(axis=0)
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


def _date_axis(ax: Axes, axis: str = "x", *, x=None, max_ticks: int = 8) -> None:
    """Readable date ticks. Given the plotted dates ``x``, ticks fall on whole days (or hours)
    with a plain formatter, which is much cheaper than AutoDateLocator on many panels."""
    target = ax.xaxis if axis == "x" else ax.yaxis
    if x is not None and len(x):
        lo, hi = pd.Timestamp(np.min(x)), pd.Timestamp(np.max(x))
        days = max((hi - lo) / pd.Timedelta(days=1), 0.0)
        if days >= 2:
            step = max(1, int(np.ceil((days + 1) / max_ticks)))
            target.set_major_locator(mdates.DayLocator(interval=step))
            target.set_major_formatter(mdates.DateFormatter("%-d %b"))
            return
    locator = mdates.AutoDateLocator(minticks=3, maxticks=max_ticks)
    target.set_major_locator(locator)
    target.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=True))


def _naive(ts: pd.Series) -> np.ndarray:
    """UTC timestamps as numpy datetimes matplotlib's date axis understands."""
    return pd.to_datetime(ts, utc=True).dt.tz_convert("UTC").dt.tz_localize(None).to_numpy()


def _freq_label(periods: pd.Series, attrs: Mapping | None = None) -> str:
    p = pd.Series(pd.to_datetime(periods).unique()).sort_values()
    if len(p) > 1 and (p.diff().dropna().min() < pd.Timedelta(days=1)):
        return "hour"
    return "day"


# --------------------------------------------------------------------------------------------
# Coverage
# --------------------------------------------------------------------------------------------


def plot_coverage_timeline(timeline: pd.DataFrame, *, kind: str = "line",
                           max_outlets: int | None = None,
                           palette: Mapping[str, str] | None = None, title: str | None = None,
                           source: str | None = None, ax: Axes | None = None) -> Axes:
    """Articles per outlet over time, as lines or stacked areas.

    Parameters
    ----------
    timeline : DataFrame
        Output of :func:`coverage_kit.tables.coverage_timeline`.
    kind : {"line", "area"}
        One line per outlet, or areas stacked to the total.
    max_outlets : int, optional
        Draw at most this many series: the biggest outlets in their own colours and the rest
        summed as "Other outlets (n)" in grey. Default 7 for lines, 10 for areas; 0 draws
        every outlet.
    palette : mapping, optional
        Outlet to colour; default :func:`coverage_kit.theme.outlet_palette` of the outlet
        categories.
    title, source : str, optional
        Chart title (a default is given) and the source line under the chart.
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
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['DW', 'TASS']
    >>> plt.close("all")
    """
    if kind not in ("line", "area"):
        raise ValueError(f"kind must be 'line' or 'area', not {kind!r}")
    if max_outlets is None:
        max_outlets = 7 if kind == "line" else 10
    with _themed():
        ax = _axes(ax, (9, 4.2))
        title = title or "Articles per day, by outlet"
        if timeline.empty:
            return no_data(ax, title=title, source=source,
                           hint="no articles")
        unit = _freq_label(timeline["period"])
        if unit == "hour" and title == "Articles per day, by outlet":
            title = "Articles per hour, by outlet"
        colors = _colors_with_other(_palette(timeline["outlet"], palette))
        outlets = _present(timeline["outlet"])
        wide = (timeline.assign(outlet=timeline["outlet"].astype("object"))
                .pivot_table(index="period", columns="outlet", values="n_articles",
                             aggfunc="sum", fill_value=0)
                .reindex(columns=outlets, fill_value=0).sort_index())
        wide, n_other = _group_minor(wide, max_outlets or None)
        series = list(wide.columns)
        labels = [_other_label(n_other) if c == OTHER_OUTLETS else c for c in series]
        x = _naive(pd.Series(wide.index))
        values = wide.to_numpy(dtype=float)
        if kind == "area":
            ax.stackplot(x, values.T, labels=labels, colors=[colors[o] for o in series],
                         alpha=0.92, linewidth=0.3, edgecolor="white")
        else:
            for i, (o, lab) in enumerate(zip(series, labels, strict=True)):
                other = o == OTHER_OUTLETS
                ax.plot(x, values[:, i], label=lab, color=colors[o], lw=1.4 if other else 1.9,
                        ls="--" if other else "-", marker="o" if len(x) <= 31 else None,
                        ms=2.5 if other else 3.2, zorder=1 if other else 2)
        if len(x) == 1:
            ax.set_xlim(x[0] - np.timedelta64(1, "D"), x[0] + np.timedelta64(1, "D"))
        _date_axis(ax, x=x, max_ticks=10)
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
        ax.grid(axis="y")
        noun = "Stories" if timeline.attrs.get("dedupe_syndicated") else "Articles"
        ax.set_ylabel(f"{noun} per {unit}")
        ax.set_xlabel(f"Publication {unit} (UTC)")
        ax.set_title(title)
        _legend_right(ax, title=f"Outlet (top {len(series) - 1} in colour)" if n_other
                      else "Outlet")
        add_source(ax, source)
        return ax


def coverage_timeline_figure(timeline: pd.DataFrame, *, ncols: int = 5,
                             palette: Mapping[str, str] | None = None,
                             title: str | None = None, source: str | None = None,
                             ax: object = None) -> Figure:
    """Small multiples: one panel per outlet, the other outlets in grey behind it.

    Parameters
    ----------
    timeline : DataFrame
        Output of :func:`coverage_kit.tables.coverage_timeline` (``by="outlet"``).
    ncols : int
        Panels per row.
    palette, title, source
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
    _reject_ax(ax, "coverage_timeline_figure", "plot_coverage_timeline")
    with _themed():
        title = title or "Articles per day: each outlet against the others"
        outlets = _present(timeline["outlet"]) if not timeline.empty else []
        if not outlets:
            fig, one = plt.subplots(figsize=(9, 4), layout="constrained")
            no_data(one, title=title, source=source)
            return fig
        unit = _freq_label(timeline["period"])
        if unit == "hour":
            title = title.replace("per day", "per hour")
        ncols = max(1, min(ncols, len(outlets)))
        nrows = int(np.ceil(len(outlets) / ncols))
        width, height = 2.6 * ncols + 0.9, 1.75 * nrows + 1.5
        # Fixed margins in inches instead of constrained layout: 30 panels lay out 5x faster.
        fig, axes = plt.subplots(nrows, ncols, figsize=(width, height), sharex=True,
                                 sharey=True, squeeze=False,
                                 gridspec_kw={"left": 0.75 / width, "right": 1 - 0.15 / width,
                                              "top": 1 - 0.85 / height,
                                              "bottom": 0.75 / height,
                                              "hspace": 0.5, "wspace": 0.1})
        colors = _palette(timeline["outlet"], palette)
        wide = (timeline.assign(outlet=timeline["outlet"].astype("object"))
                .pivot_table(index="period", columns="outlet", values="n_articles",
                             aggfunc="sum", fill_value=0)
                .reindex(columns=outlets, fill_value=0).sort_index())
        x = _naive(pd.Series(wide.index))
        flat = axes.ravel()
        xnum = mdates.date2num(x)
        allv = wide.to_numpy(float)
        for i, o in enumerate(outlets):
            a = flat[i]
            others = [np.column_stack([xnum, allv[:, j]]) for j in range(len(outlets)) if j != i]
            if others:  # one artist for all the grey lines: fast with 30 outlets
                a.add_collection(LineCollection(others, colors="#CFCFCF", linewidths=0.7,
                                                zorder=1), autolim=True)
            y = wide[o].to_numpy(float)
            a.fill_between(x, y, color=colors[o], alpha=0.25, lw=0, zorder=2)
            a.plot(x, y, color=colors[o], lw=1.8, zorder=3)
            a.set_title(f"{o} ({int(y.sum()):,})", fontsize=mpl.rcParams["font.size"],
                        color=INK)
            a.grid(axis="y")
        _date_axis(flat[0], x=x, max_ticks=4)  # shared by every panel
        for k, a in enumerate(flat[len(outlets):], start=len(outlets)):
            a.set_visible(False)
            if k - ncols >= 0:  # the panel above now ends its column: give it date labels
                flat[k - ncols].xaxis.set_tick_params(labelbottom=True)
        flat[0].set_ylim(bottom=0)
        flat[0].yaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True, nbins=4))
        for r in range(nrows):
            axes[r, 0].set_ylabel(f"Articles / {unit}")
        fs = mpl.rcParams["font.size"]
        fig.text(0.75 / width, 1 - 0.2 / height, title, ha="left", va="top",
                 fontweight="bold", fontsize=mpl.rcParams["axes.titlesize"])
        fig.text(0.12 / width, 0.12 / height,
                 (source + " · " if source else "")
                 + "panel titles give each outlet's total; other outlets in grey; times are UTC",
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
    cb = ax.figure.colorbar(im, ax=ax, shrink=0.8, pad=0.02, aspect=30)
    cb.set_label(cbar_label)
    cb.outline.set_visible(False)
    cb.locator = mpl.ticker.MaxNLocator(integer=True)
    cb.update_ticks()


def plot_outlet_date_heatmap(matrix: pd.DataFrame, *, annotate: bool | None = None,
                             title: str | None = None, source: str | None = None,
                             ax: Axes | None = None) -> Axes:
    """Articles per outlet (rows) and day (columns) as a heatmap.

    Parameters
    ----------
    matrix : DataFrame
        Output of :func:`coverage_kit.tables.outlet_date_matrix`.
    annotate : bool, optional
        Print the count in each cell; by default when the cells are few enough to read.
    title, source, ax
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
        title = title or "Articles per outlet and day"
        if matrix.empty or matrix.shape[1] == 0:
            return no_data(_axes(ax, (9, 4)), title=title, source=source)
        cols = pd.to_datetime(list(matrix.columns))
        hourly = len(cols) > 1 and (pd.Series(cols).diff().dropna().min() < pd.Timedelta(days=1))
        if hourly:
            title = title.replace("and day", "and hour")
        ax = _axes(ax, (max(6.5, 0.34 * len(cols) + 3.5), max(2.6, 0.36 * len(matrix) + 1.6)))
        step = max(1, int(np.ceil(len(cols) / 24)))
        labels = []
        for i, c in enumerate(cols):
            if i % step:
                labels.append("")
            elif hourly:
                labels.append(f"{c:%d %b %H:00}")
            else:
                labels.append(f"{c.day} {c:%b}")
        _heatmap(ax, matrix, cmap="Blues", xlabels=labels,
                 ylabels=[str(o) for o in matrix.index], cbar_label="Articles",
                 annotate=annotate)
        ax.tick_params(axis="x", rotation=90 if hourly else 0)
        if not hourly and len(cols) > 12:
            ax.tick_params(axis="x", rotation=90)
        ax.set_xlabel("Publication hour (UTC)" if hourly else "Publication day (UTC)")
        ax.set_title(title)
        add_source(ax, source)
        return ax


# --------------------------------------------------------------------------------------------
# Speakers and quotes
# --------------------------------------------------------------------------------------------


def plot_top_speakers(counts: pd.DataFrame, *, top: int = 15, value: str = "n_quotes",
                      max_outlets: int | None = 10,
                      palette: Mapping[str, str] | None = None, title: str | None = None,
                      source: str | None = None, ax: Axes | None = None) -> Axes:
    """The most-quoted speakers, bars stacked by outlet.

    Parameters
    ----------
    counts : DataFrame
        Output of :func:`coverage_kit.tables.speaker_counts` with ``by="outlet"``.
    top : int
        How many speakers.
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
        outlets = [o for o in _present(counts["outlet"]) if o in set(c["outlet"])]
        wide = (c.pivot_table(index="speaker_id", columns="outlet", values=value,
                              aggfunc="sum", fill_value=0)
                .reindex(index=ids, columns=outlets, fill_value=0))
        wide, n_other = _group_minor(wide, max_outlets)
        colors = _colors_with_other(colors)
        ax = _axes(ax, (9, max(3.0, 0.34 * len(ids) + 1.6)))
        y = np.arange(len(ids))
        left = np.zeros(len(ids))
        for o in wide.columns:
            w = wide[o].to_numpy(float)
            ax.barh(y, w, left=left, color=colors[o], height=0.72, edgecolor="white",
                    label=_other_label(n_other) if o == OTHER_OUTLETS else o, linewidth=0.4)
            left += w
        for yi, total in zip(y, left, strict=True):
            ax.text(total, yi, f" {int(total):,}", va="center", ha="left",
                    fontsize=mpl.rcParams["font.size"] * 0.85, color=INK)
        ax.set_yticks(y, [_wrap(names.get(i, i), 32, 1) for i in ids])
        ax.invert_yaxis()
        ax.set_xlim(0, left.max() * 1.1 + 0.5)
        ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
        ax.grid(axis="x")
        ax.set_xlabel("Quotes" if value == "n_quotes" else "Articles quoting the speaker")
        ax.tick_params(axis="y", length=0)
        ax.set_title(title)
        _legend_right(ax, title="Outlet")
        add_source(ax, source)
        return ax


def plot_speaker_outlet_heatmap(matrix: pd.DataFrame, *, annotate: bool | None = None,
                                title: str | None = None, source: str | None = None,
                                ax: Axes | None = None) -> Axes:
    """Quotes per speaker (rows) and outlet (columns) as a heatmap.

    Parameters
    ----------
    matrix : DataFrame
        Output of :func:`coverage_kit.tables.speaker_outlet_matrix`.
    annotate, title, source, ax
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
        ax = _axes(ax, (max(6.0, 0.4 * matrix.shape[1] + 4.0),
                        max(3.0, 0.3 * len(matrix) + 2.4)))
        _heatmap(ax, matrix, cmap="Purples", xlabels=[str(c) for c in matrix.columns],
                 ylabels=[_wrap(s, 30, 1) for s in matrix.index], cbar_label="Quotes",
                 annotate=annotate)
        ax.tick_params(axis="x", rotation=40)
        for t in ax.get_xticklabels():
            t.set_ha("right")
            t.set_rotation_mode("anchor")
        ax.set_title(title)
        add_source(ax, source)
        return ax


def plot_quote_propagation(propagation: pd.DataFrame, *, top: int = 8,
                           palette: Mapping[str, str] | None = None, title: str | None = None,
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
    with _themed():
        title = title or "How quotes travelled: pick-up by other outlets"
        if propagation.empty:
            return no_data(_axes(ax, (9, 4)), title=title, source=source,
                           hint="no quote was carried by two or more outlets")
        colors = _palette(propagation["outlet"], palette)
        p = propagation[propagation["quote_group"] <= propagation["quote_group"]
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
            date_only = (rows["date_only"].fillna(False).to_numpy(bool)
                         if "date_only" in rows.columns else np.zeros(len(rows), bool))
            for (_, r), x, d, dated in zip(rows.iterrows(), lag, dy, date_only, strict=True):
                first = int(r["order"]) == 1
                ax.scatter(x, lane + d, s=70 if first else 48, marker="s" if dated else "o",
                           color=colors[str(r["outlet"])],
                           edgecolor=INK if first else "white",
                           linewidth=1.4 if first else 0.6, zorder=3)
            any_date_only |= bool(date_only.any())
            first_row = rows.iloc[0]
            speaker = first_row["speaker"] if pd.notna(first_row["speaker"]) else "unknown"
            words = str(first_row["quote"]).strip().strip("\"'“”„«»‘’ ,.")
            n_first = int((rows["order"] == 1).sum())
            first_by = (str(first_row["outlet"]) if n_first == 1
                        else f"{n_first} outlets the same {'day' if date_only.any() else 'time'}")
            labels.append(f"“{_wrap(words, 46, 2)}”\n— {_wrap(speaker, 34, 1)}; "
                          f"{len(rows)} outlets, first: {_wrap(first_by, 28, 1)}")
        ax.set_yticks(range(len(groups)), labels, fontsize=mpl.rcParams["font.size"] * 0.8)
        ax.set_ylim(len(groups) - 0.5, -0.5)
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        ax.set_xlim(left=-0.04 * max(max_lag / scale, 1.0))
        ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True, steps=[1, 2, 3, 6, 10]))
        ax.grid(axis="x")
        ax.set_xlabel(f"Lag after the first outlet carried the quote ({unit})")
        ax.set_title(title)
        present = [o for o in _present(p["outlet"]) if o in set(p["outlet"].astype("object"))]
        handles = [mpl.lines.Line2D([], [], ls="", marker="o", ms=7, color=colors[o])
                   for o in present]
        handles.append(mpl.lines.Line2D([], [], ls="", marker="o", ms=8, mfc="white",
                                        mec=INK, mew=1.4))
        names = present + ["first carrier"]
        if any_date_only:
            handles.append(mpl.lines.Line2D([], [], ls="", marker="s", ms=7, color="#777777"))
            names.append("square: source gives\nonly a date (00:00 UTC)")
        _legend_right(ax, handles, names, title="Outlet")
        add_source(ax, source)
        return ax


# --------------------------------------------------------------------------------------------
# Reactions
# --------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _world():
    import geopandas as gpd
    from countryinfo import CountryInfo

    features = []
    for info in CountryInfo.all().values():
        gj = info.get("geoJSON") or {}
        iso = (info.get("ISO") or {}).get("alpha3")
        if not iso or iso == "ATA":
            continue
        for f in gj.get("features", []):
            features.append({"type": "Feature", "geometry": f["geometry"],
                             "properties": {"iso_a3": str(iso).upper(),
                                            "name": info.get("name")}})
    return gpd.GeoDataFrame.from_features(features, crs="EPSG:4326")


def world_countries():
    """Country outlines (GeoDataFrame with ``iso_a3``, ``name``, ``geometry``), offline.

    From the GeoJSON that ships with the ``countryinfo`` package (173 countries, low
    resolution, Antarctica left out). Nothing is downloaded.

    Examples
    --------
    >>> "DEU" in set(world_countries()["iso_a3"])
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


def plot_reactions_map(country_stance: pd.DataFrame, *, focus: str | None = None,
                       extent: tuple[float, float, float, float] = WORLD_EXTENT,
                       legend: bool = True, title: str | None = None,
                       source: str | None = None, ax: Axes | None = None) -> Axes:
    """World map of reacting countries, coloured by their prevailing stance.

    Organisations (EU, UN, ...) are not countries and are not drawn; see
    :func:`reactions_map_figure` for a map with an organisations panel beside it. Countries
    too small to see at world scale get a dot in their stance colour.

    Parameters
    ----------
    country_stance : DataFrame
        Output of :func:`coverage_kit.tables.reactions_by_country_stance` (or of
        :func:`~coverage_kit.tables.country_stances`).
    focus : str, optional
        Code of the country the event is about; drawn hatched when it is on the map.
    extent : (lon_min, lon_max, lat_min, lat_max)
        The part of the world to show; ``EUROPE_EXTENT`` zooms on Europe.
    legend : bool
        Draw the stance legend.
    title, source, ax
        As in :func:`plot_coverage_timeline`.

    Examples
    --------
    >>> t = pd.DataFrame({"country": ["DEU"], "country_name": ["Germany"], "kind": ["country"],
    ...     "stance": ["condemn"], "n_statements": [3], "n_articles": [2], "n_outlets": [2]})
    >>> ax = plot_reactions_map(t)
    >>> ax.get_legend().get_texts()[0].get_text()
    'Condemns'
    >>> plt.close("all")
    """
    with _themed():
        title = "Who reacted, and how: prevailing stance by country" if title is None else title
        ax = _axes(ax, (10, 5.2))
        world = world_countries()
        summary = _stance_summary(country_stance) if not country_stance.empty else None
        states = (summary[summary["country"].isin(set(world["iso_a3"]))]
                  if summary is not None else None)
        if states is None or states.empty:
            world.plot(ax=ax, color=MUTED, edgecolor="white", linewidth=0.3)
            ax.set_axis_off()
            ax.text(0.5, 0.5, NO_DATA + "\n(no country reactions)", transform=ax.transAxes,
                    ha="center", va="center", fontsize=mpl.rcParams["font.size"] * 1.2,
                    color="#555555", gid="no-data",
                    bbox={"facecolor": "white", "edgecolor": "#BBBBBB", "alpha": 0.9})
            ax.set_title(title)
            ax.set_xlim(*extent[:2])
            ax.set_ylim(*extent[2:])
            add_source(ax, source)
            return ax
        colors = stance_palette()
        stance_of = dict(zip(states["country"], states["stance"].astype("object"), strict=True))
        world["stance"] = world["iso_a3"].map(stance_of)
        world["color"] = world["stance"].map(colors).fillna(MUTED)
        world.plot(ax=ax, color=world["color"], edgecolor="white", linewidth=0.35)
        if focus and (focus.upper() in set(world["iso_a3"])):
            world[world["iso_a3"] == focus.upper()].plot(ax=ax, facecolor="none",
                                                         edgecolor=INK, hatch="////",
                                                         linewidth=0.8)
        reacting = world[world["stance"].notna()]
        width = extent[1] - extent[0]
        small = reacting[shapely.area(reacting.geometry.to_numpy()) < 3.0 * (width / 360) ** 2]
        if len(small):
            pts = small.geometry.representative_point()
            ax.scatter(pts.x, pts.y, s=28, color=small["color"], edgecolor=INK,
                       linewidth=0.6, zorder=4)
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
        present = [s for s in STANCES if s in set(stance_of.values())]
        if legend:
            _stance_legend(ax, present, [("no reported reaction", MUTED)], loc="lower left",
                           title="Prevailing stance", fontsize=mpl.rcParams["font.size"] * 0.8)
        ax.set_title(title)
        add_source(ax, source)
        return ax


def plot_reactions_by_country(country_stance: pd.DataFrame, *, top: int = 25,
                              title: str | None = None, source: str | None = None,
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
        for s in STANCES:
            w = wide[s].to_numpy(float)
            if w.sum() == 0:
                continue
            ax.barh(y, w, left=left, color=colors[s], label=STANCE_LABELS[s], height=0.72,
                    edgecolor="white", linewidth=0.4)
            left += w
        for yi, total in zip(y, left, strict=True):
            ax.text(total, yi, f" {int(total):,}", va="center", ha="left",
                    fontsize=mpl.rcParams["font.size"] * 0.85)
        ax.set_yticks(y, [_wrap(meta.loc[c, "country_name"], 30, 1) for c in codes])
        for label, c in zip(ax.get_yticklabels(), codes, strict=True):
            if str(meta.loc[c, "kind"]) == "organisation":
                label.set_fontstyle("italic")
        ax.set_ylim(max(len(codes), 6) - 0.5, -0.5)  # few bars stay bar-sized, at the top
        ax.set_xlim(0, left.max() * 1.1 + 0.5)
        ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
        ax.grid(axis="x")
        ax.tick_params(axis="y", length=0)
        ax.set_xlabel("Statements reported (organisations in italics)")
        ax.set_title(title)
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
                         source: str | None = None, ax: object = None) -> Figure:
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
    _reject_ax(ax, "reactions_map_figure", "plot_reactions_map")
    with _themed():
        title = title or "International reactions: prevailing stance"
        codes = set(country_stance["country"]) if not country_stance.empty else set()
        zoom = _in_extent(codes, EUROPE_EXTENT) >= 3
        fig = plt.figure(figsize=(14, 6.4) if zoom else (13, 5.6), layout="constrained")
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
            plot_reactions_by_country(off, top=8 if zoom else 12, title=side_title, ax=side)
        side.set_title(side.get_title(loc="left"), fontsize=mpl.rcParams["font.size"])
        if side.get_legend() is not None:
            side.get_legend().remove()
        side.set_xlabel("Statements")
        notes = []
        if focus and focus.upper() not in on_map:
            notes.append(f"{focus_name or focus} (the country the event is about) is not on "
                         "the map")
        notes.append("statements by the focus country's own side are not counted as reactions")
        _figure_title(fig, title)
        _figure_source(fig, " · ".join(([source] if source else []) + notes))
        return fig


def plot_reaction_timeline(timeline: pd.DataFrame, *, top: int = 30, title: str | None = None,
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
        ax.set_title(title)
        present = [s for s in STANCES if s in set(t["stance"].astype("object"))]
        _stance_legend(ax, present, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                       borderaxespad=0.0, title="Stance of first reaction")
        add_source(ax, source)
        return ax


def plot_reactions_by_outlet(table: pd.DataFrame, *, top: int = 20, title: str | None = None,
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
        ax = _axes(ax, (max(6.0, 0.4 * len(outlets) + 4.0), max(3.0, 0.3 * len(wide) + 2.4)))
        _heatmap(ax, wide, cmap="Oranges", xlabels=outlets,
                 ylabels=[_wrap(n, 28, 1) for n in wide.index], cbar_label="Statements",
                 annotate=None)
        ax.tick_params(axis="x", rotation=40)
        for lab in ax.get_xticklabels():
            lab.set_ha("right")
            lab.set_rotation_mode("anchor")
        ax.set_title(title)
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
        ax.plot([l, h], [yi, yi], color=c, lw=2.2, alpha=0.55, solid_capstyle="round", zorder=2)
        ax.scatter([mi], [yi], color=c, s=52, zorder=3, edgecolor="white", linewidth=0.6)
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    span = max(0.15, float(np.nanmax(np.abs(np.concatenate([lo, hi])))) * 1.15)
    ax.set_xlim(-span, span)
    ax.grid(axis="x")
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("Mean polarity (TextBlob: −1 negative … +1 positive), with 95 % interval")


def plot_sentiment_by_outlet(table: pd.DataFrame, *, what: str = "quotes",
                             palette: Mapping[str, str] | None = None, title: str | None = None,
                             source: str | None = None, ax: Axes | None = None) -> Axes:
    """Mean polarity per outlet, a dot with its 95 % interval, in outlet order.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`coverage_kit.tables.sentiment_by_outlet`.
    what : str
        What was scored ("quotes", "articles", "reactions"), for the title.

    Examples
    --------
    >>> q = pd.DataFrame({"outlet": ["DW", "DW", "TASS"], "polarity": [-0.5, -0.3, 0.4]})
    >>> ax = plot_sentiment_by_outlet(_tables.sentiment_by_outlet(q))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['DW (n = 2)', 'TASS (n = 1)']
    >>> plt.close("all")
    """
    with _themed():
        title = title or f"Tone of {what} by outlet"
        if table.empty:
            return no_data(_axes(ax, (8, 4)), title=title, source=source)
        colors = _palette(table["outlet"], palette)
        t = table.sort_values("outlet").reset_index(drop=True)
        ax = _axes(ax, (8, max(2.6, 0.36 * len(t) + 1.5)))
        _sentiment_dots(ax, t, [f"{o} (n = {int(n):,})" for o, n in zip(t["outlet"], t["n"],
                                                                        strict=True)],
                        [colors[str(o)] for o in t["outlet"]])
        ax.set_title(title)
        add_source(ax, source)
        return ax


def plot_sentiment_by_speaker(table: pd.DataFrame, *, title: str | None = None,
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
        ax.set_title(title)
        add_source(ax, source)
        return ax
