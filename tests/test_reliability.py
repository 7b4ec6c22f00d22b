"""Reliability of a batch run through the real CLI (subprocesses): nothing one document or
field does loses other output, output is never silently lost or duplicated, and signals
stop the workers promptly."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsfacts.inputs import decode
from newsfacts.outputs import Sink, output_stem

ARTICLE = "The Oslo shipyard won orders worth 40 million kroner, 12 percent more than in 2019.\n"


def cli(*args: str, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsfacts", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=timeout)


def strict_lines(path: Path) -> list[dict]:
    """Every line as strict JSON (NaN/Infinity refused)."""
    def refuse(name: str):
        raise ValueError(f"non-finite number {name}")
    return [json.loads(line, parse_constant=refuse) for line in path.read_text(encoding="utf-8").splitlines()]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_one_bad_document_or_field_loses_nothing_else(tmp_path):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        json.dumps({"id": "ok1", "text": ARTICLE}) + "\n"
        + '{"id": "h", "text": "Sales \\ud800 rose 3 percent"}\n'
        + json.dumps({"id": "big", "text": "A fund of " + "5" * 400 + " yuan grew 2 percent."}) + "\n"
        + json.dumps({"id": "late", "text": "Tomorrow the bank pays 7 percent on $9 million.", "published": "9999-12-31"}) + "\n"
        + json.dumps({"id": "ok2", "text": ARTICLE}) + "\n",
        encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = cli("extract", "--jsonl", str(corpus), "--out", str(out))
    assert "Traceback" not in done.stderr
    records = {r["doc"]: r for r in strict_lines(out)}
    assert list(records) == ["ok1", "h", "big", "late", "ok2"]
    assert [f["value"] for f in records["h"]["facts"]] == [3]
    assert {f["type"] for f in records["late"]["facts"]} >= {"percent", "money"}
    assert done.returncode in (0, 1)
    assert (done.returncode == 1) == ("partly failed: late: newsfacts_date" in done.stderr)


@pytest.mark.parametrize("doc_id", ["[/]evil", "[bold red]x"])
def test_table_shows_markup_literally(tmp_path, doc_id):
    corpus = write_jsonl(tmp_path / "c.jsonl", [{"id": doc_id, "text": "Costs rose 4 percent."}])
    done = cli("extract", "--jsonl", str(corpus), "--format", "table")
    assert done.returncode == 0, done.stderr
    assert doc_id in done.stdout


def test_html_and_text_in_one_run(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><head><title>Shipyard</title></head><body><article><h1>Orders</h1>"
        f"<p>{ARTICLE * 3}</p></article></body></html>", encoding="utf-8")
    done = cli("extract", "good.txt", "page.html", "-f", "jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["doc"] for r in records] == ["good.txt", "page.html"]
    assert all(any(f["type"] == "percent" for f in r["facts"]) for r in records)


def test_same_names_in_a_tree_stay_apart_and_resume_sees_each(tmp_path):
    tree = tmp_path / "d"
    for name in ("a/report.txt", "b/report.txt", "report.md", "report.txt"):
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text(ARTICLE, encoding="utf-8")
    (tree / "a" / "loop").symlink_to(tree, target_is_directory=True)
    out = tmp_path / "out"
    done = cli("extract", str(tree), "--recursive", "--out", str(out))
    assert done.returncode == 0, done.stderr
    docs = sorted(json.loads(p.read_text())["doc"] for p in out.glob("*.json"))
    assert docs == ["a/report.txt", "b/report.txt", "report.md", "report.txt"]
    again = cli("extract", str(tree), "--recursive", "--out", str(out), "--resume")
    assert "4 already done" in again.stderr and "0 documents" in again.stderr


def test_jsonl_output_integrity(tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", [{"id": f"n{i}", "text": f"Fees rose {i} percent."} for i in range(3)])
    out = tmp_path / "out.jsonl"
    assert cli("extract", "--jsonl", str(corpus), "--out", str(out)).returncode == 0
    assert cli("extract", "--jsonl", str(corpus), "--out", str(out)).returncode == 0
    assert [r["doc"] for r in strict_lines(out)] == ["n0", "n1", "n2"]  # a re-run overwrites, never appends
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text(lines[0] + lines[1][: len(lines[1]) // 2], encoding="utf-8")  # a crash mid-line
    resumed = cli("extract", "--jsonl", str(corpus), "--out", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "incomplete last line" in resumed.stderr
    assert [r["doc"] for r in strict_lines(out)] == ["n0", "n1", "n2"]


@pytest.mark.parametrize("target", ["out.jsonl", "out.csv", "out.parquet", "outdir"])
def test_a_second_writer_is_refused(tmp_path, target):
    corpus = write_jsonl(tmp_path / "in.jsonl", [{"id": "x", "text": ARTICLE}])
    out = tmp_path / target
    if "." in target:
        out.write_text("")
        fd = os.open(out, os.O_RDWR)
    else:
        out.mkdir()
        fd = os.open(out, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        done = cli("extract", "--jsonl", str(corpus), "--out", str(out))
    finally:
        os.close(fd)
    assert done.returncode == 2 and "in use by another newsfacts run" in done.stderr
    assert "Traceback" not in done.stderr


def test_temporary_files_do_not_follow_symlinks(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (out / ".good.json.tmp").symlink_to(victim)
    sink = Sink("json", out)
    sink.write({"doc": "good.txt", "published": None, "published_basis": None, "facts": []}, "")
    sink.close()
    assert victim.read_text() == "precious"
    assert json.loads((out / "good.json").read_text())["doc"] == "good.txt"


@pytest.mark.parametrize("doc_id, stem", [("a/report.txt", "a_report"), ("report.md", "report"), ("-", "stdin"),
                                          ("../../etc/passwd", "_.._etc_passwd")])
def test_output_stems(doc_id, stem):
    assert output_stem(doc_id) == stem


def test_empty_jsonl_is_a_usage_error_and_utf16_without_bom_is_text(tmp_path):
    (tmp_path / "empty.jsonl").write_text("")
    done = cli("extract", "--jsonl", str(tmp_path / "empty.jsonl"))
    assert done.returncode == 2 and "nothing to read" in done.stderr
    assert decode("Bénéfice: 5 pour cent".encode("utf-16-be"), "x").text == "Bénéfice: 5 pour cent"


def test_jobs_are_capped_at_the_cpus(tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", [{"id": f"j{i}", "text": ARTICLE} for i in range(2)])
    done = cli("extract", "--jsonl", str(corpus), "--jobs", "1000", "-f", "jsonl")
    assert done.returncode == 0, done.stderr
    assert "--jobs 1000 is more than" in done.stderr
    assert len(done.stdout.splitlines()) == 2


def children(pid: int) -> set[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(p) for p in path.read_text().split()} if path.exists() else set()


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except FileNotFoundError:
        return False


def _interruptible() -> None:
    """Ctrl-C live in the child as in a terminal, even when the tests themselves run in the
    background of a non-interactive shell, which starts them with SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture
