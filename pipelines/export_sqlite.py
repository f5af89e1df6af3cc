"""The flat tables as one SQLite database (standard library only), ready for Datasette or a BI tool.

Same tables, columns and types as the other export formats (``pipelines.export.TABLES``): strings are
TEXT (dates as ISO text), int64 INTEGER, float64 REAL, booleans INTEGER 0/1, dates DATE (ISO text).
``reports.report_id`` is the primary key, and each item table's ``item_id``; every other table's ``report_id`` references it and is indexed. The file is built
under a temporary name and renamed into place, and carries an ``application_id`` so that a later
export knows it may replace it.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from models.errors import CouncilxError
from pipelines.output import cannot_write

APPLICATION_ID = 0x43584442  # "CXDB": marks a database written by councilx
USER_VERSION = 2  # layout of this export; bump when TABLES changes incompatibly
SQL_TYPES = {"string": "TEXT", "int64": "INTEGER", "float64": "REAL", "bool": "INTEGER", "date": "DATE"}


def _q(name: str) -> str:
    """A quoted SQL identifier (columns such as ``end`` are keywords)."""
    return '"' + name.replace('"', '""') + '"'


def create_statements(tables: dict[str, list[tuple[str, str]]]) -> list[str]:
    """CREATE TABLE and CREATE INDEX statements for the tables; ``reports`` is the parent table."""
    out = []
    for table, cols in tables.items():
        defs = []
        for col, typ in cols:
            d = f"{_q(col)} {SQL_TYPES[typ]}"
            if col == "item_id":
                d += " PRIMARY KEY"
            if col == "report_id":
                d += " PRIMARY KEY" if table == "reports" else " NOT NULL REFERENCES reports(report_id)"
            if typ == "bool":
                d += f" CHECK ({_q(col)} IN (0, 1))"
            defs.append(d)
        out.append(f"CREATE TABLE {_q(table)} ({', '.join(defs)})")
        if table != "reports":
            out.append(f"CREATE INDEX {_q(f'idx_{table}_report_id')} ON {_q(table)} (report_id)")
    return out


def is_councilx_export(path: Path) -> bool:
    """True when ``path`` is a SQLite database this module wrote."""
    try:
        with path.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                return False
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        finally:
            con.close()
    except (OSError, sqlite3.Error):
        return False


def write_sqlite(
    path: Path, schema: dict[str, list[tuple[str, str]]], data: dict[str, list[dict[str, Any]]], force: bool = False
) -> None:
    """Write every table of ``schema`` with its rows in ``data`` to the database ``path``, atomically."""
    if path.is_dir():
        raise CouncilxError(f"{path} is a folder; give the database file to write")
    if path.exists() and not force and not is_councilx_export(path):
        raise CouncilxError(f"{path} exists and is not a councilx export; use --force to replace it")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise cannot_write(path, e) from None
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_umask())  # readable as an ordinary file (mkstemp makes it private)
    try:
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA foreign_keys = ON")
            con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            con.execute(f"PRAGMA user_version = {USER_VERSION}")
            with con:
                for stmt in create_statements(schema):
                    con.execute(stmt)
                for table, cols in schema.items():
                    names = [c for c, _ in cols]
                    sql = (
                        f"INSERT INTO {_q(table)} ({', '.join(map(_q, names))}) "
                        f"VALUES ({', '.join('?' for _ in names)})"
                    )
                    con.executemany(sql, ([_value(row[c], t) for c, t in cols] for row in data[table]))
            problems = con.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise CouncilxError(f"{path}: {len(problems)} rows reference a missing report")
        finally:
            con.close()
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _value(v: Any, typ: str) -> Any:
    """A Python value as SQLite stores it for the column type (booleans 0/1, floats as REAL)."""
    if v is None:
        return None
    if typ == "bool":
        return int(bool(v))
    if typ == "float64":
        return float(v)
    if typ == "date":
        return v.isoformat()  # ISO text in a DATE column, as SQLite's date functions read it
    return v


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
