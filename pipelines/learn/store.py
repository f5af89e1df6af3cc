"""Loading the shipped models and applying them to a field's candidates inside the pipeline.

Models are JSON files ``<field>.json`` in ``pipelines/learn/models/`` (shipped in the package), or in
the folder named by the environment variable ``COUNCILX_MODELS`` (used by cross-validation; the value
``none`` turns learned scoring off). Where a field has no model its rule candidates are kept as they
are and its proposals (rules named ``cand-...``) are dropped: the pipeline runs on rules alone.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipelines.extractors.base import Candidate, Context
from pipelines.learn.linear import LinearModel
from pipelines.learn.memory import MEMORY_FILE, Memory, load_memory

log = logging.getLogger(__name__)

PROPOSAL_PREFIX = "cand-"
SCORED_METADATA = frozenset({"title", "committee", "report_date", "author"})  # the metadata keys the gold holds
# fields whose proposals are rival readings of a span (a sentence, or the block that holds it): one is kept
EXCLUSIVE_FIELDS = frozenset({"recommendations"})
SHIPPED = Path(__file__).resolve().parent / "models"
MODELS_MISSING_WARNING = "no learned models found; running on rules alone (run `make train` to build them)"


@dataclass(frozen=True)
class ModelSet:
    """The loaded models by field, and where they came from."""

    models: dict[str, LinearModel] = field(default_factory=dict)
    source: str | None = None
    memory: Memory | None = None  # what corrected reports taught (``pipelines/learn/memory.py``), if any

    def get(self, name: str) -> LinearModel | None:
        return self.models.get(name)

    @property
    def tag(self) -> str | None:
        """A short name for the report's ``pipeline`` info: the training set's id, or None."""
        if not self.models:
            return None
        ids = {m.info.get("trained_on", "") for m in self.models.values()}
        tag = "learned:" + ",".join(sorted(i for i in ids if i)) if ids - {""} else "learned"
        return tag + "+memory" if self.memory else tag

    def judge(self, ctx: Context, field_: str, cands: list[Candidate]) -> list[Candidate]:
        """A field's candidates after its model and what corrections taught."""
        out = apply_model(ctx, self.get(field_), cands)
        return self.memory.apply(ctx, field_, out) if self.memory else out


def models_wanted() -> bool:
    """False where learned scoring was turned off on purpose (``COUNCILX_MODELS=none``)."""
    return os.environ.get("COUNCILX_MODELS", "").lower() != "none"


def models_dir() -> Path | None:
    env = os.environ.get("COUNCILX_MODELS")
    if env:
        return None if env.lower() == "none" else Path(env)
    return SHIPPED


@lru_cache(maxsize=8)
def _load(path: str | None) -> ModelSet:
    if path is None:
        return ModelSet()
    p = Path(path)
    models: dict[str, LinearModel] = {}
    for f in sorted(p.glob("*.json")) if p.is_dir() else []:
        if f.name == MEMORY_FILE:
            continue
        try:
            m = LinearModel.load(f)
        except (OSError, ValueError, KeyError) as e:
            log.warning("learned model %s could not be read (%s); its field runs on rules", f.name, e)
            continue
        models[m.field] = m
    memory = load_memory(p) if models else None
    return ModelSet(models=models, source=str(p), memory=memory or None)


def load_models(enabled: bool = True) -> ModelSet:
    """The models to apply (empty when disabled or none are present)."""
    if not enabled:
        return ModelSet()
    d = models_dir()
    return _load(str(d) if d else None)


def scored(c: Candidate) -> bool:
    """Whether a learned model judges this candidate: the gold holds only the four metadata keys below, and only
    dates at day or month precision (years and financial years are kept as the rules find them)."""
    if c.field == "metadata":
        return c.data.get("key") in SCORED_METADATA
    if c.field == "dates":
        return c.data.get("precision") in ("day", "month")
    return True


def apply_model(ctx: Context, model: LinearModel | None, cands: list[Candidate]) -> list[Candidate]:
    """Score a field's candidates: drop those under the model's threshold, set confidence and review.

    Without a model, proposals (``cand-`` rules) are dropped and the rules' candidates kept as they are.
    """
    if model is None:
        return [c for c in cands if not c.rule.startswith(PROPOSAL_PREFIX)]
    from pipelines.learn.features import candidate_features, note_siblings

    note_siblings(ctx, model.field, cands)
    out = []
    for c in cands:
        if not scored(c):
            out.append(c)  # the gold never holds such items: nothing was learned about them
            continue
        p = model.probability(candidate_features(ctx, c))
        if c.field == "metadata":
            floor = model.none_below.get(c.data.get("key"), 0.0)  # no answer rather than a likely wrong one
        else:
            floor = model.drop_proposals_below if c.rule.startswith(PROPOSAL_PREFIX) else model.drop_below
        if p < floor:
            continue
        c.confidence = round(p, 3)
        c.review = p < model.review_below or c.review is True  # a rule's own flag stands
        out.append(c)
    judged = [c for c in out if scored(c)]
    if judged and max(c.confidence for c in judged) < model.doc_below:
        out = [c for c in out if not scored(c)]  # the document's best is weak: it has none (see LinearModel)
    return _exclusive(out) if model.field in EXCLUSIVE_FIELDS else out


def _exclusive(cands: list[Candidate]) -> list[Candidate]:
    """Proposals that overlap are rival readings of one span: the best-scored is kept, and none that overlaps a
    kept rule candidate (the rules' own items are kept as the threshold left them)."""
    taken = [(c.start, c.end) for c in cands if not c.rule.startswith(PROPOSAL_PREFIX)]
    keep: set[int] = set()
    for c in sorted(cands, key=lambda c: -c.confidence):  # kept candidates only: tens, not thousands
        if c.rule.startswith(PROPOSAL_PREFIX) and not any(s < c.end and c.start < e for s, e in taken):
            taken.append((c.start, c.end))
            keep.add(id(c))
    return [c for c in cands if not c.rule.startswith(PROPOSAL_PREFIX) or id(c) in keep]
