"""Flat exports: every table, with the documented columns and types, in CSV, JSON Lines and Parquet."""

import csv
import json
import os
from pathlib import Path

import pytest

from pipelines import Settings, run_batch
from pipelines.export import TABLES, export

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
TEXT = (
    "Report to: Cabinet\n\nDate: 14 March 2024\n\nThe partnership between Adur District Council and Worthing "
    "Borough Council has saved £110,000.\n\nRECOMMENDATIONS:\n\na) note the savings; and\n\nb) approve the plan.\n"
)


@pytest.fixture(scope="module")
def outdir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("exp")
    (root / "r.txt").write_text(TEXT, encoding="utf-8")
    run_batch(root / "r.txt", root / "out", Settings(use_model=False))
    return root / "out"


def test_csv_tables_have_the_documented_columns(outdir, tmp_path):
    written = {t: (p, n) for t, p, n in export(outdir, "csv", tmp_path)}
    assert set(written) == set(TABLES)
    for table, (path, n) in written.items():
        with path.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert list(rows[0].keys()) if rows else True
        assert len(rows) == n
        with path.open(encoding="utf-8") as fh:
            assert next(csv.reader(fh)) == [c for c, _ in TABLES[table]]
    assert written["savings"][1] >= 1 and written["reports"][1] == 1


def test_jsonl_values_have_the_documented_types(outdir, tmp_path):
    py = {"string": str, "int64": int, "float64": float, "bool": bool, "date": str}  # dates ISO text
    for table, path, _ in export(outdir, "jsonl", tmp_path):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert list(row) == [c for c, _ in TABLES[table]]
            for col, typ in TABLES[table]:
                assert row[col] is None or isinstance(row[col], py[typ]), (table, col, row[col])


