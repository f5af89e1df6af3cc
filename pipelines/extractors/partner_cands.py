"""Partner proposals: every organisation of the document as a ``cand-org`` partner candidate, and the signals
a learned model reads to decide which are parties (``pipelines/learn/feats/partners.py``).

The rules (``partners.py``) keep the bodies they score high enough; this module proposes the rest, one candidate
per distinct name with its other mentions as evidence, and measures for every name where and how the document
names it: how often and in how many sections, on the front sheet or in the title, in a list, table or roll of
attendance with other bodies, in sentences about joint work or only about consulting, paying or regulating.
Everything is worked out once per document in one pass over the mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from pipelines import register
from pipelines.extractors.base import Candidate, Context
from pipelines.sections import front_sheet

PROPOSAL_RULE = "cand-org"
# Words of sentences that describe bodies working together, or the members of a joint body.
JOINT = re.compile(
    r"\b(?:partner(?:s|ship|ships|ing)?|joint(?:ly)?|together|collaborat\w*|agreements?|shared?|members?|"
    r"membership|representatives?|represent(?:s|ed|ing)?|attended|attendees?|present|apologies|co-?fund\w*|"
    r"consortium|alliance|memorandum|signator(?:y|ies)|between|on\s+behalf\s+of|alongside|with)\b",
    re.I,
)
FUNDING = re.compile(r"\b(?:fund(?:s|ed|ing)?|grants?|contribut\w*|invest\w*)\b", re.I)
# Words of sentences that name a body only as consulted, regulating, cited, paid or deciding on an application.
NOT_PARTY = re.compile(
    r"\b(?:consult\w*|regulat\w*|inspect\w*|ombudsman|guidance|complain\w*|invoices?|paid|payments?|"
    r"contractors?|suppliers?|according|published|cited|legislation|applications?|appeals?|objections?|"
    r"licen[cs]\w*|planning|website|www)\b",
    re.I,
)
# A roll of attendance in minutes: "Present:", "Apologies", "In attendance", "Panel:", "Members".
ATTENDANCE = re.compile(
    r"^\W*(?:present|apologies(?:\s+for\s+absence)?|(?:also\s+|others?\s+)?(?:in\s+)?attend(?:ance|ees|ing)|"
    r"panel(?:\s+members)?|members(?:\s+present)?|membership|officers(?:\s+present)?|also\s+present|"
    r"attended\s+by|presenters?|presenting|speakers?|guests?|visitors?|observers?)\b\W*",
    re.I,
)
# The same label inside a block, followed by a colon or closed by markup: "Present: ...", "<u>Panel</u>:",
# "<strong>Attendees</strong>".
ROLL_LABEL = re.compile(
    r"(?:^|(?<=[\n>*#_|]))[ \t]*(?P<label>present|apologies(?:\s+for\s+absence)?|(?:other\s+|also\s+)?attendees|"
    r"(?:also\s+)?in\s+attendance|also\s+present|panel(?:\s+members)?|members\s+present|officers\s+present|"
    r"attended\s+by)[ \t]*(?:(?:<[^>\n]{0,80}>[ \t]*)*[:\u2013]|(?:</[^>\n]{1,20}>))",
    re.I | re.M,
)
# An entry of a roll: a person (title, two or three capitalised words) then the body, in brackets or after a comma.
ROLL_ENTRY = re.compile(
    r"(?:(?:Dr|Prof\.?|Professor|Cllr|Councillor|Mr|Mrs|Ms|Sir|Dame|Lord|Baroness)\s+)?"
    r"[A-Z][a-z'\u2019-]+(?:\s+[A-Z][A-Za-z'\u2019-]+){1,2}\s*(?:\(|,\s*)"
    r"(?P<body>[A-Z][\w'\u2019&.-]*(?:[ \t]+(?:[A-Z][\w'\u2019&.-]*|of|and|for|the|&))*)\s*(?=[)<\n,;]|$)",
    re.M,
)
ROLE = re.compile(
    r"^(?:the\s+)?(?:vice[- ]?)?(?:chair(?:man|person)?|secretary|clerk|treasurer|observer|minutes?|member|officer|"
    r"councillor|cllr|mayor|deputy|president|item|items|for|head|director|manager|lead|visiting|professor)\b",
    re.I,
)
ROLL_WORD = re.compile(r"present|apolog|attend|panel|members|officers", re.I)  # cheap test before ROLL_LABEL
NUMBERED = re.compile(r"(?:^|(?<=[\n>]))[ \t]*(?:<[^>\n]{0,40}>[ \t]*)*\d{1,2}\.?[ \t]+[A-Z]", re.M)
GUEST = re.compile(
    r"in\s+attendance|attend(?:ed|ing)|also|other|officers|present(?:er|ing)|speaker|guest|visitor|observer"
)
ROLL_CHARS = 1500  # a roll of attendance inside one block is at most this long
ROLL_BLOCK = 300  # a block longer than this ends a roll of attendance
ROLL_LENGTH = 60  # blocks of one roll at most
# The header of a table of members and the bodies they sit for ("Councillor | Appointed by", "Council | Members",
# "Member | Representing"): a roll of members
ROLL_HEADER_CELL = re.compile(r"^(?:councillors?|members?|representatives?|names?|cllrs?)$", re.I)
BODY_HEADER_CELL = re.compile(
    r"^(?:council|authority|organi[sz]ation|body|appointed\s+by|nominated\s+by|representing|on\s+behalf\s+of)$", re.I
)
# A table cell naming a person ("Cllr Ruth Okonjo", "Margaret Tolland (Chair)"), not a body
PERSON_CELL = re.compile(
    r"^(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+[A-Z]|"
    r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}(?:\s*\([^()]{1,40}\))?$)"
)
BODY_WORD = re.compile(r"\b(?:Council|Authority|Board|Trust|Service|Police|Constabulary|Partnership|Group|Agency)\b")
PERSON_BEFORE = re.compile(r"[A-Z][\w'’.-]+\s+[A-Z][\w'’-]+\s*(?:[,(–-]|\bfor\b|\bfrom\b)\s*$")


@dataclass
class Signals:
    """What the document says of one organisation's name, over all its mentions."""

    mentions: int = 0
    sentences: set[int] = field(default_factory=set)
    sections: set[int] = field(default_factory=set)
    first: float = 1.0  # position of the first mention, as a share of the text
    front: bool = False  # on the front sheet
    page1: bool = False
    title: bool = False  # inside the title (metadata) or the first block
    block_kinds: set[str] = field(default_factory=set)
    co_listed: int = 0  # most other bodies named in one of its sentences
    joint: int = 0  # sentences with joint-work words
    funding: int = 0
    not_party: int = 0  # sentences with only consulted / paid / regulated words
    roll: bool = False  # in a roll of attendance (present, apologies, panel)
    member: bool = False  # in a roll of members (present, panel, apologies), not only of guests (in attendance)
    apologies: bool = False
    person: bool = False  # right after a person's name ("Jo Bloggs, X" / "Jo Bloggs (X)")


