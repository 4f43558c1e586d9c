"""Small, realistic tables for testing tables, charts and the report without the extractors.

Everything here is invented, like the sample corpus: the Veldavia crisis of 3-20 March 2025
(capital Korvany, President Teodor Valkan, opposition leader Ilona Brask, the Eastern Security
Compact). Outlets, countries and organisations are real names; every person is invented.
Tables go through :func:`coverage_kit.schema.conform`, so they have the declared dtypes.
"""

from __future__ import annotations

import pandas as pd

from coverage_kit import schema

OUTLETS = ["Reuters", "AP", "BBC News", "Deutsche Welle", "TASS", "Al Jazeera", "Xinhua",
           "France 24"]
OUTLET_COUNTRY = {"Reuters": "GBR", "AP": "USA", "BBC News": "GBR", "Deutsche Welle": "DEU",
                  "TASS": "RUS", "Al Jazeera": "QAT", "Xinhua": "CHN", "France 24": "FRA"}
OUTLET_DTYPE = pd.CategoricalDtype(OUTLETS, ordered=True)

# (outlet, published UTC, story, title, text)
_ARTICLES = [
    ("Reuters", "2025-03-03 09:12", "s-vote", "Veldavia parliament passes disputed electoral law",
     "KORVANY (Reuters) - Veldavia's parliament passed a disputed electoral law on Monday. "
     "Opposition leader Ilona Brask called the vote \"a theft in broad daylight\"."),
    ("AP", "2025-03-03 10:40", "s-vote", "Veldavia lawmakers pass contested election law",
     "KORVANY, Veldavia (AP) - Lawmakers in Veldavia passed a contested electoral law. "
     "Ilona Brask called the vote \"a theft in broad daylight\"."),
    ("BBC News", "2025-03-04 18:05", "s-protest1", "Thousands rally in Korvany",
     "Tens of thousands of protesters filled Liberty Square in Korvany on Tuesday evening."),
    ("Deutsche Welle", "2025-03-05 07:30", "s-protest2", "Protests spread to Maresk",
     "Protests against the electoral law spread to Maresk, Veldavia's second city."),
    ("Reuters", "2025-03-06 02:15", "s-clear", "Veldavian troops clear Liberty Square",
     "KORVANY (Reuters) - Troops cleared Liberty Square before dawn on Thursday. President "
     "Teodor Valkan said: \"We will restore order in every street of Korvany.\""),
    ("AP", "2025-03-06 03:02", "s-clear", "Troops clear protest square in Veldavia capital",
     "KORVANY (AP) - Troops cleared the main protest square. President Teodor Valkan said: "
     "\"We will restore order in every street of Korvany.\""),
    ("TASS", "2025-03-06 06:45", "s-tass1", "Veldavia restores order in capital",
     "MOSCOW - Veldavian authorities restored order in Korvany. \"We will restore order in "
     "every street of Korvany,\" Todor Valkan said."),
    ("BBC News", "2025-03-06 08:20", "s-bbc-clear", "Deaths reported as Veldavia clears square",
     "Doctors in Korvany reported at least 14 deaths after troops moved in. \"The world must "
     "not look away,\" said Ilona Brask."),
    ("Al Jazeera", "2025-03-06 11:00", "s-aj1", "Veldavia crackdown: what we know",
     "Internet access was cut across Veldavia on Thursday. \"We will restore order in every "
     "street of Korvany,\" the Veldavian leader said."),
    ("Deutsche Welle", "2025-03-06 13:30", "s-dw-react", "Germany condemns Veldavia violence",
     "Chancellor Hanna Lorenz condemned the violence in Korvany. \"This is unacceptable,\" she "
     "said."),
    ("France 24", "2025-03-06 15:10", "s-f24-react", "Paris summons Veldavian ambassador",
     "France summoned Veldavia's ambassador. \"The violence must stop now,\" the foreign "
     "ministry said."),
    ("Xinhua", "2025-03-07 04:00", "s-xh1", "China calls for restraint in Veldavia",
     "BEIJING - China called on all sides in Veldavia to exercise restraint. Spokesperson "
     "Lin Hao (林浩) said Beijing opposes interference in Veldavia's internal affairs."),
    ("Reuters", "2025-03-07 09:00", "s-un", "UN chief alarmed by Veldavia deaths",
     "The UN Secretary-General said he was \"deeply alarmed\" by the deaths in Korvany."),
    ("TASS", "2025-03-07 12:30", "s-tass2", "Moscow backs Korvany's efforts",
     "Russia said it supports the Veldavian government's efforts to restore stability."),
    ("Reuters", "2025-03-08 07:45", "s-arrest", "Veldavia arrests opposition leader Brask",
     "Ilona Brask was arrested at her home in Korvany on Saturday, her lawyer said."),
    ("AP", "2025-03-08 08:30", "s-arrest", "Veldavian opposition leader Brask arrested",
     "Ilona Brask was arrested at her home in Korvany on Saturday, her lawyer said."),
    ("BBC News", "2025-03-08 10:15", "s-bbc-arrest", "Who is Ilona Brask?",
     "Ilona Brask, 44, led the protests against the electoral law. \"The world must not "
     "look away,\" she told supporters last week."),
    ("Deutsche Welle", "2025-03-09 09:00", "s-esc", "Security bloc sends troops to Veldavia",
     "The Eastern Security Compact (ESC) began deploying peacekeepers at Valkan's request."),
    ("TASS", "2025-03-09 10:20", "s-esc-tass", "ESC peacekeepers arrive in Veldavia",
     "ESC peacekeepers arrived at Korvany airport. \"Our mission is to protect civilians,\" "
     "the ESC secretary general said."),
    ("Al Jazeera", "2025-03-10 14:00", "s-aj-border", "Veldavia closes its borders",
     "Veldavia closed its land borders on Monday, stranding thousands of travellers."),
    ("France 24", "2025-03-11 16:45", "s-f24-eu", "EU weighs sanctions on Veldavia",
     "European Union foreign ministers discussed travel bans on Veldavian officials."),
    ("Reuters", "2025-03-14 11:30", "s-talks", "Veldavia signals openness to talks",
     "Veldavia's government said it was ready to talk to the opposition."),
    ("BBC News", "2025-03-18 12:00", "s-talks2", "Veldavia begins talks with opposition",
     "Talks between the government and the opposition began in Maresk on Tuesday."),
    ("Xinhua", "2025-03-19 06:00", "s-xh2", "Veldavia reopens border crossings",
     "Veldavia reopened two border crossings on Wednesday, state media said."),
    ("Deutsche Welle", "2025-03-20", "s-dw-end", "Veldavia lifts internet shutdown",
     "Internet access returned across Veldavia after two weeks."),
]


