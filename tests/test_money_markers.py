"""Money markers in other orders and cases: codes before a magnitude, names before the
number, codes glued to a dollar sign or to a million/thousand prefix, dollar prefixes in
lower case or set apart (which never fall back to US dollars), and amounts used as adjectives."""

from __future__ import annotations

import pytest

import newsfacts

REF = "2023-03-15"


def amounts(nlp, text: str) -> list[tuple]:
    doc = nlp(newsfacts.make_doc(nlp, text, REF))
    return [(f.text, float(f.amount), f.currency) for f in doc._.facts if f.type == "money"]


CASES = [
    # a code between the number and its magnitude; a name before the number
    ("Capex reached 240 EUR million in the year.", [("240 EUR million", 2.4e8, "EUR")]),
    ("The grant is 3.5 GBP billion.", [("3.5 GBP billion", 3.5e9, "GBP")]),
    ("Tokyo approved a yen 730 billion package.", [("yen 730 billion", 7.3e11, "JPY")]),
    ("The firm raised euro 45 million in bonds.", [("euro 45 million", 4.5e7, "EUR")]),
    # codes glued to a dollar sign, in any case
    ("Fares start at AUD$ 89.", [("AUD$ 89", 89, "AUD")]),
    ("The fee is sgd$15 per visit.", [("sgd$15", 15, "SGD")]),
    ("Bonds worth HKD$ 2 billion were sold.", [("HKD$ 2 billion", 2e9, "HKD")]),
    # million and thousand prefixes on codes (engineering and trade prose)
    ("Order intake was 310 MSEK in the quarter.", [("310 MSEK", 3.1e8, "SEK")]),
    ("The contract is worth MNOK 95.", [("MNOK 95", 9.5e7, "NOK")]),
    ("A budget of 480 kCHF was set.", [("480 kCHF", 4.8e5, "CHF")]),
    # dollar prefixes in lower case or set apart keep their own currency
    ("The Toronto deal was c$ 8.5 million, Canada's regulator said.", [("c$ 8.5 million", 8.5e6, "CAD")]),
    ("Auckland homes fetch nz$1.1 million.", [("nz$1.1 million", 1.1e6, "NZD")]),
    ("The listing raised HK $ 12 billion.", [("HK $ 12 billion", 1.2e10, "HKD")]),
    ("Singapore's port earned S $ 40 million.", [("S $ 40 million", 4e7, "SGD")]),
    # wire-service abbreviations
    ("The party paid a fine of dlrs 305,000.", [("dlrs 305,000", 305000, "USD")]),
    ("Exports rose to 40 mln dlrs.", [("40 mln dlrs", 4e7, "USD")]),
    ("The bank lent 75 mln stg.", [("75 mln stg", 7.5e7, "GBP")]),
    # amounts used as adjectives
    ("A 25-cent-a-share payout was declared.", [("25-cent", 0.25, "USD")]),
    ("It announced a three-euro price rise.", [("three-euro", 3, "EUR")]),
    ("Counterfeit 50-pound notes were seized in London.", [("50-pound", 50, "GBP")]),
    ("A 2-million-franc grant went to Zurich artists.", [("2-million-franc", 2e6, "CHF")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_markers_in_other_orders_and_cases(nlp, text, expected):
    assert amounts(nlp, text) == [(t, pytest.approx(a), c) for t, a, c in expected]


REFUSALS = [
    "The Series C $40 million round closed.",  # a label before a one-letter prefix
    "It paid C $9 for lunch.",  # "C $" with no Canadian cue: neither CAD nor USD
    "The yen 500 level held.",  # a name before a number needs a magnitude
    "It won 5 million votes.",  # "won" is not a currency before a number
    "A billion-dollar question and a million-dollar smile.",  # idioms
    "The 2024-Euro final was played.",  # a name with a year
    "It stayed at 40 MUSD million.",  # a million prefix and a magnitude
]


@pytest.mark.parametrize("text", REFUSALS, ids=[t[:40] for t in REFUSALS])
def test_ambiguous_markers_are_refused(nlp, text):
    assert amounts(nlp, text) == []
