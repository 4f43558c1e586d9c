"""Publication dates: many spellings in, one tz-aware UTC timestamp and its precision out.

News sources write dates in dozens of ways: ISO 8601 in page metadata (sometimes in the basic
format, ``20180619T055000+0900``), RFC 2822 in feeds, and newspaper forms in bylines
(``Jan. 7, 2022``, ``7. Januar 2022``, ``07.01.2022``, ``Tue Jan 28 15:28:56 CET 2020``).
:func:`parse_date` reads all of these and refuses, with a message, everything it would have
to guess: relative dates ("yesterday", "2 hours ago"), two-digit years, ``03/04/2022``
(3 April or March 4?), ambiguous time-zone abbreviations ("CST", "IST") and dates without a
year.

Each result carries a *precision*: ``"timestamp"`` when a time of day was given, ``"date"``
when only the day was (stored as 00:00 UTC of that day). Coverage timelines use it to avoid
putting date-only articles at midnight on an hourly axis.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd

__all__ = ["DateError", "Published", "parse_date", "parse_published", "TZ_ABBREVIATIONS",
           "AMBIGUOUS_TZ"]

UTC = timezone.utc
PRECISIONS = ("timestamp", "date")


class DateError(ValueError):
    """A value that is not a date we can read without guessing.

    The message quotes the value and says what was wrong, for example
    ``relative date "yesterday"; give an absolute date such as 2022-01-07``.
    The loader turns it into a ``bad_date`` reject that names the file and line.
    """


# --------------------------------------------------------------------------------------------
# Time zones
# --------------------------------------------------------------------------------------------

#: Time-zone abbreviations seen in news datelines and metadata, as a fixed UTC offset in
#: minutes or an IANA zone name (for "ET"/"PT" style labels whose offset depends on the date).
TZ_ABBREVIATIONS: dict[str, int | str] = {
    "Z": 0, "UT": 0, "UTC": 0, "GMT": 0, "WET": 0, "WEZ": 0,
    "BST": 60, "CET": 60, "MEZ": 60, "WEST": 60, "WAT": 60,
    "CEST": 120, "MESZ": 120, "EET": 120, "OEZ": 120, "CAT": 120, "SAST": 120,
    "EEST": 180, "OESZ": 180, "MSK": 180, "EAT": 180, "TRT": 180,
    "GST": 240, "PKT": 300, "WIB": 420, "ICT": 420,
    "HKT": 480, "SGT": 480, "AWST": 480, "PHT": 480,
    "JST": 540, "KST": 540, "ACST": 570, "AEST": 600, "AEDT": 660,
    "NZST": 720, "NZDT": 780,
    "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600,
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}

#: Abbreviations that name several zones; we refuse them instead of picking one.
AMBIGUOUS_TZ: dict[str, str] = {
    "CST": "US Central (UTC-6), China (UTC+8) or Cuba (UTC-5)",
    "IST": "India (UTC+5:30), Ireland (UTC+1) or Israel (UTC+2)",
    "AST": "Atlantic (UTC-4) or Arabia (UTC+3)",
    "ADT": "Atlantic (UTC-3) or Arabia daylight",
    "ECT": "Ecuador (UTC-5) or Eastern Caribbean (UTC-4)",
}


@lru_cache(maxsize=1024)  # the tz database has about 600 zones: keep them all once read
def _zone(name: str) -> tzinfo:
    if name.upper() in ("UTC", "Z", "GMT"):
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise DateError(f'unknown time zone "{name}"; use an IANA name such as '
                        '"Europe/Berlin" or "UTC"') from exc


def _tz_from_text(tz: str, value: str, extra: Mapping[str, int | str] | None) -> tzinfo:
    """Turn ``Z``, ``+0100``, ``+01:00``, ``GMT+1``, ``UTC-05:00`` or ``CET`` into a tzinfo."""
    t = tz.strip()
    m = _OFFSET_RE.fullmatch(t)
    if m:
        sign = -1 if m["sign"] in "-\u2212" else 1
        hours = int(m["h"])
        minutes = int(m["m"] or 0)
        if hours > 14 or minutes > 59 or (hours == 14 and minutes):
            raise DateError(_offset_message(value))
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    key = t.upper().rstrip(".")
    t = key
    table = TZ_ABBREVIATIONS
    if extra:
        table = {**TZ_ABBREVIATIONS, **{k.upper(): v for k, v in extra.items()}}
    elif key in AMBIGUOUS_TZ:
        raise DateError(
            f'ambiguous time-zone abbreviation "{t}" in "{value}" (could be '
            f"{AMBIGUOUS_TZ[key]}); give a UTC offset or pass tz_abbreviations={{'{key}': ...}}"
        )
    if key not in table:
        raise DateError(f'unknown time-zone abbreviation "{t}" in "{value}"; give a UTC offset '
                        "such as +01:00 or pass tz_abbreviations=")
    off = table[key]
    if isinstance(off, str):
        return _zone(off)
    return timezone(timedelta(minutes=off))


_OFFSET_RE = re.compile(
    r"(?:(?:GMT|UTC|UT)\s*)?(?P<sign>[+\-\u2212])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?", re.I
)

# --------------------------------------------------------------------------------------------
# Month and weekday names
# --------------------------------------------------------------------------------------------

_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    # English, German, French, Spanish, Italian, Portuguese, Dutch, Polish (incl. genitive)
    1: ("january", "jan", "januar", "janner", "jaenner", "janvier", "janv", "enero", "ene",
        "gennaio", "gen", "janeiro", "januari", "styczen", "stycznia", "sty"),
    2: ("february", "feb", "februar", "feber", "fevrier", "fevr", "fev", "febrero", "febbraio",
        "fevereiro", "februari", "luty", "lutego", "lut"),
    3: ("march", "mar", "marz", "maerz", "mars", "marzo", "marco", "maart", "mrt", "marca",
        "marzec"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecien", "kwietnia",
        "kwi"),
    5: ("may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwiec",
        "czerwca", "cze"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipiec",
        "lipca", "lip"),
    8: ("august", "aug", "aout", "agosto", "ago", "augustus", "sierpien", "sierpnia", "sie"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set",
        "setembro", "wrzesien", "wrzesnia", "wrz"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott",
         "outubro", "out", "pazdziernik", "pazdziernika", "paz"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopada",
         "lis"),
    12: ("december", "dec", "dezember", "dez", "decembre", "diciembre", "dic", "dicembre",
         "dezembro", "grudzien", "grudnia", "gru"),
}
_MONTHS: dict[str, int] = {name: num for num, names in _MONTH_NAMES.items() for name in names}

_WEEKDAYS = (
    "monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat"
    "|sunday|sun|montag|mo|dienstag|di|mittwoch|mi|donnerstag|do|freitag|fr|samstag|sonnabend"
    "|sa|sonntag|so|lundi|lun|mardi|mar|mercredi|mer|jeudi|jeu|vendredi|ven|samedi|sam"
    "|dimanche|dim|lunes|martes|miercoles|jueves|viernes|sabado|domingo|lunedi|martedi"
    "|mercoledi|giovedi|venerdi|domenica"
)


def _fold(s: str) -> str:
    """Lower-case and strip accents: 'Février' -> 'fevrier', 'März' -> 'marz'."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("ł", "l")


