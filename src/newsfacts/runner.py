"""Run the pipeline over documents and shape the results like gold files.

The CLI, the Python API, the grader, the Dask runner and the benchmarks all go through
here, so a result is the same whichever way it was produced. Documents stream through
the pipeline in batches (memory stays bounded); an article longer than
``LONG_DOCUMENT_CHARS`` is cut at paragraph breaks into article-sized chunks whose fact
offsets are shifted back onto the whole text, so the cost of a text is linear in its
length; a run of more than ``MAX_RUN_CHARS`` characters without a space is never a fact
and is left out. A fact type that fails on a document (an exception, or the time budget running
out) is reported with that document's other facts kept; nothing one document does
stops the others. With several processes, the workers are our own: they ignore Ctrl-C
(the parent stops them), and exit when the parent dies.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .components.base import DEFAULT_TIME_LIMIT
from .normalise.refdate import detect_published
from .pipeline import LONG_RUN, PublishedLike, clean_text, make_doc, parse_published

logger = logging.getLogger("newsfacts")

LONG_DOCUMENT_CHARS = 20_000  # longer articles are processed in pieces …
CHUNK_CHARS = 10_000  # … of news-article size, so no component ever sees more (its cost may grow faster than length)
DEFAULT_BATCH_SIZE = 16  # larger batches buy little speed and cost memory (bench/README.md)
WORKER_DIED = "a worker process died while processing it (out of memory?)"


@dataclass(frozen=True)
class Document:
    """One article to process: an identifier (file name or corpus id), its text, its reference
    date, and where that date came from when not from the caller (e.g. ``html_metadata``)."""

    id: str
    text: str
    published: PublishedLike = None
    published_basis: str | None = None


@dataclass(frozen=True)
class Result:
    """What became of one document: its gold-shaped record, and what went wrong.

    ``record`` is ``None`` when the document failed as a whole; when it is set together
    with ``error``, the document is ``partial``: some fact types failed, the rest are there.
    """

    document: Document
    record: dict[str, Any] | None = None
    error: str | None = None

    @property
    def partial(self) -> bool:
        return self.record is not None and self.error is not None


def doc_result(doc_id: str, doc: Doc) -> dict[str, Any]:
    """A processed Doc as a gold-file-shaped dict: ``doc``, ``published``, ``published_basis``, ``facts``."""
    return {
        "doc": doc_id,
        "published": doc._.published,
        "published_basis": doc._.published_basis if doc._.published else None,
        "facts": [fact.to_dict() for fact in doc._.facts],
    }


def split_text(text: str, max_chars: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, chunk) pieces of at most ``max_chars``, cut at paragraph or line breaks.
    Where a window has no line break at all (not prose laid out in paragraphs), the piece
    is a quarter as long, cut after a sentence or at a space (anywhere, when it has none).

    >>> split_text("aaa\\n\\nbbb\\n\\nccc", 8)
    [(0, 'aaa\\n\\n'), (5, 'bbb\\n\\nccc')]
    >>> split_text("Aa. Bb. Cc. Dd. Ee.", 16)
    [(0, 'Aa. '), (4, 'Bb. Cc. Dd. Ee.')]
    """
    pieces, start = [], 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        cut = window.rfind("\n")
        if cut <= 0:
            window = window[: max(max_chars // 4, 1)]
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
            cut = cut + 1 if cut > 0 else window.rfind(" ")
        end = start + (cut + 1 if cut > 0 else len(window))
        pieces.append((start, text[start:end]))
        start = end
    pieces.append((start, text[start:]))
    return pieces


def _prose(text: str) -> list[tuple[int, str]]:
    """(offset, segment) pieces of ``text`` between runs of more than ``MAX_RUN_CHARS``
    characters without a space, which hold no fact (digit strings, URLs, markup debris)
    and are left out: no component then scans them.

    >>> _prose("Up 5%. " + "7" * 200 + " yuan")
    [(0, 'Up 5%. '), (207, ' yuan')]
    """
    pieces, start = [], 0
    for run in LONG_RUN.finditer(text):
        pieces.append((start, text[start : run.start()]))
        start = run.end()
    pieces.append((start, text[start:]))
    return [(offset, piece) for offset, piece in pieces if piece.strip()]


def _shift(record: dict[str, Any], offset: int) -> list[dict[str, Any]]:
    return [{**fact, "start": fact["start"] + offset, "end": fact["end"] + offset} for fact in record["facts"]]


def _units(document: Document, long_chars: int, chunk_chars: int) -> list[tuple[int, str, PublishedLike, str | None]]:
    """(offset, text, published, basis) pieces of one document: itself, or its prose
    segments, cut into chunks when it is long."""
    text, published = document.text, document.published
    basis = document.published_basis if published is not None else None  # e.g. html_metadata
    if len(text) <= long_chars and not LONG_RUN.search(text):
        return [(0, text, published, basis)]
    if published is None:
        found = detect_published(text)
        published, basis = (found, "dateline") if found else (None, None)
    pieces = [(offset + o, chunk) for offset, segment in _prose(text)
              for o, chunk in (split_text(segment, chunk_chars) if len(text) > long_chars else [(0, segment)])]
    return [(offset, chunk, published, basis) for offset, chunk in pieces or [(0, "")]]


class _Assembly:
    """Collects the processed chunks of one document into its record."""

    def __init__(self, document: Document, pieces: int) -> None:
        self.document, self.left = document, pieces
        self.record: dict[str, Any] | None = None
        self.errors: list[str] = []
        self.fatal: str | None = None

    def add(self, output: tuple[dict[str, Any], list[str]] | None, offset: int, basis: str | None) -> None:
        self.left -= 1
        if output is None:
            self.fatal = WORKER_DIED
            return
        record, errors = output
        if basis and record["published_basis"] == "given":
            record["published_basis"] = basis
        if self.record is None:
            self.record = {**record, "doc": self.document.id, "facts": []}
        self.record["facts"].extend(_shift(record, offset))
        self.errors.extend(errors)

    def result(self) -> Result:
        if self.fatal:
            return Result(self.document, error=self.fatal)
        return Result(self.document, record=self.record, error="; ".join(dict.fromkeys(self.errors)) or None)


@dataclass(frozen=True)
class _Unit:
    assembly: _Assembly
    offset: int
    text: str
    published: PublishedLike
    basis: str | None


def process_texts(nlp: Language, items: list[tuple[str, PublishedLike]],
                  time_limit: float | None = DEFAULT_TIME_LIMIT) -> list[tuple[dict[str, Any], list[str]]]:
    """(record, errors) for each ``(text, published)`` piece, through one ``nlp.pipe`` batch."""
    docs = [make_doc(nlp, text, published, time_limit) for text, published in items]
    return [(doc_result("", doc), list(doc._.errors or [])) for doc in nlp.pipe(docs, batch_size=max(len(docs), 1))]


_WORKER_NLP: Language | None = None


def _start_worker(nlp: Language, parent: int) -> None:
    """Worker set-up: keep the pipeline, leave Ctrl-C to the parent, die with the parent."""
    global _WORKER_NLP
    _WORKER_NLP = nlp
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def _stop_signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while workers are forked: a worker must not see them before
    it has set itself up to ignore them (the parent gets them right after)."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _work(items: list[tuple[str, PublishedLike]], time_limit: float | None) -> list[tuple[dict[str, Any], list[str]]]:
    assert _WORKER_NLP is not None
    return process_texts(_WORKER_NLP, items, time_limit)


def _stop(executor: ProcessPoolExecutor) -> None:
    """Stop the workers now (the queued work is dropped)."""
    processes = list((getattr(executor, "_processes", None) or {}).values())  # no public way to kill them
    for process in processes:
        if process.is_alive():
            process.terminate()
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=5)


def _in_parallel(nlp: Language, batches: Iterator[list[_Unit]], n_process: int,
                 time_limit: float | None) -> Iterator[tuple[list[_Unit], list[Any]]]:
    """Batches processed by ``n_process`` workers, in order, at most two batches per worker queued."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")

    def start() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(n_process, mp_context=context, initializer=_start_worker, initargs=(nlp, os.getpid()))

    def submit(batch: list[_Unit]) -> Future:
        with _stop_signals_held():  # workers are forked on demand, inside submit
            return executor.submit(_work, [(u.text, u.published) for u in batch], time_limit)

    executor = start()
    in_flight: deque[tuple[list[_Unit], Future]] = deque()

    def take() -> tuple[list[_Unit], list[Any]]:
        """The next batch's outputs. When a worker dies, which batch killed it is unknown:
        the oldest is tried again alone and blamed only if it kills a worker again; the
        others are then sent again."""
        nonlocal executor
        batch, future = in_flight.popleft()
        try:
            return batch, future.result()
        except BrokenProcessPool:
            logger.warning("a worker process died; restarting the workers")
        _stop(executor)
        executor = start()
        try:
            outputs = submit(batch).result()
        except BrokenProcessPool:
            _stop(executor)
            executor = start()
            outputs = [None] * len(batch)
        for i, (other, _) in enumerate(in_flight):
            in_flight[i] = (other, submit(other))
        return batch, outputs

    try:
        for batch in batches:
            in_flight.append((batch, submit(batch)))
            if len(in_flight) >= 2 * n_process:
                yield take()
        while in_flight:
            yield take()
    finally:
        _stop(executor)


def run(
    nlp: Language,
    documents: Iterable[Document],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    long_document_chars: int = LONG_DOCUMENT_CHARS,
    chunk_chars: int = CHUNK_CHARS,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> Iterator[Result]:
    """Results for documents in input order.

    Pieces of ``batch_size`` Docs go through the pipeline together, in this process or
    in ``n_process`` worker processes; each Doc is reduced to its record as soon as it
    comes out. ``time_limit`` (seconds, ``None`` for none) bounds the newsfacts
    components on each piece of text; a fact type that fails or runs out of time is
    reported in the document's ``error`` with the other facts kept. A document with a bad
    reference date fails before the pipeline. Text and id have lone surrogates replaced
    (offsets unchanged), so every record can be written.
    """
    pending: deque[_Assembly | Result] = deque()

    def units() -> Iterator[_Unit]:
        for document in documents:
            document = Document(clean_text(str(document.id)), clean_text(document.text), document.published,
                                document.published_basis)
            try:
                parse_published(document.published)
            except ValueError as err:
                pending.append(Result(document, error=str(err)))
                continue
            pieces = _units(document, long_document_chars, chunk_chars)
            assembly = _Assembly(document, len(pieces))
            pending.append(assembly)
            for offset, text, published, basis in pieces:
                yield _Unit(assembly, offset, text, published, basis)

    def finished() -> Iterator[Result]:
        while pending and (isinstance(pending[0], Result) or pending[0].left == 0):
            head = pending.popleft()
            yield head if isinstance(head, Result) else head.result()

    feed = units()
    batches = iter(lambda: list(islice(feed, batch_size)), [])
    if n_process > 1:
        processed = _in_parallel(nlp, batches, n_process, time_limit)
    else:
        processed = ((batch, process_texts(nlp, [(u.text, u.published) for u in batch], time_limit)) for batch in batches)
    for batch, outputs in processed:
        for unit, output in zip(batch, outputs):
            unit.assembly.add(output, unit.offset, unit.basis)
        yield from finished()
    yield from finished()