@dataclass
class DocSignals:
    """Signals per name, and facts of the whole document."""

    by_name: dict[str, Signals]
    orgs: int  # distinct names
    roll_orgs: int  # distinct names in rolls of members, each after a person's name
    rule_score: dict[str, float] = field(default_factory=dict)
    rule_kept: set[str] = field(default_factory=set)
    about: str = "unknown"
    author: str | None = None
    entries: list[tuple[str, int, int]] = field(default_factory=list)  # bodies in rolls of members, not found


def _role(label: str) -> str:
    """What a roll's label says of those it names: 'apologies', 'guest' (in attendance, also present, officers)
    or 'member' (present, panel, members)."""
    label = label.strip(" *#_-<>").lower()
    if label.startswith("apolog"):
        return "apologies"
    return "guest" if GUEST.search(label) else "member"


def _roll_blocks(ctx: Context) -> dict[int, str]:
    """Indices of blocks in a roll of attendance, each mapped to the roll's role (``_role``)."""
    out: dict[int, str] = {}
    active, role, begun = False, "member", 0
    for i, b in enumerate(ctx.document.blocks):
        text = ctx.text[b.start : b.end]
        m = ATTENDANCE.match(text[:60])
        if m:
            active, role, begun = True, _role(m.group(0)), i
        elif _roll_header(ctx, b):
            active, role, begun = True, "member", i
        elif active and (b.end - b.start > ROLL_BLOCK or b.label or i - begun > ROLL_LENGTH):
            active = False  # a numbered item, a paragraph or a long run: the roll is over
        if active:
            out[i] = role
    return out


