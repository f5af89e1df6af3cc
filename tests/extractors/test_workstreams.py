"""Workstreams: cued lists, bold lead-ins, tables with a lead column, 'Led by' headings."""

from tests.conftest import run_until


def ws(text: str, markdown: bool = False) -> dict[str, str | None]:
    return {c.data["name"]: c.data["lead"] for c in run_until(text, "workstreams", markdown)[1]}


def test_bold_lead_ins_with_hosts_and_leads():
    text = (
        "The shared work between Stirling Council and Clackmannanshire Council now covers:\n\n"
        "- **Customer Contact** – Stirling continues to host the evening telephone service.\n"
        "- **Occupational Health** – Clackmannanshire leads on a single shared team.\n"
        "- **Fleet** – a joint vehicle contract has been let.\n"
    )
    assert ws(text, markdown=True) == {
        "Customer Contact": "Stirling Council",
        "Occupational Health": "Clackmannanshire Council",
        "Fleet": None,
    }


def test_items_after_a_cue_phrase():
    text = (
        "Officers are working in the following priority areas:\n\n• Special Educational Needs (SEN);\n• ICT;\n"
        "• Waste; and\n• Highways.\n\n3. Update"
    )
    assert list(ws(text)) == ["Special Educational Needs (SEN)", "ICT", "Waste", "Highways"]


def test_the_following_services_of_a_paragraph_on_the_partnership_are_its_areas():
    text = (
        "2. The partnership\n\n2.1 Lowbury Council and Dunmore Council have shared one officer structure since "
        "2011. The partnership covers the following services:\n\n- Planning and building control\n"
        "- Environmental health\n\n3. Services\n\n3.1 The Council also provides the following services:\n\n"
        "- Parks\n- Libraries\n"
    )
    found = ws(text)
    assert {"Planning and building control", "Environmental health"} <= found.keys()
    assert not {"Parks", "Libraries"} & found.keys()  # the council's own services, no joint work said


def test_led_by_headings():
    text = (
        "Appendix 1\n\nWaste – Led by Kent County Council\n\nWorkstream purpose – a long-term vision.\n\n"
        "Highways – Led by Surrey County Council\n\nWorkstream purpose – a joint client group."
    )
    assert ws(text) == {"Waste": "Kent County Council", "Highways": "Surrey County Council"}


def test_table_with_a_lead_column():
    text = (
        "| Workstream | Lead council |\n|---|---|\n| Revenues | Wychavon District Council |\n"
        "| ICT | Worcester City Council |\n"
    )
    assert ws(text, markdown=True) == {"Revenues": "Wychavon District Council", "ICT": "Worcester City Council"}


def test_ordinary_headings_and_objectives_are_not_workstreams():
    text = (
        "1. Background\n\n1.1 Text.\n\n2. Financial Implications\n\n2.1 None.\n\n"
        "It sets out several commonly agreed objectives:\n\n• To improve efficiency across the councils.\n"
    )
    assert ws(text) == {}


def test_staff_counts_budget_lines_clauses_and_report_aims_are_not_workstreams():
    text = (
        "The shared team in each of the priority areas:\n\n• Three family support workers\n• Parenting programmes\n"
        "• Hearing and language (7)\n\n"
        "The joint reserves held across the partnership are:\n\n- **Legal Reserve** – £0.2m.\n"
        "- **Premises Costs** – £1.1m.\n- **Adult Learning** – a shared service.\n\n"
        "Shared services in the following areas:\n\n• Extra provision within the area is secured\n"
        "• Tall buildings in this area are appropriate\n"
        "• Presenting the refreshed asset plan\n• Developing a shared quality framework\n"
    )
    assert set(ws(text, markdown=True)) == {
        "Adult Learning",
        "Parenting programmes",
        "Developing a shared quality framework",
    }


def test_lead_from_a_lead_body_phrase_or_a_council_place_in_the_mention():
    text = (
        "Stirling Council and Falkirk Council work jointly in these areas:\n\n"
        "- **Tourism Marketing** – one campaign for the whole area, with Falkirk agreeing to be lead accountable "
        "body for 2025-28.\n"
        "- **Sustainability Officer** – one post across both areas. The Stirling Sustainability Officer is "
        "providing this service for both councils.\n"
    )
    found = run_until(text, "workstreams", markdown=True)[1]
    names = {c.data["name"]: c.data["lead"] for c in found}
    orgs = {c.data["name"] for c in run_until(text, "organisations", markdown=True)[1]}
    assert {"Stirling Council", "Falkirk Council"} <= orgs
    assert names == {"Tourism Marketing": "Falkirk Council", "Sustainability Officer": "Stirling Council"}


def test_stage_items_drop_a_long_aside():
    text = (
        "The scheme has three stages:\n\n"
        "- Stage One: Options and Outline Business Case\n"
        "- Stage Two: Consultation and Scheme Approval (the business case will go to the Secretary of State "
        "for approval before any charge is made, as the Act requires) and further text about the process\n"
    )
    assert set(ws(text, markdown=True)) == {
        "Stage One: Options and Outline Business Case",
        "Stage Two: Consultation and Scheme Approval",
    }


def test_a_numbered_strand_is_named_without_its_number():
    text = (
        "The collaboration has three strands:\n\n- Strand 1 – Shared Estates\n- Strand 2 – Joint Control Room\n"
        "- Strand 3 – Prevention and Community Safety (lead body: to be agreed)\n"
    )
    assert set(ws(text, markdown=True)) == {"Shared Estates", "Joint Control Room", "Prevention and Community Safety"}


def test_numbered_items_naming_an_area_and_the_body_leading_it():
    text = (
        "We propose four areas of joint work:\n\n"
        "1. Transport and rural connectivity, led by Northshire County Council. This includes:\n\n"
        "- a single assessment of bus franchising.\n\n"
        "2. Housing and regeneration, led by Southshire District Council, bringing together our land.\n\n"
        "3. The review, led by the Chief Executive, will report in May.\n"
    )
    found = ws(text, markdown=True)
    assert found["Transport and rural connectivity"] == "Northshire County Council"
    assert found["Housing and regeneration"] == "Southshire District Council"
    assert "The review" not in found  # led by a post, not a body


def test_areas_named_in_a_sentence_about_working_together():
    text = (
        "At the conference the councils agreed to work closer together on areas such as fleet maintenance, "
        "school transport and asset collaboration, which will save money. Officers collaborate in pursuit of "
        "value for money and better services."
    )
    assert set(ws(text)) == {"fleet maintenance", "school transport", "asset collaboration"}


