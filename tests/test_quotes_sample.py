"""The bundled sample corpus (invented) against its answer key: quotes, kinds, speakers.

``data/sample/answer_key.json`` lists, per article, the quotes a reader finds (content, kind,
speaker, local mention, cue) and phrases in quotation marks that are *not* quotes. Scores
are pinned a little below what the extractor reaches, so a regression fails.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from coverage_kit.extract.quotes import extract_quotes

ROOT = Path(__file__).resolve().parents[1]
KEY = ROOT / "data" / "sample" / "answer_key.json"


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def _same_quote(gold: str, pred: str) -> bool:
    g, p = _norm(gold), _norm(pred)
    if not g or not p:
        return False
    return g in p and len(g) >= 0.5 * len(p) or p in g and len(p) >= 0.5 * len(g)


def _surname(name: str | None) -> str:
    return _norm(name or "").split(" ")[-1] if name else ""


@pytest.fixture(scope="module")
def evaluation(sample_load):
    articles = sample_load.articles if hasattr(sample_load, "articles") else sample_load[0]
    key = json.loads(KEY.read_text(encoding="utf-8"))
    texts = {(str(o), t): x for o, t, x in zip(articles["outlet"], articles["title"],
                                               articles["text"])}
    stats = {"gold": 0, "found": 0, "kind": 0, "named": 0, "speaker": 0, "not_quotes": 0,
             "false_quotes": []}
    for art in key["articles"]:
        gold = art.get("quotes") or []
        text = texts.get((art["outlet"], art["title"]))
        if text is None or not (gold or art.get("not_quotes")):
            continue
        preds = extract_quotes(text)
        for g in gold:
            stats["gold"] += 1
            hit = next((p for p in preds if _same_quote(g["quote"], p.quote)), None)
            if hit is None:
                continue
            stats["found"] += 1
            stats["kind"] += hit.kind == g["kind"]
            if g.get("speaker") and len(g["speaker"].split()) >= 2:
                stats["named"] += 1
                stats["speaker"] += _surname(hit.speaker) == _surname(g["speaker"])
        for phrase in art.get("not_quotes") or []:
            stats["not_quotes"] += 1
            if any(_norm(p.quote) == _norm(phrase) for p in preds):
                stats["false_quotes"].append(phrase)
    return stats


def test_sample_quotes_are_found(evaluation):
    assert evaluation["gold"] >= 150
    assert evaluation["found"] / evaluation["gold"] >= 0.82


def test_sample_quote_kinds(evaluation):
    assert evaluation["kind"] / evaluation["found"] >= 0.85


def test_sample_named_speakers(evaluation):
    assert evaluation["speaker"] / evaluation["named"] >= 0.60


def test_sample_scare_quotes_and_titles_are_not_quotes(evaluation):
    assert evaluation["not_quotes"] >= 3
    assert evaluation["false_quotes"] == []