def busy_run(tmp_path):
    """A two-worker run that is still busy; yields (process, worker pids)."""
    corpus = write_jsonl(tmp_path / "in.jsonl", [{"id": f"b{i}", "text": ARTICLE * 30} for i in range(400)])
    process = subprocess.Popen([sys.executable, "-m", "newsfacts", "extract", "--jsonl", str(corpus), "--jobs", "2",
                                "--batch-size", "2", "--out", str(tmp_path / "out.jsonl")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                               preexec_fn=_interruptible)
    deadline = time.monotonic() + 120
    while len(children(process.pid)) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
    workers = children(process.pid)
    assert len(workers) >= 2, "the workers did not start"
    yield process, workers
    if process.poll() is None:
        process.kill()
    for pid in workers:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)


def wait_gone(pids: set[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    return not any(alive(pid) for pid in pids)


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_signals_stop_the_workers_with_one_line(busy_run, signum, code):
    process, workers = busy_run
    os.killpg(process.pid, signum) if signum == signal.SIGINT else process.send_signal(signum)  # Ctrl-C hits the group
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == code
    assert "Traceback" not in stderr
    assert [line for line in stderr.splitlines() if line.strip()][-1].startswith("newsfacts: interrupted")
    assert len([line for line in stderr.splitlines() if line.strip()]) <= 2
    assert wait_gone(workers, 10)


def test_workers_die_with_a_killed_parent(busy_run):
    process, workers = busy_run
    process.kill()
    process.wait(timeout=10)
    assert wait_gone(workers, 10)
