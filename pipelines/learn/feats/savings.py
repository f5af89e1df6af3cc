"""Features of a savings candidate: the figure's size, its kind, and the words of its sentence."""

from __future__ import annotations

import math
import re

from pipelines.extractors.base import Candidate, Context
from pipelines.learn.features import sentence_words

# What the statement's cue is: money saved or cut ("savings", "efficiencies", "cuts", "£") or a quality of the
# work ("more efficient", "efficiency" in the singular), which the guidelines count only as money saved
_CUES = {
    "money": re.compile(r"\bsav(?:ing|ings|ed|e)\b|£\s?\d|\bcosts?\b|\bbudgets?\b|\bspend(?:ing)?\b", re.I),
    "efficiencies": re.compile(r"\befficiencies\b", re.I),
    "efficiency": re.compile(r"\befficiency\b|\befficient\b", re.I),
    "cut": re.compile(r"\bcuts?\b|\breduc\w+", re.I),
}


def features(ctx: Context, cand: Candidate) -> dict[str, float]:
    f: dict[str, float] = {"kind=" + str(cand.data.get("kind", "unspecified")): 1.0}
    quote = ctx.text[cand.start : cand.end]
    cues = [name for name, rx in _CUES.items() if rx.search(quote)]
    for name in cues:
        f["cue=" + name] = 1.0
    if cues == ["efficiency"]:
        f["only_efficiency"] = 1.0  # "more efficient to run from one office": no money in the clause
        f["only_efficiency|" + ctx.report_kind] = 1.0
    amount = cand.data.get("amount")
    if isinstance(amount, (int, float)) and amount > 0:
        f[f"mag={int(math.log10(amount))}"] = 1.0
    else:
        f["no_amount"] = 1.0
    if cand.data.get("period"):
        f["period"] = 1.0
    for w in sentence_words(ctx, cand):
        f["sw:" + w] = 1.0
    return f
