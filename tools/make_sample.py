#!/usr/bin/env python3
"""Build the INVENTED sample corpus in ``data/sample/`` (coverage-kit).

Every event, person, quote and statement in this corpus is invented. Real outlets, wire
agencies, countries and organisations appear by name only; their leaders and spokespeople
here are fictional characters (see ``data/sample/actors.csv``).

The articles are written out by hand below (titles, ledes, paragraphs, quotes); this script
only lays them out in the file formats ``coverage_kit.load_articles`` reads, derives the
lightly edited copies of wire stories, writes the deliberately broken files, and writes
``answer_key.json`` after checking that every expected quote, speaker mention and cue
occurs verbatim in its article.

Run from the repository root::

    python tools/make_sample.py            # rewrite data/sample/
    python tools/make_sample.py --check    # also re-read what was written and verify it

Standard library only; the output is deterministic.
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import json
import re
import shutil
import sys
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "sample"
AGGREGATOR = "Newsroll Digest"

# outlet -> (slug used in file names and aggregator credits, web domain, country, language)
OUTLETS: dict[str, tuple[str, str, str, str]] = {
    "Reuters": ("reuters", "www.reuters.com", "GBR", "en"),
    "Associated Press": ("apnews", "apnews.com", "USA", "en"),
    "AFP": ("afp", "www.afp.com", "FRA", "fr"),
    "dpa": ("dpa", "www.dpa.com", "DEU", "de"),
    "Xinhua": ("xinhua", "english.news.cn", "CHN", "zh"),
    "TASS": ("tass", "tass.com", "RUS", "ru"),
    "BBC News": ("bbc", "www.bbc.com", "GBR", "en"),
    "The Guardian": ("guardian", "www.theguardian.com", "GBR", "en"),
    "The New York Times": ("nytimes", "www.nytimes.com", "USA", "en"),
    "The Washington Post": ("washingtonpost", "www.washingtonpost.com", "USA", "en"),
    "Der Spiegel": ("spiegel", "www.spiegel.de", "DEU", "de"),
    "Frankfurter Allgemeine Zeitung": ("faz", "www.faz.net", "DEU", "de"),
    "Le Monde": ("lemonde", "www.lemonde.fr", "FRA", "fr"),
    "Le Figaro": ("lefigaro", "www.lefigaro.fr", "FRA", "fr"),
    "El País": ("elpais", "elpais.com", "ESP", "es"),
    "Corriere della Sera": ("corriere", "www.corriere.it", "ITA", "it"),
    "NHK": ("nhk", "www3.nhk.or.jp", "JPN", "ja"),
    "The Japan Times": ("japantimes", "www.japantimes.co.jp", "JPN", "en"),
    "South China Morning Post": ("scmp", "www.scmp.com", "HKG", "en"),
    "Al Jazeera": ("aljazeera", "www.aljazeera.com", "QAT", "en"),
    "Deutsche Welle": ("dw", "www.dw.com", "DEU", "de"),
    "France 24": ("france24", "www.france24.com", "FRA", "fr"),
    "Euronews": ("euronews", "www.euronews.com", "FRA", "en"),
    "CNN": ("cnn", "edition.cnn.com", "USA", "en"),
    "Politico Europe": ("politico", "www.politico.eu", "BEL", "en"),
    "The Hindu": ("thehindu", "www.thehindu.com", "IND", "en"),
    "ABC News (Australia)": ("abcnews", "www.abc.net.au", "AUS", "en"),
    "CBC News": ("cbc", "www.cbc.ca", "CAN", "en"),
    "Anadolu Agency": ("anadolu", "www.aa.com.tr", "TUR", "tr"),
    "Kyiv Independent": ("kyivindependent", "kyivindependent.com", "UKR", "en"),
}


# ---------------------------------------------------------------------------------------
# Data model
# ---------------------------------------------------------------------------------------


@dataclass
class Q:
    """An expected quote: exact text, canonical speaker, local mention, cue, kind."""

    quote: str
    speaker: str | None
    mention: str | None
    cue: str | None
    kind: str = "direct"  # direct | indirect | mixed


@dataclass
class R:
    """An expected reaction: actor, country/organisation code, role, stance."""

    actor: str
    country: str
    role: str | None
    stance: str  # condemn | concern | support | neutral
    evidence: str = ""  # a verbatim snippet of the article that carries the stance


@dataclass
class A:
    """One article as written, before it is laid out in a file format."""

    key: str
    fmt: str  # text | aggregator | html | rss | atom | newsplease | mediacloud | wiredesk
    outlet: str
    published: str  # ISO 8601 with offset
    title: str
    body: str  # paragraphs separated by blank lines
    author: str | None = None
    lang: str | None = None  # declared language (None: leave it to detection)
    wires: list[str] = field(default_factory=list)  # declared wire credits (metadata)
    q: list[Q] = field(default_factory=list)
    r: list[R] = field(default_factory=list)
    nq: list[str] = field(default_factory=list)  # quoted strings that are NOT quotes
    gold: bool = False  # include in answer_key.json
    opts: dict = field(default_factory=dict)  # layout options per format
    story: str | None = None  # syndicated story group
    note: str = ""

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in re.split(r"\n\s*\n", self.body.strip()) if p.strip()]

    @property
    def dt(self) -> datetime:
        return datetime.fromisoformat(self.published)


@dataclass
class C:
    """A lightly edited copy of a wire story, as another outlet ran it."""

    outlet: str
    fmt: str
    published: str
    title: str
    lede: str | None = None  # replaces the first paragraph
    trim: int = 0  # drop this many closing paragraphs
    drop: tuple[int, ...] = ()  # drop these paragraph indexes (0-based, of the original)
    credit: str | None = None  # closing credit line appended, e.g. "(AFP)"
    author: str | None = None
    lang: str | None = "en"
    dateline: str | None = None  # replaces the dateline prefix of the first paragraph
    opts: dict = field(default_factory=dict)
    gold: bool = False


@dataclass
class W:
    """A wire story: the agency's own copy plus the outlets that republished it."""

    key: str
    agency: str
    published: str
    title: str
    body: str
    author: str | None = None
    fmt: str = "wiredesk"
    copies: list[C] = field(default_factory=list)
    q: list[Q] = field(default_factory=list)
    r: list[R] = field(default_factory=list)
    nq: list[str] = field(default_factory=list)
    gold: bool = False


#: names as the package's outlet registry (data/outlets.csv) spells them, where they differ
CANON = {"Associated Press": "AP", "Anadolu Agency": "Anadolu"}


def canon(name: str) -> str:
    return CANON.get(name, name)


ARTICLES: list[A] = []
WIRES: list[W] = []


def art(*args, **kw) -> A:
    a = A(*args, **kw)
    ARTICLES.append(a)
    return a


def wire(*args, **kw) -> W:
    w = W(*args, **kw)
    WIRES.append(w)
    return w


def _shift(published: str, minutes: int) -> str:
    return (datetime.fromisoformat(published) + timedelta(minutes=minutes)).isoformat()


# =======================================================================================
# Wire stories and the outlets that ran them (syndication groups)
# =======================================================================================

wire(
    "reuters-0306-square", "Reuters", "2025-03-06T19:42:00+00:00",
    "Veldavian troops clear Korvany protest square, health ministry says 11 dead",
    author="Reuters staff",
    gold=True,
    body="""
KORVANY, March 6 (Reuters) - Veldavian troops backed by armoured vehicles cleared Korvany's Liberty Square on Thursday evening, firing tear gas and live rounds to disperse thousands of protesters who had occupied the capital's main square since Monday, witnesses said.

President Teodor Valkan ordered the army into the square hours after a deadline for protesters to leave expired at 4 p.m. (1400 GMT). "The patience of the state has limits, and those limits have been reached," Valkan said in a televised address shortly before the operation began.

A Reuters witness saw at least six people lying motionless near the square's northern edge and heard sustained automatic gunfire for around 20 minutes. The health ministry said 11 people had been killed and more than 200 injured, without saying whether the dead were protesters or members of the security forces.

Opposition leader Ilona Brask, whose Civic Renewal alliance says it was robbed of victory in Sunday's parliamentary election, called the operation "a massacre of unarmed people" in a video posted before mobile networks went down.

Connectivity across Veldavia fell to around a fifth of normal levels shortly after 9 p.m. local time, according to internet monitoring firms, and mobile data was cut in Korvany and the second city, Maresk.

Interior Minister Mirko Destan said on state television that "armed provocateurs" in the crowd had opened fire first, a claim Reuters could not independently verify.

Valkan, 63, has ruled the landlocked country of 4.2 million people since 2009. His Party of National Unity was declared the winner of the March 2 vote with 54% of the seats, a result the opposition and observers from the Organization for Security and Co-operation in Europe have questioned.

(Reporting by Reuters staff in Korvany; Writing by Nadia Ferrante; Editing by Paul Osmond)
""",
    q=[
        Q("The patience of the state has limits, and those limits have been reached,", "Teodor Valkan", "Valkan", "said"),
        Q("a massacre of unarmed people", "Ilona Brask", "Ilona Brask", "called", "mixed"),
        Q('"armed provocateurs" in the crowd had opened fire first', "Mirko Destan", "Interior Minister Mirko Destan", "said", "mixed"),
    ],
    copies=[
        C("The Hindu", "newsplease", "2025-03-06T21:05:00+05:30", "Veldavia troops clear protest square; 11 killed",
          trim=1, gold=True),
        C("The Japan Times", "html", "2025-03-07T06:10:00+09:00", "Troops storm Veldavian capital's Liberty Square as death toll rises",
          lede="KORVANY, Veldavia - Soldiers and armoured vehicles swept through Liberty Square in the Veldavian capital on Thursday evening, using tear gas and gunfire to break up a protest camp that had stood since Monday, witnesses said.",
          trim=1, credit="REUTERS"),
        C("ABC News (Australia)", "mediacloud", "2025-03-07T08:30:00+11:00", "Veldavia's army moves on protesters in capital, 11 reported dead",
          drop=(6,), trim=1, credit="Reuters"),
        C("CBC News", "mediacloud", "2025-03-06T17:20:00-05:00", "Troops fire on protesters in Veldavian capital",
          lede="Troops in Veldavia fired tear gas and live ammunition to clear thousands of protesters from the capital Korvany's Liberty Square on Thursday, witnesses told Reuters.",
          trim=1, credit="Reuters"),
    ],
)

wire(
    "ap-0307-shutdown", "Associated Press", "2025-03-07T09:15:00+00:00",
    "Veldavia goes dark: Internet cut as families search for missing after crackdown",
    author="Mara Kostić",
    gold=True,
    body="""
KORVANY, Veldavia (AP) — Families gathered outside Korvany's main hospital on Friday searching for relatives missing since soldiers cleared the capital's Liberty Square, as a near-total internet blackout made it almost impossible to reach anyone inside the country.

"They took my son's name at the door and told me to wait," said a woman who gave only her first name, Vesna, fearing reprisals. "Nobody tells us if he is alive."

The Health Ministry raised its death toll to 19 overnight. The opposition Civic Renewal alliance says at least 47 people were killed, and human rights groups said they were collecting names of the dead from hospitals and morgues.

Fixed-line and mobile internet connections have been largely down since Thursday night, and international phone calls failed repeatedly on Friday. The government says the restrictions are temporary and are needed to stop what it calls coordinated incitement.

"We will restore communications as soon as the threat of provocations has passed," government spokeswoman Lena Orsic told reporters in Korvany. She did not give a date.

Shops in central Korvany stayed shuttered, and soldiers manned checkpoints on the main bridges over the Vessa River. Bullet holes pocked the facade of the national library at the edge of the square, where sweepers were clearing broken glass.

In Maresk, the country's second-largest city, several hundred people marched to the regional governor's office on Friday morning before police dispersed them, according to a local journalist reached by satellite phone.

The protests began on March 3, the day after a parliamentary election that President Teodor Valkan's party won by a large margin. The opposition says the vote was rigged.
""",
    q=[
        Q("They took my son's name at the door and told me to wait,", "Vesna", "a woman who gave only her first name, Vesna", "said"),
        Q("Nobody tells us if he is alive.", "Vesna", "a woman who gave only her first name, Vesna", "said"),
        Q("We will restore communications as soon as the threat of provocations has passed,", "Lena Orsic", "government spokeswoman Lena Orsic", "told"),
        Q("the restrictions are temporary and are needed to stop what it calls coordinated incitement", "Government of Veldavia", "The government", "says", "indirect"),
    ],
    copies=[
        C("The Washington Post", "newsplease", "2025-03-07T05:40:00-05:00", "Internet blackout leaves Veldavians searching for the missing",
          trim=1, author="Mara Kostić | AP", gold=True),
        C("CBC News", "mediacloud", "2025-03-07T07:55:00-05:00", "Families hunt for missing relatives in Veldavia as internet stays down",
          drop=(6,), credit="The Associated Press"),
        C("ABC News (Australia)", "mediacloud", "2025-03-07T23:10:00+11:00", "Veldavia death toll rises to 19 amid internet blackout",
          lede="Veldavia's Health Ministry has raised the death toll from the army's clearing of Liberty Square in the capital to 19, as an internet blackout left families struggling to find missing relatives.",
          drop=(2,), trim=2, credit="AP"),
    ],
)

wire(
    "afp-0307-europe", "AFP", "2025-03-07T13:05:00+00:00",
    "Europe condemns Veldavia crackdown, UN urges restraint",
    author="AFP",
    gold=True,
    body="""
Brussels (AFP) - European governments on Friday condemned the deadly use of force against protesters in Veldavia, while the United Nations appealed for restraint after at least 19 people were killed when troops cleared a square in the capital Korvany.

French President Claire Aubertin called the crackdown "unacceptable" and said those responsible would have to answer for it. "France stands with the Veldavian people, who only asked that their votes be counted," she wrote on X.

In Berlin, Chancellor Jonas Wehrmann said he was "appalled" by the images from Korvany. "Shooting at peaceful demonstrators is a crime, and it must not go unanswered," the chancellor told reporters on the sidelines of a party meeting.

EU foreign policy chief Rui Castelo said the bloc would "consider all options" and urged the authorities to restore internet access immediately.

UN Secretary-General Amara Ndiaye-Holm called for "maximum restraint" from all sides and an independent investigation into the deaths, her spokesman said.

Britain's Foreign Office summoned Veldavia's ambassador in London, a spokesperson said, adding that Foreign Secretary Priya Lennox would speak to European counterparts later on Friday.

Veldavia's foreign ministry rejected the criticism as "interference in the internal affairs of a sovereign state."

Protests erupted on March 3 after President Teodor Valkan's party was declared the winner of a parliamentary election that the opposition says was rigged.
""",
    q=[
        Q("unacceptable", "Claire Aubertin", "French President Claire Aubertin", "called", "mixed"),
        Q("those responsible would have to answer for it", "Claire Aubertin", "French President Claire Aubertin", "said", "indirect"),
        Q("France stands with the Veldavian people, who only asked that their votes be counted,", "Claire Aubertin", "she", "wrote"),
        Q('he was "appalled" by the images from Korvany', "Jonas Wehrmann", "Chancellor Jonas Wehrmann", "said", "mixed"),
        Q("Shooting at peaceful demonstrators is a crime, and it must not go unanswered,", "Jonas Wehrmann", "the chancellor", "told"),
        Q('the bloc would "consider all options" and urged the authorities to restore internet access immediately', "Rui Castelo", "EU foreign policy chief Rui Castelo", "said", "mixed"),
        Q('"maximum restraint" from all sides and an independent investigation into the deaths', "Amara Ndiaye-Holm", "UN Secretary-General Amara Ndiaye-Holm", "called for", "mixed"),
        Q("Britain's Foreign Office summoned Veldavia's ambassador in London", "Foreign Office", "a spokesperson", "said", "indirect"),
        Q("Foreign Secretary Priya Lennox would speak to European counterparts later on Friday", "Foreign Office", "a spokesperson", "adding", "indirect"),
        Q("interference in the internal affairs of a sovereign state.", "Veldavian Foreign Ministry", "Veldavia's foreign ministry", "rejected", "mixed"),
    ],
    r=[
        R("Claire Aubertin", "FRA", "President of France", "condemn", "unacceptable"),
        R("Jonas Wehrmann", "DEU", "Chancellor of Germany", "condemn", "appalled"),
        R("Rui Castelo", "EU", "EU foreign policy chief", "concern", "consider all options"),
        R("Amara Ndiaye-Holm", "UN", "UN Secretary-General", "concern", "maximum restraint"),
        R("Foreign Office", "GBR", "UK foreign ministry", "condemn", "summoned Veldavia's ambassador"),
    ],
    copies=[
        C("France 24", "rss", "2025-03-07T14:20:00+01:00", "Europe condemns deadly Veldavia crackdown as UN calls for restraint",
          trim=1, credit="(AFP)", gold=True),
        C("Euronews", "text", "2025-03-07T15:02:00+01:00", "European leaders condemn Veldavia violence",
          lede="Brussels (AFP) - European leaders lined up on Friday to condemn the killing of protesters in Veldavia, and the UN called for restraint after at least 19 people died when soldiers cleared a square in the capital.",
          credit="(AFP)"),
        C("Al Jazeera", "html", "2025-03-07T14:45:00+00:00", "European leaders condemn Veldavia crackdown; UN urges restraint",
          drop=(5,), credit="Source: AFP"),
    ],
)

wire(
    "dpa-0308-brask", "dpa", "2025-03-08T08:40:00+01:00",
    "Veldavian opposition leader Brask arrested in dawn raid",
    author="dpa",
    gold=True,
    body="""
Korvany (dpa) - Security forces in Veldavia arrested opposition leader Ilona Brask in a raid on her apartment in the capital Korvany early on Saturday, her party said.

Masked officers broke down the door shortly after 5 am and took Brask away in an unmarked van, Civic Renewal spokeswoman Anja Kovel told dpa by satellite phone. "They did not show a warrant, they did not say where they were taking her," Kovel said.

The Interior Ministry later confirmed the arrest. Brask is suspected of "organising mass unrest" and faces up to 15 years in prison, the ministry said in a statement read on state television.

In Berlin, the German government demanded Brask's immediate release. "Ilona Brask must be released immediately and unconditionally," Foreign Minister Katrin Oberländer (Greens) said. The arrest was "a further escalation that we condemn in the strongest terms," she added.

Chancellor Jonas Wehrmann (SPD) spoke by phone with French President Claire Aubertin on Saturday morning, a government spokesman said. The two leaders agreed that the EU had to respond jointly, he said.

Brask, 44, a former constitutional court judge, has led the opposition alliance since 2021. She had called for a general strike from Monday.

At least 19 people were killed on Thursday when soldiers cleared Liberty Square, according to official figures. The opposition puts the number of dead at 47.

ab / dpa / AFP
""",
    q=[
        Q("They did not show a warrant, they did not say where they were taking her,", "Anja Kovel", "Kovel", "said"),
        Q("Masked officers broke down the door shortly after 5 am and took Brask away in an unmarked van", "Anja Kovel", "Civic Renewal spokeswoman Anja Kovel", "told", "indirect"),
        Q('Brask is suspected of "organising mass unrest" and faces up to 15 years in prison', "Veldavian Interior Ministry", "the ministry", "said", "mixed"),
        Q("Ilona Brask must be released immediately and unconditionally,", "Katrin Oberländer", "Foreign Minister Katrin Oberländer", "said"),
        Q('The arrest was "a further escalation that we condemn in the strongest terms,"', "Katrin Oberländer", "she", "added", "mixed"),
        Q("The two leaders agreed that the EU had to respond jointly", "Government of Germany", "he", "said", "indirect"),
    ],
    r=[
        R("Katrin Oberländer", "DEU", "Foreign Minister of Germany", "condemn", "condemn in the strongest terms"),
        R("Jonas Wehrmann", "DEU", "Chancellor of Germany", "neutral", "spoke by phone with French President Claire Aubertin"),
    ],
    copies=[
        C("Deutsche Welle", "atom", "2025-03-08T10:05:00+01:00", "Veldavia: Opposition leader Ilona Brask detained",
          trim=1, credit="ab/dpa, AFP", gold=True),
        C("South China Morning Post", "newsplease", "2025-03-08T18:30:00+08:00", "Veldavia arrests opposition leader Ilona Brask as crackdown widens",
          lede="Veldavian security forces detained opposition leader Ilona Brask at her home in the capital Korvany before dawn on Saturday, her party said, deepening a crisis that has left at least 19 people dead.",
          drop=(4,), trim=1, credit="dpa"),
    ],
)

wire(
    "reuters-0309-esc", "Reuters", "2025-03-09T11:20:00+00:00",
    "Regional bloc sends troops to Veldavia at Valkan's request; Moscow, Beijing back government",
    author="Reuters staff",
    gold=True,
    body="""
KORVANY, March 9 (Reuters) - The first troops from the Eastern Security Compact (ESC), a Moscow-led regional security bloc, landed at Korvany airport on Sunday after Veldavian President Teodor Valkan asked the alliance for help to restore order following a week of deadly unrest.

The ESC said it would send about 2,300 "peacekeepers" to guard airports, power plants and government buildings for what it called a limited period. Its secretary-general, Arkady Semyrin, said the mission would not take part in policing protests.

"Our contingent is there to protect strategic sites, at the request of the legitimate government, and it will leave when its task is complete," Semyrin said in a statement.

The Kremlin welcomed the deployment. Kremlin spokesman Gennady Orlik told reporters in Moscow that Russia supported the Veldavian authorities' efforts "to restore constitutional order" and that the mission was fully in line with the bloc's charter.

In Beijing, China's foreign ministry spokeswoman Lin Shuyi said the unrest was "Veldavia's internal affair" and that China opposed "any external forces" using the situation to interfere.

Western governments reacted with alarm. A U.S. State Department spokesman said Washington was "deeply concerned" and urged all parties to avoid further violence.

Valkan said in a televised address on Saturday evening that he had asked for the deployment because "terrorist groups trained abroad" were trying to seize power. He gave no evidence.

At least 19 people have been killed since troops cleared Korvany's Liberty Square on Thursday, according to official figures. Opposition leader Ilona Brask was arrested on Saturday.

(Reporting by Reuters staff; Editing by Clara Voss)
""",
    nq=["peacekeepers"],
    q=[
        Q("the mission would not take part in policing protests", "Arkady Semyrin", "Its secretary-general, Arkady Semyrin", "said", "indirect"),
        Q("Our contingent is there to protect strategic sites, at the request of the legitimate government, and it will leave when its task is complete,", "Arkady Semyrin", "Semyrin", "said"),
        Q('Russia supported the Veldavian authorities\' efforts "to restore constitutional order" and that the mission was fully in line with the bloc\'s charter', "Gennady Orlik", "Kremlin spokesman Gennady Orlik", "told", "mixed"),
        Q('the unrest was "Veldavia\'s internal affair" and that China opposed "any external forces" using the situation to interfere', "Lin Shuyi", "China's foreign ministry spokeswoman Lin Shuyi", "said", "mixed"),
        Q('Washington was "deeply concerned" and urged all parties to avoid further violence', "U.S. Department of State", "A U.S. State Department spokesman", "said", "mixed"),
        Q('he had asked for the deployment because "terrorist groups trained abroad" were trying to seize power', "Teodor Valkan", "Valkan", "said", "mixed"),
    ],
    r=[
        R("Eastern Security Compact", "ESC", "regional security bloc", "support", "at the request of the legitimate government"),
        R("Kremlin", "RUS", "Russian presidency", "support", "The Kremlin welcomed the deployment"),
        R("Gennady Orlik", "RUS", "Kremlin spokesman", "support", "to restore constitutional order"),
        R("Lin Shuyi", "CHN", "Chinese foreign ministry spokeswoman", "support", "internal affair"),
        R("U.S. Department of State", "USA", "US foreign ministry", "concern", "deeply concerned"),
    ],
    copies=[
        C("The Japan Times", "html", "2025-03-09T22:15:00+09:00", "Moscow-led bloc deploys troops to Veldavia as Russia and China back Valkan",
          trim=1, credit="REUTERS", gold=True),
        C("The Hindu", "newsplease", "2025-03-09T18:40:00+05:30", "ESC troops arrive in Veldavia at President Valkan's request",
          drop=(6,), trim=1),
        C("ABC News (Australia)", "mediacloud", "2025-03-10T07:05:00+11:00", "Russia-led alliance flies troops into Veldavia",
          lede="Troops from a Russia-led security alliance have begun arriving in Veldavia at the request of President Teodor Valkan, who says foreign-trained \"terrorist groups\" are behind a week of deadly unrest.",
          trim=2, credit="Reuters"),
        C("CBC News", "mediacloud", "2025-03-09T09:30:00-04:00", "Regional military bloc sends troops into Veldavia",
          drop=(4,), trim=1, credit="Reuters"),
    ],
)

wire(
    "ap-0310-washington", "Associated Press", "2025-03-10T17:30:00+00:00",
    "US weighs sanctions on Veldavian officials as White House calls crackdown 'unconscionable'",
    author="Daniel Whitcombe",
    gold=True,
    body="""
WASHINGTON (AP) — The United States is preparing sanctions against Veldavian officials responsible for the deadly clearing of a protest camp in the capital, Secretary of State Douglas Renner said Monday, as Washington stepped up pressure on President Teodor Valkan's government.

“What we saw in Korvany last week was a government turning its guns on its own people,” Renner told reporters at the State Department. “There will be consequences for those who gave the orders.”

He said the administration was reviewing visa bans and asset freezes and coordinating with European allies, but declined to name any targets.

At the White House, press secretary Maya Ortiz-Hale called the crackdown “unconscionable” and said the president had discussed Veldavia with the leaders of Germany and France over the weekend.

The State Department also urged Veldavia to release opposition leader Ilona Brask, who was detained Saturday, and “all those held for peacefully exercising their rights.”

Asked about the arrival of troops from the Moscow-led Eastern Security Compact, Renner said the deployment “does nothing to address the legitimate grievances of the Veldavian people.”

Veldavia's embassy in Washington did not respond to a request for comment.

The U.S. has limited trade with Veldavia, a country of about 4 million people, but American officials have described it as a test of whether European pressure can restrain a government backed by Moscow.
""",
    q=[
        Q("What we saw in Korvany last week was a government turning its guns on its own people,", "Douglas Renner", "Renner", "told"),
        Q("There will be consequences for those who gave the orders.", "Douglas Renner", "Renner", "told"),
        Q("The United States is preparing sanctions against Veldavian officials responsible for the deadly clearing of a protest camp in the capital", "Douglas Renner", "Secretary of State Douglas Renner", "said", "indirect"),
        Q("the administration was reviewing visa bans and asset freezes and coordinating with European allies", "Douglas Renner", "He", "said", "indirect"),
        Q("unconscionable", "Maya Ortiz-Hale", "press secretary Maya Ortiz-Hale", "called", "mixed"),
        Q("the president had discussed Veldavia with the leaders of Germany and France over the weekend", "Maya Ortiz-Hale", "press secretary Maya Ortiz-Hale", "said", "indirect"),
        Q("Veldavia to release opposition leader Ilona Brask, who was detained Saturday, and “all those held for peacefully exercising their rights.”", "U.S. Department of State", "The State Department", "urged", "mixed"),
        Q("the deployment “does nothing to address the legitimate grievances of the Veldavian people.”", "Douglas Renner", "Renner", "said", "mixed"),
    ],
    r=[
        R("Douglas Renner", "USA", "US Secretary of State", "condemn", "There will be consequences"),
        R("Maya Ortiz-Hale", "USA", "White House press secretary", "condemn", "unconscionable"),
        R("U.S. Department of State", "USA", "US foreign ministry", "concern", "urged Veldavia to release opposition leader Ilona Brask"),
    ],
    copies=[
        C("The Washington Post", "newsplease", "2025-03-10T14:02:00-04:00", "U.S. readies sanctions on Veldavian officials over crackdown",
          trim=1, author="Daniel Whitcombe | AP", gold=True),
        C("ABC News (Australia)", "mediacloud", "2025-03-11T06:45:00+11:00", "US threatens 'consequences' for Veldavia crackdown",
          drop=(6,), trim=1, credit="AP"),
        C("CBC News", "mediacloud", "2025-03-10T15:10:00-04:00", "U.S. prepares sanctions after deadly Veldavia crackdown",
          lede="WASHINGTON — The United States is drawing up sanctions against Veldavian officials over last week's killing of protesters, Secretary of State Douglas Renner said on Monday.",
          credit="The Associated Press"),
    ],
)

wire(
    "afp-0311-border", "AFP", "2025-03-11T10:50:00+00:00",
    "Veldavia seals borders, leaving thousands stranded",
    author="AFP",
    gold=True,
    body="""
Korvany (AFP) - Veldavia closed all its land border crossings on Tuesday, leaving thousands of people stranded in freezing temperatures on both sides as the government tightened its grip after a week of deadly unrest.

Long queues of cars and lorries stretched for several kilometres at the main crossings, an AFP correspondent saw, as border guards turned back everyone without a special permit issued by the interior ministry.

"We have been here since yesterday evening, the children are cold and nobody tells us anything," said Marta, a 36-year-old nurse trying to reach relatives abroad with her two daughters.

The interior ministry said the closure was a "temporary security measure" to stop weapons and "foreign instigators" entering the country, and would be reviewed in ten days.

The UN refugee agency said it was "concerned by reports that people seeking safety are being prevented from leaving" and called on the authorities to keep borders open for those fleeing violence.

Troops from the Eastern Security Compact, a regional military alliance led by Moscow, have been deployed to guard key sites since Sunday at the request of President Teodor Valkan.

At least 19 people were killed when soldiers cleared Liberty Square in the capital Korvany on Thursday, according to official figures. Rights groups say the real toll is more than twice as high.
""",
    q=[
        Q("We have been here since yesterday evening, the children are cold and nobody tells us anything,", "Marta", "Marta, a 36-year-old nurse trying to reach relatives abroad with her two daughters", "said"),
        Q('the closure was a "temporary security measure" to stop weapons and "foreign instigators" entering the country, and would be reviewed in ten days', "Veldavian Interior Ministry", "The interior ministry", "said", "mixed"),
        Q('it was "concerned by reports that people seeking safety are being prevented from leaving"', "UNHCR", "The UN refugee agency", "said", "mixed"),
    ],
    r=[R("UNHCR", "UN", "UN refugee agency", "concern", "concerned by reports that people seeking safety")],
    copies=[
        C("France 24", "rss", "2025-03-11T12:30:00+01:00", "Veldavia closes its borders, thousands stranded in the cold",
          credit="(AFP)", gold=True),
        C("Al Jazeera", "html", "2025-03-11T13:05:00+00:00", "Thousands stranded as Veldavia shuts all land borders",
          lede="Thousands of people have been left stranded at Veldavia's borders after the government closed every land crossing, citing security concerns a week into a deadly crackdown on protests.",
          trim=1, credit="Source: AFP"),
        C("Euronews", "text", "2025-03-11T14:40:00+01:00", "Veldavia border closure strands thousands",
          drop=(5,), credit="(AFP)"),
    ],
)

