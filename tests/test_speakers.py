"""Speaker resolution in one article and speaker identity across a corpus."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from coverage_kit.errors import InputError
from coverage_kit.extract.quotes import extract_quotes
from coverage_kit.extract.speakers import (
    assign_speaker_ids,
    read_aliases,
    speaker_key,
    split_role,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "mention, expected",
    [
        ("Federal Justice Minister Marco Buschmann", ("Federal Justice Minister", "Marco Buschmann")),
        ("Kremlin spokesman Dmitri Peskov", ("Kremlin spokesman", "Dmitri Peskov")),
        ("EU Commission President Ursula von der Leyen",
         ("EU Commission President", "Ursula von der Leyen")),
        ("Kazakhstan's President", ("Kazakhstan's President", None)),
        ("the spokesman", ("spokesman", None)),
        ("Mr. Tokayev", (None, "Mr. Tokayev")),
        ("Belta", (None, "Belta")),
    ],
)
def test_split_role(mention, expected):
    assert split_role(mention) == expected


@pytest.mark.parametrize(
    "name, key",
    [
        ("Mr. Kassym-Schomart Tokayev's", "kassym schomart tokayev"),
        ("the Kremlin", "kremlin"),
        ("Emmanuel  Macron", "emmanuel macron"),
        ("Sen. Élisabeth Borne", "elisabeth borne"),
    ],
)
def test_speaker_key(name, key):
    assert speaker_key(name) == key


def _ids(speakers, roles=None):
    df = pd.DataFrame({"speaker": speakers, "speaker_mention": speakers,
                       "speaker_role": roles or [None] * len(speakers)})
    return assign_speaker_ids(df)


def test_spelling_variants_share_one_id():
    ids = _ids(["Kassym-Jomart Tokayev", "Kassym-Schomart Tokayev", "Kassym-Shomart Tokayev",
                "Tokayev", "Kassym-Jomart Tokayev"])
    assert len(set(ids)) == 1 and ids[0] == "kassym-jomart-tokayev"


def test_different_people_with_one_surname_stay_apart():
    ids = _ids(["Hillary Clinton", "Bill Clinton", "Hillary Clinton"])
    assert ids[0] == ids[2] != ids[1]


def test_bare_role_joins_the_name_given_with_it():
    ids = _ids(["Kassym-Jomart Tokayev", "Kazakhstan's President"],
               roles=["Kazakhstan's President", None])
    assert ids[0] == ids[1]


def test_unknown_speaker_has_no_id():
    assert _ids([None, "Olaf Scholz"]) == [None, "olaf-scholz"]


def test_alias_table_overrides(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("# who is who\nalias,speaker_id,speaker\n"
                    "Dmitri Peskov,kremlin,Kremlin\nthe Kremlin,kremlin,Kremlin\n",
                    encoding="utf-8")
    aliases = read_aliases(path)
    df = pd.DataFrame({"speaker": ["Dmitri Peskov", "Kremlin", "Olaf Scholz"],
                       "speaker_mention": ["Peskov", "the Kremlin", "Scholz"],
                       "speaker_role": [None] * 3})
    assert assign_speaker_ids(df, aliases=aliases) == ["kremlin", "kremlin", "olaf-scholz"]


def test_bundled_alias_table_reads():
    aliases = read_aliases(ROOT / "data" / "speaker_aliases.csv")
    assert aliases[speaker_key("Kassym-Schomart Tokayev")].speaker_id == "kassym-jomart-tokayev"


@pytest.mark.parametrize(
    "content, line, match",
    [
        ("alias,speaker\nTokayev,x\n", 1, r"no column\(s\) speaker_id"),
        ("# comment\nalias,speaker_id,speaker\nTokayev,tokayev,\n,orphan,\n", 4,
         r"needs both alias and speaker_id"),
    ],
)
def test_alias_table_errors_name_file_and_line(tmp_path, content, line, match):
    path = tmp_path / "aliases.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=rf"aliases\.csv:{line}: .*{match}"):
        read_aliases(path)


def test_pronoun_resolves_to_last_named_person_not_an_organisation():
    text = ('"We will not negotiate," President Kassym-Jomart Tokayev said. '
            'The Kremlin said it was ready to help. "Order is restored," he added.')
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Kassym-Jomart Tokayev", "Kremlin",
                                          "Kassym-Jomart Tokayev"]
    assert quotes[0].speaker_role == "President"


def test_nominal_resolves_to_named_speaker_with_that_title():
    text = ("Kremlin spokesman Dmitri Peskov spoke to reporters on Friday. "
            "The spokesman said that Russia had sent paratroopers.")
    (q,) = extract_quotes(text)
    assert (q.speaker_mention, q.speaker) == ("The spokesman", "Dmitri Peskov")


def test_relative_pronoun_resolves_to_its_antecedent():
    text = "Mr. Peskov, who spoke by phone, said that talks would continue."
    (q,) = extract_quotes(text)
    assert q.speaker_mention == "Mr. Peskov" and q.speaker == "Peskov"


def test_organisation_nominal_keeps_the_organisation():
    text = ("The Interior Ministry said that 26 people had died. "
            "The ministry added that order had been restored.")
    q1, q2 = extract_quotes(text)
    assert q1.speaker == "Interior Ministry"
    assert q2.speaker == "Interior Ministry"


@pytest.mark.parametrize("mention, role, name", [
    ("Secretary of State Douglas Renner", "Secretary of State", "Douglas Renner"),
    ("Minister of State for Europe Anna Berg", "Minister of State for Europe", "Anna Berg"),
    ("President of the European Commission Ursula von der Leyen",
     "President of the European Commission", "Ursula von der Leyen"),
    ("Minister of Foreign Affairs Anna Berg", "Minister of Foreign Affairs", "Anna Berg"),
])
def test_of_phrase_roles_leave_the_name(mention, role, name):
    assert split_role(mention) == (role, name)


def test_later_surname_resolves_to_name_after_of_phrase_role():
    from coverage_kit.extract.quotes import extract_quotes

    text = ("The United States condemned the clearing of the square, Secretary of State Douglas "
            "Renner said on Monday.\n\n“What we saw was a government turning its guns on its "
            "own people,” Renner told reporters.")
    speakers = {q.speaker for q in extract_quotes(text)}
    assert speakers == {"Douglas Renner"}


# --- pronouns: gender, number and entity type (issue 10) ------------------------------------

def _speaker_of(text: str, quote_start: str) -> str | None:
    qs = [q for q in extract_quotes(text) if q.quote.startswith(quote_start)]
    assert qs, [q.quote for q in extract_quotes(text)]
    return qs[0].speaker


@pytest.mark.parametrize("text, quote_start, speaker", [
    # "she" skips the husband who shares the surname
    ('Hillary Clinton spoke in Ohio on Monday. Her husband, Bill Clinton, stayed in New York. '
     '"We will keep fighting," she said.', "We will keep fighting", "Hillary Clinton"),
    # "he" skips the woman named last, and never lands on the state
    ('Governor Tom Reyes met Senator Maria Lopez in Portland, Maine. '
     '"It was a productive meeting," he said.', "It was a productive meeting", "Tom Reyes"),
    # the nearest compatible person wins over the speaker of an earlier paragraph
    ('"Taxes must fall," Senator Rob Portman said on Monday.\n\n'
     'On Tuesday, Mayor Dan Whitfield toured the flooded district. '
     '"The damage is worse than we feared," he said.',
     "The damage is worse", "Dan Whitfield"),
    # "Clinton" modifies a role here; the woman named after it speaks
    ('Hillary Clinton lost on Tuesday. Clinton communications director Jennifer Palmieri came '
     'to the back of the plane. "We are glad this matter is resolved," she told reporters.',
     "We are glad", "Jennifer Palmieri"),
    # an unnamed source is still the nearest person
    ('Dr. Noor Fayez said two people died. The Nato spokesperson said the consulate was hit. '
     '"More explosives may be in the area," he said.', "More explosives", "The Nato spokesperson"),
    # page chrome and a place before the quote are not people
    ('Sign up for our Morning Newsletter\n\nImage copyright Reuters\n\n'
     'Mayor John Tory visited the site in Toronto. "We are heartbroken," he said.',
     "We are heartbroken", "John Tory"),
    # an ocean, a landmark and a dateline are not people
    ('MIDWAY ATOLL — President Lena Ortiz flew over the Pacific Ocean on Thursday. '
     '"The reef is dying," she said.', "The reef is dying", "Lena Ortiz"),
    ('Senator Paul Grady spoke near the National Mall. Crowds filled the steps of the '
     'Lincoln Memorial. "This is a great day," he said.', "This is a great day", "Paul Grady"),
    # a news outlet is an organisation, never the antecedent of "she"
    ('Anchor Megan Kell asked the questions. The interview aired on Fox News on Tuesday. '
     '"It was cordial," she said.', "It was cordial", "Megan Kell"),
    # a gendered role right before the name outweighs the usual gender of the first name
    ('"We are tired of waiting," said 9/11 widow Terry Strada. Senator Mark Olsen left early. '
     'Strada stayed. "Nobody should make us wait," she said.', "Nobody should make us wait",
     "Terry Strada"),
])
def test_pronoun_checks_gender_and_type(text, quote_start, speaker):
    assert _speaker_of(text, quote_start) == speaker


@pytest.mark.parametrize("text, quote_start, speaker", [
    ('"The plan is dead," said Democratic Sen. Claire Hoyt.', "The plan is dead", "Claire Hoyt"),
    ('"We will appeal," said Air Force Gen. Norman Hale.', "We will appeal", "Norman Hale"),
    ('"It is time to act," said former Pennsylvania Gov. Ed Rourke.', "It is time to act",
     "Ed Rourke"),
])
def test_speaker_name_leaves_out_party_rank_and_place(text, quote_start, speaker):
    assert _speaker_of(text, quote_start) == speaker


def test_pronoun_with_no_person_in_reach_stays_unknown():
    text = ('Flooding closed roads across New Brunswick and Nova Scotia on Monday. '
            '"We have never seen water this high," he said.')
    assert _speaker_of(text, "We have never seen") is None


def test_they_resolves_to_a_group_never_to_a_person():
    text = ("Officials said the bridge would reopen in May. Mayor Ann Briggs toured it. "
            "They added that repairs would cost $3 million.")
    qs = {q.quote[:14]: q for q in extract_quotes(text)}
    assert qs["that repairs w"].speaker == "Officials"
    assert qs["that repairs w"].speaker_type == "group"


@pytest.mark.parametrize("text, speakers", [
    ("Angela Merkel and Emmanuel Macron said the deal would hold.",
     ("Angela Merkel", "Emmanuel Macron")),
    ("Sen. Amy Klobuchar, Sen. Cory Booker and Sen. Chris Coons said the bill was dead.",
     ("Amy Klobuchar", "Cory Booker", "Chris Coons")),
    # one named source and a crowd: one speaker
    ("Hawkins and other activists said the ruling was a setback.", None),
])
def test_coordinated_speakers_all_speak(text, speakers):
    (q,) = extract_quotes(text)
    if speakers is None:
        assert q.co_speakers == ()
    else:
        assert (q.speaker, *q.co_speakers) == speakers


@pytest.mark.parametrize("text, kind", [
    ("Emmanuel Macron said the deal would hold.", "person"),
    ("The Kremlin said the talks would continue.", "organisation"),
    ("The government said the measures would be lifted next week.", "group"),
    ("Police said the suspect was arrested on Tuesday.", "group"),
    ("Officials said the bridge would reopen.", "group"),
    ("British Transport Police said the driver was arrested.", "organisation"),
])
def test_speaker_type(text, kind):
    (q,) = extract_quotes(text)
    assert q.speaker_type == kind


def test_name_gender_from_first_name_honorific_and_role():
    from coverage_kit.extract.speakers import name_gender

    assert name_gender("Hillary Clinton") == "f"
    assert name_gender("Mr. Alvarez") == "m"
    assert name_gender("Ferrier", context="the spokeswoman, ") == "f"
    assert name_gender("Alex Morgan") is None  # given to both: compatible with he and she


# ----------------------------------------------------------------------- pronoun antecedents
def _speaker_of(text: str, words: str) -> str | None:
    from coverage_kit.extract.quotes import extract_quotes

    return next(q.speaker for q in extract_quotes(text) if words in q.quote)


def test_he_after_a_quote_is_not_a_person_named_inside_it():
    # "Mr." ends no sentence, so both men stand in the narrative sentence; Pryce is its subject,
    # and Dorval named inside the quotation cannot be the "he" who says it
    text = ("Senator Alan Pryce met Governor Tomas Dorval in May.\n\nMr. Pryce said having "
            "Mr. Dorval treat him with respect is a positive development. \u201cVoters don't get "
            "along with Dorval,\u201d he said on a radio show. \u201cDorval has never won a "
            "county vote.\u201d")
    assert _speaker_of(text, "get along") == "Alan Pryce"
    assert _speaker_of(text, "never won") == "Alan Pryce"


def test_he_prefers_the_subject_over_an_opening_phrase_and_mr_is_no_sentence_end():
    text = ("Senator Alan Pryce praised the endorsement by Governor Tomas Dorval on Sunday.\n\n"
            "On the subject of his rival, Mr. Dorval, Mr. Pryce was asked why he had called the "
            "endorsement \u201ca great honour.\u201d \u201cIt was a fair fight,\u201d he said.")
    assert _speaker_of(text, "fair fight") == "Alan Pryce"


def test_ambassador_to_an_organisation_with_a_name_in_apposition():
    from coverage_kit.extract.quotes import extract_quotes

    text = ("Veldavia's ambassador to the UN, Ilona Marsk, said the vote was a matter for "
            "the assembly alone.")
    (q,) = extract_quotes(text)
    assert q.speaker == "Ilona Marsk"
    assert q.speaker_mention.startswith("Veldavia's ambassador to the UN")


def test_elect_titles_are_roles_so_one_person_keeps_one_id():
    from coverage_kit.extract.speakers import split_role

    assert split_role("President-elect Donald Trump") == ("President-elect", "Donald Trump")
    assert split_role("Governor-elect Ilona Marsk") == ("Governor-elect", "Ilona Marsk")


@pytest.mark.parametrize("text, mention", [
    # the role word heads the subject, not the object of its of/to-phrase
    ("China's ambassador to the UN said Beijing opposed any sanctions.",
     "China's ambassador to the UN"),
    ("The head of the agency said the inspections would resume in March.",
     "The head of the agency"),
    ("The Chinese envoy to the United Nations said talks should continue.",
     "The Chinese envoy to the United Nations"),
    # a person named after the role's phrase is the speaker
    ("Director of the FBI James Comey said the review was complete.", "James Comey"),
])
def test_a_role_with_an_of_or_to_phrase_is_the_speaker_not_its_object(text, mention):
    (q,) = extract_quotes(text)
    assert mention in q.speaker_mention
    assert q.speaker not in ("UN", "agency", "United Nations")
