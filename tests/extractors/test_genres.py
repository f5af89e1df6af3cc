"""Community and town council minutes, partnership board papers and old regeneration reports: the forms of
decision, front matter and savings they use (texts written for these tests)."""

from tests.conftest import run_until
from tests.extractors.test_metadata import meta


def recs(text: str, markdown: bool = False) -> list[tuple[str, float]]:
    return [(c.data["text"], c.confidence) for c in run_until(text, "recommendations", markdown)[1]]


def texts(text: str, markdown: bool = False) -> list[str]:
    return [t for t, _ in recs(text, markdown)]


def savings(text: str) -> list[tuple[float | None, str]]:
    return [(c.data["amount"], c.data["text"]) for c in run_until(text, "savings")[1]]


MINUTES = """NORTHFIELD COMMUNITY COUNCIL

Minutes of the Ordinary Meeting held on Monday 6th May 2019 at 7pm in the Church Hall

Present: Cllr A. Brown (Chair), Cllr B. Green, Cllr C. White

Apologies: Cllr D. Black

1. Minutes of the previous meeting

The minutes of the meeting held on 1st April 2019 were approved, proposed by Cllr Green and seconded by Cllr White.

2. Police report

The community officer reported three incidents. Members noted the report.

3. Roads

Members noted that the resurfacing had been delayed by the weather.

4. Planning

19/0456/FUL Conservatory, 3 Mill Road.

Decision: No objection.

5. Grants

Decision: The Council approved a grant of £300 to the Gala Committee.
"""


def test_minutes_approved_without_correct_record_is_a_resolution():
    assert any(t.startswith("The minutes of the meeting held on 1st April 2019 were approved") for t in texts(MINUTES))


def test_members_noted_an_item_of_business_is_kept_for_review_but_not_a_view_in_debate():
    got = recs(MINUTES)
    assert ("Members noted the report.", 0.45) in got
    assert not any("resurfacing" in t for t, _ in got)  # what members noted in discussion is no decision


def test_decision_lines_in_minutes():
    got = texts(MINUTES)
    assert "No objection." in got
    assert "The Council approved a grant of £300 to the Gala Committee." in got


def test_members_noted_is_not_read_in_a_report():
    report = "1. Background\n\nMembers noted the report at the last meeting of the Board in March.\n"
    assert texts(report) == []


RUN_TOGETHER = """Parish Council

Minutes of the meeting held on 3 June 2021

Present: Cllrs Hale, Moss
Apologies: Cllr Vine

P/12 BUDGET
Members considered the draft budget. RECOMMENDED to Full Council that:
(a) the draft budget be approved;
(b) the precept be set at £52,000.

P/13 GRANTS
AGREED: to award £250 to the Youth Club.
The Committee noted the auditor's report and asked the Clerk to act on its advice.
"""


def test_capitals_recommended_inside_a_minute_and_run_together_attendance():
    got = texts(RUN_TOGETHER)
    assert "the draft budget be approved" in got
    assert "the precept be set at £52,000." in got
    assert "to award £250 to the Youth Club." in got
    assert any(t.startswith("The Committee noted the auditor's report and asked") for t in got)


def test_it_was_agreed_in_capitals_is_read_once():
    text = MINUTES + "\n6. Hall\n\nIt was AGREED that the hall be repainted. The Clerk will obtain quotes.\n"
    got = [t for t in texts(text) if "repainted" in t]
    assert len(got) == 1 and "quotes" not in got[0]


def test_resolved_stub_over_a_table_is_the_resolution_not_the_table_header():
    text = (
        "# Minutes\n\n**Present:** Cllr A\n\n**Apologies:** Cllr B\n\n### 4. Finance\n\n"
        "RESOLVED: to approve the following payments:\n\n| Payee | Amount |\n|---|---|\n| Clerk | £200 |\n"
    )
    got = texts(text, markdown=True)
    assert "to approve the following payments" in got
    assert not any("Payee" in t for t in got)


def test_bilingual_minutes_are_read_as_minutes():
    text = (
        "# Cyngor Cymuned Aberllyn / Aberllyn Community Council\n\n"
        "## Cofnodion y Cyfarfod Misol / Minutes of the Monthly Meeting\n\n"
        "**Yn bresennol / Present:** Cllr A\n\n**Ymddiheuriadau / Apologies:** Cllr B\n\n"
        "### 3. Gohebiaeth / Correspondence\n\nMembers noted the correspondence.\n"
    )
    assert "Members noted the correspondence." in texts(text, markdown=True)
    m = meta(text, markdown=True)
    assert m["committee"] == "Aberllyn Community Council"
    assert m["title"] == "Minutes of the Monthly Meeting"


def test_report_of_officer_to_committee_header():
    m = meta(
        "BOROUGH COUNCIL\n\nREPORT OF THE DIRECTOR OF HOUSING TO THE REGENERATION COMMITTEE\n\n14th May 2002\n\n"
        "ESTATE RENEWAL PROGRAMME 2002/03\n\n1. PURPOSE OF REPORT\n\n1.1 To report progress."
    )
    assert m["author"] == "Director of Housing"
    assert m["committee"] == "Regeneration Committee"
    assert m["report_date"] == "2002-05-14"


def test_partnership_executive_and_date_line():
    m = meta(
        "Agenda Item No. 4\n\nLOCAL STRATEGIC PARTNERSHIP EXECUTIVE - 9th MARCH 2005\n\n"
        "SAFER STREETS FUND 2005/06\n\nReport by the Community Safety Manager\n\n"
    )
    assert m["committee"].lower() == "local strategic partnership executive"
    assert m["report_date"] == "2005-03-09"


def test_board_named_above_a_paper_not_the_bare_board_asked_to():
    m = meta(
        "Eastvale Community Safety Partnership Board\n\n12 May 2018 - Agenda Item 6\n\n"
        "Annual Report of the Partnership 2017/18\n\nThe Board is asked to:\n\na) note the report.\n"
    )
    assert m["committee"] == "Eastvale Community Safety Partnership Board"
    assert m["report_date"] == "2018-05-12"


def test_web_menu_and_item_number_are_not_titles():
    m = meta(
        "Home | Meetings | Minutes | Contact\n\nItem 9\n\n# Youth Fund: Grants for 2006/07\n\nText.", markdown=True
    )
    assert m["title"] == "Youth Fund: Grants for 2006/07"


def test_energy_savings_in_pounds_and_costs_reduced_by():
    got = savings(
        "Switching the street lights to LED delivered energy savings of £4,100 in the first year. "
        "Administration costs have been reduced by £45,000 a year by sharing the team. "
        "The boiler gives energy savings of 20%."
    )
    assert (4100, "Switching the street lights to LED delivered energy savings of £4,100 in the first year.") in got
    assert any(a == 45000 for a, _ in got)
    assert not any("20%" in t for _, t in got)
