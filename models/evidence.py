"""Evidence: where in the document text an item was found."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

if TYPE_CHECKING:  # pragma: no cover
    from models.document import Document


class Evidence(BaseModel):
    """A quoted span of the document: ``quote == document.text[start:end]``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    page: int | None = Field(default=None, description="1-based page of the span's start, or null.")
    start: int = Field(ge=0, description="Start character offset into the document text.")
    end: int = Field(ge=0, description="End character offset (exclusive).")
    quote: str = Field(description="Exactly the document text between start and end.")

    @model_validator(mode="after")
    def _check_span(self, info: ValidationInfo) -> "Evidence":
        if self.end < self.start:
            raise ValueError(f"evidence end {self.end} is before start {self.start}")
        if len(self.quote) != self.end - self.start:
            raise ValueError("evidence quote length does not match its span")
        text = (info.context or {}).get("text") if info is not None else None
        if text is not None and text[self.start : self.end] != self.quote:
            raise ValueError(f"evidence quote differs from the text at {self.start}:{self.end}")
        return self

    @classmethod
    def from_document(cls, document: "Document", start: int, end: int) -> "Evidence":
        """The only way evidence is made: quote and page are read off the document."""
        start = max(0, min(start, len(document.text)))
        end = max(start, min(end, len(document.text)))
        return cls(page=document.page_at(start), start=start, end=end, quote=document.text[start:end])
