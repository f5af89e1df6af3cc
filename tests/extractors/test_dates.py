"""Dates: UK forms, ranges, sentence years, financial years; never phone or reference numbers."""

import pytest

from tests.conftest import doc_from, run_until


def values(text: str) -> set[str]:
    return {c.data["value"] for c in run_until(text, "dates")[1]}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The agreement started on 6th January 2019.", {"2019-01-06"}),
        ("Cabinet met on Tuesday, 27 July 2021.", {"2021-07-27"}),
        ("DATE: TUESDAY, 18 MARCH 2014", {"2014-03-18"}),
        ("Published 05/04/2017 on the website.", {"2017-04-05"}),
        ("The review is due in July 2021.", {"2021-07"}),
        ("Consultation ran from July to December 2011.", {"2011-07", "2011-12"}),
        ("Sessions on 1-3 March 2020 were cancelled.", {"2020-03-01", "2020-03-03"}),
        ("w/c 20th April 2015 the team moved.", {"2015-04-20"}),
        ("In 2021 the review was moved to September when the board met.", {"2021-09"}),
        ("Savings in 2012/13 were lower.", {"2012/13"}),
        ("Meeting of the Board\n9 th June 2023 18.30", {"2023-06-09"}),
        ("Minutes of the meeting held on 1 June 2019at the Guildhall", {"2019-06-01"}),
        ("Notes of a meeting held on Monday 9 0ctober 2023", {"2023-10-09"}),
    ],
    ids=[
        "ordinal",
        "weekday",
        "capitals",
        "numeric-day-first",
        "month",
        "month-range",
        "day-range",
        "week-commencing",
        "month-with-sentence-year",
        "financial-year",
        "ordinal-spaced-off",
        "year-run-into-a-word",
        "zero-for-the-o",
    ],
)
def test_date_forms(text, expected):
    assert expected <= values(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tel: 01273 481857 for details.",
        "Our reference is CAB/003/11.",
        "Decision no: 24/00109",
        "The budget is £12.50 per hour.",
        "See paragraph 2.1.3 of the report.",
        "The 31/02/2021 date is not real.",
    ],
    ids=["phone", "reference", "decision-number", "money", "section-number", "impossible-date"],
)
def test_not_dates(text):
    assert not {v for v in values(text) if "-" in v}


def test_month_without_year_needs_one_year_in_the_sentence():
    assert "2021-09" not in values("The work continued. We put the review back to September.")


def test_context_from_the_sentence():
    _, cands = run_until("The final review point is 30 September 2021.", "dates")
    assert cands[0].data["context"] == "review"


def test_a_year_written_with_a_letter_o_for_a_zero_is_a_reading_of_the_report_date():
    from pipelines.extractors.metadata_proposals import date_proposals

    doc = doc_from("ELMFORD COMMUNITY COUNCIL\n\nGENERAL MEETING MONDAY 4 MARCH 2O24\n\nPresent: Cllr Adams.\n")
    found = [c for c in date_proposals(doc) if c.data["key"] == "report_date"]
    assert [c.data["value"] for c in found] == ["2024-03-04"]
    assert doc.text[found[0].start : found[0].end] == "MONDAY 4 MARCH 2O24"
