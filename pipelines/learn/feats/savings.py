"""Features of a savings candidate: the figure's size, its kind, and the words of its sentence."""

from __future__ import annotations

import math

from pipelines.extractors.base import Candidate, Context
from pipelines.learn.features import sentence_words


def features(ctx: Context, cand: Candidate) -> dict[str, float]:
    f: dict[str, float] = {"kind=" + str(cand.data.get("kind", "unspecified")): 1.0}
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
