"""Regenerate the README's screenshots: an article page with its links, and the corpus
report of the seeds and of about 200 articles recombined from the seeds' paragraphs (as
``bench/throughput.py`` builds its corpus; no third-party text ships).

    python examples/screenshots.py            # needs Debian's chromium and playwright

Writes docs/article.png, docs/report.png and docs/report-200.png (and the pages beside
them in build/).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import sys
from pathlib import Path

import newsfacts
from newsfacts.render import facts_html
from newsfacts.report import report_html

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTICLES = 200
WORDS_PER_ARTICLE = 600


def seed_corpus(n_docs: int, seed: int = 13) -> list[tuple[str, str]]:
    """(text, reference date) pairs: seed paragraphs recombined into news-length articles,
    each dated on a day of 2023-2024 so the report has a time axis to show."""
    paragraphs = [p.strip() for path in sorted((ROOT / "seeds").glob("*.txt"))
                  for p in path.read_text(encoding="utf-8").split("\n") if len(p.split()) >= 8]
    rng = random.Random(seed)
    corpus = []
    for _ in range(n_docs):
        parts: list[str] = []
        while sum(len(part.split()) for part in parts) < WORDS_PER_ARTICLE:
            parts.append(rng.choice(paragraphs))
        published = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(730))
        corpus.append(("\n\n".join(parts), published.isoformat()))
    return corpus


def seeds() -> list[tuple[str, str, str | None]]:
    """(name, text, reference date) of each seed article, its date from its gold file."""
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        gold = ROOT / "seeds" / "gold" / f"{path.stem}.json"
        published = json.loads(gold.read_text(encoding="utf-8"))["published"] if gold.is_file() else None
        out.append((path.name, path.read_text(encoding="utf-8"), published))
    return out


def with_text(text: str, record: dict) -> dict:
    """The record as ``newsfacts extract --print-text`` writes it (the report then shows sentences)."""
    return {**record, "text": text}


def main() -> int:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        print("no chromium on PATH", file=sys.stderr)
        return 1
    build = ROOT / "build"
    build.mkdir(exist_ok=True)
    records = [with_text(text, newsfacts.extract_record(text, published, name)) for name, text, published in seeds()]
    recombined = [with_text(text, newsfacts.extract_record(text, published, f"article-{number:03d}.txt"))
                  for number, (text, published) in enumerate(seed_corpus(ARTICLES), start=1)]
    linked = next(r for r in records if any(f.get("subject") and f.get("period") for f in r["facts"]))
    (build / "article.html").write_text(facts_html(linked["text"], linked), encoding="utf-8")
    (build / "report.html").write_text(report_html(records, title="newsfacts report: the seeds"), encoding="utf-8")
    (build / "report-200.html").write_text(
        report_html(recombined, title=f"newsfacts report: {ARTICLES} articles recombined from the seeds"),
        encoding="utf-8")
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, args=ARGS)
        for name, height in (("article", 1100), ("report", 2600), ("report-200", 1900)):
            page = browser.new_page(viewport={"width": 1200, "height": height})
            page.goto((build / f"{name}.html").as_uri())
            page.screenshot(path=str(ROOT / "docs" / f"{name}.png"))
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
