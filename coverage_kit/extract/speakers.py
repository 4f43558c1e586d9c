"""Speakers: resolve each quote's mention to a name, and give one id to every spelling.

Two steps, both rule-based and offline:

1. **In one article** (:func:`resolve_mentions`, called by ``extract_quotes``): a mention
   ("he", "the SPD politician", "Tokayev", "Kazakhstan's President", "the ministry") is
   resolved to the nearest compatible named speaker or name in the text. Roles written before
   a name ("Federal Justice Minister Marco Buschmann") are split off into ``speaker_role``.
2. **Across the corpus** (:func:`assign_speaker_ids`, called by ``quotes_table``): spelling
   variants ("Kassym-Jomart Tokayev", "Kassym-Schomart Tokayev", "Tokayev") get one
   ``speaker_id``. A user-editable alias table (:func:`read_aliases`, format in
   ``data/speaker_aliases.csv``) overrides the automatic grouping.

Examples
--------
>>> split_role("Federal Justice Minister Marco Buschmann")
('Federal Justice Minister', 'Marco Buschmann')
>>> speaker_key("Mr. Kassym-Schomart Tokayev's")
'kassym schomart tokayev'
"""

from __future__ import annotations

import bisect
import csv
import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..errors import InputError
from . import _lexicon as lex
from ._sentences import SentenceIndex

__all__ = [
    "split_role",
    "speaker_key",
    "resolve_mentions",
    "assign_speaker_ids",
    "read_aliases",
    "apply_alias_names",
    "Alias",
]

_NAME_WORD = r"(?:[A-Z]\.|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Prof|Rev|St|Jr|Sr)\.|[A-Z][\w\u2019'-]*)"
_NAME_SEQ = re.compile(
    r"(?<![\w\u2019'.-])" + _NAME_WORD
    + r"(?:[ \t]+(?:(?:von|van|der|den|de|da|di|du|al|bin|le|la|del)[ \t]+)*" + _NAME_WORD + ")*"
)
_POSS = re.compile(r"['\u2019]s$")
_DETS = frozenset("the a an his her their its our der die das le la les".split())
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.-]+$")
_ROMAN = re.compile(r"[IVX]+")
_FIRST_NAMES = lex.FEMALE_NAMES | lex.MALE_NAMES
_PAREN_AFTER = re.compile(r"\s*\(([^()\n]{1,40})\)")


def _words(s: str) -> list[str]:
    return s.split()


@lru_cache(maxsize=8192)
def split_role(mention: str) -> tuple[str | None, str | None]:
    """Split a mention into (role, name).

    The role is everything up to the last role word ("President", "spokesman"); the name is
    the capitalised rest. A mention with no name (e.g. "the SPD politician") gives
    ``(role, None)``; one with no role gives ``(None, name)``.

    Examples
    --------
    >>> split_role("Kremlin spokesman Dmitri Peskov")
    ('Kremlin spokesman', 'Dmitri Peskov')
    >>> split_role("Kazakhstan's President")
    ("Kazakhstan's President", None)
    >>> split_role("Tokayev")
    (None, 'Tokayev')
    """
    words = _words(mention.strip())
    if words and words[0].lower() in _DETS:
        words = words[1:]
    if not words:
        return None, None
    if not any(lex.is_title(_POSS.sub("", w)) for w in words):
        # no role word: the common case, decided without the loop below
        if all(w[:1].islower() for w in words):
            return " ".join(words), None
        return None, " ".join(words)
    last_title = -1
    for i, w in enumerate(words):
        if lex.is_title(_POSS.sub("", w)) or w.lower() in lex.HONORIFICS and i < len(words) - 1:
            if w.lower() in lex.HONORIFICS:
                continue  # "Mr." belongs to the name
            last_title = i
    if last_title == -1:
        if all(w[:1].islower() for w in words):
            return " ".join(words), None
        return None, " ".join(words)
    role = " ".join(words[: last_title + 1])
    name_words = words[last_title + 1 :]
    # "President of the European Commission Ursula von der Leyen": of-phrases are role, up to
    # the words that name an institution; the person's name is what follows them.
    while name_words and name_words[0].lower() in ("of", "for", "the", "at"):
        k = 1
        while k < len(name_words) and (name_words[k].lower() in ("of", "for", "the", "and")
                                       or name_words[k].lower().strip(",") in _INSTITUTION):
            k += 1
        role += " " + " ".join(name_words[:k])
        name_words = name_words[k:]
    name = " ".join(name_words) if name_words and name_words[0][:1].isupper() else None
    if name is None and name_words and name_words[0].lower() in _NAME_PARTICLES:
        name = " ".join(name_words)  # "von der Leyen"
    return role, name


#: Words of institution names inside roles ("Secretary of State", "Minister for Foreign
#: Affairs", "President of the European Commission").
_INSTITUTION = frozenset("""state states foreign affairs defence defense interior home office
commission european union nations united council parliament assembly house senate
justice finance economy trade health education security energy environment agriculture
transport labour labor culture europe commonwealth development cooperation republic
federation kingdom government cabinet chiefs staff joint central bank court supreme
national committee party people's peoples congress general""".split())
_NAME_PARTICLES = frozenset({"von", "van", "de", "der", "den", "du", "da", "di", "al", "el",
                             "bin", "le", "la", "ter"})


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=2**16)  # called once per quote row; a corpus repeats its names
def speaker_key(name: str) -> str:
    """Normalised form of a name for matching: no honorifics, accents, possessive or case.

    Examples
    --------
    >>> speaker_key("Emmanuel Macron"), speaker_key("the Kremlin")
    ('emmanuel macron', 'kremlin')
    """
    s = _strip_accents(name).replace("\u2019", "'")
    words = [w for w in re.split(r"[\s-]+", s) if w]
    out = []
    for i, w in enumerate(words):
        wl = w.lower().strip(".,;:()\"'")
        if not wl:
            continue
        if i == 0 and wl in _DETS:
            continue
        if wl in lex.HONORIFICS or wl + "." in lex.HONORIFICS:
            continue
        out.append(re.sub(r"'s$", "", wl))
    return " ".join(out)


