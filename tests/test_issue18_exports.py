"""Issue 18, exports for dashboards: item keys, typed date ranges, NULL savings, one boolean form,
documented separators, no reserved SQL words as column names. Through the CLI's export command."""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import councilx
from pipelines.export import MULTI_VALUE, TABLES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

WITH_SAVINGS = """Report to: Cabinet
Date: 14 March 2024

The shared revenues service between Wychavon District Council and Malvern Hills District Council (MHDC)
saved £400,000 in 2022/23. A review is due in June 2024, and the contract runs from 1 April 2024.
"""
NO_SAVINGS = """Report to: Joint Committee
Date: 2 October 2023

Mid Suffolk District Council and Babergh District Council will review the shared planning service in 2025.
"""
# SQLite's keywords (https://www.sqlite.org/lang_keywords.html): none may name a column.
SQLITE_KEYWORDS = set(
    """ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC ATTACH AUTOINCREMENT BEFORE BEGIN BETWEEN BY
    CASCADE CASE CAST CHECK COLLATE COLUMN COMMIT CONFLICT CONSTRAINT CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME
    CURRENT_TIMESTAMP DATABASE DEFAULT DEFERRABLE DEFERRED DELETE DESC DETACH DISTINCT DO DROP EACH ELSE END ESCAPE
    EXCEPT EXCLUDE EXCLUSIVE EXISTS EXPLAIN FAIL FILTER FIRST FOLLOWING FOR FOREIGN FROM FULL GENERATED GLOB GROUP
    GROUPS HAVING IF IGNORE IMMEDIATE IN INDEX INDEXED INITIALLY INNER INSERT INSTEAD INTERSECT INTO IS ISNULL JOIN
    KEY LAST LEFT LIKE LIMIT MATCH MATERIALIZED NATURAL NO NOT NOTHING NOTNULL NULL NULLS OF OFFSET ON OR ORDER
    OTHERS OUTER OVER PARTITION PLAN PRAGMA PRECEDING PRIMARY QUERY RAISE RANGE RECURSIVE REFERENCES REGEXP REINDEX
    RELEASE RENAME REPLACE RESTRICT RETURNING RIGHT ROLLBACK ROW ROWS SAVEPOINT SELECT SET TABLE TEMP TEMPORARY THEN
    TIES TO TRANSACTION TRIGGER UNBOUNDED UNION UNIQUE UPDATE USING VACUUM VALUES VIEW VIRTUAL WHEN WHERE WINDOW
    WITH WITHOUT""".split()
)


@pytest.fixture(scope="module")
def outdir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("dash")
    (root / "in").mkdir()
    (root / "in" / "with.txt").write_text(WITH_SAVINGS, encoding="utf-8")
    (root / "in" / "without.txt").write_text(NO_SAVINGS, encoding="utf-8")
    councilx.run_batch(root / "in", root / "out", councilx.Settings(use_model=False))
    return root / "out"


def _export(outdir: Path, fmt: str, dest: Path) -> None:
    res = subprocess.run(
        [sys.executable, "cli.py", "export", str(outdir), "--format", fmt, "-o", str(dest)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stderr


@pytest.fixture(scope="module")
def db(outdir: Path, tmp_path_factory) -> sqlite3.Connection:
    path = tmp_path_factory.mktemp("db") / "reports.db"
    _export(outdir, "sqlite", path)
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    return con


def test_item_rows_have_a_stable_primary_key(outdir: Path, db: sqlite3.Connection, tmp_path: Path):
    for table in TABLES:
        if table == "reports":
            continue
        info = db.execute(f'PRAGMA table_info("{table}")').fetchall()
        assert [r["name"] for r in info if r["pk"]] == ["item_id"], table
    ids = [r["item_id"] for r in db.execute("SELECT item_id FROM organisations")]
    assert len(ids) == len(set(ids)) >= 4
    _export(outdir, "sqlite", tmp_path / "again.db")  # a second export gives the same keys
    again = sqlite3.connect(tmp_path / "again.db")
    assert [r for (r,) in again.execute("SELECT item_id FROM organisations")] == ids


def test_dates_have_typed_start_end_and_precision(db: sqlite3.Connection):
    info = {r["name"]: r["type"] for r in db.execute('PRAGMA table_info("dates")')}
    assert info["date_start"] == info["date_end"] == "DATE"
    got = {r["value"]: (r["precision"], r["date_start"], r["date_end"]) for r in db.execute("SELECT * FROM dates")}
    assert got["2024-03-14"] == ("day", "2024-03-14", "2024-03-14")
    assert got["2024-06"] == ("month", "2024-06-01", "2024-06-30")
    assert got["2022/23"] == ("financial_year", "2022-04-01", "2023-03-31")
    # a BI tool's date arithmetic works on them
    (days,) = db.execute(
        "SELECT julianday(date_end) - julianday(date_start) FROM dates WHERE value='2022/23'"
    ).fetchone()
    assert days == 364


def test_savings_totals_are_null_where_no_saving_is_stated(db: sqlite3.Connection):
    rows = {Path(r["path"]).name: r for r in db.execute("SELECT * FROM reports")}
    none = rows["without.txt"]
    assert [none[f"savings_{k}"] for k in ("achieved", "projected", "target", "unspecified")] == [None] * 4
    some = rows["with.txt"]
    assert sum(some[f"savings_{k}"] or 0 for k in ("achieved", "projected", "target", "unspecified")) == 400000


def test_booleans_are_the_same_in_csv_and_sqlite(outdir: Path, db: sqlite3.Connection, tmp_path: Path):
    _export(outdir, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "organisations.csv").open(encoding="utf-8") as fh:
        in_csv = {r["item_id"]: r["needs_review"] for r in csv.DictReader(fh)}
    in_sql = {
        r["item_id"]: str(r["needs_review"]) for r in db.execute("SELECT item_id, needs_review FROM organisations")
    }
    assert in_csv == in_sql and set(in_csv.values()) <= {"0", "1"}


def test_multi_value_columns_are_documented_with_their_separator():
    for col, sep in MULTI_VALUE.items():
        assert f"`{col}` joined with `{sep}`" in README
        assert any(col == c for cols in TABLES.values() for c, _ in cols)


def test_no_column_is_a_reserved_sql_word():
    bad = {(t, c) for t, cols in TABLES.items() for c, _ in cols if c.upper() in SQLITE_KEYWORDS}
    assert not bad
