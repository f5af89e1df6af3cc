"""Training the per-field models from annotated documents, with thresholds chosen on held-out groups.

    python -m pipelines.learn.train --shared ../shared          # what `make train` runs
    python -m pipelines.learn.train --docs D --gold G -o DIR    # a folder of your own

Each field's model is a logistic regression (scikit-learn, the ``train`` extra) over the candidates'
features. Its two thresholds come from out-of-fold predictions over groups of documents (a source
never trains the model that scores it): ``drop_below`` keeps about the best F1 over items,
``review_below`` is the lowest score at which the items above it are, with 95% confidence, at least
``TARGET_PRECISION`` precise. Rule candidates and proposals (``cand-`` rules) get a threshold each.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import sys
from collections import defaultdict
from pathlib import Path

from pipelines.learn.dataset import Example, Row, build_rows, read_corpus
from pipelines.learn.labels import gold_count
from pipelines.learn.linear import LinearModel
from pipelines.learn.memory import MEMORY_FILE, Memory

log = logging.getLogger(__name__)

SEED = 20261206
TARGET_PRECISION = 0.95
FIELDS = ("organisations", "partners", "workstreams", "dates", "savings", "recommendations", "metadata")
CALIBRATE_WITHOUT = {"eval"}  # thresholds are chosen on sources no rule was written for
SYNTHETIC_GROUP = "synthetic"  # the group of the reports we wrote ourselves (data/synthetic): never held out
SYNTHETIC_FIELDS = {"organisations", "partners"}  # the fields whose models learn from them
# each of their rows counts as this much of a real one: chosen by grouped CV (48 reports at full weight lowered
# partners 0.813 -> 0.800, at 0.5 raised it to 0.831, at 0.25 to 0.833; organisations 0.690 / 0.696 / 0.698)
SYNTHETIC_WEIGHT = 0.25
SYNTHETIC_ROOT = Path(__file__).resolve().parents[2] / "data" / "synthetic"  # reports we wrote: training only
MIN_COUNT = 2
MIN_UNFLAGGED = 20  # a review threshold rests on at least this many items, from at least three groups  # a feature seen in fewer training rows is left out


def fit_weights(rows: list[Row], c: float = 0.5, seed: int = SEED) -> tuple[dict[str, float], float]:
    """Logistic regression weights by feature name, and the bias."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    labels = [r.label for r in rows]
    if len(set(labels)) < 2:
        return {}, (4.0 if labels and labels[0] else -4.0)
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        for k in r.features:
            counts[k] += 1
    keep = {k for k, n in counts.items() if n >= MIN_COUNT}
    vec = DictVectorizer()
    x = vec.fit_transform([{k: v for k, v in r.features.items() if k in keep} for r in rows]).tocsr()
    x.indices = x.indices.astype("int32")  # liblinear takes 32-bit indices only
    x.indptr = x.indptr.astype("int32")
    clf = LogisticRegression(C=c, solver="liblinear", max_iter=2000, random_state=seed)
    weight = [SYNTHETIC_WEIGHT if r.group == SYNTHETIC_GROUP else 1.0 for r in rows]
    clf.fit(x, labels, sample_weight=weight if any(w != 1.0 for w in weight) else None)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 5) for n, w in zip(names, clf.coef_[0]) if abs(w) >= 1e-4}
    return weights, round(float(clf.intercept_[0]), 5)


def _folds(groups: list[str], k: int, seed: int) -> list[set[str]]:
    import random

    uniq = sorted(set(groups))
    random.Random(seed).shuffle(uniq)
    k = max(2, min(k, len(uniq)))
    return [set(uniq[i::k]) for i in range(k)]


def out_of_fold(rows: list[Row], k: int = 5, seed: int = SEED) -> list[float]:
    """Each row's probability from a model trained on the other groups. Synthetic reports are never held out:
    they train every fold's model and their own rows keep 0.5 (callers leave them out of every threshold)."""
    probs = [0.5] * len(rows)
    for held in _folds([r.group for r in rows if r.group != SYNTHETIC_GROUP], k, seed):
        train = [r for r in rows if r.group not in held]
        if not train:
            continue
        m = LinearModel(field="", weights={}, bias=0.0)
        m.weights, m.bias = fit_weights(train, seed=seed)
        for i, r in enumerate(rows):
            if r.group in held:
                probs[i] = m.probability(r.features)
    return probs


