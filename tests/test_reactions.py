"""International reactions: the seed article, action sentences, focus, the table, the sample."""

from __future__ import annotations

import json
import re
import warnings
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from coverage_kit.extract.reactions import (
    Reaction,
    corpus_focus,
    detect_focus,
    extract_reactions,
    focus_scores,
    reactions_table,
)
from coverage_kit.errors import SchemaError
from coverage_kit.schema import REACTIONS, REACTIONS_EXTRA, STANCES

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
#: Sentences below are tried as lines of an article about the focus: its title names it (an
#: article that never names the focus is not about it, see test_statements_about_...).
KAZ_TITLE = "Unrest in Kazakhstan"
FLOORS = json.loads((Path(__file__).parent / "data" / "reactions_floors.json").read_text())


def seed_body(seed_path: Path) -> tuple[str, str]:
    """Title and body of the seed page: between the timestamp line and the credit line."""
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    i = next(i for i, ln in enumerate(lines) if re.match(r"\d{4}-\d\d-\d\dT\d\d:", ln))
    j = next(j for j, ln in enumerate(lines) if ln.strip().startswith("sol / dpa"))
    title = next(ln for ln in reversed(lines[:i]) if ln.strip())
    return title, "\n".join(ln for ln in lines[i + 1:j] if ln.strip())


@pytest.fixture(scope="module")
def seed(seed_path):
    """The seed page read by the loader (aggregator format): title, body, reactions."""
    from coverage_kit.loader import load_articles

    art = load_articles(seed_path).articles.iloc[0]
    return art["title"], art["text"], extract_reactions(
        art["text"], title=art["title"], published=art["published"], domestic=True)


def test_seed_plain_text_cut_gives_the_same_reactions(seed, seed_path):
    """Without the loader: the body between the timestamp and the credit line."""
    title, body = seed_body(seed_path)
    rs = extract_reactions(body, title=title, published="2022-01-07")
    assert {(r.country, r.stance) for r in rs} == {
        (r.country, r.stance) for r in seed[2] if not r.domestic}


def _main_stance(rs: list[Reaction]) -> str:
    """Most frequent substantive stance; neutral only when there is nothing else."""
    c = Counter(r.stance for r in rs if r.stance != "neutral")
    if not c:
        return "neutral"
    return max(c, key=lambda s: (c[s], -STANCES.index(s)))


# ---------------------------------------------------------------------------------------------
# The seed article (focus KAZ)
# ---------------------------------------------------------------------------------------------


def test_seed_focus_is_kazakhstan(seed):
    title, body, rs = seed
    assert detect_focus(body, title=title) == "KAZ"
    assert {r.focus for r in rs} == {"KAZ"}


def test_seed_reacting_countries(seed):
    _, _, rs = seed
    reacting = {r.country for r in rs if not r.domestic}
    assert reacting == {"DEU", "EU", "FRA", "CHN", "RUS", "CSTO", "BLR"}


def test_seed_kazakhstan_is_domestic_not_a_reaction(seed):
    title, body, rs = seed
    kaz = [r for r in rs if r.country == "KAZ"]
    assert kaz and all(r.domestic for r in kaz)
    assert any(r.actor == "Kassym-Jomart Tokayev" for r in kaz)
    # left out by default
    assert "KAZ" not in {r.country for r in extract_reactions(body, title=title)}


@pytest.mark.parametrize("actor, stance", [
    ("Olaf Scholz", "concern"),
    ("Marco Buschmann", "condemn"),
])
def test_seed_german_actors(seed, actor, stance):
    _, _, rs = seed
    mine = [r for r in rs if r.actor == actor]
    assert mine, actor
    assert {r.country for r in mine} == {"DEU"}
    assert _main_stance(mine) == stance


@pytest.mark.parametrize("country, stance", [
    ("EU", "concern"), ("FRA", "concern"), ("CHN", "support"), ("RUS", "support"),
    ("CSTO", "support"), ("BLR", "neutral"),
])
def test_seed_country_stances(seed, country, stance):
    _, _, rs = seed
    assert _main_stance([r for r in rs if r.country == country and not r.domestic]) == stance


def test_seed_actors_and_roles(seed):
    _, _, rs = seed
    who = {(r.country, r.actor, r.actor_role) for r in rs}
    assert ("EU", "Ursula von der Leyen", "commission president") in who
    assert ("FRA", "Emmanuel Macron", "president") in who
    assert ("CHN", "Xi Jinping", "president") in who
    assert ("BLR", "Alexander Lukashenko", "president") in who
    assert ("RUS", "Dmitry Peskov", "spokesperson") in who


