"""Metadata: front-sheet fields in their usual forms."""

from pipelines.learn.store import apply_model
from tests.conftest import run_until


def rules_only(cands):
    """The candidates the pipeline keeps without a learned model: proposals (``cand-`` rules) are dropped."""
    return apply_model(None, None, cands)  # type: ignore[arg-type]


def meta(text: str, markdown: bool = False) -> dict[str, str]:
    out: dict[str, tuple[float, str]] = {}
    for c in rules_only(run_until(text, "metadata", markdown)[1]):
        k = c.data["key"]
        if k not in out or c.confidence > out[k][0]:
            out[k] = (c.confidence, c.data["value"])
    return {k: v for k, (_, v) in out.items()}


def test_report_to_date_by_title_blocks():
    m = meta(
        "Report to:\n\nGovernance Committee\n\nDate:\n\n30 September 2021\n\nBy:\n\nAssistant Chief Executive\n\n"
        "Title of report:\n\nShared Legal Services\n\nPurpose of report:\n\nTo update the Committee."
    )
    assert m["committee"] == "Governance Committee"
    assert m["report_date"] == "2021-09-30"
    assert m["author"] == "Assistant Chief Executive"
    assert m["title"] == "Shared Legal Services"
    assert m["purpose"] == "To update the Committee."


def test_from_to_subject_form():
    m = meta(
        "From: Jane Smith, Cabinet Member for Finance\n\nTo: Cabinet - 30 January 2025\n\n"
        "Subject: Shared Audit Service\n\nDecision no: 24/00109\n\n1. Introduction\n\n1.1 Text."
    )
    assert m["committee"] == "Cabinet"
    assert m["report_date"] == "2025-01-30"
    assert m["title"] == "Shared Audit Service"
    assert m["author"].startswith("Jane Smith")
    assert m["reference"] == "24/00109"


def test_a_letter_s_subject_under_its_salutation_is_its_title():
    letter = (
        "Lowbury Town Council\nTown Hall, Market Place, Lowbury\n\nPlanning Policy Team\nWestshire District Council\n\n"
        "15 September 2024\n\nDear Sir or Madam,\n\n{subject}\n\nThe Town Council considered the consultation "
        "at its meeting on 10 September 2024.\n\nYours faithfully,\n\nAnn Holt\nTown Clerk\n"
    )
    assert meta(letter.format(subject="Re: Response to the Local Plan consultation"))["title"] == (
        "Response to the Local Plan consultation"
    )
    assert meta(letter.format(subject="I write on behalf of the Town Council.")).get("title") != (
        "I write on behalf of the Town Council."
    )  # a sentence, not a subject line


def test_a_form_row_s_value_is_its_whole_cell_even_with_a_colon_inside():
    m = meta(
        "| Report to: | Scrutiny Committee |\n| Date: | 19 February 2025 |\n"
        "| Title: | Shared Services with Lowbury: Annual Update |\n\n1. Introduction\n\n1.1 Text.\n",
        markdown=True,
    )
    assert m["title"] == "Shared Services with Lowbury: Annual Update"
    assert m["committee"] == "Scrutiny Committee"


def test_run_together_fields_are_split():
    m = meta(
        "Meeting: Cabinet Date: 11 March 2026\n\nSubject: Finance Team Resourcing\n\nReport Of: Head of Paid Service"
    )
    assert (m["committee"], m["report_date"], m["author"]) == ("Cabinet", "2026-03-11", "Head of Paid Service")


def test_decision_sentence_and_first_heading():
    m = meta(
        "Demolition of Old Mill Court\n\nDecision:\n\nThe demolition has been approved.\n\n"
        "This decision was authorised by the Cabinet at its meeting on Tuesday, 27 July 2021."
    )
    assert m["title"] == "Demolition of Old Mill Court"
    assert m["committee"] == "Cabinet"
    assert m["report_date"] == "2021-07-27"


def test_minutes_heading_and_letterhead():
    m = meta(
        "NORTH YORKSHIRE COUNTY COUNCIL\n\nMINUTES of the meeting of the Executive held on 14 May 2019\n\n"
        "12. Joint procurement"
    )
    assert m["committee"] == "Executive"
    assert m["report_date"] == "2019-05-14"
    assert m["council"] == "North Yorkshire County Council"


