"""Outlets and wire credits: who published an article, and which agencies' copy it carries.

The outlet registry (``data/outlets.csv``, see ``data/README.md``) maps every spelling a
source uses for an outlet (its name, aliases, URL slugs, domains, full URLs) to one canonical
name with its country, language and kind. Wire agencies are outlets of kind ``agency``; their
canonical names are the short forms newspapers print ("AP", "AFP", "Reuters", "dpa").

:func:`tag_record` is the one place an article is tagged; the loader and :func:`tag_articles`
both call it. It names the outlet with :func:`identify_outlet` (the registry first, then the
source's publisher name, then a name made from the web domain, recorded in ``outlet_source``)
and finds the wires with :func:`find_wires`.

:func:`find_wires` reads agency *credits*, not mentions: datelines (``MOSCOW (Reuters) —``,
``Berlin (dpa) -``, ``MADRID, 3 nov (EFE).-``), closing credit lines (``sol / dpa / AFP /
Reuters``, ``With files from The Canadian Press``, ``— dpa``), explicit credit fields, bylines
that are nothing but an agency ("By AFP") and wire sections of the URL (``/wires/pa/``). A
sentence such as "Peskov told Reuters ..." or "according to the
Xinhua news agency" names an agency as a source of a quote, not as the supplier of the
article, and is ignored; so are photo credits ("Photo: ... / Xinhua").
"""

from __future__ import annotations

import csv
import io
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pandas as pd

from ._paths import data_file
from .errors import InputError, SchemaError
from .schema import ARTICLES, OUTLET_SOURCES, conform

__all__ = [
    "Outlet",
    "OutletRegistry",
    "default_registry",
    "find_wires",
    "wire_credit_lines",
    "find_outlet_credit",
    "tag_articles",
    "tag_record",
    "identify_outlet",
    "domain_outlet",
    "outlet_name",
    "OutletTag",
    "ArticleTags",
    "OUTLET_SOURCES",
    "KINDS",
    "REGISTRY_COLUMNS",
]

log = logging.getLogger(__name__)

KINDS = ("newspaper", "broadcaster", "agency", "magazine", "online", "aggregator")
REGISTRY_COLUMNS = ("name", "aliases", "domains", "country", "language", "kind")



# --------------------------------------------------------------------------------------------
# Outlets
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outlet:
    """One outlet of the registry.

    Attributes
    ----------
    name : str
        Canonical name, the one tables and charts show.
    country : str or None
        ISO 3166-1 alpha-3 code of the country the newsroom is in.
    language : str or None
        ISO 639-1 code of the outlet's main language.
    kind : str
        One of :data:`KINDS`.
    aliases, domains : tuple of str
        Other spellings and web domains (not part of equality).
    """

    name: str
    country: str | None
    language: str | None
    kind: str
    aliases: tuple[str, ...] = field(default=(), compare=False, repr=False)
    domains: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def is_agency(self) -> bool:
        return self.kind == "agency"


def _key(value: str) -> str:
    """Matching key: case-folded, accents and punctuation dropped ("Le Monde.fr" -> "lemondefr")."""
    return _key_cached(value) if len(value) <= 80 else _make_key(value)


def _make_key(value: str) -> str:
    s = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in s if c.isalnum())


# the same words and credit tokens come back in every article: remember their keys
_key_cached = lru_cache(maxsize=65536)(_make_key)


def _letters(value: str) -> str:
    """Letters and digits of ``value`` in their case ("A.P." -> "AP")."""
    return "".join(c for c in value if c.isalnum())


_HOST_RE = re.compile(
    r"^(?P<scheme>[a-z][a-z0-9+.-]*://|//)?(?:[^@/\s]+@)?"
    r"(?P<host>[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)*\.[^\W\d_]{2,})\.?"
    r"(?::\d+)?(?P<rest>[/?#]\S*)?$",
    re.I,
)
_HOST_PREFIXES = ("www.", "www1.", "www2.", "m.", "amp.", "mobile.")


def _host(value: str) -> tuple[str, bool] | None:
    """``(host, is_url)`` when ``value`` is a URL or a bare domain, else None."""
    m = _HOST_RE.match(value)
    if not m:
        return None
    host = m["host"].lower()
    for p in _HOST_PREFIXES:
        if host.startswith(p) and host.count(".") >= 2:
            host = host[len(p):]
            break
    return host, bool(m["scheme"] or m["rest"])


# hosts that only forward to an article elsewhere: they name no outlet
_FORWARDING_HOSTS = frozenset({"feedproxy.google.com", "feeds.feedburner.com", "t.co", "bit.ly",
                               "ow.ly", "lnkd.in", "l.facebook.com", "dlvr.it", "tinyurl.com"})
_ARCHIVE_HOSTS = frozenset({"web.archive.org", "archive.org", "archive.today", "archive.ph",
                            "archive.is", "webcache.googleusercontent.com"})
_SPECIAL_HOST_HINT_RE = re.compile(
    r"archive|googleusercontent|feedproxy|feedburner|t\.co\b|bit\.ly|ow\.ly|lnkd\.in"
    r"|facebook|dlvr\.it|tinyurl", re.I)
_INNER_URL_RE = re.compile(r"https?(?::|%3A)(?://|%2F%2F)", re.I)


def _original_url(value: object) -> str | None:
    """The article's own address: an archived copy's original URL; None for a forwarder.

    >>> _original_url("https://web.archive.org/web/20161108/http://www.nytimes.com/2016/x.html")
    'http://www.nytimes.com/2016/x.html'
    >>> _original_url("http://feedproxy.google.com/~r/x/~3/abc/") is None
    True
    """
    if not _present(value):
        return None
    url = str(value).strip()
    if not _SPECIAL_HOST_HINT_RE.search(url, 0, 60):
        return url
    hp = _host(url)
    if hp is None:
        return url
    if hp[0] in _ARCHIVE_HOSTS:
        m = _INNER_URL_RE.search(url, 8)
        if m:
            return unquote(url[m.start():])
    if hp[0] in _FORWARDING_HOSTS:
        return None
    return url


# --------------------------------------------------------------------------------------------
# Reading and validating registry tables
# --------------------------------------------------------------------------------------------

_DOMAIN_RE = re.compile(r"^[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)+$")


@lru_cache(maxsize=1)
def _iso() -> tuple[frozenset[str], frozenset[str], dict[str, str], dict[str, str]]:
    import pycountry

    alpha3 = frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}  # Kosovo (user code)
    alpha2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    langs = frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))
    lang3to2 = {}
    for lang in pycountry.languages:
        if hasattr(lang, "alpha_2"):
            for attr in ("alpha_3", "bibliographic"):
                if hasattr(lang, attr):
                    lang3to2[getattr(lang, attr)] = lang.alpha_2
    return alpha3, langs, alpha2to3, lang3to2


@dataclass
class _Row:
    outlet: Outlet
    where: str  # "path:line" for messages
    path: str
    line: int
    user: bool = False  # from the user's table: its spellings beat the package's


