"""Sources: read each source text once, as the contract fixes its offsets.

Offsets everywhere (quotes, coverage, highlights) are code points into the text decoded
as UTF-8 with a byte-order mark dropped and CRLF or CR read as LF; the pin is over the
raw bytes as received.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import NamedTuple

from ..files import MAX_FILE_BYTES, UnreadableFile
from ..files import read_regular as read_regular

# Files are read by the one reader in briefing.files; these names stay importable here.
MAX_SOURCE_BYTES = MAX_FILE_BYTES
SourceReadError = UnreadableFile


class SourceText(NamedTuple):
    """A source file's text and the hash of its bytes."""

    text: str
    """Decoded text, BOM dropped, line ends as LF."""
    sha256: str
    """Lowercase hex SHA-256 of the file's bytes as stored."""


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Where the paragraphs are: blocks between blank lines when the text has blank lines
    (hard-wrapped copy), otherwise each non-empty line (copy with a paragraph per line)."""
    separator = r"\n[ \t]*\n\s*" if re.search(r"\n[ \t]*\n", text) else r"\n"
    spans, start = [], 0
    for match in [*re.finditer(separator, text), None]:
        end = match.start() if match else len(text)
        block = text[start:end]
        if block.strip():
            lead = len(block) - len(block.lstrip())
            spans.append((start + lead, start + len(block.rstrip())))
        if match:
            start = match.end()
    return spans


def read_source(path: Path) -> SourceText:
    """The text of a regular file of at most MAX_SOURCE_BYTES, as the contract decodes it."""
    raw = read_regular(path, advice=": quote from an excerpt of it saved as its own source")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceReadError(f"is not UTF-8 text (bad byte at offset {exc.start}); "
                              "convert it to UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(text=text, sha256=hashlib.sha256(raw).hexdigest())
