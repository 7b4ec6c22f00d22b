"""The assembled pipeline: components, the Python API, serialisation and multiprocessing."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import DocBin

import newsfacts
from newsfacts.facts import FACT_TYPES

OUR_COMPONENTS = [
    "newsfacts_dateline", "newsfacts_money", "newsfacts_percent", "newsfacts_event", "newsfacts_date", "newsfacts_org",
    "newsfacts_links",
]

ARTICLE = (
    "FRANKFURT, March 3, 2021 (Reuters) -- Siemens AG said on Tuesday its revenue rose 7 percent to "
    "€15.2 billion in the fourth quarter of 2020, ahead of the Hannover Messe trade fair."
)


def test_pipeline_has_base_and_newsfacts_components(nlp):
    assert nlp.pipe_names[:6] == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    assert nlp.pipe_names[6:] == OUR_COMPONENTS


def test_load_is_cached():
    assert newsfacts.load() is newsfacts.load()


def test_extract_returns_typed_facts_in_text_order(nlp):
    facts = newsfacts.extract(ARTICLE, published="2021-03-03")
    assert facts, "expected facts"
    assert [f.start for f in facts] == sorted(f.start for f in facts)
    assert all(f.type in FACT_TYPES and ARTICLE[f.start:f.end] == f.text for f in facts)


@pytest.mark.parametrize("published", ["2021-03-03", dt.date(2021, 3, 3), dt.datetime(2021, 3, 3, 18, 30)])
def test_published_accepts_date_datetime_and_iso(nlp, published):
    record = newsfacts.extract_record(ARTICLE, published=published)
    assert (record["published"], record["published_basis"]) == ("2021-03-03", "given")


def test_bad_published_is_a_value_error(nlp):
    with pytest.raises(ValueError, match="ISO date"):
        newsfacts.extract(ARTICLE, published="3rd of March")


def test_reference_date_is_read_from_the_seed_header(nlp, seeds_dir):
    text = (seeds_dir / "004_74b6b4b1e67635fb.txt").read_text(encoding="utf-8")
    record = newsfacts.extract_record(text)
    assert (record["published"], record["published_basis"]) == ("2020-06-10", "dateline")


def test_no_reference_date_leaves_published_null(nlp):
    record = newsfacts.extract_record("Shares of the company rose sharply on Tuesday.")
    assert record["published"] is None and record["published_basis"] is None


def test_extract_many_streams_in_order(nlp):
    texts = [("Profit rose 3 percent in 2019.", "2020-01-05"), "No facts here.", ("Sales hit $5 million.", None)]
    results = list(newsfacts.extract_many(texts))
    assert len(results) == 3
    assert results[1] == []


def test_facts_are_also_spans(nlp):
    doc = nlp(newsfacts.make_doc(nlp, ARTICLE, "2021-03-03"))
    labels = {span.label_ for span in doc.spans["newsfacts"]}
    assert labels == {f.type for f in doc._.facts}


def test_docbin_round_trip_keeps_facts(nlp):
    doc = nlp(newsfacts.make_doc(nlp, ARTICLE, "2021-03-03"))
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    restored = list(DocBin().from_bytes(data).get_docs(nlp.vocab))[0]
    assert restored._.facts == doc._.facts
    assert restored._.published == "2021-03-03"


def test_two_processes_give_the_same_facts(nlp):
    docs = [newsfacts.make_doc(nlp, ARTICLE, "2021-03-03") for _ in range(4)]
    single = [d._.facts for d in nlp.pipe([newsfacts.make_doc(nlp, ARTICLE, "2021-03-03") for _ in range(4)])]
    multi = [d._.facts for d in nlp.pipe(docs, n_process=2, batch_size=2)]
    assert multi == single


def test_saved_pipeline_loads_with_spacy_load(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names == nlp.pipe_names
    original = nlp(newsfacts.make_doc(nlp, ARTICLE, "2021-03-03"))._.facts
    again = reloaded(newsfacts.make_doc(reloaded, ARTICLE, "2021-03-03"))._.facts
    assert again == original


def test_saved_pipeline_loads_without_importing_newsfacts(nlp, tmp_path):
    """The spacy_factories entry points let spacy.load find the components by themselves."""
    import subprocess
    import sys

    nlp.to_disk(tmp_path / "pipeline")
    script = (
        "import sys, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'pipeline')!r})\n"
        "doc = nlp('Revenue rose 5 percent.')\n"
        "print(nlp.pipe_names[-1], [f.type for f in doc._.facts])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split()[0] == "newsfacts_links"
    assert "'percent'" in done.stdout


@pytest.mark.parametrize("text, tokens", [
    ("a better-than-expected 5% gain", ["a", "better-than-expected", "5", "%", "gain"]),
    ("a more-than-doubled profit", ["a", "more-than-doubled", "profit"]),
    # other hyphenated words keep the English infixes
    ("a 10-year high and a year-on-year rise", ["a", "10", "-", "year", "high", "and", "a", "year", "-", "on", "-", "year", "rise"]),
])
def test_the_tokenizer_keeps_comparative_compounds_whole(nlp, text, tokens):
    assert [t.text for t in nlp.make_doc(text)] == tokens