def _split_list(value: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for part in value.split("|"):
        part = " ".join(part.split())
        if part:
            seen.setdefault(part, None)
    return tuple(seen)


def _read_rows(records: Iterable[tuple[int, dict[str, str]]], path: str, *,
               user: bool = False) -> list[_Row]:
    """Validate ``(line, {column: value})`` records into rows; InputError on the first problem."""
    alpha3, langs, alpha2to3, lang3to2 = _iso()
    rows: list[_Row] = []
    names: dict[str, int] = {}
    keys: dict[str, tuple[str, int]] = {}
    domains: dict[str, tuple[str, int]] = {}
    for line, rec in records:
        get = lambda col: " ".join(str(rec.get(col) or "").split())  # noqa: E731
        name = get("name")
        if not name:
            raise InputError(path, line, "empty outlet name")
        kind = get("kind").lower()
        if kind not in KINDS:
            raise InputError(path, line, f'kind "{get("kind")}" of "{name}" is not one of '
                             + ", ".join(KINDS))
        country = get("country").upper() or None
        if country is not None and country not in alpha3:
            hint = (f'; did you mean "{alpha2to3[country]}"?' if country in alpha2to3 else "")
            raise InputError(path, line, f'country "{get("country")}" of "{name}" is not an '
                             f"ISO 3166-1 alpha-3 code such as DEU{hint}")
        language = get("language").lower() or None
        if language is not None and language not in langs:
            hint = (f'; did you mean "{lang3to2[language]}"?' if language in lang3to2 else "")
            raise InputError(path, line, f'language "{get("language")}" of "{name}" is not an '
                             f"ISO 639-1 code such as de{hint}")
        aliases = _split_list(get("aliases"))
        doms = []
        for d in _split_list(get("domains")):
            d = d.lower()
            hp = _host(d)
            if hp is None or hp[1] or not _DOMAIN_RE.match(hp[0]):
                raise InputError(path, line, f'domain "{d}" of "{name}" is not a bare domain '
                                 "such as spiegel.de (no scheme, no path)")
            doms.append(hp[0])
        nk = _key(name)
        if not nk:
            raise InputError(path, line, f'outlet name "{name}" has no letters or digits')
        if nk in names:
            raise InputError(path, line, f'outlet "{name}" is listed twice (first on line '
                             f"{names[nk]})")
        names[nk] = line
        for a in (name, *aliases):
            k = _key(a)
            if not k:
                continue
            other = keys.get(k)
            if other is not None and other[0] != name:
                raise InputError(path, line, f'"{a}" would name both "{other[0]}" (line '
                                 f'{other[1]}) and "{name}"; an alias may point to one outlet')
            keys[k] = (name, line)
        for d in doms:
            other = domains.get(d)
            if other is not None and other[0] != name:
                raise InputError(path, line, f'domain "{d}" is listed for both "{other[0]}" '
                                 f'(line {other[1]}) and "{name}"')
            domains[d] = (name, line)
        outlet = Outlet(name, country, language, kind, aliases, tuple(doms))
        rows.append(_Row(outlet, f"{path}:{line}", path, line, user))
    return rows


def _csv_records(text: str, path: str) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(path, None, "empty file; expected the columns "
                         + ",".join(REGISTRY_COLUMNS)) from None
    header = [h.strip().lower().lstrip("\ufeff") for h in header]
    missing = [c for c in ("name", "kind") if c not in header]
    if missing:
        raise InputError(path, 1, f"missing column(s) {', '.join(missing)}; expected "
                         f"{','.join(REGISTRY_COLUMNS)}; found {','.join(header)}")
    start = 2
    try:
        for values in reader:
            line, start = start, reader.line_num + 1
            if not any(v.strip() for v in values):
                continue
            if len(values) > len(header):
                raise InputError(path, line, f"{len(values)} fields but the header has "
                                 f"{len(header)}; quote values that contain commas")
            yield line, dict(zip(header, values))
    except csv.Error as exc:
        raise InputError(path, reader.line_num, f"malformed CSV: {exc}") from None


def _frame_records(df: pd.DataFrame) -> Iterator[tuple[int, dict[str, str]]]:
    cols = {str(c).strip().lower(): c for c in df.columns}
    missing = [c for c in ("name", "kind") if c not in cols]
    if missing:
        raise InputError("<outlets DataFrame>", None, f"missing column(s) {', '.join(missing)};"
                         f" it has: {', '.join(map(str, df.columns))}")
    for i, rec in enumerate(df.to_dict("records"), start=1):
        yield i, {k: ("" if pd.isna(rec[c]) else str(rec[c])) for k, c in cols.items()
                  if k in REGISTRY_COLUMNS}


# --------------------------------------------------------------------------------------------
# The registry
# --------------------------------------------------------------------------------------------

_NEUTRAL_WORDS = frozenset(_key(w) for w in (
    "agencies", "agency", "news agencies", "wire services", "wires", "staff", "agenturen",
    "agentur", "agences", "agence", "agencias", "agenzie", "redaktion", "rédaction", "red",
    "newsroom", "editors", "wire", "dépêches",
))


class OutletRegistry:
    """Every known outlet, looked up by any of its spellings.

    Use :meth:`load` (or :func:`default_registry`) rather than the constructor.

    Matching rules, in order (see ``data/README.md``): a URL or domain matches the longest
    registered domain suffix (``https://wien.orf.at/x`` -> ORF Wien, ``edition.cnn.com`` ->
    CNN); otherwise the name is compared case-, accent- and punctuation-insensitively with
    canonical names first, then aliases and slugs, then names without a leading "The".
    Rows from a user table override the package's rows.

    Examples
    --------
    >>> reg = OutletRegistry.load()
    >>> reg.resolve("https://www.spiegel.de/politik/ausland/a-123").name
    'Der Spiegel'
    >>> reg.resolve("huff-post").name, reg.resolve("Frankfurter Allgemeine Zeitung (FAZ.NET)").name
    ('HuffPost', 'Frankfurter Allgemeine Zeitung')
    >>> reg.resolve("ABC") is None   # several outlets go by "ABC": deliberately unresolved
    True
    """

    def __init__(self, rows: list[_Row]):
        self._rows = rows
        self.outlets: tuple[Outlet, ...] = tuple(r.outlet for r in rows)
        # Precedence, lowest first: package "The"-less names, aliases, canonical names, then
        # the same three for the user's rows. A "The"-less form two outlets share is dropped.
        layers: list[dict[str, Outlet]] = []
        self._by_domain: dict[str, Outlet] = {}
        for user in (False, True):
            derived: dict[str, Outlet | None] = {}
            aliases: dict[str, Outlet] = {}
            names: dict[str, Outlet] = {}
            for r in rows:
                if r.user is not user:
                    continue
                o = r.outlet
                names[_key(o.name)] = o
                for d in o.domains:
                    self._by_domain[d] = o
                for spelling in (o.name, *o.aliases):
                    k = _key(spelling)
                    if k:
                        aliases[k] = o
                    if spelling.casefold().startswith("the ") and len(spelling) > 6:
                        dk = _key(spelling[4:])
                        derived[dk] = o if derived.get(dk, o) is o else None
            layers += [{k: o for k, o in derived.items() if o is not None}, aliases, names]
        self._by_key: dict[str, Outlet] = {}
        for layer in layers:
            self._by_key.update(layer)
        self._cache: dict[str, Outlet | None] = {}
        agencies = [r.outlet for r in rows if r.user and r.outlet.is_agency]
        agencies += [r.outlet for r in rows if not r.user and r.outlet.is_agency]
        self._agency_index = _AgencyIndex(agencies)

    # ---------------------------------------------------------------- construction
    @classmethod
    def load(cls, extra: str | Path | pd.DataFrame | None = None) -> OutletRegistry:
        """The package registry, extended or overridden by a user table.

        Parameters
        ----------
        extra : str, Path or DataFrame, optional
            A CSV file (or table) with the columns ``name,aliases,domains,country,language,
            kind`` (``aliases`` and ``domains`` ``|``-separated; ``name`` and ``kind``
            required). A row whose name matches a package outlet replaces it; its aliases
            and domains take precedence over the package's.

        Raises
        ------
        InputError
            ``path:line: problem`` for an unknown kind, a country that is not ISO 3166-1
            alpha-3, a language that is not ISO 639-1, a malformed domain, a duplicate name,
            or an alias or domain given to two outlets in the same table.

        Examples
        --------
        >>> extra = pd.DataFrame([{"name": "Korvany Courier", "aliases": "courier",
        ...                        "domains": "courier.example", "country": "EST",
        ...                        "language": "et", "kind": "newspaper"}])
        >>> OutletRegistry.load(extra).resolve("https://courier.example/a/1").country
        'EST'
        """
        rows = _read_package()
        if extra is None:
            return cls(rows)
        if isinstance(extra, pd.DataFrame):
            user = _read_rows(_frame_records(extra), "<outlets DataFrame>", user=True)
        else:
            path = Path(extra)
            try:
                text = path.read_text(encoding="utf-8-sig")
            except FileNotFoundError:
                raise InputError(path, None, "outlet table not found") from None
            except UnicodeDecodeError as exc:
                raise InputError(path, None, f"not UTF-8 text ({exc.reason} at byte "
                                 f"{exc.start})") from None
            user = _read_rows(_csv_records(text, str(path)), str(path), user=True)
        return cls(_merge(rows, user))

    # ---------------------------------------------------------------- lookups
    def resolve(self, value: object) -> Outlet | None:
        """The outlet ``value`` names, or None when unknown or ambiguous.

        ``value`` may be a canonical name, an alias, a slug ("spiegel", "huff-post"), a
        domain ("www.spiegel.de") or a URL; case, accents and punctuation are ignored.

        Examples
        --------
        >>> default_registry().resolve("SPIEGEL.DE").name
        'Der Spiegel'
        >>> default_registry().resolve("Korvany Courier") is None
        True
        """
        if value is None or isinstance(value, bool):
            return None
        if not isinstance(value, str):
            try:
                if pd.isna(value):
                    return None
            except (TypeError, ValueError):
                pass
            value = str(value)
        cached = self._cache.get(value, _MISSING)
        if cached is not _MISSING:
            return cached  # type: ignore[return-value]
        result = self._resolve(value.strip())
        if len(self._cache) < 100_000:
            self._cache[value] = result
        return result

    def _resolve(self, s: str) -> Outlet | None:
        if not s:
            return None
        hp = _host(s)
        if hp is not None:
            host, is_url = hp
            labels = host.split(".")
            for i in range(len(labels) - 1):
                o = self._by_domain.get(".".join(labels[i:]))
                if o is not None:
                    return o
            if is_url:
                return None
        hit = self._by_key.get(_key(s))
        if hit is None and s.endswith(")"):
            # "Some Paper (somepaper.example)": a registered domain in brackets is unambiguous
            inner = s[s.rfind("(") + 1:-1].strip()
            hp = _host(inner)
            if hp is not None and not hp[1]:
                labels = hp[0].split(".")
                for i in range(len(labels) - 1):
                    hit = self._by_domain.get(".".join(labels[i:]))
                    if hit is not None:
                        break
        return hit

    def __getitem__(self, name: str) -> Outlet:
        o = self.resolve(name)
        if o is None:
            near = self.suggest(name)
            hint = f"; did you mean {', '.join(repr(n) for n in near)}?" if near else ""
            raise KeyError(f"unknown outlet {name!r}{hint}")
        return o

    def __contains__(self, value: object) -> bool:
        return self.resolve(value) is not None

    def __len__(self) -> int:
        return len(self.outlets)

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self.outlets)

    def __repr__(self) -> str:
        return f"<OutletRegistry: {len(self)} outlets, {len(self.wire_agencies())} agencies>"

    def suggest(self, value: str, *, limit: int = 3) -> list[str]:
        """Canonical names close to ``value`` (for "did you mean" messages).

        Examples
        --------
        >>> default_registry().suggest("Frankfurter Allgemeine")[0]
        'Frankfurter Allgemeine Zeitung'
        """
        from rapidfuzz import fuzz, process

        names = [o.name for o in self.outlets]
        hits = process.extract(str(value), names, scorer=fuzz.WRatio, limit=limit,
                               score_cutoff=75)
        return [h[0] for h in hits]

    def match_agency(self, token: str) -> str | None:
        """The wire agency ``token`` names on its own ("A.P." -> "AP"), else None.

        Spellings of four letters or fewer match only as the registry writes them, in
        capitals or in lower case, so the given name "Wafa" is not the agency WAFA.

        Examples
        --------
        >>> reg = default_registry()
        >>> reg.match_agency("Associated Press"), reg.match_agency("DPA"), reg.match_agency("Wafa")
        ('AP', 'dpa', None)
        """
        return self._agency_index.match(token)

    def search_agencies(self, text: str) -> list[str]:
        """Agencies named by a multi-word spelling anywhere in ``text``, in order.

        Examples
        --------
        >>> default_registry().search_agencies("By Jane Doe of the Associated Press in Paris")
        ['AP']
        """
        return list(self._agency_index.search(text))

    def wire_agencies(self) -> list[str]:
        """Canonical names of the wire agencies, in registry order.

        Examples
        --------
        >>> default_registry().wire_agencies()[:4]
        ['AP', 'AFP', 'Reuters', 'dpa']
        """
        return [o.name for o in self.outlets if o.is_agency]

    def to_frame(self) -> pd.DataFrame:
        """The registry as a table with the columns of ``data/outlets.csv``.

        Examples
        --------
        >>> default_registry().to_frame().columns.tolist()
        ['name', 'aliases', 'domains', 'country', 'language', 'kind']
        """
        return pd.DataFrame(
            {
                "name": [o.name for o in self.outlets],
                "aliases": ["|".join(o.aliases) for o in self.outlets],
                "domains": ["|".join(o.domains) for o in self.outlets],
                "country": pd.array([o.country for o in self.outlets], dtype="string"),
                "language": pd.array([o.language for o in self.outlets], dtype="string"),
                "kind": pd.Categorical([o.kind for o in self.outlets], categories=KINDS),
            }
        )


