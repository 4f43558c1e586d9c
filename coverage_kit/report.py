"""The full report: every chart as PNG and SVG, every table as CSV and Excel, one multi-page
PDF, a self-contained HTML page and a methods note.

>>> from coverage_kit.report import write_report
>>> result = write_report("data/sample", "reports/sample")          # doctest: +SKIP
>>> result.html                                                       # doctest: +SKIP
PosixPath('reports/sample/report.html')

What lands in ``out_dir``::

    report.html        one file, opens offline: charts embedded, all article text escaped
    report.pdf         a methods page, then one chart per page
    methods.md         filters, counts, rejects, extraction accuracy, versions
    tables.xlsx        every table, one sheet each
    tables/*.csv       every table (the row listings streamed a chunk at a time)
    charts/*.png|svg   every chart (PNG at 200 dpi)

Reports go where the user says, never into the installed package.

The report owns ``out_dir``: it is written whole into a hidden staging folder beside it
(``.coverage-kit-<name>.<pid>-*`` in the same parent folder) and swapped into place in one
step, so an interrupted or killed run leaves the previous report, or nothing, never a mix. A
staging folder left by a killed run is removed by the next run. Because the old folder is
replaced whole, ``out_dir`` must be new, empty, or a report coverage-kit wrote (it carries a
hidden ``.coverage-kit-report.json``; a report of an older version is recognised by its file
names); any other folder is refused with a message, never emptied. A symbolic link inside
``out_dir`` is never followed (``out/tables`` linking elsewhere is replaced, not written
through); ``out_dir`` itself may be a link to a folder, which is then the folder replaced.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as _dt
import html
import io
import json
import logging
import os
import platform
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import tables as T
from .export import STAGING, ExcelStream, check_interrupted, clean_stale, flatten, \
    noting_interrupts, write_csv, write_csv_chunks
from .schema import REJECTS, empty

log = logging.getLogger(__name__)

CHART_FORMATS = ("png", "svg", "pdf")


@dataclass
class ReportResult:
    """What :func:`write_report` wrote, and the figures behind it.

    Attributes
    ----------
    out_dir : Path
        The folder written into.
    files : list of Path
        Every file written, in order.
    charts : dict
        Chart name -> its files (one per format).
    tables : dict
        Table name -> its CSV file.
    html, pdf, excel, methods : Path
        The report page, the multi-page PDF, the Excel workbook and the methods note.
    counts : dict
        Articles, outlets, quotes, reactions, rejects after filtering.
    notes : list of str
        Anything the reader should know (an extractor that is missing, an empty filter).
    seconds : float
        Time taken.
    """

    out_dir: Path
    files: list[Path] = field(default_factory=list)
    charts: dict[str, list[Path]] = field(default_factory=dict)
    tables: dict[str, Path] = field(default_factory=dict)
    html: Path | None = None
    pdf: Path | None = None
    excel: Path | None = None
    methods: Path | None = None
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def index(self) -> Path | None:
        """The file to open first (the HTML report)."""
        return self.html

    def __str__(self) -> str:
        return (f"report in {self.out_dir}: {len(self.charts)} charts, {len(self.tables)} "
                f"tables, {len(self.files)} files, {self.seconds:.1f} s")


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


def _articles_and_rejects(source: Any, progress: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    if isinstance(source, pd.DataFrame):
        return source, empty(REJECTS)
    if hasattr(source, "articles") and hasattr(source, "rejects"):
        return source.articles, source.rejects
    from .loader import load_articles

    loaded = load_articles(source, progress=progress or None)
    return loaded.articles, loaded.rejects


def _corpus_root(articles: pd.DataFrame) -> Path | None:
    if "source_path" not in articles.columns or articles.empty:
        return None
    paths = [str(p) for p in articles["source_path"].dropna().unique()]
    if not paths:
        return None
    try:
        root = Path(os.path.commonpath([os.path.abspath(os.path.dirname(p)) for p in paths]))
    except ValueError:
        return None
    return root if root.is_dir() else None


def _find_up(root: Path | None, name: str, levels: int = 2) -> Path | None:
    here = root
    for _ in range(levels + 1):
        if here is None:
            return None
        if (here / name).is_file():
            return here / name
        here = here.parent if here.parent != here else None
    return None


def _read_entities(root: Path | None) -> pd.DataFrame | None:
    path = _find_up(root, "entities.csv")
    if path is None:
        return None
    try:
        ent = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError, pd.errors.ParserError) as exc:
        log.warning("%s: could not read the entities table: %s", path, exc)
        return None
    if not {"code", "name"} <= set(ent.columns):
        log.warning("%s: expected columns code,name,kind; found %s", path, list(ent.columns))
        return None
    return ent


def _invented_note(root: Path | None) -> str | None:
    for name in ("README.md", "README.txt", "README", "answer_key.json"):
        path = _find_up(root, name, levels=0)
        if path is not None:
            try:
                head = path.read_text(encoding="utf-8", errors="replace")[:4000]
            except OSError:
                continue
            if re.search(r"\binvented\b|\bfictional\b", head, re.IGNORECASE):
                return ("This corpus is INVENTED (see its README): the country, the event, "
                        "every person and every article are fictional.")
    return None


def _check_outlets(articles: pd.DataFrame, outlets: Sequence[str] | None) -> list[str] | None:
    if outlets is None:
        return None
    names = [outlets] if isinstance(outlets, str) else list(outlets)
    if isinstance(articles["outlet"].dtype, pd.CategoricalDtype):
        known = [str(c) for c in articles["outlet"].cat.categories]
    else:
        known = sorted(articles["outlet"].dropna().astype(str).unique())
    lower = {k.casefold(): k for k in known}
    out = []
    for n in names:
        if n in known:
            out.append(n)
        elif n.casefold() in lower:
            out.append(lower[n.casefold()])
        else:
            raise ValueError(f"unknown outlet {n!r}; the corpus has: {', '.join(known)}")
    return out


def _focus_name(focus: str | None, entities: pd.DataFrame | None) -> str | None:
    if not focus:
        return None
    return T.entity_names(entities).get(focus.upper(), (focus, ""))[0]


def _extract(articles: pd.DataFrame, focus: str | None, actors: Path | None,
             progress: bool) -> tuple[pd.DataFrame, pd.DataFrame, str | None]:
    from .extract.quotes import quotes_table
    from .extract.reactions import reactions_table
    from .schema import QUOTES, REACTIONS

    if not len(articles):
        return empty(QUOTES), empty(REACTIONS), focus
    quotes = quotes_table(articles, progress=progress)
    reactions = reactions_table(articles, focus=focus, quotes=quotes, progress=progress,
                                actors=[str(actors)] if actors is not None else None)
    for df in (quotes, reactions):
        if isinstance(articles["outlet"].dtype, pd.CategoricalDtype) and "outlet" in df:
            df["outlet"] = pd.Categorical(df["outlet"].astype("object"),
                                          dtype=articles["outlet"].dtype)
    if not focus and "focus" in reactions.columns and reactions["focus"].notna().any():
        focus = str(reactions["focus"].dropna().mode().iloc[0])
    return quotes, reactions, focus


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


def report_tables(articles: pd.DataFrame, quotes: pd.DataFrame, reactions: pd.DataFrame, *,
                  rejects: pd.DataFrame | None = None, entities: pd.DataFrame | None = None,
                  event_start: Any = None, freq: str = "auto",
                  top: int = 15) -> dict[str, pd.DataFrame]:
    """Every table of the report, by name (the CSV file and Excel sheet names).

    ``freq`` is the time bin of the timelines (``"auto"``: chosen from the span, see
    :func:`coverage_kit.tables.choose_freq`); ``top`` the number of speakers in the speaker
    tables. Quotes are scored for tone only in languages TextBlob reads (their article's
    ``language``).

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a1"], "title": ["Troops clear square"],
    ...     "outlet": pd.Categorical(["Reuters"]),
    ...     "published": pd.to_datetime(["2025-03-06"], utc=True), "text": ["..."]})
    >>> from coverage_kit.schema import QUOTES, REACTIONS, empty
    >>> sorted(report_tables(arts, empty(QUOTES), empty(REACTIONS)))[:3]
    ['articles', 'country_stances', 'coverage_timeline']
    """
    listing_cols = [c for c in ("article_id", "published", "outlet", "outlet_country", "title",
                                "author", "url", "language", "story_id", "wires",
                                "source_path", "source_line") if c in articles.columns]
    out: dict[str, pd.DataFrame] = {
        "articles": articles[listing_cols],
        "coverage_timeline": T.coverage_timeline(articles, freq=freq),
        "coverage_timeline_stories": T.coverage_timeline(articles, freq=freq,
                                                         dedupe_syndicated=True),
        "coverage_timeline_total": T.coverage_timeline(articles, freq=freq, by=None),
        "outlet_date_matrix": T.outlet_date_matrix(articles, freq=freq),
        "speaker_counts": T.speaker_counts(quotes),
        "speaker_totals": T.speaker_counts(quotes, by=None),
        "speaker_outlet_matrix": T.speaker_outlet_matrix(quotes, top=top),
        "quote_propagation": T.quote_propagation(quotes, articles=articles),
        "quote_propagation_summary": None,
        "reactions_by_country_stance": T.reactions_by_country_stance(reactions,
                                                                     entities=entities),
        "country_stances": T.country_stances(reactions, entities=entities),
        "reaction_timeline": T.reaction_timeline(reactions, start=event_start,
                                                 articles=articles if len(articles) else None,
                                                 entities=entities),
        "reactions_by_outlet": T.reactions_by_outlet(reactions, entities=entities),
        "sentiment_by_outlet_quotes": T.sentiment_by_outlet(_with_language(quotes, articles)),
        "sentiment_by_outlet_articles": T.sentiment_by_outlet(articles),
        "sentiment_by_speaker": T.sentiment_by_speaker(quotes),
        "quotes": quotes,
        "reactions": reactions,
    }
    out["quote_propagation_summary"] = T.propagation_summary(out["quote_propagation"])
    if rejects is not None:
        out["rejects"] = rejects
    return out


def _with_language(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Quotes with their article's ``language`` (when the quotes have none)."""
    if "language" in quotes.columns or "language" not in articles.columns or quotes.empty:
        return quotes
    lang = dict(zip(articles["article_id"].astype("object"),
                    articles["language"].astype("object"), strict=True))
    return quotes.assign(language=quotes["article_id"].astype("object").map(lang))


