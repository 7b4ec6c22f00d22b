"""The ``Doc`` attributes newsfacts reads and writes, and helpers the components share.

Facts are stored on the Doc as plain dicts (``doc._.fact_records``) so that they
survive ``DocBin`` and ``nlp.pipe(n_process=...)``; ``doc._.facts`` turns them into
typed dataclasses on demand. Every fact also becomes a span in the
``doc.spans["newsfacts"]`` group, labelled with its type, for displaCy and for
users who prefer spans.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from spacy.tokens import Doc

from .facts import AnyFact, Fact

SPANS_KEY = "newsfacts"


def _facts_getter(doc: Doc) -> list[AnyFact]:
    records = doc._.fact_records or []
    facts = [Fact.from_dict(record) for record in records]
    return sorted(facts, key=lambda f: (f.start, f.end))


def register_extensions() -> None:
    """Declare the Doc attributes once per process (idempotent)."""
    for name in ("published", "published_basis", "fact_records", "org_clusters", "errors"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("facts"):
        Doc.set_extension("facts", getter=_facts_getter)


register_extensions()


def reference_date(doc: Doc) -> dt.date | None:
    """The article's reference date (``doc._.published``, an ISO string) as a date."""
    value = doc._.published
    if not value:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def claimed_ranges(doc: Doc, types: Iterable[str] | None = None) -> list[tuple[int, int]]:
    """Character ranges already taken by facts (optionally only of some types)."""
    wanted = set(types) if types is not None else None
    return [
        (r["start"], r["end"])
        for r in (doc._.fact_records or [])
        if wanted is None or r["type"] in wanted
    ]


def overlaps(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    """True when ``[start, end)`` shares at least one character with any range."""
    return any(start < r_end and r_start < end for r_start, r_end in ranges)


TEXT_KEY = "newsfacts_text"


def document_text(doc: Doc) -> str:
    """The doc's text, joined once per document and kept in ``doc.user_data``:
    ``Doc.text`` re-joins every token on each access, and every component needs it."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def add_facts(doc: Doc, facts: Iterable[Fact]) -> None:
    """Store facts on the doc, as records and as labelled spans."""
    records = list(doc._.fact_records or [])
    group = doc.spans.get(SPANS_KEY)
    spans = list(group) if group is not None else []
    text = document_text(doc)
    for fact in facts:
        if text[fact.start : fact.end] != fact.text:
            raise ValueError(f"fact text {fact.text!r} does not match the doc at {fact.start}:{fact.end}")
        records.append(fact.to_dict())
        span = doc.char_span(fact.start, fact.end, label=fact.type, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc._.fact_records = records
    doc.spans[SPANS_KEY] = spans
