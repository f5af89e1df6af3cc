"""Bodies named in a list beside a body already found: "awarded to the Alzheimer’s Society, Rivertown Food
Bank, the Royal Voluntary Service and the Hillside Wellbeing Centre".

A list of three or more proper names, one of which is an organisation found by a stronger rule, names more
organisations of the same sort. The other names are kept for review (confidence 0.45): the list says what they
are, not that each name is whole.

Lists that say what their items are (labelled_lists, bulleted_lists, partner_columns) give each item as an
organisation (0.6) and, to partners.py, as a party: "Partners: A, B and C", "The partnership is made up of A, B
and C", list items after "Our partner organisations are:", the cells of a column headed "Partner", "Lead partner"
or "Lead agency".
"""

from __future__ import annotations

import re

from pipelines import gazetteer, register
from pipelines.extractors.base import Candidate
from pipelines.extractors.org_proposals import ORG_HEADS
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
    # a post, not a body: "Director General of ...", "Chief Officer", "Head of Service"
    r"|^(?:Director|Deputy|Assistant|Chief|Head|Secretary|Treasurer|Clerk|Chair(?:man|person)?|Vice|President|"
    r"Minister|Commissioner|Inspector|Manager|Coordinator|Co-ordinator|Leader|Mayor)\b"
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


_LOWER = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*")
_PROPER = re.compile(r"[A-Z][a-z’'-]+")


def _person_shaped(name: str, lower: frozenset[str]) -> bool:
    """Two capitalised words neither of which the text ever writes in lower case ("Jane Smith"): a person's name
    as often as a body's ("Land Registry" has a common noun in it)."""
    words = name.split()
    return len(words) == 2 and all(_PROPER.fullmatch(w) and w.lower() not in lower for w in words)


def list_members(text: str, found: list[Candidate]) -> list[Candidate]:
    """Further bodies in a list of names that holds a body already found (kept for review); not a person's name
    among them."""
    out: list[Candidate] = []
    lower: frozenset[str] | None = None
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
            if lower is None:
                lower = frozenset(_LOWER.findall(text))
            if _person_shaped(name, lower):
                continue  # "Present: Jane Smith, Tim Allen, Cabinet Office": a person beside a body
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


# A list of a partnership's members under a label or a verb that says what the names are: "Partners: A, B, C and
# D", "Partner organisations: ...", "The Partnership comprises A, B and C". Each item is an organisation and a
# party, whatever its head noun ("Voluntary Action Leicester", "Jobcentre Plus").
LIST_LABEL = re.compile(
    r"(?im)(?:^|(?<=\.\s)|(?<=\|\s))[ \t]*(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?(?:(?:key|main|statutory|lead|delivery|"
    r"core|strategic|funding|other|programme|scheme|project)\s+)?(?:partners|partner\s+(?:organisations|agencies|"
    r"bodies)|member\s+(?:organisations|agencies|bodies))(?:\s+(?:consulted|involved|represented|present|attending|in\s+attendance|are|were|"
    r"include|included))?\s*:[ \t]*(?P<list>[^\n]+)"
)
LIST_VERB = re.compile(
    r"\b(?:partnership|consortium|alliance|board|forum|executive|group|collaboration|membership)(?:[’']s)?\s+"
    r"(?:comprises|is\s+made\s+up\s+of|consists\s+of|brings\s+together|is\s+a\s+partnership\s+(?:of|between))"
    r"\s*:?\s+(?:representatives\s+(?:of|from)\s+)?(?:[a-z][^:.\n(]{0,80}:\s*)?(?P<list>[^\n]+)",
    re.I,
)
# The column of a table that holds partner organisations ("Partner | Lead officer", "Theme | Lead partner").
PARTNER_COLUMN = re.compile(
    r"^(?:lead\s+)?(?:partner|partners|partner\s+organisations?|member\s+organisations?|lead\s+(?:agency|"
    r"organisation|body))$",
    re.I,
)
ORG_COLUMN = re.compile(r"^(?:organisations?|agency|agencies|body|bodies)$", re.I)
ITEM = re.compile(rf"(?:[Tt]he\s+)?(?P<name>{WORD}(?:\s+(?:(?:of|and|for|the|&|on|in|upon|to)\s+)*{WORD}){{0,9}})")
PERSON = re.compile(
    r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Cllr|Councillor|Sir|Dame|Lord|Lady|Rev|Revd)\b\.?|"
    r"^(?:(?:Assistant|Deputy|Executive|Corporate|Strategic)\s+)?(?:Head|Director|Chief\s+\w+|Manager)\s+of\b|"
    r"\b(?:Officer|Manager|Director|Head|Chair|Chairman|Clerk|Commander|Co-ordinator|Coordinator|Secretary|"
    r"Inspector|Superintendent|Lead|Representative|Member|Members|Residents?|Councillors?)$"
)


