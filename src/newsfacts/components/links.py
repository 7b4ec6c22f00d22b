"""``newsfacts_links``: what each money and percent figure is about (gold spec, "Links").

Runs after the fact components and reads only their records (offsets, the org facts'
``canonical``) and the base model's parse; the decisions live in ``newsfacts.links``,
one module per question. The cue tables (``link_cues.json``) are saved with the
pipeline like every other table.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..links import FIGURES, LinkCues, MetricCues, link_figures
from ..normalise.org_coref import fold
from ..resources import TableComponent, read_json, read_jsonl

SOURCE_KINDS = ("government", "media", "research", "international")
"""Gazetteer kinds of organisations that report others' figures rather than own them."""
from .base import FactComponent


class LinkResolver(FactComponent, TableComponent):
    """Sets ``period``, ``subject``, ``change``, ``basis`` and ``metric`` on the figure records of a doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(name)
        sources = sorted(e["name"] for e in read_jsonl("orgs.jsonl") if e.get("kind") in SOURCE_KINDS)
        self.set_tables({"link_cues": read_json("link_cues.json"), "metric_cues": read_json("metric_cues.json"),
                         "source_orgs": sources})

    def set_tables(self, tables: dict[str, Any]) -> None:
        super().set_tables(tables)
        metric_nouns = [noun for nouns in self.tables["metric_cues"]["nouns"].values() for noun in nouns]
        self.cues = LinkCues(self.tables["link_cues"], metric_nouns)
        self.metric_cues = MetricCues(self.tables["metric_cues"])
        self.source_ids = frozenset("-".join(fold(name).split()) for name in self.tables["source_orgs"])

    def process(self, doc: Doc) -> Doc:
        records = [dict(r) for r in (doc._.fact_records or [])]
        if any(r["type"] in FIGURES for r in records):
            link_figures(self.cues, self.metric_cues, doc, records, self.source_ids)
            doc._.fact_records = records
        return doc


@Language.factory("newsfacts_links")
def make_links(nlp: Language, name: str) -> LinkResolver:
    return LinkResolver(nlp, name)
