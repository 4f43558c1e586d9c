"""Word lists shared by the quote, speaker and reaction extractors.

The lists live in per-language data files, ``lexicon/en.txt``, ``de.txt`` and ``fr.txt``
(one home for each list; edit those, not this module). This module reads them once at import
and exposes plain frozensets and tuples, so other extractors can import them cheaply::

    from coverage_kit.extract._lexicon import REPORTING_VERBS, PRONOUNS, is_title

Languages
---------
English is the reference. German and French reporting verbs and quote marks are covered
because aggregated foreign coverage is often translated or quoted in the original:

* quote marks: ``"…"``, ``“…”``, NYT-style ``''…''``, German ``„…“`` and ``»…«``, French and
  Swiss ``« … »`` and ``‹…›``, and headline-style single quotes ``'…'`` / ``‘…’`` (read by
  :func:`coverage_kit.extract._sentences.quote_stretches`, their one home);
* German cues: *sagte, erklärte, betonte, schrieb, teilte mit, warnte, forderte, so* …;
* French cues: *a dit, a déclaré, a affirmé, a estimé, selon* …

Examples
--------
>>> "said" in REPORTING_VERBS["en"]
True
>>> is_title("Chancellor")
True
"""

from __future__ import annotations

import re
from pathlib import Path


# --------------------------------------------------------------------------------------------
# Word lists: one home each, in lexicon/<language>.txt
# --------------------------------------------------------------------------------------------

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
#: Languages with a word-list file; English is the reference.
LANGUAGES = ("en", "de", "fr")


def _read_lexicon(lang: str) -> dict[str, list[str]]:
    """Sections of ``lexicon/<lang>.txt`` (or another ``lexicon/<name>.txt``): ``[name]``
    lines, then entries.

    Entries are blank-separated words, except in sections whose entries may hold blanks
    (multi-word cues, source prepositions), which have one entry per line.
    """
    path = LEXICON_DIR / f"{lang}.txt"
    out: dict[str, list[str]] = {}
    section = None
    with open(path, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1]
                out.setdefault(section, [])
                continue
            if section is None:
                raise ValueError(f"{path}:{n}: words before the first [section] heading")
            if section in _PHRASE_SECTIONS:
                out[section].append(" ".join(line.split()))
            else:
                out[section].extend(line.split())
    return out


_PHRASE_SECTIONS = frozenset({"source_prepositions", "weak_source_prepositions",
                              "source_postpositions", "noun_object_speech"})
_LEX = {lang: _read_lexicon(lang) for lang in LANGUAGES}


def words(section: str, *langs: str) -> frozenset[str]:
    """Every entry of ``section`` in the given languages (all languages when none given).

    Examples
    --------
    >>> "laut" in words("source_prepositions", "de")
    True
    """
    return frozenset(w for lang in (langs or LANGUAGES) for w in _LEX[lang].get(section, ()))


def _phrases(section: str) -> tuple[str, ...]:
    return tuple(w for lang in LANGUAGES for w in _LEX[lang].get(section, ()))


REPORTING_VERBS: dict[str, frozenset[str]] = {
    lang: words("speech_verbs", lang) | words("cognition_verbs", lang) for lang in LANGUAGES
}
"""Single-word reporting verbs per language (ISO 639-1), every inflected form listed."""

SPEECH_VERBS = words("speech_verbs")
COGNITION_VERBS = words("cognition_verbs")
EVIDENCE_VERBS = words("evidence_verbs")

#: Cues that are mostly nouns or light verbs in running text; never used for reported speech
#: (PolNeAR train precision below 0.35), still fine next to a quotation.
DIRECT_ONLY_CUES = words("direct_only_cues")
#: Cues that report speech only with a clause: "wrote that …", not "wrote a book".
CLAUSE_CUES = words("clause_cues")
#: The core "say" verbs: the ones that reliably attribute a direct quote.
SAY_VERBS = words("say_verbs")
#: Words before the source: "according to X", "laut X", "selon X", "d'après X".
SOURCE_BEFORE = _phrases("source_prepositions")
#: Source words too common to be a cue on their own: German "…, so Scholz".
WEAK_SOURCE_BEFORE = _phrases("weak_source_prepositions")
#: Words after the source: "Peskov zufolge".
SOURCE_AFTER = _phrases("source_postpositions")
#: All of them, for callers that only ask "is this cue a source preposition?".
SOURCE_PREPOSITIONS = SOURCE_BEFORE + WEAK_SOURCE_BEFORE + SOURCE_AFTER


def phrase_pattern(phrase: str) -> str:
    """A regular expression for ``phrase`` as written in running text: either apostrophe,
    any white space between its words.

    Examples
    --------
    >>> import re
    >>> bool(re.fullmatch(phrase_pattern("d'après"), "d’après"))
    True
    >>> bool(re.fullmatch(phrase_pattern("according to"), "according\\n to"))
    True
    """
    return re.escape(phrase).replace("'", "['\u2019]").replace("\\ ", r"\s+")

