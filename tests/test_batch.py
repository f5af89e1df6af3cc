"""run_batch(): serial and parallel runs agree, reruns skip, --force redoes, names never collide."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.manifest import ManifestEntry
from pipelines.batch import run_batch
from pipelines.output import (
    MANIFEST_NAME,
    append_manifest,
    output_names,
    read_manifest,
    remove_stale_temps,
    repair_manifest,
)
from pipelines.settings import Settings

RULES = Settings(use_model=False)

COUNCILS = (
    "Worcester City Council",
    "Wychavon District Council",
    "Malvern Hills District Council",
    "Herefordshire Council",
    "Shropshire Council",
    "Telford and Wrekin Council",
)
SERVICES = ("waste collection", "revenues and benefits", "building control", "internal audit", "legal services")
MONTHS = ("January", "March", "May", "July", "September", "November")


def report_text(i: int) -> str:
    """A short committee report in the usual shape, varied by ``i``."""
    a, b = COUNCILS[i % len(COUNCILS)], COUNCILS[(i + 1) % len(COUNCILS)]
    service, month = SERVICES[i % len(SERVICES)], MONTHS[i % len(MONTHS)]
    return (
        f"Report to: Joint {service.title()} Committee\n\nDate: {1 + i % 27} {month} 2024\n\n"
        f"Title of report: Shared {service.title()} Review {i}\n\nRECOMMENDATIONS:\n\n"
        "The Committee is recommended to:\n\n"
        f"a) note the savings of £{(i + 2) * 15},000 achieved in 2023/24; and\n\n"
        f"b) agree the review of the partnership in {month} 2025.\n\n"
        f"1. Background\n\n1.1 {a} and {b} have run a shared {service} service since 1 April 2019.\n\n"
        f"1.2 The partnership saves £{(i + 1) * 10},000 a year.\n"
    )


def write_reports(folder: Path, n: int) -> list[Path]:
    """``n`` text and Markdown reports under ``folder`` (some in subfolders)."""
    paths = []
    for i in range(n):
        sub = folder / (f"area{i % 3}" if i % 2 else "")
        sub.mkdir(parents=True, exist_ok=True)
        p = sub / (f"report-{i:03d}.md" if i % 4 == 0 else f"report-{i:03d}.txt")
        p.write_text(report_text(i), encoding="utf-8")
        paths.append(p)
    return paths


def outputs(outdir: Path) -> dict[str, str]:
    """Every JSON output's text by file name (the manifest excluded)."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(outdir.glob("*.json"))}


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    write_reports(tmp_path / "in", 8)
    return tmp_path / "in"


def test_serial_and_parallel_runs_write_identical_outputs(inputs: Path, tmp_path: Path):
    runs = {w: tmp_path / f"out{w}" for w in (0, 1, 2)}
    for w, out in runs.items():
        summary = run_batch(inputs, out, RULES, workers=w)
        assert (summary.ok, summary.failed) == (8, 0)
    assert len(outputs(runs[0])) == 8
    assert outputs(runs[0]) == outputs(runs[1]) == outputs(runs[2])


def test_rerun_skips_unchanged_and_redoes_changed(inputs: Path, tmp_path: Path):
    out = tmp_path / "out"
    run_batch(inputs, out, RULES, workers=0)
    changed = inputs / "report-000.md"
    changed.write_text(report_text(99), encoding="utf-8")
    summary = run_batch(inputs, out, RULES, workers=0)
    assert (summary.ok, summary.skipped) == (1, 7)
    assert [Path(e.path).name for e in summary.entries if e.status == "ok"] == ["report-000.md"]


def test_force_redoes_everything(inputs: Path, tmp_path: Path):
    out = tmp_path / "out"
    run_batch(inputs, out, RULES, workers=0)
    summary = run_batch(inputs, out, RULES, workers=0, force=True)
    assert (summary.ok, summary.skipped) == (8, 0)


