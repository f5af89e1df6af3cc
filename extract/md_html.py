"""Raw HTML inside Markdown, read as the Markdown it stands for.

Markdown allows raw HTML, and pages exported from a web CMS into a static site (Jekyll, Hugo, GitHub Pages)
often keep their whole body as HTML: ``<p>``, ``<ul><li>``, ``<table>``, ``<strong>``, ``&nbsp;``. Left as it
is, the tags become words of the document, run list items together and end up in the quoted evidence. Here
block tags become the line breaks, list bullets, headings and table rows they mean, ``<strong>``/``<b>``
becomes ``**``, every other tag goes, and character references are decoded; Markdown around the HTML is left
as it is. A text with fewer than ``MIN_TAGS`` HTML tags is returned unchanged (``a <b> c`` in prose is not
HTML).
"""

from __future__ import annotations

import html
import re

MIN_TAGS = 3
_NAMES = (
    r"p|div|br|hr|li|ul|ol|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|caption|h[1-6]|span|strong|b|em|i|u|a|"
    r"font|section|article|header|footer|nav|aside|main|blockquote|pre|code|sup|sub|img|figure|figcaption|center"
)
_ANY_TAG = re.compile(rf"</?(?:{_NAMES})\b[^<>]*>", re.I)
_DROP_BLOCKS = re.compile(r"<(script|style|noscript|template)\b[^<>]*>.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_HEADING_OPEN = re.compile(r"<h([1-6])\b[^<>]*>", re.I)
_HEADING_CLOSE = re.compile(r"</h[1-6]\s*>", re.I)
_BREAK = re.compile(r"<br\b[^<>]*>", re.I)
_ITEM = re.compile(r"<li\b[^<>]*>", re.I)
_ROW = re.compile(r"<tr\b[^<>]*>", re.I)
_ROW_END = re.compile(r"</tr\s*>", re.I)
_WHOLE_ROW = re.compile(r"<tr\b.*?</tr\s*>", re.I | re.S)
_CELL = re.compile(r"<t[dh]\b[^<>]*>", re.I)
_CELL_END = re.compile(r"</t[dh]\s*>", re.I)
_BOLD = re.compile(r"</?(?:strong|b)\b[^<>]*>", re.I)
_BLOCK = re.compile(
    r"</?(?:p|div|ul|ol|dl|dt|dd|li|table|thead|tbody|tfoot|caption|section|article|header|footer|nav|aside|main|"
    r"blockquote|pre|figure|figcaption|center|hr)\b[^<>]*>",
    re.I,
)
_OTHER = re.compile(r"<[A-Za-z/!][^<>]*>")
_EMPTY_BOLD = re.compile(r"\*\*(\s*)\*\*")
_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_TRAILING = re.compile(r"[ \t]+\n")


def has_html(text: str) -> bool:
    """Whether the text holds raw HTML worth reading as such (``MIN_TAGS`` tags or more)."""
    count = 0
    for _ in _ANY_TAG.finditer(text):
        count += 1
        if count >= MIN_TAGS:
            return True
    return False


def html_to_markdown(text: str) -> str:
    """The text with its raw HTML turned into Markdown lines (unchanged when it holds no HTML)."""
    if not has_html(text):
        return text
    t = _DROP_BLOCKS.sub(" ", text)
    t = _WHOLE_ROW.sub(_flat_row, t)
    t = _HEADING_OPEN.sub(lambda m: "\n\n" + "#" * int(m.group(1)) + " ", t)
    t = _HEADING_CLOSE.sub("\n\n", t)
    t = _BREAK.sub("\n", t)
    t = _ITEM.sub("\n\n- ", t)
    t = _ROW.sub("\n| ", t)
    t = _CELL_END.sub(" |", t)
    t = _CELL.sub(" ", t)
    t = _ROW_END.sub("\n", t)
    t = _BOLD.sub("**", t)
    t = _BLOCK.sub("\n\n", t)
    t = _OTHER.sub("", t)
    t = html.unescape(t).replace("\u00a0", " ")
    t = _EMPTY_BOLD.sub(r"\1", t)
    lines = [_tidy_row(line) for line in t.split("\n")]
    t = _TRAILING.sub("\n", "\n".join(lines))
    return _BLANKS.sub("\n\n", t)


def _flat_row(m: re.Match[str]) -> str:
    """A table row on one line: paragraphs, breaks and headings inside its cells become spaces."""
    row = _BREAK.sub(" ", m.group(0))
    row = _HEADING_OPEN.sub(" ", _HEADING_CLOSE.sub(" ", row))
    return " ".join(_BLOCK.sub(" ", row).split())


def _tidy_row(line: str) -> str:
    """A table row built above ("| a | b |"), with runs of white space inside cells made one space; other lines
    lose the indentation HTML source gives them (four spaces would read as code)."""
    s = line.strip()
    if s.startswith("|") and s.endswith("|") and s.count("|") >= 2:
        cells = [" ".join(c.split()) for c in s.strip("|").split("|")]
        cells = [c for c in cells if c] if len(cells) > 1 else cells
        return "| " + " | ".join(cells) + " |" if len(cells) >= 2 else (cells[0] if cells else "")
    return s if s.startswith(("- ", "#")) else line.lstrip()
