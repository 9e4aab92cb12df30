"""``build-report add-source FILE --id ID``: a new source, copied, pinned and listed.

The file is copied under ``sources/`` byte for byte, its sha256 pinned, and its entry
added at the end of the ``sources:`` list of findings.yaml as text, so that every comment
and the analyst's layout stay as they were. A saved web page (``.html``) becomes clean
article text (trafilatura, an optional extra: ``pip install 'sourced-briefing[html]'``),
without the text a reader of the page is never shown (see saved_page), with title,
publisher, date and address from the page's own tags unless given, each marked in
findings.yaml with the tag it came from (a page can say anything of itself); the page
itself is kept beside the text. The findings are first read as the build reads them, so
a file the build refuses is refused here too, as fast. Anything refused leaves
findings.yaml and sources/ untouched.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import BadInput, Problems, UsageError, printable
from ..files import MAX_FILE_BYTES, UnreadableFile, read_regular, write_atomically
from ..findings import pages
from ..findings.load import load_findings
from ..findings.model import URL_PATTERN
from . import pdf_source, replace_source
from .arguments import ArgumentParser
from .saved_page import Said, said_of_itself, visible_tree
from .yaml_prefix import top_level_value

_SLUG = re.compile(r"^[a-z0-9-]+$")
_HTML = (".html", ".htm", ".xhtml")


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
class Entry:
    """What goes into findings.yaml for the new source."""

    id: str
    file: str
    title: str
    publisher: str | None
    published: str | None
    url: str | None
    reliability: str
    sha256: str
    origins: dict[str, str] = field(default_factory=dict)
    """For each value taken from the page rather than given: the tag it came from."""

    def fields(self) -> dict[str, str]:
        """The values the entry lists in findings.yaml."""
        return {
            name: value
            for name, value in vars(self).items()
            if name != "origins" and value is not None
        }


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
    text = _read_findings(findings)
    _refuse_what_the_build_refuses(findings, args.findings)
    sources_node = _sources_node(text, args.findings)
    listed_entries = _entries(sources_node)
    replacing = _check_id(args, sources_node, listed_entries)
    raw = _read_file(Path(args.file), args.file)
    body, page_meta, kind, page_map = _body(raw, args.file)
    name = _stored_name(args, kind)
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
    _refuse_listed_twice(args, listed_entries, digest, f"sources/{name}", findings.parent)
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


def _body(raw: bytes, shown: str) -> tuple[bytes, dict[str, Said], str, bytes]:
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


def _stored_name(args: argparse.Namespace, kind: str) -> str:
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


def _refuse_listed_twice(
    args: argparse.Namespace,
    listed_entries: list[dict[str, str]],
    digest: str,
    file: str,
    project: Path,
) -> None:
    same = [
        fields.get("id", "?")
        for fields in listed_entries
        if fields.get("id") != (args.id if args.replace else None)
        and _same_text(fields, digest, file, project)
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
    updated = _with_entry(text, sources_node, entry)
    listed = len(sources_node.value) if isinstance(sources_node, yaml.SequenceNode) else 0
    if not _lists_it_last(updated, entry, listed):
        raise BadInput(
            f"cannot add the entry to the layout of {printable(args.findings)}: "
            "nothing was changed; copy the file under sources/ and list it by hand"
        )
    return updated


def _read_findings(findings: Path) -> str:
    try:
        # line ends as they are
        return read_regular(findings, follow_links=False).decode("utf-8")
    except UnreadableFile as exc:
        if str(exc) == "is not found":
            raise BadInput(
                f"findings file '{printable(str(findings))}' not found: run "
                "build-report init first, or give --findings"
            ) from None
        raise BadInput(f"findings file '{printable(str(findings))}' {exc}") from None
    except UnicodeDecodeError as exc:
        raise BadInput(f"cannot read '{printable(str(findings))}' ({exc})") from None


def _refuse_what_the_build_refuses(findings: Path, shown: str) -> None:
    """Read the findings as the build does, within its limits (nesting, values reached
    through aliases), and stop where it would: the text is edited only when it loads."""
    problems = Problems()
    if load_findings(findings, shown, problems) is None or problems.errors:
        for problem in problems.errors:
            print(problem, file=sys.stderr)
        raise BadInput(
            f"{printable(shown)} cannot be read as findings (see above): fix "
            "it first; nothing was changed"
        )


def _sources_node(text: str, shown: str) -> yaml.Node:
    """The value under ``sources:``: a block list, whose end is where the new entry goes,
    or an empty one (``sources:`` or ``sources: []``) that the entry replaces."""
    try:
        value = top_level_value(text, "sources")
    except yaml.YAMLError as exc:
        raise BadInput(
            f"{printable(shown)} is not valid YAML ({str(exc).splitlines()[0]}): "
            "fix it first (build-report shows where)"
        ) from None
    except RecursionError:
        raise BadInput(
            f"{printable(shown)} nests too deeply to read: fix it first (build-report shows where)"
        ) from None
    if isinstance(value, yaml.SequenceNode) and (not value.flow_style or not value.value):
        return value
    if isinstance(value, yaml.ScalarNode) and value.tag.endswith(":null") and not value.value:
        return value
    raise BadInput(
        f"{printable(shown)} has no 'sources:' list with entries written one "
        "per line ('- id: ...'): add the source by hand"
    )


def _read_file(path: Path, name: str) -> bytes:
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


def _value(found: dict[str, Said], key: str) -> str | None:
    said = found.get(key)
    return said.value if said else None


def _first_line(body: bytes) -> str:
    for line in body.decode("utf-8-sig").splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


def _with_entry(text: str, sources: yaml.Node, entry: Entry) -> str:
    """``text`` with the entry written after the last source, indented like the others;
    every other byte as it was."""
    if isinstance(sources, yaml.SequenceNode) and sources.value:
        dash = sources.start_mark.column  # the first entry's '-'
        first = sources.value[0]
        key = (
            first.start_mark.column
            if first.start_mark.line == sources.start_mark.line and first.start_mark.column > dash
            else dash + 2
        )
        cut = _after_entry(text, sources.value[-1], dash)
    else:  # 'sources:' or 'sources: []', with maybe a comment after it
        dash, key = 2, 4
        start, end = sources.start_mark.index, sources.end_mark.index
        text = text[:start] + text[end:]
        cut = text.find("\n", start) + 1 or len(text)
    lines = [f"{' ' * dash}-{' ' * (key - dash - 1)}id: {entry.id}"]
    for name in ("file", "title", "publisher", "published", "url", "reliability", "sha256"):
        value = getattr(entry, name)
        if value is None:
            continue
        plain = name in ("published", "reliability", "sha256")
        origin = entry.origins.get(name)
        if origin is None:
            lines.append(f"{' ' * key}{name}: {value if plain else _scalar(value)}")
        else:  # quoted, so that the build reads the '#' as the comment it is
            written = value if plain else _quoted(value)
            lines.append(
                f"{' ' * key}{name}: {written}  # from {_comment_safe(origin)}, not checked"
            )
    newline = "\r\n" if "\r\n" in text else "\n"  # the file's own line ends
    head = text[:cut]
    if head and not head.endswith("\n"):
        head += newline
    return head + newline.join(lines) + newline + text[cut:]


def _after_entry(text: str, last: yaml.Node, dash: int) -> int:
    """Where the line after the last entry starts: after its last value's line and the
    comment lines indented under it, before blank lines, a less indented comment (the
    heading of what follows) or the next key."""
    lines = _lines(text[: _content_end(last)])
    while lines and not lines[-1].strip():  # a block scalar takes the blank lines after it
        lines.pop()
    cut = sum(len(line) for line in _lines(text)[: len(lines)])
    for line in _lines(text[cut:]):
        stripped = line.lstrip(" ")
        if not stripped.startswith("#") or len(line) - len(stripped) <= dash:
            break
        cut += len(line)
    return cut


def _lists_it_last(updated: str, entry: Entry, before: int) -> bool:
    """Whether the written text reads back with the entry, as given, after the sources
    there were: a safety net under the text editing, for layouts it did not foresee."""
    try:
        sources = top_level_value(updated, "sources")
    except (yaml.YAMLError, RecursionError):
        return False
    if not isinstance(sources, yaml.SequenceNode) or len(sources.value) != before + 1:
        return False
    last = sources.value[-1]
    if not isinstance(last, yaml.MappingNode):
        return False
    listed = {k.value: v.value for k, v in last.value if isinstance(v, yaml.ScalarNode)}
    wanted = entry.fields()
    return len(last.value) == len(wanted) and listed == wanted


def _lines(text: str) -> list[str]:
    """The lines of the text, each with its line end (YAML's breaks, not str.splitlines's
    form feeds and the like)."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def _content_end(node: yaml.Node) -> int:
    """Where the node's last value ends (a block collection's own end mark runs on over
    the comments and blank lines after it). Each node is looked at once, however many
    aliases lead to it: walked as a tree, a few aliased levels are billions of visits."""
    end, seen, todo = 0, set(), [node]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        block = (
            isinstance(current, (yaml.MappingNode, yaml.SequenceNode))
            and not current.flow_style
            and current.value
        )
        if not block:
            end = max(end, int(current.end_mark.index))
        elif isinstance(current, yaml.MappingNode):
            todo += [n for pair in current.value for n in pair]
        else:
            todo += current.value
    return end


