"""Errors on the output side (issue 18): one line naming the output and the reason, exit status 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unprivileged import run_cli, share, space  # noqa: F401 - space is a fixture

REPORT = """Report to: Cabinet

Date: 4 June 2024

Title of report: Shared Libraries Partnership

1. Recommendations

1.1 The Cabinet is asked to note savings of £30,000 achieved by Kent County Council and Medway Council.
"""


@pytest.fixture()
def batch_out(space: Path) -> Path:  # noqa: F811
    """A batch output folder made of one report, then made read-only, beside the report."""
    src = space / "in"
    src.mkdir()
    (src / "libraries.txt").write_text(REPORT, encoding="utf-8")
    share(space)
    out = space / "out"
    res = run_cli("batch", str(src), "-o", str(out), "-j", "0", "--no-model")
    assert res.returncode == 0, res.stderr
    out.chmod(0o555)
    return out


def one_line_exit_2(res, output: Path) -> None:
    lines = [x for x in res.stderr.splitlines() if x.strip() and not x.startswith("note:")]
    assert res.returncode == 2, res.stderr
    assert len(lines) == 1, res.stderr
    assert str(output) in lines[0] and "read-only" in lines[0] and "Traceback" not in res.stderr


def test_review_into_a_read_only_folder(batch_out: Path):
    page = batch_out / "libraries.review.html"
    one_line_exit_2(run_cli("review", str(batch_out / "libraries.json"), "-o", str(page)), page)


def test_summary_into_a_read_only_folder(batch_out: Path):
    one_line_exit_2(run_cli("summary", str(batch_out)), batch_out / "overview.html")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "sqlite"])
def test_export_into_a_read_only_folder(batch_out: Path, fmt: str):
    res = run_cli("export", str(batch_out), "--format", fmt, "-o", str(batch_out / "tables"))
    assert res.returncode == 2 and "Traceback" not in res.stderr, res.stderr
    lines = [x for x in res.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and str(batch_out / "tables") in lines[0] and "read-only" in lines[0], res.stderr


def test_extract_into_a_read_only_folder(batch_out: Path):
    out = batch_out / "again.json"
    res = run_cli("extract", str(batch_out.parent / "in" / "libraries.txt"), "-o", str(out), "--no-model")
    one_line_exit_2(res, out)
    assert "unexpected" not in res.stderr and ".tmp" not in res.stderr


def test_extract_to_a_path_under_a_file_says_the_parent_is_a_file(space: Path):  # noqa: F811
    report = space / "d.md"
    report.write_text(REPORT, encoding="utf-8")
    share(space)
    res = run_cli("extract", str(report), "-o", str(report / "x.json"), "--no-model")
    assert res.returncode == 2, res.stderr
    assert f"{report} is a file, not a folder" in res.stderr and "FileExistsError" not in res.stderr


def test_a_truncated_pdf_is_one_balanced_sentence(space: Path):  # noqa: F811
    pdf = space / "cut.pdf"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    share(space)
    res = run_cli("extract", str(pdf), "--no-model")
    assert res.returncode == 1
    line = [x for x in res.stderr.splitlines() if x.startswith("error:")][0]
    assert line.count("(") == line.count(")") and line.rstrip().endswith(")"), line
    assert line.count(str(pdf)) == 1, line  # named once, not twice


def test_the_failed_row_names_the_reason_and_the_row_the_path(space: Path):  # noqa: F811
    src = space / "in"
    src.mkdir()
    (src / "cut.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    share(space)
    res = run_cli("batch", str(src), "-o", str(space / "out"), "-j", "0", "--no-model")
    assert res.returncode == 1
    row = json.loads((space / "out" / "manifest.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert row["error"].startswith("the PDF is damaged or truncated") and row["path"].endswith("cut.pdf")
