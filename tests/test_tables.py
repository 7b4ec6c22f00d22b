"""Facts as tables: typed DataFrame columns, CSV/Parquet/JSON output, sums that count once."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import newsfacts
from newsfacts.cli import app
from newsfacts.tables import COLUMNS, record_rows, to_frame, usd_total

ARTICLE = (
    "OSLO, 4 March 2021 -- Equinor said on Thursday its quarterly profit rose 12 percent to "
    "9.5 billion euros (about 11.5 billion U.S. dollars) in the fourth quarter of 2020.\n"
)

# A hand-made record: a stated equivalent, a percent linked to a date fact, an org with an id.
LINKED = {
    "doc": "nok.txt", "published": "2021-03-04", "published_basis": "dateline",
    "facts": [
        {"type": "org", "text": "Equinor", "start": 0, "end": 7, "name": "Equinor", "canonical": "Equinor ASA", "id": "equinor"},
        {"type": "percent", "text": "12 percent", "start": 20, "end": 30, "value": 12, "value_max": 14, "unit": "percent",
         "approx": None, "period": [80, 104], "subject": "Equinor ASA", "metric": "profit", "change": "up", "basis": None},
        {"type": "money", "text": "9.5 billion Norwegian crowns", "start": 34, "end": 62, "amount": 9.5e9,
         "currency": "NOK", "approx": None, "usd": 1.1e9, "usd_basis": "stated", "period": None, "subject": None,
         "equivalent_of": None},
        {"type": "money", "text": "1.1 billion U.S. dollars", "start": 70, "end": 94, "amount": 1.1e9, "currency": "USD",
         "approx": "about", "usd": 1.1e9, "usd_basis": "identity", "period": None, "subject": None, "equivalent_of": 34},
        {"type": "money", "text": "CHF 40 million", "start": 96, "end": 110, "amount": 4e7, "currency": "CHF",
         "approx": None, "usd": 4.4e7, "usd_basis": "ecb:2021-03-03", "period": None, "subject": None,
         "equivalent_of": None},
        {"type": "date", "text": "the fourth quarter of 2020", "start": 80, "end": 104, "date_start": "2020-10-01",
         "date_end": "2020-12-31", "open_end": False, "granularity": "quarter"},
    ],
}


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def seed_frame(nlp, seeds_dir, seed_gold_dir):
    gold = {g["doc"]: g for g in (json.loads(p.read_text(encoding="utf-8")) for p in sorted(seed_gold_dir.glob("*.json")))}
    frame = newsfacts.to_frame(
        newsfacts.extract_record((seeds_dir / doc).read_text(encoding="utf-8"), g["published"], doc) for doc, g in gold.items()
    )
    return frame, gold


def test_seed_frame_has_real_dtypes(seed_frame):
    frame, _ = seed_frame
    assert list(frame.columns) == list(COLUMNS)
    for column in ("published", "date_start", "date_end", "period_start", "usd_rate_date"):
        assert pd.api.types.is_datetime64_any_dtype(frame[column]), column
    for column in ("amount", "usd", "value"):
        assert frame[column].dtype == "float64", column
    assert frame["start"].dtype == "Int64" and frame["equivalent_of"].dtype == "Int64"
    assert frame["open_end"].dtype == "boolean"
    assert frame["usd"].isna().any() and frame["date_start"].notna().any()


def test_seed_usd_sum_counts_each_amount_once(seed_frame):
    frame, gold = seed_frame
    expected = sum(f["usd"] for g in gold.values() for f in g["facts"]
                   if f["type"] == "money" and f.get("equivalent_of") is None and f["usd"] is not None)
    assert expected > 0
    assert usd_total(frame) == pytest.approx(expected, rel=0.03)


@pytest.mark.parametrize(
    ("column", "fact_text", "expected"),
    [
        ("period_start", "12 percent", pd.Timestamp("2020-10-01")),
        ("period_end", "12 percent", pd.Timestamp("2020-12-31")),
        ("period_text", "12 percent", "the fourth quarter of 2020"),
        ("subject", "12 percent", "Equinor ASA"),
        ("metric", "12 percent", "profit"),
        ("value_max", "12 percent", 14.0),
        ("change", "12 percent", "up"),
        ("equivalent_of", "1.1 billion U.S. dollars", 34),
        ("usd_rate_date", "CHF 40 million", pd.Timestamp("2021-03-03")),
        ("id", "Equinor", "equinor"),
        ("granularity", "the fourth quarter of 2020", "quarter"),
    ],
)
def test_link_and_value_columns(column, fact_text, expected):
    frame = to_frame([LINKED])
    row = frame[frame["text"] == fact_text].iloc[0]
    assert row[column] == expected


def test_usd_total_skips_stated_equivalents():
    assert usd_total(to_frame(LINKED)) == pytest.approx(1.1e9 + 4.4e7)


@pytest.mark.parametrize(
    ("record", "keep_empty", "rows", "error"),
    [
        ({"doc": "x", "error": "bad date"}, False, 1, "bad date"),
        ({"doc": "y", "published": None, "facts": []}, False, 0, None),
        ({"doc": "y", "published": float("nan"), "facts": []}, True, 1, None),
        ({"doc": "z", "published": pd.NaT, "facts": LINKED["facts"][:1]}, False, 1, None),
    ],
)
def test_failed_and_empty_documents(record, keep_empty, rows, error):
    found = record_rows(record, keep_empty)
    assert len(found) == rows
    if rows:
        assert found[0].get("error") == error and found[0]["published"] is None


def test_columns_are_the_same_whatever_types_occur():
    only_orgs = {**LINKED, "facts": LINKED["facts"][:1]}
    assert list(to_frame([only_orgs]).dtypes.items()) == list(to_frame([LINKED]).dtypes.items())
    assert list(to_frame([]).columns) == list(COLUMNS)


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tables")
    (folder / "nok.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("Nothing in particular happened.\n", encoding="utf-8")
    return folder


def test_csv_output_has_every_column(nlp, runner, article):
    result = runner.invoke(app, ["extract", str(article / "nok.txt"), "-f", "csv"])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert list(frame.columns) == list(COLUMNS)
    assert {"money", "percent", "org", "date"} <= set(frame["type"])
    assert (frame["published"] == "2021-03-04").all()


def test_csv_file_resume_appends_without_repeating(nlp, runner, article, tmp_path):
    out = tmp_path / "facts.csv"
    first = runner.invoke(app, ["extract", str(article / "nok.txt"), "--out", str(out)])
    again = runner.invoke(app, ["extract", str(article / "nok.txt"), "--out", str(out), "--resume"])
    assert first.exit_code == 0 and again.exit_code == 0, again.output
    frame = pd.read_csv(out)
    assert list(frame.columns) == list(COLUMNS) and not frame.duplicated(["doc", "start", "end", "type"]).any()


def test_csv_file_rerun_without_resume_replaces_it(nlp, runner, article, tmp_path):
    out = tmp_path / "facts.csv"
    first = runner.invoke(app, ["extract", str(article / "nok.txt"), "--out", str(out)])
    rows = len(pd.read_csv(out))
    again = runner.invoke(app, ["extract", str(article / "nok.txt"), "--out", str(out)])
    assert first.exit_code == 0 and again.exit_code == 0, again.output
    assert len(pd.read_csv(out)) == rows


def test_csv_resume_cuts_a_torn_last_line(nlp, runner, article, tmp_path):
    out = tmp_path / "facts.csv"
    runner.invoke(app, ["extract", str(article / "nok.txt"), "--out", str(out)])
    complete = pd.read_csv(out)
    with out.open("a", encoding="utf-8") as handle:
        handle.write("other.txt,2021-03-04,given,money,$5")  # a crash in the middle of a row
    again = runner.invoke(app, ["extract", str(article / "nok.txt"), "--out", str(out), "--resume"])
    assert again.exit_code == 0, again.output
    assert pd.read_csv(out).equals(complete)


def test_parquet_output_keeps_the_types(nlp, runner, article, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "facts.parquet"
    result = runner.invoke(app, ["extract", str(article), "--out", str(out)])
    assert result.exit_code == 0, result.output
    schema = pq.read_schema(out)
    assert {str(schema.field(c).type) for c in COLUMNS if COLUMNS[c].startswith("datetime")} == {"date32[day]"}
    frame = newsfacts.to_frame(out)
    assert list(frame.columns) == list(COLUMNS)
    assert pd.api.types.is_datetime64_any_dtype(frame["date_start"]) and frame["amount"].dtype == "float64"
    euros = frame[(frame["type"] == "money") & (frame["currency"] == "EUR")]
    assert math.isclose(euros["amount"].iloc[0], 9.5e9) and math.isclose(euros["usd"].iloc[0], 11.5e9)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "parquet"], "--out FILE.parquet"),
        (["-f", "csv", "--out", "facts_dir"], "--out FILE.csv"),
        (["-f", "json", "--out", "facts.csv"], "csv file"),
        (["--out", "facts.parquet", "--resume"], "cannot append"),
    ],
)
def test_table_format_usage_errors(runner, article, args, message):
    result = runner.invoke(app, ["extract", str(article / "nok.txt"), *args])
    assert result.exit_code == 2 and message in result.output


def test_json_over_several_documents_is_one_array(nlp, runner, article):
    result = runner.invoke(app, ["extract", str(article / "nok.txt"), str(article / "empty.txt"), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [record["doc"] for record in data] == ["nok.txt", "empty.txt"]


PAGE = """<html><head><title>Results</title>
<meta property="article:published_time" content="2019-08-07T06:30:00+02:00"></head>
<body><article><h1>Results</h1><p>Adidas said on Wednesday that second-quarter net income rose 22 percent
to 1.1 billion euros, helped by strong demand in Asia and a weaker euro.</p>
<p>The company kept its forecast for the year and said sales in China grew for a ninth quarter.</p></article></body></html>
"""


@pytest.mark.parametrize(
    ("args", "published", "basis"),
    [([], "2019-08-07", "html_metadata"), (["--published", "2019-08-09"], "2019-08-09", "given")],
)
def test_html_page_date_is_the_reference(nlp, runner, tmp_path, args, published, basis):
    page = tmp_path / "adidas.html"
    page.write_text(PAGE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(page), *args])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert (record["published"], record["published_basis"]) == (published, basis)


@pytest.mark.parametrize("model", ["en_core_web_xx_missing", "/no/such/model/dir"])
def test_unknown_base_model_is_a_usage_error(runner, model):
    result = runner.invoke(app, ["--model", model, "extract", "-"], input="Text.")
    assert result.exit_code == 2 and "--model" in result.output


# Texts and ids with characters that str.splitlines() would split on, and cells a CSV
# reader could take for something else.
AWKWARD = {
    "doc": "line\u2028sep\x85next.txt", "published": "2021-03-04", "published_basis": "given",
    "facts": [
        {"type": "org", "text": "NA", "start": 0, "end": 2, "name": "NA", "canonical": "null, \"Inc\"\u2028\n x",
         "id": "na"},
        {"type": "money", "text": "$5\u2029m", "start": 3, "end": 7, "amount": 5e6, "currency": "USD", "approx": None,
         "usd": 5e6, "usd_basis": "identity", "period": [8, 12], "subject": "null, \"Inc\"\u2028\n x", "metric": "revenue",
         "equivalent_of": None},
        {"type": "date", "text": "2020", "start": 8, "end": 12, "date_start": "2020-01-01", "date_end": "2020-12-31",
         "open_end": False, "granularity": "year"},
    ],
}


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_jsonl_with_unicode_line_separators_reads_back(tmp_path):
    path = write_jsonl(tmp_path / "facts.jsonl", [AWKWARD, LINKED])
    frame = to_frame(path)
    assert frame["doc"].unique().tolist() == [AWKWARD["doc"], "nok.txt"]
    assert frame[frame["type"] == "money"]["text"].iloc[0] == "$5\u2029m"


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_tables_read_back_as_written(tmp_path, suffix):
    from newsfacts.tables import CsvWriter, ParquetWriter, frame_records

    path = tmp_path / f"facts{suffix}"
    if suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = CsvWriter(handle)
            for record in (AWKWARD, LINKED, {"doc": "bad.txt", "error": "boom"}):
                writer.write(record)
    else:
        writer = ParquetWriter(path)
        for record in (AWKWARD, LINKED, {"doc": "bad.txt", "error": "boom"}):
            writer.write(record)
        writer.close()
    expected = to_frame([AWKWARD, LINKED, {"doc": "bad.txt", "error": "boom"}])
    read = to_frame(path)
    pd.testing.assert_frame_equal(read, expected)
    assert to_frame(frame_records(read)).equals(expected)


def test_a_table_without_newsfacts_columns_is_refused(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a newsfacts table"):
        to_frame(path)


def test_figures_one_row_per_figure():
    other = {**LINKED, "doc": "b.txt", "facts": [
        {"type": "org", "text": "Equinor", "start": 0, "end": 7, "name": "Equinor", "canonical": "Equinor", "id": "equinor"},
        {**LINKED["facts"][1], "subject": "Equinor", "metric": None},
    ]}
    table = newsfacts.figures(to_frame([LINKED, other]))
    assert list(table.columns) == ["doc", "start", "end", "type", "text", "subject", "subject_id", "metric",
                                   "period_start", "period_end", "usd", "value", "value_max", "unit", "change", "basis"]
    assert table["text"].tolist() == ["12 percent", "9.5 billion Norwegian crowns", "CHF 40 million", "12 percent"]
    first = table.iloc[0]
    assert (first["subject"], first["metric"], first["period_start"], first["change"]) == (
        "Equinor ASA", "profit", pd.Timestamp("2020-10-01"), "up")
    assert table[table["type"] == "percent"]["subject_id"].tolist() == ["equinor", "equinor"]
    assert table["usd"].sum() == pytest.approx(1.1e9 + 4.4e7)


def readme_sql() -> str:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    return re.search(r"```sql\n(.*?)```", readme, re.S).group(1)


def test_readme_duckdb_query_runs_on_the_parquet(tmp_path, monkeypatch):
    duckdb = pytest.importorskip("duckdb")
    from newsfacts.tables import ParquetWriter

    writer = ParquetWriter(tmp_path / "facts.parquet")
    for record in (AWKWARD, LINKED):
        writer.write(record)
    writer.close()
    monkeypatch.chdir(tmp_path)
    connection = duckdb.connect()
    types = dict(connection.execute("SELECT column_name, column_type FROM (DESCRIBE 'facts.parquet')").fetchall())
    assert types["period_start"] == types["date_start"] == types["published"] == "DATE"
    rows = connection.execute(readme_sql()).fetchall()
    assert rows[0][:3] == ("null, \"Inc\"\u2028\n x", "revenue", dt.date(2020, 1, 1))


def test_excel_csv_reads_back_exactly(tmp_path):
    from newsfacts.tables import CsvWriter

    formulas = {**LINKED, "doc": "=cmd|' /C calc'!A0.txt", "facts": [
        {**LINKED["facts"][0], "text": "-Equinor", "name": "+Equinor", "canonical": "@Equinor", "id": "'quoted"}]}
    path = tmp_path / "facts.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = CsvWriter(handle, excel=True)
        for record in (formulas, LINKED):
            writer.write(record)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf") and b"'=cmd" in path.read_bytes()
    pd.testing.assert_frame_equal(to_frame(path), to_frame([formulas, LINKED]))
