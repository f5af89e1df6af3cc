"""The batch overview: partner network, timeline, savings totals, common workstreams, report table.

Reads the JSON outputs and manifest.jsonl of a batch folder; draws its own SVG (no libraries).
"""
from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from html import escape
from itertools import combinations
from pathlib import Path

from models.report import Report
from pipelines.output import MANIFEST_NAME
from pipelines.render.style import BASE_CSS, COLOURS

CSS = BASE_CSS + """
section { background: #fff; margin: 16px 20px; padding: 12px 16px; border: 1px solid #e3e3e3; border-radius: 6px; }
section h2 { font-size: 15px; margin: 0 0 8px; }
.grid { display: flex; gap: 16px; flex-wrap: wrap; }
.grid > section { flex: 1; min-width: 320px; }
svg text { font-size: 10px; font-family: sans-serif; }
.failed { color: #b00; }
"""


def load_reports(outdir: Path) -> list[tuple[str, Report]]:
    """(stem, report) for every readable report JSON in the folder."""
    out = []
    for path in sorted(outdir.glob("*.json")):
        try:
            out.append((path.stem, Report.model_validate(json.loads(path.read_text(encoding="utf-8")))))
        except (OSError, ValueError):
            continue
    return out


def manifest_counts(outdir: Path) -> Counter:
    counts: Counter = Counter()
    path = outdir / MANIFEST_NAME
    if path.exists():
        latest: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                row = json.loads(line)
                latest[row["path"]] = row["status"]
            except (ValueError, KeyError, TypeError):
                continue
        counts.update(latest.values())
    return counts


def network_svg(reports: list[tuple[str, Report]], size: int = 640) -> str:
    """Organisations that appear as partners together, on a circle; edge width = reports shared."""
    edges: Counter = Counter()
    degree: Counter = Counter()
    for _, r in reports:
        names = sorted({p.name for p in r.partners})
        degree.update(names)
        edges.update(combinations(names, 2))
    nodes = [n for n, _ in degree.most_common(40)]
    if not nodes:
        return "<p>No partners found.</p>"
    c, radius = size / 2, size / 2 - 175
    pos = {n: (c + radius * math.cos(2 * math.pi * i / len(nodes)), c + radius * math.sin(2 * math.pi * i / len(nodes)))
           for i, n in enumerate(nodes)}
    lines = [f'<line x1="{pos[a][0]:.1f}" y1="{pos[a][1]:.1f}" x2="{pos[b][0]:.1f}" y2="{pos[b][1]:.1f}" '
             f'stroke="#888" stroke-width="{min(6, w)}"><title>{escape(a)} – {escape(b)}: {w}</title></line>'
             for (a, b), w in edges.items() if a in pos and b in pos]
    dots = []
    for n, (x, y) in pos.items():
        anchor = "start" if x >= c else "end"
        dx = 8 if x >= c else -8
        dots.append(f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="{4 + 2 * min(degree[n], 5)}" '
                    f'fill="{COLOURS["partners"]}"><title>{escape(n)}: {degree[n]} report(s)</title></circle>'
                    f'<text x="{x + dx:.1f}" y="{y + 3:.1f}" text-anchor="{anchor}">{escape(n)}</text>')
    return (f'<svg id="network" width="{size}" height="{size}" viewBox="0 0 {size} {size}" '
            f'xmlns="http://www.w3.org/2000/svg">{"".join(lines)}{"".join(dots)}</svg>')


