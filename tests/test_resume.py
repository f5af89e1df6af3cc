"""A batch killed with SIGKILL part-way finishes on the next run: nothing lost, nothing redone, no partial files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from pipelines.output import read_manifest
from tests.test_batch import outputs, write_reports

ROOT = Path(__file__).resolve().parents[1]


def batch_cmd(inputs: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, str(ROOT / "cli.py"), "batch", str(inputs), "-o", str(out), "--no-model", *extra]


def kill_part_way(cmd: list[str], out: Path, rows: int, deadline: float = 60.0) -> None:
    """Start the batch in its own process group and SIGKILL the whole group once ``rows`` rows exist."""
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    manifest = out / "manifest.jsonl"
    t0 = time.monotonic()
    try:
        while time.monotonic() - t0 < deadline and proc.poll() is None:
            if manifest.exists() and manifest.read_bytes().count(b"\n") >= rows:
                break
            time.sleep(0.005)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the batch finished before it could be killed"


@pytest.mark.parametrize("workers", ["1", "2"])
def test_killed_batch_resumes_to_the_same_outputs(tmp_path: Path, workers: str):
    inputs = tmp_path / "in"
    write_reports(inputs, 60)
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    assert subprocess.run(batch_cmd(inputs, whole, "-j", workers), cwd=ROOT, capture_output=True).returncode == 0

    kill_part_way(batch_cmd(inputs, resumed, "-j", workers), resumed, rows=5)
    done_before = {r.path for r in read_manifest(resumed) if r.status == "ok"}
    assert 5 <= len(done_before) < 60
    res = subprocess.run(batch_cmd(inputs, resumed, "-j", workers), cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr

    assert outputs(resumed) == outputs(whole)
    assert not [p.name for p in resumed.iterdir() if p.name.startswith(".")]
    for text in outputs(resumed).values():
        json.loads(text)
    rows = read_manifest(resumed)
    ok_counts = Counter(r.path for r in rows if r.status == "ok")
    assert max(ok_counts.values()) == 1, "a file was processed twice"
    rerun = {r.path: r.status for r in rows[-60:]}
    assert len(rerun) == 60 and all(rerun[p] == "skipped" for p in done_before)
