"""Search: the units of the sources (sentences, list items, headings, datelines) that hold
the most of some words, found without splitting every source into units.

Splitting a text into units costs far more than looking for a few words in it, so a
text is split only where a unit could rank among the best found so far; earlier units
win ties, so the answer is the one splitting every text would give. What a unit could
hold is bounded twice:

- a unit lies within one paragraph, and a word that counts as one of the words looked
  for (see nearest.Wanted) holds, lowercased, that word's stem: a paragraph whose
  lowercased text holds the stems of only k of the words cannot hold a unit with more
  than k of them, nor one holding k in fewer than k words;
- a unit starts and ends between words, so its words are a run of its source's words:
  it holds no more of the words looked for than its whole source does, and when it holds
  as many, they are no closer together in it than they come anywhere in the source.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import structure
from .coverage import sentences_of
from .nearest import ENDING_LETTERS, STEM_LETTERS, Hit, Wanted, best, ranked_units
from .sources import paragraph_spans

# The best a unit could do, as (words held, in how many words): (0, 0) for nothing.
Reach = tuple[int, int]


def best_units(want: list[str], texts: Iterable[tuple[str, str]], count: int) -> list[Hit]:
    """nearest.best(hits, count) over the hits of every unit of every (source id, text),
    in the texts' order, splitting only the paragraphs that could hold one of them."""
    wanted = Wanted(want)
    stems = [_stem(word) for word in wanted.words]
    top: list[Hit] = []
    for source_id, text in texts:
        if _beyond_reach(top, count, (len(stems), len(stems))):
            break  # the best possible units found already: later ones only tie
        if _beyond_reach(top, count, _stems_held(stems, text)):
            continue  # the cheap bound first: most texts hold few of the words at all
        if len(top) == count and _beyond_reach(top, count, _closest_in(wanted, text)):
            continue  # read word by word only when it can rule the text out
        for start, end in paragraph_spans(text):
            if _beyond_reach(top, count, _stems_held(stems, text[start:end])):
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


def _stems_held(stems: list[str], text: str) -> Reach:
    """The most a unit of ``text`` could hold, by the stems the text holds: k of the
    words, in k words."""
    # Lowercased whole, a text holds each of its words lowercased alone: the one letter
    # whose lowercase depends on its neighbours, the Greek capital sigma, looks no
    # further than the spaces around its word.
    folded = text.lower()
    held = sum(stem in folded for stem in stems)
    return held, held


def _closest_in(wanted: Wanted, text: str) -> Reach:
    """The most a unit of ``text`` could hold, by the words of the whole text read as one
    unit: as many of the words as it holds, no closer together than it holds them."""
    whole = ranked_units(wanted, "", text, [(0, len(text))])
    return (whole[0].held, whole[0].spread) if whole else (0, 0)


def _beyond_reach(top: list[Hit], count: int, reach: Reach) -> bool:
    """Whether a unit that holds at most ``reach[0]`` of the words, and as many in no
    fewer than ``reach[1]`` words, met after those in ``top``, could not be among the
    ``count`` best: ties go to the first."""
    held, spread = reach
    if not held:
        return True
    if len(top) < count:
        return False
    last = top[-1]
    return (-last.held, last.spread) <= (-held, spread)
