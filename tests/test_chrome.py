"""Page chrome: sign-ups, cookie notices, follow/share prompts and box labels go; article
sentences that merely mention e-mail, Twitter, newsletters or sharing stay."""

from __future__ import annotations

import re
import warnings

import pytest

from _shared import SHARED, need_shared
from coverage_kit.chrome import is_chrome, strip_chrome
from coverage_kit.loader import RejectWarning, load_articles


@pytest.mark.parametrize("line", [
    "Sign up for the Evening Digest newsletter",
    "Never miss a story by signing up to our newsletter today!",
    "Enter your email address:",
    "By signing up you agree to receive occasional updates from us.",
    "You can unsubscribe at any time. Your data will never be passed to third parties.",
    "Follow Maria Lopez on Twitter @mlopez.",
    "Follow @DeskWorld.",
    "Twitter: @jdoe.",
    "Share this article",
    "Related:",
    '"Related:"',
    "Read more",
    "This site uses cookies. By continuing to browse you accept our use of cookies.",
    "For more, download our app for iOS or Android.",
    "Subscribe to our politics podcast here.",
    "Want to receive this in your inbox? Sign up by entering your email and clicking the "
    '"subscribe" button:',
    "Abonnez-vous à notre newsletter.",
    "Suscríbete a nuestro boletín.",
    "Lesen Sie auch",
])
def test_chrome_lines(line):
    assert is_chrome(line)


@pytest.mark.parametrize("line", [
    "The campaign did not respond to a request for comment.",
    "The minister shared the letter on Twitter on Friday.",
    "Investigators found 650 emails on the laptop.",
    "He urged voters to sign up for updates from the campaign, aides said.",
    "Share prices fell 3 percent in early trading.",
    "You must register by Oct. 11 to vote in the state.",
    '"Follow me on Twitter," the candidate told the crowd, "and you will see."',
    "The newsletter reported on Monday that the talks had stalled.",
    "They were also serving cookies.",
    "@jdoe.",  # the credit of a quoted post: kept with the post
    "Die Regierung will ihre Daten nicht teilen, sagte ein Sprecher.",
    "El Gobierno puede compartir los datos con Bruselas, dijo el ministro.",
    "Sign up for flu shots opens Monday, the health department said.",
    "Subscribers will receive updates by text message, according to the utility.",
])
def test_article_sentences_stay(line):
    assert not is_chrome(line)


def test_strip_chrome_counts_and_keeps_paragraphs():
    text = ("Troops left the square on Friday.\n\nFollow Maria Lopez on Twitter @mlopez.\n\n"
            "Talks resume today.\n\nShare this article")
    out, removed = strip_chrome(text)
    assert out == "Troops left the square on Friday.\n\nTalks resume today."
    assert removed == ["Follow Maria Lopez on Twitter @mlopez.", "Share this article"]


def test_loader_counts_chrome_lines(tmp_path):
    (tmp_path / "a.txt").write_text(
        "---\ndate: 2025-03-06\n---\nBorder reopens\n\nThe border reopened on Monday.\n\n"
        "Sign up for our newsletter\n\n"
        "Trucks queued for hours.\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RejectWarning)
        a = load_articles(tmp_path).articles.iloc[0]
    assert a["chrome_lines"] == 1 and "newsletter" not in a["text"]


# --------------------------------------------------------------------------- real corpora
# Every line removed from the real pages was read; these pin what is removed where, and check
# its shape, so a rule that starts eating article sentences fails here.

_PROMPT = re.compile(r"(?i)\b(sign|subscri|newsletter|follow|e-?mail|twitter|share|download|"
                     r"podcast|related|updates|contact|suscrib|unsubscrib|@)")


def _removed(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RejectWarning)
        articles = load_articles(folder, syndication=None, detect_language=False).articles
    out = {}
    for path, n in zip(articles["source_path"], articles["chrome_lines"]):
        if n:
            out[path.rsplit("/", 1)[-1]] = int(n)
    return articles, out


def test_real_html_pages_chrome(html_dir):
    articles, removed = _removed(html_dir)
    # a Cork live page's newsletter box (6 lines) and El País's follow/subscribe footer
    assert removed == {"corkbeo_2020-10-06_level-3-live-cork.html": 6,
                       "elpais_2020-02-19_antartida-20-grados.html": 1}


def test_real_polnear_chrome_is_prompts_only(polnear_dir):
    articles, removed = _removed(polnear_dir)
    assert 40 <= sum(removed.values()) <= 60
    # the removed lines are short prompts; the texts still mention e-mail and Twitter
    # hundreds of times in article sentences, none of which were removed
    text = "\n".join(articles["text"])
    assert len(re.findall(r"(?i)\bemails?\b", text)) > 300
    assert len(re.findall(r"(?i)\bon twitter\b", text)) > 40


def test_real_polnear_removed_lines_have_the_shape_of_chrome(polnear_dir):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RejectWarning)
        articles = load_articles(polnear_dir, syndication=None, detect_language=False,
                                 ).articles
    from pathlib import Path

    from coverage_kit.readers import decode

    n = 0
    for path in articles.loc[articles["chrome_lines"] > 0, "source_path"]:
        raw = decode(Path(path).read_bytes())
        for line in raw.splitlines():
            if is_chrome(line):
                n += 1
                assert len(line.split()) <= 25 and _PROMPT.search(line), line
    assert n >= 40


def test_giveme5w1h_texts_lose_nothing():
    # one line per article: a whole article is never taken for chrome
    folder = need_shared(SHARED / "data" / "giveme5w1h_gold")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RejectWarning)
        articles = load_articles(folder, syndication=None, detect_language=False).articles
    assert (articles["chrome_lines"] == 0).all() and (articles["n_words"] > 50).all()
