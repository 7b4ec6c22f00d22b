"""newsfacts: typed, normalised facts from English news articles.

>>> import newsfacts
>>> facts = newsfacts.extract("Sales rose 5 percent to $3 billion in 2022.", published="2023-01-10")
>>> [(f.type, f.text) for f in facts]  # doctest: +SKIP
[('percent', '5 percent'), ('money', '$3 billion'), ('date', '2022')]
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Iterable, Iterator

from .facts import FACT_TYPES, AnyFact, Date, Event, Fact, Money, Org, Percent
from .pipeline import PublishedLike, build, load, make_doc, pipe_docs

try:
    __version__ = version("newsfacts")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"


def extract(text: str, published: PublishedLike = None) -> list[AnyFact]:
    """The facts of one article, in text order.

    ``published`` (date, datetime or ISO string) is the reference date for relative
    dates and currency conversion; when omitted it is read from the article's header.
    """
    nlp = load()
    return nlp(make_doc(nlp, text, published))._.facts


def extract_record(text: str, published: PublishedLike = None, doc_id: str = "-") -> dict:
    """One article as a gold-file-shaped dict: ``doc``, ``published``, ``published_basis``, ``facts``.

    Unlike ``extract`` it also says which reference date was used and where it came
    from (``"given"``, ``"dateline"``, or ``None`` when none was found).
    """
    from .runner import doc_result

    nlp = load()
    return doc_result(doc_id, nlp(make_doc(nlp, text, published)))


def extract_many(
    texts: Iterable[str | tuple[str, PublishedLike]],
    *,
    batch_size: int | None = None,
    n_process: int = 1,
) -> Iterator[list[AnyFact]]:
    """Facts for many articles, streamed through ``nlp.pipe`` in input order.

    Each item is a text or a ``(text, published)`` pair.
    """
    items = (item if isinstance(item, tuple) else (item, None) for item in texts)
    for doc in pipe_docs(load(), items, batch_size=batch_size, n_process=n_process):
        yield doc._.facts


__all__ = [
    "FACT_TYPES",
    "AnyFact",
    "Date",
    "Event",
    "Fact",
    "Money",
    "Org",
    "Percent",
    "__version__",
    "build",
    "extract",
    "extract_many",
    "extract_record",
    "load",
]
