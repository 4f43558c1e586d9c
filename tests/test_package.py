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