_MISSING = object()


def _read_package() -> list[_Row]:
    return list(_package_rows(str(data_file("outlets.csv"))))


@lru_cache(maxsize=4)
def _package_rows(path: str) -> tuple[_Row, ...]:
    text = Path(path).read_text(encoding="utf-8")
    return tuple(_read_rows(_csv_records(text, path), path))


def _merge(package: list[_Row], user: list[_Row]) -> list[_Row]:
    """User rows replace package rows of the same name and take their spellings and domains."""
    user_names = {_key(r.outlet.name) for r in user}
    user_keys = {_key(s) for r in user for s in (r.outlet.name, *r.outlet.aliases)}
    user_domains = {d for r in user for d in r.outlet.domains}
    by_name = {_key(r.outlet.name): r for r in user}
    merged: list[_Row] = []
    for r in package:
        k = _key(r.outlet.name)
        if k in user_names:
            merged.append(by_name.pop(k))
            continue
        o = r.outlet
        aliases = tuple(a for a in o.aliases if _key(a) not in user_keys)
        domains = tuple(d for d in o.domains if d not in user_domains)
        if aliases != o.aliases or domains != o.domains:
            r = _Row(Outlet(o.name, o.country, o.language, o.kind, aliases, domains),
                     r.where, r.path, r.line)
        merged.append(r)
    merged.extend(by_name.values())
    return merged


@lru_cache(maxsize=1)
def default_registry() -> OutletRegistry:
    """The package registry, loaded once per process.

    Examples
    --------
    >>> default_registry() is default_registry()
    True
    >>> default_registry().resolve("lemonde").country
    'FRA'
    """
    return OutletRegistry.load()