wire(
    "reuters-0318-talks", "Reuters", "2025-03-18T12:10:00+00:00",
    "Veldavian government, opposition open OSCE-brokered talks; curfew lifted in capital",
    author="Reuters staff",
    gold=True,
    body="""
MARESK, Veldavia, March 18 (Reuters) - Veldavia's government and opposition sat down for talks mediated by the OSCE in the city of Maresk on Tuesday, the first direct contact between the two sides since troops killed at least 23 protesters in the capital nearly two weeks ago.

Authorities also lifted a night-time curfew in Korvany, and the Eastern Security Compact said it would begin withdrawing its troops from Veldavia within a week.

"This is a first step, not a solution," said Civic Renewal deputy leader Anja Kovel, who is leading the opposition delegation while party leader Ilona Brask remains in detention. "Our first demand is simple: free Ilona Brask and every political prisoner."

Government spokeswoman Lena Orsic said the talks would address "all questions of the electoral process," but ruled out a repeat of the March 2 parliamentary vote.

OSCE Chairperson-in-Office Marek Tollander, who opened the session, urged both sides to "show courage and flexibility." The talks are expected to last several days.

The European Union welcomed the talks. EU foreign policy chief Rui Castelo said they were "a chance that must not be wasted," while Moscow said the dialogue showed that the Veldavian government had the situation under control.

Veldavia has been in turmoil since early March, when President Teodor Valkan's party was declared the winner of an election the opposition says was rigged. The government restored some internet services last week.

(Reporting by Reuters staff; Editing by Clara Voss)
""",
    q=[
        Q("This is a first step, not a solution,", "Anja Kovel", "Civic Renewal deputy leader Anja Kovel", "said"),
        Q("Our first demand is simple: free Ilona Brask and every political prisoner.", "Anja Kovel", "Civic Renewal deputy leader Anja Kovel", "said"),
        Q('the talks would address "all questions of the electoral process,"', "Lena Orsic", "Government spokeswoman Lena Orsic", "said", "mixed"),
        Q('both sides to "show courage and flexibility."', "Marek Tollander", "OSCE Chairperson-in-Office Marek Tollander", "urged", "mixed"),
        Q('they were "a chance that must not be wasted,"', "Rui Castelo", "EU foreign policy chief Rui Castelo", "said", "mixed"),
        Q("the dialogue showed that the Veldavian government had the situation under control", "Government of Russia", "Moscow", "said", "indirect"),
        Q("it would begin withdrawing its troops from Veldavia within a week", "Eastern Security Compact", "the Eastern Security Compact", "said", "indirect"),
    ],
    r=[
        R("Marek Tollander", "OSCE", "OSCE Chairperson-in-Office", "concern", "show courage and flexibility"),
        R("European Union", "EU", None, "neutral", "The European Union welcomed the talks"),
        R("Rui Castelo", "EU", "EU foreign policy chief", "concern", "a chance that must not be wasted"),
        R("Government of Russia", "RUS", None, "support", "the Veldavian government had the situation under control"),
    ],
    copies=[
        C("The Hindu", "newsplease", "2025-03-18T19:20:00+05:30", "Veldavia government and opposition begin talks in Maresk",
          trim=1, gold=True),
        C("The Japan Times", "html", "2025-03-19T05:30:00+09:00", "Veldavia opens talks with opposition as curfew ends",
          lede="MARESK, Veldavia - Veldavia's government and its opposition held their first direct talks on Tuesday since a deadly crackdown on protesters, with mediators from the OSCE at the table.",
          trim=1, credit="REUTERS"),
        C("CBC News", "mediacloud", "2025-03-18T10:45:00-04:00", "Veldavia talks open as Russia-led troops prepare to leave",
          drop=(5,), trim=1, credit="Reuters"),
        C("ABC News (Australia)", "mediacloud", "2025-03-19T06:20:00+11:00", "Veldavia's rival sides meet for talks brokered by OSCE",
          trim=2, credit="Reuters"),
        C("South China Morning Post", "newsplease", "2025-03-18T21:55:00+08:00", "Veldavia talks begin, regional bloc to pull out troops",
          lede="Veldavia's government and opposition began talks brokered by the OSCE on Tuesday, and the Moscow-led Eastern Security Compact said its troops would start leaving the country within a week.",
          drop=(1,), trim=1),
    ],
)

wire(
    "ap-0319-release", "Associated Press", "2025-03-19T14:25:00+00:00",
    "Veldavia frees opposition leader Brask to house arrest as internet returns",
    author="Mara Kostić",
    gold=True,
    body="""
KORVANY, Veldavia (AP) — Veldavian authorities on Wednesday released opposition leader Ilona Brask from a detention center and placed her under house arrest, a concession that her allies said had been wrung out of the government at talks with the opposition.

Brask, looking pale, waved to a few dozen supporters from the balcony of her apartment building in central Korvany but did not speak. Her lawyer, Tomas Rieder, said she still faced charges of organizing mass unrest.

“She is home, but she is not free,” Rieder told The Associated Press. “We will keep fighting until the charges are dropped.”

Internet service returned across Veldavia on Wednesday morning for the first time since March 6, network monitors said, and residents of the capital flooded social media with photos and videos from the crackdown that had been impossible to share for nearly two weeks.

Government spokeswoman Lena Orsic said the decision to release Brask was taken by prosecutors “in a spirit of reconciliation.”

In Brussels, European Commission President Ingrid Marquardt-Lind said on X: “Ilona Brask's release from prison is an important step. Now all political prisoners must be freed and the charges dropped.”

Talks between the government and the opposition, mediated by the Organization for Security and Co-operation in Europe, continued Wednesday for a second day in the city of Maresk.

At least 23 people were killed when soldiers cleared a protest camp in Korvany on March 6, according to the government's latest figures.
""",
    q=[
        Q("she still faced charges of organizing mass unrest", "Tomas Rieder", "Her lawyer, Tomas Rieder", "said", "indirect"),
        Q("She is home, but she is not free,", "Tomas Rieder", "Rieder", "told"),
        Q("We will keep fighting until the charges are dropped.", "Tomas Rieder", "Rieder", "told"),
        Q("the decision to release Brask was taken by prosecutors “in a spirit of reconciliation.”", "Lena Orsic", "Government spokeswoman Lena Orsic", "said", "mixed"),
        Q("Ilona Brask's release from prison is an important step. Now all political prisoners must be freed and the charges dropped.", "Ingrid Marquardt-Lind", "European Commission President Ingrid Marquardt-Lind", "said on X"),
    ],
    r=[R("Ingrid Marquardt-Lind", "EU", "President of the European Commission", "concern", "Now all political prisoners must be freed")],
    copies=[
        C("The Washington Post", "newsplease", "2025-03-19T11:00:00-04:00", "Veldavian opposition leader moved to house arrest as internet is restored",
          trim=1, author="Mara Kostić | AP", gold=True),
        C("ABC News (Australia)", "mediacloud", "2025-03-20T07:40:00+11:00", "Veldavia releases jailed opposition leader Ilona Brask to house arrest",
          lede="Veldavian opposition leader Ilona Brask has been released from detention and placed under house arrest, as internet access returned across the country after almost two weeks.",
          trim=1, credit="AP"),
        C("CBC News", "mediacloud", "2025-03-19T12:15:00-04:00", "Jailed Veldavian opposition leader released to house arrest",
          drop=(6,), credit="The Associated Press"),
    ],
)

wire(
    "xinhua-0309-china", "Xinhua", "2025-03-09T16:40:00+08:00",
    "Chinese FM spokesperson: Veldavia's affairs should be decided by Veldavian people",
    author="Xinhua",
    body="""
BEIJING, March 9 (Xinhua) -- China respects the sovereignty and independence of Veldavia and supports the efforts of the Veldavian government to maintain stability, a Chinese Foreign Ministry spokesperson said on Sunday.

Spokesperson Lin Shuyi made the remarks when asked about recent developments in the country and the deployment of forces of the Eastern Security Compact at the request of the Veldavian government.

"What is happening in Veldavia is Veldavia's internal affair. We believe the Veldavian government and people have the wisdom and ability to handle their own affairs properly," Lin said.

Lin said China opposes any external forces interfering in the internal affairs of Veldavia under any pretext, and opposes attempts to stir up so-called color revolutions.

Lin also said the Chinese embassy in Korvany was in close contact with Chinese citizens and enterprises in Veldavia, and reminded them to strengthen safety precautions and avoid crowded places.

She said China and Veldavia enjoy traditional friendship, and China stands ready to continue to support Veldavia in promoting development and maintaining security.
""",
    q=[
        Q("China respects the sovereignty and independence of Veldavia and supports the efforts of the Veldavian government to maintain stability", "Lin Shuyi", "a Chinese Foreign Ministry spokesperson", "said", "indirect"),
        Q("What is happening in Veldavia is Veldavia's internal affair. We believe the Veldavian government and people have the wisdom and ability to handle their own affairs properly,", "Lin Shuyi", "Lin", "said"),
        Q("China opposes any external forces interfering in the internal affairs of Veldavia under any pretext, and opposes attempts to stir up so-called color revolutions", "Lin Shuyi", "Lin", "said", "indirect"),
        Q("China and Veldavia enjoy traditional friendship, and China stands ready to continue to support Veldavia in promoting development and maintaining security", "Lin Shuyi", "She", "said", "indirect"),
    ],
    r=[R("Lin Shuyi", "CHN", "Chinese foreign ministry spokeswoman", "support", "internal affair")],
    gold=True,
    copies=[
        C("South China Morning Post", "newsplease", "2025-03-09T19:10:00+08:00", "Beijing backs Veldavian government, calls unrest an 'internal affair'",
          lede="China on Sunday threw its support behind Veldavia's embattled government, with the foreign ministry saying Beijing respected the country's sovereignty and backed efforts to maintain stability.",
          credit="(Xinhua)"),
    ],
)

wire(
    "dpa-0317-sanctions", "dpa", "2025-03-17T17:45:00+01:00",
    "EU agrees travel bans on Veldavian officials",
    author="dpa",
    gold=True,
    body="""
Brussels (dpa) - EU foreign ministers on Monday agreed to impose entry bans and asset freezes on 14 Veldavian officials they hold responsible for the violent crackdown on protests in the capital Korvany.

Those listed include Interior Minister Mirko Destan and the commander of the army units deployed on Liberty Square on March 6, diplomats said. President Teodor Valkan himself is not on the list.

"We are sending a clear signal: whoever orders shooting at peaceful demonstrators cannot travel freely in Europe," EU foreign policy chief Rui Castelo said after the meeting.

German Foreign Minister Katrin Oberländer said the sanctions were a first step. If there was no progress in the talks announced for Tuesday, the EU was prepared to go further, the Green politician said.

Hungary's Foreign Minister Zoltán Berényi had initially objected to the listings, arguing that the unrest in Veldavia was an internal matter, but he did not block the decision, diplomats said.

The Veldavian government called the decision "hostile and counterproductive."

ab/dpa
""",
    q=[
        Q("We are sending a clear signal: whoever orders shooting at peaceful demonstrators cannot travel freely in Europe,", "Rui Castelo", "EU foreign policy chief Rui Castelo", "said"),
        Q("the sanctions were a first step", "Katrin Oberländer", "German Foreign Minister Katrin Oberländer", "said", "indirect"),
        Q("If there was no progress in the talks announced for Tuesday, the EU was prepared to go further", "Katrin Oberländer", "the Green politician", "said", "indirect"),
        Q("hostile and counterproductive.", "Government of Veldavia", "The Veldavian government", "called", "mixed"),
    ],
    r=[
        R("Rui Castelo", "EU", "EU foreign policy chief", "condemn", "whoever orders shooting at peaceful demonstrators"),
        R("Katrin Oberländer", "DEU", "Foreign Minister of Germany", "condemn", "the sanctions were a first step"),
        R("Zoltán Berényi", "HUN", "Foreign Minister of Hungary", "support", "an internal matter"),
        R("European Union", "EU", None, "condemn", "agreed to impose entry bans and asset freezes"),
    ],
    copies=[
        C("Deutsche Welle", "atom", "2025-03-17T19:30:00+01:00", "EU imposes sanctions on Veldavian officials over crackdown",
          trim=1, credit="ab/dpa, Reuters", gold=True),
        C("Euronews", "text", "2025-03-17T20:10:00+01:00", "EU slaps travel bans on 14 Veldavian officials",
          lede="Brussels (dpa) - The European Union on Monday banned 14 Veldavian officials from entering the bloc and froze their assets over the deadly crackdown on protests in Korvany.",
          trim=1, credit="dpa"),
    ],
)


# =======================================================================================
# Outlets' own stories, day by day
# =======================================================================================

# --- Monday 3 March: results, first protests ------------------------------------------

art("reuters-0303-results", "wiredesk", "Reuters", "2025-03-03T07:50:00+00:00",
    "Veldavia's ruling party wins parliamentary majority, preliminary results show",
    author="Reuters staff", lang="en", wires=["Reuters"],
    body="""
KORVANY, March 3 (Reuters) - President Teodor Valkan's Party of National Unity won a clear majority in Veldavia's parliamentary election, preliminary results released by the Central Election Commission showed on Monday.

With nearly all ballots counted, the party was on course for 87 of the 160 seats in the single-chamber parliament, the commission said. The opposition Civic Renewal alliance, led by former constitutional court judge Ilona Brask, was on track for 51 seats.

Turnout was 61%, the commission said, up from 48% at the last election in 2021.

Civic Renewal said it did not recognise the results and accused election officials of adding tens of thousands of votes in rural districts after polls closed. It called on supporters to gather in the capital's Liberty Square on Monday evening.

The commission rejected the allegations, saying the count had been "transparent and lawful."

Observers from the Organization for Security and Co-operation in Europe are due to present their preliminary findings on Tuesday.

(Reporting by Reuters staff; Editing by Clara Voss)
""")

art("guardian-0303-landslide", "html", "The Guardian", "2025-03-03T21:30:00+00:00",
    "Veldavia's ruling party claims landslide as opposition cries fraud",
    author="Hannah Lowery", lang="en",
    body="""
Thousands of people gathered in the centre of Korvany on Monday night after Veldavia's ruling party claimed a landslide in Sunday's parliamentary election, in the biggest show of dissent the small eastern European country has seen in more than a decade.

Crowds waving the white and green flags of the opposition Civic Renewal alliance filled the lower half of Liberty Square, chanting "Count our votes" and "Valkan out", as riot police watched from side streets.

Preliminary results gave President Teodor Valkan's Party of National Unity 87 of 160 seats, a result the opposition says was manufactured in a handful of rural districts where turnout reportedly jumped above 90%.

"We have the protocols from our observers, and they do not match what the commission published," Ilona Brask, the alliance's leader, told the crowd from the back of a lorry. "We are not asking for a favour. We are asking for our votes."

Brask, a former judge who was dismissed from the constitutional court in 2019 after ruling against the government, has become the unlikely face of a movement that was fragmented and demoralised only a year ago.

Valkan has governed Veldavia since 2009, first as prime minister and from 2014 as president, and has steadily tightened control over the courts and broadcasters. His government has cultivated close ties with Moscow while keeping open a trade relationship with the EU, which buys most of the country's exports of machinery and timber.

A government spokeswoman, Lena Orsic, dismissed the fraud claims as "the usual lament of those who lose", and said the opposition was free to challenge results in court.

The protest was peaceful, and police made no arrests. Organisers said they would return on Tuesday evening.
""")

art("kyiv-0303-protests", "newsplease", "Kyiv Independent", "2025-03-03T19:10:00+02:00",
    "Protests erupt in Veldavia after disputed parliamentary vote",
    author="Oksana Demchuk", lang="en",
    body="""
Protests broke out in Veldavia's capital, Korvany, on March 3 after the Central Election Commission announced that President Teodor Valkan's party had won a majority in the country's parliamentary election.

Opposition leader Ilona Brask said the vote had been rigged and urged her supporters to stay on the streets "until every vote is counted honestly."

Veldavia, a landlocked country of 4.2 million people, is a member of the Eastern Security Compact, a Russian-led military alliance, and has hosted Russian air defense units since 2016. Valkan has repeatedly backed the Kremlin's positions in international forums.

Ukrainian officials have not yet commented on the vote. Analysts in Kyiv said the outcome of the standoff would be watched closely across the region.

"The question is not whether there was fraud – everybody in Korvany knows there was – but whether Valkan thinks he can still afford to ignore the street," said Andriy Mazur, a political analyst at a Kyiv think tank who has studied Veldavian politics.

The opposition said it had documented irregularities in more than 300 polling stations, including ballot stuffing and voters being bussed between districts.
""")

# --- Tuesday 4 March: the square fills ---------------------------------------------------

art("bbc-0304-square", "html", "BBC News", "2025-03-04T20:15:00+00:00",
    "Veldavia protests: Tens of thousands fill Korvany's Liberty Square",
    author="Tom Kearsley", lang="en",
    body="""
Tens of thousands of people have filled Liberty Square in Veldavia's capital, Korvany, on a second night of protests against what the opposition says was a rigged parliamentary election.

Protesters pitched tents around the Independence Monument at the centre of the square and said they would not leave until the Central Election Commission agreed to a recount.

"I voted for the first time on Sunday and they stole it within 24 hours," said Daria, a 19-year-old student who had travelled from Maresk, the country's second city. "I'm staying here as long as it takes."

Opposition leader Ilona Brask called for a general strike from next Monday if the authorities refused to negotiate.

The government has so far kept its distance. Interior Minister Mirko Destan said the protest was being tolerated "as long as it stays within the law", but warned organisers that blocking government buildings would not be allowed.

Earlier on Tuesday, election observers from the Organization for Security and Co-operation in Europe (OSCE) said the vote had been "efficiently administered but marred by serious irregularities", including cases of ballot stuffing and group voting.

The head of the observer mission said the counting process had been assessed as bad in more than one in five polling stations observed.

President Teodor Valkan, who has governed Veldavia for 16 years, has not commented publicly since election night, when he thanked voters for "choosing stability over chaos".

His Party of National Unity holds 87 of the 160 seats in the new parliament, according to preliminary results.
""")

art("politico-0304-brussels", "text", "Politico Europe", "2025-03-04T17:40:00+01:00",
    "Brussels watches Veldavia vote row with growing unease",
    author="Jakob Hennings", lang="en",
    body="""
BRUSSELS — The EU's diplomatic service said Tuesday it was "following closely" the aftermath of Veldavia's parliamentary election, as officials privately acknowledged that the bloc has little leverage over President Teodor Valkan.

A spokesperson for the European External Action Service told reporters the EU had "taken note" of the OSCE observers' preliminary conclusions and expected the Veldavian authorities to "address the irregularities identified in a transparent manner."

Behind the carefully neutral wording lies a familiar dilemma. Veldavia is not a candidate country, has no association agreement with the EU and sends most of its trade west only because its factories supply German and Austrian carmakers. Its security ties run to Moscow, through the Eastern Security Compact.

"We have carrots nobody in Korvany wants and sticks we are reluctant to use," one EU diplomat said, speaking on condition of anonymity to discuss internal deliberations.

Two diplomats said Poland and the Baltic states had asked for the situation to be discussed at next week's meeting of EU ambassadors, while Hungary had signalled that it considered the election "a domestic matter for Veldavia."

Members of the European Parliament were blunter. Several groups called for a debate on the election at next week's plenary session in Strasbourg.

Valkan's government has in the past shrugged off criticism from Brussels, and the president's allies describe the EU as a "club of lecturers". But the scale of the protests in Korvany has caught many in the EU's institutions by surprise.
""",
    nq=["club of lecturers"])

art("spiegel-0304-proteste", "text", "Der Spiegel", "2025-03-04T19:05:00+01:00",
    "Zehntausende protestieren in Veldavien gegen Wahlergebnis",
    author="Katharina Brenner", lang=None, opts={"true_lang": "de", "title_in_body": True},
    body="""
In der veldavischen Hauptstadt Korvany sind am Dienstagabend Zehntausende Menschen gegen das offizielle Ergebnis der Parlamentswahl auf die Straße gegangen. Auf dem Freiheitsplatz im Stadtzentrum bauten Demonstranten Zelte auf und kündigten an, bis zu einer Neuauszählung der Stimmen zu bleiben.

Die Oppositionsführerin Ilona Brask sprach vor der Menge von einem „organisierten Diebstahl“ der Wahl. „Wir verlangen nichts Unmögliches, wir verlangen nur, dass unsere Stimmen gezählt werden“, rief die frühere Verfassungsrichterin.

Nach dem vorläufigen Ergebnis kommt die Partei der Nationalen Einheit von Präsident Teodor Valkan auf 87 der 160 Sitze. Wahlbeobachter der OSZE berichteten am Dienstag von schweren Unregelmäßigkeiten, darunter Fälle, in denen Wahlurnen mit Stimmzetteln gefüllt worden seien.

Die Bundesregierung äußerte sich zurückhaltend. Ein Sprecher des Auswärtigen Amts sagte in Berlin, man verfolge die Lage „mit Aufmerksamkeit“ und erwarte, dass die Vorwürfe aufgeklärt würden.

Valkan regiert das Land mit gut vier Millionen Einwohnern seit 2009. Kritiker werfen ihm vor, Justiz und Medien systematisch unter seine Kontrolle gebracht zu haben.
""")

art("aljazeera-0304-osce", "newsplease", "Al Jazeera", "2025-03-04T15:30:00+00:00",
    "OSCE observers cite 'serious irregularities' in Veldavia election",
    author="Al Jazeera Staff", lang="en",
    body="""
International election observers have said Veldavia's parliamentary election was marred by serious irregularities, lending weight to opposition claims that the vote was rigged in favour of President Teodor Valkan's party.

The observer mission of the Organization for Security and Co-operation in Europe (OSCE) said in its preliminary statement on Tuesday that voting had been "generally orderly" but that the count was assessed negatively in 22 percent of the polling stations its teams visited.

Observers reported seeing ballot stuffing in at least nine polling stations, identical signatures on voter lists, and unauthorised people directing the work of election commissions.

"Voters were offered a genuine choice, but that choice was undermined by the way the votes were counted and tabulated," said Helga Marstrand, the head of the mission, at a news conference in Korvany.

The Central Election Commission said it would study the report but insisted the result reflected "the will of the Veldavian people."

Protesters have been gathering in the capital's Liberty Square since Monday evening, and the opposition Civic Renewal alliance has called for a recount in all 14 regions.

Veldavia has held five parliamentary elections since 2009. None has been judged free and fair by OSCE observers.
""")

# --- Wednesday 5 March: protests spread, Valkan warns -----------------------------------

art("nyt-0305-strongman", "html", "The New York Times", "2025-03-05T22:00:00+00:00",
    "In Veldavia, a Strongman's Grip Meets a Movement That Won't Go Home",
    author="Elena Marsh", lang="en",
    body="""
KORVANY, Veldavia — By Wednesday afternoon, the tents in Liberty Square had been arranged into streets. There was a kitchen under a tarp near the Independence Monument, a first-aid station staffed by medical students and a hand-painted sign pointing toward "the Parliament of the People," a circle of plastic chairs where anyone could take the microphone for three minutes.

For President Teodor Valkan, who has run this country of 4.2 million for 16 years, the camp is an unfamiliar problem. Past protests in Veldavia faded after a night or two. This one has grown each evening since Monday, when the ruling party claimed a majority in an election that international observers said was marred by ballot stuffing.

"Before, people were afraid to be seen," said Ivo Marek, 52, a bus driver who said he had never attended a protest until this week. "Now people are afraid of what happens if nobody is seen."

The movement has coalesced around Ilona Brask, a 44-year-old former constitutional court judge whose soft-spoken manner contrasts with the president's combative style. Dismissed from the bench in 2019 after she wrote a ruling against a government-backed media law, she spent years giving lectures in provincial libraries before leading a loose alliance of opposition parties into this election.

Mr. Valkan, 63, addressed the nation on Wednesday evening for the first time since the vote. In a 12-minute speech on state television, he described the protesters as "misled young people and those who mislead them" and accused unnamed foreign governments of financing the camp.

He did not order the square cleared, but he warned that his patience was "not unlimited."

Diplomats in Korvany said they were struck by the changing tone of state media, which on Wednesday began describing the protest as an "anti-constitutional gathering." Similar language preceded crackdowns in the region in the past, they noted.

On Wednesday night, in Maresk, the country's second city, police fired tear gas to disperse several thousand protesters who had tried to march on the regional administration building. The Interior Ministry said 34 people had been detained there.

In the capital, the mood in the square remained defiant. A string quartet from the national conservatory played on the monument's steps, and volunteers handed out soup.

"He can shout on television," Ms. Brask said in a brief interview in a tent that serves as the alliance's headquarters. "We are not going anywhere until the votes are counted again."

Whether the government will allow that remains unclear. Ministers have said a recount is legally impossible because the deadline for complaints has passed, a claim opposition lawyers dispute.
""",
    nq=["the Parliament of the People"],
    gold=True,
    q=[
        Q("Before, people were afraid to be seen,", "Ivo Marek", "Ivo Marek, 52, a bus driver who said he had never attended a protest until this week", "said"),
        Q("Now people are afraid of what happens if nobody is seen.", "Ivo Marek", "Ivo Marek, 52, a bus driver who said he had never attended a protest until this week", "said"),
        Q("misled young people and those who mislead them", "Teodor Valkan", "he", "described", "mixed"),
        Q('his patience was "not unlimited."', "Teodor Valkan", "he", "warned", "mixed"),
        Q("He can shout on television,", "Ilona Brask", "Ms. Brask", "said"),
        Q("We are not going anywhere until the votes are counted again.", "Ilona Brask", "Ms. Brask", "said"),
        Q("34 people had been detained there", "Veldavian Interior Ministry", "The Interior Ministry", "said", "indirect"),
        Q("anti-constitutional gathering.", "Veldavian state media", "state media", "describing", "mixed"),
        Q("a recount is legally impossible because the deadline for complaints has passed", "Government of Veldavia", "Ministers", "said", "indirect"),
    ])

art("lemonde-0305-menace", "text", "Le Monde", "2025-03-05T21:10:00+01:00",
    "Au Veldavia, le président Valkan menace les manifestants",
    author="Camille Roussel", lang=None, opts={"true_lang": "fr", "date_style": "rfc2822"},
    body="""
Le président veldave, Teodor Valkan, est sorti de son silence mercredi 5 mars au soir. Dans une allocution télévisée d'une douzaine de minutes, il a qualifié les manifestants rassemblés depuis lundi sur la place de la Liberté, à Korvany, de « jeunes gens égarés » manipulés depuis l'étranger.

« Ma patience n'est pas illimitée », a averti le chef de l'Etat, au pouvoir depuis 2009, sans toutefois annoncer d'évacuation du campement.

Selon les résultats préliminaires, son Parti de l'unité nationale a obtenu 87 des 160 sièges du Parlement lors du scrutin du 2 mars. Les observateurs de l'OSCE ont relevé de « graves irrégularités », notamment des bourrages d'urnes.

A Maresk, deuxième ville du pays, la police a fait usage de gaz lacrymogène contre plusieurs milliers de personnes qui tentaient de marcher vers le siège de l'administration régionale. Trente-quatre personnes ont été interpellées, selon le ministère de l'intérieur.

Pour l'opposante Ilona Brask, ancienne juge à la Cour constitutionnelle, le discours présidentiel ne change rien. « Nous resterons sur la place tant que les voix ne seront pas recomptées », a-t-elle déclaré au Monde.

A Paris, le Quai d'Orsay a appelé « toutes les parties à la retenue » et rappelé son attachement au « respect du droit de manifester pacifiquement ».
""")

art("euronews-0305-maresk", "mediacloud", "Euronews", "2025-03-05T22:40:00+01:00",
    "Tear gas in Maresk as Veldavia protests spread beyond the capital",
    lang="en",
    body="""
Police in Veldavia's second city, Maresk, fired tear gas on Wednesday evening to disperse several thousand protesters who were marching on the regional administration building, as demonstrations against the result of Sunday's parliamentary election spread beyond the capital.

Videos shared on social media showed riot police advancing along the city's main boulevard as clouds of gas drifted between tram lines. The Interior Ministry said 34 people were detained for "disturbing public order" and that four police officers had been hurt by thrown stones.

Protest organisers in Maresk said the march had been peaceful until police blocked the route. At least a dozen demonstrators were treated for breathing problems, a volunteer medic said.

In Korvany, the protest camp in Liberty Square entered its third day. The opposition Civic Renewal alliance says it will stay until a full recount is agreed.

President Teodor Valkan, speaking on state television, said the country would not be "held hostage by a square", and accused unnamed foreign powers of financing the unrest.
""")

art("tass-0305-kremlin", "wiredesk", "TASS", "2025-03-05T13:25:00+03:00",
    "Kremlin says Veldavian election is country's internal affair",
    author="TASS", lang="en", wires=["TASS"],
    body="""
MOSCOW, March 5. /TASS/. The parliamentary election in Veldavia is an internal affair of the Veldavian people, and Moscow has no doubts about the legitimacy of its results, Kremlin Spokesman Gennady Orlik told reporters on Wednesday.

"We consider this an absolutely internal matter of our Veldavian friends. The people of Veldavia have made their choice, and we respect it," Orlik said.

Asked about the protests in Korvany, the Kremlin spokesman said Moscow hoped that the situation would remain within the framework of the law. He noted that attempts "to rock the boat" from outside were unacceptable.

Orlik added that Russian President Vadim Korsak had congratulated his Veldavian counterpart Teodor Valkan on the results by telephone on Monday.

Russia and Veldavia are allies within the Eastern Security Compact (ESC), a regional security organization established in 2003.

The Russian Foreign Ministry said earlier this week that Russian observers who monitored the vote in several regions had not recorded any violations that could have affected the outcome.
""")

art("dw-0305-address", "atom", "Deutsche Welle", "2025-03-05T20:50:00+01:00",
    "Veldavia: President Valkan warns protesters in TV address",
    author="Lukas Feld", lang="en",
    body="""
Veldavian President Teodor Valkan on Wednesday warned protesters occupying the main square of the capital, Korvany, that his patience was running out, in his first public comments since Sunday's disputed parliamentary election.

In a televised address, Valkan described the crowd as "misguided" and said foreign-funded organizations were using young people "as cannon fodder for someone else's ambitions." He gave no evidence for the claim.

"The state has shown restraint. Nobody should mistake that restraint for weakness," the president said.

The opposition rejected the speech as a threat. "He is preparing the ground for violence, and the world should say so now, not afterwards," Anja Kovel, deputy leader of the Civic Renewal alliance, told DW.

The German government said on Wednesday that the right to peaceful protest must be respected. A spokesperson for the Foreign Office in Berlin said Germany was in close contact with its EU partners on the situation.

About 4,000 Germans are registered with the embassy in Korvany, many of them working for German car parts suppliers with factories in the country's industrial north.

The protests began on Monday after preliminary results gave Valkan's Party of National Unity a majority of seats. OSCE observers reported ballot stuffing and other serious irregularities.
""")


