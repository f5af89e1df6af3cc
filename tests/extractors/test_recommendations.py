"""Recommendations: blocks with lead-ins, labels kept apart, sub-headings skipped, repeats counted once."""

import pytest

from tests.conftest import run_until

LABELLED = """RECOMMENDATIONS

Cabinet is recommended to:

a) note the savings of £1.2m achieved since 2019/20;

b) approve the extension of the agreement for five years; and

c) delegate authority to the Director of Finance to agree the terms.

1. Background

1.1 The partnership began in 2019.
"""


def recs(text: str, markdown: bool = False):
    return [(c.data["label"], c.data["text"]) for c in run_until(text, "recommendations", markdown)[1]]


def test_labelled_items_after_a_lead_in():
    assert recs(LABELLED) == [
        ("a)", "note the savings of £1.2m achieved since 2019/20"),
        ("b)", "approve the extension of the agreement for five years"),
        ("c)", "delegate authority to the Director of Finance to agree the terms."),
    ]


def test_single_recommending_sentence_is_one_item():
    text = (
        "RECOMMENDATION:\n\nThe Committee is recommended to note the activities of the partnership.\n\n"
        "1. Background\n\n1.1 The Committee is recommended to note the activities of the partnership again."
    )
    assert recs(text) == [(None, "The Committee is recommended to note the activities of the partnership.")]


def test_resolved_minutes():
    text = (
        "RESOLVED -\n\n(a) That the joint service be established from 1 July 2019.\n\n"
        "(b) That the Director be authorised to agree the collaboration agreement.\n\n13. Any other business"
    )
    assert [label for label, _ in recs(text)] == ["(a)", "(b)"]


def test_numbered_sub_headings_are_not_items():
    text = (
        "Decision taken\n\nThe Committee:\n\n1. Residents Parking\n\na. Approved the new permit tariffs.\n\n"
        "b. Approved the visitor permit charge.\n\n2. Agreed the timetable for the review.\n\n(e) Exempt information?"
    )
    texts = [t for _, t in recs(text)]
    assert "Residents Parking" not in texts
    assert texts == [
        "Approved the new permit tariffs.",
        "Approved the visitor permit charge.",
        "Agreed the timetable for the review.",
    ]


def test_next_numbered_section_ends_the_block():
    text = (
        "4.00 RECOMMENDATIONS\n\n4.01 That Cabinet approves the expansion of the programme.\n\n"
        "5.00 FINANCIAL IMPLICATIONS\n\n5.01 There are no financial implications for the council."
    )
    assert recs(text) == [("4.01", "That Cabinet approves the expansion of the programme.")]


def test_body_sentences_repeating_a_formal_block_are_dropped():
    text = (
        "Recommendations:\n\nCabinet is asked to approve the shared service.\n\n2. Conclusion\n\n"
        "2.1 Members are therefore recommended to endorse the continuation of the arrangement."
    )
    assert len(recs(text)) == 1


def test_a_note_on_which_recommendations_passed_is_not_one():
    text = (
        "Decision taken\n\nThe Committee:\n\n1. Approved the new permit charges.\n\n"
        "2. Agreed to consult on the parking strategy.\n\n- Recommendations 4c and 5 were not approved.\n"
    )
    assert [t for _, t in recs(text, markdown=True)] == [
        "Approved the new permit charges.",
        "Agreed to consult on the parking strategy.",
    ]


def test_numbered_list_under_a_numbered_recommendations_heading():
    text = (
        "6. Consultation\n\n6.1 Parish councils were consulted in the spring.\n\n7. Recommendations\n\n"
        "The Council is asked to:\n\n1. To NOTE the work of the cross-party review group\n\n"
        "2. APPROVE the revised scheme of delegation at Appendix A.\n\n"
        "3. DELEGATE authority to the Head of Legal Services to make consequential changes.\n\n"
        "8. Background Papers\n\nNone.\n"
    )
    assert [t for _, t in recs(text)] == [
        "To NOTE the work of the cross-party review group",
        "APPROVE the revised scheme of delegation at Appendix A.",
        "DELEGATE authority to the Head of Legal Services to make consequential changes.",
    ]


def test_titles_inside_a_lettered_list_do_not_end_it():
    text = (
        "Recommendations:\n\nThe Council is asked to agree the following:\n\nHighways Capital Programme\n\n"
        "(a) The highways capital programme of £12.5m for 2026-27.\n\n"
        "(b) The allocation for bridge strengthening set out in appendix C.\n\nCouncil Tax\n\n"
        "(c) The council tax requirement for 2026-27.\n\n(d) To note the level of general reserves.\n\n"
        "Contact details\n\nJane Smith, Head of Finance\n"
    )
    assert [label for label, _ in recs(text)] == ["(a)", "(b)", "(c)", "(d)"]


def test_paragraph_numbers_after_a_section_heading_are_not_recommendations():
    text = (
        "RECOMMENDATION\n\n1. That the Cabinet Member approves the rephasing of the estate works.\n\n"
        "BACKGROUND INFORMATION\n\n2. The estate was built in 1968 and has 240 homes.\n\n"
        "3. Residents were consulted in 2024.\n"
    )
    assert recs(text) == [("1.", "That the Cabinet Member approves the rephasing of the estate works.")]


