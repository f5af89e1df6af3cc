"""Recommendations: blocks with lead-ins, labels kept apart, sub-headings skipped, repeats counted once."""
from tests.conftest import run_until

LABELLED = """RECOMMENDATIONS

Cabinet is recommended to:

a) note the savings of £1.2m achieved since 2019/20;

b) approve the extension of the agreement for five years; and

c) delegate authority to the Director of Finance to agree the terms.

1. Background

1.1 The partnership began in 2019.
"""


def recs(text: str, markdown: bool = False):
    return [(c.data["label"], c.data["text"]) for c in run_until(text, "recommendations", markdown)[1]]


def test_labelled_items_after_a_lead_in():
    assert recs(LABELLED) == [
        ("a)", "note the savings of £1.2m achieved since 2019/20"),
        ("b)", "approve the extension of the agreement for five years"),
        ("c)", "delegate authority to the Director of Finance to agree the terms."),
    ]


def test_single_recommending_sentence_is_one_item():
    text = ("RECOMMENDATION:\n\nThe Committee is recommended to note the activities of the partnership.\n\n"
            "1. Background\n\n1.1 The Committee is recommended to note the activities of the partnership again.")
    assert recs(text) == [(None, "The Committee is recommended to note the activities of the partnership.")]


def test_resolved_minutes():
    text = ("RESOLVED -\n\n(a) That the joint service be established from 1 July 2019.\n\n"
            "(b) That the Director be authorised to agree the collaboration agreement.\n\n13. Any other business")
    assert [label for label, _ in recs(text)] == ["(a)", "(b)"]


def test_numbered_sub_headings_are_not_items():
    text = ("Decision taken\n\nThe Committee:\n\n1. Residents Parking\n\na. Approved the new permit tariffs.\n\n"
            "b. Approved the visitor permit charge.\n\n2. Agreed the timetable for the review.\n\n(e) Exempt information?")
    texts = [t for _, t in recs(text)]
    assert "Residents Parking" not in texts
    assert texts == ["Approved the new permit tariffs.", "Approved the visitor permit charge.",
                     "Agreed the timetable for the review."]


def test_next_numbered_section_ends_the_block():
    text = ("4.00 RECOMMENDATIONS\n\n4.01 That Cabinet approves the expansion of the programme.\n\n"
            "5.00 FINANCIAL IMPLICATIONS\n\n5.01 There are no financial implications for the council.")
    assert recs(text) == [("4.01", "That Cabinet approves the expansion of the programme.")]


def test_body_sentences_repeating_a_formal_block_are_dropped():
    text = ("Recommendations:\n\nCabinet is asked to approve the shared service.\n\n2. Conclusion\n\n"
            "2.1 Members are therefore recommended to endorse the continuation of the arrangement.")
    assert len(recs(text)) == 1


def test_a_note_on_which_recommendations_passed_is_not_one():
    text = ("Decision taken\n\nThe Committee:\n\n1. Approved the new permit charges.\n\n"
            "2. Agreed to consult on the parking strategy.\n\n- Recommendations 4c and 5 were not approved.\n")
    assert [t for _, t in recs(text, markdown=True)] == ["Approved the new permit charges.",
                                                         "Agreed to consult on the parking strategy."]
