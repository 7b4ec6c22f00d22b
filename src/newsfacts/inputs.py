"""Read articles from files, directories, globs, standard input and JSONL corpora.

Every source becomes a ``Document`` or an ``InputError`` whose one-line message names
the source and the problem, so that a batch reports a bad file and goes on. A file's
id is its path relative to the directory (or glob base) it was found under — its name
when it was named itself — so ids are unique in a run; a file reached twice (named
twice, or through a symlink loop) is read once. Offsets
in the output always index the text as decoded here: UTF-8 (a BOM removed), UTF-16
with a BOM, or — with a warning — whatever encoding charset-normalizer detects; for
HTML, the article text trafilatura extracts (``--print-text`` shows it).
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .runner import Document

logger = logging.getLogger("newsfacts")

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
ARTICLE_SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES)
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
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError(f"{source}: binary file (NUL bytes), not text")
        logger.warning("%s: UTF-16 without a byte-order mark; decoded as %s", source, utf16.encoding)
        return utf16
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


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text that lacks a BOM: NUL bytes in (nearly) every other position, and text after decoding.

    >>> _utf16_without_bom("Profit rose 5%".encode("utf-16-le")).text
    'Profit rose 5%'
    >>> _utf16_without_bom(b"\\x00\\x01\\x02\\x03") is None
    True
    """
    sample = data[:BINARY_SAMPLE]
    half = len(sample) // 2
    if half == 0 or len(data) % 2:
        return None
    for encoding, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if zeros.count(0) >= 0.9 * half:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            if all(ch.isprintable() or ch.isspace() for ch in text[:BINARY_SAMPLE]):
                return Decoded(text, encoding)
    return None


def html_to_text(html: str, source: str) -> str:
    """The article text of an HTML page (trafilatura), or an ``InputError``."""
    try:
        import trafilatura

        text = trafilatura.extract(html, include_comments=False, include_tables=False)
    except Exception as err:  # a broken page or a broken HTML install: this file fails, the batch goes on
        raise InputError(f"{source}: cannot extract the article text from the HTML ({type(err).__name__}: {err})") from None
    if not text or not text.strip():
        raise InputError(f"{source}: no article text found in the HTML")
    return text


def html_published(html: str) -> str | None:
    """The publication date a page states in its metadata (trafilatura/htmldate), as ISO,
    or None when it states none.

    >>> html_published('<html><head><meta property="article:published_time" content="2021-09-14T08:00:00Z">'
    ...                '</head><body><p>Text.</p></body></html>')
    '2021-09-14'
    >>> html_published("<html><body><p>No date here.</p></body></html>") is None
    True
    """
    try:
        from trafilatura import extract_metadata

        metadata = extract_metadata(html, extensive=False)
    except Exception as err:  # metadata is a bonus: a page that breaks it is still read
        logger.debug("no HTML metadata: %s", err)
        return None
    found = getattr(metadata, "date", None) if metadata is not None else None
    try:
        return dt.date.fromisoformat(str(found)[:10]).isoformat() if found else None
    except ValueError:
        return None


def read_document(path: Path, *, html: bool | None = None, doc_id: str | None = None) -> Document:
    """One article file as a ``Document`` (id = ``doc_id``, or the file name)."""
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
    published = None
    if html or (html is None and path.suffix.lower() in HTML_SUFFIXES):
        published = html_published(text)
        text = html_to_text(text, str(path))
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return Document(doc_id or path.name, text, published, "html_metadata" if published else None)


def _article_files(directory: Path, recursive: bool) -> list[Path]:
    """Article files under a directory, sorted; with ``recursive``, symlinked directories are
    followed but each real directory is visited once (a symlink loop ends)."""
    if not recursive:
        return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
    found, seen = [], set()
    for root, dirs, files in os.walk(directory, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs.sort()
        found.extend(Path(root, name) for name in files if Path(name).suffix.lower() in ARTICLE_SUFFIXES)
    return sorted(p for p in found if p.is_file())


def _glob_base(pattern: str) -> Path:
    """The directory part of a glob pattern before its first wildcard.

    >>> _glob_base("news/2024/*/a*.txt").as_posix()
    'news/2024'
    """
    parts = Path(pattern).parts
    fixed = [part for part in parts[: next(i for i, part in enumerate(parts) if glob.has_magic(part))]]
    return Path(*fixed) if fixed else Path(".")


def _relative_id(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def find_sources(paths: list[str], *, recursive: bool = False) -> Iterator[tuple[Path, str] | str | InputError]:
    """``(file, id)`` for the files named by paths, directories and glob patterns, in a stable
    order ("-" stays as is). A file reached twice is given once; when two files would get
    the same id, the later one is identified by its path as given."""
    seen_files: set[str] = set()
    seen_ids: set[str] = set()

    def once(path: Path, doc_id: str) -> Iterator[tuple[Path, str]]:
        real = os.path.realpath(path)
        if real in seen_files:
            return
        seen_files.add(real)
        if doc_id in seen_ids:
            doc_id = path.as_posix()
        seen_ids.add(doc_id)
        yield path, doc_id

    for name in paths:
        if name == "-":
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            files = _article_files(path, recursive)
            if not files:
                yield InputError(f"{path}: directory has no .txt or .html files" + ("" if recursive else " (try --recursive)"))
            for file in files:
                yield from once(file, _relative_id(file, path))
        elif path.exists():
            yield from once(path, path.name)
        elif glob.has_magic(name):
            matches = sorted(Path(p) for p in glob.glob(name, recursive=recursive) if Path(p).is_file())
            if not matches:
                yield InputError(f"{name}: no files match")
            base = _glob_base(name)
            for file in matches:
                yield from once(file, _relative_id(file, base))
        else:
            yield InputError(f"{path}: no such file or directory")


def expand_paths(paths: list[str], *, recursive: bool = False) -> Iterator[Path | str | InputError]:
    """Files named by paths, directories and glob patterns, in a stable order ("-" stays as is)."""
    for item in find_sources(paths, recursive=recursive):
        yield item[0] if isinstance(item, tuple) else item


def iter_documents(paths: list[str], *, recursive: bool = False, html: bool | None = None) -> Iterator[Document | InputError]:
    """Documents for each source in order; unreadable ones come back as errors."""
    for item in find_sources(paths, recursive=recursive):
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
            path, doc_id = item
            try:
                yield read_document(path, html=html, doc_id=doc_id)
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