@functools.lru_cache(maxsize=2**16)
def _slug(name: str) -> str:
    s = _strip_accents(name).lower().replace("\u2019", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "unknown"


# --------------------------------------------------------------------------------------------
# In one article
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Entity:
    name: str
    role: str | None
    pos: int
    is_org: bool
    context: str  # the words just before the name ("… foreign minister")
    affil: str = ""  # a party or place in brackets after the name: "SPD", "R-Iowa"


def _has_title(e: _Entity, title: str) -> bool:
    """Written with ``title``: as its role, or just before it ("foreign minister Stefan Moravec")."""
    if e.role and e.role.lower().endswith(title):
        return True
    return e.context.lower().rstrip().endswith(title)


@lru_cache(maxsize=8192)
def _is_org_name(name: str) -> bool:
    words = name.split()
    if len(words) == 1 and _ACRONYM.match(words[0]) and words[0] not in ("I",):
        return True
    return any(lex.is_org_word(w) for w in words)


_PLACES: frozenset[str] | None = None
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|from|near|to|into|across|outside|of)|,)[ \t]+$")
_FEMALE_ROLE = re.compile(r"(?:woman|women|wife|mother|daughter|sister|queen|princess|"
                          r"widow|girl|aunt|niece|actress|"
                          r"Mrs\.?|Ms\.?|Madame|Frau|Mme\.?|Dame|Lady)\b", re.I)
_MALE_ROLE = re.compile(r"(?:\w(?<!wo)man\b|\bmen\b|husband|father|son\b|brother|\bking\b|"
                        r"prince\b|widower|\bboy\b|uncle|nephew|"
                        r"\bMr\.?|\bSir\b|\bHerr\b|\bLord\b)", re.I)
# a gendered role word right before the name ("9/11 widow Terry Strada"): it outweighs the
# first name, which only says what is usual
_ROLE_RIGHT_BEFORE = re.compile(r"\b([A-Za-z]+)[ \t]+$")
# a name and what follows it: "Mr. Trump was pressed", not "Mr. Putin, Mr. Trump" or "Putin's"
_NAME_THEN_WORD = re.compile(r"[\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)*\s+([a-z]+)\b")
_NOT_VERB = frozenset("""and or of in on at to for with from by the a an as who whom whose which
    that than but nor about over after before during under into""".split())


def _before_verb(text: str, pos: int) -> bool:
    """The name at ``pos`` is followed by a lower-case word that is no function word: it
    stands as a clause's subject ("Mr. Trump was pressed ...", "Putin treat him")."""
    m = _NAME_THEN_WORD.match(text, pos, pos + 80)
    if not m or m.group(1) in _NOT_VERB:
        return False
    name = text[pos:m.start(1)].rstrip()
    return not name.endswith(("'s", "\u2019s", "'", "\u2019"))  # "Putin's aide"


def places() -> frozenset[str]:
    """Country and region names (pycountry: countries and subdivisions such as "Ohio")."""
    global _PLACES
    if _PLACES is None:
        import pycountry

        names = {c.name for c in pycountry.countries}
        names |= {getattr(c, "common_name", c.name) for c in pycountry.countries}
        names |= {s.name for s in pycountry.subdivisions}
        _PLACES = frozenset(names)
    return _PLACES


def name_gender(name: str, context: str = "") -> str | None:
    """"f", "m" or None from a first name, an honorific or a gendered role word.

    Examples
    --------
    >>> name_gender("Hillary Clinton"), name_gender("James Comey"), name_gender("Xi Jinping")
    ('f', 'm', None)
    >>> name_gender("Ferrier", context="spokeswoman Sue ")
    'f'
    """
    return _name_gender(name, context[-30:])


@lru_cache(maxsize=8192)
def _name_gender(name: str, tail: str) -> str | None:
    right = _ROLE_RIGHT_BEFORE.search(tail)
    if right is not None:
        if _FEMALE_ROLE.fullmatch(right.group(1)):
            return "f"
        if _MALE_ROLE.fullmatch(right.group(1)) and not right.group(1)[:1].isupper():
            return "m"
    words = [w.strip(".,").lower() for w in name.split()]
    for w in words[:2]:
        if w in lex.FEMALE_NAMES:
            return "f"
        if w in lex.MALE_NAMES:
            return "m"
        if w not in lex.HONORIFICS and w + "." not in lex.HONORIFICS:
            break
    if _FEMALE_ROLE.search(tail) or (words and words[0] in ("mrs", "ms", "mrs.", "ms.")):
        return "f"
    if _MALE_ROLE.search(tail) or (words and words[0] in ("mr", "mr.")):
        return "m"
    return None


def _entity_is_person(e: _Entity) -> bool:
    if e.is_org or " " not in e.name:
        return False
    words = e.name.split()
    if e.name in places() or _chrome(e.name) or _place_head(e.name):
        return False
    if all(w.isupper() for w in words) or (
            _ACRONYM.match(words[-1]) and not _ROMAN.fullmatch(words[-1])):
        return False  # "MIDWAY ATOLL —" (a dateline), "Former DNC" (an organisation)
    if any(w.lower() in lex.NOT_SPEAKER for w in words):
        return False
    if name_gender(e.name, e.context) is not None or e.role:
        return True
    return not _PLACE_BEFORE.search(e.context)


_NEXT_WORDS = re.compile(r"[ \t]+([A-Za-z]+)(?:[ \t]+([A-Za-z]+))?")


