"""Quote extraction: what users rely on, on short realistic texts (all invented here)."""

from __future__ import annotations

import pandas as pd
import pytest

from coverage_kit.extract.quotes import Quote, extract_quotes, quote_records, quotes_table
from coverage_kit.errors import SchemaError
from coverage_kit.schema import QUOTES
from coverage_kit.tables import speaker_counts


def _summary(text: str) -> list[tuple]:
    return [(q.kind, q.quote, q.speaker_mention, q.cue) for q in extract_quotes(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # speaker after the quote
        ('"We are deeply concerned," the EU spokesperson said.',
         [("direct", "We are deeply concerned", "the EU spokesperson", "said")]),
        # inverted order
        ('"There must be no violence," said Chancellor Olaf Scholz.',
         [("direct", "There must be no violence", "Chancellor Olaf Scholz", "said")]),
        # speaker before, colon, multi-word cue
        ('Marco Buschmann (FDP) wrote on Twitter: "Shooting protesters is a crime."',
         [("direct", "Shooting protesters is a crime.", "Marco Buschmann", "wrote")]),
        # NYT doubled apostrophes and an honorific
        ("''We will rebuild the bridge by spring,'' Mr. Alvarez told reporters.",
         [("direct", "We will rebuild the bridge by spring", "Mr. Alvarez", "told")]),
        # reported speech with "that" after a time phrase
        ("Kremlin spokesman Dmitri Peskov said on Friday that the troops would stay.",
         [("indirect", "that the troops would stay", "Kremlin spokesman Dmitri Peskov",
           "said")]),
        # content before the speaker
        ("The curfew will be lifted next week, the interior ministry said.",
         [("indirect", "The curfew will be lifted next week", "the interior ministry", "said")]),
        # according to, sentence-initial
        ("According to the agency Belta, the two presidents spoke by phone on Friday.",
         [("indirect", "the two presidents spoke by phone on Friday", "the agency Belta",
           "According to")]),
        # mixed: reported speech containing quoted words
        ('The minister described the talks as "a waste of time" on Monday.',
         [("mixed", 'the talks as "a waste of time" on Monday', "The minister", "described")]),
        # nothing to find: scare quotes, a title, a dateline
        ('State media called the protests "terrorism".', []),
        ('The film "Days of Thunder" was shown again on Sunday.', []),
        ("Almaty (dpa/AFP) - Troops were deployed to the airport.", []),
    ],
)
def test_extract_quotes_cases(text, expected):
    assert _summary(text) == expected


def test_offsets_point_into_the_text():
    text = ('Tanks rolled in at dawn.\n\n"We did not expect this," said Aigerim Bekova, '
            'a teacher. "Nobody did."\n\nThe ministry said that order had been restored.')
    quotes = extract_quotes(text)
    assert len(quotes) == 3
    for q in quotes:
        assert text[q.start:q.end] == q.quote
        if q.speaker_mention is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_mention
        if q.cue is not None:
            assert text[q.cue_start:q.cue_end] == q.cue
        if q.kind == "direct":
            assert text[q.mark_start] == '"' and text[q.mark_end - 1] == '"'


def test_split_quote_is_one_attribution():
    text = '"The border stays open," she said, "but every lorry will be checked."'
    a, b = extract_quotes(text)
    assert (a.quote, b.quote) == ("The border stays open", "but every lorry will be checked.")
    assert a.attribution == b.attribution
    assert b.speaker_mention == "she" and b.cue == "said" and not b.carried


def test_second_quoted_sentence_is_carried():
    text = ('"I gave the order," Tokayev said in a televised address. '
            '"The bandits will be destroyed."')
    first, second = extract_quotes(text)
    assert second.carried and second.speaker_mention is None
    assert second.speaker == first.speaker == "Tokayev"
    assert second.attribution == first.attribution


def test_quote_over_several_paragraphs():
    text = ('The statement read:\n\n"The situation is under control.\n\n'
            '"Order will be restored within days."\n\nMarkets opened as usual.')
    (q,) = extract_quotes(text)
    assert q.kind == "direct"
    assert q.quote.startswith("The situation") and q.quote.endswith("within days.")


def test_pronoun_and_nominal_resolve_to_named_speaker():
    text = ('Chancellor Olaf Scholz (SPD) met the envoy. "There can be no violence against '
            'citizens," said the SPD politician. "We are watching closely," he added.')
    q1, q2 = extract_quotes(text)
    assert (q1.speaker_mention, q1.speaker) == ("the SPD politician", "Olaf Scholz")
    assert (q2.speaker_mention, q2.speaker) == ("he", "Olaf Scholz")


def test_role_is_split_from_name():
    text = '"We stand ready to help," said EU Commission President Ursula von der Leyen.'
    (q,) = extract_quotes(text)
    assert q.speaker == "Ursula von der Leyen"
    assert q.speaker_role == "EU Commission President"


