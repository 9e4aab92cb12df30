"""Pages: which page of a paged source a passage is on.

A text made from a PDF keeps the PDF's pages as form feeds (``\\f``) between them, the
convention of text extracted from print, so offsets stay those of the text itself. The
PDF's own page labels (i, ii, 1, 2...) are kept beside the text in ``NAME.pages.json``
(``{"labels": [...]}``, one label a page), written by add-source; without that file, a
page is known by its physical number. A text without form feeds has no pages.
"""

from __future__ import annotations

import bisect
import json
from functools import lru_cache
from pathlib import Path

from .sources import SourceReadError, SourceText, read_regular

BREAK = "\f"
# A page map is a short list of labels: a megabyte holds those of a 100,000-page PDF.
MAX_MAP_BYTES = 1_000_000


def map_path(text_path: Path) -> Path:
    """Where the page labels of a text are kept: ``report.txt`` → ``report.pages.json``."""
    return text_path.with_name(text_path.stem + ".pages.json")


def with_labels(text_path: Path, source: SourceText) -> SourceText:
    """The source with its page labels, read from its page map if it has one; a map that
    does not fit the text raises SourceReadError saying why."""
    if BREAK not in source.text:
        return source
    path = map_path(text_path)
    if not path.is_file() and not path.is_symlink():
        return source
    try:
        # Never through a link: a map is the project's own file, kept beside its text.
        data = json.loads(read_regular(path, MAX_MAP_BYTES, follow_links=False).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise SourceReadError(
            f"has a page map '{path.name}' that is not JSON: restore it, "
            "or remove it to number the pages 1, 2, 3..."
        ) from None
    except SourceReadError as exc:
        raise SourceReadError(f"has a page map '{path.name}' that {exc}") from None
    labels = data.get("labels") if isinstance(data, dict) else None
    pages = source.text.count(BREAK) + 1
    if not isinstance(labels, list) or not all(isinstance(x, str) and x for x in labels):
        raise SourceReadError(
            f"has a page map '{path.name}' without a list of 'labels': "
            "restore it, or remove it to number the pages 1, 2, 3..."
        )
    if len(labels) != pages:
        raise SourceReadError(
            f"has {pages:,} pages but its page map '{path.name}' labels "
            f"{len(labels):,}: add the PDF again with add-source --replace, "
            "or remove the page map to number the pages 1, 2, 3..."
        )
    return source._replace(page_labels=tuple(labels))


def page_of(source: SourceText, start: int, end: int) -> str:
    """The page label of the passage [start, end), a range like '3–4' across a break, or
    '' for a text without pages."""
    breaks = _breaks(source.text)
    if not breaks:
        return ""
    first = bisect.bisect_right(breaks, start)
    last = bisect.bisect_right(breaks, max(start, end - 1))
    labels = source.page_labels or tuple(str(n) for n in range(1, len(breaks) + 2))
    if first == last:
        return labels[first]
    return f"{labels[first]}–{labels[last]}"


def page_starts(source: SourceText) -> list[tuple[int, str]]:
    """(offset, label) where each page begins, for a view that marks page breaks."""
    breaks = _breaks(source.text)
    if not breaks:
        return []
    labels = source.page_labels or tuple(str(n) for n in range(1, len(breaks) + 2))
    return list(zip([0, *(b + 1 for b in breaks)], labels, strict=True))


# Every passage of a source asks for its page: the breaks are found once a text.
@lru_cache(maxsize=64)
def _breaks(text: str) -> tuple[int, ...]:
    found, at = [], text.find(BREAK)
    while at != -1:
        found.append(at)
        at = text.find(BREAK, at + 1)
    return tuple(found)