def test_a_report_listing_no_areas_is_about_the_one_in_its_title():
    text = (
        "Title of report: Town Centre Regeneration – Early refurbishment of Market Street shops\n\n"
        "1. The Cabinet Member is asked to approve the re-phasing of the works."
    )
    assert list(ws(text)) == ["Early refurbishment of Market Street shops"]


def test_a_title_naming_a_kind_of_report_is_not_a_workstream():
    assert ws("Title of report: Estate Disposal Briefing\n\n1. This report answers the chair's questions.") == {}
    assert ws("FLYING START DEVELOPMENT\n\n1. The programme grows next year.") == {}


def test_numbered_paragraphs_under_the_following_headings():
    text = (
        "The request asked for spending under the following headings.\n\n"
        "7. Cost of site security - These costs cover guarding the empty blocks.\n\n"
        "Further security works totalled £1.2 million.\n\n"
        "8. Cost of leaseholder buy outs etc. — Acquisitions cost £28 million.\n\n"
        "9. Cost of re-housing tenants - Home loss payments were £5 million.\n\n"
        "10. The council will report again in March."
    )
    assert list(ws(text)) == [
        "Cost of site security",
        "Cost of leaseholder buy outs etc.",
        "Cost of re-housing tenants",
    ]


def test_minutes_are_not_a_workstream():
    assert ws("Minutes of the Housing & Communities Scrutiny Committee\n\n1. Apologies for absence") == {}


def test_reports_on_a_decision_form_are_not_workstreams():
    text = (
        "Subject: Q1 2024/25 Corporate Risk Report - Transport\n\nDecision: noted.\n\n"
        "Subject: Residents Parking Permits\n\nDecision: approved."
    )
    assert list(ws(text)) == ["Residents Parking Permits"]


def conf(text: str, markdown: bool = False) -> dict[str, float]:
    return {c.data["name"]: c.confidence for c in run_until(text, "workstreams", markdown)[1]}


def test_labelled_priorities_and_sub_priorities():
    text = (
        "PRIORITY 2\n\nPriority: Safer and stronger communities.\n\nProgress this year was good.\n\n"
        "1. Sub priority: Road Safety\n\nCasualties fell.\n\nSub priority 2 : Youth Justice\n\nReoffending fell.\n"
    )
    assert list(ws(text)) == ["Safer and stronger communities", "Road Safety", "Youth Justice"]


def test_numbered_items_under_a_short_label_may_read_as_actions():
    text = (
        "The board agreed its sub priority areas:\n\n"
        "1. Improve the health of older residents.\n2. Support carers across the county.\n\n"
        "Progress has been steady.\n"
    )
    assert list(ws(text)) == ["Improve the health of older residents", "Support carers across the county"]


def test_long_actions_from_an_action_plan_are_dropped_and_short_ones_flagged():
    text = (
        "In the last year the partnership worked on these priority areas as follows:\n\n"
        "- Work with the public, private and voluntary sectors to increase the number of apprenticeships\n"
        "- Improve equity of service\n- Community transport\n"
    )
    assert conf(text, markdown=True) == {"Improve equity of service": 0.45, "Community transport": 0.7}


def test_section_headings_places_road_numbers_and_totals_are_not_workstreams():
    text = (
        "1. Introduction\n\na) The working party met four times.\n\n2. Remote Meetings\n\na) Members asked for "
        "hybrid meetings.\n\nThe projects in the following areas:\n\n- Manor Place\n- A34\n- Savings\n"
        "- Library refurbishment\n\n| Project | Cost |\n|---|---|\n| Bus shelters | 20 |\n| TOTAL | 20 |\n"
    )
    assert set(ws(text, markdown=True)) == {"Remote Meetings", "Library refurbishment", "Bus shelters"}


def test_lists_in_a_corporate_strategy_section_are_the_councils_aims_not_workstreams():
    text = (
        "## Corporate Strategy alignment\n\n1. **Economy and skills** – the scheme helps tackle congestion.\n"
        "2. **Homes and communities** – the scheme raises revenue.\n"
    )
    assert ws(text, markdown=True) == {}


def test_a_heading_naming_the_list_cues_its_items():
    text = "Our Joint Priorities\n\n- Early Help\n- Adult Carers\n- Mental Health Support\n\nThe board meets monthly.\n"
    assert list(ws(text)) == ["Early Help", "Adult Carers", "Mental Health Support"]


def test_minutes_of_routine_business_have_no_workstreams():
    text = (
        "MINUTES of a meeting of the Cabinet held on 3 March 2024.\n\nPRESENT: Mr A Smith (Chairman)\n\n"
        "The Cabinet noted the following priority areas:\n\n- Library refurbishment\n- Bus shelters\n\n"
        "RESOLVED that the report be noted.\n"
    )
    assert conf(text, markdown=True) == {}


def test_minutes_with_a_table_of_areas_that_different_councils_lead_keep_those_areas():
    text = (
        "MINUTES of a meeting of the Growth Board held on 3 March 2024.\n\nPRESENT: Mr A Smith (Chairman)\n\n"
        "The programme would be organised in three themes:\n\n| Theme | Lead council |\n|---|---|\n"
        "| Town Centre Renewal | Cherwell District Council |\n| Zero Carbon Transport | Oxfordshire County Council |\n"
        "\nRESOLVED that the report be noted.\n"
    )
    assert ws(text, markdown=True) == {
        "Town Centre Renewal": "Cherwell District Council",
        "Zero Carbon Transport": "Oxfordshire County Council",
    }


def test_minutes_about_joint_work_keep_their_areas_for_review():
    text = (
        "MINUTES of a meeting of the Joint Committee held on 3 March 2024.\n\nPRESENT: Mr A Smith (Chairman)\n\n"
        "The shared service and the joint commissioning of care were discussed; partnership working was praised."
        "\n\nThe Committee noted the following priority areas:\n\n- Library refurbishment\n- Bus shelters\n\n"
        "RESOLVED that the report be noted.\n"
    )
    assert set(conf(text, markdown=True)) == {"Library refurbishment", "Bus shelters"}


def test_a_title_in_capitals_naming_a_board_is_not_a_workstream():
    text = "CHILDREN AND FAMILIES CABINET BOARD\n\n1. This report updates members on the programme.\n"
    assert ws(text) == {}