def _sheet_name(name: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", name)[:31]
    cand, i = base, 2
    while cand in used:
        cand = f"{base[:28]}_{i}"
        i += 1
    used.add(cand)
    return cand


# --------------------------------------------------------------------------------------------
# Charts
# --------------------------------------------------------------------------------------------


@dataclass
class _Listing:
    """A table that lists rows (articles, quotes, reactions, rejects): possibly millions, so
    it is never held whole. ``chunks()`` yields it in DataFrames for the CSV and Excel files,
    ``head(n)`` gives the first rows for the page, ``n`` counts them all."""

    n: int
    chunks: Callable[[], Iterable[pd.DataFrame]]
    head: Callable[[int], pd.DataFrame]

    @classmethod
    def of(cls, df: pd.DataFrame, chunk_rows: int = 50_000) -> _Listing:
        def chunks() -> Iterable[pd.DataFrame]:
            if df.empty:
                yield df
            for i in range(0, len(df), chunk_rows):
                yield df.iloc[i:i + chunk_rows]
        return cls(len(df), chunks, df.head)

    def __len__(self) -> int:
        return self.n


@dataclass
class _Chart:
    name: str
    caption: str
    draw: Callable[[], Any]


def _charts(t: dict[str, pd.DataFrame], *, source: str, focus: str | None,
            focus_name: str | None, subtitle: str | None = None,
            palette: dict[str, str] | None = None, events: Any = None,
            top: int = 15) -> list[_Chart]:
    from . import plots as P

    unit = t["coverage_timeline"].attrs.get("freq", "day")
    common = {"source": source, "subtitle": subtitle}
    return [
        _Chart("coverage_timeline", f"Articles per {unit} and outlet (UTC; the {unit} is "
               "chosen from the span of the corpus).",
               lambda: P.plot_coverage_timeline(t["coverage_timeline"], palette=palette,
                                                events=events, **common)),
        _Chart("coverage_stories_stacked",
               f"Stories per {unit}, stacked by outlet: syndicated copies of one wire story "
               "(same story_id) are counted once, under the outlet that carried it first.",
               lambda: P.plot_coverage_timeline(
                   t["coverage_timeline_stories"], kind="bar", palette=palette, events=events,
                   title=f"Stories per {unit} (syndicated copies counted once), "
                         "by first carrier", **common)),
        _Chart("coverage_small_multiples",
               f"Each outlet's articles per {unit}, the {top} biggest outlets in panels of "
               "their own and the rest summed in the last.",
               lambda: P.coverage_timeline_figure(t["coverage_timeline"], top=top,
                                                  palette=palette, events=events, **common)),
        _Chart("outlet_day_heatmap", f"Articles per outlet and {unit}.",
               lambda: P.plot_outlet_date_heatmap(t["outlet_date_matrix"], top=top,
                                                  **common)),
        _Chart("top_speakers", "The most-quoted speakers; bars split by the outlet quoting "
               "them. Spellings of one person are merged through speaker_id.",
               lambda: P.plot_top_speakers(t["speaker_counts"], top=top, palette=palette,
                                           **common)),
        _Chart("speaker_outlet_heatmap", "Quotes per speaker (rows) and outlet (columns).",
               lambda: P.plot_speaker_outlet_heatmap(t["speaker_outlet_matrix"], **common)),
        _Chart("quote_propagation", "Quotes carried by two or more outlets: the first carrier "
               "(ringed) at 0, the others at the hours they took to carry the same words. Only "
               "pick-ups with a publication time are placed; date-only ones are listed.",
               lambda: P.plot_quote_propagation(t["quote_propagation"], palette=palette,
                                                **common)),
        _Chart("reactions_map", "Each reacting country's statements as a pie of stances "
               "(area: number of statements); organisations and countries not on the map "
               "beside it.",
               lambda: P.reactions_map_figure(t["reactions_by_country_stance"], focus=focus,
                                              focus_name=focus_name, top=top, **common)),
        _Chart("reactions_by_country", "Reported statements per country or organisation, "
               "split by stance; organisations in italics.",
               lambda: P.plot_reactions_by_country(t["reactions_by_country_stance"],
                                                   top=max(top, 25), **common)),
        _Chart("reaction_timeline", "First reported reaction of each country or organisation, "
               "measured from the first article of the corpus (T0).",
               lambda: P.plot_reaction_timeline(t["reaction_timeline"], top=max(top, 30),
                                                **common)),
        _Chart("reactions_by_outlet", "Which outlets reported which countries' reactions.",
               lambda: P.plot_reactions_by_outlet(t["reactions_by_outlet"], top=top,
                                                  **common)),
        _Chart("sentiment_by_outlet_quotes", "Mean TextBlob polarity of the quotes each "
               "outlet carried, with a 95 % interval; quotes not in English are not scored.",
               lambda: P.plot_sentiment_by_outlet(t["sentiment_by_outlet_quotes"], top=top,
                                                  what="quotes", **common)),
        _Chart("sentiment_by_outlet_articles", "Mean TextBlob polarity of each outlet's "
               "articles (title and text), with a 95 % interval; articles not in English are "
               "not scored.",
               lambda: P.plot_sentiment_by_outlet(t["sentiment_by_outlet_articles"], top=top,
                                                  what="articles", **common)),
        _Chart("sentiment_by_speaker", "Mean TextBlob polarity of each speaker's quotes "
               "(speakers with two quotes or more).",
               lambda: P.plot_sentiment_by_speaker(t["sentiment_by_speaker"], **common)),
    ]


# --------------------------------------------------------------------------------------------
# Methods note
# --------------------------------------------------------------------------------------------


def _accuracy_files() -> list[Path]:
    """Pinned accuracy figures: the floors CI enforces, shipped as ``resources/*floors*.json``
    (links to ``tests/``), or found in ``tests/`` of a source checkout."""
    pkg = Path(__file__).resolve().parent
    res = pkg / "resources"
    files = sorted({*res.glob("*accuracy*.json"), *res.glob("*floors*.json")}) \
        if res.is_dir() else []
    repo = pkg.parent
    if not files and (repo / "pyproject.toml").is_file() and (repo / "tests").is_dir():
        files = sorted(set((repo / "tests").glob("*floors*.json"))
                       | set((repo / "tests").glob("*/*floors*.json")))
    return files


def _accuracy_figures() -> list[str]:
    """One line per pinned figure: ``reactions: stance_dev_accuracy >= 0.95``."""
    lines: list[str] = []
    for path in _accuracy_files():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        label = re.sub(r"^test_|_?floors?$|_accuracy$", "", path.stem) or path.stem
        floors = "floor" in path.stem
        for key, value in _walk_scores(data):
            lines.append(f"{label}: {key} {'≥ ' if floors else '= '}{value}")
    return lines


def _walk_scores(data: Any, prefix: str = "") -> Iterable[tuple[str, str]]:
    if isinstance(data, dict):
        for k, v in data.items():
            if str(k).startswith("_"):
                continue
            yield from _walk_scores(v, f"{prefix}{k} / ")
    elif isinstance(data, (int, float)) and not isinstance(data, bool):
        yield prefix.rstrip(" /"), f"{data:.2f}" if isinstance(data, float) else str(data)


def _frame_facts(*, articles_all: pd.DataFrame, articles: pd.DataFrame,
                 rejects: pd.DataFrame, quotes: pd.DataFrame,
                 reactions: pd.DataFrame) -> dict[str, Any]:
    """The numbers of the methods note and the lead, from in-memory tables (see
    :func:`coverage_kit.queries.report_facts` for a store)."""
    pub = articles["published"].dropna() if len(articles) else pd.Series([], dtype=object)
    stories = int(articles["story_id"].nunique()) if "story_id" in articles else len(articles)
    date_only = (int((articles["published_precision"].astype("object") == "date").sum())
                 if "published_precision" in articles else 0)
    codes = rejects["code"].astype(str).value_counts() if len(rejects) else pd.Series([])
    return {"n_articles": len(articles), "n_loaded": len(articles_all),
            "n_outlets": int(articles["outlet"].dropna().astype("object").nunique()),
            "n_stories": stories, "n_date_only": date_only,
            "n_quotes": len(quotes),
            "n_with_speaker": int(quotes["speaker"].notna().sum()) if len(quotes) else 0,
            "n_speakers": int(quotes["speaker_id"].nunique()) if len(quotes) else 0,
            "n_reactions": len(reactions),
            "n_domestic": int(reactions["domestic"].fillna(False).sum()) if len(reactions)
            and "domestic" in reactions.columns else 0,
            "reject_codes": {str(k): int(v) for k, v in codes.items()},
            "first": pub.min() if len(pub) else None, "last": pub.max() if len(pub) else None}


def _source_line(facts: dict[str, Any]) -> str:
    """:func:`coverage_kit.tables.source_note` from the facts."""
    text = (f"Source: {T.plural(facts['n_articles'], 'article')} from "
            f"{T.plural(facts['n_outlets'], 'outlet')}")
    if facts["first"] is None:
        return text
    return f"{text}, {T.date_span(facts['first'], facts['last'])}"


def _methods(*, facts: dict[str, Any], tables: dict[str, Any], filters: dict[str, Any],
             focus: str | None, focus_name: str | None, event_start: Any, notes: list[str],
             invented: str | None) -> str:
    from . import __version__

    def n(x: int) -> str:
        return f"{x:,}"

    def nn(x: int, noun: str, plural: str | None = None) -> str:
        return f"{x:,} {noun if x == 1 else (plural or noun + 's')}"

    lines = ["# Methods", ""]
    if invented:
        lines += [f"**{invented}**", ""]
    lines += ["## Corpus and filters", ""]
    problems = {c: k for c, k in sorted(facts["reject_codes"].items(),
                                        key=lambda ck: (-ck[1], ck[0])) if c != "ignored"}
    n_problems = sum(problems.values())
    lines.append(f"- Loaded: {nn(facts['n_loaded'], 'article')}; "
                 f"{nn(n_problems, 'input')} rejected" + (" (" + ", ".join(
                     f"{c}: {k}" for c, k in problems.items()) + ")" if n_problems else "")
                 + ".")
    n_articles = facts["n_articles"]
    active = {k: v for k, v in filters.items() if v not in (None, [], ())}
    if active:
        desc = "; ".join(f"{k} = {', '.join(v) if isinstance(v, list) else v}"
                         for k, v in active.items())
        lines.append(f"- Filters: {desc}. {n(n_articles)} articles remain.")
    else:
        lines.append("- Filters: none; every loaded article is included.")
    if n_articles:
        unit = tables["coverage_timeline"].attrs.get("freq", "day")
        lines.append(f"- {_source_line(facts)}; times are UTC. Timelines count per "
                     f"{unit} (UTC; weeks start on Monday), chosen from the span unless set "
                     "with --freq.")
        lines.append(f"- Syndication: {n(facts['n_stories'])} distinct stories among "
                     f"{n(n_articles)} articles (copies of one wire story share a story_id, "
                     "found by MinHash similarity of their text).")
        d = facts["n_date_only"]
        if d:
            lines.append(f"- {nn(d, 'article')} with only a publication date (placed "
                         "at 00:00 UTC).")
    lines += ["", "## Extraction", ""]
    n_quotes, with_speaker = facts["n_quotes"], facts["n_with_speaker"]
    lines.append(f"- Quotes: {n(n_quotes)} found by the rule-based extractor, "
                 f"{n(with_speaker)} with a resolved speaker"
                 + (f" ({with_speaker / n_quotes:.0%})" if n_quotes else "") + "; "
                 f"{n(facts['n_speakers'])} distinct speakers.")
    prop = tables.get("quote_propagation")
    if prop is not None:
        lines.append(f"- Quote propagation: {n(prop['quote_group'].nunique())} quotes carried "
                     "by two or more outlets, matched on their normalised wording (case, "
                     "punctuation and quote marks ignored; a trimmed quote matches the longer "
                     "one by the same speaker).")
    dom = facts["n_domestic"]
    n_react = facts["n_reactions"] - dom
    lines.append(f"- International reactions: {nn(n_react, 'statement')} by "
                 f"{n(tables['country_stances'].shape[0])} countries and organisations"
                 + (f" about {focus_name} ({focus})" if focus else "")
                 + f"; {nn(dom, 'statement')} by the focus country's own side kept in the "
                 "reactions table but not counted as reactions.")
    start = tables["reaction_timeline"].attrs.get("start")
    if start is not None:
        lines.append(f"- Reaction timeline: T0 = {start:%d %b %Y %H:%M} UTC ("
                     + ("given" if event_start is not None else "the first article") + "); "
                     "a reaction's time is the publication of the first article reporting it.")
    lines.append("- Tone: TextBlob pattern-lexicon polarity (−1 to +1) and subjectivity "
                 "(0 to 1). Its lexicon is English: texts in other languages are not scored "
                 "(counted as \"not scored\", never as 0). Intervals are 95 % normal "
                 "approximations of the mean.")
    acc = _accuracy_figures()
    lines += ["", "## Extraction accuracy", ""]
    if acc:
        lines.append("- Minimum scores the project's tests enforce on its gold data (the "
                     "extractors score at least this; see the benchmarks for current figures):")
        lines += [f"- {a}" for a in acc]
    else:
        lines.append("- No pinned accuracy figures were found in this installation "
                     "(coverage_kit/resources/accuracy*.json); see the project's benchmarks.")
    if notes:
        lines += ["", "## Notes", ""] + [f"- {x}" for x in notes]
    import matplotlib

    lines += ["", "## Software", "",
              f"- coverage-kit {__version__}; Python {platform.python_version()}, pandas "
              f"{pd.__version__}, matplotlib {matplotlib.__version__}.",
              f"- Generated {_dt.datetime.now(_dt.UTC):%Y-%m-%d %H:%M} UTC.", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

_CSS = """
body{font-family:"DejaVu Sans","Noto Sans",Arial,sans-serif;max-width:1100px;margin:2em auto;
padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ddd}
.lead{color:#555}.invented{background:#fff4d6;border:1px solid #e6c36a;padding:.6em 1em}
figure{margin:1.5em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
figcaption{color:#555;font-size:.92em}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0 1.5em}
th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}nav li{margin:.1em 0}pre{white-space:pre-wrap}
"""


def _md_to_html(md: str) -> str:
    """The tiny subset of Markdown the methods note uses, every text escaped."""
    out: list[str] = []
    in_list = False
    for line in md.splitlines():
        if line.startswith("- "):
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{_inline(line[2:])}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        if line.startswith("## "):
            out.append(f"<h3>{_inline(line[3:])}</h3>")
        elif line.startswith("# "):
            continue
        elif line.strip():
            out.append(f"<p>{_inline(line)}</p>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def _inline(text: str) -> str:
    esc = html.escape(text, quote=True)
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", esc)


def _table_html(df: pd.DataFrame, *, max_rows: int = 30, max_chars: int = 200,
                total: int | None = None) -> str:
    total = len(df) if total is None else total
    view = flatten(df.head(max_rows))
    for col in view.columns:
        s = view[col]
        if isinstance(s.dtype, pd.DatetimeTZDtype):
            view[col] = s.dt.strftime("%Y-%m-%d %H:%M")
        elif s.dtype == object or pd.api.types.is_string_dtype(s.dtype):
            view[col] = s.map(lambda v: (v[: max_chars - 1] + "…")
                              if isinstance(v, str) and len(v) > max_chars else v)
        elif pd.api.types.is_float_dtype(s.dtype):
            view[col] = s.round(3)
    more = (f"<p class='lead'>First {max_rows:,} of {total:,} rows; the full table is in "
            "the CSV and Excel files.</p>" if total > max_rows else "")
    return view.to_html(index=False, escape=True, na_rep="", border=0) + more


def _html(*, title: str, summary: str, invented: str | None, methods_md: str,
          charts: list[tuple[_Chart, bytes]], tables: dict[str, pd.DataFrame],
          shown_tables: Sequence[tuple[str, str, list[str] | None]]) -> str:
    e = html.escape
    parts = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>",
             "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
             "img-src data:; style-src 'unsafe-inline'\">",
             "<meta name='viewport' content='width=device-width, initial-scale=1'>",
             f"<title>{e(title)}</title><style>{_CSS}</style></head><body>",
             f"<h1>{e(title)}</h1>", f"<p class='lead'>{e(summary)}</p>"]
    if invented:
        parts.append(f"<p class='invented'>{e(invented)}</p>")
    parts.append("<nav><ul>" + "".join(
        f"<li><a href='#{e(c.name)}'>{e(c.caption.split('.')[0].split(':')[0])}</a></li>"
        for c, _ in charts) + "<li><a href='#tables'>Tables</a></li>"
        "<li><a href='#methods'>Methods</a></li></ul></nav>")
    parts.append("<h2>Charts</h2>")
    for chart, png in charts:
        b64 = base64.b64encode(png).decode("ascii")
        width = _css_width(png)
        parts.append(f"<figure id='{e(chart.name)}'><img alt='{e(chart.caption)}' "
                     f"style='width:{width}px' "
                     f"src='data:image/png;base64,{b64}'><figcaption>{e(chart.caption)}"
                     "</figcaption></figure>")
    parts.append("<h2 id='tables'>Tables</h2>")
    for name, heading, cols in shown_tables:
        df = tables.get(name)
        if df is None:
            continue
        total = len(df)
        if isinstance(df, _Listing):
            df = df.head(31)
        if cols:
            df = df[[c for c in cols if c in df.columns]]
        parts.append(f"<h3>{e(heading)}</h3>")
        parts.append(_table_html(df, total=total) if total
                     else f"<p class='lead'>{e(T_NO_ROWS)}</p>")
    parts.append(f"<h2 id='methods'>Methods</h2>{_md_to_html(methods_md)}")
    parts.append("</body></html>")
    return "\n".join(parts)


T_NO_ROWS = "No data for this filter."

#: CSS pixels per inch of figure: every chart is shown at this one scale, so text has the
#: same size in every chart of the page (a 14-inch map fills the 1,100 px column).
CSS_PX_PER_INCH = 76


def _css_width(png: bytes) -> int:
    """Display width of a PNG written at 200 dpi (or at the lower dpi of a capped figure,
    read from its pHYs chunk) at :data:`CSS_PX_PER_INCH`."""
    import struct

    width = struct.unpack(">I", png[16:20])[0]
    dpi = 200.0
    i = png.find(b"pHYs")
    if i > 0:
        ppm = struct.unpack(">I", png[i + 4:i + 8])[0]
        if ppm:
            dpi = ppm * 0.0254
    return int(round(width / dpi * CSS_PX_PER_INCH))

_SHOWN_TABLES = (
    ("quote_propagation_summary", "Quotes carried by several outlets",
     ["quote", "speaker", "n_outlets", "first_outlets", "first_published", "pickup_order",
      "last_lag_hours"]),
    ("speaker_totals", "Most-quoted speakers", ["speaker", "n_quotes", "n_articles"]),
    ("reaction_timeline", "First reaction per country or organisation",
     ["country_name", "kind", "first_published", "hours", "stance", "actor", "outlet"]),
    ("country_stances", "Prevailing stance per country or organisation",
     ["country_name", "kind", "stance", "n_statements", "share"]),
    ("sentiment_by_outlet_quotes", "Tone of quotes by outlet", None),
    ("articles", "Articles", ["published", "outlet", "title", "url"]),
)


# --------------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------------


def _package_dir() -> Path:
    return Path(__file__).resolve().parent


def write_report(source: Any, out_dir: str | os.PathLike, *, focus: str | None = None,
                 start: Any = None, end: Any = None, outlets: Sequence[str] | None = None,
                 formats: Sequence[str] = ("png", "svg"), progress: bool = True,
                 event_start: Any = None, title: str | None = None, freq: str = "auto",
                 top: int = 15, events: Any = None) -> ReportResult:
    """Write the full report on a corpus into ``out_dir``.

    Parameters
    ----------
    source : path, list of paths, LoadResult, DataFrame, dict of tables or Store
        Anything :func:`coverage_kit.loader.load_articles` reads, or what it returned, or an
        ARTICLES table (quotes and reactions are then extracted); or a dict with the tables
        ``articles``, ``quotes``, ``reactions`` (and ``rejects``) already made; or a
        :class:`coverage_kit.store.Store` (:func:`coverage_kit.store.open_store`), whose tables
        are aggregated in DuckDB and whose row listings (articles, quotes, reactions) are
        streamed to the files in chunks, in publication order: memory then depends on the
        size of the charts (outlets, time bins, speakers, countries), not on the number of
        articles or the span of the corpus.
    out_dir : path
        The report's folder: created, or replaced whole if it holds an earlier report (see
        the module docstring). Never inside the installed package.
    focus : str, optional
        Code of the country the event is about (``"XVA"``); detected by the reactions
        extractor when not given.
    start, end : date or str, optional
        First and last day to include (``end`` inclusive), UTC.
    outlets : list of str, optional
        Restrict to these outlets (names as in the ``outlet`` column; case does not matter).
    formats : sequence of {"png", "svg", "pdf"}
        Files written per chart. The multi-page ``report.pdf`` is written whatever this says.
    progress : bool
        Show a progress bar.
    event_start : str or Timestamp, optional
        T0 of the reaction timeline; default: the first article after filtering.
    title : str, optional
        Report title; default "Coverage report: <focus name>".
    freq : {"auto", "hour", "day", "week", "month"}
        Time bin of the timelines; ``"auto"`` chooses it from the span.
    top : int
        Outlets and speakers shown by name in the crowded charts (small multiples, heatmaps,
        speaker bars, tone); the rest are summed as "other".
    events : mapping or list, optional
        Dates to mark on the timelines, e.g. ``{"2025-03-08": "Brask arrested"}`` or
        ``["2025-03-08=Brask arrested"]``.

    Returns
    -------
    ReportResult
        The files written, the counts and any notes.

    Raises
    ------
    ValueError
        An unknown outlet (the message lists the known ones), an unknown format, an
        ``out_dir`` inside the package, or one holding files coverage-kit did not write.
    KeyboardInterrupt
        On Ctrl-C, also one that arrived where Python would have dropped it; the previous
        report (or nothing) is left at ``out_dir``.

    Examples
    --------
    >>> res = write_report("data/sample", "reports/sample")             # doctest: +SKIP
    >>> sorted(p.name for p in res.files)[:3]                           # doctest: +SKIP
    ['methods.md', 'report.html', 'report.pdf']
    """
    from .store import Store

    limits = contextlib.nullcontext()
    if isinstance(source, Store):
        from .queries import memory_limit

        limits = memory_limit(source, REPORT_DUCKDB_MEMORY)
    with noting_interrupts(), limits:
        return _write_report(source, out_dir, focus=focus, start=start, end=end,
                             outlets=outlets, formats=formats, progress=progress,
                             event_start=event_start, title=title, freq=freq, top=top,
                             events=events)


#: DuckDB's memory for the report of a store (sorting a listing of millions of quotes spills
#: to disk past it): the report's whole peak stays within 2 GB at a million articles.
REPORT_DUCKDB_MEMORY = "1GB"

#: What a report folder holds: a folder with other entries is not replaced.
MARKER = ".coverage-kit-report.json"
_REPORT_ENTRIES = {"report.html", "report.pdf", "methods.md", "tables.xlsx", "tables",
                   "charts", MARKER}


def _report_target(out_dir: str | os.PathLike) -> Path:
    """The absolute folder the report will replace, after checking it may be replaced."""
    out = Path(os.path.abspath(out_dir))
    if out.is_symlink():  # the user named a link: the folder it points to is the report
        out = out.resolve()
    resolved = out.resolve()
    if resolved == _package_dir() or _package_dir() in resolved.parents:
        raise ValueError(f"{out_dir}: reports cannot be written inside the coverage_kit "
                         "package; choose a folder of your own, e.g. reports/")
    if out.exists() and not out.is_dir():
        raise ValueError(f"{out_dir}: is a file, not a folder; give a folder for the report")
    if out.is_dir():
        names = sorted(os.listdir(out))
        foreign = [n for n in names
                   if n not in _REPORT_ENTRIES and not n.startswith(".coverage-kit-report-")]
        if foreign and MARKER not in names:
            shown = ", ".join(foreign[:5]) + (", ..." if len(foreign) > 5 else "")
            raise ValueError(
                f"{out_dir}: this folder holds files coverage-kit did not write ({shown}); "
                "the report replaces its folder whole, so give a new or empty folder, e.g. "
                f"{os.path.join(str(out_dir), 'report')}")
    return out


@contextlib.contextmanager
def _no_sigint() -> Any:
    """Hold Ctrl-C back (it is delivered right after) while the report is swapped into place
    or its staging folder removed: a second Ctrl-C must not leave half of either."""
    main = threading.current_thread() is threading.main_thread()
    if main and hasattr(signal, "pthread_sigmask"):
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
    else:
        yield


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False when the
    system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                   ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    return False  # e.g. a file system without RENAME_EXCHANGE: two renames instead


def _swap_in(work: Path, out: Path) -> None:
    """Put the finished staging folder ``work`` at ``out``; the old report ends up at
    ``work`` (removed by the caller). One step where the system allows it, else two renames
    with Ctrl-C held back between them (a kill in between leaves no report at ``out``, and the
    old one in the staging folder, removed by the next run)."""
    if not out.exists() and not out.is_symlink():
        os.rename(work, out)
        return
    if _exchange(work, out):
        return
    old = Path(f"{work}-old")
    os.rename(out, old)
    os.rename(work, out)
    os.rename(old, work)


def _write_report(source: Any, out_dir: str | os.PathLike, *, focus, start, end, outlets,
                  formats, progress, event_start, title, freq, top, events) -> ReportResult:
    t_start = time.perf_counter()
    bad = [f for f in formats if f.lower() not in CHART_FORMATS]
    if bad:
        raise ValueError(f"unknown chart format(s) {bad}; use any of {', '.join(CHART_FORMATS)}")
    out = _report_target(out_dir)

    steps = ["load", "extract", "tables", "charts", "html"]
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(steps), desc="report", unit="step", leave=False)

    def step(label: str) -> None:
        check_interrupted()  # a Ctrl-C a library swallowed stops the run at the next step
        if bar is not None:
            bar.set_postfix_str(label)
            bar.update(1)

    result = ReportResult(out_dir=out)
    notes = result.notes
    from .store import Store

    prepare = _prepare_store if isinstance(source, Store) else _prepare_frames
    p = prepare(source, focus=focus, start=start, end=end, outlets=outlets,
                event_start=event_start, freq=freq, top=top, notes=notes, step=step,
                progress=progress)
    tables, facts, focus, names = p["tables"], p["facts"], p["focus"], p["names"]
    invented, palette = p["invented"], p["palette"]
    focus_name = _focus_name(focus, p["entities"])
    source_line = _source_line(facts)
    filters = {"from": str(start) if start is not None else None,
               "to": str(end) if end is not None else None, "outlets": names}
    from .export import EXCEL_MAX_ROWS
    from .plots import parse_events

    for name, df in tables.items():
        if isinstance(df, _Listing) and len(df) > EXCEL_MAX_ROWS:
            notes.append(f"The Excel sheet {name} holds the first {EXCEL_MAX_ROWS:,} of "
                         f"{len(df):,} rows (the most a sheet holds); tables/{name}.csv has "
                         "them all.")
    events = parse_events(events)
    subtitle = _subtitle(filters, facts["n_loaded"], facts["n_articles"])
    methods_md = _methods(facts=facts, tables=tables, filters=filters, focus=focus,
                          focus_name=focus_name, event_start=event_start, notes=notes,
                          invented=invented)
    n_reactions = facts["n_reactions"] - facts["n_domestic"]
    n_reactors = int(tables["country_stances"].shape[0])
    reactors = T.plural(n_reactors, "country or organisation", "countries and organisations")
    n_rejects = sum(facts["reject_codes"].values())
    result.counts = {"articles": facts["n_articles"], "articles_loaded": facts["n_loaded"],
                     "outlets": facts["n_outlets"], "quotes": facts["n_quotes"],
                     "reactions": facts["n_reactions"], "rejects": n_rejects}
    n_quotes = facts["n_quotes"]

    # Everything is written into a hidden staging folder beside ``out`` and swapped into place
    # at the end (see the module docstring).
    out.parent.mkdir(parents=True, exist_ok=True)
    prefix = f".coverage-kit-{out.name}."
    clean_stale(out.parent, prefix)  # what killed runs left
    work = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=out.parent))
    STAGING.add(work)
    report_title = title or (f"Coverage report: {focus_name}" if focus_name else
                             "Coverage report")
    try:
        staged = _write_files(work, tables=tables, methods_md=methods_md, formats=formats,
                              report_title=report_title, source_line=source_line,
                              subtitle=subtitle, palette=palette, events=events, top=top,
                              focus=focus, focus_name=focus_name, invented=invented,
                              summary=(f"{source_line}. {subtitle}. "
                                       f"{T.plural(n_quotes, 'quote')}, "
                                       f"{T.plural(n_reactions, 'reaction statement')} by "
                                       f"{reactors}. "
                                       "Generated by coverage-kit; times are UTC."),
                              step=step)
        from . import __version__

        (work / MARKER).write_text(json.dumps({
            "written_by": f"coverage-kit {__version__}",
            "files": [str(p.relative_to(work)) for p in staged.files]}, indent=1) + "\n",
            encoding="utf-8")
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(work, 0o777 & ~mask)  # mkdtemp made it private; a report is a normal folder
        with _no_sigint():
            check_interrupted()  # a Ctrl-C whose exception was lost still stops the run
            _swap_in(work, out)
    finally:
        with _no_sigint():
            shutil.rmtree(work, ignore_errors=True)  # the old report, or an unfinished one
        if not os.path.lexists(work):
            STAGING.discard(work)

    def final(path: Path) -> Path:
        return out / path.relative_to(work)

    result.files = [final(p) for p in staged.files] + [out / MARKER]
    result.tables = {k: final(v) for k, v in staged.tables.items()}
    result.charts = {k: [final(p) for p in v] for k, v in staged.charts.items()}
    result.excel, result.methods = final(staged.excel), final(staged.methods)
    result.pdf, result.html = final(staged.pdf), final(staged.html)
    step("done")
    if bar is not None:
        bar.close()
    result.seconds = time.perf_counter() - t_start
    return result


