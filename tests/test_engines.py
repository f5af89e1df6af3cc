"""The engines: worker processes with a per-file time limit, and the same outputs on Dask."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models.manifest import ManifestEntry
from pipelines.batch import run_batch
from pipelines.engines import EngineError, InlineEngine, Job, LocalEngine, cluster, make_engine, run_job
from pipelines.engines.cluster import run_job_limited
from pipelines.engines.memory import memory_message
from pipelines.output import read_manifest
from pipelines.settings import Settings
from tests.test_batch import RULES, outputs, write_reports

ROOT = Path(__file__).resolve().parents[1]


def fake_run(job: Job) -> ManifestEntry:
    """Stands in for the pipeline in worker processes: names say how the 'document' behaves."""
    name = job.path.name
    if name.startswith("slow"):
        time.sleep(60)
    if name.startswith("crash"):
        os._exit(3)
    if name.startswith("hog"):
        hog(job.out)
    return ManifestEntry(path=str(job.path), status="ok", pages=1)


def hog(out: Path) -> None:
    """Start writing an output, then take memory at 500 MB/s, 3 GB in all (a runaway document)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    (out.parent / f".{out.name}.0000.tmp").write_text("{half a report", encoding="utf-8")
    held = []
    for _ in range(300):
        held.append(b"x" * (10 << 20))
        time.sleep(0.02)


def hog_job(job: Job) -> ManifestEntry:
    """The real pipeline, except that a file named hog* runs away with memory."""
    if job.path.name.startswith("hog"):
        hog(job.out)
    return run_job(job)


def jobs(tmp_path: Path, names: list[str]) -> list[Job]:
    return [Job(tmp_path / n, tmp_path / "out" / f"{n}.json", RULES) for n in names]


def by_name(rows: list[ManifestEntry]) -> dict[str, ManifestEntry]:
    return {Path(r.path).name: r for r in rows}


def test_a_file_over_the_time_limit_fails_and_the_rest_finish(tmp_path: Path):
    names = ["a.txt", "slow.txt", "b.txt", "c.txt", "d.txt"]
    t0 = time.monotonic()
    rows = by_name(list(LocalEngine(workers=2, timeout=0.5, func=fake_run).map(jobs(tmp_path, names))))
    assert time.monotonic() - t0 < 30
    assert sorted(rows) == sorted(names)
    assert rows["slow.txt"].status == "failed" and rows["slow.txt"].error == "timed out after 0.5 s"
    assert all(rows[n].status == "ok" for n in names if n != "slow.txt")


def test_a_worker_that_dies_gives_a_failed_row_and_is_replaced(tmp_path: Path):
    names = ["crash.txt", "a.txt", "b.txt", "crash2.txt", "c.txt"]
    rows = by_name(list(LocalEngine(workers=1, func=fake_run).map(jobs(tmp_path, names))))
    assert sorted(rows) == sorted(names)
    assert rows["crash.txt"].status == "failed" and "exit code 3" in rows["crash.txt"].error
    assert [rows[n].status for n in ("a.txt", "b.txt", "c.txt")] == ["ok"] * 3


def test_workers_are_replaced_after_max_jobs_and_report_their_memory(tmp_path: Path):
    names = [f"{c}.txt" for c in "abcdefg"]
    engine = LocalEngine(workers=2, max_jobs=2, func=fake_run)
    rows = by_name(list(engine.map(jobs(tmp_path, names))))
    assert sorted(rows) == names and all(r.status == "ok" for r in rows.values())
    assert engine.peak_rss_mb > 10


def test_a_file_over_the_memory_limit_fails_alone_and_its_worker_is_replaced(tmp_path: Path):
    names = ["a.txt", "hog.txt", "b.txt", "c.txt", "hog2.txt", "d.txt"]
    engine = LocalEngine(workers=1, max_memory=400, func=fake_run)
    rows = by_name(list(engine.map(jobs(tmp_path, names))))
    assert sorted(rows) == sorted(names)
    for n in ("hog.txt", "hog2.txt"):
        assert rows[n].status == "failed" and rows[n].error == memory_message(400), rows[n]
    assert all(rows[n].status == "ok" for n in ("a.txt", "b.txt", "c.txt", "d.txt"))
    assert not list((tmp_path / "out").iterdir()), "the half-written output is removed"
    assert 400 < engine.peak_rss_mb < 1000


def test_batch_with_a_file_over_the_memory_limit_completes(tmp_path: Path):
    """Through run_batch with the real pipeline: the runaway file gets its failed row, the others their JSON."""
    write_reports(tmp_path / "in", 3)
    (tmp_path / "in" / "hog.txt").write_text("Report to: Cabinet\n", encoding="utf-8")
    engine = LocalEngine(workers=1, max_memory=400, func=hog_job)
    summary = run_batch(tmp_path / "in", tmp_path / "out", RULES, engine=engine)
    assert (summary.ok, summary.failed) == (3, 1)
    (row,) = [e for e in read_manifest(tmp_path / "out") if e.status == "failed"]
    assert (
        Path(row.path).name == "hog.txt" and row.error == "stopped: used over 400 MB of memory (the --max-memory limit)"
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [*(f"{Path(e.path).stem}.json" for e in summary.entries if e.status == "ok"), "manifest.jsonl"]
    )


