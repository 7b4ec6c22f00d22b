"""Run newsfacts on a Dask cluster when one machine is not enough.

Partitions are processed where they live; each worker process builds the pipeline
once (``newsfacts.load`` is cached per process) and streams its partition through
the same runner the CLI uses. Requires the ``dask`` extra:
``pip install 'newsfacts[dask]'``.

    import dask.bag as db
    from newsfacts.dask import extract_bag
    records = db.read_text("s3://bucket/news-*.jsonl").map(json.loads)
    results = extract_bag(records).compute()
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from .runner import Document, Result, run

FACT_COLUMNS = ["doc", "published", "type", "text", "start", "end", "value"]


def extract_partition(records: Iterable[dict[str, Any]], text_field: str = "text", id_field: str = "id",
                      published_field: str = "published") -> list[dict[str, Any]]:
    """Gold-shaped results for one partition of ``{"id", "text", "published"}`` records.

    A failed document yields ``{"doc": id, "error": reason}`` instead of facts.
    """
    from . import load

    documents = [Document(str(r.get(id_field, i)), r[text_field], r.get(published_field)) for i, r in enumerate(records)]
    return [result.record if result.record is not None else {"doc": result.document.id, "error": result.error}
            for result in run(load(), documents)]


def extract_bag(bag, **fields: str):
    """A Dask bag of records → a bag of gold-shaped results (same partitioning)."""
    return bag.map_partitions(extract_partition, **fields)


def _fact_rows(frame, text_column: str, id_column: str, published_column: str | None):
    import pandas as pd

    records = [{"id": row[id_column], "text": row[text_column],
                "published": row[published_column] if published_column else None}
               for row in frame.to_dict("records")]
    rows = []
    for result in extract_partition(records):
        for fact in result.get("facts", []):
            values = {k: v for k, v in fact.items() if k not in ("type", "text", "start", "end")}
            rows.append({"doc": result["doc"], "published": result.get("published"), "type": fact["type"],
                         "text": fact["text"], "start": fact["start"], "end": fact["end"], "value": values})
    return pd.DataFrame(rows, columns=FACT_COLUMNS)


def facts_frame(frame, text_column: str = "text", id_column: str = "id", published_column: str | None = "published"):
    """A Dask dataframe of articles → a Dask dataframe with one row per fact."""
    import pandas as pd

    meta = pd.DataFrame({c: pd.Series(dtype="object") for c in FACT_COLUMNS}).astype({"start": "int64", "end": "int64"})
    return frame.map_partitions(_fact_rows, text_column, id_column, published_column, meta=meta)


def run_on_cluster(address: str, documents: Iterable[Document], batch_size: int = 64) -> Iterator[Result]:
    """Results for documents processed on the cluster at ``address``, in input order."""
    import dask.bag as db
    from dask.distributed import Client

    items = list(documents)
    if not items:
        return
    by_id = {i: d for i, d in enumerate(items)}
    records = [{"id": str(i), "text": d.text, "published": d.published} for i, d in by_id.items()]
    with Client(address) as client:
        bag = db.from_sequence(records, partition_size=batch_size)
        outputs = client.compute(extract_bag(bag)).result()
    for i, output in enumerate(outputs):
        document = by_id[i]
        if "error" in output:
            yield Result(document, error=output["error"])
        else:
            yield Result(document, record={**output, "doc": document.id})
