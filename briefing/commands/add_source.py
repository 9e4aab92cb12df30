"""``build-report add-source FILE --id ID``: a new source, copied, pinned and listed.

The file is copied under ``sources/`` byte for byte, its sha256 pinned, and its entry
added at the end of the ``sources:`` list of findings.yaml as text, so that every comment
and the analyst's layout stay as they were. A saved web page (``.html``) becomes clean
article text (trafilatura, an optional extra: ``pip install 'sourced-briefing[html]'``),
without the text a reader of the page is never shown (see saved_page), with title,
publisher, date and address from the page's own tags unless given, each marked in
findings.yaml with the tag it came from (a page can say anything of itself); the page
itself is kept beside the text. The findings are first read the cheap way, which can
only say that they load (loads_cleanly), and in full as the build reads them only when
that reading cannot tell, so a file the build refuses is refused here too, with the
build's messages. Anything refused leaves findings.yaml and sources/ untouched.

The file given is read in source_file.py, and the findings' ``sources:`` list edited in
sources_list.py; this module plans the run, checks what it would write, and writes it.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import BadInput, UsageError, printable
from ..files import UnreadableFile, read_regular, write_atomically
from ..findings import pages
from ..findings.model import URL_PATTERN
from . import replace_source, source_file, sources_list
from .arguments import ArgumentParser
from .saved_page import Said
from .sources_list import Entry

_SLUG = re.compile(r"^[a-z0-9-]+$")


def parser() -> argparse.ArgumentParser:
    p = ArgumentParser(
        prog="build-report add-source",
        description="Copy a source text (or a saved web page) under "
        "sources/, pin its sha256 and list it in findings.yaml.",
    )
    p.add_argument("file", metavar="FILE", help="the text (UTF-8) or saved web page (.html)")
    p.add_argument(
        "--id", required=True, help="the source's id: lowercase letters, digits and hyphens"
    )
    p.add_argument(
        "--title", help="its title (default: the page's title, or the text's first line)"
    )
    p.add_argument("--publisher", help="who published it")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="when it was published")
    p.add_argument("--url", help="where it was found (http or https)")
    p.add_argument(
        "--reliability",
        choices=list("ABCDEF"),
        help="Admiralty source reliability (default F: cannot be judged)",
    )
    p.add_argument(
        "--findings",
        metavar="PATH",
        default="findings.yaml",
        help="the findings file to add it to (default: findings.yaml)",
    )
    p.add_argument(
        "--replace",
        action="store_true",
        help="replace the text and metadata "
        "of the source listed with this id, keeping its id and notes",
    )
    p.add_argument("--name", help="the file name to store the text under in sources/")
    return p


@dataclass
class Plan:
    """What an add-source run would write, worked out and checked before anything is."""

    findings: Path
    updated: str
    """The findings' new text."""
    targets: dict[Path, bytes]
    """The files to write under sources/ (the text, and the page or PDF it came from)."""
    entry: Entry
    replace: bool
    """Whether a listed source is being replaced (its files may be overwritten)."""


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    work = plan(args)
    apply(work)
    _report(work, args)
    return 0