def test_leads_from_a_lead_label_a_will_lead_phrase_and_a_lead_mark_in_a_table():
    text = (
        "Northshire County Council and Southshire District Council have agreed the following joint projects:\n\n"
        "- **Waste Collection** – Lead authority: Southshire District Council.\n"
        "- **Highways Design** – Northshire County Council will lead the procurement.\n\n"
        "| Project | Partners |\n|---|---|\n| Revenues | Northshire County Council (lead), Southshire District "
        "Council |\n"
    )
    assert ws(text, markdown=True) == {
        "Waste Collection": "Southshire District Council",
        "Highways Design": "Northshire County Council",
        "Revenues": "Northshire County Council",
    }


def test_an_inline_list_whose_count_the_text_states():
    text = (
        "3. The scheme involves three key stages; Feasibility Study (2024–2025), Consultation and Final "
        "Business Case (2025–2026), and Delivery (2027).\n\n"
        "4. Savings come from four key areas: compliance, efficiency, enabling change and sustainability.\n"
    )
    assert list(ws(text)) == ["Feasibility Study", "Consultation and Final Business Case", "Delivery"]


def test_a_counted_list_wrapped_over_lines_in_a_sentence_that_goes_on():
    # plain text wraps its lines; the sentence carries on after the last item ("..., and D, the plan ...")
    text = (
        "1. The strategy is built around three strategic priorities: Thriving \n"
        "Neighbourhoods, Good Jobs, and Healthy Ageing, with the council working \n"
        "alongside its partners on each.\n"
    )
    assert list(ws(text)) == ["Thriving Neighbourhoods", "Good Jobs", "Healthy Ageing"]


def test_an_inline_counted_list_with_letters_in_brackets():
    text = (
        "2.2 The Partnership Board agreed four themes: (a) Town Centre Renewal; (b) Skills and Jobs; "
        "(c) Safer Streets; and (d) Green Spaces.\n\n2.3 Three officers attend: the Clerk, the Treasurer and "
        "the Chair.\n"
    )
    assert list(ws(text)) == ["Town Centre Renewal", "Skills and Jobs", "Safer Streets", "Green Spaces"]


def test_sub_headings_under_a_heading_naming_the_workstreams():
    md = (
        "# Partnership Annual Report\n\n## Our Workstreams\n\n### Adult Social Care\n\nThe team met.\n\n"
        "### Digital Inclusion\n\nLed by Northshire County Council.\n\n## Finance\n\n### Budget\n\nMoney.\n"
    )
    assert ws(md, markdown=True) == {"Adult Social Care": None, "Digital Inclusion": "Northshire County Council"}
    text = (
        "3. Workstream updates\n\n3.1 Adult Social Care\n\n3.1.1 The team met.\n\n3.2 Digital Inclusion\n\n"
        "3.2.1 Work continued.\n\n4. Financial Implications\n\n4.1 Staffing\n\n4.1.1 None.\n"
    )
    assert list(ws(text)) == ["Adult Social Care", "Digital Inclusion"]


def test_a_lead_label_naming_a_board_not_in_the_organisation_list():
    text = (
        "The partnership covers these priority areas:\n\n"
        "- **Community Safety** – lead: Northshire Community Safety Board.\n"
        "- **Healthy Weight** – Lead officer: Jane Smith.\n"
    )
    assert ws(text, markdown=True) == {"Community Safety": "Northshire Community Safety Board", "Healthy Weight": None}


def test_the_cue_word_must_be_in_the_sentence_that_introduces_the_list():
    text = (
        "There are no listed buildings on the site, though there are heritage assets in the wider areas of the "
        "town. The closest of these are:\n\n- Old Corn Exchange\n- St Mary's Church\n\n"
        "The partnership board agreed its priority areas:\n\n- Town Centre Recovery\n- Skills\n"
    )
    assert list(ws(text, markdown=True)) == ["Town Centre Recovery", "Skills"]


def test_a_run_of_bold_lead_in_paragraphs_with_dashes():
    text = (
        "Progress this year:\n\n**Waste Collection** – the councils let one contract in May.\n\n"
        "**Building Control** – a single team now serves both districts.\n\n"
        "**Note** – a single bold lead-in on its own is a label.\n\nMore text follows here.\n\n"
        "**Date:** 12 May 2024\n"
    )
    assert set(ws(text, markdown=True)) >= {"Waste Collection", "Building Control"}
    assert "Date" not in ws(text, markdown=True)


def test_a_numbered_heading_beside_labelled_sub_priorities_is_one_of_them():
    text = (
        "Priority: Safer communities\n\n1. Sub priority: Road Safety\n\n- Fewer casualties\n\n"
        "2. Sub priority: Youth Justice\n\n- Less reoffending\n\n3. Anti-Social Behaviour\n\n- Fewer reports\n\n"
        "4. Progress was reviewed in May.\n\nAll other costs relating to the estate - £2m.\n"
    )
    assert list(ws(text, markdown=True)) == [
        "Safer communities",
        "Road Safety",
        "Youth Justice",
        "Anti-Social Behaviour",
    ]


def test_labelled_areas_under_decimal_numbers_do_not_break_the_sibling_rule():
    text = "1.2 Priority: Safer Streets\n\n2. Next Steps\n\n3.1 Theme: Clean Air\n"
    assert set(ws(text)) == {"Safer Streets", "Clean Air"}


def test_a_form_label_naming_the_delivery_board_gives_the_priority_its_lead():
    text = (
        "PRIORITY 1\n\nPartnership Priority Delivery Board\n\nNorthshire Skills and Jobs Board – formerly the "
        "Skills Group\n\nIn 2023/24 we intended to:\n\nPriority: Young people into work\n\n"
        "Sub priority areas:\n\n1. Apprenticeships.\n2. Work experience.\n"
    )
    found = ws(text)
    assert found["Young people into work"] == "Northshire Skills and Jobs Board"
    assert found["Apprenticeships"] is None
    text = "Priority Delivery Board\n\nPeople are Safe\n\nIn 2023/24 we intended to:\n\nPriority: Safer streets\n"
    assert ws(text) == {"Safer streets": "People are Safe Board"}


def test_a_lead_line_under_an_item_names_its_lead():
    text = (
        "Our Joint Projects\n\n### Flood Resilience\n\nLead: Northshire County Council\n\n"
        "The team mapped the drains.\n\n### Rural Broadband\n\nLead officer: Jane Smith\n\nWork began in May.\n"
    )
    md = text.replace("Our Joint Projects", "## Our Joint Projects")
    assert ws(md, markdown=True) == {"Flood Resilience": "Northshire County Council", "Rural Broadband": None}


