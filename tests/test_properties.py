"""Property-based tests: random and mutated bytes never crash ingestion or extraction, and outputs hold."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import bytes_to_document
from extract.sniff import detect_format
from models import CouncilxError, Report, SourceInfo
from pipelines import Settings, document_to_report
from tests.extract.makers import make_docx, make_pdf

SEED_PDF = make_pdf([["Report to: Cabinet", "Kent County Council will save £1.2m by 30 June 2025."]])
SEED_DOCX = make_docx()
SEED_TEXT = (
    "Report to: Cabinet\n\nRECOMMENDATIONS:\n\na) note the savings of £110,000;\n\n"
    "b) agree the review in July 2021 with East and West Sussex County Councils (ESCC).\n"
).encode()
RULES = Settings(use_model=False)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run(data: bytes) -> None:
    """Ingest and extract; only the tool's own errors may escape, and any report must hold its contract."""
    try:
        fmt = detect_format(data[:8192], "")
        document = bytes_to_document(data, SourceInfo(path="x", sha256="0", format=fmt, pages=0))
    except CouncilxError:
        return
    report = document_to_report(document, RULES)
    Report.model_validate(report.model_dump(), context={"text": document.text})
    for items in (
        report.partners,
        report.organisations,
        report.workstreams,
        report.dates,
        report.savings,
        report.recommendations,
    ):
        for item in items:
            for ev in item.evidence:
                assert document.text[ev.start : ev.end] == ev.quote


def mutate(seed: bytes, edits: list[tuple[int, int]]) -> bytes:
    data = bytearray(seed)
    for pos, value in edits:
        if data:
            data[pos % len(data)] = value
    return bytes(data)


EDITS = st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 255)), max_size=20)


@FAST
@given(st.text(max_size=2000))
def test_random_text(text):
    run(text.encode("utf-8", "surrogatepass") if text else b"")


@FAST
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    run(data)


@FAST
@given(EDITS, st.integers(0, len(SEED_TEXT)))
def test_mutated_text(edits, cut):
    run(mutate(SEED_TEXT, edits)[:cut])


@settings(max_examples=25, deadline=None)
@given(EDITS, st.integers(100, len(SEED_PDF)))
def test_mutated_pdf(edits, cut):
    run(mutate(SEED_PDF, edits)[:cut])


@settings(max_examples=25, deadline=None)
@given(EDITS)
def test_mutated_docx(edits):
    run(mutate(SEED_DOCX, edits))
