"""Borderless tables on a PDF page, from where its words sit.

A table drawn without rules reaches PDFium's text layer as lines whose cells are run together
("Waste and recycling   Elmford Council   April 2026"). Such a table shows itself by its layout:
several lines in a row with wide gaps between words, and vertical strips of white space (gutters)
that no word of those lines crosses. The strips split each line into cells; a line with nothing in
the first column carries on the cells of the row above (a cell that wraps).

Only layout is used, never wording. A run counts as a table only when it has at least
``MIN_ROWS`` rows, two to ``MAX_COLUMNS`` columns, short cells (not two columns of prose), and is
neither a form of "Label: value" lines nor a list with hanging labels ("4.1   The council ...", "(a)  ..."):
those are read as labelled lines, as before.

Coordinates are those of ``extract/pdf_tables.py``: PDF user space with y flipped (``top = -y``).
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

from extract.pdf_tables import PageTable, inside

WIDE_GAP = 1.0  # a gap between two words at least this share of the type's (loose) height may part two cells
GUTTER = 0.8  # the narrowest white strip, as a share of that height, that parts two columns
MIN_WIDE_LINES = 3  # lines with a wide gap that a table needs
MIN_ROWS = 3
MAX_COLUMNS = 8
ROW_STEP = 2.8  # the largest step down from one line of a table to the next, in line heights
WRAP_STEP = 1.8  # ... from a table's last row to a line that carries on its cells
MAX_BETWEEN = 2  # lines without a wide gap that may sit between two lines with one
PROSE_CELL = 45  # a cell at least this long on one line is prose-like
MAX_RUN = 300  # lines in one run at most (a page of tiny type is not read as one table: checking it is quadratic)
_WORD = re.compile(r"\S+")
# a list's label standing in a column of its own: "1.", "4.2", "(a)", "iii)", a bullet
LIST_LABEL = re.compile(r"\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxIVX]{1,4})[.)]?|[^\w\s]")


@dataclass
class _Word:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str


@dataclass
class _Line:
    words: list[_Word]
    top: float
    height: float
    wide: bool = False


def _box(textpage, i: int, rect, ref) -> tuple[float, float, float, float] | None:
    import pypdfium2.raw as pdfium_c

    if not pdfium_c.FPDFText_GetLooseCharBox(textpage, i, ref):
        return None
    return rect.left, -rect.top, rect.right, -rect.bottom


def _lines(textpage, raw: str, spans: list[tuple[int, int]], ruled: list[PageTable]) -> list[_Line | None]:
    """Each text line as words with boxes (None for a line that cannot be a table's: empty, tabbed,
    in a ruled table, or without boxes)."""
    import pypdfium2.raw as pdfium_c

    rect = pdfium_c.FS_RECTF()
    ref = ctypes.byref(rect)
    get = pdfium_c.FPDFText_GetLooseCharBox
    out: list[_Line | None] = []
    for a, b in spans:
        text = raw[a:b]
        if not text.strip() or "\t" in text.strip():
            out.append(None)
            continue
        first = _box(textpage, a + len(text) - len(text.lstrip()), rect, ref)
        if first is None or (ruled and inside(first, ruled)):
            out.append(None)  # no box, or a line of a ruled table (read as that table already)
            continue
        words: list[_Word] = []
        for m in _WORD.finditer(text):  # the first and last character's boxes give a word's (inlined: hot loop)
            if not get(textpage, a + m.start(), ref):
                continue
            x0, top, bottom = rect.left, -rect.top, -rect.bottom
            if not get(textpage, a + m.end() - 1, ref):
                continue
            words.append(_Word(x0, rect.right, min(top, -rect.top), max(bottom, -rect.bottom), m.group()))
        if not words:
            out.append(None)
            continue
        heights = sorted(w.bottom - w.top for w in words)
        height = max(heights[len(heights) // 2], 1.0)
        line = _Line(words, words[0].top, height)
        line.wide = any(
            abs(v.top - u.top) < height / 2 and v.x0 - u.x1 >= WIDE_GAP * height for u, v in zip(words, words[1:])
        )
        out.append(line)
    return out


def _gutters(lines: list[_Line]) -> list[tuple[float, float]]:
    """White strips no word of the lines crosses, between the leftmost and rightmost word."""
    spans = sorted((w.x0, w.x1) for line in lines for w in line.words)
    height = sorted(line.height for line in lines)[len(lines) // 2]
    gaps: list[tuple[float, float]] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= GUTTER * height:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    return gaps


def _crosses(line: _Line, lines: list[_Line], gutters: list[tuple[float, float]]) -> bool:
    """Whether the line closes one of the gutters the lines leave (it may narrow them)."""
    return len(_gutters(lines + [line])) < len(gutters)


def _cells(line: _Line, gutters: list[tuple[float, float]]) -> list[str]:
    cols: list[list[str]] = [[] for _ in range(len(gutters) + 1)]
    for w in line.words:
        centre = (w.x0 + w.x1) / 2
        cols[sum(centre > g0 for g0, _ in gutters)].append(w.text)
    return [" ".join(c) for c in cols]


def _is_table(rows: list[list[str]]) -> bool:
    """Rows of short cells in two or more columns: not a form of labelled lines, nor columns of prose."""
    if len(rows) < MIN_ROWS or not 2 <= len(rows[0]) <= MAX_COLUMNS:
        return False
    filled = [r for r in rows if sum(1 for c in r if c.strip()) >= 2]
    if len(filled) < 0.6 * len(rows):
        return False
    firsts = [r[0].strip() for r in rows if r[0].strip()]
    if firsts and sum(f.endswith(":") for f in firsts) >= 0.5 * len(firsts):
        return False  # "Report author:  Ann Holt": labelled lines, read as such
    if firsts and sum(bool(LIST_LABEL.fullmatch(f.split("\n")[0])) for f in firsts) >= 0.5 * len(firsts):
        return False  # "4.1   The Council ...", "(a)  Subject": a list with hanging labels, read as such
    cell_lines = [part for r in rows for c in r for part in c.split("\n") if part.strip()]
    prose = sum(len(part) >= PROSE_CELL for part in cell_lines)
    # a cell that opens in lower case runs on from the line above: two columns of running text, read line by line
    openings = [c.split("\n")[0].strip() for r in rows for c in r if c.strip()]
    carried = sum(o[:1].islower() for o in openings)
    return prose <= 0.3 * len(cell_lines) and carried <= 0.3 * len(openings)


def _table(run: list[_Line], gutters: list[tuple[float, float]]) -> PageTable | None:
    rows: list[list[str]] = []
    for line in run:
        cells = _cells(line, gutters)
        if rows and not cells[0]:
            rows[-1] = [f"{old}\n{new}" if old and new else old or new for old, new in zip(rows[-1], cells)]
        else:
            rows.append(cells)
    if not _is_table(rows):
        return None
    words = [w for line in run for w in line.words]
    bbox = (min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words), max(w.bottom for w in words))
    return PageTable(bbox, [[c or None for c in r] for r in rows])


def _runs(lines: list[_Line | None]) -> list[list[_Line]]:
    """Runs of nearby lines led and closed by lines with wide gaps, with at most ``MAX_BETWEEN`` others between."""
    runs: list[list[_Line]] = []
    run: list[_Line] = []
    between: list[_Line] = []
    for line in lines:
        prev = (between or run)[-1] if run else None
        near = prev is not None and line is not None and 0 < line.top - prev.top <= ROW_STEP * prev.height
        if line is None or (run and not near) or (line.wide is False and len(between) >= MAX_BETWEEN):
            if run:
                runs.append(run + between)
            run, between = [], []
            if line is None or not line.wide:
                continue
        if line.wide:
            run += between + [line]
            between = []
        elif run:
            between.append(line)
    if run:
        runs.append(run + between)
    return runs


def borderless_tables(textpage, raw: str, spans: list[tuple[int, int]], ruled: list[PageTable]) -> list[PageTable]:
    """The page's tables drawn without rules (see the module's docstring); ``ruled`` are its ruled tables."""
    lines = _lines(textpage, raw, spans, ruled)
    if sum(1 for x in lines if x is not None and x.wide) < MIN_WIDE_LINES:
        return []
    tables: list[PageTable] = []
    for run in _runs(lines):
        wide = [x for x in run if x.wide]
        if len(wide) < MIN_WIDE_LINES or len(run) > MAX_RUN:
            continue
        gutters = _gutters(wide)
        if not gutters:
            continue
        # a line between the wide ones that crosses a gutter is prose: the table stops before it
        last_wide = max(i for i, x in enumerate(run) if x.wide)
        body: list[_Line] = []
        for i, line in enumerate(run):
            if i > last_wide:
                step = line.top - body[-1].top if body else 0
                if _crosses(line, body, gutters) or step > WRAP_STEP * line.height:
                    break
                if _cells(line, _gutters(body + [line]))[0]:
                    break  # a line starting in the first column after the last row is the text after the table
            elif not line.wide and _crosses(line, body, gutters):
                break
            body.append(line)
        if sum(1 for x in body if x.wide) < MIN_WIDE_LINES:
            continue
        table = _table(body, _gutters(body))
        if table is not None:
            tables.append(table)
    return tables
