"""HTML page (such as a modern.gov decision page) to Document: the main content only.

Scripts, styles, navigation, headers, footers, forms and menus are dropped; the council whose site it is, named in
the page's <title>, is kept as a first line ("Website: Babergh District Council"). The page is turned
into Markdown-like lines (headings, list items, table rows, paragraphs) and grouped by the same
code as text files, so every format shares one block model.
"""

from __future__ import annotations

import re

from extract.builder import DocumentBuilder
from extract.layout import attach_layout
from extract.text import decode_bytes, lines_to_builder
from models.document import Document, SourceInfo
from models.errors import EmptyDocument

DROP = [
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "form",
    "template",
    "svg",
    "aside",
    "iframe",
    "button",
    "select",
    "input",
    "head",
    "object",
    "embed",
]
NOISE = re.compile(
    r"\b(?:breadcrumb|menu|navbar|nav-|sidebar|cookie|skip-?link|site-?header|site-?footer|"
    r"share|social|banner)\b",
    re.I,
)
BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "br",
    "hr",
    "td",
    "th",
    # containers whose children are blocks: a table's head, body and foot hold its rows
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "figure",
    "figcaption",
    "details",
    "summary",
    "address",
    "fieldset",
    "center",
}


LABEL_CELL = re.compile(r"\(?(?:\d{1,3}(?:\.\d{1,2})*|[a-z]|[ivx]{1,4})[.)]?")
LAYOUT_TAGS = ["p", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "div", "br"]


def _is_layout_cell(cell) -> bool:
    """True when a table cell holds several blocks (paragraphs, lists), not one value."""
    return len(cell.find_all(LAYOUT_TAGS, limit=3)) >= 3


def _main(soup):
    for selector in ("main", "#modgov", "#content", "#main-content", "article", "[role=main]", ".content"):
        node = soup.select_one(selector)
        if node is not None and node.get_text(strip=True):
            return node
    return soup.body or soup


def _lines(node) -> list[str]:
    """Markdown-like lines for a node tree: '## heading', '- item', '| a | b |', paragraphs."""
    from bs4 import NavigableString, Tag

    out: list[str] = []

    def inline(el) -> str:
        return " ".join(el.get_text(" ", strip=True).split())

    def walk(el) -> None:
        for child in el.children:
            if isinstance(child, NavigableString):
                text = " ".join(str(child).split())
                if text:
                    out.append(text)
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if re.fullmatch(r"h[1-6]", name):
                out.extend(["", "#" * int(name[1]) + " " + inline(child), ""])
            elif name == "li":
                out.append("- " + inline(child))
            elif name == "tr":
                cell_tags = child.find_all(["td", "th"], recursive=False)
                if any(_is_layout_cell(c) for c in cell_tags):
                    layout_row(cell_tags)
                    continue
                cells = [inline(c) for c in cell_tags]
                if any(cells):
                    out.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
            elif name in ("p", "dt", "dd", "blockquote"):
                text = inline(child)
                if text:
                    out.extend(["", text, ""])
            elif name in ("br", "hr"):
                out.append("")
            elif name in BLOCK_TAGS:
                out.append("")
                walk(child)
                out.append("")
            else:
                text = inline(child)
                if text:
                    out.append(text)

    def layout_row(cells) -> None:
        # A row used for layout (a modern.gov agenda item: number cell, then a cell of
        # paragraphs and lists) becomes blocks; its number labels the first line, a heading.
        label = inline(cells[0]) if len(cells) > 1 and LABEL_CELL.fullmatch(inline(cells[0])) else ""
        start = len(out)
        for cell in cells[1:] if label else cells:
            out.append("")
            walk(cell)
            out.append("")
        if label:
            for i in range(start, len(out)):
                if out[i]:
                    first = out[i].lstrip("#").strip()
                    out[i] = f"### {label} {first}" if len(first) <= 150 else f"{label} {first}"
                    break

    walk(node)
    # join inline fragments that were split by tags into one line per block
    joined: list[str] = []
    for line in out:
        if (
            line
            and joined
            and joined[-1]
            and not joined[-1].startswith(("#", "- ", "|"))
            and not line.startswith(("#", "- ", "|"))
        ):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def html_to_document(data: bytes, source: SourceInfo) -> Document:
    """Turn HTML bytes into a Document of the page's main content.

    Raises:
        EmptyDocument: the page has no text in its main content.
    """
    from bs4 import BeautifulSoup

    text, warning = decode_bytes(data)
    soup = BeautifulSoup(text, "lxml")
    page_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    meeting, site = meeting_title(page_title), site_council(page_title)
    for tag in soup(DROP):
        tag.decompose()
    for tag in soup.find_all(attrs={"class": NOISE}) + soup.find_all(attrs={"id": NOISE}):
        if tag.decomposed:
            continue
        tag.decompose()
    builder = DocumentBuilder()
    if warning:
        builder.warnings.append(warning)
    builder.new_page()
    lines = _lines(_main(soup))
    if site:  # the council whose site it is, named only in the page's title and its (dropped) header and footer
        lines = [f"{SITE_LABEL}: {site}", "", *lines]
    if meeting:  # the page's own title line naming the meeting, which the page's body may not repeat
        lines = [f"Title: {meeting}", "", *lines]
    lines_to_builder(lines, builder, markdown=True)
    if not builder.length:
        raise EmptyDocument("the HTML page holds no text")
    return attach_layout(builder.build(source), [lines], [[(heading_size(x), None) for x in lines]])


# A meeting page's <title>: "Agenda for Cabinet on Monday, 26th January, 2026, 4.00 p.m. - Wandsworth Borough Council"
MEETING_TITLE = re.compile(
    r"^(?:Agenda|(?:Draft\s+)?Minutes|Decisions?)(?:\s+and\s+(?:draft\s+)?(?:minutes|decisions))?\s+(?:for|of)\s+\S",
    re.I,
)
SITE_SUFFIX = re.compile(r"\s+[-–|]\s+[^-–|]*$")


def meeting_title(title: str) -> str | None:
    """The title line of a meeting's web page (agenda, minutes or decisions for a named meeting), without the
    site's name after its last dash or bar; None for any other page title."""
    title = " ".join(title.split())
    if not MEETING_TITLE.match(title):
        return None
    cut = SITE_SUFFIX.sub("", title)
    return cut if len(cut.split()) >= 3 else title


SITE_LABEL = "Website"  # the label of that line: the site's owner, not the body the page is about
# "... - Wandsworth Borough Council", "... | Babergh District Council": the site's name, a council's or authority's
SITE_COUNCIL = re.compile(r"\s[-–|]\s+((?:[A-Z][\w’'&.-]*\s+){0,6}(?:Council|Authority))\s*$")


def site_council(title: str) -> str | None:
    """The council (or authority) a page's <title> names as the site after its last dash or bar, else None."""
    m = SITE_COUNCIL.search(" ".join(title.split()))
    return m.group(1) if m else None


# What a browser's default style sheet makes of h1..h6, in points.
HEADING_SIZES = {1: 24.0, 2: 18.0, 3: 14.0, 4: 12.0, 5: 10.0, 6: 8.0}


def heading_size(line: str) -> float | None:
    """The default font size of a Markdown-like heading line ("## Title" is an h2), else None."""
    m = re.match(r"(#{1,6})\s", line)
    return HEADING_SIZES[len(m.group(1))] if m else None
