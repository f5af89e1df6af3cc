"""Bodies named in a list beside a body already found: "awarded to the Alzheimer’s Society, Rivertown Food
Bank, the Royal Voluntary Service and the Hillside Wellbeing Centre".

A list of three or more proper names, one of which is an organisation found by a stronger rule, names more
organisations of the same sort. The other names are kept for review (confidence 0.45): the list says what they
are, not that each name is whole.
"""

from __future__ import annotations

import re

from pipelines import gazetteer, register
from pipelines.extractors.base import Candidate
from pipelines.orgnames import kind_from_name

# The clause a list sits in: between sentence, clause or line breaks.
CLAUSE_END = re.compile(r"[.;:\n()]|\s[–—-]\s")
WORD = r"[A-Z][\w’'&-]*"
# One proper name: capitalised words, with "of", "and", "for", "the", "&" inside.
NAME = re.compile(rf"(?:[Tt]he\s+)?(?P<name>{WORD}(?:\s+(?:(?:of|and|for|the|&|on|in)\s+)*{WORD})*)")
# Words that end a list item without being part of the last name ("... and the Hillside Wellbeing Centre to:").
TAIL = re.compile(r"\s+(?:[a-z][\w’'-]*\b.*)?$", re.S)
MONTHS = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")
MAX_WORDS = 6
# Not a body outside the council: its own committees and directorates, budget lines, decisions listed as names.
NOT_A_BODY = re.compile(
    r"\b(?:Committees?|Sub-Committee|Panel|Directorate|Cabinet|Indicators?|Reserves?|Budgets?|Strateg(?:y|ies)|"
    r"Plans?|Polic(?:y|ies)|Programmes?|Council|Authority|Members?|Officers?)$"
    r"|^(?:Note|Approve|Agree|Endorse|Delegate|Consider|Receive|Support|Adopt|Request|Mayoral|Cabinet|Executive)\b"
)


def _items(clause: str) -> list[tuple[str, int]] | None:
    """The list's items with their offsets in the clause, or None when the clause is not a list of names."""
    pieces = [(m.group(), m.start()) for m in re.finditer(r"[^,]+", clause)]
    if len(pieces) < 2:
        return None
    last, at = pieces[-1]
    split = re.search(r"\s+(?:and|&)\s+(?=(?:the\s+)?[A-Z])", last)
    if split is None:
        return None
    pieces[-1:] = [(last[: split.start()], at), (last[split.end() :], at + split.end())]
    out = []
    for i, (piece, start) in enumerate(pieces):
        stripped = piece.lstrip()
        if i == 0:  # the first item follows the words that introduce the list ("allocated to the ...")
            m = list(re.finditer(rf"(?:(?<=\s)|^)(?:[Tt]he\s+)?{WORD}", stripped))
            lead = next((x for x in m if NAME.fullmatch(stripped[x.start() :].rstrip())), None)
            if lead is None:
                return None
            stripped = stripped[lead.start() :]
        if i == len(pieces) - 1:
            stripped = TAIL.sub("", stripped) if not NAME.fullmatch(stripped.rstrip()) else stripped
        name_m = NAME.fullmatch(stripped.rstrip())
        if not name_m:
            return None
        name = name_m.group("name")
        offset = start + (len(piece) - len(piece.lstrip())) + (piece.lstrip().find(name))
        out.append((name, offset))
    return out if len(out) >= 3 else None


def list_members(text: str, found: list[Candidate]) -> list[Candidate]:
    """Further bodies in a list of names that holds a body already found (kept for review)."""
    out: list[Candidate] = []
    seen = {(c.start, c.end) for c in found}
    names = {c.data["name"].lower() for c in found}
    places = gazetteer.councils_by_place()
    for anchor in sorted(found, key=lambda c: c.start):
        if anchor.rule in ("spacy-ORG", "contract-party") or anchor.confidence < 0.5:
            continue
        ends = [m.start() for m in CLAUSE_END.finditer(text, max(0, anchor.start - 400), anchor.start)]
        start = ends[-1] + 1 if ends else max(0, anchor.start - 400)
        stop = CLAUSE_END.search(text, anchor.end, anchor.end + 400)
        clause = text[start : stop.start() if stop else min(len(text), anchor.end + 400)]
        items = _items(clause)
        if not items or not any(start + off <= anchor.start < start + off + len(n) + 1 for n, off in items):
            continue
        for name, off in items:
            s, e = start + off, start + off + len(name)
            if (s, e) in seen or any(c.start < e and s < c.end for c in found + out) or name.lower() in names:
                continue
            if len(name.split()) > MAX_WORDS or len(name.split()) < 2 or MONTHS.match(name) or NOT_A_BODY.search(name):
                continue  # councils and authorities are left to the register
            if gazetteer._key(name) in places or register.by_place().get(register.key(name)):
                continue  # a place, not a body
            out.append(
                Candidate(
                    "organisations",
                    s,
                    e,
                    {"name": name, "kind": kind_from_name(name), "aliases": []},
                    confidence=0.45,
                    extractor="organisations",
                    rule="listed-with-body",
                )
            )
            seen.add((s, e))
    return out