def test_headline_style_attribution():
    text = "Tokayev: \"What kind of negotiations can there be with criminals?\""
    (q,) = extract_quotes(text)
    assert (q.kind, q.speaker, q.cue) == ("direct", "Tokayev", ":")


@pytest.mark.parametrize(
    "text, quote, mention",
    [
        ("Der Kanzler sagte: „Wir lassen die Menschen nicht allein.“",
         "Wir lassen die Menschen nicht allein.", "Der Kanzler"),
        ("»Die Lage ist ernst«, sagte Scholz am Freitag.", "Die Lage ist ernst", "Scholz"),
        ("« Nous suivons la situation de près », a déclaré Emmanuel Macron.",
         "Nous suivons la situation de près", "Emmanuel Macron"),
    ],
)
def test_german_and_french_quotes(text, quote, mention):
    (q,) = extract_quotes(text)
    assert q.kind == "direct"
    assert q.quote.strip(" ,") == quote
    assert q.speaker_mention == mention


def test_extract_quotes_is_pure_and_rejects_non_text():
    text = '"Prices will fall," the central bank said.'
    assert extract_quotes(text) == extract_quotes(text)
    assert extract_quotes("") == []
    with pytest.raises(TypeError, match="expects a str"):
        extract_quotes(None)  # type: ignore[arg-type]


def test_quote_records_have_every_field():
    rec = quote_records(extract_quotes('"Calm down," she said.'))[0]
    assert set(rec) == set(Quote.__slots__)


# --------------------------------------------------------------------------------------------
# quotes_table
# --------------------------------------------------------------------------------------------


def _articles(texts: list[str]) -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": [f"a{i}" for i in range(len(texts))],
        "outlet": pd.Categorical(["Daily Example"] * len(texts)),
        "published": pd.to_datetime(["2022-01-07"] * len(texts), utc=True),
        "text": texts,
        "language": ["en"] * len(texts),
    })


def test_quotes_table_schema_and_values():
    arts = _articles([
        '"I gave orders to fire without warning," Kassym-Jomart Tokayev said.',
        '"We are dealing with bandits," said Kassym-Schomart Tokayev. Peskov said talks '
        'would continue.',
        "Nothing was said today.",
    ])
    table = quotes_table(arts)
    assert list(table.columns[: len(QUOTES)]) == list(QUOTES)
    for col, dtype in QUOTES.items():
        assert str(table[col].dtype) == dtype, col
    assert len(table) == 3
    assert table["article_id"].tolist() == ["a0", "a1", "a1"]
    toka = table[table["speaker"].str.contains("Tokayev", na=False)]
    assert toka["speaker_id"].nunique() == 1
    assert table["polarity"].between(-1, 1).all()
    assert table["subjectivity"].between(0, 1).all()
    # offsets refer to the article text
    for row in table.itertuples():
        text = arts.set_index("article_id").loc[row.article_id, "text"]
        assert text[row.start:row.end] == row.quote


