"""Stage 3 of quote extraction, content spans of reported speech (``extract/_content.py``):
where the reported words start and end, rule by rule, on sentences written for these tests."""

from __future__ import annotations

import pytest

from coverage_kit.extract._content import (
    QuoteLookup,
    content_end,
    content_start,
    np_object_end,
)
from coverage_kit.extract._sentences import SentenceIndex
from coverage_kit.extract.quotes import extract_quotes


def _start(text: str, cue: str) -> str | None:
    """The content that content_start gives after ``cue`` (to the sentence's end)."""
    ce = text.index(cue) + len(cue)
    end = len(text.rstrip(". "))
    lo = content_start(text, ce, end, cue=cue)
    return None if lo is None else text[lo:end].strip()


@pytest.mark.parametrize("text, cue, content", [
    ("The minister said on Friday that talks would resume.", "said",
     "that talks would resume"),
    ("The mayor told reporters the bridge would reopen in May.", "told",
     "the bridge would reopen in May"),
    ("He said in a statement the company had acted lawfully.", "said",
     "the company had acted lawfully"),
    ("She said last week the talks had failed.", "said", "the talks had failed"),
    ("The senator urged Congress to act before the recess.", "urged",
     "to act before the recess"),
    ("The premier asked whether the deal would survive.", "asked",
     "whether the deal would survive"),
    # a long place or time phrase before the "that" of a quotation
    ('The mayor was telling diners at a crowded breakfast spot on the edge of town that '
     '"the budget is safe."', "telling", 'that "the budget is safe."'),
    # a relative "that" is not the start of the content
    ("Officials said the law that was passed last year is unfair.", "said",
     "the law that was passed last year is unfair"),
])
def test_content_starts_after_that_time_phrase_or_object(text, cue, content):
    assert _start(text, cue) == content


@pytest.mark.parametrize("text, cue", [
    ("She wrote a book about the war.", "wrote"),
    ("The striker tweeted a photo from the dressing room.", "tweeted"),
])
def test_clause_cues_without_a_clause_have_no_content(text, cue):
    assert _start(text, cue) is None


def _end(text: str, cue: str, first: str, subject: str) -> str:
    """The content from ``first`` (after ``cue``) to where content_end stops it."""
    quotes = QuoteLookup(SentenceIndex(text).quotes)
    cs = text.index(cue)
    lo = text.index(first, cs + len(cue))
    hi = len(text.rstrip(". "))
    s = text.index(subject)
    return text[lo:content_end(text, quotes, lo, hi, cue=cue, s_start=0, cue_start=cs,
                               subject=(s, s + len(subject)))]


@pytest.mark.parametrize("text, cue, first, subject, content", [
    # a new clause with its own verb ends the content
    ("The company said profits rose, but analysts were unimpressed.", "said", "profits",
     "The company", "profits rose"),
    ("Police said two men were arrested; a third escaped.", "said", "two men", "Police",
     "two men were arrested"),
    ("The aide said the senator would vote no -- a blow to the bill.", "said", "the senator",
     "The aide", "the senator would vote no"),
    ("The governor said the state would appeal, and she signed the order on Monday.", "said",
     "the state", "The governor", "the state would appeal"),
    # a closed quotation followed by a participle clause
    ('She said the plan was "a step forward," adding that more work was needed.', "said",
     "the plan", "She", 'the plan was "a step forward,"'),
    # a cue inside a relative clause or an opening subordinate clause
    ("Reid, who endorsed Clinton in February, reiterated his support.", "endorsed", "Clinton",
     "who", "Clinton in February"),
    ("While she criticized the deal, Clinton stopped short of opposing it.", "criticized",
     "the deal", "she", "the deal"),
    # a noun-phrase object ends before a non-restrictive relative clause …
    ("The senator criticized the treaty, which passed in 1994.", "criticized", "the treaty",
     "The senator", "the treaty"),
    ("The union backed Ms. Ortiz, who won the primary in June.", "backed", "Ms. Ortiz",
     "The union", "Ms. Ortiz"),
    # … but not a clause, whose relative clause is part of what was said
    ("He said the treaty, which passed in 1994, was a mistake.", "said", "the treaty", "He",
     "the treaty, which passed in 1994, was a mistake"),
    # a list stays whole
    ("The mayor praised firefighters, nurses and bus drivers.", "praised", "firefighters",
     "The mayor", "firefighters, nurses and bus drivers"),
    # a new predicate of the subject after a closing quotation mark
    ('The governor called the ruling "a disgrace to the state," and threatened to sue.',
     "called", "the ruling", "The governor", 'the ruling "a disgrace to the state,"'),
    ('The senator described the plan as "reckless" and asking too much of farmers.',
     "described", "the plan", "The senator", 'the plan as "reckless"'),
    # … but not a second predicate of the reported clause itself
    ('She said the bill was "badly drafted" and would fail in the Senate.', "said", "the bill",
     "She", 'the bill was "badly drafted" and would fail in the Senate'),
    # the content of "called" that opens with a quotation is the quoted label
    ('It was what the mayor called "the worst flood in memory" that closed the bridge.',
     "called", '"the worst', "the mayor", '"the worst flood in memory"'),
    # "called for" reports a demand: its content runs on
    ('The union called for "a fair wage" for every driver in the city.', "called",
     '"a fair', "The union", '"a fair wage" for every driver in the city'),
])
def test_content_ends(text, cue, first, subject, content):
    assert _end(text, cue, first, subject) == content


