"""Review pages and the batch overview: self-contained, escaped, every item highlighted and listed."""

import re
from pathlib import Path

from extract.text import text_to_document
from models import SourceInfo
from pipelines import Settings, document_to_report, run_batch
from pipelines.render import render_overview, render_review
from pipelines.review import review_page

HOSTILE = """Title of report: Shared Services <script>alert('pwned')</script>

Report to: Cabinet

Date: 14 March 2024

The partnership between Adur District Council and Worthing Borough Council has saved £110,000.

RECOMMENDATIONS:

a) note the savings of £110,000; and

b) approve the review in July 2025.
"""


def page_for(text: str) -> tuple[str, object]:
    doc = text_to_document(text.encode(), SourceInfo(path="r.txt", sha256="0" * 64, format="text", pages=0))
    report = document_to_report(doc, Settings(use_model=False))
    return render_review(report, doc), report


def test_document_text_is_escaped():
    html, _ = page_for(HOSTILE)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;" in html


def test_every_item_has_a_highlight_and_a_panel_link():
    html, report = page_for(HOSTILE)
    for field in ("partners", "dates", "savings", "recommendations"):
        items = getattr(report, field)
        assert items, field
        for i in range(len(items)):
            assert f'data-target="ev-{field}-{i}"' in html
            assert re.search(rf'id="ev-{field}-{i}"', html), (field, i)
        assert re.search(rf'class="f-{field}( flagged)?"', html)


def test_page_is_self_contained():
    html, _ = page_for(HOSTILE)
    assert not re.search(r'(?:src|href)="(?:https?:)?//', html)
    assert "<link" not in html


def test_review_of_a_json_output_uses_its_source(tmp_path: Path):
    src = tmp_path / "r.txt"
    src.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "out"
    run_batch(src, out, Settings(use_model=False))
    page = review_page(out / "r.json", out / "r.html")
    assert "Worthing Borough Council" in page.read_text(encoding="utf-8")


def test_overview_draws_the_network_timeline_and_tables(tmp_path: Path):
    for name, pair in (
        ("a", "Adur District Council and Worthing Borough Council"),
        ("b", "Worthing Borough Council and Arun District Council"),
    ):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"{name}.txt").write_text(
            HOSTILE.replace("Adur District Council and Worthing Borough Council", pair), encoding="utf-8"
        )
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    run_batch(tmp_path / "in", out, Settings(use_model=False))
    html = render_overview(out)
    assert '<svg id="network"' in html and html.count('class="node"') == 3
    assert '<svg id="timeline"' in html and "2025" in html
    assert "1 failed" in html
    assert html.count("<tr><td>") >= 2
