"""Partners: the parties to the arrangement the report is about."""

from pipelines.learn import apply_model
from tests.conftest import run_until


def rule_partners(text: str) -> list:
    """The partner candidates the rules keep: what the pipeline gives without a learned model (proposals dropped)."""
    ctx, cands = run_until(text, "partners")
    return apply_model(ctx, None, cands)


def partners(text: str) -> set[str]:
    return {c.data["name"] for c in rule_partners(text)}


def test_members_listed_in_a_partnership():
    text = (
        "Title of report: Shared Services\n\nThe partnership of three Councils (Adur District Council, Worthing "
        "Borough Council and Arun District Council) works jointly on waste."
    )
    assert partners(text) == {"Adur District Council", "Worthing Borough Council", "Arun District Council"}


def test_agreement_between_two_bodies():
    text = (
        "Decision:\n\nThat Cabinet approves the shared estates agreement between Cheshire Fire and Rescue Service "
        "and Cheshire Constabulary."
    )
    assert partners(text) == {"Cheshire Fire and Rescue Service", "Cheshire Constabulary"}


def test_councils_said_to_share_a_structure_or_service_are_partners():
    for sentence in (
        "Babergh District Council and Mid Suffolk District Council have shared a single officer structure since 2011.",
        "Babergh District Council and Mid Suffolk District Council have a shared service for planning.",
    ):
        assert partners(f"Report to Cabinet\n\nServices\n\n2.1 {sentence}\n") == {
            "Babergh District Council",
            "Mid Suffolk District Council",
        }
    shared_with = "Report to Cabinet\n\nBudget\n\n2.1 The budget was shared with Babergh District Council.\n"
    assert partners(shared_with) == set()


def test_organisation_named_only_in_passing_is_not_a_partner():
    text = (
        "Title of report: Shared ICT with Torbay Council\n\nThe shared service with Torbay Council started in "
        "2019 and works jointly on ICT.\n\nThe Local Government Association published guidance last year."
    )
    found = partners(text)
    assert "Torbay Council" in found and "Local Government Association" not in found


def test_no_organisations_means_no_partners():
    assert partners("The Cabinet approved the demolition of the tower blocks.") == set()


def test_a_body_the_report_keeps_returning_to_is_a_party():
    text = (
        "POWYS COUNTY COUNCIL\n\nREPORT TO CABINET\n\nEarly Years Programme Expansion\n\n"
        "1. The programme was launched by the Welsh Government in 2007.\n\n"
        "2. The Welsh Government set out a phased expansion last year.\n\n"
        "3. The Welsh Government has issued new guidance on eligibility.\n\n"
        "4. The Welsh Government asked each local authority for a plan by March.\n\n"
        "5. The expansion is funded by the Welsh Government grant.\n\n"
        "6. The Local Government Association has published a toolkit."
    )
    found = partners(text)
    assert found == {"Welsh Government", "Powys County Council"}


def test_a_body_named_often_but_never_with_a_cue_is_not():
    text = "Title of report: Library Opening Hours\n\n" + "".join(
        f"{n}. The Arts Council England survey reported figure {n} for visits.\n\n" for n in range(1, 7)
    )
    assert partners(text) == set()


def test_the_author_of_a_partnership_report_is_a_party_even_alone():
    text = (
        "VALUE FOR MONEY\n\nPARTNERSHIP WORKING\n\nEach of the councils will work with Dorset Police Authority on "
        "shared estates.\n\nContact: A Smith, Dorset Police Authority, a.smith@dorsetpa.gov.uk"
    )
    assert partners(text) == {"Dorset Police Authority"}


def test_the_author_of_an_internal_report_is_not():
    text = (
        "Title of report: Library Opening Hours\n\nThe Council will change opening hours.\n\n"
        "Contact: A Smith, Dorset Council, a.smith@dorsetcouncil.gov.uk"
    )
    assert partners(text) == set()


def metadata_of(text: str) -> dict[str, str]:
    ctx = run_until(text, "partners")[0]
    return {c.data["key"]: c.data["value"] for c in ctx.results["metadata"]}


