"""Detect a file's format from its content first and its extension second."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

from models.errors import EmptyDocument, UnsupportedFormat

TEXT_EXTS = {".txt", ".text", ".md", ".markdown", ".htm", ".html", ".xhtml"}
BINARY_EXTS = {".pdf", ".docx"}
ALL_EXTS = TEXT_EXTS | BINARY_EXTS
SUPPORTED = ".pdf .docx .html .htm .txt .md"
# Binary formats recognised by their first bytes, to name them in the error.
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


def _looks_like_html(head: str) -> bool:
    h = head.lstrip("\ufeff \t\r\n").lower()[:2000]
    return (
        h.startswith(("<!doctype html", "<html", "<?xml"))
        and "<html" in h
        or ("<html" in h or "<body" in h or "<head" in h)
        and h.startswith("<")
    )


_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$", re.M)
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_MD_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?:[A-Za-z_][\w -]*:.*\n)+(?:---|\.\.\.)[ \t]*$", re.M)


def looks_like_markdown(text: str) -> bool:
    """Markdown by its content, whatever the name (standard input, a .txt file): a pipe table's rule
    line (``|---|---|``), YAML front matter, or two ATX headings (``# Title``)."""
    return bool(_MD_TABLE_RULE.search(text) or _MD_FRONT_MATTER.match(text) or len(_MD_HEADING.findall(text)) >= 2)


def _looks_binary(head: bytes) -> bool:
    """True when the bytes are not text. NUL bytes are not counted, wherever they are (padding of a
    fixed-size record, a preallocated file, a run left in the middle by a bad copy): the text reader
    removes them and says how many in a warning. The other bytes must read as text."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    sample = head.replace(b"\x00", b"")[:4096]
    if not sample:
        return True  # nothing but NULs
    nontext = sum(1 for b in sample if b < 9 or (13 < b < 32 and b != 27))
    return nontext / len(sample) > 0.03


def detect_format(head: bytes, filename: str | Path = "") -> str:
    """Return 'pdf', 'docx', 'html', 'markdown' or 'text' for the file's leading bytes.

    The content decides first: PDF and Word by their signatures (whatever the name), HTML by its
    tags, Markdown by its tables, headings or front matter (``looks_like_markdown``). Other text is
    read only under a text name (.txt, .md, ...) or none (standard input, a file without an
    extension): a .csv, .json or .xml file is data, not a report, and is refused.

    Raises:
        EmptyDocument: the file has no bytes.
        UnsupportedFormat: the bytes, or the name of a text file, are not a format the tool reads.
    """
    ext = Path(filename).suffix.lower()
    if not head.strip():
        raise EmptyDocument("the file is empty")
    if head[:1024].lstrip().startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFormat("legacy Word .doc/OLE files are not supported; save as .docx")
    if head.startswith((b"{\\rtf",)):
        raise UnsupportedFormat("RTF files are not supported")
    if _looks_binary(head):
        kind = {".pdf": "PDF", ".docx": "Word document"}.get(ext)
        named = next((what for magic, what in _MAGIC if head.startswith(magic)), None)
        if kind:
            raise UnsupportedFormat(f"not a valid {kind}: the content is {named or 'unrecognised binary data'}")
        if named:
            raise UnsupportedFormat(f"the content is {named}, not a report the tool reads ({SUPPORTED})")
        raise UnsupportedFormat("the content is binary data in no format the tool reads")
    text = head[:4096].decode("utf-8", errors="ignore")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head[:4096].decode("utf-16", errors="ignore")
    if ext in {".htm", ".html", ".xhtml"} or _looks_like_html(text):
        return "html"
    if ext in BINARY_EXTS:  # text under a binary name: a PDF whose header was damaged, say
        kind, mark = {".pdf": ("PDF", "%PDF- header"), ".docx": ("Word document", "zip signature")}[ext]
        raise UnsupportedFormat(f"not a valid {kind}: the content is text with no {mark} (damaged, or not a {kind})")
    if any(c.isalpha() for c in ext) and ext not in TEXT_EXTS:  # "minutes 12.03.2024" has no extension
        raise UnsupportedFormat(f"{ext} files are not reports the tool reads ({SUPPORTED})")
    if ext in {".md", ".markdown"} or looks_like_markdown(text):
        return "markdown"
    return "text"


def is_zip_docx(data: bytes) -> bool:
    """True when the zip holds a Word document body."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError):
        return False
