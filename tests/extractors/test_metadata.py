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


def test_value_wrapping_onto_the_next_line_is_joined():
    m = meta("Decision maker:\n\nCabinet Member for Housing,\n\nPlanning and Transport\n\n"
             "REPORT OF DIRECTOR OF ADULT SOCIAL CARE AND\n\nHEALTH\n\nTitle of report: Shared Care Brokerage")
    assert m["committee"] == "Cabinet Member for Housing, Planning and Transport"
    assert m["author"] == "DIRECTOR OF ADULT SOCIAL CARE AND HEALTH"


def test_minutes_heading_gives_title_committee_and_date():
    m = meta("Borsetshire Council\n\nMinutes of the Housing & Communities\n\nScrutiny Committee\n\n"
             "14 May 2025 at 2.00 pm\n\nMembers Present:-\n\n1 Apologies for Absence")
    assert m["title"] == "Minutes of the Housing & Communities Scrutiny Committee"
    assert m["committee"] == "Housing & Communities Scrutiny Committee"
    assert m["report_date"] == "2025-05-14"


def test_meeting_held_in_a_named_place():
    m = meta("MINUTES of a meeting of the Cabinet held in the Council Chamber, County Hall, Barchester on "
             "Thursday, 6 February 2025.\n\nPRESENT: Mr A Smith (Chairman)")
    assert (m["committee"], m["report_date"]) == ("Cabinet", "2025-02-06")


def test_bilingual_letterhead_and_wrapped_capitals_are_not_the_title():
    m = meta("CYNGOR SIR ENGHREIFFTIOL\n\nEXAMPLE COUNTY COUNCIL\n\nCABINET MEETING: 12 MARCH 2019\n\n"
             "REPORT OF THE CORPORATE DIRECTOR,\n\nPEOPLE & COMMUNITIES\n\nSERVICES\n\nShared Youth Service Update\n\n"
             "1. PURPOSE OF THE REPORT")
    assert m["title"] == "Shared Youth Service Update"
    assert m["report_date"] == "2019-03-12"


def test_item_line_names_the_body_and_a_dated_line_the_date():
    m = meta("Item 6 Housing Forum\n\nLeaseholder Charges Briefing\n\n1. This report responds to the chair.\n\n"
             "Dated 3 October 2016")
    assert m["committee"] == "Housing Forum"
    assert m["report_date"] == "2016-10-03"


def test_a_known_label_ends_a_run_together_value():
    m = meta("Subject: Future of Youth Services at Brook and Mill Family Hubs Summary: Cabinet must reconsider.")
    assert m["title"] == "Future of Youth Services at Brook and Mill Family Hubs"


def test_a_dated_row_at_the_end_gives_the_date_when_the_front_sheet_has_only_a_month():
    body = "".join(f"{n}. The council will continue the programme.\n\n" for n in range(1, 50))
    m = meta("Date:\n\nFebruary 2015\n\nReport title: Estate Renewal\n\n" + body + "Version Final\n\nDated 17 February 2015")
    assert m["report_date"] == "2015-02-17"
