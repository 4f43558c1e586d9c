"""parse_date: every spelling sources use, one UTC timestamp and a precision; no guessing."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from coverage_kit.dates import DateError, country_offset, local_offset, parse_date, parse_published


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s).tz_convert("UTC") if pd.Timestamp(s).tzinfo else pd.Timestamp(
        s, tz="UTC")


@pytest.mark.parametrize("value, expected", [
    # ISO 8601, as page metadata and feeds carry it
    ("2022-01-07T20:38:18.331Z", "2022-01-07T20:38:18.331Z"),
    ("2022-01-07T20:38:18+06:00", "2022-01-07T14:38:18Z"),
    ("2020-02-19T08:51+0100", "2020-02-19T07:51Z"),           # no seconds, no colon in offset
    ("20180619T055000+0900", "2018-06-18T20:50Z"),            # basic format (Nikkei JSON-LD)
    ("2020-10-06T07:15:59Z", "2020-10-06T07:15:59Z"),
    ("2023-11-01T23:01:00Z", "2023-11-01T23:01Z"),            # the next day in Rome: stays UTC
    ("2022-01-07 20:38:18", "2022-01-07T20:38:18Z"),
    ("2022-01-07T20:38:18.331z", "2022-01-07T20:38:18.331Z"),
    ("2022-01-07 21:38 CET", "2022-01-07T20:38Z"),
    # RFC 2822, as RSS carries it
    ("Fri, 07 Jan 2022 20:38:18 GMT", "2022-01-07T20:38:18Z"),
    ("Fri, 07 Jan 2022 21:38:18 +0100", "2022-01-07T20:38:18Z"),
    ("Thu, 06 Mar 2025 07:12:00 -0000", "2025-03-06T07:12Z"),
    # Java Date.toString, as FAZ's JSON-LD has it
    ("Tue Jan 28 15:28:56 CET 2020", "2020-01-28T14:28:56Z"),
    # bylines and datelines
    ("January 7, 2022 3:45 p.m. ET", "2022-01-07T20:45Z"),     # EST in winter
    ("July 7, 2022 3:45 p.m. ET", "2022-07-07T19:45Z"),        # EDT in summer
    ("28.04.2020 18:00 Uhr MESZ", "2020-04-28T16:00Z"),
    ("07 janv. 2022 à 20h38 UTC", "2022-01-07T20:38Z"),
    ("3 Mar 2022 10:00 GMT+1", "2022-03-03T09:00Z"),
    # labels printed before visible dates
    ("Stand: 28.04.2020 18:00 Uhr MESZ", "2020-04-28T16:00Z"),
    ("Aktualizacja: 05.05.2021, 05:53 CEST", "2021-05-05T03:53Z"),
    ("Published: Jan. 7, 2022 at 3:45 p.m. ET", "2022-01-07T20:45Z"),
    ("Mis à jour le 7 janvier 2022 à 20h38 UTC", "2022-01-07T20:38Z"),
])
def test_timestamps(value, expected):
    got, precision = parse_date(value)
    assert got == ts(expected)
    assert str(got.tz) == "UTC" and precision == "timestamp"


@pytest.mark.parametrize("value, expected", [
    ("2022-01-07", "2022-01-07"),
    ("20220107", "2022-01-07"),
    ("Jan. 7, 2022", "2022-01-07"),
    ("Sept. 7, 2022", "2022-09-07"),
    ("January 7, 2022", "2022-01-07"),
    ("Friday, January 7, 2022", "2022-01-07"),
    ("7 January 2022", "2022-01-07"),
    ("07.01.2022", "2022-01-07"),                               # dotted is always day.month
    ("7.1.2022", "2022-01-07"),
    ("7. Januar 2022", "2022-01-07"),
    ("19. Februar 2020", "2020-02-19"),
    ("7 janvier 2022", "2022-01-07"),
    ("1er février 2022", "2022-02-01"),
    ("7 de enero de 2022", "2022-01-07"),
    ("19 febbraio 2020", "2020-02-19"),
    ("4 maja 2021", "2021-05-04"),                              # Polish genitive
    ("Publikacja: 04.05.2021", "2021-05-04"),
    ("2022/01/07", "2022-01-07"),
    ("25/12/2021", "2021-12-25"),                               # only one reading possible
    ("12/25/2021", "2021-12-25"),
])
def test_dates_are_midnight_utc_with_date_precision(value, expected):
    assert parse_date(value) == (ts(expected), "date")


def test_date_only_ignores_default_tz():
    assert parse_date("2019-10-19", default_tz="Europe/Vienna") == (ts("2019-10-19"), "date")


def test_naive_timestamps_are_read_in_default_tz():
    # Energetyka24 prints Warsaw local time without an offset
    got, precision = parse_date("2021-05-11T11:49", default_tz="Europe/Warsaw")
    assert got == ts("2021-05-11T09:49Z") and precision == "timestamp"
    assert parse_date("2021-05-11T11:49")[0] == ts("2021-05-11T11:49Z")
    assert parse_date("19.2.2020 klo 14.00", default_tz="Europe/Helsinki")[0] == ts(
        "2020-02-19T12:00Z")


def test_objects_and_epoch_seconds():
    assert parse_date(dt.date(2022, 1, 7)) == (ts("2022-01-07"), "date")
    assert parse_date(dt.datetime(2022, 1, 7, 20, 38)) == (ts("2022-01-07T20:38Z"), "timestamp")
    berlin = pd.Timestamp("2022-01-07 21:38", tz="Europe/Berlin")
    assert parse_date(berlin) == (ts("2022-01-07T20:38Z"), "timestamp")
    aware = dt.datetime(2022, 1, 7, 21, 38, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert parse_date(aware)[0] == ts("2022-01-07T20:38Z")
    assert parse_date(np.datetime64("2022-01-07T20:38"))[0] == ts("2022-01-07T20:38Z")
    for epoch in (1641587898, 1641587898.0, np.int64(1641587898), "1641587898"):
        assert parse_date(epoch) == (ts("2022-01-07T20:38:18Z"), "timestamp")


@pytest.mark.parametrize("value", [
    "yesterday", "Yesterday, 14:30", "today", "2 hours ago", "last week", "just now",
    "vor 2 Stunden", "gestern", "il y a 3 heures", "hace 2 horas", "ieri", "вчера",
])
def test_relative_dates_are_refused(value):
    with pytest.raises(DateError, match=r'relative date "' + value.split(",")[0]):
        parse_date(value)


@pytest.mark.parametrize("value, message", [
    ("03/04/2022", r'ambiguous day/month order in "03/04/2022"'),
    ("07.01.22", r"two-digit year"),
    ("Jan. 7", r'no year in "Jan. 7"'),
    ("Jan 7, 2022 10:00 CST", r'ambiguous time-zone abbreviation "CST"'),
    ("Jan 7, 2022 10:00 IST", r'ambiguous time-zone abbreviation "IST"'),
    ("Jan 7, 2022 10:00 XYZ", r'unknown time-zone abbreviation "XYZ"'),
    ("31.02.2022", r'no such date "31.02.2022"'),
    ("2022-13-01", r'no such date "2022-13-01"'),
    ("0022-01-07", r"implausible year 22"),
    ("Tuesday", r'unrecognised date "Tuesday"'),
    ("n/a", r'unrecognised date "n/a"'),
    ("Last updated: in the spring of 2022", r"unrecognised date"),
    ("", r"no date given"),
    (None, r"no date given"),
    (float("nan"), r"no date given"),
    (pd.NaT, r"no date given"),
    (1641587898000, r"too large for seconds.*milliseconds"),
    (10**400, r"far too large"),
    (-10**10, r"implausible year"),
    (True, r"not a date"),
])
def test_refusals_say_what_is_wrong(value, message):
    with pytest.raises(DateError, match=message):
        parse_date(value)


def test_zone_abbreviations_can_be_supplied():
    got, _ = parse_date("Jan 7, 2022 10:00 CST", tz_abbreviations={"CST": "Asia/Shanghai"})
    assert got == ts("2022-01-07T02:00Z")
    got, _ = parse_date("Jan 7, 2022 10:00 ALMT", tz_abbreviations={"ALMT": 360})
    assert got == ts("2022-01-07T04:00Z")


def test_unknown_default_tz_is_an_error():
    with pytest.raises(DateError, match='unknown time zone "Mars/Olympus"'):
        parse_date("2022-01-07T10:00", default_tz="Mars/Olympus")


def test_date_error_is_a_value_error():
    assert issubclass(DateError, ValueError)


# --------------------------------------------------------------------------- offsets kept

@pytest.mark.parametrize("value, utc, offset", [
    ("2018-06-19T05:50:00+09:00", "2018-06-18T20:50Z", 540),   # the previous day in UTC
    ("20180619T055000+0900", "2018-06-18T20:50Z", 540),
    ("Tue, 4 May 2021 19:18:00 +0200", "2021-05-04T17:18Z", 120),
    ("2022-05-03T22:46:08-03:00", "2022-05-04T01:46:08Z", -180),
    ("Tue Jan 28 15:28:56 CET 2020", "2020-01-28T14:28:56Z", 60),
    ("2020-01-20T06:05:18Z", "2020-01-20T06:05:18Z", 0),
    ("2021-05-11 09:49:18", "2021-05-11T09:49:18Z", None),     # no zone given
    (1641587898, "2022-01-07T20:38:18Z", None),                 # epoch: a moment, no zone
])
def test_parse_published_keeps_the_offset(value, utc, offset):
    got = parse_published(value)
    assert got.when == ts(utc) and got.precision == "timestamp" and got.offset == offset


def test_parse_published_date_only_has_no_offset():
    assert parse_published("2019-10-16") == (ts("2019-10-16"), "date", None)


def test_local_day_of_a_utc_time_in_the_outlets_zone():
    when = ts("2023-11-01T23:01:00Z")
    assert country_offset("ITA", when) == 60 and country_offset("DEU", when) == 60
    assert country_offset("USA", when) is None and country_offset("XXX", when) is None
    local = when + pd.Timedelta(minutes=local_offset(when, "Europe/Rome"))
    assert local.strftime("%Y-%m-%d") == "2023-11-02"


@pytest.mark.parametrize("value, default_tz, message", [
    # the clocks went forward: 2:30 a.m. never happened that night
    ("March 10, 2024 2:30 a.m. ET", "UTC", "2024-03-10 02:30 does not exist in America/New_York"),
    ("2024-03-31T02:30:00", "Europe/Berlin", "does not exist in Europe/Berlin"),
    ("31.03.2024 02:15 Uhr", "Europe/Berlin", "does not exist in Europe/Berlin"),
    # the clocks went back: 1:30 a.m. happened twice, an hour apart
    ("Nov 3, 2024 1:30 a.m. ET", "UTC", "2024-11-03 01:30 happened twice in America/New_York"),
    ("2024-10-27 02:30", "Europe/Berlin", "happened twice in Europe/Berlin"),
])
def test_local_times_that_do_not_exist_or_are_ambiguous_are_refused(value, default_tz, message):
    with pytest.raises(DateError, match=message + r".*give a UTC offset"):
        parse_published(value, default_tz=default_tz)


@pytest.mark.parametrize("value, utc, offset", [
    ("March 10, 2024 2:30 a.m. EST", "2024-03-10T07:30Z", -300),   # an offset settles it
    ("Nov 3, 2024 1:30 a.m. EDT", "2024-11-03T05:30Z", -240),
    ("Nov 3, 2024 1:30 a.m. -05:00", "2024-11-03T06:30Z", -300),
    ("Nov 3, 2024 3:30 p.m. ET", "2024-11-03T20:30Z", -300),       # the same day, after the change
    ("2024-05-01T08:00:00+14:00", "2024-04-30T18:00Z", 840),        # Kiribati: the widest
])
def test_times_with_an_offset_around_dst_changes(value, utc, offset):
    got = parse_published(value)
    assert got.when == ts(utc) and got.offset == offset


@pytest.mark.parametrize("value", [
    "2024-05-01T08:00:00+15:00", "20240501T080000+1500", "May 1, 2024 8:00 a.m. +15:00",
    "Wed, 01 May 2024 08:00:00 +1500", "2024-05-01T08:00:00-14:30", "2024-05-01 08:00 GMT+15",
])
def test_offsets_beyond_14_hours_get_one_answer_on_every_path(value):
    with pytest.raises(DateError) as err:
        parse_published(value)
    assert str(err.value).startswith("impossible UTC offset in")
    assert "no time zone is more than 14 hours from UTC" in str(err.value)
