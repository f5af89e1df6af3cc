"""Partners: the parties to the arrangement the report is about."""
from tests.conftest import run_until


def partners(text: str) -> set[str]:
    return {c.data["name"] for c in run_until(text, "partners")[1]}


def test_members_listed_in_a_partnership():
    text = ("Title of report: Shared Services\n\nThe partnership of three Councils (Adur District Council, Worthing "
            "Borough Council and Arun District Council) works jointly on waste.")
    assert partners(text) == {"Adur District Council", "Worthing Borough Council", "Arun District Council"}


def test_agreement_between_two_bodies():
    text = ("Decision:\n\nThat Cabinet approves the shared estates agreement between Cheshire Fire and Rescue Service "
            "and Cheshire Constabulary.")
    assert partners(text) == {"Cheshire Fire and Rescue Service", "Cheshire Constabulary"}


def test_organisation_named_only_in_passing_is_not_a_partner():
    text = ("Title of report: Shared ICT with Torbay Council\n\nThe shared service with Torbay Council started in "
            "2019 and works jointly on ICT.\n\nThe Local Government Association published guidance last year.")
    found = partners(text)
    assert "Torbay Council" in found and "Local Government Association" not in found


def test_no_organisations_means_no_partners():
    assert partners("The Cabinet approved the demolition of the tower blocks.") == set()
