"""Test inputs made from parts: findings held as data, edited by claim id, written as YAML.

    findings = sample().edit("kj-turnout", likelihood="very likely")
    findings.claim("officials-count")["estimate"]["value"] = 1300
    project(findings.without("mayor-count").yaml())

Tests that pin a line and column of the sample keep its text (conftest.SAMPLE_FINDINGS);
the rest say what they change in these terms instead of replacing strings in it.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from conftest import SAMPLE_FINDINGS, SAMPLE_TEXT

Data = dict[str, Any]


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as the findings files are written by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


class Findings:
    """A findings file as data. Every edit changes this object and returns it, to chain."""

    def __init__(self, data: Data) -> None:
        self.data = data

    def claim(self, claim_id: str) -> Data:
        """The claim with this id (a KeyError names a claim the findings lack)."""
        for claim in self.data["claims"]:
            if claim["id"] == claim_id:
                return claim  # type: ignore[no-any-return]
        raise KeyError(claim_id)

    def edit(self, claim_id: str, **fields: Any) -> Findings:
        """Set the claim's fields; a field given as None is taken out."""
        _update(self.claim(claim_id), fields)
        return self

    def briefing(self, **fields: Any) -> Findings:
        """Set fields of ``briefing:``; a field given as None is taken out."""
        _update(self.data["briefing"], fields)
        return self

    def add(self, claim: Data, before: str | None = None) -> Findings:
        """Add a claim at the end, or before the claim ``before``."""
        claims = self.data["claims"]
        at = len(claims) if before is None else claims.index(self.claim(before))
        claims.insert(at, claim)
        return self

    def without(self, claim_id: str) -> Findings:
        """Take a claim out, and out of every judgment's ``based_on``."""
        self.data["claims"].remove(self.claim(claim_id))
        for claim in self.data["claims"]:
            if claim_id in claim.get("based_on", []):
                claim["based_on"].remove(claim_id)
        return self

    def flag(self, claim_id: str, flag: str, note: str = "Counts differ.") -> Findings:
        """Flag a claim, with the note a flag needs."""
        return self.edit(claim_id, flag=flag, note=note)

    def copy(self) -> Findings:
        return Findings(copy.deepcopy(self.data))

    def yaml(self) -> str:
        return yaml.dump(self.data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000)

    def write(self, folder: Path, sources: dict[str, str | bytes] | None = None) -> Path:
        """A project in ``folder``: these findings and their sources (the sample's text
        unless given); the path of its findings.yaml."""
        return write_project(folder, self.yaml(), sources)


def _update(mapping: Data, fields: dict[str, Any]) -> None:
    for key, value in fields.items():
        if value is None:
            mapping.pop(key, None)
        else:
            mapping[key] = value


def sample() -> Findings:
    """The sample project's findings (conftest.SAMPLE_FINDINGS), as data to edit."""
    return Findings(yaml.safe_load(SAMPLE_FINDINGS))


def reported(
    claim_id: str,
    statement: str,
    quote: str,
    source: str = "news",
    said_by: str = "Organisers",
    credibility: int = 3,
    **more: Any,
) -> Data:
    """A reported claim resting on one passage of ``source``."""
    return {
        "id": claim_id,
        "statement": statement,
        "said_by": said_by,
        "credibility": credibility,
        "evidence": [{"source": source, "quote": quote}],
        **more,
    }


def judgment(
    claim_id: str,
    statement: str,
    based_on: list[str],
    likelihood: str = "likely",
    confidence: str = "low",
    **more: Any,
) -> Data:
    """An analytic judgment resting on the claims ``based_on``."""
    return {
        "id": claim_id,
        "kind": "judgment",
        "statement": statement,
        "likelihood": likelihood,
        "confidence": confidence,
        "based_on": based_on,
        **more,
    }


def estimate(
    value: int,
    quantity: str = "Volunteers",
    estimator: str = "Officials",
    location: str = "Riverside",
    qualifier: str = "about",
    **more: Any,
) -> Data:
    """An estimate for a claim's ``estimate:``."""
    return {
        "quantity": quantity,
        "estimator": estimator,
        "location": location,
        "value": value,
        "qualifier": qualifier,
        **more,
    }


def source(source_id: str, file: str, title: str, reliability: str = "C", **more: Any) -> Data:
    """An entry of ``sources:``."""
    return {"id": source_id, "file": file, "title": title, "reliability": reliability, **more}


def write_project(
    folder: Path, findings: str, sources: dict[str, str | bytes] | None = None
) -> Path:
    """Write findings.yaml and its source files into ``folder``; the findings' path."""
    for name, content in (sources or {"sources/news.txt": SAMPLE_TEXT}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    findings_path = folder / "findings.yaml"
    findings_path.write_text(findings, encoding="utf-8")
    return findings_path
