"""What the link decisions know about one document: its text, parse, figures' sentence units
and where its organisations are named."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from ..extensions import document_text
from .cues import LinkCues


class DocContext:
    """One document as the link decisions read it.

    ``org_at`` maps a token index to the org record named there. A sentence *unit* is the
    parser's sentence cut at line breaks: a headline, a dateline or a photo caption is a
    sentence of its own even when the parser runs it into the next line.
    """

    def __init__(self, cues: LinkCues, doc: Doc, records: list[dict[str, Any]], source_ids: frozenset[str] = frozenset()) -> None:
        self.cues, self.doc, self.records = cues, doc, records
        self.source_ids = source_ids
        self.text = document_text(doc)
        self.org_at: dict[int, dict[str, Any]] = {}
        self.orgs = sorted((r for r in records if r["type"] == "org"), key=lambda r: r["start"])
        self.ids = {r["canonical"]: r.get("id") for r in self.orgs}
        self._source: dict[str, bool] = {}
        self._lower: str | None = None
        self._units: dict[tuple[int, int], tuple[int, int]] = {}
        self._sentences: dict[tuple[int, int], Span] = {}
        self._subsidiaries: list[tuple[dict[str, Any], set[str]]] | None = None
        self.sentence_owners: dict[tuple[int, bool], str | None] = {}
        """Per sentence: the organisation it is about (``subject._sentence_owner``), found once."""
        for record in self.orgs:
            for token in self.span(record) or ():
                self.org_at[token.i] = record

    def antecedent(self, before: int) -> str | None:
        """The organisation "it" or "the company" stands for when its sentence names none: the
        first organisation its paragraph names before ``before``, else the first the article
        names (the company a story or a paragraph is about comes first in it), leaving out
        agencies, ministries, outlets and exchanges, which report rather than act. Measured on
        wsj-figures, the first named beat the most recent and the most often named one; the
        paragraph's first scores the same there and keeps multi-company stories apart."""
        paragraph = self.text.rfind("\n", 0, before) + 1
        first = None
        for record in self.orgs:
            if record["end"] > before:
                break
            if self.is_source_org(record["canonical"]):
                continue
            if first is None:
                first = record["canonical"]
            if record["start"] >= paragraph:
                return record["canonical"]
        return first

    def subsidiary_before(self, before: int, noun: str) -> str | None:
        """The last organisation before ``before`` that the article introduced as a unit of
        another ("X's electronics unit, Y Corp.", "Y Corp., a unit of X"): what "the unit" or
        "the subsidiary" stands for, rather than the parent the story is about. One introduced
        with the same noun comes first ("the unit" after "its unit, Y" and "its subsidiary, Z")."""
        if self._subsidiaries is None:
            self._subsidiaries = []
            for record in self.orgs:
                span = self.span(record)
                if span is None:
                    continue
                root = span.root
                nouns = [root.head] if root.dep_ == "appos" else []
                nouns += [c for c in root.children if c.dep_ == "appos"]
                kinds = {n.lemma_.lower() for n in nouns} & self.cues.subsidiary_nouns
                if kinds:
                    self._subsidiaries.append((record, kinds))
        found = [(r["canonical"], kinds) for r, kinds in self._subsidiaries if r["end"] <= before]
        same = [name for name, kinds in found if noun in kinds]
        return same[-1] if same else found[-1][0] if found else None

    def is_source_org(self, canonical: str) -> bool:
        """An organisation that reports others' figures: a government body, statistics office,
        research firm or news outlet (the gazetteer's kind, or a word of its name, unless a word
        of company names in it says it is a company: "X Savings & Loan Association")."""
        if canonical not in self._source:
            words = canonical.lower().replace(",", " ").replace(".", "").split()
            self._source[canonical] = self.ids.get(canonical) in self.source_ids or (
                any(word in self.cues.source_org_words for word in words)
                and not any(word in self.cues.company_name_words for word in words))
        return self._source[canonical]

    @property
    def lower_text(self) -> str:
        """The text in lower case, made once per document."""
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    def short_form(self, token: Any) -> str | None:
        """The organisation a bare name stands for when the org facts did not mark it there: the
        name written (a proper noun with its compounds, "Columbia", "America West") is the
        leading words of exactly one organisation the article named in full before it."""
        if token.pos_ != "PROPN" or token.ent_type_ in ("PERSON", "GPE", "LOC", "NORP"):
            return None
        words = [t.text for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token.text]
        if len(" ".join(words)) < 3:
            return None
        named = {r["canonical"] for r in self.orgs if r["end"] <= token.idx}
        matches = {name for name in named if name.split()[: len(words)] == words and len(name.split()) > len(words)}
        return matches.pop() if len(matches) == 1 else None

    def span(self, record: dict[str, Any]) -> Span | None:
        """The tokens a record covers (expanded to whole tokens)."""
        return self.doc.char_span(record["start"], record["end"], alignment_mode="expand")

    def unit(self, span: Span) -> tuple[int, int]:
        """Character bounds of the sentence unit holding ``span``: its sentence cut at line breaks."""
        key = (span.start, span.end)
        if key not in self._units:
            sent = span.sent
            start = max(self.text.rfind("\n", sent.start_char, span.start_char) + 1, sent.start_char)
            end = self.text.find("\n", span.end_char, sent.end_char)
            self._units[key] = (start, sent.end_char if end < 0 else end)
        return self._units[key]

    def sentence(self, item: Span | Token) -> Span:
        """The sentence unit holding a token or span, as tokens (see ``unit``)."""
        span = item if isinstance(item, Span) else self.doc[item.i : item.i + 1]
        bounds = self.unit(span)
        if bounds not in self._sentences:
            self._sentences[bounds] = self.doc.char_span(*bounds, alignment_mode="expand") or span.sent
        return self._sentences[bounds]

    def same_unit(self, a: Span, b: Span) -> bool:
        """True when two spans lie in one sentence unit."""
        return self.unit(a) == self.unit(b)
