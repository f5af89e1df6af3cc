"""The CLI as a user runs it: extract, batch, schema, help and exit codes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

REPORT = """Report to: Joint Waste Committee

Date: 14 March 2024

By: Director of Environment

Title of report: Shared Waste Service Review

RECOMMENDATIONS:

The Committee is recommended to:

a) note the savings of £240,000 achieved in 2023/24; and

b) agree the review of the partnership in September 2025.

1. Background

1.1 Worcester City Council and Wychavon District Council have run a shared waste service since 1 April 2019.
"""


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=300
    )


@pytest.fixture()
def report_file(tmp_path: Path) -> Path:
    p = tmp_path / "waste review.txt"
    p.write_text(REPORT, encoding="utf-8")
    return p


def test_extract_prints_valid_json_with_evidence(report_file: Path):
    res = run("extract", str(report_file), "--no-model")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["source"]["format"] == "text"
    text = report_file.read_text(encoding="utf-8")
    assert any(r["text"].startswith("note the savings") for r in data["recommendations"])
    for field in ("dates", "savings", "recommendations", "organisations"):
        for item in data[field]:
            for ev in item["evidence"]:
                assert ev["end"] - ev["start"] == len(ev["quote"])
    assert "2024-03-14" in {d["value"] for d in data["dates"]}
    assert text  # the source is untouched


def test_extract_to_output_file(report_file: Path, tmp_path: Path):
    out = tmp_path / "out" / "r.json"
    res = run("extract", str(report_file), "-o", str(out), "--no-model")
    assert res.returncode == 0, res.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"]
    assert res.stdout == ""


def test_extract_missing_file_is_a_usage_error(tmp_path: Path):
    res = run("extract", str(tmp_path / "nope.pdf"))
    assert res.returncode == 2
    assert "no such file" in res.stderr
    assert "Traceback" not in res.stderr


def test_extract_bad_file_gives_one_line_error(tmp_path: Path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + os.urandom(300))
    res = run("extract", str(bad), "--no-model")
    assert res.returncode == 1
    lines = [x for x in res.stderr.splitlines() if x.strip() and not x.startswith("note: --no-model")]
    assert len(lines) == 1 and "broken.pdf" in lines[0]
    assert "Traceback" not in res.stderr


def test_batch_writes_one_json_per_report_and_a_manifest(report_file: Path, tmp_path: Path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    report_file.rename(inputs / report_file.name)
    (inputs / "empty.txt").write_bytes(b"")
    out = tmp_path / "processed"
    res = run("batch", str(inputs), "-o", str(out), "--no-model")
    assert res.returncode == 1, res.stderr  # one file failed
    rows = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    by_name = {Path(r["path"]).name: r for r in rows}
    assert by_name["waste review.txt"]["status"] == "ok"
    assert (out / "waste_review.json").exists()
    assert by_name["empty.txt"]["status"] == "failed" and "empty" in by_name["empty.txt"]["error"]


@pytest.mark.parametrize("command", ["extract", "batch", "schema"])
def test_every_command_has_help(command: str):
    res = run(command, "--help")
    assert res.returncode == 0
    assert "Usage" in res.stdout and len(res.stdout) > 100


def test_unknown_option_is_usage_error():
    assert run("extract", "--bogus").returncode == 2
