"""One look for every chart: :func:`theme`, outlet and stance colours, :func:`save_figure`.

Nothing here changes matplotlib's global state for good. :func:`theme` is a context manager
that sets the rcParams it needs and restores them on exit (as seaborn's ``_RCAesthetics``
does), so a notebook's own style is untouched outside the ``with`` block.

Outlet colours are the colour-blind-safe Okabe-Ito palette, for at most eight named outlets
(the biggest of the corpus); every other outlet is grey. :func:`outlet_palette` decides once
per corpus, so an outlet is the same colour in every chart of a report or dashboard. Stance
colours are Okabe-Ito too. Every figure is at most 4,000 px on its longest side at 200 dpi
(:data:`MAX_INCHES`, :func:`fit_size`).
"""

from __future__ import annotations

import contextlib
import logging
import sys
import types
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import matplotlib as mpl
import pandas as pd
from matplotlib import font_manager

log = logging.getLogger(__name__)

#: Okabe & Ito (2008): eight colours told apart with every common colour-vision deficiency.
#: Only this many outlets are named in colour; the rest are grey (:data:`OTHER_COLOR`), so a
#: chart never asks the reader to match a ninth hue to a legend.
OUTLET_COLORS: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#000000",  # black
    "#F0E442",  # yellow (last: weakest on white)
)

#: How many outlets get a colour of their own.
NAMED_OUTLETS = len(OUTLET_COLORS)

#: Longest side of any figure, in inches: 4,000 px at 200 dpi.
MAX_INCHES = 20.0
MAX_PIXELS = 4000

#: Colour of the "Other outlets" group.
OTHER_COLOR = "#BDBDBD"

#: One colour per reaction stance (Okabe-Ito): hot for condemnation, cool for support.
STANCE_COLORS: dict[str, str] = {
    "condemn": "#D55E00",
    "concern": "#E69F00",
    "neutral": "#8C8C8C",
    "support": "#0072B2",
}

#: Colour of "no reaction" countries on the map and of other muted elements.
MUTED = "#E3E3E3"
INK = "#222222"

#: Families tried in order for every glyph: Latin/Cyrillic/Greek first, then scripts.
FONT_FALLBACK: tuple[str, ...] = (
    "DejaVu Sans",  # Latin, Greek, Cyrillic, Hebrew, Georgian, Armenian
    "Noto Sans Arabic",
    "WenQuanYi Micro Hei",  # Chinese, Japanese kana, Korean hangul
    "Noto Sans Devanagari",
)

# Where Debian's fonts-noto-core and fonts-wqy-microhei put the files, for a matplotlib whose
# font cache predates their installation.
_FONT_FILES = (
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansGeorgian-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArmenian-Regular.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
)

_font_families: list[str] | None = None


