"""PDF to Document: PDFium for the text layer, pdfplumber for ruled tables, Tesseract for scanned pages."""
from __future__ import annotations

import re
from io import BytesIO

from extract.builder import DocumentBuilder
from extract.layout import is_page_number, repeated_lines, furniture_key
from extract.text import _COMPOUND, lines_to_builder
from models.document import Document, SourceInfo
from extract.ocr import ocr_pdf_page, tesseract_available
from models.errors import CorruptFile, EmptyDocument, EncryptedPdf, NoTextLayer, TooLarge


TABLE_PATHS = 4  # a page drawing at least this many paths may hold a ruled table
SCAN_COVER = 0.3  # share of the page an image must cover for a text-less page to count as scanned


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


def _page_items(page, only_if_tables: bool = False) -> list[tuple[str, object]] | None:
    """The page's text lines and ruled tables, in reading order (top to bottom)."""
    tables = []
    for t in page.find_tables():
        rows = t.extract()
        if _is_data_table(rows):
            tables.append((t, rows))
    if not tables:
        if only_if_tables:
            return None
        return [("line", x) for x in (page.extract_text() or "").split("\n")]
    boxes = [t.bbox for t, _ in tables]
    rest = page.filter(lambda o: o.get("object_type") != "char" or not _inside(o, boxes))
    entries: list[tuple[float, str, object]] = [(ln["top"], "line", ln["text"]) for ln in rest.extract_text_lines()]
    entries += [(t.bbox[1], "table", rows) for t, rows in tables]
    entries.sort(key=lambda e: e[0])
    return [(k, x) for _, k, x in entries]


def _join_hyphens(text: str) -> str:
    """PDFium marks a word hyphenated at a line end with U+FFFE: join it, keeping compound prefixes."""
    def join(m: re.Match[str]) -> str:
        return m.group(1) + ("-" if _COMPOUND.search(m.group(1) + "-") else "")
    return re.sub(r"(\w+)\ufffe", join, text).replace("\ufffe", "")


BOLD_FONT = re.compile(rb"bold|black|heavy|semibold|demi", re.I)


def _bold_flags(textpage, count: int) -> list[bool]:
    """Whether each character of a PDFium text page is set in a bold font (by name or weight)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    buf, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    out = []
    for i in range(count):
        pdfium_c.FPDFText_GetFontInfo(textpage, i, buf, 128, ctypes.byref(flags))
        out.append(bool(BOLD_FONT.search(buf.value)) or pdfium_c.FPDFText_GetFontWeight(textpage, i) >= 600)
    return out


def mark_bold(text: str, bold: list[bool]) -> str:
    """Wrap each line's bold runs in Markdown ``**`` so line grouping records them as emphasis."""
    if len(bold) != len(text) or not any(bold):
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        if not bold[i] or text[i].isspace() or text[i] == "*":
            out.append(text[i])
            i += 1
            continue
        j = i
        while j < len(text) and bold[j] and text[j] not in "\r\n*":
            j += 1
        run = text[i:j].rstrip()
        out.append(f"**{run}**" if run else "")
        out.append(text[i + len(run):j])
        i = j
    return "".join(out)


def _open_pdfium(data: bytes, password: str | None):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data, password=password or None)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            if password:
                raise EncryptedPdf("the PDF is encrypted and the --password given is wrong") from None
            raise EncryptedPdf("the PDF is encrypted; give --password to open it") from None
        raise CorruptFile(f"the PDF is damaged or truncated ({str(e).split(':')[-1].strip() or 'unreadable'})") from None


def _fast_pages(data: bytes, password: str | None, max_pages: int) -> tuple[list[list[tuple[str, object]]], list[int], list[bool]]:
    """Text lines of every page from PDFium's text layer (fast), which pages may hold ruled tables, and
    which have images."""
    import pypdfium2.raw as pdfium_c

    pdf = _open_pdfium(data, password)
    try:
        if len(pdf) > max_pages:
            raise TooLarge(f"the PDF has {len(pdf)} pages, over the --max-pages limit of {max_pages}")
        if len(pdf) == 0:
            raise EmptyDocument("the PDF has no pages")
        items, table_pages, has_images = [], [], []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            raw = textpage.get_text_range()
            text = _join_hyphens(mark_bold(raw, _bold_flags(textpage, textpage.count_chars())))
            items.append([("line", x.rstrip()) for x in re.split(r"\r\n|\n|\r", text)])
            paths = sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2))
            if paths >= TABLE_PATHS:
                table_pages.append(i)
            width, height = page.get_size()
            cover = 0.0
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
                left, bottom, right, top = obj.get_bounds()
                cover = max(cover, (right - left) * (top - bottom) / max(width * height, 1.0))
            has_images.append(cover >= SCAN_COVER)
        return items, table_pages, has_images
    finally:
        pdf.close()


def _table_pages(data: bytes, password: str | None, pages: list[int], items: list) -> None:
    """Re-read the pages that may hold ruled tables with pdfplumber, which finds the tables' cells."""
    if not pages:
        return
    import pdfplumber

    try:
        with pdfplumber.open(BytesIO(data), password=password or "") as pdf:
            for i in pages:
                found = _page_items(pdf.pages[i], only_if_tables=True)
                if found is not None:
                    items[i] = found
    except Exception:  # noqa: BLE001 - keep PDFium's text when pdfminer cannot parse the page
        return


def pdf_to_document(data: bytes, source: SourceInfo, *, password: str | None = None,
                    max_pages: int = 2000, ocr: bool = True) -> Document:
    """Turn PDF bytes into a Document.

    Text comes from PDFium's text layer; pages with ruled tables are re-read with pdfplumber for
    their cells; pages without a text layer are OCRed when Tesseract is installed.

    Raises:
        IngestError: (a subclass) for encrypted, damaged, oversized or empty PDFs.
    """
    items, table_pages, has_images = _fast_pages(data, password, max_pages)
    _table_pages(data, password, table_pages, items)
    pages = [[x for k, x in page if k == "line"] for page in items]  # type: ignore[misc]
    # A scanned page: (almost) no text layer and an image over much of the page.
    scanned = [i for i in range(len(items)) if len("".join(pages[i]).strip()) < 5 and has_images[i]]
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
        if any(has_images) and not (ocr and tesseract_available()):
            raise NoTextLayer("the PDF has no text layer and OCR is unavailable (install tesseract-ocr)")
        raise EmptyDocument("the PDF holds no readable text")
    return builder.build(source)
