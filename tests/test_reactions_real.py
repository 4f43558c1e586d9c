"""International reactions on real news: the hand-annotated dev set, and the floors it pins.

The gold set is ``tests/data/reactions_real_gold.jsonl`` (see ``README_reactions_gold.md``
beside it); ``benchmarks/bench_reactions_real.py`` loads each article from ``../shared``, runs
``reactions_table`` with the annotated focus and scores it. The floors in
``tests/data/reactions_real_floors.json`` start at the measured values minus a small margin;
raise them when the extractor improves, never lower them silently.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path

import pycountry
import pytest

from _shared import ROOT, SHARED, need_shared

from coverage_kit.schema import STANCES

DATA = Path(__file__).with_name("data")
GOLD = DATA / "reactions_real_gold.jsonl"
FLOORS = json.loads((DATA / "reactions_real_floors.json").read_text(encoding="utf-8"))


def _bench():
    spec = importlib.util.spec_from_file_location(
        "bench_reactions_real", ROOT / "benchmarks" / "bench_reactions_real.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, mod)  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return sys.modules[spec.name]


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _org_codes() -> set[str]:
    with open(ROOT / "data" / "organisations.csv", encoding="utf-8") as fh:
        return {row["code"] for row in csv.DictReader(fh)}


# --------------------------------------------------------------------------------------------
# the gold file itself (no corpus needed)
# --------------------------------------------------------------------------------------------

def test_gold_set_size_and_share_of_hard_negatives():
    gold = _gold()
    assert len(gold) >= 60
    assert len({g["doc"] for g in gold}) == len(gold), "an article is annotated twice"
    hard = [g for g in gold if g["hard_negative"]]
    assert len(hard) * 3 >= len(gold), f"only {len(hard)} hard negatives in {len(gold)}"
    for g in hard:
        assert not [r for r in g["reactions"] if not r.get("optional")], g["doc"]
    sources = {g["doc"].split("/")[1] if g["doc"].startswith("data/") else g["doc"].split("/")[0]
               for g in gold}
    assert {"polnear", "giveme5w1h_gold", "examples"} <= sources


def test_gold_labels_are_well_formed():
    orgs = _org_codes()
    for g in _gold():
        where = g["doc"]
        assert pycountry.countries.get(alpha_3=g["focus"]) is not None, where
        assert g["support"].strip(), f"{where}: say what support means"
        for r in g["reactions"]:
            c = r["country"]
            assert c in orgs or pycountry.countries.get(alpha_3=c) is not None, (where, c)
            assert c != g["focus"], f"{where}: the focus country cannot react to itself"
            assert r["stance"] in STANCES, (where, r)
            if "alt_stance" in r:
                assert r["alt_stance"] in STANCES and r["alt_stance"] != r["stance"], (where, r)
            assert 0 <= r["start"] < r["end"], (where, r)
            assert r["speaker"].strip(), (where, r)


def test_gold_stores_no_article_text():
    # at most 12 words of evidence per reaction; nothing else carries article text
    for g in _gold():
        for r in g["reactions"]:
            assert len(r["evidence"].split()) <= 12, (g["doc"], r["evidence"])
            assert set(r) <= {"country", "speaker", "stance", "alt_stance", "optional", "start",
                              "end", "evidence", "why"}, (g["doc"], sorted(r))


# --------------------------------------------------------------------------------------------
# against the real corpora
# --------------------------------------------------------------------------------------------

def test_offsets_point_at_the_evidence_in_the_raw_sources():
    need_shared(SHARED / "data" / "polnear")
    bench = _bench()
    for g in _gold():
        path = need_shared(SHARED / g["doc"])
        raw = bench.raw_source(g["doc"], SHARED)
        for r in g["reactions"]:
            sentence = raw[r["start"]:r["end"]]
            assert r["evidence"] in sentence, (str(path), r["evidence"], sentence[:80])
            # a span is one sentence or consecutive sentences of one paragraph
            assert "\n" not in sentence.strip(), (str(path), r["evidence"])


@pytest.fixture(scope="module")
def real_scores():
    need_shared(SHARED / "data" / "polnear")
    need_shared(SHARED / "data" / "giveme5w1h_gold")
    need_shared(SHARED / "examples" / "html")
    bench = _bench()
    scores, how = bench.run(GOLD, SHARED)
    return scores, how


def test_every_gold_sentence_is_found_in_the_loaded_article(real_scores):
    scores, how = real_scores
    assert len(how) == scores.n_articles
    # the scorer matches by sentence: a gold sentence it cannot find would silently drop out
    # of the stance figure
    assert scores.gold_not_located == 0


@pytest.mark.parametrize("name", ["country_precision", "country_recall", "country_f1",
                                  "stance_accuracy"])
def test_real_dev_set_floor(real_scores, name):
    scores, _ = real_scores
    got = scores.figures()[name]
    assert got >= FLOORS[name], (
        f"{name} on the real reactions dev set fell to {got:.3f} (floor {FLOORS[name]}); "
        f"run benchmarks/bench_reactions_real.py for the error list")


def test_hard_negatives_floor(real_scores):
    # share of negatives where no foreign reactor is invented
    scores, _ = real_scores
    clean = 1 - scores.negatives_with_fp / scores.n_negatives
    assert clean >= FLOORS["negatives_clean"], (
        f"{scores.negatives_with_fp} of {scores.n_negatives} negatives got a false reactor")


def test_scorer_rules_on_a_small_invented_case():
    # two invented articles: one with reactions (one optional, one with an alt stance), one
    # hard negative
    import pandas as pd

    bench = _bench()
    text = ("Country A closed its border. Minister Alpha of Beeland condemned the closure. "
            "Senator Gamma of Ceeland criticised it too. Deeland's spokesman voiced concern.")
    neg = "Country A held a parade. Beeland's team won a football match."
    gold = [
        {"doc": "x/one.txt", "focus": "AAA", "hard_negative": False, "reactions": [
            {"country": "BEL", "speaker": "Minister Alpha", "stance": "condemn",
             "evidence": "condemned the closure"},
            {"country": "CAN", "speaker": "Senator Gamma", "stance": "condemn", "optional": True,
             "evidence": "criticised it too"},
            {"country": "DEU", "speaker": "Deeland's spokesman", "stance": "concern",
             "alt_stance": "neutral", "evidence": "voiced concern"}]},
        {"doc": "x/two.txt", "focus": "AAA", "hard_negative": True, "reactions": []},
    ]
    arts = pd.DataFrame({"article_id": ["a1", "a2"], "text": [text, neg]})

    def row(aid, country, stance, phrase, doc_text, relevant=True):
        s = doc_text.index(phrase)
        return {"article_id": aid, "country": country, "stance": stance, "actor": "x",
                "text": phrase, "start": s, "end": s + len(phrase), "domestic": False,
                "relevant": relevant}

    table = pd.DataFrame([
        row("a1", "BEL", "concern", "condemned the closure", text),  # right country, wrong stance
        row("a1", "CAN", "condemn", "criticised it too", text),  # optional: no false positive
        row("a1", "DEU", "neutral", "voiced concern", text),  # the alt stance: correct
        row("a2", "BEL", "neutral", "team won a football match", neg),  # hard negative: fp
        row("a2", "ESP", "neutral", "held a parade", neg, relevant=False),  # off-topic: ignored
    ])
    sc = bench.score(gold, arts, table)
    assert (sc.tp, sc.fp, sc.fn) == (2, 1, 0)
    assert (sc.stance_matched, sc.stance_correct) == (2, 1)
    assert sc.confusion[("condemn", "concern")] == 1 and sc.negatives_with_fp == 1
    kinds = sorted(e[1] for e in sc.errors)
    assert kinds == ["false country", "stance"]
