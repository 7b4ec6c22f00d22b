"""Where results go: standard output, one file per document, or a JSONL file.

Writes are atomic per document: a ``<stem>.json`` is written to a fresh temporary file
(created exclusively, never through a symlink) and renamed; a JSONL line is written
whole and flushed. A JSONL or CSV file, or a directory, is locked while a run writes to it, so a
second run on it is refused. Without ``--resume`` an existing JSONL or CSV file is emptied
first (a directory's files are replaced one by one); with it, a torn last line (a
crash, a full disk) is cut off before appending, so its document is done again.
``--resume`` reads the ``doc`` of every record already written.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from itertools import chain, count
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console

from .render import facts_html, facts_table
from .tables import CsvWriter, ParquetWriter, csv_done_ids

TABLE_SUFFIXES = {".csv": "csv", ".parquet": "parquet"}


class OutputError(Exception):
    """An output that cannot be used (locked by another run); the message says what to do."""


def output_stem(doc_id: str) -> str:
    """File stem for a document id: its path without the final suffix, "/" → "_"
    ("-" → "stdin"; unsafe characters replaced).

    >>> output_stem("a/report.txt"), output_stem("report.md"), output_stem("-")
    ('a_report', 'report', 'stdin')
    """
    if doc_id == "-":
        return "stdin"
    parts = doc_id.split("/")
    stem = "_".join([*parts[:-1], Path(parts[-1]).stem or parts[-1]])
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem).lstrip(".") or "document"


def _atomic_write(path: Path, content: str) -> None:
    """Write ``path`` whole or not at all; the temporary file is new (O_EXCL), so a planted
    symlink is never followed, and two writers never share one."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _dumps(record: dict[str, Any], **options: Any) -> str:
    """Strict JSON (no NaN or Infinity: a ValueError instead)."""
    return json.dumps(record, ensure_ascii=False, allow_nan=False, **options)


def _lock(fd: int, what: Path) -> None:
    """Hold an exclusive lock on ``fd`` for this run, or refuse."""
    try:
        import fcntl
    except ImportError:  # no advisory locks on this system
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise OutputError(f"{what} is in use by another newsfacts run; wait for it to finish or choose another --out") from None


def _cut_torn_line(fd: int) -> int:
    """Truncate a file after its last newline; the number of bytes removed."""
    size = os.lseek(fd, 0, os.SEEK_END)
    end = size
    while end > 0:
        start = max(0, end - 65536)
        block = os.pread(fd, end - start, start)
        cut = block.rfind(b"\n")
        if cut >= 0:
            end = start + cut + 1
            break
        end = start
    if end < size:
        os.ftruncate(fd, end)
    return size - end


