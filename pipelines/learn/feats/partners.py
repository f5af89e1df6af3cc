"""Features of a partners candidate beyond the generic ones (``pipelines/learn/features.py``).

Read from the signals ``pipelines/extractors/partner_cands.py`` works out once per document: the kind of body,
whether it wrote the report, what the report is about, the rules' score, how often and where it is named (title,
front sheet, sections, rolls of attendance, lists and tables with other bodies) and in what kind of sentences.
"""

from __future__ import annotations

import math

from pipelines.extractors.base import Candidate, Context
from pipelines.extractors.partner_cands import DocSignals, Signals, document_signals


def _signals(ctx: Context, cand: Candidate) -> tuple[DocSignals, Signals]:
    cached = ctx.__dict__.get("_partner_signals")
    doc = cached[1] if cached else document_signals(ctx, ctx.results.get("organisations", []))
    entry = cand.rule == "roll-entry"  # a body of a panel's roll that no organisation rule found
    default = Signals(mentions=1, roll=entry, member=entry, person=entry)
    return doc, doc.by_name.get(cand.data.get("name", ""), default)


def _bucket(n: int, edges: tuple[int, ...] = (1, 2, 3, 5, 8)) -> str:
    return str(next((e for e in edges if n <= e), edges[-1] + 1))


def features(ctx: Context, cand: Candidate) -> dict[str, float]:
    doc, s = _signals(ctx, cand)
    name = cand.data.get("name", "")
    okind = str(cand.data.get("kind") or "other")
    author = bool(doc.author) and name == doc.author
    score = doc.rule_score.get(name, 0.0)
    f: dict[str, float] = {
        "okind=" + okind: 1.0,
        "about=" + doc.about: 1.0,
        f"about|okind={doc.about}|{okind}": 1.0,
        f"rkind|okind={ctx.report_kind}|{okind}": 1.0,
        "author": float(author),
        f"author|about={author}|{doc.about}": 1.0,
        "has_id": float(bool(cand.data.get("id"))),
        "rscore": min(score, 8.0) / 4.0,
        f"rscoreb={min(int(score), 6)}": 1.0,
        "rkept": float(name in doc.rule_kept),
        "nment": math.log1p(s.mentions),
        "nment=" + _bucket(s.mentions): 1.0,
        "nsent": math.log1p(len(s.sentences)),
        "nsect=" + _bucket(len(s.sections)): 1.0,
        "share": s.mentions / max(1, sum(x.mentions for x in doc.by_name.values())),
        f"firstb={min(4, int(s.first * 5))}": 1.0,
        "front": float(s.front),
        "page1": float(s.page1),
        "title": float(s.title),
        "co_listed=" + _bucket(s.co_listed, (0, 1, 2, 4)): 1.0,
        "joint": math.log1p(s.joint),
        "joint_share": s.joint / max(1, s.mentions),
        "nojoint": float(s.joint == 0),
        "funding": float(s.funding > 0),
        "not_party_share": s.not_party / max(1, s.mentions),
        "roll": float(s.roll),
        "member": float(s.member),  # in a roll of members or apologies, not only of guests (in attendance, presenters)
        "apologies": float(s.apologies),
        "person": float(s.person),
        f"roll|person={s.roll}|{s.person}": 1.0,
        "norgs=" + _bucket(doc.orgs, (1, 2, 4, 8, 15)): 1.0,
        "roll_doc": float(doc.roll_orgs >= 3),
        f"roll_doc|roll={doc.roll_orgs >= 3}|{s.roll}": 1.0,
    }
    # Where the body stands among the document's others: partners are a report's most named and best scored.
    top_score = max(doc.rule_score.values(), default=0.0)
    most = max((x.mentions for x in doc.by_name.values()), default=1)
    rank = 1 + sum(1 for x in doc.by_name.values() if x.mentions > s.mentions)
    f["rel_score"] = score / top_score if top_score > 0 else 0.0
    f["top_score"] = float(top_score > 0 and score >= top_score)
    f["rel_ment"] = s.mentions / max(1, most)
    f["rank=" + _bucket(rank, (1, 2, 3, 5))] = 1.0
    for k in s.block_kinds:
        f["block=" + k] = 1.0
    return f
