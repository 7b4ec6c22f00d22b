"""A 20 MB article goes through the real CLI in chunks with bounded memory.

Slow (minutes on 2 cores), so it is deselected by default; run it with
``pytest -m slow tests/test_large_input.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

PARAGRAPH = ("Revenue at the logistics group rose 4.5 percent in the third quarter, the company said. "
             "Managers expect demand from retailers and manufacturers to hold up through the winter, "
             "although shipping costs and wages keep rising and several customers have delayed orders "
             "while they wait for clearer signals from the economy and from their own suppliers.\n\n")
MEMORY_LIMIT_MB = 2000


@pytest.mark.slow
def test_twenty_megabytes_with_bounded_memory(tmp_path):
    article = tmp_path / "huge.txt"
    article.write_text(PARAGRAPH * (20_000_000 // len(PARAGRAPH)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    script = (
        "import resource, sys, runpy\n"
        "sys.argv = ['newsfacts', 'extract', sys.argv[1], '--out', sys.argv[2], '--published', '2023-11-01']\n"
        "try:\n    runpy.run_module('newsfacts', run_name='__main__')\n"
        "except SystemExit as done:\n"
        "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, file=sys.stderr)\n"
        "    raise\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(article), str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    peak_mb = int(done.stderr.strip().splitlines()[-1])
    assert peak_mb < MEMORY_LIMIT_MB
    record = json.loads(out.read_text(encoding="utf-8"))
    text = article.read_text(encoding="utf-8")
    assert len(record["facts"]) > 40_000
    assert all(text[f["start"]:f["end"]] == f["text"] for f in record["facts"][:: 997])
