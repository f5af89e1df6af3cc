"""The output contract: one ``Report`` per document. Single source of truth for the JSON."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from models.evidence import Evidence

SCHEMA_VERSION = "1.1.0"

OrgKind = Literal[
    "county council",
    "district council",
    "unitary",
    "metropolitan borough",
    "london borough",
    "combined authority",
    "parish council",
    "nhs body",
    "police",
    "fire",
    "government department",
    "association",
    "partnership",
    "other",
]
DatePrecision = Literal["day", "month", "year", "financial_year"]
SavingKind = Literal["achieved", "projected", "target", "unspecified"]
ReportKind = Literal[
    "partnership",
    "budget",
    "minutes",
    "decision",
    "scrutiny",
    "terms_of_reference",
    "other",
]


class _Item(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    evidence: list[Evidence] = Field(min_length=1, description="Where the item was found; first is the main span.")
    method: str = Field(default="", description="Extractor and rule or model that found it, e.g. 'savings:money-cue'.")
    confidence: float = Field(default=1.0, ge=0.0, le=1.0, description="How sure the pipeline is, 0 to 1.")
    needs_review: bool = Field(default=False, description="True when a person should check the item.")


class SourceRef(BaseModel):
    """The input the report was made from."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str = Field(description="Path of the input file as given.")
    sha256: str = Field(description="SHA-256 of the input bytes.")
    format: str = Field(description="Detected format: pdf, docx, html, text or markdown.")
    pages: int = Field(ge=0, description="Page count.")


class Metadata(BaseModel):
    """Facts about the report itself; null where the text does not state them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str | None = Field(default=None, description="The report's own title, without an agenda number.")
    committee: str | None = Field(default=None, description="The body the report goes to or that decided.")
    report_date: str | None = Field(default=None, description="Meeting or report date, YYYY-MM-DD.")
    author: str | None = Field(default=None, description="Who the report is by, as written.")
    council: str | None = Field(default=None, description="The authority that published the report.")
    purpose: str | None = Field(default=None, description="The stated purpose of the report.")
    reference: str | None = Field(default=None, description="The report's reference, e.g. CAB/003/11.")
    kind: ReportKind | None = Field(
        default=None,
        description="What kind of report it is: a partnership or joint-working report, a budget, minutes, "
        "a decision notice or record, a scrutiny report, terms of reference, or other. Its evidence is "
        "under evidence['kind'].",
    )
    council_id: str | None = Field(
        default=None,
        description="Register id of the authoring council (see Organisation.id), when it is in the register.",
    )
    evidence: dict[str, Evidence] = Field(default_factory=dict, description="Evidence per metadata field found.")
    confidence: dict[str, float] = Field(
        default_factory=dict,
        description="How sure the pipeline is of each metadata field found, 0 to 1, keyed by field name "
        "(title, committee, report_date, author, ...).",
    )
    needs_review: dict[str, bool] = Field(
        default_factory=dict,
        description="Per metadata field found: true when a person should check it (low confidence, or a value "
        "that does not look like one: a title of 'None', one word, a person's name, ending in 'of').",
    )

    @field_validator("confidence")
    @classmethod
    def _unit_interval(cls, v: dict[str, float]) -> dict[str, float]:
        bad = [k for k, x in v.items() if not 0.0 <= x <= 1.0]
        if bad:
            raise ValueError(f"metadata confidence must be between 0 and 1: {', '.join(bad)}")
        return v

    @field_validator("report_date")
    @classmethod
    def _iso_day(cls, v: str | None) -> str | None:
        import re

        if v is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            raise ValueError("report_date must be YYYY-MM-DD")
        return v


class Organisation(_Item):
    """A named organisation, under its full canonical name."""

    name: str = Field(description="Full canonical name, e.g. 'East Sussex County Council'.")
    id: str | None = Field(
        default=None,
        description="Stable id of the body in the register it was linked to: for a UK local authority "
        "'lac:<local-authority-code>/gss:<GSS code>' from mySociety's register (e.g. 'lac:KEN/gss:E10000016'); "
        "for another gazetteer body 'councilx:<slug>'. Null when the body is not in any register.",
    )
    kind: OrgKind = Field(default="other", description="What sort of body it is.")
    aliases: list[str] = Field(default_factory=list, description="Other names used in the text, e.g. 'ESCC'.")


class Workstream(_Item):
    """A named area of joint work and the organisation that leads it."""

    name: str
    lead: str | None = Field(default=None, description="Canonical name of the lead organisation, or null.")
    description: str | None = None


class DateMention(_Item):
    """A calendar reference, normalised."""

    value: str = Field(description="YYYY-MM-DD, YYYY-MM, YYYY or YYYY/YY for a financial year.")
    precision: DatePrecision
    text: str = Field(description="The date as written.")
    context: str | None = Field(default=None, description="What it is the date of: meeting, review, deadline ...")


class Saving(_Item):
    """A statement of money saved, to be saved, or a savings target."""

    amount: float | None = Field(default=None, description="Amount in pounds, or null when no figure is given.")
    currency: str = "GBP"
    period: str | None = Field(default=None, description="Period the saving is over: 'per year', '2012/13' ...")
    kind: SavingKind = "unspecified"
    text: str = Field(description="The shortest span that states the saving.")


class Recommendation(_Item):
    """One recommendation or resolution, without its label."""

    label: str | None = Field(default=None, description="'a)', '(1)', '2.1' as written, or null.")
    text: str


class RunOptions(BaseModel):
    """The options of the run that change what is extracted (``batch`` redoes a file when they differ)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    use_model: bool = Field(description="False when run with --no-model (rules alone, on purpose).")
    ocr: bool = Field(description="Pages without a text layer were OCR'd when Tesseract is installed.")
    extractors: list[str] | None = Field(description="Only these extractors ran; null for all of them.")
    max_pages: int = Field(description="PDFs with more pages than this are refused.")


class PipelineInfo(BaseModel):
    """What produced the report."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: str = Field(description="councilx pipeline version.")
    model: str | None = Field(default=None, description="spaCy model used, or null for rules only.")
    learned: str | None = Field(
        default=None,
        description="Learned models that scored the candidates ('learned:<training-set id>'), or null for rules only.",
    )
    options: RunOptions | None = Field(
        default=None, description="The options that change results (since schema 1.1; null in older reports)."
    )


class Report(BaseModel):
    """Everything extracted from one council report."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: str = SCHEMA_VERSION
    source: SourceRef
    metadata: Metadata = Field(default_factory=Metadata)
    partners: list[Organisation] = Field(default_factory=list, description="Parties to the partnership.")
    organisations: list[Organisation] = Field(default_factory=list, description="Every named organisation.")
    workstreams: list[Workstream] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    savings: list[Saving] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    pipeline: PipelineInfo | None = None

    @field_validator("schema_version")
    @classmethod
    def _compatible(cls, v: str) -> str:
        if v.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise ValueError(f"schema_version {v} is incompatible with {SCHEMA_VERSION}")
        return v


def report_json_schema() -> dict:
    """The JSON Schema of the Report, as printed by ``cli.py schema``."""
    return Report.model_json_schema()
