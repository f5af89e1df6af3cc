"""Benchmark: ingestion, the whole pipeline on 1 and 2 workers, and a naive baseline, from one run.

Usage::

    python bench/run.py            # the table and the ratios against the targets
    python bench/run.py --profile  # also where the time goes (cProfile, one process)

Inputs are the real PDFs under ``../shared/corpus`` and ``../shared/eval/docs`` (skipped
with a message when absent). The naive baseline is what one would write first:
pdfplumber ``extract_text()`` on every page, then the full spaCy ``en_core_web_sm``
pipeline (every component) over the whole text.

The pipeline runs 3 times on each of 1 and 2 workers, interleaved, and the median of each is
reported: on a shared 2-core machine one busy moment can otherwise decide the -j2/-j1 ratio.
Pipeline timings include worker start-up (imports and model load), as a user sees them;
the baseline's model load is excluded, so the ratios are conservative. "extractors + assembly"
is everything after ingestion, including NER on the few sentences where an organisation could be
kept; the "reference" rows are what the pipeline avoids: NER over every block, and (for scale)
PDFium's bare text layer.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
FOLDERS = (SHARED / "corpus", SHARED / "eval" / "docs")
TARGETS = {"pipeline -j1 / baseline": 3.0, "pipeline -j2 / -j1": 1.7}
MAX_WORKER_MB, MAX_STARTUP_S = 600, 2.0
REPEATS = 3

STARTUP_CODE = """
import time, sys
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
import pipelines.core
from pipelines.nlp import build_nlp
build_nlp(True)
print(time.perf_counter() - t0)
"""


@dataclass
class Row:
    """One measured configuration."""

    name: str
    docs: int
    pages: int
    seconds: float

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0


def find_inputs() -> list[Path]:
    """The benchmark PDFs, sorted; empty when ../shared is absent."""
    return sorted(p for folder in FOLDERS if folder.is_dir() for p in folder.glob("*.pdf"))


def measure_ingestion(paths: list[Path]) -> tuple[Row, dict[Path, tuple[int, float]], list]:
    """load_document() alone, in this process; per-file (pages, seconds) and the Documents too."""
    from extract import load_document
    from models.errors import CouncilxError

    per_file: dict[Path, tuple[int, float]] = {}
    documents = []
    for p in paths:
        t0 = time.perf_counter()
        try:
            documents.append(load_document(p))
            pages = len(documents[-1].pages)
        except CouncilxError:
            pages = 0
        per_file[p] = (pages, time.perf_counter() - t0)
    return (
        Row(
            "ingestion (1 process)",
            len(paths),
            sum(n for n, _ in per_file.values()),
            sum(s for _, s in per_file.values()),
        ),
        per_file,
        documents,
    )


def measure_ner(documents: list) -> Row:
    """NER over every block of already-ingested Documents (pipelines.nlp.block_entities), for reference."""
    from pipelines.nlp import block_entities, build_nlp

    nlp, _ = build_nlp(True)
    t0 = time.perf_counter()
    for document in documents:
        block_entities(nlp, document)
    return Row(
        "reference: NER over every block",
        len(documents),
        sum(len(d.pages) for d in documents),
        time.perf_counter() - t0,
    )


def measure_pipeline(paths: list[Path], workers: int) -> tuple[Row, list, float]:
    """run_batch() over a folder of links to the inputs; also the largest worker's peak MB."""
    from pipelines.batch import run_batch
    from pipelines.engines import LocalEngine
    from pipelines.settings import Settings

    with tempfile.TemporaryDirectory(prefix="councilx-bench-") as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for p in paths:
            (src / p.name).symlink_to(p.resolve())
        t0 = time.perf_counter()
        engine = LocalEngine(workers)
        summary = run_batch(src, Path(tmp) / "out", Settings(), force=True, engine=engine)
        seconds = time.perf_counter() - t0
    return Row(f"pipeline --workers {workers}", len(paths), summary.pages, seconds), summary.entries, engine.peak_rss_mb