def test_table_rows_after_a_cue_name_the_areas_in_their_first_column():
    text = (
        "The partnership board agreed the following priority areas:\n\n| Area | Progress |\n|---|---|\n"
        "| Falls Prevention | On track |\n| Carers Support | Delayed |\n\n"
        "The joint projects are:\n\n| Library Hub | Northshire County Council |\n"
        "| Youth Bus | Southshire District Council |\n"
    )
    assert list(ws(text, markdown=True)) == ["Falls Prevention", "Carers Support", "Library Hub", "Youth Bus"]


def test_a_table_of_places_after_a_cue_is_not_a_list_of_areas():
    text = (
        "The service was delivered in four target areas:\n\n| Ward | School catchment | Team base |\n|---|---|---|\n"
        "| Elmford North | Elmford Primary | Elmford Family Centre |\n| Lowbury Central | Lowbury Primary | Lowbury Hub |\n"
    )
    assert ws(text, markdown=True) == {}


def test_a_table_of_milestones_and_who_is_responsible_is_no_list_of_areas():
    text = (
        "| Milestone | Date | Responsible |\n|---|---|---|\n"
        "| Agreement signed | April 2025 | Northshire County Council |\n"
        "| First cohort starts | October 2025 | Southshire District Council |\n"
        "| Final evaluation | March 2027 | Northshire County Council |\n"
    )
    assert ws(text, markdown=True) == {}


def test_a_table_column_titled_stage_or_key_projects_names_the_areas():
    text = "| Key projects | Lead |\n|---|---|\n| Market Hall | Northshire County Council |\n"
    text += "\nThe scheme runs in stages.\n\n| Stage | Date |\n|---|---|\n| Feasibility Study | May 2024 |\n"
    assert ws(text, markdown=True) == {"Market Hall": "Northshire County Council", "Feasibility Study": None}


def test_a_background_papers_table_under_a_signature_is_not_a_list_of_areas():
    text = (
        "## DIRECTOR OF COMMUNITY SERVICES\n\n| BACKGROUND PAPERS | |\n|---|---|\n"
        "| Title of Document | Date |\n| Programme Guidance | Various |\n| Ministerial Letter | Various |\n\n"
        "## Key Projects\n\n| WP1 | Northshire County Council |\n|---|---|\n| Harbour Walkway | Southshire Council |\n"
        "| Town Centre Wifi | Southshire Council |\n"
    )
    assert list(ws(text, markdown=True)) == ["Harbour Walkway", "Town Centre Wifi"]


def test_a_named_project_led_by_a_body_in_a_sentence():
    text = (
        "3.4 Both councils will report on the Coastal Paths project led by the Northshire Countryside Trust, "
        "which proposes a joint approach. The pilot led by Jane Smith ended. This project led by officers ended."
    )
    assert ws(text) == {"Coastal Paths": "Northshire Countryside Trust"}


def test_the_elements_a_programme_provides_in_a_sentence_are_kept_for_review():
    text = (
        "The scheme is a targeted programme providing access to free home insulation, an energy advice service, "
        "access to Warm Homes Grants and Boiler Repair and Servicing visits, to reduce fuel poverty. "
        "The programme provides support to those in need."
    )
    assert conf(text) == {
        "free home insulation": 0.45,
        "energy advice service": 0.45,
        "Warm Homes Grants": 0.45,
        "Boiler Repair and Servicing visits": 0.45,
    }
    assert ws("Grant programmes offering advice, mentoring, and financial support to encourage new business.") == {}


def test_joint_work_sentences_name_areas_with_a_partner_and_stop_at_the_verb():
    assert set(
        ws("Northshire has worked closely with Southshire Council on highways, libraries and trading standards.")
    ) == {"highways", "libraries", "trading standards"}
    assert set(ws("Joint working on building control, licensing and emergency planning has continued.")) == {
        "building control",
        "licensing",
        "emergency planning",
    }
    assert set(ws("The councils now share services in revenues and benefits, ICT and payroll.")) == {
        "revenues and benefits",
        "ICT",
        "payroll",
    }
    assert ws("We worked closely with residents on the plans.") == {}
    assert ws("The board will continue to work jointly in a planned and timely manner to make savings.") == {}


def test_sub_headings_set_smaller_under_a_heading_naming_the_priorities():
    from pipelines.extractors.base import Context
    from pipelines.extractors.workstreams import WorkstreamsExtractor
    from tests.conftest import doc_from

    doc = doc_from(
        "Annual Report\n\nOur Priorities\n\nHealthy Ageing\n\nThe group met.\n\nBest Start in Life\n\n"
        "Visits rose.\n\nFinance\n\nMoney was spent.\n"
    )
    sizes = {
        "Annual Report": 20.0,
        "Our Priorities": 16.0,
        "Healthy Ageing": 13.0,
        "Best Start in Life": 13.0,
        "Finance": 16.0,
    }
    blocks = [
        b.model_copy(
            update={
                "kind": "heading" if doc.block_text(b) in sizes else b.kind,
                "size": sizes.get(doc.block_text(b), 11.0),
                "level": None,
            }
        )
        for b in doc.blocks
    ]
    ctx = Context(document=doc.model_copy(update={"blocks": blocks}), nlp=None, has_model=False)
    assert [c.data["name"] for c in WorkstreamsExtractor().find(ctx)] == ["Healthy Ageing", "Best Start in Life"]


def test_a_table_of_risks_after_a_programme_cue_is_not_a_list_of_areas():
    text = (
        "The key risks to the joint programme are:\n\n| Risk | Mitigation |\n|---|---|\n"
        "| Staff turnover | Recruitment drive |\n| Data loss | Backups |\n"
    )
    assert ws(text, markdown=True) == {}


def test_a_responsible_body_or_hosted_by_column_gives_the_lead():
    text = (
        "| Project | Responsible body | Owner |\n|---|---|---|\n| Flood Barrier | Northshire County Council | "
        "Jane Smith |\n| Town Wifi | Jane Smith | Northshire County Council |\n"
    )
    assert ws(text, markdown=True) == {"Flood Barrier": "Northshire County Council", "Town Wifi": None}


def test_named_workstreams_after_such_as_in_a_sentence():
    text = (
        "12. A funding strategy will be drafted; this will be linked with several workstreams such as the Bus "
        "Service Improvement Plan (BSIP) and the Local Cycling Plan that the team leads. Other services such as "
        "health and education benefit."
    )
    assert list(ws(text)) == ["Bus Service Improvement Plan (BSIP)", "Local Cycling Plan"]


def test_a_post_the_partners_share_names_an_area_of_joint_work():
    text = (
        "1.3 The salary of the shared Chief Executive is split equally. A joint Director of Public Health has "
        "been appointed across both councils. The Director of Finance reported."
    )
    assert set(ws(text)) == {"shared Chief Executive", "Public Health"}


