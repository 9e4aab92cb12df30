"""The listed sources' files, checked and read: one id each, a file inside the project,
neither hidden nor in the report folder, readable, matching its pin; and each published
by the briefing's cut-off.

Called by validate.py, which reports these problems with every other in one run.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import Problems
from . import model, pages
from .load import Document
from .sources import SourceReadError, SourceText, read_source


def check_sources(
    sources: list[tuple[int, model.Source]],
    doc: Document,
    project: Path,
    problems: Problems,
    out: Path | None,
) -> dict[str, SourceText]:
    """The text of each source whose file passes every check, by id; each failure is
    reported at its entry."""
    texts: dict[str, SourceText] = {}
    first_id: dict[str, int] = {}
    root = project.resolve()
    report = _real(out) if out is not None else None
    folders: dict[Path, Path | None] = {}  # each folder's real path, once
    for i, src in sources:
        path = ("sources", i)
        if src.id in first_id:
            problems.error(
                doc.at((*path, "id")),
                f"duplicate source id '{src.id}' (first used "
                f"on line {doc.at(('sources', first_id[src.id], 'id')).line}): "
                "give each source its own id",
            )
            continue
        first_id[src.id] = i
        file = project / src.file
        where = _resolved(file, folders)
        if Path(src.file).is_absolute() or where is None or not _inside(where, root):
            problems.error(
                doc.at((*path, "file")),
                f"file '{src.file}' is outside the project"
                f"{'' if where else ' or a symbolic link that loops'}: put the "
                "source under sources/ and give its path relative to findings.yaml",
            )
            continue
        # As named, and where a symbolic link leads: a link to .env is .env.
        hidden = [
            part
            for part in (*Path(src.file).parts, *where.parts[len(root.parts) :])
            if part.startswith(".") and part not in (".", "..")
        ]
        if hidden:
            led = "" if hidden[0] in Path(src.file).parts else ", where its link leads"
            problems.error(
                doc.at((*path, "file")),
                f"source file '{src.file}' is hidden "
                f"('{hidden[0]}' starts with a dot{led}): hidden files and "
                "folders, like .git/ or .env, are never read as sources, so that "
                "nothing private ends up in the briefing; copy the text into "
                "sources/",
            )
            continue
        if report is not None and _inside(where, report):
            problems.error(
                doc.at((*path, "file")),
                f"source file '{src.file}' is inside the "
                "report folder, which every build replaces: a report cannot cite "
                "itself; keep sources under sources/",
            )
            continue
        try:
            text = pages.with_labels(file, read_source(file))
        except SourceReadError as exc:
            problems.error(
                doc.at((*path, "file")),
                f"source file '{src.file}' {exc}"
                if str(exc) != "is not found"
                else f"source file '{src.file}' not found (paths are relative to findings.yaml)",
            )
            continue
        if src.sha256 is not None and src.sha256 != text.sha256:
            problems.error(
                doc.at((*path, "sha256")),
                f"'{src.file}' has changed: its sha256 is "
                f"{text.sha256}, not the pinned one; restore the file as received, "
                "or update the pin if the change is intended",
            )
            continue
        if not text.text or text.text.isspace():  # without copying the text to strip it
            problems.warning(doc.at((*path, "file")), f"source file '{src.file}' is empty")
        texts[src.id] = text
    return texts


def _resolved(path: Path, folders: dict[Path, Path | None]) -> Path | None:
    """The real path, or None for a symbolic link that loops. A file that is not a link
    is where its folder really is: ``folders`` keeps the real path of each folder, so
    that a file costs one look at itself rather than one at every folder above it."""
    try:
        plain = path.name != ".." and not stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:  # not there, or behind a loop: resolved in full below
        plain = False
    if not plain:
        return _real(path)
    if path.parent not in folders:
        folders[path.parent] = _real(path.parent)
    folder = folders[path.parent]
    return folder / path.name if folder is not None else None


def _real(path: Path) -> Path | None:
    """The real path, or None for a symbolic link that loops."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None


def _inside(path: Path, root: Path) -> bool:
    return path.parts[: len(root.parts)] == root.parts


def check_published(
    briefing: model.Briefing,
    sources: list[tuple[int, model.Source]],
    doc: Document,
    problems: Problems,
) -> None:
    """Warn of each source published after the cut-off: nothing later is considered."""
    for i, src in sources:
        if src.published and src.published > briefing.as_of:
            problems.warning(
                doc.at(("sources", i, "published")),
                f"source '{src.id}' was "
                f"published on {src.published}, after the briefing's cut-off "
                f"{briefing.as_of} (as_of: nothing later is considered): "
                "check the date, or move as_of",
            )