def _list_items(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The names in a comma list between start and end (up to the sentence's end), each with its span; a final
    'A and B' is split unless one side would be a single unknown word ('College of Arts and | Technology')."""
    chunk = re.sub(r"\([^()\n]*\)", lambda m: " " * len(m.group()), text[start:end])  # glosses: "AVOW (the CVC)"
    stop = re.search(r"\.(?:\s|$)|;|\(|:", chunk)
    chunk = chunk[: stop.start()] if stop else chunk
    pieces = [(m.group(), start + m.start()) for m in re.finditer(r"[^,]+", chunk)]
    out: list[tuple[str, int, int]] = []
    for i, (piece, at) in enumerate(pieces):
        lead = re.match(r"\s*(?:and\s+|&\s+)?", piece)
        at += lead.end() if lead else 0
        piece = piece[lead.end() if lead else 0 :].rstrip()
        parts = [(piece, at)]
        if i == len(pieces) - 1 or len(pieces) == 1:
            for m in re.finditer(r"\s+(?:and|&)\s+", piece):
                left, right = piece[: m.start()], piece[m.end() :]
                if (len(right.split()) > 1 or gazetteer.lookup(right)) and len(left.split()) >= 1:
                    if gazetteer.lookup(piece) or gazetteer.lookup(left + " " + right.split()[0]):
                        continue  # "Fire and Rescue": the 'and' is inside a name
                    parts = [(left, at), (right, at + m.end())]
                    break
        for name, pos in parts:
            m = ITEM.fullmatch(name.strip())
            if not m:
                continue
            n = m.group("name")
            s = pos + name.find(n)
            out.append((n, s, s + len(n)))
    return out


def _valid(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 10 or PERSON.search(name) or MONTHS.match(name) or re.search(r"\d", name):
        return False
    if len(words) == 1 and not gazetteer.lookup(name) and not re.fullmatch(r"[A-Z]{3,}", name):
        return False  # one word is a place more often than a body's whole name; an acronym in a list is a body
    return not NOT_A_BODY.search(name) or bool(gazetteer.lookup(name))


# A sentence that introduces a bulleted list of the partners: "Its partner organisations are:".
LIST_INTRO = re.compile(
    r"\b(?:partners|partner\s+(?:organisations|agencies|bodies)|member\s+(?:organisations|agencies|bodies)|"
    r"(?:partnership|board|forum|group)\s+(?:comprises|is\s+made\s+up\s+of|consists\s+of|brings\s+together|"
    r"includes))(?:\s+(?:are|include|includes|is\s+made\s+up\s+of|comprise|consist\s+of)|\s+(?:as\s+follows|"
    r"the\s+following))*"
    # "... consists of organisations across the city including:", "... is made up of the following bodies:"
    r"(?:(?:\s+[\w’'-]+){0,8}?\s+(?:including|include|such\s+as|as\s+follows|the\s+following(?:\s+[\w-]+)?|below))?"
    r"\s*:$",
    re.I,
)


def bulleted_lists(text: str, blocks) -> list[tuple[str, int, int]]:
    """The names in list items right after a sentence that says they are the partners ('... partner organisations
    are:')."""
    out = []
    for i, b in enumerate(blocks):
        if b.kind == "list_item" or not LIST_INTRO.search(text[b.start : b.end].rstrip()):
            continue
        for item in blocks[i + 1 :]:
            if item.kind != "list_item":
                break
            raw = text[item.start : item.end]
            m = ITEM.fullmatch(raw.strip().rstrip(".;,"))
            if not m:
                break
            name = m.group("name")
            if _valid(name):
                s = item.start + raw.find(name)
                out.append((name, s, s + len(name)))
    return out


def labelled_lists(text: str, blocks=()) -> list[tuple[str, int, int]]:
    """Every name in a labelled list of partners or a list after 'the Partnership comprises'."""
    out = bulleted_lists(text, blocks)
    for rx in (LIST_LABEL, LIST_VERB):
        for m in rx.finditer(text):
            items = _list_items(text, m.start("list"), m.end("list"))
            if len(items) >= 2 or (rx is LIST_LABEL and items):
                out += [it for it in items if _valid(it[0])]
    return out


def partner_columns(text: str, header: re.Pattern[str] = PARTNER_COLUMN) -> list[tuple[str, int, int]]:
    """The names in a table column headed 'Partner', 'Lead partner', 'Lead agency' (rows as 'a | b' lines)."""
    out = []
    lines = [(m.group(), m.start()) for m in re.finditer(r"[^\n]*", text)]
    i = 0
    while i < len(lines):
        line, at = lines[i]
        cells = line.split(" | ")
        col = next((k for k, c in enumerate(cells) if header.match(c.strip())), None) if len(cells) >= 2 else None
        i += 1
        if col is None:
            continue
        while i < len(lines):
            row, pos = lines[i]
            if not row.strip():
                i += 1
                continue
            rc = row.split(" | ")
            if len(rc) != len(cells):
                break
            cell = rc[col]
            off = pos + sum(len(c) + 3 for c in rc[:col])
            name = cell.strip()
            m = ITEM.fullmatch(name)
            if m and _valid(m.group("name")):
                n = m.group("name")
                s = off + cell.find(n)
                out.append((n, s, s + len(n)))
            i += 1
    return out


_LISTED: dict[tuple[int, int], tuple[str, list, list]] = {}


def _listed(text: str, blocks) -> tuple[list, list]:
    """(labelled lists and partner columns, organisation columns) of one document, worked out once: the
    organisations and partners extractors both ask, partners twice."""
    key = (id(text), id(blocks))
    hit = _LISTED.get(key)
    if hit is None or hit[0] is not text:
        hit = (text, labelled_lists(text, blocks) + partner_columns(text), partner_columns(text, ORG_COLUMN))
        _LISTED.clear()  # one document at a time
        _LISTED[key] = hit
    return hit[1], hit[2]


def partner_spans(text: str, blocks=()) -> list[tuple[int, int]]:
    """Where a labelled list of partners or a table's partner column names a body: each one is a party."""
    return [(s, e) for _, s, e in _listed(text, blocks)[0]]


def listed_bodies(text: str, found: list[Candidate], blocks=()) -> list[Candidate]:
    """Organisations named in a labelled list of partners or a table's partner column, not found otherwise."""
    out: list[Candidate] = []
    parties, columns = _listed(text, blocks)
    items = parties + columns
    places = gazetteer.councils_by_place()
    for name, s, e in items:
        if any(
            c.start <= s and e <= c.end or (c.start < e and s < c.end and not s <= c.start < c.end <= e)
            for c in found + out
        ):
            continue  # named already, or a name across the item's edge; a shorter name inside it gives way
        if gazetteer._key(name) in places or register.by_place().get(register.key(name)):
            continue  # a place: its council is read by the place rules
        out.append(named_body(name, s, e, 0.6, "labelled-list"))
    return out


def named_body(name: str, start: int, end: int, confidence: float, rule: str) -> Candidate:
    """An organisations candidate for a name read from a list: the gazetteer's entry where it has one."""
    body = gazetteer.lookup(name)
    return Candidate(
        "organisations",
        start,
        end,
        {"name": body.name if body else name, "kind": body.kind if body else kind_from_name(name), "aliases": []},
        confidence=confidence,
        extractor="organisations",
        rule=rule,
    )


# The standing item of minutes that lists the letters received, one to a line, each by its sender and subject
# ("Correspondence" / "Forestry Commission – General Info" / "Eyemouth Twinning Association – AGM")
CORRESPONDENCE = re.compile(
    r"^(?:\d+(?:\.\d+)*[.)]?\s+)?(?:[\w’']+\s+){0,2}?(?:correspondence(?:\s+(?:and|&)\s+e-?mails?)?|letters\s+received|"
    r"mail\s+received)"
    r"\s*:?$",
    re.I,
)
SENDER = re.compile(
    r"(?P<name>[A-Z][\w’'&.-]*(?:[ \t]+(?:(?:of|and|for|the|&|in|on)[ \t]+)*[A-Z][\w’'&.-]*){1,6})[ \t]*[–—-][ \t]+\S"
)
_LINE = re.compile(r"[^\n]+")
LETTER_WORDS = re.compile(r"\b(?:Letter|E-?mail|Newsletter|Notice|Invitation|Request|Report|Consultation|Minutes)\b")
NEXT_ITEM = re.compile(r"^\d+(?:\.\d+)*[.)]?\s+[A-Z]")  # the next numbered item of the minutes
MAX_LETTERS = 40


def correspondence_senders(text: str, found: list[Candidate], blocks=()) -> list[Candidate]:
    """The senders of the letters a minutes' correspondence item lists, where a sender is named in two words or
    more and is not a person's name ("Jane Smith – hedge"); kept for the learned model to weigh."""
    out: list[Candidate] = []
    lower: frozenset[str] | None = None
    blocks = list(blocks)
    for i, b in enumerate(blocks):
        if not CORRESPONDENCE.match(text[b.start : b.end].strip()):
            continue
        lines = list(_LINE.finditer(text, b.end, min(len(text), b.end + 4000)))[:MAX_LETTERS]
        for ln in lines:
            line = ln.group(0).strip()
            if NEXT_ITEM.match(line) or len(line.split()) > 30:
                break
            m = SENDER.match(line)
            if not m:
                continue
            name = m.group("name")
            if LETTER_WORDS.search(name):
                continue  # "Centenary Fields Letter CCC – ...": what the letter is, not who sent it
            s = ln.start() + ln.group(0).find(name)
            e = s + len(name)
            if any(c.start < e and s < c.end for c in found + out):
                continue
            lower = lower if lower is not None else frozenset(_LOWER.findall(text))
            if _person_shaped(name, lower) and name.split()[-1].lower() not in ORG_HEADS:
                continue
            out.append(named_body(name, s, e, 0.5, "correspondence"))
    return out
