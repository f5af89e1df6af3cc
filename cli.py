"""councilx command line: a thin layer over the ``pipelines`` library API.

Exit status: 0 success; 1 when a file could not be processed (or, for ``batch``,
when any file failed); 2 for usage errors.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from typer.core import TyperCommand, TyperGroup


class _FlagsWithoutMetavar:
    """Help shows an on/off flag as ``--debug``, not ``--debug <bool>``: a flag takes no value."""

    def get_params(self, ctx):  # type: ignore[no-untyped-def]
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            if getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""
        return params


class _Command(_FlagsWithoutMetavar, TyperCommand):
    pass


class _Group(_FlagsWithoutMetavar, TyperGroup):
    pass


app = typer.Typer(
    name="councilx",
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
command = partial(app.command, cls=_Command)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DebugOpt = Annotated[bool, typer.Option("--debug", help="Show full tracebacks instead of one-line errors.")]
NoModelOpt = Annotated[
    bool,
    typer.Option("--no-model", help="Run on rules alone, without the spaCy model (says so in one line on stderr)."),
]
PasswordOpt = Annotated[Optional[str], typer.Option("--password", help="Password for encrypted PDFs.")]
MaxPagesOpt = Annotated[int, typer.Option("--max-pages", min=1, help="Refuse PDFs with more pages than this.")]
CorrectionsOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--corrections",
        metavar="DIR",
        help="A corrections folder (e.g. data/corrections): each report's correction file is applied first; "
        "a bad or stale one is one warning line and its report is used as extracted.",
    ),
]
MaxMbOpt = Annotated[
    float,
    typer.Option(
        "--max-mb", min=0.001, help="Refuse text/HTML files over this many MB (PDF and Word: four times this)."
    ),
]


ForceOpt = Annotated[
    bool,
    typer.Option("--force", help="Replace an existing output file that councilx did not write."),
]


def _refuse_foreign(outputs: list[Path], force: bool) -> None:
    """Exit 2 when an output would replace a file this tool did not write (unless --force)."""
    from models.errors import OutputError
    from pipelines.output import refuse_foreign

    try:
        refuse_foreign(outputs, force)
    except OutputError as e:
        _fail(str(e), 2)


SkipBadOpt = Annotated[
    bool,
    typer.Option(
        "--skip-bad",
        help="Leave out *.json files that are not readable reports (each is named on stderr) instead of stopping "
        "with exit 1.",
    ),
]


def _check_reports(folder: Path, skip_bad: bool) -> None:
    """Name every *.json in ``folder`` that is not a readable report; exit 1 unless ``skip_bad``."""
    from pipelines.output import source_gone
    from pipelines.render.overview import read_reports

    reports, bad = read_reports(folder)
    for stem, r in reports:
        if source_gone(r.source.path, folder / f"{stem}.json"):
            err.print(
                f"[yellow]warning:[/yellow] {_escape(stem)}.json: its input file {_escape(r.source.path)} is gone "
                "(marked as such; batch --prune removes such reports)"
            )
    for path, why in bad:
        word = "[yellow]warning:[/yellow]" if skip_bad else "[red]error:[/red]"
        err.print(f"{word} {_escape(str(path))} {_escape(why)}; {'left out' if skip_bad else 'not read'}")
    if bad and not skip_bad:
        _fail(f"{len(bad)} file(s) in {folder} are not readable reports; nothing written (--skip-bad leaves them out)")


def _version(value: bool) -> None:
    if value:
        from pipelines.settings import PIPELINE_VERSION

        sys.stdout.write(f"councilx {PIPELINE_VERSION}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn UK council committee reports (PDF, Word, HTML, text, Markdown) into validated JSON.

    Exit status: 0 success; 1 a file could not be processed; 2 a usage error (a bad option, a missing input, an output that would replace an input).
    """


def _settings(no_model: bool, password: str | None, max_pages: int, max_mb: float = 50.0):
    from pipelines import Settings

    return Settings(use_model=not no_model, password=password, max_pages=max_pages, max_mb=max_mb)