def test_parquet_schema_matches(outdir, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    names = {"string": "string", "int64": "int64", "float64": "double", "bool": "bool", "date": "date32[day]"}
    for table, path, _ in export(outdir, "parquet", tmp_path):
        schema = pq.read_schema(path)
        assert [(f.name, str(f.type)) for f in schema] == [(c, names[t]) for c, t in TABLES[table]]


def test_report_id_keys_every_table(outdir, tmp_path):
    ids = set()
    for table, path, _ in export(outdir, "jsonl", tmp_path):
        ids |= {json.loads(x)["report_id"] for x in path.read_text(encoding="utf-8").splitlines()}
    assert len(ids) == 1


def test_every_table_and_column_is_documented_in_the_readme():
    for table, cols in TABLES.items():
        assert f"`{table}`" in README
        for col, typ in cols:
            assert f"`{col}`" in README, (table, col)


# --- SQLite ---------------------------------------------------------------------------------------------------

SECOND = (
    "Report to: Joint Committee\n\nDate: 2 October 2023\n\nThe shared service between Mid Suffolk District "
    "Council and Babergh District Council will save £250,000 per year from April 2024.\n\n"
    "RECOMMENDATIONS:\n\n(1) agree the business case.\n"
)


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("sq")
    (root / "in").mkdir()
    (root / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "in" / "b.txt").write_text(SECOND, encoding="utf-8")
    run_batch(root / "in", root / "out", Settings(use_model=False))
    return root / "out"


def _jsonl_tables(outdir: Path, dest: Path) -> dict[str, list[dict]]:
    return {
        t: [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines()]
        for t, p, _ in export(outdir, "jsonl", dest)
    }


def test_sqlite_rows_and_a_join_match_the_json(two_reports, tmp_path):
    import sqlite3

    db = tmp_path / "reports.db"
    written = {t: (p, n) for t, p, n in export(two_reports, "sqlite", db)}
    assert set(written) == set(TABLES) and {p for p, _ in written.values()} == {db}
    flat = _jsonl_tables(two_reports, tmp_path / "jsonl")
    con = sqlite3.connect(db)
    for table in TABLES:
        assert con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == len(flat[table]) == written[table][1]
    # every row as the JSON Lines export has it (booleans read back as 0/1)
    for table, cols in TABLES.items():
        names = ", ".join(f'"{c}"' for c, _ in cols)
        got = [dict(zip([c for c, _ in cols], r)) for r in con.execute(f'SELECT {names} FROM "{table}" ORDER BY rowid')]
        assert got == [{k: (int(v) if isinstance(v, bool) else v) for k, v in row.items()} for row in flat[table]]
    # a join: savings per report, as in the JSON
    joined = dict(
        con.execute(
            "SELECT r.path, count(s.report_id) FROM reports r "
            "LEFT JOIN savings s ON s.report_id = r.report_id GROUP BY r.report_id"
        )
    )
    expected = {r["path"]: sum(s["report_id"] == r["report_id"] for s in flat["savings"]) for r in flat["reports"]}
    assert joined == expected and sum(joined.values()) >= 2


def test_sqlite_keys_indexes_and_types(two_reports, tmp_path):
    import sqlite3

    db = tmp_path / "x.db"
    list(export(two_reports, "sqlite", db))
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    declared = {"string": "TEXT", "int64": "INTEGER", "float64": "REAL", "bool": "INTEGER", "date": "DATE"}
    storage = {"string": "text", "int64": "integer", "float64": "real", "bool": "integer", "date": "text"}
    for table, cols in TABLES.items():
        info = con.execute(f'PRAGMA table_info("{table}")').fetchall()
        assert [(r[1], r[2]) for r in info] == [(c, declared[t]) for c, t in cols]
        for col, typ in cols:
            kinds = {k for (k,) in con.execute(f'SELECT DISTINCT typeof("{col}") FROM "{table}"')}
            assert kinds <= {storage[typ], "null"}, (table, col, kinds)
        if table == "reports":
            assert [r[1] for r in info if r[5]] == ["report_id"]  # the primary key
            continue
        assert [r[1] for r in info if r[5]] == ["item_id"]  # each item row's own key
        fks = con.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()
        assert [(r[2], r[3], r[4]) for r in fks] == [("reports", "report_id", "report_id")]
        indexed = {
            con.execute(f'PRAGMA index_info("{r[1]}")').fetchone()[2]
            for r in con.execute(f'PRAGMA index_list("{table}")')
        }
        assert "report_id" in indexed
    assert {v for (v,) in con.execute("SELECT needs_review FROM partners")} <= {0, 1}
    dates = [v for (v,) in con.execute("SELECT report_date FROM reports")]
    assert sorted(dates) == ["2023-10-02", "2024-03-14"]


def test_sqlite_rewrites_its_own_export_but_not_other_files(two_reports, tmp_path):
    from models.errors import CouncilxError

    db = tmp_path / "reports.db"
    list(export(two_reports, "sqlite", db))
    list(export(two_reports, "sqlite", db))  # its own earlier export: replaced
    precious = tmp_path / "precious.db"
    precious.write_text("not a database", encoding="utf-8")
    with pytest.raises(CouncilxError, match="not a councilx export"):
        list(export(two_reports, "sqlite", precious))
    assert precious.read_text(encoding="utf-8") == "not a database"
    list(export(two_reports, "sqlite", precious, force=True))
    assert precious.read_bytes().startswith(b"SQLite format 3")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["precious.db", "reports.db"]  # no temporary files left
    mask = os.umask(0)
    os.umask(mask)
    assert db.stat().st_mode & 0o777 == 0o666 & ~mask  # an ordinary file, as for any other written file


def test_sqlite_export_from_the_cli(two_reports, tmp_path):
    import sqlite3
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    db = tmp_path / "reports.db"
    done = subprocess.run(
        [sys.executable, "cli.py", "export", str(two_reports), "--format", "sqlite", "-o", str(db)],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert sqlite3.connect(db).execute("SELECT count(*) FROM reports").fetchone()[0] == 2
    other = tmp_path / "notes.db"
    other.write_text("mine", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "cli.py", "export", str(two_reports), "-f", "sqlite", "-o", str(other)],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1 and done.stderr.strip().count("\n") == 0 and "--force" in done.stderr


def test_the_same_file_twice_is_one_report(tmp_path):
    import sqlite3

    for sub in ("2024", "copies"):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "cabinet.txt").write_text(TEXT, encoding="utf-8")
    run_batch(tmp_path / "in", tmp_path / "out", Settings(use_model=False))
    assert len(list((tmp_path / "out").glob("*.json"))) == 2
    counts = {t: n for t, _, n in export(tmp_path / "out", "sqlite", tmp_path / "r.db")}
    assert counts["reports"] == 1
    con = sqlite3.connect(tmp_path / "r.db")
    assert con.execute("SELECT count(*) FROM savings").fetchone()[0] == counts["savings"] >= 1


def test_sqlite_into_a_folder_writes_councilx_db(two_reports, tmp_path):
    written = {p for _, p, _ in export(two_reports, "sqlite", tmp_path)}
    assert written == {tmp_path / "councilx.db"}
    written = {p for _, p, _ in export(two_reports, "sqlite", tmp_path / "tables")}  # a name without a suffix
    assert written == {tmp_path / "tables" / "councilx.db"}


def test_report_savings_are_totalled_per_kind_without_undelivered_sums(tmp_path):
    from tests.test_overview import COUNCIL_BUDGET

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "budget.txt").write_text(COUNCIL_BUDGET, encoding="utf-8")
    run_batch(tmp_path / "in", tmp_path / "out", Settings(use_model=False))
    written = {t: p for t, p, _ in export(tmp_path / "out", "jsonl", tmp_path / "tables")}
    (report,) = [json.loads(line) for line in written["reports"].read_text(encoding="utf-8").splitlines()]
    savings = [json.loads(line) for line in written["savings"].read_text(encoding="utf-8").splitlines()]
    assert 3e6 in {s["amount"] for s in savings} and 8e6 in {s["amount"] for s in savings}
    added = [report[f"savings_{k}"] for k in ("achieved", "projected", "target", "unspecified")]
    # never the £3m not delivered or £8m still required
    assert sum(a for a in added if a is not None) == pytest.approx(12.5e6 + 1.5e6 + 20e6)
