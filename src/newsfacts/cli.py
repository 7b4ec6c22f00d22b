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


def main() -> None:
    """Console-script entry point."""
    app()
