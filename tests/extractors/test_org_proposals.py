"""Organisation proposals (``cand-`` rules) and the features the learned model reads of them."""

from __future__ import annotations

from extract import load_document
from pipelines.extractors import Candidate, Context
from pipelines.extractors.organisations import OrganisationsExtractor
from pipelines.learn.feats.organisations import features
from tests.conftest import doc_from, run_until

TEXT = (
    "Report to Cabinet\n\n"
    "Kent County Council has worked with Brightwater Consulting and the Larkspur Reading Circle on this.\n"
    "Mr Owen Hallard, Director of Finance, said that Fenwick Tenants Collective (FTC) would deliver the Better "
    "Homes Programme. FTC will report to the Audit Committee.\n"
)


def proposals(text: str) -> dict[str, object]:
    ctx = Context(document=doc_from(text))
    return ctx, {c.data["name"]: c for c in OrganisationsExtractor().find(ctx) if c.rule.startswith("cand-")}


def test_runs_of_capitalised_words_are_proposed_and_split_at_and():
    ctx, props = proposals(TEXT)
    assert {"Brightwater Consulting", "Larkspur Reading Circle", "Audit Committee"} <= props.keys()
    for c in props.values():
        assert " ".join(ctx.text[c.start : c.end].split()) == c.data["name"] or c.data.get("aliases")


def test_a_heading_about_a_body_proposes_the_body_not_the_heading():
    _, props = proposals(
        "Closure of Larchmont Bank\n\nMembers heard that the branch will shut in May.\n\n"
        "Review of the Dunmore Rowing Club lease was deferred.\n"
    )
    assert {"Larchmont Bank", "Dunmore Rowing Club"} <= props.keys()
    assert not any(n.startswith(("Closure", "Review")) for n in props)


def test_a_name_in_the_possessive_is_proposed_without_its_ending():
    ctx, props = proposals("There were queues at Larchmont Stores’ cash machine. The Elmford Gazette’s story ran.\n")
    assert {"Larchmont Stores", "Elmford Gazette"} <= props.keys()
    c = props["Elmford Gazette"]
    assert ctx.text[c.start : c.end] == "Elmford Gazette"


def test_a_name_right_after_an_item_number_without_a_space_is_proposed_whole():
    _, props = proposals("70.4.Water Hall: nothing to report.\n70.5.Dunmore Larchmont Charity: two grants were made.\n")
    assert "Dunmore Larchmont Charity" in props
    assert "Larchmont Charity" not in props
    _, props = proposals("Funds came from e.g.Lowbury Rowing Club and others.")
    assert "Lowbury Rowing Club" not in props  # inside an abbreviation, not after a number


def test_no_proposal_for_a_name_the_rules_found_or_a_person_by_title():
    _, props = proposals(TEXT)
    assert "Kent County Council" not in props and not any("Kent" in n for n in props)
    assert not any("Hallard" in n for n in props)  # "Mr Owen Hallard"
    assert "Report" not in props and "Cabinet" not in props
    assert "Director of Finance" not in props and "Better Homes Programme" not in props  # a job, a programme


def test_an_abbreviated_name_takes_its_acronym_and_every_bare_mention():
    ctx, props = proposals(TEXT)
    c = props["Fenwick Tenants Collective"]
    assert c.rule == "cand-acronym" and c.data["aliases"] == ["FTC"]
    assert [ctx.text[s:e] for s, e in c.extra_spans] == ["FTC", "FTC"]
    assert "FTC" not in props


def test_a_letterhead_in_capitals_is_proposed_in_title_case():
    _, props = proposals("LARKSPUR READING CIRCLE\n\nNotes of the meeting held on 3 May.\n")
    assert "Larkspur Reading Circle" in props
    assert props["Larkspur Reading Circle"].rule == "cand-caps-line"


def test_without_a_model_proposals_are_dropped():
    found = run_until(TEXT, "organisations")[1]
    assert not any(c.rule.startswith("cand-") for c in found)
    assert "Brightwater Consulting" not in {c.data["name"] for c in found}


def test_features_tell_a_body_from_a_person_a_committee_and_a_programme():
    ctx, props = proposals(TEXT + "Jane Porter and Hollis Marten spoke. Kent was thanked.\n")
    f = {n: features(ctx, c) for n, c in props.items()}
    assert f["Brightwater Consulting"].get("p_org_head") == 1.0
    assert f["Audit Committee"].get("p_committee_word") == 1.0
    for name, feature in (("Better Homes Programme", "p_thing_head"), ("Larkspur Finance Officer", "p_job_word")):
        c = Candidate("organisations", 0, 4, {"name": name, "kind": "other"}, rule="cand-caps-run")
        assert features(ctx, c).get(feature) == 1.0
    assert f["Jane Porter"].get("p_person_shape") == 1.0
    place = Candidate("organisations", 0, 4, {"name": "Kent", "kind": "other"}, rule="cand-caps-run")
    assert features(ctx, place).get("p_is_place") == 1.0
    assert f["Fenwick Tenants Collective"].get("p_has_alias") == 1.0
    assert f["Larkspur Reading Circle"].get("p_ctx_the_before") == 1.0


