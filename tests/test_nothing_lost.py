"""Nothing lost or hidden without a word (issue 18): unreadable folders, unreadable JSON, deleted inputs."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from pathlib import Path

import pytest

from tests.unprivileged import run_cli, share, space  # noqa: F401 - space is a fixture

REPORT = """Report to: Cabinet

Date: {date}

Title of report: {title}

1.1 The Cabinet is asked to note savings of £30,000 achieved by Kent County Council and Medway Council.
"""


def write_report(path: Path, title: str = "Shared Libraries", date: str = "4 June 2024") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(REPORT.format(title=title, date=date), encoding="utf-8")
    return path


def rows(out: Path) -> list[dict]:
    return [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def test_an_unreadable_subfolder_is_named_given_a_row_and_fails_the_batch(space: Path):  # noqa: F811
    src = space / "in"
    write_report(src / "a.txt")
    write_report(src / "locked" / "b.txt", "Locked Away")
    share(space)
    (src / "locked").chmod(0o000)
    out = space / "out"
    res = run_cli("batch", str(src), "-o", str(out), "-j", "0", "--no-model")
    assert res.returncode == 1, res.stderr
    assert f"failed {src / 'locked'}: cannot read the folder" in res.stderr
    by_path = {r["path"]: r for r in rows(out)}
    assert by_path[str(src / "locked")]["status"] == "failed"
    assert "permission denied" in by_path[str(src / "locked")]["error"]
    assert by_path[str(src / "a.txt")]["status"] == "ok"


@pytest.fixture()
def batch_with_a_bad_json(tmp_path: Path) -> Path:
    src, out = tmp_path / "in", tmp_path / "out"
    write_report(src / "a.txt")
    res = run_cli("batch", str(src), "-o", str(out), "-j", "0", "--no-model")
    assert res.returncode == 0, res.stderr
    (out / "torn.json").write_text('{"schema_version": "1.0.0", "sour', encoding="utf-8")
    other = json.loads((out / "a.json").read_text(encoding="utf-8"))
    other["schema_version"] = "2.0.0"
    (out / "future.json").write_text(json.dumps(other), encoding="utf-8")
    return out


@pytest.mark.parametrize(
    "command",
    [["summary"], ["export", "--format", "csv"], ["export", "--format", "jsonl"], ["export", "--format", "sqlite"]],
    ids=["summary", "csv", "jsonl", "sqlite"],
)
def test_summary_and_export_name_every_skipped_json_and_fail_unless_told(batch_with_a_bad_json: Path, command):
    out = batch_with_a_bad_json
    dest = ["-o", str(out.parent / "tables")] if command[0] == "export" else ["-o", str(out.parent / "ov.html")]
    res = run_cli(command[0], str(out), *command[1:], *dest)
    assert res.returncode == 1, res.stderr
    assert f"{out / 'torn.json'} is not valid JSON" in res.stderr
    assert f"{out / 'future.json'} has schema_version 2.0.0" in res.stderr
    assert not (out.parent / "tables").exists() and not (out.parent / "ov.html").exists()
    res = run_cli(command[0], str(out), *command[1:], *dest, "--skip-bad")
    assert res.returncode == 0, res.stderr
    assert "torn.json" in res.stderr and "future.json" in res.stderr and "left out" in res.stderr


def test_a_deleted_input_is_flagged_in_the_overview_and_exports_and_pruned(tmp_path: Path):
    src, out = tmp_path / "in", tmp_path / "out"
    write_report(src / "kept.txt", "Kept Report")
    gone = write_report(src / "gone.txt", "Gone Report")
    assert run_cli("batch", str(src), "-o", str(out), "-j", "0", "--no-model", "--review").returncode == 0
    gone.unlink()
    res = run_cli("summary", str(out))
    assert res.returncode == 0 and f"its input file {gone} is gone" in res.stderr, res.stderr
    page = (out / "overview.html").read_text(encoding="utf-8")
    assert page.count("input file gone</span>") == 1 and "1 report(s) whose input file is gone" in page
    res = run_cli("export", str(out), "--format", "csv", "-o", str(tmp_path / "tables"))
    assert res.returncode == 0 and "gone.json: its input file" in res.stderr, res.stderr
    with (tmp_path / "tables" / "reports.csv").open(encoding="utf-8") as fh:
        flags = {r["title"]: r["input_missing"] for r in csv.DictReader(fh)}
    assert flags == {"Kept Report": "0", "Gone Report": "1"}  # booleans are 1/0, as in SQLite
    assert run_cli("export", str(out), "--format", "sqlite", "-o", str(tmp_path / "r.db")).returncode == 0
    con = sqlite3.connect(tmp_path / "r.db")
    assert dict(con.execute("SELECT title, input_missing FROM reports")) == {"Kept Report": 0, "Gone Report": 1}
    con.close()

    res = run_cli("batch", str(src), "-o", str(out), "-j", "0", "--no-model", "--prune")
    assert res.returncode == 0, res.stderr
    assert f"pruned {out / 'gone.json'}: its input {gone} is gone" in res.stderr
    assert sorted(p.name for p in out.iterdir() if p.suffix in (".json", ".html")) == [
        "kept.html",
        "kept.json",
        "overview.html",
    ]


def test_prune_keeps_json_files_the_tool_did_not_write(tmp_path: Path):
    src, out = tmp_path / "in", tmp_path / "out"
    write_report(src / "a.txt")
    out.mkdir()
    (out / "notes.json").write_text('{"mine": true}', encoding="utf-8")
    assert run_cli("batch", str(src), "-o", str(out), "-j", "0", "--no-model", "--prune").returncode == 0
    assert (out / "notes.json").exists() and (out / "a.json").exists()
    assert os.path.isabs(json.loads((out / "a.json").read_text(encoding="utf-8"))["source"]["path"])


def statuses(res) -> list[str]:
    return [json.loads(x)["status"] for x in res.stdout.splitlines()]


def test_a_run_with_other_result_options_redoes_the_files(tmp_path: Path):
    src, out = tmp_path / "in", tmp_path / "out"
    write_report(src / "a.txt")
    batch = ["batch", str(src), "-o", str(out), "-j", "0", "--jsonl"]
    assert statuses(run_cli(*batch, "--no-model")) == ["ok"]
    assert statuses(run_cli(*batch, "--no-model")) == ["skipped"]
    with_model = run_cli(*batch)  # the model wanted now: redone, whether or not it is installed
    assert statuses(with_model) == ["ok"], with_model.stderr
    data = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert data["pipeline"]["options"]["use_model"] is True
    assert statuses(run_cli(*batch, "--max-pages", "10")) == ["ok"]
    assert statuses(run_cli(*batch, "--max-pages", "10")) == ["skipped"]
