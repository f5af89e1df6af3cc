"""Corrections that last: a person's decisions on a report's items, kept as data and applied downstream.

A corrections folder (default ``data/corrections/``) holds ``<report stem>.json`` files
(``models.correction.Correction``: the gold format plus the decisions and the report's ``sha256``).
``apply_correction(report, correction)`` gives the corrected ``Report``: a fixed item replaces the
extracted one, a rejected item is gone, an added item appears with ``method "corrected"``,
``confidence 1.0`` and ``needs_review false``. A bad file (unparseable, another version of the report,
naming items that do not exist) is one line in the returned messages and never stops the caller.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from models.correction import METADATA_KEYS, Correction, Decision
from models.errors import CouncilxError
from models.evidence import Evidence
from models.report import DateMention, Organisation, Recommendation, Report, Saving, Workstream

DEFAULT_FOLDER = Path("data/corrections")
CORRECTED = "corrected"
LIST_FIELDS = ("partners", "organisations", "workstreams", "dates", "savings", "recommendations")
ITEM_MODELS = {
    "partners": Organisation,
    "organisations": Organisation,
    "workstreams": Workstream,
    "dates": DateMention,
    "savings": Saving,
    "recommendations": Recommendation,
}
# What a fix or an added item may set, per field.
EDITABLE = {
    "partners": ("name", "kind"),
    "organisations": ("name", "kind"),
    "workstreams": ("name", "lead"),
    "dates": ("value", "context"),
    "savings": ("amount", "kind", "period"),
    "recommendations": ("text", "label"),
}


class CorrectionError(CouncilxError):
    """A correction file that cannot be used (one line says why)."""


def item_key(field: str, item: Any) -> str:
    """The stable key of an extracted item within its field: its value and where it was found."""
    ev = item.evidence[0]
    value = {
        "partners": lambda: item.name,
        "organisations": lambda: item.name,
        "workstreams": lambda: item.name,
        "dates": lambda: item.value,
        "savings": lambda: "" if item.amount is None else f"{item.amount:g}",
        "recommendations": lambda: item.text[:40],
    }[field]()
    return f"{value}@{ev.start}"


def correction_path(folder: Path, stem: str) -> Path:
    return folder / f"{stem}.json"


def load_correction(path: Path) -> Correction:
    """Read and validate one correction file; ``CorrectionError`` with one line when it cannot be used."""
    try:
        return Correction.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except OSError as e:
        raise CorrectionError(f"correction {path}: cannot be read ({e.strerror or e})") from None
    except json.JSONDecodeError as e:
        raise CorrectionError(f"correction {path}: not JSON (line {e.lineno}: {e.msg})") from None
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "file"
        raise CorrectionError(f"correction {path}: not a correction file ({where}: {first['msg']})") from None


def _fixed(field: str, item: Any, value: dict[str, Any]) -> Any:
    bad = sorted(set(value) - set(EDITABLE[field]))
    if bad:
        raise ValueError(f"{field} items cannot set {', '.join(bad)}")
    data = item.model_dump()
    data.update(value)
    if field == "dates" and "value" in value:
        data["precision"] = _precision(str(value["value"]))
    data.update(method=CORRECTED, confidence=1.0, needs_review=False)
    return ITEM_MODELS[field].model_validate(data)


def _precision(value: str) -> str:
    if "/" in value:
        return "financial_year"
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "day")


def added_item(decision: Decision) -> Any:
    """The item an ``add`` decision makes: its values, its evidence, method ``corrected``."""
    field, span, value = decision.field, decision.evidence, dict(decision.value)
    if span is None:
        raise ValueError("an added item needs its evidence span")
    bad = sorted(set(value) - set(EDITABLE[field]))
    if bad:
        raise ValueError(f"{field} items cannot set {', '.join(bad)}")
    quote = span.quote
    ev = Evidence(page=span.page, start=span.start, end=span.end, quote=quote)
    data: dict[str, Any] = {"evidence": [ev], "method": CORRECTED, "confidence": 1.0, "needs_review": False}
    if field in ("partners", "organisations", "workstreams"):
        data["name"] = value.pop("name", None) or quote.strip()
    elif field == "recommendations":
        data["text"] = value.pop("text", None) or quote.strip()
    elif field == "savings":
        from pipelines.normalise import parse_amount

        data["text"] = quote
        data["amount"] = value.pop("amount") if "amount" in value else parse_amount(quote)
    elif field == "dates":
        if not value.get("value"):
            raise ValueError("an added date needs its value (YYYY-MM-DD or YYYY-MM)")
        data.update(text=quote, precision=_precision(str(value["value"])))
    data.update(value)
    return ITEM_MODELS[field].model_validate(data)


def _apply_metadata(report: Report, decisions: list[Decision]) -> dict[str, Any]:
    m = report.metadata.model_dump()
    for d in decisions:
        key = d.item or ""
        if d.action == "right":
            m["needs_review"][key] = False
        elif d.action == "reject":
            m[key] = None
            for part in ("evidence", "confidence", "needs_review"):
                m[part].pop(key, None)
        elif d.action in ("fix", "add"):
            m[key] = d.value.get(key)
            m["confidence"][key] = 1.0
            m["needs_review"][key] = False
            if d.evidence is not None:
                m["evidence"][key] = d.evidence.model_dump()
    return m


def unknown_items(report: Report, correction: Correction) -> list[str]:
    """The decisions' item names that the report does not have (``field:key``)."""
    keys = {f: {item_key(f, x) for x in getattr(report, f)} for f in LIST_FIELDS}
    out = []
    for d in correction.decisions:
        if d.action == "add":
            continue
        if d.field == "metadata":
            if d.item not in METADATA_KEYS:
                out.append(f"metadata:{d.item}")
        elif d.item not in keys[d.field]:
            out.append(f"{d.field}:{d.item}")
    return out


