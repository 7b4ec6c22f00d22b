"""Where results go: standard output, one file per document, or a JSONL, JSON, CSV or Parquet file.

What kind of output ``--out`` is follows from the path (``output_kind``): a path ending
in ``/``, an existing directory or a path without an extension is a directory; ``.jsonl``,
``.json``, ``.csv`` and ``.parquet`` (any case) are files; any other extension is a usage
error, so a typo never becomes a directory of JSON files.

Nothing that exists is emptied, cut or replaced until there is a document to write: an
existing output file is only opened and locked at the start (so a second run on it is
refused at once), and emptied, or — with ``--resume`` — cut back to its last complete
document, when the first document arrives. Writes are atomic per document: a
``<stem>.json`` or page is written to a fresh temporary file (created exclusively,
never through a symlink, with the permissions the umask gives) and renamed; a JSONL line is
written whole and flushed. ``--resume`` reads the ``doc`` of every record already
written: JSONL lines up to the last complete one; in a CSV file every document but the
last, whose rows may be torn, so the last is dropped and done again; in a directory,
the ``doc`` of each regular ``.json`` file or page (anything else there is ignored).
"""

from __future__ import annotations

import csv
import errno
import html
import json
import os
import re
import stat
import sys
import tempfile
from itertools import chain, count
from pathlib import Path
from typing import Any, Iterator, TextIO

from rich.console import Console

from .messages import one_line
from .render import facts_html, facts_table
from .tables import CsvWriter, ParquetWriter, unexcel

FILE_KINDS = {".jsonl": "jsonl", ".json": "json", ".csv": "csv", ".parquet": "parquet"}
NAME_MAX = 255  # bytes in one file name on common file systems
MAX_READ = 1 << 26  # at most 64 MiB of one file are read back on --resume
_DOC_META = re.compile(r'<meta name="newsfacts-doc" content="([^"]*)">')


class OutputError(Exception):
    """An output that cannot be used (locked by another run, not a file, a bad path);
    the message says what to do."""


class DocumentWriteError(ValueError):
    """One document cannot be written (e.g. its file name is too long); the run goes on."""


def output_kind(out: str | Path) -> str:
    """``"dir"``, ``"jsonl"``, ``"json"``, ``"csv"`` or ``"parquet"`` for an ``--out`` path,
    or an ``OutputError`` for an extension newsfacts does not write.

    >>> [output_kind(p) for p in ("facts.JSONL", "run.v2/", "preds", "a.Csv", "arr.json")]
    ['jsonl', 'dir', 'dir', 'csv', 'json']
    >>> output_kind("facts.xlsx")
    Traceback (most recent call last):
    ...
    newsfacts.outputs.OutputError: --out facts.xlsx: newsfacts writes .jsonl, .json, .csv or .parquet files, or a directory (end the path with /)
    """
    text = os.fspath(out)
    path = Path(text)
    if text.endswith(("/", os.sep)) or path.is_dir():
        return "dir"
    suffix = path.suffix.lower()
    if not suffix:
        return "dir"
    if suffix in FILE_KINDS:
        return FILE_KINDS[suffix]
    raise OutputError(f"--out {one_line(text)}: newsfacts writes .jsonl, .json, .csv or .parquet files, "
                      "or a directory (end the path with /)")


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


def _umask() -> int:
    """This process's umask (read without changing it where the system tells)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass  # no /proc: set and restore it below
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _atomic_write(path: Path, content: str, mode: int) -> None:
    """Write ``path`` whole or not at all; the temporary file is new (O_EXCL), so a planted
    symlink is never followed, and two writers never share one. ``mode``: the final permissions."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".newsfacts-", suffix=".tmp")
    try:
        os.fchmod(handle, mode)
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
        raise OutputError(f"{one_line(str(what))} is in use by another newsfacts run; "
                          "wait for it to finish or choose another --out") from None


def _lines(fd: int) -> Iterator[tuple[bytes, int]]:
    """(line, offset after it) for each line of an open file, read from the start."""
    reader = os.fdopen(os.dup(fd), "rb")
    with reader:
        reader.seek(0)
        end = 0
        for line in reader:
            end += len(line)
            yield line, end


