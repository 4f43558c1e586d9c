"""Interactive dashboards for JupyterLab: one filter panel over the tables and charts.

Everything here is a thin layer of ipywidgets over :mod:`coverage_kit.tables` (what to count)
and :mod:`coverage_kit.plots` (how to draw it). The pieces:

:class:`FilterState`
    A frozen dataclass holding every filter; it names export files (:meth:`FilterState.slug`).
:class:`FilterPanel`
    The shared filter widgets: date range, outlets, outlet countries, speakers (searchable),
    reacting countries, stance, keyword search and "count syndicated copies once". Slow inputs
    use ``continuous_update=False`` so typing never blocks.
:class:`Dashboard`
    The panel plus charts (one under the other, or in tabs), a summary of the active filters
    and what they select (always above the charts; the status line repeats it), a time-bin
    menu and event markers, a drill-down table (the rows behind a chart, with their article,
    as escaped text; clicking a bar, a day or a country picks them, through ipyevents) and an
    export button. Every chart carries the filters as subtitle and a "Source:" line, and an
    outlet has one colour in all of them. :func:`dashboard` builds all charts;
    :func:`coverage_explorer`, :func:`quote_explorer` and :func:`reaction_explorer` build one
    topic each.

Callbacks never fail silently: an exception inside one is shown in the dashboard (escaped, in
a box with CSS class ``ck-error``) and logged. Titles, quotes and article text are untrusted;
they only reach the page through ``html.escape`` or pandas' escaped ``to_html``.

Core modules never import this one; only notebooks do.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import hashlib
import html
import io
import logging
import re
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from . import schema

log = logging.getLogger(__name__)

__all__ = [
    "FilterState",
    "FilterPanel",
    "Dashboard",
    "View",
    "dashboard",
    "coverage_explorer",
    "quote_explorer",
    "reaction_explorer",
    "counts_text",
]

EXPORT_FORMATS = ("png", "svg", "pdf")


# --------------------------------------------------------------------------------------------
# Filter state
# --------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class FilterState:
    """Every dashboard filter, as one immutable value.

    Empty tuples and ``None`` mean "no restriction". Dates are inclusive calendar days in UTC.

    Parameters
    ----------
    start, end : datetime.date, optional
        First and last day shown.
    outlets : tuple of str
        Outlet names (``outlet`` column of ARTICLES).
    outlet_countries : tuple of str
        ISO alpha-3 codes of the outlets' countries.
    speakers : tuple of str
        Speaker ids (``speaker_id`` of QUOTES; the name where a quote has no id), so every
        spelling of a speaker is one choice.
    countries : tuple of str
        Reacting country or organisation codes (``country`` column of REACTIONS).
    stances : tuple of str
        Reaction stances, from :data:`coverage_kit.schema.STANCES`.
    keyword : str
        Word or phrase searched, case-insensitively, in titles and text.
    syndicated_once : bool
        Count the copies of one wire story (one ``story_id``) once.

    Examples
    --------
    >>> s = FilterState(outlets=("BBC News", "Reuters"), keyword="Liberty Square")
    >>> s.slug()
    'outlets-bbc-news+reuters_kw-liberty-square'
    >>> FilterState().slug()
    'all'
    """

    start: dt.date | None = None
    end: dt.date | None = None
    outlets: tuple[str, ...] = ()
    outlet_countries: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    keyword: str = ""
    syndicated_once: bool = False

    def __post_init__(self) -> None:
        for f in ("outlets", "outlet_countries", "speakers", "countries", "stances"):
            value = getattr(self, f)
            if isinstance(value, str):
                raise TypeError(f"FilterState.{f} takes a tuple of names, not the string {value!r}")
            object.__setattr__(self, f, tuple(str(v) for v in value))
        object.__setattr__(self, "keyword", str(self.keyword or "").strip())
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"FilterState: start {self.start} is after end {self.end}")

    @property
    def is_default(self) -> bool:
        """True when nothing is filtered."""
        return self == FilterState()

    def describe(self, names: Mapping[str, str] | None = None) -> str:
        """The filters in words, for captions, chart subtitles and export logs.

        Parameters
        ----------
        names : mapping, optional
            Display names of speaker ids and country codes ("teodor-valkan" ->
            "Teodor Valkan", "DEU" -> "Germany"); codes without a name are shown as they are.

        Examples
        --------
        >>> FilterState(stances=("condemn",), syndicated_once=True).describe()
        'stance: condemn; syndicated copies counted once'
        >>> FilterState(countries=("DEU",)).describe({"DEU": "Germany"})
        'reacting: Germany'
        """
        names = names or {}
        parts = []
        if self.start or self.end:
            parts.append(f"{self.start or '…'} to {self.end or '…'}")
        for f, label in (("outlets", "outlets"), ("outlet_countries", "outlet countries"),
                         ("speakers", "speakers"), ("countries", "reacting"),
                         ("stances", "stance")):
            if getattr(self, f):
                parts.append(f"{label}: {', '.join(names.get(v, v) for v in getattr(self, f))}")
        if self.keyword:
            parts.append(f'keyword "{self.keyword}"')
        if self.syndicated_once:
            parts.append("syndicated copies counted once")
        return "; ".join(parts) or "all articles"

    def slug(self, *, max_length: int = 80) -> str:
        """A file-name-safe name for this state, used to name exported files.

        Long states are cut and end in a short hash, so two states never share a name.
        """
        parts = []
        if self.start or self.end:
            parts.append(f"{self.start or 'start'}--{self.end or 'end'}")
        for f, key in (("outlets", "outlets"), ("outlet_countries", "from"),
                       ("speakers", "speakers"), ("countries", "reacting"),
                       ("stances", "stance")):
            values = getattr(self, f)
            if values:
                parts.append(key + "-" + "+".join(_slugify(v) for v in values))
        if self.keyword:
            parts.append("kw-" + _slugify(self.keyword))
        if self.syndicated_once:
            parts.append("once")
        slug = "_".join(parts) or "all"
        if len(slug) > max_length:
            digest = hashlib.sha1(repr(self).encode()).hexdigest()[:8]
            slug = slug[: max_length - 9].rstrip("-_+") + "-" + digest
        return slug


def _slugify(text: str) -> str:
    text = re.sub(r"[^\w]+", "-", str(text).lower(), flags=re.UNICODE).strip("-")
    return text or "x"


def counts_text(shown: int, total: int, unit: str = "articles") -> str:
    """``"312 of 1,204 articles"``.

    Examples
    --------
    >>> counts_text(312, 1204)
    '312 of 1,204 articles'
    >>> counts_text(5, 5, "stories")
    'all 5 stories'
    >>> counts_text(1, 1), counts_text(1, 3, "stories")
    ('1 article', '1 of 3 stories')
    """
    one = _SINGULAR.get(unit, unit[:-1] if unit.endswith("s") else unit)
    if shown == total:
        return f"1 {one}" if total == 1 else f"all {total:,} {unit}"
    return f"{shown:,} of {total:,} {unit if total != 1 else one}"


_SINGULAR = {"stories": "story", "articles": "article", "quotes": "quote",
             "statements": "statement", "countries": "country"}


def plural(n: int, noun: str) -> str:
    """``"1 article"``, ``"2 articles"``, ``"1 story"``.

    Examples
    --------
    >>> plural(1, "articles"), plural(3, "stories")
    ('1 article', '3 stories')
    """
    one = _SINGULAR.get(noun, noun[:-1] if noun.endswith("s") else noun)
    return f"{int(n):,} {one if int(n) == 1 else noun}"


# --------------------------------------------------------------------------------------------
# Errors inside callbacks
# --------------------------------------------------------------------------------------------


class ErrorBox:
    """Shows exceptions raised inside widget callbacks instead of letting them vanish."""

    def __init__(self) -> None:
        self.widget = widgets.HTML(value="", layout=widgets.Layout(display="none"))
        self.widget.add_class("ck-error")
        self.last: BaseException | None = None

    def clear(self) -> None:
        self.last = None
        self.widget.value = ""
        self.widget.layout.display = "none"

    def show(self, exc: BaseException) -> None:
        self.last = exc
        tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-6:])
        self.widget.value = (
            '<div style="border:1px solid #c0392b;background:#fdecea;padding:6px 10px;'
            'font-size:12px"><b>Something went wrong while updating:</b> '
            f"{html.escape(f'{type(exc).__name__}: {exc}')}"
            f'<details><summary>traceback</summary><pre>{html.escape(tb)}</pre></details></div>'
        )
        self.widget.layout.display = None
        log.debug("error in a coverage-kit widget callback", exc_info=exc)

    def guard(self, fn: Callable) -> Callable:
        """Wrap a callback: clear old errors, call it, show any exception it raises."""

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            try:
                result = fn(*args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - shown to the user, and logged
                self.show(exc)
                return None
            self.clear()
            return result

        return wrapper


# --------------------------------------------------------------------------------------------
# The filter panel
# --------------------------------------------------------------------------------------------


def _country_label(code: str, names: Mapping[str, tuple[str, str]] | None = None) -> str:
    """A country's or organisation's name, never its code alone ("Germany", "European
    Union (organisation)")."""
    if names is None:
        from .tables import entity_names

        names = entity_names()
    name, kind = names.get(str(code).upper(), (str(code), ""))
    return f"{name} (organisation)" if kind == "organisation" else name


class MultiSelect:
    """A multi-select list with a search box, a count beside each option, and "All" /
    "None" buttons. ``.value`` is the tuple of chosen values, as for ``SelectMultiple``.

    Parameters
    ----------
    options : list of (label, value, count)
        In the order shown.
    rows : int
        Height of the list.
    """

    def __init__(self, options: Sequence[tuple[str, str, int]], *, rows: int = 6,
                 css: str = ""):
        self._all = [(f"{label} · {n:,}" if n is not None else label, value)
                     for label, value, n in options]
        self._search_text = {value: f"{label} {value}".casefold() for label, value, _ in options}
        self.search = widgets.Text(placeholder="search…", continuous_update=True,
                                   layout=widgets.Layout(width="98%"))
        self.select = widgets.SelectMultiple(options=self._all, rows=rows,
                                             layout=widgets.Layout(width="98%"))
        self.all_button = widgets.Button(description="All", layout=widgets.Layout(width="48px"),
                                         tooltip="select every option listed")
        self.none_button = widgets.Button(description="None",
                                          layout=widgets.Layout(width="52px"),
                                          tooltip="clear the selection")
        if css:
            self.search.add_class(f"{css}-search")
            self.select.add_class(css)
            self.all_button.add_class(f"{css}-all")
            self.none_button.add_class(f"{css}-none")
        self.search.observe(lambda ch: self.filter(ch["new"]), names="value")
        self.all_button.on_click(lambda _b: self._set(tuple(v for _, v in self.select.options)))
        self.none_button.on_click(lambda _b: self._set(()))
        self.widget = widgets.VBox([self.search, self.select,
                                    widgets.HBox([self.all_button, self.none_button])])

    def _set(self, value: tuple) -> None:
        self.select.value = value

    #: set by the filter panel: changes made inside it trigger no redraw
    mute: Callable[[], contextlib.AbstractContextManager] = contextlib.nullcontext

    def filter(self, query: str) -> None:
        """List only the options whose label or value contains ``query`` (chosen ones stay)."""
        q = query.strip().casefold()
        chosen = self.select.value
        shown = [(lab, v) for lab, v in self._all
                 if not q or q in self._search_text[v] or v in chosen]
        with self.mute():
            self.select.options = shown
            self.select.value = chosen

    def observe(self, *args, **kwargs):
        return self.select.observe(*args, **kwargs)

    @property
    def value(self) -> tuple:
        return self.select.value

    @value.setter
    def value(self, value) -> None:
        self.select.value = tuple(value)

    @property
    def options(self):
        return self.select.options

    @property
    def _options_values(self) -> tuple:
        return tuple(v for _, v in self._all)

    def add_class(self, name: str) -> None:
        self.select.add_class(name)


def _heading(text: str) -> widgets.HTML:
    return widgets.HTML(f"<b>{html.escape(text)}</b>")


class FilterPanel:
    """The filter widgets shared by every notebook.

    Parameters
    ----------
    articles : DataFrame
        ARTICLES table; gives the date range, outlets and outlet countries.
    quotes : DataFrame, optional
        QUOTES table; gives the speakers (most quoted first).
    reactions : DataFrame, optional
        REACTIONS table; gives the reacting countries.
    max_speakers : int
        Speakers listed at once; the search box finds the others.

    Attributes
    ----------
    widget : ipywidgets.Widget
        What to display.
    state : FilterState
        The current filters; assign a FilterState to set every widget at once.

    Examples
    --------
    >>> articles = pd.DataFrame({"outlet": pd.Categorical(["Reuters", "TASS"]),
    ...     "outlet_country": ["GBR", "RUS"],
    ...     "published": pd.to_datetime(["2025-03-06", "2025-03-08"], utc=True)})
    >>> panel = FilterPanel(articles)
    >>> panel.outlets.value = ("Reuters",)
    >>> panel.state.outlets
    ('Reuters',)
    >>> panel.state.describe()
    'outlets: Reuters'
    """

    def __init__(self, articles, quotes: pd.DataFrame | None = None,
                 reactions: pd.DataFrame | None = None, *, max_speakers: int = 200,
                 entities: pd.DataFrame | None = None):
        if _is_store(articles):  # a corpus store: what it offers, counted in DuckDB
            from .queries import panel_options

            options = panel_options(_as_store(articles))
        else:
            _require(articles, ("published", "outlet", "outlet_country"), "articles")
            options = _panel_options(articles, quotes, reactions)
        self.max_speakers = max_speakers
        self._listeners: list[Callable[[FilterState], None]] = []
        self._muted = 0
        self.errors = ErrorBox()

        days = options["days"]
        self.days = days
        self.dates = widgets.SelectionRangeSlider(
            options=[(_day_label(d, days), d) for d in days] or [("no dates", None)],
            index=(0, max(len(days) - 1, 0)),
            description="Dates",
            continuous_update=False,
            layout=widgets.Layout(width="98%"),
            style={"description_width": "60px"},
        )
        self.dates.add_class("ck-dates")

        self.outlets = MultiSelect([(o, o, n) for o, n in options["outlets"]],
                                   css="ck-outlets")

        self.entity_names = _entity_table(options["kinds"], entities)
        ocs = options["outlet_countries"]
        self.outlet_countries = MultiSelect(
            sorted(((_country_label(c, self.entity_names), c, int(n)) for c, n in ocs.items()),
                   key=lambda t: t[0]), css="ck-outlet-countries")

        self._speakers = options["speakers"]
        self.speaker_search = widgets.Text(placeholder="search speakers…",
                                           continuous_update=True,
                                           layout=widgets.Layout(width="98%"))
        self.speaker_search.add_class("ck-speaker-search")
        self.speakers = widgets.SelectMultiple(options=self._speaker_options(""), rows=6,
                                               layout=widgets.Layout(width="98%"))
        self.speakers.add_class("ck-speakers")
        self.speakers_all = widgets.Button(description="All", layout=widgets.Layout(width="48px"))
        self.speakers_none = widgets.Button(description="None",
                                            layout=widgets.Layout(width="52px"))
        self.speakers_all.on_click(lambda _b: setattr(
            self.speakers, "value", tuple(v for _, v in self.speakers.options)))
        self.speakers_none.on_click(lambda _b: setattr(self.speakers, "value", ()))

        country_opts = sorted(((_country_label(c, self.entity_names), c, int(n))
                               for c, n in options["countries"].items()), key=lambda t: t[0])
        st = options["stances"]
        self.countries = MultiSelect(country_opts, css="ck-countries")
        self.stances = MultiSelect([(s_, s_, int(st.get(s_, 0))) for s_ in schema.STANCES],
                                   rows=4, css="ck-stances")

        # continuous_update=False: the search runs on Enter (or on leaving the box), never on
        # each keystroke
        self.keyword = widgets.Text(placeholder="word or phrase, then Enter",
                                    description="Keyword", continuous_update=False,
                                    layout=widgets.Layout(width="98%"),
                                    style={"description_width": "60px"})
        self.keyword.add_class("ck-keyword")
        self.syndicated_once = widgets.Checkbox(value=False, indent=False,
                                                description="Count syndicated copies once")
        self.syndicated_once.add_class("ck-once")
        self.reset_button = widgets.Button(description="Reset filters", icon="undo",
                                           layout=widgets.Layout(width="auto"))
        self.reset_button.add_class("ck-reset")
        self.counts = widgets.Label(value="")
        self.counts.add_class("ck-counts")

        for w in (self.dates, self.outlets, self.outlet_countries, self.speakers,
                  self.countries, self.stances, self.keyword, self.syndicated_once):
            w.observe(self._changed, names="value")
        for m in (self.outlets, self.outlet_countries, self.countries, self.stances):
            m.mute = self.muted
        self.speaker_search.observe(self.errors.guard(self._search_speakers), names="value")
        self.reset_button.on_click(self.errors.guard(lambda _b: self.reset()))

        def column(title, *children):
            return widgets.VBox([_heading(title), *children],
                                layout=widgets.Layout(flex="1 1 0", min_width="150px"))

        columns = [column("Outlets", self.outlets.widget),
                   column("Outlet countries", self.outlet_countries.widget)]
        if options["has_quotes"]:  # no quotes, no speaker filter to offer
            columns.append(column("Speakers", self.speaker_search, self.speakers,
                                  widgets.HBox([self.speakers_all, self.speakers_none])))
        if options["has_reactions"]:
            columns += [column("Reacting (statements)", self.countries.widget),
                        column("Stance (statements)", self.stances.widget)]
        self.widget = widgets.VBox([
            self.dates,
            widgets.HBox(columns),
            widgets.HBox([self.keyword], layout=widgets.Layout(width="100%")),
            widgets.HBox([self.syndicated_once, self.reset_button, self.counts],
                         layout=widgets.Layout(align_items="center")),
            self.errors.widget,
        ])
        self.widget.add_class("ck-filter-panel")

    # -- speakers -------------------------------------------------------------------------
    def _speaker_options(self, query: str) -> list[tuple[str, str]]:
        """(label, speaker id) of the most quoted speakers whose name contains ``query``."""
        sp = self._speakers
        if query:
            sp = sp[sp["search"].str.contains(query.casefold(), regex=False)]
        chosen = list(self.speakers.value) if hasattr(self, "speakers") else []
        ids = list(sp.index[: self.max_speakers])
        ids += [s for s in chosen if s not in ids]
        return [self._speaker_option(i) for i in ids]

    def _speaker_option(self, speaker_id: str) -> tuple[str, str]:
        row = self._speakers.loc[speaker_id]
        return f"{row['name']} · {int(row['n'])}", speaker_id

    def _search_speakers(self, change) -> None:
        chosen = self.speakers.value
        with self.muted():
            self.speakers.options = self._speaker_options(change["new"].strip())
            self.speakers.value = chosen

    # -- state ----------------------------------------------------------------------------
    @property
    def state(self) -> FilterState:
        start = end = None
        if self.days:
            i, j = self.dates.index
            if i > 0:
                start = self.days[i]
            if j < len(self.days) - 1:
                end = self.days[j]
        return FilterState(
            start=start, end=end,
            outlets=self.outlets.value,
            outlet_countries=self.outlet_countries.value,
            speakers=self.speakers.value,
            countries=self.countries.value,
            stances=self.stances.value,
            keyword=self.keyword.value,
            syndicated_once=self.syndicated_once.value,
        )

    @state.setter
    def state(self, state: FilterState) -> None:
        checks = [(name, getattr(self, name)._options_values)
                  for name in ("outlets", "outlet_countries", "countries", "stances")]
        checks.append(("speakers", tuple(self._speakers.index)))
        for name, known in checks:  # check everything before changing anything
            unknown = [v for v in getattr(state, name) if v not in known]
            if unknown:
                raise ValueError(f"unknown {name.replace('_', ' ')}: {', '.join(unknown)}; "
                                 f"known: {', '.join(map(str, known[:40]))}")
        with self.muted():
            if self.days:
                i = self.days.index(state.start) if state.start in self.days else 0
                j = self.days.index(state.end) if state.end in self.days else len(self.days) - 1
                self.dates.index = (i, j)
            for name, _ in checks[:-1]:
                getattr(self, name).value = getattr(state, name)
            self.speakers.value = ()
            self.speaker_search.value = ""
            top = self._speaker_options("")
            listed = {i for _, i in top}
            self.speakers.options = top + [self._speaker_option(i) for i in state.speakers
                                           if i not in listed]
            self.speakers.value = state.speakers
            self.keyword.value = state.keyword
            self.syndicated_once.value = state.syndicated_once
        self._notify()

    def reset(self) -> None:
        """Clear every filter (one redraw)."""
        self.state = FilterState()

    # -- listeners ------------------------------------------------------------------------
    def observe(self, callback: Callable[[FilterState], None]) -> None:
        """Call ``callback(state)`` after every filter change (errors are shown, not raised)."""
        self._listeners.append(callback)

    @contextlib.contextmanager
    def muted(self) -> Iterator[None]:
        """Change widgets inside the block without a redraw for each change."""
        self._muted += 1
        try:
            yield
        finally:
            self._muted -= 1

    def _changed(self, _change=None) -> None:
        if not self._muted:
            self._notify()

    def _notify(self) -> None:
        self.errors.guard(self._dispatch)()

    def _dispatch(self) -> None:
        state = self.state
        for callback in self._listeners:
            callback(state)

    def show_counts(self, shown: int, total: int, unit: str = "articles") -> None:
        self.counts.value = counts_text(shown, total, unit)

    def names(self) -> dict[str, str]:
        """Display name of every speaker id and country code the panel offers."""
        if getattr(self, "_names", None) is None:
            self._names = self._make_names()
        return self._names

    def _make_names(self) -> dict[str, str]:
        out = {c: _country_label(c, self.entity_names)
               for c in (*self.countries._options_values, *self.outlet_countries._options_values)}
        if len(self._speakers):
            out.update(self._speakers["name"].astype(str).to_dict())
        return out


def _panel_options(articles: pd.DataFrame, quotes: pd.DataFrame | None,
                   reactions: pd.DataFrame | None) -> dict:
    """What the panel offers for in-memory tables (the keys of
    :func:`coverage_kit.queries.panel_options`, which counts the same for a store)."""
    outlet = articles["outlet"]
    if isinstance(outlet.dtype, pd.CategoricalDtype):
        present = set(outlet.dropna().astype(str))
        outlet_names = [str(c) for c in outlet.cat.categories if str(c) in present]
    else:
        outlet_names = sorted(outlet.dropna().astype(str).unique())
    per_outlet = outlet.astype("object").value_counts()
    if reactions is not None and len(reactions) and "country" in reactions:
        r = reactions
        if "domestic" in r:
            r = r[~r["domestic"].fillna(False).astype(bool)]
        countries = r["country"].dropna().astype(str).str.upper().value_counts()
        stances = r["stance"].astype("object").value_counts()
    else:
        countries = pd.Series(dtype="int64")
        stances = pd.Series(dtype="int64")
    kinds = {}
    if reactions is not None and "actor_kind" in reactions and "country" in reactions:
        kinds = (reactions.assign(_c=reactions["country"].astype("string").str.upper())
                 .dropna(subset=["_c"]).groupby("_c")["actor_kind"]
                 .agg(lambda k: "organisation" if (k.astype("object") == "organisation").any()
                      else "country")).to_dict()
    return {"days": _day_range(articles["published"]),
            "outlets": [(o, int(per_outlet.get(o, 0))) for o in outlet_names],
            "outlet_countries": articles["outlet_country"].dropna().astype(str).value_counts(),
            "speakers": _speaker_table(quotes), "countries": countries, "stances": stances,
            "kinds": kinds, "has_quotes": quotes is not None,
            "has_reactions": reactions is not None}


def _entity_table(kinds: Mapping[str, str],
                  entities: pd.DataFrame | None) -> dict[str, tuple[str, str]]:
    """Code -> (name, kind): the built-in names, a corpus's entities, and, for codes neither
    knows, the kind the reactions extractor gave (``actor_kind``, in ``kinds``)."""
    from .tables import entity_names

    table = dict(entity_names(entities))
    for code, kind in kinds.items():
        if code not in table:
            table[code] = (code, kind)
    return table


def _is_store(obj) -> bool:
    """A corpus store, or the path of one (a folder with a manifest)."""
    from .store import MANIFEST, Store

    if isinstance(obj, Store):
        return True
    return isinstance(obj, (str, Path)) and (Path(obj) / MANIFEST).is_file()


def _as_store(obj):
    from .store import Store, open_store

    return obj if isinstance(obj, Store) else open_store(obj)


def _speaker_table(quotes: pd.DataFrame | None) -> pd.DataFrame:
    """Speakers by id, most quoted first: their most frequent spelling and quote count.

    Every spelling of one speaker ("Teodor Valkan", "Teodor Valcan") shares one
    ``speaker_id``; the panel lists the id once, under the spelling used most.
    """
    cols = {"name": pd.Series([], dtype="object"), "n": pd.Series([], dtype="int64"),
            "search": pd.Series([], dtype="object")}
    if quotes is None or quotes.empty or "speaker" not in quotes:
        return pd.DataFrame(cols)
    q = quotes[quotes["speaker"].notna()]
    name = q["speaker"].astype("object")
    sid = (q["speaker_id"].astype("object").where(q["speaker_id"].notna(), name)
           if "speaker_id" in q else name)
    pairs = pd.DataFrame({"id": sid, "name": name}).value_counts().reset_index(name="k")
    n = pairs.groupby("id")["k"].sum()
    best = pairs.sort_values(["k", "name"], ascending=[False, True]).drop_duplicates("id")
    spellings = pairs.groupby("id")["name"].agg(lambda v: " | ".join(v).casefold())
    table = pd.DataFrame({"name": best.set_index("id")["name"], "n": n,
                          "search": spellings})
    return table.sort_values(["n", "name"], ascending=[False, True])


def _require(df: pd.DataFrame, columns: Iterable[str], name: str) -> None:
    schema.require_columns(df, columns, name)


def _day_label(day: dt.date, days: Sequence[dt.date]) -> str:
    """``6 Mar``; with the year when the corpus spans more than one."""
    label = f"{day.day} {day:%b}"
    return label if days[0].year == days[-1].year else f"{label} {day.year}"


def _day_range(published: pd.Series) -> list[dt.date]:
    p = pd.to_datetime(published, utc=True).dropna()
    if p.empty:
        return []
    first, last = p.min().date(), p.max().date()
    return [d.date() for d in pd.date_range(first, last, freq="D")]


# --------------------------------------------------------------------------------------------
# Views: one chart, the table behind it, and what to drill into
# --------------------------------------------------------------------------------------------


class Filtered(NamedTuple):
    """The tables after filtering, handed to every view.

    ``articles`` holds the :data:`SLIM_ARTICLE_COLUMNS` (no text: every filter change copies
    it) and, like ``quotes`` and ``reactions``, helper columns starting with ``_`` (``_row``:
    the article's position in ``Dashboard.articles``). :meth:`Dashboard.export` writes the
    full article rows, without helper columns.
    """

    state: FilterState
    articles: pd.DataFrame
    quotes: pd.DataFrame | None
    reactions: pd.DataFrame | None
    #: event start (T0) of the whole corpus, so reaction times do not move with the filters
    t0: pd.Timestamp | None = None
    #: time bin of the timelines ("hour", "day", "week", "month")
    freq: str = "day"
    #: the corpus's declared countries and organisations (``entities.csv``), for names
    entities: pd.DataFrame | None = None


class StoreFiltered(NamedTuple):
    """What the filters select in a corpus store: the state, the store, and the counts of
    :func:`coverage_kit.queries.summary`; the views query the store (``View.query``)."""

    state: FilterState
    store: object
    summary: dict
    t0: pd.Timestamp | None = None
    freq: str = "day"
    entities: pd.DataFrame | None = None


def _n_rows(f: Filtered | StoreFiltered, name: str) -> int:
    if isinstance(f, StoreFiltered):
        return int(f.summary[name])
    return len(getattr(f, name))


def _store_source_note(f: StoreFiltered) -> str:
    from .queries import source_note

    return source_note(f.store, f.state, stories=f.state.syndicated_once)


@dataclasses.dataclass(frozen=True)
class View:
    """One chart of a dashboard: a table from :mod:`~coverage_kit.tables`, drawn by a function
    of :mod:`~coverage_kit.plots`.

    Parameters
    ----------
    name : str
        File stem of the exported chart and table (``timeline``).
    title : str
        Heading shown above the chart.
    needs : {"articles", "quotes", "reactions"}
        The rows behind the chart; the view is left out when the dashboard lacks them.
    table : callable
        ``table(filtered) -> DataFrame``: the numbers drawn; exported as CSV.
    draw : callable
        ``draw(table, ax, **context)``: draws on ``ax``; ``context`` holds ``subtitle``
        (the active filters), ``source`` (the Source line), ``palette`` (one colour per
        outlet for the whole dashboard), ``events`` and ``top``. A ``draw(table, ax)``
        that takes no context also works.
    drill : (str, str), optional
        ``(label, key)`` columns of the view's table naming its bars or lines; ``key`` is also
        a column of the rows behind the chart, so the drill-down can list them.
    size : (float, float)
        Figure size in inches.
    query : callable, optional
        ``query(store_filtered) -> DataFrame``: the same table computed over a corpus store
        (:class:`StoreFiltered`, with :mod:`coverage_kit.queries`); a view without one is
        shown only for in-memory tables.
    shows_events : bool
        Whether ``draw`` marks the ``events`` (a chart over dates); a chart that does not is
        not redrawn when only the events change.
    """

    name: str
    title: str
    needs: str
    table: Callable[[Filtered], pd.DataFrame]
    draw: Callable[[pd.DataFrame, object], object]
    drill: tuple[str, str] | None = None
    size: tuple[float, float] = (8.0, 3.8)
    query: Callable[[StoreFiltered], pd.DataFrame] | None = None
    shows_events: bool = True


def _top_speaker_rows(counts: pd.DataFrame, top: int) -> pd.DataFrame:
    """The rows of the ``top`` most-quoted speakers: the chart shows no others, and pivoting
    8,000 speaker-outlet rows to draw 12 bars is what made it slow."""
    if counts.empty:
        return counts
    totals = counts.groupby("speaker_id", sort=False)["n_quotes"].sum()
    keep = totals.nlargest(top, keep="all").index
    return counts[counts["speaker_id"].isin(keep)]


def _views() -> dict[str, View]:
    from . import plots, queries, tables

    return {v.name: v for v in [
        View("timeline", "Coverage over time", "articles",
             lambda f: tables.coverage_timeline(f.articles, freq=f.freq, by="outlet",
                                                dedupe_syndicated=f.state.syndicated_once),
             lambda t, ax, **k: plots.plot_coverage_timeline(t, kind="bar", ax=ax,
                                                             **_no(k, "top")),
             drill=("outlet", "outlet"),
             query=lambda f: queries.coverage_timeline(
                 f.store, f.state, freq=f.freq, by="outlet",
                 dedupe_syndicated=f.state.syndicated_once)),
        View("outlet_days", "Articles per outlet and period", "articles",
             lambda f: tables.outlet_date_matrix(f.articles, freq=f.freq,
                                                 dedupe_syndicated=f.state.syndicated_once),
             lambda t, ax, **k: plots.plot_outlet_date_heatmap(
                 t, ax=ax, top=k.pop("top", 15), **_no(k, "palette", "events")),
             size=(8.0, 4.2), shows_events=False,
             query=lambda f: queries.outlet_date_matrix(
                 f.store, f.state, freq=f.freq, dedupe_syndicated=f.state.syndicated_once)),
        View("speakers", "Most-quoted speakers", "quotes",
             lambda f: tables.speaker_counts(f.quotes, by="outlet"),
             lambda t, ax, **k: plots.plot_top_speakers(t, top=k.pop("top", 12), ax=ax,
                                                        **_no(k, "events")),
             drill=("speaker", "speaker_id"), size=(8.0, 4.2), shows_events=False,
             query=lambda f: queries.speaker_counts(f.store, f.state, by="outlet")),
        View("speaker_outlets", "Who is quoted where", "quotes",
             lambda f: tables.speaker_outlet_matrix(f.quotes, top=15).reset_index(),
             lambda t, ax, **k: plots.plot_speaker_outlet_heatmap(
                 t.set_index(t.columns[0]), ax=ax, top_outlets=k.pop("top", 12),
                 **_no(k, "palette", "events")),
             size=(8.0, 4.6), shows_events=False,
             query=lambda f: queries.speaker_outlet_matrix(f.store, f.state,
                                                           top=15).reset_index()),
        View("reaction_countries", "Reactions by country and stance", "reactions",
             lambda f: tables.reactions_by_country_stance(f.reactions, entities=f.entities),
             lambda t, ax, **k: plots.plot_reactions_by_country(
                 t, top=max(20, k.pop("top", 20)), ax=ax, **_no(k, "palette", "events")),
             drill=("country_name", "country"), size=(8.0, 4.6), shows_events=False,
             query=lambda f: queries.reactions_by_country_stance(f.store, f.state,
                                                                 entities=f.entities)),
        View("reaction_timeline", "Who reacted when", "reactions",
             lambda f: tables.reaction_timeline(f.reactions, start=f.t0, entities=f.entities),
             lambda t, ax, **k: plots.plot_reaction_timeline(
                 t, top=max(25, k.pop("top", 25)), ax=ax, **_no(k, "palette", "events")),
             drill=("country_name", "country"), size=(8.0, 4.6), shows_events=False,
             query=lambda f: queries.reaction_timeline(f.store, f.state, start=f.t0,
                                                       entities=f.entities)),
    ]}


def _no(kwargs: dict, *names: str) -> dict:
    """``kwargs`` without the chart options a plot function does not take."""
    return {k: v for k, v in kwargs.items() if k not in names}


_TAB_TITLES = {"articles": "Coverage", "quotes": "Quotes", "reactions": "Reactions"}

#: The charts of :func:`dashboard` and of each explorer.
DASHBOARD_VIEWS = ("timeline", "speakers", "reaction_countries")
COVERAGE_VIEWS = ("timeline", "outlet_days")
QUOTE_VIEWS = ("speakers", "speaker_outlets")
REACTION_VIEWS = ("reaction_countries", "reaction_timeline")

#: Article columns the filters and views work on; the rest (text, title, url ...) stay in
#: ``Dashboard.articles`` and are looked up by position (``_row``) when shown or exported.
SLIM_ARTICLE_COLUMNS = ("article_id", "published", "published_precision", "outlet",
                        "outlet_country", "outlet_language", "language", "story_id", "wires",
                        "n_words")

#: Columns the drill-down lists, per kind of row: short, so that listing 100 rows of a store
#: reads no long column; a row opened in the "Open" menu shows :data:`DRILL_DETAIL` too.
DRILL_COLUMNS = {
    "articles": ["published", "outlet", "title", "wires"],
    "quotes": ["published", "outlet", "speaker", "quote", "cue", "kind", "title"],
    "reactions": ["published", "outlet", "country", "actor", "stance", "text", "title"],
}

#: What an opened row shows, per kind of row: its article, and the quote or statement in the
#: words around it (``context``).
DRILL_DETAIL = {
    "articles": ["title", "published", "outlet", "author", "url", "wires"],
    "quotes": ["title", "published", "outlet", "author", "url", "wires", "speaker", "quote",
               "cue", "kind", "context"],
    "reactions": ["title", "published", "outlet", "author", "url", "wires", "country",
                  "actor", "stance", "text", "context"],
}


def escaped_table(df: pd.DataFrame, *, max_rows: int = 100, max_chars: int = 300) -> str:
    """An HTML table of ``df`` with every cell escaped (never live HTML), long text shortened.

    Examples
    --------
    >>> html_ = escaped_table(pd.DataFrame({"title": ["<script>alert(1)</script>"]}))
    >>> "<script>" in html_, "&lt;script&gt;alert(1)&lt;/script&gt;" in html_
    (False, True)
    """
    shown = df.head(max_rows)
    cell = _cell_text(max_chars)
    columns = []
    for col in shown.columns:
        s = shown[col]
        if isinstance(s.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_any_dtype(s):
            s = s.dt.strftime("%Y-%m-%d %H:%M")
        columns.append([html.escape(str(cell(v))) for v in s.astype("object").tolist()])
    # written out here, not with DataFrame.to_html: the same markup in a tenth of the time
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown.columns)
    body = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>"
                   for row in zip(*columns)) if columns else ""
    return (f'<table border="0" class="dataframe ck-table"><thead><tr style="text-align: '
            f'right;">{head}</tr></thead><tbody>{body}</tbody></table>')