# --------------------------------------------------------------------------------------------
# Agency credits
# --------------------------------------------------------------------------------------------


class _AgencyIndex:
    """Spellings of the wire agencies, with the case rule for short ones.

    Short spellings (4 letters or fewer: "AP", "AA", "TT", "Jiji", "WAFA") only match as
    written in the registry, in capitals or in lower case, so "Ani" (a given name) is not ANI
    and "Wafa" is not WAFA, while "dpa", "DPA", "ap" and "AP" all match.
    """

    def __init__(self, agencies: list[Outlet]):
        self.by_key: dict[str, str] = {}
        self.short_forms: dict[str, set[str]] = {}
        multi: list[str] = []
        for o in agencies:
            for spelling in (o.name, *o.aliases):
                k = _key(spelling)
                if not k:
                    continue
                self.by_key.setdefault(k, o.name)
                raw = _letters(spelling)
                if len(k) <= 4:
                    self.short_forms.setdefault(k, set()).update(
                        {raw, raw.upper(), raw.lower()})
                if re.search(r"[\s-]", spelling) and len(spelling) >= 6:
                    multi.append(spelling)
                if spelling.casefold().startswith("the ") and _key(spelling[4:]):
                    self.by_key.setdefault(_key(spelling[4:]), o.name)
        multi.sort(key=len, reverse=True)
        self.multi_re = (re.compile(r"(?<!\w)(?:" + "|".join(re.escape(m) for m in multi)
                                    + r")(?!\w)", re.I) if multi else None)

    def match(self, token: str) -> str | None:
        """Canonical agency for one token ("A.P." -> "AP"), honouring the short-form rule."""
        k = _key(token)
        name = self.by_key.get(k)
        if name is None:
            return None
        forms = self.short_forms.get(k)
        if forms is not None and _letters(token) not in forms:
            return None
        return name

    def search(self, text: str) -> Iterator[str]:
        """Agencies named by a multi-word spelling anywhere in ``text``."""
        if self.multi_re is not None:
            for m in self.multi_re.finditer(text):
                name = self.match(m.group(0))
                if name:
                    yield name


_SPLIT_RE = re.compile(
    r"\s*[/,;&+|()\[\]•·]\s*|\s+(?:and|und|et|y|e|i|with files from|with|mit|avec|con|com|plus)\s+",
    re.I,
)
_INITIALS_RE = re.compile(r"^[^\W\d_]{1,4}$")
_TOKEN_STRIP = " \t.:;-–—*\"'“”„«»"

_DATELINE_RE = re.compile(
    r"^[ \t]*(?P<place>[^\W\d_][^()\n]{0,70}?)?[ \t]*\((?P<credit>[^()\n]{1,60})\)"
    r"\.?[ \t]*(?:-{1,2}|[–—:])"
)
_SLASH_DATELINE_RE = re.compile(
    r"^[ \t]*[^\W\d_][^/\n]{0,70}?[.,][ \t]*/(?P<credit>[^/\n]{2,30})/"
)
_CAPS_DATELINE_RE = re.compile(
    r"^[ \t]*[A-ZÀ-ÞА-ЯІЇЄ][A-ZÀ-ÞА-ЯІЇЄ .'’-]{1,40}\.[ \t]+(?P<credit>[^\W\d_][\w-]{1,25})"
    r"[ \t]*(?:-{1,2}|[–—])[ \t]"
)
_FINAL_PAREN_RE = re.compile(r"[.!?\"”»][ \t]*\((?P<credit>[^()\n]{1,40})\)[ \t]*$")
# a dateline inside a line, as in texts whose paragraphs were joined into one ("... By Jane
# Doe WASHINGTON, Nov 6 (Reuters) - The FBI said"): the place must be in capitals
_INLINE_DATELINE_RE = re.compile(
    r"(?<![\w,(])(?:[A-ZÀ-Þ][A-ZÀ-Þ'’.-]{2,}(?:[ \t]+[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+){0,3})"
    r"(?:,[ \t]*[A-Z][A-Za-z.]{1,12}(?:[ \t]+[A-Z][A-Za-z.]{1,12})?)?"
    r"(?:,[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[a-zé]{3,10}\.?))?"
    r"[ \t]*\((?P<credit>[^()\n]{1,40})\)\.?[ \t]*(?:-{1,2}|[–—])[ \t]"
)
_PAREN_DASH_RE = re.compile(r"\)\.?[ \t]*(?:-|–|—)")
# "... on Friday. — dpa": a dash and agency names close the paragraph
_FINAL_DASH_RE = re.compile(
    r"[.!?\"”»][ \t]+(?:-{1,2}|[–—])[ \t]*(?P<credit>[^\W\d_][^\n—–()]{0,38}?)[ \t]*\.?[ \t]*$")
# Reuters closes its stories with "(Reporting by X; Editing by Y)", its house style
_REUTERS_SIGNOFF_RE = re.compile(
    r"^\((?:additional\s+)?(?:reporting|writing)\s+by\b[^()]*;\s*(?:[^();]*;\s*)*"
    r"editing\s+by\b[^()]*\)\.?$",
    re.I,
)
# "Reuters Staff", "AP staff writer", "AFP wire service": the agency itself
_STAFF_RE = re.compile(r"\s+(?:staff(?:\s+(?:writers?|reporters?))?|wire\s+service|newswire)$",
                       re.I)
_STAFF_ENDINGS = frozenset({"taff", "iter", "ters", "rter", "vice", "wire"})
# URL path sections that hold agency copy (``/wires/pa/``), and path segments that are an
# agency's own section (``/aponline/``, ``/reuters/``); short agency names that are also
# ordinary words or sections (``/spa/``, ``/map/``, ``/pa/``) only count after a wire section
_WIRE_SECTIONS = frozenset({"wires", "wire", "agencies", "agency", "agencias", "agencia",
                            "agenturen", "agenturmeldungen", "agences", "agenzie", "newswire",
                            "newswires"})
_WIRE_PATH_HINT_RE = re.compile(
    r"/(?:wires?|agenc|agentur|agenzie|newswire|ap|aponline|ap-news|reuters|afp|dpa|efe|ansa"
    r"|upi|xinhua|kyodo|bloomberg)", re.I)
_BARE_WIRE_SEGMENTS = {"ap": "AP", "aponline": "AP", "ap-news": "AP", "reuters": "Reuters",
                       "afp": "AFP", "dpa": "dpa", "efe": "EFE", "ansa": "ANSA", "upi": "UPI",
                       "xinhua": "Xinhua", "kyodo": "Kyodo", "bloomberg": "Bloomberg"}