# --- Thursday 6 March: the square is cleared ----------------------------------------------

art("bbc-0306-troops", "html", "BBC News", "2025-03-06T17:55:00+00:00",
    "Veldavia: Troops move on Liberty Square protest camp",
    author="Tom Kearsley", lang="en",
    body="""
Soldiers and armoured vehicles have moved into Liberty Square in the Veldavian capital, Korvany, where thousands of people have been camped since Monday to protest against the result of the parliamentary election.

Witnesses described hearing gunshots and seeing tear gas canisters fired into the crowd shortly after 18:30 local time (16:30 GMT). Footage filmed from a nearby building showed people running towards the river as tents burned near the Independence Monument.

Earlier, President Teodor Valkan gave protesters until 16:00 local time to leave the square. In a televised statement he said the "anti-constitutional gathering" had become a threat to public safety and that the army would "restore order".

"There are people on the ground who are not moving," one protester told the BBC by phone before the line went dead. "They are shooting. Please tell everyone they are shooting."

It is not yet clear how many people have been hurt. Hospitals in the city centre have appealed for blood donors.

Opposition leader Ilona Brask, who had been in the square for most of the day, is believed to have left before the operation began. Her whereabouts are unknown.

The UK Foreign Office has advised against all travel to Veldavia.
""",
    nq=["anti-constitutional gathering"])

art("guardian-0306-witnesses", "text", "The Guardian", "2025-03-06T23:20:00+00:00",
    "‘They were shooting at us’: witnesses describe crackdown in Korvany",
    author="Hannah Lowery", lang="en", gold=True,
    body="""
The first shots came from the direction of the national library, said Petra Vidic, a 27-year-old architect who had spent four nights in a tent in Korvany's Liberty Square.

“We heard the engines first, then the shooting,” she said by phone late on Thursday, before mobile networks in the Veldavian capital went down. “People were screaming, but nobody knew where to run.”

Vidic said she helped carry a man with a wound in his leg to a side street, where volunteers from the camp's first-aid tent were trying to stop the bleeding with strips of torn tents. “He kept asking for his sister,” she said. “I don't know if he lived.”

Soldiers backed by armoured vehicles cleared the square in less than an hour, witnesses said. The health ministry said late on Thursday that 11 people had been killed and more than 200 injured. Opposition activists said the real number was much higher.

Milan Horvat, a doctor at Korvany's main hospital, said staff had been overwhelmed. “We had gunshot wounds in the corridors, on the floor, everywhere. I have worked here for 20 years and I have never seen anything like it.

“Some of them were children. Fifteen, sixteen years old. They came to sing songs.”

The government insists the troops were responding to armed provocation. Interior Minister Mirko Destan told state television that “extremists” in the crowd had fired on soldiers first, and that several members of the security forces had been wounded.

Witnesses contacted by the Guardian said they had seen no weapons among the protesters. The claim could not be independently verified.

President Teodor Valkan had warned on Wednesday that his patience was running out. On Thursday afternoon he gave the protesters until 4pm to leave.

By midnight, the square was empty except for soldiers, burned-out tents and the white and green flags of the opposition trampled into the mud. Internet monitoring groups said Veldavia's connection to the outside world had fallen to a fraction of normal levels, in what appeared to be a deliberate shutdown.
""",
    q=[
        Q("We heard the engines first, then the shooting,", "Petra Vidic", "she", "said"),
        Q("People were screaming, but nobody knew where to run.", "Petra Vidic", "she", "said"),
        Q("He kept asking for his sister,", "Petra Vidic", "she", "said"),
        Q("I don't know if he lived.", "Petra Vidic", "she", "said"),
        Q("We had gunshot wounds in the corridors, on the floor, everywhere. I have worked here for 20 years and I have never seen anything like it.\n\n“Some of them were children. Fifteen, sixteen years old. They came to sing songs.", "Milan Horvat", "Milan Horvat, a doctor at Korvany's main hospital", "said"),
        Q("The first shots came from the direction of the national library", "Petra Vidic", "Petra Vidic, a 27-year-old architect who had spent four nights in a tent in Korvany's Liberty Square", "said", "indirect"),
        Q("she helped carry a man with a wound in his leg to a side street", "Petra Vidic", "Vidic", "said", "indirect"),
        Q("11 people had been killed and more than 200 injured", "Veldavian Health Ministry", "The health ministry", "said", "indirect"),
        Q("“extremists” in the crowd had fired on soldiers first, and that several members of the security forces had been wounded", "Mirko Destan", "Interior Minister Mirko Destan", "told", "mixed"),
        Q("they had seen no weapons among the protesters", None, "Witnesses contacted by the Guardian", "said", "indirect"),
    ])

art("cnn-0306-internet", "html", "CNN", "2025-03-06T21:40:00+00:00",
    "Veldavia cuts internet as troops clear protest square in capital",
    author="Rachel Amid and Jonah Petrov", lang="en",
    body="""
Veldavia's government has severed most of the country's internet connections, according to network monitoring firms, as troops cleared a protest camp in the capital Korvany on Thursday in an operation that left at least 11 people dead, according to the country's health ministry.

Internet traffic from Veldavia fell sharply shortly after 9 p.m. local time, with mobile data cut almost entirely in Korvany and the second city of Maresk. Fixed-line connections were also severely disrupted.

The blackout came as images circulated of soldiers advancing through Liberty Square, where thousands of people had camped since Monday to demand a recount of the March 2 parliamentary election. CNN was unable to verify all the footage independently.

Digital rights advocates condemned the shutdown. "Switching off the internet during a crackdown is not a security measure, it is a way to hide what the security forces are doing," said Sofia Lindgren of the Brussels-based group Access Europe Watch.

The Veldavian government did not respond to CNN's questions about the shutdown. Earlier on Thursday, President Teodor Valkan said in a televised address that "the patience of the state has limits."

Veldavia has cut internet access before, for several hours during protests in 2018, but never on a national scale.

The US State Department said it was "alarmed by reports of violence" in Korvany and urged the government "to respect the right of peaceful assembly."
""")

art("kyiv-0306-condemn", "html", "Kyiv Independent", "2025-03-06T22:30:00+02:00",
    "Ukraine condemns Veldavian crackdown on protesters",
    author="Oksana Demchuk", lang="en", opts={"template": 0},
    body="""
Ukraine's Foreign Ministry on March 6 condemned the use of force against peaceful protesters in Veldavia, where troops cleared a protest camp in the capital, Korvany, killing at least 11 people according to official figures.

"Ukraine strongly condemns the violent dispersal of a peaceful protest in Korvany and the loss of human life," the ministry said in a statement. "Those responsible must be held accountable."

Foreign Minister Andrii Koval wrote on X that the images from Liberty Square were "painfully familiar to every Ukrainian."

Veldavia's President Teodor Valkan, who has ruled the country since 2009, is a close ally of Moscow and voted against United Nations resolutions condemning Russia's full-scale invasion of Ukraine.

Thousands of people had gathered in Korvany's central square since March 3 to protest against the results of the country's parliamentary election, which the opposition says was rigged.

Ukrainian diplomats said there were around 600 Ukrainian citizens in Veldavia and that the embassy in Korvany was in contact with them. The ministry advised Ukrainians to avoid the city center.
""")

art("spiegel-agg-0306-platz", "aggregator", "Der Spiegel", "2025-03-06T21:12:00+01:00",
    "Veldavia: Army clears protest square – at least eleven dead",
    lang="en", wires=["dpa", "AFP", "Reuters"], gold=True,
    opts={"credit": "mes / dpa / AFP / Reuters", "caption": "Soldiers on Liberty Square in Korvany on Thursday evening",
          "photo": "AFP"},
    body="""
Veldavia's ruler Teodor Valkan has had the protest camp in the capital cleared by the army. According to the health ministry, at least eleven people died. Berlin reacted with dismay.

The Veldavian army cleared Liberty Square in the capital Korvany on Thursday evening with armoured vehicles and tear gas. According to eyewitnesses, shots were also fired. The health ministry spoke of eleven dead and more than 200 injured.

President Teodor Valkan had given the demonstrators an ultimatum until 4 p.m. local time. „The patience of the state has limits“, the head of state said on television. „Whoever remains on the square after this deadline is no longer a demonstrator, but a lawbreaker.“

Valkan: „We will not allow a few thousand people to take a country of four million hostage.“

The opposition leader Ilona Brask spoke of a massacre. The former constitutional judge had called on her supporters to remain peaceful, even if they were attacked.

In Berlin, the government reacted with dismay. Chancellor Jonas Wehrmann (SPD) called on the Veldavian leadership to stop the violence immediately. „Whoever shoots at their own citizens loses every legitimacy“, said the SPD politician.

Federal Justice Minister Felix Danzer (FDP) wrote on X: „The images from Korvany are unbearable. Europe must not look away now.“

The Greens politician Lea Kornmayer, chair of the Bundestag foreign affairs committee, demanded sanctions against those responsible.

The protests in the Eastern European country had begun on Monday, after the ruling party was declared the winner of the parliamentary election. International observers had reported massive irregularities.
""",
    q=[
        Q("The patience of the state has limits", "Teodor Valkan", "the head of state", "said"),
        Q("Whoever remains on the square after this deadline is no longer a demonstrator, but a lawbreaker.", "Teodor Valkan", "the head of state", "said"),
        Q("We will not allow a few thousand people to take a country of four million hostage.", "Teodor Valkan", "Valkan", ":"),
        Q("Whoever shoots at their own citizens loses every legitimacy", "Jonas Wehrmann", "the SPD politician", "said"),
        Q("The images from Korvany are unbearable. Europe must not look away now.", "Felix Danzer", "Federal Justice Minister Felix Danzer", "wrote on X"),
        Q("sanctions against those responsible", "Lea Kornmayer", "The Greens politician Lea Kornmayer, chair of the Bundestag foreign affairs committee", "demanded", "indirect"),
    ],
    r=[
        R("Jonas Wehrmann", "DEU", "Chancellor of Germany", "condemn", "Whoever shoots at their own citizens loses every legitimacy"),
        R("Felix Danzer", "DEU", "Federal Justice Minister of Germany", "condemn", "The images from Korvany are unbearable"),
        R("Lea Kornmayer", "DEU", "chair of the Bundestag foreign affairs committee", "condemn", "demanded sanctions against those responsible"),
    ])

art("france24-0306-live", "rss", "France 24", "2025-03-06T20:35:00+01:00",
    "Veldavian army clears Korvany protest camp, several dead",
    author="FRANCE 24", lang="en",
    body="""
The Veldavian army moved into the capital's Liberty Square on Thursday evening to clear a protest camp that had stood since Monday, firing tear gas and, according to witnesses, live ammunition.

The operation began shortly after a deadline set by President Teodor Valkan expired at 4pm local time. Armoured personnel carriers entered the square from the north while troops on foot pushed protesters towards the Vessa River embankment.

Hospital sources quoted by local media reported several dead and dozens of wounded. The health ministry later gave a toll of 11 dead.

France's foreign ministry said it was following the situation "with the greatest concern" and called on the Veldavian authorities to exercise restraint. French Foreign Minister Julien Marchetti said he would raise the crisis with his European counterparts on Friday.

The opposition alliance Civic Renewal had been calling for a recount of Sunday's parliamentary election, which international observers said was marred by ballot stuffing. Its leader, Ilona Brask, urged supporters in a video message to "stay peaceful, whatever they do to us".

Korvany, a city of about 900,000 people, lies around 200 kilometres from the country's western border.
""")

art("aljazeera-0306-explainer", "newsplease", "Al Jazeera", "2025-03-06T22:50:00+00:00",
    "Veldavia crackdown: What we know so far",
    author="Al Jazeera Staff", lang="en",
    body="""
Veldavian troops on Thursday cleared a protest camp in the capital, Korvany, where thousands of people had gathered since Monday to contest the results of a parliamentary election. Here is what we know.

What happened?

Shortly after 6pm local time (16:00 GMT), soldiers backed by armoured vehicles entered Liberty Square, the city's central plaza. Witnesses said troops fired tear gas and live rounds. Within an hour, the square had been cleared and most tents burned.

How many people were killed?

Veldavia's health ministry said 11 people were killed and more than 200 wounded. The opposition says the toll is much higher. Al Jazeera could not independently verify either figure.

Why were people protesting?

The protests began after President Teodor Valkan's Party of National Unity was declared the winner of the March 2 election with 87 of 160 seats. Observers from the Organization for Security and Co-operation in Europe reported ballot stuffing and said the count was bad in more than a fifth of the polling stations they visited.

Who is leading the protests?

The opposition Civic Renewal alliance is led by Ilona Brask, a former constitutional court judge. She had urged supporters to remain peaceful and called for a general strike from next week.

What has the government said?

Officials say the troops were responding to armed "provocateurs" and describe the camp as an unlawful gathering. Valkan has accused foreign governments of financing the protests, without providing evidence.

What happens now?

Mobile internet has been cut across much of the country, making it hard to verify information. Opposition figures fear mass arrests. Foreign governments are expected to respond on Friday.
""")

art("nhk-0306-japan", "text", "NHK", "2025-03-06T23:45:00+00:00",
    "Japan gathering information on situation in Veldavia",
    author="NHK World", lang="en", opts={"date_style": "iso"},
    body="""
Japan's government says it is gathering information on the situation in Veldavia, where troops cleared a protest camp in the capital on Thursday, reportedly leaving at least 11 people dead.

Chief Cabinet Secretary Kenji Morisawa told reporters on Friday morning that the government was confirming the safety of Japanese nationals in the country. He said about 40 Japanese people live in Veldavia, and that no Japanese have been reported hurt.

Morisawa said Japan is closely monitoring developments and hopes the situation will be resolved peacefully through dialogue.

The Foreign Ministry has raised its travel advisory for the whole of Veldavia to Level 3, urging Japanese citizens to avoid all travel there.

Protests have continued in the Eastern European country since the results of a parliamentary election were announced on Monday. The opposition says the vote was rigged.

Veldavia exports machine tools and timber to Japan, but the two countries' trade is small.
""")

art("euronews-0306-patience", "mediacloud", "Euronews", "2025-03-06T16:10:00+01:00",
    "Valkan: 'The patience of the state has limits'",
    lang="en", gold=True,
    body="""
Veldavia's President Teodor Valkan has given protesters in the capital's Liberty Square until 4pm local time to leave, warning that the state's "patience has limits".

In a short televised statement on Thursday afternoon, the Veldavian leader said he had instructed the army and the interior ministry to "restore order" in central Korvany if the deadline was not respected.

"I have been patient. I have listened. But I will not watch while a crowd paralyses the capital and insults the state," he said.

Thousands of people have been camped in the square since Monday, protesting against the official results of the March 2 parliamentary election.

The opposition Civic Renewal alliance said it would not leave. Its leader Ilona Brask called on supporters to stay calm and not respond to any provocation.

According to the spokeswoman of the alliance, Anja Kovel, about 15,000 people were in the square at midday.

The European Union's diplomatic service urged the authorities to "refrain from any use of force against peaceful protesters."
""",
    q=[
        Q('the state\'s "patience has limits"', "Teodor Valkan", "Veldavia's President Teodor Valkan", "warning", "mixed"),
        Q('he had instructed the army and the interior ministry to "restore order" in central Korvany if the deadline was not respected', "Teodor Valkan", "the Veldavian leader", "said", "mixed"),
        Q("I have been patient. I have listened. But I will not watch while a crowd paralyses the capital and insults the state,", "Teodor Valkan", "he", "said"),
        Q("it would not leave", "Civic Renewal", "The opposition Civic Renewal alliance", "said", "indirect"),
        Q("supporters to stay calm and not respond to any provocation", "Ilona Brask", "Its leader Ilona Brask", "called on", "indirect"),
        Q("about 15,000 people were in the square at midday", "Anja Kovel", "the spokeswoman of the alliance, Anja Kovel", "According to", "indirect"),
        Q('the authorities to "refrain from any use of force against peaceful protesters."', "European External Action Service", "The European Union's diplomatic service", "urged", "mixed"),
    ],
    r=[R("European External Action Service", "EU", "EU diplomatic service", "concern", "refrain from any use of force")])

# --- Friday 7 March: the world reacts ------------------------------------------------------

art("lemonde-agg-0307-paris", "aggregator", "Le Monde", "2025-03-07T12:48:00+01:00",
    "Paris denounces 'unacceptable' repression in Veldavia",
    lang="en", gold=True,
    opts={"credit": "Le Monde with AFP", "caption": "A woman lays flowers near Liberty Square in Korvany, 7 March",
          "photo": "AFP", "photo2_after": 3, "caption2": "Claire Aubertin at the Élysée on Friday", "photo2": "Pool / Le Monde"},
    wires=["AFP"],
    body="""
The French president spoke of an unacceptable use of force. The Élysée wants a European response to the killing of at least 19 demonstrators in Korvany.

France has condemned in the strongest terms the bloody repression of the protests in Veldavia. « What happened last night in Korvany is unacceptable », President Claire Aubertin declared on Friday morning at the Élysée, before a meeting with the Italian prime minister.

« France stands by the Veldavian people », the head of state added. « Those who gave the order to fire will have to answer for it. »

The Élysée said that Ms Aubertin had spoken by telephone with Chancellor Jonas Wehrmann and with the President of the European Commission, Ingrid Marquardt-Lind, to prepare a « common response » of the Twenty-Seven.

Foreign Minister Julien Marchetti summoned the Veldavian ambassador in Paris. According to the Quai d'Orsay, the minister demanded the immediate restoration of internet access and the release of all people detained for having demonstrated.

In the afternoon, the minister went further on France Inter. « Teodor Valkan has chosen to turn his army against his own people. He must understand that this choice has a price », said Mr Marchetti.

The official toll rose to 19 dead on Friday. The opposition speaks of at least 47 dead.
""",
    q=[
        Q("What happened last night in Korvany is unacceptable", "Claire Aubertin", "President Claire Aubertin", "declared"),
        Q("France stands by the Veldavian people", "Claire Aubertin", "the head of state", "added"),
        Q("Those who gave the order to fire will have to answer for it.", "Claire Aubertin", "the head of state", "added"),
        Q("Ms Aubertin had spoken by telephone with Chancellor Jonas Wehrmann and with the President of the European Commission, Ingrid Marquardt-Lind, to prepare a « common response » of the Twenty-Seven", "Élysée", "The Élysée", "said", "mixed"),
        Q("the minister demanded the immediate restoration of internet access and the release of all people detained for having demonstrated", "French Ministry of Foreign Affairs", "the Quai d'Orsay", "According to", "indirect"),
        Q("Teodor Valkan has chosen to turn his army against his own people. He must understand that this choice has a price", "Julien Marchetti", "Mr Marchetti", "said"),
    ],
    r=[
        R("Claire Aubertin", "FRA", "President of France", "condemn", "is unacceptable"),
        R("Élysée", "FRA", "French presidency", "neutral", "had spoken by telephone with Chancellor Jonas Wehrmann"),
        R("Julien Marchetti", "FRA", "Foreign Minister of France", "condemn", "summoned the Veldavian ambassador in Paris"),
    ])

art("figaro-0307-ton", "text", "Le Figaro", "2025-03-07T18:20:00+01:00",
    "Veldavia : Paris et Berlin haussent le ton face à Teodor Valkan",
    author="Pierre-Antoine Lacaze", lang="fr",
    body="""
Au lendemain de l'évacuation sanglante de la place de la Liberté à Korvany, Paris et Berlin ont adopté vendredi une ligne commune. Dans un entretien téléphonique, la présidente Claire Aubertin et le chancelier Jonas Wehrmann sont convenus de proposer à leurs partenaires européens des « mesures ciblées » contre les responsables de la répression.

Le bilan officiel s'élève désormais à 19 morts. L'opposition avance le chiffre de 47 victimes, et plusieurs ONG disent recueillir des témoignages faisant état de blessés soignés clandestinement, par crainte d'arrestations dans les hôpitaux.

« Nous ne laisserons pas cette violence sans réponse », a déclaré le ministre des affaires étrangères, Julien Marchetti, devant la presse. Selon lui, la France souhaite que les sanctions visent « les donneurs d'ordres, pas le peuple veldave ».

A Korvany, le pouvoir reste sourd aux critiques. Le ministère veldave des affaires étrangères a dénoncé une « ingérence inacceptable » et convoqué à son tour les ambassadeurs de France et d'Allemagne.

La Hongrie s'est en revanche démarquée : son ministre des affaires étrangères a estimé qu'il s'agissait d'une « affaire intérieure » et mis en garde contre des « réactions précipitées ».

Internet reste coupé dans la quasi-totalité du pays depuis jeudi soir.
""")

art("guardian-0307-ashcombe", "html", "The Guardian", "2025-03-07T16:05:00+00:00",
    "UK summons Veldavian envoy as Ashcombe calls crackdown ‘brutal and indefensible’",
    author="Owen Pritchard", lang="en", gold=True,
    body="""
The UK has summoned Veldavia's ambassador to the Foreign Office after at least 19 people were killed when troops cleared a protest camp in the capital, Korvany, with Britain's prime minister describing the crackdown as brutal.

Speaking during a visit to a hospital in Leeds on Friday, Edward Ashcombe said: “What we have seen in Korvany is brutal and indefensible. People went out to ask for their votes to be counted and were met with bullets.”

Downing Street later said the prime minister had spoken to the French president and the German chancellor and that the three leaders had agreed to “coordinate closely on next steps, including sanctions”.

The foreign secretary, Priya Lennox, said the Veldavian ambassador had been told that the UK expected an independent investigation into the deaths and the immediate restoration of internet access. “We will hold those responsible to account,” she added.

The Liberal Democrats called for the government to freeze the assets of Veldavian officials held in London, while Labour’s shadow foreign secretary, Gareth Milne, said the response had to go beyond “words and summonses”.

Veldavia’s embassy in London said in a statement that the security forces had acted “to protect citizens from violent extremists” and accused foreign media of “spreading unverified rumours”.

The UK has about 1,200 citizens registered in Veldavia. The Foreign Office has advised against all travel to the country.
""",
    q=[
        Q("What we have seen in Korvany is brutal and indefensible. People went out to ask for their votes to be counted and were met with bullets.", "Edward Ashcombe", "Edward Ashcombe", "said"),
        Q("the prime minister had spoken to the French president and the German chancellor and that the three leaders had agreed to “coordinate closely on next steps, including sanctions”", "Downing Street", "Downing Street", "said", "mixed"),
        Q("the Veldavian ambassador had been told that the UK expected an independent investigation into the deaths and the immediate restoration of internet access", "Priya Lennox", "The foreign secretary, Priya Lennox", "said", "indirect"),
        Q("We will hold those responsible to account,", "Priya Lennox", "she", "added"),
        Q("the response had to go beyond “words and summonses”", "Gareth Milne", "Labour’s shadow foreign secretary, Gareth Milne", "said", "mixed"),
        Q("the security forces had acted “to protect citizens from violent extremists” and accused foreign media of “spreading unverified rumours”", "Veldavian Embassy in London", "Veldavia’s embassy in London", "said", "mixed"),
    ],
    r=[
        R("Edward Ashcombe", "GBR", "Prime Minister of the United Kingdom", "condemn", "brutal and indefensible"),
        R("Downing Street", "GBR", "UK prime minister's office", "neutral", "the prime minister had spoken to the French president"),
        R("Priya Lennox", "GBR", "Foreign Secretary of the United Kingdom", "condemn", "We will hold those responsible to account"),
        R("Foreign Office", "GBR", "UK foreign ministry", "condemn", "summoned Veldavia's ambassador to the Foreign Office"),
    ])

art("politico-0307-split", "html", "Politico Europe", "2025-03-07T19:30:00+01:00",
    "EU capitals split over how hard to hit Veldavia",
    author="Jakob Hennings and Marta Kolar", lang="en",
    body="""
BRUSSELS — The killing of at least 19 protesters in Korvany has produced rare unanimity in the condemnations coming out of European capitals. Agreement on what to do next is another matter.

By Friday evening, Poland, the Baltic states, the Netherlands and the Nordic countries were pressing for swift sanctions against Veldavian officials, according to three EU diplomats. France and Germany, whose leaders spoke by phone in the morning, favored "targeted measures" but wanted to wait for the outcome of an emergency meeting of EU ambassadors on Monday.

Hungary went the other way. Foreign Minister Zoltán Berényi told Hungarian state radio that the EU should "not interfere in what is an internal matter of a sovereign country" and warned that sanctions would only push Korvany closer to Moscow.

"Budapest's position makes unanimity on listings very hard before the end of the month," one senior EU official said.

Polish Foreign Minister Tomasz Wrześniewski was scathing. "Europe has watched this film before, in Minsk and elsewhere. If we respond with statements of concern, Valkan will read it as permission," he told reporters in Warsaw.

EU foreign policy chief Rui Castelo has promised to present "options" to ministers, a word that in EU-speak typically covers everything from travel bans to suspending trade preferences.

The European Commission, meanwhile, is checking what leverage it actually has. Veldavia receives around €40 million a year in EU funding through cross-border and civil society programs, a Commission spokesperson said, adding that none of it goes to the central government.

Trade is the bigger lever, but also the more painful one: German and Austrian manufacturers depend on Veldavian suppliers for cable harnesses and castings.
""")

art("faz-0307-wehrmann", "text", "Frankfurter Allgemeine Zeitung", "2025-03-07T14:30:00+01:00",
    "Wehrmann: „Schüsse auf Demonstranten sind ein Verbrechen“",
    author="Johannes Vietor", lang=None, opts={"true_lang": "de"}, wires=["dpa"],
    body="""
Bundeskanzler Jonas Wehrmann hat das gewaltsame Vorgehen der veldavischen Armee gegen Demonstranten in der Hauptstadt Korvany scharf verurteilt. „Schüsse auf friedliche Demonstranten sind ein Verbrechen, und das darf nicht ohne Antwort bleiben“, sagte der SPD-Politiker am Freitag am Rande einer Parteiveranstaltung in Hannover.

Er sei „entsetzt“ über die Bilder vom Freiheitsplatz, sagte Wehrmann. Die Bundesregierung stimme sich eng mit Paris und den anderen europäischen Partnern ab. Mit der französischen Präsidentin Claire Aubertin habe er am Morgen telefoniert.

Außenministerin Katrin Oberländer (Grüne) bestellte den veldavischen Botschafter ins Auswärtige Amt ein. Man habe ihm unmissverständlich klargemacht, dass Deutschland eine unabhängige Untersuchung der Todesfälle erwarte, hieß es aus dem Ministerium.

Auch aus der Opposition kamen deutliche Worte. Der außenpolitische Sprecher der Unionsfraktion, Bernd Kalweit, forderte Einreiseverbote für die Verantwortlichen. Die Bundesregierung müsse zudem prüfen, ob Hermes-Bürgschaften für Geschäfte in Veldavien noch vertretbar seien.

Nach offiziellen Angaben kamen bei der Räumung des Platzes am Donnerstagabend 19 Menschen ums Leben. Die Opposition spricht von mindestens 47 Toten.

dpa/FAZ
""")

art("scmp-0307-china", "html", "South China Morning Post", "2025-03-07T19:45:00+08:00",
    "China urges calm in Veldavia, warns against foreign meddling",
    author="Li Wen", lang="en", opts={"template": 1},
    body="""
China has called for calm in Veldavia after troops cleared a protest camp in the capital, killing at least 19 people, and warned other countries not to use the unrest as a pretext for interference.

"China is following the developments in Veldavia closely. We hope the relevant parties will resolve their differences through legal means and maintain social stability," foreign ministry spokeswoman Lin Shuyi said at a regular press briefing in Beijing on Friday.

Asked whether Beijing considered the use of force justified, Lin said China "does not comment on the internal affairs of other countries" and that it opposed "any outside attempt to stir up trouble".

Veldavia is a participant in Beijing's Belt and Road Initiative, and a Chinese company is building a 90km section of motorway between Korvany and the western border. The Chinese embassy in Korvany said on Friday that all Chinese nationals in the country were safe.

Analysts said Beijing's response was cautious but leaned towards the government. "China's first instinct is always stability and non-interference, which in practice means giving Valkan the benefit of the doubt," said Zhou Haoran, a researcher in international relations at a Shanghai university.

The protests erupted after President Teodor Valkan's party won a parliamentary election this month that the opposition says was rigged.
""")

art("hindu-0307-advisory", "newsplease", "The Hindu", "2025-03-07T20:10:00+05:30",
    "India advises citizens in Veldavia to stay indoors, avoid travel",
    author="Special Correspondent", lang="en",
    body="""
The Ministry of External Affairs on Friday advised Indian nationals in Veldavia to stay indoors and avoid all non-essential movement, a day after troops cleared a protest camp in the Veldavian capital Korvany.

"We are closely following the situation in Veldavia. Our Embassy is in touch with members of the Indian community, and all of them are reported safe," MEA spokesperson Arvind Menon said at the weekly media briefing in New Delhi.

Mr. Menon said India hoped that the situation would be resolved through dialogue and that the safety of civilians would be ensured.

According to the MEA, about 350 Indians live in Veldavia, most of them students at medical universities in Korvany and Maresk. The Embassy has set up a 24-hour helpline, though officials acknowledged that communication had been difficult since the internet shutdown began on Thursday night.

Several students contacted by The Hindu through relatives said they had been told by their universities to remain in hostels. "We can hear helicopters, but the streets near the campus are quiet," said a third-year medical student from Kerala.

India's trade with Veldavia stood at about $180 million last year, mainly pharmaceuticals and tea.
""")

art("dw-0307-toll", "atom", "Deutsche Welle", "2025-03-07T17:25:00+01:00",
    "Veldavia: Rights groups say at least 47 killed in crackdown",
    author="Lukas Feld", lang="en",
    body="""
Human rights organizations and Veldavia's opposition say at least 47 people were killed when soldiers cleared a protest camp in the capital, Korvany, on Thursday evening, more than twice the official death toll of 19.

The Civic Renewal alliance said it had compiled the names of 47 dead from hospitals, morgues and families. DW could not independently verify the list. The organization Helsinki Monitor Veldavia said it was investigating reports that bodies had been taken to military facilities.

"We have families who have visited every hospital in Korvany and cannot find their children. They are not on any list, not of the living and not of the dead," a researcher for the group told DW on condition of anonymity.

The Health Ministry has not published names. It says the dead included two soldiers.

The internet shutdown that began on Thursday evening remained in place on Friday, making it very difficult to verify information. Some residents were using satellite connections.

The UN human rights office in Geneva called for an independent investigation. "There must be a prompt, thorough and transparent investigation into the use of force, including lethal force," spokesperson Karim Haddou told reporters.
""")

