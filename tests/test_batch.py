"""Batch runs: ordering, JSONL in and out, --resume, failing documents, chunking of long texts."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.runner import Document, run, split_text

ARTICLE = "Shares of Nordwind Logistics GmbH rose 4 percent to €12 million on March 3, 2021.\n\n"


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def write_corpus(path, n):
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            handle.write(json.dumps({"id": f"doc{i}", "text": f"Item {i}: profit rose {i} percent in 2019."}) + "\n")


def test_jsonl_in_and_out_keeps_input_order(nlp, runner, tmp_path):
    corpus, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_corpus(corpus, 12)
    result = runner.invoke(app, ["extract", "--jsonl", str(corpus), "--out", str(out), "--batch-size", "5"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["doc"] for line in lines] == [f"doc{i}" for i in range(12)]
    assert lines[3]["facts"][0]["value"] == 3


def test_resume_skips_documents_already_written(nlp, runner, tmp_path):
    corpus, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_corpus(corpus, 4)
    out.write_text(json.dumps({"doc": "doc0", "published": None, "published_basis": None, "facts": []}) + "\n")
    result = runner.invoke(app, ["extract", "--jsonl", str(corpus), "--out", str(out), "--resume"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["doc"] for line in out.read_text().splitlines()] == ["doc0", "doc1", "doc2", "doc3"]
    assert "1 already done" in result.stderr


def test_a_failing_fact_type_is_reported_and_the_rest_survive(nlp, monkeypatch):
    component = nlp.get_pipe("newsfacts_percent")
    original = type(component).process

    def explode_on_marker(self, doc):
        if "EXPLODE" in doc.text:
            raise RuntimeError("synthetic failure")
        return original(self, doc)

    monkeypatch.setattr(type(component), "process", explode_on_marker)
    documents = [Document("a", "Up 3 percent."), Document("b", "EXPLODE 4 percent."), Document("c", "Down 5 percent.")]
    results = list(run(nlp, documents, batch_size=3))
    assert [r.document.id for r in results] == ["a", "b", "c"]
    assert results[1].partial and "newsfacts_percent: RuntimeError: synthetic failure" in results[1].error
    assert results[1].record["facts"] == []  # only the failing fact type is lost; nothing else here
    assert [f["value"] for f in results[2].record["facts"]] == [5]


def test_split_text_cuts_at_paragraphs_and_keeps_every_character():
    text = "".join(f"Paragraph {i} is here.\n\n" for i in range(50))
    pieces = split_text(text, 100)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 100 for _, piece in pieces)
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in pieces)


def test_long_document_is_chunked_with_offsets_on_the_original(nlp):
    text = "LONDON, 5 March 2019 (Reuters) -- Markets moved.\n\n" + ARTICLE * 40
    results = list(run(nlp, [Document("long", text)], long_document_chars=1000, chunk_chars=500))
    record = results[0].record
    assert record["published"] == "2019-03-05" and record["published_basis"] == "dateline"
    percents = [f for f in record["facts"] if f["type"] == "percent"]
    assert len(percents) == 40
    assert all(text[f["start"]:f["end"]] == f["text"] for f in record["facts"])


def test_two_jobs_give_the_same_output(nlp, runner, tmp_path):
    corpus = tmp_path / "in.jsonl"
    write_corpus(corpus, 6)
    one = runner.invoke(app, ["extract", "--jsonl", str(corpus), "--jobs", "1", "-f", "jsonl"])
    two = runner.invoke(app, ["extract", "--jsonl", str(corpus), "--jobs", "2", "-f", "jsonl", "--batch-size", "3"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout


def test_directory_input_and_out_dir(nlp, runner, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("x.txt", "y.txt"):
        (src / name).write_text(ARTICLE)
    (src / "z.txt").write_bytes(b"\x00\x00\x00")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(src), "--out", str(out)])
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["x.json", "y.json"]
    assert "z.txt: binary file" in result.stderr
