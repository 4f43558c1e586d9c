"""The corpus store builder: a store equals the in-memory pipeline, row for row; reruns redo
only what changed; an interrupted build leaves a consistent store and resumes."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest

import coverage_kit as ck
import importlib
from coverage_kit.cli import main

build_mod = importlib.import_module("coverage_kit.build")
from coverage_kit.store import open_store, read_manifest

from _shared import ROOT, SAMPLE, SHARED, need_shared

KEYS = {
    "articles": ["article_id"],
    "quotes": ["article_id", "start", "end", "speaker"],
    "reactions": ["article_id", "start", "end", "country", "actor", "source"],
    "rejects": ["source_path", "source_line", "code", "reason"],
}


def _cell(v):
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
        return None
    if isinstance(v, float):
        return round(v, 12)
    if hasattr(v, "tolist") and not isinstance(v, str):
        return tuple(v.tolist())
    if isinstance(v, list):
        return tuple(v)
    return v if isinstance(v, (str, int, bool)) else str(v)


def _rows(df: pd.DataFrame, columns: list[str]) -> list[tuple]:
    """Rows as comparable tuples, sorted (categoricals, NA spellings and list types
    normalised)."""
    out = []
    for rec in df[columns].astype(object).itertuples(index=False, name=None):
        out.append(tuple(_cell(v) for v in rec))
    return sorted(out, key=lambda r: tuple((x is None, str(x)) for x in r))


def assert_same(store_df: pd.DataFrame, mem: pd.DataFrame, name: str) -> None:
    """The store's table equals the in-memory one: the same columns (apart from the store's
    ``month`` partition column) and the same rows."""
    missing = set(mem.columns) - set(store_df.columns)
    assert not missing, f"{name}: columns missing from the store: {missing}"
    extra = set(store_df.columns) - set(mem.columns) - {"month"}
    assert not extra, f"{name}: columns only in the store: {extra}"
    assert len(store_df) == len(mem), f"{name}: {len(store_df)} rows in the store, {len(mem)}"
    cols = list(mem.columns)
    a, b = _rows(store_df, cols), _rows(mem, cols)
    if a != b:
        bad = next(i for i, (x, y) in enumerate(zip(a, b)) if x != y)
        diff = {c: (x, y) for c, x, y in zip(cols, a[bad], b[bad]) if x != y}
        raise AssertionError(f"{name}: first differing row (store, memory): {diff}")


def in_memory(sources, *, actors=None, focus=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts, rejects = ck.load_articles(sources)
        quotes = ck.quotes_table(arts)
        reactions = ck.reactions_table(arts, quotes=quotes, actors=actors, focus=focus)
    return {"articles": arts, "rejects": rejects, "quotes": quotes, "reactions": reactions}


def assert_store_equals(store, tables: dict) -> None:
    st = open_store(store)
    for name, mem in tables.items():
        assert_same(st.df(name), mem, name)
    counts = st.counts
    assert counts == {k: len(v) for k, v in tables.items()}


def store_tables(store) -> dict:
    st = open_store(store)
    return {name: st.df(name) for name in ("articles", "rejects", "quotes", "reactions")}


@pytest.fixture(scope="module")
def sample_tables():
    return in_memory(SAMPLE, actors=SAMPLE)


@pytest.mark.parametrize("workers", [1, 2])
def test_sample_store_equals_the_in_memory_tables(tmp_path, sample_tables, workers):
    # batches of 10 articles: duplicates, syndicated copies and one speaker's spellings fall
    # in different batches, so the corpus-level passes are what makes the tables equal
    result = ck.build(SAMPLE, tmp_path / "store", actors=SAMPLE, batch_articles=10,
                      workers=workers)
    assert result.batches > 5
    assert_store_equals(result, sample_tables)
    arts = sample_tables["articles"]
    assert arts["story_id"].nunique() < len(arts)  # the sample has syndicated copies
    assert (sample_tables["rejects"]["code"] == "duplicate").any()
    assert result.focus == "XVA"
    assert result.rejects["duplicate"] == 1
    manifest = read_manifest(tmp_path / "store")
    assert manifest["focus"] == "XVA"
    inputs = {i["path"]: i for i in manifest["inputs"]}
    wire = next(p for p in inputs if p.endswith("veldavia_2025-03.jsonl"))
    assert len(inputs[wire]["sha256"]) == 64 and inputs[wire]["articles"] > 0


@pytest.fixture(scope="module")
def real_corpus(tmp_path_factory):
    """300 PolNeAR articles (all of dev, the first train ones) and the Giveme5W1H gold files,
    read in place: PolNeAR's folder layout needs its metadata table, so the chosen files and
    their rows are copied into a temporary folder (never into the repository)."""
    polnear = need_shared(SHARED / "data" / "polnear")
    giveme = need_shared(SHARED / "data" / "giveme5w1h_gold")
    folder = tmp_path_factory.mktemp("polnear")
    meta = pd.read_csv(polnear / "metadata.tsv", sep="\t", dtype=str, keep_default_na=False)
    chosen = []
    for comp in ("dev", "train"):
        names = sorted(p.stem for p in (polnear / comp / "text").glob("*.txt"))
        chosen += [(comp, n) for n in names[: 300 - len(chosen)]]
    keep = meta[meta["filename"].isin({n for _, n in chosen})]
    keep.to_csv(folder / "metadata.tsv", sep="\t", index=False)
    for comp, name in chosen:
        (folder / comp).mkdir(exist_ok=True)
        shutil.copyfile(polnear / comp / "text" / f"{name}.txt", folder / comp / f"{name}.txt")
    return [folder, giveme]


def test_real_corpora_store_equals_the_in_memory_tables(tmp_path, real_corpus):
    tables = in_memory(real_corpus)
    assert len(tables["articles"]) > 350 and len(tables["quotes"]) > 2000
    result = ck.build(real_corpus, tmp_path / "store", batch_articles=60, workers=2)
    assert result.focus == ck.corpus_focus(tables["articles"])
    assert_store_equals(result, tables)
    st = open_store(result)
    # one id for every spelling of a speaker, across batches
    ids = st.sql("SELECT count(DISTINCT speaker_id) FROM quotes").fetchone()[0]
    assert ids == tables["quotes"]["speaker_id"].nunique()


# --------------------------------------------------------------------------- incremental

def _copy_sample(dst: Path, *, skip: tuple[str, ...] = ()) -> Path:
    shutil.copytree(SAMPLE, dst, ignore=lambda d, names: [n for n in names if n in skip])
    return dst


class Calls:
    """Counts what the batch steps extract (the serial executor runs them in this process)."""

    def __init__(self, monkeypatch):
        self.loaded = self.quoted = self.reacted = 0
        load, quotes, reactions = (build_mod._load_unit, ck.quotes_table, ck.reactions_table)
        from coverage_kit.extract import quotes as q, reactions as r

        def counted_load(job):
            frames, skips = load(job)
            self.loaded += sum(len(f) for f in frames)
            return frames, skips

        def counted_quotes(arts, **kw):
            self.quoted += len(arts)
            return quotes(arts, **kw)

        def counted_reactions(arts, **kw):
            self.reacted += len(arts)
            return reactions(arts, **kw)

        monkeypatch.setattr(build_mod, "_load_unit", counted_load)
        monkeypatch.setattr(q, "quotes_table", counted_quotes)
        monkeypatch.setattr(r, "reactions_table", counted_reactions)


def test_rerun_after_adding_files_redoes_only_the_new_batches(tmp_path, sample_tables,
                                                               monkeypatch):
    src = _copy_sample(tmp_path / "src", skip=("html",))
    store = tmp_path / "store"
    first = ck.build(src, store, actors=SAMPLE, batch_articles=10)
    assert first.counts["articles"] < len(sample_tables["articles"])
    shutil.copytree(SAMPLE / "html", src / "html")
    calls = Calls(monkeypatch)
    again = ck.build(src, store, actors=SAMPLE, batch_articles=10)
    n_html = len(list((SAMPLE / "html").glob("*.html")))
    assert calls.loaded == n_html  # only the new files were read and tagged
    assert calls.quoted <= n_html  # and only their articles had quotes extracted
    full = ck.build(src, tmp_path / "full", actors=SAMPLE, batch_articles=10)
    a, b = store_tables(again), store_tables(full)
    for name in a:
        assert_same(a[name], b[name].drop(columns=["month"], errors="ignore"), name)
    assert again.counts == full.counts


def test_changed_file_reuses_the_quotes_of_its_unchanged_articles(tmp_path, monkeypatch):
    src = _copy_sample(tmp_path / "src")
    jsonl = src / "newsplease" / "veldavia_2025-03.jsonl"
    store = tmp_path / "store"
    ck.build(src, store, actors=SAMPLE, batch_articles=50)
    lines = jsonl.read_text(encoding="utf-8").splitlines(keepends=True)
    rec = json.loads(lines[0])
    rec["title"] = rec["title"] + " (updated)"
    rec["maintext"] = rec.get("maintext", "") + "\nThe Foreign Ministry of Ruritania said it was \"deeply concerned\"."
    jsonl.write_text(json.dumps(rec) + "\n" + "".join(lines[1:]), encoding="utf-8")
    calls = Calls(monkeypatch)
    again = ck.build(src, store, actors=SAMPLE, batch_articles=50)
    assert calls.loaded > 1  # the batch holding the file is read again...
    assert calls.quoted == 1  # ...but only the changed article's quotes are extracted
    assert_store_equals(again, in_memory(src, actors=SAMPLE))


def test_removed_input_leaves_the_store(tmp_path):
    src = _copy_sample(tmp_path / "src")
    store = tmp_path / "store"
    ck.build(src, store, actors=SAMPLE, batch_articles=20)
    gone = src / "mediacloud" / "veldavia_stories.csv"
    gone.unlink()
    result = ck.build(src, store, actors=SAMPLE, batch_articles=20)
    assert any(p.endswith("veldavia_stories.csv") for p in result.removed_inputs)
    assert "gone, their rows removed" in result.summary()
    st = open_store(store)
    paths = st.sql("SELECT DISTINCT source_path FROM articles").df()["source_path"]
    assert not paths.str.endswith("veldavia_stories.csv").any()
    assert_store_equals(result, in_memory(src, actors=SAMPLE))


def test_new_extractor_version_reextracts_only_its_table(tmp_path, sample_tables, monkeypatch):
    store = tmp_path / "store"
    ck.build(SAMPLE, store, actors=SAMPLE, batch_articles=40)
    before = read_manifest(store)["tables"]
    calls = Calls(monkeypatch)
    monkeypatch.setattr(build_mod, "REACTIONS_VERSION", "test-next")
    result = ck.build(SAMPLE, store, actors=SAMPLE, batch_articles=40)
    assert (calls.loaded, calls.quoted) == (0, 0)
    assert calls.reacted == len(sample_tables["articles"])
    after = read_manifest(store)["tables"]
    assert after["articles"]["files"] == before["articles"]["files"]
    assert after["quotes"]["files"] == before["quotes"]["files"]
    assert after["reactions"]["version"] != before["reactions"]["version"]
    assert_store_equals(result, sample_tables)

    calls.loaded = calls.quoted = calls.reacted = 0
    monkeypatch.setattr(build_mod, "QUOTES_VERSION", "test-next")
    result = ck.build(SAMPLE, store, actors=SAMPLE, batch_articles=40)
    assert calls.loaded == 0  # quotes come from the stored articles, not the input files
    assert calls.quoted == len(sample_tables["articles"].drop_duplicates("article_id"))
    assert read_manifest(store)["tables"]["articles"]["files"] == before["articles"]["files"]
    assert_store_equals(result, sample_tables)


def test_rebuild_with_other_actors_finds_the_mentions_again(tmp_path, sample_tables):
    # the staged focus scores, and the actor mentions the reactions step reuses, depend on
    # the actors tables: the sample's own officials are unknown without them, so a rebuild
    # with them gives what a fresh build gives (the focus included)
    store = tmp_path / "store"
    ck.build(SAMPLE, store, batch_articles=40)
    result = ck.build(SAMPLE, store, actors=SAMPLE, batch_articles=40)
    assert_store_equals(result, sample_tables)


def test_stale_files_are_ignored_by_readers_and_removed_by_the_next_build(tmp_path,
                                                                          sample_tables):
    store = tmp_path / "store"
    ck.build(SAMPLE, store, actors=SAMPLE, batch_articles=40)
    junk = store / "articles" / "month=2025-03" / "g123-killed.parquet"
    sample_tables["articles"].head(3).to_parquet(junk)
    tmp = store / "quotes" / "month=2025-03" / ".x.parquet.99999.tmp"
    tmp.write_bytes(b"half a file")
    assert open_store(store).sql("SELECT count(*) FROM articles").fetchone()[0] == len(
        sample_tables["articles"])
    ck.build(SAMPLE, store, actors=SAMPLE, batch_articles=40)
    assert not junk.exists() and not tmp.exists()


# --------------------------------------------------------------------------- interruption

def _generate(folder: Path, n: int) -> None:
    """``n`` invented articles recombined from the sample's paragraphs (as bench_scale)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = ck.load_articles(SAMPLE).articles
    arts = arts[arts["language"] == "en"]
    rng = random.Random(7)
    paras = [p for t in arts["text"] for p in str(t).split("\n") if p.strip()]
    titles = arts["title"].astype(str).tolist()
    folder.mkdir()
    with open(folder / "generated.jsonl", "w", encoding="utf-8") as fh:
        for i in range(n):
            body = "\n".join(rng.choice(paras) for _ in range(rng.randint(4, 8)))
            fh.write(json.dumps({"title": f"{rng.choice(titles)} {i}", "text": body,
                                 "published": f"2025-03-{1 + i % 28:02d}T10:00:00Z",
                                 "outlet": "Reuters"}) + "\n")


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gen") / "inputs"
    _generate(folder, 400)
    reference = tmp_path_factory.mktemp("ref") / "store"
    ck.build(folder, reference, focus="XVA", batch_articles=20)
    return folder, store_tables(reference)


