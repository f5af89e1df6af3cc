"""Ingestion per format: offsets, pages, blocks, furniture, encodings and format parity."""

import shutil

import pytest

from extract import bytes_to_document, load_document
from extract.sniff import detect_format
from models import Document, SourceInfo
from models.errors import EncryptedPdf, NoTextLayer
from tests.extract.makers import PARAS, make_docx, make_html, make_image_pdf, make_pdf, make_tab_pdf, make_text


def ingest(data: bytes, fmt: str | None = None, **kw) -> Document:
    fmt = fmt or detect_format(data[:8192], "")
    return bytes_to_document(data, SourceInfo(path=f"x.{fmt}", sha256="0", format=fmt, pages=0), **kw)


def assert_consistent(doc: Document) -> None:
    """Blocks and pages are ranges of the one text, in order, and pages cover it."""
    assert doc.pages[0].start == 0 and doc.pages[-1].end == len(doc.text)
    for a, b in zip(doc.pages, doc.pages[1:]):
        assert a.end <= b.start
    last = 0
    for block in doc.blocks:
        assert last <= block.start < block.end <= len(doc.text)
        assert doc.block_text(block) == doc.block_text(block).strip()
        last = block.end
        for s, e in block.emphasis + block.cells:
            assert block.start <= s <= e <= block.end


@pytest.mark.parametrize(
    "maker, fmt",
    [
        (make_text, "text"),
        (make_html, "html"),
        (make_docx, "docx"),
        (lambda: make_pdf([[("# " if k == "heading" else "") + t for k, t in PARAS]]), "pdf"),
    ],
    ids=["text", "html", "docx", "pdf"],
)
def test_every_format_gives_the_same_paragraphs(maker, fmt):
    doc = ingest(maker())
    assert doc.source.format == fmt
    assert_consistent(doc)
    texts = [doc.block_text(b) for b in doc.blocks]
    for _, para in PARAS:
        assert para in texts, (para, texts)


def test_pdf_running_headers_and_page_numbers_are_furniture():
    doc = ingest(make_pdf([["Page one text."], ["Page two text."], ["Page three text."]]))
    assert "Cabinet - 14 March 2024" not in doc.text and "Page 2 of 3" not in doc.text
    assert "Cabinet - 14 March 2024" in doc.pages[1].furniture
    assert [doc.page_at(doc.text.index(f"Page {w} text")) for w in ("one", "two", "three")] == [1, 2, 3]


def test_pdf_lines_join_into_paragraphs_and_hyphenation_is_undone():
    line = "The councils agreed to continue the joint regen-"
    doc = ingest(make_pdf([["# Background", line, "eration programme for the estate in 2025 and beyond."]]))
    assert "joint regeneration programme" in doc.text
    assert any(b.kind == "heading" and doc.block_text(b) == "Background" for b in doc.blocks)


def test_pdf_ruled_table_becomes_rows_with_cells():
    doc = ingest(make_pdf([["Workstreams:"]], table=[["Workstream", "Lead"], ["Waste", "Kent County Council"]]))
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert [doc.text[s:e] for s, e in rows[1].cells] == ["Waste", "Kent County Council"]


def test_pdf_tabs_that_only_space_words_are_spaces_and_wide_ones_are_columns():
    # some writers set each word of a justified line apart with a tab character
    doc = ingest(make_tab_pdf(["The\tjoint\tboard\tagreed\tthe\tplan.", "Item\t[200]Cost", "Payroll\t[200]12,000"]))
    blocks = [(b.kind, doc.block_text(b)) for b in doc.blocks]
    assert blocks == [
        ("paragraph", "The joint board agreed the plan."),
        ("table_row", "Item | Cost"),
        ("table_row", "Payroll | 12,000"),
    ]


def test_encrypted_pdf_needs_its_password():
    data = make_pdf([["Secret partnership text."]], encrypt="s3cret")
    with pytest.raises(EncryptedPdf):
        ingest(data)
    assert "Secret partnership text." in ingest(data, password="s3cret").text


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_scanned_page_is_read_by_ocr_with_a_warning():
    doc = ingest(make_image_pdf())
    assert "Partnership" in doc.text
    assert doc.pages[0].ocr and any("OCR" in w for w in doc.warnings)


def test_scanned_page_without_ocr_is_a_clear_error():
    with pytest.raises(NoTextLayer):
        ingest(make_image_pdf(), ocr=False)


def test_docx_structure_and_header_furniture():
    doc = ingest(make_docx(PARAS + [("list_item", "Waste collection")]))
    kinds = {doc.block_text(b): b.kind for b in doc.blocks}
    assert kinds["Shared Waste Service"] == "heading" and kinds["Waste collection"] == "list_item"
    assert "Cabinet - 14 March 2024" not in doc.text and doc.pages[0].furniture == ["Cabinet - 14 March 2024"]


def test_html_keeps_main_content_only():
    doc = ingest(make_html())
    assert "alert" not in doc.text and "color" not in doc.text and "Home" not in doc.text
    assert "Site footer" not in doc.text


