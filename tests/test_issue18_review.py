"""Issue 18, the review page: flagged items show in the highlights, every evidence span is linked, the
side panel shows method and confidence, legend chips are readable, PDF line breaks do not split sentences."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _rules_own_flags(monkeypatch):
    """These tests are about the rules' own review flags; with the learned models a calibrated score sets the
    flags instead (tests/test_learn.py), so the models are turned off here."""
    monkeypatch.setenv("COUNCILX_MODELS", "none")


ROOT = Path(__file__).resolve().parents[1]

REPORT = """Report to: Cabinet
Date: 12 October 2020

1. The shared service between Adur District Council and Worthing Borough Council began on 3 June 2019.

2. Adur District Council hosts the service. The clerk's note gives the lease as signed on 5 March 1962.
"""


def _review(src: Path, tmp_path: Path) -> str:
    page = tmp_path / "page.html"
    res = subprocess.run(
        [sys.executable, "cli.py", "review", str(src), "-o", str(page), "--no-model"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stderr
    return page.read_text(encoding="utf-8")


@pytest.fixture()
def page(tmp_path: Path) -> str:
    src = tmp_path / "report.txt"
    src.write_text(REPORT, encoding="utf-8")
    return _review(src, tmp_path)


def _panel_item(page: str, text: str) -> str:
    return next(li for li in re.findall(r"<li>.*?</li>", page) if text in li)


def test_highlights_show_which_items_are_flagged(page: str):
    flagged = re.findall(r'<mark[^>]*class="f-dates flagged"[^>]*>([^<]*)</mark>', page)
    assert flagged == ["5 March 1962"]
    plain = re.findall(r'<mark[^>]*class="f-dates"[^>]*>([^<]*)</mark>', page)
    assert "3 June 2019" in plain


def test_every_evidence_span_of_an_item_is_linked(page: str):
    li = _panel_item(page, 'ev-organisations-0">Adur District Council (')
    targets = re.findall(r'data-target="([^"]+)"', li)
    assert len(targets) >= 2  # mentioned twice: both linked
    for t in targets:
        assert f'id="{t}"' in page.split('<nav id="panel">')[0]


def test_side_panel_shows_method_and_confidence(page: str):
    li = _panel_item(page, "1962-03-05")
    assert re.search(r'<span class="prov">dates:[\w-]+ · 0\.\d\d</span>', li)
    assert "needs review" in li
    li = _panel_item(page, "report_date: 2020-10-12")
    assert re.search(r'<span class="prov">metadata · 0\.\d\d</span>', li)


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_legend_chips_have_readable_contrast(page: str):
    chips = re.findall(r'<span class="chip[^"]*" style="background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})">', page)
    assert len(chips) >= 7
    assert min(contrast(bg, fg) for bg, fg in chips) >= 4.5


def test_pdf_line_breaks_do_not_split_a_sentence(tmp_path: Path):
    pytest.importorskip("reportlab")
    from tests.extract.makers import make_pdf

    lines = [
        "# Shared Waste Service",
        "1.1 Wychavon District Council and Worcester City Council have shared a waste",
        "collection service since 2019, and the joint committee agreed in March 2024 to",
        "extend the arrangement with",
        "Malvern Hills District Council from April 2025 subject to the business case being",
        "approved by all three councils at their budget meetings in February next year.",
        "1.2 The review will take place in September 2025 and report to each Cabinet.",
    ]
    src = tmp_path / "report.pdf"
    src.write_bytes(make_pdf([lines]))
    text = re.sub(r"<[^>]+>", "", _review(src, tmp_path).split('<div id="text">')[1].split("</div>")[0])
    assert "extend the arrangement with Malvern Hills District Council from April 2025" in text
    assert "\n\n1.2 The review" in text  # a real paragraph still starts on its own
