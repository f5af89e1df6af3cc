"""The gazetteer of UK public bodies: data files in pipelines/rules/, loaded once."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RULES = Path(__file__).parent / "rules"
FILES = ("councils.csv", "bodies.csv")


@dataclass(frozen=True)
class Body:
    """One gazetteer entry."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()


@lru_cache(maxsize=65536)
def _key(name: str) -> str:
    key = re.sub(r"\s+", " ", name.replace("&", " and ").replace("’", "'").lower()).strip()
    return re.sub(r"^the ", "", key)


@lru_cache(maxsize=1)
def load() -> tuple[Body, ...]:
    """Every entry of every gazetteer file (validated: a name and a kind on each row)."""
    out: list[Body] = []
    for fname in FILES:
        path = RULES / fname
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                name, kind = (row.get("name") or "").strip(), (row.get("kind") or "").strip()
                if not name or not kind:
                    raise ValueError(f"{fname}: a row lacks a name or kind: {row}")
                aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
                out.append(Body(name, kind, aliases))
    return tuple(out)


@lru_cache(maxsize=1)
def by_name() -> dict[str, Body]:
    """Lookup by normalised name or alias (acronyms are kept case-sensitive via the ``acronyms`` map)."""
    table: dict[str, Body] = {}
    for b in load():
        table.setdefault(_key(b.name), b)
        for a in b.aliases:
            if not a.isupper():
                table.setdefault(_key(a), b)
    return table


@lru_cache(maxsize=1)
def acronyms() -> dict[str, Body]:
    """Upper-case aliases (LGA, MHCLG; "MoD" also as "MOD") to their body; an acronym shared by two bodies is
    dropped."""
    table: dict[str, Body] = {}
    clash: set[str] = set()
    for b in load():
        for a in b.aliases:
            if a.isupper() or re.fullmatch(r"[A-Z][A-Za-z&]*[A-Z]", a):
                for form in {a, a.upper()}:  # "MoD" is also written "MOD"
                    if form in table and table[form].name != b.name:
                        clash.add(form)
                    table[form] = b
    return {k: v for k, v in table.items() if k not in clash}


def lookup(name: str) -> Body | None:
    """The entry for a name or non-acronym alias, if any."""
    return by_name().get(_key(name))


_SUFFIX = re.compile(
    r"\s+(?:County\s+Borough|Metropolitan\s+(?:Borough|District)|County|Borough|District|City|"
    r"City\s+and\s+District)?\s*Council$"
)
_PREFIX = re.compile(
    r"^(?:City\s+of\s+|London\s+Borough\s+of\s+|Royal\s+Borough\s+of\s+|Borough\s+Council\s+of\s+|"
    r"City\s+and\s+County\s+of\s+)"
)
COUNCIL_KINDS = {"county council", "district council", "unitary", "metropolitan borough", "london borough"}


@lru_cache(maxsize=1)
def councils_by_place() -> dict[str, Body]:
    """Place name ('Fife', 'West Lothian', 'Edinburgh') to its council, where exactly one council has it."""
    table: dict[str, Body] = {}
    clash: set[str] = set()
    for b in load():
        if b.kind not in COUNCIL_KINDS:
            continue
        for n in (b.name, *b.aliases):
            place = _PREFIX.sub("", _SUFFIX.sub("", n)).strip()
            if not place or place == n:
                continue
            k = _key(place)
            if k in table and table[k].name != b.name:
                clash.add(k)
            table[k] = b
    return {k: v for k, v in table.items() if k not in clash}


@lru_cache(maxsize=1)
def council_initials() -> dict[str, Body]:
    """Initials ('KCC', 'WSCC') of council names, where exactly one council has them."""
    table: dict[str, Body] = {}
    clash: set[str] = set()
    for b in load():
        if b.kind not in COUNCIL_KINDS:
            continue
        words = [
            w for w in re.findall(r"[A-Za-z][\w'’]*", b.name) if w.lower() not in {"of", "and", "the", "upon", "on"}
        ]
        ini = "".join(w[0].upper() for w in words)
        if len(ini) >= 3:
            if ini in table:
                clash.add(ini)
            table[ini] = b
    return {k: v for k, v in table.items() if k not in clash}


def words_regex(names: list[list[str]]) -> str:
    """One regex alternation for many names given as lists of word patterns, factored into a trie of words
    ("Kent" → "County Council" | "Police"), so a position is tried against each first word once instead of against
    every name. Longer names win at the same position: a word's continuation is tried before the word alone."""
    trie: dict = {}
    for words in names:
        node = trie
        for w in words:
            node = node.setdefault(w, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = []
        for w in sorted((k for k in node if k), key=len, reverse=True):
            child = node[w]
            rest = build(child) if any(k for k in child) else ""
            if rest and "" in child:
                alts.append(f"{w}(?:\\s+{rest})?")
            elif rest:
                alts.append(f"{w}\\s+{rest}")
            else:
                alts.append(w)
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie)
