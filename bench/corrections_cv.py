"""Does training with corrected reports of one kind raise held-out accuracy on that kind? (issue 17)

    python bench/corrections_cv.py --shared ../shared [--min-docs 10] [--splits 3]

For each source group of ``shared/train`` with at least ``--min-docs`` documents (lockbox groups are never
used), the group is held out: the base models are trained on every other group (and ``shared/eval``), as
grouped cross-validation does. The group's documents are then split in ``--splits`` parts; for each part,
the documents of the other parts become corrected reports (a correction file each, made from the
document's gold file: a stand-in for a person who corrected them perfectly), they are added with
``train --with``'s own code (``pipelines.corrections.correction_examples``), and the part is scored. Every
document of the group is scored once with the base models and once with models that saw the group's other
documents as corrections. Prints score.py's table for both, per group and pooled.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.correction import Correction  # noqa: E402
from pipelines.corrections import correction_examples  # noqa: E402
from pipelines.learn.cv import _batch, _link_all  # noqa: E402
from pipelines.learn.dataset import build_rows  # noqa: E402
from pipelines.learn.train import shared_examples, train_all  # noqa: E402

GOLD_KEYS = ("metadata", "partners", "organisations", "workstreams", "dates", "savings", "recommendations")


def write_corrections(examples, folder: Path) -> Path:
    """A correction file per example (its gold as the corrected report) with a copy of its document."""
    folder.mkdir(parents=True)
    for e in examples:
        shutil.copy(e.doc, folder / e.doc.name)
        c = Correction(
            doc=e.doc.name,
            sha256=hashlib.sha256(e.doc.read_bytes()).hexdigest(),
            **{k: e.gold[k] for k in GOLD_KEYS if k in e.gold},
        )
        (folder / f"{e.doc.stem}.json").write_text(c.model_dump_json(), encoding="utf-8")
    return folder


def score(shared: Path, examples, pred: Path, work: Path) -> str:
    gold = work / "gold"
    shutil.rmtree(gold, ignore_errors=True)
    gold.mkdir()
    for e in examples:
        src = shared / "train" / "gold" / f"{e.doc.stem}.json"
        (gold / src.name).symlink_to(src.resolve())
    cmd = [sys.executable, str(shared / "eval" / "score.py"), "--gold", str(gold), "--pred", str(pred)]
    return subprocess.run(cmd, capture_output=True, text=True).stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--min-docs", type=int, default=10)
    ap.add_argument("--splits", type=int, default=3)
    ap.add_argument("--weight", type=int, default=1, help="count each corrected report's rows this many times")
    args = ap.parse_args()
    pool = shared_examples(args.shared)  # lockbox groups left out
    sizes = Counter(e.group for e in pool if e.group != "eval")
    groups = sorted(g for g, n in sizes.items() if n >= args.min_docs)
    work = Path(tempfile.mkdtemp(prefix="councilx-corr-cv-"))
    rows = build_rows(pool)
    pred_base, pred_with = work / "pred-base", work / "pred-with"
    pred_base.mkdir()
    pred_with.mkdir()
    scored_all = []
    try:
        for gi, group in enumerate(groups):
            docs = sorted((e for e in pool if e.group == group), key=lambda e: e.doc.name)
            others = [e for e in pool if e.group != group]
            base = work / f"base{gi}"
            train_all(others, base, rows=rows)
            out = work / f"out-base{gi}"
            _batch(_link_all([e.doc for e in docs], work / f"docs{gi}"), out, str(base), [])
            for f in out.glob("*.json"):
                shutil.copy(f, pred_base / f.name)
            n_corrected = []
            for k in range(args.splits):
                test = docs[k :: args.splits]
                folder = write_corrections([e for e in docs if e not in test], work / f"corr{gi}-{k}")
                corrected = correction_examples(folder)
                n_corrected.append(len(corrected))
                extra = build_rows(corrected)
                models = work / f"with{gi}-{k}"
                train_all(
                    others + corrected, models, rows=[*(r for r in rows if r.group != group), *extra * args.weight]
                )
                out = work / f"out-with{gi}-{k}"
                _batch(_link_all([e.doc for e in test], work / f"docs{gi}-{k}"), out, str(models), [])
                for f in out.glob("*.json"):
                    shutil.copy(f, pred_with / f.name)
            scored_all += docs
            print(
                f"== group {group}: {len(docs)} documents, corrected reports per split {n_corrected}, weight {args.weight}"
            )
            print("base (never saw the group):\n" + score(args.shared, docs, pred_base, work))
            print("with the group's other documents as corrections:\n" + score(args.shared, docs, pred_with, work))
        print(f"== pooled over {len(groups)} groups, {len(scored_all)} documents")
        print("base:\n" + score(args.shared, scored_all, pred_base, work))
        print("with corrections:\n" + score(args.shared, scored_all, pred_with, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
