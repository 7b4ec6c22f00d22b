"""Read articles from files and stdin into ``Document`` objects, with clear errors."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

from .runner import Document


class InputError(Exception):
    """A document that cannot be read; the message names the source and the problem."""


def read_text_file(path: Path) -> str:
    """Decode an article file (UTF-8, with or without BOM)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not valid UTF-8 text ({err.reason} at byte {err.start})") from None


def iter_documents(paths: list[str]) -> Iterator[Document | InputError]:
    """Documents for each path (``-`` is stdin); unreadable ones come back as errors, in order."""
    for name in paths:
        if name == "-":
            yield Document("-", sys.stdin.read())
            continue
        path = Path(name)
        try:
            yield Document(path.name, read_text_file(path))
        except InputError as err:
            yield err
