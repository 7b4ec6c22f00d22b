"""Regenerate the README's screenshots: an article page and the corpus report of the seeds.

    python examples/screenshots.py            # needs Debian's chromium and playwright

Writes docs/article.png and docs/report.png (and the pages beside them in build/).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import newsfacts
from newsfacts.render import facts_html
from newsfacts.report import report_html

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> int:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        print("no chromium on PATH", file=sys.stderr)
        return 1
    build = ROOT / "build"
    build.mkdir(exist_ok=True)
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    records = [(path.read_text(encoding="utf-8"), newsfacts.extract_record(path.read_text(encoding="utf-8"), doc_id=path.name))
               for path in seeds]
    (build / "article.html").write_text(facts_html(*records[1]), encoding="utf-8")
    (build / "report.html").write_text(report_html([r for _, r in records], title="newsfacts report: the seeds"),
                                       encoding="utf-8")
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, args=ARGS)
        for name, height in (("article", 1100), ("report", 1300)):
            page = browser.new_page(viewport={"width": 1200, "height": height})
            page.goto((build / f"{name}.html").as_uri())
            page.screenshot(path=str(ROOT / "docs" / f"{name}.png"))
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
