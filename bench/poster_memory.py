"""Peak memory of one huge scanned page: a 1.7 KB PDF, one page 200 inches square covered by an image.

    python bench/poster_memory.py [--inches 200]

Runs ``cli.py extract`` and ``cli.py batch -j 1`` on it and prints each run's result line, its time and its
peak memory, sampled every 20 ms: the largest single process (a worker, Tesseract; with the kernel's peak for
the command itself and the children it waited for) and the sum over all the command's processes. Before the
pixel budget (issue 16) ``extract`` peaked at 4.7 GB; the aim is under 1 GB through both commands.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipelines.engines.memory import process_tree, rss_mb  # noqa: E402
from tests.extract.makers import make_poster_pdf  # noqa: E402


def run(cmd: list[str]) -> tuple[str, float, float, float]:
    """The command's last stderr line, seconds, and peak memory in MB: the largest single process (sampled),
    and the whole process tree's total (sampled; it counts pages the forkserver shares with workers twice)."""
    single, total = [0.0], [0.0]
    stop = threading.Event()
    with tempfile.TemporaryFile("w+") as err:
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, text=True, cwd=ROOT)

        def sample() -> None:
            while not stop.wait(0.02):
                sizes = [rss_mb(p) for p in process_tree(proc.pid)]
                single[0], total[0] = max([single[0], *sizes]), max(total[0], sum(sizes))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, _, usage = os.wait4(proc.pid, 0)
        seconds = time.monotonic() - t0
        stop.set()
        sampler.join()
        err.seek(0)
        lines = [x for x in err.read().splitlines() if x.strip()]
    return (lines[-1] if lines else ""), seconds, max(single[0], usage.ru_maxrss / 1024), total[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inches", type=float, default=200.0)
    args = ap.parse_args()
    py = [sys.executable, str(ROOT / "cli.py")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        pdf = folder / "poster.pdf"
        pdf.write_bytes(make_poster_pdf(args.inches))
        print(f"{pdf.name}: {pdf.stat().st_size:,} bytes, one page {args.inches:g} inches square")
        for name, cmd in (
            ("extract", [*py, "extract", str(pdf), "--no-model"]),
            ("batch -j 1", [*py, "batch", str(folder), "-o", str(Path(tmp) / "out"), "--no-model", "-j", "1"]),
        ):
            line, seconds, single, total = run(cmd)
            print(f"{name:11s} {seconds:5.1f} s  largest process {single:5.0f} MB, all {total:5.0f} MB  | {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
