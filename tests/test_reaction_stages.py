"""The five stages of extract_reactions, each on its own.

read_article -> find_candidates -> keep_reactors -> relevance -> judge_stance
(see the notes of coverage_kit.extract.reactions). The sentences are written for these
tests in the style of wire copy; none is taken from a corpus.
"""

from __future__ import annotations

import pytest

from coverage_kit.extract import reactions as rx
from coverage_kit.extract.quotes import extract_quotes


def _found(text: str) -> tuple[rx.ArticleReading, rx.Candidates]:
    doc = rx.read_article(text)
    return doc, rx.find_candidates(doc, extract_quotes(text))


def _codes(found: rx.Candidates) -> set[str]:
    return {c.res.code for c in found.all()}


# --------------------------------------------------------------------------- 1. read

def test_read_gives_sentences_paragraphs_quotes_and_mentions():
    text = ("Kazakh police detained hundreds of protesters in Almaty on Thursday.\n"
            '"This is unacceptable," the German foreign ministry said. Paris was silent.')
    doc = rx.read_article(text)
    assert len(doc.paras) == 2 and len(doc.sents) == 3
    assert doc.sentence_of(text.index("Paris")) == 2
    assert doc.paragraph_of(text.index("German")) == doc.paras[1]
    assert doc.inside(text.index("unacceptable")) and not doc.inside(text.index("German"))
    codes = [m.code for m in doc.mentions if m.code]
    assert codes[0] == "KAZ" and {"DEU", "FRA"} <= set(codes)


def test_read_refers_the_alliance_back_to_the_organisation_named_before():
    text = ("The Collective Security Treaty Organization sent troops to Kazakhstan. "
            "The alliance said the mission would last days.")
    doc = rx.read_article(text)
    alliance = next(m for m in doc.mentions if m.start == text.index("The alliance"))
    assert alliance.code == "CSTO"


# --------------------------------------------------------------------------- 2. candidates

@pytest.mark.parametrize("text, speaker, addressed", [
    ("Germany's foreign minister urged China to release the two Canadians.", "DEU", "CHN"),
    ("The EU called on Russia to withdraw its troops from the border.", "EU", "RUS"),
    ("Chancellor Angela Merkel told Vladimir Putin that the annexation was illegal.",
     "DEU", "RUS"),
    ("Britain's foreign secretary asked Iran to free the detained aid worker.", "GBR", "IRN"),
])
def test_candidates_never_take_the_addressed_party_as_the_reactor(text, speaker, addressed):
    _, found = _found(text)
    assert speaker in _codes(found)
    assert addressed not in _codes(found)


def test_candidates_come_from_quotes_and_from_action_sentences():
    text = ('"We are deeply concerned," a spokesperson for the French foreign ministry said. '
            "Germany condemned the arrests.")
    _, found = _found(text)
    got = {(c.res.code, c.source, c.text, c.cue) for c in found.all()}
    assert ("FRA", "quote", "We are deeply concerned", "said") in got
    assert ("DEU", "action", "Germany condemned the arrests.", "condemned") in got
    # where the reacting actors stand: not counted as the place discussed
    assert any(a <= text.index("Germany") < b for a, b in found.agent_spans)


def test_candidates_keep_every_resolved_actor_for_the_next_stage():
    # who counts is stage 3's question: the businessman is still a candidate here
    _, found = _found("A Canadian businessman said he feared for his safety.")
    assert _codes(found) == {"CAN"}


def test_no_candidate_without_an_actor():
    _, found = _found("Police said the square was cleared by midnight and traffic resumed.")
    assert found.all() == []


# --------------------------------------------------------------------------- 3. who counts

@pytest.mark.parametrize("text, kept", [
    ("A Canadian businessman said he feared for his safety.", set()),
    ("Former British prime minister Tony Blair said the decision was a mistake.", set()),
    ("Russian journalists said the trial was a farce.", set()),
    ("Germany's foreign minister urged China to release the two Canadians.", {"DEU"}),
    ('"We are deeply concerned," a spokesperson for the French foreign ministry said.',
     {"FRA"}),
])
def test_only_states_officials_and_organisations_count(text, kept):
    doc, found = _found(text)
    assert _codes(rx.keep_reactors(doc, found, "KAZ")) == kept


def test_the_focus_countrys_own_statements_are_left_out_without_domestic():
    doc, found = _found("Kazakhstan's President Tokayev said the protesters were terrorists. "
                        "Germany condemned the killings.")
    assert _codes(rx.keep_reactors(doc, found, "KAZ", domestic=True)) == {"KAZ", "DEU"}
    assert _codes(rx.keep_reactors(doc, found, "KAZ", domestic=False)) == {"DEU"}
    # the spans of every reacting actor are kept for focus detection and relevance
    assert rx.keep_reactors(doc, found, "KAZ", domestic=False).agent_spans == found.agent_spans