def measure_pipelines(paths: list[Path], repeats: int) -> tuple[Row, Row, list, float]:
    """The whole pipeline on 1 and 2 workers, ``repeats`` times each, interleaved (1, 2, 1, 2, ...), so that
    a busy moment on the machine does not land on one configuration only; the median run of each, the
    rows of the median 1-worker run (for cost per page), and the largest worker's peak memory."""
    runs: dict[int, list[tuple[Row, list]]] = {1: [], 2: []}
    peak = 0.0
    for _ in range(max(1, repeats)):
        for workers in (1, 2):
            row, entries, mb = measure_pipeline(paths, workers)
            runs[workers].append((row, entries))
            peak = max(peak, mb)
    median = {w: sorted(r, key=lambda x: x[0].seconds)[len(r) // 2] for w, r in runs.items()}
    for w, (row, _) in median.items():
        row.name += f" (median of {len(runs[w])})" if len(runs[w]) > 1 else ""
    return median[1][0], median[2][0], median[1][1], peak


def measure_extractors(documents: list) -> Row:
    """Everything after ingestion (extractors, NER when they ask for it, assembly) over ingested Documents."""
    from pipelines.core import document_to_report
    from pipelines.nlp import build_nlp

    build_nlp(True)
    t0 = time.perf_counter()
    for document in documents:
        document_to_report(document)
    return Row(
        "extractors + assembly (1 process)",
        len(documents),
        sum(len(d.pages) for d in documents),
        time.perf_counter() - t0,
    )


def measure_pdfium_text(paths: list[Path]) -> Row:
    """Reference for extract/pdf.py: pypdfium2's text layer of every page, nothing else."""
    import pypdfium2 as pdfium

    pages = 0
    t0 = time.perf_counter()
    for p in paths:
        try:
            pdf = pdfium.PdfDocument(p)
        except pdfium.PdfiumError:
            continue
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    return Row("reference: pypdfium2 text layer only", len(paths), pages, time.perf_counter() - t0)


def measure_startup() -> float:
    """Seconds for a fresh interpreter to import the pipeline and load the model (best of 3)."""
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", STARTUP_CODE.format(root=str(ROOT))], capture_output=True, text=True, check=True
        )
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return min(runs)


def measure_baseline(paths: list[Path]) -> Row:
    """pdfplumber extract_text() on every page, then full en_core_web_sm on the whole text."""
    import pdfplumber
    import spacy

    from pipelines.nlp import MODEL_PACKAGES

    nlp = next(_try_load(spacy, name) for name in MODEL_PACKAGES if _try_load(spacy, name) is not None)
    nlp.max_length = 10_000_000
    pages = 0
    t0 = time.perf_counter()
    for p in paths:
        try:
            with pdfplumber.open(p) as pdf:
                text = "\n".join(page.extract_text() or "" for page in pdf.pages)
                pages += len(pdf.pages)
        except Exception:  # noqa: BLE001 - the naive baseline just moves on
            continue
        nlp(text)
    return Row("baseline (pdfplumber + full spaCy)", len(paths), pages, time.perf_counter() - t0)


def _try_load(spacy, name: str):
    try:
        return spacy.load(name)
    except OSError:
        return None


def cost_per_page(entries: list) -> tuple[float, float, int]:
    """Milliseconds per page (total time over total pages) for short and long documents, split at the median."""
    done = [(e.pages, e.seconds) for e in entries if e.status == "ok" and e.pages]
    if len(done) < 2:
        return 0.0, 0.0, 0
    median = statistics.median(n for n, _ in done)
    short = [(n, s) for n, s in done if n <= median]
    long = [(n, s) for n, s in done if n > median] or short

    def rate(group: list[tuple[int, float]]) -> float:
        return 1000 * sum(s for _, s in group) / sum(n for n, _ in group)

    return rate(short), rate(long), int(median)


def print_report(
    rows: list[Row],
    startup: float,
    peak_mb: float,
    costs: tuple[float, float, int],
    ingest_costs: tuple[float, float, int],
) -> None:
    """The table and the ratios against the targets."""
    print(f"\n{'measure':44} {'docs':>5} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'docs/s':>7}")
    for r in rows:
        print(f"{r.name:44} {r.docs:5d} {r.pages:6d} {r.seconds:8.2f} {r.pages_per_s:8.2f} {r.docs_per_s:7.2f}")
    by = {r.name: r for r in rows}
    base = by["baseline (pdfplumber + full spaCy)"]
    one = next(r for r in rows if r.name.startswith("pipeline --workers 1"))
    two = next(r for r in rows if r.name.startswith("pipeline --workers 2"))
    ratios = {
        "pipeline -j1 / baseline": one.pages_per_s / base.pages_per_s,
        "pipeline -j2 / -j1": two.pages_per_s / one.pages_per_s,
    }
    print()
    for name, value in ratios.items():
        print(f"{name:38} {value:6.2f}x  (target >= {TARGETS[name]}x: {_verdict(value >= TARGETS[name])})")
    print(
        f"{'start-up (imports + model load)':38} {startup:6.2f} s  (target < {MAX_STARTUP_S} s: "
        f"{_verdict(startup < MAX_STARTUP_S)})"
    )
    print(
        f"{'peak memory per worker':38} {peak_mb:6.0f} MB (target < {MAX_WORKER_MB} MB: "
        f"{_verdict(peak_mb < MAX_WORKER_MB)})"
    )
    for label, (short, long, median) in (("pipeline -j1", costs), ("ingestion", ingest_costs)):
        ratio = long / short if short else 0.0
        print(
            f"{'cost per page, ' + label:38} {short:6.1f} ms short (<= {median} pages), {long:6.1f} ms long; "
            f"long/short {ratio:.2f}"
        )


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def profile(paths: list[Path], top: int = 25) -> None:
    """cProfile of the whole pipeline in this process, by cumulative and own time."""
    from pipelines.core import extract_report

    prof = cProfile.Profile()
    prof.enable()
    for p in paths:
        try:
            extract_report(p)
        except Exception:  # noqa: BLE001 - profiling only
            continue
    prof.disable()
    stats = pstats.Stats(prof)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    """Run every measurement once and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of the pipeline")
    parser.add_argument(
        "--repeats",
        type=int,
        default=REPEATS,
        help=f"runs of each pipeline configuration, interleaved; the median is reported (default {REPEATS})",
    )
    args = parser.parse_args(argv)
    paths = find_inputs()
    if not paths:
        print(f"bench: no PDFs under {', '.join(map(str, FOLDERS))}; nothing to measure.")
        return 0
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # as in the workers (pipelines.engines.warm)
    print(
        f"bench: {len(paths)} PDFs from {', '.join(str(f) for f in FOLDERS if f.is_dir())}; "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start"
    )
    one, two, entries, peak = measure_pipelines(paths, args.repeats)
    ingest, per_file, documents = measure_ingestion(paths)
    ner = measure_ner(documents)
    rest = measure_extractors(documents)
    pdfium_row = measure_pdfium_text(paths)
    ingest_entries = [_Fake(n, s) for n, s in per_file.values()]
    startup = measure_startup()
    base = measure_baseline(paths)
    print_report(
        [ingest, pdfium_row, rest, ner, one, two, base],
        startup,
        peak,
        cost_per_page(entries),
        cost_per_page(ingest_entries),
    )
    print(
        f"load average over the last 5 minutes: {os.getloadavg()[1]:.2f} (the bench itself adds 1 to 2; "
        f"more means other processes competed for the {os.cpu_count()} CPUs and -j2 above all is pessimistic)"
    )
    if args.profile:
        profile(paths)
    return 0


@dataclass
class _Fake:
    pages: int
    seconds: float
    status: str = "ok"


if __name__ == "__main__":
    sys.exit(main())
