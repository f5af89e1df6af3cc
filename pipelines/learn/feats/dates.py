"""Features of a dates candidate beyond the generic ones (``pipelines/learn/features.py``).

What the date is (precision, written or inferred year and how), how far its year lies from the
document's own date, where it sits (a web address, file name or reference; a front-matter line such as
"created:"; a table cell; a heading), and the words just after it ("meeting", "2pm").
"""

from __future__ import annotations

import re
from collections import Counter

from pipelines.extractors.base import Candidate, Context
from pipelines.extractors.dates_yearless import FRONT_KEYS, document_anchor, in_web_address, key_before
from pipelines.normalise import MONTH_RE

_LINE_KEY = re.compile(r"^\s*[-*]?\s*([A-Za-z][A-Za-z _]{1,20}?)\s*:")
_MONTH_NEAR = re.compile(rf"\b{MONTH_RE}\b", re.I)
_NUM_AFTER = re.compile(r"^\W{0,3}\(?[£$]?\d[\d,.]*\)?(?:\s|$)")
_TEXT_YEAR = re.compile(r"(?<![\d/£,.\-])(?:19|20)\d{2}(?!\d)")
_REF_BEFORE = re.compile(r"(?:\bref(?:erence)?\.?|\bno\.|\bnumber|#|/)\s*[:.]?\s*$", re.I)
_TIME_AFTER = re.compile(r"^\W{0,3}(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|hrs)", re.I)
_WEEKDAY = re.compile(r"(?:mon|tue|wed|thu|fri|sat|sun)", re.I)
_WORD = re.compile(r"[A-Za-z]+|\d+")


def _line(text: str, start: int) -> str:
    s = text.rfind("\n", 0, start) + 1
    return text[s:start]


def _block_kind(ctx: Context, offset: int) -> str:
    from bisect import bisect_right

    cache = ctx.__dict__.get("_dates_block_starts")
    if cache is None:
        cache = [b.start for b in ctx.document.blocks]
        ctx.__dict__["_dates_block_starts"] = cache
    i = bisect_right(cache, offset) - 1
    if i < 0:
        return "none"
    b = ctx.document.blocks[i]
    return b.kind if offset < b.end else "none"


def _common_year(ctx: Context) -> int | None:
    """The year the document's text names most often (once per document)."""
    if "_dates_common_year" not in ctx.__dict__:
        years = Counter(_TEXT_YEAR.findall(ctx.text))
        ctx.__dict__["_dates_common_year"] = int(years.most_common(1)[0][0]) if years else None
    return ctx.__dict__["_dates_common_year"]


def features(ctx: Context, cand: Candidate) -> dict[str, float]:
    d = cand.data
    text = ctx.text
    f: dict[str, float] = {}
    prec = str(d.get("precision"))
    f["prec=" + prec] = 1.0
    year_from = d.get("year_from")
    if not year_from:  # the rules': written, or the one year of the sentence
        year_from = "sentence" if cand.rule.removeprefix("cand-") in ("day-month", "month-only") else "written"
    f["yfrom=" + year_from.split("+")[0]] = 1.0
    if year_from.endswith("+run"):
        f["yfrom_run"] = 1.0
    f[f"yfrom|prec={year_from.split('+')[0]}|{prec}"] = 1.0
    delta = abs(int(d.get("month_delta") or 0))
    f[f"mdelta={min(delta, 9) // 3}"] = 1.0
    value = str(d.get("value") or "")
    anchor = document_anchor(ctx)
    if anchor and value[:4].isdigit():
        dy = abs(int(value[:4]) - anchor[0])
        f[f"ydist={min(dy, 3)}" if dy < 6 else "ydist=far"] = 1.0
    else:
        f["ydist=unknown"] = 1.0
    raw = text[cand.start : cand.end]
    if in_web_address(text, cand.start, cand.end):
        f["in_url_or_file"] = 1.0
    line = _line(text, cand.start)
    lm = _LINE_KEY.match(line)
    key = key_before(text, cand.start) or (lm.group(1).strip().lower() if lm else None)
    if key:
        f["front_key" if key in FRONT_KEYS else "line_key"] = 1.0
    if not line.strip() or re.fullmatch(r"\W*(?:\d{1,3}[.)]?)?\W*", line):
        f["line_start"] = 1.0
    common = _common_year(ctx)
    if common and value[:4].isdigit():
        dc = abs(int(value[:4]) - common)
        f[f"cdist={min(dc, 3)}" if dc < 6 else "cdist=far"] = 1.0
    if cand.rule.removeprefix("cand-") in ("numeric", "numeric-dash"):
        f["num_sep=" + ("." if "." in raw else "/" if "/" in raw else "-")] = 1.0
        f["num_yy"] = 1.0 if re.search(r"\D\d{2}$", raw) else 0.0
    if _REF_BEFORE.search(text[max(0, cand.start - 12) : cand.start]):
        f["ref_before"] = 1.0
    after = text[cand.end : cand.end + 30]
    if _TIME_AFTER.match(after):
        f["time_after"] = 1.0
    if _WEEKDAY.match(raw):
        f["weekday"] = 1.0
    if raw.isupper():
        f["upper"] = 1.0
    if prec == "month" and year_from != "written":
        word = raw.strip(" .").lower()
        f["bare_month"] = 1.0
        if word == "may":
            f["bare_may"] = 1.0
        nxt = _WORD.findall(after)[:1]
        if nxt and nxt[0][:1].isupper():
            f["bare_next_cap"] = 1.0
        around = text[max(0, cand.start - 25) : cand.start] + " " + after[:25]
        n = len(_MONTH_NEAR.findall(around))
        if n:
            f["bare_month_run"] = 1.0  # "June/July", or a row of month names: a table's header
        if n >= 2:
            f[f"month_row|yfrom={year_from.split('+')[0]}"] = 1.0
        if _NUM_AFTER.match(after):
            f["bare_num_after"] = 1.0  # "April (46,459)": a table row's label
    f["kind=" + _block_kind(ctx, cand.start)] = 1.0
    if "|" in line or "|" in after.split("\n", 1)[0]:
        f["table_row"] = 1.0
    for w in _WORD.findall(after.lower())[:2]:
        f["rw:" + w] = 1.0
    return f