def _cli(inputs: Path, store: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "coverage_kit.cli", "build", str(inputs), "--store", str(store),
         "--focus", "XVA", "--batch-articles", "20", "--no-progress"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_interrupted_build_leaves_a_consistent_store_and_resumes(tmp_path, generated, sig):
    inputs, reference = generated
    store = tmp_path / "store"
    proc = _cli(inputs, store)
    deadline = time.monotonic() + 300
    staged = 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:  # wait until a few batches are committed, then interrupt mid-build
            staged = sum(1 for u in read_manifest(store)["build"]["units"].values()
                         if u.get("stage"))
        except Exception:  # noqa: BLE001 - no manifest yet
            staged = 0
        if staged >= 3:
            break
        time.sleep(0.1)
    assert proc.poll() is None, "the build finished before it could be interrupted"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    if sig == signal.SIGINT:
        assert proc.returncode == 130, err
        assert "interrupted" in err
    # consistent: it opens, and every listed file exists (an unfinished first build lists none)
    st = open_store(store)
    assert st.sql("SELECT count(*) FROM articles").fetchone()[0] == st.counts["articles"]
    units = read_manifest(store)["build"]["units"]
    assert sum(1 for u in units.values() if u.get("stage")) >= 3
    # resume: the batches staged before the interruption are not loaded again
    result = ck.build(inputs, store, focus="XVA", batch_articles=20)
    assert result.batches_staged <= result.batches - 3
    resumed = store_tables(store)
    for name in resumed:
        assert_same(resumed[name], reference[name].drop(columns=["month"], errors="ignore"), name)
    listed = {f for t in read_manifest(store)["tables"].values() for f in t["files"]}
    on_disk = {p.relative_to(store).as_posix() for t in ("articles", "quotes", "reactions")
               for p in (store / t).rglob("*") if p.is_file()}
    assert on_disk <= listed  # what the killed build left behind is gone


# --------------------------------------------------------------------------- CLI and errors

def test_cli_build_prints_a_summary(tmp_path, capsys):
    code = main(["build", str(SAMPLE / "html"), "--store", str(tmp_path / "s"),
                 "--focus", "XVA", "--no-progress"])
    err = capsys.readouterr().err
    assert code == 0
    assert "26 articles" in err and "quotes" in err and "reactions" in err
    assert " s" in err.splitlines()[-1]  # the time taken
    assert open_store(tmp_path / "s").counts["articles"] == 26


def test_build_refuses_a_folder_that_is_not_a_store(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ck.InputError, match="not a coverage-kit store"):
        ck.build(SAMPLE / "html", tmp_path)
    assert main(["build", str(SAMPLE / "html"), "--store", str(tmp_path),
                 "--no-progress"]) == 1


def test_cli_build_of_inputs_without_articles_fails_with_the_reasons(tmp_path, capsys):
    code = main(["build", str(SAMPLE / "broken" / "empty.txt"), "--store", str(tmp_path / "s"),
                 "--no-progress"])
    err = capsys.readouterr().err
    assert code == 1
    assert "1 rejects (1 empty)" in err and "no article loaded" in err
    assert open_store(tmp_path / "s").df("rejects")["code"].tolist() == ["empty"]


def test_a_store_inside_its_sources_is_not_read_as_articles(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(SAMPLE / "html", src)
    first = ck.build(src, src / "store", focus="XVA")
    again = ck.build(src, src / "store", focus="XVA")
    assert again.counts == first.counts and again.batches_staged == 0


def test_a_second_build_on_the_same_store_is_refused_while_one_runs(tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (store / ".build.lock").write_text(str(sleeper.pid), encoding="ascii")
        with pytest.raises(ck.InputError, match="another build"):
            ck.build(SAMPLE / "html", store, focus="XVA")
    finally:
        sleeper.kill()
        sleeper.wait()
    result = ck.build(SAMPLE / "html", store, focus="XVA")  # the lock of a dead process
    assert result.counts["articles"] == 26 and not (store / ".build.lock").exists()
