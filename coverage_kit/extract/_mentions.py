"""Find the speaker mention next to a reporting verb, without a parser.

Small, bounded token walks over a window of at most a few hundred characters around a cue,
so the cost per cue is constant and the whole extractor stays linear in the text length.

Examples
--------
>>> t = "Federal Justice Minister Marco Buschmann (FDP) wrote on Twitter"
>>> s, e = subject_before(t, 0, t.index("wrote"))
>>> t[s:e]
'Federal Justice Minister Marco Buschmann'
"""

from __future__ import annotations

import re

from . import _lexicon as lex
from ._lexicon import HONORIFICS, NOT_SPEAKER, ORG_WORDS, PRONOUNS, TITLE_WORDS

__all__ = ["Tok", "tokens", "subject_before", "phrase_after", "first_subject"]

Tok = tuple[int, int, str]

_TOKEN = re.compile(r"[\w\u2019'&.-]+|[^\w\s]")
#: a token with the blanks before it (what :data:`_TOKEN` skips is blank)
_BLANK_TOKEN = re.compile(r"(\s*)(" + _TOKEN.pattern + ")")

#: Words skipped between a subject and its verb ("Trump has also said").
SKIP_LEFT = frozenset(
    """has have had also later then would will could may might did does do once again
    previously recently repeatedly reportedly publicly privately quickly flatly simply further
    already even often never not n't has since still subsequently immediately initially
    first originally earlier similarly separately specifically explicitly openly angrily
    bluntly frankly curtly proudly famously mostly both all too here there now today
    yesterday tonight monday tuesday wednesday thursday friday saturday sunday on last this
    week night morning afternoon evening weekend""".split()
)
_DETS = frozenset("the a an his her their its our my your this that these those die das "
                  "les un une ein eine".split())
_JOINERS = frozenset("of for de von der van al bin la le du and & at".split())
_APPOSITION_START = frozenset(
    "who which whose a an the his her their its who's speaking writing appearing asked "
    "however though meanwhile too also himself herself in on at".split()
)
_PARTICLES = frozenset("von van der den de da di du al bin la le del ter".split())
_QUANTIFIERS = frozenset("another one some many several most both all other others few".split())
_WORDLIKE = re.compile(r"\w")


def tokens(text: str, lo: int, hi: int) -> list[Tok]:
    """Tokens of ``text[lo:hi]`` as ``(start, end, surface)``; trailing dots of words dropped.

    Examples
    --------
    >>> [t[2] for t in tokens("Mr. Putin's aide, too.", 0, 22)]
    ['Mr.', "Putin's", 'aide', ',', 'too', '.']
    """
    out: list[Tok] = []
    append = out.append
    p = lo
    # only blanks lie between tokens: each token's offset follows from the lengths
    for blank, w in _BLANK_TOKEN.findall(text, lo, hi):
        s = p + len(blank)
        p = s + len(w)
        if w[-1] == "." and len(w) > 1 and w.lower() not in HONORIFICS and not _is_initials(w):
            append((s, p - 1, w[:-1]))
            append((p - 1, p, "."))
        else:
            append((s, p, w))
    return out


def _is_initials(w: str) -> bool:
    # "U.S.", "J.", "D.C."
    return len(w) <= 5 and all(c.isupper() or c == "." for c in w) and w[0].isupper()


def _cap(w: str) -> bool:
    return w[:1].isupper()


def _is_word(w: str) -> bool:
    return bool(_WORDLIKE.match(w))


_ROLE_PREPS = frozenset({"to", "of", "at", "for", "in"})


