"""Flat, typed tables for dashboards: CSV, JSON Lines, Parquet or one SQLite database, keyed by a stable report id.

``TABLES`` is the one definition of every table's columns and types; the README documents it
and the tests check the files against it.
"""

from __future__ import annotations

import calendar
import csv
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from models.errors import CouncilxError
from models.report import Report
from pipelines.corrections import correct_reports
from pipelines.output import cannot_write, foreign, source_gone, write_text_atomic
from pipelines.render.overview import load_reports
from pipelines.render.savings_totals import KINDS, tally_report

# The first evidence span; its offsets are span_start/span_end, as "end" is a reserved word in SQL.
EVIDENCE = [("page", "int64"), ("span_start", "int64"), ("span_end", "int64"), ("quote", "string")]
PROVENANCE = [("method", "string"), ("confidence", "float64"), ("needs_review", "bool")]
ITEM_KEY = [("item_id", "string"), ("report_id", "string")]
# Columns holding several values, joined into one string with this separator.
MULTI_VALUE = {"aliases": "|", "warnings": " | "}
ORG = [
    *ITEM_KEY,
    ("name", "string"),
    ("id", "string"),
    ("kind", "string"),
    ("aliases", "string"),
    *PROVENANCE,
    *EVIDENCE,
]
TABLES: dict[str, list[tuple[str, str]]] = {
    "reports": [
        ("report_id", "string"),
        ("path", "string"),
        ("format", "string"),
        ("pages", "int64"),
        ("title", "string"),
        ("committee", "string"),
        ("report_date", "string"),
        ("author", "string"),
        ("council", "string"),
        ("council_id", "string"),
        ("kind", "string"),
        ("purpose", "string"),
        ("reference", "string"),
        ("n_partners", "int64"),
        ("n_workstreams", "int64"),
        ("n_dates", "int64"),
        ("n_savings", "int64"),
        ("savings_achieved", "float64"),
        ("savings_projected", "float64"),
        ("savings_target", "float64"),
        ("savings_unspecified", "float64"),
        ("n_recommendations", "int64"),
        ("warnings", "string"),
        ("pipeline_version", "string"),
        ("model", "string"),
        ("input_missing", "bool"),
    ],
    "partners": ORG,
    "organisations": ORG,
    "workstreams": [
        *ITEM_KEY,
        ("name", "string"),
        ("lead", "string"),
        ("description", "string"),
        *PROVENANCE,
        *EVIDENCE,
    ],
    "dates": [
        *ITEM_KEY,
        ("value", "string"),
        ("precision", "string"),
        ("date_start", "date"),
        ("date_end", "date"),
        ("text", "string"),
        ("context", "string"),
        *PROVENANCE,
        *EVIDENCE,
    ],
    "savings": [
        *ITEM_KEY,
        ("amount", "float64"),
        ("currency", "string"),
        ("period", "string"),
        ("kind", "string"),
        ("text", "string"),
        *PROVENANCE,
        *EVIDENCE,
    ],
    "recommendations": [*ITEM_KEY, ("label", "string"), ("text", "string"), *PROVENANCE, *EVIDENCE],
}
FORMATS = ("csv", "jsonl", "parquet", "sqlite")


def report_id(report: Report) -> str:
    """A stable id: the first 16 hex digits of the input's SHA-256."""
    return report.source.sha256[:16]


def item_id(rid: str, position: int) -> str:
    """A stable id for an item row: its report and its position in the report's list (from 1)."""
    return f"{rid}-{position:04d}"


def _item_row(rid: str, position: int, item: Any) -> dict[str, Any]:
    ev = item.evidence[0]
    row = {
        "item_id": item_id(rid, position),
        "report_id": rid,
        **item.model_dump(exclude={"evidence"}),
        "page": ev.page,
        "span_start": ev.start,
        "span_end": ev.end,
        "quote": ev.quote,
    }
    if "aliases" in row:
        row["aliases"] = MULTI_VALUE["aliases"].join(row["aliases"])
    if "precision" in row:
        row["date_start"], row["date_end"] = date_range(row["value"], row["precision"])
    return row


def date_range(value: str, precision: str) -> tuple[date | None, date | None]:
    """The first and last day a date value covers: a day itself, a month's or a year's first and last
    day, a UK financial year's 1 April to 31 March ("2012/13" -> 2012-04-01, 2013-03-31)."""
    try:
        year = int(value[:4])
        if precision == "day":
            d = date.fromisoformat(value)
            return d, d
        if precision == "month":
            month = int(value[5:7])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if precision == "year":
            return date(year, 1, 1), date(year, 12, 31)
        if precision == "financial_year":
            return date(year, 4, 1), date(year + 1, 3, 31)
    except ValueError:
        pass
    return None, None


