"""The Dask runner on a local cluster: same results as the plain runner."""

from __future__ import annotations

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest
from dask import distributed

from newsfacts.dask import extract_bag, facts_frame, run_on_cluster
from newsfacts.runner import Document, run

RECORDS = [
    {"id": "a", "text": "Profit rose 4 percent to $3 billion in 2022.", "published": "2023-02-01"},
    {"id": "b", "text": "Tmall sales rose on Singles' Day.", "published": "2022-11-12"},
    {"id": "c", "text": "No facts at all here.", "published": None},
]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as local:
        yield local


def test_bag_matches_the_plain_runner(nlp, cluster):
    with distributed.Client(cluster):
        results = extract_bag(db.from_sequence(RECORDS, npartitions=2)).compute()
    plain = [r.record for r in run(nlp, [Document(r["id"], r["text"], r["published"]) for r in RECORDS])]
    assert results == plain


def test_dataframe_gives_one_row_per_fact(nlp, cluster):
    frame = dd.from_pandas(pd.DataFrame(RECORDS), npartitions=2)
    with distributed.Client(cluster):
        facts = facts_frame(frame).compute()
    assert list(facts.columns) == ["doc", "published", "type", "text", "start", "end", "value"]
    assert set(facts["doc"]) == {"a", "b"}
    assert set(facts["type"]) >= {"money", "percent", "date", "event"}


def test_run_on_cluster_by_address(nlp, cluster):
    documents = [Document(r["id"], r["text"], r["published"]) for r in RECORDS]
    results = list(run_on_cluster(cluster.scheduler_address, documents, batch_size=2))
    assert [r.document.id for r in results] == ["a", "b", "c"]
    assert results[0].record["doc"] == "a" and results[0].record["facts"]
