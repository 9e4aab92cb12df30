"""When: dates that may carry a time of day, ordered, compared and written for readers.

A date in the findings (``claims[].date``, ``estimate.as_of``, ``estimate.stated``) is a
``date``, or a ``datetime`` to the minute where the analyst gave a time. The two do not
compare in Python, and a day with no time is not midnight: these helpers put them in one
order and say them one way.
"""

from __future__ import annotations

import datetime as dt

# Month names in English whatever the machine's locale, so that the page is the same bytes
# on every machine (strftime's %b follows the locale).
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Only a count or a possibility says what is there; these say what is expected or intended.
AHEAD = frozenset({"forecast", "plan"})


def day(moment: dt.date) -> dt.date:
    """The calendar day of a date or a date and time."""
    return moment.date() if isinstance(moment, dt.datetime) else moment


def timed(moment: dt.date) -> bool:
    return isinstance(moment, dt.datetime)


def order(moment: dt.date) -> tuple[dt.date, int, dt.time]:
    """A sort key: by day; on one day, the day without a time first (it says only the
    day), then by time."""
    if isinstance(moment, dt.datetime):
        return moment.date(), 1, moment.time()
    return moment, 0, dt.time(0)


def after(moment: dt.date, cut_off: dt.date) -> bool:
    """Whether ``moment`` falls on a later day than ``cut_off``: a time on the cut-off
    day itself is within it."""
    return day(moment) > cut_off


def iso(moment: dt.date) -> str:
    """As the findings write it: 2024-10-31, or 2024-10-31T15:30."""
    if isinstance(moment, dt.datetime):
        return moment.isoformat(timespec="minutes")
    return moment.isoformat()


def words(moment: dt.date, year: bool = True) -> str:
    """For readers: "31 Oct 2024", or "31 Oct 2024, 15:30" with its time."""
    text = f"{day(moment).day} {_MONTHS[moment.month - 1]}"
    if year:
        text += f" {moment.year}"
    if isinstance(moment, dt.datetime):
        text += f", {moment:%H:%M}"
    return text


def described(moment: dt.date, basis: str, year: bool = True) -> str:
    """A figure's date as what it means: a count's "31 Oct 2024", a forecast's or a
    plan's "for 3 Nov 2024" (the time it is for, never a date of fact)."""
    said = words(moment, year)
    return f"for {said}" if basis in AHEAD else said


def from_iso(text: str) -> dt.date | None:
    """A date or a date and time as findings.json writes it; None for anything else."""
    try:
        if "T" in text:
            return dt.datetime.fromisoformat(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