def test_seed_offsets_point_at_the_statement(seed):
    _, body, rs = seed
    for r in rs:
        assert body[r.start:r.end] == r.text
        assert -1 <= r.polarity <= 1 and 0 <= r.subjectivity <= 1
        assert r.stance in STANCES
        assert r.actor_kind in ("state", "organisation")


def test_seed_quote_and_action_of_one_sentence_are_one_reaction(seed):
    _, body, rs = seed
    # "Federal Justice Minister Marco Buschmann (FDP) wrote on Twitter: "Anyone who ...""
    busch = [r for r in rs if r.actor == "Marco Buschmann"]
    assert len(busch) == 1
    assert busch[0].text.startswith("Anyone who allows demonstrators")
    keys = [(body[:r.start].count("\n"), r.country, r.start) for r in rs]
    assert len(keys) == len(set(keys))


# ---------------------------------------------------------------------------------------------
# Sentences: quoted and reported reactions, actions, and sentences that must yield nothing
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Lukashenko also phoned Nazarbayev on Friday.", [("BLR", "neutral")]),
    ("The CSTO sent troops at the request of the government.", [("CSTO", "support")]),
    ("Xi praised Tokayev's decisive measures.", [("CHN", "support")]),
    ("Germany condemned the killings of protesters.", [("DEU", "condemn")]),
    ("The White House said it was deeply concerned by the violence.", [("USA", "concern")]),
    ("Backing came from Moscow and Beijing.", [("RUS", "support"), ("CHN", "support")]),
    ('"We call on all sides to show restraint," a NATO spokesperson said.',
     [("NATO", "concern")]),
    ("Downing Street summoned the Kazakh ambassador.", [("GBR", "condemn")]),
    ("Politicians in Paris are appalled.", [("FRA", "condemn")]),
    ("UN Secretary-General António Guterres urged an end to the violence.",
     [("UN", "concern")]),
    ("According to Interfax, Kremlin spokesman Dmitri Peskov said Russia backed the "
     "government.", [("RUS", "support")]),
    ("Japan's foreign ministry advised citizens to avoid travel to the country.",
     [("JPN", "neutral")]),
    ("Die Bundesregierung verurteilte die Gewalt aufs Schärfste.", [("DEU", "condemn")]),
    ("Le Quai d'Orsay appelle à la retenue.", [("FRA", "concern")]),
    # nothing: datelines, places, the focus country's own side, scare quotes, no actor
    ("Almaty (dpa/AFP) - Troops were deployed.", []),
    ("Protests spread to Berlin and Paris on Saturday.", []),
    ("The announcement caused outrage in Germany and Europe.", []),
    ("State media called the protests \"terrorism\".", []),
    ("Kazakh police detained 4,000 people, the interior ministry said.", []),
    ("Flights from Moscow were cancelled.", []),
    ("The European Union is expected to agree sanctions on Monday.", []),
    ("Asked about the arrival of troops from the Moscow-led alliance, she declined to comment.",
     []),
    ("German carmaker BMW said it had halted deliveries.", []),
    ("Russian troops arrived at the request of the government.", [("RUS", "support")]),
])
def test_sentences(text, expected):
    # one sentence of an article about the focus (the title says so)
    got = [(r.country, r.stance) for r in extract_reactions(text, focus="KAZ",
                                                             title=KAZ_TITLE)]
    assert sorted(got) == sorted(expected)


def test_second_speaker_inside_a_long_quote_span():
    text = ('EU foreign policy chief Josep Borrell said they were "a chance that must not be '
            'wasted," while Moscow said the dialogue showed the government had the situation '
            'under control.')
    got = {(r.country, r.actor) for r in extract_reactions(text, focus="KAZ", title=KAZ_TITLE)}
    assert got == {("EU", "Josep Borrell"), ("RUS", "Moscow")}


def test_alliance_refers_back_to_the_last_organisation():
    text = ("The Collective Security Treaty Organization (CSTO) flew troops in. "
            "The alliance said 2,500 soldiers would support the security forces.")
    rs = extract_reactions(text, focus="KAZ", title=KAZ_TITLE)
    assert [r.country for r in rs] == ["CSTO", "CSTO"]
    assert rs[1].actor == "Collective Security Treaty Organization"


