"""Which way a percentage moves (``change``) and what it is measured against (``basis``).

A change verb or noun that governs the percentage ("rose 5%", "a 5% drop", "a growth
of 5%", "grew at a rate of 5%") or a word beside it ("up 5%", "5% lower") gives the
direction; a percentage reached *to*, *from* or *at* is a level, not a change. Each
basis cue of a sentence ("year-on-year", "from a year earlier", "compared with the
previous quarter") goes to the nearest percentage of its clause.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from .context import DocContext
from .cues import has_form, way_of
from .tree import NOMINAL, VERBAL


def strip_qualifiers(ctx: DocContext, before: str) -> str:
    """The text before a figure without its trailing qualifiers ("by about", "a further")."""
    return before[: len(before) - len(ctx.cues.qualifiers.search(before).group())]


def change(ctx: DocContext, span: Span) -> str | None:
    """``up``/``down`` when a change word governs the percentage or stands beside it."""
    text, cues = ctx.text, ctx.cues
    start, end = ctx.unit(span)
    before = strip_qualifiers(ctx, text[max(start, span.start_char - 40) : span.start_char])
    after = text[span.end_char : min(end, span.end_char + 20)]
    for way in ("up", "down"):
        if cues.before[way].search(before) or cues.after[way].search(after):
            return way
    return _change_governor(ctx, span.root) or _change_noun_after(ctx, span)


def _change_governor(ctx: DocContext, root: Token) -> str | None:
    """Climb from the percentage through at most one qualifying preposition to a change word."""
    cues = ctx.cues
    token, prep = root, None
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            return None
        if head.pos_ == "ADP" or head.dep_ in ("prep", "agent"):
            if prep is not None:
                return None
            prep, token = head.lower_, head
            continue
        if prep is not None and prep not in cues.change_preps:
            if prep == "of" and head.pos_ in NOMINAL:
                return way_of(head, cues.change_nouns) or (_rate_change(ctx, head) if has_form(head, cues.rate_nouns) else None)
            return None
        if head.pos_ in VERBAL:
            return way_of(head, cues.change_verbs)
        if head.pos_ == "ADJ" and prep is None and head.dep_ in ("npadvmod", "advmod", "amod") and head.i < root.i:
            token = head  # "rose a lower-than-expected 5%": the parser hangs the figure on its adjective
            continue
        if token.dep_ == "quantmod" and any(t.lower_ == "to" and t.dep_ == "quantmod" for t in head.children):
            token = head  # "rose 9% to 1.2 billion euros", parsed as a range "9% to 1.2 billion" → rose
            while token.dep_ in ("nummod", "compound") and token.head.i != token.i:
                token = token.head
            continue
        if head.pos_ in NOMINAL and token.dep_ in ("compound", "nummod", "amod", "nmod", "npadvmod", "quantmod"):
            if head.lower_ in cues.basis_units and prep is None:
                token = head  # "rose 3% year on year", parsed as "3% year" → rose
                continue
            return way_of(head, cues.change_nouns)
        return None
    return None


def _rate_change(ctx: DocContext, rate: Token) -> str | None:
    """"a growth rate of 5%", "grew at a pace of 5%": the rate's own noun or verb gives the way."""
    for child in rate.children:
        if child.dep_ in ("compound", "amod") and way_of(child, ctx.cues.change_nouns):
            return way_of(child, ctx.cues.change_nouns)
    head = rate.head
    if rate.dep_ == "pobj" and head.lower_ == "at" and head.head.pos_ in VERBAL:
        return way_of(head.head, ctx.cues.change_verbs)
    return None


def _change_noun_after(ctx: DocContext, span: Span) -> str | None:
    """"a 10.5 percent year-on-year growth": a change noun a few words on, in the same phrase."""
    for token in ctx.doc[span.end : min(span.sent.end, span.end + 5)]:
        if token.pos_ in NOMINAL and way_of(token, ctx.cues.change_nouns):
            return way_of(token, ctx.cues.change_nouns)
        if (token.is_punct and token.text != "-") or token.pos_ in VERBAL or token.pos_ == "ADP":
            return None
    return None


def basis(ctx: DocContext, figures: list[tuple[dict[str, Any], Span]]) -> dict[int, str]:
    """Basis per percentage (by start offset): each cue goes to the nearest percentage of its
    sentence unit that lies in the same clause part (no ";" or ", while" between them)."""
    by_unit: dict[tuple[int, int], list[tuple[dict[str, Any], Span]]] = {}
    for record, span in figures:
        if record["type"] == "percent":
            by_unit.setdefault(ctx.unit(span), []).append((record, span))
    out: dict[int, str] = {}
    for (start, end), items in by_unit.items():
        for name, pattern in ctx.cues.basis_patterns:
            for match in pattern.finditer(ctx.text, start, end):
                def gap(item: tuple[dict[str, Any], Span]) -> tuple[int, int]:
                    record = item[0]
                    if record["end"] <= match.start():
                        return (match.start() - record["end"], 0)
                    return (max(0, record["start"] - match.end()), 1)

                out.setdefault(min(items, key=gap)[0]["start"], name)
    return out