def _roll_header(ctx: Context, b) -> bool:
    """True for the header row of a table of members and the bodies they sit for."""
    if b.kind != "table_row" or not b.cells or len(b.cells) > 4:
        return False
    cells = [" ".join(ctx.text[s:e].split()).strip(" *:") for s, e in b.cells]
    return any(ROLL_HEADER_CELL.match(c) for c in cells) and any(BODY_HEADER_CELL.match(c) for c in cells)


def _person_in_other_cell(ctx: Context, b, at: int) -> bool:
    """True when a table row names a person in a cell other than the one holding offset ``at``."""
    if b.kind != "table_row" or not b.cells:
        return False
    for s, e in b.cells:
        if s <= at < e:
            continue
        cell = " ".join(ctx.text[s:e].split())
        if PERSON_CELL.match(cell) and not BODY_WORD.search(cell):
            return True
    return False


def _roll_spans(ctx: Context) -> list[tuple[int, int, str]]:
    """(start, end, role) of each roll of attendance written inside a block after a label and a colon:
    up to the next label, numbered item, the block's end or ``ROLL_CHARS``."""
    text, blocks = ctx.text, ctx.document.blocks
    ends = [b.end for b in blocks]
    labels = [
        m for b in blocks if ROLL_WORD.search(text, b.start, b.end) for m in ROLL_LABEL.finditer(text, b.start, b.end)
    ]
    out = []
    for k, m in enumerate(labels):
        bi = bisect_right(ends, m.start())
        end = min(ends[bi] if bi < len(ends) else len(text), m.end() + ROLL_CHARS)
        if k + 1 < len(labels):
            end = min(end, labels[k + 1].start())
        num = NUMBERED.search(text, m.end(), end)
        out.append((m.start(), num.start() if num else end, _role(m.group("label"))))
    return out


def _entries(
    ctx: Context, orgs: list[Candidate], rolls: dict[int, str], spans: list[tuple[int, int, str]]
) -> list[tuple[str, int, int]]:
    """(name, start, end) of each body a roll of members names after a person ("Jo Bloggs, Talk About Local",
    "Jo Bloggs (Mission Fish)") that the organisations extractor did not find, once per name."""
    blocks = ctx.document.blocks
    regions = [(blocks[i].start, blocks[i].end) for i, r in rolls.items() if r != "guest"]
    regions += [(a, b) for a, b, r in spans if r != "guest"]
    found = {(c.start, c.end) for c in orgs}
    starts = sorted(c.start for c in orgs)
    out: dict[str, tuple[str, int, int]] = {}
    for a, b in regions:
        for m in ROLL_ENTRY.finditer(ctx.text, a, b):
            name = " ".join(m.group("body").split()).strip(" .;:-\u2013")
            s = m.start("body")
            e = s + len(m.group("body").rstrip(" .;:-\u2013"))
            i = bisect_right(starts, e) - 1
            if (s, e) in found or (i >= 0 and starts[i] >= s) or ROLE.match(name) or len(name) < 3:
                continue  # found already, a found body inside it, or a role ("Chair", "Secretary")
            out.setdefault(name.lower(), (name, s, e))
    return list(out.values())


