"""Partner proposals: every organisation not kept by the rules becomes a ``cand-org`` candidate, with the signals
the learned model reads (rolls of attendance, the authoring council, joint-work sentences)."""

import pytest

from pipelines.extractors.base import settled
from pipelines.extractors.partner_cands import roll_body
from pipelines.learn import apply_model
from pipelines.learn.feats.partners import features
from tests.conftest import run_until

MINUTES = (
    "Minutes of the Liaison Panel meeting\n\n"
    "Present: Jo Bloggs (Kent County Council), Ann Smith (Sussex Police), Sam Lee (Surrey County Council)\n\n"
    "Apologies: Bob Jones, Essex County Council\n\n"
    "1. Welcome\n\n"
    "The chair welcomed members. The Local Government Association has published guidance on planning fees. "
    "Sussex Police reported on the patrols."
)


def _by_name(cands):
    return {c.data["name"]: c for c in cands}


def test_every_organisation_is_proposed_once_with_its_mentions():
    ctx, cands = run_until(MINUTES, "partners", proposals=True)
    props = _by_name(c for c in cands if c.rule == "cand-org")
    kept = {c.data["name"] for c in cands if not c.rule.startswith("cand-")}
    orgs = {c.data["name"] for c in settled(ctx.results["organisations"])}  # what partners reads
    assert set(props) | kept == orgs and not set(props) & kept
    assert sum(c.rule == "cand-org" for c in cands) == len(props)  # one proposal per name
    police = props.get("Sussex Police") or next(c for c in cands if c.data["name"] == "Sussex Police")
    if police.rule == "cand-org":
        assert len(police.extra_spans) == 1  # named twice: the second mention is extra evidence
        s, e = police.extra_spans[0]
        assert ctx.text[s:e] == "Sussex Police" and s > police.start


def test_proposals_are_dropped_without_a_model():
    ctx, cands = run_until(MINUTES, "partners", proposals=True)
    assert any(c.rule == "cand-org" for c in cands)
    assert not any(c.rule.startswith("cand-") for c in apply_model(ctx, None, cands))


def test_a_body_in_the_roll_of_attendance_is_marked():
    ctx, cands = run_until(MINUTES, "partners", proposals=True)
    f = {n: features(ctx, c) for n, c in _by_name(cands).items()}
    assert f["Kent County Council"]["roll"] == 1.0 and f["Kent County Council"]["person"] == 1.0
    assert f["Essex County Council"]["apologies"] == 1.0
    assert f["Kent County Council"]["apologies"] == 0.0
    lga = f["Local Government Association"]
    assert lga["roll"] == 0.0 and lga["person"] == 0.0 and lga["not_party_share"] == 1.0
    assert f["Kent County Council"]["roll_doc"] == 1.0  # three or more bodies sit on the panel


def test_a_roll_written_one_name_a_line_under_its_label():
    text = (
        "Notes of the Joint Board\n\nIn attendance\n\nJo Bloggs, Kent County Council\n\n"
        "Ann Smith, Medway Council\n\n2. Matters arising\n\nThe board noted that Kent County Council will lead."
    )
    ctx, cands = run_until(text, "partners", proposals=True)
    f = {n: features(ctx, c) for n, c in _by_name(cands).items()}
    assert f["Medway Council"]["roll"] == 1.0
    assert f["Kent County Council"]["nment"] > f["Medway Council"]["nment"]  # named twice


def test_the_authoring_council_and_joint_sentences():
    text = (
        "KENT COUNTY COUNCIL\n\nREPORT TO CABINET\n\nShared Waste Service\n\n"
        "1. Kent County Council and Medway Council will work jointly on a shared waste service under an "
        "agreement between the two councils.\n\n2. Kent County Council will report on progress.\n\n"
        "3. The Environment Agency regulates the waste sites."
    )
    ctx, cands = run_until(text, "partners", proposals=True)
    f = {n: features(ctx, c) for n, c in _by_name(cands).items()}
    assert f["Kent County Council"]["author"] == 1.0 and f["Medway Council"]["author"] == 0.0
    assert f["Medway Council"]["joint"] > 0 and f["Medway Council"]["rkept"] == 1.0
    agency = f["Environment Agency"]
    assert agency["joint"] == 0 and agency["not_party_share"] == 1.0 and agency["rkept"] == 0.0
    assert "okind=county council" in f["Kent County Council"]


def test_presenters_under_their_own_label_are_guests_not_members():
    text = (
        "Notes of the Joint Board\n\nMembers\n\nJo Bloggs (Kent County Council)\n\nAnn Smith (Medway Council)\n\n"
        "Presenters\n\nSam Lee (Surrey County Council)\n\n2. Matters arising\n\nThe board noted the report."
    )
    ctx, cands = run_until(text, "partners", proposals=True)
    f = {n: features(ctx, c) for n, c in _by_name(cands).items()}
    assert f["Medway Council"]["roll"] == 1.0 and f["Medway Council"]["member"] == 1.0
    assert f["Surrey County Council"]["member"] == 0.0  # a presenter's body is a guest's, not a party


def test_those_attending_under_their_own_label_are_guests_not_members():
    text = (
        "Minutes of Elmford Community Council\n\nMembers Present:\n\nAnn Holt | Convenor\n\nJo Bloggs | Member\n\n"
        "Attending:\n\nSam Lee | Kent Police\n\nKim Ode | Medway Council\n\n2. Matters arising\n\nNoted."
    )
    ctx, cands = run_until(text, "partners", proposals=True)
    f = {n: features(ctx, c) for n, c in _by_name(cands).items()}
    assert f["Kent Police"]["roll"] == 1.0 and f["Kent Police"]["member"] == 0.0
    assert f["Medway Council"]["member"] == 0.0


@pytest.mark.parametrize(
    "entry, name",
    [
        ("RB Windsor & Maidenhead", "Royal Borough of Windsor and Maidenhead"),
        ("Wychavon DC", "Wychavon District Council"),
        ("Datawatch.org", "Datawatch"),
        ("Talk About Local", "Talk About Local"),
    ],
)
def test_a_roll_entry_names_its_body_as_the_register_and_the_web_do(entry, name):
    body = roll_body(entry)
    assert body["name"] == name
    assert (body["id"] or "").startswith("lac:") == (name != entry and "." not in entry)
