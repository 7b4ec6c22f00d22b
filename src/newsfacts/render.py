"""Human-facing renderings of results: rich tables, an HTML page per article, displaCy.

The HTML page shows every value as text (inline labels and a facts table), so it
reads the same on screen, printed or shared; it needs no script and no network.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import Any

from rich.table import Table
from rich.text import Text

from .facts import FACT_TYPES

_VALUE_FIELDS = {
    "money": ("amount", "amount_max", "currency", "approx", "usd", "usd_basis", "equivalent_of", "period", "subject",
              "metric"),
    "percent": ("value", "value_max", "unit", "approx", "change", "basis", "period", "subject", "metric"),
    "org": ("canonical", "id"),
    "event": ("name", "date_start", "date_end"),
    "date": ("date_start", "date_end", "open_end", "granularity"),
}

FIGURE_TYPES = ("money", "percent")  # the facts that carry links (subject, metric, period)

COLOURS = {"money": "#ffd54f", "percent": "#aed581", "org": "#81d4fa", "event": "#ce93d8", "date": "#ffab91"}

_APPROX = {"about": "~", "over": ">", "under": "<", "up_to": "≤"}
_SCALES = ((10**12, "tn"), (10**9, "bn"), (10**6, "m"))
_BASIS = {"year_on_year": "y/y", "quarter_on_quarter": "q/q", "month_on_month": "m/m"}


def _value_text(fact: dict[str, Any]) -> str:
    parts = []
    for field in _VALUE_FIELDS.get(fact["type"], ()):
        value = fact.get(field)
        if value is not None and value is not False and value != "":
            parts.append(f"{field}={value}")
    return ", ".join(parts)


def human_amount(value: float | int | None) -> str:
    """A readable amount: 1.7e12 → "1.7 tn", 2500 → "2,500".

    >>> human_amount(1_700_000_000_000), human_amount(979_745_428.83), human_amount(2500), human_amount(None)
    ('1.7 tn', '979.75 m', '2,500', '?')
    """
    if value is None:
        return "?"
    for size, name in _SCALES:
        if abs(value) >= size:
            return f"{value / size:,.2f}".rstrip("0").rstrip(".") + f" {name}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _plain_number(value: float | int | None) -> str:
    """A percentage as written: 8.0 → "8", 14.4 → "14.4" (a table gives every value as a float)."""
    return "?" if value is None else f"{float(value):,.10g}"


def _dates(start: str | None, end: str | None, open_end: bool = False) -> str:
    if start is None:
        return "unresolved"
    text = start if end in (None, start) else f"{start} – {end}"
    return text + (" →" if open_end else "")


def value_label(fact: dict[str, Any]) -> str:
    """The normalised value of a fact in a few characters, for labels and tables.

    >>> value_label({"type": "money", "amount": 1.7e12, "currency": "CNY", "approx": "about",
    ...              "usd": 2.37e11, "usd_basis": "stated"})
    '~CNY 1.7 tn ≈ USD 237 bn (stated)'
    >>> value_label({"type": "percent", "value": 4.4, "unit": "percentage_point", "change": "down"})
    '↓ 4.4 pp'
    >>> value_label({"type": "percent", "value": 5.0, "value_max": 7, "unit": "percent", "basis": "year_on_year"})
    '5–7 % y/y'
    >>> value_label({"type": "date", "date_start": None, "date_end": None})
    'unresolved'
    """
    kind = fact.get("type")
    approx = _APPROX.get(fact.get("approx") or "", "")
    if kind == "money":
        amount = human_amount(fact.get("amount"))
        if fact.get("amount_max") is not None:
            amount += f"–{human_amount(fact['amount_max'])}"
        text = f"{approx}{fact.get('currency')} {amount}"
        if fact.get("currency") != "USD":
            usd = "?" if fact.get("usd") is None else human_amount(fact["usd"])
            text += f" ≈ USD {usd} ({fact.get('usd_basis') or 'no rate'})"
        if fact.get("equivalent_of") is not None:
            text += " [equivalent]"
        return text
    if kind == "percent":
        arrow = {"up": "↑ ", "down": "↓ "}.get(fact.get("change") or "", "")
        unit = "pp" if fact.get("unit") == "percentage_point" else "%"
        basis = _BASIS.get(fact.get("basis") or "")
        value = _plain_number(fact.get("value"))
        if fact.get("value_max") is not None:
            value += f"–{_plain_number(fact['value_max'])}"
        return f"{arrow}{approx}{value} {unit}" + (f" {basis}" if basis else "")
    if kind == "org":
        return str(fact.get("canonical") or fact.get("name") or "")
    if kind == "event":
        name = str(fact.get("name") or "")
        return name + (f" ({_dates(fact['date_start'], fact.get('date_end'))})" if fact.get("date_start") else "")
    if kind == "date":
        return _dates(fact.get("date_start"), fact.get("date_end"), bool(fact.get("open_end")))
    return ""


def facts_table(result: dict[str, Any]) -> Table:
    """One row per fact: type, offsets, text and normalised values (all shown literally:
    text and ids are plain ``Text``, never read as rich markup)."""
    title = f"{result['doc']} — published {result['published'] or 'unknown'}"
    if result.get("published_basis"):
        title += f" ({result['published_basis']})"
    table = Table(title=Text(title), show_lines=False)
    for column in ("type", "span", "text", "value"):
        table.add_column(column, overflow="fold")
    for fact in result["facts"]:
        table.add_row(fact["type"], f"{fact['start']}-{fact['end']}", Text(fact["text"]), Text(_value_text(fact)))
    return table


PAGE_CSS = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222;max-width:80rem}
h1{font-size:1.3rem;margin:0 0 .3rem} h2{font-size:1.1rem;margin:1.2rem 0 .4rem}
.meta{margin:.2rem 0;color:#444}
.count,.legend span{display:inline-block;padding:.05rem .45rem;margin:0 .3rem .3rem 0;border-radius:.3rem}
.article{white-space:pre-wrap;font-family:Georgia,serif;line-height:2.1}
mark{padding:.05rem .2rem;border-radius:.25rem}
mark .lab{font:600 .68rem system-ui,sans-serif;margin-left:.3rem;padding:0 .25rem;background:#fff8;border-radius:.2rem}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}
th{background:#f3f3f3} td.num{text-align:right;font-variant-numeric:tabular-nums}
.chart svg{max-width:100%;height:auto}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(30rem,1fr));gap:1rem}
.note,.caption{color:#666;font-style:italic} .caption{font-size:.8rem;margin:.2rem 0}
mark .links{font-weight:400} a.ref{color:inherit} :target{outline:2px solid #333}
details summary{cursor:pointer} .sentence{display:block;font-size:.8rem;color:#444;max-width:40rem}
td.doc{font-size:.75rem;color:#555;word-break:break-all}
@media print{body{margin:0;max-width:none} .charts{display:block} .chart{break-inside:avoid}
 mark,.count,.legend span{-webkit-print-color-adjust:exact;print-color-adjust:exact} tr{break-inside:avoid}}
"""


