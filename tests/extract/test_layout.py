"""Layout features: each block's font size (PDF, Word, HTML) and position down a PDF page."""

from __future__ import annotations

from io import BytesIO

from extract import load_document
from extract.docx import docx_to_document
from extract.html import html_to_document
from models.document import SourceInfo
from tests.extract.makers import make_html


def _pdf(lines: list[tuple[str, float]], scaled: bool = False) -> bytes:
    """A one-page A4 PDF with one line per (text, font size), top down. ``scaled`` draws each line
    in a 1-point font scaled up by the text matrix, as some report writers do."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 800.0
    for text, size in lines:
        y -= size * 1.25
        t = c.beginText()
        if scaled:
            t.setTextTransform(size, 0, 0, size, 60, y)
            t.setFont("Helvetica", 1)
        else:
            t.setTextOrigin(60, y)
            t.setFont("Helvetica", size)
        t.textLine(text)
        c.drawText(t)
    c.showPage()
    c.save()
    return buf.getvalue()


FRONT = [
    ("Borsetshire County Council", 12),
    ("Library Service Review", 24),
    ("Report to: Cabinet", 11),
    ("1. Purpose of the report", 11),
    ("1.1 This report sets out the findings of the review of the library service.", 11),
]


def _load(data: bytes, tmp_path, name: str):
    path = tmp_path / name
    path.write_bytes(data)
    return load_document(str(path))


def _by_text(doc):
    return {doc.block_text(b): b for b in doc.blocks}


def test_pdf_blocks_carry_their_font_size_and_position(tmp_path):
    doc = _load(_pdf(FRONT), tmp_path, "r.pdf")
    blocks = _by_text(doc)
    assert blocks["Library Service Review"].size == 24
    assert blocks["Borsetshire County Council"].size == 12
    assert blocks["Report to: Cabinet"].size == 11
    tops = [blocks[t].top for t in ("Borsetshire County Council", "Library Service Review", "Report to: Cabinet")]
    assert all(t is not None and 0 <= t <= 1 for t in tops)
    assert tops == sorted(tops) and tops[0] < 0.1  # top down, the letterhead near the top edge


def test_pdf_size_counts_the_text_matrix(tmp_path):
    doc = _load(_pdf(FRONT, scaled=True), tmp_path, "s.pdf")
    blocks = _by_text(doc)
    assert blocks["Library Service Review"].size == 24
    assert blocks["Report to: Cabinet"].size == 11


def test_docx_sizes_from_runs_and_styles():
    import docx
    from docx.shared import Pt

    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("Annual Delivery Plan").font.size = Pt(22)
    d.add_heading("Purpose of report", 2)
    body = d.add_paragraph()
    body.add_run("To seek approval of the plan.").font.size = Pt(11)
    buf = BytesIO()
    d.save(buf)
    doc = docx_to_document(buf.getvalue(), SourceInfo(path="a.docx", sha256="0" * 64, format="docx", pages=1))
    blocks = _by_text(doc)
    assert blocks["Annual Delivery Plan"].size == 22
    assert blocks["Purpose of report"].size is not None  # from the Heading 2 style (or its base)
    assert blocks["To seek approval of the plan."].size == 11


def test_html_headings_get_browser_sizes():
    data = make_html([("heading", "Highways Maintenance Contract"), ("paragraph", "The contract ends in 2027.")])
    doc = html_to_document(data, SourceInfo(path="a.html", sha256="0" * 64, format="html", pages=1))
    blocks = _by_text(doc)
    assert blocks["Highways Maintenance Contract"].size == 24  # an h1
    assert blocks["The contract ends in 2027."].size is None


def test_pdf_words_set_outside_the_page_are_not_text(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(-30, 780, "OAKBRIDGE")  # a copy of the heading set half off the left edge
    c.drawString(60, 780, "OAKBRIDGE COMMUNITY COUNCIL")
    c.drawString(700, 760, "CROPPED")  # wholly off the right edge
    c.setFont("Helvetica", 11)
    c.drawString(60, 740, "Minutes of the meeting held on 3 May 2025")
    c.showPage()
    c.save()
    doc = _load(buf.getvalue(), tmp_path, "o.pdf")
    assert "OAKBRIDGE COMMUNITY COUNCIL" in doc.text
    assert doc.text.count("OAKBRIDGE") == 1 and "CROPPED" not in doc.text
    assert "Minutes of the meeting held on 3 May 2025" in doc.text
