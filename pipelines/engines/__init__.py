"""Engines that map ``process_one`` over many inputs: in this process, local worker processes, or Dask.

Every engine takes an iterable of :class:`Job` and yields one ManifestEntry per job, in
completion order, holding only the jobs in flight (inputs are streamed). Workers write
the JSON outputs themselves (atomically); the caller writes the manifest rows.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from models.errors import CouncilxError
from models.manifest import ManifestEntry
from pipelines.engines.memory import DEFAULT_MAX_MEMORY_MB
from pipelines.process import process_one
from pipelines.settings import PIPELINE_VERSION, Settings

ENGINES = ("local", "dask")

# Modules every worker process imports before its first job (the local engine's forkserver, a local Dask
# cluster's workers). Empty unless ``import councilx`` had to load our packages past same-named modules of
# the current folder (a notebook's models.py): then it adds itself, so that workers load them the same way
# before they unpickle a job.
WORKER_PRELOAD: list[str] = []


class EngineError(CouncilxError):
    """The engine itself could not run (workers would not start, scheduler unreachable)."""


@dataclass(frozen=True)
class Job:
    """One input to process: where it is, where its JSON goes, and how."""

    path: Path
    out: Path
    settings: Settings
    force: bool = False


def run_job(job: Job) -> ManifestEntry:
    """Process one job in this process (never raises for a bad input)."""
    return process_one(job.path, job.out, job.settings, job.force)


def warm(settings: Settings) -> None:
    """Prepare a worker process: one thread for OCR, and the model loaded before the first document.

    Tesseract runs OpenMP threads on every core by default; with one worker per core that
    oversubscribes the machine (its own docs advise ``OMP_THREAD_LIMIT=1`` when running in parallel).
    """
    from pipelines.nlp import build_nlp

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")

    build_nlp(settings.use_model)


def failed_entry(job: Job, error: str, seconds: float = 0.0) -> ManifestEntry:
    """A failed manifest row for a job that did not return its own (timeout, dead worker)."""
    return ManifestEntry(
        path=str(job.path), status="failed", error=error, seconds=round(seconds, 3), pipeline_version=PIPELINE_VERSION
    )


def timeout_message(timeout: float) -> str:
    """The error text of a document stopped by ``--timeout``."""
    return f"timed out after {timeout:g} s"


def default_workers() -> int:
    """The CPUs this process may use (the default of ``--workers``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class InlineEngine:
    """Every job in this process, one after another (``--workers 0``; no timeout)."""

    def map(self, jobs: Iterable[Job]) -> Iterator[ManifestEntry]:
        """Yield one row per job, in input order."""
        for job in jobs:
            yield run_job(job)


def take(it: Iterator[Job], n: int) -> list[Job]:
    """Up to ``n`` more jobs from ``it``."""
    out = []
    for _ in range(n):
        job = next(it, None)
        if job is None:
            break
        out.append(job)
    return out


def make_engine(
    name: str = "local",
    *,
    workers: int | None = None,
    timeout: float | None = None,
    scheduler: str | None = None,
    max_memory: float | None = None,
) -> "Engine":
    """The engine called ``name`` ("local" or "dask"); local with ``workers=0`` runs in this process.

    ``max_memory`` (MB per worker) defaults to ``DEFAULT_MAX_MEMORY_MB`` for the engines with workers.
    """
    if name == "local":
        if scheduler:
            raise EngineError("--scheduler needs --engine dask")
        if workers == 0:
            if timeout:
                raise EngineError("--timeout needs at least one worker process (--workers 1 or more)")
            if max_memory:
                raise EngineError("--max-memory needs at least one worker process (--workers 1 or more)")
            return InlineEngine()
        return LocalEngine(workers, timeout, max_memory=max_memory or DEFAULT_MAX_MEMORY_MB)
    if name == "dask":
        return DaskEngine(scheduler, workers, timeout, max_memory=max_memory or DEFAULT_MAX_MEMORY_MB)
    raise EngineError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")


from pipelines.engines.cluster import DaskEngine  # noqa: E402 - they import the helpers above
from pipelines.engines.local import LocalEngine  # noqa: E402

Engine = InlineEngine | LocalEngine | DaskEngine

__all__ = [
    "Job",
    "Engine",
    "InlineEngine",
    "LocalEngine",
    "DaskEngine",
    "make_engine",
    "run_job",
    "EngineError",
    "default_workers",
    "ENGINES",
]
