"""Whether a candidate is right: the gold's matching rules (as ``score.py`` applies them), per field.

A gold file is the JSON of ``GUIDELINES.md``: ``metadata``, ``partners``, ``organisations``,
``workstreams``, ``dates``, ``savings``, ``recommendations``.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from pipelines.extractors.base import Candidate
from pipelines.register import resolve

_STOP = {"the", "of", "and", "a", "an", "to", "for", "in", "on", "at", "by", "with", "be", "is", "that", "as"}


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "").lower()
    s = s.replace("&", " and ").replace("\u2019", "'")
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def tokens(s: str) -> list[str]:
    toks = norm(s).split()
    return [t for t in toks if t not in _STOP] or toks


def token_f1(a: str, b: str) -> float:
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    pool, common = list(tb), 0
    for t in ta:
        if t in pool:
            pool.remove(t)
            common += 1
    return 2 * common / (len(ta) + len(tb))


def _council(name: str) -> str | None:
    a = resolve(name) if re.search(r"council|borough|authority|cyngor|corporation", name, re.I) else None
    return getattr(a, "code", None) or (getattr(a, "name", None) if a else None)


def same_org(a: str, b: str) -> bool:
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return False
    if na == nb or SequenceMatcher(None, na, nb).ratio() >= 0.9:
        return True
    ca = _council(a)
    return bool(ca) and ca == _council(b)


def same_workstream(a: str, b: str) -> bool:
    if norm(a) and norm(a) == norm(b):
        return True
    ta, tb = set(tokens(a)), set(tokens(b))
    return token_f1(a, b) >= 0.5 or bool(ta and tb and (ta <= tb or tb <= ta))


def same_recommendation(a: str, b: str) -> bool:
    return token_f1(a, b) >= 0.7


def same_saving(gold: dict, amount: float | None, quote: str) -> bool:
    ga = gold.get("amount")
    if isinstance(ga, (int, float)) and not isinstance(ga, bool):
        return amount is not None and abs(ga - amount) <= max(1.0, 0.005 * ga)
    gq, pq = tokens(gold.get("quote", "")), tokens(quote)
    if not gq or not pq or len(pq) > max(60, 4 * len(gq)):
        return False
    pool, common = list(pq), 0
    for t in gq:
        if t in pool:
            pool.remove(t)
            common += 1
    return common / len(gq) >= 0.6


def same_metadata(key: str, gold_value: str, value: str) -> bool:
    if not value:
        return False
    if key == "report_date":
        return value.strip()[:10] == gold_value
    if key == "title":
        return token_f1(gold_value, value) >= 0.8
    if key == "committee":
        return norm(gold_value) == norm(value) or token_f1(gold_value, value) >= 0.8
    ng, nv = norm(gold_value), norm(value)
    return bool(nv) and (ng in nv or nv in ng or token_f1(gold_value, value) >= 0.5)


def label(cand: Candidate, gold: dict, text: str) -> bool | None:
    """True when the candidate matches a gold item of its field; None when the gold cannot say."""
    d, f = cand.data, cand.field
    if f == "organisations":
        return any(same_org(g, d.get("name", "")) for g in gold.get("organisations", []) + gold.get("partners", []))
    if f == "partners":
        return any(same_org(g, d.get("name", "")) for g in gold.get("partners", []))
    if f == "workstreams":
        return any(
            isinstance(g, dict) and same_workstream(g.get("name", ""), d.get("name", ""))
            for g in gold.get("workstreams", [])
        )
    if f == "dates":
        return d.get("value") in set(gold.get("dates", []))
    if f == "savings":
        quote = d.get("text") or text[cand.start : cand.end]
        return any(isinstance(g, dict) and same_saving(g, d.get("amount"), quote) for g in gold.get("savings", []))
    if f == "recommendations":
        return any(same_recommendation(g, d.get("text", "")) for g in gold.get("recommendations", []))
    if f == "metadata":
        key, meta = d.get("key"), gold.get("metadata") or {}
        if key not in ("title", "committee", "report_date", "author") or key not in meta:
            return None
        gv = meta[key]
        if gv in (None, ""):
            return False  # the gold says the document gives no such value: any value is wrong
        return same_metadata(key, gv, str(d.get("value") or ""))
    return None


def gold_count(field: str, gold: dict) -> int:
    """How many gold items the field holds (for recall in threshold choice)."""
    if field == "organisations":
        return len({norm(x) for x in gold.get("organisations", []) + gold.get("partners", [])})
    if field == "metadata":
        return sum(1 for k in ("title", "committee", "report_date", "author") if (gold.get("metadata") or {}).get(k))
    items = gold.get(field, [])
    if field in ("partners", "recommendations"):
        return len({norm(x) for x in items if isinstance(x, str)})
    return len(items)