# --------------------------------------------------------------------------------------------
# Patterns (applied to the accent-folded, lower-cased value)
# --------------------------------------------------------------------------------------------

_ISO_RE = re.compile(
    r"\d{4}(?:-\d{2}-\d{2}|\d{4})"
    r"(?:[T ]\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d{1,9})?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)

# Labels printed before visible dates ("Stand: 28.04.2020 18:00 Uhr", "Publikacja: 04.05.2021"),
# matched on the accent-folded lower-case text.
_LABEL_RE = re.compile(
    r"^(?:(?:first\s+)?published(?:\s+on)?|(?:last\s+)?updated(?:\s+on)?|posted(?:\s+on)?"
    r"|date|dated|stand|datum|veroffentlicht(?:\s+am)?|aktualisiert(?:\s+am)?|erschienen(?:\s+am)?"
    r"|publie\s+le|mis\s+a\s+jour\s+le|publicado(?:\s+el)?|actualizado(?:\s+el)?"
    r"|pubblicato(?:\s+il)?|aggiornato(?:\s+il)?|publikacja|aktualizacja|gepubliceerd(?:\s+op)?"
    r"|bijgewerkt(?:\s+op)?)\s*:?\s+"
)

_RELATIVE_RE = re.compile(
    r"\b(?:yesterday|today|tonight|tomorrow|now|just now|ago|last|this|next|recently"
    r"|gestern|heute|vorgestern|morgen|vor\s+\d+|letzte[nmrs]?|hier|aujourd'hui|demain"
    r"|il y a|ayer|hoy|hace|manana|ieri|oggi|fa|ontem|hoje|gisteren|vandaag|wczoraj|dzisiaj"
    r"|temu|вчера|сегодня|назад)\b",
    re.I,
)

_TIME = (
    r"(?P<H>\d{1,2})(?:[:.h](?P<M>\d{2})(?:[:.](?P<S>\d{2})(?:[.,](?P<F>\d{1,9}))?)?)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*(?:uhr|h|hrs|hours))?"
)
_TZ = r"(?P<tz>z|(?:gmt|utc|ut)?\s*[+\-\u2212]\s*\d{1,2}(?::?\d{2})?|[a-z]{1,5})"
_SEP = (r"(?:\s*(?:,|-|\u2013|\u2014|\||/|\bat\b|\bum\b|\ba\b|\ba las\b|\bas\b|\bom\b"
        r"|\balle\b|\bklo\b|\bkl\b\.?)\s*|\s+)")
_TAIL = rf"(?:{_SEP}{_TIME}(?:\s*\(?{_TZ}\)?)?)?\.?"
_WD = rf"(?:(?:{_WEEKDAYS})\.?,?\s+)?"
_MON = r"(?P<mon>[a-z]{3,12})\.?"
_YEAR = r"(?P<Y>\d{4}|\d{2}(?!\d))"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th|er|o|º)?"