_LISTINGS = ("articles", "quotes", "reactions", "rejects")


def _prepare_frames(source: Any, *, focus, start, end, outlets, event_start, freq, top,
                    notes: list[str], step: Callable[[str], None], progress: bool) \
        -> dict[str, Any]:
    """Load (or take) the articles, extract quotes and reactions unless given, and compute
    every table in pandas: the report of a corpus held in memory."""
    from .schema import ARTICLES, conform

    given = source if isinstance(source, dict) else None
    if given is not None:
        if "articles" not in given:
            raise ValueError("a dict of tables needs at least 'articles' (and 'quotes', "
                             f"'reactions', 'rejects'); it has: {', '.join(map(str, given))}")
        articles_all = given["articles"]
        rejects = given.get("rejects")
        rejects = empty(REJECTS) if rejects is None else rejects
    else:
        articles_all, rejects = _articles_and_rejects(source, progress)
    articles_all = conform(articles_all, ARTICLES, name="articles") if set(ARTICLES) <= set(
        articles_all.columns) else articles_all
    root = _corpus_root(articles_all)
    entities = _read_entities(root)
    actors = root if root is not None and ((root / "actors.csv").is_file()
                                           or (root / "entities.csv").is_file()) else None
    names = _check_outlets(articles_all, outlets)
    articles = T.filter_articles(articles_all, start=start, end=end, outlets=names)
    if articles.empty:
        notes.append("no article matches the filters; every chart says so")
    step("extract")
    if given is not None and "quotes" in given and "reactions" in given:
        keep = set(articles["article_id"].astype("object"))
        quotes, reactions = ((df[df["article_id"].astype("object").isin(keep).to_numpy()]
                              .reset_index(drop=True)) for df in (given["quotes"],
                                                                  given["reactions"]))
        if not focus and "focus" in reactions.columns and reactions["focus"].notna().any():
            focus = str(reactions["focus"].dropna().mode().iloc[0])
    else:
        quotes, reactions, focus = _extract(articles, focus, actors, progress=False)
    from .extract._lexicon import unsupported_note

    for df, what in ((quotes, "quotes"), (reactions, "reactions")):
        note = unsupported_note(df.attrs.get("unextracted_languages", {}), what)
        if note:
            notes.append(note)
    step("tables")
    tables: dict[str, Any] = report_tables(articles, quotes, reactions, rejects=rejects,
                                           entities=entities, event_start=event_start,
                                           freq=freq, top=top)
    for name in _LISTINGS:
        if name in tables:
            tables[name] = _Listing.of(tables[name])
    from .theme import outlet_palette

    return {"tables": tables, "focus": focus, "names": names, "entities": entities,
            "invented": _invented_note(root),
            "palette": outlet_palette(articles_all["outlet"]) if len(articles_all) else None,
            "facts": _frame_facts(articles_all=articles_all, articles=articles,
                                  rejects=rejects, quotes=quotes, reactions=reactions)}


