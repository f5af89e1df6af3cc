"""The overview's timeline: dated events of every report on one time axis.

The axis covers where the dates are, not every stray: a date far outside the body of the dates (a
number read as a year, a historical reference) is left out of the axis range and drawn as a marked
arrow at the edge, with its value on hover. Year labels are spaced so they never crowd (every year,
or every 2, 5, 10 ... years).
"""

from __future__ import annotations

import math
from html import escape

from models.report import DateMention, Report
from pipelines.render.style import COLOURS

LABEL_GAP = 48  # at least this many pixels between two year labels
STEPS = (1, 2, 5, 10, 20, 50, 100, 200)
OUTLIER_IQR = 3.0  # an event beyond this many interquartile ranges of the quartiles is an outlier
MIN_SPREAD = 1.0  # years: a tight cluster still gets at least this interquartile range


def _when(d: DateMention) -> float:
    y, m = int(d.value[:4]), int(d.value[5:7])
    day = int(d.value[8:10]) if d.precision == "day" else 15
    return y + (m - 1) / 12 + (day - 1) / 365


def axis_range(times: list[float]) -> tuple[float, float]:
    """The range the axis covers: the times within OUTLIER_IQR interquartile ranges of the quartiles."""
    ts = sorted(times)
    q1, q3 = ts[len(ts) // 4], ts[(3 * len(ts)) // 4]
    iqr = max(q3 - q1, MIN_SPREAD)
    inside = [t for t in ts if q1 - OUTLIER_IQR * iqr <= t <= q3 + OUTLIER_IQR * iqr]
    return inside[0], inside[-1]


def year_step(lo: float, hi: float, pixels: float) -> int:
    """The smallest step in STEPS whose year labels are at least LABEL_GAP pixels apart."""
    span = max(hi - lo, 1.0)
    return next((s for s in STEPS if pixels * s / span >= LABEL_GAP), STEPS[-1])


def timeline_svg(reports: list[tuple[str, Report]], width: int = 900) -> str:
    """Dated events (day and month precision) of every report on one time axis; outliers marked at its edges."""
    events = [
        (_when(d), row, stem, d)
        for row, (stem, r) in enumerate(reports)
        for d in r.dates
        if d.precision in ("day", "month")
    ]
    if not events:
        return "<p>No dated events.</p>"
    lo, hi = axis_range([e[0] for e in events])
    lo, hi = math.floor(lo), max(math.ceil(hi), math.floor(lo) + 1)  # whole years, so the ends are labelled
    span = hi - lo
    left, plot = 150, width - 170
    height = 30 + 18 * len(reports)
    x = lambda t: left + plot * (t - lo) / span  # noqa: E731
    step = year_step(lo, hi, plot)
    first = -(-lo // step) * step
    axis = "".join(
        f'<line x1="{x(yr):.1f}" y1="10" x2="{x(yr):.1f}" y2="{height - 10}" stroke="#eee"/>'
        f'<text class="year" x="{x(yr):.1f}" y="{height}" text-anchor="middle">{yr}</text>'
        for yr in range(first, hi + 1, step)
    )
    labels = "".join(f'<text x="4" y="{24 + 18 * i}">{escape(stem[:24])}</text>' for i, (stem, _) in enumerate(reports))
    dots, outliers = [], 0
    for t, row, stem, d in events:
        tip = f"{escape(d.value)} {escape(d.context or '')} — {escape(stem)}: {escape(d.text)}"
        cy = 20 + 18 * row
        if lo <= t <= hi:
            dots.append(
                f'<circle cx="{x(t):.1f}" cy="{cy}" r="4" fill="{COLOURS["dates"]}" stroke="#333"><title>{tip}</title></circle>'
            )
            continue
        outliers += 1
        edge, sign = (left - 8, -1) if t < lo else (left + plot + 8, 1)
        points = f"{edge + 5 * sign},{cy} {edge - 3 * sign},{cy - 5} {edge - 3 * sign},{cy + 5}"
        dots.append(
            f'<polygon class="outlier" points="{points}" fill="#fff" stroke="#b00020">'
            f"<title>outside the axis range: {tip}</title></polygon>"
        )
    note = (
        f'<p class="note">{outliers} date(s) far outside the others are left out of the axis range and marked with '
        "an arrow at its edge (hover to read them).</p>"
        if outliers
        else ""
    )
    return (
        f'<svg id="timeline" width="{width}" height="{height + 10}" xmlns="http://www.w3.org/2000/svg">'
        f"{axis}{labels}{''.join(dots)}</svg>{note}"
    )
