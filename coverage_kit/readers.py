"""Format readers: one file in, raw article records (or reasons for rejecting them) out.

Each reader is a generator of :class:`Record` and :class:`Skip` objects. Records hold the
fields as the source gives them (strings, lists, raw dates); :mod:`coverage_kit.loader`
normalises them into the ARTICLES table. Readers never raise for bad content: they yield a
:class:`Skip` with the line and a sentence a person understands, so that nothing is lost.

Supported formats (``format=`` names):

``aggregator``
    Page scrapes of news aggregators that republish (often translated) foreign coverage: site
    name, tagline, headline, ISO timestamp, body, a byline/wire credit line
    (``sol / dpa / AFP / Reuters``), an outlet credit (``Source: spiegel``) and site chrome.
``text``
    Plain ``.txt``: optional ``---`` front matter of ``key: value`` lines, then the title line
    and the body.
``html``
    Article pages, through trafilatura.
``feed``
    RSS and Atom feeds, through feedparser; one record per entry.
``table``
    CSV, TSV, JSON, JSON Lines and Parquet; one record per row, columns mapped by
    :data:`DEFAULT_COLUMNS` or a user mapping. A JSON file may hold one article (news-please,
    newspaper4k and trafilatura write one file per article; list-valued fields such as
    ``authors`` are fields, not articles), an array of articles, or an object wrapping one
    array (``{"articles": [...]}``, Media Cloud's ``{"results": [...]}``). A list of links
    without text (GDELT's article lists) is rejected with a sentence saying so.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import json
import lzma
import re
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Default column names per article field, first present wins. They cover news-please
#: (maintext, date_publish, source_domain, authors), Giveme5W1H (publisher), newspaper4k
#: (publish_date, authors, meta_lang, source_url), trafilatura's JSON (raw_text, sitename,
#: source-hostname), Media Cloud (publish_date, media_name, story_text) and GDELT (seendate,
#: documentidentifier, sourcecommonname). Publication dates come before modification dates:
#: ``date_modify`` is read only when a record has no publication date (see
#: :data:`MODIFIED_COLUMNS`).
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "title_page", "title_rss"),
    "text": ("text", "maintext", "body", "content", "article_text", "full_text", "story_text",
             "raw_text"),
    "published": ("published", "date_publish", "publish_date", "publication_date",
                  "published_at", "datepublished", "pubdate", "date", "seendate"),
    "outlet": ("outlet", "source_domain", "media_name", "publisher", "site_name", "sitename",
               "source", "source-hostname", "domain", "sourcecommonname", "source_url"),
    "author": ("author", "authors", "byline"),
    "url": ("url", "link", "documentidentifier", "canonical_link"),
    "language": ("language", "lang", "meta_lang"),
    "wires": ("wires", "wire"),
    "aggregator": ("aggregator",),
}
#: Modification dates, used for ``published`` only when no publication date is given (the
#: record then has ``published_from`` set to the column used).
MODIFIED_COLUMNS: tuple[str, ...] = ("date_modify", "date_modified", "datemodified", "modified",
                                     "updated", "updated_at")
#: Values that mean "no value" in exported tables.
NULL_STRINGS = frozenset({"", "none", "null", "nan", "na", "n/a", "nat", "-"})

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom", ".rdf", ".feed"}
TABLE_SUFFIXES = {".csv", ".tsv", ".tab", ".json", ".jsonl", ".ndjson", ".parquet", ".pq"}
COMPRESSED = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
METADATA_NAMES = ("metadata.tsv", "metadata.csv", "index.csv", "index.tsv")

_BINARY_SIGNATURES = (
    (b"%PDF", "a PDF document; convert it to text first"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel/ODF document); extract or convert it first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document; save it as text first"),
)


@dataclass(slots=True)
class Record:
    """One raw article as a source gives it."""

    line: int | None
    fields: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)
    format: str = ""  # set by the loader: the reader that produced it


@dataclass(slots=True)
class Skip:
    """One input that will not become an article, and why."""

    line: int | None
    code: str
    reason: str


# --------------------------------------------------------------------------- bytes -> text

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""",
                           re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""")


def sniff_binary(head: bytes) -> str | None:
    """A sentence naming the binary kind of ``head``, or None when it looks like text."""
    for magic, what in _BINARY_SIGNATURES:
        if head.startswith(magic):
            return what
    if b"\x00" in head[:8192] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary data (it contains NUL bytes)"
    return None


def decode(data: bytes, *, declared: str | None = None) -> str:
    """Decode bytes: a BOM, then strict UTF-8, then the declared charset, then detection.

    Strict UTF-8 goes first because valid UTF-8 is almost never an accident, while declared
    charsets are often wrong (a page declaring euc-kr but saved as UTF-8). A declared charset
    is trusted before statistical detection, which guesses badly on short texts. A file that
    is mostly UTF-8 with a few bad lines is never switched to another encoding as a whole:
    see :func:`decode_repairing`, which says which lines it repaired.

    Raises
    ------
    UnicodeDecodeError
        When no verified encoding fits.
    """
    return decode_repairing(data, declared=declared)[0]


#: Non-ASCII UTF-8 sequences: one in a file says the file is UTF-8, whatever else it holds.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                             rb"|[\xf0-\xf4][\x80-\xbf]{3}")


def decode_repairing(data: bytes, *, declared: str | None = None,
                     unrepairable: list[int] | None = None) -> tuple[str, list[int]]:
    """:func:`decode`, and the 1-based numbers of the lines it had to repair.

    A file with valid non-ASCII UTF-8 in it is UTF-8: each line that is not valid UTF-8 is
    decoded on its own as Windows-1252 (a stray Latin-1 byte in ``Café``), and its number is
    returned, so that the loader can report the repair (``encoding_repairs``). A line that
    mixes UTF-8 with other bytes, or holds bytes Windows-1252 leaves undefined, cannot be
    repaired without guessing: the file is refused (UnicodeDecodeError at that line), or,
    when an ``unrepairable`` list is given (a table, where each row stands alone), the line's
    number is appended to it and the line decoded with U+FFFD, for the caller to reject the
    record on it. The rest of the file stays UTF-8:
    ``Zürich`` never becomes ``ZÃ¼rich``. A file with no UTF-8 in it is read in one legacy
    encoding (declared, detected, or Windows-1252), with no repairs.

    >>> text, repaired = decode_repairing("Zürich\\n".encode() + b"Caf\\xe9 owners")
    >>> text.split(), repaired
    (['Zürich', 'Café', 'owners'], [2])
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        first_error = exc
    if _UTF8_MULTIBYTE.search(data):
        out, repaired, offset = [], [], 0
        for n, raw in enumerate(data.split(b"\n"), 1):
            try:
                out.append(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                # a line in one single-byte encoding is repaired; a line mixing UTF-8 with
                # other bytes, or with bytes Windows-1252 leaves undefined, would be a guess
                try:
                    if _UTF8_MULTIBYTE.search(raw):
                        raise exc
                    out.append(raw.decode("cp1252"))
                    repaired.append(n)
                except UnicodeDecodeError as bad:
                    if unrepairable is None:
                        raise UnicodeDecodeError("utf-8", data, offset + bad.start,
                                                 offset + bad.end, bad.reason) from None
                    unrepairable.append(n)
                    out.append(raw.decode("utf-8", "replace"))
            offset += len(raw) + 1
        return "\n".join(out), repaired
    if declared is None:
        m = _META_CHARSET.search(data) or _XML_ENCODING.search(data[:500])
        declared = m.group(1).decode("ascii") if m else None
    if declared:
        try:
            return data.decode(declared), []
        except (LookupError, UnicodeDecodeError):
            pass
    if len(data) >= 2048:
        # Long enough for statistical detection to be trustworthy (cp1251, Shift-JIS, ...).
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.chaos < 0.1 and best.coherence > 0.3:
            return str(best), []
    try:
        # Windows-1252, the usual encoding of text saved on Windows; strict, so its five
        # undefined bytes (0x81 0x8d 0x8f 0x90 0x9d) make it fail. latin-1 would accept any
        # bytes at all and is never guessed.
        return data.decode("cp1252"), []
    except UnicodeDecodeError:
        raise first_error from None


@dataclass(frozen=True)
class Limits:
    """Resource limits of one load (see :func:`coverage_kit.load_articles`).

    Attributes
    ----------
    max_file_bytes : int
        Bytes of one file after decompression (default 1 GiB). A larger file (or a
        decompression bomb) is rejected with code ``too_large`` as soon as reading passes it;
        JSON Lines records read before that point are kept.
    max_field_chars : int
        Characters of one field of a CSV/TSV/JSON Lines record (default 16 Mi). A longer
        field rejects its record (``too_large``).
    max_columns : int
        Columns of one table or keys of one record (default 100,000). A wider table or record
        is rejected (``too_large``).
    """

    max_file_bytes: int = 1 << 30
    max_field_chars: int = 1 << 24
    max_columns: int = 100_000


class LimitError(Exception):
    """An input passed one of the :class:`Limits`; the message says which."""


class CompressedError(Exception):
    """A compressed file that ends early or is corrupt."""


#: The exceptions the decompressors raise for truncated or corrupt input.
DECOMPRESS_ERRORS = (EOFError, lzma.LZMAError, gzip.BadGzipFile, zlib.error)


def read_bytes(path: Path, *, limit: int | None = None) -> bytes:
    """The bytes of ``path``, decompressed when its suffix is .gz, .bz2 or .xz.

    Raises
    ------
    LimitError
        When there are more than ``limit`` bytes (after decompression).
    CompressedError
        When a compressed file is truncated or corrupt.
    """
    opener = COMPRESSED.get(path.suffix.lower(), open)
    try:
        with opener(path, "rb") as fh:
            data = fh.read() if limit is None else fh.read(limit + 1)
    except DECOMPRESS_ERRORS as exc:
        raise CompressedError(f"the {path.suffix} file is truncated or corrupt ({exc})") from exc
    except OSError as exc:
        if "Not a gzipped file" in str(exc) or "Invalid data stream" in str(exc):
            raise CompressedError(f"not a valid {path.suffix} file ({exc})") from exc
        raise
    if limit is not None and len(data) > limit:
        how = " once decompressed" if opener is not open else ""
        raise LimitError(f"more than {limit:,} bytes{how}; raise "
                         "limits=Limits(max_file_bytes=...) to read it")
    return data


def inner_suffix(path: Path) -> str:
    """The suffix that says the format: ``.jsonl`` for ``x.jsonl.gz``."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in COMPRESSED:
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


# --------------------------------------------------------------------------- plain text

_FRONT_KEY = re.compile(r"^([A-Za-z][\w -]{0,40}):\s*(.*)$")


def _split_front_matter(text: str) -> tuple[dict[str, str], str, int]:
    """(front matter, rest, number of lines consumed)."""
    if not text.startswith("---"):
        return {}, text, 0
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text, 0
    meta: dict[str, str] = {}
    for i in range(1, min(len(lines), 200)):
        line = lines[i].rstrip("\r")
        if line.strip() in ("---", "..."):
            return meta, "\n".join(lines[i + 1:]), i + 1
        m = _FRONT_KEY.match(line)
        if m:
            meta[m.group(1).strip().lower().replace(" ", "_").replace("-", "_")] = m.group(2).strip()
    return {}, text, 0  # no closing marker: not front matter


_FRONT_ALIASES = {"date": "published", "publication_date": "published", "source": "outlet",
                  "publisher": "outlet", "wire": "wires", "credit": "wires", "link": "url",
                  "lang": "language", "byline": "author"}


def read_text(text: str) -> Iterator[Record | Skip]:
    """A plain-text article: optional front matter, title line, body."""
    meta, body, consumed = _split_front_matter(text)
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in meta.items():
        key = _FRONT_ALIASES.get(key, key)
        if key in DEFAULT_COLUMNS:
            fields[key] = value
        else:
            extra[key] = value
    body = body.strip("\n")
    if "title" not in fields:
        stripped = body.lstrip()
        if not stripped:
            yield Skip(1, "empty", "the file has no text")
            return
        first, _, rest = stripped.partition("\n")
        if rest.strip() == "" and len(first) > 300:
            yield Skip(consumed + 1, "missing_title",
                       "no title: the text is one long line; put the title on the first line "
                       "or in front matter ('title: ...')")
            return
        fields["title"] = first.strip()
        body = rest
    fields["text"] = body.strip()
    if not fields["text"]:
        yield Skip(consumed + 1, "empty", "the article has a title but no body text")
        return
    yield Record(1, fields, extra)


# --------------------------------------------------------------------------- aggregator pages

_ISO_LINE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
_SOURCE_LINE = re.compile(r"^(?:Source|Quelle|Source originale|Fuente|Fonte)\s*:\s*(\S.{0,80})$", re.I)
_CREDIT_LINE = re.compile(r"^[\w.'-]{1,20}(?:\s*/\s*[\w.'-]{1,20}){1,8}$")
_PHOTO_LINE = re.compile(r"^(?:Photo|Foto|Image|Picture|Bild)\s*:", re.I)
#: Lines of site chrome dropped wherever they stand.
CHROME_LINES = frozenset({
    "enlarge image", "you may like", "trends 24h", "latest", "read more", "advertisement",
    "share", "share this article", "more on this topic", "related articles",
})
_FOOTER_START = re.compile(r"^(?:All news articles on\b|You may like$|Trends 24h$|©|\(c\)\s)", re.I)


def looks_like_aggregator(text: str) -> bool:
    """True for an aggregator page scrape: an ISO timestamp line near the top and an outlet
    credit line (``Source: ...``) near the end."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(lines) < 5:
        return False
    top = lines[:8]
    if not any(_ISO_LINE.match(ln) for ln in top[2:]):
        return False
    return any(_SOURCE_LINE.match(ln) for ln in lines[-15:])


def read_aggregator(text: str) -> Iterator[Record | Skip]:
    """An aggregator page scrape (see the module docstring)."""
    raw = text.splitlines()
    nonempty = [(i, ln.strip()) for i, ln in enumerate(raw) if ln.strip()]
    ts_pos = next(k for k, (_, ln) in enumerate(nonempty[:8]) if k >= 2 and _ISO_LINE.match(ln))
    site = nonempty[0][1]
    title = nonempty[ts_pos - 1][1]
    published = nonempty[ts_pos][1]
    body: list[str] = []
    credit = outlet_slug = None
    skip_caption = 0
    for i, line in nonempty[ts_pos + 1:]:
        low = line.lower()
        m = _SOURCE_LINE.match(line)
        if m:
            outlet_slug = m.group(1).strip()
            continue
        if outlet_slug is not None or _FOOTER_START.match(line):
            if outlet_slug is not None:
                break  # everything after the outlet credit is footer chrome
            continue
        if low == "enlarge image":
            skip_caption = 3  # caption line(s) and the photo credit follow
            continue
        if skip_caption:
            skip_caption -= 1
            if _PHOTO_LINE.match(line):
                skip_caption = 0
            continue
        if low in CHROME_LINES or _PHOTO_LINE.match(line):
            continue
        if _CREDIT_LINE.match(line) and credit is None and len(line) <= 80:
            credit = line
            continue
        body.append(line)
    fields: dict[str, Any] = {"title": title, "published": published, "text": "\n\n".join(body),
                              "aggregator": site}
    if outlet_slug:
        fields["outlet"] = outlet_slug
    if credit:
        fields["credit"] = credit
    if not fields["text"]:
        yield Skip(nonempty[ts_pos][0] + 1, "empty", "the page has a title but no article text")
        return
    yield Record(1, fields)


# --------------------------------------------------------------------------- HTML

def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed content), one paragraph per block element."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types for garbage; fall back to tag stripping
        return re.sub(r"<[^>]{0,2000}>", " ", fragment).strip()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"):
        el.tail = "\n\n" + (el.tail or "")
    for el in root.iter("script", "style"):
        el.drop_tree()
    text = root.text_content()
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return re.sub(r"\s*\n\s*\n\s*", "\n\n", text).strip()


