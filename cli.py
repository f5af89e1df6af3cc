"""councilx command line: a thin layer over the ``pipelines`` library API.

Exit status: 0 success; 1 when a file could not be processed (or, for ``batch``,
when any file failed); 2 for usage errors.
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

app = typer.Typer(
    name="councilx",
    help="Turn UK council committee reports (PDF, Word, HTML, text, Markdown) into validated JSON.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DebugOpt = Annotated[bool, typer.Option("--debug", help="Show full tracebacks instead of one-line errors.")]
NoModelOpt = Annotated[bool, typer.Option("--no-model", help="Run on rules alone, without the spaCy model.")]
PasswordOpt = Annotated[Optional[str], typer.Option("--password", help="Password for encrypted PDFs.")]
MaxPagesOpt = Annotated[int, typer.Option("--max-pages", min=1, help="Refuse PDFs with more pages than this.")]
MaxMbOpt = Annotated[float, typer.Option("--max-mb", min=0.001, help="Refuse text/HTML files over this many MB "
                                         "(PDF and Word: four times this).")]


def _settings(no_model: bool, password: str | None, max_pages: int, max_mb: float = 50.0):
    from pipelines import Settings

    return Settings(use_model=not no_model, password=password, max_pages=max_pages, max_mb=max_mb)


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {message}", markup=True)
    raise typer.Exit(code)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A report: .pdf, .docx, .html, .txt or .md.", show_default=False)],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the JSON here instead of stdout.")] = None,
    no_model: NoModelOpt = False,
    password: PasswordOpt = None,
    max_pages: MaxPagesOpt = 2000,
    max_mb: MaxMbOpt = 50.0,
    debug: DebugOpt = False,
) -> None:
    """Extract one report to JSON (stdout, or OUTPUT)."""
    from models.errors import CouncilxError
    from pipelines import extract_report, report_to_json
    from pipelines.output import write_text_atomic

    if not file.exists():
        _fail(f"{file}: no such file", 2)
    if file.is_dir():
        _fail(f"{file}: is a folder; use 'batch' for folders", 2)
    try:
        report = extract_report(file, _settings(no_model, password, max_pages, max_mb))
        text = report_to_json(report)
        if output:
            write_text_atomic(output, text)
        else:
            sys.stdout.write(text)
    except CouncilxError as e:
        if debug:
            raise
        _fail(f"{file}: {e}")
    except Exception as e:  # noqa: BLE001 - one line for the user; --debug shows the traceback
        if debug:
            raise
        _fail(f"{file}: unexpected error ({type(e).__name__}): {e}")
    for w in report.warnings:
        err.print(f"[yellow]warning:[/yellow] {file}: {w}", markup=True)


class EngineName(str, Enum):
    """Where ``batch`` runs its work."""

    local = "local"
    dask = "dask"


@app.command()
def batch(
    folder: Annotated[Path, typer.Argument(help="Folder of reports (searched recursively).", show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for <stem>.json files and manifest.jsonl.")] = Path("data/processed"),
    force: Annotated[bool, typer.Option("--force", help="Redo files whose output is already up to date.")] = False,
    workers: Annotated[Optional[int], typer.Option("-j", "--workers", min=0, show_default="the CPU count",
                                                   help="Worker processes, each loading the model once; 0 runs in this process.")] = None,
    timeout: Annotated[Optional[float], typer.Option("--timeout", min=0.001, metavar="SECONDS",
                                                     help="Stop a file after this long and record it as failed.")] = None,
    engine: Annotated[EngineName, typer.Option("--engine", help="local: worker processes here; dask: a Dask cluster.")] = EngineName.local,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="tcp://HOST:PORT",
                                                     help="Dask scheduler for --engine dask (default: start a local cluster).")] = None,
    no_model: NoModelOpt = False,
    password: PasswordOpt = None,
    max_pages: MaxPagesOpt = 2000,
    max_mb: MaxMbOpt = 50.0,
    review: Annotated[bool, typer.Option("--review", help="Also write an HTML review page beside each JSON.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Extract every report under FOLDER into OUTPUT, one JSON each, plus manifest.jsonl.

    Files whose output is up to date (same input sha256 and pipeline version) are skipped, so a batch that was stopped, even with kill -9, finishes when run again.

    Exit status: 0 when every file is ok or skipped, 1 when any failed, 2 for usage errors, 130 when interrupted.
    """
    from models.errors import CouncilxError
    from pipelines import run_batch
    from pipelines.engines import EngineError, make_engine

    if not folder.exists():
        _fail(f"{folder}: no such folder", 2)
    try:
        runner = make_engine(engine.value, workers=workers, timeout=timeout, scheduler=scheduler)
    except EngineError as e:
        _fail(str(e), 2)
    progress = _BatchProgress()
    try:
        with progress:
            summary = run_batch(folder, output, _settings(no_model, password, max_pages, max_mb), force=force, engine=runner,
                                on_start=progress.start, on_result=progress.update)
    except CouncilxError as e:
        if debug:
            raise
        _fail(str(e), 2)
    except KeyboardInterrupt:
        err.print(f"interrupted: finished files are saved in {output}; run the same command again to resume")
        raise typer.Exit(130) from None
    _print_summary(summary, output)
    if review:
        from pipelines.review import review_pages

        pages = review_pages(output, _settings(no_model, password, max_pages, max_mb))
        err.print(f"wrote {len(pages)} review page(s) beside the JSON files")
    if summary.failed:
        raise typer.Exit(1)


