"""Data: the findings for programs, ``findings.json`` and ``estimates.csv``.

``findings.json`` is the validated findings with every quote resolved to its place, each
source's coverage, each claim's independent originators (``independent_origins``) and
origins (``origin_count``: three briefings by one ministry are three origins, one
originator), and (with --previous) what changed
since the previous edition. One claim or source a line keeps an edition's diff readable,
and lets the JSON encoder's fast path do the work.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from ..findings import model, typed, when
from ..findings.coverage import Sentence, share
from ..findings.figures import found_in
from ..findings.numbers import plain
from ..findings.origins import OriginRef, count_originators, originators
from ..findings.quotes import Passage
from ..findings.sources import SourceText


def findings_data(
    findings: model.Findings,
    texts: dict[str, SourceText],
    passages: dict[tuple[str, int], Passage],
    sentences: dict[str, list[Sentence]],
    origins: dict[str, frozenset[OriginRef]],
) -> dict[str, Any]:
    data: dict[str, Any] = typed.dump(findings)
    by = originators(findings)
    for source in data["sources"]:
        said = sentences[source["id"]]
        text = texts[source["id"]].text
        source["sha256"] = texts[source["id"]].sha256
        source["coverage"] = round(share(said), 4)
        source["sentences"] = len(said)
        source["uncovered_sentences"] = [text[s.start : s.end] for s in said if not s.covered]
    languages = {s.id: s.language for s in findings.sources}
    for claim, held in zip(data["claims"], findings.claims, strict=True):
        if held.estimate is not None:
            claim["figure_found_in"] = found_in(held, texts, passages, languages)
        for ei, ev in enumerate(claim["evidence"]):
            p = passages[(claim["id"], ei)]
            ev.update(start=p.start, end=p.end, parts=[list(part) for part in p.parts])
            if p.page:
                ev["page"] = p.page
        traced = sorted(origins[claim["id"]])
        claim["independent_origins"] = count_originators(origins[claim["id"]], by)
        claim["origin_count"] = len(traced)
        claim["origin_ids"] = [f"{ref.kind}:{ref.id}" for ref in traced]
    return data


def render_json(data: dict[str, Any]) -> bytes:
    """The data as JSON: the top level and each list one entry a line."""
    parts = []
    for key, value in data.items():
        encoded = json.dumps(key, ensure_ascii=False)
        if isinstance(value, list) and value:
            rows = ",\n    ".join(json.dumps(v, ensure_ascii=False) for v in value)
            parts.append(f"  {encoded}: [\n    {rows}\n  ]")
        else:
            parts.append(f"  {encoded}: {json.dumps(value, ensure_ascii=False)}")
    return ("{\n" + ",\n".join(parts) + "\n}\n").encode("utf-8")


# New columns go at the end, so that a script reading columns by position keeps working.
CSV_COLUMNS = (
    "quantity",
    "estimator",
    "location",
    "qualifier",
    "value",
    "low",
    "high",
    "as_of",
    "said_by",
    "claim_id",
    "source_ids",
    "flag",
    "basis",
    "stated",
    "place",
    "unit",
    "note",
)


def render_csv(findings: model.Findings) -> bytes:
    """One row per estimate. Every cell goes through :func:`_inert`, whatever its column:
    which columns could ever start like a formula is not worth reasoning about."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    units = {q.name: q.unit or "" for q in findings.quantities}
    for claim in findings.claims:
        est = claim.estimate
        if est is None:
            continue
        sources = sorted({ev.source for ev in claim.evidence})
        writer.writerow(
            _inert(cell)
            for cell in (
                est.quantity,
                est.estimator,
                est.location,
                est.qualifier or "",
                *(plain(getattr(est, k)) for k in ("value", "low", "high")),
                _moment(est.as_of),
                claim.said_by or "",
                claim.id,
                ";".join(sources),
                claim.flag or "",
                est.basis,
                _moment(est.stated),
                est.place or "",
                units.get(est.quantity, ""),
                est.note or "",
            )
        )
    return out.getvalue().encode("utf-8")


def _moment(moment: dt.date | None) -> str:
    return when.iso(moment) if moment else ""


# With their full-width forms, which some spreadsheets read as the same signs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _inert(cell: str) -> str:
    """A cell a spreadsheet will not run: one that starts like a formula (= + - @, or a tab
    or a carriage return before one) gets a leading apostrophe, as OWASP advises against
    CSV injection. A figure never starts so (figures are not negative), so numbers stay
    numbers."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
