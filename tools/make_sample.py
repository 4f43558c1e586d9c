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
        Q("They took my son's name at the door and told me to wait,", None, "a woman who gave only her first name, Vesna", "said"),
        Q("Nobody tells us if he is alive.", None, "a woman who gave only her first name, Vesna", "said"),
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
        Q("Foreign Secretary Priya Lennox would speak to European counterparts later on Friday", "Foreign Office", "a spokesperson", "said", "indirect"),
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
        Q("a further escalation that we condemn in the strongest terms,", "Katrin Oberländer", "she", "added"),
        Q("The two leaders agreed that the EU had to respond jointly", "German government", "he", "said", "indirect"),
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
        Q("all those held for peacefully exercising their rights.", "U.S. Department of State", "The State Department", "urged", "mixed"),
        Q("does nothing to address the legitimate grievances of the Veldavian people.", "Douglas Renner", "Renner", "said", "mixed"),
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
        Q("We have been here since yesterday evening, the children are cold and nobody tells us anything,", None, "Marta, a 36-year-old nurse trying to reach relatives abroad with her two daughters", "said"),
        Q('the closure was a "temporary security measure" to stop weapons and "foreign instigators" entering the country, and would be reviewed in ten days', "Veldavian Interior Ministry", "The interior ministry", "said", "mixed"),
        Q("concerned by reports that people seeking safety are being prevented from leaving", "UNHCR", "The UN refugee agency", "said", "mixed"),
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
        Q("show courage and flexibility.", "Marek Tollander", "OSCE Chairperson-in-Office Marek Tollander", "urged", "mixed"),
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

In Brussels, European Commission President Ingrid Vestergaard said on X: “Ilona Brask's release from prison is an important step. Now all political prisoners must be freed and the charges dropped.”

Talks between the government and the opposition, mediated by the Organization for Security and Co-operation in Europe, continued Wednesday for a second day in the city of Maresk.

At least 23 people were killed when soldiers cleared a protest camp in Korvany on March 6, according to the government's latest figures.
""",
    q=[
        Q("she still faced charges of organizing mass unrest", "Tomas Rieder", "Her lawyer, Tomas Rieder", "said", "indirect"),
        Q("She is home, but she is not free,", "Tomas Rieder", "Rieder", "told"),
        Q("We will keep fighting until the charges are dropped.", "Tomas Rieder", "Rieder", "told"),
        Q("the decision to release Brask was taken by prosecutors “in a spirit of reconciliation.”", "Lena Orsic", "Government spokeswoman Lena Orsic", "said", "mixed"),
        Q("Ilona Brask's release from prison is an important step. Now all political prisoners must be freed and the charges dropped.", "Ingrid Vestergaard", "European Commission President Ingrid Vestergaard", "said on X"),
    ],
    r=[R("Ingrid Vestergaard", "EU", "President of the European Commission", "concern", "Now all political prisoners must be freed")],
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
# Layout: turn articles into files
# =======================================================================================


def derive_wire_articles() -> list[A]:
    """The agency's own copy of each wire story plus its edited republications."""
    out = []
    for w in WIRES:
        orig = A(w.key, w.fmt, w.agency, w.published, w.title, w.body, author=w.author,
                 lang="en", wires=[w.agency], q=w.q, r=w.r, nq=w.nq, gold=w.gold, story=w.key)
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
            wires = [] if c.outlet == w.agency else [w.agency]
            out.append(A(f"{w.key}-{OUTLETS[c.outlet][0]}", c.fmt, c.outlet, c.published, c.title,
                         body, author=c.author, lang=c.lang, wires=wires, q=keep_q, r=keep_r,
                         nq=keep_nq, gold=c.gold, opts=dict(c.opts), story=w.key))
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
    ts = utc(a).strftime("%Y-%m-%dT%H:%M:%S.") + f"{(a.dt.minute * 7) % 1000:03d}Z"
    parts = [AGGREGATOR, "", "World news in translation, every hour", "", a.title, "", ts, "", "",
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
        out.append((f"wire_desk/stories/{name}.txt", 1, 1))
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

    # binary: a .txt that is really an image (PNG signature, NUL bytes)
    data = bytearray(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x80\x00\x00\x01\xe0\x08\x06\x00\x00\x00")
    x = 7
    for _ in range(480):
        x = (x * 1103515245 + 12345) % 2**31
        data.append(x >> 23 & 0xFF)
    (b / "liberty_square_photo.txt").write_bytes(bytes(data))
    rej("liberty_square_photo.txt", None, "binary", "PNG image bytes with NULs saved under a .txt name")

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
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml",
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
    src = sorted(k for k, v in locs.items() if v[0].startswith(("aggregator/", "text/")))[0]
    src_rel = locs[src][0]
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
        if not 120 <= n <= 950:
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
        key_articles.append({
            **ident(a), "format": a.fmt, "outlet": a.outlet,
            "published": utc(a).isoformat().replace("+00:00", "Z"),
            "title": a.title, "language": a.lang or a.opts.get("true_lang") or OUTLETS[a.outlet][3],
            "wires": a.wires, "story": a.story,
            "quotes": [quote_json(x) for x in a.q], "reactions": [reaction_json(x) for x in a.r],
            "not_quotes": a.nq,
        })
    stories = defaultdict(list)
    for a in arts_sorted:
        if a.story:
            stories[a.story].append({**ident(a), "outlet": a.outlet})
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
            "outlets": dict(sorted(Counter(a.outlet for a in arts).items(), key=lambda kv: (-kv[1], kv[0]))),
            "outlet_countries": sorted({OUTLETS[a.outlet][2] for a in arts}),
            "aggregator": {AGGREGATOR: sum(a.fmt == "aggregator" for a in arts)},
            "formats": dict(sorted(Counter(a.fmt for a in arts).items())),
            "languages": dict(sorted(langs.items())),
            "date_range": [min(by_day), max(by_day)],
            "articles_per_day": dict(sorted(by_day.items())),
            "syndicated_stories": [
                {"story": k, "wire": WIRES_BY_KEY[k].agency, "members": v} for k, v in stories.items()
            ],
            "n_rejects": len(rejects),
            "rejects_by_code": dict(sorted(Counter(r["code"] for r in rejects).items())),
            "rejects": rejects,
            "not_articles": ["README.md", "answer_key.json", "actors.csv", "entities.csv"],
        },
        "articles": key_articles,
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
