"""A corpus of hostile inputs for the loader, built in a temporary folder on demand.

Each case is ``(name, format, build)``: ``build(folder)`` writes the input under ``folder`` and
returns the number of records it holds when that is known (so a test can check that articles
plus rejects account for every one of them), else None. Used by ``tests/test_hostile_inputs.py``
and ``benchmarks/fuzz_loader.py``. The article text is invented.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
from collections.abc import Callable
from pathlib import Path

BODY = ("Rescue teams worked through the night in the flooded river towns of the north, the "
        "regional governor said on Tuesday, as water levels began to fall for the first time "
        "in a week. More than 3,000 people spent the night in schools and sports halls.")


#: A plain-text article with its date in front matter.
STORY = "---\npublished: 2024-05-01T08:00:00+02:00\n---\nFloods recede\n\n" + BODY


def article(i: int = 0, **over) -> dict:
    rec = {"title": f"Floods recede in northern towns, part {i}", "text": f"{BODY} ({i})",
           "published": f"2024-05-{1 + i % 28:02d}T08:{i % 60:02d}:00+02:00",
           "outlet": "Reuters"}
    rec.update(over)
    return rec


def jsonl(records) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")


def csv_text(rows, sep=",") -> str:
    out = io.StringIO()
    import csv

    w = csv.writer(out, delimiter=sep, lineterminator="\n")
    for r in rows:
        w.writerow(r)
    return out.getvalue()


def encode(s: str) -> bytes:
    """UTF-8 that keeps lone surrogates (as a broken producer would write them)."""
    return s.encode("utf-8", "surrogatepass")


def _strs(rec: dict) -> dict:
    return {k: "" if v is None else str(v) for k, v in rec.items()}


FORMATS = ("jsonl", "json", "csv", "tsv", "text", "html", "feed", "parquet")


def write_records(fmt: str, recs: list[dict], folder: Path, *, well_formed: bool = True
                  ) -> tuple[Path, bytes]:
    """``recs`` as the bytes of one ``fmt`` file in ``folder``, and the path to write them to.

    ``well_formed=True`` escapes what the format needs (HTML and XML entities, one-line front
    matter and titles), so every record must come back; ``well_formed=False`` writes the
    values as a careless producer would (raw markup, CDATA, multi-line values cut), for the
    "no exception escapes" checks.
    """
    if fmt == "jsonl":
        return folder / "a.jsonl", b"".join(encode(json.dumps(r)) + b"\n" for r in recs)
    if fmt == "json":
        return folder / "a.json", encode(json.dumps(recs))
    if fmt in ("csv", "tsv"):
        keys = sorted({k for r in recs for k in r})
        rows = [keys] + [[_strs(r).get(k, "") for k in keys] for r in recs]
        return folder / f"a.{fmt}", encode(csv_text(rows, sep="," if fmt == "csv" else "\t"))
    if fmt == "text":
        r = _strs(recs[0])
        if well_formed:
            front = "".join(f"{k}: {' '.join(v.split())}\n" for k, v in r.items()
                            if k not in ("title", "text"))
            title = " ".join(r.get("title", "").split())
        else:
            front = "".join(f"{k}: {v.splitlines()[0] if v.splitlines() else ''}\n"
                            for k, v in r.items() if k not in ("title", "text"))
            title = r.get("title", "")
        return folder / "a.txt", encode(f"---\n{front}---\n{title}\n\n{r.get('text', '')}")
    if fmt == "html":
        import html

        r = _strs(recs[0])
        if well_formed:
            r = {k: html.escape(v) for k, v in r.items()}
        return folder / "a.html", encode(
            f"<html><head><title>{r.get('title', '')}</title><meta property="
            f"'article:published_time' content='{r.get('published', '')}'></head>"
            f"<body><article><h1>{r.get('title', '')}</h1><p>{r.get('text', '')}</p>"
            f"<p>{BODY}</p></article></body></html>")
    if fmt == "feed":
        from xml.sax.saxutils import escape

        def item(r: dict) -> str:
            r = _strs(r)
            if well_formed:
                return (f"<item><title>{escape(r.get('title', ''))}</title><description>"
                        f"{escape(r.get('text', ''))}</description><pubDate>"
                        f"{escape(r.get('published', ''))}</pubDate></item>")
            return (f"<item><title>{r.get('title', '')}</title><description><![CDATA["
                    f"{r.get('text', '')}]]></description><pubDate>{r.get('published', '')}"
                    "</pubDate></item>")

        items = "".join(item(r) for r in recs)
        return folder / "a.rss", encode(f"<?xml version='1.0'?><rss><channel><title>W</title>"
                                        f"{items}</channel></rss>")
    if fmt == "parquet":
        import pyarrow as pa

        keys = sorted({k for r in recs for k in r})
        return folder / "a.parquet", _parquet_bytes(pa.table({
            k: [None if r.get(k) is None else encode(str(r[k])).decode("utf-8", "replace")
                for r in recs] for k in keys}))
    raise ValueError(fmt)


def _w(folder: Path, name: str, data: bytes | str) -> Path:
    p = folder / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def _truncated(opener_bytes: bytes) -> bytes:
    return opener_bytes[: max(10, len(opener_bytes) // 2)]


def _parquet_bytes(table) -> bytes:
    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def _articles_table(n=3):
    import pyarrow as pa

    recs = [article(i) for i in range(n)]
    return pa.table({k: pa.array([r[k] for r in recs], type=pa.string()) for k in article()})


CASES: list[tuple[str, str, Callable[[Path], int | None]]] = []


def case(name: str, fmt: str):
    def deco(fn):
        CASES.append((name, fmt, fn))
        return fn
    return deco


# --------------------------------------------------------------------------- compressed

@case("truncated .jsonl.gz", "jsonl")
def _(d):
    _w(d, "feed.jsonl.gz", _truncated(gzip.compress(jsonl(article(i) for i in range(200)))))


@case("truncated .txt.bz2", "text")
def _(d):
    _w(d, "story.txt.bz2", _truncated(bz2.compress(("Title\n\n" + BODY * 50).encode())))


@case("truncated .json.xz", "json")
def _(d):
    _w(d, "a.json.xz", _truncated(lzma.compress(json.dumps([article(i) for i in range(50)])
                                                .encode())))


@case("corrupt .xz", "text")
def _(d):
    _w(d, "story.txt.xz", b"\xfd7zXZ\x00\x00junk junk junk" * 3)


@case("gzip that is not gzip", "jsonl")
def _(d):
    _w(d, "feed.jsonl.gz", jsonl([article(0)]))


# --------------------------------------------------------------------------- JSON

@case("JSON nested deeper than the recursion limit", "json")
def _(d):
    _w(d, "deep.json", "[" * 200_000 + "]" * 200_000)


@case("JSON Lines line nested too deeply", "jsonl")
def _(d):
    _w(d, "deep.jsonl", jsonl([article(0)]) + b"[" * 200_000 + b"\n" + jsonl([article(1)]))
    return 3


@case("JSON Lines columns differ per record", "jsonl")
def _(d):
    recs = [{"body": BODY + " a", "date": "2024-05-01"}]
    recs += [article(i) for i in range(1, 6)]
    _w(d, "mixed.jsonl", jsonl(recs))
    return 6


@case("date 10**400", "jsonl")
def _(d):
    _w(d, "big.jsonl", jsonl([article(0)]).rstrip(b"\n")[:-1] + b', "date_modify": 1}\n'
       + b'{"title": "T", "text": "' + BODY.encode() + b'", "published": 1' + b"0" * 400 + b"}\n"
       + b'{"title": "T2", "text": "' + BODY.encode() + b'", "published": "1' + b"0" * 400
       + b'"}\n')
    return 3


@case("negative and huge epochs", "jsonl")
def _(d):
    recs = [article(i, published=v) for i, v in enumerate(
        [-1e10, -62135596800, -9e10, 1e10, 253402300800, -1, 0.5, "-99999999999"])]
    _w(d, "epochs.jsonl", jsonl(recs))
    return len(recs)


@case("lone surrogate in a title", "jsonl")
def _(d):
    _w(d, "sur.jsonl", b'{"title": "Floods \\ud800 recede", "text": "' + BODY.encode()
       + b'", "published": "2024-05-01"}\n' + jsonl([article(1, author="\ud83d")]))
    return 2


@case("JSON array of non-objects and nulls", "json")
def _(d):
    _w(d, "mixed.json", json.dumps([article(0), None, 3, "x", [], article(1)]))
    return 6


@case("JSON with NaN and Infinity", "json")
def _(d):
    _w(d, "nan.json", '[{"title": NaN, "text": "' + BODY + '", "published": Infinity}]')
    return 1


# --------------------------------------------------------------------------- Parquet

@case("empty .parquet", "parquet")
def _(d):
    _w(d, "empty.parquet", b"")
    return 1


@case("junk .parquet", "parquet")
def _(d):
    _w(d, "junk.parquet", b"this is not parquet at all" * 20)
    return 1


@case("truncated .parquet", "parquet")
def _(d):
    _w(d, "t.parquet", _truncated(_parquet_bytes(_articles_table(20))))
    return 1


@case("gzipped .parquet", "parquet")
def _(d):
    _w(d, "g.parquet.gz", gzip.compress(_parquet_bytes(_articles_table(3))))


@case("zero-row .parquet", "parquet")
def _(d):
    _w(d, "zero.parquet", _parquet_bytes(_articles_table(0)))
    return 1


@case("parquet timestamp out of range", "parquet")
def _(d):
    import pyarrow as pa

    t = _articles_table(2).drop(["published"]).append_column(
        "published", pa.array([253402300799 * 10**6 + 1, 1_700_000_000 * 10**6],
                              type=pa.timestamp("us")))
    _w(d, "ts.parquet", _parquet_bytes(t))
    return 2


@case("parquet with duplicate column names", "parquet")
def _(d):
    import pyarrow as pa

    t = pa.table([pa.array(["A"]), pa.array(["B"]), pa.array([BODY]),
                  pa.array(["2024-05-01"])], names=["title", "title", "text", "published"])
    _w(d, "dup.parquet", _parquet_bytes(t))
    return 1


# --------------------------------------------------------------------------- feeds

@case("Atom entry with an unclosed <summary>", "feed")
def _(d):
    _w(d, "feed.atom", '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
       '<title>Wire</title><entry><title>Floods recede</title>'
       '<updated>2024-05-01T08:00:00Z</updated><summary>' + BODY + '</entry></feed>')


@case("RSS with a billion laughs", "feed")
def _(d):
    _w(d, "lol.rss", '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
       '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
       '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
       '<rss><channel><item><title>&lol3;</title><description>' + BODY
       + '</description><pubDate>Wed, 01 May 2024 08:00:00 GMT</pubDate></item>'
       '</channel></rss>')


# --------------------------------------------------------------------------- files and folders

@case("symlink loop", "fs")
def _(d):
    (d / "sub").mkdir()
    _w(d, "sub/a.txt", STORY)
    os.symlink(d, d / "sub" / "loop")
    os.symlink("self.txt", d / "self.txt")
    return None


@case("dangling symlink", "fs")
def _(d):
    os.symlink(d / "nowhere.txt", d / "gone.txt")
    return 1


@case("file name with a non-UTF-8 byte", "fs")
def _(d):
    with open(os.path.join(os.fsencode(d), b"caf\xe9.txt"), "wb") as fh:
        fh.write((STORY).encode())
    return 1


@case("Latin-1 .ckignore", "fs")
def _(d):
    _w(d, ".ckignore", "notes_\xe9t\xe9.txt\n".encode("latin-1"))
    _w(d, "a.txt", STORY)


@case("hidden and system files", "fs")
def _(d):
    _w(d, ".DS_Store", b"\x00\x00\x00\x01Bud1" + b"\x00" * 50)
    _w(d, "._a.txt", b"\x00\x05\x16\x07" + b"\x00" * 50)
    _w(d, "Thumbs.db", b"\xd0\xcf\x11\xe0" + b"\x00" * 50)
    _w(d, "desktop.ini", "[.ShellClassInfo]\n")
    _w(d, "a.txt", STORY)
    return 5


@case("FIFO named .txt", "fs")
def _(d):
    os.mkfifo(d / "pipe.txt")
    _w(d, "a.txt", STORY)
    return 2


@case("link to /dev/zero", "fs")
def _(d):
    os.symlink("/dev/zero", d / "zero.txt")
    return 1


# --------------------------------------------------------------------------- CSV / TSV

@case("CSV with an unclosed quote", "csv")
def _(d):
    rows = [["title", "text", "published"]] + [
        [f"Floods part {i}", BODY, "2024-05-01"] for i in range(20)]
    text = csv_text(rows).split("\n")
    text[5] = 'Floods part 4,"' + BODY + ',2024-05-01'
    _w(d, "t.csv", "\n".join(text))
    return 20


@case("CSV with quote marks inside an unquoted field", "csv")
def _(d):
    _w(d, "q.csv", 'title,text,published\n"Safe" zone declared,"' + BODY
       + '",2024-05-01\nMayor calls plan "reckless","' + BODY + '",2024-05-02\n')
    return 2


@case("header-only CSV", "csv")
def _(d):
    _w(d, "h.csv", "title,text,published\n")
    return 1


@case("semicolon CSV", "csv")
def _(d):
    _w(d, "s.csv", csv_text([["title", "text", "published"]]
                            + [[f"Floods, part {i}", BODY, "2024-05-01"] for i in range(4)],
                            sep=";"))
    return 4


@case("CSV with duplicate column names", "csv")
def _(d):
    _w(d, "dup.csv", "title,text,text,published\nA,short,"
       + BODY.replace(",", "") + ",2024-05-01\n")
    return 1


@case("CSV with 20,000 columns", "csv")
def _(d):
    n = 20_000
    _w(d, "wide.csv", ",".join(["title", "text", "published"] + [f"c{i}" for i in range(n)])
       + "\n" + ",".join(["Floods", BODY.replace(",", ""), "2024-05-01"] + ["x"] * n) + "\n")
    return 1


@case("CSV with a NUL byte in a row", "csv")
def _(d):
    _w(d, "nul.csv", "title,text,published\nA,b\x00c " + BODY.replace(",", "")
       + ",2024-05-01\nB," + BODY.replace(",", "") + ",2024-05-02\n")


@case("UTF-8 text with one stray Latin-1 byte", "text")
def _(d):
    _w(d, "z.txt", "---\ndate: 2024-05-01\n---\nZ\u00fcrich floods recede\n\n".encode()
       + BODY.encode()
       + b"\nCaf\xe9 owners count the cost.\n" + "M\u00fcller said.".encode())
    return 1


# --------------------------------------------------------------------------- metadata tables

def _meta_folder(d: Path, table: bytes, files=("doc0", "doc1")) -> None:
    for f in files:
        _w(d, f"{f}.txt", f"Floods recede ({f})\n\n{BODY}")
    _w(d, "metadata.tsv", table)


@case("empty metadata table", "metadata")
def _(d):
    _meta_folder(d, b"")
    return 2


@case("Latin-1 metadata table", "metadata")
def _(d):
    _meta_folder(d, "filename\ttitle\tpublished\ndoc0.txt\tZ\xfcrich\t2024-05-01\n"
                    "doc1.txt\tB\t2024-05-02\n".encode("latin-1"))
    return 2


@case("ragged metadata table", "metadata")
def _(d):
    _meta_folder(d, b"filename\tpublished\ndoc0.txt\t2024-05-01\textra\tmore\n"
                    b"doc1.txt\t2024-05-02\n")
    return 2


@case("metadata table with a duplicate key", "metadata")
def _(d):
    _meta_folder(d, b"filename\tpublished\ndoc0.txt\t2024-05-01\ndoc0.txt\t2024-05-03\n"
                    b"doc1.txt\t2024-05-02\n")
    return 3


@case("metadata rows without a file", "metadata")
def _(d):
    _meta_folder(d, b"filename\tpublished\ndoc0.txt\t2024-05-01\ndoc1.txt\t2024-05-02\n"
                    b"doc9.txt\t2024-05-09\n")
    return 3


@case("metadata same stem in two sub-folders", "metadata")
def _(d):
    _w(d, "a/doc0.txt", "Floods recede in the north\n\n" + BODY)
    _w(d, "b/doc0.txt", "Storm hits the coast\n\n" + BODY.replace("flooded", "storm-hit"))
    _w(d, "metadata.tsv", "filename\tpublished\ta/doc0.txt\t2024-05-01\n"
                          "b/doc0.txt\t2024-05-02\n".replace("\ta/", "\na/"))
    return 2


# --------------------------------------------------------------------------- dates

@case("local times that do not exist or are ambiguous", "csv")
def _(d):
    _w(d, "dst.csv", csv_text([["title", "text", "published"],
                               ["A", BODY, "March 10, 2024 2:30 a.m. ET"],
                               ["B", BODY, "Nov 3, 2024 1:30 a.m. ET"],
                               ["C", BODY, "2024-05-01T08:00:00+15:00"],
                               ["D", BODY, "May 1, 2024 8:00 a.m. +15:00"]]))
    return 4


def build_all(root: Path) -> list[tuple[str, str, Path, int | None]]:
    """Every case in its own sub-folder of ``root``: (name, format, folder, records)."""
    out = []
    for i, (name, fmt, build) in enumerate(CASES):
        folder = root / f"case{i:02d}"
        folder.mkdir(parents=True)
        out.append((name, fmt, folder, build(folder)))
    return out
