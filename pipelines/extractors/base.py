"""The extractor interface, the Candidate every extractor returns, and shared helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar, Protocol

from models.document import Block, Document

FIELDS = ("metadata", "organisations", "partners", "workstreams", "dates", "savings", "recommendations")


@dataclass
class Candidate:
    """One extracted item before assembly.

    ``start``/``end`` are offsets into ``Document.text`` (the main evidence);
    ``data`` holds the item's own fields (e.g. ``{"name": ..., "kind": ...}``);
    ``extra_spans`` adds further evidence (other mentions).
    """

    field: str
    start: int
    end: int
    data: dict[str, Any]
    confidence: float = 0.8
    extractor: str = ""
    rule: str = ""
    why: str = ""
    extra_spans: list[tuple[int, int]] = field(default_factory=list)
    review: bool | None = None  # set by a learned model; None: needs_review from the confidence

    @property
    def method(self) -> str:
        return f"{self.extractor}:{self.rule}" if self.rule else self.extractor


@dataclass
class Context:
    """What extractors read: the document, the spaCy Doc over the same text, earlier results.

    ``results`` maps an earlier extractor's field to its candidates, so partners can read
    organisations. Extractors never modify the document or the Doc.
    """

    document: Document
    nlp: Any = None
    has_model: bool = False
    results: dict[str, list[Candidate]] = field(default_factory=dict)

    @cached_property
    def entities(self) -> list[tuple[int, int, str]]:
        """spaCy named entities (start, end, label) in document offsets; empty without a model."""
        if self.nlp is None or not self.has_model:
            return []
        from pipelines.nlp import block_entities

        return block_entities(self.nlp, self.document)

    def entities_in(
        self, spans: list[tuple[int, int]], labels: frozenset[str] = frozenset({"ORG"})
    ) -> list[tuple[int, int, str]]:
        """spaCy entities inside the given spans only (NER on a few sentences, not the whole text)."""
        if self.nlp is None or not self.has_model or "ner" not in getattr(self.nlp, "pipe_names", []) or not spans:
            return []
        texts = [self.text[s:e] for s, e in spans]
        out = []
        for (s, _), doc in zip(spans, self.nlp.pipe(texts, batch_size=64)):
            out += [(s + ent.start_char, s + ent.end_char, ent.label_) for ent in doc.ents if ent.label_ in labels]
        return out

    @property
    def text(self) -> str:
        return self.document.text

    @cached_property
    def kind(self) -> Any:
        """The report's kind with the signal that decided it (``pipelines/report_kind.py``), worked out once."""
        from pipelines.report_kind import report_kind

        return report_kind(self.document)

    @property
    def report_kind(self) -> str:
        """What kind of report the document is."""
        return self.kind.kind

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence ranges: from the Doc when it has sentence boundaries, else by rule, within blocks."""
        return split_sentences(self.document)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence range containing ``offset`` (or the block, or a window)."""
        from bisect import bisect_right

        sents = self.sentences
        i = bisect_right(self._sentence_starts, offset) - 1
        if 0 <= i < len(sents) and sents[i][0] <= offset < sents[i][1]:
            return sents[i]
        return max(0, offset - 100), min(len(self.text), offset + 100)

    def section_heading(self, offset: int) -> Block | None:
        """The nearest heading block at or before ``offset``."""
        best = None
        for b in self.document.blocks:
            if b.start > offset:
                break
            if b.kind == "heading":
                best = b
        return best


_SENT_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[A-Z0-9(\"'‘“£])")
_ABBREV = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|no|nos|cllr|mr|mrs|ms|dr|st|para|paras|ref|approx|vs|cf|inc|ltd|co)|\b[A-Z])\.$", re.I
)


def split_sentences(document: Document) -> list[tuple[int, int]]:
    """Rule-based sentence ranges inside each block (never across blocks)."""
    out: list[tuple[int, int]] = []
    text = document.text
    for b in document.blocks or []:
        pos = b.start
        seg = text[b.start : b.end]
        for m in _SENT_END.finditer(seg):
            cut = b.start + m.start()
            if _ABBREV.search(text[max(pos, cut - 8) : cut]):
                continue
            out.append((pos, cut))
            pos = b.start + m.end()
        if pos < b.end:
            out.append((pos, b.end))
    if not document.blocks and text:
        out.append((0, len(text)))
    return out


def settled(cands: list[Candidate]) -> list[Candidate]:
    """An earlier field's candidates without the proposals (``cand-`` rules) no learned model has scored yet.

    In the pipeline a model has already kept or dropped each proposal; while training rows are built nothing has,
    and a later field must not read the unjudged ones (it would learn from names that are mostly not bodies).
    """
    return [c for c in cands if c.review is not None or not c.rule.startswith("cand-")]


class Extractor(Protocol):
    """One field's extractor: ``find`` reads the context and returns candidates."""

    name: ClassVar[str]
    field: ClassVar[str]

    def find(self, ctx: Context) -> list[Candidate]:  # pragma: no cover - protocol
        ...


def cue_score(
    text: str, start: int, end: int, cues: tuple[str, ...], base: float, boost: float = 0.35, window: int = 120
) -> float:
    """Raise ``base`` by ``boost`` when a cue word occurs within ``window`` chars before or after the span."""
    lo, hi = max(0, start - window), min(len(text), end + window)
    near = text[lo:hi].lower()
    if any(c in near for c in cues):
        return min(1.0, base + boost)
    return base