def _modifier_at(text: str, j: int) -> bool:
    """The surname ending at ``j`` modifies what follows: "Clinton's aide", "Clinton
    communications director Jennifer Palmieri", "the Trump campaign"."""
    if text.startswith(("'s", "\u2019s"), j):
        return True
    m = _NEXT_WORDS.match(text, j, j + 40)
    if m is None:
        return False
    w1, w2 = m.groups()
    if w1.lower() in lex.TITLE_WORDS or w1.lower() in lex.ORG_WORDS:
        return True  # "Clinton campaign", "Trump spokesman"
    # "Clinton communications director" (not "Reyes met Senator Lopez")
    return bool(w2) and w1.islower() and w2.islower() and w2 in lex.TITLE_WORDS


@lru_cache(maxsize=8192)
def _place_head(name: str) -> bool:
    """"the Pacific Ocean", "the National Mall", "Trump Tower": a place or a building."""
    return name.rsplit(None, 1)[-1].lower().strip(".,") in lex.PLACE_HEADS


@lru_cache(maxsize=8192)
def _chrome(name: str) -> bool:
    return any(w.lower().strip(".,:") in lex.CHROME_WORDS for w in name.split())


@lru_cache(maxsize=8192)
def _collective(name: str) -> bool:
    """"the government", "officials", "police", "opposition lawmakers": many voices."""
    words = name.replace("\u2019", "'").split()
    if not words:
        return False
    head = words[-1].lower().strip(".,")
    if head not in lex.COLLECTIVE_SOURCES:
        return False
    # "British Transport Police", "the Obama administration": a named organisation
    named = [w for w in words[:-1] if w[:1].isupper() and w.lower() not in _DETS
             and not w.endswith(("an", "ish", "ese", "i", "ch"))]
    return not named


def _speaker_is_person(e: _Entity) -> bool:
    n = e.name
    if e.is_org or not n or _collective(n) or _chrome(n):
        return False
    words = n.split()
    if not n[:1].isupper() or words[0].lower() in _DETS:  # "the Nato spokesperson"
        return words[-1].lower().strip(".,") in lex.PERSON_NOUNS
    return (n not in places() and n.split()[0].lower() not in lex.NOT_SPEAKER
            and not (len(words) > 1 and _place_head(n)))


def _pronoun_gender(mention: str) -> str | None:
    m = mention.lower()
    if m in lex.MALE_PRONOUNS:
        return "m"
    if m in lex.FEMALE_PRONOUNS:
        return "f"
    return None


_UPPER = re.compile("[A-Z]")


def _name_runs(text: str):
    """``_NAME_SEQ.finditer(text)``, tried only at capital letters (every name word starts
    with one): the regex engine skips to them fast, where the pattern's look-behind would be
    tried at every character."""
    end = 0
    match = _NAME_SEQ.match
    for c in _UPPER.finditer(text):
        p = c.start()
        if p >= end:
            m = match(text, p)
            if m is not None:
                end = m.end()
                yield m


@lru_cache(maxsize=16384)
def _entity_name(surface: str, after_of: bool) -> tuple[str, str | None, bool] | None:
    """(name, role, is_org) of a run of capitalised words, None when it names nobody.
    ``after_of``: the run follows "of " or "for " (it may start inside a role). Names recur
    within and across articles, so the answer is kept."""
    role, name = split_role(surface)
    if name is None:
        return None
    nw = name.split()
    if after_of:
        # "Secretary of State Douglas Renner": the run starts inside the role
        k = 0
        while k < len(nw) - 1 and nw[k].lower() in _INSTITUTION:
            k += 1
        if k and len(nw) - k >= 1:
            name, nw = " ".join(nw[k:]), nw[k:]
    if nw[0].lower() in lex.NOT_SPEAKER:
        name = " ".join(nw[1:])
    name = _core_name(name)
    if not name:
        return None
    return _POSS.sub("", name), role, _is_org_name(name)


@lru_cache(maxsize=8192)
def _core_name(name: str) -> str:
    """The person's name in a run of capitalised words: without the words before an honorific
    inside it ("Democratic Sen. Claire McCaskill", "Air Force Gen. Norman Ham"), modifiers
    ("Former", "Democrat"), places ("Ohio John Kasich"), page chrome ("Image Hillary
    Clinton"), shouted words ("BLAME Clinton") and honorifics.

    >>> _core_name("Former Pennsylvania Gov. Ed Rendell"), _core_name("Democrat Hillary Clinton")
    ('Ed Rendell', 'Hillary Clinton')
    """
    nw = name.split()
    for k in range(len(nw) - 2, 0, -1):
        if nw[k].lower() in lex.HONORIFICS or nw[k].lower() + "." in lex.HONORIFICS:
            nw = nw[k:]
            break
    else:
        k = 0
        while k < len(nw) - 2 and nw[k].lower() in lex.NAME_MODIFIERS:
            k += 1
        nw = nw[k:]
    name = _strip_honorifics(" ".join(nw))
    if " " in name:
        place_set = places()
        chrome = lex.CHROME_WORDS
        nw = name.split()
        k = 0
        while len(nw) - k >= 2 and (
                nw[k] in place_set and nw[k].lower() not in _FIRST_NAMES
                or nw[k].lower() in chrome
                or (nw[k].isupper() and len(nw[k]) > 2 and not nw[k + 1].isupper())):
            k += 1  # not "Paul" in "Paul Grady" (a place name too)
        if k:
            name = " ".join(nw[k:])
    return name