_NO_YEAR_RES = (
    re.compile(rf"{_WD}{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?{_TAIL}"),
    re.compile(rf"{_WD}\d{{1,2}}\.?\s*(?:de\s+)?{_MON}{_TAIL}"),
)

_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        # Jan. 7, 2022 / January 7 2022, 3:45 p.m. EST / Friday, January 7, 2022
        ("month-day-year", rf"{_WD}{_MON}\s+{_DAY},?\s+{_YEAR}{_TAIL}"),
        # 7 January 2022 / 7. Januar 2022 / 7 de enero de 2022 / 07 janv. 2022 à 20h38
        ("day-month-year", rf"{_WD}{_DAY}\.?\s*(?:de\s+)?{_MON},?\s+(?:de\s+)?{_YEAR}{_TAIL}"),
        # (RFC 2822 "Fri, 07 Jan 2022 20:38:18 GMT" is this form too: "-0000" reads as UTC)
        # Tue Jan 28 15:28:56 CET 2020 (C ctime, Java Date.toString)
        ("ctime", rf"{_WD}{_MON}\s+{_DAY}\s+{_TIME}(?:\s+{_TZ})?\s+{_YEAR}"),
        # 07.01.2022 / 7.1.2022, 20:38 Uhr / 28.04.2020 18:00
        ("dotted", rf"{_WD}(?P<d>\d{{1,2}})\.\s?(?P<m>\d{{1,2}})\.\s?{_YEAR}{_TAIL}"),
        # 2022/01/07 / 2022.01.07
        ("year-first", rf"(?P<Y>\d{{4}})[/.](?P<m>\d{{1,2}})[/.](?P<d>\d{{1,2}}){_TAIL}"),
        # 2022-01-07 20:38 CET / 2022-01-07T20:38:18 GMT+1 (ISO date, non-ISO zone)
        ("iso-zone", rf"(?P<Y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})[t ]\s*{_TIME}\s*\(?{_TZ}\)?"),
        # 07/01/2022 (only when unambiguous)
        ("slashed", rf"{_WD}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/{_YEAR}{_TAIL}"),
    )
)

