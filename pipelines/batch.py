"""run_batch(): every report under a folder to one JSON each, plus manifest.jsonl."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from extract.sniff import ALL_EXTS
from models.errors import IngestError
from models.manifest import BatchSummary, ManifestEntry
from pipelines.engines import Engine, Job, make_engine
from pipelines.output import (
    MANIFEST_NAME,
    OWN_PAGE_MARKS,
    append_manifest,
    check_writable,
    output_names,
    read_manifest,
    refuse_clobber,
    remove_stale_temps,
    repair_manifest,
)
from pipelines.process import process_one
from pipelines.settings import Settings

SKIP_NAMES = {MANIFEST_NAME}


def discover(
    root: Path, outdir: Path | None = None, unreadable: list[tuple[Path, str]] | None = None
) -> Iterator[Path]:
    """Report files under ``root`` in sorted order; hidden files, symlink loops and ``outdir`` skipped.

    A folder that cannot be listed is appended to ``unreadable`` with the reason, when a list is given.
    """
    seen: set[tuple[int, int]] = set()
    out_real = outdir.resolve() if outdir else None

    def walk(d: Path) -> Iterator[Path]:
        try:
            st = d.stat()
        except OSError:
            return
        if (st.st_dev, st.st_ino) in seen or (out_real and d.resolve() == out_real):
            return
        seen.add((st.st_dev, st.st_ino))
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as e:
            if unreadable is not None:
                unreadable.append(
                    (d, f"cannot read the folder: {(e.strerror or str(e)).lower()}; its reports are left out")
                )
            return
        for e in entries:
            if e.name.startswith("."):
                continue
            p = Path(e.path)
            try:
                if e.is_dir():
                    yield from walk(p)
                elif e.is_file() and p.suffix.lower() in ALL_EXTS and e.name not in SKIP_NAMES and not own_page(p):
                    yield p
            except OSError:
                continue

    if root.is_file():
        yield root
    else:
        yield from walk(root)


def own_page(path: Path) -> bool:
    """True for a review page or overview this tool wrote (``review`` puts NAME.review.html beside a
    report): it is not a report, and reading it as one would make a second, bogus report. Known by its
    content, whatever its name (an overview written as ``report.md`` is still an overview)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return any(mark in head for mark in OWN_PAGE_MARKS)


