"""Problems found in the input, and the errors that carry them to the command line.

Every stage reports what it finds as :class:`Problem` values into a :class:`Problems`
collector, so one run shows every mistake; the CLI prints them and picks the exit code.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

Severity = Literal["error", "warning"]


class Position(NamedTuple):
    """A place in a file, 1-based as editors and compilers show it."""

    path: str
    """The file as the user named it."""
    line: int = 1
    """1-based line."""
    column: int = 1
    """1-based column."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


def line_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of the character at ``offset`` in ``text``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


class Problem(NamedTuple):
    """One thing wrong (error) or worth a look (warning) in the input."""

    position: Position
    """Where the offending YAML node starts."""
    severity: Severity
    """``error`` stops the build; ``warning`` does so only under ``--strict``."""
    message: str
    """What is wrong and how to fix it, on one line."""

    def __str__(self) -> str:
        # One problem, one line: line breaks and other controls in quoted input are escaped.
        return f"{printable(str(self.position))}: {self.severity}: {printable(self.message)}"


@dataclass(eq=False)
class Problems:
    """Collects problems from every stage so they are reported together."""

    items: list[Problem] = field(default_factory=list)

    def error(self, position: Position, message: str) -> None:
        self.items.append(Problem(position, "error", message))

    def warning(self, position: Position, message: str) -> None:
        self.items.append(Problem(position, "warning", message))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    def __iter__(self) -> Iterator[Problem]:
        # Sorted by place, so the output reads top to bottom like the file.
        return iter(sorted(self.items, key=lambda p: (p.position, p.severity, p.message)))

    def __len__(self) -> int:
        return len(self.items)


class BriefingError(Exception):
    """Base of every error the CLI turns into a message instead of a traceback."""


class InvalidFindings(BriefingError):
    """The findings (or a source they name) are invalid; carries every problem found."""

    def __init__(self, problems: Problems, strict: bool = False) -> None:
        super().__init__(f"{len(problems.errors)} error(s) in the findings")
        self.problems = problems
        self.strict = strict
        """Whether warnings were counted as errors."""


class UsageError(BriefingError):
    """The command line asks for something that cannot be done (exit status 2)."""


class BadInput(BriefingError):
    """A file the command line names cannot be used: missing, unreadable, not the kind of
    file it should be (exit status 1, one line, no usage)."""


def printable(text: str) -> str:
    """``text`` with line breaks, escapes and other controls written out (``\\x1b``), so
    that a file name or a quote cannot move the cursor or clear the analyst's terminal."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice spelt most like ``word``, if any is close; letter case does not count."""
    import difflib  # only when a problem needs a suggestion

    by_folded = {c.lower(): c for c in sorted(choices)}
    close = difflib.get_close_matches(word.lower(), list(by_folded), n=1, cutoff=0.6)
    return by_folded[close[0]] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean 'x'?)' suffix when a close spelling exists, else ''."""
    close = closest(word, choices)
    return f" (did you mean '{close}'?)" if close else ""
