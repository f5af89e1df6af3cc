"""Ingestion: any supported file to one ``Document``.

from extract import load_document
doc = load_document("report.pdf")
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from extract.sniff import detect_format, looks_like_markdown
from models.document import Document, SourceInfo
from models.errors import CouncilxError, IngestError, TooLarge

DEFAULT_MAX_BYTES = 200_000_000  # binary formats
DEFAULT_MAX_TEXT_BYTES = 50_000_000  # text, Markdown and HTML
DEFAULT_MAX_PAGES = 2000


def load_document(
    path: str | Path,
    *,
    password: str | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_text_bytes: int = DEFAULT_MAX_TEXT_BYTES,
    ocr: bool = True,
) -> Document:
    """Read a report file into a Document, detecting its format from the content.

    Raises:
        IngestError: (a subclass naming the case) when the file cannot be read.
    """
    path = Path(path)
    try:
        return _load_path(
            path, password=password, max_pages=max_pages, max_bytes=max_bytes, max_text_bytes=max_text_bytes, ocr=ocr
        )
    except CouncilxError as e:
        if e.path is None:
            e.path = str(path)  # the error names the file it is about
        raise


def _load_path(
    path: Path, *, password: str | None, max_pages: int, max_bytes: int, max_text_bytes: int, ocr: bool
) -> Document:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(f"the file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit (see --max-mb)")
        with path.open("rb") as fh:
            head = fh.read(8192)
    except OSError as e:
        raise IngestError(f"cannot read the file: {e.strerror or e}") from None
    fmt = detect_format(head, path.name)
    if fmt in ("text", "markdown", "html") and size > max_text_bytes:
        raise TooLarge(
            f"the text file is {size / 1e6:.1f} MB, over the {max_text_bytes / 1e6:.1f} MB limit (see --max-mb)"
        )
    data = path.read_bytes()
    source = SourceInfo(
        path=os.path.abspath(path),  # works from any folder (issue 18); symbolic links kept as named
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,  # type: ignore[arg-type]
        pages=0,
        size_bytes=size,
    )
    return bytes_to_document(data, source, password=password, max_pages=max_pages, ocr=ocr)


def bytes_to_document(
    data: bytes,
    source: SourceInfo,
    *,
    password: str | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
    ocr: bool = True,
) -> Document:
    """Dispatch bytes of a detected format to its converter."""
    fmt = source.format
    if fmt == "pdf":
        from extract.pdf import pdf_to_document

        return pdf_to_document(data, source, password=password, max_pages=max_pages, ocr=ocr)
    if fmt == "docx":
        from extract.docx import docx_to_document

        return docx_to_document(data, source)
    if fmt == "html":
        from extract.html import html_to_document

        return html_to_document(data, source)
    from extract.text import text_to_document

    if fmt == "text" and looks_like_markdown(data[:2_000_000].decode("utf-8", errors="ignore")):
        source = source.model_copy(update={"format": "markdown"})  # a table or headings past the sniffed head
    return text_to_document(data, source, markdown=source.format == "markdown")


__all__ = ["load_document", "bytes_to_document", "detect_format"]
