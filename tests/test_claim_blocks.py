"""Reading findings.yaml claim by claim (claim_blocks.py) gives the Document a whole-file
parse gives, or steps aside for it: the same data, the same line and column of every value
and key, in the same order; a claim whose text is unchanged is not parsed again; and any
file the whole parse refuses or reads differently is left to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.errors import Problems
from briefing.findings import claim_blocks
from briefing.findings.claim_blocks import ClaimBlocks
from briefing.findings.load import Document, parse

HEAD = """briefing:
  title: T
  as_of: 2024-11-01
sources:
  - id: s1
    file: sources/s1.txt
    title: One
"""
CLAIM = """  - id: c{n}
    statement: Claim {n}.
    credibility: 3
    evidence:
      - source: s1
        quote: 'word {n}'
"""


def _claims(count: int) -> str:
    return "claims:\n" + "".join(CLAIM.format(n=n) for n in range(count))


def _positions(doc: Document) -> list[tuple[object, int, int]]:
    return [(path, m.line, m.column) for path, m in doc.value_positions.items()]


def _same(kept: Document, whole: Document) -> None:
    assert kept.data == whole.data
    assert _positions(kept) == _positions(whole)  # in order: some checks report in it
    keys = {p: (m.line, m.column) for p, m in kept.key_positions.items()}
    assert keys == {p: (m.line, m.column) for p, m in whole.key_positions.items()}
    assert kept.commented == whole.commented
    assert kept.lines == whole.lines
    assert kept.aliased == whole.aliased
    for name, keep in _PICKS.items():
        assert sorted(kept.values_where(name, keep), key=repr) == sorted(
            whole.values_where(name, keep), key=repr
        )


# What the checks pick out of every value, read claim by claim or whole.
_PICKS = {
    "blank": lambda path, value: value is None or value == "",
    "text": lambda path, value: isinstance(value, str) and path[-1:] != ("id",),
}


def _check(text: str, blocks: ClaimBlocks | None = None) -> Document | None:
    """The blocks' reading of ``text``, after checking it against the whole parse."""
    whole_problems = Problems()
    whole = parse(text, "findings.yaml", whole_problems)
    kept = (blocks or ClaimBlocks()).load(text, "findings.yaml")
    if kept is not None:
        assert whole is not None and not len(whole_problems), (
            "blocks accepted what the parse refuses"
        )
        _same(kept, whole)
    return kept


def test_a_plain_file_is_read_by_blocks_and_matches_the_whole_parse() -> None:
    text = HEAD + _claims(5) + "origins:\n  - id: o1\n    by: Someone\n"
    assert _check(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        HEAD + _claims(3).replace("  - id: c", "- id: c").replace("\n    ", "\n  "),  # margin
        HEAD + _claims(3).replace("\n", "\r\n"),  # CRLF
        HEAD + "claims:   # the claims\n" + _claims(2)[8:],
        HEAD + "claims:\n\n# first\n" + _claims(2)[8:] + "\n# trailing\n",
        HEAD + _claims(2) + "# a comment at the margin\n" + CLAIM.format(n=7),
        HEAD + _claims(2).replace("Claim 1.", "Claim 1. # not text"),
        HEAD + _claims(2).replace("Claim 1.", "|\n      Claim one,\n      - still text"),
        _claims(2) + HEAD,  # claims first
        HEAD + _claims(2).replace("Claim 1.", "Claim 1 & co, R&D."),  # ampersands, no anchor
    ],
)
def test_other_plain_layouts_are_read_by_blocks(text: str) -> None:
    assert _check(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        HEAD + "claims: [{id: c1, statement: x}]\n",  # a flow list
        HEAD + "---\n" + _claims(2),  # a document marker
        HEAD + _claims(2).replace("Claim 0.", "&a Claim 0.").replace("Claim 1.", "*a"),
        HEAD + _claims(2).replace("Claim 0.", "&a Claim 0.").replace("Claim 1.", "&a Claim 1."),
        HEAD + _claims(2).replace("Claim 0.", "'Claim 0,\n  - id: c9\n    x'"),  # one value
        HEAD + _claims(2).replace("Claim 0.", "Claim\x85 0."),
        HEAD.replace("title: T", "title: 'T\nclaims:\n  - x'") + _claims(1),
        HEAD + _claims(2) + "claims:\n  - id: c3\n",  # the key twice
        HEAD + _claims(2).replace("credibility: 3", "credibility: 3\n    credibility: 4"),
        HEAD + _claims(2).replace("Claim 1.", "!!binary aGVsbG8="),
        HEAD + _claims(2).replace("Claim 1.", '"\\ud800"'),
        HEAD + _claims(2).replace("  - id: c1", " - id: c1"),  # a stray indentation
        "---\n" + HEAD + _claims(2),  # a marker on the first line
        "%YAML 1.1\n---\n" + HEAD + _claims(2),  # a directive
        HEAD + _claims(2) + "...\n",  # an end marker
        HEAD + _claims(2).replace("Claim 0.", "Claim\u2028 0."),
        HEAD + _claims(2).replace("Claim 0.", "Claim\x0c 0."),
        HEAD + _claims(2).replace("Claim 1.\n", "Claim 1.\r"),  # a lone carriage return
        HEAD + _claims(2).replace("  - id: c1", "  - &first\n    id: c1"),  # a block's anchor
        HEAD.replace("title: T", "title: &t T") + _claims(2),  # an anchor in the head
    ],
)
def test_anything_else_is_left_to_the_whole_parse(text: str) -> None:
    assert _check(text) is None