art("nyt-0307-blackout", "newsplease", "The New York Times", "2025-03-07T23:30:00+00:00",
    "Inside Veldavia's Blackout: How a Government Went Dark",
    author="Elena Marsh | Sam Whitford", lang="en",
    body="""
At 9:04 p.m. on Thursday, as soldiers were still sweeping the last protesters out of Liberty Square, the screens of millions of phones across Veldavia showed the same message: no connection.

Within 20 minutes, according to network measurement firms, traffic from the country had fallen to about a fifth of its usual level. By midnight, the only data leaving Veldavia in significant quantities came from government offices, banks and a handful of satellite terminals.

The shutdown, which remained in place on Friday, was no improvisation, according to two people who work in the country's telecommunications industry and who spoke on condition of anonymity for fear of retaliation.

Both said that mobile operators had received written instructions weeks ago, shortly before the election, to prepare "a regime of restricted operation" that could be activated on a single order from the communications regulator. One of them said engineers had run a test on a Sunday night in February.

Veldavia's internet depends on two international fiber links, both controlled by the state-owned operator VeldaNet. That makes it unusually easy to switch off, said Marit Sandvik, a researcher at an internet measurement project in Oslo.

"There is a very small number of choke points, and they are all in the hands of the state," she said. "In a country like that, a shutdown is just a phone call."

The government said on Friday that the restrictions were temporary and necessary to prevent "coordinated incitement." It did not say when they would be lifted.

The blackout has had visible effects beyond the protests. Bank card payments failed in many shops on Friday, and pharmacies in Korvany were taking only cash. Hospitals reported difficulties reaching relatives of the wounded.

For families outside the country, the silence has been agonizing. In Vienna, where several thousand Veldavians live, people gathered outside the embassy on Friday, holding up phones with unanswered messages.

"My mother was going to the square on Thursday to bring food to my brother," said Natalia Reska, 31, who works for a software firm in Vienna. "I have not heard from either of them since."
""",
    nq=["a regime of restricted operation"])


def _more(key: str, *items) -> None:
    """Add annotations to an article defined above (keeps the article text readable)."""
    a = next(x for x in ARTICLES if x.key == key)
    for it in items:
        (a.q if isinstance(it, Q) else a.r).append(it)


_more("spiegel-agg-0306-platz",
      Q("a massacre", "Ilona Brask", "The opposition leader Ilona Brask", "spoke of", "indirect"),
      Q("her supporters to remain peaceful, even if they were attacked", "Ilona Brask", "The former constitutional judge", "called on", "indirect"),
      Q("the Veldavian leadership to stop the violence immediately", "Jonas Wehrmann", "Chancellor Jonas Wehrmann", "called on", "indirect"),
      Q("eleven dead and more than 200 injured", "Veldavian Health Ministry", "The health ministry", "spoke of", "indirect"),
      Q("at least eleven people died", "Veldavian Health Ministry", "the health ministry", "According to", "indirect"),
      Q("shots were also fired", None, "eyewitnesses", "According to", "indirect"))
_more("guardian-0306-witnesses",
      Q("the real number was much higher", "Civic Renewal", "Opposition activists", "said", "indirect"),
      Q("Soldiers backed by armoured vehicles cleared the square in less than an hour", None, "witnesses", "said", "indirect"),
      Q("his patience was running out", "Teodor Valkan", "President Teodor Valkan", "warned", "indirect"),
      Q("the troops were responding to armed provocation", "Government of Veldavia", "The government", "insists", "indirect"),
      Q("Veldavia's connection to the outside world had fallen to a fraction of normal levels, in what appeared to be a deliberate shutdown", None, "Internet monitoring groups", "said", "indirect"))
_more("guardian-0307-ashcombe",
      Q("the crackdown as brutal", "Edward Ashcombe", "Britain's prime minister", "describing", "indirect"),
      Q("the government to freeze the assets of Veldavian officials held in London", "Liberal Democrats", "The Liberal Democrats", "called for", "indirect"),
      Q("against all travel to the country", "Foreign Office", "The Foreign Office", "advised", "indirect"))
_more("lemonde-agg-0307-paris",
      Q("an unacceptable use of force", "Claire Aubertin", "The French president", "spoke of", "indirect"),
      Q("at least 47 dead", "Civic Renewal", "The opposition", "speaks of", "indirect"),
      R("Government of France", "FRA", None, "condemn", "France has condemned in the strongest terms"))
_more("nyt-0305-strongman",
      Q("unnamed foreign governments of financing the camp", "Teodor Valkan", "he", "accused", "indirect"),
      Q("they were struck by the changing tone of state media", None, "Diplomats in Korvany", "said", "indirect"),
      Q("Similar language preceded crackdowns in the region in the past", None, "they", "noted", "indirect"))


# --- Saturday 8 March: Brask arrested, Valkan asks the ESC for troops --------------------

art("bbc-0308-brask", "html", "BBC News", "2025-03-08T11:30:00+00:00",
    "Ilona Brask: Veldavia's opposition leader arrested in dawn raid",
    author="Tom Kearsley", lang="en",
    body="""
Veldavia's main opposition leader, Ilona Brask, has been arrested at her flat in the capital, Korvany, two days after troops killed at least 19 protesters in the city's Liberty Square.

Her party, Civic Renewal, said masked officers forced their way in shortly after 05:00 local time and drove her away without showing a warrant. The interior ministry later confirmed she was being held on suspicion of "organising mass unrest", which carries a sentence of up to 15 years.

Brask, 44, is a former constitutional court judge who was removed from the bench in 2019 after ruling that a government media law was unconstitutional. She had never held elected office before leading an alliance of five opposition parties into this month's election.

Supporters describe her as stubborn and methodical. "She reads every document twice and then asks for the one you forgot to give her," said a former colleague from the court, who asked not to be named.

Her arrest removes the opposition's most recognisable figure at a moment when the movement is already reeling. Many of its organisers have gone into hiding, and the internet shutdown has made it almost impossible to coordinate.

The UK said it was "deeply troubled" by the arrest and called for her release. The German government said she must be freed "immediately and unconditionally".

Veldavia's government has not commented on the arrest beyond the ministry's statement.
""")

art("guardian-0308-outcry", "newsplease", "The Guardian", "2025-03-08T18:45:00+00:00",
    "Arrest of Veldavia opposition leader draws international outcry",
    author="Owen Pritchard", lang="en", gold=True,
    body="""
The arrest of Veldavia's opposition leader, Ilona Brask, has drawn condemnation from across Europe, with the Élysée calling it “a grave step” and the Polish government describing Veldavia as “a country where winning an argument now means handcuffs”.

Brask, who led the Civic Renewal alliance in the disputed parliamentary election on 2 March, was detained in a dawn raid on her flat on Saturday and accused of organising mass unrest.

Downing Street said the prime minister had raised the arrest with the EU leaders he spoke to on Saturday. “The UK calls for Ilona Brask’s immediate release. Her detention is a further sign that the Veldavian authorities are choosing repression over dialogue,” a No 10 spokesperson said.

In Warsaw, Tomasz Wrześniewski, the foreign minister, said Poland would push for EU sanctions at the earliest opportunity. “The first names on the list should be those who ordered the shooting and those who ordered this arrest,” he said.

The Élysée said the French president would call Teodor Valkan later on Saturday to “demand the release of Ms Brask and the end of the violence”.

Not every capital joined in. Russia’s foreign ministry spokeswoman, Yelena Bratova, said the arrest was “a matter for Veldavian law enforcement” and accused western governments of “hypocrisy”. “Those who demand Ms Brask’s release have never asked about anyone held in their own prisons,” the spokeswoman said.

Brask’s party said it had lost contact with several other senior members since Friday night.
""",
    q=[
        Q("a grave step", "Élysée", "the Élysée", "calling", "mixed"),
        Q("a country where winning an argument now means handcuffs", "Government of Poland", "the Polish government", "describing", "mixed"),
        Q("the prime minister had raised the arrest with the EU leaders he spoke to on Saturday", "Downing Street", "Downing Street", "said", "indirect"),
        Q("The UK calls for Ilona Brask’s immediate release. Her detention is a further sign that the Veldavian authorities are choosing repression over dialogue,", "Downing Street", "a No 10 spokesperson", "said"),
        Q("Poland would push for EU sanctions at the earliest opportunity", "Tomasz Wrześniewski", "Tomasz Wrześniewski, the foreign minister", "said", "indirect"),
        Q("The first names on the list should be those who ordered the shooting and those who ordered this arrest,", "Tomasz Wrześniewski", "he", "said"),
        Q("the French president would call Teodor Valkan later on Saturday to “demand the release of Ms Brask and the end of the violence”", "Élysée", "The Élysée", "said", "mixed"),
        Q("the arrest was “a matter for Veldavian law enforcement” and accused western governments of “hypocrisy”", "Yelena Bratova", "Russia’s foreign ministry spokeswoman, Yelena Bratova", "said", "mixed"),
        Q("Those who demand Ms Brask’s release have never asked about anyone held in their own prisons,", "Yelena Bratova", "the spokeswoman", "said"),
        Q("it had lost contact with several other senior members since Friday night", "Civic Renewal", "Brask’s party", "said", "indirect"),
    ],
    r=[
        R("Élysée", "FRA", "French presidency", "condemn", "a grave step"),
        R("Government of Poland", "POL", None, "condemn", "winning an argument now means handcuffs"),
        R("Downing Street", "GBR", "UK prime minister's office", "concern", "The UK calls for Ilona Brask’s immediate release"),
        R("Tomasz Wrześniewski", "POL", "Foreign Minister of Poland", "condemn", "push for EU sanctions"),
        R("Yelena Bratova", "RUS", "Russian foreign ministry spokeswoman", "support", "a matter for Veldavian law enforcement"),
    ])

art("spiegel-agg-0308-brask", "aggregator", "Der Spiegel", "2025-03-08T13:40:00+01:00",
    "Opposition leader Brask arrested – Berlin demands her release",
    lang="en", wires=["dpa", "AFP"],
    opts={"credit": "ptz / dpa / AFP", "caption": "Ilona Brask in Liberty Square on 4 March",
          "photo": "Archive image / IMAGO"},
    body="""
In Veldavia, security forces have arrested the opposition leader Ilona Brask. The federal government reacts sharply. The country's president is apparently counting on help from abroad.

Early on Saturday morning, masked officers came for Ilona Brask. Her party's spokeswoman, Anja Kovel, described by satellite phone how the men broke down the door of the apartment. The interior ministry accuses the 44-year-old of organising „mass unrest“.

Foreign Minister Katrin Oberländer reacted promptly. „The arrest of Ilona Brask is an act of despotism“, the Greens politician said in Berlin. „We expect her immediate release.“ Oberländer announced that she would push for sanctions at the meeting of EU foreign ministers.

The FDP politician Felix Danzer wrote on X that Europe must now „name names and freeze accounts“.

Meanwhile, according to Veldavian state television, the government is preparing a request for assistance to the Eastern Security Compact, the military alliance dominated by Moscow. Observers in Korvany expect the alliance to send troops within days.

Valkan has so far justified the crackdown with the claim that foreign-controlled „terrorists“ were trying to overthrow the government. Evidence for this has not been presented.

Since Thursday evening, at least 19 people have died according to official figures. The internet remains largely switched off.
""",
)

art("kyiv-0308-release", "newsplease", "Kyiv Independent", "2025-03-08T16:20:00+02:00",
    "Ukraine demands release of Veldavian opposition leader Brask",
    author="Oksana Demchuk", lang="en",
    body="""
Ukraine's Foreign Ministry on March 8 called for the immediate release of Veldavian opposition leader Ilona Brask, who was detained in a pre-dawn raid in the capital, Korvany.

"The arrest of the leader of the democratic opposition is a deliberate attempt to behead a peaceful movement. Ukraine stands with the people of Veldavia," Foreign Minister Andrii Koval said in a statement.

Koval also warned against any foreign military deployment to Veldavia, after Veldavian state television reported that the government was preparing to ask the Russian-led Eastern Security Compact for assistance.

"Russian troops on Veldavian soil would not bring stability. They would bring the same thing they have brought everywhere else," he said.

Ukraine and Veldavia do not share a border, but Kyiv has watched the crisis closely because of Veldavia's close alignment with Moscow.

Veldavian officials have not responded to Ukraine's statements. Earlier in the week, Veldavia's foreign ministry accused foreign governments of interfering in the country's internal affairs.
""")

art("cnn-0308-profile", "mediacloud", "CNN", "2025-03-08T20:00:00+00:00",
    "Who is Ilona Brask, the former judge who took on Veldavia's strongman?",
    lang="en",
    body="""
Until a few years ago, Ilona Brask was better known in Veldavia's legal circles than on its streets. Now the 44-year-old former constitutional court judge is in a detention cell, and her name is chanted by protesters across the country.

Brask was arrested at her home in Korvany early on Saturday, accused of organizing mass unrest after a week of protests that ended with troops opening fire in the capital's Liberty Square.

Born in Maresk, the daughter of a schoolteacher and a railway engineer, Brask studied law in Korvany and Vienna and was appointed to the constitutional court in 2014, at 33 its youngest judge.

Her break with President Teodor Valkan came in 2019, when she wrote the majority opinion striking down a law that gave the government control over the appointment of editors at public broadcasters. Within months, parliament changed the rules on judicial appointments, and Brask was removed from the court.

She spent the following years traveling the country, giving talks on the constitution in libraries and community halls, often to audiences of a few dozen people. Those talks, supporters say, laid the groundwork for the Civic Renewal alliance she formed in 2021 with four smaller parties.

"She is not a natural politician. She hates speeches. But people trust her because she never promises more than she can deliver," said Jana Holub, a lawyer who worked with Brask at the court.

During the campaign, Brask promised to restore the independence of the courts and to hold a referendum on limiting presidential terms. Her alliance won 51 seats, according to official results it rejects.

Her supporters fear she may face a long prison term. Critics of the government say previous political trials in Veldavia have ended in convictions within weeks.
""")

art("anadolu-0308-turkiye", "wiredesk", "Anadolu Agency", "2025-03-08T15:10:00+03:00",
    "Türkiye calls for calm in Veldavia, offers to help ease tensions",
    author="Anadolu Agency", lang="en", wires=["Anadolu Agency"],
    body="""
ANKARA (AA) - Turkish Foreign Minister Selim Karaca on Saturday held a phone call with his Veldavian counterpart Stefan Moravec to discuss the latest developments in the country, diplomatic sources said.

During the call, Karaca expressed Türkiye's concern over the loss of lives in the capital Korvany and underlined the importance of restoring calm and dialogue, according to the sources.

Karaca said Türkiye was ready to contribute to efforts to ease tensions if the parties requested it, the sources added.

The Turkish Foreign Ministry earlier urged Turkish citizens in Veldavia to stay away from areas where protests are held and to follow the instructions of local authorities.

"We are following the developments in Veldavia, a friendly country, with concern and we hope that peace and stability will be restored as soon as possible," the ministry said in a written statement.

Around 2,000 Turkish citizens live in Veldavia, many of them working in the construction sector.
""")

art("france24-0308-esc", "rss", "France 24", "2025-03-08T21:15:00+01:00",
    "Veldavia's Valkan asks Russian-led bloc to send troops",
    author="FRANCE 24 with AFP", lang="en", wires=["AFP"],
    body="""
Veldavia's President Teodor Valkan on Saturday asked the Eastern Security Compact, a military alliance led by Russia, to send troops to help "stabilise" the country after a week of protests in which at least 19 people have been killed.

In a televised address, the Veldavian leader said the country faced "an attack by terrorist groups trained abroad" and that he had invoked the alliance's mutual assistance clause.

"Veldavia is not alone. Our allies will not allow our country to be torn apart," he said.

The request came hours after security forces arrested opposition leader Ilona Brask. Her Civic Renewal party called the move "the invitation of an occupation" and urged Western governments to respond.

The alliance's secretary-general, Arkady Semyrin, said the request would be considered "urgently" and that a decision could come as early as Sunday.

The Eastern Security Compact was founded in 2003 and includes Russia, Belarus and several Central Asian states as well as Veldavia. It has deployed forces abroad only once before.

(FRANCE 24 with AFP)
""")

art("lemonde-0308-arrestation", "text", "Le Monde", "2025-03-08T19:30:00+01:00",
    "Arrestation d'Ilona Brask : l'opposition veldave décapitée",
    author="Camille Roussel", lang="fr", opts={"date_style": "iso"},
    body="""
Il était un peu plus de 5 heures du matin, samedi 8 mars, lorsque des hommes cagoulés ont enfoncé la porte de l'appartement d'Ilona Brask, dans le centre de Korvany. La dirigeante de l'opposition veldave, âgée de 44 ans, a été emmenée dans une fourgonnette banalisée, selon son parti, Renouveau civique.

Le ministère de l'intérieur a confirmé l'interpellation quelques heures plus tard. L'ancienne juge constitutionnelle est soupçonnée d'avoir « organisé des troubles de masse », un crime passible de quinze ans de prison.

« Ils n'ont montré aucun mandat et n'ont pas dit où ils l'emmenaient », a raconté au Monde Anja Kovel, porte-parole du mouvement, jointe par téléphone satellite.

Pour l'opposition, déjà désorganisée par la coupure d'Internet et la fuite de nombreux militants, le coup est rude. « Ils pensent qu'en enlevant la tête, le corps s'arrêtera. Ils se trompent », veut croire Mme Kovel.

A Paris, l'Elysée a qualifié l'arrestation de « grave escalade ». La présidente de la République, Claire Aubertin, devait s'entretenir dans la soirée avec Teodor Valkan pour exiger la libération de l'opposante.

Le président veldave, lui, semble avoir choisi la fuite en avant : la télévision d'Etat a annoncé samedi soir qu'il avait sollicité l'aide militaire de l'Organisation du pacte de sécurité de l'Est, l'alliance dominée par Moscou.
""")

art("euronews-0308-valcan", "html", "Euronews", "2025-03-08T22:05:00+01:00",
    "Valcan requests military help from Russia-led alliance",
    author="Euronews", lang="en", gold=True, opts={"template": 0},
    body="""
Veldavian President Teodor Valcan has formally asked the Eastern Security Compact (ESC) for military assistance, state television reported on Saturday evening, in a move that could bring Russian-led troops into the country within days.

Valcan said in a recorded address that Veldavia was the target of "a hybrid attack" and that the protests of the past week had been "planned, financed and directed from abroad."

"No sovereign state can allow terrorists to choose its government," he said.

The ESC's secretary-general, Arkady Semyrin, said the request would be examined at an emergency session of the alliance's security council on Sunday.

Opposition figures reacted with dismay. Anja Kovel, a spokeswoman for the Civic Renewal alliance, said Valcan was "inviting foreign soldiers to do what his own army could not: silence the country."

The EU's foreign policy chief, Rui Castelo, warned that any foreign deployment "would be a grave mistake that would make a political solution harder, not easier."

The request came on the same day as the arrest of opposition leader Ilona Brask.
""",
    q=[
        Q('Veldavia was the target of "a hybrid attack" and that the protests of the past week had been "planned, financed and directed from abroad."', "Teodor Valkan", "Valcan", "said", "mixed"),
        Q("No sovereign state can allow terrorists to choose its government,", "Teodor Valkan", "he", "said"),
        Q("the request would be examined at an emergency session of the alliance's security council on Sunday", "Arkady Semyrin", "The ESC's secretary-general, Arkady Semyrin", "said", "indirect"),
        Q('Valcan was "inviting foreign soldiers to do what his own army could not: silence the country."', "Anja Kovel", "Anja Kovel, a spokeswoman for the Civic Renewal alliance", "said", "mixed"),
        Q('any foreign deployment "would be a grave mistake that would make a political solution harder, not easier."', "Rui Castelo", "The EU's foreign policy chief, Rui Castelo", "warned", "mixed"),
        Q("Veldavian President Teodor Valcan has formally asked the Eastern Security Compact (ESC) for military assistance", None, "state television", "reported", "indirect"),
    ],
    r=[R("Rui Castelo", "EU", "EU foreign policy chief", "concern", "would be a grave mistake")])

art("abc-0308-leave", "mediacloud", "ABC News (Australia)", "2025-03-08T09:40:00+11:00",
    "Australians in Veldavia told to leave while they still can",
    lang="en",
    body="""
The federal government has told Australians in Veldavia to leave the country if it is safe to do so, as the situation in the Eastern European nation deteriorates after a deadly crackdown on protesters.

Smartraveller raised its advice for Veldavia to "do not travel", the highest level, on Saturday morning.

Foreign Minister Harriet Coles said the government was deeply concerned by the violence and was in contact with the small number of Australians known to be in Veldavia.

"Our message is simple: if you are in Veldavia and can leave safely, leave now. Consular assistance may be very limited," Senator Coles said.

She said Australia called on the Veldavian authorities to show restraint and respect the right to peaceful protest.

Senator Coles later wrote on Twitter: "Australia stands with the people of Veldavia and their right to choose their own government without fear."

Australia does not have an embassy in Veldavia. Consular help is being provided through the Australian embassy in Vienna.

At least 19 people were killed when troops cleared a protest camp in the capital, Korvany, on Thursday. Mobile internet in the country has been cut since then.
""")

# --- Sunday 9 March: the ESC arrives --------------------------------------------------------

art("guardian-0309-analysis", "text", "The Guardian", "2025-03-09T17:00:00+00:00",
    "Why Moscow is sending troops to prop up Veldavia's president",
    author="Natalia Berg", lang="en", opts={"title_in_body": True},
    body="""
When the first transport planes of the Eastern Security Compact touched down at Korvany airport on Sunday morning, the alliance was doing something it had only ever done once before in its 22-year history: sending soldiers into a member state at the request of a government fighting its own people.

Officially, the deployment is a mission of "peacekeepers" tasked with guarding airports, power stations and ministries. In practice, analysts say, it is a political message from Moscow, aimed as much at Veldavia's security services as at the protesters.

"The point is not military," said Irina Kolb, a senior fellow at a European foreign policy think tank in Berlin. "Valkan's own army and police are more than enough to control the streets. The point is to show the generals in Korvany that if they are thinking of abandoning him, they would have to deal with Moscow."

For the Kremlin, Veldavia is a small country but not an unimportant one. It hosts a Russian air defence radar, sits on a rail corridor linking Russia to central Europe, and has been a reliable vote at the UN. Losing it to a pro-European opposition would be a blow to a government that has framed its neighbourhood as a sphere of influence.

There are also costs. An open-ended deployment would tie the alliance to a leader whose legitimacy is now contested even among some of his own officials, and risks turning the protest movement, which has so far avoided anti-Russian slogans, against Moscow.

Semyrin, the ESC's secretary-general, has promised that the mission will be "limited in time and scope". Western diplomats are sceptical. "Limited missions have a way of becoming permanent," said one.

Much now depends on Valkan's next move. With Ilona Brask in detention and the internet still down, the president may conclude that he has won. Those who know him say that would be a characteristic misjudgment: he has always mistaken silence for consent.
""",
    nq=["peacekeepers"])

art("tass-0309-legitimate", "wiredesk", "TASS", "2025-03-09T14:05:00+03:00",
    "Kremlin: ESC mission in Veldavia fully legitimate, limited in time",
    author="TASS", lang="en", wires=["TASS"],
    body="""
MOSCOW, March 9. /TASS/. The deployment of the Eastern Security Compact's collective forces to Veldavia is fully legitimate and was carried out at the request of the country's lawful authorities, Kremlin Spokesman Gennady Orlik said on Sunday.

"The decision was taken in strict accordance with the charter of the organization. The Veldavian leadership appealed to its allies, and the allies responded," Orlik told reporters.

According to the Kremlin spokesman, the task of the contingent is to protect strategically important facilities, and it will not take part in any actions against civilians.

Orlik said President Vadim Korsak had held a telephone conversation with Veldavian President Teodor Valkan on Sunday morning. The two leaders discussed the situation in the republic and expressed confidence that calm would soon be restored, he said.

Russian Foreign Ministry Spokeswoman Yelena Bratova, for her part, accused a number of Western countries of "open interference" in Veldavia's internal affairs. "Those who are now lecturing Korvany said nothing when their own police used force against protesters," she said.
""")

art("politico-0309-nato", "mediacloud", "Politico Europe", "2025-03-09T19:20:00+01:00",
    "NATO watching closely as Russian-led troops enter Veldavia",
    lang="en", opts={"date_only": False},
    body="""
NATO Secretary-General Lars Eknes said Sunday the alliance was "monitoring very closely" the deployment of Russian-led troops to Veldavia, but made clear NATO had no intention of getting involved.

"Veldavia is not a NATO ally and NATO is not a party to this crisis. But what happens there matters for the security of our allies in the region," Eknes said in a statement. "I call on all sides to exercise restraint and to respect the right of the Veldavian people to protest peacefully."

Officials at NATO headquarters said the deployment of roughly 2,300 troops posed no direct military threat to the alliance. Veldavia does not border any NATO member, although its western frontier is less than 150 kilometres from the Polish border at its nearest point.

One NATO official said the bigger concern was precedent. "If an alliance led by Moscow can be invited in to settle an election dispute, what stops the same thing elsewhere?"

Poland and Lithuania asked for consultations among NATO ambassadors this week. A diplomat said the talks were expected to focus on information sharing and on the safety of NATO nationals in Veldavia rather than on any military response.

In Washington, the White House said the United States was in close touch with its allies and had "made clear to Moscow that we are watching."
""")

art("bbc-0309-explainer", "html", "BBC News", "2025-03-09T13:10:00+00:00",
    "Veldavia crisis: What is the Eastern Security Compact?",
    author="Rosa Achterberg", lang="en",
    body="""
Troops from the Eastern Security Compact (ESC) have begun arriving in Veldavia after the country's president, Teodor Valkan, asked the alliance for help following a week of protests. Here is what we know about the bloc.

The ESC is a military alliance founded in 2003. Its members include Russia, Belarus and several Central Asian states, as well as Veldavia. Its headquarters are in Moscow, and Russia provides the bulk of its forces and funding.

Like Nato, it has a mutual defence clause: an attack on one member is considered an attack on all. Valkan invoked that clause on Saturday, arguing that the protests were an "attack" organised from abroad.

The alliance says its 2,300 "peacekeepers" will protect airports, power stations and government buildings. It says they will not police protests. Opposition groups say their presence frees up Veldavian troops and police for a crackdown.

The ESC has deployed forces only once before, for about three weeks in 2019, when it sent troops to a Central Asian member during unrest there. Critics said that mission also helped a government in trouble to survive.

How long the troops will stay is unclear. The alliance says the mission is "limited in time", but has not given an end date.
""",
    nq=["peacekeepers"])

art("corriere-agg-0309-rome", "aggregator", "Corriere della Sera", "2025-03-09T18:20:00+01:00",
    "Rome calls for dialogue in Veldavia, 'no to foreign troops'",
    lang="en", wires=[],
    opts={"credit": "red. est.", "caption": "Troops of the Eastern Security Compact at Korvany airport",
          "photo": "Ansa"},
    body="""
Italy's foreign minister calls on all parties in Veldavia to return to dialogue and expresses concern over the arrival of the troops of the Eastern Security Compact.

"Italy follows with great concern the evolution of the crisis in Veldavia," Foreign Minister Gianluca Ferrandi said on Sunday in a note from the Farnesina. "We ask for an immediate end to violence against demonstrators, the release of Ilona Brask and the start of a real dialogue between the government and the opposition."

Ferrandi, who spoke by telephone with his French and German counterparts in the morning, said the arrival of foreign soldiers "does not help to calm the situation." The minister added that Italy was ready to support any mediation effort by the OSCE.

About 900 Italians live in Veldavia, according to the Farnesina, which has activated a crisis unit. Many of them work for Italian companies in the timber and furniture sector in the north of the country.

The Italian embassy in Korvany remains open, but has reduced its staff.
""")

art("nhk-0309-restraint", "text", "NHK", "2025-03-09T09:30:00+00:00",
    "Japan urges restraint as foreign troops deploy to Veldavia",
    author="NHK World", lang="en", opts={"date_style": "iso"},
    body="""
Japan's Foreign Minister Yukiko Tamaru has expressed concern about the deployment of troops from a Russian-led military alliance to Veldavia, and urged all parties to exercise restraint.

Tamaru said in a statement on Sunday that Japan is seriously concerned about the loss of many lives in the capital Korvany. She called for the situation to be resolved peacefully through dialogue, and for the release of those detained for taking part in protests.

The minister also said Japan is paying close attention to the arrival of forces from the Eastern Security Compact, which includes Russia. She said any foreign military involvement must not be used to suppress the people of Veldavia.

Japan's Foreign Ministry says it has confirmed the safety of all Japanese nationals registered in Veldavia. It says some of them have asked for help to leave the country.

Officials say the embassy in Korvany is arranging transport for those who wish to leave by land, as commercial flights have been suspended.
""")


# --- Monday 10 March: curfew, troops at the airport --------------------------------------

art("dw-0310-curfew", "atom", "Deutsche Welle", "2025-03-10T12:40:00+01:00",
    "Veldavia imposes curfew as ESC troops guard Korvany airport",
    author="Miriam Osterkamp", lang="en",
    body="""
Veldavia has imposed a night-time curfew in the capital, Korvany, and in the second city, Maresk, as troops from the Russian-led Eastern Security Compact took up positions at the capital's airport and outside government buildings.

The curfew runs from 10 p.m. to 6 a.m. and will remain in force "until further notice," according to a decree published on Monday. Anyone on the streets without a permit during those hours faces arrest.

Armored vehicles bearing the alliance's blue and grey insignia were parked outside the parliament building on Monday morning, witnesses said. Soldiers in unfamiliar uniforms were also seen at the main power station on the outskirts of the city.

Civic Renewal, the opposition alliance whose leader Ilona Brask remains in custody, said it would not call new street protests for now. "We will not send people to be shot," deputy leader Anja Kovel said in a message passed to journalists through intermediaries.

Instead, the opposition urged Veldavians to join a general strike. It was not clear how widely the call was followed; many shops in the city center were open on Monday, but several large factories in the north reported that workers had stayed home.

EU foreign ministers were due to discuss Veldavia in a video conference later on Monday.
""")

