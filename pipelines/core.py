"""extract_report(): one file (or Document) to a validated Report."""

from __future__ import annotations

import io
import logging
import os
from typing import BinaryIO

from extract import load_document
from extract.stream import load_stream
from models.document import Document
from models.report import PipelineInfo, Report, RunOptions
from pipelines.assemble import candidates_to_report
from pipelines.extractors import Context, get_extractors
from pipelines.learn import load_models
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
            ctx.results[extractor.field] = learned.judge(ctx, extractor.field, extractor.find(ctx))
        except Exception as e:  # noqa: BLE001 - one extractor's bug must not lose the other fields
            log.exception("extractor %s failed on %s", extractor.name, document.source.path)
            ctx.results[extractor.field] = []
            warnings.append(f"extractor {extractor.name} failed ({type(e).__name__}: {e}); its field is empty")
    report = candidates_to_report(
        document,
        ctx.results,
        version=PIPELINE_VERSION,
        model=model,
        warnings=warnings,
        learned=learned.tag,
        kind=ctx.kind,
    )
    options = RunOptions(**settings.result_options())
    info = PipelineInfo(version=PIPELINE_VERSION, model=model, options=options, learned=learned.tag)
    return report.model_copy(update={"pipeline": info})


def extract_report(source: str | os.PathLike[str] | bytes | BinaryIO, settings: Settings | None = None) -> Report:
    """Read a report and return its validated Report.

    Args:
        source: A path; or the report's bytes; or a file object open in binary mode (``open(p, "rb")``,
            ``io.BytesIO``, a response body). For bytes and streams the format is taken from the content, as
            for standard input on the command line, and ``source.path`` is the stream's file name or
            ``<bytes>``/``<stream>``.
        settings: Pipeline options (default ``Settings()``).

    Raises:
        CouncilxError: (a subclass naming the case) when the report cannot be read; its ``path`` names the file.
        TypeError: ``source`` is a file object open in text mode.
    """
    settings = settings or Settings()
    limits = dict(
        password=settings.password,
        max_pages=settings.max_pages,
        ocr=settings.ocr,
        max_text_bytes=int(settings.max_mb * 1e6),
        max_bytes=int(settings.max_mb * 4e6),
    )
    if isinstance(source, (bytes, bytearray, memoryview)):
        document = load_stream(io.BytesIO(bytes(source)), "<bytes>", **limits)  # type: ignore[arg-type]
    elif hasattr(source, "read"):
        if isinstance(source, io.TextIOBase):
            raise TypeError("extract_report needs a file opened in binary mode: open(path, 'rb')")
        name = getattr(source, "name", None)
        label = os.path.abspath(name) if isinstance(name, str) else "<stream>"
        document = load_stream(source, label, **limits)  # type: ignore[arg-type]
    else:
        document = load_document(source, **limits)  # type: ignore[arg-type]
    return document_to_report(document, settings)


def report_to_json(report: Report) -> str:
    """The report as pretty JSON text (what the CLI writes)."""
    return report.model_dump_json(indent=2) + "\n"