def _prepare_store(store: Any, *, focus, start, end, outlets, event_start, freq, top,
                   notes: list[str], step: Callable[[str], None], progress: bool) \
        -> dict[str, Any]:
    """Every table of the report aggregated in DuckDB over a store
    (:mod:`coverage_kit.queries`); the listings are streamed from SQL, never held whole."""
    import numpy as np

    from . import queries as Q

    counts = Q.report_outlets(store)
    dtype = pd.CategoricalDtype(sorted(counts["outlet"].tolist()), ordered=True)
    inputs = [i.get("path") for i in store.manifest.get("inputs", []) if i.get("path")]
    if not inputs:
        inputs = [r[0] for r in store.sql("SELECT DISTINCT source_path FROM articles WHERE "
                                          "source_path IS NOT NULL LIMIT 100000").fetchall()]
    root = _corpus_root(pd.DataFrame({"source_path": inputs})) if inputs else None
    entities = _read_entities(root)
    known = pd.DataFrame({"outlet": pd.Categorical([], dtype=dtype)})
    names = _check_outlets(known, outlets)
    flt = Q.ReportFilter(start=start, end=end,
                         outlets=tuple(names) if names is not None else None)
    facts = Q.report_facts(store, flt)
    if not facts["n_articles"]:
        notes.append("no article matches the filters; every chart says so")
    step("extract")
    from .extract._lexicon import unsupported_languages, unsupported_note

    skipped: dict[str, int] = {}
    for lang, n in Q.report_languages(store, flt).items():
        for code in unsupported_languages([lang])[1]:
            skipped[code] = skipped.get(code, 0) + n
    for what in ("quotes", "reactions"):
        note = unsupported_note(skipped, what)
        if note:
            notes.append(note)
    if not focus:
        focus = store.manifest.get("focus") or None
    if not focus:
        row = store.sql("SELECT focus, count(*) AS n FROM reactions WHERE focus IS NOT NULL "
                        "GROUP BY focus ORDER BY n DESC, focus LIMIT 1").fetchone()
        focus = row[0] if row else None
    step("tables")
    listing_cols = ["article_id", "published", "outlet", "outlet_country", "title", "author",
                    "url", "language", "story_id", "wires", "source_path", "source_line"]

    def listing(name: str, cols: list[str] | None, n: int, flt=flt) -> _Listing:
        return _Listing(n, lambda: Q.report_listing(store, name, flt, columns=cols,
                                                    dtype=dtype),
                        lambda k: next(iter(Q.report_listing(store, name, flt, columns=cols,
                                                             limit=k, dtype=dtype))))

    timeline = Q.report_coverage_timeline(store, flt, freq=freq, dtype=dtype)
    by_stance = Q.report_reactions_by_country_stance(store, flt, entities=entities)
    speakers = Q.report_speaker_counts(store, flt, top=top, dtype=dtype)
    propagation = Q.report_quote_propagation(store, flt, dtype=dtype)
    tables: dict[str, Any] = {
        "articles": listing("articles", listing_cols, facts["n_articles"]),
        "coverage_timeline": timeline,
        "coverage_timeline_stories": Q.report_coverage_timeline(
            store, flt, freq=freq, dedupe_syndicated=True, dtype=dtype),
        "coverage_timeline_total": Q.report_coverage_timeline(store, flt, freq=freq, by=None),
        "outlet_date_matrix": T.timeline_matrix(timeline),
        "speaker_counts": Q.report_speaker_counts(store, flt, dtype=dtype),
        "speaker_totals": Q.report_speaker_counts(store, flt, by=None),
        "speaker_outlet_matrix": T.speaker_matrix(speakers),
        "quote_propagation": propagation,
        "quote_propagation_summary": T.propagation_summary(propagation),
        "reactions_by_country_stance": by_stance,
        "country_stances": T.prevailing_stances(by_stance),
        "reaction_timeline": Q.report_reaction_timeline(store, flt, start=event_start,
                                                        entities=entities, dtype=dtype),
        "reactions_by_outlet": Q.report_reactions_by_outlet(store, flt, entities=entities,
                                                            dtype=dtype),
        "sentiment_by_outlet_quotes": Q.report_sentiment_by_outlet_quotes(store, flt,
                                                                          dtype=dtype),
        "sentiment_by_outlet_articles": Q.report_sentiment_by_outlet_articles(store, flt,
                                                                              dtype=dtype),
        "sentiment_by_speaker": Q.report_sentiment_by_speaker(store, flt),
        "quotes": listing("quotes", None, facts["n_quotes"]),
        "reactions": listing("reactions", None, facts["n_reactions"]),
        "rejects": listing("rejects", None, sum(facts["reject_codes"].values()), None),
    }
    from .theme import outlet_palette

    # the palette ranks outlets by their articles: a categorical of that many codes
    n_per = counts.set_index("outlet")["n"].reindex(list(dtype.categories)).fillna(0)
    codes = np.repeat(np.arange(len(n_per), dtype=np.int32), n_per.astype(int).to_numpy())
    palette = outlet_palette(pd.Series(pd.Categorical.from_codes(codes, dtype=dtype))) \
        if len(codes) else None
    return {"tables": tables, "focus": focus, "names": names, "entities": entities,
            "invented": _invented_note(root), "palette": palette, "facts": facts}


