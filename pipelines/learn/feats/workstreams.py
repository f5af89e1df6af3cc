"""Features of a workstream candidate: does the document speak of joint work, and does the item read like an area of work."""

from __future__ import annotations

import math
import re

from pipelines.extractors.base import Candidate, Context

_JOINT = re.compile(
    r"\b(?:partnership|partners?|joint(?:ly)?|shared\s+services?|collaborat\w*|programme|strateg(?:y|ies)|"
    r"priorit(?:y|ies)|workstreams?|work\s*streams?|themes?|strands?|projects?)\b",
    re.I,
)
_VERBISH = re.compile(r"\b\w+(?:ing|ed)\b|\b(?:to|will|should|must)\b", re.I)


def _joint_density(ctx: Context) -> float:
    cached = ctx.__dict__.get("_learn_joint")
    if cached is None:
        n = max(1, len(ctx.text.split()))
        cached = 1000.0 * len(_JOINT.findall(ctx.text)) / n
        ctx.__dict__["_learn_joint"] = cached
    return cached


def features(ctx: Context, cand: Candidate) -> dict[str, float]:
    name = str(cand.data.get("name") or "")
    d = _joint_density(ctx)
    f = {
        "joint_density": min(d / 10.0, 3.0),
        f"jointb={min(5, int(math.log1p(d) * 2))}": 1.0,
        "has_lead": 1.0 if cand.data.get("lead") else 0.0,
        "verbish": 1.0 if _VERBISH.search(name) else 0.0,
        "long": 1.0 if len(name.split()) > 6 else 0.0,
        "punct_end": 1.0 if name.rstrip()[-1:] in ".:;," else 0.0,
        "digits": 1.0 if re.search(r"\d", name) else 0.0,
        "titlecase": 1.0 if name[:1].isupper() else 0.0,
    }
    return f
