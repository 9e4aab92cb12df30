"""add-source works out what it would write before writing anything (plan, then apply),
and reads findings.yaml only up to the ``sources:`` list it edits."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefing.commands import add_source
from briefing.commands.yaml_prefix import top_level_value


def test_the_sources_value_is_read_without_reading_what_follows_it() -> None:
    """What follows ``sources:`` is never parsed (here it is not even YAML): the cost of
    an add-source does not grow with the claims listed after the sources."""
    text = "briefing:\n  title: T\nsources:\n  - id: a\n    file: sources/a.txt\nclaims: [\n"
    node = top_level_value(text, "sources")
    assert isinstance(node, yaml.SequenceNode)
    assert [k.value for k, _ in node.value[0].value] == ["id", "file"]
    assert text[node.start_mark.index :].startswith("- id: a")


def test_a_key_that_is_not_there_or_a_document_that_is_no_mapping_gives_none() -> None:
    assert top_level_value("briefing:\n  title: T\n", "sources") is None
    assert top_level_value("- a\n- b\n", "sources") is None
    assert top_level_value("", "sources") is None


def test_bad_yaml_before_the_key_is_an_error() -> None:
    with pytest.raises(yaml.YAMLError):
        top_level_value("briefing: [\nsources:\n  - id: a\n", "sources")


def test_plan_writes_nothing_and_apply_writes_what_it_planned(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text("Old words.\n", encoding="utf-8")
    findings = tmp_path / "findings.yaml"
    findings.write_text(
        "briefing:\n  title: T\n  as_of: 2025-01-01\nsources:\n  - id: a\n"
        "    file: sources/a.txt\n    title: A\nclaims: []\n",
        encoding="utf-8",
    )
    before = findings.read_bytes()
    new = tmp_path / "new.txt"
    new.write_text("New words here.\n", encoding="utf-8")
    work = add_source.plan(
        add_source.parser().parse_args([str(new), "--id", "b", "--findings", str(findings)])
    )
    assert findings.read_bytes() == before
    assert not (tmp_path / "sources" / "new.txt").exists()
    assert list(work.targets) == [tmp_path / "sources" / "new.txt"]
    add_source.apply(work)
    assert (tmp_path / "sources" / "new.txt").read_bytes() == b"New words here.\n"
    assert findings.read_text(encoding="utf-8") == work.updated
    assert "  - id: b\n    file: sources/new.txt\n" in work.updated
