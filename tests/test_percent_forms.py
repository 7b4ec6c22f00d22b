"""Percent long tail: hyphenated units, abbreviated points, spelled and fractional
numbers, and refusals of numbers that cannot be read whole."""

from __future__ import annotations

import pytest

import newsfacts

REF = "2023-03-15"


def percents(nlp, text: str) -> list[tuple]:
    doc = nlp(newsfacts.make_doc(nlp, text, REF))
    return [(f.text, float(f.value), f.unit, f.approx) for f in doc._.facts if f.type == "percent"]


CASES = [
    # hyphenated: unit joined to the number, or inside the unit
    ("Washington imposed a 15-percent levy on steel.", [("15-percent", 15, "percent", None)]),
    ("Staff took a 10-per-cent pay cut.", [("10-per-cent", 10, "percent", None)]),
    ("A 2.25 percentage-point gap remains.", [("2.25 percentage-point", 2.25, "percentage_point", None)]),
    ("The spread widened by a 0.8-percentage-point margin.", [("0.8-percentage-point", 0.8, "percentage_point", None)]),
    # abbreviated units
    ("Core prices were up 0.7 pct point.", [("0.7 pct point", 0.7, "percentage_point", None)]),
    ("Yields rose 40 bp.", [("40 bp", 0.4, "percentage_point", None)]),
    ("The pound slid 9pc against the euro.", [("9pc", 9, "percent", None)]),
    ("Support fell 3 pp among voters.", [("3 pp", 3, "percentage_point", None)]),
    # spelled numbers, fractions, mixed numbers
    ("Turnout was fifty-five percent.", [("fifty-five percent", 55, "percent", None)]),
    ("Output hit one hundred and ten per cent of plan.", [("one hundred and ten per cent", 110, "percent", None)]),
    ("Tariffs of seven and a half percent apply.", [("seven and a half percent", 7.5, "percent", None)]),
    ("The bank cut by half a percentage point.", [("half a percentage point", 0.5, "percentage_point", None)]),
    ("Rates moved a quarter of a percentage point.", [("a quarter of a percentage point", 0.25, "percentage_point", None)]),
    ("It added about three-quarters of a percentage point.",
     [("three-quarters of a percentage point", 0.75, "percentage_point", "about")]),
    ("Inflation eased to 2½ percent.", [("2½ percent", 2.5, "percent", None)]),
    ("Growth was 1,8 per cent in the euro zone.", [("1,8 per cent", 1.8, "percent", None)]),
    # whole numbers and fractions of older bond and stock prose
    ("The notes pay 8 5/8 percent.", [("8 5/8 percent", 8.625, "percent", None)]),
    ("A coupon of 11 1/4% was set.", [("11 1/4%", 11.25, "percent", None)]),
    ("Yields eased to 7⅜%.", [("7⅜%", 7.375, "percent", None)]),
    # qualifiers before and after the number
    ("Approval stands at ~58%.", [("58%", 58, "percent", "about")]),
    ("Support is over than 45 percent.", [("45 percent", 45, "percent", "over")]),
    ("Returns of upward of 12% are claimed.", [("12%", 12, "percent", "over")]),
    ("Margins sit in the region of 20 per cent.", [("20 per cent", 20, "percent", "about")]),
    ("Turnout fell just below 40%.", [("40%", 40, "percent", "under")]),
    ("Fees will be 2% or less.", [("2%", 2, "percent", "under")]),
    ("Prices may climb 10 percent or more.", [("10 percent", 10, "percent", "over")]),
    ("Stocks trade at a 15% or so discount.", [("15%", 15, "percent", "about")]),
    # basis points keep working
    ("A 50 basis point hike followed.", [("50 basis point", 0.5, "percentage_point", None)]),
]

REFUSALS = [
    "Support stood at nineteen eighty percent.",
    "Margins were forty, fifty percent.",
    "A rise of sixty four seven percent.",
    "Shares of the 9 PC maker rose.",
    "Growth was " + "9" * 400 + " percent.",
    "It fell 5 3/5 percent.",  # fifths are no coupon fraction
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_percent_long_tail(nlp, text, expected):
    assert percents(nlp, text) == [(t, pytest.approx(v), u, a) for t, v, u, a in expected]


@pytest.mark.parametrize("text", REFUSALS, ids=[t[:40] for t in REFUSALS])
def test_unreadable_percentages_are_refused(nlp, text):
    assert percents(nlp, text) == []
