"""The article page, the corpus report and displaCy rendering (static checks; the browser
checks are in test_browser.py)."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.render import displacy, displacy_data, facts_html, value_label
from newsfacts.report import report_html

TEXT = "Siemens agreed to pay 1.2 billion euros (about $1.3 billion) in May 2022, a rise of 8 pct."


def fact(kind: str, text: str, **values) -> dict:
    start = TEXT.index(text)
    return {"type": kind, "text": text, "start": start, "end": start + len(text), **values}


EUR = fact("money", "1.2 billion euros", amount=1.2e9, currency="EUR", approx=None, usd=1.3e9, usd_basis="stated",
           period=None, subject="Siemens AG", equivalent_of=None)
USD = fact("money", "$1.3 billion", amount=1.3e9, currency="USD", approx="about", usd=1.3e9, usd_basis="identity",
           period=None, subject=None, equivalent_of=EUR["start"])
MAY = fact("date", "May 2022", date_start="2022-05-01", date_end="2022-05-31", open_end=False, granularity="month")
RISE = fact("percent", "8 pct", value=8, unit="percent", approx=None, period=[MAY["start"], MAY["end"]],
            subject="Siemens AG", change="up", basis="year_on_year")
ORG = fact("org", "Siemens", name="Siemens", canonical="Siemens AG", id="siemens")
RECORD = {"doc": "siemens.txt", "published": "2022-06-02", "published_basis": "dateline",
          "facts": [ORG, EUR, USD, MAY, RISE]}


def visible(page: str) -> str:
    """The page's text as a reader sees it: no tags, no attribute values."""
    body = page[page.index("<body>"):] if "<body>" in page else page
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


@pytest.mark.parametrize(
    ("fact_dict", "label"),
    [
        (EUR, "EUR 1.2 bn ≈ USD 1.3 bn (stated)"),
        (USD, "~USD 1.3 bn [equivalent]"),
        (RISE, "↑ 8 % y/y"),
        (MAY, "2022-05-01 – 2022-05-31"),
        (ORG, "Siemens AG"),
        ({"type": "date", "date_start": "2021-01-01", "date_end": "2021-12-31", "open_end": True}, "2021-01-01 – 2021-12-31 →"),
        ({"type": "money", "amount": 5e5, "amount_max": 7e5, "currency": "JPY", "usd": None, "usd_basis": None},
         "JPY 500,000–700,000 ≈ USD ? (no rate)"),
    ],
)
def test_value_labels(fact_dict, label):
    assert value_label(fact_dict) == label


def test_article_page_shows_values_counts_and_reference_date():
    page = visible(facts_html(TEXT, RECORD))
    for expected in ("EUR 1.2 bn ≈ USD 1.3 bn", "↑ 8 % y/y", "Siemens AG", "2022-06-02", "dateline", "5 facts"):
        assert expected in page
    assert "money 2 " in page and "event 0 " in page


def test_undated_article_page_says_unknown():
    page = visible(facts_html(TEXT, {**RECORD, "published": None, "published_basis": None}))
    assert "unknown" in page and "None" not in page


def test_nested_facts_are_listed_in_the_table():
    inner = fact("org", "Siem", name="Siem", canonical="Siem", id="")
    page = facts_html(TEXT, {**RECORD, "facts": [ORG, inner]})
    assert page.count('<mark class="fact"') == 1 and "<td>Siem</td>" in page


def test_report_draws_every_chart():
    unattributed = {**RECORD, "doc": "other.txt", "published": "2022-07-01",
                    "facts": [ORG, EUR, USD, MAY, {**RISE, "subject": None}]}
    page = report_html([RECORD, unattributed, {"doc": "bad", "error": "boom"}])
    for chart in ("usd-by-month", "usd-by-org", "percent-changes", "top-orgs", "timeline"):
        section = page[page.index(f'id="{chart}"'):]
        assert section.index("<svg") < section.index("</section>"), chart
    text = visible(page)
    assert "3 articles" in text and "1 failed" in text
    assert "USD 2.6 bn" in text  # 1.3 bn twice: the stated equivalents are not added again
    assert not re.search(r'(src|href)="(https?:)?//|<link|<script src', page)  # nothing to fetch


