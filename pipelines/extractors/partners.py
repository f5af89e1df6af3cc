"""partners extractor (being written)."""
from __future__ import annotations

from pipelines.extractors.base import Candidate, Context


class PartnersExtractor:
    name = "partners"
    field = "partners"

    def find(self, ctx: Context) -> list[Candidate]:
        return []
