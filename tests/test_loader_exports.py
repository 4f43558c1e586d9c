"""Exports as scrapers and databases write them: news-please (one JSON file per article, nested
folders, JSON Lines), newspaper4k, trafilatura, Media Cloud and GDELT files, and the
Giveme5W1H gold set. Every fixture is invented; the real corpus is read in place."""

from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest

from _shared import SHARED, need_shared
from coverage_kit.cli import main
from coverage_kit.loader import RejectWarning, load_articles

BODY = (
    "Rescue teams worked through the night after a freight train left the rails near the "
    "river crossing on Tuesday evening, the regional transport authority said.\n\n"
    "Two carriages overturned and a third caught fire. No one was killed, but four railway "
    "workers were taken to hospital with burns, a spokeswoman for the fire service said.\n\n"
    "The line between the two cities will stay closed until at least Friday while engineers "
    "inspect the bridge, the operator said in a statement on its website."
)


def _load(*args, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RejectWarning)
        return load_articles(*args, **kw)


def _news_please(**over):
    """A record shaped like news-please's per-article JSON (its field names and types)."""
    rec = {
        "authors": ["Anna Keller", "Tomás Ruiz"],
        "date_download": "2018-03-07 10:12:44",
        "date_modify": "2018-03-07 09:58:02",
        "date_publish": "2018-03-06 21:40:00",
        "description": "A freight train derailed near the river crossing.",
        "filename": "https%3A%2F%2Fwww.example-news.co.uk%2Fnews%2Ftrain.json",
        "image_url": "https://www.example-news.co.uk/img/train.jpg",
        "language": "en",
        "localpath": None,
        "maintext": BODY,
        "source_domain": "www.example-news.co.uk",
        "text": None,
        "title": "Freight train derails near river crossing",
        "title_page": None,
        "title_rss": None,
        "url": "https://www.example-news.co.uk/news/2018/03/06/train-derails",
    }
    rec.update(over)
    return rec


def test_news_please_file_with_authors_list_is_one_article(tmp_path):
    # a list-valued field (authors) used to make the file look like an array: "no text column"
    (tmp_path / "a.json").write_text(json.dumps(_news_please()), encoding="utf-8")
    articles, rejects = _load(tmp_path)
    assert len(articles) == 1 and len(rejects) == 0
    a = articles.iloc[0]
    assert a["title"] == "Freight train derails near river crossing"
    assert a["text"].startswith("Rescue teams worked") and a["author"] == "Anna Keller; Tomás Ruiz"
    # publication, not modification nor download time
    assert a["published"] == pd.Timestamp("2018-03-06 21:40:00", tz="UTC")
    assert a["published_precision"] == "timestamp"
    assert a["url"].endswith("/train-derails") and a["language"] == "en"
    assert a["description"] == "A freight train derailed near the river crossing."
    assert a["date_modify"] == "2018-03-07 09:58:02"  # kept, not used