_SKIP_LINE_RE = re.compile(
    r"^[ \t]*[(\[]?(?:photos?|foto(?:s|grafie)?|fotó|image|images|bild|bilder|pictures?|pictured"
    r"|video|grafik|graphic|illustration|caption|credit|karte|map|zdjęcie|фото)\b",
    re.I,
)
_LEAD_RE = re.compile(
    r"^(?:"
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
    r"|(?:with|mit|avec|con|com)\s+(?:additional\s+)?"
    r"(?:(?:reporting|files|material|informations?|información|informações|agency\s+material"
    r"|agenturmaterial|wire\s+services?|dépêches?)\s+)?"
    r"(?:(?:from|by|von|de|des|der|da|dall[ae]?|d')\s*)?(?:l'|la\s+|el\s+|the\s+)?"
    r"|(?:additional\s+)?(?:reporting|writing)\s+by\s+"
    r"|(?:source|sources|quelle|quellen|fuente|fuentes|fonte|fonti|bron|agencies|agenturen"
    r"|agences|material)\s*:\s*"
    r")",
    re.I,
)
_BYLINE_RE = re.compile(r"^(?:by|par|von|por|di|door)\s+", re.I)
_TRAIL_RE = re.compile(
    r"(?:\s+contributed(?:\s+to)?(?:\s+(?:this|the))?(?:\s+(?:report|reporting|story|article))?"
    r"(?:\s+from\s+[^\n]{1,60})?)?\s*\.?\s*(?:all rights reserved\.?)?$",
    re.I,
)
_IN_PLACE_RE = re.compile(r"\s+in\s+[A-Z][\w .'’-]{1,40}$")
_WRITER_RE = re.compile(
    r"(?:^|(?<=[.!?] ))(?:the\s+)?(?P<a>[^\W\d_][\w .&-]{1,40}?)\s+(?:staff\s+)?"
    r"(?:writers?|reporters?"
    r"|correspondents?|journalists?)\s+[^\n]{1,200}?\bcontributed\b",
    re.I,
)
_THIS_STORY_RE = re.compile(
    r"\b(?:supplemented|adapted|updated|expanded|edited)\s+this\s+(?P<a>[^\W\d_][\w.-]*"
    r"(?:\s+[^\W\d_][\w.-]*){0,3}?)\s+(?:article|story|report|dispatch)\b"
    r"|^(?:this|the)\s+(?:article|story|report)\s+(?:was|is|has\s+been)\s+"
    r"(?:originally\s+|first\s+)?"
    r"(?:published|produced|written|provided|distributed|supplied)\s+by\s+(?:the\s+)?"
    r"(?P<b>[^\W\d_][\w.-]*(?:\s+[^\W\d_][\w.-]*){0,3}?)\s*\.?$",
    re.I,
)


class _CreditReader:
    def __init__(self, registry: OutletRegistry):
        self.reg = registry
        # a line's credits depend on the line, its place and the (unchanging) registry only:
        # boilerplate and wire-copy lines recur across a corpus
        self._lines: dict[tuple[str, bool], list[str]] = {}

    def tokens(self, s: str) -> list[str]:
        out = []
        for t in _SPLIT_RE.split(s):
            t = t.strip(_TOKEN_STRIP)
            if t[-4:].lower() in _STAFF_ENDINGS:
                t = _STAFF_RE.sub("", t).strip(_TOKEN_STRIP)
            if t:
                out.append(t)
        return out

    def author(self, byline: str) -> list[str]:
        """Agencies of a byline field, or of one name in a list of them, that is nothing but
        agencies ("By AFP", "AP"; "Associated Press; Jane Doe" from ``authors`` lists)."""
        found: list[str] = []
        for name in byline.split(";"):
            for agency in self.strict(_BYLINE_RE.sub("", name.strip(), count=1)) or []:
                if agency not in found:
                    found.append(agency)
        return found

    def url(self, url: str) -> list[str]:
        """Agencies credited by a wire section of the URL's path."""
        if not _WIRE_PATH_HINT_RE.search(url):
            return []
        try:
            path = urlsplit(url.strip()).path
        except ValueError:
            return []
        segments = [unquote(x).strip().lower() for x in path.split("/")]
        found: list[str] = []
        for i, seg in enumerate(segments[:-1] if len(segments) > 2 else segments):
            if seg in _BARE_WIRE_SEGMENTS:
                name = self.reg.match_agency(_BARE_WIRE_SEGMENTS[seg])
            elif i > 0 and segments[i - 1] in _WIRE_SECTIONS:
                name = self.reg.match_agency(seg)
            else:
                continue
            if name:
                found.append(name)
        return found

    def neutral(self, token: str) -> bool:
        """Editor initials, "agencies", or the publishing outlet itself: allowed beside credits."""
        if _INITIALS_RE.match(token) or _key(token) in _NEUTRAL_WORDS:
            return True
        return len(token) <= 60 and self.reg.resolve(token) is not None

    def strict(self, s: str) -> list[str] | None:
        """Agencies when ``s`` is nothing but a credit list, else None."""
        found: list[str] = []
        for t in self.tokens(s):
            name = self.reg.match_agency(t)
            if name is not None:
                found.append(name)
            elif not self.neutral(t):
                return None
        return found or None

    def lenient(self, s: str) -> list[str]:
        """Agencies in an explicit credit field; names and other words around them are fine."""
        found: list[str] = []
        for t in self.tokens(s):
            name = self.reg.match_agency(t)
            if name is not None:
                found.append(name)
                continue
            found.extend(self.reg.search_agencies(t))
            for word in t.split():
                w = word.strip(_TOKEN_STRIP)
                name = self.reg.match_agency(w)
                if name and (len(_key(w)) >= 6 or (w.isupper() and len(w) >= 2)):
                    found.append(name)
        return found

    def credit_line(self, line: str, *, edge: bool = True) -> list[str] | None:
        """Agencies credited by a whole line ("sol / dpa / AFP / Reuters", "— AP", ...).

        A *bare* line (agency names and nothing else: "ASSOCIATED PRESS.") counts only at
        the ``edge`` of an article (first two or last three lines); in the middle it is
        the credit of a photo whose caption was lost.
        """
        bare = line.strip().rstrip(".").strip()
        s = line.strip().lstrip("-–—•*> \t").strip()
        if not s or len(s) > 160:
            return None
        if not edge and s.rstrip(".").strip() == bare and all(
                self.reg.match_agency(t) for t in self.tokens(bare)):
            return None
        if s.startswith("(") and s.endswith((")", ").")):
            s = s.rstrip(".")[1:-1]
        m = _WRITER_RE.match(s)
        if m:
            name = self.reg.match_agency(m["a"])
            return [name] if name else None
        s = _LEAD_RE.sub("", s, count=1)
        s = _TRAIL_RE.sub("", s, count=1)
        if len(s) <= 60:
            s = _IN_PLACE_RE.sub("", s, count=1)
        if _BYLINE_RE.match(s):
            rest = _BYLINE_RE.sub("", s, count=1)
            found = self.strict(rest)
            if found is None:  # "By Jane Doe, Associated Press"
                toks = self.tokens(rest)
                last = self.reg.match_agency(toks[-1]) if toks else None
                found = [last] if last else None
            return found
        return self.strict(s)

    def line(self, line: str, *, edge: bool = True) -> list[str]:
        if len(line) > 2000:
            return self._line(line, edge=edge)
        got = self._lines.get((line, edge))
        if got is None:
            if len(self._lines) >= 50_000:
                self._lines.clear()
            got = self._lines[line, edge] = self._line(line, edge=edge)
        return list(got)

    def _line(self, line: str, *, edge: bool = True) -> list[str]:
        if _SKIP_LINE_RE.match(line):
            return []
        head = line[:200]
        found: list[str] = []
        m = _DATELINE_RE.match(head)
        if m and _plausible_place(m["place"]):
            found += self.strict(m["credit"]) or []
        if not found:
            m = _SLASH_DATELINE_RE.match(head) or _CAPS_DATELINE_RE.match(head)
            if m:
                found += self.strict(m["credit"]) or []
        if not found and len(line) > 200 and _PAREN_DASH_RE.search(line, 0, 800):
            m = _INLINE_DATELINE_RE.search(line, 0, 800)
            if m:
                found += self.strict(m["credit"]) or []
        if not found and len(line) <= 160:
            found += self.credit_line(line, edge=edge) or []
        if not found and "contributed" in line:
            for m in _WRITER_RE.finditer(line):
                name = self.reg.match_agency(m["a"])
                if name:
                    found.append(name)
        if not found:
            m = _FINAL_PAREN_RE.search(line[-60:]) or _FINAL_DASH_RE.search(line[-60:])
            if m:
                found += self.strict(m["credit"]) or []
        if not found and edge and _REUTERS_SIGNOFF_RE.match(line.strip()):
            name = self.reg.match_agency("Reuters")
            if name:
                found.append(name)
        m = _THIS_STORY_RE.search(line) if ("this" in line or "This" in line) else None
        if m:
            name = self.reg.match_agency(m["a"] or m["b"])
            if name:
                found.append(name)
        return found


