"""Extract the facts of news articles into one CSV row per fact.

    python examples/facts_to_csv.py seeds/*.txt --out facts.csv
    python examples/facts_to_csv.py article.txt --published 2024-05-01   # CSV to stdout

Columns: document, type, start, end, text, then the normalised values (empty where a
type has no such field), so the sheet can be filtered by type and summed by column.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import newsfacts

VALUE_COLUMNS = [
    "amount", "amount_max", "currency", "approx", "usd", "usd_basis",  # money
    "value", "unit",  # percent
    "name", "canonical",  # org, event
    "date_start", "date_end", "open_end", "granularity",  # date (and event dates)
]
COLUMNS = ["document", "published", "type", "start", "end", "text", *VALUE_COLUMNS]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="News facts to CSV")
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--published", help="reference date YYYY-MM-DD (default: each article's dateline)")
    parser.add_argument("--out", type=Path, help="CSV file to write (default: stdout)")
    args = parser.parse_args(argv)

    stream = args.out.open("w", newline="", encoding="utf-8") if args.out else sys.stdout
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    texts = [path.read_text(encoding="utf-8") for path in args.files]
    for path, text in zip(args.files, texts):
        record = newsfacts.extract_record(text, published=args.published, doc_id=path.name)
        for fact in record["facts"]:
            writer.writerow({"document": record["doc"], "published": record["published"], **fact})
    if args.out:
        stream.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