def test_unlabelled_imperative_paragraphs_of_a_decision_notice():
    text = (
        "Decision:\n\nAs Cabinet Member for Adult Services I agree to:\n\n"
        "APPROVE the closure of the day centre at the end of its lease.\n\n"
        "DELEGATE authority to the Director of Adult Services to consult staff and users "
        "DELEGATE authority to the Director of Property to dispose of the building.\n\n"
        "Reason(s) for decision:\n\nThe building needs repairs costing £2m.\n"
    )
    assert [t for _, t in recs(text)] == [
        "APPROVE the closure of the day centre at the end of its lease.",
        "DELEGATE authority to the Director of Adult Services to consult staff and users",
        "DELEGATE authority to the Director of Property to dispose of the building.",
    ]


def test_resolved_inside_a_minute_with_its_own_label():
    text = (
        "4 MINUTES OF THE PREVIOUS MEETING (Agenda item 3) RESOLVED: That the minutes of the meeting held on "
        "2 March are agreed as a correct record.\n\n5 EXTERNAL AUDIT PLAN (Agenda item 5)\n\n"
        "RESOLVED: (A) That the Committee notes the external audit plan for the main accounts.\n\n"
        "(B) That the Committee notes the external audit plan for the pension fund accounts.\n"
    )
    assert recs(text) == [
        (None, "That the minutes of the meeting held on 2 March are agreed as a correct record."),
        ("(A)", "That the Committee notes the external audit plan for the main accounts."),
        ("(B)", "That the Committee notes the external audit plan for the pension fund accounts."),
    ]


def test_recommendation_row_of_a_cover_form():
    text = (
        "| Report of | Head of Policy |\n|---|---|\n"
        "| Recommendation to Cabinet | To approve the Corporate Plan for 2026-27. |\n\n"
        "Conclusion\n\nIt is recommended that Cabinet approves the Corporate Plan for 2026-2027.\n"
    )
    assert recs(text, markdown=True) == [(None, "To approve the Corporate Plan for 2026-27.")]


MINUTES = """Parish Council Meeting

1 Apologies for absence

Cllr Brown.

2 Minutes of the last meeting

Agreed

3 Footpaths

The footpath officer reported on the stile at Mill Lane. At the last parish meeting it was agreed that the stile would be inspected.

It was agreed that the clerk write to the landowner about the stile.

Proposal to install a new bench on the green agreed

The bench was installed after the scheme was agreed.

Action: Clerk to write to the highway authority about the verges (JS)

4 Votes

For (5)

Agreed
"""


def test_minutes_outcomes_are_items_and_action_points_are_not():
    found = {c.data["text"]: c for c in run_until(MINUTES, "recommendations")[1]}
    assert set(found) == {
        "Minutes of the last meeting: Agreed",
        "It was agreed that the clerk write to the landowner about the stile.",
        "Proposal to install a new bench on the green agreed",
    }  # "Action: Clerk to write to the highway authority about the verges" is a task, not a decision
    assert found["Proposal to install a new bench on the green agreed"].confidence < 0.5  # kept for review


def test_agreed_sentences_outside_minutes_are_not_outcomes():
    text = (
        "1. Background\n\n1.1 It was agreed that the partnership would be reviewed after two years.\n\n"
        "1.2 The approach was agreed by both councils.\n"
    )
    assert recs(text) == []


def test_resolved_stub_is_not_an_item_but_its_list_is():
    text = (
        "7 Library Strategy\n\nRESOLVED that Cabinet agree to:\n\na) adopt the library strategy for 2026-2030;\n\n"
        "b) consult on the opening hours of branch libraries.\n\n8 Any Other Business\n"
    )
    assert recs(text) == [
        ("a)", "adopt the library strategy for 2026-2030"),
        ("b)", "consult on the opening hours of branch libraries."),
    ]


def test_decision_label_on_the_same_line():
    text = (
        "DECISION: The Leader agreed to:\n\na) approve the disposal of the former depot;\n\n"
        "b) delegate the terms of sale to the Director of Property.\n\nReasons for the decision\n\n"
        "The depot is surplus.\n\nDecision: To approve the grant to the community trust.\n"
    )
    assert [t for _, t in recs(text)] == [
        "approve the disposal of the former depot",
        "delegate the terms of sale to the Director of Property.",
        "To approve the grant to the community trust.",
    ]


def test_lead_in_ending_colon_dash():
    text = (
        "It is recommended that the Executive:-\n\n(i) approve the regeneration framework for the town centre;\n\n"
        "(ii) note the bid to the Single Regeneration Budget.\n\n2. Background\n"
    )
    assert [label for label, _ in recs(text)] == ["(i)", "(ii)"]


def test_council_resolved_in_minutes_is_trusted():
    text = (
        "Apologies for absence\n\nCllr Green.\n\nMatters arising\n\nNone.\n\n5 Village Hall\n\n"
        "The council resolved to renew the hall insurance with the current provider.\n"
    )
    found = run_until(text, "recommendations")[1]
    assert [c.data["text"] for c in found] == [
        "The council resolved to renew the hall insurance with the current provider."
    ]
    assert found[0].confidence >= 0.5


def test_members_asked_that_in_minutes_is_kept_for_review():
    text = (
        "Present\n\nCllr Green (Chair)\n\nApologies\n\nNone.\n\n4 Audit Report\n\n"
        "Members noted the report and asked that the committee be kept advised of progress.\n"
    )
    found = run_until(text, "recommendations")[1]
    assert [c.data["text"] for c in found] == [
        "Members noted the report and asked that the committee be kept advised of progress."
    ]
    assert found[0].confidence < 0.5


