"""The corpus report: one offline HTML page of charts over many articles' facts.

Charts are drawn with matplotlib and embedded as inline SVG, so the page needs no
script and no network to view, prints, and keeps its text (labels, numbers) as text.
Money is summed in USD with each amount once (stated equivalents are skipped).
"""

from __future__ import annotations

import html
import io
from typing import Any, Iterable

from .facts import FACT_TYPES
from .render import COLOURS, human_amount, page, type_counts
from .tables import to_frame

TOP = 15  # bars in a "most mentioned" chart


def _figure(width: float = 7.0, height: float = 3.6):
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    return figure, figure.add_subplot()


def _svg(figure) -> str:
    """The figure as inline SVG text (fonts kept as text, no XML prologue)."""
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "font.size": 9}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]


def _chart(chart_id: str, title: str, svg: str | None, note: str) -> str:
    inner = svg if svg is not None else f'<p class="note">{html.escape(note)}</p>'
    return f'<section class="chart" id="{chart_id}"><h2>{html.escape(title)}</h2>{inner}</section>'


def _money(frame):
    """Money rows that count: each amount once, with a USD value."""
    money = frame[(frame["type"] == "money") & frame["equivalent_of"].isna() & frame["usd"].notna()]
    return money.assign(when=money["period_start"].fillna(money["published"]))


def _usd_axis(axis, which: str = "x") -> None:
    from matplotlib.ticker import FuncFormatter

    getattr(axis, f"{which}axis").set_major_formatter(FuncFormatter(lambda value, _: human_amount(value)))


def usd_by_month(frame) -> str | None:
    """Bars: USD per month of the figure's period (or the article's date when unlinked)."""
    money = _money(frame).dropna(subset=["when"])
    if money.empty:
        return None
    totals = money.groupby(money["when"].dt.to_period("M"))["usd"].sum().sort_index()
    figure, axis = _figure()
    labels = [str(period) for period in totals.index]
    axis.bar(labels, totals.to_numpy(), color=COLOURS["money"], edgecolor="#8d6e00")
    _usd_axis(axis, "y")
    axis.set_ylabel("USD")
    axis.tick_params(axis="x", labelrotation=45)
    return _svg(figure)


def _barh(labels: list[str], values: list[float], colour: str, xlabel: str, money: bool = False) -> str:
    figure, axis = _figure(height=max(1.6, 0.28 * len(labels) + 0.8))
    axis.barh(labels[::-1], values[::-1], color=colour, edgecolor="#555", linewidth=0.4)
    axis.set_xlabel(xlabel)
    if money:
        _usd_axis(axis)
    for spine in ("top", "right"):
        axis.spines[spine].set_visible(False)
    return _svg(figure)


def usd_by_org(frame) -> str | None:
    """Bars: USD per organisation the figure belongs to (the ``subject`` link)."""
    money = _money(frame).dropna(subset=["subject"])
    if money.empty:
        return None
    totals = money.groupby("subject")["usd"].sum().sort_values(ascending=False).head(TOP)
    return _barh([str(s) for s in totals.index], totals.tolist(), COLOURS["money"], "USD", money=True)


def percent_changes(frame) -> str | None:
    """Bars: percent rises (up) and falls (down), signed, largest first."""
    changes = frame[(frame["type"] == "percent") & frame["change"].notna() & frame["value"].notna()]
    if changes.empty:
        return None
    signed = changes["value"].where(changes["change"] == "up", -changes["value"])
    changes = changes.assign(signed=signed).reindex(signed.abs().sort_values(ascending=False).index).head(TOP)
    labels = [f"{row.subject if isinstance(row.subject, str) else row.doc}: {row.text}"[:60]
              for row in changes.itertuples()]
    figure, axis = _figure(height=max(1.6, 0.28 * len(labels) + 0.8))
    colours = ["#2e7d32" if value >= 0 else "#c62828" for value in changes["signed"]]
    axis.barh(labels[::-1], changes["signed"].tolist()[::-1], color=colours[::-1])
    axis.axvline(0, color="#333", linewidth=0.8)
    axis.set_xlabel("change (percent or percentage points)")
    return _svg(figure)


def most_mentioned(frame, fact_type: str, column: str) -> str | None:
    """Bars: the organisations (or events) most often mentioned, with how many articles."""
    rows = frame[(frame["type"] == fact_type) & frame[column].notna() & (frame[column] != "")]
    if rows.empty:
        return None
    counts = rows.groupby(column).agg(mentions=("doc", "size"), articles=("doc", "nunique"))
    counts = counts.sort_values(["mentions", "articles"], ascending=False).head(TOP)
    labels = [f"{name} ({articles} art.)" for name, articles in zip(counts.index, counts["articles"])]
    return _barh(labels, counts["mentions"].tolist(), COLOURS[fact_type], "mentions")