def test_the_authoring_council_fills_the_metadata_with_its_register_id():
    text = (
        "LEICESTERSHIRE COUNTY COUNCIL\n\nReport of the Director of Place\n\nThe Council has run the scheme with "
        "Rutland County Council since 2019.\n\nContact: j.bloggs@leicestershire.gov.uk"
    )
    meta = metadata_of(text)
    assert meta.get("council") == "Leicestershire County Council"
    assert meta.get("council_id") == "lac:LEC/gss:E10000018"


def test_the_author_is_found_by_e_mail_domain_when_the_front_page_names_two_councils():
    from pipelines.extractors.authoring import authoring_council

    text = (
        "Report of the Director of Place\n\nThe Council has run the scheme with Rutland County Council since 2019. "
        "Leicestershire County Council will review it.\n\nContact: j.bloggs@leicestershire.gov.uk"
    )
    ctx, orgs = run_until(text, "organisations")
    ctx.results["metadata"] = []
    author = authoring_council(ctx, orgs)
    assert author and author[0].data["name"] == "Leicestershire County Council" and author[1] == "email-domain"


def test_no_council_named_means_no_authoring_council():
    meta = metadata_of("Report of the Director of Place\n\nThe Council will change its library opening hours.")
    assert "council" not in meta and "council_id" not in meta


def test_an_agenda_has_no_partners_however_often_bodies_are_named():
    text = (
        "AUDIT COMMITTEE AGENDA\n\n1. The Audit Commission will present its annual letter jointly with "
        "Rutland County Council.\n\n2. Rutland County Council will work with the Audit Commission on the plan."
    )
    assert partners(text) == set()


def test_a_network_of_councils_named_for_its_guidance_is_not_a_party():
    text = (
        "Title of report: Shared Legal Service\n\nThe shared service between Rutland County Council and "
        "Leicestershire County Council began in 2019. The County Councils Network published guidance with "
        "the shared services survey."
    )
    assert partners(text) == {"Rutland County Council", "Leicestershire County Council"}


def test_a_commissioning_report_by_one_council_names_it_as_the_party():
    text = (
        "KENT COUNTY COUNCIL\n\nTitle of report: Future of Commissioned Youth Services\n\n"
        "The Council will decide whether to re-commission the services."
    )
    assert partners(text) == {"Kent County Council"}


def test_an_agenda_item_number_does_not_make_a_report_routine():
    text = (
        "AGENDA ITEM 6\n\nCabinet\n\nThe shared service between Rutland County Council and Leicestershire County "
        "Council began in 2019 and the partnership between them will continue."
    )
    assert partners(text) == {"Rutland County Council", "Leicestershire County Council"}


def test_a_planning_application_report_has_no_partners():
    text = (
        "Title of report: Planning application 16/AP/1234 for the redevelopment of the site\n\n"
        "Transport for London and the Greater London Authority were consulted and work with the applicant."
    )
    assert partners(text) == set()


def test_members_of_a_board_listed_in_its_annual_report():
    text = (
        "Title of report: Annual Report of the Health and Wellbeing Board\n\nThe members of the Board include "
        "Rutland County Council, Leicestershire Partnership NHS Trust and Healthwatch Rutland.\n\n"
        "The Care Quality Commission published its inspection in May."
    )
    assert partners(text) == {"Rutland County Council", "Leicestershire Partnership NHS Trust", "Healthwatch Rutland"}


def test_the_only_council_named_again_and_again_is_the_author():
    text = (
        "Title of report: Local Service Board Annual Report\n\n"
        + "".join(f"{n}. Rutland County Council delivered action {n} with the health board.\n\n" for n in range(1, 4))
        + "5. The partnership with Healthwatch Rutland continues."
    )
    meta = metadata_of(text)
    assert meta.get("council") == "Rutland County Council"
    assert "Rutland County Council" in partners(text)


def test_no_register_id_for_a_council_the_metadata_does_not_name():
    from pipelines.extractors.authoring import council_metadata
    from pipelines.extractors.base import Candidate

    text = (
        "LLANFAIR COMMUNITY COUNCIL\n\nMinutes of the meeting held on 12 March 2019\n\n"
        "A letter from Powys County Council about the bus shelter was noted."
    )
    ctx, orgs = run_until(text, "organisations")
    ctx.results["metadata"] = [Candidate("metadata", 0, 26, {"key": "council", "value": "Llanfair Community Council"})]
    powys = next(c for c in orgs if c.data["name"] == "Powys County Council")
    assert council_metadata(ctx, (powys, "front-page")) == []


