"""``newsfacts_event``: named events, with their dates when a calendar fixes them.

Three signals: the event table (festivals, fairs, crises and their aliases, e.g.
"Singles' Day" → "Double 11"); event series with dated editions ("Paris Olympics",
"the 2022 World Cup"), where a later "the Games" refers back to the edition the
article named; and the base NER's EVENT spans for what no table lists. Bare-number
names ("618") count only in quotes or beside a cue word ("618 shopping festival").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import add_facts, claimed_ranges, document_text, overlaps, reference_date
from .base import FactComponent
from ..facts import Event
from ..normalise.dates import find_atoms
from ..normalise.events import edition_name, event_span, pick_edition
from ..resources import TableComponent, alternation, read_json, read_jsonl

QUOTES = "\"'“”‘’「」"
NUMBER_CUE = re.compile(
    r"^(?:online\s+)?(?:mid-year\s+)?(?:shopping|festival|sales?|promotions?|gala|event|day|spree|carnival|extravaganza|mid-year|e-commerce|discount)",
    re.IGNORECASE,
)
YEAR = r"(?:19|20)\d\d"
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})




class EventRecognizer(FactComponent, TableComponent):
    """Finds named events from the event tables, series patterns and the base NER."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(name)
        self.set_tables({"events": read_jsonl("events.jsonl"), "event_series": read_json("event_series.json"),
                         "org_patterns": read_json("org_patterns.json")})

    def set_tables(self, tables: dict[str, Any]) -> None:
        super().set_tables(tables)
        events = self.tables["events"]
        org_patterns = self.tables["org_patterns"]
        # a name ending like an organisation ("… Herald", "… Institute") is not an event,
        # whatever the base NER says
        self.org_tails = {w.split()[-1] for key in ("media_tails", "institution_tails", "institution_heads",
                                                     "legal_suffixes") for w in org_patterns[key]}
        self.calendars = {e["name"]: e.get("calendar") for e in events if "series" not in e}
        self.alias_names: dict[str, str] = {}
        self.quoted_only: set[str] = set()
        for event in events:
            if "series" in event:
                continue
            for alias in [event["name"], *event.get("aliases", [])]:
                self.alias_names[alias.lower()] = event["name"]
            self.quoted_only |= {a.lower() for a in event.get("quoted_only", [])}
        self.alias_pattern = re.compile(rf"(?<![\w.])(?:{alternation(self.alias_names)})(?![\w]|\.\d)", re.IGNORECASE)
        self.series = {}
        for event in events:
            if "series" not in event:
                continue
            spec = self.tables["event_series"][event["series"]]
            cities = {e["city"] for e in event["editions"]} | {a for e in event["editions"] for a in e.get("aliases", [])}
            pattern = re.compile(
                rf"(?:(?P<city>{alternation(cities)})\s+)?(?:(?P<year>{YEAR})\s+)?(?:(?P<season>Summer|Winter)\s+)?"
                rf"(?P<noun>{alternation(spec['nouns'])})(?:\s+(?P<year2>{YEAR}))?(?:\s+(?P<city2>{alternation(cities)}))?(?![\w])"
            )
            self.series[event["series"]] = (pattern, event["editions"], spec)

    def process(self, doc: Doc) -> Doc:
        text = document_text(doc)
        ref = reference_date(doc)
        taken = claimed_ranges(doc)
        found: list[Event] = []

        def accept(event: Event) -> None:
            if not overlaps(event.start, event.end, taken) and not overlaps(event.start, event.end, [(e.start, e.end) for e in found]):
                found.append(event)

        named_editions: list[tuple[int, str, dt.date | None, dt.date | None, tuple[str, ...]]] = []
        for key, (pattern, editions, spec) in self.series.items():
            if not any(noun in text for noun in spec["nouns"]):
                continue  # the pattern tries every city at every position: skip texts without the noun
            for match in pattern.finditer(text):
                city = match.group("city") or match.group("city2")
                year = match.group("year") or match.group("year2")
                if key == "world_expo" and not (city or year):
                    continue
                edition = pick_edition(editions, city, int(year) if year else None, match.group("season"), ref)
                if edition is None:
                    continue
                name = edition_name(spec["name"], edition)
                start, end = dt.date.fromisoformat(edition["start"]), dt.date.fromisoformat(edition["end"])
                accept(Event(match.group(), match.start(), match.end(), name=name, date_start=start, date_end=end))
                named_editions.append((match.start(), name, start, end, tuple(spec["generic"])))

        for match in self.alias_pattern.finditer(text):
            alias = match.group().lower()
            if alias in self.quoted_only and not self._quoted_or_cued(text, match.start(), match.end()):
                continue
            name = self.alias_names[alias]
            span = event_span(self.calendars.get(name), ref.year, self.calendars) if ref else None
            accept(Event(match.group(), match.start(), match.end(), name=name,
                         date_start=span[0] if span else None, date_end=span[1] if span else None))

        if named_editions:
            for match in re.finditer(r"(?<=\bthe\s)Games\b", text):
                earlier = [e for e in named_editions if e[0] < match.start() and "Games" in e[4]]
                if earlier:
                    _, name, start, end, _ = earlier[-1]
                    accept(Event(match.group(), match.start(), match.end(), name=name, date_start=start, date_end=end))

        for ent in doc.ents:
            # a lone modifier ("Olympic mascot") is an adjective, not an event
            if ent.label_ == "EVENT" and not (len(ent) == 1 and ent.root.dep_ in MODIFIER_DEPS):
                cleaned = self._clean(ent.text, ent.start_char)
                if cleaned is not None and text[cleaned[0]:cleaned[1]].split()[-1] not in self.org_tails:
                    accept(Event(text[cleaned[0]:cleaned[1]], cleaned[0], cleaned[1], name=text[cleaned[0]:cleaned[1]]))

        add_facts(doc, sorted(found, key=lambda e: e.start))
        return doc

    @staticmethod
    def _quoted_or_cued(text: str, start: int, end: int) -> bool:
        """A bare-number name ("618") in quotes or followed by a cue word ("shopping festival")."""
        quoted = start > 0 and text[start - 1] in QUOTES and end < len(text) and text[end] in QUOTES
        return quoted or bool(NUMBER_CUE.match(text[end : end + 40].lstrip(QUOTES + " ")))

    @staticmethod
    def _clean(span_text: str, offset: int) -> tuple[int, int] | None:
        """Trim a NER EVENT span to a name: no leading "the", no quotes; ``None`` if nothing
        capitalised (a name) remains, or only a date."""
        start, end = 0, len(span_text)
        lowered = span_text.lower()
        if lowered.startswith("the "):
            start = 4
        while start < end and span_text[start] in QUOTES + " ":
            start += 1
        while end > start and span_text[end - 1] in QUOTES + " .,":
            end -= 1
        core = span_text[start:end]
        if not core or "\n" in core or not any(word[:1].isupper() for word in core.split()):
            return None
        if any(atom.start == 0 and atom.end == len(core) for atom in find_atoms(core)):
            return None  # a date the NER took for an event ("the Aug. 7 bombings")
        return offset + start, offset + end


@Language.factory("newsfacts_event")
def make_event(nlp: Language, name: str) -> EventRecognizer:
    return EventRecognizer(nlp, name)
