"""loads_cleanly says a findings file loads only when load.py loads it without an error:
checked against every broken file of tests/bad and against cases made for each thing
load.py refuses; and it does say so for the findings files this project ships."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import Problems
from briefing.findings.load import MAX_ALIASED, MAX_DEPTH, load_findings
from briefing.findings.loads_cleanly import loads_cleanly
from conftest import SAMPLE_FINDINGS

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "bad"


def load_errors(path: Path) -> list[str]:
    """The errors load.py reports for the file, as lines."""
    problems = Problems()
    loaded = load_findings(path, path.name, problems)
    errors = [str(problem) for problem in problems.errors]
    return errors or ([] if loaded is not None else ["not loaded"])


def readable_cases() -> list[Path]:
    """The files of tests/bad that add-source gets as far as reading (UTF-8)."""
    cases = []
    for path in sorted(BAD.glob("*.yaml")):
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        cases.append(path)
    return cases


@pytest.mark.parametrize("path", readable_cases(), ids=lambda p: p.stem)
def test_it_agrees_with_the_full_load_on_every_broken_file(path: Path) -> None:
    """Clean exactly when load.py reports nothing, except a root that is no mapping,
    which it leaves to the full load (add-source has no sources list to edit there)."""
    text = path.read_bytes().decode("utf-8")
    expected = not load_errors(path) and path.stem != "not-a-mapping"
    assert loads_cleanly(text) is expected, load_errors(path)


def _aliases(levels: int) -> str:
    """A claim whose values reach 9**levels values through aliases."""
    lines = ["  - id: laughs", "    l0: &l0", "      k: lol"]
    for level in range(1, levels + 1):
        lines.append(f"    l{level}: &l{level}")
        lines += [f"      k{j}: *l{level - 1}" for j in range(9)]
    return "\n".join(lines) + "\n"


def _nested_past_the_text_check(levels: int) -> str:
    """Lists and mappings that open two levels for each step of indentation, deeper than
    the check made on the text before parsing notices."""
    lines = ["deep:"]
    for level in range(levels):
        lines.append(" " * (2 * level) + f"- k{level}:")
    return "\n".join(lines) + "\n" + " " * (2 * levels) + "- end\n"


REFUSED = {
    "duplicate key after the sources": SAMPLE_FINDINGS + "    statement: Again.\n",
    "syntax error after the sources": SAMPLE_FINDINGS + "  - id: broken\n    note: [open\n",
    "alias bomb": SAMPLE_FINDINGS + _aliases(6),
    "alias loop": SAMPLE_FINDINGS + "  - &loop\n    - *loop\n",
    "deep brackets": SAMPLE_FINDINGS + "deep: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),
    "deep past the text check": SAMPLE_FINDINGS + _nested_past_the_text_check(MAX_DEPTH // 2 + 5),
    "merge key": SAMPLE_FINDINGS + "    <<: {note: x}\n",
    "list as a key": SAMPLE_FINDINGS + "    ? [a, b]\n    : x\n",
    "tag": SAMPLE_FINDINGS + "    note: !!binary aGVsbG8=\n",
    "impossible date": SAMPLE_FINDINGS.replace("2025-05-01", "2025-02-30"),
    "number too long": SAMPLE_FINDINGS.replace("value: 1200", "value: " + "9" * 5000),
    "half a surrogate pair": SAMPLE_FINDINGS + '    note: "a \\ud800 b"\n',
    "reordering escape": SAMPLE_FINDINGS + '    note: "a \\u202e b"\n',
    "reordering character": SAMPLE_FINDINGS + "    note: a \u202e b\n",
    "reordering character in a comment": SAMPLE_FINDINGS + "# a \u202e b\n",
    "alias of no anchor": SAMPLE_FINDINGS + "    note: *nowhere\n",
    "brackets by the ten thousand": SAMPLE_FINDINGS + "deep: " + "[" * 50_000,
    # Inside a value they nest nothing, but the text check before parsing counts them.
    "brackets in a block value": SAMPLE_FINDINGS + "    note: |\n      " + "[" * 150 + "\n",
    "brackets in a plain value": SAMPLE_FINDINGS + "    note: a" + "[" * 150 + "\n",
    "second document": SAMPLE_FINDINGS + "---\nmore: x\n",
    "empty": "",
}


@pytest.mark.parametrize("text", REFUSED.values(), ids=REFUSED.keys())
def test_what_the_full_load_refuses_is_never_called_clean(text: str, tmp_path: Path) -> None:
    path = tmp_path / "findings.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_errors(path), "the case must be one load.py refuses"
    assert not loads_cleanly(text)


def test_any_anchor_or_alias_is_left_to_the_full_load(tmp_path: Path) -> None:
    """Values repeated through aliases are counted against MAX_ALIASED in load.py's walk,
    so even a harmless alias (one load.py accepts) is not called clean here."""
    assert MAX_ALIASED > 1
    anchored = SAMPLE_FINDINGS.replace("title: Clean-up turnout", "title: &t Clean-up turnout")
    for text in (anchored, anchored + "    note: *t\n"):
        path = tmp_path / "findings.yaml"
        path.write_text(text, encoding="utf-8")
        assert not load_errors(path)
        assert not loads_cleanly(text)


ACCEPTED = {
    "as shipped": SAMPLE_FINDINGS,
    "with a byte order mark": "\ufeff" + SAMPLE_FINDINGS,
    "'<<' quoted": SAMPLE_FINDINGS + "    '<<': x\n",
    "one key in two entries": SAMPLE_FINDINGS + "  - id: other\n    statement: Same keys.\n",
    "marks that could open anchors, aliases or tags": SAMPLE_FINDINGS
    + "    note: R&D said *so*! Really\n",
    "an impossible date quoted": SAMPLE_FINDINGS + "    note: '2025-02-30'\n",
    "typographic quotes": SAMPLE_FINDINGS + "    note: “quoted” – and ‘so’\n",
    "decimals and booleans": SAMPLE_FINDINGS + "    extra: [5.0, yes, ~, 0x1f]\n",
}


@pytest.mark.parametrize("text", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_what_the_full_load_accepts_is_mostly_called_clean(text: str, tmp_path: Path) -> None:
    path = tmp_path / "findings.yaml"
    path.write_text(text, encoding="utf-8")
    assert not load_errors(path)
    assert loads_cleanly(text)


@pytest.mark.parametrize(
    "shipped",
    [
        "findings.yaml",
        "briefing/commands/starter/findings.yaml",
        "tests/golden/project/findings.yaml",
    ],
)
def test_the_findings_this_project_ships_are_called_clean(shipped: str) -> None:
    assert loads_cleanly((ROOT / shipped).read_text(encoding="utf-8"))