def test_minutes_of_an_item_about_joint_work_keep_its_parties():
    text = (
        "RUTLAND COUNTY COUNCIL\n\nMINUTES of the meeting of the Cabinet held on 14 May 2019\n\n"
        "12. Shared Legal Service with Leicestershire County Council\n\n"
        "Considered - a shared legal service between Rutland County Council and Leicestershire County Council."
    )
    assert partners(text) == {"Rutland County Council", "Leicestershire County Council"}


def test_bodies_that_are_members_of_the_partnership():
    text = (
        "Title of report: Integrated Care Strategy Delivery Plan\n\nRutland County Council, the NHS and "
        "Leicestershire County Council are statutory members of the Integrated Care Partnership."
    )
    assert {"Rutland County Council", "Leicestershire County Council"} <= partners(text)


def test_a_council_named_only_by_its_domain_s_short_form_is_the_author():
    text = (
        "COMMUNITIES SCRUTINY PANEL\n\nActive Villages Programme Progress Report\n\n"
        "1. NED has expanded the programme into four new villages this year in partnership with Sport England, "
        "which funded the new sessions.\n\n2. Sport England has agreed the new delivery plan with NED.\n\n"
        "Contact: Jo Bloggs, Leisure Manager, j.bloggs@ned.gov.uk"
    )
    assert partners(text) == {"Sport England", "North East Derbyshire District Council"}
    meta = metadata_of(text)
    assert meta.get("council") == "North East Derbyshire District Council" and meta.get("council_id", "").startswith(
        "lac:NED"
    )


def test_a_council_known_only_by_its_addresses_fills_the_metadata_but_is_no_organisation():
    text = (
        "Report of the Head of Regeneration\n\n1. The council will rehouse the tenants of the block this year.\n\n"
        "Background papers: http://www.lewisham.gov.uk/housing/estate-plans"
    )
    ctx, found = run_until(text, "partners")
    assert {c.data["key"]: c.data["value"] for c in ctx.results["metadata"]}.get("council") == (
        "London Borough of Lewisham"
    )
    assert not ctx.results["organisations"] and not found


def test_bodies_a_partnership_report_lists_as_funded_are_parties_kept_for_review():
    text = (
        "Title of report: Community Partnership Annual Review\n\n"
        "Grants this year were awarded to the Alzheimer's Society, Ripon Befriending Trust, the British Red Cross "
        "and the Ripon Hearing Support Trust for their winter projects.\n\n"
        "The Local Government Association, the County Councils Network and the District Councils' Network were "
        "consulted on the report."
    )
    found = {c.data["name"]: c for c in rule_partners(text)}
    assert {"Alzheimer's Society", "British Red Cross", "Ripon Hearing Support Trust"} <= set(found)
    assert "Local Government Association" not in found  # an association of councils needs more than a list
    assert all(c.confidence < 0.5 for n, c in found.items())


def test_a_labelled_list_of_partners_names_each_party():
    text = (
        "NORTH TYNESIDE STRATEGIC PARTNERSHIP\n\nNeighbourhood Renewal Fund Allocations 2005/06\n\n"
        "1. The Fund is used to narrow the gap between the most deprived wards and the rest of the borough.\n\n"
        "Partners consulted: North Tyneside Council, Northumbria Police, North Tyneside Primary Care Trust, "
        "Jobcentre Plus, Voluntary Organisations Development Agency North Tyneside."
    )
    found = partners(text)
    assert {"North Tyneside Council", "Northumbria Police", "North Tyneside Primary Care Trust"} <= found
    assert {"Jobcentre Plus", "Voluntary Organisations Development Agency North Tyneside"} <= found


def test_a_table_column_of_lead_partners_names_parties():
    text = (
        "Crime Reduction Delivery Plan 2006/07\n\nTheme | Lead partner\n\n"
        "Burglary | Durham Constabulary\n\nArson | County Durham and Darlington Fire and Rescue Service\n\n"
        "Youth diversion | Darlington Borough Council\n\nThe plan was agreed in May 2006."
    )
    found = partners(text)
    assert found >= {"Durham Constabulary", "Darlington Borough Council"}
    assert "County Durham and Darlington Fire and Rescue Service" in found


