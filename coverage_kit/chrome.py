"""Page chrome that exports keep: lines to remove before anything reads an article's text.

Scrapers and databases (news-please, Media Cloud, trafilatura on some pages, PolNeAR's own
texts) keep lines that belong to the page, not the article: newsletter sign-ups ("Sign up for
the ... newsletter", "Enter your email address:", "You can unsubscribe at any time"), cookie
and privacy notices, follow and share prompts ("Follow Jane Doe on Twitter @jdoe", "Share this
article"), app and podcast plugs ("Subscribe here"), and labels of boxes ("Related:", "Read
more"). Quote extraction takes them for sentences, and word counts include them.

:func:`strip_chrome` removes a line only when *every* sentence of it is such a prompt: a
call to action (subscribe, sign up, follow on a social network, share, download the app,
accept cookies, read more) addressed to the reader (imperative, "you/your", "we'll send",
an e-mail address or @handle), or a bare box label. Lines with quotation marks are never
removed (someone is being quoted), nor long lines, nor sentences that merely mention e-mail,
Twitter or a newsletter ("Clinton's emails", "he wrote on Twitter", "did not respond to a
request for comment"). The loader records how many lines went in the ``chrome_lines``
column.
"""

from __future__ import annotations

import functools
import re

__all__ = ["strip_chrome", "is_chrome"]

#: Longest line (in words) that can be chrome; longer ones are article paragraphs.
MAX_WORDS = 45
#: Longest sentence (in words) that can be a prompt.
MAX_SENTENCE_WORDS = 30

_SOCIAL = (r"(?:twitter|x|facebook|instagram|linkedin|tiktok|youtube|threads|bluesky|mastodon"
           r"|telegram|whatsapp)")

# Calls to action, matched case-insensitively. Each needs an addressee (see _READER) unless it
# is explicit enough on its own (those in _CTA_STRONG).
_CTA = re.compile(
    r"\b(?:"
    r"sign(?:ing)?[\s-]?up\b|subscrib(?:e|ing)\b|unsubscrib|newsletters?\b|inbox\b"
    r"|e-?mail\s*(?:us|me|address|updates|alerts|:)|your\s+e-?mail|[\w.+-]+@[\w-]+\.[a-z]{2,}"
    r"|\b(?:reach|contact|write\s+to|e-?mail)\s+(?:him|her|me|us|them)\b"
    r"|(?:more|latest|get|receive|send\s+you)\b.{0,20}\b(?:updates|alerts|notifications)\b"
    r"|send\s+you\b.{0,40}\be-?mails?\b|your\s+(?:personal\s+)?(?:data|details|information)\b"
    r".{0,40}\b(?:shared|passed|sold)\b|(?:third|other)\s+part(?:y|ies)"
    rf"|follow\b.{{0,60}}\b(?:on\s+)?{_SOCIAL}\b|{_SOCIAL}\s*:\s*@\w+|follow\s+(?:us|@\w+)"
    r"|share\s+(?:this|it|on|via|with\s+(?:your|friends))\b|download\b.{0,30}\bapp\b"
    r"|\bapp\b.{0,20}\b(?:ios|android)\b|podcast"
    r"|cookies?\b|privacy\s+(?:policy|notice|settings)"
    r"|terms\s+(?:of\s+(?:use|service)|and\s+conditions)"
    r"|read\s+more\b|click\s+here|log\s?in\s+to\b|register\s+(?:now|here|for\s+free)"
    # de
    r"|abonnier|anmelden|abmelden|e-mail-adresse|teilen\b|folgen\s+sie|datenschutz"
    r"|weiterlesen|lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema"
    # fr
    r"|abonnez|inscrivez|d[ée]sinscri|partag|suivez|lire\s+(?:aussi|la\s+suite|plus)"
    r"|adresse\s+e-?mail|courriel"
    # es / pt
    r"|suscr[ií]b|bolet[ií]n|compart[ei]|s[ií]guenos|seguir\s+a\s+.{1,40}\s+en\s+" + _SOCIAL +
    r"|leer\s+m[áa]s|escr[ií]b[ae]nos|correo\s+electr[óo]nico|inscreva|assine"
    # it
    r"|iscriviti|condividi|seguici|leggi\s+anche"
    r")",
    re.I,
)
# Calls to action explicit enough without an addressee: a cookie notice, "Twitter: @handle".
_CTA_STRONG = re.compile(
    rf"^{_SOCIAL}\s*:\s*@\w+|this\s+(?:site|website)\s+uses\s+cookies"
    r"|diese\s+(?:seite|website)\s+(?:verwendet|nutzt)\s+cookies"
    r"|ce\s+site\s+utilise\s+des\s+cookies",
    re.I,
)
# Signs that a sentence speaks to the reader.
_READER = re.compile(
    r"\b(?:you|your|yours|we'll|we\s+will|us\s+at|sie\s+(?:hier|uns)|vous|votre"
    r"|usted|tu)\b|[\w.+-]+@[\w-]+\.[\w.]+|(?<!\w)@\w{2,}|https?://",
    re.I,
)
_IMPERATIVE = re.compile(
    r"^(?:\(?\s*)(?:sign|subscribe|follow|share|enter|download|click|tap|read|get|join"
    r"|register|accept|listen|watch|contact|never\s+miss|don't\s+miss|want|simply"
    r"|for\s+more|abonnieren|folgen|teilen|melden"
    r"|abonnez|suivez|partagez|inscrivez|suscr[ií]bete|s[ií]guenos|comparte|iscriviti|seguici"
    r"|condividi|feedback)\b",
    re.I,
)
# A reporting clause: someone said it, so it is the article's sentence, not the page's prompt.
_REPORTED = re.compile(
    r"\b(?:said|says|told|according\s+to|announced|reported|sagte|teilte\s+mit|erkl[äa]rte"
    r"|a\s+d[ée]clar[ée]|selon|dijo|seg[úu]n|afirm[óo]|ha\s+detto|secondo)\b", re.I)