_HAT_TIP = re.compile(r"\s*(?:h/t|h\.t\.|hat[\s-]tip)\b", re.IGNORECASE)


def _hat_tip(credit: object) -> bool:
    """A credit field that is a hat tip ("h/t: Reuters"): thanks for the lead, not wire copy."""
    return _HAT_TIP.match(str(credit)) is not None


def _plausible_place(place: str | None) -> bool:
    """A dateline place: 'MOSCOW', 'BERLIN, Jan 7', 'TRENTON, N.J.'; not a sentence."""
    if place is None:
        return True
    p = place.strip()
    return (not p or (p[0].isupper() and len(p.split()) <= 8
                      and not any(c in p for c in "\"“”!?;")))


@lru_cache(maxsize=8)
def _reader(registry: OutletRegistry) -> _CreditReader:
    return _CreditReader(registry)


def find_wires(text: str | None, *, credit: str | None = None, author: str | None = None,
               url: str | None = None, registry: OutletRegistry | None = None) -> list[str]:
    """Wire agencies credited in an article, by canonical name.

    Reads an explicit ``credit`` field first ("AP", "dpa/AFP", "By Jane Doe, Associated
    Press"), the ``author`` byline and the ``url``, then the text line by line: datelines
    ("MOSCOW (Reuters) —", "BERLIN, Jan 7 (AFP) -", "(AP) —", "Berlin (dpa) -", "MADRID, 3 nov
    (EFE).-", "LONDON (Thomson Reuters Foundation) -", "MOSCOW, January 7. /TASS/."), also
    inside a paragraph when the place is in capitals ("... By Jane Doe WASHINGTON, Nov 6
    (Reuters) - ..."), credit lines ("sol / dpa / AFP / Reuters", "dr/rc (AFP, Reuters,
    dpa)", "(AFP)", "With Reuters", "— Associated Press", "With files from The Canadian
    Press", "Reuters in Moscow", "By Reuters Staff"), a credit closing a paragraph ("... on
    Friday. (dpa)", "... on Friday. — dpa"), contributor notes ("Associated Press writer Jane
    Doe contributed to this report") and Reuters' closing "(Reporting by ...; Editing by ...)".

    Mentions are not credits: "Peskov told Reuters", "according to the official Xinhua news
    agency", "a Reuters/Ipsos poll", headlines such as "AP: ..." and photo credits
    ("Photo: imago images / Xinhua", "Carlos Barria / Reuters") give nothing. A line that is
    nothing but an agency name ("ASSOCIATED PRESS.") counts only among the first two or last
    three lines; in mid-article it is taken for the credit of a photo.

    Parameters
    ----------
    text : str
        Article text (lines separated by newlines).
    credit : str, optional
        A credit field from the source's metadata ("dpa/AFP", "By Jane Doe, Associated
        Press"); agencies named anywhere in it count. A hat tip ("h/t: Reuters") thanks an
        outlet for the lead and credits nothing.
    author : str, optional
        The byline field. It credits agencies only when it is nothing but agencies ("AP",
        "By AFP", "Reuters Staff", "THE ASSOCIATED PRESS"); "PAP; Rafał Guz" credits nothing.
    url : str, optional
        The article's address. A wire section of the path credits its agency:
        ``/wires/afp/``, ``/wires/pa/``, ``/aponline/``, or a segment that is exactly ``ap``,
        ``reuters``, ``afp``, ``dpa``, ``efe``, ``ansa`` or ``upi``; not ``/spa/`` or ``/map/``.
    registry : OutletRegistry, optional
        Defaults to :func:`default_registry`.

    Returns
    -------
    list of str
        Canonical agency names in order of first appearance (credit, author, URL, then the
        text), each once.
        Runs in time linear in the length of ``text``.

    Examples
    --------
    >>> find_wires("ALMATY (Reuters) - Troops fired on crowds.\\n\\nsol / dpa / AFP")
    ['Reuters', 'dpa', 'AFP']
    >>> find_wires("Kremlin spokesman Dmitry Peskov told Reuters the talks would go on.")
    []
    >>> find_wires("Troops fired on crowds.", credit="dpa/AFP")
    ['dpa', 'AFP']
    >>> find_wires("Five were trapped.", url="https://www.dailymail.co.uk/wires/pa/article-1.html")
    ['PA Media']
    """
    reader = _reader(registry if registry is not None else default_registry())
    found: list[str] = []
    if _present(credit) and not _hat_tip(credit):
        found += reader.lenient(str(credit))
    if _present(author):
        found += reader.author(str(author))
    url = _original_url(url)
    if url is not None:
        found += reader.url(url)
    if text:
        for _line, _text, agencies in wire_credit_lines(text, registry=registry):
            found += agencies
    return list(dict.fromkeys(found))


def wire_credit_lines(text: str | None, *, registry: OutletRegistry | None = None
                      ) -> list[tuple[int, str, list[str]]]:
    """The lines of ``text`` that credit wire agencies, to show where :func:`find_wires` looked.

    Returns
    -------
    list of (int, str, list of str)
        For each crediting line: its 1-based line number in ``text``, the line, and the
        agencies it credits.

    Examples
    --------
    >>> text = "MOSCOW (Reuters) - Talks began.\\n\\nPeskov told AFP the talks would go on."
    >>> wire_credit_lines(text)
    [(1, 'MOSCOW (Reuters) - Talks began.', ['Reuters'])]
    """
    if not text:
        return []
    reader = _reader(registry if registry is not None else default_registry())
    numbered = [(n, line) for n, line in enumerate(str(text).splitlines(), start=1)
                if line.strip()]
    last = len(numbered) - 3
    out = []
    for i, (n, line) in enumerate(numbered):
        agencies = reader.line(line, edge=i < 2 or i >= last)
        if agencies:
            out.append((n, line, agencies))
    return out


# --------------------------------------------------------------------------------------------
# Aggregator credits
# --------------------------------------------------------------------------------------------

_SOURCE_RE = re.compile(
    r"^[ \t]*(?:source|sources|quelle|fuente|fonte|originally published (?:by|at|in|on)"
    r"|original source|source originale|via)[ \t]*:[ \t]*(?P<v>[^\n]{1,80}?)[ \t]*$",
    re.I | re.M,
)


