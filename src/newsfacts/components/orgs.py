"""``newsfacts_org``: organisations (placeholder on the base NER's ORG spans)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import add_facts, claimed_ranges, overlaps, register_extensions
from ..facts import Org


class OrgRecognizer:
    def __init__(self, name: str = "newsfacts_org") -> None:
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        taken = claimed_ranges(doc)
        facts = [
            Org(ent.text, ent.start_char, ent.end_char, name=ent.text, canonical=ent.text)
            for ent in doc.ents
            if ent.label_ == "ORG" and not overlaps(ent.start_char, ent.end_char, taken)
        ]
        add_facts(doc, facts)
        return doc


@Language.factory("newsfacts_org")
def make_org(nlp: Language, name: str) -> OrgRecognizer:
    return OrgRecognizer(name)
