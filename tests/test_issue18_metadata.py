"""Issue 18: each metadata field has its own confidence and needs_review; implausible titles are flagged."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import councilx


@pytest.fixture(autouse=True)
def _rules_own_flags(monkeypatch):
    """These tests are about the rules' own review flags; with the learned models a calibrated score sets the
    flags instead (tests/test_learn.py), so the models are turned off here."""
    monkeypatch.setenv("COUNCILX_MODELS", "none")


ROOT = Path(__file__).resolve().parents[1]
RULES = councilx.Settings(use_model=False)

FRONT_SHEET = """Report to: Cabinet
Title: {title}
Date: 12 October 2020
Report author: Head of Waste Services

1. Introduction

1.1 This report updates members on the joint waste partnership with Mid Devon District Council.
"""


def _metadata(tmp_path: Path, title: str) -> councilx.Report:
    path = tmp_path / "report.txt"
    path.write_text(FRONT_SHEET.format(title=title), encoding="utf-8")
    return councilx.extract_report(path, RULES).metadata


@pytest.mark.parametrize(
    "title",
    ["None", "Media", "Meeting (no.447) of", "Cllr Jane Smith", "Jane Smith", "Head of Waste Services"],
    ids=["none", "one-generic-word", "ends-in-of", "councillor", "person", "same-as-author"],
)
def test_an_implausible_title_is_flagged(tmp_path: Path, title: str):
    meta = _metadata(tmp_path, title)
    assert meta.title == title  # kept as found, a plain string
    assert meta.needs_review["title"] is True
    assert meta.needs_review["report_date"] is False


def test_a_plausible_title_is_not_flagged_and_every_field_found_has_a_confidence(tmp_path: Path):
    meta = _metadata(tmp_path, "Joint Waste Partnership Annual Review")
    assert meta.needs_review["title"] is False
    assert set(meta.confidence) == set(meta.needs_review)
    assert {"title", "committee", "report_date", "author"} <= set(meta.confidence)
    assert all(0.0 <= c <= 1.0 for c in meta.confidence.values())
    assert meta.confidence["title"] >= 0.5


def test_the_cli_json_carries_metadata_confidence_and_flags(tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text(FRONT_SHEET.format(title="None"), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "cli.py", "extract", str(path), "--no-model"], capture_output=True, cwd=ROOT, check=True
    )
    meta = json.loads(out.stdout)["metadata"]
    assert isinstance(meta["title"], str)
    assert meta["needs_review"]["title"] is True
    assert isinstance(meta["confidence"]["title"], float)
