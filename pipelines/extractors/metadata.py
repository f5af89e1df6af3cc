"""metadata extractor (being written)."""
from __future__ import annotations

from pipelines.extractors.base import Candidate, Context


class MetadataExtractor:
    name = "metadata"
    field = "metadata"

    def find(self, ctx: Context) -> list[Candidate]:
        return []
