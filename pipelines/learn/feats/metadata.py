"""Features of a metadata candidate beyond the generic ones (``pipelines/learn/features.py``).

All are conjoined with the candidate's key (``title|size_rank=0``): what makes a line a title is not what makes
a date the meeting's. Layout (size against the body text, rank of the size on page 1, order and kind of the
block, bold), shape (length, capitals, digits, a date inside), what the text says around it (a label, "held
on", "minutes"), how often the value recurs, and how the candidate stands among the others of its key
(``data`` noted by ``pipelines/extractors/metadata_proposals.annotate``).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right

from models.document import Block
from pipelines.extractors.base import Candidate, Context
from pipelines.extractors.metadata_proposals import BODY_RE
from pipelines.extractors.minutes_outcomes import MINUTES_SIGN
from pipelines.sections import body_size, largest_text

_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b|"
    r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b(?:19|20)\d\d-\d\d-\d\d\b",
    re.I,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_KIND_WORDS = re.compile(
    r"^(?:the\s+)?(?:full\s+|parish\s+|town\s+|community\s+|district\s+|county\s+|borough\s+|city\s+|"
    r"county\s+borough\s+|joint\s+|working\s+|steering\s+|executive\s+|sub\s+|special\s+)*"
    r"(?:council|cabinet|committee|sub-committee|board|panel|forum|group|executive|meeting|partnership|"
    r"network|authority|trust|commission)s?$",
    re.I,
)
_DOC_NOUN = re.compile(
    r"\b(?:strategy|plan|policy|report|minutes?|agenda|notes|update|briefing|review|statement|order|response|"
    r"newsletter|letter|consultation|framework|programme|meeting|proposals?|decision|summary|action)\b",
    re.I,
)
# The standing items of a meeting's record or agenda: headings inside it, never its title.
_STANDING = re.compile(
    r"^(?:(?:item\s+)?\d+(?:\.\d+)*\.?\s+)?(?:members\s+of\s+the\s+public|public\s+(?:participation|forum|"
    r"questions|session)|open\s+forum|questions\s+from\s+the\s+public|correspondence|accounts|finance|planning|"
    r"date\s+of\s+(?:the\s+)?next\s+meeting|next\s+meeting|welcome|introductions?|chair(?:man)?[’']?s\s+report|"
    r"clerk[’']?s\s+report|treasurer[’']?s\s+report|police\s+report|actions?\s+(?:from|arising))\b",
    re.I,
)
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_CUES = {
    "held": re.compile(r"\bheld\b", re.I),
    "meeting": re.compile(r"\bmeeting\b", re.I),
    "minutes": re.compile(r"\bminutes?\b|\bnotes\s+of\b", re.I),
    "agenda": re.compile(r"\bagenda\b", re.I),
    "date_label": re.compile(r"\bdate[ds]?\s*:?\s*$", re.I),
    "on": re.compile(r"\bon\s*$", re.I),
    "prev": re.compile(r"\b(?:previous|last|prior)\b", re.I),
    "next": re.compile(r"\b(?:next|future|forthcoming)\b", re.I),
    "report": re.compile(r"\breport\b", re.I),
    "strategy": re.compile(r"\b(?:strategy|plan|policy|update|briefing|review)\b", re.I),
    "to": re.compile(r"\b(?:to|for)\s*(?:the\s*)?:?\s*$", re.I),
    "of": re.compile(r"\b(?:of|by)\s+(?:the\s+)?$", re.I),
    "label": re.compile(r":\s*$"),
}
_ROLE = re.compile(
    r"\b(?:chief|director|head|manager|officer|clerk|chair\w*|secretary|councillor|cllr|leader|member|"
    r"inspector|treasurer|convenor|minute|author|lead)\b",
    re.I,
)
_PERSON = re.compile(r"^(?:(?:mr|mrs|ms|miss|dr|cllr|councillor|prof\w*)\.?\s+)?[A-Z][a-z’'-]+\s+[A-Z][\w’'-]+\b")


def _cache(ctx: Context) -> dict:
    c = ctx.__dict__.get("_meta_feats")
    if c is None:
        doc = ctx.document
        body = body_size(doc)
        page1 = [b for b in doc.blocks[:60] if b.page in (1, None) and b.size is not None]
        sizes = sorted({b.size for b in page1}, reverse=True)
        c = {
            "starts": [b.start for b in doc.blocks],
            "body": body,
            "ranks": {s: r for r, s in enumerate(sizes)},
            "largest": set(largest_text(doc)),
            "lower": ctx.text.lower(),
        }
        ctx.__dict__["_meta_feats"] = c
    return c


def _block(ctx: Context, cache: dict, offset: int) -> tuple[int, Block | None]:
    i = bisect_right(cache["starts"], offset) - 1
    return (i, ctx.document.blocks[i]) if i >= 0 else (-1, None)


def _bucket(n: float, edges: tuple[float, ...]) -> int:
    return next((k for k, e in enumerate(edges) if n <= e), len(edges))


def _layout(ctx: Context, cache: dict, cand: Candidate, f: dict[str, float]) -> None:
    i, b = _block(ctx, cache, cand.start)
    if b is None:
        f["noblock"] = 1.0
        return
    f[f"blk={_bucket(i, (0, 1, 2, 3, 5, 9, 19, 39))}"] = 1.0
    f["bk=" + b.kind] = 1.0
    if b.bold:
        f["bold"] = 1.0
    if b.size is not None and cache["body"] is not None:
        d = b.size - cache["body"]
        f[f"rel={_bucket(d, (-0.5, 0.5, 1.5, 3.5, 7.5))}"] = 1.0
        f[f"srank={min(3, cache['ranks'].get(b.size, 3))}"] = 1.0
    else:
        f["nosize"] = 1.0
    if i in cache["largest"]:
        f["largest"] = 1.0
    if b.top is not None:
        f[f"top={_bucket(b.top, (0.1, 0.2, 0.35, 0.6))}"] = 1.0
    btext = ctx.text[b.start : b.end]
    f["whole"] = 1.0 if cand.end - cand.start >= 0.9 * len(btext.strip()) else 0.0
    line_start = ctx.text.rfind("\n", 0, cand.start) + 1
    before = ctx.text[max(line_start, cand.start - 60) : cand.start]
    prev_line = ctx.text[max(0, line_start - 60) : max(0, line_start - 1)]
    for name, rx in _CUES.items():
        if rx.search(before):
            f["bef:" + name] = 1.0
        if name in ("label", "to", "of", "date_label") and not before.strip() and rx.search(prev_line):
            f["prevline:" + name] = 1.0
    line_end = ctx.text.find("\n", cand.end, cand.end + 150)
    line = ctx.text[max(line_start, cand.start - 150) : line_end if line_end >= 0 else cand.end + 150]
    for name in ("held", "meeting", "minutes", "agenda", "prev", "next"):
        if _CUES[name].search(line):
            f["line:" + name] = 1.0


def _shape(value: str, f: dict[str, float]) -> None:
    words = value.split()
    f[f"nw={_bucket(len(words), (1, 2, 3, 5, 8, 12, 20))}"] = 1.0
    letters = [ch for ch in value if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        f["caps"] = 1.0
    caps = sum(1 for w in words if w[:1].isupper())
    f["capratio"] = caps / max(1, len(words))
    if _DATE.search(value):
        f["hasdate"] = 1.0
    elif _YEAR.search(value):
        f["hasyear"] = 1.0
    if ":" in value:
        f["colon"] = 1.0
    if re.search(r"\b(?:of|and|&|the|for|to|in|on|at|by|with|a|an)$", value.rstrip(), re.I):
        f["dangling"] = 1.0
    if value.rstrip().endswith("."):
        f["dot"] = 1.0
    if re.search(r"@|www\.|https?:|\.(?:gov|org|com|uk)\b", value):
        f["web"] = 1.0
    if _KIND_WORDS.match(value.strip()):
        f["kindonly"] = 1.0
    rest = _WEEKDAY.sub(" ", _DATE.sub(" ", value))
    if _DATE.search(value) and len(re.findall(r"[A-Za-z]{3,}", rest)) < 2:
        f["dateonly"] = 1.0  # "Tuesday, 9 May 2023": the meeting's date, not its title
    if _DOC_NOUN.search(value):
        f["docnoun"] = 1.0  # names a kind of document ("... Strategy", "Minutes of ...")
    if _STANDING.match(value) or MINUTES_SIGN.match(value):
        f["standing"] = 1.0  # "Members of the Public - Four Residents", "Apologies": an item of the meeting
    bare = re.sub(r"^the\s+", "", value.strip(), flags=re.I)
    if BODY_RE.fullmatch(bare):
        f["bodyname"] = 1.0  # the name of a body and nothing else
    else:
        head = BODY_RE.match(bare.title() if bare.isupper() else bare)
        rest = bare[head.end() :] if head else ""
        if head and (_DATE.search(rest) or _CUES["meeting"].search(rest) or _CUES["minutes"].search(rest)):
            f["body_then_meeting"] = 1.0  # "Northfield Parish Council" + "Annual Meeting 7 March 2024"


def features(ctx: Context, cand: Candidate) -> dict[str, float]:
    key = cand.data.get("key")
    if key not in ("title", "committee", "report_date", "author"):
        return {}
    cache = _cache(ctx)
    value = str(cand.data.get("value") or "")
    f: dict[str, float] = {}
    _layout(ctx, cache, cand, f)
    d = cand.data
    f[f"support={min(3, int(d.get('support', 1)))}"] = 1.0
    if "order" in d:
        f[f"order={min(6, int(d['order']))}"] = 1.0
        f[f"rule|order={cand.rule}|{min(6, int(d['order']))}"] = 1.0
    if "nlines" in d:
        f[f"nlines={d['nlines']}"] = 1.0
        f[f"rule|nlines={cand.rule}|{d['nlines']}"] = 1.0
    for k in (
        "shorter",
        "longer",
        "latest",
        "earliest",
        "first_date",
        "only",
        "same_size",
        "all_heads",
        "prefix",
        "whole_run",
        "next_lower",
        "starts_lower",
        "inner",
    ):
        if d.get(k):
            f[k] = 1.0
    if d.get("pick"):  # the value the rules alone would choose, and how sure they were
        f["pick"] = 1.0
        f[f"pick_conf={d.get('pick_conf')}"] = 1.0
        if d.get("pick_label"):
            f["pick_label"] = 1.0
            if float(d.get("pick_conf") or 0.0) >= 0.85:
                f["pick_label_sure"] = 1.0
    elif not cand.rule.startswith("cand-"):
        f["rule_not_pick"] = 1.0
    if "rank" in d:
        f[f"rank={min(5, int(d['rank']))}"] = 1.0
    if "freq" in d:
        f[f"freq={min(4, int(d['freq']))}"] = 1.0
    f["first500"] = 1.0 if cand.start < 500 else 0.0
    if key == "report_date":
        return f
    _shape(value, f)
    if len(value) >= 4:
        n = cache["lower"].count(value.lower())
        f[f"count={_bucket(n, (0, 1, 2, 4, 9))}"] = 1.0
        f["logcount"] = math.log1p(n)
    if key == "author":
        if _ROLE.search(value):
            f["role"] = 1.0
        if _PERSON.match(value):
            f["person"] = 1.0
        if "," in value:
            f["comma"] = 1.0
        f["foot"] = 1.0 if cand.start > 0.8 * len(ctx.text) else 0.0
        if d.get("label"):
            f["label=" + str(d["label"])] = 1.0  # who the label names: the author, the minute taker, an officer
            f[f"label|kind={d['label']}|{ctx.report_kind}"] = 1.0
    return f
