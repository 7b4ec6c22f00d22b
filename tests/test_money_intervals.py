"""Money intervals where only one end carries the magnitude or the currency (one fact with
``amount_max``), "or" between two numbers that share a unit, and moves that stay two facts."""

from __future__ import annotations

import pytest

import newsfacts

REF = "2023-03-15"


def amounts(nlp, text: str) -> list[tuple]:
    doc = nlp(newsfacts.make_doc(nlp, text, REF))
    return [
        (f.text, float(f.amount), None if f.amount_max is None else float(f.amount_max), f.currency, f.approx)
        for f in doc._.facts if f.type == "money"
    ]


CASES = [
    # the upper end alone carries the magnitude, the lower is written in full
    ("Flats sell for anywhere from £750,000 to £2.1 million.", [("£750,000 to £2.1 million", 7.5e5, 2.1e6, "GBP", None)]),
    ("Seats cost from A$450,000 to A$1.2 million apiece.", [("A$450,000 to A$1.2 million", 4.5e5, 1.2e6, "AUD", None)]),
    # the lower end borrows the upper's magnitude
    ("Damages of between 15 and 25 billion yen are sought.", [("15 and 25 billion yen", 1.5e10, 2.5e10, "JPY", None)]),
    ("The bid values it at 70 to 80 million Swiss francs.", [("70 to 80 million Swiss francs", 7e7, 8e7, "CHF", None)]),
    # only the upper end carries the currency
    ("Bonuses came to between 300 and €450 each.", [("300 and €450", 300, 450, "EUR", None)]),
    ("Tickets run roughly 40 or $55 at the door.", [("40 or $55", 40, 55, "USD", "about")]),
    ("Between 8 and $9 a share was offered.", [("8 and $9", 8, 9, "USD", None)]),
    ("Fees of 2 to £3 million are expected.", [("2 to £3 million", 2e6, 3e6, "GBP", None)]),
    # "or" between numbers that share the unit
    ("A pint costs five or six pounds in London.", [("five or six pounds", 5, 6, "GBP", None)]),
    ("Each share may fetch $11 or $12.", [("$11 or $12", 11, 12, "USD", None)]),
    ("The merger saves 200 or 300 million dollars.", [("200 or 300 million dollars", 2e8, 3e8, "USD", None)]),
    # "from … to" without a verb of change is a range
    ("Rents go for from C$1,900 to C$2,600 a month.", [("C$1,900 to C$2,600", 1900, 2600, "CAD", None)]),
    # a magnitude after the number makes "pounds" sterling; a weight does not
    ("Ministers will trim spending by 4.5 billion Pounds.", [("4.5 billion Pounds", 4.5e9, None, "GBP", None)]),
    ("The rocket lifts 50 thousand pounds into orbit, about 22,000 kg.", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_money_intervals(nlp, text, expected):
    assert amounts(nlp, text) == [(t, pytest.approx(a), m if m is None else pytest.approx(m), c, q) for t, a, m, c, q in expected]


MOVES = [
    # a verb of change governs the pair: two facts (or none for a bare first number)
    ("Its payroll climbed from €900,000 to €1.3 million.", ["€900,000", "€1.3 million"]),
    ("The board slashed the dividend from 60 cents to 45 cents.", ["60 cents", "45 cents"]),
    ("Profit went from NZ$3 million to NZ$5 million.", ["NZ$3 million", "NZ$5 million"]),
    ("Costs swelled 2 to £9 million.", ["£9 million"]),
    # a second currency, a restatement, a day before the number
    ("It paid SFr 2 million or €2.1 million.", ["SFr 2 million", "€2.1 million"]),
    ("Net was $81.2 million or $1.05 a share.", ["$81.2 million", "$1.05"]),
    ("Sales in the year ended Oct. 31 to $410 million.", ["$410 million"]),
    ("Sales grew in 2019 to $410 million.", ["$410 million"]),
    ("They fetched between 1998 and $5 million.", ["$5 million"]),
    # the second number carries a unit of its own
    ("Net was €12 million or 9 cents a share.", ["€12 million", "9 cents"]),
    ("It set aside £3 billion to 4 percent of assets.", ["£3 billion"]),
    # ambiguous: the bare lower end may or may not share the magnitude
    ("Valuations from $700 to $1.4 billion circulate.", ["$1.4 billion"]),
]


@pytest.mark.parametrize("text, expected", MOVES, ids=[c[0][:40] for c in MOVES])
def test_moves_and_lists_stay_apart(nlp, text, expected):
    found = amounts(nlp, text)
    assert [f[0] for f in found] == expected and all(f[2] is None for f in found)
