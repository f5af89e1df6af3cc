"""Organisations: gazetteer, patterns, coordination, acronyms, generic references filtered."""

import pytest

from tests.conftest import run_until


def orgs(text: str, nlp=None) -> set[str]:
    return {c.data["name"] for c in run_until(text, "organisations", nlp=nlp)[1]}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Partnership Working: East and West Sussex County Councils",
            {"East Sussex County Council", "West Sussex County Council"},
        ),
        (
            "joint working across Stirling and Clackmannanshire Council",
            {"Stirling Council", "Clackmannanshire Council"},
        ),
        (
            "West Sussex and East Sussex Fire and Rescue Services attended.",
            {"West Sussex Fire and Rescue Service", "East Sussex Fire and Rescue Service"},
        ),
        (
            "a joint approach with Edinburgh, Fife, West Lothian and Scottish Borders.",
            {"City of Edinburgh Council", "Fife Council", "West Lothian Council", "Scottish Borders Council"},
        ),
    ],
    ids=["county-councils", "council-singular", "fire-services", "listed-places"],
)
def test_coordinated_names_are_expanded(text, expected):
    assert expected <= orgs(text)


def test_acronym_defined_in_the_text_is_one_organisation():
    found = run_until("Kent County Council (KCC) leads. KCC will report in May.", "organisations")[1]
    assert {c.data["name"] for c in found} == {"Kent County Council"}
    assert any("KCC" in c.data["aliases"] for c in found)


def test_known_acronyms_and_renamed_departments():
    assert {"Local Government Association", "Ministry of Housing, Communities and Local Government"} <= orgs(
        "Funding from MHCLG was discussed with the LGA."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Council agreed the plan.",
        "Both councils will benefit.",
        "District and Borough Councils were consulted.",
        "The Scrutiny Committee met.",
        "The Chief Executive of the Council reported.",
        "The Task and Finish Group met.",
        "The Tenant Council asked for a briefing; the Tenants’ Council agreed.",
    ],
    ids=["the-council", "both-councils", "generic-plural", "committee", "job-title", "task-group", "tenant-council"],
)
def test_generic_references_are_not_organisations(text):
    assert orgs(text) == set()


def test_titles_before_a_council_are_trimmed():
    assert orgs("Led by Brighton and Hove City Council, the Chief Executive of Surrey County Council spoke.") == {
        "Brighton & Hove City Council",
        "Surrey County Council",
    }


def test_kinds_come_from_the_gazetteer_and_the_name():
    found = {
        c.data["name"]: c.data["kind"]
        for c in run_until(
            "Kent County Council, Medway Council, Sussex Police and the Welsh Government.", "organisations"
        )[1]
    }
    assert found["Kent County Council"] == "county council"
    assert found["Medway Council"] == "unitary"
    assert found["Welsh Government"] == "government department"


def test_evidence_covers_the_whole_name():
    ctx, found = run_until("Update from the Joint Highways Board and Devon County Council.", "organisations")
    assert {ctx.text[c.start : c.end] for c in found} == {"Joint Highways Board", "Devon County Council"}


def test_acronyms_match_only_as_whole_tokens():
    from pipelines.extractors.organisations import whole_tokens

    text = "KCC and B&NES met; KCC-led work, the KCCs and pre-KCC plans. B&NES agreed."
    assert [(k, text[s:e]) for k, s, e in sorted(whole_tokens(text, {"KCC", "B&NES"}), key=lambda x: x[1])] == [
        ("KCC", "KCC"),
        ("B&NES", "B&NES"),
        ("B&NES", "B&NES"),
    ]


def test_council_named_in_capitals_on_a_letterhead():
    assert "Kent County Council" in orgs("KENT COUNTY COUNCIL\nReport to Cabinet")
    assert "London Borough of Hackney" in orgs("LONDON BOROUGH OF HACKNEY\nLicensing Sub-Committee")
    assert "Royal Borough of Windsor and Maidenhead" in orgs("ROYAL BOROUGH OF WINDSOR AND MAIDENHEAD\nCabinet")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Cabinet Approved the South Gloucestershire Council scheme.", {"South Gloucestershire Council"}),
        ("Should Kent County Council agree, work starts in May.", {"Kent County Council"}),
        ("Currently the Council holds the budget.", set()),
        ("The scheme runs across Kent. The Council agreed it.", set()),
        ("Consultees: London Borough of Lambeth London City Airport", {"London Borough of Lambeth"}),
    ],
    ids=["verb-before", "modal-before", "the-council", "sentence-boundary", "run-on-list"],
)
def test_words_before_a_name_are_not_part_of_it(text, expected):
    assert orgs(text) >= expected and not any(
        n.split()[0] in ("Approved", "Should", "Currently", "Kent.") for n in orgs(text)
    )


def test_defined_terms_are_not_organisations_but_defined_bodies_are():
    text = (
        "The Vertical Sky Component (VSC) and Average Daylight Factor (ADF) were tested. "
        "The South West Four (SW4) councils and the Coastal Housing Partnership (CHP) will share data."
    )
    assert orgs(text) == {"South West Four", "Coastal Housing Partnership"}


