"""Training rows: every candidate the extractors propose for a document, its features and its label.

A corpus is a folder of documents beside a folder of gold files (``<stem>.json``), with an optional
``SOURCES.tsv`` naming each document's ``group`` (its source; cross-validation holds out whole groups).
"""

from __future__ import annotations

import csv
import json
import logging
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from pipelines.learn.features import candidate_features, item_text
from pipelines.learn.labels import label, norm

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Example:
    """One annotated document."""

    doc: Path
    gold: dict
    group: str


@dataclass
class Row:
    """One candidate of one document: its field, features, label and the item it would become."""

    doc: str
    group: str
    field: str
    features: dict[str, float]
    label: bool
    item: str  # the assembled item's key within the document (candidates of one item share it)
    proposal: bool  # proposed by a ``cand-`` rule (kept only where a model accepts it)


def read_corpus(docs: Path, gold: Path, sources: Path | None = None, default_group: str | None = None) -> list[Example]:
    """The documents of ``docs`` that have a gold file in ``gold``, with their groups."""
    groups: dict[str, str] = {}
    if sources and sources.exists():
        with sources.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                groups[row["local_name"]] = row["group"]
    out = []
    for g in sorted(gold.glob("*.json")):
        data = json.loads(g.read_text(encoding="utf-8"))
        name = Path(data.get("doc") or g.stem).name
        path = docs / name
        if not path.exists():
            matches = sorted(docs.glob(g.stem + ".*"))
            if not matches:
                log.warning("no document for gold file %s", g.name)
                continue
            path = matches[0]
        out.append(Example(doc=path, gold=data, group=groups.get(path.name, default_group or path.stem)))
    return out


def _item_key(cand, text: str) -> str:
    if cand.field == "metadata":
        return f"{cand.data.get('key')}={norm(str(cand.data.get('value') or ''))}"
    if cand.field == "savings":
        return f"{cand.data.get('amount')}|{norm(text[cand.start : cand.end])}"
    return norm(item_text_for_key(cand))


def item_text_for_key(cand) -> str:
    d = cand.data
    return str(d.get("name") or d.get("value") or d.get("text") or "")


def candidates_of(path: Path) -> tuple[object, list]:
    """Run every extractor on a document with no learned scoring; return (context, all candidates)."""
    from extract import load_document
    from pipelines.extractors import Context, get_extractors
    from pipelines.learn.store import PROPOSAL_PREFIX  # noqa: F401 - proposals are kept here on purpose
    from pipelines.nlp import build_nlp

    document = load_document(path)
    nlp, model = build_nlp(True)
    ctx = Context(document=document, nlp=nlp, has_model=model is not None)
    for extractor in get_extractors():
        try:
            ctx.results[extractor.field] = extractor.find(ctx)
        except Exception:  # noqa: BLE001 - a training run skips a field that fails, as the pipeline does
            log.exception("extractor %s failed on %s", extractor.name, path)
            ctx.results[extractor.field] = []
    cands = [c for cs in ctx.results.values() for c in cs]
    return ctx, cands


def rows_of(example: Example) -> list[Row]:
    """The training rows of one annotated document."""
    from pipelines.learn.store import PROPOSAL_PREFIX, scored

    try:
        ctx, cands = candidates_of(example.doc)
    except Exception as e:  # noqa: BLE001 - an unreadable training document is skipped, with its reason
        log.warning("skipping %s: %s", example.doc.name, e)
        return []
    from pipelines.learn.features import note_siblings

    for field in {c.field for c in cands}:
        note_siblings(ctx, field, [c for c in cands if c.field == field])
    rows = []
    for c in cands:
        if not scored(c):
            continue
        lab = label(c, example.gold, ctx.text)
        if lab is None:
            continue
        rows.append(
            Row(
                doc=example.doc.name,
                group=example.group,
                field=c.field,
                features=candidate_features(ctx, c),
                label=bool(lab),
                item=_item_key(c, ctx.text),
                proposal=c.rule.startswith(PROPOSAL_PREFIX),
            )
        )
    return rows


def build_rows(examples: list[Example], jobs: int = 2) -> list[Row]:
    """Rows of every example, in the examples' order (``jobs`` worker processes)."""
    if jobs <= 1 or len(examples) < 4:
        return [r for ex in examples for r in rows_of(ex)]
    with get_context("spawn").Pool(jobs) as pool:
        parts = pool.map(rows_of, examples, chunksize=2)
    return [r for part in parts for r in part]


__all__ = ["Example", "Row", "read_corpus", "build_rows", "rows_of", "item_text"]
