"""The authoring council from the front sheet, running headers and gov.uk domains."""

from __future__ import annotations

from extract import load_document
from pipelines.extractors.council import council_of, register_council
from tests.conftest import doc_from
from tests.extract.makers import make_pdf


def test_register_names_and_common_words_before_them():
    assert register_council("Report to Wychavon District Council") == ("Wychavon District Council", 10)
    assert register_council("Wessex Vale and West Somerset Council") is None
    assert register_council("Borsetshire Council") is None


def test_letterhead_beats_a_council_named_later_on_the_front_sheet():
    doc = doc_from("Wychavon District Council\n\nJoint Working with Worcester City Council\n\n1. Purpose\n\n1.1 Text.")
    ((name, start, end, conf, rule),) = council_of(doc)
    assert name == "Wychavon District Council" and doc.text[start:end] == "Wychavon District Council"
    assert rule == "front-sheet-council" and conf >= 0.9


def test_running_header_names_the_council(tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(
        make_pdf(
            [
                ["Leisure Contract", "1. The contract with Wychavon District Council ends in May."],
                ["2. A new contract will be let."],
            ],
            header="Wychavon District Council",
        )
    )
    found = council_of(load_document(str(path)))
    assert [f[0] for f in found] == ["Wychavon District Council"]


def test_no_council_from_an_unknown_domain_or_plain_text():
    assert council_of(doc_from("Leisure Contract\n\nContact: a.b@borsetshire.gov.uk\n\n1. Purpose\n\n1.1 Text.")) == []


def test_gov_uk_domain_labels_name_one_council_each():
    from pipelines.extractors.council import domain_labels

    labels = domain_labels()
    assert labels["denbighshire"] == ("Denbighshire County Council", "exact")
    assert labels["ned"] == ("North East Derbyshire District Council", "derived")  # the place's initials
    assert labels["blaenau"][0] == "Blaenau Gwent County Borough Council"  # the place's first word
    assert labels["greatermanchesterca"][0] == "Greater Manchester Combined Authority"  # the place and its kind
    assert "london" not in labels  # the Greater London Authority's, not the City of London's
    assert "north" not in labels and "kingston" not in labels  # the first word of several councils' places


def test_addresses_on_a_council_domain_are_read_in_the_whole_text():
    from pipelines.extractors.council import domain_councils

    text = "Contact: Jo Bloggs, jo.bloggs@neddc.gov.uk or see https://www.ned.gov.uk/leisure and www.gov.uk/guidance"
    assert [f[0] for f in domain_councils(text)] == ["North East Derbyshire District Council"] * 2