def _read_regular(path: Path, limit: int = MAX_READ) -> bytes | None:
    """The bytes of ``path`` when it is a regular file (not a symlink, FIFO or device), else None."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return file.read(limit)


class _LockedFile:
    """A JSONL, JSON, CSV or Parquet output: locked from the start when it exists, and
    created, emptied or cut back (``keep`` bytes, when resuming) only at ``start``."""

    def __init__(self, path: Path, resume: bool) -> None:
        self.path, self.resume = path, resume
        self.fd: int | None = None
        self.keep: int | None = None  # with --resume: the bytes of complete documents
        if os.path.lexists(path):
            self._open(create=False)

    def _open(self, create: bool) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_NONBLOCK | (os.O_CREAT if create else 0), 0o666)
        except OSError as err:
            raise OutputError(f"--out {one_line(str(self.path))}: cannot be written ({err.strerror})") from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise OutputError(f"--out {one_line(str(self.path))} is not a regular file")
        _lock(fd, self.path)
        self.fd = fd

    def start(self, cut: bool = True) -> int:
        """Open the output for the first document: emptied, or cut back to ``keep`` (not at
        all unless ``cut``); the fd."""
        if self.fd is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._open(create=True)
        assert self.fd is not None
        size = os.lseek(self.fd, 0, os.SEEK_END)
        keep = size if not cut else 0 if not self.resume else min(self.keep if self.keep is not None else size, size)
        if keep < size:
            os.ftruncate(self.fd, keep)
            if self.resume:
                what = ("removed the rows of its last document (a crash may have torn them)"
                        if self.path.suffix.lower() == ".csv" else "removed an incomplete last line")
                sys.stderr.write(f"newsfacts: note: {one_line(str(self.path))}: {what}; that document is done again\n")
        os.lseek(self.fd, 0, os.SEEK_END)
        return self.fd

    def jsonl_done(self) -> set[str]:
        """Ids of the complete lines of a JSONL output; ``keep`` ends after the last one."""
        done: set[str] = set()
        self.keep = 0
        if self.fd is None:
            return done
        for line, end in _lines(self.fd):
            if not line.endswith(b"\n"):
                break
            self.keep = end
            try:
                done.add(str(json.loads(line)["doc"]))
            except (ValueError, KeyError, TypeError):
                continue
        return done

    def csv_done(self, excel: bool) -> set[str]:
        """Ids of the documents of a CSV output but the last (its rows may be torn); ``keep``
        ends after the document before it."""
        self.keep = 0
        if self.fd is None:
            return set()
        first = os.pread(self.fd, 3, 0)
        if first and first.startswith(b"\xef\xbb\xbf") != excel:
            written = "with" if first.startswith(b"\xef\xbb\xbf") else "without"
            raise OutputError(f"--out {one_line(str(self.path))} was written {written} --excel; resume it the same way")
        position = 0

        def text_lines() -> Iterator[str]:
            nonlocal position
            for line, end in _lines(self.fd):
                if not line.endswith(b"\n"):
                    return  # a torn last line
                text = line.decode("utf-8-sig" if position == 0 else "utf-8", errors="replace")
                position = end  # the csv reader asks for a line only while its record is incomplete
                yield text

        documents: list[tuple[str, int]] = []  # (doc, end of its last row), in file order
        try:
            rows = csv.reader(text_lines(), strict=True)  # strict: a record torn inside quotes is an error, not a row
            header = next(rows, None)
            if header is None:
                return set()
            if "doc" not in header:
                raise OutputError(f"--out {one_line(str(self.path))} is not a newsfacts CSV file (no doc column); "
                                  "choose another --out")
            column = header.index("doc")
            self.keep = position
            for row in rows:
                doc = unexcel(row[column]) if excel and len(row) > column else (row[column] if len(row) > column else "")
                if documents and documents[-1][0] == doc:
                    documents[-1] = (doc, position)
                else:
                    documents.append((doc, position))
        except csv.Error:
            pass  # a record torn inside quotes: it ends the readable part
        if len(documents) > 1:
            self.keep = documents[-2][1]
        return {doc for doc, _ in documents[:-1]}

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def _indented(record: dict[str, Any]) -> str:
    """A record as an indented element of a JSON array."""
    return "  " + _dumps(record, indent=2).replace("\n", "\n  ")


def _with_doc_meta(page: str, doc_id: str) -> str:
    """A page that names its document in a ``<meta>``, so ``--resume`` knows it by id."""
    meta = f'<meta name="newsfacts-doc" content="{html.escape(doc_id, quote=True)}">'
    return page.replace("<head>", "<head>" + meta, 1) if "<head>" in page else meta + page


class Sink:
    """Receives gold-shaped records in input order."""

    def __init__(self, fmt: str, out: Path | str | None, print_text: bool = False, resume: bool = False,
                 excel: bool = False) -> None:
        self.fmt, self.print_text, self.resume, self.excel = fmt, print_text, resume, excel
        self.kind = output_kind(out) if out is not None else None
        self.out = Path(out) if out is not None else None
        self._stems: dict[str, str] = {}  # output stem → the document id written there
        self._lock_fd: int | None = None
        self._done: set[str] | None = None
        self._mode = 0o666 & ~_umask()
        self.console = Console()
        self._file: _LockedFile | None = None
        self._stream: TextIO | None = None  # the open JSONL/JSON/CSV output
        self._started = False
        self._parquet_temporary: Path | None = None
        self._table: CsvWriter | ParquetWriter | None = None
        self._json_pending: list[dict[str, Any]] = []
        self._json_count = 0
        if self.out is None:
            if fmt == "csv":
                self._table = CsvWriter(sys.stdout, excel=excel)
            return
        if self.kind != "dir":
            self._file = _LockedFile(self.out, resume)
            if resume:
                self._done = self._file.csv_done(excel) if self.kind == "csv" else self._file.jsonl_done()
            return
        if self.out.exists() and not self.out.is_dir():
            raise OutputError(f"--out {one_line(str(self.out))} is a file, not a directory")
        self.out.mkdir(parents=True, exist_ok=True)
        self._lock_fd = os.open(self.out, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))  # the directory itself is locked
        _lock(self._lock_fd, self.out)
        if resume:
            self._stems = self._written()
            self._done = set(self._stems.values())

    def done_ids(self) -> set[str]:
        """Document ids already written (for ``--resume``)."""
        return set(self._done or ())

    def _written(self) -> dict[str, str]:
        """Stem → document id of the records or pages already in the output directory
        (regular files only; a page or record that names no id counts under its stem)."""
        assert self.out is not None
        suffix = ".html" if self.fmt == "html" else ".json"
        written = {}
        for entry in os.scandir(self.out):
            if not entry.name.endswith(suffix) or entry.name.startswith("."):
                continue
            stem = entry.name[: -len(suffix)]
            data = _read_regular(Path(entry.path))
            if data is None:
                continue
            try:
                if suffix == ".html":
                    found = _DOC_META.search(data.decode("utf-8", errors="replace"))
                    written[stem] = html.unescape(found.group(1)) if found else stem
                else:
                    written[stem] = str(json.loads(data)["doc"])
            except (ValueError, KeyError, TypeError):
                written[stem] = stem
        return written

    def _stem(self, doc_id: str) -> str:
        """A file stem for ``doc_id`` that no other document of this output uses."""
        stem = output_stem(doc_id)
        suffix = output_stem(Path(doc_id).suffix.lstrip(".") or "doc")
        candidates = chain([stem, f"{stem}_{suffix}"], (f"{stem}_{number}" for number in count(2)))
        return next(c for c in candidates if self._stems.setdefault(c, doc_id) == doc_id)

    def is_done(self, doc_id: str) -> bool:
        """True when ``--resume`` should skip ``doc_id`` (its record is already in the output)."""
        return self._done is not None and doc_id in self._done

    def _start_file(self) -> None:
        """Open the output file at the first document (see the module docstring). Parquet
        goes to a temporary file that replaces the output at the end, whole."""
        assert self._file is not None and self.out is not None
        fd = self._file.start(cut=self.kind != "parquet")
        self._started = True
        if self.kind == "parquet":
            handle, temporary = tempfile.mkstemp(dir=self.out.parent, prefix=".newsfacts-", suffix=".tmp")
            os.fchmod(handle, self._mode)
            os.close(handle)
            self._parquet_temporary = Path(temporary)
            self._table = ParquetWriter(self._parquet_temporary)
            return
        self._stream = os.fdopen(os.dup(fd), "a", encoding="utf-8", newline="")
        if self.kind == "csv":
            self._table = CsvWriter(self._stream, header=os.lseek(fd, 0, os.SEEK_END) == 0, excel=self.excel)

    def write(self, record: dict[str, Any], text: str) -> None:
        """Write one document's record; a ``DocumentWriteError`` when only it cannot be written."""
        if self.print_text:
            record = {**record, "text": text}
        if self._file is not None and not self._started:
            self._start_file()
        if self._table is not None:
            self._table.write(record)
        elif self.kind == "jsonl":
            assert self._stream is not None
            self._stream.write(_dumps(record) + "\n")
            self._stream.flush()
        elif self.kind == "json":
            assert self._stream is not None
            self._stream.write(("[\n" if not self._json_count else ",\n") + _indented(record))
            self._stream.flush()
            self._json_count += 1
        elif self.out is not None:
            self._write_file(record, text)
        elif self.fmt == "json":
            self._write_json(record)
        elif self.fmt == "jsonl":
            sys.stdout.write(_dumps(record) + "\n")
            sys.stdout.flush()
        else:
            self.console.print(facts_table({**record, "doc": one_line(str(record["doc"]))}))

    def _write_file(self, record: dict[str, Any], text: str) -> None:
        """A ``<stem>.json`` or page in the output directory."""
        assert self.out is not None
        extension = "html" if self.fmt == "html" else "json"
        name = f"{self._stem(record['doc'])}.{extension}"
        if len(name.encode("utf-8")) > NAME_MAX:
            raise DocumentWriteError(f"its file name would be {len(name.encode('utf-8'))} bytes; the limit is {NAME_MAX}")
        if extension == "html":
            content = _with_doc_meta(facts_html(text, record), str(record["doc"]))
        else:
            content = _dumps(record, indent=2) + "\n"
        try:
            _atomic_write(self.out / name, content, self._mode)
        except OSError as err:
            if err.errno != errno.ENAMETOOLONG:
                raise
            raise DocumentWriteError(f"its path is too long ({err.strerror})") from None

    def _write_json(self, record: dict[str, Any]) -> None:
        """One document prints one object; several print one JSON array, streamed."""
        self._json_count += 1
        if self._json_count == 1:
            _dumps(record)  # strict JSON, or a ValueError now rather than at the end
            self._json_pending.append(record)
            return
        if self._json_pending:
            sys.stdout.write("[\n" + _indented(self._json_pending.pop()))
        sys.stdout.write(",\n" + _indented(record))
        sys.stdout.flush()

    def close(self) -> None:
        """Finish the output (a JSON array closed, Parquet moved into place) and release its lock."""
        try:
            if self.kind == "json" and self._stream is not None:
                self._stream.write("\n]\n")
            elif self.out is None:
                if self._json_pending:
                    sys.stdout.write(json.dumps(self._json_pending.pop(), ensure_ascii=False, indent=2) + "\n")
                elif self._json_count > 1:
                    sys.stdout.write("\n]\n")
                sys.stdout.flush()
            if self._parquet_temporary is not None and isinstance(self._table, ParquetWriter):
                try:
                    self._table.close()
                    os.replace(self._parquet_temporary, self.out)
                finally:
                    self._parquet_temporary.unlink(missing_ok=True)
        finally:
            if self._stream is not None:
                self._stream.close()
            if self._file is not None:
                self._file.close()
            if self._lock_fd is not None:
                os.close(self._lock_fd)
