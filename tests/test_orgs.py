"""Organisations: detection, span cleaning and canonical names, in other words than the seeds."""

from __future__ import annotations

import pytest

import newsfacts
from newsfacts.normalise.org_coref import CorefRules, resolve
from newsfacts.normalise.orgs import trim


def orgs(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(newsfacts.make_doc(nlp, text, "2024-03-01"))
    return [(f.name, f.canonical) for f in doc._.facts if f.type == "org"]


def names(nlp, text: str) -> list[str]:
    return [name for name, _ in orgs(nlp, text)]


FOUND = [
    # well-known companies and platforms across regions
    ("Shopee and Tokopedia cut fees for sellers in Indonesia.", ["Shopee", "Tokopedia"]),
    ("Flipkart, backed by Walmart, expanded in India.", ["Flipkart", "Walmart"]),
    ("Rakuten shares rose in Tokyo.", ["Rakuten"]),
    ("Mercado Libre reported record sales in Brazil.", ["Mercado Libre"]),
    ("Zalando warned on profits.", ["Zalando"]),
    ("Coupang opened a warehouse in Busan.", ["Coupang"]),
    ("Temu and Shein face scrutiny in Europe.", ["Temu", "Shein"]),
    ("Meituan and Kuaishou both posted gains.", ["Meituan", "Kuaishou"]),
    ("Xiaomi unveiled a new car.", ["Xiaomi"]),
    ("Samsung Electronics and SK Hynix lead memory chips.", ["Samsung Electronics", "SK Hynix"]),
    ("Siemens and Bosch invest in automation.", ["Siemens", "Bosch"]),
    ("Reliance Industries will list Jio.", ["Reliance Industries", "Jio"]),
    # regulators, governments and international bodies
    ("The Federal Trade Commission sued the retailer.", ["Federal Trade Commission"]),
    ("The European Commission fined the firm.", ["European Commission"]),
    ("The National Bureau of Statistics released data.", ["National Bureau of Statistics"]),
    ("The People's Bank of China cut rates.", ["People's Bank of China"]),
    ("The World Trade Organization revised its forecast.", ["World Trade Organization"]),
    ("The IMF and the World Bank met in Washington.", ["IMF", "World Bank"]),
    ("The Reserve Bank of India held rates.", ["Reserve Bank of India"]),
    ("The Ministry of Industry and Information Technology issued rules.", ["Ministry of Industry and Information Technology"]),
    ("The General Administration of Customs said exports rose.", ["General Administration of Customs"]),
    # news outlets and sources
    ("Shares fell, Reuters reported.", ["Reuters"]),
    ("According to Bloomberg, the deal is near.", ["Bloomberg"]),
    ("The Financial Times first reported the talks.", ["Financial Times"]),
    ("He told the South China Morning Post on Monday.", ["South China Morning Post"]),
    ("Source: Reuters\nShares of the bank fell.", ["Reuters"]),
    ("A worker packs parcels in Jinhua. (CGTN/Li Ming)", ["CGTN"]),
    ("BEIJING, March 1 (Yonhap) -- Exports rose.", ["Yonhap"]),
    # research firms and consultancies
    ("Data from Counterpoint Research showed a decline.", ["Counterpoint Research"]),
    ("Market research firm Canalys expects growth.", ["Canalys"]),
    ("A report by McKinsey found gaps.", ["McKinsey"]),
    # shapes: legal suffixes, institutions, media names
    ("He works for Zhejiang Lanting Trading Co., Ltd. in Yiwu.", ["Zhejiang Lanting Trading Co., Ltd."]),
    ("Shenzhen Kaiyu Electronics Co. said orders rose.", ["Shenzhen Kaiyu Electronics Co."]),
    ("Nordwind Logistics GmbH moved its headquarters.", ["Nordwind Logistics GmbH"]),
    ("Acme Widgets Inc. filed for bankruptcy.", ["Acme Widgets Inc."]),
    ("Brightwater Holdings agreed to the merger.", ["Brightwater Holdings"]),
    ("Researchers at the Shanghai Academy of Social Sciences said so.", ["Shanghai Academy of Social Sciences"]),
    ("The Ministry of Trade of Indonesia issued a permit.", ["Ministry of Trade of Indonesia"]),
    ("An economist at the Vietnam Institute for Economic and Policy Research commented.", ["Vietnam Institute for Economic and Policy Research"]),
    ("The Hangzhou Cross-border E-commerce Association held a forum.", ["Hangzhou Cross-border E-commerce Association"]),
    ("The Shanghai Daily and the Jakarta Post covered it.", ["Shanghai Daily", "Jakarta Post"]),
    # context cues
    ("Online retailers such as Zulily, Jumia and Noon grew.", ["Zulily", "Jumia", "Noon"]),
    ("The Kelora-owned app topped the charts.", ["Kelora"]),
    ("E-commerce platform Vendora cut its fees.", ["Vendora"]),
    ("The site is powered by Shopify.", ["Shopify"]),
    # spans: no leading "the", no possessive
    ("Amazon's logistics arm expanded.", ["Amazon"]),
    ("Tencent’s games unit grew.", ["Tencent"]),
    ("The Economist ran a cover story.", ["Economist"]),
    # a name recognised once is found at its other mentions
    ("Startup Lumora raised funds. Lumora plans to hire.", ["Lumora", "Lumora"]),
]

NOT_ORGS = [
    "Trade Minister Ana Souza visited Jakarta.",
    "Commerce Secretary Gina Raimondo spoke.",
    "The COVID-19 outbreak hit sales.",
    "Thailand's exports of durian grew.",
    "Vietnam's e-commerce market is booming.",
    "Consumers in Malaysia and Indonesia shop online.",
    "The Olympic torch arrived.",
    "They launched a campaign called \"Amazon Goes Local\" to attract sellers.",
    "Brazil and Argentina signed a deal.",
]


@pytest.mark.parametrize("text, expected", FOUND, ids=[c[0][:40] for c in FOUND])
def test_orgs_found(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize("text", NOT_ORGS)
def test_not_orgs(nlp, text):
    assert names(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tencent Holdings reported results. Tencent said games grew.", [("Tencent Holdings", "Tencent Holdings"), ("Tencent", "Tencent Holdings")]),
        ("JD sold more. Later JD.com said margins rose.", [("JD.com", "JD.com")]),
        ("Shenzhen Kaiyu Electronics Co., Ltd. makes chargers. Kaiyu Electronics said demand rose.",
         [("Shenzhen Kaiyu Electronics Co., Ltd.", "Shenzhen Kaiyu Electronics Co., Ltd."), ("Kaiyu Electronics", "Shenzhen Kaiyu Electronics Co., Ltd.")]),
        ("Tmall and Tmall Global both grew.", [("Tmall", "Tmall"), ("Tmall Global", "Tmall Global")]),
    ],
)
def test_canonical_is_the_fullest_name_in_the_article(nlp, text, expected):
    assert orgs(nlp, text) == expected


def test_org_clusters_are_exposed(nlp):
    doc = nlp(newsfacts.make_doc(nlp, "Ant Group grew. Ant Group said so.", "2024-01-01"))
    assert doc._.org_clusters == [{"canonical": "Ant Group", "mentions": [[0, 9], [16, 25]]}]


@pytest.mark.parametrize(
    "text, expected",
    [("the Reserve Bank's", "Reserve Bank"), ("Nikkei\nReporter", "Nikkei"), ("Acme Corp.", "Acme Corp."),
     ("Lotus Daily.", "Lotus Daily"), ("“Kelora”", "Kelora"), ("The", None)],
)
def test_trim(text, expected):
    span = trim(text, 0)
    assert (text[span[0]:span[1]] if span else None) == expected


def test_units_stay_apart_from_parents():
    rules = CorefRules(frozenset({"Group"}), frozenset({"Group"}), frozenset(), frozenset({"of"}), ())
    mentions = [(0, 7, "Meituan"), (10, 23, "Meituan Group"), (30, 44, "Meituan Select")]
    assert resolve(mentions, "x" * 50, {}, rules) == ["Meituan Group", "Meituan Group", "Meituan Select"]
