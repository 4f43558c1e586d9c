"""Stance classifier: rules measured on labelled statements, with pinned floors."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from coverage_kit.extract.stance import STANCE_ORDER, classify_stance, find_cues

DATA = Path(__file__).parent / "data"
FLOORS = json.loads((DATA / "reactions_floors.json").read_text())


def _gold(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _scores(rows: list[dict]) -> tuple[float, float, Counter]:
    confusion: Counter = Counter()
    for r in rows:
        confusion[(r["stance"], classify_stance(r["text"], cue=r["cue"] or None).stance)] += 1
    correct = sum(v for (g, p), v in confusion.items() if g == p)
    f1s = []
    for s in STANCE_ORDER:
        tp = confusion[(s, s)]
        fp = sum(v for (g, p), v in confusion.items() if p == s and g != s)
        fn = sum(v for (g, p), v in confusion.items() if g == s and p != s)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return correct / sum(confusion.values()), sum(f1s) / len(f1s), confusion


def test_gold_file_is_balanced_and_trilingual():
    rows = _gold("reactions_stance_gold.csv")
    assert len(rows) >= 100
    assert {r["stance"] for r in rows} == set(STANCE_ORDER)
    langs = Counter(r["language"] for r in rows)
    assert langs["de"] >= 20 and langs["fr"] >= 15
    assert min(Counter(r["stance"] for r in rows).values()) >= 15


def test_dev_set_floor():
    acc, macro_f1, confusion = _scores(_gold("reactions_stance_gold.csv"))
    wrong = {k: v for k, v in confusion.items() if k[0] != k[1]}
    assert acc >= FLOORS["stance_dev_accuracy"], wrong
    assert macro_f1 >= FLOORS["stance_dev_macro_f1"], wrong


def test_heldout_set_floor():
    """Statements written after the rules were frozen; never used for tuning."""
    rows = _gold("reactions_stance_heldout.csv")
    assert len(rows) >= 50 and {r["stance"] for r in rows} == set(STANCE_ORDER)
    acc, _, confusion = _scores(rows)
    assert acc >= FLOORS["stance_heldout_accuracy"], {k: v for k, v in confusion.items()
                                                      if k[0] != k[1]}


@pytest.mark.parametrize("text, cue, stance", [
    # negation turns a cue into its weaker neighbour
    ("Berlin did not condemn the arrests.", None, "neutral"),
    ("The ministry refused to condemn the crackdown.", None, "neutral"),
    ("We do not support a government that shoots at its citizens.", None, "concern"),
    ("La France ne condamne pas ces arrestations.", None, "neutral"),
    ("Die Regierung hat die Festnahmen nicht verurteilt.", None, "neutral"),
    ("Anyone who shoots without warning has left the circle of civilized states.", None,
     "condemn"),  # "without" negates "warning", not the condemnation
    # hedges soften a condemnation to concern
    ("The use of force may have been disproportionate.", None, "concern"),
    ("Any foreign deployment would be a grave mistake.", None, "concern"),
    ("Poland would push for sanctions at the earliest opportunity.", None, "condemn"),
    # targets: whom a cue is about
    # condemning the government's opponents is not a condemnation, and never support
    ("China condemns the terrorist attacks on police stations.", None, "neutral"),
    ("We condemn the arrest of the two men on terrorism charges.", None, "condemn"),
    ("Ottawa denounced the detention of its citizens as politically motivated.", None,
     "condemn"),
    # plain condemnations in real statement language
    ("The foreign ministry called the sentence unjust and arbitrary.", None, "condemn"),
    ("Britain accused Beijing of breaching its international obligations.", None, "condemn"),
    ("The decision is a flagrant violation of international law.", None, "condemn"),
    ("Washington rejected the ruling.", None, "condemn"),
    ("We firmly oppose this decision.", None, "condemn"),
    # intensifiers and hedges
    ("Canada is deeply disappointed by the verdict.", None, "concern"),
    ("The charges may be politically motivated.", None, "concern"),
    # military or technical "support" is no backing
    ("Afghan troops called in air support when they were surrounded.", None, "neutral"),
    # sympathy and condolences are neutral
    ("The president offered his condolences to the families of the victims.", None,
     "neutral"),
    ("Russia rejects foreign interference in the country's internal affairs.", None, "support"),
    ("We condemn the violence against peaceful protesters.", None, "condemn"),
    ("We express our support for the protesters and civil society.", None, "concern"),
    ("The EU welcomed the release of the journalists.", None, "concern"),
    ("Moscow welcomed the deployment.", None, "support"),
    # cues as given by the quote extractor
    ("an end to the violence", "called for", "concern"),
    ("de-escalation", "urged", "concern"),
    ('Tokayev\'s "highly responsible" action', "praised", "support"),
    ("the situation in detail", "discussed", "neutral"),
    # nothing to go on
    ("The meeting will take place on Tuesday in Vienna.", None, "neutral"),
    ("", None, "neutral"),
])
def test_rules(text, cue, stance):
    assert classify_stance(text, cue=cue).stance == stance


def test_evidence_names_the_cues():
    st = classify_stance("We are deeply concerned and call for restraint.")
    assert st.stance == "concern"
    assert "deeply concerned" in st.evidence and "restraint" in st.evidence
    assert st.score >= 5
    assert classify_stance("Berlin did not condemn it.").evidence == ("not:condemn",)


def test_textblob_polarity_is_not_the_stance():
    # praise of a crackdown is "positive"; deep concern is "negative": stance tells them apart
    from textblob import TextBlob

    praise = "Beijing praised the highly responsible and effective measures of the government."
    worry = "We are deeply worried and call for an end to the violence."
    assert TextBlob(praise).sentiment.polarity > 0
    assert classify_stance(praise).stance == "support"
    assert TextBlob(worry).sentiment.polarity <= 0
    assert classify_stance(worry).stance == "concern"


def test_find_cues_positions():
    t = "Politicians are appalled, support is coming from Moscow."
    assert [(t[s:e], c) for s, e, c in find_cues(t)] == [("appalled", "condemn"),
                                                        ("support", "support")]
    assert find_cues("") == []


def test_confidence_follows_how_clear_the_cues_are():
    strong = classify_stance("We condemn in the strongest terms this flagrant violation.")
    plain = classify_stance("Britain criticised the decision.")
    hedged = classify_stance("The arrests may have been arbitrary.")
    mixed = classify_stance("We welcome the talks but condemn the arrests.")
    nothing = classify_stance("The vote will take place on Tuesday in Vienna.")
    assert strong.stance == plain.stance == mixed.stance == "condemn"
    assert strong.confidence > plain.confidence > mixed.confidence
    assert hedged.stance == "concern" and hedged.confidence < strong.confidence
    assert nothing.stance == "neutral" and nothing.confidence == 0.5
    assert all(0 <= s.confidence <= 1 for s in (strong, plain, hedged, mixed, nothing))


def test_no_rule_turns_a_condemnation_into_support():
    # condemnations whose object mentions terrorism, provocation or destabilisation stay
    # condemnations of the focus party's act
    for text in ("We condemn the sentencing of the activist on terrorism charges.",
                 "Washington condemned the test as provocative and destabilizing.",
                 "We strongly condemn the detention of the two citizens."):
        assert classify_stance(text).stance == "condemn", text


def test_lexicon_rows_are_checked(tmp_path):
    from coverage_kit.errors import InputError
    from coverage_kit.extract.stance import load_stance_lexicon

    (tmp_path / "stance.xx.tsv").write_text("# comment\ncondemn\t2\tdenounc\\w+\n"
                                            "condem\t2\toops\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"stance\.xx\.tsv:3: expected 'kind<TAB>weight"):
        load_stance_lexicon(tmp_path)
    (tmp_path / "stance.xx.tsv").write_text("condemn\tx\tdenounce\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"stance\.xx\.tsv:1: bad weight"):
        load_stance_lexicon(tmp_path)
    with pytest.raises(InputError, match="no stance"):
        load_stance_lexicon(tmp_path / "empty")