class _DocNames:
    """Capitalised names in one text, found once (lazily) for resolution."""

    def __init__(self, text: str, index: SentenceIndex | None = None):
        self.text = text
        self._index = index
        self._ents: list[_Entity] | None = None
        self._mentions: tuple[list[int], list[_Entity]] | None = None
        self.resolved_pronouns: list[tuple[int, _Entity]] = []
        self._person: dict[int, bool] = {}
        self._gender: dict[int, str | None] = {}
        self._by_last: dict[str, list[_Entity]] | None = None
        self._roles: dict[str, str] | None = None
        self._role_cache: dict[str, str | None] = {}
        self._positions: list[int] = []
        self._quoted: tuple[list[int], list[int]] | None = None

    @property
    def index(self) -> SentenceIndex:
        """Sentences and quotations of the text (the extractor's own, when it passed it)."""
        if self._index is None:
            self._index = SentenceIndex(self.text)
        return self._index

    def quoted(self, pos: int) -> tuple[int, int] | None:
        """The quotation (between double marks) that ``pos`` lies in, if any."""
        if self._quoted is None:
            qs = [q for q in self.index.quotes if not q.single]
            self._quoted = ([q.start for q in qs], [q.end for q in qs])
        starts, ends = self._quoted
        i = bisect.bisect_right(starts, pos) - 1
        return (starts[i], ends[i]) if i >= 0 and pos < ends[i] else None

    @property
    def entities(self) -> list[_Entity]:
        if self._ents is None:
            text = self.text
            ents = []
            for m in _name_runs(text):
                surface = m.group()
                if " " not in surface and text[m.end() : m.end() + 2] not in (" (", "'s", "\u2019s"):
                    continue  # single words are looked up through the longer names
                start = m.start()
                got = _entity_name(surface, text[max(0, start - 4):start] in (" of ", "for "))
                if got is None:
                    continue
                name, role, is_org = got
                paren = _PAREN_AFTER.match(text, m.end())
                ents.append(_Entity(name, role, start, is_org, text[max(0, start - 40) : start],
                                    paren.group(1) if paren else ""))
            self._ents = ents
            self._positions = [e.pos for e in ents]
            by_last: dict[str, list[_Entity]] = defaultdict(list)
            roles: dict[str, str] = {}
            for e in ents:
                by_last[e.name.split()[-1]].append(e)
                if e.role and e.name not in roles:
                    roles[e.name] = e.role
            self._by_last, self._roles = by_last, roles
        return self._ents

    def is_person(self, e: _Entity) -> bool:
        """A named person: not an organisation, a place or page chrome."""
        key = id(e)
        got = self._person.get(key)
        if got is None:
            got = self._person[key] = _entity_is_person(e)
        return got

    def gender(self, e: _Entity) -> str | None:
        key = id(e)
        if key not in self._gender:
            self._gender[key] = name_gender(e.name, e.context)
        return self._gender[key]

    def person_mentions(self) -> tuple[list[int], list[_Entity]]:
        """Every mention of a person named in full somewhere in the text (full name or
        surname alone), in text order."""
        if self._mentions is None:
            first: dict[str, _Entity] = {}
            full: dict[int, _Entity] = {}
            for e in self.entities:
                if self.is_person(e):
                    full[e.pos] = e
                    # the surname alone means the person introduced first with it (the
                    # story's subject), not a relative named later ("her husband Bill Clinton")
                    first.setdefault(e.name.split()[-1], e)
            text = self.text
            found: list[tuple[int, _Entity]] = []
            name_end: dict[int, _Entity] = {}  # where a full name ends -> that person
            for e in full.values():
                k = text.find(e.name, e.pos, e.pos + 120)
                if k != -1:
                    name_end[k + len(e.name)] = e
            for last, e in first.items():
                i = text.find(last)
                while i != -1:
                    j = i + len(last)
                    if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "-'\u2019")) and (
                            j >= len(text) or not text[j].isalnum()) and not _modifier_at(text, j):
                        found.append((i, name_end.get(j, e)))
                    i = text.find(last, j)
            found.sort(key=lambda c: c[0])
            pos = [p for p, _ in found]
            ents = [e for _, e in found]
            self._mentions = (pos, ents)
        return self._mentions

    def pronoun_antecedent(self, pos: int, gender: str | None,
                           speakers: list[_Entity] = (),
                           own: tuple[int, int] | None = None) -> _Entity | None:
        """The person "he"/"she" at ``pos`` refers to: the nearest compatible person mention
        before it; within that sentence the first compatible one (the subject). Never a
        place, an organisation or page chrome; never past a closer compatible person; never
        a person named inside ``own``, the words attributed to the pronoun ('"Obama doesn't
        get along with Putin," he said' is not Putin speaking of himself), nor one named
        inside another quotation."""
        mpos, ments = self.person_mentions()
        lo = bisect.bisect_left(mpos, pos - 3000)
        hi = bisect.bisect_left(mpos, pos)
        cands = list(zip(mpos[lo:hi], ments[lo:hi]))
        if own is not None:
            cands = [c for c in cands if not own[0] <= c[0] < own[1]]
        # a person named inside a quotation is what someone said, not the narrative's subject:
        # "he" outside it does not refer back into it
        here = self.quoted(pos)
        cands = [c for c in cands if self.quoted(c[0]) in (None, here)]
        extra = [c for c in self.resolved_pronouns[-20:] if pos - 3000 < c[0] < pos]
        for e in reversed(speakers[-30:]):
            if e.pos <= pos - 3000:
                break
            if e.pos < pos and _speaker_is_person(e):
                extra.append((e.pos, e))
        if extra:
            cands = sorted(cands + extra, key=lambda c: c[0])
        first = None
        chosen = None
        subject = None
        for p, e in reversed(cands):
            g = self.gender(e)
            if gender is not None and g is not None and g != gender:
                continue
            if first is None:
                first = p
            elif self.index.index_at(p) != self.index.index_at(first):
                break  # an earlier sentence: the nearest one has its person
            chosen = e  # keep walking left inside the sentence: its first person wins ...
            if _before_verb(self.text, p):
                subject = e  # ... or rather its first person that stands before a verb
        return subject or chosen

    def role_of(self, name: str) -> str | None:
        """The role written before ``name`` somewhere in the text, if any."""
        self.entities
        return self._roles.get(name)

    def before(self, pos: int, limit: int = 200) -> list[_Entity]:
        """Up to ``limit`` names that start before ``pos``, nearest last."""
        ents = self.entities
        k = bisect.bisect_left(self._positions, pos)
        return ents[max(0, k - limit) : k]

    def full_name(self, short: str, pos: int) -> str:
        """The longest name in the text that ends with ``short`` ("Tokayev" -> full name)."""
        short = _strip_honorifics(_POSS.sub("", short))
        if not short:
            return short
        if sum(1 for w in short.split() if w[:1].isupper()) >= 2:
            return short
        best = None
        self.entities
        cands = list(self._by_last.get(short.split()[-1], ())[:200])
        if not cands and " " not in short:
            # surname first ("Xi" -> "Xi Jinping")
            cands = [e for e in self.before(pos + 1) if e.name.startswith(short + " ")]
            cands = [e for e in cands if len(e.name.split()) == 2]
        for e in cands:
            if e.name != short and len(e.name.split()) <= 4 and (
                e.name.endswith(" " + short) or e.name.startswith(short + " ")):
                if best is None or (e.pos < pos) > (best.pos < pos) or (
                    (e.pos < pos) == (best.pos < pos) and len(e.name) > len(best.name)
                ):
                    best = e
        return best.name if best is not None else short

    def role_name(self, role: str, pos: int) -> str | None:
        """A name written right after ``role`` somewhere in the text ("President Tokayev")."""
        if role in self._role_cache:
            return self._role_cache[role]
        # the lede and first paragraphs name the role
        m = _role_then_name(self.text, role, 20000)
        name = split_role(m.group(1))[1] if m is not None else None
        self._role_cache[role] = name
        return name

    def near_person(self, pos: int, *, title: str | None = None) -> _Entity | None:
        """The nearest full name before ``pos``; with ``title``, one written with that title
        (before ``pos`` or, failing that, after it: "the head of state … President X")."""
        for e in reversed(self.before(pos)):
            if e.is_org or len(e.name.split()) < 2:
                continue
            if title is None or _has_title(e, title):
                return e
        if title is not None:
            ents = self.entities
            k = bisect.bisect_left(self._positions, pos)
            for e in ents[k : k + 200]:
                if not e.is_org and len(e.name.split()) >= 2 and _has_title(e, title):
                    return e
        return None