def _cell_text(max_chars: int) -> Callable[[object], object]:
    def cell(v: object) -> object:
        if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and np.isnan(v)):
            return ""
        if isinstance(v, (list, tuple, np.ndarray)):
            v = ", ".join(map(str, v))
        if isinstance(v, str) and len(v) > max_chars:
            return v[: max_chars - 1] + "…"
        return v

    return cell


TABLE_CSS = """<style>
.ck-table {border-collapse: collapse; font-size: 12px; width: 100%}
.ck-table th {text-align: left; border-bottom: 1px solid #999; padding: 2px 6px}
.ck-table td {vertical-align: top; padding: 2px 6px; border-bottom: 1px solid #eee}
</style>"""


# --------------------------------------------------------------------------------------------
# The dashboard
# --------------------------------------------------------------------------------------------


class Dashboard:
    """Filter panel, charts, drill-down table and export, wired together.

    Build it with :func:`dashboard` (the main charts) or an ``*_explorer`` function. Setting a
    filter widget's ``.value`` (or assigning :attr:`FilterPanel.state`) redraws every chart and
    table in place and updates the counts ("312 of 1,204 articles").

    Attributes
    ----------
    panel : FilterPanel
    charts : dict of str to ipywidgets.Image
        PNG of each chart as shown, by view name.
    tables : dict of str to DataFrame
        The table behind each chart, for the current filters.
    filtered : Filtered
        The filtered articles, quotes and reactions.
    drill_table : ipywidgets.HTML
        The rows behind the chosen bar or line, escaped.
    last_redraw_ms : float
        Time the last filter change took, filtering to the last pixel.
    chart_ms : float
        Time from the last filter change to its chart's picture being sent (the drill-down
        table is made after it).
    timings : dict
        Milliseconds per step of the last redraw.
    """

    def __init__(self, articles: pd.DataFrame, quotes: pd.DataFrame | None = None,
                 reactions: pd.DataFrame | None = None, *,
                 views: Sequence[str | View] = DASHBOARD_VIEWS, tabs: bool = False,
                 # entities: the corpus's countries and organisations (entities.csv), for
                 # names; freq: "auto" | "hour" | "day" | "week" | "month"; events: dates to
                 # mark on the timeline; top: outlets and speakers named before "other"
                 export_dir: str | Path = "exports", formats: Sequence[str] = ("png", "svg"),
                 dpi: int = 90, title: str | None = None, entities: pd.DataFrame | None = None,
                 freq: str = "auto", events=None, top: int = 12):
        from .plots import parse_events
        from .tables import _freq
        from .theme import outlet_palette

        self.store = None
        if _is_store(articles):
            # a corpus store: every count runs in DuckDB; no table is read into pandas
            if quotes is not None or reactions is not None:
                raise TypeError("with a store, give only the store: its quotes and "
                                "reactions tables are read from it")
            from . import queries

            self.store = _as_store(articles)
            idx = queries.index(self.store)
            self.articles = self.quotes = self.reactions = None
            self.palette = outlet_palette(pd.Series(pd.Categorical.from_codes(
                np.repeat(np.arange(len(idx.outlets)),
                          [n for _, n in queries.panel_options(self.store)["outlets"]]),
                dtype=idx.outlet_dtype)))
            have = {"articles": True, "quotes": idx.has_quotes,
                    "reactions": idx.has_reactions}
        else:
            _require(articles, ("article_id", "title", "text", "published", "outlet",
                                "outlet_country"), "articles")
            self.articles = articles.reset_index(drop=True)
            #: one colour per outlet, decided once from the whole corpus
            self.palette = outlet_palette(self.articles["outlet"])
            self.quotes = quotes
            self.reactions = reactions
            have = {"articles": True, "quotes": quotes is not None,
                    "reactions": reactions is not None}
        self.entities = entities
        self.top = int(top)
        self.dpi = dpi
        known = _views()
        chosen = []
        for v in views:
            if isinstance(v, str):
                if v not in known:
                    raise ValueError(f"unknown view {v!r}; known: {', '.join(known)}")
                v = known[v]
            chosen.append(v)
        clash = [v.name for v in chosen if v.name in ("articles", "quotes", "reactions")]
        if clash:
            raise ValueError(f"view name(s) {', '.join(clash)} would overwrite the exported "
                             "articles, quotes or reactions table; choose another name")
        self.views = [v for v in chosen if have.get(v.needs, False)]
        if self.store is not None:
            custom = [v.name for v in self.views if v.query is None]
            if custom:
                raise ValueError(f"view(s) {', '.join(custom)} have no query over a store "
                                 "(View.query); give them one or use in-memory tables")
        if not self.views:
            needs = sorted({v.needs for v in chosen})
            raise ValueError(f"no chart to show: these views need the {' / '.join(needs)} table")
        self.panel = FilterPanel(self.store if self.store is not None else self.articles,
                                 quotes, reactions, entities=entities)
        self.errors = self.panel.errors
        self.freq = widgets.Dropdown(
            options=[("Auto (from the span)", "auto"), ("Hour", "hour"), ("Day", "day"),
                     ("Week", "week"), ("Month", "month")], value=_freq(freq),
            description="Time bin", style={"description_width": "60px"},
            layout=widgets.Layout(width="230px"))
        self.freq.add_class("ck-freq")
        self.events = widgets.Text(
            value="; ".join(f"{t:%Y-%m-%d %H:%M}={label}" for t, label in parse_events(events)),
            placeholder="2025-03-08=Brask arrested; 2025-03-14=talks (then Enter)",
            description="Events", continuous_update=False, style={"description_width": "60px"},
            layout=widgets.Layout(width="60%"))
        self.events.add_class("ck-events")
        self.summary = widgets.HTML()
        self.summary.add_class("ck-summary")
        self._prepare()

        self.figures: dict[str, Figure] = {}
        self.charts: dict[str, widgets.Image] = {}
        self.tables: dict[str, pd.DataFrame] = {}
        boxes = {}
        for v in self.views:
            self.figures[v.name] = Figure(figsize=v.size, dpi=dpi)
            _agg_canvas(self.figures[v.name])  # one renderer per chart, reused by redraws
            img = widgets.Image(format="png", layout=widgets.Layout(max_width="100%", width="auto",
                                                                    height="auto"))
            img.add_class("ck-chart")
            img.add_class(f"ck-chart-{v.name}")
            self.charts[v.name] = img
            boxes[v.name] = widgets.Box([img])  # the chart carries its own title
        # Charts on hidden tabs are redrawn when their tab is opened, not on every change.
        self._stale_tables: set[str] = set()
        self._stale_charts: set[str] = set()
        self._drawn: dict[str, tuple] = {}  # the table (and context) each chart shows
        # per filter state (and time bin, events): the tables and pictures seen so far, so
        # going back to a state (clearing a filter, undoing a choice) redraws from memory
        self._table_cache: dict[tuple, pd.DataFrame] = {}
        self._png_cache: dict[tuple, tuple] = {}
        self._pic: dict[str, tuple] = {}  # what each picture shows: (key, table, context)
        self._fig_key: dict[str, tuple] = {}  # what each Figure holds (clicks read it)
        self._context: dict = {}
        if tabs:
            self.chart_area = widgets.Tab(children=[boxes[v.name] for v in self.views])
            for i, v in enumerate(self.views):
                self.chart_area.set_title(i, _TAB_TITLES.get(v.needs, v.title))
            self.chart_area.observe(self.errors.guard(self._tab_opened), "selected_index")
        else:  # one chart under the other: side by side, labels shrink to 5 px
            self.chart_area = widgets.VBox(list(boxes.values()),
                                           layout=widgets.Layout(width="100%"))
        self.chart_area.add_class("ck-charts")

        # drill-down: the rows behind one bar or line of a chart
        self.drill_view = widgets.Dropdown(
            options=[(v.title, v.name) for v in self.views if v.drill], description="Chart",
            style={"description_width": "50px"})
        self.drill_view.add_class("ck-drill-view")
        self.drill_item = widgets.Dropdown(options=[], description="Show",
                                           style={"description_width": "50px"},
                                           layout=widgets.Layout(width="360px"))
        self.drill_item.add_class("ck-drill-item")
        self.drill_caption = widgets.Label()
        self.drill_caption.add_class("ck-drill-caption")
        self.drill_table = widgets.HTML()
        self.drill_table.add_class("ck-drill")
        # one row of the listing, read in full (its article, the quote in its words)
        self.drill_open = widgets.Dropdown(options=[(_NO_ROW, None)], description="Open",
                                           style={"description_width": "50px"},
                                           layout=widgets.Layout(width="98%"))
        self.drill_open.add_class("ck-drill-open")
        self.drill_detail_box = widgets.HTML()
        self.drill_detail_box.add_class("ck-drill-detail")
        self._drill_period = None
        self._drill_src = pd.DataFrame()
        self._drill_cache: dict[tuple, tuple[pd.DataFrame, pd.DataFrame, int]] = {}
        self.drill_open.observe(self.errors.guard(lambda _c: self._render_detail()), "value")
        self.drill_view.observe(self.errors.guard(lambda _c: self._update_drill()), "value")
        self.drill_item.observe(self.errors.guard(lambda _c: self._menu_drill()), "value")

        # export
        self.export_dir = widgets.Text(value=str(export_dir), description="Folder",
                                       style={"description_width": "50px"})
        self.export_dir.add_class("ck-export-dir")
        self.export_formats = widgets.SelectMultiple(
            options=list(EXPORT_FORMATS), value=tuple(formats), rows=3, description="Formats",
            style={"description_width": "60px"}, layout=widgets.Layout(width="170px"))
        self.export_formats.add_class("ck-export-formats")
        self.export_button = widgets.Button(description="Export charts and tables",
                                            icon="download", button_style="primary",
                                            layout=widgets.Layout(width="auto"))
        self.export_button.add_class("ck-export")
        self.export_log = widgets.HTML()
        self.export_log.add_class("ck-export-log")
        self.export_button.on_click(self.errors.guard(self._export_clicked))
        self.status = widgets.Label()
        self.status.add_class("ck-status")

        parts = []
        if title:
            parts.append(widgets.HTML(f"<h3>{html.escape(title)}</h3>"))
        parts += [self.panel.widget, widgets.HTML(TABLE_CSS)]
        if any(v.needs == "articles" for v in self.views):
            parts.append(widgets.HBox([self.freq, self.events],
                                      layout=widgets.Layout(align_items="center")))
        parts += [self.summary, self.chart_area]
        if self.drill_view.options:
            parts.append(widgets.VBox([
                _heading("Behind the chart"),
                widgets.HBox([self.drill_view, self.drill_item, self.drill_caption],
                             layout=widgets.Layout(align_items="center")),
                self.drill_table, self.drill_open, self.drill_detail_box]))
        parts.append(widgets.VBox([
            _heading("Export"),
            widgets.HBox([self.export_formats, self.export_dir, self.export_button],
                         layout=widgets.Layout(align_items="flex-start")),
            self.export_log]))
        parts.append(self.status)
        self.widget = widgets.VBox(parts)
        self.widget.add_class("ck-dashboard")

        self.last_redraw_ms = self.chart_ms = float("nan")
        self.timings: dict[str, float] = {}
        self.filtered: Filtered | None = None
        self._watch_clicks()
        self.panel.observe(self.redraw)
        for w in (self.freq, self.events):
            w.observe(self.errors.guard(lambda _c: self.redraw()), names="value")
        self.errors.guard(self.redraw)(self.panel.state)

    # -- data -----------------------------------------------------------------------------
    def _prepare(self) -> None:
        """Precompute, once, what every redraw would otherwise recompute.

        * a slim copy of the articles without their text, which every filter copies;
        * title and body lower-cased for the keyword search, and the articles matching each
          keyword searched so far (a keyword is searched once, not on every later change);
        * each article's rank in publication order and its story as an integer, so counting
          wire stories once is a numpy operation;
        * for every quote and reaction the position of its article (``_row``), so "the quotes
          of the articles shown" is an array lookup instead of a string join.
        """
        from . import tables

        if self.store is not None:
            from . import queries

            self._t0 = queries.event_start(self.store)
            self._n_stories = queries.index(self.store).n_stories
            self._n_articles = queries.index(self.store).n_articles
            return
        arts = self.articles
        n = len(arts)
        self._n_articles = n
        title = arts["title"].astype("string").fillna("")
        body = arts["text"].astype("string").fillna("")
        self._search = pd.DataFrame({"published": arts["published"], "outlet": arts["outlet"],
                                     "text_lower": (title + "\n" + body).str.lower(),
                                     "_row": np.arange(n)})
        self._keyword_rows: dict[str, np.ndarray] = {}
        stamp = arts["published"].to_numpy("datetime64[ns]").astype("int64")
        stamp = np.where(arts["published"].isna().to_numpy(), np.iinfo(np.int64).max, stamp)
        outlet_code = (arts["outlet"].cat.codes.to_numpy()
                       if isinstance(arts["outlet"].dtype, pd.CategoricalDtype)
                       else pd.factorize(arts["outlet"], sort=True)[0])
        order = np.lexsort((outlet_code, stamp))
        rank = np.empty(n, dtype=np.int64)
        rank[order] = np.arange(n)
        if "story_id" in arts.columns:
            story = pd.factorize(arts["story_id"].astype("object"), use_na_sentinel=True)[0]
        else:
            story = np.full(n, -1)
        slim = [c for c in SLIM_ARTICLE_COLUMNS if c in arts.columns]
        self._arts = arts[slim].assign(_row=np.arange(n), _order=rank, _story=story)
        self._n_stories = len(_first_copies(self._arts))
        self._t0 = tables.event_start(arts) if n else None

        pos = pd.Series(np.arange(n), index=arts["article_id"].astype("object"))
        pos = pos[~pos.index.duplicated()]

        def rows_of(table: pd.DataFrame | None, name: str) -> pd.DataFrame | None:
            if table is None:
                return None
            _require(table, ("article_id",), name)
            row = table["article_id"].astype("object").map(pos)
            keep = row.notna().to_numpy(bool)  # rows of unknown articles can never be shown
            if not keep.all():
                log.warning("%d %s belong to no article in the dashboard; left out",
                            int((~keep).sum()), name)
            table = table.loc[keep].assign(_row=row[keep].astype("int64"))
            if isinstance(arts["outlet"].dtype, pd.CategoricalDtype) and "outlet" in table:
                # one outlet order (and so one colour per outlet) in every chart
                table["outlet"] = pd.Categorical(table["outlet"].astype("object"),
                                                 dtype=arts["outlet"].dtype)
            return table.reset_index(drop=True)

        self._quotes = rows_of(self.quotes, "quotes")
        if self._quotes is not None and "speaker_id" in self._quotes:
            self._quotes["speaker_id"] = (self._quotes["speaker_id"].astype("string")
                                          .fillna(self._quotes["speaker"].astype("string")))
        self._reactions = rows_of(self.reactions, "reactions")
        if self._reactions is not None:
            self._reactions["country"] = self._reactions["country"].astype("string").str.upper()

        # the drill-down picks rows by an integer code, not by comparing 200,000 strings
        self._drill_keys: dict[tuple[str, str], pd.Index] = {}
        for v in self.views:
            rows = {"articles": self._arts, "quotes": self._quotes,
                    "reactions": self._reactions}[v.needs]
            if v.drill and rows is not None and (v.needs, v.drill[1]) not in self._drill_keys:
                key = v.drill[1]
                codes, uniques = pd.factorize(rows[key].astype("object"))
                rows[f"_k_{key}"] = codes
                self._drill_keys[(v.needs, key)] = pd.Index(uniques)

    def _keyword_mask(self, keyword: str) -> np.ndarray:
        from . import tables

        key = keyword.strip().lower()
        rows = self._keyword_rows.get(key)
        if rows is None:
            rows = tables.filter_articles(self._search, text=key)["_row"].to_numpy()
            if len(self._keyword_rows) >= 32:
                self._keyword_rows.pop(next(iter(self._keyword_rows)))
            self._keyword_rows[key] = rows
        return _mask(len(self._arts), rows)

    def apply(self, state: FilterState) -> Filtered:
        """Filter the articles, quotes and reactions for ``state`` (no drawing).

        Articles are kept when they match the date, outlet, outlet-country and keyword
        filters; when speakers are chosen, when they quote one of them; when reacting countries
        or stances are chosen, when they report such a reaction from outside the focus country
        (its own side's statements are not reactions and are not counted). The quotes and
        reactions are those of the kept articles that also match the speaker, country and
        stance filters.
        With ``syndicated_once`` only the earliest kept copy of each wire story counts.
        """
        from . import tables

        if self.store is not None:
            return self._apply_store(state)

        def opt(values):
            return list(values) or None

        arts = tables.filter_articles(self._arts, start=state.start, end=state.end,
                                      outlets=opt(state.outlets),
                                      outlet_countries=opt(state.outlet_countries))
        if state.keyword:
            arts = arts.loc[self._keyword_mask(state.keyword)[arts["_row"].to_numpy()]]
        if state.syndicated_once:
            arts = _first_copies(arts)
        keep = _mask(len(self._arts), arts["_row"])

        quotes = reactions = None
        if self._quotes is not None:
            quotes = self._quotes.loc[keep[self._quotes["_row"].to_numpy()]]
            if state.speakers:
                quotes = tables.filter_quotes(quotes, speakers=list(state.speakers))
                keep &= _mask(len(keep), quotes["_row"])
        if self._reactions is not None:
            reactions = self._reactions.loc[keep[self._reactions["_row"].to_numpy()]]
            if state.countries or state.stances:
                # the focus country's own statements are not reactions: the charts never count
                # them, so they must not keep an article either
                reactions = tables.filter_reactions(reactions, countries=opt(state.countries),
                                                    stances=opt(state.stances),
                                                    include_domestic=False)
                keep &= _mask(len(keep), reactions["_row"])
        if state.speakers or state.countries or state.stances:
            arts = arts.loc[keep[arts["_row"].to_numpy()]]
            if quotes is not None:
                quotes = quotes.loc[keep[quotes["_row"].to_numpy()]]
        from .tables import choose_freq

        freq = choose_freq(arts["published"], freq=self.freq.value if hasattr(self, "freq")
                           else "auto")
        return Filtered(state, arts.reset_index(drop=True),
                        None if quotes is None else quotes.reset_index(drop=True),
                        None if reactions is None else reactions.reset_index(drop=True),
                        self._t0, freq, self.entities)

    def _apply_store(self, state: FilterState) -> StoreFiltered:
        from . import queries

        summary = queries.summary(self.store, state)
        freq = queries.choose_freq(self.store, state, freq=self.freq.value
                                   if hasattr(self, "freq") else "auto")
        return StoreFiltered(state, self.store, summary, self._t0, freq, self.entities)

    # -- drawing --------------------------------------------------------------------------
    def redraw(self, state: FilterState | None = None) -> None:
        """Filter, then recompute the tables and redraw the charts on screen, and the
        drill-down; charts on hidden tabs are redrawn when their tab is opened."""
        t0 = time.perf_counter()
        state = self.panel.state if state is None else state
        self.filtered = f = self.apply(state)
        self._drill_period = None
        self.timings = {"filter": _ms_since(t0)}
        total = self._n_stories if state.syndicated_once else self._n_articles
        self.panel.show_counts(_n_rows(f, "articles"), total,
                               "stories" if state.syndicated_once else "articles")
        self._stale_tables = {v.name for v in self.views}
        self._stale_charts = {v.name for v in self.views}
        self._context = self._chart_context(f)
        self._selection = self.selection_text(f)
        self.summary.value = self._summary_html(f)
        views = self.visible_views()
        for v in views:  # the queries of the charts first: then the drawing needs no query
            self._table(v)
        drill = self._drill_ahead()
        try:
            self._draw(views)
            self.chart_ms = (time.perf_counter() - t0) * 1000
        finally:
            drill()  # wait for the drill-down rows (and the store's connection)
        t = time.perf_counter()
        self._update_drill()
        self.timings["drill-down"] = _ms_since(t)
        self.last_redraw_ms = (time.perf_counter() - t0) * 1000
        self.status.value = f"{self._selection} · redrawn in {self.last_redraw_ms:.0f} ms"

    def selection_text(self, f: Filtered | None = None) -> str:
        """What the filters select, in the units each tab counts: "Filters: stance: support.
        Showing 7 articles · 12 quotes · 2 reaction statements by 2 countries or
        organisations". The status line, the summary above the charts and the charts agree
        because they count the same filtered tables."""
        f = self.filtered if f is None else f
        unit = "stories" if f.state.syndicated_once else "articles"
        parts = [plural(_n_rows(f, "articles"), unit)]
        if isinstance(f, StoreFiltered):
            n_q, n_r, n_c = (f.summary["quotes"], f.summary["reactions"],
                             f.summary["reacting"])
        else:
            n_q = None if f.quotes is None else len(f.quotes)
            n_r = n_c = None
            if f.reactions is not None:
                r = _international(f.reactions)
                n_r, n_c = len(r), (int(r["country"].nunique()) if len(r) else 0)
        if n_q is not None:
            parts.append(plural(n_q, "quotes"))
        if n_r is not None:
            who = "country or organisation" if n_c == 1 else "countries and organisations"
            parts.append(f"{plural(n_r, 'reaction statements')} by {n_c:,} {who}")
        head = ("No filter" if f.state.is_default
                else f"Filters: {f.state.describe(self.panel.names())}")
        return f"{head}. Showing {' · '.join(parts)}"

    def _summary_html(self, f: Filtered) -> str:
        return ("<div style='position:sticky;top:0;background:#f6f8fa;border:1px solid #d0d7de;"
                "padding:4px 8px;margin:4px 0;font-size:13px;z-index:5'>"
                f"{html.escape(self._selection)}</div>")

    def _chart_context(self, f: Filtered) -> dict:
        """What every chart of this redraw shows besides its data: the active filters as
        subtitle, the Source line, one palette, the events, the top N."""
        from .plots import parse_events
        from .tables import source_note

        subtitle = ("No filter: all articles" if f.state.is_default
                    else "Filters: " + f.state.describe(self.panel.names()))
        try:
            events = parse_events([e for e in self.events.value.split(";") if e.strip()])
        except ValueError as exc:
            raise ValueError(f"events: {exc}; write one per date as "
                             "2025-03-08=Brask arrested, separated by ;") from None
        return {"subtitle": subtitle,
                "source": (source_note(f.articles, stories=f.state.syndicated_once)
                           if not isinstance(f, StoreFiltered) else
                           _store_source_note(f)),
                "palette": self.palette, "events": events, "top": self.top}

    def visible_views(self) -> list[View]:
        """The views on screen: all of them, or those of the open tab."""
        if isinstance(self.chart_area, widgets.Tab):
            i = self.chart_area.selected_index or 0
            return [self.views[i]]
        return list(self.views)

    def _table(self, v: View) -> pd.DataFrame:
        """The table behind view ``v`` for the current filters (computed once per change,
        and kept per filter state and time bin)."""
        if v.name in self._stale_tables or v.name not in self.tables:
            f = self.filtered
            ck = (v.name, f.state, f.freq)
            table = self._table_cache.get(ck)
            if table is None:
                table = v.query(f) if isinstance(f, StoreFiltered) else v.table(f)
                _put(self._table_cache, ck, table)
            self.tables[v.name] = table
            self._stale_tables.discard(v.name)
        return self.tables[v.name]

    def _draw(self, views: Iterable[View]) -> None:
        from .theme import theme

        with theme():
            for v in views:
                if v.name not in self._stale_charts:
                    continue
                t = time.perf_counter()
                table = self._table(v)
                self._stale_charts.discard(v.name)
                uses = ("subtitle", "source") + (("events",) if v.shows_events else ())
                key = repr({k: self._context.get(k) for k in uses})
                if v.name in self._drawn and _same_table(self._drawn[v.name][0], table) \
                        and self._drawn[v.name][1] == key:
                    continue  # the chart would not change: keep its picture
                pkey = (v.name, self.filtered.state, self.filtered.freq, key)
                hit = self._png_cache.get(pkey)
                if hit is None:
                    self._draw_figure(v, table, self._context)
                    fig = self.figures[v.name]
                    hit = (_png(fig, self.dpi), fig.ck_crop)
                    _put(self._png_cache, pkey, hit)
                    self._fig_key[v.name] = pkey
                self.charts[v.name].value = hit[0]
                self._pic[v.name] = (pkey, table, dict(self._context), hit[1])
                self._drawn[v.name] = (table, key)
                self.timings[v.name] = _ms_since(t)

    def _draw_figure(self, v: View, table: pd.DataFrame, context: dict) -> None:
        ax = _roomy_axes(self.figures[v.name], v.size)
        if _takes_context(v.draw):
            v.draw(table, ax, **dict(context))
        else:  # a view of the user's own, written as draw(table, ax)
            v.draw(table, ax)

    def _ensure_figure(self, name: str) -> None:
        """Make the Figure of chart ``name`` hold what its picture shows (a picture taken
        from the cache leaves the Figure as it was): clicks and export read the Figure."""
        pic = self._pic.get(name)
        if pic is None or self._fig_key.get(name) == pic[0]:
            return
        from .theme import theme

        view = next(v for v in self.views if v.name == name)
        with theme():
            self._draw_figure(view, pic[1], pic[2])
        fig = self.figures[name]
        fig.set_dpi(self.dpi)
        fig.ck_crop = pic[3]
        self._fig_key[name] = pic[0]

    def _tab_opened(self, change) -> None:
        self._draw(self.visible_views())
        drillable = [v.name for v in self.visible_views() if v.drill]
        if drillable and self.drill_view.value not in drillable:
            self.drill_view.value = drillable[0]

    # -- clicks ---------------------------------------------------------------------------
    def _watch_clicks(self) -> None:
        """Clicks on a chart picture drill down to the rows behind the bar (ipyevents)."""
        try:
            from ipyevents import Event
        except ImportError:  # without ipyevents the "Behind the chart" menus still work
            self._events = []
            return
        self._events = []
        for v in self.views:
            if not v.drill:
                continue
            ev = Event(source=self.charts[v.name], watched_events=["click"],
                       prevent_default_action=True)
            ev.on_dom_event(self.errors.guard(
                lambda e, name=v.name: self.click(name, e.get("dataX"), e.get("dataY"))))
            self._events.append(ev)

    def click(self, view: str, x: float | None, y: float | None) -> str | None:
        """Drill down to what is drawn at pixel ``(x, y)`` of chart ``view``'s picture.

        A bar of the timeline selects its outlet and its day (or week, month); a speaker's or
        a country's bar selects that speaker or country. Returns the drill-down caption, or
        None when the click hit nothing.
        """
        if view in self.figures:
            self._ensure_figure(view)
        fig = self.figures.get(view)
        crop = getattr(fig, "ck_crop", None)
        if fig is None or crop is None or x is None or y is None or not fig.axes:
            return None
        x0, y0, rows = crop
        disp = (x0 + float(x), rows - (y0 + float(y)))
        ax = fig.axes[0]
        hit = None
        for cont in ax.containers:
            for i, bar in enumerate(cont.patches):
                if bar.get_height() and bar.get_width() and bar.contains_point(disp):
                    hit = (cont.get_label(), i, bar)
        if hit is None:
            return None
        label, i, bar = hit
        if hasattr(ax, "ck_bins"):  # timeline: outlet (the stacked segment) and its bin
            edges = pd.to_datetime(ax.ck_bins).tz_localize("UTC")
            if str(label).startswith("Other outlets"):
                return None  # several outlets: pick one in the menu
            key = label
            self._drill_period = (edges[i], edges[i + 1])
        elif hasattr(ax, "ck_keys"):
            row = int(round(bar.get_y() + bar.get_height() / 2))
            keys = ax.ck_keys
            key = keys[row] if 0 <= row < len(keys) else None
            self._drill_period = None
        else:
            return None
        with self.panel.muted():
            self.drill_view.value = view
            self._update_drill()
            keys = [k for _, k in self.drill_item.options]
            if key in keys:
                self.drill_item.value = key
        self._render_drill()
        return self.drill_caption.value

    # -- drill-down -----------------------------------------------------------------------
    def _drill_view(self) -> View | None:
        return next((v for v in self.views if v.name == self.drill_view.value), None)

    def drill_options(self) -> list[tuple[str, str]]:
        """The bars or lines of the chosen chart, largest first, as (label, key)."""
        view = self._drill_view()
        if view is None or self.filtered is None:
            return []
        return list(self._drill_options_for(view))

    @staticmethod
    def _compute_drill_options(view: View, table: pd.DataFrame | None) -> list[tuple[str, str]]:
        if table is None or table.empty:
            return []
        label, key = view.drill
        value = next((c for c in ("n_quotes", "n_statements", "n_articles") if c in table), None)
        t = table.assign(**{key: table[key].astype("object")})
        names = t.drop_duplicates(key).set_index(key, drop=False)[label].astype("object")
        if value is not None:
            totals = t.groupby(key, sort=False)[value].sum().sort_values(ascending=False,
                                                                         kind="stable")
            totals = totals[totals > 0]
            return [(f"{names[k]} · {int(n):,}", k) for k, n in totals.items()]
        return [(str(names[k]), k) for k in names.index]

    def _drill_ahead(self) -> Callable[[], None]:
        """With a store, read the drill-down rows of the new filter state in a thread while
        the charts are drawn (DuckDB works beside matplotlib: it lets go of the GIL); returns
        the function that waits for them and keeps them where :meth:`drill_rows` finds them.
        The thread is the only user of the store's connection until it is waited for."""
        if self.store is None or not self.drill_view.options or self.filtered is None:
            return lambda: None
        view = self._drill_view()
        if view is None:
            return lambda: None
        keys = [k for _, k in self._drill_options_for(view)]
        current = self.drill_item.value
        item = current if current in keys else (keys[0] if keys else None)
        period = getattr(self, "_drill_period", None) if view.name == "timeline" else None
        ck = (self.filtered.state, view.name, item, period)
        if item is None or ck in self._drill_cache:
            return lambda: None
        done: dict = {}

        def read() -> None:
            try:
                done["hit"] = self._store_drill_rows(view, view.drill[1], item, period,
                                                     DRILL_COLUMNS[view.needs])
            except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
                done["error"] = exc

        thread = threading.Thread(target=read, name="coverage-kit-drill-down", daemon=True)
        thread.start()

        def wait() -> None:
            thread.join()
            if "error" in done:
                raise done["error"]
            self._keep_drill(ck, done["hit"])

        return wait

    def _keep_drill(self, key: tuple, hit: tuple) -> tuple:
        if len(self._drill_cache) >= 32:
            self._drill_cache.pop(next(iter(self._drill_cache)))
        self._drill_cache[key] = hit
        return hit

    def _drill_options_for(self, view: View) -> list[tuple[str, str]]:
        """:meth:`drill_options` of ``view``, kept while its table is the same object."""
        table = self._table(view) if self.filtered is not None else None
        memo = getattr(self, "_drill_options_memo", None)
        if memo is not None and memo[0] == view.name and memo[1] is table:
            return memo[2]
        options = self._compute_drill_options(view, table)
        self._drill_options_memo = (view.name, table, options)
        return options

    def _update_drill(self) -> None:
        if not self.drill_view.options or self.filtered is None:
            return
        options = self.drill_options()
        current = self.drill_item.value
        keys = [k for _, k in options]
        with self.panel.muted():
            self.drill_item.options = options
            self.drill_item.value = current if current in keys else (keys[0] if keys else None)
        self._render_drill()

    def drill_rows(self) -> pd.DataFrame:
        """The articles, quotes or reactions behind the chosen bar or line, in the columns of
        :data:`DRILL_COLUMNS` (with a store: the first 100 of them); :meth:`drill_detail`
        gives one of them in full. Kept per filter state, chart, bar and period, so a change
        that leaves them alone (time bin, events) reads nothing again."""
        self._drill_total = None
        view = self._drill_view()
        if view is None or self.filtered is None:
            self._drill_src = pd.DataFrame()
            return pd.DataFrame()
        _, key = view.drill
        item = self.drill_item.value
        period = getattr(self, "_drill_period", None) if view.name == "timeline" else None
        ck = (self.filtered.state, view.name, item, period)
        hit = self._drill_cache.get(ck)
        if hit is None:
            cols = DRILL_COLUMNS[view.needs]
            if isinstance(self.filtered, StoreFiltered):
                rows, src, n = self._store_drill_rows(view, key, item, period, cols)
            else:
                rows, src, n = self._memory_drill_rows(view, key, item, period, cols)
            hit = self._keep_drill(ck, (rows, src, n))
        rows, self._drill_src, self._drill_total = hit
        return rows

    def _memory_drill_rows(self, view: View, key: str, item, period,
                           cols: list[str]) -> tuple[pd.DataFrame, pd.DataFrame, int]:
        rows = getattr(self.filtered, view.needs)
        if rows is None or item is None:
            return pd.DataFrame(columns=cols), pd.DataFrame(), 0
        known = self._drill_keys[(view.needs, key)]
        code = known.get_loc(item) if item in known else -2
        rows = rows[rows[f"_k_{key}"].to_numpy() == code]
        if period is not None:
            pub = rows["published"]
            rows = rows[((pub >= period[0]) & (pub < period[1])).to_numpy(bool)]
        rows = rows.sort_values("published", kind="stable")
        r = rows["_row"].to_numpy()
        # columns the filtered tables leave out come from the articles, by position
        for col in ("title",):
            if col in cols and col not in rows.columns and col in self.articles.columns:
                rows = rows.assign(**{col: self.articles[col].iloc[r].to_numpy()})
        rows = self._country_names(rows).reset_index(drop=True)
        return rows[[c for c in cols if c in rows.columns]], rows.head(100), len(rows)

    def _store_drill_rows(self, view: View, key: str, item, period,
                          cols: list[str]) -> tuple[pd.DataFrame, pd.DataFrame, int]:
        from .queries import drill_rows

        if item is None:
            return pd.DataFrame(columns=cols), pd.DataFrame(), 0
        rows, n = drill_rows(self.store, self.filtered.state, table=view.needs, key=key,
                             value=item, period=period, limit=100, text=False)
        rows = self._country_names(rows)
        return rows[[c for c in cols if c in rows.columns]], rows, n

    def _country_names(self, rows: pd.DataFrame) -> pd.DataFrame:
        if "country" not in rows.columns:
            return rows
        names = self.panel.names()  # names, not codes
        return rows.assign(country=rows["country"].astype("object").map(
            lambda c: names.get(c, c) if isinstance(c, str) else c))

    def drill_detail(self, i: int | None = None) -> dict:
        """Row ``i`` of the drill-down listing (default: the one chosen in the "Open" menu)
        in full, with the fields of :data:`DRILL_DETAIL`: its article's title, author, url
        and wires, and a quote's or statement's ``context`` (the words around it). With a
        store, this reads that one article."""
        i = self.drill_open.value if i is None else i
        view = self._drill_view()
        src = self._drill_src
        if i is None or view is None or not 0 <= int(i) < len(src):
            return {}
        row = src.iloc[int(i)]
        if "_ref" in src.columns:  # a store: read the article (and the row) now
            from .queries import drill_detail

            full = drill_detail(self.store, row["_ref"])
            full = self._country_names(pd.DataFrame([full])).iloc[0].to_dict() if full else {}
            text = full.get("article_text")
        else:
            art = self.articles.iloc[int(row["_row"])]
            full = {**{c: art.get(c) for c in ("title", "author", "url", "wires", "text")},
                    **row.to_dict()}
            full["published"] = row["published"]
            text = art.get("text")
        if view.needs != "articles":
            full["context"] = _context(text, full.get("start"), full.get("end"))
        return {c: full.get(c) for c in DRILL_DETAIL[view.needs]}

    def _render_detail(self) -> None:
        detail = self.drill_detail() if self.drill_open.value is not None else {}
        if not detail:
            self.drill_detail_box.value = ""
            return
        cell = _cell_text(4000)
        items = []
        for k, v in detail.items():
            if isinstance(v, pd.Timestamp):
                v = "" if pd.isna(v) else f"{v:%Y-%m-%d %H:%M}"
            items.append(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(cell(v)))}</td>"
                         "</tr>")
        self.drill_detail_box.value = f'<table class="ck-table">{"".join(items)}</table>'

    def _menu_drill(self) -> None:
        """A choice in the menu shows every period again (a click narrows it to one)."""
        if not self.panel._muted:
            self._drill_period = None
        self._render_drill()

    def _render_drill(self) -> None:
        if self.panel._muted or not self.drill_view.options:
            return
        rows = self.drill_rows()
        n = len(rows) if getattr(self, "_drill_total", None) is None else self._drill_total
        view = self._drill_view()
        what = view.needs if view else "rows"
        period = getattr(self, "_drill_period", None)
        when = ""
        if period is not None and view is not None and view.name == "timeline":
            when = f", {period[0]:%-d %b %Y}" + (
                "" if period[1] - period[0] <= pd.Timedelta(days=1)
                else f" – {period[1] - pd.Timedelta(seconds=1):%-d %b %Y}")
        self.drill_caption.value = (f"first 100 of {n:,} {what}{when}" if n > 100
                                    else f"{plural(n, what)}{when}")
        self.drill_table.value = escaped_table(rows)
        with self.panel.muted():
            self.drill_open.options = [(_NO_ROW, None)] + [
                (_row_label(k, r), k) for k, r in enumerate(rows.head(100).itertuples())]
            self.drill_open.value = None
        self.drill_detail_box.value = ""

    # -- export ---------------------------------------------------------------------------
    def export(self, folder: str | Path | None = None, *,
               formats: Sequence[str] | None = None) -> list[Path]:
        """Write every chart (in ``formats``) and the filtered tables; return the paths.

        Files are named after the chart and the filter state, e.g.
        ``timeline__outlets-reuters_kw-brask.png``; beside the charts go the table behind each
        chart and the filtered ``articles``, ``quotes`` and ``reactions`` as CSV. Each file is
        written atomically, and CSV cells that a spreadsheet would run as formulas are escaped
        (see :mod:`coverage_kit.export`).
        """
        from .export import atomic_path, write_table
        from .theme import save_figure, theme

        folder = Path(self.export_dir.value if folder is None else folder).expanduser()
        formats = tuple(self.export_formats.value if formats is None else formats)
        bad = [f for f in formats if f not in EXPORT_FORMATS]
        if bad:
            raise ValueError(f"unknown export format(s) {', '.join(bad)}; "
                             f"choose from {', '.join(EXPORT_FORMATS)}")
        if self.filtered is None:
            self.redraw()
        self._draw(self.views)  # charts on hidden tabs too
        for v in self.views:
            self._ensure_figure(v.name)
        f = self.filtered
        slug = f.state.slug()
        written: list[Path] = []

        def table(df: pd.DataFrame, stem: str) -> None:
            path = folder / f"{stem}__{slug}.csv"
            write_table(df, path)
            written.append(path)

        with theme():
            for v in self.views:
                for fmt in formats:
                    path = folder / f"{v.name}__{slug}.{fmt}"
                    with atomic_path(path) as tmp:  # the old file or the new, never half
                        save_figure(self.figures[v.name], tmp)
                    written.append(path)
                table(self._table(v), v.name)
        if isinstance(f, StoreFiltered):
            for name in ("articles", "quotes", "reactions"):
                if any(v.needs == name for v in self.views) or name == "articles":
                    path = folder / f"{name}__{slug}.csv"
                    _write_store_rows(self.store, f.state, name, path)
                    written.append(path)
        else:
            table(self.articles.iloc[f.articles["_row"].to_numpy()], "articles")
            for name in ("quotes", "reactions"):
                rows = getattr(f, name)
                if rows is not None:
                    table(rows.drop(columns=[c for c in rows.columns if c.startswith("_")]),
                          name)
        items = "".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in written)
        self.export_log.value = (f"<div>Wrote {len(written)} files for "
                                 f"<i>{html.escape(self.selection_text(f))}</i>:</div>"
                                 f"<ul>{items}</ul>")
        return written

    def _export_clicked(self, button: widgets.Button) -> None:
        label = button.description
        button.disabled, button.description = True, "Exporting…"
        try:
            self.export()
        finally:
            button.disabled, button.description = False, label

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def _write_store_rows(store, state: FilterState, name: str, path: Path) -> None:
    """The selected rows of table ``name`` as CSV, written batch by batch (a million rows
    never sit in memory at once), atomically and spreadsheet-safe like ``write_table``."""
    from . import schema as _schema
    from .export import atomic_path, escape_formulas, flatten
    from .queries import rows
    from .store import TABLES

    declared = TABLES[name]
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
        header = True
        for batch in rows(store, state, table=name):
            batch = batch.drop(columns=[c for c in ("month",) if c in batch and c not in declared])
            escape_formulas(flatten(batch)).to_csv(fh, index=False, header=header,
                                                   lineterminator="\r\n")
            header = False
        if header:  # nothing selected: the header alone
            _schema.empty(declared).to_csv(fh, index=False, lineterminator="\r\n")


