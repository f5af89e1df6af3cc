"""Ruled tables on a PDF page, from PDFium's path objects and character boxes.

The ruling lines come from the page's vector paths (every axis-aligned segment of every
subpath, as pdfplumber's ``lines`` strategy reads them from pdfminer); pdfplumber's own
algorithm (snap, join, intersect, cells, tables) turns them into cells; each character goes
to the cell holding its centre. Nothing re-parses the page, so a table costs a few
milliseconds instead of a pdfminer layout pass.

Coordinates are PDF user space with y flipped (``top = -y``), so that "top" grows down
the page as in pdfplumber; only relative positions matter here.
"""

from __future__ import annotations

import ctypes
from bisect import bisect_right
from dataclasses import dataclass

SNAP = JOIN = INTERSECT = 3.0  # pdfplumber's default tolerances, in points
MIN_EDGE = 3.0
MAX_CELLS = 2000  # a page drawing more cells than this is a chart or a pattern, not a table
MAX_EDGES = 3000  # nor one with more ruling lines than this (intersecting them is quadratic)
MAX_SEGMENTS = 100_000  # path segments read per page before giving up on it (a detailed map or chart)


@dataclass(frozen=True)
class PageTable:
    """One table: its bounding box (x0, top, x1, bottom) and its rows of cell texts (None: no cell)."""

    bbox: tuple[float, float, float, float]
    rows: list[list[str | None]]


def _matrix(obj) -> tuple[float, float, float, float, float, float]:
    import pypdfium2.raw as pdfium_c

    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner, outer):
    """The matrix applying ``inner`` then ``outer`` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _path_edges(obj, m, edges: list[dict]) -> int:
    """Append the axis-aligned segments of one path object (in page space) as pdfplumber edges;
    return how many segments it has."""
    import pypdfium2.raw as pdfium_c

    x, y = ctypes.c_float(), ctypes.c_float()
    start = prev = None

    def add(p, q) -> None:
        (x0, y0), (x1, y1) = p, q
        if abs(y0 - y1) < 0.01 and abs(x0 - x1) >= 0.01:
            lo, hi = sorted((x0, x1))
            edges.append(
                {
                    "x0": lo,
                    "x1": hi,
                    "top": -y0,
                    "bottom": -y0,
                    "width": hi - lo,
                    "height": 0.0,
                    "orientation": "h",
                    "object_type": "line",
                }
            )
        elif abs(x0 - x1) < 0.01 and abs(y0 - y1) >= 0.01:
            top, bottom = sorted((-y0, -y1))
            edges.append(
                {
                    "x0": x0,
                    "x1": x0,
                    "top": top,
                    "bottom": bottom,
                    "width": 0.0,
                    "height": bottom - top,
                    "orientation": "v",
                    "object_type": "line",
                }
            )

    count = pdfium_c.FPDFPath_CountSegments(obj)
    for i in range(min(count, MAX_SEGMENTS)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
            continue
        a, b, c, d, e, f = m
        point = (x.value * a + y.value * c + e, x.value * b + y.value * d + f)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = prev = point
            continue
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
            add(prev, point)
        prev = point
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            add(point, start)
            prev = start
    return count


def page_edges(page) -> list[dict]:
    """Every axis-aligned path segment on a pypdfium2 page, form XObjects included; [] for a page
    drawing more than MAX_SEGMENTS segments (not a table)."""
    import pypdfium2.raw as pdfium_c

    edges: list[dict] = []
    seen = 0

    def walk(count, get, outer, depth: int) -> None:
        nonlocal seen
        for i in range(count):
            if seen > MAX_SEGMENTS:
                return
            obj = get(i)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                seen += _path_edges(obj, _compose(_matrix(obj), outer) if outer else _matrix(obj), edges)
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 4:
                m = _compose(_matrix(obj), outer) if outer else _matrix(obj)
                walk(
                    pdfium_c.FPDFFormObj_CountObjects(obj),
                    lambda j, o=obj: pdfium_c.FPDFFormObj_GetObject(o, j),
                    m,
                    depth + 1,
                )

    raw = page.raw
    walk(pdfium_c.FPDFPage_CountObjects(raw), lambda j: pdfium_c.FPDFPage_GetObject(raw, j), None, 0)
    return [] if seen > MAX_SEGMENTS else edges


def find_cells(edges: list[dict]) -> list[list[tuple[float, float, float, float]]]:
    """Groups of cell boxes, one group per table, by pdfplumber's lattice algorithm."""
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
    from pdfplumber.utils import filter_edges

    edges = filter_edges(edges, "v", min_length=1) + filter_edges(edges, "h", min_length=1)
    if len(edges) < 4 or len(edges) > 20 * MAX_EDGES:
        return []
    edges = filter_edges(merge_edges(edges, SNAP, SNAP, JOIN, JOIN), min_length=MIN_EDGE)
    if len(edges) > MAX_EDGES:
        return []
    intersections = edges_to_intersections(edges, INTERSECT, INTERSECT)
    if len(intersections) < 4 or len(intersections) > MAX_CELLS:
        return []
    return cells_to_tables(intersections_to_cells(intersections))