def test_committee_from_the_asked_to_subject():
    m = meta("Partnership Update\n\nRecommendations\n\nCouncil is asked to:\n\na) Note the position.")
    assert m["committee"] == "Council"


def test_value_wrapping_onto_the_next_line_is_joined():
    m = meta(
        "Decision maker:\n\nCabinet Member for Housing,\n\nPlanning and Transport\n\n"
        "REPORT OF DIRECTOR OF ADULT SOCIAL CARE AND\n\nHEALTH\n\nTitle of report: Shared Care Brokerage"
    )
    assert m["committee"] == "Cabinet Member for Housing, Planning and Transport"
    assert m["author"] == "DIRECTOR OF ADULT SOCIAL CARE AND HEALTH"


def test_minutes_heading_gives_title_committee_and_date():
    m = meta(
        "Borsetshire Council\n\nMinutes of the Housing & Communities\n\nScrutiny Committee\n\n"
        "14 May 2025 at 2.00 pm\n\nMembers Present:-\n\n1 Apologies for Absence"
    )
    assert m["title"] == "Minutes of the Housing & Communities Scrutiny Committee"
    assert m["committee"] == "Housing & Communities Scrutiny Committee"
    assert m["report_date"] == "2025-05-14"


def test_meeting_held_in_a_named_place():
    m = meta(
        "MINUTES of a meeting of the Cabinet held in the Council Chamber, County Hall, Barchester on "
        "Thursday, 6 February 2025.\n\nPRESENT: Mr A Smith (Chairman)"
    )
    assert (m["committee"], m["report_date"]) == ("Cabinet", "2025-02-06")


def test_bilingual_letterhead_and_wrapped_capitals_are_not_the_title():
    m = meta(
        "CYNGOR SIR ENGHREIFFTIOL\n\nEXAMPLE COUNTY COUNCIL\n\nCABINET MEETING: 12 MARCH 2019\n\n"
        "REPORT OF THE CORPORATE DIRECTOR,\n\nPEOPLE & COMMUNITIES\n\nSERVICES\n\nShared Youth Service Update\n\n"
        "1. PURPOSE OF THE REPORT"
    )
    assert m["title"] == "Shared Youth Service Update"
    assert m["report_date"] == "2019-03-12"


def test_item_line_names_the_body_and_a_dated_line_the_date():
    m = meta(
        "Item 6 Housing Forum\n\nLeaseholder Charges Briefing\n\n1. This report responds to the chair.\n\n"
        "Dated 3 October 2016"
    )
    assert m["committee"] == "Housing Forum"
    assert m["report_date"] == "2016-10-03"


def test_an_item_line_whose_body_word_starts_another_name_names_no_body():
    m = meta("Notes of the meeting\n\nItem 5: Cabinet Office Update (Jo Bell)\n\nThe Office has published its plan.\n")
    assert m.get("committee") != "Cabinet"


def test_a_known_label_ends_a_run_together_value():
    m = meta("Subject: Future of Youth Services at Brook and Mill Family Hubs Summary: Cabinet must reconsider.")
    assert m["title"] == "Future of Youth Services at Brook and Mill Family Hubs"


def test_a_dated_row_at_the_end_gives_the_date_when_the_front_sheet_has_only_a_month():
    body = "".join(f"{n}. The council will continue the programme.\n\n" for n in range(1, 50))
    m = meta(
        "Date:\n\nFebruary 2015\n\nReport title: Estate Renewal\n\n" + body + "Version Final\n\nDated 17 February 2015"
    )
    assert m["report_date"] == "2015-02-17"


# ---- layout: the largest type on page 1, values wrapped onto the next line, the council


def _pdf_meta(tmp_path, lines: list[tuple[str, float]], name: str = "r.pdf") -> dict[str, str]:
    from extract import load_document
    from pipelines.extractors import EXTRACTORS
    from pipelines.extractors.base import Context
    from tests.extract.test_layout import _pdf

    path = tmp_path / name
    path.write_bytes(_pdf(lines))
    ctx = Context(document=load_document(str(path)), nlp=None, has_model=False)
    for extractor in EXTRACTORS:
        ctx.results[extractor.field] = extractor.find(ctx)
        if extractor.field == "metadata":
            break
    out: dict[str, tuple[float, str]] = {}
    for c in rules_only(ctx.results["metadata"]):
        k = c.data["key"]
        if k not in out or c.confidence > out[k][0]:
            out[k] = (c.confidence, c.data["value"])
    return {k: v for k, (_, v) in out.items()}


