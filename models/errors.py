"""The one exception family. Every message is one sentence that names the case.

The CLI prints ``str(error)`` on one line; the batch turns it into a manifest row.
"""

from __future__ import annotations


class CouncilxError(Exception):
    """Root of every error the tool reports to a user."""


class IngestError(CouncilxError):
    """A file could not be turned into a Document."""


class EmptyDocument(IngestError):
    """The file is empty or holds no readable text."""


class UnsupportedFormat(IngestError):
    """The content is not a format the tool reads."""


class CorruptFile(IngestError):
    """The file claims a format but is damaged or truncated."""


class EncryptedPdf(IngestError):
    """The PDF is encrypted and no (correct) password was given."""


class NoTextLayer(IngestError):
    """Pages have no text layer and OCR is unavailable."""


class UndecodableText(IngestError):
    """A text file's bytes could not be decoded."""


class TooLarge(IngestError):
    """The file is over a size, page or expansion limit."""


class UnsafeInput(IngestError):
    """The file contains something hostile (XML entities, zip bomb)."""


class OutputError(CouncilxError):
    """An output could not be written."""
