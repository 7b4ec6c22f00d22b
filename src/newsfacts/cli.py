"""The ``newsfacts`` command line: thin commands that validate arguments and call the library."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from . import __version__
from .inputs import InputError, iter_documents
from .pipeline import parse_published

app = typer.Typer(
    help="Typed, normalised facts (money, percent, org, event, date) from English news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True)


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    html = "html"


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one clear line on stderr and return the exit to raise."""
    stderr.print(f"newsfacts: error: {message}", markup=False, highlight=False)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsfacts {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Extract facts from news articles, and grade extraction against gold annotations."""


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Article files (plain text); '-' reads standard input."),
    output_format: Optional[OutputFormat] = typer.Option(
        None, "--format", "-f", help="json (default for one input), jsonl (default for several), table, or html."
    ),
    published: Optional[str] = typer.Option(
        None, "--published", help="Reference date YYYY-MM-DD for every input (default: read from each article's header)."
    ),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write <stem>.json (or .html) per input into this directory."),
) -> None:
    """Extract facts from articles and print them in the gold-file shape.

    Examples:\n
      newsfacts extract seeds/000_4a2af544e80af9f5.txt\n
      newsfacts extract seeds/*.txt --format jsonl\n
      cat article.txt | newsfacts extract - --published 2024-05-01 --format table
    """
    from .pipeline import load
    from .render import facts_html, facts_table
    from .runner import doc_result, extract_documents

    try:
        reference = parse_published(published)
    except ValueError as err:
        raise fail(f"--published: {err}") from None
    fmt = output_format or (OutputFormat.json if len(paths) == 1 else OutputFormat.jsonl)
    if fmt is OutputFormat.html and out is None:
        raise fail("--format html writes files: give --out DIR")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)

    failures = 0
    documents = []
    for item in iter_documents(paths):
        if isinstance(item, InputError):
            failures += 1
            stderr.print(f"newsfacts: skipped: {item}", markup=False, highlight=False)
            continue
        documents.append(item if reference is None else type(item)(item.id, item.text, reference))

    console = Console()
    for document, doc in extract_documents(load(), documents):
        result = doc_result(document.id, doc)
        stem = Path(document.id).stem if document.id != "-" else "stdin"
        if out is not None:
            if fmt is OutputFormat.html:
                (out / f"{stem}.html").write_text(facts_html(document.text, result), encoding="utf-8")
            else:
                (out / f"{stem}.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        elif fmt is OutputFormat.json:
            sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        elif fmt is OutputFormat.jsonl:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        else:
            console.print(facts_table(result))
    if failures:
        raise typer.Exit(1)


class System(str, Enum):
    newsfacts = "newsfacts"
    baseline = "baseline"


@app.command()
def grade(
    texts_dir: Path = typer.Argument(..., help="Directory of article texts named by each gold file's 'doc'."),
    gold_dir: Path = typer.Argument(..., help="Directory of gold files (<stem>.json, see the gold spec)."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Score prediction files <stem>.json from this directory instead of running a system."),
    system: System = typer.Option(System.newsfacts, "--system", help="What to run when --pred is not given: newsfacts, or the plain spaCy baseline."),
    types: Optional[str] = typer.Option(None, "--types", help="Comma-separated fact types to score, e.g. date,org (default: all)."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    misses: bool = typer.Option(False, "--misses", help="List every missed, spurious and wrong-value fact."),
) -> None:
    """Score extraction against gold annotations: span P/R/F1, strict F1, value accuracy and value F1 per type.

    Examples:\n
      newsfacts grade seeds seeds/gold\n
      newsfacts grade seeds seeds/gold --system baseline --types money,percent\n
      newsfacts extract seeds/*.txt --out preds/ && newsfacts grade seeds seeds/gold --pred preds/
    """
    from .facts import FACT_TYPES
    from .grade import GoldError, grade as grade_set, load_gold_set, system_predictions
    from .render import grade_table, misses_table

    wanted = None
    if types:
        wanted = [t.strip() for t in types.split(",") if t.strip()]
        unknown = [t for t in wanted if t not in FACT_TYPES]
        if unknown:
            raise fail(f"--types: unknown fact type(s) {', '.join(unknown)}; choose from {', '.join(FACT_TYPES)}")
    try:
        gold_set = load_gold_set(texts_dir, gold_dir)
        predictions = system_predictions(gold_set, system.value, pred)
    except GoldError as err:
        raise fail(str(err)) from None
    result = grade_set(gold_set, predictions, wanted)
    label = str(pred) if pred is not None else system.value
    if as_json:
        payload = dict(result["report"])
        if misses:
            payload["misses"] = result["misses"]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    console = Console() if Console().is_terminal else Console(width=120)
    if misses:
        console.print(misses_table(result["misses"]))
    console.print(grade_table(result["report"], title=f"{label} on {gold_dir} ({result['documents']} documents)"))


def main() -> None:
    """Console-script entry point."""
    app()
