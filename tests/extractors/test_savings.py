"""Savings: figures normalised, statements without figures kept, costs and budgets left out."""

import pytest

from tests.conftest import run_until


def savings(text: str, markdown: bool = False):
    return run_until(text, "savings", markdown)[1]


@pytest.mark.parametrize(
    "text, amount, kind",
    [
        ("The shared service has saved £110,000 this year.", 110_000, "achieved"),
        ("The merger will save £1.2m a year.", 1_200_000, "projected"),
        ("A savings target of £250k has been set for 2024/25.", 250_000, "target"),
        ("Estimated savings of £3.5 million are expected over five years.", 3_500_000, "projected"),
    ],
    ids=["achieved", "projected", "target", "estimate"],
)
def test_quantified_savings(text, amount, kind):
    found = savings(text)
    assert [c.data["amount"] for c in found] == [amount]
    assert found[0].data["kind"] == kind


def test_statement_without_figure_has_null_amount():
    found = savings("The joint contract has created efficiencies in some areas.")
    assert len(found) == 1 and found[0].data["amount"] is None
    assert "efficiencies" in found[0].data["text"]


@pytest.mark.parametrize(
    "text",
    [
        "The annual contract cost of £4.3 million is a budget, not a saving.",
        "Permit charges will rise from £56 to £124.",
        "Services will be delivered as effectively and efficiently as possible.",
        "Is this an existing or new saving?",
        "The workstreams will update on progress, including financial savings estimates, in December.",
        "Details of the savings will be reported to the next meeting.",
    ],
    ids=["cost-not-saving", "charge", "general-efficiently", "form-question", "update-on", "details-of"],
)
def test_not_savings(text):
    assert savings(text) == []


def test_table_column_in_thousands():
    table = "| Area | Savings £000 |\n|---|---|\n| Waste | 250 |\n| ICT | 40 |\n"
    assert sorted(c.data["amount"] for c in savings(table, markdown=True)) == [40_000, 250_000]


def test_repeated_statement_counted_once():
    text = "The partnership has saved £200,000.\n\nAs noted, the partnership has saved £200,000."
    assert len(savings(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Key decision criteria. The decision will result in savings or expenditure which is significant.",
        "Grants help residents improve the thermal efficiency of their homes.",
        "Deliver energy efficiency measures to council homes.",
        "The proposal accords with saved policy 3.2 of the Unitary Development Plan.",
        "All policies of the 2007 plan are saved until the new plan is adopted.",
        "The scheme reports carbon savings from fewer car journeys.",
        "What level of savings was expected from the restructure",
        "The option would not achieve the full saving agreed by Council.",
        "Appendix F (individual savings and income proposals) is attached.",
        "The budget sets out what savings are needed to balance the budget.",
        "The prevention strand is not expected to produce cashable savings.",
        "Both councils have concluded that the remaining savings cannot now be achieved.",
        "This is a cost of exit and is not offset by any saving.",
    ],
    ids=[
        "criterion",
        "thermal",
        "energy",
        "saved-policy",
        "policies-saved",
        "carbon",
        "question",
        "not-achieved",
        "appendix-pointer",
        "what-savings",
        "not-expected",
        "cannot-now",
        "not-offset",
    ],
)
def test_more_not_savings(text):
    assert savings(text) == []


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Savings of £25 million are still required to balance the budget.", "target"),
        ("Of this, £6.2 million related to savings that could not be delivered this year.", "unspecified"),
        ("The forecast indicated that £8.3 million in savings would be delivered in 2024-25.", "projected"),
        ("The restructure has already delivered savings of £400,000.", "achieved"),
    ],
    ids=["still-required", "not-delivered", "would-be-delivered", "delivered"],
)
def test_kind_follows_the_wording(text, kind):
    assert [c.data["kind"] for c in savings(text)] == [kind]


def test_confidence_follows_the_cue():
    found = savings(
        "The merger will save £1.2m a year.\n\nIt is hoped this will reduce duplication across teams.\n\n"
        "Closing the depot would save running costs."
    )
    conf = {c.data["text"][:12]: c.confidence for c in found}
    assert conf["The merger w"] >= 0.8
    assert conf["It is hoped "] < 0.5 and conf["Closing the "] < 0.5  # weak cue; hypothetical


def test_figure_on_the_line_before_a_layout_break():
    text = (
        "The council must deliver £12.5m (2024-\n\n25 plan) of transformation and efficiency savings over two years.\n"
    )
    found = savings(text)
    assert [c.data["amount"] for c in found] == [12_500_000]
    assert "£12.5m" in found[0].data["text"]