def test_limited_as_a_company_and_as_a_word():
    assert orgs("Wyvern Surveys Limited was appointed. A Time Limited Debate followed.") == {"Wyvern Surveys Limited"}


def test_only_political_parties_end_in_party():
    assert orgs(
        "The Green Party proposed it. The Garden Party was delivered by Third-Party contractors.", nlp=_nlp()
    ) == {"Green Party"}


def _nlp():
    from pipelines.nlp import build_nlp

    nlp, has_model = build_nlp(True)
    if not has_model:
        pytest.skip("the spaCy model is not installed")
    return nlp


def test_a_mayoral_combined_authority_in_general_is_not_a_body():
    assert orgs("The West of England Combined Authority is a Mayoral Combined Authority.") == {
        "West of England Combined Authority"
    }


def test_a_defined_acronym_for_a_kind_of_body_is_not_a_body():
    assert orgs("Each Unitary Authority (UA) and the Mayoral Combined Authority (MCA) will report.") == set()


def test_a_partnership_named_with_and_without_the_word_is_one_body():
    text = "The Coastal Seven (C7) councils met. The Coastal Seven Partnership agreed the plan."
    assert orgs(text) == {"Coastal Seven"}


def found(text: str) -> dict[str, dict]:
    return {c.data["name"]: c.data for c in run_until(text, "organisations")[1]}


def test_councils_carry_their_register_id_and_other_bodies_a_slug():
    got = found("Kent County Council and the Local Government Association met.")
    assert got["Kent County Council"]["id"] == "lac:KEN/gss:E10000016"
    assert got["Local Government Association"]["id"] == "councilx:local-government-association"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The report went to Kent Council in March.", {"Kent County Council"}),
        # the acronym before "and" is a body of its own, its county placed by its neighbour
        ("The pathway agreed by KCC and Medway Council is in place.", {"Kent County Council", "Medway Council"}),
        ("Officers at the Council Offices, Hereford HR Council Offices, replied.", set()),
        ("In December County Council adopted the plan.", set()),
        ("the Kent Association of Local Councils responded", {"Kent Association of Local Councils"}),
    ],
    ids=["loose-form", "run-together", "postcode", "month", "association"],
)
def test_council_like_names_resolve_or_drop(text, expected):
    assert set(found(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Services are commissioned jointly with Hywel Dda University Health Board.",
            {"Hywel Dda University Health Board"},
        ),
        (
            "The Office of the Police and Crime Commissioner attended the board.",
            {"Office of the Police and Crime Commissioner"},
        ),
        (
            "We met the University of Leeds and Sheffield Hallam University.",
            {"University of Leeds", "Sheffield Hallam University"},
        ),
        ("The Port of Tyne Company was consulted.", {"Port of Tyne Company"}),
        ("Grants went to the St Anne’s Choral Society this year.", {"St Anne’s Choral Society"}),
        (
            "The Financial Conduct Authority and The Pensions Regulator issued guidance.",
            {"Financial Conduct Authority", "Pensions Regulator"},
        ),
        ("Reports were prepared by Jones & Co for the panel.", {"Jones & Co"}),
        (
            "Children at Ysgol Glan Conwy and Oakfield County Primary School took part.",
            {"Oakfield County Primary School"},
        ),
        (
            "The Kent and Medway Housing Group met the Kent and Medway Integrated Care Partnership.",
            {"Kent and Medway Housing Group", "Kent and Medway Integrated Care Partnership"},
        ),
    ],
    ids=[
        "health-board",
        "office-of",
        "universities",
        "company",
        "society",
        "regulators",
        "and-co",
        "school",
        "place-pair",
    ],
)
def test_bodies_beyond_councils_by_their_head_nouns(text, expected):
    assert set(found(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Under the Regeneration Agreement with Acme Homes signed in 2010 the council receives £5m.", {"Acme Homes"}),
        ("A study was first carried out by Jacobs in 2011 to examine the options.", {"Jacobs"}),
        ("The panel appointed Northgate as its adviser.", {"Northgate"}),
        ("Harbour Capital (the fund manager) reported returns.", {"Harbour Capital"}),
        ("The Council appointed Jane Smith as Director of Finance.", set()),
        ("The agreement with Kent is due for renewal.", set()),
    ],
    ids=["agreement-with", "carried-out-by", "appointed-as", "role-gloss", "a-person", "a-place"],
)
def test_contract_parties_are_kept_for_review(text, expected):
    got = found(text)
    assert set(got) == expected
    assert all(run_until(text, "organisations")[1][0].confidence < 0.5 for _ in got)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Officers from Camberwell Police Station attended.", "Camberwell Police"),
        ("The Ministry of Sound hosted an event near Pas de Calais.", "Ministry of Sound"),
        ("Trips to the Department of Pas de Calais were funded.", "Department of Pas"),
        ("Network Rail (Planning) responded to the consultation.", "Planning"),
        ("The revised Civil Society Strategy plays a key role.", "Civil Society"),
        (
            "The Climate and Nature Advisory Board and the Parking Task and Finish Group met.",
            "Climate and Nature Advisory Board",
        ),
        ("The Riverside Leisure Centre and Bath City Centre reopened.", "Bath City Centre"),
    ],
    ids=["police-station", "nightclub", "pas-de-calais", "bracketed-word", "strategy", "own-committees", "venues"],
)
def test_look_alikes_are_not_organisations(text, absent):
    got = found(text)
    assert absent not in got and not any(absent in a for d in got.values() for a in d["aliases"])