_NAME_AFTER_ROLE = re.compile(r"[ \t]+((?:[A-Z][\w\u2019'-]+[ \t]+){0,3}[A-Z][\w\u2019'-]+)")


def _role_then_name(text: str, role: str, end: int) -> re.Match | None:
    """The first place in ``text[:end]`` where ``role`` is followed by a capitalised name
    ("President Tokayev"): what searching ``re.escape(role) + name`` finds, without compiling a
    pattern per role (roles rarely repeat, and compiling cost more than the search)."""
    i = text.find(role, 0, end)
    while i != -1:
        m = _NAME_AFTER_ROLE.match(text, i + len(role), end)
        if m is not None:
            return m
        i = text.find(role, i + 1, end)
    return None


@lru_cache(maxsize=8192)
def _strip_honorifics(name: str) -> str:
    return " ".join(w for w in name.split()
                    if w.lower() not in lex.HONORIFICS and w.lower() + "." not in lex.HONORIFICS)


def _clean_mention(s: str) -> str:
    return s.strip().strip(",;:")


def resolve_mentions(text: str, found: list, quote_cls, *,
                     index: SentenceIndex | None = None) -> list:
    """Turn the extractor's raw findings into ``Quote`` objects with resolved speakers.

    ``found`` items carry ``start``, ``end``, ``kind``, ``sp`` (mention span or None),
    ``cue`` (span or None), ``carried``, ``marks`` and ``attribution``. ``index`` is the
    extractor's :class:`SentenceIndex` of ``text`` (built here when not given). Used by
    :func:`coverage_kit.extract_quotes`; public so that other extractors can reuse it.
    """
    names = _DocNames(text, index)
    speakers: list[_Entity] = []  # resolved speakers so far, in text order
    out = []
    resolved: dict[int, tuple] = {}
    for f in found:
        mention = None
        speaker = role = None
        co: tuple[str, ...] = ()
        if f.sp is not None:
            mention = _clean_mention(text[f.sp[0] : f.sp[1]])
            parts = coordinated(mention)
            if len(parts) > 1:
                # "Merkel and Macron said": every named part speaks
                got = []
                for part, off in parts:
                    sp_, role_, ent = _resolve_one(text, part, f.sp[0] + off, names, speakers,
                                                   (f.start, f.end))
                    if ent is not None:
                        speakers.append(ent)
                    if sp_ and sp_ not in got:
                        got.append(sp_)
                        role = role if role is not None else role_
                speaker, co = (got[0], tuple(got[1:])) if got else (None, ())
            else:
                speaker, role, ent = _resolve_one(text, mention, f.sp[0], names, speakers,
                                                  (f.start, f.end))
                if ent is not None:
                    speakers.append(ent)
        elif f.carried and "carried_from" in f.extra:
            src = f.extra["carried_from"]
            speaker, role, co, mention_src = resolved.get(id(src), (None, None, (), None))
        speaker = _tidy_name(speaker)
        stype = speaker_type(speaker, mention if f.sp is not None else
                             resolved.get(id(f.extra.get("carried_from")), (None,) * 4)[3])
        resolved[id(f)] = (speaker, role, co, mention)
        cue = text[f.cue[0] : f.cue[1]] if f.cue else None
        out.append(
            quote_cls(
                quote=text[f.start : f.end],
                start=f.start,
                end=f.end,
                kind=f.kind,
                speaker=speaker,
                speaker_mention=mention,
                speaker_start=f.sp[0] if f.sp else None,
                speaker_end=f.sp[0] + len(mention) if f.sp else None,
                carried=f.carried,
                cue=cue,
                cue_start=f.cue[0] if f.cue else None,
                cue_end=f.cue[1] if f.cue else None,
                speaker_role=role,
                mark_start=f.marks[0] if f.marks else None,
                mark_end=f.marks[1] if f.marks else None,
                attribution=f.attribution,
                speaker_type=stype,
                co_speakers=co,
            )
        )
    return out