def test_np_object_end_leaves_clauses_and_plain_objects_alone():
    t = "the ruling, which he said was flawed"
    assert np_object_end(t, 0, len(t)) == len("the ruling")
    t = "the ruling on Tuesday"
    assert np_object_end(t, 0, len(t)) == len(t)


def test_quote_lookup_finds_offsets_inside_quotations():
    text = 'He called it "a disgrace" and left.'
    q = QuoteLookup(SentenceIndex(text).quotes)
    inside = text.index("disgrace")
    assert q.inside(inside) and not q.inside(text.index("left"))


@pytest.mark.parametrize("text, content", [
    ("The senator criticized the treaty, which passed in 1994, on Monday.", "the treaty"),
    ("Health officials said on Tuesday that the outbreak was under control, but they urged "
     "caution.", "that the outbreak was under control"),
    ("The coach told reporters the team would appeal the ban.", "the team would appeal the ban"),
])
def test_extract_quotes_uses_the_content_spans(text, content):
    assert [q.quote for q in extract_quotes(text) if q.kind == "indirect"] == [content]


@pytest.mark.parametrize("text, content, cue", [
    ("The new stadium is expected to open in the spring.",
     "The new stadium is expected to open in the spring", "is expected"),
    ("The cost of the repairs was widely expected to exceed the budget.",
     "The cost of the repairs was widely expected to exceed the budget", "was widely expected"),
])
def test_passive_expectation_is_an_attribution_without_source(text, content, cue):
    [q] = extract_quotes(text)
    assert (q.quote, q.cue, q.speaker_mention) == (content, cue, None)


@pytest.mark.parametrize("text", [
    "Fans expected a better season.",  # active, no infinitive: handled as before
    "The result was expected.",  # no infinitive after the cue
])
def test_expectation_needs_a_passive_with_an_infinitive(text):
    assert all(q.cue != "was expected" for q in extract_quotes(text))


def test_clause_subject_start_takes_a_prepositional_subject_whole():
    from coverage_kit.extract._content import clause_subject_start

    t = "But the cost of the repairs is expected to rise."
    head = t.index("the repairs")
    assert t[clause_subject_start(t, 0, head):].startswith("the cost of the repairs")
    t = "After the vote, officials are expected to resign."
    head = t.index("officials")
    assert clause_subject_start(t, 0, head) == head


def test_expectations_are_not_speech():
    text = "The new stadium is expected to open in the spring."
    assert extract_quotes(text, reported="speech") == []


def test_reportedly_is_a_report_without_source():
    text = "The league is reportedly weighing a ban on the device for next season."
    [q] = extract_quotes(text)
    assert (q.quote, q.cue, q.speaker_mention) == (
        "The league is reportedly weighing a ban on the device for next season",
        "reportedly", None)
    assert extract_quotes(text, reported="speech") == []


def test_a_second_reporting_verb_starts_an_attribution_of_its_own():
    text = ("The coach announced that he was stepping down and vowed to help the club find "
            "a successor.")
    found = [(q.cue, q.quote) for q in extract_quotes(text)]
    assert found == [("announced", "that he was stepping down"),
                     ("vowed", "to help the club find a successor")]
