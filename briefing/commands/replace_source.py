"""``add-source FILE --id ID --replace``: a listed source corrected in place.

The entry keeps its id and everything the analyst wrote on it (note, language, origin,
acknowledgments, comments); its file and pin always change, and the metadata given on the
command line (or read from the new file) replaces what was there. The findings are then
checked again, and every quote of the source that no longer verifies is listed, so the
analyst knows which passages to copy again.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

import yaml

from ..errors import BadInput, Problems
from ..findings.load import load_findings
from ..findings.pages import map_path

# Fields written bare: dates, grades and hex pins never need quoting.
_PLAIN = ("published", "reliability", "sha256")


def listed_entry(sources: yaml.Node, source_id: str) -> yaml.MappingNode:
    """The mapping of the listed source with this id."""
    for node in getattr(sources, "value", ()):
        if isinstance(node, yaml.MappingNode) and any(
            k.value == "id" and getattr(v, "value", None) == source_id for k, v in node.value
        ):
            return node
    raise BadInput(
        f"no source with id '{source_id}' is listed to replace: leave out "
        "--replace to add it as a new source"
    )


def listed_file(sources: yaml.Node, source_id: str) -> str:
    """The file the listed source names ('' if it names none)."""
    for key, value in listed_entry(sources, source_id).value:
        if key.value == "file" and isinstance(value, yaml.ScalarNode):
            return str(value.value)
    return ""


def replaced(text: str, sources: yaml.Node, source_id: str, fields: dict[str, str]) -> str:
    """``text`` with the listed source's ``fields`` set: a value already there is rewritten
    where it stands, a new key goes on a line after the id; every other byte as it was."""
    entry = listed_entry(sources, source_id)
    present = {k.value: (k, v) for k, v in entry.value if isinstance(v, yaml.ScalarNode)}
    id_key, id_value = present["id"]
    indent = id_key.start_mark.column
    newline = "\r\n" if "\r\n" in text else "\n"
    edits: list[tuple[int, int, str]] = []
    added = []
    for name, value in fields.items():
        written = value if name in _PLAIN else _scalar(value)
        if name in present:
            node = present[name][1]
            edits.append((node.start_mark.index, node.end_mark.index, written))
        else:
            added.append(f"{' ' * indent}{name}: {written}")
    if added:
        line_end = text.find("\n", id_value.end_mark.index)
        at = len(text) if line_end == -1 else line_end + 1
        prefix = newline if line_end == -1 else ""
        edits.append((at, at, prefix + newline.join(added) + newline))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    _check_reads_back(text, source_id, fields)
    return text


def _check_reads_back(text: str, source_id: str, fields: dict[str, str]) -> None:
    """A safety net under the text editing, for layouts it did not foresee."""
    try:
        data = yaml.safe_load(text)
        entry = next(s for s in data["sources"] if s.get("id") == source_id)
        ok = all(str(entry.get(k)) == v for k, v in fields.items())
    except (yaml.YAMLError, KeyError, TypeError, AttributeError, StopIteration):
        ok = False
    if not ok:
        raise BadInput(
            f"cannot rewrite the entry of source '{source_id}' in this layout: "
            "nothing was changed; edit its file and sha256 by hand"
        )


def _scalar(value: str) -> str:
    """A YAML scalar that reads back as ``value``: plain when that is safe, else quoted."""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10_000)
    dumped = dumped.removesuffix("\n...\n").removesuffix("\n")
    return (
        dumped
        if "\n" not in dumped
        else yaml.safe_dump(value, allow_unicode=True, width=10_000, default_style='"').strip()
    )


def quotes_that_fail(findings: Path, shown: str, source_id: str) -> list[str]:
    """The problems of the source's quotes once its text is replaced, as lines to show."""
    # Imported here: an add-source that replaces nothing has no use for the validator,
    # and its imports are a fair share of the command's start-up.
    from ..findings.quotes import verify_quotes
    from ..findings.validate import validate

    problems = Problems()
    doc = load_findings(findings, shown, problems)
    if doc is None:
        return []
    checked = validate(doc, findings.parent, problems)
    found = Problems()
    verify_quotes(checked, doc, found)
    places = {
        doc.at(("claims", ci, "evidence", ei, "quote"))
        for ci, claim in checked.claims
        for ei, ev in enumerate(claim.evidence)
        if ev.source == source_id
    }
    return [str(p) for p in found if p.position in places]


def say_what_fails(findings: Path, shown: str, source_id: str) -> str:
    """One line to close a replacement with: all quotes verify, or how many do not."""
    failing = quotes_that_fail(findings, shown, source_id)
    for line in failing:
        print(line, file=sys.stderr)
    if not failing:
        return f"every quote of '{source_id}' still verifies"
    return (
        f"{len(failing)} quote(s) of '{source_id}' no longer verify (listed above): "
        f"copy them again from the new text: build-report find --source {source_id} "
        '"words you remember"'
    )


def fields(entry: Any, given: argparse.Namespace, guessed: dict[str, str | None]) -> dict[str, str]:
    """What a replacement rewrites: the file and its pin always; the title, publisher,
    date, address and grade when given, or read from the new file's own metadata."""
    chosen = {"file": entry.file, "sha256": entry.sha256}
    for name in ("title", "publisher", "published", "url", "reliability"):
        value = getattr(given, name, None) or guessed.get(name)
        if value:
            chosen[name] = str(value)
    return chosen


def kept_with(listed: str, target: Path, project: Path) -> bool:
    """Whether ``target`` is the replaced source's own file, or one kept beside it (the
    PDF or page it was made from, its page map), which the replacement may overwrite."""
    if not listed:
        return False
    own = project / listed
    beside = {own, own.with_suffix(".pdf"), own.with_suffix(".html"), map_path(own)}
    return any(os.path.normpath(target) == os.path.normpath(path) for path in beside)