def test_quotes_table_alias_table_overrides_ids(tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,speaker_id,speaker\nPeskov,kremlin,Kremlin\n", encoding="utf-8")
    arts = _articles(["Peskov said that the talks would continue next week."])
    table = quotes_table(arts, aliases=aliases)
    assert table.loc[0, "speaker_id"] == "kremlin"
    assert table.loc[0, "speaker"] == "Kremlin"


def test_quotes_table_empty_and_bad_input():
    empty = quotes_table(_articles(["No quotes here at all."]))
    assert len(empty) == 0 and list(empty.columns) == list(QUOTES)
    with pytest.raises(SchemaError, match="missing column.*'text'.*it has: 'article_id'"):
        quotes_table(pd.DataFrame({"article_id": ["a"], "outlet": ["x"], "published": [None]}))
    with pytest.raises(TypeError, match="use extract_quotes"):
        quotes_table("a string")  # type: ignore[arg-type]


def test_quotes_table_interrupt_propagates_and_leaves_nothing(monkeypatch):
    import coverage_kit.extract.quotes as mod

    calls = []
    real = mod.extract_quotes

    def flaky(text, *, language=None, reported="all"):
        calls.append(text)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(text, language=language, reported=reported)

    monkeypatch.setattr(mod, "extract_quotes", flaky)
    arts = _articles(['"One," he said.', '"Two," she said.', '"Three," they said.'])
    result = None
    with pytest.raises(KeyboardInterrupt):
        result = quotes_table(arts, progress=True)
    assert result is None and len(calls) == 2


def test_quotes_table_progress_bar_runs():
    table = quotes_table(_articles(['"Fine," he said.']), progress=True)
    assert len(table) == 1


# --- precision on real news: a cue counts only as a verb reporting speech (issue 10) ----------

@pytest.mark.parametrize("text", [
    "The city's plans for the waterfront include a new park and two towers.",
    "The Canucks added another goal in the third period to seal the win.",
    "The minister hinted at a cabinet shuffle before the summer break.",
    "The team's claims about the injury were disputed by two doctors.",
    "Ford's promise to cut gas prices remains unfulfilled a year later.",
    "Sanders maintained his double-digit lead over Clinton in the latest poll.",
    "The campaign, tame compared with the battle on the Republican side, has turned nasty.",
    "The aide was charged with lying to investigators about the meetings.",
    "The plant survived the downturn thanks to a contract with the navy.",
])
def test_noun_and_non_speech_cues_are_not_quotes(text):
    assert extract_quotes(text) == []


@pytest.mark.parametrize("text, speech", [
    ("He announced his retirement after 20 years with the club.", False),
    ("The company reported a loss of $3 million in the first quarter.", False),
    ("Residents hope the new bridge will ease traffic on the east side.", False),
    ("The mayor wants the council to approve the budget next week.", False),
    ("The data shows that home prices fell for the third month in a row.", False),
    ("Police said the suspect was arrested on Tuesday.", True),
    ("She added that the program would be reviewed in the fall.", True),
    ("The premier urged Ottawa to release the funds before winter.", True),
    ("Protesters called for an end to the curfew.", True),
    ("The bridge will reopen in May, the ministry said.", True),
])
def test_reported_speech_mode_keeps_speech_only(text, speech):
    assert len(extract_quotes(text, reported="speech")) == int(speech)
    # PolNeAR's notion of attribution (beliefs, intentions, stances) keeps them all
    assert len(extract_quotes(text, reported="all")) == 1


def test_quotes_table_counts_speech_by_default_and_all_on_request():
    arts = _articles(["The mayor wants the council to approve the budget next week. "
                      "Police said the suspect was arrested on Tuesday."])
    assert quotes_table(arts)["cue"].tolist() == ["said"]
    assert quotes_table(arts, reported="all")["cue"].tolist() == ["wants", "said"]
    with pytest.raises(ValueError, match="reported must be one of"):
        quotes_table(arts, reported="beliefs")


def test_coordinated_speakers_get_a_row_each_and_groups_stay_out_of_top_speakers():
    arts = _articles([
        "Angela Merkel and Emmanuel Macron said the deal would hold.",
        "Officials said the bridge would reopen. Officials said repairs would cost more.",
    ])
    table = quotes_table(arts)
    joint = table[table["article_id"] == "a0"]
    assert joint["speaker"].tolist() == ["Angela Merkel", "Emmanuel Macron"]
    assert joint[["start", "end"]].drop_duplicates().shape[0] == 1
    assert set(table.loc[table["article_id"] == "a1", "speaker_type"]) == {"group"}
    top = speaker_counts(table, by=None)
    assert top["speaker"].tolist() == ["Angela Merkel", "Emmanuel Macron"]
    with_groups = speaker_counts(table, by=None, groups=True)
    assert with_groups["speaker"].iloc[0] == "Officials"


def test_quotes_table_workers_give_the_same_rows():
    texts = [f'"We will rebuild road {i} by spring," Mayor Ann Briggs said. '
             f"Officials said the bridge would reopen in May." for i in range(12)]
    one = quotes_table(_articles(texts))
    two = quotes_table(_articles(texts), workers=2)
    pd.testing.assert_frame_equal(one, two)
    with pytest.raises(ValueError, match="workers"):
        quotes_table(_articles(texts), workers=0)


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Clinton's advisers have long insisted that the primary would become competitive.",
         "Clinton's advisers"),
        ("The governor strongly denied that he had known about the lane closures.",
         "The governor"),
        ("American officials have publicly worried that the funds could reach militants.",
         "American officials"),
    ],
)
def test_speaker_is_the_subject_not_an_adverb_before_the_verb(text, speaker):
    qs = extract_quotes(text)
    assert qs, text
    assert qs[0].speaker_mention == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Republicans who back the tax plan said the vote would come in March.", "Republicans"),
        ("Residents who fled the fighting last week told reporters that the town was empty.",
         "Residents"),
        ("Two officials who spoke on condition of anonymity said the talks had stalled.",
         "Two officials"),
    ],
)
def test_speaker_is_not_the_object_inside_a_relative_clause(text, speaker):
    # "Republicans who back the tax plan said": the plan is inside the clause, not a speaker
    qs = extract_quotes(text)
    assert qs, text
    assert qs[0].speaker_mention == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The senator said Monday that he would run again, adding that the race was close.",
         "The senator"),
        ("The group told reporters it would sue the city, saying the law was unfair.",
         "The group"),
        ("The company wrote to shareholders on Friday, warning that profits would fall.",
         "The company"),
        ("The ministry issued a statement on Tuesday, saying the border would stay closed.",
         "The ministry"),
    ],
)
def test_participle_cue_subject_stops_at_the_clause_verb(text, speaker):
    # ", adding …" / ", saying …" take the clause's subject; it never runs over its verb
    qs = [q for q in extract_quotes(text) if q.cue in ("adding", "saying", "warning")]
    assert qs, text
    assert qs[0].speaker_mention == speaker


