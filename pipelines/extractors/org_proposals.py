"""Organisation proposals: generous candidates (``cand-...`` rules) that a learned model accepts or drops.

The rules in organisations.py find a body by a head noun they know ("County Council", "NHS Trust"). Many named
organisations have none: charities, companies, consultancies, clubs, think tanks, banks. These generators propose
every name-shaped run of words the rules did not claim, and the model for the organisations field decides which
are organisations (``pipelines/learn/feats/organisations.py`` says what it sees). Without a model they are dropped.

- ``cand-caps-run``: a maximal run of capitalised words, allowing inner "of", "and", "&", "for", "the", "upon",
  "on", "in", "de" ("The King's Fund", "HM Revenue and Customs", "Royal Society for the Protection of Birds"); its
  parts either side of "and"/"&" are proposed as well ("Age UK and Citizens Advice" is two);
- ``cand-acronym``: a run the text abbreviates in brackets ("Acme Consulting (AC)", or "AC (Acme Consulting)"),
  under its expansion, with every bare mention of the acronym as further evidence;
- ``cand-caps-line``: a line in capitals (a letterhead, a table heading) read as title case;
- ``cand-place-council``: a place named alone that one council is named after, as that council (the model reads
  whether it acts: "Wandsworth and Richmond are preparing ...", not "the parks of Wandsworth");
- ``council-initials`` (a rule's candidate, not a proposal: the register settles it): a bare council acronym
  several councils share ("SBC"), as the one of them whose place the text names.

One candidate per distinct name, its first mention the evidence and the others ``extra_spans``. Generation is one
regex pass over the text; a name the rules found, or a run overlapping one of their spans, is not proposed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines import gazetteer, register
from pipelines.extractors.base import Candidate, Context

# A capitalised word: "King's", "Co-operative", "HM", "3D" is not one (digits are not names).
_CAP = r"(?:[A-Z][\w’'.&-]*[\w’']|[A-Z])"
_LINK = r"(?:of|and|&|for|the|upon|on|in|de|la|le)"
# A run opens after a space or a bracket, or right after an item's number written without a space ("70.5.Walter
# Wallinger Charity"), never inside a word or an abbreviation ("e.g.Name").
_OPEN = r"(?:(?<![\w’'&.-])|(?<=\d\.))"
CAPS_RUN = re.compile(rf"{_OPEN}{_CAP}(?:[ \t]+(?:{_LINK}[ \t]+)*{_CAP})*(?![\w’'-])")
UPPER_RUN = re.compile(_OPEN + r"[A-Z][A-Z’'&.-]+(?:[ \t]+(?:[A-Z][A-Z’'&.-]*|OF|AND|FOR|THE|&))*(?![\w’'-])")
SPLIT = re.compile(r"[ \t]+(?:and|&)[ \t]+")
# Words that open a sentence or a phrase and are no part of a name that follows them.
OPENERS = {
    # a byline or a person's role before a name ("Published By Govan Community Council", "Constable Ian Smith")
    "Published",
    "Produced",
    "Prepared",
    "Printed",
    "Sponsored",
    "Constable",
    "Sergeant",
    "Sgt",
    "PC",
    "Treasurer",
    "Secretary",
    "Clerk",
    "Chair",
    "Chairman",
    "Chairperson",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "A",
    "An",
    "In",
    "On",
    "At",
    "For",
    "Of",
    "And",
    "Our",
    "Its",
    "Their",
    "His",
    "Her",
    "All",
    "Each",
    "Both",
    "Any",
    "As",
    "By",
    "To",
    "From",
    "With",
    "If",
    "When",
    "Where",
    "Whilst",
    "While",
    "It",
    "We",
    "I",
    "He",
    "She",
    "They",
    "There",
    "However",
    "Following",
    "Under",
    "Since",
    "After",
    "Before",
    "Dear",
    "Yes",
    "No",
    "Not",
    "Please",
    "Also",
    "But",
    "Or",
    "So",
    "Some",
    "Many",
    "Most",
    "Other",
    "Such",
    "What",
    "Which",
    "Who",
    "How",
    "Why",
    "Further",
    "Furthermore",
    "Additionally",
    "Therefore",
    "Thus",
    "Including",
    "Within",
    "Across",
    "Between",
    "Through",
    "Via",
    "Led",
    "Working",
    "Partners",
}
# What a heading or an agenda item says is happening to a body, before "of" and its name: "Closure of Larchmont
# Bank", "Review of the Elmford Trust" (the body is the name after "of"; "Bank of Scotland" keeps its head)
ABOUT_OF = {
    "Closure",
    "Closing",
    "Opening",
    "Review",
    "Update",
    "Future",
    "Report",
    "Reports",
    "Minutes",
    "Sale",
    "Purchase",
    "Consultation",
    "Proposal",
    "Proposals",
    "Approval",
    "Adoption",
    "Launch",
    "Support",
    "Funding",
    "Merger",
    "Abolition",
    "Transfer",
    "Relocation",
    "Restructure",
    "Reorganisation",
    "Membership",
    "Representatives",
}
# Words that are never a name on their own (dates, titles of address, document furniture).
NEVER_ALONE = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame|Lord|Lady|Professor|"
    r"Prof|Appendix|Annex|Section|Paragraph|Page|Table|Figure|Item|Part|Schedule|Note|Notes|Council|Councils|"
    r"Cabinet|Committee|Government|Report|Agenda|Minutes|Yes|No|N/A|NA|TBC|Q[1-4]|UK|GB|EU|England|Wales|"
    r"Scotland|Britain|London|Total|Name|Date|Title|Ref|Tel|Email|E-mail|Contact|Officer|Officers|Member|Members)$"
)
# Head nouns of organisation names (the last word): bodies, companies, charities, clubs, schools, firms.
ORG_HEADS = {
    "ltd",
    "limited",
    "plc",
    "llp",
    "cic",
    "inc",
    "co",
    "company",
    "corporation",
    "group",
    "trust",
    "trustees",
    "charity",
    "foundation",
    "fund",
    "institute",
    "institution",
    "society",
    "association",
    "federation",
    "alliance",
    "union",
    "league",
    "club",
    "bank",
    "university",
    "college",
    "school",
    "academy",
    "nursery",
    "pre-school",
    "preschool",
    "playgroup",
    "consulting",
    "consultancy",
    "consultants",
    "partners",
    "associates",
    "solicitors",
    "architects",
    "advice",
    "agency",
    "authority",
    "board",
    "commission",
    "council",
    "network",
    "forum",
    "partnership",
    "service",
    "services",
    "police",
    "constabulary",
    "brigade",
    "hospital",
    "surgery",
    "practice",
    "church",
    "chapel",
    "mosque",
    "museum",
    "library",
    "theatre",
    "housing",
    "homes",
    "uk",
    "england",
    "wales",
    "scotland",
    "cymru",
    "international",
    "enterprises",
    "enterprise",
    "solutions",
    "media",
    "energy",
    "water",
    "rail",
    "airport",
    "office",
    "department",
    "ministry",
    "inspectorate",
    "ombudsman",
    "regulator",
    "executive",
    "centre",
    "center",
    "project",
    "collective",
    "cooperative",
    "co-operative",
}
# Words of programmes, plans, strategies and papers: a name ending in one is not an organisation.
THING_HEADS = {
    "programme",
    "program",
    "plan",
    "strategy",
    "scheme",
    "policy",
    "framework",
    "review",
    "report",
    "assessment",
    "agreement",
    "act",
    "regulations",
    "order",
    "bill",
    "directive",
    "guidance",
    "statement",
    "standard",
    "standards",
    "grant",
    "budget",
    "account",
    "levy",
    "tax",
    "rate",
    "index",
    "pathway",
    "model",
    "approach",
    "project",
    "initiative",
    "campaign",
    "award",
    "awards",
    "week",
    "day",
    "road",
    "street",
    "lane",
    "avenue",
    "drive",
    "close",
    "way",
    "park",
    "square",
    "hall",
    "house",
    "building",
    "ward",
    "area",
    "zone",
    "estate",
    "meeting",
    "minutes",
    "agenda",
    "item",
    "appendix",
    "annex",
    "section",
    "table",
    "figure",
    "recommendations",
    "recommendation",
    "background",
    "introduction",
    "summary",
    "conclusion",
    "implications",
    "purpose",
    "decision",
    "decisions",
    "options",
    "risks",
    "consultation",
}
# Job titles and roles of people.
JOB = re.compile(
    r"\b(?:Director|Officer|Manager|Head|Chief|Leader|Chair|Chairman|Chairperson|Vice|Councillor|Cllr|Mayor|"
    r"Clerk|Secretary|Treasurer|Member|Portfolio|Lead|Assistant|Deputy|Cabinet\s+Member|Coordinator|"
    r"Co-ordinator|Adviser|Advisor|Analyst|Consultant|Inspector|Commissioner|Engineer|Surveyor|Solicitor|"
    r"Accountant|Auditor|Governor|President|Minister|Secretary\s+of\s+State)\b"
)
# A person addressed by title: never an organisation, and the run is skipped.
PERSON_TITLE = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame|Professor|Prof|Rev|Revd)\.?$")
MAX_WORDS = 5
# "Acme Consulting (AC)": a run the brackets after it abbreviate.
ACRO_AFTER = re.compile(r"[ \t]*\((?:the[ \t]+)?[“\"']?(?P<acro>[A-Z][A-Za-z0-9&]{1,9})[”\"']?\)")


LINKS = {"of", "and", "&", "for", "the", "upon", "on", "in", "de", "la", "le"}


def _trim(words: list[str]) -> tuple[int, int]:
    """The run's kept words [i, j): without opening words ('The', 'In', a title) and trailing links."""
    i, j = 0, len(words)
    while i < j and (words[i] in OPENERS or words[i].lower() in LINKS):
        i += 1
    if j - i >= 3 and words[i] in ABOUT_OF and words[i + 1].lower() == "of":
        i += 2  # "Closure of Larchmont Bank": the bank
        while i < j and words[i].lower() in LINKS:
            i += 1
    while j > i and words[j - 1].lower() in LINKS:
        j -= 1
    return i, j


