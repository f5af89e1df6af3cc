"""Learned components: models that score the extractors' candidates, trained from gold annotations.

The rules in ``pipelines/extractors`` propose candidates (their ``rule`` and confidence become
features); a per-field linear model trained from annotated reports scores each candidate, drops the
ones below the field's threshold and sets ``needs_review`` from a threshold calibrated on held-out
groups of documents. Candidates whose rule starts with ``cand-`` are proposals only: kept only where
a model for their field is loaded.

- ``linear.py``: the model (vocabulary, weights, thresholds) as plain JSON; prediction in pure Python.
- ``features.py``: what the model sees of a candidate (generic features plus ``feats/<field>.py``).
- ``labels.py``: whether a candidate matches the gold (the scorer's matching rules).
- ``store.py``: loading the shipped models and applying them inside the pipeline.
- ``dataset.py``, ``train.py``, ``cv.py``: building training rows, training, grouped cross-validation
  (these need scikit-learn, the ``train`` extra; the pipeline itself does not).
"""

from pipelines.learn.store import PROPOSAL_PREFIX, ModelSet, apply_model, load_models

__all__ = ["PROPOSAL_PREFIX", "ModelSet", "apply_model", "load_models"]
