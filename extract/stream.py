"""A report read from a stream (standard input): bytes read up to the size limit, format sniffed from them."""

from __future__ import annotations

import hashlib
from typing import BinaryIO

from extract import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, DEFAULT_MAX_TEXT_BYTES, bytes_to_document
from extract.sniff import detect_format
from models.document import Document, SourceInfo
from models.errors import CouncilxError, IngestError, TooLarge

STDIN_NAME = "<stdin>"


def read_capped(stream: BinaryIO, limit: int) -> bytes:
    """All of ``stream``, refusing it (without reading on) once it passes ``limit`` bytes.

    Raises:
        TooLarge: the stream holds more than ``limit`` bytes.
        IngestError: the stream cannot be read.
    """
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := stream.read(1 << 20):
            size += len(chunk)
            if size > limit:
                raise TooLarge(f"the input is over the {limit / 1e6:.1f} MB limit (see --max-mb)")
            chunks.append(chunk)
    except OSError as e:
        raise IngestError(f"cannot read the input: {e.strerror or e}") from None
    return b"".join(chunks)


def load_stream(
    stream: BinaryIO,
    name: str = STDIN_NAME,
    *,
    password: str | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_text_bytes: int = DEFAULT_MAX_TEXT_BYTES,
    ocr: bool = True,
) -> Document:
    """Read a report from a binary stream into a Document; the format comes from the bytes alone.

    Raises:
        IngestError: (a subclass naming the case) when the bytes cannot be read as a report.
    """
    try:
        return _load(
            stream,
            name,
            password=password,
            max_pages=max_pages,
            max_bytes=max_bytes,
            max_text_bytes=max_text_bytes,
            ocr=ocr,
        )
    except CouncilxError as e:
        if e.path is None:
            e.path = name  # the error names what it is about
        raise


def _load(
    stream: BinaryIO, name: str, *, password: str | None, max_pages: int, max_bytes: int, max_text_bytes: int, ocr: bool
) -> Document:
    data = read_capped(stream, max_bytes)
    fmt = detect_format(data[:8192])
    if fmt in ("text", "markdown", "html") and len(data) > max_text_bytes:
        raise TooLarge(
            f"the text is {len(data) / 1e6:.1f} MB, over the {max_text_bytes / 1e6:.1f} MB limit (see --max-mb)"
        )
    source = SourceInfo(
        path=name,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,  # type: ignore[arg-type]
        pages=0,
        size_bytes=len(data),
    )
    return bytes_to_document(data, source, password=password, max_pages=max_pages, ocr=ocr)
