"""What a findings file may name as a source, and what the build does with hostile input:
a clear error at the source's line, never a hang, a crash, a leak or raw control bytes."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.findings.sources import MAX_SOURCE_BYTES
from conftest import SAMPLE_FINDINGS, SAMPLE_TEXT, Run

Project = Callable[..., Path]
Runner = Callable[..., Run]


def naming(source: str) -> str:
    return SAMPLE_FINDINGS.replace("sources/news.txt", source)


def only_error(result: Run) -> str:
    assert result.code == 1, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.lines if ": error: " in line]
    assert len(errors) == 1, result.stderr
    return errors[0]


def test_a_named_pipe_is_refused_without_waiting_on_it(project: Project, run: Runner) -> None:
    findings = project(naming("sources/pipe.txt"))
    os.mkfifo(findings.parent / "sources" / "pipe.txt")
    error = only_error(run("--findings", str(findings)))
    assert error.endswith(
        "source file 'sources/pipe.txt' is not a regular file (a pipe, "
        "device or socket): save the text as an ordinary file"
    )


def test_a_source_over_the_size_limit_is_refused_before_it_is_read(
    project: Project, run: Runner
) -> None:
    findings = project(naming("sources/huge.txt"))
    with (findings.parent / "sources" / "huge.txt").open("wb") as f:
        f.truncate(MAX_SOURCE_BYTES + 1)  # sparse: no time or disk spent
    error = only_error(run("--findings", str(findings)))
    assert f"is {MAX_SOURCE_BYTES + 1:,} bytes, over the limit of {MAX_SOURCE_BYTES:,}" in error


@pytest.mark.parametrize("hidden", [".env", ".git/config", "sources/.secret.txt"])
def test_hidden_files_and_folders_are_never_sources(
    project: Project, run: Runner, hidden: str
) -> None:
    findings = project(naming(hidden))
    path = findings.parent / hidden
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("AWS_SECRET=abc " + SAMPLE_TEXT)
    result = run("--findings", str(findings))
    error = only_error(result)
    assert "is hidden" in error and "never read as sources" in error
    assert not (findings.parent / "report").exists()


def test_a_report_cannot_cite_itself(project: Project, run: Runner) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0
    findings.write_text(naming("report/findings.json"))
    error = only_error(run("--findings", str(findings)))
    assert "is inside the report folder" in error


def test_a_symbolic_link_loop_is_an_error_not_a_traceback(project: Project, run: Runner) -> None:
    findings = project(naming("sources/loop.txt"))
    (findings.parent / "sources" / "loop.txt").symlink_to("loop.txt")
    error = only_error(run("--findings", str(findings)))
    assert "sources/loop.txt" in error


def test_a_findings_file_in_an_unreadable_folder_is_a_clear_error(
    project: Project, run: Runner, tmp_path: Path
) -> None:
    findings = project()
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0)
    try:
        result = run("--findings", str(locked / "findings.yaml"))
    finally:
        os.chmod(locked, 0o755)
    assert result.code in (1, 2)
    assert "Traceback" not in result.stderr and "findings" in result.stderr
    assert findings.is_file()


def test_check_with_an_unreadable_report_file_says_so(project: Project, run: Runner) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0
    (findings.parent / "report" / "findings.json").unlink()
    (findings.parent / "report" / "findings.json").mkdir()
    result = run("--findings", str(findings), "--check")
    assert result.code == 1
    assert "Traceback" not in result.stderr


def test_terminal_escapes_in_file_names_are_written_out(project: Project, run: Runner) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0
    (findings.parent / "report" / "\x1b[2J").write_text("")
    result = run("--findings", str(findings), "--check")
    assert "\x1b" not in result.stderr and "\\x1b[2J" in result.stderr
    result = run("--findings", str(findings.parent / "\x1b]0;owned\x07.yaml"))
    assert result.code == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr


def test_the_port_is_for_watch_only(project: Project, run: Runner) -> None:
    result = run("--findings", str(project()), "--port", "8123")
    assert result.code == 2
    assert "--port is for --watch" in result.stderr


def test_control_characters_in_sources_and_fields_never_reach_the_page_raw(
    project: Project, run: Runner
) -> None:
    text = SAMPLE_TEXT.replace("Rain may", "Rain\x00 may\x07 \x1b[31m")
    findings = project(
        SAMPLE_FINDINGS.replace("Volunteers clean the river", '"Volunteers\\e clean the river"'),
        sources={"sources/news.txt": text},
    )
    result = run("--findings", str(findings))
    assert result.code == 0, result.stderr
    page = (findings.parent / "report" / "index.html").read_text(encoding="utf-8")
    for control in ("\x00", "\x07", "\x1b"):
        assert control not in page
    data = json.loads((findings.parent / "report" / "findings.json").read_text())
    assert data["sources"][0]["title"] == "Volunteers\x1b clean the river"  # data kept


def test_spreadsheet_formulas_in_the_csv_are_neutralised(project: Project, run: Runner) -> None:
    findings = project(
        SAMPLE_FINDINGS.replace(
            "estimator: Officials", 'estimator: \'=HYPERLINK("http://x","y")\''
        ).replace("location: Riverside", "location: '@SUM(1+1)'")
    )
    result = run("--findings", str(findings))
    assert result.code == 0, result.stderr
    rows = list(
        csv.DictReader(
            io.StringIO((findings.parent / "report" / "estimates.csv").read_text(encoding="utf-8"))
        )
    )
    cells = [cell for row in rows for cell in row.values()]
    assert '\'=HYPERLINK("http://x","y")' in cells and "'@SUM(1+1)" in cells
    assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in cells if cell)


def test_element_ids_are_unique_whatever_the_ids(project: Project, run: Runner) -> None:
    two = SAMPLE_FINDINGS.replace("  - id: news\n", "  - id: s-h\n").replace(
        "source: news", "source: s-h"
    )
    two = two.replace(
        "claims:\n",
        """  - id: s
    file: sources/other.txt
    title: Other