def test_plain_decisions_of_minutes_not_to_act_or_endorsed_by_the_body_and_the_previous_minute():
    text = (
        "Present\n\nCllr Green (Chair)\n\nApologies\n\nNone.\n\n1 The previous minute was approved online.\n\n"
        "5 Benches\n\nNew benches have been installed. It was decided not to place a litter bin beside them.\n\n"
        "6 Open data\n\nThis approach was endorsed by the Panel. The approach was discussed by the group.\n"
    )
    assert [c.data["text"] for c in run_until(text, "recommendations")[1]] == [
        "The previous minute was approved online.",
        "It was decided not to place a litter bin beside them.",
        "This approach was endorsed by the Panel.",
    ]


def test_action_required_label_on_the_same_line():
    text = (
        "Action required by the Board: The Board is asked to note the annual report of the Director of "
        "Public Health.\n\n1. Introduction\n\n1.1 The report is a statutory duty.\n"
    )
    assert recs(text) == [(None, "The Board is asked to note the annual report of the Director of Public Health.")]


def test_bulleted_items_after_a_board_lead_in():
    text = (
        "Action required\n\nThe Board is asked to:\n\n• note the progress of the joint plan;\n\n"
        "• agree the revised terms of reference.\n\n1. Background\n\n1.1 The Board was established in 2013.\n"
    )
    assert [t for _, t in recs(text)] == [
        "note the progress of the joint plan",
        "agree the revised terms of reference.",
    ]


def test_labelled_stub_before_roman_items_is_not_an_item():
    text = (
        "2. RECOMMENDATIONS\n\n2.1 That the Executive Board:\n\n(i) approves the town centre framework;\n\n"
        "(ii) notes the submission of the regeneration bid.\n\n3. BACKGROUND\n\n3.1 The centre declined after 1998.\n"
    )
    assert recs(text) == [
        ("(i)", "approves the town centre framework"),
        ("(ii)", "notes the submission of the regeneration bid."),
    ]


def test_community_council_minutes_record_and_motion():
    text = (
        "Minutes of the Community Council\n\nPresent: Cllr Adams, Cllr Bell\n\nApologies: Cllr Cole\n\n"
        "3. Minutes of the previous meeting\n\nThe minutes of the meeting held on 4 March were approved as a "
        "correct record.\n\n4. Planning\n\nProposed by Cllr Adams, seconded by Cllr Bell, that the council objects "
        "to the application for six houses. Carried.\n"
    )
    assert [t for _, t in recs(text)] == [
        "The minutes of the meeting held on 4 March were approved as a correct record.",
        "the council objects to the application for six houses.",
    ]


def test_minutes_approved_whatever_word_comes_before_minute():
    text = (
        "Minutes of the Elmford Community Council\n\nPresent: Cllr Adams, Cllr Bell\n\n"
        "4. Previous Minute\n\nThe draft minute was approved online.\n\n5. Treasurer\n\nThe balance is £400.\n"
    )
    assert [t for _, t in recs(text)] == ["The draft minute was approved online."]


def test_minutes_title_then_approved_is_one_decision():
    text = (
        "Minutes of the Elmford Community Council\n\nPresent: Cllr Adams, Cllr Bell\n\n"
        "2. Minutes of Previous Meetings. Approved by email and on the website.\n\n"
        "3. Matters Arising: the bench at Lowbury Green is repaired.\n"
    )
    assert [t for _, t in recs(text)] == ["Minutes of Previous Meetings. Approved by email and on the website."]


def test_agenda_title_for_the_minutes_is_not_a_decision():
    text = (
        "Present\n\nMr Smith (Chair)\n\nApologies\n\nNone.\n\n"
        "294. Minutes of the meeting held on 3 June and, if in order, to be approved as a correct record\n\n"
        "RESOLVED that the minutes of the meeting held on 3 June be approved as a correct record.\n"
    )
    assert [t for _, t in recs(text)] == ["the minutes of the meeting held on 3 June be approved as a correct record."]


def test_a_recommending_body_sentence_is_trusted_only_under_a_decision_heading():
    text = (
        "## Summary\n\nThe Board is asked to note the annual report of the partnership.\n\n"
        "## Our year\n\nIt is recommended that partners continue to fund the helpline.\n"
    )
    found = {c.data["text"][:12]: c.confidence for c in run_until(text, "recommendations", markdown=True)[1]}
    assert found["The Board is"] >= 0.5 and found["It is recomm"] < 0.5


def test_procedure_for_declaring_interests_is_not_a_recommendation():
    text = (
        "2. Declarations of interest\n\nMembers who have an interest to declare are asked to state:\n\n"
        "a) the item number in which they have an interest;\n\nb) the nature of the interest.\n\n3. Minutes\n"
    )
    assert recs(text) == []


def test_lettered_items_run_together_in_one_paragraph():
    text = (
        "Recommendations\n\nThe Cabinet is recommended to: (a) note the annual report; (b) approve the action plan "
        "for 2015-16; and (c) agree to receive a further report in March.\n\n1. Introduction\n"
    )
    assert recs(text) == [
        ("(a)", "note the annual report"),
        ("(b)", "approve the action plan for 2015-16"),
        ("(c)", "agree to receive a further report in March."),
    ]