BODY = [
    ("1. Introduction", 11),
    ("1.1 The council reviewed how residents use the service over the last year.", 11),
    ("1.2 The review found that demand had moved online and to weekend opening.", 11),
]


def test_largest_type_is_the_title_when_nothing_is_labelled(tmp_path):
    m = _pdf_meta(tmp_path, [("Wychavon District Council", 12), ("Community Transport Review", 22), *BODY])
    assert m["title"] == "Community Transport Review"
    assert m["council"] == "Wychavon District Council"


def test_largest_type_naming_a_body_is_the_committee_and_an_agenda_title(tmp_path):
    m = _pdf_meta(
        tmp_path,
        [
            ("Licensing Sub-Committee", 20),
            ("Membership:", 11),
            ("Councillors: A Jones, B Patel", 11),
            ("A meeting of the Licensing Sub-Committee will be held on the date below.", 11),
            *BODY,
        ],
    )
    assert m["committee"] == "Licensing Sub-Committee"
    assert m["title"] == "Licensing Sub-Committee agenda"


def test_largest_type_that_is_a_date_or_a_year_is_no_title(tmp_path):
    m = _pdf_meta(tmp_path, [("Municipal Year 2024 - 2025", 18), ("Scrutiny Panel", 11), ("14 May 2024", 11), *BODY])
    assert "Municipal" not in m.get("title", "")


def test_a_labelled_value_wrapped_onto_the_next_line_is_joined_by_layout(tmp_path):
    m = _pdf_meta(
        tmp_path,
        [
            ("Subject: Review of the Joint Waste Collection", 11),
            ("Contract Arrangements", 11),
            ("Classification: Unrestricted", 11),
            *BODY,
        ],
    )
    assert m["title"] == "Review of the Joint Waste Collection Contract Arrangements"


def test_decision_form_label_alone_on_its_line_and_the_deciding_role():
    m = meta(
        "RECORD OF DECISION\n\nDecision to be taken by:\n\nCllr Jo Bloggs, Cabinet Member for Housing\n\n"
        "Subject Matter / Title of Decision\n\nRiverside Estate Repairs Programme\n\nDecision:\n\n"
        "As Cabinet Member for Housing I agree to approve the programme."
    )
    assert m["title"] == "Riverside Estate Repairs Programme"
    assert m["committee"] == "Cabinet Member for Housing"
    assert m["author"] == "Cllr Jo Bloggs, Cabinet Member for Housing"


def test_committee_with_the_meeting_date_run_on():
    m = meta("From: Leader of the Council\n\nTo: County Council 12th March 2024\n\nSubject: Council Tax Setting")
    assert m["committee"] == "County Council"
    assert m["report_date"] == "2024-03-12"


def test_council_must_be_a_council_the_register_knows():
    m = meta("Report to Wychavon District Council\n\nLeisure Centre Contract\n\n1. Purpose\n\n1.1 Text.")
    assert m["council"] == "Wychavon District Council"
    # a council the register does not hold (a town or community council) is kept as its letterhead has it
    m = meta("BORSETSHIRE VALE TOWN COUNCIL\n\nLeisure Centre Contract\n\n1. Purpose\n\n1.1 Text.")
    assert m["council"] == "Borsetshire Vale Town Council"
    m = meta("Report to the Borsetshire Valley Council\n\nLeisure Centre Contract\n\n1. Purpose\n\n1.1 Text.")
    assert "council" not in m
    # a name the register knows only in part ("... West Somerset Council") is not cut down to that part
    m = meta("Wessex Vale and West Somerset Council\n\nLeisure Centre Contract\n\n1. Purpose\n\n1.1 Text.")
    assert m.get("council") != "West Somerset Council"


