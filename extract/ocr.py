"""OCR for PDF pages without a text layer (Tesseract through pytesseract, pages rendered by pypdfium2).

A page is rendered in grey at ``OCR_DPI`` unless that would pass ``MAX_OCR_PIXELS``: then at the
resolution that keeps it under the budget, with a warning. The budget bounds the memory of one page
(the bitmap, its PNG copy and Tesseract's own buffers stay within a few hundred MB) whatever the
page's size: a 200-inch poster at 200 dpi would be 1.6 billion pixels, about 5 GB.
"""

from __future__ import annotations

import math
import shutil
from functools import lru_cache

OCR_DPI = 200
MAX_OCR_PIXELS = 36_000_000  # A1 at 200 dpi, A0 at 150 dpi
MIN_OCR_DPI = 10  # below this nothing on a page is readable: skip it rather than read noise
LARGEST_PAPER_IN = (66.2, 93.6)  # 4A0 (1682 x 2378 mm), the largest ISO paper size
# Tesseract by default also reads every line it doubts a second time inverted (light on dark), which costs a
# quarter of its time on a page of dark type on white paper (a scanned report) and changes nothing there.
TESSERACT_CONFIG = "-c tessedit_do_invert=0"


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


class PageTooLarge(ValueError):
    """A page so large that even at ``MIN_OCR_DPI`` it would pass the pixel budget."""


def ocr_dpi(width_pt: float, height_pt: float, page: int) -> tuple[float, str | None]:
    """The resolution to render a page of this size (in points) for OCR, and a warning when it is below
    ``OCR_DPI``. Raises PageTooLarge (with its warning) when not even ``MIN_OCR_DPI`` fits the budget."""
    w_in, h_in = max(width_pt, 1.0) / 72, max(height_pt, 1.0) / 72
    dpi = min(float(OCR_DPI), math.sqrt(MAX_OCR_PIXELS / (w_in * h_in)))
    if dpi >= OCR_DPI:
        return dpi, None
    paper = max(w_in, h_in) > LARGEST_PAPER_IN[1] or min(w_in, h_in) > LARGEST_PAPER_IN[0]
    size = f"page {page} is {w_in:.0f} x {h_in:.0f} in{', larger than any paper size' if paper else ''}"
    if dpi < MIN_OCR_DPI:
        raise PageTooLarge(f"{size}; it was not read by OCR (it would need over {MAX_OCR_PIXELS:,} pixels)")
    return dpi, f"{size}; OCR read it at {dpi:.0f} dpi rather than {OCR_DPI}, to bound memory"


def ocr_pdf_page(data: bytes, index: int, password: str | None = None) -> tuple[str, str | None]:
    """The text of one PDF page (0-based ``index``) read by Tesseract, in English, and a warning when the page
    was read at a lower resolution than usual (see ``ocr_dpi``)."""
    import os

    import pypdfium2 as pdfium
    import pytesseract

    # Tesseract's OpenMP threads on every core make one page several times slower on a small machine.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    pdf = pdfium.PdfDocument(data, password=password)
    try:
        page = pdf[index]
        dpi, warning = ocr_dpi(*page.get_size(), page=index + 1)
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        return pytesseract.image_to_string(image, lang="eng", config=TESSERACT_CONFIG, timeout=120), warning
    finally:
        pdf.close()
