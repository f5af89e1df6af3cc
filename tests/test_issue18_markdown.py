"""Issue 18: Markdown is known by its content (standard input, a .txt file, no suffix), and its YAML
front matter is metadata, never the title text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import councilx

ROOT = Path(__file__).resolve().parents[1]
RULES = councilx.Settings(use_model=False)

TABLE_REPORT = """Riverside Shared Services Review

This report reviews the shared service between Exeter City Council and Teignbridge District Council.

| Workstream | Lead | Saving |
|---|---|---|
| Revenues and benefits | Exeter City Council | £120k |
| Waste collection | Teignbridge District Council | £80k |
"""

FRONT_MATTER = """---
layout: report
title: "Riverside Shared Services Review"
date: 2021-06-14
author: Head of Shared Services
tags: [partnership, review]
---

# Introduction

This report reviews the shared service between Exeter City Council and Teignbridge District Council.
"""


def _check_table_read(data: dict) -> None:
    assert data["source"]["format"] == "markdown"
    assert {w["name"] for w in data["workstreams"]} == {"Revenues and benefits", "Waste collection"}
    assert sorted(s["amount"] for s in data["savings"]) == [80000.0, 120000.0]


def test_markdown_on_standard_input_keeps_its_tables():
    out = subprocess.run(
        [sys.executable, "cli.py", "extract", "-", "--no-model"],
        input=TABLE_REPORT.encode(),
        capture_output=True,
        cwd=ROOT,
        check=True,
    )
    _check_table_read(json.loads(out.stdout))


@pytest.mark.parametrize("name", ["review.txt", "review"], ids=["txt-suffix", "no-suffix"])
def test_markdown_under_another_name_keeps_its_tables(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_text(TABLE_REPORT, encoding="utf-8")
    _check_table_read(json.loads(councilx.report_to_json(councilx.extract_report(path, RULES))))


def test_a_table_far_down_a_text_file_is_still_markdown(tmp_path: Path):
    path = tmp_path / "long.txt"
    filler = "".join(f"Paragraph {i} of the background to the shared service.\n\n" for i in range(200))
    path.write_text(TABLE_REPORT.replace("\n\n| Workstream", f"\n\n{filler}| Workstream"), encoding="utf-8")
    assert path.stat().st_size > 9000  # past the bytes the format sniffer reads
    _check_table_read(json.loads(councilx.report_to_json(councilx.extract_report(path, RULES))))


def test_plain_text_stays_text(tmp_path: Path):
    path = tmp_path / "plain.txt"
    path.write_text("Cabinet report\n\nThe council agreed the budget on 3 June 2021.\n", encoding="utf-8")
    assert councilx.extract_report(path, RULES).source.format == "text"


def test_front_matter_is_metadata_not_the_title(tmp_path: Path):
    path = tmp_path / "review.md"
    path.write_text(FRONT_MATTER, encoding="utf-8")
    meta = councilx.extract_report(path, RULES).metadata
    assert meta.title == "Riverside Shared Services Review"
    assert meta.report_date == "2021-06-14"
    assert meta.author == "Head of Shared Services"
    assert "layout" not in (meta.title or "") and "---" not in (meta.title or "")


def test_a_pages_own_date_is_when_it_was_posted_not_a_date_of_the_report(tmp_path: Path):
    # GUIDELINES: a page's metadata block holds no dates; the meeting's date is the one its text gives
    path = tmp_path / "minutes.md"
    path.write_text(
        "---\ntitle: Harbour Forum Minutes - 3 March 2015\ndate: 2015-04-20\n---\n\n"
        "The forum met on 3 March 2015 and agreed to meet again on 9 June 2015.\n",
        encoding="utf-8",
    )
    for settings in (RULES, councilx.Settings()):
        report = councilx.extract_report(path, settings)
        assert report.metadata.report_date == "2015-03-03"
        assert [d.value for d in report.dates] == ["2015-03-03", "2015-06-09"]


def test_a_posted_date_stands_in_for_the_report_date_only_for_review(tmp_path: Path):
    path = tmp_path / "review.md"
    path.write_text(FRONT_MATTER, encoding="utf-8")
    report = councilx.extract_report(path, councilx.Settings())
    assert report.metadata.report_date == "2021-06-14"
    assert report.metadata.needs_review["report_date"] is True
    assert report.dates == []


def test_an_event_pages_start_in_its_front_matter_is_the_meeting_date(tmp_path: Path):
    # a static site's event collection has no "date:", only the event's start as an ISO date-time
    path = tmp_path / "meeting.md"
    path.write_text(
        "---\ntitle: Autumn Stroke Network Meeting\nstart: 2023-10-05T13:30:00.000Z\nend: 2023-10-05T15:00:00.000Z\n"
        "location: Online\n---\n## Notes\n\nThe network agreed to share its audit tool with member trusts.\n",
        encoding="utf-8",
    )
    report = councilx.extract_report(path, RULES)
    assert report.metadata.report_date == "2023-10-05"
    assert "2023-10-05" in [d.value for d in report.dates]
