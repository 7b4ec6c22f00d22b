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