def test_an_ambassador_to_an_organisation_speaks_for_their_country_only():
    doc, found = _found("China's ambassador to the UN said Beijing opposed any sanctions.")
    assert _codes(rx.keep_reactors(doc, found, "KAZ")) == {"CHN"}


# --------------------------------------------------------------------------- 4. relevance

# an article about Britain's immigration rules with one paragraph on the focus (Kazakhstan)
_OTHER_MATTER = (
    "Britain's parliament debated the new immigration rules for a third day on Tuesday, as "
    "protests continued outside Westminster in London.\n"
    "The rules would halve the number of work visas Britain issues and end family visas for "
    "British residents earning less than 30,000 pounds.\n"
    "France criticised the rules, saying they broke European law.\n"
    "In a brief statement, Germany condemned the arrest of protesters in Kazakhstan.")


def test_a_statement_about_another_country_is_not_relevant():
    doc, found = _found(_OTHER_MATTER)
    relevant = rx.relevance(doc, "KAZ", None, found)
    assert not relevant(_OTHER_MATTER.index("France"))
    assert relevant(_OTHER_MATTER.index("Germany"))


def test_an_article_about_the_focus_is_relevant_throughout():
    doc, found = _found(_OTHER_MATTER)
    title = "Germany condemns arrests in Kazakhstan"
    assert rx.relevance(doc, "KAZ", title, found)(_OTHER_MATTER.index("France"))
    # a focus detected in the article itself is what it is about
    assert rx.relevance(doc, "KAZ", None, found, about_focus=True)(0)
    # no focus: nothing to be off topic about
    assert rx.relevance(doc, None, None, found)(_OTHER_MATTER.index("France"))


def test_an_article_that_never_names_the_focus_is_not_about_it():
    doc, found = _found(_OTHER_MATTER)
    relevant = rx.relevance(doc, "BLR", None, found)
    assert not any(relevant(p) for p, _ in doc.paras)


# --------------------------------------------------------------------------- 5. stance

def _judged(text: str, focus: str, **kw) -> list[tuple[str, str]]:
    doc, found = _found(text)
    reactors = rx.keep_reactors(doc, found, focus)
    return [(r.country, r.stance) for r in rx.judge_stance(doc, reactors, focus, **kw)]


@pytest.mark.parametrize("text, country", [
    ("France strongly condemned the violence against the government's opponents.", "FRA"),
    ("Germany condemned the crackdown on the government's opponents.", "DEU"),
    ("The United States condemned the arrests of the government's opponents.", "USA"),
])
def test_a_condemnation_on_behalf_of_the_opposition_stays_a_condemnation(text, country):
    assert _judged(text, "KAZ") == [(country, "condemn")]


def test_one_reaction_per_sentence_and_country_with_the_named_person_as_actor():
    text = "German Chancellor Olaf Scholz said Germany condemned the killings."
    doc, found = _found(text)
    out = rx.judge_stance(doc, rx.keep_reactors(doc, found, "KAZ"), "KAZ")
    assert [(r.country, r.actor, r.stance) for r in out] == [("DEU", "Olaf Scholz", "condemn")]
    assert 0.5 < out[0].stance_confidence <= 1 and out[0].evidence


def test_backing_the_victim_of_the_focus_is_concern():
    text = ("The EU fully supports the Canadian government in its efforts to free the two men "
            "detained in China.")
    assert _judged(text, "CHN") == [("EU", "concern")]


def test_statements_off_the_topic_are_dropped_or_marked():
    doc, found = _found(_OTHER_MATTER)
    reactors = rx.keep_reactors(doc, found, "KAZ")
    relevant = rx.relevance(doc, "KAZ", None, found)
    kept = rx.judge_stance(doc, reactors, "KAZ", relevant=relevant)
    assert [(r.country, r.relevant) for r in kept] == [("DEU", True)]
    marked = rx.judge_stance(doc, reactors, "KAZ", relevant=relevant, off_topic=True)
    assert [(r.country, r.relevant) for r in marked] == [("FRA", False), ("DEU", True)]


def test_the_focus_countrys_own_statement_is_marked_domestic():
    text = "Kazakhstan's President Tokayev said the protesters were terrorists."
    doc, found = _found(text)
    out = rx.judge_stance(doc, rx.keep_reactors(doc, found, "KAZ", domestic=True), "KAZ")
    assert [(r.country, r.domestic) for r in out] == [("KAZ", True)]


# --------------------------------------------------------------------------- all together

def test_the_stages_in_turn_are_extract_reactions():
    title = None
    doc, found = _found(_OTHER_MATTER)
    reactors = rx.keep_reactors(doc, found, "KAZ", domestic=False)
    relevant = rx.relevance(doc, "KAZ", title, found)
    staged = rx.judge_stance(doc, reactors, "KAZ", relevant=relevant, off_topic=True)
    assert staged == rx.extract_reactions(_OTHER_MATTER, focus="KAZ", off_topic=True)
