"""The direct-quote stage alone (coverage_kit.extract._direct): quotation marks ->
attribution before or after -> speaker mention. Sentences are invented for these tests."""

from __future__ import annotations

import pytest

from coverage_kit.extract._direct import find_direct


def _rows(text):
    """(quote, speaker mention, cue) per direct quote the stage finds."""
    out = []
    for f in find_direct(text):
        sp = text[f.sp[0] : f.sp[1]] if f.sp else None
        cue = text[f.cue[0] : f.cue[1]] if f.cue else None
        out.append((text[f.start : f.end], sp, cue))
    return out


@pytest.mark.parametrize("text, expected", [
    # attribution after the quote, subject before the verb and inverted
    ('"We will rebuild the bridge by spring," the mayor said on Tuesday.',
     [("We will rebuild the bridge by spring", "the mayor", "said")]),
    ('"Nobody expected this turnout," said Maria Lopez, a county clerk.',
     [("Nobody expected this turnout", "Maria Lopez", "said")]),
    # attribution before the quote, after a colon
    ('The senator wrote on Twitter: "The vote is a disgrace."',
     [("The vote is a disgrace.", "The senator", "wrote")]),
    # one attribution between two parts of a quote
    ('"It is early," she said, "but the numbers look good."',
     [("It is early", "she", "said"), ("but the numbers look good.", "she", "said")]),
    # a quotation signed with a dash
    ('"Best town hall I have been to in years." \u2014 Karen Whitfield',
     [("Best town hall I have been to in years.", "Karen Whitfield", "\u2014")]),
])
def test_attribution_before_and_after(text, expected):
    assert _rows(text) == expected


def test_quote_after_a_said_sentence_takes_its_speaker():
    text = ('Councilman Ortiz said the budget would not pass. "We simply do not have the '
            'votes for it."')
    assert _rows(text) == [("We simply do not have the votes for it.", "Councilman Ortiz",
                            "said")]


def test_quote_after_a_sentence_that_ends_in_its_attribution_takes_that_speaker():
    text = ('Turnout "fell sharply" in the rural counties, said Professor Dana Whitlock. '
            '"That was the story of the night."')
    assert _rows(text) == [("That was the story of the night.", "Professor Dana Whitlock",
                            "said")]


def test_paragraph_ending_in_said_colon_introduces_the_next_paragraph():
    text = ("At the rally the governor said:\n\n"
            '"This state has never backed down from a fight, and we will not start now."')
    rows = _rows(text)
    assert rows[0][1:] == ("the governor", "said")


def test_consecutive_quote_in_the_same_paragraph_carries_the_speaker():
    text = ('"We are not going anywhere," Mr. Hale said. "This is our home and it will stay '
            'our home."')
    found = find_direct(text)
    assert len(found) == 2
    assert found[1].carried and found[1].attribution == found[0].attribution


@pytest.mark.parametrize("text", [
    # names and titles in quotation marks are not quotes
    'She starred in a play called "Sons of the Prairie" last winter.',
    # a shirt "read" something: not speech before a quotation
    'He wore a shirt that read "Make Lunch Great Again" to the debate.',
    # quoted words inside a clause: a scare quote after a speech verb
    "The judge noted that you cannot yell \u201cfire\u201d in a crowded theater.",
    'Voters will say "no" to the tax in November, the poll suggests.',
    # numbers and markup between quotation marks
    'The form asked for a value such as "42" before the deadline.',
])
def test_quoted_words_that_are_not_quotes(text):
    assert _rows(text) == []


def test_interview_transcript_gives_one_quote_per_turn():
    text = ("Chris Wallace interviewed the governor on Sunday.\n\n"
            '"WALLACE: Will she be at the debate tomorrow night?\n\n'
            '"PENCE: She will not. That tweet was a joke, and everyone knew it.\n\n'
            '"WALLACE: Do you see the two as equivalent, Governor?"')
    rows = _rows(text)
    assert [(sp, cue) for _, sp, cue in rows] == [("WALLACE", ":"), ("PENCE", ":"),
                                                  ("WALLACE", ":")]
    assert rows[0][0] == "Will she be at the debate tomorrow night?"
    assert rows[1][0].startswith("She will not.") and "WALLACE" not in rows[1][0]


