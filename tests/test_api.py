"""The public Python API: ``import councilx``, from the repository and from a user's own folder."""

from __future__ import annotations

import json
import os
import shutil
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


def test_extract_report_on_a_sample():
    report = councilx.extract_report(SAMPLE, RULES)
    assert isinstance(report, councilx.Report)
    assert report.metadata.title == "Devon Highways Partnership Update"
    assert "Devon County Council" in {p.name for p in report.partners}
    assert report.pipeline.version == councilx.__version__
    data = json.loads(councilx.report_to_json(report))
    assert data["source"]["format"] == "markdown"


def test_extract_report_takes_a_string_path_too():
    assert councilx.extract_report(str(SAMPLE), RULES) == councilx.extract_report(SAMPLE, RULES)


def test_errors_are_the_public_classes(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(councilx.EmptyDocument) as info:
        councilx.extract_report(empty, RULES)
    assert isinstance(info.value, councilx.IngestError) and isinstance(info.value, councilx.CouncilxError)
    assert issubclass(councilx.EngineError, councilx.CouncilxError)
    assert issubclass(councilx.OutputError, councilx.CouncilxError)


def test_run_batch_accepts_string_paths(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src)
    (src / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    summary = councilx.run_batch(str(src), str(tmp_path / "out"), RULES, workers=0)
    assert isinstance(summary, councilx.BatchSummary)
    assert (summary.ok, summary.failed) == (1, 1)
    assert all(isinstance(e, councilx.ManifestEntry) for e in summary.entries)
    out = json.loads((tmp_path / "out" / f"{SAMPLE.stem}.json").read_text(encoding="utf-8"))
    assert out["metadata"]["title"] == "Devon Highways Partnership Update"


def test_everything_in_all_exists_and_the_version_is_the_projects():
    missing = [name for name in councilx.__all__ if not hasattr(councilx, name)]
    assert not missing
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert councilx.__version__ == project["version"]


def test_the_package_ships_the_api_under_an_spdx_license():
    """pyproject: councilx is installed with the internal packages, and the license is an SPDX string
    (the TOML table form makes setuptools print a deprecation warning on every install)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == "MIT"
    assert "setuptools>=77" in pyproject["build-system"]["requires"]
    assert "councilx" in pyproject["tool"]["setuptools"]["packages"]["find"]["include"]
    assert any(req.startswith("ruff") for req in pyproject["project"]["optional-dependencies"]["test"])


def test_in_the_repository_it_is_the_same_code_as_the_packages():
    from models.report import Report
    from pipelines import extract_report

    assert councilx.Report is Report and councilx.extract_report is extract_report


def test_in_the_repository_nothing_special_is_done():
    """The usual case: every internal package is ours, so workers preload nothing of ours."""
    from councilx._loader import contested
    from pipelines.engines import WORKER_PRELOAD

    assert contested() == [] and WORKER_PRELOAD == []


# A notebook folder with modules named like the library's internal packages.
USER_MODULES = {
    "models.py": 'WHO = "the user\'s models"\n',
    "extract.py": 'WHO = "the user\'s extract"\n',
    "pipelines.py": 'WHO = "the user\'s pipelines"\n',
}


def run_in_user_folder(folder: Path, code: str) -> dict:
    """Run ``python -c code`` in ``folder`` (first on sys.path, as in a notebook); return its last JSON line."""
    for name, text in USER_MODULES.items():
        (folder / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's councilx, after the folder itself
    res = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=folder, env=env, capture_output=True, text=True, timeout=300
    )
    assert res.returncode == 0, res.stderr[-3000:]
    return json.loads(res.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("user_first", [False, True], ids=["councilx-first", "user-modules-first"])
def test_works_from_a_folder_with_its_own_models_py(tmp_path: Path, user_first: bool):
    folder = tmp_path / "notebook"
    folder.mkdir()
    result = run_in_user_folder(
        folder,
        f"""
        import json
        {"import models, extract, pipelines" if user_first else ""}
        import councilx
        report = councilx.extract_report({str(SAMPLE)!r}, councilx.Settings(use_model=False))
        import models, extract, pipelines
        print(json.dumps({{"title": report.metadata.title, "version": councilx.__version__,
                          "user": [models.WHO, extract.WHO, pipelines.WHO]}}))
    """,
    )
    assert result == {
        "title": "Devon Highways Partnership Update",
        "version": councilx.__version__,
        "user": ["the user's models", "the user's extract", "the user's pipelines"],
    }


def test_run_batch_worker_processes_work_from_such_a_folder(tmp_path: Path):
    folder = tmp_path / "notebook"
    (folder / "in").mkdir(parents=True)
    shutil.copy(SAMPLE, folder / "in")
    (folder / "in" / "notes.txt").write_text(
        "Report to: Cabinet\n\nDate: 3 June 2024\n\nTitle: Shared Legal Service\n\n"
        "Recommendation: that Cabinet agrees the shared legal service with Mid Sussex District Council.\n",
        encoding="utf-8",
    )
    result = run_in_user_folder(
        folder,
        """
        import json
        import councilx
        summary = councilx.run_batch("in", "out", councilx.Settings(use_model=False), workers=2, timeout=120)
        import models
        print(json.dumps({"ok": summary.ok, "failed": summary.failed, "errors": [e.error for e in summary.entries],
                          "user": models.WHO}))
    """,
    )
    assert result == {"ok": 2, "failed": 0, "errors": [None, None], "user": "the user's models"}
    assert json.loads((folder / "out" / f"{SAMPLE.stem}.json").read_text(encoding="utf-8"))["metadata"]["title"]


def test_run_batch_on_a_local_dask_cluster_from_such_a_folder(tmp_path: Path):
    pytest.importorskip("dask.distributed")
    folder = tmp_path / "notebook"
    (folder / "in").mkdir(parents=True)
    shutil.copy(SAMPLE, folder / "in")
    result = run_in_user_folder(
        folder,
        """
        import json
        import councilx
        summary = councilx.run_batch("in", "out", councilx.Settings(use_model=False), workers=1, engine="dask")
        import models
        print(json.dumps({"ok": summary.ok, "errors": [e.error for e in summary.entries], "user": models.WHO}))
    """,
    )
    assert result == {"ok": 1, "errors": [None], "user": "the user's models"}


def test_a_bad_engine_option_is_an_engine_error(tmp_path: Path):
    with pytest.raises(councilx.EngineError, match="--scheduler needs --engine dask"):
        councilx.run_batch(tmp_path, tmp_path / "out", scheduler="tcp://127.0.0.1:1")
