"""Properties of the loader over generated folders, in every format it reads (issue 13):

* no exception escapes with ``on_error="skip"``, whatever the bytes;
* every file on disk is the source of an article or of a reject;
* in a well-formed JSON Lines, CSV, TSV or JSON file, articles + rejects account for every
  record written (no record vanishes), and a text field keeps its quote marks.

Profiles: ``ci`` (the default, a couple of minutes for the whole file) and ``slow`` (many
more examples, for local runs): ``pytest --slow tests/test_fuzz_loader.py`` (or
``COVERAGE_KIT_FUZZ=slow``).
"""

from __future__ import annotations

import bz2
import gzip
import os
import re
import shutil
import tempfile
import warnings
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import _hostile  # noqa: E402
from coverage_kit.loader import display_path, load_articles  # noqa: E402

settings.register_profile("ci", max_examples=25, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.data_too_large])
settings.register_profile("slow", max_examples=600, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.data_too_large])
settings.load_profile(os.environ.get("COVERAGE_KIT_FUZZ", "ci"))

# ---------------------------------------------------------------- strategies

HOSTILE_STRINGS = ['He said "no"', '"Quoted" start', "semi;colon", "tab\there", "a, b",
                   "line\nbreak", "cr\rbreak", "Z\u00fcrich", "=HYPERLINK(1)", "null", "NaN",
                   "</summary>", "]]>", "&amp;", "\\", "\ud800", "\x00", "---", "\u200b"]
DATES = ["2024-05-01", "2024-05-01T08:00:00+02:00", "March 10, 2024 2:30 a.m. ET",
         "Nov 3, 2024 1:30 a.m. ET", "2024-05-01T08:00:00+15:00", "yesterday", "31.02.2024",
         "0000-01-01", "1" + "0" * 400, "", "Tue Jan 28 15:28:56 CET 2020"]

text_value = st.one_of(st.sampled_from(HOSTILE_STRINGS),
                       st.text(max_size=40),
                       st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=40)
                       .map(lambda s: s + " " + _hostile.BODY[:80]))
date_value = st.one_of(st.sampled_from(DATES), st.integers(-10**12, 10**12),
                       st.floats(allow_nan=True, allow_infinity=True), st.none(),
                       st.text(max_size=30))


@st.composite
def records(draw, max_size=6):
    n = draw(st.integers(1, max_size))
    out = []
    for i in range(n):
        rec = _hostile.article(i)
        for key in ("title", "text", "outlet", "author"):
            if draw(st.booleans()):
                rec[key] = draw(text_value)
        if draw(st.booleans()):
            rec["published"] = draw(date_value)
        if draw(st.integers(0, 9)) == 0:
            rec.pop(draw(st.sampled_from(sorted(rec))))
        out.append(rec)
    return out


def write(fmt: str, recs: list[dict], folder: Path) -> Path:
    """``recs`` as one well-formed file of ``fmt`` in ``folder``."""
    p, data = _hostile.write_records(fmt, recs, folder)
    p.write_bytes(data)
    return p


CORRUPTIONS = ("none", "truncate", "insert_byte", "gzip", "gzip_truncated", "bz2_truncated")


def corrupt(p: Path, how: str, where: float, byte: int) -> Path:
    data = p.read_bytes()
    k = int(len(data) * where)
    if how == "truncate":
        data = data[:k]
    elif how == "insert_byte":
        data = data[:k] + bytes([byte]) + data[k:]
    elif how.startswith(("gzip", "bz2")):
        data = gzip.compress(data) if how.startswith("gzip") else bz2.compress(data)
        if how.endswith("truncated"):
            data = data[: max(1, int(len(data) * where))]
        p.unlink()
        p = p.with_name(p.name + (".gz" if how.startswith("gzip") else ".bz2"))
    p.write_bytes(data)
    return p


def _load(folder: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_articles(folder, on_error="skip", syndication=None, detect_language=False)


def _accounted(folder: Path, result) -> None:
    seen = set(result.articles["source_path"]) | set(result.rejects["source_path"])
    on_disk = {display_path(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs}
    assert on_disk <= seen, f"neither loaded nor rejected: {on_disk - seen}"


class _Folder:
    """A fresh temporary folder per example (hypothesis reruns a test body many times)."""

    def __enter__(self) -> Path:
        self.path = Path(tempfile.mkdtemp(prefix="ck-fuzz-"))
        return self.path

    def __exit__(self, *exc):
        shutil.rmtree(self.path, ignore_errors=True)


FORMATS = _hostile.FORMATS


# ---------------------------------------------------------------- properties

@pytest.mark.parametrize("fmt", FORMATS)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(recs=records(), how=st.sampled_from(CORRUPTIONS), where=st.floats(0, 1),
       byte=st.sampled_from([0x00, 0x22, 0x0a, 0x0d, 0xe9, 0xff, 0x3c, 0x2c, 0x3b, 0x09]))
def test_no_exception_escapes_and_every_file_is_accounted_for(fmt, recs, how, where, byte):
    with _Folder() as folder:
        corrupt(write(fmt, recs, folder), how, where, byte)
        result = _load(folder)  # must not raise
        _accounted(folder, result)


@pytest.mark.parametrize("fmt", ("jsonl", "json", "csv", "tsv"))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(recs=records(max_size=8))
def test_no_record_vanishes_from_a_well_formed_table(fmt, recs):
    with _Folder() as folder:
        write(fmt, recs, folder)
        result = _load(folder)
        n = len(result.articles) + len(result.rejects)
        if fmt == "jsonl":
            assert n == len(recs)  # one line, one row of one table
        else:
            assert n >= len(recs)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(title=st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\r\n\x00"),
                     min_size=1, max_size=30).filter(lambda s: s.strip() == s and s.strip()),
       sep=st.sampled_from([",", "\t", ";"]))
def test_csv_titles_come_back_exactly(title, sep):
    """Whatever a CSV title holds (quotes, separators, accents), the article has it."""
    title = '"' + title if title.count('"') % 2 == 0 else title  # quote marks in content too
    with _Folder() as folder:
        suffix = "tsv" if sep == "\t" else "csv"
        (folder / f"a.{suffix}").write_text(_hostile.csv_text(
            [["title", "text", "published"], [title, _hostile.BODY, "2024-05-01"]], sep=sep),
            encoding="utf-8")
        result = _load(folder)
        expected = re.sub(r"[ \t\u00a0]+", " ", title).strip()  # the loader's spacing rule
        if expected:
            assert list(result.articles["title"]) == [expected]
