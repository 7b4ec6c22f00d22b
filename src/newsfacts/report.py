"""The corpus report: one offline HTML page of charts and a figures table over many articles.

Charts are drawn with matplotlib and embedded as inline SVG, so the page needs no
network to view, prints, and keeps its text (labels, numbers) as text. Money is summed
in USD with each amount once (stated equivalents are skipped). Organisations are
grouped by ``id``, so "Alibaba" and "Alibaba Group" are one bar. The figures table's
organisation filter is a few lines of inline script; without it every row shows.
"""

from __future__ import annotations

import functools
import html
import io
import re
from collections import Counter
from typing import TYPE_CHECKING, Any, Callable, Iterable

from .facts import FACT_TYPES
from .render import COLOURS, human_amount, page, type_counts, value_label
from .tables import frame_records, is_missing, iso_date, subject_ids, to_frame

if TYPE_CHECKING:
    import pandas as pd

TOP = 15  # bars in a "most mentioned" chart
LABEL_CHARS = 60
# Chart text is literal: "$5 m … $3 m" in a label is not TeX (mathtext).
_RC = {"svg.fonttype": "none", "font.size": 9, "text.parse_math": False}
_MONTH_DAYS = 31


def _literal(draw: Callable[..., str | None]) -> Callable[..., str | None]:
    """Draw under the report's matplotlib settings (fonts as text, no mathtext)."""

    @functools.wraps(draw)
    def drawn(*args: Any, **kwargs: Any) -> str | None:
        import matplotlib

        with matplotlib.rc_context(_RC):
            return draw(*args, **kwargs)

    return drawn


def _figure(width: float = 7.0, height: float = 3.6):
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    return figure, figure.add_subplot()


def _svg(figure) -> str:
    """The figure as inline SVG text (no XML prologue)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _chart(chart_id: str, title: str, svg: str | None, note: str, caption: str = "") -> str:
    inner = svg if svg is not None else f'<p class="note">{html.escape(note)}</p>'
    caption = f'<p class="caption">{html.escape(caption)}</p>' if svg is not None and caption else ""
    return f'<section class="chart" id="{chart_id}"><h2>{html.escape(title)}</h2>{inner}{caption}</section>'


def _money(frame: pd.DataFrame) -> pd.DataFrame:
    """Money rows that count: each amount once, with a USD value, dated by its linked
    period (``start``/``stop``), else by its article's date."""
    money = frame[(frame["type"] == "money") & frame["equivalent_of"].isna() & frame["usd"].notna()]
    linked = money["period_start"].notna()
    start = money["period_start"].where(linked, money["published"])
    stop = money["period_end"].where(linked & money["period_end"].notna(), start)
    return money.assign(start=start, stop=stop, linked=linked)


def _amount_axis(axis: Any, which: str = "x", log: bool = False) -> None:
    """Ticks as readable amounts ("5 bn"), few enough not to run together (on a log
    scale at 1, 2 and 5 of each power of ten, so a narrow range still has labels)."""
    from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter

    ruler = getattr(axis, f"{which}axis")
    ruler.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)) if log else MaxNLocator(nbins=4))
    ruler.set_major_formatter(FuncFormatter(lambda value, _: human_amount(value)))
    ruler.set_minor_formatter(NullFormatter())


def _plain_frame(axis: Any) -> None:
    for spine in ("top", "right"):
        axis.spines[spine].set_visible(False)


def usd_caption(frame: pd.DataFrame) -> str:
    """What the money-over-time chart counts, in one sentence."""
    every = _money(frame)
    money = every.dropna(subset=["start"])
    long = _long_periods(money)
    undated = f" {len(every) - len(money)} amounts have neither and are not drawn." if len(money) < len(every) else ""
    return (f"{len(money)} amounts in USD, each once (stated equivalents skipped), dated by the period they are "
            f"linked to ({int(money['linked'].sum())}) or else by their article's date. Bars: the total per month of "
            f"amounts within one month; lines: {int(long.sum())} amounts over a longer period (a quarter, a half, "
            f"a year), drawn across it at their own value.{undated}")


