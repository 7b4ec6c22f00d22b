"""``newsfacts_money``: amounts of money with an explicit currency, converted to US dollars.

Detection does not depend on the base NER: one regex, built from the currency and
number tables, finds "symbol number magnitude" ("$170 billion", "CNY1.22 trillion",
"HK$3.5bn") and "number magnitude name" ("1.7 trillion yuan", "237 billion U.S.
dollars"), with ranges ("$1-2 million", "between €3m and €4m"). Qualifiers before the
span become ``approx``. An amount followed by its equivalent in another currency
("1.7 trillion yuan (about 237 billion U.S. dollars)") takes that stated value as its
``usd``; otherwise ``usd`` comes from the ECB rate on the reference date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import add_facts, reference_date
from .base import FactComponent
from ..facts import Money
from ..normalise.currency import CurrencyTable, EcbRates
from ..normalise.numbers import NEEDS_MAGNITUDE, magnitude_pattern, magnitude_value, number_pattern, parse_number, qualifier_before
from ..resources import TableComponent, alternation, read_json, read_jsonl

# Text between an amount and its stated equivalent: a bracket ("yuan (about $3 billion)"),
# or a comma or dash when the second amount is hedged ("4.9 trillion yen, roughly $33 billion").
STATED_BRACKET = re.compile(r"\s*[(\[]\s*(?:or|i\.e\.|equal to|equivalent to|approximately)?\s*", re.IGNORECASE)
STATED_HEDGED = re.compile(r"\s*(?:[,;:–—-]|\bor\b)\s*(?:or\s*)?", re.IGNORECASE)
RANGE_LINK = r"\s*(?:-|–|—|to|and)\s*"




@dataclass
class _Amount:
    start: int
    end: int
    amount: Decimal
    amount_max: Decimal | None
    currency: str
    approx: str | None
    qualifier_start: int


class MoneyRecognizer(FactComponent, TableComponent):
    """Finds money amounts with a regex compiled from the component's currency tables."""

    def __init__(self, nlp: Language, name: str, rates: EcbRates) -> None:
        super().__init__(name)
        self.rates = rates
        self.set_tables({"currencies": read_jsonl("currencies.jsonl"), "currency_context": read_json("currency_context.json")})

    def set_tables(self, tables: dict[str, Any]) -> None:
        super().set_tables(tables)
        self.currency_table = CurrencyTable.from_rows(self.tables["currencies"], self.tables["currency_context"])
        symbols = alternation(self.currency_table.symbols)
        names = alternation([*self.currency_table.names, *self.currency_table.context])
        number, magnitude = number_pattern(), magnitude_pattern()
        amount = rf"(?P<num>{number})(?P<mag>{magnitude})?"
        upper = rf"(?:{RANGE_LINK}(?:{symbols})?\s?(?P<num2>{number})(?P<mag2>{magnitude})?)?"
        prefixed = rf"(?<![\w$])(?P<neg>-\s?)?(?P<sym>{symbols})\s?{amount}{upper}"
        suffixed = rf"(?<![\w.,])(?P<neg_b>-)?(?P<num_b>{number})(?P<mag_b>{magnitude})?(?:{RANGE_LINK}(?P<num2_b>{number})(?P<mag2_b>{magnitude})?)?\s?(?P<name>{names})(?![\w])"
        self.pattern = re.compile(rf"{prefixed}|{suffixed}", re.IGNORECASE)
        self.symbol_case = re.compile(rf"(?:{symbols})")

    def process(self, doc: Doc) -> Doc:
        amounts = self._find(doc.text)
        usd_stated = self._stated_equivalents(amounts, doc.text)
        on = reference_date(doc)
        facts = []
        for index, found in enumerate(amounts):
            if index in usd_stated:
                usd, basis = usd_stated[index], "stated"
            else:
                usd, basis = self.rates.to_usd(found.amount, found.currency, on)
            facts.append(
                Money(
                    doc.text[found.start : found.end], found.start, found.end,
                    amount=found.amount, amount_max=found.amount_max, currency=found.currency,
                    approx=found.approx, usd=usd, usd_basis=basis,
                )
            )
        add_facts(doc, facts)
        return doc

    def _find(self, text: str) -> list[_Amount]:
        """Every amount in text order; a rejected match is retried one character later,
        so that "5 and 6 billion dollars" still yields "6 billion dollars"."""
        found, position = [], 0
        while (match := self.pattern.search(text, position)) is not None:
            amount = self._amount(match, text)
            if amount is not None:
                found.append(amount)
                position = amount.end
            else:
                position = match.start() + 1
        return found

    def _amount(self, match: re.Match[str], text: str) -> _Amount | None:
        """Read one regex match; ``None`` when it is not money after all."""
        g = match.groupdict()
        if g["sym"] is not None:
            if not self.symbol_case.fullmatch(g["sym"]):
                return None  # symbols and codes are case-sensitive ("RM", not "rm")
            currency = self.currency_table.resolve(g["sym"], "symbol", text)
            suffix = ""
        else:
            currency = self.currency_table.resolve(g["name"], "name", text)
            suffix = "_b"
        num, mag, num2, mag2, neg = (g[key + suffix] for key in ("num", "mag", "num2", "mag2", "neg"))
        if currency is None or (num.strip().lower() in NEEDS_MAGNITUDE and not mag):
            return None
        low = parse_number(num)
        high = parse_number(num2) if num2 else None
        if low is None:
            return None
        start, end = match.start(), match.end()
        window_start = max(0, start - 40)
        between = re.search(r"\bbetween\s+$", text[window_start:start], re.IGNORECASE)
        if high is not None:
            first_end = match.end(("mag" if mag else "num") + suffix)
            if "and" in text[first_end : match.start("num2" + suffix)].lower() and not between:
                # "€3m and $4m" lists two amounts: keep the first (prefixed) one alone;
                # "5 and 6 billion dollars" has no currency on the first: retried later.
                if suffix:
                    return None
                high, end = None, first_end
        if high is not None:
            scale_high = magnitude_value(mag2 or mag)
            low, high = low * (magnitude_value(mag) if mag else scale_high), high * scale_high
        else:
            low = low * magnitude_value(mag)
        if neg:
            low = -low
        qualifier = qualifier_before(text[window_start:start])
        approx = qualifier[0] if qualifier else None
        qualifier_start = window_start + qualifier[1] if qualifier else start
        if high is not None and between:
            qualifier_start = window_start + between.start()
        return _Amount(start, end, low, high, currency, approx, qualifier_start)

    @staticmethod
    def _stated_equivalents(amounts: list[_Amount], text: str) -> dict[int, Decimal]:
        """USD values an article states right beside a non-USD amount (either order)."""
        stated: dict[int, Decimal] = {}
        for index in range(len(amounts) - 1):
            first, second = amounts[index], amounts[index + 1]
            if (first.currency == "USD") == (second.currency == "USD"):
                continue
            gap = text[first.end : second.qualifier_start]
            hedged = second.approx == "about" or re.search(r"\bor\b", gap)
            if len(gap) > 30 or not (STATED_BRACKET.fullmatch(gap) or (hedged and STATED_HEDGED.fullmatch(gap))):
                continue
            if second.currency == "USD":
                stated[index] = second.amount
            else:
                stated[index + 1] = first.amount
        return stated


@Language.factory(
    "newsfacts_money",
    default_config={"rates": {"@misc": "newsfacts.ecb_rates.v1"}},
)
def make_money(nlp: Language, name: str, rates: EcbRates) -> MoneyRecognizer:
    return MoneyRecognizer(nlp, name, rates)
