"""``build-report find SOURCE_ID "words as you remember them"``: the closest verbatim
passages of a source, best first, each with its place and as an ``evidence`` entry ready
to paste into findings.yaml (the quote escaped for YAML)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from ..cli import ArgumentParser
from ..errors import BadInput, Problems, UsageError, did_you_mean, printable
from ..findings.coverage import split_sentences
from ..findings.load import load_findings
from ..findings.nearest import SUGGEST_WORDS, closest_windows, comparable
from ..findings.quotes import IndexedSource
from ..findings.validate import validate


def parser() -> argparse.ArgumentParser:
    p = ArgumentParser(prog="build-report find",
                       description="Find the passages of a source closest to the words "
                       "given, as evidence entries ready to paste.")
    p.add_argument("source", metavar="SOURCE_ID", help="the id of a source in the findings")
    p.add_argument("words", metavar="WORDS", nargs="+", help="the words as you remember them")
    p.add_argument("--findings", metavar="PATH", default="findings.yaml",
                   help="the findings file (default: findings.yaml)")
    p.add_argument("--max", type=int, default=3, metavar="N",
                   help="how many passages to show (default 3)")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if not " ".join(args.words).strip():
        raise UsageError("give the words to look for, as you remember them")
    if len(" ".join(args.words).split()) > SUGGEST_WORDS:
        # Matching costs grow with the square of the words; the opening is enough to find.
        raise UsageError(f"give at most {SUGGEST_WORDS} words: the opening of the passage "
                         "you remember is enough")
    if args.max < 1:
        raise UsageError(f"--max {args.max}: give how many passages to show, 1 or more")
    findings = Path(args.findings)
    if not findings.is_file():
        raise BadInput(f"findings file '{printable(args.findings)}' not found")
    problems = Problems()
    doc = load_findings(findings, args.findings, problems)
    checked = validate(doc, findings.parent, problems) if doc else None
    texts = checked.texts if checked else {}
    files = {s.id: s.file for _, s in checked.sources} if checked else {}
    for problem in problems.errors:  # shown either way: the build will stop on them
        print(problem, file=sys.stderr)
    if args.source not in texts:
        if args.source in files:
            raise BadInput(f"source '{args.source}' cannot be read: "
                           + ("see the error(s) above" if problems.errors else
                              "run build-report to see why"))
        suggestion = did_you_mean(args.source, files)
        if problems.errors and not suggestion:  # the source may be there, behind a mistake
            raise BadInput(f"source '{args.source}' cannot be searched until the "
                           f"{len(problems.errors)} error(s) above are fixed")
        raise BadInput(f"no source '{args.source}' in {printable(args.findings)}{suggestion}")
    source = IndexedSource(args.source, texts[args.source].text)
    want = [comparable(w) for w in " ".join(args.words).split()]
    ranked = closest_windows(want, source.words, max(1, args.max))
    # The best always; the others only when they resemble the words at all well.
    found = [r for i, r in enumerate(ranked) if r[0] > 0 and (i == 0 or r[0] >= 0.4)]
    if not found:
        raise BadInput(f"nothing in source '{args.source}' resembles those words")
    sentences = split_sentences(source.text)
    shown: set[tuple[int, int]] = set()
    for _, lo, hi in found:
        start, end = source.words[lo][0], source.words[hi - 1][1]
        o_start, o_end = _whole_sentences(source.original_span(start, end), sentences)
        if (o_start, o_end) in shown:  # two close windows in one sentence: show it once
            continue
        shown.add((o_start, o_end))
        line, col = source.line_col(o_start)
        quote = " ".join(source.text[o_start:o_end].split())
        there = {comparable(w) for w in quote.split()}
        matched = sum(w in there for w in want)
        scalar = yaml.safe_dump(quote, allow_unicode=True, width=10_000,
                                default_style='"').removesuffix("\n...\n").strip()
        print(f"# {printable(files[args.source])}:{line}:{col} ({matched} of {len(want)} "
              "words found)")
        print(f"      - source: {args.source}")
        print(f"        quote: {scalar}")
    return 0


def _whole_sentences(span: tuple[int, int], sentences: list[tuple[int, int]]
                     ) -> tuple[int, int]:
    """The sentences the matched words fall in, whole: words remembered loosely seldom
    match a passage's exact ends, and a sentence is easy to trim but not to extend."""
    start, end = span
    touched = [(s, e) for s, e in sentences if s < end and e > start]
    return (touched[0][0], touched[-1][1]) if touched else span
