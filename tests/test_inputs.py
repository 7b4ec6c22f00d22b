"""Reading sources: encodings, binary files, HTML, directories, globs and JSONL corpora."""

from __future__ import annotations

import json

import pytest

from newsfacts.inputs import InputError, decode, expand_paths, iter_documents, iter_jsonl, read_document

TEXT = "Sales rose 5 percent to €2 billion in Zürich on Monday."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-8-sig"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),
        ("Umsatz stieg in Zürich, Köln und Düsseldorf um fünf Prozent; Gewinne fielen später.".encode("latin-1"), None),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "latin1"],
)
def test_decodes_common_encodings(data, encoding):
    decoded = decode(data, "x.txt")
    assert "Zürich" in decoded.text and not decoded.text.startswith("\ufeff")
    if encoding:
        assert decoded.encoding == encoding


def test_binary_is_refused():
    with pytest.raises(InputError, match="x.bin: binary file"):
        decode(b"PK\x03\x04\x00\x00binary", "x.bin")


def test_empty_file_is_refused(tmp_path):
    (tmp_path / "e.txt").write_text("   \n")
    with pytest.raises(InputError, match="empty file"):
        read_document(tmp_path / "e.txt")


def test_html_is_reduced_to_the_article_text(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><body><nav>Menu</nav><article><p>Profit rose 3 percent to $4 billion in the "
                    "second quarter, the company said on Tuesday in a statement.</p></article></body></html>")
    document = read_document(page)
    assert "Profit rose 3 percent" in document.text and "<p>" not in document.text


def test_html_without_article_text(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><body></body></html>")
    with pytest.raises(InputError, match="no article text"):
        read_document(page)


def test_directories_globs_and_missing_paths(tmp_path):
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B")
    flat = list(expand_paths([str(tmp_path)]))
    deep = list(expand_paths([str(tmp_path)], recursive=True))
    assert [p.name for p in flat] == ["a.txt"]
    assert sorted(p.name for p in deep) == ["a.txt", "b.txt"]
    assert [p.name for p in expand_paths([str(tmp_path / "*.txt")])] == ["a.txt"]
    missing = list(expand_paths([str(tmp_path / "nope.txt")]))
    assert isinstance(missing[0], InputError) and "no such file" in str(missing[0])


def test_bad_file_in_a_batch_is_reported_in_place(tmp_path):
    (tmp_path / "a.txt").write_text("Alpha")
    (tmp_path / "b.txt").write_bytes(b"\x00\x00")
    (tmp_path / "c.txt").write_text("Gamma")
    items = list(iter_documents([str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")]))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]


def test_jsonl_corpus(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join([
        json.dumps({"id": "x1", "body": "One", "date": "2020-01-02"}),
        "{broken",
        json.dumps({"id": "x3", "other": "no text"}),
        json.dumps({"body": "Four"}),
    ]) + "\n")
    items = list(iter_jsonl(corpus, text_field="body", published_field="date"))
    assert items[0].id == "x1" and items[0].published == "2020-01-02"
    assert isinstance(items[1], InputError) and "c.jsonl:2" in str(items[1])
    assert isinstance(items[2], InputError) and "no string field 'body'" in str(items[2])
    assert items[3].id == "4"
