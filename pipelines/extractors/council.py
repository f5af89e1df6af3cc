"""The council a report is by, read from its front sheet, running headers and contact details.

Signals, most trusted first: a council's name the register knows on the front sheet (best a line
of its own, the letterhead); a letterhead line naming a council the register lacks (a town or
community council), kept as written; a council named in the running headers and footers; the
council whose gov.uk domain the front sheet gives. Pure functions over a Document.
"""

from __future__ import annotations

import re
from functools import lru_cache

from models.document import Document
from pipelines import gazetteer
from pipelines.sections import front_sheet

# A line that is only a council's name: "Kent County Council", "BRISTOL CITY COUNCIL".
COUNCIL_LINE = re.compile(
    r"^(?:[A-Z][\w&’'-]*\s+){1,6}(?:County\s+Borough\s+|County\s+|Borough\s+|District\s+|City\s+)?"
    r"Council$",
    re.I,
)
# A council's name in running text: "Kent County Council", "London Borough of Merton".
_NAME = r"[A-Z][\w'’-]+(?:\s+(?:(?:of|and|&|upon|on|the)\s+)?[A-Z][\w'’-]+){0,6}"
COUNCIL_NAME = re.compile(
    rf"\b(?:(?:London|Royal)\s+Borough\s+of\s+{_NAME}|{_NAME}\s+(?:Council|(?:Mayoral\s+)?"
    rf"Combined\s+Authority))\b"
)
# Words that may stand before a council's name in a line ("Report to Kent County Council").
BEFORE_NAME = {
    "report",
    "to",
    "the",
    "of",
    "by",
    "from",
    "for",
    "and",
    "meeting",
    "cabinet",
    "committee",
    "agenda",
    "item",
    "minutes",
    "joint",
    "a",
    "an",
    "at",
    "in",
    "on",
    "with",
    "decision",
    "record",
}
GOV_DOMAIN = re.compile(r"[@.](?P<stem>[a-z][a-z-]{2,40})\.(?:gov\.uk|gov\.wales|gov\.scot|llyw\.cymru)\b", re.I)
KINDS = gazetteer.COUNCIL_KINDS | {"unitary", "combined authority"}

# (value, start, end, confidence, rule): a council and the span of text that says so.
Found = tuple[str, int, int, float, str]


def register_council(name: str) -> tuple[str, int] | None:
    """The register's name for a council written ``name`` (dropping common words before it: "Report
    to Kent County Council"), and how many characters were dropped; None when it is no council it knows."""
    for w in re.finditer(r"\S+", name):
        body = gazetteer.lookup(name[w.start() :])
        if body and body.kind in KINDS:
            return body.name, w.start()
        if w.group().lower() not in BEFORE_NAME:
            return None
    return None


@lru_cache(maxsize=1)
def _councils_by_domain() -> dict[str, str]:
    """A council's place name run together ("northsomerset") to the council's name in the register."""
    return {
        re.sub(r"[^a-z]", "", place): body.name
        for place, body in gazetteer.councils_by_place().items()
        if re.sub(r"[^a-z]", "", place) not in NOT_A_COUNCIL_DOMAIN
    }


# Domain labels of bodies that are not the council their label spells ("london.gov.uk" is the Greater London
# Authority's, not the City of London's).
NOT_A_COUNCIL_DOMAIN = {"london", "wales", "scotland", "england", "gov", "www"}
_TYPE_WORDS = re.compile(
    r"\s+(?P<type>(?:Mayoral\s+)?Combined\s+Authority|(?:(?:County\s+Borough|Metropolitan\s+(?:Borough|District)|"
    r"County|City|District|Borough|London\s+Borough)\s+)?Council)$"
)


