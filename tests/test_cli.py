"""The CLI's normal paths, run in-process: formats, stdin, --out, schema of the output."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsfacts import __version__
from newsfacts.cli import app
from newsfacts.facts import FACT_TYPES

SEED = "000_4a2af544e80af9f5.txt"
TOP_KEYS = {"doc", "published", "published_basis", "facts"}
FIELDS = {
    "money": {"amount", "currency", "approx", "usd", "usd_basis", "period", "subject", "equivalent_of"},
    "percent": {"value", "unit", "approx", "period", "subject", "change", "basis"},
    "org": {"name", "canonical", "id"},
    "event": {"name"},
    "date": {"date_start", "date_end", "open_end", "granularity"},
}
OPTIONAL = {"amount_max", "value_max", "metric", "date_start", "date_end"}  # docs/gold-spec.md: optional fields


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def check_gold_shape(result: dict, text: str) -> None:
    assert set(result) == TOP_KEYS
    for fact in result["facts"]:
        assert fact["type"] in FACT_TYPES
        assert text[fact["start"]:fact["end"]] == fact["text"]
        keys = set(fact) - {"type", "text", "start", "end"}
        assert FIELDS[fact["type"]] <= keys <= FIELDS[fact["type"]] | OPTIONAL


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.stdout


def test_help_shows_examples(runner):
    result = runner.invoke(app, ["extract", "--help"])
    assert result.exit_code == 0 and "newsfacts extract" in result.stdout


def test_one_file_prints_a_gold_shaped_object(nlp, runner, seeds_dir):
    result = runner.invoke(app, ["extract", str(seeds_dir / SEED)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    check_gold_shape(data, (seeds_dir / SEED).read_text(encoding="utf-8"))
    assert data["doc"] == SEED and data["published"] == "2023-11-13"
    assert {f["type"] for f in data["facts"]} == set(FACT_TYPES)


def test_several_files_print_jsonl_in_order(nlp, runner, seeds_dir):
    files = sorted(seeds_dir.glob("*.txt"))[:3]
    result = runner.invoke(app, ["extract", *map(str, files)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["doc"] for line in lines] == [f.name for f in files]


def test_stdin_with_published(nlp, runner):
    text = "Shares of Siemens rose 4 percent on Monday."
    result = runner.invoke(app, ["extract", "-", "--published", "2022-02-09"], input=text)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    check_gold_shape(data, text)
    assert (data["published"], data["published_basis"]) == ("2022-02-09", "given")


def test_table_format(nlp, runner):
    result = runner.invoke(app, ["extract", "-", "-f", "table"], input="Profit fell 12 percent.")
    assert result.exit_code == 0 and "12 percent" in result.stdout


def test_out_dir_writes_one_file_per_input(nlp, runner, seeds_dir, tmp_path):
    files = sorted(seeds_dir.glob("*.txt"))[:2]
    result = runner.invoke(app, ["extract", *map(str, files), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for path in files:
        data = json.loads((tmp_path / f"{path.stem}.json").read_text(encoding="utf-8"))
        check_gold_shape(data, path.read_text(encoding="utf-8"))


def test_html_format_highlights_facts(nlp, runner, seeds_dir, tmp_path):
    result = runner.invoke(app, ["extract", str(seeds_dir / SEED), "-f", "html", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / f"{SEED[:-4]}.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<mark" in page


def test_grade_json_output(nlp, runner, seeds_dir, seed_gold_dir):
    result = runner.invoke(app, ["grade", str(seeds_dir), str(seed_gold_dir), "--json", "--types", "percent"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == {"percent", "all", "links"}
    assert set(report["percent"]) == {"gold", "pred", "span_p", "span_r", "span_f1", "strict_f1", "value_acc", "value_f1"}
    assert set(report["links"]) == {"percent", "all"} and report["links"]["all"]["pairs"] > 0


def test_grade_rejects_unknown_type(runner, seeds_dir, seed_gold_dir):
    result = runner.invoke(app, ["grade", str(seeds_dir), str(seed_gold_dir), "--types", "weather"])
    assert result.exit_code == 2 and "unknown fact type" in result.stderr
