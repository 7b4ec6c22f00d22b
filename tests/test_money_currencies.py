"""Currency markers beyond the common ones: currencies the euro replaced (their own code; USD
through the fixed euro rate from the day it took effect, null before), other symbols and
names, sub-units named with their country, and markers that need a cue in the article."""

from __future__ import annotations

import pytest

import newsfacts

EURO_ERA = "2001-06-15"
BEFORE_EURO = "1994-06-15"


def amounts(nlp, text: str, published: str = EURO_ERA) -> list[tuple]:
    doc = nlp(newsfacts.make_doc(nlp, text, published))
    return [(f.text, float(f.amount), f.currency) for f in doc._.facts if f.type == "money"]


LEGACY = [
    ("A Bonn ministry froze 600 million Deutschmarks.", ("600 million Deutschmarks", 6e8, "DEM")),
    ("Bundesbank data show 3.2 billion marks of outflows.", ("3.2 billion marks", 3.2e9, "DEM")),
    ("The dollar bought 1.6125 marks and 118.40 yen.", ("1.6125 marks", 1.6125, "DEM")),
    ("Lyon's council spent 85 million francs, the French budget office said.", ("85 million francs", 8.5e7, "FRF")),
    ("A Brussels utility raised 12 billion Belgian francs.", ("12 billion Belgian francs", 1.2e10, "BEF")),
    ("Rotterdam port fees came to 75 million guilders.", ("75 million guilders", 7.5e7, "NLG")),
    ("Milan's exchange traded 900 billion lire.", ("900 billion lire", 9e11, "ITL")),
    ("A Valencia bank lent 40,000 million pesetas.", ("40,000 million pesetas", 4e10, "ESP")),
    ("Nokia booked 2.1 billion markkaa.", ("2.1 billion markkaa", 2.1e9, "FIM")),
    ("Porto builders owe 300 million escudos.", ("300 million escudos", 3e8, "PTE")),
    ("Salzburg hotels earned 950 million schillings.", ("950 million schillings", 9.5e8, "ATS")),
    ("A Piraeus shipper paid 7 billion drachmas.", ("7 billion drachmas", 7e9, "GRD")),
    ("Cork dairies sold 45 million Irish pounds of butter.", ("45 million Irish pounds", 4.5e7, "IEP")),
    ("Split's mayor set aside 150 million kuna.", ("150 million kuna", 1.5e8, "HRK")),
    ("The Ljubljana bank held 8 billion tolars.", ("8 billion tolars", 8e9, "SIT")),
]


@pytest.mark.parametrize("text, expected", LEGACY, ids=[c[0][:40] for c in LEGACY])
def test_legacy_euro_currencies_keep_their_code(nlp, text, expected):
    assert amounts(nlp, text)[:1] == [(expected[0], pytest.approx(expected[1]), expected[2])]


def test_legacy_usd_goes_through_the_fixed_euro_rate(nlp):
    doc = nlp(newsfacts.make_doc(nlp, "The Dutch state paid 220.371 million guilders.", EURO_ERA))
    euro = nlp(newsfacts.make_doc(nlp, "The Dutch state paid 100 million euros.", EURO_ERA))
    guilders, euros = (next(f for f in d._.facts if f.type == "money") for d in (doc, euro))
    assert guilders.currency == "NLG" and float(guilders.usd) == pytest.approx(float(euros.usd))
    assert guilders.usd_basis == euros.usd_basis


@pytest.mark.parametrize("text", ["Madrid paid 90 billion pesetas.", "Vienna paid 12 million schillings in Austria."])
def test_legacy_usd_is_null_before_the_euro(nlp, text):
    doc = nlp(newsfacts.make_doc(nlp, text, BEFORE_EURO))
    fact = next(f for f in doc._.facts if f.type == "money")
    assert fact.usd is None and "before 1999-01-01" in fact.usd_basis


OTHER_MARKERS = [
    ("Pensions rose to 320 kn a month in Osijek.", ("320 kn", 320, "HRK")),
    ("Bus fares in San José are ₡750.", ("₡750", 750, "CRC")),
    ("A Tbilisi taxi costs ₾15.", ("₾15", 15, "GEL")),
    ("Noodles in Vientiane are ₭25,000.", ("₭25,000", 25000, "LAK")),
    ("Herders sold a horse for ₮1,200,000.", ("₮1,200,000", 1.2e6, "MNT")),
    ("A bowl of noodles is 12 kuai in Chengdu, China.", ("12 kuai", 12, "CNY")),
    ("Tea in Hangzhou, China costs 30元.", ("30元", 30, "CNY")),
    ("Kampala vendors charge sh 3,500 a kilo in Uganda.", ("sh 3,500", 3500, "UGX")),
    ("Dividends of 4.5 Australian cents were declared.", ("4.5 Australian cents", 0.045, "AUD")),
    ("The coin sold for 20 U.S. cents.", ("20 U.S. cents", 0.2, "USD")),
    ("A Durban taxi ride costs R 14.", ("R 14", 14, "ZAR")),
    ("Enugu's N 30 billion plan, Nigeria said.", ("N 30 billion", 3e10, "NGN")),
    ("The Ankara government paid 40 billion lira.", ("40 billion lira", 4e10, "TRY")),
    ("Florence museums took in 30 billion lira in Italy.", ("30 billion lira", 3e10, "ITL")),
]


@pytest.mark.parametrize("text, expected", OTHER_MARKERS, ids=[c[0][:40] for c in OTHER_MARKERS])
def test_other_currency_markers(nlp, text, expected):
    assert amounts(nlp, text, "2021-06-15") == [(expected[0], pytest.approx(expected[1]), expected[2])]


REFUSALS = [
    "The essay earned 18 marks out of 20.",  # marks with no currency cue
    "The stock passed the 5,000 mark in Frankfurt.",  # a threshold, not a currency
    "Drivers paid sh 400 at the gate.",  # a shilling of which country?
    "The truck carried 300 pounds of feed.",  # a weight without a magnitude
    "A 40 kuai discount was offered.",  # kuai with no Chinese cue
    "A loaf costs R 18 at the corner shop.",  # a rand-like price with no South African cue
    "Durban pupils in Grade R 5 sang.",  # a label before the letter
    "Cape Town's new R5 hatchback.",  # a model name glues the letter
    "The ESP 32 board and the DM 618 phone.",  # codes that are also product names
]


@pytest.mark.parametrize("text", REFUSALS, ids=[t[:40] for t in REFUSALS])
def test_ambiguous_markers_give_no_fact(nlp, text):
    assert amounts(nlp, text, "2021-06-15") == []