def test_a_single_regeneration_budget_report_is_not_a_routine_budget():
    text = (
        "SINGLE REGENERATION BUDGET ROUND 4 - ANNUAL REVIEW\n\n1. The partnership is made up of "
        "Plymouth City Council, Devon and Cornwall Police and the Plymouth Chamber of Commerce."
    )
    assert {"Plymouth City Council", "Devon and Cornwall Police", "Plymouth Chamber of Commerce"} <= partners(text)


def test_a_bulleted_list_after_its_introduction_names_the_parties():
    text = (
        "# Gateshead Safer Communities Annual Review\n\nThe review covers 2003/04. Our partner organisations are:\n\n"
        "- Gateshead Council\n- Northumbria Police\n- Gateshead Primary Care Trust\n- Gateshead Housing Company\n\n"
        "## Funding\n\nThe review was funded from the Home Office grant."
    )
    found = {c.data["name"] for c in run_until(text, "partners", markdown=True)[1]}
    assert {"Gateshead Council", "Northumbria Police", "Gateshead Primary Care Trust"} <= found
    assert "Gateshead Housing Company" in found


def test_a_bulleted_list_after_the_partnership_consists_of_some_words_including():
    text = (
        "# Westshire Health and Care Plan\n\nThe Westshire Health and Care Partnership consists of organisations "
        "across the county including:\n\n- Westshire Community Healthcare NHS Trust\n- Westshire Hospice\n"
        "- Carers Forum Westshire\n\n## Funding\n\nThe plan is funded from the Better Care Fund."
    )
    found = {c.data["name"] for c in run_until(text, "partners", markdown=True)[1]}
    assert {"Westshire Community Healthcare NHS Trust", "Westshire Hospice", "Carers Forum Westshire"} <= found


def test_bodies_that_are_together_the_subject_of_joint_work_are_parties():
    text = (
        "Briefing Sheet for SACREs\n\nWandsworth, Richmond and Kingston Local Authorities are working together to "
        "update their guidance to schools. The guidance was issued by the Department for Education."
    )
    found = {c.data["name"] for c in rule_partners(text)}
    assert {"London Borough of Wandsworth", "Royal Borough of Kingston upon Thames"} <= found
    assert "Department for Education" not in found


def test_a_joint_contract_in_a_budget_update_names_its_parties_for_review():
    text = (
        "NORTH HERTFORDSHIRE DISTRICT COUNCIL – MARCH UPDATE\n\nAt the meeting of NHDC the budget was agreed. "
        "Currently, we are working towards a joint waste collection contract with East Herts District Council. "
        "The County Council sets its own precept."
    )
    found = {c.data["name"]: c.confidence for c in rule_partners(text)}
    assert found["East Hertfordshire District Council"] < 0.5  # routine business: kept for a person to check
    assert "North Hertfordshire District Council" in found
    assert "Hertfordshire County Council" not in found


def test_a_joint_meeting_in_routine_minutes_makes_no_party():
    text = (
        "Minutes of the meeting of Oakbridge Parish Council\n\nPresent: Cllrs A, B and C\n\nApologies: none\n\n"
        "4. Highways\n\nA joint site visit with Westshire County Council is arranged for May.\n\n"
        "5. Matters arising\n\nNone.\n"
    )
    assert not rule_partners(text)


def test_a_body_named_only_in_the_summary_with_no_joint_work_is_kept_for_review():
    text = (
        "Title of report: Joint Parking Levy Scheme with Swindon Borough Council\n\n"
        "1. Summary\n\n"
        "1.1 An annual Stagecoach travel pass costs £700. The levy with Swindon Borough Council would fund "
        "new routes jointly planned by both councils.\n\n"
        "2. Background\n\n2.1 The scheme was consulted on in 2024.\n"
    )
    found = {c.data["name"]: c.confidence for c in rule_partners(text)}
    assert found["Swindon Borough Council"] >= 0.5
    assert found.get("Stagecoach", 0) < 0.5


def test_the_bodies_a_panels_members_sit_for_are_its_partners():
    text = (
        "Minutes of the Transport Liaison Panel meeting held on 3 May 2022\n\n"
        "Present: Jo Bloggs (Kent County Council), Ann Smith (Kent Police), Sam Lee (Medway Council)\n\n"
        "Also present: Ali Khan (Local Government Association)\n\n"
        "1. Minutes\n\nThe minutes of the last meeting were agreed."
    )
    assert partners(text) == {"Kent County Council", "Kent Police", "Medway Council"}


