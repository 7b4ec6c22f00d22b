"""Data assets of the pipeline: the config and the tables under ``models/``.

The repository's ``models/`` folder is installed as the package
``newsfacts.models`` and read with ``importlib.resources``, so the same code works
from a wheel, an editable install or a zip. Components own their tables: they load
the shipped ones by default and write them back with ``to_disk`` (as
``span_ruler.py`` does with its patterns), so a saved pipeline carries its data.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import srsly

MODELS_PACKAGE = "newsfacts.models"


def _data_file(name: str):
    return resources.files(MODELS_PACKAGE).joinpath("data", name)


def read_jsonl(name: str) -> list[dict[str, Any]]:
    """Rows of a shipped JSONL table (blank lines and ``//`` comment lines skipped)."""
    text = _data_file(name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip() and not line.lstrip().startswith("//")]


def read_json(name: str) -> Any:
    """A shipped JSON table."""
    return json.loads(_data_file(name).read_text(encoding="utf-8"))


def alternation(words) -> str:
    r"""A regex alternation of literal words from a table, longest first (so "US$" wins over "$").

    >>> print(alternation(["$", "US$", "HK$"]))
    HK\$|US\$|\$
    """
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def word_trie(words, ignorecase: bool = False) -> str:
    r"""The alternation of ``words`` as a prefix tree: it matches exactly what
    ``alternation(words)`` matches, longest word first, but ``re`` reads one character per
    level instead of trying every word in turn. For a regex compiled with
    ``re.IGNORECASE`` the tree is built on lower-cased words (``ignorecase=True``), so
    that two spellings of one word never sit on different paths.

    >>> print(word_trie(["US$", "U", "ab", "abc", "abd"]))
    (?:U(?:S\$)?|ab(?:c|d)?)
    >>> import re
    >>> re.fullmatch(word_trie(["Rs.", "r"], ignorecase=True), "rs.", re.I) is not None
    True
    """
    trie: dict[str, dict] = {}
    for word in {w.lower() if ignorecase else w for w in words}:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def longest(node: dict) -> int:
        return max(0 if char == "" else 1 + longest(child) for char, child in node.items())

    def branches(node: dict) -> list[str]:
        children = sorted((item for item in node.items() if item[0] != ""), key=lambda item: (-longest(item[1]), item[0]))
        return [re.escape(char) + emit(child) for char, child in children]

    def emit(node: dict) -> str:
        following = branches(node)
        if not following:
            return ""
        body = following[0] if len(following) == 1 else "(?:" + "|".join(following) + ")"
        if "" not in node:
            return body
        return body + "?" if len(following) > 1 or len(following[0]) == 1 else f"(?:{body})?"

    return "(?:" + "|".join(branches(trie)) + ")"


def config_text() -> str:
    """The pipeline definition (``models/config.cfg``)."""
    return resources.files(MODELS_PACKAGE).joinpath("config.cfg").read_text(encoding="utf-8")


class TableComponent:
    """Serialisation for components whose behaviour is driven by data tables.

    Subclasses keep their tables in ``self.tables`` (name → JSON-ready data) and
    rebuild derived lookups in ``set_tables``.
    """

    tables: dict[str, Any]

    def set_tables(self, tables: dict[str, Any]) -> None:
        self.tables = dict(tables)

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, table in self.tables.items():
            srsly.write_json(path / f"{name}.json", table)

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> "TableComponent":
        path = Path(path)
        tables = {file.stem: srsly.read_json(file) for file in sorted(path.glob("*.json"))}
        self.set_tables({**self.tables, **tables})
        return self

    def to_bytes(self, *, exclude: tuple[str, ...] = ()) -> bytes:
        return srsly.msgpack_dumps(self.tables)

    def from_bytes(self, data: bytes, *, exclude: tuple[str, ...] = ()) -> "TableComponent":
        self.set_tables(srsly.msgpack_loads(data))
        return self
