"""Savings totals that can honestly be added: one total per kind, never a shortfall added to a saving.

A report states many different sums about savings: a target, what was achieved, the part that could
not be delivered, what is still required. Only statements of the same kind add up; a statement of an
undelivered, still-required or shortfall sum is not a saving and is never added to any total. A
figure stated twice in one report (in the summary and again in the body) counts once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from models.report import Report, Saving

KINDS = ("achieved", "projected", "target", "unspecified")

# A sum that was not saved, or is still to be found: never part of a savings total.
NOT_A_SAVING = re.compile(
    r"(?:\bnot|\bcannot|n[’']t)\s+(?:yet\s+)?(?:be\s+|been\s+|have\s+been\s+)?(?:delivered|achieved|met|realised)"
    r"|\bun(?:delivered|achieved|met|realised)\b"
    r"|\bstill\s+(?:to\s+be\s+\w+|required|needed|outstanding)"
    r"|\bshortfalls?\b|\bgaps?\b",
    re.IGNORECASE,
)


def is_not_a_saving(saving: Saving) -> bool:
    """True when the statement's text says the sum was not delivered, is still required, or is a gap."""
    return bool(NOT_A_SAVING.search(saving.text))


@dataclass
class Tally:
    """Savings statements of one report or one council, sorted into what may be added and what not."""

    totals: dict[str, float] = field(default_factory=lambda: dict.fromkeys(KINDS, 0.0))
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    no_figure: int = 0  # statements that give no amount
    not_added: list[Saving] = field(default_factory=list)  # shortfalls, undelivered, still required

    @property
    def statements(self) -> int:
        return sum(self.counts.values()) + self.no_figure + len(self.not_added)

    @property
    def has_figure(self) -> bool:
        return any(self.counts.values())

    def add(self, other: Tally) -> None:
        for k in KINDS:
            self.totals[k] += other.totals[k]
            self.counts[k] += other.counts[k]
        self.no_figure += other.no_figure
        self.not_added += other.not_added


def tally(savings: Iterable[Saving]) -> Tally:
    """Sort one report's statements: totals per kind (a repeated figure once), no-figure count, not added."""
    out, seen = Tally(), set()
    for s in savings:
        if is_not_a_saving(s):
            out.not_added.append(s)
        elif not s.amount or s.amount <= 0:
            out.no_figure += 1
        elif (key := (s.kind, s.amount, s.period)) not in seen:
            seen.add(key)
            out.totals[s.kind] += s.amount
            out.counts[s.kind] += 1
    return out


def by_council(reports: Iterable[Report], unknown: str = "(council not stated)") -> dict[str, Tally]:
    """One tally per council, adding the reports' tallies kind by kind."""
    out: dict[str, Tally] = {}
    for r in reports:
        out.setdefault(r.metadata.council or unknown, Tally()).add(tally(r.savings))
    return out


def money(v: float) -> str:
    """A short money figure: £80.3m, £250k, £950."""
    if v >= 1e9:
        return f"£{v / 1e9:,.2f}".rstrip("0").rstrip(".") + "bn"
    if v >= 1e6:
        return f"£{v / 1e6:,.2f}".rstrip("0").rstrip(".") + "m"
    if v >= 1e4:
        return f"£{v / 1e3:,.0f}k"
    return f"£{v:,.0f}"
