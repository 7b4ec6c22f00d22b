"""Facts as a table: one row per fact, the same typed columns whatever types occur.

The CLI (``--format csv``/``parquet``), the Python API (``newsfacts.to_frame``) and the
Dask runner all build their rows here, so a column means the same everywhere. Money
sums must count each amount once: a stated equivalent ("(about 237 billion U.S.
dollars)") carries ``equivalent_of``; sum ``usd`` over rows where it is null
(``usd_total`` does).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

# Column → pandas dtype. Dates are datetime64 (seconds, so any calendar year fits),
# amounts float64 (NaN where absent), counts and offsets nullable integers.
COLUMNS: dict[str, str] = {
    "doc": "string",
    "published": "datetime64[s]",
    "published_basis": "string",
    "type": "string",
    "text": "string",
    "start": "Int64",
    "end": "Int64",
    # money
    "amount": "float64",
    "amount_max": "float64",
    "currency": "string",
    "approx": "string",
    "usd": "float64",
    "usd_basis": "string",
    "usd_rate_date": "datetime64[s]",
    "equivalent_of": "Int64",
    # percent
    "value": "float64",
    "unit": "string",
    "change": "string",
    "basis": "string",
    # links of money and percent: the dating date fact and the subject organisation
    "period_offset_start": "Int64",
    "period_offset_end": "Int64",
    "period_text": "string",
    "period_start": "datetime64[s]",
    "period_end": "datetime64[s]",
    "subject": "string",
    # org and event
    "name": "string",
    "canonical": "string",
    "id": "string",
    # date (and event dates)
    "date_start": "datetime64[s]",
    "date_end": "datetime64[s]",
    "open_end": "boolean",
    "granularity": "string",
    # a document that failed: one row with its reason and no fact
    "error": "string",
}

_DATE_COLUMNS = tuple(name for name, dtype in COLUMNS.items() if dtype.startswith("datetime"))


def is_missing(value: Any) -> bool:
    """None, NaN and NaT (what pandas and Dask put where a JSON null was)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):
        return False


def iso_date(value: Any) -> str | None:
    """An ISO ``YYYY-MM-DD`` for a date-like value, or None when missing or unreadable.

    >>> iso_date("2024-02-29T10:00:00")
    '2024-02-29'
    >>> iso_date(float("nan")) is None, iso_date("soon") is None
    (True, True)
    """
    if is_missing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        return None


def _rate_date(usd_basis: Any) -> str | None:
    """The ECB rate date in ``usd_basis`` ("ecb:2023-11-10" → "2023-11-10").

    >>> _rate_date("ecb:2023-11-10"), _rate_date("stated")
    ('2023-11-10', None)
    """
    if isinstance(usd_basis, str) and usd_basis.startswith("ecb:"):
        return iso_date(usd_basis[4:])
    return None


def _period_fields(fact: dict[str, Any], dates: dict[tuple[int, int], dict[str, Any]]) -> dict[str, Any]:
    period = fact.get("period")
    if not isinstance(period, (list, tuple)) or len(period) != 2:
        return {}
    linked = dates.get((period[0], period[1]), {})
    return {
        "period_offset_start": period[0],
        "period_offset_end": period[1],
        "period_text": linked.get("text"),
        "period_start": linked.get("date_start"),
        "period_end": linked.get("date_end"),
    }


