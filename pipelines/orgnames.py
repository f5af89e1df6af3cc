"""Pure helpers for organisation names: back-walking proper names, coordination, acronyms, kinds."""

from __future__ import annotations

import calendar
import re

from pipelines.register import NATIONAL_COUNCIL

CONNECTORS = {"and", "&", "upon", "on", "of", "in", "under", "le", "la", "de", "by", "next", "the", "-"}
GENERIC = {
    "the",
    "this",
    "that",
    "these",
    "those",
    "a",
    "an",
    "our",
    "their",
    "its",
    "each",
    "both",
    "all",
    "any",
    "other",
    "county",
    "city",
    "district",
    "borough",
    "town",
    "parish",
    "community",
    "unitary",
    "principal",
    "local",
    "full",
    "special",
    "joint",
    "shadow",
    "partner",
    "member",
    "host",
    "hosting",
    "lead",
    "neighbouring",
    "constituent",
    "relevant",
    "respective",
    "individual",
    "participating",
    "sovereign",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "several",
    "many",
    "some",
    "and",
    "&",
    "of",
    "metropolitan",
    "london",
    "royal",
    "fire",
    "police",
    "health",
    "rescue",
    "nhs",
    "new",
    "former",
    "existing",
    "single",
    "national",
    "regional",
    "government",
    "area",
    "authority",
    "service",
    "services",
    "trust",
    "board",
    "group",
    "forum",
    "network",
    "partnership",
    "association",
    "commission",
    "committee",
    "combined",
    "integrated",
    "care",
    "foundation",
    "report",
    "agenda",
    "item",
    "minutes",
    "appendix",
    "council",
    "councils",
    "cabinet",
    "executive",
    "mayoral",
}
DIRECTIONS = {
    "north",
    "south",
    "east",
    "west",
    "mid",
    "central",
    "upper",
    "lower",
    "inner",
    "outer",
    "greater",
    "northern",
    "southern",
    "eastern",
    "western",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
}
WORD = re.compile(r"[A-Za-z][\w'’.]*(?:[-/][A-Za-z][\w'’.]*)*|&|-")
# Words that start a phrase before a name ("Led by X Council", "Chief Executive of X Council").
LEAD_WORDS = {
    "led",
    "following",
    "report",
    "leader",
    "leaders",
    "chief",
    "executive",
    "executives",
    "director",
    "directors",
    "head",
    "member",
    "members",
    "chairman",
    "chair",
    "officer",
    "officers",
    "a",
    "an",
    "either",
    "neither",
    "both",
    "each",
    "framing",
    "under",
    "with",
    "from",
    "by",
    "between",
    "including",
    "via",
    "whilst",
    "while",
    "within",
    "on",
    "in",
    "at",
    "for",
    "to",
    "and",
    "if",
    "as",
    "when",
    "where",
    "dear",
    "mr",
    "mrs",
    "ms",
    "cllr",
    "councillor",
    "all",
    "our",
    "their",
    "its",
    "his",
    "her",
    "see",
    "contact",
    "email",
    "tel",
    "appendix",
    "attached",
    "annex",
    "since",
    "until",
    "after",
    "before",
    "during",
    "cabinet",
    "portfolio",
    "lead",
    "deputy",
    "assistant",
    "corporate",
    "strategic",
    "service",
    "services",
}
_PREV_ORG = re.compile(
    r"^.*\b(?:Councils?|Services?|Authority|Authorities|Board|Group|Trust|Government|Police|"
    r"Constabulary|Agency|Commission|Partnership|University|Ltd|Limited|plc|Office)\s*(?:,|and|&)\s+"
)


# "Minutes of the Annual Meeting of", "Agenda for an Extraordinary Meeting of": the meeting, not the body's name
_MEETING_OF = re.compile(
    r"^(?:.*\b(?:minutes|agenda|notes|notice|summons)\s+(?:of|for)\s+)?(?:(?:the|an?)\s+)?"
    r"(?:(?:annual|extraordinary|ordinary|special|general|monthly|public|full|parish|last|next|previous|joint)\s+)*"
    r"(?:meeting|meetings|agm)\s+(?:of|with)\s+",
    re.IGNORECASE,
)


# Months and days: when a meeting was, never a place a body is named after
WHEN_WORDS = frozenset([*calendar.month_name[1:], *calendar.day_name])