_COORD = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def coordinated(mention: str) -> list[tuple[str, int]]:
    """The named parts of "A and B" / "A, B and C", with their offsets in the mention.

    A single speaker, "Hawkins and others" (one named part) or "Procter & Gamble" (``&``
    joins one name) gives one part.

    Examples
    --------
    >>> [p for p, _ in coordinated("Angela Merkel and Emmanuel Macron")]
    ['Angela Merkel', 'Emmanuel Macron']
    >>> [p for p, _ in coordinated("Hawkins and others")]
    ['Hawkins and others']
    """
    if " and " not in mention and ", " not in mention:
        return [(mention, 0)]
    parts = []
    pos = 0
    for m in _COORD.finditer(mention):
        parts.append((mention[pos : m.start()], pos))
        pos = m.end()
    parts.append((mention[pos:], pos))
    ok = all(p[:1].isupper() and p.split()[0].lower() not in lex.NOT_SPEAKER
             and split_role(p)[1] is not None for p, _ in parts)
    return parts if ok and len(parts) > 1 else [(mention, 0)]


_TRAILING_ADVERB = re.compile(r"(?:\s+(?:meanwhile|however|too|also|instead|though|later|"
                              r"earlier|then|now|again|[a-z]+ly))+$")


@lru_cache(maxsize=8192)
def _tidy_name(name: str | None) -> str | None:
    """"Washington Post meanwhile" -> "Washington Post": drop adverbs trailing a name."""
    if not name or not name[:1].isupper():
        return name
    return _TRAILING_ADVERB.sub("", name) or name


@lru_cache(maxsize=8192)
def speaker_type(speaker: str | None, mention: str | None = None) -> str:
    """"person", "organisation", "group" (collective sources) or "unknown".

    Examples
    --------
    >>> [speaker_type(s) for s in ["Emmanuel Macron", "the Kremlin", "officials", None]]
    ['person', 'organisation', 'group', 'unknown']
    >>> speaker_type("government", "The government")
    'group'
    """
    if not speaker:
        return "unknown"
    ml = (mention or "").lower()
    if ml in ("they", "them", "we", "ils", "elles") or _collective(speaker) or (
            mention and _collective(mention)):
        return "group"
    if ml in _PERSON_PRON or ml == "i":
        return "person"
    words = speaker.split()
    head = words[-1].lower().strip(".,") if words else ""
    if _is_org_name(speaker) or (head in lex.ORG_WORDS and not lex.is_title(head)):
        return "organisation"
    if speaker in places():
        return "organisation"  # a country or region speaking: its government
    if _chrome(speaker):
        return "unknown"
    if head in lex.PERSON_NOUNS or speaker[:1].isupper():
        return "person"
    if head.endswith("s") and head[:-1] in lex.PERSON_NOUNS:
        return "group"
    return "unknown"


_HEAD_OF_STATE = frozenset(["head of state", "state leader"])
_PERSON_PRON = frozenset("he she him her his i er il elle".split())


def _resolve_one(text, mention, pos, names: _DocNames, speakers: list[_Entity],
                 own: tuple[int, int] | None = None):
    """-> (speaker name, role, entity to remember or None); ``own`` is the quote's span."""
    ml = mention.lower()
    if ml in _PERSON_PRON:
        e = names.pronoun_antecedent(pos, _pronoun_gender(ml), speakers, own)
        if e is not None:
            names.resolved_pronouns.append((pos, e))
            return e.name, e.role, None
        return None, None, None
    if ml in ("i", "we", "you"):
        for e in reversed(speakers[-50:]):
            if ml != "i" or _speaker_is_person(e):
                return e.name, e.role, None
        return None, None, None
    if ml in ("it", "they"):
        for e in reversed(speakers[-50:]):
            if e.is_org or (ml == "they" and _collective(e.name)):
                return e.name, e.role, None
        return None, None, None
    if ml in ("who", "which", "that"):
        from ._mentions import subject_before

        j = pos
        while j > 0 and text[j - 1] in " ,\t":
            j -= 1
        sp = subject_before(text, max(0, j - 200), j)
        if sp is None:
            return None, None, None
        inner = _clean_mention(text[sp[0] : sp[1]])
        if inner.lower() in ("who", "which", "that"):
            return None, None, None
        return _resolve_one(text, inner, sp[0], names, speakers)
    if _collective(mention):
        # "the government", "officials", "police": a collective source, kept as written
        words = [w for w in mention.split() if w.lower() not in _DETS]
        name = " ".join(words) or mention
        return name, None, _Entity(name, None, pos, False, mention)
    if ", " in mention:
        first, _, rest = mention.partition(", ")
        r_role, r_name = split_role(rest)
        if r_name is not None and rest[:1].isupper():
            full = names.full_name(r_name, pos)
            role = split_role(first)[0] or first
            return full, role, _Entity(full, role, pos, _is_org_name(full), mention)
        mention = first
    if " and " in mention or " & " in mention:
        return mention, None, None  # several speakers: keep the mention as it is
    role, name = split_role(mention)
    if name is not None:
        name = _POSS.sub("", name)
        if " " in name and not _is_org_name(name):
            name = _core_name(name) or name
        is_org = _is_org_name(name) or (role is None and _is_org_name(mention))
        full = name if is_org else names.full_name(name, pos)
        if role is None:
            # a role written before the name elsewhere in the text ("President Tokayev")
            role = names.role_of(full) or names.role_of(name)
        ent = _Entity(full, role, pos, is_org, mention)
        return full, role, ent
    # a nominal or bare role: "the SPD politician", "the spokesman", "Kazakhstan's President"
    words = [w for w in mention.split() if w.lower() not in _DETS]
    caps = [_POSS.sub("", w) for w in words if w[:1].isupper() and not lex.is_title(w)]
    head = words[-1].lower() if words else ""
    head_of_state = " ".join(w.lower() for w in words[-3:]) in _HEAD_OF_STATE
    is_org = not (lex.is_title(head) or head_of_state) and (
        lex.is_org_word(head) or _is_org_name(mention)
    )
    if not is_org:
        if role:
            n = names.role_name(role, pos)
            if n:
                full = names.full_name(n, pos)
                return full, role, _Entity(full, role, pos, False, mention)
        for key in caps:
            for e in reversed(names.before(pos)):
                if not e.is_org and (key in e.affil or (e.role and key in e.role)):
                    return e.name, e.role or role, _Entity(e.name, e.role or role, pos, False, mention)
        if lex.is_title(head) or head_of_state:
            # "the foreign minister" -> the nearest name written with that title
            title = " ".join(w.lower() for w in words[-2:]) if len(words) > 1 else head
            if head_of_state:
                title = head = "president"
            e = names.near_person(pos, title=title) or names.near_person(pos, title=head)
            if e is not None and not mention.lower().startswith(("a ", "an ", "another ")):
                return e.name, e.role, None
        # "the official", "a Toblerone spokeswoman": nobody named with that title; an unnamed
        # source, kept as written (and a person "he"/"she" can refer to)
        return mention, role, _Entity(mention, role, pos, False, mention)
    # organisation nominal: "the ministry" -> last organisation speaker with that word
    for e in reversed(speakers[-50:]):
        if e.is_org and head in e.name.lower():
            return e.name, e.role, None
    name = " ".join(words) or mention  # "the ministry" -> "ministry", "The Kremlin" -> "Kremlin"
    ent = _Entity(name, None, pos, True, mention)
    return name, None, ent


