"""The model is the one place that says what a claim is: the schema file, the legends and
the allowed values must agree with it."""

from __future__ import annotations

import json
from typing import get_args

from briefing.findings import model, vocab
from briefing.findings.schema import schema_text
from conftest import ROOT


def test_committed_schema_is_generated_from_the_model() -> None:
    committed = (ROOT / "findings.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "run: python -m briefing.findings.schema > findings.schema.json"
    )


def test_schema_forbids_unknown_keys_and_requires_the_contract_keys() -> None:
    schema = json.loads(schema_text())
    defs = schema["$defs"]
    assert all(d.get("additionalProperties") is False for d in defs.values())
    assert set(schema["required"]) == {"briefing", "sources", "claims"}
    assert set(defs["Source"]["required"]) == {"id", "file", "title"}
    assert set(defs["Claim"]["required"]) == {"id", "statement"}


def test_legends_cover_exactly_the_allowed_values() -> None:
    assert tuple(vocab.SOURCE_RELIABILITY) == get_args(model.Reliability)
    assert tuple(vocab.INFORMATION_CREDIBILITY) == get_args(get_args(model.Credibility)[0])
    assert tuple(vocab.LIKELIHOOD) == get_args(model.Likelihood)
    assert tuple(vocab.CONFIDENCE) == get_args(model.Confidence)
    assert tuple(vocab.FLAGS) == get_args(model.Flag)
    assert tuple(vocab.KINDS) == get_args(model.Kind)
    assert get_args(model.Qualifier) == tuple(vocab.QUALIFIERS)