def _long_periods(money: pd.DataFrame) -> pd.Series:
    return (money["stop"] - money["start"]).dt.days >= _MONTH_DAYS


@_literal
def usd_by_month(frame: pd.DataFrame) -> str | None:
    """USD on a time axis: monthly totals of amounts dated within a month, and each
    amount over a longer period (a half-year total) as a line across that period."""
    import pandas as pd

    money = _money(frame).dropna(subset=["start"])
    if money.empty:
        return None
    long = _long_periods(money)
    figure, axis = _figure()
    short = money[~long]
    if not short.empty:
        totals = short.groupby(short["start"].dt.to_period("M"))["usd"].sum()
        months = totals.index.to_timestamp()
        axis.bar(months, totals.to_numpy(), width=27, align="edge", color=COLOURS["money"], edgecolor="#8d6e00",
                 linewidth=0.5, label="total of the month's amounts")
    spans = money[long]
    if not spans.empty:
        ends = spans["stop"] + pd.Timedelta(days=1)
        axis.hlines(spans["usd"], spans["start"], ends, color="#8d6e00", linewidth=2.5,
                    label="one amount over a longer period")
    axis.set_yscale("log")
    _amount_axis(axis, "y", log=True)
    axis.set_ylabel("USD (log scale)")
    axis.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, frameon=False)
    _plain_frame(axis)
    figure.autofmt_xdate()
    return _svg(figure)


def _barh(labels: list[str], values: list[float], colour: str, xlabel: str, money: bool = False) -> str:
    """Horizontal bars, first label on top (positions, so equal labels never merge)."""
    figure, axis = _figure(height=max(1.6, 0.28 * len(labels) + 0.8))
    positions = list(range(len(labels)))[::-1]
    axis.barh(positions, values, color=colour, edgecolor="#555", linewidth=0.4)
    axis.set_yticks(positions, [_short(label) for label in labels])
    axis.set_xlabel(xlabel)
    if money:
        _amount_axis(axis)
    _plain_frame(axis)
    return _svg(figure)


def _most_frequent(values: pd.Series) -> str:
    return Counter(str(v) for v in values).most_common(1)[0][0]


@_literal
def usd_by_org(frame: pd.DataFrame) -> str | None:
    """Bars: USD per organisation the figure belongs to (the ``subject`` link), one bar
    per organisation ``id``, labelled with its most frequent name."""
    money = _money(frame)
    money = money.assign(key=subject_ids(frame).loc[money.index]).dropna(subset=["key"])
    if money.empty:
        return None
    groups = money.groupby("key").agg(usd=("usd", "sum"), label=("subject", _most_frequent))
    groups = groups.sort_values("usd", ascending=False).head(TOP)
    return _barh(groups["label"].tolist(), groups["usd"].tolist(), COLOURS["money"], "USD", money=True)


def _figure_label(row: Any) -> str:
    """"Acme Corp · revenue: 14.4 percent" (the organisation and metric, not a file name)."""
    who = row.subject if isinstance(row.subject, str) else "no organisation"
    what = f" · {row.metric}" if isinstance(row.metric, str) else ""
    return f"{who}{what}: {row.text}"


@_literal
def percent_changes(frame: pd.DataFrame) -> str | None:
    """Bars: percent rises (up) and falls (down), signed, largest first."""
    changes = frame[(frame["type"] == "percent") & frame["change"].notna() & frame["value"].notna()]
    if changes.empty:
        return None
    signed = changes["value"].where(changes["change"] == "up", -changes["value"])
    labels = [_figure_label(row) for row in changes.itertuples()]
    # the same figure repeated across articles (wire copies) is one bar
    changes = changes.assign(signed=signed, label=labels).groupby(["label", "signed"], as_index=False).agg(
        articles=("doc", "nunique"))
    changes = changes.reindex(changes["signed"].abs().sort_values(ascending=False).index).head(TOP)
    labels = [_short(label) + (f" ({articles} art.)" if articles > 1 else "")
              for label, articles in zip(changes["label"], changes["articles"])]
    figure, axis = _figure(height=max(1.6, 0.28 * len(labels) + 0.8))
    positions = list(range(len(labels)))[::-1]
    colours = ["#2e7d32" if value >= 0 else "#c62828" for value in changes["signed"]]
    axis.barh(positions, changes["signed"].tolist(), color=colours)
    axis.set_yticks(positions, labels)
    axis.axvline(0, color="#333", linewidth=0.8)
    axis.set_xlabel("change (percent or percentage points)")
    _plain_frame(axis)
    return _svg(figure)


