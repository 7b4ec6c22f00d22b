"""Hostile text through the runner and the Python API: bounded time, no exception out, valid
JSON, and every fact type that did not fail kept. Sizes are small (about 20 KB) and the time
bounds generous; ``bench/hostile.py`` measures 200 KB."""

from __future__ import annotations

import json
import time
import warnings

import pytest

import newsfacts
from newsfacts.extensions import document_text
from newsfacts.pipeline import MAX_RUN_CHARS, clean_text, tokenize
from newsfacts.runner import Document, run

GENEROUS_SECONDS = 30  # each case takes well under a second; a regression took minutes


def only(nlp, text: str, published: str | None = "2024-02-01", **options):
    started = time.perf_counter()
    [result] = list(run(nlp, [Document("h", text, published)], **options))
    return result, time.perf_counter() - started


@pytest.mark.parametrize(
    "text, junk_end",
    [
        pytest.param("9" * 20_000 + "z", 20_001, id="digits then a letter"),
        pytest.param(",".join(["456"] * 5_000) + " pesos", 19_999, id="comma-joined numbers then a currency"),
        pytest.param("3" * 20_000, 20_000, id="one long digit run"),
        pytest.param("‰" * 20_000, 20_000, id="per-mille signs"),
        pytest.param("%" * 20_000, 20_000, id="percent signs"),
        pytest.param("2" * 5_000 + " months ago the index fell", 5_000, id="huge number before a relative date"),
    ],
)
def test_runs_without_spaces_cost_little_and_give_no_fact(nlp, text, junk_end):
    result, seconds = only(nlp, text)
    assert seconds < GENEROUS_SECONDS
    assert result.error is None and result.record is not None
    assert all(fact["start"] >= junk_end for fact in result.record["facts"])
    json.dumps(result.record, allow_nan=False)


UUIDS = " ".join(["0f8c2b1e-7d3a-4e9b-a1c4-5b6d7e8f9a0b", "9A7B3C2D-1E4F-4A5B-8C6D-7E8F9A0B1C2D"] * 4)
SHA1S = " ".join(["3b5d5c3712955042212316173ccf37be80000000", "2FD4E1C67A2D28FCED849EE1BB76E7391B93EB12"] * 4)
ARTICLE = "Harbourline Shipping Ltd. agreed to buy Kestrel Freight Inc. for 40 million euros, up 3 percent.\n"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(("1" + "a" * 16 + " ") * 7, id="words of a digit then letters"),
        pytest.param(("2b" * 9 + " ") * 9, id="words alternating digits and letters"),
        pytest.param(ARTICLE + UUIDS + "\n", id="an article then a line of UUIDs"),
        pytest.param(ARTICLE + SHA1S + "\n", id="an article then a line of SHA-1 hashes"),
        pytest.param("Abc, " * 4_000, id="a run of comma-separated capitalised words (once quadratic in the list rule)"),
    ],
)
def test_words_mixing_digits_and_letters_do_not_stall_the_org_patterns(nlp, text):
    """The name-shape patterns once backtracked exponentially on such words (minutes for a
    line of hashes); the budget here is far above what linear patterns need."""
    result, _ = only(nlp, text, time_limit=15)
    assert result.error is None and result.record is not None
    orgs = [f["text"] for f in result.record["facts"] if f["type"] == "org"]
    assert orgs == (["Harbourline Shipping Ltd.", "Kestrel Freight Inc."] if text.startswith(ARTICLE) else [])


def test_long_runs_are_tokenised_in_pieces_with_the_text_intact(nlp):
    text = "Rates: " + "%" * 3_000 + " and " + "x" * 250 + "."
    doc = tokenize(nlp, text)
    assert doc.text == text
    assert max(len(token.text) for token in doc) <= MAX_RUN_CHARS


@pytest.mark.parametrize("text", ["Rates: " + "%" * 3_000 + " and " + "x" * 250 + ".", "Sales \ud800 rose\n\n 4%  ", "", "\u2028x\t\ty"])
def test_the_text_the_components_read_is_the_docs_own(nlp, text):
    """``make_doc`` keeps the cleaned text for the components instead of re-joining tokens."""
    doc = newsfacts.make_doc(nlp, text)
    assert document_text(doc) == doc.text == clean_text(text)