def test_a_meeting_pages_title_is_kept_as_its_title_line_and_other_page_titles_are_not():
    page = (
        b"<html><head><title>Agenda for Cabinet on Monday, 26th January, 2026, 4.00 p.m. - Westshire Council</title>"
        b"</head><body><main><h1>Agenda</h1><p>Venue: Town Hall</p></main></body></html>"
    )
    doc = ingest(page, "html")
    assert_consistent(doc)
    assert doc.block_text(doc.blocks[0]) == "Title: Agenda for Cabinet on Monday, 26th January, 2026, 4.00 p.m."
    other = ingest(
        b"<html><head><title>Home - Westshire Council</title></head><body><p>Welcome.</p></body></html>", "html"
    )
    assert "Home" not in other.text


def test_the_council_whose_site_it_is_is_kept_from_the_page_title_but_not_as_the_meeting_body():
    from tests.conftest import run_until

    page = (
        b"<html><head><title>Agenda for Cabinet on Monday, 26th January, 2026, 4.00 p.m. | Wandsworth Borough Council"
        b"</title></head><body><main><h1>Cabinet - Monday, 26th January, 2026</h1><p>Venue: Town Hall</p></main>"
        b"<footer>Wandsworth Borough Council</footer></body></html>"
    )
    doc = ingest(page, "html")
    assert_consistent(doc)
    assert "Website: Wandsworth Borough Council" in [doc.block_text(b) for b in doc.blocks]
    other = ingest(b"<html><head><title>Annual report - Westshire Times</title></head><body><p>Hi.</p></body></html>")
    assert "Website" not in other.text  # a site that is no council's
    names = {c.data["name"] for c in run_until(doc.text, "organisations", markdown=True)[1]}
    assert "London Borough of Wandsworth" in names  # the register's name for it
    meta = run_until(doc.text, "metadata", markdown=True, proposals=True)[1]
    committees = {c.data["value"] for c in meta if c.data["key"] == "committee"}
    assert "Wandsworth Borough Council" not in committees


def test_html_layout_table_row_becomes_labelled_heading_and_paragraphs():
    html = (
        b"<html><body><table><tr><th>No.</th><th>Item</th></tr>"
        b"<tr><td><p>4.</p></td><td><p>Shared Waste Service</p><p>To note the update.</p>"
        b"<p>Minutes:</p><p>The committee noted the report.</p></td></tr>"
        b"<tr><td>Budget</td><td>1,200</td></tr></table></body></html>"
    )
    doc = ingest(html, "html")
    assert_consistent(doc)
    kinds = [(b.kind, b.label, doc.block_text(b)) for b in doc.blocks]
    assert ("heading", "4.", "4. Shared Waste Service") in kinds
    assert ("paragraph", None, "The committee noted the report.") in kinds
    assert ("table_row", None, "Budget | 1,200") in kinds


def test_html_table_with_head_and_body_sections_keeps_its_rows():
    html = (
        b"<html><body><p>The programme has two workstreams:</p><table><caption>Table 1: Workstreams</caption>"
        b"<thead><tr><th>Workstream</th><th>Lead</th></tr></thead>"
        b"<tbody><tr><td>Waste</td><td>Elmford Council</td></tr><tr><td>Legal</td><td>Lowbury Council</td></tr>"
        b"</tbody><tfoot><tr><td>Total</td><td>2</td></tr></tfoot></table></body></html>"
    )
    doc = ingest(html, "html")
    assert_consistent(doc)
    rows = [doc.block_text(b) for b in doc.blocks if b.kind == "table_row"]
    assert rows == ["Workstream | Lead", "Waste | Elmford Council", "Legal | Lowbury Council", "Total | 2"]
    assert "Table 1: Workstreams" in [doc.block_text(b) for b in doc.blocks]


def test_a_plain_text_table_under_a_dash_rule_is_read_as_rows_of_cells():
    text = (
        "4.2 Each strand has a lead authority:\n\n"
        "    Service strand                 Lead authority             Start\n"
        "    ----------------------------   ------------------------   -----\n"
        "    Counter fraud                  Elmford District Council   2025\n"
        "    Schools and small bodies       Lowbury Borough Council\n"
        "    and academies                  \n"
        "    IT audit                       Westshire County Council   2026\n\n"
        "4.3 The costs are shared by the number of audit days each council buys.\n"
    )
    doc = ingest(text.encode(), "text")
    assert_consistent(doc)
    rows = [[doc.text[s:e] for s, e in b.cells] for b in doc.blocks if b.kind == "table_row"]
    assert rows == [
        ["Service strand", "Lead authority", "Start"],
        ["Counter fraud", "Elmford District Council", "2025"],
        ["Schools and small bodies and academies", "Lowbury Borough Council"],  # no empty cell at the end
        ["IT audit", "Westshire County Council", "2026"],
    ]
    assert any(doc.block_text(b).startswith("4.3 The costs are shared") for b in doc.blocks)


def test_dashes_under_prose_that_crosses_the_columns_are_no_table():
    text = "The councils agreed these things together\n------------   -------------\nand more prose here\n"
    doc = ingest(text.encode(), "text")
    assert not [b for b in doc.blocks if b.kind == "table_row"]