def org_keys(frame: pd.DataFrame) -> pd.Series:
    """The key an organisation mention is counted under: its ``id``, else its canonical name."""
    ids = frame["id"].where(frame["id"].notna() & (frame["id"] != ""), frame["canonical"])
    return ids.astype("string")


@_literal
def most_mentioned(frame: pd.DataFrame, fact_type: str, column: str) -> str | None:
    """Bars: the organisations (by ``id``, named by their most frequent canonical) or
    events most often mentioned, with how many articles."""
    rows = frame[(frame["type"] == fact_type) & frame[column].notna() & (frame[column] != "")]
    if rows.empty:
        return None
    keys = org_keys(rows) if fact_type == "org" else rows[column]
    counts = rows.assign(key=keys).groupby("key").agg(
        mentions=("doc", "size"), articles=("doc", "nunique"), label=(column, _most_frequent))
    counts = counts.sort_values(["mentions", "articles"], ascending=False).head(TOP)
    labels = [f"{label} ({articles} art.)" for label, articles in zip(counts["label"], counts["articles"])]
    return _barh(labels, counts["mentions"].tolist(), COLOURS[fact_type], "mentions")


@_literal
def org_figures(frame: pd.DataFrame, organisations: int = 6) -> str | None:
    """Each of the organisations with most dated amounts: its amounts in USD across the
    periods they are linked to (a point for a day, a line for a longer period)."""
    import pandas as pd

    money = _money(frame)
    money = money.assign(key=subject_ids(frame).loc[money.index])
    money = money[money["linked"]].dropna(subset=["key"])
    if money.empty:
        return None
    top = money["key"].value_counts().head(organisations).index
    figure, axis = _figure()
    for number, key in enumerate(top):
        rows = money[money["key"] == key]
        colour = f"C{number}"
        axis.hlines(rows["usd"], rows["start"], rows["stop"] + pd.Timedelta(days=1), color=colour, linewidth=2.5)
        axis.scatter(rows["start"], rows["usd"], s=14, color=colour, label=_short(_most_frequent(rows["subject"]), 40))
    axis.set_yscale("log")
    _amount_axis(axis, "y", log=True)
    axis.set_ylabel("USD (log scale)")
    axis.legend(loc="best", frameon=False, fontsize=8)
    _plain_frame(axis)
    figure.autofmt_xdate()
    return _svg(figure)


def _central(dates: pd.Series) -> pd.Series:
    """The dates without the earliest 5% and latest 0.5%: a few old years ("in 1990")
    would otherwise stretch the axis over decades with nothing to see."""
    low, high = dates.quantile(0.05), dates.quantile(0.995)
    return dates[dates.between(low, high)]


def timeline_caption(frame: pd.DataFrame) -> str:
    """What the timeline shows and what it leaves out."""
    dates = frame[(frame["type"] == "date")]["date_start"].dropna()
    shown = _central(dates)
    outside = f"; {len(dates) - len(shown)} earlier or later dates are outside the axis" if len(shown) < len(dates) else ""
    return (f"{len(shown)} date facts by the month (or year) they start in{outside}; dashed lines: the most "
            "mentioned events with calendar dates.")


