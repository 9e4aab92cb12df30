"""``build-report find "words as you remember them" [--source ID]``: the passages of the
sources holding those words, best first, each labelled with its source and place, and as
an ``evidence`` entry ready to paste into findings.yaml (the quote escaped for YAML).

A passage is a sentence, a list item, a heading or a dateline: the units a text is read
in (see findings/structure.py), never a run of them. Passages holding more of the words
rank first, then those holding them closer together. Every source is searched unless one
is named; ``find SOURCE_ID WORDS`` (a first word that is a source id) names one too.

The findings are read only as far as the end of their sources list (findings_head.py),
and only the paragraphs that could hold one of the best passages are split into units
(findings/search.py): the claims and the rest of the sources cost nothing.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

from ..errors import BadInput, Problems, UsageError, did_you_mean, line_column, printable
from ..findings import model
from ..findings.load import Document
from ..findings.nearest import SUGGEST_WORDS, Hit, comparable
from ..findings.search import best_units
from ..findings.sources import SourceText
from .arguments import ArgumentParser
from .findings_head import check_head, load_head

# Beyond the best passage, others are shown only when they hold this share of the words.
SHOWN_FROM = 0.4


def parser() -> argparse.ArgumentParser:
    p = ArgumentParser(
        prog="build-report find",
        description="Find the passages of the sources holding the words "
        "given, as evidence entries ready to paste.",
    )
    p.add_argument(
        "words",
        metavar="WORDS",
        nargs="+",
        help="the words as you remember "
        "them (a first word that is a source id searches that source only)",
    )
    p.add_argument("--source", metavar="ID", help="search this source only")
    p.add_argument(
        "--findings",
        metavar="PATH",
        default="findings.yaml",
        help="the findings file (default: findings.yaml)",
    )
    p.add_argument(
        "--max", type=int, default=3, metavar="N", help="how many passages to show (default 3)"
    )
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.max < 1:
        raise UsageError(f"--max {args.max}: give how many passages to show, 1 or more")
    findings = Path(args.findings)
    if not findings.is_file():
        raise BadInput(f"findings file '{printable(args.findings)}' not found")
    problems = Problems()
    doc, sources, texts = _read_sources(findings, args.findings, problems)
    files = {s.id: s.file for _, s in sources}
    listed = _listed_ids(doc)
    source, words = args.source, args.words
    if source is None and _names_a_source(words[0], listed):
        if len(words) == 1:
            raise UsageError(
                f"the following arguments are required: WORDS (after the source id '{words[0]}')"
            )
        source, words = words[0], words[1:]
    _check_words(words)
    for problem in problems.errors:  # shown either way: the build will stop on them
        print(problem, file=sys.stderr)
    if source is not None:
        _check_searchable(source, texts, files, listed, problems, args.findings)
    searched = {source: texts[source]} if source is not None else texts
    if not searched:
        raise BadInput(
            f"no source can be searched until the {len(problems.errors)} error(s) above are fixed"
        )
    want = [comparable(w) for w in " ".join(words).split()]
    shown = best_units(want, ((sid, text.text) for sid, text in searched.items()), args.max)
    distinct = len(set(want))
    shown = [h for i, h in enumerate(shown) if i == 0 or h.held >= SHOWN_FROM * distinct]
    if not shown:
        where = f"source '{source}'" if source else "any source"
        raise BadInput(f"nothing in {where} holds those words")
    for hit in shown:
        _print(hit, searched[hit.source], files[hit.source], distinct)
    return 0


def _read_sources(
    findings: Path, shown: str, problems: Problems
) -> tuple[Document | None, list[tuple[int, model.Source]], dict[str, SourceText]]:
    """The findings as far as their sources (the claims after them left unread), the
    valid sources and the texts that can be read; the whole file, as the build reads it,
    when that part alone cannot stand for it, so that what is wrong is said as the build
    says it."""
    # Where a build writes by default: a source there is refused, as the build refuses it.
    report = findings.parent / "report"
    doc = load_head(findings, shown, problems)
    if doc is not None:
        return doc, *check_head(doc, findings.parent, problems, report)
    from ..findings.load import load_findings
    from ..findings.validate import validate

    doc = load_findings(findings, shown, problems)
    checked = validate(doc, findings.parent, problems, report) if doc else None
    return doc, checked.sources if checked else [], checked.texts if checked else {}


def _check_words(words: list[str]) -> None:
    if not " ".join(words).strip():
        raise UsageError("give the words to look for, as you remember them")
    if len(" ".join(words).split()) > SUGGEST_WORDS:
        raise UsageError(
            f"give at most {SUGGEST_WORDS} words: the opening of the passage you remember is enough"
        )


def _listed_ids(doc: Document | None) -> list[str]:
    """The ids the findings list as sources, valid or not: a source behind a mistake
    elsewhere in its entry is still named, not taken for a word."""
    data = doc.data if doc else None
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return []
    return [str(e["id"]) for e in entries if isinstance(e, dict) and "id" in e]


def _names_a_source(word: str, listed: list[str]) -> bool:
    """Whether a first word names a source: a listed id, or an id-like word with a hyphen
    that is a slip for one (found nowhere as a word, it would only mislead)."""
    if word in listed:
        return True
    return (
        "-" in word
        and re.fullmatch(r"[a-z0-9-]+", word) is not None
        and bool(did_you_mean(word, listed))
    )


def _check_searchable(
    source: str,
    texts: dict[str, SourceText],
    files: dict[str, str],
    listed: list[str],
    problems: Problems,
    shown: str,
) -> None:
    if source in texts:
        return
    if source in files:  # listed well, but its file cannot be read
        raise BadInput(
            f"source '{source}' cannot be read: "
            + ("see the error(s) above" if problems.errors else "run build-report to see why")
        )
    if source in listed:  # listed, behind a mistake in its entry
        raise BadInput(
            f"source '{source}' cannot be searched until the "
            f"{len(problems.errors)} error(s) above are fixed"
        )
    raise BadInput(f"no source '{source}' in {printable(shown)}{did_you_mean(source, listed)}")


def _print(hit: Hit, text: SourceText, file: str, distinct: int) -> None:
    line, col = line_column(text.text, hit.start)
    quote = " ".join(text.text[hit.start : hit.end].split())
    scalar = (
        yaml.safe_dump(quote, allow_unicode=True, width=10_000, default_style='"')
        .removesuffix("\n...\n")
        .strip()
    )
    print(
        f"# {printable(file)}:{line}:{col} source '{hit.source}' ({hit.held} of {distinct} "
        "words found)"
    )
    print(f"      - source: {hit.source}")
    # A control that reorders or hides text (U+202E) is written as its escape, which the
    # double-quoted YAML scalar reads back as the same character.
    print(f"        quote: {printable(scalar)}")
