"""Flat exports: every table, with the documented columns and types, in CSV, JSON Lines and Parquet."""
import csv
import json
from pathlib import Path

import pytest

from pipelines import Settings, run_batch
from pipelines.export import TABLES, export

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
TEXT = ("Report to: Cabinet\n\nDate: 14 March 2024\n\nThe partnership between Adur District Council and Worthing "
        "Borough Council has saved £110,000.\n\nRECOMMENDATIONS:\n\na) note the savings; and\n\nb) approve the plan.\n")


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
    py = {"string": str, "int64": int, "float64": float, "bool": bool}
    for table, path, _ in export(outdir, "jsonl", tmp_path):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert list(row) == [c for c, _ in TABLES[table]]
            for col, typ in TABLES[table]:
                assert row[col] is None or isinstance(row[col], py[typ]), (table, col, row[col])


def test_parquet_schema_matches(outdir, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    names = {"string": "string", "int64": "int64", "float64": "double", "bool": "bool"}
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
