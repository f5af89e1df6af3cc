"""Field-specific features: one module per field, each with ``features(ctx, cand) -> dict[str, float]``."""

from __future__ import annotations

from collections.abc import Callable

from pipelines.learn.feats import dates, metadata, organisations, partners, recommendations, savings, workstreams

FIELD_FEATURES: dict[str, Callable] = {
    "organisations": organisations.features,
    "partners": partners.features,
    "workstreams": workstreams.features,
    "dates": dates.features,
    "savings": savings.features,
    "recommendations": recommendations.features,
    "metadata": metadata.features,
}
