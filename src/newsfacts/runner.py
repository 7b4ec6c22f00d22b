"""Run the pipeline over documents and shape the results like gold files.

The CLI, the grader, the Dask runner and the benchmark all go through here, so a
result is the same whichever way it was produced. Documents stream through
``nlp.pipe`` in batches (memory stays bounded); an article longer than
``max_chars`` is cut at paragraph breaks into chunks whose fact offsets are shifted
back onto the whole text; a document that makes the pipeline fail is reported and
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

CHUNK_CHARS = 100_000
DEFAULT_BATCH_SIZE = 64


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
    [(0, 'aaa\\n\\n'), (5, 'bbb\\n\\n'), (10, 'ccc')]
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


def _units(document: Document, max_chars: int) -> list[tuple[int, str, PublishedLike, str | None]]:
    """(offset, text, published, basis) pieces of one document."""
    if len(document.text) <= max_chars:
        return [(0, document.text, document.published, None)]
    published, basis = document.published, None
    if published is None:
        found = detect_published(document.text)
        published, basis = (found, "dateline") if found else (None, None)
    return [(offset, chunk, published, basis) for offset, chunk in split_text(document.text, max_chars)]


def _process_batch(nlp: Language, batch: list[tuple[Document, list[tuple]]], n_process: int) -> Iterator[Result]:
    units = [(document, unit) for document, pieces in batch for unit in pieces]
    try:
        docs = [make_doc(nlp, text, published) for _, (_, text, published, _) in units]
        processed = list(nlp.pipe(docs, batch_size=len(docs), n_process=n_process))
    except Exception as err:  # one bad document must not sink its batch: retry one by one
        if len(batch) == 1:
            logger.debug("document %s failed", batch[0][0].id, exc_info=True)
            yield Result(batch[0][0], error=f"{type(err).__name__}: {err}")
            return
        for single in batch:
            yield from _process_batch(nlp, [single], 1)
        return
    queue = deque(zip(units, processed))
    for document, pieces in batch:
        facts: list[dict[str, Any]] = []
        first: dict[str, Any] | None = None
        for _ in pieces:
            (_, (offset, _, _, basis)), doc = queue.popleft()
            record = doc_result(document.id, doc)
            if basis and record["published_basis"] == "given":
                record["published_basis"] = basis
            first = first or record
            facts.extend(_shift(record, offset))
        yield Result(document, record={**first, "facts": facts})


def run(
    nlp: Language,
    documents: Iterable[Document],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    max_chars: int = CHUNK_CHARS,
) -> Iterator[Result]:
    """Results for documents in input order, streaming in batches of ``batch_size``."""
    batch: list[tuple[Document, list[tuple]]] = []
    for document in documents:
        try:
            parse_published(document.published)
        except ValueError as err:
            yield Result(document, error=str(err))
            continue
        batch.append((document, _units(document, max_chars)))
        if len(batch) >= batch_size:
            yield from _process_batch(nlp, batch, n_process)
            batch = []
    if batch:
        yield from _process_batch(nlp, batch, n_process)


def extract_documents(
    nlp: Language,
    documents: Iterable[Document],
    *,
    batch_size: int | None = None,
    n_process: int = 1,
) -> Iterator[tuple[Document, dict[str, Any]]]:
    """(document, record) for every document that processed, in input order."""
    for result in run(nlp, documents, batch_size=batch_size or DEFAULT_BATCH_SIZE, n_process=n_process):
        if result.record is not None:
            yield result.document, result.record
        else:
            logger.warning("%s: %s", result.document.id, result.error)
