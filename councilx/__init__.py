"""councilx: UK council committee reports (PDF, Word, HTML, text, Markdown) to validated JSON with evidence.

The public Python API::

    import councilx

    report = councilx.extract_report("data/raw/devon-highways-partnership-2020.md")
    print(report.metadata.title, [p.name for p in report.partners])
    summary = councilx.run_batch("data/raw", "out", councilx.Settings(use_model=False), workers=0)

It works from any folder, including one that holds its own ``models.py``, ``extract.py`` or
``pipelines.py`` (see ``councilx._loader``); the internal packages are not part of the API.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path as _Path

from councilx._loader import load as _load

_load()

from models.errors import (  # noqa: E402 - after _load(), which makes these importable from any folder
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
from models.manifest import BatchSummary, ManifestEntry  # noqa: E402
from models.report import Report  # noqa: E402
from pipelines.batch import run_batch as _run_batch  # noqa: E402
from pipelines.core import extract_report, report_to_json  # noqa: E402
from pipelines.engines import EngineError, make_engine  # noqa: E402
from pipelines.settings import PIPELINE_VERSION, Settings  # noqa: E402

__version__ = PIPELINE_VERSION


def run_batch(
    root: str | _Path,
    outdir: str | _Path,
    settings: Settings | None = None,
    *,
    workers: int | None = None,
    timeout: float | None = None,
    force: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    on_result: Callable[[ManifestEntry], None] | None = None,
) -> BatchSummary:
    """Extract every report under ``root`` into ``outdir``: ``<stem>.json`` each, plus ``manifest.jsonl``.

    The same as ``councilx batch ROOT -o OUTDIR``: ``workers`` processes (None: the CPU count; 0: all
    in this process), ``timeout`` seconds per file, ``force`` to redo files whose output is up to date,
    ``engine`` "local" or "dask" (with ``scheduler`` "tcp://HOST:PORT", or a local Dask cluster),
    ``on_result`` called with each manifest row as it is written. A file that fails becomes a ``failed``
    row, never an exception. Returns the counts and the rows.

    Raises:
        IngestError: ``root`` does not exist (its ``path`` names it).
        OutputError: ``outdir`` is, or is inside, ``root``, or cannot be written; nothing is written then.
        EngineError: a bad engine option, or the workers could not start (a script without the
            ``if __name__ == "__main__":`` guard is told to add it).
    """
    chosen = make_engine(engine, workers=workers, timeout=timeout, scheduler=scheduler)
    return _run_batch(_Path(root), _Path(outdir), settings, force=force, on_result=on_result, engine=chosen)


def read_reports(
    outdir: str | _Path,
    corrections: str | _Path | None = None,
    *,
    on_problem: Callable[[str], None] | None = None,
) -> list[Report]:
    """Every report JSON of a batch output folder, as validated Reports, in name order.

    With ``corrections`` (a corrections folder such as ``data/corrections``), each report's correction
    file ``<stem>.json`` is applied, as ``summary``/``export --corrections DIR`` do: a fixed item replaces
    the extracted one, a rejected item is gone, an added item has ``method "corrected"``. A bad or stale
    correction file is passed to ``on_problem`` as one line (default: ignored) and its report is returned
    as extracted.
    """
    from pipelines.corrections import correct_reports
    from pipelines.render.overview import load_reports

    pairs, problems = correct_reports(load_reports(_Path(outdir)), _Path(corrections) if corrections else None)
    for line in problems:
        if on_problem:
            on_problem(line)
    return [r for _, r in pairs]


def correct_report(
    report: Report,
    corrections: str | _Path,
    stem: str | None = None,
    *,
    on_problem: Callable[[str], None] | None = None,
) -> Report:
    """``report`` with its correction file (``corrections/<stem>.json``; ``stem`` defaults to the stem of
    the report's source file) applied; the report unchanged when there is none or it cannot be used."""
    from pipelines.corrections import correct_reports

    stem = stem or _Path(report.source.path).stem
    pairs, problems = correct_reports([(stem, report)], _Path(corrections))
    for line in problems:
        if on_problem:
            on_problem(line)
    return pairs[0][1]


__all__ = [
    "__version__",
    "read_reports",
    "correct_report",
    "extract_report",
    "run_batch",
    "report_to_json",
    "Report",
    "Settings",
    "BatchSummary",
    "ManifestEntry",
    "CouncilxError",
    "IngestError",
    "EmptyDocument",
    "UnsupportedFormat",
    "CorruptFile",
    "EncryptedPdf",
    "NoTextLayer",
    "UndecodableText",
    "TooLarge",
    "UnsafeInput",
    "OutputError",
    "EngineError",
]
