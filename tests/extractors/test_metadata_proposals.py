"""Metadata proposals (``cand-`` rules): the values a learned model ranks, and the features it ranks them on."""

from pipelines.extractors.base import Context
from pipelines.extractors.metadata import MetadataExtractor
from pipelines.learn.features import candidate_features
from pipelines.learn.linear import LinearModel
from pipelines.learn.store import apply_model
from tests.conftest import doc_from

MINUTES = (
    "Upper Witherby Parish Council\n\n"
    "Minutes of the Meeting held on Tuesday 4th March 2025\n\n"
    "Present: Cllr A Brown (Chair), Cllr C Dean\n\n"
    "1. Apologies\n\nNone.\n\n"
    "2. Minutes of the previous meeting\n\nThe minutes of the previous meeting held on 4th February 2025 were approved.\n\n"
    "3. Playing field\n\nThe Council agreed to repair the fence.\n\n"
    "Next meeting: 1st April 2025\n\n"
    "Jane Green\n\nClerk to the Council"
)


def proposals(text: str, markdown: bool = False) -> dict[str, list]:
    ctx = Context(document=doc_from(text, markdown))
    out: dict[str, list] = {}
    for c in MetadataExtractor().find(ctx):
        if c.rule.startswith("cand-"):
            out.setdefault(c.data["key"], []).append(c)
    return out


def values(cands) -> set[str]:
    return {c.data["value"] for c in cands}


def test_first_lines_and_their_joins_are_titles():
    titles = values(proposals(MINUTES)["title"])
    assert "Upper Witherby Parish Council" in titles
    assert "Upper Witherby Parish Council Minutes of the Meeting held on Tuesday 4th March 2025" in titles
    assert "Minutes of the Meeting" in titles  # read up to "held"


def test_agenda_numbers_and_references_are_cut_from_titles():
    titles = values(
        proposals("Item 7. Library Opening Hours\n\nTitle: Shared Waste Service Paper No. 25-3\n\n1. Text")["title"]
    )
    assert "Library Opening Hours" in titles
    assert "Shared Waste Service" in titles


def test_bodies_and_their_shorter_endings_are_committees():
    cands = proposals(MINUTES)["committee"]
    found = values(cands)
    assert {"Upper Witherby Parish Council", "Witherby Parish Council", "Parish Council"} <= found
    council = next(c for c in cands if c.data["value"] == "Upper Witherby Parish Council")
    assert council.data["longer"] and not council.data["shorter"]
    assert next(c for c in cands if c.data["value"] == "Parish Council").data["shorter"]


def test_an_ending_that_cuts_into_a_name_is_marked_and_none_starts_after_its_and():
    cands = proposals("Briefing\n\nHealth and Social Care Scrutiny Commission 27th January 2026\n\nText.")["committee"]
    by = {c.data["value"]: c for c in cands}
    assert not by["Health and Social Care Scrutiny Commission"].data.get("inner")
    assert by["Commission"].data.get("inner")
    assert not {"Social Care Scrutiny Commission", "Care Scrutiny Commission", "Scrutiny Commission"} & by.keys()


def test_a_body_is_not_the_start_of_a_longer_name():
    found = values(proposals("Notes\n\nThe Cabinet Office Transparency Team met the Data Board.")["committee"])
    assert "Data Board" in found and "Cabinet" not in found


def test_every_day_date_is_a_report_date_with_its_rank():
    dates = proposals(MINUTES)["report_date"]
    by = {c.data["value"]: c for c in dates}
    assert {"2025-03-04", "2025-02-04", "2025-04-01"} <= set(by)
    assert by["2025-03-04"].data["first_date"] and by["2025-03-04"].data["rank"] == 0
    assert by["2025-04-01"].data["latest"]