def test_a_clause_after_a_colon_is_not_a_question():
    found = savings(
        "Progress this year: will the partnership deliver efficiency savings? Not yet known.\n\n"
        "The review found: efficiencies have been made in the back office."
    )
    assert [c.data["text"] for c in found] == ["efficiencies have been made in the back office."]


def test_cost_avoidance_is_a_saving():
    found = savings("The falls prevention service achieved cost avoidance of £349,000 for the health board in 2024/25.")
    assert [(c.data["amount"], c.data["kind"]) for c in found] == [(349_000, "achieved")]
    assert found[0].confidence >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "Savings\n\nThe directorate budget is £40m.",
        "Cllr Brown asked whether the invest to save scheme had been evaluated.",
        "Mr Green questioned what efficiencies had been made since 2021.",
        "Cabinet is asked to note the progress on the delivery of savings.",
    ],
    ids=["title", "invest-to-save", "reported-question", "progress-on"],
)
def test_titles_and_reported_questions_are_not_savings(text):
    assert savings(text) == []


def test_on_track_is_projected():
    found = savings("The directorate remained on track to deliver £4 million in savings this year.")
    assert [(c.data["amount"], c.data["kind"]) for c in found] == [(4_000_000, "projected")]


def test_expected_to_deliver_is_projected_and_a_promise_to_report_is_no_saving():
    found = savings(
        "The extension is expected to deliver further efficiencies through a single contract.\n\n"
        "The council will report savings achieved to the joint board in March."
    )
    assert [(c.data["kind"], c.data["text"][:15]) for c in found] == [("projected", "The extension i")]


def test_answer_to_a_question_about_savings():
    text = (
        "What level of savings was expected from the new operating model\n\n"
        "In June a potential for up to £4m was identified by the review team.\n\n"
        "What will the new depot cost?\n\nThe depot will be built for £2m.\n"
    )
    found = savings(text)
    assert [(c.data["amount"], c.data["kind"], c.rule) for c in found] == [(4_000_000, "projected", "answer")]
    assert found[0].confidence < 0.5


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Sharing a chief executive saves each council £80,000 a year.", "achieved"),
        ("Savings identified to date total £3.4m against a target of £5m.", "projected"),
        ("The Council has to find £14 million of savings over the next three years.", "target"),
        ("Members asked about the savings made by closing the office.", "achieved"),
    ],
    ids=["saves", "identified", "has-to-find", "savings-made"],
)
def test_more_kinds(text, kind):
    assert [c.data["kind"] for c in savings(text)] == [kind]


@pytest.mark.parametrize(
    "text, amount",
    [
        (
            "The discharge service shortened stays in hospital, avoiding costs of an estimated £1.1m across the system.",
            1_100_000,
        ),
        ("Early help avoided placement costs of £240,000 during the year.", 240_000),
    ],
)
def test_costs_avoided_with_a_figure_are_savings(text, amount):
    assert [(c.data["amount"], c.confidence >= 0.5) for c in savings(text)] == [(amount, True)]


@pytest.mark.parametrize(
    "text, amount",
    [
        ("The LED programme will cut its street lighting energy costs by £2.1m a year.", 2_100_000),
        ("Sharing vehicles avoids an estimated £185,000 in vehicle purchase costs.", 185_000),
    ],
)
def test_a_cost_cut_or_avoided_by_a_stated_sum_is_proposed(text, amount):
    assert [c.data["amount"] for c in savings(text)] == [amount]


def test_avoiding_costs_without_a_figure_is_not_a_saving():
    assert savings("The new rota was designed to avoid costs falling on the parish.") == []


@pytest.mark.parametrize(
    "text, amount",
    [
        ("The move to one office has reduced running costs by £80,000 per year.", 80_000),
        ("Joint procurement has reduced costs by an estimated £350,000 over three years.", 350_000),
        ("Costs have been cut by around £15,000 since the merger.", 15_000),
    ],
)
def test_costs_reduced_by_a_sum_are_a_trusted_saving(text, amount):
    got = savings(text)
    assert [(c.data["amount"], c.confidence >= 0.5) for c in got] == [(amount, True)]


def test_costs_reduced_without_a_sum_stay_for_review():
    got = savings("The move to one office has reduced running costs for the partners, and the budget is £80,000.")
    assert all(c.confidence < 0.5 for c in got)


