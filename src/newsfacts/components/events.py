"""``newsfacts_event``: named events (placeholder on the base NER's EVENT spans)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import add_facts, claimed_ranges, overlaps, register_extensions
from ..facts import Event


class EventRecognizer:
    def __init__(self, name: str = "newsfacts_event") -> None:
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        taken = claimed_ranges(doc)
        facts = [
            Event(ent.text, ent.start_char, ent.end_char, name=ent.text)
            for ent in doc.ents
            if ent.label_ == "EVENT" and not overlaps(ent.start_char, ent.end_char, taken)
        ]
        add_facts(doc, facts)
        return doc


@Language.factory("newsfacts_event")
def make_event(nlp: Language, name: str) -> EventRecognizer:
    return EventRecognizer(name)