def test_two_bodies_run_together_and_company_forms_are_split_and_merged():
    got = found(
        "Data from the Department of Work and Pensions and HMRC. London Underground Limited has written. "
        "The lease with London Underground Ltd was signed."
    )
    assert {"Department for Work and Pensions", "HM Revenue and Customs", "London Underground Limited"} == set(got)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Fund is a member of LAPFF (Local Authority Pension Fund Forum). LAPFF meets quarterly.",
            {"Local Authority Pension Fund Forum"},
        ),
        ("The VSC (Vertical Sky Component) is below the guideline.", set()),
        ("The BCUHB Falls Co-ordinator is based in the team.", {"Betsi Cadwaladr University Health Board"}),
    ],
    ids=["acronym-then-expansion", "defined-term", "welsh-health-board-acronym"],
)
def test_acronyms_expanded_after_them_or_known_to_the_gazetteer(text, expected):
    assert set(found(text)) == expected


def test_council_initials_need_the_place_named_and_ministries_the_gazetteer():
    assert found("The STC scheme was approved.") == {}
    assert "Ministry of Sound Objection" not in found("The Ministry of Sound Objection was noted.")
    assert found("Bedfordshire County Council's Empty Homes Forum met.").keys() == {"Bedfordshire County Council"}


def test_the_nhs_at_large_is_kept_for_review():
    cands = run_until("Partners from the NHS attended.", "organisations")[1]
    assert {c.data["name"] for c in cands} == {"NHS"} and all(c.confidence < 0.5 for c in cands)


def test_a_council_acronym_in_its_usual_form_needs_no_place():
    assert set(found("KCC will consult on the proposal.")) == {"Kent County Council"}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Kent Learning and Skills Council and the South East England Development Agency funded it.",
            {"Kent Learning and Skills Council", "South East England Development Agency"},
        ),
        ("Healthwatch Kent and the Avon Wildlife Trust replied.", {"Healthwatch Kent", "Avon Wildlife Trust"}),
        ("The Government Office for the South West agreed the bid.", {"Government Office for the South West"}),
        (
            "The Great Western Ambulance Service and Avon Health Authority met.",
            {"Great Western Ambulance Service", "Avon Health Authority"},
        ),
        (
            "The Joseph Rowntree Foundation and the London Docklands Development Corporation attended.",
            {"Joseph Rowntree Foundation", "London Docklands Development Corporation"},
        ),
        ("Residents reported a Complete Lack of Trust; a Social Housing Real Estate Investment Trust bid.", set()),
    ],
    ids=[
        "skills-council",
        "healthwatch-trust",
        "government-office",
        "health-2000s",
        "foundation-corporation",
        "not-trusts",
    ],
)
def test_bodies_of_health_and_regeneration_papers(text, expected):
    assert set(found(text)) == expected


def test_a_model_found_company_is_kept_for_review():
    cands = run_until(
        "The survey was carried out by Northgate Vanguard in 2011 for the council.", "organisations", nlp=_nlp()
    )[1]
    model = [c for c in cands if c.rule == "spacy-ORG"]
    assert all(c.confidence < 0.5 for c in model)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Northern Forward, the regional development agency, will contribute.", {"Northern Forward"}),
        (
            "South Yorkshire Police and Sheffield Health Authority sit on the Board.",
            {"South Yorkshire Police", "Sheffield Health Authority"},
        ),
        ("The scheme, a project of national importance, was agreed.", set()),
    ],
    ids=["apposition", "run-together-bodies", "apposition-not-a-body"],
)
def test_names_in_apposition_and_bodies_run_together(text, expected):
    assert set(found(text)) == expected


def test_an_apposition_that_names_another_body_is_not_one():
    assert "Northern Dads" not in found("The guide came from Northern Dads, the charity Fathers Together, and others.")


def test_a_local_councils_letterhead_in_capitals():
    got = found("LLANFAIR COMMUNITY COUNCIL\n\nMINUTES OF THE TOWN COUNCIL MEETING\n\nThe clerk reported.")
    assert set(got) == {"Llanfair Community Council"} and got["Llanfair Community Council"]["id"] is None


@pytest.mark.parametrize(
    "text, absent",
    [
        ("The South West Institute of Technology opened a campus.", "South West Institute"),
        ("Demand for Kent Primary School places rose.", "Kent Primary School"),
    ],
    ids=["name-goes-on", "county-schools"],
)
def test_head_nouns_that_do_not_end_a_name(text, absent):
    assert absent not in found(text)


def test_a_national_council_is_not_a_local_authority():
    from pipelines.orgnames import kind_from_name

    assert kind_from_name("Learning and Skills Council") == "other"
    assert kind_from_name("Arts Council") == "other"
    assert kind_from_name("Wokingham Borough Council") == "district council"