def test_efficiency_gains_with_a_figure_are_trusted():
    got = savings(
        "Efficiency gains of £45,000 have been identified through joint procurement with the health authority."
    )
    assert [(c.data["amount"], c.confidence >= 0.5) for c in got] == [(45_000, True)]


def test_costs_avoided_by_a_stated_sum_are_a_saving():
    found = savings("The hospital discharge pilot is estimated to have avoided £420,000 of care home placement costs.")
    assert [c.data["amount"] for c in found] == [420_000]
    assert savings("The pilot avoided delays for most patients.") == []


@pytest.mark.parametrize(
    "text, amount",
    [
        ("The budget set by the county requires £2.5m of cuts to youth services next year.", 2_500_000),
        ("Members heard that further cuts to library opening hours are likely.", None),
        ("The grant for community transport has been cut by £40,000.", 40_000),
    ],
    ids=["sum-of-cuts", "cuts-to-services", "budget-cut"],
)
def test_cuts_to_spending_are_savings_statements(text, amount):
    found = savings(text)
    assert [c.data["amount"] for c in found] == [amount]


@pytest.mark.parametrize(
    "text",
    [
        "Residents reported three power cuts in the village during the storm.",
        "The grass cutting contract runs until March.",
        "The budget was balanced without cuts to services.",
    ],
    ids=["power-cuts", "grass-cutting", "no-cut-made"],
)
def test_cuts_of_anything_else_are_not(text):
    assert savings(text) == []


def test_save_is_a_saving_only_when_it_saves_money():
    found = savings(
        "Sharing flood warnings with residents could save lives.\n\nThe leaflet explains how to save your library.\n\n"
        "Joint procurement will save time and money.\n\nThe Panel wrote to the Efficiency and Reform Group about it."
    )
    assert [c.data["text"] for c in found] == ["Joint procurement will save time and money."]


def test_more_efficient_is_a_saving_only_where_something_costs_less():
    found = savings(
        "The Panel agreed it would be more efficient and timely if Lowbury published the data itself.\n\n"
        "One shared team will be more efficient, reducing running costs across both councils.\n"
    )
    assert [c.data["text"] for c in found] == [
        "One shared team will be more efficient, reducing running costs across both councils."
    ]


def test_a_label_on_a_line_of_its_own_is_not_a_savings_statement():
    found = savings(
        "Benefits of the shared service\n\nCost saving against private outsourcing\n\nFamiliarity of staff\n\n"
        "Efficiencies delivered by the team\n\nThe merger will deliver efficiencies.\n"
    )
    assert [c.data["text"] for c in found] == [
        "Efficiencies delivered by the team",
        "The merger will deliver efficiencies.",
    ]


def test_reducing_budgets_or_headcount_is_a_cut():
    found = savings(
        "The courts work under constraints in terms of reducing budgets and headcount.\n\n"
        "The plan aims at reducing the budget deficit over three years.\n"
    )
    assert [c.data["text"] for c in found] == [
        "The courts work under constraints in terms of reducing budgets and headcount."
    ]


def test_a_savings_column_headed_with_its_year_gives_each_row():
    table = (
        "| Ref | Proposal | 2025/26 saving |\n|---|---|---|\n| S1 | Paperless committee papers | £12,400 |\n"
        "| S2 | Delete a vacant post | £38,500 |\n"
    )
    assert sorted(c.data["amount"] for c in savings(table, markdown=True)) == [12_400, 38_500]


def test_a_table_of_sources_of_saving_gives_each_figure_and_a_sum_the_text_states_once():
    text = (
        "The joint telephony contract saved £201,000 in 2024/25.\n\n"
        "| Source of saving | Delivered 2024/25 | Planned 2025/26 |\n|---|---|---|\n"
        "| Joint telephony contract | £201,000 | £95,000 |\n| Single GIS licence | £163,000 | - |\n"
    )
    assert sorted(c.data["amount"] for c in savings(text, markdown=True)) == [95_000, 163_000, 201_000]


@pytest.mark.parametrize(
    "sentence",
    [
        "Savings will be tracked monthly by the programme board.",
        "The savings set out in section 6 are not yet included in the medium term financial plan.",
        "Savings will be shared between the partners in proportion to their contributions.",
    ],
)
def test_what_becomes_of_savings_stated_elsewhere_is_not_a_statement_of_savings(sentence):
    assert [c.data["amount"] for c in savings(f"The partnership saved £40,000 last year.\n\n{sentence}")] == [40_000]
