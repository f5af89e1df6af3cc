"""Issue 18: overview and export savings totals add only the report's own body's statements, never a
figure that a larger one in the same report contains, nor a sum another body set."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import councilx

ROOT = Path(__file__).resolve().parents[1]

BUDGET = """Report to: Cabinet
Date: 14 March 2024
Anytown County Council

Budget 2024/25

1. The council will deliver savings of £80.3m over the next three years.

2. The Adults and Health directorate will deliver savings of £40m of this.

3. The Children's Services directorate will deliver savings of £12m.
"""
MINUTES = """Minutes of the meeting of Brookfield Community Council held on 12 March 2024

1. County Council budget. Members noted that the government had set a £107m savings target for the county council.

2. The council agreed a savings target of £5,000 on grounds maintenance.
"""


@pytest.fixture(scope="module")
def outdir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("sav")
    (root / "in").mkdir()
    (root / "in" / "budget.txt").write_text(BUDGET, encoding="utf-8")
    (root / "in" / "minutes.txt").write_text(MINUTES, encoding="utf-8")
    councilx.run_batch(root / "in", root / "out", councilx.Settings(use_model=False))
    return root / "out"


def _cli(*args: str) -> None:
    res = subprocess.run([sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr


def _amounts(outdir: Path, stem: str) -> list[float]:
    report = councilx.Report.model_validate_json((outdir / f"{stem}.json").read_text(encoding="utf-8"))
    return sorted(s.amount for s in report.savings if s.amount)


def test_export_totals_add_neither_a_part_nor_another_bodys_sum(outdir: Path, tmp_path: Path):
    assert _amounts(outdir, "budget") == [12e6, 40e6, 80.3e6]  # every statement is still extracted ...
    assert _amounts(outdir, "minutes") == [5000, 107e6]
    _cli("export", str(outdir), "--format", "jsonl", "-o", str(tmp_path / "t"))
    rows = [json.loads(x) for x in (tmp_path / "t" / "reports.jsonl").read_text(encoding="utf-8").splitlines()]
    by_file = {Path(r["path"]).name: r for r in rows}
    assert by_file["budget.txt"]["savings_projected"] == 80.3e6  # ... but the parts are not added to the whole
    assert by_file["minutes.txt"]["savings_target"] == 5000  # the government's £107m is not the community council's


def test_overview_totals_and_says_what_it_adds(outdir: Path, tmp_path: Path):
    page = tmp_path / "overview.html"
    _cli("summary", str(outdir), "-o", str(page))
    html = page.read_text(encoding="utf-8")
    table = html[html.index('<table id="savings">') : html.index("</table>", html.index('<table id="savings">'))]
    shown = re.findall(r'<td class="num" title="\d+ statement\(s\)">([^<]+)</td>', table)
    assert "£80.3m" in shown and "£5,000" in shown
    for wrong in ("£132.3m", "£120.3m", "£92.3m", "£107m", "£107.01m"):
        assert f">{wrong}<" not in table
    assert "report's own body" in html and "larger one in the same report contains" in html
