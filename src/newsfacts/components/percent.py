"""``newsfacts_percent``: percentages (placeholder on the base NER's PERCENT spans)."""

from __future__ import annotations

import re
from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import add_facts, register_extensions
from ..facts import Percent

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


class PercentRecognizer:
    def __init__(self, name: str = "newsfacts_percent") -> None:
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        facts = []
        for ent in doc.ents:
            match = _NUMBER.search(ent.text) if ent.label_ == "PERCENT" else None
            if match:
                unit = "percentage_point" if "point" in ent.text else "percent"
                facts.append(Percent(ent.text, ent.start_char, ent.end_char, value=Decimal(match.group()), unit=unit))
        add_facts(doc, facts)
        return doc


@Language.factory("newsfacts_percent")
def make_percent(nlp: Language, name: str) -> PercentRecognizer:
    return PercentRecognizer(name)
