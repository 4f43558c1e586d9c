"""One look for every chart: :func:`theme`, outlet and stance colours, :func:`save_figure`.

Nothing here changes matplotlib's global state for good. :func:`theme` is a context manager
that sets the rcParams it needs and restores them on exit (as seaborn's ``_RCAesthetics``
does), so a notebook's own style is untouched outside the ``with`` block.

Outlet colours start with the colour-blind-safe Okabe-Ito palette and Paul Tol's "muted"
scheme (16 colours), then continue with further distinct hues up to 30 outlets. Each outlet
keeps the colour of its position in the ordered ``outlet`` categorical, so an outlet is the
same colour in every chart of a report. Stance colours are Okabe-Ito.
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

#: Okabe & Ito (2008) without black, then Paul Tol's "muted" scheme: the first 16 colours are
#: colour-blind safe. Outlets 17-30 take Tol's "dark" and "light" schemes and a few more
#: distinct hues, so every outlet of a 30-outlet corpus keeps a colour of its own; charts
#: that would need more than a handful of colours group the smaller outlets as "Other outlets"
#: or label outlets directly.
OUTLET_COLORS: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#332288",  # indigo
    "#117733",  # green
    "#882255",  # wine
    "#44AA99",  # teal
    "#999933",  # olive
    "#AA4499",  # purple
    "#88CCEE",  # cyan
    "#DDCC77",  # sand
    "#CC6677",  # rose
    "#222255",  # dark blue
    "#225555",  # dark cyan
    "#225522",  # dark green
    "#666633",  # dark yellow
    "#663333",  # dark red
    "#EE8866",  # light orange
    "#FFAABB",  # pink
    "#BBCC33",  # pear
    "#77AADD",  # light blue
    "#AA3377",  # bright purple
    "#8C564B",  # brown
    "#4B0082",  # deep violet
    "#00CED1",  # turquoise
    "#B8860B",  # dark goldenrod
)

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
        "font.family": font_families() or ["sans-serif"],
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
        "svg.fonttype": "path",  # SVG renders the same without the fonts installed
        "axes.unicode_minus": True,
    }


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
        rc["font.family"] = families_for(texts) or ["sans-serif"]
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


def outlet_palette(outlets: pd.Series | pd.DataFrame | pd.CategoricalDtype | Iterable[str]
                   ) -> dict[str, str]:
    """One colour per outlet, from its position in the ordered outlet categories.

    Parameters
    ----------
    outlets : Series, DataFrame, CategoricalDtype or iterable of str
        An ``outlet`` column (its categories are used, so an outlet keeps its colour after
        filtering), a table with such a column, or outlet names in order.

    Returns
    -------
    dict
        Outlet name to hex colour. After 30 outlets the colours repeat.

    Examples
    --------
    >>> outlet_palette(["Reuters", "BBC News"])
    {'Reuters': '#0072B2', 'BBC News': '#E69F00'}
    """
    names = _outlet_names(outlets)
    return {name: OUTLET_COLORS[i % len(OUTLET_COLORS)] for i, name in enumerate(names)}


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

    Raster formats are written at ``dpi`` (at least 200). SVG and PDF carry no creation date,
    so the same chart gives the same bytes on every run.

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
    kw: dict[str, object] = {"bbox_inches": bbox_inches, "pad_inches": 0.15, "metadata": meta}
    if suffix not in {".svg", ".pdf", ".eps", ".ps"}:
        kw["dpi"] = max(int(dpi), 200)
        if suffix in {".jpg", ".jpeg", ".tif", ".tiff"}:
            kw.pop("metadata")
    with mpl.rc_context({"svg.hashsalt": "coverage-kit"}):
        fig.savefig(path, **kw)
    return path


class _CallableModule(types.ModuleType):
    """``coverage_kit.theme`` names both this module and the :func:`theme` context manager.

    Importing the submodule makes ``coverage_kit.theme`` the module, whatever the package
    exported before; letting the module be called keeps ``with ck.theme(): ...`` working
    either way.
    """

    def __call__(self, *args, **kwargs):
        return theme(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
