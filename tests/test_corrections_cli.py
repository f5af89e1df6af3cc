"""Corrections win downstream: summary, export (every format) and the API read the corrections folder;
batch never touches it; bad and stale files are one warning line each."""

import csv
import json
import sqlite3

import pytest

import councilx
from pipelines.corrections import load_correction, record_decision
from tests.test_cli import run
from tests.test_corrections import MISSED, REPORT, three_changes


@pytest.fixture()
def corrected(tmp_path):
    """A batch of one report with three decisions recorded: (raw, out, corrections)."""
    raw, out, corr = tmp_path / "raw", tmp_path / "out", tmp_path / "corrections"
    raw.mkdir()
    (raw / "waste.md").write_text(REPORT, encoding="utf-8")
    r = run("batch", str(raw), "-o", str(out), "-j", "0", "--no-model")
    assert r.returncode == 0, r.stderr
    report = councilx.read_reports(out)[0]
    for d in three_changes(report):
        record_decision(corr, "waste", report, d)
    return raw, out, corr


def test_sqlite_export_shows_the_corrections(corrected, tmp_path):
    raw, out, corr = corrected
    db = tmp_path / "c.db"
    r = run("export", str(out), "--format", "sqlite", "-o", str(db), "--corrections", str(corr))
    assert r.returncode == 0, r.stderr
    con = sqlite3.connect(db)
    orgs = [x for (x,) in con.execute("SELECT name FROM organisations")]
    assert "Local Government Association" not in orgs and "Adur District Council" in orgs
    assert con.execute("SELECT amount, method FROM savings").fetchall() == [(120000.0, "corrected")]
    rec = con.execute("SELECT text, method, confidence, needs_review FROM recommendations WHERE method='corrected'")
    assert rec.fetchall() == [(MISSED, "corrected", 1.0, 0)]
    plain = tmp_path / "plain.db"
    assert run("export", str(out), "--format", "sqlite", "-o", str(plain)).returncode == 0
    orgs = [x for (x,) in sqlite3.connect(plain).execute("SELECT name FROM organisations")]
    assert "Local Government Association" in orgs  # without --corrections: as extracted


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_flat_exports_show_the_corrections(corrected, tmp_path, fmt):
    _, out, corr = corrected
    dest = tmp_path / fmt
    assert run("export", str(out), "--format", fmt, "-o", str(dest), "--corrections", str(corr)).returncode == 0
    text = (dest / f"savings.{fmt}").read_text(encoding="utf-8")
    if fmt == "csv":
        rows = list(csv.DictReader(text.splitlines()))
    else:
        rows = [json.loads(line) for line in text.splitlines()]
    assert [float(x["amount"]) for x in rows] == [120000.0]


def test_summary_shows_the_corrections_and_batch_leaves_them(corrected, tmp_path):
    raw, out, corr = corrected
    before = (corr / "waste.json").read_bytes()
    page = tmp_path / "o.html"
    r = run("summary", str(out), "-o", str(page), "--corrections", str(corr))
    assert r.returncode == 0, r.stderr
    assert "£120k" in page.read_text(encoding="utf-8")
    assert run("summary", str(out), "-o", str(tmp_path / "p.html")).returncode == 0
    assert "£120k" not in (tmp_path / "p.html").read_text(encoding="utf-8")
    r = run("batch", str(raw), "-o", str(out), "-j", "0", "--no-model", "--force")
    assert r.returncode == 0, r.stderr
    assert (corr / "waste.json").read_bytes() == before
    report = councilx.read_reports(out, corr)[0]
    assert report.savings[0].amount == 120000 and report.recommendations[-1].text == MISSED


def test_a_changed_report_makes_its_correction_stale(corrected, tmp_path):
    raw, out, corr = corrected
    (raw / "waste.md").write_text(REPORT + "\nOne more line.\n", encoding="utf-8")
    assert run("batch", str(raw), "-o", str(out), "-j", "0", "--no-model").returncode == 0
    r = run("export", str(out), "--format", "jsonl", "-o", str(tmp_path / "t"), "--corrections", str(corr))
    assert r.returncode == 0
    warnings = [line for line in r.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "stale" in warnings[0]
    assert "Local Government Association" in (tmp_path / "t" / "organisations.jsonl").read_text()
    assert load_correction(corr / "waste.json").decisions  # still there, for the person to see


def test_bad_correction_files_never_stop_an_export(corrected, tmp_path):
    raw, out, corr = corrected
    (raw / "second.md").write_text(REPORT.replace("Waste", "Parking"), encoding="utf-8")
    assert run("batch", str(raw), "-o", str(out), "-j", "0", "--no-model").returncode == 0
    (corr / "second.json").write_text("{oops", encoding="utf-8")
    r = run("export", str(out), "--format", "sqlite", "-o", str(tmp_path / "x.db"), "--corrections", str(corr))
    assert r.returncode == 0, r.stderr
    warnings = [line for line in r.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "second.json" in warnings[0] and "not JSON" in warnings[0]
    con = sqlite3.connect(tmp_path / "x.db")
    assert con.execute("SELECT count(*) FROM reports").fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM savings WHERE method='corrected'").fetchone()[0] == 1


def test_a_missing_corrections_folder_is_a_usage_error(corrected, tmp_path):
    _, out, _ = corrected
    r = run("summary", str(out), "--corrections", str(tmp_path / "nope"))
    assert r.returncode == 2 and "no such folder" in r.stderr


def test_the_api_reports_problems_by_line(corrected):
    _, out, corr = corrected
    (corr / "waste.json").write_text("[]", encoding="utf-8")
    seen: list[str] = []
    reports = councilx.read_reports(out, corr, on_problem=seen.append)
    assert len(seen) == 1 and "not a correction file" in seen[0]
    assert reports[0].savings[0].method != "corrected"
    assert councilx.correct_report(reports[0], corr, on_problem=seen.append) == reports[0]