def test_the_domains_an_assessment_measures_are_not_areas_of_work():
    text = (
        "Staff developed an activity pack covering each of the 8 areas assessed within the development check, "
        "those being:\n\n- Gross motor\n- Fine motor\n- Hearing\n\nThe partnership's priority areas are:\n\n"
        "- Early Help\n- Family Support\n"
    )
    assert list(ws(text, markdown=True)) == ["Early Help", "Family Support"]


def test_lettered_project_labels_and_a_progress_heading_naming_the_partnerships_priorities():
    assert list(ws("Project A: Town Centre Environmental Improvements\n\nProject B: Skills Centre\n")) == [
        "Town Centre Environmental Improvements",
        "Skills Centre",
    ]
    text = (
        "3. Progress against the Partnership’s priorities\n\n3.1 Healthy Ageing\n\n3.1.1 The group met.\n\n"
        "3.2 Best Start in Life\n\n3.2.1 Visits rose.\n\n4. Financial Implications\n\n4.1 None.\n"
    )
    assert list(ws(text)) == ["Healthy Ageing", "Best Start in Life"]


def test_small_type_lines_with_figures_under_a_priorities_heading_are_a_table_not_sub_headings():
    from pipelines.extractors.base import Context
    from pipelines.extractors.workstreams import WorkstreamsExtractor
    from tests.conftest import doc_from

    doc = doc_from("Our Priorities\n\nNorthtown 1 72.4% In scheme\n\nSouthtown 2 61.0% In scheme\n\nFinance\n\nText.\n")
    sizes = {
        "Our Priorities": 16.0,
        "Northtown 1 72.4% In scheme": 9.0,
        "Southtown 2 61.0% In scheme": 9.0,
        "Finance": 16.0,
    }
    blocks = [
        b.model_copy(
            update={
                "kind": "heading" if doc.block_text(b) in sizes else b.kind,
                "size": sizes.get(doc.block_text(b), 11.0),
                "level": None,
            }
        )
        for b in doc.blocks
    ]
    ctx = Context(document=doc.model_copy(update={"blocks": blocks}), nlp=None, has_model=False)
    assert [c.data["name"] for c in WorkstreamsExtractor().find(ctx)] == []


def test_sub_headings_under_the_core_entitlements_of_a_programme():
    md = "## Core Entitlements\n\n### Free Childcare\n\nPlaces rose.\n\n### Health Visiting\n\nVisits rose.\n"
    assert list(ws(md, markdown=True)) == ["Free Childcare", "Health Visiting"]


def _review(text: str) -> dict[str, float]:
    return {c.data["name"]: c.confidence for c in run_until(text, "workstreams")[1]}


SHARED_REPORT = (
    "Title of report: Shared Services Partnership between Northshire County Council and Southshire County "
    "Council\n\n"
    "1. Background\n\n"
    "1.1 The partnership arrangement between the two councils began in 2022 and the shared services "
    "partnership agreement runs to 2027.\n\n"
    "2. Benefits\n\n"
    "2.1 Over the year we have worked together in relation to our payroll and ICT, and shared the costs of a "
    "single contract.\n\n"
    "2.2 Legal Services has built on the existing relationship to share precedents and training.\n\n"
    "2.3 Both councils agreed a joint approach to Building Control and Licensing Services from April.\n\n"
    "2.4 Highways spending rose by 4% this year and waste tonnages fell.\n"
)


def test_service_areas_named_in_sentences_about_joint_work_are_kept_for_review():
    found = _review(SHARED_REPORT)
    assert {"payroll", "ICT", "Legal Services", "Building Control and Licensing"} <= set(found)
    assert all(found[n] < 0.5 for n in ("payroll", "ICT", "Legal Services"))
    # a service mentioned where nobody works together is not an area of joint work
    assert "Highways" not in found and "waste" not in found


def test_service_areas_are_not_taken_from_reports_not_about_joint_work():
    text = (
        "Title of report: Revenue Budget Monitoring Quarter 2\n\n"
        "1. Summary\n\n"
        "1.1 The forecast overspend arises in Adult Social Care and Highways; officers have worked together with "
        "the ICT and Procurement teams to share savings plans.\n"
    )
    assert not {"Adult Social Care", "Highways", "ICT", "Procurement"} & set(_review(text))


def test_service_areas_out_of_scope_or_inside_a_body_name_are_not_taken():
    text = SHARED_REPORT + (
        "\n2.5 Payments to the Joint Highways Board were shared equally.\n\n"
        "2.6 Libraries are outside the scope of the shared services partnership.\n"
    )
    found = _review(text)
    assert "Highways" not in found and "Libraries" not in found
    assert "payroll" in found


def test_licensing_in_lower_case_is_not_the_licensing_service():
    text = SHARED_REPORT + "\n2.7 Both councils now share the cost of joint licensing for the new software.\n"
    assert "licensing" not in _review(text)


def test_a_list_of_ways_of_doing_something_is_not_a_list_of_areas():
    text = (
        "6. This report brings together the core activities of the council's property function by:\n\n"
        "• Presenting the refreshed Asset Management Plan for the operational estate;\n"
        "• Providing clear criteria for the disposal of surplus buildings;\n"
        "• Setting a consistent framework for the management of the commercial estate\n\n"
        "7. Context\n"
    )
    assert not {n for n in ws(text) if n.startswith(("Presenting", "Providing", "Setting"))}
    # the same items under a cue that does not end in 'by:' are still actions when most of them are
    assert "Setting a consistent framework for the management of the commercial estate" not in ws(
        text.replace("function by:", "function, the main activities being:")
    )


def test_one_verb_clause_in_a_list_of_named_areas_is_kept():
    text = (
        "2.8 The partnership has shared best practice in a range of areas including:\n\n"
        "• Financial Assessment\n• Brokerage and Market Management\n"
        "• Developing a Quality Assurance Framework for care homes\n• Community Safety\n\n3. Conclusion\n"
    )
    assert "Developing a Quality Assurance Framework for care homes" in ws(text)


def test_a_clause_after_a_comma_ends_the_name_of_a_theme():
    text = (
        "The framework focuses on three themes that are core to the joint work:\n\n"
        "• Family and homes, which means reducing child poverty and supporting early years;\n"
        "• Jobs and skills, through supporting people into work;\n"
        "• And nature and climate, which means acting to reduce pollution.\n\n"
        "The members endorsed the approach."
    )
    assert set(ws(text)) == {"Family and homes", "Jobs and skills", "nature and climate"}