@pytest.mark.parametrize(
    "data, expected, warns",
    [
        ("Café report £100".encode("cp1252"), "Café report £100", True),
        ("\ufeffCafé report".encode("utf-16-le"), "Café report", False),
        ("Café\x00 report".encode("utf-8"), "Café report", True),
        ("Café report".encode("utf-8"), "Café report", False),
    ],
    ids=["windows-1252", "utf-16-bom", "nul-bytes", "utf-8"],
)
def test_text_encodings(data, expected, warns):
    doc = ingest(data, "text")
    assert doc.text == expected
    assert bool(doc.warnings) == warns


def test_markdown_emphasis_and_bullets_are_cleaned_but_structure_kept():
    doc = ingest("- **Waste** – led by Kent\n\u2022 ICT\n\n**Bold heading**\n".encode(), "markdown")
    assert "**" not in doc.text and "\u2022" not in doc.text
    first = doc.blocks[0]
    assert first.kind == "list_item" and doc.text[slice(*first.emphasis[0])] == "Waste"
    assert doc.blocks[2].kind == "heading"


@pytest.mark.parametrize(
    "head, name, fmt",
    [
        (b"%PDF-1.7\n", "report.docx", "pdf"),
        (b"PK\x03\x04", "report.pdf", "docx"),
        (b"<!DOCTYPE html><html>", "report.txt", "html"),
        (b"# Title\n", "report.md", "markdown"),
        (b"Report to: Cabinet", "report", "text"),
    ],
    ids=["pdf-named-docx", "zip-named-pdf", "html-named-txt", "markdown", "no-extension"],
)
def test_format_is_detected_from_content(head, name, fmt):
    assert detect_format(head, name) == fmt


@pytest.mark.parametrize(
    "text, bold, expected",
    [
        ("Abc Def\nGhi", [1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1], "**Abc** Def\n**Ghi**"),
        ("Waste – text", [1] * 6 + [0] * 6, "**Waste** – text"),
        ("plain", [0] * 5, "plain"),
    ],
    ids=["runs-per-line", "lead-in", "none"],
)
def test_mark_bold(text, bold, expected):
    from extract.pdf import mark_bold

    assert mark_bold(text, [bool(b) for b in bold]) == expected


def test_pdf_bold_lead_in_is_emphasis():
    pytest.importorskip("reportlab")
    from io import BytesIO

    from reportlab.pdfgen import canvas

    buf = BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(60, 700, "Waste")
    c.setFont("Helvetica", 10)
    c.drawString(60 + c.stringWidth("Waste ", "Helvetica-Bold", 10), 700, "- collection of household waste.")
    c.showPage()
    c.save()
    doc = ingest(buf.getvalue(), "pdf")
    assert_consistent(doc)
    block = doc.blocks[0]
    assert [doc.text[s:e] for s, e in block.emphasis] == ["Waste"] and not block.bold


def test_damaged_page_is_skipped_with_a_warning_and_the_rest_is_read():
    data = make_pdf([["Shared Waste Service update."], ["The review will take place in September 2025."]])
    doc = ingest(data.replace(b"/Type /Page\n", b"/Type /Pagx\n", 1))  # the first page object is broken
    assert "September 2025" in doc.text and "Shared Waste Service" not in doc.text
    assert "page 1 is damaged and could not be read" in doc.warnings


def test_pdf_whose_only_page_is_damaged_is_a_clear_error():
    from models.errors import CorruptFile

    data = make_pdf([["Shared Waste Service update."]]).replace(b"/Type /Page\n", b"/Type /Pagx\n", 1)
    with pytest.raises(CorruptFile, match="none of its pages can be read"):
        ingest(data)


def test_docx_whose_zip_needs_an_unsupported_version_is_a_clear_error(tmp_path):
    import io
    import zipfile

    from models.errors import CouncilxError

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    data = bytearray(buf.getvalue())
    data[data.rfind(b"PK\x01\x02") + 6] = 64  # "version needed to extract": 6.4, which zipfile does not read
    path = tmp_path / "report.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(CouncilxError) as err:
        load_document(path)
    assert "\n" not in str(err.value)


def test_a_misread_ti_ligature_is_read_as_the_letters_it_draws():
    # Word's Calibri "ti" ligature comes out of many PDFs' text layers as "Ɵ" (U+019F)
    doc = ingest("Bin collec\u019fons and the si\u019fng of benches take \u019fme.\n".encode(), "text")
    assert doc.text == "Bin collections and the siting of benches take time."


def test_a_short_lead_in_to_a_list_is_its_own_block_not_the_end_of_the_line_above():
    text = (
        "Priority 1: Every child in Lowbury has the best start\nWe will:\n• raise immunisation rates\n\n"
        "The board will work with the schools on the\nfollowing:\n• breakfast clubs\n"
    )
    doc = ingest(text.encode(), "text")
    blocks = [doc.block_text(b) for b in doc.blocks]
    assert "We will:" in blocks
    assert any(b.startswith("Priority 1:") and b.endswith("best start") for b in blocks)
    assert "following:" not in blocks  # a line that carries on the sentence above stays with it
    assert_consistent(doc)
