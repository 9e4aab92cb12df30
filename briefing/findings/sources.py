"""Sources: read each source text once, as the contract fixes its offsets.

Offsets everywhere (quotes, coverage, highlights) are code points into the text decoded
as UTF-8 with a byte-order mark dropped and CRLF or CR read as LF; the pin is over the
raw bytes as received.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from pathlib import Path
from typing import NamedTuple


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


class SourceReadError(Exception):
    """The file cannot be read as a text source; the message says why."""


# The largest source read: far above any article or transcript, far below what would
# take the machine's memory or minutes of searching (the contract's limit).
MAX_SOURCE_BYTES = 20_000_000


def read_regular(path: Path, limit: int = MAX_SOURCE_BYTES, advice: str = "") -> bytes:
    """The bytes of the regular file at ``path``, of at most ``limit`` bytes, or
    SourceReadError saying why not, worded to follow the file's name ("is ...", "cannot
    be read ..."): a pipe, a device or a socket is never read (opened
    without blocking, so a named pipe cannot hang the caller), nor a file over the limit
    (``advice`` says what to do instead)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise SourceReadError("is not found") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SourceReadError("is a symbolic link that loops") from None
        if exc.errno == errno.EISDIR:
            raise SourceReadError("is a folder, not a file") from None
        raise SourceReadError(f"cannot be read ({exc.strerror or exc})") from None
    info = os.fstat(fd)
    if stat.S_ISDIR(info.st_mode):  # before fdopen, which refuses a folder with its own error
        os.close(fd)
        raise SourceReadError("is a folder, not a file")
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(info.st_mode):
            raise SourceReadError("is not a regular file (a pipe, device or socket): "
                                  "save the text as an ordinary file")
        if info.st_size > limit:
            raise SourceReadError(f"is {info.st_size:,} bytes, over the limit of "
                                  f"{limit:,}{advice}")
        try:
            raw = f.read(limit + 1)
        except OSError as exc:
            raise SourceReadError(f"cannot be read ({exc.strerror or exc})") from None
    if len(raw) > limit:  # it grew while being read
        raise SourceReadError(f"is over the limit of {limit:,} bytes{advice}")
    return raw


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
