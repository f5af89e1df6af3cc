"""Report kind: a rule-based scorer over the title, the front sheet and the headings."""

from pipelines.report_kind import report_kind
from tests.conftest import doc_from


def kind(text: str) -> tuple[str, str]:
    doc = doc_from(text)
    k = report_kind(doc)
    return k.kind, doc.text[k.start : k.end] if k.start is not None else ""


def test_a_partnership_report_by_its_title():
    text = (
        "Report to: Cabinet\n\nDate: 4 May 2022\n\nTitle of report: Shared Services with Northshire District Council\n\n"
        "1. Background\n\n1.1 The two councils agreed in 2019 to explore joint working on revenues and benefits.\n"
    )
    assert kind(text) == ("partnership", "Shared Services")


def test_minutes_by_the_minutes_line_present_and_resolutions():
    text = (
        "WESTSHIRE COUNTY COUNCIL\n\nMINUTES of a meeting of the Cabinet held at County Hall on 3 March 2023.\n\n"
        "PRESENT: Mr A Smith (Chairman), Mrs B Jones\n\n1. Apologies\n\nApologies were received from Mr C Brown.\n\n"
        "2. Joint Waste Partnership update\n\nRESOLVED that the update be noted.\n"
    )
    assert kind(text)[0] == "minutes"


def test_an_agenda_item_about_last_meetings_minutes_is_not_minutes():
    text = (
        "Report to: Audit Committee\n\nSubject: Internal audit progress\n\n1. Purpose\n\n1.1 This report updates "
        "the Committee.\n\n2. Background\n\n2.1 The minutes of the last meeting asked for this update.\n"
    )
    assert kind(text)[0] == "other"


def test_a_decision_record():
    text = (
        "NORTHSHIRE COUNCIL – RECORD OF DECISION\n\nDecision to be taken by: Cabinet Member for Highways\n\n"
        "Decision: To award the resurfacing contract.\n\nReason(s) for decision: The current contract expires.\n"
    )
    assert kind(text) == ("decision", "RECORD OF DECISION")


def test_a_budget_report_wrapped_under_a_title_label():
    text = (
        "REPORT TO: COUNTY COUNCIL\n\nDATE: 12 FEBRUARY 2024\n\nTITLE:\n\nREVENUE BUDGET 2024/25 AND MEDIUM TERM\n\n"
        "FINANCIAL PLAN\n\nRESPONSIBLE OFFICER: DIRECTOR OF FINANCE\n\nPurpose of Report\n\nTo set the budget.\n"
    )
    assert kind(text) == ("budget", "BUDGET")


def test_a_call_in_report_is_scrutiny():
    text = (
        "By: Scrutiny Officer\n\nTo: Cabinet - 2 April 2024\n\nSubject: Call-in of Decision 24/001 - Library "
        "opening hours\n\nSummary: The Scrutiny Committee referred the decision back to Cabinet.\n"
    )
    assert kind(text)[0] == "scrutiny"


def test_a_call_in_note_on_the_front_sheet_does_not_make_a_scrutiny_report():
    text = (
        "To: Cabinet - 2 April 2024\n\nSubject: Library opening hours\n\nIs the decision eligible for call-in? Yes\n\n"
        "1. Introduction\n\n1.1 This report proposes new opening hours.\n"
    )
    assert kind(text)[0] == "other"


def test_terms_of_reference():
    text = (
        "Appendix A\n\nTerms of Reference: Northshire Health and Wellbeing Board\n\n1. Membership\n\n"
        "1.1 The Board has twelve members.\n"
    )
    assert kind(text)[0] == "terms_of_reference"


def test_a_report_with_no_signal_is_other():
    text = "Report to: Planning Committee\n\nSubject: 12 High Street\n\n1. Proposal\n\n1.1 A rear extension.\n"
    assert kind(text) == ("other", "")


def test_a_passing_partnership_name_in_the_body_is_not_enough():
    text = (
        "Subject: Highways maintenance programme\n\n1. Introduction\n\n"
        + "Resurfacing is planned. " * 80
        + "\n\nThe Local Nature Partnership was consulted.\n"
    )
    assert kind(text)[0] == "other"


def test_a_meeting_agenda_is_filed_with_minutes_but_an_agenda_item_number_is_not():
    text = (
        "Northshire Council\n\nAudit Committee\n\nA meeting of the Audit Committee will be held on 3 May 2024 at "
        "7pm.\n\n1. Apologies for absence\n\n2. Internal audit progress report\n"
    )
    assert kind(text)[0] == "minutes"
    text = "AGENDA ITEM 6\n\nCabinet\n\nSubject: Library opening hours\n\n1. Purpose\n\n1.1 New hours.\n"
    assert kind(text)[0] == "other"


def test_the_evidence_span_has_no_leading_or_trailing_space():
    found, quote = kind(
        "NORTH DOWNS DISTRICT COUNCIL\nMINUTES of the meeting of the Cabinet held on 3 May 2022\n\n"
        "Present: Councillor A (Chair)\n\nApologies: none\n"
    )
    assert found == "minutes" and quote and quote == quote.strip()


def test_a_programme_budget_in_the_title_does_not_make_a_budget_report():
    found, _ = kind(
        "REPORT TO: REGENERATION COMMITTEE\nSUBJECT: SINGLE REGENERATION BUDGET ROUND 5 - PROGRESS\n\n"
        "1. Purpose\n1.1 To report progress on the programme.\n"
    )
    assert found != "budget"
    found, _ = kind(
        "Report to: Cabinet\nTitle: Revenue Budget 2024/25 and Medium Term Financial Plan\n\n"
        "1. Purpose\n1.1 To set the budget.\n"
    )
    assert found == "budget"


def test_the_title_set_large_under_an_agenda_item_marker_says_the_kind(tmp_path):
    from extract import load_document
    from tests.extract.makers import make_pdf

    pdf = tmp_path / "report.pdf"
    lines = ["Agenda Item 7", "# Review of the Westshire Coastal Partnership", "Report of: Head of Regeneration"]
    pdf.write_bytes(make_pdf([[*lines, "1. Introduction", "1.1 The scheme began in 2021."]], header=""))
    assert report_kind(load_document(pdf)).kind == "partnership"
