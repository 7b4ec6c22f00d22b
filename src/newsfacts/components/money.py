"""``newsfacts_money``: amounts of money (placeholder on the base NER's MONEY spans)."""

from __future__ import annotations

import re
from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import add_facts, register_extensions
from ..facts import Money

_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion)?", re.IGNORECASE)
_SCALE = {None: 1, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_CURRENCY = {"$": "USD", "dollar": "USD", "yuan": "CNY", "euro": "EUR", "€": "EUR", "£": "GBP", "pound": "GBP"}


class MoneyRecognizer:
    def __init__(self, name: str = "newsfacts_money") -> None:
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        facts = []
        for ent in doc.ents:
            if ent.label_ != "MONEY":
                continue
            match = _NUMBER.search(ent.text)
            currency = next((code for key, code in _CURRENCY.items() if key in ent.text.lower()), None)
            if match is None or currency is None:
                continue
            amount = Decimal(match.group(1).replace(",", "")) * _SCALE[(match.group(2) or "").lower() or None]
            usd = amount if currency == "USD" else None
            facts.append(Money(ent.text, ent.start_char, ent.end_char, amount=amount, currency=currency,
                               usd=usd, usd_basis="identity" if usd is not None else None))
        add_facts(doc, facts)
        return doc


@Language.factory("newsfacts_money")
def make_money(nlp: Language, name: str) -> MoneyRecognizer:
    return MoneyRecognizer(name)
