"""Reading a corpus store: only what the manifest lists, in the schema's dtypes, with clear errors."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import coverage_kit as ck
from coverage_kit import schema
from coverage_kit.store import StoreError, open_store, write_manifest


@pytest.fixture(scope="module")
def sample_articles(sample_dir):
    with pytest.warns(Warning):
        articles, _ = ck.load_articles(sample_dir)
    return articles


def _write(root, articles: pd.DataFrame) -> dict:
    """The articles as one Parquet file per month, and a manifest listing them."""
    files = []
    months = articles["published"].dt.strftime("%Y-%m")
    for month, part in articles.groupby(months):
        rel = f"articles/month={month}/part-0.parquet"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        part.to_parquet(root / rel)
        files.append(rel)
    manifest = {"format": 1, "tables": {"articles": {"version": "t", "files": files,
                                                     "rows": len(articles)}}}
    write_manifest(root, manifest)
    return manifest


def test_store_reads_back_the_articles_in_schema_dtypes(tmp_path, sample_articles):
    _write(tmp_path, sample_articles)
    with open_store(tmp_path) as store:
        back = store.df("articles").sort_values("article_id").reset_index(drop=True)
        assert store.counts["articles"] == len(sample_articles)
        by_outlet = dict(store.articles.aggregate("outlet, count(*) AS n").fetchall())
    want = sample_articles.sort_values("article_id").reset_index(drop=True)
    for col in schema.ARTICLES:
        assert back[col].dtype.name == want[col].dtype.name, col
    assert back["article_id"].tolist() == want["article_id"].tolist()
    assert back["published"].equals(want["published"])
    assert back["wires"].tolist() == want["wires"].tolist()
    assert by_outlet == want["outlet"].value_counts().to_dict()


def test_tables_without_files_are_empty_with_the_declared_columns(tmp_path, sample_articles):
    _write(tmp_path, sample_articles)
    with open_store(tmp_path) as store:
        quotes = store.df("quotes")
        assert quotes.empty
        assert list(quotes.columns)[: len(schema.QUOTES)] == list(schema.QUOTES)
        assert store.sql("SELECT count(*) FROM reactions").fetchone() == (0,)


def test_files_the_manifest_does_not_list_are_ignored(tmp_path, sample_articles):
    """A killed build leaves part files behind; readers see only the committed store."""
    _write(tmp_path, sample_articles)
    stray = tmp_path / "articles" / "month=2031-01" / "part-unfinished.parquet"
    stray.parent.mkdir(parents=True)
    sample_articles.head(3).to_parquet(stray)
    with open_store(tmp_path) as store:
        assert store.sql("SELECT count(*) FROM articles").fetchone()[0] == len(sample_articles)


def test_a_folder_without_manifest_is_refused_by_name(tmp_path):
    with pytest.raises(StoreError, match=r"manifest\.json.*not a coverage-kit store"):
        open_store(tmp_path)


def test_a_listed_file_that_is_gone_is_named(tmp_path, sample_articles):
    manifest = _write(tmp_path, sample_articles)
    gone = tmp_path / manifest["tables"]["articles"]["files"][0]
    gone.unlink()
    with pytest.raises(StoreError, match=r"part-0\.parquet: listed in .*manifest\.json but "
                                         r"missing"):
        open_store(tmp_path)


def test_a_manifest_of_another_format_is_refused(tmp_path):
    (tmp_path / "manifest.json").write_text(json.dumps({"format": 99}))
    with pytest.raises(StoreError, match="unsupported store format 99"):
        open_store(tmp_path)
    (tmp_path / "manifest.json").write_text("{not json")
    with pytest.raises(StoreError, match="unreadable manifest"):
        open_store(tmp_path)


def test_user_text_in_a_filter_is_a_parameter_not_sql(tmp_path, sample_articles):
    _write(tmp_path, sample_articles)
    outlet = str(sample_articles["outlet"].iloc[0])
    with open_store(tmp_path) as store:
        rows = store.df("articles", where="outlet = ?", params=[outlet])
        assert set(rows["outlet"]) == {outlet}
        assert store.df("articles", where="title = ?",
                        params=["x'; DROP VIEW articles; --"]).empty
        assert store.counts["articles"] == len(sample_articles)
