"""``newsfacts_date``: calendar dates (placeholder on the base NER's DATE spans, years only)."""

from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import add_facts, claimed_ranges, overlaps, register_extensions
from ..facts import Date

_YEAR = re.compile(r"^(?:19|20)\d\d$")


class DateRecognizer:
    def __init__(self, name: str = "newsfacts_date") -> None:
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        taken = claimed_ranges(doc)
        facts = []
        for ent in doc.ents:
            if ent.label_ != "DATE" or overlaps(ent.start_char, ent.end_char, taken):
                continue
            start, end = None, None
            if _YEAR.match(ent.text):
                year = int(ent.text)
                start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
            facts.append(Date(ent.text, ent.start_char, ent.end_char, date_start=start, date_end=end, granularity="year"))
        add_facts(doc, facts)
        return doc


@Language.factory("newsfacts_date")
def make_date(nlp: Language, name: str) -> DateRecognizer:
    return DateRecognizer(name)
