"""Partners: the organisations party to the partnership or joint arrangement the report is about.

Reads the organisations already found and scores each by where it is named: in the title or
purpose, in sentences that describe joint working ("partnership between", "with", "jointly",
"Memorandum of Understanding", "commissioned", "funded by"), or in a list of a partnership's
members. The authoring council (pipelines/extractors/authoring.py) joins when others are found; what the report
is about (about_joint_work) decides whether a lone author is a party and whether a routine report has any.
A partnership's own name is not a partner. Every other organisation the rules do not keep is proposed as a
``cand-org`` candidate (``partner_cands.py``) for the learned model to judge; without a model proposals are dropped.
"""

from __future__ import annotations

import re
from collections import defaultdict

from pipelines.extractors.authoring import authoring_council, council_metadata, domain_metadata
from pipelines.extractors.base import Candidate, Context, settled
from pipelines.extractors.org_lists import partner_spans
from pipelines.extractors.organisations import COUNCIL_LIST, MEETING_BODY
from pipelines.extractors.partner_cands import document_signals, proposals, roll_partners

CUES = re.compile(
    r"\bpartner(?:ship|ships|s|ing)?\b|\bjoint(?:ly)?\b|\bshared?\b|\bcollaborat\w*|\bmemorandum\b|\bagreement\b|"
    r"\bwork(?:ing|s)?\s+(?:closely\s+)?(?:together|with)\b|\bbetween\b|\bboth\s+(?:councils|authorities)\b|"
    r"\bcommission(?:ed|ing)\b|\bon\s+behalf\s+of\b|\bfunded\s+by\b|\bgrant\b|\bin\s+conjunction\s+with\b|"
    r"\b(?:developed|agreed|delivered|produced|designed)\s+(?:jointly\s+)?with\b|\bhost(?:s|ed|ing)?\b|"
    r"\bled\s+by\b|\bsigned?\b|\bsupport\s+with\b|\bwith\s+the\b|\b(?:allocated|awarded)\s+to\b|"
    r"\bseconded\s+(?:from|to)\b|\b(?:undertaken|carried\s+out)\s+by\b|\badvice\s+(?:\w+\s+)?from\b",
    re.I,
)
STRONG = re.compile(
    r"\b(?:partnership|agreement|collaboration|arrangement|memorandum(?:\s+of\s+understanding)?|"
    r"joint\s+venture|shared\s+service)\s+(?:between|with)\b|"
    # "a joint waste collection contract with East Herts District Council"
    r"\bjoint\s+(?:[\w-]+\s+){0,4}?(?:contracts?|services?|arrangements?|procurement|committee|board|team|unit|bid|"
    r"scheme|project|programme|posts?|appointment)\s+(?:between|with)\b",
    re.I,
)
# Bodies that are together the subject of joint work: "Wandsworth, Richmond and Kingston Councils are working
# together to ...", "the two councils have jointly commissioned ..." (with two bodies or more named in the sentence)
TOGETHER = re.compile(
    r"\b(?:are|were|have\s+been|will\s+be|continue\s+to\s+be|have|will|to)\s+(?:now\s+|already\s+)?"
    r"(?:working\s+(?:closely\s+)?together|work(?:ing)?\s+jointly|collaborating|jointly\s+(?:\w+ed|\w+ing|fund|commission|"
    r"deliver|develop|procure|run)|sharing\s+(?:a|an|the|their|one)\b|share[ds]?\s+(?:a|an|the|their|one)\b|"
    r"(?:a|an|one)\s+(?:joint|shared|single\s+shared)\s+\w+)",
    re.I,
)  # "X and Y have shared a single officer structure since 2011", "... have a shared planning service"
# Sentences that list the parties: "a partnership of ...", "the members of the Board include ...",
# "... are statutory members of the Partnership".
MEMBER_LIST = re.compile(
    r"\b(?:partnership|consortium|alliance|group|collaboration)\s+(?:of|between)\b|"
    r"\b(?:partners|members|membership)(?:\s+of\s+the\s+\w+)?\s+(?:are|include|includes|including|comprise|"
    r"comprises|consists?\s+of|is\s+made\s+up\s+of)\b|\bpartner\s+(?:organisations|agencies|bodies)\s*(?:are|include|:)|"
    r"\b(?:are|is|as)\s+(?:\w+\s+)?(?:members?|partners?|signator(?:y|ies))\s+(?:of|to)\b",
    re.I,
)
# A sentence that names bodies as paid, contracted or consulted: its partnership words ("the partnership's
# print contract with X", "consultation with the Environment Agency") make none of its bodies a party
# (GUIDELINES: not a body that is only consulted, regulated, cited or paid)
PAID_OR_CONSULTED = re.compile(
    r"\b(?:paid|payments?|invoice[sd]?|fees?|contractors?|suppliers?|consultan(?:ts?|cy)|appointed|tender\w*|"
    r"procured|contracts?\s+(?:was\s+|were\s+|has\s+been\s+)?awarded|awarded\s+(?:the|a|an)\s+(?:\w+\s+){0,3}contract|"
    r"consulted|consultees?|consultation\s+(?:with|responses?))\b",
    re.I,
)
# A company or consultancy by its name: a party only where a list, a roll or a sentence of joint work makes it one
COMPANY = re.compile(r"\b(?:Ltd|Limited|plc|PLC|LLP|Consulting|Consultancy|Consultants|Associates)\.?$")
NOT_PARTNER_KINDS = {"partnership"}
REGULATOR = re.compile(
    r"\b(?:Regulator|Ombudsman|Inspectorate)\b|^Of(?:sted|wat|gem|com)$|^(?:Care\s+Quality|Charity|Electoral)\s+"
    r"Commission$|^(?:National\s+Audit\s+Office|Audit\s+(?:Scotland|Wales|Commission)|Health\s+and\s+Safety\s+Executive)$"
)
TITLE_CUE = re.compile(
    r"\b(?:partnership|partnering|joint|shared|collaborat\w*|commission(?:ed|ing)|contracts?|"
    r"agreement|service\s+board|wellbeing\s+board|partnership\s+board|working\s+together|alliance|"
    r"consortium)\b",
    re.I,
)
# Titles of reports that are not about joint work: routine business, budgets, governance, planning applications.
ROUTINE_TITLE = re.compile(
    r"\b(?:agenda(?!\s+(?:item|no\b|number))|minutes|(?<!regeneration\s)budget|outturn|treasury|statement\s+of\s+accounts|governance|"
    r"audit\s+committee|constitution|standing\s+orders|forward\s+plan|work\s+programme|members[’']?\s+allowances|"
    r"council\s+tax|planning\s+(?:application|permission)|application\s+(?:for|no\b|number)|"
    r"listed\s+building\s+consent)\b",
    re.I,
)
ASSOCIATION = re.compile(r"\b(?:Association|Network|Society|Federation)\b")
THRESHOLD = 2.0
RECURRING = 5  # sentences naming an organisation that make it a party even on a weak score
LISTED = 3  # bodies named together in one sentence that make a list
ROLL_BODIES = 3  # bodies a roll of attendance names, each after a member's name, that make a joint panel or board
RECURRING_JOINT = 3  # the same, in a report about joint work


