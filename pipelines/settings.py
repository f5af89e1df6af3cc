"""Settings passed down the pipeline (never read from globals)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from extract import DEFAULT_MAX_PAGES

PIPELINE_VERSION = "0.9.1"


class Settings(BaseModel):
    """Options for one run; the CLI builds it from its flags."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    use_model: bool = Field(default=True, description="Use the spaCy model when installed.")
    password: str | None = Field(default=None, description="Password for encrypted PDFs.")
    max_pages: int = Field(default=DEFAULT_MAX_PAGES, ge=1, description="Refuse PDFs with more pages.")
    max_mb: float = Field(
        default=50.0,
        gt=0,
        description="Refuse text, Markdown and HTML files larger than this (MB); "
        "binary formats may be four times larger.",
    )
    ocr: bool = Field(default=True, description="OCR pages without a text layer when Tesseract is installed.")
    learned: bool = Field(
        default=True, description="Score candidates with the learned models shipped in the package, where present."
    )
    extractors: tuple[str, ...] | None = Field(default=None, description="Run only these extractors.")

    def result_options(self) -> dict:
        """The options that change what is extracted, as stored in ``pipeline.options`` (the password and size
        limit do not: they decide only whether a file is read)."""
        return {
            "use_model": self.use_model,
            "ocr": self.ocr,
            "extractors": list(self.extractors) if self.extractors else None,
            "max_pages": self.max_pages,
        }
