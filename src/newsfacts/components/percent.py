"""``newsfacts_percent``: percentages and changes in percentage points.

A number (digits or words, optionally negative) followed by a unit from
``models/data/percent_units.json`` ("%", "percent", "per cent", "pct", "percentage
points", "basis points" → hundredths of a point). Multipliers ("10-fold", "1.2
times", "doubled") have no such unit and are never matched. Qualifiers before the
number become ``approx``. A percentage has no upper bound field, so the upper end of
an interval whose lower end has no unit of its own ("5-7 percent", "5 to 7 per cent",
"between 5 and 7 percent") gives no fact: its value alone would misstate the figure.
A change "from 4 to 4.5 percent" keeps its new level.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import add_facts, claimed_ranges, document_text, overlaps
from .base import FactComponent
from ..facts import Percent
from ..normalise import numbers
from ..normalise.numbers import continues_a_number, number_pattern, parse_number, qualifier_before, sane
from ..resources import TableComponent, alternation, read_json

NEGATIVE = r"(?:(?<![\w.,%])[-−–](?=\d)|\b(?:minus|negative)\s{1,3})"
RANGE_LINK = r"\s{0,3}(?P<link>[-–—]|to|and)\s{0,3}"


def _unit_key(unit: str) -> str:
    return re.sub(r"[\s-]+", " ", unit.lower())


class PercentRecognizer(FactComponent, TableComponent):
    """Finds percentages with one regex compiled from the unit table."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(name)
        self.set_tables({"percent_units": read_json("percent_units.json")})

    def set_tables(self, tables: dict[str, Any]) -> None:
        super().set_tables(tables)
        self.units = {_unit_key(k): v for k, v in self.tables["percent_units"]["units"].items()}
        units = alternation(self.units).replace(r"\ ", r"[\s-]{1,2}")
        self.pattern = re.compile(
            rf"(?P<neg>{NEGATIVE})?(?P<num>{number_pattern()})(?P<gap>[\s-]?)(?P<unit>{units})(?![\w])",
            re.IGNORECASE,
        )
        self.lower_bound = re.compile(
            rf"(?:(?:\b(?P<cue>\w{{1,20}})\s{{1,3}})?\b(?P<word>\w{{1,20}})\s{{1,3}})?(?P<low>{number_pattern()}){RANGE_LINK}$",
            re.IGNORECASE,
        )
        self.range_cues = {cue.lower() for cue in numbers.tables()["range_cues"]}

    def process(self, doc: Doc) -> Doc:
        text = document_text(doc)
        taken = claimed_ranges(doc, ("money",))
        facts = []
        for match in self.pattern.finditer(text):
            percent = self._percent(match, text)
            if percent is not None and not overlaps(match.start(), match.end(), taken):
                facts.append(percent)
        add_facts(doc, facts)
        return doc

    def _percent(self, match: re.Match[str], text: str) -> Percent | None:
        """Read one match; ``None`` when the number cannot be read whole."""
        unit = self.units[_unit_key(match.group("unit"))]
        if unit.get("attached") and match.group("gap"):
            return None
        if continues_a_number(text[max(0, match.start() - 40) : match.start()], match.group("num")):
            return None
        value = parse_number(match.group("num"))
        if value is None:
            return None
        if self._upper_end(text[max(0, match.start() - 60) : match.start()], value):
            return None
        value = value * Decimal(str(unit["scale"]))
        if match.group("neg"):
            value = -value
        if not sane(value):
            return None
        window_start = max(0, match.start() - 40)
        qualifier = qualifier_before(text[window_start : match.start()])
        return Percent(
            match.group(), match.start(), match.end(),
            value=value, unit=unit["unit"], approx=qualifier[0] if qualifier else None,
        )

    def _upper_end(self, before: str, value: Decimal) -> bool:
        """Whether ``value`` closes an interval ("5 to 7") whose lower end, written just
        before it, has no unit of its own; a larger number first is a date or a change."""
        lower = self.lower_bound.search(before)
        if lower is None:
            return False
        low = parse_number(lower.group("low"))
        if low is None or low >= value:
            return False  # "fell on June 30 to 5.25%", "in 2024 to 3%"
        link = lower.group("link").lower()
        word, cue = (lower.group("word") or "").lower(), (lower.group("cue") or "").lower()
        if link == "and":
            return word == "between"
        if link == "to":
            return word != "from" or cue in self.range_cues
        return True


@Language.factory("newsfacts_percent")
def make_percent(nlp: Language, name: str) -> PercentRecognizer:
    return PercentRecognizer(nlp, name)