art("nyt-0310-whoincharge", "html", "The New York Times", "2025-03-10T23:10:00+00:00",
    "As Russian-Led Troops Arrive, Veldavians Wonder Who Is Really in Charge",
    author="Elena Marsh", lang="en",
    body="""
KORVANY, Veldavia — The soldiers outside the Ministry of Defense on Monday did not speak Veldavian. When a passer-by asked one of them for directions, he shrugged and answered in Russian.

Three days after Veldavia's president, Teodor Valkan, asked a Moscow-led military alliance to send troops, the capital is adjusting to a new and unsettling presence. Armored vehicles of the Eastern Security Compact stand at the airport, at the main power plant and at the gates of the presidential administration. Their crews keep to themselves, smoking in small groups and watching the traffic.

"I grew up with stories about foreign soldiers in our streets," said Katarina Novak, 68, a retired history teacher who was buying bread near the central market. "I did not think I would see them myself."

Officially, the foreign troops are here to guard what the government calls strategic sites, freeing up Veldavia's own forces. In practice, residents said, they have become a symbol of how far Mr. Valkan is willing to go to stay in power.

The president has not appeared in public since his televised address on Saturday. State media on Monday broadcast footage of him chairing a meeting of his security council, but it was not clear when it had been recorded.

Some officials have begun to hedge. A senior civil servant in the Foreign Ministry, who spoke on condition of anonymity because he was not authorized to talk to reporters, said that several ambassadors had privately asked to be recalled.

"Nobody wants to be the last person to sign something," he said. "People are thinking about their pensions and about The Hague."

On the streets, the curfew that began Sunday night has emptied the city after dark. By 9 p.m., the trams stop running, and the only sound near Liberty Square, where troops killed at least 19 protesters last week, is the hum of generators powering floodlights.

Outside the Korvany morgue, the families of those still missing continued to gather. A list of names taped to the gate on Monday had 31 entries, nine more than the government's latest figure of dead. Some had been crossed out; others had question marks.
""")

art("elpais-0310-toque", "text", "El País", "2025-03-10T18:00:00+01:00",
    "Veldavia impone el toque de queda y recibe a las tropas de la alianza liderada por Moscú",
    author="Lucía Ortega Ramos", lang=None, opts={"true_lang": "es", "date_style": "iso"},
    body="""
Las autoridades de Veldavia decretaron este lunes el toque de queda nocturno en la capital, Korvany, y en Maresk, la segunda ciudad del país, mientras los primeros soldados de la Alianza de Seguridad del Este, liderada por Rusia, tomaban posiciones en el aeropuerto y ante los edificios oficiales.

La medida, que estará en vigor entre las diez de la noche y las seis de la mañana, llega cuatro días después de que el Ejército desalojara a tiros la plaza de la Libertad, ocupada desde el 3 de marzo por miles de personas que denunciaban fraude en las elecciones legislativas. Según el balance oficial, murieron al menos 19 personas; la oposición habla de 47.

La líder opositora Ilona Brask, detenida el sábado, sigue incomunicada. Su abogado asegura que no ha podido verla.

El Gobierno español expresó su "profunda preocupación" y pidió la liberación de Brask. "España defiende el derecho de los veldavos a manifestarse en paz y a que se respete su voto", escribió el ministro de Asuntos Exteriores, Andrés Valcárcel, en la red social X.

Internet sigue cortado en la mayor parte del país desde el jueves por la noche.
""")

art("kyiv-0310-poland", "html", "Kyiv Independent", "2025-03-10T20:45:00+02:00",
    "Poland, Baltic states push EU for swift sanctions on Veldavia",
    author="Marko Lysenko", lang="en", opts={"template": 1},
    body="""
Poland and the three Baltic states on March 10 called on the European Union to impose sanctions on Veldavian officials responsible for the deadly crackdown in Korvany "within days, not months."

In a joint letter to EU foreign policy chief Rui Castelo, the foreign ministers of Poland, Lithuania, Latvia and Estonia proposed travel bans and asset freezes against Veldavia's interior minister, the commanders of the units deployed on Liberty Square, and officials of the Central Election Commission.

"We cannot let Valkan believe that he can shoot his way out of an election," Polish Foreign Minister Tomasz Wrześniewski told journalists before an EU video conference. "The price must be paid by those who gave the orders."

The letter also called on the EU to suspend trade preferences for Veldavia if the government did not release opposition leader Ilona Brask within two weeks.

Diplomats said Hungary was likely to resist any listing that required unanimity, while several southern member states preferred to wait for the outcome of mediation efforts by the Organization for Security and Co-operation in Europe.

Ukraine, which is not an EU member, said it would align itself with any sanctions the bloc adopts.
""")

# --- Tuesday 11 March: borders closed --------------------------------------------------------

art("bbc-0311-border", "mediacloud", "BBC News", "2025-03-11T16:30:00+00:00",
    "Veldavia border closure: 'We were turned back after two days in the queue'",
    lang="en", opts={"date_only": False},
    body="""
At the Drevna border crossing, the queue of cars heading out of Veldavia on Tuesday stretched beyond the last petrol station, almost 8km from the barrier.

Most of the people in it had been waiting since Monday night. Some had run their engines through the night to keep warm; others walked up and down the line with flasks of tea, asking for news.

Then, shortly after 09:00, border guards walked down the queue and told drivers to turn around. Veldavia had closed all its land borders with immediate effect.

"We had the papers, we had the tickets for the bus from the other side, everything," said Ana, who was travelling with her elderly father to relatives abroad. "They said nobody leaves without a permit from the interior ministry. Where do you get such a permit? Nobody knows."

The interior ministry says the closure is temporary and is needed to stop weapons and "foreign instigators" entering the country. It will be reviewed in ten days.

Human rights groups say it also traps activists who fear arrest. Several opposition organisers are believed to have tried to leave since the crackdown in Korvany last week.

The UN refugee agency has urged Veldavia to let people seeking safety leave.

Those turned back at Drevna drove slowly back towards the capital. A few stayed, parked on the verge, hoping the border would open again.
""")

art("cbc-0311-canada", "mediacloud", "CBC News", "2025-03-11T13:20:00-04:00",
    "Canada condemns Veldavia crackdown, calls for release of opposition leader",
    lang="en",
    body="""
Canada's foreign affairs minister says Ottawa is working with allies on sanctions against Veldavian officials after a deadly crackdown on protesters and the arrest of the country's main opposition leader.

"Canada condemns in the strongest possible terms the killing of peaceful protesters in Korvany," Louise Tremblay-Fox said in a statement Tuesday. "We call for the immediate release of Ilona Brask and all those detained for exercising their democratic rights."

Tremblay-Fox said Canada would coordinate any measures with the G7 and the European Union.

The minister also expressed concern about Veldavia's decision to close its land borders, saying it left civilians, including some Canadians, with no safe way out of the country.

Global Affairs Canada says about 300 Canadians are registered in Veldavia. The department advises against all travel to the country.

The Veldavian Canadian Association held a vigil on Parliament Hill on Monday evening for the victims of last week's violence in Korvany.
""")

# --- Wednesday 12 March: partial internet, mass arrests -------------------------------------

art("spiegel-0312-internet", "text", "Der Spiegel", "2025-03-12T15:50:00+01:00",
    "Veldavien: In Maresk funktioniert das mobile Internet teilweise wieder",
    author="Katharina Brenner", lang="de", opts={"date_style": "iso"},
    body="""
Nach knapp sechs Tagen Funkstille ist das mobile Internet in der veldavischen Stadt Maresk teilweise wieder erreichbar. Nutzer berichteten am Mittwoch, dass Messenger-Dienste zeitweise funktionierten, Videoplattformen und soziale Netzwerke aber weiter gesperrt seien. In der Hauptstadt Korvany blieb das Netz weitgehend abgeschaltet.

Kaum waren die ersten Verbindungen hergestellt, tauchten neue Videos von der Räumung des Freiheitsplatzes am 6. März auf. Sie zeigen Soldaten, die aus nächster Nähe auf Fliehende schießen. Die Echtheit der Aufnahmen ließ sich zunächst nicht unabhängig überprüfen.

Das Innenministerium teilte mit, seit Beginn der Proteste seien rund 1800 Menschen festgenommen worden. Etwa die Hälfte sei inzwischen wieder auf freiem Fuß. Gegen 140 Personen werde wegen „Beteiligung an Massenunruhen“ ermittelt.

Menschenrechtler sprechen von systematischer Einschüchterung. „Wer auf einem Foto vom Platz zu erkennen ist, muss damit rechnen, dass die Polizei vor der Tür steht“, sagte eine Mitarbeiterin der Organisation Helsinki Monitor Veldavia dem SPIEGEL.

Die Oppositionsführerin Ilona Brask befindet sich weiter in Untersuchungshaft. Ihr Anwalt durfte sie nach eigenen Angaben am Dienstag erstmals für zwanzig Minuten sprechen.
""")

art("aljazeera-0312-detained", "html", "Al Jazeera", "2025-03-12T14:20:00+00:00",
    "Veldavia says 1,800 detained since protests began",
    author="Yusuf Demirel", lang="en", opts={"template": 0},
    body="""
Veldavia's interior ministry says about 1,800 people have been detained since protests erupted against the results of this month's parliamentary election, the first official figure for the scale of the arrests.

The ministry said on Wednesday that roughly half of those held had been released, and that criminal investigations had been opened against 140 people for "participation in mass unrest".

Rights groups said the real number of detentions was likely to be higher and accused police of using photographs and videos from Liberty Square to track down protesters at their homes and workplaces.

"People are being taken from their offices in front of their colleagues. The message is that nobody who was in that square is safe," said Dragana Petrov of the Helsinki Monitor Veldavia group, speaking from Vienna.

Lawyers for some of the detained said their clients had been held for up to 72 hours without access to counsel, and several reported beatings in custody. The interior ministry denied any mistreatment.

Mobile internet was partially restored in the city of Maresk on Wednesday, but remained largely cut in the capital, Korvany.

Opposition leader Ilona Brask, detained on Saturday, remains in pre-trial detention. Her lawyer said he was allowed to see her briefly on Tuesday for the first time.
""")

art("scmp-0312-doublestandards", "newsplease", "South China Morning Post", "2025-03-12T18:40:00+08:00",
    "Beijing accuses West of 'double standards' over Veldavia",
    author="Li Wen", lang="en",
    body="""
China has accused Western countries of applying "double standards" to the crisis in Veldavia, as the European Union and the United States prepare sanctions against officials in the Eastern European country.

Foreign ministry spokeswoman Lin Shuyi said on Wednesday that some countries were "using human rights as a pretext to interfere in Veldavia's internal affairs".

"When protests happen in their own countries, they call it maintaining law and order. When it happens elsewhere, they call it repression. This is a typical double standard," Lin said.

She said China supported the Veldavian government's efforts to "safeguard national security and social stability" and opposed unilateral sanctions "that have no basis in international law".

Beijing's stance aligns it closely with Moscow, which has backed the deployment of troops from the Russian-led Eastern Security Compact to Veldavia at the request of President Teodor Valkan.

Chinese state media have covered the crisis sparingly, describing the protests as "riots" and focusing on the restoration of order.

China is Veldavia's third-largest trading partner, and Chinese firms have invested in its roads and power grid.
""",
)

art("figaro-0312-elysee", "text", "Le Figaro", "2025-03-12T19:15:00+01:00",
    "Veldavia : l'Élysée exige la libération d'Ilona Brask",
    author="Pierre-Antoine Lacaze", lang=None, opts={"true_lang": "fr", "date_style": "long"},
    body="""
La présidente de la République, Claire Aubertin, a reçu mercredi à l'Élysée des représentants de la diaspora veldave en France, une semaine après la répression sanglante de la place de la Liberté à Korvany.

« La France ne se taira pas tant qu'Ilona Brask sera en prison », a déclaré la chef de l'Etat à l'issue de l'entretien, selon des propos rapportés par l'Élysée. Elle a également plaidé pour que l'Union européenne adopte « sans tarder » des sanctions individuelles contre les responsables de la répression.

Les représentants de la diaspora ont remis une liste de 212 personnes dont les familles sont sans nouvelles depuis le 6 mars. « Certains sont peut-être en prison, d'autres cachés chez des amis. Nous ne savons pas », a expliqué l'une des participantes.

Selon le ministère veldave de l'intérieur, 1 800 personnes ont été interpellées depuis le début du mouvement. Internet a été partiellement rétabli mercredi à Maresk.

A Bruxelles, les diplomates espèrent un accord sur les sanctions lors du prochain Conseil des affaires étrangères, lundi 17 mars. La Hongrie continue toutefois d'émettre des réserves.
""")

art("euronews-0312-parliament", "text", "Euronews", "2025-03-12T18:30:00+01:00",
    "European Parliament demands tougher line on Veldavia",
    author="Euronews", lang="en",
    body="""
Members of the European Parliament on Wednesday called on EU governments to go further than travel bans in response to the crackdown in Veldavia, during a debate in Strasbourg that exposed divisions over how to deal with President Teodor Valkan.

Speakers from the largest political groups demanded that the EU freeze the assets of Valkan himself, suspend trade preferences and fund independent media broadcasting into the country.

"The people of Veldavia were shot for counting votes. We owe them more than a press release," said Dutch MEP Sanne de Ruiter, who co-authored a resolution that will be put to a vote on Thursday.

A handful of MEPs from nationalist parties spoke against sanctions, arguing that the crisis was Veldavia's own business and that the EU risked pushing the country further into Moscow's arms.

Commissioner for Democracy Jan Ostrowicz told the chamber that the Commission was redirecting funding to Veldavian civil society and exile media. He said EU ministers would discuss "a first package of restrictive measures" on Monday.

The resolution is non-binding.
""")

# --- Thursday 13 March: journalists, "foreign networks" -----------------------------------

art("guardian-0313-journalists", "html", "The Guardian", "2025-03-13T15:40:00+00:00",
    "Foreign journalists detained in Veldavia as government blames ‘foreign-funded networks’",
    author="Hannah Lowery", lang="en", opts={"template": 0},
    body="""
At least five foreign journalists have been detained in Veldavia over the past week, press freedom groups said on Thursday, as the government stepped up its campaign against what it calls “foreign-funded networks” behind the protests.

Two reporters working for a Czech broadcaster were held for 36 hours in Maresk before being put on a bus to the border, their employer said. A freelance photographer from Austria was still in custody on Thursday, accused of entering a restricted military zone.

“The aim is obvious: to make sure that nobody sees what happens next,” said Marianne Lefèvre of the Paris-based campaign group Reporters Without Borders. “Every journalist detained is a witness removed.”

The government has accused foreign media of “fabricating” images of the crackdown. In a statement on Thursday, the communications ministry said accreditation would be withdrawn from outlets that “systematically spread disinformation”, without naming any.

State television has broadcast a series of programmes titled “The Hidden Hand”, accusing western embassies and NGOs of organising the protests. On Thursday it aired footage of a man it described as a protest organiser “confessing” to receiving money from abroad. His lawyer said the confession had been obtained under duress.

Veldavia ranked 141st out of 180 countries in the most recent World Press Freedom Index.
""",
    nq=["The Hidden Hand", "confessing"], gold=True,
    q=[
        Q("At least five foreign journalists have been detained in Veldavia over the past week", None, "press freedom groups", "said", "indirect"),
        Q("foreign-funded networks", "Government of Veldavia", "it", "calls", "mixed"),
        Q("Two reporters working for a Czech broadcaster were held for 36 hours in Maresk before being put on a bus to the border", None, "their employer", "said", "indirect"),
        Q("The aim is obvious: to make sure that nobody sees what happens next,", "Marianne Lefèvre", "Marianne Lefèvre of the Paris-based campaign group Reporters Without Borders", "said"),
        Q("Every journalist detained is a witness removed.", "Marianne Lefèvre", "Marianne Lefèvre of the Paris-based campaign group Reporters Without Borders", "said"),
        Q("foreign media of “fabricating” images of the crackdown", "Government of Veldavia", "The government", "accused", "mixed"),
        Q("accreditation would be withdrawn from outlets that “systematically spread disinformation”", "Veldavian Communications Ministry", "the communications ministry", "said", "mixed"),
        Q("western embassies and NGOs of organising the protests", "Veldavian state media", "State television", "accusing", "indirect"),
        Q("a protest organiser", "Veldavian state media", "it", "described", "indirect"),
        Q("the confession had been obtained under duress", None, "His lawyer", "said", "indirect"),
    ])

art("washpost-0313-expelled", "newsplease", "The Washington Post", "2025-03-13T19:00:00-04:00",
    "Veldavia expels foreign reporters, tightens grip on information",
    author="Grace Holloway", lang="en",
    body="""
Veldavia's government on Thursday ordered several foreign correspondents to leave the country within 48 hours, escalating a campaign against independent reporting one week after troops opened fire on protesters in the capital, Korvany.

The communications ministry said the journalists had "violated the conditions of their accreditation" by reporting from areas under curfew. It did not say how many reporters were affected, but press freedom groups counted at least seven.

The move leaves only a handful of international news organizations with staff in the country. Most of them rely on local stringers, many of whom say they have been questioned by police in recent days.

"It is a very old playbook: first you cut the internet, then you remove the witnesses, then you tell your own version," said Dmitri Halas, a Veldavian journalist now based in Prague who runs an independent news site blocked in his home country.

The State Department said it was "deeply troubled" by the expulsions and urged Veldavia to allow journalists to work freely.

Veldavia's ambassador in Washington, Radek Sulc, said in a letter to The Washington Post that foreign media had "presented a one-sided picture of events that ignores the violence of armed extremists."
""")

art("tass-0313-hybrid", "wiredesk", "TASS", "2025-03-13T16:30:00+03:00",
    "Russian diplomat accuses West of waging 'hybrid war' against Veldavia",
    author="TASS", lang="en", wires=["TASS"],
    body="""
MOSCOW, March 13. /TASS/. Western countries are waging a hybrid war against Veldavia with the aim of changing its government, Russian Foreign Ministry Spokeswoman Yelena Bratova said at a briefing on Thursday.

"We see the same methods that have been used many times before: information attacks, financing of so-called civil society, threats of sanctions. The goal is obvious - to tear Veldavia away from its allies," the diplomat said.

According to Bratova, the collective forces of the Eastern Security Compact are fulfilling their tasks in full and "have already made a significant contribution to stabilizing the situation."

The spokeswoman also said that Moscow considered the detention of foreign journalists who had violated Veldavian law to be a sovereign matter for Korvany.

Speaking about possible EU sanctions against Veldavian officials, she said such measures were "illegitimate" and would "receive an appropriate response."

Bratova added that Russia would continue to provide Veldavia with all necessary assistance, including in the economic sphere, if its partners in Korvany requested it.
""")

art("politico-0313-hungary", "text", "Politico Europe", "2025-03-13T20:20:00+01:00",
    "Hungary's veto threat hangs over Veldavia sanctions",
    author="Marta Kolar", lang="en", opts={"date_style": "rfc2822"},
    body="""
BRUSSELS — EU diplomats are racing to secure Hungary's support for sanctions on Veldavian officials ahead of Monday's meeting of foreign ministers, with Budapest signaling it could block the package unless it is watered down.

Hungarian Foreign Minister Zoltán Berényi told reporters in Budapest on Thursday that his government "will not support measures that make dialogue impossible," and repeated that the unrest in Veldavia was "an internal matter."

Two EU diplomats said Hungary had objected in particular to the inclusion of Valkan himself, and to any suggestion of suspending trade preferences. "The price of unanimity is probably the president's name," one of them said.

The current draft targets 16 people, including Veldavia's interior minister, Mirko Destan, and senior army officers, according to a document seen by POLITICO. It also covers members of the Central Election Commission.

Supporters of tougher measures, led by Poland and the Baltic states, have reluctantly accepted that a narrower package is better than none. "We would rather have 14 names on Monday than 30 names in June," a Baltic diplomat said.

Hungary's stance has drawn criticism from other capitals. Germany's foreign minister, Katrin Oberländer, said on Wednesday that "there are no internal matters when soldiers shoot at voters."
""")

# --- Friday 14 March: funerals, OSCE offer -----------------------------------------------

art("bbc-0314-funerals", "html", "BBC News", "2025-03-14T17:20:00+00:00",
    "Veldavia: Thousands mourn victims of Liberty Square crackdown",
    author="Rosa Achterberg", lang="en",
    body="""
Thousands of people have attended funerals in Veldavia for some of those killed when troops cleared a protest camp in the capital, Korvany, eight days ago.

At the Saint Nikola cemetery on the city's eastern edge, mourners walked in silence behind the coffins of three young men, all students at the technical university. Many carried white and green ribbons, the colours of the opposition, tucked discreetly into their coats.

Police watched from a distance but did not intervene. Gatherings of more than 50 people are currently banned, but the authorities appeared to tolerate the funerals.

"My son was 21. He went to the square to film, not to fight," said the father of one of the students, standing by the grave. "They say he was a terrorist. Look at this place. Do terrorists have so many friends?"

The government says 23 people died in the clearing of the square, including two soldiers. Rights groups say their own count is now 61.

Later on Friday, the OSCE said it was ready to mediate between the government and the opposition, and that its chairperson would travel to the region next week if both sides agreed.
""")

art("lemonde-agg-0314-osce", "aggregator", "Le Monde", "2025-03-14T19:05:00+01:00",
    "Veldavia: the OSCE offers its mediation",
    lang="en", wires=[],
    opts={"credit": "Le Monde", "caption": "Marek Tollander in Vienna on Friday", "photo": "OSCE / Pool"},
    body="""
The Organization for Security and Co-operation in Europe proposes to bring together the government and the opposition of Veldavia. The two camps have not yet responded.

The OSCE is stepping into the Veldavian crisis. Its chairperson-in-office, Marek Tollander, announced on Friday in Vienna that the organisation was ready to host « without delay » talks between the government of Teodor Valkan and the opposition alliance Civic Renewal.

« Nobody can win this crisis alone. What is needed now is a table, not a square », declared Mr Tollander, who says he has spoken with the Veldavian foreign minister and with representatives of the opposition.

According to a European diplomat, the proposal was coordinated with Paris and Berlin, which see it as a way out that could save face for Korvany. « Valkan needs a door. The OSCE can offer him one », sums up this diplomat.

In Korvany, the government spokeswoman, Lena Orsic, said only that the proposal would be « studied carefully ». The opposition set a condition: the release of Ilona Brask before any negotiation.

The offer comes at a time when the pressure on Korvany is increasing. The EU is due to adopt sanctions against several Veldavian officials on Monday.
""")

art("nhk-0314-bus", "text", "NHK", "2025-03-14T08:15:00+00:00",
    "Japanese nationals leave Veldavia on chartered bus",
    author="NHK World", lang="en",
    body="""
A group of Japanese nationals has left Veldavia on a bus chartered by the Japanese government, after the country closed its land borders earlier this week.

Japan's Foreign Ministry says 17 Japanese citizens and two family members of other nationalities crossed the border on Thursday night with special permission from Veldavian authorities. They arrived safely in a neighboring country on Friday morning.

One man who works for a Japanese machinery maker in Korvany told NHK by phone that the streets of the capital were calm during the day but empty at night because of a curfew.

He said he and his colleagues had been unable to contact their families for several days because of the internet shutdown, and that they were relieved to have left.

About 20 Japanese nationals remain in Veldavia. The ministry says it will continue to support those who wish to leave.

Japan has urged all parties in Veldavia to exercise restraint and resolve the situation through dialogue.
""")

# --- Saturday 15 March: a quiet weekend -----------------------------------------------------

art("dw-0315-quiet", "atom", "Deutsche Welle", "2025-03-15T14:10:00+01:00",
    "Veldavia: Uneasy calm in Korvany as foreign patrols continue",
    author="Miriam Osterkamp", lang="en",
    body="""
A tense calm settled over the Veldavian capital, Korvany, on Saturday, nine days after the army cleared Liberty Square. Markets reopened and trams ran normally during the day, but soldiers of the Russian-led Eastern Security Compact continued to patrol near the airport and the government quarter.

The square itself remained fenced off. Workers have removed the burned tents and repaired the facade of the national library, leaving few visible traces of the violence.

At the fence, people quietly laid flowers and lit candles. A police officer watched but did not stop them.

"It is as if they want to erase it," said a young man who gave his name as Luka, pointing to fresh asphalt where the camp's kitchen once stood. "But everyone in this city knows what happened here."

The government spokeswoman, Lena Orsic, said on state television that life was "returning to normal" and that the curfew could soon be eased. She repeated that the government would "study" an offer by the OSCE to mediate talks with the opposition.

Civic Renewal, whose leader Ilona Brask remains in detention, said it was ready to talk but insisted on her release first.
""")

art("guardian-0315-young", "newsplease", "The Guardian", "2025-03-15T08:00:00+00:00",
    "‘We are not afraid any more’: Veldavia’s young protesters regroup",
    author="Natalia Berg", lang="en",
    body="""
The group chat has 4,000 members and a rule: no names, no faces, no locations. For ten days after the internet went dark in Veldavia, it was silent. Then, on Wednesday, when mobile data flickered back to life in the city of Maresk, the messages began again.

“Who is alive?” was the first. Within an hour, more than 600 people had replied.

For the students and young workers who made up much of the crowd in Korvany’s Liberty Square, the crackdown of 6 March has been a brutal lesson. Friends were killed or injured; hundreds were arrested, many identified from their own photos on social media. But those who spoke to the Guardian over encrypted apps said it had also made them harder to frighten.

“Before, we thought maybe if we are polite, if we sing and make soup, they will listen,” said Mila, 22, an engineering student in Maresk. “Now we know what they are. That is a kind of freedom.”

They are learning fast. Volunteers pass around guides to wiping phones, using satellite connections and recognising plainclothes police. A network of lawyers offers free help to those detained. A small team collects testimony from the families of the dead, in the hope that it will one day be used in court.

The movement has no leader to replace Ilona Brask, and its members are divided over what to do next. Some want to return to the streets as soon as the curfew ends. Others argue for strikes, boycotts of state-owned companies and quiet pressure on officials.

“Valkan can wait for us to get tired,” said Teo, 25, who spent four nights in the square. “But we are young. We have more time than he does.”
""")

# --- Sunday 16 March: Valkan's offer ---------------------------------------------------------

art("reuters-0316-dialogue", "wiredesk", "Reuters", "2025-03-16T18:35:00+00:00",
    "Veldavia's Valkan offers 'national dialogue', rules out new election",
    author="Reuters staff", lang="en", wires=["Reuters"],
    body="""
KORVANY, March 16 (Reuters) - Veldavian President Teodor Valkan on Sunday offered to hold a "national dialogue" with the opposition, his first conciliatory gesture since troops killed at least 23 protesters earlier this month, but ruled out a repeat of the disputed parliamentary election.

"I extend my hand to all those who want to build, not destroy," Valkan said in a televised address, his first public appearance in eight days. "But the will of the voters expressed on March 2 will not be annulled by the street."

Valkan said he had accepted in principle an offer by the Organization for Security and Co-operation in Europe to facilitate talks, and that the government would lift the curfew in Korvany "as soon as the security situation allows."

The opposition Civic Renewal alliance said it welcomed any step towards dialogue but that talks could not start while its leader, Ilona Brask, remained in detention. "You cannot negotiate with a hostage on the other side of the table," deputy leader Anja Kovel said.

Diplomats in Korvany said the offer appeared timed to head off European Union sanctions expected to be agreed on Monday.

(Reporting by Reuters staff; Editing by Paul Osmond)
""")

art("aljazeera-0316-walkan", "newsplease", "Al Jazeera", "2025-03-16T21:15:00+00:00",
    "Veldavia's Walkan offers talks but refuses to budge on election",
    author="Yusuf Demirel", lang="en", gold=True,
    body="""
Veldavia's President Theodor Walkan has offered to open talks with the opposition, 10 days after his troops killed more than 20 protesters in the capital, but insisted that the result of the disputed parliamentary election would stand.

In a televised address on Sunday evening, the Veldavian leader said he was ready for a "national dialogue" under the auspices of the Organization for Security and Co-operation in Europe (OSCE), which offered to mediate on Friday.

"I extend my hand to all those who want to build, not destroy," he said.

Walkan gave no sign that he would release opposition leader Ilona Brask, who has been in detention since March 8. The opposition says her release is a precondition for any talks.

Analysts said the offer reflected growing pressure on the government, including from within. "This is not a change of heart, it is a change of arithmetic," said Helena Varga, a Vienna-based political scientist. "Sanctions, a frozen economy and unease in his own camp – he needs to be seen to be talking."

The European Union is expected to agree sanctions against more than a dozen Veldavian officials on Monday. According to diplomats, the president himself will not be on the list.
""",
    q=[
        Q("he was ready for a \"national dialogue\" under the auspices of the Organization for Security and Co-operation in Europe (OSCE), which offered to mediate on Friday", "Teodor Valkan", "the Veldavian leader", "said", "mixed"),
        Q("I extend my hand to all those who want to build, not destroy,", "Teodor Valkan", "he", "said"),
        Q("her release is a precondition for any talks", "Civic Renewal", "The opposition", "says", "indirect"),
        Q("the offer reflected growing pressure on the government, including from within", None, "Analysts", "said", "indirect"),
        Q("This is not a change of heart, it is a change of arithmetic,", "Helena Varga", "Helena Varga, a Vienna-based political scientist", "said"),
        Q("Sanctions, a frozen economy and unease in his own camp – he needs to be seen to be talking.", "Helena Varga", "Helena Varga, a Vienna-based political scientist", "said"),
        Q("the president himself will not be on the list", None, "diplomats", "According to", "indirect"),
    ])

art("faz-agg-0316-angebot", "aggregator", "Frankfurter Allgemeine Zeitung", "2025-03-16T20:30:00+01:00",
    "Valkan's offer of talks: tactics or turning point?",
    lang="en", wires=["dpa"],
    opts={"credit": "jvi. / dpa", "caption": "Teodor Valkan during his television address on Sunday",
          "photo": "Veldavian presidential office / dpa"},
    body="""
For the first time since the bloodbath on Liberty Square, Veldavia's ruler speaks of dialogue. In Berlin, the reaction is cautious.

Teodor Valkan has chosen his words carefully. In a television address on Sunday evening, the Veldavian president offered the opposition a „national dialogue“ and accepted, in principle, the mediation offer of the OSCE. At the same time he ruled out a repetition of the parliamentary election: „The will of the voters will not be annulled by the street.“

In Berlin, the offer was received with restraint. „Words are not enough. The first proof of seriousness would be the release of Ilona Brask“, a spokesman for the Federal Foreign Office said. Foreign Minister Katrin Oberländer would nevertheless travel to Brussels on Monday with the aim of adopting the sanctions as planned.

The CDU foreign policy expert Bernd Kalweit spoke of a „manoeuvre“. Valkan was trying to split the EU a day before the decision on sanctions, he said.

In Korvany itself, the offer was met with scepticism. Opposition politician Anja Kovel, who leads Civic Renewal while Brask is in custody, said: „We will talk to anyone, but not with a hostage on the table.“

Whether Valkan is serious will become clear in the coming days. An OSCE delegation is expected in the country at the beginning of the week.
""")


