"""The Python API has the command line's safeguards and says what is wrong (issue 18)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

import councilx

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "raw" / "devon-highways-partnership-2020.md"
RULES = councilx.Settings(use_model=False)


def test_run_batch_on_a_missing_input_is_an_error_naming_it(tmp_path: Path):
    missing = tmp_path / "nonexistent"
    with pytest.raises(councilx.IngestError) as info:
        councilx.run_batch(missing, tmp_path / "out", RULES, workers=0)
    assert info.value.path == str(missing) and str(missing) in str(info.value)
    assert not (tmp_path / "out").exists()


def test_run_batch_refuses_an_output_inside_its_input(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "report.md").write_bytes(SAMPLE.read_bytes())
    with pytest.raises(councilx.OutputError, match="inside the input folder"):
        councilx.run_batch(raw, raw / "out", RULES, workers=0)
    with pytest.raises(councilx.OutputError, match="is the input folder"):
        councilx.run_batch(raw, raw, RULES, workers=0)
    assert sorted(p.name for p in raw.iterdir()) == ["report.md"]


def test_errors_carry_the_path_and_name_it(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(councilx.EmptyDocument) as info:
        councilx.extract_report(empty, RULES)
    assert info.value.path == str(empty)
    assert str(info.value).startswith(f"{empty}: ") and info.value.reason in str(info.value)
    with pytest.raises(councilx.IngestError) as info:
        councilx.extract_report(tmp_path / "missing.pdf", RULES)
    assert info.value.path == str(tmp_path / "missing.pdf") and "missing.pdf" in str(info.value)


TEXT = """Report to: Cabinet

Date: 4 June 2024

Title of report: Shared Libraries Partnership

1.1 The Cabinet is asked to note savings of £30,000 achieved by Kent County Council and Medway Council.
"""


def test_extract_report_takes_bytes_and_binary_files(tmp_path: Path):
    path = tmp_path / "libraries.txt"
    path.write_text(TEXT, encoding="utf-8")
    by_path = councilx.extract_report(path, RULES)
    from_bytes = councilx.extract_report(path.read_bytes(), RULES)
    with path.open("rb") as fh:
        from_file = councilx.extract_report(fh, RULES)
    from_buffer = councilx.extract_report(io.BytesIO(path.read_bytes()), RULES)
    assert by_path.savings and by_path.organisations
    for other in (from_bytes, from_file, from_buffer):
        assert other.model_dump(exclude={"source"}) == by_path.model_dump(exclude={"source"})
        assert other.source.sha256 == by_path.source.sha256 and other.source.format == "text"
    assert from_bytes.source.path == "<bytes>" and from_buffer.source.path == "<stream>"
    assert from_file.source.path == str(path)
    with pytest.raises(councilx.EmptyDocument) as info:
        councilx.extract_report(b"", RULES)
    assert info.value.path == "<bytes>"
    with path.open() as text_mode, pytest.raises(TypeError, match="binary mode"):
        councilx.extract_report(text_mode, RULES)


def test_a_script_without_the_main_guard_is_told_to_add_it(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "report.md").write_bytes(SAMPLE.read_bytes())
    script = tmp_path / "run.py"
    script.write_text(
        textwrap.dedent(
            """
            import councilx
            councilx.run_batch("in", "out", councilx.Settings(use_model=False), workers=1)
            """
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    res = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert res.returncode != 0
    last = res.stderr.strip().splitlines()[-1]
    assert "EngineError" in last and 'if __name__ == "__main__":' in last and "workers=0" in last, last


def test_type_information_is_shipped():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    package_data = data["tool"]["setuptools"]["package-data"]
    for package in ("councilx", "models", "extract", "pipelines"):
        assert "py.typed" in package_data.get(package, []), package
        assert (ROOT / package / "py.typed").is_file(), package
