"""Date proposals: days and months without a year take the year the document makes plain; other forms."""

from pipelines.learn.feats.dates import features
from pipelines.learn.store import apply_model
from tests.conftest import run_until

HEAD = "Parish Council\n\nDate: 12 November 2025\n\nMinutes of the meeting.\n\n"


def proposals(text: str) -> dict[str, str]:
    """value -> how its year was found, for the proposals (``cand-`` rules) only."""
    _, cands = run_until(text, "dates", proposals=True)
    return {c.data["value"]: c.data.get("year_from", "") for c in cands if c.rule.startswith("cand-")}


def test_past_and_next_meetings_take_the_year_either_side_of_the_documents_date():
    found = proposals(
        HEAD + "1. The minutes of the meeting held on 8th October were approved.\n\n"
        "2. The next meeting will be on Tuesday 13th January at 7pm.\n"
    )
    assert found["2025-10-08"].startswith("doc-")
    assert found["2026-01-13"] == "doc-fwd"


def test_a_list_of_meeting_dates_rolls_into_the_next_year():
    found = proposals(
        HEAD + "Dates of meetings:\n\n9th December 20th January 17th March\n\n19th May (annual meeting) 16th June\n"
    )
    assert {"2025-12-09", "2026-01-20", "2026-03-17", "2026-05-19", "2026-06-16"} <= set(found)
    assert found["2026-06-16"] in ("run", "doc-near+run")


def test_a_lead_in_line_gives_its_year():
    found = proposals("Date: 3 December 2025\n\nMeeting dates for 2026:\n\n26 Feb, 26 March, 30 Nov\n")
    assert {"2026-02-26", "2026-03-26", "2026-11-30"} <= set(found)
    assert found["2026-02-26"] == "heading"


def test_a_year_in_the_same_sentence_wins():
    found = proposals(HEAD + "Works planned for 2024 began in Feb and ended in JUNE.\n")
    assert found["2024-02"] == found["2024-06"] == "sentence"


def test_other_forms():
    found = proposals(
        HEAD + "The survey closes on Feb 6th.\n\nPUBLIC MEETING 25 APRIL\n\n"
        "Starts 2022-02-01T14:00. Paid 28-03-18. Round awarded 06/2023. Adopted 9\nth May and 16<sup>th</sup> June.\n"
    )
    assert {"2026-02-06", "2026-04-25", "2022-02-01", "2018-03-28", "2023-06", "2025-05-09", "2025-06-16"} <= set(found)


def test_no_proposal_without_a_year_anywhere_nor_for_verbs_or_web_paths():
    assert not proposals("We may review it in March or later.\n")
    found = proposals(HEAD + "See https://example.org/files/2025-03-01-report.pdf and we may march on.\n")
    assert "2025-03-01" not in found and "2025-05" not in found


def test_proposals_are_dropped_without_a_model():
    ctx, cands = run_until(HEAD + "The next meeting is on 13th January.\n", "dates", proposals=True)
    kept = apply_model(ctx, None, cands)
    assert any(c.rule.startswith("cand-") for c in cands)
    assert not any(c.rule.startswith("cand-") for c in kept)


def test_features_say_how_the_year_was_found_and_where_the_date_sits():
    ctx, cands = run_until(
        HEAD + "The next meeting will be on 13th January at 7pm.\n\nMonth | Income\n\nApril | (46,459)\n",
        "dates",
        proposals=True,
    )
    feats = {c.data["text"]: features(ctx, c) for c in cands}
    nxt = feats["13th January"]
    assert nxt["yfrom=doc-fwd"] == 1.0 and nxt["ydist=1"] == 1.0 and nxt.get("time_after") == 1.0
    assert feats["12 November 2025"]["yfrom=written"] == 1.0 and feats["12 November 2025"]["ydist=0"] == 1.0
    assert "April" not in feats  # a table's row label, not a date


def test_table_labels_and_header_rows_of_months_are_not_dates_but_a_month_in_a_line_is():
    found = proposals(
        HEAD + "Month | 2023/24 | 2024/25\n\nApril | (46,459) | 1,200\n\nDate Apr May Jun Jul\n\n"
        "Clerk salary October 300.00\n\nA date has been identified for | August | 2026.\n"
    )
    assert set(found) == {"2025-10", "2026-08"}


def test_front_matter_and_web_address_dates_are_not_dates():
    _, cands = run_until(
        "title: Panel minutes\n\ncreated: 8/11/2011 revised: 9/9/2013\n\n"
        "The panel met on 4 October 2011. Papers: https://example.org/files/minutes-5 October 2011.pdf "
        "and Agenda 12-01-17.doc\n\npermalink: /minutes-of-the-panel created: 16/1/2012 lastReview: 2022-07-12T14:42\n",
        "dates",
    )
    assert {c.data["value"] for c in cands} == {"2011-10-04"}


def test_a_year_glued_to_the_next_word_is_read_by_the_rules_not_proposed():
    _, cands = run_until("Minutes of the meeting held on 1 June 2019at the Guildhall\n", "dates", proposals=True)
    assert [c.rule for c in cands if c.data["value"] == "2019-06-01"] == ["day-month-year"]


def test_ocr_zero_in_the_year_and_table_pipes():
    found = proposals("ORDINARY MEETING FRIDAY 9 JUNE 2O23\n\nLitter picks: | June | 17th, | July | 21st\n")
    assert {"2023-06-09", "2023-06-17", "2023-07-21"} <= set(found)


def test_proposals_say_what_they_are_the_date_of():
    _, cands = run_until(HEAD + "The deadline for comments is 13th January.\n", "dates", proposals=True)
    assert [c.data["context"] for c in cands if c.data["value"] == "2026-01-13"] == ["deadline"]


def test_a_mistyped_year_gets_no_year_of_ours():
    assert not proposals(HEAD + "Next meeting: Tuesday 7th July 2105 at 7pm.\n")
