"""The register of UK local authorities: linking, loose forms resolved, look-alikes refused."""

import pytest

from pipelines import gazetteer, register


@pytest.mark.parametrize(
    "name, official, code",
    [
        ("Kent County Council", "Kent County Council", "lac:KEN/gss:E10000016"),
        ("Kent Council", "Kent County Council", "lac:KEN/gss:E10000016"),
        ("Southwark Council", "London Borough of Southwark", "lac:SWK/gss:E09000028"),
        ("Bristol Council", "Bristol City Council", "lac:BST/gss:E06000023"),
        ("Neath Port Talbot Council", "Neath Port Talbot County Borough Council", "lac:NTL/gss:W06000012"),
    ],
)
def test_council_names_resolve_to_the_register(name, official, code):
    auth = register.resolve(name)
    assert auth and auth.name == official and auth.id == code


@pytest.mark.parametrize(
    "name",
    [
        "December County Council",
        "Budget County Council",
        "Couty Council",
        "HR Council",
        "Youth Council",
        "Tenant Council",
    ],
)
def test_look_alikes_are_not_in_the_register(name):
    assert register.looks_like_council(name) and register.resolve(name) is None


@pytest.mark.parametrize(
    "name",
    ["Llanfair Community Council", "Ashford Town Council", "Kent Association of Local Councils", "Sussex Police"],
)
def test_local_councils_and_associations_need_no_register(name):
    assert not register.looks_like_council(name)


def test_every_gazetteer_council_in_the_register_is_linked():
    kinds = {"county council", "district council", "unitary", "metropolitan borough", "london borough"}
    councils = [b for b in gazetteer.load() if b.kind in kinds]
    linked = [b for b in councils if register.resolve(b.name)]
    assert len(linked) >= len(councils) - 5  # abolished counties (Cheshire, Bedfordshire) predate the register


def test_councils_abolished_before_the_register_are_known():
    assert register.former()[register.key("Restormel Borough Council")] == (
        "Restormel Borough Council",
        "district council",
    )
    from tests.conftest import run_until

    names = {
        c.data["name"]
        for c in run_until("Restormel Borough Council and Penwith District Council agreed.", "organisations")[1]
    }
    assert names == {"Restormel Borough Council", "Penwith District Council"}


@pytest.mark.parametrize(
    "short, official",
    [
        ("RB Kingston upon Thames", "Royal Borough of Kingston upon Thames"),
        ("LB Camden", "London Borough of Camden"),
        ("Kent CC", "Kent County Council"),
        ("Wychavon DC", "Wychavon District Council"),
    ],
)
def test_short_forms_of_council_names_resolve(short, official):
    assert register.resolve(short).name == official


@pytest.mark.parametrize("name", ["Oakbridge CC", "December DC", "BT"])
def test_short_forms_need_a_real_place(name):
    assert register.resolve(name) is None
