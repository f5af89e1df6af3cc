"""PDF to Document with pdfplumber (first cut: text lines per page, grouped into blocks)."""
from __future__ import annotations

from io import BytesIO

from extract.builder import DocumentBuilder
from extract.layout import is_page_number, repeated_lines, furniture_key
from extract.text import lines_to_builder
from models.document import Document, SourceInfo
from extract.ocr import ocr_pdf_page, tesseract_available
from models.errors import CorruptFile, EmptyDocument, EncryptedPdf, NoTextLayer, TooLarge


def pdf_to_document(data: bytes, source: SourceInfo, *, password: str | None = None,
                    max_pages: int = 2000, ocr: bool = True) -> Document:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(BytesIO(data), password=password or "")
    except PDFPasswordIncorrect:
        raise EncryptedPdf("the PDF is encrypted; give --password to open it") from None
    except Exception as e:  # noqa: BLE001 - pdfminer raises many types for damaged files
        raise CorruptFile(f"the PDF is damaged or truncated ({type(e).__name__})") from None
    with pdf:
        if len(pdf.pages) > max_pages:
            raise TooLarge(f"the PDF has {len(pdf.pages)} pages, over the --max-pages limit of {max_pages}")
        pages = [(p.extract_text() or "").split("\n") for p in pdf.pages]
        scanned = [i for i, p in enumerate(pdf.pages)
                   if len("".join(pages[i]).strip()) < 25 and (p.images or not "".join(pages[i]).strip())]
    warnings: list[str] = []
    ocr_pages: set[int] = set()
    for i in scanned:
        if ocr and tesseract_available():
            try:
                pages[i] = ocr_pdf_page(data, i, password).split("\n")
                ocr_pages.add(i)
                warnings.append(f"page {i + 1} had no text layer; its text is from OCR (Tesseract)")
            except Exception as e:  # noqa: BLE001 - OCR failure leaves the page empty, with a warning
                warnings.append(f"page {i + 1} has no text layer and OCR failed ({type(e).__name__})")
        else:
            warnings.append(f"page {i + 1} has no text layer; OCR would be needed (install tesseract-ocr)")
    rep = repeated_lines(pages)
    builder = DocumentBuilder()
    builder.warnings.extend(warnings)
    for index, lines in enumerate(pages):
        keep, furn = [], []
        for i, line in enumerate(lines):
            edge = i < 3 or i >= len(lines) - 3
            if edge and (furniture_key(line) in rep or is_page_number(line)):
                furn.append(line)
            else:
                keep.append(line)
        builder.new_page(furniture=furn, ocr=index in ocr_pages)
        lengths = sorted(len(x.strip()) for x in keep if x.strip())
        width = lengths[int(len(lengths) * 0.8)] if lengths else None
        lines_to_builder(keep, builder, markdown=False, wrap_width=width)
    if not any(x.strip() for lines in pages for x in lines):
        if scanned and not (ocr and tesseract_available()):
            raise NoTextLayer("the PDF has no text layer and OCR is unavailable (install tesseract-ocr)")
        raise EmptyDocument("the PDF holds no readable text")
    return builder.build(source)