def test_minutes_heading_that_holds_the_meeting():
    m = meta(
        "Minutes of the meeting of Little Borsley Parish Council held on Monday 3rd March 2008 at 7.30pm "
        "in the Village Hall\n\nPresent: Cllr A Smith (Chairman), Cllr B Jones\n\n1. Apologies\n\nNone."
    )
    assert m["title"] == "Minutes of the meeting of Little Borsley Parish Council"
    assert m["committee"] == "Little Borsley Parish Council"
    assert m["report_date"] == "2008-03-03"


def test_minute_taker_is_the_author_of_minutes():
    m = meta("Highways Joint Board\n\nDate: 4 June 2019 Minutes taken by: Sam Okafor\n\nPresent: Cllr A Smith")
    assert m["author"] == "Sam Okafor"


def test_running_header_names_the_report(tmp_path):
    from extract import load_document
    from pipelines.extractors import EXTRACTORS
    from pipelines.extractors.base import Context
    from tests.extract.makers import make_pdf

    path = tmp_path / "a.pdf"
    path.write_bytes(
        make_pdf(
            [["PRIORITY 1", "We said we would open two hubs."], ["PRIORITY 2", "We opened them."]],
            header="Appendix B: Safer Borsetshire Partnership Annual Report 2019/20",
        )
    )
    ctx = Context(document=load_document(str(path)), nlp=None, has_model=False)
    for extractor in EXTRACTORS:
        ctx.results[extractor.field] = extractor.find(ctx)
        if extractor.field == "metadata":
            break
    best = max((c for c in ctx.results["metadata"] if c.data["key"] == "title"), key=lambda c: c.confidence)
    assert best.data["value"] == "Safer Borsetshire Partnership Annual Report 2019/20"


def test_council_from_the_contact_officers_email_domain():
    m = meta("Leisure Centre Contract\n\nContact officer: Ann Lee, ann.lee@wychavon.gov.uk\n\n1. Purpose\n\n1.1 Text.")
    assert m["council"] == "Wychavon District Council"
    m = meta(
        "Leisure Centre Contract\n\nContact officer: Ann Lee, ann.lee@borsetshire.gov.uk\n\n1. Purpose\n\n1.1 Text."
    )
    assert "council" not in m


def test_a_bodys_name_in_large_type_is_not_the_title(tmp_path):
    m = _pdf_meta(
        tmp_path, [("Housing and Communities Cabinet Board", 18), ("Report of the Head of Housing", 12), *BODY]
    )
    assert m["committee"] == "Housing and Communities Cabinet Board"
    assert m.get("title") != "Housing and Communities Cabinet Board"
    assert m["author"] == "the Head of Housing"


def test_front_sheet_fields_in_one_line_of_minutes():
    m = meta(
        "Pensions Panel\n\nDate: 2nd May 2017 Chair: Cllr R Patel Minute taker: Jo Evans Venue: Town Hall\n\n"
        "Present: Cllr R Patel, Cllr S Moore"
    )
    assert m["author"] == "Jo Evans"
    assert m["report_date"] == "2017-05-02"


def test_minutes_without_the_body_in_the_heading_take_it_from_the_letterhead():
    m = meta(
        "LITTLE BORSLEY COMMUNITY COUNCIL\n\nMinutes of the Annual Meeting held on Tuesday 6th May 2008 at 7pm "
        "in the Village Hall\n\nPresent: Cllr A Smith (Chair)\n\n1. Apologies\n\nNone."
    )
    assert m["committee"] == "Little Borsley Community Council"
    assert m["report_date"] == "2008-05-06"
    assert m.get("title") != "Minutes of the Annual Meeting"


def test_health_and_wellbeing_board_paper_labels():
    m = meta(
        "Health and Wellbeing Board\n\nDate of Board: 14 January 2016\n\nTitle of paper: Better Care Fund Plan\n\n"
        "Prepared by: Director of Public Health\n\n1. Summary\n\n1.1 Text."
    )
    assert m["title"] == "Better Care Fund Plan"
    assert m["report_date"] == "2016-01-14"
    assert m["author"] == "Director of Public Health"
    assert m["committee"] == "Health and Wellbeing Board"