def _initials(words: list[str]) -> str:
    return "".join(w[0].upper() for w in words if w.lower() not in LINKS)


_WORD_SPAN = re.compile(r"\S+")
POSSESSIVE_END = re.compile(r"[’'][sS]?$")


def _pieces(raw: str) -> list[tuple[str, int]]:
    """The run and, where it holds 'and'/'&', each part around them, with their offsets in the run."""
    out = [(raw, 0)]
    if SPLIT.search(raw):
        pos = 0
        for m in SPLIT.finditer(raw):
            out.append((raw[pos : m.start()], pos))
            pos = m.end()
        out.append((raw[pos:], pos))
    return out


def runs(text: str) -> list[tuple[str, int, int, str]]:
    """(name, start, end, rule) of every name-shaped run of capitalised words, and their parts around 'and'."""
    out = []
    for rx, rule in ((CAPS_RUN, "cand-caps-run"), (UPPER_RUN, "cand-caps-line")):
        for m in rx.finditer(text):
            raw = m.group(0)
            if rule == "cand-caps-line":
                if not re.search(r"[A-Z]{2,}[ \t]+[A-Z]{2,}", raw):
                    continue  # a lone acronym is read by the acronym rules
                raw = re.sub(r"\b(Of|And|For|The)\b", lambda w: w.group(0).lower(), raw.title())
                raw = re.sub(r"([’'])S\b", r"\1s", raw)
            for piece, offset in _pieces(raw):
                spans = [(w.group(0), w.start(), w.end()) for w in _WORD_SPAN.finditer(piece)]
                if not spans or PERSON_TITLE.match(spans[0][0]):
                    continue
                i, j = _trim([w for w, _, _ in spans])
                kept = [w for w, _, _ in spans[i:j]]
                if not kept or len(kept) > MAX_WORDS or any(PERSON_TITLE.match(w) for w in kept):
                    continue
                cut = POSSESSIVE_END.search(kept[-1])
                if cut and cut.start() >= 2:  # "the Guardian’s data blog", "Morrisons’ cash machine": the body
                    kept[-1] = kept[-1][: cut.start()]
                name = " ".join(kept)
                if len(kept) == 1 and (NEVER_ALONE.match(name) or len(name) < 3):
                    continue
                base = m.start() + offset
                end = base + spans[j - 1][2] - (len(cut.group(0)) if cut and cut.start() >= 2 else 0)
                out.append((name, base + spans[i][1], end, rule))
    return out


