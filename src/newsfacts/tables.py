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
from typing import TYPE_CHECKING, Any, Iterable, Iterator, TextIO

if TYPE_CHECKING:
    import pandas as pd

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
    # percent (value_max: the upper end of an interval, "5-7 percent")
    "value": "float64",
    "value_max": "float64",
    "unit": "string",
    "change": "string",
    "basis": "string",
    # links of money and percent: the dating date fact, the subject organisation, what is measured
    "period_offset_start": "Int64",
    "period_offset_end": "Int64",
    "period_text": "string",
    "period_start": "datetime64[s]",
    "period_end": "datetime64[s]",
    "subject": "string",
    "metric": "string",
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
    """None, NaN, NaT and pandas.NA (what pandas and Dask put where a JSON null was).

    >>> is_missing(float("nan")), is_missing(0), is_missing("")
    (True, False, False)
    """
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except TypeError:  # pandas.NA: a comparison with it is NA, which has no truth value
        return True
    except ValueError:  # an array
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


def _jsonl_records(file: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSONL file, one per line. Lines end at "\\n" only: U+2028, U+0085 and
    the other separators ``str.splitlines`` knows may stand raw inside a JSON string."""
    with file.open(encoding="utf-8", newline="\n") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{file}:{number}: not a JSON line ({err.msg})") from None
            if not isinstance(record, dict):
                raise ValueError(f"{file}:{number}: not a newsfacts record (an object with 'doc' and 'facts')")
            yield record


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """Records from a JSONL file (one per line), a JSON file (one record or a list), a
    directory of ``<stem>.json`` files, or a CSV/Parquet table, as ``newsfacts extract``
    writes them (a table's documents without facts are not in it)."""
    path = Path(path)
    if path.suffix.lower() in TABLE_SUFFIXES:
        yield from frame_records(read_table(path))
        return
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    for file in files:
        if file.suffix.lower() == ".jsonl":
            yield from _jsonl_records(file)
            continue
        text = file.read_text(encoding="utf-8")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise ValueError(f"{file}: not JSON ({err.msg})") from None
        for record in data if isinstance(data, list) else [data]:
            if not isinstance(record, dict) or not isinstance(record.get("facts", []), list):
                raise ValueError(f"{file}: not a newsfacts record (an object with 'doc' and 'facts')")
            yield record


def to_frame(records: Iterable[dict[str, Any]] | dict[str, Any] | str | Path, keep_empty: bool = False) -> pd.DataFrame:
    """A pandas DataFrame with one row per fact and every column of ``COLUMNS``, typed.

    ``records`` are gold-shaped dicts (``newsfacts.extract_record`` output), one such
    dict, or the path of a JSONL/JSON/CSV/Parquet file or directory that ``newsfacts
    extract`` wrote. Dates are datetime64, amounts float64, absent values NaN/NaT/<NA>.
    """
    if isinstance(records, (str, Path)) and Path(records).suffix.lower() in TABLE_SUFFIXES:
        return read_table(records)
    if isinstance(records, (str, Path)):
        records = read_records(records)
    elif isinstance(records, dict):
        records = [records]
    rows = [row for record in records for row in record_rows(record, keep_empty)]
    return rows_frame(rows)


def rows_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows from ``record_rows`` as a typed DataFrame (columns in ``COLUMNS`` order)."""
    import pandas as pd

    columns = {}
    for name, dtype in COLUMNS.items():
        values = [row.get(name) for row in rows]
        if dtype.startswith("datetime"):
            columns[name] = pd.Series(pd.to_datetime([iso_date(v) for v in values], errors="coerce"),
                                      dtype="datetime64[s]")
        elif dtype == "float64":
            columns[name] = pd.Series([math.nan if is_missing(v) else float(v) for v in values], dtype="float64")
        else:
            columns[name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(columns)


def usd_total(frame: pd.DataFrame) -> float:
    """The USD sum of the money rows, each amount once (stated equivalents skipped)."""
    money = frame[(frame["type"] == "money") & frame["equivalent_of"].isna()]
    return float(money["usd"].sum())


TABLE_SUFFIXES = (".csv", ".parquet")


def _cell(value: str, dtype: str) -> Any:
    """One CSV cell as the plain value ``record_rows`` gives ("" is absent)."""
    if value == "":
        return None
    if dtype == "Int64":
        return int(value)
    if dtype == "boolean":
        return value == "true"
    return value


def read_table(path: str | Path) -> pd.DataFrame:
    """A CSV or Parquet file that ``newsfacts extract`` wrote, typed like ``to_frame``.

    A CSV written with ``--excel`` (it starts with a BOM) has its neutralised cells restored.
    Columns a table lacks (one written before they existed) are null.
    """
    import pandas as pd

    path = Path(path)
    if path.suffix.lower() == ".parquet":
        table = pd.read_parquet(path)
        columns = list(table.columns)
        rows = table.to_dict("records")
    else:
        with path.open(encoding="utf-8", newline="") as handle:
            excel = handle.read(1) == "\ufeff"
            if not excel:
                handle.seek(0)
            reader = csv.DictReader(handle)
            columns = [name for name in reader.fieldnames or [] if name in COLUMNS]
            rows = [{name: _cell(unexcel(row[name]) if excel else row[name], COLUMNS[name]) for name in columns}
                    for row in reader]
    if "doc" not in columns or "type" not in columns:
        raise ValueError(f"{path}: not a newsfacts table (no 'doc' and 'type' columns)")
    return rows_frame(rows)


_ROW_ONLY = ("doc", "published", "published_basis", "error", "usd_rate_date", "period_offset_start",
             "period_offset_end", "period_text", "period_start", "period_end")


def _plain(value: Any) -> Any:
    """A frame cell as JSON-ready Python (None, str, int, float, bool, ISO date)."""
    if is_missing(value):
        return None
    if hasattr(value, "isoformat"):
        return iso_date(value)
    return value.item() if hasattr(value, "item") else value


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Gold-shaped records again from a ``to_frame``/``read_table`` frame, documents in
    order of first appearance (the inverse of ``record_rows``)."""
    records: dict[str, dict[str, Any]] = {}
    for row in frame.to_dict("records"):
        row = {name: _plain(value) for name, value in row.items()}
        record = records.setdefault(row["doc"], {"doc": row["doc"], "published": row["published"],
                                                 "published_basis": row["published_basis"], "facts": []})
        if row.get("error"):
            record["error"] = row["error"]
        if row.get("type") is None:
            continue
        fact = {k: v for k, v in row.items() if k not in _ROW_ONLY and v is not None}
        if row.get("period_offset_start") is not None:
            fact["period"] = [row["period_offset_start"], row["period_offset_end"]]
        record["facts"].append(fact)
    return list(records.values())


FIGURE_COLUMNS = ("doc", "start", "end", "type", "text", "subject", "subject_id", "metric", "period_start",
                  "period_end", "usd", "value", "value_max", "unit", "change", "basis")


def subject_ids(frame: pd.DataFrame) -> pd.Series:
    """For each row, the ``id`` of the organisation its ``subject`` names (the org fact
    of the same document with that canonical), else the subject itself: a key that
    groups one company's figures across articles ("Alibaba" and "Alibaba Group")."""
    import pandas as pd

    orgs = frame[(frame["type"] == "org") & frame["id"].notna() & (frame["id"] != "")]
    ids = dict(zip(zip(orgs["doc"], orgs["canonical"]), orgs["id"]))
    keys = [ids.get((doc, subject), subject) if isinstance(subject, str) else None
            for doc, subject in zip(frame["doc"], frame["subject"])]
    return pd.Series(keys, index=frame.index, dtype="string")


def figures(frame: pd.DataFrame | str | Path) -> pd.DataFrame:
    """One row per figure (money and percent facts; a stated equivalent is left out, so
    each amount counts once): the table to pivot by ``subject_id``, ``metric`` and period.

    Columns: ``doc``, ``start``, ``end``, ``type``, ``text``, ``subject`` (canonical name),
    ``subject_id`` (the organisation's id, for grouping across articles), ``metric``,
    ``period_start``, ``period_end``, ``usd`` (money), ``value``, ``value_max``, ``unit``
    (percent), ``change``, ``basis``. ``frame`` is ``to_frame`` output or a path it reads.
    """
    if not hasattr(frame, "columns"):
        frame = to_frame(frame)
    rows = frame[frame["type"].isin(["money", "percent"]) & frame["equivalent_of"].isna()]
    rows = rows.assign(subject_id=subject_ids(frame).loc[rows.index])
    return rows.loc[:, list(FIGURE_COLUMNS)].reset_index(drop=True)


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV
# injection"); with excel=True such cells get a leading "'", and so do cells that start
# with "'" themselves, so that ``unexcel`` gives every value back exactly.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def _csv_value(value: Any, excel: bool = False) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if excel and isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def unexcel(cell: str) -> str:
    """A cell written with ``excel=True`` as the value it stands for.

    >>> unexcel("'=SUM(A1)"), unexcel("''quoted"), unexcel("Acme")
    ('=SUM(A1)', "'quoted", 'Acme')
    """
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_START) else cell


class CsvWriter:
    """Streams rows as CSV (header first, unless appending to a file that has one).

    Plain CSV is byte-exact for data tools; ``excel=True`` is for spreadsheets: a BOM
    before the header (so UTF-8 is recognised) and formula-like cells neutralised."""

    def __init__(self, stream: TextIO, header: bool = True, excel: bool = False) -> None:
        self.stream, self.excel = stream, excel
        self.writer = csv.DictWriter(stream, fieldnames=list(COLUMNS), extrasaction="ignore", lineterminator="\n")
        # csv quotes a field with "\r" only when "\r" ends lines: a row holding one is quoted whole
        self.quoted = csv.DictWriter(stream, fieldnames=list(COLUMNS), extrasaction="ignore", lineterminator="\n",
                                     quoting=csv.QUOTE_ALL)
        if header:
            if excel:
                stream.write("\ufeff")
            self.writer.writeheader()

    def write(self, record: dict[str, Any]) -> None:
        for row in record_rows(record):
            cells = {key: _csv_value(value, self.excel) for key, value in row.items()}
            carriage_return = any(isinstance(cell, str) and "\r" in cell for cell in cells.values())
            (self.quoted if carriage_return else self.writer).writerow(cells)
        self.stream.flush()


class ParquetWriter:
    """Buffers rows and writes them to a Parquet file in row groups, with a fixed schema."""

    def __init__(self, path: Path, rows_per_group: int = 10_000) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.pa = pa
        schema = pa.Schema.from_pandas(rows_frame([]), preserve_index=False)
        for name in _DATE_COLUMNS:  # calendar dates, so DATE in DuckDB and Polars, not a timestamp
            schema = schema.set(schema.get_field_index(name), pa.field(name, pa.date32()))
        self.schema = schema
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