def _by_item(rows: list[Row], probs: list[float]) -> dict[tuple[str, str], tuple[float, bool, bool, str]]:
    """(score, correct, is_proposal, group) per assembled item, by (document, item): its best candidate's score."""
    by: dict[tuple[str, str], list] = {}
    for r, p in zip(rows, probs):
        cur = by.setdefault((r.doc, r.item), [0.0, False, True, r.group])
        cur[0] = max(cur[0], p)
        cur[1] = cur[1] or r.label
        cur[2] = cur[2] and r.proposal
    return {k: tuple(v) for k, v in by.items()}


def _items(rows: list[Row], probs: list[float]) -> list[tuple[float, bool, bool, str]]:
    """(score, correct, is_proposal, group) per assembled item: its best candidate's score."""
    return list(_by_item(rows, probs).values())


def _f1(tp: int, fp: int, gold_total: int) -> float:
    return 2 * tp / (2 * tp + fp + max(0, gold_total - tp)) if gold_total + tp + fp else 0.0


GRID = [i / 20 for i in range(1, 20)]  # 0.05 ... 0.95: thresholds tried whatever the scores' spread


def _cuts(scores: list[float], n: int = 40) -> list[float]:
    """Candidate thresholds: midpoints between distinct scores (at most ``n``, spread by rank), a fixed grid
    of ``GRID`` steps, 0 and above 1. Spread by rank alone, the cuts crowd where scores are dense (most
    proposals score low) and may leave none between 0.2 and 0.7, so the lowest near-best threshold jumped."""
    s = sorted(set(scores))
    mids = [(a + b) / 2 for a, b in zip(s, s[1:])]
    if len(mids) > n:
        mids = [mids[round(i * (len(mids) - 1) / (n - 1))] for i in range(n)]
    return sorted({0.0, *mids, *GRID, 1.01})


def _centred(t: float, scores: list[float]) -> float:
    """The middle of the gap between the scores that ``t`` separates: every cut in the gap keeps the same items, and
    one a grid step above the highest score dropped would keep a new source's near miss (max margin)."""
    lo = max((s for s in scores if s < t), default=None)
    hi = min((s for s in scores if s >= t), default=None)
    return t if lo is None or hi is None else (lo + hi) / 2


NONE_SLACK_DOCS = 1  # a metadata key's "none" cut may get this many documents fewer right than the best one
THRESHOLD_SLACK = 0.005  # thresholds within this much of the best out-of-fold F1 are as good: the lowest is kept


def _best_thresholds(items: list[tuple[float, bool, bool]], gold_total: int) -> tuple[float, float, float]:
    """(rule threshold, proposal threshold, F1): the lowest pair whose F1 over the items kept is within
    ``THRESHOLD_SLACK`` of the best. Out-of-fold F1 is flat near its top, and its exact peak moves with every
    retraining; the lowest near-best pair keeps what a source unlike the training ones scores a little lower."""
    rules = [(p, lab) for p, lab, prop, _ in items if not prop]
    props = [(p, lab) for p, lab, prop, _ in items if prop]
    scored = []
    for tr in _cuts([p for p, _ in rules]):
        rtp = sum(1 for p, lab in rules if p >= tr and lab)
        rfp = sum(1 for p, lab in rules if p >= tr and not lab)
        for tp_ in _cuts([p for p, _ in props]):
            ptp = sum(1 for p, lab in props if p >= tp_ and lab)
            pfp = sum(1 for p, lab in props if p >= tp_ and not lab)
            scored.append((tr, tp_, _f1(rtp + ptp, rfp + pfp, gold_total)))
    top = max(f for *_, f in scored)
    tr, tp_, f1 = min((x for x in scored if x[2] >= top - THRESHOLD_SLACK), key=lambda x: (x[1], x[0]))
    return _centred(tr, [p for p, _ in rules]), _centred(tp_, [p for p, _ in props]), f1


DOC_FLOOR_GAIN = 0.003  # a document floor is kept only where it raises the out-of-fold F1 by this much
DOC_FLOOR_SLACK = 0.005  # and it is the lowest floor within this much of the best one's F1


