"""PDF to Document: PDFium for the text layer and ruled tables, Tesseract for scanned pages."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from extract.builder import DocumentBuilder
from extract.layout import LineLayout, attach_layout, furniture_key, is_page_number, repeated_lines
from extract.ocr import PageTooLarge, ocr_pdf_page, tesseract_available
from extract.pdf_columns import LIST_LABEL, borderless_tables
from extract.pdf_tables import PageTable, char_boxes, find_cells, inside, page_edges, tables_from_cells
from extract.text import _COMPOUND, lines_to_builder
from models.document import Document, SourceInfo
from models.errors import CorruptFile, EmptyDocument, EncryptedPdf, NoTextLayer, TooLarge

TABLE_PATHS = 4  # a page drawing at least this many paths may hold a ruled table
SCAN_COVER = 0.3  # share of the page an image must cover for a text-less page to count as scanned


def _is_data_table(rows: list[list[str | None]]) -> bool:
    """A grid of short cells (a real table), not a ruled form whose cells hold paragraphs of text.

    A table of three or more columns whose first column is short ("Service | Lead council | What it covers")
    may wrap its other cells over a few lines: it is a table with a column of descriptions, not a form."""
    cells = [c for row in rows for c in row]
    if len(rows) < 2 or not rows[0] or len(rows[0]) < 2 or len(rows[0]) > 10 or not cells:
        return False
    empty = sum(1 for c in cells if not (c or "").strip())
    if empty / len(cells) > 0.4:
        return False

    def long(c: str | None) -> bool:
        return len(c or "") > 150 or (c or "").count("\n") > 2 or ("\n" in (c or "") and len(c or "") > 40)

    if not any(long(c) for c in cells):
        return True
    keys = [(row[0] or "").strip() for row in rows if row]
    width = len(rows[0])
    sparse = any(sum(1 for r in rows if len(r) > i and (r[i] or "").strip()) * 2 < len(rows) for i in range(width))
    return (
        len(rows) >= 3
        and width >= 3
        and not sparse  # a column left empty in most rows: the layout grid of a form
        and all(len(k) <= 80 and k.count("\n") <= 1 and not k.endswith(":") for k in keys)
        and sum(bool(LIST_LABEL.fullmatch(k)) for k in keys) * 2 < len(keys)  # "(a) | Subject: ...": a form
        and all(len(c or "") <= 600 and (c or "").count("\n") <= 8 for c in cells)
    )


def _join_hyphens(text: str) -> str:
    """PDFium marks a word hyphenated at a line end with U+FFFE: join it, keeping compound prefixes."""

    def join(m: re.Match[str]) -> str:
        return m.group(1) + ("-" if _COMPOUND.search(m.group(1) + "-") else "")

    return re.sub(r"(\w+)\ufffe", join, text).replace("\ufffe", "")


BOLD_FONT = re.compile(rb"bold|black|heavy|semibold|demi", re.I)


@lru_cache(maxsize=1)
def _text_object_fn():
    """FPDFText_GetTextObject returning the object's address as an int (cheap to compare and cache)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    address = ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(address)


