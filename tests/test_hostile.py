"""Broken and hostile input through the real CLI: clear one-line errors, a manifest row each, nothing lost."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extract.ocr import tesseract_available
from tests import bad_inputs
from tests.extract.makers import make_image_pdf

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd or ROOT,
        timeout=600,
    )


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    inputs = root / "in"
    expected = bad_inputs.build(inputs)
    if not tesseract_available():  # `make test` on a machine without Tesseract: the scan is refused, plainly
        expected["scanned.pdf"] = "ocr is unavailable"
    extra = {
        "nul-padded.txt": (bad_inputs.GOOD_TEXT.encode() + b"\x00" * 1000, "ok"),
        "photo.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "png image"),
    }
    for rel, (data, expect) in extra.items():
        (inputs / rel).write_bytes(data)
        expected[rel] = expect
    out = root / "out"
    before = set(root.rglob("*"))
    res = cli(
        "batch", str(inputs), "-o", str(out), "--no-model", "--max-pages", "20", "--max-mb", "1", "--workers", "2"
    )
    rows = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    return {
        "res": res,
        "rows": {str(Path(r["path"]).relative_to(inputs)): r for r in rows},
        "expected": expected,
        "out": out,
        "root": root,
        "before": before,
    }


def test_batch_goes_on_and_exits_1(batch):
    assert batch["res"].returncode == 1, batch["res"].stderr
    assert set(batch["rows"]) == set(batch["expected"]), "every input has exactly one manifest row"


def test_no_traceback_reaches_the_user(batch):
    assert "Traceback" not in batch["res"].stderr and "Traceback" not in batch["res"].stdout


def test_each_file_gets_the_right_status_and_a_one_line_reason(batch):
    for rel, expect in batch["expected"].items():
        row = batch["rows"][rel]
        if expect == "ok":
            assert row["status"] == "ok", (rel, row["error"])
            assert Path(row["output"]).exists()
        else:
            assert row["status"] == "failed", rel
            assert expect in row["error"].lower(), (rel, row["error"])
            assert "\n" not in row["error"]


def test_failed_files_are_named_on_stderr(batch):
    for rel, expect in batch["expected"].items():
        if expect != "ok":
            assert any(Path(rel).name in line and "failed" in line for line in batch["res"].stderr.splitlines()), rel


def test_nothing_leaks_and_nothing_is_written_outside_the_output_folder(batch):
    outputs = list(batch["out"].glob("*.json"))
    assert not any(p.name.endswith(".tmp") for p in batch["out"].iterdir())
    text = " ".join(p.read_text(encoding="utf-8") for p in outputs)
    assert "SCRIPT-TEXT" not in text and "root:x:0" not in text
    created = set(batch["root"].rglob("*")) - batch["before"]
    assert all(batch["out"] in p.parents or p == batch["out"] for p in created)


def test_same_names_in_different_folders_get_distinct_outputs(batch):
    a, b = batch["rows"]["sub1/report.txt"]["output"], batch["rows"]["sub2/report.txt"]["output"]
    assert a != b and Path(a).exists() and Path(b).exists()


def test_encrypted_pdf_opens_with_its_password(tmp_path):
    from tests.extract.makers import make_pdf

    f = tmp_path / "locked.pdf"
    f.write_bytes(make_pdf([["Shared services with Kent County Council."]], encrypt="pw"))
    res = cli("extract", str(f), "--no-model", "--password", "pw")
    assert res.returncode == 0, res.stderr
    assert "Kent County Council" in res.stdout
    wrong = cli("extract", str(f), "--no-model", "--password", "nope")
    assert wrong.returncode == 1 and "wrong" in wrong.stderr


def test_unwritable_output_folder_fails_before_any_work(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(bad_inputs.GOOD_TEXT, encoding="utf-8")
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    res = cli("batch", str(tmp_path / "in"), "-o", str(blocker / "out"), "--no-model")
    assert res.returncode == 2
    assert "cannot write" in res.stderr.lower() and len(res.stderr.strip().splitlines()) == 1


def test_debug_shows_the_traceback(tmp_path):
    f = tmp_path / "random.pdf"
    f.write_bytes(b"%PDF-1.4\n" + os.urandom(500))
    assert "Traceback" in cli("extract", str(f), "--no-model", "--debug").stderr


def test_a_scanned_pdf_is_read_by_ocr_when_tesseract_is_installed(tmp_path):
    if not tesseract_available():
        pytest.skip("tesseract is not installed (the test below covers its absence)")
    f = tmp_path / "scanned.pdf"
    f.write_bytes(make_image_pdf())
    res = cli("extract", str(f), "--no-model")
    assert res.returncode == 0, res.stderr
    assert "OCR" in " ".join(json.loads(res.stdout)["warnings"])


def test_a_scanned_pdf_without_tesseract_is_one_clear_error(tmp_path):
    """Tesseract taken off the PATH, as on a machine without it: exit 1 and one line, not a crash."""
    f = tmp_path / "scanned.pdf"
    f.write_bytes(make_image_pdf())
    bare = tmp_path / "bin"
    bare.mkdir()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "PATH": str(bare)}
    res = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "extract", str(f), "--no-model"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert res.returncode == 1
    lines = [x for x in res.stderr.splitlines() if x.strip() and not x.startswith("note: ")]
    assert len(lines) == 1 and "scanned.pdf" in lines[0] and "OCR is unavailable" in lines[0]
