"""HTML page to Document (first cut: main content text, no scripts/styles/navigation)."""
from __future__ import annotations

from extract.builder import DocumentBuilder
from extract.text import decode_bytes, lines_to_builder
from models.document import Document, SourceInfo
from models.errors import EmptyDocument


def html_to_document(data: bytes, source: SourceInfo) -> Document:
    from bs4 import BeautifulSoup

    text, _ = decode_bytes(data)
    soup = BeautifulSoup(text, "lxml")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "form", "template", "svg"]):
        tag.decompose()
    main = soup.find("main") or soup.find(id="content") or soup.body or soup
    lines = main.get_text("\n").split("\n")
    builder = DocumentBuilder()
    builder.new_page()
    lines_to_builder(lines, builder, markdown=False)
    if not builder.length:
        raise EmptyDocument("the HTML page holds no text")
    return builder.build(source)
