"""NLP stages and batch orchestration, which the CLI calls. The public Python API is the ``councilx`` package."""

from pipelines.batch import run_batch
from pipelines.core import document_to_report, extract_report, report_to_json
from pipelines.settings import PIPELINE_VERSION, Settings

__all__ = ["run_batch", "extract_report", "document_to_report", "report_to_json", "Settings", "PIPELINE_VERSION"]