# --------------------------------------------------------------------------------------------
# Public function
# --------------------------------------------------------------------------------------------


class Published(NamedTuple):
    """A parsed publication time: what :func:`parse_published` returns.

    Attributes
    ----------
    when : Timestamp
        The moment, tz-aware UTC (00:00 UTC of the day for a date-only value).
    precision : str
        ``"timestamp"`` when a time of day was given, ``"date"`` when only a day was.
    offset : int or None
        The UTC offset the source gave with the time, in minutes east of UTC (540 for
        ``+09:00``, 0 for ``Z``); None when the source gave no zone (the time was read in
        ``default_tz``), for dates, and for epoch numbers. ``when + offset`` is the
        publisher's local time, whose calendar day is the day printed on the page.
    """

    when: pd.Timestamp
    precision: str
    offset: int | None


def parse_date(
    value: object,
    *,
    default_tz: str = "UTC",
    tz_abbreviations: Mapping[str, int | str] | None = None,
) -> tuple[pd.Timestamp, str]:
    """Read a publication date without guessing.

    Parameters
    ----------
    value : str, datetime, date, Timestamp, int or float
        ISO 8601 (extended or basic format, with or without seconds, ``Z`` or a ``+0100``
        offset), RFC 2822 (``Fri, 07 Jan 2022 20:38:18 GMT``), newspaper forms in English,
        German, French, Spanish, Italian, Portuguese, Dutch and Polish (``Jan. 7, 2022``,
        ``January 7, 2022 3:45 p.m. ET``, ``7 January 2022``, ``7. Januar 2022``,
        ``07.01.2022 20:38``, ``Tue Jan 28 15:28:56 CET 2020``), an unambiguous
        ``dd/mm/yyyy``, a date/datetime/Timestamp object, or epoch seconds.
    default_tz : str, default "UTC"
        IANA zone in which timestamps without an offset are read (for example
        ``"Europe/Warsaw"`` for a Polish site that prints local time).
    tz_abbreviations : mapping, optional
        Extra or overriding abbreviations, as minutes east of UTC or an IANA zone name,
        e.g. ``{"CST": "Asia/Shanghai"}`` for a Chinese outlet.

    Returns
    -------
    (Timestamp, str)
        The moment as a tz-aware UTC :class:`pandas.Timestamp`, and its precision:
        ``"timestamp"`` when a time of day was given, ``"date"`` when only a day was (then the
        timestamp is 00:00 UTC of that calendar day, whatever ``default_tz``).

    Raises
    ------
    DateError
        For relative dates ("yesterday", "2 hours ago", "last week"), empty values, two-digit
        years, ambiguous day/month order (``03/04/2022``), ambiguous or unknown zone
        abbreviations, impossible dates (31 February) and anything else unreadable. The
        message quotes the value.

    Examples
    --------
    >>> parse_date("20180619T055000+0900")
    (Timestamp('2018-06-18 20:50:00+0000', tz='UTC'), 'timestamp')
    >>> parse_date("Jan. 7, 2022")
    (Timestamp('2022-01-07 00:00:00+0000', tz='UTC'), 'date')
    >>> parse_date("Tue Jan 28 15:28:56 CET 2020")[0]
    Timestamp('2020-01-28 14:28:56+0000', tz='UTC')
    >>> parse_date("2021-05-11T11:49", default_tz="Europe/Warsaw")[0]
    Timestamp('2021-05-11 09:49:00+0000', tz='UTC')
    >>> parse_date("yesterday")
    Traceback (most recent call last):
    ...
    coverage_kit.dates.DateError: relative date "yesterday"; give an absolute date such as 2022-01-07
    """
    when, precision, _ = parse_published(value, default_tz=default_tz,
                                         tz_abbreviations=tz_abbreviations)
    return when, precision


