"""Actor resolution: mention -> country/organisation code and role."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pandas as pd
import pycountry
import pytest

from coverage_kit.errors import InputError
from coverage_kit.extract.actors import (
    DATA_DIR,
    ActorResolver,
    read_actors,
    read_entities,
    read_metonyms,
    resolve_actor,
    role_of,
)

R = ActorResolver.default()


@pytest.mark.parametrize("mention, code, role", [
    # titles with demonyms and possessives
    ("French President Emmanuel Macron", "FRA", "president"),
    ("China's head of state and party leader Xi Jinping", "CHN", "president"),
    ("China's head of state", "CHN", "head of state"),
    ("Russia's head of state Vladimir Putin", "RUS", "president"),
    ("the Kazakh President Kassym-Schomart Tokayev", "KAZ", "president"),
    ("the German foreign ministry", "DEU", "foreign ministry"),
    ("Britain's Foreign Secretary", "GBR", "foreign minister"),
    ("a Japanese government spokesman", "JPN", "spokesperson"),
    ("der französische Präsident", "FRA", "president"),
    ("le ministre russe des Affaires étrangères", "RUS", "foreign minister"),
    # metonyms
    ("the Kremlin", "RUS", "presidential administration"),
    ("Kremlin spokesman Dmitri Peskov", "RUS", "spokesperson"),
    ("the White House", "USA", "presidential administration"),
    ("Downing Street", "GBR", "prime minister's office"),
    ("the Élysée", "FRA", "presidency"),
    ("the Elysee Palace", "FRA", "presidency"),
    ("Quai d'Orsay", "FRA", "foreign ministry"),
    ("Foggy Bottom", "USA", "foreign ministry"),
    ("the State Department", "USA", "foreign ministry"),
    ("Zhongnanhai", "CHN", "leadership"),
    ("the Chancellery", "DEU", "chancellery"),
    ("the Foreign Office", "GBR", "foreign ministry"),
    ("Brussels", "EU", None),
    ("Beijing", "CHN", None),
    ("Berlin", "DEU", None),
    ("Astana", "KAZ", None),
    # organisations
    ("the CSTO", "CSTO", None),
    ("The Collective Security Treaty Organization (CSTO)", "CSTO", None),
    ("a NATO spokesperson", "NATO", "spokesperson"),
    ("UN Secretary-General António Guterres", "UN", "secretary-general"),
    ("the OSCE", "OSCE", None),
    ("the African Union", "AU", None),
    ("Amnesty International", "AMNESTY", None),
    # party labels
    ("the SPD politician", "DEU", "politician"),
    ("Federal Justice Minister Marco Buschmann (FDP)", "DEU", "justice minister"),
    # leaders named without a title, transliterations
    ("Lukashenko", "BLR", "president"),
    ("Aliaksandr Lukashenka", "BLR", "president"),
    ("Wladimir Putin", "RUS", "president"),
    ("Sergej Lawrow", "RUS", "foreign minister"),
    ("Erdogan", "TUR", "president"),
    ("Selenskyj", "UKR", "president"),
])
def test_resolve(mention, code, role):
    res = R.resolve(mention, published="2022-01-07")
    assert res is not None, mention
    assert (res.code, res.role) == (code, role)


@pytest.mark.parametrize("mention", [
    "the demonstrators", "police", "a spokesman", "Liberty Square", "the protesters",
    "us",  # the pronoun, not the US
    "Turkey sandwiches were served",  # resolves (a country name) -- see next test
][:-1])
def test_resolve_nothing(mention):
    assert R.resolve(mention) is None


@pytest.mark.parametrize("text", [
    "Hamilton said the plan would work.", "Silicon Valley investors", "New Mexico officials",
    "Senator Douglas Renner spoke.", "New Jersey Governor", "Victoria warned of delays.",
    "Member States agreed.", "Rhode Island", "Der Mann sagte nichts.",
    "the English-language service",
])
def test_place_names_that_are_not_countries(text):
    assert [m.code for m in R.find_mentions(text) if m.code] == []


def test_shared_demonym_prefers_sovereign_state():
    # countryinfo lists "American" for the Northern Mariana Islands too
    assert R.resolve("American officials").code == "USA"
    assert R.resolve("Chinese diplomats").code == "CHN"
    assert R.resolve("French officials").code == "FRA"
    assert R.resolve("Indian ministers").code == "IND"


def test_all_caps_codes_need_all_caps():
    assert R.resolve("the US envoy").code == "USA"
    assert R.resolve("let us hope") is None
    assert R.resolve("the UN envoy").code == "UN"


@pytest.mark.parametrize("name, when, code, role", [
    ("Olaf Scholz", "2020-05-01", "DEU", "finance minister"),
    ("Olaf Scholz", "2022-01-07", "DEU", "chancellor"),
    ("Ursula von der Leyen", "2018-06-01", "DEU", "defence minister"),
    ("Ursula von der Leyen", "2022-01-07", "EU", "commission president"),
    ("Mark Rutte", "2023-01-01", "NLD", "prime minister"),
    ("Mark Rutte", "2025-01-01", "NATO", "secretary-general"),
    ("Donald Tusk", "2016-01-01", "EU", "council president"),
    ("Donald Tusk", "2024-06-01", "POL", "prime minister"),
    ("Boris Johnson", "2017-01-01", "GBR", "foreign minister"),
    ("Boris Johnson", "2020-01-01", "GBR", "prime minister"),
])
def test_role_depends_on_date(name, when, code, role):
    res = R.resolve(name, published=when)
    assert (res.code, res.role) == (code, role)


def test_without_a_date_the_latest_role_wins():
    assert R.resolve("Olaf Scholz").role == "chancellor"
    assert R.resolve("Ursula von der Leyen").code == "EU"


def test_names_learnt_in_an_article():
    text = ("Kremlin spokesman Dmitri Peskow said on Friday that talks went on. "
            "Foreign ministry spokeswoman Li Wei of China said Beijing was watching. "
            "Peskow added nothing.")
    names = R.learn_names(text)
    # Peskow is in the actors table; "Li Wei" is learnt from the title before it
    res = R.resolve("Peskow", names=names)
    assert res.code == "RUS"
    assert R.resolve("Wei", names=names) is None or R.resolve("Wei", names=names).code == "CHN"


def test_learnt_name_from_title_and_demonym():
    text = "The Veldavian Interior Minister Marek Dosz said order was restored. Dosz added more."
    r = R.extend(pd.DataFrame({"code": ["XVA"], "name": ["Veldavia"], "aliases": [""],
                               "kind": ["country"], "demonyms": ["Veldavian"],
                               "capital": ["Korvany"]}))
    names = r.learn_names(text)
    assert names[("dosz",)].code == "XVA"
    assert names[("dosz",)].role == "interior minister"
    assert r.resolve("Dosz", names=names).code == "XVA"


def test_find_mentions_spans_and_possessive():
    text = "China's head of state praised the Kremlin."
    ms = R.find_mentions(text)
    assert [(text[m.start:m.end], m.type) for m in ms] == [
        ("China", "country"), ("head of state", "title"), ("the Kremlin", "metonym")]
    assert ms[0].possessive


def test_extend_with_a_corpus_folder(tmp_path):
    (tmp_path / "entities.csv").write_text(
        "code,name,aliases,kind,demonyms,capital\n"
        "XVA,Republic of Veldavia,Veldavia,country,Veldavian,Korvany\n"
        "ESC,Eastern Security Compact,ESC|the Compact,organisation,,\n", encoding="utf-8")
    (tmp_path / "actors.csv").write_text(
        "name,aliases,country,role,kind,in_office_from,in_office_to\n"
        "Teodor Valkan,Teodor Valcan|Theodor Walkan|Todor Valkan|Valkan,XVA,president,person,"
        "2016-05-01,\n", encoding="utf-8")
    r = R.extend(tmp_path)
    assert r.resolve("Theodor Walkan").code == "XVA"
    assert r.resolve("Veldavia's President").code == "XVA"
    assert r.resolve("the Veldavian leader").role == "leader"
    assert r.resolve("Korvany").code == "XVA"
    assert r.resolve("the ESC").kind == "organisation"
    # the default resolver is untouched
    assert R.resolve("Theodor Walkan") is None


def test_resolve_actor_with_actors_argument(tmp_path):
    f = tmp_path / "mine.csv"
    f.write_text("name,aliases,country,role,kind,in_office_from,in_office_to\n"
                 "Ilona Brask,Brask,XVA,opposition leader,person,,\n", encoding="utf-8")
    assert resolve_actor("Brask", actors=f).code == "XVA"
    assert resolve_actor("Brask") is None


def test_bad_actor_row_names_file_and_line(tmp_path):
    f = tmp_path / "actors.csv"
    f.write_text("name,aliases,country,role,kind,in_office_from,in_office_to\n"
                 "Jane Doe,,FRA,minister,person,2020-01-01,\n"
                 "John Roe,,FRA,minister,person,last year,\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"actors\.csv:3: .*in_office_from.*last year"):
        read_actors(f)


def test_bad_header_lists_expected_columns(tmp_path):
    f = tmp_path / "people.csv"
    f.write_text("person,nation\nJane,FRA\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"people\.csv:1: .*not an actors, entities"):
        R.extend(f)


def test_end_date_before_start_is_an_error(tmp_path):
    f = tmp_path / "a.csv"
    f.write_text("name,aliases,country,role,kind,in_office_from,in_office_to\n"
                 "Jane Doe,,FRA,minister,person,2020-01-01,2019-01-01\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.csv:2: .*before"):
        read_actors(f)


def test_role_of_three_languages():
    assert role_of("Außenministerin") == "foreign minister"
    assert role_of("porte-parole") == "spokesperson"
    assert role_of("Foreign Secretary") == "foreign minister"
    assert role_of("plumber") is None


# ---------------------------------------------------------------------------------------------
# The shipped tables
# ---------------------------------------------------------------------------------------------

ORG_CODES = {e.code for e, *_ in read_entities(DATA_DIR / "organisations.csv")}
ISO3 = {c.alpha_3 for c in pycountry.countries}
G20_P5 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR",
          "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"]
HEADS = {"president", "prime minister", "chancellor", "monarch"}


def test_shipped_tables_use_known_codes():
    for a in read_actors(DATA_DIR / "actors.csv"):
        assert a.country in ISO3 | ORG_CODES, a
    for _, code, _, _ in read_metonyms(DATA_DIR / "metonyms.csv"):
        assert code in ISO3 | ORG_CODES, code
    for needed in ("EU", "UN", "NATO", "CSTO", "OSCE", "G7", "G20", "AU", "ASEAN", "OAS", "WHO",
                   "IMF", "COE", "LAS", "SCO", "ECOWAS", "ICRC"):
        assert needed in ORG_CODES


@pytest.mark.parametrize("year", range(2016, 2026))
def test_g20_heads_and_foreign_ministers_every_year(year):
    """Each G20 state has a head of state/government and a foreign minister on 1 March and
    1 September of every year 2016-2025."""
    actors = read_actors(DATA_DIR / "actors.csv")
    for when in (date(year, 3, 1), date(year, 9, 1)):
        for code in G20_P5:
            here = [a for a in actors if a.country == code and a.in_office(when)]
            assert any(a.role in HEADS for a in here), (code, when, "head")
            assert any(a.role == "foreign minister" for a in here), (code, when, "FM")
        for org in ("EU", "UN", "NATO"):
            assert any(a.country == org and a.in_office(when) for a in actors), (org, when)


def test_no_two_rows_of_one_person_overlap_in_the_same_role():
    rows = list(csv.DictReader(open(DATA_DIR / "actors.csv", encoding="utf-8")))
    assert len(rows) >= 250
    actors = read_actors(DATA_DIR / "actors.csv")
    by = {}
    for a in actors:
        by.setdefault((a.name, a.role, a.country), []).append(a)
    for key, rows_ in by.items():
        rows_.sort(key=lambda a: a.in_office_from or date.min)
        for x, y in zip(rows_, rows_[1:]):
            assert x.in_office_to is not None and y.in_office_from is not None, key
            assert x.in_office_to <= y.in_office_from, key


def test_metonym_table_is_valid_csv():
    rows = list(csv.reader(open(Path(DATA_DIR) / "metonyms.csv", encoding="utf-8")))
    assert all(len(r) == 4 for r in rows)


def test_party_label_binds_the_name_before_it():
    text = "Chancellor Jonas Wehrmann (SPD) spoke by phone. Wehrmann later said more."
    names = R.learn_names(text)
    res = R.resolve("Wehrmann", names=names)
    assert (res.code, res.actor, res.role) == ("DEU", "Jonas Wehrmann", "chancellor")


def test_roles_outside_the_time_in_office():
    # a candidate is not yet president; a predecessor is a former president
    assert R.resolve("Joe Biden", published="2020-04-10").role is None
    assert R.resolve("Joe Biden", published="2020-04-10").code == "USA"
    assert R.resolve("Angela Merkel", published="2023-01-01").role == "former chancellor"


@pytest.mark.parametrize("mention, code", [
    # an ambassador to an organisation speaks for the country that sent them
    ("China's ambassador to the EU", "CHN"),
    ("the U.S. ambassador to the United Nations", "USA"),
    ("the EU ambassador to China", "EU"),
    # an envoy of an organisation is its official
    ("the UN envoy for Syria", "UN"),
    # the listed spelling "Nato" as well as "NATO"
    ("a Nato spokesman", "NATO"),
])
def test_ambassadors_and_spellings(mention, code):
    assert R.resolve(mention).code == code


def test_an_organisation_ambassador_of_unknown_country_is_not_the_organisation():
    assert R.resolve("UN Ambassador") is None
    names = R.learn_names("UN Ambassador Samantha Haley spoke.")
    assert ("haley",) not in names


def test_a_former_official_learnt_in_an_article_keeps_former():
    names = R.learn_names("former French Foreign Minister Jean Dupont said so.")
    assert names[("dupont",)].role.startswith("former")


def test_tokens_offsets_and_dots():
    """The tokenizer behind find_mentions (offsets from running sums, one lower() call) gives
    the tokens of a plain scan with _TOKEN: abbreviations keep their dots, a sentence-final
    word loses its own, possessives, non-breaking spaces and tabs are handled."""
    from coverage_kit.extract.actors import _TOKEN, _tokens, _tokens_cached

    def reference(text):
        out = []
        for m in _TOKEN.finditer(text):
            tok, end = m.group(), m.end()
            if tok.endswith(".") and tok.count(".") == 1 and len(tok) > 2:
                tok, end = tok[:-1], end - 1
            out.append((tok, m.start(), end))
        return out

    text = ("The U.S.\u00a0envoy met\tTRUMP\u2019S aide in St. Louis.\n"
            "Mr. Xi\u2019s  reply: \u039f\u0394\u039f\u03a3. A. B. ends...  ")
    toks = _tokens(text)
    assert toks == reference(text)
    assert all(text[s:e] == t for t, s, e in toks)
    assert [t for t, _, _ in toks][:3] == ["The", "U.S.", "envoy"]
    assert ("St", text.index("St."), text.index("St.") + 2) in toks
    words, _, _, lower = _tokens_cached(text)
    assert list(lower) == [t.lower().replace("\u2019", "'") for t in words]
    assert "xi" in lower and "'s" in lower and "\u03bf\u03b4\u03bf\u03c2" in lower
