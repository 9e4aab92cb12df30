"""The analyst's commands around the build: init, add-source, find and pdf, each on a
throwaway project, with the bad input each must refuse (leaving every file as it was)."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import typing
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from briefing.commands import pdf
from briefing.findings import model, typed
from conftest import Run

Runner = Callable[..., Run]


@pytest.fixture
def started(tmp_path: Path, run: Runner) -> Path:
    """A new project made by init; returns its findings.yaml."""
    result = run("init", str(tmp_path / "brief"))
    assert result.code == 0, result.stderr
    return tmp_path / "brief" / "findings.yaml"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


# init


def test_init_makes_a_project_that_builds_strictly(started: Path, run: Runner) -> None:
    folder = started.parent
    assert sorted(snapshot(folder)) == [
        ".gitignore",
        "README.md",
        "findings.schema.json",
        "findings.yaml",
        "sources/example.txt",
    ]
    result = run("--findings", str(started), "--strict")
    assert result.code == 0, result.stderr
    assert (folder / "report" / "index.html").is_file()


def records(cls: type) -> list[type]:
    """The record and every record nested in it, however deep: the whole model."""

    def inside(annotation: object) -> list[type]:
        own = [annotation] if isinstance(annotation, type) and typed.is_record(annotation) else []
        return own + [r for arg in typing.get_args(annotation) for r in inside(arg)]

    found = [cls]
    for record in found:
        for field in typed.fields(record):
            found += [r for r in inside(field.annotation) if r not in found]
    return found


def test_init_shows_every_key_of_the_model(started: Path) -> None:
    """Each key the model has appears in the starter findings, in use or commented."""
    text = started.read_text(encoding="utf-8")
    classes = records(model.Findings)
    assert {model.Briefing, model.Source, model.Claim, model.Evidence} <= set(classes)
    missing = [
        f"{cls.__name__}.{f.name}"
        for cls in classes
        for f in typed.fields(cls)
        if not re.search(rf"^\s*#?\s*(- )?{f.name}:", text, re.MULTILINE)
    ]
    assert missing == []


@pytest.mark.parametrize("setup", ["project", "other files"])
def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path, run: Runner, setup: str) -> None:
    folder = tmp_path / "brief"
    folder.mkdir()
    (folder / ("findings.yaml" if setup == "project" else "thesis.txt")).write_text("mine")
    result = run("init", str(folder))
    assert result.code == 1
    assert "nothing was changed" in result.stderr
    assert snapshot(folder) == {("findings.yaml" if setup == "project" else "thesis.txt"): b"mine"}


# add-source


def test_add_source_copies_pins_and_lists_it_keeping_the_layout(
    started: Path, run: Runner, tmp_path: Path
) -> None:
    before = started.read_text(encoding="utf-8")
    article = tmp_path / "update.txt"
    article.write_bytes(b"Rain eases\r\n\r\nThe agency said rain eased in February.\r\n")
    result = run(
        "add-source",
        str(article),
        "--id",
        "agency-update",
        "--findings",
        str(started),
        "--publisher",
        "Example News: Weather",
        "--published",
        "2025-02-07",
        "--reliability",
        "B",
    )
    assert result.code == 0, result.stderr
    copied = started.parent / "sources" / "update.txt"
    assert copied.read_bytes() == article.read_bytes()  # byte for byte, CRLF and all
    after = started.read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == [
        "  - id: agency-update",
        "    file: sources/update.txt",
        "    title: Rain eases",
        "    publisher: 'Example News: Weather'",
        "    published: 2025-02-07",
        "    reliability: B",
        f"    sha256: {hashlib.sha256(article.read_bytes()).hexdigest()}",
    ]
    assert [line for line in after.splitlines() if line not in added] == before.splitlines()
    assert run("--findings", str(started)).code == 0


def test_add_source_reads_a_saved_web_page_into_clean_text(
    started: Path, run: Runner, tmp_path: Path
) -> None:
    page = tmp_path / "saved.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Queue grows | Harbour Gazette</title>"
        '<meta property="og:title" content="Queue grows">'
        '<meta property="og:site_name" content="Harbour Gazette">'
        '<meta property="article:published_time" content="2025-03-03T08:00:00Z">'
        '</head><body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>'
        '<div class="cookie-banner">We use cookies. Accept all cookies?</div><article>'
        "<h1>Queue grows</h1><p>The port authority said on Monday that about 40 cargo ships "
        "were waiting at anchor off the harbour, up from 25 a week earlier.</p><p>Shipping "
        "agents disputed that view and said that as many as 60 vessels were waiting.</p>"
        "</article><footer>Copyright Harbour Gazette. Subscribe to our newsletter.</footer>"
        "</body></html>",
        encoding="utf-8",
    )
    result = run("add-source", str(page), "--id", "gazette", "--findings", str(started))
    assert result.code == 0, result.stderr
    text = (started.parent / "sources" / "gazette.txt").read_text(encoding="utf-8")
    assert "about 40 cargo ships" in text and "as many as 60 vessels" in text
    for chrome in ("Sport", "cookies", "Subscribe", "Copyright"):
        assert chrome not in text
    assert (started.parent / "sources" / "gazette.html").read_bytes() == page.read_bytes()
    entry = next(s for s in yaml.safe_load(started.read_text())["sources"] if s["id"] == "gazette")
    assert entry["title"] == "Queue grows" and entry["publisher"] == "Harbour Gazette"
    assert str(entry["published"]) == "2025-03-03"


def test_add_source_reads_a_saved_page_in_its_own_encoding(
    started: Path, run: Runner, tmp_path: Path
) -> None:
    page = tmp_path / "saved.htm"
    page.write_bytes(
        '<html><head><meta charset="windows-1252"><title>Café closes</title></head><body>'
        "<article><h1>Café closes</h1><p>The café on the harbour closed on Monday after "
        "forty years, its owner said in a statement to the press.</p><p>Regulars said they "
        "would miss the “strong coffee” and the view over the old port.</p></article>"
        "</body></html>".encode("cp1252")
    )
    result = run("add-source", str(page), "--id", "cafe", "--findings", str(started))
    assert result.code == 0, result.stderr
    text = (started.parent / "sources" / "cafe.txt").read_text(encoding="utf-8")
    assert "The café on the harbour" in text and "“strong coffee”" in text
    assert "\ufffd" not in text
    assert (started.parent / "sources" / "cafe.html").read_bytes() == page.read_bytes()


ENTRY = [
    "id: new",
    "file: sources/new.txt",
    "title: Harbour note",
    "reliability: F",
    "sha256: " + hashlib.sha256(b"Harbour note\n").hexdigest(),
]


def entry_lines(dash: int, key: int, newline: str = "\n") -> str:
    """The entry add-source writes, its '-' at column ``dash`` and its keys at ``key``."""
    first, *rest = ENTRY
    lines = [" " * dash + "-" + " " * (key - dash - 1) + first] + [" " * key + r for r in rest]
    return newline.join(lines) + newline


# The findings around where the entry goes: the text before it, the text after it, and
# the columns of the entries' '-' and keys.
LAYOUTS = {
    "wide dash": ("sources:\n    -   id: one\n        file: one.txt\n", "claims: []\n", 4, 8),
    "indentless": ("sources:\n- id: one\n  file: one.txt\n", "claims: []\n", 0, 2),
    "heading after the list": (
        "sources:\n  - id: one\n    file: one.txt\n",
        "\n# ---- Claims ----\n\nclaims: []\n",
        2,
        4,
    ),
    "comments under the last entry": (
        "sources:\n  - id: one  # first\n    file: one.txt\n    # reliability: B?\n",
        "# the end of the sources\nclaims: []\n",
        2,
        4,
    ),
    "block text last": (
        "sources:\n  - id: one\n    file: one.txt\n    note: |\n      Kept.\n",
        "\n\nclaims: []\n",
        2,
        4,
    ),
    "flow value over two lines": (
        "sources:\n  - id: one\n    file: one.txt\n    tags: [a,\n      b]  # c\n",
        "",
        2,
        4,
    ),
    "no newline at the end": ("claims: []\nsources:\n  - id: one\n    file: one.txt", "", 2, 4),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_add_source_changes_no_byte_of_the_layout_around_its_entry(
    tmp_path: Path, run: Runner, layout: str
) -> None:
    head, tail, dash, key = LAYOUTS[layout]
    findings = tmp_path / "findings.yaml"
    findings.write_bytes((head + tail).encode())
    (tmp_path / "new.txt").write_bytes(b"Harbour note\n")
    result = run(
        "add-source", str(tmp_path / "new.txt"), "--id", "new", "--findings", str(findings)
    )
    assert result.code == 0, result.stderr
    head = head if head.endswith("\n") else head + "\n"
    assert findings.read_text() == head + entry_lines(dash, key) + tail


def test_add_source_keeps_windows_line_ends(tmp_path: Path, run: Runner) -> None:
    findings = tmp_path / "findings.yaml"
    findings.write_bytes(b"sources:\r\n  - id: one\r\n    file: one.txt\r\nclaims: []\r\n")
    (tmp_path / "new.txt").write_bytes(b"Harbour note\n")
    assert (
        run(
            "add-source", str(tmp_path / "new.txt"), "--id", "new", "--findings", str(findings)
        ).code
        == 0
    )
    assert findings.read_bytes() == (
        b"sources:\r\n  - id: one\r\n    file: one.txt\r\n"
        + entry_lines(2, 4, "\r\n").encode()
        + b"claims: []\r\n"
    )


@pytest.mark.parametrize("empty", ["sources:", "sources: []"])
def test_add_source_starts_an_empty_list(tmp_path: Path, run: Runner, empty: str) -> None:
    findings = tmp_path / "findings.yaml"
    findings.write_text(f"claims: []\n{empty}  # none yet\nbriefing: {{title: T}}\n")
    (tmp_path / "new.txt").write_bytes(b"Harbour note\n")
    assert (
        run(
            "add-source", str(tmp_path / "new.txt"), "--id", "new", "--findings", str(findings)
        ).code
        == 0
    )
    assert findings.read_text() == (
        "claims: []\n"
        + empty.removesuffix(" []")
        + ("" if empty == "sources:" else " ")
        + "  # none yet\n"
        + entry_lines(2, 4)
        + "briefing: {title: T}\n"
    )


def test_add_source_refuses_rather_than_write_an_entry_that_reads_back_wrong(
    started: Path, run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text editing is checked by reading the result back; a miss changes nothing."""
    from briefing.commands import sources_list

    edit = sources_list.with_entry
    monkeypatch.setattr(
        sources_list,
        "with_entry",
        lambda text, node, entry: edit(text, node, entry).replace(
            "  - id: new\n", "      - id: new\n"
        ),
    )
    (tmp_path / "new.txt").write_bytes(b"Harbour note\n")
    before = snapshot(started.parent)
    result = run("add-source", str(tmp_path / "new.txt"), "--id", "new", "--findings", str(started))
    assert result.code == 1
    assert "list it by hand" in result.stderr
    assert snapshot(started.parent) == before


