"""DocumentBuilder: the only code that appends text and computes offsets.

Converters call ``add_block`` in reading order and ``new_page`` at page breaks;
the builder joins blocks with a blank line, so offsets are consistent by construction.
"""

from __future__ import annotations

import re

from models.document import Block, BlockKind, Document, Page, SourceInfo

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff\ufffe]")


# A font's "ti" ligature that PDF writers map to "Ɵ" (U+019F) in the text layer ("collecƟon", "Ɵme"): inside or
# at the start of a lower-case word it is the two letters the page shows
_TI_LIGATURE = re.compile(r"(?<=[a-z])\u019f|\u019f(?=[a-z])")


def clean_inline(text: str) -> str:
    """Collapse runs of spaces (incl. non-breaking), drop control characters, undo a misread "ti" ligature."""
    text = _CONTROL.sub(" ", text)
    if "\u019f" in text:
        text = _TI_LIGATURE.sub("ti", text)
    return _SPACES.sub(" ", text).strip()


class DocumentBuilder:
    """Accumulates blocks and pages into one text with exact offsets."""

    BLOCK_SEP = "\n\n"

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self._blocks: list[Block] = []
        self._pages: list[dict] = []
        self.warnings: list[str] = []

    @property
    def length(self) -> int:
        return self._len

    def new_page(self, furniture: list[str] | None = None, ocr: bool = False) -> None:
        """Start a new page at the current end of the text."""
        if self._pages:
            self._pages[-1]["end"] = self._len
        start = self._len + (len(self.BLOCK_SEP) if self._len else 0)
        self._pages.append(
            {
                "number": len(self._pages) + 1,
                "start": start,
                "end": start,
                "furniture": list(furniture or []),
                "ocr": ocr,
            }
        )

    def add_furniture(self, items: list[str]) -> None:
        if self._pages:
            self._pages[-1]["furniture"].extend(items)

    def _append(self, text: str) -> int:
        if self._len:
            self._parts.append(self.BLOCK_SEP)
            self._len += len(self.BLOCK_SEP)
        start = self._len
        self._parts.append(text)
        self._len += len(text)
        return start

    def add_block(
        self,
        text: str,
        kind: BlockKind = "paragraph",
        *,
        level: int | None = None,
        label: str | None = None,
        bold: bool = False,
        emphasis: list[tuple[int, int]] | None = None,
        size: float | None = None,
    ) -> Block | None:
        """Append one block of text (already cleaned and stripped by the caller).

        ``emphasis`` holds bold runs as offsets relative to ``text``; ``size`` is its font size in points.
        """
        if not text.strip():
            return None
        if text != text.strip():
            lead = len(text) - len(text.lstrip())
            emphasis = [(a - lead, b - lead) for a, b in (emphasis or [])]
            text = text.strip()
        start = self._append(text)
        emph = [(start + max(a, 0), start + min(b, len(text))) for a, b in (emphasis or []) if b > a]
        block = Block(
            kind=kind,
            start=start,
            end=start + len(text),
            page=self._page_no(),
            level=level,
            label=label,
            bold=bold,
            emphasis=emph,
            size=size,
        )
        self._blocks.append(block)
        return block

    def add_row(self, cells: list[str], sep: str = " | ") -> Block | None:
        """Append a table row; each cell keeps its own range."""
        cells = [clean_inline(c) for c in cells]
        if not any(cells):
            return None
        while not cells[-1]:
            cells.pop()  # empty cells at the end: the row's text ends with its last value, not with " | "
        text = sep.join(cells)
        start = self._append(text)
        ranges, pos = [], start
        for c in cells:
            ranges.append((pos, pos + len(c)))
            pos += len(c) + len(sep)
        block = Block(kind="table_row", start=start, end=start + len(text), page=self._page_no(), cells=ranges)
        self._blocks.append(block)
        return block

    def _page_no(self) -> int | None:
        return self._pages[-1]["number"] if self._pages else None

    def build(self, source: SourceInfo) -> Document:
        """Freeze into a Document. Formats without pages get one page spanning the text."""
        text = "".join(self._parts)
        if not self._pages:
            self.new_page()
            self._pages[0]["start"] = 0
        self._pages[-1]["end"] = self._len
        pages = [Page(**p) for p in self._pages]
        src = source.model_copy(update={"pages": len(pages)})
        return Document(text=text, source=src, pages=pages, blocks=self._blocks, warnings=self.warnings)
