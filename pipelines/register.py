"""Councils as the register of UK local authorities knows them: link a council's name to its codes, resolve a
loose form ("Kent Council", "Southwark Council") to the body it means, and tell a name that only looks like a
council ("December County Council") from a real one.

The councils are the gazetteer's own (``pipelines/rules/councils.csv``: every principal council of the four
nations and the combined authorities; ``former_councils.csv``: councils abolished since 1996), each with
mySociety's ``local-authority-code`` and the GSS code where the register has them (filled in by
``scripts/gazetteer_codes.py``). Place names ("Kent", "Bristol") are derived from the councils' names.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RULES = Path(__file__).parent / "rules"
CURRENT = RULES / "councils.csv"
FORMER = RULES / "former_councils.csv"  # principal councils abolished since 1996
COUNCIL_WORD = re.compile(r"\b(?:council|borough|corporation|authority|cyngor)\b", re.I)
# "X [County|City|...] Council" around a place name.
COUNCIL_FORM = re.compile(
    r"^(?P<place>.+?)\s+(?:(?:County\s+Borough|Metropolitan\s+(?:Borough|District)|County|City|"
    r"District|Borough|City\s+and\s+District)\s+)?Councils?$",
    re.I,
)
PREFIX_FORM = re.compile(
    r"^(?:(?:The\s+)?(?:Royal|London)\s+Borough\s+of|City\s+and\s+County\s+of|City\s+of|"
    r"(?:Borough|County|District)\s+Council\s+of)\s+(?P<place>.+?)(?:\s+Council)?$",
    re.I,
)
# Councils below the principal tier: real bodies, not in the register.
# Councils that are not local authorities, by what they are councils of ("Kent Learning and Skills Council").
NATIONAL_COUNCIL = re.compile(
    r"\b(?:Learning\s+and\s+Skills|Research|Arts|Sports?|Refugee|Voluntary\s+Service|Trades\s+Union|"
    r"Skills|Heritage|Funding|Medical)\s+Council$"
)
# Short forms of a council's name in lists and rolls: "RB Kingston", "LB Camden", "Kent CC", "Wychavon DC".
SHORT_FORM = re.compile(
    r"^(?:(?:RB|LB|RBC|LBC)\s+(?:of\s+)?(?P<place>.+)|(?P<place2>.+?)\s+(?:CC|DC|BC|MBC|MDC|CBC|UA)\.?)$"
)
LOCAL_COUNCIL = re.compile(r"\b(?:Town|Parish|Community|Village|Neighbourhood)\s+Council$")


@dataclass(frozen=True)
class Authority:
    """One row of the register."""

    code: str
    gss: str
    name: str
    nice_name: str
    type: str
    end: str
    names: tuple[str, ...]
    county: str = ""  # the register code of the county council a district lies in
    nation: str = ""  # England, Scotland, Wales or Northern Ireland

    @property
    def id(self) -> str:
        """``lac:<local-authority-code>/gss:<GSS code>``; ``councilx:<slug>`` for a council the register lacks."""
        if not self.code:
            return "councilx:" + re.sub(r"[^a-z0-9]+", "-", key(self.name)).strip("-")
        return f"lac:{self.code}/gss:{self.gss}" if self.gss else f"lac:{self.code}"

    @property
    def kind(self) -> str:
        return self.type


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """A name normalised for lookup: lower case, '&' as 'and', no punctuation, no leading 'the'."""
    s = name.lower().replace("&", " and ").replace("’", "'")
    s = re.sub(r"[^\w\s']", " ", s)
    return re.sub(r"^the ", "", re.sub(r"\s+", " ", s).strip())


# A council's place: its name without the council words around it.
PLACE_OF = re.compile(
    r"^(?:(?:The\s+)?(?:Royal|London)\s+Borough\s+of|City\s+and\s+County\s+of|City\s+of|"
    r"(?:Borough|County|District)\s+Council\s+of|Council\s+of\s+the)\s+|"
    r"\s+(?:(?:County\s+Borough|Metropolitan\s+(?:Borough|District)|County|City|District|Borough|"
    r"City\s+and\s+District|London\s+Borough)\s+)?Council$|\s+Combined\s+Authority$",
    re.I,
)


def place_of(name: str) -> str:
    """'Kent County Council' -> 'Kent'; 'London Borough of Southwark' -> 'Southwark'."""
    return PLACE_OF.sub("", name).strip()


def _rows(path: Path):
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


@lru_cache(maxsize=1)
def load() -> tuple[Authority, ...]:
    """Every council of the gazetteer, current and abolished."""
    out = [
        Authority(
            r.get("code") or "",
            r.get("gss") or "",
            r["name"],
            place_of(r["name"]),
            r["kind"],
            "",
            tuple(a for a in (r.get("aliases") or "").split("|") if a),
            r.get("county") or "",
            r.get("nation") or "",
        )
        for r in _rows(CURRENT)
        if r["kind"] != "parish council"
    ]
    out += [
        Authority(
            r.get("code") or "",
            r.get("gss") or "",
            r["name"],
            place_of(r["name"]),
            r["kind"],
            r.get("abolished") or "abolished",
            (),
            r.get("county") or "",
            r.get("nation") or "",
        )
        for r in _rows(FORMER)
    ]
    return tuple(out)


def _same(a: Authority, b: Authority) -> bool:
    return (a.code or a.name) == (b.code or b.name)


def _unique(pairs) -> dict[str, Authority]:
    table: dict[str, Authority] = {}
    clash: set[str] = set()
    for k, a in pairs:
        if k in table and not _same(table[k], a):
            clash.add(k)
        table.setdefault(k, a)
    return {k: v for k, v in table.items() if k not in clash}


@lru_cache(maxsize=1)
def by_name() -> dict[str, Authority]:
    """Full names of authorities (with a council word), every spelling the register knows."""
    return _unique((key(n), a) for a in load() for n in (a.name, *a.names) if COUNCIL_WORD.search(n))


@lru_cache(maxsize=1)
def by_place() -> dict[str, Authority]:
    """Place names ('Kent', 'Bristol', 'City of Bristol') to the one authority that has them.

    A current authority wins over an abolished one of the same place ('Bedford' is the borough, not the old district).
    """
    current = [a for a in load() if not a.end]
    old = [a for a in load() if a.end]

    def places(a: Authority):
        return (a.nice_name, *(place_of(n) for n in a.names))

    table = _unique((key(n), a) for a in current for n in places(a) if n and not COUNCIL_WORD.search(n))
    for k, a in _unique((key(n), a) for a in old for n in places(a) if n and not COUNCIL_WORD.search(n)).items():
        table.setdefault(k, a)
    return table


# The usual short forms of county names ("East Herts", "Oxon County Council")
COUNTY_SHORT = {
    "beds": "bedfordshire",
    "berks": "berkshire",
    "bucks": "buckinghamshire",
    "cambs": "cambridgeshire",
    "derbys": "derbyshire",
    "glos": "gloucestershire",
    "hants": "hampshire",
    "herts": "hertfordshire",
    "lancs": "lancashire",
    "leics": "leicestershire",
    "lincs": "lincolnshire",
    "northants": "northamptonshire",
    "notts": "nottinghamshire",
    "oxon": "oxfordshire",
    "staffs": "staffordshire",
    "wilts": "wiltshire",
    "worcs": "worcestershire",
}
COUNTY_LONG = {full: short for short, full in COUNTY_SHORT.items()}


def place_council(place: str) -> Authority | None:
    """The one authority named after a place, its county written short or in full ('East Herts')."""
    k = key(place)
    hit = by_place().get(k) or by_place().get(re.sub(r"^city of ", "", k))
    if hit:
        return hit
    full = " ".join(COUNTY_SHORT.get(w, w) for w in k.split())
    return by_place().get(full) if full != k else None


def place_council_near(place: str, near: list[Authority]) -> Authority | None:
    """The authority named after a place, or, where the place is only the start of several ('Kingston': upon Thames
    or upon Hull), the one of the same county or kind of area (GSS type) as the councils named beside it."""
    hit = place_council(place)
    if hit or not near:
        return hit
    k = key(place) + " "
    areas = {a.county for a in near if a.county} | {a.gss[:3] for a in near if a.gss}
    found = {a.code: a for p, a in by_place().items() if p.startswith(k) and (a.county in areas or a.gss[:3] in areas)}
    return next(iter(found.values())) if len(found) == 1 else None


def resolve(name: str) -> Authority | None:
    """The authority a council's name denotes: the name as the register spells it, else its place with a council
    form ('Kent Council' → Kent County Council); None when the register has no such council."""
    name = " ".join(name.split())
    hit = by_name().get(key(name))
    if hit:
        return hit
    m = COUNCIL_FORM.match(name) or PREFIX_FORM.match(name)
    short = SHORT_FORM.match(name) if not m else None
    if not m and not short:
        return None
    return place_council(m.group("place") if m else (short.group("place") or short.group("place2")))


def looks_like_council(name: str) -> bool:
    """True for a principal council's name form ('X County Council', 'X Council', 'London Borough of X'),
    which must then be in the register; town, parish and community councils are not."""
    name = " ".join(name.split())
    if (
        LOCAL_COUNCIL.search(name)
        or NATIONAL_COUNCIL.search(name)
        or re.search(r"\b(?:Association|Network|Federation|Confederation|Society)\s+of\b", name)
    ):
        return False  # "Kent Association of Local Councils" is an association
    return bool(re.search(r"\bCouncils?$", name) or PREFIX_FORM.match(name))


@lru_cache(maxsize=1)
def former() -> dict[str, tuple[str, str]]:
    """Councils abolished before the register's records begin: normalised name to (name, kind)."""
    with FORMER.open(encoding="utf-8", newline="") as fh:
        return {key(r["name"]): (r["name"], r["kind"]) for r in csv.DictReader(fh)}