_LOWER = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*")


def lowercase_words(ctx: Context) -> frozenset[str]:
    """Every word the document writes in lower case: a capitalised word also written so is a common noun."""
    cache = ctx.__dict__.get("_org_lower")
    if cache is None:
        cache = frozenset(m.group(0) for m in _LOWER.finditer(ctx.text))
        ctx.__dict__["_org_lower"] = cache
    return cache


def hopeless(name: str, lower: frozenset[str]) -> bool:
    """A run that is next to never an organisation: a job title, a programme or paper, or words all of which the
    text also writes in lower case ('Executive Summary', a sentence's first word) with no body's head noun."""
    words = [w for w in name.split() if w.lower() not in LINKS]
    last = words[-1].lower() if words else ""
    if last in ORG_HEADS:
        return False
    return bool(JOB.search(name) or last in THING_HEADS or all(w.lower() in lower for w in words))


def propose(ctx: Context, found: list[Candidate], make) -> list[Candidate]:
    """Proposals for names the rules did not find; ``make(name, start, end, conf, rule, aliases)`` builds one
    (the organisations extractor's own constructor, so that names are canonicalised the same way)."""
    text = ctx.text
    taken = sorted((c.start, c.end) for c in found if c.end > c.start)
    known = {c.data["name"] for c in found}
    acros = {a for c in found for a in c.data.get("aliases", [])}
    spans = _Spans(taken)
    ctx.__dict__["_org_rule_spans"] = spans  # for the features: a proposal near a body the rules found
    lower = lowercase_words(ctx)
    by_name: dict[str, Candidate] = {}
    defined: dict[str, str] = {}
    for name, start, end, rule in runs(text):
        if spans.overlaps(start, end):
            continue
        if hopeless(name, lower):
            continue
        aliases: list[str] = []
        acro = ACRO_AFTER.match(text, end)
        if acro and len(name.split()) >= 2 and acro.group("acro") not in acros:
            a = acro.group("acro")
            if _initials(name.split()).startswith(a[0]) and sum(ch.isupper() for ch in a) >= 2:
                aliases = [a]
                defined.setdefault(a, name)
        if name.isupper() and name in defined:
            name = defined[name]
        c = by_name.get(name)
        if c is not None:
            c.extra_spans.append((start, end))
            continue
        council = gazetteer.councils_by_place().get(gazetteer._key(name)) if not aliases else None
        local = local_council_short(name, start, text, lower)
        if local is not None:  # "Thornwood CC", "Somerton PC": a council written short, under its full name
            cand = make(local, start, end, 0.5, LOCAL_SHORT_RULE, [name])
        elif council is not None:  # "Wandsworth, Richmond and Kingston are taking ...": a place for its council
            cand = make(council.name, start, end, 0.3, "cand-place-council", [])
        else:
            cand = make(name, start, end, 0.3, "cand-acronym" if aliases else rule, aliases)
        if cand.data["name"] in known:
            continue
        by_name[name] = cand
    for a, name in defined.items():  # bare mentions of a defined acronym are mentions of its name
        c = by_name.get(name)
        if c is None:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(a)}(?![\w-])", text):
            at = (m.start(), m.end())
            if at != (c.start, c.end) and at not in c.extra_spans and not spans.overlaps(*at):
                c.extra_spans.append((m.start(), m.end()))
        c.rule = "cand-acronym"
        if a not in c.data.get("aliases", []):
            c.data = {**c.data, "aliases": [*c.data.get("aliases", []), a]}
    out = list(by_name.values())
    return out + council_initials(text, spans, acros | set(defined), make, known)


