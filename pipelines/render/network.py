"""The partner network as an SVG drawn in Python: bodies on a circle sized to their number.

Bodies that are partners in the same report sit next to each other (connected groups together,
each walked outward from its best-connected body), so most links are short chords. The circle's
circumference grows with the number of bodies so that nodes never overlap; labels run outward along
the radius, where neighbouring labels cannot collide, are cut with an ellipsis when long, and every
node carries its full name in a <title> shown on hover.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from html import escape
from itertools import combinations

from models.report import Report
from pipelines.render.style import COLOURS

MAX_NODES = 150
MAX_LABEL = 36  # characters, ellipsis included
FONT_PX = 11
CHAR_PX = 0.62 * FONT_PX  # a generous average width of a sans-serif character
GAP = 4.0  # pixels between neighbouring nodes on the circle
MIN_RADIUS = 90.0
MARGIN = 8.0


@dataclass(frozen=True)
class Node:
    name: str
    x: float
    y: float
    r: float
    angle: float  # radians, 0 = east, clockwise on screen
    lx: float  # where the label starts, just outside the node
    ly: float


def node_radius(degree: int) -> float:
    return 3.0 + min(degree, 4)


def label(name: str) -> str:
    """The name as drawn: cut to MAX_LABEL characters with an ellipsis."""
    return name if len(name) <= MAX_LABEL else name[: MAX_LABEL - 1].rstrip() + "…"


def graph(reports: list[Report]) -> tuple[Counter, Counter]:
    """(reports per body, reports per pair of bodies) over the partners of every report."""
    degree: Counter = Counter()
    edges: Counter = Counter()
    for r in reports:
        names = sorted({p.name for p in r.partners})
        degree.update(names)
        edges.update(combinations(names, 2))
    return degree, edges


def order(nodes: list[str], degree: Counter, edges: Counter) -> list[str]:
    """Nodes in circle order: each connected group together, walked breadth-first from its best-connected body."""
    keep = set(nodes)
    nbrs: dict[str, Counter] = defaultdict(Counter)
    for (a, b), w in edges.items():
        if a in keep and b in keep:
            nbrs[a][b] += w
            nbrs[b][a] += w
    rank = {n: (-degree[n], n) for n in nodes}
    out: list[str] = []
    placed: set[str] = set()
    for start in sorted(nodes, key=rank.__getitem__):
        if start in placed:
            continue
        queue = [start]
        placed.add(start)
        while queue:
            n = queue.pop(0)
            out.append(n)
            for m in sorted(nbrs[n], key=lambda m: (-nbrs[n][m], rank[m])):
                if m not in placed:
                    placed.add(m)
                    queue.append(m)
    return out


def layout(names: list[str], degree: Counter) -> tuple[list[Node], float, float]:
    """Nodes on a circle whose circumference fits them all without overlap, labels outside along the radius.

    Returns (nodes, width, height) of the smallest picture that holds every node and label.
    """
    n = len(names)
    r_max = max(node_radius(degree[m]) for m in names)
    radius = max(MIN_RADIUS, n * (2 * r_max + GAP) / (2 * math.pi))
    placed, xs, ys = [], [], []
    for i, m in enumerate(names):
        a, r = 2 * math.pi * i / n, node_radius(degree[m])
        cos, sin = math.cos(a), math.sin(a)
        d, end = radius + r + 5, radius + r + 5 + len(label(m)) * CHAR_PX
        placed.append((m, radius * cos, radius * sin, r, a, d * cos, d * sin))
        for dist in (radius - r, d, end):  # the node, both ends of its label, and half a line either side
            for off in (-FONT_PX / 2, FONT_PX / 2):
                xs.append(dist * cos - off * sin)
                ys.append(dist * sin + off * cos)
    dx, dy = MARGIN - min(xs), MARGIN - min(ys)
    nodes = [Node(m, x + dx, y + dy, r, a, lx + dx, ly + dy) for m, x, y, r, a, lx, ly in placed]
    return nodes, max(xs) - min(xs) + 2 * MARGIN, max(ys) - min(ys) + 2 * MARGIN


def _label_svg(node: Node) -> str:
    """The label along the radius, outside the node, upright on both halves of the circle."""
    deg = math.degrees(node.angle)
    rot, anchor = (deg - 180, "end") if 90 < deg < 270 else (deg, "start")
    x, y = f"{node.lx:.1f}", f"{node.ly:.1f}"
    return (
        f'<text x="{x}" y="{y}" dy="{FONT_PX * 0.35:.1f}" text-anchor="{anchor}" style="font-size:{FONT_PX}px" '
        f'transform="rotate({rot:.1f} {x} {y})">{escape(label(node.name))}</text>'
    )


def network_svg(reports: list[Report]) -> str:
    """Bodies that are partners together in a report, linked; link width = reports shared."""
    degree, edges = graph(reports)
    if not degree:
        return "<p>No partners found.</p>"
    top = [n for n, _ in degree.most_common(MAX_NODES)]
    nodes, width, height = layout(order(top, degree, edges), degree)
    pos = {nd.name: nd for nd in nodes}
    lines = [
        f'<line x1="{pos[a].x:.1f}" y1="{pos[a].y:.1f}" x2="{pos[b].x:.1f}" y2="{pos[b].y:.1f}" '
        f'stroke="#8a8a8a" stroke-opacity="0.55" stroke-width="{min(6, w)}">'
        f"<title>{escape(a)} – {escape(b)}: {w} report(s)</title></line>"
        for (a, b), w in sorted(edges.items())
        if a in pos and b in pos
    ]
    dots = [
        f"<g><title>{escape(nd.name)}: {degree[nd.name]} report(s)</title>"
        f'<circle class="node" cx="{nd.x:.1f}" cy="{nd.y:.1f}" r="{nd.r:.1f}" fill="{COLOURS["partners"]}" '
        f'stroke="#7a4a1d" stroke-width="0.6"/>{_label_svg(nd)}</g>'
        for nd in nodes
    ]
    note = (
        f'<p class="note">The {len(top)} bodies in most reports, of {len(degree)}.</p>'
        if len(degree) > len(top)
        else ""
    )
    w, h = f"{width:.0f}", f"{height:.0f}"
    return (
        f'{note}<svg id="network" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
        f'xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Partner network of {len(nodes)} bodies">'
        f"{''.join(lines)}{''.join(dots)}</svg>"
    )
