"""process_one(): one input file to its JSON output and its manifest row.

It sits below both ``pipelines.batch`` (which plans a run) and ``pipelines.engines`` (which
run the jobs, in worker processes too), so that neither imports the other's caller.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

from models.errors import CouncilxError
from models.manifest import ManifestEntry
from pipelines.learn import load_models
from pipelines.output import foreign, is_own_output, write_text_atomic
from pipelines.settings import PIPELINE_VERSION, Settings


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def is_up_to_date(out: Path, sha: str, settings: Settings | None = None) -> bool:
    """True when ``out`` holds a report of the same input bytes, pipeline version and options that change results
    (``pipeline.options``: --no-model, OCR, extractors, --max-pages), with the same learned models, and was made
    with the model if one was wanted and is installed now."""
    settings = settings or Settings()
    try:
        data = json.loads(out.read_text(encoding="utf-8"))
        pipeline = data["pipeline"]
        return (
            data["source"]["sha256"] == sha
            and pipeline["version"] == PIPELINE_VERSION
            and pipeline.get("options") == settings.result_options()
            and not (settings.use_model and pipeline.get("model") is None and model_installed())
            and pipeline.get("learned") == load_models(settings.learned).tag  # retrained models redo the file
        )
    except (OSError, ValueError, KeyError, TypeError):
        return False


def model_installed() -> bool:
    from importlib.util import find_spec

    from pipelines.nlp import MODEL_PACKAGES

    return any(find_spec(p) for p in MODEL_PACKAGES)


def process_one(path: Path, out: Path, settings: Settings, force: bool = False) -> ManifestEntry:
    """Process one file into ``out``; never raises for a bad input (returns a failed row)."""
    from pipelines.core import extract_report, report_to_json

    t0 = time.perf_counter()
    row = dict(path=str(path), pipeline_version=PIPELINE_VERSION)
    try:
        sha = file_sha256(path)
        row["sha256"] = sha
        if not force and is_up_to_date(out, sha, settings):
            return ManifestEntry(**row, status="skipped", output=str(out), seconds=0.0)
        if not force and not is_own_output(out):
            raise foreign(out)
        report = extract_report(path, settings)
        write_text_atomic(out, report_to_json(report))
        return ManifestEntry(
            **row, status="ok", output=str(out), pages=report.source.pages, seconds=round(time.perf_counter() - t0, 3)
        )
    except CouncilxError as e:
        msg = e.reason if e.path == str(path) else str(e)  # the row names the input already
    except MemoryError:
        msg = "ran out of memory while processing the file"
    except RecursionError:
        msg = "the file is nested too deeply to process"
    except Exception as e:  # noqa: BLE001 - one bad file must never stop a batch; recorded in the manifest
        msg = f"unexpected error ({type(e).__name__}): {str(e).splitlines()[0] if str(e) else ''}".rstrip(": ")
    return ManifestEntry(**row, status="failed", error=msg, seconds=round(time.perf_counter() - t0, 3))


__all__ = ["process_one", "file_sha256", "is_up_to_date"]
