"""The committed JSON Schema matches the models; `cli.py schema` prints it."""

import json
import os
import subprocess
import sys
from pathlib import Path

from models.report import report_json_schema

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "models" / "report.schema.json"


def test_committed_schema_is_current():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == report_json_schema(), (
        "models/report.schema.json is stale: run `python cli.py schema > models/report.schema.json`"
    )


def test_cli_schema_prints_the_schema():
    out = subprocess.run(
        [sys.executable, "cli.py", "schema"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=True,
    )
    schema = json.loads(out.stdout)
    assert schema["title"] == "Report"
    for field in ("partners", "organisations", "workstreams", "dates", "savings", "recommendations", "metadata"):
        assert field in schema["properties"]