LOCAL_SHORT_RULE = "council-short"
# A council written with its kind abbreviated after its place ("Thornwood CC", "Rhu & Shandon CC", "Somerton PC's"):
# a place of one word, or of up to two each side of "and" (two words alone are as often a person: "Jane Craig CC")
LOCAL_SHORT = re.compile(
    r"^(?P<place>[A-Z][\w’'-]+|(?:[A-Z][\w’'-]+\s+)?[A-Z][\w’'-]+\s+(?:and|&)\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
    r"\s+(?P<abbr>CC|PC|TC)(?:[’']s)?$"
)
# a post held on a council, written before its initials in a roll ("Convenor CC", "Member CC"): no place
POSTS = {"Convenor", "Convener", "Chair", "Chairman", "Chairperson", "Secretary", "Treasurer", "Clerk", "Member"}
# the kinds of council each abbreviation stands for, as the place's own name in full would show them
LOCAL_KINDS = {"CC": ("Community", "County", "City"), "PC": ("Parish",), "TC": ("Town",)}


def local_council_short(name: str, start: int, text: str, lower: frozenset[str]) -> str | None:
    """The full name of a council written short after its place: as the text writes it in full elsewhere, else
    as the register names the principal council of that place ("Kent CC"), else a community council in Scotland
    or Wales, a parish or town council in England. None for a person's post-nominal ("Jane Craig CC": a
    community councillor), the second half of a name ("Shandon CC" in "Rhu & Shandon CC"), a common word
    ("Ongoing CC") or a constable ("PC McKay": not a run of this shape)."""
    m = LOCAL_SHORT.match(name)
    if not m:
        return None
    place, abbr = m.group("place"), m.group("abbr")
    words = [w for w in re.split(r"\s+(?:and|&)\s+|\s+", place) if w]
    if any(w.lower() in lower or w in POSTS for w in words) or re.search(
        r"[A-Z][\w’'-]*[ \t]+(?:(?:and|&)[ \t]+)?$", text[max(0, start - 40) : start]
    ):
        return None
    kinds = LOCAL_KINDS[abbr]
    parts = re.split(r"\s+(?:and|&)\s+", place)
    spelled = r"\s+(?:and|&)\s+".join(r"\s+".join(map(re.escape, p.split())) for p in parts)
    full = re.search(rf"(?<![\w-]){spelled}\s+(?:{'|'.join(kinds)})\s+Council\b", text)
    if full:
        return " ".join(full.group(0).replace("&", "and").split())
    if abbr == "CC":
        auth = register.place_council(place)
        if auth is not None and not auth.end:
            return auth.name
    nation = _nation(text)
    if abbr == "CC" and nation in ("Scotland", "Wales"):
        return f"{place.replace('&', 'and')} Community Council"
    if abbr in ("PC", "TC") and nation in ("England", None) and not register.place_council(place):
        return f"{place} {kinds[0]} Council"
    return None