def test_a_numbered_section_heading_after_a_numbered_list_ends_it():
    text = (
        "Recommendations\n\nThe Board is asked to:\n\n1. approve the joint plan for 2022-23;\n\n"
        "2. note the pooled budget of £12 million; and\n\n3. delegate authority to the Director to agree minor changes.\n\n"
        "1. Background\n\n1.1 The pooled budget is held by the two partners under a section 75 agreement.\n\n"
        "1.2 The plan must be submitted by the end of the month."
    )
    assert [label for label, _ in recs(text)] == ["1.", "2.", "3."]


def test_a_paragraph_number_of_another_section_ends_the_list():
    text = (
        "Council is asked to:\n\n1. Note the report of the working party.\n\n2. Approve the amended constitution.\n\n"
        "14.60 The text of any motion must be given to the Chairman in writing before the meeting.\n\n"
        "15.2 Motions are taken in the order in which they are received."
    )
    assert [label for label, _ in recs(text)] == ["1.", "2."]


def test_a_published_summary_marker_is_not_an_item():
    text = (
        "Decision:\n\nThe Committee:\n\n1) Approved the funding application for the nature workplan.\n\n"
        "2) Noted the return of capital to the fund headroom.\n\n3) ... view the full decision text for item 9.\n\n"
        "Minutes:\n\nMembers discussed the report."
    )
    assert [t for _, t in recs(text)] == [
        "Approved the funding application for the nature workplan.",
        "Noted the return of capital to the fund headroom.",
    ]


def test_a_cut_off_item_keeps_its_words_before_the_marker():
    text = (
        "Decision:\n\nThe Committee:\n\n1) Approved the proposed period for the spatial strategy.\n\n"
        "2) Noted the ... view the full minutes text for item 15.\n\nMinutes:\n\nMembers discussed the report."
    )
    assert [t for _, t in recs(text)] == ["Approved the proposed period for the spatial strategy."]


def test_a_resolution_wrapped_after_a_joining_word_goes_on_to_the_next_line():
    text = (
        "MINUTES of a meeting of the County Council held on 3 May 2024\n\nPresent: Mr A Brown (Chairman)\n\n"
        "Apologies for absence were received from Mrs Green.\n\n4. Minutes of the Panel\n\n"
        "RESOLVED that the minutes of the Fostering Panel meetings held on\n\n"
        "2 March 2024 and 9 April 2024 be noted.\n\n5. Leader's report"
    )
    assert [t for _, t in recs(text)] == [
        "the minutes of the Fostering Panel meetings held on 2 March 2024 and 9 April 2024 be noted."
    ]


def test_a_body_paragraph_asking_again_after_the_formal_block_is_for_review():
    text = (
        "Recommendation\n\nThat Committee:\n\n1) Approves the transport delivery plan.\n\n"
        "2) Notes the outcome of the re-baseline exercise.\n\nBackground\n\n"
        "67. The earlier committee delegated approval of change requests to the Chief Executive.\n\n"
        "68. The Committee is requested to consolidate both delegations into one delegation:\n\n"
        "Committee is requested to delegate the approval of all remaining business cases to the Director.\n\n"
        "69. All delegated decisions will be reported to the next meeting."
    )
    got = run_until(text, "recommendations")[1]
    formal = [c.data["text"] for c in got if c.confidence >= 0.5]
    assert formal == ["Approves the transport delivery plan.", "Notes the outcome of the re-baseline exercise."]


def test_a_recommendation_s_heading_in_capitals_with_a_section_number():
    text = (
        "REPORT TO: REGENERATION SUB-COMMITTEE\nDATE: 14 OCTOBER 2002\nSUBJECT: TOWN CENTRE RENEWAL\n\n"
        "1. RECOMMENDATION(S)\n1.1 That the Sub-Committee:\n(a) notes the progress of the town centre scheme;\n"
        "(b) approves the revised delivery plan; and\n(c) authorises the Head of Service to submit the bid.\n\n"
        "2. BACKGROUND\n2.1 The scheme began in 1999."
    )
    assert recs(text) == [
        ("(a)", "notes the progress of the town centre scheme"),
        ("(b)", "approves the revised delivery plan"),
        ("(c)", "authorises the Head of Service to submit the bid."),
    ]


def test_a_heading_run_together_with_its_recommending_line():
    text = (
        "Report to: Health and Wellbeing Board\nDate: 4 March 2021\nSubject: Needs Assessment\n\n"
        "Recommendation(s)\nThe Board is recommended to approve the draft needs assessment for consultation.\n\n"
        "1. Introduction\n1.1 The Board is asked to approve the assessment at its next meeting."
    )
    assert recs(text) == [(None, "The Board is recommended to approve the draft needs assessment for consultation.")]


def test_a_resolution_with_two_lists_joined_by_a_second_lead_in():
    text = (
        "7. RESOLVED that:\n\nThis Council believes that:\n\na) Litter from takeaway packaging harms the borough.\n\n"
        "b) Producers should pay for its collection.\n\nAnd;\n\n"
        "This Council agrees to call on the Cabinet Member for Environment to:\n\n"
        "a) Write to the government in support of a deposit scheme.\n\nb) Work with local businesses to reduce litter.\n\n"
        "8. Motion for time limited debate"
    )
    assert [t for _, t in recs(text)] == [
        "Litter from takeaway packaging harms the borough.",
        "Producers should pay for its collection.",
        "Write to the government in support of a deposit scheme.",
        "Work with local businesses to reduce litter.",
    ]