def plan(args: argparse.Namespace) -> Plan:
    """Everything add-source would write, or BadInput/UsageError saying why nothing will be.
    Reads, never writes."""
    _check_arguments(args)
    findings = Path(args.findings)
    if findings.is_symlink():
        # Written in place of the link, it would drift from the file the link names; written
        # through it, a project could aim add-source at any file of the analyst's.
        raise BadInput(
            f"{printable(args.findings)} is a symbolic link: give the real file with --findings"
        )
    text = sources_list.read_findings(findings)
    sources_list.refuse_what_the_build_refuses(findings, args.findings, text)
    sources_node = sources_list.sources_node(text, args.findings)
    listed_entries = sources_list.entries(sources_node)
    replacing = _check_id(args, sources_node, listed_entries)
    raw = source_file.read_file(Path(args.file), args.file)
    body, page_meta, kind, page_map = source_file.body_of(raw, args.file)
    name = source_file.stored_name(args, kind)
    folder = findings.parent / "sources"
    _check_folder(folder, findings.parent)
    targets = {folder / name: body}
    if kind != "text":
        targets[folder / f"{Path(name).stem}.{kind}"] = raw
    if kind == "pdf":
        targets[pages.map_path(folder / name)] = page_map
    for target, data in targets.items():
        if _existing(target) not in (None, data) and not (
            args.replace and replace_source.kept_with(replacing, target, findings.parent)
        ):
            raise BadInput(
                f"{printable(str(target))} already exists with other contents: "
                "nothing was changed; remove it or rename the file"
            )
    digest = hashlib.sha256(body).hexdigest()
    _refuse_listed_twice(
        args, listed_entries, (digest, len(body)), f"sources/{name}", findings.parent
    )
    entry = _entry(args, name, body, digest, page_meta)
    return Plan(
        findings,
        _updated(args, text, sources_node, entry, page_meta),
        targets,
        entry,
        bool(args.replace),
    )


def apply(work: Plan) -> None:
    """Write what ``plan`` worked out: the source's files, then the findings; on a failure,
    what was written is taken away again."""
    folder = work.findings.parent / "sources"
    written: list[Path] = []
    made = not folder.exists()
    try:
        folder.mkdir(exist_ok=True)
        for target, data in work.targets.items():
            if not os.path.lexists(target) or work.replace:
                write_atomically(target, data)
                written.append(target)
        write_atomically(work.findings, work.updated.encode("utf-8"))
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        if made:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise BadInput(f"cannot write ({exc.strerror or exc}): nothing was changed") from None


def _report(work: Plan, args: argparse.Namespace) -> None:
    entry = work.entry
    for key, origin in entry.origins.items():
        print(
            f"build-report: {key} '{printable(getattr(entry, key))}' (from "
            f"{printable(origin)}: check it)",
            file=sys.stderr,
        )
    if work.replace:
        print(
            f"build-report: replaced source '{args.id}' ({printable(entry.file)}, sha256 "
            f"pinned); {replace_source.say_what_fails(work.findings, args.findings, args.id)}",
            file=sys.stderr,
        )
        return
    print(
        f"build-report: added source '{args.id}' ({printable(entry.file)}, sha256 pinned); "
        "quote it: "
        f'build-report find {args.id} "words you remember"',
        file=sys.stderr,
    )


def _check_arguments(args: argparse.Namespace) -> None:
    if not _SLUG.match(args.id):
        raise UsageError(
            f"--id '{args.id}' is not valid: use lowercase letters, digits and "
            "hyphens, like 'harbour-gazette'"
        )
    if args.url and not re.match(URL_PATTERN, args.url):
        raise UsageError(f"--url '{args.url}' is not an http(s) address")
    if args.published:
        try:
            dt.date.fromisoformat(args.published)
        except ValueError:
            raise UsageError(
                f"--published '{args.published}' is not a date written YYYY-MM-DD"
            ) from None


def _check_id(
    args: argparse.Namespace, sources_node: yaml.Node, listed_entries: list[dict[str, str]]
) -> str:
    """The file of the source being replaced ('' when adding); refuses an id in use."""
    if args.replace:
        return replace_source.listed_file(sources_node, args.id)
    if args.id in [fields["id"] for fields in listed_entries if "id" in fields]:
        raise BadInput(
            f"a source with id '{args.id}' is already listed in "
            f"{printable(args.findings)}: choose another --id"
        )
    return ""