def test_report_without_facts_explains_empty_charts():
    text = visible(report_html([{"doc": "a", "published": None, "facts": []}]))
    assert "No money amount" in text and "No resolved dates" in text


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("on Nov. 7, 2023.(Xinhua/Li Ming)", 3, 15),
        ("Dec. 1, 2022.The rest", 0, 12),
    ],
)
def test_displacy_spans_keep_to_the_fact_characters(text, start, end):
    record = {"facts": [{"type": "date", "text": text[start:end], "start": start, "end": end,
                         "date_start": "2023-11-07", "date_end": "2023-11-07", "open_end": False, "granularity": "day"}]}
    data = displacy_data(record, text)
    assert data["ents"] == [{"start": start, "end": end, "label": "DATE: 2023-11-07"}]
    markup = displacy(record, text, jupyter=False)
    shown = re.search(r"<mark[^>]*>\s*(.*?)\s*<span", markup, re.S).group(1)
    assert shown == text[start:end]


def test_displacy_from_a_doc(nlp):
    from newsfacts import make_doc

    doc = nlp(make_doc(nlp, "Toyota earned 2 trillion yen in 2023.", "2024-05-08"))
    data = displacy_data(doc)
    assert {ent["label"].split(":")[0] for ent in data["ents"]} >= {"MONEY", "DATE"}
    assert all(doc.text[e["start"]:e["end"]].strip() == doc.text[e["start"]:e["end"]] for e in data["ents"])


def section(page: str, section_id: str) -> str:
    start = page.index(f'id="{section_id}"')
    return page[start:page.index("</section>", start)]


def test_report_groups_organisations_by_id():
    alibaba = [fact("org", "Siemens", name="Alibaba", canonical=name, id="alibaba-group")
               for name in ("Alibaba", "Alibaba Group", "Alibaba Group")]
    page = report_html([{**RECORD, "facts": [ORG, *alibaba]}])
    top = visible(section(page, "top-orgs"))
    assert "Alibaba Group (1 art.)" in top and "Alibaba (1 art.)" not in top


def test_money_over_time_draws_a_long_period_across_it():
    half = fact("date", "May 2022", date_start="2022-01-01", date_end="2022-06-30", open_end=False, granularity="half")
    linked = {**EUR, "period": [half["start"], half["end"]]}
    page = report_html([{**RECORD, "facts": [ORG, linked, USD, half]}])
    caption = visible(section(page, "usd-by-month"))
    assert "1 amounts in USD" in caption and "(1) or else" in caption and "lines: 1 amounts over a longer period" in caption
    narrow = report_html([{**RECORD, "facts": [{**EUR, "usd": 1.7e11}]},
                          {**RECORD, "doc": "b", "published": "2022-09-01", "facts": [{**EUR, "usd": 2.4e11}]}])
    ticks = visible(section(narrow, "usd-by-month"))
    assert "mathdefault" not in ticks and "200 bn" in ticks  # a narrow log range is labelled in amounts, not TeX
    undated = report_html([{**RECORD, "published": None, "facts": [ORG, EUR]}])
    assert "0 amounts in USD" not in undated and "No money amount with a USD value and a date" in undated
    assert "1 amounts have neither" in report_html([RECORD, {**RECORD, "doc": "u.txt", "published": None}])


def test_percent_labels_name_the_organisation_not_the_file():
    page = report_html([{**RECORD, "doc": "001_4a2af544e80af9f5.txt", "facts": [ORG, {**RISE, "metric": "revenue"}]}])
    chart = visible(section(page, "percent-changes"))
    assert "Siemens AG · revenue: 8 pct" in chart and "001_" not in chart


def test_figures_table_lists_links_largest_first_with_sentences():
    other = {**RECORD, "doc": "b.txt", "text": TEXT,
             "facts": [ORG, {**EUR, "usd": 9e9, "metric": "deal_value", "period": [MAY["start"], MAY["end"]]}, MAY]}
    page = report_html([RECORD, other])
    table = section(page, "figures")
    rows = re.findall(r"<tr data-org=.*?</tr>", table)
    assert len(rows) == 3  # two amounts (equivalents left out) and the percentage
    cells = [visible(row).strip() for row in rows]
    assert cells[0].startswith("Siemens AG deal_value 1.2 billion euros") and "May 2022 (2022-05-01 – 2022-05-31)" in cells[0]
    assert "9 bn" in cells[0] and "1.3 bn" in cells[1]
    assert "↑ 8 % y/y" in cells[2] and "May 2022" in cells[2]
    assert f'title="{TEXT}"' in rows[0] and "<details>" not in rows[1]  # the sentence where the text is known
    assert '<option value="siemens">Siemens AG (3)</option>' in table