def test_classification_markings_in_large_type_are_no_title(tmp_path):
    m = _pdf_meta(tmp_path, [("OFFICIAL", 20), ("Highways Asset Management Plan", 16), *BODY])
    assert m["title"] != "OFFICIAL"


def test_minutes_heading_of_a_one_word_body():
    m = meta(
        "MINUTES of a meeting of the Executive held in the Council Chamber, Town Hall on Thursday, 2 May 2019.\n\n"
        "PRESENT: Cllr A Smith (Chairman)"
    )
    assert (m["committee"], m["report_date"]) == ("Executive", "2019-05-02")
    assert m["title"] == "MINUTES of a meeting of the Executive"


def test_a_value_wrapped_just_above_the_next_label_is_joined(tmp_path):
    m = _pdf_meta(
        tmp_path,
        [
            ("DECISION TO BE TAKEN BY:", 12),
            ("Cllr Jo Bloggs, Cabinet Member for Adult Social", 12),
            ("Care", 12),
            ("DECISION NUMBER:", 12),
            ("19/00042", 12),
            *BODY,
        ],
    )
    assert m["committee"] == "Cabinet Member for Adult Social Care"


def test_a_label_split_over_two_lines_is_not_joined_to_the_value_above():
    m = meta("REPORT TITLE:\n\nHIGHWAYS MAINTENANCE\n\nRESPONSIBLE\n\nOFFICER:\n\nDIRECTOR OF PLACE")
    assert m["title"] == "HIGHWAYS MAINTENANCE"


def test_bilingual_labels_english_then_welsh():
    m = meta(
        "Report to / Adroddiad i: Cabinet\n\nDate / Dyddiad: 9 October 2012\n\n"
        "Subject / Pwnc: Flying Start Expansion\n\nReport by / Adroddiad gan: Head of Children's Services"
    )
    assert (m["committee"], m["report_date"], m["title"]) == ("Cabinet", "2012-10-09", "Flying Start Expansion")
    assert m["author"] == "Head of Children's Services"


def test_bilingual_labels_welsh_then_english():
    m = meta(
        "Adroddiad i / Report to: Cabinet\n\nDyddiad / Date: 9 October 2012\n\nPwnc / Subject: Youth Service Review"
    )
    assert (m["committee"], m["report_date"], m["title"]) == ("Cabinet", "2012-10-09", "Youth Service Review")


def test_body_and_meeting_date_in_one_heading():
    m = meta(
        "CABINET – 12 MARCH 2020\n\nLIBRARY STRATEGY REVIEW\n\nReport of the Director of Communities\n\n"
        "1. Purpose\n\n1.1 Text."
    )
    assert (m["committee"], m["report_date"], m["title"]) == ("CABINET", "2020-03-12", "LIBRARY STRATEGY REVIEW")
    m = meta("Meeting of the Cabinet, Tuesday 4 March 2014\n\nHousing Allocations Policy\n\n1. Purpose\n\n1.1 Text.")
    assert (m["committee"], m["report_date"], m["title"]) == ("Cabinet", "2014-03-04", "Housing Allocations Policy")


def test_report_to_a_body_on_a_date_without_a_colon():
    m = meta("Report to the Cabinet on 4 March 2014\n\nHousing Allocations Policy\n\n1. Purpose\n\n1.1 Text.")
    assert m["committee"] == "the Cabinet" and m["report_date"] == "2014-03-04"


def test_a_title_may_carry_a_financial_year_but_not_a_date():
    m = meta(
        "REGENERATION COMMITTEE\n\n4TH SEPTEMBER 2003\n\nREPORT OF THE DIRECTOR OF REGENERATION\n\n"
        "NEIGHBOURHOOD RENEWAL FUND ALLOCATIONS 2003/04\n\n1. PURPOSE OF REPORT\n\n1.1 Text."
    )
    assert m["title"] == "NEIGHBOURHOOD RENEWAL FUND ALLOCATIONS 2003/04"
    assert (m["committee"], m["report_date"]) == ("REGENERATION COMMITTEE", "2003-09-04")


def test_a_decision_category_is_no_title():
    m = meta(
        "Report to the Streetcare Cabinet Board\n\n12th March 2013\n\nMatter for Decision\n\n"
        "Winter Gritting Policy\n\n1. Purpose of Report\n\n1.1 Text here."
    )
    assert m["title"] == "Winter Gritting Policy"