def test_memory_limit_in_a_forked_child(tmp_path: Path, monkeypatch):
    """The Dask engine's limit (a fork per document), with and without a timeout."""
    monkeypatch.setattr(cluster, "run_job", hog_job)
    (tmp_path / "hog.txt").write_text("Report to: Cabinet\n", encoding="utf-8")
    job = Job(tmp_path / "hog.txt", tmp_path / "out" / "hog.json", RULES)
    for timeout in (None, 60):
        row = run_job_limited(job, timeout, max_memory=400)
        assert row.status == "failed" and row.error == memory_message(400)
        assert not list((tmp_path / "out").iterdir())
    (tmp_path / "r.txt").write_text("Report to: Cabinet\n\nThe Cabinet is asked to note the report.\n")
    ok = run_job_limited(Job(tmp_path / "r.txt", tmp_path / "out" / "r.json", RULES), None, max_memory=400)
    assert ok.status == "ok" and (tmp_path / "out" / "r.json").exists()


def test_no_jobs_starts_no_workers():
    assert list(LocalEngine(workers=2).map([])) == []


def test_time_limit_in_a_forked_child(tmp_path: Path):
    """The Dask engine's limit (a fork per document) on a real file and on a slow one."""
    (tmp_path / "r.txt").write_text(
        "Report to: Cabinet\n\nThe Cabinet is asked to note the report.\n", encoding="utf-8"
    )
    ok = run_job_limited(Job(tmp_path / "r.txt", tmp_path / "out" / "r.json", RULES), timeout=60)
    assert ok.status == "ok" and (tmp_path / "out" / "r.json").exists()
    (tmp_path / "big.txt").write_text("The Council agreed the budget. " * 400_000, encoding="utf-8")
    slow = run_job_limited(Job(tmp_path / "big.txt", tmp_path / "out" / "big.json", RULES), timeout=0.01)
    assert slow.status == "failed" and slow.error == "timed out after 0.01 s"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "local", "scheduler": "tcp://127.0.0.1:8786"}, "--scheduler needs --engine dask"),
        ({"name": "local", "workers": 0, "timeout": 5}, "--timeout needs at least one worker"),
        ({"name": "local", "workers": 0, "max_memory": 500}, "--max-memory needs at least one worker"),
        ({"name": "spark"}, "unknown engine"),
    ],
    ids=["scheduler-without-dask", "timeout-in-process", "memory-in-process", "unknown"],
)
def test_engine_usage_errors(kwargs: dict, message: str):
    with pytest.raises(EngineError, match=message):
        make_engine(**kwargs)


def test_workers_zero_runs_in_this_process():
    assert isinstance(make_engine("local", workers=0), InlineEngine)


def test_dask_local_cluster_gives_the_same_outputs_as_the_local_engine(tmp_path: Path):
    pytest.importorskip("dask.distributed")
    from dask.distributed import Client, LocalCluster

    from pipelines.engines import DaskEngine

    write_reports(tmp_path / "in", 6)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    local = run_batch(tmp_path / "in", tmp_path / "local", RULES, workers=2)
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        engine = DaskEngine(scheduler=client.scheduler.address)
        dask = run_batch(tmp_path / "in", tmp_path / "dask", RULES, engine=engine)
    assert (dask.ok, dask.failed) == (local.ok, local.failed) == (6, 1)
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local")

    def rows(summary):
        return sorted(
            (e.path, e.status, e.error, e.pages, e.sha256, e.output and Path(e.output).name) for e in summary.entries
        )

    assert rows(dask) == rows(local)


def test_settings_reach_the_workers(tmp_path: Path):
    write_reports(tmp_path / "in", 2)
    summary = run_batch(tmp_path / "in", tmp_path / "out", Settings(use_model=False, extractors=("dates",)), workers=1)
    assert summary.ok == 2
    data = outputs(tmp_path / "out")
    assert all('"recommendations": []' in text for text in data.values())


def cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "batch", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_cli_timeout_gives_a_failed_row_and_exit_1(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "huge.txt").write_text("The Council agreed the budget. " * 400_000, encoding="utf-8")
    res = cli(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-model", "-j", "1", "--timeout", "0.05")
    assert res.returncode == 1, res.stderr
    assert "timed out after 0.05 s" in res.stderr
    row = json.loads((tmp_path / "out" / "manifest.jsonl").read_text(encoding="utf-8"))
    assert row["status"] == "failed" and row["error"] == "timed out after 0.05 s"
    assert not list((tmp_path / "out").glob("*.json"))


@pytest.mark.parametrize(
    "args",
    [
        ["--engine", "spark"],
        ["--scheduler", "tcp://127.0.0.1:1"],
        ["-j", "0", "--timeout", "5"],
        ["-j", "-1"],
        ["--timeout", "0"],
        ["-j", "0", "--max-memory", "500"],
        ["--max-memory", "0"],
    ],
    ids=[
        "engine",
        "scheduler-without-dask",
        "timeout-in-process",
        "negative-workers",
        "zero-timeout",
        "memory-in-process",
        "zero-memory",
    ],
)
def test_cli_usage_errors_exit_2(args: list[str], tmp_path: Path):
    (tmp_path / "in").mkdir()  # the output folder outside the input folder, so only the option is wrong
    res = cli(str(tmp_path / "in"), "-o", str(tmp_path / "out"), *args)
    assert res.returncode == 2, res.stderr


def test_cli_dask_engine_starts_a_local_cluster(tmp_path: Path):
    pytest.importorskip("dask.distributed")
    write_reports(tmp_path / "in", 3)
    res = cli(str(tmp_path / "in"), "-o", str(tmp_path / "dask"), "--no-model", "--engine", "dask", "-j", "1")
    assert res.returncode == 0, res.stderr
    run_batch(tmp_path / "in", tmp_path / "local", RULES, workers=0)
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local") and len(outputs(tmp_path / "local")) == 3


def test_cli_help_documents_the_memory_limit():
    res = cli("--help")
    assert res.returncode == 0 and "--max-memory" in res.stdout and "(default 2048, i.e. 2 GB)" in res.stdout
