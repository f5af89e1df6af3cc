"""Savings: statements of money saved, to be saved, or savings targets and efficiencies.

A statement is a clause with a savings cue ("savings", "efficiencies", "lower cost",
"reduced duplication" ...). Its amount is the £ figure in the same clause, normalised to
pounds, or null when it gives none. Costs, budgets, grants and income are not savings.
"""
from __future__ import annotations

import re

from pipelines.extractors.base import Candidate, Context
from pipelines.normalise import parse_amount

CUE = re.compile(
    r"(?<![/\w])(?:sav(?:ing|ings|ed|es)|save)\b|\befficienc(?:y|ies)\b|\b(?:more|greater|increased?)\s+(?:effective\s+and\s+)?efficient\b|"
    r"\b(?:lower|reduced?|reducing|reduction\s+in|reductions\s+in)\s+(?:the\s+)?(?:public\s+|running\s+|operating\s+|overall\s+)?"
    r"(?:costs?|duplication|spend(?:ing)?|overheads)\b|\bcost\s+reductions?\b|\bimproved\s+price\b|\beconomies\s+of\s+scale\b|"
    r"\bcashable\b", re.I)
# General value-for-money language that states no saving (annotation guideline).
NOT_SAVING = re.compile(r"\bnot\s+(?:a\s+|any\s+)?sav(?:ing|ings)\b|\bno\s+savings\b|\befficiently\b|\bbest\s+use\s+of\b|\bsaving\s+lives\b|\bsave\s+the\s+date\b|"
                        r"\bsaving\s+proposal\b|\bspend/save\b", re.I)
# Savings only as the subject of a later report ("will update on progress, including financial savings
# estimates", "details of the savings will be reported"): no saving is stated.
REPORTING_ON = re.compile(r"\b(?:update|report(?:\s+back)?|inform\s+\w+)\s+on\s+(?:[\w,]+\s+){0,6}?(?:financial\s+)?"
                          r"sav(?:ing|ings)\s*(?:estimates?|figures|details|information)?$|"
                          r"\b(?:details|information)\s+(?:of|on|about)\s+(?:the\s+|any\s+)?(?:financial\s+)?sav(?:ing|ings)$",
                          re.I)
MONEY = re.compile(r"£\s*\d[\d,]*(?:\.\d+)?\s*(?:bn|billion|million|mn|m|k|thousand)?(?![a-z])", re.I)
KINDS = (
    ("achieved", re.compile(r"\b(?:achieved|(?:has|have)\s+already|has\s+(?:saved|produced|delivered|created|made)|have\s+(?:saved|produced|delivered|"
                            r"created|made|been\s+achieved)|saved|delivered|realised|resulted\s+in)\b", re.I)),
    ("target", re.compile(r"\b(?:target|aim|to\s+(?:achieve|make|deliver|identify)|required\s+to|need\s+to)\b", re.I)),
    ("projected", re.compile(r"\b(?:will|would|could|anticipated|projected|expected|estimated?|potential|forecast|planned)\b", re.I)),
)
PERIOD = re.compile(r"\b(?:per\s+(?:annum|year|month)|a\s+year|each\s+year|annually|over\s+(?:the\s+)?(?:next\s+)?\w+\s+years|"
                    r"(?:in|for|during)\s+(?:19|20)\d{2}[/-]\d{2,4})\b", re.I)
MAX_WORDS = 45


