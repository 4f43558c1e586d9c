"""The seed article (../shared/examples): every quoted statement with the right speaker.

The article text is read from the shared folder, never copied into the repository. Until the
loader cuts site chrome, the body is cut here the way the brief describes: from the lede to
"...left the country.", minus the photo caption lines.
"""

from __future__ import annotations


import pandas as pd
import pytest

from coverage_kit.extract.quotes import extract_quotes, quotes_table

from _shared import SEED, need_shared

CAPTION = ("Enlarge image", "Kazakhstan's President Tokayev")


@pytest.fixture(scope="module")
def body() -> str:
    raw = need_shared(SEED).read_text(encoding="utf-8")
    start = raw.index("Kazakhstan's President Tokayev has ordered")
    end = raw.index("left the country.") + len("left the country.")
    lines = [ln for ln in raw[start:end].split("\n")
             if ln.strip() not in CAPTION and not ln.startswith("Photo:")]
    return "\n".join(lines)


# (start of the quote, speaker, local mention or None when carried over)
DIRECT = [
    ("Of course, this also applies", "Olaf Scholz", "the SPD politician"),
    ("Anyone who allows demonstrators", "Marco Buschmann",
     "Federal Justice Minister Marco Buschmann"),
    ("I gave orders to fire fatal shots", "Kassym-Schomart Tokayev", "Tokayev"),
    ("We are dealing with bandits", "Kassym-Schomart Tokayev", "he"),
    ("That's why they have to be eliminated", "Kassym-Schomart Tokayev", None),
    ("What kind of negotiations", "Kassym-Schomart Tokayev", "Tokayev"),
    ("I am following the situation", "Ursula von der Leyen", "von der Leyen"),
    ("I call for an end to violence", "Ursula von der Leyen", "she"),
    ("The European Union is ready to help", "Ursula von der Leyen", "von der Leyen"),
]


def test_seed_nine_direct_quotes_with_speakers(body):
    direct = [q for q in extract_quotes(body) if q.kind == "direct" and len(q.quote.split()) > 2]
    got = [(q.quote, q.speaker, q.speaker_mention) for q in direct]
    assert len(got) == len(DIRECT), got
    for (quote, speaker, mention), (start, want_speaker, want_mention) in zip(got, DIRECT):
        assert quote.startswith(start)
        assert speaker == want_speaker, quote
        assert mention == want_mention, quote


def test_seed_roles_and_cues(body):
    by_start = {q.quote[:25]: q for q in extract_quotes(body)}
    busch = by_start["Anyone who allows demonst"]
    assert (busch.speaker_role, busch.cue) == ("Federal Justice Minister", "wrote")
    added = by_start["I call for an end to viol"]
    assert (added.cue, added.carried) == ("added", False)
    carried = by_start["That's why they have to b"]
    assert carried.carried and carried.cue is None
    headline = by_start["What kind of negotiations"]
    assert headline.cue == ":"


def test_seed_reported_speech_is_indirect(body):
    quotes = extract_quotes(body)
    indirect = {q.speaker: q for q in quotes if q.kind in ("indirect", "mixed")}
    peskov = indirect["Dmitri Peskov"]
    assert peskov.quote.startswith("that Russia's head of state Vladimir Putin")
    assert peskov.speaker_role == "Kremlin spokesman"
    assert indirect["Xi Jinping"].quote.startswith("China is turning against all forces")
    assert indirect["Belta"].quote.startswith("that Lukashenko and Nazarbayev had")
    # scare quotes inside reported speech do not become quotes of their own
    assert not any(q.quote == "nonsense" for q in quotes)


def test_seed_one_speaker_id_for_every_tokayev(body):
    arts = pd.DataFrame({
        "article_id": ["seed", "other"],
        "outlet": ["Der Spiegel", "Example Wire"],
        "published": pd.to_datetime(["2022-01-07", "2022-01-08"], utc=True),
        # a second article spells him the official way and by surname only
        "text": [body, '"Order is restored," Kassym-Jomart Tokayev said. '
                       '"The terrorists were foreign-trained," Tokayev added.'],
    })
    table = quotes_table(arts)
    toka = table[table["speaker"].str.contains("Tokayev", na=False)]
    assert set(toka["speaker"]) >= {"Kassym-Schomart Tokayev", "Kassym-Jomart Tokayev"}
    assert toka["speaker_id"].nunique() == 1
    vdl = table[table["speaker"] == "Ursula von der Leyen"]
    assert (vdl["kind"] == "direct").sum() == 3 and vdl["speaker_id"].nunique() == 1
    # "von der Leyen and French President Emmanuel Macron called for …": a row for each
    joint = table[table["speaker_mention"].str.contains(" and French President", na=False)]
    assert set(joint["speaker"]) == {"Ursula von der Leyen", "Emmanuel Macron"}
    assert joint[["start", "end"]].drop_duplicates().shape[0] == 1
