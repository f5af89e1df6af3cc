"""What a model sees of a candidate: generic features every field shares, plus the field's own.

Features are named strings with a value (``"rule=orgs:gazetteer": 1.0``, ``"conf": 0.8``). Field
modules in ``feats/`` add their own; the metadata field's features are conjoined with the metadata key
(``title|...``) because a title and an author look nothing alike.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right

from pipelines.extractors.base import Candidate, Context
from pipelines.learn.linear import Features

_WORD = re.compile(r"[A-Za-z][A-Za-z'&-]*|\d+")


def words(text: str, limit: int = 40) -> list[str]:
    """Lower-cased word tokens, at most ``limit``."""
    return [w.lower() for w in _WORD.findall(text or "")[:limit]]


def item_text(ctx: Context, cand: Candidate) -> str:
    """The text the candidate stands for: its name, value, text or quoted span."""
    d = cand.data
    for key in ("name", "text", "value"):
        v = d.get(key)
        if isinstance(v, str) and v.strip():
            return v
    return ctx.text[cand.start : cand.end]


def _headings(ctx: Context) -> tuple[list[int], list[str]]:
    cache = ctx.__dict__.get("_learn_headings")
    if cache is None:
        blocks = [b for b in ctx.document.blocks if b.kind == "heading"]
        cache = ([b.start for b in blocks], [ctx.text[b.start : b.end] for b in blocks])
        ctx.__dict__["_learn_headings"] = cache
    return cache


def heading_words(ctx: Context, offset: int) -> list[str]:
    """Words of the nearest heading at or before ``offset`` (at most six)."""
    starts, texts = _headings(ctx)
    i = bisect_right(starts, offset) - 1
    return words(texts[i], 6) if i >= 0 else []


def block_at(ctx: Context, offset: int):
    """The block containing ``offset`` (or the nearest before it), or None."""
    cache = ctx.__dict__.get("_learn_blocks")
    if cache is None:
        blocks = list(ctx.document.blocks)
        cache = ([b.start for b in blocks], blocks)
        ctx.__dict__["_learn_blocks"] = cache
    i = bisect_right(cache[0], offset) - 1
    return cache[1][i] if i >= 0 else None


def note_siblings(ctx: Context, field: str, cands: list[Candidate]) -> None:
    """Remember how many candidates each rule proposed for ``field`` in this document (a feature)."""
    counts: dict[str, int] = {}
    for c in cands:
        counts[c.method] = counts.get(c.method, 0) + 1
    rules = sum(1 for c in cands if not c.rule.startswith("cand-"))  # proposals do not change a rule item's view
    ctx.__dict__.setdefault("_learn_siblings", {})[field] = (counts, rules)


def sentence_words(ctx: Context, cand: Candidate, limit: int = 40) -> list[str]:
    """Words of the sentence holding the candidate's start."""
    s, e = ctx.sentence_at(cand.start)
    return words(ctx.text[s:e], limit)


def _page_of(ctx: Context, offset: int) -> int:
    pages = ctx.document.pages
    for i, p in enumerate(pages):
        if p.start <= offset < p.end:
            return i
    return 0


def generic_features(ctx: Context, cand: Candidate) -> Features:
    """Features every field has: which rule proposed it, how sure it was, where it is, its words."""
    f: Features = {}
    rule = cand.method or "none"
    kind = ctx.report_kind
    f["bias_rule=" + rule] = 1.0
    f["ext=" + cand.extractor] = 1.0
    f["conf"] = float(cand.confidence)
    f[f"confb={round(cand.confidence, 1)}"] = 1.0
    f["kind=" + kind] = 1.0
    f[f"kind|rule={kind}|{rule}"] = 1.0
    f["fmt=" + ctx.document.source.format] = 1.0
    n = max(1, len(ctx.text))
    pos = cand.start / n
    f["pos"] = pos
    f[f"posb={min(4, int(pos * 5))}"] = 1.0
    f["page0"] = 1.0 if _page_of(ctx, cand.start) == 0 else 0.0
    f["mentions"] = math.log1p(len(cand.extra_spans))
    block = block_at(ctx, cand.start)
    if block is not None:
        f["block=" + block.kind] = 1.0
        f["bold"] = 1.0 if block.bold else 0.0
        f["labelled"] = 1.0 if block.label else 0.0
    counts, total = ctx.__dict__.get("_learn_siblings", {}).get(cand.field, ({}, 0))
    f["same_rule"] = math.log1p(counts.get(cand.method, 0))
    f["field_total"] = math.log1p(total)
    for w in heading_words(ctx, cand.start):
        f["head:" + w] = 1.0
    toks = words(item_text(ctx, cand))
    for w in toks[:30]:
        f["w:" + w] = 1.0
    if toks:
        f["first:" + toks[0]] = 1.0
        f["last:" + toks[-1]] = 1.0
    f[f"ntok={min(len(toks), 12)}"] = 1.0
    left = words(ctx.text[max(0, cand.start - 40) : cand.start])[-3:]
    for w in left:
        f["lw:" + w] = 1.0
    return f


def candidate_features(ctx: Context, cand: Candidate) -> Features:
    """All features of one candidate: generic plus its field's own."""
    from pipelines.learn.feats import FIELD_FEATURES  # field modules use this module's helpers

    f = generic_features(ctx, cand)
    own = FIELD_FEATURES.get(cand.field)
    if own is not None:
        f.update(own(ctx, cand))
    if cand.rule.startswith("cand-"):  # a proposal shares the rules' weights, with a bias of its own
        f["proposal"] = 1.0
    if cand.field == "metadata":
        key = str(cand.data.get("key"))
        f = {f"{key}|{k}": v for k, v in f.items()}
        f["key=" + key] = 1.0
    return f