def articles_frame() -> pd.DataFrame:
    """25 articles from 8 outlets, 3-20 March 2025, with two syndicated wire stories."""
    rows = []
    for i, (outlet, when, story, title, text) in enumerate(_ARTICLES, start=1):
        date_only = len(when) == 10
        rows.append({
            "article_id": f"a{i:03d}",
            "title": title,
            "text": text,
            "published": pd.Timestamp(when, tz="UTC"),
            "published_precision": "date" if date_only else "timestamp",
            "outlet": outlet,
            "outlet_country": OUTLET_COUNTRY[outlet],
            "outlet_language": "en",
            "outlet_source": "registry",
            "aggregator": pd.NA,
            "wires": ["Reuters"] if "(Reuters)" in text else (["AP"] if "(AP)" in text else []),
            "author": pd.NA,
            "url": f"https://example.org/{outlet.lower().replace(' ', '-')}/{i}",
            "language": "en",
            "story_id": story,
            "source_path": "tests/_frames.py",
            "source_line": i,
            "n_words": len(text.split()),
            "format": "table",
            "published_offset": pd.NA, "language_source": "metadata", "chrome_lines": 0,
        })
    df = schema.conform(pd.DataFrame(rows), schema.ARTICLES, name="articles")
    df["outlet"] = pd.Categorical(df["outlet"].astype(str), dtype=OUTLET_DTYPE)
    return df


# (article index, quote, speaker, speaker_id, polarity)
_QUOTES = [
    (1, "a theft in broad daylight", "Ilona Brask", "brask", -0.2),
    (2, "a theft in broad daylight", "Ilona Brask", "brask", -0.2),
    (5, "We will restore order in every street of Korvany.", "Teodor Valkan", "valkan", 0.0),
    (6, "We will restore order in every street of Korvany.", "Teodor Valkan", "valkan", 0.0),
    (7, "We will restore order in every street of Korvany,", "Todor Valkan", "valkan", 0.0),
    (9, "We will restore order in every street of Korvany,", "Teodor Valkan", "valkan", 0.0),
    (8, "The world must not look away,", "Ilona Brask", "brask", 0.0),
    (17, "The world must not look away,", "Ilona Brask", "brask", 0.0),
    (10, "This is unacceptable,", "Hanna Lorenz", "lorenz", -0.5),
    (11, "The violence must stop now,", pd.NA, pd.NA, 0.0),
    (12, "Beijing opposes interference in Veldavia's internal affairs", "林浩", "lin-hao", 0.0),
    (13, "deeply alarmed", "Amara Osei", "osei", -0.1),
    (19, "Our mission is to protect civilians,", "Pavel Drozd", "drozd", 0.0),
    (15, "was arrested at her home", "Ilona Brask's lawyer", "brask-lawyer", 0.0),
]


