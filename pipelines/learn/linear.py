"""A logistic model over named sparse features, stored as JSON and applied in pure Python."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

Features = dict[str, float]


@dataclass
class LinearModel:
    """``p = sigmoid(bias + sum(weights[f] * v))`` with two thresholds calibrated on held-out groups.

    ``drop_below``: candidates under it are left out. ``review_below``: items under it are kept but
    marked ``needs_review`` (chosen so that items at or above it were at least ``target_precision``
    precise on documents of sources the model never saw). ``doc_below``: a document whose best item scores
    under it keeps none.
    """

    field: str
    weights: dict[str, float]
    bias: float = 0.0
    drop_below: float = 0.5
    review_below: float = 0.9
    drop_proposals_below: float = 0.5  # the threshold for proposals (``cand-`` rules); ``drop_below`` is the rules'
    # a document whose best item scores under this has none in the field (0: no floor): a field a document either
    # has or not (its list of workstreams), where a few weak items are the noise of a document without one
    doc_below: float = 0.0
    # metadata: per key, the score under which the best reading is no answer at all (the key stays empty)
    none_below: dict[str, float] = field(default_factory=dict)
    info: dict = field(default_factory=dict)

    def probability(self, feats: Features) -> float:
        z = self.bias
        w = self.weights
        for name, value in feats.items():
            wt = w.get(name)
            if wt is not None:
                z += wt * value
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        ez = math.exp(z)
        return ez / (1.0 + ez)

    def to_dict(self) -> dict:
        return {
            "field": self.field,
            "bias": self.bias,
            "drop_below": self.drop_below,
            "review_below": self.review_below,
            "drop_proposals_below": self.drop_proposals_below,
            "doc_below": self.doc_below,
            "none_below": dict(sorted(self.none_below.items())),
            "info": self.info,
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "LinearModel":
        return cls(
            field=d["field"],
            weights={str(k): float(v) for k, v in d["weights"].items()},
            bias=float(d.get("bias", 0.0)),
            drop_below=float(d.get("drop_below", 0.5)),
            review_below=float(d.get("review_below", 0.9)),
            drop_proposals_below=float(d.get("drop_proposals_below", d.get("drop_below", 0.5))),
            doc_below=float(d.get("doc_below", 0.0)),
            none_below={str(k): float(v) for k, v in (d.get("none_below") or {}).items()},
            info=dict(d.get("info") or {}),
        )

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.to_dict(), indent=0, sort_keys=False) + "\n", encoding="utf-8")
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> "LinearModel":
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))
