"""Nothing a file holds reaches the terminal raw: names, statements and quotes printed by
any command have their control characters written out, so they cannot drive the terminal."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.commands import watch as watch_module
from conftest import SAMPLE_FINDINGS, Run

Project = Callable[..., Path]
Runner = Callable[..., Run]


def test_diff_writes_out_escapes_from_a_hand_edited_findings_json(
    project: Project, run: Runner, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0
    data = json.loads((findings.parent / "report" / "findings.json").read_text())
    old, new = json.loads(json.dumps(data)), data
    del old["claims"][0]
    new["claims"][0]["id"] = "count\x1b[2J"
    new["claims"][0]["statement"] = "Counted\x1b[2J\x07 twice."
    (tmp_path / "old.json").write_text(json.dumps(old))
    (tmp_path / "new.json").write_text(json.dumps(new))
    capsys.readouterr()
    assert main(["diff", str(tmp_path / "old.json"), str(tmp_path / "new.json")]) == 0
    printed = capsys.readouterr()
    assert "added: reported" in printed.out and "Counted" in printed.out
    assert "\x1b" not in printed.out + printed.err and "\x07" not in printed.out
    assert "'count\\x1b[2J'" in printed.out and "Counted\\x1b[2J\\x07 twice." in printed.out


def test_watch_names_the_findings_without_raw_escapes(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    findings = project()
    odd = findings.with_name("find\x1b]0;owned\x07ings.yaml")
    findings.rename(odd)
    stop = threading.Event()
    code = watch_module.watch(
        odd, lambda: (0, []), tmp_path / "report", 0, stop=stop, on_ready=lambda url: stop.set()
    )
    assert code == 0
    err = capsys.readouterr().err
    assert "watching" in err and "\x1b" not in err and "\x07" not in err
    assert "\\x1b]0;owned\\x07" in err


def test_find_names_the_source_file_without_raw_controls(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    findings = project(
        SAMPLE_FINDINGS.replace("sources/news.txt", '"sources/news\\x9b2J.txt"'),
        sources={"sources/news\x9b2J.txt": "Officials said about 1,200 volunteers joined.\n"},
    )
    capsys.readouterr()
    assert main(["find", "news", "about 1,200 volunteers", "--findings", str(findings)]) == 0
    printed = capsys.readouterr().out
    assert "\x9b" not in printed and "\\x9b" in printed
