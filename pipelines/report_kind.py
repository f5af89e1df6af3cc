"""What kind of report a Document is: partnership, budget, minutes, decision, scrutiny, terms_of_reference, other.

A short rule-based scorer over signals every report has: the front sheet (title, "Subject:", "Title of report:"
and the first lines), section headings, and a few labels ("PRESENT:", "RESOLVED", "Decision Maker:").
Each signal adds a weight to its kind; a signal in the front sheet weighs more than one in the body.
``report_kind(document)`` returns the kind and the span of the signal that decided it (None for "other").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.document import Document
from pipelines.sections import largest_text

FRONT_CHARS = 1500  # the front sheet: title, labels and summary of a report
MIN_SCORE = 3.0  # below this the report is "other"

# (kind, pattern, weight in the title line, in the rest of the front sheet, as a later heading, per body mention,
#  cap on the body mentions)
_SIGNALS: tuple[tuple[str, re.Pattern[str], float, float, float, float, float], ...] = (
    (
        "minutes",
        re.compile(
            r"\bMINUTES\s+of\s+(?:the|a)\s+(?:meeting|proceedings)\b|^\s*Minutes\s*$|\bNotes\s+of\s+"
            r"(?:the\s+)?meeting\b|^\s*(?:PRESENT|Members\s+Present|Attendees|In\s+attendance)\s*:|"
            r"^\s*(?:Draft\s+)?Minutes\s+of\s+(?!the\s+(?:last|previous)\b)|\bdraft\s+minutes\b",
            re.I | re.M,
        ),
        6,
        4,
        1,
        0,
        0,
    ),
    # an agenda (meeting papers): filed with minutes, as neither is a report on one piece of work
    (
        "minutes",
        re.compile(
            r"^\s*Agenda\s*$|\bAgenda\s+(?:for|of)\s+(?:the|a)\s+meeting\b|\bNotice\s+of\s+(?:the\s+)?"
            r"meeting\b|\bA\s+meeting\s+of\s+the\s+[\w ,&’'-]{3,80}?\s+will\s+be\s+held\b",
            re.I | re.M,
        ),
        5,
        4,
        0,
        0,
        0,
    ),
    (
        "minutes",
        re.compile(
            r"^\s*(?:\d+\.?\s+)?Apologies(?:\s+for\s+absence)?\s*(?::|$)|\bRESOLVED\b(?:\s*[-–:]|\s+that)", re.M
        ),
        0,
        1,
        1,
        0.5,
        2,
    ),
    (
        "decision",
        re.compile(
            r"\bRecord\s+of\s+(?:Executive\s+|Officer\s+)?Decision\b|\bDecision\s+(?:Notice|Recording\s+"
            r"Form|Sheet)\b|^\s*Decision\s+Maker\s*:|\bDecision\s+status\s*:|^\s*Date\s+of\s+decision\s*:|"
            r"\bDECISION\s+TO\s+BE\s+TAKEN\s+BY\b",
            re.I | re.M,
        ),
        5,
        3,
        1,
        0,
        0,
    ),
    # a budget report, not a programme's budget ("Single Regeneration Budget", "pooled budget")
    (
        "budget",
        re.compile(
            r"(?<!Regeneration )(?<!Pooled )(?<!Care )\bBudget\b(?!\s+(?:Holders?|Manager)\b)|\bMedium[\s-]+Term\s+Financial\s+(?:Plan|Strategy)\b|\bMTF[PS]\b|"
            r"\bOutturn\b|\bCouncil\s+Tax\s+Setting\b",
            re.I,
        ),
        5,
        1,
        0.5,
        0.2,
        1,
    ),
    (
        "scrutiny",
        re.compile(
            r"\bCall[\s-]?in\b|\bScrutiny\s+(?:Review|Report|Panel|Inquiry)\b|\breconsideration\s+of\s+"
            r"(?:the\s+)?decision\b",
            re.I,
        ),
        5,
        0,
        1,
        0,
        0,
    ),
    ("terms_of_reference", re.compile(r"\bTerms\s+of\s+Reference\b|\bConstitution\b", re.I), 5, 1, 0.5, 0, 0),
    (
        "partnership",
        re.compile(
            r"\bPartnership\b|\bJoint\s+(?:Committee|Working|Venture|Arrangements?|Board|"
            r"Commissioning|Services?)\b|\bshared\s+services?\b|\bcollaborat(?:ion|ive|ing|e)\b|"
            r"\bMemorandum\s+of\s+Understanding\b|\bworking\s+(?:better\s+)?together\b|"
            r"\bHealth\s+and\s+Wellbeing\s+Board\b",
            re.I,
        ),
        5,
        2,
        1,
        0,
        0,
    ),
    (
        "partnership",
        re.compile(
            r"\b(?:partnership|joint|collaborative)\s+working\b|\bshared\s+services?\b|"
            r"\bSection\s+(?:75|113)\s+agreement\b|\binter-?authority\b|\bwork(?:ing)?\s+(?:more\s+)?"
            r"(?:closely\s+)?together\b",
            re.I,
        ),
        0,
        1,
        0,
        0.5,
        2,
    ),
)
# The title line says what a report is more surely than anything else
_TITLE_LABEL = re.compile(
    r"^\s*(?:Title\s+of\s+(?:the\s+)?report|Report\s+title|Subject(?:\s+Matter)?|Title|TITLE|"
    r"SUBJECT)\s*:?[ \t]*(?P<value>[^\n]*)",
    re.M,
)

_LINE = re.compile(r"[^\n]*\S[^\n]*")


@dataclass(frozen=True)
class Kind:
    """A report's kind, the evidence span that decided it, and the score per kind."""

    kind: str
    start: int | None
    end: int | None
    scores: dict[str, float]


