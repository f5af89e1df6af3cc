"""Batch manifest rows and summary."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal["ok", "failed", "skipped"]


class ManifestEntry(BaseModel):
    """One row of ``manifest.jsonl``: what happened to one input file."""

    model_config = ConfigDict(extra="forbid")

    path: str = Field(description="Input path.")
    status: Status
    error: str | None = Field(default=None, description="One-line reason when failed.")
    output: str | None = Field(default=None, description="Output JSON path when ok or skipped.")
    pages: int | None = None
    seconds: float = 0.0
    sha256: str | None = None
    pipeline_version: str | None = None


class BatchSummary(BaseModel):
    """Totals over one batch run."""

    ok: int = 0
    skipped: int = 0
    failed: int = 0
    pages: int = 0
    seconds: float = 0.0
    entries: list[ManifestEntry] = Field(default_factory=list)

    @property
    def total(self) -> int:
        return self.ok + self.skipped + self.failed