def test_a_coalition_of_councils_is_a_joint_arrangement_not_a_council():
    from pipelines.orgnames import kind_from_name

    assert kind_from_name("Coalition of Local Parish Councils") == "partnership"
    assert kind_from_name("Alliance of Westshire Councils") == "partnership"
    assert kind_from_name("Elmford Parish Council") == "parish council"


def test_bodies_listed_beside_a_known_body_are_kept_for_review():
    text = (
        "Grants were awarded to the Alzheimer's Society, Rivertown Food Bank, the Hillside Good Neighbours "
        "Service and the Hillside Wellbeing Centre to run support groups."
    )
    found = {c.data["name"]: c.confidence for c in run_until(text, "organisations")[1]}
    assert {"Rivertown Food Bank", "Hillside Good Neighbours Service", "Hillside Wellbeing Centre"} <= set(found)
    assert all(found[n] < 0.5 for n in ("Rivertown Food Bank", "Hillside Good Neighbours Service"))


def test_committees_and_budget_lines_listed_beside_a_body_are_not_bodies():
    text = (
        "Reports went to Kent County Council, the Regulation Committee, the Planning Applications Committee and "
        "the Member Services Committee.\n\nCabinet agreed to Note the Reserves, Prudential Indicators, Treasury "
        "Management and the Local Government Association guidance."
    )
    names = {c.data["name"] for c in run_until(text, "organisations")[1]}
    assert not names & {
        "Regulation Committee",
        "Planning Applications Committee",
        "Note the Reserves",
        "Prudential Indicators",
        "Treasury Management",
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Officers from Avon and Somerset Police and Kent Constabulary attended.",
            {"Avon and Somerset Constabulary", "Kent Police"},
        ),
        ("The incident was reported at Kent Police Station.", set()),
        (
            "Officers will work with Dorset Police Authority and the Force on shared estates.",
            {"Dorset Police Authority", "Dorset Police"},
        ),
        ("The Chief Constable said the Force had met its targets.", set()),
        (
            "A capital bid for the Llan County Primary School site was approved, in partnership with Llan School "
            "and Little Acorns Playgroup.",
            {"Llan County Primary School", "Little Acorns Playgroup"},
        ),
    ],
    ids=["forces-by-short-form", "station", "the-force", "force-of-no-authority", "school-by-place"],
)
def test_police_forces_schools_and_playgroups(text, expected):
    assert orgs(text) == expected


def test_a_university_called_by_its_place_first_is_named_canonically():
    found = orgs("Responses came from Leicester University, Newcastle University and Sheffield Hallam University.")
    assert found == {"University of Leicester", "Newcastle University", "Sheffield Hallam University"}


def test_welsh_national_bodies_by_name_and_acronym_under_the_name_of_their_time():
    found = orgs(
        "A member of staff was seconded from Careers Wales. Settings must be registered by the CSSIW, and Estyn "
        "inspects the nursery classes."
    )
    assert found == {"Careers Wales", "Care and Social Services Inspectorate Wales", "Estyn"}


def test_a_labelled_list_names_bodies_without_a_head_noun():
    text = "Partners: Wigan Council, Greater Manchester Police, Voluntary Action Wigan, Groundwork Wigan and Leigh."
    found = orgs(text)
    assert {"Voluntary Action Wigan", "Groundwork Wigan and Leigh", "Greater Manchester Police"} <= found


def test_a_post_in_a_lead_agency_column_is_no_body():
    text = (
        "| Theme | Lead agency |\n|---|---|\n| Worklessness | Wigan Jobs Service |\n"
        "| Crime | Head of Community Safety |\n| Health | Director of Public Health |\n"
    )
    found = {c.data["name"] for c in run_until(text, "organisations", True)[1]}
    assert "Wigan Jobs Service" in found
    assert not {"Head of Community Safety", "Director of Public Health"} & found


def test_a_partnership_board_is_the_partnership_and_a_generic_kind_is_no_body():
    text = (
        "Report to the Exeter Community Safety Partnership Board, 3 May 2010.\n\n"
        "Every district has a Community Safety Partnership under the Crime and Disorder Act 1998."
    )
    found = orgs(text)
    assert "Exeter Community Safety Partnership" in found
    assert "Exeter Community Safety Partnership Board" not in found and "Community Safety Partnership" not in found


def test_a_name_goes_on_past_its_head_noun():
    text = (
        "The audit was carried out by the Royal Society for the Prevention of Accidents. The "
        "Office of the Police and Crime Commissioner for Cumbria funds the scheme with Kendal College."
    )
    found = orgs(text)
    assert "Royal Society for the Prevention of Accidents" in found and "Royal Society" not in found
    assert "Office of the Police and Crime Commissioner for Cumbria" in found and "Kendal College" in found