def _title_spans(document: Document) -> list[tuple[int, int]]:
    """The title line(s): labelled title/subject values, the first heading and the largest type on page 1, within
    the front sheet."""
    text = document.text
    spans = []
    for m in _TITLE_LABEL.finditer(text[:FRONT_CHARS]):
        if m.group("value").strip():
            spans.append((m.start("value"), m.end("value")))
            continue
        # the value sits on the next lines (a wrapped title): up to two of them, until a label
        lines = _LINE.finditer(text, m.end(), min(len(text), m.end() + 300))
        for _, line in zip(range(2), lines):
            if ":" in line.group():
                break
            spans.append((line.start(), line.end()))
    first = next((b for b in document.blocks if b.kind == "heading"), None)
    if first is not None and first.start < FRONT_CHARS:
        spans.append((first.start, first.end))
    spans += [(b.start, b.end) for b in (document.blocks[i] for i in largest_text(document)) if b.start < FRONT_CHARS]
    return sorted(set(spans))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces and line breaks a pattern took in at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def report_kind(document: Document) -> Kind:
    """The kind of report, with the span of the signal that weighed most for it."""
    text = document.text
    scores: dict[str, float] = {}
    best_span: dict[str, tuple[float, int, int]] = {}

    def add(kind: str, weight: float, start: int, end: int) -> None:
        start, end = _trim(text, start, end)
        scores[kind] = scores.get(kind, 0.0) + weight
        if weight > best_span.get(kind, (0.0, 0, 0))[0]:
            best_span[kind] = (weight, start, end)

    titles = _title_spans(document)
    headings = [(b.start, b.end) for b in document.blocks if b.kind == "heading" and b.start >= FRONT_CHARS]
    for kind, pattern, title_w, front_w, heading_w, body_w, cap in _SIGNALS:
        in_title = next((m for s, e in titles if (m := pattern.search(text, s, e))), None) if title_w else None
        if in_title:
            add(kind, title_w, in_title.start(), in_title.end())
        elif front_w:
            front = pattern.search(text, 0, min(len(text), FRONT_CHARS))
            if front:
                add(kind, front_w, front.start(), front.end())
        if heading_w:
            m = next((m for s, e in headings if (m := pattern.search(text, s, e))), None)
            if m:
                add(kind, heading_w, m.start(), m.end())
        if body_w:
            hits = [m for _, m in zip(range(int(cap / body_w) + 1), pattern.finditer(text, FRONT_CHARS))]
            if hits:
                scores[kind] = scores.get(kind, 0.0) + min(cap, len(hits) * body_w)
                best_span.setdefault(kind, (0.0, *_trim(text, hits[0].start(), hits[0].end())))
    if not scores or max(scores.values()) < MIN_SCORE:
        return Kind("other", None, None, scores)
    kind = max(scores, key=lambda k: scores[k])
    _, s, e = best_span.get(kind, (0.0, None, None))
    return Kind(kind, s, e, scores)
