"""Where results go: standard output, one file per document, or a JSONL file.

Writes are atomic per document: a ``<stem>.json`` is written to a temporary name and
renamed; a JSONL line is written whole and flushed, so an interrupted run never
leaves a truncated JSON line behind. A JSONL file also tells ``--resume`` which
documents are already done.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console

from .render import facts_html, facts_table


def output_stem(doc_id: str) -> str:
    """File stem for a document id ("-" → "stdin"; unsafe characters replaced)."""
    if doc_id == "-":
        return "stdin"
    stem = Path(doc_id).stem if "/" not in doc_id else doc_id.replace("/", "_")
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem) or "document"


def _atomic_write(path: Path, content: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(content, encoding="utf-8")
    os.replace(temporary, path)


class Sink:
    """Receives gold-shaped records in input order."""

    def __init__(self, fmt: str, out: Path | None, print_text: bool = False) -> None:
        self.fmt, self.out, self.print_text = fmt, out, print_text
        self.console = Console()
        self._jsonl: TextIO | None = None
        if out is not None and out.suffix == ".jsonl":
            out.parent.mkdir(parents=True, exist_ok=True)
            self._jsonl = out.open("a", encoding="utf-8")
        elif out is not None:
            out.mkdir(parents=True, exist_ok=True)

    def done_ids(self) -> set[str]:
        """Document ids already written (for ``--resume``)."""
        if self.out is None:
            return set()
        if self.out.suffix == ".jsonl":
            done = set()
            if self.out.exists():
                for line in self.out.read_text(encoding="utf-8").splitlines():
                    try:
                        done.add(json.loads(line)["doc"])
                    except (json.JSONDecodeError, KeyError, TypeError):
                        continue
            return done
        return {path.stem for path in self.out.glob("*.json")}

    def write(self, record: dict[str, Any], text: str) -> None:
        if self.print_text:
            record = {**record, "text": text}
        if self._jsonl is not None:
            self._jsonl.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._jsonl.flush()
        elif self.out is not None:
            stem = output_stem(record["doc"])
            if self.fmt == "html":
                _atomic_write(self.out / f"{stem}.html", facts_html(text, record))
            else:
                _atomic_write(self.out / f"{stem}.json", json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        elif self.fmt == "json":
            sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
            sys.stdout.flush()
        elif self.fmt == "jsonl":
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            self.console.print(facts_table(record))

    def close(self) -> None:
        if self._jsonl is not None:
            self._jsonl.close()
