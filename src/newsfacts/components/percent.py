"""``newsfacts_percent``: percentages and changes in percentage points.

A number (digits or words, optionally negative) followed by a unit from
``models/data/percent_units.json`` ("%", "percent", "per cent", "pct", "percentage
points", "basis points" → hundredths of a point). Multipliers ("10-fold", "1.2
times", "doubled") have no such unit and are never matched. Qualifiers before the
number become ``approx``. A plus or minus sign ("+0.4%", "-1.2%", "−0.3 pct") marks a
move: the value is its size and ``change`` says which way; the words "minus" and
"negative" give a negative level. A percentage that restates a move in other units
("shed 210 points, or 0.7%", "rose 12 cents (1.1%)") takes the move's direction.

Two numbers joined by a dash, "to", "or" or "between … and" are one interval with
``value_max`` ("5-7 percent", "15% to 20%", "between 2 and 2.5 percent", "two or three
percent"), unless a verb
of change governs them ("rose from 5% to 7%", "cut 2% to 1.5%"): then each number with
a unit of its own is a fact, and a lower end without one ("from 4 to 4.5 percent") is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import add_facts, claimed_ranges, document_text, overlaps
from .base import FactComponent
from ..facts import Percent
from ..normalise import numbers
from ..normalise.numbers import continues_a_number, number_pattern, parse_number, qualifier_after, qualifier_before, sane
from ..regex_index import AnchoredPattern
from ..resources import TableComponent, alternation, read_json

SIGN = r"(?:(?<![\w.,%+])[-−–+](?=\d)|\b(?:minus|negative)\s{1,3})"
# What joins the two ends of an interval: a dash (spaced on both sides or on neither, so
# that "FTSE 100 -1.2%" keeps its sign), "to", "and", "or" ("two or three percent").
RANGE_LINK = r"(?P<link>\s{0,3}[–—]\s{0,3}|-|\s{1,3}-\s{1,3}|\s{1,3}(?:to|and|or)\s{1,3})"
# The most characters a sign and a number take before their unit ("minus two hundred and fifty-five point five").
NUMBER_REACH = 120
# A capitalised word before a bare lower end makes it a label or a day ("March 3 to 4%").
LABEL_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]{1,15}\.?\s{1,2}$")


def _unit_key(unit: str) -> str:
    return re.sub(r"[\s-]+", " ", unit.lower())


@dataclass
class _Found:
    """One percentage as matched, before intervals are joined."""

    start: int
    end: int
    value: Decimal
    unit: str
    scale: Decimal
    change: str | None


class PercentRecognizer(FactComponent, TableComponent):
    """Finds percentages with one regex compiled from the unit table, then joins intervals."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(name)
        self.set_tables({"percent_units": read_json("percent_units.json")})

    def set_tables(self, tables: dict[str, Any]) -> None:
        super().set_tables(tables)
        self.units = {_unit_key(k): v for k, v in self.tables["percent_units"]["units"].items()}
        units = alternation(self.units).replace(r"\ ", r"[\s-]{1,2}")
        # Every percentage ends with its unit: only the stretches before a unit are read.
        self.index = AnchoredPattern(
            rf"(?P<sign>{SIGN})?(?P<num>{number_pattern()})(?P<gap>[\s-]?)(?P<unit>{units})(?![\w])",
            anchor=rf"(?:{units})(?![\w])", flags=re.IGNORECASE, reach=NUMBER_REACH,
        )
        # The lower end of an interval, right before a matched percentage: a number, with or
        # without a unit of its own ("15% to 20%", "5-7 percent").
        self.lower_bound = re.compile(
            rf"(?<![\w.,+−-])(?P<low>{number_pattern()})(?:(?P<gap>[\s-]?)(?P<unit>{units}))?{RANGE_LINK}$",
            re.IGNORECASE,
        )

    def process(self, doc: Doc) -> Doc:
        text = document_text(doc)
        taken = claimed_ranges(doc, ("money",))
        found = [p for m in self.index.finditer(text) if (p := self._percent(m, text)) is not None]
        joined: list[tuple[_Found, int, Decimal | None]] = []  # a percentage, where its fact starts, its lower end
        for index, percent in enumerate(found):
            alone = joined[-1] if joined and joined[-1][2] is None else None
            low, start = self._lower_end(percent, alone[0] if alone and alone[0] is found[index - 1] else None, text)
            if alone is not None and low is not None and start == alone[0].start:
                joined.pop()  # "15% to 20%": the lower end joins this fact
            joined.append((percent, start, low))
        facts = []
        for percent, start, low in joined:
            if overlaps(start, percent.end, taken):
                continue
            window_start = max(0, start - 40)
            qualifier = qualifier_before(text[window_start:start])
            facts.append(
                Percent(
                    text[start : percent.end], start, percent.end,
                    value=percent.value if low is None else low, value_max=None if low is None else percent.value,
                    unit=percent.unit, approx=qualifier[0] if qualifier else qualifier_after(text, percent.end), change=percent.change,
                )
            )
        add_facts(doc, facts)
        return doc

    def _percent(self, match: re.Match[str], text: str) -> _Found | None:
        """Read one match; ``None`` when the number cannot be read whole."""
        unit = self.units[_unit_key(match.group("unit"))]
        if unit.get("attached") and match.group("gap"):
            return None
        sign = (match.group("sign") or "").strip().lower()
        if sign[:1] not in ("+", "-", "−", "–") and continues_a_number(text[max(0, match.start() - 40) : match.start()], match.group("num")):
            return None
        value = parse_number(match.group("num"))
        if value is None:
            return None
        value *= Decimal(str(unit["scale"]))
        change = None
        if sign in ("minus", "negative"):
            value = -value
        elif sign:
            change = "up" if sign == "+" else "down"
        else:  # "shed 210 points, or 0.7%": the restatement of a move keeps its direction
            change = numbers.restated_change(text[max(0, match.start() - 100) : match.start()])
        if not sane(value):
            return None
        return _Found(match.start(), match.end(), value, unit["unit"], Decimal(str(unit["scale"])), change)

    def _lower_end(self, percent: _Found, previous: _Found | None, text: str) -> tuple[Decimal | None, int]:
        """The lower end of an interval that ``percent`` closes and where the fact then starts;
        ``(None, percent.start)`` when it stands alone."""
        alone = (None, percent.start)
        if percent.change is not None or percent.value < 0:
            return alone
        window_start = max(0, percent.start - 60)
        lower = self.lower_bound.search(text, window_start, percent.start)
        if lower is None:
            return alone
        low_start = lower.start()
        before = text[max(0, low_start - 80) : low_start]
        if continues_a_number(before, lower.group("low")):
            return alone
        own_unit = lower.group("unit") is not None
        if own_unit:
            if previous is None or previous.start != low_start or previous.end != lower.end("unit"):
                return alone
            if previous.unit != percent.unit or previous.change is not None:
                return alone
            low = previous.value
        else:
            low = parse_number(lower.group("low"))
            if low is None or LABEL_BEFORE.search(before):
                return alone
            low *= percent.scale  # "25 to 50 basis points"
        if low >= percent.value:
            return alone  # "fell on June 30 to 5.25%", "in 2024 to 3%"
        link = lower.group("link").strip().lower()
        if link == "and":
            return (low, low_start) if re.search(r"\bbetween\s{1,3}$", before, re.IGNORECASE) else alone
        if link == "to":
            if own_unit and low + percent.value == 100 and percent.unit == "percent":
                return alone  # a split, not an interval: "the vote was 48% to 52%"
            cue = numbers.change_cue(before)
            if cue == "from" or (cue == "direct" and own_unit):
                return alone  # a move: "rose from 5% to 7%", "cut 2% to 1.5%"
        return low, low_start

@Language.factory("newsfacts_percent")
def make_percent(nlp: Language, name: str) -> PercentRecognizer:
    return PercentRecognizer(nlp, name)