def clause_around(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause of ``text[lo:hi]`` holding ``start:end``: cut at ; : or a dash, then trimmed to MAX_WORDS."""
    seg_lo, seg_hi = lo, hi
    for m in re.finditer(r"[;:]\s|\s[–—]\s|\s-\s", text[lo:hi]):
        cut = lo + m.start()
        if cut < start:
            seg_lo = lo + m.end()
        elif cut >= end:
            seg_hi = cut
            break
    words = list(re.finditer(r"\S+", text[seg_lo:seg_hi]))
    if len(words) > MAX_WORDS:
        idx = next((i for i, w in enumerate(words) if seg_lo + w.end() > start), 0)
        a, b = max(0, idx - 18), min(len(words), idx + 22)
        seg_lo, seg_hi = seg_lo + words[a].start(), seg_lo + words[b - 1].end()
    return seg_lo, seg_hi


def saving_kind(clause: str) -> str:
    for kind, pattern in KINDS:
        if pattern.search(clause):
            return kind
    return "unspecified"


class SavingsExtractor:
    """One item per clause that states a saving."""

    name = "savings"
    field = "savings"

    def find(self, ctx: Context) -> list[Candidate]:
        text, out = ctx.text, []  # type: list[Candidate]
        heading_ranges = [(b.start, b.end) for b in ctx.document.blocks if b.kind in ("heading", "table_row")]
        out += self._table_savings(ctx)
        for m in CUE.finditer(text):
            if any(s <= m.start() < e for s, e in heading_ranges):
                continue
            lo, hi = ctx.sentence_at(m.start())
            s, e = clause_around(text, m.start(), m.end(), lo, hi)
            clause = text[s:e]
            if NOT_SAVING.search(text[max(s, m.start() - 12):m.end() + 12]) or re.search(
                    r"\bnot\s+(?:a\s+)?sav", clause, re.I):
                continue
            if clause.rstrip().endswith("?"):
                continue  # a form's question ("existing or new saving?"), not a statement
            if out and out[-1].start <= m.start() < out[-1].end:
                continue  # a second cue in the same clause
            amount = self._amount(clause, m.start() - s)
            if amount is None and REPORTING_ON.search(text[max(s, m.start() - 60):m.end()]):
                continue  # "will update on progress, including savings estimates": a promise to report
            period = PERIOD.search(clause)
            out.append(Candidate(
                "savings", s, e,
                {"amount": amount, "period": period.group(0) if period else None, "kind": saving_kind(clause),
                 "text": " ".join(clause.split())},
                confidence=0.8 if amount is not None else 0.65, extractor=self.name,
                rule="money-cue" if amount is not None else "cue"))
        return self._dedupe(out)

    def _table_savings(self, ctx: Context) -> list[Candidate]:
        """Figures in a table column headed 'Saving(s)' ('£000' in the header means thousands)."""
        out = []
        blocks = ctx.document.blocks
        col, thousands = None, False
        for b in blocks:
            if b.kind != "table_row" or not b.cells:
                col = None
                continue
            cells = [ctx.text[s:e] for s, e in b.cells]
            hits = [k for k, c in enumerate(cells) if re.search(r"\bsav(?:ing|ings|ed)\b|\befficienc", c, re.I)
                    and not re.search(r"\d", c.replace("000", ""))]
            if hits:
                col, thousands = hits[0], bool(re.search(r"£\s*'?000|£k\b", cells[hits[0]], re.I))
                continue
            if col is None or col >= len(cells):
                continue
            s, e = b.cells[col]
            raw = ctx.text[s:e].strip()
            num = re.fullmatch(r"£?\s*\d[\d,]*(?:\.\d+)?\s*(?:bn|m|k|million)?", raw, re.I)
            if not num:
                continue
            amount = parse_amount(raw if raw.startswith("£") else "£" + raw, thousands=thousands)
            out.append(Candidate("savings", b.start, b.end,
                                 {"amount": amount, "period": None, "kind": "unspecified",
                                  "text": " ".join(ctx.text[b.start:b.end].split())},
                                 confidence=0.75, extractor=self.name, rule="table-column"))
        return out

    @staticmethod
    def _amount(clause: str, cue_at: int) -> float | None:
        """The £ figure nearest the cue in the clause, in pounds."""
        best = None
        for m in MONEY.finditer(clause):
            dist = abs(m.start() - cue_at)
            if dist <= 90 and (best is None or dist < best[0]):
                best = (dist, m.group(0))
        return parse_amount(best[1]) if best else None

    @staticmethod
    def _dedupe(cands: list[Candidate]) -> list[Candidate]:
        kept: list[Candidate] = []
        for c in cands:
            words = set(re.findall(r"[a-z]+", c.data["text"].lower()))
            dup = False
            for k in kept:
                kw = set(re.findall(r"[a-z]+", k.data["text"].lower()))
                if c.data["amount"] == k.data["amount"] and words and kw and \
                        len(words & kw) / min(len(words), len(kw)) >= 0.85:
                    dup = True
                    break
            if not dup:
                kept.append(c)
        return kept
