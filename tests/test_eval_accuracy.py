"""Accuracy on the shared evaluation set, scored by its own scorer.

Runs the real CLI over ``../shared/eval/docs`` and ``score.py --json`` over the result. It fails when
the mean F1 drops below the floor measured when the floor was last raised, when any field drops below
its own floor, or when the items a person would not check (``needs_review: false``) are less than 95%
precise in any field. Skipped when ``../shared`` is not beside the checkout.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"

# Measured on the gold revised to the "Hard cases" rules, version 0.9.1 with its learned models (trained on these
# 25 reports among others: this is a regression check, not a held-out score; see `make cv` for that):
# mean 0.924 (0.9.0: 0.922, 0.8.9: 0.916, 0.8.8: 0.915, 0.8.7: 0.916, 0.8.6: 0.915), the lowest field workstreams 0.805. Raise the floors
# when accuracy improves.
MEAN_F1_FLOOR = 0.90
FIELD_F1_FLOOR = 0.70
UNFLAGGED_PRECISION_FLOOR = 0.95

pytestmark = pytest.mark.skipif(
    not (EVAL / "score.py").exists() or not (EVAL / "gold").is_dir(),
    reason="../shared/eval is not beside this checkout",
)


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("eval-out")
    run = subprocess.run(
        [sys.executable, "cli.py", "batch", str(EVAL / "docs"), "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode in (0, 1), run.stderr[-2000:]
    # Without Tesseract a scanned report cannot be read: it is left out of the score, and nothing else may fail.
    rows = [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    failed = [r for r in rows if r["status"] == "failed"]
    assert all("OCR is unavailable" in (r["error"] or "") for r in failed), failed
    gold = tmp_path_factory.mktemp("eval-gold")
    unread = {Path(r["path"]).stem for r in failed}
    for g in (EVAL / "gold").glob("*.json"):
        if g.stem not in unread:
            (gold / g.name).write_bytes(g.read_bytes())
    scored = subprocess.run(
        [sys.executable, str(EVAL / "score.py"), "--gold", str(gold), "--pred", str(out), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(scored.stdout)


def test_every_eval_document_gets_an_extraction(scores):
    assert scores["missing_predictions"] == []


def test_mean_f1_stays_above_the_floor(scores):
    assert scores["mean_f1"] >= MEAN_F1_FLOOR, json.dumps(scores["fields"], indent=1)


def test_no_field_falls_below_its_floor(scores):
    low = {f: v["f1"] for f, v in scores["fields"].items() if v["f1"] < FIELD_F1_FLOOR}
    assert not low, low


def test_items_not_flagged_for_review_are_precise(scores):
    low = {}
    for field, split in scores["review_split"].items():
        correct, total = split["sure"]
        if total and correct / total < UNFLAGGED_PRECISION_FLOOR:
            low[field] = f"{correct}/{total}"
    assert not low, f"needs_review=false items under {UNFLAGGED_PRECISION_FLOOR:.0%} precise: {low}"