@_literal
def timeline(frame: pd.DataFrame, events: int = 8) -> str | None:
    """Date facts counted per month (per year over long spans) on a time axis, with the
    most mentioned events that have calendar dates marked and named."""
    dates = frame[(frame["type"] == "date")].dropna(subset=["date_start"])
    if dates.empty:
        return None
    starts = _central(dates["date_start"])
    yearly = (starts.max() - starts.min()).days > 6 * 366
    counts = starts.dt.to_period("Y" if yearly else "M").value_counts().sort_index()
    figure, axis = _figure()
    axis.bar(counts.index.to_timestamp(), counts.to_numpy(), width=330 if yearly else 27, align="edge",
             color=COLOURS["date"], edgecolor="#8a4a2f", linewidth=0.4)
    axis.set_ylabel(f"date facts per {'year' if yearly else 'month'}")
    marked = frame[(frame["type"] == "event") & frame["date_start"].between(starts.min(), starts.max())]
    if not marked.empty:
        named = marked.groupby("name").agg(mentions=("doc", "size"), when=("date_start", "min"))
        for name, row in named.sort_values("mentions", ascending=False).head(events).iterrows():
            axis.axvline(row["when"], color="#7b1fa2", linewidth=0.8, linestyle="--")
            axis.annotate(_short(str(name), 30), (row["when"], 1), xycoords=("data", "axes fraction"), rotation=90,
                          va="top", ha="right", fontsize=7, color="#4a148c")
    _plain_frame(axis)
    figure.autofmt_xdate()
    return _svg(figure)


def _summary(frame: pd.DataFrame, documents: int, failed: int) -> str:
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


# A sentence ends at . ! or ? before a capital (not in "U.S. dollars"), or at a line break.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z\"“‘(])|\n")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) of ``text`` that holds ``start``..``end``.

    >>> sentence_around("One. Sales rose 5% to 3 U.S. dollars. Two.", 16, 18)
    'Sales rose 5% to 3 U.S. dollars.'
    """
    before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 600), start)]
    after = _SENTENCE_END.search(text, end, end + 600)
    stop = after.start() + len(after.group().rstrip()) if after else end + 600
    return text[before[-1] if before else max(0, start - 600): stop].strip()


def _period(fact: dict[str, Any]) -> str:
    """"the first half (2024-01-01 – 2024-06-30)", or "" for a figure without a period."""
    if fact["period_text"] is None:
        return ""
    start, end = iso_date(fact["period_start"]), iso_date(fact["period_end"])
    dates = "unresolved" if start is None else start if end in (None, start) else f"{start} – {end}"
    return f"{fact['period_text']} ({dates})"


def _figure_rows(frame: pd.DataFrame, texts: dict[str, str]) -> tuple[str, list[tuple[str, str, int]]]:
    """The figures table's rows, largest first (money by USD, then percentages by size),
    and the organisations to filter by (key, label, figures)."""
    table = frame[frame["type"].isin(["money", "percent"]) & frame["equivalent_of"].isna()]
    table = table.assign(subject_id=subject_ids(frame).loc[table.index], size=table["usd"].fillna(-1.0),
                         percent=table["value"].abs().fillna(-1.0))
    table = table.sort_values(["size", "percent"], ascending=False, kind="stable")
    rows = []
    for fact in table.to_dict("records"):
        fact = {key: None if is_missing(value) else value for key, value in fact.items()}
        figure_cell = html.escape(fact["text"])
        text = texts.get(fact["doc"])
        if text is not None and text[fact["start"]:fact["end"]] == fact["text"]:
            sentence = html.escape(sentence_around(text, fact["start"], fact["end"]))
            figure_cell = (f'<details><summary title="{sentence}">{figure_cell}</summary>'
                           f'<span class="sentence">{sentence}</span></details>')
        usd = human_amount(fact["usd"]) if fact["type"] == "money" else ""
        rows.append(
            f'<tr data-org="{html.escape(fact["subject_id"] or "")}"><td>{html.escape(fact["subject"] or "")}</td>'
            f'<td>{html.escape(fact["metric"] or "")}</td><td>{figure_cell}</td><td>{html.escape(_period(fact))}</td>'
            f'<td class="num">{html.escape(usd)}</td><td>{html.escape(value_label(fact))}</td>'
            f'<td class="doc">{html.escape(fact["doc"])}</td></tr>'
        )
    named = table.dropna(subset=["subject_id"])
    organisations = [(key, _most_frequent(group["subject"]), len(group))
                     for key, group in named.groupby("subject_id", sort=False)]
    organisations.sort(key=lambda item: (-item[2], item[1].lower()))
    return "".join(rows), organisations


_FILTER_SCRIPT = """
document.getElementById('org-filter').addEventListener('change', function () {
  var key = this.value;
  document.querySelectorAll('#figures tbody tr').forEach(function (row) {
    row.hidden = key !== '' && row.dataset.org !== key;
  });
});
"""


def figures_section(frame: pd.DataFrame, texts: dict[str, str] | None = None) -> str:
    """The figures table: each money and percent figure with its organisation, metric,
    period, USD value and change, largest first, filterable by organisation. With the
    articles' texts (``--print-text`` output) each figure opens onto its sentence."""
    rows, organisations = _figure_rows(frame, texts or {})
    if not rows:
        return '<section id="figures"><h2>Figures</h2><p class="note">No money or percent figures.</p></section>'
    options = "".join(f'<option value="{html.escape(key)}">{html.escape(label)} ({count})</option>'
                      for key, label, count in organisations)
    return (
        '<section id="figures"><h2>Figures</h2>'
        '<p class="note">Each money amount once (stated equivalents left out) and each percentage, largest first. '
        "Organisation, metric, period and change are the figure's links; a figure with its article text "
        "(<code>--print-text</code>) opens onto its sentence.</p>"
        f'<p><label for="org-filter">Organisation </label><select id="org-filter"><option value="">all</option>'
        f"{options}</select></p>"
        "<table><thead><tr><th>organisation</th><th>metric</th><th>figure</th><th>period</th><th>USD</th>"
        f"<th>value</th><th>article</th></tr></thead><tbody>{rows}</tbody></table>"
        f"<script>{_FILTER_SCRIPT}</script></section>"
    )


