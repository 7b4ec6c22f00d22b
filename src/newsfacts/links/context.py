"""What the link decisions know about one document: its text, parse, figures' sentence units
and where its organisations are named."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from ..extensions import document_text
from .cues import LinkCues


class DocContext:
    """One document as the link decisions read it.

    ``org_at`` maps a token index to the org record named there. A sentence *unit* is the
    parser's sentence cut at line breaks: a headline, a dateline or a photo caption is a
    sentence of its own even when the parser runs it into the next line.
    """

    def __init__(self, cues: LinkCues, doc: Doc, records: list[dict[str, Any]]) -> None:
        self.cues, self.doc, self.records = cues, doc, records
        self.text = document_text(doc)
        self.org_at: dict[int, dict[str, Any]] = {}
        self.orgs = sorted((r for r in records if r["type"] == "org"), key=lambda r: r["start"])
        for record in self.orgs:
            for token in self.span(record) or ():
                self.org_at[token.i] = record

    def span(self, record: dict[str, Any]) -> Span | None:
        """The tokens a record covers (expanded to whole tokens)."""
        return self.doc.char_span(record["start"], record["end"], alignment_mode="expand")

    def unit(self, span: Span) -> tuple[int, int]:
        """Character bounds of the sentence unit holding ``span``: its sentence cut at line breaks."""
        sent = span.sent
        start = self.text.rfind("\n", sent.start_char, span.start_char) + 1 or sent.start_char
        start = max(start, sent.start_char)
        end = self.text.find("\n", span.end_char, sent.end_char)
        return start, (sent.end_char if end < 0 else end)

    def same_unit(self, a: Span, b: Span) -> bool:
        """True when two spans lie in one sentence unit."""
        start, end = self.unit(a)
        return a.sent.start == b.sent.start and start <= b.start_char and b.end_char <= end
