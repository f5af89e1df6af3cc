"""Dates: UK calendar references normalised to ISO, with what they are the date of.

Forms: "6th January 2019", "Tuesday, 27 July 2021", "05/04/2017" (day first), "July 2021",
ranges ("July to December 2011", "1-3 March 2020"), a month without a year when one year is
named in the same sentence, financial years ("2012/13"). Phone and reference numbers are not dates,
nor are minute and item numbers ("21.01.01" at the start of a line, or a run of them sharing "21.01.")
or 24-hour times ("at 1900Hrs", "1900 hours"). A date whose year lies more than ``FAR_YEARS`` from the
document's own date (its report date, else the middle year of its dates) is kept but marked for review.
"""

from __future__ import annotations

import re

from pipelines.extractors.base import Candidate, Context
from pipelines.extractors.dates_yearless import drop_metadata_dates, yearless_proposals
from pipelines.normalise import MONTH_RE, expand_year, financial_year, month_number, normalise_date

# a year typed or scanned with a letter O for a zero ("4 March 2O24"): read as the year, character for character
_O_YEAR = re.compile(r"(?<![\w/.-])(?:19|2[0O])[0-9O][0-9O](?![\w-])")


def _zeroed(m: re.Match[str]) -> str:
    token = m.group(0)
    return token.replace("O", "0") if "O" in token and sum(c.isdigit() for c in token) >= 2 else token


def date_view(text: str) -> str:
    """The text as the report-date readings see it: the same length and offsets, with a letter O inside a year as 0
    (the dates field proposes such a date for the model instead: "cand-ocr-year" in dates_yearless.py)."""
    return _O_YEAR.sub(_zeroed, text) if "O" in text else text


_ORD = r"(?:\s?(?:st|nd|rd|th)\b|st|nd|rd|th|[\"”])?"  # "8th", "8 th" (a PDF's spacing), "8”"
_YEAR_END = r"(?:\b|(?=[a-z]{2}))"  # "1 June 2019at the Guildhall": a year run into the next word
_DAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "day-range",
        re.compile(
            rf"\b(?P<d1>\d{{1,2}}){_ORD}\s*(?:-|–|to|and)\s*(?P<d2>\d{{1,2}}){_ORD}\s+"
            rf"(?P<m>{MONTH_RE})\.?,?\s+(?P<y>\d{{4}})\b",
            re.I,
        ),
    ),
    (
        "month-range",
        re.compile(rf"\b(?P<m1>{MONTH_RE})\s*(?:-|–|to|and|until)\s*(?P<m>{MONTH_RE})\.?,?\s+(?P<y>\d{{4}})\b", re.I),
    ),
    (
        "day-month-year",
        re.compile(
            rf"\b{_DAY}(?P<d>\d{{1,2}}){_ORD}(?:\s+of)?\s+(?P<m>{MONTH_RE})\.?,?\s+(?P<y>\d{{4}}){_YEAR_END}", re.I
        ),
    ),
    (
        "month-day-year",
        re.compile(rf"\b(?P<m>{MONTH_RE})\.?\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>\d{{4}}){_YEAR_END}", re.I),
    ),
    ("numeric", re.compile(r"(?<![\w/.\-])(?P<d>\d{1,2})([/.])(?P<mn>\d{1,2})\2(?P<y>\d{4}|\d{2})(?![\w/]|\.\d)")),
    ("month-year", re.compile(rf"\b(?P<m>{MONTH_RE})\.?,?\s+(?P<y>\d{{4}})\b(?![/\-–]\d)", re.I)),
    (
        "financial-year",
        re.compile(r"(?<![\w/£.,])(?P<fy1>(?:19|20)\d{2})\s*[/\-–]\s*(?P<fy2>\d{2}|(?:19|20)\d{2})(?![\w/]|,\d)"),
    ),
    ("day-month", re.compile(rf"\b{_DAY}(?P<d>\d{{1,2}}){_ORD}(?:\s+of)?\s+(?P<m>{MONTH_RE})\b(?!\.?,?\s+\d)")),
    (
        "month-only",
        re.compile(
            r"\b(?:in|by|from|to|until|during|since|before|after|end of|early|late|mid)\s+(?P<m>(?:January|February|March|April|June|July|August|September|October|November|December))\b(?!\.?,?\s+\d)"
        ),
    ),
)
_YEAR = re.compile(r"(?<![\d/£,.])(?:19|20)\d{2}(?![\d/])")
# A 24-hour time written as four digits: "at 1900", "1900Hrs", "1900 hours", "1930h".
_TIME_AFTER = re.compile(r"\s*(?:hrs?|hours|h)\b", re.I)
_TIME_BEFORE = re.compile(r"\bat\s*$", re.I)  # "at 1900": "from 2019" is a year
_NUMBERING_BEFORE = re.compile(r"\b(?:minutes?|min|item|items|no|para|paragraph|ref)\.?\s*$", re.I)
FAR_YEARS = 25  # years from the document's own date beyond which a date is flagged for review
FAR_CONFIDENCE = 0.4
CONTEXTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("deadline", ("deadline", "no later than", "by no later", "must be", "due by", "closing date")),
    ("review", ("review",)),
    ("meeting", ("meeting", "committee on", "cabinet on", "council on", "met on", "report to")),
    ("decision", ("decision", "decided", "resolved", "approved", "agreed")),
    ("publication", ("publication", "published")),
    ("start", ("start", "commenc", "began", "begin", "effective from", "with effect", "from")),
    ("end", ("end", "expire", "until", "terminat")),
)


def date_context(sentence: str) -> str | None:
    """What the date is of, from cue words in its sentence (first match wins)."""
    s = sentence.lower()
    for label, cues in CONTEXTS:
        if any(c in s for c in cues):
            return label
    return None