def quotes_frame() -> pd.DataFrame:
    """14 quotes: a Valkan quote picked up by 4 outlets, a Brask quote by 2, a CJK name."""
    arts = articles_frame().set_index("article_id")
    rows = []
    for idx, quote, speaker, sid, pol in _QUOTES:
        aid = f"a{idx:03d}"
        a = arts.loc[aid]
        start = max(0, str(a["text"]).find(quote.rstrip(",.")))
        rows.append({
            "article_id": aid, "outlet": a["outlet"], "published": a["published"],
            "quote": quote, "start": start, "end": start + len(quote),
            "kind": "direct", "speaker": speaker, "speaker_id": sid,
            "speaker_mention": speaker, "speaker_start": pd.NA, "speaker_end": pd.NA,
            "carried": False, "cue": "said", "cue_start": pd.NA, "cue_end": pd.NA,
            "speaker_role": pd.NA, "speaker_type": "person",
            "polarity": pol, "subjectivity": abs(pol) + 0.1,
        })
    df = schema.conform(pd.DataFrame(rows), schema.QUOTES, name="quotes")
    df["outlet"] = pd.Categorical(df["outlet"].astype(str), dtype=OUTLET_DTYPE)
    return df


# (article index, country, actor, kind, stance, domestic, polarity)
_REACTIONS = [
    (10, "DEU", "Hanna Lorenz", "state", "condemn", False, -0.5),
    (11, "FRA", "French foreign ministry", "state", "condemn", False, -0.3),
    (12, "CHN", "Lin Hao", "state", "neutral", False, 0.0),
    (13, "UN", "Amara Osei", "organisation", "concern", False, -0.2),
    (14, "RUS", "Russian foreign ministry", "state", "support", False, 0.3),
    (19, "ESC", "Pavel Drozd", "organisation", "support", False, 0.1),
    (21, "EU", "EU foreign ministers", "organisation", "condemn", False, -0.2),
    (9, "QAT", "Qatari foreign ministry", "state", "concern", False, -0.1),
    (5, "XVA", "Teodor Valkan", "state", "support", True, 0.0),
    (18, "LUX", "Luxembourg foreign ministry", "state", "concern", False, -0.1),
    (3, "GBR", "British Foreign Office", "state", "concern", False, -0.1),
]


def reactions_frame() -> pd.DataFrame:
    """11 statements: 7 countries, 3 organisations, 1 domestic statement by Veldavia."""
    arts = articles_frame().set_index("article_id")
    rows = []
    for idx, country, actor, kind, stance, domestic, pol in _REACTIONS:
        aid = f"a{idx:03d}"
        a = arts.loc[aid]
        rows.append({
            "article_id": aid, "outlet": a["outlet"], "outlet_country": a["outlet_country"],
            "published": a["published"], "focus": "XVA", "country": country, "actor": actor,
            "actor_role": pd.NA, "actor_kind": kind, "stance": stance, "domestic": domestic,
            "polarity": pol, "subjectivity": abs(pol), "text": str(a["text"])[:120],
            "start": 0, "end": 120, "cue": "said",
        })
    df = schema.conform(pd.DataFrame(rows), schema.REACTIONS, name="reactions")
    df["outlet"] = pd.Categorical(df["outlet"].astype(str), dtype=OUTLET_DTYPE)
    return df


def entities_frame() -> pd.DataFrame:
    """Non-ISO codes of the Veldavia corpus (as ``data/sample/entities.csv`` declares them)."""
    return pd.DataFrame({
        "code": ["XVA", "ESC"],
        "name": ["Veldavia", "Eastern Security Compact"],
        "aliases": ["Republic of Veldavia", "ESC"],
        "kind": ["country", "organisation"],
        "demonyms": ["Veldavian", ""],
        "capital": ["Korvany", ""],
    })


def empty_like(df: pd.DataFrame) -> pd.DataFrame:
    """No rows, same columns and dtypes (outlet categories kept)."""
    return df.iloc[0:0].copy()


def one_row(df: pd.DataFrame, i: int = 0) -> pd.DataFrame:
    return df.iloc[[i]].reset_index(drop=True)