def _fail(message: str, code: int = 1) -> None:
    from rich.markup import escape

    err.print(f"[red]error:[/red] {escape(message)}", markup=True)
    raise typer.Exit(code)


def _refuse_clobber(outputs: list[Path], inputs: Sequence[Path] = (), trees: Sequence[Path] = ()) -> None:
    """Exit 2 with one line when an output would replace an input or land in an input folder."""
    from models.errors import OutputError
    from pipelines.output import refuse_clobber

    try:
        refuse_clobber(outputs, inputs, trees)
    except OutputError as e:
        _fail(str(e), 2)


def _not_a_folder(output: Path) -> None:
    """Exit 2 when a file output names an existing folder."""
    if output.is_dir():
        _fail(f"output {output} is a folder; give a file name", 2)


def _model_notice(no_model: bool, warn_if_missing: bool = True) -> None:
    """One line on stderr: --no-model runs on rules alone (asked for), or the model is missing (not asked for)."""
    if no_model:
        err.print("note: --no-model: running on rules alone, without the spaCy model", markup=False)
        return
    if warn_if_missing:
        from importlib.util import find_spec

        from pipelines.nlp import MODEL_MISSING_WARNING, MODEL_PACKAGES

        if not any(find_spec(p) for p in MODEL_PACKAGES):
            err.print(f"[yellow]warning:[/yellow] {_escape(MODEL_MISSING_WARNING)}", markup=True)


@command()
def extract(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            show_default=False,
            help="A report (.pdf, .docx, .html, .txt or .md), or - to read one from "
            "standard input (its format is sniffed from the bytes).",
        ),
    ],
    output: Annotated[
        Optional[Path],
        typer.Option("-o", "--output", help="Write the JSON here instead of stdout (never over the input)."),
    ] = None,
    no_model: NoModelOpt = False,
    password: PasswordOpt = None,
    max_pages: MaxPagesOpt = 2000,
    max_mb: MaxMbOpt = 50.0,
    force: ForceOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Extract one report to JSON (stdout, or OUTPUT).

    Exit status: 0 ok; 1 the file could not be read (one line says why); 2 usage error (no such file, an
    OUTPUT that is the input).
    """
    from models.errors import CouncilxError, OutputError
    from pipelines import document_to_report, extract_report, report_to_json
    from pipelines.output import write_text_atomic

    stdin = str(file) == "-"
    label = "<stdin>" if stdin else str(file)
    if not stdin and not file.exists():
        _fail(f"{file}: no such file", 2)
    if not stdin and file.is_dir():
        _fail(f"{file}: is a folder; use 'batch' for folders", 2)
    if stdin and sys.stdin.isatty():
        _fail("FILE is - but nothing is piped in; e.g. extract - < report.pdf", 2)
    if output:
        _not_a_folder(output)
        _refuse_clobber([output], [] if stdin else [file])
        _refuse_foreign([output], force)
    _model_notice(no_model, warn_if_missing=False)  # a missing model is among the report's warnings below
    settings = _settings(no_model, password, max_pages, max_mb)
    try:
        if stdin:
            from extract.stream import load_stream

            document = load_stream(
                sys.stdin.buffer,
                password=password,
                max_pages=max_pages,
                ocr=settings.ocr,
                max_text_bytes=int(max_mb * 1e6),
                max_bytes=int(max_mb * 4e6),
            )
            report = document_to_report(document, settings)
        else:
            report = extract_report(file, settings)
        text = report_to_json(report)
        if output:
            write_text_atomic(output, text)
            err.print(f"wrote {output}", markup=False)
        else:
            sys.stdout.write(text)
    except OutputError as e:
        if debug:
            raise
        _fail(str(e), 2)
    except CouncilxError as e:
        if debug:
            raise
        _fail(_named(e, label))
    except Exception as e:  # noqa: BLE001 - one line for the user; --debug shows the traceback
        if debug:
            raise
        _fail(f"{label}: unexpected error ({type(e).__name__}): {e}")
    for w in report.warnings:
        err.print(f"[yellow]warning:[/yellow] {_escape(label)}: {_escape(w)}", markup=True)


def _named(error, label: object) -> str:  # type: ignore[no-untyped-def]
    """The error's one line, naming ``label`` unless the error already names its file."""
    return str(error) if error.path else f"{label}: {error}"


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