def test_news_please_nested_folders_and_jsonl(tmp_path):
    for i, day in enumerate(("2018/03/06", "2018/03/07", "2018/03/08")):
        folder = tmp_path / "data" / day / "www.example-news.co.uk"
        folder.mkdir(parents=True)
        rec = _news_please(title=f"Freight line update {i}", maintext=f"Update {i}.\n\n" + BODY,
                           date_publish=f"{day.replace('/', '-')} 08:00:00")
        (folder / f"article{i}.json").write_text(json.dumps(rec), encoding="utf-8")
    lines = [json.dumps(_news_please(title=f"Bridge inspection {i}",
                                     maintext=f"Inspection {i}.\n\n" + BODY)) for i in range(2)]
    (tmp_path / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, rejects = _load(tmp_path)
    assert len(articles) == 5 and len(rejects) == 0
    assert sorted(articles["format"].astype(str).unique()) == ["table"]


def test_news_please_null_text_and_missing_publish_date(tmp_path):
    # "text": null beside "maintext"; no date_publish: date_modify is the best bound given
    rec = _news_please(date_publish=None)
    (tmp_path / "a.json").write_text(json.dumps(rec), encoding="utf-8")
    articles, _ = _load(tmp_path)
    a = articles.iloc[0]
    assert a["text"].startswith("Rescue teams")
    assert a["published"] == pd.Timestamp("2018-03-07 09:58:02", tz="UTC")
    assert a["published_from"] == "date_modify"


def test_date_from_url_when_the_record_has_none(tmp_path):
    rec = _news_please(date_publish=None, date_modify=None)
    (tmp_path / "a.json").write_text(json.dumps(rec), encoding="utf-8")
    a = _load(tmp_path).articles.iloc[0]
    assert a["published"] == pd.Timestamp("2018-03-06", tz="UTC")
    assert a["published_precision"] == "date" and a["published_from"] == "url"


def test_midnight_placeholder_is_a_date(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(_news_please(
        date_publish="2016-11-09 00:00:00")), encoding="utf-8")
    a = _load(tmp_path).articles.iloc[0]
    assert a["published_precision"] == "date" and pd.isna(a["published_offset"])


def test_offset_is_kept(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(_news_please(
        date_publish="2018-06-19T05:50:00+09:00")), encoding="utf-8")
    a = _load(tmp_path).articles.iloc[0]
    assert a["published"] == pd.Timestamp("2018-06-18 20:50", tz="UTC")
    assert a["published_offset"] == 540


def test_language_field_contradicted_by_the_text_is_corrected(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(_news_please(language="de")), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(_news_please(
        title="Güterzug entgleist", language="de",
        maintext="Ein Güterzug ist am Dienstagabend in der Nähe der Flussbrücke entgleist, "
                 "teilte die regionale Verkehrsbehörde mit. Zwei Waggons kippten um, ein "
                 "dritter geriet in Brand. Die Strecke bleibt bis mindestens Freitag gesperrt, "
                 "während Ingenieure die Brücke untersuchen, sagte der Betreiber.")),
        encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps(_news_please(
        title="Short", language="fr", maintext="Rescue teams said.")), encoding="utf-8")
    a = _load(tmp_path).articles
    by_file = a.set_index(a["source_path"].str.rsplit("/", n=1).str[-1])
    assert by_file.loc["a.json", ["language", "language_source"]].tolist() == ["en", "corrected"]
    assert by_file.loc["b.json", ["language", "language_source"]].tolist() == ["de", "metadata"]
    # too little text to overrule the source
    assert by_file.loc["c.json", ["language", "language_source"]].tolist() == ["fr", "metadata"]


def test_agency_byline_credits_the_wire(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(_news_please(authors=["By AFP"])),
                                     encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(_news_please(
        title="Other", authors=["Associated Press", "Jane Doe"])), encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps(_news_please(title="Third")), encoding="utf-8")
    wires = {t: list(w) for t, w in zip(*_load(tmp_path).articles[["title", "wires"]].T.values)}
    assert wires["Freight train derails near river crossing"] == ["AFP"]
    assert wires["Other"] == ["AP"] and wires["Third"] == []


def test_newspaper4k_trafilatura_and_media_cloud_files(tmp_path):
    newspaper4k = {"title": "Bridge to stay shut", "authors": ["Lena Ortiz"],
                   "publish_date": "2021-09-14T07:30:00+02:00", "text": BODY,
                   "url": "https://www.example-post.de/bridge", "meta_lang": "en",
                   "top_image": "", "images": [], "movies": [], "keywords": ["rail"],
                   "source_url": "https://www.example-post.de", "summary": ""}
    trafilatura = {"title": "Rail line closed", "author": "Jan Novak", "hostname":
                   "example-daily.cz", "date": "2021-09-15", "text": BODY + "\n\nMore.",
                   "raw_text": BODY, "language": "en", "source": "https://example-daily.cz/rail",
                   "source-hostname": "Example Daily", "categories": "", "tags": ""}
    media_cloud = {"results": [
        {"id": "8d1", "media_name": "example-times.com", "media_url": "example-times.com",
         "publish_date": "2021-09-16 13:05:00", "title": "Inspectors check the bridge",
         "url": "https://example-times.com/bridge", "language": "en",
         "text": BODY + "\n\nInspectors arrived."}], "pagination_token": None}
    for name, obj in (("n4k.json", newspaper4k), ("traf.json", trafilatura),
                      ("mc.json", media_cloud)):
        (tmp_path / name).write_text(json.dumps(obj), encoding="utf-8")
    articles, rejects = _load(tmp_path)
    assert len(articles) == 3 and len(rejects) == 0
    by_title = articles.set_index("title")
    assert by_title.loc["Bridge to stay shut", "published_offset"] == 120
    assert by_title.loc["Bridge to stay shut", "author"] == "Lena Ortiz"
    assert by_title.loc["Rail line closed", "published_precision"] == "date"
    assert by_title.loc["Inspectors check the bridge", "url"] == "https://example-times.com/bridge"


def test_gdelt_link_list_is_named_as_such(tmp_path):
    gdelt = {"articles": [{"url": "https://example.org/a", "url_mobile": "", "title": "Train",
                           "seendate": "20210914T073000Z", "socialimage": "",
                           "domain": "example.org", "language": "English",
                           "sourcecountry": "United Kingdom"}]}
    (tmp_path / "gdelt.json").write_text(json.dumps(gdelt), encoding="utf-8")
    articles, rejects = _load(tmp_path)
    assert len(articles) == 0
    assert rejects["code"].tolist() == ["unsupported"]
    assert "links without article text" in rejects["reason"][0]


def test_wrapper_with_a_title_of_its_own(tmp_path):
    feed = {"title": "Rail desk export", "items": [
        {"title": f"Item {i}", "content": f"{i}. " + BODY, "date": "2021-09-14"}
        for i in range(2)]}
    (tmp_path / "feed.json").write_text(json.dumps(feed), encoding="utf-8")
    assert sorted(_load(tmp_path).articles["title"]) == ["Item 0", "Item 1"]


def test_json_lines_in_a_json_file(tmp_path):
    lines = [json.dumps(_news_please(title=f"Line {i}", maintext=f"{i}. " + BODY))
             for i in range(3)]
    (tmp_path / "np.json").write_text("\n".join(lines), encoding="utf-8")
    assert len(_load(tmp_path).articles) == 3


def test_cli_stops_when_nothing_loads(tmp_path, capsys):
    folder = tmp_path / "export"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.json").write_text(json.dumps({"id": i, "headline_id": "x"}),
                                          encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "report"
    for command in (["report", str(folder), "--out", str(out)],
                    ["load", str(folder), "--out", str(tmp_path / "a.csv")],
                    ["quotes", str(folder), "--out", str(tmp_path / "q.jsonl")],
                    ["reactions", str(folder), "--out", str(tmp_path / "r.csv")]):
        assert main(command + ["--no-progress"]) == 1
        err = capsys.readouterr().err
        assert f"no articles loaded from {folder}" in err
        assert "3 unsupported" in err and "1 empty" in err
    assert not out.exists() and not (tmp_path / "a.csv").exists()


# --------------------------------------------------------------------------- the real set

@pytest.fixture(scope="module")
def giveme():
    folder = need_shared(SHARED / "data" / "giveme5w1h_gold")
    return folder, _load(folder)


def test_giveme5w1h_loads_whole(giveme):
    folder, (articles, rejects) = giveme
    files = [p for p in folder.iterdir() if p.suffix == ".json"]
    assert len(files) == 96
    problems = rejects[rejects["code"] != "ignored"]
    assert len(articles) + len(problems) == 96
    # the one record without a date is dated by its URL's day, not rejected
    assert len(articles) == 96, problems["reason"].tolist()
    assert articles["category"].notna().sum() == 95  # the event, kept as a column
    assert articles["description"].notna().sum() == 95
    assert articles["outlet"].nunique() == 13
    # "YYYY-MM-DD 00:00:00" is how the set writes a day without a time
    assert (articles["published_precision"] == "date").sum() >= 22
    assert set(articles["language"]) == {"en"}


def test_cli_report_and_quotes_on_giveme5w1h(giveme, tmp_path, capsys):
    folder, _ = giveme
    assert main(["quotes", str(folder), "--out", str(tmp_path / "q.csv"), "--no-progress"]) == 0
    quotes = pd.read_csv(tmp_path / "q.csv")
    assert len(quotes) > 300 and quotes["article_id"].nunique() > 60
