"""The file add-source is given, read: refused when hidden or not a regular file, its text
(a saved page's article text, a PDF's text and page map, or UTF-8 as it is), what it says
of itself, and the name its text is stored under in sources/.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..errors import BadInput, UsageError, printable
from ..files import MAX_FILE_BYTES, UnreadableFile, read_regular
from . import pdf_source
from .saved_page import Said, said_of_itself, visible_tree

_HTML = (".html", ".htm", ".xhtml")


def body_of(raw: bytes, shown: str) -> tuple[bytes, dict[str, Said], str, bytes]:
    """The source's text, what it says of itself, its kind ('html', 'pdf' or 'text') and,
    for a PDF, its page map."""
    page_meta: dict[str, Said] = {}
    page_map = b""
    if Path(shown).suffix.lower() in _HTML:
        kind = "html"
        body, page_meta = _extract(raw, shown)
    elif pdf_source.looks_like_pdf(shown, raw):
        kind = "pdf"
        body, page_map = pdf_source.extract(raw, shown)
        title = pdf_source.title_of(raw)
        if title:
            page_meta = {"title": Said(title, "the PDF's document title")}
    else:
        kind = "text"
        try:
            raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise BadInput(
                f"{printable(shown)} is not UTF-8 text (bad byte at offset "
                f"{exc.start}): convert it to UTF-8 first"
            ) from None
        body = raw
    if not body.decode("utf-8-sig").strip():
        raise BadInput(
            f"{printable(shown)} holds no text"
            + (" the extractor could find" if kind == "html" else "")
        )
    return body, page_meta, kind, page_map


def stored_name(args: argparse.Namespace, kind: str) -> str:
    """The file name under sources/, checked."""
    name: str = args.name or (f"{args.id}.txt" if kind != "text" else Path(args.file).name)
    if "/" in name or name in ("..", "") or os.sep in name:
        raise UsageError(f"--name '{name}' is not a file name: give a name without folders")
    if kind != "text" and Path(name).suffix.lower() in (".html", ".htm", ".pdf"):
        raise UsageError(
            f"--name '{name}' would be the name of the page or PDF kept beside "
            "the text: give the text's own name, like report.txt"
        )
    if name.startswith("."):
        raise BadInput(
            f"{printable(args.file)} is a hidden file: hidden files are never read "
            "as sources; copy the text into a file whose name has no leading dot"
        )
    if not _plain_name(name):
        raise BadInput(
            f"the name of {printable(args.file)} has control characters or bytes "
            "that are not UTF-8, which a findings file cannot name: rename the "
            "file first"
        )
    return name


def read_file(path: Path, name: str) -> bytes:
    _refuse_hidden(path, name)
    try:
        return read_regular(
            path, pdf_source.MAX_PDF_BYTES if name.lower().endswith(".pdf") else MAX_FILE_BYTES
        )
    except UnreadableFile as exc:
        raise BadInput(f"{printable(str(path))} {exc}") from None


def _refuse_hidden(path: Path, name: str) -> None:
    """A hidden file, one in a hidden folder, or a link to one is never taken as a source,
    whatever name it is added under: .env, ~/.ssh/... would otherwise end up in the
    briefing. The path as given is looked at, and where a link leads, from the folder the
    link is in."""
    try:
        where = path.resolve(strict=True)
        near = path.absolute().parent.resolve()
    except (OSError, RuntimeError):
        return  # not there, or a loop: the read says so
    led = Path(os.path.relpath(where, near)).parts
    for shown, parts in (("", path.parts), (", where its link leads", led)):
        hidden = next((p for p in parts if p.startswith(".") and p not in (".", "..")), None)
        if hidden:
            raise BadInput(
                f"{printable(name)} is a hidden file ('{printable(hidden)}' starts with a "
                f"dot{shown}): hidden files and folders are never read as sources, "
                "so that nothing private ends up in the briefing; copy the text "
                "into an ordinary file first"
            )


def _extract(raw: bytes, shown: str) -> tuple[bytes, dict[str, Said]]:
    """The text a reader of the saved page is shown, and what the page says of itself."""
    try:
        import trafilatura
    except ImportError as exc:
        raise BadInput(
            "reading a web page needs the html extra: in the folder where "
            "build-report itself was installed from, pip install -e '.[html]' "
            "(or save the article as plain text); "
            f"the import said: {exc}"
        ) from None
    tree = visible_tree(raw)
    text = (
        None
        if tree is None
        else trafilatura.extract(
            tree, include_comments=False, include_tables=False, favor_precision=True
        )
    )
    if not text or not text.strip():
        raise BadInput(
            f"no article text could be extracted from {printable(shown)}: save "
            "the article's text as a .txt file instead"
        )
    return (text.strip() + "\n").encode("utf-8"), said_of_itself(tree)


def _plain_name(name: str) -> bool:
    """A file name a findings file can hold and a terminal can show: UTF-8, no controls."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # bytes that were not UTF-8, kept as lone surrogates
        return False
    return printable(name) == name
