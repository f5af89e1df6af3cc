"""The section tree and the parts of a report a reader finds by eye."""

from __future__ import annotations

from extract import load_document
from pipelines.sections import body_size, find_section, front_sheet, largest_text, section_of, sections
from tests.conftest import doc_from
from tests.extract.test_layout import FRONT, _pdf

REPORT = """# Library Service Review

This report goes to Cabinet on 4 March 2025.

## 1. Purpose of the report

1.1 This report sets out the findings of the review.

## 2. Recommendations

2.1 That Cabinet approves the new opening hours.

2.2 That Cabinet notes the consultation results.

## 3. Background

3.1 The service has twelve branches.
"""


def _index(doc, text: str) -> int:
    return next(i for i, b in enumerate(doc.blocks) if doc.block_text(b).startswith(text))


def test_each_block_sits_under_its_heading():
    doc = doc_from(REPORT, markdown=True)
    s = section_of(doc, _index(doc, "2.2 That Cabinet notes"))
    assert s is not None and s.title == "2. Recommendations"
    assert section_of(doc, _index(doc, "3.1 The service"))
    assert section_of(doc, _index(doc, "3.1 The service")).title == "3. Background"


def test_find_section_by_heading_without_its_number():
    doc = doc_from(REPORT, markdown=True)
    s = find_section(doc, r"^recommendations?$")
    assert s is not None
    texts = [doc.block_text(doc.blocks[i]) for i in range(s.first, s.end)]
    assert texts == [
        "2.1 That Cabinet approves the new opening hours.",
        "2.2 That Cabinet notes the consultation results.",
    ]
    assert find_section(doc, r"^appendices$") is None


def test_top_heading_holds_the_numbered_sections():
    doc = doc_from(REPORT, markdown=True)
    top = sections(doc)[0]
    assert top.title == "Library Service Review" and top.end == len(doc.blocks)


def test_front_sheet_stops_at_the_first_numbered_section():
    doc = doc_from(REPORT, markdown=True)
    assert [doc.block_text(doc.blocks[i]) for i in front_sheet(doc)] == [
        "Library Service Review",
        "This report goes to Cabinet on 4 March 2025.",
    ]


def test_largest_text_on_page_one(tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(_pdf(FRONT))
    doc = load_document(str(path))
    assert body_size(doc) == 11
    assert [doc.block_text(doc.blocks[i]) for i in largest_text(doc)] == ["Library Service Review"]


def test_nothing_stands_out_without_sizes_or_when_all_text_is_one_size(tmp_path):
    assert largest_text(doc_from(REPORT, markdown=True)) == []
    path = tmp_path / "flat.pdf"
    path.write_bytes(_pdf([(t, 11) for t, _ in FRONT]))
    assert largest_text(load_document(str(path))) == []