# --------------------------------------------------------------------------------------------
# Mentions
# --------------------------------------------------------------------------------------------

PRONOUNS = words("pronouns")
MALE_PRONOUNS = words("male_pronouns")
FEMALE_PRONOUNS = words("female_pronouns")
PLURAL_PRONOUNS = words("plural_pronouns")

#: Honorifics written before a name ("Mr. Trump", "Sen. Warren").
HONORIFICS = words("honorifics")
#: Role words: a capitalised sequence ending in one of these is a title, not a name.
TITLE_WORDS = words("title_words")
#: Nouns that stand for an organisation ("the ministry", "the Kremlin").
ORG_WORDS = words("org_words")
#: Nouns for a single person ("the spokesman", "the SPD politician").
PERSON_NOUNS = TITLE_WORDS | words("person_nouns")
#: Words that can never head a speaker phrase (function words, time words).
NOT_SPEAKER = words("not_speaker")
#: Plural group nouns that make a following "in <place>" the actor ("politicians in Berlin").
GROUP_NOUNS = words("group_nouns")
#: Heads of collective sources ("the government", "officials", "police"): speaker_type "group".
COLLECTIVE_SOURCES = words("collective_sources")
#: Words of page furniture ("Newsletter", "Image copyright"): never a speaker.
CHROME_WORDS = words("chrome_words")
#: Last words of place and facility names ("Pacific Ocean", "National Mall"): never a person.
PLACE_HEADS = words("place_heads")
#: Words before a name that are neither name nor role ("Democratic", "former").
NAME_MODIFIERS = words("name_modifiers")

_NAMES = _read_lexicon("first_names")
#: First names usually given to women / to men (lower case); names given to both are in neither.
FEMALE_NAMES = frozenset(_NAMES["female"])
MALE_NAMES = frozenset(_NAMES["male"]) - FEMALE_NAMES


def is_title(word: str) -> bool:
    """True when ``word`` is a role word such as "President", "spokesman" or "Kanzlerin".

    Examples
    --------
    >>> is_title("spokeswoman"), is_title("Tokayev"), is_title("President-elect")
    (True, False, True)
    """
    w = word.lower().strip(".,")
    if w.endswith("-elect"):  # "President-elect", "governor-elect"
        w = w[:-6]
    return w in TITLE_WORDS


def is_org_word(word: str) -> bool:
    """True when ``word`` names a kind of organisation ("Ministry", "Kremlin", "Belta").

    Examples
    --------
    >>> is_org_word("Ministry"), is_org_word("Scholz")
    (True, False)
    """
    return word.lower().strip(".,") in ORG_WORDS


#: Languages whose reporting verbs, quote conventions and stance cues have word lists here
#: (``lexicon/<language>.txt``): quotes and reactions are extracted in these only.
SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(sorted(
    p.stem for p in LEXICON_DIR.glob("??.txt")))


def _language_name(code: str) -> str:
    import pycountry

    rec = pycountry.languages.get(alpha_2=code)
    return rec.name if rec is not None else code


def unsupported_languages(languages) -> tuple[list[bool], dict[str, int]]:
    """Which articles extraction can read, and how many it cannot, per language.

    ``languages`` holds an ISO 639-1 code (or nothing) per article. An article whose language
    is known and has no word lists here is left out; one with no language is read.

    >>> unsupported_languages(["en", "it", None, "it"])
    ([True, False, True, False], {'it': 2})
    """
    keep: list[bool] = []
    skipped: dict[str, int] = {}
    for lang in languages:
        code = lang.strip().lower()[:2] if isinstance(lang, str) and lang.strip() else None
        ok = code is None or code in SUPPORTED_LANGUAGES
        keep.append(ok)
        if not ok:
            skipped[code] = skipped.get(code, 0) + 1
    return keep, skipped


def unsupported_note(skipped: dict[str, int], what: str) -> str | None:
    """One sentence for the user: "4 articles in Italian, 1 in Spanish: quotes not extracted
    (supported: English, French, German)".

    >>> unsupported_note({"it": 4, "es": 1}, "quotes")
    '4 articles in Italian, 1 in Spanish: quotes not extracted (supported: English, French, German)'
    """
    if not skipped:
        return None
    parts = []
    for i, (code, n) in enumerate(sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0]))):
        noun = ("article" if n == 1 else "articles") if i == 0 else ""
        parts.append(f"{n:,} {noun} in {_language_name(code)}".replace("  ", " "))
    supported = ", ".join(sorted(_language_name(c) for c in SUPPORTED_LANGUAGES))
    return f"{', '.join(parts)}: {what} not extracted (supported: {supported})"