def parse_published(
    value: object,
    *,
    default_tz: str = "UTC",
    tz_abbreviations: Mapping[str, int | str] | None = None,
) -> Published:
    """:func:`parse_date`, keeping the UTC offset the source gave (see :class:`Published`).

    Examples
    --------
    >>> parse_published("2018-06-19T05:50:00+09:00")
    Published(when=Timestamp('2018-06-18 20:50:00+0000', tz='UTC'), precision='timestamp', offset=540)
    >>> parse_published("Tue, 4 May 2021 19:18:00 +0200").offset
    120
    >>> parse_published("2021-05-11 09:49:18").offset is None
    True
    """
    if isinstance(value, str):
        s = value.strip()
        # Fast path: ISO 8601, what most metadata and the loader's own tables carry.
        if _ISO_RE.fullmatch(s):
            try:
                dt = datetime.fromisoformat(s)
            except ValueError as exc:
                raise DateError(f'no such date "{s}" ({exc})') from None
            else:
                if len(s) <= 10:
                    return _date_result(dt.year, dt.month, dt.day, value)
                return _finish(dt, default_tz, value, given=dt.tzinfo is not None)
        return _parse_string(s, value, default_tz, tz_abbreviations)
    if value is None or value is pd.NaT or value is pd.NA:
        raise DateError("no date given (empty value)")
    if isinstance(value, bool):
        raise DateError(f"not a date: {value!r}")
    if isinstance(value, np.datetime64):
        if np.isnat(value):
            raise DateError("no date given (NaT)")
        value = pd.Timestamp(value)
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime(warn=False)
    if isinstance(value, datetime):
        return _finish(value, default_tz, value, given=value.tzinfo is not None)
    if isinstance(value, date):
        return _date_result(value.year, value.month, value.day, value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        return _from_epoch(value)
    raise DateError(f"not a date: {value!r} ({type(value).__name__})")


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


#: Years outside this range are data errors ("0022-01-07"), not news.
YEAR_RANGE = (1800, 2200)


def _check_year(year: int, value: object) -> None:
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        raise DateError(f'implausible year {year} in "{value}" (expected '
                        f"{YEAR_RANGE[0]}-{YEAR_RANGE[1]})")


def _date_result(y: int, m: int, d: int, value: object) -> Published:
    _check_year(y, value)
    try:
        return Published(pd.Timestamp(datetime(y, m, d, tzinfo=UTC)), "date", None)
    except (ValueError, OverflowError) as exc:
        raise DateError(f'no such date "{value}" ({exc})') from exc


def _finish(dt: datetime, default_tz: str, value: object, *, given: bool | None = None
            ) -> Published:
    """``given``: whether the zone came from the value (default: whether ``dt`` has one)."""
    _check_year(dt.year, value)
    if dt.tzinfo is None or dt.utcoffset() is None:
        dt = _localize(dt.replace(tzinfo=None), _zone(default_tz), value)
        given = False
    off = dt.utcoffset()
    if given is not False and off is not None and abs(off) > _MAX_OFFSET:
        raise DateError(_offset_message(value))
    try:
        offset = int(off.total_seconds() // 60) if (given is not False and off is not None) \
            else None
        return Published(pd.Timestamp(dt.astimezone(UTC)), "timestamp", offset)
    except (ValueError, OverflowError) as exc:
        raise DateError(f'date out of range "{value}" ({exc})') from exc


#: The widest UTC offset in use (Kiribati's +14:00); anything beyond is a data error.
_MAX_OFFSET = timedelta(hours=14)


def _offset_message(value: object) -> str:
    """The one answer every parsing path gives to an offset beyond ±14:00."""
    return (f'impossible UTC offset in "{value}": no time zone is more than 14 hours from UTC '
            "(the widest are -12:00 and +14:00)")


def _localize(naive: datetime, zone: tzinfo, value: object) -> datetime:
    """``naive`` read as a wall-clock time in ``zone``; a time the zone skipped (clocks went
    forward) or went through twice (clocks went back) is refused, since either answer would
    be a guess. Fixed-offset zones always succeed.

    >>> _localize(datetime(2024, 3, 10, 2, 30), ZoneInfo("America/New_York"), "x")
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    coverage_kit.dates.DateError: local time 2024-03-10 02:30 does not exist in ...
    """
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first
    shown = naive.strftime("%Y-%m-%d %H:%M")
    back = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if back != naive:
        raise DateError(f"local time {shown} does not exist in {zone} (the clocks went forward "
                        f'an hour) in "{value}"; give a UTC offset')
    raise DateError(f"local time {shown} happened twice in {zone} (the clocks went back an "
                    f'hour) in "{value}"; give a UTC offset')


def _from_epoch(value: object) -> Published:
    try:
        x = float(value)  # type: ignore[arg-type]
    except OverflowError as exc:
        raise DateError(f"epoch value {str(value)[:30]}... is far too large to be a date") from exc
    except (TypeError, ValueError) as exc:
        raise DateError(f"not a date: {value!r}") from exc
    if math.isnan(x):
        raise DateError("no date given (NaN)")
    if abs(x) >= 1e11:
        raise DateError(f"epoch value {value!r} is too large for seconds; if it is in "
                        "milliseconds, divide it by 1000 first")
    try:
        dt = datetime.fromtimestamp(x, UTC)
    except (ValueError, OverflowError, OSError) as exc:
        raise DateError(f"epoch value {value!r} is out of range ({exc})") from exc
    return _finish(dt, "UTC", value, given=False)


def _parse_string(
    s: str, value: str, default_tz: str, extra: Mapping[str, int | str] | None
) -> Published:
    if not s:
        raise DateError("no date given (empty string)")
    if len(s) > 80:
        raise DateError(f'not a date: "{s[:60]}..." is too long to be one')
    if s.isdigit() and 9 <= len(s) <= 10:
        return _from_epoch(int(s))
    low = _LABEL_RE.sub("", _fold(" ".join(s.split())), count=1)
    if _RELATIVE_RE.search(low) and not _looks_absolute(low):
        raise DateError(f'relative date "{s}"; give an absolute date such as 2022-01-07')
    for name, pattern in _FORMS:
        m = pattern.fullmatch(low)
        if m:
            return _from_match(name, m, s, default_tz, extra)
    for pattern in _NO_YEAR_RES:
        m = pattern.fullmatch(low)
        if m and _MONTHS.get(m["mon"]):
            raise DateError(f'no year in "{s}"; the year would be a guess')
    raise DateError(
        f'unrecognised date "{s}"; expected ISO 8601 (2022-01-07T20:38:18Z), RFC 2822 '
        "(Fri, 07 Jan 2022 20:38:18 GMT) or a newspaper form such as 'Jan. 7, 2022'"
    )


def _looks_absolute(low: str) -> bool:
    """'Mar 3, 2022' folds 'mar' (Tuesday in French) into the relative test: rescue it."""
    return bool(re.search(r"\d{4}", low))


def _from_match(
    form: str, m: re.Match[str], value: str, default_tz: str,
    extra: Mapping[str, int | str] | None,
) -> Published:
    g = m.groupdict()
    year_s = g.get("Y")
    if year_s is None or len(year_s) != 4:
        raise DateError(f'two-digit year in "{value}"; the century would be a guess')
    year = int(year_s)
    if "mon" in g and g["mon"] is not None:
        month = _MONTHS.get(g["mon"])
        if month is None:
            raise DateError(f'unknown month name "{g["mon"]}" in "{value}"')
        day = int(g["d"])
    elif form == "slashed":
        a, b = int(g["a"]), int(g["b"])
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            month, day = a, b
        elif a == b:
            day = month = a
        else:
            raise DateError(f'ambiguous day/month order in "{value}" (US or European?); use '
                            "ISO 8601 such as 2022-01-07")
    else:
        month, day = int(g["m"]), int(g["d"])
    if g.get("H") is None:
        return _date_result(year, month, day, value)
    hour = int(g["H"])
    if g.get("M") is None and g.get("ampm") is None:
        # a bare number after the date ("7.1.2022, 20") is not a time we understand
        raise DateError(f'incomplete time in "{value}"')
    minute = int(g["M"] or 0)
    second = int(g["S"] or 0)
    micro = int((g["F"] or "0")[:6].ljust(6, "0"))
    ampm = g.get("ampm")
    if ampm:
        if not 1 <= hour <= 12:
            raise DateError(f'hour {hour} with "{ampm}" in "{value}"')
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    tz_s = g.get("tz")
    try:
        naive = datetime(year, month, day, hour, minute, second, micro)
    except ValueError as exc:
        raise DateError(f'no such date or time "{value}" ({exc})') from exc
    tz = _tz_from_text(tz_s, value, extra) if tz_s else _zone(default_tz)
    return _finish(_localize(naive, tz, value), default_tz, value, given=bool(tz_s))


# --------------------------------------------------------------------------------------------
# Local time of a publisher
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _country_zones() -> dict[str, tuple[str, ...]]:
    """ISO 3166-1 alpha-2 -> IANA zones, from the tz database's ``zone.tab``."""
    text = None
    try:
        from importlib.resources import files

        text = (files("tzdata") / "zoneinfo" / "zone.tab").read_text(encoding="utf-8")
    except (ImportError, OSError, ModuleNotFoundError):
        try:
            with open("/usr/share/zoneinfo/zone.tab", encoding="utf-8") as fh:
                text = fh.read()
        except OSError:
            return {}
    zones: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            zones.setdefault(parts[0].upper(), []).append(parts[2])
    return {k: tuple(v) for k, v in zones.items()}


@lru_cache(maxsize=512)
def country_zones(country: str | None) -> tuple[str, ...]:
    """IANA zones of a country (ISO alpha-3 or alpha-2), from the tz database.

    >>> country_zones("ITA")
    ('Europe/Rome',)
    """
    if not country or not isinstance(country, str):
        return ()
    code = country.strip().upper()
    if len(code) == 3:
        import pycountry

        rec = pycountry.countries.get(alpha_3=code)
        code = rec.alpha_2 if rec else ""
    return _country_zones().get(code, ())


def country_offset(country: str | None, when: pd.Timestamp) -> int | None:
    """Minutes east of UTC in ``country`` at the moment ``when``, when all its zones agree
    (Germany's two zones do; the United States' do not), else None.

    >>> country_offset("ITA", pd.Timestamp("2023-11-01T23:01:00Z"))
    60
    >>> country_offset("USA", pd.Timestamp("2023-11-01T23:01:00Z")) is None
    True
    """
    zones = country_zones(country)
    if not zones:
        return None
    moment = when.to_pydatetime()
    first = None
    for z in zones:
        off = moment.astimezone(_zone(z)).utcoffset()
        minutes = int(off.total_seconds() // 60)
        if first is None:
            first = minutes
        elif minutes != first:
            return None  # the zones disagree: stop at the first that differs
    return first


def local_offset(when: pd.Timestamp, zone: str) -> int:
    """Minutes east of UTC of ``zone`` at the moment ``when``.

    >>> local_offset(pd.Timestamp("2023-11-01T23:01:00Z"), "Europe/Rome")
    60
    """
    off = when.tz_convert(_zone(zone)).utcoffset()
    return int(off.total_seconds() // 60)