def _doc_floor(
    rows: list[Row], probs: list[float], t_rule: float, t_prop: float, gold_total: int, f1: float
) -> tuple[float, float]:
    """(floor, F1): the score under which a document's best kept item means it has none in the field, chosen on
    the out-of-fold scores; 0.0 (no floor) unless it raises F1 by ``DOC_FLOOR_GAIN``."""
    kept: dict[str, list[tuple[float, bool]]] = {}
    for (doc, _), (p, lab, prop, _g) in _by_item(rows, probs).items():
        if p >= (t_prop if prop else t_rule):
            kept.setdefault(doc, []).append((p, lab))
    scored = [(0.0, f1)]
    maxima = [max(p for p, _ in items) for items in kept.values()]
    for floor in _cuts(maxima)[1:-1]:
        live = [it for items in kept.values() if max(p for p, _ in items) >= floor for it in items]
        scored.append((floor, _f1(sum(lab for _, lab in live), sum(not lab for _, lab in live), gold_total)))
    top = max(f for _, f in scored)
    if top < f1 + DOC_FLOOR_GAIN:
        return (0.0, f1)
    # the lowest floor that does about as well as the best (and still gains): documents near it keep their items
    good = max(top - DOC_FLOOR_SLACK, f1 + DOC_FLOOR_GAIN)
    floor, best = min((x for x in scored if x[1] >= good and x[0] > 0), key=lambda x: x[0])
    return _centred(floor, maxima), best


def _wilson_low(hits: int, n: int, z: float = 1.645) -> float:
    """The lower end of the one-sided 95% Wilson interval of a precision of ``hits`` in ``n``: how precise the items
    can be said to be, not only how precise they were on these documents."""
    p = hits / n
    centre = p + z * z / (2 * n)
    margin = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - margin) / (1 + z * z / n)


def _review_threshold(scored: list[tuple[float, bool, str]], target: float) -> float:
    """The lowest score at which the items at or above it reach ``target`` precision: pooled, the lower end of
    its 95% interval (30 right of 30 is not yet 0.95 for sure: on sources held out, such a threshold let through
    items 0.8 precise), and on average over groups (so that one large, easy source cannot carry the others),
    resting on at least ``MIN_UNFLAGGED`` items from three groups or more; 1.01 flags everything."""
    ranked = sorted(scored, key=lambda t: -t[0])
    best = 1.01
    by_group: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    tp = n = 0
    for i, (p, lab, group) in enumerate(ranked):
        tp += lab
        n += 1
        by_group[group][0] += lab
        by_group[group][1] += 1
        if i + 1 < len(ranked) and ranked[i + 1][0] == p:
            continue
        macro = sum(c / t for c, t in by_group.values()) / len(by_group)
        if n >= MIN_UNFLAGGED and len(by_group) >= 3 and _wilson_low(tp, n) >= target and macro >= target:
            best = p
    return best


def _none_thresholds(rows: list[Row], probs: list[float], has_value: dict[tuple[str, str], bool]) -> dict[str, float]:
    """Per metadata key, the score under which no answer is likelier right than the best reading: the cut that
    gets most documents right (over documents of sources held out), counting no answer right where the gold has
    none. ``score.py`` scores only the keys the gold states, so it would reward a guess on every document; a
    guess where the report names no author ("8. Treasurer's Report") is junk a person must clear, so a right
    "none" counts as much as a right value (measured: guessing always would add 5 authors of 36 in grouped CV,
    and 57 wrong values where the gold has none)."""
    best: dict[tuple[str, str], tuple[float, bool]] = {}
    for r, p in zip(rows, probs):
        key = (r.doc, r.item.split("=", 1)[0])
        if key not in best or p > best[key][0]:
            best[key] = (p, r.label)
    out = {}
    for k in sorted({kk for _, kk in has_value}):
        chosen = [(p, lab, not has_value.get((d, kk), False)) for (d, kk), (p, lab) in best.items() if kk == k]
        if not chosen:
            continue
        right = {
            t: sum(1 for p, lab, empty in chosen if (lab if p >= t else empty)) for t in _cuts([p for p, *_ in chosen])
        }
        top = max(right.values())
        # the lowest cut that does best, or within one document of it: the peak moves with each retraining
        low = min(t for t, n in right.items() if n >= top - NONE_SLACK_DOCS)
        out[k] = round(_centred(low, [p for p, *_ in chosen]), 4)
    return out


def _metadata_choice(rows: list[Row], probs: list[float]) -> list[tuple[float, bool, str]]:
    best: dict[tuple[str, str], tuple[float, bool, str]] = {}
    for r, p in zip(rows, probs):
        key = (r.doc, r.item.split("=", 1)[0])
        if key not in best or p > best[key][0]:
            best[key] = (p, r.label, r.group)
    return list(best.values())


