"""Ruled tables in PDFs: found from the page's vector paths, however they are drawn."""

from io import BytesIO

import pypdfium2 as pdfium
import pytest

from extract.pdf_tables import char_boxes, find_cells, page_edges, tables_from_cells
from tests.extract.test_formats import ingest

ROWS = [
    ["Workstream", "Lead council", "Target date"],
    ["Council Tax recovery", "Wychavon District Council", "September 2025"],
    ["Housing Benefit", "Malvern Hills District Council", "March 2026"],
]
WIDTHS = (130, 170, 100)


def _grid_as_lines(c, x: float, y: float, rows=ROWS, height: float = 18) -> None:
    """Rules drawn as separate line segments, text at the top left of each cell."""
    xs = [x]
    for w in WIDTHS:
        xs.append(xs[-1] + w)
    ys = [y - height * i for i in range(len(rows) + 1)]
    for yy in ys:
        c.line(xs[0], yy, xs[-1], yy)
    for xx in xs:
        c.line(xx, ys[0], xx, ys[-1])
    for r, row in enumerate(rows):
        for col, cell in enumerate(row):
            c.drawString(xs[col] + 3, ys[r] - 13, cell)


def _pdf(draw) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 8)
    c.drawString(280, 30, "Page 1")  # footer first, as page templates do
    c.setFont("Helvetica", 10)
    c.drawString(60, 760, "4.1 The workstreams agreed by both councils are:")
    draw(c)
    c.drawString(60, 560, "4.2 Progress will be reviewed by the joint committee.")
    c.showPage()
    c.save()
    return buf.getvalue()


def _tables(data: bytes):
    page = pdfium.PdfDocument(data)[0]
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    groups = find_cells(page_edges(page))
    return tables_from_cells(groups, text, char_boxes(textpage, text)) if groups else []


def _translated(c) -> None:
    c.saveState()
    c.translate(30, -40)
    c.scale(1.0, 1.0)
    _grid_as_lines(c, 30, 740)
    c.restoreState()


def _in_form(c) -> None:
    c.beginForm("grid")
    _grid_as_lines(c, 60, 700)
    c.endForm()
    c.doForm("grid")


@pytest.mark.parametrize(
    "draw",
    [lambda c: _grid_as_lines(c, 60, 700), _translated, _in_form],
    ids=["line segments", "under a transform", "inside a form XObject"],
)
def test_ruled_grid_is_found_however_it_is_drawn(draw):
    [table] = _tables(_pdf(draw))
    assert table.rows == ROWS


def test_table_sits_between_the_text_above_and_below_it():
    doc = ingest(_pdf(lambda c: _grid_as_lines(c, 60, 700)))
    kinds = [(b.kind, doc.block_text(b)[:20]) for b in doc.blocks]
    first_row = kinds.index(("table_row", "Workstream | Lead co"))
    assert kinds[first_row - 1][1].startswith("4.1 The workstreams")
    assert kinds[first_row + len(ROWS)][1].startswith("4.2 Progress")
    # the cells' text is not repeated as loose lines
    assert doc.text.count("Council Tax recovery") == 1


def test_cell_text_wrapping_over_lines_keeps_its_line_break():
    def draw(c):
        _grid_as_lines(c, 60, 700, rows=[["Item", "Owner", "Due"], ["Shared", "Legal", "2026"]], height=30)
        c.drawString(63, 700 - 30 - 25, "procurement")  # a second line in the second row's first cell

    [table] = _tables(_pdf(draw))
    assert table.rows[1] == ["Shared\nprocurement", "Legal", "2026"]


def test_ruled_form_of_paragraphs_stays_text():
    """A form whose ruled cells hold paragraphs is read as text, not as a table of figures."""
    lines = ["The councils will share", "one legal team from", "April 2025, hosted by", "the district council."]

    def draw(c):
        _grid_as_lines(c, 60, 700, rows=[["Purpose", "", ""], ["Decision", "", ""]], height=60)
        for n, line in enumerate(lines):
            c.drawString(193, 700 - 13 - 12 * n, line)

    [table] = _tables(_pdf(draw))
    assert table.rows[0][1] == "\n".join(lines)
    doc = ingest(_pdf(draw))
    assert not [b for b in doc.blocks if b.kind == "table_row"]
    assert "one legal team from" in doc.text