def _site_keys(site: str | None, hostname: str | None) -> list[str]:
    keys = []
    for value in (site, hostname):
        if value:
            v = value.lower().removeprefix("www.")
            keys += [v, v.split(".")[0]] if "." in v else [v]
    return [k for k in keys if len(k) >= 3]


def _is_site(part: str, keys: Sequence[str]) -> bool:
    p = re.sub(r"[\W_]+", "", part.lower())
    return bool(p) and any(p in re.sub(r"[\W_]+", "", k) or re.sub(r"[\W_]+", "", k) in p
                           for k in keys)


_TITLE_SEP = re.compile(r"\s+(?:[-|–—:]|::|»)\s+|(?<=[^\W\d_])-(?=[^\W\d_]+$)")


def clean_title(title: str | None, site: str | None, hostname: str | None) -> str | None:
    """The headline without the site name that pages add before or after it.

    >>> clean_title("Rain returns to Lisbon - The Portugal News", "The Portugal News", None)
    'Rain returns to Lisbon'
    """
    if not title:
        return title
    keys = _site_keys(site, hostname)
    parts = _TITLE_SEP.split(title.strip())
    if len(parts) > 1 and keys:
        if _is_site(parts[-1], keys):
            return title[: title.rfind(parts[-1])].rstrip(" -|–—:»").strip()
        if _is_site(parts[0], keys):
            return title[title.find(parts[0]) + len(parts[0]):].lstrip(" -|–—:»").strip()
    return title.strip()