def find_outlet_credit(text: str | None, *, registry: OutletRegistry | None = None
                       ) -> tuple[str | None, tuple[int, int] | None]:
    """The outlet an aggregator credits ("Source: spiegel"), and where the credit line is.

    Aggregators such as The Limited Times end a republished article with a line naming the
    original outlet, often as a slug or a domain. The last such line whose value the registry
    knows wins; failing that, the last short one (at most four words) is returned as given.

    Returns
    -------
    (str or None, (int, int) or None)
        The canonical outlet name (or the credited name as given when unknown) and the
        ``(start, end)`` character span of the credit line in ``text``; ``(None, None)`` when
        there is no credit line.

    Examples
    --------
    >>> text = "Troops were deployed.\\n\\nsol / dpa / AFP\\n\\nSource: spiegel\\n"
    >>> name, (start, end) = find_outlet_credit(text)
    >>> name, text[start:end]
    ('Der Spiegel', 'Source: spiegel')
    """
    if not text:
        return None, None
    reg = registry if registry is not None else default_registry()
    fallback: tuple[str, tuple[int, int]] | None = None
    best: tuple[str, tuple[int, int]] | None = None
    for m in _SOURCE_RE.finditer(text):
        value = m["v"].strip().rstrip(".")
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        span = (start, m.end())
        outlet = reg.resolve(value)
        if outlet is not None:
            best = (outlet.name, span)
        elif len(value.split()) <= 4:
            fallback = (value, span)
    hit = best or fallback
    return (hit[0], hit[1]) if hit else (None, None)


# --------------------------------------------------------------------------------------------
# Naming the outlet of one article: registry, then metadata, then the domain
# --------------------------------------------------------------------------------------------


# second-level labels under a country code that are not a publisher's name (bbc.co.uk)
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "gob", "ac", "edu", "or", "ne",
                           "go", "nic", "info", "web", "mil", "news", "in", "nom", "ltd", "plc",
                           "biz"})
# country codes sold worldwide as generic names: they say nothing about the newsroom
_GENERIC_CC = frozenset({"io", "co", "tv", "me", "fm", "ai", "ly", "cc", "ws", "to", "gg", "sh",
                         "la", "nu", "tk", "ag", "vc", "so", "eu"})
_CC_OVERRIDES = {"uk": "GBR"}
_NAME_WORDS_RE = re.compile(r"[-_]+")


@dataclass(frozen=True)
class OutletTag:
    """The outlet of one article, as :func:`identify_outlet` names it.

    Attributes
    ----------
    name : str or None
        Canonical name (registry), the publisher's own name (metadata) or a name made from the
        web domain ("Express" for ``express.co.uk``). None only when the article gives no
        name, URL or domain at all.
    country, language : str or None
        ISO 3166-1 alpha-3 and ISO 639-1 codes. From the registry; otherwise what the source
        said, or for the country the domain's country code (``.fr`` -> FRA; ``.com`` says
        nothing).
    source : str or None
        One of :data:`OUTLET_SOURCES`: ``"registry"``, ``"metadata"`` or ``"domain"``.
    """

    name: str | None
    country: str | None = None
    language: str | None = None
    source: str | None = None


def domain_outlet(value: str | None) -> OutletTag | None:
    """A readable outlet name and country made from a web domain or URL alone.

    The publisher's label of the domain is taken (``www.``, ``m.`` and other host prefixes
    and second-level labels such as ``co.uk`` are skipped) and capitalised; hyphens become
    spaces. The country comes from the country-code top-level domain (``.co.uk`` -> GBR,
    ``.fr`` -> FRA); generic ones (``.com``, ``.org``, ``.io``, ``.tv``) give none.

    Examples
    --------
    >>> domain_outlet("https://www.express.co.uk/news/world/1")
    OutletTag(name='Express', country='GBR', language=None, source='domain')
    >>> domain_outlet("www.la-gazette.fr").name, domain_outlet("nypost.com").country
    ('La Gazette', None)
    >>> domain_outlet("Korvany Courier") is None
    True
    """
    if not _present(value):
        return None
    hp = _host(str(value).strip())
    if hp is None:
        return None
    labels = [x for x in hp[0].split(".") if x]
    if labels and labels[0] in ("www", "www1", "www2", "www3", "m", "amp", "mobile"):
        labels = labels[1:]
    if len(labels) < 2:
        return None
    tld = labels[-1]
    i = len(labels) - 2
    if len(tld) == 2 and labels[i] in _SECOND_LEVEL and i > 0:
        i -= 1
    label = labels[i]
    words = [w for w in _NAME_WORDS_RE.split(label) if w]
    if not words:
        return None
    name = " ".join(w[:1].upper() + w[1:] for w in words)
    country = None
    if len(tld) == 2 and (tld not in _GENERIC_CC or i < len(labels) - 2):
        country = _CC_OVERRIDES.get(tld) or _iso()[2].get(tld.upper())
    return OutletTag(name, country, None, "domain")


# site names that are a section or edition of the site, not its name (Reuters' og:site_name
# was "U.S."): the domain names such a site better
_SECTION_NAMES = frozenset(_key(w) for w in (
    "home", "homepage", "news", "latest news", "breaking news", "top stories", "startseite",
    "nachrichten", "accueil", "actualités", "inicio", "portada", "noticias", "notizie", "u.s.",
    "us", "uk", "world", "world news", "politics", "business", "sport", "sports", "opinion",
    "international", "edition", "online", "web", "live", "video", "article", "articles"))


def _metadata_name(value: object) -> str | None:
    """A publisher name given by the source, tidied; None for blanks, domains, URLs and
    section names ("Home", "U.S.")."""
    if not _present(value):
        return None
    name = " ".join(str(value).split())
    if _host(name) is not None or name.casefold().startswith("www"):
        return None
    key = _key(name)
    if len(key) < 2 or key in _SECTION_NAMES:
        return None
    return name


def identify_outlet(name: object = None, *, url: object = None, hostname: object = None,
                    text: str | None = None, country: object = None, language: object = None,
                    registry: OutletRegistry | None = None) -> OutletTag:
    """Name the outlet of one article, with its country wherever it can be known.

    The one rule the loader and :func:`tag_articles` share:

    1. **registry**: the outlet the registry knows by the article's URL, by the given
       ``name`` (publisher field, site name, slug, domain), by its ``hostname``, or by an
       aggregator's credit line in the text ("Source: spiegel"). A URL on a registered site
       wins over a name that points elsewhere, except on an aggregator's site, where the name
       says whose story it is;
    2. **metadata**: otherwise the publisher's name as the source gives it ("Korvany
       Courier"), with the ``country`` and ``language`` given beside it, else the country of
       the URL's domain;
    3. **domain**: otherwise a name made from the domain (see :func:`domain_outlet`):
       ``www.express.co.uk`` -> "Express" (GBR). A bare domain or ``www.`` name never
       becomes an outlet name as it is.

    Examples
    --------
    >>> identify_outlet("thesun")
    OutletTag(name='The Sun', country='GBR', language='en', source='registry')
    >>> identify_outlet("Korvany Courier", url="https://korvany-courier.ee/a/1")
    OutletTag(name='Korvany Courier', country='EST', language=None, source='metadata')
    >>> identify_outlet("www.korvany-courier.com")
    OutletTag(name='Korvany Courier', country=None, language=None, source='domain')
    """
    reg = registry if registry is not None else default_registry()
    given = name if _present(name) else None
    url = _original_url(url)
    hostname = _original_url(hostname)
    by_url = reg.resolve(url) if _present(url) else None
    by_name = reg.resolve(given) if given is not None else None
    outlet = by_name
    if by_url is not None and (by_name is None or by_url.kind != "aggregator"):
        outlet = by_url
    if outlet is None and _present(hostname):
        outlet = reg.resolve(hostname)
    credited = None
    if (outlet is None or outlet.kind == "aggregator") and given is None and text:
        # an aggregator's page, or a page with no publisher: "Source: spiegel" names it
        credited, _span = find_outlet_credit(text, registry=reg)
        if credited:
            outlet = reg.resolve(credited)
    if outlet is not None:
        return OutletTag(outlet.name, outlet.country, outlet.language, "registry")
    from_domain = None
    # a credited outlet is not the aggregator whose address the page has
    for value in ((credited,) if credited else (url, hostname, given)):
        from_domain = domain_outlet(value) if _present(value) else None
        if from_domain is not None:
            break
    meta = _metadata_name(credited) or _metadata_name(given)
    if meta is not None:
        c = str(country).strip().upper() if _present(country) else (
            from_domain.country if from_domain else None)
        lang = str(language).strip().lower() if _present(language) else None
        return OutletTag(meta, c, lang, "metadata")
    if from_domain is not None:
        if _present(country):
            from_domain = OutletTag(from_domain.name, str(country).strip().upper(), None,
                                    "domain")
        return from_domain
    return OutletTag(None)


