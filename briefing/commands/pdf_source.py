"""A PDF as a source: its text page by page, and its page labels.

The text is what quotes are checked against, so it is made once, by add-source, and kept
beside the PDF: pages joined by form feeds (see findings/pages.py), a word hyphenated
across a line end joined again so that a quote of it matches, and the PDF's own page
labels (i, ii, 1, 2...) in ``NAME.pages.json``. Reading PDFs needs pypdf, an optional
extra (``pip install 'sourced-briefing[pdf]'``); the build itself never opens a PDF.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import BadInput, printable
from ..findings.pages import BREAK

# PDFs run far larger than texts (images, fonts): a long report is tens of megabytes.
MAX_PDF_BYTES = 200_000_000
# Reading a page's text costs time in pypdf; a bound keeps a hostile file from taking hours.
MAX_PAGES = 5_000
SIGNATURE = b"%PDF-"

# A letter, a hyphen (or a soft hyphen) at a line's end, and the rest of the word on the
# next line: "inter-\nnational" is "international" in the text a quote is checked against.
_HYPHENATED = re.compile(r"([^\W\d_])[-\u00ad][ \t]*\n[ \t]*([^\W\d_]+)[ \t]*")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}


def looks_like_pdf(name: str, raw: bytes) -> bool:
    """A file add-source reads as a PDF: one that starts as a PDF does, or is named .pdf
    (and is then refused as not a PDF if it does not start as one)."""
    return raw.lstrip()[:5] == SIGNATURE or name.lower().endswith(".pdf")


def extract(raw: bytes, shown: str) -> tuple[bytes, bytes]:
    """The text of a PDF (UTF-8, pages joined by form feeds) and its page map (JSON), or
    BadInput saying why the file cannot be read as a source."""
    if raw.lstrip()[:5] != SIGNATURE:
        kind = "an HTML page" if re.match(rb"\s*<", raw) else "something else"
        raise BadInput(
            f"{printable(shown)} is named as a PDF but is not one (it starts like "
            f"{kind}): save the document itself as PDF, or a web page as .html"
        )
    reader = _reader(raw, shown)
    if len(reader.pages) > MAX_PAGES:
        raise BadInput(
            f"{printable(shown)} has {len(reader.pages):,} pages, over the limit of "
            f"{MAX_PAGES:,}: add the part you quote from as its own PDF"
        )
    pages = [_page_text(page) for page in reader.pages]
    if not any(text.strip() for text in pages):
        raise BadInput(
            f"{printable(shown)} has no text to quote (a scanned document holds "
            "only images): run text recognition (OCR) on it first, or save a "
            "text version as a .txt file"
        )
    labels = _labels(reader)
    body = f"\n{BREAK}\n".join(pages).strip("\n") + "\n"
    page_map = json.dumps({"labels": labels}, ensure_ascii=False) + "\n"
    return body.encode("utf-8"), page_map.encode("utf-8")


def title_of(raw: bytes) -> str | None:
    """The title the PDF's own metadata gives, if any."""
    try:
        metadata = _reader(raw, "").metadata
        title = metadata.title if metadata is not None else None
    except (BadInput, AttributeError, ValueError, TypeError):
        return None
    return " ".join(str(title).split())[:200] or None if title else None


def _reader(raw: bytes, shown: str) -> Any:
    try:
        import io

        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:
        raise BadInput(
            "reading a PDF needs the pdf extra: in the folder where build-report "
            "itself was installed from, pip install -e '.[pdf]' (or save the "
            f"document as plain text); the import said: {exc}"
        ) from None
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise BadInput(
                f"{printable(shown)} is encrypted (it needs a password to open): "
                "save an unprotected copy, or a text version as a .txt file"
            )
        if not len(reader.pages):  # reads the page tree, where a broken file shows
            raise BadInput(f"{printable(shown)} is a PDF without pages: nothing to quote")
    except BadInput:
        raise
    except (
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        IndexError,
        RecursionError,
        NotImplementedError,
    ) as exc:
        if "crypt" in str(exc).lower() or "password" in str(exc).lower():
            raise BadInput(
                f"{printable(shown)} is encrypted in a way that cannot be opened "
                "here: save an unprotected copy, or a text version as a .txt "
                "file"
            ) from None
        raise BadInput(
            f"{printable(shown)} cannot be read as a PDF ({exc}): save it again "
            "from the program that shows it, or save its text as a .txt "
            "file"
        ) from None
    return reader


def _page_text(page: Any) -> str:
    """One page's text: line ends as LF, ligatures spelt out, hyphenated words joined,
    form feeds (which mark pages) and trailing spaces taken out."""
    try:
        text = page.extract_text() or ""
    except Exception:
        text = ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace(BREAK, "\n")
    for ligature, letters in _LIGATURES.items():
        text = text.replace(ligature, letters)
    text = _HYPHENATED.sub(_joined, text)
    return _paragraphs([line.rstrip() for line in text.split("\n")]).strip("\n")


# A line ending a sentence well short of the page's measure ends its paragraph.
_SENTENCE_END = (".", "!", "?", ":", '"', "”", "’", ")")
_SHORT = 0.75


def _paragraphs(lines: list[str]) -> str:
    """The page's lines with a blank line after each paragraph. A PDF keeps the lines of
    print: read as paragraphs each, a sentence wrapped over two lines would be two
    paragraphs, which an ellipsis in a quote may not join and coverage counts apart."""
    measure = max((len(line) for line in lines), default=0)
    out: list[str] = []
    for line in lines:
        out.append(line)
        ends = line.endswith(_SENTENCE_END) and len(line) < _SHORT * measure
        if line and ends:
            out.append("")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out))


def _joined(match: re.Match[str]) -> str:
    """The hyphenated word whole, its line end after it; a capital after the break
    ("U.S.-\\nKorea") is a hyphenated compound and keeps its hyphen."""
    head, rest = match.group(1), match.group(2)
    if not rest[0].islower():
        return match.group(0)
    return f"{head}{rest}\n"


def _labels(reader: Any) -> list[str]:
    """Each page's label as the PDF numbers it (i, ii, 1, 2...), or 1, 2, 3..."""
    try:
        labels = [str(label) for label in reader.page_labels]
    except Exception:
        labels = []
    if len(labels) != len(reader.pages) or not all(labels):
        labels = [str(n) for n in range(1, len(reader.pages) + 1)]
    return labels
