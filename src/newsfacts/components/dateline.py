"""``newsfacts_dateline``: settles the reference date every relative value resolves against."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import document_text
from ..normalise.refdate import detect_published
from .base import FactComponent


class DatelineDetector(FactComponent):
    """Keeps a reference date given by the caller; otherwise reads it from the header."""

    def __init__(self, name: str = "newsfacts_dateline") -> None:
        super().__init__(name)

    def process(self, doc: Doc) -> Doc:
        if doc._.published:
            doc._.published_basis = doc._.published_basis or "given"
            return doc
        found = detect_published(document_text(doc))
        if found is not None:
            doc._.published = found.isoformat()
            doc._.published_basis = "dateline"
        return doc


@Language.factory("newsfacts_dateline")
def make_dateline(nlp: Language, name: str) -> DatelineDetector:
    return DatelineDetector(name)
