"""Read articles from files, directories, globs, standard input and JSONL corpora.

Every source becomes a ``Document`` or an ``InputError`` whose one-line message names
the source and the problem, so that a batch reports a bad file and goes on. Offsets
in the output always index the text as decoded here: UTF-8 (a BOM removed), UTF-16
with a BOM, or — with a warning — whatever encoding charset-normalizer detects; for
HTML, the article text trafilatura extracts (``--print-text`` shows it).
"""

from __future__ import annotations

import glob
import json
import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .runner import Document

logger = logging.getLogger("newsfacts")

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
BINARY_SAMPLE = 8192


class InputError(Exception):
    """A source that cannot be read; the message names the source and the problem."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes, source: str) -> Decoded:
    """Bytes of an article as text, or an ``InputError`` saying why not.

    >>> decode("café".encode("utf-8-sig"), "a.txt").text
    'café'
    >>> decode(b"\\x00\\x01\\x02binary", "b.bin")
    Traceback (most recent call last):
    ...
    newsfacts.inputs.InputError: b.bin: binary file (NUL bytes), not text
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as err:
            raise InputError(f"{source}: broken UTF-16 text ({err.reason})") from None
    if b"\x00" in data[:BINARY_SAMPLE]:
        raise InputError(f"{source}: binary file (NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError as err:
        utf8_error = f"{err.reason} at byte {err.start}"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{source}: not valid UTF-8 ({utf8_error}) and no other encoding fits")
    logger.warning("%s: not UTF-8; decoded as %s", source, best.encoding)
    return Decoded(str(best), best.encoding)


def html_to_text(html: str, source: str) -> str:
    """The article text of an HTML page (trafilatura), or an ``InputError``."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise InputError(f"{source}: no article text found in the HTML")
    return text


def read_document(path: Path, *, html: bool | None = None) -> Document:
    """One article file as a ``Document`` (id = the file name)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    text = decode(data, str(path)).text
    if html or (html is None and path.suffix.lower() in HTML_SUFFIXES):
        text = html_to_text(text, str(path))
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return Document(path.name, text)


def expand_paths(paths: list[str], *, recursive: bool = False) -> Iterator[Path | str | InputError]:
    """Files named by paths, directories and glob patterns, in a stable order ("-" stays as is)."""
    for name in paths:
        if name == "-":
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            pattern = "**/*" if recursive else "*"
            files = sorted(p for p in path.glob(pattern) if p.is_file() and p.suffix.lower() in (*TEXT_SUFFIXES, *HTML_SUFFIXES))
            if not files:
                yield InputError(f"{path}: directory has no .txt or .html files" + ("" if recursive else " (try --recursive)"))
            yield from files
        elif path.exists():
            yield path
        elif glob.has_magic(name):
            matches = sorted(Path(p) for p in glob.glob(name, recursive=recursive) if Path(p).is_file())
            if not matches:
                yield InputError(f"{name}: no files match")
            yield from matches
        else:
            yield InputError(f"{path}: no such file or directory")


def iter_documents(paths: list[str], *, recursive: bool = False, html: bool | None = None) -> Iterator[Document | InputError]:
    """Documents for each source in order; unreadable ones come back as errors."""
    for item in expand_paths(paths, recursive=recursive):
        if isinstance(item, InputError):
            yield item
        elif item == "-":
            data = sys.stdin.buffer.read()
            try:
                text = decode(data, "<stdin>").text
                if html:
                    text = html_to_text(text, "<stdin>")
                yield Document("-", text) if text.strip() else InputError("<stdin>: empty input")
            except InputError as err:
                yield err
        else:
            try:
                yield read_document(item, html=html)
            except InputError as err:
                yield err


def iter_jsonl(path: Path, *, text_field: str = "text", id_field: str = "id",
               published_field: str | None = "published") -> Iterator[Document | InputError]:
    """Documents from a JSONL corpus, one JSON object a line; bad lines come back as errors."""
    try:
        handle = path.open("rb")
    except OSError as err:
        yield InputError(f"{path}: cannot be read ({err.strerror})")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(decode(raw, where).text)
            except (InputError, json.JSONDecodeError) as err:
                yield InputError(f"{where}: not a JSON object ({err})")
                continue
            if not isinstance(record, dict) or not isinstance(record.get(text_field), str):
                yield InputError(f"{where}: no string field {text_field!r}")
                continue
            doc_id = str(record.get(id_field, number))
            published = record.get(published_field) if published_field else None
            yield Document(doc_id, record[text_field], published or None)