@lru_cache(maxsize=1)
def domain_labels() -> dict[str, tuple[str, str]]:
    """A gov.uk domain label to (council's name, how it spells it), where exactly one council's name gives it:
    its place run together ("northsomerset", "exact"); the place with the initials of its kind
    ("greatermanchester-ca", "sussexcc"), the initials of a place of three words or more ("ned", "neddc") or the first
    words of a place of five letters or more ("blaenau") ("derived"). A label that is some council's place
    exactly is that council's, whatever another's derived labels."""
    exact = _councils_by_domain()
    derived: dict[str, str] = {}
    clash: set[str] = set()

    def add(label: str, name: str) -> None:
        if label in exact or label in NOT_A_COUNCIL_DOMAIN or len(label) < 3:
            return
        if label in derived and derived[label] != name:
            clash.add(label)
        derived[label] = name

    for body in gazetteer.load():
        if body.kind not in KINDS:
            continue
        for n in (body.name, *body.aliases):
            m = _TYPE_WORDS.search(n)
            place = re.sub(
                r"^(?:(?:The\s+)?(?:Royal|London)\s+Borough\s+of|City\s+and\s+County\s+of|City\s+of)\s+",
                "",
                n[: m.start()] if m else n,
            )
            words = [w for w in re.findall(r"[a-z]+", place.lower())]
            if not words or place == n and not m:
                continue
            run = "".join(words)
            if m:
                add(run + "".join(w[0] for w in m.group("type").lower().split()), body.name)
            significant = [w for w in words if w not in ("and", "of", "the", "upon", "on", "under")]
            if len(significant) >= 3 and "".join(w[0] for w in significant) not in ("and", "the", "for"):
                add("".join(w[0] for w in significant), body.name)
                if m:  # "neddc": the place's and the kind's initials
                    add("".join(w[0] for w in significant + m.group("type").lower().split()), body.name)
            for k in range(1, len(words)):
                head = "".join(words[:k])
                if len(head) >= 5 and words[k - 1] not in ("and", "of", "the", "upon", "on", "under"):
                    add(head, body.name)
    out = {label: (name, "exact") for label, name in exact.items()}
    out.update({label: (name, "derived") for label, name in derived.items() if label not in clash})
    return out


def domain_councils(text: str) -> list[tuple[str, int, int, str]]:
    """(council's name, start, end of the label, how) for each e-mail address or web address on a council's
    gov.uk (gov.wales, llyw.cymru, gov.scot) domain: "j.bloggs@ned.gov.uk", "www.northshire.gov.uk/consultations"."""
    labels = domain_labels()
    out = []
    for m in GOV_DOMAIN.finditer(text):
        found = labels.get(m.group("stem").lower().replace("-", ""))
        if found:
            out.append((found[0], m.start("stem"), m.end("stem"), found[1]))
    return out


def _caps(text: str) -> str:
    return text.title() if text.isupper() else text


def council_of(doc: Document) -> list[Found]:
    """The authoring council by the most trusted signal that gives one (at most one item)."""
    sheet = front_sheet(doc)[:25]
    for i in sheet:
        b = doc.blocks[i]
        t = doc.block_text(b)
        for m in COUNCIL_NAME.finditer(_caps(t)):
            found = register_council(m.group())
            if found:
                alone = len(t.strip()) <= len(m.group()) + 3
                return [
                    (
                        found[0],
                        b.start + m.start() + found[1],
                        b.start + m.end(),
                        0.9 if alone else 0.7,
                        "front-sheet-council",
                    )
                ]
    for i in sheet:
        t = doc.block_text(doc.blocks[i]).strip()
        if COUNCIL_LINE.match(t) and t.split()[0].lower() not in BEFORE_NAME:  # a council the register lacks
            return [(" ".join(_caps(t).split()), doc.blocks[i].start, doc.blocks[i].end, 0.6, "letterhead")]
    return _from_furniture(doc) or _from_domain(doc, sheet)


def _from_furniture(doc: Document) -> list[Found]:
    """The council most named in the running headers and footers, with its first mention in the text."""
    counts: dict[str, int] = {}
    for page in doc.pages:
        for line in page.furniture:
            for m in COUNCIL_NAME.finditer(_caps(line.replace("*", ""))):
                found = register_council(m.group())
                if found:
                    counts[found[0]] = counts.get(found[0], 0) + 1
    if counts:
        name = max(counts, key=lambda k: counts[k])
        at = doc.text.lower().find(name.lower())
        if at >= 0:
            return [(name, at, at + len(name), 0.75, "furniture-council")]
    return []


def _from_domain(doc: Document, sheet: list[int]) -> list[Found]:
    """The council whose web or e-mail domain page 1 or the front sheet gives ("@bristol.gov.uk"),
    where the domain is exactly one council's place name."""
    end = max(doc.blocks[sheet[-1]].end if sheet else 0, doc.pages[0].end if doc.pages else 0)
    places = _councils_by_domain()
    for m in GOV_DOMAIN.finditer(doc.text, 0, end):
        body = places.get(m.group("stem").lower().replace("-", ""))
        if body:
            return [(body, m.start("stem"), m.end("stem"), 0.55, "domain-council")]
    return []
