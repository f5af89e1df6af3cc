"""The section tree of a Document, and the parts of it a reader finds by eye.

Pure functions over ``Document.blocks``: which heading each block sits under, the section whose
heading matches a pattern ("Recommendations"), the front sheet (what comes before the first numbered
section), the body text size and the largest text on a page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from models.document import Block, Document

# A first-level section number: "1", "1.", "1.0", "1.00" (not "1.1").
_TOP_NUMBER = re.compile(r"^(?:1|1\.|1\.0+)$")


@dataclass(frozen=True)
class Section:
    """A heading and the blocks under it, up to the next heading of the same or a higher level.

    ``heading`` is the index of the heading block (-1 for the text before the first heading);
    ``first``/``end`` are the block indices ``[first, end)`` of its content, subsections included.
    """

    heading: int
    level: int
    first: int
    end: int
    title: str


def _level(block: Block, sizes: dict[float, int]) -> int:
    """A heading's level: from its style or numbering ("2" above "2.1"), then its size (bigger type
    ranks higher) when the format gives sizes."""
    level = block.level or 1
    if block.size is not None and sizes:
        level += sizes.get(block.size, len(sizes))  # rank of its size among heading sizes, largest = 0
    return level


def sections(doc: Document) -> list[Section]:
    """Every heading's section, in document order (nested sections overlap their parents)."""
    heads = [i for i, b in enumerate(doc.blocks) if b.kind == "heading"]
    ranked = sorted({doc.blocks[i].size for i in heads if doc.blocks[i].size is not None}, reverse=True)
    sizes = {s: r for r, s in enumerate(ranked)}
    levels = {i: _level(doc.blocks[i], sizes) for i in heads}
    out = []
    for n, i in enumerate(heads):
        end = next((j for j in heads[n + 1 :] if levels[j] <= levels[i]), len(doc.blocks))
        out.append(Section(i, levels[i], i + 1, end, " ".join(doc.block_text(doc.blocks[i]).split())))
    return out


def section_of(doc: Document, index: int) -> Section | None:
    """The innermost section holding block ``index`` (None before the first heading)."""
    best = None
    for s in sections(doc):
        if s.first <= index < s.end and (best is None or s.level >= best.level):
            best = s
    return best


def find_section(doc: Document, pattern: str | re.Pattern[str]) -> Section | None:
    """The first section whose heading (without its number) matches ``pattern`` (case-insensitive)."""
    rx = re.compile(pattern, re.I) if isinstance(pattern, str) else pattern
    for s in sections(doc):
        title = doc.block_text(doc.blocks[s.heading])
        label = doc.blocks[s.heading].label
        if label and title.startswith(label):
            title = title[len(label) :]
        if rx.search(title.strip()):
            return s
    return None


def front_sheet(doc: Document) -> list[int]:
    """Indices of the front-sheet blocks: those before the first section numbered 1, and on page 1
    (all of page 1 when nothing is numbered there)."""
    out = []
    for i, b in enumerate(doc.blocks):
        if b.page not in (None, 1) or b.label and _TOP_NUMBER.match(b.label):
            break
        out.append(i)
    return out


def body_size(doc: Document) -> float | None:
    """The font size most of the text is set in (by characters), or None when sizes are unknown."""
    count: Counter[float] = Counter()
    for b in doc.blocks:
        if b.size is not None and b.kind != "heading":
            count[b.size] += b.end - b.start
    if not count:
        count.update({b.size: b.end - b.start for b in doc.blocks if b.size is not None})
    return count.most_common(1)[0][0] if count else None


def largest_text(doc: Document, page: int = 1, within: int = 40, max_run: int = 5) -> list[int]:
    """Indices of the blocks set in the largest type among the first ``within`` blocks of ``page``,
    when that type is larger than the body text (a run of consecutive blocks, the first such run);
    empty when sizes are unknown, nothing stands out, or the run is over ``max_run`` blocks (a
    front sheet all set larger than the body, not a heading)."""
    on_page = [i for i, b in enumerate(doc.blocks) if b.page in (page, None)][:within]
    sized = [i for i in on_page if doc.blocks[i].size is not None and doc.block_text(doc.blocks[i]).strip()]
    body = body_size(doc)
    if not sized or body is None:
        return []
    top = max(doc.blocks[i].size for i in sized)  # type: ignore[type-var]
    if top < body + 1.5:
        return []
    out: list[int] = []
    for i in on_page:
        if doc.blocks[i].size == top:
            if out and i != out[-1] + 1:
                break
            out.append(i)
        elif out:
            break
    return out if len(out) <= max_run else []
