"""Both HTML pages in a real headless Chromium: they load without console errors, and the
values and charts are in the rendered DOM. Skipped when no Chromium is installed
(CI installs Debian's ``chromium``)."""

from __future__ import annotations

import json
import shutil

import pytest

import newsfacts
from newsfacts.render import facts_html
from newsfacts.report import report_html

CHROMIUM = next(filter(None, (shutil.which(name) for name in ("chromium", "chromium-browser"))), None)
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

ARTICLES = [
    ("rbi.txt", "MUMBAI, 6 June 2024 -- Tata Motors said revenue rose 13 percent to 1.1 trillion rupees in the "
                "fiscal year to March, while Infosys set aside $200 million for the Diwali bonus.\n"),
    ("undated.txt", "Shares of Petrobras fell 4.5% on Tuesday after the company cut its dividend to 10 billion reais.\n"),
]


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("no chromium binary on PATH (CI installs Debian's chromium)")
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def records(nlp):
    return [(text, newsfacts.extract_record(text, doc_id=name)) for name, text in ARTICLES]


def load_page(browser, path):
    """Open a file in a fresh page; return the page and its console errors."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, errors


@pytest.mark.parametrize("index", [0, 1])
def test_article_page_renders_values(browser, records, tmp_path, index):
    text, record = records[index]
    path = tmp_path / "page.html"
    path.write_text(facts_html(text, record), encoding="utf-8")
    page, errors = load_page(browser, path)
    assert errors == []
    labels = page.locator("mark.fact .lab")
    assert labels.count() >= 2 and all(label.is_visible() for label in labels.all())
    assert page.locator("#facts tbody tr").count() == len(record["facts"])
    reference = page.locator("#reference").inner_text()
    assert (record["published"] or "unknown") in reference
    counts = page.locator("#counts").inner_text()
    assert f"{len(record['facts'])} facts" in counts and "money" in counts
    page.close()


def test_report_renders_charts(browser, records, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(report_html([record for _, record in records]), encoding="utf-8")
    page, errors = load_page(browser, path)
    assert errors == []
    for chart in ("usd-by-month", "top-orgs", "timeline"):
        box = page.locator(f"#{chart} svg").bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 100, chart
    assert "USD" in page.locator("#summary").inner_text()
    assert page.locator("#figures tbody tr").count() >= 2
    page.close()


@pytest.fixture(scope="module")
def seed_records(nlp, seeds_dir, seed_gold_dir):
    """The seeds as ``newsfacts extract --print-text`` gives them (their gold reference dates)."""
    out = []
    for gold in sorted(seed_gold_dir.glob("*.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        text = (seeds_dir / data["doc"]).read_text(encoding="utf-8")
        out.append({**newsfacts.extract_record(text, data["published"], data["doc"]), "text": text})
    return out


def test_report_figures_table_shows_the_seeds_links_and_filters(browser, seed_records, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(report_html(seed_records), encoding="utf-8")
    page, errors = load_page(browser, path)
    assert errors == []
    rows = page.locator("#figures tbody tr")
    figures = [f for r in seed_records for f in r["facts"]
               if f["type"] in ("money", "percent") and f.get("equivalent_of") is None]
    assert rows.count() == len(figures)
    cells = [[cell.inner_text() for cell in row.locator("td").all()] for row in rows.all()]
    for figure in figures:  # each figure's subject, period and change are on its row
        row = next(c for c in cells if c[2].split("\n")[0] == figure["text"] and c[6] in {r["doc"] for r in seed_records})
        assert row[0] == (figure.get("subject") or ""), figure["text"]
        if figure.get("period"):
            assert row[3], figure["text"]
        if figure.get("change"):
            assert row[5].startswith({"up": "↑", "down": "↓"}[figure["change"]]), figure["text"]
    rows.locator("summary").first.click()  # the figure opens onto its sentence
    assert rows.locator(".sentence").first.is_visible()
    wanted = page.locator("#org-filter option").nth(1).get_attribute("value")
    page.select_option("#org-filter", wanted)
    shown = [row for row in rows.all() if row.is_visible()]
    assert 0 < len(shown) < rows.count() and all(row.get_attribute("data-org") == wanted for row in shown)
    page.close()


def test_article_page_links_point_at_their_spans(browser, seed_records, tmp_path):
    record = next(r for r in seed_records if any(f.get("subject") and f.get("period") for f in r["facts"]))
    path = tmp_path / "page.html"
    path.write_text(facts_html(record["text"], record), encoding="utf-8")
    page, errors = load_page(browser, path)
    assert errors == []
    links = page.locator("mark.fact .links a.ref")
    assert links.count() >= 2
    for link in links.all()[:6]:
        target = page.locator(link.get_attribute("href"))
        assert target.count() == 1 and link.inner_text() in target.inner_text()
    page.close()
