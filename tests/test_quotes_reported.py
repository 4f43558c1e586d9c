"""Reported-speech shapes of real news that extract_quotes must read right (issue 10).

Each case is a sentence shape seen in wire and newspaper copy; the texts are written for
these tests.
"""

from __future__ import annotations

import pytest

from coverage_kit.extract.quotes import extract_quotes


def _found(text: str) -> list[tuple[str, str | None]]:
    return [(text[q.start : q.end], q.speaker) for q in extract_quotes(text)]


def test_told_after_content_takes_the_clause_not_the_listener():
    text = ("The mill closed in May. The owners had run out of cash, a union spokeswoman "
            "told the Gazette on Monday.")
    got = _found(text)
    assert ("The owners had run out of cash", "a union spokeswoman") in got
    assert not any("Gazette" in content for content, _ in got)


def test_poll_share_is_the_source_and_a_second_share_ends_the_content():
    text = "Voters are split. In the survey, 42% say the economy is improving, 35% say it is not."
    got = _found(text)
    assert ("the economy is improving", "42%") in got


def test_a_quoted_show_title_is_not_the_speakers_quote():
    text = ("Sunday on CBS's \"Face the Nation,\" Senator Maria Lopez said the budget deal "
            "would not survive a vote in the House.")
    got = _found(text)
    assert ("the budget deal would not survive a vote in the House", "Maria Lopez") in got
    assert not any("Face the Nation" in content for content, _ in got)


@pytest.mark.parametrize("text", [
    "Last year she founded a group called Parents for Parks.",
    "The ruling called to mind the court's decision of 1998.",
])
def test_call_as_naming_is_not_speech(text):
    assert _found(text) == []


def test_calling_someone_something_stays_an_attribution():
    text = "At the rally, Governor Hale called the plan a disaster for farmers."
    contents = [content for content, _ in _found(text)]
    assert any("the plan a disaster" in content for content in contents)


def test_noun_after_a_modifier_is_not_a_cue():
    text = "Her social media posts drew thousands of replies, and the bold promises kept coming."
    assert _found(text) == []


def test_short_quote_inside_reported_clause_is_one_attribution():
    text = ("The mayor spoke briefly. He said that he would offer \"full support\" to the "
            "families but did not say when the report would come out.")
    got = _found(text)
    assert len(got) == 1
    content, _ = got[0]
    assert content.startswith("that he would offer \"full support\" to the families")


def test_long_apposition_between_name_and_said():
    text = ("Prices rose again.\n\n\"The trend will not reverse this year,\" Anna K. Berg, chief "
            "economist at the Northern Trade Institute and a former adviser to the central "
            "bank, said of the figures. \"Households will feel it.\"")
    got = _found(text)
    assert ("The trend will not reverse this year", "Anna K. Berg") in got
    assert ("Households will feel it.", "Anna K. Berg") in got


def test_honorific_period_inside_the_speaker_phrase():
    text = "It was a long night.\n\n\"We expected worse,\" Mr. Okafor of the county board said."
    assert ("We expected worse", "Mr. Okafor of the county board") in _found(text)


def test_lone_quote_takes_the_speaker_of_the_sentence_before():
    text = ("\"We are ready,\" the coach said before the match.\n\nThe captain added that the "
            "team had trained for weeks. \"Nobody is tired.\"")
    got = dict(_found(text))
    assert got.get("Nobody is tired.") == "The captain"
