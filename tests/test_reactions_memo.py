"""What reactions remember between sentences and articles gives the same answers as reading
afresh.

Speed work (issue 12) made reactions remember a sentence's triggers (keyed by the sentence and
the few characters before it that the stance lexicon's look-behinds can read), resolved speaker
phrases (keyed by the date and the learnt names that matter), and look for learnt names only
around the places where they can stand. These tests hold each shortcut against the full
computation on real PolNeAR articles, and on sentences written here where the text before a
sentence changes its triggers.
"""

from __future__ import annotations

import warnings

import pytest

from coverage_kit.extract import reactions as rx
from coverage_kit.extract.actors import ActorResolver
from coverage_kit.extract.quotes import extract_quotes
from coverage_kit.loader import load_articles


@pytest.fixture(scope="module")
def polnear_texts(polnear_dir) -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = load_articles(polnear_dir, on_error="skip", progress=False).articles
    return [t for t in arts["text"] if isinstance(t, str) and t.strip()][:200]


def _never(pos: int) -> bool:
    return False


def test_the_trigger_memo_is_on_for_the_shipped_lexicon():
    # a look-behind that reads far back, or reads more than letters and spaces, turns the
    # memo off (correct, but slow): raise _CONTEXT or keep look-behinds short
    assert rx._CACHE_TRIGGERS, rx._LOOK_BEHINDS


def test_text_before_a_sentence_that_changes_its_triggers_is_part_of_the_key():
    # "phone calls for" and "life support" are not cues; after a full stop they are
    cases = [("calls for an inquiry came from Berlin.", "Officials spoke on the phone\n",
              "concern"),
             ("support poured in from Berlin.", "He was put on life\n", "support")]
    for sentence, blocking, cue in cases:
        free = "Officials spoke on Friday.\n" + sentence
        blocked = blocking + sentence
        got = {}
        for text in (free, blocked, free, blocked):  # the second time from the memo
            s = text.index(sentence)
            got[text] = rx._triggers(text, s, len(text), _never)
            assert got[text] == rx._scan_triggers(text, s, len(text))
        assert cue in {c for _, _, c in got[free]}
        assert cue not in {c for _, _, c in got[blocked]}


def test_remembered_triggers_and_clauses_match_a_fresh_reading(polnear_texts):
    rx._sentence_triggers.cache_clear()
    checked = 0
    for text in polnear_texts:
        doc = rx.read_article(text)
        for s, e in doc.sents:
            assert rx._triggers(text, s, e, doc.inside) == [
                t for t in rx._scan_triggers(text, s, e) if not doc.inside(t[0])]
            fresh = rx._sentence_clauses.__wrapped__(text[s:e])
            assert rx._clauses(text, s, e) == [(s + a, s + b) for a, b in fresh]
            checked += 1
    assert checked > 2500


def test_learnt_names_found_around_their_first_words_are_those_of_a_full_reading(
        polnear_texts):
    r = ActorResolver.default()
    added = 0
    for text in polnear_texts:
        ms = r.find_mentions(text)
        names = r.learn_names(text, mentions=ms)
        if not names:
            continue
        near = r.add_names(text, ms, names)
        assert near == r.add_names(text, ms, names, read=True)
        added += len(near) - len(ms)
    assert added > 0


def test_remembered_speaker_resolutions_match_a_fresh_resolution(polnear_texts):
    r = ActorResolver.default()
    r.__dict__.pop("_resolved", None)
    seen = 0
    for text in polnear_texts[:80]:
        names = r.learn_names(text)
        for q in extract_quotes(text):
            for cand in (q.speaker, q.speaker_mention):
                if not cand:
                    continue
                for _ in range(2):  # the second time from the memo
                    assert r.resolve(cand, published="2016-10-01", names=names) == \
                        r.resolve_mentions(r.find_mentions(cand, published="2016-10-01",
                                                           names=names),
                                           fallback=cand.strip())
                seen += 1
    assert seen > 200
