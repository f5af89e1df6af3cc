"""Issue 18: the overview's timeline labels years sparsely and leaves a stray date out of its axis, marked."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import councilx

ROOT = Path(__file__).resolve().parents[1]
SVG = "{http://www.w3.org/2000/svg}"


def _overview(tmp_path: Path, texts: dict[str, str]) -> str:
    (tmp_path / "in").mkdir()
    for name, text in texts.items():
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    councilx.run_batch(tmp_path / "in", tmp_path / "out", councilx.Settings(use_model=False))
    page = tmp_path / "overview.html"
    res = subprocess.run(
        [sys.executable, "cli.py", "summary", str(tmp_path / "out"), "-o", str(page)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stderr
    return page.read_text(encoding="utf-8")


def _svg(html: str) -> ET.Element:
    return ET.fromstring(re.search(r'<svg id="timeline".*?</svg>', html, re.S).group(0))


def test_a_stray_date_is_left_out_of_the_axis_and_marked(tmp_path: Path):
    html = _overview(
        tmp_path,
        {
            "a.txt": "Cabinet report, 12 October 2020\n\nThe scheme was agreed on 3 June 2019 and reviewed on 4 May 2021.\n",
            "b.txt": "Cabinet report, 2 March 2021\n\nThe clerk's file gives the lease as signed on 5 March 1962.\n",
        },
    )
    svg = _svg(html)
    years = [int(t.text) for t in svg.iter(f"{SVG}text") if (t.text or "").isdigit()]
    assert years and min(years) >= 2018 and max(years) <= 2022  # the axis covers the body of the dates
    marked = list(svg.iter(f"{SVG}polygon"))
    assert len(marked) == 1 and "1962-03-05" in marked[0].find(f"{SVG}title").text
    assert "left out of the axis range" in html
    assert len(list(svg.iter(f"{SVG}circle"))) >= 4


def test_year_labels_never_crowd_over_a_long_span(tmp_path: Path):
    texts = {
        f"r{y}.txt": f"Cabinet report, 12 October {y}\n\nThe scheme was agreed on 3 June {y}.\n"
        for y in range(1980, 2025, 4)
    }
    svg = _svg(_overview(tmp_path, texts))
    xs = sorted(float(t.get("x")) for t in svg.iter(f"{SVG}text") if (t.text or "").isdigit())
    assert len(xs) >= 3
    assert min(b - a for a, b in zip(xs, xs[1:])) >= 40  # labels at least 40 px apart
