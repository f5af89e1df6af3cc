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
    """Upper-case aliases (LGA, MHCLG) to their body; an acronym shared by two bodies is dropped."""
    table: dict[str, Body] = {}
    clash: set[str] = set()
    for b in load():
        for a in b.aliases:
            if a.isupper() or re.fullmatch(r"[A-Z][A-Za-z&]*[A-Z]", a):
                if a in table and table[a].name != b.name:
                    clash.add(a)
                table[a] = b
    return {k: v for k, v in table.items() if k not in clash}


def lookup(name: str) -> Body | None:
    """The entry for a name or non-acronym alias, if any."""
    return by_name().get(_key(name))