class _NoBoldFallbackNoise(logging.Filter):
    """Drop matplotlib's "Failed to find font weight bold for <fallback font>" messages.

    Script fallbacks such as WenQuanYi Micro Hei have no bold face; matplotlib then uses the
    regular one, which is what we want, but logs a warning for every bold title.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        msg = str(record.msg)
        return not (msg.startswith("findfont: Failed to find font weight")
                    and any(f in str(record.args) for f in FONT_FALLBACK[1:]))


_fm_log = logging.getLogger("matplotlib.font_manager")
if not any(isinstance(f, _NoBoldFallbackNoise) for f in _fm_log.filters):
    _fm_log.addFilter(_NoBoldFallbackNoise())


def font_families() -> list[str]:
    """The fallback font families installed here, in the order :func:`theme` uses them.

    Fonts installed after matplotlib built its font cache are registered on first use.

    Examples
    --------
    >>> font_families()[0]
    'DejaVu Sans'
    """
    global _font_families
    if _font_families is None:
        known = {f.name for f in font_manager.fontManager.ttflist}
        for path in _FONT_FILES:
            if Path(path).exists():
                try:
                    name = font_manager.FontProperties(fname=path).get_name()
                except Exception:  # a broken font file must not break a chart
                    continue
                if name not in known:
                    font_manager.fontManager.addfont(path)
                    known.add(name)
        _font_families = [f for f in FONT_FALLBACK if f in known]
        missing = [f for f in FONT_FALLBACK if f not in known]
        if missing:
            log.info("fonts not installed (non-Latin names may show as boxes): %s",
                     ", ".join(missing))
    return list(_font_families)


def theme_rc(*, font_scale: float = 1.0) -> dict[str, object]:
    """The rcParams :func:`theme` applies, as a dict (for ``matplotlib.rc_context``).

    Examples
    --------
    >>> theme_rc()["axes.spines.top"]
    False
    """
    base = 9.5 * font_scale
    return {
        "font.family": _with_generic(font_families()),
        "font.size": base,
        "axes.titlesize": base * 1.25,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.titlepad": 10,
        "axes.labelsize": base,
        "axes.labelcolor": INK,
        "axes.edgecolor": "#555555",
        "axes.linewidth": 0.8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": False,
        "axes.axisbelow": True,
        "axes.prop_cycle": mpl.cycler(color=list(OUTLET_COLORS)),
        "grid.color": "#DDDDDD",
        "grid.linewidth": 0.6,
        "xtick.labelsize": base * 0.9,
        "ytick.labelsize": base * 0.9,
        "xtick.color": INK,
        "ytick.color": INK,
        "legend.fontsize": base * 0.85,
        "legend.title_fontsize": base * 0.9,
        "legend.frameon": False,
        "figure.dpi": 100,
        "figure.facecolor": "white",
        "savefig.facecolor": "white",
        "figure.constrained_layout.use": False,
        "text.color": INK,
        "pdf.fonttype": 42,  # embed TrueType: text stays selectable and searchable
        "ps.fonttype": 42,
        "svg.fonttype": "none",  # SVG text stays text: editable in Inkscape or Illustrator
        "axes.unicode_minus": True,
    }


def _with_generic(families: Sequence[str]) -> list[str]:
    """The families with the generic ``sans-serif`` last, so an SVG whose text is kept as
    text (``svg.fonttype`` "none") still finds a font on a machine without ours."""
    return [f for f in families if f != "sans-serif"] + ["sans-serif"]


def fit_size(width: float, height: float, *, max_inches: float = MAX_INCHES
             ) -> tuple[float, float]:
    """``(width, height)`` in inches, each side at most ``max_inches`` (4,000 px at 200 dpi).

    Examples
    --------
    >>> fit_size(670.9, 11.7)
    (20.0, 11.7)
    """
    return (min(float(width), max_inches), min(float(height), max_inches))


_active = 0  # how many theme() blocks are open (plot functions reuse an open one)


def active() -> bool:
    """True inside a ``with theme():`` block (plot functions then keep its settings)."""
    return _active > 0


def families_for(texts: Iterable[str]) -> list[str]:
    """The fallback families needed to draw ``texts``: DejaVu Sans plus only the fonts whose
    scripts occur. Fewer families make text layout markedly faster.

    Examples
    --------
    >>> families_for(["Teodor Valkan", "Тодор Валкан"])
    ['DejaVu Sans']
    >>> "WenQuanYi Micro Hei" in families_for(["林浩"]) or "WenQuanYi Micro Hei" not in font_families()
    True
    """
    installed = font_families()
    if not installed:
        return installed
    chars = {c for t in texts if isinstance(t, str) for c in t}
    needed = [installed[0]]
    missing = {c for c in chars if ord(c) > 0x7E and ord(c) not in _charmap(installed[0])}
    for family in installed[1:]:
        if not missing:
            break
        covered = {c for c in missing if ord(c) in _charmap(family)}
        if covered:
            needed.append(family)
            missing -= covered
    return needed


_CHARMAPS: dict[str, frozenset[int]] = {}


def _charmap(family: str) -> frozenset[int]:
    if family not in _CHARMAPS:
        try:
            path = font_manager.findfont(font_manager.FontProperties(family=family),
                                         fallback_to_default=False)
            _CHARMAPS[family] = frozenset(font_manager.get_font(path).get_charmap())
        except Exception:  # an unreadable font covers nothing
            _CHARMAPS[family] = frozenset()
    return _CHARMAPS[family]


@contextlib.contextmanager
def theme(*, font_scale: float = 1.0, texts: Iterable[str] | None = None) -> Iterator[None]:
    """Draw charts in coverage-kit's style inside a ``with`` block; restore rcParams after.

    Plot functions called inside the block keep its settings (they apply the default theme
    only when none is open).

    Parameters
    ----------
    font_scale : float
        Multiply every font size, e.g. 1.3 for slides.
    texts : iterable of str, optional
        The names and words the charts will show. When given, only the fallback fonts their
        scripts need are used, which makes drawing faster; by default every installed
        fallback font is tried for every glyph.

    Examples
    --------
    >>> import matplotlib as mpl
    >>> before = mpl.rcParams["axes.spines.top"]
    >>> with theme():
    ...     mpl.rcParams["axes.spines.top"]
    False
    >>> mpl.rcParams["axes.spines.top"] == before
    True
    """
    global _active
    # Resolve the backend before rc_context: a backend first resolved inside the block would
    # be "restored" to the unresolved default on exit, switching notebooks out of inline mode.
    mpl.get_backend()
    rc = theme_rc(font_scale=font_scale)
    if texts is not None:
        rc["font.family"] = _with_generic(families_for(texts))
    with mpl.rc_context(rc):
        _active += 1
        try:
            yield
        finally:
            _active -= 1


def _outlet_names(outlets: object) -> list[str]:
    if isinstance(outlets, pd.DataFrame):
        outlets = outlets["outlet"]
    if isinstance(outlets, pd.Series):
        if isinstance(outlets.dtype, pd.CategoricalDtype):
            return [str(c) for c in outlets.cat.categories]
        return [str(o) for o in pd.unique(outlets.dropna())]
    if isinstance(outlets, pd.CategoricalDtype):
        return [str(c) for c in outlets.categories]
    return [str(o) for o in outlets]  # type: ignore[union-attr]


def outlet_palette(outlets: pd.Series | pd.DataFrame | pd.CategoricalDtype | Iterable[str],
                   *, named: int = NAMED_OUTLETS) -> dict[str, str]:
    """One colour per outlet: the ``named`` biggest outlets in Okabe-Ito colours, the rest
    grey. Compute it once from the whole corpus and pass it to every chart, so an outlet keeps
    its colour however the data are filtered.

    Parameters
    ----------
    outlets : Series, DataFrame, CategoricalDtype or iterable of str
        The ``outlet`` column of the articles (or a table with one): the outlets with most
        rows get colours, in the order of the categories. A dtype or a list of names: the
        first ``named`` get colours.
    named : int
        How many outlets get a colour (at most 8).

    Returns
    -------
    dict
        Outlet name to hex colour; outlets beyond ``named`` map to :data:`OTHER_COLOR`.

    Examples
    --------
    >>> outlet_palette(["Reuters", "BBC News"])
    {'Reuters': '#0072B2', 'BBC News': '#E69F00'}
    >>> outlet_palette(pd.Series(["DW", "TASS", "TASS"]), named=1)
    {'DW': '#BDBDBD', 'TASS': '#0072B2'}
    """
    names = _outlet_names(outlets)
    named = max(0, min(int(named), len(OUTLET_COLORS)))
    if isinstance(outlets, pd.DataFrame):
        outlets = outlets["outlet"]
    if isinstance(outlets, pd.Series) and len(names) > named:
        counts = outlets.astype("object").value_counts()
        rank = sorted(range(len(names)), key=lambda i: (-int(counts.get(names[i], 0)), i))
        top = set(sorted(rank[:named]))
        chosen = [names[i] for i in sorted(top)]
    else:
        chosen = names[:named]
    colors = dict(zip(chosen, OUTLET_COLORS, strict=False))
    return {name: colors.get(name, OTHER_COLOR) for name in names}


def stance_palette(stances: Sequence[str] | None = None) -> dict[str, str]:
    """Colours for reaction stances (``condemn``, ``concern``, ``neutral``, ``support``).

    Examples
    --------
    >>> stance_palette(["support"])
    {'support': '#0072B2'}
    """
    if stances is None:
        return dict(STANCE_COLORS)
    return {s: STANCE_COLORS.get(s, STANCE_COLORS["neutral"]) for s in stances}


_FORMATS = {".png", ".svg", ".pdf", ".jpg", ".jpeg", ".tif", ".tiff", ".eps", ".ps"}


def save_figure(fig, path: str | Path, *, dpi: int = 200,
                metadata: Mapping[str, object] | None = None,
                bbox_inches: object = "tight") -> Path:
    """Save ``fig`` to ``path``, the format taken from the suffix; create the folder.

    Raster formats are written at ``dpi`` (at least 200), and never more than 4,000 px on
    the longest side: a figure larger than :data:`MAX_INCHES` is shrunk first. SVG keeps its
    text as text (editable) and, like PDF, carries no creation date, so the same chart gives
    the same bytes on every run. Files get the usual permissions (0644 under umask 022).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        Also accepts an Axes (its figure is saved).
    path : str or Path
        Ending in ``.png``, ``.svg`` or ``.pdf`` (also ``.jpg``, ``.tif``, ``.eps``).
    dpi : int
        Resolution of raster output; values below 200 are raised to 200.
    metadata : mapping, optional
        Extra metadata passed to matplotlib (e.g. ``{"Title": ...}``).
    bbox_inches : "tight" or Bbox
        The area saved; "tight" (the default) fits the drawn content. A Bbox in inches
        (say, the tight box of an earlier save) skips the measuring pass.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    ValueError
        When the suffix is not a format matplotlib writes.

    Examples
    --------
    >>> import tempfile, matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> out = save_figure(fig, Path(tempfile.mkdtemp()) / "charts" / "empty.svg")
    >>> out.suffix, out.exists()
    ('.svg', True)
    >>> plt.close(fig)
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in _FORMATS:
        raise ValueError(
            f"{path}: cannot tell the format from the suffix {suffix or '(none)'!r}; "
            f"use one of {', '.join(sorted(_FORMATS))}"
        )
    if hasattr(fig, "get_figure") and not hasattr(fig, "savefig"):
        fig = fig.get_figure()
    meta: dict[str, object] = {}
    if suffix == ".svg":
        meta["Date"] = None
    elif suffix == ".pdf":
        meta["CreationDate"] = None
    meta.update(metadata or {})
    path.parent.mkdir(parents=True, exist_ok=True)
    w, h = fig.get_size_inches()
    if max(w, h) > MAX_INCHES:  # a safety net: charts size themselves within the cap
        k = MAX_INCHES / max(w, h)
        fig.set_size_inches(w * k, h * k)
        bbox_inches = "tight" if not isinstance(bbox_inches, str) else bbox_inches
    kw: dict[str, object] = {"bbox_inches": bbox_inches, "pad_inches": 0.15, "metadata": meta}
    if suffix not in {".svg", ".pdf", ".eps", ".ps"}:
        dpi = max(int(dpi), 200)
        box = bbox_inches
        if isinstance(box, str):  # measure only figures near the cap (measuring costs a draw)
            box = (fig.get_tightbbox(fig.canvas.get_renderer()).padded(0.15)
                   if max(w, h) > 0.8 * MAX_INCHES else fig.bbox_inches)
        longest = max(box.width, box.height)
        if longest * dpi > MAX_PIXELS:  # legends outside the axes can widen the tight box
            dpi = int(MAX_PIXELS / longest)
        kw["dpi"] = dpi
        if suffix in {".jpg", ".jpeg", ".tif", ".tiff"}:
            kw.pop("metadata")
    with mpl.rc_context({"svg.hashsalt": "coverage-kit"}):
        fig.savefig(path, **kw)
    _normal_mode(path)
    return path


def _normal_mode(path: Path) -> None:
    """Give ``path`` the permissions a new file gets under the user's umask (0644 usually)."""
    import os

    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


class _CallableModule(types.ModuleType):
    """``coverage_kit.theme`` names both this module and the :func:`theme` context manager.

    Importing the submodule makes ``coverage_kit.theme`` the module, whatever the package
    exported before; letting the module be called keeps ``with ck.theme(): ...`` working
    either way.
    """

    def __call__(self, *args, **kwargs):
        return theme(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
