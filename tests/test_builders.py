"""The test helpers themselves: the findings builder writes what it was told, and the page
reader finds a whole element, nested ones included, as its exact source."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import yaml

from builders import reported, sample
from conftest import SAMPLE_FINDINGS, Run
from page_parts import by_id, element, text


def test_the_sample_as_data_writes_the_same_findings() -> None:
    assert yaml.safe_load(sample().yaml()) == yaml.safe_load(SAMPLE_FINDINGS)


def test_a_claim_taken_out_leaves_no_judgment_resting_on_it() -> None:
    findings = sample().without("mayor-count")
    assert [c["id"] for c in findings.data["claims"]] == ["officials-count", "kj-turnout"]
    assert findings.claim("kj-turnout")["based_on"] == ["officials-count"]


def test_built_findings_build(project: Callable[..., object], run: Callable[..., Run]) -> None:
    findings = sample().add(
        reported("rain", "Rain may keep volunteers away.", "Rain may keep some away"),
        before="kj-turnout",
    )
    result = run("--findings", str(project(findings.yaml())))
    assert result.code == 0, result.stderr


PAGE = (
    '<main><ul id="outer"><li>a <ul><li>b</li></ul> c</li></ul>'
    '<p class="x">it&#39;s<br>here</p></main>'
)


def test_an_element_is_its_whole_source_with_nested_elements_of_its_kind() -> None:
    assert by_id(PAGE, "outer") == '<ul id="outer"><li>a <ul><li>b</li></ul> c</li></ul>'
    assert element(PAGE, "p", class_="x") == '<p class="x">it&#39;s<br>here</p>'
    assert text(element(PAGE, "p")) == "it'shere"


def test_a_missing_element_fails_the_test_that_asks_for_it() -> None:
    with pytest.raises(AssertionError, match="no <section>"):
        element(PAGE, "section", id="outer")