def train_field(
    field: str,
    rows: list[Row],
    gold_total: int,
    seed: int = SEED,
    key_totals: dict[tuple[str, str], bool] | None = None,
) -> LinearModel:
    """One field's model, its thresholds from out-of-fold scores over groups, and what they measured.

    The drop thresholds maximise F1 over all groups; the review threshold is chosen on the groups other
    than ``CALIBRATE_WITHOUT`` (the evaluation set the rules were written against, where they look better
    than they are on new sources) when there are any.
    """
    probs = out_of_fold(rows, seed=seed)
    weights, bias = fit_weights(rows, seed=seed)
    model = LinearModel(field=field, weights=weights, bias=bias)
    real = [i for i, r in enumerate(rows) if r.group != SYNTHETIC_GROUP]  # thresholds rest on real reports only
    if len(real) < len(rows):
        rows, probs = [rows[i] for i in real], [probs[i] for i in real]
    calib = [i for i, r in enumerate(rows) if r.group not in CALIBRATE_WITHOUT] or list(range(len(rows)))
    rule_items = [t for t in _items(rows, [0.0] * len(rows)) if not t[2]]
    rules_tp = sum(1 for t in rule_items if t[1])
    rules_f1 = 2 * rules_tp / (len(rule_items) + gold_total) if gold_total + len(rule_items) else 0.0
    info: dict = {"rows": len(rows), "gold_items": gold_total, "rules_f1": round(rules_f1, 4)}
    c_rows, c_probs = [rows[i] for i in calib], [probs[i] for i in calib]
    if field == "metadata":
        model.drop_below = 0.0
        if key_totals:
            model.none_below = _none_thresholds(rows, probs, key_totals)
        model.review_below = _review_threshold(_metadata_choice(c_rows, c_probs), TARGET_PRECISION)
        chosen = _metadata_choice(rows, probs)
        info["oof_accuracy"] = round(sum(lab for _, lab, _ in chosen) / max(1, len(chosen)), 4)
    else:
        t_rule, t_prop, f1 = _best_thresholds(_items(rows, probs), gold_total)
        model.drop_below, model.drop_proposals_below = t_rule, t_prop
        model.doc_below, f1 = _doc_floor(rows, probs, t_rule, t_prop, gold_total, f1)
        items = {k: v for k, v in _by_item(c_rows, c_probs).items() if v[0] >= (t_prop if v[2] else t_rule)}
        best: dict[str, float] = {}
        for (doc, _), v in items.items():
            best[doc] = max(best.get(doc, 0.0), v[0])
        # the review threshold is calibrated on the items the pipeline keeps: not those of documents under the floor
        kept = [(p, lab, g) for (doc, _), (p, lab, _, g) in items.items() if best[doc] >= model.doc_below]
        model.review_below = _review_threshold(kept, TARGET_PRECISION)
        info["oof_f1"] = round(f1, 4)
    model.info = info
    return model


def train_all(
    examples: list[Example], out: Path, seed: int = SEED, fields=FIELDS, jobs: int = 2, rows: list[Row] | None = None
) -> dict[str, LinearModel]:
    """Train every field's model from the examples and write ``<field>.json`` files into ``out``."""
    rows = rows if rows is not None else build_rows(examples, jobs=jobs)
    docs = {ex.doc.name for ex in examples}
    rows = [r for r in rows if r.doc in docs]
    real = [ex for ex in examples if ex.group != SYNTHETIC_GROUP]  # the thresholds' F1 is over real reports
    synthetic = len(examples) - len(real)
    trained_on = hashlib.sha256("\n".join(sorted(docs)).encode()).hexdigest()[:12]
    out.mkdir(parents=True, exist_ok=True)
    models = {}
    for field in fields:
        fr = [r for r in rows if r.field == field and (r.group != SYNTHETIC_GROUP or field in SYNTHETIC_FIELDS)]
        if not fr:
            continue
        total = sum(gold_count(field, ex.gold) for ex in real)
        keys = metadata_presence(real) if field == "metadata" else None
        m = train_field(field, fr, total, seed=seed, key_totals=keys)
        m.info.update({"trained_on": trained_on, "documents": len(docs), "seed": seed})
        if synthetic and field in SYNTHETIC_FIELDS:
            m.info["synthetic_documents"] = synthetic
        m.save(out / f"{field}.json")
        models[field] = m
    memory = Memory.from_examples(examples, rows)
    if memory:
        memory.save(out / MEMORY_FILE)
    else:
        (out / MEMORY_FILE).unlink(missing_ok=True)  # a memory from an earlier run must not outlive its data
    return models


