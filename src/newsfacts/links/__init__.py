"""What each money and percent figure is about (gold spec, "Links"), one module per question.

- ``context``: the document as the decisions read it (sentence units, where organisations are);
- ``change``: which way a percentage moves and against what (``change``, ``basis``);
- ``period``: which date fact dates a figure;
- ``metric``: what it measures;
- ``subject``: whose figure it is (reads the metric: a company reporting a result owns it);
- ``chains`` (here): figures that lean on the one before them — a restatement (", or 98
  cents a share"), a compared figure ("from $4 million"), a move ("up 8.9%") — take its
  metric and owner when the text gives them none of their own.

``link_figures`` runs them over one document's records. Every cue list is data
(``models/data/link_cues.json``, ``metric_cues.json``). Weak evidence leaves a field
null: a wrong link is worse than none. An amount's stated equivalent
(``equivalent_of``, set by the money component) shares its amount's links.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from .change import basis, change
from .context import DocContext
from .cues import LinkCues
from .metric import MetricCues, figure_metric, held, own_noun, per_share
from .period import is_comparison_figure, owns, period
from .subject import subject
from .tree import VERBAL, is_relative_clause

FIGURES = ("money", "percent")
RESTATEMENT = re.compile(
    r"(?:\s+(?:a|per|each)\s+(?:diluted\s+|basic\s+|common\s+)?(?:share|unit|ads))?"
    r"\s*,?\s*or\s+(?:(?:about|around|roughly|nearly|almost|some|more than|less than|over|under)\s+)?", re.I)

SHARED = re.compile(r"\s*(?:,|and|or|,\s*and)\s*(?:(?:about|around|roughly|nearly|some)\s+)?", re.I)
"""Between two figures that share what follows them ("40% and 36% of the market")."""

__all__ = ["FIGURES", "LinkCues", "MetricCues", "link_figures"]

Figure = tuple[dict[str, Any], Span]


def chains(ctx: DocContext, figures: list[Figure], compared: set[int]) -> dict[int, tuple[str, int]]:
    """For each figure that leans on an earlier one of its sentence unit (by start offset): how
    (``restates`` or ``follows``) and the start of the figure it leans on.

    A restatement follows its figure directly after ", or"; a compared figure or a move
    leans on the last figure of the unit that is neither."""
    out: dict[int, tuple[str, int]] = {}
    previous: Figure | None = None
    primary: Figure | None = None
    for record, span in figures:
        if previous is not None and not ctx.same_unit(previous[1], span):
            previous = primary = None
        if previous is not None and RESTATEMENT.fullmatch(ctx.text[previous[0]["end"] : record["start"]]):
            out[record["start"]] = ("restates", previous[0]["start"])
        else:
            moves = record.get("change") or (record["type"] == "money" and change(ctx, span))
            if record["start"] in compared or moves:
                if primary is not None and not _set_apart(primary[1], span):
                    out[record["start"]] = ("follows", primary[0]["start"])
            else:
                primary = (record, span)
        previous = (record, span)
    return out


def _set_apart(primary: Span, span: Span) -> bool:
    """The primary figure sits in a relative clause or apposition that the later figure is
    outside of ("The airline, which is 49% owned by X, said passenger numbers rose 8%")."""
    for token in (primary.root, *primary.root.ancestors):
        if (token.dep_ == "appos" or is_relative_clause(token)) and not token.left_edge.i <= span.root.i <= token.right_edge.i:
            return True
    return False


STANDING = frozenset({"debt", "investment"})
"""Metrics of a thing's size rather than of an event in a period (a fund, a loan, a stake, a plant)."""


def standing_size(span: Span, noun: Any, metric: str | None) -> bool:
    """A figure written before its noun as that thing's size ("a $6 billion bridge loan", "its
    55% stake", "the $1 billion portfolio"): the clause's date dates what happens to the thing,
    not its size. Amounts of events ("a $230 million charge in the quarter") keep their date."""
    root = span.root
    return noun is not None and metric in STANDING and root.head.i == noun.i and noun.i > root.i and \
        root.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod")


LISTED = re.compile(r"\s*(?:,|and|&|,\s*and)\s*", re.I)
"""Between two organisations of one list ("X, Y and Z")."""


def respective_owners(ctx: DocContext, records: list[dict[str, Any]], figures: list[Figure]) -> list[tuple[list[dict[str, Any]], list[str]]]:
    """"X and Y, which have 40% and 36% of the market, respectively": a run of figures joined
    like a list, in a sentence that says "respectively", pairs one by one with the list of as
    many organisations written last before it. Returns (figures, owners) pairs."""
    out = []
    orgs = sorted((r for r in records if r["type"] == "org"), key=lambda r: r["start"])
    runs: list[list[Figure]] = []
    for figure in figures:
        last = runs[-1][-1] if runs else None
        if last is not None and last[1].sent == figure[1].sent and SHARED.fullmatch(ctx.text[last[0]["end"] : figure[0]["start"]]):
            runs[-1].append(figure)
        else:
            runs.append([figure])
    for run in runs:
        sent = run[0][1].sent
        if len(run) < 2 or not any(t.lower_ == "respectively" for t in sent):
            continue
        before = [o for o in orgs if sent.start_char <= o["start"] and o["end"] <= run[0][0]["start"]]
        listed: list[dict[str, Any]] = []
        for org in before:  # the last list of organisations before the figures
            joined = listed and LISTED.fullmatch(ctx.text[listed[-1]["end"] : org["start"]])
            listed = [*listed, org] if joined else [org]
        if len(listed) == len(run) and len({o["canonical"] for o in listed}) == len(run):
            out.append(([record for record, _ in run], [o["canonical"] for o in listed]))
    return out