def test_transcript_turn_runs_past_a_quotation_inside_it():
    text = ('"HOST: Let us talk about the ad.\n\n'
            '"SMITH: Well, they called it \u201cShark Tank\u201d and moved on. '
            'It is serious business."')
    rows = _rows(text)
    assert rows[1][1] == "SMITH"
    assert rows[1][0].endswith("It is serious business.")


def test_stage_directions_are_not_a_speaker_turn():
    text = ('"ANCHOR: Governor, I want to ask you one more thing.\n\n'
            '"(CROSSTALK.)\n\n'
            '"GOVERNOR: And that is why we will win in November."')
    rows = _rows(text)
    assert [sp for _, sp, _ in rows] == ["ANCHOR", "GOVERNOR"]
    assert all("CROSSTALK" not in q for q, _, _ in rows)


def test_a_lead_ending_in_a_colon_is_not_part_of_the_quote():
    text = ('Senator Reyes scolded him: "The science is not on your side," she said. '
            '"Stop selling miracles."')
    rows = _rows(text)
    assert rows[0][0] == "The science is not on your side"
    assert all(not q.startswith("Senator") for q, _, _ in rows)


def test_long_unattributed_quotation_is_kept_for_the_orphan_stage():
    from coverage_kit.extract._direct import DirectStage
    from coverage_kit.extract.quotes import _Extractor

    text = ('The letter that arrived on Monday contained only "we regret to inform you that '
            'the program will close at the end of the year because the funding has run out" '
            'and a signature.')
    ex = _Extractor(text, None)
    DirectStage(ex).run()
    assert ex.found == []
    assert len(ex._orphans) == 1


@pytest.mark.parametrize("text, inner", [
    # an inch mark opens no quotation
    ('The coach is 6\'3" tall and weighs 236 pounds, the team said.', []),
    # a stray closing mark left from an edited quotation opens nothing; the next pair counts
    ('The doctor gave a review of [his] systems" including his heart. The only "medical '
     'records" he released was a letter.', ["medical records"]),
    # an ordinary pair still counts
    ('She called the plan "a disgrace" on Monday.', ["a disgrace"]),
])
def test_a_mark_that_can_only_close_opens_no_quotation(text, inner):
    from coverage_kit.extract._sentences import quote_stretches

    assert [q.inner(text) for q in quote_stretches(text)] == inner


@pytest.mark.parametrize("text, content", [
    ('The senator said the agency was seeking \u201ceconomic advantage\u201d in the deal.',
     'the agency was seeking \u201ceconomic advantage\u201d in the deal'),
    ('Ms. Ortiz said the new rule was meant to highlight "the failures of the council."',
     'the new rule was meant to highlight "the failures of the council."'),
])
def test_quote_ending_a_reported_clause_is_one_mixed_attribution(text, content):
    # the quotation is the object of a verb inside what the senator said: no direct quote
    # with "seeking" as its cue and "The senator said" as its speaker, but one attribution
    # over the whole clause, by the subject of "said"
    from coverage_kit.extract.quotes import extract_quotes

    assert _rows(text) == []
    qs = extract_quotes(text)
    assert len(qs) == 1
    q = qs[0]
    assert q.kind == "mixed"
    assert text[q.start : q.end].rstrip(".") == content.rstrip(".")
    assert text[q.cue_start : q.cue_end] == "said"
    assert q.speaker_mention in ("The senator", "Ms. Ortiz")


@pytest.mark.parametrize("text, quote", [
    # a speech verb of its own opens the quote's clause after the comma
    ('He thanked the crowd and said it was good to be back, and a man yelled "Stay there!"',
     "Stay there!"),
    # the reporting verb runs on ("writes back"): the quote is its object
    ('The aide writes back "See you at noon."', "See you at noon."),
])
def test_quote_with_a_reporting_verb_of_its_own_stays_direct(text, quote):
    rows = _rows(text)
    assert len(rows) == 1 and rows[0][0] == quote


def test_lead_before_an_aside_attribution_is_part_of_the_quote():
    # 'LEAD, X said, "lower-case quotation"': one attribution in two parts, the lead and the
    # quotation that finishes its sentence
    text = ("The county's heavy spending on its parks, Ms. Tanner said, \"is a clear example "
            "of planning ahead\" for a warmer climate.")
    found = find_direct(text)
    assert len(found) == 2 and found[0].attribution == found[1].attribution
    assert text[found[0].start : found[0].end] == "The county's heavy spending on its parks"
    assert text[found[1].start : found[1].end].endswith("for a warmer climate")
    assert all(text[f.sp[0] : f.sp[1]] == "Ms. Tanner" for f in found)