def test_a_heading_run_into_the_last_item_of_a_list_is_cut_off():
    text = (
        "13. The following projects are seeking approval of change requests:\n\n"
        "• Riverside Flood Defence Phase 2\n• Northgate Enabling Works\n"
        "• Town Centre Cycle Network Alternative Options Considered\n\n"
        "14. All change requests set out the options considered."
    )
    assert set(ws(text)) == {"Riverside Flood Defence Phase 2", "Northgate Enabling Works", "Town Centre Cycle Network"}


def test_kinds_of_decision_are_not_areas_of_work():
    text = (
        "The delegations agreed by the committee are as follows:\n\n"
        "1. **Business case approvals** – the committee delegated approval of business cases to the director.\n"
        "2. **Change request approvals** – the committee delegated approval of change requests.\n"
    )
    assert ws(text, markdown=True) == {}


def test_a_counted_cue_over_one_paragraph_of_labelled_items():
    text = (
        "5. The programme improves the life chances of young children through four core elements:\n\n"
        "i. Free part-time childcare for all 2-3 year olds (12.5 hours a week); ii. Enhanced health visiting with "
        "smaller caseloads; iii. Parenting programmes and support; iv. Early language development\n\n"
        "6. All eligible families can access the four elements."
    )
    assert list(ws(text)) == [
        "Free part-time childcare for all 2-3 year olds",
        "Enhanced health visiting with smaller caseloads",
        "Parenting programmes and support",
        "Early language development",
    ]
    # a count that does not match the items is not trusted
    assert not ws(text.replace("four core elements", "five core elements"))


def test_a_title_subject_that_is_a_step_or_a_consent_is_not_a_workstream():
    text = "Title of report: Highways Maintenance Arrangements – Integration and Implementation\n\n1. This report asks."
    assert set(ws(text)) == {"Highways Maintenance"}
    assert ws("Title of report: Application 16/AP/0001 for: Full Planning Permission\n\n1. The site is vacant.") == {}
    assert ws("Title of report: Annual Delivery Plan 2025-2026\n\n1. This report presents the plan.") == {}


def test_service_areas_must_be_in_the_clause_that_works_together():
    text = SHARED_REPORT + (
        "\n2.5 The finance teams of both councils have worked together to agree the pooled budget; the Finance "
        "Team will report quarterly.\n\n"
        "2.6 Street cleansing is not affected by the partnership, although the two councils share a depot.\n"
    )
    found = _review(text)
    assert "Finance" not in found and "Street cleansing" not in found
    assert "payroll" in found


def test_a_numbered_list_after_a_cue_read_partly_as_headings_is_one_list():
    text = (
        "1. Summary\n\n1.1 The partners have worked together on a new strategy. The strategy has four priorities:\n\n"
        "1. Giving every child the best start in life\n"
        "2. Enabling people to live well for longer, which will reduce demand on services\n"
        "3. Mental health and wellbeing\n4. Reducing health inequalities\n\n"
        "2. Consultation\n\n2.1 Partners were consulted on the draft strategy."
    )
    assert list(ws(text)) == [
        "Giving every child the best start in life",
        "Enabling people to live well for longer",
        "Mental health and wellbeing",
        "Reducing health inequalities",
    ]


def test_a_dash_in_an_age_range_does_not_end_a_name():
    text = (
        "The programme provides the following core entitlements:\n\n"
        "• Quality part-time childcare for all 2 -3 year olds;\n• Enhanced health visiting;\n"
        "• Parenting programmes and support.\n\nProgress has been good."
    )
    assert "Quality part-time childcare for all 2 -3 year olds" in ws(text)


def test_fees_and_charges_are_a_budget_line_but_parking_charges_may_be_work():
    text = (
        "The joint projects with the neighbouring council are as follows:\n\n"
        "1. **Contributions, Fees and Charges** – the outturn is £5.5m.\n"
        "2. **Parking Charges** – a joint review of on-street tariffs.\n"
    )
    assert set(ws(text, markdown=True)) == {"Parking Charges"}


def test_a_title_naming_an_approach_to_a_service_is_about_the_service():
    text = "Title of report: Commissioning Approach for Home Care Services\n\n1. This report asks for approval."
    assert set(ws(text)) == {"Home Care Services"}


def test_lettered_objectives_with_a_lead_partner_after_a_dash():
    # the next item's letter ("b)") must not read as a line wrapped from the one above; "lead partner X" needs no colon
    text = (
        "2.4 The regeneration programme is built around three strategic objectives of the programme:\n\n"
        "a) Enterprise and jobs - lead partner Lowfield Enterprise Agency\n"
        "b) Safer estates - lead partner Lowfield Borough Council\n"
        "c) Learning - lead partner Lowfield Sixth Form College\n\n"
        "3. FINANCE\n\n3.1 Partners: Lowfield Borough Council, Lowfield Enterprise Agency, Lowfield Sixth Form College."
    )
    assert ws(text) == {
        "Enterprise and jobs": "Lowfield Enterprise Agency",
        "Safer estates": "Lowfield Borough Council",
        "Learning": "Lowfield Sixth Form College",
    }


def test_a_lead_agency_aside_ends_the_name():
    text = (
        "The partnership works under four themes:\n\n1. Business support (lead agency: Kent County Council)\n"
        "2. Transport (lead agency: Medway Council)\n3. Housing (lead agency: Kent County Council)\n"
        "4. Health (lead agency: Medway Council)\n"
    )
    assert ws(text) == {
        "Business support": "Kent County Council",
        "Transport": "Medway Council",
        "Housing": "Kent County Council",
        "Health": "Medway Council",
    }


def test_priority_headings_with_a_year_and_lead_lines():
    text = (
        "## 3. Our priorities 2020/21\n\n### Reducing reoffending\n\nLead: Surrey County Council\n\n"
        "The scheme worked with 60 people.\n\n### Hate crime\n\nLead: Surrey Police\n\nSix centres opened.\n\n"
        "## 4. Resources\n\nThe grant was £40,000."
    )
    assert ws(text, markdown=True) == {"Reducing reoffending": "Surrey County Council", "Hate crime": "Surrey Police"}


def test_a_lead_column_naming_a_listed_body_but_not_a_post():
    text = (
        "Partners: Medway Council, Kent Police, Medway Jobs Plus.\n\n"
        "| Theme | Lead agency |\n|---|---|\n| Worklessness | Medway Jobs Plus |\n"
        "| Crime | Head of Community Safety |\n"
    )
    assert ws(text, markdown=True) == {"Worklessness": "Medway Jobs Plus", "Crime": None}


