"""review_page(): a report (or its JSON output) to its HTML review page."""

from __future__ import annotations

import json
from pathlib import Path

from extract import load_document
from models.errors import CouncilxError
from models.report import Report
from pipelines.core import document_to_report
from pipelines.output import find_source, refuse_clobber, refuse_foreign, write_text_atomic
from pipelines.render import render_review
from pipelines.settings import Settings


def review_page(file: Path, output: Path | None = None, settings: Settings | None = None, force: bool = False) -> Path:
    """Write the review page for a report file or a JSON output; return the page's path.

    A JSON output is shown against its source file (``source.path``), which is re-read so that the
    evidence offsets index the same text; the source must be unchanged (same SHA-256). The page goes
    to ``output``, by default ``<name>.review.html`` beside ``file``; it never replaces an input.

    Raises:
        OutputError: ``output`` is ``file`` or the JSON's source file, or an existing file this tool did not
            write (unless ``force``).
        CouncilxError: the file or its source cannot be read.
    """
    settings = settings or Settings()
    out = output or file.with_suffix(".review.html")
    refuse_clobber([out], [file])
    if file.suffix.lower() == ".json":
        try:
            report = Report.model_validate(json.loads(file.read_text(encoding="utf-8")))
        except (OSError, ValueError) as e:
            raise CouncilxError(f"not a councilx report JSON ({type(e).__name__})") from None
        found = find_source(report.source.path, file)
        if found is None:
            raise CouncilxError(f"its source file {report.source.path} is not there to show")
        source = found
        refuse_clobber([out], [source])
        refuse_foreign([out], force)
        document = load_document(source, password=settings.password)
        if document.source.sha256 != report.source.sha256:
            raise CouncilxError(f"its source file {source} has changed since the report was made")
    else:
        refuse_foreign([out], force)
        document = load_document(file, password=settings.password, max_pages=settings.max_pages, ocr=settings.ocr)
        report = document_to_report(document, settings)
    write_text_atomic(out, render_review(report, document))
    return out


def review_pages(outdir: Path, settings: Settings | None = None) -> list[Path]:
    """A review page beside every report JSON in a batch folder whose source is still in place."""
    written = []
    for path in sorted(outdir.glob("*.json")):
        try:
            written.append(review_page(path, path.with_suffix(".html"), settings))
        except CouncilxError:
            continue
    return written
