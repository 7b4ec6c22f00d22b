"""Both HTML pages in a real headless Chromium: they load without console errors, and the
values and charts are in the rendered DOM. Skipped when no Chromium is installed
(CI installs Debian's ``chromium``)."""

from __future__ import annotations

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
    assert page.locator("#largest tbody tr").count() >= 2
    page.close()