def _refuse_listed_twice(
    args: argparse.Namespace,
    listed_entries: list[dict[str, str]],
    text: tuple[str, int],
    file: str,
    project: Path,
) -> None:
    """Refuses a text listed already under another id; ``text`` is its sha256 and its
    size in bytes."""
    same = [
        fields.get("id", "?")
        for fields in listed_entries
        if fields.get("id") != (args.id if args.replace else None)
        and _same_text(fields, text, file, project)
    ]
    if same:  # one text under two ids would be cited apart, and counted twice
        raise BadInput(
            f"{printable(args.file)} is already listed as source '{same[0]}': "
            "nothing was changed; cite that source"
        )


def _entry(
    args: argparse.Namespace, name: str, body: bytes, digest: str, page_meta: dict[str, Said]
) -> Entry:
    given = {
        "title": args.title,
        "publisher": args.publisher,
        "published": args.published,
        "url": args.url,
    }
    from_page = {key: said for key, said in page_meta.items() if not given[key]}
    return Entry(
        id=args.id,
        file=f"sources/{name}",
        title=args.title or _value(from_page, "title") or _first_line(body) or args.id,
        publisher=args.publisher or _value(from_page, "publisher"),
        published=args.published or _value(from_page, "published"),
        url=args.url or _value(from_page, "url"),
        reliability=args.reliability or "F",
        sha256=digest,
        origins={key: said.origin for key, said in from_page.items()},
    )


def _updated(
    args: argparse.Namespace,
    text: str,
    sources_node: yaml.Node,
    entry: Entry,
    page_meta: dict[str, Said],
) -> str:
    """The findings' text with the entry listed (or, replacing, rewritten in place)."""
    if args.replace:
        return replace_source.replaced(
            text,
            sources_node,
            args.id,
            replace_source.fields(
                entry, given=args, guessed={key: said.value for key, said in page_meta.items()}
            ),
        )
    updated = sources_list.with_entry(text, sources_node, entry)
    listed = len(sources_node.value) if isinstance(sources_node, yaml.SequenceNode) else 0
    if not sources_list.lists_it_last(updated, entry, listed):
        raise BadInput(
            f"cannot add the entry to the layout of {printable(args.findings)}: "
            "nothing was changed; copy the file under sources/ and list it by hand"
        )
    return updated


def _value(found: dict[str, Said], key: str) -> str | None:
    said = found.get(key)
    return said.value if said else None


def _first_line(body: bytes) -> str:
    for line in body.decode("utf-8-sig").splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


def _check_folder(folder: Path, project: Path) -> None:
    """sources/ must be a folder of the project itself, not a link leading elsewhere."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise BadInput(
            f"{printable(str(folder))} is not a folder of the project (a link or a "
            "file): nothing was changed; make sources/ an ordinary folder"
        )


def _existing(target: Path) -> bytes | None:
    """The bytes already at ``target``, None if nothing is there; anything but an ordinary
    file (a link, a pipe, a device, a folder) is refused, never read or replaced."""
    if not os.path.lexists(target):
        return None
    if target.is_symlink():
        raise BadInput(
            f"{printable(str(target))} is a symbolic link: nothing was changed; "
            "remove it or rename the file"
        )
    try:
        return read_regular(target, follow_links=False)
    except UnreadableFile as exc:
        raise BadInput(
            f"{printable(str(target))} {exc}: nothing was changed; remove it or rename the file"
        ) from None


def _same_text(fields: dict[str, str], text: tuple[str, int], file: str, project: Path) -> bool:
    """Whether a listed entry is this text (its sha256 and size): the same pin, the same
    path however written, or (unpinned) a file of the project with the same bytes."""
    digest, size = text
    listed = fields.get("file", "")
    if fields.get("sha256") == digest or (listed and os.path.normpath(listed) == file):
        return True
    if fields.get("sha256") or not listed or os.path.isabs(listed):
        return False
    path = project / listed
    try:
        if path.stat().st_size != size:  # other bytes, known without reading them
            return False
        inside = path.resolve().is_relative_to(project.resolve())
        return inside and hashlib.sha256(read_regular(path)).hexdigest() == digest
    except (UnreadableFile, OSError, RuntimeError):
        return False
