"""The loader under hostile input (issue 13): with ``on_error="skip"`` nothing escapes as an
exception, every file and record ends in ``articles`` or ``rejects``, and each reject says
what was wrong. The inputs are built in temporary folders by ``tests/_hostile.py``."""

from __future__ import annotations

import gzip
import json
import os
import warnings
from pathlib import Path

import pandas as pd
import pytest

import _hostile
from _hostile import BODY, STORY, article, jsonl
from coverage_kit.cli import main
from coverage_kit.errors import InputError
from coverage_kit.loader import display_path, load_articles
from coverage_kit.readers import METADATA_NAMES, Limits


def _load(path, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_articles(path, syndication=None, **kw)


def _files(folder: Path) -> set[str]:
    out = set()
    for dirpath, dirnames, filenames in os.walk(folder):
        for n in filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            if n != ".ckignore":
                out.add(display_path(os.path.join(dirpath, n)))
    return out


def _rejects(result, code=None):
    r = result.rejects
    return r if code is None else r[r["code"].astype(str) == code]


@pytest.mark.parametrize("name, fmt, build", _hostile.CASES, ids=[c[0] for c in _hostile.CASES])
def test_every_hostile_input_is_accounted_for(tmp_path, name, fmt, build):
    expected = build(tmp_path)
    articles, rejects = _load(tmp_path)  # must not raise
    seen = set(articles["source_path"]) | set(rejects["source_path"])
    described = (articles["format"].astype(str) == "folder").any()
    missing = {f for f in _files(tmp_path) if f not in seen
               and not (described and Path(f).name in METADATA_NAMES)}
    assert not missing, f"{name}: neither loaded nor rejected: {missing}"
    if expected is not None:
        assert len(articles) + len(rejects) >= expected
    assert rejects["reason"].notna().all() and (rejects["reason"].str.len() > 5).all()


# --------------------------------------------------------------------------- archives

def test_truncated_gzip_keeps_the_lines_before_the_break(tmp_path):
    data = gzip.compress(jsonl(article(i) for i in range(400)))
    (tmp_path / "feed.jsonl.gz").write_bytes(data[: len(data) * 3 // 4])
    articles, rejects = _load(tmp_path)
    assert 100 < len(articles) < 400
    (bad,) = rejects.itertuples()
    assert bad.code == "malformed" and "truncated or corrupt" in bad.reason
    assert bad.source_line == len(articles) + 1 or bad.source_line > len(articles)


def test_truncated_and_corrupt_archives_name_the_file_with_raise(tmp_path):
    (tmp_path / "story.txt.xz").write_bytes(b"\xfd7zXZ\x00\x00not really xz")
    with pytest.raises(InputError, match=r"story\.txt\.xz: .*truncated or corrupt"):
        load_articles(tmp_path, on_error="raise")


def test_gzip_bomb_stops_at_the_byte_limit(tmp_path):
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"Title\n\n" + b"a " * 500_000))
    (tmp_path / "bomb.jsonl.gz").write_bytes(gzip.compress(jsonl(article(i) for i in range(300))))
    result = _load(tmp_path, limits=Limits(max_file_bytes=50_000))
    big = _rejects(result, "too_large")
    assert set(big["source_path"].map(lambda p: Path(p).name)) == {"bomb.txt.gz", "bomb.jsonl.gz"}
    assert big["reason"].str.contains("50,000 bytes").all()
    # the JSON Lines records read before the limit are kept
    assert 0 < (result.articles["source_path"].str.endswith("bomb.jsonl.gz")).sum() < 300


def test_field_and_column_limits(tmp_path):
    (tmp_path / "long.csv").write_text("title,text,published\nA," + "x" * 5000
                                       + ",2024-05-01\nB," + BODY.replace(",", "")
                                       + ",2024-05-02\n")
    (tmp_path / "wide.csv").write_text(",".join(["title", "text", "published"]
                                                + [f"c{i}" for i in range(50)]) + "\n")
    result = _load(tmp_path, limits=Limits(max_field_chars=1000, max_columns=20))
    assert list(result.articles["title"]) == ["B"]
    big = _rejects(result, "too_large")
    assert sorted(zip(big["source_path"].map(lambda p: Path(p).name), big["source_line"])) == [
        ("long.csv", 2), ("wide.csv", 1)]


def test_wide_table_loads(tmp_path):
    n = 20_000
    (tmp_path / "wide.csv").write_text(
        ",".join(["title", "text", "published"] + [f"c{i}" for i in range(n)]) + "\n"
        + ",".join(["Floods", BODY.replace(",", ""), "2024-05-01"] + ["x"] * n) + "\n")
    articles, _ = _load(tmp_path, detect_language=False)
    assert len(articles) == 1 and articles.loc[0, "c19999"] == "x"


# --------------------------------------------------------------------------- files and folders

def test_fifo_and_device_are_listed_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    (tmp_path / "a.txt").write_text(STORY)
    result = _load(tmp_path)
    assert len(result.articles) == 1
    nf = _rejects(result, "not_a_file")
    assert dict(zip(nf["source_path"].map(lambda p: Path(p).name), nf["reason"])) == {
        "pipe.txt": "a FIFO (named pipe), not a regular file; it is not read",
        "zero.txt": "a device, not a regular file; it is not read"}


def test_hidden_and_system_files_are_ignored(tmp_path):
    for name in (".DS_Store", "._a.txt", "Thumbs.db", "desktop.ini", "draft.txt~"):
        (tmp_path / name).write_bytes(b"\x00\x01junk")
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text(STORY)
    result = _load(tmp_path)
    assert len(result.articles) == 1
    assert sorted(Path(p).name for p in _rejects(result, "ignored")["source_path"]) == sorted([
        ".DS_Store", ".git", "._a.txt", "Thumbs.db", "desktop.ini", "draft.txt~"])
    assert result.summary() == "1 of 1 records loaded; 6 file(s) ignored"


def test_symlink_loop_reads_each_file_once(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(STORY)
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    os.symlink("self.txt", tmp_path / "self.txt")
    result = _load(tmp_path)
    assert len(result.articles) == 1
    assert "link loop" in _rejects(result, "unreadable")["reason"].iloc[0]


def test_unreadable_subfolder_is_a_reject(tmp_path, monkeypatch):
    # tests run as root, where chmod 000 does not stop reading: make listing fail instead
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(STORY.replace("Floods", "Storm"))
    (tmp_path / "a.txt").write_text(STORY)
    real_iterdir = Path.iterdir

    def iterdir(self):
        if self.name == "locked":
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    result = _load(tmp_path)
    assert len(result.articles) == 1
    (bad,) = _rejects(result, "unreadable").itertuples()
    assert bad.source_path.endswith("locked") and "Permission denied" in bad.reason


def test_non_utf8_file_name_is_loaded_and_named(tmp_path):
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "wb") as fh:
        fh.write((STORY).encode())
    articles, _ = _load(tmp_path)
    assert articles["source_path"].iloc[0].endswith("caf\\xe9.txt")


def test_latin1_ckignore(tmp_path):
    (tmp_path / ".ckignore").write_bytes("notes_\xe9t\xe9.txt\n".encode("latin-1"))
    with open(os.path.join(os.fsencode(tmp_path), "notes_\xe9t\xe9.txt".encode()), "wb") as fh:
        fh.write(b"not an article")
    (tmp_path / "a.txt").write_text(STORY)
    result = _load(tmp_path)
    assert len(result.articles) == 1
    assert "ckignore" in _rejects(result, "ignored")["reason"].iloc[0]


# --------------------------------------------------------------------------- JSON

def test_deep_json_and_surrogates(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "sur.jsonl").write_bytes(
        b'{"title": "Floods \\ud800 recede", "text": "' + BODY.encode()
        + b'", "published": "2024-05-01"}\n')
    result = _load(tmp_path)
    (a,) = result.articles.itertuples()
    assert a.title == "Floods \ufffd recede" and a.encoding_repairs == 1
    assert "nested too deeply" in _rejects(result, "malformed")["reason"].iloc[0]


def test_jsonl_columns_are_resolved_per_record(tmp_path):
    recs = [{"body": BODY, "date": "2024-05-01"}] + [article(i) for i in range(1, 4)]
    (tmp_path / "mixed.jsonl").write_bytes(jsonl(recs))
    result = _load(tmp_path)
    assert len(result.articles) == 3 and set(result.articles["outlet"]) == {"Reuters"}
    assert list(result.rejects["code"]) == ["missing_title"]


@pytest.mark.parametrize("value, expected", [
    (10**400, "far too large"), ("1" + "0" * 400, "too long"), (-1e10, "implausible year"),
    (1e308, "too large for seconds"),
])
def test_absurd_dates_are_rejected_with_a_reason(tmp_path, value, expected):
    (tmp_path / "d.jsonl").write_text(json.dumps(article(0, published=value)) + "\n")
    result = _load(tmp_path)
    assert list(result.rejects["code"]) == ["bad_date"]
    assert expected in result.rejects["reason"].iloc[0]


# --------------------------------------------------------------------------- Parquet

@pytest.mark.parametrize("name, data, code, words", [
    ("empty.parquet", b"", "empty", "empty"),
    ("junk.parquet", b"not parquet" * 10, "malformed", "PAR1"),
    ("g.parquet.gz", gzip.compress(b"PAR1...PAR1"), "unsupported", "decompress"),
])
def test_broken_parquet_is_rejected(tmp_path, name, data, code, words):
    (tmp_path / name).write_bytes(data)
    result = _load(tmp_path)
    assert list(result.rejects["code"]) == [code] and words in result.rejects["reason"].iloc[0]


def test_zero_row_and_truncated_parquet(tmp_path):
    _hostile.CASES[[c[0] for c in _hostile.CASES].index("zero-row .parquet")][2](tmp_path)
    _hostile.CASES[[c[0] for c in _hostile.CASES].index("truncated .parquet")][2](tmp_path)
    result = _load(tmp_path)
    got = {Path(p).name: c for p, c in zip(result.rejects["source_path"], result.rejects["code"])}
    assert got == {"zero.parquet": "empty", "t.parquet": "malformed"}


# --------------------------------------------------------------------------- CSV / TSV

def _csv_case(tmp_path, name):
    i = [c[0] for c in _hostile.CASES].index(name)
    _hostile.CASES[i][2](tmp_path)
    return _load(tmp_path)


def test_unclosed_quote_rejects_one_row_only(tmp_path):
    result = _csv_case(tmp_path, "CSV with an unclosed quote")
    assert len(result.articles) == 19
    (bad,) = result.rejects.itertuples()
    assert (bad.code, bad.source_line) == ("malformed", 6)


def test_unclosed_quote_raise_names_file_and_line(tmp_path):
    _hostile.CASES[[c[0] for c in _hostile.CASES].index("CSV with an unclosed quote")][2](tmp_path)
    with pytest.raises(InputError, match=r"t\.csv:6: "):
        load_articles(tmp_path, on_error="raise")


def test_quote_marks_in_content_are_kept(tmp_path):
    result = _csv_case(tmp_path, "CSV with quote marks inside an unquoted field")
    assert sorted(result.articles["title"]) == ['"Safe" zone declared',
                                                'Mayor calls plan "reckless"']


def test_semicolon_csv_is_read(tmp_path):
    result = _csv_case(tmp_path, "semicolon CSV")
    assert sorted(result.articles["title"]) == [f"Floods, part {i}" for i in range(4)]


def test_header_only_and_duplicate_columns(tmp_path):
    (tmp_path / "h.csv").write_text("title,text,published\n")
    (tmp_path / "dup.csv").write_text("title,text,text,published\nA,b,c,2024-05-01\n")
    result = _load(tmp_path)
    got = {Path(p).name: (c, r) for p, c, r in result.rejects[
        ["source_path", "code", "reason"]].itertuples(index=False)}
    assert got["h.csv"] == ("empty", "the table has a header but no rows")
    assert got["dup.csv"][0] == "malformed"
    assert "duplicate column name(s) 'text'" in got["dup.csv"][1]


# --------------------------------------------------------------------------- encoding

def test_one_stray_latin1_byte_is_repaired_on_its_line_only(tmp_path):
    (tmp_path / "z.txt").write_bytes("---\ndate: 2024-05-01\n---\nZ\u00fcrich floods recede\n\n"
                                     .encode() + BODY.encode()
                                     + b"\nCaf\xe9 owners count the cost.\n"
                                     + "M\u00fcller said.".encode())
    (a,) = _load(tmp_path).articles.itertuples()
    assert a.title == "Zürich floods recede"
    assert "Café owners" in a.text and "Müller said." in a.text and "Ã" not in a.text
    assert a.encoding_repairs == 1


def test_csv_repairs_are_counted_on_their_row(tmp_path):
    (tmp_path / "t.csv").write_bytes("title,text,published\nZ\u00fcrich,".encode()
                                     + BODY.replace(",", "").encode() + b",2024-05-01\n"
                                     + b"Caf\xe9 owners," + BODY.replace(",", "").encode()
                                     + b",2024-05-02\n")
    articles = _load(tmp_path).articles.sort_values("title")
    assert list(articles["title"]) == ["Café owners", "Zürich"]
    assert list(articles["encoding_repairs"]) == [1, 0]


def test_mixed_line_that_cannot_be_repaired_is_rejected(tmp_path):
    (tmp_path / "bad.txt").write_bytes("Title\n\nZ\u00fcrich ".encode() + b"\xe9\x81\n")
    result = _load(tmp_path)
    (bad,) = result.rejects.itertuples()
    assert (bad.code, bad.source_line) == ("encoding", 3)


# --------------------------------------------------------------------------- metadata tables

def _meta_case(tmp_path, name):
    i = [c[0] for c in _hostile.CASES].index(name)
    _hostile.CASES[i][2](tmp_path)
    result = _load(tmp_path, detect_language=False)
    return result, {(Path(p).name, None if pd.isna(ln) else int(ln)): c for p, ln, c in
                    result.rejects[["source_path", "source_line", "code"]].itertuples(index=False)}


def test_empty_metadata_table_rejects_the_files_it_describes(tmp_path):
    result, got = _meta_case(tmp_path, "empty metadata table")
    assert len(result.articles) == 0
    assert got == {("doc0.txt", None): "no_metadata", ("doc1.txt", None): "no_metadata",
                   ("metadata.tsv", None): "malformed"}
    assert "metadata.tsv describes this file but cannot be used: it is empty" in \
        _rejects(result, "no_metadata")["reason"].iloc[0]


def test_latin1_metadata_table_is_read(tmp_path):
    result, got = _meta_case(tmp_path, "Latin-1 metadata table")
    assert sorted(result.articles["title"]) == ["B", "Zürich"] and not got


def test_ragged_metadata_row(tmp_path):
    result, got = _meta_case(tmp_path, "ragged metadata table")
    assert list(result.articles["title"]) == ["Floods recede (doc1)"]
    assert got == {("metadata.tsv", 2): "malformed", ("doc0.txt", None): "no_metadata"}


def test_duplicate_metadata_key(tmp_path):
    result, got = _meta_case(tmp_path, "metadata table with a duplicate key")
    assert len(result.articles) == 1
    assert got == {("doc0.txt", None): "no_metadata", ("metadata.tsv", 3): "malformed"}
    assert "several rows" in _rejects(result, "no_metadata")["reason"].iloc[0]


def test_metadata_row_without_a_file(tmp_path):
    result, got = _meta_case(tmp_path, "metadata rows without a file")
    assert len(result.articles) == 2 and got == {("metadata.tsv", 4): "no_file"}


def test_metadata_keys_are_relative_paths(tmp_path):
    result, got = _meta_case(tmp_path, "metadata same stem in two sub-folders")
    days = {Path(p).parent.name: d.strftime("%Y-%m-%d")
            for p, d in zip(result.articles["source_path"], result.articles["published"])}
    assert days == {"a": "2024-05-01", "b": "2024-05-02"} and not got


def test_bare_name_shared_by_two_files_is_not_guessed(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "doc0.txt").write_text(f"Floods ({sub})\n\n{BODY}")
    (tmp_path / "metadata.tsv").write_text("filename\tpublished\ndoc0\t2024-05-01\n")
    result = _load(tmp_path)
    assert len(result.articles) == 0
    assert set(result.rejects["code"]) == {"no_metadata"}
    assert "could be any of a/doc0.txt, b/doc0.txt" in result.rejects["reason"].iloc[0]


# --------------------------------------------------------------------------- dates and the CLI

def test_dst_gaps_folds_and_far_offsets(tmp_path):
    result = _csv_case(tmp_path, "local times that do not exist or are ambiguous")
    assert len(result.articles) == 0
    reasons = dict(zip(result.rejects["source_line"], result.rejects["reason"]))
    assert "does not exist in America/New_York" in reasons[2]
    assert "happened twice in America/New_York" in reasons[3]
    assert "impossible UTC offset" in reasons[4] and "impossible UTC offset" in reasons[5]


def test_cli_names_the_file_and_line_in_strict_mode(tmp_path, capsys):
    _hostile.CASES[[c[0] for c in _hostile.CASES].index("CSV with an unclosed quote")][2](tmp_path)
    assert main(["load", str(tmp_path), "--strict", "--no-progress",
                 "--out", str(tmp_path / "out.jsonl")]) != 0
    assert "t.csv:6: " in capsys.readouterr().err
