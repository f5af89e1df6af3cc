"""Pure layout helpers shared by the converters: labels, headings, bullets, furniture."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from models.document import Document

LineLayout = tuple[float | None, float | None]  # a line's font size (points) and its top (share of the page)

# "2.1", "3.", "10", "a)", "(a)", "(iii)", "iv)", "A." — a paragraph or list label at line start.
LABEL_RE = re.compile(
    r"^(?P<label>(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?)|(?:\(?[a-zA-Z]\))|(?:\([ivxlIVXL]{1,6}\))|"
    r"(?:[ivxIVX]{1,5}\))|(?:\(\d{1,2}\))|(?:\d{1,2}\))|(?:[A-Za-z]\.)(?=\s))\s+"
)
BULLET_RE = re.compile(r"^\s*(?:[-*+o]\s+|(?:[•·▪◦●○■□➢➤►→✓§]|\uf0b7|\uf0a7|\uf076|\uf0d8)(?:\s+|(?=\S)(?![A-Za-z])))")


def split_label(text: str) -> tuple[str | None, str]:
    """Split a leading label off a line: ``"2.1 Agree the plan"`` → ``("2.1", "Agree the plan")``."""
    m = LABEL_RE.match(text)
    if not m:
        return None, text
    label = m.group("label")
    rest = text[m.end() :]
    # "2015 was" is a year, not a label; a bare number must be short.
    if re.fullmatch(r"\d{3,}\.?", label):
        return None, text
    return label, rest


def strip_bullet(text: str) -> tuple[bool, str]:
    """Remove a leading bullet glyph; return (was_bullet, rest)."""
    m = BULLET_RE.match(text)
    if not m:
        return False, text
    return True, text[m.end() :]


_CONNECTOR_END = re.compile(
    r"(?:\b(?:and|or|of|the|to|for|in|on|with|by|a|an|at|from|that|which|is|are|be)|[,&–-])$", re.I
)


def looks_like_heading(text: str, next_text: str | None = None) -> bool:
    """Heuristic for a heading line in plain text: short, no closing full stop, capitalised.

    A line that ends in a connector ("... Growth and") or is followed by a line starting in
    lower case is a wrapped sentence, not a heading.
    """
    t = text.strip()
    if _CONNECTOR_END.search(t):
        return False
    if next_text and next_text.strip()[:1].islower() and split_label(next_text.strip())[0] is None:
        return False
    if not t or len(t) > 90 or t.endswith((".", ",", ";", ":")) and not t.endswith(":") or len(t.split()) > 12:
        return False
    if t.endswith(":") and len(t.split()) > 6:
        return False
    label, rest = split_label(t)
    rest = rest.strip().rstrip(":")
    if not rest or not rest[0].isupper():
        return False
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", rest)]
    if not words:
        return False
    if rest.isupper() and len(rest) > 3:
        return True
    caps = sum(1 for w in words if w[0].isupper())
    small = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "with", "by", "at", "from", "or"}
    titleish = all(w[0].isupper() or w.lower() in small for w in words)
    if label and len(words) <= 8:
        return True
    return titleish and caps >= 1 and len(words) <= 10


def heading_level(label: str | None) -> int:
    """Heading level from its numbering: "2" → 1, "2.1" → 2; unnumbered → 1."""
    if not label:
        return 1
    return label.rstrip(".").count(".") + 1


_NUM = re.compile(r"\d+")


def furniture_key(line: str) -> str:
    """Normalise a header/footer line so that 'Page 3 of 10' and 'Page 4 of 10' compare equal."""
    return _NUM.sub("#", line.strip().lower())


def repeated_lines(pages: list[list[str]], edge: int = 3, min_share: float = 0.5) -> set[str]:
    """Keys of lines in the top/bottom ``edge`` lines that repeat on at least ``min_share`` of pages."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        keys = {furniture_key(x) for x in lines[:edge] + lines[-edge:] if x.strip()}
        counts.update(keys)
    need = max(2, int(len(pages) * min_share + 0.5))
    return {k for k, n in counts.items() if n >= need}


PAGE_NUMBER_RE = re.compile(r"^\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$|^\s*-\s*\d{1,4}\s*-\s*$", re.I)


def is_page_number(line: str) -> bool:
    """True for a line that is only a page number ('12', 'Page 3 of 9', '- 4 -')."""
    return bool(PAGE_NUMBER_RE.match(line))


def _search_key(line: str) -> str:
    """The start of a line as it appears in the document's text (Markdown heading marks, bold marks
    and bullets dropped)."""
    from extract.builder import clean_inline
    from extract.text import strip_emphasis  # text.py imports this module

    line = re.sub(r"^\s*#{1,6}\s+", "", line.replace("\u00a0", " "))
    text, _ = strip_emphasis(strip_bullet(line)[1])
    return clean_inline(text)[:24]


def attach_layout(document: Document, pages: list[list[str]], layouts: list[list[LineLayout]]) -> Document:
    """Give each block the dominant font size of its lines (by characters) and the position of its
    first line. Lines are found in the text in order, page by page; a line not found is skipped."""
    if not any(size is not None for lay in layouts for size, _ in lay):
        return document
    sizes: dict[int, Counter[float]] = {}
    tops: dict[int, float] = {}
    starts = [b.start for b in document.blocks]
    for number, (lines, lay) in enumerate(zip(pages, layouts), start=1):
        if number > len(document.pages):
            break
        cursor, end = document.pages[number - 1].start, document.pages[number - 1].end
        for line, (size, top) in zip(lines, lay):
            key = _search_key(line)
            if not key:
                continue
            at = document.text.find(key, cursor, min(end, cursor + 4000) + len(key))
            if at < 0:
                continue
            cursor = at + len(key)
            i = bisect_right(starts, at) - 1
            if i < 0 or at >= document.blocks[i].end:
                continue
            if size is not None:
                sizes.setdefault(i, Counter())[size] += len(line.strip())
            if top is not None and i not in tops:
                tops[i] = top
    if not sizes and not tops:
        return document
    blocks = [
        b.model_copy(update={"size": sizes[i].most_common(1)[0][0] if i in sizes else None, "top": tops.get(i)})
        if (i in sizes or i in tops)
        else b
        for i, b in enumerate(document.blocks)
    ]
    return document.model_copy(update={"blocks": blocks})
