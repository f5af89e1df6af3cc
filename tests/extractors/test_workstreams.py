"""Workstreams: cued lists, bold lead-ins, tables with a lead column, 'Led by' headings."""
from tests.conftest import run_until


def ws(text: str, markdown: bool = False) -> dict[str, str | None]:
    return {c.data["name"]: c.data["lead"] for c in run_until(text, "workstreams", markdown)[1]}


def test_bold_lead_ins_with_hosts_and_leads():
    text = ("The current joint activity between East Lothian Council and Midlothian Council is as follows:\n\n"
            "- **Contact Centre** – East Lothian continues to host the out of hours service.\n"
            "- **Health & Safety** – Midlothian leads on a joint managerial arrangement.\n"
            "- **Travel** – a joint bus route has been approved.\n")
    assert ws(text, markdown=True) == {"Contact Centre": "East Lothian Council",
                                       "Health & Safety": "Midlothian Council", "Travel": None}


def test_items_after_a_cue_phrase():
    text = ("Officers are working in the following priority areas:\n\n• Special Educational Needs (SEN);\n• ICT;\n"
            "• Waste; and\n• Highways.\n\n3. Update")
    assert list(ws(text)) == ["Special Educational Needs (SEN)", "ICT", "Waste", "Highways"]


def test_led_by_headings():
    text = ("Appendix 1\n\nWaste – Led by Kent County Council\n\nWorkstream purpose – a long-term vision.\n\n"
            "Highways – Led by Surrey County Council\n\nWorkstream purpose – a joint client group.")
    assert ws(text) == {"Waste": "Kent County Council", "Highways": "Surrey County Council"}


def test_table_with_a_lead_column():
    text = ("| Workstream | Lead council |\n|---|---|\n| Revenues | Wychavon District Council |\n"
            "| ICT | Worcester City Council |\n")
    assert ws(text, markdown=True) == {"Revenues": "Wychavon District Council", "ICT": "Worcester City Council"}


def test_ordinary_headings_and_objectives_are_not_workstreams():
    text = ("1. Background\n\n1.1 Text.\n\n2. Financial Implications\n\n2.1 None.\n\n"
            "It sets out several commonly agreed objectives:\n\n• To improve efficiency across the councils.\n")
    assert ws(text) == {}


def test_staff_counts_budget_lines_clauses_and_report_aims_are_not_workstreams():
    text = ("The shared team in each of the priority areas:\n\n• Three family support workers\n• Parenting programmes\n"
            "• Hearing and language (7)\n\n"
            "The joint reserves held across the partnership are:\n\n- **Legal Reserve** – £0.2m.\n"
            "- **Premises Costs** – £1.1m.\n- **Adult Learning** – a shared service.\n\n"
            "Shared services in the following areas:\n\n• Extra provision within the area is secured\n"
            "• Tall buildings in this area are appropriate\n"
            "• Presenting the refreshed asset plan\n• Developing a shared quality framework\n")
    assert set(ws(text, markdown=True)) == {"Adult Learning", "Parenting programmes",
                                            "Developing a shared quality framework"}


def test_lead_from_a_lead_body_phrase_or_a_council_place_in_the_mention():
    text = ("Midlothian Council and Fife Council work jointly in these areas:\n\n"
            "- **Rural Funding** – a joint approach to funding bids, with Fife agreeing to be lead accountable "
            "body for 2024-27.\n"
            "- **Equality Officer** – sharing an officer for cover. The Midlothian Equalities Officer is providing "
            "this service for both councils.\n")
    found = run_until(text, "workstreams", markdown=True)[1]
    names = {c.data["name"]: c.data["lead"] for c in found}
    orgs = {c.data["name"] for c in run_until(text, "organisations", markdown=True)[1]}
    assert {"Midlothian Council", "Fife Council"} <= orgs
    assert names == {"Rural Funding": "Fife Council", "Equality Officer": "Midlothian Council"}


def test_stage_items_drop_a_long_aside():
    text = ("The scheme has three stages:\n\n"
            "- Stage One: Options and Outline Business Case\n"
            "- Stage Two: Consultation and Scheme Approval (the business case will go to the Secretary of State "
            "for approval before any charge is made, as the Act requires) and further text about the process\n")
    assert set(ws(text, markdown=True)) == {"Stage One: Options and Outline Business Case",
                                            "Stage Two: Consultation and Scheme Approval"}


def test_areas_named_in_a_sentence_about_working_together():
    text = ("At the conference the councils agreed to work closer together on areas such as fleet maintenance, "
            "school transport and asset collaboration, which will save money. Officers collaborate in pursuit of "
            "value for money and better services.")
    assert set(ws(text)) == {"fleet maintenance", "school transport", "asset collaboration"}


def test_a_report_listing_no_areas_is_about_the_one_in_its_title():
    text = ("Title of report: Town Centre Regeneration – Early refurbishment of Market Street shops\n\n"
            "1. The Cabinet Member is asked to approve the re-phasing of the works.")
    assert list(ws(text)) == ["Early refurbishment of Market Street shops"]


def test_a_title_naming_a_kind_of_report_is_not_a_workstream():
    assert ws("Title of report: Estate Disposal Briefing\n\n1. This report answers the chair's questions.") == {}
    assert ws("FLYING START DEVELOPMENT\n\n1. The programme grows next year.") == {}


def test_numbered_paragraphs_under_the_following_headings():
    text = ("The request asked for spending under the following headings.\n\n"
            "7. Cost of site security - These costs cover guarding the empty blocks.\n\n"
            "Further security works totalled £1.2 million.\n\n"
            "8. Cost of leaseholder buy outs etc. — Acquisitions cost £28 million.\n\n"
            "9. Cost of re-housing tenants - Home loss payments were £5 million.\n\n"
            "10. The council will report again in March.")
    assert list(ws(text)) == ["Cost of site security", "Cost of leaseholder buy outs etc.", "Cost of re-housing tenants"]


def test_minutes_are_not_a_workstream():
    assert ws("Minutes of the Housing & Communities Scrutiny Committee\n\n1. Apologies for absence") == {}


def test_reports_on_a_decision_form_are_not_workstreams():
    text = ("Subject: Q1 2024/25 Corporate Risk Report - Transport\n\nDecision: noted.\n\n"
            "Subject: Residents Parking Permits\n\nDecision: approved.")
    assert list(ws(text)) == ["Residents Parking Permits"]