def test_front_matter_title_date_and_author():
    text = (
        "title: Spring Imaging Group Meeting start: 2022-05-12T13:00:00Z author: Sam Patel\n\n"
        "Agenda\n\n- Welcome\n\n- Protocols"
    )
    got = proposals(text, markdown=True)
    assert "Spring Imaging Group Meeting" in values(got["title"])
    assert "2022-05-12" in values(got["report_date"])
    assert "Sam Patel" in values(got["author"])


def test_signature_and_cue_lines_are_authors():
    got = values(proposals(MINUTES)["author"])
    assert "Jane Green, Clerk to the Council" in got
    html = "Minutes\n\n<p>Present: A B</p> <p>Lee Hart, Home Office (minute taker)</p> <p>Item 1</p>"
    assert "Lee Hart, Home Office (minute taker)" in values(proposals(html, markdown=True)["author"])


def test_proposals_are_dropped_without_a_model_and_ranked_with_one():
    ctx = Context(document=doc_from(MINUTES))
    cands = MetadataExtractor().find(ctx)
    assert not any(c.rule.startswith("cand-") for c in apply_model(ctx, None, list(cands)))
    # a model that likes titles read from joined lines that hold a date
    model = LinearModel(field="metadata", weights={"title|nlines=2": 3.0, "title|hasdate": 2.0}, bias=-2.0)
    kept = apply_model(ctx, model, list(cands))
    best = max((c for c in kept if c.data["key"] == "title"), key=lambda c: c.confidence)
    assert best.data["value"].startswith("Upper Witherby Parish Council Minutes of the Meeting held on")


def test_features_are_keyed_and_describe_layout_and_context():
    ctx = Context(document=doc_from(MINUTES))
    cands = MetadataExtractor().find(ctx)
    held = next(c for c in cands if c.data["key"] == "report_date" and c.data["value"] == "2025-03-04")
    f = candidate_features(ctx, held)
    assert f["report_date|line:held"] == 1.0 and f["report_date|first_date"] == 1.0
    prev = next(c for c in cands if c.data["key"] == "report_date" and c.data["value"] == "2025-02-04")
    assert candidate_features(ctx, prev).get("report_date|line:prev") == 1.0
    body = next(c for c in cands if c.data["key"] == "committee" and c.data["value"] == "Parish Council")
    assert candidate_features(ctx, body)["committee|kindonly"] == 1.0


def test_the_rules_pick_is_marked_and_labelled_lines_are_no_titles():
    text = "From: Ann Lee, Director of Place\n\nTo: Cabinet\n\nSubject: Shared Parks Service\n\n1. Summary\n\nText."
    ctx = Context(document=doc_from(text))
    cands = MetadataExtractor().find(ctx)
    titles = [c for c in cands if c.data["key"] == "title"]
    assert not any(c.rule.startswith("cand-") and c.data["value"].startswith("From:") for c in titles)
    picked = [c for c in titles if c.data.get("pick")]
    assert picked and all(c.data["value"] == "Shared Parks Service" for c in picked)
    assert candidate_features(ctx, picked[0])["title|pick_label"] == 1.0


def test_a_chief_executive_is_no_committee():
    assert "Chief Executive" not in values(
        proposals("Report of the Chief Executive\n\nTo the Audit Panel")["committee"]
    )


def test_half_of_a_title_set_over_two_lines_is_not_a_title():
    text = "# The Oakbridge Health\n\n# and Wellbeing Strategy\n\n# 2025-2030\n\nOur plan for the city.\n"
    titles = values(proposals(text, markdown=True)["title"])
    assert "The Oakbridge Health and Wellbeing Strategy" in titles
    assert not titles & {"The Oakbridge Health", "and Wellbeing Strategy"}
    titles = values(proposals("Meeting (no.12) of\n\nHillcrest Community Council\n\n1. Welcome\n\nAll met.\n")["title"])
    assert "Meeting (no.12) of Hillcrest Community Council" in titles and "Meeting (no.12) of" not in titles


