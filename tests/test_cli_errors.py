"""Bad input through the real CLI (a subprocess): one clear line on stderr, the right exit code,
no traceback, and the other documents' output intact."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def cli(*args: str, stdin: bytes | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsfacts", *args], input=stdin, capture_output=True, cwd=cwd, timeout=300)


def one_line_error(done: subprocess.CompletedProcess) -> str:
    err = done.stderr.decode()
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["extract", "missing.txt"], 2, "missing.txt: no such file"),
        (["extract", "a.txt", "--format", "xml"], 2, "Invalid value for '--format'"),
        (["extract", "a.txt", "--published", "31/12/2020"], 2, "--published"),
        (["extract"], 2, "give article files"),
        (["extract", "a.txt", "--format", "html"], 2, "--out DIR"),
        (["grade", "seeds_missing", "gold_missing"], 2, "not a directory"),
        (["frobnicate"], 2, "No such command"),
    ],
    ids=["missing", "format", "published", "no-input", "html-no-out", "grade-dirs", "command"],
)
def test_usage_errors_fail_before_loading_the_pipeline(tmp_path, args, code, message):
    (tmp_path / "a.txt").write_text("Sales rose 5 percent.")
    done = cli(*args, cwd=tmp_path)
    assert done.returncode == code
    assert message in one_line_error(done)


def test_bad_files_in_a_batch_are_skipped_and_the_rest_written(tmp_path):
    (tmp_path / "good.txt").write_text("Revenue rose 7 percent to $2 billion in 2021.")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "locked.txt").write_text("secret")
    os.chmod(tmp_path / "locked.txt", 0)
    (tmp_path / "emptydir").mkdir()
    readable = os.access(tmp_path / "locked.txt", os.R_OK)  # root can read anything
    done = cli("extract", "good.txt", "binary.txt", "empty.txt", "locked.txt", "emptydir", "nowhere.txt", cwd=tmp_path)
    err = one_line_error(done)
    assert done.returncode == 1
    lines = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert lines[0]["doc"] == "good.txt" and len(lines[0]["facts"]) == 3
    assert "binary.txt: binary file" in err
    assert "empty.txt: empty file" in err
    assert "emptydir: directory has no" in err
    assert "nowhere.txt: no such file" in err
    if not readable:
        assert "locked.txt: permission denied" in err


def test_stdin_with_odd_text_never_crashes():
    text = "Zero\u200bwidth, NBSP\u00a0$5\u00a0million, mojibake â–  and \x07 control chars; 12% in 2020.".encode()
    done = cli("extract", "-", "--published", "2021-01-01", stdin=text)
    assert done.returncode == 0, one_line_error(done)
    record = json.loads(done.stdout)
    source = text.decode()
    assert all(source[f["start"]:f["end"]] == f["text"] for f in record["facts"])


def test_undecodable_bytes_fall_back_with_a_warning(tmp_path):
    (tmp_path / "legacy.txt").write_bytes("Umsatz in Köln stieg um 5 percent im März 2020, hieß es.".encode("cp1252"))
    done = cli("extract", "legacy.txt", cwd=tmp_path)
    assert done.returncode == 0
    assert "not UTF-8; decoded as" in one_line_error(done)
    assert json.loads(done.stdout)["facts"]


def test_debug_is_a_global_option_and_known_errors_stay_one_line(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text("{not json")
    done = cli("--debug", "grade", str(tmp_path), str(tmp_path / "gold"))
    assert done.returncode == 2 and "not valid JSON" in done.stderr.decode()
