"""Grouped cross-validation: train on some sources, run the CLI on the others, score with score.py.

    python -m pipelines.learn.cv --shared ../shared            # what `make cv` runs
    python -m pipelines.learn.cv --shared ../shared --lockbox  # the lockbox, once, at the end

The documents of ``shared/train`` are split by their ``group`` (source). For each fold, the models are
trained on the other groups (plus ``shared/eval``, which is never scored here), the CLI's ``batch`` runs
on the held-out documents with those models, and ``score.py`` scores the pooled predictions: the table
per field and the precision of the unflagged items. A lockbox of groups, drawn by a fixed seed, is left
out of everything until ``--lockbox``.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LOCKBOX_SEED = 20261206
LOCKBOX_FRACTION = 0.2
FOLDS = 5
ROOT = Path(__file__).resolve().parents[2]


def lockbox_groups(groups: list[str], seed: int = LOCKBOX_SEED, fraction: float = LOCKBOX_FRACTION) -> set[str]:
    """The groups kept back for one final measurement: a seeded draw of about ``fraction`` of them."""
    uniq = sorted(set(groups))
    return set(random.Random(seed).sample(uniq, round(len(uniq) * fraction)))


def _link_all(paths: list[Path], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for p in paths:
        (folder / p.name).symlink_to(p.resolve())
    return folder


def _batch(docs: Path, out: Path, models: str, extra: list[str]) -> None:
    env = dict(os.environ, COUNCILX_MODELS=models)
    cmd = [sys.executable, str(ROOT / "cli.py"), "batch", str(docs), "-o", str(out), "-j", "2", "--force", *extra]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if r.returncode not in (0, 1):
        raise RuntimeError(f"batch failed ({r.returncode}): {r.stderr[-2000:]}")


def _score(shared: Path, gold: Path, pred: Path, verbose: bool) -> str:
    cmd = [
        sys.executable,
        str(shared / "eval" / "score.py"),
        "--gold",
        str(gold),
        "--pred",
        str(pred),
        "--review-split",
    ]
    if verbose:
        cmd.append("-v")
    return subprocess.run(cmd, capture_output=True, text=True).stdout


def run(
    shared: Path,
    lockbox: bool = False,
    folds: int = FOLDS,
    rules_too: bool = True,
    verbose: bool = False,
    jobs: int = 2,
    corrected: list | None = None,
    keep: Path | None = None,
    synthetic: Path | None = None,
) -> str:
    """Cross-validate (or score the lockbox) and return the report as text.

    ``corrected`` (examples from ``pipelines.corrections.correction_examples``) are added to every fold's
    training, except a corrected report that is a held-out document; the report then also shows the
    scores with them, beside the scores without. ``keep`` is a folder to copy the held-out predictions into
    (``pred/``, and ``pred-with/`` with corrections) and each fold's models (``models<i>/``, with the groups they
    never saw) for a closer look. ``synthetic`` is a folder of synthetic reports (``docs/``, ``gold/``) added to
    every fold's training and never scored."""
    from pipelines.learn.dataset import build_rows, read_corpus
    from pipelines.learn.train import SEED, _folds, synthetic_examples, train_all

    train = read_corpus(shared / "train" / "docs", shared / "train" / "gold", shared / "train" / "SOURCES.tsv")
    evals = read_corpus(shared / "eval" / "docs", shared / "eval" / "gold", None, default_group="eval")
    locked = lockbox_groups(sorted({e.group for e in train}))
    scored = [e for e in train if (e.group in locked) == lockbox]
    pool = [e for e in train if e.group not in locked] + evals + synthetic_examples(synthetic)
    rows = build_rows(pool + ([e for e in scored if e not in pool]), jobs=jobs)
    work = Path(tempfile.mkdtemp(prefix="councilx-cv-"))
    try:
        gold = work / "gold"
        gold.mkdir()
        for e in scored:
            src = shared / "train" / "gold" / (e.doc.stem + ".json")
            (gold / src.name).symlink_to(src.resolve())
        pred = work / "pred"
        pred.mkdir()
        if lockbox:
            plan = [(set(), pool)]
        else:
            groups = sorted({e.group for e in scored})
            plan = [(held, [e for e in pool if e.group not in held]) for held in _folds(groups, folds, SEED)]
        corrected = corrected or []
        extra = build_rows(corrected, jobs=jobs) if corrected else []
        pred_with = work / "pred-with"
        pred_with.mkdir()
        lines = []
        for i, (held, training) in enumerate(plan):
            test = [e for e in scored if (e.group in held) or lockbox]
            if not test:
                continue
            models = work / f"models{i}"
            train_all(training, models, rows=rows)
            out = work / f"out{i}"
            docs = _link_all([e.doc for e in test], work / f"docs{i}")
            _batch(docs, out, str(models), [])
            for f in out.glob("*.json"):
                if f.name != "manifest.json":
                    shutil.copy(f, pred / f.name)
            lines.append(f"fold {i}: held out {len(test)} documents of {len(held) or 'the lockbox'} groups")
            if corrected:
                usable = usable_corrections(corrected, test)
                names = {c.doc.name for c in usable}  # a corrected report's correction is its gold
                base = [e for e in training if e.doc.name not in names]
                kept = [r for r in rows if r.doc not in names]
                train_all(base + usable, work / f"models-with{i}", rows=[*kept, *extra])
                _batch(docs, work / f"out-with{i}", str(work / f"models-with{i}"), [])
                for f in (work / f"out-with{i}").glob("*.json"):
                    shutil.copy(f, pred_with / f.name)
                lines.append(f"  with {len(usable)} corrected reports (of {len(corrected)}; held-out ones left out)")
        if keep is not None:
            for sub in ("pred", "pred-with"):
                if any((work / sub).iterdir()):
                    shutil.copytree(work / sub, keep / sub, dirs_exist_ok=True)
            for i, (held, _) in enumerate(plan):  # each fold's models, and which groups they never saw
                if (work / f"models{i}").is_dir():
                    shutil.copytree(work / f"models{i}", keep / f"models{i}", dirs_exist_ok=True)
                    (keep / f"models{i}" / "held-out-groups.txt").write_text("\n".join(sorted(held)) + "\n")
        text = "\n".join(lines) + "\n\nlearned models, documents of groups they never saw:\n"
        text += _score(shared, gold, pred, verbose)
        if corrected:
            text += "\nthe same, trained with the corrected reports too:\n" + _score(shared, gold, pred_with, verbose)
        if rules_too:
            rules = work / "rules"
            _batch(_link_all([e.doc for e in scored], work / "docs-all"), rules, "none", [])
            text += "\nrules alone, the same documents:\n" + _score(shared, gold, rules, False)
        return text
    finally:
        shutil.rmtree(work, ignore_errors=True)


