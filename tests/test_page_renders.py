"""Pages rendered for OCR stay under a pixel budget, whatever their size (a 200-inch poster included)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import extract.pdf
from extract import load_document
from extract.ocr import MAX_OCR_PIXELS, OCR_DPI, PageTooLarge, ocr_dpi, tesseract_available
from tests.extract.makers import make_image_pdf, make_poster_pdf

ROOT = Path(__file__).resolve().parents[1]
A4 = (595.3, 841.9)


@pytest.mark.parametrize(
    ("size_in", "dpi", "note"),
    [
        ((8.27, 11.69), OCR_DPI, None),  # A4
        ((23.4, 33.1), OCR_DPI, None),  # A1
        ((33.1, 46.8), 152, "page 1 is 33 x 47 in; OCR read it at 152 dpi rather than 200"),  # A0
        ((200, 200), 30, "page 1 is 200 x 200 in, larger than any paper size; OCR read it at 30 dpi rather than 200"),
        ((200, 2), 200, None),  # a long thin strip: few pixels
    ],
    ids=["A4", "A1", "A0", "200-inch", "strip"],
)
def test_the_render_resolution_keeps_a_page_under_the_pixel_budget(size_in, dpi, note):
    got, warning = ocr_dpi(size_in[0] * 72, size_in[1] * 72, page=1)
    assert round(got) == dpi
    assert (size_in[0] * got) * (size_in[1] * got) <= MAX_OCR_PIXELS * 1.0001
    assert warning == (note and f"{note}, to bound memory")


def test_a_page_too_large_for_any_useful_resolution_is_skipped_with_a_reason():
    with pytest.raises(PageTooLarge, match=r"page 3 is 1000 x 1000 in, larger than any paper size; it was not read"):
        ocr_dpi(72_000, 72_000, page=3)


def fake_ocr(seen: list):
    def image_to_string(image, **kwargs):
        seen.append(image.size)
        return "Poster of the Shared Services Partnership"

    return image_to_string


@pytest.mark.parametrize(("maker", "pixels"), [(make_poster_pdf, 6000 * 6000), (make_image_pdf, 1654 * 2339)])
def test_the_page_given_to_ocr_has_the_chosen_size(tmp_path: Path, monkeypatch, maker, pixels):
    """What reaches Tesseract: the 200-inch page at 30 dpi (6,000 pixels a side), an A4 scan at 200 dpi."""
    pytest.importorskip("pytesseract")
    seen: list = []
    monkeypatch.setattr("pytesseract.image_to_string", fake_ocr(seen))
    monkeypatch.setattr(extract.pdf, "tesseract_available", lambda: True)
    f = tmp_path / "page.pdf"
    f.write_bytes(maker())
    doc = load_document(f)
    assert "Shared Services Partnership" in doc.text
    (w, h) = seen[0]
    assert abs(w * h - pixels) / pixels < 0.01 and w * h <= MAX_OCR_PIXELS
    assert any("to bound memory" in x for x in doc.warnings) == (maker is make_poster_pdf)


def cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300
    )


@pytest.fixture(scope="module")
def poster(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("poster") / "in"
    folder.mkdir()
    (folder / "poster.pdf").write_bytes(make_poster_pdf())
    return folder


# The poster holds no words (one black bar), so with or without Tesseract the result is one clear line.
EXPECTED = "no readable text" if tesseract_available() else "ocr is unavailable"


def test_the_200_inch_poster_gives_one_clear_line_through_extract(poster: Path):
    res = cli("extract", str(poster / "poster.pdf"), "--no-model")
    assert res.returncode == 1 and "Traceback" not in res.stderr
    lines = [x for x in res.stderr.splitlines() if x.strip() and not x.startswith("note: ")]
    assert len(lines) == 1 and "poster.pdf" in lines[0] and EXPECTED in lines[0].lower()


def test_the_200_inch_poster_gives_one_failed_row_through_batch(poster: Path, tmp_path: Path):
    res = cli("batch", str(poster), "-o", str(tmp_path / "out"), "--no-model", "-j", "1")
    assert res.returncode == 1 and "Traceback" not in res.stderr
    (row,) = [json.loads(x) for x in (tmp_path / "out" / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert row["status"] == "failed" and EXPECTED in row["error"].lower() and "\n" not in row["error"]
