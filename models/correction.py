"""A person's corrections to one report: the gold format of the evaluation guidelines, plus the decisions.

A correction file is ``<corrections>/<report stem>.json``. Its top-level fields ``metadata``, ``partners``,
``organisations``, ``workstreams``, ``dates``, ``savings`` and ``recommendations`` are the report as
corrected, in the gold format that ``score.py`` reads (so a corrected report is an annotated example for
training). ``sha256`` ties it to one version of the report's file. ``decisions`` are the person's
choices, one per item, which are what is applied to a newly extracted report.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

CORRECTION_VERSION = 1

ItemField = Literal["partners", "organisations", "workstreams", "dates", "savings", "recommendations", "metadata"]
Action = Literal["right", "reject", "fix", "add"]
METADATA_KEYS = ("title", "committee", "report_date", "author", "council", "purpose", "reference")


class Span(BaseModel):
    """Where an added item is in the report's text: ``quote == text[start:end]``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    page: int | None = Field(default=None, description="1-based page of the span's start, or null.")
    start: int = Field(ge=0, description="Start character offset into the document text.")
    end: int = Field(ge=0, description="End character offset (exclusive).")
    quote: str = Field(min_length=1, description="The selected text.")


class Decision(BaseModel):
    """One person's decision on one item.

    ``right``: the extracted item is correct; ``reject``: it is wrong and goes; ``fix``: its values are
    replaced by ``value``; ``add``: an item the tool missed, with ``value`` and the ``evidence`` span.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    field: ItemField = Field(description="The report field the item belongs to.")
    action: Action
    item: str | None = Field(
        default=None,
        description="Key of the extracted item (see pipelines.corrections.item_key; for metadata the field "
        "name, e.g. 'title'); null for an added item.",
    )
    value: dict[str, Any] = Field(
        default_factory=dict,
        description="fix/add: the item's values (name, lead, value, amount, text, label; for metadata "
        "{'<key>': value}).",
    )
    evidence: Span | None = Field(default=None, description="add: where the added item is in the text.")

    def identity(self) -> tuple:
        """Decisions with one identity replace each other: one per extracted item, one per added span."""
        if self.action == "add":
            span = self.evidence
            return (self.field, "add", span.start if span else None, span.end if span else None)
        return (self.field, self.item)


class Correction(BaseModel):
    """The correction file of one report (gold format plus decisions)."""

    model_config = ConfigDict(extra="forbid")

    doc: str = Field(description="The report's file name, as the gold files name it.")
    path: str | None = Field(default=None, description="The report's path as the batch recorded it.")
    sha256: str = Field(description="SHA-256 of the report's bytes: the version the correction is for.")
    version: int = CORRECTION_VERSION
    metadata: dict[str, Any] = Field(default_factory=dict)
    partners: list[str] = Field(default_factory=list)
    organisations: list[str] = Field(default_factory=list)
    workstreams: list[dict[str, Any]] = Field(default_factory=list)
    dates: list[str] = Field(default_factory=list)
    savings: list[dict[str, Any]] = Field(default_factory=list)
    recommendations: list[str] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
