"""A long source is searched through an index of its words: it must find exactly what a
scan of the whole text finds."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.findings import indexed_source, quotes
from briefing.findings.indexed_source import IndexedSource, _one_for_one, fold

WORDS = [
    "1,500",
    "500",
    "non-lethal",
    "lethal",
    "aid",
    "troops",
    "the",
    "“said”",
    "F-16",
    "2.5",
    "…",
    "O'Brien",
    "ano\u0303",
    "ano",
    "x\u00ad1",
    "—",
    "(Seoul)",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=60), st.integers(0, 59), st.integers(1, 6)
)
def test_the_word_index_finds_what_a_scan_finds(words: list[str], first: int, length: int) -> None:
    text = " ".join(words)
    needle_words = words[first % len(words) :][:length]
    source = IndexedSource("s", text)
    needle = indexed_source.fold(" ".join(needle_words))[0].strip()
    scanned = source.find_all(needle, limit=None)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(indexed_source, "INDEX_FROM", 0)
        indexed = IndexedSource("s", text).find_all(needle, limit=None)
    assert indexed == scanned


def test_a_rebuild_keeps_only_the_latest_index_of_each_source(project: Callable[..., Path]) -> None:
    """Under --watch each edit of a source once added a whole new index of it, kept for
    the session: memory grew by the source's size times several at every save."""
    import gc
    import weakref

    from briefing.build import build
    from conftest import SAMPLE_TEXT

    findings = project()
    build(findings, "findings.yaml")
    first = weakref.ref(quotes._INDEXED["news"])
    for n in range(5):
        (findings.parent / "sources" / "news.txt").write_text(
            SAMPLE_TEXT + f"Edit {n}.\n", encoding="utf-8"
        )
        build(findings, "findings.yaml")
    gc.collect()
    assert first() is None
    assert list(quotes._INDEXED) == ["news"]


def test_the_closest_passage_is_searched_for_within_a_budget(
    project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many mistyped quotes against a long source once cost seconds each: past a budget of
    source searched, a quote not found is reported without a suggestion."""
    from briefing.build import build
    from briefing.errors import InvalidFindings
    from conftest import SAMPLE_FINDINGS

    monkeypatch.setattr(quotes, "SUGGEST_BUDGET", 1)
    findings = project(
        SAMPLE_FINDINGS.replace(
            "quote: about 1,200 volunteers joined the clean-up",
            "quote: about 1,200 volunteers jumped the clean-up",
        ).replace("quote: \"The mayor's office put", "quote: \"The mayor's office set")
    )
    with pytest.raises(InvalidFindings) as raised:
        build(findings, "findings.yaml")
    messages = [p.message for p in raised.value.problems.errors]
    assert len(messages) == 2
    assert "closest passage at" in messages[0]
    assert "no closest passage is searched for" in messages[1]


def _folded_one_by_one(text: str) -> tuple[str, list[int]]:
    """The fold as a plain list of offsets, one per folded character: the reference."""
    out: list[str] = []
    offsets: list[int] = []
    done = 0
    for match in re.finditer(r"\s{2,}|[^\S ]|…", text):
        start = match.start()
        out.append(text[done:start])
        offsets.extend(range(done, start))
        out.append("..." if match.group() == "…" else " ")
        offsets.extend([start] * (3 if match.group() == "…" else 1))
        done = match.end()
    out.append(text[done:])
    offsets.extend(range(done, len(text)))
    return "".join(out), offsets


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", " ", "  ", "\n", "\n\n", "\t", "…", "’", "x y"])))
def test_the_folded_offsets_held_as_runs_are_the_offsets_one_by_one(parts: list[str]) -> None:
    text = "".join(parts)
    folded, offsets = fold(text)
    plain, reference = _folded_one_by_one(text)
    assert folded == _one_for_one(plain)
    assert [offsets[i] for i in range(len(offsets))] == reference
    for original in range(len(text) + 2):
        assert offsets.first_at_or_after(original) == bisect.bisect_left(reference, original)
