"""The loader decides plainly English texts without the language detector: the language
column must be what the detector would have given."""

from __future__ import annotations

import warnings

import pytest

from coverage_kit import loader

from _shared import HTML_DIR, POLNEAR, SAMPLE, SEED, SHARED, need_shared

_ENGLISH_LEAD = (
    "Kazakhstan unrest: Russia sends troops\n"
    "Russian-led troops arrived in Kazakhstan on Thursday after the president asked for help "
    "to quell protests that began over fuel prices and turned into the worst unrest the former "
    "Soviet republic has seen in its three decades of independence. Dozens of protesters and "
    "at least 18 members of the security forces have been killed, officials said, and the "
    "government said it had restored order in most of the country by Friday.")
_GERMAN_LEAD = (
    "Unruhen in Kasachstan: Russland schickt Truppen\n"
    "Von Russland geführte Truppen sind am Donnerstag in Kasachstan eingetroffen, nachdem der "
    "Präsident um Hilfe gebeten hatte, um die Proteste niederzuschlagen, die sich an den "
    "Treibstoffpreisen entzündet hatten. Dutzende Demonstranten und mindestens 18 Angehörige "
    "der Sicherheitskräfte wurden nach Angaben der Behörden getötet.")


def test_english_lead_is_clear_and_german_is_not():
    assert loader._clearly_english(_ENGLISH_LEAD)
    assert not loader._clearly_english(_GERMAN_LEAD)
    assert not loader._clearly_english("Russia sends troops to Kazakhstan")  # too short to say


@pytest.mark.parametrize("given, text, expected", [
    ("en", _ENGLISH_LEAD, ("en", "metadata")),
    (None, _ENGLISH_LEAD, ("en", "detected")),
    ("en", _GERMAN_LEAD, ("de", "corrected")),  # a wrong language field is still corrected
    (None, _GERMAN_LEAD, ("de", "detected")),
    ("de", _ENGLISH_LEAD, ("en", "corrected")),
])
def test_language_and_its_source(given, text, expected):
    norm = loader._Normaliser(loader._Options("auto", "skip", None, None, True,
                                              loader.readers.Limits()))
    title, body = text.split("\n", 1)
    assert norm.language(given, title, body) == expected


@pytest.mark.parametrize("source", [POLNEAR, SHARED / "data" / "giveme5w1h_gold", HTML_DIR,
                                    SEED, SAMPLE])
def test_shortcut_agrees_with_the_detector_on_real_corpora(source):
    need_shared(source)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = loader.load_articles(source, on_error="skip", progress=False).articles
    decided = 0
    for title, text in zip(arts["title"], arts["text"]):
        sample = f"{title or ''}\n{text or ''}"
        if loader._clearly_english(sample):
            decided += 1
            assert loader.detect_language(sample) == "en", sample[:200]
    assert decided >= 0.8 * (arts["language"] == "en").sum()