class PartnersExtractor:
    """Scores organisations by the places they are named and keeps the parties."""

    name = "partners"
    field = "partners"

    def find(self, ctx: Context) -> list[Candidate]:
        bodies = settled(ctx.results.get("organisations", []))
        found = authoring_council(ctx, bodies)
        ctx.results.setdefault("metadata", []).extend(council_metadata(ctx, found) if found else domain_metadata(ctx))
        # the body the document is of (its panel, its board) is not a party to itself
        orgs = [c for c in bodies if c.data.get("kind") not in NOT_PARTNER_KINDS and c.rule != MEETING_BODY]
        if not orgs:
            return []
        signals = document_signals(ctx, orgs)
        roll = {n for n, s in signals.by_name.items() if s.member and s.person}
        # a regulator or ombudsman regulates, inspects or hears complaints: not a party (GUIDELINES), unless it sits
        # on the panel whose roll names it
        orgs = [c for c in orgs if not REGULATOR.search(c.data["name"]) or c.data["name"] in roll]
        if not orgs:
            return []
        kept, score, about = self._rules(ctx, found, orgs, roll if len(roll) >= ROLL_BODIES else set())
        signals.rule_score, signals.about = dict(score), about
        signals.rule_kept = {c.data["name"] for c in kept}
        signals.author = found[0].data["name"] if found else None
        if len(roll) >= ROLL_BODIES:
            kept += roll_partners(signals.entries)  # bodies of the panel's roll that no organisation rule knows
        return kept + proposals(orgs, signals.rule_kept)

    def _rules(
        self, ctx: Context, found: tuple[Candidate, str] | None, orgs: list[Candidate], roll: set[str]
    ) -> tuple[list[Candidate], dict[str, float], str]:
        """(the parties the rules keep, every name's score, what the report is about). ``roll``: the bodies that
        the members of a joint panel or board, as its roll of attendance names them, sit for."""
        score: dict[str, float] = defaultdict(float)
        first: dict[str, Candidate] = {}
        key_spans = self._key_spans(ctx)
        member_spans = partner_spans(ctx.text, ctx.document.blocks)
        member_spans += [(c.start, c.end) for c in orgs if c.rule == COUNCIL_LIST]  # a coalition's member councils
        counted: set[tuple[str, int]] = set()
        about = about_joint_work(ctx)
        named_in: dict[int, set[str]] = defaultdict(set)
        listed: set[str] = set()
        cued: set[str] = set()  # named at least once where a sentence, list or column says they work together
        strong: set[str] = set()  # named where a sentence says it is a party ("a joint contract with X")
        for c in orgs:
            named_in[ctx.sentence_at(c.start)[0]].add(c.data["name"])
        for c in orgs:
            name = c.data["name"]
            first.setdefault(name, c)
            if any(s <= c.start < e for s, e in key_spans):
                score[name] += 2.0 if (name, -1) not in counted else 0.0
                counted.add((name, -1))
            if any(s <= c.start < e for s, e in member_spans) and (name, -2) not in counted:
                score[name] += 2.0  # named in a list of partners or a table's partner column
                counted.add((name, -2))
                cued.add(name)
            sent = ctx.sentence_at(c.start)
            if (name, sent[0]) in counted:
                continue
            counted.add((name, sent[0]))
            text = ctx.text[sent[0] : sent[1]]
            joint = STRONG.search(text) or (len(named_in[sent[0]]) >= 2 and TOGETHER.search(text))
            if PAID_OR_CONSULTED.search(text) and not joint:
                continue  # named as paid, contracted or consulted
            if MEMBER_LIST.search(text):
                score[name] += 2.0
                cued.add(name)
            if CUES.search(text):
                score[name] += 1.0
                cued.add(name)
            if joint:
                score[name] += 1.0
                if about != "minutes":  # in minutes of routine business a "joint meeting with X" makes no party
                    strong.add(name)
            if about == "joint" and len(named_in[sent[0]]) >= LISTED and CUES.search(text) and c.rule != "place-list":
                score[name] += 1.0  # one of the bodies a partnership report lists as working on or funded for a thing
                listed.add(name)
        mentions: dict[str, int] = defaultdict(int)
        for name, start in counted:
            if start >= 0:
                mentions[name] += 1
        # A body the report keeps coming back to (in several sentences, one of them about working together)
        # is a party to it: the funder and overseer of a programme the council delivers, say.
        for n in roll:
            score[n] += 2.0
            cued.add(n)
        strong |= {c.data["name"] for c in orgs if c.rule == COUNCIL_LIST}  # a coalition's councils are its parties
        routine = about in ("routine", "minutes")
        if routine and not roll and not strong:
            return [], score, about  # an agenda, a budget, governance: bodies named, but no joint work the subject
        recurring = RECURRING_JOINT if about == "joint" else RECURRING
        partners = [n for n, v in score.items() if v >= THRESHOLD or (v >= 1 and mentions[n] >= recurring)]
        # Networks and associations of councils are named for their guidance far more often than as a party.
        partners = [n for n in partners if not _association(first[n]) or score[n] >= 3 or n in roll]
        # a company or consultancy is a supplier unless a list of parties, a roll or a joint-work sentence names it
        partners = [n for n in partners if not COMPANY.search(n) or n in roll or n in strong or (n, -2) in counted]
        if routine:
            # minutes of a joint body: the bodies its members sit for; a budget's "joint contract with X": X
            partners = [n for n in partners if n in roll or n in strong]
        author = found[0].data["name"] if found else None
        if routine and author not in roll and not (partners and strong):
            author = None
        if author and partners and author not in partners:
            partners.append(author)
            score[author] = max(score[author], THRESHOLD)
        if author and partners == [author] and about != "joint":
            partners = []  # the author alone, in a report not about joint work: an internal matter
        if author and not partners and about == "joint":
            partners.append(author)  # "Partnership Working" by a body whose partners are not named
        out = []
        for n in partners:
            c = first[n]
            conf = min(0.95, 0.4 + 0.1 * score[n], max(c.confidence, 0.3))
            if first[n].data.get("kind") == "government department" and score[n] < 4:
                conf = min(conf, 0.45)  # a funder or regulator, party to the arrangement only sometimes
            if n in listed and score[n] < THRESHOLD + 1:
                conf = min(conf, 0.45)  # a party only by the list it is in: kept for review
            if n not in cued or (routine and n not in roll):
                conf = min(conf, 0.45)  # named only near the top, or a party in routine business: for review
            if n == author:
                conf = max(conf, 0.8 if about == "joint" or len(partners) > 1 else 0.45)
            out.append(
                Candidate(
                    "partners",
                    c.start,
                    c.end,
                    dict(c.data),
                    confidence=conf,
                    extractor=self.name,
                    rule=f"score-{score[n]:.1f}",
                    extra_spans=[],
                )
            )
        return out, score, about

    @staticmethod
    def _key_spans(ctx: Context) -> list[tuple[int, int]]:
        """Title and purpose: metadata evidence, the first blocks and any 'purpose' paragraph."""
        spans = []
        for c in ctx.results.get("metadata", []):
            if c.data.get("key") in ("title", "purpose") and not c.rule.startswith("cand-"):  # not proposals
                spans.append((c.start, c.end))
        blocks = ctx.document.blocks
        for i, b in enumerate(blocks[:40]):
            if re.search(r"purpose|summary", ctx.text[b.start : b.end][:40], re.I) and i + 1 < len(blocks):
                spans.append((b.start, blocks[i + 1].end))
        return spans


