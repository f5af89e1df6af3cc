"""The batch overview tells the truth: savings added only within a kind, a readable network, honest counts."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from models.evidence import Evidence
from models.report import Metadata, Organisation, Report, Saving, SourceRef, Workstream
from pipelines import Settings, run_batch
from pipelines.render import render_overview
from pipelines.render.network import CHAR_PX, FONT_PX, MAX_LABEL, label, network_svg
from pipelines.render.overview import status_line, workstreams_section
from pipelines.render.savings_totals import by_council, is_not_a_saving, money, tally

SVG = "{http://www.w3.org/2000/svg}"

# Bodies of a made-up region; some names are long enough to need an ellipsis.
PLACES = [
    "Ashcombe",
    "Bramford",
    "Carrow",
    "Dunmere",
    "Eastleigh Vale",
    "Fernhurst",
    "Glenmoor",
    "Harwick",
    "Ivybridge Moor",
    "Juniper Downs",
    "Kestrel Bay",
    "Larchfield",
    "Millbrook",
    "Northcote",
    "Oakhanger",
    "Pennington",
    "Quarrydale",
    "Redcliffe",
    "Stourmouth",
    "Thornbury Heath",
]
SUFFIXES = ["District Council", "Borough Council", "Town Council and Parish Meeting Joint Board"]
BODIES = [f"{p} {s}" for s in SUFFIXES for p in PLACES]  # 60 bodies


def _ev(text: str) -> list[Evidence]:
    return [Evidence(page=1, start=0, end=len(text), quote=text)]


def _report(
    i: int, partners: list[str], council: str | None = None, savings: list[Saving] = (), workstreams: list[str] = ()
) -> Report:
    return Report(
        source=SourceRef(path=f"r{i}.txt", sha256=f"{i:064x}", format="text", pages=1),
        metadata=Metadata(title=f"Report {i}", council=council),
        partners=[Organisation(name=n, evidence=_ev(n)) for n in partners],
        savings=list(savings),
        workstreams=[Workstream(name=w, evidence=_ev(w)) for w in workstreams],
    )


def _saving(text: str, amount: float | None, kind: str = "achieved") -> Saving:
    return Saving(text=text, amount=amount, kind=kind, evidence=_ev(text))


def sixty_body_batch() -> list[Report]:
    """12 partnerships of 6 bodies each over 60 bodies; neighbouring partnerships share a body."""
    return [_report(i, [BODIES[(5 * i + k) % len(BODIES)] for k in range(6)]) for i in range(12)]


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg[svg.index("<svg") :])


# --- partner network ------------------------------------------------------------------------------------------


def _centre(circles):
    """The centre of the ring: nodes are evenly spaced, so it is their mean."""
    return sum(x for x, _, _ in circles) / len(circles), sum(y for _, y, _ in circles) / len(circles)


def test_sixty_bodies_drawn_without_overlap_and_with_full_names():
    root = _parse(network_svg(sixty_body_batch()))
    width, height = float(root.get("width")), float(root.get("height"))
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    groups = root.findall(f"{SVG}g")
    assert len(groups) == len(BODIES) == 60
    circles = [(float(c.get("cx")), float(c.get("cy")), float(c.get("r"))) for c in root.iter(f"{SVG}circle")]
    for i, (x1, y1, r1) in enumerate(circles):  # no two nodes touch
        for x2, y2, r2 in circles[i + 1 :]:
            assert math.hypot(x1 - x2, y1 - y2) >= r1 + r2 + 2
    titles = {g.find(f"{SVG}title").text.split(":")[0] for g in groups}
    assert titles == set(BODIES)  # the full name on hover, for every body
    cx, cy = _centre(circles)
    ring = max(math.hypot(x - cx, y - cy) + r for x, y, r in circles)
    angles = []
    for g in groups:
        text = g.find(f"{SVG}text")
        full = g.find(f"{SVG}title").text.split(":")[0]
        shown = text.text
        assert len(shown) <= MAX_LABEL and (shown == full or (shown.endswith("…") and full.startswith(shown[:-1])))
        x, y = float(text.get("x")), float(text.get("y"))
        d = math.hypot(x - cx, y - cy)
        assert d > ring - 1e-6  # the label starts outside the ring of nodes ...
        a = math.atan2(y - cy, x - cx)
        end_x, end_y = x + len(shown) * CHAR_PX * math.cos(a), y + len(shown) * CHAR_PX * math.sin(a)
        assert 0 <= end_x <= width and 0 <= end_y <= height  # ... and ends inside the picture
        angles.append(a)
    angles.sort()
    gaps = [b - a for a, b in zip(angles, angles[1:] + [angles[0] + 2 * math.pi])]
    assert min(gaps) * ring >= 1.1 * FONT_PX  # radial labels of neighbours are at least a line apart
    assert any(t.text.endswith("…") for t in root.iter(f"{SVG}text"))


def test_the_ring_and_the_picture_grow_with_the_number_of_bodies():
    def ring_and_size(reports):
        root = _parse(network_svg(reports))
        circles = [(float(e.get("cx")), float(e.get("cy")), 0) for e in root.iter(f"{SVG}circle")]
        cx, cy = _centre(circles)
        return max(math.hypot(x - cx, y - cy) for x, y, _ in circles), float(root.get("width"))

    (r_small, s_small), (r_large, s_large) = ring_and_size(sixty_body_batch()[:2]), ring_and_size(sixty_body_batch())
    assert r_large > 1.4 * r_small and s_large > s_small


def test_partners_of_one_report_sit_together():
    """Short chords: partners of one report are neighbours on the circle."""
    reports = sixty_body_batch()
    root = _parse(network_svg(reports))
    order = [g.find(f"{SVG}title").text.split(":")[0] for g in root.findall(f"{SVG}g")]
    where = {n: i for i, n in enumerate(order)}
    n = len(order)
    spans = []
    for r in reports:
        idx = sorted(where[p.name] for p in r.partners)
        gaps = [b - a for a, b in zip(idx, idx[1:] + [idx[0] + n])]
        spans.append(n - max(gaps))  # the arc the report's partners cover
    assert sum(spans) / len(spans) <= 15  # of 60 positions (random order would cover ~45)


def test_label_is_cut_with_an_ellipsis():
    assert label("Kent County Council") == "Kent County Council"
    long = "Quarrydale Town Council and Parish Meeting Joint Board"
    assert len(label(long)) <= MAX_LABEL and label(long).endswith("…") and long.startswith(label(long)[:-1])


# --- savings --------------------------------------------------------------------------------------------------

COUNCIL_BUDGET = """Report to: Cabinet