def test_manifest_has_one_row_per_file_per_run(inputs: Path, tmp_path: Path):
    out = tmp_path / "out"
    (inputs / "empty.txt").write_bytes(b"")
    run_batch(inputs, out, RULES, workers=2)
    run_batch(inputs, out, RULES, workers=2)
    rows = read_manifest(out)
    assert len(rows) == 18
    first, second = rows[:9], rows[9:]
    assert {r.status for r in first} == {"ok", "failed"}
    assert {r.status for r in second} == {"skipped", "failed"}
    for r in first:
        assert r.sha256 and r.pipeline_version
        if r.status == "ok":
            assert Path(r.output).exists() and r.pages == 1 and r.error is None
        else:
            assert Path(r.path).name == "empty.txt" and r.error and r.output is None


def test_same_names_in_different_folders_get_distinct_predictable_outputs(tmp_path: Path):
    for sub in ("north", "south"):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "report.txt").write_text(report_text(len(sub)), encoding="utf-8")
    out = tmp_path / "out"
    summary = run_batch(tmp_path / "in", out, RULES, workers=0)
    names = sorted(Path(e.output).name for e in summary.entries)
    assert len(set(names)) == 2 and all(n.startswith("report--") for n in names)
    assert sorted(outputs(out)) == names
    again = run_batch(tmp_path / "in", out, RULES, workers=0)  # same names next time
    assert sorted(Path(e.output).name for e in again.entries) == names


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (["a/report.pdf", "b/report.pdf"], None),
        (["a/report.pdf", "b/other.pdf"], ["report.json", "other.json"]),
        (["a/Report.PDF", "b/report.txt"], None),
        (["a/minutes 2024.txt"], ["minutes_2024.json"]),
    ],
    ids=["same-name", "distinct", "case-and-extension", "spaces"],
)
def test_output_names(files: list[str], expected: list[str] | None, tmp_path: Path):
    paths = [tmp_path / f for f in files]
    names = output_names(paths, tmp_path)
    assert len(set(names.values())) == len(paths)
    if expected:
        assert [names[p] for p in paths] == expected
    else:
        assert all("--" in n for n in names.values())
    assert output_names(list(reversed(paths)), tmp_path) == names


def test_stale_temp_files_are_removed_and_outputs_kept(tmp_path: Path):
    (tmp_path / ".report.json.abc123.tmp").write_text("{half", encoding="utf-8")
    (tmp_path / ".write-test.xyz").write_text("", encoding="utf-8")
    (tmp_path / "report.json").write_text("{}", encoding="utf-8")
    assert remove_stale_temps(tmp_path) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_torn_manifest_line_is_cut_before_appending(tmp_path: Path):
    row = ManifestEntry(path="a.txt", status="ok")
    append_manifest(tmp_path, row)
    with (tmp_path / MANIFEST_NAME).open("a", encoding="utf-8") as fh:
        fh.write('{"path": "b.txt", "sta')  # killed mid-write
    repair_manifest(tmp_path)
    append_manifest(tmp_path, ManifestEntry(path="c.txt", status="skipped"))
    lines = (tmp_path / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["path"] for x in lines] == ["a.txt", "c.txt"]


def test_single_file_input(inputs: Path, tmp_path: Path):
    summary = run_batch(inputs / "report-000.md", tmp_path / "out", RULES, workers=1)
    assert summary.ok == 1 and (tmp_path / "out" / "report-000.json").exists()


def test_costliest_files_are_started_first(tmp_path: Path):
    from pipelines.batch import costliest_first
    from tests.extract.makers import make_image_pdf, make_pdf

    (tmp_path / "long.pdf").write_bytes(make_pdf([["Text."]] * 12))
    (tmp_path / "short.pdf").write_bytes(make_pdf([["Text."]] * 2))
    (tmp_path / "scanned.pdf").write_bytes(make_image_pdf())  # one page, but OCR makes it the slowest
    (tmp_path / "notes.txt").write_bytes(b"x" * 300)
    paths = sorted(tmp_path.iterdir())
    assert [p.name for p in costliest_first(paths)] == ["scanned.pdf", "long.pdf", "short.pdf", "notes.txt"]