def test_funded_schemes_are_areas_but_a_planning_scheme_and_sites_are_not():
    funded = "The pooled budget supports the following schemes:\n\n- Falls prevention\n- Carers support\n- Reablement\n"
    assert list(ws(funded, markdown=True)) == ["Falls prevention", "Carers support", "Reablement"]
    planning = (
        "The scheme is generally acceptable in strategic terms, as set out below:\n\n"
        "- Principle of development: supported.\n- Mix of uses: supported.\n"
    )
    assert "Principle of development" not in ws(planning, markdown=True)
    sites = "The Committee considered the following schemes:\n\n- Land off Mill Lane - four dwellings\n- Land at Church Farm - barn\n"
    assert ws(sites, markdown=True) == {}


def test_a_lead_column_of_bodies_makes_the_first_column_the_areas():
    text = (
        "The shared service is organised into three units:\n\n"
        "| Unit | Lead authority | Cases |\n|---|---|---|\n| Licensing Enforcement | Babergh District Council | 410 |\n"
        "| Pest Control | Mid Suffolk District Council | 95 |\n| Food Safety | Babergh District Council | 120 |\n"
    )
    assert ws(text, markdown=True) == {
        "Licensing Enforcement": "Babergh District Council",
        "Pest Control": "Mid Suffolk District Council",
        "Food Safety": "Babergh District Council",
    }
    # the same table with posts in the lead column names no bodies: no areas from it
    posts = (
        text.split("\n\n", 1)[1]
        .replace("| Babergh District Council |", "| Head of Environment |")
        .replace("| Mid Suffolk District Council |", "| Licensing Manager |")
    )
    assert ws(posts, markdown=True) == {}


def test_a_bilingual_column_title_names_the_areas():
    text = (
        "| Work area / Maes gwaith | Lead authority / Awdurdod arweiniol |\n|---|---|\n"
        "| Local Development Plan | Conwy County Borough Council |\n| Minerals planning | Denbighshire County Council |\n"
    )
    assert ws(text, markdown=True) == {
        "Local Development Plan": "Conwy County Borough Council",
        "Minerals planning": "Denbighshire County Council",
    }


def test_capitalised_themes_named_in_prose_with_leads_in_brackets():
    text = (
        "2.3 The regeneration programme has themes of Town Centre Renewal, Youth Inclusion (lead: Durham "
        "Constabulary), Learning and Skills, and Older People.\n"
    )
    assert ws(text) == {
        "Town Centre Renewal": None,
        "Youth Inclusion": "Durham Constabulary",
        "Learning and Skills": None,
        "Older People": None,
    }


def test_a_list_whose_cue_says_each_item_has_a_lead():
    text = (
        "4.1 The plan is built around three objectives, each with a lead agency:\n\n"
        "a. Better early years - lead: Rotherham Metropolitan Borough Council\n"
        "b. Healthier families - lead: Rotherham Primary Care Trust\n"
        "c. Safer streets - lead: South Yorkshire Police\n"
    )
    got = ws(text)
    assert got["Healthier families"] and got["Safer streets"] == "South Yorkshire Police"


def test_a_priority_column_beside_officer_leads_in_a_councils_own_plan_is_not_joint_work():
    text = (
        "| Priority | Action | Accountable officer |\n|---|---|---|\n"
        "| Thriving places | Open the new library | Director of Communities |\n"
        "| Best start for children | Expand family hubs | Director of Children's Services |\n"
    )
    assert ws(text, markdown=True) == {}


THEMES = ["Arts and Culture;", "Children and Young People;", "Green Neighbourhoods;", "Health and Well Being; and"]
THEMES_CUE = "1. Five themes have been defined to guide the kinds of activity the fund will support: -"
THEME_NAMES = {"Arts and Culture", "Children and Young People", "Green Neighbourhoods", "Health and Well Being"}


def test_a_cue_whose_colon_has_a_dash_after_it_still_introduces_its_list():
    text = "\n\n".join([THEMES_CUE, *("- " + t for t in THEMES), "- Older People."])
    assert set(ws(text, markdown=True)) == THEME_NAMES | {"Older People"}


def test_a_list_whose_bullets_were_lost_is_read_by_its_semicolons():
    cue = THEMES_CUE.replace(": -", ":")
    text = "\n\n".join([cue, *THEMES, "Older People.", "2. The committee is asked to approve the awards."])
    assert set(ws(text)) == THEME_NAMES | {"Older People"}


def test_a_running_header_between_a_cue_and_its_list_is_passed_over():
    header = "Paper 7/24"
    text = "\n\n".join(
        [
            header,
            "Riverside Grants",
            THEMES_CUE.replace(": -", ":"),
            header,
            *("- " + t for t in THEMES),
            "- Older People.",
            header,
        ]
    )
    assert set(ws(text, markdown=True)) == THEME_NAMES | {"Older People"}


def test_a_list_broken_by_a_page_number_goes_on_after_it():
    items = ["- " + t for t in THEMES]
    text = "\n\n".join([THEMES_CUE.replace(": -", ":"), *items[:2], "2", *items[2:], "- Older People."])
    assert set(ws(text, markdown=True)) == THEME_NAMES | {"Older People"}


def test_a_cue_that_names_other_things_as_its_list_is_not_a_list_of_areas():
    text = (
        "Resurfacing programmes are set for May, with the following roads due for repair:\n\n"
        "- Mill Road, Upton\n\n- Church Lane, Eastfield\n\n- High Street, Upton\n"
    )
    assert ws(text, markdown=True) == {}


def test_areas_a_joint_sentence_names_after_such_as_even_in_lower_case():
    text = (
        "Hilltop Community Council continued to work with Northshire Council on areas such as bin collections, "
        "flooding, street lighting, and the siting of public benches.\n\n"
        "The council also spent money in areas such as printing, postage and hall hire.\n"
    )
    assert set(ws(text)) == {"bin collections", "flooding", "street lighting", "the siting of public benches"}


def test_a_list_of_short_bare_lines_after_a_cue_is_read_whatever_their_case():
    text = (
        "The revised priorities for the next six months are:\n\n"
        "anti-social behaviour\n\nlittering (lack of bins)\n\ntheft of pedal cycles\n\n"
        "PC Jones then described the plans for the autumn, which the group welcomed at length.\n"
    )
    assert set(ws(text)) == {"anti-social behaviour", "littering (lack of bins)", "theft of pedal cycles"}