def test_dateline_is_not_an_actor():
    text = "BRUSSELS — EU diplomats condemned the arrests on Friday."
    assert [(r.country, r.actor) for r in extract_reactions(text, focus="KAZ", title=KAZ_TITLE)] == [
        ("EU", "EU diplomats")]
    assert extract_reactions("MOSCOW, March 9 (Reuters) - Troops were deployed.",
                             focus="KAZ") == []


def test_place_in_a_speaker_title_is_not_the_speaker():
    text = ("Kazakhstan's ambassador in Washington, Erlan Sadykov, said that foreign media had "
            '"presented a one-sided picture of events."')
    rs = extract_reactions(text, focus="KAZ", domestic=True)
    assert {r.country for r in rs} == {"KAZ"} and all(r.domestic for r in rs)


def test_commission_refers_back_only_to_a_commission():
    text = ("OSCE observers criticised the count. Turnout was 61%, the commission said.")
    assert [r.country for r in extract_reactions(text, focus="KAZ", title=KAZ_TITLE)] == ["OSCE"]
    text = ("The European Commission proposed sanctions. The commission said it would act.")
    assert [r.country for r in extract_reactions(text, focus="KAZ", title=KAZ_TITLE)] == ["EU", "EU"]


def test_names_learnt_from_titles_carry_over():
    text = ("Veldavia's President spoke on television. Polish Foreign Minister Jan Zborowski "
            "condemned the arrests. Zborowski said Warsaw would push for sanctions.")
    rs = extract_reactions(text, focus="XVA", actors=SAMPLE)
    assert [(r.country, r.actor) for r in rs] == [("POL", "Jan Zborowski")] * 2


def test_published_date_picks_the_role():
    text = "Olaf Scholz said he was deeply concerned."
    assert extract_reactions(text, focus="KAZ", published="2020-06-01",
                             title=KAZ_TITLE)[0].actor_role == \
        "finance minister"
    assert extract_reactions(text, focus="KAZ", published="2022-01-07",
                             title=KAZ_TITLE)[0].actor_role == "chancellor"


def test_empty_and_wrong_input():
    assert extract_reactions("", focus="KAZ") == []
    assert extract_reactions("   \n ") == []
    with pytest.raises(TypeError, match="expects a str"):
        extract_reactions(None)


# ---------------------------------------------------------------------------------------------
# Focus
# ---------------------------------------------------------------------------------------------


def test_focus_title_and_lede_weigh_more():
    body = ("Protesters were shot in Astana, Kazakhstan.\n"
            "Troops from Russia arrived. Flights to Moscow were cancelled, and talks in Moscow "
            "and in Russia's capital were put off. Russian carriers stopped.")
    s = focus_scores(body, title="Kazakhstan: deadly unrest", reacting=True)
    assert s == {"KAZ": 2 * 2 + 3, "RUS": 5}  # lede x2, title x3, body x1
    assert detect_focus(body, title="Kazakhstan: deadly unrest") == "KAZ"
    # without the title the five Russian mentions outweigh the two in the lede
    assert focus_scores(body, reacting=True)["KAZ"] == 4
    assert detect_focus(body) == "RUS"
    assert detect_focus("No country named here.") is None


def test_focus_does_not_count_who_reacts():
    body = ("Russia condemned the arrests in Kazakhstan. Moscow said it would act. "
            "Russian diplomats and the Kremlin urged restraint.\n"
            "Kazakh police detained 300 people in Almaty.")
    title = "Russia condemns arrests"
    assert focus_scores(body, title=title, reacting=True)["RUS"] > \
        focus_scores(body, title=title, reacting=True)["KAZ"]
    assert detect_focus(body, title=title) == "KAZ"
    # extract_reactions detects the same focus, so Russia's statements are reactions
    assert {r.country for r in extract_reactions(body, title=title)} == {"RUS"}


def test_organisations_are_never_the_focus():
    assert detect_focus("NATO and the EU and the UN met. NATO said. Germany attended.") == "DEU"


def test_corpus_focus_votes_per_article():
    arts = pd.DataFrame({"title": ["Unrest in Kazakhstan", "Moscow reacts", "Tokayev speaks"],
                         "text": ["Kazakh police fired.", "Moscow sent troops to Kazakhstan.",
                                  "The president addressed the nation."]})
    assert corpus_focus(arts) == "KAZ"


# ---------------------------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------------------------