claims:
""",
    )
    findings = project(
        two, sources={"sources/news.txt": SAMPLE_TEXT, "sources/other.txt": SAMPLE_TEXT}
    )
    result = run("--findings", str(findings))
    assert result.code == 0, result.stderr
    page = (findings.parent / "report" / "index.html").read_text(encoding="utf-8")
    import re

    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_a_link_to_a_hidden_file_is_refused_like_the_file(project: Project, run: Runner) -> None:
    findings = project(naming("sources/notes.txt"))
    (findings.parent / ".env").write_text("AWS_SECRET=abc " + SAMPLE_TEXT)
    (findings.parent / "sources" / "notes.txt").symlink_to("../.env")
    error = only_error(run("--findings", str(findings)))
    assert "is hidden ('.env' starts with a dot, where its link leads)" in error
    assert not (findings.parent / "report").exists()


def test_a_findings_file_over_the_size_limit_is_refused_before_it_is_read(
    project: Project, run: Runner
) -> None:
    findings = project()
    with findings.open("ab") as f:
        f.truncate(MAX_SOURCE_BYTES + 1)
    error = only_error(run("--findings", str(findings)))
    assert f"the findings file is {MAX_SOURCE_BYTES + 1:,} bytes, over the limit" in error


@pytest.mark.parametrize("command", ["--previous", "diff"])
def test_a_named_pipe_or_device_as_previous_findings_is_refused_without_waiting(
    project: Project, run: Runner, tmp_path: Path, command: str
) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0
    built = str(findings.parent / "report" / "findings.json")
    pipe = tmp_path / "previous.json"
    os.mkfifo(pipe)
    for bad in (str(pipe), os.devnull):
        argv = (
            ["--findings", str(findings), "--previous", bad]
            if command == "--previous"
            else ["diff", bad, built]
        )
        result = run(*argv)
        assert result.code == 1, result.stderr
        assert "is not a regular file" in result.stderr and "Traceback" not in result.stderr


def test_add_source_refuses_pipes_hidden_files_and_deep_findings(
    project: Project, run: Runner, tmp_path: Path
) -> None:
    findings = project()
    before = findings.read_bytes()
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    result = run("add-source", str(pipe), "--id", "piped", "--findings", str(findings))
    assert result.code == 1 and "is not a regular file" in result.stderr
    secret = tmp_path / ".env"
    secret.write_text("AWS_SECRET=abc\n")
    result = run("add-source", str(secret), "--id", "env", "--findings", str(findings))
    assert result.code == 1 and "is a hidden file" in result.stderr
    assert not (findings.parent / "sources" / ".env").exists()
    assert findings.read_bytes() == before
    findings.write_text(SAMPLE_FINDINGS + "deep: " + "[" * 5000 + "\n")
    article = tmp_path / "article.txt"
    article.write_text(SAMPLE_TEXT)
    result = run("add-source", str(article), "--id", "deep", "--findings", str(findings))
    assert result.code == 1 and "Traceback" not in result.stderr
    assert f"{findings}:44:" in result.stderr  # where the build says it nests too deeply
    assert "cannot be read as findings (see above): fix it first" in result.stderr


def test_noncharacters_never_reach_the_page_raw(project: Project, run: Runner) -> None:
    findings = project(
        SAMPLE_FINDINGS.replace(
            "Volunteers clean the river", '"Volunteers\\uFFFE clean\\U0010FFFF river"'
        ),
        sources={"sources/news.txt": SAMPLE_TEXT + "Closing\ufdd0 line.\n"},
    )
    result = run("--findings", str(findings))
    assert result.code == 0, result.stderr
    page = (findings.parent / "report" / "index.html").read_text(encoding="utf-8")
    for nonchar in ("\ufffe", "\U0010ffff", "\ufdd0"):
        assert nonchar not in page
    assert "Volunteers\ufffd clean\ufffd river" in page


def test_an_escaped_surrogate_pair_reads_as_its_character(project: Project, run: Runner) -> None:
    findings = project(
        SAMPLE_FINDINGS.replace("Volunteers clean the river", '"Volunteers \\ud83d\\ude00 river"')
    )
    result = run("--findings", str(findings))
    assert result.code == 0, result.stderr
    data = json.loads((findings.parent / "report" / "findings.json").read_text())
    assert data["sources"][0]["title"] == "Volunteers \U0001f600 river"


def test_watch_follows_only_sources_inside_the_project(project: Project, tmp_path: Path) -> None:
    from briefing.commands.watch import watched_files

    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    findings = project(
        SAMPLE_FINDINGS.replace(
            "claims:\n",
            f"""  - id: far
    file: {outside}
    title: Far
  - id: up
    file: ../{outside.name}
    title: Up
