"""Run the pipeline over documents and shape the results like gold files.

The CLI, the grader and the batch runners all go through here, so that a result is
the same object whichever way it was produced.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .pipeline import PublishedLike, pipe_docs


@dataclass(frozen=True)
class Document:
    """One article to process: an identifier (file name or corpus id), its text, its reference date."""

    id: str
    text: str
    published: PublishedLike = None


def doc_result(doc_id: str, doc: Doc) -> dict[str, Any]:
    """A processed Doc as a gold-file-shaped dict: ``doc``, ``published``, ``published_basis``, ``facts``."""
    return {
        "doc": doc_id,
        "published": doc._.published,
        "published_basis": doc._.published_basis if doc._.published else None,
        "facts": [fact.to_dict() for fact in doc._.facts],
    }


def extract_documents(
    nlp: Language,
    documents: Iterable[Document],
    *,
    batch_size: int | None = None,
    n_process: int = 1,
) -> Iterator[tuple[Document, Doc]]:
    """Process documents in batches, yielding each with its Doc, in input order."""
    buffered: deque[Document] = deque()

    def items() -> Iterator[tuple[str, PublishedLike]]:
        for document in documents:
            buffered.append(document)
            yield document.text, document.published

    for doc in pipe_docs(nlp, items(), batch_size=batch_size, n_process=n_process):
        yield buffered.popleft(), doc