def _association(c: Candidate) -> bool:
    """An association or network of councils or officers ("Local Government Association", "Kent Association of
    Local Councils"), not a charity that is a society by name ("Alzheimer's Society")."""
    name = c.data["name"]
    return c.data.get("kind") == "association" or bool(ASSOCIATION.search(name) and re.search(r"\bof\b", name))


def about_joint_work(ctx: Context) -> str:
    """What the report is about, for partners: 'joint' (the report-kind classifier says partnership, or its title
    names a partnership, joint or shared work, a contract or commissioning), 'minutes' (of routine business: only the
    bodies a roll of attendance names make parties, not "a joint meeting with X"), 'routine' (an agenda, a budget,
    governance, a planning application: "a joint contract with X" still names a party) or 'unknown'. The one place
    to swap in another classifier.
    """
    titles = [
        c.data.get("value", "")
        for c in ctx.results.get("metadata", [])
        if c.data.get("key") == "title" and not c.rule.startswith("cand-")  # the rules' titles, not proposals
    ]
    kind = _classified_kind(ctx)
    if (
        kind == "partnership"
        or any(TITLE_CUE.search(t) for t in titles)
        or partner_spans(ctx.text, ctx.document.blocks)
    ):
        return "joint"  # (a list of partners or a table's partner column says the report is about joint work)
    heads = [ctx.text[b.start : b.end][:200] for b in ctx.document.blocks[:4]]
    if kind in ("budget", "minutes") or any(ROUTINE_TITLE.search(t) for t in titles + heads):
        # Minutes whose item is itself about joint work ("12. Joint Procurement Service with ...") are not routine.
        items = [ctx.text[b.start : b.end] for b in ctx.document.blocks[:8] if b.end - b.start < 120]
        if any(TITLE_CUE.search(t) for t in items):
            return "unknown"
        return "minutes" if kind == "minutes" else "routine"
    return "unknown"


def _classified_kind(ctx: Context) -> str | None:
    """metadata.kind from a metadata candidate or the report-kind classifier (pipelines/report_kind.py) where the
    tree has one; None otherwise."""
    kinds = [c.data.get("value") for c in ctx.results.get("metadata", []) if c.data.get("key") == "kind"]
    if kinds:
        return kinds[0]
    return ctx.report_kind