def apply_correction(report: Report, correction: Correction) -> tuple[Report, list[str]]:
    """The corrected report and the one-line problems met (a stale correction is not applied at all)."""
    if correction.sha256 != report.source.sha256:
        return report, [f"correction for {correction.doc} is stale: it is for another version of the file; not applied"]
    problems = []
    missing = unknown_items(report, correction)
    if missing:
        problems.append(f"correction for {correction.doc} names items the report does not have: {', '.join(missing)}")
    by_key = {(d.field, d.item): d for d in correction.decisions if d.action != "add"}
    update: dict[str, Any] = {}
    meta = [d for d in correction.decisions if d.field == "metadata" and d.item in METADATA_KEYS]
    if meta:
        update["metadata"] = _apply_metadata(report, meta)
    for field in LIST_FIELDS:
        items = []
        for item in getattr(report, field):
            d = by_key.get((field, item_key(field, item)))
            try:
                if d is None:
                    items.append(item)
                elif d.action == "right":
                    items.append(item.model_copy(update={"needs_review": False}))
                elif d.action == "fix":
                    items.append(_fixed(field, item, d.value))
            except (ValueError, ValidationError) as e:
                problems.append(f"correction for {correction.doc}: {field} {d.item}: {_one_line(e)}")
                items.append(item)
        for d in correction.decisions:
            if d.field == field and d.action == "add":
                try:
                    items.append(added_item(d))
                except (ValueError, ValidationError) as e:
                    problems.append(f"correction for {correction.doc}: added {field} item: {_one_line(e)}")
        update[field] = items
    try:
        corrected = Report.model_validate({**report.model_dump(), **_dumped(update)})
    except ValidationError as e:
        return report, [*problems, f"correction for {correction.doc}: not applied ({_one_line(e)})"]
    return corrected, problems


def _dumped(update: dict[str, Any]) -> dict[str, Any]:
    return {k: (v if isinstance(v, dict) else [x.model_dump() for x in v]) for k, v in update.items()}


def _one_line(e: Exception) -> str:
    if isinstance(e, ValidationError):
        first = e.errors()[0]
        return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
    return str(e).splitlines()[0]


def correct_reports(
    reports: Iterable[tuple[str, Report]], folder: Path | None
) -> tuple[list[tuple[str, Report]], list[str]]:
    """Apply the folder's correction files to (stem, report) pairs; (corrected pairs, one line per problem).

    A stem with no file is left as it is; a bad file is one line and its report is left as extracted.
    """
    reports = list(reports)
    if folder is None:
        return reports, []
    if not folder.is_dir():
        return reports, [f"corrections folder {folder} does not exist; nothing applied"]
    out, problems = [], []
    for stem, report in reports:
        path = correction_path(folder, stem)
        if not path.exists():
            out.append((stem, report))
            continue
        try:
            report, found = apply_correction(report, load_correction(path))
        except CorrectionError as e:
            found = [str(e)]
        problems += found
        out.append((stem, report))
    return out, problems