def test_bulleted_items_after_a_cue_are_read_whatever_their_case():
    text = (
        "The revised priorities for the next six months are:\n\n"
        "- anti-social behaviour\n- littering (lack of bins)\n- theft of pedal cycles\n\n"
        "PC Jones then described the plans for the autumn.\n"
    )
    assert set(ws(text, markdown=True)) == {
        "anti-social behaviour",
        "littering (lack of bins)",
        "theft of pedal cycles",
    }


def test_lines_each_opening_with_a_programmes_name_name_the_programmes():
    text = (
        "Our network runs two programmes of activity.\n\n"
        "Transformation Programme: sets the direction of the service with its senior leaders.\n\n"
        "Technology Programme: buys and deploys the systems the service needs.\n\n"
        "The network meets monthly.\n\n"
        "Bridge Project: one line alone is not a list.\n"
    )
    assert set(ws(text)) == {"Transformation Programme", "Technology Programme"}


def test_a_person_or_a_line_under_attendees_is_not_an_area_of_work():
    from pipelines.extractors.base import Candidate
    from pipelines.extractors.workstreams import WorkstreamsExtractor

    text = "## Attendees\n\n- Alan Fry (Northshire Council)\n\n## Joint work\n\n- Waste collection\n"
    ctx, _ = run_until(text, "workstreams", True)
    headings = [b for b in ctx.document.blocks if b.kind == "heading"]
    starts = [h.start for h in headings]

    def area(name: str) -> bool:
        start = ctx.text.find(name)
        c = Candidate("workstreams", start, start + len(name), {"name": name}, rule="bold-lead-in")
        return WorkstreamsExtractor._is_area(ctx, c, headings, starts)

    assert not area("Alan Fry (Northshire Council)")  # under "Attendees"
    assert area("Waste collection")
    # a name with a title of address is a person wherever it is
    assert not WorkstreamsExtractor._is_area(
        ctx, Candidate("workstreams", 0, 5, {"name": "Cllr Jane Moss"}, rule="cued-list"), [], []
    )


def test_a_response_to_a_planning_application_has_no_workstreams():
    text = (
        "Hilltop Parish Council\n\nResponse to Planning Application 24/0101/OUT\n\n"
        "The council objects on the following grounds:\n\n- **Heritage** – harm to the conservation area.\n"
        "- **Transport** – the lanes cannot take the traffic.\n- **Drainage** – the site floods.\n"
    )
    assert ws(text, markdown=True) == {}


def test_questions_and_statements_in_a_cued_list_are_not_areas():
    text = (
        "The review will look at the following areas:\n\n- Safeguarding training\n"
        "- How are referrals from partners handled\n- There are no shared records\n"
        "- Night-time cover is not provided at weekends\n- Data sharing\n"
    )
    assert set(ws(text, markdown=True)) == {"Safeguarding training", "Data sharing"}


def test_pieces_of_lines_broken_off_their_sentences_are_not_areas():
    # text set in columns and read across leaves a list's lines opening or ending on a joining word
    text = (
        "The partnership will work on the following areas:\n\n- Promoting prevention\n- and care technology\n"
        "- solving some\n- Housing support\n"
    )
    assert set(ws(text, markdown=True)) == {"Promoting prevention", "Housing support"}


def test_the_goals_of_a_network_are_its_areas_of_work():
    text = (
        "# A guide to the Westshire Imaging Network\n\n"
        "The network joins the radiology departments of Elmford and Lowbury hospitals.\n\n"
        "## Goals of the Special Interest Groups\n\n"
        "1. Share reporting between sites with a common interest\n\n"
        "2. Agree common imaging protocols across both trusts\n\n"
        "3. Reduce variation in waiting times between postcodes\n"
    )
    assert list(ws(text, markdown=True)) == [
        "Share reporting between sites with a common interest",
        "Agree common imaging protocols across both trusts",
        "Reduce variation in waiting times between postcodes",
    ]


def test_an_aside_in_brackets_under_an_item_does_not_end_the_list():
    text = (
        "Our priorities for the partnership are:\n\n- Cut waiting times for Lowbury clinics\n\n(2026/27 commitment)\n\n"
        "- Early Help\n- Carers Support\n\nThe board meets monthly.\n"
    )
    assert list(ws(text, markdown=True)) == ["Cut waiting times for Lowbury clinics", "Early Help", "Carers Support"]


def test_a_paragraph_under_a_priority_heading_that_opens_with_who_will_lead_names_its_lead():
    text = (
        "## Our joint priorities\n\n### Priority 1: Waste Prevention\n\n"
        "4.2 Elmford District Council will lead on waste prevention. Reuse shops will open.\n\n"
        "### Priority 2: Food Waste\n\nThe Lowbury Borough Council leads on food waste collections.\n\n"
        "### Priority 3: Communications\n\nAll partners will share this work.\n"
    )
    found = ws("Elmford District Council and Lowbury Borough Council work in partnership on waste.\n\n" + text, True)
    assert found == {
        "Waste Prevention": "Elmford District Council",
        "Food Waste": "Lowbury Borough Council",
        "Communications": None,
    }


def test_numbered_rows_of_a_table_of_areas_are_named_without_their_numbers():
    text = (
        "| Area of work | Lead authority |\n|---|---|\n| 1. Curriculum and Assessment | Elmford District Council |\n"
        "| 2. Professional Learning | Lowbury Borough Council |\n"
    )
    assert ws(text, markdown=True) == {
        "Curriculum and Assessment": "Elmford District Council",
        "Professional Learning": "Lowbury Borough Council",
    }


def test_a_priority_lead_line_names_the_lead_and_labelled_objectives_beneath_are_not_areas():
    text = (
        "## Our joint priorities\n\nThe partnership of Elmford District Council and Lowbury Borough Council has "
        "three priorities.\n\n### Priority 1: Prevent homelessness\n\n*Priority lead: Lowbury Borough Council*\n\n"
        "- **Objective 1a** – Identify households at risk earlier.\n- **Objective 1b** – Expand mediation.\n"
    )
    assert ws(text, markdown=True) == {"Prevent homelessness": "Lowbury Borough Council"}


def test_a_table_header_repeated_over_a_page_and_its_total_row_are_not_areas():
    text = (
        "| Strand | Lead partner | 2025/26 |\n|---|---|---|\n| Care at Home | Perth and Kinross Council | 1.450 |\n"
        "| Strand | Lead partner | 2025/26 |\n| Day Opportunities | NHS Tayside | 0.610 |\n"
        "| Total planned | | 2.060 |\n"
    )
    assert ws(text, markdown=True) == {"Care at Home": "Perth and Kinross Council", "Day Opportunities": "NHS Tayside"}
