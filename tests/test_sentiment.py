"""The quotes' and reactions' polarity and subjectivity are TextBlob's, to the last bit.

``coverage_kit.extract._sentiment`` computes ``TextBlob(text).sentiment`` faster over
TextBlob's installed lexicon; users know TextBlob's numbers, so they must not move.
"""

from __future__ import annotations

import warnings

import pytest
from textblob import TextBlob

from coverage_kit.extract import _sentiment
from coverage_kit.extract.quotes import extract_quotes
from coverage_kit.loader import load_articles

from _shared import POLNEAR, SAMPLE, need_shared


def _textblob(text: str) -> tuple[float, float]:
    s = TextBlob(text).sentiment
    return float(s.polarity), float(s.subjectivity)


def test_the_installed_textblob_passes_the_probes():
    # otherwise every call silently falls back to TextBlob, and the speed-up is gone
    assert _sentiment._lexicon() is not None


@pytest.mark.parametrize("text", [
    "The government's response was not good at all.",
    "We are very deeply concerned about the really terrible violence!!",
    "It is not a good decision, and never a wise one.",
    "They don't support it; it isn't bad. Really not bad at all.",
    "\u201cWe condemn this,\u201d she said. \u201cIt\u2019s unacceptable.\u201d",
    "Mr. Smith of the U.S. delegation said e.g. the talks... were fine.",
    "The minister said:\n\nThis is an excellent outcome.",   # a paragraph break
    "Great news :) for everyone (!) and a sad day :( for others",   # emoticons, sarcasm
    "Casualties rose to 8) according to officials",
    "Talks will continue on Friday.",
    "",
    "!!! ... ?",
    "END-OF-SENTENCE is written here. Good.",
])
def test_same_numbers_as_textblob(text):
    assert _sentiment.sentiment(text) == _textblob(text)


def test_same_numbers_on_every_real_quote():
    """Every quote of PolNeAR train and dev and of the sample corpus, and each of their
    paragraphs, scores exactly as TextBlob scores it."""
    texts = []
    for split in ("train", "dev"):
        folder = need_shared(POLNEAR / split / "text")
        for p in sorted(folder.glob("*.txt")):
            with open(p, encoding="utf-8", newline="") as fh:
                texts.append(fh.read())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = load_articles(SAMPLE).articles
    texts.extend(t for t in arts["text"] if isinstance(t, str))
    items = []
    for t in texts:
        items.extend(q.quote for q in extract_quotes(t, reported="all"))
        items.extend(p for p in t.split("\n") if p.strip())
    assert len(items) > 20_000
    differ = [t for t in items if _sentiment.sentiment(t) != _textblob(t)]
    assert differ == []
