"""The document model every format is ingested into.

There is exactly one text (``Document.text``). Pages and blocks are ``[start, end)``
character ranges into it, and every later stage speaks in those offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Format = Literal["pdf", "docx", "html", "text", "markdown"]
BlockKind = Literal["heading", "paragraph", "list_item", "table_row"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SourceInfo(_Frozen):
    """Facts about the input file."""

    path: str = Field(description="Path of the input file as given.")
    sha256: str = Field(description="SHA-256 of the file's bytes.")
    format: Format = Field(description="Format detected from the content.")
    pages: int = Field(ge=0, description="Number of pages (1 for formats without pages).")
    size_bytes: int = Field(default=0, ge=0, description="Size of the input in bytes.")


class Page(_Frozen):
    """One page as a character range of the text, with what was removed from it."""

    number: int = Field(ge=1, description="1-based page number.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    furniture: list[str] = Field(default_factory=list, description="Running headers, footers and page numbers removed.")
    ocr: bool = Field(default=False, description="True when the page's text came from OCR.")


class Block(_Frozen):
    """A heading, paragraph, list item or table row as a character range."""

    kind: BlockKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = Field(default=None, description="1-based page the block starts on.")
    level: int | None = Field(default=None, description="Heading level (1 = top) for headings.")
    label: str | None = Field(default=None, description="Its number or letter as written: '2.1', 'a)', '(iii)'.")
    bold: bool = Field(default=False, description="True when the whole block is bold or emphasised.")
    cells: list[tuple[int, int]] = Field(default_factory=list, description="Cell ranges of a table row.")
    emphasis: list[tuple[int, int]] = Field(
        default_factory=list, description="Ranges of bold/emphasised runs inside the block."
    )
    size: float | None = Field(
        default=None,
        description="Dominant font size in points, where the format gives it "
        "(PDF characters, Word runs and styles, HTML h1..h6).",
    )
    top: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Where the block starts down its page, as a share "
        "of the page height (0 = top), where the format gives it (PDF).",
    )


class Document(_Frozen):
    """One ingested document: the text, its pages and blocks, and the source facts."""

    text: str
    source: SourceInfo
    pages: list[Page]
    blocks: list[Block]
    warnings: list[str] = Field(default_factory=list)

    @cached_property
    def _page_starts(self) -> list[int]:
        return [p.start for p in self.pages]

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding ``offset``, or None when the document has no pages."""
        if not self.pages:
            return None
        i = bisect_right(self._page_starts, offset) - 1
        return self.pages[max(i, 0)].number

    def block_at(self, offset: int) -> Block | None:
        """The block holding ``offset``, or None when it falls between blocks."""
        i = self.block_index(offset)
        return None if i is None else self.blocks[i]

    def block_index(self, offset: int) -> int | None:
        """The index in ``blocks`` of the block holding ``offset`` (a bisection: ``blocks.index`` compares
        every block before it, which made long documents quadratic)."""
        i = bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < max(self.blocks[i].end, self.blocks[i].start + 1):
            return i
        return None

    def block_text(self, block: Block) -> str:
        """The text of one block."""
        return self.text[block.start : block.end]