def timeline(frame) -> str | None:
    """Dated facts on one time axis: a lane per kind, a bar from start to end for periods."""
    import numpy as np

    lanes = {"date": frame[frame["type"] == "date"], "event": frame[frame["type"] == "event"],
             "money period": _money(frame).assign(date_start=lambda m: m["period_start"], date_end=lambda m: m["period_end"])}
    lanes = {name: rows.dropna(subset=["date_start"]) for name, rows in lanes.items()}
    lanes = {name: rows for name, rows in lanes.items() if not rows.empty}
    if not lanes:
        return None
    figure, axis = _figure(height=0.6 * len(lanes) + 1.4)
    rng = np.random.default_rng(0)
    for lane, (name, rows) in enumerate(lanes.items()):
        colour = COLOURS["money" if name.startswith("money") else name]
        starts = rows["date_start"].to_numpy()
        ends = rows["date_end"].fillna(rows["date_start"]).to_numpy()
        heights = lane + rng.uniform(-0.25, 0.25, len(rows))
        axis.hlines(heights, starts, ends, color=colour, linewidth=2.5, alpha=0.8)
        axis.scatter(starts, heights, s=12, color=colour, edgecolor="#555", linewidth=0.4, zorder=3)
    axis.set_yticks(range(len(lanes)), list(lanes))
    axis.set_ylim(-0.6, len(lanes) - 0.4)
    return _svg(figure)


def _summary(frame, documents: int, failed: int) -> str:
    facts = frame[frame["type"].notna()]
    money = _money(frame)
    dated = facts["date_start"].dropna()
    span = f"{dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d}" if not dated.empty else "none"
    undated = int(frame.drop_duplicates("doc")["published"].isna().sum())
    items = [
        f"<li><b>{documents}</b> articles ({undated} without a reference date, {failed} failed)</li>",
        f"<li><b>{len(facts)}</b> facts: {type_counts(facts[['type']].to_dict('records'))}</li>",
        f"<li>money: <b>USD {human_amount(float(money['usd'].sum()))}</b> in {len(money)} amounts "
        "(each counted once: stated equivalents skipped)</li>",
        f"<li>dated facts from <b>{span}</b></li>",
    ]
    return f'<ul class="meta" id="summary">{"".join(items)}</ul>'


def _largest(frame) -> str:
    money = _money(frame).sort_values("usd", ascending=False).head(10)
    rows = "".join(
        f"<tr><td>{html.escape(str(r.doc))}</td><td>{html.escape(str(r.text))}</td>"
        f'<td class="num">{html.escape(human_amount(r.usd))}</td><td>{html.escape(str(r.usd_basis))}</td></tr>'
        for r in money.itertuples()
    )
    return ('<section id="largest"><h2>Largest amounts</h2><table><thead><tr><th>article</th><th>text</th>'
            f"<th>USD</th><th>rate</th></tr></thead><tbody>{rows}</tbody></table></section>")


def report_html(records: Iterable[dict[str, Any]], title: str = "newsfacts report") -> str:
    """The corpus report for gold-shaped records (``newsfacts extract`` output)."""
    records = list(records)
    frame = to_frame(records, keep_empty=True)
    failed = sum(1 for record in records if record.get("error"))
    charts = [
        _chart("usd-by-month", "Money in USD by month", usd_by_month(frame), "No money amount with a USD value and a date."),
        _chart("usd-by-org", "Money in USD by organisation", usd_by_org(frame),
               "No money amount is linked to an organisation (subject)."),
        _chart("percent-changes", "Percent changes", percent_changes(frame), "No percentage is marked as a rise or fall."),
        _chart("top-orgs", "Organisations most mentioned", most_mentioned(frame, "org", "canonical"), "No organisations."),
        _chart("top-events", "Events most mentioned", most_mentioned(frame, "event", "name"), "No events."),
        _chart("timeline", "Timeline of dated facts", timeline(frame), "No resolved dates."),
    ]
    legend = "".join(f'<span style="background:{COLOURS[t]}">{t}</span>' for t in FACT_TYPES)
    body = (f"<h1>{html.escape(title)}</h1>\n{_summary(frame, len(records), failed)}\n"
            f'<p class="legend">{legend}</p>\n<div class="charts">{"".join(charts)}</div>\n{_largest(frame)}')
    return page(title, body)
