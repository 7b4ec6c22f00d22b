"""Run newsfacts on a Dask cluster when one machine is not enough.

Partitions are processed where they live; each worker process builds the pipeline
once (``newsfacts.load`` is cached per process) and streams its partition through
the same runner the CLI uses. Requires the ``dask`` extra:
``pip install 'newsfacts[dask]'``.

    from newsfacts.dask import extract_bag, read_jsonl
    results = extract_bag(read_jsonl("s3://bucket/news-*.jsonl")).compute()
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from .runner import Document, Result, run
from .tables import is_missing, iso_date, rows_frame, to_frame


def _published(value: Any) -> Any:
    """A record's reference date: None when missing (None, "", NaN, NaT), which means
    "detect it from the text"; dates and timestamps as ISO; anything else as is, so that
    a bad value fails that document with a reason instead of vanishing."""
    if isinstance(value, str):
        return value.strip() or None
    if is_missing(value):
        return None
    return iso_date(value) or value


def extract_partition(records: Iterable[dict[str, Any]], text_field: str = "text", id_field: str = "id",
                      published_field: str = "published") -> list[dict[str, Any]]:
    """Gold-shaped results for one partition of ``{"id", "text", "published"}`` records.

    Every record gives exactly one result: a failed document (no text, a bad date, a
    component failure) yields ``{"doc": id, "error": reason}`` instead of facts.
    """
    from . import load

    documents, results = [], {}
    for i, record in enumerate(records):
        doc_id = str(record.get(id_field, i))
        text = record.get(text_field)
        if isinstance(text, str):
            documents.append((i, Document(doc_id, text, _published(record.get(published_field)))))
        else:
            results[i] = {"doc": doc_id, "error": f"no string field {text_field!r}"}
    for (i, _), result in zip(documents, run(load(), [document for _, document in documents])):
        results[i] = result.record if result.record is not None else {"doc": result.document.id, "error": result.error}
    return [results[i] for i in sorted(results)]


def extract_bag(bag, **fields: str):
    """A Dask bag of records → a bag of gold-shaped results (same partitioning)."""
    return bag.map_partitions(extract_partition, **fields)


def read_jsonl(urlpath: str | list[str], blocksize: str | int | None = "8MiB"):
    """A bag of records from JSONL file(s), cut into ``blocksize`` pieces so that even one
    large file spreads over every worker (Dask's default is one partition per file)."""
    import dask.bag as db

    return db.read_text(urlpath, blocksize=blocksize).filter(str.strip).map(json.loads)


def _fact_rows(frame, text_column: str, id_column: str, published_column: str | None):
    records = [{"id": row[id_column], "text": row[text_column],
                "published": row[published_column] if published_column else None}
               for row in frame.to_dict("records")]
    return to_frame(extract_partition(records), keep_empty=True)


def facts_frame(frame, text_column: str = "text", id_column: str = "id", published_column: str | None = "published"):
    """A Dask dataframe of articles → a Dask dataframe with one row per fact, with the
    typed columns of ``newsfacts.to_frame``. No article is dropped: one without facts
    gives a row with a null ``type``; one that failed, a row with its ``error``."""
    return frame.map_partitions(_fact_rows, text_column, id_column, published_column, meta=rows_frame([]))


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