def char_boxes(textpage, text: str) -> list[tuple[float, float, float, float] | None]:
    """Each character's loose box (x0, top, x1, bottom); None for white space (PDFium generates most of it)."""
    import pypdfium2.raw as pdfium_c

    rect = pdfium_c.FS_RECTF()
    ref = ctypes.byref(rect)
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    out: list[tuple[float, float, float, float] | None] = []
    for i, ch in enumerate(text):
        if ch.isspace() or not get_box(textpage, i, ref):
            out.append(None)
            continue
        out.append((rect.left, -rect.top, rect.right, -rect.bottom))
    return out


def _rows(cells: list[tuple[float, float, float, float]]) -> list[list[tuple[float, float, float, float] | None]]:
    """The cells as rows (by top), aligned on the table's distinct left edges, as pdfplumber's Table.rows."""
    xs = sorted({c[0] for c in cells})
    rows: dict[float, dict[float, tuple]] = {}
    for c in sorted(cells, key=lambda c: (c[1], c[0])):
        rows.setdefault(c[1], {})[c[0]] = c
    return [[row.get(x) for x in xs] for _, row in sorted(rows.items())]


def _cell_text(indices: list[int], text: str) -> str:
    """The text of a cell's characters (in text-page order): a line break where the page breaks the line."""
    out: list[str] = []
    for n, i in enumerate(indices):
        if n:
            gap = text[indices[n - 1] + 1 : i]
            if "\n" in gap or "\r" in gap:
                out.append("\n")
            elif gap:
                out.append(" ")
        out.append(text[i])
    lines = (" ".join(line.split()) for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)


def tables_from_cells(
    groups: list[list[tuple[float, float, float, float]]],
    text: str,
    boxes: list[tuple[float, float, float, float] | None],
) -> list[PageTable]:
    """The tables the cell groups make, each cell holding the characters whose centre it contains.

    ``text`` is the page's text layer and ``boxes`` its characters' boxes, index for index.
    """
    tables = []
    centres = [(i, (b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for i, b in enumerate(boxes) if b is not None]
    for cells in groups:
        grid = _rows(cells)
        tops = [next(c for c in row if c)[1] for row in grid]
        x0, top = min(c[0] for c in cells), min(c[1] for c in cells)
        x1, bottom = max(c[2] for c in cells), max(c[3] for c in cells)
        members: dict[tuple, list[int]] = {c: [] for row in grid for c in row if c}
        for i, cx, cy in centres:
            if not (x0 <= cx < x1 and top <= cy < bottom):
                continue
            # the cell is in the last row starting above the centre, or (merged down) in a row above it
            for r in range(bisect_right(tops, cy) - 1, -1, -1):
                cell = next((c for c in grid[r] if c and c[0] <= cx < c[2] and c[1] <= cy < c[3]), None)
                if cell:
                    members[cell].append(i)
                    break
        rows = [[None if c is None else _cell_text(members[c], text) for c in row] for row in grid]
        tables.append(PageTable((x0, top, x1, bottom), rows))
    return tables


def inside(box: tuple[float, float, float, float] | None, tables: list[PageTable]) -> bool:
    """Whether a character box's centre lies inside any of the tables."""
    if box is None:
        return False
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(t.bbox[0] <= x <= t.bbox[2] and t.bbox[1] <= y <= t.bbox[3] for t in tables)
