"""Benchmark: plain text through the whole pipeline at two sizes, in seconds per MB.

Usage::

    python bench/text_scaling.py              # 1 MB and 4 MB
    python bench/text_scaling.py --sizes 2 8  # other sizes, in MB

The texts are generated (random words from a fixed vocabulary, seeded), in two shapes: paragraphs
separated by blank lines, and wrapped lines with no blank line at all (one paragraph, one sentence: the
shape that made ingestion and the savings clauses quadratic in 0.4.0, 7.5 s for 1 MB and 41 s for 4 MB).
Linear time shows as about the same seconds per MB at both sizes. Rules only (``use_model=False``), in
this process; the first call's imports are paid before timing.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines import Settings, extract_report  # noqa: E402

WORDS = [f"w{i}" for i in range(3000)] + (
    "the council partnership agreed savings of £2m review committee service joint board on 12 March 2021".split()
)


def make_text(mb: float, blank_lines: bool, seed: int = 1) -> str:
    """About ``mb`` MB of text: paragraphs of 120 words wrapped at 72 columns."""
    rng, out, size = random.Random(seed), [], 0
    while size < mb * 1e6:
        para = "\n".join(textwrap.wrap(" ".join(rng.choice(WORDS) for _ in range(120)), 72))
        chunk = para + ("\n\n" if blank_lines else "\n")
        out.append(chunk)
        size += len(chunk)
    return "".join(out)


def seconds(path: Path) -> float:
    t0 = time.perf_counter()
    extract_report(path, Settings(use_model=False))
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs=2, default=[1.0, 4.0], metavar="MB")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.txt"
        warm.write_text(make_text(0.01, True), encoding="utf-8")
        seconds(warm)
        print(f"{'shape':<16}{'MB':>6}{'seconds':>10}{'s/MB':>8}")
        for blank, shape in ((True, "paragraphs"), (False, "no blank lines")):
            rates = []
            for mb in args.sizes:
                path = Path(tmp) / f"{shape.replace(' ', '-')}-{mb}.txt"
                path.write_text(make_text(mb, blank), encoding="utf-8")
                real_mb = path.stat().st_size / 1e6
                s = seconds(path)
                rates.append(s / real_mb)
                print(f"{shape:<16}{real_mb:>6.1f}{s:>10.2f}{s / real_mb:>8.2f}")
            print(f"{'':<16}s/MB ratio, larger to smaller: {rates[1] / rates[0]:.2f} (1.0 is linear)")


if __name__ == "__main__":
    main()
