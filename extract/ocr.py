"""OCR for PDF pages without a text layer (Tesseract through pytesseract, pages rendered by pypdfium2)."""

from __future__ import annotations

import shutil
from functools import lru_cache

OCR_DPI = 200


@lru_cache(maxsize=1)
def tesseract_available() -> bool:
    """True when the tesseract binary and pytesseract are both installed."""
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return False
    return True


def ocr_pdf_page(data: bytes, index: int, password: str | None = None) -> str:
    """The text of one PDF page (0-based ``index``) read by Tesseract, in English."""
    import os

    import pypdfium2 as pdfium
    import pytesseract

    # Tesseract's OpenMP threads on every core make one page several times slower on a small machine.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    pdf = pdfium.PdfDocument(data, password=password)
    try:
        page = pdf[index]
        image = page.render(scale=OCR_DPI / 72).to_pil()
        return pytesseract.image_to_string(image, lang="eng", timeout=120)
    finally:
        pdf.close()