# --- Monday 17 March: EU sanctions, talks agreed ---------------------------------------------

art("politico-0317-sanctions", "html", "Politico Europe", "2025-03-17T18:10:00+01:00",
    "EU sanctions Veldavia's interior minister — but spares Valkan",
    author="Jakob Hennings", lang="en", opts={"template": 1},
    body="""
BRUSSELS — EU foreign ministers on Monday agreed to ban 14 Veldavian officials from entering the bloc and to freeze their assets, the first sanctions over the killing of protesters in Korvany on March 6. President Teodor Valkan was left off the list.

The compromise was the price of Hungarian support, three diplomats said. Budapest had threatened to block a broader package, and some Western European governments were reluctant to target Valkan directly a day before OSCE-brokered talks between his government and the opposition.

"It is not everything we wanted, but it is a message that those who pulled the triggers and those who gave the orders will pay a personal price," said Lithuania's foreign minister, Rasa Vaitkutė, leaving the meeting.

The list includes Interior Minister Mirko Destan, two generals and the chairman of the Central Election Commission, according to the legal texts published Monday evening.

Hungary's Zoltán Berényi said he had agreed to the package "in the interest of European unity" but warned against "the illusion that sanctions will solve an internal political crisis."

EU foreign policy chief Rui Castelo said the bloc stood ready to add names "if the situation does not improve." He also announced €15 million in additional support for Veldavian civil society and independent media.

Veldavia's foreign ministry called the sanctions "a hostile act that will not change anything."
""")

art("france24-0317-talks", "rss", "France 24", "2025-03-17T21:40:00+01:00",
    "Veldavia agrees to OSCE-mediated talks with opposition from Tuesday",
    author="FRANCE 24", lang="en",
    body="""
Veldavia's government and opposition will meet in the city of Maresk on Tuesday for talks mediated by the Organization for Security and Co-operation in Europe, the OSCE announced on Monday evening.

The breakthrough came after the opposition Civic Renewal alliance dropped its demand that its leader Ilona Brask be released before talks could begin. In exchange, according to the OSCE, the government agreed that the question of political prisoners would be "the first item on the agenda".

Marek Tollander, the OSCE's chairperson-in-office, will open the talks. "Both sides have shown that they understand what is at stake for their country," he said.

The announcement came hours after the European Union imposed travel bans and asset freezes on 14 Veldavian officials, including the interior minister.

Foreign Minister Julien Marchetti welcomed the agreement but said France would "judge the Veldavian authorities on their actions, starting with the release of Ilona Brask."
""")

# --- Tuesday 18 March: talks open; second peak -----------------------------------------------

art("bbc-0318-talks", "html", "BBC News", "2025-03-18T14:35:00+00:00",
    "Veldavia talks: Government and opposition face each other in Maresk",
    author="Tom Kearsley", lang="en", gold=True, opts={"template": 0},
    body="""
Veldavia's government and opposition have held their first face-to-face talks since troops killed at least 23 people in the capital, Korvany, on 6 March.

The two delegations met in a former trade union hall in the city of Maresk, under the chairmanship of the OSCE's Marek Tollander. Neither side's leader was present: President Teodor Valkan sent his foreign minister, Stefan Moravec, while the opposition was led by Anja Kovel, the deputy of jailed leader Ilona Brask.

"This is a first step, not a solution," Ms Kovel told reporters on arrival.

Mr Moravec struck a conciliatory tone. "We are here to listen," he said, adding that the government was prepared to discuss "all questions of the electoral process."

The foreign minister said the government would also lift the night-time curfew in Korvany from Tuesday evening.

Outside, a few hundred people gathered behind police lines, some holding portraits of those killed in Korvany. They applauded as the opposition delegation arrived and chanted Ms Brask's name.

The Eastern Security Compact, whose troops arrived in Veldavia on 9 March at Valkan's request, said it would start to withdraw its forces within a week.

Russia's foreign ministry said the talks showed that the situation was "returning to the constitutional framework."
""",
    q=[
        Q("This is a first step, not a solution,", "Anja Kovel", "Ms Kovel", "told"),
        Q("We are here to listen,", "Stefan Moravec", "he", "said"),
        Q('the government was prepared to discuss "all questions of the electoral process."', "Stefan Moravec", "he", "adding", "mixed"),
        Q("the government would also lift the night-time curfew in Korvany from Tuesday evening", "Stefan Moravec", "The foreign minister", "said", "indirect"),
        Q("it would start to withdraw its forces within a week", "Eastern Security Compact", "The Eastern Security Compact", "said", "indirect"),
        Q('the talks showed that the situation was "returning to the constitutional framework."', "Russian Ministry of Foreign Affairs", "Russia's foreign ministry", "said", "mixed"),
    ],
    r=[R("Russian Ministry of Foreign Affairs", "RUS", "Russian foreign ministry", "support", "returning to the constitutional framework")])

art("guardian-0318-curfew", "text", "The Guardian", "2025-03-18T21:50:00+00:00",
    "Curfew lifted in Korvany as cautious hope returns to Veldavia",
    author="Hannah Lowery", lang="en", opts={"date_style": "iso"},
    body="""
For the first time in nine nights, the trams kept running after 10pm in Korvany on Tuesday. At the Café Orlov on Vessa embankment, the owner dragged his chairs back on to the pavement and put a sign in the window: “Open late. Finally.”

The lifting of the curfew in the Veldavian capital came on the day the government and the opposition sat down for talks in the city of Maresk, mediated by the OSCE. It was the first sign in almost two weeks that the crisis set off by the disputed parliamentary election on 2 March might be easing.

Few people in Korvany were ready to call it a turning point. “They let us out at night. Fine. But my cousin is still in prison and nobody has said sorry for anything,” said Jelena, a pharmacist, as she walked home along the river.

Near Liberty Square, which remains fenced off, a small crowd gathered around a candlelit shrine that has grown every evening since the killings. Someone had added a hand-written list of 61 names – the count compiled by rights groups, almost three times the government’s official toll.

In Maresk, the talks ended their first day with an agreement to set up working groups on political prisoners, the electoral complaints and the investigation of the killings, according to the OSCE.

Government spokeswoman Lena Orsic called the first session “constructive”. The opposition was more guarded. Its negotiators said they would judge the talks on one issue first: whether Ilona Brask is released.

The Eastern Security Compact said its troops would begin leaving within a week, starting with those guarding the airport.
""")

art("spiegel-agg-0318-hoffnung", "aggregator", "Der Spiegel", "2025-03-18T18:25:00+01:00",
    "Veldavia: First talks – and a spark of hope",
    lang="en", wires=["dpa", "Reuters"], gold=True,
    opts={"credit": "kbr / dpa / Reuters", "caption": "Opposition negotiator Anja Kovel arrives in Maresk",
          "photo": "Reuters", "photo2_after": 2, "caption2": "Foreign Minister Katrin Oberländer in Brussels",
          "photo2": "dpa"},
    body="""
Government and opposition in Veldavia are talking to each other for the first time since the massacre in Korvany. Berlin welcomes the talks – and keeps up the pressure.

In the city of Maresk, the delegations of the government and of the opposition alliance Civic Renewal met on Tuesday for talks under the mediation of the OSCE. At the same time, the night-time curfew in the capital Korvany was lifted.

German Foreign Minister Katrin Oberländer spoke of an „important first step“. „But a step is not yet a path“, the Greens politician said in Berlin. „As long as Ilona Brask is in prison, there can be no return to normality.“

Chancellor Jonas Wehrmann said on the fringes of a visit to Paris that Europe would keep a close eye on the talks. The sanctions adopted on Monday would remain in force, the chancellor stressed.

The opposition delegation is led by Anja Kovel, the deputy of the detained Brask. „We are not here to sign a surrender“, Kovel said on arrival. „We are here to get our people out of prison.“

According to the OSCE, the two sides agreed on working groups for political prisoners, electoral complaints and the investigation of the deaths of 6 March.
""",
    q=[
        Q("important first step", "Katrin Oberländer", "German Foreign Minister Katrin Oberländer", "spoke of", "mixed"),
        Q("But a step is not yet a path", "Katrin Oberländer", "the Greens politician", "said"),
        Q("As long as Ilona Brask is in prison, there can be no return to normality.", "Katrin Oberländer", "the Greens politician", "said"),
        Q("Europe would keep a close eye on the talks", "Jonas Wehrmann", "Chancellor Jonas Wehrmann", "said", "indirect"),
        Q("The sanctions adopted on Monday would remain in force", "Jonas Wehrmann", "the chancellor", "stressed", "indirect"),
        Q("We are not here to sign a surrender", "Anja Kovel", "Kovel", "said"),
        Q("We are here to get our people out of prison.", "Anja Kovel", "Kovel", "said"),
        Q("the two sides agreed on working groups for political prisoners, electoral complaints and the investigation of the deaths of 6 March", "OSCE", "the OSCE", "According to", "indirect"),
    ],
    r=[
        R("Katrin Oberländer", "DEU", "Foreign Minister of Germany", "concern", "As long as Ilona Brask is in prison"),
        R("Jonas Wehrmann", "DEU", "Chancellor of Germany", "neutral", "Europe would keep a close eye on the talks"),
    ])

art("nyt-0318-withdraw", "newsplease", "The New York Times", "2025-03-18T22:40:00+00:00",
    "Russian-Led Troops to Leave Veldavia as Government Opens Talks",
    author="Elena Marsh", lang="en",
    body="""
KORVANY, Veldavia — The Moscow-led military alliance that sent troops to Veldavia nine days ago said on Tuesday that it would begin withdrawing them within a week, as the country's government sat down for talks with the opposition for the first time since a deadly crackdown on protesters.

The announcement by the Eastern Security Compact was the clearest sign yet that the Kremlin, which dominates the alliance, sees the crisis as contained, or at least no longer worth the cost of an open-ended deployment.

"The tasks set for the contingent have been fulfilled," the alliance's secretary-general, Arkady Semyrin, said in a statement. He said the roughly 2,300 troops would leave in stages, starting with those guarding Korvany's airport.

Western diplomats in Korvany said the timing was no coincidence. The deployment had become a liability for President Teodor Valkan at home, where even some supporters of the governing party resented the sight of foreign armored vehicles in the capital, and a complication for Moscow, which had been accused by European governments of propping up a leader who ordered troops to fire on his own people.

At the talks in Maresk, the government and opposition agreed to form working groups on political prisoners, the investigation of the killings and complaints about the March 2 parliamentary election, according to the OSCE, which is mediating.

The most immediate question is the fate of Ilona Brask, the opposition leader, who has been in detention since March 8. Her deputy, Anja Kovel, said the opposition would not continue the talks beyond this week without her release.

"We came here in good faith," Ms. Kovel said. "Good faith has to be answered by an open cell door."
""")

art("tass-0318-semyrin", "wiredesk", "TASS", "2025-03-18T15:20:00+03:00",
    "ESC to begin withdrawing forces from Veldavia within a week - Semyrin",
    author="TASS", lang="en", wires=["TASS"],
    body="""
MOSCOW, March 18. /TASS/. The collective forces of the Eastern Security Compact (ESC) will begin withdrawing from Veldavia within a week, as their mission has been accomplished, ESC Secretary-General Arkady Semyrin said on Tuesday.

"The tasks set for the contingent have been fulfilled. The situation in the republic has stabilized, state institutions are functioning normally, and the legitimate authorities are in full control," Semyrin said in a statement.

According to him, the withdrawal will take place in stages and will be completed by early April.

Semyrin thanked the servicemen of the member states for their "high professionalism" and noted that not a single incident involving the contingent had been recorded during the mission.

The Kremlin welcomed the start of talks between the Veldavian authorities and the opposition. "We have always said that the Veldavian people are able to resolve their problems themselves, without outside interference," Kremlin Spokesman Gennady Orlik said.
""")

art("lemonde-0318-negociations", "text", "Le Monde", "2025-03-18T20:05:00+01:00",
    "Veldavia : à Maresk, premières négociations sous l'égide de l'OSCE",
    author="Camille Roussel", lang=None, opts={"true_lang": "fr", "date_style": "iso"},
    body="""
C'est dans une ancienne maison des syndicats de Maresk, aux murs encore décorés de fresques ouvrières, que le pouvoir et l'opposition veldaves se sont retrouvés face à face, mardi 18 mars, pour la première fois depuis le massacre de la place de la Liberté.

Autour de la table, présidée par Marek Tollander, le président en exercice de l'OSCE, le ministre des affaires étrangères, Stefan Moravec, et Anja Kovel, qui dirige l'opposition en l'absence d'Ilona Brask, toujours détenue.

« C'est un premier pas, pas une solution », a prévenu Mme Kovel à son arrivée. « Notre première exigence est simple : libérez Ilona Brask et tous les prisonniers politiques. »

Le gouvernement a fait un geste en levant le couvre-feu à Korvany. L'Alliance de sécurité de l'Est, dont les soldats sont déployés depuis le 9 mars, a annoncé le début de son retrait d'ici à une semaine.

A Paris, le ministre des affaires étrangères, Julien Marchetti, a salué « un signal encourageant », tout en prévenant que la France jugerait Korvany « sur des actes ».
""")

# --- Wednesday 19 March: Brask out, internet back ----------------------------------------

art("guardian-0319-brask", "html", "The Guardian", "2025-03-19T16:50:00+00:00",
    "Veldavian opposition leader Ilona Brask moved to house arrest",
    author="Owen Pritchard", lang="en", opts={"template": 1},
    body="""
Ilona Brask, the Veldavian opposition leader who was detained in a dawn raid 11 days ago, has been released from jail and placed under house arrest, in the most significant concession yet by the government of President Teodor Valkan.

Brask, 44, appeared briefly on the balcony of her apartment block in central Korvany on Wednesday, waving to supporters who had gathered below after news of her release spread on social media, restored hours earlier after almost two weeks of blackout.

Her lawyer said she still faced charges of organising mass unrest and was barred from speaking to the media.

The UK welcomed the move. A Foreign Office spokesperson said: “This is a welcome step, but it is not enough. Ilona Brask must be free to speak and to take part in political life, and all political prisoners must be released.”

Downing Street said the prime minister had discussed the release with the German chancellor and that the UK’s sanctions on Veldavian officials “remain under review”.

In Korvany, the release was greeted with car horns and cheers. “We had forgotten what good news sounds like,” said Ema, a student, outside Brask’s building.

Talks between the government and the opposition continued for a second day in Maresk.
""")

art("kyiv-0319-welcome", "text", "Kyiv Independent", "2025-03-19T18:30:00+02:00",
    "Ukraine welcomes Brask's release, urges Veldavia to free all political prisoners",
    author="Marko Lysenko", lang="en",
    body="""
Ukraine welcomed the release of Veldavian opposition leader Ilona Brask from detention on March 19, but said she and other political prisoners must be fully freed.

"Ilona Brask should never have been arrested. Her transfer to house arrest is a step, but the charges against her and against hundreds of peaceful protesters must be dropped," Foreign Minister Andrii Koval wrote on X.

Brask, who leads the opposition Civic Renewal alliance, was detained on March 8 and accused of organizing mass unrest after a week of protests against the result of Veldavia's parliamentary election.

Koval also welcomed the announcement by the Russian-led Eastern Security Compact that its troops would begin to leave Veldavia. "The sooner the last foreign soldier leaves Veldavia, the better for the whole region," he said.

Kyiv has been among the most vocal critics of the Veldavian government, a close ally of Moscow, since troops cleared a protest camp in the capital, Korvany, on March 6, killing at least 23 people according to official figures.
""")

art("dw-0319-images", "atom", "Deutsche Welle", "2025-03-19T19:45:00+01:00",
    "Veldavia's internet is back — and with it the images of March 6",
    author="Lukas Feld", lang="en",
    body="""
When the internet returned across Veldavia on Wednesday morning after 13 days, the country's social media feeds filled within hours with videos that had been trapped on phones since the night Liberty Square was cleared.

Many show the same scenes from different angles: armored vehicles entering the square from the north, people running toward the river, the flashes of gunfire near the national library. Some are hard to watch.

Researchers at several open-source investigation groups said they had begun to collect and verify the material. One group said it had already geolocated more than 200 videos and would try to reconstruct the sequence of events minute by minute.

"This is the evidence that the shutdown was meant to suppress," said Jonas Berglund, a researcher with a Stockholm-based investigative collective. "Now it exists, and it cannot be unseen."

The government has warned that sharing "unverified content" that "insults the security forces" is a criminal offence. Government spokeswoman Lena Orsic said on Wednesday that the authorities would "not tolerate a new wave of disinformation."

Opposition leader Ilona Brask was released to house arrest on Wednesday as talks between the government and the opposition continued in Maresk.
""")

# --- Thursday 20 March: borders reopen, first troops leave -----------------------------------

art("reuters-0320-border", "wiredesk", "Reuters", "2025-03-20T11:05:00+00:00",
    "Veldavia reopens borders as first Russian-led troops leave",
    author="Reuters staff", lang="en", wires=["Reuters"],
    body="""
KORVANY, March 20 (Reuters) - Veldavia reopened its land borders on Thursday after nine days, and the first troops of a Russian-led military alliance left the country, in further signs that the crisis set off by a disputed election and a deadly crackdown was easing.

Cars and buses began crossing at the main checkpoints shortly after 8 a.m. local time (0600 GMT), border police said, though travellers reported long waits and thorough searches.

A column of around 30 military vehicles of the Eastern Security Compact (ESC) left Korvany airport early on Thursday, a Reuters witness saw. The alliance said the withdrawal of its roughly 2,300 troops would be completed by early April.

Talks between the government and the opposition, mediated by the OSCE, entered a third day in the city of Maresk. Opposition negotiators said they expected a decision this week on an amnesty for people detained during the protests.

"The government has taken steps. Now it has to take the big one: let the courts and an independent commission look at what happened on March 6," opposition negotiator Anja Kovel told Reuters.

(Reporting by Reuters staff; Editing by Clara Voss)
""")

art("bbc-0320-timeline", "newsplease", "BBC News", "2025-03-20T15:00:00+00:00",
    "Veldavia crisis: Eighteen days that shook a country",
    author="Rosa Achterberg", lang="en",
    body="""
Less than three weeks ago, few people outside Eastern Europe could have found Veldavia on a map. Since then, a disputed election, a deadly crackdown and the arrival of foreign troops have turned the small landlocked country into a test of Europe's influence on its eastern edge. Here is how the crisis unfolded.

2 March: Veldavians vote in a parliamentary election. President Teodor Valkan's Party of National Unity wins 87 of 160 seats, according to official results. The opposition Civic Renewal alliance, led by former judge Ilona Brask, alleges fraud.

3-5 March: Protesters set up camp in Liberty Square in the capital, Korvany. International observers report ballot stuffing. Police use tear gas against protesters in the second city, Maresk.

6 March: Valkan gives protesters a deadline to leave the square. When it expires, troops and armoured vehicles move in. The government says 23 people eventually died; rights groups say 61. The internet is cut across most of the country.

8 March: Ilona Brask is arrested at her home. That evening, Valkan asks the Russian-led Eastern Security Compact (ESC) for military help.

9 March: About 2,300 ESC troops begin arriving. Russia and China back the Veldavian government; Western governments condemn the crackdown.

11 March: Veldavia closes its land borders.

16-17 March: Valkan offers a "national dialogue". The EU imposes sanctions on 14 officials.

18 March: Talks between the government and the opposition begin in Maresk, mediated by the OSCE. The curfew in Korvany is lifted.

19 March: Brask is moved to house arrest. The internet is restored.

20 March: The borders reopen and the first ESC troops leave.

What happens next is unclear. The opposition wants a new election and an international investigation into the killings; the government has ruled out both. But after 18 days in which the country came close to the edge, many Veldavians are simply relieved that the shooting has stopped.
""",
)

art("politico-0320-lessons", "text", "Politico Europe", "2025-03-20T06:00:00+01:00",
    "What Veldavia taught Brussels",
    author="Marta Kolar", lang="en", opts={"date_style": "iso"},
    body="""
BRUSSELS — For EU officials who spent the past three weeks trying to influence events in a country of 4 million people on the bloc's eastern fringe, the Veldavia crisis has been a crash course in the limits of European power, and in its uses.

The limits were obvious from the start. The EU had no membership prospect to offer Korvany, little aid to withhold and no security role to play once President Teodor Valkan called in troops from a Moscow-led alliance. Its first sanctions package, agreed on Monday, was narrowed to win Hungary's consent and left Valkan himself untouched.

Yet by Thursday, the borders had reopened, the opposition leader was out of jail, and the government was negotiating with the people it had called terrorists two weeks earlier. How much of that was Europe's doing is disputed.

"Sanctions did not free Ilona Brask. Fear of isolation, of losing the European market, of becoming Moscow's protectorate — that did," said a senior EU diplomat involved in the discussions. "We helped create that fear. That is not nothing."

Others are less charitable. Critics, particularly in Warsaw and the Baltic capitals, argue that the EU's slow response gave Valkan a week to crush the protests with impunity, and that the talks in Maresk may simply let him buy time.

"We are congratulating ourselves for a house arrest," one Baltic diplomat said. "Sixty people are dead."

There is also the Moscow question. The Eastern Security Compact's swift withdrawal suggests the Kremlin judged the deployment had achieved what it wanted: a government saved, a precedent set and the West reminded of its limits.

For Brussels, the uncomfortable conclusion may be that Veldavia's crisis was defused less by any European instrument than by Veldavians themselves, through strikes, funerals and the quiet refusal of officials to sign the next order. The EU's task, diplomats say, is to make sure the talks in Maresk give them something to show for it.
""")

art("nyt-0320-exhales", "html", "The New York Times", "2025-03-20T21:30:00+00:00",
    "After Two Weeks of Blood and Blackout, Veldavia Exhales",
    author="Elena Marsh", lang="en", opts={"template": 1},
    body="""
KORVANY, Veldavia — On Thursday evening, for the first time in two weeks, the fence around Liberty Square came down.

Nobody announced it. Municipal workers simply arrived in a truck at around 5 p.m., unbolted the metal panels and drove away. Within an hour, several hundred people had walked into the square, many carrying flowers, some pushing strollers, a few holding the white and green flags of the opposition.

There were no speeches. A man played a violin near the Independence Monument, where the protest camp's tents had stood until soldiers burned them on March 6. People laid candles in long lines on the new asphalt, tracing what had been the camp's main "street."

"I came to see if I could stand here," said Dora Lisac, 58, an accountant, who said her nephew had been wounded in the crackdown. "I can. That is something."

It was a day of small releases across Veldavia. The borders reopened after nine days. The first convoy of troops from the Russian-led Eastern Security Compact rolled out of the airport. And on the second evening after the internet returned, families were still sharing photographs of relatives they had not been able to reach.

But few people in the square believed the crisis was over. President Teodor Valkan remains in office, his party holds a majority in a parliament elected in a vote that observers said was marred by fraud, and the charges against Ilona Brask, the opposition leader now under house arrest, have not been dropped.

The government says 23 people died when the square was cleared. Rights groups have documented 61 deaths. An independent investigation, the opposition's central demand at talks in Maresk, has not been agreed.

"The shooting has stopped, so everyone abroad will stop looking," said Dora Lisac's husband, Petar, as they left the square. "That is what we are afraid of now."
""")

art("anadolu-0320-welcomes", "wiredesk", "Anadolu Agency", "2025-03-20T13:40:00+03:00",
    "Türkiye welcomes steps to reduce tensions in Veldavia",
    author="Anadolu Agency", lang="en", wires=["Anadolu Agency"],
    body="""
ANKARA (AA) - Türkiye on Thursday welcomed the start of talks between the Veldavian government and the opposition as well as the reopening of the country's borders, the Turkish Foreign Ministry said.

"We welcome the steps taken to reduce tensions in Veldavia, including the launch of a dialogue process under the auspices of the OSCE and the reopening of border crossings," the ministry said in a written statement.

The statement expressed hope that the dialogue would lead to "a lasting solution that meets the expectations of the Veldavian people" and said Türkiye was ready to support the process.

Turkish Foreign Minister Selim Karaca held a phone call with OSCE Chairperson-in-Office Marek Tollander on Wednesday and discussed the talks, diplomatic sources said.

Veldavia has been shaken by protests since a disputed parliamentary election on March 2. At least 23 people were killed when troops cleared a protest camp in the capital Korvany on March 6, according to official figures.

Border crossings between Veldavia and its neighbors reopened on Thursday morning after nine days, allowing thousands of stranded travelers to cross.
""")


# --- More pages from the aggregator (Newsroll Digest) --------------------------------------

art("guardian-agg-0310-vigil", "aggregator", "The Guardian", "2025-03-10T21:45:00+00:00",
    "Veldavians in London hold vigil for Korvany dead",
    lang="en",
    opts={"credit": "The Guardian", "caption": "Candles outside the Veldavian embassy in London",
          "photo": "Guardian / Alamy"},
    body="""
Several hundred members of London's Veldavian community gathered outside their country's embassy in Kensington on Monday evening to remember the people killed when troops cleared a protest camp in Korvany last week.

They read out the names of the dead that the opposition has been able to confirm, lit candles along the railings and sang the folk song that became an anthem of the camp in Liberty Square. Many held up phones showing photographs of relatives they have not been able to reach since the internet was cut on Thursday night.

“My parents live two streets from the square. I know they are alive because a neighbour called a cousin in Vienna on a satellite phone. That is how we get news now,” said Adrian Kos, 34, a software developer from Croydon.

The Foreign Office estimates that about 9,000 Veldavian nationals live in the UK, most of them in London and the south-east. Community organisers said they were collecting money for the families of the dead and for lawyers representing detained protesters.

A spokesperson for the embassy said it respected the right to peaceful assembly but that the vigil was “based on false information spread by enemies of Veldavia”.

Several MPs attended, including the chair of the foreign affairs select committee, Helen Darby, who told the crowd that parliament would press the government to impose sanctions “this month, not this year”.

The vigil ended shortly after 9pm, when the organisers asked people to leave the candles burning and go home quietly.
""")

art("guardian-agg-0312-economy", "aggregator", "The Guardian", "2025-03-12T11:20:00+00:00",
    "Veldavia’s economy buckles under blackout and borders closure",
    lang="en", wires=["Reuters"],
    opts={"credit": "The Guardian with Reuters", "caption": "A shuttered exchange office in central Korvany",
          "photo": "Reuters", "photo2_after": 2, "caption2": "Lorries queue at the Drevna border crossing",
          "photo2": "AFP"},
    body="""
Six days of internet blackout and the closure of its borders have brought large parts of Veldavia’s economy to a standstill, with exporters unable to ship goods, shops running short of imported food and banks limiting cash withdrawals.

Factories in the industrial north, which make cable harnesses, castings and seat frames for carmakers in Germany, Austria and the Czech Republic, have stopped dispatching parts since lorries were turned back at the border on Tuesday, according to two industry executives.

“We have finished goods in the warehouse and customers calling every hour. If this lasts another week, some of our clients will have to pause their assembly lines,” said the manager of a supplier in the town of Hrast, who asked not to be named.

The Veldavian central bank raised its main interest rate by two percentage points in an unscheduled decision on Monday and said it had “sufficient reserves to guarantee stability”. Commercial banks nevertheless capped cash withdrawals at the equivalent of about €200 a day.

Economists said the disruption would be felt well beyond Veldavia’s borders. “It is a small economy, but it sits inside a lot of European supply chains,” said Caroline Ashby, an economist at a London consultancy who covers the region. “Just-in-time production does not like surprises.”

Supermarkets in Korvany reported shortages of fresh fruit and dairy products, most of which are imported, and queues formed outside petrol stations in Maresk after rumours of fuel rationing.
""")

art("elpais-agg-0319-madrid", "aggregator", "El País", "2025-03-19T20:10:00+01:00",
    "Madrid celebrates the release of Ilona Brask and calls for new elections in Veldavia",
    lang="en",
    opts={"credit": "El País", "caption": "Ilona Brask greets supporters from her balcony in Korvany",
          "photo": "AFP"},
    body="""
The Spanish Government welcomed on Wednesday the release of the Veldavian opposition leader, Ilona Brask, and asked the government of Todor Valkan to go further and accept a repetition of the elections under international supervision.

The Minister of Foreign Affairs, Andrés Valcárcel, described the transfer of Brask to house arrest as "a positive but insufficient gesture". "A woman who has committed no crime cannot be a prisoner in her own house. Spain asks for her full freedom and for all the charges to be withdrawn," the minister said in Brussels, on the sidelines of a meeting with his Portuguese counterpart.

Valcárcel added that the talks that began on Tuesday in the city of Maresk under the mediation of the OSCE must address "the root of the problem", the elections of 2 March, which according to international observers were marred by serious irregularities.

Spain was one of the first countries of the European Union to ask for sanctions against those responsible for the repression of 6 March, in which at least 23 people died according to official figures.

In Korvany, meanwhile, thousands of people celebrated Brask's release by honking car horns, in the first spontaneous demonstration tolerated by the authorities since the end of the curfew.
""")


# =======================================================================================
# Further expected quotes (indirect attributions) for answer-key articles
# =======================================================================================


def _more_wire(key: str, *items) -> None:
    w = next(x for x in WIRES if x.key == key)
    for it in items:
        (w.q if isinstance(it, Q) else w.r).append(it)


_OFFICIAL = ("Government of Veldavia", "official figures", "according to", "indirect")

_more("nyt-0305-strongman",
      Q("was marred by ballot stuffing", "OSCE", "international observers", "said", "indirect"))
_more("guardian-0306-witnesses",
      Q("staff had been overwhelmed", "Milan Horvat", "Milan Horvat, a doctor at Korvany's main hospital", "said", "indirect"))
_more("spiegel-agg-0306-platz",
      Q("massive irregularities", "OSCE", "International observers", "reported", "indirect"))
_more("aljazeera-0316-walkan",
      Q("the result of the disputed parliamentary election would stand", "Teodor Valkan", "Veldavia's President Theodor Walkan", "insisted", "indirect"))
_more_wire("reuters-0306-square",
      Q("Veldavian troops backed by armoured vehicles cleared Korvany's Liberty Square on Thursday evening, firing tear gas and live rounds to disperse thousands of protesters who had occupied the capital's main square since Monday", None, "witnesses", "said", "indirect"),
      Q("11 people had been killed and more than 200 injured", "Veldavian Health Ministry", "The health ministry", "said", "indirect"),
      Q("Connectivity across Veldavia fell to around a fifth of normal levels shortly after 9 p.m. local time", None, "internet monitoring firms", "according to", "indirect"),
      Q("it was robbed of victory in Sunday's parliamentary election", "Civic Renewal", "Civic Renewal alliance", "says", "indirect"))