def test_a_generic_title_in_large_type_takes_the_name_set_large_above_it(tmp_path):
    m = _pdf_meta(tmp_path, [("Safer Borsetshire Partnership", 18), ("Annual Report 2010-11", 26), *BODY])
    assert m["title"] == "Safer Borsetshire Partnership Annual Report 2010-11"
    m = _pdf_meta(tmp_path, [("Wychavon District Council", 18), ("Annual Report 2010-11", 26), *BODY], name="c.pdf")
    assert m["title"] == "Annual Report 2010-11"


def test_meeting_page_heading_with_its_date_and_time():
    m = meta(
        "# Agenda and minutes\n\n## Licensing Panel - Tuesday, 4th March, 2014 6.30 pm\n\n- Attendance details\n\n"
        "### 1. Apologies for absence\n\nNone.",
        markdown=True,
    )
    assert (m["committee"], m["report_date"]) == ("Licensing Panel", "2014-03-04")
    assert m["title"] == "Licensing Panel"
    m = meta(
        "# Agenda and minutes\n\n## Cabinet - Tuesday, 4th March, 2014 6.30 pm\n\n### 1. Apologies\n\nNone.",
        markdown=True,
    )
    assert (m["committee"], m["report_date"]) == ("Cabinet", "2014-03-04")


def test_a_decision_record_is_dated_where_it_is_signed():
    m = meta(
        "RECORD OF DECISION\n\nDecision to be taken by:\n\nCllr Jo Bloggs, Cabinet Member for Housing\n\n"
        "Subject Matter / Title of Decision\n\nRiverside Estate Repairs Programme\n\nDecision:\n\n"
        "I agree to approve the programme in 2025.\n\nSigned:\n\n3/2/2025\n\n.........................."
    )
    assert m["report_date"] == "2025-02-03"
    m = meta("Riverside Estate Repairs Programme\n\n1. Purpose\n\n1.1 To approve the programme.\n\n3/2/2025")
    assert "report_date" not in m  # only a decision form is dated at its foot


def test_front_sheet_table_with_one_word_labels_in_the_first_cell():
    m = meta(
        "| | |\n|---|---|\n| Meeting | Health and Wellbeing Board |\n| Date | 14 January 2016 |\n"
        "| Title | Better Care Fund Plan |\n| Report of | Director of Adult Services |\n\n1. Purpose\n\n1.1 Text.",
        markdown=True,
    )
    assert m == {
        "committee": "Health and Wellbeing Board",
        "report_date": "2016-01-14",
        "title": "Better Care Fund Plan",
        "author": "Director of Adult Services",
    }
    # a table row that only starts with a common word is no field
    m = meta("| | |\n|---|---|\n| Date of the review was agreed | May |\n\n1. Purpose\n\n1.1 Text.", markdown=True)
    assert "report_date" not in m


def test_minutes_heading_in_capitals():
    m = meta(
        "MINUTES OF THE MEETING OF LITTLE BORSLEY COMMUNITY COUNCIL HELD ON 3RD MARCH 2008 AT THE VILLAGE HALL\n\n"
        "PRESENT: CLLR A SMITH"
    )
    assert m["committee"].lower() == "little borsley community council"
    assert m["report_date"] == "2008-03-03"


def test_a_title_ending_in_a_colon_goes_on_to_the_next_line():
    m = meta(
        "Item No.\n\n6.2\n\nDate:\n\n9 May 2017\n\nMeeting Name:\n\nPlanning Committee\n\n"
        "Report title: Development Management planning application:\n\nApplication 17/AP/0042 for: Full Planning Permission\n\n"
        "Ward(s) or groups affected:\n\nRiverside\n\nFrom: Director of Planning"
    )
    assert (
        m["title"]
        == "Development Management planning application: Application 17/AP/0042 for: Full Planning Permission"
    )
    assert m["author"] == "Director of Planning"


def test_a_partnership_name_above_a_generic_annual_report_title():
    m = meta(
        "Marsh Valley Safer Communities Partnership\n\nAnnual Report 2017-18\n\nForeword\n\n"
        "This is the annual report of the partnership for the year."
    )
    assert m["title"] == "Marsh Valley Safer Communities Partnership Annual Report 2017-18"