@pytest.mark.parametrize(
    ("make", "argv", "says"),
    [
        ("text", ["--id", "example-source"], "already listed"),
        ("text", ["--id", "Not A Slug"], "is not valid"),
        ("missing", ["--id", "new"], "not found"),
        ("latin1", ["--id", "new"], "is not UTF-8 text"),
        ("empty", ["--id", "new"], "holds no text"),
        ("empty-page", ["--id", "new"], "no article text could be extracted"),
        ("clash", ["--id", "new"], "already exists with other contents"),
        ("text", ["--id", "new", "--url", "ftp://example.org/a"], "is not an http(s) address"),
        ("text", ["--id", "new", "--published", "2025-02-30"], "is not a date"),
        ("text", ["--id", "new", "--reliability", "G"], "invalid choice"),
    ],
)
def test_add_source_refuses_bad_input_and_changes_nothing(
    started: Path, run: Runner, tmp_path: Path, make: str, argv: list[str], says: str
) -> None:
    name = {"empty-page": "page.html", "clash": "example.txt"}.get(make, "new.txt")
    source = tmp_path / name
    content = {
        "text": b"A new text.\n",
        "latin1": "caf\xe9\n".encode("latin-1"),
        "empty": b"  \n",
        "empty-page": b"<html><head><title>x</title></head><body></body>",
        "clash": b"Other words.\n",
    }
    if make != "missing":
        source.write_bytes(content[make])
    before = snapshot(started.parent)
    result = run("add-source", str(source), *argv, "--findings", str(started))
    assert result.code in (1, 2)
    assert says in result.stderr and "Traceback" not in result.stderr
    assert snapshot(started.parent) == before