_NO_AUTHOR = {"no author", "unknown", "admin", "staff", "redaktion", "editor", "none"}
_BY_PREFIX = re.compile(r"^(?:by|von|par|por|di|da|door|av)\s+", re.I)


def clean_author(author: str | None, site: str | None, hostname: str | None) -> str | None:
    """Byline without the publisher (pages often list the organisation as an author).

    >>> clean_author("Le Journal; Par Anne Martin", "Le Journal", None)
    'Anne Martin'
    """
    if not author:
        return None
    keys = _site_keys(site, hostname)
    names = []
    for part in re.split(r"\s*;\s*", author):
        part = _BY_PREFIX.sub("", part.strip())
        if not part or part.lower() in _NO_AUTHOR or (keys and _is_site(part, keys)):
            continue
        names.append(part)
    return "; ".join(names) or None


#: Article types whose JSON-LD ``datePublished`` is the page's own publication time (a page
#: can also hold dates of its WebSite, Organization, or the posts of a live blog).
_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "blogposting",
    "liveblogposting", "scholarlyarticle", "techarticle", "report", "socialmediaposting",
})
#: Meta tags naming the publication (never the modification) time, in order of trust.
_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "article:published", "datepublished", "publishdate", "publish-date", "publish_date",
    "pubdate", "publication_date", "parsely-pub-date", "dc.date.issued", "dcterms.issued",
    "dc.date.created", "dcterms.created", "sailthru.published_time", "cxenseparse:recs:publishtime",
)


