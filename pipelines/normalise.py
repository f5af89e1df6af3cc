"""Pure parsers shared by extractors: dates, amounts, labels. No spaCy, no I/O."""

from __future__ import annotations

import calendar
import re

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
MONTHS.update({"0ctober": 10, "0ct": 10})  # a zero for the O: a scan's OCR, or a slip of the keyboard
MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|0ctober|0ct)"
)


def month_number(name: str) -> int | None:
    """'January' / 'Jan' / 'Sept.' → 1 / 1 / 9; None when not a month."""
    return MONTHS.get(name.lower().rstrip("."))


def expand_year(y: str) -> int:
    """'19' → 2019, '98' → 1998, '2019' → 2019."""
    n = int(y)
    if len(y) == 2:
        return 2000 + n if n < 70 else 1900 + n
    return n


def normalise_date(day: int | None, month: int | None, year: int | None) -> tuple[str, str] | None:
    """Return (value, precision) for a calendar date, or None when it is not a real date."""
    if year is None or not 1900 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}", "year"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


def financial_year(first: str, second: str) -> str | None:
    """'2012', '13' → '2012/13' when the second year follows the first; else None."""
    y1 = int(first)
    y2 = int(second) if len(second) == 4 else (y1 // 100) * 100 + int(second)
    if len(second) == 2 and y2 < y1:
        y2 += 100
    if y2 != y1 + 1 or not 1900 <= y1 <= 2100:
        return None
    return f"{y1}/{y2 % 100:02d}"


_AMOUNT = re.compile(
    r"£\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(?P<unit>bn|billion|b(?![a-z])|million|mn|m(?![a-z])|k(?![a-z])|thousand)?",
    re.I,
)
_UNITS = {"bn": 1e9, "billion": 1e9, "b": 1e9, "million": 1e6, "mn": 1e6, "m": 1e6, "k": 1e3, "thousand": 1e3}


def parse_amount(text: str, thousands: bool = False) -> float | None:
    """'£1.2m' → 1200000.0; '£110,000' → 110000.0; '£250k' → 250000.0; None when no figure.

    ``thousands`` multiplies a unitless figure by 1,000 (tables headed £000).
    """
    m = _AMOUNT.search(text)
    if not m:
        return None
    value = float(m.group("num").replace(",", ""))
    unit = (m.group("unit") or "").lower()
    if unit:
        value *= _UNITS[unit]
    elif thousands:
        value *= 1000
    return round(value, 2)
