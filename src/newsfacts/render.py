"""Human-facing renderings of results: a rich table and an HTML page with highlighted facts."""

from __future__ import annotations

import html
from typing import Any

from rich.table import Table

from .facts import FACT_TYPES

_VALUE_FIELDS = {
    "money": ("amount", "amount_max", "currency", "approx", "usd", "usd_basis"),
    "percent": ("value", "unit", "approx"),
    "org": ("canonical",),
    "event": ("name", "date_start", "date_end"),
    "date": ("date_start", "date_end", "open_end", "granularity"),
}

_COLOURS = {"money": "#ffd54f", "percent": "#aed581", "org": "#81d4fa", "event": "#ce93d8", "date": "#ffab91"}


def _value_text(fact: dict[str, Any]) -> str:
    parts = []
    for field in _VALUE_FIELDS.get(fact["type"], ()):
        value = fact.get(field)
        if value is not None and value is not False:
            parts.append(f"{field}={value}")
    return ", ".join(parts)


def facts_table(result: dict[str, Any]) -> Table:
    """One row per fact: type, offsets, text and normalised values."""
    title = f"{result['doc']} — published {result['published'] or 'unknown'}"
    if result.get("published_basis"):
        title += f" ({result['published_basis']})"
    table = Table(title=title, show_lines=False)
    for column in ("type", "span", "text", "value"):
        table.add_column(column, overflow="fold")
    for fact in result["facts"]:
        table.add_row(fact["type"], f"{fact['start']}-{fact['end']}", fact["text"], _value_text(fact))
    return table


def facts_html(text: str, result: dict[str, Any]) -> str:
    """A standalone HTML page: the article with each fact highlighted and its values in a tooltip."""
    pieces: list[str] = []
    cursor = 0
    for fact in sorted(result["facts"], key=lambda f: (f["start"], -f["end"])):
        if fact["start"] < cursor:
            continue
        pieces.append(html.escape(text[cursor : fact["start"]]))
        colour = _COLOURS.get(fact["type"], "#eeeeee")
        tip = html.escape(f"{fact['type']}: {_value_text(fact)}", quote=True)
        pieces.append(
            f'<mark style="background:{colour}" title="{tip}">{html.escape(fact["text"])}'
            f'<sub>{fact["type"]}</sub></mark>'
        )
        cursor = fact["end"]
    pieces.append(html.escape(text[cursor:]))
    legend = " ".join(f'<mark style="background:{_COLOURS[t]}">{t}</mark>' for t in FACT_TYPES)
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        f"<title>newsfacts: {html.escape(result['doc'])}</title></head>\n"
        f"<body><p>{legend}</p><p>published: {html.escape(str(result['published']))}</p>\n"
        f"<pre style=\"white-space:pre-wrap;font-family:serif;line-height:1.8\">{''.join(pieces)}</pre>\n"
        "</body></html>\n"
    )


_FIGURES = ("span_p", "span_r", "span_f1", "strict_f1", "value_acc", "value_f1")


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def grade_table(report: dict[str, Any], title: str = "") -> Table:
    """The grader's figures: one row per fact type and one for all types."""
    table = Table(title=title)
    table.add_column("type", no_wrap=True)
    for column in ("gold", "pred", *_FIGURES):
        table.add_column(column.replace("_", " "), justify="right", no_wrap=True)
    for fact_type, figures in report.items():
        style = "bold" if fact_type == "all" else None
        table.add_row(
            fact_type, str(figures["gold"]), str(figures["pred"]), *(_figure(figures[f]) for f in _FIGURES), style=style
        )
    return table


def misses_table(misses: list[dict[str, Any]]) -> Table:
    """Every missed, spurious and wrong-value fact, with both sides' text and values."""
    table = Table(title=f"{len(misses)} misses", show_lines=True)
    for column in ("doc", "type", "kind", "gold", "predicted"):
        table.add_column(column, overflow="fold")

    def side(fact: dict[str, Any] | None) -> str:
        if fact is None:
            return ""
        return f"{fact['text']!r} [{fact['start']}:{fact['end']}]\n{_value_text(fact)}"

    for miss in misses:
        table.add_row(miss["doc"], miss["type"], miss["kind"], side(miss["gold"]), side(miss["pred"]))
    return table