def subject_before(text: str, lo: int, hi: int, *, max_tokens: int = 9) -> tuple[int, int] | None:
    """Span of the noun phrase that ends just before ``hi`` (the cue), within ``text[lo:hi]``.

    Skips auxiliaries and adverbs ("has also"), a parenthetical party tag ("(SPD)") and a
    comma-enclosed apposition or relative clause ("Trump, who leads the polls,").
    Returns None when no plausible subject is there.

    Examples
    --------
    >>> t = "Trump, who leads in the polls, has said"
    >>> s, e = subject_before(t, 0, t.index("has said"))
    >>> t[s:e]
    'Trump'
    """
    toks = tokens(text, max(lo, hi - 220), hi)
    name_end = None
    i = len(toks) - 1
    while i >= 0 and toks[i][2].lower() in SKIP_LEFT:
        i -= 1
    if i < 0:
        return None
    if toks[i][2] == ")":
        j = i
        while j >= 0 and toks[j][2] != "(" and i - j < 12:
            j -= 1
        if j < 0 or toks[j][2] != "(":
            return None
        i = j - 1
    elif toks[i][2] == ",":
        # apposition(s) / relative clause between commas: "Marley Anderson, 21, a junior, said"
        last_comma = i
        for _ in range(3):
            j = i - 1
            depth = 0
            while j >= 0 and i - j < 30:
                w = toks[j][2]
                if w == ")":
                    depth += 1
                elif w == "(":
                    depth -= 1
                elif depth <= 0 and w in (",", ";", ":", "\u2014"):
                    break
                j -= 1
            if j < 0 or toks[j][2] != ",":
                return None
            first = toks[j + 1][2] if j + 1 < i else ""
            if first.lower() in ("and", "or", "but", "that"):
                return None
            i = j - 1
            while i >= 0 and toks[i][2].lower() in SKIP_LEFT:
                i -= 1
            if i < 0:
                return None
            w = toks[i][2]
            if w == ",":
                continue
            if w.isdigit() and i - 1 >= 0 and toks[i - 1][2] == ",":
                i -= 2  # an age: "Marley Anderson, 21,"
            break
        if i >= 0 and toks[i][2] == ")":
            # "Rep. Elijah Cummings (D-Md.), chair of the committee, said"
            j = i
            while j >= 0 and toks[j][2] != "(" and i - j < 12:
                j -= 1
            if j < 0 or toks[j][2] != "(":
                return None
            i = j - 1
            if i < 0:
                return None
        seg = toks[i + 2 : last_comma]
        if seg and len(seg) <= 4 and all(_cap(t[2]) for t in seg):
            if not _cap(toks[i][2]):
                # "The ESC's secretary-general, Arkady Semyrin, said": the name belongs to it
                name_end = seg[-1][1]
            else:
                # "China's ambassador to the UN, Zhang Jun, said": a role ending in an
                # of/to-phrase; the role word heads the phrase and the name belongs to it
                k = i - 1
                while k >= 0 and i - k <= 4 and (_cap(toks[k][2]) or toks[k][2].lower() in _DETS):
                    k -= 1
                if k >= 1 and toks[k][2].lower() in _ROLE_PREPS and \
                        toks[k - 1][2].lower() in TITLE_WORDS:
                    i = k - 1
                    name_end = seg[-1][1]
    if i < 0:
        return None
    head = toks[i][2]
    hl = head.lower()
    if not _is_word(head) or hl.isdigit():
        return None
    if hl in NOT_SPEAKER and not (hl in _QUANTIFIERS and (i == 0 or not _is_word(toks[i - 1][2])
                                                         or toks[i - 1][2].lower() in ("and", "but"))):
        return None  # "most said …" is a subject; "the most said" is not
    if hl in PRONOUNS:
        return toks[i][0], toks[i][1]
    start = toks[i][0]
    end = toks[i][1]
    n_lower = 0 if _cap(head) else 1
    head_cap = _cap(head)
    j = i - 1
    while j >= 0 and i - j < max_tokens:
        w = toks[j][2]
        wl = w.lower()
        if wl in _DETS:
            start = toks[j][0]
            break
        if not _is_word(w):
            break
        if wl in HONORIFICS or _is_initials(w):
            start = toks[j][0]
        elif _cap(w) and wl not in NOT_SPEAKER:
            start = toks[j][0]
        elif wl in _JOINERS and j - 1 >= 0 and _cap(toks[j - 1][2]) and (head_cap or n_lower):
            start = toks[j][0]
        elif wl in _PARTICLES and j - 2 >= 0 and head_cap and (
            _cap(toks[j - 1][2]) or toks[j - 1][2] in _PARTICLES and _cap(toks[j - 2][2])
        ):
            start = toks[j][0]  # "Ursula von der Leyen"
        elif not _cap(w) and wl not in NOT_SPEAKER and wl not in PRONOUNS and n_lower < 5 and (
            not head_cap or wl in TITLE_WORDS
        ):
            n_lower += 1
            start = toks[j][0]
        else:
            break
        j -= 1
    if name_end is not None and start < toks[i][0]:
        end = name_end
    elif name_end is None:
        start = _role_head_start(text, lo, toks, start, i)
        outer = _before_relative(text, lo, toks, start, max_tokens)
        if outer is not None:
            return outer
    return start, end


