"""Never lose data, and say what happened: outputs never replace inputs, outputs get the user's file mode,
empty or wrong inputs are named plainly, and the CLI's flags do what --help says."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cli
from pipelines import Settings, run_batch
from pipelines.export import export
from pipelines.output import MANIFEST_NAME
from pipelines.review import review_page

ROOT = Path(__file__).resolve().parents[1]
RULES = Settings(use_model=False)

REPORT = """Report to: Cabinet

Date: 9 July 2024

Title of report: Shared Legal Service

RECOMMENDATIONS:

a) agree the shared legal service between Mendip District Council and Taunton Town Council; and

b) note that the service is projected to save £85,000 a year from April 2025.
"""
PAGE = (
    "<html><head><title>Shared Legal Service</title></head><body><main><h1>Shared Legal Service</h1>"
    "<p>Report to: Cabinet. Date: 9 July 2024.</p><p>Mendip District Council and Taunton Town Council "
    "will share a legal service, projected to save £85,000 a year.</p></main></body></html>"
)


def invoke(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli.app, list(args), input=input)


def one_error_line(stderr: str) -> str:
    lines = [x for x in stderr.splitlines() if x.strip() and not x.startswith("note: ")]
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "legal.txt").write_text(REPORT, encoding="utf-8")
    (folder / "legal-page.html").write_text(PAGE, encoding="utf-8")
    return folder


@pytest.fixture()
def batch_out(inputs: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    run_batch(inputs, out, RULES, workers=0)
    return out


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- an output never replaces an input -------------------------------------------------------------


def test_review_without_output_writes_beside_the_report_and_keeps_it(inputs: Path):
    page = inputs / "legal-page.html"
    before = page.read_bytes()
    res = invoke("review", str(page), "--no-model")
    assert res.exit_code == 0, res.stderr
    assert page.read_bytes() == before
    written = inputs / "legal-page.review.html"
    assert "Mendip District Council" in written.read_text(encoding="utf-8")
    assert f"wrote {written}" in res.stderr


def test_a_review_page_beside_its_report_is_not_read_as_a_report_by_batch(inputs: Path, tmp_path: Path):
    assert invoke("review", str(inputs / "legal-page.html"), "--no-model").exit_code == 0
    (inputs / "notes.review.html").write_text(PAGE, encoding="utf-8")  # a user's page of that name is still read
    summary = run_batch(inputs, tmp_path / "out", RULES, workers=0)
    assert sorted(Path(e.path).name for e in summary.entries) == ["legal-page.html", "legal.txt", "notes.review.html"]


@pytest.mark.parametrize("target", ["same", "symlink", "hardlink"])
def test_extract_and_review_refuse_to_write_over_their_input(inputs: Path, target: str):
    page = inputs / "legal-page.html"
    out = {"same": page, "symlink": inputs / "alias.html", "hardlink": inputs / "hard.html"}[target]
    if target == "symlink":
        out.symlink_to(page)
    elif target == "hardlink":
        os.link(page, out)
    before = snapshot(inputs)
    for command in ("extract", "review"):
        res = invoke(command, str(page), "-o", str(out), "--no-model")
        assert res.exit_code == 2, (command, res.stderr)
        line = one_error_line(res.stderr)
        assert "is the input file" in line and str(page) in line
    assert snapshot(inputs) == before


def test_review_of_a_json_refuses_to_write_over_its_source(inputs: Path, batch_out: Path):
    source = inputs / "legal-page.html"
    before = source.read_bytes()
    res = invoke("review", str(batch_out / "legal-page.json"), "-o", str(source))
    assert res.exit_code == 2 and "is the input file" in one_error_line(res.stderr)
    assert source.read_bytes() == before
    with pytest.raises(Exception, match="is the input file"):  # the library refuses too
        review_page(batch_out / "legal-page.json", source, RULES)


@pytest.mark.parametrize("where", ["equal", "inside", "deep"])
def test_batch_refuses_an_output_folder_equal_to_or_inside_the_input_folder(inputs: Path, where: str):
    out = {"equal": inputs, "inside": inputs / "out", "deep": inputs / "a" / "b"}[where]
    before = snapshot(inputs)
    res = invoke("batch", str(inputs), "-o", str(out), "--no-model", "-j", "0")
    assert res.exit_code == 2
    line = one_error_line(res.stderr)
    assert str(out) in line and "input folder" in line
    assert snapshot(inputs) == before and not (inputs / "out").exists() and not (inputs / "a").exists()


def test_batch_of_one_html_report_refuses_a_review_page_over_it(inputs: Path):
    page = inputs / "legal-page.html"
    res = invoke("batch", str(page), "-o", str(inputs), "--review", "--no-model", "-j", "0")
    assert res.exit_code == 2 and "is the input file" in one_error_line(res.stderr)
    assert page.read_text(encoding="utf-8") == PAGE


@pytest.mark.parametrize("name", [MANIFEST_NAME, "legal.json", "legal.html", "."])
def test_summary_refuses_to_write_over_what_it_reads(batch_out: Path, name: str):
    (batch_out / "legal.html").write_text("<html>a review page</html>", encoding="utf-8")
    before = snapshot(batch_out)
    res = invoke("summary", str(batch_out), "-o", str(batch_out / name))
    assert res.exit_code == 2, res.stderr
    assert "is the input" in one_error_line(res.stderr)
    assert snapshot(batch_out) == before


def test_summary_writes_its_default_page_inside_the_batch_folder(batch_out: Path):
    res = invoke("summary", str(batch_out))
    assert res.exit_code == 0, res.stderr
    assert "Shared Legal Service" in (batch_out / "overview.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [".", "legal.json"])
def test_export_refuses_the_batch_folder_or_a_report_as_its_output(batch_out: Path, name: str):
    before = snapshot(batch_out)
    res = invoke("export", str(batch_out), "-o", str(batch_out / name), "--format", "jsonl")
    assert res.exit_code == 2, res.stderr
    assert "is the input" in one_error_line(res.stderr)
    assert snapshot(batch_out) == before


def test_export_into_a_subfolder_of_the_batch_is_allowed(batch_out: Path):
    res = invoke("export", str(batch_out), "-o", str(batch_out / "tables"), "--format", "csv")
    assert res.exit_code == 0, res.stderr
    assert (batch_out / "tables" / "reports.csv").read_text(encoding="utf-8").count("\n") == 3


# --- outputs get the mode the umask gives a new file ------------------------------------------------


@pytest.fixture(params=[0o022, 0o027], ids=["umask022", "umask027"])
def umask(request):
    old = os.umask(request.param)
    yield 0o666 & ~request.param
    os.umask(old)


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_every_output_takes_the_umask_mode(inputs: Path, tmp_path: Path, umask: int):
    out = tmp_path / "out"
    run_batch(inputs, out, RULES, workers=0)
    page = review_page(out / "legal.json", out / "legal.html", RULES)
    overview = out / "overview.html"
    assert invoke("summary", str(out)).exit_code == 0
    files = [out / "legal.json", out / "legal-page.json", page, overview, out / MANIFEST_NAME]
    for fmt in ("csv", "jsonl", "parquet"):
        files += [path for _, path, _ in export(out, fmt, tmp_path / fmt)]
    assert {p.name: oct(mode(p)) for p in files} == {p.name: oct(umask) for p in files}


def test_extract_output_file_mode_through_the_cli(inputs: Path, tmp_path: Path):
    out = tmp_path / "r.json"
    res = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "extract", str(inputs / "legal.txt"), "-o", str(out), "--no-model"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=lambda: os.umask(0o027),
    )
    assert res.returncode == 0, res.stderr
    assert mode(out) == 0o640


# --- nothing to do, or the wrong thing: say so ----------------------------------------------------


@pytest.mark.parametrize(
    "contents", [{}, {"figures.csv": "a,b\n1,2\n", "notes.json": "{}"}], ids=["empty", "no-reports"]
)
def test_batch_with_no_reports_says_so_and_exits_0(tmp_path: Path, contents: dict[str, str]):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in contents.items():
        (folder / name).write_text(text, encoding="utf-8")
    res = invoke("batch", str(folder), "-o", str(tmp_path / "out"), "--no-model", "-j", "0")
    assert res.exit_code == 0, res.stderr
    assert f"no reports found under {folder}" in res.stderr
    assert "files" not in res.stderr  # no table of zeros


def test_summary_of_a_folder_that_is_not_a_batch_output_fails_and_writes_nothing(inputs: Path):
    res = invoke("summary", str(inputs))
    assert res.exit_code == 1
    assert "not a batch output" in one_error_line(res.stderr)
    assert not (inputs / "overview.html").exists()


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("figures.csv", b"council,saving\nMendip District Council,85000\n", ".csv files are not reports"),
        ("register.json", b'{"council": "Mendip District Council"}\n', ".json files are not reports"),
        ("scan.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "png image"),
        ("random.txt", bytes(range(256)) * 20, "binary data"),
    ],
)
def test_formats_the_tool_does_not_read_are_refused_in_one_line(tmp_path: Path, name: str, data: bytes, reason: str):
    f = tmp_path / name
    f.write_bytes(data)
    res = invoke("extract", str(f), "--no-model")
    assert res.exit_code == 1 and res.stdout == ""
    line = one_error_line(res.stderr)
    assert name in line and reason in line.lower()


def test_text_followed_by_nul_padding_is_read_with_a_warning(tmp_path: Path):
    text = REPORT.encode("utf-8")
    f = tmp_path / "padded.txt"
    f.write_bytes(text + b"\x00" * 1000)
    res = invoke("extract", str(f), "--no-model")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert "1,000 NUL bytes removed from the text" in data["warnings"]
    assert "1,000 NUL bytes" in res.stderr
    assert {s["amount"] for s in data["savings"]} == {85000.0}


def test_text_with_a_run_of_nuls_in_the_middle_is_read_with_a_warning(tmp_path: Path):
    text = REPORT.encode("utf-8")
    f = tmp_path / "holed.txt"
    f.write_bytes(text[:40] + b"\x00" * 5000 + text[40:])
    res = invoke("extract", str(f), "--no-model")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert "5,000 NUL bytes removed from the text" in data["warnings"]
    assert {s["amount"] for s in data["savings"]} == {85000.0}


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 20, b"\x00" * 3000 + bytes(range(1, 32)) * 50, b"ab\x00\x01\x02\x03" * 500],
    ids=["all-bytes", "nuls-then-controls", "interleaved"],
)
def test_binary_data_with_nuls_is_still_refused(tmp_path: Path, data: bytes):
    f = tmp_path / "data.txt"
    f.write_bytes(data)
    res = invoke("extract", str(f), "--no-model")
    assert res.exit_code == 1 and "binary data" in one_error_line(res.stderr).lower()


# --- standard input, JSON Lines, version, help, --no-model ----------------------------------------


def test_extract_dash_reads_the_report_from_standard_input(inputs: Path):
    res = invoke("extract", "-", "--no-model", input=(inputs / "legal-page.html").read_bytes())
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["source"]["path"] == "<stdin>" and data["source"]["format"] == "html"
    assert "Mendip District Council" in {p["name"] for p in data["organisations"]}


def test_extract_dash_sniffs_a_pdf_and_refuses_binary(tmp_path: Path):
    from tests.extract.makers import make_pdf

    res = invoke(
        "extract",
        "-",
        "--no-model",
        input=make_pdf([["Report to: Cabinet", "Shared services with Kent County Council."]]),
    )
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["source"]["format"] == "pdf"
    bad = invoke("extract", "-", "--no-model", input=bytes(range(256)) * 20)
    assert bad.exit_code == 1 and "<stdin>" in one_error_line(bad.stderr)


def test_extract_dash_keeps_the_size_limit():
    res = invoke("extract", "-", "--no-model", "--max-mb", "0.001", input=REPORT.encode() * 20)
    assert res.exit_code == 1 and "over the" in one_error_line(res.stderr)


def test_batch_jsonl_streams_one_row_per_file_on_stdout(inputs: Path, tmp_path: Path):
    (inputs / "empty.txt").write_bytes(b"")
    res = subprocess.run(
        [
            sys.executable,
            str(ROOT / "cli.py"),
            "batch",
            str(inputs),
            "-o",
            str(tmp_path / "out"),
            "--jsonl",
            "--no-model",
            "-j",
            "0",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
    )
    assert res.returncode == 1, res.stderr  # empty.txt failed
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert sorted((Path(r["path"]).name, r["status"]) for r in rows) == [
        ("empty.txt", "failed"),
        ("legal-page.html", "ok"),
        ("legal.txt", "ok"),
    ]
    assert "[1/3]" not in res.stderr and "failed" in res.stderr  # no per-file lines; the table stays on stderr


def test_version():
    from pipelines.settings import PIPELINE_VERSION

    res = invoke("--version")
    assert res.exit_code == 0 and res.stdout.strip() == f"councilx {PIPELINE_VERSION}"


@pytest.mark.parametrize("command", [[], ["extract"], ["batch"], ["review"], ["summary"], ["export"], ["schema"]])
def test_help_shows_flags_without_a_value(command: list[str]):
    res = invoke(*command, "--help")
    assert res.exit_code == 0
    assert "<bool>" not in res.stdout and "-h" in res.stdout
    if command in (["extract"], ["batch"]):
        assert "--debug" in res.stdout and "--no-model" in res.stdout


def test_no_model_says_it_runs_on_rules_alone(inputs: Path):
    res = invoke("extract", str(inputs / "legal.txt"), "--no-model")
    assert res.exit_code == 0
    assert [x for x in res.stderr.splitlines() if "rules alone" in x] == [
        "note: --no-model: running on rules alone, without the spaCy model"
    ]


def test_a_missing_model_is_a_warning_when_not_asked_for(tmp_path: Path, monkeypatch):
    import importlib.util

    from pipelines.nlp import MODEL_PACKAGES

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name in MODEL_PACKAGES else real(name, *a)
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "legal.txt").write_text(REPORT, encoding="utf-8")
    res = invoke("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "0")
    assert res.exit_code == 0, res.stderr
    assert "warning: spaCy model en_core_web_sm is not installed" in res.stderr
    asked = invoke("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "0", "--no-model")
    assert "warning" not in asked.stderr and "note: --no-model" in asked.stderr