def timeline_svg(reports: list[tuple[str, Report]], width: int = 900) -> str:
    """Dated events (day and month precision) of every report on one time axis."""
    events = []
    for row, (stem, r) in enumerate(reports):
        for d in r.dates:
            if d.precision in ("day", "month"):
                y, m = int(d.value[:4]), int(d.value[5:7])
                day = int(d.value[8:10]) if d.precision == "day" else 15
                events.append((y + (m - 1) / 12 + (day - 1) / 365, row, stem, d))
    if not events:
        return "<p>No dated events.</p>"
    lo, hi = min(e[0] for e in events), max(e[0] for e in events)
    span = max(hi - lo, 1.0)
    height = 30 + 18 * len(reports)
    x = lambda t: 150 + (width - 170) * (t - lo) / span  # noqa: E731
    axis = "".join(f'<line x1="{x(yr):.1f}" y1="10" x2="{x(yr):.1f}" y2="{height - 10}" stroke="#eee"/>'
                   f'<text x="{x(yr):.1f}" y="{height}" text-anchor="middle">{yr}</text>'
                   for yr in range(math.ceil(lo), math.floor(hi) + 1))
    labels = "".join(f'<text x="4" y="{24 + 18 * i}">{escape(stem[:24])}</text>' for i, (stem, _) in enumerate(reports))
    dots = "".join(f'<circle cx="{x(t):.1f}" cy="{20 + 18 * row}" r="4" fill="{COLOURS["dates"]}" stroke="#333">'
                   f'<title>{escape(d.value)} {escape(d.context or "")} — {escape(stem)}: {escape(d.text)}</title>'
                   f'</circle>' for t, row, stem, d in events)
    return (f'<svg id="timeline" width="{width}" height="{height + 10}" xmlns="http://www.w3.org/2000/svg">'
            f"{axis}{labels}{dots}</svg>")


def _money(v: float) -> str:
    return f"£{v:,.0f}"


def render_overview(outdir: Path) -> str:
    """The overview page for a batch output folder."""
    reports = load_reports(outdir)
    counts = manifest_counts(outdir)
    by_council: dict[str, float] = defaultdict(float)
    rows, workstreams = [], Counter()
    for stem, r in reports:
        total = sum(s.amount or 0 for s in r.savings)
        by_council[r.metadata.council or "(council not stated)"] += total
        workstreams.update(w.name.strip().lower() for w in r.workstreams)
        review = outdir / f"{stem}.html"
        link = f'<a href="{escape(review.name)}">{escape(r.metadata.title or stem)}</a>' if review.exists() \
            else escape(r.metadata.title or stem)
        rows.append(f"<tr><td>{link}</td><td>{escape(r.metadata.committee or '')}</td>"
                    f"<td>{escape(r.metadata.report_date or '')}</td><td>{escape(r.metadata.council or '')}</td>"
                    f"<td>{len(r.partners)}</td><td>{len(r.workstreams)}</td><td>{len(r.dates)}</td>"
                    f"<td>{len(r.savings)}</td><td>{_money(total)}</td><td>{len(r.recommendations)}</td></tr>")
    council_rows = "".join(f"<tr><td>{escape(c)}</td><td>{_money(v)}</td></tr>"
                           for c, v in sorted(by_council.items(), key=lambda kv: -kv[1]))
    ws_rows = "".join(f"<tr><td>{escape(n)}</td><td>{k}</td></tr>" for n, k in workstreams.most_common(15))
    status = (f"{counts.get('ok', 0)} ok, {counts.get('skipped', 0)} skipped, "
              f'<span class="failed">{counts.get("failed", 0)} failed</span>') if counts else "no manifest"
    head = ("<tr><th>Report</th><th>Committee</th><th>Date</th><th>Council</th><th>Partners</th>"
            "<th>Workstreams</th><th>Dates</th><th>Savings</th><th>Savings total</th><th>Recommendations</th></tr>")
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>councilx overview</title>'
            f"<style>{CSS}</style></head><body><header><h1>Batch overview: {escape(str(outdir))}</h1>"
            f'<div class="meta">{len(reports)} reports · files: {status}</div></header>'
            f'<div class="grid"><section><h2>Partner network</h2>{network_svg(reports)}</section>'
            f"<section><h2>Savings by council</h2><table><tr><th>Council</th><th>Total</th></tr>{council_rows}</table>"
            f"<h2>Most common workstreams</h2><table><tr><th>Workstream</th><th>Reports</th></tr>{ws_rows}</table>"
            f"</section></div><section><h2>Timeline</h2>{timeline_svg(reports)}</section>"
            f'<section><h2>Reports</h2><table id="reports">{head}{"".join(rows)}</table></section></body></html>')