_NO_ROW = "— pick a row to read it in full —"


def _row_label(k: int, row) -> str:
    """``"3. 6 Mar 2025 14:02 · Reuters · Troops clear Korvany square"``: plain text for a
    menu (never HTML)."""
    when = getattr(row, "published", None)
    when = "" if when is None or pd.isna(when) else f"{pd.Timestamp(when):%-d %b %Y %H:%M}"
    what = next((getattr(row, c) for c in ("quote", "text", "title")
                 if isinstance(getattr(row, c, None), str)), "")
    parts = [p for p in (when, str(getattr(row, "outlet", "") or ""), what) if p]
    return _clip(f"{k + 1}. " + " · ".join(parts), 140)


def _clip(text: str, n: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _context(text: str, start, end, *, before: int = 160, after: int = 80) -> str:
    """The quote with some of the text around it, on one line."""
    if not isinstance(text, str) or pd.isna(start) or pd.isna(end):
        return ""
    s, e = int(start), int(end)
    lo, hi = max(0, s - before), min(len(text), e + after)
    snippet = ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")
    return " ".join(snippet.split())


#: Room (inches: left, bottom, right, top) around a chart's axes for labels and legends.
_ROOM = (3.0, 1.2, 3.6, 1.0)


def _roomy_axes(fig: Figure, size: tuple[float, float]):
    """Clear ``fig`` and give it one Axes of the size it would have in a ``size`` figure,
    with room all around for tick labels, legends and source lines (see :func:`_png`)."""
    fig.clear()
    w, h = size
    sp = fig.subplotpars
    aw, ah = w * (sp.right - sp.left), h * (sp.top - sp.bottom)
    left, bottom, right, top = _ROOM
    W, H = left + aw + right, bottom + ah + top
    fig.set_size_inches(W, H)
    return fig.add_axes((left / W, bottom / H, aw / W, ah / H))


def _png(fig: Figure, dpi: int, *, pad: float = 0.1) -> bytes:
    png, crop = _png_and_crop(fig, dpi, pad=pad)
    fig.ck_crop = crop  # where the PNG's pixels sit on the canvas, for clicks
    return png


def _agg_canvas(fig: Figure):
    """The figure's Agg canvas, made once: its renderer (and matplotlib's cache of text
    sizes, which is kept per renderer) then serves every redraw of the chart."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = fig.canvas
    if not isinstance(canvas, FigureCanvasAgg):
        canvas = FigureCanvasAgg(fig)
    return canvas


def _png_and_crop(fig: Figure, dpi: int, *, pad: float = 0.1):
    """The figure as PNG, cropped to what is drawn on it.

    The same picture as ``savefig(bbox_inches="tight")`` for one drawing pass instead of two:
    draw once and crop the pixels to the ink (anything not the figure's background colour)
    plus ``pad``; measuring every text's box again, as the tight bounding box does, cost a
    third of a redraw. When ink touches the canvas's edge (something may be drawn beyond
    it), fall back to ``savefig``.
    """
    from PIL import Image

    fig.set_dpi(dpi)
    canvas = _agg_canvas(fig)
    canvas.draw()
    pixels = np.asarray(canvas.buffer_rgba())
    rows, cols = pixels.shape[:2]
    box = _ink_box(pixels)
    buf = io.BytesIO()
    if box is None:  # nothing drawn: the whole (blank) canvas
        box = (0, 0, cols, rows)
    x0, y0, x1, y1 = box
    if x0 == 0 or y0 == 0 or x1 == cols or y1 == rows:
        fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight",
                    pil_kwargs={"compress_level": 1})
        tight = fig.get_tightbbox(canvas.get_renderer()).padded(pad)
        return buf.getvalue(), (int(tight.x0 * dpi), int(rows - tight.y1 * dpi), rows)
    p = int(round(pad * dpi))
    x0, y0 = max(x0 - p, 0), max(y0 - p, 0)
    x1, y1 = min(x1 + p, cols), min(y1 + p, rows)
    # fast compression: the picture only travels to the browser
    Image.fromarray(pixels[y0:y1, x0:x1, :3]).save(buf, format="PNG", compress_level=1)
    return buf.getvalue(), (x0, y0, rows)


def _ink_box(pixels: np.ndarray) -> tuple[int, int, int, int] | None:
    """``(x0, y0, x1, y1)`` (pixels, top-left origin, end exclusive) of everything that
    differs from the background, the colour of the top-left pixel; None when nothing does."""
    flat = pixels.view(np.uint32).reshape(pixels.shape[:2])  # one RGBA value per pixel
    ink = flat != flat[0, 0]
    cols = np.flatnonzero(ink.any(axis=0))
    if not len(cols):
        return None
    rows = np.flatnonzero(ink[:, cols[0]:cols[-1] + 1].any(axis=1))
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def _put(cache: dict, key, value, size: int = 64) -> None:
    """``cache[key] = value``, forgetting the oldest entry past ``size``."""
    if len(cache) >= size:
        cache.pop(next(iter(cache)))
    cache[key] = value


def _ms_since(t: float) -> float:
    return round((time.perf_counter() - t) * 1000, 1)


def _mask(n: int, rows: pd.Series | np.ndarray) -> np.ndarray:
    m = np.zeros(n, dtype=bool)
    m[np.asarray(rows, dtype=np.int64)] = True
    return m


def _first_copies(arts: pd.DataFrame) -> pd.DataFrame:
    """One row per wire story, its earliest copy (as :func:`tables.coverage_timeline` does with
    ``dedupe_syndicated``), from the precomputed ``_order`` and ``_story`` columns."""
    if arts.empty:
        return arts
    order = np.argsort(arts["_order"].to_numpy(), kind="stable")
    story = arts["_story"].to_numpy()[order]
    has = story >= 0
    _, first = np.unique(story[has], return_index=True)
    keep = np.concatenate([order[has][first], order[~has]])
    return arts.iloc[np.sort(keep)]


def _takes_context(draw: Callable) -> bool:
    import inspect

    try:
        params = inspect.signature(draw).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.kind is p.VAR_KEYWORD for p in params)


def _international(reactions: pd.DataFrame) -> pd.DataFrame:
    """Reactions from outside the focus country (the charts never count its own side)."""
    if "domestic" in reactions.columns and len(reactions):
        return reactions[~reactions["domestic"].fillna(False).to_numpy(bool)]
    return reactions


def _same_table(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    try:
        return a.shape == b.shape and bool(a.equals(b)) and a.attrs == b.attrs
    except (TypeError, ValueError):
        return False


# --------------------------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------------------------


def dashboard(articles, quotes: pd.DataFrame | None = None,
              reactions: pd.DataFrame | None = None, *, export_dir: str | Path = "exports",
              formats: Sequence[str] = ("png", "svg"), title: str | None = None,
              **options) -> Dashboard:
    """Coverage, quotes and reactions with one filter panel, drill-down and export.

    Parameters
    ----------
    articles : DataFrame, Store or path
        ARTICLES table (see :mod:`coverage_kit.schema`); or a corpus store
        (:func:`coverage_kit.store.open_store`, or the folder of one), whose quotes and
        reactions are then used: every count runs in DuckDB (:mod:`coverage_kit.queries`),
        the drill-down reads only the rows it shows and export streams the selected rows, so
        a million-article store opens in seconds and stays small in memory.
    quotes, reactions : DataFrame, optional
        QUOTES and REACTIONS tables; their charts are left out when not given.
    export_dir : str or Path
        Folder the export button writes to (created when needed).
    formats : sequence of str
        Chart formats ticked at first: any of ``png``, ``svg``, ``pdf``.
    title : str, optional
        Heading above the dashboard.
    **options
        ``entities`` (a corpus's entities.csv, for the names of its countries and
        organisations), ``freq`` (time bin: "auto", "hour", "day", "week", "month"),
        ``events`` (dates to mark, ``{"2025-03-08": "Brask arrested"}``), ``top`` (outlets
        and speakers named before "other"); see :class:`Dashboard`.

    Returns
    -------
    Dashboard
        Display it as the last line of a cell; ``.panel`` holds the filters.

    Examples
    --------
    >>> import warnings
    >>> from coverage_kit.loader import load_articles
    >>> from coverage_kit.extract.quotes import quotes_table
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")  # the sample's broken files, listed in rejects
    ...     articles, rejects = load_articles("data/sample")
    >>> db = dashboard(articles, quotes_table(articles))
    >>> db.panel.outlets.value = ("Reuters",)
    >>> db.panel.counts.value                                              # doctest: +ELLIPSIS
    '... of ... articles'
    >>> sorted(db.charts)
    ['speakers', 'timeline']
    """
    return Dashboard(articles, quotes, reactions, views=DASHBOARD_VIEWS, tabs=True,
                     export_dir=export_dir, formats=formats, title=title, **options)


def coverage_explorer(articles, **kwargs) -> Dashboard:
    """Coverage per day and per outlet, with the filter panel (see :func:`dashboard`;
    ``articles`` may be a corpus store or its folder)."""
    return Dashboard(articles, views=COVERAGE_VIEWS, **kwargs)


def quote_explorer(articles, quotes: pd.DataFrame | None = None, **kwargs) -> Dashboard:
    """Most-quoted speakers and who quotes them, the quotes behind each bar (see
    :func:`dashboard`; ``articles`` may be a corpus store, then without ``quotes``)."""
    return Dashboard(articles, quotes, views=QUOTE_VIEWS, **kwargs)


def reaction_explorer(articles, reactions: pd.DataFrame | None = None,
                      **kwargs) -> Dashboard:
    """International reactions by country, stance and time (see :func:`dashboard`;
    ``articles`` may be a corpus store, then without ``reactions``)."""
    return Dashboard(articles, reactions=reactions, views=REACTION_VIEWS, **kwargs)