def usable_corrections(corrected: list, test: list) -> list:
    """The corrected reports that are none of the held-out documents (compared by content, not name)."""
    import hashlib

    def digest(p: Path) -> str:
        return hashlib.sha256(p.read_bytes()).hexdigest()

    held = {digest(e.doc) for e in test}
    return [c for c in corrected if digest(c.doc) not in held]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Grouped cross-validation of councilx's learned models.")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--lockbox", action="store_true", help="score the lockbox groups once (trained on all others)")
    ap.add_argument("--folds", type=int, default=FOLDS)
    ap.add_argument("--no-rules", action="store_true", help="skip the rules-alone comparison")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and extras per document")
    from pipelines.learn.train import add_with_option

    add_with_option(ap, "also train with the corrected reports of DIR and show what they changed")
    ap.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="keep the held-out predictions in DIR/pred, each fold's models in DIR/models<i>",
    )
    ap.add_argument(
        "--no-synthetic",
        action="store_true",
        help="train without the synthetic reports of data/synthetic (to see what they change)",
    )
    args = ap.parse_args(argv)
    if not (args.shared / "train" / "gold").is_dir():
        print(f"error: {args.shared}/train/gold not found; cross-validation needs the shared data", file=sys.stderr)
        return 2
    from pipelines.learn.train import SYNTHETIC_ROOT, with_corrections

    corrected = with_corrections(args.with_)
    print(
        run(
            args.shared,
            lockbox=args.lockbox,
            folds=args.folds,
            rules_too=not args.no_rules,
            verbose=args.verbose,
            corrected=corrected,
            keep=args.keep,
            synthetic=None if args.no_synthetic else SYNTHETIC_ROOT,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
