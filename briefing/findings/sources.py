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
    page_labels: tuple[str, ...] = ()
    """A paged text's page labels (see pages.py); empty for pages numbered 1, 2, 3..."""


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


# The invisible characters that change the order in which text is shown (the bidirectional
# embeddings, overrides and isolates, and the marks that steer them): "\u202edeined\u202c"
# is shown as "denied". An analyst's English never needs them; a source may well carry them
# (Arabic or Hebrew copy), and is kept as received.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown_controls(text: str) -> str:
    """The text with each bidirectional control written out as its code, like [U+202E]:
    a source is kept as received, so its controls are shown for what they are rather than
    left to reorder the words around them (or dropped, which would hide that they are
    there)."""
    if text.isascii():
        return text
    return BIDI_CONTROLS.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def read_source(path: Path) -> SourceText:
    """The text of a regular file of at most MAX_SOURCE_BYTES, as the contract decodes it."""
    raw = read_regular(path, advice=": quote from an excerpt of it saved as its own source")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceReadError(
            f"is not UTF-8 text (bad byte at offset {exc.start}); convert it to UTF-8"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(text=text, sha256=hashlib.sha256(raw).hexdigest())