def trim_place(place: str) -> str:
    """Cut what precedes the name itself: an earlier name in a list, a title ('Chief Executive of'), a lead word,
    the meeting it held ('Minutes of the Annual Meeting of')."""
    place = _MEETING_OF.sub("", _PREV_ORG.sub("", place))
    place = re.split(r"\s[-–—]\s", place)[-1]
    # "Director of Strategy and Partnerships The Shrewsbury ... Trust": a capitalised "The" after a capitalised word
    # begins a new name (a post or a table cell before it)
    place = re.sub(r"^.*\b[A-Z][a-z]+\s+(?=The\s+[A-Z])", "", place)
    place = re.sub(
        r"^(?:.*\s)?[A-Z]{2,6}\s+(?:and|&)\s+(?=[A-Z][a-z])", "", place
    )  # "NALC and | Milburn": an acronym's body
    words = place.split()
    for i, w in enumerate(words):
        if w.lower() in {"of", "by", "to", "for", "with"} and any(
            x.lower().strip(".,") in LEAD_WORDS for x in words[:i]
        ):
            if not re.match(r"(?i)^(?:city|council|borough|royal|london|county)$", words[i - 1] if i else ""):
                words = words[i + 1 :]
                break
    while words and (
        words[0].lower().strip(".,") in LEAD_WORDS or words[0].lower() in {"the", "of"} or words[0] in WHEN_WORDS
    ):  # "the April Community Council" (its April meeting), "in March The Commission discussed"
        words = words[1:]
    return " ".join(words)


def walk_back(text: str, end: int, max_words: int = 7) -> int:
    """Start offset of the proper name ending at ``end``: capitalised words and connectors, backwards."""
    window_start = max(0, end - 120)
    words = list(WORD.finditer(text, window_start, end))
    start = end
    count = 0
    for w in reversed(words):
        gap = text[w.end() : start]
        if gap.strip(" \t") != "" or "\n" in gap:
            break
        tok = w.group(0)
        if tok.endswith(".") and len(tok) > 3:
            break  # the end of the previous sentence ("... in Kent. The Council")
        if tok[0].isupper() or tok.lower() in CONNECTORS:
            start = w.start()
            count += 1
            if count >= max_words:
                break
        else:
            break
    # never begin on a connector or a generic word
    while start < end:
        m = WORD.match(text, start)
        if not m or not (
            m.group(0).lower() in CONNECTORS
            or m.group(0).lower() in {"the", "this", "our", "their", "both", "each", "all", "full"}
        ):
            break
        start = m.end()
        while start < end and text[start] in " \t":
            start += 1
    return start


def is_generic_place(place: str) -> bool:
    """True when the words before a suffix name no place ("District and Borough", "the", "Both")."""
    words = [w.lower().strip(".,") for w in WORD.findall(place)]
    return not words or all(w in GENERIC or w in CONNECTORS for w in words)


def split_coordination(place: str) -> list[str]:
    """'East and West Sussex' → ['East Sussex', 'West Sussex']; 'East Lothian and Midlothian' → both."""
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s+&\s+", place) if p.strip()]
    if len(parts) < 2:
        return [place]
    last = parts[-1].split()
    out = []
    for p in parts[:-1]:
        words = p.split()
        if len(words) == 1 and words[0].lower() in DIRECTIONS and len(last) > 1:
            out.append(" ".join([words[0]] + last[1:]))
        else:
            out.append(p)
    out.append(parts[-1])
    return out


def initials(name: str) -> str:
    """'Kent County Council' → 'KCC'; 'Local Government Association' → 'LGA'."""
    words = [
        w for w in re.findall(r"[A-Za-z][\w'’]*", name) if w.lower() not in {"of", "and", "the", "for", "in", "on"}
    ]
    return "".join(w[0].upper() for w in words)


COUNCIL_KINDS = (
    # a coalition, alliance or consortium of bodies is the joint arrangement itself, whatever its members are
    (re.compile(r"^(?:The\s+)?(?:Coalition|Alliance|Consortium|Partnership|Network|Forum)\s+of\b"), "partnership"),
    (re.compile(r"\bCounty Borough Council$"), "unitary"),
    (re.compile(r"\bMetropolitan (?:Borough|District) Council$"), "metropolitan borough"),
    (re.compile(r"^(?:The\s+)?(?:Royal\s+|London\s+)Borough of\b"), "london borough"),
    (re.compile(r"\bCounty Council$"), "county council"),
    (re.compile(r"\b(?:Borough|District) Council$"), "district council"),
    (re.compile(r"\b(?:Town|Parish|Community) Council$"), "parish council"),
    (re.compile(r"\bCity Council$"), "district council"),
    (re.compile(r"\bCombined Authority$"), "combined authority"),
    (re.compile(r"\bFire\b"), "fire"),
    (re.compile(r"\b(?:Police|Constabulary|Crime Commissioner)\b"), "police"),
    (
        re.compile(r"\b(?:NHS|Health Board|Integrated Care Board|Clinical Commissioning Group|Primary Care Trust)\b"),
        "nhs body",
    ),
    (re.compile(r"^(?:Department|Ministry|Office) (?:for|of)\b|^HM\b"), "government department"),
    (NATIONAL_COUNCIL, "other"),  # "Learning and Skills Council", "Arts Council": not local authorities
    (re.compile(r"\bCouncil$"), "unitary"),
    (re.compile(r"\b(?:Partnership|Board|Forum|Network|Group)$"), "partnership"),
    (re.compile(r"\bAssociation$"), "association"),
)


def kind_from_name(name: str) -> str:
    """The kind of body a name denotes, from its form."""
    for pattern, kind in COUNCIL_KINDS:
        if pattern.search(name):
            return kind
    return "other"