def test_only_the_claims_whose_text_changed_are_parsed_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    blocks = ClaimBlocks()
    text = HEAD + _claims(6)
    assert _check(text, blocks) is not None
    parsed: list[str] = []
    real = claim_blocks._parse

    def counting(block: str, shown_as: str) -> object:
        parsed.append(block)
        return real(block, shown_as)

    monkeypatch.setattr(claim_blocks, "_parse", counting)
    # One claim edited and one line added to it: the claims below it move, unread.
    edited = text.replace("statement: Claim 2.", "statement: Claim 2, edited.\n    topic: T")
    assert _check(edited, blocks) is not None
    assert len(parsed) == 1 and "Claim 2, edited." in parsed[0]


LINE_EDITS = st.lists(
    st.tuples(
        st.sampled_from(["blank", "comment", "margin-comment", "copy", "drop", "indent", "tab"]),
        st.integers(0, 10_000),
    ),
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(edits=LINE_EDITS)
def test_random_edits_read_as_the_whole_parse_reads_them(edits: list[tuple[str, int]]) -> None:
    """Lines added, copied, dropped and shifted anywhere: the blocks agree with the whole
    parse or leave the file to it, and a warm reading agrees as a cold one does."""
    lines = (HEAD + _claims(4) + "origins:\n  - id: o1\n    by: Someone\n").splitlines()
    blocks = ClaimBlocks()
    for kind, n in edits:
        at = n % (len(lines) + 1)
        if kind == "blank":
            lines.insert(at, "")
        elif kind == "comment":
            lines.insert(at, "    # note")
        elif kind == "margin-comment":
            lines.insert(at, "# note")
        elif kind == "copy" and lines:
            lines.insert(at, lines[n % len(lines)])
        elif kind == "drop" and lines:
            del lines[n % len(lines)]
        elif kind == "indent" and lines:
            lines[n % len(lines)] = " " + lines[n % len(lines)]
        elif kind == "tab" and lines:
            lines[n % len(lines)] = "\t" + lines[n % len(lines)]
        text = "\n".join(lines) + "\n"
        _check(text, blocks)
        _check(text)


def test_the_findings_init_writes_are_read_by_blocks() -> None:
    """What `init` starts a project with is in the layout the blocks read, so a new
    project's watch session reads claim by claim."""
    root = Path(__file__).resolve().parent.parent
    text = (root / "briefing" / "commands" / "starter" / "findings.yaml").read_text(
        encoding="utf-8"
    )
    assert _check(text) is not None


def test_what_checks_pick_from_a_claim_is_kept_with_its_text() -> None:
    """Values picked from a claim (empty ones, Markdown texts) are picked again only for
    the claims whose text changed, and read as the whole parse reads them."""
    blocks = ClaimBlocks()
    text = HEAD + _claims(4).replace("Claim 2.", "''")
    picked: list[tuple[object, ...]] = []

    def blank(path: tuple[object, ...], value: object) -> bool:
        picked.append(path)
        return value == ""

    first = _check(text, blocks)
    assert first is not None
    assert [p for p, _ in first.values_where("b", blank)] == [("claims", 2, "statement")]
    in_claims = [p for p in picked if p[:2] == ("claims", 0)]
    picked.clear()
    edited = _check(text.replace("Claim 3.", "Claim three."), blocks)
    assert edited is not None
    assert [p for p, _ in edited.values_where("b", blank)] == [("claims", 2, "statement")]
    # Of the four claims, only the edited one's values were looked at again.
    assert len([p for p in picked if p[:2] == ("claims", 0)]) * 4 == len(in_claims) > 0
