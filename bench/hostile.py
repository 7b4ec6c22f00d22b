"""Throughput on hostile inputs against ordinary articles: is the cost linear in length?

Run by hand: ``python bench/hostile.py [KB]`` (default 200). Each hostile pattern is
repeated to KB kilobytes and run as one document through the runner (the path the
CLI and the Python API take); ordinary articles are the seeds, one document each, and
the seeds concatenated into one article of 100 KB. Speed is in words/s, a word being
six characters (hostile text has few spaces). A pattern passes when it is at least half
as fast as the ordinary short articles.
"""

from __future__ import annotations

import hashlib
import os
import platform
import random
import sys
import time
import uuid
from pathlib import Path

from newsfacts import load
from newsfacts.runner import Document, run

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PATTERNS = {
    "org, date, money, percent sentence": "Acme Holdings Ltd said on 3 May 2021 that sales rose 4% to $12 million. ",
    "'Apple Inc. and ' repeated": "Apple Inc. and ",
    "digits then x": None,  # "1" * n + "x"
    "'123,' repeated + dollars": None,
    "'7' repeated": None,
    "'from January to ' repeated": "from January to ",
    "'between $1 and ' repeated": "between $1 and ",
    "'%' repeated": "%",
    "'Abc, ' repeated (a list without end)": "Abc, ",
    "'1 years ago' with 5000 digits": None,
    "digit-letter words ('1aaa…a ') repeated": "1" + "a" * 16 + " ",
    "article lines then UUIDs and SHA-1 hashes": None,
}
HASH_LINE = " ".join(
    [str(uuid.UUID(int=random.Random(i).getrandbits(128))) for i in range(8)]
    + [hashlib.sha1(str(i).encode()).hexdigest() for i in range(8)]
)


def hostile(name: str, size: int) -> str:
    """The hostile text ``name`` at about ``size`` characters."""
    if name == "digits then x":
        return "1" * (size - 1) + "x"
    if name == "'123,' repeated + dollars":
        return ",".join(["123"] * (size // 4)) + " dollars"
    if name == "'7' repeated":
        return "7" * size
    if name == "'1 years ago' with 5000 digits":
        unit = "1" * 5000 + " years ago. "
        return unit * max(size // len(unit), 1)
    if name == "article lines then UUIDs and SHA-1 hashes":
        unit = PATTERNS["org, date, money, percent sentence"] * 4 + "\n" + HASH_LINE + "\n"
        return unit * max(size // len(unit), 1)
    unit = PATTERNS[name]
    return unit * (size // len(unit))


def words_per_second(nlp, documents: list[Document]) -> tuple[float, float, str]:
    started = time.perf_counter()
    errors = [r.error for r in run(nlp, documents) if r.error]
    seconds = time.perf_counter() - started
    words = sum(len(d.text) for d in documents) / 6
    return words / seconds, seconds, "; ".join(errors)[:120]


def main() -> None:
    size = int(sys.argv[1]) * 1000 if len(sys.argv) > 1 else 200_000
    nlp = load()
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    run(nlp, [Document("warm", seeds[0])]).__next__()
    print(f"# newsfacts hostile-input benchmark: {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}, one process")
    base, seconds, _ = words_per_second(nlp, [Document(str(i), t, "2023-06-01") for i, t in enumerate(seeds * 4)])
    print(f"{'ordinary short articles (seeds x4)':40} {base:8.0f} words/s {seconds:7.1f} s")
    long = ("\n\n".join(seeds) * 10)[:100_000]
    rows = [("one 100 KB article (seeds joined)", long)]
    rows += [(name, hostile(name, size)) for name in PATTERNS]
    for name, text in rows:
        rate, seconds, errors = words_per_second(nlp, [Document(name, text, "2023-06-01")])
        verdict = "ok" if rate >= base / 2 else "SLOW"
        print(f"{name:40} {rate:8.0f} words/s {seconds:7.1f} s  {len(text) // 1000:4d} KB  {verdict}  {errors}")


if __name__ == "__main__":
    main()