# --------------------------------------------------------------------------------------------
# Tagging a table
# --------------------------------------------------------------------------------------------


def outlet_name(value: object, *, registry: OutletRegistry | None = None) -> str | None:
    """A name for an outlet given as a name, slug, domain or URL (e.g. an aggregator column).

    The registry's canonical name, else a name made from a domain, else the name tidied.

    Examples
    --------
    >>> outlet_name("newsrnd.com"), outlet_name("www.korvany-news.co.uk"), outlet_name(" Korvany ")
    ('The Limited Times', 'Korvany News', 'Korvany')
    """
    if not _present(value):
        return None
    reg = registry if registry is not None else default_registry()
    o = reg.resolve(value)
    if o is not None:
        return o.name
    d = domain_outlet(value)
    return d.name if d is not None else _metadata_name(value)


@dataclass(frozen=True)
class ArticleTags:
    """Outlet and wire tags of one article (see :func:`tag_record`)."""

    outlet: str | None
    outlet_country: str | None
    outlet_language: str | None
    outlet_source: str | None
    wires: list[str]


def tag_record(*, text: str | None, outlet: object = None, url: object = None,
               hostname: object = None, credit: object = None, author: object = None,
               wires: object = None, outlet_country: object = None,
               outlet_language: object = None, format: object = None,
               registry: OutletRegistry | None = None) -> ArticleTags:
    """Outlet, its country, language and provenance, and the credited wires of one article.

    The single place where articles are tagged: the loader calls it for every record and
    :func:`tag_articles` for every row. The outlet follows :func:`identify_outlet`; wires
    are those already given (``wires``, a list or a "dpa / AFP" string), an agency given as
    the publisher of a page on another outlet's site, then :func:`find_wires` over the
    ``credit`` field, the ``author`` byline, the ``url`` and the text. The byline of an
    HTML page (``format="html"``) is not read as a credit: it is the extractor's guess and can
    be a photo credit ("PAP/ Jan Kowal" beside the picture).

    Examples
    --------
    >>> tags = tag_record(text="Five were trapped.", outlet="dailymail",
    ...                   url="http://www.dailymail.co.uk/wires/pa/article-1/x.html")
    >>> tags.outlet, tags.outlet_country, tags.outlet_source, tags.wires
    ('Daily Mail', 'GBR', 'registry', ['PA Media'])
    """
    reg = registry if registry is not None else default_registry()
    tag = identify_outlet(outlet, url=url, hostname=hostname, text=text,
                          country=outlet_country, language=outlet_language, registry=reg)
    parts = []
    if isinstance(wires, str):
        parts.append(wires)
    elif wires is not None and not isinstance(wires, float) and hasattr(wires, "__iter__"):
        parts.append(" / ".join(str(w) for w in wires if _present(w)))
    if _present(credit) and not _hat_tip(credit):
        parts.append(str(credit))
    named = reg.resolve(outlet) if _present(outlet) else None
    if named is not None and named.is_agency and named.name != tag.name:
        parts.append(named.name)  # publisher field "Reuters" on a newspaper's page
    given = " / ".join(x for x in parts if x.strip())
    found = find_wires(text if _present(text) else None, credit=given or None,
                       author=author if _present(author) and format != "html" else None,
                       url=url if _present(url) else None, registry=reg)
    return ArticleTags(tag.name, tag.country, tag.language, tag.source, found)


def tag_articles(articles: pd.DataFrame, *, registry: OutletRegistry | None = None
                 ) -> pd.DataFrame:
    """Canonical outlet, its country, language and provenance, and the credited wires.

    Every row goes through :func:`tag_record`, the same function the loader uses, so a
    table tagged here and the same articles loaded from files get the same outlets and
    wires.

    Parameters
    ----------
    articles : DataFrame
        ARTICLES-like table (see :mod:`coverage_kit.schema`); needs ``text`` and at least one
        of ``outlet`` and ``url``. ``hostname``, ``credit``, ``author``, ``wires``,
        ``outlet_country``, ``outlet_language`` and ``format`` are used when present.
    registry : OutletRegistry, optional
        Defaults to :func:`default_registry`.

    Returns
    -------
    DataFrame
        A copy with ``outlet`` (an ordered categorical sorted by name), ``outlet_country``,
        ``outlet_language``, ``outlet_source`` (``"registry"``, ``"metadata"`` or
        ``"domain"``, see :func:`identify_outlet`) and ``wires`` (lists; wires already in the
        table come first). When every ARTICLES column is present the result is conformed to
        that schema.

    Examples
    --------
    >>> df = pd.DataFrame({"outlet": ["spiegel", "Korvany Courier", None],
    ...                    "url": [None, None, "https://www.lemonde.fr/x"],
    ...                    "text": ["BERLIN (dpa) - Die Regierung ...", "Troops left.",
    ...                             "PARIS (AFP) - Le gouvernement ..."]})
    >>> tagged = tag_articles(df)
    >>> tagged[["outlet", "outlet_country", "outlet_source", "wires"]].values.tolist()
    [['Der Spiegel', 'DEU', 'registry', ['dpa']], ['Korvany Courier', <NA>, 'metadata', []], \
['Le Monde', 'FRA', 'registry', ['AFP']]]
    """
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(f"tag_articles expects a DataFrame, got {type(articles).__name__}")
    if "text" not in articles.columns or not ({"outlet", "url"} & set(articles.columns)):
        have = ", ".join(repr(c) for c in articles.columns) or "no columns"
        raise SchemaError(f"articles needs a 'text' column and an 'outlet' or 'url' column; "
                          f"it has: {have}")
    reg = registry if registry is not None else default_registry()
    df = articles.copy()
    n = len(df)
    cols = {c: _column(df, c, n) for c in ("outlet", "url", "hostname", "credit", "author",
                                             "wires", "outlet_country", "outlet_language",
                                             "format")}
    tags = [tag_record(text=text, registry=reg, **dict(zip(cols, values)))
            for text, *values in zip(df["text"], *cols.values())]
    outlets = [t.outlet for t in tags]
    categories = sorted({o for o in outlets if o is not None}, key=lambda s: (s.casefold(), s))
    df["outlet"] = pd.Categorical(outlets, categories=categories, ordered=True)
    df["outlet_country"] = pd.array([t.outlet_country for t in tags], dtype="string")
    df["outlet_language"] = pd.array([t.outlet_language for t in tags], dtype="string")
    df["outlet_source"] = pd.Categorical([t.outlet_source for t in tags],
                                         categories=list(OUTLET_SOURCES))
    df["wires"] = pd.Series([t.wires for t in tags], index=df.index, dtype="object")
    if "aggregator" in df.columns:
        df["aggregator"] = pd.array([outlet_name(a, registry=reg) for a in df["aggregator"]],
                                    dtype="string")
    if all(c in df.columns for c in ARTICLES):
        return conform(df, ARTICLES, name="articles")
    return df


def _column(df: pd.DataFrame, col: str, n: int) -> list:
    return df[col].tolist() if col in df.columns else [None] * n


def _present(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):
        return True