def _names_result_item(cues: LinkCues, span: Span, noun: Token | None) -> bool:
    """The figure is a gain, charge or write-down of a company's results, by its own noun ("a
    gain of $5 million") or its clause's subject ("the gain will be about $5 million")."""
    if noun is None:
        verb = span.root.head.head if span.root.head.dep_ == "prep" else span.root.head
        noun = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb.pos_ in VERBAL else None
    return noun is not None and noun.lemma_.lower() in cues.result_item_nouns


def link_figures(cues: LinkCues, mc: MetricCues, doc: Doc, records: list[dict[str, Any]],
                 source_ids: frozenset[str] = frozenset()) -> None:
    """Set the link fields of every money and percent record of ``doc`` (in place).

    ``source_ids``: org ids of organisations that report others' figures (agencies, outlets)."""
    ctx = DocContext(cues, doc, records, source_ids)
    dates = [(r, s) for r in records if r["type"] == "date" for s in [ctx.span(r)] if s is not None]
    figures = sorted(((r, s) for r in records if r["type"] in FIGURES for s in [ctx.span(r)] if s is not None),
                     key=lambda item: item[0]["start"])
    basis_of = basis(ctx, figures)
    compared = {r["start"] for r, s in figures if is_comparison_figure(ctx, s)}
    dates_in: dict[tuple[int, int], list[Figure]] = {}  # the date facts of each sentence unit
    for date, date_span in dates:
        dates_in.setdefault(ctx.unit(date_span), []).append((date, date_span))
    owned = {d["start"]: r["start"] for r, s in figures for d, _ in dates_in.get(ctx.unit(s), ())
             if owns(ctx, r, d, r["start"] in compared)}
    for record, span in figures:
        mine = [(d, s) for d, s in dates_in.get(ctx.unit(span), ()) if owned.get(d["start"], record["start"]) == record["start"]]
        if record["start"] in compared:  # "fell to $5 million from $7 million": only its own date
            mine = [(d, s) for d, s in mine if d["start"] in owned]
        record["period"] = period(ctx, span, mine, own=record["start"] in compared)
        if record["type"] == "percent":
            record["change"] = record.get("change") or change(ctx, span)
            record["basis"] = basis_of.get(record["start"]) if record["change"] else None
    leans = chains(ctx, figures, compared)
    by_start = {r["start"]: r for r, _ in figures}
    for record, span in figures:
        how, leader = leans.get(record["start"], (None, None))
        lead = by_start[leader] if leader is not None else None
        after = ctx.text[span.end_char : span.end_char + 30]
        if how == "restates":
            key = lead["metric"]
            small = record["type"] == lead["type"] == "money" and record["amount"] * 1000 <= lead["amount"]
            record["metric"] = per_share(mc, key) if mc.per_share.match(after) or small else key  # ", or 78 cents."
            record["period"] = lead["period"]
        else:
            key = figure_metric(ctx, mc, span, record["type"] == "percent", record["end"])
            if key is None and lead is not None or lead is not None and lead["metric"] == "eps" and key in mc.result_metrics:
                key = lead["metric"]  # "to $2 a share from $3": compared with a per-share figure
            record["metric"] = per_share(mc, key) if mc.per_share.match(after) else key
        market = own_noun(mc, span)
        if standing_size(span, market, record["metric"]):
            record["period"] = None  # "the $1.5 billion fund had outflows in the past two months"
        if market is not None and market.lemma_.lower() in mc.market_nouns:
            record["subject"] = None  # "the $5 billion candy market" is no company's
        else:
            company_figure = record["metric"] in mc.company_metrics or _names_result_item(cues, span, market)
            record["subject"] = subject(ctx, span, company_figure, record["metric"])
        if record["subject"] is None and lead is not None:
            record["subject"] = lead["subject"]
    for (record, _), (following, _) in zip(figures, figures[1:]):
        if record["metric"] is None and record["type"] == following["type"] and SHARED.fullmatch(
                ctx.text[record["end"] : following["start"]]):
            record["metric"] = following["metric"]  # "40% and 36% of the market"
    for (record, span), (joined, joined_span) in zip(figures, figures[1:]):
        if joined["metric"] is None and joined["type"] == record["type"] and joined_span.root.dep_ == "conj" and \
                joined_span.root.head.i == span.root.i and SHARED.fullmatch(ctx.text[record["end"] : joined["start"]]):
            joined["metric"] = record["metric"]  # "was at 1.08 dollars and 158 yen"
    for record, span in figures:
        if record["metric"] is None and record["type"] == "percent" and held(mc, span):
            record["metric"] = "stake"
    for run, owners in respective_owners(ctx, records, figures):
        for record, owner in zip(run, owners):
            record["subject"] = owner
    for record, _ in figures:
        primary = by_start.get(record.get("equivalent_of")) if record["type"] == "money" else None
        if primary is not None and primary is not record and primary["type"] == "money":
            record["period"], record["subject"], record["metric"] = primary["period"], primary["subject"], primary["metric"]