def test_page_without_paths_has_no_tables():
    assert _tables(_pdf(lambda c: None)) == []


def test_a_page_of_thousands_of_short_rules_is_not_a_table():
    """A hatched chart or map: far more ruling segments than any table; skipped, not intersected."""

    def draw(c):
        for row in range(90):
            for col in range(40):
                x, y = 40 + col * 13, 80 + row * 7
                c.line(x, y, x + 6, y)
                c.line(x, y, x, y + 3)

    assert _tables(_pdf(draw)) == []
    doc = ingest(_pdf(draw))
    assert "4.2 Progress will be reviewed" in doc.text


def _two_page_table(continued: bool) -> bytes:
    """A stage table at the foot of page 1 whose first column wraps a long name over two lines, and (when
    ``continued``) its last rows at the head of page 2, drawn with the same columns."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(60, 300, "4. The programme has the following stages and dates.")
    rows = [["Stage", "Date", ""], ["Options appraisal", "May 2025", ""], ["", "June 2025", ""]]  # two columns used
    _grid_as_lines(c, 60, 160, rows=rows, height=30)
    c.drawString(63, 160 - 60 - 13, "Traffic modelling and")  # the last row's wrapped first cell
    c.drawString(63, 160 - 60 - 25, "impact assessment studies")
    c.showPage()
    c.setFont("Helvetica", 10)
    if continued:
        _grid_as_lines(c, 60, 800, rows=[["Scheme design", "July 2025", "Open"], ["Consultation", "May 2026", "Open"]])
    c.drawString(60, 700 if continued else 800, "5. The committee will receive a further report.")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_table_continued_on_the_next_page_is_one_table():
    """The part on page 1 alone looks like a form (a long wrapped cell); its continuation at the top of page 2,
    with the same columns, is plainly a data table, so both parts are table rows, in order."""
    doc = ingest(_two_page_table(continued=True))
    rows = [" ".join(doc.block_text(b).split(" | ")[0].split()) for b in doc.blocks if b.kind == "table_row"]
    assert rows == [
        "Stage",
        "Options appraisal",
        "Traffic modelling and impact assessment studies",
        "Scheme design",
        "Consultation",
    ]


def test_table_not_continued_keeps_its_own_reading():
    doc = ingest(_two_page_table(continued=False))
    assert not [b for b in doc.blocks if b.kind == "table_row"]


def _described(first_cells: list[str]):
    """A ruled table of three columns whose last cells wrap a description over two lines."""

    def draw(c):
        c.setFont("Helvetica", 8)
        rows = [["Service", "Lead council", "What it covers"]]
        rows += [
            [first, lead, "Shared contracts, and"] for first, lead in zip(first_cells, ["Elmford DC", "Lowbury BC"])
        ]
        _grid_as_lines(c, 60, 700, rows=rows, height=30)
        for r in (1, 2):
            c.drawString(WIDTHS[0] + WIDTHS[1] + 63, 700 - 30 * r - 25, "the staff who run it.")

    return draw


def test_a_ruled_table_with_a_column_of_wrapped_descriptions_is_a_table():
    doc = ingest(_pdf(_described(["Waste collection", "Legal services"])))
    rows = [doc.block_text(b).split(" | ") for b in doc.blocks if b.kind == "table_row"]
    assert [r[:2] for r in rows] == [
        ["Service", "Lead council"],
        ["Waste collection", "Elmford DC"],
        ["Legal services", "Lowbury BC"],
    ]
    assert " ".join(rows[1][2].split()) == "Shared contracts, and the staff who run it."


def test_a_ruled_form_of_lettered_items_with_wrapped_cells_stays_text():
    doc = ingest(_pdf(_described(["(a)", "(b)"])))
    assert not [b for b in doc.blocks if b.kind == "table_row"]