def test_a_commissioner_s_area_ends_where_another_body_begins_and_may_hold_of():
    found = orgs(
        "The Office of the Police and Crime Commissioner for Westshire and the Westshire Police and Crime "
        "Commissioner met. The Office of the Police and Crime Commissioner for Devon, Cornwall and the Isles of "
        "Scilly funds the scheme."
    )
    assert "Office of the Police and Crime Commissioner for Westshire" in found
    assert "Westshire Police and Crime Commissioner" in found
    assert "Office of the Police and Crime Commissioner for Devon, Cornwall and the Isles of Scilly" in found


def test_initials_spelt_out_as_another_name_are_not_a_council():
    text = "The Aston New Deal for Communities programme began in 2001. Aston NDC has six theme groups."
    assert "North Devon Council" not in orgs(text)


def test_regeneration_era_bodies_and_councils_for_voluntary_service():
    text = (
        "The bid was approved by the Government Office for Yorkshire and the Humber and by Yorkshire Forward, "
        "with support from Sheffield Council for Voluntary Service and the Sheffield Chamber of Commerce."
    )
    found = orgs(text)
    assert {"Government Office for Yorkshire and the Humber", "Yorkshire Forward"} <= found
    assert {"Sheffield Council for Voluntary Service", "Sheffield Chamber of Commerce"} <= found
    assert "Government Office for Yorkshire" not in found and "Sheffield City Council" not in found


def test_a_local_office_named_by_its_place_is_not_the_body():
    text = "Support the roll-out of Universal Credit within the Rhyl Jobcentre Plus area."
    assert "Jobcentre Plus" not in orgs(text)


def test_courts_are_named_by_their_place():
    found = orgs("The case was heard at Leeds Crown Court and Harrogate Magistrates Court in May.")
    assert found == {"Leeds Crown Court", "Harrogate Magistrates Court"}
    assert orgs("The Crown Court sat in May. The flats at Larch Court were sold.") == set()


def test_large_housing_associations_by_name_and_short_form():
    found = orgs("Homes on the next phase go to L&Q, with Peabody managing the older blocks.")
    assert found == {"London & Quadrant Housing Trust", "Peabody Trust"}


def test_former_government_department_keeps_its_full_name():
    found = orgs("Funding of £2m was confirmed by the Department for Education and Skills in March 2003.")
    assert "Department for Education and Skills" in found
    assert "Department for Education" not in found


def test_a_known_acronym_in_capitals_or_opening_a_name_is_written_out():
    # "MoD" is also written "MOD"; "MOD Police" is the Ministry of Defence Police
    found = orgs("PC Lee of MOD Police attended. The MOD owns the land by the pier.")
    assert found == {"Ministry of Defence Police", "Ministry of Defence"}


def test_a_known_name_written_in_lower_case_after_its_first_word_is_found():
    found = orgs("New rules went to the Scottish parliament; the Scottish government will consult.")
    assert found == {"Scottish Parliament", "Scottish Government"}
    assert orgs("She studies at Bradford university.") == {"University of Bradford"}
    assert orgs("The scottish government will consult.") == set()  # its first word as the name writes it


def test_a_bare_nhs_counts_only_where_it_acts_not_before_a_noun():
    assert orgs("We met NHS partners; NHS dental statistics were shared at an NHS & Care Day.") == set()
    assert orgs("Costs fell on NHS staff, then had to be recouped from the NHS.") == {"NHS"}
    assert orgs("The NHS is heavily regulated.") == {"NHS"}
    assert orgs("Partners from the NHS attended.") == {"NHS"}


def test_a_school_named_only_as_the_place_of_a_meeting_is_not_an_organisation():
    minutes = "Meeting held in Elm Park Primary School Library, 5 Oak Road.\nA day of action at Elm Park Primary School was held."
    assert "Elm Park Primary School" not in orgs(minutes)
    acting = minutes + "\nElm Park Primary School has applied for a grant."
    assert "Elm Park Primary School" in orgs(acting)


def test_people_listed_beside_a_body_are_not_taken_for_bodies():
    assert orgs("Present: Francis Maude (Chair), Liam Maxwell, Cabinet Office, Jane Smith and Tim Allen.") == {
        "Cabinet Office"
    }
    # a name with a word the text also writes in lower case is still read as a body of the list
    found = orgs("Open land data came from the Cabinet Office, Land Registry, Ordnance Survey and Met Office.")
    assert "HM Land Registry" in found  # the gazetteer's name for it


def test_the_panel_whose_minutes_these_are_is_an_organisation_but_a_committee_is_not():
    panel = "Minutes of the meeting of the Riverside Open Data Panel\n\nHeld on 3 March 2011.\n\nThe Panel agreed."
    assert "Riverside Open Data Panel" in orgs(panel)
    # nor is it a party to itself, not even as a proposal for the partners model to weigh
    joint = (
        "Title: Riverside Open Data Panel - minutes 13 March 2012\n\nThe Riverside Open Data Panel agreed to work in "
        "partnership with Kent County Council and the Home Office. The Riverside Open Data Panel and the Local "
        "Government Association will jointly publish the data."
    )
    partners = {c.data["name"] for c in run_until(joint, "partners", proposals=True)[1]}
    assert "Kent County Council" in partners and "Riverside Open Data Panel" not in partners
    committee = "Minutes of the Riverside Licensing Committee\n\nHeld on 3 March 2011.\n\nThe Committee agreed."
    assert orgs(committee) == set()