def _subtitle(filters: dict[str, Any], n_all: int, n: int) -> str:
    """The active filters in words, for the line under every chart title."""
    parts = []
    if filters.get("from") or filters.get("to"):
        parts.append(f"dates {filters.get('from') or '…'} to {filters.get('to') or '…'}")
    if filters.get("outlets"):
        parts.append("outlets " + ", ".join(filters["outlets"]))
    if not parts:
        return f"No filter: all {T.plural(n_all, 'loaded article')}"
    return f"Filters: {'; '.join(parts)} ({n:,} of {T.plural(n_all, 'article')})"


def _write_files(work: Path, *, tables: dict[str, pd.DataFrame], methods_md: str,
                 formats: Sequence[str], report_title: str, source_line: str,
                 subtitle: str | None = None, palette: dict[str, str] | None = None,
                 events: Any = None, top: int = 15,
                 focus: str | None, focus_name: str | None, invented: str | None,
                 summary: str, step: Callable[[str], None]) -> ReportResult:
    """Write every file of the report into ``work``; return what was written (paths in
    ``work``)."""
    import matplotlib.pyplot as plt  # figures are closed right after saving
    from matplotlib.backends.backend_pdf import PdfPages

    from .theme import save_figure, theme

    res = ReportResult(out_dir=work)

    def wrote(path: Path) -> Path:
        res.files.append(path)
        return path

    # Tables: CSV each, one Excel workbook, written a chunk of rows at a time.
    used: set[str] = set()
    xlsx = work / "tables.xlsx"
    (work / "tables").mkdir(parents=True, exist_ok=True)
    with ExcelStream(xlsx) as xl:
        for name, df in tables.items():
            csv = work / "tables" / f"{name}.csv"
            listing = df if isinstance(df, _Listing) else _Listing.of(df, max(len(df), 1))
            if isinstance(df, _Listing):
                write_csv_chunks(listing.chunks(), csv)
            else:
                write_csv(df, csv)
            res.tables[name] = wrote(csv)
            sheet = _sheet_name(name, used)
            xl.add_sheet(sheet, [df] if not isinstance(df, _Listing) else listing.chunks())
            check_interrupted()
    res.excel = wrote(xlsx)
    res.methods = wrote(work / "methods.md")
    res.methods.write_text(methods_md, encoding="utf-8")
    step("charts")
    # Charts: PNG/SVG files, one PDF page each, PNG bytes for the HTML page.
    rendered: list[tuple[_Chart, bytes]] = []
    pdf_path = work / "report.pdf"
    pdf_meta = {"Title": report_title, "Creator": "coverage-kit", "CreationDate": None}
    with theme(texts=_chart_texts(tables)), PdfPages(pdf_path, metadata=pdf_meta) as pdf:
        page = _methods_page(report_title, source_line, methods_md, invented)
        pdf.savefig(page)
        plt.close(page)
        for i, chart in enumerate(_charts(tables, source=source_line, focus=focus,
                                          focus_name=focus_name, subtitle=subtitle,
                                          palette=palette, events=events, top=top), start=1):
            drawn = chart.draw()
            fig = drawn if hasattr(drawn, "savefig") else drawn.figure
            try:
                files = []
                box = None  # the tight box of the first save, reused: skips a measuring pass
                for fmt in formats:
                    name = f"{i:02d}_{chart.name}.{fmt.lower()}"
                    files.append(wrote(save_figure(fig, work / "charts" / name,
                                                   bbox_inches=box or "tight")))
                    _freeze_layout(fig)
                    box = box or _tight_box(fig, 0.15)
                res.charts[chart.name] = files
                png_path = next((p for p in files if p.suffix == ".png"), None)
                if png_path is not None:
                    png = png_path.read_bytes()
                else:
                    buf = io.BytesIO()
                    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight",
                                pad_inches=0.15)
                    png = buf.getvalue()
                _freeze_layout(fig)
                rendered.append((chart, png))
                pdf.savefig(fig, bbox_inches=_tight_box(fig, 0.3) if box else "tight",
                            pad_inches=0.3)
            finally:
                plt.close(fig)
    res.pdf = wrote(pdf_path)
    step("html")
    html_page = _html(title=report_title, summary=summary, invented=invented,
                      methods_md=methods_md, charts=rendered, tables=tables,
                      shown_tables=_SHOWN_TABLES)
    res.html = wrote(work / "report.html")
    res.html.write_text(html_page, encoding="utf-8")
    return res


