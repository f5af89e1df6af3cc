"""Raw HTML inside Markdown is read as the Markdown it stands for (``extract/md_html.py``)."""

from extract import load_document
from extract.md_html import html_to_markdown

PAGE = """---
title: Minutes of the Riverside Forum
---

<p><strong>Present:</strong></p>
<p>Jo Bloggs, Riverside Housing Trust</p>
<p>Sam Patel &amp; Co, Ashby&nbsp;Community Transport</p>
<h2>1. Decisions</h2>
<ul><li>The Forum agreed to fund the summer fair.</li>
<li>The Forum agreed to meet in <em>March</em>.</li></ul>
<table><tr><td><p>Item</p></td><td>Cost</td></tr><tr><td>Bench</td><td>&pound;450</td></tr></table>
<!-- a comment --><script>var x = "<p>";</script>
"""


def test_tags_become_blocks_and_vanish_from_the_text(tmp_path):
    path = tmp_path / "forum.md"
    path.write_text(PAGE, encoding="utf-8")
    doc = load_document(path)
    text = doc.text
    assert "<" not in text and "&amp;" not in text and "var x" not in text
    blocks = [(b.kind, text[b.start : b.end]) for b in doc.blocks]
    assert ("heading", "1. Decisions") in blocks
    items = [t for k, t in blocks if k == "list_item"]
    assert items == ["The Forum agreed to fund the summer fair.", "The Forum agreed to meet in March."]
    assert any(t == "Sam Patel & Co, Ashby Community Transport" for _, t in blocks)
    assert "Bench" in text and "£450" in text
    row = next(t for k, t in blocks if "Bench" in t)
    assert "Item" not in row  # each table row is its own line, a cell's paragraph stays in its row


def test_markdown_with_a_stray_tag_is_left_alone():
    text = "# Notes\n\nThe value a <b> c is kept.\n\n- one\n- two\n"
    assert html_to_markdown(text) == text


def test_bold_and_breaks():
    out = html_to_markdown("<p><strong>Date:</strong> 4 May 2024<br>Venue: Hall</p><p>x</p>")
    assert "**Date:** 4 May 2024\nVenue: Hall" in out


MEETING_PAGE = """---
title: Paediatric Imaging Group
location: Online
agenda: |-
  * Protocols
  * Referrals
minutes: >-
  ### Attendance


  Ann Lee (Riverside Hospitals NHS Trust), Bo Chan


  Outcome: the group agreed to share one protocol.
summary: A short page about how the regional paediatric imaging group shares its protocols.
---
> Quoted from the group's charter.
"""


def test_prose_kept_in_front_matter_is_the_pages_text(tmp_path):
    path = tmp_path / "meeting.md"
    path.write_text(MEETING_PAGE, encoding="utf-8")
    doc = load_document(path)
    blocks = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]
    assert blocks[0] == ("paragraph", "Title: Paediatric Imaging Group")
    assert ("heading", "Minutes") in blocks and ("heading", "Attendance") in blocks
    assert ("list_item", "Protocols") in blocks
    assert any(t == "Outcome: the group agreed to share one protocol." for _, t in blocks)
    assert any(t.startswith("A short page about") for _, t in blocks)
    assert "Online" not in doc.text  # a short value is a field, not text
    assert blocks[-1] == ("paragraph", "Quoted from the group's charter.")


def test_broken_front_matter_yaml_loses_nothing_else(tmp_path):
    path = tmp_path / "broken.md"
    path.write_text("---\ntitle: Notes\nminutes: >-\n  text\n bad: [\n---\nBody text here.\n", encoding="utf-8")
    doc = load_document(path)
    assert "Body text here." in doc.text and "Title: Notes" in doc.text


def test_backslash_escapes_read_as_the_characters_they_stand_for(tmp_path):
    path = tmp_path / "escaped.md"
    path.write_text(
        "# Minutes\n\n1\\. The council \\(the Parish Council\\) agreed to pay \\*all\\* invoices\\.\n", encoding="utf-8"
    )
    doc = load_document(path)
    assert "\\" not in doc.text
    assert "The council (the Parish Council) agreed to pay" in doc.text