def test_a_coalitions_member_councils_listed_by_place_one_to_a_line():
    letter = (
        "Objection to the planning application\n\nSubmitted on behalf of the members of the Parish Council Coalition\n\n"
        "Elmford\n\nAshby Parva\n\nLower Wick and Stonely\n\nElmford Coalition - Objection\n\nWe object."
    )
    assert orgs(letter) == {
        "Elmford Parish Council",
        "Ashby Parva Parish Council",
        "Lower Wick and Stonely Parish Council",
    }
    # and, members of the coalition, they are its parties (even in a response to a planning application)
    assert {c.data["name"] for c in run_until(letter, "partners")[1]} == orgs(letter)
    # the people present at a parish council's meeting are not councils
    assert orgs("Members of the Parish Council present:\n\nJane Smith\n\nTim Allen\n\nMark Jones") == set()


def test_the_senders_of_letters_a_minutes_correspondence_item_lists():
    minutes = (
        "Minutes of the meeting of Elmford Community Council\n\nPresent: J Smith, T Allen\n\n"
        "6 Relevant Correspondence\n\nForestry Commission - General Info\n\nJane Smith – hedge at the corner\n\n"
        "Westshire Wildlife Rescue – request for a donation\n\n7 Any Other Business\n\nElmford Bowls Club - new members."
    )
    read = {c.data["name"] for c in run_until(minutes, "organisations")[1] if c.rule == "correspondence"}
    assert read == {"Forestry Commission", "Westshire Wildlife Rescue"}


def test_a_department_is_not_run_on_into_the_place_after_a_comma():
    found = orgs("With funding from the Department for Transport, Leeds is trialling a new bus route.")
    assert "Department for Transport" in found
    assert not any("Leeds" in o for o in found)
    assert "Department for Digital, Culture, Media and Sport" in orgs(
        "Guidance came from the Department for Digital, Culture, Media and Sport in 2019."
    )


def test_two_bodies_run_together_by_and_are_both_found():
    found = orgs("Partners on the board include Healthwatch Dorset and Dorset Police, as well as the Council.")
    assert "Dorset Police" in found and "Healthwatch Dorset" in found
    assert not any(" and Dorset Police" in o for o in found)
    assert orgs("We work with Avon and Somerset Police on this.") == {"Avon and Somerset Constabulary"}


def test_a_table_cell_glued_before_a_known_name_is_cut():
    text = (
        "Our partners are Leicester Royal Infirmary NHS Trust and the Council.\n\n"
        "Scheme Lead organisation Budget\n\n"
        "Home First Pathway Leicester Royal Infirmary NHS Trust 4.2\n"
    )
    found = orgs(text)
    assert "Leicester Royal Infirmary NHS Trust" in found
    assert not any(o.startswith("Pathway") or o.startswith("Home") for o in found)


def test_bare_nhs_inside_a_longer_name_is_not_an_organisation():
    assert "NHS" in orgs("The Council works with the NHS on hospital discharge.")
    assert "NHS" not in orgs("Report of the Place Director, NHS Humber and North Yorkshire\n\nAgenda item 4.")


def test_a_national_body_keeps_its_area():
    found = orgs("Funding comes from the Learning and Skills Council Greater Manchester and the Council.")
    assert "Learning and Skills Council Greater Manchester" in found
    assert "Learning and Skills Council" in orgs("Funding comes from the Learning and Skills Council this year.")


def test_places_listed_with_commas_stay_in_a_trust_name():
    text = "Partners: Leeds City Council; Lancashire, Cumbria, Tyne and Wear NHS Foundation Trust (LCTW); the ICB."
    assert "Lancashire, Cumbria, Tyne and Wear NHS Foundation Trust" in orgs(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Minutes of the Annual Meeting of Oakbridge Parish Council held on 4 May", "Oakbridge Parish Council"),
        ("Minutes of an Extraordinary Meeting of Lowfield Town Council", "Lowfield Town Council"),
        ("Meeting of Hillcrest Community Council, 12 March", "Hillcrest Community Council"),
    ],
    ids=["annual-meeting", "extraordinary", "meeting-of"],
)
def test_the_meeting_a_body_held_is_not_part_of_its_name(text, expected):
    names = {n.lower() for n in orgs(text)}
    assert expected.lower() in names and not any("meeting" in n for n in names)


def test_an_acronym_with_a_year_after_it_is_an_act_not_a_body():
    assert "Local Government Association" not in orgs("Under section 150(5) of the LGA 1972 cheques may be used.")
    assert "Local Government Association" in orgs("The LGA 2025 conference was attended. The LGA responded.")


