"""Dates as readers see them: one style on the whole page."""

from __future__ import annotations

import datetime as dt

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def reader_date(day: dt.date) -> str:
    """'31 Oct 2024': the one date style readers see, the same in every locale (ISO dates
    stay in the machine outputs and in ``datetime`` attributes)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
