"""A newcomer's first steps (issue 18): a JSON finds its report from any folder, in the JSON and the exports."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.unprivileged import run_cli

REPORT = """Report to: Cabinet

Date: 4 June 2024

Title of report: Shared Libraries Partnership

1.1 The Cabinet is asked to note savings of £30,000 achieved by Kent County Council and Medway Council.
"""


def test_a_json_made_from_a_relative_path_finds_its_report_from_another_folder(tmp_path: Path):
    (tmp_path / "work" / "raw").mkdir(parents=True)
    (tmp_path / "work" / "raw" / "libraries.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    res = run_cli("extract", "raw/libraries.txt", "-o", "out/libraries.json", "--no-model", cwd=tmp_path / "work")
    assert res.returncode == 0, res.stderr
    data = json.loads((tmp_path / "work" / "out" / "libraries.json").read_text(encoding="utf-8"))
    assert data["source"]["path"] == str(tmp_path / "work" / "raw" / "libraries.txt")
    res = run_cli("review", "../work/out/libraries.json", "-o", "page.html", cwd=tmp_path / "elsewhere")
    assert res.returncode == 0, res.stderr
    assert "Shared Libraries Partnership" in (tmp_path / "elsewhere" / "page.html").read_text(encoding="utf-8")


def test_batch_and_export_store_the_absolute_path(tmp_path: Path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "libraries.txt").write_text(REPORT, encoding="utf-8")
    res = run_cli("batch", "raw", "-o", "out", "-j", "0", "--no-model", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    res = run_cli("export", "out", "--format", "csv", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    with (tmp_path / "out" / "tables" / "reports.csv").open(encoding="utf-8") as fh:
        assert [r["path"] for r in csv.DictReader(fh)] == [str(tmp_path / "raw" / "libraries.txt")]


def test_an_older_json_with_a_relative_path_is_found_beside_it(tmp_path: Path):
    (tmp_path / "batch").mkdir()
    (tmp_path / "batch" / "libraries.txt").write_text(REPORT, encoding="utf-8")
    res = run_cli("extract", "libraries.txt", "--no-model", cwd=tmp_path / "batch")
    data = json.loads(res.stdout)
    data["source"]["path"] = "libraries.txt"  # as 0.4.0 stored it: as typed
    (tmp_path / "batch" / "libraries.json").write_text(json.dumps(data), encoding="utf-8")
    res = run_cli("review", str(tmp_path / "batch" / "libraries.json"), "-o", str(tmp_path / "p.html"))
    assert res.returncode == 0, res.stderr
