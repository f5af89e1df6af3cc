"""Corrections (issue 17): the file format, applying it to a report, bad files as one line each."""

import json
from pathlib import Path

import pytest

from extract import load_document
from models.correction import Correction, Decision, Span
from pipelines import Settings, extract_report
from pipelines.corrections import (
    CORRECTED,
    CorrectionError,
    apply_correction,
    correct_reports,
    item_key,
    load_correction,
    record_decision,
)

REPORT = """# Shared Waste Service

Report to: Cabinet

Date: 12 October 2020

1. The partnership between Adur District Council and Worthing Borough Council saved £110,000 in July 2023.

2. The Local Government Association was consulted.

## Recommendations

a) Cabinet is asked to note the report.

b) Cabinet is asked to approve the extension of the shared service to March 2025.

The panel will also review progress with Sussex Police.
"""
MISSED = "The panel will also review progress with Sussex Police."


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    path = tmp_path_factory.mktemp("src") / "waste.md"
    path.write_text(REPORT, encoding="utf-8")
    return extract_report(path, Settings(use_model=False))


def _org(report, name):
    return next(o for o in report.organisations if o.name == name)


def three_changes(report) -> list[Decision]:
    """Reject one organisation, fix one saving's amount, add one missed recommendation."""
    lga = _org(report, "Local Government Association")
    text = load_document(Path(report.source.path)).text
    start = text.index(MISSED)
    return [
        Decision(field="organisations", action="reject", item=item_key("organisations", lga)),
        Decision(field="savings", action="fix", item=item_key("savings", report.savings[0]), value={"amount": 120000}),
        Decision(
            field="recommendations",
            action="add",
            evidence=Span(page=1, start=start, end=start + len(MISSED), quote=MISSED),
        ),
    ]


def test_record_and_apply_three_changes(report, tmp_path):
    folder = tmp_path / "corrections"
    for d in three_changes(report):
        record_decision(folder, "waste", report, d)
    saved = load_correction(folder / "waste.json")
    assert [d.action for d in saved.decisions] == ["reject", "fix", "add"]
    assert saved.sha256 == report.source.sha256 and saved.doc == "waste.md"
    # the gold part is the corrected report, in the guidelines' format
    assert "Local Government Association" not in saved.organisations
    assert "Adur District Council" in saved.organisations
    assert saved.savings[0]["amount"] == 120000
    assert MISSED in saved.recommendations
    corrected, problems = apply_correction(report, saved)
    assert problems == []
    assert "Local Government Association" not in [o.name for o in corrected.organisations]
    assert corrected.savings[0].amount == 120000 and corrected.savings[0].method == CORRECTED
    added = corrected.recommendations[-1]
    assert (added.text, added.method, added.confidence, added.needs_review) == (MISSED, CORRECTED, 1.0, False)
    assert added.evidence[0].quote == MISSED
    # untouched items stay as extracted
    assert corrected.partners == report.partners


def test_a_later_decision_on_the_same_item_replaces_the_earlier(report, tmp_path):
    saving = item_key("savings", report.savings[0])
    record_decision(
        tmp_path, "waste", report, Decision(field="savings", action="fix", item=saving, value={"amount": 1})
    )
    record_decision(
        tmp_path, "waste", report, Decision(field="savings", action="fix", item=saving, value={"amount": 2})
    )
    saved = load_correction(tmp_path / "waste.json")
    assert len(saved.decisions) == 1 and saved.decisions[0].value == {"amount": 2}


def test_metadata_fix_and_right(report, tmp_path):
    record_decision(tmp_path, "w", report, Decision(field="metadata", action="fix", item="title", value={"title": "X"}))
    record_decision(tmp_path, "w", report, Decision(field="metadata", action="reject", item="committee"))
    corrected, problems = apply_correction(report, load_correction(tmp_path / "w.json"))
    assert problems == [] and corrected.metadata.title == "X" and corrected.metadata.committee is None
    assert corrected.metadata.confidence["title"] == 1.0


def test_stale_correction_is_reported_not_applied(report, tmp_path):
    record_decision(tmp_path, "waste", report, three_changes(report)[0])
    data = json.loads((tmp_path / "waste.json").read_text())
    data["sha256"] = "0" * 64
    (tmp_path / "waste.json").write_text(json.dumps(data))
    out, problems = correct_reports([("waste", report)], tmp_path)
    assert out[0][1] == report
    assert len(problems) == 1 and "stale" in problems[0] and "\n" not in problems[0]


def test_bad_files_are_one_line_each_and_never_stop_the_rest(report, tmp_path):
    (tmp_path / "broken.json").write_text("{not json")
    (tmp_path / "other.json").write_text(json.dumps({"doc": "x.md"}))  # no sha256
    good = Correction(doc="waste.md", sha256=report.source.sha256, decisions=three_changes(report)[:1])
    ghost = Decision(field="organisations", action="reject", item="Nowhere Council@5")
    (tmp_path / "ghost.json").write_text(
        good.model_copy(update={"decisions": [*good.decisions, ghost]}).model_dump_json()
    )
    (tmp_path / "waste.json").write_text(good.model_dump_json())
    pairs = [(s, report) for s in ("broken", "other", "ghost", "waste", "uncorrected")]
    out, problems = correct_reports(pairs, tmp_path)
    assert len(problems) == 3 and all("\n" not in p for p in problems)
    assert "not JSON" in problems[0] and "sha256" in problems[1] and "Nowhere Council@5" in problems[2]
    names = {s: [o.name for o in r.organisations] for s, r in out}
    assert "Local Government Association" in names["broken"]  # a bad file leaves the report as extracted
    assert "Local Government Association" not in names["ghost"]  # its good decision still applies
    assert "Local Government Association" not in names["waste"]
    assert names["uncorrected"] == [o.name for o in report.organisations]


def test_a_damaged_file_is_refused_not_overwritten(report, tmp_path):
    (tmp_path / "waste.json").write_text("{half")
    with pytest.raises(CorrectionError, match="not JSON"):
        record_decision(tmp_path, "waste", report, three_changes(report)[0])
    assert (tmp_path / "waste.json").read_text() == "{half"


def test_a_decision_the_report_cannot_take_is_refused(report, tmp_path):
    bad = Decision(field="savings", action="fix", item=item_key("savings", report.savings[0]), value={"colour": 1})
    with pytest.raises(CorrectionError, match="cannot set colour"):
        record_decision(tmp_path, "waste", report, bad)
    assert not Path(tmp_path / "waste.json").exists()


def test_a_stale_file_is_refused_not_overwritten(report, tmp_path):
    stale = Correction(doc="waste.md", sha256="0" * 64, decisions=three_changes(report)[:1])
    (tmp_path / "waste.json").write_text(stale.model_dump_json())
    with pytest.raises(CorrectionError, match="stale"):
        record_decision(tmp_path, "waste", report, three_changes(report)[1])
    assert load_correction(tmp_path / "waste.json") == stale