def page(title: str, body: str) -> str:
    """A standalone HTML page (no scripts, no external resources)."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        f"<title>{html.escape(title)}</title><style>{PAGE_CSS}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


def type_counts(facts: list[dict[str, Any]]) -> str:
    """Coloured per-type counts ("money 3 · percent 5 …"), every type shown."""
    counts = Counter(fact["type"] for fact in facts)
    return "".join(
        f'<span class="count" data-type="{t}" style="background:{COLOURS[t]}">{t} <b>{counts.get(t, 0)}</b></span>'
        for t in FACT_TYPES
    )


def reference_line(result: dict[str, Any]) -> str:
    """"Reference date: 2023-11-13 (dateline)", or "unknown" when there is none."""
    if not result.get("published"):
        return "Reference date: <b>unknown</b> (relative dates unresolved; money at the newest ECB rate)"
    basis = result.get("published_basis") or "unknown"
    return f"Reference date: <b>{html.escape(str(result['published']))}</b> (basis: {html.escape(str(basis))})"


def _anchor(fact: dict[str, Any]) -> str:
    return f"f{fact['start']}-{fact['end']}"


def _ref(target: dict[str, Any] | None, label: str, marked: set[str]) -> str:
    """``label`` as an in-page link to the marked span it names (plain text when unmarked)."""
    if target is None or _anchor(target) not in marked:
        return html.escape(label)
    return f'<a class="ref" href="#{_anchor(target)}">{html.escape(label)}</a>'


def _links(fact: dict[str, Any], facts: list[dict[str, Any]], marked: set[str]) -> dict[str, str]:
    """A figure's links as HTML: its subject (the nearest mention of that organisation),
    its metric and its period (the date fact), each pointing at the span it names, so a
    reader checks them against the text."""
    out = {"subject": "", "metric": html.escape(fact.get("metric") or ""), "period": ""}
    if fact.get("subject"):
        mentions = [f for f in facts if f["type"] == "org" and f.get("canonical") == fact["subject"]]
        nearest = min(mentions, key=lambda f: abs(f["start"] - fact["start"]), default=None)
        out["subject"] = _ref(nearest, fact["subject"], marked)
    period = fact.get("period")
    if isinstance(period, (list, tuple)) and len(period) == 2:
        linked = next((f for f in facts if f["type"] == "date" and [f["start"], f["end"]] == list(period)), None)
        out["period"] = _ref(linked, linked["text"] if linked else f"chars {period[0]}–{period[1]}", marked)
    return out


def facts_html(text: str, result: dict[str, Any]) -> str:
    """A standalone page: the article with each fact highlighted and its value written
    beside it (for a figure also its subject, metric and period, linked to their spans),
    counts per type, the reference date, and a table of every fact with its links."""
    facts = sorted(result["facts"], key=lambda f: (f["start"], -f["end"]))
    shown, cursor = [], 0
    for fact in facts:
        if fact["start"] >= cursor:  # a fact nested in the previous one is listed in the table only
            shown.append(fact)
            cursor = fact["end"]
    marked = {_anchor(fact) for fact in shown}
    pieces: list[str] = []
    cursor = 0
    for fact in shown:
        pieces.append(html.escape(text[cursor : fact["start"]]))
        label = html.escape(value_label(fact))
        links = [part for part in _links(fact, facts, marked).values() if part] if fact["type"] in FIGURE_TYPES else []
        if links:
            label += f' <span class="links">‹ {" · ".join(links)} ›</span>'
        pieces.append(
            f'<mark class="fact" id="{_anchor(fact)}" data-type="{fact["type"]}" '
            f'style="background:{COLOURS.get(fact["type"], "#eee")}">'
            f'{html.escape(text[fact["start"]:fact["end"]])}<span class="lab">{fact["type"]}: {label}</span></mark>'
        )
        cursor = fact["end"]
    pieces.append(html.escape(text[cursor:]))
    rows = []
    for number, f in enumerate(facts, start=1):
        links = _links(f, facts, marked) if f["type"] in FIGURE_TYPES else {"subject": "", "metric": "", "period": ""}
        rows.append(
            f'<tr data-type="{f["type"]}"><td class="num">{number}</td><td>{f["type"]}</td>'
            f'<td class="num">{f["start"]}–{f["end"]}</td><td>{html.escape(f["text"])}</td>'
            f'<td>{html.escape(value_label(f))}</td><td>{links["subject"]}</td><td>{links["metric"]}</td>'
            f'<td>{links["period"]}</td></tr>'
        )
    body = (
        f"<h1>{html.escape(str(result['doc']))}</h1>\n"
        f'<p class="meta" id="reference">{reference_line(result)}</p>\n'
        f'<p class="counts" id="counts">{len(facts)} facts: {type_counts(facts)}</p>\n'
        f'<h2>Article</h2>\n<div class="article" id="article">{"".join(pieces)}</div>\n'
        '<h2>Facts</h2>\n<table id="facts"><thead><tr><th>#</th><th>type</th><th>chars</th><th>text</th>'
        "<th>value</th><th>subject</th><th>metric</th><th>period</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    return page(f"newsfacts: {result['doc']}", body)


def displacy_data(doc_or_record: Any, text: str | None = None) -> dict[str, Any]:
    """displaCy's manual "ent" input for a Doc (or a record and its text): one span per
    fact from its character offsets, labelled "TYPE: value". Nested facts are left out
    (displaCy cannot show overlaps); the outer one is kept."""
    if text is None:
        text = doc_or_record.text
        facts = [fact.to_dict() for fact in doc_or_record._.facts]
    else:
        facts = doc_or_record["facts"]
    ents, cursor = [], 0
    for fact in sorted(facts, key=lambda f: (f["start"], -f["end"])):
        if fact["start"] >= cursor:
            ents.append({"start": fact["start"], "end": fact["end"],
                         "label": f"{fact['type'].upper()}: {value_label(fact)}"})
            cursor = fact["end"]
    return {"text": text, "ents": ents, "title": None}


def displacy(doc_or_record: Any, text: str | None = None, **kwargs: Any) -> str:
    """Render a Doc's facts with displaCy (colour per type, the value in the label):
    ``newsfacts.displacy(doc)`` in a notebook, or ``jupyter=False`` for the HTML string."""
    from spacy import displacy as spacy_displacy

    data = displacy_data(doc_or_record, text)
    # displaCy escapes the text but writes labels as they are: escape them here
    data["ents"] = [{**ent, "label": html.escape(ent["label"])} for ent in data["ents"]]
    colours = {ent["label"]: COLOURS.get(ent["label"].split(":")[0].lower(), "#eee") for ent in data["ents"]}
    return spacy_displacy.render(data, style="ent", manual=True, options={"colors": colours}, **kwargs)


_FIGURES = ("span_p", "span_r", "span_f1", "strict_f1", "value_acc", "value_f1")


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def grade_table(report: dict[str, Any], title: str = "") -> Table:
    """The grader's figures: one row per fact type and one for all types (the title, which
    names the gold folder, is shown literally)."""
    table = Table(title=Text(title))
    table.add_column("type", no_wrap=True)
    for column in ("gold", "pred", *_FIGURES):
        table.add_column(column.replace("_", " "), justify="right", no_wrap=True)
    for fact_type, figures in report.items():
        style = "bold" if fact_type == "all" else None
        table.add_row(
            fact_type, str(figures["gold"]), str(figures["pred"]), *(_figure(figures[f]) for f in _FIGURES), style=style
        )
    return table


_LINK_FIGURES = ("period", "subject", "change", "basis", "equivalent_of", "all")


def links_table(links: dict[str, Any], title: str = "link accuracy") -> Table:
    """Link accuracy over value-matched figures: one row per figure type, per field and all four right."""
    table = Table(title=Text(title))
    table.add_column("type", no_wrap=True)
    for column in ("pairs", *_LINK_FIGURES[:-1], "all four", "metric"):
        table.add_column(column.replace("_", " "), justify="right", no_wrap=True)
    for fact_type, figures in links.items():
        style = "bold" if fact_type == "all" else None
        table.add_row(fact_type, str(figures["pairs"]), *(_figure(figures[f]) for f in _LINK_FIGURES),
                      _figure(figures.get("metric")), style=style)
    return table


def misses_table(misses: list[dict[str, Any]]) -> Table:
    """Every missed, spurious, wrong-value and wrong-link fact, with both sides' text and values
    (cells are plain ``Text``: a file name like ``a[/b]x.txt`` is not rich markup)."""
    table = Table(title=f"{len(misses)} misses", show_lines=True)
    for column in ("doc", "type", "kind", "gold", "predicted"):
        table.add_column(column, overflow="fold")

    def side(fact: dict[str, Any] | None) -> str:
        if fact is None:
            return ""
        return f"{fact['text']!r} [{fact['start']}:{fact['end']}]\n{_value_text(fact)}"

    for miss in misses:
        kind = f"{miss['kind']}: {', '.join(miss['fields'])}" if miss.get("fields") else miss["kind"]
        table.add_row(*(Text(cell) for cell in (miss["doc"], miss["type"], kind, side(miss["gold"]), side(miss["pred"]))))
    return table
