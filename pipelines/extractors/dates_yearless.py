"""Date proposals the rules in ``dates.py`` leave out: days and months written without a year, and
forms they do not read ("Feb 6th", "25 APRIL", "2022-02-01", "28-03-18", "06/2023").

Every candidate here is a proposal (rule ``cand-...``): kept only where a learned model accepts it. A
missing year is the one the document makes plain (GUIDELINES, "Hard cases"): the one year of the same
sentence, else of the same block, else of a heading or lead-in line just above; else the document's own
date's, or the year either side where the month lies nearer to it; a run of such dates (a list of
meeting dates) keeps counting forward into the next year. How the year was found, and whether the
sentence looks forward ("next", "will") or back ("held", "previous"), goes in ``data["year_from"]``
for the model's features.

``drop_metadata_dates`` removes, rules' and proposals' alike, the dates GUIDELINES do not count: those of
front-matter lines ("created:", "revised:") and those inside web addresses and file names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from pipelines.extractors.base import Candidate, Context
from pipelines.normalise import MONTH_RE, expand_year, month_number, normalise_date

_FULL_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_ABBR = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
# A month on its own: written in Title or UPPER case (lower-case "march", "may" are verbs).
_MONTH_WORD = "|".join([*_FULL_MONTHS, *(m.upper() for m in _FULL_MONTHS), *_ABBR, *(a.upper() for a in _ABBR)])
_ORD = r"(?:st|nd|rd|th)?"
# An ordinal as text extraction leaves it: "8 th", "9\nth", "16<sup>th</sup>".
_ORD_LOOSE = r"(?:\s?(?:<sup>)?(?:st|nd|rd|th)(?:</sup>)?)?"
_WDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_YEAR_AFTER = r"(?!\.?,?\s*\d{4}\b)"  # a year after the month (or a mistyped one): not ours

_PIPE = r"(?:[ \t]*\|)?"  # table text from some PDFs: "March | 17th"
# Lookaheads on the first letter: they let the regex engine skip most positions at once (3-4x faster).
_AT_MONTH = r"(?=[JFMASONDTWjfmasondtw])"
_AT_DAY = r"(?=[0-9MTWFSmtwfs])"
# Forms with their year written; the document's date is read from these too when the rules found none.
WRITTEN: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cand-iso", re.compile(r"(?<![\w\-/])(?P<y>(?:19|20)\d{2})-(?P<mn>\d{2})-(?P<d>\d{2})(?![\d\-])")),
    (
        "cand-numeric-dash",
        re.compile(r"(?<![\w/.\-])(?P<d>\d{1,2})-(?P<mn>\d{1,2})-(?P<y>(?:19|20)\d{2}|\d{2})(?![\w/\-]|\.\d)"),
    ),
    ("cand-month-numeric", re.compile(r"(?<![\w/.\-£$])(?P<mn>0[1-9]|1[0-2])/(?P<y>(?:19|20)\d{2})(?![\w/\-]|\.\d)")),
    (  # the year glued to the next word by text extraction: "1 June 2019at the Guildhall"
        "cand-glued-year",
        re.compile(
            rf"{_AT_DAY}(?i:\b{_WDAY}(?P<d>\d{{1,2}}){_ORD_LOOSE}(?:\s+of)?\s+(?P<m>{MONTH_RE}))\.?,?\s+"
            r"(?P<y>(?:19|20)\d{2})(?=[A-Za-z])"
        ),
    ),
    (  # a table cell between month and year: "August | 2019"
        "cand-month-year-pipe",
        re.compile(rf"{_AT_MONTH}(?i:\b(?P<m>{MONTH_RE}))\b\.?[ \t]*\|[ \t]*(?P<y>(?:19|20)\d{{2}})\b"),
    ),
    (  # OCR's letter O for a zero in the year: "9 JUNE 2O23"
        "cand-ocr-year",
        re.compile(
            rf"{_AT_DAY}(?i:\b{_WDAY}(?:(?P<d>\d{{1,2}}){_ORD_LOOSE}(?:\s+of)?\s+)?(?P<m>{MONTH_RE}))\.?,?\s+"
            r"(?P<y>(?=[12]\d{0,2}[Oo])[12][\dOo]{3})\b"
        ),
    ),
)
YEARLESS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "cand-day-month",
        re.compile(
            rf"{_AT_DAY}(?i:\b{_WDAY}(?P<d>\d{{1,2}}){_ORD_LOOSE}(?:\s+of)?{_PIPE}\s*(?P<m>{MONTH_RE}))\b\.?"
            r"(?:,?\s*(?P<y>(?:19|20)\d{2})\b|(?!,?\s*\d{4}\b))"  # another 4-digit year: a typo, leave it
        ),
    ),
    (
        "cand-month-day",
        re.compile(
            rf"{_AT_MONTH}(?i:\b{_WDAY}(?P<m>{MONTH_RE}))\.?{_PIPE}[ \t]+(?P<d>\d{{1,2}}){_ORD}\b(?![:.,]\d|\s*(?:%|£|-\d))"
        ),
    ),
    ("cand-month", re.compile(rf"{_AT_MONTH}\b(?P<m>{_MONTH_WORD})\b\.?{_YEAR_AFTER}")),
)
PROPOSALS = WRITTEN + YEARLESS
_FIGURE_AFTER = re.compile(r"[ \t]*\|?[ \t]*\(?[£$]?\d")
# Three or more month names in a row, spaces only between them: a table's header ("Apr May Jun Jul").
_MONTH_ROW = re.compile(rf"{_AT_MONTH}\b(?:{_MONTH_WORD})(?:[ \t]+(?:{_MONTH_WORD})\b){{2,}}")
_OCR_YEAR = re.compile(r"\b[12]\d{0,2}[Oo][\dOo]*\b")
# a year, not a 24-hour time ("at 1900", "1900Hrs", "1930 hours")
_YEAR = re.compile(r"(?<![\d/£,.\-])(?<!\bat )(?:19|20)\d{2}(?![\d/]|-\d{2}\b|\s*(?:hrs?|hours|h)\b)", re.I)
_FORWARD = re.compile(
    r"\b(?:next|will|shall|future|forthcoming|upcoming|coming|scheduled|proposed|planned|provisional(?:ly)?|"
    r"expected|due|until|by|deadline|closes?|from|dates? for|dates? of (?:the )?next)\b",
    re.I,
)
_BACKWARD = re.compile(
    r"\b(?:held|previous|last|was|were|had|has been|took place|since|ago|minutes of|met|attended|"
    r"received|published|sent|reported|closed|opened)\b",
    re.I,
)
_WORDS = re.compile(r"[A-Za-z]+")
FRONT_KEYS = frozenset(
    {
        "created",
        "revised",
        "published",
        "posted",
        "updated",
        "modified",
        "lastmod",
        "reviewed",
        "lastreview",
        "nextreview",
    }
)
_KEY_BEFORE = re.compile(r"\b([A-Za-z][A-Za-z ]{1,20}?)\s*:\s*$")
_WEB = re.compile(r"https?:|www\.|://|\.(?:pdf|docx?|xlsx?|csv|html?|aspx?|odt|pptx?)\b|%[0-9A-Fa-f]{2}", re.I)
_BRACKETS = re.compile(r"\([^()]*\)")
RUN_GAP = 60  # characters between two yearless dates of one run (a list of meeting dates)


def key_before(text: str, start: int) -> str | None:
    """The "key:" written just before ``start`` ("created: 8/11/2011" -> "created"; "Last updated:" ->
    "updated"; "lastReview:" -> "lastreview"): its last word, lower-cased, or None."""
    m = _KEY_BEFORE.search(text[max(0, start - 30) : start])
    return m.group(1).split()[-1].lower() if m else None


def token_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The run of non-space characters holding ``text[start:end]`` (at most 200 either side)."""
    s, e = start, end
    while s > 0 and not text[s - 1].isspace() and start - s < 200:
        s -= 1
    while e < len(text) and not text[e].isspace() and e - end < 200:
        e += 1
    return s, e