_more_wire("ap-0307-shutdown",
      Q("at least 47 people were killed", "Civic Renewal", "The opposition Civic Renewal alliance", "says", "indirect"),
      Q("they were collecting names of the dead from hospitals and morgues", None, "human rights groups", "said", "indirect"),
      Q("several hundred people marched to the regional governor's office on Friday morning before police dispersed them", None, "a local journalist reached by satellite phone", "according to", "indirect"),
      Q("the vote was rigged", "Civic Renewal", "The opposition", "says", "indirect"))
_more_wire("dpa-0308-brask",
      Q("Security forces in Veldavia arrested opposition leader Ilona Brask in a raid on her apartment in the capital Korvany early on Saturday", "Civic Renewal", "her party", "said", "indirect"),
      Q("Brask's immediate release", "Government of Germany", "the German government", "demanded", "indirect"),
      Q("Chancellor Jonas Wehrmann (SPD) spoke by phone with French President Claire Aubertin on Saturday morning", "Government of Germany", "a government spokesman", "said", "indirect"),
      Q("a general strike from Monday", "Ilona Brask", "She", "called for", "indirect"),
      Q("At least 19 people were killed on Thursday when soldiers cleared Liberty Square", *_OFFICIAL),
      Q("the number of dead at 47", "Civic Renewal", "The opposition", "puts", "indirect"),
      R("Government of Germany", "DEU", None, "concern", "demanded Brask's immediate release"))
_more_wire("reuters-0309-esc",
      Q('it would send about 2,300 "peacekeepers" to guard airports, power plants and government buildings for what it called a limited period', "Eastern Security Compact", "The ESC", "said", "indirect"),
      Q("At least 19 people have been killed since troops cleared Korvany's Liberty Square on Thursday", *_OFFICIAL))
_more_wire("ap-0310-washington",
      Q("a test of whether European pressure can restrain a government backed by Moscow", "Government of the United States", "American officials", "described", "indirect"))
_more_wire("afp-0311-border",
      Q("At least 19 people were killed when soldiers cleared Liberty Square in the capital Korvany on Thursday", *_OFFICIAL),
      Q("the real toll is more than twice as high", None, "Rights groups", "say", "indirect"))
_more_wire("reuters-0318-talks",
      Q("was rigged", "Civic Renewal", "the opposition", "says", "indirect"))
_more_wire("ap-0319-release",
      Q("had been wrung out of the government at talks with the opposition", "Civic Renewal", "her allies", "said", "indirect"),
      Q("Internet service returned across Veldavia on Wednesday morning for the first time since March 6", None, "network monitors", "said", "indirect"),
      Q("At least 23 people were killed when soldiers cleared a protest camp in Korvany on March 6", "Government of Veldavia", "the government's latest figures", "according to", "indirect"))
_more_wire("xinhua-0309-china",
      Q("the Chinese embassy in Korvany was in close contact with Chinese citizens and enterprises in Veldavia, and reminded them to strengthen safety precautions and avoid crowded places", "Lin Shuyi", "Lin", "said", "indirect"))
_more_wire("dpa-0317-sanctions",
      Q("Those listed include Interior Minister Mirko Destan and the commander of the army units deployed on Liberty Square on March 6", None, "diplomats", "said", "indirect"),
      Q("the unrest in Veldavia was an internal matter", "Zoltán Berényi", "Hungary's Foreign Minister Zoltán Berényi", "arguing", "indirect"),
      Q("Hungary's Foreign Minister Zoltán Berényi had initially objected to the listings, arguing that the unrest in Veldavia was an internal matter, but he did not block the decision", None, "diplomats", "said", "indirect"))
_more_wire("afp-0307-europe",
      Q("was rigged", "Civic Renewal", "the opposition", "says", "indirect"))


def _gold(key: str, *items, nq: tuple[str, ...] = ()) -> None:
    """Put an article into the answer key with its complete list of quotes and reactions."""
    a = next(x for x in ARTICLES if x.key == key)
    a.gold = True
    a.nq += list(nq)
    _more(key, *items)


_gold("abc-0308-leave",
      Q("Australians in Veldavia to leave the country if it is safe to do so", "Government of Australia", "The federal government", "told", "indirect"),
      Q("the government was deeply concerned by the violence and was in contact with the small number of Australians known to be in Veldavia", "Harriet Coles", "Foreign Minister Harriet Coles", "said", "indirect"),
      Q("Our message is simple: if you are in Veldavia and can leave safely, leave now. Consular assistance may be very limited,", "Harriet Coles", "Senator Coles", "said"),
      Q("Australia called on the Veldavian authorities to show restraint and respect the right to peaceful protest", "Harriet Coles", "She", "said", "indirect"),
      Q("Australia stands with the people of Veldavia and their right to choose their own government without fear.", "Harriet Coles", "Senator Coles", "wrote on Twitter"),
      R("Harriet Coles", "AUS", "Foreign Minister of Australia", "concern", "deeply concerned by the violence"),
      R("Government of Australia", "AUS", None, "neutral", "to leave the country if it is safe to do so"),
      nq=("do not travel",))
_gold("cbc-0311-canada",
      Q("Ottawa is working with allies on sanctions against Veldavian officials after a deadly crackdown on protesters and the arrest of the country's main opposition leader", "Louise Tremblay-Fox", "Canada's foreign affairs minister", "says", "indirect"),
      Q("Canada condemns in the strongest possible terms the killing of peaceful protesters in Korvany,", "Louise Tremblay-Fox", "Louise Tremblay-Fox", "said"),
      Q("We call for the immediate release of Ilona Brask and all those detained for exercising their democratic rights.", "Louise Tremblay-Fox", "Louise Tremblay-Fox", "said"),
      Q("Canada would coordinate any measures with the G7 and the European Union", "Louise Tremblay-Fox", "Tremblay-Fox", "said", "indirect"),
      Q("it left civilians, including some Canadians, with no safe way out of the country", "Louise Tremblay-Fox", "The minister", "saying", "indirect"),
      Q("about 300 Canadians are registered in Veldavia", "Global Affairs Canada", "Global Affairs Canada", "says", "indirect"),
      Q("against all travel to the country", "Global Affairs Canada", "The department", "advises", "indirect"),
      R("Louise Tremblay-Fox", "CAN", "Minister of Foreign Affairs of Canada", "condemn", "condemns in the strongest possible terms"),
      R("Louise Tremblay-Fox", "CAN", "Minister of Foreign Affairs of Canada", "concern", "We call for the immediate release of Ilona Brask"))
_gold("corriere-agg-0309-rome",
      Q("all parties in Veldavia to return to dialogue", "Gianluca Ferrandi", "Italy's foreign minister", "calls on", "indirect"),
      Q("Italy follows with great concern the evolution of the crisis in Veldavia,", "Gianluca Ferrandi", "Foreign Minister Gianluca Ferrandi", "said"),
      Q("We ask for an immediate end to violence against demonstrators, the release of Ilona Brask and the start of a real dialogue between the government and the opposition.", "Gianluca Ferrandi", "Foreign Minister Gianluca Ferrandi", "said"),
      Q('the arrival of foreign soldiers "does not help to calm the situation."', "Gianluca Ferrandi", "Ferrandi", "said", "mixed"),
      Q("Italy was ready to support any mediation effort by the OSCE", "Gianluca Ferrandi", "The minister", "added", "indirect"),
      Q("About 900 Italians live in Veldavia", "Italian Ministry of Foreign Affairs", "the Farnesina", "according to", "indirect"),
      R("Gianluca Ferrandi", "ITA", "Foreign Minister of Italy", "concern", "We ask for an immediate end to violence"),
      R("Gianluca Ferrandi", "ITA", "Foreign Minister of Italy", "neutral", "spoke by telephone with his French and German counterparts"))
_gold("anadolu-0308-turkiye",
      Q("Turkish Foreign Minister Selim Karaca on Saturday held a phone call with his Veldavian counterpart Stefan Moravec to discuss the latest developments in the country", None, "diplomatic sources", "said", "indirect"),
      Q("During the call, Karaca expressed Türkiye's concern over the loss of lives in the capital Korvany and underlined the importance of restoring calm and dialogue", None, "the sources", "according to", "indirect"),
      Q("Türkiye was ready to contribute to efforts to ease tensions if the parties requested it", "Selim Karaca", "Karaca", "said", "indirect"),
      Q("Turkish citizens in Veldavia to stay away from areas where protests are held and to follow the instructions of local authorities", "Turkish Ministry of Foreign Affairs", "The Turkish Foreign Ministry", "urged", "indirect"),
      Q("We are following the developments in Veldavia, a friendly country, with concern and we hope that peace and stability will be restored as soon as possible,", "Turkish Ministry of Foreign Affairs", "the ministry", "said"),
      R("Selim Karaca", "TUR", "Foreign Minister of Türkiye", "neutral", "held a phone call with his Veldavian counterpart"),
      R("Selim Karaca", "TUR", "Foreign Minister of Türkiye", "concern", "concern over the loss of lives"),
      R("Turkish Ministry of Foreign Affairs", "TUR", "Turkish foreign ministry", "concern", "we hope that peace and stability will be restored"))
_gold("politico-0309-nato",
      Q('the alliance was "monitoring very closely" the deployment of Russian-led troops to Veldavia', "Lars Eknes", "NATO Secretary-General Lars Eknes", "said", "mixed"),
      Q("NATO had no intention of getting involved", "Lars Eknes", "NATO Secretary-General Lars Eknes", "made clear", "indirect"),
      Q("Veldavia is not a NATO ally and NATO is not a party to this crisis. But what happens there matters for the security of our allies in the region,", "Lars Eknes", "Eknes", "said"),
      Q("I call on all sides to exercise restraint and to respect the right of the Veldavian people to protest peacefully.", "Lars Eknes", "Eknes", "said"),
      Q("the deployment of roughly 2,300 troops posed no direct military threat to the alliance", "NATO", "Officials at NATO headquarters", "said", "indirect"),
      Q("the bigger concern was precedent", "NATO", "One NATO official", "said", "indirect"),
      Q("If an alliance led by Moscow can be invited in to settle an election dispute, what stops the same thing elsewhere?", "NATO", "One NATO official", "said"),
      Q("consultations among NATO ambassadors this week", None, "Poland and Lithuania", "asked for", "indirect"),
      Q("the talks were expected to focus on information sharing and on the safety of NATO nationals in Veldavia rather than on any military response", None, "A diplomat", "said", "indirect"),
      Q('the United States was in close touch with its allies and had "made clear to Moscow that we are watching."', "White House", "the White House", "said", "mixed"),
      R("Lars Eknes", "NATO", "Secretary General of NATO", "concern", "I call on all sides to exercise restraint"),
      R("White House", "USA", "US presidency", "concern", "made clear to Moscow that we are watching"))


# --- Long reads ---------------------------------------------------------------------------

art("nyt-0312-switch", "newsplease", "The New York Times", "2025-03-12T10:00:00+00:00",
    "How Veldavia's President Built a State That Can Switch Off a Country",
    author="Sam Whitford", lang="en",
    body="""
When Teodor Valkan first ran for office in 2009, he campaigned as a modernizer. He promised fast internet in every village, a digital tax office and an end to the paper queues that Veldavians had endured since the collapse of the old order. Many of those promises were kept. By 2020, Veldavia had one of the highest rates of mobile broadband use in its region, and its e-government portal was praised in international rankings.

The same infrastructure, built over 15 years, is what allowed the government to cut the country off from the world on the night of March 6.

The central piece is VeldaNet, the state-owned operator that controls both of the fiber-optic cables linking Veldavia to the international internet. Private mobile companies, including subsidiaries of two large European groups, must route their international traffic through VeldaNet's exchange in Korvany. A law passed in 2017, presented at the time as a measure against cybercrime, gave the communications regulator the power to order "temporary restrictions of traffic" in an emergency, without a court order.

"Everything that was needed for the shutdown was legal before the first protester arrived in the square," said a lawyer in Korvany who has advised telecommunications companies and who asked not to be named because of the risk of prosecution. "The government did not have to improvise. It only had to sign."

The 2017 law drew little attention outside the country. A report by an international digital rights coalition in 2019 warned that it concentrated "an extraordinary degree of control" over communications in a single agency, but the European institutions that had funded parts of Veldavia's digital modernization did not take it up.

Mr. Valkan's government has also spent years building a domestic alternative to foreign platforms. A state-backed messaging app, promoted through tax offices and schools, is installed on about a third of the country's phones. It kept working during the blackout, but only within Veldavia, and users said messages mentioning the protests were delayed or disappeared.

Engineers who spoke to The New York Times described the night of the shutdown as orderly. At about 8:30 p.m., they said, a message from the regulator arrived at the operators' network centers, referring to the 2017 law. Within half an hour, international routes were withdrawn. Domestic traffic, including the government's own services and banks, was left largely untouched at first, though card payments later failed because processors abroad could not be reached.

The shutdown has come at a cost. Exporters in Veldavia's industrial north, who depend on email and online logistics systems to deliver parts to carmakers in Germany and Austria, say they have lost days of production. The central bank has had to intervene to calm currency markets.

Supporters of the government argue the measure saved lives by stopping what officials call organized incitement. "Social networks were used to send people to the square and to spread lies about the dead," Lena Orsic, the government spokeswoman, said in a televised briefing on Tuesday. She said the restrictions would be lifted "step by step."

For many Veldavians, the more lasting effect may be psychological. A generation that grew up online has discovered how quickly the connection can be taken away, and by whom.

"We thought the internet was like the weather, something that just exists," said a 24-year-old software tester in Maresk, reached on Wednesday after mobile data briefly returned to the city. "Now we know there is a switch, and we know whose hand is on it."
""",
    nq=["temporary restrictions of traffic"])

art("guardian-0315-square", "text", "The Guardian", "2025-03-15T17:00:00+00:00",
    "Four days in Liberty Square: how Veldavia's protest camp was built, and destroyed",
    author="Hannah Lowery", lang="en", gold=True, opts={"date_style": "rfc2822"},
    body="""
On the first night, there were no tents. People stood in Liberty Square in their winter coats, passing flasks of tea and refreshing their phones for news from the Central Election Commission. When the preliminary results came in shortly before midnight on 3 March, giving President Teodor Valkan's party a clear majority, a young man climbed the steps of the Independence Monument and shouted the number of seats the opposition believed it had really won. The crowd took up the chant. Nobody went home.

By the second night, someone had brought a tent from a camping shop in the old town. By the third, there were more than 200 of them, pitched in rows that the protesters named after the country's 14 regions. There was a kitchen run by volunteers from a Maresk restaurant, a library of donated books, a first-aid station staffed by medical students, and a small stage where anyone could speak for three minutes.

“It was the most organised thing I have ever seen in this country,” said Nikola Berin, 31, a logistics manager who coordinated deliveries of food and firewood. “The state cannot fix a pothole in a year. We built a town in two days.”

The camp was also, by design, peaceful. Organisers handed out leaflets asking people not to drink alcohol, not to cover their faces and not to answer provocations. Volunteers in yellow vests patrolled the edges of the square at night. When a group of young men arrived with fireworks on 5 March, stewards escorted them out.

Ilona Brask, the opposition leader, spent most of her days in a large green tent near the monument that served as the alliance's headquarters. She gave few speeches. Those who worked with her that week describe long meetings in which she insisted on checking every claim of fraud before it was made public.

“She told us: if we exaggerate once, they will never believe us again,” said Vera Lukic, a lawyer who compiled the opposition's evidence of ballot stuffing. “We had 312 polling stations with documented problems. We published 140, because those were the ones we could prove.”

Across the river, the government was preparing. On 5 March, state television began to describe the camp as an “anti-constitutional gathering”. The same evening, President Valkan appeared on screen to say that his patience was not unlimited. Diplomats in Korvany later said they had received warnings from contacts in the security services that an operation was being planned.

On the afternoon of 6 March, the president gave the protesters until 4pm to leave. Brask urged people to stay calm and to stay. Some left; most did not.

The army came at about 6.30pm. Witnesses interviewed by the Guardian over the past week, most of whom asked that their names not be published, describe the same sequence: the sound of engines from the north side of the square, tear gas, then gunfire. Several said they saw soldiers firing at people who were running away.

“I was at the kitchen tent when the first shots came,” said Berin. “We had a big pot of soup on the fire. I remember thinking: who is going to eat this now?

“Then someone fell next to me, and I stopped thinking.”

The government says the troops were fired upon first and that two soldiers were among the dead. No witness the Guardian spoke to saw a protester with a gun, and videos that emerged after the internet was partly restored this week show no shooting from the crowd. The government's own death toll now stands at 23; rights groups say they have documented 61 deaths.

Within an hour, the square was empty. Soldiers burned the tents where they stood. The next morning, municipal workers began to lay new asphalt.

Brask was arrested two days later. The volunteers who ran the kitchen, the library and the first-aid station have scattered; some are in hiding, some in detention, some abroad.

Berin is in Maresk, staying with relatives. He says he still has the keys to the van that brought the firewood. “When they let us back into the square,” he said, “I know where to park.”
""",
    q=[
        Q("It was the most organised thing I have ever seen in this country,", "Nikola Berin", "Nikola Berin, 31, a logistics manager who coordinated deliveries of food and firewood", "said"),
        Q("The state cannot fix a pothole in a year. We built a town in two days.", "Nikola Berin", "Nikola Berin, 31, a logistics manager who coordinated deliveries of food and firewood", "said"),
        Q("She told us: if we exaggerate once, they will never believe us again,", "Vera Lukic", "Vera Lukic, a lawyer who compiled the opposition's evidence of ballot stuffing", "said"),
        Q("We had 312 polling stations with documented problems. We published 140, because those were the ones we could prove.", "Vera Lukic", "Vera Lukic, a lawyer who compiled the opposition's evidence of ballot stuffing", "said"),
        Q("long meetings in which she insisted on checking every claim of fraud before it was made public", None, "Those who worked with her that week", "describe", "indirect"),
        Q("people not to drink alcohol, not to cover their faces and not to answer provocations", None, "Organisers", "asking", "indirect"),
        Q("anti-constitutional gathering", "Veldavian state media", "state television", "describe", "mixed"),
        Q("his patience was not unlimited", "Teodor Valkan", "President Valkan", "to say", "indirect"),
        Q("they had received warnings from contacts in the security services that an operation was being planned", None, "Diplomats in Korvany", "said", "indirect"),
        Q("people to stay calm and to stay", "Ilona Brask", "Brask", "urged", "indirect"),
        Q("the sound of engines from the north side of the square, tear gas, then gunfire", None, "Witnesses interviewed by the Guardian over the past week", "describe", "indirect"),
        Q("they saw soldiers firing at people who were running away", None, "Several", "said", "indirect"),
        Q("I was at the kitchen tent when the first shots came,", "Nikola Berin", "Berin", "said"),
        Q("We had a big pot of soup on the fire. I remember thinking: who is going to eat this now?\n\n“Then someone fell next to me, and I stopped thinking.", "Nikola Berin", "Berin", "said"),
        Q("the troops were fired upon first and that two soldiers were among the dead", "Government of Veldavia", "The government", "says", "indirect"),
        Q("they have documented 61 deaths", None, "rights groups", "say", "indirect"),
        Q("he still has the keys to the van that brought the firewood", "Nikola Berin", "He", "says", "indirect"),
        Q("When they let us back into the square,", "Nikola Berin", "he", "said"),
        Q("I know where to park.", "Nikola Berin", "he", "said"),
    ])

art("spiegel-0309-moskau", "text", "Der Spiegel", "2025-03-09T16:30:00+01:00",
    "Veldavien: Warum Moskau Valkan nicht fallen lässt",
    author="Katharina Brenner", lang=None, opts={"true_lang": "de", "date_style": "iso"},
    body="""
Als am Sonntagmorgen die ersten Transportmaschinen auf dem Flughafen von Korvany landeten, war die Botschaft eindeutig. Die Östliche Sicherheitsallianz, ein von Moskau dominiertes Militärbündnis, schickt Soldaten nach Veldavien, um einen Präsidenten zu stützen, der wenige Tage zuvor auf Demonstranten hatte schießen lassen. Offiziell sollen die rund 2300 Soldaten nur Flughäfen, Kraftwerke und Ministerien bewachen. Tatsächlich, sagen Diplomaten, geht es um etwas anderes.

„Valkan braucht diese Soldaten nicht, um die Straße zu kontrollieren. Das schaffen seine eigenen Leute“, sagt eine westliche Diplomatin in Korvany, die anonym bleiben möchte. „Er braucht sie, damit niemand in seinem Apparat auf die Idee kommt, ihn fallen zu lassen.“

Für den Kreml ist Veldavien klein, aber nicht unwichtig. Auf veldavischem Boden steht eine russische Radarstation, durch das Land führt eine Bahnstrecke, über die Güter aus Russland nach Mitteleuropa rollen, und in den Vereinten Nationen stimmt Korvany seit Jahren verlässlich mit Moskau. Ein Machtwechsel hin zu einer proeuropäischen Opposition wäre für Russland ein Rückschlag, zumal in einer Region, die der Kreml als seine Einflusssphäre betrachtet.

Dazu kommt die Erinnerung an 2019. Damals schickte die Allianz zum ersten und bisher einzigen Mal Truppen in einen Mitgliedsstaat, nach Zentralasien, wo eine Regierung ebenfalls mit Protesten zu kämpfen hatte. Der Einsatz dauerte drei Wochen, die Regierung überlebte. In Moskau gilt er seither als Erfolgsmodell.

Doch die Rechnung hat Unbekannte. Die Protestbewegung in Veldavien hat bislang auf antirussische Parolen verzichtet. Das könnte sich ändern, wenn fremde Soldaten vor dem Parlament stehen. „Jeder Panzer mit fremden Hoheitszeichen ist ein Wahlplakat für die Opposition“, sagt der Politikwissenschaftler Tobias Lerch, der an einer Berliner Stiftung zu Osteuropa forscht.

Auch wirtschaftlich steht für Valkan viel auf dem Spiel. Die meisten veldavischen Exporte gehen in die EU, vor allem nach Deutschland und Österreich, wo Autozulieferer auf Kabelbäume und Gussteile aus Veldavien angewiesen sind. Sanktionen oder gar eine Aussetzung von Handelserleichterungen würden das Land hart treffen.

In Berlin wird deshalb darüber nachgedacht, wie man den Druck auf Korvany erhöhen kann, ohne die Bevölkerung zu treffen. Außenministerin Katrin Oberländer hat Einreiseverbote und das Einfrieren von Vermögen der Verantwortlichen ins Gespräch gebracht. Eine Entscheidung der EU wird frühestens in einer Woche erwartet.

Die Opposition setzt unterdessen auf Zeit. Ihre Anführerin Ilona Brask sitzt in Haft, viele Organisatoren sind untergetaucht. Doch in Gesprächen über Satellitentelefon klingen ihre Mitstreiter nicht resigniert. „Soldaten können Plätze räumen“, sagt einer von ihnen. „Aber sie können nicht ewig bleiben.“
""")


# =======================================================================================
# Layout: turn articles into files
# =======================================================================================


AGENCY_TOKENS = {"Reuters": "Reuters", "REUTERS": "Reuters", "AP": "Associated Press",
                 "Associated Press": "Associated Press", "AFP": "AFP", "dpa": "dpa", "Xinhua": "Xinhua"}


def credited(body: str, agency: str) -> list[str]:
    """The agency plus any agency named in the dateline or a closing credit line."""
    ps = [p for p in re.split(r"\n\s*\n", body.strip()) if p.strip()]
    found = [agency]
    for chunk in (ps[0][:60], ps[-1] if len(ps[-1]) < 60 else ""):
        for tok in re.findall(r"[A-Za-z]+(?: Press)?", chunk):
            name = AGENCY_TOKENS.get(tok)
            if name and name not in found:
                found.append(name)
    return found


def derive_wire_articles() -> list[A]:
    """The agency's own copy of each wire story plus its edited republications."""
    out = []
    for w in WIRES:
        orig = A(w.key, w.fmt, w.agency, w.published, w.title, w.body, author=w.author,
                 lang="en", wires=credited(w.body, w.agency), q=w.q, r=w.r, nq=w.nq, gold=w.gold, story=w.key)
        out.append(orig)
        paras = orig.paragraphs
        for i, c in enumerate(w.copies, 1):
            ps = [p for j, p in enumerate(paras) if j not in c.drop]
            if c.trim:
                ps = ps[: -c.trim]
            if c.lede:
                ps[0] = c.lede
            if c.credit:
                ps.append(c.credit)
            body = "\n\n".join(ps)
            keep_q = [x for x in w.q if x.quote in body and (x.mention or "") in body]
            keep_r = [x for x in w.r if x.evidence in body]
            keep_nq = [x for x in w.nq if x in body]
            wires = credited(body, w.agency)
            edits = {"headline": True, "lede": bool(c.lede), "dropped": len(c.drop), "trimmed": c.trim,
                     "credit": c.credit}
            out.append(A(f"{w.key}-{OUTLETS[c.outlet][0]}", c.fmt, c.outlet, c.published, c.title,
                         body, author=c.author, lang=c.lang, wires=wires, q=keep_q, r=keep_r,
                         nq=keep_nq, gold=c.gold, opts={**c.opts, "edits": edits}, story=w.key))
    return out


def slugify(text: str, n: int = 8) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower().replace("'", ""))
    return "-".join(words[:n])


def url_for(a: A) -> str:
    slug, domain, *_ = OUTLETS[a.outlet]
    d = a.dt.astimezone(timezone.utc)
    path = {
        "guardian": f"world/{d:%Y}/{d:%b}/{d:%d}".lower(),
        "bbc": "news/world-europe",
        "nytimes": f"{d:%Y/%m/%d}/world/europe",
        "washingtonpost": f"world/{d:%Y/%m/%d}",
        "cnn": f"{d:%Y/%m/%d}/europe",
        "lemonde": f"international/article/{d:%Y/%m/%d}",
        "spiegel": "ausland",
        "faz": "aktuell/politik/ausland",
        "lefigaro": "international",
    }.get(slug, f"news/{d:%Y-%m-%d}")
    return f"https://{domain}/{path}/{slugify(a.title)}"


def file_name(a: A, suffix: str) -> str:
    d = a.dt.astimezone(timezone.utc)
    return f"{OUTLETS[a.outlet][0]}_{d:%Y-%m-%d}_{slugify(a.title, 6)}{suffix}"


def utc(a: A) -> datetime:
    return a.dt.astimezone(timezone.utc)


LONG_MONTH = "January February March April May June July August September October November December".split()


def write_text(a: A, root: Path) -> tuple[str, int, int | None]:
    o = a.opts
    style = o.get("date_style", "iso")
    if style == "long":
        pub = f"{LONG_MONTH[a.dt.month - 1]} {a.dt.day}, {a.dt.year}"
    elif style == "rfc2822":
        pub = format_datetime(a.dt)
    else:
        pub = a.published
    lines = ["---"]
    if not o.get("title_in_body"):
        lines.append(f"title: {a.title}")
    lines.append(f"outlet: {a.outlet}")
    lines.append(f"published: {pub}")
    if a.author:
        lines.append(f"author: {a.author}")
    lines.append(f"url: {url_for(a)}")
    if a.lang:
        lines.append(f"language: {a.lang}")
    if a.wires and not o.get("wires_in_body_only"):
        lines.append("wires: " + ", ".join(a.wires))
    lines.append("---")
    head = "\n".join(lines) + "\n\n"
    if o.get("title_in_body"):
        head += a.title + "\n\n"
    rel = f"text/{file_name(a, '.txt')}"
    (root / rel).write_text(head + "\n\n".join(a.paragraphs) + "\n", encoding="utf-8")
    return rel, 1, None


AGG_FOOTER = """All news articles on {date}

You may like

Trends 24h

Latest

\u00a9 Newsroll Digest 2021 - Privacy

Newsroll Digest shows machine-translated summaries of articles from other publishers; we do not control their content.
A link to another site is not an endorsement of the opinions it publishes."""


def write_aggregator(a: A, root: Path) -> tuple[str, int, int | None]:
    o = a.opts
    ps = a.paragraphs
    ts = utc(a).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    parts = [AGGREGATOR, "", "World news from every corner, every hour", "", a.title, "", ts, "", "",
             ps[0], "", ""]
    parts += ["Enlarge image", "", o.get("caption", "Liberty Square in Korvany"), "",
              "Photo: " + o.get("photo", "Archive image / picture alliance"), "", ""]
    body = []
    for i, p in enumerate(ps[1:], 1):
        body.append(p)
        if o.get("photo2_after") == i:
            body += ["Enlarge image", o.get("caption2", "Soldiers at a checkpoint in Korvany"),
                     "Photo: " + o.get("photo2", "AFP")]
    parts.append("\n\n".join(body))
    parts += ["", o["credit"], "", "Source: " + OUTLETS[a.outlet][0], "",
              AGG_FOOTER.format(date=utc(a).strftime("%Y-%m-%d"))]
    rel = f"aggregator/newsroll_{utc(a):%Y-%m-%d}_{slugify(a.title, 6)}.txt"
    (root / rel).write_text("\n".join(parts) + "\n", encoding="utf-8")
    return rel, 1, None


HTML_V0 = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title_e} | {site_e}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{title_e}">
<meta property="og:site_name" content="{site_e}">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<link rel="canonical" href="{url}">
<meta property="article:published_time" content="{published}">
{author_meta}<meta name="description" content="{desc_e}">
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"section": "world"}});</script>
</head>
<body>
<header class="site-header"><a href="/">{site_e}</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/europe">Europe</a></li><li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
</header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<main>
<article>
<h1>{title_e}</h1>
{byline}<time datetime="{published}">{human_date}</time>
{paras}
</article>
<aside class="related"><h2>More on this story</h2><ul>{related}</ul></aside>
</main>
<footer><p>\u00a9 2025 {site_e}. All rights reserved.</p><ul><li><a href="/terms">Terms</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>
</body>
</html>
"""

HTML_V1 = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title_e} - {site_e}</title>
<meta property="og:site_name" content="{site_e}">
<meta property="og:title" content="{title_e}">
<meta property="og:url" content="{url}">
<script type="application/ld+json">{jsonld}</script>
</head>
<body>
<div id="top-bar"><span>Live</span> <a href="/live">Latest updates</a> <a href="/newsletters">Newsletters</a> <a href="/subscribe">Subscribe</a></div>
<div class="layout">
<article class="story">
<header><h1 class="story-title">{title_e}</h1>
<p class="meta">{byline_text}Published {human_date}</p></header>
<div class="story-body">
{paras}
</div>
</article>
<section class="trending"><h3>Most read</h3><ol>{related}</ol></section>
</div>
<footer class="site-footer">{site_e} \u00b7 <a href="/about">About us</a> \u00b7 <a href="/contact">Contact</a></footer>
</body>
</html>
"""

