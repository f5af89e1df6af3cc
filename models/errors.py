"""The one exception family. Every message is one sentence that names the case.

The CLI prints ``str(error)`` on one line; the batch turns it into a manifest row.
"""

from __future__ import annotations


class CouncilxError(Exception):
    """Root of every error the tool reports to a user.

    ``path`` is the file the error is about (None when it is about no one file) and ``reason`` the
    sentence saying what is wrong; ``str(error)`` names the path, then the reason.
    """

    def __init__(self, reason: str = "", path: object = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path: str | None = None if path is None else str(path)

    def __str__(self) -> str:
        if self.path is None or self.path in self.reason:
            return self.reason
        return f"{self.path}: {self.reason}"

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # pickled across worker processes with its path (the default passes only ``args``)
        return (type(self), (self.reason, self.path))


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
