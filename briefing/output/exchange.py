"""Exchange: what the files for other tools share: stable identifiers, timestamps from the
briefing's cut-off date, and JSON written one record a line.

Identifiers are UUIDv5 under one namespace of this tool, from names built out of the
briefing's title and the analyst's ids, so the same briefing gives the same identifiers
edition after edition, and two briefings that reuse a claim id do not collide.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

# This tool's namespace for UUIDv5 identifiers. Fixed for good: changing it would give
# every exported object a new identity.
NAMESPACE = uuid.UUID("1b0f8036-2445-4f95-abbe-f6da481522f4")


def stable_uuid(*names: str) -> str:
    """The UUIDv5 of ``names`` joined, under the tool's namespace."""
    return str(uuid.uuid5(NAMESPACE, "\n".join(names)))


def timestamp(when: dt.date | dt.datetime) -> str:
    """A UTC timestamp with milliseconds (what STIX requires of created and modified, and
    a valid xsd:dateTime): a date is taken at midnight, a time without a zone as UTC."""
    if not isinstance(when, dt.datetime):
        when = dt.datetime(when.year, when.month, when.day)
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def encoded(value: Any) -> str:
    """``value`` as compact JSON, non-ASCII characters kept as they are."""
    return json.dumps(value, ensure_ascii=False)


def json_object(fields: list[tuple[str, str]], indent: str = "") -> str:
    """A JSON object of already encoded values, one field a line."""
    inner = indent + "  "
    rows = ",\n".join(f"{inner}{encoded(key)}: {value}" for key, value in fields)
    return "{\n" + rows + "\n" + indent + "}"


def one_a_line(records: list[Any], indent: str = "") -> str:
    """A JSON array written one record a line: an edition's diff then shows which
    records changed, and each record goes through the JSON encoder's fast path."""
    if not records:
        return "[]"
    inner = indent + "  "
    return "[\n" + inner + f",\n{inner}".join(map(encoded, records)) + "\n" + indent + "]"
