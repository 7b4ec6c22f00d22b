"""Which date fact dates a figure (``period``).

The date fact of the same sentence unit nearest in the dependency tree, skipping dates
a change is compared with ("than in 2022"), days on which something was said ("said
on Tuesday"), dates inside the figure's own complement ("5% of last year's total") and
dates that describe something else ("X, founded in 1999, …"). A figure that another is
compared with ("from $4 million a year earlier") owns the date written right after it,
and only that one.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span, Token

from .change import strip_qualifiers
from .context import DocContext
from .cues import has_form
from .tree import VERBAL, is_relative_clause, path_up, tree_distance


THAN_DEFINITE = re.compile(r"\bthan\s+(?:the|its|their)\s+$", re.I)


def is_comparison_figure(ctx: DocContext, span: Span) -> bool:
    """A figure a change is measured from ("from $7 million", "compared with 3%")."""
    start, _ = ctx.unit(span)
    raw = ctx.text[max(start, span.start_char - 60) : span.start_char]
    if THAN_DEFINITE.search(raw):
        return True  # "far less than the $4 billion from …": a bound says "than $4 billion", a comparison "than the"
    before = strip_qualifiers(ctx, raw)
    match = ctx.cues.comparison_figure.search(before)
    if match is None:
        return False
    preceding = before[: match.start()].split()[-1:]
    # "profit from continuing operations of $4 million": "from" says where a result comes from
    words = match.group().lower().split()
    return not (words[0] == "from" and "of" in words and preceding and preceding[0].lower() in ctx.cues.figure_nouns)


OWN_DATE_BEFORE = re.compile(
    r"(?:['’]s)?(?:\s+(?!(?:from|than|with|to|compared|against|versus|vs|in|on|at|for|by|and|or|was|were|is|of)\b)[\w.-]+){0,3}"
    r"\s+(?:of\s+)?(?:about\s+|some\s+|nearly\s+)?", re.I)
"""Between a date and the compared figure its noun phrase dates: "a year-earlier loss of",
"last year's", "year-earlier net income of"."""


def owns(ctx: DocContext, figure: dict[str, Any], date: dict[str, Any], compared: bool) -> bool:
    """The date right after a figure is that figure's ("$97 million a year earlier"); a compared
    figure also owns "… in 1988", ", or 81 cents a share, a year ago" and a date that opens its
    own noun phrase ("compared with a year-earlier loss of $3 million", "from last year's $1.5
    billion")."""
    if date["start"] < figure["end"]:
        return compared and date["end"] <= figure["start"] and bool(
            OWN_DATE_BEFORE.fullmatch(ctx.text[date["end"] : figure["start"]]))
    gap = ctx.text[figure["end"] : date["start"]]
    return not gap.strip() or (compared and bool(ctx.cues.compared_gap.fullmatch(gap)))


def period(ctx: DocContext, span: Span, dates: list[tuple[dict[str, Any], Span]], own: bool = False) -> list[int] | None:
    """The date fact of the sentence unit nearest in the tree, skipping comparison and reporting dates.
    ``dates``: the date facts of the figure's sentence unit.

    ``own``: the dates are the figure's own (a compared figure's "a year earlier"), kept even
    though they follow a comparison word."""
    complement = _complement_tokens(span)
    best, best_key = None, None
    for date, date_span in dates:
        if not ctx.same_unit(span, date_span) or any(t.i in complement for t in date_span):
            continue
        if (not own and _is_comparison_date(ctx, date, date_span) or _is_reporting_date(ctx, date, date_span, span)
                or _in_other_modifier(ctx, date_span.root, span.root)):
            continue
        key = (tree_distance(span.root, date_span.root), abs(date_span.start - span.start))
        if best_key is None or key < best_key:
            best, best_key = date, key
    return [best["start"], best["end"]] if best is not None else None


def _in_other_modifier(ctx: DocContext, date: Token, figure: Token) -> bool:
    """A date that describes something else: inside a clause or apposition ("X, founded in 1999,
    reported …"; a period clause such as "the quarter ended June 30" does not count), the
    possessor of another noun ("over Thursday's close"), or a figure inside a relative clause
    the date is outside of ("X, which owns 50% of Y, earned … in 2022")."""
    above_figure = [t.i for t in path_up(figure)]
    above_date = path_up(date)
    common = next((t.i for t in above_date if t.i in set(above_figure)), None)
    if date.dep_ == "poss" and date.head.i not in above_figure and not (
            date.head.dep_ in ("nsubj", "nsubjpass") and date.head.head.i in above_figure):
        return True  # "over Thursday's close" — but "Last year's results were hurt by $41 million" dates it
    for token in above_date:
        if token.i == common:
            break
        if token.dep_ in ("relcl", "appos") or (token.dep_ == "acl" and not has_form(token, ctx.cues.period_verbs)):
            return True
        if token.dep_ in ("advcl", "conj") and token.pos_ in VERBAL and token.i != date.i and not (
                token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)):
            return True  # "acquired 6% … before reducing its stake in September"; but "rose $2 to close at … Friday"
    fronted = date.i < date.sent.root.i and date.i - date.sent.start < 6
    for i in above_figure:
        if i == common:
            break
        token = ctx.doc[i]
        if is_relative_clause(token) or (token.dep_ == "conj" and token.pos_ in VERBAL and not fronted):
            return True  # the figure's own clause, not the one the date is in ("… in July, and holds 14.6%")
    return False


def _complement_tokens(span: Span) -> set[int]:
    """Tokens under the figure's own "of"/"than" complements ("5% of last year's total")."""
    inside = range(span.start, span.end)
    return {
        t.i
        for token in span
        for child in token.children
        if child.i not in inside and child.dep_ == "prep" and child.lower_ in ("of", "than")
        for t in child.subtree
    }


def _is_comparison_date(ctx: DocContext, date: dict[str, Any], date_span: Span) -> bool:
    """A date a change is measured against ("than in 2022", "from those last year", "on last
    year") or that is no period of a figure ("due Oct. 15, 2030", "payable June 1")."""
    start, _ = ctx.unit(date_span)
    before = ctx.text[max(start, date["start"] - 40) : date["start"]]
    cues = ctx.cues
    if cues.not_period_before.search(before):
        return True
    match = cues.comparison_before.search(before)
    if match and (match.group("word").lower() != "from" or date.get("granularity") != "range"):
        return True
    return bool(cues.near_before.search(before)) and bool(cues.reference_date.match(date["text"].strip()))


def _is_reporting_date(ctx: DocContext, date: dict[str, Any], date_span: Span, figure: Span) -> bool:
    """The day something was said or published ("said on Tuesday", "data released on Friday")."""
    if date.get("granularity") not in ("day", "week"):
        return False
    for head in list(date_span.root.ancestors)[:3]:
        if head.pos_ in VERBAL:
            return has_form(head, ctx.cues.reporting_verbs)
    return False