def test_a_plain_text_header_of_capitals_lines_without_blank_lines():
    m = meta(
        "BORCHESTER METROPOLITAN BOROUGH COUNCIL\nHOUSING AND REGENERATION COMMITTEE - 9th September, 2002\n"
        "REPORT OF THE DIRECTOR OF HOUSING\nESTATE RENEWAL PROGRAMME - PHASE 2\n\n"
        "1. PURPOSE\nTo update Members on the estate renewal programme."
    )
    assert m["committee"] == "HOUSING AND REGENERATION COMMITTEE"
    assert m["report_date"] == "2002-09-09"
    assert m["author"] == "THE DIRECTOR OF HOUSING"
    assert m["title"] == "ESTATE RENEWAL PROGRAMME - PHASE 2"


def test_responsible_director_ends_the_author():
    m = meta(
        "Report to: Health and Wellbeing Board\nDate of meeting: 15 March 2024\nReport title: Community Hubs\n"
        "Report author: Sam Patel, Public Health Consultant\nResponsible director: Director of Public Health\n\n"
        "Summary\nThis paper sets out progress."
    )
    assert m["author"] == "Sam Patel, Public Health Consultant"


def test_minutes_under_the_body_name_are_titled_with_it():
    m = meta(
        "Borsetshire Health and Wellbeing Board\n\nMinutes of the meeting held on 12 January 2023\n\n"
        "Present: Cllr A Green (Chair), Dr P Shah\n\nApologies for absence\nNone."
    )
    assert m["committee"] == "Borsetshire Health and Wellbeing Board"
    assert m["title"] == "Minutes of the meeting of Borsetshire Health and Wellbeing Board"
    assert m["report_date"] == "2023-01-12"


def test_a_board_paper_front_sheet_with_sponsoring_director():
    m = meta(
        "Meeting: Borsetshire Health and Wellbeing Board\nMeeting date: Thursday 18 May 2023\n"
        "Title: Joint Health and Wellbeing Strategy Refresh\nSponsoring Director: Director of Public Health\n"
        "Author(s): Priya Nair, Strategy Manager\nAction required: Approve\n\nExecutive Summary\nThe strategy was refreshed."
    )
    assert m["title"] == "Joint Health and Wellbeing Strategy Refresh"
    assert m["committee"] == "Borsetshire Health and Wellbeing Board"
    assert m["report_date"] == "2023-05-18"


def test_a_partnership_name_in_capitals_above_annual_report():
    m = meta(
        "MARSH VALLEY SAFEGUARDING PARTNERSHIP\nANNUAL REPORT 2020/21\n\nPublished: September 2021\n\n"
        "1. Introduction\nThis report sets out the work of the partnership."
    )
    assert m["title"] == "MARSH VALLEY SAFEGUARDING PARTNERSHIP ANNUAL REPORT 2020/21"


def test_a_section_heading_is_not_the_title():
    m = meta(
        "Executive Summary\n\nThe partnership met four times this year.\n\nRecommendations\n\nThe Board is asked to note the report."
    )
    assert m.get("title") not in ("Executive Summary", "Recommendations")


def test_bilingual_labels_with_values_in_both_languages():
    text = (
        "Report to: / Adroddiad i: Executive / Pwyllgor Gwaith\n\nDate: / Dyddiad: 14 March 2023\n\n"
        "Subject: / Pwnc: Joint Waste Strategy\n\n"
        "Report Author: / Awdur yr Adroddiad: Gareth Evans, Waste Manager Tel: 01234 567890\n\n1. Background\n"
    )
    m = meta(text)
    assert m["committee"] == "Executive"
    assert m["report_date"] == "2023-03-14"
    assert m["title"] == "Joint Waste Strategy"
    assert m["author"] == "Gareth Evans, Waste Manager"


def test_front_sheet_lines_in_one_paragraph_and_responsible_officer():
    text = (
        "Northshire County Council\nCabinet\n12 June 2025\n\n# Highways Asset Plan\n\n"
        "| Responsible Officer: | Jane Doe, Director of Highways |\n|---|---|\n\n1. Summary\n\n1.1 The plan is new.\n"
    )
    m = meta(text, markdown=True)
    assert m["committee"] == "Cabinet"
    assert m["author"] == "Jane Doe, Director of Highways"


