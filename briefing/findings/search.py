"""Search: the units of the sources (sentences, list items, headings, datelines) that hold
the most of some words, found without splitting every source into units.

Splitting a text into units costs far more than looking for a few words in it, so the
texts are split only where a unit could rank among the best. A unit lies within one
paragraph, and a word that counts as one of the words looked for (see nearest.Wanted)
holds, lowercased, that word's stem: a paragraph whose lowercased text holds the stems
of only k of the words cannot hold a unit with more than k of them, nor one holding
those k in fewer than k words. A paragraph whose best possible unit could not displace
the best found so far is not split; earlier units win ties, so the answer is the one
splitting every text would give."""

from __future__ import annotations

from collections.abc import Iterable

from . import structure
from .coverage import sentences_of
from .nearest import ENDING_LETTERS, STEM_LETTERS, Hit, Wanted, best, ranked_units
from .sources import paragraph_spans


def best_units(want: list[str], texts: Iterable[tuple[str, str]], count: int) -> list[Hit]:
    """nearest.best(hits, count) over the hits of every unit of every (source id, text),
    in the texts' order, splitting only the paragraphs that could hold one of them."""
    wanted = Wanted(want)
    stems = [_stem(word) for word in wanted.words]
    top: list[Hit] = []
    for source_id, text in texts:
        if _beyond_reach(top, count, len(stems)):
            break  # the best possible units found already: later ones only tie
        if _beyond_reach(top, count, _held_at_most(stems, text)):
            continue
        for start, end in paragraph_spans(text):
            if _beyond_reach(top, count, _held_at_most(stems, text[start:end])):
                continue
            spans = unit_spans(text, structure.paragraph_units(text, start, end))
            top = best(top + ranked_units(wanted, source_id, text, spans), count)
    return top


def unit_spans(text: str, units: list[structure.Unit]) -> list[tuple[int, int]]:
    """The spans of the passages the units are read as, in order: the sentences of prose
    and list items, and each heading and dateline whole."""
    apart = [(u.start, u.end) for u in units if u.kind in structure.NOT_SENTENCES]
    return sorted(sentences_of(text, units) + apart)


def _stem(word: str) -> str:
    """What every form that counts as ``word`` (lowercased already) holds: the word
    itself when it is too short for another ending, else its opening, the shortest
    another ending leaves."""
    if len(word) < STEM_LETTERS:
        return word
    return word[: max(STEM_LETTERS, len(word) - ENDING_LETTERS)]


def _held_at_most(stems: list[str], text: str) -> int:
    """How many of the words a unit of ``text`` could hold."""
    # Lowercased whole, a text holds each of its words lowercased alone: the one letter
    # whose lowercase depends on its neighbours, the Greek capital sigma, looks no
    # further than the spaces around its word.
    folded = text.lower()
    return sum(stem in folded for stem in stems)


def _beyond_reach(top: list[Hit], count: int, held: int) -> bool:
    """Whether a unit holding at most ``held`` of the words, met after those in ``top``,
    could not be among the ``count`` best: it would hold fewer, or as many no closer
    together (it holds them in at least ``held`` words), and ties go to the first."""
    if not held:
        return True
    if len(top) < count:
        return False
    last = top[-1]
    return (-last.held, last.spread) <= (-held, held)