def _open_lines(path: Path, resume: bool) -> TextIO:
    """A line-based output (JSONL, CSV), locked; emptied unless resuming, else without a
    torn last line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    _lock(fd, path)
    if not resume:
        os.ftruncate(fd, 0)
    elif _cut_torn_line(fd):
        sys.stderr.write(f"newsfacts: note: {path}: removed an incomplete last line; its document is done again\n")
    handle = os.fdopen(fd, "a", encoding="utf-8", newline="")
    handle.seek(0, os.SEEK_END)
    return handle


def _indented(record: dict[str, Any]) -> str:
    """A record as an indented element of a JSON array."""
    return "  " + json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")


class Sink:
    """Receives gold-shaped records in input order."""

    def __init__(self, fmt: str, out: Path | None, print_text: bool = False, resume: bool = False) -> None:
        self.fmt, self.out, self.print_text = fmt, out, print_text
        self._stems: dict[str, str] = {}  # output stem → the document id written there
        self._lock_fd: int | None = None
        self._done: set[str] | None = None
        self.console = Console()
        self._jsonl: TextIO | None = None
        self._table: CsvWriter | ParquetWriter | None = None
        self._table_file: TextIO | None = None
        self._json_pending: list[dict[str, Any]] = []
        self._json_count = 0
        if out is not None and out.suffix == ".csv":
            self._table_file = _open_lines(out, resume)
            self._table = CsvWriter(self._table_file, header=self._table_file.tell() == 0)
        elif out is not None and out.suffix == ".parquet":
            out.parent.mkdir(parents=True, exist_ok=True)
            self._table = ParquetWriter(out)
        elif out is None and fmt == "csv":
            self._table = CsvWriter(sys.stdout)
        elif out is not None and out.suffix == ".jsonl":
            self._jsonl = _open_lines(out, resume)
        elif out is not None:
            if out.exists() and not out.is_dir():
                raise OutputError(f"--out {out} is a file, not a directory; give a directory, or a .jsonl file")
            out.mkdir(parents=True, exist_ok=True)
            self._lock_fd = os.open(out, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))  # the directory itself is locked
            _lock(self._lock_fd, out)
            if resume and fmt != "html":
                self._stems = self._written()

    def done_ids(self) -> set[str]:
        """Document ids already written (for ``--resume``)."""
        if self.out is None:
            return set()
        if self.out.suffix == ".csv":
            return csv_done_ids(self.out)
        if self.out.suffix == ".jsonl":
            done = set()
            if self.out.exists():
                with self.out.open(encoding="utf-8", errors="replace") as lines:
                    for line in lines:
                        try:
                            done.add(json.loads(line)["doc"])
                        except (json.JSONDecodeError, KeyError, TypeError):
                            continue
            return done
        if self.fmt == "html":
            return {path.stem for path in self.out.glob("*.html")}
        return set(self._stems.values())

    def _written(self) -> dict[str, str]:
        """Stem → document id of the records already in the output directory."""
        written = {}
        for path in self.out.glob("*.json"):
            try:
                written[path.stem] = str(json.loads(path.read_text(encoding="utf-8"))["doc"])
            except (OSError, ValueError, KeyError, TypeError):
                written[path.stem] = path.stem
        return written

    def _stem(self, doc_id: str) -> str:
        """A file stem for ``doc_id`` that no other document of this output uses."""
        stem = output_stem(doc_id)
        suffix = output_stem(Path(doc_id).suffix.lstrip(".") or "doc")
        candidates = chain([stem, f"{stem}_{suffix}"], (f"{stem}_{number}" for number in count(2)))
        return next(c for c in candidates if self._stems.setdefault(c, doc_id) == doc_id)

    def is_done(self, doc_id: str) -> bool:
        """True when ``--resume`` should skip ``doc_id`` (its record is already in the output)."""
        if self._done is None:
            self._done = self.done_ids()
        return doc_id in self._done or (self.fmt == "html" and output_stem(doc_id) in self._done)

    def write(self, record: dict[str, Any], text: str) -> None:
        if self.print_text:
            record = {**record, "text": text}
        if self._table is not None:
            self._table.write(record)
        elif self._jsonl is not None:
            self._jsonl.write(_dumps(record) + "\n")
            self._jsonl.flush()
        elif self.out is not None:
            stem = self._stem(record["doc"])
            if self.fmt == "html":
                _atomic_write(self.out / f"{stem}.html", facts_html(text, record))
            else:
                _atomic_write(self.out / f"{stem}.json", _dumps(record, indent=2) + "\n")
        elif self.fmt == "json":
            self._write_json(record)
        elif self.fmt == "jsonl":
            sys.stdout.write(_dumps(record) + "\n")
            sys.stdout.flush()
        else:
            self.console.print(facts_table(record))

    def _write_json(self, record: dict[str, Any]) -> None:
        """One document prints one object; several print one JSON array, streamed."""
        self._json_count += 1
        if self._json_count == 1:
            self._json_pending.append(record)
            return
        if self._json_pending:
            sys.stdout.write("[\n" + _indented(self._json_pending.pop()))
        sys.stdout.write(",\n" + _indented(record))
        sys.stdout.flush()

    def close(self) -> None:
        if self._json_pending:
            sys.stdout.write(json.dumps(self._json_pending.pop(), ensure_ascii=False, indent=2) + "\n")
        elif self._json_count > 1:
            sys.stdout.write("\n]\n")
        sys.stdout.flush()
        if isinstance(self._table, ParquetWriter):
            self._table.close()
        if self._table_file is not None:
            self._table_file.close()
        if self._jsonl is not None:
            self._jsonl.close()
        if self._lock_fd is not None:
            os.close(self._lock_fd)
