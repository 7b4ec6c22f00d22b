"""``newsfacts_date``: calendar dates and periods, resolved against the reference date.

The grammar in ``normalise/dates.py`` finds and resolves the expressions; this
component supplies what only the parsed Doc knows: the tense of each sentence (to
fill missing years and pick the weekday before or after the reference date), the
base NER's DATE spans (evidence that a bare number is a year), and the spans other
components have claimed (the "2024" in "Paris 2024 Olympics" is part of an event).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from spacy.attrs import IDX, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..extensions import add_facts, claimed_ranges, document_text, overlaps, reference_date
from .base import FactComponent
from ..facts import Date
from ..normalise.dates import Period, Tense, find_dates, grammar, pick_year
from ..normalise.events import event_span
from ..resources import TableComponent, read_json, read_jsonl

PAST_TAGS = frozenset({"VBD"})
PRESENT_TAGS = frozenset({"VBP", "VBZ"})
WHEN_PREPOSITIONS = frozenset({"on", "in", "at", "during"})
HEADLINE_END_MARKS = ".!?\"”’\')"
DETERMINER_TAGS = frozenset({"DT", "PRP$", "POS", "WP$"})
MODIFIED_TAGS = frozenset({"NN", "NNP", "NNPS", "VBG", "JJ"})
MAX_HEAD_STEPS = 6
# "until Tuesday", "until 9 a.m. Tuesday", "till noon Friday": the end of a wait
UNTIL = re.compile(r"\b(?:until|till)\s+(?:(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)|noon|midnight)\s+(?:[A-Z]{2,4}\s+)?)?$",
                   re.IGNORECASE)


EVE = re.compile(r"[ \t]Eve\b")


def _auxiliaries(verb: Token) -> list[Token]:
    return [child for child in verb.children if child.dep_ in ("aux", "auxpass")]


class DateRecognizer(FactComponent, TableComponent):
    """Turns date expressions into ``Date`` facts."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(name)
        self.set_tables({"date_words": read_json("date_words.json"), "events": read_jsonl("events.jsonl")})
        grammar()  # compiled at load time rather than inside the first document

    def set_tables(self, tables: dict[str, Any]) -> None:
        super().set_tables(tables)
        words = self.tables["date_words"]
        self.future_words = {w.lower() for w in words["future_words"]}
        self.future_verbs = set(words["future_verbs"])
        self.future_modals = set(words["future_modals"])
        self.deadline_verbs = set(words["deadline_verbs"])
        self.forecast_verbs = set(words["forecast_verbs"])
        self.temporal_marks = set(words["temporal_marks"])
        self.unscheduled_verbs = set(words["scheduled_present_excluded"]) | set(words["same_past_form_verbs"])
        self.future_auxiliaries = self.future_words | self.future_modals
        self.planned_verbs = self.forecast_verbs | self.deadline_verbs
        self.future_cues = tuple(f"{w} " for w in words["future_conjunctions"])
        self.holiday_cues = {w.lower() for w in words["holiday_cues"]}
        events = [e for e in self.tables["events"] if "series" not in e]
        self.calendars = {e["name"]: e.get("calendar") for e in events}

    def _sentence_tenses(self, doc: Doc) -> list[tuple[int, int, Tense]]:
        """(start char, end char, tense) per sentence: future when a future marker occurs,
        past when a past-tense verb does, else unknown."""
        spans = []
        sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        # token arrays, not Token objects: this runs over every token of every article
        strings = doc.vocab.strings
        lowers, tags = doc.to_array([LOWER, TAG]).T if len(doc) else ((), ())
        past_tags = {strings[tag] for tag in PAST_TAGS}
        phrases = [w for w in self.future_words if " " in w]
        text = document_text(doc)
        for sent in sentences:
            words = {strings[int(w)] for w in lowers[sent.start:sent.end]}
            lowered = f" {text[sent.start_char:sent.end_char].lower()} "
            future = bool(words & self.future_words) or any(f" {w} " in lowered for w in phrases)
            past = any(int(tag) in past_tags for tag in tags[sent.start:sent.end])
            spans.append((sent.start_char, sent.end_char, "future" if future else "past" if past else None))
        return spans

    def _clause_tense(self, token: Token) -> Tense:
        """Tense of the verb a date attaches to: "said Tuesday it will…" is past, and
        "before" when the date modifies that past-tense verb itself ("In January, the firm
        hired…"), not a noun after it ("approved a dividend payable Dec. 7")."""
        verb = self._verb_of(token)
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        auxiliaries = _auxiliaries(verb)
        if not auxiliaries and verb.dep_ == "conj" and verb.tag_ == verb.head.tag_:
            verb = verb.head  # "expects to obtain approval and complete the deal by year-end"
            auxiliaries = _auxiliaries(verb)
        if verb.lower_ in self.future_words or any(a.lower_ in self.future_words for a in auxiliaries):
            return "future"
        perfect = verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxiliaries)
        if perfect and any(a.lower_ in self.future_modals for a in auxiliaries):
            return "past"  # "may have been"
        if any(a.lower_ in self.future_modals for a in auxiliaries):
            return "future"  # "might come as soon as Tuesday"
        if self._scheduled(verb, auxiliaries):
            return "future"  # "results are due Tuesday", "the verdict is expected Friday"
        if verb.lemma_.lower() in self.forecast_verbs and not self._adjunct_of(token, verb):
            return "future"  # what is forecast or planned: "forecast a rise for the full year"
        if self._main_clause_ahead(verb):
            return "future"  # "likely to buy as soon as trading opened Monday"
        if any(a.tag_ == "TO" for a in auxiliaries):
            # "expects sales to recover in the fourth quarter", "had been due to lapse"; an
            # infinitive otherwise has no tense of its own ("a plan to repay the loan by February")
            return self._looks_ahead(verb) or "neutral"
        if verb.tag_ in PAST_TAGS and self._adjunct_of(token, verb) or self._past_passive_when(token, verb, auxiliaries):
            return "before"
        if verb.tag_ in PAST_TAGS or any(a.tag_ in PAST_TAGS for a in auxiliaries):
            return "past"
        if verb.tag_ == "VBN" and (not auxiliaries or perfect):
            return "past"  # "the ruling, announced Wednesday" and "has risen since May"
        if verb.tag_ in PRESENT_TAGS and self._adjunct_of(token, verb) and verb.lemma_.lower() not in self.unscheduled_verbs \
                and not any(word.tag_ in PAST_TAGS for word in verb.sent) and not self._headline(verb.sent):
            return "present"  # "the two leaders meet Monday": a scheduled event
        return None

    def _scheduled(self, verb: Token, auxiliaries: list[Token]) -> bool:
        """A present-tense statement that something is due, expected, likely or scheduled
        puts its date ahead."""
        if not (verb.tag_ in PRESENT_TAGS or any(a.tag_ in PRESENT_TAGS for a in auxiliaries)):
            return False
        if verb.tag_ == "VBN" and verb.lemma_.lower() in self.future_verbs:
            return True
        return any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in self.future_verbs for c in verb.children)

    def _past_passive_when(self, token: Token, verb: Token, auxiliaries: list[Token]) -> bool:
        """ "The poll was held on 1 June": a past passive dated by its own adjunct has happened;
        not a deadline or a plan ("was extended to Nov. 16", "was planned for March")."""
        if verb.tag_ != "VBN" or not any(a.tag_ in PAST_TAGS for a in auxiliaries) or not self._adjunct_of(token, verb):
            return False
        if verb.lemma_.lower() in self.planned_verbs:
            return False
        preposition = token.head if token.head.dep_ == "prep" else None
        return preposition is None or preposition.lower_ in WHEN_PREPOSITIONS

    @staticmethod
    def _headline(sentence: Any) -> bool:
        """A line without closing punctuation is a headline, whose present tense reports
        the past ("Exporters cut prices Monday")."""
        last = sentence[-1].text if len(sentence) else ""
        return not last or last[-1] not in HEADLINE_END_MARKS

    def _main_clause_ahead(self, verb: Token) -> bool:
        """A time clause ("as soon as trading opened", "when the deal closes") takes the
        time of the clause it qualifies, which may lie ahead even in reported speech."""
        if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in self.temporal_marks for c in verb.children):
            return False
        main = self._verb_of(verb.head)
        if main.i == verb.i or main.pos_ not in ("VERB", "AUX"):
            return False
        auxiliaries = _auxiliaries(main)
        if main.lower_ in self.future_words or any(a.lower_ in self.future_auxiliaries for a in auxiliaries):
            return True
        return any(a.tag_ == "TO" for a in auxiliaries) and self._looks_ahead(main) == "future"

    @staticmethod
    def _verb_of(token: Token) -> Token:
        """The nearest verb above a token (the token's root when there is none near)."""
        verb = token
        for _ in range(MAX_HEAD_STEPS):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        return verb

    def _looks_ahead(self, verb: Token) -> Tense:
        """An infinitive governed by a word of intent or expectation ("plans to", "is set
        to", "ready to") or by a present "is to" states something still to come, unless the
        intent itself is in the past perfect ("had been scheduled to expire Friday")."""
        head = verb.head
        if head.lemma_ == "be" and head.tag_ in PRESENT_TAGS and verb.dep_ == "xcomp":
            return "future"  # "is to resume trading Tuesday"
        for _ in range(2):
            if head.i == verb.i:
                return None
            third_person = head.tag_ == "VBZ" and head.lower_[:-1] in self.future_verbs  # lemmatised "hopes" → "hop"
            if head.lemma_.lower() in self.future_verbs or third_person:
                governing = head if head.pos_ in ("VERB", "AUX") else head.head
                had = any(a.lower_ == "had" for a in governing.children if a.dep_ in ("aux", "auxpass"))
                return "past" if had else "future"
            verb, head = head, head.head
        return None

    @staticmethod
    def _adjunct_of(token: Token, verb: Token) -> bool:
        """The date (its first token, or that token's head inside the date: "12th" of "the
        12th of May") hangs on the verb directly or through one preposition."""
        inside = token.head.pos_ in ("PROPN", "NUM") and abs(token.head.i - token.i) <= 2
        for word in (token, token.head) if inside else (token,):
            head = word.head
            if head.i == verb.i or head.dep_ in ("prep", "agent") and head.head.i == verb.i:
                return True
        return False

    def process(self, doc: Doc) -> Doc:
        text = document_text(doc)
        taken = claimed_ranges(doc)
        ner_dates = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "DATE"]
        tenses = self._sentence_tenses(doc)
        sentence_starts = [start for start, _, _ in tenses]
        token_starts = doc.to_array(IDX).tolist() if len(doc) else []

        def tense_at(char: int) -> Tense:
            if text[max(0, char - 20) : char].lower().endswith(self.future_cues):
                return "future"  # "as soon as Tuesday"
            position = bisect_right(token_starts, char) - 1
            if position >= 0 and doc.has_annotation("DEP") and UNTIL.search(text[max(0, char - 30) : char]):
                if self._verb_of(doc[position]).lemma_.lower() in self.deadline_verbs:
                    return "future"  # "postponed the vote until Tuesday", "gave them until noon Friday"
            if position >= 0 and doc.has_annotation("DEP"):
                clause = self._clause_tense(doc[position])
                if clause is not None:
                    return clause
            index = bisect_right(sentence_starts, char) - 1
            return tenses[index][2] if index >= 0 and char < tenses[index][1] else None

        def year_evidence(start: int, end: int) -> bool:
            """The base NER calls it a date, and it does not count things ("2000 parcels"),
            or it modifies a singular noun after a determiner ("its 2025 outlook")."""
            last = doc[-1].idx + len(doc[-1])  # no token starts after this: "© 2023 " ends the text
            following = doc.char_span(end, end + 1, alignment_mode="expand") if end < last else None
            counts = following is not None and following.root.pos_ in ("NOUN", "PROPN") and following.root.idx > end
            if not counts and any(s <= start and end <= e for s, e in ner_dates):
                return True
            return self._modifier_year(doc, start, end)

        facts = self._holidays(doc, text, tense_at)
        taken = taken + [(f.start, f.end) for f in facts]
        for found in find_dates(text, reference_date(doc), tense_at, year_evidence):
            if overlaps(found.start, found.end, taken):
                continue
            facts.append(
                Date(
                    text[found.start : found.end], found.start, found.end,
                    date_start=found.date_start, date_end=found.date_end,
                    open_end=found.open_end, granularity=found.granularity,
                )
            )
        add_facts(doc, facts)
        return doc

    @staticmethod
    def _modifier_year(doc: Doc, start: int, end: int) -> bool:
        span = doc.char_span(start, end)
        if span is None or len(span) != 1 or span.end >= len(doc):
            return False
        year, after = span[0], doc[span.end]
        if after.tag_ not in MODIFIED_TAGS or after.is_title and after.ent_type_ in ("DATE", "CARDINAL", "MONEY"):
            return False
        index = year.i - 1
        while index >= 0 and doc[index].tag_ in ("JJ", "RB") and year.i - index <= 2:  # "his unsuccessful 1996 campaign"
            index -= 1
        return index >= 0 and doc[index].tag_ in DETERMINER_TAGS

    def _holidays(self, doc: Doc, text: str, tense_at: Any) -> list[Date]:
        """A one-day holiday the event table dates, used as a day ("found on Thanksgiving
        Day", "last Christmas"), is also a date; its year follows the tense."""
        ref = reference_date(doc)
        dates = []
        for record in doc._.fact_records or []:
            if record["type"] != "event" or ref is None:
                continue
            rule = self.calendars.get(record.get("name"))
            start, end = record["start"], record["end"]
            words = text[max(0, start - 20) : start].lower().split()
            cue = words[-1] if words else ""
            if rule is None or not (cue in self.holiday_cues or text[start:end].endswith((" Day", " Eve"))):
                continue
            if EVE.match(text, end):
                continue  # "Christmas Eve" is the day before the holiday the table dates
            periods = []
            for year in (ref.year - 1, ref.year, ref.year + 1):
                span = event_span(rule, year, self.calendars)
                if span is not None and span[0] == span[1]:
                    periods.append(Period(span[0], span[1], "day"))
            tense = {"last": "past", "next": "future", "coming": "future"}.get(cue, tense_at(start))
            chosen = pick_year(periods, ref, tense, strict=cue in ("last", "next", "coming"))
            if chosen is None:
                continue
            if cue in ("last", "next", "this", "coming"):
                start -= len(cue) + 1
            dates.append(Date(text[start:end], start, end, date_start=chosen.start, date_end=chosen.end,
                              open_end=False, granularity="day"))
        return dates


@Language.factory("newsfacts_date")
def make_date(nlp: Language, name: str) -> DateRecognizer:
    return DateRecognizer(nlp, name)