def test_a_huge_number_before_a_currency_is_not_infinity(nlp):
    result, _ = only(nlp, "Reserves of " + "8" * 400 + " rupees were reported, up 6 percent.")
    assert result.record is not None
    assert [f["value"] for f in result.record["facts"] if f["type"] == "percent"] == [6]
    json.dumps(result.record, allow_nan=False)  # raises on Infinity/NaN


def overflow(self, doc):
    raise OverflowError("date value out of range")  # what a date past 9999 did


def test_a_date_overflow_loses_only_the_dates(nlp, monkeypatch):
    monkeypatch.setattr(type(nlp.get_pipe("newsfacts_date")), "process", overflow)
    text = "Tomorrow the miner will pay 3 million Swiss francs, 2 percent more than planned."
    result, _ = only(nlp, text, published="9999-12-31")
    assert result.partial and "newsfacts_date" in result.error
    kinds = {fact["type"] for fact in result.record["facts"]}
    assert {"money", "percent"} <= kinds and "date" not in kinds


def test_lone_surrogates_are_replaced_and_offsets_kept(nlp):
    text = "Exports \ud800 climbed 9 percent."
    [result] = list(run(nlp, [Document("id-\udc00", text)]))
    assert result.document.id == "id-\ufffd" and result.document.text == "Exports \ufffd climbed 9 percent."
    [fact] = [f for f in result.record["facts"] if f["type"] == "percent"]
    assert result.document.text[fact["start"]:fact["end"]] == "9 percent"
    json.dumps(result.record, ensure_ascii=False).encode("utf-8")


def test_api_survives_a_surrogate_and_warns_on_a_failing_fact_type(nlp, monkeypatch):
    assert [f.type for f in newsfacts.extract("\ud800")] == []
    monkeypatch.setattr(type(nlp.get_pipe("newsfacts_date")), "process", overflow)
    with pytest.warns(newsfacts.ExtractionWarning, match="newsfacts_date"):
        facts = newsfacts.extract("Tomorrow the insurer adds 4 percent.", published="9999-12-31")
    assert [f.type for f in facts] == ["percent"]


def test_api_chunks_texts_longer_than_spacys_limit(nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 12_000)  # spaCy raises E088 above it
    paragraph = "Output at the Lisbon refinery fell 3 percent in the spring, the operator said.\n\n"
    text = paragraph * (25_000 // len(paragraph))
    facts = newsfacts.extract(text, published="2022-09-01")
    percents = [f for f in facts if f.type == "percent"]
    assert len(percents) == text.count("3 percent")
    assert all(text[f.start:f.end] == f.text for f in facts)
    assert [f.start for f in facts] == sorted(f.start for f in facts)


def test_api_extract_many_chunks_too(nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 12_000)
    long = "Tariffs rose 2 percent.\n\n" * 1_000
    counts = [len(facts) for facts in newsfacts.extract_many(["Prices fell 1 percent.", (long, "2020-01-01")])]
    assert counts == [1, 1_000]


def test_the_time_budget_stops_a_slow_component_and_keeps_the_rest(nlp, monkeypatch):
    component = nlp.get_pipe("newsfacts_event")

    def stall(self, doc):
        time.sleep(20)
        return doc

    monkeypatch.setattr(type(component), "process", stall)
    result, seconds = only(nlp, "Turnover grew 8 percent to 5 million dollars.", time_limit=0.5)
    assert seconds < 10
    assert result.partial and "newsfacts_event: stopped: time limit" in result.error
    assert {f["type"] for f in result.record["facts"]} >= {"percent", "money"}


def test_warning_free_on_ordinary_text():
    with warnings.catch_warnings():
        warnings.simplefilter("error", newsfacts.ExtractionWarning)
        assert newsfacts.extract("Margins widened 1.5 percent.", published="2021-04-04")
