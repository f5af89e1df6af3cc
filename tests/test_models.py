"""The contract: evidence quotes equal their text slice; reports validate; schema versions."""

import pytest
from pydantic import ValidationError

from extract.text import text_to_document
from models import Evidence, Report, SourceInfo
from models.report import SCHEMA_VERSION

SRC = SourceInfo(path="x.txt", sha256="0" * 64, format="text", pages=0)


def make_doc(text: str):
    return text_to_document(text.encode("utf-8"), SRC)


def test_evidence_from_document_quotes_the_text():
    doc = make_doc("Report to: Cabinet\n\nThe partnership saved £110,000 in 2020/21.")
    start = doc.text.index("£110,000")
    ev = Evidence.from_document(doc, start, start + 8)
    assert ev.quote == "£110,000"
    assert ev.page == 1


def test_evidence_with_wrong_quote_is_rejected_against_the_text():
    text = "abcdef"
    with pytest.raises(ValidationError):
        Evidence.model_validate({"page": 1, "start": 0, "end": 3, "quote": "xyz"}, context={"text": text})
    assert Evidence.model_validate({"page": 1, "start": 0, "end": 3, "quote": "abc"}, context={"text": text})


def test_evidence_end_before_start_is_rejected():
    with pytest.raises(ValidationError):
        Evidence(page=None, start=5, end=2, quote="")


def test_incompatible_schema_major_version_is_rejected():
    base = {"source": {"path": "x", "sha256": "0", "format": "text", "pages": 1}}
    assert Report.model_validate({**base, "schema_version": SCHEMA_VERSION})
    with pytest.raises(ValidationError):
        Report.model_validate({**base, "schema_version": "99.0.0"})


def test_report_date_must_be_iso_day():
    base = {"source": {"path": "x", "sha256": "0", "format": "text", "pages": 1}}
    with pytest.raises(ValidationError):
        Report.model_validate({**base, "metadata": {"report_date": "30 September 2021"}})


def test_unknown_fields_are_forbidden():
    with pytest.raises(ValidationError):
        Report.model_validate({"source": {"path": "x", "sha256": "0", "format": "text", "pages": 1}, "extra": 1})


def test_page_at_and_block_at_follow_offsets():
    doc = make_doc("Title of report\n\nFirst paragraph here.\n\nSecond paragraph.")
    second = doc.text.index("Second")
    block = doc.block_at(second)
    assert block is not None and doc.block_text(block) == "Second paragraph."
    assert doc.page_at(second) == 1
