"""Features of a workstreams candidate beyond the generic ones (``pipelines/learn/features.py``)."""

from __future__ import annotations

from pipelines.extractors.base import Candidate, Context


def features(ctx: Context, cand: Candidate) -> dict[str, float]:
    return {}