#: Whole-line labels of page boxes (compared lower-cased, without final punctuation).
LABELS = frozenset({
    "related", "related articles", "related stories", "related content", "related coverage",
    "read more", "read more here", "more on this topic", "more on this story", "you may like",
    "you may also like", "recommended", "recommended for you", "share", "share this",
    "share this article", "share this story", "share on facebook", "share on twitter",
    "follow us", "advertisement", "sponsored", "newsletter", "sign up", "subscribe",
    "enlarge image", "trends 24h", "latest", "comments", "show comments", "skip advert",
    "lesen sie auch", "mehr zum thema", "teilen", "anzeige", "werbung", "lire aussi",
    "à lire aussi", "publicité", "partager", "leer más", "te puede interesar", "publicidad",
    "compartir", "leggi anche", "pubblicità", "condividi", "czytaj też", "czytaj także",
    "reklama", "udostępnij",
})
_QUOTE_MARK = re.compile(r"[\"“”„«»]|''")
_QUOTED = re.compile(r"[\"“„«]([^\"“”„«»]{0,300})[\"”“»]")


def _quotes_speech(line: str) -> bool:
    """True when the line quotes someone: a quoted passage of three words or more, or a
    quotation mark left open. A quoted button label ('click "Subscribe"') is not speech."""
    if not _QUOTE_MARK.search(line):
        return False
    spans = _QUOTED.findall(line)
    if not spans or len(_QUOTE_MARK.findall(line)) != 2 * len(spans):
        return True
    return any(len(span.split()) >= 3 for span in spans)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-ZÀ-Ý@(])")
# A sentence that is nothing but handles, links and addresses ("@jdoe.", "news@site.com").
_ADDRESSES = re.compile(r"^(?:(?:@\w+|https?://\S+|[\w.+-]+@[\w-]+\.[\w.]+|and|or|,)\s*)+[.;]?$",
                        re.I)


def _label(line: str) -> bool:
    key = line.strip().strip("\"“”'").strip().rstrip(".:!…»›>").strip().lower()
    return key in LABELS


def _chrome_sentence(sentence: str) -> bool:
    s = sentence.strip()
    if not s:
        return True
    if _label(s):
        return True
    if len(s.split()) > MAX_SENTENCE_WORDS:  # a prompt is short; this is prose (or an embed)
        return False
    if _REPORTED.search(s):  # "Sign-up for flu shots opens Monday, officials said."
        return False
    if not _CTA.search(s):
        return False
    return bool(_CTA_STRONG.search(s) or _IMPERATIVE.match(s) or _READER.search(s))


def is_chrome(line: str) -> bool:
    """True when ``line`` is page chrome: a box label, or a line whose every sentence is a
    call to action addressed to the reader.

    Examples
    --------
    >>> is_chrome("Sign up for the Morning Briefing newsletter")
    True
    >>> is_chrome("Follow Jane Doe on Twitter @janedoe.")
    True
    >>> is_chrome("By signing up you agree to receive occasional updates from us.")
    True
    >>> is_chrome("The campaign did not respond to a request for comment by email.")
    False
    >>> is_chrome("The minister shared the letter on Twitter on Friday.")
    False
    """
    s = line.strip()
    if not s:
        return False
    return _is_chrome(s) if len(s) <= 2000 else _is_chrome.__wrapped__(s)


# boilerplate lines recur in every article of a site: each is judged once
@functools.lru_cache(maxsize=32768)
def _is_chrome(s: str) -> bool:
    if _label(s):
        return True
    if len(s.split()) > MAX_WORDS or _quotes_speech(s):
        return False
    parts = [p for p in _SENTENCE.split(s) if p.strip()]
    # handles, links and addresses ("@jdoe.", "news@site.com") go with a prompt beside them;
    # alone they credit a quoted post and stay
    prompts = [p for p in parts if not _ADDRESSES.match(p.strip())]
    return bool(prompts) and all(_chrome_sentence(p) for p in prompts)


def strip_chrome(text: str) -> tuple[str, list[str]]:
    """``text`` without its chrome lines, and the lines removed (in order).

    Blank lines left around a removed line collapse, so paragraphs stay separated by one
    blank line.

    >>> strip_chrome("Troops left the square.\\n\\nShare this article\\n\\nTalks resume today.")
    ('Troops left the square.\\n\\nTalks resume today.', ['Share this article'])
    """
    if not text:
        return text, []
    lines = text.split("\n")
    removed: list[str] = []
    kept: list[str] = []
    for line in lines:
        if is_chrome(line):
            removed.append(line.strip())
            continue
        kept.append(line)
    if not removed:
        return text, []
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return out, removed