def test_labels_with_dollar_signs_are_literal_text():
    record = {**RECORD, "doc": "$x$.txt", "facts": [
        fact("org", "Siemens", name="Siemens", canonical="$a^2$ Holdings", id="a2"),
        {**RISE, "subject": "$a^2$ Holdings", "text": "8 pct"}, {**EUR, "subject": "$a^2$ Holdings"}]}
    page = report_html([record])
    assert "$a^2$ Holdings" in visible(section(page, "usd-by-org")) and "$a^2$ Holdings" in visible(section(page, "top-orgs"))


def test_report_command(tmp_path):
    facts = tmp_path / "facts.jsonl"
    facts.write_text("\n".join(json.dumps(r) for r in [RECORD, {**RECORD, "doc": "b.txt"}]) + "\n", encoding="utf-8")
    out = tmp_path / "r" / "report.html"
    result = CliRunner().invoke(app, ["report", str(facts), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count("<svg") >= 5
    broken = tmp_path / "broken.json"
    broken.write_text("[1, 2]", encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(broken), "-o", str(out)])
    assert result.exit_code == 2 and "not newsfacts output" in result.output


def test_displacy_labels_are_escaped():
    text = "Acme <Holdings> Ltd. paid 5 m"
    record = {"facts": [
        {"type": "org", "text": text[:20], "start": 0, "end": 20, "name": text[:20], "canonical": "<b>Acme</b> & Co", "id": "x"},
        {"type": "money", "text": "5 m", "start": 26, "end": 29, "amount": 5e6, "currency": "<USD", "usd": None},
    ]}
    markup = displacy(record, text, jupyter=False)
    assert "<b>" not in markup and "<USD" not in markup and "<Holdings>" not in markup
    assert "ORG: &lt;b&gt;Acme&lt;/b&gt; &amp; Co" in markup and "MONEY: &lt;USD" in markup


def test_report_reads_every_table_format(tmp_path):
    from newsfacts.tables import CsvWriter, ParquetWriter

    records = [{**RECORD, "doc": "line\u2028sep\x85.txt"}, {**RECORD, "doc": "b.txt"}]
    jsonl = tmp_path / "facts.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    with (tmp_path / "facts.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = CsvWriter(handle)
        for record in records:
            writer.write(record)
    parquet = ParquetWriter(tmp_path / "facts.parquet")
    for record in records:
        parquet.write(record)
    parquet.close()
    for name in ("facts.jsonl", "facts.csv", "facts.parquet"):
        out = tmp_path / f"{name}.html"
        result = CliRunner().invoke(app, ["report", str(tmp_path / name), "-o", str(out)])
        assert result.exit_code == 0, (name, result.output)
        assert "2 articles" in visible(out.read_text(encoding="utf-8")), name


def test_article_page_shows_each_figures_links_beside_its_value():
    page = facts_html(TEXT, {**RECORD, "facts": [ORG, EUR, USD, MAY, {**RISE, "metric": "revenue"}]})
    rise = re.search(r'<mark class="fact" id="f(\d+)-(\d+)" data-type="percent".*?</mark>', page, re.S).group(0)
    may, org = f'href="#f{MAY["start"]}-{MAY["end"]}"', f'href="#f{ORG["start"]}-{ORG["end"]}"'
    assert visible(rise).split() == "8 pct percent: ↑ 8 % y/y ‹ Siemens AG · revenue · May 2022 ›".split()
    assert may in rise and org in rise
    assert f'id="f{MAY["start"]}-{MAY["end"]}"' in page and f'id="f{ORG["start"]}-{ORG["end"]}"' in page
    header = re.search(r"<thead>.*?</thead>", page).group(0)
    assert visible(header).split()[-3:] == ["subject", "metric", "period"]
    row = re.search(r'<tr data-type="percent">.*?</tr>', page).group(0)
    assert visible(row).split()[-5:] == ["Siemens", "AG", "revenue", "May", "2022"] and may in row


def test_a_figure_repeated_across_articles_is_one_percent_bar():
    page = report_html([RECORD, {**RECORD, "doc": "copy.txt"}])
    chart = visible(section(page, "percent-changes"))
    assert chart.count("Siemens AG: 8 pct") == 1 and "(2 art.)" in chart


def test_terminal_table_shows_metric_and_interval():
    from rich.console import Console

    from newsfacts.render import facts_table

    console = Console(width=300, record=True)
    console.print(facts_table({**RECORD, "facts": [{**RISE, "metric": "revenue", "value_max": 9}]}))
    shown = console.export_text()
    assert "value_max=9" in shown and "metric=revenue" in shown