def _before_relative(text: str, lo: int, toks, start: int, max_tokens: int):
    """The subject a relative clause without commas belongs to: in "Republicans who back the
    plan said" the phrase found before the cue ("the plan") is inside the clause, and the
    speaker is the noun phrase before "who"."""
    k = next((n for n in range(len(toks) - 1, -1, -1) if toks[n][0] == start), None)
    if k is None:
        return None
    for n in range(k - 1, max(-1, k - 8), -1):
        w = toks[n][2]
        if w.lower() == "who":
            if n == 0 or not _is_word(toks[n - 1][2]):
                return None
            return subject_before(text, lo, toks[n][0], max_tokens=max_tokens)
        if not _is_word(w):
            return None
    return None


#: the last word of an organisation's name ("the United Nations", "the Arab League")
_ORG_LAST = ORG_WORDS | frozenset("nations states union league organization organisation "
                                  "forces".split())


_ROLE_PREP_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+(?:to|of|at|for)[ \t]+$")


def _role_head_start(text: str, lo: int, toks, start: int, i: int) -> int:
    """Where the subject starts when the phrase found is the object of a role's of/to-phrase:
    in "China's ambassador to the UN said" and "the head of the agency said" the role word
    heads the subject, not "the UN" or "the agency". A person's name after the preposition
    ("Director of the FBI James Comey said") stays the subject."""
    before = _ROLE_PREP_BEFORE.search(text, max(lo, start - 40), start)
    if before is None or before.group(1).lower() not in TITLE_WORDS:
        return start
    k = next((n for n in range(i, -1, -1) if toks[n][0] == start), None)
    if k is None or k < 2 or toks[k - 1][2].lower() not in ("to", "of", "at", "for") \
            or toks[k - 2][2].lower() not in TITLE_WORDS:
        return start
    words = [t[2] for t in toks[k:i + 1]]
    last2 = words[-2:]
    if len(last2) == 2 and all(_cap(w) and w.isalpha() and not w.isupper() for w in last2) \
            and last2[-1].lower() not in _ORG_LAST:
        return start  # ends in a person's name
    role = subject_before(text, lo, toks[k - 1][0])
    if role is None or role[1] != toks[k - 2][1]:
        return start
    return role[0]


