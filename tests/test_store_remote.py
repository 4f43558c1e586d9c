"""A store on object storage: ``build(..., store="s3://...")`` builds in a local work folder and
publishes the store to the URL; ``open_store(URL)``, the dashboard queries and
``coverage-kit report --store URL`` read it there.

fsspec's in-memory filesystem (``memory://``) stands in for S3: it is what an object store
is to fsspec (flat keys, whole-object writes), and it needs no network.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import fsspec
import matplotlib
import pytest

matplotlib.use("Agg")

from coverage_kit import queries as Q  # noqa: E402
from coverage_kit.build import build  # noqa: E402
from coverage_kit.cli import main  # noqa: E402
from coverage_kit.store import StoreError, open_store, publish  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
MEM = fsspec.filesystem("memory")


def _url() -> str:
    return f"memory://bucket-{uuid.uuid4().hex[:8]}/kazakhstan-2022"


def _remote_files(url: str) -> set[str]:
    base = url.split("://", 1)[1]
    return {p.split(base + "/", 1)[1] for p in MEM.find("/" + base)}


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> Path:
    """The invented sample corpus, copied so a test can add to it."""
    root = tmp_path_factory.mktemp("sources") / "sample"
    shutil.copytree(SAMPLE, root)
    return root


@pytest.fixture(scope="module")
def published(sources, tmp_path_factory):
    url = _url()
    work = tmp_path_factory.mktemp("work") / "store"
    result = build([str(sources)], url, work=work, actors=SAMPLE / "actors.csv",
                   progress=False)
    return url, work, result


def test_a_build_to_a_url_publishes_the_same_tables_it_built(published):
    url, work, result = published
    assert result.published == url
    assert result.publish_counts["uploaded"] >= 4 and result.publish_counts["deleted"] == 0
    assert f"published to {url}" in result.summary()
    local, remote = open_store(work), open_store(url)
    assert remote.counts == local.counts and remote.counts["articles"] > 20
    assert remote.counts["quotes"] > 0 and remote.counts["reactions"] > 0
    for table in ("articles", "quotes", "reactions", "rejects"):
        a = local.df(table).sort_values(list(local.df(table).columns[:2])).reset_index(drop=True)
        b = remote.df(table).sort_values(list(a.columns[:2])).reset_index(drop=True)
        assert a.equals(b), table
    # the work folder's staging files stay local: only the manifest and listed parts travel
    listed = {f for t in local.manifest["tables"].values() for f in t["files"]}
    assert _remote_files(url) == listed | {"manifest.json"}


def test_dashboard_queries_read_a_published_store_as_they_read_a_folder(published):
    url, work, _ = published
    local, remote = open_store(work), open_store(url)
    assert Q.summary(remote) == Q.summary(local)
    assert Q.speaker_counts(remote).equals(Q.speaker_counts(local))
    assert Q.reactions_by_country_stance(remote).equals(Q.reactions_by_country_stance(local))
    # the drill-down reads single rows from the part files at the URL
    outlet = local.df("articles")["outlet"].iloc[0]
    here, n_here = Q.drill_rows(local, table="articles", key="outlet", value=outlet)
    there, n_there = Q.drill_rows(remote, table="articles", key="outlet", value=outlet)
    assert n_there == n_here > 0 and there.equals(here)
    assert there["title"].notna().all() and there["wires"].map(len).sum() > 0


def test_publishing_again_sends_only_what_changed(published, sources, tmp_path):
    url, work, _ = published
    before = open_store(url).counts["articles"]
    again = publish(work, url)
    assert again == {"uploaded": 0, "bytes": 0, "kept": again["kept"], "deleted": 0}
    # a new page arrives: the rebuild rewrites its batch, the publish sends the new part
    # files and removes the ones the new manifest no longer lists
    page = sorted((SAMPLE / "aggregator").glob("*.txt"))[0]
    extra = sources / "late" / page.name
    extra.parent.mkdir()
    text = page.read_text(encoding="utf-8")
    title = text.split("Veldavia", 1)[1].split("\n", 1)[0]
    extra.write_text(text.replace(title, title + " (updated)", 1).rstrip()
                     + "\n\nThe ministry said later that talks would resume on Monday.\n",
                     encoding="utf-8")
    try:
        result = build([str(sources)], url, work=work, actors=SAMPLE / "actors.csv",
                       progress=False)
        local, remote = open_store(work), open_store(url)
        assert remote.counts == local.counts
        listed = {f for t in local.manifest["tables"].values() for f in t["files"]}
        assert _remote_files(url) == listed | {"manifest.json"}
        assert result.publish_counts["uploaded"] >= 1
        assert remote.counts["articles"] == before + 1
    finally:
        shutil.rmtree(extra.parent)


def test_an_interrupted_publish_leaves_the_old_store_readable(published, monkeypatch,
                                                                tmp_path):
    _, work, _ = published
    url = _url()
    first = publish(work, url)
    before = open_store(url).counts
    # a changed store whose upload dies after one file: the manifest at the URL is the old one
    changed = tmp_path / "changed"
    shutil.copytree(work, changed)
    listed = [f for t in open_store(changed).manifest["tables"].values() for f in t["files"]]
    for f in listed:  # same bytes under new names, as a rebuild of every batch would give
        (changed / f).rename(changed / f.replace(".parquet", "-v2.parquet"))
    manifest = (changed / "manifest.json").read_text(encoding="utf-8")
    (changed / "manifest.json").write_text(manifest.replace(".parquet", "-v2.parquet"),
                                           encoding="utf-8")
    calls = []
    real_put = type(MEM).put_file

    def dying_put(self, lpath, rpath, *args, **kwargs):
        calls.append(rpath)
        if len(calls) > 1:
            raise KeyboardInterrupt
        return real_put(self, lpath, rpath, *args, **kwargs)

    monkeypatch.setattr(type(MEM), "put_file", dying_put)
    with pytest.raises(KeyboardInterrupt):
        publish(changed, url)
    monkeypatch.undo()
    assert open_store(url).counts == before
    assert len(_remote_files(url)) == first["uploaded"] + 2  # + the manifest, + one new part
    # the next publish completes the job and clears the half-sent files
    done = publish(changed, url)
    assert done["deleted"] == first["uploaded"]
    assert all("-v2" in f for f in _remote_files(url) if f != "manifest.json")
    assert open_store(url).counts == before


def test_a_url_that_is_not_a_store_says_so(tmp_path):
    url = _url()
    with pytest.raises(StoreError, match="no manifest.json") as err:
        open_store(url)
    assert url in str(err.value)
    with pytest.raises(StoreError, match="cannot reach this storage"):
        open_store("nosuchprotocol://bucket/store")


def test_a_published_store_missing_a_part_file_is_named(published, tmp_path):
    _, work, _ = published
    url = _url()
    publish(work, url)
    victim = sorted(f for f in _remote_files(url) if f.startswith("quotes/"))[0]
    MEM.rm_file("/" + url.split("://", 1)[1] + "/" + victim)
    with pytest.raises(StoreError, match="missing") as err:
        open_store(url)
    assert victim in str(err.value)


def test_cli_builds_to_a_url_and_reports_from_it(sources, tmp_path, capsys):
    url = _url()
    assert main(["build", str(sources), "--store", url,
                 "--work", str(tmp_path / "work"), "--actors", str(SAMPLE / "actors.csv"),
                 "--no-progress"]) == 0
    assert f"published to {url}" in capsys.readouterr().err
    assert main(["report", "--store", url, "--out", str(tmp_path / "report")]) == 0
    assert (tmp_path / "report" / "index.html").is_file() or any(
        (tmp_path / "report").iterdir())
    local = open_store(tmp_path / "work")
    assert open_store(url).counts == local.counts


def test_work_folder_is_for_urls_only(tmp_path):
    with pytest.raises(ValueError, match="work= is for a store given as a URL"):
        build([str(SAMPLE / "aggregator")], tmp_path / "s", work=tmp_path / "w")