class EngineName(str, Enum):
    """Where ``batch`` runs its work."""

    local = "local"
    dask = "dask"


@command()
def batch(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="DIR", show_default=False, help="Folder of reports (searched recursively), or one report."
        ),
    ],
    output: Annotated[
        Optional[Path],
        typer.Option(
            "-o",
            "--output",
            help="Folder for <stem>.json files and manifest.jsonl; never the input folder or inside it.",
            show_default="DIR-councilx, beside DIR",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo files whose output is already up to date.")] = False,
    workers: Annotated[
        Optional[int],
        typer.Option(
            "-j",
            "--workers",
            min=0,
            show_default="the CPU count",
            help="Worker processes, each loading the model once; 0 runs in this process.",
        ),
    ] = None,
    timeout: Annotated[
        Optional[float],
        typer.Option(
            "--timeout", min=0.001, metavar="SECONDS", help="Stop a file after this long and record it as failed."
        ),
    ] = None,
    max_memory: Annotated[
        Optional[float],
        typer.Option(
            "--max-memory",
            min=1,
            metavar="MB",
            show_default=False,
            help="Memory a worker may use for one file (default 2048, i.e. 2 GB); a file that goes over it is "
            "stopped and recorded as failed, and its worker replaced.",
        ),
    ] = None,
    engine: Annotated[
        EngineName, typer.Option("--engine", help="local: worker processes here; dask: a Dask cluster.")
    ] = EngineName.local,
    scheduler: Annotated[
        Optional[str],
        typer.Option(
            "--scheduler",
            metavar="tcp://HOST:PORT",
            help="Dask scheduler for --engine dask (default: start a local cluster).",
        ),
    ] = None,
    no_model: NoModelOpt = False,
    password: PasswordOpt = None,
    max_pages: MaxPagesOpt = 2000,
    max_mb: MaxMbOpt = 50.0,
    review: Annotated[bool, typer.Option("--review", help="Also write an HTML review page beside each JSON.")] = False,
    prune: Annotated[
        bool,
        typer.Option(
            "--prune", help="Remove report JSON files (and their review pages) in OUTPUT whose input file is gone."
        ),
    ] = False,
    jsonl: Annotated[
        bool,
        typer.Option(
            "--jsonl",
            help="Stream each file's manifest row to stdout as one JSON line, "
            "as it finishes (for piping); per-file lines and the progress bar are then "
            "left out, and the summary table still goes to stderr.",
        ),
    ] = False,
    debug: DebugOpt = False,
) -> None:
    """Extract every report under DIR into OUTPUT, one JSON each, plus manifest.jsonl.

    Files whose output is up to date (same input sha256 and pipeline version) are skipped, so a batch that was stopped, even with kill -9, finishes when run again.

    Progress and the summary table go to stderr; stdout is empty unless --jsonl.

    Exit status: 0 when every file is ok or skipped (or DIR holds no reports), 1 when any failed, 2 for usage errors, 130 when interrupted.
    """
    from models.errors import CouncilxError
    from pipelines import run_batch
    from pipelines.engines import EngineError, make_engine

    if not folder.exists():
        _fail(f"{folder}: no such folder", 2)
    if output is None:
        output = _beside(folder)
        err.print(f"output: {output}", markup=False)
    if folder.is_dir():
        _refuse_clobber([output], trees=[folder])
    else:  # one report: its JSON and review page must not be the report itself
        from pipelines.output import output_names

        name = output_names([folder], folder.parent)[folder]
        pages = [(output / name).with_suffix(".html")] if review else []
        _refuse_clobber([output, output / name, *pages], [folder])
    try:
        runner = make_engine(engine.value, workers=workers, timeout=timeout, scheduler=scheduler, max_memory=max_memory)
    except EngineError as e:
        _fail(str(e), 2)
    progress = _BatchProgress(quiet=jsonl)
    on_result = _JsonLines(progress.update) if jsonl else progress.update

    def on_start(total: int) -> None:  # the output folder is writable and the inputs are found
        if total:
            _model_notice(no_model)
        progress.start(total)

    try:
        with progress:
            summary = run_batch(
                folder,
                output,
                _settings(no_model, password, max_pages, max_mb),
                force=force,
                engine=runner,
                on_start=on_start,
                on_result=on_result,
            )
    except CouncilxError as e:
        if debug:
            raise
        _fail(str(e), 2)
    except KeyboardInterrupt:
        err.print(
            f"interrupted: finished files are saved in {output}; run the same command again to resume", markup=False
        )
        raise typer.Exit(130) from None
    if prune:
        from pipelines.batch import prune_orphans

        for json_file, source in prune_orphans(output):
            err.print(f"pruned {json_file}: its input {source} is gone", markup=False)
    if not summary.total:
        err.print(f"no reports found under {folder} (it reads {_supported()})", markup=False)
        return
    _print_summary(summary, output)
    if review:
        from pipelines.review import review_pages

        pages = review_pages(output, _settings(no_model, password, max_pages, max_mb))
        err.print(f"wrote {len(pages)} review page(s) beside the JSON files")
    if summary.failed:
        raise typer.Exit(1)


def _beside(folder: Path) -> Path:
    """The default batch output: ``DIR-councilx`` beside the input folder (or beside one input file)."""
    base = folder.resolve()
    name = base.name if base.is_dir() else base.stem
    return base.parent / f"{name or 'root'}-councilx"


def _supported() -> str:
    from extract.sniff import SUPPORTED

    return SUPPORTED


class _JsonLines:
    """Writes each manifest row to stdout as one JSON line, flushed, then passes it on.

    If the reader goes away (``| head``), the batch goes on and the remaining rows are dropped.
    """

    def __init__(self, then) -> None:  # type: ignore[no-untyped-def]
        self.then = then
        self.open = True

    def __call__(self, entry) -> None:  # type: ignore[no-untyped-def]
        if self.open:
            try:
                sys.stdout.write(entry.model_dump_json() + "\n")
                sys.stdout.flush()
            except BrokenPipeError:
                self.open = False
                import os

                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        self.then(entry)


class _BatchProgress:
    """A rich progress bar with counts and ETA on a terminal; one plain line per file otherwise (or none if quiet)."""

    def __init__(self, quiet: bool = False) -> None:
        self.bar = None
        self.quiet = quiet
        self.total = self.done = 0
        self.counts = {"ok": 0, "skipped": 0, "failed": 0}
        if err.is_terminal and not quiet:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=err,
            )

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
        if self.quiet:
            return
        if self.bar:
            if entry.status == "failed":
                self.bar.console.print(f"[red]failed[/red] {_escape(entry.path + tail)}", markup=True)
            self.bar.update(self.task, advance=1, description=self._label())
        else:
            err.print(f"[{self.done}/{self.total}] {entry.status} {entry.path}{tail}", markup=False)