def test_parish_council_named_in_the_letterhead():
    text = (
        "LOWER MARSH PARISH COUNCIL\n\nMINUTES OF THE MEETING OF THE PARISH COUNCIL HELD ON MONDAY 4TH MARCH 2024 "
        "AT 7PM IN THE VILLAGE HALL\n\nPresent: Cllr A. Jones (Chairman)\n\nApologies: Cllr B. Smith\n\n"
        "Clerk to the Council: Mrs P. Green\n"
    )
    m = meta(text)
    assert m["committee"] == "Lower Marsh Parish Council"
    assert m["author"].startswith("Mrs P. Green")


def test_a_paper_number_or_a_front_matter_field_ends_a_labelled_title():
    assert meta("Title: Shared Parks Service Paper No. 25-14\n\n1. Summary")["title"] == "Shared Parks Service"
    m = meta("title: Autumn Radiology Group Meeting start: 2023-10-02T10:00:00Z tags: events\n\nAgenda")
    assert m["title"] == "Autumn Radiology Group Meeting"


def test_report_by_a_role_on_a_topic_names_the_role_not_the_topic():
    ctx, cands = run_until(
        "Paper No. 26-18\n\nReport by the Assistant Chief Executive on Round 31 of the Westshire Grant Fund\n\n"
        "1. Summary\n\nText here.",
        "metadata",
    )
    authors = {c.data["value"] for c in cands if c.data["key"] == "author" and not c.rule.startswith("cand-")}
    assert authors == {"Assistant Chief Executive"}


def test_a_title_set_over_headings_that_carry_on_is_one_title():
    m = meta(
        "# The Riverside Parks\n\n# and Open Spaces Strategy\n\n## Introduction\n\nThe strategy sets out ...\n", True
    )
    assert m["title"] == "The Riverside Parks and Open Spaces Strategy"


def test_the_committee_is_the_body_not_the_meeting_it_held():
    m = meta("Minutes of Meeting (no.212) of Elmford Community Council\n\n4th March 2026, 19:00.\n\n1. Apologies\n")
    assert m["committee"] == "Elmford Community Council"


def test_a_report_titled_after_a_partnership_under_its_agenda_item_marker_keeps_its_title(tmp_path):
    from extract import load_document
    from pipelines.extractors import Context
    from pipelines.extractors.metadata import MetadataExtractor
    from tests.extract.makers import make_pdf

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(
        make_pdf(
            [
                [
                    "Agenda Item 7",
                    "# Review of the Westshire Waste Partnership",
                    "Report of: Head of Waste",
                    "Meeting: Scrutiny Committee",
                    "Date: 16 January 2025",
                    "1. Introduction",
                    "1.1 The partnership was set up in 2021.",
                ]
            ],
            header="",
        )
    )
    cands = MetadataExtractor().find(Context(document=load_document(pdf)))
    titles = {c.data["value"]: c.rule for c in rules_only(cands) if c.data["key"] == "title"}
    assert "Review of the Westshire Waste Partnership" in titles
    assert not any(t.endswith(" agenda") for t in titles)  # "Agenda Item 7" marks a report, not an agenda


def test_a_minutes_heading_naming_the_body_over_a_line_naming_the_meeting():
    m = meta(
        "# Minutes of the Elmford Building Control Joint Committee\n\n"
        "**Meeting held on Tuesday 4 March 2025 at 6.00 pm, Council Chamber**\n\n## 1. Apologies\n\nNone.\n",
        markdown=True,
    )
    assert m["committee"] == "Elmford Building Control Joint Committee"
    assert m["report_date"] == "2025-03-04"
    assert m["title"] == "Minutes of the Elmford Building Control Joint Committee"


def test_a_minutes_heading_of_the_body_meeting_held_on_a_date():
    m = meta("Minutes of the Lowbury Parish Council Meeting held on 3 May 2024 at the Village Hall\n\n1. Apologies\n")
    assert m["committee"] == "Lowbury Parish Council"
    assert m["report_date"] == "2024-05-03"