def in_web_address(text: str, start: int, end: int) -> bool:
    """True when the date is part of a web address or file name (GUIDELINES: not a date)."""
    s, e = token_around(text, start, end)
    return bool(_WEB.search(text[s:start] + " " + text[end:e]))


def is_metadata_date(ctx: Context, c: Candidate) -> bool:
    """A date in a front-matter line ("created: 8/11/2011", "revised:") or in a web address or file
    name: GUIDELINES count neither as a date (a meeting's own date elsewhere in the text still is)."""
    return key_before(ctx.text, c.start) in FRONT_KEYS or in_web_address(ctx.text, c.start, c.end)


def drop_metadata_dates(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """The candidates that are not front-matter or web-address dates."""
    return [c for c in cands if not is_metadata_date(ctx, c)]


def _years(text: str) -> set[int]:
    return {int(y) for y in _YEAR.findall(text)}


def document_anchor(ctx: Context, rules: list[Candidate] | None = None) -> tuple[int, int | None, str] | None:
    """The document's own date as (year, month or None, where from), worked out once per document.

    The report date the metadata extractor found (its best candidate), else the first day written
    with a year among the rules' dates (``rules``), else the year most of them name.
    """
    cache = ctx.__dict__.get("_dates_anchor", False)
    if cache is not False:
        return cache
    found: tuple[int, int | None, str] | None = None
    meta = [c for c in ctx.results.get("metadata", []) if c.data.get("key") == "report_date" and c.data.get("value")]
    if meta:
        v = str(max(meta, key=lambda c: c.confidence).data["value"])
        if re.match(r"\d{4}-\d{2}", v):
            found = (int(v[:4]), int(v[5:7]), "meta")
    if found is None:
        years: Counter[int] = Counter()
        for c in rules or []:
            v = str(c.data.get("value", ""))
            if c.data.get("precision") == "day" and found is None:
                found = (int(v[:4]), int(v[5:7]), "first-day")
            if re.match(r"\d{4}", v):
                years[int(v[:4])] += 1
        if found is None and years:
            found = (years.most_common(1)[0][0], None, "common-year")
    ctx.__dict__["_dates_anchor"] = found
    return found


class _Blocks:
    """Block lookup by offset (bisect over the block starts)."""

    def __init__(self, ctx: Context) -> None:
        self.blocks = list(ctx.document.blocks or [])
        self.starts = [b.start for b in self.blocks]

    def index(self, offset: int) -> int:
        i = bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.blocks[i].end else -1


def _near_year(ctx: Context, blocks: _Blocks, i: int) -> int | None:
    """The one year of the heading or lead-in line ("Meeting dates for 2026:") just above block ``i``."""
    if i < 1:
        return None
    b = blocks.blocks[i - 1]
    t = ctx.text[b.start : b.end]
    ys = _years(t)
    if len(ys) == 1 and len(t) <= 120 and (b.kind == "heading" or t.rstrip().endswith(":")):
        return ys.pop()
    return None


def _close(years: set[int], anchor) -> bool:
    """A year from the text around is taken only near the document's own (a history's year is not)."""
    return anchor is None or abs(next(iter(years)) - anchor[0]) <= 1


def _direction(sentence: str) -> str:
    fwd, back = len(_FORWARD.findall(sentence)), len(_BACKWARD.findall(sentence))
    return "fwd" if fwd > back else "back" if back > fwd else "near"


def _from_anchor(anchor: tuple[int, int | None, str], month: int) -> tuple[int, int]:
    """The year that puts ``month`` nearest the document's date, and the months between them.

    A January meeting in a November report is next year's; a September event in a January report
    last year's. (The sentence's tense is a feature for the model, not a rule: measured on the
    training documents, moving the year by it was wrong more often than right.)
    """
    year, amonth, _ = anchor
    if amonth is None:
        return year, 0
    options = [(y, (y - year) * 12 + month - amonth) for y in (year - 1, year, year + 1)]
    return min(options, key=lambda o: (abs(o[1]), o[0] != year))


def yearless_proposals(ctx: Context, taken_by: list[Candidate]) -> list[Candidate]:
    """Proposals for the dates no rule took (``taken_by``: the rules' candidates)."""
    text = ctx.text
    taken = bytearray(len(text))
    for c in taken_by:
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    blocks = _Blocks(ctx)
    out = _scan(ctx, WRITTEN, taken, None, blocks)
    for m in _MONTH_ROW.finditer(text):
        taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    anchor = document_anchor(ctx, drop_metadata_dates(ctx, sorted(taken_by + out, key=lambda c: c.start)))
    out += _scan(ctx, YEARLESS, taken, anchor, blocks)
    out.sort(key=lambda c: c.start)
    _roll_runs(text, out)
    return out


def _scan(ctx: Context, patterns, taken: bytearray, anchor, blocks: _Blocks) -> list[Candidate]:
    out: list[Candidate] = []
    for rule, pattern in patterns:
        if rule == "cand-ocr-year" and not _OCR_YEAR.search(ctx.text):
            continue
        for m in pattern.finditer(ctx.text):
            if any(taken[m.start() : m.end()]):
                continue
            cand = _proposal(ctx, rule, m, anchor, blocks)
            if cand is not None:
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
                out.append(cand)
    return out


def _proposal(ctx: Context, rule: str, m: re.Match[str], anchor, blocks: _Blocks) -> Candidate | None:
    g = m.groupdict()
    if g.get("m") and g["m"].islower():  # "may", "march": verbs, not months
        return None
    if rule == "cand-month" and _row_label(ctx.text, m):
        return None
    day = int(g["d"]) if g.get("d") else None
    month = int(g["mn"]) if g.get("mn") else month_number(g["m"]) if g.get("m") else None
    data: dict = {"text": m.group(0)}
    if g.get("y"):
        year, data["year_from"] = expand_year(g["y"].replace("O", "0").replace("o", "0")), "written"
    else:
        year, data["year_from"], data["month_delta"] = _infer_year(ctx, m.start(), month, anchor, blocks)
    r = normalise_date(day, month, year) if month else None
    if r is None or r[1] == "year":
        return None
    from pipelines.extractors.dates import date_context  # the rules' cue words (imported late: dates imports us)

    data.update(value=r[0], precision=r[1], context=date_context(ctx.text[slice(*ctx.sentence_at(m.start()))]))
    return Candidate("dates", m.start(), m.end(), data, confidence=0.5, extractor="dates", rule=rule)


def _row_label(text: str, m: re.Match[str]) -> bool:
    """A month first on its line with a figure after it: a table's row label ("April (46,459)")."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    return not text[line_start : m.start()].strip(" \t|") and bool(_FIGURE_AFTER.match(text, m.end()))


def _infer_year(ctx: Context, offset: int, month: int | None, anchor, blocks: _Blocks) -> tuple[int | None, str, int]:
    s, e = ctx.sentence_at(offset)
    ys = _years(ctx.text[s:e])
    if len(ys) == 1:
        return ys.pop(), "sentence", 0
    i = blocks.index(offset)
    if not ys and i >= 0:
        b = blocks.blocks[i]
        ys = _years(ctx.text[b.start : b.end])
        if len(ys) == 1 and _close(ys, anchor):
            return ys.pop(), "block", 0
        near = _near_year(ctx, blocks, i) if not ys else None
        if near is not None and _close({near}, anchor) and (anchor is None or near != anchor[0]):
            return near, "heading", 0
        ys = set()
    if anchor is None or month is None or ys:
        return None, "none", 0
    direction = _direction(ctx.text[s:offset] + " " + ctx.text[offset:e][:60])
    year, delta = _from_anchor(anchor, month)
    return year, f"doc-{direction}", delta


def _listed(text: str, prev: Candidate, c: Candidate) -> bool:
    """Two dates of one list: close, with at most two words between them (a note in brackets aside)."""
    gap = text[prev.end : c.start]
    return len(gap) <= RUN_GAP and len(_WORDS.findall(_BRACKETS.sub(" ", gap))) <= 2


def _roll_runs(text: str, cands: list[Candidate]) -> None:
    """A run of yearless dates close together (a list of meeting dates) keeps counting forward: each
    takes the year of the one before it, or the next year where its month comes earlier."""
    prev: Candidate | None = None
    for c in cands:
        d = c.data
        if prev is not None and d.get("year_from", "").startswith("doc-") and _listed(text, prev, c):
            py, pm = int(prev.data["value"][:4]), int(prev.data["value"][5:7])
            month = int(d["value"][5:7])
            year = py + 1 if month < pm else py
            r = normalise_date(int(d["value"][8:10]) if d["precision"] == "day" else None, month, year)
            if r is not None and r[0] != d["value"]:
                d["value"], d["year_from"] = r[0], "run"
            elif r is not None:
                d["year_from"] = d["year_from"] + "+run"
        prev = c if d.get("year_from") != "written" else None