class _BatchProgress:
    """A rich progress bar with counts and ETA on a terminal; one plain line per file otherwise."""

    def __init__(self) -> None:
        self.bar = None
        self.total = self.done = 0
        self.counts = {"ok": 0, "skipped": 0, "failed": 0}
        if err.is_terminal:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                       TimeRemainingColumn)

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=err)

    def __enter__(self) -> "_BatchProgress":
        if self.bar:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar:
            self.bar.stop()

    def start(self, total: int) -> None:
        self.total = total
        if self.bar:
            self.task = self.bar.add_task(self._label(), total=total)

    def _label(self) -> str:
        c = self.counts
        return f"[green]{c['ok']} ok[/green] [dim]{c['skipped']} skipped[/dim] [red]{c['failed']} failed[/red]"

    def update(self, entry) -> None:
        self.done += 1
        self.counts[entry.status] += 1
        tail = f": {entry.error}" if entry.error else ""
        if self.bar:
            if entry.status == "failed":
                self.bar.console.print(f"[red]failed[/red] {entry.path}{tail}", markup=True)
            self.bar.update(self.task, advance=1, description=self._label())
        else:
            err.print(f"[{self.done}/{self.total}] {entry.status} {entry.path}{tail}", markup=False)


def _print_summary(summary, output: Path) -> None:
    """The end-of-batch table: counts, pages, wall time and pages per second."""
    from rich.table import Table

    rate = summary.pages / summary.seconds if summary.seconds else 0.0
    table = Table(title=f"batch → {output}", title_justify="left")
    for col in ("files", "ok", "skipped", "failed", "pages", "seconds", "pages/s"):
        table.add_column(col, justify="right")
    table.add_row(str(summary.total), str(summary.ok), str(summary.skipped), str(summary.failed),
                  str(summary.pages), f"{summary.seconds:.1f}", f"{rate:.1f}")
    err.print(table)


@app.command()
def review(
    file: Annotated[Path, typer.Argument(help="A report file, or a JSON output whose source file is still in place.",
                                         show_default=False)],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="HTML file to write (default: FILE "
                                                   "with .html beside it).")] = None,
    no_model: NoModelOpt = False,
    password: PasswordOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Write a self-contained HTML page highlighting every extracted item in the report's text."""
    from models.errors import CouncilxError
    from pipelines.review import review_page

    if not file.exists():
        _fail(f"{file}: no such file", 2)
    try:
        out = review_page(file, output, _settings(no_model, password, 2000))
    except CouncilxError as e:
        if debug:
            raise
        _fail(f"{file}: {e}")
    err.print(f"wrote {out}")


@app.command()
def summary(
    folder: Annotated[Path, typer.Argument(help="A batch output folder (JSON files and manifest.jsonl).",
                                           show_default=False)],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="HTML file to write (default: "
                                                   "FOLDER/overview.html).")] = None,
) -> None:
    """Write one HTML overview of a batch: partner network, timeline, savings, workstreams, reports."""
    from pipelines.output import write_text_atomic
    from pipelines.render import render_overview

    if not folder.is_dir():
        _fail(f"{folder}: no such folder", 2)
    out = output or folder / "overview.html"
    write_text_atomic(out, render_overview(folder))
    err.print(f"wrote {out}")


@app.command()
def export(
    folder: Annotated[Path, typer.Argument(help="A batch output folder of report JSON files.", show_default=False)],
    format: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl, parquet (needs pyarrow) or sqlite "
                                        "(one database file).")] = "csv",
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the tables; for sqlite the database "
                                         "file (e.g. reports.db; a folder or a name without a suffix gets "
                                         "FOLDER/councilx.db).")] = Path("data/processed/tables"),
    force: Annotated[bool, typer.Option("--force", help="sqlite: replace an existing file that is not a councilx "
                                        "export.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Export flat typed tables (reports, partners, organisations, workstreams, dates, savings, recommendations)."""
    from models.errors import CouncilxError
    from pipelines.export import export as run_export

    if not folder.is_dir():
        _fail(f"{folder}: no such folder", 2)
    if format not in ("csv", "jsonl", "parquet", "sqlite"):
        _fail(f"--format must be csv, jsonl, parquet or sqlite, not {format!r}", 2)
    try:
        for table, path, n in run_export(folder, format, output, force=force):
            err.print(f"{table}: {n} rows → {path}")
    except CouncilxError as e:
        if debug:
            raise
        _fail(str(e))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output."""
    from models.report import report_json_schema

    sys.stdout.write(json.dumps(report_json_schema(), indent=2) + "\n")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
