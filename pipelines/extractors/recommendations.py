"""recommendations extractor (being written)."""
from __future__ import annotations

from pipelines.extractors.base import Candidate, Context


class RecommendationsExtractor:
    name = "recommendations"
    field = "recommendations"

    def find(self, ctx: Context) -> list[Candidate]:
        return []