def _print_summary(summary, output: Path) -> None:
    """The end-of-batch table: counts, pages, wall time and pages per second."""
    from rich.table import Table

    rate = summary.pages / summary.seconds if summary.seconds else 0.0
    table = Table(title=_escape(f"batch → {output}"), title_justify="left")
    for col in ("files", "ok", "skipped", "failed", "pages", "seconds", "pages/s"):
        table.add_column(col, justify="right")
    table.add_row(
        str(summary.total),
        str(summary.ok),
        str(summary.skipped),
        str(summary.failed),
        str(summary.pages),
        f"{summary.seconds:.1f}",
        f"{rate:.1f}",
    )
    err.print(table)


@command()
def review(
    file: Annotated[
        Optional[Path],
        typer.Argument(
            metavar="FILE",
            show_default=False,
            help="A report file, or a JSON output whose source file is still in place.",
        ),
    ] = None,
    serve: Annotated[
        Optional[Path],
        typer.Option(
            "--serve",
            metavar="OUTDIR",
            help="Serve the review pages of a batch folder on 127.0.0.1, with right/wrong/fix on every item and "
            "adding a missed item by selecting its text; each change is saved at once to --corrections.",
        ),
    ] = None,
    corrections: Annotated[
        Path, typer.Option("--corrections", metavar="DIR", help="--serve: the corrections folder it writes.")
    ] = Path("data/corrections"),
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="--serve: the port (0: any free one).")] = 8765,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "-o",
            "--output",
            help="HTML file to write (default: FILE's name with .review.html, beside it; never over an input).",
        ),
    ] = None,
    no_model: NoModelOpt = False,
    password: PasswordOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Write a self-contained HTML page highlighting every extracted item in the report's text.

    Exit status: 0 ok; 1 the file could not be read; 2 usage error (no such file, an OUTPUT that is an input).
    """
    from models.errors import CouncilxError, OutputError
    from pipelines.review import review_page

    if serve is not None:
        return _serve(serve, corrections, port)
    if file is None:
        _fail("give a FILE, or --serve OUTDIR", 2)
    if not file.exists():
        _fail(f"{file}: no such file", 2)
    if file.is_dir():
        _fail(f"{file}: is a folder; give one report or JSON file", 2)
    if output:
        _not_a_folder(output)
    if file.suffix.lower() != ".json":
        _model_notice(no_model)
    try:
        out = review_page(file, output, _settings(no_model, password, 2000), force=force)
    except OutputError as e:
        if debug:
            raise
        _fail(str(e), 2)
    except CouncilxError as e:
        if debug:
            raise
        _fail(_named(e, file))
    err.print(f"wrote {out}", markup=False)


def _serve(outdir: Path, corrections: Path, port: int) -> None:
    """Run the review server until Ctrl-C."""
    from pipelines.review_server import make_server

    if not outdir.is_dir():
        _fail(f"{outdir}: no such folder", 2)
    if corrections.exists() and not corrections.is_dir():
        _fail(f"--corrections {corrections} is a file, not a folder", 2)
    try:
        server = make_server(outdir, corrections, port)
    except OSError as e:
        _fail(f"cannot listen on 127.0.0.1:{port}: {e.strerror or e}", 2)
    host, bound = server.server_address[:2]
    err.print(f"serving the review pages of {outdir} on http://{host}:{bound}/ ; corrections go to {corrections}")
    err.print("press Ctrl-C to stop", markup=False)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@command()
def summary(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="OUTDIR", show_default=False, help="A batch output folder (JSON files and manifest.jsonl)."
        ),
    ],
    output: Annotated[
        Optional[Path],
        typer.Option(
            "-o",
            "--output",
            help="HTML file to write (default: OUTDIR/overview.html; never over a file the page is made from).",
        ),
    ] = None,
    corrections: CorrectionsOpt = None,
    skip_bad: SkipBadOpt = False,
    force: ForceOpt = False,
) -> None:
    """Write one HTML overview of a batch: partner network, timeline, savings, workstreams, reports.

    Exit status: 0 ok; 1 OUTDIR is not a batch output (nothing is written); 2 usage error.
    """
    from models.errors import OutputError
    from pipelines.output import MANIFEST_NAME, write_text_atomic
    from pipelines.render import render_overview
    from pipelines.render.overview import load_reports

    if not folder.is_dir():
        _fail(f"{folder}: no such folder", 2)
    out = output or folder / "overview.html"
    reports = sorted(folder.glob("*.json"))
    _refuse_clobber([out], [folder, folder / MANIFEST_NAME, *reports, *(p.with_suffix(".html") for p in reports)])
    _not_a_folder(out)
    _refuse_foreign([out], force)
    if not (folder / MANIFEST_NAME).exists() and not load_reports(folder):
        _fail(
            f"{folder} is not a batch output: no report JSON files and no {MANIFEST_NAME}; nothing written "
            f"(make one with: batch DIR -o {folder})"
        )
    _corrections_folder(corrections)
    _check_reports(folder, skip_bad)
    try:
        write_text_atomic(out, render_overview(folder, corrections, on_problem=_warn))
    except OutputError as e:
        _fail(str(e), 2)
    err.print(f"wrote {out}", markup=False)


@command()
def export(
    folder: Annotated[
        Path, typer.Argument(metavar="OUTDIR", show_default=False, help="A batch output folder of report JSON files.")
    ],
    format: Annotated[
        str, typer.Option("--format", "-f", help="csv, jsonl, parquet (needs pyarrow) or sqlite (one database file).")
    ] = "csv",
    output: Annotated[
        Optional[Path],
        typer.Option(
            "-o",
            "--output",
            help="Folder for the tables (not OUTDIR itself); for "
            "sqlite the database file (e.g. reports.db; a folder or a name without a "
            "suffix gets FOLDER/councilx.db).",
            show_default="OUTDIR/tables",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace existing files of the same names that are not councilx exports.")
    ] = False,
    corrections: CorrectionsOpt = None,
    skip_bad: SkipBadOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Export flat typed tables (reports, partners, organisations, workstreams, dates, savings, recommendations).

    Exit status: 0 ok; 1 nothing to export; 2 usage error.
    """
    from models.errors import CouncilxError, OutputError
    from pipelines.export import TABLES
    from pipelines.export import export as run_export

    if not folder.is_dir():
        _fail(f"{folder}: no such folder", 2)
    if format not in ("csv", "jsonl", "parquet", "sqlite"):
        _fail(f"--format must be csv, jsonl, parquet or sqlite, not {format!r}", 2)
    if output is None:
        output = folder / "tables"  # beside the reports, wherever the command is run from
    tables = [output / "councilx.db"] if format == "sqlite" else [output / f"{t}.{format}" for t in TABLES]
    _refuse_clobber([output, *tables], [folder, *folder.glob("*.json")])
    if format != "sqlite" and output.exists() and not output.is_dir():
        _fail(f"output {output} is a file, not a folder", 2)
    _check_reports(folder, skip_bad)
    try:
        _corrections_folder(corrections)
        for table, path, n in run_export(folder, format, output, force, corrections, on_problem=_warn):
            err.print(f"{table}: {n} rows → {path}", markup=False)
    except OutputError as e:
        if debug:
            raise
        _fail(str(e), 2)
    except CouncilxError as e:
        if debug:
            raise
        _fail(str(e))


