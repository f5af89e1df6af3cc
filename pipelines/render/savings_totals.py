"""Savings totals that can honestly be added: one total per kind, never a shortfall added to a saving.

A report states many different sums about savings: a target, what was achieved, the part that could
not be delivered, what is still required. Only statements of the same kind add up; a statement of an
undelivered, still-required or shortfall sum is not a saving and is never added to any total. A
figure stated twice in one report (in the summary and again in the body) counts once.

Only the report's own body's savings are added: a sum another body set or saves (community council
minutes noting that "the government had set a £107m savings target" for the county) is not the
community council's, and a part of a larger figure in the same report (a directorate's £40m "of" the
council's £80.3m) is already inside it. Both are left out and counted apart.
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


# Another body named as the one that sets or saves the sum.
GOVERNMENT = re.compile(
    r"\b(?:(?:UK|Welsh|Scottish|central|national)\s+)?government\b|\bministers?\b|\bthe\s+treasury\b|"
    r"\bwhitehall\b|\bdepartment\s+for\b",
    re.IGNORECASE,
)
BODY = re.compile(
    r"(?P<name>(?:[A-Z][\w'’&-]*\s+){0,4})(?P<kind>(?i:(?:county|district|borough|city|town|parish|community|"
    r"unitary|metropolitan|combined)\s+(?:council|authority)|health\s+board|integrated\s+care\s+board|"
    r"police(?:\s+force)?|fire\s+(?:and\s+rescue\s+)?(?:service|authority)))\b"
)
OWN = re.compile(r"\b(?:we|our|us)\b|\b(?:this|the)\s+(?:council|authority|partnership|service)\b", re.IGNORECASE)
# A part of a larger sum: a directorate's or department's share, "£40m of this".
PART = re.compile(
    r"\b(?:directorates?|departments?|portfolios?|divisions?|service\s+areas?|of\s+(?:this|which|these|that)|"
    r"part\s+of|share\s+of|contribution\s+(?:to|towards)|included\s+in)\b",
    re.IGNORECASE,
)


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s.lower()).split())


def is_another_bodys(saving: Saving, own: Iterable[str]) -> bool:
    """True when the statement names only other bodies as the ones whose sum it is: the government, or a
    council or public body that is not the report's own (its council, committee or partners)."""
    text = saving.text
    if OWN.search(text):
        return False
    own_names = [_norm(o) for o in own if o and BODY.search(o)]  # a committee's name says nothing here
    others = bool(GOVERNMENT.search(text))
    for m in BODY.finditer(text):
        name, kind = _norm(m.group("name")).removeprefix("the ").strip(), _norm(m.group("kind"))
        if name.split()[:1] in (["the"], ["a"], ["an"]):
            name = " ".join(name.split()[1:])
        mention = f"{name} {kind}".strip()
        if not own_names or any(mention in o if name else kind in o for o in own_names):
            return False  # the report's own body (or no way to tell)
        others = True
    return others


def own_bodies(report: Report) -> list[str]:
    """The report's own body and the parties to it: its council, the committee, its partners."""
    m = report.metadata
    return [x for x in (m.council, m.committee, *(p.name for p in report.partners)) if x]


def _inside(small: Saving, large: Saving) -> bool:
    """The smaller statement is a clause of the larger one ("£80.3m, including £40m from ...")."""
    a, b = small.evidence[0], large.evidence[0]
    return small.text in large.text and (a.start, a.end) != (b.start, b.end) and b.start <= a.start and a.end <= b.end


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
    other_body: list[Saving] = field(default_factory=list)  # a sum another body set or saves
    parts: list[Saving] = field(default_factory=list)  # a part of a larger figure in the same report

    @property
    def left_out(self) -> list[Saving]:
        """Every statement with a figure that is not added: not a saving, another body's, or a part."""
        return [*self.not_added, *self.other_body, *self.parts]

    @property
    def statements(self) -> int:
        return sum(self.counts.values()) + self.no_figure + len(self.left_out)

    @property
    def has_figure(self) -> bool:
        return any(self.counts.values())

    def add(self, other: Tally) -> None:
        for k in KINDS:
            self.totals[k] += other.totals[k]
            self.counts[k] += other.counts[k]
        self.no_figure += other.no_figure
        self.not_added += other.not_added
        self.other_body += other.other_body
        self.parts += other.parts


def tally(savings: Iterable[Saving], own: Iterable[str] | None = None) -> Tally:
    """Sort one report's statements: totals per kind (a repeated figure once), no-figure count, not added.

    With ``own`` (the report's own bodies, see ``own_bodies``), a statement naming only other bodies is
    left out; a statement that is part of a larger figure of the same report always is.
    """
    out, seen = Tally(), set()
    savings = list(savings)
    own = list(own) if own is not None else None
    candidates = [s for s in savings if not is_not_a_saving(s) and s.amount and s.amount > 0]
    if own is not None:
        candidates = [s for s in candidates if not is_another_bodys(s, own)]
    for s in savings:
        if is_not_a_saving(s):
            out.not_added.append(s)
        elif not s.amount or s.amount <= 0:
            out.no_figure += 1
        elif own is not None and is_another_bodys(s, own):
            out.other_body.append(s)
        elif any(b.amount > s.amount and (PART.search(s.text) or _inside(s, b)) for b in candidates):
            out.parts.append(s)
        elif (key := (s.kind, s.amount, s.period)) not in seen:
            seen.add(key)
            out.totals[s.kind] += s.amount
            out.counts[s.kind] += 1
    return out


def by_council(reports: Iterable[Report], unknown: str = "(council not stated)") -> dict[str, Tally]:
    """One tally per council, adding the reports' tallies kind by kind."""
    out: dict[str, Tally] = {}
    for r in reports:
        out.setdefault(r.metadata.council or unknown, Tally()).add(tally_report(r))
    return out


def tally_report(report: Report) -> Tally:
    """One report's tally, adding only its own body's statements."""
    return tally(report.savings, own_bodies(report))


def money(v: float) -> str:
    """A short money figure: £80.3m, £250k, £950."""
    if v >= 1e9:
        return f"£{v / 1e9:,.2f}".rstrip("0").rstrip(".") + "bn"
    if v >= 1e6:
        return f"£{v / 1e6:,.2f}".rstrip("0").rstrip(".") + "m"
    if v >= 1e4:
        return f"£{v / 1e3:,.0f}k"
    return f"£{v:,.0f}"