def run_batch(
    root: Path,
    outdir: Path,
    settings: Settings | None = None,
    *,
    force: bool = False,
    on_result: Callable[[ManifestEntry], None] | None = None,
    engine: Engine | None = None,
    workers: int | None = None,
    timeout: float | None = None,
    max_memory: float | None = None,
    on_start: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Process every report under ``root`` into ``outdir``; append a manifest row per file.

    Safe to kill at any moment and run again: outputs are renamed into place whole, the
    manifest gets one fsync'd row per finished file, temporary files of a killed run are
    removed first, and inputs whose output is up to date are skipped (unless ``force``).

    Args:
        root: A folder (searched recursively) or one file.
        outdir: Where ``<stem>.json`` files and ``manifest.jsonl`` go.
        settings: Pipeline options, the same for every file.
        force: Redo files whose output is already up to date.
        on_result: Called with each row as it is written (in completion order).
        engine: Runs the jobs; default a :class:`~pipelines.engines.LocalEngine` of ``workers``.
        workers: Worker processes for the default engine (None: CPU count; 0: in this process).
        timeout: Seconds allowed per file for the default engine.
        max_memory: MB of memory a worker of the default engine may use (default 2048).
        on_start: Called once with the number of inputs, before any work.

    Raises:
        IngestError: ``root`` does not exist.
        OutputError: ``outdir`` is, or is inside, ``root``, or cannot be written.
    """
    settings = settings or Settings()
    root, outdir = Path(root), Path(outdir)
    refuse_bad_paths(root, outdir)
    check_writable(outdir)
    remove_stale_temps(outdir)
    repair_manifest(outdir)
    unreadable: list[tuple[Path, str]] = []
    inputs = list(discover(root, outdir, unreadable))
    names = output_names(inputs, root if root.is_dir() else root.parent)
    if on_start:
        on_start(len(inputs) + len(unreadable))
    summary = BatchSummary()
    for folder, reason in unreadable:  # a folder whose reports are missing is a failure, not silence
        _record(outdir, summary, ManifestEntry(path=str(folder), status="failed", error=reason), on_result)
    engine = engine or make_engine("local", workers=workers, timeout=timeout, max_memory=max_memory)
    jobs = (Job(path, outdir / names[path], settings, force) for path in costliest_first(inputs))
    t0 = time.perf_counter()
    for entry in engine.map(jobs):
        _record(outdir, summary, entry, on_result)
    summary.seconds = round(time.perf_counter() - t0, 3)
    return summary


def refuse_bad_paths(root: Path, outdir: Path) -> None:
    """The command line's safeguards, for every caller: the input must exist, and no output may be the input
    or lie inside the input folder (the next run would read it back as a report).

    Raises:
        IngestError: ``root`` does not exist.
        OutputError: ``outdir`` is, or is inside, ``root``, or the one output would replace the one input.
    """
    if not root.exists():
        raise IngestError("no such file or folder", root)
    if root.is_dir():
        refuse_clobber([outdir], trees=[root])
    else:
        refuse_clobber([outdir, outdir / output_names([root], root.parent)[root]], [root])


def prune_orphans(outdir: Path) -> list[tuple[Path, str]]:
    """Remove every report JSON in ``outdir`` whose input file no longer exists, with the review page the tool
    wrote beside it; return (JSON file, its input) for each. Files that are not councilx reports are kept."""
    from pipelines.output import source_gone
    from pipelines.render.overview import read_reports

    removed = []
    for stem, report in read_reports(outdir)[0]:
        json_file = outdir / f"{stem}.json"
        if not source_gone(report.source.path, json_file):
            continue
        page = json_file.with_suffix(".html")
        if own_page(page):
            page.unlink()
        json_file.unlink()
        removed.append((json_file, report.source.path))
    return removed


ESTIMATE_LIMIT = 1000  # above this many inputs, order by file size alone (the tail matters little)
OCR_COST = 150  # a page with no text layer costs about as much as this many pages with one (Tesseract)


def estimated_cost(path: Path) -> float:
    """Roughly how long a file will take, in pages: a PDF's page count (a scanned one's many times
    over, for OCR), else its size. Opening a PDF's first page costs a few milliseconds."""
    try:
        size = path.stat().st_size
    except OSError:
        return 0.0
    if path.suffix.lower() != ".pdf":
        return size / 20_000
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            pages = len(pdf)
            page = pdf[0] if pages else None
            scanned = page is not None and page.get_textpage().count_chars() < 5
        finally:
            pdf.close()
    except Exception:  # noqa: BLE001 - encrypted or damaged: it fails fast anyway
        return size / 20_000
    return pages * (OCR_COST if scanned else 1)


def costliest_first(paths: list[Path]) -> list[Path]:
    """``paths`` in decreasing order of estimated cost (ties in the given order).

    Starting the slowest files first keeps every worker busy to the end: a long or scanned
    report left for last would run alone while the other workers sit idle. Over
    ``ESTIMATE_LIMIT`` inputs only file sizes are read, which costs nothing.
    """
    if len(paths) > ESTIMATE_LIMIT:

        def cost(p: Path) -> float:
            try:
                return p.stat().st_size
            except OSError:
                return 0
    else:
        cost = estimated_cost
    return sorted(paths, key=cost, reverse=True)


def _record(
    outdir: Path, summary: BatchSummary, entry: ManifestEntry, on_result: Callable[[ManifestEntry], None] | None
) -> None:
    append_manifest(outdir, entry)
    _count(summary, entry)
    if on_result:
        on_result(entry)


def _count(summary: BatchSummary, entry: ManifestEntry) -> None:
    setattr(summary, entry.status, getattr(summary, entry.status) + 1)
    summary.pages += entry.pages or 0
    summary.entries.append(entry)


__all__ = ["run_batch", "process_one", "discover", "read_manifest"]
