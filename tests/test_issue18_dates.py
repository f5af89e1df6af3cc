"""Issue 18: numbering and times are not dates; a year far from the document's own date is flagged."""

from __future__ import annotations

from pathlib import Path

import councilx

RULES = councilx.Settings(use_model=False)

MINUTES = """Anytown Community Council

Minutes of the meeting held on Tuesday 17th March 2020 commencing at 1900Hrs in the Village Hall.

21.01.01 Apologies for absence were received from Cllr Smith.

21.01.02 Declarations of interest: none.

21.01.03 The minutes of the previous meeting were approved, as recorded at minute 20.12.07.

The next meeting will be held on Tuesday 21st April commencing at 1900Hrs.

The play area survey follows on Monday 4th May at 1830 hours.
"""


def _dates(tmp_path: Path, text: str) -> list[councilx.Report]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return councilx.extract_report(path, RULES).dates


def test_minute_numbers_and_times_are_not_dates(tmp_path: Path):
    values = [d.value for d in _dates(tmp_path, MINUTES)]
    assert "2020-03-17" in values
    # Neither the item numbers (2001..2012, 2020-12-07) nor the times (1900Hrs) give dates; with the learned
    # models, the meetings written without a year (21st April, 4th May) may be found, in the minutes' year.
    assert all(v.startswith("2020-0") for v in values), values


def test_a_dotted_date_inside_a_sentence_is_still_a_date(tmp_path: Path):
    text = "Cabinet report\n\nThe contract was signed on 21.01.19 by both councils and runs to 2024.\n"
    assert [d.value for d in _dates(tmp_path, text)] == ["2019-01-21"]


def test_a_year_far_from_the_documents_date_is_flagged(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("COUNCILX_MODELS", "none")  # the rules' own flag (a learned model sets the others')
    text = (
        "Cabinet report, 12 October 2020\n\n"
        "The scheme was agreed on 3 June 2019. The clerk's note gives the review as 5 March 1962.\n"
    )
    by_value = {d.value: d for d in _dates(tmp_path, text)}
    assert not by_value["2019-06-03"].needs_review
    assert by_value["1962-03-05"].needs_review
    assert by_value["1962-03-05"].confidence < 0.5
    monkeypatch.delenv("COUNCILX_MODELS")
    assert {d.value: d for d in _dates(tmp_path, text)}["1962-03-05"].needs_review  # it stands with the models too
