"""Amounts written in parts: a whole number and its sub-unit, fractions of a magnitude, whole
numbers with a fraction (older stock prices), sub-units below a cent, qualifiers after the amount."""

from __future__ import annotations

import pytest

import newsfacts

REF = "2023-03-15"


def amounts(nlp, text: str) -> list[tuple]:
    doc = nlp(newsfacts.make_doc(nlp, text, REF))
    return [(f.text, float(f.amount), f.currency, f.approx) for f in doc._.facts if f.type == "money"]


CASES = [
    # a whole number and its sub-unit are one amount
    ("The fare was 3 dollars 40 cents.", [("3 dollars 40 cents", 3.4, "USD", None)]),
    ("A coffee costs two euros and sixty cents in Rome.", [("two euros and sixty cents", 2.6, "EUR", None)]),
    ("The stamp is 1 pound 15 pence in Leeds.", [("1 pound 15 pence", 1.15, "GBP", None)]),
    ("The ticket price was 45 dollars 99.", [("45 dollars 99", 45.99, "USD", None)]),
    ("It paid 7 dollars 10 times.", [("7 dollars", 7, "USD", None)]),  # a count, not cents
    ("Lunch cost 8 euros, tips 50 cents.", [("8 euros", 8, "EUR", None), ("50 cents", 0.5, "EUR", None)]),
    # fractions of a magnitude
    ("Donors gave half million pounds in London.", [("half million pounds", 5e5, "GBP", None)]),
    ("The fund lost a quarter-billion dollars.", [("a quarter-billion dollars", 2.5e8, "USD", None)]),
    ("Roughly two-thirds of a billion euros went unspent.", [("two-thirds of a billion euros", 2e9 / 3, "EUR", "about")]),
    # a whole number and a fraction, as older market reports write prices
    ("Shares closed at $24 3/8.", [("$24 3/8", 24.375, "USD", None)]),
    ("The bid was raised to $41 1/2 a share.", [("$41 1/2", 41.5, "USD", None)]),
    # qualifiers after the amount
    ("Repairs will cost $2 million or more.", [("$2 million", 2e6, "USD", "over")]),
    ("Each seat sells for 300 euros or so.", [("300 euros", 300, "EUR", "about")]),
    ("Claims of £500 or less are fast-tracked.", [("£500", 500, "GBP", "under")]),
    # a negated "exceed" or "top" is an upper bound
    ("The mayor said costs won't exceed €80 million.", [("€80 million", 8e7, "EUR", "up_to")]),
    # a restatement without a qualifier is as approximate as what it restates
    ("It will pay more than 300 million Swiss francs ($330 million).",
     [("300 million Swiss francs", 3e8, "CHF", "over"), ("$330 million", 3.3e8, "USD", "over")]),
    ("A charge of roughly $12 million this quarter, or 9 cents a share, looms.",
     [("$12 million", 1.2e7, "USD", "about"), ("9 cents", 0.09, "USD", "about")]),
    ("Net was $12 million, or 9 cents a share, after about $2 million of costs.",
     [("$12 million", 1.2e7, "USD", None), ("9 cents", 0.09, "USD", None), ("$2 million", 2e6, "USD", "about")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_amounts_in_parts(nlp, text, expected):
    assert amounts(nlp, text) == [(t, pytest.approx(a), c, q) for t, a, c, q in expected]


def test_sub_units_below_a_cent_are_not_rounded(nlp):
    doc = nlp(newsfacts.make_doc(nlp, "Each text message costs 0.6p in Britain.", REF))
    fact = next(f for f in doc._.facts if f.type == "money")
    out = fact.to_dict()
    assert out["amount"] == pytest.approx(0.006) and 0 < out["usd"] < 0.01