claims:
""",
        )
    )
    watched = {p.absolute() for p in watched_files(findings)}
    assert (findings.parent / "sources" / "news.txt").absolute() in watched
    assert not any(p.resolve() == outside.resolve() for p in watched)


class Compared:
    """Counts the word-by-word comparisons the closest-passage search makes, and their size."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import difflib

        self.sizes: list[int] = []
        real = difflib.SequenceMatcher

        def counting(
            junk: object, a: list[str], b: list[str], autojunk: bool = True
        ) -> difflib.SequenceMatcher[str]:
            self.sizes.append(len(a) * len(b))
            return real(None, a, b, autojunk=autojunk)

        monkeypatch.setattr(difflib, "SequenceMatcher", counting)


def test_a_long_quote_not_found_is_compared_only_where_it_departs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefing.findings.indexed_source import IndexedSource
    from briefing.findings.nearest import SUGGEST_WORDS
    from briefing.findings.quotes import locate

    words = [
        "".join("abcdefghijklmnopqrstuvwxyz"[i // 26**k % 26] for k in range(3))
        for i in range(5_000)
    ]  # 5,000 different words, no figures
    compared = Compared(monkeypatch)
    spans, message = locate(
        " ".join([*words[:-1], "zzzzz"]),
        IndexedSource("big", " ".join(words) + "\n"),
        "sources/big.txt",
    )
    assert spans is None
    assert "its first 4,999 of 5,000 words match the source" in message
    assert f"the quote has 'zzzzz' where the source has '{words[-1]}'" in message
    assert compared.sizes and max(compared.sizes) <= (SUGGEST_WORDS + 6) ** 2


def test_a_repetitive_source_is_compared_once_per_distinct_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefing.findings.indexed_source import IndexedSource
    from briefing.findings.quotes import locate

    compared = Compared(monkeypatch)
    spans, _ = locate("a " * 50 + "zzz", IndexedSource("big", "a b " * 100_000), "sources/big.txt")
    assert spans is None
    assert len(compared.sizes) <= 8  # not one per candidate window (50 and more)


def test_a_quote_with_many_ellipses_is_refused_before_any_search() -> None:
    from briefing.findings.indexed_source import IndexedSource
    from briefing.findings.quotes import MAX_PIECES, locate

    source = IndexedSource("big", "a b " * 1_000)
    spans, message = locate(" ... ".join(["a"] * (MAX_PIECES + 1)), source, "sources/big.txt")
    assert spans is None
    assert f"leaves words out in {MAX_PIECES} places" in message
    assert f"at most {MAX_PIECES - 1} places of one quote" in message


def test_an_elided_part_found_everywhere_is_refused() -> None:
    from briefing.findings.indexed_source import IndexedSource
    from briefing.findings.quotes import MAX_PLACES, locate

    source = IndexedSource("big", "a b " * (MAX_PLACES + 1))
    spans, message = locate("a ... b", source, "sources/big.txt")
    assert spans is None
    assert f"the part 'a' of the quote occurs more than {MAX_PLACES:,} times" in message


def test_a_folder_named_as_a_source_is_an_error_not_a_traceback(
    project: Project, run: Runner
) -> None:
    findings = project(naming("sources/notes"))
    (findings.parent / "sources" / "notes").mkdir()
    assert only_error(run("--findings", str(findings))).endswith(
        "source file 'sources/notes' is a folder, not a file"
    )
