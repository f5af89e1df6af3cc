"""Training from corrections: a corrected report is an annotated example whose gold is its correction file."""

import json
import shutil

import pytest

from models.correction import Decision
from pipelines import Settings, extract_report
from pipelines.corrections import correction_examples, item_key, record_decision, to_gold
from tests.test_cli import run
from tests.test_corrections import REPORT

pytest.importorskip("sklearn")


def _corrected_folder(tmp_path, n=3):
    """n reports beside their correction files; in each, the Local Government Association is rejected."""
    folder = tmp_path / "mine"
    folder.mkdir()
    for i in range(n):
        path = folder / f"r{i}.md"
        path.write_text(REPORT.replace("Waste", f"Waste {i}"), encoding="utf-8")
        report = extract_report(path, Settings(use_model=False))
        for field in ("organisations", "partners"):  # rejected wherever it was found
            for o in getattr(report, field):
                if o.name == "Local Government Association":
                    decision = Decision(field=field, action="reject", item=item_key(field, o))
                    record_decision(folder, f"r{i}", report, decision)
    return folder


def test_corrections_are_examples_with_their_gold(tmp_path):
    folder = _corrected_folder(tmp_path, 2)
    (folder / "r1.md").write_text("changed since", encoding="utf-8")  # another version: left out
    shutil.copy(folder / "r0.json", folder / "lost.json")
    data = json.loads((folder / "lost.json").read_text())
    (folder / "lost.json").write_text(json.dumps({**data, "doc": "gone.md", "path": None}))
    problems: list[str] = []
    examples = correction_examples(folder, on_problem=problems.append)
    assert [e.doc.name for e in examples] == ["r0.md"]
    assert "Local Government Association" not in examples[0].gold["organisations"]
    assert "Adur District Council" in examples[0].gold["organisations"]
    assert len(problems) == 2 and all("left out of training" in p for p in problems)
    assert any("another version" in p for p in problems) and any("is not there" in p for p in problems)


def test_a_rejected_item_trains_as_a_negative(tmp_path):
    from pipelines.learn.dataset import Example, rows_of

    folder = _corrected_folder(tmp_path, 1)
    corrected = correction_examples(folder)[0]
    plain = Example(
        doc=corrected.doc, gold=to_gold(extract_report(corrected.doc, Settings(use_model=False))), group="g"
    )

    def lga_labels(example):
        return {r.label for r in rows_of(example) if r.field == "organisations" and "local government" in r.item}

    assert lga_labels(plain) == {True}
    assert lga_labels(corrected) == {False}


def test_councilx_train_with_a_folder(tmp_path):
    folder = _corrected_folder(tmp_path, 3)
    out = tmp_path / "models"
    r = run("train", "--with", str(folder), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "3 corrected report(s) added to the training data" in r.stderr
    model = json.loads((out / "organisations.json").read_text())
    assert model["info"]["documents"] == 3
    r = run("train", "--with", str(tmp_path / "nothing"), "-o", str(out))
    assert r.returncode == 2 and "no such folder" in r.stderr


def test_cross_validation_never_trains_on_a_held_out_document_given_as_a_correction(tmp_path):
    from pipelines.learn.cv import usable_corrections
    from pipelines.learn.dataset import Example

    (tmp_path / "a.md").write_text("one", encoding="utf-8")
    (tmp_path / "b.md").write_text("two", encoding="utf-8")
    (tmp_path / "c.md").write_text("one", encoding="utf-8")  # the held-out document under another name
    corrected = [Example(doc=tmp_path / n, gold={}, group="x") for n in ("b.md", "c.md")]
    test = [Example(doc=tmp_path / "a.md", gold={}, group="g")]
    assert [e.doc.name for e in usable_corrections(corrected, test)] == ["b.md"]
