"""The findings file as add-source edits it: read as text with its own line ends, refused
where the build would refuse it, its ``sources:`` list found, and the new entry written at
the end of that list, indented like the others, every other byte left as it was.

``lists_it_last`` reads the edited text back, so that a layout the edit did not foresee
is refused rather than written wrong.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import BadInput, Problems, printable
from ..files import UnreadableFile, read_regular
from ..findings.load import load_findings
from ..findings.loads_cleanly import loads_cleanly
from .yaml_prefix import top_level_value


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


def read_findings(findings: Path) -> str:
    """The findings' text; BadInput says why it cannot be read."""
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


def refuse_what_the_build_refuses(findings: Path, shown: str, text: str) -> None:
    """Stop where the build would stop reading the findings: the text is edited only when
    it loads. ``text``, the findings as read, is first read the cheap way, which can only
    say that it loads (the usual case); otherwise they are loaded as the build loads them,
    within its limits (nesting, values reached through aliases), for the build's words
    and places."""
    if loads_cleanly(text):
        return
    problems = Problems()
    if load_findings(findings, shown, problems) is None or problems.errors:
        for problem in problems.errors:
            print(problem, file=sys.stderr)
        raise BadInput(
            f"{printable(shown)} cannot be read as findings (see above): fix "
            "it first; nothing was changed"
        )


def sources_node(text: str, shown: str) -> yaml.Node:
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


def with_entry(text: str, sources: yaml.Node, entry: Entry) -> str:
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


def lists_it_last(updated: str, entry: Entry, before: int) -> bool:
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


def entries(sources: yaml.Node) -> list[dict[str, str]]:
    """The plain text fields of each entry already listed under ``sources:``."""
    if not isinstance(sources, yaml.SequenceNode):
        return []
    return [
        {
            key.value: item.value
            for key, item in node.value
            if isinstance(key, yaml.ScalarNode) and isinstance(item, yaml.ScalarNode)
        }
        for node in sources.value
        if isinstance(node, yaml.MappingNode)
    ]
