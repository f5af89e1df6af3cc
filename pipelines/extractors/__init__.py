"""The single registry of extractors, in the order they run (later ones may read earlier results)."""

from __future__ import annotations

from pipelines.extractors.base import Candidate, Context, Extractor
from pipelines.extractors.dates import DatesExtractor
from pipelines.extractors.metadata import MetadataExtractor
from pipelines.extractors.organisations import OrganisationsExtractor
from pipelines.extractors.partners import PartnersExtractor
from pipelines.extractors.recommendations import RecommendationsExtractor
from pipelines.extractors.savings import SavingsExtractor
from pipelines.extractors.workstreams import WorkstreamsExtractor

EXTRACTORS: tuple[Extractor, ...] = (
    MetadataExtractor(),
    OrganisationsExtractor(),
    PartnersExtractor(),
    WorkstreamsExtractor(),
    DatesExtractor(),
    SavingsExtractor(),
    RecommendationsExtractor(),
)


def get_extractors(names: list[str] | None = None) -> tuple[Extractor, ...]:
    """The registered extractors, or those whose ``name`` is in ``names``."""
    if not names:
        return EXTRACTORS
    unknown = set(names) - {e.name for e in EXTRACTORS}
    if unknown:
        raise ValueError(f"unknown extractor(s): {', '.join(sorted(unknown))}")
    return tuple(e for e in EXTRACTORS if e.name in names)


__all__ = ["EXTRACTORS", "get_extractors", "Candidate", "Context", "Extractor"]
