"""Metadata: front-sheet fields in their usual forms."""
from tests.conftest import run_until


def meta(text: str, markdown: bool = False) -> dict[str, str]:
    out: dict[str, tuple[float, str]] = {}
    for c in run_until(text, "metadata", markdown)[1]:
        k = c.data["key"]
        if k not in out or c.confidence > out[k][0]:
            out[k] = (c.confidence, c.data["value"])
    return {k: v for k, (_, v) in out.items()}


def test_report_to_date_by_title_blocks():
    m = meta("Report to:\n\nGovernance Committee\n\nDate:\n\n30 September 2021\n\nBy:\n\nAssistant Chief Executive\n\n"
             "Title of report:\n\nShared Legal Services\n\nPurpose of report:\n\nTo update the Committee.")
    assert m["committee"] == "Governance Committee"
    assert m["report_date"] == "2021-09-30"
    assert m["author"] == "Assistant Chief Executive"
    assert m["title"] == "Shared Legal Services"
    assert m["purpose"] == "To update the Committee."


def test_from_to_subject_form():
    m = meta("From: Jane Smith, Cabinet Member for Finance\n\nTo: Cabinet - 30 January 2025\n\n"
             "Subject: Shared Audit Service\n\nDecision no: 24/00109\n\n1. Introduction\n\n1.1 Text.")
    assert m["committee"] == "Cabinet"
    assert m["report_date"] == "2025-01-30"
    assert m["title"] == "Shared Audit Service"
    assert m["author"].startswith("Jane Smith")
    assert m["reference"] == "24/00109"


def test_run_together_fields_are_split():
    m = meta("Meeting: Cabinet Date: 11 March 2026\n\nSubject: Finance Team Resourcing\n\nReport Of: Head of Paid Service")
    assert (m["committee"], m["report_date"], m["author"]) == ("Cabinet", "2026-03-11", "Head of Paid Service")


def test_decision_sentence_and_first_heading():
    m = meta("Demolition of Old Mill Court\n\nDecision:\n\nThe demolition has been approved.\n\n"
             "This decision was authorised by the Cabinet at its meeting on Tuesday, 27 July 2021.")
    assert m["title"] == "Demolition of Old Mill Court"
    assert m["committee"] == "Cabinet"
    assert m["report_date"] == "2021-07-27"


def test_minutes_heading_and_letterhead():
    m = meta("NORTH YORKSHIRE COUNTY COUNCIL\n\nMINUTES of the meeting of the Executive held on 14 May 2019\n\n"
             "12. Joint procurement")
    assert m["committee"] == "Executive"
    assert m["report_date"] == "2019-05-14"
    assert m["council"] == "North Yorkshire County Council"


def test_committee_from_the_asked_to_subject():
    m = meta("Partnership Update\n\nRecommendations\n\nCouncil is asked to:\n\na) Note the position.")
    assert m["committee"] == "Council"
