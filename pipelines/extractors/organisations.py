"""organisations extractor (being written)."""
from __future__ import annotations

from pipelines.extractors.base import Candidate, Context


class OrganisationsExtractor:
    name = "organisations"
    field = "organisations"

    def find(self, ctx: Context) -> list[Candidate]:
        return []