def _font_is_bold(font) -> bool:
    """Whether a PDFium font is bold, by its name or its weight."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    buf = ctypes.create_string_buffer(256)
    pdfium_c.FPDFFont_GetBaseFontName(font, buf, 256)
    return bool(BOLD_FONT.search(buf.value)) or pdfium_c.FPDFFont_GetWeight(font) >= 600


_WORD_RUN = re.compile(r"\S+")


def _char_fonts(textpage, count: int, raw: str = "") -> tuple[list[bool], list[float | None]]:
    """Whether each character of a PDFium text page is set in a bold font (by name or weight), and
    its font size in points (the nominal size scaled by the text object's matrix).

    Characters are looked up by their text object, so each object is read once, and each font's
    boldness once per page. Given the page's text (``raw``, index for index), a word whose first and last
    characters belong to one text object is read from those two alone: PDFium lays out an object's characters
    together, so the ones between belong to it too (one call per character is most of this function's cost).
    """
    import ctypes

    import pypdfium2.raw as pdfium_c

    get_object = _text_object_fn()
    page = ctypes.cast(textpage.raw, ctypes.c_void_p).value
    size, m = ctypes.c_float(), pdfium_c.FS_MATRIX()
    bold_of_font: dict[int, bool] = {}
    font_of: dict[int | None, tuple[bool, float | None]] = {None: (False, None)}
    bold, sizes = [], []

    def font(obj) -> tuple[bool, float | None]:
        if obj not in font_of:
            handle = ctypes.cast(obj, pdfium_c.FPDF_PAGEOBJECT)
            face = pdfium_c.FPDFTextObj_GetFont(handle)
            key = ctypes.cast(face, ctypes.c_void_p).value if face else 0
            if key not in bold_of_font:
                bold_of_font[key] = _font_is_bold(face) if face else False
            value = None
            if pdfium_c.FPDFTextObj_GetFontSize(handle, ctypes.byref(size)):
                scale = (
                    abs(m.a * m.d - m.b * m.c) ** 0.5
                    if pdfium_c.FPDFPageObj_GetMatrix(handle, ctypes.byref(m))
                    else 1.0
                )
                v = size.value * (scale or 1.0)
                value = round(v * 2) / 2 if 0 < v < 500 else None
            font_of[obj] = (bold_of_font[key], value)
        return font_of[obj]

    def each(start: int, end: int) -> None:
        for i in range(start, end):
            obj = get_object(page, i)
            b, s = font_of.get(obj) or font(obj)
            bold.append(b)
            sizes.append(s)

    words = [w.span() for w in _WORD_RUN.finditer(raw)] if len(raw) == count else []
    at = 0
    for start, end in words:
        each(at, start)  # white space (often generated by PDFium: no object) char by char
        first = get_object(page, start)
        if end - start > 2 and get_object(page, end - 1) == first:
            b, s = font_of.get(first) or font(first)
            bold += [b] * (end - start)
            sizes += [s] * (end - start)
        else:
            each(start, end)
        at = end
    each(at, count)
    return bold, sizes


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
        out.append(text[i + len(run) : j])
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
        # PDFium says "Failed to load document (PDFium: Data format error)."; keep only the reason inside
        found = re.search(r"PDFium:\s*([^()]+?)\s*\)?\.?\s*$", str(e))
        reason = found.group(1) if found else (str(e).strip().rstrip(".") or "unreadable")
        raise CorruptFile(f"the PDF is damaged or truncated ({reason.rstrip('.')})") from None


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of a PDFium text layer, which breaks lines with CR LF."""
    spans, start = [], 0
    for m in re.finditer(r"\r\n|\n|\r", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _line_layout(page, textpage, raw: str, spans: list[tuple[int, int]], sizes: list[float | None]) -> list[LineLayout]:
    """Each line's dominant font size (points, by characters) and where it starts down the page
    (share of the page height, 0 = top). (None, None) where PDFium gives nothing."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    if len(raw) != len(sizes):
        return [(None, None)] * len(spans)
    height = max(page.get_size()[1], 1.0)
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    out: list[LineLayout] = []
    for a, b in spans:
        count: Counter[float | None] = Counter(sizes[a:b])  # spaces count too: they share their words' size
        count.pop(None, None)
        text = raw[a:b]
        first = a + len(text) - len(text.lstrip()) if text.strip() else None
        y = None
        if first is not None and pdfium_c.FPDFText_GetCharBox(
            textpage.raw, first, *(ctypes.byref(v) for v in (left, right, bottom, top))
        ):
            y = min(max(1 - top.value / height, 0.0), 1.0)
        out.append((count.most_common(1)[0][0] if count else None, y))
    return out


def _page_tables(page, textpage, may_have_tables: bool) -> dict:
    """A page's text layer, fonts, lines, layout and ruled tables, each table with whether it reads as a data
    table on its own (the caller may accept a table continued from the page before or on the page after)."""
    raw = textpage.get_text_range()
    count = textpage.count_chars()
    bold, sizes = _char_fonts(textpage, count, raw)
    raw, bold, sizes = _on_page(page, textpage, raw, bold, sizes)
    raw = _word_tabs(textpage, raw)
    spans = _line_spans(raw)
    layout = _line_layout(page, textpage, raw, spans, sizes)
    if len(bold) != len(raw):
        bold = [False] * len(raw)  # a text layer whose characters and text disagree: no bold marks
    tables: list[tuple[PageTable, bool]] = []
    boxes: list = []
    if len(raw) == count:
        groups = find_cells(page_edges(page)) if may_have_tables else []
        if groups:
            boxes = char_boxes(textpage, raw)
            tables = [(t, _is_data_table(t.rows)) for t in tables_from_cells(groups, raw, boxes)]
        borderless = borderless_tables(textpage, raw, spans, [t for t, _ in tables])
        if borderless:
            boxes = boxes or char_boxes(textpage, raw)
            tables += [(t, True) for t in borderless]
    return {
        "raw": raw,
        "bold": bold,
        "spans": spans,
        "layout": layout,
        "boxes": boxes,
        "tables": tables,
        "height": max(page.get_size()[1], 1.0),
    }


WORD_GAP = 0.6  # a gap narrower than this share of the type's height is the space between two words


def _word_tabs(textpage, raw: str) -> str:
    """The text layer with the tabs that only space words apart as spaces. Some writers set every word of a
    justified line apart with a tab character; a tab is read as a table's column break downstream, so a tab
    the page draws no wider than a word space is a space (length kept: the characters stay index for index)."""
    if "\t" not in raw:
        return raw
    boxes = char_boxes(textpage, raw)
    if len(boxes) != len(raw):
        return raw
    out = list(raw)
    for m in re.finditer(r"(?<=\S)\t+(?=\S)", raw):
        before, after = boxes[m.start() - 1], boxes[m.end()]
        if before is None or after is None:
            continue
        height = max(before[3] - before[1], after[3] - after[1])
        same_line = abs(before[1] - after[1]) < height / 2
        if same_line and height > 0 and -height / 4 <= after[0] - before[2] < WORD_GAP * height:
            out[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(out)


def _on_page(page, textpage, raw: str, bold: list[bool], sizes: list[float | None]):
    """The text layer without the words drawn (even in part) outside the page (a heading set twice, once off the
    visible area, reads "AYTON AYTON COMMUNITY COUNCIL"). Most pages have none: the text PDFium finds inside the
    page is compared first, and only a page that loses characters is read character by character (its ruled
    tables are then not read, as their character boxes would no longer line up)."""
    width, height = page.get_size()
    if len(raw) != len(bold) or len(raw) != len(sizes):
        return raw, bold, sizes
    inside = textpage.get_text_bounded(left=0, bottom=0, right=width, top=height)
    if len("".join(inside.split())) >= len("".join(raw.split())):  # as many visible characters
        return raw, bold, sizes
    boxes = char_boxes(textpage, raw)
    off = {
        i
        for i, b in enumerate(boxes)
        if b is not None and (b[2] <= 0 or b[0] >= width or -b[1] <= 0 or -b[3] >= height)
    }
    if not off or len(off) > len(raw) // 2:
        return raw, bold, sizes  # nothing off the page, or the page's own coordinates are not what they seem
    for m in re.finditer(r"\S+", raw):  # a word begun off the page goes whole ("AY|TON")
        if any(i in off for i in range(m.start(), m.end())):
            off.update(range(m.start(), m.end()))
    keep = [i for i in range(len(raw)) if i not in off]
    return "".join(raw[i] for i in keep), [bold[i] for i in keep], [sizes[i] for i in keep]


def _continues(before: dict, after: dict) -> bool:
    """True when the last table of page ``before`` runs on at the top of page ``after``: the earlier part ends in
    the page's bottom fifth, the later part starts in the top fifth, and both have the same width and columns.
    The parts are one table, so when the later part reads as a data table the earlier one does too."""
    if not before["tables"] or not after["tables"]:
        return False
    last = max(before["tables"], key=lambda t: t[0].bbox[3])[0]
    first, first_ok = min(after["tables"], key=lambda t: t[0].bbox[1])
    width = lambda t: max((len(r) for r in t.rows), default=0)  # noqa: E731
    return (
        first_ok
        and -last.bbox[3] < 0.2 * before["height"]
        and -first.bbox[1] > 0.8 * after["height"]
        and abs(last.bbox[0] - first.bbox[0]) <= 3
        and abs(last.bbox[2] - first.bbox[2]) <= 3
        and width(last) == width(first)
    )


def _page_items(state: dict, also: PageTable | None = None) -> tuple[list[tuple[str, object]], list[LineLayout]]:
    """A page's text lines (bold runs marked, hyphens joined) and ruled data tables, in reading order,
    and the layout (font size, position) of each of its lines. ``also`` is a table accepted though it does not
    read as a data table on its own (its continuation on the next page does).

    Lines whose characters lie inside a table are left out: the table's rows carry them.
    """
    raw, bold, spans, layout, boxes = state["raw"], state["bold"], state["spans"], state["layout"], state["boxes"]

    def line(a: int, b: int) -> str:
        return _join_hyphens(mark_bold(raw[a:b], bold[a:b])).rstrip()

    tables: list[PageTable] = [t for t, ok in state["tables"] if ok or t is also]
    if not tables:
        return [("line", line(a, b)) for a, b in spans], layout
    lines: list[tuple[float | None, str]] = []
    kept: list[LineLayout] = []
    for (a, b), lay in zip(spans, layout):
        line_boxes = [boxes[i] for i in range(a, b) if boxes[i] is not None]
        if line_boxes and sum(inside(x, tables) for x in line_boxes) * 2 > len(line_boxes):
            continue
        top = min((x[1] for x in line_boxes), default=None)
        lines.append((top, line(a, b)))
        kept.append(lay)
    # Each table goes after the last line (in text order) that starts above it.
    after: dict[int, list[PageTable]] = {}
    for t in sorted(tables, key=lambda t: t.bbox[1]):
        at = max((n + 1 for n, (top, _) in enumerate(lines) if top is not None and top < t.bbox[1]), default=0)
        after.setdefault(at, []).append(t)
    items: list[tuple[str, object]] = []
    for n in range(len(lines) + 1):
        items += [("table", [[_join_hyphens(c) if c else c for c in row] for row in t.rows]) for t in after.get(n, [])]
        if n < len(lines):
            items.append(("line", lines[n][1]))
    return items, kept


def _page_objects(page) -> tuple[int, float]:
    """How many path objects a page draws, and the largest share of the page one image covers
    (objects inside form XObjects count too, two levels down)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    area = max(width * height, 1.0)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    paths, cover = 0, 0.0

    def walk(count, get, depth: int) -> None:
        nonlocal paths, cover
        for j in range(count):
            obj = get(j)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                paths += 1
            elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                if pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (left, bottom, right, top))):
                    cover = max(cover, (right.value - left.value) * (top.value - bottom.value) / area)
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 2:
                walk(
                    pdfium_c.FPDFFormObj_CountObjects(obj),
                    lambda k, o=obj: pdfium_c.FPDFFormObj_GetObject(o, k),
                    depth + 1,
                )

    raw = page.raw
    walk(pdfium_c.FPDFPage_CountObjects(raw), lambda k: pdfium_c.FPDFPage_GetObject(raw, k), 0)
    return paths, cover


def _read_pages(
    data: bytes, password: str | None, max_pages: int
) -> tuple[list[list[tuple[str, object]]], list[bool], list[int], list[list[LineLayout]]]:
    """Every page's lines and tables from PDFium, whether each page is mostly an image, the
    (1-based) numbers of pages too damaged to read, and each page's line layouts."""
    import pypdfium2 as pdfium

    pdf = _open_pdfium(data, password)
    try:
        if len(pdf) > max_pages:
            raise TooLarge(f"the PDF has {len(pdf)} pages, over the --max-pages limit of {max_pages}")
        if len(pdf) == 0:
            raise EmptyDocument("the PDF has no pages")
        items, has_images, unreadable, layouts = [], [], [], []
        pending: dict | None = None  # a read page whose items wait for the next page (a table may run on to it)

        def flush(state: dict, nxt: dict | None) -> None:
            also = None
            if nxt is not None and _continues(state, nxt):
                also = max(state["tables"], key=lambda t: t[0].bbox[3])[0]
            page_items, page_layout = _page_items(state, also)
            items[state["index"]], layouts[state["index"]] = page_items, page_layout

        for i in range(len(pdf)):
            try:
                page = pdf[i]
                textpage = page.get_textpage()
            except pdfium.PdfiumError:
                unreadable.append(i + 1)  # a damaged page object: the rest of the document is still read
                if pending is not None:
                    flush(pending, None)
                    pending = None
                items.append([])
                has_images.append(False)
                layouts.append([])
                continue
            paths, cover = _page_objects(page)
            state = _page_tables(page, textpage, paths >= TABLE_PATHS)
            state["index"] = i
            if pending is not None:
                flush(pending, state)
            pending = state
            items.append([])
            layouts.append([])
            has_images.append(cover >= SCAN_COVER)
        if pending is not None:
            flush(pending, None)
        if len(unreadable) == len(pdf):
            raise CorruptFile("the PDF is damaged: none of its pages can be read")
        return items, has_images, unreadable, layouts
    finally:
        pdf.close()


def pdf_to_document(
    data: bytes, source: SourceInfo, *, password: str | None = None, max_pages: int = 2000, ocr: bool = True
) -> Document:
    """Turn PDF bytes into a Document.

    Text comes from PDFium's text layer; ruled tables are found from the page's vector paths
    (extract/pdf_tables.py); pages without a text layer are OCRed when Tesseract is installed.

    Raises:
        IngestError: (a subclass) for encrypted, damaged, oversized or empty PDFs.
    """
    items, has_images, unreadable, layouts = _read_pages(data, password, max_pages)
    pages = [[x for k, x in page if k == "line"] for page in items]  # type: ignore[misc]
    # A scanned page: (almost) no text layer and an image over much of the page.
    scanned = [i for i in range(len(items)) if len("".join(pages[i]).strip()) < 5 and has_images[i]]
    warnings: list[str] = [f"page {n} is damaged and could not be read" for n in unreadable]
    ocr_pages: set[int] = set()
    for i in scanned:
        if ocr and tesseract_available():
            try:
                text, low_res = ocr_pdf_page(data, i, password)
                pages[i] = text.split("\n")
                items[i] = [("line", x) for x in pages[i]]
                layouts[i] = [(None, None)] * len(pages[i])
                ocr_pages.add(i)
                warnings.append(f"page {i + 1} had no text layer; its text is from OCR (Tesseract)")
                warnings += [low_res] if low_res else []
            except PageTooLarge as e:
                warnings.append(str(e))
            except Exception as e:  # noqa: BLE001 - OCR failure leaves the page empty, with a warning
                warnings.append(f"page {i + 1} has no text layer and OCR failed ({type(e).__name__})")
        else:
            warnings.append(f"page {i + 1} has no text layer; OCR would be needed (install tesseract-ocr)")
    rep = repeated_lines(pages)
    builder = DocumentBuilder()
    builder.warnings.extend(warnings)
    furniture: list[set[int]] = []
    for index, page_items in enumerate(items):
        lines = pages[index]
        furn_idx = {
            i
            for i, line in enumerate(lines)
            if (i < 3 or i >= len(lines) - 3) and (furniture_key(line) in rep or is_page_number(line))
        }
        furniture.append(furn_idx)
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
    tabled = any(k == "table" for page in items for k, _ in page)  # a page may hold nothing but a table
    if not tabled and not any(x.strip() for lines in pages for x in lines):
        if any(has_images) and not (ocr and tesseract_available()):
            raise NoTextLayer("the PDF has no text layer and OCR is unavailable (install tesseract-ocr)")
        raise EmptyDocument("the PDF holds no readable text")
    document = builder.build(source)
    return attach_layout(
        document,
        [[lines[i] for i in range(len(lines)) if i not in furn] for lines, furn in zip(pages, furniture)],
        [[lay[i] for i in range(len(lay)) if i not in furn] for lay, furn in zip(layouts, furniture)],
    )
