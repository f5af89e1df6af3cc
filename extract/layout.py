"""Pure layout helpers shared by the converters: labels, headings, bullets, furniture."""
from __future__ import annotations

import re
from collections import Counter

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
    rest = text[m.end():]
    # "2015 was" is a year, not a label; a bare number must be short.
    if re.fullmatch(r"\d{3,}\.?", label):
        return None, text
    return label, rest


def strip_bullet(text: str) -> tuple[bool, str]:
    """Remove a leading bullet glyph; return (was_bullet, rest)."""
    m = BULLET_RE.match(text)
    if not m:
        return False, text
    return True, text[m.end():]


_CONNECTOR_END = re.compile(r"(?:\b(?:and|or|of|the|to|for|in|on|with|by|a|an|at|from|that|which|is|are|be)|[,&–-])$", re.I)


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
