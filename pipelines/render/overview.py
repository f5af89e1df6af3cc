"""The batch overview: partner network, timeline, savings totals, common workstreams, report table.

Reads the JSON outputs and manifest.jsonl of a batch folder; draws its own SVG (no libraries).
Savings are totalled per kind and never across kinds (``savings_totals``); the network is laid out in
``network``; workstreams are listed only when a name recurs in two or more reports.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from html import escape
from pathlib import Path

from models.report import SCHEMA_VERSION, Report
from pipelines.output import MANIFEST_NAME, source_gone
from pipelines.render.network import network_svg
from pipelines.render.savings_totals import KINDS, Tally, by_council, money, tally_report
from pipelines.render.style import BASE_CSS
from pipelines.render.timeline import timeline_svg

KIND_LABELS = {"achieved": "achieved", "projected": "projected", "target": "target", "unspecified": "kind not stated"}

CSS = (
    BASE_CSS
    + """
section { background: #fff; margin: 16px 20px; padding: 12px 16px; border: 1px solid #e3e3e3; border-radius: 6px; }
section h2 { font-size: 15px; margin: 0 0 8px; }
.grid { display: flex; gap: 16px; flex-wrap: wrap; }
.grid > section { flex: 1 1 360px; min-width: 0; overflow-x: auto; }
.grid > section.wide { flex: 0 1 auto; max-width: 100%; }
svg text { font-size: 10px; font-family: sans-serif; }
.failed { color: #ffb3b3; font-weight: 600; }
th.num { text-align: right; }
td.num { text-align: right; white-space: nowrap; }
td.none { color: #999; }
#reports td:nth-child(3) { white-space: nowrap; }
p.note { font-size: 12px; color: #555; max-width: 60em; }
.gone { background: #fff3cd; color: #5c4400; padding: 0 4px; border-radius: 3px; font-size: 12px; }
"""
)


def load_reports(outdir: Path) -> list[tuple[str, Report]]:
    """(stem, report) for every readable report JSON in the folder."""
    return read_reports(outdir)[0]


def read_reports(outdir: Path) -> tuple[list[tuple[str, Report]], list[tuple[Path, str]]]:
    """(stem, report) for every readable report JSON in the folder, and (path, why) for every other ``*.json``."""
    out, bad = [], []
    for path in sorted(outdir.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as e:
            bad.append((path, f"cannot be read ({(e.strerror or str(e)).lower()})"))
            continue
        except ValueError as e:
            bad.append((path, f"is not valid JSON ({e})"))
            continue
        try:
            out.append((path.stem, Report.model_validate(data)))
        except ValueError as e:
            bad.append((path, _why_not_a_report(data, e)))
    return out, bad


def _why_not_a_report(data: object, error: ValueError) -> str:
    version = data.get("schema_version") if isinstance(data, dict) else None
    if version is None:
        return "is not a councilx report (no schema_version)"
    if str(version).split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        return f"has schema_version {version}, which this version ({SCHEMA_VERSION}) does not read"
    count = error.error_count() if hasattr(error, "error_count") else 1
    return f"is not a valid councilx report ({count} field error(s))"


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


def savings_cell(t: Tally) -> str:
    """What a report's or council's savings add up to, kind by kind, e.g. 'achieved £80.3m · target £40m'."""
    parts = [
        f'<span title="{t.counts[k]} statement(s)">{KIND_LABELS[k]} {money(t.totals[k])}</span>'
        for k in KINDS
        if t.counts[k]
    ]
    return " · ".join(parts) or "—"


def savings_section(reports: list[tuple[str, Report]]) -> str:
    """Savings by council: one total per kind, statements without a figure counted, shortfalls not added."""
    tallies = by_council(r for _, r in reports)
    shown = {c: t for c, t in tallies.items() if t.has_figure}
    rows = []
    for council, t in sorted(shown.items(), key=lambda kv: (-max(kv[1].totals.values()), kv[0])):
        cells = "".join(
            f'<td class="num" title="{t.counts[k]} statement(s)">{money(t.totals[k])}</td>'
            if t.counts[k]
            else '<td class="num none">—</td>'
            for k in KINDS
        )
        left_out = "\n".join(escape(s.text) for s in t.left_out)
        hover = f' title="{left_out}"' if left_out else ""
        rows.append(
            f"<tr><td>{escape(council)}</td>{cells}<td class='num'>{t.no_figure}</td>"
            f'<td class="num"{hover}>{len(t.left_out)}</td></tr>'
        )
    head = (
        "<tr><th>Council</th>"
        + "".join(f'<th class="num">{KIND_LABELS[k].capitalize()}</th>' for k in KINDS)
        + '<th class="num">Without a figure</th><th class="num">Not added</th></tr>'
    )
    rest = [t for c, t in tallies.items() if c not in shown and t.statements]
    rest_note = (
        f"Not listed: {len(rest)} council(s) with {sum(t.statements for t in rest)} statement(s) and no figure to add."
        if rest
        else ""
    )
    if not rows:
        return "<p>No savings figures found.</p>" + (f'<p class="note">{rest_note}</p>' if rest else "")
    note = (
        "Each column adds statements of one kind only; a figure stated twice in one report counts once. "
        "Only statements whose subject is the report's own body (its council, committee or partners) are "
        "added, never a sum another body set (the government's target for a county, in a parish's minutes) "
        "nor a figure that a larger one in the same report contains (a directorate's share of the council's). "
        "<i>Not added</i>: those, and sums that could not be delivered, are still required, or are a shortfall "
        f"or gap (hover to read them). {rest_note}"
    )
    return f'<table id="savings">{head}{"".join(rows)}</table><p class="note">{note.strip()}</p>'


def workstreams_section(reports: list[tuple[str, Report]], limit: int = 15) -> str:
    """Workstreams named in two or more reports (a name that occurs once is not 'common')."""
    seen: Counter = Counter()
    spelling: dict[str, Counter] = defaultdict(Counter)
    for _, r in reports:
        names = {}
        for w in r.workstreams:
            key = " ".join(w.name.split()).lower()
            names[key] = w.name.strip()
        seen.update(names.keys())
        for key, name in names.items():
            spelling[key][name] += 1
    common = [(k, n) for k, n in seen.most_common() if n >= 2][:limit]
    if not common:
        return "<p>No workstream is named in more than one report.</p>"
    rows = "".join(
        f"<tr><td>{escape(spelling[k].most_common(1)[0][0])}</td><td class='num'>{n}</td></tr>" for k, n in common
    )
    return f'<table id="workstreams"><tr><th>Workstream</th><th class="num">Reports</th></tr>{rows}</table>'


def status_line(counts: Counter) -> str:
    """'12 ok, 0 skipped, 0 failed' from the manifest; the failed count is red only when it is not zero."""
    if not counts:
        return "no manifest"
    failed = counts.get("failed", 0)
    cls = "failed" if failed else "zero"
    return f'{counts.get("ok", 0)} ok, {counts.get("skipped", 0)} skipped, <span class="{cls}">{failed} failed</span>'


def _gone_note(gone: set[str]) -> str:
    if not gone:
        return ""
    return (
        f' · <span class="gone">{len(gone)} report(s) whose input file is gone</span> '
        "(still counted here; <code>batch DIR -o OUTDIR --prune</code> removes them)"
    )


def render_overview(
    outdir: Path, corrections: Path | None = None, on_problem: Callable[[str], None] | None = None
) -> str:
    """The overview page for a batch output folder, with the ``corrections`` folder's files applied when
    given (a bad correction file goes to ``on_problem`` as one line)."""
    from pipelines.corrections import correct_reports

    reports, problems = correct_reports(load_reports(outdir), corrections)
    for line in problems:
        if on_problem:
            on_problem(line)
    counts = manifest_counts(outdir)
    rows = []
    gone = {stem for stem, r in reports if source_gone(r.source.path, outdir / f"{stem}.json")}
    for stem, r in reports:
        review = outdir / f"{stem}.html"
        link = (
            f'<a href="{escape(review.name)}">{escape(r.metadata.title or stem)}</a>'
            if review.exists()
            else escape(r.metadata.title or stem)
        )
        if stem in gone:
            link += f' <span class="gone" title="{escape(r.source.path)}">input file gone</span>'
        rows.append(
            f"<tr><td>{link}</td><td>{escape(r.metadata.committee or '')}</td>"
            f"<td>{escape(r.metadata.report_date or '')}</td><td>{escape(r.metadata.council or '')}</td>"
            f"<td>{len(r.partners)}</td><td>{len(r.workstreams)}</td><td>{len(r.dates)}</td>"
            f"<td>{len(r.savings)}</td><td>{savings_cell(tally_report(r))}</td>"
            f"<td>{len(r.recommendations)}</td></tr>"
        )
    head = (
        "<tr><th>Report</th><th>Committee</th><th>Date</th><th>Council</th><th>Partners</th>"
        "<th>Workstreams</th><th>Dates</th><th>Savings</th><th>Savings figures by kind</th>"
        "<th>Recommendations</th></tr>"
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>councilx overview</title>'
        f"<style>{CSS}</style></head><body><header><h1>Batch overview: {escape(str(outdir))}</h1>"
        f'<div class="meta">{len(reports)} reports · files: {status_line(counts)}{_gone_note(gone)}</div></header>'
        f'<div class="grid"><section class="wide"><h2>Partner network</h2>'
        f"{network_svg([r for _, r in reports])}</section>"
        f"<section><h2>Savings by council</h2>{savings_section(reports)}"
        f"<h2>Most common workstreams</h2>{workstreams_section(reports)}"
        f"</section></div><section><h2>Timeline</h2>{timeline_svg(reports)}</section>"
        f'<section><h2>Reports</h2><table id="reports">{head}{"".join(rows)}</table></section></body></html>'
    )
