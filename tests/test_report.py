"""The full report, end to end: every file is written, valid, and escapes article text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from openpyxl import load_workbook  # noqa: E402
from PIL import Image  # noqa: E402

from coverage_kit import report as R  # noqa: E402

from _frames import articles_frame  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
HOSTILE_TITLE = 'Brask <script>alert("x")</script> freed'
HOSTILE_QUOTE = "<img src=x onerror=alert(1)> We will not leave Liberty Square"


def _hostile_articles() -> pd.DataFrame:
    arts = articles_frame()
    arts.loc[2, "title"] = HOSTILE_TITLE
    arts.loc[2, "text"] = (f'"{HOSTILE_QUOTE}," Ilona Brask told reporters in Korvany on '
                           "Tuesday evening.")
    return arts


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    return R.write_report(_hostile_articles(), out, progress=False), out


def _pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", path.read_bytes()))


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.srcs: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        if tag == "img":
            self.srcs.append(a.get("src", ""))
        if tag in ("link", "script"):
            self.links.append(tag)


@pytest.mark.slow  # shares one ~10 s report run (module fixture)
def test_report_writes_every_file(written):
    res, out = written
    assert res.html == out / "report.html" and res.index == res.html
    assert res.pdf.exists() and res.excel.exists() and res.methods.exists()
    assert len(res.charts) == 14
    for name, files in res.charts.items():
        assert sorted(p.suffix for p in files) == [".png", ".svg"], name
        assert all(p.parent == out / "charts" and p.stat().st_size > 1000 for p in files)
    for name in ("coverage_timeline", "speaker_counts", "quote_propagation",
                 "reactions_by_country_stance", "reaction_timeline", "sentiment_by_outlet_quotes"):
        assert (out / "tables" / f"{name}.csv").exists()
    assert set(res.files) == {p for p in out.rglob("*") if p.is_file()}


@pytest.mark.slow  # shares one ~10 s report run (module fixture)
def test_png_charts_are_200_dpi_and_svg_parses(written):
    res, _ = written
    for files in res.charts.values():
        png = next(p for p in files if p.suffix == ".png")
        img = Image.open(png)
        assert round(img.info["dpi"][0]) == 200
        assert img.size[0] >= 1000 and img.size[1] >= 500  # >= 5 x 2.5 inches
        svg = next(p for p in files if p.suffix == ".svg")
        assert ET.parse(svg).getroot().tag.endswith("svg")


@pytest.mark.slow  # shares one ~10 s report run (module fixture)
def test_pdf_has_a_methods_page_and_one_page_per_chart(written):
    res, _ = written
    data = res.pdf.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert _pdf_pages(res.pdf) == 1 + len(res.charts)


@pytest.mark.slow  # shares one ~10 s report run (module fixture)
def test_tables_match_the_corpus_in_csv_and_excel(written):
    res, out = written
    timeline = pd.read_csv(out / "tables" / "coverage_timeline.csv")
    assert timeline["n_articles"].sum() == 25
    matrix = pd.read_csv(out / "tables" / "outlet_date_matrix.csv")
    assert matrix.columns[0] == "outlet" and matrix.iloc[:, 1:].to_numpy().sum() == 25
    wb = load_workbook(res.excel, read_only=True)
    assert {"coverage_timeline", "speaker_counts", "quote_propagation",
            "reaction_timeline", "articles"} <= set(wb.sheetnames)
    assert all(len(name) <= 31 for name in wb.sheetnames)
    ws = wb["articles"]
    header = [c.value for c in next(ws.iter_rows(max_row=1))]
    assert "title" in header and "published" in header
    # a streamed workbook records no dimension: count the rows
    assert sum(1 for _ in ws.iter_rows()) == 26  # header + 25 articles


@pytest.mark.slow  # shares one ~10 s report run (module fixture)
def test_html_is_self_contained_and_escapes_article_text(written):
    res, _ = written
    page = res.html.read_text(encoding="utf-8")
    parsed = _Collect()
    parsed.feed(page)
    assert "script" not in parsed.tags  # neither ours nor the article's
    assert parsed.links == []
    assert len(parsed.srcs) == len(res.charts)
    assert all(s.startswith("data:image/png;base64,") for s in parsed.srcs)
    assert not re.search(r"(src|href)=['\"]?https?:", page)  # opens offline
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(" in page  # shown as text, not run
    assert "Content-Security-Policy" in page


@pytest.mark.slow  # shares one ~10 s report run (module fixture)
def test_methods_note_gives_filters_counts_and_version(written):
    res, _ = written
    from coverage_kit import __version__

    text = res.methods.read_text(encoding="utf-8")
    assert "Filters: none" in text
    assert "Source: 25 articles from 8 outlets, 3–20 Mar 2025" in text
    assert "22 distinct stories among 25 articles" in text
    assert re.search(r"Quotes: \d+ found", text)
    assert f"coverage-kit {__version__}" in text
    assert "Extraction accuracy" in text
    assert res.counts["articles"] == 25


@pytest.mark.slow
def test_filters_restrict_the_report_and_are_named(tmp_path):
    res = R.write_report(articles_frame(), tmp_path, start="2025-03-06", end="2025-03-08",
                         outlets=["reuters", "AP"], formats=("svg",), progress=False)
    assert res.counts["articles"] == 5
    text = res.methods.read_text(encoding="utf-8")
    assert "from = 2025-03-06; to = 2025-03-08; outlets = Reuters, AP" in text
    assert all(p.suffix == ".svg" for files in res.charts.values() for p in files)


@pytest.mark.slow
def test_a_filter_with_no_articles_still_writes_every_chart(tmp_path):
    res = R.write_report(articles_frame(), tmp_path, start="2030-01-01", formats=("png",),
                         progress=False)
    assert res.counts["articles"] == 0
    assert len(res.charts) == 14
    assert "no article matches the filters" in res.notes[0]
    assert _pdf_pages(res.pdf) == 15


def test_unknown_outlet_lists_the_known_ones(tmp_path):
    with pytest.raises(ValueError, match=r"unknown outlet 'Reuterz'.*Reuters, AP, BBC News"):
        R.write_report(articles_frame(), tmp_path, outlets=["Reuterz"], progress=False)


def test_never_writes_into_the_package(tmp_path):
    with pytest.raises(ValueError, match="inside the coverage_kit package"):
        R.write_report(articles_frame(), Path(R.__file__).parent / "reports", progress=False)


def test_unknown_chart_format(tmp_path):
    with pytest.raises(ValueError, match=r"unknown chart format\(s\) \['gif'\]"):
        R.write_report(articles_frame(), tmp_path, formats=("gif",), progress=False)


@pytest.mark.slow
def test_report_command_on_the_sample_corpus(tmp_path):
    from coverage_kit.cli import main

    out = tmp_path / "reports"
    assert main(["report", str(SAMPLE), "--out", str(out), "--no-progress"]) == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "INVENTED" in html
    assert _pdf_pages(out / "report.pdf") == 15
    assert len(list((out / "charts").glob("*.png"))) == 14
    assert len(list((out / "charts").glob("*.svg"))) == 14
    methods = (out / "methods.md").read_text(encoding="utf-8")
    assert "Veldavia (XVA)" in methods
    stances = pd.read_csv(out / "tables" / "country_stances.csv")
    assert "XVA" not in set(stances["country"])  # the focus country does not react to itself
    assert {"EU", "UN", "ESC"} & set(stances["country"])


def test_an_interrupted_report_leaves_no_files_behind(tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        def draw():
            raise KeyboardInterrupt
        return [R._Chart("coverage_timeline", "Articles per day.", draw)]

    monkeypatch.setattr(R, "_charts", interrupted)
    out = tmp_path / "report"
    with pytest.raises(KeyboardInterrupt):
        R.write_report(articles_frame(), out, progress=False)
    # tables were written to a staging folder beside ``out``, then removed
    assert not out.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.slow  # shares one ~10 s report run (module fixture)
def test_lead_and_methods_give_the_same_numbers_and_figures_one_text_size(written):
    res, _ = written
    page = res.html.read_text(encoding="utf-8")
    methods = res.methods.read_text(encoding="utf-8")
    lead = re.search(r"<p class='lead'>([^<]*)", page).group(1)
    n_react = re.search(r"([\d,]+) reaction statements? by ([\d,]+) countr", lead).groups()
    assert f"International reactions: {n_react[0]} statements by {n_react[1]} countries" \
        in methods
    source = re.search(r"(Source: [^.]*)\.", lead).group(1)
    assert f"- {source}" in methods
    # every chart is shown at one scale (CSS px per inch of figure), so text is one size
    from PIL import Image

    widths = [int(w) for w in re.findall(r"<img [^>]*style='width:(\d+)px'", page)]
    pngs = sorted(p for files in res.charts.values() for p in files if p.suffix == ".png")
    inches = sorted(Image.open(p).size[0] / 200 for p in pngs)
    assert len(widths) == len(pngs)
    ratios = {round(w / i) for w, i in zip(sorted(widths), inches, strict=True)}
    assert len(ratios) <= 2 and min(ratios) >= 70  # rounding only
    assert all(max(Image.open(p).size) <= 4000 for p in pngs)


@pytest.mark.slow  # shares one ~10 s report run (module fixture)
def test_files_are_written_with_normal_permissions_and_csv_dates_are_iso(written):
    import os

    res, out = written
    mask = os.umask(0)
    os.umask(mask)
    for path in res.files:
        assert path.stat().st_mode & 0o777 == 0o666 & ~mask, path
    csv = (out / "tables" / "articles.csv").read_text(encoding="utf-8")
    header, first = csv.splitlines()[:2]
    assert header.startswith("article_id,published,")
    assert re.search(r",\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,", first)


def test_report_command_takes_freq_top_and_events(tmp_path):
    from coverage_kit.cli import main

    out = tmp_path / "r"
    assert main(["report", str(SAMPLE), "--out", str(out), "--no-progress", "--freq",
                 "week", "--top", "5", "--event", "2025-03-08=Brask arrested"]) == 0
    svg = next((out / "charts").glob("*_coverage_timeline.svg")).read_text(encoding="utf-8")
    assert "Articles per week" in svg and "Brask arrested" in svg
    assert "No filter: all 139 loaded articles" in svg
