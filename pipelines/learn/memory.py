"""What corrected reports teach directly: the names a person confirmed or rejected, used again on new reports.

The linear models re-score what the extractors propose; they cannot add a body that no rule proposes. A
person who corrects reports of one kind (the minutes of one council, the papers of one partnership) tells
the tool that kind's own names: its committee, its clerk, the bodies it works with. ``train --with`` keeps
them in ``memory.json`` beside the models, built only from corrected reports (never from the shared
training data), and the pipeline uses it after each field's model:

- a name confirmed in a corrected report and written (whole words) in a new report becomes an item
  (``method: "memory"``), unless an item of that name is already there; confirmed in two or more
  corrected reports it is not flagged for review (a partner only where it was a partner in most of the
  corrected reports that name it);
- an item people rejected (extracted from a corrected report, absent from its correction) and never
  confirmed is dropped;
- a committee or author confirmed before and written near the top of a new report wins its key.

Pure data in, pure data out: ``Memory.from_examples`` builds it, ``Memory.apply`` uses it.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pipelines.extractors.base import Candidate, Context
from pipelines.learn.labels import norm

MEMORY_FILE = "memory.json"
CORRECTED_PREFIX = "corrected:"  # the group of an example made from a correction file
NAME_FIELDS = ("organisations", "partners", "workstreams")
META_KEYS = ("committee", "author")
FRONT = 3000  # characters: where a report names its committee
PARTNER_SHARE = 0.75  # a body is proposed as a partner when it was one in this share of the reports naming it
MIN_NAME = 3  # shorter names (acronyms on their own) are not looked for


def _gold_names(field_: str, gold: dict) -> list[str]:
    if field_ in META_KEYS:
        v = (gold.get("metadata") or {}).get(field_)
        return [v] if isinstance(v, str) and v.strip() else []
    out = []
    for it in gold.get(field_) or []:
        name = it.get("name") if isinstance(it, dict) else it
        if isinstance(name, str) and name.strip():
            out.append(name.strip())
    return out


@dataclass
class Memory:
    """Names confirmed (with the number of corrected reports that confirm each) and item keys rejected."""

    confirmed: dict[str, dict[str, int]] = field(default_factory=dict)
    rejected: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_examples(cls, examples: list, rows: list | None = None) -> Memory:
        """From corrected reports (examples whose group says so) and, for rejections, their training rows."""
        corrected = [e for e in examples if str(e.group).startswith(CORRECTED_PREFIX)]
        confirmed: dict[str, Counter] = {}
        for e in corrected:
            for f in (*NAME_FIELDS, *META_KEYS):
                for name in set(_gold_names(f, e.gold)):
                    confirmed.setdefault(f, Counter())[name] += 1
        docs = {e.doc.name for e in corrected}
        good = {(f, norm(n)) for f, c in confirmed.items() for n in c}
        rejected: dict[str, set[str]] = {}
        for r in rows or []:
            if (
                r.doc in docs
                and not r.label
                and not r.proposal
                and r.field in NAME_FIELDS
                and (r.field, r.item) not in good
            ):
                rejected.setdefault(r.field, set()).add(r.item)
        for r in rows or []:  # an item right somewhere is never rejected
            if r.doc in docs and r.label and r.item in rejected.get(r.field, ()):
                rejected[r.field].discard(r.item)
        return cls(
            confirmed={f: dict(sorted(c.items())) for f, c in confirmed.items()},
            rejected={f: sorted(s) for f, s in rejected.items() if s},
        )

    def __bool__(self) -> bool:
        return bool(self.confirmed or self.rejected)

    def save(self, path: Path) -> None:
        data = {"confirmed": self.confirmed, "rejected": self.rejected}
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Memory:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            confirmed={f: {str(k): int(v) for k, v in d.items()} for f, d in data.get("confirmed", {}).items()},
            rejected={f: [str(x) for x in v] for f, v in data.get("rejected", {}).items()},
        )

    @cached_property
    def _rejected(self) -> dict[str, frozenset[str]]:
        return {f: frozenset(v) for f, v in self.rejected.items()}

    def apply(self, ctx: Context, field_: str, cands: list[Candidate]) -> list[Candidate]:
        """A field's candidates after the model, with what corrections taught added and taken away."""
        if field_ == "metadata":
            return cands + self._metadata(ctx, cands)
        if field_ not in NAME_FIELDS:
            return cands
        from pipelines.learn.dataset import _item_key

        bad = self._rejected.get(field_, frozenset())
        kept = [c for c in cands if not bad or _item_key(c, ctx.text) not in bad]
        have = {norm(str(c.data.get("name") or "")) for c in kept}
        added = []
        named = self.confirmed.get("organisations", {})
        for name, n in self.confirmed.get(field_, {}).items():
            if norm(name) in have or len(name) < MIN_NAME:
                continue
            if field_ == "partners" and n < PARTNER_SHARE * named.get(name, n):
                continue  # a party in few of the reports that name it: a partner of those reports only
            hit = find_whole(ctx.text, name)
            if hit is None or any(c.start < hit[1] and hit[0] < c.end for c in kept if c.end > c.start):
                continue
            added.append(self._candidate(ctx, field_, name, hit, n))
            have.add(norm(name))
        return kept + added

    def _candidate(self, ctx: Context, field_: str, name: str, hit: tuple[int, int], n: int) -> Candidate:
        if field_ == "workstreams":
            data: dict[str, Any] = {"name": name, "lead": None, "description": ""}
        else:
            data = {"name": name, "kind": _kind_of(ctx, name), "aliases": []}
        return Candidate(
            field_,
            hit[0],
            hit[1],
            data,
            confidence=0.9 if n >= 2 else 0.7,
            extractor="memory",
            rule=f"confirmed-{min(n, 9)}",
            why=f"confirmed in {n} corrected report(s)",
            review=n < 2,
        )

    def _metadata(self, ctx: Context, cands: list[Candidate]) -> list[Candidate]:
        out = []
        for key in META_KEYS:
            best = None
            for name, n in self.confirmed.get(key, {}).items():
                hit = find_whole(ctx.text, name, limit=FRONT if key == "committee" else None)
                if hit and (best is None or (n, -hit[0]) > (best[1], -best[2][0])):
                    best = (name, n, hit)
            if best is None:
                continue
            name, n, hit = best
            top = max((c.confidence for c in cands if c.data.get("key") == key), default=0.0)
            out.append(
                Candidate(
                    "metadata",
                    hit[0],
                    hit[1],
                    {"key": key, "value": name},
                    confidence=max(0.9, min(1.0, top + 0.01)),
                    extractor="memory",
                    rule=f"confirmed-{min(n, 9)}",
                    why=f"confirmed in {n} corrected report(s)",
                    review=n < 2,
                )
            )
        return out


def _kind_of(ctx: Context, name: str) -> str:
    for c in ctx.results.get("organisations", []):
        if norm(str(c.data.get("name") or "")) == norm(name):
            return str(c.data.get("kind") or "other")
    return "other"


def find_whole(text: str, name: str, limit: int | None = None) -> tuple[int, int] | None:
    """The first place ``name`` is written in ``text`` as whole words (within the first ``limit`` characters)."""
    end = len(text) if limit is None else min(len(text), limit)
    i = text.find(name, 0, end)
    while i >= 0:
        j = i + len(name)
        if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
            return i, j
        i = text.find(name, i + 1, end)
    return None


def load_memory(folder: Path | None) -> Memory | None:
    if folder is None:
        return None
    p = Path(folder) / MEMORY_FILE
    try:
        return Memory.load(p) if p.is_file() else None
    except (OSError, ValueError, AttributeError, TypeError):
        return None