def test_question_quote_takes_the_attribution_with_a_trailing_phrase():
    # the sentence splitter ends the sentence at '?"'; the attribution after it still counts,
    # and "to a crowd of about 500" is not reported content
    text = ('"How do you rein in these banks when you owe them money?" Trump said to a crowd '
            'of about 500 in Iowa.')
    qs = extract_quotes(text)
    assert [(q.kind, q.speaker_mention, q.cue) for q in qs] == [("direct", "Trump", "said")]


@pytest.mark.parametrize(
    "text",
    [
        "Primary night guide\n\nKasich: Now or never.\n\nThe Ohio governor bet everything on the state.",
        "Who took part\n\nIowa: Tim Albrecht, Brad Anderson, Rob Barron, Jeff Boeyink.\n\nMore soon.",
        "Floods hit the coast\n\nContributing: Brittney Bennett and Greg Toppo, USA TODAY\n",
    ],
)
def test_section_headings_lists_and_credits_are_not_headline_quotes(text):
    assert [q for q in extract_quotes(text) if q.cue == ":"] == []


def test_ordinary_verbs_with_a_clause_still_report():
    text = "The campaign has long maintained that the emails were not marked classified."
    qs = extract_quotes(text)
    assert [(q.speaker_mention, q.cue) for q in qs] == [("The campaign", "maintained")]
    assert qs[0].quote.endswith("the emails were not marked classified")


def test_question_quote_takes_the_attribution_before_a_participle_clause():
    text = ("\"What does that mean, he kept the country safe?\" Mr. Trump asked, repeating a "
            "broadside he has aimed at the former president for months.")
    qs = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert [(q.speaker_mention, q.cue) for q in qs] == [("Mr. Trump", "asked")]


def test_remembered_attributes_a_quote():
    text = ('"She was determined to prove them wrong," remembered Roy Verley, the company\'s '
            'former spokesman.')
    qs = extract_quotes(text)
    assert [(q.kind, q.speaker_mention, q.cue) for q in qs] == [
        ("direct", "Roy Verley", "remembered")]


def test_sentence_opening_asked_reports_the_question():
    text = ("Asked whether he would urge Clinton to pick Sanders as her running mate, Reid "
            "said he would not.")
    got = [(q.quote, q.cue.lower()) for q in extract_quotes(text)]
    assert ("whether he would urge Clinton to pick Sanders as her running mate", "asked") in got
    assert ("he would not", "said") in got


@pytest.mark.parametrize("text, reported", [
    ("A new poll from Suffolk University found 40% of voters are not sure they will vote.", True),
    ("The researchers found that wages fell in towns exposed to imports.", True),
    ("Exit polling shows he won 83% of voters under 30 in Pennsylvania.", True),
    ("Neither candidate showed much of an appetite for a fight in the final debate.", False),
])
def test_evidence_verbs_need_evidence_or_a_that_clause(text, reported):
    assert bool(extract_quotes(text)) is reported


def test_content_after_a_comma_when_the_speaker_opens_the_sentence():
    text = "Rubio said, win or lose in the Florida primary, he is staying in the race."
    assert [(q.quote, q.speaker_mention) for q in extract_quotes(text)] == [
        ("win or lose in the Florida primary, he is staying in the race", "Rubio")]
    # the content came before: nothing after the comma is reported
    qs = extract_quotes('"We won," he said, wiping his face with a towel.')
    assert [(q.kind, q.quote) for q in qs] == [("direct", "We won")]


def test_articles_in_unsupported_languages_are_named_not_mined_for_junk_speakers():
    import pandas as pd
    import pytest

    from coverage_kit.extract.quotes import quotes_table

    arts = pd.DataFrame({
        "article_id": ["en1", "it1", "it2"], "outlet": ["Korvany Courier"] * 3,
        "published": pd.to_datetime(["2025-03-06T10:00Z"] * 3),
        "language": ["en", "it", "it"],
        "text": ['"We will not give in," Interior Minister Ilona Marsk said on Monday.',
                 'Lo ha detto il ministro a Mosca: "Non cederemo mai", ha aggiunto Marsk.',
                 'Mosca ha risposto: "La situazione resta grave", secondo il portavoce.'],
    })
    with pytest.warns(UserWarning, match=r"2 articles in Italian: quotes not extracted "
                                         r"\(supported: English, French, German\)"):
        q = quotes_table(arts)
    assert set(q["article_id"]) == {"en1"}
    assert q.attrs["unextracted_languages"] == {"it": 2}
