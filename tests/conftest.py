"""Shared fixtures: documents from short texts, and running extractors over them."""

from __future__ import annotations

import pytest

from extract.text import text_to_document
from models import Document, SourceInfo
from pipelines.extractors import EXTRACTORS, Candidate, Context
from pipelines.learn.store import apply_model


def doc_from(text: str, markdown: bool = False) -> Document:
    """A Document from a short report text (UTF-8)."""
    fmt = "markdown" if markdown else "text"
    return text_to_document(
        text.encode("utf-8"), SourceInfo(path=f"t.{fmt}", sha256="0" * 64, format=fmt, pages=0), markdown=markdown
    )


def run_until(
    text: str, field: str, markdown: bool = False, nlp=None, proposals: bool = False
) -> tuple[Context, list[Candidate]]:
    """Run the registered extractors in order up to ``field`` (rules only unless ``nlp`` is given).

    As the pipeline does without a learned model, proposals (``cand-...`` rules) are left out, unless
    ``proposals`` asks for them.
    """

    ctx = Context(document=doc_from(text, markdown), nlp=nlp, has_model=nlp is not None)
    for extractor in EXTRACTORS:
        found = extractor.find(ctx)
        ctx.results[extractor.field] = found if proposals else apply_model(ctx, None, found)
        if extractor.field == field:
            return ctx, ctx.results[field]
    raise KeyError(field)


def assert_spans_quote_text(ctx: Context, cands: list[Candidate]) -> None:
    """Every candidate's span lies inside the document text."""
    for c in cands:
        assert 0 <= c.start <= c.end <= len(ctx.text), c


@pytest.fixture(scope="session")
def nlp_model():
    """The spaCy model, loaded once; tests using it skip when it is not installed."""
    from pipelines.nlp import build_nlp

    nlp, name = build_nlp(True)
    if name is None:
        pytest.skip("spaCy model en_core_web_sm is not installed")
    return nlp
