"""Borderless tables in PDFs: columns found from where the words sit, not from ruling lines."""

from io import BytesIO

from tests.extract.test_formats import ingest

COLUMNS = (60, 230, 400)  # x of each column's left edge


def _pdf(rows: list[tuple[float, list[str]]], before: str = "", after: str = "") -> bytes:
    """A page with a paragraph, rows of cells drawn at the column positions without any rule, and a paragraph.
    Each row is (y, cells); an empty cell draws nothing (a wrapped cell's second line has only that column)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 10)
    if before:
        c.drawString(60, 700, before)
    for y, cells in rows:
        for x, cell in zip(COLUMNS, cells):
            if cell:
                c.drawString(x, y, cell)
    if after:
        c.drawString(60, rows[-1][0] - 40, after)
    c.showPage()
    c.save()
    return buf.getvalue()


def _rows(doc) -> list[list[str]]:
    return [doc.block_text(b).split(" | ") for b in doc.blocks if b.kind == "table_row"]


def test_a_table_drawn_without_rules_is_read_as_rows_of_cells():
    data = _pdf(
        [
            (660, ["Workstream", "Lead council", "Start"]),
            (642, ["Waste collection", "Elmford District Council", "April 2026"]),
            (624, ["Revenues and benefits", "Lowbury Borough Council", "June 2026"]),
            (606, ["Shared legal service", "Westshire County Council", "2027"]),
        ],
        before="4.1 The workstreams agreed by the partner councils are set out below.",
        after="4.2 Progress will be reported to the joint committee each quarter.",
    )
    doc = ingest(data)
    assert _rows(doc) == [
        ["Workstream", "Lead council", "Start"],
        ["Waste collection", "Elmford District Council", "April 2026"],
        ["Revenues and benefits", "Lowbury Borough Council", "June 2026"],
        ["Shared legal service", "Westshire County Council", "2027"],
    ]
    paragraphs = [doc.block_text(b) for b in doc.blocks if b.kind != "table_row"]
    assert any(p.startswith("4.2 Progress will be reported") for p in paragraphs)  # prose after is not a row


def test_a_cell_that_wraps_carries_on_in_its_own_row():
    data = _pdf(
        [
            (660, ["Workstream", "Lead council", "Start"]),
            (642, ["Waste collection", "Elmford District Council", "April 2026"]),
            (630, ["", "with Lowbury Borough Council", ""]),
            (612, ["Shared legal service", "Westshire County Council", "2027"]),
            (594, ["Customer contact", "Dunmore Town Council", "2028"]),
        ]
    )
    rows = _rows(ingest(data))
    assert len(rows) == 4
    assert " ".join(rows[1][1].split()) == "Elmford District Council with Lowbury Borough Council"


def test_cells_that_wrap_in_lower_case_are_still_a_table():
    rows = [(660, ["Service", "Lead council", "Scope"])]
    y = 642
    for name, lead in [("Waste", "Elmford Council"), ("Legal", "Lowbury Council"), ("Payroll", "Dunmore Council")]:
        rows += [(y, [name, lead, "Collection rounds,"]), (y - 12, ["", "with partners", "vehicles and depots"])]
        y -= 30
    assert len(_rows(ingest(_pdf(rows)))) == 4


def test_numbered_paragraphs_with_hanging_labels_are_not_a_table():
    data = _pdf(
        [
            (660, ["4.1", "Not applicable."]),
            (642, ["4.2", "The partnership will report in June."]),
            (624, ["4.3", "No further costs arise."]),
            (606, ["4.4", "Members are asked to note the report."]),
        ]
    )
    doc = ingest(data)
    assert _rows(doc) == []
    assert "4.2 The partnership will report in June." in " ".join(doc.text.split())


def test_labelled_front_sheet_lines_are_not_a_table():
    data = _pdf(
        [
            (660, ["Report of:", "Director of Resources"]),
            (642, ["Author:", "Ann Holt"]),
            (624, ["Wards:", "All"]),
        ]
    )
    doc = ingest(data)
    assert _rows(doc) == []
    assert "Author: Ann Holt" in " ".join(doc.text.split())


def test_two_lines_with_wide_gaps_are_not_yet_a_table():
    data = _pdf([(660, ["Elmford Council", "", "Cabinet"]), (642, ["12 March 2026", "", "Item 7"])])
    assert _rows(ingest(data)) == []


def test_two_columns_of_running_text_are_not_a_table():
    data = _pdf(
        [
            (660, ["The hall reopens in May", "", "Volunteers are wanted for"]),
            (648, ["after repairs to the roof", "", "the summer fair, which"]),
            (636, ["and a new kitchen, paid", "", "raises funds for the"]),
            (624, ["for by the lottery grant", "", "playground and the hall."]),
        ]
    )
    assert _rows(ingest(data)) == []
