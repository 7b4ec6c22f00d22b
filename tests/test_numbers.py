"""Number reading (digits in regional formats, words, fractions) and the refusal of
numbers that cannot be read whole; every money and percent regex is bounded."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from newsfacts.normalise.numbers import (
    continues_a_number, magnitude_pattern, needs_magnitude, number_pattern, parse_number, scaled_value,
)

try:
    import re._parser as sre_parse  # Python >= 3.11
    from re._constants import MAXREPEAT
except ImportError:  # pragma: no cover
    import sre_parse
    from sre_constants import MAXREPEAT

PARSED = [
    # digits: Western, Indian, European, space-grouped, vulgar fractions
    ("7,300", "7300"),
    ("0.45", "0.45"),
    (".75", "0.75"),
    ("4,80,000", "480000"),
    ("2,15,00,000", "21500000"),
    ("3.400.000", "3400000"),
    ("9.876.543,21", "9876543.21"),
    ("2,75", "2.75"),
    ("45 000", "45000"),
    ("1\u00a0250\u00a0000", "1250000"),
    ("7¾", "7.75"),
    # spelled cardinals read by text2num
    ("seven hundred fifty-two", "752"),
    ("nine hundred and nine", "909"),
    ("fourteen hundred", "1400"),
    ("eighty-one thousand six hundred", "81600"),
    ("an", "1"),
    # fractions, mixed numbers, fixed phrases
    ("three and a half", "3.5"),
    ("eleven and three-quarters", "11.75"),
    ("half an", "0.5"),
    ("one quarter of a", "0.25"),
    ("three quarters of a", "0.75"),
    ("half a dozen", "6"),
]


@pytest.mark.parametrize("text, value", PARSED)
def test_parse_number(text, value):
    assert parse_number(text) == Decimal(value)


UNREADABLE = ["fifty six nine", "nineteen eighty", "twelve twelve", "hundred", "and", "three hundred and",
              "1.2.3", "1,0000", "2 and a half", "many", ""]


@pytest.mark.parametrize("text", UNREADABLE)
def test_unreadable_numbers_have_no_value(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "number, magnitude, value",
    [
        ("four hundred sixty", " thousand", "460000"),
        ("two million three hundred", " thousand", "2300000"),
        ("6.2", " lakh crore", "6.2e12"),
        ("15", " thousand crore", "1.5e11"),
        ("a quarter of a", " billion", "2.5e8"),
        ("1.234", None, "1.234"),
    ],
)
def test_scaled_value(number, magnitude, value):
    assert scaled_value(number, magnitude) == Decimal(value)


@pytest.mark.parametrize("number, magnitude", [("9" * 15, " trillion trillion"), ("999", " trillion million")])
def test_absurd_values_are_refused(number, magnitude):
    assert scaled_value(number, magnitude) is None


def test_zero_decimal_currencies_read_dot_thousands():
    assert scaled_value("12.500", None, dot_thousands=True) == Decimal(12500)
    assert scaled_value("1.5", " trillion", dot_thousands=True) == Decimal("1.5e12")


@pytest.mark.parametrize("text, needs", [("a", True), ("an", True), ("half a", True), ("a third of an", True),
                                         ("one", False), ("a dozen", False), ("two and a half", False)])
def test_needs_magnitude(text, needs):
    assert needs_magnitude(text) is needs


@pytest.mark.parametrize(
    "before, number, inside",
    [
        ("a sum of seventy ", "two", True),
        ("six hundred and ", "five", True),
        ("two million, ", "forty", True),
        ("forty-", "four", True),
        ("paid 3 ", "400", True),
        ("between six and ", "seven", False),
        ("it cost ", "nine", False),
        ("in 2024, ", "5", False),
    ],
)
def test_continues_a_number(before, number, inside):
    assert continues_a_number(before, number) is inside


def _unbounded(pattern: str) -> list[str]:
    """Repetitions without an upper bound anywhere in a compiled pattern."""
    found: list[str] = []

    def walk(items) -> None:
        for op, av in items:
            name = str(op)
            if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                low, high, sub = av
                if high == MAXREPEAT:
                    found.append(f"{name}{{{low},}}")
                walk(sub)
            elif name == "SUBPATTERN":
                walk(av[-1])
            elif name == "BRANCH":
                for branch in av[1]:
                    walk(branch)
            elif name in ("ASSERT", "ASSERT_NOT"):
                walk(av[1])

    walk(sre_parse.parse(pattern))
    return found


def test_number_patterns_bound_every_repetition():
    assert _unbounded(number_pattern()) == []
    assert _unbounded(magnitude_pattern()) == []


def test_component_patterns_bound_every_repetition(nlp):
    assert _unbounded(nlp.get_pipe("newsfacts_money").pattern.pattern) == []
    assert _unbounded(nlp.get_pipe("newsfacts_percent").index.pattern.pattern) == []
    assert _unbounded(nlp.get_pipe("newsfacts_percent").lower_bound.pattern) == []


def test_unbounded_detector_can_fail():
    assert _unbounded(r"\d+x") and not _unbounded(r"\d{1,3}x")


HOSTILE = ["1" * 10000 + "x", ",".join(["123"] * 5000) + " dollars", "between $1 and " * 3000,
           "9" * 400 + " yuan", "twenty-" * 2000 + "five dollars", "1 " * 3000 + "percent"]


@pytest.mark.parametrize("text", HOSTILE, ids=[t[:20] for t in HOSTILE])
def test_hostile_input_through_the_regexes(nlp, text):
    """Only the "$1" amounts are money; no number here is a percentage read whole."""
    amounts = nlp.get_pipe("newsfacts_money")._find(text)
    assert [(a.amount, a.currency) for a in amounts] == [(Decimal(1), "USD")] * text.count("$1 ")
    percent = nlp.get_pipe("newsfacts_percent")
    assert [p for p in (percent._percent(m, text) for m in percent.index.finditer(text)) if p] == []
