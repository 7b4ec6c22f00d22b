"""A batch extraction run: sources in, records out, failures reported, a summary at the end.

This is what ``newsfacts extract`` does once its arguments are checked. Input is
streamed (files are read one at a time, JSONL line by line), so memory stays bounded
on any corpus size; progress goes to stderr only when stderr is a terminal.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from itertools import count
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .inputs import InputError, iter_documents, iter_jsonl
from .messages import one_line
from .outputs import Sink
from .components.base import DEFAULT_TIME_LIMIT
from .pipeline import clean_text
from .runner import Document, Result, run


@dataclass
class BatchOptions:
    paths: list[str] = field(default_factory=list)
    jsonl: Path | None = None
    text_field: str = "text"
    id_field: str = "id"
    published_field: str = "published"
    published: str | None = None
    recursive: bool = False
    html: bool | None = None
    fmt: str = "jsonl"
    out: Path | str | None = None  # a str keeps a trailing "/" (a directory)
    jobs: int = 1
    batch_size: int = 16
    resume: bool = False
    print_text: bool = False
    excel: bool = False
    dask_address: str | None = None
    time_limit: float | None = DEFAULT_TIME_LIMIT


def cpu_count() -> int:
    """CPUs this process may use (its affinity, where the system tells)."""
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return os.cpu_count() or 1


@dataclass
class Summary:
    documents: int = 0
    failed: int = 0
    usage_errors: int = 0
    skipped: int = 0
    partial: int = 0
    facts: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def line(self) -> str:
        per_type = ", ".join(f"{count} {kind}" for kind, count in sorted(self.facts.items())) or "no facts"
        text = f"newsfacts: {self.documents} documents, {sum(self.facts.values())} facts ({per_type})"
        if self.skipped:
            text += f", {self.skipped} already done"
        if self.partial:
            text += f", {self.partial} with some fact types failed"
        return text + f", {self.failed} failed, {self.seconds:.1f} s"


def _sources(options: BatchOptions) -> Iterator[Document | InputError]:
    if options.paths:
        yield from iter_documents(options.paths, recursive=options.recursive, html=options.html)
    if options.jsonl is not None:
        yield from iter_jsonl(options.jsonl, text_field=options.text_field, id_field=options.id_field,
                              published_field=options.published_field)


class UniqueIds:
    """Makes document ids unique in a run: a later document with an id already seen gets
    ``id#2``, ``id#3``, … (the first number free), which depends on input order only, so a
    ``--resume`` of the same input gives every document the same id again."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, doc_id: str) -> str:
        unique = doc_id
        if unique in self.seen:
            unique = next(f"{doc_id}#{n}" for n in count(2) if f"{doc_id}#{n}" not in self.seen)
        self.seen.add(unique)
        return unique


def extract_batch(options: BatchOptions, console: Console) -> Summary:
    """Run one batch: every failure gets one line on ``console``; returns the tallies."""
    from .pipeline import load

    if options.jobs > cpu_count():
        console.print(f"newsfacts: note: --jobs {options.jobs} is more than the {cpu_count()} CPUs; using {cpu_count()}",
                      markup=False, highlight=False, soft_wrap=True)
        options.jobs = cpu_count()
    summary = Summary()
    started = time.perf_counter()
    sink = Sink(options.fmt, options.out, options.print_text, resume=options.resume, excel=options.excel)
    unique = UniqueIds()

    def say(message: str) -> None:
        console.print(one_line(message), markup=False, highlight=False, soft_wrap=True)

    def documents() -> Iterator[Document]:
        for item in _sources(options):
            if isinstance(item, InputError):
                summary.failed += 1
                if "no such file" in str(item) or "no files match" in str(item) or "directory has no" in str(item):
                    summary.usage_errors += 1
                say(f"newsfacts: skipped: {item}")
                continue
            cleaned = clean_text(str(item.id))  # as the record will hold it, so --resume compares alike
            doc_id = unique(cleaned)
            if doc_id != cleaned:
                say(f"newsfacts: note: duplicate id {cleaned!r}: this document is written as {doc_id!r}")
            if options.resume and sink.is_done(doc_id):
                summary.skipped += 1
                continue
            yield Document(doc_id, item.text, options.published if options.published is not None else item.published,
                           item.published_basis if options.published is None else None)

    if options.dask_address:
        from .dask import run_on_cluster

        results: Iterable[Result] = run_on_cluster(options.dask_address, documents(), batch_size=options.batch_size)
    else:
        results = run(load(), documents(), batch_size=options.batch_size, n_process=options.jobs,
                      time_limit=options.time_limit)

    progress = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                        TimeElapsedColumn(), console=console, disable=not console.is_terminal, transient=True)
    try:
        with progress:
            task = progress.add_task("extract", total=None, rate="")
            for result in results:
                if result.record is None:
                    summary.failed += 1
                    say(f"newsfacts: failed: {result.document.id}: {result.error}")
                    continue
                try:
                    sink.write(result.record, result.document.text)
                except (ValueError, UnicodeError) as err:  # not strict JSON, or a file name too long: this document only
                    summary.failed += 1
                    say(f"newsfacts: failed: {result.document.id}: cannot be written ({err})")
                    continue
                if result.partial:
                    summary.partial += 1
                    say(f"newsfacts: partly failed: {result.document.id}: {result.error} (its other facts are written)")
                summary.documents += 1
                summary.facts.update(fact["type"] for fact in result.record["facts"])
                elapsed = time.perf_counter() - started
                progress.update(task, advance=1, rate=f"{summary.documents / elapsed:.1f} docs/s" if elapsed else "")
    finally:
        getattr(results, "close", lambda: None)()  # stops worker processes now, also on Ctrl-C
        sink.close()
    summary.seconds = time.perf_counter() - started
    if summary.documents + summary.failed + summary.skipped > 1 or summary.failed or summary.partial or console.is_terminal:
        console.print(summary.line(), markup=False, highlight=False, soft_wrap=True)
    return summary
