"""PDF to Document with pdfplumber (first cut: text lines per page, grouped into blocks)."""
from __future__ import annotations

from io import BytesIO

from extract.builder import DocumentBuilder
from extract.layout import is_page_number, repeated_lines, furniture_key
from extract.text import lines_to_builder
from models.document import Document, SourceInfo
from extract.ocr import ocr_pdf_page, tesseract_available
from models.errors import CorruptFile, EmptyDocument, EncryptedPdf, NoTextLayer, TooLarge


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _is_data_table(rows: list[list[str | None]]) -> bool:
    """A grid of short cells (a real table), not a ruled form whose cells hold paragraphs of text."""
    cells = [c for row in rows for c in row]
    if len(rows) < 2 or not rows[0] or len(rows[0]) < 2 or len(rows[0]) > 10 or not cells:
        return False
    empty = sum(1 for c in cells if not (c or "").strip())
    long = any(len(c or "") > 150 or (c or "").count("\n") > 2 or ("\n" in (c or "") and len(c or "") > 40)
               for c in cells)
    return not long and empty / len(cells) <= 0.4


def _page_items(page) -> list[tuple[str, object]]:
    """The page's text lines and ruled tables, in reading order (top to bottom)."""
    tables = []
    for t in page.find_tables():
        rows = t.extract()
        if _is_data_table(rows):
            tables.append((t, rows))
    if not tables:
        return [("line", x) for x in (page.extract_text() or "").split("\n")]
    boxes = [t.bbox for t, _ in tables]
    rest = page.filter(lambda o: o.get("object_type") != "char" or not _inside(o, boxes))
    entries: list[tuple[float, str, object]] = [(ln["top"], "line", ln["text"]) for ln in rest.extract_text_lines()]
    entries += [(t.bbox[1], "table", rows) for t, rows in tables]
    entries.sort(key=lambda e: e[0])
    return [(k, x) for _, k, x in entries]


def pdf_to_document(data: bytes, source: SourceInfo, *, password: str | None = None,
                    max_pages: int = 2000, ocr: bool = True) -> Document:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(BytesIO(data), password=password or "")
    except Exception as e:  # noqa: BLE001 - pdfminer raises many types for damaged files
        cause = e.args[0] if e.args and isinstance(e.args[0], Exception) else e
        if isinstance(cause, PDFPasswordIncorrect) or isinstance(e, PDFPasswordIncorrect):
            if password:
                raise EncryptedPdf("the PDF is encrypted and the --password given is wrong") from None
            raise EncryptedPdf("the PDF is encrypted; give --password to open it") from None
        raise CorruptFile(f"the PDF is damaged or truncated ({type(cause).__name__})") from None
    with pdf:
        if len(pdf.pages) > max_pages:
            raise TooLarge(f"the PDF has {len(pdf.pages)} pages, over the --max-pages limit of {max_pages}")
        try:
            items = [_page_items(p) for p in pdf.pages]
        except Exception as e:  # noqa: BLE001 - a damaged content stream
            raise CorruptFile(f"the PDF is damaged and its text cannot be read ({type(e).__name__})") from None
        pages = [[x for k, x in page if k == "line"] for page in items]
        scanned = [i for i, p in enumerate(pdf.pages)
                   if len("".join(pages[i]).strip()) < 25 and (p.images or not "".join(pages[i]).strip())]
    warnings: list[str] = []
    ocr_pages: set[int] = set()
    for i in scanned:
        if ocr and tesseract_available():
            try:
                pages[i] = ocr_pdf_page(data, i, password).split("\n")
                items[i] = [("line", x) for x in pages[i]]
                ocr_pages.add(i)
                warnings.append(f"page {i + 1} had no text layer; its text is from OCR (Tesseract)")
            except Exception as e:  # noqa: BLE001 - OCR failure leaves the page empty, with a warning
                warnings.append(f"page {i + 1} has no text layer and OCR failed ({type(e).__name__})")
        else:
            warnings.append(f"page {i + 1} has no text layer; OCR would be needed (install tesseract-ocr)")
    rep = repeated_lines(pages)
    builder = DocumentBuilder()
    builder.warnings.extend(warnings)
    for index, page_items in enumerate(items):
        lines = pages[index]
        furn_idx = {i for i, line in enumerate(lines)
                    if (i < 3 or i >= len(lines) - 3) and (furniture_key(line) in rep or is_page_number(line))}
        builder.new_page(furniture=[lines[i] for i in sorted(furn_idx)], ocr=index in ocr_pages)
        lengths = sorted(len(x.strip()) for i, x in enumerate(lines) if x.strip() and i not in furn_idx)
        width = lengths[int(len(lengths) * 0.8)] if lengths else None
        run: list[str] = []
        line_no = 0
        for kind, payload in page_items:
            if kind == "line":
                if line_no not in furn_idx:
                    run.append(payload)  # type: ignore[arg-type]
                line_no += 1
                continue
            lines_to_builder(run, builder, markdown=False, wrap_width=width)
            run = []
            for row in payload:  # type: ignore[union-attr]
                builder.add_row([c or "" for c in row])
        lines_to_builder(run, builder, markdown=False, wrap_width=width)
    if not any(x.strip() for lines in pages for x in lines):
        if scanned and not (ocr and tesseract_available()):
            raise NoTextLayer("the PDF has no text layer and OCR is unavailable (install tesseract-ocr)")
        raise EmptyDocument("the PDF holds no readable text")
    return builder.build(source)
