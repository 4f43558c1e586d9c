"""The report of a corpus store (``write_report(store)``, ``coverage-kit report --store``)
writes the same tables as the report of the same tables held in memory."""

from __future__ import annotations

import csv
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from coverage_kit import report as R  # noqa: E402
from coverage_kit.cli import main  # noqa: E402
from coverage_kit.store import open_store, write_tables  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
#: Tables that list rows: the store gives them in publication order, memory in load order.
LISTINGS = {"articles", "quotes", "reactions", "rejects"}


@pytest.fixture(scope="module")
def sample_tables() -> dict[str, pd.DataFrame]:
    from coverage_kit.extract.quotes import quotes_table
    from coverage_kit.extract.reactions import reactions_table
    from coverage_kit.loader import load_articles

    loaded = load_articles(SAMPLE, progress=False)
    quotes = quotes_table(loaded.articles, progress=False)
    reactions = reactions_table(loaded.articles, quotes=quotes, progress=False)
    return {"articles": loaded.articles, "quotes": quotes, "reactions": reactions,
            "rejects": loaded.rejects}


@pytest.fixture(scope="module")
def store_dir(sample_tables, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("store")
    t = sample_tables
    # two parts, as a build writing batches would: every month folder gets two files
    half = len(t["articles"]) // 2
    first = set(t["articles"]["article_id"].iloc[:half])
    for i, part in enumerate((t["articles"].iloc[:half], t["articles"].iloc[half:])):
        ids = set(part["article_id"])
        write_tables(root, part=f"part-{i}", articles=part,
                     quotes=t["quotes"][t["quotes"]["article_id"].isin(ids)],
                     reactions=t["reactions"][t["reactions"]["article_id"].isin(ids)],
                     **({"rejects": t["rejects"]} if i == 0 else {}))
    assert first
    return root


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def _cell(text: str):
    """A CSV cell; numbers rounded to 9 significant digits, and to 0 below 1e-12 (DuckDB sums
    floats in another order than pandas: the last digits of a mean differ, and a mean of
    opposite tones that is 0 comes out as -5.6e-19 one way and 1.1e-18 the other)."""
    try:
        if "." not in text and "e" not in text:
            return text
        value = float(text)
        return 0.0 if abs(value) < 1e-12 else float(f"{value:.9g}")
    except ValueError:
        return text


def _no_charts(monkeypatch):
    monkeypatch.setattr(R, "_charts", lambda *a, **k: [])  # the tables are compared


@pytest.mark.parametrize("filters", [{}, {"start": "2025-03-06", "end": "2025-03-12",
                                          "outlets": ["Reuters", "BBC News", "TASS"]}],
                         ids=["all", "filtered"])
def test_store_report_writes_the_same_tables_as_the_in_memory_report(
        sample_tables, store_dir, tmp_path, monkeypatch, filters):
    _no_charts(monkeypatch)
    mem = R.write_report(dict(sample_tables), tmp_path / "memory", progress=False, **filters)
    with open_store(store_dir) as store:
        sto = R.write_report(store, tmp_path / "store", progress=False, **filters)
    assert set(mem.tables) == set(sto.tables)
    assert mem.counts == sto.counts
    assert mem.counts["quotes"] > 20 and mem.counts["reactions"] > 5  # not a vacuous match
    for name, path in mem.tables.items():
        a, b = _rows(path), _rows(sto.tables[name])
        assert a[0] == b[0], name  # same columns
        if name in LISTINGS:
            assert sorted(a[1:]) == sorted(b[1:]), name
        else:
            assert len(a) == len(b), name
            for ra, rb in zip(a, b, strict=True):
                assert [_cell(x) for x in ra] == [_cell(x) for x in rb], name
    # the methods note gives the same figures, and names the articles whose language has no
    # word lists (the sample's one Spanish article) whether the tables came from an
    # extraction run or from a store
    assert _figures(mem.methods) == _figures(sto.methods)
    if not filters:
        for res in (mem, sto):
            notes = _notes(res.methods)
            for what in ("quotes", "reactions"):
                assert f"- 1 article in Spanish: {what} not extracted (supported: English, " \
                       f"French, German)" in notes


def _notes(methods: Path) -> list[str]:
    text = methods.read_text("utf-8")
    return text[text.index("## Notes"):].split("\n## ")[0].splitlines()


def _figures(methods: Path) -> list[str]:
    text = methods.read_text("utf-8")
    return text[:text.index("## Notes") if "## Notes" in text else text.index("## Software")] \
        .splitlines()


def test_store_listings_come_in_publication_order(store_dir, tmp_path, monkeypatch):
    _no_charts(monkeypatch)
    with open_store(store_dir) as store:
        res = R.write_report(store, tmp_path / "r", progress=False)
    arts = pd.read_csv(res.tables["articles"])
    assert arts["published"].is_monotonic_increasing
    quotes = pd.read_csv(res.tables["quotes"])
    assert quotes["published"].is_monotonic_increasing


def test_report_command_on_a_store(store_dir, tmp_path, capsys):
    out = tmp_path / "report"
    assert main(["report", "--store", str(store_dir), "-o", str(out), "--no-progress"]) == 0
    assert "report written to" in capsys.readouterr().err
    charts = sorted(p.name for p in (out / "charts").glob("*.png"))
    assert len(charts) == 14 and charts[0] == "01_coverage_timeline.png"
    page = (out / "report.html").read_text("utf-8")
    assert "Quotes carried by several outlets" in page and "<script" not in page


def test_report_command_refuses_a_folder_that_is_not_a_store(tmp_path, capsys):
    assert main(["report", "--store", str(tmp_path), "-o", str(tmp_path / "r")]) == 1
    assert "no manifest.json" in capsys.readouterr().err
    assert main(["report", "-o", str(tmp_path / "r")]) == 1
    assert "--store DIR" in capsys.readouterr().err


def test_a_listing_longer_than_an_excel_sheet_is_whole_in_csv_and_said_so(
        store_dir, tmp_path, monkeypatch):
    from coverage_kit import export

    _no_charts(monkeypatch)
    monkeypatch.setattr(export, "EXCEL_MAX_ROWS", 40)  # a sheet holds 1,048,575 rows
    with open_store(store_dir) as store:
        res = R.write_report(store, tmp_path / "r", progress=False)
    from openpyxl import load_workbook

    sheet = load_workbook(res.excel, read_only=True)["quotes"]
    assert sum(1 for _ in sheet.iter_rows()) == 41  # header + 40
    assert len(_rows(res.tables["quotes"])) == res.counts["quotes"] + 1 > 41
    assert "Excel sheet quotes holds the first 40 of" in res.methods.read_text("utf-8")
