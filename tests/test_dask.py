"""The Dask runner on a local cluster of two worker processes: same results as the plain
runner, no document dropped, typed columns, JSONL spread over both workers."""

from __future__ import annotations

import json

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest
from dask import distributed

from newsfacts.dask import extract_bag, facts_frame, read_jsonl, run_on_cluster
from newsfacts.runner import Document, run
from newsfacts.tables import rows_frame

RECORDS = [
    {"id": "a", "text": "Profit rose 4 percent to $3 billion in 2022.", "published": "2023-02-01"},
    {"id": "b", "text": "Tmall sales rose on Singles' Day.", "published": "2022-11-12"},
    {"id": "c", "text": "No facts at all here.", "published": None},
]
UNDATED = [
    {"id": f"u{i}", "text": f"LAGOS, 3 May 2021 -- Dangote Cement raised {i + 2} billion naira last year.", "published": None}
    for i in range(8)
]


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as connected:
            yield connected


def test_bag_matches_the_plain_runner(nlp, client):
    results = extract_bag(db.from_sequence(RECORDS, npartitions=2)).compute()
    plain = [r.record for r in run(nlp, [Document(r["id"], r["text"], r["published"]) for r in RECORDS])]
    assert results == plain


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (None, "2021-05-03"),
        (float("nan"), "2021-05-03"),
        (pd.NaT, "2021-05-03"),
        (pd.Timestamp("2022-01-05 10:00"), "2022-01-05"),
    ],
)
def test_bag_missing_dates_are_detected_from_the_text(client, published, expected):
    records = [{**UNDATED[0], "published": published}]
    (result,) = extract_bag(db.from_sequence(records, npartitions=1)).compute()
    assert "error" not in result and result["published"] == expected


def test_bag_failures_are_results_not_gaps(client):
    records = [{"id": "x", "text": "Fine text.", "published": "next week"}, {"id": "y", "body": "no text field"}]
    results = extract_bag(db.from_sequence(records, npartitions=1)).compute()
    assert [r["doc"] for r in results] == ["x", "y"] and all(r["error"] for r in results)


def test_dataframe_keeps_every_document_with_typed_columns(client, tmp_path):
    path = tmp_path / "undated.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS + UNDATED), encoding="utf-8")
    articles = dd.read_json(str(path), lines=True, blocksize=None).repartition(npartitions=3)
    facts = facts_frame(articles).compute()
    assert list(facts.dtypes.items()) == list(rows_frame([]).dtypes.items())
    assert set(facts["doc"]) == {r["id"] for r in RECORDS + UNDATED}
    assert facts.loc[facts["doc"] == "c", "type"].isna().all()  # no facts: one row, kept
    undated = facts[facts["doc"].str.startswith("u")]
    assert (undated["published"] == pd.Timestamp("2021-05-03")).all() and undated["error"].isna().all()
    assert set(facts["type"].dropna()) >= {"money", "percent", "date", "org"}


def test_jsonl_spreads_over_both_workers(client, tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in UNDATED), encoding="utf-8")
    bag = read_jsonl(str(path), blocksize=200)
    assert bag.npartitions >= 3
    with distributed.get_task_stream(client) as stream:
        results = extract_bag(bag).compute()
    assert sorted(r["doc"] for r in results) == sorted(r["id"] for r in UNDATED)
    assert len({task["worker"] for task in stream.data}) == 2


def test_run_on_cluster_by_address(nlp, client):
    documents = [Document(r["id"], r["text"], r["published"]) for r in RECORDS]
    results = list(run_on_cluster(client.scheduler.address, documents, batch_size=2))
    assert [r.document.id for r in results] == ["a", "b", "c"]
    assert results[0].record["doc"] == "a" and results[0].record["facts"]
