"""Extract the facts of news articles into a typed table, write it as CSV, and sum it.

    python examples/facts_to_csv.py seeds/*.txt --out facts.csv
    python examples/facts_to_csv.py article.txt --published 2024-05-01   # CSV to stdout

The table is ``newsfacts.to_frame``'s: one row per fact, the same columns whatever
types occur (document, published, type, text, offsets, every normalised field, the
figure links, org ids), dates as datetime64 and amounts as float64. The summary line
counts each amount once: stated equivalents ("(about $237 billion)") carry
``equivalent_of`` and are left out of the USD total.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import newsfacts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="News facts to CSV")
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--published", help="reference date YYYY-MM-DD (default: each article's dateline)")
    parser.add_argument("--out", type=Path, help="CSV file to write (default: stdout)")
    args = parser.parse_args(argv)

    records = [newsfacts.extract_record(path.read_text(encoding="utf-8"), published=args.published, doc_id=path.name)
               for path in args.files]
    frame = newsfacts.to_frame(records)
    frame.to_csv(args.out if args.out else sys.stdout, index=False)
    money = frame[frame["type"] == "money"]
    print(f"{len(frame)} facts in {len(records)} articles; money in USD, each amount once: "
          f"{newsfacts.usd_total(frame):,.0f} ({len(money)} amounts)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
