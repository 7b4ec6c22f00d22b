"""Issue 22, inputs and outputs, through the real CLI (subprocesses): no output is lost
before there is something to write, ids stay unique, --resume never skips or keeps a
document it should not, output paths mean what they say, CSV can be made safe for
spreadsheets, and every message is one line."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from newsfacts.messages import one_line
from newsfacts.tables import CsvWriter, unexcel

ARTICLE = "The Lagos refinery raised its output 9 percent to 120,000 barrels, worth 85 million naira, in 2022.\n"
OTHER = "Shares of the Perth miner fell 3.5 percent after it booked a A$40 million charge.\n"


def cli(*args: str, cwd: Path | None = None, umask: int | None = None, env: dict | None = None,
        timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsfacts", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=timeout, env={**os.environ, **(env or {})},
                          preexec_fn=(lambda: os.umask(umask)) if umask is not None else None)


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def messages(done: subprocess.CompletedProcess) -> list[str]:
    """stderr lines: no traceback, each one a newsfacts message."""
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert "Traceback" not in done.stderr
    assert all(line.startswith("newsfacts:") for line in lines), lines
    return lines


# 2. Nothing is emptied or replaced until there is a document to write.
@pytest.mark.parametrize("name, content", [("keep.jsonl", b'{"doc": "old", "facts": []}\n'),
                                           ("keep.csv", b"doc,type\nold,money\n"),
                                           ("keep.parquet", b"PAR1 not really\n")])
def test_a_typo_in_the_input_keeps_the_output(tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    done = cli("extract", "nonexistent.txt", "--out", name, cwd=tmp_path)
    assert done.returncode == 2 and "nonexistent.txt: no such file" in done.stderr
    assert (tmp_path / name).read_bytes() == content


def test_an_unreachable_cluster_keeps_the_output(tmp_path):
    pytest.importorskip("distributed")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "keep.jsonl").write_text('{"doc": "old", "facts": []}\n', encoding="utf-8")
    done = cli("extract", "a.txt", "--out", "keep.jsonl", "--dask", "tcp://127.0.0.1:9", cwd=tmp_path,
               env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert done.returncode != 0
    messages(done)
    assert (tmp_path / "keep.jsonl").read_text(encoding="utf-8") == '{"doc": "old", "facts": []}\n'


# 3, 4, 17. Unique ids with a stable suffix; cleaned ids compared on --resume; files follow the umask.
def test_duplicate_and_unpaired_surrogate_ids_resume_cleanly(tmp_path):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        json.dumps({"id": "wire-7", "text": ARTICLE}) + "\n"
        + json.dumps({"id": "wire-7", "text": OTHER}) + "\n"
        + json.dumps({"text": OTHER}) + "\n"  # line 3: its id becomes "3" ...
        + json.dumps({"id": "3", "text": ARTICLE}) + "\n"  # ... as this one's
        + '{"id": "kiosk\\udc80", "text": "Rents rose 2 percent."}\n',
        encoding="utf-8")
    out = tmp_path / "out"
    first = cli("extract", "--jsonl", str(corpus), "--out", str(out), umask=0o027)
    assert first.returncode == 0, first.stderr
    notes = [line for line in messages(first) if "duplicate id" in line]
    assert len(notes) == 2 and "'wire-7#2'" in notes[0] and "'3#2'" in notes[1]
    docs = {json.loads(path.read_text(encoding="utf-8"))["doc"]: path for path in out.glob("*.json")}
    assert sorted(docs) == ["3", "3#2", "kiosk\ufffd", "wire-7", "wire-7#2"]
    assert "3.5 percent" in [fact["text"] for fact in json.loads(docs["wire-7#2"].read_text(encoding="utf-8"))["facts"]]
    assert {stat.S_IMODE(path.stat().st_mode) for path in docs.values()} == {0o640}
    again = cli("extract", "--jsonl", str(corpus), "--out", str(out), "--resume")
    assert "5 already done" in again.stderr and "0 documents" in again.stderr


# 5. A CSV document torn by a crash is not done: its rows are dropped and it is done again.
def test_csv_resume_redoes_a_torn_document(tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", [{"id": "p", "text": OTHER}, {"id": "q", "text": ARTICLE}])
    out = tmp_path / "out.csv"
    assert cli("extract", "--jsonl", str(corpus), "--out", str(out)).returncode == 0
    whole = out.read_bytes()
    lines = whole.splitlines(keepends=True)
    last = [i for i, line in enumerate(lines) if line.startswith(b"q,")]
    assert len(last) >= 2, "the test needs a document with several rows"
    out.write_bytes(b"".join(lines[: last[0] + 1]) + lines[last[1]][:10])  # one whole row of q, then a torn one
    resumed = cli("extract", "--jsonl", str(corpus), "--out", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "1 already done" in resumed.stderr and "1 documents" in resumed.stderr
    assert out.read_bytes() == whole


def test_csv_resume_refuses_a_foreign_csv(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "prices.csv").write_text("ticker,close\nXYZ,10.5\n", encoding="utf-8")
    done = cli("extract", "a.txt", "--out", "prices.csv", "--resume", cwd=tmp_path)
    assert done.returncode == 2 and "not a newsfacts CSV file" in done.stderr
    assert (tmp_path / "prices.csv").read_text(encoding="utf-8") == "ticker,close\nXYZ,10.5\n"


# 6, 17. Pages whose names collide are told apart by document id on --resume; pages follow the umask.
def test_html_resume_by_document_id(tmp_path):
    (tmp_path / "brief.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "brief.md").write_text(OTHER, encoding="utf-8")
    first = cli("extract", "brief.txt", "-f", "html", "--out", "pages", cwd=tmp_path, umask=0o002)
    assert first.returncode == 0, first.stderr
    assert stat.S_IMODE((tmp_path / "pages" / "brief.html").stat().st_mode) == 0o664
    again = cli("extract", "brief.txt", "brief.md", "-f", "html", "--out", "pages", "--resume", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "1 already done" in again.stderr and "1 documents" in again.stderr
    pages = sorted(path.name for path in (tmp_path / "pages").glob("*.html"))
    assert len(pages) == 2
    assert any("Perth" in (tmp_path / "pages" / page).read_text(encoding="utf-8") for page in pages)


# 7. A file name longer than the file system allows fails that document alone.
def test_a_too_long_file_name_fails_one_document(tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", [{"id": "z" * 300 + ".txt", "text": ARTICLE}, {"id": "short", "text": OTHER}])
    done = cli("extract", "--jsonl", str(corpus), "--out", str(tmp_path / "out"))
    assert done.returncode == 1
    failed = [line for line in messages(done) if "failed:" in line]
    assert len(failed) == 1 and "file name" in failed[0]
    assert [path.name for path in (tmp_path / "out").glob("*.json")] == ["short.json"]


# 9. What --out means follows from the path; an extension newsfacts does not write is a usage error.
@pytest.mark.parametrize("args, message", [
    (["--out", "facts.xlsx"], "newsfacts writes .jsonl, .json, .csv or .parquet"),
    (["--out", "run.v2"], "end the path with /"),
    (["-f", "json", "--out", "facts.JSONL"], "is a .jsonl file"),
    (["-f", "html", "--out", "page.html"], "or a directory (end the path with /)"),
    (["--out", "facts.jsonl", "--excel"], "--excel is for CSV output"),
    (["--out", "arr.json", "--resume"], "--resume cannot append"),
])
def test_output_paths_that_are_usage_errors(tmp_path, args, message):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    done = cli("extract", "a.txt", *args, cwd=tmp_path)
    assert done.returncode == 2 and message in done.stderr
    assert len(messages(done)) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.parametrize("args, written", [
    (["--out", "FACTS.CSV"], "FACTS.CSV"),
    (["--out", "Facts.JSONL"], "Facts.JSONL"),
    (["-f", "json", "--out", "arr.json"], "arr.json"),
    (["--out", "run.v2/"], "run.v2/a.json"),
])
def test_output_paths_by_extension_in_any_case(tmp_path, args, written):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    done = cli("extract", "a.txt", *args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    content = (tmp_path / written).read_text(encoding="utf-8")
    if written.lower().endswith(".csv"):
        assert content.startswith("doc,")
    elif written.endswith(".JSONL"):
        assert json.loads(content.splitlines()[0])["doc"] == "a.txt"
    elif written == "arr.json":
        assert [record["doc"] for record in json.loads(content)] == ["a.txt"]
    else:
        assert json.loads(content)["doc"] == "a.txt"


# 13. --resume reads regular files only from --out DIR.
def test_resume_ignores_fifos_and_symlinks_to_devices(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "pipe.json")
    (out / "zero.json").symlink_to("/dev/zero")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    done = cli("extract", str(tmp_path / "a.txt"), "--out", str(out), "--resume", timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads((out / "a.json").read_text(encoding="utf-8"))["doc"] == "a.txt"


@pytest.mark.parametrize("name", ["out.jsonl", "out.csv"])
def test_an_output_file_that_is_a_fifo_is_refused(tmp_path, name):
    os.mkfifo(tmp_path / name)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    done = cli("extract", "a.txt", "--out", name, "--resume", cwd=tmp_path, timeout=60)
    assert done.returncode == 2 and "is not a regular file" in done.stderr
    assert len(messages(done)) == 1


# 14. Plain CSV is byte-exact; --excel neutralises formulas and reads back on --resume.
@pytest.mark.parametrize("value, excel_cell", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+44 20", "'+44 20"),
    ("-0.4 pct", "'-0.4 pct"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tindented", "'\tindented"),
    ("\rreturn", "'\rreturn"),
    ("'quoted", "''quoted"),
    ("Deutsche Bahn", "Deutsche Bahn"),
])
def test_excel_cells(value, excel_cell):
    plain, excel = io.StringIO(), io.StringIO()
    record = {"doc": value, "published": None, "published_basis": None,
              "facts": [{"type": "org", "text": value, "start": 0, "end": len(value), "name": value}]}
    CsvWriter(plain).write(record)
    CsvWriter(excel, excel=True).write(record)
    plain_row = next(csv.DictReader(io.StringIO(plain.getvalue())))
    excel_rows = list(csv.DictReader(io.StringIO(excel.getvalue().removeprefix("\ufeff"))))
    assert excel.getvalue().startswith("\ufeff") and not plain.getvalue().startswith("\ufeff")
    assert plain_row["doc"] == plain_row["text"] == value
    assert excel_rows[0]["doc"] == excel_rows[0]["name"] == excel_cell
    assert unexcel(excel_cell) == value


def test_excel_csv_through_the_cli_resumes(tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", [{"id": "=cmd|' /C calc'!A0", "text": ARTICLE}, {"id": "@plain", "text": OTHER}])
    out = tmp_path / "out.csv"
    assert cli("extract", "--jsonl", str(corpus), "--out", str(out), "--excel").returncode == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    docs = {row["doc"] for row in csv.DictReader(io.StringIO(data.decode("utf-8-sig")))}
    assert docs == {"'=cmd|' /C calc'!A0", "'@plain"}
    plain = cli("extract", "--jsonl", str(corpus), "--out", str(out), "--resume")
    assert plain.returncode == 2 and "written with --excel" in plain.stderr
    again = cli("extract", "--jsonl", str(corpus), "--out", str(out), "--resume", "--excel")
    assert again.returncode == 0 and "1 already done" in again.stderr  # the last document is always done again
    assert out.read_bytes() == data


# 15. Control characters in ids and file names are escaped: one message, one line.
def test_control_characters_never_reach_the_terminal(tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "\x1b]0;owned\x07title", "text": ARTICLE, "published": "someday"},
        {"id": "x\nnewsfacts: 0 documents, 0 facts", "text": "Prices rose 4 percent.", "published": "never"},
        {"id": "\x1b[2Jclear", "text": OTHER},
    ])
    done = cli("extract", "--jsonl", str(corpus), "-f", "table")
    assert done.returncode == 1
    lines = messages(done)
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr
    assert len(lines) == 3 and r"\x1b]0;owned\x07title" in lines[0] and r"x\nnewsfacts: 0 documents" in lines[1]
    assert "\x1b" not in done.stdout and r"\x1b[2Jclear" in done.stdout


@pytest.mark.parametrize("text, shown", [("a\u2028b", r"a\u2028b"), ("tab\there", r"tab\there"),
                                         ("rtl\u202eevil", r"rtl\u202eevil"), ("Nestlé S.A.", "Nestlé S.A.")])
def test_one_line(text, shown):
    assert one_line(text) == shown


# 18. "A worker died" is a newsfacts message like every other, and only the document that
# kills a worker fails.
def test_worker_died_line_has_the_prefix(tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", [{"id": "fine", "text": OTHER}, {"id": "crash", "text": "CRASH " + OTHER}])
    script = (
        "import os, sys\n"
        "from newsfacts import cli, runner\n"
        "real = runner._work\n"
        "def work(items, limit):\n"
        "    if any(text.startswith('CRASH') for text, _ in items):\n"
        "        os._exit(9)\n"
        "    return real(items, limit)\n"
        "runner._work = work\n"
        "sys.argv = ['newsfacts', 'extract', '--jsonl', sys.argv[1], '--jobs', '2', '--batch-size', '1', '-f', 'jsonl']\n"
        "cli.main()\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(corpus)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    lines = messages(done)
    assert any("worker process died" in line and "crash" not in line for line in lines)
    assert [line for line in lines if "failed:" in line] == [
        "newsfacts: failed: crash: a worker process died while processing it (out of memory?)"]
    assert [json.loads(line)["doc"] for line in done.stdout.splitlines()] == ["fine"]