def test_options_after_the_recommendations_are_not_a_second_list():
    text = (
        "RECOMMENDATIONS\n\nCabinet is asked to:\n\na) approve the joint contract;\n\nb) note the timetable.\n\n"
        "The following options were considered:\n\na) do nothing;\n\nb) procure alone."
    )
    assert [label for label, _ in recs(text)] == ["a)", "b)"]


def test_minutes_keep_what_was_resolved_over_the_motion_quoting_the_report():
    text = (
        "MINUTES of a meeting of the County Council held on 6 June 2024\n\nPresent: Mrs A Blue (Chairman)\n\n"
        "Apologies for absence were received from Mr Grey.\n\n12. Local Plan adoption\n\n"
        "1) Mr Stone proposed, and Mr Wood seconded the motion that \u201cCouncil is asked to:\n\n"
        "(i) Note the Inspector\u2019s report on the examination of the plan;\n\n(ii) Adopt the plan as set out in Appendix B.\u201d\n\n"
        "2) Mrs Field proposed the following amendment:\n\n\u201cCouncil is asked to:\n\n"
        "(i) Defer adoption of the plan until the autumn.\u201d\n\n3) The amendment was lost.\n\n"
        "4) RESOLVED that Council:\n\n(i) Notes the Inspector\u2019s report on the examination of the plan;\n\n"
        "(ii) Adopts the plan as set out in Appendix B.\n\n13. Questions"
    )
    got = run_until(text, "recommendations")[1]
    trusted = [c.data["text"] for c in got if c.confidence >= 0.5]
    assert trusted == [
        "Notes the Inspector\u2019s report on the examination of the plan",
        "Adopts the plan as set out in Appendix B.",
    ]
    assert "The amendment was lost." not in [c.data["text"] for c in got]


def test_a_list_after_it_was_approved_that():
    text = (
        "Minutes of the Highways Committee held on 2 May 2024\n\nPresent: Councillors Reed and Vale\n\n"
        "Apologies for absence: none.\n\n10 Parking Schemes\n\nThe report recommendations were moved and seconded.\n\n"
        "On being put to the vote the recommendations were CARRIED. It was APPROVED that;\n\n"
        "1. That the Committee approved the development of the parking areas in the delivery plan.\n\n"
        "2. Authorised the Director to award the contract within the budget set out in the report.\n\n"
        "11 Cycle Storage Policy\n\nThe Committee considered a report."
    )
    assert [t for _, t in recs(text)] == [
        "That the Committee approved the development of the parking areas in the delivery plan.",
        "Authorised the Director to award the contract within the budget set out in the report.",
    ]


def test_minutes_agreed_as_accurate_are_the_record_item():
    text = (
        "Minutes of the Highways Committee held on 2 May 2024\n\nPresent: Councillors Reed and Vale\n\n"
        "Apologies for absence: none.\n\n4 Minutes of the Previous Meeting\n\n"
        "The minutes of the previous meeting were agreed as accurate.\n\n5 Chair's Announcements\n\nNone."
    )
    assert [t for _, t in recs(text)] == ["The minutes of the previous meeting were agreed as accurate."]


def test_one_unlabelled_decision_after_it_was_approved_that():
    text = (
        "Minutes of the Highways Committee held on 2 May 2024\n\nPresent: Councillors Reed and Vale\n\n"
        "Apologies for absence: none.\n\n11 Bus Gate Exemptions\n\n"
        "On being put to the vote the recommendations were CARRIED. It was APPROVED that;\n\n"
        "That the Committee for Highways:\n\n"
        "Approved the preferred option of a time limited exemption for eligible residents.\n\n"
        "12 Cycle Storage Policy\n\nThe Committee considered a report."
    )
    assert [t for _, t in recs(text)] == [
        "Approved the preferred option of a time limited exemption for eligible residents."
    ]


CC_MINUTES = """Pentre Isaf Community Council

Minutes of the Ordinary Meeting held at the Village Hall on Monday 9 October 2023 at 7pm

Present: Cllr J Morgan (Chair), Cllr E Rees, Cllr H Price

23/101 Apologies
Cllr W Bowen.

23/103 Minutes
Resolved that the minutes of 11 September 2023 be signed as a true record.

23/104 Footpaths
Councillors agreed to ask the county council to clear the path at Cae Mawr.

23/105 Grants
It was RESOLVED unanimously to award £250 to the village show.
"""


def test_community_council_minutes_resolved_after_a_minute_heading():
    got = {c.data["text"]: c.confidence for c in run_until(CC_MINUTES, "recommendations")[1]}
    assert got["the minutes of 11 September 2023 be signed as a true record."] >= 0.5
    assert got["to award £250 to the village show."] >= 0.5
    assert got["Councillors agreed to ask the county council to clear the path at Cae Mawr."] < 0.5
    assert not any(t.startswith("23/") for t in got)


OLD_MINUTES = (
    "Minutes of the Scrutiny Panel held on 4 May 2004\n\nPresent: Councillors Ash and Birch\n\n"
    "Apologies for absence: none.\n\n5. Housing Stock Options\n\nThe Head of Housing presented the report.\n\n"
    "{}\n\n6. Any Other Business\n\nNone."
)