def test_a_date_line_a_body_name_and_a_kind_of_document_are_told_apart():
    text = (
        "Thursday, 5 March 2025\n\nLower Witherby Bowling Club\n\nRefurbishment Strategy\n\n"
        "The club met to discuss the green.\n\nMinutes taken by Jo Bloggs"
    )
    ctx = Context(document=doc_from(text))
    titles = {c.data["value"]: c for c in MetadataExtractor().find(ctx) if c.data["key"] == "title"}
    date_line = candidate_features(ctx, titles["Thursday, 5 March 2025"])
    assert date_line["title|dateonly"] == 1.0 and "title|docnoun" not in date_line
    strategy = candidate_features(ctx, titles["Refurbishment Strategy"])
    assert strategy["title|docnoun"] == 1.0 and "title|dateonly" not in strategy
    club = candidate_features(ctx, titles["Lower Witherby Bowling Club"])
    assert "title|bodyname" not in club  # "Club" is no body noun of a meeting
    joined = [v for v in titles if v.startswith("Thursday, 5 March 2025 Lower")]
    assert joined and "title|dateonly" not in candidate_features(ctx, titles[joined[0]])


def test_a_bodys_name_alone_is_marked():
    ctx = Context(document=doc_from("Lower Witherby Parish Council\n\nAnnual Report 2024\n\nThe council met."))
    titles = {c.data["value"]: c for c in MetadataExtractor().find(ctx) if c.data["key"] == "title"}
    assert candidate_features(ctx, titles["Lower Witherby Parish Council"])["title|bodyname"] == 1.0
    assert "title|bodyname" not in candidate_features(ctx, titles["Annual Report 2024"])


def test_a_standing_item_of_the_meeting_is_marked_and_a_days_ordinal_is_no_item_number():
    text = (
        "Lower Witherby Parish Council - 6th May 2025 Present\n\nCllr A Brown (Chair)\n\n"
        "## Members of the Public - Four Residents\n\nThe Chair welcomed everyone.\n\n"
        "8 th May 2025 meeting notes follow."
    )
    ctx = Context(document=doc_from(text, markdown=True))
    titles = {c.data["value"]: c for c in MetadataExtractor().find(ctx) if c.data["key"] == "title"}
    assert candidate_features(ctx, titles["Members of the Public - Four Residents"])["title|standing"] == 1.0
    assert "title|standing" not in candidate_features(ctx, titles["Lower Witherby Parish Council - 6th May 2025"])
    assert any(v.startswith("8 th May 2025") for v in titles)  # the day is kept, not cut as an item number


def test_a_contact_field_or_a_byline_is_no_part_of_a_title():
    titles = values(
        proposals(
            "Mobile : 07700 900 123\n\nMINUTES OF THE ELMFORD PARISH COUNCIL MEETING\n\nText.\n\n"
            "THE ELMFORD LETTER\n\nPUBLISHED BY ELMFORD COMMUNITY COUNCIL APRIL 2024\n\nNews.\n"
        )["title"]
    )
    assert "MINUTES OF THE ELMFORD PARISH COUNCIL MEETING" in titles and "THE ELMFORD LETTER" in titles
    assert not any("Mobile" in t or "PUBLISHED" in t for t in titles)


def test_the_signature_that_ends_a_document_is_a_reading_of_its_author():
    def signed(text: str) -> list[str]:
        ctx = Context(document=doc_from(text))
        return [c.data["value"] for c in MetadataExtractor().find(ctx) if c.rule == "author-sign-off"]

    body = "Local Plan Exhibitions\n\nThe plan is out for comment.\n\nThe exhibitions run all week.\n\n"
    assert signed(body + "JANE HALL, CHIEF EXECUTIVE\n") == ["JANE HALL, CHIEF EXECUTIVE"]
    assert signed(body + "Cllr Dan Rees\n\nElmford District Council\n") == ["Cllr Dan Rees, Elmford District Council"]
    assert signed(body + "J E Tempest\n\nINSPECTOR\n") == ["J E Tempest, INSPECTOR"]
    assert signed(body + "Jane Hall chaired the meeting.\n\nNext Meeting\n") == []
