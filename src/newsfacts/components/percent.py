"""``newsfacts_percent``: percentages and changes in percentage points.

A number (digits or words, optionally negative) followed by a unit from
``models/data/percent_units.json`` ("%", "percent", "per cent", "pct", "percentage
points", "basis points" → hundredths of a point). Multipliers ("10-fold", "1.2
times", "doubled") have no such unit and are never matched. Qualifiers before the
number become ``approx``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import add_facts, claimed_ranges, overlaps
from .base import FactComponent
from ..facts import Percent
from ..normalise.numbers import NEEDS_MAGNITUDE, number_pattern, parse_number, qualifier_before
from ..resources import TableComponent, alternation, read_json

NEGATIVE = r"(?:(?<![\w.,%])[-−–](?=\d)|\b(?:minus|negative)\s+)"


class PercentRecognizer(FactComponent, TableComponent):
    """Finds percentages with one regex compiled from the unit table."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(name)
        self.set_tables({"percent_units": read_json("percent_units.json")})

    def set_tables(self, tables: dict[str, Any]) -> None:
        super().set_tables(tables)
        self.units = {k.lower(): v for k, v in self.tables["percent_units"]["units"].items()}
        self.pattern = re.compile(
            rf"(?P<neg>{NEGATIVE})?(?P<num>{number_pattern()})\s?(?P<unit>{alternation(self.units)})(?![\w])",
            re.IGNORECASE,
        )

    def process(self, doc: Doc) -> Doc:
        text = doc.text
        taken = claimed_ranges(doc, ("money",))
        facts = []
        for match in self.pattern.finditer(text):
            number = match.group("num")
            if number.strip().lower() in NEEDS_MAGNITUDE or overlaps(match.start(), match.end(), taken):
                continue
            value = parse_number(number)
            if value is None:
                continue
            unit = self.units[match.group("unit").lower()]
            value = value * Decimal(str(unit["scale"]))
            if match.group("neg"):
                value = -value
            window_start = max(0, match.start() - 40)
            qualifier = qualifier_before(text[window_start : match.start()])
            facts.append(
                Percent(
                    match.group(), match.start(), match.end(),
                    value=value,
                    unit=unit["unit"], approx=qualifier[0] if qualifier else None,
                )
            )
        add_facts(doc, facts)
        return doc


@Language.factory("newsfacts_percent")
def make_percent(nlp: Language, name: str) -> PercentRecognizer:
    return PercentRecognizer(nlp, name)