@pytest.mark.parametrize(
    "form, expected",
    [
        (
            "RECOMMENDED \u2013 That the Executive approves the ballot of tenants.",
            ["the Executive approves the ballot of tenants."],
        ),
        ("AGREED: that the ballot of tenants proceeds.", ["the ballot of tenants proceeds."]),
        ("DECIDED: That the ballot of tenants proceeds.", ["the ballot of tenants proceeds."]),
        ("RESOLVED TO RECOMMEND that the Executive approves the ballot.", ["the Executive approves the ballot."]),
        (
            "AGREED\n\n(1) That the ballot proceeds.\n\n(2) That a further report be made in June.",
            ["That the ballot proceeds.", "That a further report be made in June."],
        ),
        (
            "Recommended to Council:\n\n(a) that the ballot proceeds;\n\n(b) that a further report be made in June.",
            ["that the ballot proceeds", "that a further report be made in June."],
        ),
    ],
)
def test_decision_words_of_older_minutes(form, expected):
    assert [t for _, t in recs(OLD_MINUTES.format(form))] == expected


def test_agreed_in_prose_is_not_a_decision_heading():
    text = OLD_MINUTES.format(
        "Agreed that the ballot should be considered in the autumn, members then turned to rents."
    )
    assert all(c.confidence < 0.5 for c in run_until(text, "recommendations")[1])


def test_the_paragraph_under_resolved_that_is_the_resolution():
    text = (
        "MINUTES of a meeting of the County Council held on 6 June 2024\n\nPresent: Mrs A Blue (Chairman)\n\n"
        "Apologies for absence were received from Mr Grey.\n\n14. Veterans Covenant\n\n5) RESOLVED that:\n\n"
        "Members welcome the work to deliver the covenant and commit to the priorities set out in the report.\n\n"
        "15. Treasury Management"
    )
    assert [t for _, t in recs(text)] == [
        "Members welcome the work to deliver the covenant and commit to the priorities set out in the report."
    ]


def test_roman_items_after_an_underlined_heading():
    text = (
        "7. RECOMMENDATIONS\n-------------------\n\n7.1 That the Executive:\n\n"
        "   (i)   notes the progress of the town centre programme;\n"
        "   (ii)  approves the revised delivery plan; and\n"
        "   (iii) receives a further report in March.\n\n"
        "CONTACT OFFICER: Programme Manager\n"
    )
    assert [t for _, t in recs(text)] == [
        "notes the progress of the town centre programme",
        "approves the revised delivery plan",
        "receives a further report in March.",
    ]


def test_numbered_lines_inside_one_paragraph_are_items():
    # a Word paragraph with line breaks: one block whose lines are the numbered items
    from models.document import Block
    from pipelines.extractors.base import Context
    from pipelines.extractors.recommendations import RecommendationsExtractor
    from tests.conftest import doc_from

    text = (
        "Recommendations\n\nThat the Committee:\n1. Endorses the annual plan set out in Appendix A.\n"
        "2. Agrees that progress is reported every six months.\n\n1. Introduction\n\n1.1 The plan was refreshed."
    )
    doc = doc_from(text)
    para, end = doc.text.index("That the Committee"), doc.text.index("every six months.") + len("every six months.")
    blocks = [b for b in doc.blocks if not para <= b.start < end]
    blocks.insert(1, Block(kind="paragraph", start=para, end=end))
    ctx = Context(document=doc.model_copy(update={"blocks": blocks}))
    found = [(c.data["label"], c.data["text"]) for c in RecommendationsExtractor().find(ctx)]
    assert found == [
        ("1.", "Endorses the annual plan set out in Appendix A."),
        ("2.", "Agrees that progress is reported every six months."),
    ]


def test_r_numbered_items_under_a_lettered_two_language_heading():
    text = (
        "A – ARGYMHELLION / RECOMMENDATIONS\n\nThat the Executive:\n\n"
        "R1 approves the joint waste strategy for consultation;\n\n"
        "R2 agrees to share the cost equally with the neighbouring council; and R3 delegates authority to the "
        "Head of Service to sign the agreement.\n\nB – CEFNDIR / BACKGROUND\n\n1.1 The strategy began in 2020.\n"
    )
    assert recs(text) == [
        ("R1", "approves the joint waste strategy for consultation"),
        ("R2", "agrees to share the cost equally with the neighbouring council"),
        ("R3", "delegates authority to the Head of Service to sign the agreement."),
    ]


PARISH_MINUTES = """Present: Cllr A. Jones (Chair), Cllr B. Smith
Apologies: Cllr C. Brown

5. Finance
Payments approved: village hall hire £40.00; grass cutting £310.00.
The Treasurer reported on the reserves. It was agreed that the Clerk obtain two quotations for the bench.

6. Planning
The Council considered the following applications and agreed to raise no objection:
24/00123/HOU 3 Mill Lane - rear extension
24/00456/FUL Land off Church Road: object.
"""


def test_minutes_outcome_lines_and_agreed_sentences():
    texts = [t for _, t in recs(PARISH_MINUTES)]
    assert "Payments approved: village hall hire £40.00; grass cutting £310.00." in texts
    assert "It was agreed that the Clerk obtain two quotations for the bench." in texts
    assert "The Council considered the following applications and agreed to raise no objection" in texts
    assert "24/00456/FUL Land off Church Road: object." in texts
    assert not any(t.startswith("24/00123") for t in texts)