class DatesExtractor:
    """Finds calendar references with the rules above."""

    name = "dates"
    field = "dates"

    def find(self, ctx: Context) -> list[Candidate]:
        text = ctx.text  # a year with a letter O is a proposal here ("cand-ocr-year", dates_yearless.py)
        taken = bytearray(len(text))  # 1 where an earlier rule's date lies: a later rule's overlapping match yields
        out: list[Candidate] = []
        runs = _dotted_runs(text)
        for rule, pattern in PATTERNS:
            for m in pattern.finditer(text):
                if any(taken[m.start() : m.end()]):
                    continue
                found = self._values(rule, m, ctx, runs)
                if not found:
                    continue
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
                sent = text[slice(*ctx.sentence_at(m.start()))]
                for value, precision in found:
                    conf = 0.95 if precision in ("day", "month") and rule not in ("day-month", "month-only") else 0.75
                    out.append(
                        Candidate(
                            "dates",
                            m.start(),
                            m.end(),
                            {"value": value, "precision": precision, "text": m.group(0), "context": date_context(sent)},
                            confidence=conf,
                            extractor=self.name,
                            rule=rule,
                        )
                    )
        out = drop_metadata_dates(ctx, out + yearless_proposals(ctx, out))
        _flag_far_years(out, _document_year(ctx, out))
        return sorted(out, key=lambda c: c.start)

    def _values(
        self, rule: str, m: re.Match[str], ctx: Context, runs: dict[str, set[str]] | None = None
    ) -> list[tuple[str, str]]:
        g = m.groupdict()
        if rule == "financial-year":
            fy = financial_year(g["fy1"], g["fy2"])
            return [(fy, "financial_year")] if fy else []
        if rule == "numeric":
            before = m.string[max(0, m.start() - 5) : m.start()].lower().strip()
            if before.endswith(("tel", "tel:", "no.", "ref")) or _is_numbering(m, runs or {}):
                return []
            r = normalise_date(int(g["d"]), int(g["mn"]), expand_year(g["y"]))
            return [r] if r else []
        if g.get("y") and _is_time(m.string, m.start("y"), m.end("y")):
            return []
        year = int(g["y"]) if g.get("y") else self._sentence_year(ctx, m.start())
        month = month_number(g["m"])
        if rule == "day-range":
            vals = [normalise_date(int(g["d1"]), month, year), normalise_date(int(g["d2"]), month, year)]
        elif rule == "month-range":
            vals = [normalise_date(None, month_number(g["m1"]), year), normalise_date(None, month, year)]
        else:
            vals = [normalise_date(int(g["d"]) if g.get("d") else None, month, year)]
        return [v for v in vals if v and v[1] != "year"]

    @staticmethod
    def _sentence_year(ctx: Context, offset: int) -> int | None:
        """The one year named in the sentence, or None when there is none or several."""
        s, e = ctx.sentence_at(offset)
        years = {int(y.group()) for y in _YEAR.finditer(ctx.text, s, e) if not _is_time(ctx.text, y.start(), y.end())}
        return years.pop() if len(years) == 1 else None


def _is_time(text: str, start: int, end: int) -> bool:
    """True when the four digits at text[start:end] are a 24-hour time ("at 1900", "1900Hrs"), not a year."""
    hh, mm = int(text[start : start + 2]), int(text[start + 2 : end])
    if hh > 23 or mm > 59:
        return False
    return bool(_TIME_AFTER.match(text, end)) or bool(_TIME_BEFORE.search(text, max(0, start - 12), start))


def _is_numbering(m: re.Match[str], runs: dict[str, set[str]]) -> bool:
    """True when a dotted "21.01.01" is a minute or item number: it opens its line, follows "Minute" or
    "item", or is one of a run sharing its first two parts ("21.01.01", "21.01.02")."""
    if m.group(2) != "." or len(m.group("y")) != 2:
        return False
    line = m.string[m.string.rfind("\n", 0, m.start()) + 1 : m.start()]
    if not line.strip() or _NUMBERING_BEFORE.search(line):
        return True
    return len(runs.get(f"{m.group('d')}.{m.group('mn')}", ())) > 1


_DOTTED = re.compile(r"(?<![\w.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\w.]|\.\d)")


def _dotted_runs(text: str) -> dict[str, set[str]]:
    """Dotted two-digit-year numbers of the text grouped by their first two parts ("21.01" -> {"01", "02"})."""
    runs: dict[str, set[str]] = {}
    for d in _DOTTED.finditer(text):
        runs.setdefault(f"{d.group(1)}.{d.group(2)}", set()).add(d.group(3))
    return runs


def _year_of(c: Candidate) -> int:
    return int(c.data["value"][:4])


def _document_year(ctx: Context, found: list[Candidate]) -> int | None:
    """The document's own year: its report date (from the metadata extractor, which runs first), else the
    middle year of the dates found."""
    dates = [c for c in ctx.results.get("metadata", []) if c.data.get("key") == "report_date" and c.data.get("value")]
    if dates:
        return int(str(max(dates, key=lambda c: c.confidence).data["value"])[:4])
    years = sorted(_year_of(c) for c in found)
    return years[len(years) // 2] if years else None


def _flag_far_years(found: list[Candidate], year: int | None) -> None:
    """Mark for review a date more than FAR_YEARS from the document's year (a stray number read as a date)."""
    if year is None:
        return
    for c in found:
        if abs(_year_of(c) - year) > FAR_YEARS:
            c.confidence = min(c.confidence, FAR_CONFIDENCE)
            c.review = True  # kept flagged whatever a learned model scores it
            c.why = f"year more than {FAR_YEARS} years from the document's own date ({year})"
