"""The annexes' parts that gather across claims: the findings by topic, the caveats, the
full list of what changed since the previous edition (and its one line for the header),
and the annexes' letters and names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from markupsafe import Markup, escape

from ..findings import coverage, vocab, when
from ..findings.lint import CODES, Accepted
from ..findings.markdown import inline_words, opening_words, shown_words
from ..output import changes
from ..output.describe import figure_words
from ..words import counted, plural
from .ids import slug, unique
from .view_claims import ClaimView
from .view_sources import SourceView

if TYPE_CHECKING:
    from .view import Markdown


class Annex(NamedTuple):
    """One annex: its section id and its heading ("Annex B: Reported findings")."""

    anchor: str
    letter: str
    name: str

    @property
    def heading(self) -> str:
        return f"Annex {self.letter}: {self.name}"


def annexes(judgments: bool, findings: bool, edition: bool) -> dict[str, Annex]:
    """The annexes the page has, lettered in page order and keyed by section id."""
    names = [
        ("judgments-in-full", "Key judgments in full", judgments),
        ("findings", "Reported findings", findings),
        ("caveats", "Caveats", True),
        ("sources", "Sources", True),
        ("legends", "Grades and terms", True),
        # Last, so that the other annexes keep their letters from one edition to
        # the next; the header links here.
        ("changes", "What changed", edition),
    ]
    present = [(anchor, name) for anchor, name, shown in names if shown]
    return {
        anchor: Annex(anchor, chr(ord("A") + i), name) for i, (anchor, name) in enumerate(present)
    }


class Topic(NamedTuple):
    name: str
    anchor: str
    claims: list[ClaimView]


def topics(claims: list[ClaimView]) -> list[Topic]:
    groups: dict[str, list[ClaimView]] = {}
    for view in claims:
        groups.setdefault(view.model.topic or "Other findings", []).append(view)
    used: set[str] = set()
    return [
        Topic(topic, unique(f"topic_{slug(topic)}", used), views) for topic, views in groups.items()
    ]


class Caveat(NamedTuple):
    """One line of the caveats: a flag or an accepted lint warning."""

    label: str
    css: str
    text: Markup
    anchor: str
    link_words: str
    links: tuple[tuple[str, str], ...] = ()
    """(anchor, words) of each claim a gathered line names instead of one link."""


def caveats(
    claims: list[ClaimView],
    accepted: list[Accepted],
    by_id: dict[str, ClaimView],
    sources: dict[str, SourceView],
    md: Markdown,
) -> list[Caveat]:
    """One line per flagged claim: what it is, in a few words, and what is wrong with it
    (the note's first sentence), linking to the whole note; then one line per claim or
    source with accepted lint warnings, with the analyst's reasons. No line repeats a
    statement whole: the statement is said where the claim is."""
    lines = [
        Caveat(
            v.model.flag.replace("-", " ").capitalize() if v.model.flag else "",
            f"flag flag-{v.flag_weight}",
            # The claim's opening words, quoted, name it; the note's first sentence says
            # what is wrong. In a <q>, the words read as a name, not as a cut sentence.
            Markup('<q class="caveat-of">{}</q> {}').format(
                opening_words(v.statement_text), _first_sentence(v.model.note)
            ),
            v.note_anchor,
            "the note",
        )
        for v in claims
        if v.model.flag and v.model.flag != "unverified"
    ]
    # The mildest flag, often on many claims: one line naming them, each linked to its
    # note, so that the serious caveats are not lost in a long list.
    unverified = [v for v in claims if v.model.flag == "unverified"]
    if unverified:
        lines.append(
            Caveat(
                "Unverified",
                "flag flag-quiet",
                Markup(escape(vocab.FLAGS["unverified"].rstrip(".") + ":")),
                "",
                "",
                tuple(
                    (
                        v.note_anchor if v.model.note else v.anchor,
                        opening_words(v.statement_text, 6),
                    )
                    for v in unverified
                ),
            )
        )
    grouped: dict[tuple[str, str], list[Accepted]] = defaultdict(list)
    for item in accepted:
        grouped[(item.subject_kind, item.subject_id)].append(item)
    for (kind, subject_id), items in grouped.items():
        if kind == "claim":
            subject = by_id[subject_id]
            what, anchor = opening_words(subject.statement_text), subject.anchor
            link = "the judgment" if subject.model.kind != "reported" else "the finding"
        else:
            source = sources[subject_id]
            what, anchor, link = opening_words(source.model.title), source.anchor, "the source"
        reasons = Markup(" ").join(md.inline(item.reason) for item in items)
        labels = "; ".join(
            label if n == 0 else label[:1].lower() + label[1:]
            for n, label in enumerate(dict.fromkeys(CODES[i.code].accepted_as for i in items))
        )
        lines.append(
            Caveat(
                labels,
                "accepted",
                Markup(
                    '<q class="caveat-of">{}</q> <span class="reason">Accepted: {}</span>'
                ).format(what, reasons),
                anchor,
                link,
            )
        )
    return lines


def _first_sentence(note: str | None) -> str:
    """The note's first sentence as plain words: what is wrong, in one line."""
    if not note:
        return "see the note"
    paragraph = re.split(r"\n\s*\n", shown_words(note).strip(), maxsplit=1)[0]
    text = " ".join(paragraph.split())
    spans = coverage.split_sentences(text)
    return text[spans[0][0] : spans[0][1]] if spans else text


class Edition(NamedTuple):
    """What the build knows of the previous edition: its number and the changes."""

    previous: int | None
    changes: list[dict[str, Any]]


class Change(NamedTuple):
    """One line of What changed: the change, the claim it links to and the moves in words."""

    change: dict[str, Any]
    anchor: str
    statement: str
    moves: list[str]
    why: Markup


@dataclass(frozen=True)
class EditionView:
    """The What changed annex, and the one line the header gives it."""

    heading: str
    groups: dict[str, list[Change]]
    count: int

    @property
    def summary(self) -> str:
        """ "2 judgments revised, 1 figure moved, 3 other changes": for the header."""
        parts = [
            (len(self.groups["judgments"]), "judgment revised", "judgments revised"),
            (len(self.groups["estimates"]), "figure moved", "figures moved"),
            (
                len(self.groups["other"]) + len(self.groups["briefing"]),
                "other change",
                "other changes",
            ),
        ]
        said = [counted(n, one, many) for n, one, many in parts if n]
        return ", ".join(said) if said else "nothing changed"


def edition_view(
    edition: Edition | None, by_id: dict[str, ClaimView], md: Markdown, places: dict[str, str]
) -> EditionView | None:
    """The "What changed" annex: each change with the claim it links to, in words."""
    if edition is None:
        return None
    groups: dict[str, list[Change]] = {name: [] for name in changes.GROUPS}
    for change in edition.changes:
        if change["claim"] is None:
            groups["briefing"].append(Change(change, "", _subject_words(change), [], Markup()))
            continue
        view = by_id.get(change["claim"])
        # A removed claim has no card to link to: its old statement as plain words, so a
        # cross-reference to a claim that is gone shows neither its id nor Markdown.
        words = view.statement_text if view else inline_words(change["statement"])
        groups[changes.group(change)].append(
            Change(
                change,
                view.anchor if view else "",
                words,
                _moves(change, places),
                md.inline(change["revised"]) if change.get("revised") else Markup(),
            )
        )
    heading = (
        f"What changed since edition {edition.previous}"
        if edition.previous
        else "What changed since the previous edition"
    )
    return EditionView(heading, groups, len(edition.changes))


def _subject_words(change: dict[str, Any]) -> str:
    """A change to the briefing itself, in words: 'Bottom line reworded'."""
    named = {"title": "Title", "summary": "Bottom line", "implications": "Implications"}
    if change["subject"] in named:
        return f"{named[change['subject']]} reworded"
    kind = "Source" if change["subject"] == "source" else "Origin"
    done = "added" if change["change"] == "added" else "removed"
    return f"{kind} {done}: {inline_words(change['title'])}"


# Moved fields said in a few words, where old and new would not help a reader.
_REWORDED = {"statement": "reworded", "alternatives": "alternatives changed"}


def _moves(change: dict[str, Any], places: dict[str, str]) -> list[str]:
    """Each moved field in words: 'likelihood: likely → very likely'; a date as readers
    read dates, a place by its name."""
    words = []
    for key, move in change.get("fields", {}).items():
        old, new = move["old"], move["new"]
        if key == "revised":
            if not new:  # a reason the next edition no longer gives
                words.append("reason for the revision dropped")
            continue  # otherwise the reason itself follows, as "Why: ..."
        if key in _REWORDED:
            words.append(_REWORDED[key])
        elif key == "note":
            words.append(
                "note added" if not old else "note removed" if not new else "note reworded"
            )
        elif key == "indicators":
            words += [
                f"indicator “{opening_words(inline_words(text), 6)}”: {_flag(was)} → {_flag(now)}"
                for text, was, now in changes.indicator_moves(change)
            ] or ["indicators changed"]
        elif key == "estimate":
            words += _estimate_moves(old or {}, new or {})
        elif key == "evidence":
            words.append(
                f"passages cited: {len(old)} → {len(new)}"
                if len(old) != len(new)
                else f"{plural(len(old), 'quote')} changed"
            )
        elif key == "flag":
            words.append(
                f"flagged: {_flag(new)}"
                if old is None
                else f"flag lifted: {_flag(old)}"
                if new is None
                else f"flag: {_flag(old)} → {_flag(new)}"
            )
        elif key == "independent_origins":
            words.append(f"independent originators: {old} → {new}")
        elif key == "said_by":
            words.append(f"said by: {old or 'none'} → {new or 'none'}")
        elif key == "date":
            words.append(f"date: {_day(old) if old else 'none'} → {_day(new) if new else 'none'}")
        elif key == "place":
            words.append(
                f"place: {places.get(old, old) if old else 'none'} → "
                f"{places.get(new, new) if new else 'none'}"
            )
        else:
            words.append(f"{key.replace('_', ' ')}: {old or 'none'} → {new or 'none'}")
    return words


def _estimate_moves(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """The figure as a reader says it, then who, where and what, where they moved."""
    words = []
    if figure_words(old, _day) != figure_words(new, _day):
        words.append(f"figure: {figure_words(old, _day)} → {figure_words(new, _day)}")
    words += [
        f"{part}: {old.get(part) or 'none'} → {new.get(part) or 'none'}"
        for part in ("estimator", "location", "quantity")
        if old.get(part) != new.get(part)
    ]
    if old.get("stated") != new.get("stated"):
        words.append(
            f"stated: {_day(old['stated']) if old.get('stated') else 'none'} → "
            f"{_day(new['stated']) if new.get('stated') else 'none'}"
        )
    return words


def _day(iso: str) -> str:
    moment = when.from_iso(iso)
    return when.words(moment) if moment else iso  # an earlier edition's file, edited by hand


def _flag(flag: str) -> str:
    return flag.replace("-", " ")
