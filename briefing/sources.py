"""Sources: read each source text once, as the contract fixes its offsets.

Offsets everywhere (quotes, coverage, highlights) are code points into the text decoded
as UTF-8 with a byte-order mark dropped and CRLF or CR read as LF; the pin is over the
raw bytes as received.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SourceText:
    """A source file's text and the hash of its bytes."""

    text: str
    """Decoded text, BOM dropped, line ends as LF."""
    sha256: str
    """Lowercase hex SHA-256 of the file's bytes as stored."""


class SourceReadError(Exception):
    """The file cannot be read as a text source; the message says why."""


def read_source(path: Path) -> SourceText:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SourceReadError("file not found") from None
    except IsADirectoryError:
        raise SourceReadError("is a folder, not a file") from None
    except OSError as exc:
        raise SourceReadError(exc.strerror or str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceReadError(f"is not UTF-8 text (bad byte at offset {exc.start}); "
                              "convert it to UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(text=text, sha256=hashlib.sha256(raw).hexdigest())
