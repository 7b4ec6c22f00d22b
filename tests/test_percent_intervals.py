"""Percent intervals (one fact with ``value_max``), moves between two figures (two facts),
signed figures and restated moves (``change`` set by the percent component), written in other
words than the issue's examples."""

from __future__ import annotations

import pytest

import newsfacts

REF = "2023-03-15"


def percents(nlp, text: str) -> list[tuple]:
    doc = nlp(newsfacts.make_doc(nlp, text, REF))
    return [
        (f.text, float(f.value), None if f.value_max is None else float(f.value_max), f.unit, f.approx)
        for f in doc._.facts if f.type == "percent"
    ]


INTERVALS = [
    # a dash, "to", "between … and", "from … to" with no verb of change
    ("Staff expect raises of 3-4 per cent.", [("3-4 per cent", 3, 4, "percent", None)]),
    ("Margins of 8%–11% are normal in retail.", [("8%–11%", 8, 11, "percent", None)]),
    ("Down payments run 10 to 25 percent of the price.", [("10 to 25 percent", 10, 25, "percent", None)]),
    ("Tips of 12% to 18% are customary.", [("12% to 18%", 12, 18, "percent", None)]),
    ("Vacancy sits between 6 and 9 pct downtown.", [("6 and 9 pct", 6, 9, "percent", None)]),
    ("It targets a yield between 4.5% and 5.25% in bonds.", [("4.5% and 5.25%", 4.5, 5.25, "percent", None)]),
    ("Fees are from 1 to 1.5 percent of assets.", [("1 to 1.5 percent", 1, 1.5, "percent", None)]),
    ("Estimates vary from 0.5% to 0.8% for the quarter.", [("0.5% to 0.8%", 0.5, 0.8, "percent", None)]),
    ("A hike of 25 to 50 basis points is priced in.", [("25 to 50 basis points", 0.25, 0.5, "percentage_point", None)]),
    ("Turnout of two to three percentage points higher.", [("two to three percentage points", 2, 3, "percentage_point", None)]),
    ("Prices may rise two or three per cent.", [("two or three per cent", 2, 3, "percent", None)]),
    ("A 4% or 5% raise is on the table.", [("4% or 5%", 4, 5, "percent", None)]),
    ("Analysts see roughly 30-35% upside.", [("30-35%", 30, 35, "percent", "about")]),
    # a verb of change makes a move: two facts, and a bare lower end none
    ("Its tax rate climbed from 19% to 23%.", [("19%", 19, None, "percent", None), ("23%", 23, None, "percent", None)]),
    ("The regulator lowered the cap from 12% to 9.5%.", [("12%", 12, None, "percent", None), ("9.5%", 9.5, None, "percent", None)]),
    ("Unemployment jumped from 4 to 6.1 percent.", [("6.1 percent", 6.1, None, "percent", None)]),
    ("Shares slipped 3% to 40% of the float.", [("3%", 3, None, "percent", None), ("40%", 40, None, "percent", None)]),
    # a list is two facts; a larger number first is not a lower end
    ("The referendum result was 47% to 53% against.", [("47%", 47, None, "percent", None), ("53%", 53, None, "percent", None)]),
    ("Indexes slid 40 points, or 1.5%, on Friday.", [("1.5%", 1.5, None, "percent", None)]),
    ("Stakes of 30% and 45% were sold.", [("30%", 30, None, "percent", None), ("45%", 45, None, "percent", None)]),
    ("The rate was set on August 31 to 4.75%.", [("4.75%", 4.75, None, "percent", None)]),
    ("The yield moved in 2021 to 2.5%.", [("2.5%", 2.5, None, "percent", None)]),
    ("Item 7 to 9% of the list.", [("9%", 9, None, "percent", None)]),
    ("Tariffs of 10% to 5 percentage points were unclear.", [("10%", 10, None, "percent", None), ("5 percentage points", 5, None, "percentage_point", None)]),
]


@pytest.mark.parametrize("text, expected", INTERVALS, ids=[c[0][:40] for c in INTERVALS])
def test_percent_intervals(nlp, text, expected):
    assert percents(nlp, text) == [(t, pytest.approx(v), m if m is None else pytest.approx(m), u, a) for t, v, m, u, a in expected]


SIGNED = [
    ("The Hang Seng closed +1.7% on Monday.", ("+1.7%", 1.7, "up")),
    ("DAX 40 -0.9% in early trade.", ("-0.9%", 0.9, "down")),
    ("Copper (−2.25%) led losses.", ("−2.25%", 2.25, "down")),
    ("Volumes were +12 pct year on year.", ("+12 pct", 12, "up")),
    ("The spread was -15 bps.", ("-15 bps", 0.15, "down")),
    # a percentage restating a move in other units takes its direction
    ("The Nikkei dropped 380 yen, or 1.4%, by noon.", ("1.4%", 1.4, "down")),
    ("Brent climbed 95 cents (1.2 percent) to $81.", ("1.2 percent", 1.2, "up")),
    ("The Kospi was up 18.5 points, or 0.7 pct.", ("0.7 pct", 0.7, "up")),
    ("Profit was 40 million euros, or 12% of sales.", ("12%", 12, None)),
    # words give a negative level, not a move
    ("Deposit rates stood at minus 0.75 percent.", ("minus 0.75 percent", -0.75, None)),
    ("Real yields are negative 1.1%.", ("negative 1.1%", -1.1, None)),
]


@pytest.mark.parametrize("text, expected", SIGNED, ids=[c[0][:40] for c in SIGNED])
def test_signed_percentages_carry_their_change(nlp, text, expected):
    doc = nlp(newsfacts.make_doc(nlp, text, REF))
    found = [(f.text, float(f.value), f.change) for f in doc._.facts if f.type == "percent"]
    assert found[:1] == [(expected[0], pytest.approx(expected[1]), expected[2])]


def test_interval_round_trips(nlp):
    doc = nlp(newsfacts.make_doc(nlp, "Forecasts of 2-3% growth.", REF))
    fact = next(f for f in doc._.facts if f.type == "percent")
    assert fact.to_dict()["value_max"] == 3 and newsfacts.facts.Fact.from_dict(fact.to_dict()).value_max == 3
