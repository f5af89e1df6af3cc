"""councilx command line: a thin layer over the ``pipelines`` library API.

Exit status: 0 success; 1 when a file could not be processed (or, for ``batch``,
when any file failed); 2 for usage errors.
"""
from __future__ import annotations

import json
import sys
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


def _settings(no_model: bool, password: str | None, max_pages: int):
    from pipelines import Settings

    return Settings(use_model=not no_model, password=password, max_pages=max_pages)


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
        report = extract_report(file, _settings(no_model, password, max_pages))
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


@app.command()
def batch(
    folder: Annotated[Path, typer.Argument(help="Folder of reports (searched recursively).", show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for <stem>.json files and manifest.jsonl.")] = Path("data/processed"),
    force: Annotated[bool, typer.Option("--force", help="Redo files whose output is already up to date.")] = False,
    no_model: NoModelOpt = False,
    password: PasswordOpt = None,
    max_pages: MaxPagesOpt = 2000,
    debug: DebugOpt = False,
) -> None:
    """Extract every report under FOLDER into OUTPUT, one JSON each, plus manifest.jsonl.

    Exit status 0 when every file is ok or skipped, 1 when any failed, 2 for usage errors.
    """
    from models.errors import CouncilxError
    from pipelines import run_batch

    if not folder.exists():
        _fail(f"{folder}: no such folder", 2)

    def show(entry) -> None:
        mark = {"ok": "[green]ok[/green]", "skipped": "[dim]skipped[/dim]", "failed": "[red]failed[/red]"}[entry.status]
        tail = f": {entry.error}" if entry.error else ""
        err.print(f"{mark} {entry.path}{tail}", markup=True)

    try:
        summary = run_batch(folder, output, _settings(no_model, password, max_pages), force=force, on_result=show)
    except CouncilxError as e:
        if debug:
            raise
        _fail(str(e), 2)
    err.print(f"{summary.total} files: {summary.ok} ok, {summary.skipped} skipped, {summary.failed} failed; "
              f"{summary.pages} pages in {summary.seconds:.1f}s → {output}")
    if summary.failed:
        raise typer.Exit(1)


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
