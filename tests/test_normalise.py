"""Pure parsers: amounts, dates, financial years, labels."""

import pytest

from extract.layout import split_label
from pipelines.normalise import financial_year, normalise_date, parse_amount


@pytest.mark.parametrize(
    "text, expected",
    [
        ("£110,000", 110_000),
        ("£1.2m", 1_200_000),
        ("£3.5 million", 3_500_000),
        ("£250k", 250_000),
        ("£2bn", 2_000_000_000),
        ("£1.5 billion", 1_500_000_000),
        ("£56", 56),
        ("no money here", None),
        ("a saving of £ 40,000 a year", 40_000),
    ],
    ids=lambda x: str(x),
)
def test_parse_amount(text, expected):
    assert parse_amount(text) == expected


def test_parse_amount_in_thousands_table():
    assert parse_amount("£250", thousands=True) == 250_000
    assert parse_amount("£1.2m", thousands=True) == 1_200_000  # a unit wins over the table header


@pytest.mark.parametrize(
    "d, m, y, expected",
    [
        (6, 1, 2019, ("2019-01-06", "day")),
        (None, 7, 2021, ("2021-07", "month")),
        (None, None, 2020, ("2020", "year")),
        (31, 2, 2021, None),
        (29, 2, 2024, ("2024-02-29", "day")),
        (1, 13, 2020, None),
        (1, 1, 1850, None),
    ],
)
def test_normalise_date(d, m, y, expected):
    assert normalise_date(d, m, y) == expected


@pytest.mark.parametrize(
    "a, b, expected",
    [("2012", "13", "2012/13"), ("2019", "2020", "2019/20"), ("1999", "00", "1999/00"), ("2012", "14", None)],
)
def test_financial_year(a, b, expected):
    assert financial_year(a, b) == expected


@pytest.mark.parametrize(
    "text, label",
    [
        ("2.1 Agree the plan", "2.1"),
        ("a) note the report", "a)"),
        ("(iii) approve", "(iii)"),
        ("A. Agree", "A."),
        ("(1) the review", "(1)"),
        ("2015 was a good year", None),
        ("Note the report", None),
    ],
)
def test_split_label(text, label):
    assert split_label(text)[0] == label