def _articles(texts, titles=None):
    n = len(texts)
    return pd.DataFrame({
        "article_id": [f"a{i}" for i in range(n)],
        "outlet": pd.Categorical(["Outlet A", "Outlet B"] * (n // 2) + ["Outlet A"] * (n % 2),
                                 categories=["Outlet A", "Outlet B"], ordered=True),
        "outlet_country": ["GBR", "DEU"] * (n // 2) + ["GBR"] * (n % 2),
        "published": pd.to_datetime(["2022-01-07T10:00:00Z"] * n, utc=True),
        "title": titles or ["Kazakhstan unrest"] * n,
        "text": texts,
    })


def test_table_schema_and_geographies():
    arts = _articles(["Germany condemned the crackdown. Kazakh police said order was restored.",
                      "Xi praised the decisive measures taken by Tokayev."])
    tab = reactions_table(arts)
    assert list(tab.columns[:len(REACTIONS)]) == list(REACTIONS)
    assert list(tab.columns[len(REACTIONS):]) == list(REACTIONS_EXTRA)
    assert tab["stance"].cat.categories.tolist() == list(STANCES)
    assert tab["outlet"].dtype == arts["outlet"].dtype
    dom = tab[tab["domestic"]]
    rea = tab[~tab["domestic"]]
    assert set(dom["country"]) == {"KAZ"}
    # the three geographies stay apart
    assert rea[["outlet_country", "country", "focus"]].values.tolist() == [
        ["GBR", "DEU", "KAZ"], ["DEU", "CHN", "KAZ"]]
    assert str(tab["published"].dtype) == "datetime64[ns, UTC]"


def test_table_focus_per_article_and_without_domestic():
    arts = _articles(["Germany condemned the crackdown in Kazakhstan.",
                      "Germany condemned the crackdown in Kazakhstan."])
    tab = reactions_table(arts, focus={"a0": "KAZ", "a1": "DEU"}, domestic=False)
    assert tab[["article_id", "country"]].values.tolist() == [["a0", "DEU"]]


def test_table_empty_and_errors():
    tab = reactions_table(_articles(["Nothing happened today."]))
    assert len(tab) == 0 and list(tab.columns[:len(REACTIONS)]) == list(REACTIONS)
    with pytest.raises(SchemaError, match=r"missing column\(s\) 'text'; it has: 'article_id'"):
        reactions_table(pd.DataFrame({"article_id": ["x"], "outlet": ["o"],
                                      "published": [pd.Timestamp("2022-01-01", tz="UTC")]}))
    with pytest.raises(TypeError, match="extract_reactions"):
        reactions_table("Germany condemned it.")


# ---------------------------------------------------------------------------------------------
# The sample corpus: documented reactions, country F1
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample():
    from coverage_kit.loader import load_articles

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = load_articles(SAMPLE, on_error="skip").articles
    key = json.loads((SAMPLE / "answer_key.json").read_text(encoding="utf-8"))
    tab = reactions_table(arts, actors=SAMPLE, focus="XVA")
    return arts, key, tab


def _article_for(arts: pd.DataFrame, entry: dict) -> pd.Series | None:
    """The loaded article an answer-key entry describes (None if the loader skipped it)."""
    path = (SAMPLE / entry["file"]).resolve()
    rows = arts[arts["source_path"].map(lambda p: Path(p).resolve() == path)]
    if len(rows) > 1:
        by_line = rows[rows["source_line"].isin([entry.get("record"), entry.get("line")])]
        rows = by_line if len(by_line) == 1 else rows[rows["title"] == entry.get("title")]
    return rows.iloc[0] if len(rows) == 1 else None


def test_sample_reacting_countries_f1(sample):
    arts, key, tab = sample
    tp = fp = fn = agree = both = 0
    for entry in key["articles"]:
        art = _article_for(arts, entry)
        gold: dict[str, set] = {}
        for r in entry.get("reactions", []):
            gold.setdefault(r["country"], set()).add(r["stance"])
        if art is None:  # not loaded: every documented reaction in it is missed
            fn += len(gold)
            continue
        pred = tab[(tab["article_id"] == art["article_id"]) & ~tab["domestic"]]
        got = set(pred["country"])
        tp += len(got & set(gold))
        fp += len(got - set(gold))
        fn += len(set(gold) - got)
        for c in got & set(gold):
            both += 1
            agree += bool(gold[c] & set(pred.loc[pred["country"] == c, "stance"]))
    assert tp > 30  # the key documents dozens of reactions
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= FLOORS["sample_country_f1"], (precision, recall, f1)
    assert agree / both >= FLOORS["sample_stance_agreement"], (agree, both)


def test_sample_outlets_and_countries_kept_apart(sample):
    _, _, tab = sample
    rea = tab[~tab["domestic"]]
    assert rea["outlet_country"].notna().all()
    assert (rea["focus"] == "XVA").all()
    # a Chinese outlet reporting German reactions: the geographies are not conflated
    assert ((rea["outlet_country"] != rea["country"]).mean()) > 0.5


def test_table_with_two_workers_matches_one(tmp_path):
    texts = ["Germany condemned the crackdown.", "Xi praised the decisive measures.",
             "Lukashenko phoned Tokayev.", "Nothing happened.", "NATO urged restraint."] * 3
    arts = _articles(texts)
    arts["article_id"] = [f"x{i}" for i in range(len(arts))]
    one = reactions_table(arts, focus="KAZ")
    two = reactions_table(arts, focus="KAZ", workers=2)
    pd.testing.assert_frame_equal(one, two)
    with pytest.raises(ValueError, match="paths"):
        reactions_table(arts, focus="KAZ", workers=2, actors=pd.DataFrame(
            {"name": ["A B"], "country": ["FRA"]}))


def test_indefinite_speaker_is_not_an_earlier_person():
    text = ("EU foreign policy chief Josep Borrell condemned the shootings. Britain's Foreign "
            "Office summoned the Kazakh ambassador in London, a spokesperson said.")
    got = [(r.country, r.actor, r.stance) for r in extract_reactions(text, focus="KAZ")]
    assert got == [("EU", "Josep Borrell", "condemn"),
                   ("GBR", "Britain's Foreign Office", "condemn")]


@pytest.mark.parametrize("text, expected", [
    ("Paris a convoqué les ambassadeurs de France et d'Allemagne.", [("FRA", "condemn")]),
    ("Außenministerin Annalena Baerbock kündigte Einreiseverbote an.", [("DEU", "condemn")]),
])
def test_german_and_french_sentences(text, expected):
    got = [(r.country, r.stance) for r in extract_reactions(
        text, focus="KAZ", published="2022-01-07", title="Kasachstan / Kazakhstan")]
    assert got == expected


def test_sample_focus_per_article(sample):
    arts, _, _ = sample
    found = [detect_focus(a.text, title=a.title, actors=SAMPLE, published=a.published)
             for a in arts.itertuples()]
    assert sum(f == "XVA" for f in found) / len(found) >= 0.95
    tab = reactions_table(arts.head(20), actors=SAMPLE, focus="per-article")
    assert set(tab["focus"]) <= {"XVA", *found[:20]}
    assert corpus_focus(arts, actors=SAMPLE) == "XVA"


def test_table_reuses_a_quotes_table():
    from coverage_kit.extract.quotes import quotes_table

    arts = _articles(['"We condemn this," said French President Emmanuel Macron.',
                      "Xi praised the decisive measures taken by Tokayev."])
    q = quotes_table(arts)
    assert reactions_table(arts, focus="KAZ", quotes=q).equals(
        reactions_table(arts, focus="KAZ"))
    with pytest.raises(SchemaError, match="quotes is missing column"):
        reactions_table(arts, focus="KAZ", quotes=q.drop(columns=["cue"]))


# ---------------------------------------------------------------------------------------------
# Issue 10: who reacts, relevance, stance confidence (real statement language)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    # the reactor is the speaker, never the one addressed
    ("Canada's foreign minister urged Russia to withdraw its troops from Kazakhstan.",
     [("CAN", "concern")]),
    ("Merkel told Putin the crackdown in Kazakhstan was unacceptable.", [("DEU", "condemn")]),
    ("The EU called on China to stay out of Kazakhstan's affairs.", [("EU", "concern")]),
    # people described by nationality, former officials: not governments
    ('"We are worried about Kazakhstan," a Canadian businessman said.', []),
    ("Canadian Michael Kovrig said he was worried about Kazakhstan.", []),
    ("The Chinese students in Almaty said they were afraid.", []),
    ("Former US ambassador John Bolton said Kazakhstan's crackdown was a disaster.", []),
    # an ambassador to an organisation speaks for their country
    ("China's ambassador to the UN, Zhang Jun, said the unrest in Kazakhstan was an "
     "internal affair.", [("CHN", "support")]),
    ("The EU ambassador to Kazakhstan said the arrests were unacceptable.", [("EU", "condemn")]),
    # "according to" an official is that official's statement; an agency's is not
    ("All foreign staff were unharmed, according to the foreign ministry in Berlin.",
     [("DEU", "neutral")]),
    ("Six people died in Almaty, according to Interfax.", []),
])
def test_who_reacts(text, expected):
    got = [(r.country, r.stance) for r in extract_reactions(text, focus="KAZ",
                                                             title=KAZ_TITLE)]
    assert sorted(got) == sorted(expected)


