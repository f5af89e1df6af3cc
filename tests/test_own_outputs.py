"""Outputs never replace a file the tool did not write, unless --force; defaults sit beside the input (issue 18)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unprivileged import run_cli

REPORT = """Report to: Cabinet

Date: 4 June 2024

Title of report: Shared Libraries Partnership

1.1 The Cabinet is asked to note savings of £30,000 achieved by Kent County Council and Medway Council.
"""
OTHER = "Report to: Cabinet\n\nTitle of report: Another Report of the Collection\n\nIts own text.\n"


@pytest.fixture()
def collection(tmp_path: Path) -> Path:
    """Two reports in a folder, and a batch of them beside it."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "libraries.txt").write_text(REPORT, encoding="utf-8")
    (raw / "other.md").write_text(OTHER, encoding="utf-8")
    res = run_cli("batch", str(raw), "-o", str(tmp_path / "out"), "-j", "0", "--no-model")
    assert res.returncode == 0, res.stderr
    return tmp_path


def refused(res, victim: Path) -> None:
    assert res.returncode == 2, res.stderr
    assert f"{victim} exists and was not written by councilx" in res.stderr and "--force" in res.stderr


@pytest.mark.parametrize("command", ["summary", "review", "extract"])
def test_an_output_never_replaces_another_report(collection: Path, command: str):
    victim = collection / "raw" / "other.md"
    args = {
        "summary": ["summary", str(collection / "out")],
        "review": ["review", str(collection / "out" / "libraries.json")],
        "extract": ["extract", str(collection / "raw" / "libraries.txt"), "--no-model"],
    }[command]
    refused(run_cli(*args, "-o", str(victim)), victim)
    assert victim.read_text(encoding="utf-8") == OTHER
    res = run_cli(*args, "-o", str(victim), "--force")
    assert res.returncode == 0, res.stderr
    assert victim.read_text(encoding="utf-8") != OTHER


def test_outputs_the_tool_wrote_are_replaced_without_force(collection: Path):
    out = collection / "out"
    for _ in range(2):
        assert run_cli("summary", str(out)).returncode == 0
        assert run_cli("review", str(out / "libraries.json"), "-o", str(out / "page.html")).returncode == 0
        res = run_cli("extract", str(collection / "raw" / "libraries.txt"), "--no-model", "-o", str(out / "x.json"))
        assert res.returncode == 0, res.stderr
        assert run_cli("export", str(out), "--format", "csv").returncode == 0


def test_an_overview_written_under_a_report_name_is_not_read_back_as_a_report(collection: Path):
    raw, out = collection / "raw", collection / "out"
    assert run_cli("summary", str(out), "-o", str(raw / "overview-notes.md")).returncode == 0
    res = run_cli("batch", str(raw), "-o", str(out), "-j", "0", "--no-model", "--jsonl")
    assert sorted(Path(json.loads(x)["path"]).name for x in res.stdout.splitlines()) == ["libraries.txt", "other.md"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_never_replaces_a_file_of_the_same_name(collection: Path, fmt: str):
    dest = collection / "mine"
    dest.mkdir()
    victim = dest / f"partners.{fmt}"
    victim.write_text("name,notes\nmy partner,keep me\n", encoding="utf-8")
    refused(run_cli("export", str(collection / "out"), "--format", fmt, "-o", str(dest)), victim)
    assert victim.read_text(encoding="utf-8") == "name,notes\nmy partner,keep me\n"
    assert not (dest / f"reports.{fmt}").exists()  # nothing half-written
    res = run_cli("export", str(collection / "out"), "--format", fmt, "-o", str(dest), "--force")
    assert res.returncode == 0 and "keep me" not in victim.read_text(encoding="utf-8")


def test_batch_never_replaces_a_json_file_it_did_not_write(tmp_path: Path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    out.mkdir()
    (raw / "settings.txt").write_text(REPORT, encoding="utf-8")
    (out / "settings.json").write_text('{"theme": "dark"}', encoding="utf-8")
    res = run_cli("batch", str(raw), "-o", str(out), "-j", "0", "--no-model")
    assert res.returncode == 1 and "settings.json exists and was not written by councilx" in res.stderr
    assert json.loads((out / "settings.json").read_text(encoding="utf-8")) == {"theme": "dark"}


def test_batch_and_export_default_beside_the_input_wherever_they_are_run(tmp_path: Path):
    raw, elsewhere = tmp_path / "raw", tmp_path / "elsewhere"
    raw.mkdir()
    elsewhere.mkdir()
    (raw / "libraries.txt").write_text(REPORT, encoding="utf-8")
    res = run_cli("batch", str(raw), "-j", "0", "--no-model", cwd=elsewhere)
    assert res.returncode == 0, res.stderr
    out = tmp_path / "raw-councilx"
    assert f"output: {out}" in res.stderr and (out / "libraries.json").exists()
    res = run_cli("export", str(out), "--format", "jsonl", cwd=elsewhere)
    assert res.returncode == 0, res.stderr
    assert (out / "tables" / "reports.jsonl").exists() and str(out / "tables" / "reports.jsonl") in res.stderr
    assert list(elsewhere.iterdir()) == []