def test_add_source_refuses_a_text_already_listed_under_another_id(
    started: Path, run: Runner, tmp_path: Path
) -> None:
    """One text under two ids would be cited apart and counted as two sources."""
    article = tmp_path / "wire.txt"
    article.write_text("Officials counted 40 ships.\n", encoding="utf-8")
    assert run("add-source", str(article), "--id", "wire", "--findings", str(started)).code == 0
    before = snapshot(started.parent)
    copy = tmp_path / "copy" / "wire-again.txt"
    copy.parent.mkdir()
    copy.write_bytes(article.read_bytes())
    result = run("add-source", str(copy), "--id", "wire-again", "--findings", str(started))
    assert result.code == 1
    assert "is already listed as source 'wire'" in result.stderr
    assert snapshot(started.parent) == before


def _article(tmp_path: Path, name: str = "notes.txt") -> Path:
    article = tmp_path / "in" / name
    article.parent.mkdir(exist_ok=True)
    article.write_text("Officials counted 40 ships.\n", encoding="utf-8")
    return article


@pytest.mark.parametrize("kind", ["fifo", "link to a device", "folder", "dangling link"])
def test_add_source_never_reads_or_replaces_what_is_not_an_ordinary_file(
    started: Path, run: Runner, tmp_path: Path, kind: str
) -> None:
    """A project received from someone else may hold anything at sources/NAME: a pipe
    would hang a read, /dev/zero would fill memory; the command refuses, changing nothing."""
    target = started.parent / "sources" / "notes.txt"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "link to a device":
        target.symlink_to("/dev/zero")
    elif kind == "folder":
        target.mkdir()
    else:
        target.symlink_to(tmp_path / "nowhere.txt")
    before = snapshot(started.parent)
    result = run("add-source", str(_article(tmp_path)), "--id", "notes", "--findings", str(started))
    assert result.code == 1 and "nothing was changed" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(started.parent) == before
    assert not (tmp_path / "nowhere.txt").exists()