def test_countries_listed_after_a_preposition_do_not_react():
    text = ("Peter Hale, who will retire soon after also serving in Iran, Turkey and France, "
            "condemned the crackdown in Kazakhstan in an interview on Saturday.")
    countries = {r.country for r in extract_reactions(text, focus="KAZ", title=KAZ_TITLE)}
    assert not countries & {"IRN", "TUR", "FRA"}


BREXIT = ("Britain's parliament voted again on the withdrawal deal on Tuesday.\n"
          "The European Commission said it regretted the vote and urged London to clarify "
          "its intentions.\n"
          "Separately, the EU said it was deeply concerned about the arrests in Kazakhstan.")


def test_statements_about_another_matter_are_kept_out_or_marked():
    # an article about Brexit: the EU's regret is about Britain, not about the focus KAZ
    got = extract_reactions(BREXIT, focus="KAZ", title="Brexit vote delayed")
    assert [(r.country, r.stance, r.relevant) for r in got] == [("EU", "concern", True)]
    assert "Kazakhstan" in got[0].text
    marked = extract_reactions(BREXIT, focus="KAZ", title="Brexit vote delayed", off_topic=True)
    assert [(r.country, r.relevant) for r in marked] == [("EU", False), ("EU", True)]
    # an article about the focus keeps every statement
    about = extract_reactions(BREXIT.replace("Britain's", "Kazakhstan's"), focus="KAZ",
                              title="Kazakhstan vote delayed")
    assert all(r.relevant for r in about) and len(about) == 2


