"""workstreams extractor (being written)."""
from __future__ import annotations

from pipelines.extractors.base import Candidate, Context


class WorkstreamsExtractor:
    name = "workstreams"
    field = "workstreams"

    def find(self, ctx: Context) -> list[Candidate]:
        return []