def test_a_list_of_applications_run_into_one_paragraph_gives_one_outcome_each():
    text = (
        "Present: Cllr A. Jones (Chair)\nApologies: Cllr C. Brown\n\n7. Planning\n"
        "24/0101/HH 5 Mill Lane, porch - No objection 24/0102/FUL Land at Church Road, 9 houses - Object: flood risk "
        "24/0103/LBC The Old Mill, new windows - No comment\n"
    )
    assert [t for _, t in recs(text)] == [
        "24/0101/HH 5 Mill Lane, porch - No objection",
        "24/0102/FUL Land at Church Road, 9 houses - Object: flood risk",
        "24/0103/LBC The Old Mill, new windows - No comment",
    ]


MINUTES_HEAD = "Minutes of the meeting of Oakbridge Parish Council\n\nPresent: Cllrs A, B and C\n\nApologies: none\n\n"


def test_a_planning_response_is_a_decision_quoted_with_a_short_application():
    text = MINUTES_HEAD + "5. Planning\n\nMill Cottage, Church Lane – single storey rear extension. No objection.\n\n"
    texts = [t for _, t in recs(text)]
    assert "Mill Cottage, Church Lane – single storey rear extension. No objection." in texts


def test_a_response_on_its_own_line_after_a_long_application_is_quoted_alone():
    application = (
        "Planning ref: 26/00412/HH Rose Farm, Long Lane, Oakbridge, Westshire AB1 2CD. Erection of a two storey "
        "side extension, detached garage and new vehicular access from Long Lane with associated landscaping."
    )
    texts = [t for _, t in recs(MINUTES_HEAD + "5. Planning\n\n" + application + " No comments.\n\n")]
    assert "No comments." in texts


def test_a_bare_response_with_no_application_before_it_is_not_a_decision():
    texts = [t for _, t in recs(MINUTES_HEAD + "6. Questions from the public\n\nSupported.\n\n")]
    assert not any(t.startswith("Supported") for t in texts)


def test_minutes_known_by_their_standing_items_other_than_present_and_apologies():
    text = (
        "Ashwell Parish Council - 12th March 2025\n\nThe Parish Council held a meeting in the hall\n\n"
        "25.03.01 Register of Interests\n\nNone\n\n25.03.02 Minutes\n\nSigned as a true record.\n\n"
        "25.03.03 Footpaths\n\nAfter discussion, the Councillors resolved to repair the stile on Mill Lane.\n\n"
    )
    assert "After discussion, the Councillors resolved to repair the stile on Mill Lane." in [t for _, t in recs(text)]


def test_a_line_that_ends_resolved_to_pay_or_sign_is_a_decision():
    text = (
        MINUTES_HEAD + "6. Finance\n\nVillage Hall Fees £ 40.00 resolved to pay\n\n"
        "Standing Orders - Resolved to Sign\n\nThe clerk reported on the bank balance.\n\n"
    )
    texts = [t for _, t in recs(text)]
    assert "Village Hall Fees £ 40.00 resolved to pay" in texts
    assert "Standing Orders - Resolved to Sign" in texts
    assert not any("bank balance" in t for t in texts)


def test_a_resolution_to_approve_the_payments_listed_after_it_is_a_decision():
    text = (
        MINUTES_HEAD + "25/04 Finance\nIt was resolved to approve the following payments:\n"
        "Mrs A Holt – salary – £450.00\nDunmore Supplies – dog bin – £245.00\n\n"
        "25/05 Highways\nIt was agreed that:\nthe Clerk will report the potholes.\n"
    )
    texts = [t for _, t in recs(text)]
    assert any(t.endswith("It was resolved to approve the following payments:") for t in texts)
    assert "It was agreed that:" not in texts  # a stem with no decision of its own


def test_appointments_in_minutes_are_decisions_and_a_narrative_of_elections_is_not():
    text = (
        MINUTES_HEAD + "1. Election of Chairman\n\nCllr Brown was re-elected as Chairman, proposed by Cllr Green.\n\n"
        "2. Examiner\n\nJane Hill was appointed Independent Examiner of accounts for the next year.\n\n"
        "3. Report\n\nThe officers requiring election were duly elected. He was elected in May.\n\n"
    )
    texts = [t for _, t in recs(text)]
    assert "Cllr Brown was re-elected as Chairman, proposed by Cllr Green." in texts
    assert "Jane Hill was appointed Independent Examiner of accounts for the next year." in texts
    assert not any("officers requiring" in t or t.startswith("He was") for t in texts)


def test_the_record_approved_in_the_sentence_after_the_minutes_is_one_item_with_it():
    text = (
        MINUTES_HEAD + "2. Minutes\n\nThe minutes of the meeting held on 4 March had been circulated. "
        "All agreed this was a true record and they were signed.\n\n"
    )
    texts = [t for _, t in recs(text)]
    assert (
        "The minutes of the meeting held on 4 March had been circulated. All agreed this was a true record and they "
        "were signed." in texts
    )


def test_a_list_of_appointments_after_its_lead_in_gives_one_item_each():
    text = (
        MINUTES_HEAD + "7. Election of office bearers\n\nNominations were received and the following were elected:\n\n"
        "(a) Chair (JS),\n\n(b) Treasurer (AB)\n\n9. NOMINATIONS TO OUTSIDE BODIES\n\n"
        "a) Village Hall Trust - Cllr Green\n\nb) Play Area – Cllrs Blake and Hay\n\n10. Planning\n\n"
        "a) Mill Lane\n\nNone received.\n\n"
    )
    texts = [t for _, t in recs(text)]
    assert {
        "Chair (JS)",
        "Treasurer (AB)",
        "Village Hall Trust - Cllr Green",
        "Play Area – Cllrs Blake and Hay",
    } <= set(texts)
    assert "Mill Lane" not in texts