@pytest.mark.parametrize("text", [
    # a circumstance before the speaker, a quotation that opens its own sentence
    'In a statement on Tuesday, Smith said, "We are ready for the vote."',
    # a lead with a comma of its own: the aside belongs to the last part only
    'The talks ended without a deal, as expected, and also, Sanders said, "to make clear '
    'that nothing was agreed."',
])
def test_aside_attribution_without_a_lead_part(text):
    found = find_direct(text)
    assert len(found) == 1 and found[0].kind == "direct"
    assert text[found[0].marks[0]] == '"'


@pytest.mark.parametrize("text, tail", [
    ('"It was simply our bad luck," the imam said, that both men had prayed at the mosque.',
     "that both men had prayed at the mosque"),
    ('"It is a wiser use of the money," he added, to build the clinic before the school.',
     "to build the clinic before the school"),
])
def test_rest_of_the_sentence_after_an_aside_attribution(text, tail):
    found = find_direct(text)
    assert len(found) == 2 and found[0].attribution == found[1].attribution
    assert found[0].kind == "direct" and found[1].kind == "mixed"
    assert text[found[1].start : found[1].end] == tail


@pytest.mark.parametrize("text", [
    # the quotation ends its sentence: what follows the aside is another sentence's matter
    '"We will not make the first move." Acme, she predicted, would come to them.',
    # an adjunct after the attribution is not reported content
    '"It was simply our bad luck," the imam said, wiping his glasses with a cloth.',
])
def test_no_tail_after_a_closed_quotation_or_an_adjunct(text):
    assert all(f.kind == "direct" for f in find_direct(text))


def test_headline_that_goes_on_after_its_quotation_is_one_claim():
    text = ("Mayor Lopez: \u2018Not A Bad Idea\u2019 To Close The Bridge For Repairs\n\n"
            "The mayor spoke to reporters on Monday.")
    found = find_direct(text)
    assert len(found) == 1 and found[0].kind == "mixed"
    assert text[found[0].start : found[0].end] == (
        "\u2018Not A Bad Idea\u2019 To Close The Bridge For Repairs")
    assert text[found[0].sp[0] : found[0].sp[1]] == "Mayor Lopez"


def test_headline_quotation_that_ends_the_line_stays_direct():
    text = "Mayor Lopez: \u2018We Will Close The Bridge\u2019\n\nThe mayor spoke on Monday."
    found = find_direct(text)
    assert len(found) == 1 and found[0].kind == "direct"


@pytest.mark.parametrize("text, expected", [
    # "back" after a verb is the verb's particle: the speaker is the subject of the verb
    ('The county clerk writes back: "We counted every ballot twice before the deadline."',
     [("We counted every ballot twice before the deadline.", "The county clerk",
       "writes back")]),
    ('"That is simply not true," the governor shot back.',
     [("That is simply not true", "the governor", "shot back")]),
    ('Clinton fired back on Twitter: "He is unfit to lead this country."',
     [("He is unfit to lead this country.", "Clinton", "fired back")]),
])
def test_back_after_a_verb_is_a_particle_not_the_cue(text, expected):
    assert _rows(text) == expected


def test_back_as_a_verb_is_not_taken_for_a_particle():
    # "will not back" is the verb itself: no quote comes from it, the quote is the mayor's
    text = '"We will not back down from this fight," the mayor said.'
    assert _rows(text) == [("We will not back down from this fight", "the mayor", "said")]


@pytest.mark.parametrize("text", [
    # the next sentence reports a clause of its own: not the quotation's attribution
    '"The talks are over." Deputy Minister Ruiz said the union had walked out at noon.',
    # the quotation ends a sentence that a lead opened: the next sentence is a new one
    'Supporters chanted "Four more years." The senator said nothing about it.',
    'The banner read "Vote them out." Organizers said they had printed two hundred of them.',
])
def test_attribution_after_a_quote_does_not_cross_a_sentence_end(text):
    for quote, speaker, cue in _rows(text):
        assert speaker not in ("Deputy Minister Ruiz", "The senator", "Organizers")
        assert cue != "said"


