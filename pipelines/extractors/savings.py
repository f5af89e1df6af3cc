"""savings extractor (being written)."""
from __future__ import annotations

from pipelines.extractors.base import Candidate, Context


class SavingsExtractor:
    name = "savings"
    field = "savings"

    def find(self, ctx: Context) -> list[Candidate]:
        return []
