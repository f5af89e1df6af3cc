"""candidates_to_report(): merge candidates into a validated Report with evidence."""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Any

from models.document import Document
from models.evidence import Evidence
from models.report import (
    DateMention,
    Metadata,
    Organisation,
    PipelineInfo,
    Recommendation,
    Report,
    Saving,
    SourceRef,
    Workstream,
)
from pipelines.extractors.base import Candidate
from pipelines.plausible import implausible
from pipelines.report_kind import Kind, report_kind

REVIEW_BELOW = 0.5  # items under this confidence are kept but marked needs_review


def _key(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", (s or "").lower()).strip()


def _evidence(document: Document, cands: list[Candidate]) -> list[Evidence]:
    spans: dict[tuple[int, int], None] = {}  # ordered and de-duplicated in linear time
    for c in cands:
        for span in [(c.start, c.end), *c.extra_spans]:
            spans.setdefault(span)
    return [Evidence.from_document(document, s, e) for s, e in spans]


def _common(document: Document, group: list[Candidate]) -> dict[str, Any]:
    best = max(group, key=lambda c: c.confidence)
    conf = round(max(0.0, min(1.0, best.confidence)), 3)
    return {
        "evidence": _evidence(document, group),
        "method": best.method,
        "confidence": conf,
        "needs_review": best.review if best.review is not None else conf < REVIEW_BELOW,
    }


def _group(cands: list[Candidate], key) -> "OrderedDict[str, list[Candidate]]":
    groups: OrderedDict[str, list[Candidate]] = OrderedDict()
    for c in sorted(cands, key=lambda c: c.start):
        k = key(c)
        if k:
            groups.setdefault(k, []).append(c)
    return groups


def _orgs(document: Document, cands: list[Candidate]) -> list[Organisation]:
    out = []
    for group in _group(cands, lambda c: _key(c.data.get("name", ""))).values():
        best = max(group, key=lambda c: c.confidence)
        aliases: list[str] = []
        for c in group:
            for a in c.data.get("aliases", []):
                if a and a not in aliases and _key(a) != _key(best.data["name"]):
                    aliases.append(a)
        out.append(
            Organisation(
                name=best.data["name"],
                id=next((c.data["id"] for c in group if c.data.get("id")), None),
                kind=best.data.get("kind", "other"),
                aliases=aliases,
                **_common(document, group),
            )
        )
    return out


def _simple(document: Document, cands: list[Candidate], key, build) -> list[Any]:
    return [build(max(g, key=lambda c: c.confidence), _common(document, g)) for g in _group(cands, key).values()]


def _metadata(document: Document, cands: list[Candidate], kind: Kind | None = None) -> Metadata:
    chosen: dict[str, Candidate] = {}
    for c in cands:
        k = c.data.get("key")
        v = c.data.get("value")
        if (
            k in Metadata.model_fields
            and k != "evidence"
            and v
            and (k not in chosen or c.confidence > chosen[k].confidence)
        ):
            chosen[k] = c
    values = {k: c.data["value"] for k, c in chosen.items()}
    evidence = {k: Evidence.from_document(document, c.start, c.end) for k, c in chosen.items()}
    confidence = {k: round(max(0.0, min(1.0, c.confidence)), 3) for k, c in chosen.items()}
    kind = kind or report_kind(document)
    values.setdefault("kind", kind.kind)
    if kind.start is not None and "kind" not in evidence:
        evidence["kind"] = Evidence.from_document(document, kind.start, kind.end)
        total = sum(kind.scores.values())
        confidence["kind"] = round(kind.scores.get(kind.kind, 0.0) / total, 3) if total else 0.0
    review = {k: c.review if c.review is not None else c.confidence < REVIEW_BELOW for k, c in chosen.items()}
    flags = {
        k: review.get(k, c < REVIEW_BELOW) or implausible(k, str(values[k]), values) is not None
        for k, c in confidence.items()
    }
    return Metadata(**values, evidence=evidence, confidence=confidence, needs_review=flags)


def candidates_to_report(
    document: Document,
    results: dict[str, list[Candidate]],
    *,
    version: str,
    model: str | None,
    warnings: list[str] | None = None,
    learned: str | None = None,
    kind: Kind | None = None,
) -> Report:
    """Build and validate the Report; every evidence quote is checked against the text. ``kind`` is the report's
    kind where the caller has worked it out already."""
    src = document.source
    by = lambda f: results.get(f, [])  # noqa: E731
    report = Report(
        source=SourceRef(path=src.path, sha256=src.sha256, format=src.format, pages=src.pages),
        metadata=_metadata(document, by("metadata"), kind),
        partners=_orgs(document, by("partners")),
        organisations=_orgs(document, by("organisations") + by("partners")),
        workstreams=_simple(
            document,
            by("workstreams"),
            lambda c: _key(c.data.get("name", "")),
            lambda c, com: Workstream(
                name=c.data["name"], lead=c.data.get("lead"), description=c.data.get("description"), **com
            ),
        ),
        dates=_simple(
            document,
            by("dates"),
            lambda c: c.data.get("value"),
            lambda c, com: DateMention(
                value=c.data["value"],
                precision=c.data["precision"],
                text=c.data.get("text") or document.text[c.start : c.end],
                context=c.data.get("context"),
                **com,
            ),
        ),
        savings=_simple(
            document,
            by("savings"),
            lambda c: f"{c.data.get('amount')}|{_key(document.text[c.start : c.end])}",
            lambda c, com: Saving(
                amount=c.data.get("amount"),
                period=c.data.get("period"),
                kind=c.data.get("kind", "unspecified"),
                text=c.data.get("text") or document.text[c.start : c.end],
                **com,
            ),
        ),
        recommendations=_simple(
            document,
            by("recommendations"),
            lambda c: _key(c.data.get("text", "")),
            lambda c, com: Recommendation(label=c.data.get("label"), text=c.data["text"], **com),
        ),
        warnings=list(dict.fromkeys([*document.warnings, *(warnings or [])])),
        pipeline=PipelineInfo(version=version, model=model, learned=learned),
    )
    # Re-validate with the text in context: every quote must equal its slice.
    return Report.model_validate(report.model_dump(), context={"text": document.text})
