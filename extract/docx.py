"""Word (.docx) to Document with python-docx.

Body paragraphs and tables in document order; Heading styles become heading blocks with their
level; list paragraphs become list items; bold runs become emphasis ranges; headers and footers
are page furniture, not text. The zip is checked before it is opened: declared sizes (zip bombs)
and DOCTYPE/ENTITY declarations (XXE, billion laughs) are refused.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from io import BytesIO

from extract.builder import DocumentBuilder, clean_inline
from extract.layout import split_label, strip_bullet
from models.document import Document, SourceInfo
from models.errors import CorruptFile, EmptyDocument, TooLarge, UnsafeInput, UnsupportedFormat

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)


def check_zip(data: bytes) -> None:
    """Refuse a .docx whose zip is not a Word document, or is a bomb, or declares XML entities.

    Raises:
        CorruptFile: not a zip at all.
        UnsupportedFormat: a zip without a Word document body.
        TooLarge / UnsafeInput: declared sizes too large, or a DTD in an XML part.
    """
    try:
        z = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError):
        raise CorruptFile("not a valid Word document: the file is not a readable zip archive") from None
    with z:
        names = z.namelist()
        if "word/document.xml" not in names:
            raise UnsupportedFormat("the zip archive is not a Word document (no word/document.xml)")
        total = sum(i.file_size for i in z.infolist())
        if total > MAX_UNCOMPRESSED:
            raise TooLarge(
                f"the Word document would expand to {total / 1e6:.0f} MB (limit "
                f"{MAX_UNCOMPRESSED / 1e6:.0f} MB); refusing a possible zip bomb"
            )
        for info in z.infolist():
            if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 10_000_000:
                raise TooLarge(
                    f"zip member {info.filename} expands {info.file_size // info.compress_size}x; "
                    "refusing a possible zip bomb"
                )
            if info.filename.endswith((".xml", ".rels")):
                try:
                    with z.open(info) as fh:
                        head = fh.read(4096)
                except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as e:
                    raise CorruptFile(f"the Word document is damaged ({type(e).__name__} in {info.filename})") from None
                if _DTD.search(head):
                    raise UnsafeInput(f"{info.filename} declares XML entities (DOCTYPE/ENTITY); refusing to parse it")


def _heading_level(style: str) -> int | None:
    m = re.match(r"(?:Heading|heading)\s*(\d)", style)
    if m:
        return int(m.group(1))
    return 1 if style in ("Title",) else None


def _is_list(paragraph) -> bool:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if "List" in style:
        return True
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.numPr is not None


def _runs(paragraph) -> tuple[str, list[tuple[int, int]]]:
    """The paragraph text and its bold ranges."""
    parts: list[str] = []
    bold: list[tuple[int, int]] = []
    pos = 0
    for run in paragraph.runs:
        t = run.text
        if run.bold and t.strip():
            bold.append((pos, pos + len(t)))
        parts.append(t)
        pos += len(t)
    return "".join(parts) or paragraph.text, bold


def _style_size(style) -> float | None:
    """The font size a paragraph style sets, looking through the styles it is based on."""
    for _ in range(10):
        if style is None:
            return None
        if style.font is not None and style.font.size is not None:
            return style.font.size.pt
        style = style.base_style
    return None


def _paragraph_size(paragraph) -> float | None:
    """The paragraph's dominant font size in points (by characters): its runs' sizes where set,
    else its style's, else None."""
    default = _style_size(paragraph.style)
    sizes: dict[float, int] = {}
    for run in paragraph.runs:
        size = run.font.size.pt if run.font.size is not None else default
        if size and run.text.strip():
            sizes[size] = sizes.get(size, 0) + len(run.text.strip())
    return max(sizes, key=lambda k: sizes[k]) if sizes else default


def _add_paragraph(builder: DocumentBuilder, paragraph) -> None:
    raw, bold = _runs(paragraph)
    text = clean_inline(raw)
    if not text:
        return
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    level = _heading_level(style)
    is_bullet, rest = strip_bullet(text)
    label, _ = split_label(rest)
    # map bold ranges from raw to cleaned text (cleaning only collapses spaces; approximate by search)
    emph = []
    for s, e in bold:
        frag = clean_inline(raw[s:e])
        i = text.find(frag)
        if frag and i >= 0:
            emph.append((i, i + len(frag)))
    emph = _merge(emph)
    whole_bold = bool(emph) and emph[0][0] == 0 and emph[-1][1] >= len(text) - 1
    size = _paragraph_size(paragraph)
    if level:
        builder.add_block(text, "heading", level=level, label=label, size=size)
    elif _is_list(paragraph) or is_bullet:
        shift = len(text) - len(rest)
        builder.add_block(rest, "list_item", label=label, emphasis=[(a - shift, b - shift) for a, b in emph], size=size)
    elif whole_bold and len(text) < 120:
        builder.add_block(text, "heading", level=2, label=label, bold=True, size=size)
    else:
        builder.add_block(text, "paragraph", label=label, emphasis=emph, size=size)


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def docx_to_document(data: bytes, source: SourceInfo) -> Document:
    """Turn .docx bytes into a Document.

    Raises:
        IngestError: (a subclass) for damaged, hostile or empty files.
    """
    check_zip(data)
    import docx

    try:
        document = docx.Document(BytesIO(data))
        furniture = []
        for section in document.sections:
            for part in (section.header, section.footer):
                furniture += [p.text.strip() for p in part.paragraphs if p.text.strip()]
    except Exception as e:  # noqa: BLE001 - python-docx raises several types for damaged parts
        raise CorruptFile(f"the Word document is damaged ({type(e).__name__})") from None
    try:
        return _build(document, furniture, source)
    except (ValueError, KeyError, AttributeError, TypeError, IndexError) as e:
        raise CorruptFile(f"the Word document's structure is damaged ({type(e).__name__})") from None


def _build(document, furniture: list[str], source: SourceInfo) -> Document:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    builder = DocumentBuilder()
    builder.new_page(furniture=list(dict.fromkeys(furniture)))
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            _add_paragraph(builder, Paragraph(child, document))
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells = []
                for cell in row.cells:
                    t = clean_inline(cell.text)
                    if not cells or t != cells[-1]:  # merged cells repeat their text
                        cells.append(t)
                builder.add_row(cells)
    if not builder.length:
        raise EmptyDocument("the Word document holds no text")
    return builder.build(source)