def _ld_objects(node: Any) -> Iterator[dict]:
    """Every JSON object inside a JSON-LD document (lists and ``@graph`` included)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
                if isinstance(item.get(key), (list, dict)):
                    stack.append(item[key])


def _ld_types(obj: dict) -> set[str]:
    t = obj.get("@type")
    types = t if isinstance(t, list) else [t]
    return {str(x).lower().rsplit("/", 1)[-1] for x in types if x}


def page_published(tree: Any) -> str | None:
    """The publication time a page's metadata states, read before any visible or modified
    date: JSON-LD ``datePublished`` of the article object, then ``article:published_time``
    and other publication meta tags, then ``<time itemprop="datePublished">``.

    trafilatura/htmldate look for the most plausible date on the page and can settle on an
    update stamp or a related article's date; the publisher's explicit publication field is
    the better witness, so it is read first.

    Returns the value as written (with its offset, if any), or None.
    """
    found: list[tuple[int, str]] = []
    for obj in _page_ld_objects(tree):
        value = obj.get("datePublished")
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str) and value.strip():
            rank = 0 if _ld_types(obj) & _ARTICLE_TYPES else 2
            found.append((rank, value.strip()))
    metas: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = (meta.get("content") or "").strip()
        if key in _PUBLISHED_META and content and key not in metas:
            metas[key] = content
    for i, key in enumerate(_PUBLISHED_META):
        if key in metas:
            found.append((1, metas[key]))
            break
    for el in tree.iterfind(".//time"):
        if (el.get("itemprop") or "").lower() == "datepublished" or el.get("pubdate") is not None:
            value = (el.get("datetime") or "").strip()
            if value:
                found.append((3, value))
                break
    from .dates import DateError, parse_published

    for _, value in sorted(found, key=lambda x: x[0]):
        try:
            chosen = parse_published(value)
        except DateError:
            continue
        if chosen.precision == "timestamp" and not chosen.offset:
            # "2019-10-18T22:04:00Z" beside "Sat, 19 Oct 2019 00:04:00 +0200": the same moment,
            # and the second says what time it was for the publisher
            for other in _page_date_values(tree):
                try:
                    alt = parse_published(other)
                except DateError:
                    continue
                if alt.offset and alt.when == chosen.when:
                    return other
        return value
    return None


def _page_date_values(tree: Any) -> Iterator[str]:
    """Every date-like value in a page's meta tags and JSON-LD (for matching one moment)."""
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = (meta.get("content") or "").strip()
        if content and ("date" in key or "time" in key or "publish" in key) and len(content) < 60:
            yield content
    for obj in _page_ld_objects(tree):
        for key in ("datePublished", "dateCreated"):
            if isinstance(obj.get(key), str):
                yield obj[key]


