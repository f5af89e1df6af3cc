"""HTML views for people: a review page per report and an overview page per batch."""

from pipelines.render.overview import render_overview
from pipelines.render.review import render_review

__all__ = ["render_review", "render_overview"]