ACRONYM = re.compile(
    r"(?<![\w-])(?:[A-Z]{2,4}C|[LR]B[A-Z]{1,3})(?![\w-])"
)  # "SBC", "NCC"; "LBS" (London Borough of ...)


@lru_cache(maxsize=1)
def _council_initials() -> dict[str, list[tuple[str, str]]]:
    """Initials of every council's name ('SBC') to the (place, name) of each council that has them."""
    table: dict[str, list[tuple[str, str]]] = {}
    for b in {b.name: b for b in gazetteer.councils_by_place().values()}.values():
        words = [
            w for w in re.findall(r"[A-Za-z][\w'’]*", b.name) if w.lower() not in {"of", "and", "the", "upon", "on"}
        ]
        place = gazetteer._PREFIX.sub("", gazetteer._SUFFIX.sub("", b.name)).strip()
        if len(words) >= 3 and place and place != b.name:
            table.setdefault("".join(w[0].upper() for w in words), []).append((place, b.name))
    return table


def council_initials(text: str, spans: _Spans, acros: set[str], make, known: set[str] = frozenset()) -> list[Candidate]:
    """'SBC' in a text naming the Scottish Borders and no other place whose council has those initials (or naming
    one at least twice as often as any other: 'Norfolk' over 'Norwich' for 'NCC'); else, of
    the councils with those initials, the one in the same county as a council the text names or abbreviates
    ('CDC' beside 'OCC': Cherwell, a district of Oxfordshire)."""
    table = _council_initials()
    mentions: dict[str, list[tuple[int, int]]] = {}
    own = [_initials(n.split()) for n in known]  # "GCC" beside "Glenmoor Community Council": that body's initials
    for m in ACRONYM.finditer(text):
        if any(i.endswith(m.group(0)) for i in own):
            continue
        if m.group(0) in table and m.group(0) not in acros and not spans.overlaps(m.start(), m.end()):
            mentions.setdefault(m.group(0), []).append((m.start(), m.end()))
    chosen: dict[str, tuple[str, float]] = {}
    for acro in mentions:
        named = {n: sum(_mentions(p, text) for p in _place_forms(place)) for place, n in table[acro]}
        ranked = sorted((k for k in named.items() if k[1]), key=lambda k: -k[1])
        if len(ranked) == 1:
            chosen[acro] = (ranked[0][0], 0.6)
        elif len(ranked) > 1 and ranked[0][1] >= 2 * ranked[1][1]:  # "Norfolk" far more often than "Norwich"
            chosen[acro] = (ranked[0][0], 0.45)

    def areas(name: str) -> set[str]:
        auth = register.resolve(name)
        return {auth.code, auth.county} - {""} if auth and auth.code else set()

    for step in range(3):  # a council placed by its county can place another; last, acronyms placing each other
        area = set().union(*(areas(n) for n in [*known, *(n for n, _ in chosen.values())]))
        open_ = sorted(mentions.keys() - chosen.keys())
        for acro in open_:
            if step == 2:  # 'CDC' beside an 'OCC' that is Oxfordshire or Oxford: either way, Cherwell
                area = set().union(*(areas(n) for a in open_ if a != acro for _, n in table[a]))
            near = {n for _, n in table[acro] if areas(n) & area}
            if len(near) > 1:  # 'OCC' beside Cherwell: Oxfordshire's county council, the upper tier, not Oxford's
                near = {n for n in near if (a := register.resolve(n)) and not a.county and a.code in area} or near
            if len(near) == 1:
                chosen[acro] = (near.pop(), 0.45)
    nation = _nation(text) if mentions.keys() - chosen.keys() else None
    for acro in sorted(mentions.keys() - chosen.keys()) if nation else []:
        home = {n for _, n in table[acro] if (a := register.resolve(n)) and a.nation == nation}
        if len(home) == 1:  # 'SBC' in the minutes of a Scottish community council: Scottish Borders Council
            chosen[acro] = (home.pop(), 0.45)
    out = []
    for acro, (name, conf) in chosen.items():
        at = mentions[acro]
        c = make(name, at[0][0], at[0][1], conf, "council-initials", [acro])
        c.extra_spans = at[1:]
        out.append(c)
    return out