def report_html(records: Iterable[dict[str, Any]] | pd.DataFrame, title: str = "newsfacts report") -> str:
    """The corpus report for gold-shaped records (``newsfacts extract`` output) or a
    ``to_frame`` table."""
    records = frame_records(records) if hasattr(records, "columns") else list(records)
    frame = to_frame(records, keep_empty=True)
    failed = sum(1 for record in records if record.get("error"))
    texts = {str(r.get("doc")): r["text"] for r in records if isinstance(r.get("text"), str)}
    charts = [
        _chart("usd-by-month", "Money in USD over time", usd_by_month(frame),
               "No money amount with a USD value and a date.", usd_caption(frame)),
        _chart("usd-by-org", "Money in USD by organisation", usd_by_org(frame),
               "No money amount is linked to an organisation (subject).",
               "Each amount once, summed per organisation id (the subject link)."),
        _chart("org-figures", "Organisations' amounts over their periods", org_figures(frame),
               "No money amount is linked to both an organisation and a period.",
               "The organisations with most dated amounts: each amount at its USD value across its period."),
        _chart("percent-changes", "Percent changes", percent_changes(frame), "No percentage is marked as a rise or fall."),
        _chart("top-orgs", "Organisations most mentioned", most_mentioned(frame, "org", "canonical"), "No organisations.",
               "Mentions per organisation id, named by its most frequent canonical name."),
        _chart("top-events", "Events most mentioned", most_mentioned(frame, "event", "name"), "No events."),
        _chart("timeline", "Timeline of dated facts", timeline(frame), "No resolved dates.", timeline_caption(frame)),
    ]
    legend = "".join(f'<span style="background:{COLOURS[t]}">{t}</span>' for t in FACT_TYPES)
    body = (f"<h1>{html.escape(title)}</h1>\n{_summary(frame, len(records), failed)}\n"
            f'<p class="legend">{legend}</p>\n<div class="charts">{"".join(charts)}</div>\n'
            f"{figures_section(frame, texts)}")
    return page(title, body)
