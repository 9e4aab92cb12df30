"""find's search splits into units only the paragraphs that could hold one of the best
passages: it must pick the same passages, in the same order, as ranking every unit of
every source, which is kept here as the reference."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.findings import search, structure
from briefing.findings.coverage import split_sentences
from briefing.findings.nearest import Hit, best, comparable

# Words with other endings (troop/troops/trooper), short words matched only whole, case,
# punctuation around words, a Greek final sigma and a capital whose lowercase is longer
# (İ), list markers, a dateline, an abbreviation and sentence ends.
VOCABULARY = [
    "troop",
    "troops",
    "Troopers",
    "TROOPS.",
    "(troops)",
    "tro",
    "the",
    "The",
    "a",
    "north",
    "North-Korean",
    "korean",
    "Koreans,",
    "kursk",
    "Kursk.",
    "ΟΔΟΣ",
    "οδος.",
    "ΟΔΟΣΑ",
    "ΑΣ",
    "Σ",
    "'ΣΑ'",
    "ΟΔΟΣ.)",
    "Σ.Σ",
    "İstanbul",
    "istanbul",
    "Mr.",
    "U.S.",
    "said:",
    "“said”",
    "...",
    "—",
    "1,200",
    "-",
    "#",
    "October 3, 2024",
]
SEPARATORS = [" ", " ", " ", " ", ". ", "! ", "\n", "\n\n", "\n- ", "\n1. ", "\n# "]

WANTED = [*VOCABULARY, "troo", "trooping", "korea", "οδοσ", "i̇stanbul", "said", "σ"]


def texts(wanted: list[str]) -> st.SearchStrategy[str]:
    """Texts of the vocabulary, half of their words among those looked for, so that
    passages holding several of them, close together or not, are common."""
    words = st.one_of(st.sampled_from(VOCABULARY), st.sampled_from(wanted))
    return st.lists(st.tuples(words, st.sampled_from(SEPARATORS)), max_size=60).map(
        lambda pairs: "".join(word + gap for word, gap in pairs)
    )


def reference_units(text: str) -> list[tuple[int, int]]:
    """Every passage of the text: its sentences, headings and datelines, split whole."""
    apart = [(u.start, u.end) for u in structure.units(text) if u.kind in structure.NOT_SENTENCES]
    return sorted(split_sentences(text) + apart)


def reference_which(form: str, wanted: list[str]) -> int:
    for i, word in enumerate(wanted):
        if form == word:
            return i
    for i, word in enumerate(wanted):
        short, long_ = sorted((form, word), key=len)
        if len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3:
            return i
    return -1


def reference_hits(want: list[str], source_id: str, text: str) -> list[Hit]:
    """Each passage holding some of the words, with how many and how close together."""
    wanted = list(dict.fromkeys(want))
    hits = []
    for start, end in reference_units(text):
        places = [
            (n, which)
            for n, match in enumerate(re.finditer(r"\S+", text[start:end]))
            if (which := reference_which(comparable(match.group()), wanted)) >= 0
        ]
        held = len({w for _, w in places})
        if held:
            spread = min(
                last - first + 1
                for i, (first, _) in enumerate(places)
                for j, (last, _) in enumerate(places[i:], i)
                if len({w for _, w in places[i : j + 1]}) == held
            )
            hits.append(Hit(held, spread, source_id, start, end))
    return hits


def reference_best(want: list[str], sources: list[tuple[str, str]], count: int) -> list[Hit]:
    hits = [hit for sid, text in sources for hit in reference_hits(want, sid, text)]
    return best(hits, count)


@settings(max_examples=500, deadline=None)
@given(st.data(), st.lists(st.sampled_from(WANTED), min_size=1, max_size=4), st.integers(1, 4))
def test_the_search_picks_what_ranking_every_unit_picks(
    data: st.DataObject, words: list[str], count: int
) -> None:
    bodies = data.draw(st.lists(texts(words), min_size=1, max_size=4))
    want = [comparable(w) for w in " ".join(words).split()]
    sources = [(f"s{i}", text) for i, text in enumerate(bodies)]
    assert search.best_units(want, sources, count) == reference_best(want, sources, count)


def test_only_paragraphs_that_could_hold_a_best_passage_are_split(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A paragraph without the words is never split into units, nor is anything after
    the best passages possible have been found."""
    first = "Rain fell.\n\nTroops crossed the river.\n\nNothing else happened."
    second = "Troops crossed the river again.\n\nTroops crossed it once more."
    assert _split_for_best(monkeypatch, ["troops", "crossed"], first, second) == [
        "Troops crossed the river."
    ]


def test_a_source_whose_words_come_no_closer_than_those_found_is_not_split(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Both words are in the second source, but never closer together than in the
    passage found first: its paragraphs are not split, though each holds both stems."""
    first = "Item 1 harbour."
    second = "Item 2 harbour.\n\nThe harbour saw item 3 close."
    assert _split_for_best(monkeypatch, ["item", "harbour"], first, second) == [first]


def _split_for_best(
    monkeypatch: pytest.MonkeyPatch, want: list[str], first: str, second: str
) -> list[str]:
    """The paragraphs the search splits into units to find the best passage of two
    sources, after checking that it finds what the reference finds."""
    expected = reference_best(want, [("a", first), ("b", second)], 1)
    split: list[str] = []
    units = structure.paragraph_units

    def counted(text: str, start: int, end: int) -> list[structure.Unit]:
        split.append(text[start:end])
        return units(text, start, end)

    monkeypatch.setattr(structure, "paragraph_units", counted)
    assert search.best_units(want, [("a", first), ("b", second)], 1) == expected
    return split
