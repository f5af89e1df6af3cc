"""Kill a real batch half-way with SIGKILL, run it again, and compare with an uninterrupted run.

Usage::

    python bench/resume_check.py [--workers N]

Over ``../shared/corpus`` and ``../shared/eval/docs`` (skipped with a message when absent), with
the committed code (``git archive HEAD``) so that edits made meanwhile cannot mix in.
Prints what it checked and exits 1 when an output is missing, differs, is invalid, was
processed twice, or a temporary file is left behind.
"""

from __future__ import annotations

import argparse
import difflib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
FOLDERS = (SHARED / "corpus", SHARED / "eval" / "docs")


def snapshot(dest: Path) -> Path:
    """The committed code (git HEAD) copied to ``dest``, so edits made while the check runs cannot mix in."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD"], capture_output=True, check=True).stdout
    dest.mkdir()
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def batch(code: Path, src: Path, out: Path, workers: int) -> list[str]:
    return [sys.executable, str(code / "cli.py"), "batch", str(src), "-o", str(out), "-j", str(workers)]


def kill_when(cmd: list[str], manifest: Path, rows: int) -> None:
    """Run ``cmd`` in its own process group; SIGKILL the group once ``manifest`` has ``rows`` rows."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    while proc.poll() is None:
        if manifest.exists() and manifest.read_bytes().count(b"\n") >= rows:
            os.killpg(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.01)
    proc.wait()


def check(whole: Path, resumed: Path, n_inputs: int) -> list[str]:
    """Every problem found in ``resumed`` compared with ``whole``."""
    from models.report import Report
    from pipelines.output import read_manifest

    problems = []
    a = {p.name: p.read_text(encoding="utf-8") for p in whole.glob("*.json")}
    b = {p.name: p.read_text(encoding="utf-8") for p in resumed.glob("*.json")}
    if a != b:
        differ = sorted(set(a) ^ set(b)) or [k for k in a if a[k] != b.get(k)]
        problems.append(f"outputs differ: {differ}")
        if differ[0] in a and differ[0] in b:
            diff = difflib.unified_diff(a[differ[0]].splitlines(), b[differ[0]].splitlines(), lineterm="", n=1)
            problems.append("first difference:\n" + "\n".join(list(diff)[:20]))
    for name, text in b.items():
        try:
            Report.model_validate_json(text)
        except ValueError as e:
            problems.append(f"{name} is not a valid Report: {str(e).splitlines()[0]}")
    leftovers = [p.name for p in resumed.iterdir() if p.name.startswith(".")]
    if leftovers:
        problems.append(f"temporary files left: {leftovers}")
    rows = read_manifest(resumed)
    twice = [p for p, n in Counter(r.path for r in rows if r.status == "ok").items() if n > 1]
    if twice:
        problems.append(f"processed twice: {twice}")
    if len({r.path for r in rows[-n_inputs:]}) != n_inputs:
        problems.append("the rerun did not write one row per input")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="work in this (new) folder and keep it, to look at afterwards")
    args = parser.parse_args()
    inputs = sorted(p for f in FOLDERS if f.is_dir() for p in f.iterdir() if p.is_file())
    if not inputs:
        print(f"resume_check: no inputs under {', '.join(map(str, FOLDERS))}; nothing to check.")
        return 0
    if args.keep:
        args.keep.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="councilx-resume-") as scratch:
        tmp = str(args.keep or scratch)
        src = Path(tmp) / "in"
        src.mkdir()
        for p in inputs:
            (src / p.name).symlink_to(p.resolve())
        code = snapshot(Path(tmp) / "code")
        whole, resumed = Path(tmp) / "whole", Path(tmp) / "resumed"
        subprocess.run(batch(code, src, whole, args.workers), capture_output=True)
        kill_when(batch(code, src, resumed, args.workers), resumed / "manifest.jsonl", len(inputs) // 2)
        before = sum(1 for _ in (resumed / "manifest.jsonl").open()) if (resumed / "manifest.jsonl").exists() else 0
        temps = [p.name for p in resumed.iterdir() if p.name.startswith(".")]
        subprocess.run(batch(code, src, resumed, args.workers), capture_output=True)
        problems = check(whole, resumed, len(inputs))
    print(
        f"resume_check: {len(inputs)} inputs; killed with {before} manifest rows written and "
        f"{len(temps)} temporary file(s) on disk; rerun finished."
    )
    for p in problems:
        print(f"  PROBLEM: {p}")
    print(
        "  all outputs present, valid, identical to an uninterrupted run; nothing done twice; no temporary files"
        if not problems
        else "  FAILED"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
