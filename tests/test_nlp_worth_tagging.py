"""Which blocks the NER stage skips (pipelines.nlp.worth_tagging) and that skipping keeps the entities we use."""

import pytest

from pipelines.nlp import EXCLUDE, worth_tagging


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bristol City Council agreed the plan.", True),
        ("The Council agreed the plan.", True),
        ("This report is noted.", False),
        ("the savings are set out below", False),
        ("in 2024 the plan was agreed", True),
        ("savings of £240,000", True),
        ("12,345 13,456 (1,111) 4%", False),
        ("Waste 12,345 13,456 14,000", False),
        ("Shared Waste Service 12,345", True),
        ("", False),
        ("— • —", False),
    ],
    ids=[
        "org",
        "capitalised-noun",
        "function-words-only",
        "lowercase",
        "year",
        "money",
        "figures",
        "figure-row",
        "named-row",
        "empty",
        "no-letters",
    ],
)
def test_worth_tagging(text: str, expected: bool):
    assert worth_tagging(text) is expected


def test_ner_runs_without_the_shared_tok2vec():
    """en_core_web_sm's ner embeds tokens itself; the shared tok2vec only feeds tagger/parser."""
    assert "tok2vec" in EXCLUDE and "ner" not in EXCLUDE


def test_block_entities_finds_organisations_in_prose_and_skips_tables(tmp_path):
    from extract import load_document
    from pipelines.nlp import block_entities, build_nlp

    nlp, model = build_nlp(True)
    if model is None:
        pytest.skip("spaCy model not installed")
    text = (
        "1.1 Worcester City Council and Wychavon District Council have run a shared service since 2019.\n\n"
        "Waste 12,345 13,456 14,000 15,000\n"
    )
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    document = load_document(tmp_path / "t.txt")
    ents = block_entities(nlp, document)
    names = {document.text[s:e] for s, e, label in ents if label == "ORG"}
    assert "Worcester City Council" in names
    table_start = document.text.index("Waste 12,345")
    assert all(s < table_start for s, _, _ in ents)
