"""Savings: statements of money saved, to be saved, or savings targets and efficiencies.

A statement is a clause with a savings cue ("savings", "efficiencies", "lower cost",
"reduced duplication" ...). Its amount is the £ figure in the same clause, normalised to
pounds, or null when it gives none. Costs, budgets, grants and income are not savings.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pipelines.extractors.base import Candidate, Context
from pipelines.normalise import parse_amount

CUE = re.compile(
    r"(?<![/\w])(?:sav(?:ing|ings|ed|es)|save)\b|\befficienc(?:y|ies)\b|\b(?:more|greater|increased?)\s+(?:effective\s+and\s+)?efficient\b|"
    r"\b(?:lower|reduced?|reducing|reduction\s+in|reductions\s+in)\s+(?:the\s+)?(?:public\s+|running\s+|operating\s+|overall\s+)?"
    r"(?:costs?|duplication|spend(?:ing)?|overheads)\b|\bcost\s+reductions?\b|\bimproved\s+price\b|\beconomies\s+of\s+scale\b|"
    r"\bcashable\b|\bcost\s+avoidance\b|\b(?:has|have|had)\s+(?:\w+\s+)?avoided\s+(?=(?:about\s+|around\s+|approximately\s+|some\s+|an\s+estimated\s+)?£)|\bcosts?\s+(?:(?:have|has|had|will|would|could|can)\s+)?(?:be(?:en)?\s+)?(?:reduced|cut|lowered)\s+by\s+"
    r"(?=(?:about\s+|around\s+|approximately\s+|some\s+)?£)|\bavoided\s+costs?\b|\bcosts?\s+avoided\b|"
    r"\bavoid(?:ing|s|ed)?\s+(?:(?:a|an|the)\s+)?(?:\w+\s+)?costs?\s+of\s+(?=(?:an?\s+)?(?:estimated\s+|approximately\s+|around\s+|some\s+)?£)|"
    # "will cut its street lighting energy costs by £2.1m", "avoids an estimated £185,000 in vehicle purchase costs"
    r"\b(?:cut|cuts|cutting|reduces?|reducing|lowers?|lowering)\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:costs?|spend(?:ing)?|bills?)\s+by\s+(?=(?:an\s+)?(?:estimated\s+|about\s+|around\s+|approximately\s+|some\s+)?£)|"
    r"\bavoid(?:s|ed|ing)?\s+(?=(?:an\s+)?(?:estimated\s+|about\s+|around\s+|approximately\s+|some\s+)?£[\d.,]+\s*"
    r"(?:m|bn|k|million|billion)?\s+(?:in|of)\s+(?:[\w-]+\s+){0,3}costs?\b)",
    re.I,
)
# Cuts to budgets, services or staff: spending reduced, a savings statement by the guidelines (a cut required or
# made, with its sum or without one). Not a cut of anything else ("power cuts", "grass cutting").
CUTS = re.compile(
    r"\bcuts?\s+(?:of|to|in|for|on)\s+(?=(?:[\w’',&-]+\s+){0,6}?(?:£|budgets?|services?|spending|funding|grants?|"
    r"staff|posts|provision|teaching|transport|libraries)\b)|"
    r"£\s*\d[\d,.]*\s*(?:bn|billion|million|mn|m|k)?\s+(?:of\s+)?(?:\w+\s+)?cuts\b|"
    r"\b(?:further|significant|proposed|budget|spending|funding|service|government|deep|severe|major|more)\s+cuts\b|"
    r"\bcuts\s+(?:were|are|have|had|will|would|by)\b|"
    r"\b(?:budgets?|spending|funding|grants?)\s+(?:\w+\s+){0,3}?(?:(?:has|have|had|was|were|is|are|will)\s+)?"
    r"(?:been\s+|be\s+|being\s+)?(?:cut|slashed)\b|"
    r"\bslash(?:ed|es|ing)?\s+(?:the\s+)?(?:\w+\s+)?(?:budgets?|number|spending|funding|costs?)\b|"
    # "reducing budgets and headcount", "a reduction in posts": spending or staff cut, with or without a sum
    r"\breduc(?:e|ed|es|ing|tions?\s+(?:in|to|of))\s+(?:the\s+|their\s+|its\s+|our\s+)?"
    r"(?:budgets?|headcount|posts|staffing\s+levels)\b(?!\s+(?:deficit|gap|pressures?)\b)",
    re.I,
)
NOT_CUT = re.compile(
    r"\b(?:without|no|avoid(?:ed|ing)?|prevent(?:ed|ing)?|reverse[ds]?|oppos(?:ed|ing|ition)\s+to)\s+(?:\w+\s+){0,3}cuts?\b",
    re.I,
)
# General value-for-money language that states no saving (annotation guideline).
NOT_SAVING = re.compile(
    r"\bnot\s+(?:a\s+|any\s+)?sav(?:ing|ings)\b|\bno\s+savings\b|\befficiently\b|\bbest\s+use\s+of\b|\bsaving\s+lives\b|\bsave\s+the\s+date\b|"
    r"\bsaving\s+proposal\b|\bspend/save\b|\binvest[\s-]+to[\s-]+save\b|"
    # efficiency of a building, a vehicle or land as the cue, not of spending
    r"\b(?:energy|thermal|fuel|water|carbon|land(?:\s+use)?|transport|network)\s+efficien|\bhigh[\s-]efficiency\b|"
    # savings of carbon, energy or time, not money
    r"\b(?:carbon|co2|emissions?|energy|time|journey)\s+sav(?:ing|ings)\b(?!\s+(?:of|worth|totalling)\s+(?:about\s+|around\s+|approximately\s+|some\s+)?£)",
    re.I,
)
# The same, read over the whole clause.
NOT_SAVING_CLAUSE = re.compile(
    # a key-decision criterion ("result in savings or expenditure which is significant")
    r"\bsavings?\s+or\s+expenditure\b|\bexpenditure\s+or\s+(?:the\s+making\s+of\s+)?savings?\b|"
    # planning: policies "saved" from an old plan
    r"\bsaved\s+(?:\w+\s+){0,3}(?:plan|polic(?:y|ies))\b|\bpolic(?:y|ies)\s+(?:are|were|was|be|have\s+been)\s+saved\b|"
    # what savings are needed, not a statement of them
    r"\bwhat\s+(?:level\s+of\s+|the\s+)?savings?\b|"
    # progress reported on savings already stated elsewhere ("note the progress on the delivery of savings")
    r"\bprogress\s+(?:on|in|with|against|towards)\s+(?:the\s+)?(?:delivery\s+of\s+|delivering\s+)?(?:the\s+)?"
    r"(?:\w+\s+)?sav(?:ing|ings)\b|"
    # a question reported in minutes ("Cllr X asked whether savings ...")
    r"\b(?:questioned|asked|queried|enquired)\s+(?:what|whether|how|if)\b",
    re.I,
)
# what "save" saves when it saves money, within a few words: "save money", "save the council £2m", "save time and
# money", "save on costs" (not "save lives", "save the library")
SAVE_VERB = re.compile(r"^sav(?:e|es|ed)$", re.I)
MONEY_OBJECT = re.compile(
    r"[^.;:!?\n]{0,40}?(?:£|\b(?:money|costs?|cash|funds?|funding|budgets?|spend\w*|expenditure|amounts?|sums?|"
    r"taxpayers?|bills?|fees?)\b)",
    re.I,
)
# the cue as a word of a body's name ("the Efficiency and Reform Group"), not a statement
IN_NAME = re.compile(
    r"(?:\s+(?:and|&|of|for)?\s*[A-Z][\w’'-]*){1,4}?\s+(?:Group|Board|Unit|Team|Office|Panel|Directorate)\b"
)
# "would not achieve the full saving", "could not be delivered": a saving that is not one
NEGATED = re.compile(
    r"\b(?:not|never|cannot|unable\s+to|fail(?:ed|s)?\s+to)\s+"
    # "not be", "cannot now be", "is not expected to", "is not likely to"
    r"(?:(?:be|now|expected|likely|intended|planned|going|to)\s+){0,3}(?:\w+\s+)?"
    r"(?:achieve|achieved|deliver|delivered|realise|realised|make|made|generate|produce|meet|release|yield)\b|"
    r"\bnot\s+offset\s+by\b|\bno\s+longer\s+(?:be\s+)?(?:achievable|deliverable)\b",
    re.I,
)
# a question (minutes of a meeting record them in bold, often without the mark on the same line)
QUESTION = re.compile(
    r"^\W*(?:(?:what|how|why|which|where|whether)\b|"
    r"(?:is|are|does|do|did|has|have|can|could|would|will|was|were)\b(?=[^.]*(?:\?|[^.!:;]\s*$)))",
    re.I,
)
# a clause that points at where savings are set out ("appendix F (individual savings ...)")
POINTER = re.compile(
    r"\b(?:appendix|appendices|annex)\b|"
    # "the savings set out in section 6", "the savings in Table 1": savings stated elsewhere, pointed at
    r"\bsav(?:ing|ings)\s+(?:(?:set\s+out|shown|described|listed|summarised|identified)\s+)?in\s+"
    r"(?:section|table|paragraph|para\.?)\s+\d",
    re.I,
)
# What becomes of savings stated elsewhere ("Savings will be tracked monthly", "The saving will be retained in
# the pool", "Savings will be shared between the partners"): handling, not a statement that money is saved
HANDLING = re.compile(
    r"\bsav(?:ing|ings)\s+(?:(?:will|would|are|is|were|was|to|shall|should|must)\s+)?(?:be\s+|being\s+|been\s+)?"
    r"(?:tracked|monitored|shared|split|allocated|distributed|apportioned|reported|reviewed|reflected|built\s+into|"
    r"included|reinvested|retained|ring-?fenced|carried\s+forward|treated|recorded|validated|tested)\b",
    re.I,
)
# savings as the plain statement they are: the noun, not a weaker cue ("lower costs", "reduced duplication")
STRONG_CUE = re.compile(
    r"^(?:sav(?:ing|ings|ed|es)|save|efficiencies|cashable|cost\s+avoidance|avoided\s+costs?|costs?\s+avoided|"
    r"avoid\w*\s+(?:\w+\s+){0,2}costs?\s+of\s+)$",
    re.I,
)
# a cost cut by a stated sum: as plain a saving as the noun
_ABOUT = r"(?:an?\s+)?(?:estimated\s+|about\s+|around\s+|approximately\s+|some\s+|over\s+|nearly\s+|almost\s+)?"
COST_CUT_BY = re.compile(
    r"\b(?:reduc(?:ed|es|ing)|lower(?:ed|s|ing)?|cut)\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:\w+\s+){0,2}"
    rf"(?:costs?|spend(?:ing)?|overheads)\s+by\s+{_ABOUT}£|\bcosts?\s+(?:(?:have|has|had|will|would|could|can)\s+)?"
    rf"(?:be(?:en)?\s+)?(?:reduced|cut|lowered)\s+by\s+{_ABOUT}£",
    re.I,
)  # "reduced costs by £80,000", "costs were cut by an estimated £350,000"
# a clause that states something has a verb; a label ("Cost saving against outsourcing") has none
# "more efficient" is a saving only where the clause says what costs less: "more efficient and reducing running costs"
# is one, "it would be more efficient if forces published the data themselves" a general aim (GUIDELINES)
EFFICIENT_ADJ = re.compile(r"^(?:more|greater|increased?)\s+(?:effective\s+and\s+)?efficient$", re.I)
COST_WORD = re.compile(
    r"£|\b(?:costs?|spend(?:ing)?|budgets?|expenditure|overheads?|duplication|sav(?:e|es|ed|ing|ings)|cheaper)\b", re.I
)
VERB = re.compile(
    r"\b(?:is|are|was|were|will|would|shall|should|can|could|may|might|must|has|have|had|be|been|being|"
    r"\w+ed|\w+s\s+(?:to|a|an|the|£)|save[sd]?|deliver|achieve|make|reduce|cut|identify)\b",
    re.I,
)


YEAR = re.compile(r"\b(?:19|20)\d\d(?:\s*[/-]\s*(?:19|20)?\d\d)?\b")  # "2025", "2025/26", "2024-2025"


def _money_cell(text: str, start: int, end: int) -> bool:
    """True when a table cell holds a sum alone ("£12,400", "38,500", "£1.2m")."""
    return bool(re.fullmatch(r"£?\s*\d[\d,]*(?:\.\d+)?\s*(?:bn|m|k|million)?", text[start:end].strip(), re.I))


def _table_sums_once(cands: list[Candidate]) -> list[Candidate]:
    """A table's figure that the text also states, or that the table repeats, is one item (GUIDELINES: one item
    per distinct sum): the sentence's statement is kept, or the table's first row with it."""
    stated = {c.data["amount"] for c in cands if c.rule != "table-column" and c.data["amount"] is not None}
    seen: set = set()
    out = []
    for c in cands:
        if c.rule == "table-column":
            if c.data["amount"] in stated or c.data["amount"] in seen:
                continue
            seen.add(c.data["amount"])
        out.append(c)
    return out


def _whole_line(text: str, start: int, end: int) -> bool:
    """True when the span is a line of its own (a heading, a list item), not part of running text."""
    before = text[text.rfind("\n", 0, start) + 1 : start].strip(" \t-•*·")
    nl = text.find("\n", end)
    after = text[end : nl if nl >= 0 else len(text)].strip()
    return not before and not after


HYPOTHETICAL = re.compile(r"\b(?:would|could|might|may|if|whether|options?)\b", re.I)
# Savings only as the subject of a later report ("will update on progress, including financial savings
# estimates", "details of the savings will be reported"): no saving is stated.
REPORTING_ON = re.compile(
    r"\b(?:will|to)\s+report\s+(?:on\s+)?(?:the\s+|any\s+)?(?:\w+\s+)?sav(?:ing|ings)$|\b(?:update|report(?:\s+back)?|inform\s+\w+)\s+on\s+(?:[\w,]+\s+){0,6}?(?:financial\s+)?"
    r"sav(?:ing|ings)\s*(?:estimates?|figures|details|information)?$|"
    r"\b(?:details|information)\s+(?:of|on|about)\s+(?:the\s+|any\s+)?(?:financial\s+)?sav(?:ing|ings)$",
    re.I,
)
# an answer that speaks of what is spent or received is not a saving
COST_WORDS = re.compile(
    r"\b(?:cost(?:s|ing)?|budget|grant|funding|spend|spent|income|price|charges?|fees?|invest(?:ed|ment)?)\b", re.I
)
MONEY = re.compile(r"£\s*\d[\d,]*(?:\.\d+)?\s*(?:bn|billion|million|mn|m|k|thousand)?(?![a-z])", re.I)
KINDS = (
    # what still has to be found comes first: "savings still to be delivered" is not achieved
    (
        "target",
        re.compile(
            r"\b(?:target|aim|(?<!on\strack\s)(?<!expected\s)(?<!projected\s)(?<!forecast\s)(?<!planned\s)(?<!likely\s)to\s+(?:achieve|make|deliver|identify|find)|required(?:\s+to)?|requirement|needs?\s+to|"
            r"needed|still\s+(?:to\s+be|required|needed|outstanding)|to\s+be\s+(?:found|identified|delivered|achieved|"
            r"made)|remaining|gap|ensure|make\s+sure|makes\s+sure)\b",
            re.I,
        ),
    ),
    (
        "projected",
        re.compile(
            r"\b(?:will|would|could|anticipated|projected|expected|estimated?|potential|forecast|planned|"
            r"on\s+track|identified)\b",
            re.I,
        ),
    ),
    (
        "achieved",
        re.compile(
            r"\b(?:achieved|(?:has|have)\s+already|has\s+(?:saved|produced|delivered|created|made)|have\s+(?:saved|produced|delivered|"
            r"created|made|been\s+achieved)|saved|saves|delivered|realised|resulted\s+in|(?<=savings\s)made)\b",
            re.I,
        ),
    ),
)
PERIOD = re.compile(
    r"\b(?:per\s+(?:annum|year|month)|a\s+year|each\s+year|annually|over\s+(?:the\s+)?(?:next\s+)?\w+\s+years|"
    r"(?:in|for|during)\s+(?:19|20)\d{2}[/-]\d{2,4})\b",
    re.I,
)
MAX_WORDS = 45


NEAR = 2000  # characters either side of a cue searched first when its sentence is longer than this


def clause_around(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause of ``text[lo:hi]`` holding ``start:end``: cut at ; : or a dash, then trimmed to MAX_WORDS.

    A "sentence" of thousands of words (text without full stops) is searched near the cue first: a clause is at
    most MAX_WORDS words, so a result well inside that window is the one the whole sentence gives, and each cue
    costs a constant, not the sentence's length (which made such a file quadratic).
    """
    if hi - lo > 3 * NEAR:
        a, b = max(lo, start - NEAR), min(hi, end + NEAR)
        s, e = _clause(text, start, end, a, b)
        if (a == lo or s >= a + NEAR // 10) and (b == hi or e <= b - NEAR // 10):
            return s, e
    return _clause(text, start, end, lo, hi)


def _clause(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
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


def saving_kind(clause: str, at: int | None = None) -> str:
    """achieved / target / projected from the wording nearest ``at`` (the figure or the cue); a negated
    saving ("could not be delivered") is never achieved."""
    if NEGATED.search(clause):
        return "unspecified"
    at = len(clause) // 2 if at is None else at
    best: tuple[int, int, str] | None = None
    for rank, (kind, pattern) in enumerate(KINDS):
        for m in pattern.finditer(clause):
            dist = min(abs(m.start() - at), abs(m.end() - at))
            if best is None or (dist, rank) < best[:2]:
                best = (dist, rank, kind)
    return best[2] if best else "unspecified"


class SavingsExtractor:
    """One item per clause that states a saving."""

    name = "savings"
    field = "savings"

    def find(self, ctx: Context) -> list[Candidate]:
        text, out = ctx.text, []  # type: list[Candidate]
        heading_ranges = [(b.start, b.end) for b in ctx.document.blocks if b.kind in ("heading", "table_row")]
        heading_starts = [s for s, _ in heading_ranges]  # sorted, as blocks are: bisect, not a scan per cue
        out += self._table_savings(ctx)
        out += self._answers(ctx)
        cues = sorted([*CUE.finditer(text), *CUTS.finditer(text)], key=lambda m: m.start())
        for m in cues:
            h = bisect_right(heading_starts, m.start()) - 1
            if h >= 0 and m.start() < heading_ranges[h][1]:
                continue
            lo, hi = ctx.sentence_at(m.start())
            s, e = clause_around(text, m.start(), m.end(), lo, hi)
            clause = text[s:e]
            if (
                NOT_SAVING.search(text[max(s, m.start() - 12) : m.end() + 12])
                or NOT_SAVING_CLAUSE.search(clause)
                or re.search(r"\bnot\s+(?:a\s+)?sav", clause, re.I)
            ):
                continue
            if m.re is CUTS and NOT_CUT.search(clause):
                continue  # "without tangible cuts in services": no cut made
            if clause.rstrip().endswith("?"):
                continue  # a form's question ("existing or new saving?"), not a statement
            if out and out[-1].start <= m.start() < out[-1].end:
                continue  # a second cue in the same clause
            if m.group(0)[:1].isupper() and m.start() > lo and IN_NAME.match(text, m.end()):
                continue  # "the Efficiency & Reform Group": a name
            amount, money_at = self._amount(clause, m.start() - s)
            if amount is None and SAVE_VERB.match(m.group(0)) and not MONEY_OBJECT.match(text, m.end()):
                continue  # "save lives", "how to save your library": not money
            if amount is None and EFFICIENT_ADJ.match(m.group(0)) and not COST_WORD.search(clause):
                continue  # "more efficient and timely": an aim, not money saved
            if amount is None:
                amount, before = self._amount_before(ctx, s, m.start())
                if before is not None:  # the statement starts in the block before
                    s = max(ctx.sentence_at(before)[0], before - 200)
                    clause, money_at = text[s:e], before - s
            if amount is None and len(clause.split()) < 4:
                continue  # "Savings": a title, not a statement
            if amount is None and len(clause.split()) <= 8 and not VERB.search(clause) and _whole_line(text, s, e):
                continue  # "Cost saving against private outsourcing": a heading or a list's label (GUIDELINES)
            if amount is None and (
                REPORTING_ON.search(text[max(s, m.start() - 60) : m.end()])
                or NEGATED.search(clause)
                or QUESTION.match(text[lo:hi])
                or POINTER.search(clause)
                or HANDLING.search(clause)
            ):
                continue  # a promise to report, a saving not made, a question, a pointer to an appendix
            period = PERIOD.search(clause)
            strong = bool(
                STRONG_CUE.match(m.group(0))
                or re.match(r"\s+(?:sav(?:ing|ings)|gains?)\b", text[m.end() : m.end() + 12])
            )
            strong = strong or bool(
                amount is not None and COST_CUT_BY.search(clause)
            )  # "reduced running costs by £80,000"
            if amount is not None:
                conf, rule = (0.85 if strong and not NEGATED.search(clause) else 0.45), "money-cue"
            else:
                conf, rule = (0.7 if strong and not HYPOTHETICAL.search(clause) else 0.45), "cue"
            out.append(
                Candidate(
                    "savings",
                    s,
                    e,
                    {
                        "amount": amount,
                        "period": period.group(0) if period else None,
                        "kind": saving_kind(clause, money_at if money_at is not None else m.start() - s),
                        "text": " ".join(clause.split()),
                    },
                    confidence=conf,
                    extractor=self.name,
                    rule=rule,
                )
            )
        return self._dedupe(_table_sums_once(out))

    def _answers(self, ctx: Context) -> list[Candidate]:
        """Minutes of questions and answers: "What level of savings was anticipated?" then "A potential for up to
        £69m was identified." The answer's figure is the saving; kept for review (0.45)."""
        out, blocks, text = [], ctx.document.blocks, ctx.text
        for b, nxt in zip(blocks, blocks[1:]):
            q = text[b.start : b.end].strip()
            if not (QUESTION.match(q) and CUE.search(q) and len(q) < 300) or re.search(r"[.!;:]$", q):
                continue
            lo, hi = ctx.sentence_at(nxt.start)
            answer = text[lo:hi]
            money = MONEY.search(answer)
            if not money or COST_WORDS.search(answer):
                continue
            kind = saving_kind(q)
            out.append(
                Candidate(
                    "savings",
                    lo,
                    hi,
                    {
                        "amount": parse_amount(money.group(0)),
                        "period": None,
                        "kind": kind,
                        "text": " ".join(answer.split()),
                    },
                    confidence=0.45,
                    extractor=self.name,
                    rule="answer",
                )
            )
        return out

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
            hits = [
                k
                for k, c in enumerate(cells)
                if re.search(r"\bsav(?:ing|ings|ed)\b|\befficienc", c, re.I)
                and not re.search(r"\d", YEAR.sub("", c.replace("000", "")))  # "2025/26 saving" is a header
            ]
            if hits:
                col, thousands = hits[0], bool(re.search(r"£\s*'?000|£k\b", cells[hits[0]], re.I))
                continue
            if col is None or col >= len(cells):
                continue
            # the savings column's figures; where it is the rows' label ("Source of saving | Delivered 2024/25 |
            # Planned 2025/26"), every figure of the row, each a sum of its own
            columns = [col] if col > 0 or _money_cell(ctx.text, *b.cells[col]) else range(1, len(cells))
            for k in columns:
                s, e = b.cells[k]
                raw = ctx.text[s:e].strip()
                if not _money_cell(ctx.text, s, e) or (k != col and not raw.startswith("£")):
                    continue
                amount = parse_amount(raw if raw.startswith("£") else "£" + raw, thousands=thousands)
                out.append(
                    Candidate(
                        "savings",
                        b.start,
                        b.end,
                        {
                            "amount": amount,
                            "period": None,
                            "kind": "unspecified",
                            "text": " ".join(ctx.text[b.start : b.end].split()),
                        },
                        confidence=0.75,
                        extractor=self.name,
                        rule="table-column",
                    )
                )
        return out

    @staticmethod
    def _amount(clause: str, cue_at: int) -> tuple[float | None, int | None]:
        """The £ figure nearest the cue in the clause, in pounds, and where it is in the clause."""
        best = None
        for m in MONEY.finditer(clause):
            dist = abs(m.start() - cue_at)
            if dist <= 90 and (best is None or dist < best[0]):
                best = (dist, m.group(0), m.start())
        return (parse_amount(best[1]), best[2]) if best else (None, None)

    @staticmethod
    def _amount_before(ctx: Context, s: int, cue: int) -> tuple[float | None, int | None]:
        """A figure just before a clause that opens a block continuing an unfinished line ("deliver £2m (2024-" /
        "25 plan) of savings"): a page or line break the layout made into a new block."""
        i = ctx.document.block_index(s)
        if i is None or ctx.document.blocks[i].start != s:
            return None, None
        if i == 0:
            return None, None
        prev = ctx.document.blocks[i - 1]
        tail = ctx.text[prev.start : prev.end]
        if prev.kind != "paragraph" or re.search(r"[.;:!?]\s*$", tail):
            return None, None
        tail = tail[-120:]
        money = list(MONEY.finditer(tail))
        if not money or cue - s + len(tail) - money[-1].start() > 110:
            return None, None
        return parse_amount(money[-1].group(0)), prev.end - len(tail) + money[-1].start()

    @staticmethod
    def _dedupe(cands: list[Candidate]) -> list[Candidate]:
        """A statement repeated with the same amount and 85% of the same words is kept once. Only items sharing
        the amount and one of the new item's rarest words (15% + 1 of them) are compared, so this stays linear."""
        sets = [set(re.findall(r"[a-z]+", c.data["text"].lower())) for c in cands]
        freq: dict[str, int] = {}
        for words in sets:
            for w in words:
                freq[w] = freq.get(w, 0) + 1
        kept: list[Candidate] = []
        by_word: dict[tuple, list[set[str]]] = {}
        by_key: dict[tuple, list[set[str]]] = {}
        for c, words in zip(cands, sets):
            amount = c.data["amount"]
            keys = sorted(words, key=lambda w: (freq[w], w))[: len(words) * 15 // 100 + 1]
            near = [k for w in keys for k in by_word.get((amount, w), [])] + [
                k for w in words for k in by_key.get((amount, w), [])
            ]
            if words and any(len(words & k) / min(len(words), len(k)) >= 0.85 for k in near):
                continue
            kept.append(c)
            for w in words:
                by_word.setdefault((amount, w), []).append(words)
            for w in keys:
                by_key.setdefault((amount, w), []).append(words)
        return kept