# What shows which nation a text is from: its parliament, its own name, the councils only it has (parish
# councils are English; Scotland and Wales have community councils instead)
NATION_SIGNS = {
    "Scotland": re.compile(r"\b(?:Scotland|Scottish|MSPs?|Holyrood)\b"),
    "Wales": re.compile(r"\b(?:Wales|Welsh|Senedd|Cymru)\b"),
    "England": re.compile(r"\b(?:England|Parish\s+Councils?|Parish\s+Councillors?)\b"),
    "Northern Ireland": re.compile(r"\bNorthern\s+Ireland\b"),
}


def _nation(text: str) -> str | None:
    """The one nation the text shows signs of, or None when it shows none or several."""
    found = [n for n, sign in NATION_SIGNS.items() if sign.search(text)]
    return found[0] if len(found) == 1 else None


def _mentions(place: str, text: str) -> int:
    return len(re.findall(rf"(?<![\w-]){re.escape(place)}(?![\w-])", text))


def _place_forms(place: str) -> list[str]:
    """A place as written in full and with its county's short form ('Hertfordshire', 'Herts')."""
    short = register.COUNTY_LONG
    alt = " ".join(short[w.lower()].title() if w.lower() in short else w for w in place.split())
    return [place] if alt == place else [place, alt]


class _Spans:
    """Sorted, possibly overlapping spans; whether a range overlaps any of them."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.ends = spans
        best, self.max_end = 0, []
        for _, e in spans:
            best = max(best, e)
            self.max_end.append(best)

    def overlaps(self, start: int, end: int) -> bool:
        from bisect import bisect_left

        i = bisect_left(self.starts, end) - 1  # spans starting before our end
        return i >= 0 and self.max_end[i] > start