def test_attribution_after_a_quote_still_takes_the_next_sentence_when_it_is_only_that():
    # the splitter ends the sentence inside the quotation; "Smith asked reporters on
    # Monday." is only the attribution
    text = '"Is the deal dead?" Smith asked reporters on Monday. Nobody answered.'
    assert _rows(text) == [("Is the deal dead?", "Smith", "asked")]


@pytest.mark.parametrize("text, speaker, cue", [
    ('The senator said Monday he would vote against the bill, adding: "This is a disaster '
     'for working families."', "The senator", "adding"),
    ('The senator said little and then added: "This bill will hurt working families."',
     "The senator", "added"),
    ('The mayor said so and added, "Nobody is above the law in this city."',
     "The mayor", "added"),
])
def test_speaker_search_does_not_run_over_said(text, speaker, cue):
    rows = _rows(text)
    assert [(sp, c) for _, sp, c in rows] == [(speaker, cue)]


def test_quote_does_not_carry_the_speaker_across_an_attribution_not_read():
    # "bristled" is not a cue: the second quote's attribution is not read, and the third
    # quote is not the first speaker's
    text = ('"The city is broke," the mayor claimed.\n'
            '"The city is doing fine," the treasurer bristled. "Our books are '
            'balanced and audited every year."')
    rows = _rows(text)
    assert rows[0] == ("The city is broke", "the mayor", "claimed")
    last = [r for r in find_direct(text) if text[r.start:r.end].startswith("Our books")]
    assert last and last[0].extra.get("carried_from") is None


def test_quote_followed_by_a_name_and_a_verb_is_not_carried():
    text = ('"Can it happen at 45?" the host asked with a smile.\n'
            '"You know, it happens, right?" Trump went on, as if he had not heard her.')
    found = find_direct(text)
    second = [f for f in found if text[f.start:f.end].startswith("You know")]
    assert second and second[0].extra.get("carried_from") is None


def test_attribution_after_a_question_with_a_prepositional_tail():
    text = ('"Who do they think they are?" Trump said of the company in February, when it '
            'refused to unlock a phone used by one of the two attackers before the shooting.')
    assert _rows(text) == [("Who do they think they are?", "Trump", "said")]


@pytest.mark.parametrize("heading", [
    "\u2018A change warrior.\u2019",
    "\u2013 \u2018Who cares?\u2019 \u2013.",
    "\u201cDIVISIVE, STUPID AND WRONG\u201d",
])
def test_a_quoted_section_heading_is_not_a_quote(heading):
    text = ("Candidate tours the state.\n\n"
            "The tour ended in Raleigh on Friday night.\n\n"
            f"{heading}\n\n"
            "Her campaign workers said they had knocked on 40,000 doors.")
    assert _rows(text) == []


def test_a_short_quote_alone_on_its_line_in_double_marks_stays_a_quote():
    text = ('"Who is going to pay for the wall?" Trump asked the crowd.\n\n'
            '"Mexico is going to pay."\n\n'
            "The crowd cheered.")
    assert [r[0] for r in _rows(text)] == ["Who is going to pay for the wall?",
                                          "Mexico is going to pay."]


@pytest.mark.parametrize("text, quote, speaker, cue", [
    ('It was, in what one strategist has dubbed "the taco primary," a close race.',
     "the taco primary", "one strategist", "dubbed"),
    ('Nixon ran on the slogan "Experience Counts" in 1960.', "Experience Counts", "Nixon",
     "slogan"),
])
def test_a_name_given_in_quotation_marks_is_a_quote(text, quote, speaker, cue):
    assert _rows(text) == [(quote, speaker, cue)]


def test_the_title_of_a_programme_is_not_a_quote():
    text = ('State television has aired a series of programmes titled "The Quiet Enemy", '
            "accusing foreign embassies of organising the strikes.")
    assert _rows(text) == []


@pytest.mark.parametrize("text, speaker, cue", [
    ('"I should have called sooner," the coach confessed.', "the coach", "confessed"),
    ('"Not in this weather," Ms. Rivera chuckled.', "Ms. Rivera", "chuckled"),
    ('The governor clarified: "The order applies to state offices only."', "The governor",
     "clarified"),
])
def test_speech_verbs_beyond_say_attribute_a_quote(text, speaker, cue):
    assert [(sp, c) for _, sp, c in _rows(text)] == [(speaker, cue)]
