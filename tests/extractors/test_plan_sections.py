"""Action plans: the headings that group a plan's numbered actions are its areas of work."""

from pipelines.extractors.plan_sections import plan_sections
from tests.conftest import doc_from
from tests.extractors.test_workstreams import ws

NUMBERED_PLAN = """Westshire Council

Appendix 1. Play Action Plan

Action Lead Status Comments

1. Governance

1.A) Set up a play working group to oversee the plan Ann Holt Completed Meets quarterly.

1.B) Report progress to the Communities Committee Ann Holt Ongoing

2. Play

Areas:

2.A) Refurbish the Elmford playground Parks Team In progress Works start in spring.

3. Comms

3.A) Publish a map of the play areas Comms Team Completed
"""

HEADED_PLAN = """# Lowbury Housing Improvement Plan

Ref Topic Activity Timescale

## Meeting the repairs standard

1 Repairs Clear the backlog of repairs Q3 2026

2 Damp Survey every home for damp Q4 2026

## Listening to tenants

3 Complaints Answer complaints within ten days Q1 2027

4 Panels Set up a tenants' panel in each ward Q2 2027
"""


def names(text: str, markdown: bool = False) -> list[str]:
    doc = doc_from(text, markdown)
    return [" ".join(doc.text[s:e].split()) for _, s, e in plan_sections(doc)]


def test_numbered_sections_over_lettered_actions_with_names_running_over_lines():
    assert names(NUMBERED_PLAN) == ["Governance", "Play Areas", "Comms"]


def test_headings_where_the_numbered_rows_carry_on_across_them():
    assert names(HEADED_PLAN, markdown=True) == ["Meeting the repairs standard", "Listening to tenants"]


def test_the_plan_sections_are_workstreams_even_when_they_read_like_a_clause():
    found = ws(HEADED_PLAN, markdown=True)
    assert {"Meeting the repairs standard", "Listening to tenants"} <= set(found)


def test_a_report_numbered_in_sections_without_a_plan_header_has_no_plan_sections():
    report = NUMBERED_PLAN.replace("Action Lead Status Comments", "This report sets out progress.")
    assert names(report) == []


def test_the_next_appendix_ends_the_plan():
    text = NUMBERED_PLAN.replace("2. Play", "Appendix 2. Play sites\n\n2. Play")
    assert names(text) == []  # one section before the appendix is not a plan's list of areas
