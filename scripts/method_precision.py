"""How precise each extraction method is on a gold set: the evidence for confidence and needs_review.

    python scripts/method_precision.py --gold ../shared/eval/gold --pred OUT [--json]

For every field the scorer matches item by item (partners, organisations, workstreams, savings,
recommendations), it counts per ``method`` how many items matched a gold item and how many were
flagged ``needs_review``. It uses the scorer's own matching (``score.py`` beside the gold folder),
so the counts are the ones ``score.py --review-split`` adds up.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path


def load_scorer(gold: Path):
    path = gold.parent / "score.py"
    spec = importlib.util.spec_from_file_location("councilx_eval_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"error: no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def specs(sc, gold: dict, pred: dict):
    def items(key, text):
        out, seen = [], set()
        for it in pred.get(key) or []:
            if isinstance(it, dict) and (t := text(it)) and sc.norm(t) not in seen:
                seen.add(sc.norm(t))
                out.append(it)
        return out

    yield (
        "partners",
        sc.dedupe(gold.get("partners", [])),
        items("partners", lambda i: i.get("name")),
        lambda g, p: sc.same_org(g, p.get("name") or ""),
    )
    yield (
        "organisations",
        sc.dedupe(gold.get("organisations", []) + gold.get("partners", [])),
        items("organisations", lambda i: i.get("name")),
        lambda g, p: sc.same_org(g, p.get("name") or ""),
    )
    yield (
        "workstreams",
        [w for w in gold.get("workstreams", []) if isinstance(w, dict)],
        items("workstreams", lambda i: i.get("name")),
        lambda g, p: sc.same_workstream(g["name"], p.get("name") or ""),
    )
    yield (
        "savings",
        [s for s in gold.get("savings", []) if isinstance(s, dict)],
        items("savings", lambda i: sc.quote_of(i) or str(i.get("amount"))),
        sc.saving_sim,
    )
    yield (
        "recommendations",
        sc.dedupe(gold.get("recommendations", [])),
        items("recommendations", sc.text_of),
        lambda g, p: sc.same_recommendation(g, sc.text_of(p)),
    )


def tally(gold_dir: Path, pred_dir: Path) -> dict:
    sc = load_scorer(gold_dir)
    counts: dict = defaultdict(lambda: defaultdict(lambda: {"correct": 0, "total": 0, "flagged": 0, "docs": set()}))
    for gf in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        pf = pred_dir / f"{Path(gold.get('doc', gf.name)).stem}.json"
        if not pf.exists():
            continue
        pred = json.loads(pf.read_text(encoding="utf-8"))
        for field, g, p, sim in specs(sc, gold, pred):
            _, pairs, _, _ = sc.match(g, p, sim)
            hit = {id(x) for _, x in pairs}
            for it in p:
                row = counts[field][it.get("method") or "?"]
                row["total"] += 1
                row["correct"] += id(it) in hit
                row["flagged"] += bool(it.get("needs_review"))
                row["docs"].add(gf.stem)
    return {f: {m: {**r, "docs": len(r["docs"])} for m, r in rows.items()} for f, rows in counts.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--pred", type=Path, required=True)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    table = tally(args.gold, args.pred)
    if args.json:
        print(json.dumps(table, indent=1, sort_keys=True))
        return 0
    for field, rows in table.items():
        print(f"== {field}")
        for method, r in sorted(rows.items(), key=lambda kv: -kv[1]["total"]):
            print(
                f"  {r['correct']:>4}/{r['total']:<4} {r['correct'] / r['total']:.2f}  flagged {r['flagged']:>3}"
                f"  docs {r['docs']:>2}  {method}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
