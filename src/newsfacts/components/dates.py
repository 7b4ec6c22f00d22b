"""``newsfacts_date``: calendar dates and periods, resolved against the reference date.

The grammar in ``normalise/dates.py`` finds and resolves the expressions; this
component supplies what only the parsed Doc knows: the tense of each sentence (to
fill missing years and pick the weekday before or after the reference date), the
base NER's DATE spans (evidence that a bare number is a year), and the spans other
components have claimed (the "2024" in "Paris 2024 Olympics" is part of an event).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..extensions import add_facts, claimed_ranges, overlaps, reference_date
from .base import FactComponent
from ..facts import Date
from ..normalise.dates import Tense, find_dates
from ..resources import TableComponent, read_json

PAST_TAGS = frozenset({"VBD"})
MAX_HEAD_STEPS = 6


class DateRecognizer(FactComponent, TableComponent):
    """Turns date expressions into ``Date`` facts."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(name)
        self.set_tables({"date_words": read_json("date_words.json")})

    def set_tables(self, tables: dict[str, Any]) -> None:
        super().set_tables(tables)
        self.future_words = {w.lower() for w in self.tables["date_words"]["future_words"]}

    def _sentence_tenses(self, doc: Doc) -> list[tuple[int, int, Tense]]:
        """(start char, end char, tense) per sentence: future when a future marker occurs,
        past when a past-tense verb does, else unknown."""
        spans = []
        sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        for sent in sentences:
            lowered = sent.text.lower()
            words = {token.lower_ for token in sent}
            future = bool(words & self.future_words) or any(f" {w} " in f" {lowered} " for w in self.future_words if " " in w)
            past = any(token.tag_ in PAST_TAGS for token in sent)
            spans.append((sent.start_char, sent.end_char, "future" if future else "past" if past else None))
        return spans

    def _clause_tense(self, token: Token) -> Tense:
        """Tense of the verb a date attaches to: "said Tuesday it will…" is past."""
        verb = token
        for _ in range(MAX_HEAD_STEPS):
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
        if verb.lower_ in self.future_words or any(a.lower_ in self.future_words for a in auxiliaries):
            return "future"
        if verb.tag_ in PAST_TAGS or any(a.tag_ in PAST_TAGS for a in auxiliaries):
            return "past"
        if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxiliaries):
            return "past"
        return None

    def process(self, doc: Doc) -> Doc:
        taken = claimed_ranges(doc)
        ner_dates = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "DATE"]
        tenses = self._sentence_tenses(doc)
        sentence_starts = [start for start, _, _ in tenses]
        token_starts = [token.idx for token in doc]

        def tense_at(char: int) -> Tense:
            position = bisect_right(token_starts, char) - 1
            if position >= 0 and doc.has_annotation("DEP"):
                clause = self._clause_tense(doc[position])
                if clause is not None:
                    return clause
            index = bisect_right(sentence_starts, char) - 1
            return tenses[index][2] if index >= 0 and char < tenses[index][1] else None

        def year_evidence(start: int, end: int) -> bool:
            """The base NER calls it a date, and it does not count things ("2000 parcels")."""
            following = doc.char_span(end, end + 1, alignment_mode="expand") if end < len(doc.text) else None
            counts = following is not None and following.root.pos_ in ("NOUN", "PROPN") and following.root.idx > end
            return not counts and any(s <= start and end <= e for s, e in ner_dates)

        facts = []
        for found in find_dates(doc.text, reference_date(doc), tense_at, year_evidence):
            if overlaps(found.start, found.end, taken):
                continue
            facts.append(
                Date(
                    doc.text[found.start : found.end], found.start, found.end,
                    date_start=found.date_start, date_end=found.date_end,
                    open_end=found.open_end, granularity=found.granularity,
                )
            )
        add_facts(doc, facts)
        return doc


@Language.factory("newsfacts_date")
def make_date(nlp: Language, name: str) -> DateRecognizer:
    return DateRecognizer(nlp, name)
