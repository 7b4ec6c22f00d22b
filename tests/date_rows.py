"""Shared readers for the table-driven date tests: what the grammar finds for a text, and
what the whole pipeline outputs for it, as comparable tuples."""

from __future__ import annotations

import datetime as dt

import newsfacts
from newsfacts.normalise.dates import Tense, find_dates


def grammar_dates(text: str, ref: str, tense: Tense, granularity: bool = True) -> list[tuple[str, ...]]:
    """(span, start, end[, granularity]) of every date ``find_dates`` resolves with one tense."""
    found = find_dates(text, dt.date.fromisoformat(ref), lambda _: tense)
    return [(text[m.start:m.end], str(m.date_start), str(m.date_end), *((m.granularity,) if granularity else ()))
            for m in found]


def pipeline_dates(nlp, text: str, published: str) -> list[tuple[str, str, str]]:
    """(span, start, end) of every date fact the full pipeline gives."""
    doc = nlp(newsfacts.make_doc(nlp, text, published))
    return [(f.text, str(f.date_start), str(f.date_end)) for f in doc._.facts if f.type == "date"]