# --------------------------------------------------------------------------------------------
# Across the corpus
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Alias:
    """One row of the alias table: every speaker matching ``alias`` gets this id and name."""

    alias: str
    speaker_id: str
    speaker: str


def read_aliases(source) -> dict[str, Alias]:
    """Read a speaker alias table.

    The table has the columns ``alias``, ``speaker_id`` and ``speaker`` (the display name;
    empty keeps the name as found). ``alias`` is matched case-, accent- and
    honorific-insensitively against each quote's resolved speaker and its mention. In a CSV
    file, lines starting with ``#`` are comments. See ``data/speaker_aliases.csv``.

    Parameters
    ----------
    source : path, DataFrame or mapping
        A CSV path, a DataFrame with those columns, or a ``{alias: speaker_id}`` mapping.

    Returns
    -------
    dict
        Normalised alias -> :class:`Alias`.

    Raises
    ------
    InputError
        Naming the file and line of a missing header column or of a row without alias or
        speaker_id.

    Examples
    --------
    >>> read_aliases({"Kassym-Schomart Tokayev": "tokayev"})["kassym schomart tokayev"].speaker_id
    'tokayev'
    """
    out: dict[str, Alias] = {}
    if isinstance(source, Mapping):
        for a, sid in source.items():
            out[speaker_key(str(a))] = Alias(str(a), str(sid), "")
        return out
    rows: list[tuple[int, dict]] = []
    if isinstance(source, pd.DataFrame):
        where = "<aliases DataFrame>"
        missing = [c for c in ("alias", "speaker_id") if c not in source.columns]
        if missing:
            raise InputError(where, None, f"alias table has no column(s) {', '.join(missing)}; "
                             f"it has: {', '.join(map(str, source.columns))}")
        rows = [(i + 2, rec) for i, rec in enumerate(source.to_dict("records"))]
    else:
        where = str(source)
        header: list[str] | None = None
        with open(source, encoding="utf-8", newline="") as fh:
            for lineno, line in enumerate(fh, start=1):
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                cells = next(csv.reader([line]))
                if header is None:
                    header = [c.strip() for c in cells]
                    missing = [c for c in ("alias", "speaker_id") if c not in header]
                    if missing:
                        raise InputError(where, lineno, f"alias table has no column(s) "
                                         f"{', '.join(missing)}; expected the header "
                                         "alias,speaker_id,speaker")
                    continue
                rows.append((lineno, dict(zip(header, cells))))
    for lineno, rec in rows:
        alias = _cell(rec.get("alias"))
        sid = _cell(rec.get("speaker_id"))
        name = _cell(rec.get("speaker"))
        if not alias and not sid:
            continue
        if not alias or not sid:
            raise InputError(where, lineno, f"alias row needs both alias and speaker_id; got "
                             f"alias={alias!r}, speaker_id={sid!r}")
        out[speaker_key(alias)] = Alias(alias, sid, name)
    return out


def _cell(v) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    return str(v).strip()


def _alias_for(row_speaker, row_mention, aliases: Mapping[str, Alias]) -> Alias | None:
    for v in (row_speaker, row_mention):
        if isinstance(v, str) and v:
            a = aliases.get(speaker_key(v))
            if a is not None:
                return a
    return None


def apply_alias_names(df: pd.DataFrame, aliases: Mapping[str, Alias]) -> list:
    """The ``speaker`` column with display names from the alias table where given."""
    out = []
    for sp, mention in zip(df["speaker"], df["speaker_mention"]):
        a = _alias_for(sp, mention, aliases)
        out.append(a.speaker if a is not None and a.speaker else sp)
    return out


