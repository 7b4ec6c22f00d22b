"""Run the pipeline over documents and shape the results like gold files.

The CLI, the grader, the Dask runner and the benchmark all go through here, so a
result is the same whichever way it was produced. Documents stream through
``nlp.pipe`` in batches (memory stays bounded); an article longer than
100,000 characters is cut at paragraph breaks into article-sized chunks whose fact
offsets are shifted back onto the whole text; a document that makes the pipeline fail is reported and
skipped without losing the rest of its batch.
"""

from __future__ import annotations

import logging
import re
from collections import deque
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .normalise.refdate import detect_published
from .pipeline import PublishedLike, make_doc, parse_published

logger = logging.getLogger("newsfacts")

LONG_DOCUMENT_CHARS = 100_000  # longer articles are processed in pieces …
CHUNK_CHARS = 10_000  # … of news-article size: the parser's memory grows with the tokens in a batch
DEFAULT_BATCH_SIZE = 16  # larger batches buy little speed and cost memory (bench/README.md)


@dataclass(frozen=True)
class Document:
    """One article to process: an identifier (file name or corpus id), its text, its reference date."""

    id: str
    text: str
    published: PublishedLike = None


@dataclass(frozen=True)
class Result:
    """What became of one document: its gold-shaped record, or the reason it failed."""

    document: Document
    record: dict[str, Any] | None = None
    error: str | None = None


def doc_result(doc_id: str, doc: Doc) -> dict[str, Any]:
    """A processed Doc as a gold-file-shaped dict: ``doc``, ``published``, ``published_basis``, ``facts``."""
    return {
        "doc": doc_id,
        "published": doc._.published,
        "published_basis": doc._.published_basis if doc._.published else None,
        "facts": [fact.to_dict() for fact in doc._.facts],
    }


def split_text(text: str, max_chars: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, chunk) pieces of at most ``max_chars``, cut at paragraph or line breaks
    (at a space, or anywhere, only when a piece has none).

    >>> split_text("aaa\\n\\nbbb\\n\\nccc", 8)
    [(0, 'aaa\\n\\n'), (5, 'bbb\\n\\nccc')]
    """
    pieces, start = [], 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut <= 0:
            cut = window.rfind(" ")
        end = start + (cut + 1 if cut > 0 else max_chars)
        pieces.append((start, text[start:end]))
        start = end
    pieces.append((start, text[start:]))
    return pieces


def _shift(record: dict[str, Any], offset: int) -> list[dict[str, Any]]:
    return [{**fact, "start": fact["start"] + offset, "end": fact["end"] + offset} for fact in record["facts"]]


def _units(document: Document, long_chars: int, chunk_chars: int) -> list[tuple[int, str, PublishedLike, str | None]]:
    """(offset, text, published, basis) pieces of one document: itself, or chunks when it is long."""
    if len(document.text) <= long_chars:
        return [(0, document.text, document.published, None)]
    published, basis = document.published, None
    if published is None:
        found = detect_published(document.text)
        published, basis = (found, "dateline") if found else (None, None)
    return [(offset, chunk, published, basis) for offset, chunk in split_text(document.text, chunk_chars)]


class _Assembly:
    """Collects the chunk Docs of one document into its record."""

    def __init__(self, document: Document, pieces: int) -> None:
        self.document, self.left = document, pieces
        self.record: dict[str, Any] | None = None
        self.errors: list[str] = []

    def add(self, doc: Doc, offset: int, basis: str | None) -> None:
        record = doc_result(self.document.id, doc)
        if basis and record["published_basis"] == "given":
            record["published_basis"] = basis
        if self.record is None:
            self.record = {**record, "facts": []}
        self.record["facts"].extend(_shift(record, offset))
        self.errors.extend(doc._.errors or [])
        self.left -= 1

    def result(self) -> Result:
        if self.errors:
            return Result(self.document, error="; ".join(self.errors))
        return Result(self.document, record=self.record)


def run(
    nlp: Language,
    documents: Iterable[Document],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    long_document_chars: int = LONG_DOCUMENT_CHARS,
    chunk_chars: int = CHUNK_CHARS,
) -> Iterator[Result]:
    """Results for documents in input order.

    Everything streams through one ``nlp.pipe`` call (so ``n_process`` workers start
    once), a batch of ``batch_size`` Docs at a time; each Doc is reduced to its record as
    soon as it comes out. A component failure is recorded on its Doc and reported as that
    document's error; a document with a bad reference date fails before the pipeline.
    """
    pending: deque[_Assembly | Result] = deque()

    def units() -> Iterator[tuple[_Assembly, int, str, PublishedLike, str | None]]:
        for document in documents:
            try:
                parse_published(document.published)
            except ValueError as err:
                pending.append(Result(document, error=str(err)))
                continue
            pieces = _units(document, long_document_chars, chunk_chars)
            assembly = _Assembly(document, len(pieces))
            pending.append(assembly)
            for offset, text, published, basis in pieces:
                yield assembly, offset, text, published, basis

    feed = units()
    meta: deque[tuple[_Assembly, int, str | None]] = deque()

    def docs() -> Iterator[Doc]:
        for assembly, offset, text, published, basis in feed:
            meta.append((assembly, offset, basis))
            yield make_doc(nlp, text, published)

    def finished() -> Iterator[Result]:
        while pending and (isinstance(pending[0], Result) or pending[0].left == 0):
            head = pending.popleft()
            yield head if isinstance(head, Result) else head.result()

    for doc in nlp.pipe(docs(), batch_size=batch_size, n_process=n_process):
        assembly, offset, basis = meta.popleft()
        assembly.add(doc, offset, basis)
        yield from finished()
    yield from finished()