def test_places_that_say_they_are_councils_name_each_council():
    def names(text: str) -> set[str]:
        return {c.data["name"] for c in run_until(text, "organisations")[1]}

    assert {
        "London Borough of Wandsworth",
        "London Borough of Richmond upon Thames",
        "Royal Borough of Kingston upon Thames",
    } <= names("Wandsworth, Richmond and Kingston Local Authorities are working together on the guidance.")
    assert {"North Hertfordshire District Council", "East Hertfordshire District Council"} <= names(
        "The three councils of North Herts and East Herts share a waste contract."
    )
    assert not names("Monday and Tuesday councils met to discuss Richmond and Kingston roads.")
    assert "London Borough of Wandsworth" in names(
        "Briefing Sheet\n\nWandsworth, Richmond and Kingston Councils are working together."
    )  # the heading above is no place of the list


def test_a_list_the_text_calls_places_names_no_councils():
    text = (
        "We work alongside the four other places in West Yorkshire (Bradford District and Craven, Calderdale, "
        "Kirklees, and Wakefield District)."
    )
    assert not {c.data["name"] for c in run_until(text, "organisations")[1]} & {
        "Calderdale Council",
        "Kirklees Council",
    }
    shared = "The shared service with Edinburgh, Fife, West Lothian and Scottish Borders began in 2020."
    assert "Fife Council" in {c.data["name"] for c in run_until(shared, "organisations")[1]}


def test_a_police_force_is_named_by_its_place_or_acronym_not_by_the_officer_before_it():
    found = {
        c.data["name"]
        for c in run_until(
            "We met Constable Ian Mustarde MOD Police and Constable Gary Davidson Police. In September Police "
            "reported two thefts to Thames Valley Police.",
            "organisations",
        )[1]
    }
    assert {"Ministry of Defence Police", "Thames Valley Police"} <= found  # "MOD Police" under its full name
    assert not any(n.startswith(("Constable", "Gary", "September")) for n in found)


def test_notice_boards_and_the_open_forum_are_no_bodies():
    found = {
        c.data["name"]
        for c in run_until(
            "5. Public Open Forum\n\nThe Govan Notice Board needs a new lock. The Govan Housing Association Board met.",
            "organisations",
            proposals=True,
        )[1]
    }
    assert not {"Public Open Forum", "Govan Notice Board"} & found


def test_a_local_council_in_capitals_is_named_without_the_words_of_its_line():
    def names(text: str) -> set[str]:
        return {c.data["name"] for c in run_until(text, "organisations")[1]}

    assert names("THE OAKBRIDGE LETTER\n\nPUBLISHED BY OAKBRIDGE COMMUNITY COUNCIL APRIL 2024") == {
        "Oakbridge Community Council"
    }
    assert "Ayton Community Council" in names("MINUTES OF THE AYTON COMMUNITY COUNCIL MEETING")


def test_a_name_goes_on_after_its_head_noun_but_not_into_the_next_body():
    text = (
        "Students of the Rivertown School of Art and the Hillside Institute of Technology exhibited with the "
        "Westshire Association of Acute Trusts and the Royal Society for the Protection of Birds and the NSPCC."
    )
    names = {c.data["name"] for c in run_until(text, "organisations")[1]}
    assert {
        "Rivertown School of Art",
        "Hillside Institute of Technology",
        "Westshire Association of Acute Trusts",
        "Royal Society for the Protection of Birds",
    } <= names
    assert not any(" and the " in n for n in names)


def test_a_name_after_its_head_noun_stops_at_a_possessive_or_a_title_that_goes_on():
    text = (
        "As the Westshire Institute of Civic Finance and Accountancy’s Treasury Code sets out, and as the "
        "Lowbury College of Surveyors Who Builds Wins Review (2024) proposed, the board agreed the plan."
    )
    names = {c.data["name"] for c in run_until(text, "organisations")[1]}
    assert {"Westshire Institute of Civic Finance and Accountancy", "Lowbury College of Surveyors"} <= names


def test_a_board_of_a_known_body_keeps_the_known_body_in_its_name():
    # "Cabinet" alone opens a council's own boards; here it is the start of a department's name
    text = "The chair of the Cabinet Office Open Data Board wrote to Lowbury Town Council."
    names = {c.data["name"] for c in run_until(text, "organisations")[1]}
    assert "Cabinet Office Open Data Board" in names
    assert "Office Open Data Board" not in names


def test_words_around_a_known_body_or_a_post_are_not_a_body_of_their_own():
    text = (
        "Ex Officio: Ann Holt (Cabinet Office for Jane Smith). The former Treasurer Ann handed over to the newly "
        "appointed Treasurer Ruth. Contact Ruth Dunmore on Trust and Residents Association matters."
    )
    names = {c.data["name"] for c in run_until(text, "organisations")[1]}
    assert "Cabinet Office" in names
    assert not names & {"Office for Jane Smith", "Treasurer Ruth", "Ruth Dunmore on Trust"}


def test_a_council_called_only_by_its_initials_is_the_one_whose_place_the_report_names_most():
    # NCC could be Norfolk County Council or Norwich City Council: Norfolk is named three times, Norwich once
    text = (
        "The parish meeting heard that NCC has resurfaced the lane to the Norwich road. Residents across "
        "Norfolk were asked to report potholes, and NCC will reply within a month. The Norfolk Rural Fund and "
        "the villages of north Norfolk have offered to help."
    )
    read = {c.data["name"] for c in run_until(text, "organisations")[1] if c.rule == "council-initials"}
    assert read == {"Norfolk County Council"}