def test_minutes_agreed_with_that_left_out_but_not_a_history_or_an_agent():
    text = (
        "Present\n\nCllr Green (Chair)\n\nApologies\n\nNone.\n\n4 Paths\n\n"
        "It was agreed a quote for resurfacing the lane be obtained. It was agreed by all present that the "
        "meeting was useful.\n\n5 Website\n\nIt was agreed at the last meeting that the site be renewed.\n"
    )
    found = [c.data["text"] for c in run_until(text, "recommendations")[1]]
    assert "It was agreed a quote for resurfacing the lane be obtained." in found
    assert not any(t.startswith("It was agreed at the last") for t in found)


def test_minutes_appointments_by_vote_or_by_agreeing_to_serve_but_not_a_task():
    text = (
        "Present\n\nCllr Green (Chair)\n\nApologies\n\nNone.\n\n3 Office bearers\n\n"
        "Ann Holt was voted as new Treasurer. Tom Reid agreed to be appointed as the new hall representative.\n\n"
        "4 Verges\n\nTom Reid agreed to write to the highways team.\n"
    )
    found = [c.data["text"] for c in run_until(text, "recommendations")[1]]
    assert "Ann Holt was voted as new Treasurer." in found
    assert "Tom Reid agreed to be appointed as the new hall representative." in found
    assert not any("write to the highways" in t for t in found)


def test_minutes_approved_by_a_proposer_and_seconder():
    text = (
        "Present\n\nCllr Green (Chair)\n\nApologies\n\nNone.\n\n2 Minutes\n\n"
        "Approval of previous minutes Proposed by Ann Holt – Second by Tom Reid\n\n"
        "3 Matters arising\n\nThe minutes of the May meeting were moved as correct by Ann Holt and Tom Reid.\n\n"
        "4 Finance\n\nMinutes of the finance group will follow.\n"
    )
    found = [c.data["text"] for c in run_until(text, "recommendations")[1]]
    assert "Approval of previous minutes Proposed by Ann Holt – Second by Tom Reid" in found
    assert "The minutes of the May meeting were moved as correct by Ann Holt and Tom Reid." in found
    assert not any("finance group" in t for t in found)


def test_a_recommendation_slash_s_heading_opens_the_recommendations():
    text = (
        "Report to Cabinet\n\n1. Summary\n\n1.1. The plan answers the regulator's findings.\n\n"
        "2. Recommendation/s:\n\n2.1. Agree the Elmford Housing Improvement Plan (Appendix One).\n\n"
        "2.2. Support the creation of an Improvement Board with an independent Chair.\n\n"
        "Responding to the Regulator\n\n2.3. Over the past ten years the standards have changed.\n\n"
        "2.4. The council has since appointed a Director of Housing.\n"
    )
    assert [t for _, t in recs(text)] == [
        "Agree the Elmford Housing Improvement Plan (Appendix One).",
        "Support the creation of an Improvement Board with an independent Chair.",
    ]


def test_a_stem_that_asks_for_something_itself_is_an_item_too():
    text = (
        "Report to Cabinet\n\n2. Recommendations\n\n2.1. Cabinet is asked to receive the Elmford Task Group's "
        "report (Appendix 1) and consider the following recommendations:\n\n"
        "(1) Improve the repairs service for residents.\n\n(2) Publish the stock condition survey.\n\n"
        "3. Background\n\n3.1. The Group met six times.\n"
    )
    assert [t for _, t in recs(text)] == [
        "Cabinet is asked to receive the Elmford Task Group's report (Appendix 1) and consider the following "
        "recommendations:",
        "Improve the repairs service for residents.",
        "Publish the stock condition survey.",
    ]


def test_money_the_meeting_authorised_is_a_decision_but_another_bodys_grant_is_not():
    text = """Present: Cllr A. Jones (Chair), Cllr B. Smith
Apologies: Cllr C. Brown

7. Finance
Financial transactions since the meeting held in Lowbury Hall on 4 March were approved.
Invoice for grass cutting £ 310.00 resolved to pay.
The Treasurer reported on the reserves.

8. Planning
The extension at 3 Mill Lane was approved by Westshire District Council.
"""
    texts = [t for _, t in recs(text)]
    assert "Financial transactions since the meeting held in Lowbury Hall on 4 March were approved." in texts
    assert "Invoice for grass cutting £ 310.00 resolved to pay." in texts
    assert not any("Mill Lane" in t for t in texts)


def test_a_council_written_by_its_initials_decides_too():
    text = """Present: Cllr A. Jones (Chair), Cllr B. Smith
Apologies: Cllr C. Brown

11. Village green
LPC resolved not to change its policy on the village green.
"""
    assert "LPC resolved not to change its policy on the village green." in [t for _, t in recs(text)]


def test_a_recommendations_heading_naming_whose_they_are_heads_its_numbered_items():
    text = (
        "7. Recommendations of the Task and Finish Group\n\n"
        "1. The Council should reduce the wait for a carer's assessment to 28 days.\n\n"
        "2. Westshire Hospitals NHS Trust should be invited to adopt a carers' passport.\n\n"
        "8. Background papers\n\nNone.\n"
    )
    assert recs(text) == [
        ("1.", "The Council should reduce the wait for a carer's assessment to 28 days."),
        ("2.", "Westshire Hospitals NHS Trust should be invited to adopt a carers' passport."),
    ]
