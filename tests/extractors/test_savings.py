"""Savings: figures normalised, statements without figures kept, costs and budgets left out."""
import pytest

from tests.conftest import run_until


def savings(text: str, markdown: bool = False):
    return run_until(text, "savings", markdown)[1]


@pytest.mark.parametrize("text, amount, kind", [
    ("The shared service has saved £110,000 this year.", 110_000, "achieved"),
    ("The merger will save £1.2m a year.", 1_200_000, "projected"),
    ("A savings target of £250k has been set for 2024/25.", 250_000, "target"),
    ("Estimated savings of £3.5 million are expected over five years.", 3_500_000, "projected"),
], ids=["achieved", "projected", "target", "estimate"])
def test_quantified_savings(text, amount, kind):
    found = savings(text)
    assert [c.data["amount"] for c in found] == [amount]
    assert found[0].data["kind"] == kind


def test_statement_without_figure_has_null_amount():
    found = savings("The joint contract has created efficiencies in some areas.")
    assert len(found) == 1 and found[0].data["amount"] is None
    assert "efficiencies" in found[0].data["text"]


@pytest.mark.parametrize("text", [
    "The annual contract cost of £4.3 million is a budget, not a saving.",
    "Permit charges will rise from £56 to £124.",
    "Services will be delivered as effectively and efficiently as possible.",
    "Is this an existing or new saving?",
    "The workstreams will update on progress, including financial savings estimates, in December.",
    "Details of the savings will be reported to the next meeting.",
], ids=["cost-not-saving", "charge", "general-efficiently", "form-question", "update-on", "details-of"])
def test_not_savings(text):
    assert savings(text) == []


def test_table_column_in_thousands():
    table = "| Area | Savings £000 |\n|---|---|\n| Waste | 250 |\n| ICT | 40 |\n"
    assert sorted(c.data["amount"] for c in savings(table, markdown=True)) == [40_000, 250_000]


def test_repeated_statement_counted_once():
    text = "The partnership has saved £200,000.\n\nAs noted, the partnership has saved £200,000."
    assert len(savings(text)) == 1
