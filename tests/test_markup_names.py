"""Names that look like markup are shown literally (issue 22 item 12): rich must not read
a file name such as ``a[/b]x.txt`` as a closing tag in ``grade --misses``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_grade_misses_prints_a_markup_like_name(tmp_path):
    texts, gold, pred = tmp_path / "texts", tmp_path / "gold[red]", tmp_path / "pred"
    for folder in (texts / "a[", gold, pred):
        folder.mkdir(parents=True)
    name = "a[/b]x[bold].txt"  # a file "x[bold].txt" in a folder "a[": its doc id reads as a closing tag
    text = "Acme [/i]Holdings grew."
    (texts / name).write_text(text, encoding="utf-8")
    fact = {"type": "org", "text": "Acme [/i]Holdings", "start": 0, "end": 17, "name": "Acme [/i]Holdings",
            "canonical": "Acme [/i]Holdings"}
    (gold / "x[bold].json").write_text(
        json.dumps({"doc": name, "published": "2024-01-02", "facts": [fact]}), encoding="utf-8")
    result = subprocess.run(
        [str(Path(sys.executable).with_name("newsfacts")), "grade", str(texts), str(gold), "--pred", str(pred), "--misses"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    flat = result.stdout.replace("\n", "").replace("│", "").replace(" ", "")
    assert "a[/b]x[bold].txt" in flat and "Acme[/i]Holdings" in flat and "gold[red]" in flat
