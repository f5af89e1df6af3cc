"""Recommendation proposals (``cand-...``): decision sentences and short blocks for the learned model to judge,
their features, and how overlapping proposals are resolved once scored."""

from __future__ import annotations

import json

import pytest

from pipelines.extractors.base import Candidate, Context
from pipelines.learn.feats.recommendations import features
from pipelines.learn.linear import LinearModel
from pipelines.learn.store import apply_model
from tests.conftest import doc_from, run_until

MINUTES = """Minutes of the meeting of the Parish Council held on 4 March 2024

Present: Cllr A Brown (Chair), Cllr C Dale

Apologies: Cllr E Frost

5. Village green

The bench by the pond is broken. Members voted to buy a new bench for the green. The old one will go to the tip.

6. Planning

(b) Members supported the plans for a new barn at the old mill.

8. Representatives

The following representatives were appointed:

Footpaths – Cllr Dale, who was appointed unanimously. She will report in May.

Play area – Cllr Frost

7. Correspondence

MC agreed to write to the highways team about the potholes.
"""


def proposals(text: str, markdown: bool = False) -> list[Candidate]:
    return [c for c in run_until(text, "recommendations", markdown, proposals=True)[1] if c.rule.startswith("cand-")]


def test_a_decision_sentence_inside_a_paragraph_is_proposed_alone():
    props = proposals(MINUTES)
    texts = [c.data["text"] for c in props]
    assert "Members voted to buy a new bench for the green." in texts
    assert "The bench by the pond is broken." not in texts  # no word of deciding
    assert "The old one will go to the tip." not in texts
    sentence = next(c for c in props if c.data["text"].startswith("Members voted"))
    assert sentence.rule == "cand-sentence" and "mid" in sentence.why.split()


def test_the_label_is_removed_and_one_person_undertaking_a_task_is_not_a_proposal():
    texts = [c.data["text"] for c in proposals(MINUTES)]
    assert "Members supported the plans for a new barn at the old mill." in texts
    assert not any(t.startswith("MC agreed") for t in texts)


def test_lines_after_a_decision_lead_in_are_proposed():
    items = [c for c in proposals(MINUTES) if c.rule == "cand-item"]
    assert [c.data["text"] for c in items] == [
        "Footpaths – Cllr Dale, who was appointed unanimously. She will report in May.",
        "Play area – Cllr Frost",
    ]


def test_proposals_are_dropped_without_a_model():
    ctx, cands = run_until(MINUTES, "recommendations")
    assert not any(c.rule.startswith("cand-") for c in cands)


def test_html_paragraphs_inside_markdown_are_units_and_lose_their_tags():
    text = (
        "# Panel meeting note\n\n"
        '<p style="x"><strong>Item 1: Minutes</strong></p> <p>Minutes of the last meeting were agreed.</p> '
        "<p>The panel discussed the data list at length.</p>\n"
    )
    texts = [c.data["text"] for c in proposals(text, markdown=True)]
    assert "Minutes of the last meeting were agreed." in texts
    assert not any("<" in t for t in texts)


def test_no_proposal_over_a_rule_item():
    text = "RESOLVED: That the accounts for March be approved and signed by the Chair.\n"
    ctx, cands = run_until(text, "recommendations", proposals=True)
    rules = [c for c in cands if not c.rule.startswith("cand-")]
    assert [c.data["text"] for c in rules] == ["the accounts for March be approved and signed by the Chair."]
    assert not any(c.rule.startswith("cand-") and c.start < rules[0].end and rules[0].start < c.end for c in cands)


def _feats(text: str) -> dict[str, float]:
    ctx = Context(document=doc_from(text))
    cand = Candidate("recommendations", 0, len(text.rstrip()), {"label": None, "text": text.strip()}, rule="cand-x")
    return features(ctx, cand)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("The council agreed to buy a new bench.", ["subj=body", "cue:agree", "to_verb:buy"], ["subj=person"]),
        ("MC agreed to write to the highways team.", ["subj=person"], ["subj=body"]),
        ("Minutes of the last meeting were agreed.", ["passive", "cue:agree"], []),
        ("24/01234/FUL - Approved: new garage.", ["planning_ref"], ["passive"]),
        ("ACTION: Clerk to write to the school.", ["action_label", "clerk_to"], []),
    ],
)
def test_features_read_the_form_of_a_decision(text, present, absent):
    f = _feats(text)
    assert all(f.get(k) for k in present), (present, sorted(f))
    assert not any(f.get(k) for k in absent)


def _model(weights: dict[str, float], bias: float = 0.0) -> LinearModel:
    return LinearModel(field="recommendations", weights=weights, bias=bias, drop_below=0.5, review_below=0.9)


def test_the_best_of_overlapping_proposals_is_kept_and_none_over_a_kept_rule_item():
    ctx, cands = run_until(MINUTES, "recommendations", proposals=True)
    line = "Footpaths – Cllr Dale, who was appointed unanimously. She will report in May."
    assert "Footpaths – Cllr Dale, who was appointed unanimously." in [c.data["text"] for c in cands]
    kept = apply_model(ctx, _model({"why=item": 2.0, "why=sentence": 1.0}), cands)
    texts = [c.data["text"] for c in kept]
    assert line in texts and "Footpaths – Cllr Dale, who was appointed unanimously." not in texts
    spans = sorted((c.start, c.end) for c in kept)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "kept items overlap"


def test_a_model_in_the_models_folder_keeps_decision_sentences(tmp_path, monkeypatch):
    """Through the API: a recommendations model that favours a body deciding keeps the council's decision."""
    import councilx

    model = _model({"subj=body": 3.0, "subj=person": -3.0, "proposal": -1.0, "why=sentence": 0.5})
    (tmp_path / "recommendations.json").write_text(json.dumps(model.to_dict()), encoding="utf-8")
    monkeypatch.setenv("COUNCILX_MODELS", str(tmp_path))
    src = tmp_path / "minutes.txt"
    src.write_text(MINUTES, encoding="utf-8")
    texts = [r.text for r in councilx.extract_report(src).recommendations]
    assert "Members voted to buy a new bench for the green." in texts
    assert not any(t.startswith("MC agreed") for t in texts)
