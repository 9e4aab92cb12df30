"""Numbers: what counts as a figure in a text, and how figures are written out.

A figure is a number token a reader sees as one number: "1,500" states 1,500 and never
500; "F-16" and "Hwasong-19" are names and state no figure; "-3,000" states minus 3,000;
"3,4,5" is three figures; "a 1,000-kilometre flight" states 1,000. Digits of two scripts
in one token ("৪,000") are no figure, and how a text groups thousands and marks decimals
depends on its language: "12.000" is twelve thousand in German, and in an English text
it is read as neither 12 nor 12,000, since either reading could be wrong.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from .boundaries import DASHES, is_word, splits_token, visible_after, visible_before

# A run of digits joined by what may group or separate them; split into tokens below.
_RUN = re.compile(r"\d+(?:[.,'’\u00a0\u202f\u2009\u066b\u066c ]\d+)*")
_SPACES = "\u00a0\u202f\u2009 "
# An ISO date: its parts are a date, not figures.
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


class Convention(NamedTuple):
    """How a language writes a number."""

    group: str
    """Characters that group thousands."""
    decimal: str
    """The decimal mark."""


ENGLISH = Convention(",", ".")
_POINT_GROUPS = Convention(".", ",")
_SPACE_GROUPS = Convention(_SPACES, ",")
_SWISS = Convention("'’", ".")
_ARABIC = Convention("\u066c,", "\u066b")
# By primary language subtag; a language not listed writes numbers the English way (as
# Korean, Japanese and Chinese do). A region may differ from its language's habit.
_CONVENTIONS = {
    **dict.fromkeys(
        ("de", "es", "it", "pt", "nl", "da", "id", "tr", "el", "ro", "hr", "sl", "sr", "vi", "is"),
        _POINT_GROUPS,
    ),
    **dict.fromkeys(
        (
            "fr",
            "ru",
            "uk",
            "pl",
            "cs",
            "sk",
            "fi",
            "sv",
            "nb",
            "nn",
            "no",
            "hu",
            "bg",
            "lt",
            "lv",
            "et",
            "be",
            "kk",
        ),
        _SPACE_GROUPS,
    ),
    **dict.fromkeys(("ar", "fa", "ur"), _ARABIC),
}
_REGIONS = {
    "de-ch": _SWISS,
    "it-ch": _SWISS,
    "es-mx": ENGLISH,
    "es-us": ENGLISH,
    "es-419": ENGLISH,
    "pt-pt": _SPACE_GROUPS,
}


def convention(language: str | None) -> Convention:
    """The number convention of a BCP 47 language tag (English when none is given)."""
    if not language:
        return ENGLISH
    tag = language.lower()
    for region, rule in _REGIONS.items():
        if tag == region or tag.startswith(region + "-"):
            return rule
    return _CONVENTIONS.get(tag.split("-")[0], ENGLISH)


class Figure(NamedTuple):
    """A number token in a text."""

    start: int
    end: int
    value: float
    """What it states, sign included."""
    ambiguous: str = ""
    """Why it states no sure value ("" when it does): its value is then not to be used."""


def figures_in(
    text: str, language: str | None = None, start: int = 0, end: int | None = None
) -> Iterator[Figure]:
    """Each figure in ``text[start:end]``, read in context (what stands just outside the
    stretch decides whether a token there is a figure)."""
    rule = convention(language)
    end = len(text) if end is None else end
    for run in _RUN.finditer(text, start, end):
        for token_start, token_end in _tokens(text, run.start(), run.end(), rule):
            figure = _figure(text, token_start, token_end, rule)
            if figure is not None:
                yield figure


def numbers(text: str, language: str | None = None) -> list[float]:
    """The values of the figures ``text`` surely states, in order."""
    return [f.value for f in figures_in(text, language) if not f.ambiguous]


def _tokens(text: str, start: int, end: int, rule: Convention) -> Iterator[tuple[int, int]]:
    """Split a run of digits and separators into the numbers it writes: the longest
    well-formed number at each place, so "3,4,5" is three tokens and "1,500" one."""
    pattern = _token_pattern(rule)
    pos = start
    while pos < end:
        match = pattern.match(text, pos, end)
        if match is None or match.end() == pos:
            pos += 1
            continue
        yield match.start(), match.end()
        pos = match.end()


_PATTERNS: dict[Convention, re.Pattern[str]] = {}


def _token_pattern(rule: Convention) -> re.Pattern[str]:
    if rule not in _PATTERNS:
        group = "[" + re.escape(rule.group) + "]"
        decimal = re.escape(rule.decimal)
        _PATTERNS[rule] = re.compile(
            rf"(?:\d{{1,3}}(?:{group}\d{{3}})+|\d+)(?:{decimal}\d+)?(?!\d)|\d+"
        )
    return _PATTERNS[rule]


def _figure(text: str, start: int, end: int, rule: Convention) -> Figure | None:
    token = text[start:end]
    digits = [c for c in token if c.isdigit()]
    if len({ord(c) - unicodedata.digit(c) for c in digits}) != 1:
        return None  # digits of two scripts: a look-alike, not a number
    before = visible_before(text, start)
    after = visible_after(text, end)
    if (before and is_word(text[before - 1])) or (after < len(text) and text[after].isdigit()):
        return None  # part of a longer token: "F16", or digits split by an invisible mark
    if _in_a_date(text, start, end):
        return None
    sign = 1
    if before and text[before - 1] in DASHES:
        joined_to = visible_before(text, before - 1)
        if joined_to and text[joined_to - 1].isalpha():
            return None  # "F-16", "Hwasong-19": a name, not a figure
        if not (joined_to and text[joined_to - 1].isdigit()):
            sign = -1  # "-3,000"; after a digit it is a range, as in "10-20"
    whole, _, fraction = _split_decimal(token, rule)
    value = float(_ascii(whole) + ("." + _ascii(fraction) if fraction else ""))
    ambiguous = ""
    if _cut(text, start, start - 1) or _cut(text, end, end):
        ambiguous = (
            f"'{token}' is part of the longer number "
            f"'{text[_reach(text, start, -1) : _reach(text, end, 1)]}'"
        )
    elif rule == ENGLISH and _looks_grouped_by_points(token):
        ambiguous = (
            f"'{token}' reads as {_ascii(whole)}.{_ascii(fraction)} in English and "
            f"as {_ascii(whole)}{_ascii(fraction)} in languages that group "
            "thousands with a point"
        )
    return Figure(start, end, sign * value, ambiguous)


def _cut(text: str, pos: int, joiner: int) -> bool:
    """Whether the token's edge at ``pos`` lies inside a longer number a reader sees (the
    character at ``joiner`` stands between): a dash there is a range, a compound or a sign,
    which leave the figure whole."""
    return splits_token(text, pos) and 0 <= joiner < len(text) and text[joiner] not in DASHES


def _reach(text: str, pos: int, step: int) -> int:
    """How far the longer number around ``pos`` runs, for the message."""
    while 0 < pos < len(text) if step < 0 else pos < len(text):
        near = text[pos - 1] if step < 0 else text[pos]
        if near.isdigit() or (
            near not in " \t\r\n" and not near.isalpha() and _digit_beyond(text, pos, step)
        ):
            pos += step
        else:
            break
    return pos


def _digit_beyond(text: str, pos: int, step: int) -> bool:
    beyond = pos - 2 if step < 0 else pos + 1
    return 0 <= beyond < len(text) and text[beyond].isdigit()


def _in_a_date(text: str, start: int, end: int) -> bool:
    return any(
        m.start() <= start and end <= m.end()
        for m in _DATE.finditer(text, max(0, start - 10), min(len(text), end + 10))
    )


def _split_decimal(token: str, rule: Convention) -> tuple[str, str, str]:
    if rule.decimal in token:
        whole, mark, fraction = token.rpartition(rule.decimal)
        return "".join(c for c in whole if c.isdigit()), mark, fraction
    return "".join(c for c in token if c.isdigit()), "", ""


def _looks_grouped_by_points(token: str) -> bool:
    """ "12.000" or "1.500": one point and three digits after it, no comma."""
    whole, point, fraction = token.partition(".")
    return bool(point) and len(fraction) == 3 and "," not in token and 1 <= len(whole) <= 3


def _ascii(digits: str) -> str:
    return "".join(str(unicodedata.digit(c)) for c in digits)


class Written(float):
    """A figure with as many decimals as it was written with: the analyst's 5.0 is not 5,
    and a reading of 1.50 m is not 1.5 m. YAML and JSON read "5.0" as the float 5.0,
    which forgets the '.0'; this keeps it, and compares as the float it is."""

    decimals: int

    def __new__(cls, value: float, decimals: int) -> Written:
        made = super().__new__(cls, value)
        made.decimals = decimals
        return made

    def __reduce__(self) -> tuple[type, tuple[float, int]]:
        return (Written, (float(self), self.decimals))


# A plain decimal as YAML and JSON write one: "5.0", "-1.50", "12_000.5" (YAML groups
# digits with '_'); exponents and special values are left as the float they read as.
_DECIMAL = re.compile(r"[-+]?[0-9][0-9_]*\.([0-9_]+)")


def written(text: str) -> float:
    """The float a JSON number ``text`` writes, remembering its decimals."""
    return with_decimals(text, float(text))


def with_decimals(text: str, value: float) -> float:
    """``value``, read from ``text``, as a :class:`Written` figure when ``text`` is a plain
    decimal; otherwise ``value`` as it is."""
    match = _DECIMAL.fullmatch(text.strip())
    if match is None or not math.isfinite(value):
        return value
    return Written(value, len(match.group(1).replace("_", "")))


def shown(value: float) -> str:
    """A figure for readers: thousands separators, no needless '.0', and as many decimals
    as the figure was written with (5.0 stays 5.0)."""
    decimals = getattr(value, "decimals", None)
    if decimals is not None:
        return f"{value:,.{decimals}f}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def plain(value: float | None) -> str:
    """A figure for programs (CSV, data attributes): no separators; '' for none."""
    return "" if value is None else shown(value).replace(",", "")
