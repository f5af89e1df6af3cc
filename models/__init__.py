"""Pydantic models: the document model, the output contract and the manifest."""

from models.document import Block, Document, Page, SourceInfo
from models.errors import (
    CorruptFile,
    CouncilxError,
    EmptyDocument,
    EncryptedPdf,
    IngestError,
    NoTextLayer,
    OutputError,
    TooLarge,
    UndecodableText,
    UnsafeInput,
    UnsupportedFormat,
)
from models.evidence import Evidence
from models.manifest import BatchSummary, ManifestEntry
from models.report import (
    SCHEMA_VERSION,
    DateMention,
    Metadata,
    Organisation,
    PipelineInfo,
    Recommendation,
    Report,
    Saving,
    SourceRef,
    Workstream,
    report_json_schema,
)

__all__ = [
    "Block",
    "Document",
    "Page",
    "SourceInfo",
    "CorruptFile",
    "CouncilxError",
    "EmptyDocument",
    "EncryptedPdf",
    "IngestError",
    "NoTextLayer",
    "OutputError",
    "TooLarge",
    "UndecodableText",
    "UnsafeInput",
    "UnsupportedFormat",
    "Evidence",
    "BatchSummary",
    "ManifestEntry",
    "SCHEMA_VERSION",
    "DateMention",
    "Metadata",
    "Organisation",
    "PipelineInfo",
    "Recommendation",
    "Report",
    "Saving",
    "SourceRef",
    "Workstream",
    "report_json_schema",
]
