"""The runnable examples keep working."""

from __future__ import annotations

import csv
import io
import runpy
from contextlib import redirect_stdout
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_facts_to_csv(nlp, seeds_dir, tmp_path):
    module = runpy.run_path(str(EXAMPLES / "facts_to_csv.py"))
    out = tmp_path / "facts.csv"
    files = sorted(seeds_dir.glob("*.txt"))[:2]
    assert module["main"]([*map(str, files), "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {row["doc"] for row in rows} == {f.name for f in files}
    money = [row for row in rows if row["type"] == "money"]
    assert money and all(row["currency"] and row["amount"] for row in money)
    assert any(row["equivalent_of"] for row in money)  # the stated equivalents are marked


def test_custom_pipeline(nlp):
    module = runpy.run_path(str(EXAMPLES / "custom_pipeline.py"))
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        module["main"]()
    output = buffer.getvalue()
    assert "reference date: 2024-02-14 (dateline)" in output
    assert "percent '12 percent'" in output