def _corrections_folder(corrections: Path | None) -> None:
    """Exit 2 when --corrections names something that is not a folder."""
    if corrections is not None and not corrections.is_dir():
        _fail(f"--corrections {corrections}: no such folder", 2)


def _warn(line: str) -> None:
    err.print(f"[yellow]warning:[/yellow] {_escape(line)}", markup=True)


@command()
def train(
    with_: Annotated[
        list[Path],
        typer.Option(
            "--with",
            metavar="DIR",
            show_default=False,
            help="A folder of correction files and their reports (beside them, or where the batch read them); "
            "each corrected report is an annotated example. May be given more than once.",
        ),
    ],
    shared: Annotated[
        Optional[Path],
        typer.Option("--shared", metavar="DIR", help="Also train on the shared annotated set (train/, eval/)."),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "-o",
            "--output",
            help="Folder for the models (default: the folder the pipeline loads them from, COUNCILX_MODELS or "
            "the package's).",
        ),
    ] = None,
) -> None:
    """Train the learned models with your corrected reports (needs the train extra: scikit-learn).

    Exit status: 0 ok; 2 no annotated reports, or a usage error.
    """
    from importlib.util import find_spec

    from pipelines.learn import train as learn
    from pipelines.learn.store import SHIPPED, models_dir

    if find_spec("sklearn") is None:
        _fail("training needs scikit-learn: pip install 'councilx[train]'", 2)
    out = output or models_dir() or SHIPPED
    argv = ["-o", str(out)] + [a for d in with_ for a in ("--with", str(d))]
    argv += ["--shared", str(shared)] if shared else []
    code = learn.main(argv)
    if code:
        raise typer.Exit(code)


@command()
def schema() -> None:
    """Print the JSON Schema of the output."""
    from models.report import report_json_schema

    sys.stdout.write(json.dumps(report_json_schema(), indent=2) + "\n")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
