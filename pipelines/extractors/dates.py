"""dates extractor (being written)."""
from __future__ import annotations

from pipelines.extractors.base import Candidate, Context


class DatesExtractor:
    name = "dates"
    field = "dates"

    def find(self, ctx: Context) -> list[Candidate]:
        return []
