"""extract_report(): one file (or Document) to a validated Report."""

from __future__ import annotations

import logging
from pathlib import Path

from extract import load_document
from models.document import Document
from models.report import Report
from pipelines.assemble import candidates_to_report
from pipelines.extractors import Context, get_extractors
from pipelines.learn import apply_model, load_models
from pipelines.learn.store import MODELS_MISSING_WARNING, models_wanted
from pipelines.nlp import MODEL_MISSING_WARNING, build_nlp
from pipelines.settings import PIPELINE_VERSION, Settings

log = logging.getLogger(__name__)


def document_to_report(document: Document, settings: Settings | None = None) -> Report:
    """Run every registered extractor over a Document and assemble the Report."""
    settings = settings or Settings()
    nlp, model = build_nlp(settings.use_model)
    warnings: list[str] = []
    if settings.use_model and model is None:
        warnings.append(MODEL_MISSING_WARNING)
    ctx = Context(document=document, nlp=nlp, has_model=model is not None)
    learned = load_models(settings.learned)
    if settings.learned and not learned.models and models_wanted():
        warnings.append(MODELS_MISSING_WARNING)
    for extractor in get_extractors(list(settings.extractors) if settings.extractors else None):
        try:
            ctx.results[extractor.field] = apply_model(ctx, learned.get(extractor.field), extractor.find(ctx))
        except Exception as e:  # noqa: BLE001 - one extractor's bug must not lose the other fields
            log.exception("extractor %s failed on %s", extractor.name, document.source.path)
            ctx.results[extractor.field] = []
            warnings.append(f"extractor {extractor.name} failed ({type(e).__name__}: {e}); its field is empty")
    return candidates_to_report(
        document, ctx.results, version=PIPELINE_VERSION, model=model, warnings=warnings, learned=learned.tag
    )


def extract_report(source: str | Path, settings: Settings | None = None) -> Report:
    """Read a report file and return its validated Report.

    Raises:
        CouncilxError: (a subclass naming the case) when the file cannot be read.
    """
    settings = settings or Settings()
    document = load_document(
        source,
        password=settings.password,
        max_pages=settings.max_pages,
        ocr=settings.ocr,
        max_text_bytes=int(settings.max_mb * 1e6),
        max_bytes=int(settings.max_mb * 4e6),
    )
    return document_to_report(document, settings)


def report_to_json(report: Report) -> str:
    """The report as pretty JSON text (what the CLI writes)."""
    return report.model_dump_json(indent=2) + "\n"