def test_initials_shared_by_councils_whose_places_are_named_alike_stay_unread():
    # NCC could be Norfolk County Council or Norwich City Council: each place named once, no answer
    text = "NCC wrote about the bus lanes between Norwich and the rest of Norfolk."
    assert not [c for c in run_until(text, "organisations")[1] if c.rule == "council-initials"]


def test_initials_a_county_and_a_city_of_it_share_are_the_county_beside_a_district_of_it():
    # OCC is Oxfordshire County Council or Oxford City Council, both of Oxfordshire; beside Cherwell (a district of
    # Oxfordshire) it is the upper tier: a parish in a district deals with its county
    text = "Highways: OCC has no update. Planning: CDC refused the application."
    read = {c.data["name"] for c in run_until(text, "organisations")[1] if c.rule == "council-initials"}
    assert read == {"Oxfordshire County Council", "Cherwell District Council"}


def test_initials_of_a_body_the_report_names_are_not_a_council_of_the_register():
    # GCC here is the community council the report names, not Glasgow City Council
    text = (
        "Minutes of Glenmoor Community Council. GCC agreed to write to the bus operator about the Glasgow "
        "service. GCC will meet again in May."
    )
    assert "Glasgow City Council" not in orgs(text)


def test_a_friends_group_is_named_up_to_what_it_supports_and_its_short_form_is_that_group():
    text = (
        "The Friends of Elm Park Summer Fair raised £300. The Friends of Elm Park Rep asked for a bench. "
        "The council will support the Friends of the Old Library. Friends of Elm have their own key. "
        "Friends of mine attended."
    )
    found = run_until(text, "organisations")[1]
    assert {c.data["name"] for c in found} == {"Friends of Elm Park", "Friends of the Old Library"}
    short = next(c for c in found if text[c.start : c.end] == "Friends of Elm")
    assert short.data["name"] == "Friends of Elm Park"


def test_a_regulator_keeps_its_first_word_and_a_college_its_hospital_or_city():
    found = orgs(
        "Report to Cabinet\n\nThe Act introduced the Building Safety Regulator.\n\n"
        "Dr Ann Lee, Clinical Lead, Larchmont College Hospital; Honorary Lecturer, Larchmont College London.\n"
    )
    assert {"Building Safety Regulator", "Larchmont College Hospital", "Larchmont College London"} <= found
    assert not {"Safety Regulator", "Larchmont College"} & found


def test_a_month_or_an_acronyms_body_before_a_name_is_not_part_of_it():
    found = orgs(
        "Report to Cabinet\n\nAt the April Community Council it was felt that Glasgow City Council might act.\n\n"
        "Additional meeting in March The Commission discussed it.\n\n"
        "The model orders were reviewed by NALC and Elmford Parish Council will review theirs.\n"
    )
    assert "Elmford Parish Council" in found and "Glasgow City Council" in found
    assert not any(n.startswith(("April", "March", "NALC and")) for n in found)


def test_a_post_in_a_list_of_bodies_is_not_a_body():
    text = (
        "Attending were the Director General of Lowbury Affairs, the Local Government Association, "
        "Dunmore Sports Club and Elmford Rowing Club."
    )
    names = {c.data["name"] for c in run_until(text, "organisations")[1]}
    assert {"Dunmore Sports Club", "Elmford Rowing Club"} <= names
    assert "Director General of Lowbury Affairs" not in names


def test_a_body_owned_by_another_is_named_without_its_owner():
    names = {
        c.data["name"] for c in run_until("The Government’s Lowbury Growth Commission reported.", "organisations")[1]
    }
    assert "Lowbury Growth Commission" in names
    assert not any("Government’s" in n for n in names)
    assert "King’s College London" in {
        c.data["name"] for c in run_until("We met King’s College London.", "organisations")[1]
    }


def test_an_office_for_something_keeps_whose_office_it_is():
    text = "The Mayor’s Office for Lowbury Affairs replied to the Westshire Housing Trust."
    names = {c.data["name"] for c in run_until(text, "organisations")[1]}
    assert "Mayor’s Office for Lowbury Affairs" in names
    assert "Office for Lowbury Affairs" not in names


def test_a_national_charitys_local_branch_is_named_with_its_place():
    found = orgs(
        "1.1 Age UK Norfolk and Citizens Advice Plymouth gave evidence, as did Age UK, Carers Trust and "
        "Norfolk County Council.\n"
    )
    assert {"Age UK Norfolk", "Citizens Advice Plymouth", "Age UK", "Carers Trust", "Norfolk County Council"} <= found
    assert "Carers Trust Norfolk" not in found


def test_a_post_before_a_body_whose_name_begins_with_the_is_not_part_of_its_name():
    found = orgs(
        "Also in attendance: Ann Holt, Director of Strategy and Partnerships The Lowbury Hospitals NHS Trust; "
        "Tom Dunmore, Chief Finance Officer The Lowbury Hospitals NHS Trust.\n"
    )
    assert found == {"Lowbury Hospitals NHS Trust"}