def record_rows(record: dict[str, Any], keep_empty: bool = False) -> list[dict[str, Any]]:
    """Rows (column → plain value) for one gold-shaped record.

    A failed record (``{"doc", "error"}``) gives one row with the error; a record
    without facts gives one row with a null ``type`` only when ``keep_empty`` is set.
    """
    head = {"doc": str(record.get("doc")), "published": iso_date(record.get("published")),
            "published_basis": record.get("published_basis")}
    if record.get("error"):
        return [{**head, "error": str(record["error"])}]
    facts = record.get("facts") or []
    dates = {(f["start"], f["end"]): f for f in facts if f.get("type") == "date"}
    rows = []
    for fact in facts:
        row = {**head, **{k: v for k, v in fact.items() if k in COLUMNS and k not in head}}
        row["usd_rate_date"] = _rate_date(fact.get("usd_basis"))
        row.update(_period_fields(fact, dates))
        rows.append(row)
    if not rows and keep_empty:
        rows.append(head)
    return rows


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """Records from a JSONL file (one per line), a JSON file (one record or a list),
    or a directory of ``<stem>.json`` files, as ``newsfacts extract`` writes them."""
    path = Path(path)
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    for file in files:
        text = file.read_text(encoding="utf-8")
        if file.suffix == ".jsonl":
            for number, line in enumerate(text.splitlines(), start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as err:
                    raise ValueError(f"{file}:{number}: not a JSON line ({err.msg})") from None
                if not isinstance(record, dict):
                    raise ValueError(f"{file}:{number}: not a newsfacts record (an object with 'doc' and 'facts')")
                yield record
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise ValueError(f"{file}: not JSON ({err.msg})") from None
        for record in data if isinstance(data, list) else [data]:
            if not isinstance(record, dict) or not isinstance(record.get("facts", []), list):
                raise ValueError(f"{file}: not a newsfacts record (an object with 'doc' and 'facts')")
            yield record


def to_frame(records: Iterable[dict[str, Any]] | dict[str, Any] | str | Path, keep_empty: bool = False):
    """A pandas DataFrame with one row per fact and every column of ``COLUMNS``, typed.

    ``records`` are gold-shaped dicts (``newsfacts.extract_record`` output), one such
    dict, or the path of a JSONL/JSON file or directory that ``newsfacts extract``
    wrote. Dates are datetime64, amounts float64, absent values NaN/NaT/<NA>.
    """
    if isinstance(records, (str, Path)):
        records = read_records(records)
    elif isinstance(records, dict):
        records = [records]
    rows = [row for record in records for row in record_rows(record, keep_empty)]
    return rows_frame(rows)


def rows_frame(rows: list[dict[str, Any]]):
    """Rows from ``record_rows`` as a typed DataFrame (columns in ``COLUMNS`` order)."""
    import pandas as pd

    columns = {}
    for name, dtype in COLUMNS.items():
        values = [row.get(name) for row in rows]
        if dtype.startswith("datetime"):
            columns[name] = pd.Series(pd.to_datetime([iso_date(v) for v in values], errors="coerce"),
                                      dtype="datetime64[s]")
        elif dtype == "float64":
            columns[name] = pd.Series([math.nan if v is None else float(v) for v in values], dtype="float64")
        else:
            columns[name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(columns)


def usd_total(frame) -> float:
    """The USD sum of the money rows, each amount once (stated equivalents skipped)."""
    money = frame[(frame["type"] == "money") & frame["equivalent_of"].isna()]
    return float(money["usd"].sum())


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


class CsvWriter:
    """Streams rows as CSV (header first, unless appending to a file that has one)."""

    def __init__(self, stream: TextIO, header: bool = True) -> None:
        self.stream = stream
        self.writer = csv.DictWriter(stream, fieldnames=list(COLUMNS), extrasaction="ignore", lineterminator="\n")
        if header:
            self.writer.writeheader()

    def write(self, record: dict[str, Any]) -> None:
        for row in record_rows(record):
            self.writer.writerow({key: _csv_value(value) for key, value in row.items()})
        self.stream.flush()


def csv_done_ids(path: Path) -> set[str]:
    """Document ids already in a CSV file written by ``CsvWriter`` (for ``--resume``)."""
    if not path.exists():
        return set()
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["doc"] for row in csv.DictReader(handle) if row.get("doc")}


class ParquetWriter:
    """Buffers rows and writes them to a Parquet file in row groups, with a fixed schema."""

    def __init__(self, path: Path, rows_per_group: int = 10_000) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.pa = pa
        self.schema = pa.Schema.from_pandas(rows_frame([]), preserve_index=False)
        self.writer = pq.ParquetWriter(str(path), self.schema)
        self.rows: list[dict[str, Any]] = []
        self.rows_per_group = rows_per_group

    def write(self, record: dict[str, Any]) -> None:
        self.rows.extend(record_rows(record))
        if len(self.rows) >= self.rows_per_group:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            table = self.pa.Table.from_pandas(rows_frame(self.rows), schema=self.schema, preserve_index=False)
            self.writer.write_table(table)
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()

