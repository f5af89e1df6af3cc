"""Build a folder of broken and hostile inputs (made at test time; nothing large is committed)."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from tests.extract.makers import make_docx, make_image_pdf, make_pdf

GOOD_TEXT = (
    "Report to: Cabinet\n\nDate: 14 March 2024\n\nTitle of report: Shared Waste Service\n\n"
    "Worcester City Council and Wychavon District Council will save £100,000 a year.\n"
)


def _docx_with_xml(document_xml: bytes) -> bytes:
    """A .docx whose word/document.xml is replaced."""
    src = zipfile.ZipFile(io.BytesIO(make_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            z.writestr(item, document_xml if item.filename == "word/document.xml" else src.read(item.filename))
    return out.getvalue()


def _zip_bomb() -> bytes:
    """A .docx with a member that expands to 300 MB of zeros (about 300 KB compressed)."""
    out = io.BytesIO()
    src = zipfile.ZipFile(io.BytesIO(make_docx()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            z.writestr(item, src.read(item.filename))
        with z.open("word/media/huge.bin", "w", force_zip64=True) as fh:
            block = b"\0" * (1 << 20)
            for _ in range(300):
                fh.write(block)
    return out.getvalue()


XXE = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
    b"<w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document xmlns:w="http://schemas.openxmlformats.org/'
    b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>'
)


def build(root: Path) -> dict[str, str]:
    """Write the files; return {relative path: what the manifest should say (ok, or a word of the error)}."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "sub1").mkdir()
    (root / "sub2").mkdir()
    pdf = make_pdf([["Report to: Cabinet", "Shared services with Kent County Council."]] * 2)
    files: dict[str, tuple[bytes, str]] = {
        "empty.txt": (b"", "empty"),
        "blank.md": (b"   \n\n  ", "empty"),
        "random.pdf": (os.urandom(4000), "not a valid pdf"),
        "random.docx": (os.urandom(4000), "not a valid word"),
        "random.txt": (bytes(range(256)) * 20, "binary"),
        "truncated.pdf": (pdf[: len(pdf) // 2], "damaged"),
        "scanned.pdf": (make_image_pdf(), "ok"),
        "encrypted.pdf": (make_pdf([["Secret text"]], encrypt="pw"), "encrypted"),
        "many-pages.pdf": (make_pdf([["x"]] * 30, footer=False), "max-pages"),
        "not-a-zip.docx": (b"PK\x03\x04" + os.urandom(2000), "zip"),
        "bomb.docx": (_zip_bomb(), "zip bomb"),
        "xxe.docx": (_docx_with_xml(XXE), "entities"),
        "laughs.docx": (_docx_with_xml(LAUGHS), "entities"),
        "really-a-pdf.docx": (pdf, "ok"),
        "really-a-docx.pdf": (make_docx(), "ok"),
        "windows-1252.txt": (GOOD_TEXT.replace("£", "\u00a3").encode("cp1252"), "ok"),
        "latin-1.txt": ("Café report\n\n".encode("latin-1") + GOOD_TEXT.encode("latin-1"), "ok"),
        "utf-16.txt": (GOOD_TEXT.encode("utf-16"), "ok"),
        "nul-bytes.txt": (GOOD_TEXT.encode() + b"\x00\x00more text", "ok"),
        "huge.txt": (b"word " * 400_000, "limit"),
        "scripts.html": (
            b"<html><head><script>var secret='SCRIPT-TEXT'</script><style>.x{color:red}</style></head>"
            b"<body><main><h1>Shared Waste</h1><p>Text of the report.</p></main></body></html>",
            "ok",
        ),
        "name with spaces \u2013 caf\u00e9.txt": (GOOD_TEXT.encode(), "ok"),
        "sub1/report.txt": (GOOD_TEXT.encode(), "ok"),
        "sub2/report.txt": (GOOD_TEXT.encode() + b"\nSecond copy.", "ok"),
    }
    for rel, (data, _) in files.items():
        (root / rel).write_bytes(data)
    os.symlink(root, root / "sub1" / "loop")  # a symbolic link loop
    return {rel: expect for rel, (_, expect) in files.items()}
