"""What each money and percent figure is about (gold spec, "Links"), one module per question.

- ``context``: the document as the decisions read it (sentence units, where organisations are);
- ``change``: which way a percentage moves and against what (``change``, ``basis``);
- ``period``: which date fact dates a figure;
- ``subject``: whose figure it is;

``link_figures`` runs them over one document's records. Every cue list is data
(``models/data/link_cues.json``, compiled by ``cues``). Weak evidence leaves a field
null: a wrong link is worse than none. An amount's stated equivalent
(``equivalent_of``, set by the money component) shares its amount's links.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .change import basis, change
from .context import DocContext
from .cues import LinkCues
from .period import is_comparison_figure, owns, period
from .subject import subject

FIGURES = ("money", "percent")

__all__ = ["FIGURES", "LinkCues", "link_figures"]


def link_figures(cues: LinkCues, doc: Doc, records: list[dict[str, Any]]) -> None:
    """Set the link fields of every money and percent record of ``doc`` (in place)."""
    ctx = DocContext(cues, doc, records)
    dates = [(r, s) for r in records if r["type"] == "date" for s in [ctx.span(r)] if s is not None]
    figures = [(r, s) for r in records if r["type"] in FIGURES for s in [ctx.span(r)] if s is not None]
    basis_of = basis(ctx, figures)
    compared = {r["start"] for r, s in figures if is_comparison_figure(ctx, s)}
    owned = {d["start"]: r["start"] for r, _ in figures for d, _ in dates if owns(ctx, r, d, r["start"] in compared)}
    for record, span in figures:
        mine = [(d, s) for d, s in dates if owned.get(d["start"], record["start"]) == record["start"]]
        if record["start"] in compared:  # "fell to $5 million from $7 million": only its own date
            mine = [(d, s) for d, s in mine if d["start"] in owned]
        record["period"] = period(ctx, span, mine)
        record["subject"] = subject(ctx, span)
        if record["type"] == "percent":
            record["change"] = record.get("change") or change(ctx, span)
            record["basis"] = basis_of.get(record["start"]) if record["change"] else None
    by_start = {r["start"]: r for r, _ in figures if r["type"] == "money"}
    for record, _ in figures:
        primary = by_start.get(record.get("equivalent_of")) if record["type"] == "money" else None
        if primary is not None and primary is not record:
            record["period"], record["subject"] = primary["period"], primary["subject"]