def test_table_relevance_and_confidence_columns():
    arts = _articles(["Germany condemned the arrests in Kazakhstan in the strongest terms.",
                      "Spain's parliament met. France said it regretted the Spanish vote."],
                     titles=["Kazakhstan arrests", "Spanish vote"])
    tab = reactions_table(arts, focus="KAZ")
    assert tab["country"].tolist() == ["DEU"]
    assert str(tab["stance_confidence"].dtype) == "float64"
    assert tab["stance_confidence"].between(0, 1).all() and tab["stance_confidence"][0] > 0.8
    both = reactions_table(arts, focus="KAZ", off_topic=True)
    assert both[["country", "relevant"]].values.tolist() == [["DEU", True], ["FRA", False]]


def test_a_country_record_shows_its_mix_of_stances():
    from coverage_kit.tables import reaction_stance_mix

    arts = _articles(["Germany condemned the arrests. Germany also urged restraint and called "
                      "for dialogue.", "Germany said it was deeply concerned. Russia praised "
                      "the decisive measures."])
    mix = reaction_stance_mix(reactions_table(arts, focus="KAZ"))
    deu = mix[mix["country"] == "DEU"].set_index("stance")
    assert deu.loc["condemn", "n_statements"] == 1 and deu.loc["concern", "n_statements"] == 2
    assert deu.loc["support", "n_statements"] == 0
    assert deu["share"].sum() == pytest.approx(1.0)
    assert mix["country"].tolist()[:4] == ["DEU"] * 4  # most statements first
    assert set(mix["stance"]) == set(STANCES)
    assert deu["mean_confidence"].notna().sum() == 2


def test_backing_the_victim_against_the_focus_is_concern_not_support():
    text = ("The EU fully supports the Canadian government in its efforts to free the two men "
            "detained in China. Russia supports China's position on the matter.")
    got = [(r.country, r.stance) for r in extract_reactions(text, focus="CHN")]
    assert got == [("EU", "concern"), ("RUS", "support")]


def test_reactions_leave_out_languages_without_stance_words():
    import pandas as pd

    arts = pd.DataFrame({
        "article_id": ["en1", "es1"], "outlet": ["Korvany Courier"] * 2,
        "published": pd.to_datetime(["2022-01-07T10:00Z"] * 2), "language": ["en", "es"],
        "title": [KAZ_TITLE] * 2,
        "text": ["Germany condemned the killings of protesters in Kazakhstan on Friday.",
                 "Alemania condenó el viernes la muerte de manifestantes en Kazajistán."],
    })
    with pytest.warns(UserWarning, match=r"1 article in Spanish: reactions not extracted"):
        table = reactions_table(arts, focus="KAZ")
    assert set(table["article_id"]) == {"en1"}
    assert table.attrs["unextracted_languages"] == {"es": 1}