def _scalar(value: str) -> str:
    """A YAML scalar that reads back as ``value``: plain when that is safe, else quoted."""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10_000)
    dumped = dumped.removesuffix("\n...\n").removesuffix("\n")
    return dumped if "\n" not in dumped else _quoted(value)


def _quoted(value: str) -> str:
    """``value`` as a double-quoted YAML scalar on one line."""
    return yaml.safe_dump(value, allow_unicode=True, width=10_000, default_style='"').strip()


def _comment_safe(text: str) -> str:
    """``text`` fit to stand in a YAML comment: one line of printable characters."""
    return " ".join(printable(text).split())


def _entries(sources_node: yaml.Node) -> list[dict[str, str]]:
    """The plain text fields of each entry already listed under ``sources:``."""
    if not isinstance(sources_node, yaml.SequenceNode):
        return []
    return [
        {
            key.value: item.value
            for key, item in node.value
            if isinstance(key, yaml.ScalarNode) and isinstance(item, yaml.ScalarNode)
        }
        for node in sources_node.value
        if isinstance(node, yaml.MappingNode)
    ]


def _plain_name(name: str) -> bool:
    """A file name a findings file can hold and a terminal can show: UTF-8, no controls."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # bytes that were not UTF-8, kept as lone surrogates
        return False
    return printable(name) == name


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


def _same_text(fields: dict[str, str], digest: str, file: str, project: Path) -> bool:
    """Whether a listed entry is this text: the same pin, the same path however written,
    or (unpinned) a file of the project with the same bytes."""
    listed = fields.get("file", "")
    if fields.get("sha256") == digest or (listed and os.path.normpath(listed) == file):
        return True
    if fields.get("sha256") or not listed or os.path.isabs(listed):
        return False
    path = project / listed
    try:
        inside = path.resolve().is_relative_to(project.resolve())
        return inside and hashlib.sha256(read_regular(path)).hexdigest() == digest
    except (UnreadableFile, OSError, RuntimeError):
        return False
