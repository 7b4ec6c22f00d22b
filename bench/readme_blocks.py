"""Replace a generated block of README.md (between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->``)."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def replace_block(name: str, markdown: str) -> bool:
    """Put ``markdown`` into the named block; False when README.md has no such block."""
    text = README.read_text(encoding="utf-8")
    block = f"<!-- {name}:start -->\n{markdown}<!-- {name}:end -->"
    new_text, count = re.subn(rf"<!-- {name}:start -->.*?<!-- {name}:end -->", lambda _: block, text, flags=re.S)
    if count:
        README.write_text(new_text, encoding="utf-8")
    return bool(count)
