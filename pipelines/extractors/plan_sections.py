"""The sections of an action plan: the headings that divide its numbered actions.

An action plan (an appendix table "Action | Lead | Status | ...", its cells often read out as lines) groups its
actions under headings: "1. Governance" over "1.A) Set up a working group ...", or "Meeting the quality standard"
between rows 19 and 20. Those headings are the top level of the plan, its areas of work (GUIDELINES: the top level
of the list, not the actions beneath it). Layout decides here, not wording: a header row of column titles, then
headings whose numbers the actions beneath them carry on.
"""

from __future__ import annotations

import re

from models.document import Block, Document

# The title of one column of an action plan
_COLUMN = (
    r"(?:actions?|activit(?:y|ies)|recommendations?|lead(?:\s+officers?)?|owners?|status|timescales?|deadlines?|"
    r"targets?|comments?|next\s+steps|ref\.?|topics?|b?rag|progress|completion\s+dates?|outputs?|milestones?|"
    r"responsib\w+|due\s+dates?|by\s+when|updates?)"
)
# A header row ends on three or more column titles ("... PLAN Ref Topic Activity Timescale BRAG")
HEADER = re.compile(rf"(?:^|\s)(?P<cols>{_COLUMN}(?:\s+{_COLUMN}){{2,}})\s*$", re.I)
ACTION_COLUMN = re.compile(r"\b(?:actions?|activit(?:y|ies))\b", re.I)
WHO_OR_WHEN_COLUMN = re.compile(
    r"\b(?:lead|owners?|status|timescales?|deadlines?|responsib\w*|due|by\s+when|completion|progress|b?rag)\b", re.I
)
HEADER_WORDS = 16
END = re.compile(r"^(?:\d{1,3}\s+)?Appendi(?:x|ces)\b")  # the next appendix ends the plan
# "3. Mapping", "2. Existing" (its name runs on into the next lines): a numbered section heading
NUMBERED = re.compile(r"^(?P<n>\d{1,2})\.\s+(?P<name>[A-Z].*)$", re.S)
SECTION_WORDS = 12
ROW = re.compile(r"^(?P<n>\d{1,3})\s+[A-Z]")  # "20 Complaints Improve complaints handling ...": a numbered row
MIN_SECTIONS = 2
MAX_BLOCKS = 600  # a plan is read at most this far past its header


def plan_sections(document: Document) -> list[tuple[int, int, int]]:
    """(block index, start, end) of each section heading's name, in every action plan of the document."""
    blocks = document.blocks
    out: list[tuple[int, int, int]] = []
    read_to = -1  # a header row repeated on each page of the plan is inside the plan already read
    for i, b in enumerate(blocks):
        if i > read_to and _is_header(document.block_text(b)):
            region = _region(document, i + 1)
            read_to = region[-1] if region else i
            found = _numbered_sections(document, region) or _sections_between_rows(document, region)
            out += [s for s in found if s not in out]
    return out


def _is_header(text: str) -> bool:
    if len(text.split()) > HEADER_WORDS:
        return False
    m = HEADER.search(text)
    return bool(m and ACTION_COLUMN.search(m.group("cols")) and WHO_OR_WHEN_COLUMN.search(m.group("cols")))


def _region(document: Document, first: int) -> list[int]:
    """The blocks of the plan: from after its header to the next appendix (or the end)."""
    out = []
    for j in range(first, min(len(document.blocks), first + MAX_BLOCKS)):
        if END.match(document.block_text(document.blocks[j])):
            break
        out.append(j)
    return out


def _numbered_sections(document: Document, region: list[int]) -> list[tuple[int, int, int]]:
    """'N. Name' headings whose actions are numbered 'N.A)', 'N.1' beneath them; the name may run over the next
    short lines ("5. Business" / "Engagement:") up to the first action."""
    out = []
    texts = {j: document.block_text(document.blocks[j]) for j in region}
    for k, j in enumerate(region):
        m = NUMBERED.match(texts[j])
        if not m or len(texts[j].split()) > SECTION_WORDS or texts[j].rstrip().endswith("."):
            continue
        action = re.compile(rf"^(?:\d{{1,3}}\s+)?{m.group('n')}\.\s?(?:[A-Za-z]|\d{{1,2}})\)?\s")
        end_block = None
        for nxt in region[k + 1 : k + 6]:
            if action.match(texts[nxt]):
                end_block = nxt
                break
            if NUMBERED.match(texts[nxt]) or len(texts[nxt].split()) > 4:
                break
        if end_block is None:
            continue
        last = document.blocks[end_block - 1]
        start = document.blocks[j].start + m.start("name")
        end = last.start + len(texts[end_block - 1].rstrip(" :"))
        if len(document.text[start:end].split()) <= SECTION_WORDS:
            out.append((j, start, end))
    return out if len(out) >= MIN_SECTIONS else []


def _sections_between_rows(document: Document, region: list[int]) -> list[tuple[int, int, int]]:
    """Unnumbered headings where the numbered rows carry on across them (row 19, the heading, row 20), or
    before the first row."""
    out = []
    last_row = 0
    for k, j in enumerate(region):
        b = document.blocks[j]
        text = document.block_text(b)
        row = ROW.match(text)
        if row:
            last_row = int(row.group("n"))
            continue
        if not _section_heading(b, text) or k + 1 >= len(region):
            continue
        nxt = ROW.match(document.block_text(document.blocks[region[k + 1]]))
        if nxt and int(nxt.group("n")) == last_row + 1:
            out.append((j, b.start, b.start + len(text.rstrip(" :"))))
    return out if len(out) >= MIN_SECTIONS else []


def _section_heading(b: Block, text: str) -> bool:
    words = text.split()
    return (
        b.kind == "heading"
        and not b.label
        and 1 <= len(words) <= SECTION_WORDS
        and text[:1].isupper()
        and any(ch.islower() for ch in text)
        and not text.rstrip().endswith(".")
    )