def test_features_read_the_layout_of_a_markdown_heading(tmp_path):
    p = tmp_path / "r.md"
    p.write_text("# Larkspur Reading Circle\n\nThe Larkspur Reading Circle met Brightwater Consulting.\n")
    ctx = Context(document=load_document(p))
    props = {c.data["name"]: c for c in OrganisationsExtractor().find(ctx) if c.rule.startswith("cand-")}
    f = features(ctx, props["Larkspur Reading Circle"])
    assert f.get("p_blk=heading") == 1.0 and f.get("p_blk_whole") == 1.0
    assert f.get("p_log_mentions", 0) > features(ctx, props["Brightwater Consulting"]).get("p_log_mentions", 0)


def found(text: str) -> dict[str, object]:
    return {c.data["name"]: c for c in OrganisationsExtractor().find(Context(document=doc_from(text)))}


def test_a_council_acronym_several_councils_share_is_the_one_whose_place_is_named():
    c = found("Residents of Glasgow met. GCC officers replied and GCC will write.\n")["Glasgow City Council"]
    assert c.rule == "council-initials" and c.data["aliases"] == ["GCC"] and len(c.extra_spans) == 1
    _, none = proposals("GCC officers replied.\n")
    assert not any(n.endswith("Council") for n in none)


def test_a_council_acronym_whose_county_is_named_in_its_short_form():
    c = found("The site lies in East Herts. HCC highways officers will inspect it.\n")["Hertfordshire County Council"]
    assert c.data["aliases"] == ["HCC"]


def test_a_place_named_alone_is_proposed_as_its_council_unless_the_rules_found_it():
    _, props = proposals("Kent and Medway are preparing a joint plan. Kent will consult.\n")
    c = props["Kent County Council"]
    assert c.rule == "cand-place-council" and len(c.extra_spans) == 1
    _, props = proposals("Kent County Council met. Kent will consult.\n")
    assert "Kent County Council" not in props


def test_later_fields_read_only_the_proposals_a_model_has_judged():
    from pipelines.extractors.base import settled

    rule = Candidate("organisations", 0, 4, {"name": "Kent County Council"}, rule="gazetteer")
    unjudged = Candidate("organisations", 5, 9, {"name": "Brightwater Consulting"}, rule="cand-caps-run")
    judged = Candidate("organisations", 5, 9, {"name": "Larkspur Reading Circle"}, rule="cand-caps-run", review=False)
    assert settled([rule, unjudged, judged]) == [rule, judged]


def test_a_model_keeps_the_proposals_it_accepts_through_the_api(tmp_path, monkeypatch):
    import councilx
    from pipelines.learn.linear import LinearModel

    models = tmp_path / "models"
    models.mkdir()
    weights = {"p_ctx_the_before": 8.0, "p_committee_word": -16.0, "p_thing_head": -16.0}
    model = LinearModel(field="organisations", weights=weights, bias=-4.0, drop_below=0.0, drop_proposals_below=0.5)
    model.save(models / "organisations.json")
    doc = tmp_path / "r.txt"
    doc.write_text(TEXT, encoding="utf-8")
    monkeypatch.setenv("COUNCILX_MODELS", str(models))
    names = {o.name for o in councilx.extract_report(doc).organisations}
    assert {"Kent County Council", "Larkspur Reading Circle"} <= names
    assert not names & {"Audit Committee", "Better Homes Programme", "Director of Finance"}
    monkeypatch.setenv("COUNCILX_MODELS", "none")
    names = {o.name for o in councilx.extract_report(doc).organisations}
    assert "Kent County Council" in names and "Larkspur Reading Circle" not in names


def test_a_shared_council_acronym_is_the_one_in_the_county_of_the_others_named():
    names = found("Oxfordshire County Council has consulted on the road. CDC has yet to decide the application.\n")
    assert names["Cherwell District Council"].data["aliases"] == ["CDC"]
    none = found("CDC has yet to decide the application.\n")
    assert not any(n.endswith("District Council") for n in none)


def test_a_shared_council_acronym_is_the_one_in_the_nation_the_text_is_from():
    scottish = found("Community council minutes. The MSP attended. SBC roads officers will repair the verge.\n")
    assert scottish["Scottish Borders Council"].data["aliases"] == ["SBC"]
    mixed = found("The MSP and the Parish Council met. SBC roads officers will repair the verge.\n")
    assert not any(n.endswith("Borough Council") or n == "Scottish Borders Council" for n in mixed)


def test_a_council_written_short_after_its_place_is_named_in_full():
    scottish = found(
        "Minutes of Elmford Community Council. The MSP attended.\n"
        "Hollybank & Carrick Mains CC sent apologies. Dunmore CC will share the hall.\n"
        "Present: Jane Birkett CC, Tom Ure CC.\nOngoing CC business was deferred, as was the ongoing survey.\n"
    )
    assert {"Hollybank and Carrick Mains Community Council", "Dunmore Community Council"} <= scottish.keys()
    assert scottish["Dunmore Community Council"].rule == "council-short"
    shorts = {n for n, c in scottish.items() if c.rule == "council-short"}
    assert not any(n.startswith(("Carrick Mains", "Birkett", "Ure", "Ongoing")) for n in shorts)  # half, people
    roll = found("Minutes of Elmford Community Council. The MSP attended.\nPresent:\nAnn Holt | Convenor CC\n")
    assert not any(c.rule == "council-short" for c in roll.values())  # a post on the council, not a place
    english = found("Westshire parish news. Cllr Dee said Lowbury PC's meeting was lively; Kent CC agreed.\n")
    assert "Lowbury Parish Council" in english and "Kent County Council" in english
    spelled = found("The Parish Council met Lowbury Town Council. Lowbury TC will write.\n")
    assert "Lowbury Town Council" in spelled