def document_signals(ctx: Context, orgs: list[Candidate]) -> DocSignals:
    """Signals of every organisation name in ``orgs`` (the organisations extractor's candidates), cached per
    document and list."""
    cached = ctx.__dict__.get("_partner_signals")
    if cached is not None and cached[0] is orgs:
        return cached[1]
    text, blocks = ctx.text, ctx.document.blocks
    starts = [b.start for b in blocks]
    heads = [i for i, b in enumerate(blocks) if b.kind == "heading"]
    head_starts = [blocks[i].start for i in heads]
    front = set(front_sheet(ctx.document))
    rolls = _roll_blocks(ctx)
    spans = _roll_spans(ctx)
    span_starts = [a for a, _, _ in spans]
    page1_end = ctx.document.pages[0].end if ctx.document.pages else min(len(text), 3000)
    metas = [c for c in ctx.results.get("metadata", []) if c.data.get("key") == "title"]
    titles = [(c.start, c.end) for c in sorted(metas, key=lambda c: -c.confidence)[:1]]
    if blocks:
        titles.append((blocks[0].start, blocks[0].end))
    names_in: dict[tuple[int, int], set[str]] = defaultdict(set)
    for c in orgs:
        names_in[ctx.sentence_at(c.start)].add(c.data["name"])
    cues: dict[tuple[int, int], tuple[bool, bool, bool]] = {}
    by: dict[str, Signals] = defaultdict(Signals)
    n = max(1, len(text))
    seen: set[tuple[int, int]] = set()
    for c in sorted(orgs, key=lambda c: c.start):
        if (c.start, c.end) in seen:
            continue  # one mention found by two rules
        seen.add((c.start, c.end))
        s = by[c.data["name"]]
        s.mentions += 1
        s.first = min(s.first, c.start / n)
        bi = bisect_right(starts, c.start) - 1
        sent = ctx.sentence_at(c.start)
        s.sentences.add(sent[0])
        s.sections.add(bisect_right(head_starts, c.start))
        s.front |= bi in front
        s.page1 |= c.start < page1_end
        s.title |= any(a <= c.start < b for a, b in titles)
        if bi >= 0:
            s.block_kinds.add(blocks[bi].kind)
            if bi in rolls:
                s.roll, s.member = True, s.member or rolls[bi] != "guest"
                s.apologies |= rolls[bi] == "apologies"
        ri = bisect_right(span_starts, c.start) - 1
        if ri >= 0 and c.start < spans[ri][1]:
            s.roll, s.member = True, s.member or spans[ri][2] != "guest"
            s.apologies |= spans[ri][2] == "apologies"
        s.person |= bool(PERSON_BEFORE.search(text[max(0, c.start - 60) : c.start]))
        s.person |= bi in rolls and _person_in_other_cell(ctx, blocks[bi], c.start)  # "Council | Cllr A, Cllr B"
        s.co_listed = max(s.co_listed, len(names_in[sent]) - 1)
        if sent not in cues:
            st = text[sent[0] : sent[1]]
            cues[sent] = (bool(JOINT.search(st)), bool(FUNDING.search(st)), bool(NOT_PARTY.search(st)))
        j, f, np_ = cues[sent]
        s.joint += j
        s.funding += f
        s.not_party += np_ and not j
    out = DocSignals(by_name=dict(by), orgs=len(by), roll_orgs=sum(1 for s in by.values() if s.member and s.person))
    out.entries = _entries(ctx, orgs, rolls, spans)
    ctx.__dict__["_partner_signals"] = (orgs, out)
    return out


# "Openlylocal.com": a body named by its web address, the name before the domain
WEB_NAME = re.compile(r"^(?:www\.)?([A-Za-z][\w-]{2,})\.(?:com|org|net|co\.uk|org\.uk|info)$")


def roll_body(name: str) -> dict:
    """A roll entry's body: a council's short form as the register names it ("RB Kingston" → Royal Borough of
    Kingston upon Thames, with its id), a web address as the name before its domain, else the name as written."""
    auth = register.resolve(name)
    if auth:
        return {"name": auth.name, "kind": auth.kind, "id": auth.id, "aliases": [name]}
    web = WEB_NAME.match(name)
    return {"name": web.group(1) if web else name, "kind": "other", "id": None, "aliases": [name] if web else []}


def roll_partners(entries: list[tuple[str, int, int]]) -> list[Candidate]:
    """Partner candidates for the bodies a joint panel's roll names that no organisation rule found."""
    return [
        Candidate(
            "partners",
            s,
            e,
            roll_body(name),
            confidence=0.45,
            extractor="partners",
            rule="roll-entry",
        )
        for name, s, e in entries
    ]


def proposals(orgs: list[Candidate], kept: set[str]) -> list[Candidate]:
    """One ``cand-org`` partner candidate per organisation name the rules did not keep, first mention as its
    span and the others as extra evidence."""
    groups: dict[str, list[Candidate]] = {}
    for c in sorted(orgs, key=lambda c: c.start):
        groups.setdefault(c.data["name"], []).append(c)
    out = []
    for name, group in groups.items():
        if name in kept:
            continue
        first = group[0]
        extra = list(dict.fromkeys((c.start, c.end) for c in group[1:] if (c.start, c.end) != (first.start, first.end)))
        out.append(
            Candidate(
                "partners",
                first.start,
                first.end,
                dict(first.data),
                confidence=0.3,
                extractor="partners",
                rule=PROPOSAL_RULE,
                extra_spans=extra,
            )
        )
    return out