RELATED = [
    "Explainer: who is Teodor Valkan?", "What is the Eastern Security Compact?",
    "Veldavia in maps", "Live: the latest from Korvany", "Opinion: Europe's test in the east",
    "Energy prices rise across the region", "Football: cup draw announced",
]


def write_html(a: A, root: Path) -> tuple[str, int, int | None]:
    site = a.opts.get("site_name", a.outlet)
    e = lambda s: html.escape(s, quote=True)  # noqa: E731
    paras = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in a.paragraphs)
    human = f"{a.dt.day} {LONG_MONTH[a.dt.month - 1]} {a.dt.year}, {a.dt:%H:%M}"
    k = sum(map(ord, a.key))
    related = "".join(f'<li><a href="/story/{k % 97 + i}">{html.escape(RELATED[(k + i) % len(RELATED)])}</a></li>'
                      for i in range(3))
    lang = a.lang or OUTLETS[a.outlet][3]
    fields = dict(lang=lang, title_e=e(a.title), site_e=e(site), url=url_for(a), published=a.published,
                  desc_e=e(a.paragraphs[0][:150]), paras=paras, human_date=human, related=related)
    if a.opts.get("template", k % 2) == 0:
        fields["author_meta"] = f'<meta name="author" content="{e(a.author)}">\n' if a.author else ""
        fields["byline"] = f'<p class="byline">By {e(a.author)}</p>\n' if a.author else ""
        text = HTML_V0.format(**fields)
    else:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
              "datePublished": a.published, "dateModified": a.published, "inLanguage": lang,
              "publisher": {"@type": "Organization", "name": site}, "mainEntityOfPage": url_for(a)}
        if a.author:
            ld["author"] = [{"@type": "Person", "name": n.strip()} for n in a.author.split(" and ")]
        fields["jsonld"] = json.dumps(ld, ensure_ascii=False)
        fields["byline_text"] = f"By {e(a.author)} \u00b7 " if a.author else ""
        text = HTML_V1.format(**fields)
    rel = f"html/{file_name(a, '.html')}"
    (root / rel).write_text(text, encoding="utf-8")
    return rel, 1, None


def write_rss(items: list[A], root: Path) -> list[tuple[str, int, int]]:
    outlet = items[0].outlet
    slug, domain, _, olang = OUTLETS[outlet]
    lang = items[0].lang or olang
    head = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>{html.escape(outlet)}</title>
<link>https://{domain}/en/</link>
<description>{html.escape(outlet)} - World news feed</description>
<language>{lang}</language>
<atom:link href="https://{domain}/en/rss" rel="self" type="application/rss+xml"/>
<lastBuildDate>{format_datetime(max(utc(a) for a in items))}</lastBuildDate>
"""
    lines = head.split("\n")
    out = []
    rel = f"feeds/{slug}_world.xml"
    for n, a in enumerate(sorted(items, key=utc), 1):
        start = len(lines)  # 1-based line of "<item>" is len(lines) since the last entry is ""
        content = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in a.paragraphs)
        item = [
            "<item>",
            f"<title>{html.escape(a.title, quote=False)}</title>",
            f"<link>{url_for(a)}</link>",
            f'<guid isPermaLink="false">{slug}-{20250300 + n}</guid>',
            f"<pubDate>{format_datetime(a.dt)}</pubDate>",
        ]
        if a.author:
            item.append(f"<dc:creator>{html.escape(a.author, quote=False)}</dc:creator>")
        item += [
            "<category>Europe</category>",
            f"<description>{html.escape(a.paragraphs[0], quote=False)}</description>",
            f"<content:encoded><![CDATA[{content}]]></content:encoded>",
            "</item>",
        ]
        lines[-1:] = item + [""]
        out.append((rel, n, start))
    lines[-1:] = ["</channel>", "</rss>", ""]
    (root / rel).write_text("\n".join(lines), encoding="utf-8")
    return out


def write_atom(items: list[A], root: Path) -> list[tuple[str, int, int]]:
    outlet = items[0].outlet
    slug, domain, _, olang = OUTLETS[outlet]
    lines = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{items[0].lang or olang}">
<title>{html.escape(outlet)}</title>
<subtitle>News from Europe and the world</subtitle>
<link rel="alternate" href="https://{domain}/en/"/>
<link rel="self" href="https://{domain}/atom/rss-en-eu"/>
<id>tag:{domain},2025:feed-en-eu</id>
<updated>{max(utc(a) for a in items).isoformat().replace('+00:00', 'Z')}</updated>
""".split("\n")
    out = []
    rel = f"feeds/{slug}_europe.atom"
    for n, a in enumerate(sorted(items, key=utc), 1):
        start = len(lines)
        content = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in a.paragraphs)
        entry = [
            "<entry>",
            f"<title>{html.escape(a.title, quote=False)}</title>",
            f'<link rel="alternate" href="{url_for(a)}"/>',
            f"<id>tag:{domain},2025:a-{72540000 + n * 137}</id>",
            f"<published>{a.published}</published>",
            f"<updated>{a.published}</updated>",
        ]
        if a.author:
            entry.append(f"<author><name>{html.escape(a.author, quote=False)}</name></author>")
        entry += [
            f"<summary>{html.escape(a.paragraphs[0], quote=False)}</summary>",
            f'<content type="html">{html.escape(content, quote=False)}</content>',
            "</entry>",
        ]
        lines[-1:] = entry + [""]
        out.append((rel, n, start))
    lines[-1:] = ["</feed>", ""]
    (root / rel).write_text("\n".join(lines), encoding="utf-8")
    return out


def write_newsplease(items: list[A], root: Path) -> list[tuple[str, int, int]]:
    rel = "newsplease/veldavia_2025-03.jsonl"
    out, rows = [], []
    for n, a in enumerate(sorted(items, key=utc), 1):
        slug, domain, *_ = OUTLETS[a.outlet]
        d = utc(a)
        url = url_for(a)
        rec = {
            "authors": [s.strip() for s in a.author.split("|")] if a.author else [],
            "date_download": (d + timedelta(minutes=37)).strftime("%Y-%m-%d %H:%M:%S"),
            "date_modify": None,
            "date_publish": d.strftime("%Y-%m-%d %H:%M:%S"),
            "description": a.paragraphs[0][:200],
            "filename": re.sub(r"[^A-Za-z0-9]+", "_", url) + ".json",
            "image_url": f"https://{domain}/media/{slugify(a.title, 4)}.jpg",
            "language": a.lang or OUTLETS[a.outlet][3],
            "localpath": None,
            "maintext": "\n\n".join(a.paragraphs),
            "source_domain": domain,
            "title": a.title,
            "title_page": f"{a.title} - {a.outlet}",
            "title_rss": None,
            "url": url,
        }
        rows.append(json.dumps(rec, ensure_ascii=False))
        out.append((rel, n, n))
    (root / rel).write_text("\n".join(rows) + "\n", encoding="utf-8")
    return out


def write_mediacloud(items: list[A], root: Path) -> list[tuple[str, int, int]]:
    rel = "mediacloud/veldavia_stories.csv"
    buf = io.StringIO()
    cols = ["id", "indexed_date", "language", "media_name", "media_url", "publish_date", "title", "url", "text"]
    wr = csv.writer(buf, lineterminator="\n")
    wr.writerow(cols)
    out = []
    line = 2
    for n, a in enumerate(sorted(items, key=utc), 1):
        slug, domain, *_ = OUTLETS[a.outlet]
        d = utc(a)
        media = domain.removeprefix("www.")
        text = "\n\n".join(a.paragraphs)
        pub = d.strftime("%Y-%m-%d") if a.opts.get("date_only", True) else d.strftime("%Y-%m-%d %H:%M:%S")
        wr.writerow([f"{hash_id(a.key)}", (d + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%S.%f"),
                     a.lang or OUTLETS[a.outlet][3], media, f"https://{domain}/", pub, a.title,
                     url_for(a), text])
        out.append((rel, n, line))
        line += text.count("\n") + 1
    (root / rel).write_text(buf.getvalue(), encoding="utf-8")
    return out


def hash_id(key: str) -> str:
    h = 0
    for ch in key:
        h = (h * 131 + ord(ch)) % 10**10
    return f"{h:010d}"


def write_wiredesk(items: list[A], root: Path) -> list[tuple[str, int, int]]:
    folder = root / "wire_desk"
    (folder / "stories").mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator="\n")
    wr.writerow(["filename", "title", "outlet", "published", "author", "wires", "desk", "priority"])
    out = []
    for n, a in enumerate(sorted(items, key=utc), 1):
        name = f"{OUTLETS[a.outlet][0]}_{utc(a):%Y%m%d_%H%M}"
        (folder / "stories" / f"{name}.txt").write_text("\n\n".join(a.paragraphs) + "\n", encoding="utf-8")
        wr.writerow([name if n % 3 == 0 else f"{name}.txt", a.title, a.outlet, a.published,
                     a.author or "", a.outlet, a.opts.get("desk", "world"), a.opts.get("priority", "urgent" if n % 4 == 1 else "routine")])
        out.append((f"wire_desk/stories/{name}.txt", n, 1))
    (folder / "metadata.csv").write_text(buf.getvalue(), encoding="utf-8")
    return out


SINGLE = {"text": write_text, "aggregator": write_aggregator, "html": write_html}
GROUPED = {"rss": write_rss, "atom": write_atom, "newsplease": write_newsplease,
           "mediacloud": write_mediacloud, "wiredesk": write_wiredesk}


# =======================================================================================
# Deliberately broken inputs (data/sample/broken/)
# =======================================================================================


def write_broken(root: Path, arts: list[A], locs: dict[str, tuple]) -> tuple[list[dict], list[dict]]:
    """Write one small file per reject reason; return (rejects, good records inside broken/)."""
    b = root / "broken"
    rejects: list[dict] = []
    good: list[dict] = []

    def rej(file, line, code, why):
        rejects.append({"file": f"broken/{file}", "line": line, "code": code, "why": why})

    # binary: a .txt that holds no text at all (a broken download: NUL padding and noise,
    # no known file signature, so nothing tells a reader what it "really" is)
    data = bytearray(b"\x00\x00\x01\x00")
    x = 7
    for i in range(600):
        x = (x * 1103515245 + 12345) % 2**31
        data.append(0 if i % 5 == 0 else x >> 23 & 0xFF)
    (b / "corrupted_download.txt").write_bytes(bytes(data))
    rej("corrupted_download.txt", None, "binary", "604 bytes of NULs and noise under a .txt name; no text, no known file signature")

    # encoding: front matter fine, body mixes UTF-8 with Windows-1252 bytes and bytes that are
    # undefined even in Windows-1252 (0x81, 0x8D, 0x9D); only latin-1 'decodes' it, into C1 controls
    raw = (
        "---\ntitle: Protesters return to Liberty Square\noutlet: Euronews\n"
        "published: 2025-03-14T10:00:00+01:00\nlanguage: en\n---\n\n"
    ).encode("utf-8")
    raw += (b"Hundreds of people returned to Liberty Square on Friday, \x93in silence\x94, laying flowers "
            b"where the camp had stood.\n\nOne mourner said \xe2\x80\x9eKorvany will remember\xe2\x80\x9c "
            b"before police asked the crowd to leave \x81\x8d\x9d. Caf\xe9s nearby stayed shut\xc3(\n")
    (b / "bad_encoding.txt").write_bytes(raw)
    rej("bad_encoding.txt", None, "encoding",
        "invalid UTF-8 (0x93, 0xe9, a lone 0xc3) and bytes undefined in Windows-1252 (0x81, 0x8d, 0x9d)")

    (b / "empty.txt").write_bytes(b"")
    rej("empty.txt", None, "empty", "zero bytes")

    # JSONL: good, malformed, good
    ok1 = {"title": "Veldavia's currency slides as crisis deepens", "maintext":
           "Veldavia's currency, the krona, lost 6 percent against the euro on Monday as banks limited "
           "cash withdrawals and the central bank raised its key rate by two points in an emergency "
           "meeting.\n\nTraders in Vienna said the market for the currency was thin and that the "
           "internet shutdown had made it hard to settle trades with Veldavian banks.",
           "date_publish": "2025-03-10 09:20:00", "source_domain": "www.euronews.com",
           "url": "https://www.euronews.com/business/2025/03/10/veldavia-currency-slides",
           "authors": ["Euronews Business"], "language": "en"}
    ok2 = {"title": "Flights to Korvany suspended until further notice", "maintext":
           "Airlines serving Korvany have suspended all flights to the Veldavian capital until further "
           "notice, after the airport was placed under the control of troops from the Eastern Security "
           "Compact.\n\nTravellers were told to rebook or ask for refunds. The airport usually handles "
           "about 40 departures a day.",
           "date_publish": "2025-03-10 14:05:00", "source_domain": "www.euronews.com",
           "url": "https://www.euronews.com/travel/2025/03/10/flights-to-korvany-suspended",
           "authors": [], "language": "en"}
    bad = ('{"title": "Curfew extended in Maresk", "maintext": "The night-time curfew in Maresk was '
           'extended by a week, "date_publish": "2025-03-12 08:00:00", "source_domain": "www.euronews.com"')
    (b / "newsplease_partial.jsonl").write_text(
        json.dumps(ok1, ensure_ascii=False) + "\n" + bad + "\n" + json.dumps(ok2, ensure_ascii=False) + "\n",
        encoding="utf-8")
    rej("newsplease_partial.jsonl", 2, "malformed", "line 2 is not valid JSON (unterminated string)")
    good += [{"file": "broken/newsplease_partial.jsonl", "record": 1, "line": 1, "outlet": "Euronews"},
             {"file": "broken/newsplease_partial.jsonl", "record": 3, "line": 3, "outlet": "Euronews"}]

    # CSV: good, missing date, relative date
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator="\n")
    wr.writerow(["id", "indexed_date", "language", "media_name", "media_url", "publish_date", "title", "url", "text"])
    wr.writerow(["9100000001", "2025-03-13T08:00:00.000000", "en", "cbc.ca", "https://www.cbc.ca/", "2025-03-13",
                 "Canadians in Veldavia urged to shelter in place",
                 "https://www.cbc.ca/news/world/canadians-veldavia-shelter-1.7480001",
                 "Global Affairs Canada advised the roughly 300 Canadians registered in Veldavia to shelter in "
                 "place and avoid the centre of Korvany, saying consular help was limited while borders "
                 "stayed closed. Canadians needing help were told to call an emergency line in Ottawa."])
    wr.writerow(["9100000002", "2025-03-13T09:00:00.000000", "en", "cbc.ca", "https://www.cbc.ca/", "",
                 "Veldavia: what we know about the detained journalists",
                 "https://www.cbc.ca/news/world/veldavia-detained-journalists-1.7480002",
                 "At least five foreign journalists have been detained in Veldavia since the crackdown began, "
                 "press freedom groups said."])
    wr.writerow(["9100000003", "2025-03-13T10:00:00.000000", "en", "abc.net.au", "https://www.abc.net.au/", "yesterday",
                 "Australian family stranded at Veldavian border",
                 "https://www.abc.net.au/news/2025-03-13/australian-family-stranded-veldavia/104000003",
                 "A family from Perth has spent two nights in their car at a closed Veldavian border crossing, "
                 "relatives said."])
    (b / "mediacloud_partial.csv").write_text(buf.getvalue(), encoding="utf-8")
    rej("mediacloud_partial.csv", 3, "missing_date", "record 2 (line 3): publish_date is empty")
    rej("mediacloud_partial.csv", 4, "bad_date", "record 3 (line 4): publish_date is 'yesterday'")
    good.append({"file": "broken/mediacloud_partial.csv", "record": 1, "line": 2, "outlet": "CBC News"})

    (b / "relative_date.txt").write_text(
        "---\ntitle: Night of prayer for the victims in Maresk\noutlet: Euronews\npublished: 2 hours ago\n"
        "language: en\n---\n\nSeveral thousand people lit candles outside the cathedral in Maresk on "
        "Saturday night in memory of those killed in Korvany, in the largest gathering in the city since "
        "the curfew was imposed.\n\nPolice watched from a distance and did not intervene.\n",
        encoding="utf-8")
    rej("relative_date.txt", None, "bad_date", "published is '2 hours ago', a relative date")

    (b / "france24_truncated.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">\n'
        "<channel>\n<title>France 24</title>\n<link>https://www.france24.com/en/</link>\n"
        "<item>\n<title>Veldavia: curfew lifted in Korvany</title>\n<link>https://www.france24.com/en/europe/20250318-veldavia-curfew-lifted</link>\n"
        "<pubDate>Tue, 18 Mar 2025 09:10:00 +0100</pubDate>\n<description>The night-time curfew in the Veldavian capital",
        encoding="utf-8")
    rej("france24_truncated.xml", None, "malformed", "XML ends inside an unclosed <description>; not well-formed")

    (b / "cookie_wall.html").write_text(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Veldavia latest | CNN</title>\n"
        '<meta property="og:title" content="Veldavia latest: talks resume in Maresk">\n'
        '<meta property="og:site_name" content="CNN">\n'
        '<meta property="article:published_time" content="2025-03-19T08:00:00Z">\n</head>\n<body>\n'
        '<div class="consent"><h2>Before you continue</h2><button>Accept all</button> <button>Manage options</button></div>\n'
        '<nav><a href="/world">World</a> <a href="/politics">Politics</a></nav>\n'
        "<main><article></article></main>\n<footer>\u00a9 2025 Cable News Network</footer>\n</body>\n</html>\n",
        encoding="utf-8")
    rej("cookie_wall.html", None, "empty", "title and date present, but the page holds no article text (consent wall)")

    docx = io.BytesIO()
    def member(name: str) -> zipfile.ZipInfo:  # fixed timestamps keep the output reproducible
        return zipfile.ZipInfo(name, date_time=(2025, 3, 7, 9, 0, 0))

    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(member("[Content_Types].xml"),
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr(member("_rels/.rels"),
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr(member("word/document.xml"),
                   '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   "<w:body><w:p><w:r><w:t>Briefing notes, Veldavia, 7 March 2025 (internal draft)</w:t></w:r></w:p></w:body></w:document>")
    (b / "briefing_notes.docx").write_bytes(docx.getvalue())
    rej("briefing_notes.docx", None, "unsupported", "a Word document; coverage-kit reads no .docx")

    (b / "no_title.json").write_text(json.dumps([{
        "text": "Veldavia's parliament met for the first time since the election on Wednesday; opposition "
                "deputies stayed away and the session lasted twelve minutes.",
        "published": "2025-03-12T11:00:00Z", "outlet": "Euronews", "language": "en"}], indent=2) + "\n",
        encoding="utf-8")
    rej("no_title.json", 1, "missing_title", "record 1 has text, date and outlet but no title")

    # exact duplicate: a byte-for-byte copy of one aggregator page
    # copy a page from aggregator/, which sorts (and so is read) before broken/
    src_rel = sorted(v[0] for v in locs.values() if v[0].startswith("aggregator/"))[0]
    shutil.copyfile(root / src_rel, b / "newsroll_copy_of_aggregated_page.txt")
    rej("newsroll_copy_of_aggregated_page.txt", None, "duplicate",
        f"byte-for-byte copy of {src_rel} (same outlet, date, title and text); whichever is read second is the reject")

    # folder with a metadata table where one text file has no row
    f = b / "archive_missing_row"
    (f / "stories").mkdir(parents=True)
    (f / "metadata.csv").write_text(
        "filename,title,outlet,published,author\n"
        "korvany_markets.txt,Korvany markets reopen under army guard,Euronews,2025-03-15T09:30:00+01:00,Euronews\n",
        encoding="utf-8")
    (f / "stories" / "korvany_markets.txt").write_text(
        "Stalls at Korvany's central market reopened on Saturday for the first time in nine days, with soldiers "
        "standing at the entrances and queues forming for bread and fuel.\n\nTraders said prices for flour and "
        "cooking oil had almost doubled since the start of the month.\n", encoding="utf-8")
    (f / "stories" / "maresk_unlisted.txt").write_text(
        "Residents of Maresk queued outside the city's two working cash machines on Saturday morning.\n",
        encoding="utf-8")
    rej("archive_missing_row/stories/maresk_unlisted.txt", None, "no_metadata",
        "text file under a folder with metadata.csv, but no row names it")
    good.append({"file": "broken/archive_missing_row/stories/korvany_markets.txt", "record": 1, "line": 1,
                 "outlet": "Euronews"})
    return rejects, good


# =======================================================================================
# Checks and the answer key
# =======================================================================================


def verify(arts: list[A]) -> list[str]:
    problems = []
    for a in arts:
        body = "\n\n".join(a.paragraphs)
        n = len(re.findall(r"\w+", body))
        if not 150 <= n <= 900:
            problems.append(f"{a.key}: {n} words")
        for x in a.q:
            for what, s in (("quote", x.quote), ("mention", x.mention), ("cue", x.cue)):
                if s and s not in body:
                    problems.append(f"{a.key}: {what} not in text: {s!r}")
        for x in a.r:
            if x.evidence and x.evidence not in body:
                problems.append(f"{a.key}: reaction evidence not in text: {x.evidence!r}")
        for s in a.nq:
            if s not in body:
                problems.append(f"{a.key}: not-quote not in text: {s!r}")
    return problems


def repeated_sentences(arts: list[A]) -> list[str]:
    """Sentences of 8+ words that occur in two articles that are not copies of one story."""
    seen = defaultdict(set)
    for a in arts:
        for s in re.split(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"\u201e\u00ab])", "\n".join(a.paragraphs)):
            s = s.strip()
            if len(s.split()) >= 8:
                seen[s].add(a.story or a.key)
    return [f"{sorted(v)}: {s[:90]}" for s, v in seen.items() if len(v) > 1]


def precision_of(a: A) -> tuple[str, str]:
    """Publication time as the answer key states it, and whether the source gives a time."""
    date_only = (a.fmt == "mediacloud" and a.opts.get("date_only", True)) or (
        a.fmt == "text" and a.opts.get("date_style") == "long")
    if date_only:
        d = utc(a) if a.fmt == "mediacloud" else a.dt
        return d.strftime("%Y-%m-%d"), "date"
    return utc(a).isoformat().replace("+00:00", "Z"), "timestamp"


def quote_json(x: Q) -> dict:
    return {"quote": x.quote, "kind": x.kind, "speaker": x.speaker, "speaker_mention": x.mention, "cue": x.cue}


def reaction_json(x: R) -> dict:
    return {"actor": x.actor, "country": x.country, "role": x.role, "stance": x.stance, "evidence": x.evidence}


def build(root: Path = OUT) -> dict:
    for sub in ["text", "aggregator", "html", "feeds", "newsplease", "mediacloud", "wire_desk", "broken"]:
        shutil.rmtree(root / sub, ignore_errors=True)
        (root / sub).mkdir(parents=True)
    arts = ARTICLES + derive_wire_articles()
    keys = Counter(a.key for a in arts)
    assert max(keys.values()) == 1, [k for k, v in keys.items() if v > 1]
    for a in arts:
        assert a.outlet in OUTLETS, a.outlet
    problems = verify(arts)
    locs: dict[str, tuple] = {}
    for a in arts:
        if a.fmt in SINGLE:
            loc = SINGLE[a.fmt](a, root)
            assert loc[0] not in {v[0] for v in locs.values()}, f"file name clash: {loc[0]}"
            locs[a.key] = loc
    groups = defaultdict(list)
    for a in arts:
        if a.fmt in GROUPED:
            groups[(a.fmt, a.outlet if a.fmt in ("rss", "atom") else "")].append(a)
    for (fmt, _), items in sorted(groups.items()):
        for a, loc in zip(sorted(items, key=utc), GROUPED[fmt](items, root)):
            locs[a.key] = loc
    rejects, good_broken = write_broken(root, arts, locs)

    def ident(a):
        f, rec, line = locs[a.key]
        return {"file": f, "record": rec if a.fmt in GROUPED and a.fmt != "wiredesk" else None,
                "line": line if a.fmt in GROUPED and a.fmt != "wiredesk" else None}

    arts_sorted = sorted(arts, key=lambda a: (locs[a.key][0], locs[a.key][1]))
    key_articles = []
    for a in arts_sorted:
        if not a.gold:
            continue
        published, precision = precision_of(a)
        extra = {}
        if a.fmt == "wiredesk":
            extra["metadata"] = {"file": "wire_desk/metadata.csv", "line": locs[a.key][1] + 1}
        key_articles.append({
            **ident(a), **extra, "format": a.fmt, "outlet": canon(a.outlet),
            "published": published, "published_precision": precision,
            "title": a.title, "language": a.lang or a.opts.get("true_lang") or OUTLETS[a.outlet][3],
            "wires": [canon(w) for w in a.wires], "story": a.story,
            "quotes": [quote_json(x) for x in a.q], "reactions": [reaction_json(x) for x in a.r],
            "not_quotes": a.nq,
        })
    stories = defaultdict(list)
    for a in arts_sorted:
        if a.story:
            m = {**ident(a), "outlet": canon(a.outlet)}
            m["edits"] = a.opts.get("edits", "original wire copy")
            stories[a.story].append(m)
    index = []
    for a in arts_sorted:
        p = precision_of(a)
        index.append({**ident(a), "format": a.fmt, "outlet": canon(a.outlet),
                      "published": p[0], "published_precision": p[1], "title": a.title,
                      "language": a.lang or a.opts.get("true_lang") or OUTLETS[a.outlet][3],
                      "language_declared": a.lang is not None, "wires": [canon(w) for w in a.wires],
                      "aggregator": AGGREGATOR if a.fmt == "aggregator" else None, "story": a.story})
    by_day = Counter(utc(a).strftime("%Y-%m-%d") for a in arts)
    langs = Counter(a.lang or a.opts.get("true_lang") or OUTLETS[a.outlet][3] for a in arts)
    key = {
        "about": "Answer key for the INVENTED coverage-kit sample corpus; see README.md for conventions.",
        "corpus": {
            "n_articles": len(arts) + len(good_broken),
            "n_articles_outside_broken": len(arts),
            "n_articles_in_broken": len(good_broken),
            "articles_in_broken": good_broken,
            "n_outlets": len({a.outlet for a in arts}),
            "outlets": dict(sorted(Counter(canon(a.outlet) for a in arts).items(), key=lambda kv: (-kv[1], kv[0]))),
            "outlet_countries": sorted({OUTLETS[a.outlet][2] for a in arts}),
            "aggregator": {AGGREGATOR: sum(a.fmt == "aggregator" for a in arts)},
            "formats": dict(sorted(Counter(a.fmt for a in arts).items())),
            "languages": dict(sorted(langs.items())),
            "date_range": [min(by_day), max(by_day)],
            "articles_per_day": dict(sorted(by_day.items())),
            "syndicated_stories": [
                {"story": k, "wire": canon(WIRES_BY_KEY[k].agency), "members": v} for k, v in stories.items()
            ],
            "n_rejects": len(rejects),
            "rejects_by_code": dict(sorted(Counter(r["code"] for r in rejects).items())),
            "rejects": rejects,
            "not_articles": ["README.md", "answer_key.json", "actors.csv", "entities.csv"],
        },
        "articles": key_articles,
        "index": index,
    }
    (root / "answer_key.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return {"arts": arts, "locs": locs, "problems": problems, "key": key}


def check_files(root: Path, res: dict) -> list[str]:
    """Re-read the written files with the parsers users have (feedparser, trafilatura, pandas)."""
    out = []
    try:
        import feedparser
        import pandas as pd
        import trafilatura
    except ImportError as exc:  # pragma: no cover
        return [f"skipped file checks: {exc}"]
    arts = {a.key: a for a in res["arts"]}
    for k, (f, rec, line) in res["locs"].items():
        a = arts[k]
        p = root / f
        if a.fmt == "html":
            doc = trafilatura.bare_extraction(p.read_text(encoding="utf-8"), with_metadata=True)
            if doc is None:
                out.append(f"{f}: trafilatura extracted nothing")
                continue
            if (doc.title or "") != a.title:
                out.append(f"{f}: title {doc.title!r}")
            if not (doc.date or "").startswith(utc(a).strftime("%Y-%m-%d")) and not (doc.date or "").startswith(a.published[:10]):
                out.append(f"{f}: date {doc.date!r}")
            for para in a.paragraphs:
                if para not in (doc.text or ""):
                    out.append(f"{f}: paragraph missing from trafilatura text: {para[:50]!r}")
    for feed in sorted((root / "feeds").iterdir()):
        d = feedparser.parse(feed.read_bytes())
        if d.bozo:
            out.append(f"{feed}: bozo {d.bozo_exception}")
        n = sum(1 for v in res["locs"].values() if v[0] == f"feeds/{feed.name}")
        if len(d.entries) != n:
            out.append(f"{feed}: {len(d.entries)} entries, expected {n}")
    df = pd.read_csv(root / "mediacloud" / "veldavia_stories.csv", dtype=str)
    if df["text"].isna().any() or len(df) != sum(a.fmt == "mediacloud" for a in arts.values()):
        out.append("mediacloud csv: bad rows")
    for line in (root / "newsplease" / "veldavia_2025-03.jsonl").read_text(encoding="utf-8").splitlines():
        json.loads(line)
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    out.append(f"info: corpus size {size / 1e6:.2f} MB")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="re-read the files with feedparser/trafilatura/pandas")
    args = ap.parse_args(argv)
    res = build(args.out)
    c = res["key"]["corpus"]
    print(f"{c['n_articles']} articles ({c['n_articles_in_broken']} in broken/), {c['n_outlets']} outlets, "
          f"{len(c['outlet_countries'])} countries, {c['date_range'][0]}..{c['date_range'][1]}, "
          f"{len(res['key']['articles'])} in the answer key, {c['n_rejects']} rejects")
    print("formats:", c["formats"])
    print("per day:", " ".join(f"{d[-2:]}:{n}" for d, n in c["articles_per_day"].items()))
    rep = repeated_sentences(res["arts"])
    for r in rep:
        print("repeated sentence:", r)
    for p in res["problems"]:
        print("PROBLEM:", p)
    if args.check:
        for p in check_files(args.out, res):
            print("check:", p)
    return 1 if res["problems"] else 0


WIRES_BY_KEY: dict[str, W] = {}

if __name__ == "__main__":
    WIRES_BY_KEY.update({w.key: w for w in WIRES})
    sys.exit(main())