def _page_ld_objects(tree: Any) -> Iterator[dict]:
    """The JSON-LD objects of a page's ``<script type="application/ld+json">`` blocks; a
    block that is not valid JSON is passed over."""
    for script in tree.iterfind(".//script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            doc = json.loads(script.text.strip().rstrip(";"))
        except (ValueError, RecursionError):
            continue
        yield from _ld_objects(doc)


def read_html(text: str, *, url: str | None = None) -> Iterator[Record | Skip]:
    """An article page through trafilatura's metadata and main-text extraction; the
    publication time from the page's own metadata first (see :func:`page_published`)."""
    import trafilatura

    tree = trafilatura.load_html(text)
    published = page_published(tree) if tree is not None else None
    doc = trafilatura.bare_extraction(
        tree if tree is not None else text, url=url, with_metadata=True,
        include_comments=False, include_tables=False,
        favor_precision=True, date_extraction_params={
            "original_date": True, "extensive_search": True,
            "outputformat": "%Y-%m-%dT%H:%M:%S%z"})
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        yield Skip(None, "empty", "no article text found in the HTML page")
        return
    site = doc.sitename or doc.hostname
    date = published or doc.date
    if date and published is None and date.endswith("T00:00:00"):  # htmldate: a day, no time
        date = date[:10]
    fields: dict[str, Any] = {
        "title": clean_title(doc.title, site, doc.hostname), "text": doc.text,
        "published": date, "author": clean_author(doc.author, site, doc.hostname),
        "url": doc.url, "outlet": site,
        "language": doc.language or (tree.get("lang") if tree is not None else None),
    }
    extra = {"hostname": doc.hostname} if doc.hostname else {}
    if doc.sitename:
        extra["site_name"] = doc.sitename
    if published is None and doc.date:
        extra["published_from"] = "htmldate"
    yield Record(1, {k: v for k, v in fields.items() if v}, extra)


# --------------------------------------------------------------------------- feeds

#: A UTC offset beyond ±14:00 at the end of a feed date ("+1500", "-15:30").
_FAR_OFFSET = re.compile(r"[+-](?:1[5-9]|[2-9]\d):?\d\d\s*$|[+-]14:?(?:0[1-9]|[1-5]\d)\s*$")


def read_feed(data: bytes) -> Iterator[Record | Skip]:
    """RSS 2.0, RSS 1.0 and Atom through feedparser; one record per entry."""
    import feedparser

    parsed = feedparser.parse(data)
    exc = parsed.get("bozo_exception")
    if exc is not None and not isinstance(exc, feedparser.CharacterEncodingOverride):
        # feedparser recovers what it can from broken XML: report the file, keep the entries
        where = getattr(exc, "getLineNumber", lambda: None)()
        recovered = f"; {len(parsed.entries)} entries recovered" if parsed.entries else ""
        yield Skip(where, "malformed", f"not a well-formed feed ({exc}){recovered}")
    if not parsed.entries:
        if exc is None:
            yield Skip(None, "empty", "the feed has no entries")
        return
    channel = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, 1):
        content = ""
        if entry.get("content"):
            content = max((c.get("value", "") for c in entry.content), key=len)
        if len(content) < len(entry.get("summary", "")):
            content = entry.get("summary", "")
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        raw_date = entry.get("published") or entry.get("updated")
        if isinstance(raw_date, str) and _FAR_OFFSET.search(raw_date):
            published = None  # feedparser would apply it; the dates module refuses it
        if published is not None:
            import calendar

            try:
                published = calendar.timegm(published)  # feedparser normalises to UTC
            except (ValueError, OverflowError):  # year 0: keep the text, let dates refuse it
                published = entry.get("published") or entry.get("updated")
        else:
            published = entry.get("published") or entry.get("updated")
        fields = {
            "title": entry.get("title"), "text": html_to_text(content), "published": published,
            "author": entry.get("author"), "url": entry.get("link"),
            "outlet": entry.get("source", {}).get("title") or channel,
            "language": entry.get("language") or parsed.feed.get("language"),
        }
        yield Record(n, {k: v for k, v in fields.items() if v not in (None, "")},
                     {"feed": channel} if channel else {})


# --------------------------------------------------------------------------- tables

def resolve_columns(columns: Sequence[str], mapping: Mapping[str, str] | None) -> dict[str, str]:
    """Map article fields to the table's column names: the user mapping, then the defaults."""
    lower = {c.lower().strip(): c for c in columns}
    out: dict[str, str] = {}
    for fieldname, candidates in DEFAULT_COLUMNS.items():
        for cand in candidates:
            if cand in lower:
                out[fieldname] = lower[cand]
                break
    for fieldname, column in (mapping or {}).items():
        if fieldname not in DEFAULT_COLUMNS:
            raise ValueError(f"mapping: unknown article field {fieldname!r}; "
                             f"known: {', '.join(DEFAULT_COLUMNS)}")
        if column not in columns:
            raise KeyError(column)
        out[fieldname] = column
    return out