def assign_speaker_ids(df: pd.DataFrame, *, aliases: Mapping[str, Alias] | None = None,
                       weights: Sequence[int] | None = None) -> list:
    """One id per speaker across the corpus, merging spelling variants.

    Names sharing a surname are grouped; within a group, full names whose given names are
    similar (rapidfuzz ratio >= 70, e.g. "Kassym-Jomart" / "Kassym-Schomart") are merged, and a
    bare surname joins the group's most quoted full name. A bare role ("Kazakhstan's
    President", "Kremlin spokesman"; not a bare "President") joins the name most often given
    with that role. The alias table wins over all of this.

    Parameters
    ----------
    df : DataFrame
        Needs ``speaker``, ``speaker_mention`` and ``speaker_role`` columns.
    aliases : mapping, optional
        From :func:`read_aliases`.
    weights : sequence of int, optional
        How many quotes each row stands for (default 1 each): a corpus store passes each
        distinct (speaker, role) pair once, in order of first appearance, with its count,
        and gets the ids of the full table.

    Returns
    -------
    list
        A speaker id (a slug of the canonical name) or None per row.

    Examples
    --------
    >>> df = pd.DataFrame({"speaker": ["Kassym-Jomart Tokayev", "Kassym-Shomart Tokayev",
    ...                                "Tokayev", "Olaf Scholz"],
    ...                    "speaker_mention": ["x"] * 4, "speaker_role": [None] * 4})
    >>> assign_speaker_ids(df)
    ['kassym-jomart-tokayev', 'kassym-jomart-tokayev', 'kassym-jomart-tokayev', 'olaf-scholz']
    """
    from rapidfuzz import fuzz

    speakers = df["speaker"].tolist()
    mentions = df["speaker_mention"].tolist() if "speaker_mention" in df else [None] * len(df)
    roles = df["speaker_role"].tolist() if "speaker_role" in df else [None] * len(df)
    keys = [speaker_key(s) if isinstance(s, str) and s else None for s in speakers]
    if weights is None:
        counts = Counter(k for k in keys if k)
        weights = [1] * len(keys)
    else:
        counts = Counter()
        for k, w in zip(keys, weights):
            if k:
                counts[k] += int(w)
    display: dict[str, str] = {}
    for s, k in zip(speakers, keys):
        if k and (k not in display):
            display[k] = s
    # group full names by surname, cluster given names by similarity
    by_surname: dict[str, list[str]] = defaultdict(list)
    for k in counts:
        parts = k.split()
        if len(parts) >= 2:
            by_surname[parts[-1]].append(k)
    canon: dict[str, str] = {}
    for surname, ks in by_surname.items():
        ks.sort(key=lambda k: (-counts[k], k))
        clusters: list[list[str]] = []
        for k in ks:
            given = " ".join(k.split()[:-1])
            for cl in clusters:
                g0 = " ".join(cl[0].split()[:-1])
                if fuzz.ratio(given, g0) >= 70 or g0.startswith(given) or given.startswith(g0):
                    cl.append(k)
                    break
            else:
                clusters.append([k])
        for cl in clusters:
            for k in cl:
                canon[k] = cl[0]
        # a bare surname joins the most quoted cluster
        if surname in counts:
            best = max(clusters, key=lambda cl: sum(counts[k] for k in cl))
            canon[surname] = best[0]
    # bare roles join the name most often quoted with that role
    role_names: dict[str, Counter] = defaultdict(Counter)
    for k, r, w in zip(keys, roles, weights):
        if k and isinstance(r, str) and r and speaker_key(r) != k:
            role_names[speaker_key(r)][canon.get(k, k)] += int(w)
    for k in counts:
        if k in role_names and k not in role_names[k] and len(k.split()) >= 2:
            # a string written as someone's title is that person, not a name of its own
            canon[k] = role_names[k].most_common(1)[0][0]
    out = []
    for sp, mention, k in zip(speakers, mentions, keys):
        a = _alias_for(sp, mention, aliases) if aliases else None
        if a is not None:
            out.append(a.speaker_id)
        elif k is None:
            out.append(None)
        else:
            c = canon.get(k, k)
            out.append(_slug(display.get(c, c)))
    return out


#: Plural and collective nouns that can be a source on their own ("lawyers", "rights groups").
_SOURCE_NOUNS = frozenset("""official officials lawyer lawyers group groups diplomat diplomats
economist economists analyst analysts trader traders resident residents witness witnesses
protester protesters negotiator negotiators authorities source sources expert experts
researcher researchers activist activists opposition employer executive executives critic
critics observer observers organiser organisers organizer organizers doctor doctors
governments government monitor monitors investigator investigators police media spokesperson
spokesman spokeswoman ministry ministries minister ministers leader leaders staff medics
journalists journalist reporters residents students workers officers soldiers""".split())
_GLUE = frozenset("of the for and de des du la le von van der den al el da di d' l' &".split())
_NOT_NAME_WORDS = frozenset("""said says say told tells raised raises over against que qui
dass that which who whom its it itself several others someone somebody one handful listen
me my our data result past fraud results""".split())


@lru_cache(maxsize=16384)
def plausible_speaker(name: str | None) -> bool:
    """Whether a resolved speaker looks like a person, an organisation or a group of sources.

    Rejects fragments that the attribution patterns sometimes pick up: time words ("Monday"),
    function words ("At", "its"), clause pieces ("campaign against independent",
    "He said EU ministers") and common nouns that cannot speak ("fraud", "the past").

    Examples
    --------
    >>> [plausible_speaker(s) for s in ["Teodor Valkan", "rights groups", "the Kremlin",
    ...                                 "Monday", "the past", "He said EU ministers"]]
    [True, True, True, False, False, False]
    """
    if not name:
        return False
    words = name.replace("’", "'").split()
    if not words or len(words) > 7:
        return False
    low = [w.lower().strip(".,;:!?\"'()") for w in words]
    core = [w for w in low if w not in _GLUE]
    if not core or all(w in lex.NOT_SPEAKER or w in _NOT_NAME_WORDS for w in core):
        return False
    if any(w in _NOT_NAME_WORDS for w in low) or any(
            w in lex.NOT_SPEAKER and w not in _GLUE for w in low[1:]):
        return False
    if any(w[:1].isupper() for w in words if w.lower() not in _GLUE):
        return True
    head = core[-1]
    return (head in _SOURCE_NOUNS or head in lex.ORG_WORDS or head in lex.COLLECTIVE_SOURCES
            or head in lex.PERSON_NOUNS or head.rstrip("s") in lex.PERSON_NOUNS or head.rstrip("s") in lex.ORG_WORDS)