def to_gold(report: Report) -> dict[str, Any]:
    """The report in the gold format of the guidelines (what ``score.py`` reads)."""
    m = report.metadata
    return {
        "metadata": {k: getattr(m, k) for k in ("title", "committee", "report_date", "author")},
        "partners": list(dict.fromkeys(p.name for p in report.partners)),
        "organisations": list(dict.fromkeys(o.name for o in report.organisations)),
        "workstreams": [{"name": w.name, "lead": w.lead} for w in report.workstreams],
        "dates": list(dict.fromkeys(d.value for d in report.dates if d.precision in ("day", "month"))),
        "savings": [{"amount": s.amount, "quote": s.text} for s in report.savings],
        "recommendations": list(dict.fromkeys(r.text for r in report.recommendations)),
    }


def with_decision(correction: Correction | None, report: Report, decision: Decision) -> Correction:
    """The correction with ``decision`` recorded (replacing an earlier one on the same item) and its gold
    part recomputed from the report as corrected. A decision the report cannot take raises ``CorrectionError``."""
    if correction is None or correction.sha256 != report.source.sha256:
        correction = Correction(doc=Path(report.source.path).name, path=report.source.path, sha256=report.source.sha256)
    kept = [d for d in correction.decisions if d.identity() != decision.identity()]
    draft = correction.model_copy(update={"decisions": [*kept, decision]})
    corrected, problems = apply_correction(report, draft)
    if problems:
        raise CorrectionError(problems[-1])
    return draft.model_copy(update=to_gold(corrected))


_LOCK = threading.Lock()


@contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """This process's lock, and an advisory lock on the folder itself (``flock`` on its descriptor, where the
    system has it) that other processes writing corrections there (a second ``review --serve``) wait for."""
    with _LOCK:
        try:
            import fcntl
        except ImportError:  # no flock here: threads of one server are still serialised
            yield
            return
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the lock


def record_decision(folder: Path, stem: str, report: Report, decision: Decision) -> Correction:
    """Record one decision in ``folder/<stem>.json`` under a lock, as a patch to what the file holds now,
    written atomically: two browser tabs, or two servers on one folder, never lose each other's changes."""
    from pipelines.output import write_text_atomic

    path = correction_path(folder, stem)
    with _folder_lock(folder):
        current = load_correction(path) if path.exists() else None  # a damaged file is refused, never replaced
        if current is not None and current.sha256 != report.source.sha256:
            raise CorrectionError(
                f"correction {path} is stale: it is for another version of the report; move it away to start anew"
            )
        updated = with_decision(current, report, decision)
        write_text_atomic(path, updated.model_dump_json(indent=2, exclude_none=False) + "\n")
    return updated


def correction_examples(folder: Path, docs: Path | None = None, on_problem=None) -> list:
    """The corrected reports of a folder as training examples (``pipelines.learn.dataset.Example``): each
    correction file is its report's gold. The report is looked for in ``docs``, then beside the correction
    files, then at the path the batch recorded; it must be the version the correction is for (its sha256).
    A correction without its report, or a bad file, is one line to ``on_problem`` and left out."""
    import hashlib

    from pipelines.learn.dataset import Example

    out = []
    for path in sorted(folder.glob("*.json")):
        try:
            c = load_correction(path)
        except CorrectionError as e:
            _tell(on_problem, str(e))
            continue
        places = [p for p in ((docs / c.doc) if docs else None, folder / c.doc, Path(c.path) if c.path else None) if p]
        found = [p for p in places if p.is_file()]
        match = next((p for p in found if hashlib.sha256(p.read_bytes()).hexdigest() == c.sha256), None)
        if match is None:
            why = "is another version of the file" if found else "is not there"
            _tell(on_problem, f"correction {path}: its report {c.doc} {why}; left out of training")
            continue
        gold = {"doc": c.doc, **c.model_dump(include=set(LIST_FIELDS) | {"metadata"})}
        out.append(Example(doc=match, gold=gold, group=f"corrected:{path.stem}"))
    return out


def _tell(on_problem, line: str) -> None:
    if on_problem:
        on_problem(line)