def metadata_presence(examples: list[Example]) -> dict[tuple[str, str], bool]:
    """(document, key) -> whether the gold gives that scored metadata key a value."""
    from pipelines.learn.store import SCORED_METADATA

    return {(ex.doc.name, k): bool((ex.gold.get("metadata") or {}).get(k)) for ex in examples for k in SCORED_METADATA}


def shared_examples(shared: Path, synthetic: Path | None = SYNTHETIC_ROOT) -> list[Example]:
    """The annotated documents training may use: ``../shared``'s train (lockbox left out) and eval, and the
    synthetic reports of ``synthetic`` (None: without them)."""
    from pipelines.learn.cv import lockbox_groups

    train = read_corpus(shared / "train" / "docs", shared / "train" / "gold", shared / "train" / "SOURCES.tsv")
    locked = lockbox_groups(sorted({e.group for e in train}))
    evals = read_corpus(shared / "eval" / "docs", shared / "eval" / "gold", None, default_group="eval")
    return [e for e in train if e.group not in locked] + evals + synthetic_examples(synthetic)


def synthetic_examples(folder: Path | None = SYNTHETIC_ROOT) -> list[Example]:
    """The synthetic reports (``docs/``, with gold written first in ``gold/``), all in one group,
    ``SYNTHETIC_GROUP``: they train every model and fold, and no threshold or score is measured on them."""
    if folder is None or not (folder / "gold").is_dir():
        return []
    return read_corpus(folder / "docs", folder / "gold", None, default_group=SYNTHETIC_GROUP)


def add_with_option(ap: argparse.ArgumentParser, help_text: str) -> None:
    """The ``--with DIR`` option (repeatable) of the training and cross-validation commands."""
    ap.add_argument("--with", dest="with_", type=Path, action="append", default=[], metavar="DIR", help=help_text)


def with_corrections(folders: list[Path]) -> list[Example]:
    """The corrected reports of each folder (``pipelines.corrections.correction_examples``), said on stderr."""
    from pipelines.corrections import correction_examples

    out = []
    for folder in folders:
        if not folder.is_dir():
            print(f"warning: --with {folder}: no such folder", file=sys.stderr)
            continue
        found = correction_examples(folder, on_problem=lambda line: print(f"warning: {line}", file=sys.stderr))
        print(f"{folder}: {len(found)} corrected report(s) added to the training data", file=sys.stderr)
        out += found
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Train councilx's learned models from annotated documents.")
    ap.add_argument("--shared", type=Path, help="the shared folder (train/, eval/): what `make train` uses")
    ap.add_argument("--docs", type=Path, help="a folder of documents")
    ap.add_argument("--gold", type=Path, help="their gold files (<stem>.json)")
    ap.add_argument("--sources", type=Path, help="SOURCES.tsv naming each document's group")
    add_with_option(
        ap, "a folder of correction files (and their reports): corrected reports are added as annotated examples"
    )
    ap.add_argument("-o", "--out", type=Path, default=Path(__file__).resolve().parent / "models")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    if args.shared:
        if not (args.shared / "train").is_dir():
            print(f"error: {args.shared} has no train/ folder", file=sys.stderr)
            return 2
        examples = shared_examples(args.shared)
    elif args.docs and args.gold:
        examples = read_corpus(args.docs, args.gold, args.sources)
    elif not args.with_:
        print("error: give --shared DIR, or --docs and --gold, or --with DIR", file=sys.stderr)
        return 2
    else:
        examples = []
    corrected = with_corrections(args.with_)
    names = {e.doc.name for e in corrected}  # a corrected report's correction is its gold
    examples = [e for e in examples if e.doc.name not in names] + corrected
    if not examples:
        print("error: no annotated documents found", file=sys.stderr)
        return 2
    models = train_all(examples, args.out, seed=args.seed, jobs=args.jobs)
    for f, m in models.items():
        print(
            f"{f:16} {json.dumps(m.info)}  drop<{m.drop_below:.3f} review<{m.review_below:.3f}"
            + (f" document<{m.doc_below:.3f}" if m.doc_below else "")
            + (f" none<{m.none_below}" if m.none_below else "")
        )
    print(f"wrote {len(models)} models to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
