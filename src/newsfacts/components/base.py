"""What every newsfacts component shares: a failure in one document is recorded on that
document (``doc._.errors``) instead of stopping the stream, so a batch — also one
split over several processes — keeps its order and loses nothing else."""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from ..extensions import register_extensions

logger = logging.getLogger("newsfacts")


class FactComponent:
    """Base of the newsfacts components: subclasses implement ``process``."""

    name: str

    def __init__(self, name: str) -> None:
        self.name = name
        register_extensions()

    def process(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self.process(doc)
        except Exception as err:  # recorded on the doc; the runner reports the document as failed
            logger.debug("%s failed on a document", self.name, exc_info=True)
            doc._.errors = [*(doc._.errors or []), f"{self.name}: {type(err).__name__}: {err}"]
            return doc
