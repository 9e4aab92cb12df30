"""Context: the places and quantities the findings declare, and the claims that name them.

A place id a claim or an estimate names must be listed under ``places``; when
``quantities`` is given, every estimate's quantity must be one of its names. Each unknown
name is an error at its own line, with a did-you-mean.
"""

from __future__ import annotations

from ..errors import Problems, did_you_mean
from . import model, references
from .load import Document, KeyPath


def check(
    quantities: list[tuple[int, model.Quantity]],
    places: list[tuple[int, model.Place]],
    claims: list[tuple[int, model.Claim]],
    listed: bool,
    doc: Document,
    problems: Problems,
) -> None:
    """``listed`` says whether the file has a ``quantities`` list at all."""
    place_ids = set(references.unique_ids("places", places, doc, problems))
    known = place_ids | {pid for section, pid in doc.invalid_ids if section == "places"}
    names = _unique_names(quantities, doc, problems)
    written = _names_written(doc)  # an entry that failed validation is still no unknown name
    for i, claim in claims:
        if claim.place is not None and claim.place not in known:
            _unknown_place(claim.place, ("claims", i, "place"), place_ids, doc, problems)
        est = claim.estimate
        if est is None:
            continue
        if est.place is not None and est.place not in known:
            _unknown_place(est.place, ("claims", i, "estimate", "place"), place_ids, doc, problems)
        if listed and est.quantity not in names and est.quantity not in written:
            problems.error(
                doc.at(("claims", i, "estimate", "quantity")),
                f"quantity "
                f"'{est.quantity}' is not one of the names under 'quantities'"
                f"{did_you_mean(est.quantity, names) or _listed(names)}: use one "
                "of them, or add it to the list",
            )


def _unique_names(
    quantities: list[tuple[int, model.Quantity]], doc: Document, problems: Problems
) -> set[str]:
    first: dict[str, int] = {}
    for i, quantity in quantities:
        if quantity.name in first:
            line = doc.at(("quantities", first[quantity.name], "name")).line
            problems.error(
                doc.at(("quantities", i, "name")),
                f"quantity '{quantity.name}' is "
                f"listed twice (first on line {line}): list each quantity once",
            )
        else:
            first[quantity.name] = i
    return set(first)


def _names_written(doc: Document) -> set[str]:
    entries = doc.data.get("quantities") if isinstance(doc.data, dict) else None
    if not isinstance(entries, list):
        return set()
    return {e["name"] for e in entries if isinstance(e, dict) and isinstance(e.get("name"), str)}


def _listed(names: set[str]) -> str:
    shown = ", ".join(f"'{n}'" for n in sorted(names)[:5])
    return f" (listed: {shown}{', ...' if len(names) > 5 else ''})" if names else ""


def _unknown_place(
    name: str, path: KeyPath, known: set[str], doc: Document, problems: Problems
) -> None:
    hint = did_you_mean(name, known) or (
        "; list it under 'places:' with an id, a name, lat and lon"
        if known
        else "; add a top-level 'places:' list with an entry of that id, a name, lat and lon"
    )
    problems.error(doc.at(path), f"unknown place '{name}'{hint}")
