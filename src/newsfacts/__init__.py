"""newsfacts: typed, normalised facts from English news articles.

>>> import newsfacts
>>> facts = newsfacts.extract("Sales rose 5 percent to $3 billion in 2022.", published="2023-01-10")
>>> [(f.type, f.text) for f in facts]  # doctest: +SKIP
[('percent', '5 percent'), ('money', '$3 billion'), ('date', '2022')]
"""

from __future__ import annotations

import warnings
from importlib.metadata import PackageNotFoundError, version
from typing import Any, Iterable, Iterator

from spacy.language import Language

from . import pipeline as _pipeline
from .facts import FACT_TYPES, AnyFact, Date, Event, Fact, Money, Org, Percent
from .render import displacy
from .tables import figures, to_frame, usd_total
from .pipeline import PublishedLike, build, make_doc

try:
    __version__ = version("newsfacts")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"


def _names(value: str | Iterable[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def load(
    model: str | None = None,
    *,
    vocab: Any = True,
    disable: str | Iterable[str] = (),
    enable: str | Iterable[str] = (),
    exclude: str | Iterable[str] = (),
    config: dict[str, Any] | None = None,
) -> Language:
    """The newsfacts pipeline, built once per process (and per base ``model``) and shared.

    This is also what ``spacy.load("newsfacts", ...)`` calls, as for spaCy's model
    packages: ``disable``, ``enable`` and ``exclude`` name components as there, and then
    give a fresh pipeline (the shared one is never changed). Config overrides and a
    shared ``vocab`` are not supported (``newsfacts.build`` makes a pipeline to change).
    """
    if vocab is not True or config:
        raise ValueError("newsfacts.load takes no vocab or config overrides: build a pipeline with newsfacts.build")
    disable, enable, exclude = _names(disable), _names(enable), _names(exclude)
    if not (disable or enable or exclude):
        return _pipeline.load(model)
    nlp = build(exclude=exclude, model=model)
    for name in nlp.pipe_names:
        if name in disable or (enable and name not in enable):
            nlp.disable_pipe(name)
    return nlp


class ExtractionWarning(UserWarning):
    """Some fact types failed on an article (or ran out of time); the other facts are returned."""


def _records(items: Iterable[tuple[str, PublishedLike, str]], batch_size: int | None, n_process: int) -> Iterator[dict]:
    """Gold-shaped records through the runner (chunked like the CLI); failures become warnings."""
    from .runner import DEFAULT_BATCH_SIZE, Document, run

    documents = (Document(doc_id, text, published) for text, published, doc_id in items)
    for result in run(load(), documents, batch_size=batch_size or DEFAULT_BATCH_SIZE, n_process=n_process):
        if result.record is None:
            raise RuntimeError(f"newsfacts could not process {result.document.id!r}: {result.error}")
        if result.error:
            warnings.warn(f"{result.document.id}: {result.error}", ExtractionWarning, stacklevel=3)
        yield result.record


def extract(text: str, published: PublishedLike = None) -> list[AnyFact]:
    """The facts of one article of any length, in text order.

    ``published`` (date, datetime or ISO string) is the reference date for relative
    dates and currency conversion; when omitted it is read from the article's header.
    A fact type that fails on the text is left out with an ``ExtractionWarning``.
    """
    return [Fact.from_dict(fact) for fact in extract_record(text, published)["facts"]]


def extract_record(text: str, published: PublishedLike = None, doc_id: str = "-") -> dict:
    """One article as a gold-file-shaped dict: ``doc``, ``published``, ``published_basis``, ``facts``.

    Unlike ``extract`` it also says which reference date was used and where it came
    from (``"given"``, ``"dateline"``, or ``None`` when none was found).
    """
    from .pipeline import parse_published

    parse_published(published)  # a bad reference date is the caller's error: ValueError
    return next(_records([(text, published, doc_id)], None, 1))


def extract_many(
    texts: Iterable[str | tuple[str, PublishedLike]],
    *,
    batch_size: int | None = None,
    n_process: int = 1,
) -> Iterator[list[AnyFact]]:
    """Facts for many articles, streamed in batches in input order.

    Each item is a text or a ``(text, published)`` pair.
    """
    items = ((item if isinstance(item, tuple) else (item, None)) + (str(i),) for i, item in enumerate(texts))
    for record in _records(items, batch_size, n_process):
        yield [Fact.from_dict(fact) for fact in record["facts"]]


__all__ = [
    "FACT_TYPES",
    "AnyFact",
    "Date",
    "Event",
    "ExtractionWarning",
    "Fact",
    "Money",
    "Org",
    "Percent",
    "__version__",
    "build",
    "displacy",
    "extract",
    "extract_many",
    "extract_record",
    "figures",
    "load",
    "to_frame",
    "usd_total",
    "make_doc",
]
