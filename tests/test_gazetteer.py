"""The gazetteer covers every current UK principal authority (checked against mySociety's register)."""

import csv
import re
from pathlib import Path
from typing import get_args

import pytest

from models.report import OrgKind
from pipelines import gazetteer

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "uk_local_authorities.csv"
KINDS = set(get_args(OrgKind))


def norm(s: str) -> str:
    s = s.lower().replace("&", " and ").replace("’", "'")
    s = re.sub(r"[^a-z0-9' ]+", " ", s)
    return re.sub(r"^the ", "", re.sub(r"\s+", " ", s).strip())


def our_names() -> set[str]:
    out = set()
    for b in gazetteer.load():
        out.add(norm(b.name))
        out.update(norm(a) for a in b.aliases)
    return out


def test_every_row_has_a_known_kind():
    assert gazetteer.load(), "the gazetteer is empty"
    bad = [b.name for b in gazetteer.load() if b.kind not in KINDS]
    assert not bad, bad


def test_names_are_unique():
    names = [norm(b.name) for b in gazetteer.load()]
    assert len(names) == len(set(names))


@pytest.mark.skipif(not REFERENCE.exists(), reason="../shared/reference is not present")
def test_covers_every_current_authority():
    ours = our_names()
    missing = []
    with REFERENCE.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row.get("current-authority") != "True":
                continue
            variants = {norm(row["official-name"])}
            variants |= {norm(a) for a in (row.get("alt-names") or "").split(",") if "council" in a.lower()}
            if not variants & ours:
                missing.append(row["official-name"])
    assert not missing, f"{len(missing)} current authorities missing: {missing[:20]}"


def test_lookup_resolves_aliases():
    assert gazetteer.lookup("Brighton and Hove City Council").name == "Brighton & Hove City Council"
    assert gazetteer.lookup("the Highland Council").name == "Highland Council"
    assert gazetteer.acronyms()["LGA"].name == "Local Government Association"


@pytest.mark.skipif(not REFERENCE.exists(), reason="../shared/reference is not present")
def test_council_codes_agree_with_the_register():
    from pipelines import register

    with REFERENCE.open(encoding="utf-8") as fh:
        official = {r["local-authority-code"]: (r["gss-code"], r["official-name"]) for r in csv.DictReader(fh)}
    coded = [a for a in register.load() if a.code]
    assert len(coded) >= 440
    wrong = [(a.name, a.code) for a in coded if official.get(a.code, ("", ""))[0] != a.gss]
    assert not wrong, wrong[:10]
    assert register.resolve("Kent County Council").id == f"lac:KEN/gss:{official['KEN'][0]}"


def test_words_regex_finds_the_longest_name_at_each_place():
    import re

    from pipelines.gazetteer import words_regex

    names = [["Kent"], ["Kent", "County", "Council"], ["Kent", "Police"], ["Medway", "Council"]]
    rx = re.compile(r"(?<!\w)" + words_regex(names) + r"(?!\w)")
    text = "Kent County Council, Kent Police, Kent Countryside and Medway Council met in Kent."
    assert rx.findall(text) == ["Kent County Council", "Kent Police", "Kent", "Medway Council", "Kent"]


def bodies(text: str) -> set[str]:
    """The organisations the rules find in ``text``, by their gazetteer names."""
    from tests.conftest import run_until

    return {c.data["name"] for c in run_until(text, "organisations")[1]}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The scheme is funded by the National Lottery Community Fund and delivered with Age UK and Sustrans. "
            "Ofgem and the Health and Safety Executive were consulted; Veolia holds the waste contract and "
            "Thames Water the drainage works. The Federation of Small Businesses and Crimestoppers spoke.",
            {
                "National Lottery Community Fund",
                "Age UK",
                "Sustrans",
                "Ofgem",
                "Health and Safety Executive",
                "Veolia",
                "Thames Water",
                "Federation of Small Businesses",
                "Crimestoppers",
            },
        ),
        (
            "The Elmford Community Council moved its account from Barclays to Unity Trust Bank. The GMB and the "
            "Fire Brigades Union wrote about the station; RoSPA inspected the play area and SPT replied about the "
            "bus stop. The Royal College of Radiologists and NICE guidance apply, and Kent and Medway ICB agreed.",
            {
                "Barclays Bank",
                "Unity Trust Bank",
                "GMB",
                "Fire Brigades Union",
                "Royal Society for the Prevention of Accidents",
                "Strathclyde Partnership for Transport",
                "Royal College of Radiologists",
                "National Institute for Health and Care Excellence",
                "NHS Kent and Medway Integrated Care Board",
            },
        ),
        (
            "Cleveland Fire Brigade and West Midlands Fire Service shared the control room. Coast to Capital LEP, "
            "the SELEP and D2N2 co-funded the skills pilot.",
            {
                "Cleveland Fire Brigade",
                "West Midlands Fire Service",
                "Coast to Capital Local Enterprise Partnership",
                "South East Local Enterprise Partnership",
                "D2N2 Local Enterprise Partnership",
            },
        ),
    ],
    ids=["charities-companies-regulators", "banks-unions-colleges-acronyms", "fire-services-and-leps"],
)
def test_bodies_without_a_head_noun_are_found_under_their_names(text, expected):
    assert expected <= bodies(text)


def test_acronyms_with_a_commoner_meaning_are_not_read_as_bodies():
    text = "An EIS was submitted with the application. The PCS and RCM figures were noted."
    assert not bodies(text) & {
        "Educational Institute of Scotland",
        "Public and Commercial Services Union",
        "Royal College of Midwives",
    }