def test_one_body_attending_a_parish_meeting_makes_no_partnership():
    text = (
        "Minutes of the Parish Council meeting held on 3 May 2022\n\n"
        "Present: Cllr Jo Bloggs (Chair), Cllr Ann Smith\n\nIn attendance: PC Sam Lee (Kent Police)\n\n"
        "1. Minutes\n\nThe minutes of the last meeting were agreed."
    )
    assert partners(text) == set()


def test_a_body_of_the_panels_roll_that_no_register_knows_is_a_partner():
    text = (
        "Minutes of the Data Panel meeting held on 3 May 2022\n\n"
        "Present: Jo Bloggs (Kent County Council), Ann Smith (Kent Police), Sam Lee (Medway Council), "
        "Tom Hart (Chair), Kim Ode (Brightwater Maps)\n\n"
        "1. Minutes\n\nThe minutes of the last meeting were agreed."
    )
    ctx, cands = run_until(text, "partners")
    found = {c.data["name"]: c for c in apply_model(ctx, None, cands)}
    assert set(found) == {"Kent County Council", "Kent Police", "Medway Council", "Brightwater Maps"}
    c = found["Brightwater Maps"]
    assert ctx.text[c.start : c.end] == "Brightwater Maps" and c.rule == "roll-entry"


def test_a_regulator_overseeing_the_joint_work_is_not_a_party():
    text = (
        "Joint working: the shared housing service. Kent County Council and Medway Council agreed a joint housing "
        "service, with the Housing Ombudsman and the Regulator of Social Housing overseeing standards. Kent County "
        "Council and Medway Council will share the service. The Regulator of Social Housing will inspect it."
    )
    found = {c.data["name"] for c in run_until(text, "partners", proposals=True)[1]}
    assert {"Kent County Council", "Medway Council"} <= found
    assert not found & {"Regulator of Social Housing", "Housing Ombudsman"}


def test_bodies_named_only_as_paid_contracted_or_consulted_are_not_partners():
    text = (
        "Title of report: Shared Revenues Partnership\n\n"
        "1.1 The partnership between Babergh District Council and Mid Suffolk District Council runs revenues.\n\n"
        "1.2 The partnership's print contract with Elmford Print Ltd was renewed; the supplier is paid monthly.\n\n"
        "1.3 The partnership consulted the Environment Agency and Historic England on the depot plans.\n\n"
        "1.4 Larchmont Consulting Ltd supported the partnership's review of shared working.\n\n"
        "1.5 Elmford Print Ltd was paid £40,000 by the partnership in 2024.\n\n"
        "1.6 The Environment Agency was consulted by the partnership on flood risk.\n"
    )
    assert partners(text) == {"Babergh District Council", "Mid Suffolk District Council"}


def test_a_table_of_members_and_the_councils_they_sit_for_makes_the_councils_partners():
    by_council = (
        "# Minutes of the Joint Building Control Committee\n\n## Present\n\n| Council | Members |\n|---|---|\n"
        "| Babergh District Council | Cllr Ann Holt (Chair), Cllr Tom Dunmore |\n"
        "| Mid Suffolk District Council | Cllr Ruth Larch |\n| Ipswich Borough Council | Cllr Sam Elm |\n\n"
        "## 1. Minutes\n\nRESOLVED that the minutes be approved.\n"
    )
    by_member = (
        "# Minutes of the Fire Authority\n\n| Councillor | Appointed by |\n|---|---|\n"
        "| Ann Holt (Chair) | Babergh District Council |\n| Tom Dunmore | Mid Suffolk District Council |\n"
        "| Ruth Larch | Ipswich Borough Council |\n\n## 1. Minutes\n\nRESOLVED that the minutes be approved.\n"
    )
    councils = {"Babergh District Council", "Mid Suffolk District Council", "Ipswich Borough Council"}
    for text in (by_council, by_member):
        ctx, cands = run_until(text, "partners", markdown=True)
        assert {c.data["name"] for c in apply_model(ctx, None, cands)} == councils