def test_add_source_refuses_a_sources_folder_that_leads_outside_the_project(
    started: Path, run: Runner, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = started.parent / "sources"
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()
    folder.symlink_to(outside)
    result = run("add-source", str(_article(tmp_path)), "--id", "notes", "--findings", str(started))
    assert result.code == 1 and "is not a folder of the project" in result.stderr
    assert list(outside.iterdir()) == []


def test_add_source_refuses_findings_that_are_a_link(
    started: Path, run: Runner, tmp_path: Path
) -> None:
    real = tmp_path / "shared-findings.yaml"
    real.write_bytes(started.read_bytes())
    started.unlink()
    started.symlink_to(real)
    result = run("add-source", str(_article(tmp_path)), "--id", "notes", "--findings", str(started))
    assert result.code == 1 and "is a symbolic link" in result.stderr
    assert started.is_symlink() and "notes" not in real.read_text(encoding="utf-8")


def test_add_source_refuses_a_file_name_a_findings_file_cannot_hold(
    started: Path, run: Runner, tmp_path: Path
) -> None:
    before = snapshot(started.parent)
    result = run(
        "add-source",
        str(_article(tmp_path, "esc\x1b[2J.txt")),
        "--id",
        "esc",
        "--findings",
        str(started),
    )
    assert result.code == 1 and "rename the file first" in result.stderr
    assert "\x1b[2J" not in result.stderr  # shown escaped, never sent to the terminal
    assert snapshot(started.parent) == before


def test_add_source_sees_an_unpinned_entry_of_the_same_text_however_its_path_is_written(
    started: Path, run: Runner, tmp_path: Path
) -> None:
    text = started.read_text(encoding="utf-8")
    started.write_text(
        re.sub(r"    sha256: .*\n", "", text).replace(
            "file: sources/example.txt", "file: ./sources/example.txt"
        ),
        encoding="utf-8",
    )
    copy = tmp_path / "copy" / "example.txt"
    copy.parent.mkdir()
    copy.write_bytes((started.parent / "sources" / "example.txt").read_bytes())
    result = run("add-source", str(copy), "--id", "dup", "--findings", str(started))
    assert result.code == 1 and "is already listed as source 'example-source'" in result.stderr


# find


def test_find_gives_the_closest_passages_ready_to_paste(
    started: Path, run: Runner, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cli import main

    assert (
        main(
            [
                "find",
                "example-source",
                "rain fell in January most since records",
                "--findings",
                str(started),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    first = out.split("# ")[1]
    assert first.startswith("sources/example.txt:3:1 ")
    entry = yaml.safe_load("evidence:\n" + "\n".join(first.splitlines()[1:3]))
    quote = entry["evidence"][0]["quote"]
    # The whole sentence the remembered words fall in: easy to trim, ready to paste.
    assert (
        quote == "The agency said about 120 mm of rain fell in January, the most since "
        "records began."
    )
    assert entry["evidence"][0]["source"] == "example-source"
    assert quote in (started.parent / "sources" / "example.txt").read_text()


def test_find_escapes_quotes_for_yaml(
    tmp_path: Path, run: Runner, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cli import main

    assert run("init", str(tmp_path / "p")).code == 0
    findings = tmp_path / "p" / "findings.yaml"
    (tmp_path / "p" / "sources" / "example.txt").write_text(
        'He said: "we expect #1 rank" — and left.\n', encoding="utf-8"
    )
    findings.write_text(re.sub(r"    sha256: .*\n", "", findings.read_text()))
    assert main(["find", "example-source", "we expect 1 rank", "--findings", str(findings)]) == 0
    lines = capsys.readouterr().out.splitlines()
    entry = yaml.safe_load("evidence:\n" + "\n".join(lines[1:3]))["evidence"][0]
    assert '"we expect #1 rank"' in entry["quote"]  # quotes and '#' survive as text


def test_find_names_an_unknown_source_with_a_suggestion(started: Path, run: Runner) -> None:
    result = run("find", "exmple-source", "rain", "--findings", str(started))
    assert result.code == 1
    assert "(did you mean 'example-source'?)" in result.stderr


def test_find_shows_the_mistake_that_hides_the_source(started: Path, run: Runner) -> None:
    """A findings file broken mid-edit: find names the error, not 'no such source'."""
    text = started.read_text(encoding="utf-8")
    started.write_text(
        text.replace("    title: Example agency reports record rainfall", "    title: 5"),
        encoding="utf-8",
    )
    result = run("find", "example-source", "rain", "--findings", str(started))
    assert result.code == 1
    assert re.search(r"findings\.yaml:\d+:\d+: error: title must be text", result.stderr)
    assert "cannot be searched until the 1 error(s) above are fixed" in result.stderr
    assert "no source" not in result.stderr


def test_find_shows_each_passage_once_and_counts_the_words_found(
    tmp_path: Path, run: Runner, capsys: pytest.CaptureFixture[str]
) -> None:
    """Words scattered through one sentence match it in several close windows: it is
    shown once, saying how many of the words it holds."""
    from briefing.cli import main

    assert run("init", str(tmp_path / "p")).code == 0
    findings = tmp_path / "p" / "findings.yaml"
    (tmp_path / "p" / "sources" / "example.txt").write_text(
        "The governor asked for repairs in May, the council said, but nothing was done "
        "about the dam before the storm.\nOther news followed.\n",
        encoding="utf-8",
    )
    findings.write_text(re.sub(r"    sha256: .*\n", "", findings.read_text()))
    capsys.readouterr()
    assert (
        main(
            [
                "find",
                "example-source",
                "asked for repairs nothing was done",
                "--findings",
                str(findings),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    headers = [line for line in out.splitlines() if line.startswith("# ")]
    assert len(headers) == len(set(headers)) >= 1
    assert headers[0].endswith("(6 of 6 words found)")


def test_find_searches_a_good_source_despite_another_mistake_and_says_so(
    started: Path, run: Runner
) -> None:
    text = started.read_text(encoding="utf-8")
    started.write_text(
        text.replace("briefing:\n", "briefing:\n  edition: [1, 2]\n", 1), encoding="utf-8"
    )
    result = run("find", "example-source", "rain fell in January", "--findings", str(started))
    assert result.code == 0 and ": error: " in result.stderr
    typo = run("find", "exmple-source", "rain", "--findings", str(started))
    assert typo.code == 1 and "(did you mean 'example-source'?)" in typo.stderr


RAIN = "The agency said about 120 mm of rain fell in January, the most since records began."


def test_find_reads_the_findings_no_further_than_the_sources_list(
    started: Path, run: Runner, capsys: pytest.CaptureFixture[str]
) -> None:
    """The claims after the sources are never read: find answers from a file whose
    claims the build refuses, and says nothing of them (the build does)."""
    from briefing.cli import main

    text = started.read_text(encoding="utf-8")
    head = text[: text.index("\nclaims:") + 1]
    started.write_text(
        head + "claims:\n  - id: [never closed\n    statement: x\n", encoding="utf-8"
    )
    assert main(["find", "rain fell in January", "--findings", str(started)]) == 0
    found = capsys.readouterr()
    assert found.err == ""
    assert f'quote: "{RAIN}"' in found.out
    built = run("--findings", str(started))
    assert built.code == 1 and re.search(r"findings\.yaml:\d+:\d+: error: ", built.stderr)


def test_find_checks_the_sources_and_not_one_claim(
    started: Path, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.findings import model, typed

    conform = typed.conform
    built: list[type] = []

    def recorded(cls: type, raw: object) -> object:
        built.append(cls)
        return conform(cls, raw)

    monkeypatch.setattr(typed, "conform", recorded)
    result = run("find", "example-source", "rain fell in January", "--findings", str(started))
    assert result.code == 0 and result.stderr == ""
    assert model.Source in built and model.Claim not in built


def test_find_reads_the_whole_file_when_the_claims_come_before_the_sources(
    started: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cli import main

    text = started.read_text(encoding="utf-8")
    sources = text[text.index("sources:") : text.index("claims:")]
    started.write_text(text.replace(sources, "") + sources, encoding="utf-8")
    assert main(["find", "rain fell in January", "--findings", str(started)]) == 0
    assert f'quote: "{RAIN}"' in capsys.readouterr().out


def test_find_refuses_a_sources_list_that_is_not_yaml_with_the_place(
    started: Path, run: Runner
) -> None:
    text = started.read_text(encoding="utf-8")
    broken = text.replace("    publisher: Example News", "    publisher: [Example News")
    started.write_text(broken, encoding="utf-8")
    line = broken.splitlines().index("    publisher: [Example News") + 1
    result = run("find", "rain", "--findings", str(started))
    assert result.code == 1
    first = result.lines[0]
    assert re.match(rf".*findings\.yaml:{line}:\d+: error: ", first), first
    assert "no source can be searched until the 1 error(s) above are fixed" in result.stderr
    assert "Traceback" not in result.stderr


def test_find_says_which_source_file_cannot_be_read_and_where_it_is_listed(
    started: Path, run: Runner
) -> None:
    (started.parent / "sources" / "example.txt").unlink()
    line = (
        started.read_text(encoding="utf-8")
        .splitlines()
        .index("    file: sources/example.txt          # relative to this file")
    )
    result = run("find", "example-source", "rain", "--findings", str(started))
    assert result.code == 1
    assert result.lines[0].endswith(
        f"findings.yaml:{line + 1}:11: error: source file 'sources/example.txt' not found "
        "(paths are relative to findings.yaml)"
    )
    assert "source 'example-source' cannot be read: see the error(s) above" in result.stderr


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["example-source", "  "], "give the words to look for"),
        (["example-source", *["word"] * 61], "give at most 60 words"),
        (["example-source", "rain", "--max", "0"], "--max 0"),
        (["example-source"], "the following arguments are required: WORDS"),
    ],
)
def test_find_refuses_a_bad_command_line(
    started: Path, run: Runner, argv: list[str], says: str
) -> None:
    result = run("find", *argv, "--findings", str(started))
    assert result.code == 2
    assert says in result.stderr and "Traceback" not in result.stderr


# pdf


def test_pdf_has_the_page_number_and_the_marking_on_every_page(
    started: Path, run: Runner, tmp_path: Path
) -> None:
    if not shutil.which("chromium"):
        if os.environ.get("CI"):
            pytest.fail("chromium is missing (CI is set, so this fails instead of skipping)")
        pytest.skip("chromium is not installed: apt-get install chromium")
    from pypdf import PdfReader

    out = tmp_path / "paper" / "briefing.pdf"
    result = run("pdf", "--findings", str(started), "--out", str(out))
    assert result.code == 0, result.stderr
    pages = PdfReader(out).pages
    assert pages
    marking = yaml.safe_load(started.read_text())["briefing"]["marking"]
    for number, page in enumerate(pages, 1):
        text = page.extract_text()
        assert f"Page {number} of {len(pages)}" in text
        assert text.count(marking) >= 2, f"page {number}: marking at top and bottom"
    assert not (started.parent / "report").exists()  # printing builds nothing in report/


def test_pdf_without_a_browser_says_how_to_get_one(
    started: Path, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "BROWSERS", ("no-such-browser",))
    result = run("pdf", "--findings", str(started))
    assert result.code == 1
    assert "apt-get install chromium" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("mistake", ["bad quote", "no findings"])
def test_pdf_refuses_findings_that_do_not_build_and_prints_nothing(
    started: Path, run: Runner, tmp_path: Path, mistake: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "chromium", lambda: "chromium")  # the build fails first
    if mistake == "bad quote":
        text = started.read_text(encoding="utf-8")
        started.write_text(
            text.replace(
                "quote: about 120 mm of rain fell in January", "quote: about 999 mm of rain fell"
            ),
            encoding="utf-8",
        )
    findings = started if mistake == "bad quote" else tmp_path / "none.yaml"
    out = tmp_path / "briefing.pdf"
    result = run("pdf", "--findings", str(findings), "--out", str(out))
    assert result.code == 1 and "Traceback" not in result.stderr
    if mistake == "bad quote":
        assert re.search(r"findings\.yaml:\d+:\d+: error: ", result.stderr)
        assert "fix them, then print" in result.stderr
    else:
        assert "not found" in result.stderr
    assert not out.exists()


def test_find_refuses_a_source_in_the_report_folder_as_the_build_does(
    started: Path, run: Runner, capsys: pytest.CaptureFixture[str]
) -> None:
    """A report cannot cite itself: find says so too, instead of searching the file."""
    from briefing.cli import main

    report = started.parent / "report"
    report.mkdir(exist_ok=True)
    (report / "x.txt").write_text("Rain fell all week.\n", encoding="utf-8")
    text = started.read_text(encoding="utf-8")
    entry = "  - id: inside\n    file: report/x.txt\n    title: Inside\n"
    started.write_text(
        re.sub(r"(?m)^sources:.*\n", lambda m: m.group() + entry, text, count=1),
        encoding="utf-8",
    )
    main(["find", "rain", "fell", "all", "week", "--findings", str(started)])
    found = capsys.readouterr()
    assert "is inside the report folder" in found.err
    assert "Rain fell all week" not in found.out
    assert run("--findings", str(started)).code != 0  # the build refuses it too