def _chart_texts(tables: dict[str, pd.DataFrame]) -> list[str]:
    """Every distinct string in the tables (names, quotes, titles): the theme loads only
    the fallback fonts their scripts need."""
    texts: set[str] = set()
    for df in tables.values():
        if isinstance(df, _Listing):  # not drawn in any chart
            continue
        frame = df.reset_index() if not isinstance(df.index, pd.RangeIndex) else df
        texts.update(str(c) for c in frame.columns)
        for col in frame.columns:
            s = frame[col]
            if s.dtype == object or pd.api.types.is_string_dtype(s.dtype) or isinstance(
                    s.dtype, pd.CategoricalDtype):
                texts.update(str(v) for v in pd.unique(s.dropna().astype(str)))
    return list(texts)


def _tight_box(fig, pad: float):
    """The figure's tight bounding box in inches, padded (what ``bbox_inches="tight"``
    computes), from the renderer of the last draw."""
    return fig.get_tightbbox(fig.canvas.get_renderer()).padded(pad)


def _freeze_layout(fig) -> None:
    """Keep the positions constrained layout found on the first save; later saves skip it."""
    if fig.get_layout_engine() is not None:
        fig.set_layout_engine("none")


def _methods_page(title: str, source_line: str, methods_md: str, invented: str | None):
    """A PDF page with the title and the methods note as plain text."""
    import textwrap

    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(8.27, 11.69))  # A4 portrait
    body: list[str] = []
    for line in methods_md.splitlines():
        if line.startswith("# "):
            continue
        if line.startswith("## "):
            body += ["", line[3:].upper()]
        elif line.startswith("- "):
            body += textwrap.wrap(line[2:], 95, initial_indent="• ", subsequent_indent="  ")
        elif line.strip():
            body += textwrap.wrap(line.replace("**", ""), 95)
    fig.text(0.07, 0.95, title, fontsize=16, fontweight="bold", va="top")
    fig.text(0.07, 0.92, source_line, fontsize=10, color="#555555", va="top")
    fig.text(0.07, 0.89, "\n".join(body), fontsize=8.2, va="top", linespacing=1.45)
    return fig