def rows(reports: list[Report]) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows for a list of reports.

    ``report_id`` is a key: a second report with the same input bytes (the same file under two paths)
    gives the same rows again, so only the first is kept.
    """
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    seen: set[str] = set()
    for r in reports:
        t = tally_report(r)
        rid, m, totals, counts = report_id(r), r.metadata, t.totals, t.counts
        if rid in seen:
            continue
        seen.add(rid)
        out["reports"].append(
            {
                "report_id": rid,
                "path": r.source.path,
                "format": r.source.format,
                "pages": r.source.pages,
                "title": m.title,
                "committee": m.committee,
                "report_date": m.report_date,
                "author": m.author,
                "council": m.council,
                "council_id": m.council_id,
                "kind": m.kind,
                "purpose": m.purpose,
                "reference": m.reference,
                "n_partners": len(r.partners),
                "n_workstreams": len(r.workstreams),
                "n_dates": len(r.dates),
                "n_savings": len(r.savings),
                **{f"savings_{k}": totals[k] if counts[k] else None for k in KINDS},
                "n_recommendations": len(r.recommendations),
                "warnings": MULTI_VALUE["warnings"].join(r.warnings),
                "pipeline_version": r.pipeline.version if r.pipeline else None,
                "model": r.pipeline.model if r.pipeline else None,
                "input_missing": source_gone(r.source.path),
            }
        )
        for table in ("partners", "organisations", "workstreams", "dates", "savings", "recommendations"):
            out[table] += [_item_row(rid, n, item) for n, item in enumerate(getattr(r, table), 1)]
    return {t: [{c: row.get(c) for c, _ in TABLES[t]} for row in rs] for t, rs in out.items()}


def _csv(path: Path, table: str, data: list[dict[str, Any]]) -> None:
    cols = [c for c, _ in TABLES[table]]
    lines: list[str] = []

    class _Sink:
        def write(self, s: str) -> None:
            lines.append(s)

    w = csv.DictWriter(_Sink(), fieldnames=cols, lineterminator="\n")
    w.writeheader()
    for row in data:
        w.writerow({k: _csv_value(v) for k, v in row.items()})
    write_text_atomic(path, "".join(lines))


def _csv_value(v: Any) -> Any:
    """A cell: empty for null, booleans 1/0 as in SQLite, dates ISO."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, date):
        return v.isoformat()
    return v


def _jsonl(path: Path, data: list[dict[str, Any]]) -> None:
    write_text_atomic(path, "".join(json.dumps(r, ensure_ascii=False, default=date.isoformat) + "\n" for r in data))


def _parquet(path: Path, table: str, data: list[dict[str, Any]]) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise CouncilxError("Parquet export needs pyarrow: pip install 'councilx[parquet]'") from None
    types = {
        "string": pa.string(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
    }
    schema = pa.schema([(c, types[t]) for c, t in TABLES[table]])
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        pq.write_table(pa.Table.from_pylist(data, schema=schema), tmp)
        tmp.replace(path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise cannot_write(path, e) from None


def is_own_table(path: Path, fmt: str) -> bool:
    """True when ``path`` may be replaced by a table export: it does not exist, is empty, or is a table this
    tool wrote, known by its ``report_id`` column (the CSV header, the first JSON line, the Parquet schema)."""
    try:
        if not path.exists() or path.stat().st_size == 0:
            return True
        if fmt == "parquet":
            import pyarrow.parquet as pq

            return "report_id" in pq.read_schema(path).names
        with path.open(encoding="utf-8", errors="replace") as fh:
            first = fh.readline()
        if fmt == "csv":
            return "report_id" in next(csv.reader([first]), [])
        row = json.loads(first)
        return isinstance(row, dict) and "report_id" in row
    except Exception:  # noqa: BLE001 - anything unreadable is not ours to replace
        return False


def export(
    outdir: Path,
    fmt: str,
    dest: Path,
    force: bool = False,
    corrections: Path | None = None,
    on_problem: Callable[[str], None] | None = None,
) -> Iterator[tuple[str, Path, int]]:
    """Write every table of a batch folder to ``dest``; yields (table, path, rows).

    With ``corrections`` (a corrections folder), each report's correction file is applied first; a bad
    one is passed to ``on_problem`` as one line and its report is exported as extracted.

    ``dest`` is a folder for csv, jsonl and parquet (one file per table) and the database file for
    sqlite (``dest/councilx.db`` when ``dest`` is a folder or has no suffix); ``force`` lets sqlite replace a file
    that is not a councilx export, and csv, jsonl and parquet a file of a table's name that is not one.

    Raises:
        OutputError: a file would be replaced that this tool did not write (unless ``force``), or cannot be
            written.
    """
    if fmt not in FORMATS:
        raise CouncilxError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    pairs, problems = correct_reports(load_reports(outdir), corrections)
    for line in problems:
        if on_problem:
            on_problem(line)
    reports = [r for _, r in pairs]
    if not reports:
        raise CouncilxError(f"{outdir} holds no report JSON files")
    if fmt == "sqlite":
        from pipelines.export_sqlite import write_sqlite

        db = dest / "councilx.db" if dest.is_dir() or not dest.suffix else dest
        tables = rows(reports)
        write_sqlite(db, TABLES, tables, force=force)
        for table, data in tables.items():
            yield table, db, len(data)
        return
    for table in TABLES if not force else ():
        if not is_own_table(dest / f"{table}.{fmt}", fmt):
            raise foreign(dest / f"{table}.{fmt}")
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise cannot_write(dest / f"reports.{fmt}", e) from None
    for table, data in rows(reports).items():
        path = dest / f"{table}.{fmt}"
        if fmt == "csv":
            _csv(path, table, data)
        elif fmt == "jsonl":
            _jsonl(path, data)
        else:
            _parquet(path, table, data)
        yield table, path, len(data)