def phrase_after(text: str, lo: int, hi: int, *, max_tokens: int = 8) -> tuple[int, int] | None:
    """Span of the noun phrase that starts at ``lo`` ("said the SPD politician").

    Stops at punctuation, a preposition or a relative pronoun.

    Examples
    --------
    >>> t = ' said the SPD politician on Friday.'
    >>> s, e = phrase_after(t, 5, len(t))
    >>> t[s:e]
    'the SPD politician'
    """
    toks = tokens(text, lo, min(hi, lo + 200))
    start = end = None
    n = 0
    for s, e, w in toks:
        wl = w.lower()
        if not _is_word(w):
            break
        if start is None:
            if wl in _DETS or _cap(w) or wl in PRONOUNS or wl in HONORIFICS:
                start, end = s, e
                n = 1
                if wl in PRONOUNS and wl not in _DETS:
                    break
                continue
            if wl in NOT_SPEAKER and wl not in _QUANTIFIERS:
                return None
            start, end = s, e
            n = 1
            continue
        if wl in NOT_SPEAKER and wl not in _JOINERS:
            break
        if wl in ("who", "which", "whose"):
            break
        if wl in _JOINERS and wl not in ("of", "for", "von", "der", "de", "van", "al", "bin"):
            break
        end = e
        n += 1
        if n >= max_tokens:
            break
    if start is None or text[start:end].lower() in _DETS:
        return None
    # drop a trailing joiner ("the mayor of")
    while True:
        tail = text[start:end].rsplit(" ", 1)
        if len(tail) == 2 and tail[1].lower() in _JOINERS:
            end = start + len(tail[0])
        else:
            break
    return start, end


#: Words that open an adverbial before a clause's subject ("Recently, …", "Once he was
#: president, …", "Despite his low standing in the polls, …").
_OPENERS = frozenset(
    """on in at after during later earlier last but and yet still meanwhile however recently
    once when while although though if as because since despite before until unless under
    about to with without from for by like unlike amid among together instead now today
    yesterday also speaking asked""".split()
)


#: finite forms of the "say" verbs: a speaker phrase never runs over one ("The senator said
#: Monday he …" is not a speaker)
FINITE_SAY = frozenset(w for w in lex.SAY_VERBS if w.endswith("ed")) | frozenset(
    "said says told tells wrote writes adds asks argues insists explains".split())
#: finite verbs the subject phrase of :func:`first_subject` never runs over: "The senator said
#: Monday, …" and "The group told reporters …" have the subject "The senator", "The group"
_FINITE_VERBS = FINITE_SAY | frozenset(w for w in lex.SAY_VERBS if w.endswith("s")) | frozenset(
    "is was are were has had have will would could should can may might must did does".split())


def _verb_with_object(wl: str, toks, n: int) -> bool:
    """A past-tense verb with an object after the noun of "the X": "The ministry issued a
    statement" (not the adjective of "the armed forces" or "the elected president")."""
    return (wl.endswith("ed") and n + 1 < len(toks)
            and toks[n + 1][2].lower() in ("a", "an", "the", "its", "his", "her", "their"))


def first_subject(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase that opens a clause: the subject of a participle cue ("…, saying").

    Skips an opening adverbial that ends in a comma ("On Friday, Putin …").

    Examples
    --------
    >>> t = "On Friday, Vladimir Putin phoned Tokayev, saying"
    >>> s, e = first_subject(t, 0, len(t))
    >>> t[s:e]
    'Vladimir Putin'
    """
    toks = tokens(text, lo, min(hi, lo + 300))
    k = 0
    w0l = toks[0][2].lower() if toks else ""
    if toks and (w0l in _OPENERS or (w0l.endswith("ly") and not _cap(toks[0][2][1:2]))):
        for idx, t in enumerate(toks[:12]):
            if t[2] == ",":
                k = idx + 1
                break
        else:
            if toks[0][2].lower() in ("but", "and", "yet", "still"):
                k = 1
    if k >= len(toks):
        return None
    s0, e0, w0 = toks[k]
    if w0.lower() in PRONOUNS and w0.lower() not in _DETS:
        return s0, e0
    if not (_cap(w0) or w0.lower() in _DETS):
        return None
    end = e0
    for n, (s, e, w) in enumerate(toks[k + 1 : k + 8], k + 1):
        wl = w.lower()
        if _cap(w) or wl in HONORIFICS or (wl in ("of", "von", "der", "de") and _cap(w)):
            end = e
        elif toks[k][2].lower() in _DETS and _is_word(w) and wl not in NOT_SPEAKER \
                and wl not in _FINITE_VERBS and not _verb_with_object(wl, toks, n):
            end = e
        else:
            break
    if text[s0:end].lower() in _DETS:
        return None
    return s0, end
