"""What corrected reports teach directly: confirmed names found again, rejected ones dropped (``memory.py``)."""

from __future__ import annotations

import json
from pathlib import Path

from extract import load_document
from pipelines.extractors.base import Candidate, Context
from pipelines.learn.dataset import Example, Row
from pipelines.learn.labels import norm
from pipelines.learn.memory import MEMORY_FILE, Memory, find_whole
from tests.test_cli import run

ROOT = Path(__file__).resolve().parents[1]

NEW_MINUTES = (
    "Wolvey Green Village Forum\n\n"
    "Minutes of the meeting held on 4 March 2024. Present: the chair and five members.\n\n"
    "The forum heard from the Brinklow Allotment Society about the spring show, and from the "
    "Ashby Parva Scout Group. The Orchard Trust and the Kettle Lane Players sent their apologies.\n\n"
    "Signed: Priya Marsh, Clerk to the Forum\n"
)


def _corrected(tmp_path: Path, i: int, gold: dict) -> Example:
    doc = tmp_path / f"c{i}.txt"
    doc.write_text("anything", encoding="utf-8")
    return Example(doc=doc, gold=gold, group=f"corrected:c{i}")


def _memory(tmp_path: Path) -> Memory:
    meta = {"committee": "Wolvey Green Village Forum", "author": "Priya Marsh, Clerk to the Forum"}
    examples = [
        _corrected(
            tmp_path, 0, {"metadata": meta, "organisations": ["Brinklow Allotment Society", "Kettle Lane Players"]}
        ),
        _corrected(tmp_path, 1, {"metadata": meta, "organisations": ["Brinklow Allotment Society", "Orchard Trust"]}),
        Example(doc=tmp_path / "shared.txt", gold={"organisations": ["Ashby Parva Scout Group"]}, group="g"),
    ]
    rows = [Row("c0.txt", "corrected:c0", "organisations", {}, False, norm("the Forum"), False)]
    return Memory.from_examples(examples, rows)


def test_memory_holds_only_what_corrected_reports_say(tmp_path):
    memory = _memory(tmp_path)
    assert memory.confirmed["organisations"] == {
        "Brinklow Allotment Society": 2,
        "Kettle Lane Players": 1,
        "Orchard Trust": 1,
    }
    assert memory.confirmed["committee"] == {"Wolvey Green Village Forum": 2}
    assert memory.rejected == {"organisations": [norm("the Forum")]}
    memory.save(tmp_path / MEMORY_FILE)
    assert Memory.load(tmp_path / MEMORY_FILE) == memory


def test_confirmed_names_are_found_again_and_rejected_ones_dropped(tmp_path):
    memory = _memory(tmp_path)
    path = tmp_path / "new.txt"
    path.write_text(NEW_MINUTES, encoding="utf-8")
    ctx = Context(document=load_document(path))
    wrong = Candidate("organisations", 0, 10, {"name": "the Forum", "kind": "other", "aliases": []})
    orgs = memory.apply(ctx, "organisations", [wrong])
    got = {c.data["name"]: c for c in orgs}
    assert set(got) == {
        "Brinklow Allotment Society",
        "Kettle Lane Players",
        "Orchard Trust",
    }  # never the shared data's names
    society = got["Brinklow Allotment Society"]
    assert ctx.text[society.start : society.end] == "Brinklow Allotment Society"
    assert society.method == "memory:confirmed-2" and society.review is False
    assert got["Orchard Trust"].review is True  # confirmed once: kept for review
    meta = {c.data["key"]: c.data["value"] for c in memory.apply(ctx, "metadata", [])}
    assert meta == {"committee": "Wolvey Green Village Forum", "author": "Priya Marsh, Clerk to the Forum"}


def test_names_match_whole_words_only():
    assert find_whole("the Orchard Trustees met", "Orchard Trust") is None
    assert find_whole("(Orchard Trust)", "Orchard Trust") == (1, 14)
    assert find_whole("x" * 50 + " Orchard Trust", "Orchard Trust", limit=40) is None


def test_the_cli_uses_a_memory_beside_the_models(tmp_path, monkeypatch):
    models = tmp_path / "models"
    models.mkdir()
    for f in (ROOT / "pipelines" / "learn" / "models").glob("*.json"):
        (models / f.name).write_bytes(f.read_bytes())
    _memory(tmp_path).save(models / MEMORY_FILE)
    path = tmp_path / "new.txt"
    path.write_text(NEW_MINUTES, encoding="utf-8")
    monkeypatch.setenv("COUNCILX_MODELS", str(models))
    out = run("extract", str(path), "--no-model")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    orgs = {o["name"]: o for o in report["organisations"]}
    assert orgs["Kettle Lane Players"]["method"] == "memory:confirmed-1"  # no rule knows a troupe's name
    assert orgs["Kettle Lane Players"]["needs_review"] is True
    assert report["metadata"]["committee"] == "Wolvey Green Village Forum"
    assert report["pipeline"]["learned"].endswith("+memory")