Date: 20 January 2025

Report title: Revenue Budget Monitoring 2024/25

Report from: Corporate Director of Finance, Harwick District Council

The council has delivered savings of £12.5 million in 2024/25.

Of the planned savings, £3 million could not be delivered this year and will be carried forward.

Savings of £8 million are still required to balance the budget for 2025/26.

The shared waste partnership is projected to save £1.5 million per year from 2026.

The council has a savings target of £20 million over the next three years.

RECOMMENDATIONS:

a) note the position on savings.
"""


def test_undelivered_and_still_required_sums_are_never_added(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "budget.txt").write_text(COUNCIL_BUDGET, encoding="utf-8")
    run_batch(tmp_path / "in", tmp_path / "out", Settings(use_model=False))
    html = render_overview(tmp_path / "out")
    table = html[html.index('<table id="savings">') : html.index("</table>", html.index('<table id="savings">'))]
    amounts = sorted(
        s.amount
        for s in Report.model_validate_json((tmp_path / "out" / "budget.json").read_text(encoding="utf-8")).savings
        if s.amount
    )
    assert amounts == [1.5e6, 3e6, 8e6, 12.5e6, 20e6]  # the extractor finds all five statements ...
    shown = re.findall(r'<td class="num" title="\d+ statement\(s\)">([^<]+)</td>', table)
    assert sorted(shown) == sorted(["£12.5m", "£1.5m", "£20m"])  # ... the overview adds only real savings
    for wrong in ("£45m", "£25m", "£32.5m", "£15.5m", "£23.5m", "£3m", "£8m"):
        assert f">{wrong}<" not in table
    assert re.search(r'<td class="num" title="[^"]*could not be delivered[^"]*still required[^"]*">2</td>', table)


def test_totals_are_per_kind_and_a_repeated_figure_counts_once():
    savings = [
        _saving("The partnership saved £250,000 in 2023/24.", 250_000),
        _saving("As noted above, the partnership saved £250,000 in 2023/24.", 250_000),
        _saving("A further £100,000 was saved on shared ICT.", 100_000),
        _saving("The target is to save £1 million by 2027.", 1_000_000, "target"),
        _saving("The service will deliver efficiencies.", None, "projected"),
        _saving("No saving was recorded (£0).", 0.0, "unspecified"),
        _saving("There remains a funding gap of £400,000.", 400_000, "unspecified"),
    ]
    t = tally(savings)
    assert t.totals["achieved"] == 350_000 and t.counts["achieved"] == 2
    assert t.totals["target"] == 1_000_000 and t.totals["projected"] == 0
    assert t.no_figure == 2 and [s.amount for s in t.not_added] == [400_000]


def test_councils_without_any_figure_get_no_zero_row(tmp_path: Path):
    reports = [
        _report(1, [], "Ashcombe District Council", [_saving("The council saved £2m.", 2e6)]),
        _report(2, [], "Bramford Borough Council", [_saving("Efficiencies will be sought.", None)]),
    ]
    totals = by_council(reports)
    assert totals["Bramford Borough Council"].no_figure == 1
    assert not totals["Bramford Borough Council"].has_figure
    from pipelines.render.overview import savings_section

    html = savings_section([("a", reports[0]), ("b", reports[1])])
    assert "Ashcombe District Council" in html and "£2m" in html
    assert "Bramford" not in html and "£0" not in html
    assert "Not listed: 1 council(s) with 1 statement(s) and no figure to add." in html


@pytest.mark.parametrize(
    "text",
    [
        "Of this, £2.1m of savings could not be delivered in year.",
        "A further £4m is still required to close the budget.",
        "Savings of £600k were not achieved.",
        "The remaining shortfall is £1.2 million.",
        "This leaves a gap of £900,000 for 2026/27.",
        "£350,000 of the programme remains undelivered.",
        "£1m of savings are still to be identified.",
    ],
)
def test_statements_that_are_not_savings(text):
    assert is_not_a_saving(_saving(text, 1.0))


@pytest.mark.parametrize(
    "text",
    [
        "The shared service has delivered savings of £1.2m.",
        "The partnership achieved its savings target of £500,000.",
        "The council is projected to save £3 million over five years.",
    ],
)
def test_statements_that_are_savings(text):
    assert not is_not_a_saving(_saving(text, 1.0))


def test_money_is_short_and_exact_enough():
    assert [money(v) for v in (231_500_000, 40_000_000, 250_000, 950, 2_500_000_000)] == [
        "£231.5m",
        "£40m",
        "£250k",
        "£950",
        "£2.5bn",
    ]


# --- counts and workstreams -----------------------------------------------------------------------------------


def test_failed_count_is_red_only_when_there_are_failures():
    assert 'class="failed"' not in status_line(Counter(ok=12))
    assert ">0 failed<" in status_line(Counter(ok=12))
    assert '<span class="failed">2 failed</span>' in status_line(Counter(ok=10, failed=2))
    assert status_line(Counter()) == "no manifest"


def test_only_recurring_workstreams_are_listed():
    reports = [
        ("a", _report(1, [], workstreams=["Waste collection", "Shared ICT", "Street lighting"])),
        ("b", _report(2, [], workstreams=["waste  collection", "Payroll", "Shared ICT", "Shared ICT"])),
        ("c", _report(3, [], workstreams=["Shared ICT"])),
    ]
    html = workstreams_section(reports)
    rows = re.findall(r"<tr><td>([^<]+)</td><td class='num'>(\d+)</td></tr>", html)
    assert rows == [("Shared ICT", "3"), ("Waste collection", "2")]
    assert "Payroll" not in html and "Street lighting" not in html
    assert "more than one report" in workstreams_section(reports[:1])


@pytest.mark.parametrize(
    "text",
    [
        "£2m of the savings couldn't be delivered.",
        "£2m of the savings couldn’t be delivered.",
        "The £5m target was not met.",
        "Savings of £1m cannot be achieved this year.",
    ],
)
def test_contracted_and_negated_forms(text):
    assert is_not_a_saving(_saving(text, 1.0))
