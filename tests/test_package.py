"""Package-level promises: the public names exist, and core steps stay free of plotting."""

from __future__ import annotations

import subprocess
import sys

import coverage_kit as ck


def test_public_api():
    for name in ("load_articles", "extract_quotes", "quotes_table", "extract_reactions",
                 "reactions_table", "write_report", "save_figure", "theme", "InputError"):
        assert callable(getattr(ck, name)), name


def test_core_steps_do_not_import_plotting_or_widgets():
    code = ("import sys, coverage_kit as ck, coverage_kit.tables, coverage_kit.extract, "
            "coverage_kit.tagger, coverage_kit.syndication, coverage_kit.cli; "
            "bad = [m for m in ('matplotlib', 'ipywidgets', 'IPython') if m in sys.modules]; "
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_cli_help_and_version():
    out = subprocess.run([sys.executable, "-m", "coverage_kit.cli", "--version"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"coverage-kit {ck.__version__}"


def test_cli_load_writes_tables_and_reports_rejects(tmp_path, sample_dir):
    out, rejects = tmp_path / "articles.parquet", tmp_path / "rejects.csv"
    run = subprocess.run([sys.executable, "-m", "coverage_kit.cli", "load", str(sample_dir),
                          "--out", str(out), "--rejects", str(rejects), "--no-progress"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "139 of 153 records loaded" in run.stderr
    import pandas as pd

    assert len(pd.read_parquet(out)) == 139
    assert "bad_date" in set(pd.read_csv(rejects)["code"])


def test_cli_bad_input_names_the_file(tmp_path):
    (tmp_path / "feed.jsonl").write_text('{"title": "T", "text": "x", "published": "yesterday"}\n')
    run = subprocess.run([sys.executable, "-m", "coverage_kit.cli", "load", str(tmp_path),
                          "--strict", "--no-progress"], capture_output=True, text=True)
    assert run.returncode == 1
    assert "feed.jsonl:1: publication date: relative date" in run.stderr


def test_built_wheel_carries_the_shipped_tables(tmp_path):
    """A non-editable install finds the registry and actor tables inside the package."""
    import zipfile

    root = __import__("pathlib").Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                    "-q", str(root), "-w", str(tmp_path)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("coverage_kit-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(tmp_path / "site")
        names = set(zf.namelist())
    for table in ("outlets.csv", "actors.csv", "organisations.csv", "metonyms.csv",
                  "speaker_aliases.csv", "quotes_floors.json", "reactions_floors.json"):
        assert f"coverage_kit/resources/{table}" in names, table
    for lexicon in ("en.txt", "de.txt", "fr.txt", "first_names.txt"):
        assert f"coverage_kit/extract/lexicon/{lexicon}" in names, lexicon
    code = ("from coverage_kit.extract.quotes import extract_quotes; "
            "print(extract_quotes('Officials said the talks would resume on Monday.')[0].kind)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "site")})
    assert out.stdout.split() == ["indirect"]
    code = ("import coverage_kit.tagger as t, coverage_kit._paths as p; "
            "print(p.data_dir().name, t.default_registry().resolve('spiegel').name)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "site")})
    assert out.stdout.split() == ["resources", "Der", "Spiegel"]


def test_excel_export_joins_wire_lists(tmp_path):
    import openpyxl
    import pandas as pd

    from coverage_kit.export import write_table

    write_table(pd.DataFrame({"title": ["Talks resume"], "wires": [["Reuters", "AFP"]],
                              "published": pd.to_datetime(["2025-03-18T09:00Z"], utc=True)}),
                tmp_path / "a.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "a.xlsx").active
    assert [c.value for c in ws[2]][1] == "Reuters|AFP"
