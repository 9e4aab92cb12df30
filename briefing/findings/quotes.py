"""Verify quotes: find each evidence quote in its source and fix its exact place.

Matching ignores only what the contract allows: whitespace, straight versus typographic
quotes, dash variants and ``...`` versus ``…``; an ellipsis in a quote may also stand for
words left out within one paragraph. A quote found nowhere gets the closest passage and
the words that differ; one found more than once is refused, since a citation must point
at one passage.
"""

from __future__ import annotations

import bisect
import difflib
import heapq
import re
from array import array
from dataclasses import dataclass
from functools import cached_property

from ..errors import Problems
from .load import Document
from .numbers import numbers
from .sources import paragraph_spans
from .validate import Validated

_ONE_FOR_ONE = str.maketrans({
    **dict.fromkeys("‘’‚‛′ʼ", "'"),
    **dict.fromkeys("“”„‟″", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
})
_RESIZED = re.compile(r"\s{2,}|[^\S ]|…")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Passage:
    """Where a quote sits in its source text."""

    source: str
    """The source id."""
    start: int
    """Code-point offset of the first quoted character."""
    end: int
    """Code-point offset just past the last quoted character."""
    parts: tuple[tuple[int, int], ...]
    """The quoted stretches (more than one when an ellipsis leaves words out)."""


def fold(text: str) -> tuple[str, array[int]]:
    """Text with the ignorable differences folded away, and each folded character's offset."""
    out: list[str] = []
    index = array("I")  # 4 bytes a character, not a list of int objects
    done = 0
    # Only whitespace runs other than one plain space, and '…', change the length; the
    # stretches between them are copied whole, and the one-for-one folds made at the end.
    for match in _RESIZED.finditer(text):
        start = match.start()
        out.append(text[done:start])
        index.extend(range(done, start))
        if match.group() == "…":
            out.append("...")
            index.extend((start, start, start))
        else:
            out.append(" ")
            index.append(start)
        done = match.end()
    out.append(text[done:])
    index.extend(range(done, len(text)))
    return "".join(out).translate(_ONE_FOR_ONE), index


class IndexedSource:
    """A source text prepared for searching: folded once, paragraphs located."""

    def __init__(self, source_id: str, text: str) -> None:
        self.id = source_id
        self.text = text
        self.folded, self.index = fold(text)
        spans = paragraph_spans(text) or [(0, len(text))]
        self.paragraph_starts = [start for start, _ in spans]
        # Where each paragraph ends in the folded text, to keep an elision inside one.
        self.paragraph_ends = [bisect.bisect_left(self.index, end) for _, end in spans]
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def paragraph_of(self, folded_pos: int) -> int:
        return max(0, bisect.bisect_right(self.paragraph_starts, self.index[folded_pos]) - 1)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.index[start], self.index[end - 1] + 1

    def original_text(self, start: int, end: int) -> str:
        """The source's own characters behind a stretch of the folded text."""
        o_start, o_end = self.original_span(start, end)
        return self.text[o_start:o_end]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    @cached_property
    def words(self) -> list[tuple[int, int, str]]:
        """(start, end, comparable form) of each word of the folded text."""
        return [(m.start(), m.end(), _comparable(m.group())) for m in _WORD.finditer(self.folded)]

    def find_all(self, needle: str, lo: int = 0, hi: int | None = None,
                 limit: int | None = None) -> list[int]:
        """Starts of ``needle`` in the folded text that begin and end at word boundaries
        (the first ``limit`` of them, if given)."""
        hits: list[int] = []
        hi = len(self.folded) if hi is None else hi
        pos = self.folded.find(needle, lo, hi)
        while pos != -1 and (limit is None or len(hits) < limit):
            if self._bounded(pos, pos + len(needle), needle):
                hits.append(pos)
            pos = self.folded.find(needle, pos + 1, hi)
        return hits

    def find_last(self, needle: str, lo: int, hi: int) -> int | None:
        """Start of the last bounded ``needle`` lying wholly within [lo, hi)."""
        pos = self.folded.rfind(needle, lo, hi)
        while pos != -1:
            if self._bounded(pos, pos + len(needle), needle):
                return pos
            pos = self.folded.rfind(needle, lo, pos + len(needle) - 1)
        return None

    def _bounded(self, start: int, end: int, needle: str) -> bool:
        before = self.folded[start - 1] if start else " "
        after = self.folded[end] if end < len(self.folded) else " "
        return not ((needle[0].isalnum() and before.isalnum())
                    or (needle[-1].isalnum() and after.isalnum()))


def verify_quotes(checked: Validated, doc: Document, problems: Problems
                  ) -> dict[tuple[str, int], Passage]:
    """Every evidence quote's passage, keyed by (claim id, evidence index)."""
    indexed = {sid: IndexedSource(sid, t.text) for sid, t in checked.texts.items()}
    paths = {s.id: s.file for _, s in checked.sources}
    resolved: dict[tuple[str, int], Passage] = {}
    for ci, claim in checked.claims:
        for ei, ev in enumerate(claim.evidence):
            source = indexed.get(ev.source)
            if source is None:
                continue  # its source could not be read: already reported
            where = doc.at(("claims", ci, "evidence", ei, "quote"))
            found, message = locate(ev.quote, source, paths[ev.source])
            if found is None:
                problems.error(where, message)
                continue
            resolved[(claim.id, ei)] = Passage(ev.source, found[0][0], found[-1][1],
                                               tuple(found))
    return resolved


def locate(quote: str, source: IndexedSource, shown_path: str
           ) -> tuple[list[tuple[int, int]] | None, str]:
    """The quoted stretches as original offsets, or ``None`` and the reason."""
    needle = fold(quote)[0].strip()
    needle = re.sub(r"^(\.\.\.\s*)+|(\s*\.\.\.)+$", "", needle).strip()
    if not needle:
        return None, "quote is empty: copy the passage from the source"
    hits = source.find_all(needle)
    if len(hits) == 1:
        return [source.original_span(hits[0], hits[0] + len(needle))], ""
    if len(hits) > 1:
        lines = sorted({source.line_col(source.index[h])[0] for h in hits})
        shown = ", ".join(map(str, lines[:5])) + (", ..." if len(lines) > 5 else "")
        return None, (f"quote occurs {len(hits)} times in source '{source.id}' (lines {shown}): "
                      "quote more of the passage so that it points at one place")
    if "..." in needle:
        matches = _elided(needle, source)
        if len(matches) == 1:
            return matches[0], ""
        if len(matches) > 1:
            return None, (f"quote with '...' fits {len(matches)} places in source "
                          f"'{source.id}': quote more words so that it points at one place")
        if _elided(needle, source, across_paragraphs=True):
            return None, (f"the parts of the quote around '...' are in different paragraphs "
                          f"of source '{source.id}': an ellipsis may leave out words only "
                          "within one paragraph; cite each paragraph as its own evidence")
    return None, _not_found(needle, source, shown_path)


def _elided(needle: str, source: IndexedSource, across_paragraphs: bool = False
            ) -> list[list[tuple[int, int]]]:
    """Every way the pieces between '...' fit, in order, within one paragraph.

    Each first piece is followed by the nearest fit of the rest; when the pieces could also
    fit further on in that paragraph, that is a second way, so the quote is ambiguous.
    """
    pieces = [p.strip() for p in needle.split("...") if p.strip()]
    matches = []
    for first in source.find_all(pieces[0]):
        end = len(source.folded) if across_paragraphs else \
            source.paragraph_ends[source.paragraph_of(first)]
        nearest = _fit(pieces, first, end, source)
        if nearest is None:
            continue
        matches.append([source.original_span(s, e) for s, e in nearest])
        if len(pieces) > 1 and not across_paragraphs:
            furthest = _fit_backwards(pieces, first, end, source)
            if furthest is not None and furthest != nearest:
                matches.append([source.original_span(s, e) for s, e in furthest])
    return matches


def _fit(pieces: list[str], first: int, end: int, source: IndexedSource
         ) -> list[tuple[int, int]] | None:
    stretches = [(first, first + len(pieces[0]))]
    for piece in pieces[1:]:
        nxt = source.find_all(piece, stretches[-1][1], end, limit=1)
        if not nxt:
            return None
        stretches.append((nxt[0], nxt[0] + len(piece)))
    return stretches


def _fit_backwards(pieces: list[str], first: int, end: int, source: IndexedSource
                   ) -> list[tuple[int, int]] | None:
    stretches: list[tuple[int, int]] = []
    hi = end
    for piece in reversed(pieces[1:]):
        pos = source.find_last(piece, first + len(pieces[0]), hi)
        if pos is None:
            return None
        stretches.insert(0, (pos, pos + len(piece)))
        hi = pos
    return [(first, first + len(pieces[0])), *stretches]


def _not_found(needle: str, source: IndexedSource, shown_path: str) -> str:
    head = f"quote not found in source '{source.id}'"
    want = [_comparable(w) for w in needle.replace("...", " ").split()]
    words = source.words
    best = _closest_window(want, words)
    if best is None:
        return f"{head}: no passage resembles it; copy the words exactly from {shown_path}"
    start, end = words[best[0]][0], words[best[1] - 1][1]
    if numbers(source.folded[start:end]) != numbers(needle):
        return (f"{head}: the closest passage gives different figures, so none is suggested; "
                f"check the numbers against {shown_path}")
    o_start, o_end = source.original_span(start, end)
    line, col = source.line_col(o_start)
    verbatim = " ".join(source.text[o_start:o_end].split())
    shown = [(w[2], source.original_text(w[0], w[1])) for w in words[best[0]:best[1]]]
    diffs = _differences(needle.replace("...", " ... ").split(), shown)
    return (f"{head}; closest passage at {shown_path}:{line}:{col}: «{_clip(verbatim)}» "
            f"({diffs}); copy it verbatim")


def _closest_window(want: list[str], words: list[tuple[int, int, str]]
                    ) -> tuple[int, int] | None:
    """Word range of the source most like ``want``: rank by shared words, then by diff."""
    n = len(want)
    if not n or not words:
        return None
    wanted = set(want)
    flags = [1 if w[2] in wanted else 0 for w in words]
    size = min(n, len(words))
    score = sum(flags[:size])
    ranked = [(score, 0)]
    for i in range(1, len(words) - size + 1):
        score += flags[i + size - 1] - flags[i - 1]
        ranked.append((score, i))
    best: tuple[float, int, int] | None = None
    for _, i in heapq.nsmallest(25, ranked, key=lambda r: (-r[0], r[1])):
        for lo, hi in ((i, i + size), (max(0, i - 2), min(len(words), i + size + 2))):
            ratio = difflib.SequenceMatcher(None, want, [w[2] for w in words[lo:hi]],
                                            autojunk=False).ratio()
            if best is None or ratio > best[0]:
                best = (ratio, lo, hi)
    if best is None or best[0] < 0.5:
        return None
    # Trim window words that the quote does not have at either end.
    _, lo, hi = best
    while lo < hi - 1 and not _resembles(words[lo][2], wanted):
        lo += 1
    while hi - 1 > lo and not _resembles(words[hi - 1][2], wanted):
        hi -= 1
    return lo, hi


def _resembles(word: str, wanted: set[str]) -> bool:
    """The word is quoted, or a quoted fragment of it is (a quote cut mid-word)."""
    return word in wanted or any(len(w) >= 3 and w in word for w in wanted)


def _differences(quoted: list[str], source: list[tuple[str, str]]) -> str:
    """The words that differ, the source's shown as written there."""
    ops = difflib.SequenceMatcher(None, [_comparable(w) for w in quoted],
                                  [w[0] for w in source], autojunk=False)
    said = []
    for tag, a1, a2, b1, b2 in ops.get_opcodes():
        q, s = " ".join(quoted[a1:a2]), " ".join(w[1] for w in source[b1:b2])
        if tag == "replace" and a2 - a1 == 1 and q.lower() in s.lower() and q != s:
            said.append(f"'{q}' is part of the word '{s}': a quote starts and ends on whole "
                        "words")
        elif tag == "replace":
            said.append(f"the quote has '{q}' where the source has '{s}'")
        elif tag == "delete" and q != "...":
            said.append(f"the source does not have '{q}' here")
        elif tag == "insert":
            said.append(f"the source also has '{s}' here")
    if not said:
        return "it differs only in letter case or punctuation"
    more = f", and {len(said) - 3} more difference(s)" if len(said) > 3 else ""
    return "; ".join(said[:3]) + more


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _comparable(word: str) -> str:
    return word.strip(".,;:!?\"'()[]").lower()