def _present(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() not in NULL_STRINGS
    return not (value is None or (isinstance(value, float) and value != value))


def row_record(row: Mapping[str, Any], cols: dict[str, str], line: int, *,
               fallback: bool = False) -> Record:
    """A table row, JSON object or metadata row as a :class:`Record`.

    The one place where a row's columns become article fields: the table and JSON readers
    use it, and so does the loader for a text file described by a row of its folder's
    metadata table.

    Parameters
    ----------
    row : mapping
        Column name -> value, as the source gives them.
    cols : dict
        Article field -> column name (:func:`resolve_columns`).
    line : int
        Line or record number of the row in its file.
    fallback : bool, default False
        A field whose column is empty in this row is taken from the next default column that
        has a value (news-please writes ``"text": null`` beside ``"maintext"``).

    Returns
    -------
    Record
        The mapped columns in ``fields``; every other column, unchanged, in ``extra``. A row
        without a publication date takes a modification date (``published_from`` names it).

    Examples
    --------
    >>> row = {"headline": "Troops leave", "body": "Troops left.", "lang": "en"}
    >>> rec = row_record(row, resolve_columns(list(row), None), 3)
    >>> rec.line, sorted(rec.fields), rec.extra
    (3, ['language', 'text', 'title'], {})
    """
    fields: dict[str, Any] = {}
    used = set()
    lower = {str(k).lower().strip(): k for k in row} if fallback else {}
    for fieldname, column in cols.items():
        used.add(column)
        value = row.get(column)
        if _present(value):
            fields[fieldname] = value
            continue
        for cand in DEFAULT_COLUMNS.get(fieldname, ()) if fallback else ():
            key = lower.get(cand)
            if key is not None and key not in used and _present(row[key]):
                fields[fieldname] = row[key]
                used.add(key)
                break
    extra = {k: v for k, v in row.items() if k not in used}
    if "published" not in fields:
        # no publication date at all: a modification date is the best bound the source gives
        lower = {str(k).lower(): k for k in row}
        for cand in MODIFIED_COLUMNS:
            if cand in lower and _present(row[lower[cand]]):
                fields["published"] = row[lower[cand]]
                extra["published_from"] = lower[cand]
                break
    return Record(line, fields, extra)


def _json_extras(rec: Record) -> Record:
    """Nested values (annotations, image lists) as JSON text, so tables can hold and export
    them; nothing is dropped."""
    for k, v in rec.extra.items():
        if isinstance(v, (dict, list)):
            rec.extra[k] = json.dumps(v, ensure_ascii=False)
    return rec


def _table_missing_text(path_columns: Sequence[str]) -> Skip:
    have = ", ".join(repr(c) for c in path_columns) or "none"
    lower = {c.lower() for c in path_columns}
    if lower & set(DEFAULT_COLUMNS["url"]) and lower & set(DEFAULT_COLUMNS["title"]):
        return Skip(1, "unsupported",
                    f"a list of links without article text (it has {have}), as GDELT or "
                    "Media Cloud give by default; fetch the pages (e.g. save the HTML) and load "
                    "those, or pass mapping={'text': ...} if a column holds the text")
    return Skip(1, "unsupported",
                f"not an article table: no text column (looked for "
                f"{', '.join(DEFAULT_COLUMNS['text'])}; it has {have}); pass mapping={{'text': ...}}")


class _Columns:
    """Column resolution per record, cached by the record's keys (records of one export can
    differ: a later record may have a title the first one lacked)."""

    def __init__(self, mapping: Mapping[str, str] | None):
        self.mapping = mapping
        self._cache: dict[tuple[str, ...], dict[str, str]] = {}

    def __call__(self, keys: Sequence[str]) -> dict[str, str]:
        key = tuple(keys)
        cols = self._cache.get(key)
        if cols is None:
            if len(self._cache) > 10_000:
                self._cache.clear()
            try:
                cols = resolve_columns(list(keys), self.mapping)
            except KeyError:  # this record lacks a mapped column: map the ones it has
                mapping = {f: c for f, c in (self.mapping or {}).items() if c in keys}
                cols = resolve_columns(list(keys), mapping)
            self._cache[key] = cols
        return cols


def read_jsonl(lines: Iterator[bytes], mapping: Mapping[str, str] | None,
               limits: Limits | None = None) -> Iterator[Record | Skip]:
    """JSON Lines: one object per line; a bad line is skipped with its number. A line that
    is not valid UTF-8 is repaired (see :func:`decode_repairing`) and its record says so in
    ``encoding_repairs``; a line longer than ``limits.max_field_chars`` or with more keys than
    ``limits.max_columns`` is rejected as ``too_large``."""
    limits = limits or Limits()
    columns = _Columns(mapping)
    loads = json.loads
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        if len(raw) > limits.max_field_chars:
            yield Skip(n, "too_large", f"line {n} is {len(raw):,} bytes long; the limit is "
                                       f"{limits.max_field_chars:,} (Limits(max_field_chars=...))")
            continue
        repaired = 0
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    raw = raw.decode("cp1252")
                except UnicodeDecodeError as exc:
                    yield Skip(n, "encoding", f"line {n} is not valid UTF-8 (bad byte "
                               f"0x{exc.object[exc.start]:02x}) nor Windows-1252")
                    continue
                repaired = 1
        try:
            obj = loads(raw)
        except ValueError as exc:
            yield Skip(n, "malformed", f"malformed JSON at line {n}: {exc}")
            continue
        except RecursionError:
            yield Skip(n, "malformed", f"line {n} is JSON nested too deeply to read")
            continue
        if not isinstance(obj, dict):
            yield Skip(n, "malformed", f"line {n} is a JSON {type(obj).__name__}, not an object")
            continue
        keys = list(obj)
        if len(keys) > limits.max_columns:
            yield Skip(n, "too_large", f"the record at line {n} has {len(keys):,} fields; the "
                                       f"limit is {limits.max_columns:,} (Limits(max_columns=...))")
            continue
        cols = columns(keys)
        if "text" not in cols:
            yield Skip(n, "empty", f"record at line {n} has no text field (it has: "
                                   f"{', '.join(keys) or 'nothing'})")
            continue
        rec = _json_extras(row_record(obj, cols, n, fallback=True))
        if repaired:
            rec.extra["encoding_repairs"] = repaired
        yield rec


def _is_article(obj: Any) -> bool:
    """A JSON object that is one article (news-please, newspaper4k, trafilatura, Media Cloud
    story): it has a title or a text field holding a string. Lists inside it (``authors``,
    ``image_urls``) are its fields, not articles."""
    if not isinstance(obj, dict):
        return False
    lower = {str(k).lower(): v for k, v in obj.items()}
    return any(isinstance(lower.get(c), str)
               for c in DEFAULT_COLUMNS["text"] + DEFAULT_COLUMNS["title"])


def _article_list(obj: Any) -> list | None:
    """The articles of a parsed JSON document: one article object, an array of them, or an
    object wrapping one array of them (``{"articles": [...]}``, ``{"results": [...]}``)."""
    if isinstance(obj, list):
        return obj
    if isinstance(obj, dict):
        arrays = [v for v in obj.values()
                  if isinstance(v, list) and v and all(isinstance(o, dict) for o in v)]
        has_text = any(isinstance(v, str) for k, v in obj.items()
                       if str(k).lower() in DEFAULT_COLUMNS["text"])
        # a feed-like wrapper has a title of its own: {"title": "Feed", "items": [...]}
        if len(arrays) == 1 and not has_text and any(_is_article(o) for o in arrays[0]):
            return arrays[0]
        if _is_article(obj):
            return [obj]
        if len(arrays) == 1:
            return arrays[0]
        nested = [v for v in obj.values() if isinstance(v, dict)]
        if len(nested) == 1 and _is_article(nested[0]):
            return [nested[0]]
        return [obj]
    return None


def read_json(data: str, mapping: Mapping[str, str] | None) -> Iterator[Record | Skip]:
    """One JSON document: a single article object (news-please's one file per article), an
    array of article objects, or an object holding one such array (``{"articles": [...]}``).
    A ``.json`` file that is really JSON Lines is read as JSON Lines."""
    try:
        obj = json.loads(data)
    except RecursionError:
        yield Skip(1, "malformed", "the JSON is nested too deeply to read")
        return
    except ValueError as exc:
        if getattr(exc, "msg", "") == "Extra data" and data.lstrip().startswith("{"):
            yield from read_jsonl(iter(data.encode("utf-8").splitlines()), mapping)
            return
        yield Skip(getattr(exc, "lineno", None), "malformed", f"malformed JSON: {exc}")
        return
    items = _article_list(obj)
    if items is None:
        yield Skip(1, "malformed", f"expected a JSON object or an array of article objects, "
                                   f"not a JSON {type(obj).__name__}")
        return
    if not items:
        yield Skip(1, "empty", "the JSON array is empty")
        return
    all_keys = sorted({k for o in items if isinstance(o, dict) for k in o})
    if "text" not in resolve_columns(all_keys, mapping):
        yield _table_missing_text(all_keys)
        return
    columns = _Columns(mapping)
    for n, o in enumerate(items, 1):
        if not isinstance(o, dict):
            yield Skip(n, "malformed", f"item {n} is a JSON {type(o).__name__}, not an object")
            continue
        cols = columns(list(o))
        if "text" not in cols:
            yield Skip(n, "empty", f"item {n} has no text field (it has: "
                                   f"{', '.join(o) or 'nothing'})")
            continue
        yield _json_extras(row_record(o, cols, n, fallback=True))


#: Delimiters tried, after the one the suffix says, when a table's header does not split.
_DELIMITERS = (",", ";", "\t", "|")


def sniff_delimiter(header_line: str, preferred: str) -> str:
    """The delimiter of a table whose first line is ``header_line``: ``preferred`` (from the
    suffix) when it splits the header into columns among which a text column is found, else
    the first of ``, ; tab |`` that does (a semicolon CSV from a European spreadsheet).

    >>> sniff_delimiter("titel;text;published", ",")
    ';'
    """
    def fits(d):
        cols = next(csv.reader([header_line], delimiter=d), [])
        return len(cols) > 1 and "text" in resolve_columns(cols, None)
    if fits(preferred):
        return preferred
    return next((d for d in _DELIMITERS if d != preferred and fits(d)), preferred)


def _header_problem(header: Sequence[str], limits: Limits) -> Skip | None:
    if len(header) > limits.max_columns:
        return Skip(1, "too_large", f"the table has {len(header):,} columns; the limit is "
                                    f"{limits.max_columns:,} (Limits(max_columns=...))")
    named = [h for h in header if h.strip()]
    dups = sorted({h for h in named if named.count(h) > 1}) if len(set(named)) < len(named) \
        else []
    if dups:
        return Skip(1, "malformed", "duplicate column name(s) "
                    + ", ".join(repr(d) for d in dups[:5])
                    + "; rename them so that each column has its own name")
    return None


def read_csv(text: str, *, delimiter: str, mapping: Mapping[str, str] | None,
             limits: Limits | None = None) -> Iterator[Record | Skip]:
    """CSV/TSV with a header row; ``line`` is the physical line where the row starts.

    A broken row (an unclosed quote, a quote followed by more text, the wrong number of
    fields) is rejected with its line, and reading goes on from the next line: one stray
    quote never swallows the rest of the file. A field that merely contains quote marks
    (``"Safe" zone declared``) keeps them. The delimiter is sniffed when the suffix's one does
    not split the header (:func:`sniff_delimiter`).
    """
    limits = limits or Limits()
    csv.field_size_limit(limits.max_field_chars)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        yield Skip(1, "empty", "the table is empty")
        return
    delimiter = sniff_delimiter(lines[first], delimiter)
    reader = csv.reader(_line_iter(lines, first), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        yield Skip(first + 1, "malformed", f"unreadable header row: {exc}")
        return
    header = [h if h.strip() else f"column_{i + 1}" for i, h in enumerate(header)]
    problem = _header_problem(header, limits)
    if problem:
        yield problem
        return
    cols = resolve_columns(header, mapping)
    if "text" not in cols:
        yield _table_missing_text(header)
        return
    width = len(header)
    pos = first + reader.line_num  # index of the next line to read
    n_rows = 0
    while pos < len(lines):
        reader = csv.reader(_line_iter(lines, pos), delimiter=delimiter, strict=True)
        while True:
            before = reader.line_num
            start = pos + before + 1  # 1-based physical line where this row starts
            try:
                row = next(reader)
            except StopIteration:
                pos = len(lines)
                break
            except csv.Error as exc:
                bad = _as_plain_row(lines[start - 1], delimiter, width)
                if "field larger" in str(exc):
                    yield Skip(start, "too_large", f"a field at line {start} is longer than "
                               f"{limits.max_field_chars:,} characters "
                               "(Limits(max_field_chars=...))")
                elif bad is not None:
                    n_rows += 1
                    yield row_record(dict(zip(header, bad)), cols, start)
                else:
                    yield Skip(start, "malformed", f"malformed CSV at line {start}: {exc}")
                pos = start  # go on from the next physical line
                break
            if not row:
                continue
            if len(row) != width:
                plain = _as_plain_row(lines[start - 1], delimiter, width)
                if plain is not None:
                    n_rows += 1
                    yield row_record(dict(zip(header, plain)), cols, start)
                else:
                    yield Skip(start, "malformed", f"row at line {start} has {len(row)} "
                                                   f"fields; the header has {width}")
                if reader.line_num - before > 1:  # it ran over later lines: re-read them
                    pos = start
                    break
                continue
            n_rows += 1
            yield row_record(dict(zip(header, row)), cols, start)
    if n_rows == 0:
        yield Skip(first + 1, "empty", "the table has a header but no rows")


def _line_iter(lines: Sequence[str], start: int) -> Iterator[str]:
    for i in range(start, len(lines)):
        yield lines[i] + "\n"


def _as_plain_row(line: str, delimiter: str, width: int) -> list[str] | None:
    """The fields of one physical line where a quote mark opens a quoted field only when its
    closing mark is followed by the delimiter (``"Safe" zone declared,...`` keeps its quotes),
    when that gives the header's number of fields, else None."""
    d = re.escape(delimiter)
    field = re.compile(rf'"((?:[^"]|"")*)"(?={d}|$)|([^{d}]*)')
    row, pos = [], 0
    while True:
        m = field.match(line, pos)
        row.append(m.group(1).replace('""', '"') if m.group(1) is not None else m.group(2))
        pos = m.end()
        if pos >= len(line):
            break
        if line[pos] != delimiter:
            return None
        pos += 1
        if pos == len(line):
            row.append("")
            break
    return row if len(row) == width else None


def read_parquet(path: Path, mapping: Mapping[str, str] | None,
                 limits: Limits | None = None) -> Iterator[Record | Skip]:
    """Parquet, streamed batch by batch. A file Arrow cannot open, with duplicate column
    names, or with no rows is rejected with a sentence; a timestamp outside pandas' range
    rejects its batch's rows, not the file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    limits = limits or Limits()
    with open(path, "rb") as fh:
        magic = fh.read(4)
    if not magic:
        yield Skip(None, "empty", "the file is empty")
        return
    if magic != b"PAR1":
        yield Skip(None, "malformed", "not a Parquet file (it does not start with PAR1"
                   + ("; it is gzip-compressed: decompress it first" if magic[:2] == b"\x1f\x8b"
                      else "") + ")")
        return
    try:
        pf = pq.ParquetFile(path)
        names = pf.schema_arrow.names
    except (pa.ArrowException, OSError) as exc:
        yield Skip(None, "malformed", f"not a readable Parquet file ({exc})")
        return
    problem = _header_problem(names, limits)
    if problem:
        problem.line = None
        yield problem
        return
    cols = resolve_columns(names, mapping)
    if "text" not in cols:
        yield _table_missing_text(names)
        return
    n = 0
    try:
        for batch in pf.iter_batches(batch_size=10_000):
            try:
                rows = batch.to_pylist()
            except (pa.ArrowException, ValueError, OverflowError) as exc:
                yield Skip(n + 1, "malformed", f"rows {n + 1}-{n + batch.num_rows} cannot be "
                                               f"read ({exc})")
                n += batch.num_rows
                continue
            for row in rows:
                n += 1
                yield row_record(row, cols, n)
    except (pa.ArrowException, OSError) as exc:
        yield Skip(n + 1 if n else None, "malformed", f"the Parquet file is truncated or "
                                                      f"corrupt after row {n} ({exc})")
        return
    if n == 0:
        yield Skip(None, "empty", "the Parquet file has no rows")
